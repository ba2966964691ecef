"""Raw text to :class:`Article`: metadata, furniture, body paragraphs and sentences."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Final, final

import attr

from bilateral.article.layout import LinePattern, layout
from bilateral.article.outlets import outlet_in_folded, outlet_named, outlet_of_code
from bilateral.article.sentences import sentence_bounds
from bilateral.article.written_dates import expand, parse_written_date
from bilateral.model import Article, Furniture, Notice, PartialDate, Span
from bilateral.text.lexicons import cities_by_lower_case, city_countries
from bilateral.text.regex import fold

_TERMINALS: Final = ".!?…"
_CLOSERS: Final = "\"”’')]"  # may follow a sentence's final stop
_BULLET: Final = re.compile(r"^[•●▪■*-]\s")
_WORD: Final = re.compile(r"\S+")
_LINE: Final = re.compile(r"[^\n\r]+")
# runs of control characters, or of lone surrogates, each run of one kind
_UNPRINTABLE: Final = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]+|[\ud800-\udfff]+")
_FIRST_SURROGATE: Final = chr(0xD800)  # written so: mypyc takes no surrogate in a literal
MAX_BLANKED_NOTICES: Final = 20
_WORD_START: Final = re.compile(r"(?<=\s)[A-Z0-9]")
_HEAD_DATE: Final = re.compile(expand("{DATE}"))
ONE_LINE_HEAD: Final = 400  # how far into an article on one line its header is looked for
SUBHEADING_MAX_WORDS: Final = 18
HEADER_LINES: Final = 4  # lines of a headline, a date, a byline before an article's dateline
_RUNS: Final = frozenset({"repeat", "footer"})
_SECTIONS: Final = frozenset({"links", "comments"})  # footers whose every following line is theirs
WEEKDAYS: Final = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
BODY_MIN_WORDS: Final = 6
HEADER_MAX_LINES: Final = 12  # lines before the body that may all be page furniture
BODY_RUN: Final = 3  # body paragraphs in a row after comments or links: the next article


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
class _Reading:
    """What the reader has learnt so far about one article."""

    raw: str
    article_id: str
    folded: str  # fold(raw): slices of it are the folds of lines and paragraphs
    furniture: list[tuple[str, int, int]] = attr.ib(factory=list)
    outlets: list[tuple[int, str]] = attr.ib(factory=list)
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


# outlet evidence, strongest first
FOOTER, HEADER, AGENCY_CODE, STAMP, DOMAIN, POLICY, SELF_REFERENCE = range(7)


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


def read_article(raw: str, article_id: str) -> tuple[Article, tuple[Notice, ...]]:
    """Read an article's raw text; problems come back as notices, never as exceptions.

    Control characters (but tab, line breaks and form feed) become spaces and lone surrogates
    U+FFFD, at the same offsets: the article's ``raw`` is the text so cleaned."""
    raw, blanked = _blanked(raw, article_id)
    reading = _Reading(raw, article_id, fold(raw), notices=blanked)
    lines = _strip_prefix(reading, lines_of(raw))
    lines = _one_line(lines) if len(lines) == 1 else [p for ln in lines for p in _unglued(ln)]
    lines = _before_footer(reading, lines)
    body_at = _header(reading, lines)
    paragraphs = _body(reading, lines[body_at:])
    _whole_text_outlets(reading, paragraphs)
    sentences = [
        # a paragraph of one sentence is one span: an object less to keep, pickle and send
        p if e - s == len(p.text) else reading.span(p.start + s, p.start + e)
        for p in paragraphs
        for s, e in sentence_bounds(p.text)
    ]
    if not paragraphs:
        reading.notices.append(Notice("no-body", "no article body found"))
    elif not _ends_sentence(paragraphs[-1].text):
        reading.notices.append(
            Notice("truncated", "the last paragraph ends mid-sentence", paragraphs[-1])
        )
    article = Article(
        id=article_id,
        raw=raw,
        source=min(reading.outlets)[1] if reading.outlets else None,
        published=reading.published,
        published_month_day=None if reading.published else reading.month_day,
        published_weekday=None if reading.published else reading.weekday,
        dateline=reading.dateline or reading.caption_dateline,
        headline=reading.headline,
        byline=reading.byline,
        body=reading.span(paragraphs[0].start, paragraphs[-1].end) if paragraphs else None,
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        furniture=tuple(
            Furniture(kind, reading.span(start, end))
            for kind, start, end in sorted(reading.furniture, key=lambda f: f[1])
        ),
    )
    return article, tuple(reading.notices)


def _blanked(raw: str, article_id: str) -> tuple[str, list[Notice]]:
    """``raw`` with control characters blanked and lone surrogates replaced, and a notice
    naming each run of them (the first MAX_BLANKED_NOTICES runs, then how many more)."""
    runs = [m.span() for m in _UNPRINTABLE.finditer(raw)]
    if not runs:
        return raw, []
    cleaned = _UNPRINTABLE.sub(
        lambda m: ("\ufffd" if m.group()[0] >= _FIRST_SURROGATE else " ") * len(m.group()), raw
    )
    message = "control characters or lone surrogates replaced, at the same offsets"
    notices = [
        Notice("blanked", message, Span(article_id, s, e, cleaned[s:e]))
        for s, e in runs[:MAX_BLANKED_NOTICES]
    ]
    if len(runs) > MAX_BLANKED_NOTICES:
        notices.append(Notice("blanked", f"{len(runs) - MAX_BLANKED_NOTICES} more runs replaced"))
    return cleaned, notices


def _strip_prefix(reading: _Reading, lines: list[Line]) -> list[Line]:
    if not lines:
        return lines
    first = lines[0]
    for pattern in layout().prefix:
        match = pattern.regex.match(first.text)
        if match:
            reading.note_date(match.groupdict().get("date"))
            cut = first.start + match.end()
            reading.add(pattern.kind, first.start, cut)
            rest = [Line(cut, first.end, reading.raw[cut : first.end])] if cut < first.end else []
            return rest + lines[1:]
    return lines


def _one_line(lines: list[Line]) -> list[Line]:
    """An article on one line (a JSON field, a CSV cell) read as lines of its sentences; in
    the first of them, the text before a dateline or date stamp (a headline, a byline, a date)
    is cut into lines of its own around the dates it holds."""
    if len(lines) != 1:
        return lines
    line = lines[0]
    pieces = [
        sentence
        for piece in _unglued(line)
        for sentence in (
            [piece]
            if piece.footer
            else [_piece(piece, s, e) for s, e in sentence_bounds(piece.text)]
        )
    ]
    first = pieces[0]
    text = first.text
    if _dateline_city(text) or layout().stamp.match(text):
        return pieces  # it opens with its dateline: no header to cut
    opener = next(
        (
            word.start()
            for word in _WORD_START.finditer(text, 1, ONE_LINE_HEAD)
            if _dateline_city(text[word.start() :]) or layout().stamp.match(text[word.start() :])
        ),
        None,
    )
    head_end = opener if opener is not None else min(len(text), ONE_LINE_HEAD)
    cuts = [0]
    for date in _HEAD_DATE.finditer(text, 0, head_end):
        cuts += [date.start(), date.end()]
    cuts.append(head_end)
    if opener is None:
        if len(cuts) == 2:
            return pieces
        cuts[-1] = len(text)
    else:
        cuts.append(len(text))
    head = [_piece(first, s, e) for s, e in pairwise(cuts) if s < e]
    return [line for line in head if line.text] + pieces[1:]


def _unglued(line: Line) -> list[Line]:
    """A line cut around the footers glued to its text (``Line.footer`` marks them)."""
    found = sorted(
        match.span() for pattern in layout().glued_footer for match in pattern.finditer(line.text)
    )
    if not found or found == [(0, len(line.text))]:
        return [line]
    pieces: list[Line] = []
    at = 0
    for start, end in found:
        if start < at:
            continue  # within a footer already cut
        pieces += [_piece(line, at, start), _piece(line, start, end, footer=True)]
        at = end
    pieces.append(_piece(line, at, len(line.text)))
    return [piece for piece in pieces if piece.text]


def _piece(line: Line, start: int, end: int, *, footer: bool = False) -> Line:
    """The part of a line from ``start`` to ``end``, white space trimmed."""
    text = line.text[start:end]
    stripped = text.strip()
    start += text.index(stripped) if stripped else 0
    return Line(line.start + start, line.start + start + len(stripped), stripped, footer)


def _before_footer(reading: _Reading, lines: list[Line]) -> list[Line]:
    """The lines before the trailing furniture, without the furniture inside the text.

    A footer ends the article only where furniture (or nothing) follows it, and a list of
    links or comments runs only to the next article's dateline: several articles in one file
    are all read. The furniture taken out before the end is named in a notice."""
    stamps = layout().comment_stamp
    kept: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        start = None
        if kept and kept[-1] is lines[index - 1] and any(p.regex.match(line.text) for p in stamps):
            start, end = index - 1, _section_end(lines, index + 1)
            kept.pop()
        elif index > 0 and (pattern := _footer_pattern(line, _at(lines, index + 1))):
            start = index
            if pattern.kind not in _SECTIONS and not _is_furniture(lines, index + 1):
                end = index + 1  # a footer followed by text: one line of furniture
            else:
                end = _section_end(lines, index + 1)
        if start is None:
            kept.append(line)
            index += 1
            continue
        _footer_lines(reading, lines[start:end])
        if end < len(lines):
            span = reading.span(lines[start].start, lines[end - 1].end)
            reading.notices.append(Notice("furniture", "furniture inside the text left out", span))
        else:
            _left_out_to_end(reading, lines[start:end])
        index = end
    return kept


def _at(lines: list[Line], index: int) -> Line | None:
    return lines[index] if index < len(lines) else None


def _section_end(lines: list[Line], start: int) -> int:
    """Where furniture starting before ``start`` ends: at the header of the next article
    (up to HEADER_LINES lines before where it opens), or at the end."""
    run = 0  # body paragraphs in a row: an article's, not furniture's
    for index in range(start, len(lines)):
        text = lines[index].text
        run = run + 1 if _is_body_start(lines[index]) and not _is_furniture(lines, index) else 0
        if run >= BODY_RUN:
            opens = index - run + 1
        elif _opens_body(text) or _dated_header(lines, index):
            opens = index
        else:
            continue
        end = opens
        while (
            end > max(start, opens - HEADER_LINES)
            and not _ends_sentence(lines[end - 1].text)
            and not _is_furniture(lines, end - 1)
        ):
            end -= 1
        return end
    return len(lines)


def _dated_header(lines: list[Line], index: int) -> bool:
    """Whether a line is an article's dated header line (a date, a byline with its date, not
    a commenter's time stamp) with two paragraphs of a body starting within HEADER_LINES
    lines of it."""
    text = lines[index].text
    if any(p.regex.match(text) for p in layout().comment_stamp):
        return False
    if not any(
        (match := p.regex.match(text)) and match.groupdict().get("date") for p in layout().header
    ):
        return False
    following = lines[index + 1 : index + 2 + HEADER_LINES]
    # two paragraphs in a row: a list of links has one line of text under each dated headline
    return any(_is_body_start(a) and _is_body_start(b) for a, b in pairwise(following))


def _left_out_to_end(reading: _Reading, lines: list[Line]) -> None:
    """Name in a notice furniture running to the end of the text (comments, a list of links)
    that holds paragraphs of text its own patterns do not account for."""
    texts = [
        line
        for index, line in enumerate(lines)
        if index > 0 and _is_body_start(line) and not _is_furniture(lines, index)
    ]
    if texts:
        span = reading.span(lines[0].start, lines[-1].end)
        message = f"comments or links left out to the end of the text, {len(texts)} paragraph(s)"
        reading.notices.append(Notice("furniture-at-end", message, span))


def _footer_lines(reading: _Reading, lines: list[Line]) -> None:
    """Record lines as footer, with the outlets and dates their footer patterns name."""
    for line in lines:
        reading.add("footer", line.start, line.end)
    for line in lines:
        for footer in layout().footer:
            match = footer.regex.match(line.text)
            if match and match.groupdict().get("outlet"):
                if name := outlet_named(match["outlet"]):
                    reading.outlets.append((FOOTER, name))
                reading.note_date(match.groupdict().get("date"))


def _is_furniture(lines: list[Line], index: int) -> bool:
    """Whether there is no line at ``index``, or one that starts furniture that may end an
    article (a footer, a comment)."""
    if index >= len(lines):
        return True
    line = lines[index]
    return _footer_pattern(line, _at(lines, index + 1)) is not None or any(
        p.regex.match(line.text) for p in layout().comment_stamp
    )


def _opens_body(text: str) -> bool:
    """Whether a line opens an article's body with a dateline or a date stamp."""
    return bool(_dateline_city(text) or layout().stamp.match(text))


def _footer_pattern(line: Line, following: Line | None) -> LinePattern | None:
    for pattern in layout().footer:
        match = pattern.regex.match(line.text)
        if not match:
            continue
        if pattern.outlet_required and not outlet_named(match.groupdict().get("outlet") or ""):
            continue
        if pattern.needs_next and not (following and pattern.needs_next.match(following.text)):
            continue
        return pattern
    return None


def _header(reading: _Reading, lines: list[Line]) -> int:
    """Classify the lines before the body; returns the index where the body starts. A line
    that repeats an earlier one (a headline shown again under the date) is furniture."""
    seen: set[str] = set()
    for index, line in enumerate(lines):
        if line.text in seen:
            reading.add("repeat", line.start, line.end)
            continue
        seen.add(line.text)
        if _header_furniture(reading, line) or _caption(reading, line):
            continue
        alone = layout().dateline_line.match(line.text)
        if alone and reading.dateline is None and (city := _city(alone["city"])):
            reading.dateline = city
            reading.note_date(alone["date"])
            reading.add("dateline", line.start, line.end)
            continue
        if _is_body_start(line):
            return index
        if reading.headline is None:
            reading.headline = line.text
            reading.add("headline", line.start, line.end)
        elif reading.standfirst is None:
            reading.standfirst = line.text
            reading.add("standfirst", line.start, line.end)
        elif _is_subheading(line) and index < HEADER_MAX_LINES:
            reading.add("header", line.start, line.end)  # a site's name, a section, a title
        else:
            return index
    return len(lines)


def _header_furniture(reading: _Reading, line: Line) -> bool:
    for pattern in layout().header:
        match = pattern.regex.match(line.text)
        if match is None:
            continue
        groups = match.groupdict()
        outlet = outlet_named(groups["outlet"]) if groups.get("outlet") else None
        if pattern.outlet_required and outlet is None:
            continue
        if outlet:
            reading.outlets.append((HEADER, outlet))
        reading.note_date(groups.get("date"))
        if groups.get("weekday") and reading.weekday is None:
            reading.weekday = WEEKDAYS.index(groups["weekday"])
        if groups.get("city") and reading.dateline is None and (city := _city(groups["city"])):
            reading.dateline = city
        if groups.get("name") and reading.byline is None:
            reading.byline = groups["name"].strip()
        reading.add(pattern.kind, line.start, line.end)
        return True
    return False


def _caption(reading: _Reading, line: Line) -> bool:
    if not layout().caption.search(line.text, reading.folded[line.start : line.end]):
        return False
    reading.add("caption", line.start, line.end)
    match = layout().dateline.match(line.text)
    if match and reading.caption_dateline is None:
        reading.caption_dateline = _city(match["city"])
    return True


def _is_body_start(line: Line) -> bool:
    dateline = layout().dateline.match(line.text)
    if dateline and _dateline_city(line.text):
        # "MAP - Maghreb Arabe Presse" is a name, not a dateline before a body
        return len(_WORD.findall(line.text[dateline.end() :])) >= BODY_MIN_WORDS
    if layout().stamp.match(line.text):
        return True
    return _ends_sentence(line.text) and len(_WORD.findall(line.text)) >= BODY_MIN_WORDS


def _dateline_city(text: str) -> str | None:
    match = layout().dateline.match(text)
    return _city(match["city"]) if match else None


def _city(word: str) -> str | None:
    """A dateline's city in title case, when it is in capitals or a known city."""
    known = city_countries()
    if word in known:
        return word
    letters = word.replace(" ", "").replace("-", "").replace(".", "")
    if not (letters.isalpha() and letters.isupper() and len(letters) >= 3):
        return None
    titled = " ".join(part.capitalize() for part in word.split())
    return cities_by_lower_case().get(titled.lower(), titled)


def _body(reading: _Reading, lines: list[Line]) -> list[Span]:
    paragraphs: list[Span] = []
    previous: str | None = None
    for index, line in enumerate(lines):
        if line.text == previous:
            reading.add("repeat", line.start, line.end)
            continue
        previous = line.text
        if _caption(reading, line):
            continue
        inline = next(((p, m) for p in layout().inline if (m := p.regex.match(line.text))), None)
        if inline is not None:
            reading.add(inline[0].kind, line.start, line.end)
            reading.note_date(inline[1].groupdict().get("date"))  # "Published: 20/11/2025"
            continue
        if paragraphs and index < len(lines) - 1 and _is_subheading(line):
            reading.add("subheading", line.start, line.end)
            continue
        start = line.start
        if not paragraphs:
            start = _opening(reading, line)
        if start < line.end:
            paragraphs.append(reading.span(start, line.end))
    return paragraphs


def _ends_sentence(text: str) -> bool:
    """Whether a line ends with a full stop, "!", "?" or "…", maybe inside quotes or brackets."""
    unclosed = text.rstrip(_CLOSERS)
    return bool(unclosed) and unclosed[-1] in _TERMINALS


def _is_subheading(line: Line) -> bool:
    return (
        not _ends_sentence(line.text)
        and not _BULLET.match(line.text)
        and len(_WORD.findall(line.text)) <= SUBHEADING_MAX_WORDS
    )


def _opening(reading: _Reading, line: Line) -> int:
    """Record the dateline or date stamp opening the body; returns where the text starts."""
    match = layout().dateline.match(line.text)
    city = _city(match["city"]) if match else None
    if match and city and reading.dateline is None:
        reading.dateline = city
        reading.note_date(match["date"])
        agency = match["agency"] or match["agency_bare"]
        if agency and (outlet := outlet_of_code(agency)):
            reading.outlets.append((AGENCY_CODE, outlet))
        reading.add("dateline", line.start, line.start + match.end())
        return line.start + match.end()
    stamp = layout().stamp.match(line.text)
    if stamp and (outlet := outlet_named(stamp["outlet"])):
        reading.outlets.append((STAMP, outlet))
        reading.note_date(stamp["date"])
        reading.add("stamp", line.start, line.start + stamp.end())
        return line.start + stamp.end()
    return line.start


def _whole_text_outlets(reading: _Reading, paragraphs: list[Span]) -> None:
    folded = reading.folded
    if outlet := outlet_in_folded(folded, "domains"):
        reading.outlets.append((DOMAIN, outlet))
    furniture_text = "\n".join(folded[start:end] for _, start, end in reading.furniture)
    if outlet := outlet_in_folded(furniture_text, "footer"):
        reading.outlets.append((POLICY, outlet))
    body_text = "\n".join(folded[p.start : p.end] for p in paragraphs)
    if outlet := outlet_in_folded(body_text, "self_references"):
        reading.outlets.append((SELF_REFERENCE, outlet))
