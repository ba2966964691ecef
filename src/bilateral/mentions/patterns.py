"""The lexicons as matchers, built once per :class:`Lexicon`: fixed phrases (countries,
cities, organisations, ranks) found by their first words, and office forms (regular
expressions) grouped by the first words they can begin with."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, Final, TypeVar

import attr

from bilateral.mentions.lexicon import Lexicon
from bilateral.text.lexicons import city_countries
from bilateral.text.regex import (
    Guarded,
    first_chars,
    fold,
    guarded,
    lead_words,
    trie_alternation,
)
from bilateral.text.words import Words

T = TypeVar("T")
_OFFICE_WORD: Final = re.compile(r"(?<![\w-])[^\W\d_]+")  # an office form's first word
_PHRASE_WORD: Final = re.compile(r"[^\W\d_]\w*")  # a phrase's first word
_LETTERS: Final = re.compile(r"[^\W\d_]+")


@attr.s(auto_attribs=True, slots=True, eq=False, frozen=True)
class OfficePattern:
    """Office forms grouped by the first word a match can begin with, so that each word of a
    sentence is tried only against the forms that may begin there, and most words (those no
    form begins with) not at all."""

    groups: dict[str, tuple[str, str | None]]  # group name -> (office key, implied country)
    alternatives: tuple[str, ...]  # each form as a named group, in the order tried
    by_word: dict[str, tuple[int, ...]]  # lower-case first word -> the forms it may begin
    by_char: dict[str, tuple[int, ...]]  # first character -> forms whose first word is open
    scanned: Guarded  # where forms begin that a sentence's indexed words cannot tell
    country_word_groups: frozenset[str] = frozenset()
    _compiled: dict[tuple[int, ...], re.Pattern[str]] = attr.ib(factory=dict, eq=False)

    def starts(self, words: Words) -> list[int]:
        """Where in a sentence a form may begin, in order: at its words that begin some
        form, and where a form of unknown or non-ASCII first word matches."""
        starts = words.starts
        found = {at for word in self.by_word.keys() & starts.keys() for at in starts[word]}
        if self.scanned.admits(words.text, words.folded):
            found.update(m.start() for r in self.scanned.regexes for m in r.finditer(words.text))
        return sorted(found)

    def match_at(self, text: str, position: int) -> re.Match[str] | None:
        word = _OFFICE_WORD.match(text, position)
        if word is None:
            return None
        forms = self.by_word.get(word.group().lower()) or self.by_char.get(text[position])
        return self._bucket(forms).match(text, position) if forms else None

    def _bucket(self, forms: tuple[int, ...]) -> re.Pattern[str]:
        """The forms as one pattern, compiled when first needed (most never are)."""
        compiled = self._compiled.get(forms)
        if compiled is None:
            parts = "|".join(self.alternatives[i] for i in forms)
            compiled = re.compile(rf"(?<![\w-])(?:{parts})(?![\w])", re.IGNORECASE)
            self._compiled[forms] = compiled
        return compiled


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


def country_part(lexicon: Lexicon) -> re.Pattern[str]:
    """The country part any title may end with: "(Chief of Naval Staff) of the Indian Navy",
    "(President) of South Africa"."""
    return _cached(
        lexicon,
        "country_part",
        lambda: re.compile(
            rf",? of (?:the )?(?i:{lexicon.country_words})(?:[’']s)?"
            r"(?: (?:Navy|Army|Air Force|Armed Forces|Government|government))?(?![\w-])"
        ),
    )


def modifiers_before(lexicon: Lexicon) -> re.Pattern[str]:
    """Title modifiers ending a text ("First ", "Acting Deputy "): they belong to the title
    that follows them."""
    return _cached(
        lexicon,
        "modifiers_before",
        lambda: re.compile(
            rf"(?<![\w-])(?:(?:{_alternation(lexicon.title_modifiers) or '(?!)'})\s)+$",
            re.IGNORECASE,
        ),
    )


def office_pattern(lexicon: Lexicon) -> OfficePattern:
    return _cached(lexicon, "office", lambda: _build_office_pattern(lexicon))


@attr.s(auto_attribs=True, slots=True, eq=False, frozen=True)
class OfficeAlternative:
    """One office form as a named group of the office regex, in the order forms are tried."""

    group: str
    office: str
    country: str | None
    country_word: bool
    regex: str
    lead_regex: str  # the same with a small stand-in for the country words, to read leads from


def office_alternatives(lexicon: Lexicon) -> list[OfficeAlternative]:
    """Every office form with its placeholders filled, offices in lexicon order and each
    office's longer forms first."""
    country = rf"(?:{lexicon.country_words})(?:[’']s)?"
    country_leads = rf"(?:{_alternation(_first_word_stand_ins(lexicon))})(?:[’']s)?"
    capital = rf"(?-i:(?!(?:{rank_alternation(lexicon)})(?![\w]))[A-Z][A-Za-z’'-]+)"
    words = {w.lower() for w in lexicon.portfolio_words}
    portfolio = portfolio_pattern(trie_alternation(words))
    portfolio_leads = f"(?:{_alternation(words)})"  # what the first word can be
    found: list[OfficeAlternative] = []
    for office in lexicon.offices:
        for form in sorted(office.forms, key=lambda f: len(f.pattern), reverse=True):
            name = f"f{len(found)}"
            body = form.pattern.replace("{Cap}", capital)
            regex = body.replace("{Portfolio}", portfolio).replace("{C}", country)
            leads = body.replace("{Portfolio}", portfolio_leads).replace("{C}", country_leads)
            found.append(
                OfficeAlternative(name, office.key, form.country, form.country_word, regex, leads)
            )
    return found


PORTFOLIO_WORDS_AT_MOST: Final = 6


def portfolio_pattern(word: str) -> str:
    """A portfolio: up to six of the words ``word`` matches (matched in any case) joined by
    spaces, "and", "&" or commas ("Energy and Natural Resources", "oil"); ``word`` written
    once, as the engine compiles each copy."""
    joint = r"(?:,? and |,? & |, | )(?=\w)"
    return f"(?:(?:{word})(?:{joint}|(?![\\w-]))){{1,{PORTFOLIO_WORDS_AT_MOST}}}(?<! )"


def _first_word_stand_ins(lexicon: Lexicon) -> set[str]:
    """Country words cut after their first word ("Saudi Arabia" -> "Saudi-"): they begin
    and end the first word of a match as the words themselves do, in a far smaller pattern."""
    stand_ins = set()
    for country in lexicon.countries:
        for word in (*country.names, *country.adjectives):
            letters = re.match(r"[^\W\d_]*", word)
            head = letters.group() if letters else ""
            stand_ins.add(head if head == word else head + "-")
    return stand_ins


def _build_office_pattern(lexicon: Lexicon) -> OfficePattern:
    forms = office_alternatives(lexicon)
    alternatives = [f"(?P<{f.group}>{f.regex})" for f in forms]
    leads = [lead_words(f.lead_regex) for f in forms]
    groups = {f.group: (f.office, f.country) for f in forms}
    country_word_groups = frozenset(f.group for f in forms if f.country_word)

    # words that begin the same forms share one compiled pattern
    forms_of: dict[str, list[int]] = {}
    for index, words in enumerate(leads):
        for word in words or ():
            forms_of.setdefault(word, []).append(index)
    unknown = [i for i, words in enumerate(leads) if words is None]

    def with_unknown(indices: list[int]) -> tuple[int, ...]:
        return tuple(sorted({*indices, *unknown}))

    by_word = {word: with_unknown(indices) for word, indices in forms_of.items()}
    starts_of: dict[str, list[int]] = {}
    for index in unknown:
        for char in first_chars(forms[index].lead_regex):
            starts_of.setdefault(char, []).append(index)
    by_char = {char: with_unknown(indices) for char, indices in starts_of.items()}
    # where forms of unknown first word begin, and the first words the index may fold
    # otherwise than the regex engine, are found by a scan of the sentences that hold a
    # string every such form holds
    foreign = [word for word in by_word if not word.isascii()]
    scanned = [f"(?i:{trie_alternation(foreign)})(?![^\\W\\d_])"] if foreign else []
    scanned += [f"(?i:(?:{forms[i].regex})(?![\\w]))" for i in unknown]
    scan = [rf"(?<![\w-])(?={'|'.join(scanned)})[^\W\d_]+"] if scanned else []
    return OfficePattern(
        groups, tuple(alternatives), by_word, by_char, guarded(scan), country_word_groups
    )


class PhraseMatcher:
    """Finds any of many fixed phrases (case-sensitive, whole words) in one pass: a
    dictionary from each phrase's first word to the phrases it begins, longest first,
    looked up only where a sentence's indexed words hold one of those first words."""

    def __init__(self, phrases: Iterable[str], possessive: bool = False) -> None:
        self.possessive = possessive
        self.by_first: dict[str, list[str]] = {}
        for phrase in sorted(set(phrases), key=len, reverse=True):
            first = _PHRASE_WORD.match(phrase)
            if first:
                self.by_first.setdefault(_head(first.group()), []).append(phrase)
        # a first word is found in the index by its letters, folded ("U" of "U.S.", "g" of "G20")
        self.by_letters: dict[str, list[str]] = {}
        for head in self.by_first:
            letters = _LETTERS.match(head)
            assert letters is not None  # a first word begins with a letter
            self.by_letters.setdefault(fold(letters.group()), []).append(head)
        self.letters = frozenset(self.by_letters)

    def finditer(self, words: Words) -> list[tuple[int, int, str]]:
        """(start, end, phrase) of the phrases in a sentence, leftmost-longest, not
        overlapping."""
        text, starts = words.text, words.starts
        found: list[tuple[int, int, str]] = []
        position = 0
        at_words = sorted(
            (at, key) for key in self.letters.intersection(starts) for at in starts[key]
        )
        for start, letters in at_words:
            if start < position or (start and text[start - 1] == "-"):
                continue
            head = next(
                (h for h in self.by_letters[letters]
                 if text.startswith(h, start) and _ends_word(text, start + len(h))),
                None,
            )  # fmt: skip
            for phrase in self.by_first[head] if head else ():
                end = start + len(phrase)
                if not text.startswith(phrase, start):
                    continue
                if self.possessive and text[end : end + 2] in ("’s", "'s"):
                    end += 2
                if not _ends_word(text, end):
                    continue
                found.append((start, end, phrase))
                position = end
                break
        return found


def _ends_word(text: str, end: int) -> bool:
    """Whether no word character follows offset ``end``."""
    return end >= len(text) or not (text[end].isalnum() or text[end] == "_")


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
