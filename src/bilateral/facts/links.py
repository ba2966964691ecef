"""The link stage: named steps that tie one kind of fact to another, in the order they run.

``countries_from_visits`` runs as soon as visits are found (the finders of statements and
agreements read the countries it gives); the steps of :data:`BEFORE_RECORDS` run on what
every finder found, those of :data:`AFTER_RECORDS` on the records built from it, and then
each kind's own ``link`` (a call's statements: ``calls.call_statements``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from typing import Final

from attrs import evolve

from bilateral.facts.agreements import FoundAgreement
from bilateral.facts.findings import Findings
from bilateral.facts.visits import FoundVisit
from bilateral.mentions.context import Mentions
from bilateral.model import Agreement, PartialDate, Statement, Visit
from bilateral.text.regex import search_tail

LINK_SLACK_DAYS: Final = 3
AGREEMENT_REACH_DAYS: Final = 7
OTHER_COUNTRY_AT_LEAST: Final = 2


def countries_from_visits(ctx: Mentions, visits: list[FoundVisit]) -> None:
    """Officials of unknown country take it from the visit they appear in: the host
    country for those the visitor met there (or, on the current visit, is to meet), the
    visitor's for the delegation (a visitor of no stated country: see
    :func:`_visitors_country`); any left
    are taken to serve the country the article is written from (its outlet's, else its
    dateline's), unless the article has them travel there. An official of an international
    body ("ASEAN Secretary-General X") takes none."""
    visiting: dict[str, set[str]] = {}  # destination -> who visits it
    for visit in visits:
        visiting.setdefault(visit.destination, set()).add(visit.visitor)
    for visit in visits:
        visitor = ctx.persons.get(visit.visitor)
        if visitor and visitor.country is None:
            visitor.country = _visitors_country(ctx, visit.destination)
    international = {p for p in ctx.persons if ctx.serves_a_body_of_nations(p)}
    for visit in visits:
        home = ctx.country(visit.visitor)
        for person_id in visit.delegation:
            person = ctx.persons.get(person_id)
            if person and person.country is None and home and person_id not in international:
                person.country = home
    for visit in visits:  # the sender of a message the visitor brings is not a host
        _senders_of_messages(ctx, visit)
    for visit in visits:
        for meeting in visit.meetings:
            if visit.status != "current" and meeting.status != "held":
                continue  # a current visit's scheduled meetings are with its hosts too
            for person_id in meeting.participants:
                person = ctx.persons.get(person_id)
                if (
                    person
                    and person.country is None
                    and person_id not in visiting[visit.destination]
                    and person_id not in international
                ):
                    person.country = visit.destination  # a host: not one who travels there
    home = ctx.home_country
    destinations: dict[str, set[str]] = {}
    for visit in visits:
        for person_id in (visit.visitor, *visit.delegation):
            destinations.setdefault(person_id, set()).add(visit.destination)
    for person in ctx.persons.values():
        if (
            person.country is None
            and home
            and home not in destinations.get(person.id, set())
            and person.id not in international
        ):
            person.country = home


def _senders_of_messages(ctx: Mentions, visit: FoundVisit) -> None:
    """ "(the visitor) delivered a message from President Y", "conveyed President Y's
    greetings": Y, of no country the text gives, serves the visitor's country."""
    home = ctx.country(visit.visitor)
    if home is None or home == visit.destination:
        return
    carried = "|".join(ctx.phrases.words("visits", "carried"))
    message = "|".join(ctx.phrases.words("visits", "message"))
    before = re.compile(rf"(?i:\b(?:{carried})\b[^.;]{{0,40}}?\b(?:{message})\s+(?:of|from))\s+$")
    after = re.compile(rf"[’']s\s+(?i:{message})\b")
    carrier = re.compile(rf"(?i:\b(?:{carried})\b)[^.;]{{0,40}}$")
    told = set(visit.sentences)
    if visit.status == "current":  # on the visit, wherever the article tells it
        visitor = ctx.persons.get(visit.visitor)
        told.update(m.sentence for m in (visitor.mentions if visitor else ()))
    for index in sorted(told):
        sentence = ctx.sentences[index]
        carriers = [m.start for m in ctx.officials_in(index) if m.person == visit.visitor]
        if not carriers:
            continue
        for mention in ctx.officials_in(index):
            person = ctx.persons.get(mention.person or "")
            if person is None or person.country is not None or person.id == visit.visitor:
                continue
            if min(carriers) > mention.start:
                continue  # the visitor carries what they are told of before: "A conveyed B's"
            at, end = mention.start - sentence.start, mention.end - sentence.start
            if search_tail(before, sentence.text, at) or (
                after.match(sentence.text, end) and search_tail(carrier, sentence.text, at)
            ):
                person.country = home


def _visitors_country(ctx: Mentions, destination: str) -> str | None:
    """The country a visitor of no stated country comes from: the article's own (its
    outlet's, else its dateline's) unless that is where they go; else the one country the
    article names most besides the destination, named twice at least."""
    home = ctx.home_country
    if home:
        return home if home != destination else None
    counts = Counter(
        m.value for marks in ctx.marks for m in marks
        if m.kind == "country" and m.value != destination
    )  # fmt: skip
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < OTHER_COUNTRY_AT_LEAST:
        return None
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def agreement_dates_on_visits(findings: Findings) -> None:
    """The current visit takes the dates of agreements its two countries reached near it,
    but for those told in a sentence of another visit (one it recalls) or of a call, and
    those dated only to a month or a year, which tell no day of it ("signed a roadmap in
    2021")."""
    ctx = findings.mentions
    every: list[FoundVisit] = findings.found["visit"]
    visits = [v for v in every if v.status == "current"]
    if not visits:
        return
    visit = visits[0]
    elsewhere = {i for v in every if v is not visit for i in v.sentences} - visit.sentences
    home = ctx.country(visit.visitor)
    if not home or home == visit.destination:
        return
    agreements: list[FoundAgreement] = findings.found["agreement"]
    for agreement in agreements:
        date = agreement.date
        pair = set(agreement.parties) == {home, visit.destination}
        if agreement.sentence in elsewhere or (date and date.precision != "day"):
            continue
        if ctx.is_remote(agreement.sentence):
            continue  # agreed on a call, not on the visit
        if pair and date and date not in visit.dates and _near(visit, date):
            visit.dates.append(date)


def _near(visit: FoundVisit, date: PartialDate) -> bool:
    return not visit.dates or any(
        abs((d.first_day() - date.first_day()).days) <= AGREEMENT_REACH_DAYS for d in visit.dates
    )


def visit_statements_and_agreements(findings: Findings) -> None:
    """Each current visit names the statements made and agreements reached on it: by its
    visitor or the officials they met, between its two countries, within its dates."""
    statements: tuple[Statement, ...] = findings.records["statements"]
    agreements: tuple[Agreement, ...] = findings.records["agreements"]
    findings.records["visits"] = tuple(
        _linked(v, statements, agreements) for v in findings.records["visits"]
    )


def _linked(
    visit: Visit, statements: tuple[Statement, ...], agreements: tuple[Agreement, ...]
) -> Visit:
    if visit.status != "current":
        return visit
    people = {
        visit.visitor,
        *(p for m in visit.meetings if m.status == "held" for p in m.participants),
    }
    pair = {visit.origin, visit.destination}
    return evolve(
        visit,
        statements=tuple(
            s.id for s in statements if s.speaker in people and _during(visit, s.date)
        ),
        agreements=tuple(
            a.id for a in agreements if set(a.parties) == pair and _during(visit, a.date)
        ),
    )


def _during(visit: Visit, date: PartialDate | None) -> bool:
    """Whether a fact dated ``date`` can belong to the visit (undated facts can)."""
    known = [d for d in (visit.start, visit.end, *visit.dates) if d]
    if date is None or not known:
        return True
    slack = dt.timedelta(days=LINK_SLACK_DAYS)
    first = min(d.first_day() for d in known) - slack
    last = max(d.last_day() for d in known) + slack
    return date.first_day() <= last and first <= date.last_day()


BEFORE_RECORDS: Final[tuple[Callable[[Findings], None], ...]] = (agreement_dates_on_visits,)
AFTER_RECORDS: Final[tuple[Callable[[Findings], None], ...]] = (visit_statements_and_agreements,)
