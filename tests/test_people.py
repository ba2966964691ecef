"""Capitalised runs that may be names, cut at marks and at words that are never names."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from bilateral.mentions.name_runs import (
    _CAPITALISED_RUN,
    _HYPHENED_PARTICLES,
    _NAME_RUN,
    _NOT_NAMES,
    _left_words_start,
    run_words,
)
from bilateral.text.regex import search_tail

WORDS = ["Ali", "Khan", "bin", "Salman", "General", "Monday", "the", "Al-Sharif", "J.", "Iran",
         "al", "O'Neil", "met", "McDonald", "ul", "Haq", ",", "al-Assad", "Zia-ul-Haq",
         "El-Baradei", "Al-qaeda"]  # fmt: skip
# pieces of names and of the text around them, glued in any order
PIECES = ["Al", "El", "al", "el", "bin", "ibn", "ul", "ud", "-", " ", "\n", "A", "B.", "Mc",
          "Donald", "Haq", "qaeda", "'s", "’", "'", "x", ".", "S"]  # fmt: skip
SPACES = [" ", "  ", "\t", "\u00a0", "\u2009", "\n", "\x1c"]


def _token_runs(text: str, blocked: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The runs' words found with a token pattern, as a plain reference."""
    runs = []
    for match in _NAME_RUN.finditer(text):
        current: list[tuple[int, int]] = []
        for token in re.finditer(r"\S+", match.group()):
            start, end = match.start() + token.start(), match.start() + token.end()
            if token.group() in _NOT_NAMES or any(b0 <= start < b1 for b0, b1 in blocked):
                if current:
                    runs.append(current)
                current = []
            else:
                current.append((start, end))
        if current:
            runs.append(current)
    return runs


@given(
    st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SPACES)), max_size=12),
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=3),
)
def test_run_words_are_the_runs_tokens(
    words: list[tuple[str, str]], marks: list[tuple[int, int]]
) -> None:
    text = "".join(word + space for word, space in words)
    blocked = [(start, start + length) for start, length in marks]
    assert run_words(text, blocked) == _token_runs(text, blocked)


@given(st.lists(st.sampled_from(PIECES), max_size=14).map("".join))
@example("met Al-B. Donald")  # a particle before an initial: "Al-B." and not "Al-B"
def test_capitalised_runs_are_name_runs_without_hyphened_particles(text: str) -> None:
    """The faster pattern run_words uses when no particle is hyphened to a word."""
    if not any(particle in text for particle in _HYPHENED_PARTICLES):
        found = [m.span() for m in _CAPITALISED_RUN.finditer(text)]
        assert found == [m.span() for m in _NAME_RUN.finditer(text)]


LEFT = ["the", "The", "then", "former", "acting", "his", "its", "thex", "_the", "Gen", "x", "é"]


@given(
    st.lists(st.tuples(st.sampled_from(LEFT), st.sampled_from([" ", "  ", "\n", "\u00a0", ""]))),
    st.integers(0, 200),
)
@example([("the", " ")] * 20, 200)  # only the last TAIL_REACH characters are looked at
def test_left_words_are_found_as_a_pattern_of_them_finds_them(
    words: list[tuple[str, str]], cut: int
) -> None:
    text = "".join(word + space for word, space in words)
    end = min(cut, len(text))
    reference = re.compile(
        r"(?:\b(?:the|The|caretaker|Caretaker|visiting|top|former|then|acting|his|her|its)\s+)+$"
    )
    found = search_tail(reference, text, end)
    assert _left_words_start(text, end) == (found.start() if found else end)
