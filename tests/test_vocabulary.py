"""Each vocabulary, behind the look-ahead of its first words and searched in a text or in its
indexed words, finds what its bare alternation finds."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import bilateral
from bilateral.facts.vocabulary import topic_pattern, topics_in, topics_of, topics_within
from bilateral.mentions.lexicon import default_lexicon
from bilateral.mentions.phrases import packaged_phrases
from bilateral.text.regex import first_words, lead_filter
from bilateral.text.resources import packaged_toml
from bilateral.text.words import SentenceText, index_words

PHRASES = packaged_phrases()

WORDS = [
    "said", "Said", "was", "quoted", "as", "saying", "met", "held", "talks", "with", "called",
    "on", "arrived", "in", "visit", "visited", "telephone", "teleconference", "terrorism",
    "border", "agreed", "to", "the", "two", "sides", "İstanbul", "x5y", "-", ",", "Tehran",
    "metal", "visitors", "saidx", "3", "President", "trade", "Trade-", "militants", "Taliban",
    "defence", "cooperation", "oil", "Kashmiri", "energy-", "intelligence", "sharing",
]  # fmt: skip
VOCABULARIES = [("statements", "speech"), ("statements", "reported"), ("meetings", "verbs"),
                ("meetings", "phrases"), ("meetings", "remote"), ("visits", "arrival"),
                ("visits", "visit"), ("agreements", "verbs")]  # fmt: skip


def _bare(phrases: list[str]) -> re.Pattern[str]:
    body = "|".join(f"(?:{p})" for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


@given(st.lists(st.sampled_from(WORDS), max_size=25), st.sampled_from(VOCABULARIES))
def test_vocabulary_finds_what_its_bare_alternation_finds(
    text_words: list[str], vocabulary: tuple[str, str]
) -> None:
    text = " ".join(text_words)
    expected = [m.span() for m in _bare(PHRASES.words(*vocabulary)).finditer(text)]
    assert [m.span() for m in PHRASES.pattern(*vocabulary).regex.finditer(text)] == expected
    assert [
        m.span()
        for m in packaged_phrases()
        .pattern(*vocabulary)
        .finditer(SentenceText(0, 0, text, index_words(text)))
    ] == expected


@given(st.lists(st.sampled_from(WORDS), max_size=25))
def test_topics_behind_the_look_ahead_are_all_found(text_words: list[str]) -> None:
    text = " ".join(text_words)
    regex = topic_pattern()[0].regex
    keywords = [k for topic in packaged_toml("topics").values() for k in topic["keywords"]]
    look_ahead = lead_filter(first_words(keywords))
    assert look_ahead and look_ahead in regex.pattern
    bare = re.compile(regex.pattern.replace(look_ahead, "", 1), re.IGNORECASE)
    assert [m.span() for m in regex.finditer(text)] == [m.span() for m in bare.finditer(text)]


@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=25).map(" ".join), max_size=3))
def test_topics_looked_up_in_sentences_words_are_those_of_their_texts(texts: list[str]) -> None:
    sentences = [SentenceText(0, 0, text, index_words(text)) for text in texts]
    assert topics_in(sentences) == topics_of(*texts)


@example("They agreed on intelligence sharing today", 0, 27)  # a match goes on past the end
@given(
    st.lists(st.sampled_from(WORDS), max_size=25).map(" ".join),
    st.integers(0, 200),
    st.integers(0, 200),
)
def test_topics_of_a_stretch_are_those_of_its_text(text: str, start: int, end: int) -> None:
    start, end = sorted((min(start, len(text)), min(end, len(text))))
    found = topics_within(SentenceText(0, 0, text, index_words(text)), start, end)
    assert found is None or found == topics_of(text[start:end])
    clean_edges = (start == 0 or text[start - 1] == " ") and (end == len(text) or text[end] == " ")
    spanned = any(
        m.start() < start < m.end() or m.start() < end < m.end()
        for m in topic_pattern()[0].regex.finditer(text)
    )
    assert found is not None or not clean_edges or spanned  # looked up whenever it can be


SWAPPED_PHRASES = [
    # (a sentence, the phrases replaced, what the default finds, what the swapped one finds)
    ("ISLAMABAD: Foreign Minister Ishaq Dar quipped that the talks in Tehran had gone well.",
     {"statements": {"speech": ["quipped"]}}, 0, 1),
    ("ISLAMABAD: Foreign Minister Ishaq Dar said that the talks in Tehran had gone well.",
     {"statements": {"speech": ["quipped"], "reported": ["noted"]}}, 1, 0),
]  # fmt: skip


@pytest.mark.parametrize(("text", "changes", "default", "swapped"), SWAPPED_PHRASES)
def test_the_rules_read_the_phrases_of_the_lexicon_they_are_given(
    text: str, changes: dict[str, dict[str, list[str]]], default: int, swapped: int
) -> None:
    lexicon = default_lexicon().with_phrases(changes)
    assert len(bilateral.extract(text, "a").statements) == default
    assert len(bilateral.extract(text, "a", lexicon).statements) == swapped
    assert default_lexicon().phrases.words("statements", "speech") != ("quipped",)


def test_the_data_files_are_read_by_the_standard_library_where_tomli_is_missing() -> None:
    code = (
        "import sys; sys.modules['tomli'] = None; import bilateral; "
        "result = bilateral.extract_document(bilateral.examples()[0]); "
        "print('tomllib' in sys.modules, len(result.visits) > 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True"]
