"""One visit per real trip, one statement or agreement per real one: the reports of one trip,
statement or agreement, from several articles, become one, with the evidence of each.

Visits of one visitor to one country merge when their dates are compatible: they overlap, or
one known only to the month or year contains the other. A current visit with no date of its
own is dated by its article (the days before publication), a planned one by the weeks after.
The most precise dates win; two different exact dates are kept as a recorded conflict.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import Final, TypeVar

from attrs import define, evolve, field, frozen

from bilateral.corpus.identity import free_id
from bilateral.model import (
    Agreement,
    Conflict,
    ExtractionResult,
    Meeting,
    PartialDate,
    Span,
    Statement,
    Visit,
)

CURRENT_WINDOW_DAYS = 10
PLANNED_WINDOW_DAYS = 60
_STATUS_ORDER = {"current": 0, "past": 1, "planned": 2}
T = TypeVar("T")
H = TypeVar("H", bound=Hashable)
MERGED = "(corpus)"  # the article id under which an existing corpus is merged again


@frozen
class Window:
    first: dt.date
    last: dt.date

    def overlaps(self, other: Window) -> bool:
        return self.first <= other.last and other.first <= self.last


def window(visit: Visit, published: PartialDate | None) -> Window | None:
    """The days a visit may have taken, from its dates or its article's date."""
    known = [d for d in (visit.start, visit.end, *visit.dates) if d]
    if known:
        last = max(d.last_day() for d in known)
        if visit.start and visit.start.precision == "day" and visit.days:
            last = max(last, visit.start.first_day() + dt.timedelta(days=visit.days - 1))
        return Window(min(d.first_day() for d in known), last)
    day = published.as_date() if published else None
    if day is None:
        return None
    if visit.status == "current":
        return Window(day - dt.timedelta(days=CURRENT_WINDOW_DAYS), day)
    if visit.status == "planned":
        return Window(day, day + dt.timedelta(days=PLANNED_WINDOW_DAYS))
    return None


@frozen
class _Report:
    visit: Visit  # as its article gives it
    article: str
    window: Window | None
    visitor: str  # the corpus official


def merge_visits(
    results: Iterable[ExtractionResult],
    remap: dict[tuple[str, str], str],
    facts: Mapping[str, str] | None = None,
) -> list[Visit]:
    """All visits of the results, remapped to corpus officials (and, by ``facts``, to corpus
    statements and agreements) and merged per trip, ordered by date; ids are ``visit-1``,
    ``visit-2``... in that order."""
    groups: dict[tuple[str, str], list[_Report]] = {}
    for result in results:
        article = result.article.id
        for visit in result.visits:
            visitor = remap.get((article, visit.visitor), visit.visitor)
            report = _Report(visit, article, window(visit, result.article.published), visitor)
            groups.setdefault((visitor, visit.destination), []).append(report)
    trips = [trip for reports in groups.values() for trip in _trips(reports)]
    trips.sort(
        key=lambda t: (
            _order(t.span),
            t.reports[0].visitor,
            t.reports[0].visit.destination,
            t.reports[0].visit.id,
        )
    )
    known = facts or {}
    return [
        _merged(trip.reports, f"visit-{n}", remap, known) for n, trip in enumerate(trips, start=1)
    ]


def _order(found: Window | None) -> tuple[dt.date, dt.date]:
    return (found.first, found.last) if found else (dt.date.max, dt.date.max)


@define
class _Trip:
    """The reports of one trip, with the span of their windows and, for each exact start day
    reported, the latest first and earliest last day of the windows that report it."""

    reports: list[_Report]
    span: Window | None
    starts: dict[dt.date, tuple[dt.date, dt.date]] = field(factory=dict)

    def add(self, report: _Report) -> None:
        self.reports.append(report)
        found = report.window
        if found is None:
            return
        if self.span is None:
            self.span = found
        elif not (self.span.first <= found.first and found.last <= self.span.last):
            self.span = Window(min(self.span.first, found.first), max(self.span.last, found.last))
        day = _exact_start(report)
        if day is not None:
            first, last = self.starts.get(day, (found.first, found.last))
            self.starts[day] = (max(first, found.first), min(last, found.last))

    def compatible(self, report: _Report) -> bool:
        """Two exact start days more than three days apart are two trips, unless the window
        of the one reporting the other day holds this report's window."""
        day = _exact_start(report)
        if day is None:
            return True
        assert report.window is not None
        return all(
            theirs == day
            or abs((day - theirs).days) <= 3
            or (first <= report.window.first and report.window.last <= last)
            for theirs, (first, last) in self.starts.items()
        )


def _exact_start(report: _Report) -> dt.date | None:
    start = report.visit.start
    return start.first_day() if start and start.precision == "day" else None


def _trips(reports: list[_Report]) -> list[_Trip]:
    """Reports of one visitor and destination grouped by overlapping dates; a report
    without any date stands alone."""
    dated = sorted((r for r in reports if r.window), key=lambda r: (r.window.first, r.window.last))  # type: ignore[union-attr]
    trips: list[_Trip] = []
    for report in dated:
        assert report.window is not None
        last = trips[-1] if trips else None
        if last and last.span and last.span.overlaps(report.window) and last.compatible(report):
            last.add(report)
        else:
            trips.append(_Trip([], None))
            trips[-1].add(report)
    trips.extend(_Trip([r], None) for r in reports if r.window is None)
    return trips


@frozen
class _Refs:
    """What a report of a visit names, as the corpus names it: officials and facts."""

    visitor: str
    delegation: tuple[str, ...]
    inviter: str | None
    meetings: tuple[Meeting, ...]
    statements: tuple[str, ...]
    agreements: tuple[str, ...]


def _refs(
    visit: Visit, article: str, remap: Mapping[tuple[str, str], str], facts: Mapping[str, str]
) -> _Refs:
    def ref(official: str) -> str:
        return remap.get((article, official), official)

    def fact(fact_id: str) -> str:
        found = scoped(article, fact_id)
        return facts.get(found, found)

    def meeting(found: Meeting) -> Meeting:
        participants = tuple(ref(p) for p in found.participants)
        return (
            found
            if participants == found.participants
            else evolve(found, participants=participants)
        )

    return _Refs(
        visitor=ref(visit.visitor),
        delegation=tuple(ref(p) for p in visit.delegation),
        inviter=ref(visit.inviter) if visit.inviter else None,
        meetings=tuple(meeting(m) for m in visit.meetings),
        statements=_union([map(fact, visit.statements)]),
        agreements=_union([map(fact, visit.agreements)]),
    )


def _merged(
    trip: Sequence[_Report],
    visit_id: str,
    remap: Mapping[tuple[str, str], str],
    facts: Mapping[str, str],
) -> Visit:
    """One visit of a trip's reports, with the given id."""
    refs = [_refs(r.visit, r.article, remap, facts) for r in trip]
    if len(trip) == 1:
        found = refs[0]
        return evolve(
            trip[0].visit,
            id=visit_id,
            visitor=found.visitor,
            delegation=found.delegation,
            inviter=found.inviter,
            meetings=found.meetings,
            statements=found.statements,
            agreements=found.agreements,
        )
    visits = [r.visit for r in trip]
    conflicts: list[Conflict] = []
    start = _best(trip, "start", conflicts)
    end = _best(trip, "end", conflicts)
    if start and end and end.last_day() < start.first_day():
        end = None
    days = _agreed([(r.visit.days, r.article) for r in trip], "days", conflicts)
    first = min(visits, key=lambda v: _STATUS_ORDER[v.status])
    return Visit(
        id=visit_id,
        visitor=refs[0].visitor,
        origin=next((v.origin for v in visits if v.origin), None),
        destination=visits[0].destination,
        places=_union(v.places for v in visits),
        start=start,
        end=end,
        dates=tuple(sorted(set(d for v in visits for d in v.dates), key=PartialDate.sort_key)),
        days=days,
        status=first.status,
        delegation=_union(r.delegation for r in refs),
        inviter=next((r.inviter for r in refs if r.inviter), None),
        meetings=_meetings(r.meetings for r in refs),
        statements=_union(r.statements for r in refs),
        agreements=_union(r.agreements for r in refs),
        topics=_union(v.topics for v in visits),
        conflicts=tuple(conflicts),
        evidence=tuple(span for v in visits for span in v.evidence),
    )


def _best(trip: Sequence[_Report], name: str, conflicts: list[Conflict]) -> PartialDate | None:
    """The most precise value; different exact days are a conflict (the most reported wins)."""
    values: list[tuple[PartialDate, str]] = [
        (getattr(r.visit, name), r.article) for r in trip if getattr(r.visit, name)
    ]
    if not values:
        return None
    precise = [v for v in values if v[0].precision == "day"]
    if precise:
        return _agreed(precise, name, conflicts)
    return max((v[0] for v in values), key=lambda d: (d.precision == "month", d.sort_key()))


def _agreed(
    values: Sequence[tuple[T | None, str]], name: str, conflicts: list[Conflict]
) -> T | None:
    known = [(v, a) for v, a in values if v is not None]
    if not known:
        return None
    counts = Counter(str(v) for v, _ in known)
    if len(counts) > 1:
        conflicts.append(
            Conflict(name, tuple(str(v) for v, _ in known), tuple(a for _, a in known))
        )
    first: dict[str, T] = {}
    for v, _ in known:
        first.setdefault(str(v), v)
    order = {text: n for n, text in enumerate(first)}
    return first[max(counts, key=lambda text: (counts[text], -order[text]))]


def _union(groups: Iterable[Iterable[H]]) -> tuple[H, ...]:
    return tuple(dict.fromkeys(item for group in groups for item in group))


def _meetings(reports: Iterable[tuple[Meeting, ...]]) -> tuple[Meeting, ...]:
    seen: dict[tuple[frozenset[str], str, str], Meeting] = {}
    kinds: set[tuple[frozenset[str], str]] = set()  # participants and status of those seen
    for meetings in reports:
        for meeting in meetings:
            key = (frozenset(meeting.participants), str(meeting.date or ""), meeting.status)
            undated = (frozenset(meeting.participants), "", meeting.status)
            if key in seen or (meeting.date is None and (key[0], key[2]) in kinds):
                continue
            kinds.add((key[0], key[2]))
            if meeting.date is not None and undated in seen:
                del seen[undated]
            seen[key] = meeting
    return tuple(seen.values())


def scoped(article: str, fact_id: str) -> str:
    """A fact id that names its article ("seed-000/statement-1")."""
    if article == MERGED or fact_id.startswith(f"{article}/"):
        return fact_id
    return f"{article}/{fact_id}"


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
    article: str,
    published: Mapping[str, PartialDate | None],
) -> Window | None:
    """The days a fact may be of: its date, else the days up to the publication of its
    article (``own``), or of those of its evidence (a fact of a corpus merged before is
    reported by several)."""
    if date is not None:
        return Window(date.first_day(), date.last_day())
    if all(span.article_id == article for span in evidence):
        return own
    days = [_days_before(published.get(a)) for a in {span.article_id for span in evidence}]
    known = [d for d in days if d is not None]
    if not known:
        return None
    return Window(min(d.first for d in known), max(d.last for d in known))


def _grouped(reports: list[tuple[int, Window | None, F]]) -> list[list[tuple[int, F]]]:
    """Reports of one block grouped by overlapping days (those without any days together),
    each group in report order."""
    if len(reports) == 1:
        return [[(reports[0][0], reports[0][2])]]
    dated = sorted(
        ((w.first, w.last, n, fact) for n, w, fact in reports if w is not None),
        key=lambda r: (r[0], r[1], r[2]),
    )
    groups: list[list[tuple[int, F]]] = []
    last = dt.date.min
    for first, end, n, fact in dated:
        if groups and first <= last:
            groups[-1].append((n, fact))
            last = max(last, end)
        else:
            groups.append([(n, fact)])
            last = end
    undated = [(n, fact) for n, w, fact in reports if w is None]
    if undated:
        groups.append(undated)
    for group in groups:
        group.sort(key=lambda r: r[0])
    return groups


def merge_facts(
    results: Sequence[ExtractionResult], remap: Mapping[tuple[str, str], str]
) -> tuple[tuple[Statement, ...], tuple[Agreement, ...], dict[str, str]]:
    """The statements and agreements of the results (taken in the order given), remapped to
    corpus officials, each reported twice or more made one with the evidence of every
    report; and the corpus id of each report's scoped id."""
    published = {r.article.id: r.article.published for r in results}
    said: dict[tuple[str, str], list[tuple[int, Window | None, Statement]]] = {}
    agreed: dict[tuple[tuple[str, ...], str], list[tuple[int, Window | None, Agreement]]] = {}
    keys: dict[str, str] = {}  # the words of each text (copies of a story share them)
    number = 0
    for result in results:
        article = result.article.id
        own = _days_before(result.article.published)
        for s in result.statements:
            speaker = remap.get((article, s.speaker), s.speaker)
            addressee = remap.get((article, s.addressee), s.addressee) if s.addressee else None
            fact_id = scoped(article, s.id)
            if (fact_id, speaker, addressee) != (s.id, s.speaker, s.addressee):
                s = evolve(s, id=fact_id, speaker=speaker, addressee=addressee)
            found = _fact_window(s.date, s.evidence, own, article, published)
            words = keys.get(s.text)
            if words is None:
                words = keys[s.text] = words_key(s.text)
            said.setdefault((speaker, words), []).append((number, found, s))
            number += 1
        for a in result.agreements:
            signatories = tuple(remap.get((article, p), p) for p in a.signatories)
            fact_id = scoped(article, a.id)
            if fact_id != a.id or signatories != a.signatories:
                a = evolve(a, id=fact_id, signatories=signatories)
            found = _fact_window(a.date, a.evidence, own, article, published)
            words = keys.get(a.text)
            if words is None:
                words = keys[a.text] = words_key(a.text)
            key = (tuple(sorted(set(a.parties))), words)
            agreed.setdefault(key, []).append((number, found, a))
            number += 1
    ids: dict[str, str] = {}
    statements = _one_per_fact(said.values(), _statement, ids)
    agreements = _one_per_fact(agreed.values(), _agreement, ids)
    return statements, agreements, ids


def _one_per_fact(
    blocks: Iterable[list[tuple[int, Window | None, F]]],
    merge: Callable[[list[F]], F],
    ids: dict[str, str],
) -> tuple[F, ...]:
    """One fact per group of reports, in the order of their first reports, ids made unique
    by a numbered suffix where two collide; ``ids`` gets each report's corpus id."""
    groups = sorted(
        (group for reports in blocks for group in _grouped(reports)),
        key=lambda g: g[0][0],
    )
    seen: set[str] = set()
    suffixes: dict[str, int] = {}
    unique = []
    for group in groups:
        facts = [fact for _, fact in group]
        fact = facts[0] if len(facts) == 1 else merge(facts)
        found = free_id(fact.id, seen, suffixes)
        seen.add(found)
        if found != fact.id:
            fact = evolve(fact, id=found)
        for report in facts:
            ids.setdefault(report.id, found)
        unique.append(fact)
    return tuple(unique)


def _precise(dates: Iterable[PartialDate | None]) -> PartialDate | None:
    """The most precise of the dates given (the first of those as precise)."""
    order = {"day": 0, "month": 1, "year": 2}
    known = [d for d in dates if d is not None]
    return min(known, key=lambda d: order.get(d.precision, 3)) if known else None


def _statement(reports: list[Statement]) -> Statement:
    first = reports[0]
    return evolve(
        first,
        mode="quoted" if any(r.mode == "quoted" for r in reports) else first.mode,
        verb=next((r.verb for r in reports if r.verb), None),
        channel=next((r.channel for r in reports if r.channel), None),
        addressee=next((r.addressee for r in reports if r.addressee), None),
        date=_precise(r.date for r in reports),
        topics=_union(r.topics for r in reports),
        evidence=_union(r.evidence for r in reports),
    )


def _agreement(reports: list[Agreement]) -> Agreement:
    first = reports[0]
    return evolve(
        first,
        verb=next((r.verb for r in reports if r.verb), None),
        signatories=_union(r.signatories for r in reports),
        date=_precise(r.date for r in reports),
        topics=_union(r.topics for r in reports),
        evidence=_union(r.evidence for r in reports),
    )
