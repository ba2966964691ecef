"""People: named officials, office-only references, and one identity per person.

A capitalised run of words is a person's name when a rank or an office stands next to it,
when the office-holder table knows it, or when it repeats part of a name already found.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import itertools
import re
from collections.abc import Sequence
from typing import Final, final

import attr

from bilateral.mentions.lexicon import Holder, Lexicon
from bilateral.mentions.marks import Mark
from bilateral.mentions.names import clean_name, name_tokens
from bilateral.text.regex import LETTER, LOWER, TAIL_REACH, UPPER, search_tail
from bilateral.text.resources import packaged_toml
from bilateral.text.words import SentenceText

# name particles: hyphened to a name ("al-Assad"), or standing alone ("Zia ul Haq")
_PARTICLES: Final = ("al", "el", "bin", "ibn", "ul", "ur", "ud")
_HYPHENED_PARTICLES: Final = tuple(f"{particle}-" for particle in _PARTICLES)
# what follows a name's capital: "Bajwa", "McDonald", "Zia-ul-Haq", "O'Brien", "Q.", "Çavuşoğlu"
_AFTER_CAPITAL: Final = rf"(?:{LOWER}+(?:{UPPER}{LOWER}+)?(?:-{LETTER}+|[’'](?!s\b){LETTER}+)*|\.?)"
_NAME_TOKEN: Final = rf"(?:(?:{'|'.join(_PARTICLES)}|Al|El)-)?{UPPER}{_AFTER_CAPITAL}"
_NAME_JOINT: Final = r"\s(?:(?:bin|bint|ibn|ul|ur|al|el|ud|Bin|Ibn|Al|El)\s)?"
_NAME_RUN: Final = re.compile(  # the look-ahead (a capital or a particle's first letter) saves time
    rf"(?={UPPER}|[abeiu]){_NAME_TOKEN}(?:{_NAME_JOINT}{_NAME_TOKEN})*"
)
# The same matches in a text without a hyphened particle, found twice as fast: the pattern
# begins with a character class, so the search skips what is not a capital without trying it.
_CAPITALISED_RUN: Final = re.compile(
    rf"{UPPER}(?:(?<=[AE])l-{UPPER}{_AFTER_CAPITAL}|{_AFTER_CAPITAL})(?:{_NAME_JOINT}{_NAME_TOKEN})*"
)
_NOT_NAMES: Final = frozenset(
    [
        *packaged_toml("people")["not_names"],
        *calendar.month_name[1:],
        *calendar.month_abbr[1:],
        *calendar.day_name,
        "Sept",
    ]
)
_CHAIN_FILLER: Final = re.compile(r"^\s*(?:,\s*)?(?:\((?P<abbr>[A-Z]{2,8})\)\s*)?$")
# words that may stand between a title and a name ("the army chief the former General ...")
_LEFT_WORDS: Final = frozenset(
    {"the", "The", "caretaker", "Caretaker", "visiting", "top", "former", "then", "acting",
     "his", "her", "its"}
)  # fmt: skip
_LIST_JOINT: Final = re.compile(r"\s*(?:,\s*)?(?:and\s+)?")
_POST_TITLE: Final = re.compile(r"^,?\s(?:the\s)?")
_ABBREVIATION_AFTER: Final = re.compile(r"^\s*(?:\([A-Z]{2,8}\)\s*)?")
_TENURE_SLACK_DAYS: Final = 730
_THE_BEFORE: Final = re.compile(r"\b(?:the|The)\s+$")
_COUNTRY_GAP: Final = re.compile(r"\s*(?:(?:top|visiting|caretaker)\s+)*")  # "Iranian top …"
_APPOSITION_END: Final = re.compile(
    r"^\s*(?:[,.;:(]|$|(?:who|which|and|said|says)\b|\([A-Z]{2,8}\))"
)
GENERIC_OFFICES: Final = frozenset(
    {
        "commander",
        "chief",
        "director_general",
        "vice_chairman",
        "minister",
        "general",
        "spokesperson",
    }
)


@final
class PersonMention:
    """A reference to a person in the body: named, or by office alone. A record with a
    compiled ``__init__``, like :class:`~bilateral.mentions.marks.Mark`."""

    __slots__ = (
        "country", "end", "kind", "name", "name_start", "offices", "person", "rank", "sentence",
        "start", "titles",
    )  # fmt: skip

    def __init__(
        self, start: int, end: int, sentence: int, kind: str,  # kind: "named" or "office"
        name: str | None = None, name_start: int | None = None, rank: str | None = None,
        titles: tuple[str, ...] = (), offices: tuple[str, ...] = (),
        country: str | None = None, person: str | None = None,
    ) -> None:  # fmt: skip
        self.start: Final = start
        self.end: Final = end
        self.sentence: Final = sentence
        self.kind: Final = kind
        self.name: Final = name
        self.name_start: Final = name_start
        self.rank: Final = rank
        self.titles: Final = titles
        self.offices: Final = offices
        self.country: Final = country
        self.person: Final = person


@attr.s(auto_attribs=True, slots=True, eq=False)
class Person:
    """One person of the article, gathered from all their mentions."""

    id: str
    names: list[str]
    holder: Holder | None = None
    country: str | None = None
    rank: str | None = None
    titles: list[str] = attr.ib(factory=list)
    offices: list[str] = attr.ib(factory=list)
    mentions: list[PersonMention] = attr.ib(factory=list)
    is_official: bool = False
    _tokens: set[str] = attr.ib(factory=set, repr=False)
    _starts: list[int] = attr.ib(factory=list, repr=False)
    _tokens_key: tuple[int, str | None] = attr.ib(default=(-1, None), repr=False)

    @property
    def name(self) -> str:
        if self.holder:
            return self.holder.name
        return max(self.names, key=lambda n: (len(name_tokens(n)), len(n)))

    def add(self, mention: PersonMention) -> None:
        self.mentions.append(mention)
        bisect.insort(self._starts, mention.start)

    def last_before(self, at: int) -> int:
        """Start of this person's last mention before offset ``at`` (-1 when none)."""
        index = bisect.bisect_left(self._starts, at)
        return self._starts[index - 1] if index else -1

    @property
    def tokens(self) -> set[str]:
        key = (len(self.names), self.holder.id if self.holder else None)
        if self._tokens_key != key:
            found = {t for n in self.names for t in name_tokens(n)}
            if self.holder:
                found |= {t for n in self.holder.names for t in name_tokens(n)}
            self._tokens, self._tokens_key = found, key
        return self._tokens


# A capitalised run that may be a name: its start and end, the name, the ranks, offices and
# country words right before it (nearest first), and the office right after it.
NameRun = tuple[int, int, str, list[Mark], list[Mark]]


def read_names(sentence: SentenceText, marks: Sequence[Mark]) -> list[NameRun]:
    """The runs of a sentence that may be names, with the titles around them: what
    :func:`find_people` reads of a sentence that does not depend on the article's date (read
    once, though an article without a year is read twice)."""
    text, base = sentence.text, sentence.start
    return [
        (
            start, end, clean_name(text[start - base : end - base]),
            _left_chain(sentence, marks, start), _post_title(sentence, marks, end),
        )
        for start, end in _name_runs(sentence, marks)
    ]  # fmt: skip


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
    finder = _Finder(lexicon, day, home)
    for sentence, sentence_marks, runs in zip(sentences, marks, names, strict=True):
        finder.sentence(sentence, sentence_marks, runs)
    finder.surname_pass(sentences, names)
    mentions = finder.resolve_offices()
    return finder.persons, mentions


class _Finder:
    def __init__(self, lexicon: Lexicon, day: dt.date | None, home: str | None) -> None:
        self.lexicon = lexicon
        self.day = day
        self.home = home
        self.persons: list[Person] = []
        self.mentions: list[PersonMention] = []
        self.office_mentions: list[PersonMention] = []

    # --- named mentions -------------------------------------------------------------
    def sentence(
        self, sentence: SentenceText, marks: Sequence[Mark], runs: Sequence[NameRun]
    ) -> None:
        used: set[int] = set()
        first = len(self.mentions)
        for start, end, name, chain, post in runs:
            offices = [m.value for m in chain + post if m.kind == "office"]
            known = self._known_part(name, offices)
            holder = known.holder if known else self.holder_for(name, offices)
            titled = any(m.kind in ("rank", "office") for m in chain + post)
            if not (titled or holder):
                continue
            used.update(id(m) for m in chain + post)
            inside = [
                m.value for t in chain + post if t.kind == "office" for m in marks
                if m.kind == "country" and t.start <= m.start and m.end <= t.end
            ]  # fmt: skip
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
            if mark.kind == "office" and id(mark) not in used:
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
        person = self.person_for(name, holder, country)
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

    def holder_for(self, name: str, offices: list[str]) -> Holder | None:
        tokens = name_tokens(name)
        if not tokens:
            return None
        exact = self.lexicon.holders_named(tokens)
        if exact:
            return self._best(exact, offices)
        partial = [h for h in self.lexicon.holders_with(tokens) if self._in_office_around(h)]
        if len(tokens) == 1:
            surnamed = self.lexicon.surname_holders(tokens[0])
            partial = [h for h in partial if h in surnamed or (offices and self._held(h, offices))]
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

    def person_for(self, name: str, holder: Holder | None, country: str | None) -> Person:
        tokens = set(name_tokens(name))
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

    def _closest(self, persons: list[Person], at: int) -> Person:
        """The person mentioned last before offset ``at``."""
        return max(persons, key=lambda person: person.last_before(at))

    # --- office-only references resolved to people of the article --------------------
    def resolve_offices(self) -> list[PersonMention]:
        resolved = list(self.mentions)
        for mention in self.office_mentions:
            person = self._holder_in_article(mention)
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
        # those the article itself gives the office, before those the table says held it
        titled = [p for p in candidates if any(o in p.offices for o in mention.offices)]
        candidates = titled or candidates
        if not candidates:
            return None
        if mention.country is None and self.home:
            at_home = [p for p in candidates if p.country == self.home]
            candidates = at_home or candidates
        if mention.country is None and len({p.country for p in candidates}) > 1:
            return None  # "the prime minister" of two countries: no answer, not a wrong one
        before = [p for p in candidates if p.last_before(mention.start) >= 0]
        if before:
            return self._closest(before, mention.start)
        return min(candidates, key=lambda p: min(m.start for m in p.mentions))

    def _holds(self, person: Person, offices: tuple[str, ...]) -> bool:
        if any(o in person.offices for o in offices):
            return True
        generic = [o for o in offices if o in GENERIC_OFFICES]
        if generic and self._plays_role(person, generic):
            return True
        return bool(person.holder) and self._held(person.holder, list(offices))  # type: ignore[arg-type]

    def _plays_role(self, person: Person, generic: list[str]) -> bool:
        """Whether a person can be called "the commander", "the minister"..."""
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


def _with_person(mention: PersonMention, person: str) -> PersonMention:
    return PersonMention(
        mention.start, mention.end, mention.sentence, mention.kind, mention.name,
        mention.name_start, mention.rank, mention.titles, mention.offices, mention.country,
        person,
    )  # fmt: skip


def _slug(name: str) -> str:
    return "-".join(name_tokens(name)) or re.sub(r"\W+", "-", name.lower()).strip("-")


def _part_of(tokens: tuple[str, ...], full_name: str) -> bool:
    full = name_tokens(full_name)
    return bool(full) and set(tokens) <= set(full)


def _is_military(lexicon: Lexicon, rank: str) -> bool:
    return any(r.name == rank and r.military for r in lexicon.ranks)


def _name_runs(sentence: SentenceText, marks: Sequence[Mark]) -> list[tuple[int, int]]:
    """Absolute (start, end) of capitalised runs that may be names, cut at marks."""
    text, base = sentence.text, sentence.start
    result = []
    for run in run_words(text, [(m.start - base, m.end - base) for m in marks]):
        if not any(end - start > 1 and text[start + 1] != "." for start, end in run):
            continue  # initials only
        while len(run) > 1 and run[-1][1] - run[-1][0] <= 2 and _is_particle(text, run[-1]):
            run = run[:-1]
        result.append((base + run[0][0], base + run[-1][1]))
    return result


def run_words(text: str, blocked: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The (start, end) of the words of each capitalised run, cut at words that are never
    names and at words inside a blocked stretch."""
    runs: list[list[tuple[int, int]]] = []
    hyphened = any(particle in text for particle in _HYPHENED_PARTICLES)
    for match in (_NAME_RUN if hyphened else _CAPITALISED_RUN).finditer(text):
        current: list[tuple[int, int]] = []
        start = match.start()
        for word in match.group().split():  # the run's words are one white space apart
            end = start + len(word)
            if word in _NOT_NAMES or any(b0 <= start < b1 for b0, b1 in blocked):
                if current:
                    runs.append(current)
                current = []
            else:
                current.append((start, end))
            start = end + 1
        if current:
            runs.append(current)
    return runs


def _is_particle(text: str, token: tuple[int, int]) -> bool:
    return text[token[0] : token[1]].lower() in _PARTICLES


def _left_chain(sentence: SentenceText, marks: Sequence[Mark], start: int) -> list[Mark]:
    """Ranks, offices and country words standing right before a name, nearest first."""
    text, base = sentence.text, sentence.start
    chain: list[Mark] = []
    position = start
    while True:
        if chain:
            position = base + _left_words_start(text, position - base)
        nearest_first = sorted(
            (m for m in marks if m.end <= position),
            key=lambda m: (m.end, m.end - m.start),
            reverse=True,
        )  # then the longest
        mark = next(
            (m for m in nearest_first if _CHAIN_FILLER.match(text[m.end - base : position - base])),
            None,
        )
        if mark is None:
            return chain
        gap = text[mark.end - base : position - base]
        if "," in gap and not (mark.kind == "office" and all(m.kind == "rank" for m in chain)):
            return chain
        if mark.kind not in ("rank", "office", "country", "organisation"):
            return chain
        chain.append(mark)
        position = mark.start


def _left_words_start(text: str, end: int) -> int:
    """Where the words of _LEFT_WORDS, each followed by white space, that stand right before
    ``end`` begin, within TAIL_REACH characters (``end`` when none do)."""
    start, reach = end, max(0, end - TAIL_REACH)
    while True:
        word_end = start
        while word_end > 0 and text[word_end - 1].isspace():
            word_end -= 1
        word_start = word_end
        while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] == "_"):
            word_start -= 1
        if word_end == start or word_start < reach or text[word_start:word_end] not in _LEFT_WORDS:
            return start
        start = word_start


def _post_title(sentence: SentenceText, marks: Sequence[Mark], end: int) -> list[Mark]:
    """An office right after a name ("Joseph Votel, Commander ...", "Zhang Gaoli Executive
    Vice Premier") that is not the title of the next name."""
    rest = sentence.text[end - sentence.start :]
    lead = _POST_TITLE.match(rest)
    if lead is None:
        return []
    at = end + lead.end()
    office = next((m for m in marks if m.kind == "office" and m.start == at), None)
    if office is None:
        return []
    after = sentence.text[office.end - sentence.start :]
    if "," in lead.group() and not _APPOSITION_END.match(after):
        return []
    if end - sentence.start == len(sentence.text[: end - sentence.start].lstrip()) and " " not in (
        sentence.text[: end - sentence.start].strip()
    ):
        return []  # "Afterwards, Naval Chief laid ...": a sentence-opening word is no name
    follows = _ABBREVIATION_AFTER.match(after)
    next_at = office.end + (follows.end() if follows else 0)
    if any(m.start == next_at and m.kind == "rank" for m in marks):
        return []
    if _NAME_RUN.match(sentence.text, next_at - sentence.start) and not after.startswith(","):
        word = _NAME_RUN.match(sentence.text, next_at - sentence.start)
        if word and word.group().split()[0] not in _NOT_NAMES:
            return []
    return [office]


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
