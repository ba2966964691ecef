"""Which fields of a record name other records: declared once, in attrs field metadata.

A field declared ``field(metadata=refers("official"))`` holds the id of an official (a
``str``, ``str | None`` or a tuple of them). Validation, merging, loading checks and the
SQLite schema all read the declaration, for every kind of fact, nested records included.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterator
from typing import Any, Final, TypeVar

import attrs

REFERS: Final = "refers_to"
R = TypeVar("R")


def refers(kind: str) -> dict[str, str]:
    """Field metadata: the field holds ids of records of ``kind`` ("official", "statement"...)."""
    return {REFERS: kind}


def referred_kind(attribute: attrs.Attribute[Any]) -> str | None:
    """The kind of record a field names, or None."""
    kind = attribute.metadata.get(REFERS)
    return str(kind) if kind is not None else None


def fields_of(cls: type[Any]) -> tuple[attrs.Attribute[Any], ...]:
    """A record class's attrs fields, their types resolved (annotations are strings)."""
    attrs.resolve_types(cls)
    return tuple(attrs.fields(cls))


def nested_record(attribute: attrs.Attribute[Any]) -> type[Any] | None:
    """The record class of a field typed ``tuple[Record, ...]``, or None."""
    args = typing.get_args(attribute.type)
    if typing.get_origin(attribute.type) is tuple and args and attrs.has(args[0]):
        return typing.cast(type[Any], args[0])
    return None


Plan = tuple[tuple[tuple[str, str], ...], tuple[str, ...]]
_plans: dict[type[Any], Plan] = {}


def _plan(cls: type[Any]) -> Plan:
    """A class's fields that name records, and those holding nested records that do."""
    found = _plans.get(cls)
    if found is None:
        found = _plans[cls] = _read_plan(cls)
    return found


def _read_plan(cls: type[Any]) -> Plan:
    named = tuple((a.name, kind) for a in fields_of(cls) if (kind := referred_kind(a)) is not None)
    nested = tuple(
        a.name
        for a in fields_of(cls)
        if (child := nested_record(a)) is not None and any(_plan(child))
    )
    return named, nested


def references(record: object) -> Iterator[tuple[str, str, str]]:
    """(field, kind, id) of each record that ``record`` names, nested records included."""
    named, nested = _plan(type(record))
    for name, kind in named:
        value = getattr(record, name)
        for one in value if isinstance(value, tuple) else (value,):
            if one is not None:
                yield name, kind, one
    for name in nested:
        for child in getattr(record, name):
            yield from references(child)


def with_references(record: R, change: Callable[[str, str], str]) -> R:
    """The record with each id it names replaced by ``change(kind, id)``."""
    named, nested = _plan(type(record))
    changes: dict[str, object] = {}
    for name, kind in named:
        value = getattr(record, name)
        if isinstance(value, tuple):
            changes[name] = tuple(change(kind, v) for v in value)
        elif value is not None:
            changes[name] = change(kind, value)
    for name in nested:
        changes[name] = tuple(with_references(c, change) for c in getattr(record, name))
    return attrs.evolve(record, **changes) if changes else record  # type: ignore[misc]
