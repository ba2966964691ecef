"""The whole extraction of one article: read it, find mentions, then facts."""

from __future__ import annotations

import datetime as dt
import gc
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Final

from attrs import evolve

from bilateral.article import read_article
from bilateral.facts.agreements import FoundAgreement, find_agreements
from bilateral.facts.calls import FoundCall, find_calls
from bilateral.facts.context import Context, build_context, dateline_country, outlet_country
from bilateral.facts.meetings import find_meetings
from bilateral.facts.statements import find_statements
from bilateral.facts.visits import FoundVisit, find_visits
from bilateral.facts.vocabulary import topics_in, topics_of, topics_within
from bilateral.mentions.lexicon import Lexicon, default_lexicon
from bilateral.mentions.names import name_tokens
from bilateral.model import (
    Agreement,
    Article,
    Call,
    ExtractionResult,
    Meeting,
    Notice,
    Official,
    PartialDate,
    Span,
    Statement,
    Visit,
)
from bilateral.text.documents import Document, text_id
from bilateral.text.html import html_to_text, looks_like_html

DUPLICATE_OVERLAP: Final = 0.7
LINK_SLACK_DAYS: Final = 3
# While an article is read, its sentences' word indexes, marks and mentions are alive: a young
# collection every 700 allocations (Python's default) walks them again and again and moves
# them on to the older generations, whose collections walk everything. For the length of an
# extraction, young collections wait for this many allocations; the thresholds are then set
# back (threads extracting at once share one change).
EXTRACTION_GC_THRESHOLD: Final = 20_000
_gc_lock: Final = threading.Lock()
_extracting = 0
_gc_thresholds = gc.get_threshold()


def extract(
    text: str, article_id: str | None = None, lexicon: Lexicon | None = None
) -> ExtractionResult:
    """:func:`bilateral.facts.api.extract`, compiled (never raises on any ``str``)."""
    article_id = article_id or text_id(text)
    try:
        with _fewer_collections():
            return _extract(text, article_id, lexicon or default_lexicon())
    except Exception as exc:  # the contract: a bad article never stops a batch
        notice = Notice("internal-error", f"extraction failed: {type(exc).__name__}: {exc}")
        return ExtractionResult(article=Article(id=article_id, raw=text), warnings=(notice,))


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Young collections of the garbage collector made rarer while the block runs (not when
    they are off: a first threshold of 0)."""
    global _extracting, _gc_thresholds
    with _gc_lock:
        if _extracting == 0:
            _gc_thresholds = gc.get_threshold()
            young, *older = _gc_thresholds
            if 0 < young < EXTRACTION_GC_THRESHOLD:
                gc.set_threshold(EXTRACTION_GC_THRESHOLD, *older)
        _extracting += 1
    try:
        yield
    finally:
        with _gc_lock:
            _extracting -= 1
            if _extracting == 0:
                gc.set_threshold(*_gc_thresholds)


def extract_document(document: Document, lexicon: Lexicon | None = None) -> ExtractionResult:
    """:func:`bilateral.facts.api.extract_document`, compiled."""
    result = extract(document.text, document.id, lexicon)
    if document.warning is None:
        return result
    return evolve(result, warnings=(Notice("encoding", document.warning), *result.warnings))


def _extract(text: str, article_id: str, lexicon: Lexicon) -> ExtractionResult:
    html_notices: tuple[Notice, ...] = ()
    if looks_like_html(text):
        text = html_to_text(text)
        html_notices = (Notice("html", "HTML markup reduced to text; offsets are unchanged"),)
    article, notices = read_article(text, article_id)
    notices = (*html_notices, *notices)
    ctx = build_context(article, lexicon)
    meetings = find_meetings(ctx)
    found_visits = find_visits(ctx, meetings)
    _fill_countries(ctx, found_visits)
    current = [v for v in found_visits if v.status == "current"]
    focus = current or [v for v in found_visits if v.status == "planned"]
    home = ctx.country(focus[0].visitor) if focus else None
    main_pair = (
        (home, focus[0].destination) if focus and home and home != focus[0].destination else None
    )
    visitors = {ctx.country(v.visitor) or "": v.visitor for v in current}
    found_statements = find_statements(ctx, visitors)
    found_agreements = _without_duplicates(find_agreements(ctx, main_pair))
    if main_pair and current:
        for agreement in found_agreements:
            if set(agreement.parties) == set(main_pair) and agreement.date:
                visit = current[0]
                if agreement.date not in visit.dates and _near(visit, agreement):
                    visit.dates.append(agreement.date)
    officials = _officials(ctx)
    known = {o.id for o in officials}
    visits = tuple(
        _visit(ctx, f"{article_id}/visit-{n}", v, known)
        for n, v in enumerate((v for v in found_visits if v.visitor in known), start=1)
    )
    statements = tuple(
        Statement(
            id=f"{article_id}/statement-{n}",
            speaker=s.speaker,
            text=s.text,
            mode=s.mode,  # type: ignore[arg-type]
            verb=s.verb,
            channel=s.channel,
            addressee=s.addressee if s.addressee in known else None,
            date=s.date,
            topics=_text_topics(ctx, s.evidence, s.text),
            evidence=(s.evidence,),
        )
        for n, s in enumerate((s for s in found_statements if s.speaker in known), start=1)
    )
    agreements = tuple(
        Agreement(
            id=f"{article_id}/agreement-{n}",
            parties=a.parties,
            text=a.text,
            verb=a.verb,
            signatories=tuple(p for p in a.signatories if p in known),
            date=a.date,
            topics=_text_topics(ctx, a.evidence, a.text),
            evidence=(a.evidence,),
        )
        for n, a in enumerate(found_agreements, start=1)
    )
    visits = tuple(_linked(v, statements, agreements) for v in visits)
    return ExtractionResult(
        article=ctx.article,
        officials=officials,
        visits=visits,
        statements=statements,
        agreements=agreements,
        warnings=(*notices, *ctx.notices),
        calls=_calls(ctx, article_id, find_calls(ctx), known, statements),
    )


def _calls(
    ctx: Context, article_id: str, found: list[FoundCall], known: set[str],
    statements: tuple[Statement, ...],
) -> tuple[Call, ...]:  # fmt: skip
    """The calls between officials of the result, of two countries or more, with the
    statements their participants made in the sentences that tell of them."""
    calls: list[Call] = []
    for call in found:
        participants = tuple(p for p in call.participants if p in known)
        countries = tuple(dict.fromkeys(c for p in participants if (c := ctx.country(p))))
        if len(participants) < 2 or len(countries) < 2:
            continue
        told = {*call.sentences, *(i + 1 for i in call.sentences)}
        calls.append(
            Call(
                id=f"{article_id}/call-{len(calls) + 1}",
                participants=participants,
                countries=countries,
                channel=call.channel,  # type: ignore[arg-type]
                status=call.status,  # type: ignore[arg-type]
                initiator=call.initiator if call.initiator in participants else None,
                date=call.date,
                statements=tuple(
                    s.id for s in statements
                    if s.speaker in participants
                    and (sentence := ctx.sentence_of(s.evidence[0])) and sentence.index in told
                ),
                evidence=tuple(call.evidence),
            )
        )  # fmt: skip
    return tuple(calls)


def _fill_countries(ctx: Context, visits: list[FoundVisit]) -> None:
    """Officials of unknown country take it from the visit they appear in: the host
    country for those the visitor met there, the visitor's for the delegation; any left
    are taken to serve the country the article is written from (its dateline's), unless
    the article has them travel there."""
    visitors = {v.visitor for v in visits}
    for visit in visits:
        home = ctx.country(visit.visitor)
        for person_id in visit.delegation:
            person = ctx.persons.get(person_id)
            if person and person.country is None and home:
                person.country = home
        for meeting in visit.meetings:
            if meeting.status != "held":
                continue
            for person_id in meeting.participants:
                person = ctx.persons.get(person_id)
                if person and person.country is None and person_id not in visitors:
                    person.country = visit.destination
    home = outlet_country(ctx.article) or dateline_country(ctx)
    destinations: dict[str, set[str]] = {}
    for visit in visits:
        for person_id in (visit.visitor, *visit.delegation):
            destinations.setdefault(person_id, set()).add(visit.destination)
    for person in ctx.persons.values():
        if person.country is None and home and home not in destinations.get(person.id, set()):
            person.country = home


def _officials(ctx: Context) -> tuple[Official, ...]:
    officials = []
    for person in ctx.persons.values():
        if not person.is_official:
            continue
        name = person.name
        aliases = tuple(dict.fromkeys(n for n in person.names if n != name))
        officials.append(
            Official(
                id=person.id,
                name=name,
                country=person.country,
                aliases=aliases,
                titles=tuple(person.titles),
                offices=tuple(person.offices),
                rank=person.rank,
                evidence=tuple(ctx.span(m.start, m.end) for m in person.mentions),
            )
        )
    return tuple(officials)


def _visit(ctx: Context, visit_id: str, found: FoundVisit, known: set[str]) -> Visit:
    meetings = tuple(
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
            status=m.status,  # type: ignore[arg-type]
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
        status=found.status,  # type: ignore[arg-type]
        delegation=tuple(p for p in found.delegation if p in known),
        inviter=found.inviter if found.inviter in known else None,
        meetings=_distinct(m for m in meetings if len(m.participants) > 1),
        topics=_evidence_topics(ctx, found.evidence),
        evidence=tuple(found.evidence),
    )


def _text_topics(ctx: Context, evidence: Span, text: str) -> tuple[str, ...]:
    """The topics of a statement's or an agreement's text, looked up in its sentence's
    words when the text is a stretch of it."""
    sentence = ctx.sentence_of(evidence)
    at = sentence.text.find(text) if sentence else -1
    found = topics_within(sentence, at, at + len(text)) if sentence and at >= 0 else None
    return topics_of(text) if found is None else found


def _evidence_topics(ctx: Context, evidence: list[Span]) -> tuple[str, ...]:
    """The topics of the sentences given as evidence, looked up in their words."""
    sentences = [sentence for span in evidence if (sentence := ctx.sentence_of(span))]
    if len(sentences) < len(evidence):
        return topics_of(*(span.text for span in evidence))
    return topics_in(sentences)


def _near(visit: FoundVisit, agreement: FoundAgreement) -> bool:
    if not visit.dates:
        return True
    return any(
        abs((d.first_day() - agreement.date.first_day()).days) <= 7
        for d in visit.dates
        if agreement.date
    )


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


def _linked(
    visit: Visit, statements: tuple[Statement, ...], agreements: tuple[Agreement, ...]
) -> Visit:
    """The statements made and agreements reached on the visit an article reports: by its
    visitor or the officials they met, between its two countries."""
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
