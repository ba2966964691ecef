"""The kinds of fact, each declared once: its record, finder, builder, line and filters.

The pipeline runs the finders and builders in this order; the corpus merges, saves, loads
and queries, the frames, the command line and the summary loop over :data:`KINDS`. To add a
kind: its record in ``model/records.py`` (with a field of :class:`ExtractionResult` and of
``CorpusData`` named as its plural), its finder and builder in a module of its own, and an
entry here.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from functools import cache
from typing import Any, Final, Literal

from attrs import frozen

from bilateral.errors import InvalidQueryError
from bilateral.facts import building
from bilateral.facts.calls import build_calls, call_statements, find_calls
from bilateral.facts.findings import Findings
from bilateral.facts.vocabulary import topic_names
from bilateral.model import Agreement, Call, PartialDate, Statement, Visit
from bilateral.text.lexicons import countries

Name = Callable[[str], str]  # an official's id to the name to show
FilterValue = Literal["official", "country", "countries", "word"]


@frozen
class Filter:
    """A keyword of a kind's corpus query, and the command line's option of the same name."""

    name: str
    value: FilterValue
    help: str
    choices: tuple[str, ...] = ()


@frozen
class FactKind:
    """One kind of fact, declared once."""

    name: str
    plural: str
    record: type[Any]
    find: Callable[[Findings], list[Any]]
    build: Callable[[Findings, list[Any]], tuple[Any, ...]]
    line: Callable[[Any, Name], str]  # a readable line, without id or evidence
    filters: tuple[Filter, ...] = ()
    same: Callable[[Any], Hashable] | None = None  # reports of one fact share it
    columns: tuple[str, ...] = ()  # properties saved beside the fields (SQLite, frames)
    link: Callable[[Findings], None] | None = None  # run on the records, after links.py's
    index: Callable[[Any], Iterable[tuple[str, object]]] | None = None  # the keys queries read


def _date(value: PartialDate | None) -> str:
    return value.iso() if value else "?"


def _visit_line(visit: Visit, name: Name) -> str:
    met = sorted({name(p) for m in visit.meetings for p in m.participants} - {name(visit.visitor)})
    when = _date(visit.start) + (f" .. {_date(visit.end)}" if visit.end else "")
    if visit.start is None and visit.dates:
        when = _date(visit.dates[0])
    return (
        f"{name(visit.visitor)}: {visit.origin or '?'} -> {visit.destination}"
        f" ({visit.status}) {when}"
        + (f", {visit.days} days" if visit.days else "")
        + (f", in {', '.join(visit.places)}" if visit.places else "")
        + (f"; met {', '.join(met)}" if met else "")
    )


def _statement_line(statement: Statement, name: Name) -> str:
    return f"{name(statement.speaker)} ({_date(statement.date)}): {statement.text}"


def _agreement_line(agreement: Agreement, name: Name) -> str:
    return f"{'/'.join(agreement.parties)} ({_date(agreement.date)}): {agreement.text}"


def _call_line(call: Call, name: Name) -> str:
    return (
        f"{' / '.join(name(p) for p in call.participants)}"
        f" ({'/'.join(call.countries)}, {call.channel}, {call.status}, {_date(call.date)})"
        + (f"; called by {name(call.initiator)}" if call.initiator else "")
    )


def _call_keys(call: Call) -> Iterable[tuple[str, object]]:
    yield from (("participant", p) for p in call.participants)
    yield from (("country", c) for c in call.countries)
    yield "channel", call.channel


def _same_call(call: Call) -> Hashable:
    return frozenset(call.participants), call.channel, call.status, call.date


VISITS: Final = FactKind(
    "visit", "visits", Visit, building.visits_found, building.visit_records, _visit_line,
    columns=("first_day", "last_day"),
    filters=(
        Filter("visitor", "official", "visits of this official (id or name)"),
        Filter("origin", "country", "visits from this country (ISO code)"),
        Filter("destination", "country", "visits to this country (ISO code)"),
        Filter("status", "word", "visits of this status", ("current", "past", "planned")),
        Filter("place", "word", "visits to this city"),
    ),
)  # fmt: skip
STATEMENTS: Final = FactKind(
    "statement", "statements", Statement,
    building.statements_found, building.statement_records, _statement_line,
    filters=(
        Filter("speaker", "official", "statements of this official (id or name)"),
        Filter("topic", "word", "statements on this topic", topic_names()),
    ),
)  # fmt: skip
AGREEMENTS: Final = FactKind(
    "agreement", "agreements", Agreement,
    building.agreements_found, building.agreement_records, _agreement_line,
    filters=(Filter("parties", "countries", "agreements between these countries: PK,IR"),),
)  # fmt: skip
CALLS: Final = FactKind(
    "call", "calls", Call, find_calls, build_calls, _call_line,
    same=_same_call,
    link=call_statements,
    index=_call_keys,
    filters=(
        Filter("participant", "official", "calls of this official (id or name)"),
        Filter("countries", "countries", "calls between these countries: PK,IR"),
        Filter("channel", "word", "calls by this channel", ("phone", "video")),
    ),
)  # fmt: skip

KINDS: Final[tuple[FactKind, ...]] = (VISITS, STATEMENTS, AGREEMENTS, CALLS)
KIND_NAMED: Final = {k.plural: k for k in KINDS}


@cache
def _country_codes() -> frozenset[str]:
    return frozenset(c.code for c in countries())


def country_code(value: str, option: str) -> str:
    """A country's ISO 3166-1 alpha-2 code (any case) as the data writes it, or
    :class:`InvalidQueryError`."""
    code = value.strip().upper()
    if code not in _country_codes():
        raise InvalidQueryError(f"{option}: {value!r} is not a country code (ISO 3166-1 alpha-2)")
    return code


def country_codes(value: str | Sequence[str], option: str) -> tuple[str, ...]:
    """Country codes given as a sequence or as comma-separated text ("PK,IR")."""
    parts = value.split(",") if isinstance(value, str) else value
    return tuple(country_code(part, option) for part in parts)


def checked(found: Filter, value: Any) -> Any:
    """A filter's value as queries take it, or :class:`InvalidQueryError` when it can never
    match: a country code not in the package's data, a word not among the filter's choices."""
    if value is None or found.value == "official":
        return value
    if found.value == "country":
        return country_code(value, found.name)
    if found.value == "countries":
        return country_codes(value, found.name)
    if found.choices and value not in found.choices:
        raise InvalidQueryError(f"{found.name}: {value!r} is not one of {', '.join(found.choices)}")
    return value


def check(kind: FactKind, **values: Any) -> dict[str, Any]:
    """:func:`checked` values of a kind's filters, by name."""
    filters = {f.name: f for f in kind.filters}
    return {name: checked(filters[name], value) for name, value in values.items()}
