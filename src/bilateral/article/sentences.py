"""Sentence boundaries inside a paragraph, aware of abbreviations, initials and quotes."""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from bilateral.text.resources import packaged_toml

# "[.!?…]" first: a pattern that begins with a class is searched for it. A run of stops is
# tried once, from its first stop (the look-behind), and not given back (the possessive
# quantifiers): tried from each of its stops, a run of n dots cost n².
_BOUNDARY: Final = re.compile(
    r"[.!?…](?<![.!?…][.!?…])[.!?…]*+[\"”’')\]]*+(?=\s+[\"“‘'(\[]?[A-Z0-9])"
)
_QUOTE: Final = re.compile('[“”"]')
_WORD_BEFORE: Final = re.compile(r"([A-Za-z][A-Za-z.]{0,15})$")


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(packaged_toml("reader")["sentences"]["abbreviations"])


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text``, whitespace trimmed."""
    bounds: list[tuple[int, int]] = []
    quotes = _QuoteState()
    start = 0
    for match in _BOUNDARY.finditer(text):
        quotes.advance(text, match.end())
        if quotes.is_open(match.end()) or _abbreviation_before(text, match):
            continue
        bounds.append((start, match.end()))
        start = match.end()
    bounds.append((start, len(text)))
    return [
        piece
        for s, e in bounds
        if (trimmed := _trim(text, s, e))
        for piece in _pieces(text, *trimmed)
    ]


MAX_SENTENCE: Final = 1200


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence longer than MAX_SENTENCE characters (a scrape without full stops, a dump)
    cut at white space, so that no later step works on an unbounded stretch."""
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        if trimmed := _trim(text, start, cut):
            pieces.append(trimmed)
        start = cut
    if trimmed := _trim(text, start, end):
        pieces.append(trimmed)
    return pieces


class _QuoteState:
    """Whether a double quote is open, read incrementally; a quote left open longer than
    MAX_QUOTE characters is taken as unbalanced and ignored."""

    MAX_QUOTE = 800

    def __init__(self) -> None:
        self.position = 0
        self.opened_at: int | None = None

    def advance(self, text: str, end: int) -> None:
        for quote in _QUOTE.finditer(text, self.position, end):
            char, index = quote.group(), quote.start()
            if char == "“":
                self.opened_at = index
            elif char == "”":
                self.opened_at = None
            else:
                self.opened_at = None if self.opened_at is not None else index
        self.position = max(self.position, end)

    def is_open(self, at: int) -> bool:
        return self.opened_at is not None and at - self.opened_at <= self.MAX_QUOTE


def _abbreviation_before(text: str, match: re.Match[str]) -> bool:
    if match.group() != ".":
        return False
    word = _WORD_BEFORE.search(text, max(0, match.start() - 16), match.start())
    if word is None:
        return False
    token = word.group(1)
    return token in _abbreviations() or (len(token) == 1 and token.isupper())


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
