"""The phrases the rules look for (``data/facts.toml``): one table, compiled once per table.

A :class:`Phrases` is part of the vocabulary (:class:`~bilateral.mentions.lexicon.Lexicon`),
so that a user can extract with other verbs, channels or attribution tails
(``lexicon.with_phrases({...})``) without touching the packaged files.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any, TypeVar

import attr

from bilateral.errors import InvalidDataError
from bilateral.text.regex import Guarded, guarded
from bilateral.text.resources import packaged_toml
from bilateral.text.words import WordPattern, word_pattern

T = TypeVar("T")


@attr.s(auto_attribs=True, slots=True, frozen=True)
class Phrases:
    """Phrases by section and key ("statements", "speech"), with what is compiled of them."""

    table: Mapping[str, Mapping[str, tuple[str, ...]]] = attr.ib(hash=False)  # compared, not hashed
    _cache: dict[tuple[str, str, str], Any] = attr.ib(factory=dict, eq=False, repr=False)

    @classmethod
    def from_data(cls, data: Mapping[str, Any], source: str) -> Phrases:
        """Phrases from the tables of a ``facts.toml``; a value not a list of strings is an
        :class:`~bilateral.errors.InvalidDataError` naming it."""
        table: dict[str, dict[str, tuple[str, ...]]] = {}
        for section, keys in data.items():
            if not isinstance(keys, dict):
                raise InvalidDataError(source, section, "must be a table")
            for key, value in keys.items():
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    raise InvalidDataError(source, f"{section}.{key}", "must be a list of strings")
                table.setdefault(section, {})[key] = tuple(value)
        return cls(table)

    def replaced(self, changes: Mapping[str, Mapping[str, list[str] | tuple[str, ...]]]) -> Phrases:
        """These phrases with some keys' lists replaced: ``{"statements": {"speech": [...]}}``."""
        table = {section: dict(keys) for section, keys in self.table.items()}
        for section, keys in changes.items():
            for key, value in keys.items():
                table.setdefault(section, {})[key] = tuple(value)
        return Phrases(table)

    def words(self, section: str, key: str) -> tuple[str, ...]:
        """The phrases of [section] key."""
        return self.table[section][key]

    def _built(self, kind: str, section: str, key: str, build: Callable[[], T]) -> T:
        """What ``build`` makes of [section] key, made once and shared (threads included)."""
        name = (kind, section, key)
        found = self._cache.get(name)
        if found is None:
            found = self._cache.setdefault(name, build())
        return found  # type: ignore[no-any-return]

    def pattern(self, section: str, key: str) -> WordPattern:
        """One alternation of the phrases, longest first, behind a look-ahead of their first
        words: searched in a sentence's words, it is tried only where those words start; its
        ``regex`` searches any text."""
        return self._built("pattern", section, key, lambda: _alternation(self.words(section, key)))

    def any_word(self, section: str, key: str) -> re.Pattern[str]:
        """Any of the phrases, in their order, as whole words."""
        return self._built(
            "any_word", section, key,
            lambda: re.compile(rf"\b(?:{'|'.join(self.words(section, key))})\b"),
        )  # fmt: skip

    def whole(self, section: str, key: str) -> re.Pattern[str]:
        """The phrases matching a whole text, in any case."""
        return self._built("whole", section, key, lambda: _whole(self.words(section, key)))

    def each(self, section: str, key: str) -> tuple[re.Pattern[str], ...]:
        """Each phrase compiled on its own (for named groups)."""
        return self._built(
            "each", section, key, lambda: tuple(re.compile(w) for w in self.words(section, key))
        )

    def guarded(self, section: str, key: str) -> tuple[Guarded, ...]:
        """Each phrase on its own, searched only in texts that hold a string its matches hold."""
        return self._built(
            "guarded", section, key, lambda: tuple(guarded([w]) for w in self.words(section, key))
        )

    def before_end(self, section: str, key: str) -> re.Pattern[str]:
        """Any of the phrases ending a text, maybe with up to three words after it."""
        return self._built(
            "before_end", section, key,
            lambda: re.compile(
                rf"\b(?:{'|'.join(self.words(section, key))})\s+(?:[a-z]+\s+){{0,3}}$",
                re.IGNORECASE,
            ),
        )  # fmt: skip

    def opening(self, section: str, key: str) -> re.Pattern[str]:
        """Any of the phrases, in any case, as the first words of a text."""
        return self._built(
            "opening", section, key,
            lambda: re.compile(rf"(?:{'|'.join(self.words(section, key))})\b", re.IGNORECASE),
        )  # fmt: skip

    def ending_with(self, section: str, key: str, tail: str) -> re.Pattern[str]:
        """Any of the phrases as a whole word in any case, then ``tail`` (a pattern, its
        case kept), ending a text."""
        return self._built(
            f"ending_with {tail}", section, key,
            lambda: re.compile(rf"(?<![\w-])(?i:{'|'.join(self.words(section, key))}){tail}$"),
        )  # fmt: skip


def _alternation(phrases: tuple[str, ...]) -> WordPattern:
    ordered = sorted(phrases, key=len, reverse=True)
    body = "|".join(f"(?:{w})" for w in ordered)
    return word_pattern(
        ordered, lambda lead: rf"(?<![\w-]){lead}(?:{body})(?![\w-])", re.IGNORECASE
    )


def _whole(phrases: tuple[str, ...]) -> re.Pattern[str]:
    body = "|".join(f"(?:{w})" for w in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"^(?:{body})$", re.IGNORECASE)


@cache
def packaged_phrases() -> Phrases:
    """The phrases of the packaged ``data/facts.toml``."""
    return Phrases.from_data(packaged_toml("facts"), "bilateral/data/facts.toml")
