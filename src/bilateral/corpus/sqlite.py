"""The relational SQLite schema of a corpus, read from the records' own declarations.

One table per kind of record (``articles``, ``officials``, ``visits``, ``statements``,
``agreements``, ``calls``): a column per plain field (text, number, ISO date) and per property
a kind declares (``columns``: a visit's ``first_day`` and ``last_day``), foreign keys
where a field names an official or another fact (``refers`` metadata), and ``record``, the
full JSON from which loading rebuilds the record exactly. A tuple field has a link table
``<table>_<field>(owner_id, position, value)``; nested records (a visit's ``meetings``) have a
table of their own with an ``id`` of ``<owner>/<field>-<n>`` and an ``owner_id``; evidence
of every record, nested ones included, is in ``spans(owner_table, owner_id, position,
article_id, start, end, text)``.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Iterator
from typing import Any, Final

import attrs

from bilateral.facts.kinds import KINDS
from bilateral.model import Article, Official, PartialDate, Span
from bilateral.model.references import fields_of, nested_record, referred_kind
from bilateral.model.serialize import to_json

SCHEMA_VERSION: Final = "3"
TABLES: Final[tuple[tuple[str, type[Any]], ...]] = (
    ("articles", Article),
    ("officials", Official),
    *((kind.plural, kind.record) for kind in KINDS),
)
_TABLE_OF_KIND: Final = {"article": "articles", "official": "officials"} | {
    kind.name: kind.plural for kind in KINDS
}
_COLUMNS: Final = {kind.plural: kind.columns for kind in KINDS}  # properties saved as columns
_ARTICLE_LAYOUT: Final = frozenset({"raw", "body", "paragraphs", "sentences", "furniture"})
Row = tuple[object, ...]


def _plain(annotation: object) -> str | None:
    """The SQL type of a field's type when it is a plain value (None: it is not one)."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(options) != 1:
            return None
        annotation = options[0]
    if annotation is int:
        return "INTEGER"
    if annotation in (str, PartialDate) or typing.get_origin(annotation) is typing.Literal:
        return "TEXT"
    return None


def _text(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _fields(cls: type[Any]) -> Iterator[attrs.Attribute[Any]]:
    for attribute in fields_of(cls):
        if not (cls is Article and attribute.name in _ARTICLE_LAYOUT):
            yield attribute


def _is_values(attribute: attrs.Attribute[Any]) -> bool:
    """Whether a field is a tuple of plain values (a link table's)."""
    args = typing.get_args(attribute.type)
    return typing.get_origin(attribute.type) is tuple and bool(args) and _plain(args[0]) is not None


def _foreign(attribute: attrs.Attribute[Any]) -> str:
    kind = referred_kind(attribute)
    return f" REFERENCES {_TABLE_OF_KIND[kind]} (id)" if kind in _TABLE_OF_KIND else ""


def schema() -> str:
    """The SQL that creates every table and index."""
    statements = ["CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"]
    for table, cls in TABLES:
        statements.extend(_tables(table, cls, None))
    statements.append(
        "CREATE TABLE spans (owner_table TEXT NOT NULL, owner_id TEXT NOT NULL, position INTEGER"
        " NOT NULL, article_id TEXT NOT NULL REFERENCES articles (id), start INTEGER NOT NULL,"
        ' "end" INTEGER NOT NULL, text TEXT NOT NULL)'
    )
    statements.append("CREATE INDEX spans_by_owner ON spans (owner_table, owner_id)")
    return ";\n".join(statements) + ";\n"


def _tables(table: str, cls: type[Any], owner: str | None) -> Iterator[str]:
    columns = ["position INTEGER NOT NULL", "id TEXT PRIMARY KEY"]
    if owner is not None:
        columns.append(f"owner_id TEXT NOT NULL REFERENCES {owner} (id)")
    later: list[str] = []
    for attribute in _fields(cls):
        sql_type = _plain(attribute.type)
        if sql_type is not None and attribute.name != "id":
            columns.append(f'"{attribute.name}" {sql_type}{_foreign(attribute)}')
        elif _is_values(attribute):
            value = _plain(typing.get_args(attribute.type)[0])
            link = f"{table}_{attribute.name}"
            later.append(
                f"CREATE TABLE {link} (owner_id TEXT NOT NULL REFERENCES {table} (id),"
                f" position INTEGER NOT NULL, value {value} NOT NULL{_foreign(attribute)})"
            )
            later.append(f"CREATE INDEX {link}_by_value ON {link} (value)")
        elif (child := nested_record(attribute)) is not None and child is not Span:
            later.extend(_tables(attribute.name, child, table))
    columns.extend(f'"{name}" TEXT' for name in _COLUMNS.get(table, ()))
    if owner is None:
        columns.append("record TEXT NOT NULL")
    yield f"CREATE TABLE {table} ({', '.join(columns)})"
    yield from later


def rows(tables: dict[str, tuple[Any, ...]]) -> dict[str, list[Row]]:
    """The rows of every table, for the records of each top table."""
    found: dict[str, list[Row]] = {"spans": []}
    for table, cls in TABLES:
        _rows(table, cls, None, tables[table], found)
    return found


def _rows(
    table: str, cls: type[Any], owner: str | None, records: tuple[Any, ...],
    found: dict[str, list[Row]],
) -> None:  # fmt: skip
    fields = list(_fields(cls))
    own = found.setdefault(table, [])
    for position, record in enumerate(records):
        row_id = record.id if owner is None else f"{owner}/{table}-{position + 1}"
        row: list[object] = [position, row_id]
        for attribute in fields:
            value = getattr(record, attribute.name)
            if _plain(attribute.type) is not None and attribute.name != "id":
                row.append(str(value) if isinstance(value, PartialDate) else value)
            elif _is_values(attribute):
                link = found.setdefault(f"{table}_{attribute.name}", [])
                link.extend((row_id, n, str(v)) for n, v in enumerate(value))
            elif (child := nested_record(attribute)) is Span:
                found["spans"].extend(
                    (table, row_id, n, s.article_id, s.start, s.end, s.text)
                    for n, s in enumerate(value)
                )
            elif child is not None:
                _rows(attribute.name, child, row_id, value, found)
        row.extend(_text(getattr(record, name)) for name in _COLUMNS.get(table, ()))
        if owner is None:
            row.append(to_json(record))
        else:
            row.insert(2, owner)
        own.append(tuple(row))
