"""The lexicons mentions are found with: offices, ranks, organisations, office-holders.

Each is data (TOML in ``bilateral/data``) read by small functions into frozen records and
compiled once into a :class:`Lexicon`. Users can load their own office-holder table on top.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from functools import cache, cached_property
from pathlib import Path
from typing import Any, Final

import attr
from attrs import evolve

from bilateral.errors import InvalidDataError
from bilateral.mentions.names import name_tokens
from bilateral.mentions.phrases import Phrases, packaged_phrases
from bilateral.model import PartialDate
from bilateral.text.lexicons import Country, countries
from bilateral.text.regex import trie_alternation
from bilateral.text.resources import TOMLDecodeError, packaged_toml, parse_toml

__all__ = ["Holder", "Lexicon", "Term", "default_lexicon", "load_officeholders"]

_POSSESSIVE: Final = re.compile(r"[’']s?$")
_SEEN_WORDS: Final = 100_000  # words whose country is remembered


@attr.s(auto_attribs=True, slots=True, frozen=True)
class OfficeForm:
    pattern: str
    country: str | None = None
    country_word: bool = False


@attr.s(auto_attribs=True, slots=True, frozen=True)
class Office:
    key: str
    name: str
    forms: tuple[OfficeForm, ...]
    roles: tuple[str, ...] = ()


@attr.s(auto_attribs=True, slots=True, frozen=True)
class Rank:
    name: str
    forms: tuple[str, ...]
    military: bool


@attr.s(auto_attribs=True, slots=True, frozen=True)
class Organisation:
    name: str
    forms: tuple[str, ...]
    country: str | None
    kind: str
    place: str | None = None


@attr.s(auto_attribs=True, slots=True, frozen=True)
class Term:
    """A term in an office (a key of the offices table) from ``start`` to ``end`` (None:
    still held)."""

    office: str
    start: PartialDate
    end: PartialDate | None = None

    def covers(self, day: dt.date, slack_days: int = 0) -> bool:
        """True when the term may include ``day``, give or take ``slack_days``."""
        slack = dt.timedelta(days=slack_days)
        if day + slack < self.start.first_day():
            return False
        return self.end is None or day - slack <= self.end.last_day()


@attr.s(auto_attribs=True, slots=True, frozen=True)
class Holder:
    """A person in the office-holder table."""

    id: str
    name: str
    country: str
    aliases: tuple[str, ...] = ()
    rank: str | None = None
    terms: tuple[Term, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The holder's name, then its aliases."""
        return (self.name, *self.aliases)


def _strings(value: object, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidDataError(where, key, "must be a list of strings")
    return tuple(value)


def _date(value: object, where: str, key: str) -> PartialDate:
    try:
        return PartialDate.parse(str(value))
    except ValueError as exc:
        raise InvalidDataError(where, key, str(exc)) from exc


def parse_offices(data: Mapping[str, Any], source: str) -> tuple[Office, ...]:
    offices = []
    for index, record in enumerate(data.get("office", [])):
        where = f"{source} office #{index + 1}"
        forms = []
        for form in record.get("forms", []):
            if isinstance(form, str):
                forms.append(OfficeForm(form))
            elif isinstance(form, dict) and isinstance(form.get("form"), str):
                forms.append(
                    OfficeForm(form["form"], form.get("country"), bool(form.get("country_word")))
                )
            else:
                raise InvalidDataError(where, "forms", f"bad form {form!r}")
        offices.append(
            Office(
                str(record["key"]),
                str(record["name"]),
                tuple(forms),
                _strings(record.get("role"), where, "role"),
            )
        )
    return tuple(offices)


def parse_ranks(data: Mapping[str, Any], source: str) -> tuple[Rank, ...]:
    return tuple(
        Rank(
            str(r["name"]),
            _strings(r.get("forms"), f"{source} rank #{i + 1}", "forms"),
            bool(r.get("military", False)),
        )
        for i, r in enumerate(data.get("rank", []))
    )


def parse_organisations(data: Mapping[str, Any], source: str) -> tuple[Organisation, ...]:
    return tuple(
        Organisation(
            str(r["name"]),
            _strings(r.get("forms"), f"{source} organisation #{i + 1}", "forms"),
            r.get("country"),
            str(r.get("kind", "government")),
            r.get("place"),
        )
        for i, r in enumerate(data.get("organisation", []))
    )


def parse_officeholders(data: Mapping[str, Any], source: str) -> tuple[Holder, ...]:
    """Validate a whole office-holder table; raises :class:`InvalidDataError` naming the
    record at fault before anything is used."""
    holders = []
    seen: set[str] = set()
    records = data.get("person")
    if not isinstance(records, list):
        raise InvalidDataError(source, "file", "expected [[person]] records")
    for index, record in enumerate(records):
        where = f"{source} person #{index + 1}"
        if not isinstance(record, dict):
            raise InvalidDataError(where, "record", "expected a table")
        for key in ("id", "name", "country"):
            if not isinstance(record.get(key), str) or not record[key]:
                raise InvalidDataError(where, key, "is required and must be a string")
        where = f"{source} person {record['id']!r}"
        if record["id"] in seen:
            raise InvalidDataError(where, "id", "appears twice")
        seen.add(record["id"])
        if not re.fullmatch(r"[A-Z]{2}", record["country"]):
            raise InvalidDataError(where, "country", "must be an ISO 3166-1 alpha-2 code")
        terms = []
        for term in record.get("terms", []):
            if not isinstance(term, dict) or not isinstance(term.get("office"), str):
                raise InvalidDataError(where, "terms", f"bad term {term!r}")
            start = _date(term.get("start"), where, "start")
            end = _date(term["end"], where, "end") if term.get("end") else None
            if end and end.last_day() < start.first_day():
                raise InvalidDataError(where, "terms", f"{term['office']} ends before it starts")
            terms.append(Term(term["office"], start, end))
        holders.append(
            Holder(
                record["id"],
                record["name"],
                record["country"],
                _strings(record.get("aliases"), where, "aliases"),
                record.get("rank"),
                tuple(terms),
            )
        )
    return tuple(holders)


def load_officeholders(path: str | Path) -> tuple[Holder, ...]:
    """Read and fully validate a user's office-holder table (same format as the packaged one)."""
    path = Path(path)
    try:
        data = parse_toml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidDataError(str(path), "file", str(exc)) from exc
    except TOMLDecodeError as exc:
        raise InvalidDataError(str(path), "file", str(exc)) from exc
    return parse_officeholders(data, str(path))


@attr.s(auto_attribs=True, slots=True, frozen=True)
class Lexicon:
    """All lexicons, with their combined patterns compiled once (lazily)."""

    countries: tuple[Country, ...]
    offices: tuple[Office, ...]
    ranks: tuple[Rank, ...]
    organisations: tuple[Organisation, ...]
    holders: tuple[Holder, ...]
    portfolio_words: tuple[str, ...] = ()
    title_modifiers: tuple[str, ...] = ()
    organisation_heads: tuple[str, ...] = ()  # the last words of a body's name ("Bureau")
    phrases: Phrases = attr.ib(factory=packaged_phrases)
    _cache: dict[str, Any] = attr.ib(factory=dict, eq=False, repr=False)

    def with_officeholders(self, extra: Iterable[Holder]) -> Lexicon:
        """This lexicon with more office-holders; a holder with a known id replaces it."""
        extra = tuple(extra)
        replaced = {h.id for h in extra}
        return evolve(
            self,
            holders=(*(h for h in self.holders if h.id not in replaced), *extra),
            cache={},
        )

    def with_phrases(
        self, changes: Mapping[str, Mapping[str, list[str] | tuple[str, ...]]]
    ) -> Lexicon:
        """This lexicon with some of the rules' phrases replaced, as ``data/facts.toml``
        holds them: ``{"statements": {"speech": ["said", "quipped"]}}``."""
        return evolve(self, phrases=self.phrases.replaced(changes), cache={})

    @cached_property
    def country_words(self) -> str:
        """A regex matching any country name or adjective, in any case (possessives matched
        apart): a trie of them in lower case, which compiles and runs faster than a list."""
        return trie_alternation(
            {w.lower() for c in self.countries for w in (*c.names, *c.adjectives)}
        )

    def country_of_word(self, word: str) -> str | None:
        """The country a name or adjective ("Iran's", "Iranian") stands for."""
        known: dict[str, str | None] = self._cache.setdefault("country_of_word_seen", {})
        if word in known:
            return known[word]
        table: dict[str, str] = self._built("country_of_word", self._country_table)
        stripped = _POSSESSIVE.sub("", word)
        found = table.get(stripped) or table.get(stripped.lower())
        if len(known) < _SEEN_WORDS:
            known[word] = found
        return found

    def is_country_name(self, word: str) -> bool:
        """Whether a word names a country ("Iran"), not only describes ("Iranian")."""
        names: set[str] = self._built(
            "country_names", lambda: {n for c in self.countries for n in c.names}
        )
        return _POSSESSIVE.sub("", word) in names

    def portfolio_word_set(self) -> frozenset[str]:
        """The portfolio words in lower case."""
        words: frozenset[str] = self._built(
            "portfolio_word_set", lambda: frozenset(w.lower() for w in self.portfolio_words)
        )
        return words

    def organisation_head_set(self) -> frozenset[str]:
        """The words that end the names of bodies ("Bureau"), as written."""
        words: frozenset[str] = self._built(
            "organisation_head_set", lambda: frozenset(self.organisation_heads)
        )
        return words

    def organisation_forms(self) -> dict[str, Organisation]:
        """Each written form of an organisation -> the organisation."""
        forms: dict[str, Organisation] = self._built(
            "organisation_forms", lambda: {f: o for o in self.organisations for f in o.forms}
        )
        return forms

    def rank_forms(self) -> dict[str, str]:
        """Each written form of a rank -> the rank's name."""
        forms: dict[str, str] = self._built(
            "rank_forms", lambda: {f: r.name for r in self.ranks for f in r.forms}
        )
        return forms

    def _built(self, name: str, build: Callable[[], Any]) -> Any:
        """The cached value ``build()`` makes, built whole before it is shared: threads that
        extract at once with one lexicon never see a table half filled."""
        found = self._cache.get(name)
        if found is None:
            found = self._cache.setdefault(name, build())
        return found

    def _by_name(self) -> dict[tuple[str, ...], list[Holder]]:
        index: dict[tuple[str, ...], list[Holder]] = {}
        for holder in self.holders:
            for name in holder.names:
                entries = index.setdefault(name_tokens(name), [])
                if holder not in entries:
                    entries.append(holder)
        return index

    def _by_token(self) -> dict[str, list[Holder]]:
        index: dict[str, list[Holder]] = {}
        for holder in self.holders:
            for token in {t for name in holder.names for t in name_tokens(name)}:
                index.setdefault(token, []).append(holder)
        return index

    def _country_table(self) -> dict[str, str]:
        table: dict[str, str] = {}
        for country in self.countries:
            for name in (*country.names, *country.adjectives):
                table.setdefault(name, country.code)
                table.setdefault(name.lower(), country.code)
        return table

    def office(self, key: str) -> Office | None:
        """The office of this key (``army_chief``...), or None."""
        by_key: dict[str, Office] = self._built(  # the first of a key wins
            "office_by_key", lambda: {o.key: o for o in reversed(self.offices)}
        )
        return by_key.get(key)

    def holders_named(self, tokens: tuple[str, ...]) -> list[Holder]:
        """Holders one of whose names folds to exactly these tokens."""
        index: dict[tuple[str, ...], list[Holder]] = self._built("by_name", self._by_name)
        return index.get(tokens, [])

    def holders_with(self, tokens: tuple[str, ...]) -> list[Holder]:
        """Holders one of whose names contains all these tokens."""
        index: dict[str, list[Holder]] = self._built("by_token", self._by_token)
        if not tokens:
            return []
        candidates = index.get(tokens[0], [])
        return [
            h for h in candidates
            if any(set(tokens) <= set(name_tokens(n)) for n in h.names)
        ]  # fmt: skip

    def surname_holders(self, token: str) -> list[Holder]:
        """Holders one of whose names ends with this folded token."""
        return [
            h
            for h in self.holders_with((token,))
            if any(name_tokens(n)[-1:] == (token,) for n in h.names)
        ]


# the packaged office-holder tables: the home genre's, and leaders of other countries
HOLDER_TABLES: Final = ("officeholders", "leaders")


@cache
def default_lexicon() -> Lexicon:
    """The packaged lexicons."""
    return Lexicon(
        countries=countries(),
        offices=parse_offices(packaged_toml("offices"), "bilateral/data/offices.toml"),
        ranks=parse_ranks(packaged_toml("ranks"), "bilateral/data/ranks.toml"),
        organisations=parse_organisations(
            packaged_toml("organisations"), "bilateral/data/organisations.toml"
        ),
        holders=tuple(
            holder
            for table in HOLDER_TABLES
            for holder in parse_officeholders(packaged_toml(table), f"bilateral/data/{table}.toml")
        ),
        portfolio_words=_strings(
            packaged_toml("offices").get("portfolio_words"),
            "bilateral/data/offices.toml",
            "portfolio_words",
        ),
        title_modifiers=_strings(
            packaged_toml("offices").get("modifiers"), "bilateral/data/offices.toml", "modifiers"
        ),
        organisation_heads=_strings(
            packaged_toml("offices").get("organisation_heads"),
            "bilateral/data/offices.toml",
            "organisation_heads",
        ),
    )
