"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, cp1252 as a last resort."""

from __future__ import annotations

import codecs
from typing import Final

import attr

from bilateral.errors import UnreadableArticleError

_CONTROL: Final = {b for b in range(32) if b not in (9, 10, 12, 13)}


@attr.s(auto_attribs=True, slots=True, eq=False, frozen=True)
class Decoded:
    text: str
    encoding: str
    warning: str | None = None


def decode_bytes(data: bytes, name: str) -> Decoded:
    """Decode article bytes, or raise :class:`UnreadableArticleError` for binary data."""
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(_strict(data[3:], "utf-8", name), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded(_strict(data, "utf-16", name), "utf-16")
    if _looks_binary(data):
        raise UnreadableArticleError(name, "binary data, not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        return Decoded(text, "cp1252", "not valid UTF-8; read as cp1252")


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableArticleError(name, f"invalid {encoding}: {exc.reason}") from exc


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b in _CONTROL)
    return bool(sample) and controls / len(sample) > 0.05
