"""The mentions of one article, indexed by sentence, and the grammar read around them."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from typing import Final

import attr

from bilateral.article.outlets import is_sender_name, outlet_called
from bilateral.mentions.dates import DateMention, Duration
from bilateral.mentions.lexicon import Lexicon
from bilateral.mentions.marks import Mark, find_marks
from bilateral.mentions.person import Person, PersonMention
from bilateral.mentions.phrases import Phrases
from bilateral.model import Article, Notice, PartialDate, Span
from bilateral.text.grammar import grammar
from bilateral.text.lexicons import city_countries
from bilateral.text.words import SentenceText, index_words

_FILLERS: Final = (
    r"(?:\s+(?:the|a|an|his|her|their|its|top|visiting|senior|[A-Z][a-z]+(?:[’']s)?)){0,3}"
)
_GOVERNED: Final = re.compile(
    rf"(?:(?:\b(?:with|to|of|by|from|between|on|for|including|upon)|[’']s){_FILLERS}"
    rf"|\bbetween\b[^,;.]{{0,80}}\band{_FILLERS})\s*$"
)
_OBJECT_GAP: Final = rf"{_FILLERS}\s+"
_SENDER_FURNITURE: Final = frozenset({"sender", "government"})  # reader.toml's header kinds
_MASTHEAD_FURNITURE: Final = frozenset({"masthead", "tagline"})
_GUEST_REACH: Final = 6
_PAIR_SENTENCES: Final = 6
_BODY_REACH: Final = 30  # characters between an official's name and the body they serve
_OPENING_REACH: Final = 60  # from a pronoun to the comma that ends the opening phrase it is in
_AT_PLACE_LAST_WORDS: Final = ("in", "at", "to", "the", "In", "At")  # it ends with one
_LOOK_BACK: Final = 80


@attr.s(auto_attribs=True, slots=True, frozen=True, eq=False)
class _Grammar:
    """The structural patterns of this module: ``data/grammar.toml`` [context]."""

    relative: re.Pattern[str]
    visiting_guest: re.Pattern[str]
    at_place: re.Pattern[str]
    clause_end: re.Pattern[str]
    pronoun: re.Pattern[str]
    quoted: re.Pattern[str]
    where_after: re.Pattern[str]
    pair_office: re.Pattern[str]
    opening_gap: re.Pattern[str]
    bystander: re.Pattern[str]


_G: Final = grammar(_Grammar, "context")


@attr.s(auto_attribs=True, slots=True, eq=False)
class Mentions:
    """The article with its sentences and the mentions of each: marks (places, countries,
    organisations), people, dates and durations; what the fact finders read."""

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

    @property
    def phrases(self) -> Phrases:
        """The phrases the rules look for: the vocabulary's."""
        return self.lexicon.phrases

    @property
    def dateline_country(self) -> str | None:
        return dateline_country(self.article, self.lexicon)

    @property
    def home_country(self) -> str | None:
        """Whose point of view the article takes: see :func:`home_country`."""
        return home_country(self.article, self.lexicon, self.marks)

    def span(self, start: int, end: int) -> Span:
        return self.article.span(start, end)

    def is_remote(self, index: int) -> bool:
        """Whether sentence ``index`` tells of a call or a video link (read once per article:
        meetings and visits both ask)."""
        if self._remote is None:
            remote = self.phrases.pattern("meetings", "remote")
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

    def serves_a_body_of_nations(self, person_id: str) -> bool:
        """Whether a person is named as an official of an international body ("ASEAN
        Secretary-General X", "X, the UN's envoy"): they serve no country of the article."""
        person = self.persons.get(person_id)
        if person is None:
            return False
        forms = self.lexicon.organisation_forms()
        for mention in person.mentions:
            for mark in self.marks[mention.sentence]:
                body = forms.get(mark.text) if mark.kind == "organisation" else None
                if body is None or body.kind != "international":
                    continue
                if (
                    mention.start - _BODY_REACH <= mark.end
                    and mark.start <= mention.end + _BODY_REACH
                ):  # before the name, in its titles or after it
                    return True
        return False

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
        # the object of a meeting verb ("is scheduled to meet X", "received X")
        if self.phrases.ending_with("meetings", "verbs", _OBJECT_GAP).search(before):
            return True
        if "who" not in sentence.text:  # no relative clause (the quick test of a rare word)
            return False
        at = mention.start - sentence.start
        return any(
            r.start() < at < r.end() for r in _G.relative.finditer(sentence.text, 0, at + 200)
        )

    def subject(self, index: int, before: int | None = None) -> str | None:
        """The person who is the subject of sentence ``index`` (before an offset)."""
        for mention in self.officials_in(index, end=before):
            if not self.is_governed(mention):
                return mention.person
        return None

    def antecedent(self, index: int, at: int) -> str | None:
        """Who "he"/"his" at offset ``at`` of sentence ``index`` refers to: the subject of
        this sentence before it, else the official named right before a "where" clause it
        opens ("a visit by X to Rabat, where he"), else the subject of the nearest earlier
        sentence with one, not one it names only as also present."""
        own = self.subject(index, before=at) or self._subject_after_opening(index, at)
        if own:
            return own
        named = self.officials_in(index, end=at)
        base = self.sentences[index].start
        if named and _G.where_after.fullmatch(
            self.sentences[index].text, named[-1].end - base, at - base
        ):
            return named[-1].person
        for earlier in range(index - 1, max(-1, index - 4), -1):
            found = self.subject(earlier)
            if found and not _G.bystander.search(self.sentences[earlier].text):
                return found
        return None

    def _subject_after_opening(self, index: int, at: int) -> str | None:
        """The subject right after the opening phrase a pronoun is in: "During his stay,
        (X) will visit ..."."""
        sentence = self.sentences[index]
        base = sentence.start
        if self.officials_in(index, end=at) or "," in sentence.text[: at - base]:
            return None
        comma = sentence.text.find(",", at - base, at - base + _OPENING_REACH)
        after = self.officials_in(index, start=base + comma) if comma >= 0 else []
        if after and _G.opening_gap.fullmatch(sentence.text, comma + 1, after[0].start - base):
            return None if self.is_governed(after[0]) else after[0].person
        return None

    def last_pair(self, index: int, before: int | None = None, said: str = "") -> list[str]:
        """The two officials of two countries named last, in sentence ``index`` (before an
        offset) or the few before ("the two leaders"): of each sentence its subject first, as
        the pair a text goes on about are its subjects more than those they met. When the
        words ``said`` of the pair name an office both hold ("the two presidents"), the two
        of that office, if the text names them."""
        office = _G.pair_office.search(said)
        if office:
            holding = self._last_pair(index, before, office[1].lower())
            if holding:
                return holding
        return self._last_pair(index, before, "")

    def _last_pair(self, index: int, before: int | None, office: str) -> list[str]:
        found: dict[str, str] = {}  # country -> official
        for earlier in range(index, max(-1, index - _PAIR_SENTENCES), -1):
            end = before if earlier == index else None
            subject = self.subject(earlier, before=end)
            named = [
                m.person
                for m in reversed(self.officials_in(earlier, end=end))
                if m.person
                and (not office or any(office in t.lower() for t in self.persons[m.person].titles))
            ]
            for person in sorted(named, key=lambda p: p != subject):
                country = self.country(person)
                if country and country not in found:
                    found[country] = person
            if len(found) >= 2:
                return list(found.values())[:2]
        return []

    def visiting_guest(self, index: int, before: str) -> str | None:
        """Who "the visiting (Turkish) minister" in ``before`` is: the official named last in
        the sentences before whose country is not the dateline's (and matches the adjective)."""
        found = _G.visiting_guest.search(before) if "visiting" in before else None
        home = self.dateline_country
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
        match = _G.pronoun.search(sentence.text, start - sentence.start, end - sentence.start)
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

    def date_around(
        self, index: int, near: int | None = None, *, days_only: bool = True
    ) -> PartialDate | None:
        """The sentence's date, else that of the sentence before in the same paragraph."""
        found = self.date_of(index, near, days_only=days_only)
        if found is None and index > 0 and self.paragraph_of[index - 1] == self.paragraph_of[index]:
            found = self.date_of(index - 1, days_only=days_only)
        return found

    def where_place(self, index: int, at: int) -> tuple[str, str] | None:
        """(city, country) of the city a "where" clause holding offset ``at`` refers to:
        "arrived in Amman from Beirut, where he met X" puts the meeting in Beirut."""
        sentence = self.sentences[index]
        before = sentence.text[: at - sentence.start]
        where = before.rfind(", where ")
        if where < 0 or _G.clause_end.search(before, where + 8):
            return None
        city = next(
            (m for m in self.marks[index]
             if m.kind == "city" and m.country and m.end - sentence.start == where),
            None,
        )  # fmt: skip
        return (city.value, city.country) if city and city.country else None

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
            if not (before.rstrip().endswith(_AT_PLACE_LAST_WORDS) and _G.at_place.search(before)):
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


def without_quotes(text: str) -> str:
    """The text with what stands inside quotation marks blanked (offsets kept)."""
    return _G.quoted.sub(lambda m: m.group()[0] + " " * (len(m.group()) - 2) + m.group()[-1], text)


def dateline_country(article: Article, lexicon: Lexicon) -> str | None:
    """The country of the article's dateline, a city ("ISLAMABAD") or a country ("KUWAIT")."""
    dateline = article.dateline or ""
    return city_countries().get(dateline) or lexicon.country_of_word(dateline)


def home_country(
    article: Article, lexicon: Lexicon, marks: Sequence[Sequence[Mark]] = ()
) -> str | None:
    """Whose point of view the article takes: its outlet's country, else its dateline's.
    An outlet reporting from a dateline abroad on a story its own country has no part in (a
    Saudi paper from Amman on Jordan and Qatar, its country nowhere named in the body) takes
    the dateline's country's point of view, as its reader does: "the prime minister" there is
    the dateline's country's."""
    outlet = outlet_country(article, lexicon)
    dateline = dateline_country(article, lexicon)
    if outlet and dateline and outlet != dateline and marks and not _named(outlet, marks):
        return dateline
    return outlet or sender_country(article, lexicon) or dateline


def sender_country(article: Article, lexicon: Lexicon) -> str | None:
    """The country a release's header shows its sender to speak for: "Government of Chile",
    "Argentine Republic", "REPUBLIC OF CHILE", "Ministry of Foreign Affairs of Peru"; else the
    country of a government body that is the source ("© Ministry of Mining of Peru")."""
    texts = [
        (piece.span.start, piece.span.text)
        for piece in article.furniture
        if piece.kind in _SENDER_FURNITURE
    ]
    source = article.source
    if source and outlet_called(source) is None and is_sender_name(source):
        texts.append((0, source))
    return _country_named(texts, lexicon)


def _named(country: str, marks: Sequence[Sequence[Mark]]) -> bool:
    """Whether the body names the country, or a city or office of it."""
    return any(
        (m.value if m.kind == "country" else m.country) == country
        for sentence in marks
        for m in sentence
    )


def outlet_country(article: Article, lexicon: Lexicon) -> str | None:
    """The country of the article's outlet, when the outlet is known to be of one; else the
    country an unknown outlet's name, masthead or tagline names ("Ghana News Agency",
    "The Gambia's Leading Daily")."""
    outlet = outlet_called(article.source) if article.source else None
    if outlet or not article.source:
        return outlet.country if outlet else None
    texts = [(0, article.source)] + [
        (piece.span.start, piece.span.text)
        for piece in article.furniture
        if piece.kind in _MASTHEAD_FURNITURE
    ]
    return _country_named(texts, lexicon)


def _country_named(texts: Sequence[tuple[int, str]], lexicon: Lexicon) -> str | None:
    """The first country the texts (each with its offset) name."""
    for start, text in texts:
        if text.isupper():
            text = text.title()  # a letterhead in capitals; the same length, the same offsets
        line = SentenceText(0, start, text, index_words(text))
        for mark in find_marks(line, lexicon):
            if mark.kind == "country":
                return mark.value
    return None
