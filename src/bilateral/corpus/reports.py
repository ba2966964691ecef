"""One statement, agreement or call per real one, and the merge of whole results.

:func:`merge_results` runs the merges in order: officials (``identity``), statements and
agreements (here: blocked by their words), visits (``merging``: by trips), and every other
kind of the registry by the key it declares (``FactKind.same``).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import Any, Final, Generic, TypeVar

import attrs
from attrs import evolve

from bilateral.corpus.identity import NO_NAMES, Remap, free_id, merge_officials
from bilateral.corpus.merging import (
    CURRENT_WINDOW_DAYS,
    MERGED,
    FactIds,
    Window,
    merge_visits,
    scoped,
)
from bilateral.corpus.records import CorpusData
from bilateral.facts.kinds import AGREEMENTS, KINDS, STATEMENTS, VISITS, FactKind
from bilateral.model import Agreement, ExtractionResult, PartialDate, Span, Statement
from bilateral.model.references import with_references

R = TypeVar("R")


def merge_results(sources: Sequence[ExtractionResult], holders: frozenset[str]) -> CorpusData:
    """Results merged into one corpus, taken in the order of their article ids."""
    results = sorted(sources, key=lambda r: (r.article.id, r.article.raw))
    officials, remap = merge_officials(results, holders)
    statements, agreements, ids = merge_facts(results, remap)
    merged: dict[str, tuple[Any, ...]] = {
        STATEMENTS.plural: statements,
        AGREEMENTS.plural: agreements,
        VISITS.plural: tuple(merge_visits(results, remap, ids)),
    }
    for kind in KINDS:
        if kind.plural not in merged:
            merged[kind.plural] = _merged_kind(kind, results, remap, ids)
    return CorpusData(
        articles=tuple(r.article for r in results if r.article.id != MERGED),
        officials=tuple(officials),
        **merged,
    )


def _merged_kind(
    kind: FactKind, results: Sequence[ExtractionResult],
    remap: Remap, ids: FactIds,
) -> tuple[Any, ...]:  # fmt: skip
    """One kind's facts of every result, ids scoped by article, the officials and facts they
    name those of the corpus; the reports of one fact as one, when the kind says which are."""

    def names_in(article: str) -> Callable[[str, str], str]:
        names = remap.get(article, NO_NAMES)

        def change(named_kind: str, named: str) -> str:
            if named_kind == "official":
                return names.get(named, named)
            return ids.get(article, scoped(article, named))

        return change

    records = [
        with_references(evolve(f, id=scoped(r.article.id, f.id)), names_in(r.article.id))
        for r in results
        for f in getattr(r, kind.plural)
    ]
    if kind.same is not None:
        records = merged_reports(records, kind.same)
    return _unique_ids(records)


def _unique_ids(items: Iterable[R]) -> tuple[R, ...]:
    """The items, each id made unique by a numbered suffix where two collide."""
    seen: set[str] = set()
    suffixes: dict[str, int] = {}
    unique = []
    for item in items:
        wanted: str = getattr(item, "id")  # noqa: B009
        found = free_id(wanted, seen, suffixes)
        seen.add(found)
        unique.append(item if found == wanted else evolve(item, id=found))  # type: ignore[misc]
    return tuple(unique)


# --- statements and agreements ----------------------------------------------------------
# A statement or agreement is reported by every article that tells of it: a syndicated story
# under many file names, or two outlets quoting one speaker. Reports are blocked by what must
# agree anyway (the speaker and the folded words of a statement; the parties and the folded
# words of an agreement), so each meets only its few real candidates, and within a block
# those whose days overlap are one fact: its date, or the days before its article's
# publication when it has none.

FACT_WINDOW_DAYS = CURRENT_WINDOW_DAYS
_WORDS: Final = re.compile(r"[^\W_]+")
_ASCII_SPACES: Final = bytes(b if chr(b).isascii() and chr(b).isalnum() else 32 for b in range(256))
F = TypeVar("F", Statement, Agreement)


def words_key(text: str) -> str:
    """The words of a text folded for comparison: case, punctuation, quotes and spacing
    aside ("Talks went “well”." and "talks went well" are alike)."""
    if text.isascii():  # the same words as below, by byte: far quicker
        words = text.lower().encode("ascii").translate(_ASCII_SPACES).split()
        return b" ".join(words).decode("ascii") or text
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_WORDS.findall(folded)) or text


def _days_before(published: PartialDate | None) -> Window | None:
    """The days up to an article's publication that an undated fact of it may be of."""
    if published is None:
        return None
    first = published.first_day() - dt.timedelta(days=FACT_WINDOW_DAYS)
    return Window(first, published.last_day())


def _fact_window(
    date: PartialDate | None,
    evidence: tuple[Span, ...],
    own: Window | None,
    source: str | None,
    published: Mapping[str, PartialDate | None],
) -> Window | None:
    """The days a fact may be of: its date, else the days up to the publication of its
    article (``own``; ``source`` is its article when all its evidence is from it), or of
    those of its evidence (a fact of a corpus merged before is reported by several)."""
    if date is not None:
        return Window(date.first_day(), date.last_day())
    if source is not None:
        return own
    days = [_days_before(published.get(a)) for a in {span.article_id for span in evidence}]
    known = [d for d in days if d is not None]
    if not known:
        return None
    return Window(min(d.first for d in known), max(d.last for d in known))


def _source(article: str, evidence: tuple[Span, ...]) -> str | None:
    """The article, when every span of the evidence is of it (as extraction gives them)."""
    for span in evidence:
        if span.article_id != article:
            return None
    return article


# A report of a fact: its number (in the order of the results), its days, the fact, and the
# article all its evidence is from (None when it is from several: a corpus merged before).
_Reported = tuple[int, Window | None, F, str | None]


class _Block(Generic[F]):
    """The reports of one block, dated and undated, in report order, and whether the dated
    ones have days other than those of the first (copies of a story mostly have the same)."""

    __slots__ = ("common", "dated", "mixed", "undated")

    def __init__(self) -> None:
        self.dated: list[_Reported[F]] = []
        self.undated: list[_Reported[F]] = []
        self.common: Window | None = None
        self.mixed = False

    def add(self, report: _Reported[F]) -> None:
        days = report[1]
        if days is None:
            self.undated.append(report)
            return
        self.dated.append(report)
        common = self.common
        if common is None:
            self.common = days
        elif days is not common and (days.first != common.first or days.last != common.last):
            self.mixed = True

    def groups(self) -> list[list[_Reported[F]]]:
        """The reports grouped by overlapping days (those without any days together), each
        group in report order."""
        if not self.mixed:  # one span of days, or none: every dated report overlaps the others
            return [group for group in (self.dated, self.undated) if group]
        dated = sorted(self.dated, key=lambda r: (r[1].first, r[1].last, r[0]))  # type: ignore[union-attr]
        groups: list[list[_Reported[F]]] = []
        last = dt.date.min
        for report in dated:
            assert report[1] is not None
            if groups and report[1].first <= last:
                groups[-1].append(report)
                last = max(last, report[1].last)
            else:
                groups.append([report])
                last = report[1].last
        for group in groups:
            group.sort(key=lambda r: r[0])
        if self.undated:
            groups.append(self.undated)
        return groups


def merge_facts(
    results: Sequence[ExtractionResult], remap: Remap
) -> tuple[tuple[Statement, ...], tuple[Agreement, ...], FactIds]:
    """The statements and agreements of the results (taken in the order given), remapped to
    corpus officials, each reported twice or more made one with the evidence of every
    report; and the corpus id of each report's scoped id."""
    published = {r.article.id: r.article.published for r in results}
    said: dict[tuple[str, str], _Block[Statement]] = {}
    agreed: dict[tuple[tuple[str, ...], str], _Block[Agreement]] = {}
    keys: dict[str, str] = {}  # the words of each text (copies of a story share them)
    ids = FactIds()
    number = 0
    for result in results:
        article = result.article.id
        own = _days_before(result.article.published)
        names = remap.get(article, NO_NAMES)
        table = ids.article(article)
        for s in result.statements:
            speaker = names.get(s.speaker, s.speaker)
            addressee = names.get(s.addressee, s.addressee) if s.addressee else None
            fact_id = scoped(article, s.id)
            if (fact_id, speaker, addressee) != (s.id, s.speaker, s.addressee):
                s = evolve(s, id=fact_id, speaker=speaker, addressee=addressee)
            source = _source(article, s.evidence)
            found = _fact_window(s.date, s.evidence, own, source, published)
            words = keys.get(s.text)
            if words is None:
                words = keys[s.text] = words_key(s.text)
            block = said.get((speaker, words))
            if block is None:
                block = said[(speaker, words)] = _Block()
            block.add((number, found, s, source))
            ids.add(table, fact_id)
            number += 1
        for a in result.agreements:
            signatories = tuple(names.get(p, p) for p in a.signatories)
            fact_id = scoped(article, a.id)
            if fact_id != a.id or signatories != a.signatories:
                a = evolve(a, id=fact_id, signatories=signatories)
            source = _source(article, a.evidence)
            found = _fact_window(a.date, a.evidence, own, source, published)
            words = keys.get(a.text)
            if words is None:
                words = keys[a.text] = words_key(a.text)
            key = (tuple(sorted(set(a.parties))), words)
            deal = agreed.get(key)
            if deal is None:
                deal = agreed[key] = _Block()
            deal.add((number, found, a, source))
            ids.add(table, fact_id)
            number += 1
    statements, told = _one_per_fact(said.values(), _statement, ids)
    agreements, signed = _one_per_fact(agreed.values(), _agreement, ids)
    ids.settle((n, fact.id) for groups in (told, signed) for g in groups for n, _, fact, _ in g)
    return statements, agreements, ids


def _one_per_fact(
    blocks: Iterable[_Block[F]],
    merge: Callable[[list[_Reported[F]], str, FactIds], F],
    ids: FactIds,
) -> tuple[tuple[F, ...], list[list[_Reported[F]]]]:
    """One fact per group of reports, in the order of their first reports, ids made unique
    by a numbered suffix where two collide; ``ids`` gets each report's corpus id."""
    groups = sorted(
        (group for block in blocks for group in block.groups()),
        key=lambda g: g[0][0],
    )
    seen: set[str] = set()
    suffixes: dict[str, int] = {}
    unique = []
    for group in groups:
        fact = group[0][2]
        found = free_id(fact.id, seen, suffixes)
        seen.add(found)
        if len(group) > 1:
            fact = merge(group, found, ids)  # with the id found, and each report's in ids
        else:
            ids.found(group[0][0], found)
            if found != fact.id:
                fact = evolve(fact, id=found)
        unique.append(fact)
    return tuple(unique), groups


_PRECISION: Final = {"day": 0, "month": 1, "year": 2}


class _Evidence:
    """The union of the reports' evidence, in their order. Reports of distinct articles,
    each with evidence of its own article only (copies of a story), share no span: their
    spans are joined without hashing each (which would read every span again)."""

    __slots__ = ("articles", "mixed", "spans")

    def __init__(self) -> None:
        self.articles: set[str] = set()
        self.spans: list[Span] = []
        self.mixed = False

    def add(self, evidence: tuple[Span, ...], source: str | None) -> None:
        if self.mixed:
            return
        if source is None or source in self.articles:
            self.mixed = True
            return
        self.articles.add(source)
        self.spans.extend(evidence if len(evidence) < 2 else dict.fromkeys(evidence))

    def union(self, reports: Iterable[tuple[Span, ...]]) -> tuple[Span, ...]:
        if self.mixed:
            return tuple(dict.fromkeys(span for spans in reports for span in spans))
        return tuple(self.spans)


def _statement(group: list[_Reported[Statement]], found: str, ids: FactIds) -> Statement:
    """The reports of one statement as one, with id ``found``; each report's id in ``ids``.
    One pass over the reports, each read once (a story copied 10,000 times is 10,000)."""
    first = group[0][2]
    quoted = False
    verb = channel = addressee = None
    date: PartialDate | None = None
    precision = 3
    topics: dict[str, None] = {}
    evidence = _Evidence()
    for n, _, r, source in group:
        ids.found(n, found)
        if r.mode == "quoted":
            quoted = True
        verb = verb or r.verb or None
        channel = channel or r.channel or None
        addressee = addressee or r.addressee or None
        date, precision = _finer(date, precision, r.date)
        if r.topics:
            topics.update(dict.fromkeys(r.topics))
        evidence.add(r.evidence, source)
    return evolve(
        first,
        id=found,
        mode="quoted" if quoted else first.mode,
        verb=verb,
        channel=channel,
        addressee=addressee,
        date=date,
        topics=tuple(topics),
        evidence=evidence.union(r.evidence for _, _, r, _ in group),
    )


def _finer(
    date: PartialDate | None, precision: int, other: PartialDate | None
) -> tuple[PartialDate | None, int]:
    """The finer of a merged fact's date so far (with its rank: 0 a day) and a report's."""
    if other is None or not precision:
        return date, precision
    rank = _PRECISION.get(other.precision, 3)
    return (other, rank) if date is None or rank < precision else (date, precision)


def _agreement(group: list[_Reported[Agreement]], found: str, ids: FactIds) -> Agreement:
    """The reports of one agreement as one, as :func:`_statement`."""
    first = group[0][2]
    verb = None
    signatories: dict[str, None] = {}
    date: PartialDate | None = None
    precision = 3
    topics: dict[str, None] = {}
    evidence = _Evidence()
    for n, _, r, source in group:
        ids.found(n, found)
        verb = verb or r.verb or None
        if r.signatories:
            signatories.update(dict.fromkeys(r.signatories))
        date, precision = _finer(date, precision, r.date)
        if r.topics:
            topics.update(dict.fromkeys(r.topics))
        evidence.add(r.evidence, source)
    return evolve(
        first,
        id=found,
        verb=verb,
        signatories=tuple(signatories),
        date=date,
        topics=tuple(topics),
        evidence=evidence.union(r.evidence for _, _, r, _ in group),
    )


def combined(reports: list[R]) -> R:
    """The first report with what the others add: the items of their tuples that it lacks
    (evidence, statements...) and the values they have where it has none. Each field is
    combined once over all reports, so that a fact reported n times costs n, not n squared."""
    first = reports[0]
    if len(reports) == 1:
        return first
    changes: dict[str, Any] = {}
    for attribute in attrs.fields(type(first)):  # type: ignore[arg-type]
        mine = getattr(first, attribute.name)
        values = [getattr(r, attribute.name) for r in reports]
        if isinstance(mine, tuple):
            union = tuple(dict.fromkeys(item for value in values for item in value))
            if union != mine:
                changes[attribute.name] = union
        elif mine is None:
            found = next((v for v in values if v is not None), None)
            if found is not None:
                changes[attribute.name] = found
    return attrs.evolve(first, **changes) if changes else first  # type: ignore[misc]


def merged_reports(records: Iterable[R], same: Callable[[R], Hashable]) -> list[R]:
    """One record per key of ``same``, in the order of their first reports, each combining
    every report."""
    reports: dict[Hashable, list[R]] = {}
    for record in records:
        reports.setdefault(same(record), []).append(record)
    return [combined(group) for group in reports.values()]
