"""Calls: telephone and video conversations between officials of two countries."""

from __future__ import annotations

import re
from typing import Final

import attr
from attrs import evolve

from bilateral.facts.findings import Findings
from bilateral.mentions.context import Mentions
from bilateral.mentions.dates import is_future
from bilateral.model import Call, PartialDate, Span, Statement
from bilateral.model.records import CallChannel, CallStatus
from bilateral.text.grammar import grammar

_OBJECT_REACH: Final = 80  # how far after its words a call's other side may be named
_POSSESSIVE: Final = ("’s", "'s", "’", "'")


@attr.s(auto_attribs=True, slots=True, frozen=True, eq=False)
class _Grammar:
    """The structural patterns of this module: ``data/grammar.toml`` [calls]."""

    planned: re.Pattern[str]
    between: re.Pattern[str]
    sides_joint: re.Pattern[str]


_G: Final = grammar(_Grammar, "calls")


@attr.s(auto_attribs=True, slots=True, eq=False)
class FoundCall:
    participants: list[str]
    channel: CallChannel
    status: CallStatus
    initiator: str | None
    date: PartialDate | None
    evidence: list[Span]


def find_calls(findings: Findings) -> list[FoundCall]:
    """One call per two sides and status, however many sentences tell of it."""
    ctx = findings.mentions
    found: dict[tuple[frozenset[str], str], FoundCall] = {}
    for index in range(len(ctx.sentences)):
        if not ctx.is_remote(index):
            continue
        call = _call_in(ctx, index)
        if call is None:
            continue
        key = (frozenset(call.participants), call.status)
        known = found.get(key)
        if known is None:
            found[key] = call
            continue
        known.evidence.extend(call.evidence)
        known.initiator = known.initiator or call.initiator
        known.date = known.date or call.date
        known.channel = "video" if "video" in (known.channel, call.channel) else "phone"
    return list(found.values())


def _call_in(ctx: Mentions, index: int) -> FoundCall | None:
    sentence = ctx.sentences[index]
    words = next(iter(ctx.phrases.pattern("calls", "phone").finditer(sentence)), None)
    video = next(iter(ctx.phrases.pattern("calls", "video").finditer(sentence)), None)
    said = words or video
    if said is None:
        return None
    at, end = sentence.start + said.start(), sentence.start + said.end()
    paired = _between(ctx, index, said.end()) or _pair_subject(ctx, index, at)
    sides = paired or _subject_and_object(ctx, index, at, end)
    if sides is None:
        return None
    caller, other = sides
    initiating = not paired and ctx.phrases.pattern("calls", "initiating").regex.match(
        sentence.text, said.start()
    )
    initiator = caller if initiating else _named_caller(ctx, index, caller, other)
    planned = is_future(sentence, said.start()) or bool(
        _G.planned.search(sentence.text, max(0, said.start() - 30), said.end())
    )
    return FoundCall(
        participants=[caller, other],
        channel="video" if video else "phone",
        status="planned" if planned else "held",
        initiator=initiator,
        date=ctx.date_around(index, at, days_only=False),
        evidence=[ctx.sentence_span(index)],
    )


def _between(ctx: Mentions, index: int, after: int) -> tuple[str, str] | None:
    """The two sides named right after the call's words: "a phone call (on Monday) between
    A and B"."""
    sentence = ctx.sentences[index]
    found = _G.between.match(sentence.text, after)
    if found is None:
        return None
    named = ctx.officials_in(index, start=sentence.start + found.end())
    if len(named) < 2 or named[0].start != sentence.start + found.end():
        return None
    first, second = named[0], named[1]
    gap = sentence.text[first.end - sentence.start : second.start - sentence.start]
    if not (first.person and second.person and _G.sides_joint.fullmatch(gap)):
        return None
    return first.person, second.person


def _pair_subject(ctx: Mentions, index: int, at: int) -> tuple[str, str] | None:
    """The two officials named last, when "the two ministers" make the call, or are the
    subject of the clause that tells of it ("The ministers had discussed it in a phone call")."""
    sentence = ctx.sentences[index]
    before = sentence.text[: at - sentence.start]
    if ctx.officials_in(index, end=at):
        return None
    said = ctx.phrases.before_end("calls", "pairs").search(before) or ctx.phrases.opening(
        "calls", "pairs"
    ).match(before)
    if said is None:
        return None
    pair = ctx.last_pair(index, said=said.group())
    return (pair[0], pair[1]) if len(pair) == 2 else None


def _subject_and_object(ctx: Mentions, index: int, at: int, end: int) -> tuple[str, str] | None:
    """Who calls (the subject, before the call's words or after them) and whom."""
    caller = _caller(ctx, index, at) or _subject_after(ctx, index, end)
    other = _other_side(ctx, index, end, caller)
    return (caller, other) if caller and other else None


def _subject_after(ctx: Mentions, index: int, end: int) -> str | None:
    """The subject of the clause after the call's words, when none is before them: "In a
    phone call on Monday, A and B discussed ..."."""
    for mention in ctx.officials_in(index, start=end):
        if not ctx.is_governed(mention):
            return mention.person
    return None


def _caller(ctx: Mentions, index: int, at: int) -> str | None:
    """The subject of the call's clause: the last official before its words who is no
    object and no possessive ("X's visit came after A spoke by telephone with B": A), or whom
    "he" is."""
    sentence = ctx.sentences[index]
    subjects = [
        m for m in ctx.officials_in(index, end=at)
        if not ctx.is_governed(m)
        and not sentence.text[m.end - sentence.start :].startswith(_POSSESSIVE)
    ]  # fmt: skip
    if subjects:
        return subjects[-1].person
    pronoun = ctx.pronoun_at(index, ctx.sentences[index].start, at)
    return ctx.antecedent(index, pronoun) if pronoun is not None else None


def _other_side(ctx: Mentions, index: int, end: int, caller: str | None) -> str | None:
    """The first official of another country than the caller named after the call's words,
    else anywhere in the sentence."""
    home = ctx.country(caller or "")
    mentions = ctx.officials_in(index)
    after = [m for m in mentions if end <= m.start < end + _OBJECT_REACH]
    for group in (after, mentions):
        for mention in group:
            country = ctx.country(mention.person or "")
            if mention.person and mention.person != caller and country and country != home:
                return mention.person
    return None


def _named_caller(ctx: Mentions, index: int, first: str, second: str) -> str | None:
    """Who made the call, when the sentence names them after "a call from"."""
    sentence = ctx.sentences[index]
    for match in ctx.phrases.pattern("calls", "from_caller").finditer(sentence):
        after = ctx.officials_in(index, start=sentence.start + match.end())
        if after and after[0].person in (first, second):
            return after[0].person
    return None


def build_calls(findings: Findings, found: list[FoundCall]) -> tuple[Call, ...]:
    """The calls between officials of the result, of two countries or more."""
    ctx, known = findings.mentions, findings.known
    calls: list[Call] = []
    for call in found:
        participants = tuple(p for p in call.participants if p in known)
        countries = tuple(dict.fromkeys(c for p in participants if (c := ctx.country(p))))
        if len(participants) < 2 or len(countries) < 2:
            continue
        calls.append(
            Call(
                id=f"{findings.article_id}/call-{len(calls) + 1}",
                participants=participants,
                countries=countries,
                channel=call.channel,
                status=call.status,
                initiator=call.initiator if call.initiator in participants else None,
                date=call.date,
                evidence=tuple(call.evidence),
            )
        )
    return tuple(calls)


def call_statements(findings: Findings) -> None:
    """Each call names the statements its participants made in the sentences telling of it
    (and the sentence after each)."""
    ctx = findings.mentions
    statements: tuple[Statement, ...] = findings.records["statements"]
    calls: tuple[Call, ...] = findings.records["calls"]
    linked = []
    for call in calls:
        told = {
            i + step
            for span in call.evidence
            if (sentence := ctx.sentence_of(span))
            for i in (sentence.index,)
            for step in (0, 1)
        }
        said = tuple(
            s.id
            for s in statements
            if s.speaker in call.participants
            and (sentence := ctx.sentence_of(s.evidence[0]))
            and sentence.index in told
        )
        linked.append(evolve(call, statements=said) if said else call)
    findings.records["calls"] = tuple(linked)
