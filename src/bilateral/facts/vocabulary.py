"""The topics of the taxonomy (``data/topics.toml``), compiled once."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from bilateral.text.resources import packaged_toml
from bilateral.text.words import SentenceText, WordPattern, word_pattern


@cache
def topic_names() -> tuple[str, ...]:
    """The topics of the taxonomy, in its order."""
    return tuple(packaged_toml("topics"))


@cache
def topic_pattern() -> tuple[WordPattern, dict[str, str]]:
    """All topics' keywords as one pattern, a named group per topic (group -> topic)."""
    topics = packaged_toml("topics")
    groups = {}
    alternatives = []
    keywords_all: list[str] = []
    for number, (name, record) in enumerate(topics.items()):
        keywords_all.extend(record["keywords"])
        keywords = "|".join(f"(?:{k})" for k in record["keywords"])
        groups[f"t{number}"] = name
        alternatives.append(f"(?P<t{number}>{keywords})")
    body = "|".join(alternatives)
    found = word_pattern(
        keywords_all, lambda lead: rf"(?<![\w-]){lead}(?:{body})(?![\w-])", re.IGNORECASE
    )
    return found, groups


def topics_of(*texts: str) -> tuple[str, ...]:
    """The taxonomy topics whose keywords occur in the texts, in taxonomy order."""
    found, groups = topic_pattern()
    return _in_order({m.lastgroup for t in texts for m in found.regex.finditer(t)}, groups)


def topics_in(sentences: Iterable[SentenceText]) -> tuple[str, ...]:
    """:func:`topics_of` the sentences' texts, looked up in their words."""
    found, groups = topic_pattern()
    return _in_order({m.lastgroup for s in sentences for m in found.finditer(s)}, groups)


def topics_within(sentence: SentenceText, start: int, end: int) -> tuple[str, ...] | None:
    """:func:`topics_of` ``sentence.text[start:end]``, from the matches in the sentence's
    words; None when the stretch's edges may change a match (a word or a match goes on
    across one), and its text must be searched on its own."""
    text = sentence.text
    if (start > 0 and _joins(text[start - 1])) or (end < len(text) and _joins(text[end])):
        return None
    if _keywords_look_around():  # they would see past the edges
        return None
    found, groups = topic_pattern()
    inside: set[str | None] = set()
    for match in found.finditer(sentence):
        if match.start() < start < match.end() or match.start() < end < match.end():
            return None
        if start <= match.start() and match.end() <= end:
            inside.add(match.lastgroup)
    return _in_order(inside, groups)


@cache
def _keywords_look_around() -> bool:
    keywords = (k for topic in packaged_toml("topics").values() for k in topic["keywords"])
    return any(re.search(r"\(\?<?[=!]", keyword) for keyword in keywords)


def _joins(char: str) -> bool:
    """Whether a keyword's edge may not fall next to ``char`` (a word character, "-")."""
    return char.isalnum() or char in "_-"


def _in_order(found: set[str | None], groups: dict[str, str]) -> tuple[str, ...]:
    names = {groups[group] for group in found if group}
    return tuple(name for name in groups.values() if name in names)
