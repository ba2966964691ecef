"""One official per person across articles.

Two officials are one person when the office-holder table names them alike (the same id), or
when one's name holds at least two of the other's name parts, folded for spelling
(Muhammad/Mohammad, Bagheri/Baqeri), and their countries agree. A shared surname or a shared
office is never enough.

Officials are taken in the order given, each joining the earliest person it matches. A person
is found through indexes rather than by trying every person: by each name part (those holding
every part of the official's name) and by the exact set of parts (those whose parts the
official's names all hold), so that each official meets only its few real candidates.
"""

from __future__ import annotations

import itertools
from collections.abc import Container, Iterable, Mapping

from attrs import define, field

from bilateral.mentions.names import name_tokens
from bilateral.model import ExtractionResult, Official, Span, Tenure

MIN_SHARED_PARTS = 2
MAX_SUBSET_PARTS = 12  # beyond this many parts, persons are found by scanning a part's index
# The corpus id of each official of each article: by article id, the article's own table, so
# that a merge looks an official up in a table of a few (the same for every fact of the
# article, and in memory beside the next article's) rather than in one of every article's.
Remap = dict[str, dict[str, str]]
NO_NAMES: Mapping[str, str] = {}


class _Parts(dict[str, tuple[int, frozenset[str]]]):
    """The number of name parts and the set of them, by name: each name is split once in a
    merge, however many officials bear it."""

    def __missing__(self, name: str) -> tuple[int, frozenset[str]]:
        tokens = name_tokens(name)
        self[name] = found = (len(tokens), frozenset(tokens))
        return found


@define
class _Person:
    number: int
    id: str
    holder_id: bool
    name: str
    country: str | None
    tokens: frozenset[str]
    aliases: list[str] = field(factory=list)
    titles: list[str] = field(factory=list)
    offices: list[str] = field(factory=list)
    rank: str | None = None
    tenures: tuple[Tenure, ...] = ()
    evidence: list[Span] = field(factory=list)

    def official(self) -> Official:
        aliases = [a for a in dict.fromkeys(self.aliases) if a != self.name]
        return Official(
            id=self.id,
            name=self.name,
            country=self.country,
            aliases=tuple(aliases),
            titles=tuple(dict.fromkeys(self.titles)),
            offices=tuple(dict.fromkeys(self.offices)),
            rank=self.rank,
            tenures=self.tenures,
            evidence=tuple(self.evidence),
        )


@define
class _People:
    """The persons found so far, indexed by id, by name part and by their set of parts."""

    holder_ids: frozenset[str]
    parts: _Parts = field(factory=_Parts)
    people: list[_Person] = field(factory=list)
    by_id: dict[str, _Person] = field(factory=dict)
    by_token: dict[str, set[int]] = field(factory=dict)
    by_tokens: dict[frozenset[str], set[int]] = field(factory=dict)
    suffixes: dict[str, int] = field(factory=dict)

    def find(self, official: Official) -> _Person | None:
        if official.id in self.holder_ids:
            return self.by_id.get(official.id)
        full = self.parts[official.name][1]
        if len(full) < MIN_SHARED_PARTS:
            return None
        names = (official.name, *official.aliases)
        known = frozenset(t for n in names for t in self.parts[n][1] if t in self.by_token)
        if len(known & full) < MIN_SHARED_PARTS:  # a part no person has is in no one's parts
            return None
        found = self._within(known, full)
        if full <= known:
            found |= self._holding(full)
        best: _Person | None = None
        for number in found:
            person = self.people[number]
            if official.country and person.country and official.country != person.country:
                continue
            if best is None or person.number < best.number:
                best = person
        return best

    def _holding(self, full: frozenset[str]) -> set[int]:
        """Persons whose parts include every part of ``full``."""
        fewest = min((self.by_token[t] for t in full), key=len)
        return {n for n in fewest if full <= self.people[n].tokens}

    def _within(self, known: frozenset[str], full: frozenset[str]) -> set[int]:
        """Persons whose parts are all in ``known`` and hold two of ``full``."""
        if len(known) > MAX_SUBSET_PARTS:
            near = set().union(*(self.by_token.get(t, set()) for t in full))
            return {
                n
                for n in near
                if self.people[n].tokens <= known
                and len(self.people[n].tokens & full) >= MIN_SHARED_PARTS
            }
        found: set[int] = set()
        parts = sorted(known)
        for size in range(MIN_SHARED_PARTS, len(parts) + 1):
            for subset in itertools.combinations(parts, size):
                numbers = self.by_tokens.get(frozenset(subset))
                if numbers and len(full.intersection(subset)) >= MIN_SHARED_PARTS:
                    found |= numbers
        return found

    def new(self, official: Official) -> _Person:
        person = _Person(
            number=len(self.people),
            id=self._free_id(official.id),
            holder_id=official.id in self.holder_ids,
            name=official.name,
            country=official.country,
            tokens=frozenset(),
        )
        self.people.append(person)
        self.by_id[person.id] = person
        return person

    def absorb(self, person: _Person, official: Official) -> None:
        if not person.holder_id and self.parts[official.name][0] > self.parts[person.name][0]:
            person.aliases.append(person.name)
            person.name = official.name
        names = (official.name, *official.aliases)
        person.aliases.extend(names)
        tokens = person.tokens.union(*(self.parts[n][1] for n in names))
        if tokens != person.tokens:
            self._reindex(person, tokens)
        person.titles.extend(official.titles)
        person.offices.extend(official.offices)
        person.country = person.country or official.country
        person.rank = person.rank or official.rank
        person.tenures = person.tenures or official.tenures
        person.evidence.extend(official.evidence)

    def _reindex(self, person: _Person, tokens: frozenset[str]) -> None:
        if person.tokens:
            self.by_tokens[person.tokens].discard(person.number)
        for token in tokens - person.tokens:
            self.by_token.setdefault(token, set()).add(person.number)
        self.by_tokens.setdefault(tokens, set()).add(person.number)
        person.tokens = tokens

    def _free_id(self, wanted: str) -> str:
        return free_id(wanted, self.by_id, self.suffixes)


def free_id(wanted: str, taken: Container[str], suffixes: dict[str, int]) -> str:
    """``wanted``, or the first of ``wanted-2``, ``wanted-3``... not taken, counting on from the
    number ``suffixes`` keeps for it (ids are never freed, so the numbers below are taken)."""
    if wanted not in taken:
        return wanted
    number = suffixes.get(wanted, 2)
    while f"{wanted}-{number}" in taken:
        number += 1
    suffixes[wanted] = number + 1
    return f"{wanted}-{number}"


def merge_officials(
    results: Iterable[ExtractionResult], holder_ids: frozenset[str]
) -> tuple[list[Official], Remap]:
    """Corpus officials, and for each article id a map from its officials' ids to corpus ids."""
    people = _People(holder_ids)
    remap: Remap = {}
    for result in results:
        if not result.officials:
            continue
        names = remap.setdefault(result.article.id, {})
        for official in result.officials:
            person = people.find(official) or people.new(official)
            people.absorb(person, official)
            names[official.id] = person.id
    return [p.official() for p in people.people], remap
