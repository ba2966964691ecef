"""The corpus: facts of many articles merged, indexed and queried in memory."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from bilateral.corpus import storage
from bilateral.corpus.frames import to_frames
from bilateral.corpus.indexes import Indexes, Key
from bilateral.corpus.merging import MERGED
from bilateral.corpus.records import (
    Between,
    CorpusData,
    Profile,
    VisitMeeting,
    as_day,
    collection_paused,
)
from bilateral.corpus.reports import merge_results
from bilateral.errors import InvalidQueryError
from bilateral.facts import extract_document
from bilateral.facts.kinds import (
    AGREEMENTS,
    CALLS,
    KINDS,
    STATEMENTS,
    VISITS,
    check,
    country_code,
    country_codes,
)
from bilateral.mentions.lexicon import Lexicon, default_lexicon
from bilateral.mentions.names import name_tokens
from bilateral.model import Agreement, Article, Call, ExtractionResult, Official, Statement, Visit
from bilateral.text import Document, read_document
from bilateral.text.documents import text_id

if TYPE_CHECKING:  # pragma: no cover
    import pandas  # type: ignore[import-untyped,unused-ignore]

Fact = Visit | Statement | Agreement | Call
__all__ = ["Between", "Corpus", "CorpusData", "Profile", "VisitMeeting", "as_day"]


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
        with collection_paused():
            return merge_results(self._sources, holders)

    @cached_property
    def _sources(self) -> tuple[ExtractionResult, ...]:
        """The results this corpus is made of: for one made from data (a file), its articles,
        and its facts as those of one more article."""
        d = self.data
        facts = ExtractionResult(
            Article(id=MERGED, raw=""),
            officials=d.officials,
            **{kind.plural: getattr(d, kind.plural) for kind in KINDS},
        )
        return (*(ExtractionResult(a) for a in d.articles), facts)

    @property
    def _ix(self) -> Indexes:
        """The indexes of the data, built when first asked for (and again for other data)."""
        found: Indexes | None = self.__dict__.get("_indexes")
        if found is None or found.data is not self.data:
            with collection_paused():
                found = self.__dict__["_indexes"] = Indexes(self.data)
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
        """The corpus of extraction results, merged (the same visit reported by several
        articles is one, with evidence from each). ``lexicon``'s office-holders are known."""
        holders = frozenset(h.id for h in (lexicon or default_lexicon()).holders)
        return cls._of(tuple(results), holders)

    @classmethod
    def from_documents(
        cls, documents: Iterable[Document], lexicon: Lexicon | None = None
    ) -> Corpus:
        """Extract every document (:func:`bilateral.extract_document`) and merge."""
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

    @classmethod
    def load(cls, path: str | Path) -> Corpus:
        """A saved corpus, its format read from the suffix: ``.json``, ``.jsonl``, ``.db`` or
        ``.sqlite``; a malformed file raises :class:`~bilateral.errors.InvalidDataError`."""
        return cls(storage.load(path))

    def save(self, path: str | Path) -> None:
        """Save to ``path`` (atomically), in the format its suffix names: ``.json``,
        ``.jsonl``, ``.db`` or ``.sqlite``; ``Corpus.load(path) == self``."""
        storage.save(self.data, path)

    def to_frames(self) -> dict[str, pandas.DataFrame]:
        """A pandas DataFrame per table (see :func:`bilateral.corpus.frames.to_frames`)."""
        return to_frames(self.data)

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
        """The official with this id, or None."""
        return self._ix.officials.get(official_id)

    def article(self, article_id: str) -> Article | None:
        """The article with this id, or None."""
        return self._ix.articles.get(article_id)

    def fact(self, fact_id: str) -> Fact | None:
        """The visit, statement, agreement or call with this id."""
        return self._facts_by_id.get(fact_id)

    @cached_property
    def _facts_by_id(self) -> dict[str, Fact]:
        return {f.id: f for kind in KINDS for f in getattr(self.data, kind.plural)}

    def officials(
        self, *, country: str | None = None, office: str | None = None, name: str | None = None
    ) -> list[Official]:
        """Officials by country, office key, and name (spellings folded: "Baqeri" finds
        Bagheri; every part of ``name`` must match)."""
        keys = []
        if country:
            keys.append(("country", country_code(country, "country")))
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
        """Visits matching every filter given, in date order; the visitor given as an
        :class:`Official`, an id or a name (every official of that name). A value that can
        never match raises :class:`~bilateral.errors.InvalidQueryError`."""
        wanted = check(VISITS, origin=origin, destination=destination, status=status)
        origin, destination, status = wanted["origin"], wanted["destination"], wanted["status"]
        keys: list[Key] = []
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
        return self._ix.visits_by.any_of(keys, "visitor", self._ids(visitor), between)

    def meetings(self, *, participant: str | Official | None = None) -> list[VisitMeeting]:
        """Meetings on visits, with a given participant (an :class:`Official`, an id or a
        name) when one is named."""
        who = self._ids(participant)
        if who is None:
            return list(self._ix.meetings(None))
        found = {id(m): m for w in who for m in self._ix.meetings(w)}
        return (
            sorted(found.values(), key=self._meeting_order) if len(who) > 1 else [*found.values()]
        )

    def _meeting_order(self, found: VisitMeeting) -> int:
        return self._ix.visit_positions[found.visit.id]

    def statements(
        self,
        *,
        speaker: str | Official | None = None,
        topic: str | None = None,
        between: Between | None = None,
    ) -> list[Statement]:
        """Statements by speaker (an :class:`Official`, an id or a name), topic and date."""
        topic = check(STATEMENTS, topic=topic)["topic"]
        keys = [("topic", topic)] if topic else []
        return self._ix.statements_by.any_of(keys, "speaker", self._ids(speaker), between)

    def agreements(
        self, *, parties: str | Sequence[str] | None = None, between: Between | None = None
    ) -> list[Agreement]:
        """Agreements between every one of the given countries (codes, or text: "PK,IR"),
        within dates."""
        parties = check(AGREEMENTS, parties=parties)["parties"]
        keys: list[Key] = [("party", p) for p in parties or ()]
        return self._ix.agreements_by.any_of(keys, "party", None, between)

    def calls(
        self,
        *,
        participant: str | Official | None = None,
        countries: str | Sequence[str] | None = None,
        channel: str | None = None,
        between: Between | None = None,
    ) -> list[Call]:
        """Telephone and video calls by participant (an :class:`Official`, an id or a name),
        between every one of the given countries, by channel ("phone", "video"), in dates."""
        wanted = check(CALLS, countries=countries, channel=channel)
        countries, channel = wanted["countries"], wanted["channel"]
        keys: list[Key] = [("country", c) for c in countries or ()]
        if channel:
            keys.append(("channel", channel))
        return self._ix.by_kind[CALLS.plural].any_of(
            keys, "participant", self._ids(participant), between
        )

    def _ids(self, who: str | Official | None) -> list[str] | None:
        """The officials' ids a filter names: an :class:`Official`, an id, or a name (the
        officials it fits); None when there is no filter."""
        if who is None:
            return None
        if isinstance(who, Official):
            return [who.id]
        if who in self._ix.officials:
            return [who]
        return [o.id for o in self.officials(name=who)]

    def timeline(
        self, countries: Sequence[str] = ("PK", "IR"), *, include_planned: bool = False
    ) -> list[Visit]:
        """Visits between the given countries (each way; two at least), ordered by their
        :attr:`~bilateral.model.Visit.first_day` and ``last_day``, an undated visit by its
        article's date; announced visits only when ``include_planned``."""
        wanted = set(country_codes(countries, "countries"))
        if len(wanted) < 2:
            raise InvalidQueryError("countries: a visit is between two countries; give two")
        return list(self._ix.timeline(frozenset(wanted), include_planned, self._days_of))

    def _days_of(self, visit: Visit) -> tuple[dt.date, dt.date]:
        """The days a visit sorts by: its own, else its first article's date (the last when
        there is none)."""
        if visit.first_day and visit.last_day:
            return visit.first_day, visit.last_day
        article = self.article(visit.evidence[0].article_id) if visit.evidence else None
        day = article.published.first_day() if article and article.published else dt.date.max
        return day, day

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
            calls=tuple(self.calls(participant=who)),
        )

    def _foreign(self, official: str, country: str | None) -> bool:
        other = self._ix.officials.get(official)
        return other is not None and (country is None or other.country != country)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Corpus) and other.data == self.data

    def __hash__(self) -> int:
        return hash(self.data)

    def __repr__(self) -> str:
        counts = [f"{len(getattr(self.data, k.plural))} {k.plural}" for k in KINDS]
        d = self.data
        return (
            f"Corpus({len(d.articles)} articles, {len(d.officials)} officials, {', '.join(counts)})"
        )
