"""A vocabulary tried only where its first words stand finds what a scan of every position
finds, with or without bounds."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from bilateral.facts.vocabulary import Vocabulary, pattern, topic_pattern

WORDS = [
    "said", "Said", "was", "quoted", "as", "saying", "met", "held", "talks", "with", "called",
    "on", "arrived", "in", "visit", "visited", "telephone", "teleconference", "terrorism",
    "border", "agreed", "to", "the", "two", "sides", "İstanbul", "x5y", "-", ",", "Tehran",
    "metal", "visitors", "saidx",
]  # fmt: skip
VOCABULARIES = [("statements", "speech"), ("statements", "reported"), ("meetings", "verbs"),
                ("meetings", "phrases"), ("meetings", "remote"), ("visits", "arrival"),
                ("agreements", "verbs")]  # fmt: skip


def _spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


@given(
    st.lists(st.sampled_from(WORDS), max_size=25),
    st.sampled_from(VOCABULARIES),
    st.integers(min_value=0, max_value=60),
    st.integers(min_value=0, max_value=220),
)
def test_vocabulary_finds_what_a_full_scan_finds(
    words: list[str], vocabulary: tuple[str, str], pos: int, endpos: int
) -> None:
    text = " ".join(words)
    found = pattern(*vocabulary)
    assert isinstance(found, Vocabulary)
    plain: re.Pattern[str] = found.regex
    assert _spans(found.finditer(text)) == _spans(plain.finditer(text))
    assert _spans(found.finditer(text, pos, endpos)) == _spans(plain.finditer(text, pos, endpos))
    for bounds in ((pos,), (pos, endpos)):
        first = found.search(text, *bounds)
        expected = plain.search(text, *bounds)
        assert (first and first.span()) == (expected and expected.span())


@given(st.lists(st.sampled_from(WORDS), max_size=25))
def test_topics_found_as_by_a_full_scan(words: list[str]) -> None:
    text = " ".join(words)
    topics, _ = topic_pattern()
    assert isinstance(topics, Vocabulary)
    assert _spans(topics.finditer(text)) == _spans(topics.regex.finditer(text))


def test_a_bound_that_cuts_a_word_sees_the_cut_word() -> None:
    verbs = pattern("meetings", "verbs")
    assert isinstance(verbs, Vocabulary)
    text = "The minister metal workers."
    cut = text.index("metal") + 3
    expected = verbs.regex.search(text, 0, cut)
    assert expected is not None
    found = verbs.search(text, 0, cut)
    assert found is not None and found.span() == expected.span()
