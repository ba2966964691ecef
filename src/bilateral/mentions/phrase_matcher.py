"""Fixed phrases of the lexicons (countries, cities, organisations, ranks) as one matcher,
found by their first words in a sentence's indexed words."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from bilateral.mentions.lexicon import Lexicon
from bilateral.mentions.patterns import cached
from bilateral.text.lexicons import city_countries
from bilateral.text.regex import fold
from bilateral.text.words import Words

_PHRASE_WORD: Final = re.compile(r"[^\W\d_]\w*")  # a phrase's first word
_LETTERS: Final = re.compile(r"[^\W\d_]+")


class PhraseMatcher:
    """Finds any of many fixed phrases (case-sensitive, whole words) in one pass: a
    dictionary from each phrase's first word to the phrases it begins, longest first,
    looked up only where a sentence's indexed words hold one of those first words."""

    def __init__(self, phrases: Iterable[str], possessive: bool = False) -> None:
        self.possessive = possessive
        self.by_first: dict[str, list[str]] = {}
        for phrase in sorted(set(phrases), key=len, reverse=True):
            first = _PHRASE_WORD.match(phrase)
            if first:
                self.by_first.setdefault(_head(first.group()), []).append(phrase)
        # a first word is found in the index by its letters, folded ("U" of "U.S.", "g" of "G20")
        self.by_letters: dict[str, list[str]] = {}
        for head in self.by_first:
            letters = _LETTERS.match(head)
            assert letters is not None  # a first word begins with a letter
            self.by_letters.setdefault(fold(letters.group()), []).append(head)
        self.letters = frozenset(self.by_letters)

    def finditer(self, words: Words) -> list[tuple[int, int, str]]:
        """(start, end, phrase) of the phrases in a sentence, leftmost-longest, not
        overlapping."""
        text, starts = words.text, words.starts
        found: list[tuple[int, int, str]] = []
        position = 0
        at_words = sorted(
            (at, key) for key in self.letters.intersection(starts) for at in starts[key]
        )
        for start, letters in at_words:
            if start < position or (start and text[start - 1] == "-"):
                continue
            head = next(
                (h for h in self.by_letters[letters]
                 if text.startswith(h, start) and _ends_word(text, start + len(h))),
                None,
            )  # fmt: skip
            for phrase in self.by_first[head] if head else ():
                end = start + len(phrase)
                if not text.startswith(phrase, start):
                    continue
                if self.possessive and text[end : end + 2] in ("’s", "'s"):
                    end += 2
                if not _ends_word(text, end):
                    continue
                found.append((start, end, phrase))
                position = end
                break
        return found


def _ends_word(text: str, end: int) -> bool:
    """Whether no word character follows offset ``end``."""
    return end >= len(text) or not (text[end].isalnum() or text[end] == "_")


def _head(word: str) -> str:
    """The letters and digits a phrase's first word starts with ("U" of "U.S.")."""
    return re.split(r"[^\w]", word, maxsplit=1)[0]


def fixed_matcher(lexicon: Lexicon) -> PhraseMatcher:
    """Countries, cities, organisations and ranks in one matcher: a phrase's kind is found
    with :func:`fixed_kinds`."""
    return cached(
        lexicon,
        "fixed_matcher",
        lambda: PhraseMatcher(fixed_kinds(lexicon), possessive=True),
    )


def fixed_kinds(lexicon: Lexicon) -> dict[str, list[str]]:
    """Each fixed phrase -> the kinds of mark it can be (country, city, organisation, rank)."""

    def build() -> dict[str, list[str]]:
        kinds: dict[str, list[str]] = {}
        groups = (
            ("country", (w for c in lexicon.countries for w in (*c.names, *c.adjectives))),
            ("city", city_countries()),
            ("organisation", (f for o in lexicon.organisations for f in o.forms)),
            ("rank", (f for r in lexicon.ranks for f in r.forms)),
        )
        for kind, phrases in groups:
            for phrase in phrases:
                if kind not in kinds.setdefault(phrase, []):
                    kinds[phrase].append(kind)
        return kinds

    return cached(lexicon, "fixed_kinds", build)
