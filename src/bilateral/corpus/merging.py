"""One visit per real trip: the reports of one trip from several articles become one, with
the evidence of each.

Visits of one visitor to one country merge when their dates are compatible: they overlap, or
one known only to the month or year contains the other. A current visit with no date of its
own is dated by its article (the days before publication), a planned one by the weeks after.
The most precise dates win; two different exact dates are kept as a recorded conflict.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import TypeVar

from attrs import define, evolve, field, frozen

from bilateral.model import (
    Conflict,
    ExtractionResult,
    Meeting,
    PartialDate,
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
        statements=union([map(fact, visit.statements)]),
        agreements=union([map(fact, visit.agreements)]),
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
        places=union(v.places for v in visits),
        start=start,
        end=end,
        dates=tuple(sorted(set(d for v in visits for d in v.dates), key=PartialDate.sort_key)),
        days=days,
        status=first.status,
        delegation=union(r.delegation for r in refs),
        inviter=next((r.inviter for r in refs if r.inviter), None),
        meetings=_meetings(r.meetings for r in refs),
        statements=union(r.statements for r in refs),
        agreements=union(r.agreements for r in refs),
        topics=union(v.topics for v in visits),
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


def union(groups: Iterable[Iterable[H]]) -> tuple[H, ...]:
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
