"""Runs of capitalised words that may be names, with the titles read around them."""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from typing import Final

from bilateral.mentions.marks import Mark
from bilateral.mentions.names import clean_name
from bilateral.text.regex import LETTER, LOWER, TAIL_REACH, UPPER
from bilateral.text.resources import packaged_toml
from bilateral.text.words import SentenceText

# name particles: hyphened to a name ("al-Assad"), or standing alone ("Zia ul Haq")
_PARTICLES: Final = ("al", "el", "bin", "ibn", "ul", "ur", "ud")
_HYPHENED_PARTICLES: Final = tuple(f"{particle}-" for particle in _PARTICLES)
# what follows a name's capital: "Bajwa", "McDonald", "Zia-ul-Haq", "O'Brien", "Q.", "Çavuşoğlu",
# three initials written as one word before a name ("AHM Kabir"), and a regnal number
# ("Mohammed VI", "Charles III")
_AFTER_CAPITAL: Final = (
    rf"(?:{LOWER}+(?:{UPPER}{LOWER}+)?(?:-{LETTER}+|[’'](?!s\b){LETTER}+)*"
    r"|(?<=[IVX])[IVX]{1,3}(?![\w-])"
    rf"|{UPPER}{{2}}(?=\s{UPPER}{LOWER})|\.?)"
)
_NAME_TOKEN: Final = rf"(?:(?:{'|'.join(_PARTICLES)}|Al|El)-)?{UPPER}{_AFTER_CAPITAL}"
# the lower-case particles of Romance, Dutch and German names ("Ana de la Torre", "Jan van
# der Berg", "Lula da Silva"), after a given name or a capitalised first particle ("De la")
_NAME_JOINT: Final = (
    r"\s(?:(?:bin|bint|ibn|ul|ur|al|el|ud|Bin|Ibn|Al|El)\s"
    r"|(?:de|del|della|da|das|dos|van|von)\s(?:(?:la|las|los|der|den)\s)?"
    r"|(?:(?<=\bDe\s)|(?<=\bVan\s)|(?<=\bVon\s))(?:la|las|los|der|den)\s)?"
)
_NAME_RUN: Final = re.compile(  # the look-ahead (a capital or a particle's first letter) saves time
    rf"(?={UPPER}|[abeiu]){_NAME_TOKEN}(?:{_NAME_JOINT}{_NAME_TOKEN})*"
)
# The same matches in a text without a hyphened particle, found twice as fast: the pattern
# begins with a character class, so the search skips what is not a capital without trying it.
_CAPITALISED_RUN: Final = re.compile(
    rf"{UPPER}(?:(?<=[AE])l-{UPPER})?{_AFTER_CAPITAL}(?:{_NAME_JOINT}{_NAME_TOKEN})*"
)
_NOT_NAMES: Final = frozenset(
    [
        *packaged_toml("people")["not_names"],
        *calendar.month_name[1:],
        *calendar.month_abbr[1:],
        *calendar.day_name,
        "Sept",
    ]
)
_MONTH_ABBREVIATIONS: Final = frozenset(calendar.month_abbr[1:]) - frozenset(calendar.month_name)
_CHAIN_FILLER: Final = re.compile(r"^\s*(?:,\s*)?(?:\((?P<abbr>[A-Z]{2,8})\)\s*)?$")
# between two offices of one person ("Deputy Prime Minister and Minister of Finance A")
_OFFICE_JOINT: Final = re.compile(r"^\s+and\s+$")
# words that may stand between a title and a name ("the army chief the former General ...")
_LEFT_WORDS: Final = frozenset(
    {"the", "The", "caretaker", "Caretaker", "visiting", "top", "former", "then", "acting",
     "his", "her", "its"}
)  # fmt: skip
_POST_TITLE: Final = re.compile(r"^,?\s(?:the\s(?:[a-z]+[’']s\s)?|a\s)?")  # ", the ministry's"
_ABBREVIATION_AFTER: Final = re.compile(r"^\s*(?:\([A-Z]{2,8}\)\s*)?")
_APPOSITION_END: Final = re.compile(
    r"^\s*(?:[,.;:(]|$|(?:who|which|and|said|says)\b|\([A-Z]{2,8}\))"
)


# A capitalised run that may be a name: its start and end, the name, the ranks, offices and
# country words right before it (nearest first), and the office right after it.
NameRun = tuple[int, int, str, list[Mark], list[Mark]]


def read_names(sentence: SentenceText, marks: Sequence[Mark]) -> list[NameRun]:
    """The runs of a sentence that may be names, with the titles around them: what
    :func:`find_people` reads of a sentence that does not depend on the article's date (read
    once, though an article without a year is read twice)."""
    text, base = sentence.text, sentence.start
    return [
        (
            start, end, clean_name(text[start - base : end - base]),
            _left_chain(sentence, marks, start), _post_title(sentence, marks, end),
        )
        for start, end in _name_runs(sentence, marks)
    ]  # fmt: skip


def _name_runs(sentence: SentenceText, marks: Sequence[Mark]) -> list[tuple[int, int]]:
    """Absolute (start, end) of capitalised runs that may be names, cut at marks."""
    text, base = sentence.text, sentence.start
    result = []
    for run in run_words(text, [(m.start - base, m.end - base) for m in marks]):
        if not any(end - start > 1 and text[start + 1] != "." for start, end in run):
            continue  # initials only
        while len(run) > 1 and run[-1][1] - run[-1][0] <= 2 and _is_particle(text, run[-1]):
            run = run[:-1]
        result.append((base + run[0][0], base + run[-1][1]))
    return result


def run_words(text: str, blocked: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The (start, end) of the words of each capitalised run, cut at words that are never
    names and at words inside a blocked stretch."""
    runs: list[list[tuple[int, int]]] = []
    hyphened = any(particle in text for particle in _HYPHENED_PARTICLES)
    for match in (_NAME_RUN if hyphened else _CAPITALISED_RUN).finditer(text):
        current: list[tuple[int, int]] = []
        start = match.start()
        words = match.group().split()  # the run's words are one white space apart
        for position, word in enumerate(words):
            end = start + len(word)
            # a month's short form before more of a name is a given name ("Jan Kowalski")
            given = word in _MONTH_ABBREVIATIONS and position + 1 < len(words)
            if (
                (word in _NOT_NAMES and not given)
                or any(b0 <= start < b1 for b0, b1 in blocked)
                or _glued(text, start, end)
            ):
                if current:
                    runs.append(current)
                current = []
            else:
                current.append((start, end))
            start = end + 1
        if current:
            runs.append(current)
    return runs


def _glued(text: str, start: int, end: int) -> bool:
    """Whether a word is part of a longer one, letters glued to it ("Mo" of "MoU")."""
    return (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum())


def _is_particle(text: str, token: tuple[int, int]) -> bool:
    return text[token[0] : token[1]].lower() in _PARTICLES


def _left_chain(sentence: SentenceText, marks: Sequence[Mark], start: int) -> list[Mark]:
    """Ranks, offices and country words standing right before a name, nearest first."""
    text, base = sentence.text, sentence.start
    chain: list[Mark] = []
    position = start
    while True:
        if chain:
            position = base + _left_words_start(text, position - base)
        nearest_first = sorted(
            (m for m in marks if m.end <= position),
            key=lambda m: (m.end, m.end - m.start),
            reverse=True,
        )  # then the longest
        joined = bool(chain) and all(m.kind == "office" for m in chain)  # no rank: one person
        mark = next(
            (
                m for m in nearest_first
                if _CHAIN_FILLER.match(gap := text[m.end - base : position - base])
                or (joined and m.kind == "office" and _OFFICE_JOINT.match(gap))
            ),
            None,
        )  # fmt: skip
        if mark is None:
            return chain
        gap = text[mark.end - base : position - base]
        if "," in gap and not (mark.kind == "office" and all(m.kind == "rank" for m in chain)):
            return chain
        if mark.kind not in ("rank", "office", "country", "organisation"):
            return chain
        chain.append(mark)
        position = mark.start


def _left_words_start(text: str, end: int) -> int:
    """Where the words of _LEFT_WORDS, each followed by white space, that stand right before
    ``end`` begin, within TAIL_REACH characters (``end`` when none do)."""
    start, reach = end, max(0, end - TAIL_REACH)
    while True:
        word_end = start
        while word_end > 0 and text[word_end - 1].isspace():
            word_end -= 1
        word_start = word_end
        while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] == "_"):
            word_start -= 1
        if word_end == start or word_start < reach or text[word_start:word_end] not in _LEFT_WORDS:
            return start
        start = word_start


def _post_title(sentence: SentenceText, marks: Sequence[Mark], end: int) -> list[Mark]:
    """An office right after a name ("Joseph Votel, Commander ...", "Zhang Gaoli Executive
    Vice Premier") that is not the title of the next name."""
    rest = sentence.text[end - sentence.start :]
    lead = _POST_TITLE.match(rest)
    if lead is None:
        return []
    at = end + lead.end()
    office = next((m for m in marks if m.kind == "office" and m.start == at), None)
    if office is None:
        return []
    after = sentence.text[office.end - sentence.start :]
    if "," in lead.group() and not _APPOSITION_END.match(after):
        return []
    if end - sentence.start == len(sentence.text[: end - sentence.start].lstrip()) and " " not in (
        sentence.text[: end - sentence.start].strip()
    ):
        return []  # "Afterwards, Naval Chief laid ...": a sentence-opening word is no name
    follows = _ABBREVIATION_AFTER.match(after)
    next_at = office.end + (follows.end() if follows else 0)
    if any(m.start == next_at and m.kind == "rank" for m in marks):
        return []
    if _NAME_RUN.match(sentence.text, next_at - sentence.start) and not after.startswith(","):
        word = _NAME_RUN.match(sentence.text, next_at - sentence.start)
        if word and word.group().split()[0] not in _NOT_NAMES:
            return []
    return [office]
