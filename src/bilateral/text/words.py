"""A sentence's words by where they start, read once and shared by the patterns searched in it.

A pattern whose matches begin at a word, with first words that can be listed (see
:func:`~bilateral.text.regex.first_words`), need not be tried at every character of a
sentence: :class:`WordPattern` tries it only where one of those words starts, as looked up
in the sentence's :class:`Words`. The matches are the same as a scan's, in the same order.
The first words of the patterns are kept in one table, in which a sentence's words are
looked up once, when it is indexed.
An index costs about 25 bytes per character of text; a sentence without one (``words`` None)
has its patterns scan it, with the same matches.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from typing import Final, final

import attr

from bilateral.text.regex import Leads, first_words, fold, lead_filter

_WORD_RUN: Final = re.compile(r"\w+")
_LETTERS: Final = re.compile(r"[^\W\d_]+")
_EDGE_MARKS: Final = ",.;:!?()[]\"'“”‘’"  # no word characters
_DIGIT_SYMBOLS: Final = frozenset({r"\d", r"[\d]", *"0123456789"})
_BOUNDARIES: Final = (r"(?<![\w-])", r"(?<![\w])", r"(?<!\w)")  # no match begins inside a word
# The word patterns made so far, by number (their first words), and each first word's
# patterns: a sentence's words are looked up here once when it is indexed, and not once for
# each pattern searched in it.
_MADE: Final[list[frozenset[str]]] = []
_LEAD_OF: Final[dict[str, list[int]]] = {}
_MAKING: Final = threading.Lock()


@final
class Words:
    """Where the words of ``text`` start: by their letters (folded), and where a digit
    begins one. A record with a compiled ``__init__``, like
    :class:`~bilateral.mentions.marks.Mark`."""

    __slots__ = ("digits", "folded", "led", "patterns_known", "starts", "text")

    def __init__(
        self, text: str, folded: str, starts: dict[str, list[int]], digits: list[int],
        led: dict[int, list[int]] | None = None, patterns_known: int = 0,
    ) -> None:  # fmt: skip
        self.text: Final = text
        self.folded: Final = folded  # the text as :func:`~bilateral.text.regex.fold` gives it
        self.starts: Final = starts
        self.digits: Final = digits
        # where the first words of each word pattern made before the text was indexed start
        self.led: Final[dict[int, list[int]]] = {} if led is None else led
        self.patterns_known: Final = patterns_known  # how many were made then


def index_words(text: str) -> Words:
    """The words of ``text``, indexed by where they start: each run of word characters
    (``\\w+``) that begins with a letter, by its letters, and those that begin with a digit."""
    starts: dict[str, list[int]] = {}
    digits: list[int] = []
    folded = fold(text)
    position = 0
    # white space is no word character: the text is read a token between spaces at a time,
    # and a token of letters only (most are) is one run, with no pattern applied to it
    for token in folded.split():
        position = folded.find(token, position)
        word = token.strip(_EDGE_MARKS)  # "(ISPR)," and "Bajwa." are one run too
        if word.isalpha():
            _add(starts, word, position if word is token else position + token.index(word))
        else:
            for run in _WORD_RUN.finditer(token):
                piece, at = run.group(), position + run.start()
                if piece.isalpha():
                    _add(starts, piece, at)
                elif piece[0].isdecimal():
                    digits.append(at)
                elif letters := _LETTERS.match(piece):  # "²", "x2", "_x"
                    _add(starts, letters.group(), at)
        position += len(token)
    known = len(_MADE)  # read first: each pattern it counts is already in _LEAD_OF
    return Words(text, folded, starts, digits, _led(starts), known)


def _add(starts: dict[str, list[int]], word: str, position: int) -> None:
    found = starts.get(word)
    if found is None:
        starts[word] = [position]
    else:
        found.append(position)


def _led(starts: dict[str, list[int]]) -> dict[int, list[int]]:
    """For each word pattern some of these words begin, where they start, in order."""
    led: dict[int, list[int]] = {}
    merged: list[int] = []  # patterns begun by more than one of the words
    for word, ats in starts.items():
        numbers = _LEAD_OF.get(word)
        if numbers is None:
            continue
        for number in numbers:
            found = led.get(number)
            if found is None:
                led[number] = ats
            else:
                led[number] = found + ats
                merged.append(number)
    for number in merged:
        led[number].sort()
    return led


@final
class SentenceText:
    """A sentence of an article's body: its number, where it starts, its text, and its
    words indexed (None: the patterns searched in it scan its text). A record with a
    compiled ``__init__``, like :class:`~bilateral.mentions.marks.Mark`."""

    __slots__ = ("index", "start", "text", "words")

    def __init__(self, index: int, start: int, text: str, words: Words | None = None) -> None:
        self.index: Final = index
        self.start: Final = start
        self.text: Final = text
        self.words: Final = words


@attr.s(auto_attribs=True, slots=True, eq=False, frozen=True)
class WordPattern:
    """A compiled pattern, and when its matches can only begin at a word, the words (folded)
    and digits they begin with: searched in :class:`Words`, it is tried only there."""

    regex: re.Pattern[str]
    leads: Leads | None  # None: where matches begin cannot be told, so the text is scanned
    prefixes: tuple[str, ...] = ()  # the leads' prefixes, for str.startswith
    number: int = -1  # in the order word patterns are made (-1: not looked for at words)

    def finditer(
        self, sentence: SentenceText, pos: int = 0, endpos: int | None = None
    ) -> list[re.Match[str]]:
        """The matches ``regex.finditer(sentence.text, pos, endpos)`` finds, in a list."""
        text, words = sentence.text, sentence.words
        end = len(text) if endpos is None else endpos
        if self.leads is None or words is None:
            return list(self.regex.finditer(text, pos, end))
        found = []
        after = pos
        for start in self._starts(words):
            if start >= end:
                break
            if start >= after and (match := self.regex.match(text, start, end)):
                found.append(match)
                after = match.end()
        return found

    def search(
        self, sentence: SentenceText, pos: int = 0, endpos: int | None = None
    ) -> re.Match[str] | None:
        """The match ``regex.search(sentence.text, pos, endpos)`` finds."""
        text, words = sentence.text, sentence.words
        end = len(text) if endpos is None else endpos
        if self.leads is None or words is None:
            return self.regex.search(text, pos, end)
        for start in self._starts(words):
            if start >= end:
                break
            if start >= pos and (match := self.regex.match(text, start, end)):
                return match
        return None

    def _starts(self, words: Words) -> list[int]:
        """Where the pattern's first words start in ``words``, in order."""
        assert self.leads is not None
        starts, leads = words.starts, self.leads.words
        if self.number < words.patterns_known:
            led = words.led.get(self.number)
            found = [led] if led else []
        elif len(leads) < len(starts):  # made after the text was indexed: look up the
            found = [starts[word] for word in leads if word in starts]  # fewer words in the more
        else:
            found = [ats for word, ats in starts.items() if word in leads]
        if self.prefixes and any(prefix in words.folded for prefix in self.prefixes):
            found += [
                ats for word, ats in starts.items()
                if word.startswith(self.prefixes) and word not in self.leads.words
            ]  # fmt: skip
        if self.leads.symbols and words.digits:
            found.append(words.digits)
        if len(found) > 1:
            return sorted(at for ats in found for at in ats)
        return found[0] if found else []  # one word's starts are in order already


def word_pattern(
    phrases: Sequence[str], build: Callable[[str], str], flags: int = 0
) -> WordPattern:
    """``build(lead)`` compiled, where ``lead`` is the look-ahead of the first words of
    ``phrases`` (:func:`~bilateral.text.regex.lead_filter`). Its matches are looked for at
    words when it begins with a word boundary and ``lead`` ("(?<![\\w-])" + lead + ...) and
    the first words are ASCII letters or digits."""
    leads = first_words(phrases)
    lead = lead_filter(leads)
    regex = re.compile(build(lead), flags)
    indexable = (
        leads is not None
        and all(word.isascii() for word in (*leads.words, *leads.prefixes))
        and leads.symbols <= _DIGIT_SYMBOLS
        and regex.pattern.startswith(tuple(boundary + lead for boundary in _BOUNDARIES))
    )
    if leads is None or not indexable:
        return WordPattern(regex, None)
    return WordPattern(regex, leads, tuple(sorted(leads.prefixes)), _made(leads.words))


def _made(lead_words: frozenset[str]) -> int:
    """The number of a new word pattern, and its first words entered under it."""
    with _MAKING:
        number = len(_MADE)
        for word in lead_words:
            _LEAD_OF.setdefault(word, []).append(number)
        _MADE.append(lead_words)  # last: now counted as known by the texts indexed
    return number
