"""Records from what the finders found: officials, visits, statements and agreements."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from bilateral.facts.agreements import FoundAgreement, find_agreements
from bilateral.facts.findings import Findings
from bilateral.facts.links import countries_from_visits
from bilateral.facts.meetings import find_meetings
from bilateral.facts.statements import FoundStatement, find_statements
from bilateral.facts.visits import FoundVisit, find_visits
from bilateral.facts.vocabulary import topics_in, topics_of, topics_within
from bilateral.mentions.context import Mentions
from bilateral.mentions.lexicon import Holder
from bilateral.mentions.names import name_tokens
from bilateral.model import Agreement, Meeting, Official, Span, Statement, Tenure, Visit

DUPLICATE_OVERLAP: Final = 0.7


# --- finders ----------------------------------------------------------------------------
def visits_found(findings: Findings) -> list[FoundVisit]:
    """The visits an article tells of, with the meetings held on them; the officials in them
    then take the countries the visits imply (``links.countries_from_visits``)."""
    ctx = findings.mentions
    visits = find_visits(ctx, find_meetings(ctx))
    countries_from_visits(ctx, visits)
    return visits


def current_visits(findings: Findings) -> list[FoundVisit]:
    return [v for v in findings.found["visit"] if v.status == "current"]


def main_pair(findings: Findings) -> tuple[str, str] | None:
    """The two countries of the visit the article is about (its current, else its planned)."""
    visits: list[FoundVisit] = findings.found["visit"]
    focus = current_visits(findings) or [v for v in visits if v.status == "planned"]
    home = findings.mentions.country(focus[0].visitor) if focus else None
    if focus and home and home != focus[0].destination:
        return home, focus[0].destination
    return None


def statements_found(findings: Findings) -> list[FoundStatement]:
    ctx = findings.mentions
    visitors = {ctx.country(v.visitor) or "": v.visitor for v in current_visits(findings)}
    return find_statements(ctx, visitors)


def agreements_found(findings: Findings) -> list[FoundAgreement]:
    return _without_duplicates(find_agreements(findings.mentions, main_pair(findings)))


def _without_duplicates(agreements: list[FoundAgreement]) -> list[FoundAgreement]:
    kept: list[FoundAgreement] = []
    for agreement in agreements:
        words = set(name_tokens(agreement.text))
        if any(
            set(k.parties) == set(agreement.parties)
            and words
            and len(words & set(name_tokens(k.text))) / len(words) >= DUPLICATE_OVERLAP
            for k in kept
        ):
            continue
        kept.append(agreement)
    return kept


# --- records ----------------------------------------------------------------------------
def officials_of(ctx: Mentions) -> tuple[Official, ...]:
    """An official record for each person of the article who holds an office."""
    officials = []
    for person in ctx.persons.values():
        if not person.is_official:
            continue
        name = person.name
        officials.append(
            Official(
                id=person.id,
                name=name,
                country=person.country,
                aliases=tuple(dict.fromkeys(n for n in person.names if n != name)),
                titles=tuple(person.titles),
                offices=tuple(person.offices),
                rank=person.rank,
                tenures=_tenures(person.holder),
                evidence=tuple(ctx.span(m.start, m.end) for m in person.mentions),
            )
        )
    return tuple(officials)


def _tenures(holder: Holder | None) -> tuple[Tenure, ...]:
    """The offices and dates the office-holder table gives a holder."""
    return tuple(Tenure(t.office, t.start, t.end) for t in holder.terms) if holder else ()


def visit_records(findings: Findings, found: list[FoundVisit]) -> tuple[Visit, ...]:
    known = findings.known
    kept = (v for v in found if v.visitor in known)
    return tuple(
        _visit(findings.mentions, f"{findings.article_id}/visit-{n}", v, known)
        for n, v in enumerate(kept, start=1)
    )


def _visit(ctx: Mentions, visit_id: str, found: FoundVisit, known: set[str]) -> Visit:
    meetings = (
        Meeting(
            participants=tuple(
                dict.fromkeys(
                    [
                        found.visitor,
                        *(p for p in m.participants if p in known and p != found.visitor),
                    ]
                )
            ),
            date=m.date,
            place=m.place,
            status=m.status,
            evidence=(m.evidence,),
        )
        for m in found.meetings
    )
    origin = ctx.country(found.visitor)
    return Visit(
        id=visit_id,
        visitor=found.visitor,
        origin=origin if origin != found.destination else None,
        destination=found.destination,
        places=tuple(found.places),
        start=found.start,
        end=found.end,
        dates=tuple(sorted(set(found.dates), key=lambda d: d.sort_key())),
        days=found.days,
        status=found.status,
        delegation=tuple(p for p in found.delegation if p in known),
        inviter=found.inviter if found.inviter in known else None,
        meetings=_distinct(m for m in meetings if len(m.participants) > 1),
        topics=_evidence_topics(ctx, found.evidence),
        evidence=tuple(found.evidence),
    )


def statement_records(findings: Findings, found: list[FoundStatement]) -> tuple[Statement, ...]:
    ctx, known = findings.mentions, findings.known
    kept = (s for s in found if s.speaker in known)
    return tuple(
        Statement(
            id=f"{findings.article_id}/statement-{n}",
            speaker=s.speaker,
            text=s.text,
            mode=s.mode,
            verb=s.verb,
            channel=s.channel,
            addressee=s.addressee if s.addressee in known else None,
            date=s.date,
            topics=_text_topics(ctx, s.evidence, s.text),
            evidence=(s.evidence,),
        )
        for n, s in enumerate(kept, start=1)
    )


def agreement_records(findings: Findings, found: list[FoundAgreement]) -> tuple[Agreement, ...]:
    ctx, known = findings.mentions, findings.known
    return tuple(
        Agreement(
            id=f"{findings.article_id}/agreement-{n}",
            parties=a.parties,
            text=a.text,
            verb=a.verb,
            signatories=tuple(p for p in a.signatories if p in known),
            date=a.date,
            topics=_text_topics(ctx, a.evidence, a.text),
            evidence=(a.evidence,),
        )
        for n, a in enumerate(found, start=1)
    )


def _text_topics(ctx: Mentions, evidence: Span, text: str) -> tuple[str, ...]:
    """The topics of a statement's or an agreement's text, looked up in its sentence's
    words when the text is a stretch of it."""
    sentence = ctx.sentence_of(evidence)
    at = sentence.text.find(text) if sentence else -1
    found = topics_within(sentence, at, at + len(text)) if sentence and at >= 0 else None
    return topics_of(text) if found is None else found


def _evidence_topics(ctx: Mentions, evidence: list[Span]) -> tuple[str, ...]:
    """The topics of the sentences given as evidence, looked up in their words."""
    sentences = [sentence for span in evidence if (sentence := ctx.sentence_of(span))]
    if len(sentences) < len(evidence):
        return topics_of(*(span.text for span in evidence))
    return topics_in(sentences)


def _distinct(meetings: Iterable[Meeting]) -> tuple[Meeting, ...]:
    """One meeting per participants, status and date; an undated one yields to a dated one."""
    kept: dict[tuple[frozenset[str], str], Meeting] = {}
    for meeting in meetings:
        key = (frozenset(meeting.participants), meeting.status)
        known = kept.get(key)
        if known is None or (known.date is None and meeting.date is not None):
            kept[key] = meeting
        elif known.date != meeting.date and meeting.date is not None:
            kept[(key[0], f"{meeting.status}@{meeting.date}")] = meeting
    return tuple(kept.values())
