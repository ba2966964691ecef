"""Typed stretches of an article's body: countries, cities, organisations, ranks, offices."""

from __future__ import annotations

import re
from typing import Final, Literal, final

from bilateral.mentions.lexicon import Lexicon
from bilateral.mentions.names import name_tokens
from bilateral.mentions.patterns import (
    OfficePattern,
    country_part,
    modifiers_before,
    office_pattern,
    portfolio_tail,
)
from bilateral.mentions.phrase_matcher import fixed_kinds, fixed_matcher
from bilateral.text.lexicons import city_countries
from bilateral.text.regex import LOWER, UPPER, search_tail
from bilateral.text.resources import packaged_toml
from bilateral.text.words import SentenceText, index_words

MarkKind = Literal["country", "city", "organisation", "rank", "office"]
_NAME_AFTER: Final = re.compile(rf"(?:\s{UPPER}[\w’'-]+)+")  # " Bare Duale" after "Aden"
_WORD_BEFORE: Final = re.compile(rf"(?<![\w-])({UPPER}{LOWER}+)\s$")
_GIVEN_NAME_BEFORE: Final = re.compile(rf"(?<![\w-]){UPPER}[\w’'-]+\s$")
_CAPITAL_AFTER: Final = re.compile(rf"\s{UPPER}{LOWER}")
_NOT_NAMES: Final = frozenset(packaged_toml("people")["not_names"])


@final
class Mark:
    """``kind`` is country, city, organisation, rank or office; ``value`` the country code,
    city name, organisation name, rank name or office key; ``country`` what it implies.

    Not an attrs class: marks are the most numerous records, and mypyc compiles this
    ``__init__``, where it runs the one attrs writes as Python. mypy rejects setting a
    ``Final`` field again, and compiled, the fields are read-only."""

    __slots__ = ("country", "end", "kind", "start", "text", "value")

    def __init__(
        self, start: int, end: int, kind: MarkKind, value: str, country: str | None, text: str
    ) -> None:
        self.start: Final = start
        self.end: Final = end
        self.kind: Final = kind
        self.value: Final = value
        self.country: Final = country
        self.text: Final = text


def find_marks(sentence: SentenceText, lexicon: Lexicon) -> list[Mark]:
    """All marks in a sentence."""
    text, offset = sentence.text, sentence.start
    words = sentence.words or index_words(text)  # for this sentence only, when not kept
    marks: list[Mark] = []
    kinds = fixed_kinds(lexicon)
    cities = city_countries()
    organisations = lexicon.organisation_forms()
    ranks = lexicon.rank_forms()
    for start, end, phrase in fixed_matcher(lexicon).finditer(words):
        after = start + len(phrase)  # ``end`` is after a possessive "’s" too
        for kind in kinds[phrase]:
            if kind == "country":
                said = phrase if end == after else text[start:end]
                if _ends_a_holders_name(lexicon, text, start, after):
                    continue  # "Prime Minister Luís Montenegro": a surname
                if code := lexicon.country_of_word(said):
                    marks.append(_mark(start, offset, "country", code, code, said))
            elif kind == "city":
                if _names_a_holder(lexicon, text, start, after):
                    continue
                marks.append(_mark(start, offset, "city", phrase, cities[phrase], phrase))
            elif kind == "organisation":
                org = organisations[phrase]
                marks.append(_mark(start, offset, "organisation", org.name, org.country, phrase))
            elif (
                text[after : after + 1].isspace()
                and not (start and text[start - 1] == ".")
                and not _honorific_in_name(lexicon, text, start, after, ranks[phrase])
            ):
                marks.append(_mark(start, offset, "rank", ranks[phrase], None, phrase))
    offices = office_pattern(lexicon)
    modifiers = modifiers_before(lexicon)
    more_portfolio = portfolio_tail(lexicon)
    portfolio_words = lexicon.portfolio_word_set()
    country_ends = {m.start - offset: m.end - offset for m in marks if m.kind == "country"}
    position = 0
    for start in offices.starts(words):
        if start < position or (found := offices.match_at(text, start, words.folded)) is None:
            continue
        match = _after_country_word(offices, text, found, country_ends)
        group = match.lastgroup
        if group in offices.country_word_groups and match.start() not in country_ends:
            continue  # "The Minister of Finance": no "The minister", and "Minister" is read next
        position = max(match.end(), position + 1)
        if group is None:
            continue
        key, implied = offices.groups[group]
        begin, end = match.start(), match.end()
        if (
            _last_word(match.group()) in portfolio_words
            and (more := more_portfolio.match(text, end))
            and not _office_begins(offices, text, more)
        ):
            end = more.end()
        if text.startswith((" of ", ", of "), end) and (
            part := country_part(lexicon, text).match(text, end)
        ):
            end = part.end()
        if begin and text[begin - 1] == " " and (lead := search_tail(modifiers, text, begin)):
            begin = lead.start()
        marks.append(_mark(begin, offset, "office", key, implied, text[begin:end]))
    return _without_nested(
        [m for m in marks if not _given_name_after_title(m, marks, text, offset)]
    )


def _after_country_word(
    offices: OfficePattern, text: str, found: re.Match[str], country_ends: dict[int, int]
) -> re.Match[str]:
    """ "Russian Foreign Minister" is the office "Foreign Minister" of a country word, not a
    minister of "Russian Foreign"."""
    country_end = country_ends.get(found.start())
    if country_end is None or text[country_end : country_end + 1] != " ":
        return found
    return offices.match_at(text, country_end + 1) or found


def _honorific_in_name(lexicon: Lexicon, text: str, start: int, end: int, rank: str) -> bool:
    """Whether a civil honorific stands between two words of one name ("Hassan Sheikh
    Mohamud"): a capitalised word that is no title before it, a capital after it."""
    if any(r.military for r in lexicon.ranks if r.name == rank):
        return False
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is None or before.group(1) in _NOT_NAMES or before.group(1) in lexicon.rank_forms():
        return False
    if lexicon.country_of_word(before.group(1)) or _office_word(lexicon, text, before.start(1)):
        return False
    if before.group(1).lower() in lexicon.portfolio_word_set():
        return False  # "Minister of Energy Sheikh A": a title ends there, no name
    return bool(_CAPITAL_AFTER.match(text, end))


def _office_word(lexicon: Lexicon, text: str, start: int) -> bool:
    """Whether the word at ``start`` is the whole of an office ("Emir", "King", "Amir"
    before an honorific), read in its text."""
    found = office_pattern(lexicon).match_at(text, start)
    word = re.match(r"\w+", text[start:])
    return bool(found and word and found.end() == start + word.end())


def _names_a_holder(lexicon: Lexicon, text: str, start: int, end: int) -> bool:
    """Whether a city's name begins the name of a known office-holder ("Aden Duale" of
    "Aden Bare Duale"): there, it is a given name."""
    rest = _NAME_AFTER.match(text, end)
    if rest is None:
        return False
    tokens = name_tokens(text[start : rest.end()])
    return len(tokens) > 1 and bool(lexicon.holders_with((tokens[0], tokens[-1])))


def _ends_a_holders_name(lexicon: Lexicon, text: str, start: int, end: int) -> bool:
    """Whether a country's name ends the name of a known office-holder, after a given name
    ("Luís Montenegro"): there, it is a surname."""
    before = _GIVEN_NAME_BEFORE.search(text, max(0, start - 40), start)
    if before is None:
        return False
    tokens = name_tokens(text[before.start() : end])
    return len(tokens) > 1 and bool(lexicon.holders_with((tokens[0], tokens[-1])))


def _given_name_after_title(mark: Mark, marks: list[Mark], text: str, offset: int) -> bool:
    """Whether a city's name stands between a title and a name ("President Victoria
    Ruiz", "General Adelaide Mensah"): there, it is a given name."""
    if mark.kind != "city":
        return False
    after = _NAME_AFTER.match(text, mark.end - offset)
    if after is None or after.group().split()[0] in _NOT_NAMES:
        return False
    return any(
        title.kind in ("office", "rank") and title.end + 1 == mark.start
        and text[title.end - offset] == " "
        for title in marks
    )  # fmt: skip


def _last_word(said: str) -> str:
    return said.rsplit(" ", 1)[-1].lower()


def _office_begins(offices: OfficePattern, text: str, more: re.Match[str]) -> bool:
    """Whether an office begins in the last part of a portfolio tail and reaches past it
    ("..., and Trade Minister"): that part is no portfolio of the office before."""
    last, end = more.start("last"), more.end()
    starts = [last, *(last + m.end() for m in re.finditer(" ", text[last:end]))]
    if text[end : end + 1] == " ":
        starts.append(end + 1)
    return any((found := offices.match_at(text, at)) and found.end() > end for at in starts)


def _mark(start: int, offset: int, kind: MarkKind, value: str, country: str | None,
          said: str) -> Mark:  # fmt: skip
    """A mark of the words ``said`` at ``start`` of a sentence at ``offset`` (a lexicon's own
    string where it can be: marks are many, their words few)."""
    return Mark(start + offset, start + offset + len(said), kind, value, country, said)


def _without_nested(marks: list[Mark]) -> list[Mark]:
    """Drop a mark inside a longer one of another kind, except country words inside offices
    and organisations (which tell whose office it is)."""
    kept = []
    for mark in marks:
        inside = any(
            other is not mark
            and other.start <= mark.start
            and mark.end <= other.end
            and (other.end - other.start) > (mark.end - mark.start)
            and not (mark.kind == "country" and other.kind in ("office", "organisation"))
            for other in marks
        )
        if not inside:
            kept.append(mark)
    return sorted(kept, key=lambda m: (m.start, -m.end))
