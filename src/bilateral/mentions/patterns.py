"""Combined regular expressions built once from a :class:`Lexicon`.

Every lexicon becomes one alternation (longest form first), so a sentence is scanned once per
kind of mention rather than once per lexicon entry.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from attrs import field, frozen

from bilateral.mentions.lexicon import Lexicon
from bilateral.text.lexicons import city_countries

T = TypeVar("T")


@frozen
class OfficePattern:
    """Office forms grouped by the first word a match can begin with, so that each word of a
    sentence is tried only against the forms that may begin there, and most words (those no
    form begins with) not at all."""

    groups: dict[str, tuple[str, str | None]]  # group name -> (office key, implied country)
    alternatives: tuple[str, ...]  # each form as a named group, in the order tried
    by_word: dict[str, tuple[int, ...]]  # lower-case first word -> the forms it may begin
    by_char: dict[str, tuple[int, ...]]  # first character -> forms whose first word is open
    candidates: re.Pattern[str]  # the words of a text that begin some form
    country_word_groups: frozenset[str] = frozenset()
    _compiled: dict[tuple[int, ...], re.Pattern[str]] = field(factory=dict, eq=False)

    _WORD = re.compile(r"(?<![\w-])[^\W\d_]+")

    def match_at(self, text: str, position: int) -> re.Match[str] | None:
        word = self._WORD.match(text, position)
        if word is None:
            return None
        forms = self.by_word.get(word.group().lower()) or self.by_char.get(text[position])
        return self._bucket(forms).match(text, position) if forms else None

    def search(self, text: str, position: int = 0) -> re.Match[str] | None:
        by_word, by_char = self.by_word, self.by_char
        for word in self.candidates.finditer(text, position):
            forms = by_word.get(word.group().lower()) or by_char.get(word.group()[0])
            if forms and (found := self._bucket(forms).match(text, word.start())):
                return found
        return None

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


def office_pattern(lexicon: Lexicon) -> OfficePattern:
    return _cached(lexicon, "office", lambda: _build_office_pattern(lexicon))


@frozen
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
    portfolio = f"(?-i:{_alternation(lexicon.portfolios) or 'Nothing'})"
    found: list[OfficeAlternative] = []
    for office in lexicon.offices:
        for form in sorted(office.forms, key=lambda f: len(f.pattern), reverse=True):
            name = f"f{len(found)}"
            body = form.pattern.replace("{Cap}", capital).replace("{Portfolio}", portfolio)
            found.append(
                OfficeAlternative(
                    name, office.key, form.country, form.country_word,
                    body.replace("{C}", country), body.replace("{C}", country_leads),
                )
            )  # fmt: skip
    return found


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
    leads = [_lead_words(f.lead_regex) for f in forms]
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
        for char in _first_chars(forms[index].lead_regex):
            starts_of.setdefault(char, []).append(index)
    by_char = {char: with_unknown(indices) for char, indices in starts_of.items()}
    # a word is worth trying when it is a first word, or when a form of unknown first word
    # matches there (tested inside the scan, which is far cheaper than a call per word)
    open_forms = "|".join(f"(?:{forms[i].regex})" for i in unknown) or "(?!)"
    candidates = re.compile(
        rf"(?<![\w-])(?=(?i:{trie_alternation(by_word)})(?![^\W\d_])"
        rf"|(?i:(?:{open_forms})(?![\w])))[^\W\d_]+"
    )
    return OfficePattern(
        groups, tuple(alternatives), by_word, by_char, candidates, country_word_groups
    )


_MAX_LEADS = 5000
# inside the first word; it ended; it goes on, unknown; the match begins with no letter
_OPEN, _WORD, _PREFIX, _SYMBOL = 0, 1, 2, 3
_State = tuple[str, int]  # (lower-case letters so far, or a class of first characters; status)


def _lead_words(pattern: str) -> frozenset[str] | None:
    """The lower-case letters a match of ``pattern`` can begin with, up to the first
    character that is not a letter ("director[- ]general" -> director; "(?:DG|defen[cs]e)" ->
    dg, defence, defense). None when they cannot be listed (an open-ended repeat)."""
    states = _lead_states(pattern, prefixes=False)
    if states is None:
        return None
    return frozenset(prefix for prefix, status in states if prefix and status != _SYMBOL)


@frozen
class Leads:
    """The first words ``patterns`` can begin with (lower case): whole words, and prefixes
    of longer ones ("terror\\w*" -> terror...)."""

    words: frozenset[str]
    prefixes: frozenset[str]
    symbols: frozenset[str] = frozenset()  # classes of first characters that are no letters


def first_words(patterns: Iterable[str]) -> Leads | None:
    """The :class:`Leads` of a list of patterns; None when some pattern may begin anywhere."""
    found: dict[int, set[str]] = {_WORD: set(), _PREFIX: set(), _SYMBOL: set()}
    for pattern in patterns:
        states = _lead_states(pattern, prefixes=True)
        if states is None or any(not prefix for prefix, _ in states):
            return None
        for prefix, status in states:
            found[status].add(prefix)
    return Leads(*(frozenset(found[status]) for status in (_WORD, _PREFIX, _SYMBOL)))


def first_word_filter(patterns: Iterable[str]) -> str:
    """A look-ahead that passes only where one of ``patterns`` may begin (a trie of their
    first words, whole or as prefixes), to put before their alternation so that most
    positions of a text fail at once; "" when some pattern may begin anywhere."""
    leads = first_words(patterns)
    if leads is None:
        return ""
    alternatives = []
    if leads.words:
        alternatives.append(rf"{trie_alternation(leads.words)}(?![^\W\d_])")
    if leads.prefixes:
        alternatives.append(trie_alternation(leads.prefixes))
    alternatives.extend(sorted(leads.symbols))
    return f"(?=(?i:{'|'.join(alternatives)}))"


def _lead_states(pattern: str, prefixes: bool) -> set[_State] | None:
    try:
        parsed = re._parser.parse(pattern, re.IGNORECASE)  # type: ignore[attr-defined]
    except (re.error, AttributeError):
        return None
    states = _extend(list(parsed), {("", _OPEN)}, prefixes)
    if states is None:
        return None
    return {(prefix, _WORD if status == _OPEN else status) for prefix, status in states}


def _extend(items: list[Any], states: set[_State], prefixes: bool) -> set[_State] | None:
    """The states after ``items``; where they cannot be followed, None, or with
    ``prefixes`` the open states marked as prefixes of a longer word."""
    constants = re._constants  # type: ignore[attr-defined]
    for op, value in items:
        if not any(status == _OPEN for _, status in states):
            return states
        if op in (constants.AT, constants.ASSERT, constants.ASSERT_NOT):
            continue
        grown: set[_State] | None
        if op is constants.LITERAL:
            grown = _with_chars(states, [chr(value)])
        elif op is constants.IN and (symbol := _no_letter_class(value)):
            grown = _with_symbol(states, symbol)
        elif op is constants.IN:
            chars = _class_chars(value)
            grown = _with_chars(states, chars) if chars is not None else None
        elif op is constants.SUBPATTERN:
            grown = _extend(list(value[-1]), states, prefixes)
        elif op is constants.BRANCH:
            grown = set()
            for branch in value[1]:
                found = _extend(list(branch), states, prefixes)
                if found is None:
                    return None
                grown |= found
        elif op in (constants.MAX_REPEAT, constants.MIN_REPEAT) and value[1] <= 1:
            once = _extend(list(value[2]), states, prefixes)
            grown = None if once is None else (once | states if value[0] == 0 else once)
        elif op in (constants.MAX_REPEAT, constants.MIN_REPEAT) and value[0] >= 1:
            once = _extend(list(value[2]), states, prefixes)  # later rounds cannot matter
            closed = once is not None and all(status != _OPEN for _, status in once)
            grown = once if closed else None
        else:
            grown = None
        if grown is None or len(grown) > _MAX_LEADS:
            if not prefixes:
                return None
            return {(prefix, _PREFIX if status == _OPEN else status) for prefix, status in states}
        states = grown
    return states


def _with_chars(states: set[_State], chars: list[str]) -> set[_State]:
    grown: set[_State] = set()
    for prefix, status in states:
        if status != _OPEN:
            grown.add((prefix, status))
            continue
        for char in chars:
            if char.isalpha():
                grown.add((prefix + char.lower(), _OPEN))
            else:
                grown |= _with_symbol({(prefix, status)}, re.escape(char))
    return grown


def _no_letter_class(items: list[Any]) -> str | None:
    """A character class of digits, spaces and punctuation as regex source, else None."""
    constants = re._constants  # type: ignore[attr-defined]
    categories = {constants.CATEGORY_DIGIT: r"\d", constants.CATEGORY_SPACE: r"\s"}
    parts = []
    for kind, item in items:
        if kind is constants.LITERAL and not chr(item).isalpha():
            parts.append(re.escape(chr(item)))
        elif kind is constants.CATEGORY and item in categories:
            parts.append(categories[item])
        else:
            return None
    return f"[{''.join(parts)}]" if parts else None


def _with_symbol(states: set[_State], symbol: str) -> set[_State]:
    """The states after a character that is no letter (``symbol`` a class of them)."""
    return {
        (prefix, status) if status != _OPEN else (prefix, _WORD) if prefix else (symbol, _SYMBOL)
        for prefix, status in states
    }


def _first_chars(pattern: str) -> set[str]:
    """The characters (exact case) a match of ``pattern`` can begin with; every letter
    when they cannot be told."""
    parsed = re._parser.parse(pattern, re.IGNORECASE)  # type: ignore[attr-defined]
    found = _first_of(list(parsed), ignore_case=True)
    if found is None:
        letters = "abcdefghijklmnopqrstuvwxyz"
        return {*letters, *letters.upper()}
    return found


def _first_of(items: list[Any], ignore_case: bool) -> set[str] | None:
    constants = re._constants  # type: ignore[attr-defined]
    chars: set[str] = set()
    for op, value in items:
        if op in (constants.AT, constants.ASSERT, constants.ASSERT_NOT):
            continue
        if op is constants.LITERAL:
            return chars | _cased([chr(value)], ignore_case)
        if op is constants.IN:
            listed = _class_chars(value)
            return None if listed is None else chars | _cased(listed, ignore_case)
        if op is constants.SUBPATTERN:
            _group, add_flags, del_flags, inner = value
            inner_case = (ignore_case or bool(add_flags & re.IGNORECASE)) and not (
                del_flags & re.IGNORECASE
            )
            first = _first_of(list(inner), inner_case)
            return None if first is None else chars | first
        if op is constants.BRANCH:
            for branch in value[1]:
                first = _first_of(list(branch), ignore_case)
                if first is None:
                    return None
                chars |= first
            return chars
        if op in (constants.MAX_REPEAT, constants.MIN_REPEAT):
            first = _first_of(list(value[2]), ignore_case)
            if first is None:
                return None
            chars |= first
            if value[0] > 0:
                return chars
            continue
        return None
    return None


def _cased(chars: list[str], ignore_case: bool) -> set[str]:
    return {v for c in chars for v in ((c, c.lower(), c.upper()) if ignore_case else (c,))}


def _class_chars(items: list[Any]) -> list[str] | None:
    constants = re._constants  # type: ignore[attr-defined]
    chars: list[str] = []
    for kind, item in items:
        if kind is constants.LITERAL:
            chars.append(chr(item))
        elif kind is constants.RANGE and item[1] - item[0] < 64:
            chars.extend(chr(c) for c in range(item[0], item[1] + 1))
        else:
            return None
    return chars


class PhraseMatcher:
    """Finds any of many fixed phrases (case-sensitive, whole words) in one pass: a
    dictionary from each phrase's first word to the phrases it begins, longest first,
    looked up only at the words that begin some phrase (found by one trie-shaped regex)."""

    _WORD = re.compile(r"[^\W\d_]\w*")

    def __init__(self, phrases: Iterable[str], possessive: bool = False) -> None:
        self.possessive = possessive
        self.by_first: dict[str, list[str]] = {}
        for phrase in sorted(set(phrases), key=len, reverse=True):
            first = self._WORD.match(phrase)
            if first:
                self.by_first.setdefault(_head(first.group()), []).append(phrase)
        self.first_words = re.compile(rf"(?<![\w-])(?:{trie_alternation(self.by_first)})(?!\w)")

    def finditer(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, phrase) of the phrases in text, leftmost-longest, not overlapping."""
        found: list[tuple[int, int, str]] = []
        position = 0
        for word in self.first_words.finditer(text):
            start = word.start()
            if start < position:
                continue
            for phrase in self.by_first[word.group()]:
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


def trie_alternation(words: Iterable[str]) -> str:
    """A regex matching exactly the given words, shaped as a trie ("Ira(?:n|q)") so that the
    engine reads each character once instead of trying every word in turn."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: dict[str, Any]) -> str:
        ends = "" in node
        parts = [re.escape(char) + branch(child) for char, child in sorted(node.items()) if char]
        if not parts:
            return ""
        body = "|".join(parts)
        if ends:
            return f"(?:{body})?"
        return body if len(parts) == 1 else f"(?:{body})"

    return branch(trie) or "(?!)"


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
