"""One visit per real trip: the reports of one trip from several articles become one, with
the evidence of each.

Visits of one visitor to one country merge when their dates are compatible: they overlap, or
one known only to the month or year contains the other. A current visit with no date of its
own is dated by its article (the days before publication), a planned one by the weeks after.
The most precise dates win; two different exact dates are kept as a recorded conflict.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import TypeVar

from attrs import define, evolve, field, frozen

from bilateral.corpus.identity import NO_NAMES, Remap
from bilateral.model import (
    Conflict,
    ExtractionResult,
    Meeting,
    PartialDate,
    Span,
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


class FactIds:
    """The corpus id of each statement and agreement reported, by its article and scoped id
    ("seed-000/statement-1"), for the visits and calls that name it.

    Each report is given a number (:meth:`add`), and its corpus id is kept by number
    (:meth:`found`): a list slot, not a table of every report of every article that the
    merge would look up at random. Its number is looked up in its article's table. When ids
    of two articles may be alike (an article's id with a "/", one of a corpus merged again,
    an id twice in an article), all are kept in one table instead, as the first report of
    each id gives it, so that either way each id finds what one table of all would give."""

    __slots__ = ("by_article", "exact", "flat", "numbers")

    def __init__(self) -> None:
        self.by_article: dict[str, dict[str, int]] = {}
        self.numbers: list[str] = []
        self.exact = True
        self.flat: dict[str, str] | None = None

    def article(self, article: str) -> dict[str, int]:
        """The table of an article's ids, to :meth:`add` its reports to."""
        if article == MERGED or "/" in article:
            self.exact = False
        found = self.by_article.get(article)
        if found is None:
            found = self.by_article[article] = {}
        return found

    def add(self, table: dict[str, int], fact_id: str) -> None:
        """The next report, of this scoped id (numbered in the order added)."""
        if fact_id in table:
            self.exact = False
        else:
            table[fact_id] = len(self.numbers)
        self.numbers.append(fact_id)

    def found(self, number: int, corpus_id: str) -> None:
        self.numbers[number] = corpus_id

    def settle(self, reports: Iterable[tuple[int, str]]) -> None:
        """When ids may be alike: the one table, from every (number, scoped id) in the order
        the facts were merged."""
        if not self.exact:
            flat: dict[str, str] = {}
            for number, fact_id in reports:
                flat.setdefault(fact_id, self.numbers[number])
            self.flat = flat

    def get(self, article: str, fact_id: str) -> str:
        """The corpus id of a fact named in an article (its id scoped), or that id."""
        if self.flat is not None:
            return self.flat.get(fact_id, fact_id)
        table = self.by_article.get(article)
        number = table.get(fact_id) if table is not None else None
        return fact_id if number is None else self.numbers[number]


NO_FACTS = FactIds()


@frozen
class _Report:
    visit: Visit  # as its article gives it
    article: str
    window: Window | None
    visitor: str  # the corpus official
    names: Mapping[str, str]  # the corpus ids of its article's officials


def merge_visits(
    results: Iterable[ExtractionResult],
    remap: Remap,
    facts: FactIds = NO_FACTS,
) -> list[Visit]:
    """All visits of the results, remapped to corpus officials (and, by ``facts``, to corpus
    statements and agreements) and merged per trip, ordered by date; ids are ``visit-1``,
    ``visit-2``... in that order."""
    groups: dict[tuple[str, str], list[_Report]] = {}
    for result in results:
        article = result.article.id
        names = remap.get(article, NO_NAMES)
        for visit in result.visits:
            visitor = names.get(visit.visitor, visit.visitor)
            report = _Report(
                visit, article, window(visit, result.article.published), visitor, names
            )
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
    return [_merged(trip.reports, f"visit-{n}", facts) for n, trip in enumerate(trips, start=1)]


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


def _refs(visit: Visit, article: str, names: Mapping[str, str], facts: FactIds) -> _Refs:
    def ref(official: str) -> str:
        return names.get(official, official)

    def fact(fact_id: str) -> str:
        found = scoped(article, fact_id)
        return facts.get(article, found)

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
    facts: FactIds,
) -> Visit:
    """One visit of a trip's reports, with the given id. The reports are read in one pass,
    each once: those of a trip copied by thousands of articles lie all over memory."""
    if len(trip) == 1:
        found = _refs(trip[0].visit, trip[0].article, trip[0].names, facts)
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
    starts, ends = _Dates(), _Dates()
    days: list[tuple[str, int, str]] = []
    status, rank = trip[0].visit.status, len(_STATUS_ORDER)
    origin: str | None = None
    inviter: str | None = None
    places: dict[str, None] = {}
    dates: set[PartialDate] = set()
    delegation: dict[str, None] = {}
    meetings = _Meetings()
    statements: dict[str, None] = {}
    agreements: dict[str, None] = {}
    topics: dict[str, None] = {}
    evidence: list[Span] = []
    for report in trip:
        visit, article, names = report.visit, report.article, report.names
        starts.add(visit.start, article)
        ends.add(visit.end, article)
        if visit.days is not None:
            days.append((str(visit.days), visit.days, article))
        if _STATUS_ORDER[visit.status] < rank:
            status, rank = visit.status, _STATUS_ORDER[visit.status]
        origin = origin or visit.origin or None
        if visit.places:
            places.update(dict.fromkeys(visit.places))
        if visit.dates:
            dates.update(visit.dates)
        for official in visit.delegation:
            delegation[names.get(official, official)] = None
        if inviter is None and visit.inviter:
            inviter = names.get(visit.inviter, visit.inviter)
        for meeting in visit.meetings:
            participants = tuple(names.get(p, p) for p in meeting.participants)
            if participants != meeting.participants:
                meeting = evolve(meeting, participants=participants)
            meetings.add(meeting)
        for fact_id in visit.statements:
            fact_id = scoped(article, fact_id)
            statements[facts.get(article, fact_id)] = None
        for fact_id in visit.agreements:
            fact_id = scoped(article, fact_id)
            agreements[facts.get(article, fact_id)] = None
        if visit.topics:
            topics.update(dict.fromkeys(visit.topics))
        evidence.extend(visit.evidence)
    conflicts: list[Conflict] = []
    start = starts.best("start", conflicts)
    end = ends.best("end", conflicts)
    if start and end and end.last_day() < start.first_day():
        end = None
    return Visit(
        id=visit_id,
        visitor=trip[0].visitor,
        origin=origin,
        destination=trip[0].visit.destination,
        places=tuple(places),
        start=start,
        end=end,
        dates=tuple(sorted(dates, key=PartialDate.sort_key)),
        days=_agreed(days, "days", conflicts),
        status=status,
        delegation=tuple(delegation),
        inviter=inviter,
        meetings=meetings.found(),
        statements=tuple(statements),
        agreements=tuple(agreements),
        topics=tuple(topics),
        conflicts=tuple(conflicts),
        evidence=tuple(evidence),
    )


class _Dates:
    """The start (or end) dates of a trip's reports: exact days, with their text and article,
    and the others."""

    __slots__ = ("days", "others")

    def __init__(self) -> None:
        self.days: list[tuple[str, PartialDate, str]] = []
        self.others: list[PartialDate] = []

    def add(self, date: PartialDate | None, article: str) -> None:
        if date is None:
            return
        if date.day is not None:
            self.days.append((date.iso(), date, article))
        else:
            self.others.append(date)

    def best(self, name: str, conflicts: list[Conflict]) -> PartialDate | None:
        """The most precise date; different exact days are a conflict (the most reported
        wins)."""
        if self.days:
            return _agreed(self.days, name, conflicts)
        if not self.others:
            return None
        return max(self.others, key=lambda d: (d.month is not None, d.sort_key()))


def _agreed(known: Sequence[tuple[str, T, str]], name: str, conflicts: list[Conflict]) -> T | None:
    """The value most reported (the first of those as often), from (text, value, article)
    of each report; values of different texts are a conflict."""
    if not known:
        return None
    counts: dict[str, int] = {}
    first: dict[str, T] = {}
    for text, value, _ in known:
        if text in counts:
            counts[text] += 1
        else:
            counts[text] = 1
            first[text] = value
    if len(counts) > 1:
        conflicts.append(
            Conflict(name, tuple(text for text, _, _ in known), tuple(a for _, _, a in known))
        )
    return first[max(counts, key=counts.__getitem__)]  # the first of the most counted


def union(groups: Iterable[Iterable[H]]) -> tuple[H, ...]:
    return tuple(dict.fromkeys(item for group in groups for item in group))


class _Meetings:
    """The meetings of a trip's reports, one per participants, date and status; an undated
    one gives way to a dated one of the same participants and status."""

    __slots__ = ("kinds", "seen")

    def __init__(self) -> None:
        self.seen: dict[tuple[frozenset[str], str, str], Meeting] = {}
        self.kinds: set[tuple[frozenset[str], str]] = set()  # participants and status seen

    def add(self, meeting: Meeting) -> None:
        who = frozenset(meeting.participants)
        key = (who, str(meeting.date or ""), meeting.status)
        if key in self.seen or (meeting.date is None and (who, meeting.status) in self.kinds):
            return
        self.kinds.add((who, meeting.status))
        undated = (who, "", meeting.status)
        if meeting.date is not None and undated in self.seen:
            del self.seen[undated]
        self.seen[key] = meeting

    def found(self) -> tuple[Meeting, ...]:
        return tuple(self.seen.values())


def scoped(article: str, fact_id: str) -> str:
    """A fact id that names its article ("seed-000/statement-1")."""
    if article == MERGED or fact_id.startswith(f"{article}/"):
        return fact_id
    return f"{article}/{fact_id}"
