"""Visits: who travelled from which country to which, when, where, and whom they met."""

from __future__ import annotations

import datetime as dt
from typing import Final

import attr

from bilateral.facts.meetings import FoundMeeting
from bilateral.facts.visit_triggers import (
    CLAUSE_BREAK,
    Trigger,
    explicit_triggers,
    meeting_triggers,
)
from bilateral.mentions.context import Mentions, without_quotes
from bilateral.mentions.dates import DateMention, is_future
from bilateral.model import PartialDate, Span
from bilateral.model.records import VisitStatus
from bilateral.text.words import SentenceText, index_words

RECENT_DAYS: Final = 10


@attr.s(auto_attribs=True, slots=True, eq=False)
class FoundVisit:
    visitor: str
    destination: str
    status: VisitStatus
    evidence: list[Span] = attr.ib(factory=list)
    sentences: set[int] = attr.ib(factory=set)
    places: list[str] = attr.ib(factory=list)
    start: PartialDate | None = None
    end: PartialDate | None = None
    dates: list[PartialDate] = attr.ib(factory=list)
    days: int | None = None
    delegation: list[str] = attr.ib(factory=list)
    inviter: str | None = None
    meetings: list[FoundMeeting] = attr.ib(factory=list)
    ordinals: list[tuple[int, PartialDate | None]] = attr.ib(factory=list)


def find_visits(ctx: Mentions, meetings: list[FoundMeeting]) -> list[FoundVisit]:
    triggers: list[Trigger] = []
    for index in range(len(ctx.sentences)):
        found = explicit_triggers(ctx, index)
        if ctx.is_remote(index):  # a call is no visit, but the trip it names is one
            found = [t for t in found if t.kind in ("visit", "invitation") and t.destination]
        triggers.extend(found)
    explicit = {
        t.visitor for t in triggers
        if t.destination and t.destination != ctx.country(t.visitor)
        and not ctx.is_remote(t.sentence)  # a trip named on a call leaves the dateline's
    }  # fmt: skip
    told = {t.sentence for t in triggers if t.destination}
    triggers.extend(meeting_triggers(ctx, meetings, explicit, told))
    visits = _grouped(ctx, triggers)
    _place_bare(ctx, triggers, visits, meetings)
    _delegations(ctx, visits)
    for visit in visits:
        _attach_meetings(ctx, visit, meetings, visits)
        _settle_dates(ctx, visit)
    return [v for v in visits if v.destination]


_OWN_DATE_REACH: Final = 30  # characters from a visit's words to a date of its own


# --- grouping -------------------------------------------------------------------------
def _status(ctx: Mentions, trigger: Trigger) -> VisitStatus:
    """planned, past or current, from the dates and tense of the trigger's sentence; words
    inside quotation marks are someone's speech and do not date the visit."""
    if trigger.kind in ("invitation", "scheduled"):
        return "planned"
    sentence = ctx.sentences[trigger.sentence]
    text = without_quotes(sentence.text)
    day = ctx.day
    reference = ctx.phrases.any_word("visits", "reference")
    mentions = [
        d
        for d in ctx.dates[trigger.sentence]
        if d.value is not None
        and d.kind != "visit-day"
        and not text[d.start - sentence.start : d.end - sentence.start].isspace()
        and not reference.search(text, trigger.end - sentence.start, d.start - sentence.start)
    ]
    # a date right after the words of the visit is its own ("Carney's visit to Mexico City in
    # September"), whatever other date the sentence has
    own = _own_dates(ctx, trigger)
    dates = [d.value for d in (own if own else mentions) if d.value is not None]
    if day and dates:
        value = min(dates, key=lambda d: abs((d.first_day() - day).days))
        if value.first_day() > day:
            return "planned"
        recent = dt.timedelta(days=RECENT_DAYS if value.precision == "day" else 0)
        if value.last_day() < day - recent:  # a month that is over, a day of last week
            return "past"
    if ctx.phrases.pattern("visits", "recall").regex.search(text):
        return "past"
    local = text[max(0, trigger.at - sentence.start - 60) : trigger.end - sentence.start + 40]
    unquoted = (
        sentence
        if text == sentence.text  # nothing quoted: the sentence's own words
        else SentenceText(sentence.index, sentence.start, text, index_words(text))
    )
    future = is_future(unquoted, trigger.at - sentence.start)
    if trigger.kind != "meeting" and (
        future or ctx.phrases.pattern("visits", "planned").regex.search(local)
    ):
        return "planned"
    return "current"


def _grouped(ctx: Mentions, triggers: list[Trigger]) -> list[FoundVisit]:
    visits: list[FoundVisit] = []
    for trigger in sorted(triggers, key=lambda t: (t.kind in ("meeting", "scheduled"), t.sentence)):
        if trigger.destination is None:
            continue
        home = ctx.country(trigger.visitor)
        if home == trigger.destination:
            continue
        status = _status(ctx, trigger)
        visit = next(
            (
                v for v in visits
                if v.visitor == trigger.visitor and v.destination == trigger.destination
                and _compatible(v.status, status, trigger.kind)
            ),
            None,
        )  # fmt: skip
        if visit is None:
            visit = FoundVisit(trigger.visitor, trigger.destination, status)
            visits.append(visit)
        elif visit.status == "planned" and status == "current":
            visit.status = "current"
        _add_sentence(ctx, visit, trigger)
    return visits


def _compatible(existing: str, new: str, kind: str) -> bool:
    if existing == new:
        return True
    if kind == "meeting":
        return existing != "past"
    return {existing, new} == {"current", "planned"}


def _own_dates(ctx: Mentions, trigger: Trigger) -> list[DateMention]:
    """The dates right after the words of a visit ("Carney's visit to Mexico City in
    September"): the visit's own, whatever other dates its sentence has."""
    if trigger.kind in ("meeting", "scheduled"):
        return []
    sentence = ctx.sentences[trigger.sentence]
    reference = ctx.phrases.any_word("visits", "reference")  # "since June 2022"
    return [
        d for d in ctx.dates[trigger.sentence]
        if d.value is not None and d.kind != "visit-day"
        and 0 <= d.start - trigger.end <= _OWN_DATE_REACH
        and not reference.search(
            sentence.text, trigger.end - sentence.start, d.start - sentence.start
        )
    ]  # fmt: skip


def _add_sentence(ctx: Mentions, visit: FoundVisit, trigger: Trigger) -> None:
    index = trigger.sentence
    if index not in visit.sentences:
        visit.sentences.add(index)
        visit.evidence.append(ctx.sentence_span(index))
    sentence = ctx.sentences[index]
    text = sentence.text
    date = ctx.date_of(index, near=trigger.at)
    nearby = text[
        max(0, trigger.at - sentence.start - 40) : trigger.end - sentence.start + 60
    ].lower()
    if date and ctx.phrases.any_word("visits", "starts").search(nearby) and visit.start is None:
        visit.start = date
    elif date and ctx.phrases.any_word("visits", "ends").search(nearby) and visit.end is None:
        visit.end = date
    own = _own_dates(ctx, trigger)
    for mention in ctx.dates[index]:
        if mention.kind == "range" and mention.value and mention.end_value:
            visit.start, visit.end = mention.value, mention.end_value
        elif mention.kind == "visit-day" and mention.ordinal:
            visit.ordinals.append((mention.ordinal, date))
        elif mention.value is not None and visit.status == "past" and (not own or mention in own):
            visit.dates.append(mention.value)
    if date is None and visit.status != "past":
        date = _month_of(ctx, index, trigger, visit.status)  # "visits New Delhi next month"
    if date and visit.status != "past" and date not in visit.dates:
        visit.dates.append(date)
    durations = ctx.durations[index]
    if durations and visit.days is None:
        visit.days = min(durations, key=lambda d: abs(d.start - trigger.at)).days
    for mark in ctx.marks[index]:
        if (
            mark.kind == "city"
            and mark.country == visit.destination
            and mark.value not in visit.places
        ):
            visit.places.append(mark.value)
    _delegation_and_inviter(ctx, visit, index)


def _month_of(
    ctx: Mentions, index: int, trigger: Trigger, status: VisitStatus
) -> PartialDate | None:
    """The month a sentence without a day dates its visit to ("in August 2023", "next
    month"), or for a planned visit the year ("early next year"), unless a reference word
    stands before it ("since May")."""
    sentence = ctx.sentences[index]
    date = ctx.date_of(index, near=trigger.at, days_only=False)
    if date is None or date.precision == "day":
        return None
    if date.precision == "year" and status != "planned":
        return None
    mention = next(d for d in ctx.dates[index] if d.value == date)
    between = sentence.text[
        min(trigger.end, mention.start) - sentence.start : mention.start - sentence.start
    ]
    return None if ctx.phrases.any_word("visits", "reference").search(between) else date


def _delegations(ctx: Mentions, visits: list[FoundVisit]) -> None:
    """ "X was accompanied by A and B" in a sentence of its own; "The Cambodian delegation
    includes A and B": the delegation of the visitor from that country."""
    delegation = ctx.phrases.pattern("visits", "delegation")
    for index, sentence in enumerate(ctx.sentences):
        match = delegation.search(sentence)
        if match is None:
            continue
        at = sentence.start + match.start()
        subject = ctx.subject(index, before=at)
        pronoun = ctx.pronoun_at(index, sentence.start, at)
        if subject is None and pronoun is not None:
            subject = ctx.antecedent(index, pronoun)
        countries = {m.value for m in ctx.marks[index] if m.kind == "country" and m.end <= at}
        own = [v for v in visits if v.visitor == subject] or [
            v for v in visits if subject is None and ctx.country(v.visitor) in countries
        ]
        if own:
            visit = next((v for v in own if v.status == "current"), own[0])
            _delegation_and_inviter(ctx, visit, index)


def _delegation_and_inviter(ctx: Mentions, visit: FoundVisit, index: int) -> None:
    sentence = ctx.sentences[index]
    for key in ("delegation", "invitation"):
        for match in ctx.phrases.pattern("visits", key).finditer(sentence):
            start = sentence.start + match.end()
            stop = CLAUSE_BREAK.search(sentence.text, match.end())
            end = sentence.start + (stop.start() if stop else len(sentence.text))
            people = [m.person for m in ctx.officials_in(index, start=start, end=end) if m.person]
            people = [p for p in people if p != visit.visitor]
            if key == "delegation":
                # each once, in order (read before the list grows: compiled code reads them so)
                visit.delegation.extend(
                    p for p in dict.fromkeys(people) if p not in visit.delegation
                )
            elif people and visit.inviter is None:
                visit.inviter = people[0]


def _place_bare(
    ctx: Mentions, triggers: list[Trigger], visits: list[FoundVisit], meetings: list[FoundMeeting]
) -> None:
    """Give a destination-less mention ("Bagheri's visit") to the visitor's trip it names,
    or find its destination from where the visitor met whom."""
    for trigger in triggers:
        if trigger.destination is not None:
            continue
        own = [v for v in visits if v.visitor == trigger.visitor and v.status != "past"]
        current = [v for v in own if v.status == "current"]
        arrived = _dateline_arrival(ctx, trigger)
        if arrived and not current and all(v.destination != arrived for v in own):
            own = []  # "who arrived Monday night", datelined abroad: not the trip planned next
        if len(own) > 1 and len(current) == 1:
            own = current
        if len(own) == 1:
            _add_sentence(ctx, own[0], trigger)
            continue
        if own:
            continue
        destination = (
            _destination_from_meetings(ctx, trigger.visitor, meetings)
            or _other_visit_destination(ctx, trigger.visitor, visits)
            or arrived
            or _hosts_country(ctx, trigger, meetings)
        )
        if destination and destination != ctx.country(trigger.visitor):
            status = _status(ctx, trigger)
            wanted = (trigger.visitor, destination, status)
            same = (v for v in visits if (v.visitor, v.destination, v.status) == wanted)
            visit = next(same, None)
            if visit is None:  # a past trip the meetings already gave is the same trip
                visit = FoundVisit(trigger.visitor, destination, status)
                visits.append(visit)
            _add_sentence(ctx, visit, trigger)


def _destination_from_meetings(
    ctx: Mentions, visitor: str, meetings: list[FoundMeeting]
) -> str | None:
    home = ctx.country(visitor)
    places = {m.place_country for m in meetings if visitor in m.participants} - {None, home}
    found = [p for p in places if p]
    return found[0] if len(found) == 1 else None


def _hosts_country(ctx: Mentions, trigger: Trigger, meetings: list[FoundMeeting]) -> str | None:
    """Where an official "arrived" with no place named, and held talks in the same sentence
    with officials of one other country: theirs ("X arrived on Monday and held talks with his
    Costa Rican counterpart")."""
    if trigger.kind != "arrival":
        return None
    home = ctx.country(trigger.visitor)
    hosts = {
        ctx.country(p)
        for m in meetings
        if m.sentence == trigger.sentence
        and m.status == "held"
        and trigger.visitor in m.participants
        for p in m.participants
        if p != trigger.visitor
    } - {None}
    return hosts.pop() if home and len(hosts) == 1 and home not in hosts else None


def _dateline_arrival(ctx: Mentions, trigger: Trigger) -> str | None:
    """Where a foreign official "arrived" with no place named: the dateline's country
    ("MANILA -- X, who arrived Monday night for a two-day visit, met ...")."""
    if trigger.kind != "arrival":
        return None
    dateline = ctx.dateline_country
    home = ctx.country(trigger.visitor)
    return dateline if dateline and home and home != dateline else None


def _other_visit_destination(ctx: Mentions, visitor: str, visits: list[FoundVisit]) -> str | None:
    home = ctx.country(visitor)
    if home is None:
        return None
    destinations = {v.destination for v in visits if v.status == "current"} - {home}
    return destinations.pop() if len(destinations) == 1 else None


# --- meetings and dates ---------------------------------------------------------------
def _attach_meetings(
    ctx: Mentions, visit: FoundVisit, meetings: list[FoundMeeting], visits: list[FoundVisit]
) -> None:
    """A meeting belongs to the visit whose sentence tells it; else held meetings go to the
    current visit and scheduled ones to a current or planned one."""
    home = ctx.country(visit.visitor)
    for meeting in meetings:
        if visit.visitor not in meeting.participants:
            continue
        told_by = [
            v for v in visits
            if v.visitor == visit.visitor and meeting.sentence in v.sentences
        ]  # fmt: skip
        if told_by and visit not in told_by:
            continue
        if not told_by and (
            visit.status == "past" or (visit.status == "planned" and meeting.status == "held")
        ):
            continue
        if meeting.place_country and meeting.place_country != visit.destination:
            continue
        others = [p for p in meeting.participants if p != visit.visitor]
        if all(ctx.country(p) == home and home for p in others):
            continue
        visit.meetings.append(meeting)
        if meeting.sentence not in visit.sentences:
            visit.sentences.add(meeting.sentence)
            visit.evidence.append(meeting.evidence)
        if meeting.place and meeting.place not in visit.places:
            visit.places.append(meeting.place)
        if meeting.visit_day:
            visit.ordinals.append((meeting.visit_day, meeting.date))
        if meeting.date and meeting.status == "held" and meeting.date not in visit.dates:
            visit.dates.append(meeting.date)


def _settle_dates(ctx: Mentions, visit: FoundVisit) -> None:
    for ordinal, date in visit.ordinals:
        if ordinal > 0 and date and visit.start is None:
            visit.start = PartialDate.of(date.first_day() - dt.timedelta(days=ordinal - 1))
    if visit.start and visit.start.precision == "day" and visit.days:
        end = PartialDate.of(visit.start.first_day() + dt.timedelta(days=visit.days - 1))
        visit.end = visit.end or end
    if visit.end and visit.end.precision == "day" and visit.days and visit.start is None:
        visit.start = PartialDate.of(visit.end.first_day() - dt.timedelta(days=visit.days - 1))
    if visit.start and visit.end and visit.end.last_day() < visit.start.first_day():
        visit.end = None
    resolved_meetings = []
    for meeting in visit.meetings:
        if (
            meeting.date is None
            and meeting.visit_day
            and visit.start
            and visit.start.precision == "day"
        ):
            day = PartialDate.of(visit.start.first_day() + dt.timedelta(days=meeting.visit_day - 1))
            meeting = FoundMeeting(
                meeting.participants, meeting.sentence, meeting.evidence, meeting.status, day,
                meeting.visit_day, meeting.place, meeting.place_country, meeting.caller,
                meeting.host,
            )  # fmt: skip
            visit.dates.append(day)
        resolved_meetings.append(meeting)
    visit.meetings = resolved_meetings
    for value in (visit.start, visit.end):
        if value and value not in visit.dates:
            visit.dates.append(value)
    visit.dates.sort(key=lambda d: d.sort_key())
