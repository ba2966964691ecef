"""A person of one article, and each mention of them."""

from __future__ import annotations

import bisect
from typing import Final, Literal, final

import attr

from bilateral.mentions.lexicon import Holder
from bilateral.mentions.names import name_tokens

MentionKind = Literal["named", "office"]  # by name, or by office alone


@final
class PersonMention:
    """A reference to a person in the body: named, or by office alone. A record with a
    compiled ``__init__``, like :class:`~bilateral.mentions.marks.Mark`."""

    __slots__ = (
        "country", "end", "kind", "name", "name_start", "offices", "person", "rank", "sentence",
        "start", "titles",
    )  # fmt: skip

    def __init__(
        self, start: int, end: int, sentence: int, kind: MentionKind,
        name: str | None = None, name_start: int | None = None, rank: str | None = None,
        titles: tuple[str, ...] = (), offices: tuple[str, ...] = (),
        country: str | None = None, person: str | None = None,
    ) -> None:  # fmt: skip
        self.start: Final = start
        self.end: Final = end
        self.sentence: Final = sentence
        self.kind: Final = kind
        self.name: Final = name
        self.name_start: Final = name_start
        self.rank: Final = rank
        self.titles: Final = titles
        self.offices: Final = offices
        self.country: Final = country
        self.person: Final = person


@attr.s(auto_attribs=True, slots=True, eq=False)
class Person:
    """One person of the article, gathered from all their mentions."""

    id: str
    names: list[str]
    holder: Holder | None = None
    country: str | None = None
    rank: str | None = None
    titles: list[str] = attr.ib(factory=list)
    offices: list[str] = attr.ib(factory=list)
    mentions: list[PersonMention] = attr.ib(factory=list)
    is_official: bool = False
    _tokens: set[str] = attr.ib(factory=set, repr=False)
    _starts: list[int] = attr.ib(factory=list, repr=False)
    _tokens_key: tuple[int, str | None] = attr.ib(default=(-1, None), repr=False)

    @property
    def name(self) -> str:
        if self.holder:
            return self.holder.name
        return max(self.names, key=lambda n: (len(name_tokens(n)), len(n)))

    def add(self, mention: PersonMention) -> None:
        self.mentions.append(mention)
        bisect.insort(self._starts, mention.start)

    def last_before(self, at: int) -> int:
        """Start of this person's last mention before offset ``at`` (-1 when none)."""
        index = bisect.bisect_left(self._starts, at)
        return self._starts[index - 1] if index else -1

    @property
    def tokens(self) -> set[str]:
        key = (len(self.names), self.holder.id if self.holder else None)
        if self._tokens_key != key:
            found = {t for n in self.names for t in name_tokens(n)}
            if self.holder:
                found |= {t for n in self.holder.names for t in name_tokens(n)}
            self._tokens, self._tokens_key = found, key
        return self._tokens
