"""Extraction of many articles: in order, streaming, on several processes.

``extract_many`` keeps at most a few chunks per worker in flight, so memory stays bounded
however many files there are, and yields results in input order. ``extract_many_as`` yields
what a function makes of each result, made where the article is extracted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from bilateral.errors import UnreadableArticleError
from bilateral.facts.chunks import Item, chunks_of, run_chunk
from bilateral.mentions.lexicon import Lexicon
from bilateral.model import ExtractionResult

T = TypeVar("T")


def extract_many(
    items: Iterable[Item],
    *,
    workers: int = 1,
    chunksize: int = 8,
    lexicon: Lexicon | None = None,
    on_error: Callable[[UnreadableArticleError], None] | None = None,
) -> Iterator[ExtractionResult]:
    """:func:`bilateral.facts.api.extract_many`, compiled."""
    return extract_many_as(
        items, _as_it_is, workers=workers, chunksize=chunksize, lexicon=lexicon, on_error=on_error
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
    """:func:`bilateral.facts.api.extract_many_as`, compiled."""
    for name, value in (("workers", workers), ("chunksize", chunksize)):
        if value < 1:
            raise ValueError(f"{name} must be at least 1, not {value!r}")
    return _results(_outcomes(items, convert, workers, chunksize, lexicon), on_error)


def _as_it_is(result: ExtractionResult) -> ExtractionResult:
    return result


def _results(
    outcomes: Iterator[T | UnreadableArticleError],
    on_error: Callable[[UnreadableArticleError], None] | None,
) -> Iterator[T]:
    """The outputs; each unreadable article raised, or passed to ``on_error``."""
    for outcome in outcomes:
        if isinstance(outcome, UnreadableArticleError):
            if on_error is None:
                raise outcome
            on_error(outcome)
        else:
            yield outcome


def _outcomes(
    items: Iterable[Item],
    convert: Callable[[ExtractionResult], T],
    workers: int,
    chunksize: int,
    lexicon: Lexicon | None,
) -> Iterator[T | UnreadableArticleError]:
    chunks = chunks_of(items, chunksize)
    if workers > 1:
        from bilateral.facts.pool import pooled_outcomes  # the process machinery, when needed

        yield from pooled_outcomes(chunks, convert, workers, lexicon)
        return
    for chunk in chunks:
        yield from run_chunk(chunk, convert, lexicon)
