"""Dates as newspapers write them: "July 17th, 2018", "Nov. 6", "2021-10-14"."""

from __future__ import annotations

import re
from typing import Final

import attr

from bilateral.model import PartialDate
from bilateral.text.grammar import grammar

_MONTH_NAMES: Final = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTHS: dict[str, int] = {}
for _number, _name in enumerate(_MONTH_NAMES, start=1):
    MONTHS[_name.lower()] = _number
    MONTHS[_name[:3].lower()] = _number
MONTHS["sept"] = 9

MONTH: Final = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# the same in capitals, as some pages print their dates ("FEB 19, 2025"): in the reader's
# dates only, not in the body's, where a word in capitals is rarely a month
_MONTH_IN_CAPITALS: Final = (
    r"(?:JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?"
    r"|SEP(?:T(?:EMBER)?)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)\.?"
)
_WRITTEN_MONTH: Final = f"(?:{MONTH}|{_MONTH_IN_CAPITALS})"
DAY: Final = _WRITTEN_MONTH + r",?\s?\d{1,2}(?:st|nd|rd|th)?(?!\d)"
DATE: Final = (
    rf"(?:{DAY}\s*,?\s*\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s(?:of\s)?{_WRITTEN_MONTH},?\s\d{{4}}"
    r"|\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}|\d{4}\.\d{2}\.\d{2}|\d{4}/\d{2}/\d{2})"
)
WEEKDAY: Final = (
    "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?)"
)


@attr.s(auto_attribs=True, slots=True, frozen=True, eq=False)
class _Grammar:
    """The structural patterns of this module: ``data/grammar.toml`` [written_dates]."""

    written: re.Pattern[str]
    iso_day: re.Pattern[str]
    day_first: re.Pattern[str]
    dotted: re.Pattern[str]
    slashed: re.Pattern[str]


_G: Final = grammar(_Grammar, "written_dates")


def expand(pattern: str) -> str:
    """Replace the {MONTH}, {DAY} and {DATE} placeholders of a data-file pattern."""
    return (
        pattern.replace("{MONTH}", _WRITTEN_MONTH)
        .replace("{DATE}", DATE)
        .replace("{DAY}", DAY)
        .replace("{WEEKDAY}", WEEKDAY)
    )


def month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def parse_written_date(text: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of "July 17th, 2018", "Nov. 6" or "2018-07-17"."""
    text = text.strip()
    iso = _G.iso_day.fullmatch(text)
    if iso:
        return int(iso[1]), int(iso[3]), int(iso[4])
    dotted = _G.dotted.fullmatch(text)
    if dotted:
        return int(dotted["year"]), int(dotted["month"]), int(dotted["day"])
    slashed = _G.slashed.fullmatch(text)
    if slashed:  # 20/11/2025 or 11/20/2025; 05/06/2025 could be either, and is no date
        first, second = int(slashed["first"]), int(slashed["second"])
        if (first > 12) == (second > 12) and first != second:
            return None
        day_of, month_of = (first, second) if first > 12 else (second, first)
        return int(slashed["year"]), month_of, day_of
    day_first = _G.day_first.fullmatch(text)
    if day_first:
        month = month_number(day_first["month"])
        year = int(day_first["year"]) if day_first["year"] else None
        return (year, month, int(day_first["day"])) if month else None
    match = _G.written.fullmatch(text)
    if match is None:
        return None
    month = month_number(match["month"])
    if month is None:
        return None
    year = int(match["year"]) if match["year"] else None
    return year, month, int(match["day"])


def written_date(text: str) -> PartialDate | None:
    """The exact date of a written date that shows its year, else None."""
    parsed = parse_written_date(text)
    if parsed is None or parsed[0] is None:
        return None
    try:
        return PartialDate(parsed[0], parsed[1], parsed[2])
    except ValueError:
        return None
