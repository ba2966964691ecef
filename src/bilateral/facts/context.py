"""Everything the fact finders read about one article, gathered once."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import Final

import attr
from attrs import evolve

from bilateral.facts.vocabulary import pattern
from bilateral.mentions.dates import DateMention, Duration, find_dates, find_durations, infer_year
from bilateral.mentions.lexicon import Lexicon
from bilateral.mentions.marks import Mark, find_marks
from bilateral.mentions.people import NameRun, Person, PersonMention, find_people, read_names
from bilateral.model import Article, Notice, PartialDate, Span
from bilateral.text.lexicons import city_countries, outlets
from bilateral.text.words import SentenceText, index_words

_FILLERS: Final = (
    r"(?:\s+(?:the|a|an|his|her|their|its|top|visiting|senior|[A-Z][a-z]+(?:[’']s)?)){0,3}"
)
_GOVERNED: Final = re.compile(
    rf"(?:(?:\b(?:with|to|of|by|from|between|on|for|including|upon)|[’']s){_FILLERS}"
    rf"|\bbetween\b[^,;.]{{0,80}}\band{_FILLERS})\s*$"
)
_RELATIVE: Final = re.compile(r",\s*who\b[^,]*,")
_VISITING_GUEST: Final = re.compile(
    r"\b[Tt]he\s+visiting\s+(?:(?P<adj>[A-Z][a-z]+)\s+)?[a-z]+\s+(?:\w+\s+)?$"
)
_GUEST_REACH: Final = 6
# the look-ahead of first letters spares most positions the look-behinds
_AT_PLACE: Final = re.compile(
    r"\b(?=[iawcdtfp])(?<!situation )(?<!crisis )(?<!war )(?<!conflict )(?<!peace )"
    r"(?<!developments )(?<!tensions )(?<!attacks )(?<!stability )(?<!security )"
    r"(?:in|at|(?:went|came|drove|travell?ed|flew|proceeded)\s+to)\s+(?:the\s+)?$"
)
_AT_PLACE_LAST_WORDS: Final = ("in", "at", "to", "the")  # a text it matches ends with one
_LOOK_BACK: Final = 80
_PRONOUN: Final = re.compile(r"\b(?:he|she|He|She|his|her|His|Her|him)\b")


@attr.s(auto_attribs=True, slots=True, eq=False)
class Context:
    """The article with its sentences and mentions, indexed by sentence."""

    article: Article
    lexicon: Lexicon
    sentences: list[SentenceText]
    paragraph_of: list[int]
    marks: list[list[Mark]]
    persons: dict[str, Person]
    mentions: list[list[PersonMention]]
    dates: list[list[DateMention]]
    durations: list[list[Duration]]
    notices: list[Notice] = attr.ib(factory=list)
    _remote: list[bool] | None = None
    _governed: dict[int, bool] = attr.ib(factory=dict)  # by where the mention starts
    _officials: list[list[PersonMention]] | None = None  # by sentence

    @property
    def day(self) -> dt.date | None:
        published = self.article.published
        return published.as_date() if published else None

    def span(self, start: int, end: int) -> Span:
        return self.article.span(start, end)

    def is_remote(self, index: int) -> bool:
        """Whether sentence ``index`` tells of a call or a video link (read once per article:
        meetings and visits both ask)."""
        if self._remote is None:
            remote = pattern("meetings", "remote")
            self._remote = [bool(remote.search(s)) for s in self.sentences]
        return self._remote[index]

    def sentence_span(self, index: int) -> Span:
        """The article's own span of sentence ``index`` (shared, not copied)."""
        return self.article.sentences[index]

    def sentence_of(self, span: Span) -> SentenceText | None:
        """The sentence whose span ``span`` is (None when it is not one of them)."""
        spans = self.article.sentences
        index = bisect.bisect_left(spans, span.start, key=lambda s: s.start)
        if index < len(spans) and (spans[index].start, spans[index].end) == (span.start, span.end):
            return self.sentences[index]
        return None

    def person(self, mention: PersonMention) -> Person | None:
        return self.persons.get(mention.person) if mention.person else None

    def country(self, person_id: str) -> str | None:
        person = self.persons.get(person_id)
        return person.country if person else None

    def officials_in(
        self, index: int, start: int = 0, end: int | None = None
    ) -> list[PersonMention]:
        """Mentions of officials in sentence ``index`` between absolute offsets."""
        if self._officials is None:  # read once per article: the finders of every fact ask
            self._officials = [
                [m for m in mentions if (person := self.person(m)) and person.is_official]
                for mentions in self.mentions
            ]
        return [
            m for m in self._officials[index] if m.start >= start and (end is None or m.start < end)
        ]

    def is_governed(self, mention: PersonMention) -> bool:
        """Whether a mention cannot be the subject of its sentence's main verb: the object
        of "with", "to", "of"..., or inside a relative clause (", who will accompany X,").
        Read once per mention: the finders of every fact ask."""
        governed = self._governed.get(mention.start)
        if governed is None:
            governed = self._governed[mention.start] = self._read_governed(mention)
        return governed

    def _read_governed(self, mention: PersonMention) -> bool:
        sentence = self.sentences[mention.sentence]
        before = sentence.text[
            max(0, mention.start - sentence.start - _LOOK_BACK) : mention.start - sentence.start
        ]
        if _GOVERNED.search(before):
            return True
        if "who" not in sentence.text:  # no relative clause (the quick test of a rare word)
            return False
        at = mention.start - sentence.start
        return any(r.start() < at < r.end() for r in _RELATIVE.finditer(sentence.text, 0, at + 200))

    def subject(self, index: int, before: int | None = None) -> str | None:
        """The person who is the subject of sentence ``index`` (before an offset)."""
        for mention in self.officials_in(index, end=before):
            if not self.is_governed(mention):
                return mention.person
        return None

    def antecedent(self, index: int, at: int) -> str | None:
        """Who "he"/"his" at offset ``at`` of sentence ``index`` refers to: the subject of
        this sentence before it, else of the nearest earlier sentence with one."""
        own = self.subject(index, before=at)
        if own:
            return own
        for earlier in range(index - 1, max(-1, index - 4), -1):
            found = self.subject(earlier)
            if found:
                return found
        return None

    def visiting_guest(self, index: int, before: str) -> str | None:
        """Who "the visiting (Turkish) minister" in ``before`` is: the official named last in
        the sentences before whose country is not the dateline's (and matches the adjective)."""
        found = _VISITING_GUEST.search(before) if "visiting" in before else None
        home = city_countries().get(self.article.dateline or "")
        if found is None or home is None:
            return None
        wanted = self.lexicon.country_of_word(found["adj"]) if found["adj"] else None
        for earlier in range(index - 1, max(-1, index - _GUEST_REACH), -1):
            for mention in reversed(self.officials_in(earlier)):
                country = self.country(mention.person or "")
                if country and country != home and wanted in (None, country):
                    return mention.person
        return None

    def pronoun_at(self, index: int, start: int, end: int) -> int | None:
        """Offset of a personal pronoun in [start, end) of sentence ``index``."""
        sentence = self.sentences[index]
        match = _PRONOUN.search(sentence.text, start - sentence.start, end - sentence.start)
        return sentence.start + match.start() if match else None

    def date_of(
        self, index: int, near: int | None = None, *, days_only: bool = True
    ) -> PartialDate | None:
        """The date a sentence places its events on (to the day, unless ``days_only`` is
        false): the first after ``near`` when there is one, else the last before it."""
        candidates = [
            d for d in self.dates[index]
            if d.value is not None and d.kind != "visit-day"
            and (d.value.precision == "day" or not days_only)
        ]  # fmt: skip
        if not candidates:
            return None
        if near is None:
            return candidates[0].value
        after = [d for d in candidates if d.start >= near]
        return (after[0] if after else candidates[-1]).value

    def date_around(self, index: int, near: int | None = None) -> PartialDate | None:
        """The sentence's date, else that of the sentence before in the same paragraph."""
        found = self.date_of(index, near)
        if found is None and index > 0 and self.paragraph_of[index - 1] == self.paragraph_of[index]:
            found = self.date_of(index - 1)
        return found

    def place_in(
        self, index: int, start: int = 0, end: int | None = None
    ) -> tuple[str, str] | None:
        """(place name, country) of the first city or located organisation in a stretch that
        stands where something happens ("in Tehran", "at GHQ"), not as a topic ("the
        situation in Gaza")."""
        sentence = self.sentences[index]
        for mark in self.marks[index]:
            if mark.start < start or (end is not None and mark.start >= end):
                continue
            before = sentence.text[
                max(0, mark.start - sentence.start - 40) : mark.start - sentence.start
            ]
            if not (before.rstrip().endswith(_AT_PLACE_LAST_WORDS) and _AT_PLACE.search(before)):
                continue
            if mark.kind == "city" and mark.country:
                return mark.value, mark.country
            if mark.kind == "organisation":
                organisation = next(
                    (o for o in self.lexicon.organisations if o.name == mark.value), None
                )
                if organisation and organisation.place and organisation.country:
                    return organisation.place, organisation.country
        return None


def build_context(article: Article, lexicon: Lexicon) -> Context:
    """Mentions of every kind for one article; infers a missing publication year first."""
    # every article is indexed, however long: unindexed, a long one ran slower per byte
    sentences = [
        SentenceText(i, s.start, s.text, index_words(s.text))
        for i, s in enumerate(article.sentences)
    ]
    paragraph_of = []
    paragraph = 0
    for sentence in article.sentences:
        while (
            paragraph < len(article.paragraphs) - 1
            and sentence.start >= article.paragraphs[paragraph].end
        ):
            paragraph += 1
        paragraph_of.append(paragraph)
    marks = [find_marks(s, lexicon) for s in sentences]
    names = [read_names(s, m) for s, m in zip(sentences, marks, strict=True)]
    notices: list[Notice] = []
    if article.published is None and article.published_month_day:
        article = _with_inferred_year(article, sentences, marks, names, lexicon, notices)
    day = article.published.as_date() if article.published else None
    home = _home_country(article)
    persons, mentions = find_people(sentences, marks, names, lexicon, day, home)
    by_sentence: list[list[PersonMention]] = [[] for _ in sentences]
    for mention in mentions:
        by_sentence[mention.sentence].append(mention)
    dates: list[list[DateMention]] = [[] for _ in sentences]
    for date in find_dates(sentences, article.published):
        dates[date.sentence].append(date)
    durations: list[list[Duration]] = [[] for _ in sentences]
    for duration in find_durations(sentences):
        durations[duration.sentence].append(duration)
    return Context(
        article=article,
        lexicon=lexicon,
        sentences=sentences,
        paragraph_of=paragraph_of,
        marks=marks,
        persons={p.id: p for p in persons},
        mentions=by_sentence,
        dates=dates,
        durations=durations,
        notices=notices,
    )


def _with_inferred_year(
    article: Article, sentences: list[SentenceText], marks: list[list[Mark]],
    names: list[list[NameRun]], lexicon: Lexicon, notices: list[Notice],
) -> Article:  # fmt: skip
    assert article.published_month_day is not None
    persons, _ = find_people(sentences, marks, names, lexicon, None)
    allowed: set[int] | None = None
    for person in persons:
        if not person.holder or not person.offices:
            continue
        years = {
            year
            for term in person.holder.terms if term.office in person.offices
            for year in range(term.start.year, _last_year(term.end) + 1)
        }  # fmt: skip
        if years:
            allowed = years if allowed is None else allowed & years
    clues = find_dates(sentences, None)
    if article.published_weekday is not None:  # "Wednesday, 15 May" heading the page
        clues.append(
            DateMention(0, 0, 0, "weekday", weekday=article.published_weekday,
                        month_day=article.published_month_day)
        )  # fmt: skip
    year = infer_year(article.published_month_day, clues, allowed)
    if year is None and sentences:
        # agency copy ("TEHRAN, Oct. 13 (MNA) – ... on Thursday") reports the day it is dated
        same_day = [
            evolve(clue, month_day=article.published_month_day)
            for clue in clues
            if clue.sentence == 0 and clue.weekday is not None and clue.month_day is None
        ]
        year = infer_year(article.published_month_day, same_day[:1], allowed) if same_day else None
    if year is None:
        return article
    month, day = article.published_month_day
    notices.append(
        Notice(
            "inferred-year", f"publication year {year} inferred from weekdays and office tenures"
        )
    )
    return evolve(
        article,
        published=PartialDate(year, month, day),
        published_month_day=None,
        published_weekday=None,
    )


def _last_year(end: PartialDate | None) -> int:
    return end.year if end else dt.date.today().year


def _home_country(article: Article) -> str | None:
    """Whose point of view the article takes: its outlet's country, else its dateline's."""
    return outlet_country(article) or city_countries().get(article.dateline or "")


def outlet_country(article: Article) -> str | None:
    """The country of the article's outlet, when the outlet is known to be of one."""
    outlet = next((o for o in outlets() if o.name == article.source), None)
    return outlet.country if outlet else None


_QUOTED: Final = re.compile(r"“[^”]*”|\"[^\"]*\"")


def without_quotes(text: str) -> str:
    """The text with what stands inside quotation marks blanked (offsets kept)."""
    return _QUOTED.sub(lambda m: m.group()[0] + " " * (len(m.group()) - 2) + m.group()[-1], text)


def dateline_country(ctx: Context) -> str | None:
    """The country of the article's dateline, a city ("ISLAMABAD") or a country ("KUWAIT")."""
    dateline = ctx.article.dateline or ""
    return city_countries().get(dateline) or ctx.lexicon.country_of_word(dateline)
