"""One official per person across articles.

Two officials are one person when the office-holder table names them alike (the same id), or
when one's name holds at least two of the other's name parts, folded for spelling
(Muhammad/Mohammad, Bagheri/Baqeri), and their countries agree. A shared surname or a shared
office is never enough.
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import define, field

from bilateral.mentions.names import name_tokens
from bilateral.model import ExtractionResult, Official, Span

MIN_SHARED_PARTS = 2


@define
class _Person:
    id: str
    holder_id: bool
    name: str
    country: str | None
    tokens: set[str]
    aliases: list[str] = field(factory=list)
    titles: list[str] = field(factory=list)
    offices: list[str] = field(factory=list)
    rank: str | None = None
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
            evidence=tuple(self.evidence),
        )


def merge_officials(
    results: Iterable[ExtractionResult], holder_ids: frozenset[str]
) -> tuple[list[Official], dict[tuple[str, str], str]]:
    """Corpus officials, and a map from (article id, official id) to the corpus id."""
    people: list[_Person] = []
    by_id: dict[str, _Person] = {}
    by_token: dict[str, list[_Person]] = {}
    remap: dict[tuple[str, str], str] = {}
    for result in results:
        for official in result.officials:
            person = _match(official, by_token, by_id, holder_ids)
            if person is None:
                person = _Person(
                    id=_free_id(official.id, by_id),
                    holder_id=official.id in holder_ids,
                    name=official.name,
                    country=official.country,
                    tokens=set(name_tokens(official.name)),
                )
                people.append(person)
                by_id[person.id] = person
            known = set(person.tokens)
            _absorb(person, official)
            for token in person.tokens - known or person.tokens:
                entries = by_token.setdefault(token, [])
                if person not in entries:
                    entries.append(person)
            remap[(result.article.id, official.id)] = person.id
    return [p.official() for p in people], remap


def _match(
    official: Official,
    by_token: dict[str, list[_Person]],
    by_id: dict[str, _Person],
    holder_ids: frozenset[str],
) -> _Person | None:
    if official.id in holder_ids:
        return by_id.get(official.id)
    tokens = {t for n in (official.name, *official.aliases) for t in name_tokens(n)}
    candidates = {
        id(person): person for t in name_tokens(official.name) for person in by_token.get(t, ())
    }
    for person in candidates.values():
        if official.country and person.country and official.country != person.country:
            continue
        full = set(name_tokens(official.name))
        shared = full & person.tokens
        if len(shared) >= MIN_SHARED_PARTS and (full <= person.tokens or person.tokens <= tokens):
            return person
    return None


def _absorb(person: _Person, official: Official) -> None:
    if not person.holder_id and len(name_tokens(official.name)) > len(name_tokens(person.name)):
        person.aliases.append(person.name)
        person.name = official.name
    person.aliases.extend([official.name, *official.aliases])
    person.tokens |= {t for n in (official.name, *official.aliases) for t in name_tokens(n)}
    person.titles.extend(official.titles)
    person.offices.extend(official.offices)
    person.country = person.country or official.country
    person.rank = person.rank or official.rank
    person.evidence.extend(official.evidence)


def _free_id(wanted: str, taken: dict[str, _Person]) -> str:
    if wanted not in taken:
        return wanted
    number = 2
    while f"{wanted}-{number}" in taken:
        number += 1
    return f"{wanted}-{number}"
