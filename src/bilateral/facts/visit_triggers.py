"""What tells of a visit in a sentence: the words of travel, the visitor and destinations."""

from __future__ import annotations

import re
from typing import Final, Literal

import attr

from bilateral.facts.meetings import FoundMeeting
from bilateral.mentions.context import Mentions
from bilateral.mentions.marks import Mark
from bilateral.text.grammar import grammar
from bilateral.text.lexicons import city_countries
from bilateral.text.regex import search_tail

_DESTINATION_REACH: Final = 90
_PAIR_REACH: Final = 60


TriggerKind = Literal["arrival", "visit", "bare", "meeting", "scheduled", "invitation"]


@attr.s(auto_attribs=True, slots=True, frozen=True, eq=False)
class _Grammar:
    """The structural patterns of this module: ``data/grammar.toml`` [visit_triggers]."""

    clause_break: re.Pattern[str]
    visiting_before: re.Pattern[str]
    invited_before: re.Pattern[str]
    who_before: re.Pattern[str]
    coordination: re.Pattern[str]
    to_before: re.Pattern[str]
    invitation_accepted: re.Pattern[str]
    of_after: re.Pattern[str]
    of: re.Pattern[str]
    list_gap: re.Pattern[str]
    speech_between: re.Pattern[str]
    lead_in: re.Pattern[str]
    the_country: re.Pattern[str]
    capital: re.Pattern[str]
    home_capital: re.Pattern[str]
    here: re.Pattern[str]
    possessive_end: re.Pattern[str]
    latter_before: re.Pattern[str]
    invited_object: re.Pattern[str]
    attending: re.Pattern[str]
    invited_pronoun: re.Pattern[str]
    to_after: re.Pattern[str]
    participle_gap: re.Pattern[str]


_G: Final = grammar(_Grammar, "visit_triggers")
CLAUSE_BREAK: Final = _G.clause_break  # where a clause ends (visits read it too)
_INVITATION_REACH: Final = 220  # "accepted an invitation from ..., conveyed by ..., to visit"


@attr.s(auto_attribs=True, slots=True, eq=False)
class Trigger:
    """Words that tell of a visit: who, to where (when they say), where in the text."""

    visitor: str
    destination: str | None
    sentence: int
    at: int
    end: int
    kind: TriggerKind


def explicit_triggers(ctx: Mentions, index: int) -> list[Trigger]:
    sentence = ctx.sentences[index]
    found = []
    kinds: tuple[TriggerKind, ...] = ("arrival", "visit")
    for kind in kinds:
        for match in ctx.phrases.pattern("visits", kind).finditer(sentence):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            visitor = _visitor(ctx, index, start, end)
            if visitor is None:
                found.extend(_pair_travels(ctx, index, start, end, kind))
                continue
            destinations = _destinations(ctx, index, end, visitor)
            if (
                not destinations
                and kind == "arrival"
                and not match.group()
                .lower()
                .endswith(("in", "at", "to", "for", "reached", "reaches"))
            ):
                destinations = [None]
            for destination in destinations or []:
                for person in _with_coordinated(ctx, index, visitor, start):
                    found.append(Trigger(person, destination, index, start, end, kind))
    found.extend(_visiting(ctx, index))
    found.extend(_mutual_invitations(ctx, index))
    found.extend(_invited_to_places(ctx, index))
    found.extend(_attending(ctx, index))
    for match in ctx.phrases.pattern("visits", "bare").finditer(sentence):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if any(t.sentence == index and t.at <= start < t.end + 4 for t in found):
            continue
        visitor = _visitor(ctx, index, start, end) or _subject_after(ctx, index, end)
        if visitor:
            found.append(Trigger(visitor, None, index, start, end, "bare"))
    return found


def _visiting(ctx: Mentions, index: int) -> list[Trigger]:
    """ "the visiting Uzbek Foreign Minister X": X visits the country of whoever receives
    them in the sentence, else the dateline's."""
    sentence = ctx.sentences[index]
    found: list[Trigger] = []
    if "visiting" not in sentence.text:
        return found
    for mention in ctx.officials_in(index):
        if not mention.person or not search_tail(
            _G.visiting_before, sentence.text, mention.start - sentence.start
        ):
            continue
        home = ctx.country(mention.person)
        hosts = [
            ctx.country(m.person or "")
            for m in ctx.officials_in(index)
            if m.person != mention.person
        ]
        places = [c for c in (*hosts, _city_country(ctx.article.dateline)) if c and c != home]
        if home and places:
            found.append(
                Trigger(mention.person, places[0], index, mention.start, mention.end, "visit")
            )
    return found


def _pair_travels(
    ctx: Mentions, index: int, start: int, end: int, kind: TriggerKind
) -> list[Trigger]:
    """ "The two leaders will then travel to X": a visit to X by each of the pair."""
    sentence = ctx.sentences[index]
    before = sentence.text[max(0, start - sentence.start - _PAIR_REACH) : start - sentence.start]
    said = ctx.phrases.before_end("visits", "pairs").search(before)
    if said is None:
        return []
    pair = ctx.last_pair(index, said=said.group())
    return [
        Trigger(person, destination, index, start, end, kind)
        for person in pair
        for destination in _destinations(ctx, index, end, person)
        if destination
    ]


def _attending(ctx: Mentions, index: int) -> list[Trigger]:
    """ "the session in Banjul in July, which Presidents A and B are expected to co-chair":
    a planned visit to the event's place of each who is not at home there."""
    sentence = ctx.sentences[index]
    if "to " not in sentence.text:
        return []
    found = []
    for match in _G.attending.finditer(sentence.text):
        place = ctx.place_in(index, end=sentence.start + match.start())
        if place is None:
            continue
        start, end = sentence.start + match.start("who"), sentence.start + match.end("who")
        for mention in ctx.officials_in(index, start=start, end=end):
            if mention.person and ctx.country(mention.person) != place[1]:
                found.append(
                    Trigger(mention.person, place[1], index, mention.start, end, "scheduled")
                )
    return found


def _invited_to_places(ctx: Mentions, index: int) -> list[Trigger]:
    """ "B invited A to Warsaw", "B had invited him to Panama": a planned visit of A to the
    place named right after "to"."""
    sentence = ctx.sentences[index]
    if "invit" not in sentence.text:
        return []
    base = sentence.start
    invitees: list[tuple[str | None, int, int]] = []  # (person, where "to" starts and ends)
    for mention in ctx.officials_in(index):
        to = _G.to_after.match(sentence.text, mention.end - base)
        if to and search_tail(_G.invited_object, sentence.text, mention.start - base):
            invitees.append((mention.person, base + to.start(), base + to.end()))
    for match in _G.invited_pronoun.finditer(sentence.text):
        person = ctx.antecedent(index, base + match.start("pronoun"))
        invitees.append((person, base + match.start("to"), base + match.end("to")))
    return [
        Trigger(person, destination, index, start, end, "invitation")
        for person, start, end in invitees
        if person
        for destination in _destinations(ctx, index, end, person)
        if destination
    ]


def _mutual_invitations(ctx: Mentions, index: int) -> list[Trigger]:
    """ "The presidents invited each other to visit": a planned visit by each of the pair
    to the other's country."""
    sentence = ctx.sentences[index]
    match = next(iter(ctx.phrases.pattern("visits", "mutual").finditer(sentence)), None)
    if match is None:
        return []
    start, end = sentence.start + match.start(), sentence.start + match.end()
    pair = ctx.last_pair(index)
    countries = [ctx.country(p) for p in pair]
    return [
        Trigger(person, other, index, start, end, "invitation")
        for person, other in zip(pair, reversed(countries), strict=True)
        if other
    ]


def _with_coordinated(ctx: Mentions, index: int, visitor: str, at: int) -> list[str]:
    """The visitor and those joined to them by "and" ("PM and COAS X arrived"), but not in
    a relative clause ("talks between A and B, who arrived": B alone)."""
    sentence = ctx.sentences[index]
    if search_tail(_G.who_before, sentence.text, at - sentence.start):
        return [visitor]
    before = ctx.officials_in(index, end=at)
    position = next((i for i, m in enumerate(before) if m.person == visitor), None)
    if position is None:
        return [visitor]
    chain = [before[position]]
    for step in (-1, 1):
        i = position + step
        while 0 <= i < len(before):
            left, right = (before[i], chain[0]) if step < 0 else (chain[-1], before[i])
            gap = sentence.text[left.end - sentence.start : right.start - sentence.start]
            if not _G.coordination.fullmatch(gap):
                break
            if step < 0:
                chain.insert(0, before[i])
            else:
                chain.append(before[i])
            i += step
    return list(dict.fromkeys(m.person for m in chain if m.person))


def _subject_after(ctx: Mentions, index: int, at: int) -> str | None:
    """The subject of a clause that follows "During the three-day visit," (not one before)."""
    subject = next((m for m in ctx.officials_in(index, start=at) if not ctx.is_governed(m)), None)
    before = ctx.officials_in(index, end=at)
    return subject.person if subject and not before else None


def _visitor(ctx: Mentions, index: int, start: int, end: int) -> str | None:
    """Who travels: "X's visit", "visit of X to", the subject before the verb, or "he"."""
    sentence = ctx.sentences[index]
    before_text = sentence.text[: start - sentence.start]
    officials = ctx.officials_in(index)
    before = [m for m in officials if m.end <= start]
    accepted = _G.invitation_accepted.search(
        before_text, max(0, len(before_text) - _INVITATION_REACH)
    )
    if accepted:
        subjects = [m for m in before if m.end <= sentence.start + accepted.start()]
        return subjects[-1].person if subjects else None
    if (
        before
        and _G.possessive_end.search(before_text[:None])
        and before_text[before[-1].end - sentence.start :].lstrip().startswith(("’", "'"))
    ):
        return before[-1].person
    if before and search_tail(_G.latter_before, before_text, len(before_text)):
        return before[-1].person
    after_of = _G.of_after.match(sentence.text, end - sentence.start)
    if after_of:
        following = [m for m in officials if m.start >= end and m.start - end < 60]
        if following:
            return following[0].person
    inside_of = _G.of.search(sentence.text[start - sentence.start : end - sentence.start])
    if inside_of:  # "the visit of the late President X to Pakistan"
        within = [m for m in officials if start + inside_of.end() <= m.start < end]
        if within:
            return within[0].person
    pronoun = ctx.pronoun_at(index, before[-1].end if before else sentence.start, start)
    invited = search_tail(_G.invited_before, before_text, len(before_text))
    # "invited X to pay a visit to"; not "X invited him to visit", where "him" travels
    if before and invited and start - before[-1].end < 30 and pronoun is None:
        return before[-1].person
    gap = start - before[-1].end if before else None
    if gap is not None and search_tail(_G.who_before, before_text, len(before_text)):
        # "X received Y, who is visiting": Y, but nobody when Y is no official of the text
        return before[-1].person if gap < 20 else None
    if (
        gap is not None
        and gap < 40
        and search_tail(_G.to_before, before_text, len(before_text))
        and pronoun is None
    ):
        return before[-1].person
    if (
        before
        and _G.participle_gap.match(
            sentence.text[before[-1].end - sentence.start : start - sentence.start]
        )
        and sentence.text[start - sentence.start : end - sentence.start].split()[0].endswith("ing")
    ):
        return before[-1].person  # "with X travelling to": X travels
    if pronoun is not None:
        return ctx.antecedent(index, pronoun)
    subjects = [m for m in before if not ctx.is_governed(m)]
    if subjects and _G.speech_between.search(
        sentence.text[subjects[-1].end - sentence.start : start - sentence.start]
    ):
        return None  # "X said the visit would...": the visit is not X's
    if subjects:
        return subjects[-1].person
    return None


def _destinations(ctx: Mentions, index: int, end: int, visitor: str) -> list[str | None]:
    """Countries named right after a visit verb ("to Turkey, India and Pakistan")."""
    sentence = ctx.sentences[index]
    rest = sentence.text[end - sentence.start :]
    stop = _G.clause_break.search(rest)
    limit = end + min(_DESTINATION_REACH, stop.start() if stop else len(rest))
    home = ctx.country(visitor)
    if _G.the_country.match(rest):
        country = _country_recalled(ctx, index, home)
        return [country] if country else []
    if _G.here.match(rest):
        dateline = _city_country(ctx.article.dateline)
        return [dateline] if dateline and dateline != home else []
    if _G.home_capital.match(rest):
        here = _city_country(ctx.article.dateline) or ctx.home_country
        return [here] if here and here != home else []
    capital = _G.capital.match(rest)
    if capital:
        code = ctx.lexicon.country_of_word(capital["adj"])
        if code:
            return [code]
    places = [
        m for m in ctx.marks[index]
        if end <= m.start < limit
        and (
            m.kind == "city"
            or (m.kind == "country" and ctx.lexicon.is_country_name(m.text))
            or (m.kind == "organisation" and _located(ctx, m))
        )
    ]  # fmt: skip
    if not places:
        return []
    chain: list[Mark] = [places[0]]
    if not _G.lead_in.fullmatch(
        sentence.text[end - sentence.start : places[0].start - sentence.start]
    ):
        return []
    for mark in places[1:]:
        gap = sentence.text[chain[-1].end - sentence.start : mark.start - sentence.start]
        if not _G.list_gap.match(gap):
            break
        chain.append(mark)
    codes = [m.country for m in chain if m.country and m.country != home]
    return list(dict.fromkeys(codes))


def _located(ctx: Mentions, mark: Mark) -> bool:
    """Whether an organisation stands somewhere ("visited GHQ" is a visit to Rawalpindi)."""
    organisation = ctx.lexicon.organisation_forms().get(mark.text)
    return bool(organisation and organisation.place and organisation.country)


def _country_recalled(ctx: Mentions, index: int, home: str | None) -> str | None:
    """Which country "the country" is: the last other than the visitor's named in this
    sentence or the few before (by its name: "the Polish minister" names a person's, not a
    place), else the dateline's."""
    for earlier in range(index, max(-1, index - 4), -1):
        countries = [
            m.country
            for m in ctx.marks[earlier]
            if m.kind == "country" and m.country and ctx.lexicon.is_country_name(m.text)
        ]
        for code in reversed(countries):
            if code != home:
                return code
    dateline = _city_country(ctx.article.dateline)
    return dateline if dateline != home else None


def meeting_triggers(
    ctx: Mentions, meetings: list[FoundMeeting], explicit: set[str], told: set[int]
) -> list[Trigger]:
    """A meeting abroad is a visit of the participant who is not at home (a planned one when
    the meeting is only scheduled). Meetings of a visitor the text already names belong to
    that visit; the dateline places a meeting only in an article that names no visit (but
    on a call), and not in a sentence (``told``) that names a trip."""
    found = []
    dateline = ctx.article.dateline
    dateline_country = None if explicit else _city_country(dateline)
    for meeting in meetings:
        guests = set(meeting.participants) - {meeting.host}
        if explicit & guests and meeting.place_country is None:
            continue
        countries = {p: ctx.country(p) for p in meeting.participants}
        host = meeting.place_country
        if host is None and meeting.caller and countries.get(meeting.caller):
            others = {c for p, c in countries.items() if p != meeting.caller and c}
            if len(others) == 1 and countries[meeting.caller] not in others:
                host = others.pop()
        if host is None and meeting.host and meeting.sentence not in told:
            host = countries.get(meeting.host)  # "X hosted Y": at X's home
        if host is None and dateline_country and meeting.sentence not in told:
            at_home = [p for p, c in countries.items() if c == dateline_country]
            abroad = [p for p, c in countries.items() if c and c != dateline_country]
            if at_home and len(abroad) == 1:
                host = dateline_country
        if host is None:
            continue
        if not any(c == host for c in countries.values()) and meeting.place_country is None:
            continue
        for person, country in countries.items():
            if (person in explicit and meeting.place_country is None) or _resident(ctx, person):
                continue
            if country and country != host:
                sentence = ctx.sentences[meeting.sentence]
                kind: TriggerKind = "meeting" if meeting.status == "held" else "scheduled"
                found.append(
                    Trigger(person, host, meeting.sentence, sentence.start, sentence.start, kind)
                )
    return found


def _resident(ctx: Mentions, person_id: str) -> bool:
    """Ambassadors and envoys live where they meet: meeting there is no visit."""
    person = ctx.persons.get(person_id)
    return bool(person) and "ambassador" in (person.offices if person else [])


def _city_country(city: str | None) -> str | None:
    if not city:
        return None
    return city_countries().get(city)
