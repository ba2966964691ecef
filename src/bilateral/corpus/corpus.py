"""The corpus: facts of many articles merged, indexed and queried in memory."""

from __future__ import annotations

import bisect
import datetime as dt
import gc
import itertools
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import Generic, TypeVar

from attrs import frozen

from bilateral.corpus.identity import merge_officials
from bilateral.corpus.merging import MERGED, merge_facts, merge_visits, window
from bilateral.facts import extract_document
from bilateral.mentions.lexicon import Lexicon, default_lexicon
from bilateral.mentions.names import name_tokens
from bilateral.model import (
    Agreement,
    Article,
    ExtractionResult,
    Meeting,
    Official,
    PartialDate,
    Statement,
    Visit,
)
from bilateral.text import Document, read_document
from bilateral.text.documents import text_id

T = TypeVar("T")
DateLike = PartialDate | dt.date | str
Between = tuple[DateLike | None, DateLike | None]


@frozen
class CorpusData:
    """Everything a corpus holds; what is saved and loaded."""

    articles: tuple[Article, ...] = ()
    officials: tuple[Official, ...] = ()
    visits: tuple[Visit, ...] = ()
    statements: tuple[Statement, ...] = ()
    agreements: tuple[Agreement, ...] = ()


@frozen
class VisitMeeting:
    """A meeting with the visit it took place on."""

    visit: Visit
    meeting: Meeting


@frozen
class Profile:
    """What the corpus knows of one official."""

    official: Official
    visits_made: tuple[Visit, ...]
    visits_hosted: tuple[Visit, ...]
    counterparts: tuple[Official, ...]
    statements: tuple[Statement, ...]
    agreements: tuple[Agreement, ...]


def as_day(value: DateLike | None, last: bool = False) -> dt.date | None:
    """The first (or last) day of a date given as PartialDate, date or ISO text."""
    if value is None:
        return None
    if isinstance(value, str):
        value = PartialDate.parse(value)
    if isinstance(value, PartialDate):
        return value.last_day() if last else value.first_day()
    return value


class Corpus:
    """Facts from many articles, one official per person and one visit per trip.

    A corpus is an immutable snapshot: :meth:`add` and :meth:`merge` return a new corpus. A
    corpus made from results keeps them and merges them when its data or a query is first
    asked for, in a time linear in the number of facts. The order of the results does not
    matter: they are taken in the order of their article ids. Queries use indexes and return
    typed records in a deterministic order.
    """

    _holders: frozenset[str] | None  # office-holder ids; None: those of the default lexicon

    def __init__(self, data: CorpusData) -> None:
        self.data = data
        self._holders = None

    @classmethod
    def _of(cls, sources: tuple[ExtractionResult, ...], holders: frozenset[str] | None) -> Corpus:
        corpus = cls.__new__(cls)
        corpus._sources = sources
        corpus._holders = holders
        return corpus

    @cached_property
    def data(self) -> CorpusData:
        """Everything the corpus holds; what is saved and loaded."""
        holders = self._holders
        if holders is None:
            holders = frozenset(h.id for h in default_lexicon().holders)
        with _collection_paused():
            return _merged(self._sources, holders)

    @cached_property
    def _sources(self) -> tuple[ExtractionResult, ...]:
        """The results this corpus is made of: for one made from data (a file), its articles,
        and its facts as those of one more article."""
        d = self.data
        facts = ExtractionResult(
            Article(id=MERGED, raw=""), d.officials, d.visits, d.statements, d.agreements
        )
        return (*(ExtractionResult(a) for a in d.articles), facts)

    @property
    def _ix(self) -> _Indexes:
        """The indexes of the data, built when first asked for (and again for other data)."""
        found: _Indexes | None = self.__dict__.get("_indexes")
        if found is None or found.data is not self.data:
            with _collection_paused():
                found = self.__dict__["_indexes"] = _Indexes(self.data)
        return found

    def __getstate__(self) -> dict[str, object]:
        """What is pickled (to send a corpus to another process): all but the indexes."""
        return {k: v for k, v in self.__dict__.items() if k in ("data", "_sources", "_holders")}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)

    # --- building -------------------------------------------------------------------
    @classmethod
    def from_results(
        cls, results: Iterable[ExtractionResult], lexicon: Lexicon | None = None
    ) -> Corpus:
        holders = frozenset(h.id for h in (lexicon or default_lexicon()).holders)
        return cls._of(tuple(results), holders)

    @classmethod
    def from_documents(
        cls, documents: Iterable[Document], lexicon: Lexicon | None = None
    ) -> Corpus:
        return cls.from_results((extract_document(d, lexicon) for d in documents), lexicon)

    @classmethod
    def from_paths(cls, paths: Iterable[str | Path], lexicon: Lexicon | None = None) -> Corpus:
        """Extract every file and merge; an unreadable file raises
        :class:`~bilateral.errors.UnreadableArticleError` naming it."""
        return cls.from_documents((read_document(p) for p in paths), lexicon)

    @classmethod
    def from_texts(
        cls, texts: Iterable[tuple[str, str] | str], lexicon: Lexicon | None = None
    ) -> Corpus:
        """From raw texts, or (id, text) pairs."""
        documents = []
        for item in texts:
            if isinstance(item, str):
                documents.append(Document(text_id(item), item))
            else:
                documents.append(Document(item[0], item[1]))
        return cls.from_documents(documents, lexicon)

    def merge(self, other: Corpus) -> Corpus:
        """The corpus of both corpora's results, equal to one made from all of them at once:
        ``a | b == b | a`` and ``(a | b) | c == a | (b | c)``. The office holders are those of
        both lexicons. A corpus made from data (loaded from a file) takes part with its facts
        as those of one article."""
        holders = self._holders if other._holders is None else other._holders
        if self._holders is not None and other._holders is not None:
            holders = self._holders | other._holders
        return Corpus._of((*self._sources, *other._sources), holders)

    def __or__(self, other: Corpus) -> Corpus:
        return self.merge(other)

    def add(self, result: ExtractionResult) -> Corpus:
        """A new corpus with one more article's facts merged in (this one is unchanged)."""
        return self.merge(Corpus._of((result,), None))

    # --- queries --------------------------------------------------------------------
    def official(self, official_id: str) -> Official | None:
        return self._ix.officials.get(official_id)

    def article(self, article_id: str) -> Article | None:
        return self._ix.articles.get(article_id)

    def officials(
        self, *, country: str | None = None, office: str | None = None, name: str | None = None
    ) -> list[Official]:
        """Officials by country, office key, and name (spellings folded: "Baqeri" finds
        Bagheri; every part of ``name`` must match)."""
        keys = []
        if country:
            keys.append(("country", country))
        if office:
            keys.append(("office", office))
        tokens = name_tokens(name) if name else ()
        keys.extend(("token", t) for t in tokens)
        if name and not tokens:
            return []
        return list(self._ix.officials_by.records(keys))

    def visits(
        self,
        *,
        visitor: str | Official | None = None,
        origin: str | None = None,
        destination: str | None = None,
        between: Between | None = None,
        status: str | None = None,
        place: str | None = None,
    ) -> list[Visit]:
        """Visits matching every filter given, in date order."""
        keys: list[Key] = []
        if visitor is not None:
            keys.append(("visitor", visitor.id if isinstance(visitor, Official) else visitor))
        if origin and destination:
            keys.append(("route", (origin, destination)))
        elif origin:
            keys.append(("origin", origin))
        elif destination:
            keys.append(("destination", destination))
        if status:
            keys.append(("status", status))
        if place:
            keys.append(("place", place.lower()))
        if between is not None:
            return self._ix.visits_by.between(keys, between)
        return list(self._ix.visits_by.records(keys))

    def meetings(self, *, participant: str | Official | None = None) -> list[VisitMeeting]:
        """Meetings on visits, with a given participant when one is named."""
        who = participant.id if isinstance(participant, Official) else participant
        return list(self._ix.meetings(who or None))

    def statements(
        self,
        *,
        speaker: str | Official | None = None,
        topic: str | None = None,
        between: Between | None = None,
    ) -> list[Statement]:
        keys = []
        if speaker is not None:
            keys.append(("speaker", speaker.id if isinstance(speaker, Official) else speaker))
        if topic:
            keys.append(("topic", topic))
        if between is not None:
            return self._ix.statements_by.between(keys, between)
        return list(self._ix.statements_by.records(keys))

    def agreements(
        self, *, parties: Sequence[str] | None = None, between: Between | None = None
    ) -> list[Agreement]:
        keys = [("party", p) for p in parties or ()]
        if between is not None:
            return self._ix.agreements_by.between(keys, between)
        return list(self._ix.agreements_by.records(keys))

    def timeline(
        self, countries: Sequence[str] = ("PK", "IR"), *, include_planned: bool = False
    ) -> list[Visit]:
        """Visits between the given countries (each way), in date order; announced visits
        only when ``include_planned``."""
        return list(self._ix.timeline(frozenset(countries), include_planned))

    def profile(self, official: str | Official) -> Profile:
        """Visits made and hosted, foreign counterparts met, statements and agreements of one
        official."""
        who = official.id if isinstance(official, Official) else official
        person = self._ix.officials.get(who)
        if person is None:
            raise KeyError(f"no official {who!r} in the corpus")
        made = self._ix.visits_by.records([("visitor", who)])
        hosted = self._ix.visits_by.records([("hosted", who)])
        counterparts: dict[str, None] = {}
        for visit in (*made, *hosted):
            for meeting in visit.meetings:
                if who in meeting.participants and meeting.status == "held":
                    counterparts.update(
                        dict.fromkeys(
                            p for p in meeting.participants
                            if p != who and self._foreign(p, person.country)
                        )
                    )  # fmt: skip
        return Profile(
            official=person,
            visits_made=made,
            visits_hosted=hosted,
            counterparts=tuple(
                self._ix.officials[c] for c in counterparts if c in self._ix.officials
            ),
            statements=self._ix.statements_by.records([("speaker", who)]),
            agreements=self._ix.profile_agreements(who, made, hosted),
        )

    def _foreign(self, official: str, country: str | None) -> bool:
        other = self._ix.officials.get(official)
        return other is not None and (country is None or other.country != country)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Corpus) and other.data == self.data

    def __hash__(self) -> int:
        return hash(self.data)

    def __repr__(self) -> str:
        d = self.data
        return (
            f"Corpus({len(d.articles)} articles, {len(d.officials)} officials, "
            f"{len(d.visits)} visits, {len(d.statements)} statements, "
            f"{len(d.agreements)} agreements)"
        )


@contextmanager
def _collection_paused() -> Iterator[None]:
    """The cyclic garbage collector paused while a merge makes its many objects, which all
    live on: each collection would walk every object made so far, results included, and
    doubled the time of a large merge (Mercurial's ``nogc`` does the same)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _merged(sources: Sequence[ExtractionResult], holders: frozenset[str]) -> CorpusData:
    """Results merged into one corpus, taken in the order of their article ids."""
    results = sorted(sources, key=lambda r: (r.article.id, r.article.raw))
    officials, remap = merge_officials(results, holders)
    statements, agreements, facts = merge_facts(results, remap)
    visits = merge_visits(results, remap, facts)
    return CorpusData(
        articles=tuple(r.article for r in results if r.article.id != MERGED),
        officials=tuple(officials),
        visits=tuple(visits),
        statements=statements,
        agreements=agreements,
    )


class _Indexes:
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
        self._meetings: _Bounded[str | None, tuple[VisitMeeting, ...]] = _Bounded()
        self._timelines: _Bounded[tuple[frozenset[str], bool], tuple[Visit, ...]] = _Bounded()
        self._agreements_of: _Bounded[str, tuple[Agreement, ...]] = _Bounded()

    def meetings(self, who: str | None) -> tuple[VisitMeeting, ...]:
        """The meetings (with their visits) of one participant, or all."""
        found = self._meetings.get(who)
        if found is None:
            visits = self.data.visits
            positions = self.visits_by.get(("participant", who)) if who else range(len(visits))
            with _collection_paused():
                found = tuple(
                    VisitMeeting(visits[p], meeting)
                    for p in positions
                    for meeting in visits[p].meetings
                    if who is None or who in meeting.participants
                )
            self._meetings[who] = found
        return found

    def timeline(self, countries: frozenset[str], include_planned: bool) -> tuple[Visit, ...]:
        """Visits between the countries (each way), in date order."""
        found = self._timelines.get((countries, include_planned))
        if found is None:
            routes = [self.visits_by.get(("route", (a, b))) for a in countries for b in countries]
            visits = self.data.visits
            found = tuple(
                visits[p]
                for p in sorted(itertools.chain.from_iterable(routes))
                if include_planned or visits[p].status != "planned"
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


K = TypeVar("K")
V = TypeVar("V")
R = TypeVar("R")
Key = tuple[str, object]
CACHED = 256  # records of this many keys or combinations of keys are kept


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
            with _collection_paused():
                found = (
                    tuple(records) if not keys else tuple(records[p] for p in self.positions(keys))
                )
            self._found[combination] = found
        return found

    def between(self, keys: Sequence[Key], between: Between) -> list[R]:
        """The records under every key whose days overlap ``between``, in order."""
        first = (as_day(between[0]) or dt.date.min).toordinal()
        last = (as_day(between[1], last=True) or dt.date.max).toordinal()
        combination = frozenset(keys)
        dated = self._dated.get(combination)
        if dated is None:
            days = self._days
            with _collection_paused():
                dated = _Dated(
                    self._records,
                    ((found[0], found[1], p) for p in self.positions(keys) if (found := days[p])),
                )
            self._dated[combination] = dated
        return dated.overlapping(first, last)


def _days(date: PartialDate | None) -> tuple[int, int] | None:
    """The first and last day of a date, as ordinals."""
    return (date.first_day().toordinal(), date.last_day().toordinal()) if date else None
