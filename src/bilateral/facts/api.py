"""The extraction functions users call: thin typed wrappers over the compiled code.

setup.py leaves this module plain Python, so that ``help()`` and :func:`inspect.signature` show
their docstrings and annotated signatures: compiled functions keep neither docstrings nor
annotations.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from bilateral.errors import UnreadableArticleError
from bilateral.facts import batch, pipeline
from bilateral.facts.chunks import Item
from bilateral.mentions.lexicon import Lexicon
from bilateral.model import ExtractionResult
from bilateral.text import Document

T = TypeVar("T")


def extract(
    text: str, article_id: str | None = None, lexicon: Lexicon | None = None
) -> ExtractionResult:
    """Everything the library finds in one article's raw text.

    ``article_id`` defaults to one made from the text; ``lexicon`` to the packaged one. Never
    raises on any ``str``: problems become notices in ``result.warnings``.
    """
    return pipeline.extract(text, article_id, lexicon)


def extract_document(document: Document, lexicon: Lexicon | None = None) -> ExtractionResult:
    """Extract from a :class:`~bilateral.text.documents.Document`, keeping its reading
    warning."""
    return pipeline.extract_document(document, lexicon)


def extract_many(
    items: Iterable[Item],
    *,
    workers: int = 1,
    chunksize: int = 8,
    lexicon: Lexicon | None = None,
    on_error: Callable[[UnreadableArticleError], None] | None = None,
) -> Iterator[ExtractionResult]:
    """Results for each item, in input order. An item is a
    :class:`~bilateral.text.documents.Document`, a path to an article file (``Path``), or raw
    text (``str``). An unreadable file raises :class:`~bilateral.errors.UnreadableArticleError`,
    or is passed to ``on_error`` and skipped. ``workers`` and ``chunksize`` are at least 1
    (``ValueError``)."""
    return batch.extract_many(
        items, workers=workers, chunksize=chunksize, lexicon=lexicon, on_error=on_error
    )


def extract_many_as(
    items: Iterable[Item],
    convert: Callable[[ExtractionResult], T],
    *,
    workers: int = 1,
    chunksize: int = 8,
    lexicon: Lexicon | None = None,
    on_error: Callable[[UnreadableArticleError], None] | None = None,
) -> Iterator[T]:
    """What ``convert`` makes of each result (a JSON line, a summary...), in input order, as
    :func:`extract_many` gives the results. ``convert`` runs where the article is extracted:
    worker processes send back what it makes, which costs the calling process far less to
    receive than a result. So it must be picklable: a module-level function, or a
    ``functools.partial`` of one."""
    return batch.extract_many_as(
        items, convert, workers=workers, chunksize=chunksize, lexicon=lexicon, on_error=on_error
    )
