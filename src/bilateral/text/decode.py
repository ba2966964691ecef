"""Bytes to text: UTF-8 (with or without BOM), UTF-16 (with BOM, or without one when the text
is mostly ASCII), cp1252 as a last resort."""

from __future__ import annotations

import codecs
from typing import Final

import attr

from bilateral.errors import UnreadableArticleError

_CONTROL: Final = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_NOT_CONTROL: Final = bytes(b for b in range(256) if b not in _CONTROL)
# A file is binary when a third of it or more is control characters (a UTF-16 file without its
# BOM is half NULs), or when it is not UTF-8 and more than one byte in twenty is one. Fewer
# (stray NULs, noise pasted from a terminal) are text: the reader blanks them with a notice.
BINARY_SHARE: Final = 1 / 3
BINARY_SHARE_NOT_UTF8: Final = 0.05
# UTF-16 without a BOM: in text mostly of ASCII, NUL is the high byte of most characters (the
# second of each pair little-endian, the first big-endian) and rarely the other byte.
UTF16_NUL_SHARE: Final = 0.6  # of the pairs with NUL as their high byte, at least
UTF16_OTHER_NUL_SHARE: Final = 0.05  # of the pairs with NUL as their low byte, at most
UTF16_MIN_BYTES: Final = 4


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
    if (endian := _utf16_without_bom(data)) is not None:
        encoding = f"utf-16-{endian}"
        text = _strict(data, encoding, name)
        if _control_share(text.encode("utf-8")) >= BINARY_SHARE:
            raise UnreadableArticleError(name, "binary data, not text")
        return Decoded(text, encoding, f"no byte order mark; read as {encoding.upper()}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        if _control_share(data) > BINARY_SHARE_NOT_UTF8:
            raise UnreadableArticleError(name, "binary data, not text") from None
        text = data.decode("cp1252", errors="replace")
        return Decoded(text, "cp1252", "not valid UTF-8; read as cp1252")
    if _control_share(data) >= BINARY_SHARE:
        raise UnreadableArticleError(name, "binary data, not text")
    return Decoded(text, "utf-8")


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableArticleError(name, f"invalid {encoding}: {exc.reason}") from exc


def _control_share(data: bytes) -> float:
    """The share of the bytes that are control characters (but tab, line breaks, form feed)."""
    return len(data.translate(None, _NOT_CONTROL)) / len(data) if data else 0.0


def _utf16_without_bom(data: bytes) -> str | None:
    """``"le"`` or ``"be"`` when the bytes have the NUL pattern of UTF-16 text mostly of ASCII
    in that byte order, else None."""
    if len(data) < UTF16_MIN_BYTES or len(data) % 2:
        return None
    pairs = len(data) // 2
    even, odd = data[0::2].count(0) / pairs, data[1::2].count(0) / pairs
    if odd >= UTF16_NUL_SHARE and even <= UTF16_OTHER_NUL_SHARE:
        return "le"
    if even >= UTF16_NUL_SHARE and odd <= UTF16_OTHER_NUL_SHARE:
        return "be"
    return None
