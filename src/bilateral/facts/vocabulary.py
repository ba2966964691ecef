"""The fact finders' vocabulary (``data/facts.toml``, ``data/topics.toml``), compiled once."""

from __future__ import annotations

import re
from functools import cache

from bilateral.text.resources import packaged_toml


def words(section: str, key: str) -> list[str]:
    """The phrases of ``facts.toml`` [section] key."""
    value = packaged_toml("facts")[section][key]
    assert isinstance(value, list)
    return [str(v) for v in value]


@cache
def pattern(section: str, key: str, *, anchored: str = "") -> re.Pattern[str]:
    """One alternation of the phrases in ``facts.toml`` [section] key, longest first.

    ``anchored`` is "end" to match only at the end of the text, "start" at its start,
    "both" for the whole text.
    """
    phrases_ = sorted(words(section, key), key=len, reverse=True)
    body = "|".join(f"(?:{w})" for w in phrases_)
    if anchored == "end":
        return re.compile(rf"(?<![\w-])(?:{body})$", re.IGNORECASE)
    if anchored == "start":
        return re.compile(rf"^(?:{body})(?![\w-])", re.IGNORECASE)
    if anchored == "both":
        return re.compile(rf"^(?:{body})$", re.IGNORECASE)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


@cache
def phrases(section: str, key: str) -> tuple[re.Pattern[str], ...]:
    """Each phrase of ``facts.toml`` [section] key compiled on its own (for named groups)."""
    return tuple(re.compile(w) for w in words(section, key))


@cache
def topic_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    topics = packaged_toml("topics")
    compiled = []
    for name, record in topics.items():
        keywords = "|".join(f"(?:{k})" for k in record["keywords"])
        compiled.append((name, re.compile(rf"(?<![\w-])(?:{keywords})(?![\w-])", re.IGNORECASE)))
    return tuple(compiled)


def topics_of(*texts: str) -> tuple[str, ...]:
    """The taxonomy topics whose keywords occur in the texts, in taxonomy order."""
    joined = " ".join(texts)
    return tuple(name for name, regex in topic_patterns() if regex.search(joined))
