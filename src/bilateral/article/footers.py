"""Page furniture between and after articles: footers, link lists, comments, and the lines
of an article written on one line."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Final

from bilateral.article.layout import LinePattern, layout
from bilateral.article.lines import (
    COPYRIGHT,
    FOOTER,
    Line,
    Reading,
    dateline_city,
    ends_sentence,
    is_body_start,
)
from bilateral.article.outlets import outlet_named, outlet_of_code, titled_name
from bilateral.article.sentences import sentence_bounds
from bilateral.article.written_dates import expand
from bilateral.model import Notice

_WORD_START: Final = re.compile(r"(?<=\s)[A-Z0-9]")
_HEAD_DATE: Final = re.compile(expand("{DATE}"))
ONE_LINE_HEAD: Final = 400  # how far into an article on one line its header is looked for
HEADER_LINES: Final = 4  # lines of a headline, a date, a byline before an article's dateline
_SECTIONS: Final = frozenset({"links", "comments"})  # footers whose every following line is theirs
BODY_RUN: Final = 3  # body paragraphs in a row after comments or links: the next article


def one_line(lines: list[Line]) -> list[Line]:
    """An article on one line (a JSON field, a CSV cell) read as lines of its sentences; in
    the first of them, the text before a dateline or date stamp (a headline, a byline, a date)
    is cut into lines of its own around the dates it holds."""
    if len(lines) != 1:
        return lines
    line = lines[0]
    pieces = [
        sentence
        for piece in unglued(line)
        for sentence in (
            [piece]
            if piece.footer
            else [_piece(piece, s, e) for s, e in sentence_bounds(piece.text)]
        )
    ]
    first = pieces[0]
    text = first.text
    if dateline_city(text) or layout().stamp.match(text):
        return pieces  # it opens with its dateline: no header to cut
    opener = next(
        (
            word.start()
            for word in _WORD_START.finditer(text, 1, ONE_LINE_HEAD)
            if dateline_city(text[word.start() :]) or layout().stamp.match(text[word.start() :])
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


def unglued(line: Line) -> list[Line]:
    """A line cut around the footers glued to its text (``Line.footer`` marks them)."""
    glued = layout().glued_footer
    if not glued.admits(line.text):
        return [line]
    found = sorted(match.span() for regex in glued.regexes for match in regex.finditer(line.text))
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


def before_footer(reading: Reading, lines: list[Line]) -> list[Line]:
    """The lines before the trailing furniture, without the furniture inside the text.

    A footer ends the article only where furniture (or nothing) follows it, and a list of
    links or comments runs only to the next article's dateline: several articles in one file
    are all read. The furniture taken out before the end is named in a notice."""
    stamps = layout().comment_stamp
    kept: list[Line] = []
    body_seen = body_before_last = False  # a commenter's stamp comes after a body
    index = 0
    while index < len(lines):
        line = lines[index]
        start = None
        if (
            body_before_last
            and kept[-1] is lines[index - 1]
            and any(p.regex.match(line.text) for p in stamps)
        ):
            start, end = index - 1, _section_end(lines, index + 1)
            kept.pop()
        elif index > 0 and (pattern := _footer_pattern(line, _at(lines, index + 1), body_seen)):
            start = index
            if pattern.kind not in _SECTIONS and not _is_furniture(lines, index + 1):
                end = index + 1  # a footer followed by text: one line of furniture
            else:
                end = _section_end(lines, index + 1)
        if start is None:
            kept.append(line)
            body_before_last = body_seen
            body_seen = body_seen or is_body_start(line)
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
        run = run + 1 if is_body_start(lines[index]) and not _is_furniture(lines, index) else 0
        if run >= BODY_RUN:
            opens = index - run + 1
        elif _opens_body(text) or _dated_header(lines, index):
            opens = index
        else:
            continue
        end = opens
        while (
            end > max(start, opens - HEADER_LINES)
            and not ends_sentence(lines[end - 1].text)
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
    return any(is_body_start(a) and is_body_start(b) for a, b in pairwise(following))


def _left_out_to_end(reading: Reading, lines: list[Line]) -> None:
    """Name in a notice furniture running to the end of the text (comments, a list of links)
    that holds paragraphs of text its own patterns do not account for."""
    texts = [
        line
        for index, line in enumerate(lines)
        if index > 0 and is_body_start(line) and not _is_furniture(lines, index)
    ]
    if texts:
        span = reading.span(lines[0].start, lines[-1].end)
        message = f"comments or links left out to the end of the text, {len(texts)} paragraph(s)"
        reading.notices.append(Notice("furniture-at-end", message, span))


def _footer_lines(reading: Reading, lines: list[Line]) -> None:
    """Record lines as footer, with the outlets and dates their footer patterns name."""
    for line in lines:
        reading.add("footer", line.start, line.end)
    for line in lines:
        for footer in layout().footer:
            match = footer.regex.match(line.text)
            if match is None:
                continue
            groups = match.groupdict()
            if groups.get("outlet"):
                outlet = groups["outlet"]
                if name := outlet_of_code(outlet) if footer.code_required else outlet_named(outlet):
                    reading.outlets.append((FOOTER, name))
                    if footer.code_required:  # a sign-off: the agency's own name for itself
                        reading.signed.setdefault(name, outlet)
                reading.note_date(groups.get("date"))
            if groups.get("name"):  # a copyright notice's owner
                owner = groups["name"]
                reading.outlets.append((COPYRIGHT, outlet_named(owner) or titled_name(owner)))


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
    return bool(dateline_city(text) or layout().stamp.match(text))


def _footer_pattern(
    line: Line, following: Line | None, body_seen: bool = True
) -> LinePattern | None:
    for pattern in layout().footer:
        match = pattern.regex.match(line.text)
        if not match:
            continue
        if pattern.after_body and not body_seen:
            continue
        outlet = match.groupdict().get("outlet") or ""
        if pattern.outlet_required and not outlet_named(outlet):
            continue
        if pattern.code_required and not outlet_of_code(outlet):
            continue
        if pattern.needs_next and not (following and pattern.needs_next.match(following.text)):
            continue
        return pattern
    return None
