"""Combined regular expressions built once from a :class:`Lexicon`.

Every lexicon becomes one alternation (longest form first), so a sentence is scanned once per
kind of mention rather than once per lexicon entry.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from attrs import frozen

from bilateral.mentions.lexicon import Lexicon
from bilateral.text.lexicons import city_countries

T = TypeVar("T")


@frozen
class OfficePattern:
    regex: re.Pattern[str]
    groups: dict[str, tuple[str, str | None]]  # group name -> (office key, implied country)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _cached(lexicon: Lexicon, name: str, build: Callable[[], T]) -> T:
    cache: dict[str, Any] = lexicon._cache
    if name not in cache:
        cache[name] = build()
    value: T = cache[name]
    return value


def country_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    """Country names and adjectives, with an optional possessive ("Iran’s")."""
    return _cached(
        lexicon,
        "country",
        lambda: re.compile(rf"(?<![\w-])(?:{lexicon.country_words})(?:[’']s)?(?![\w])"),
    )


def city_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    return _cached(
        lexicon,
        "city",
        lambda: re.compile(rf"(?<![\w-])(?:{_alternation(city_countries())})(?![\w])"),
    )


def rank_alternation(lexicon: Lexicon) -> str:
    return _cached(
        lexicon, "rank_words", lambda: _alternation(f for r in lexicon.ranks for f in r.forms)
    )


def rank_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    """A rank or honorific standing before a name ("Maj Gen", "Gen.", "Mr")."""
    return _cached(
        lexicon,
        "rank",
        lambda: re.compile(rf"(?<![\w.])(?:{rank_alternation(lexicon)})(?=\s)"),
    )


def office_pattern(lexicon: Lexicon) -> OfficePattern:
    return _cached(lexicon, "office", lambda: _build_office_pattern(lexicon))


def _build_office_pattern(lexicon: Lexicon) -> OfficePattern:
    country = rf"(?:{lexicon.country_words})(?:[’']s)?"
    capital = rf"(?-i:(?!(?:{rank_alternation(lexicon)})(?![\w]))[A-Z][A-Za-z’'-]+)"
    alternatives = []
    groups: dict[str, tuple[str, str | None]] = {}
    for office in lexicon.offices:
        for form in sorted(office.forms, key=lambda f: len(f.pattern), reverse=True):
            name = f"f{len(groups)}"
            groups[name] = (office.key, form.country)
            body = form.pattern.replace("{C}", country).replace("{Cap}", capital)
            alternatives.append(f"(?P<{name}>{body})")
    regex = re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w])", re.IGNORECASE)
    return OfficePattern(regex, groups)


def organisation_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    return _cached(
        lexicon,
        "organisation",
        lambda: re.compile(
            rf"(?<![\w-])(?:{_alternation(f for o in lexicon.organisations for f in o.forms)})"
            r"(?![\w])"
        ),
    )
