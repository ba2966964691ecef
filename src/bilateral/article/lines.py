"""Lines of the raw text, what the reader has learnt of an article, and the tests of a line
that every part of the reader asks."""

from __future__ import annotations

import re
from typing import Final, final

import attr

from bilateral.article.layout import layout
from bilateral.article.written_dates import parse_written_date
from bilateral.model import Notice, PartialDate, Span
from bilateral.text.lexicons import cities_by_lower_case, city_countries

_TERMINALS: Final = ".!?…"
_CLOSERS: Final = "\"”’')]"  # may follow a sentence's final stop
_WORD: Final = re.compile(r"\S+")
_LINE: Final = re.compile(r"[^\n\r]+")
_RUNS: Final = frozenset({"repeat", "footer"})
BODY_MIN_WORDS: Final = 6


# outlet evidence, strongest first; a masthead or a copyright notice naming no known outlet,
# then a release's sender, only where no known outlet shows (a copyright notice naming a known
# outlet may name its publisher, of several titles: it ranks with those)
(
    FOOTER,
    HEADER,
    AGENCY_CODE,
    STAMP,
    DOMAIN,
    POLICY,
    SELF_REFERENCE,
    MASTHEAD,
    COPYRIGHT,
    SENDER,
) = range(10)


@final
class Line:
    """A line of the raw text, trimmed. A record with a compiled ``__init__``, like
    :class:`~bilateral.mentions.marks.Mark`."""

    __slots__ = ("end", "footer", "start", "text")

    def __init__(self, start: int, end: int, text: str, footer: bool = False) -> None:
        self.start: Final = start
        self.end: Final = end
        self.text: Final = text
        self.footer: Final = footer  # a footer cut out of the line it was glued to


@attr.s(auto_attribs=True, slots=True, eq=False)
class Reading:
    """What the reader has learnt so far about one article."""

    raw: str
    article_id: str
    folded: str  # fold(raw): slices of it are the folds of lines and paragraphs
    furniture: list[tuple[str, int, int]] = attr.ib(factory=list)
    outlets: list[tuple[int, str]] = attr.ib(factory=list)
    # outlet -> the name it signs with below the story ("AA" for Andes Agency)
    signed: dict[str, str] = attr.ib(factory=dict)
    sections: set[str] = attr.ib(factory=set)  # the site's section menu's items, casefolded
    published: PartialDate | None = None
    month_day: tuple[int, int] | None = None
    weekday: int | None = None
    headline: str | None = None
    standfirst: str | None = None
    byline: str | None = None
    dateline: str | None = None
    caption_dateline: str | None = None
    notices: list[Notice] = attr.ib(factory=list)

    def span(self, start: int, end: int) -> Span:
        return Span(self.article_id, start, end, self.raw[start:end])

    def add(self, kind: str, start: int, end: int) -> None:
        """Record furniture; a run of lines of one kind (a footer, repeats) is one piece."""
        last = self.furniture[-1] if self.furniture else None
        if last and last[0] == kind and kind in _RUNS and self.raw[last[2] : start].isspace():
            self.furniture[-1] = (kind, last[1], end)
            return
        self.furniture.append((kind, start, end))

    def note_date(self, text: str | None) -> None:
        if not text or self.published is not None:
            return
        parsed = parse_written_date(text)
        if parsed is None:
            return
        year, month, day = parsed
        try:
            if year is not None:
                self.published = PartialDate(year, month, day)
            elif self.month_day is None:
                PartialDate(2000, month, day)  # validates month and day (leap year)
                self.month_day = (month, day)
        except ValueError:
            self.notices.append(Notice("bad-date", f"not a calendar date: {text!r}"))


def lines_of(raw: str) -> list[Line]:
    """Non-blank lines with their offsets, surrounding white space trimmed."""
    lines = []
    for match in _LINE.finditer(raw):
        start, end = match.span()
        while start < end and raw[start].isspace():
            start += 1
        while end > start and raw[end - 1].isspace():
            end -= 1
        if start < end:
            lines.append(Line(start, end, raw[start:end]))
    return lines


def is_body_start(line: Line) -> bool:
    dateline = layout().dateline.match(line.text)
    if dateline and dateline_city(line.text):
        # "MAP - Maghreb Arabe Presse" is a name, not a dateline before a body
        return len(_WORD.findall(line.text[dateline.end() :])) >= BODY_MIN_WORDS
    if layout().stamp.match(line.text):
        return True
    return ends_sentence(line.text) and len(_WORD.findall(line.text)) >= BODY_MIN_WORDS


def dateline_city(text: str) -> str | None:
    match = layout().dateline.match(text)
    return titled_city(match["city"]) if match else None


def titled_city(word: str) -> str | None:
    """A dateline's city in title case, when it is in capitals or a known city."""
    known = city_countries()
    if word in known:
        return word
    letters = word.replace(" ", "").replace("-", "").replace(".", "")
    if not (letters.isalpha() and letters.isupper() and len(letters) >= 3):
        return None
    titled = " ".join(part.capitalize() for part in word.split())
    return cities_by_lower_case().get(titled.lower(), titled)


def ends_sentence(text: str) -> bool:
    """Whether a line ends with a full stop, "!", "?" or "…", maybe inside quotes or brackets."""
    unclosed = text.rstrip(_CLOSERS)
    return bool(unclosed) and unclosed[-1] in _TERMINALS
