"""Tools for patterns made of many phrases: what their matches begin with and hold, tries,
tails.

A lexicon or vocabulary compiled into one alternation is tried at every position of a text;
these tools let the engine skip most positions. :func:`first_words` reads from a pattern the
words its matches can begin with, :func:`required_strings` the strings a text must hold for it
to match, :func:`trie_alternation` turns many words into a regex that reads each character
once, and :func:`search_tail` searches a pattern anchored before a word without scanning
everything before it. :func:`fold` lower-cases a text as case-insensitive matching does.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any, Final

import attr

TAIL_REACH: Final = 60  # the tails searched for are a few words ("the former", "was briefed")


_BMP: Final = [chr(code) for code in range(0x10000) if not 0xD800 <= code < 0xE000]


def _letter_class(wanted: Callable[[str], bool]) -> str:
    """A character class of the Basic Multilingual Plane's characters ``wanted`` accepts,
    written as ranges: what ``\\p{Lu}`` says in engines that know Unicode properties. A class
    of more characters than it leaves out is written as the negation of those it leaves out
    (surrogates and the planes beyond the first included): ``re`` compiles a class in a time
    of the number of characters in its ranges, and the lower-case class, with the scripts
    without case, holds some 49,000 of them (8 ms a class, and patterns hold a dozen). The
    same characters either way; a negated class is not used under ``(?i)``, where ``re``
    matches a character by its other cases too."""
    accepted = [wanted(c) for c in _BMP]
    negated = sum(accepted) > len(accepted) // 2
    ranges: list[list[int]] = []
    codes = [ord(c) for c, yes in zip(_BMP, accepted, strict=True) if yes != negated]
    if negated:
        codes = sorted([*codes, *range(0xD800, 0xE000)])
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    if negated:
        ranges.append([0x10000, 0x10FFFF])
    parts = (
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )
    return f"[{'^' if negated else ''}{''.join(parts)}]"


# Letters of any script, as character classes: a capital (upper or title case), a letter that
# is not one (lower case, or of a script without case, or a combining mark), any letter.
UPPER: Final = _letter_class(lambda c: c.isupper() or c.istitle())
LOWER: Final = _letter_class(
    lambda c: (c.isalpha() and not (c.isupper() or c.istitle())) or unicodedata.category(c) == "Mn"
)
LETTER: Final = r"[^\W\d_]"


def search_tail(regex: re.Pattern[str], text: str, end: int) -> re.Match[str] | None:
    """``regex.search(text[:end])`` for a pattern ending in ``$``, trying only the last
    ``TAIL_REACH`` characters: a search of everything before ``end`` would try every
    position of it. Look-behinds still see the text before the window."""
    return regex.search(text, max(0, end - TAIL_REACH), end)


_MAX_LEADS: Final = 5000
# inside the first word; it ended; it goes on, unknown; the match begins with no letter
_OPEN, _WORD, _PREFIX, _SYMBOL = 0, 1, 2, 3
_State = tuple[str, int]  # (lower-case letters so far, or a class of first characters; status)


def lead_words(pattern: str) -> frozenset[str] | None:
    """The first words (lower case) a match of ``pattern`` can begin with, up to the first
    character that is not a letter ("director[- ]general" -> director; "(?:DG|defen[cs]e)" ->
    dg, defence, defense). None when they cannot be listed (an open-ended repeat)."""
    states = _lead_states(pattern, prefixes=False)
    if states is None:
        return None
    return frozenset(prefix for prefix, status in states if prefix and status != _SYMBOL)


@attr.s(auto_attribs=True, slots=True, eq=False, frozen=True)
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


def lead_filter(leads: Leads | None) -> str:
    """A look-ahead that passes only where a pattern of these first words (see
    :func:`first_words`) may begin: a trie of the words, whole or as prefixes, to put before
    the patterns' alternation so that most positions of a text fail at once; "" for None
    (some pattern may begin anywhere)."""
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


def first_chars(pattern: str) -> set[str]:
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


@attr.s(auto_attribs=True, slots=True, eq=False, frozen=True)
class Guarded:
    """Patterns searched only in texts holding a string that every match holds (a ``str``
    search is far faster than a regex scan of every position)."""

    regexes: tuple[re.Pattern[str], ...]
    needles: frozenset[str] | None  # folded; None: no such strings could be read

    def admits(self, text: str, folded: str | None = None) -> bool:
        """Whether a pattern may match in ``text`` (false when it holds no needle);
        ``folded`` is ``fold(text)`` when the caller has it."""
        if self.needles is None:
            return True
        folded = fold(text) if folded is None else folded
        return any(needle in folded for needle in self.needles)

    def search(self, text: str, folded: str | None = None) -> re.Match[str] | None:
        """The first pattern's match in ``text``, as ``regex.search`` would find it;
        ``folded`` is ``fold(text)`` when the caller has it."""
        if not self.admits(text, folded):
            return None
        return next((m for r in self.regexes if (m := r.search(text))), None)


def guarded(patterns: Iterable[str]) -> Guarded:
    """The patterns, guarded by the strings their matches must hold."""
    regexes = tuple(re.compile(p) for p in patterns)
    needles: set[str] = set()
    for regex in regexes:
        required = required_strings(regex.pattern)
        if required is None:
            return Guarded(regexes, None)
        needles |= required
    return Guarded(regexes, frozenset(needles))


# the characters that case-insensitive matching takes for an ASCII letter, which lower() keeps
# or makes two; and "Σ", which lower() makes "ς" or "σ" by the letters around it
_SPECIAL: Final = {"İ": "i", "ı": "i", "K": "k", "ſ": "s", "Σ": "σ"}
_PIECE: Final = 1 << 16  # characters folded at a time


def fold(text: str) -> str:
    """``text`` in lower case as case-insensitive matching compares it with ASCII letters
    ("İ" and "ı" are "i"), one character for one, each on its own: a slice of a folded text
    is the fold of the slice."""
    if text.isascii():
        return text.lower()
    if len(text) > _PIECE:  # lower() sets aside 12 bytes per character of such a text
        return "".join(fold(text[at : at + _PIECE]) for at in range(0, len(text), _PIECE))
    for char, folded in _SPECIAL.items():
        if char in text:  # far faster than translate(), which looks up every character
            text = text.replace(char, folded)
    return text.lower()


def required_strings(pattern: str) -> frozenset[str] | None:
    """Strings (folded) of which a text holds one, in any case, wherever ``pattern``
    matches in it (inside the match, or in a look-around): the longest that can be read
    ("held (?:talks|a meeting)" -> "held "; "said|told" -> "said", "told"); None when
    none can."""
    parsed = re._parser.parse(pattern)  # type: ignore[attr-defined]
    return _required(list(parsed))


def _required(items: list[Any]) -> frozenset[str] | None:
    constants = re._constants  # type: ignore[attr-defined]
    options: list[frozenset[str]] = []
    run = ""
    for op, value in items:
        if op is constants.LITERAL and _folds_alone(chr(value)):
            run += chr(value).lower()
            continue
        if run:
            options.append(frozenset({run}))
            run = ""
        found: frozenset[str] | None = None
        if op is constants.SUBPATTERN:
            found = _required(list(value[-1]))
        elif op is constants.BRANCH:
            branches = [_required(list(branch)) for branch in value[1]]
            found = frozenset().union(*branches) if all(branches) else None  # type: ignore[arg-type]
        elif op in (constants.MAX_REPEAT, constants.MIN_REPEAT) and value[0] >= 1:
            found = _required(list(value[2]))
        elif op is constants.ASSERT:
            found = _required(list(value[1]))
        elif op is constants.IN:
            chars = _class_chars(value)
            if chars and len(chars) <= 8 and all(_folds_alone(c) for c in chars):
                found = frozenset(c.lower() for c in chars)
        if found:
            options.append(found)
    if run:
        options.append(frozenset({run}))
    return max(options, key=lambda o: (min(map(len, o)), -len(o))) if options else None


def _folds_alone(char: str) -> bool:
    """Whether matching ``char`` in any case means finding ``char.lower()`` in a folded
    text: ASCII, or without case."""
    return char.isascii() or char.lower() == char == char.upper()
