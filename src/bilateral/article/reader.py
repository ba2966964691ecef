"""Raw text to :class:`Article`: metadata, furniture, body paragraphs and sentences."""

from __future__ import annotations

import re
from typing import Final

from bilateral.article.footers import before_footer, one_line, unglued
from bilateral.article.layout import LinePattern, layout
from bilateral.article.lines import (
    AGENCY_CODE,
    DOMAIN,
    HEADER,
    MASTHEAD,
    POLICY,
    SELF_REFERENCE,
    SENDER,
    STAMP,
    Line,
    Reading,
    dateline_city,
    ends_sentence,
    is_body_start,
    lines_of,
    titled_city,
)
from bilateral.article.outlets import (
    outlet_in_folded,
    outlet_named,
    outlet_of_code,
    titled_name,
)
from bilateral.article.sentences import sentence_bounds
from bilateral.model import Article, Furniture, Notice, Span
from bilateral.text.lexicons import city_countries
from bilateral.text.regex import fold

_BULLET: Final = re.compile(r"^[•●▪■*-]\s")
_WORD: Final = re.compile(r"\S+")
# runs of control characters, or of lone surrogates, each run of one kind
_UNPRINTABLE: Final = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]+|[\ud800-\udfff]+")
# any one of them: a scan for a single class is several times faster than for the runs
_AN_UNPRINTABLE: Final = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ud800-\udfff]")
_FIRST_SURROGATE: Final = chr(0xD800)  # written so: mypyc takes no surrogate in a literal
MAX_BLANKED_NOTICES: Final = 20
SUBHEADING_MAX_WORDS: Final = 18
WEEKDAYS: Final = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MENU: Final = re.compile(r"\s(?:\||>|»|/)\s")  # between the items of a section menu
MASTHEAD_MAX_WORDS: Final = 5
TAGLINE_MAX_WORDS: Final = 12
HEADLINE_MIN_WORDS: Final = 4
_SMALL_WORDS: Final = frozenset({"of", "and", "for", "the", "de", "du", "la", "el"})
HEADER_MAX_LINES: Final = 12  # lines before the body that may all be page furniture


def read_article(raw: str, article_id: str) -> tuple[Article, tuple[Notice, ...]]:
    """Read an article's raw text; problems come back as notices, never as exceptions.

    Control characters (but tab, line breaks and form feed) become spaces and lone surrogates
    U+FFFD, at the same offsets: the article's ``raw`` is the text so cleaned."""
    raw, blanked = _blanked(raw, article_id)
    reading = Reading(raw, article_id, fold(raw), notices=blanked)
    lines = _strip_prefix(reading, lines_of(raw))
    lines = one_line(lines) if len(lines) == 1 else [p for ln in lines for p in unglued(ln)]
    lines = before_footer(reading, lines)
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
    elif not ends_sentence(paragraphs[-1].text):
        reading.notices.append(
            Notice("truncated", "the last paragraph ends mid-sentence", paragraphs[-1])
        )
    article = Article(
        id=article_id,
        raw=raw,
        source=_source(reading),
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
    if not _AN_UNPRINTABLE.search(raw):
        return raw, []
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


def _strip_prefix(reading: Reading, lines: list[Line]) -> list[Line]:
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


def _source(reading: Reading) -> str | None:
    """The outlet of the strongest evidence, as it signs its stories where it does."""
    if not reading.outlets:
        return None
    outlet = min(reading.outlets)[1]
    return reading.signed.get(outlet, outlet)


def _header(reading: Reading, lines: list[Line]) -> int:
    """Classify the lines before the body; returns the index where the body starts. A line
    that repeats an earlier one (a headline shown again under the date) is furniture."""
    seen: set[str] = set()
    top = _masthead(reading, lines)
    for index, line in enumerate(lines[top:], start=top):
        if line.text in seen:
            reading.add("repeat", line.start, line.end)
            continue
        seen.add(line.text)
        if _section(reading, line):
            continue
        if _header_furniture(reading, line) or _caption(reading, line):
            _note_menu(reading, line)
            continue
        alone = layout().dateline_line.match(line.text)
        if (
            alone
            and reading.dateline is None
            and reading.headline is not None  # above the headline, a city is a section
            and (city := titled_city(alone["city"]))
        ):
            reading.dateline = city
            reading.note_date(alone["date"])
            reading.add("dateline", line.start, line.end)
            continue
        if is_body_start(line):
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


def _masthead(reading: Reading, lines: list[Line]) -> int:
    """How many lines of a masthead open the text: the site's name alone on the first line
    ("THE ANDES HERALD"), maybe with its tagline ("Peru's oldest daily"), above more furniture
    (a section menu, a date) and then the headline. A masthead naming no known outlet is the
    source where none shows; one naming a known outlet is left to the header patterns."""
    if len(lines) < 3 or not _masthead_like(lines[0].text):
        return 0
    below = 1
    if _furniture_line(lines[1]) is None:
        below = 2  # a tagline
        if not _taglike(lines[1]) or _furniture_line(lines[2]) is None:
            return 0
    if not _headline_follows(lines[below:]):
        return 0
    first = lines[0]
    if _furniture_line(first) is not None:  # a known outlet's name: the header patterns say so
        if below == 1:
            return 0
        _header_furniture(reading, first)
    else:
        reading.outlets.append((MASTHEAD, titled_name(first.text)))
        reading.add("masthead", first.start, first.end)
    if below == 2:
        reading.add("tagline", lines[1].start, lines[1].end)
    return below


def _masthead_like(text: str) -> bool:
    """A name: a few words, each capitalised but small ones ("of"), no figures or stops."""
    words = text.split()
    return (
        len(words) <= MASTHEAD_MAX_WORDS
        and all(w[:1].isupper() or w in _SMALL_WORDS for w in words)
        and not ends_sentence(text)
        and not any(c.isdigit() or c in ",:;|" for c in text)
        and text not in city_countries()
        and not text.startswith("By ")
    )


def _taglike(line: Line) -> bool:
    return (
        len(_WORD.findall(line.text)) <= TAGLINE_MAX_WORDS
        and not ends_sentence(line.text)
        and not is_body_start(line)
    )


def _headline_follows(lines: list[Line]) -> bool:
    """Whether a headline (a line of words, not furniture) comes before the body."""
    for line in lines[:HEADER_MAX_LINES]:
        if is_body_start(line):
            return False
        if (
            len(_WORD.findall(line.text)) >= HEADLINE_MIN_WORDS
            and any(c.islower() for c in line.text)
            and _furniture_line(line) is None
            and not layout().dateline_line.match(line.text)
            and not (layout().dateline.match(line.text) and dateline_city(line.text))
        ):
            return True  # ("Chile-Peru: Ministers Meet" opens as a dateline does, of no city)
    return False


def _furniture_line(line: Line) -> LinePattern | None:
    """The header pattern a line is furniture by, without recording anything."""
    for pattern in layout().header:
        match = pattern.regex.match(line.text)
        if match is None:
            continue
        groups = match.groupdict()
        if pattern.outlet_required and not outlet_named(groups.get("outlet") or ""):
            continue
        return pattern
    return None


def _note_menu(reading: Reading, line: Line) -> None:
    """Record the items of a section menu ("News | Nation | World"), as lines of their own
    below it are sections of the site, not outlets or headlines."""
    items = _MENU.split(line.text)
    if len(items) >= 3:
        reading.sections.update(item.strip().casefold() for item in items)


def _section(reading: Reading, line: Line) -> bool:
    """A line naming a section of the site's menu ("Nation", "NEWS / REGIONS") is furniture."""
    if not reading.sections:
        return False
    first = _MENU.split(line.text)[0].strip().casefold()
    if first not in reading.sections or len(_WORD.findall(line.text)) > MASTHEAD_MAX_WORDS:
        return False
    reading.add("section", line.start, line.end)
    return True


def _header_furniture(reading: Reading, line: Line) -> bool:
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
        if groups.get("sender"):  # "From: Ministry of Foreign Affairs", "STATE HOUSE PRESS RELEASE"
            reading.outlets.append((SENDER, titled_name(groups["sender"].strip(" ,"))))
        reading.note_date(groups.get("date"))
        if groups.get("weekday") and reading.weekday is None:
            reading.weekday = WEEKDAYS.index(groups["weekday"])
        if (
            groups.get("city")
            and reading.dateline is None
            and (city := titled_city(groups["city"]))
        ):
            reading.dateline = city
        if groups.get("name") and reading.byline is None:
            reading.byline = groups["name"].strip()
        reading.add(pattern.kind, line.start, line.end)
        return True
    return False


def _caption(reading: Reading, line: Line) -> bool:
    if not layout().caption.search(line.text, reading.folded[line.start : line.end]):
        return False
    reading.add("caption", line.start, line.end)
    match = layout().dateline.match(line.text)
    if match and reading.caption_dateline is None:
        reading.caption_dateline = titled_city(match["city"])
    return True


def _body(reading: Reading, lines: list[Line]) -> list[Span]:
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
        if (
            len(paragraphs) == 1
            and index < HEADER_MAX_LINES
            and _opens_body(reading, line, lines[index + 1 : index + 1 + HEADER_MAX_LINES])
        ):
            standfirst = paragraphs.pop()
            reading.standfirst = reading.standfirst or standfirst.text
            reading.add("standfirst", standfirst.start, standfirst.end)
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


def _opens_body(reading: Reading, line: Line, after: list[Line]) -> bool:
    """Whether ``line``, after a first paragraph, is a dateline or a date standing alone
    before more of the body ("COLOMBO", "11/19/2025"): the paragraph above it was the
    standfirst, and the body starts below. Records the dateline or the date."""
    alone = layout().dateline_line.match(line.text)
    city = titled_city(alone["city"]) if alone and not alone["date"] else None
    dated = (
        None
        if city
        else next(
            (m for p in layout().header if p.kind == "date" and (m := p.regex.match(line.text))),
            None,
        )
    )
    if not (city or dated) or not any(is_body_start(later) for later in after):
        return False
    if city and alone and alone["city"].isupper() and reading.dateline is None:
        reading.dateline = city
        reading.add("dateline", line.start, line.end)
        return True
    if dated:
        reading.note_date(dated.groupdict().get("date"))
        reading.add("date", line.start, line.end)
        return True
    return False


def _is_subheading(line: Line) -> bool:
    return (
        not ends_sentence(line.text)
        and not _BULLET.match(line.text)
        and len(_WORD.findall(line.text)) <= SUBHEADING_MAX_WORDS
    )


def _opening(reading: Reading, line: Line) -> int:
    """Record the dateline or date stamp opening the body; returns where the text starts."""
    match = layout().dateline.match(line.text)
    named, dotted_agency = _city_and_agency(match["city"]) if match else ("", None)
    city = titled_city(named) if match and not outlet_named(named) else None
    if match and city and reading.dateline is None:
        reading.dateline = city
        reading.note_date(match["date"])
        agency = (
            match["agency"]
            or match["agency_slashed"]
            or match["agency_bare"]
            or match["agency_after"]
        )
        if outlet := dotted_agency or (outlet_of_code(agency) if agency else None):
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


def _city_and_agency(words: str) -> tuple[str, str | None]:
    """A dateline's city and the outlet after a dot in it ("ASTANA. AGENCY - "), if any:
    a dot inside a city's name ("ST. PETERSBURG") names no outlet."""
    city, _, after = words.partition(". ")
    outlet = (outlet_of_code(after) or outlet_named(after)) if after else None
    return (city, outlet) if outlet else (words, None)


def _whole_text_outlets(reading: Reading, paragraphs: list[Span]) -> None:
    folded = reading.folded
    if outlet := outlet_in_folded(folded, "domains"):
        reading.outlets.append((DOMAIN, outlet))
    furniture_text = "\n".join(folded[start:end] for _, start, end in reading.furniture)
    if outlet := outlet_in_folded(furniture_text, "footer"):
        reading.outlets.append((POLICY, outlet))
    body_text = "\n".join(folded[p.start : p.end] for p in paragraphs)
    if outlet := outlet_in_folded(body_text, "self_references"):
        reading.outlets.append((SELF_REFERENCE, outlet))
