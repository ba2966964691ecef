"""The fact finders' vocabulary (``data/facts.toml``, ``data/topics.toml``), compiled once."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import cache, lru_cache

from bilateral.text.regex import Leads, first_word_filter, first_words, trie_alternation
from bilateral.text.resources import packaged_toml

TRIGGER_CACHE = 4096  # texts of one article whose vocabulary words are remembered


def words(section: str, key: str) -> list[str]:
    """The phrases of ``facts.toml`` [section] key."""
    value = packaged_toml("facts")[section][key]
    assert isinstance(value, list)
    return [str(v) for v in value]


class Vocabulary:
    """A compiled alternation of phrases that begin with known words, tried only where one
    of those words stands: the words of every vocabulary are found in one scan of a text
    (shared by all vocabularies), so a text is not scanned once per vocabulary."""

    def __init__(self, regex: re.Pattern[str], leads: Leads) -> None:
        self.regex = regex
        self.words = leads.words
        self.prefixes = tuple(leads.prefixes)

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        end = len(text) if endpos is None else min(endpos, len(text))
        starts = _starts(self, text)
        if starts is None or _inside_word(text, end):
            yield from self.regex.finditer(text, pos, end)
            return
        reached = pos
        for at in starts[bisect.bisect_left(starts, pos) :]:
            if at >= end:
                return
            if at < reached:
                continue
            found = self.regex.match(text, at, end)
            if found:
                yield found
                reached = found.end()

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        end = len(text) if endpos is None else min(endpos, len(text))
        starts = _starts(self, text)
        if starts is None or _inside_word(text, end):
            return self.regex.search(text, pos, end)
        for at in starts[bisect.bisect_left(starts, pos) :]:
            if at >= end:
                return None
            found = self.regex.match(text, at, end)
            if found:
                return found
        return None

    def match(self, text: str) -> re.Match[str] | None:
        return self.regex.match(text)


@lru_cache(maxsize=TRIGGER_CACHE)
def _starts(vocabulary: Vocabulary, text: str) -> list[int] | None:
    """Where the vocabulary's first words stand in ``text``, in order (None: cannot tell)."""
    index = _trigger_words(text)
    if index is None:
        return None
    present = index.keys() & vocabulary.words
    if vocabulary.prefixes:
        present.update(word for word in index if word.startswith(vocabulary.prefixes))
    return sorted(at for word in present for at in index[word])


def _inside_word(text: str, end: int) -> bool:
    """Whether ``end`` cuts a word, whose cut part a search ending there would see alone."""
    return (
        0 < end < len(text)
        and text[end - 1].isalnum()
        and (text[end].isalnum() or text[end] == "_")
    )


def forget_texts() -> None:
    """Drop the words remembered for the texts read so far: they serve the finders of one
    article, which read each sentence several times, and are forgotten before the next."""
    _trigger_words.cache_clear()
    _starts.cache_clear()


@cache
def _trigger_scan() -> re.Pattern[str] | None:
    """The words that begin a phrase of some vocabulary (``facts.toml``, the topics), as one
    pattern over lower-case text that matches each such word whole."""
    whole_words: set[str] = set()
    prefixes: set[str] = set()
    lists = [
        words(section, key) for section, table in packaged_toml("facts").items() for key in table
    ]
    lists += [record["keywords"] for record in packaged_toml("topics").values()]
    for phrases_ in lists:
        found = first_words(phrases_)
        if found:
            whole_words |= found.words
            prefixes |= found.prefixes
    starts = [rf"{trie_alternation(whole_words)}(?![^\W\d_])"] if whole_words else []
    starts += [trie_alternation(prefixes)] if prefixes else []
    if not starts:
        return None
    return re.compile(rf"(?<![\w-])(?={'|'.join(starts)})[^\W\d_]+")


@lru_cache(maxsize=TRIGGER_CACHE)
def _trigger_words(text: str) -> dict[str, list[int]] | None:
    """Each vocabulary first word in ``text`` -> where it stands (None: cannot tell)."""
    scan = _trigger_scan()
    lowered = text.lower()
    if scan is None or len(lowered) != len(text):
        return None
    found: dict[str, list[int]] = {}
    for word in scan.finditer(lowered):
        found.setdefault(word.group(), []).append(word.start())
    return found


@cache
def pattern(section: str, key: str) -> Vocabulary | re.Pattern[str]:
    """One alternation of the phrases in ``facts.toml`` [section] key, longest first."""
    phrases_ = sorted(words(section, key), key=len, reverse=True)
    body = "|".join(f"(?:{w})" for w in phrases_)
    lead = first_word_filter(phrases_)
    regex = re.compile(rf"(?<![\w-]){lead}(?:{body})(?![\w-])", re.IGNORECASE)
    leads = first_words(phrases_)
    return regex if leads is None or leads.symbols else Vocabulary(regex, leads)


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
def topic_pattern() -> tuple[Vocabulary | re.Pattern[str], dict[str, str]]:
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
    lead = first_word_filter(keywords_all)
    regex = re.compile(rf"(?<![\w-]){lead}(?:{'|'.join(alternatives)})(?![\w-])", re.IGNORECASE)
    leads = first_words(keywords_all)
    return (regex if leads is None or leads.symbols else Vocabulary(regex, leads)), groups


def topics_of(*texts: str) -> tuple[str, ...]:
    """The taxonomy topics whose keywords occur in the texts, in taxonomy order."""
    regex, groups = topic_pattern()
    found = {groups[m.lastgroup] for t in texts for m in regex.finditer(t) if m.lastgroup}
    return tuple(name for name in groups.values() if name in found)
