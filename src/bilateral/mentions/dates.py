"""Temporal expressions, resolved against the publication date the way a reader does.

"on Monday" in an article published Tuesday 17 July 2018 is 16 July 2018 (the latest Monday
on or before publication) unless its clause speaks of the future; "a day earlier" counts from
the date mentioned last; "last year" and "in June" keep their year or month precision.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Final, Literal

import attr
from attrs import evolve
from dateutil.relativedelta import relativedelta

from bilateral.article.written_dates import MONTH as ANY_CASE_MONTH
from bilateral.article.written_dates import month_number
from bilateral.model import PartialDate
from bilateral.text.regex import fold
from bilateral.text.resources import packaged_toml
from bilateral.text.words import SentenceText, WordPattern, word_pattern

WEEKDAYS: Final = {name.lower(): index for index, name in enumerate(calendar.day_name)}
_WEEKDAY: Final = f"(?-i:{'|'.join(calendar.day_name)})"
MONTH: Final = f"(?-i:{ANY_CASE_MONTH})"  # month and weekday names are capitalised
_SUFFIX: Final = r"(?:st|nd|rd|th)?"
TENSE_REACH_DAYS: Final = 300
_WEEKDAY_RELATIONS: Final = ("last", "this", "next", "coming")
_NAMED_WEEKDAY_REACH: Final = 21  # days from the weekday the article's date gives to one named
_NON_DIGITS: Final = re.compile(r"\D")


DateKind = Literal["day", "range", "weekday", "relative", "week", "month", "year", "visit-day"]
_PERIODS: Final[dict[str, DateKind]] = {"week": "week", "month": "month", "year": "year"}


@attr.s(auto_attribs=True, slots=True, eq=False, frozen=True)
class DateMention:
    """A temporal expression. ``value`` is None when it cannot be resolved (no anchor)."""

    start: int
    end: int
    sentence: int
    kind: DateKind
    value: PartialDate | None = None
    end_value: PartialDate | None = None
    weekday: int | None = None
    month_day: tuple[int, int] | None = None
    ordinal: int | None = None


@attr.s(auto_attribs=True, slots=True, eq=False, frozen=True)
class Duration:
    """A stated length: "a three-day visit", "for 3 days"."""

    start: int
    end: int
    sentence: int
    days: int


@cache
def _vocabulary() -> dict[str, object]:
    return packaged_toml("time")


@cache
def _number_words() -> dict[str, int]:
    numbers = _vocabulary()["numbers"]
    assert isinstance(numbers, dict)
    return {str(k): int(v) for k, v in numbers.items()}


@cache
def _ordinal_words() -> dict[str, int]:
    ordinals = _vocabulary()["ordinals"]
    assert isinstance(ordinals, dict)
    return {str(k): int(v) for k, v in ordinals.items()}


@cache
def _year_parts() -> tuple[str, str]:
    """The words of a part of this year and of the next, each as one alternation."""
    vocabulary = _vocabulary()
    this_year, next_year = vocabulary["this_year"], vocabulary["next_year"]
    assert isinstance(this_year, list) and isinstance(next_year, list)
    return "|".join(map(str, this_year)), "|".join(map(str, next_year))


@cache
def _date_pattern() -> WordPattern:
    numbers = "|".join(_number_words())
    this_year, next_year = _year_parts()
    ordinals = "|".join(_ordinal_words())
    day = rf"\d{{1,2}}{_SUFFIX}"
    parts = [
        rf"(?P<range>(?:from\s)?(?P<r_month>{MONTH})\s?(?P<r_from>\d{{1,2}}){_SUFFIX}"
        rf"\s?(?:to|-|–|and|till|until)\s?(?P<r_to>\d{{1,2}}){_SUFFIX}(?:,?\s(?P<r_year>\d{{4}}))?)",
        rf"(?P<xrange>(?:from\s)?(?P<xr_from>\d{{1,2}}){_SUFFIX}\s(?P<xr_month>{MONTH})\s?"
        rf"(?:to|-|–|till|until)\s?(?P<xr_to>\d{{1,2}}){_SUFFIX}\s(?P<xr_to_month>{MONTH})"
        rf"(?:,?\s(?P<xr_year>\d{{4}}))?)",
        rf"(?P<drange>(?:from\s)?(?P<dr_from>\d{{1,2}}){_SUFFIX}\s?(?:to|-|–|and|till|until)\s?"
        rf"(?P<dr_to>\d{{1,2}}){_SUFFIX}\s(?:of\s)?(?P<dr_month>{MONTH})(?:,?\s(?P<dr_year>\d{{4}}))?)",
        rf"(?P<weekday>(?:(?P<w_rel>last|this|next|coming)\s)?(?P<w_day>{_WEEKDAY})"
        rf"(?:\s(?:morning|afternoon|evening|night))?(?:,?\s(?P<w_week>last|this|next)\sweek)?"
        rf"(?:\s?\((?P<w_month>{MONTH})\s?(?P<w_date>\d{{1,2}}){_SUFFIX}\))?)",
        rf"(?P<md>(?P<md_month>{MONTH})\s?(?P<md_day>\d{{1,2}}){_SUFFIX}(?![\d:])"
        rf"(?:,?\s?(?P<md_year>(?:19|20)\d\d))?)",
        rf"(?P<dm>(?P<dm_day>{day})\s(?:of\s)?(?P<dm_month>{MONTH})(?:,?\s(?P<dm_year>(?:19|20)\d\d))?)",
        r"(?P<relday>(?P<rd_n>a|one|two|three|four|five|\d+)\sdays?\s(?P<rd_dir>earlier|later|before|"
        r"after|ago)|the\s(?P<rd_word>previous|next|following)\sday|the\sday\s(?P<rd_dir2>before|after))",
        r"(?P<deictic>today|yesterday|tomorrow|tonight)",
        rf"(?P<yearpart>(?P<yp_this>{this_year})|(?P<yp_next>{next_year}))",
        r"(?P<relperiod>(?P<rp_which>last|this|next|earlier\sthis|later\sthis|past)\s(?P<rp_unit>week|month|year))",
        rf"(?P<monthref>(?P<mr_month>{MONTH})(?:\s(?P<mr_rel>this|last|next)\syear|,?\s(?P<mr_year>(?:19|20)\d\d))?)",
        rf"(?P<visitday>the\s(?P<vd_n>{ordinals}|\d+{_SUFFIX})\sday\sof\s(?:his|her|their|the)\s(?:visit|trip|tour|stay))",
        r"(?P<year>(?<![\d,.])(?:19[5-9]\d|20\d\d)(?![\d,.]*\d)(?!\s?(?:km|kilomet|mile|troop|people|MW)))",
    ]
    del numbers
    return word_pattern(
        parts,
        lambda lead: rf"(?<![\w]){lead}(?:{'|'.join(parts)})(?:(?<=\))|(?![\w]))",
        re.IGNORECASE,
    )


@cache
def _duration_pattern() -> WordPattern:
    numbers = "|".join(_number_words())
    return word_pattern(
        [numbers, r"\d"],
        lambda lead: (
            rf"(?<![\w-]){lead}(?P<n>{numbers}|\d{{1,2}})(?:[- ]day\b|\sdays?(?=\s"
            r"(?:official\s|state\s|working\s)?(?:visit|trip|tour|stay)))"
        ),
        re.IGNORECASE,
    )


@cache
def _tense_patterns() -> tuple[WordPattern, re.Pattern[str], frozenset[str] | None]:
    """The future's words as a pattern; the past's as a pattern, and as folded words when
    they are all plain words (None otherwise), to be looked up in a sentence's words."""
    vocabulary = _vocabulary()
    future = vocabulary["future"]
    past = vocabulary["past"]
    assert isinstance(future, list) and isinstance(past, list)
    return (
        word_pattern(future, lambda lead: rf"(?<!\w){lead}(?:{'|'.join(future)})\b", re.IGNORECASE),
        re.compile(rf"\b(?:{'|'.join(past)}|[a-z]{{3,}}ed)\b", re.IGNORECASE),
        frozenset(fold(w) for w in past) if all(w.isalpha() for w in past) else None,
    )


def is_future(sentence: SentenceText, at: int) -> bool:
    """Whether the clause around ``sentence.text[at]`` speaks of the future: of the
    sentence's tense words, the nearest ending before ``at`` decides, else the nearest
    beginning after it (past wins a tie before, the future a tie after). A past form right
    after "be" is a participle ("will be held"), not the past, and so is one inside the
    future's words ("a meeting scheduled for May")."""
    future, _, _ = _tense_patterns()
    text = sentence.text
    tense = [(m.start(), m.end(), "future") for m in future.finditer(sentence)]
    spans = [(start, end) for start, end, _ in tense]
    tense += [
        (start, end, "past")
        for start, end in past_tense(sentence)
        if not _after_be(text, start) and not any(a <= start < b for a, b in spans)
    ]
    before = [(end, kind) for _, end, kind in tense if end <= at]
    if before:
        return max(before)[1] == "future"
    after = [(start, kind) for start, _, kind in tense if start >= at]
    return bool(after) and min(after)[1] == "future"


def _after_be(text: str, start: int) -> bool:
    """Whether the word at ``start`` follows the word "be"."""
    return text.endswith("be ", 0, start) and (start == 3 or not text[start - 4].isalnum())


def past_tense(sentence: SentenceText) -> list[tuple[int, int]]:
    """Where the sentence's verbs in the past are (the listed ones, and words of three
    letters or more then -ed), as the past pattern finds them, in no particular order."""
    _, regex, listed = _tense_patterns()
    words, text = sentence.words, sentence.text
    if words is None or listed is None:
        return [m.span() for m in regex.finditer(text)]
    return [
        (start, start + len(word))
        for word, starts in words.starts.items()
        if word in listed or (len(word) >= 5 and word.endswith("ed") and word.isascii())
        for start in starts
        if start + len(word) == len(text) or not _is_word_character(text[start + len(word)])
    ]


def _is_word_character(char: str) -> bool:
    return char.isalnum() or char == "_"  # what ``\w`` matches


def find_durations(sentences: Sequence[SentenceText]) -> list[Duration]:
    found = []
    for sentence in sentences:
        for match in _duration_pattern().finditer(sentence):
            word = match["n"].lower()
            days = int(word) if word.isdigit() else _number_words()[word]
            if days > 0:
                found.append(
                    Duration(
                        sentence.start + match.start(),
                        sentence.start + match.end(),
                        sentence.index,
                        days,
                    )
                )
    return found


def find_dates(
    sentences: Sequence[SentenceText], published: PartialDate | None
) -> list[DateMention]:
    """Every temporal expression of the body, resolved where the article allows."""
    day = published.as_date() if published else None
    mentions: list[DateMention] = []
    last_day: PartialDate | None = None
    named: dict[int, PartialDate] = {}  # weekday -> the day the text gave it
    for sentence in sentences:
        found: list[DateMention] = []
        for match in _date_pattern().finditer(sentence):
            mention = _resolve(match, sentence, day, last_day)
            if mention is None:
                continue
            found.append(mention)
            if mention.value is not None and mention.value.precision == "day":
                last_day = mention.end_value or mention.value
        mentions.extend(_weekdays_as_named(sentence, found, named))
    return mentions


def _weekdays_as_named(
    sentence: SentenceText, found: list[DateMention], named: dict[int, PartialDate]
) -> list[DateMention]:
    """ "on Thursday 14 May": the Thursday is 14 May; and a later bare "on Thursday" is the
    Thursday the text named, not the one after the article's date."""
    base = sentence.start
    for i, mention in enumerate(found):
        if mention.kind != "weekday" or mention.weekday is None:
            continue
        after = found[i + 1] if i + 1 < len(found) else None
        gap = sentence.text[mention.end - base : after.start - base] if after else "x"
        said = sentence.text[mention.start - base : mention.end - base].lower()
        if (
            after
            and after.kind == "day"
            and after.value
            and after.value.precision == "day"
            and not gap.strip(" ,")
            and after.value.first_day().weekday() == mention.weekday
        ):
            named[mention.weekday] = after.value
            found[i] = evolve(mention, value=after.value)
        elif (
            mention.weekday in named
            and not said.startswith(_WEEKDAY_RELATIONS)
            and (
                mention.value is None
                or abs((mention.value.first_day() - named[mention.weekday].first_day()).days)
                <= _NAMED_WEEKDAY_REACH
            )
        ):
            found[i] = evolve(mention, value=named[mention.weekday])
    return found


def _resolve(
    match: re.Match[str], sentence: SentenceText, day: dt.date | None,
    last_day: PartialDate | None,
) -> DateMention | None:  # fmt: skip
    start, end = sentence.start + match.start(), sentence.start + match.end()
    future = is_future(sentence, match.start())
    kind = match.lastgroup
    base = (start, end, sentence.index)
    if match["xrange"]:  # "from 30 June to 2 July (2026)"
        month, to_month = month_number(match["xr_month"]), month_number(match["xr_to_month"])
        if month is None or to_month is None:
            return None
        year = int(match["xr_year"]) if match["xr_year"] else None
        last = _day(year, to_month, int(match["xr_to"]), day, future)
        first_year = last.year - (month > to_month) if last and last.year else year
        first = _day(first_year, month, int(match["xr_from"]), day, future)
        return DateMention(*base, kind="range", value=first, end_value=last)
    if match["range"] or match["drange"]:  # "May 11-13, 2026", "11–13 May 2026"
        prefix = "r" if match["range"] else "dr"
        month = month_number(match[f"{prefix}_month"])
        if month is None:
            return None
        year_text = match[f"{prefix}_year"]
        year = int(year_text) if year_text else None
        first = _day(year, month, int(match[f"{prefix}_from"]), day, future)
        last = _day(first.year if first else year, month, int(match[f"{prefix}_to"]), day, future)
        return DateMention(*base, kind="range", value=first, end_value=last)
    if match["weekday"]:
        weekday = WEEKDAYS[match["w_day"].lower()]
        if match["w_month"]:
            month = month_number(match["w_month"])
            if month is None:
                return None
            value = _day(None, month, int(match["w_date"]), day, future)
            return DateMention(*base, kind="weekday", value=value, weekday=weekday,
                               month_day=(month, int(match["w_date"])))  # fmt: skip
        if match["w_week"]:  # "on Thursday last week": that weekday of that calendar week
            value = _of_week(weekday, day, match["w_week"].lower())
        else:
            value = _weekday(weekday, day, future, (match["w_rel"] or "").lower())
        return DateMention(*base, kind="weekday", value=value, weekday=weekday)
    if match["md"] or match["dm"]:
        prefix = "md" if match["md"] else "dm"
        month = month_number(match[f"{prefix}_month"])
        if month is None:
            return None
        number = int(_NON_DIGITS.sub("", match[f"{prefix}_day"]))
        year_text = match[f"{prefix}_year"]
        value = _day(int(year_text) if year_text else None, month, number, day, future)
        return DateMention(*base, kind="day", value=value)
    if match["relday"]:
        return DateMention(*base, kind="relative", value=_relative_day(match, last_day))
    if match["deictic"]:
        shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[match.group().lower()]
        value = PartialDate.of(day + dt.timedelta(days=shift)) if day else None
        return DateMention(*base, kind="relative", value=value)
    if match["yearpart"]:
        value = PartialDate(day.year + (1 if match["yp_next"] else 0)) if day else None
        return DateMention(*base, kind="year", value=value)
    if match["relperiod"]:
        return DateMention(
            *base, kind=_PERIODS[match["rp_unit"].lower()], value=_period(match, day)
        )
    if match["monthref"]:
        return _month_reference(match, base, day, future)
    if match["visitday"]:
        word = match["vd_n"].lower()
        ordinal = _ordinal_words().get(word) or int(_NON_DIGITS.sub("", word) or 0)
        return DateMention(*base, kind="visit-day", ordinal=ordinal)
    if match["year"]:
        return DateMention(*base, kind="year", value=PartialDate(int(match.group())))
    del kind
    return None


def _day(
    year: int | None, month: int, number: int, day: dt.date | None, future: bool
) -> PartialDate | None:
    if year is None:
        if day is None:
            return None
        year = _nearest_year(month, number, day, future)
    try:
        return PartialDate(year, month, number)
    except ValueError:
        return None


def _nearest_year(month: int, number: int, day: dt.date, future: bool) -> int:
    """The year that puts month/day on the side of the publication date the clause speaks
    of (the future or the past) when that is within ``TENSE_REACH_DAYS``, else the nearest."""
    candidates = []
    for year in (day.year - 1, day.year, day.year + 1):
        try:
            candidates.append(dt.date(year, month, number))
        except ValueError:
            continue
    if not candidates:
        return day.year
    leaning = [
        c for c in candidates
        if (c >= day if future else c <= day) and abs((c - day).days) <= TENSE_REACH_DAYS
    ]  # fmt: skip
    best = min(leaning or candidates, key=lambda c: abs((c - day).days))
    return best.year


def _of_week(weekday: int, day: dt.date | None, which: str) -> PartialDate | None:
    if day is None:
        return None
    step = {"last": -1, "this": 0, "next": 1}[which]
    monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=step)
    return PartialDate.of(monday + dt.timedelta(days=weekday))


def _weekday(weekday: int, day: dt.date | None, future: bool, relation: str) -> PartialDate | None:
    if day is None:
        return None
    if relation == "last":
        back = (day.weekday() - weekday) % 7 or 7
        return PartialDate.of(day - dt.timedelta(days=back))
    if future or relation in ("next", "coming"):
        ahead = (weekday - day.weekday()) % 7
        if relation in ("next", "coming") and ahead == 0:
            ahead = 7
        return PartialDate.of(day + dt.timedelta(days=ahead))
    back = (day.weekday() - weekday) % 7
    return PartialDate.of(day - dt.timedelta(days=back))


def _relative_day(match: re.Match[str], anchor: PartialDate | None) -> PartialDate | None:
    if anchor is None:
        return None
    if match["rd_word"] or match["rd_dir2"]:
        word = (match["rd_word"] or match["rd_dir2"]).lower()
        shift = -1 if word in ("previous", "before") else 1
    else:
        count_word = match["rd_n"].lower()
        count = (
            1
            if count_word in ("a", "one")
            else int(count_word if count_word.isdigit() else _number_words()[count_word])
        )
        shift = -count if match["rd_dir"].lower() in ("earlier", "before", "ago") else count
    return PartialDate.of(anchor.first_day() + dt.timedelta(days=shift))


def _period(match: re.Match[str], day: dt.date | None) -> PartialDate | None:
    if day is None:
        return None
    which = match["rp_which"].lower()
    unit = match["rp_unit"].lower()
    step = -1 if which in ("last", "past") else (1 if which == "next" else 0)
    if unit == "year":
        return PartialDate(day.year + step)
    if unit == "month":
        shifted = day + relativedelta(months=step)
        return PartialDate(shifted.year, shifted.month)
    # a week has no precision of its own: its month (or year) when it lies inside one
    monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=step)
    sunday = monday + dt.timedelta(days=6)
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        return PartialDate(monday.year, monday.month)
    return PartialDate(monday.year) if monday.year == sunday.year else None


def _month_reference(
    match: re.Match[str], base: tuple[int, int, int], day: dt.date | None, future: bool
) -> DateMention | None:
    month = month_number(match["mr_month"])
    if month is None or (match["mr_month"].lower() == "may" and not _looks_like_month(match)):
        return None
    if match["mr_year"]:
        return DateMention(*base, kind="month", value=PartialDate(int(match["mr_year"]), month))
    if day is None:
        return DateMention(*base, kind="month")
    relation = (match["mr_rel"] or "").lower()
    year = day.year + {"last": -1, "next": 1}.get(relation, 0)
    if not relation:
        if future and month < day.month:
            year += 1
        elif not future and month > day.month:
            year -= 1
    return DateMention(*base, kind="month", value=PartialDate(year, month))


def _looks_like_month(match: re.Match[str]) -> bool:
    """ "May" is a month only with a year or "this/last year", or after "in"/"since"."""
    if match["mr_year"] or match["mr_rel"]:
        return True
    before = match.string[max(0, match.start() - 7) : match.start()].lower()
    return bool(re.search(r"\b(?:in|since|until|by|early|late|mid-?)\s$", before))


def infer_year(
    month_day: tuple[int, int], clues: Iterable[DateMention], allowed: set[int] | None
) -> int | None:
    """The publication year of an article dated only "November 7", from weekday clues such
    as "Monday (Nov. 6)" and the years its named office-holders were in office."""
    clues = [c for c in clues if c.weekday is not None and c.month_day]
    candidates = set(range(1990, dt.date.today().year + 2))
    if allowed is not None:
        candidates &= allowed
    for clue in clues:
        assert clue.month_day is not None and clue.weekday is not None
        month, number = clue.month_day
        kept = set()
        for year in candidates:
            clue_year = year if (month, number) <= month_day else year - 1
            try:
                if dt.date(clue_year, month, number).weekday() == clue.weekday:
                    kept.add(year)
            except ValueError:
                continue
        candidates = kept
    if not clues and allowed is None:
        return None
    return candidates.pop() if len(candidates) == 1 else None
