"""Meetings in person: "A met B", "A called on B", "his meeting with B", held or scheduled."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import attr
from attrs import evolve

from bilateral.mentions.context import Mentions
from bilateral.mentions.dates import is_future, past_tense
from bilateral.model import PartialDate, Span
from bilateral.model.records import MeetingStatus
from bilateral.text.grammar import grammar
from bilateral.text.regex import search_tail

# What ends the objects of a meeting verb: the first match of any. Each begins with a
# character, a class or a word, to which the regex search skips; one alternation of them all
# was tried at every position of the rest of the sentence.
_OBJECTS_END: Final = tuple(
    re.compile(pattern)
    for pattern in (
        r"[;:]",
        r",\s(?:according to|as per|who|which|where|while)\b",
        r"\s(?:according to|as per|who|which|where|while)\b",
        r"a(?<!\wa)nd (?:then|later|afterwards)\b",  # "and then" after no word character
        r",\s(?:the\s)?[\w’' -]{0,40}\b(?:said|says|reported)\b",
        r"\s\s*and\s+(?:also\s+)?(?:[a-z]+ed|met|held|gave|sent|said|told|made|took|paid|brought)\b",
        r",\s+and\s+(?=(?:[A-Z][\w’'-]*\s+){1,4}(?:[a-z]+ed|met|held|said|told)\b)",
    )
)


@attr.s(auto_attribs=True, slots=True, frozen=True, eq=False)
class _Grammar:
    """The structural patterns of this module: ``data/grammar.toml`` [meetings]."""

    joined: re.Pattern[str]
    scheduled_verb: re.Pattern[str]
    and_before: re.Pattern[str]
    passive: re.Pattern[str]
    guest_verb: re.Pattern[str]
    caller_verb: re.Pattern[str]
    host_verb: re.Pattern[str]
    separate: re.Pattern[str]
    possessive_start: re.Pattern[str]
    opening_pronoun: re.Pattern[str]
    auxiliary_before: re.Pattern[str]


_G: Final = grammar(_Grammar, "meetings")
_PAIR_MEETING_REACH: Final = 4  # sentences back to the meeting whose pair "the two sides" are


@attr.s(auto_attribs=True, slots=True, eq=False, frozen=True)
class FoundMeeting:
    """A meeting as found in one sentence; ``first`` is the participant named as its subject."""

    participants: tuple[str, ...]
    sentence: int
    evidence: Span
    status: MeetingStatus = "held"
    date: PartialDate | None = None
    visit_day: int | None = None
    place: str | None = None
    place_country: str | None = None
    caller: str | None = None
    host: str | None = None  # who received or hosted the others: at home


def find_meetings(ctx: Mentions) -> list[FoundMeeting]:
    found: list[FoundMeeting] = []
    for index, sentence in enumerate(ctx.sentences):
        if ctx.is_remote(index):
            continue
        for verb in ctx.phrases.pattern("meetings", "verbs").finditer(sentence):
            meeting = _from_verb(ctx, index, verb, found)
            if meeting:
                found.extend(_separate(meeting, sentence.text))
        for phrase in ctx.phrases.pattern("meetings", "phrases").finditer(sentence):
            meeting = _from_phrase(ctx, index, phrase)
            if meeting:
                found.extend(_separate(meeting, sentence.text))
        for phrase in ctx.phrases.pattern("meetings", "present").finditer(sentence):
            found.extend(_present(ctx, index, phrase, found))
        for phrase in ctx.phrases.pattern("meetings", "present_before").finditer(sentence):
            found.extend(_present(ctx, index, phrase, found, before=True))
    return _merged(found)


def _present(
    ctx: Mentions,
    index: int,
    phrase: re.Match[str],
    found: list[FoundMeeting],
    *,
    before: bool = False,
) -> list[FoundMeeting]:
    """ "Also present at the meeting were A and B" (or "A and B also attended the meeting",
    ``before``): the meeting told last, in this sentence or the two before, with A and B
    among its participants."""
    sentence = ctx.sentences[index]
    if before:
        start, end = sentence.start, sentence.start + phrase.start()
    else:
        start = sentence.start + phrase.end()
        end = sentence.start + _objects_end(sentence.text, phrase.end())
    present = [m.person for m in ctx.officials_in(index, start=start, end=end) if m.person]
    last = next((m for m in reversed(found) if index - 2 <= m.sentence <= index), None)
    if not present or last is None:
        return []
    participants = _unique([*last.participants, *present])
    return [evolve(last, participants=tuple(participants), sentence=index,
                   evidence=ctx.sentence_span(index))]  # fmt: skip


def _separate(meeting: FoundMeeting, text: str) -> list[FoundMeeting]:
    """ "held separate meetings with A, B and C": one meeting with each of them."""
    if len(meeting.participants) < 3 or not _G.separate.search(text):
        return [meeting]
    first, *others = meeting.participants
    return [evolve(meeting, participants=(first, other)) for other in others]


def _objects_end(text: str, at: int) -> int:
    """Where the objects of a verb or phrase ending at ``at`` end: the end of the clause."""
    ends = [found.start() for pattern in _OBJECTS_END if (found := pattern.search(text, at))]
    return min(ends, default=len(text))


def _from_verb(
    ctx: Mentions, index: int, verb: re.Match[str], found: Sequence[FoundMeeting] = ()
) -> FoundMeeting | None:
    sentence = ctx.sentences[index]
    start, end = sentence.start + verb.start(), sentence.start + verb.end()
    subject = _subject_before(ctx, index, start)
    if search_tail(_G.and_before, sentence.text, verb.start()):
        subject = _sentence_subject(ctx, index) or subject  # "He met X and held talks with Y"
    objects_end = sentence.start + _objects_end(sentence.text, verb.end())
    objects = [m.person for m in ctx.officials_in(index, start=end, end=objects_end) if m.person]
    passive = bool(search_tail(_G.passive, sentence.text, verb.start()))
    participants = _unique([*_joined_to(ctx, index, subject, start), subject, *objects])
    if len(participants) < 2 and _pair_before(ctx, index, verb.start()):
        # "the two sides": those of the meeting told last, else the two named last
        recent = next(
            (m for m in reversed(found) if index - _PAIR_MEETING_REACH <= m.sentence < index),
            None,
        )
        participants = (
            list(recent.participants)
            if recent and len(recent.participants) == 2
            else _last_two(ctx, index)
        )
    if len(participants) < 2:
        return None
    words = verb.group().lower()
    if subject is None and _G.guest_verb.match(words):
        return None
    scheduled = bool(_G.scheduled_verb.search(words)) or (
        is_future(sentence, verb.start()) and not _in_past(ctx, index, verb)
    )
    caller = host = None
    if _G.caller_verb.match(words):
        caller = participants[0]
    elif _G.host_verb.match(words):
        caller, host = (
            (participants[0], participants[1]) if passive else (participants[1], participants[0])
        )
    return _meeting(ctx, index, participants, start, scheduled, caller, host)


def _in_past(ctx: Mentions, index: int, verb: re.Match[str]) -> bool:
    """Whether the meeting verb is itself in the past ("met", "held talks with") with no
    auxiliary before it: then a "will" earlier in the sentence (in a clause about the trip)
    does not make the meeting a scheduled one."""
    sentence = ctx.sentences[index]
    if search_tail(_G.auxiliary_before, sentence.text, verb.start()):
        return False
    return any(start == verb.start() for start, _ in past_tense(sentence))


def _from_phrase(ctx: Mentions, index: int, phrase: re.Match[str]) -> FoundMeeting | None:
    sentence = ctx.sentences[index]
    start, end = sentence.start + phrase.start(), sentence.start + phrase.end()
    clause_end = sentence.start + _objects_end(sentence.text, phrase.end())
    objects = [m.person for m in ctx.officials_in(index, start=end, end=clause_end) if m.person]
    subject = ctx.subject(index)
    if subject is None and _G.possessive_start.match(phrase.group()):
        subject = ctx.antecedent(index, start)
    participants = _unique([subject, *objects] if subject else objects)
    if len(participants) < 2:
        return None
    scheduled = is_future(sentence, phrase.start())
    return _meeting(ctx, index, participants, start, scheduled, None)


def _pair_before(ctx: Mentions, index: int, at: int) -> bool:
    sentence = ctx.sentences[index]
    end = len(sentence.text[:at].rstrip()) - 12
    return any(
        m.end() >= end for m in ctx.phrases.pattern("meetings", "pairs").finditer(sentence, 0, at)
    )


def _last_two(ctx: Mentions, index: int) -> list[str]:
    """The two officials named last before sentence ``index`` ("the two leaders")."""
    seen: list[str] = []
    for earlier in range(index, max(-1, index - 3), -1):
        for mention in reversed(ctx.officials_in(earlier)):
            if earlier == index:
                continue
            if mention.person and mention.person not in seen:
                seen.append(mention.person)
        if len(seen) >= 2:
            return seen[:2][::-1]
    return []


def _sentence_subject(ctx: Mentions, index: int) -> str | None:
    """The subject of the whole sentence: its first free official, or "he" at its start."""
    sentence = ctx.sentences[index]
    opening = _G.opening_pronoun.match(sentence.text)
    if opening:
        return ctx.antecedent(index, sentence.start + opening.end() - 2)
    return ctx.subject(index)


def _joined_to(ctx: Mentions, index: int, subject: str | None, at: int) -> list[str]:
    """Officials joined to the subject by "and" ("A and his counterpart B held talks")."""
    if subject is None:
        return []
    sentence = ctx.sentences[index]
    before = ctx.officials_in(index, end=at)
    position = next((i for i, m in enumerate(before) if m.person == subject), None)
    joined: list[str] = []
    while position:
        left, right = before[position - 1], before[position]
        gap = sentence.text[left.end - sentence.start : right.start - sentence.start]
        if not _G.joined.fullmatch(gap) or left.person is None:
            break
        joined.insert(0, left.person)
        position -= 1
    return joined


def _subject_before(ctx: Mentions, index: int, at: int) -> str | None:
    """The official named (or "he") right before a verb, or the pair "the two leaders"."""
    sentence = ctx.sentences[index]
    before = [m for m in ctx.officials_in(index, end=at) if not ctx.is_governed(m)]
    pronoun = ctx.pronoun_at(index, max([sentence.start, *(m.end for m in before)]), at)
    if before and pronoun is None:
        return before[-1].person
    if pronoun is not None:
        return ctx.antecedent(index, pronoun)
    return ctx.visiting_guest(index, sentence.text[: at - sentence.start])


def _meeting(
    ctx: Mentions, index: int, participants: list[str], at: int, scheduled: bool,
    caller: str | None, host: str | None = None,
) -> FoundMeeting:  # fmt: skip
    place = ctx.where_place(index, at) or ctx.place_in(index, at) or ctx.place_in(index)
    visit_day = next((d.ordinal for d in ctx.dates[index] if d.kind == "visit-day"), None)
    return FoundMeeting(
        participants=tuple(participants),
        sentence=index,
        evidence=ctx.sentence_span(index),
        status="scheduled" if scheduled else "held",
        date=ctx.date_of(index, near=at) if scheduled else ctx.date_around(index, near=at),
        visit_day=visit_day,
        place=place[0] if place else None,
        place_country=place[1] if place else None,
        caller=caller,
        host=host,
    )


def _unique(ids: Sequence[str | None]) -> list[str]:
    seen: list[str] = []
    for person in ids:
        if person and person not in seen:
            seen.append(person)
    return seen


def _merged(meetings: list[FoundMeeting]) -> list[FoundMeeting]:
    """One meeting per sentence and participant set."""
    kept: dict[tuple[int, frozenset[str]], FoundMeeting] = {}
    for meeting in meetings:
        key = (meeting.sentence, frozenset(meeting.participants))
        if key not in kept:
            kept[key] = meeting
    return list(kept.values())
