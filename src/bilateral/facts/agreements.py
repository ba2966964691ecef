"""Agreements: what two or more sides jointly agreed, pledged, vowed, signed or decided."""

from __future__ import annotations

import itertools
import re
from typing import Final

import attr

from bilateral.mentions.context import Mentions
from bilateral.model import PartialDate, Span
from bilateral.text.grammar import grammar
from bilateral.text.regex import search_tail

_SUBJECT_REACH: Final = 140
_CONTEXT_SENTENCES: Final = 3
_OFFICIALS_REACH: Final = 6


@attr.s(auto_attribs=True, slots=True, frozen=True, eq=False)
class _Grammar:
    """The structural patterns of this module: ``data/grammar.toml`` [agreements]."""

    split: re.Pattern[str]
    clause_start: re.Pattern[str]
    pronoun_and: re.Pattern[str]
    he_or_she: re.Pattern[str]
    and_word: re.Pattern[str]
    three: re.Pattern[str]
    name_joint: re.Pattern[str]
    source_tail: re.Pattern[str]
    said_tail: re.Pattern[str]
    named_before: re.Pattern[str]
    by_sides: re.Pattern[str]


_G: Final = grammar(_Grammar, "agreements")


@attr.s(auto_attribs=True, slots=True, eq=False, frozen=True)
class FoundAgreement:
    parties: tuple[str, ...]
    text: str
    verb: str
    sentence: int
    evidence: Span
    signatories: tuple[str, ...] = ()
    date: PartialDate | None = None


def find_agreements(ctx: Mentions, main_pair: tuple[str, str] | None) -> list[FoundAgreement]:
    found: list[FoundAgreement] = []
    for index, sentence in enumerate(ctx.sentences):
        in_sentence = len(found)  # agreements from here on are this sentence's
        for verb in ctx.phrases.pattern("agreements", "verbs").finditer(sentence):
            at = sentence.start + verb.start()
            if any(_covers(a, at) for a in found[in_sentence:]):
                continue
            subject = _subject(ctx, index, verb.start())
            named = search_tail(_G.named_before, sentence.text, verb.start())
            parties: tuple[str, ...]
            signatories: tuple[str, ...]
            if named and _G.by_sides.match(sentence.text, verb.end()):
                # "the Partnership Agreement signed by the two countries in 2017"
                parties, signatories = _sides_in_context(ctx, index, 2) or main_pair or (), ()
            elif subject is None:
                parties, signatories = _signers(ctx, index, verb.group(), verb.start())
            else:
                parties, signatories = _parties(ctx, index, subject, main_pair)
            parties = tuple(dict.fromkeys(parties))
            if len(parties) < 2:
                continue
            # an agreement named before the verb is the text's start: "the border agreement
            # the two countries signed in 2004"
            begins = named.start() if named else verb.start()
            for text in _split(sentence.text[begins:]):
                found.append(
                    FoundAgreement(
                        parties=parties,
                        text=text,
                        verb=verb.group().lower(),
                        sentence=index,
                        evidence=ctx.sentence_span(index),
                        signatories=signatories,
                        date=ctx.date_of(index, sentence.start + verb.start(), days_only=False),
                    )
                )
    return found + _passive(ctx, main_pair, found)


def _passive(
    ctx: Mentions, main_pair: tuple[str, str] | None, found: list[FoundAgreement]
) -> list[FoundAgreement]:
    """Agreements told without their sides ("MoUs were signed", "it was agreed that"),
    between the countries of the sentences around them, or those the article is about."""
    passive: list[FoundAgreement] = []
    for index, sentence in enumerate(ctx.sentences):
        for match in ctx.phrases.pattern("agreements", "passive").finditer(sentence):
            at = sentence.start + match.start()
            if any(a.sentence == index and _covers(a, at) for a in found):
                continue
            parties = _sides_in_context(ctx, index, 2) or main_pair
            if parties is None or _signed_already(ctx, found, parties, match.group()):
                continue
            for text in _split(sentence.text[match.start() :]):
                passive.append(
                    FoundAgreement(
                        parties=tuple(parties), text=text, verb=match.group().lower(),
                        sentence=index, evidence=ctx.sentence_span(index),
                        date=ctx.date_of(index, at, days_only=False),
                    )
                )  # fmt: skip
    return passive


def _signed_already(
    ctx: Mentions, found: list[FoundAgreement], parties: tuple[str, ...], said: str
) -> bool:
    """Whether a signing told in the passive is one the article told with its signers
    ("X and Y signed an agreement ..." and then "an MoU was signed ...")."""
    return "sign" in said.lower() and any(
        set(a.parties) == set(parties) and a.verb in ctx.phrases.words("agreements", "signing")
        for a in found
    )


def _signers(
    ctx: Mentions, index: int, verb: str, at: int
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The sides of a signing verb far from its subject: the countries of the officials
    named before it in its sentence, when they are two."""
    if verb.lower() not in ctx.phrases.words("agreements", "signing"):
        return (), ()
    sentence = ctx.sentences[index]
    people = [m.person for m in ctx.officials_in(index, end=sentence.start + at) if m.person]
    countries = tuple(dict.fromkeys(c for p in people if (c := ctx.country(p))))
    return (countries, tuple(dict.fromkeys(people))) if len(countries) == 2 else ((), ())


def _covers(agreement: FoundAgreement, at: int) -> bool:
    start = agreement.evidence.start + agreement.evidence.text.find(agreement.text)
    return start <= at < start + len(agreement.text)


def _subject(ctx: Mentions, index: int, at: int) -> tuple[int, int] | None:
    """(start, end) in the sentence of the words before the verb that name the sides."""
    text = ctx.sentences[index].text[:at]
    start = 0
    for clause in _G.clause_start.finditer(text):
        start = clause.end()
    if not text[start:].strip() or at - start > _SUBJECT_REACH:
        return None
    return start, at


def _parties(
    ctx: Mentions, index: int, subject: tuple[int, int], main_pair: tuple[str, str] | None
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The countries a subject stands for, and the officials it names."""
    sentence = ctx.sentences[index]
    start, end = sentence.start + subject[0], sentence.start + subject[1]
    window = sentence.text[subject[0] : subject[1]]
    countries = [
        m.country for m in ctx.marks[index]
        if m.kind in ("country", "city") and start <= m.start < end and m.country
    ]  # fmt: skip
    people = [m.person for m in ctx.officials_in(index, start=start, end=end) if m.person]
    pronoun = _G.pronoun_and.search(window)
    if pronoun:  # "he and Prime Minister X witnessed the signing"
        referent = ctx.antecedent(index, start + pronoun.start())
        people = [referent, *people] if referent else people
    # the officials' countries when they name two sides, as a country named beside them is
    # often a topic ("A and B discussed North Korea's tests and agreed ...")
    unique = tuple(dict.fromkeys(c for p in people if (c := ctx.country(p))))
    if len(unique) < 2:
        unique = tuple(dict.fromkeys(c for c in (*unique, *countries) if c))
    if len(unique) >= 2 and _G.and_word.search(window):
        return unique, tuple(dict.fromkeys(people))
    if ctx.phrases.pattern("agreements", "sides").regex.search(window):
        count = 3 if _G.three.search(window) else 2
        found = _sides_in_context(ctx, index, count)
        if found is None and count == 2:
            found = main_pair
        if found:
            return found, tuple(dict.fromkeys(people))
    return (), ()


def _sides_in_context(ctx: Mentions, index: int, count: int) -> tuple[str, ...] | None:
    """The ``count`` countries the last few sentences are about: those of the officials they
    name, and country pairs such as "between Iran and Saudi Arabia" (a country named alone
    is often only a topic: "the situation in Afghanistan")."""
    steps = (
        (_official_countries, _CONTEXT_SENTENCES),
        (_country_pairs, _CONTEXT_SENTENCES),
        (_official_countries, _OFFICIALS_REACH),
    )
    for collect, reach in steps:
        seen: list[str] = []
        for earlier in range(index, max(-1, index - reach), -1):
            for _, country in sorted(collect(ctx, earlier), key=lambda f: f[0], reverse=True):
                if country and country not in seen:
                    seen.append(country)
            if len(seen) >= count:
                return tuple(reversed(seen[:count]))
    return None


def _official_countries(ctx: Mentions, index: int) -> list[tuple[int, str | None]]:
    """The countries of the officials a sentence names, and of the one its "he" or "she"
    stands for ("he held talks with B before the two men signed": he is one of the two)."""
    found = [(m.start, ctx.country(m.person or "")) for m in ctx.officials_in(index)]
    sentence = ctx.sentences[index]
    pronoun = _G.he_or_she.search(sentence.text)
    if pronoun:
        at = sentence.start + pronoun.start()
        referent = ctx.antecedent(index, at)
        if referent:
            found.append((at, ctx.country(referent)))
    return found


def _country_pairs(ctx: Mentions, index: int) -> list[tuple[int, str | None]]:
    sentence = ctx.sentences[index]
    names = [
        m for m in ctx.marks[index]
        if m.kind == "country" and ctx.lexicon.is_country_name(m.text)
    ]  # fmt: skip
    pairs: list[tuple[int, str | None]] = []
    for first, second in itertools.pairwise(names):
        gap = sentence.text[first.end - sentence.start : second.start - sentence.start]
        if _G.name_joint.fullmatch(gap):
            pairs += [(first.start, first.country), (second.start, second.country)]
    return pairs


def _split(text: str) -> list[str]:
    """One text per joint decision: "agreed to X, besides deciding to Y" gives two."""
    parts = [p.strip(" ,.") for p in _G.split.split(text)]
    return [_trim(p) for p in parts if len(p.split()) >= 3]


def _trim(text: str) -> str:
    text = _G.source_tail.sub("", text)
    text = _G.said_tail.sub("", text)
    return text.strip(' ,.“”"')
