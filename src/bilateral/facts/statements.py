"""Statements: who said what, quoted or reported, through which channel, to whom."""

from __future__ import annotations

import re

from attrs import frozen

from bilateral.facts.context import Context
from bilateral.facts.vocabulary import pattern, phrases
from bilateral.mentions.people import PersonMention
from bilateral.model import PartialDate, Span

_QUOTE_FIRST = re.compile(r"^[“\"‘'](?P<content>.+?)[,.]?[”\"’'],?\s+(?P<rest>.+)$")
_CONTENT_FIRST = re.compile(r"^(?P<content>.{12,}?),\s+(?P<rest>[^,]{2,80})$")
_TAIL_VERB = re.compile(r"\b(?:said|says|added|stated|remarked|noted|tweeted|told)\b\.?$|"
                        r"^(?:said|added|stated|remarked)\b")  # fmt: skip
_THAT = re.compile(r"^\s*(?:that\s+)?")
_TWO_SIDES = re.compile(
    r"\b(?:the two|both|they|we)\b|\band\b", re.IGNORECASE
)
_VISITING = re.compile(
    r"\b(?:the\s)?visiting\s(?:(?P<adj>[A-Z][a-z]+)\s)?(?:\w+\s)?(?:dignitary|commander|general|"
    r"official|minister|leader|guest|chief|army chief|admiral|president|premier|delegate)\b",
    re.IGNORECASE,
)
_SPEECH_WITH_CONTENT = frozenset({"said", "says", "told", "tells", "stated", "added", "remarked",
                                  "maintained", "observed", "asserted", "declared", "announced",
                                  "tweeted", "wrote", "informed", "claimed"})  # fmt: skip


@frozen
class FoundStatement:
    speaker: str
    text: str
    mode: str
    verb: str
    sentence: int
    evidence: Span
    channel: str | None = None
    addressee: str | None = None
    date: PartialDate | None = None


def find_statements(ctx: Context, visitors: dict[str, str]) -> list[FoundStatement]:
    """``visitors`` maps a country (or "") to the person visiting it, for "the visiting X"."""
    found: list[FoundStatement] = []
    for index, sentence in enumerate(ctx.sentences):
        statement = _quoted(ctx, index, visitors) or _reported(ctx, index, visitors)
        if statement:
            found.append(statement)
    return found


def _quoted(ctx: Context, index: int, visitors: dict[str, str]) -> FoundStatement | None:
    """“Content,” the speaker said.  /  Content, Rouhani said."""
    text = ctx.sentences[index].text.rstrip(".")
    match = _QUOTE_FIRST.match(text) or _CONTENT_FIRST.match(text)
    if match is None or not _TAIL_VERB.search(match["rest"].strip()):
        return None
    sentence = ctx.sentences[index]
    rest_at = sentence.start + match.start("rest")
    speaker = _speaker_in(ctx, index, rest_at, sentence.start + len(text), visitors)
    if speaker is None:
        return None
    mode = "quoted" if match.re is _QUOTE_FIRST or "“" in match["content"] else "reported"
    return _statement(ctx, index, speaker, _clean(match["content"]), mode, "said")


def _reported(ctx: Context, index: int, visitors: dict[str, str]) -> FoundStatement | None:
    sentence = ctx.sentences[index]
    verbs = list(pattern("statements", "speech").finditer(sentence.text))
    verbs += list(pattern("statements", "reported").finditer(sentence.text))
    for verb in sorted(verbs, key=lambda m: m.start()):
        at = sentence.start + verb.start()
        speaker = _speaker_before(ctx, index, at, visitors)
        if speaker is None:
            continue
        word = verb.group().lower()
        rest = sentence.text[verb.end() :]
        addressee = None
        if word in ("told", "tells", "informed"):
            target = next(ctx.officials_in(index, start=sentence.start + verb.end()), None)
            if target and target.start - (sentence.start + verb.end()) <= 2:
                addressee = target.person
                rest = sentence.text[target.end - sentence.start :]
                rest = re.sub(r"^\s*,[^,]*,", "", rest)
        if word in _SPEECH_WITH_CONTENT:
            content = _THAT.sub("", rest, count=1)
            content = re.sub(r"^(?:in (?:a|his|her|the) [\w ]{2,30}?\s)?that\s", "", content.strip())
        else:
            content = sentence.text[verb.start() :]
        content = _clean(content)
        if len(content.split()) < 3:
            continue
        mode = "quoted" if re.search(r"[“\"]", content) else "reported"
        return _statement(ctx, index, speaker, content, mode, word, addressee)
    return None


def _speaker_before(ctx: Context, index: int, at: int, visitors: dict[str, str]) -> str | None:
    sentence = ctx.sentences[index]
    before_text = sentence.text[: at - sentence.start]
    clause_start = max(before_text.rfind(";"), 0)
    visiting = _visiting(ctx, index, sentence.start + clause_start, at, visitors)
    candidates = [
        m for m in ctx.officials_in(index, start=sentence.start + clause_start, end=at)
        if not ctx.is_governed(m)
    ]  # fmt: skip
    candidates = [m for m in candidates if not _possessive(ctx, m)]
    gap_from = candidates[-1].end if candidates else sentence.start + clause_start
    if visiting and (not candidates or visiting[0] > candidates[-1].start):
        gap_from, person = visiting[1], visiting[2]
    elif candidates:
        person = candidates[-1].person
    else:
        pronoun = ctx.pronoun_at(index, sentence.start + clause_start, at)
        if pronoun is None or not re.match(r"[Hh]e\b|[Ss]he\b", sentence.text[pronoun - sentence.start :]):
            return None
        return ctx.antecedent(index, pronoun)
    gap = sentence.text[gap_from - sentence.start : at - sentence.start]
    if _TWO_SIDES.search(gap) and re.search(r"\band\b", gap) and len(gap) < 25:
        return None
    if re.search(r"[.;]|\b(?:said|told)\b", gap) and len(gap) > 80:
        return None
    return person


def _speaker_in(ctx: Context, index: int, start: int, end: int, visitors: dict[str, str]) -> str | None:
    mention = next(ctx.officials_in(index, start=start, end=end), None)
    if mention:
        return mention.person
    visiting = _visiting(ctx, index, start, end, visitors)
    if visiting:
        return visiting[2]
    pronoun = ctx.pronoun_at(index, start, end)
    return ctx.antecedent(index, pronoun) if pronoun is not None else None


def _visiting(
    ctx: Context, index: int, start: int, end: int, visitors: dict[str, str]
) -> tuple[int, int, str] | None:
    """(start, end, person) of "the visiting Iranian commander" in a stretch."""
    sentence = ctx.sentences[index]
    for match in _VISITING.finditer(sentence.text, start - sentence.start, end - sentence.start):
        code = ctx.lexicon.country_of_word(match["adj"]) if match["adj"] else None
        person = next((p for home, p in visitors.items() if code is None or home == code), None)
        if person:
            return sentence.start + match.start(), sentence.start + match.end(), person
    return None


def _possessive(ctx: Context, mention: PersonMention) -> bool:
    sentence = ctx.sentences[mention.sentence]
    return sentence.text[mention.end - sentence.start :].startswith(("’s", "'s", "’", "'"))


def _clean(content: str) -> str:
    content = content.strip().rstrip(".").strip()
    for tail in phrases("statements", "attribution"):
        cut = tail.search(content)
        if cut and cut.start() > 20:
            content = content[: cut.start()]
    return content.strip(" ,“”\"").strip()


def _statement(
    ctx: Context, index: int, speaker: str, text: str, mode: str, verb: str,
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


def _channel(ctx: Context, index: int) -> str | None:
    text = ctx.sentences[index].text
    for regex in phrases("statements", "channels"):
        match = regex.search(text)
        if match is None:
            continue
        if match.groupdict().get("tweet"):
            return "tweet"
        channel = match.groupdict().get("channel")
        if channel:
            media = [m for m in ctx.marks[index] if m.kind == "organisation" and m.text in channel]
            return media[0].value if media else channel.strip()
    return None
