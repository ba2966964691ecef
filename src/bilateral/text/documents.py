"""Documents: an id and the text to read, from files, bytes or the bundled examples."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Final

import attr

from bilateral.errors import UnreadableArticleError
from bilateral.text.decode import decode_bytes
from bilateral.text.resources import packaged_names, packaged_text

MAX_BYTES: Final = 256 * 1024 * 1024


@attr.s(auto_attribs=True, slots=True, frozen=True)
class Document:
    """Raw article text with the id its facts will carry, and any reading warning."""

    id: str
    text: str
    path: str | None = None
    warning: str | None = None


def text_id(text: str) -> str:
    """A stable id for text that has no file name."""
    return "article-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def document_from_bytes(data: bytes, name: str, doc_id: str | None = None) -> Document:
    """A document from raw bytes; ``name`` is used in errors."""
    decoded = decode_bytes(data, name)
    return Document(doc_id or text_id(decoded.text), decoded.text, name, decoded.warning)


def read_document(path: str | Path) -> Document:
    """Read an article file; its id is the file name without extension."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise UnreadableArticleError(str(path), f"larger than {MAX_BYTES} bytes")
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableArticleError(str(path), exc.strerror or str(exc)) from exc
    return document_from_bytes(data, str(path), path.stem)


def examples() -> list[Document]:
    """The bundled example articles (Pakistan–Iran visits, 2017–2023), in id order."""
    return [
        Document(name.removesuffix(".txt"), packaged_text("examples", name), f"examples/{name}")
        for name in packaged_names("examples", ".txt")
    ]
