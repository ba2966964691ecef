"""A corpus' indexes: facts by id, by the values queries filter on, and by date; the
records of a key, or of a combination of keys, kept once a query has asked for them."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Generic, TypeVar

from bilateral.corpus.merging import window
from bilateral.corpus.records import Between, CorpusData, VisitMeeting, as_day, collection_paused
from bilateral.facts.kinds import KINDS
from bilateral.mentions.names import name_tokens
from bilateral.model import Agreement, PartialDate, Visit

K = TypeVar("K")
V = TypeVar("V")
R = TypeVar("R")
Key = tuple[str, object]
CACHED = 256  # records of this many keys or combinations of keys are kept


class Indexes:
    """A corpus' facts by id, by the values queries filter on, and by date. The lists of
    positions are built at once; the records of a key or of a combination of keys, and the
    date order of those, when a query first asks for them (the corpus never changes)."""

    def __init__(self, data: CorpusData) -> None:
        self.data = data  # the data indexed: a corpus given other data indexes it anew
        self.officials = {o.id: o for o in data.officials}
        self.articles = {a.id: a for a in data.articles}
        published = {a.id: a.published for a in data.articles}
        spans: list[tuple[int, int] | None] = []
        for visit in data.visits:
            article = visit.evidence[0].article_id if visit.evidence else ""
            found = window(visit, published.get(article))
            spans.append((found.first.toordinal(), found.last.toordinal()) if found else None)
        self.visits_by = _Multi(data.visits, spans)
        for position, visit in enumerate(data.visits):
            add = self.visits_by.add
            add(("visitor", visit.visitor), position)
            add(("origin", visit.origin), position)
            add(("destination", visit.destination), position)
            add(("route", (visit.origin, visit.destination)), position)
            add(("status", visit.status), position)
            for place in visit.places:
                add(("place", place.lower()), position)
            for meeting in visit.meetings:
                for person in meeting.participants:
                    add(("participant", person), position)
                    if person != visit.visitor:
                        add(("hosted", person), position)
        self.statements_by = _Multi(data.statements, [_days(s.date) for s in data.statements])
        for position, statement in enumerate(data.statements):
            self.statements_by.add(("speaker", statement.speaker), position)
            for topic in statement.topics:
                self.statements_by.add(("topic", topic), position)
        self.agreements_by = _Multi(data.agreements, [_days(a.date) for a in data.agreements])
        for position, agreement in enumerate(data.agreements):
            for party in agreement.parties:
                self.agreements_by.add(("party", party), position)
            for person in agreement.signatories:
                self.agreements_by.add(("signatory", person), position)
        self.officials_by = _Multi(data.officials, [None] * len(data.officials))
        for position, official in enumerate(data.officials):
            self.officials_by.add(("country", official.country), position)
            for office in official.offices:
                self.officials_by.add(("office", office), position)
            for name in (official.name, *official.aliases):
                for token in name_tokens(name):
                    self.officials_by.add(("token", token), position)
        self.agreement_positions = {a.id: n for n, a in enumerate(data.agreements)}
        self.visit_positions = {v.id: n for n, v in enumerate(data.visits)}
        self.by_kind: dict[str, _Multi[Any]] = {}  # of the kinds that declare their keys
        for kind in KINDS:
            if kind.index is not None:
                records = getattr(data, kind.plural)
                keyed: _Multi[Any] = _Multi(records, [_days(r.date) for r in records])
                for position, record in enumerate(records):
                    for key in kind.index(record):
                        keyed.add(key, position)
                self.by_kind[kind.plural] = keyed
        self._meetings: _Bounded[str | None, tuple[VisitMeeting, ...]] = _Bounded()
        self._timelines: _Bounded[tuple[frozenset[str], bool], tuple[Visit, ...]] = _Bounded()
        self._agreements_of: _Bounded[str, tuple[Agreement, ...]] = _Bounded()

    def meetings(self, who: str | None) -> tuple[VisitMeeting, ...]:
        """The meetings (with their visits) of one participant, or all."""
        found = self._meetings.get(who)
        if found is None:
            visits = self.data.visits
            positions = self.visits_by.get(("participant", who)) if who else range(len(visits))
            with collection_paused():
                found = tuple(
                    VisitMeeting(visits[p], meeting)
                    for p in positions
                    for meeting in visits[p].meetings
                    if who is None or who in meeting.participants
                )
            self._meetings[who] = found
        return found

    def timeline(
        self,
        countries: frozenset[str],
        include_planned: bool,
        order: Callable[[Visit], tuple[dt.date, dt.date]],
    ) -> tuple[Visit, ...]:
        """Visits between the countries (each way), sorted by ``order``."""
        found = self._timelines.get((countries, include_planned))
        if found is None:
            routes = [self.visits_by.get(("route", (a, b))) for a in countries for b in countries]
            visits = self.data.visits
            found = tuple(
                sorted(
                    (
                        visits[p]
                        for p in sorted(itertools.chain.from_iterable(routes))
                        if include_planned or visits[p].status != "planned"
                    ),
                    key=order,
                )
            )
            self._timelines[(countries, include_planned)] = found
        return found

    def profile_agreements(
        self, who: str, made: Sequence[Visit], hosted: Sequence[Visit]
    ) -> tuple[Agreement, ...]:
        """Agreements of the visits an official made or hosted, and those they signed."""
        found = self._agreements_of.get(who)
        if found is None:
            ids = {a for v in (*made, *hosted) for a in v.agreements}
            positions = {self.agreement_positions[a] for a in ids if a in self.agreement_positions}
            positions.update(self.agreements_by.get(("signatory", who)))
            found = tuple(self.data.agreements[p] for p in sorted(positions))
            self._agreements_of[who] = found
        return found


class _Bounded(dict[K, V]):
    """A dictionary that forgets its oldest entries past ``CACHED`` of them."""

    def __setitem__(self, key: K, value: V) -> None:
        if len(self) >= CACHED:
            del self[next(iter(self))]
        super().__setitem__(key, value)


class _Dated(Generic[R]):
    """Records by the days they span (first and last day as ordinals), for those that
    overlap a range of days."""

    def __init__(self, records: Sequence[R], spans: Iterable[tuple[int, int, int]]) -> None:
        dated = sorted(spans)
        self.starts = [d[0] for d in dated]
        self.ends = [d[1] for d in dated]
        self.positions = [d[2] for d in dated]
        self.records = [records[d[2]] for d in dated]
        self.longest = max((d[1] - d[0] for d in dated), default=0)
        # records are mostly stored in date order: then what a range finds is a slice
        self.in_order = all(a < b for a, b in itertools.pairwise(self.positions))
        self._all = records

    def overlapping(self, first: int, last: int) -> list[R]:
        """The records that overlap ``first``...``last``, in order: those that start in it,
        and those that start before it (by at most the longest span) and end in or after."""
        starts, ends = self.starts, self.ends
        low = bisect.bisect_left(starts, first - self.longest)
        within = bisect.bisect_left(starts, first, low)
        high = bisect.bisect_right(starts, last, within)
        before = [n for n in range(low, within) if ends[n] >= first]
        if self.in_order:
            return [self.records[n] for n in before] + self.records[within:high]
        positions = sorted([*(self.positions[n] for n in before), *self.positions[within:high]])
        return [self._all[p] for p in positions]


class _Multi(Generic[R]):
    """Positions of records by key, each list in ascending order (records are stored in
    output order); the records of a key or of a combination of keys (those under every
    key), and their date index, made when a query first asks for them."""

    def __init__(self, records: Sequence[R], days: Sequence[tuple[int, int] | None]) -> None:
        self._records = records
        self._days = days  # of each record: first and last day as ordinals, or None
        self._lists: dict[Key, list[int]] = {}
        self._found: _Bounded[frozenset[Key], tuple[R, ...]] = _Bounded()
        self._dated: _Bounded[frozenset[Key], _Dated[R]] = _Bounded()

    def add(self, key: Key, position: int) -> None:
        positions = self._lists.setdefault(key, [])
        if not positions or positions[-1] != position:
            positions.append(position)

    def get(self, key: Key) -> list[int]:
        return self._lists.get(key, [])

    def positions(self, keys: Sequence[Key]) -> Sequence[int]:
        """Positions under every key (all positions when no key): the shortest list, less
        what the others lack."""
        if not keys:
            return range(len(self._records))
        if len(keys) == 1:
            return self.get(keys[0])
        lists = sorted((self.get(k) for k in set(keys)), key=len)
        others = [set(found) for found in lists[1:]]
        return [p for p in lists[0] if all(p in other for other in others)]

    def records(self, keys: Sequence[Key]) -> tuple[R, ...]:
        """The records under every key, in order."""
        combination = frozenset(keys)
        found = self._found.get(combination)
        if found is None:
            records = self._records
            with collection_paused():
                found = (
                    tuple(records) if not keys else tuple(records[p] for p in self.positions(keys))
                )
            self._found[combination] = found
        return found

    def any_of(
        self,
        keys: Sequence[Key],
        name: str,
        values: Sequence[str] | None,
        between: Between | None = None,
    ) -> list[R]:
        """The records under every key and under ``(name, v)`` for one of ``values`` at least
        (no such condition when ``values`` is None), within ``between`` when it is given."""
        if values is not None and len(values) == 1:
            keys, values = [*keys, (name, values[0])], None
        if values is None:
            return self.between(keys, between) if between else list(self.records(keys))
        positions = sorted({p for v in values for p in self.positions([*keys, (name, v)])})
        found = [self._records[p] for p in positions]
        if between is None:
            return found
        first = (as_day(between[0]) or dt.date.min).toordinal()
        last = (as_day(between[1], last=True) or dt.date.max).toordinal()
        return [
            r for p, r in zip(positions, found, strict=True)
            if (days := self._days[p]) and days[0] <= last and first <= days[1]
        ]  # fmt: skip

    def between(self, keys: Sequence[Key], between: Between) -> list[R]:
        """The records under every key whose days overlap ``between``, in order."""
        first = (as_day(between[0]) or dt.date.min).toordinal()
        last = (as_day(between[1], last=True) or dt.date.max).toordinal()
        combination = frozenset(keys)
        dated = self._dated.get(combination)
        if dated is None:
            days = self._days
            with collection_paused():
                dated = _Dated(
                    self._records,
                    ((found[0], found[1], p) for p in self.positions(keys) if (found := days[p])),
                )
            self._dated[combination] = dated
        return dated.overlapping(first, last)


def _days(date: PartialDate | None) -> tuple[int, int] | None:
    """The first and last day of a date, as ordinals."""
    return (date.first_day().toordinal(), date.last_day().toordinal()) if date else None
