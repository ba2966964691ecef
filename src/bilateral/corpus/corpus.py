"""The corpus: facts of many articles merged, indexed and queried in memory."""

from __future__ import annotations

import bisect
import datetime as dt
import gc
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TypeVar

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

    @cached_property
    def _ix(self) -> _Indexes:
        return _Indexes(self.data)

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
        return [
            self.data.officials[p]
            for p in self._ix.officials_by.all(keys, len(self.data.officials))
        ]

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
        keys = []
        if visitor is not None:
            keys.append(("visitor", visitor.id if isinstance(visitor, Official) else visitor))
        if origin:
            keys.append(("origin", origin))
        if destination:
            keys.append(("destination", destination))
        if status:
            keys.append(("status", status))
        if place:
            keys.append(("place", place.lower()))
        positions = self._ix.visits_by.all(keys, len(self.data.visits))
        if between is not None:
            within = set(self._visits_between(between))
            positions = [p for p in positions if p in within] if keys else sorted(within)
        return [self.data.visits[p] for p in positions]

    def _visits_between(self, between: Between) -> list[int]:
        first = as_day(between[0]) or dt.date.min
        last = as_day(between[1], last=True) or dt.date.max
        low = bisect.bisect_left(self._ix.visit_starts, first.toordinal() - self._ix.longest_visit)
        high = bisect.bisect_right(self._ix.visit_starts, last.toordinal())
        return sorted(
            p for start, end, p in self._ix.visit_dated[low:high]
            if end >= first.toordinal() and start <= last.toordinal()
        )  # fmt: skip

    def meetings(self, *, participant: str | Official | None = None) -> list[VisitMeeting]:
        """Meetings on visits, with a given participant when one is named."""
        who = participant.id if isinstance(participant, Official) else participant
        positions = (
            self._ix.visits_by.all([("participant", who)], len(self.data.visits))
            if who
            else range(len(self.data.visits))
        )
        found = []
        for position in positions:
            visit = self.data.visits[position]
            for meeting in visit.meetings:
                if who is None or who in meeting.participants:
                    found.append(VisitMeeting(visit, meeting))
        return found

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
        found = [
            self.data.statements[p]
            for p in self._ix.statements_by.all(keys, len(self.data.statements))
        ]
        return _dated_between(found, between, lambda s: s.date)

    def agreements(
        self, *, parties: Sequence[str] | None = None, between: Between | None = None
    ) -> list[Agreement]:
        keys = [("party", p) for p in parties or ()]
        found = [
            self.data.agreements[p]
            for p in self._ix.agreements_by.all(keys, len(self.data.agreements))
        ]
        return _dated_between(found, between, lambda a: a.date)

    def timeline(
        self, countries: Sequence[str] = ("PK", "IR"), *, include_planned: bool = False
    ) -> list[Visit]:
        """Visits between the given countries (each way), in date order; announced visits
        only when ``include_planned``."""
        wanted = set(countries)
        routes = [self._ix.visits_by.get(("route", (a, b))) for a in wanted for b in wanted]
        visits = self.data.visits
        return [
            visits[p]
            for p in sorted(itertools.chain.from_iterable(routes))
            if include_planned or visits[p].status != "planned"
        ]

    def profile(self, official: str | Official) -> Profile:
        """Visits made and hosted, foreign counterparts met, statements and agreements of one
        official."""
        who = official.id if isinstance(official, Official) else official
        person = self._ix.officials.get(who)
        if person is None:
            raise KeyError(f"no official {who!r} in the corpus")
        made = self.visits(visitor=who)
        hosted = [
            self.data.visits[p]
            for p in self._ix.visits_by.get(("participant", who))
            if self.data.visits[p].visitor != who
        ]
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
        agreement_ids = {a for v in (*made, *hosted) for a in v.agreements}
        found = self._ix.agreement_positions
        positions = {found[a] for a in agreement_ids if a in found}
        positions.update(self._ix.agreements_by.get(("signatory", who)))
        agreements = [self.data.agreements[p] for p in sorted(positions)]
        return Profile(
            official=person,
            visits_made=tuple(made),
            visits_hosted=tuple(hosted),
            counterparts=tuple(
                self._ix.officials[c] for c in counterparts if c in self._ix.officials
            ),
            statements=tuple(self.statements(speaker=who)),
            agreements=tuple(agreements),
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
    """A corpus' facts by id, by the values queries filter on, and visits by date."""

    def __init__(self, data: CorpusData) -> None:
        self.officials = {o.id: o for o in data.officials}
        self.articles = {a.id: a for a in data.articles}
        self.visit_windows = []
        published = {a.id: a.published for a in data.articles}
        for visit in data.visits:
            article = visit.evidence[0].article_id if visit.evidence else ""
            found = window(visit, published.get(article))
            self.visit_windows.append((found.first, found.last) if found else None)
        self.visits_by = _Multi()
        for position, visit in enumerate(data.visits):
            self.visits_by.add(("visitor", visit.visitor), position)
            self.visits_by.add(("origin", visit.origin), position)
            self.visits_by.add(("destination", visit.destination), position)
            self.visits_by.add(("route", (visit.origin, visit.destination)), position)
            self.visits_by.add(("status", visit.status), position)
            for place in visit.places:
                self.visits_by.add(("place", place.lower()), position)
            for meeting in visit.meetings:
                for person in meeting.participants:
                    self.visits_by.add(("participant", person), position)
        dated = sorted(
            (w[0].toordinal(), w[1].toordinal(), p) for p, w in enumerate(self.visit_windows) if w
        )
        self.visit_starts = [d[0] for d in dated]
        self.visit_dated = dated
        self.longest_visit = max((d[1] - d[0] for d in dated), default=0)
        self.statements_by = _Multi()
        for position, statement in enumerate(data.statements):
            self.statements_by.add(("speaker", statement.speaker), position)
            for topic in statement.topics:
                self.statements_by.add(("topic", topic), position)
        self.agreements_by = _Multi()
        for position, agreement in enumerate(data.agreements):
            for party in agreement.parties:
                self.agreements_by.add(("party", party), position)
            for person in agreement.signatories:
                self.agreements_by.add(("signatory", person), position)
        self.officials_by = _Multi()
        for position, official in enumerate(data.officials):
            self.officials_by.add(("country", official.country), position)
            for office in official.offices:
                self.officials_by.add(("office", office), position)
            for name in (official.name, *official.aliases):
                for token in name_tokens(name):
                    self.officials_by.add(("token", token), position)
        self.agreement_positions = {a.id: n for n, a in enumerate(data.agreements)}


class _Multi:
    """Positions by key, each list in ascending order (facts are stored in output order)."""

    def __init__(self) -> None:
        self._lists: dict[tuple[str, object], list[int]] = {}
        self._sets: dict[tuple[str, object], set[int]] = {}  # made when a query needs them

    def add(self, key: tuple[str, object], position: int) -> None:
        positions = self._lists.setdefault(key, [])
        if not positions or positions[-1] != position:
            positions.append(position)

    def get(self, key: tuple[str, object]) -> list[int]:
        return self._lists.get(key, [])

    def all(self, keys: Sequence[tuple[str, object]], size: int) -> list[int]:
        """Positions under every key (all positions when no key): scan the shortest list
        and keep what the others hold."""
        if not keys:
            return list(range(size))
        shortest = min(keys, key=lambda k: len(self.get(k)))
        others = [self._set(k) for k in keys if k != shortest]
        return [p for p in self.get(shortest) if all(p in other for other in others)]

    def _set(self, key: tuple[str, object]) -> set[int]:
        found = self._sets.get(key)
        if found is None:
            found = self._sets[key] = set(self.get(key))
        return found


def _dated_between(
    items: list[T], between: Between | None, date_of: Callable[[T], PartialDate | None]
) -> list[T]:
    if between is None:
        return items
    first = as_day(between[0]) or dt.date.min
    last = as_day(between[1], last=True) or dt.date.max
    kept = []
    for item in items:
        date = date_of(item)
        if date is not None and date.first_day() <= last and first <= date.last_day():
            kept.append(item)
    return kept
