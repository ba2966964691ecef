"""The phrases of ``data/facts.toml``, compiled once: what mention and fact rules look for."""

from __future__ import annotations

import re
from functools import cache

from bilateral.text.regex import Guarded, guarded
from bilateral.text.resources import packaged_toml
from bilateral.text.words import WordPattern, word_pattern


def words(section: str, key: str) -> list[str]:
    """The phrases of ``facts.toml`` [section] key."""
    value = packaged_toml("facts")[section][key]
    assert isinstance(value, list)
    return [str(v) for v in value]


@cache
def pattern(section: str, key: str) -> WordPattern:
    """One alternation of the phrases in ``facts.toml`` [section] key, longest first, behind
    a look-ahead of their first words: searched in a sentence's words, it is tried only
    where those words start; its ``regex`` searches any text."""
    phrases_ = sorted(words(section, key), key=len, reverse=True)
    body = "|".join(f"(?:{w})" for w in phrases_)
    return word_pattern(
        phrases_, lambda lead: rf"(?<![\w-]){lead}(?:{body})(?![\w-])", re.IGNORECASE
    )


@cache
def any_word(section: str, key: str) -> re.Pattern[str]:
    """Any of the phrases of ``facts.toml`` [section] key, in their order, as whole words."""
    return re.compile(rf"\b(?:{'|'.join(words(section, key))})\b")


@cache
def whole(section: str, key: str) -> re.Pattern[str]:
    """The phrases of ``facts.toml`` [section] key matching a whole text."""
    body = "|".join(f"(?:{w})" for w in sorted(words(section, key), key=len, reverse=True))
    return re.compile(rf"^(?:{body})$", re.IGNORECASE)


@cache
def phrases(section: str, key: str) -> tuple[re.Pattern[str], ...]:
    """Each phrase of ``facts.toml`` [section] key compiled on its own (for named groups)."""
    return tuple(re.compile(w) for w in words(section, key))


@cache
def guarded_phrases(section: str, key: str) -> tuple[Guarded, ...]:
    """Each phrase of ``facts.toml`` [section] key on its own, searched only in texts that
    hold a string its matches hold."""
    return tuple(guarded([w]) for w in words(section, key))
