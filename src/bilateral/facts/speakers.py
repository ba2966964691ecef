"""Who speaks through a reporting verb: the official before it, the one named after a
quote, "the visiting minister", "he", or "the two presidents"."""

from __future__ import annotations

import re
from typing import Final

import attr

from bilateral.mentions.context import Mentions
from bilateral.mentions.person import PersonMention
from bilateral.text.grammar import grammar
from bilateral.text.regex import fold, search_tail

_SPEECH_GAP: Final = 60


@attr.s(auto_attribs=True, slots=True, frozen=True, eq=False)
class _Grammar:
    """The structural patterns of this module: ``data/grammar.toml`` [speakers]."""

    parenthetical: re.Pattern[str]
    who_before: re.Pattern[str]
    and_before: re.Pattern[str]
    two_sides: re.Pattern[str]
    pair_gap: re.Pattern[str]
    pronoun_pair: re.Pattern[str]
    he_or_she: re.Pattern[str]
    and_word: re.Pattern[str]
    other_clause: re.Pattern[str]
    visiting: re.Pattern[str]


_G: Final = grammar(_Grammar, "speakers")


def speaker_before(
    ctx: Mentions, index: int, at: int, visitors: dict[str, str], speech: bool
) -> str | None:
    """Who speaks through the verb at ``at``: a speech verb ("said") must follow its
    speaker closely, with no comma between."""
    sentence = ctx.sentences[index]
    before_text = sentence.text[: at - sentence.start]
    clause_start = max(before_text.rfind(";"), 0)
    visiting = visiting_official(ctx, index, sentence.start + clause_start, at, visitors)
    candidates = [
        m for m in ctx.officials_in(index, start=sentence.start + clause_start, end=at)
        if not ctx.is_governed(m)
    ]  # fmt: skip
    candidates = [m for m in candidates if not _possessive(ctx, m)]
    relative = search_tail(_G.who_before, before_text, len(before_text))
    if relative:
        named = ctx.officials_in(index, end=sentence.start + relative.start() + 1)
        if named and named[-1].end >= sentence.start + relative.start() - 1:
            return named[-1].person  # "... called on X, who underlined that"
    if speech and search_tail(_G.and_before, before_text, len(before_text)):
        subject = ctx.subject(index, before=at)
        if subject is None:  # "He met Y and said ...": he speaks
            pronoun = ctx.pronoun_at(index, sentence.start + clause_start, at)
            if pronoun is not None and _G.he_or_she.match(sentence.text, pronoun - sentence.start):
                return ctx.antecedent(index, pronoun)
        return subject  # "X received Y and said ...": X speaks
    named = ctx.officials_in(index, start=sentence.start + clause_start, end=at)
    if len(named) >= 2 and _G.pair_gap.fullmatch(
        sentence.text[named[-2].end - sentence.start : named[-1].start - sentence.start],
    ):
        return None  # "A and B discussed": two speakers, no one's statement
    if candidates and search_tail(
        _G.pronoun_pair, sentence.text, candidates[-1].start - sentence.start
    ):
        return None  # "he and B agreed": two speakers as well
    gap_from = candidates[-1].end if candidates else sentence.start + clause_start
    person: str | None
    if visiting and (not candidates or visiting[0] > candidates[-1].start):
        gap_from, person = visiting[1], visiting[2]
    elif candidates:
        person = candidates[-1].person
    else:
        pronoun = ctx.pronoun_at(index, sentence.start + clause_start, at)
        if pronoun is None or not _G.he_or_she.match(sentence.text, pronoun - sentence.start):
            return None
        return ctx.antecedent(index, pronoun)
    gap = sentence.text[gap_from - sentence.start : at - sentence.start]
    if ctx.phrases.pattern("agreements", "sides").regex.search(gap):
        return None  # "X met Y, where the two sides agreed": the sides speak, not X
    parenthetical = bool(_G.parenthetical.fullmatch(gap))
    if speech and not parenthetical and ("," in gap or len(gap) > _SPEECH_GAP):
        return None
    if _G.two_sides.search(gap) and _G.and_word.search(gap) and len(gap) < 25:
        return None
    if _G.other_clause.search(gap) and len(gap) > 80:
        return None
    return person


def shared_speaker(ctx: Mentions, index: int, verb: re.Match[str]) -> str | None:
    """One of two officials who say a thing together ("the two presidents noted ..."): the
    one the article names first, as the statement is each one's. ("A and B stressed ..." is
    read as the two countries' joint word, an agreement.)"""
    if not ctx.phrases.whole("statements", "shared").match(verb.group()):
        return None
    sentence = ctx.sentences[index]
    at = sentence.start + verb.start()
    if not ctx.phrases.before_end("statements", "pairs").search(sentence.text[: verb.start()]):
        return None
    pair = ctx.last_pair(index, before=at)
    if len(pair) != 2:
        return None
    return min(pair, key=lambda p: min(m.start for m in ctx.persons[p].mentions))


def speaker_in(
    ctx: Mentions, index: int, start: int, end: int, visitors: dict[str, str]
) -> str | None:
    """The speaker named right after a comma and right before the verb at ``end``."""
    sentence = ctx.sentences[index]
    mentions = ctx.officials_in(index, start=start, end=end)
    if mentions:
        mention = mentions[-1]
        lead = sentence.text[start - sentence.start : mention.start - sentence.start]
        gap = sentence.text[mention.end - sentence.start : end - sentence.start]
        if len(lead) > 12 or len(gap) > 25 or "," in gap:
            return None
        return mention.person
    visiting = visiting_official(ctx, index, start, end, visitors)
    if visiting:
        return visiting[2]
    pronoun = ctx.pronoun_at(index, start, end)
    if pronoun is None or not _G.he_or_she.match(sentence.text, pronoun - sentence.start):
        return None  # "..., his office said": the office speaks, not he
    return ctx.antecedent(index, pronoun)


def visiting_official(
    ctx: Mentions, index: int, start: int, end: int, visitors: dict[str, str]
) -> tuple[int, int, str] | None:
    """(start, end, person) of "the visiting Iranian commander" in a stretch."""
    sentence = ctx.sentences[index]
    if "visiting" not in (sentence.words.folded if sentence.words else fold(sentence.text)):
        return None
    for match in _G.visiting.finditer(sentence.text, start - sentence.start, end - sentence.start):
        code = ctx.lexicon.country_of_word(match["adj"]) if match["adj"] else None
        person = next((p for home, p in visitors.items() if code is None or home == code), None)
        if person:
            return sentence.start + match.start(), sentence.start + match.end(), person
    return None


def _possessive(ctx: Mentions, mention: PersonMention) -> bool:
    sentence = ctx.sentences[mention.sentence]
    return sentence.text[mention.end - sentence.start :].startswith(("’s", "'s", "’", "'"))
