"""Patterns searched in a text's indexed words find what a scan of the text finds."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import bilateral
from bilateral.mentions import stage
from bilateral.mentions.dates import _date_pattern, _duration_pattern
from bilateral.mentions.phrases import packaged_phrases
from bilateral.text import regex
from bilateral.text.regex import fold
from bilateral.text.words import SentenceText, WordPattern, Words, index_words, word_pattern

PHRASES = packaged_phrases()

TRICKY = [
    "said", "SAİD", "ſaid", "Said²", "_said", "x-said", "said-x", "3rd", "2018", "12th", "on",
    "Monday", "a", "day", "earlier", "three-day", "visit", "met", "with", "talks", "ﬁve", "K",
    "the", "two", "sides", "agreed", "(", ")", ",", "–", "’s", " ", "\n", "é", "İ", "ı",
    "teleconferencing", "TELECONFERENCE", "teleconferenc", "video", "phone", "called",
    "x2", "²", "٣",
]  # fmt: skip
PATTERNS = [
    PHRASES.pattern("statements", "speech"), PHRASES.pattern("meetings", "verbs"),
    PHRASES.pattern("meetings", "pairs"), PHRASES.pattern("visits", "arrival"),
    PHRASES.pattern("meetings", "remote"), _date_pattern(),
    _duration_pattern(),
]  # fmt: skip
TEXTS = st.one_of(
    st.lists(st.sampled_from(TRICKY), max_size=30).map("".join),
    st.lists(st.sampled_from(TRICKY), max_size=30).map(" ".join),
    st.text(max_size=80),
)


def _indexed(text: str) -> SentenceText:
    return SentenceText(0, 0, text, index_words(text))


@given(TEXTS, st.sampled_from(PATTERNS))
def test_words_find_what_a_scan_finds(text: str, searched: WordPattern) -> None:
    assert searched.leads is not None  # these are all searched by their words
    found = [m.span() for m in searched.finditer(_indexed(text))]
    assert found == [m.span() for m in searched.regex.finditer(text)]
    assert found == [m.span() for m in searched.finditer(SentenceText(0, 0, text))]


@given(TEXTS, st.sampled_from(PATTERNS))
def test_patterns_made_after_a_text_was_indexed_find_what_a_scan_finds(
    text: str, searched: WordPattern
) -> None:
    """Their first words were not looked up when the text was indexed."""
    words = index_words(text)
    assert searched.number < words.patterns_known  # looked up, as every pattern made before
    earlier = SentenceText(0, 0, text, Words(text, words.folded, words.starts, words.digits))
    found = [m.span() for m in searched.finditer(earlier)]
    assert found == [m.span() for m in searched.regex.finditer(text)]


@given(TEXTS, st.sampled_from(PATTERNS), st.integers(0, 90), st.integers(0, 90))
def test_a_stretch_is_searched_as_a_scan_searches_it(
    text: str, searched: WordPattern, pos: int, endpos: int
) -> None:
    found = searched.search(_indexed(text), pos, endpos)
    expected = searched.regex.search(text, pos, endpos)
    assert (found and found.span()) == (expected and expected.span())


@given(TEXTS)
def test_the_index_holds_each_run_of_word_characters(text: str) -> None:
    """By its letters where it begins with some, in the digits' list where with a digit."""
    starts: dict[str, list[int]] = {}
    digits = []
    for run in re.finditer(r"\w+", fold(text)):
        if run.group()[0].isdecimal():
            digits.append(run.start())
        elif letters := re.match(r"[^\W\d_]+", run.group()):
            starts.setdefault(letters.group(), []).append(run.start())
    words = index_words(text)
    assert (words.starts, words.digits) == (starts, digits)


@given(st.text(max_size=40))
def test_folding_keeps_every_character_in_place(text: str) -> None:
    assert len(fold(text)) == len(text)


@given(st.text(max_size=40), st.text(max_size=40))
@example("AΣ", " ")  # lower() makes it "ς" at the end of a word, "σ" inside one
@example("A", "Σ")
def test_a_slice_of_a_folded_text_is_the_fold_of_the_slice(head: str, tail: str) -> None:
    """The reader folds an article once; lines, paragraphs and sentences are its slices."""
    assert fold(head + tail) == fold(head) + fold(tail)


@given(st.text(max_size=40))
@example("AΣΣ")
def test_a_long_text_is_folded_a_piece_at_a_time_as_a_whole(text: str) -> None:
    """Across the cut between two pieces (the compiled code reads its own piece size)."""
    padding = "é" * (regex._PIECE - len(text) // 2)
    assert fold(padding + text) == padding + "".join(fold(char) for char in text)


def test_folding_keeps_the_class_of_every_character() -> None:
    """Words are indexed in the folded text: their starts must be the text's."""
    classes = [re.compile(r"\w"), re.compile(r"[^\W\d_]"), re.compile(r"\d")]
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code < 0xE000:
            continue  # surrogates
        char = chr(code)
        folded = fold(char)
        if folded != char:
            assert len(folded) == 1
            assert all(bool(c.match(char)) == bool(c.match(folded)) for c in classes), hex(code)


@given(st.characters(), st.sampled_from("abcdefghijklmnopqrstuvwxyz"))
def test_folding_agrees_with_case_insensitive_matching(char: str, letter: str) -> None:
    if re.fullmatch(letter, char, re.IGNORECASE):
        assert fold(char) == letter


def test_a_pattern_that_may_begin_inside_a_word_is_scanned() -> None:
    inside = word_pattern(["said"], lambda lead: rf"{lead}said", re.IGNORECASE)
    assert inside.leads is None
    assert [m.span() for m in inside.finditer(_indexed("unsaid, said"))] == [(2, 6), (8, 12)]
    symbols = word_pattern(["said", "“"], lambda lead: rf"(?<![\w-]){lead}(?:said|“)")
    assert symbols.leads is None  # a quotation mark begins no word


def test_words_are_indexed_folded_by_where_they_start() -> None:
    words = index_words("He met İran's 3 envoys in 2018, 3rd time.")
    assert words.starts["iran"] == [7]
    assert words.starts["met"] == [3]
    assert "rd" not in words.starts  # inside "3rd": no match can begin there
    assert words.digits == [14, 26, 32]


@given(TEXTS)
def test_words_are_where_a_word_or_a_number_begins(text: str) -> None:
    starts: dict[str, list[int]] = {}
    digits = []
    for match in re.finditer(r"(?<!\w)(?:([^\W\d_]+)|\d)", fold(text)):
        if match[1] is None:
            digits.append(match.start())
        else:
            starts.setdefault(match[1], []).append(match.start())
    words = index_words(text)
    assert (words.starts, words.digits) == (starts, digits)


def test_sentences_without_their_words_indexed_give_the_same_results(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    indexed = [bilateral.extract_document(d) for d in bilateral.examples()]
    monkeypatch.setattr(stage, "index_words", lambda text: None)  # patterns scan the text
    assert [bilateral.extract_document(d) for d in bilateral.examples()] == indexed
