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
    """All office forms as one regex, and the same split by the letter a match can start
    with, so that each word is tried only against the forms that may begin there."""

    regex: re.Pattern[str]
    groups: dict[str, tuple[str, str | None]]  # group name -> (office key, implied country)
    by_letter: dict[str, re.Pattern[str]]
    country_word_groups: frozenset[str] = frozenset()

    _WORD_START = re.compile(r"(?<![\w-])[^\W\d_]")

    def match_at(self, text: str, position: int) -> re.Match[str] | None:
        bucket = self.by_letter.get(text[position : position + 1].lower())
        return bucket.match(text, position) if bucket else None

    def search(self, text: str, position: int = 0) -> re.Match[str] | None:
        for word in self._WORD_START.finditer(text, position):
            found = self.match_at(text, word.start())
            if found:
                return found
        return None


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _cached(lexicon: Lexicon, name: str, build: Callable[[], T]) -> T:
    cache: dict[str, Any] = lexicon._cache
    if name not in cache:
        cache[name] = build()
    value: T = cache[name]
    return value


def rank_alternation(lexicon: Lexicon) -> str:
    return _cached(
        lexicon, "rank_words", lambda: _alternation(f for r in lexicon.ranks for f in r.forms)
    )


def office_pattern(lexicon: Lexicon) -> OfficePattern:
    return _cached(lexicon, "office", lambda: _build_office_pattern(lexicon))


def _build_office_pattern(lexicon: Lexicon) -> OfficePattern:
    country = rf"(?:{lexicon.country_words})(?:[’']s)?"
    capital = rf"(?-i:(?!(?:{rank_alternation(lexicon)})(?![\w]))[A-Z][A-Za-z’'-]+)"
    portfolio = f"(?-i:{_alternation(lexicon.portfolios) or 'Nothing'})"
    alternatives = []
    country_word_groups: set[str] = set()
    letters: list[set[str] | None] = []
    groups: dict[str, tuple[str, str | None]] = {}
    for office in lexicon.offices:
        for form in sorted(office.forms, key=lambda f: len(f.pattern), reverse=True):
            name = f"f{len(groups)}"
            groups[name] = (office.key, form.country)
            if form.country_word:
                country_word_groups.add(name)
            body = (
                form.pattern.replace("{C}", country)
                .replace("{Cap}", capital)
                .replace("{Portfolio}", portfolio)
            )
            alternatives.append(f"(?P<{name}>{body})")
            letters.append(_first_letters(body))

    def compiled(parts: list[str]) -> re.Pattern[str]:
        return re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w])", re.IGNORECASE)

    by_letter = {}
    for letter in "abcdefghijklmnopqrstuvwxyz":
        parts = [
            a
            for a, first in zip(alternatives, letters, strict=True)
            if first is None or letter in first
        ]
        if parts:
            by_letter[letter] = compiled(parts)
    return OfficePattern(compiled(alternatives), groups, by_letter, frozenset(country_word_groups))


def _first_letters(pattern: str) -> set[str] | None:
    """Lower-case letters a match of ``pattern`` can begin with (None: can't tell)."""
    try:
        parsed = re._parser.parse(pattern, re.IGNORECASE)  # type: ignore[attr-defined]
    except (re.error, AttributeError):
        return None
    return _first_of(list(parsed))


def _first_of(items: list[Any]) -> set[str] | None:
    constants = re._constants  # type: ignore[attr-defined]
    letters: set[str] = set()
    for op, value in items:
        if op is constants.LITERAL:
            return letters | {chr(value).lower()}
        if op is constants.IN:
            for kind, item in value:
                if kind is constants.LITERAL:
                    letters.add(chr(item).lower())
                elif kind is constants.RANGE:
                    letters.update(chr(c).lower() for c in range(item[0], item[1] + 1))
                elif kind is not constants.NEGATE:
                    return None
                else:
                    return None
            return letters
        if op is constants.BRANCH:
            for branch in value[1]:
                first = _first_of(list(branch))
                if first is None:
                    return None
                letters |= first
            return letters
        if op is constants.SUBPATTERN:
            first = _first_of(list(value[-1]))
            if first is None:
                return None
            return letters | first
        if op in (constants.MAX_REPEAT, constants.MIN_REPEAT):
            low, _high, inner = value
            first = _first_of(list(inner))
            if first is None:
                return None
            letters |= first
            if low > 0:
                return letters
            continue
        if op in (constants.ASSERT, constants.ASSERT_NOT, constants.AT):
            continue
        return None
    return None


class PhraseMatcher:
    """Finds any of many fixed phrases (case-sensitive, whole words) in one pass: a
    dictionary from each phrase's first word to the phrases it begins, longest first,
    looked up at every word of the text instead of trying a long alternation."""

    _WORD = re.compile(r"[^\W\d_]\w*")

    def __init__(self, phrases: Iterable[str], possessive: bool = False) -> None:
        self.possessive = possessive
        self.by_first: dict[str, list[str]] = {}
        for phrase in sorted(set(phrases), key=len, reverse=True):
            first = self._WORD.match(phrase)
            if first:
                self.by_first.setdefault(_head(first.group()), []).append(phrase)

    def finditer(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, phrase) of the phrases in text, leftmost-longest, not overlapping."""
        found: list[tuple[int, int, str]] = []
        position = 0
        for word in self._WORD.finditer(text):
            start = word.start()
            if start < position or (
                start and (text[start - 1].isalnum() or text[start - 1] in "-_")
            ):
                continue
            for phrase in self.by_first.get(word.group(), ()):
                end = start + len(phrase)
                if not text.startswith(phrase, start):
                    continue
                if self.possessive and text[end : end + 2] in ("’s", "'s"):
                    end += 2
                if end < len(text) and (text[end].isalnum() or text[end] == "_"):
                    continue
                found.append((start, end, phrase))
                position = end
                break
        return found


def _head(word: str) -> str:
    """The letters and digits a phrase's first word starts with ("U" of "U.S.")."""
    return re.split(r"[^\w]", word, maxsplit=1)[0]


def fixed_matcher(lexicon: Lexicon) -> PhraseMatcher:
    """Countries, cities, organisations and ranks in one matcher: a phrase's kind is found
    with :func:`fixed_kinds`."""
    return _cached(
        lexicon,
        "fixed_matcher",
        lambda: PhraseMatcher(fixed_kinds(lexicon), possessive=True),
    )


def fixed_kinds(lexicon: Lexicon) -> dict[str, list[str]]:
    """Each fixed phrase -> the kinds of mark it can be (country, city, organisation, rank)."""

    def build() -> dict[str, list[str]]:
        kinds: dict[str, list[str]] = {}
        groups = (
            ("country", (w for c in lexicon.countries for w in (*c.names, *c.adjectives))),
            ("city", city_countries()),
            ("organisation", (f for o in lexicon.organisations for f in o.forms)),
            ("rank", (f for r in lexicon.ranks for f in r.forms)),
        )
        for kind, phrases in groups:
            for phrase in phrases:
                if kind not in kinds.setdefault(phrase, []):
                    kinds[phrase].append(kind)
        return kinds

    return _cached(lexicon, "fixed_kinds", build)
