"""Typed views of the packaged lexicons that several layers share."""

from __future__ import annotations

from functools import cache

import attr

from bilateral.errors import InvalidDataError
from bilateral.text.resources import packaged_toml


@attr.s(auto_attribs=True, slots=True, frozen=True)
class Country:
    code: str
    name: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    capital: str | None
    cities: tuple[str, ...]
    alpha3: str  # ISO 3166-1 alpha-3, as event data write countries


@attr.s(auto_attribs=True, slots=True, frozen=True)
class Outlet:
    name: str
    signatures: tuple[str, ...]
    codes: tuple[str, ...]
    domains: tuple[str, ...]
    self_references: tuple[str, ...]
    country: str | None = None


def _strings(record: dict[str, object], key: str, where: str) -> tuple[str, ...]:
    value = record.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidDataError(where, key, "must be a list of strings")
    return tuple(value)


def _alpha3(record: dict[str, object], where: str) -> str:
    value = record.get("alpha3")
    if not isinstance(value, str) or len(value) != 3 or not value.isupper():
        raise InvalidDataError(where, "alpha3", "must be an ISO 3166-1 alpha-3 code")
    return value


@cache
def countries() -> tuple[Country, ...]:
    """Every ISO 3166-1 country with its names, adjectives, capital and major cities."""
    data = packaged_toml("countries")
    result = []
    for code, record in data.items():
        where = f"bilateral/data/countries.toml [{code}]"
        if not isinstance(record, dict) or len(code) != 2 or not code.isupper():
            raise InvalidDataError(where, code, "expected a table keyed by an alpha-2 code")
        capital = record.get("capital")
        result.append(
            Country(
                code,
                str(record.get("name", code)),
                _strings(record, "names", where),
                _strings(record, "adjectives", where),
                capital if isinstance(capital, str) and capital else None,
                _strings(record, "cities", where),
                _alpha3(record, where),
            )
        )
    return tuple(result)


@cache
def city_countries() -> dict[str, str]:
    """City name (as written) -> country code, capitals included."""
    table: dict[str, str] = {}
    for country in countries():
        for city in (*((country.capital,) if country.capital else ()), *country.cities):
            table.setdefault(city, country.code)
    return table


@cache
def cities_by_lower_case() -> dict[str, str]:
    """A city's name in lower case -> the name as written (the first city listed wins)."""
    table: dict[str, str] = {}
    for city in city_countries():
        table.setdefault(city.lower(), city)
    return table


@cache
def outlets() -> tuple[Outlet, ...]:
    data = packaged_toml("outlets")
    result = []
    for index, record in enumerate(data.get("outlet", [])):
        where = f"bilateral/data/outlets.toml outlet #{index + 1}"
        result.append(
            Outlet(
                str(record["name"]),
                _strings(record, "signatures", where),
                _strings(record, "codes", where),
                _strings(record, "domains", where),
                _strings(record, "self_references", where),
                record.get("country"),
            )
        )
    return tuple(result)
