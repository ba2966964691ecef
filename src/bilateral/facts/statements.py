"""Statements: who said what, quoted or reported, through which channel, to whom."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Final

import attr
from attrs import evolve

from bilateral.facts.speakers import shared_speaker, speaker_before, speaker_in
from bilateral.mentions.context import Mentions
from bilateral.model import PartialDate, Span
from bilateral.model.records import StatementMode
from bilateral.text.grammar import grammar
from bilateral.text.regex import search_tail

_SPEAKER_REACH: Final = 90
_MIN_WORDS: Final = 4
_THAT_REACH: Final = 60
_TAIL_REACH: Final = 140


@attr.s(auto_attribs=True, slots=True, frozen=True, eq=False)
class _Grammar:
    """The structural patterns of this module: ``data/grammar.toml`` [statements]."""

    speaker_after: re.Pattern[str]
    ends_clause: re.Pattern[str]
    second_verb: re.Pattern[str]
    bare_and: re.Pattern[str]
    adding_that: re.Pattern[str]
    passive_before: re.Pattern[str]
    agent_after: re.Pattern[str]
    tail_start: re.Pattern[str]
    back_reference: re.Pattern[str]
    that: re.Pattern[str]
    apposition: re.Pattern[str]
    opening_that: re.Pattern[str]
    later_that: re.Pattern[str]
    clause_mark: re.Pattern[str]
    quote_mark: re.Pattern[str]
    opening_quote: re.Pattern[str]
    that_after: re.Pattern[str]
    leading_that: re.Pattern[str]
    clause_joint: re.Pattern[str]
    reciprocal: re.Pattern[str]
    verb_gap: re.Pattern[str]


_G: Final = grammar(_Grammar, "statements")


@attr.s(auto_attribs=True, slots=True, eq=False, frozen=True)
class FoundStatement:
    speaker: str
    text: str
    mode: StatementMode
    verb: str
    sentence: int
    evidence: Span
    channel: str | None = None
    addressee: str | None = None
    date: PartialDate | None = None


def find_statements(ctx: Mentions, visitors: dict[str, str]) -> list[FoundStatement]:
    """``visitors`` maps a country (or "") to the person visiting it, for "the visiting X"."""
    found: list[FoundStatement] = []
    for index in range(len(ctx.sentences)):
        quoted = _quoted(ctx, index, visitors)
        here = [quoted] if quoted else _reported_clauses(ctx, index, visitors)
        if not here and (continued := _continued(ctx, index, found[-1] if found else None)):
            here = [continued]
        for statement in here:
            found.extend(_split_coordinated(ctx, statement))
    return found


def _is_speech(ctx: Mentions, verb: str) -> bool:
    return bool(ctx.phrases.whole("statements", "speech").match(verb))


def _split_coordinated(ctx: Mentions, statement: FoundStatement) -> list[FoundStatement]:
    """ "said that X, and called for Y" and "said X, adding that Y" are two statements of
    one speaker (while "underscored X and noted that Y" and "underlined X, and briefed Y"
    stay one)."""
    reporting = ctx.phrases.pattern("statements", "reported").regex
    speech = ctx.phrases.pattern("statements", "speech").regex
    added = _G.adding_that.search(statement.text) if _is_speech(ctx, statement.verb) else None
    if added and len(statement.text[: added.start()].split()) >= _MIN_WORDS:
        head = evolve(statement, text=statement.text[: added.start()].strip())
        tail = evolve(statement, text=statement.text[added.end() :].strip())
        if len(tail.text.split()) >= _MIN_WORDS:
            return [*_split_coordinated(ctx, head), *_split_coordinated(ctx, tail)]
    for joint in _G.second_verb.finditer(statement.text):
        rest = statement.text[joint.end() :]
        verb = reporting.match(rest) or speech.match(rest)
        if verb is None or not (
            _is_speech(ctx, statement.verb) or _G.that_after.match(rest[verb.end() :])
        ):
            continue
        first = statement.text[: joint.start()].strip()
        second = rest
        if _is_speech(ctx, verb.group().lower()):
            second = _G.leading_that.sub("", rest[verb.end() :].strip())
        if len(first.split()) < _MIN_WORDS or len(second.split()) < _MIN_WORDS:
            continue
        return [
            evolve(statement, text=first),
            *_split_coordinated(ctx, evolve(statement, text=second)),
        ]
    if _is_speech(ctx, statement.verb):
        own = ctx.phrases.pattern("statements", "then_own").regex
        for joint in _G.bare_and.finditer(statement.text):
            first, second = statement.text[: joint.start()], statement.text[joint.end() :]
            if (
                own.match(second)
                and len(_G.quote_mark.findall(first)) % 2 == 0  # not inside a quotation
                and len(first.split()) >= _MIN_WORDS
                and len(second.split()) >= _MIN_WORDS
            ):
                return [evolve(statement, text=first.strip()), evolve(statement, text=second)]
    return [statement]


def _quoted(ctx: Mentions, index: int, visitors: dict[str, str]) -> FoundStatement | None:
    """Content first, then who said it: “...,” the speaker said. / ..., Rouhani said."""
    sentence = ctx.sentences[index]
    text = sentence.text
    speech = ctx.phrases.pattern("statements", "speech")
    # a quotation is attributed by more verbs: '"...," she stressed'
    quoting = (
        ctx.phrases.pattern("statements", "quote_tail") if text[:1] and text[:1] in '“"' else None
    )
    if speech.search(sentence) is None and (quoting is None or quoting.search(sentence) is None):
        return None  # no speech verb after any comma
    for comma in _G.speaker_after.finditer(text):
        if comma.start() < 12:
            continue
        rest_at = sentence.start + comma.end()
        found = [v for v in (speech.search(sentence, comma.end()),) if v]
        if quoting is not None and (tail := quoting.search(sentence, comma.end())):
            found.append(tail)
        verb = min(found, key=lambda v: v.start()) if found else None
        if verb is None:
            return None  # no speech verb after this comma, so none after a later one
        if verb.start() - comma.end() > _SPEAKER_REACH:
            continue
        after = None
        if verb.start() == comma.end():  # '..., said X.'
            after = _speaker_after_verb(ctx, index, sentence.start + verb.end())
        told = verb.group().lower() in ("told", "informed")
        if after is None and not _G.ends_clause.match(text[verb.end() :]) and not told:
            continue
        if told and _G.later_that.search(text, verb.end(), verb.end() + _THAT_REACH):
            continue  # "..., X told Y that Z": what was said is Z, after the verb
        speaker = after or speaker_in(ctx, index, rest_at, sentence.start + verb.start(), visitors)
        if speaker is None:
            continue
        content = _clean(ctx, text[: comma.start()])
        if len(content.split()) < _MIN_WORDS:
            continue
        mode: StatementMode = (
            "quoted" if _G.opening_quote.search(text[: comma.end()]) else "reported"
        )
        return _statement(ctx, index, speaker, content, mode, verb.group().lower())
    return None


def _reported_clauses(ctx: Mentions, index: int, visitors: dict[str, str]) -> list[FoundStatement]:
    """The reported statement of each clause of a sentence that has a speaker of its own:
    "A asked for X, and B reaffirmed Y" is A's and B's."""
    bounds = [0, *_speaker_joints(ctx, index), len(ctx.sentences[index].text)]
    found = (_reported(ctx, index, visitors, start, end) for start, end in pairwise(bounds))
    return [statement for statement in found if statement]


def _speaker_joints(ctx: Mentions, index: int) -> list[int]:
    """Where a clause begins whose subject is an official right before a reporting verb
    (", and B reaffirmed"): the offsets in the sentence of the words that join it."""
    sentence = ctx.sentences[index]
    starts = {m.start - sentence.start: m for m in ctx.officials_in(index)}
    joints = []
    for joint in _G.clause_joint.finditer(sentence.text):
        mention = starts.get(joint.end())
        gap = mention and _G.verb_gap.match(sentence.text, mention.end - sentence.start)
        if gap and any(
            ctx.phrases.pattern("statements", kind).regex.match(sentence.text, gap.end())
            for kind in ("speech", "reported")
        ):
            joints.append(joint.start())
    return joints


def _reported(
    ctx: Mentions, index: int, visitors: dict[str, str], start: int, end: int
) -> FoundStatement | None:
    """The statement of the first reporting verb in [start, end) of a sentence with a
    speaker, its content ending at ``end``."""
    sentence = ctx.sentences[index]
    verbs = list(ctx.phrases.pattern("statements", "speech").finditer(sentence, start, end))
    verbs += list(ctx.phrases.pattern("statements", "reported").finditer(sentence, start, end))
    for verb in sorted(verbs, key=lambda m: m.start()):
        at = sentence.start + verb.start()
        word = verb.group().lower()
        if search_tail(_G.passive_before, sentence.text, verb.start()) or _G.agent_after.match(
            sentence.text, verb.end()
        ):
            continue  # "was briefed on", "conveyed by": the official is not the one who spoke
        if _G.reciprocal.match(sentence.text, verb.end()):
            continue  # "invited each other": what two do together, no one's statement
        speech = _is_speech(ctx, word)
        speaker = speaker_before(ctx, index, at, visitors, speech) or shared_speaker(
            ctx, index, verb
        )
        if speaker is None:
            continue
        if word == "discussed" and ctx.phrases.pattern("meetings", "verbs").search(
            sentence, 0, verb.start()
        ):
            continue
        rest = sentence.text[verb.end() : end]
        addressee = None
        if word in ("told", "tells", "informed"):
            target = next(iter(ctx.officials_in(index, start=sentence.start + verb.end())), None)
            if target and target.start - (sentence.start + verb.end()) <= 2:
                addressee = target.person
                rest = sentence.text[target.end - sentence.start : end]
                rest = _G.apposition.sub("", rest)
        if _is_speech(ctx, word):
            content = _G.that.sub("", rest, count=1)
            content = _G.opening_that.sub("", content.strip())
            that = _G.later_that.search(content[:_THAT_REACH])
            if that and not _G.clause_mark.search(content[: that.start()]):
                content = content[that.end() :]
        else:
            content = sentence.text[verb.start() : end]
        mode: StatementMode = "quoted" if _G.quote_mark.search(content) else "reported"
        content = _clean(ctx, content)
        if len(content.split()) < _MIN_WORDS or (speech and _G.back_reference.match(content)):
            continue
        return _statement(ctx, index, speaker, content, mode, word, addressee)
    return None


def _speaker_after_verb(ctx: Mentions, index: int, at: int) -> str | None:
    """The speaker named right after the verb that ends a quote ('..., said X.')."""
    sentence = ctx.sentences[index]
    mention = next(iter(ctx.officials_in(index, start=at)), None)
    if mention is None or mention.start - at > 2:
        return None
    return (
        mention.person
        if _G.ends_clause.match(sentence.text[mention.end - sentence.start :])
        else None
    )


def _continued(ctx: Mentions, index: int, last: FoundStatement | None) -> FoundStatement | None:
    """A sentence that is all quotation, right after a quoted statement (in its paragraph or
    opening the next, as news copy runs a quote on), continues it: the same speaker's words."""
    text = ctx.sentences[index].text.strip()
    if (
        last is None or last.mode != "quoted" or last.sentence != index - 1
        or not (text[:1] in "“\"" and text.rstrip(".")[-1:] in "”\"" and text[:1])
        or len(_G.quote_mark.findall(text)) != 2
    ):  # fmt: skip
        return None
    content = text.strip('“”" ').rstrip(".")
    if len(content.split()) < _MIN_WORDS:
        return None
    return _statement(ctx, index, last.speaker, content, "quoted", last.verb)


def _clean(ctx: Mentions, content: str) -> str:
    """The content without its attribution tail (", the ISPR said") and edge punctuation."""
    content = content.strip().rstrip(".").strip()
    starts = _tail_starts(content)
    for tail in ctx.phrases.each("statements", "attribution"):
        for start in starts:
            if start > 20 and tail.match(content, start):
                content = content[:start]
                starts = _tail_starts(content)
                break
    return content.strip(' ,“”"').strip()


def _tail_starts(content: str) -> list[int]:
    """Where an attribution tail can begin in the last ``_TAIL_REACH`` characters: at a
    comma or quote, or before a speech verb."""
    offset = max(0, len(content) - _TAIL_REACH)
    return [m.start() for m in _G.tail_start.finditer(content, offset)]


def _statement(
    ctx: Mentions, index: int, speaker: str, text: str, mode: StatementMode, verb: str,
    addressee: str | None = None,
) -> FoundStatement:  # fmt: skip
    return FoundStatement(
        speaker=speaker,
        text=text,
        mode=mode,
        verb=verb,
        sentence=index,
        evidence=ctx.sentence_span(index),
        channel=_channel(ctx, index),
        addressee=addressee if addressee != speaker else None,
        date=ctx.date_of(index),
    )


def _names_a_person(ctx: Mentions, index: int, at: int) -> bool:
    return any(m.start <= at < m.end or m.name_start == at for m in ctx.mentions[index])


def _channel(ctx: Mentions, index: int) -> str | None:
    sentence = ctx.sentences[index]
    text, folded = sentence.text, sentence.words.folded if sentence.words else None
    for phrase in ctx.phrases.guarded("statements", "channels"):
        match = phrase.search(text, folded)
        if match is None:
            continue
        if match.groupdict().get("tweet"):
            return "tweet"
        channel = match.groupdict().get("channel")
        if channel and _names_a_person(ctx, index, sentence.start + match.start("channel")):
            continue  # '..., said X': X is the speaker, not a channel
        if channel:
            media = [m for m in ctx.marks[index] if m.kind == "organisation" and m.text in channel]
            return media[0].value if media else channel.strip()
    return None
