"""People: named officials, office-only references, and one identity per person.

A capitalised run of words is a person's name when a rank or an office stands next to it,
when the office-holder table knows it, or when it repeats part of a name already found.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence
from typing import Final

from bilateral.mentions.lexicon import Holder, Lexicon
from bilateral.mentions.marks import Mark
from bilateral.mentions.name_runs import NameRun
from bilateral.mentions.names import name_tokens
from bilateral.mentions.patterns import country_part
from bilateral.mentions.person import Person, PersonMention
from bilateral.text.regex import search_tail
from bilateral.text.words import SentenceText

_LIST_JOINT: Final = re.compile(r"\s*(?:,\s*)?(?:and\s+)?")
_TENURE_SLACK_DAYS: Final = 730
_THE_BEFORE: Final = re.compile(r"\b(?:the|The)\s+$")
# "a Kuwaiti official", "another senior minister": someone unnamed, not one the text names
_INDEFINITE_BEFORE: Final = re.compile(
    r"\b(?:[Aa]n?|[Aa]nother|[Oo]ne|[Ss]ome|[Aa]ny)\s+(?:[a-z-]+\s+)?$"
)
_TO_BEFORE: Final = re.compile(r"\bto\s+(?:the\s+)?$")  # "ambassador to (Poland)": the host
_POSSESSIVE_GAP: Final = re.compile(r"[’']s\s+")
_LISTED: Final = re.compile(
    r"\s+(?:(?:government|military|defen[cs]e|foreign|trade)\s+)?"
    r"(?:officials|ministers|officers|dignitaries|delegates),?\s+"
    r"(?:including|such as|among them|led by|comprising)\s"
)
_LIST_END: Final = re.compile(r"[;:]|\s(?:who|which|where|while)\b|,\s(?:the\s+)?(?:two|both)\b")
_COUNTRY_GAP: Final = re.compile(r"\s*(?:(?:top|visiting|caretaker)\s+)*")  # "Iranian top …"
ANY_OFFICE: Final = "official"  # the office key of "the Philippine official": any office
GENERIC_OFFICES: Final = frozenset(
    {
        "commander",
        "chief",
        "director_general",
        "vice_chairman",
        "minister",
        "general",
        "spokesperson",
        ANY_OFFICE,
    }
)


def find_people(
    sentences: Sequence[SentenceText],
    marks: Sequence[Sequence[Mark]],
    names: Sequence[Sequence[NameRun]],
    lexicon: Lexicon,
    day: dt.date | None,
    home: str | None = None,
) -> tuple[list[Person], list[PersonMention]]:
    """The article's people and every mention of them, in article order, from each
    sentence's marks and :func:`read_names`. ``home`` is the country the article is written
    from (its dateline's): an office named without a country ("the naval chief") is first
    taken to be that country's."""
    finder = _Finder(lexicon, day, home, _article_countries(marks, home))
    for sentence, sentence_marks, runs in zip(sentences, marks, names, strict=True):
        finder.sentence(sentence, sentence_marks, runs)
    finder.surname_pass(sentences, names)
    finder.listed_under_a_country(sentences, marks)
    mentions = finder.resolve_offices()
    return finder.persons, mentions


class _Finder:
    def __init__(
        self, lexicon: Lexicon, day: dt.date | None, home: str | None, countries: frozenset[str]
    ) -> None:
        self.lexicon = lexicon
        self.day = day
        self.home = home
        self.countries = countries  # those the article names (its countries, cities, bodies)
        self.persons: list[Person] = []
        self.mentions: list[PersonMention] = []
        self.office_mentions: list[PersonMention] = []

    # --- named mentions -------------------------------------------------------------
    def sentence(
        self, sentence: SentenceText, marks: Sequence[Mark], runs: Sequence[NameRun]
    ) -> None:
        used: set[int] = set()
        first = len(self.mentions)
        heads = self.lexicon.organisation_head_set()
        for start, end, name, chain, post in runs:
            if name.rsplit(" ", 1)[-1] in heads:
                continue  # "the Southern Naval Area (commander)": a body, no person
            offices = [m.value for m in chain + post if m.kind == "office"]
            known = self._known_part(name, offices)
            ranked = any(m.kind == "rank" and _is_military(self.lexicon, m.value) for m in chain)
            holder = known.holder if known else self.holder_for(name, offices, ranked=ranked)
            said = next((m.value for m in chain if m.kind == "country"), None)
            if holder and said and holder.country and holder.country != said:
                holder = None  # "Somali President Hassan ...": not Iran's President Hassan
            titled = any(m.kind in ("rank", "office") for m in chain + post)
            if not (titled or holder):
                continue
            used.update(id(m) for m in chain + post)
            inside = [
                m.value for t in chain + post if t.kind == "office" for m in marks
                if m.kind == "country" and t.start <= m.start and m.end <= t.end
                and not _TO_BEFORE.search(sentence.text, 0, m.start - sentence.start)
            ]  # fmt: skip
            inside += _country_after(self.lexicon, sentence, marks, end)
            inside += _capitals_country(sentence, marks, chain)
            inside += _counterparts_country(sentence, marks, chain, start)
            self.add_named(sentence, start, end, name, chain, post, holder, inside)
        self._share_countries(sentence, self.mentions[first:])
        for mark in marks:
            if (
                mark.kind == "rank"
                and id(mark) not in used
                and search_tail(_THE_BEFORE, sentence.text, mark.start - sentence.start)
                and not re.match(r"\s+[A-Z]", sentence.text[mark.end - sentence.start :])
            ):
                self.office_mentions.append(
                    PersonMention(mark.start, mark.end, sentence.index, "office", rank=mark.value)
                )
            if (
                mark.kind == "office"
                and id(mark) not in used
                and not search_tail(_INDEFINITE_BEFORE, sentence.text, mark.start - sentence.start)
            ):
                self.office_mentions.append(
                    PersonMention(
                        mark.start, mark.end, sentence.index, "office",
                        titles=(mark.text,), offices=(mark.value,),
                        country=_country_near(sentence, marks, mark) or mark.country,
                    )
                )  # fmt: skip

    def _share_countries(self, sentence: SentenceText, named: list[PersonMention]) -> None:
        """ "Chile's Foreign Minister A and Defence Minister B": a country word before a
        list of titled officials is the country of each of them."""
        for left, right in itertools.pairwise(named):
            gap = sentence.text[left.end - sentence.start : right.start - sentence.start]
            if not (left.country and right.offices and not right.country):
                continue
            person = next((p for p in self.persons if p.id == right.person), None)
            if person and person.country is None and _LIST_JOINT.fullmatch(gap):
                person.country = left.country

    def add_named(
        self, sentence: SentenceText, start: int, end: int, name: str, chain: list[Mark],
        post: list[Mark], holder: Holder | None, countries_in_titles: list[str],
    ) -> None:  # fmt: skip
        titles = [m for m in chain + post if m.kind == "office"]
        rank = next((m.value for m in chain if m.kind == "rank"), None)
        country = next((m.value for m in chain if m.kind == "country"), None)
        country = country or next(
            (m.country for m in chain if m.kind == "organisation" and m.country), None
        )
        country = country or next(iter(countries_in_titles), None)
        country = country or next((t.country for t in titles if t.country), None)
        phrase_start = min([start, *(m.start for m in chain)])
        phrase_end = max([end, *(m.end for m in post)])
        person = self.person_for(name, holder, country, rank)
        mention = PersonMention(
            phrase_start, phrase_end, sentence.index, "named", name, start, rank,
            tuple(t.text for t in titles), tuple(t.value for t in titles), country, person.id,
        )  # fmt: skip
        if name not in person.names:
            person.names.append(name)
        person.add(mention)
        # the new ones, each once (read before the list grows: compiled code reads them so)
        person.titles.extend(t for t in dict.fromkeys(mention.titles) if t not in person.titles)
        person.offices.extend(o for o in dict.fromkeys(mention.offices) if o not in person.offices)
        person.rank = person.rank or rank
        person.country = person.country or country
        person.is_official = person.is_official or bool(
            titles or holder or (rank and _is_military(self.lexicon, rank))
        )
        self.mentions.append(mention)

    def _known_part(self, name: str, offices: list[str]) -> Person | None:
        """A person already found whose name contains this one ("Rashid" of "Rashid Ahmed"),
        unless the title given here is an office that person does not hold."""
        tokens = set(name_tokens(name))
        if len(tokens) != 1:
            return None
        matches = [
            p for p in self.persons
            if tokens <= p.tokens and not _other_office(p, offices)
        ]  # fmt: skip
        matches = _surnames_first(matches, tokens)
        return matches[-1] if matches else None

    def holder_for(self, name: str, offices: list[str], *, ranked: bool = False) -> Holder | None:
        tokens = name_tokens(name)
        if not tokens:
            return None
        exact = self.lexicon.holders_named(tokens)
        if exact:
            return self._best(exact, offices)
        partial = [h for h in self.lexicon.holders_with(tokens) if self._in_office_around(h)]
        if len(tokens) == 1:
            # a surname alone names a known person only where the article makes them
            # plausible: their country is one it names, it gives them a rank ("Gen X"), or
            # an office they held
            surnamed = self.lexicon.surname_holders(tokens[0])
            partial = [
                h for h in partial
                if (h in surnamed and (ranked or h.country in self.countries))
                or (offices and self._held(h, offices))
            ]  # fmt: skip
        return self._best(partial, offices) if partial else None

    def _best(self, holders: list[Holder], offices: list[str]) -> Holder | None:
        if len(holders) == 1:
            return holders[0]
        around = [h for h in holders if self._in_office_around(h)]
        matching = [h for h in around if offices and self._held(h, offices)]
        for group in (matching, around):
            if len(group) == 1:
                return group[0]
        return None

    def _in_office_around(self, holder: Holder) -> bool:
        return self.day is None or any(t.covers(self.day, _TENURE_SLACK_DAYS) for t in holder.terms)

    def _held(self, holder: Holder, offices: list[str]) -> bool:
        return any(
            t.office in offices and (self.day is None or t.covers(self.day, 30))
            for t in holder.terms
        )

    def person_for(
        self, name: str, holder: Holder | None, country: str | None, rank: str | None = None
    ) -> Person:
        tokens = set(name_tokens(name))
        fuller = self._fuller_name_of(name, holder, country, rank)
        if fuller:
            return fuller
        for person in self.persons:
            if holder and person.holder and person.holder.id == holder.id:
                return person
            if holder and person.holder and person.holder.id != holder.id:
                continue
            if country and person.country and country != person.country:
                continue
            if tokens and tokens <= person.tokens:
                if holder and not person.holder and _part_of(tuple(person.tokens), holder.name):
                    person.holder = holder
                return person
            if holder and not person.holder and set(name_tokens(holder.name)) >= person.tokens:
                person.holder = holder
                return person
        person = Person(
            id=holder.id if holder else _slug(name),
            names=[],
            holder=holder,
            country=holder.country if holder else country,
        )
        self.persons.append(person)
        return person

    def _fuller_name_of(
        self, name: str, holder: Holder | None, country: str | None, rank: str | None
    ) -> Person | None:
        """The one person found before whom a fuller name names: every word of their names
        in it, the surname last ("Ricardo Moura" of "Ricardo Vasconcelos Moura"), or
        initials for words ("Harish K. Nair", "Harish Kumar Nair"); one known by a surname
        alone only under the same rank ("Admiral Nair")."""
        tokens = name_tokens(name)
        if len(tokens) < 2:
            return None
        found = [
            p for p in self.persons
            if p.names and not (holder and p.holder and p.holder.id != holder.id)
            and not (country and p.country and country != p.country)
            and not set(tokens) <= p.tokens
            and all(
                _within(name_tokens(n), tokens) or _within(tokens, name_tokens(n))
                for n in p.names
            )
            and (max(len(name_tokens(n)) for n in p.names) > 1 or (rank and p.rank == rank))
        ]  # fmt: skip
        if len(found) != 1:
            return None
        person = found[0]
        if holder and not person.holder:
            person.holder = holder
        return person

    # --- bare surnames ("Bagheri", "Khan") of people already found ------------------
    def surname_pass(
        self, sentences: Sequence[SentenceText], names: Sequence[Sequence[NameRun]]
    ) -> None:
        known = [(p, p.tokens) for p in self.persons if p.is_official]
        if not known:
            return
        covered: dict[int, list[tuple[int, int]]] = {}
        for found in self.mentions:
            covered.setdefault(found.sentence, []).append((found.start, found.end))
        for sentence, runs in zip(sentences, names, strict=True):
            for start, end, name, _, _ in runs:
                if any(a <= start < b for a, b in covered.get(sentence.index, ())):
                    continue
                tokens = set(name_tokens(name))
                matches = [p for p, person_tokens in known if tokens and tokens <= person_tokens]
                matches = _surnames_first(matches, tokens)
                if not matches:
                    continue
                person = self._closest(matches, start)
                mention = PersonMention(
                    start, end, sentence.index, "named", name, start, person=person.id
                )
                person.add(mention)
                if name not in person.names:
                    person.names.append(name)
                self.mentions.append(mention)
        self.mentions.sort(key=lambda m: m.start)

    def listed_under_a_country(
        self, sentences: Sequence[SentenceText], marks: Sequence[Sequence[Mark]]
    ) -> None:
        """ "senior Kenyan officials, including A, B and C": those listed serve that
        country, when no other is known for them."""
        by_sentence: dict[int, list[PersonMention]] = {}
        for mention in self.mentions:
            by_sentence.setdefault(mention.sentence, []).append(mention)
        persons = {p.id: p for p in self.persons}
        for sentence, sentence_marks in zip(sentences, marks, strict=True):
            if sentence.index not in by_sentence:
                continue
            text, base = sentence.text, sentence.start
            for mark in sentence_marks:
                if mark.kind != "country":
                    continue
                listing = _LISTED.match(text, mark.end - base)
                if listing is None:
                    continue
                stop = _LIST_END.search(text, listing.end())
                end = base + (stop.start() if stop else len(text))
                for mention in by_sentence[sentence.index]:
                    person = persons.get(mention.person or "")
                    if (
                        person
                        and person.country is None
                        and base + listing.end() <= mention.start < end
                    ):
                        person.country = mark.value

    def _closest(self, persons: list[Person], at: int) -> Person:
        """The person mentioned last before offset ``at``."""
        return max(persons, key=lambda person: person.last_before(at))

    # --- office-only references resolved to people of the article --------------------
    def resolve_offices(self) -> list[PersonMention]:
        resolved = list(self.mentions)
        for mention in self.office_mentions:
            person = self._holder_in_article(mention)
            if person and person.country is None and _names_office(person, mention):
                person.country = mention.country  # "Chile's trade minister ... Minister A"
            resolved.append(_with_person(mention, person.id) if person else mention)
        return sorted(resolved, key=lambda m: m.start)

    def _holder_in_article(self, mention: PersonMention) -> Person | None:
        if not mention.offices:
            ranked = [p for p in self.persons if mention.rank and p.rank == mention.rank]
            before = [p for p in ranked if p.last_before(mention.start) >= 0]
            return self._closest(before, mention.start) if before else None
        candidates = [
            p for p in self.persons
            if p.is_official and self._holds(p, mention.offices)
            and (mention.country is None or p.country in (None, mention.country))
        ]  # fmt: skip
        # "the Indian minister": an Indian minister before a minister of no known country
        if mention.country:
            known = [p for p in candidates if p.country == mention.country]
            candidates = known or candidates
        # those the article itself gives the office, before those the table says held it
        titled = [p for p in candidates if any(o in p.offices for o in mention.offices)]
        candidates = titled or candidates
        if not candidates:
            return None
        if mention.country is None:
            # the article's own side goes unnamed: "the CAS" is the one holder of no stated
            # country when the others are named of other countries
            at_home = [p for p in candidates if self.home and p.country == self.home]
            unknown = [p for p in candidates if p.country is None]
            if not at_home and len(unknown) == 1:
                at_home = unknown
            candidates = at_home or candidates
        if mention.country is None and len({p.country for p in candidates}) > 1:
            return None  # "the prime minister" of two countries: no answer, not a wrong one
        before = [p for p in candidates if p.last_before(mention.start) >= 0]
        if before and ANY_OFFICE in mention.offices:
            # "the Philippine official": the one of that country the text goes on about (named
            # most often), not whoever was named last
            return max(before, key=lambda p: (len(p.mentions), -min(m.start for m in p.mentions)))
        if before:
            return self._closest(before, mention.start)
        # one named later, but not later in the same sentence: "the Permanent Secretary, who
        # met Secretary X" speaks of two people
        later = [
            p
            for p in candidates
            if min(p.mentions, key=lambda m: m.start).sentence != mention.sentence
        ]
        return min(later, key=lambda p: min(m.start for m in p.mentions)) if later else None

    def _holds(self, person: Person, offices: tuple[str, ...]) -> bool:
        if any(o in person.offices for o in offices):
            return True
        generic = [o for o in offices if o in GENERIC_OFFICES]
        if generic and self._plays_role(person, generic):
            return True
        return bool(person.holder) and self._held(person.holder, list(offices))  # type: ignore[arg-type]

    def _plays_role(self, person: Person, generic: list[str]) -> bool:
        """Whether a person can be called "the commander", "the minister"..."""
        if ANY_OFFICE in generic and person.is_official:
            return True
        held = [
            t.office for t in (person.holder.terms if person.holder else ())
            if self.day is None or t.covers(self.day, 30)
        ]  # fmt: skip
        for key in (*person.offices, *held):
            office = self.lexicon.office(key)
            if office and any(self.lexicon.office(g) and g in office.roles for g in generic):
                return True
        military = bool(person.rank) and _is_military(self.lexicon, person.rank or "")
        return military and bool({"commander", "general"} & set(generic))


def _article_countries(marks: Sequence[Sequence[Mark]], home: str | None) -> frozenset[str]:
    """The countries an article names: by a country word, a city or a body of theirs, or
    its dateline."""
    found = {
        m.value if m.kind == "country" else m.country
        for sentence in marks for m in sentence
        if m.kind == "country" or m.country
    }  # fmt: skip
    found.add(home or "")
    return frozenset(c for c in found if c)


def _surnames_first(persons: list[Person], tokens: set[str]) -> list[Person]:
    """Of the people a one-word name fits, those whose surname it is ("Hussein" is Fuad
    Hussein, not Hossein Amir-Abdollahian), when there are any."""
    if len(tokens) != 1:
        return persons
    surnamed = [p for p in persons if any(name_tokens(n)[-1:] == tuple(tokens) for n in p.names)]
    return surnamed or persons


def _other_office(person: Person, offices: list[str]) -> bool:
    """Whether a title names a specific office the person is not known to hold."""
    specific = [o for o in offices if o not in GENERIC_OFFICES]
    return bool(specific and person.offices and not set(specific) & set(person.offices))


def _names_office(person: Person, mention: PersonMention) -> bool:
    """Whether an office-only mention names an office the article itself gives the person,
    one more specific than "the minister"."""
    return any(o in person.offices for o in mention.offices if o not in GENERIC_OFFICES)


def _with_person(mention: PersonMention, person: str) -> PersonMention:
    return PersonMention(
        mention.start, mention.end, mention.sentence, mention.kind, mention.name,
        mention.name_start, mention.rank, mention.titles, mention.offices, mention.country,
        person,
    )  # fmt: skip


def _within(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """Whether each word of ``part`` is a word of ``whole``, or the initial of one, with the
    same last word: "Moura" and "Ricardo Moura" of "Ricardo Vasconcelos Moura", "Harish K
    Nair" of "Harish Kumar Nair"."""
    if not part or not whole or part[-1] != whole[-1] or len(part) > len(whole):
        return False
    rest = list(whole[:-1])
    for token in part[:-1]:
        match = next(
            (w for w in rest if w == token or (len(token) == 1 and w.startswith(token))), None
        )
        if match is None:
            return False
        rest.remove(match)
    return True


def _slug(name: str) -> str:
    return "-".join(name_tokens(name)) or re.sub(r"\W+", "-", name.lower()).strip("-")


def _part_of(tokens: tuple[str, ...], full_name: str) -> bool:
    full = name_tokens(full_name)
    return bool(full) and set(tokens) <= set(full)


def _is_military(lexicon: Lexicon, rank: str) -> bool:
    return any(r.name == rank and r.military for r in lexicon.ranks)


def _capitals_country(
    sentence: SentenceText, marks: Sequence[Mark], chain: Sequence[Mark]
) -> list[str]:
    """The country of a city whose possessive opens the title ("Seoul's ambassador")."""
    offices = [m for m in chain if m.kind == "office"]
    if not offices:
        return []
    first = min(offices, key=lambda m: m.start)
    text, base = sentence.text, sentence.start
    return [
        m.country for m in marks
        if m.kind == "city" and m.country and m.end <= first.start
        and _POSSESSIVE_GAP.fullmatch(text, m.end - base, first.start - base)
    ]  # fmt: skip


_APPOSITION_GAP: Final = re.compile(r",\s*(?:the\s+)?")


def _counterparts_country(
    sentence: SentenceText, marks: Sequence[Mark], chain: Sequence[Mark], start: int
) -> list[str]:
    """The country of a counterpart a titled name stands in apposition to ("his Omani
    counterpart, Trade Minister A"): theirs."""
    first = min([start, *(m.start for m in chain)])
    text, base = sentence.text, sentence.start
    for mark in marks:
        if (
            mark.kind == "office"
            and mark.value == "counterpart"
            and _APPOSITION_GAP.fullmatch(text, mark.end - base, first - base)
        ):
            country = _country_near(sentence, marks, mark)
            return [country] if country else []
    return []


def _country_after(
    lexicon: Lexicon, sentence: SentenceText, marks: Sequence[Mark], end: int
) -> list[str]:
    """The country a name is told to serve right after it ("General A of the Philippine
    Army", "B of Kenya")."""
    text, base = sentence.text, sentence.start
    if not text.startswith((" of ", ", of "), end - base):
        return []
    part = country_part(lexicon, text).match(text, end - base)
    if part is None:
        return []
    return [
        m.value for m in marks
        if m.kind == "country" and end <= m.start and m.end <= base + part.end()
    ]  # fmt: skip


def _country_near(sentence: SentenceText, marks: Sequence[Mark], office: Mark) -> str | None:
    """The country word right before an office or inside it ("the Iranian president")."""
    for mark in marks:
        if mark.kind != "country":
            continue
        if office.start <= mark.start and mark.end <= office.end:
            return mark.value
        gap = sentence.text[mark.end - sentence.start : office.start - sentence.start]
        if mark.end <= office.start and _COUNTRY_GAP.fullmatch(gap):
            return mark.value
    return None
