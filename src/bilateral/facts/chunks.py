"""Articles in chunks, and a chunk's extraction: what one process does with its share."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import TypeVar

from bilateral.errors import UnreadableArticleError
from bilateral.facts.pipeline import extract_document
from bilateral.mentions.lexicon import Lexicon
from bilateral.model import ExtractionResult
from bilateral.text import Document, read_document
from bilateral.text.documents import text_id

Item = Document | str | Path
T = TypeVar("T")


def chunks_of(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def run_chunk(
    chunk: list[Item], convert: Callable[[ExtractionResult], T], lexicon: Lexicon | None
) -> list[T | UnreadableArticleError]:
    outcomes: list[T | UnreadableArticleError] = []
    for item in chunk:
        try:
            document = document_of(item)
        except UnreadableArticleError as exc:
            outcomes.append(exc)
            continue
        outcomes.append(convert(extract_document(document, lexicon)))
    return outcomes


def document_of(item: Item) -> Document:
    if isinstance(item, Document):
        return item
    if isinstance(item, Path):
        return read_document(item)
    return Document(text_id(item), item)
