"""Saving and loading a corpus: JSON, JSON Lines and SQLite, written atomically.

SQLite schema (one transaction per export; ``record`` holds the full JSON of the row's fact,
from which loading rebuilds it exactly; the other columns are there for SQL queries):

- ``meta(key, value)``: ``schema`` version.
- ``articles(position, id, source, published, dateline, headline, record)``
- ``officials(position, id, name, country, record)`` and ``aliases(official_id, alias)``
- ``visits(position, id, visitor, origin, destination, start, end, status, record)``
- ``meetings(visit_id, position, date, place, status, participants)`` (participants: JSON list)
- ``statements(position, id, speaker, date, text, record)``
- ``agreements(position, id, parties, date, text, record)`` (parties: JSON list)
- ``spans(owner_kind, owner_id, article_id, start, end, text)``: the evidence of every fact.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from bilateral.corpus.corpus import Corpus, CorpusData
from bilateral.errors import InvalidDataError
from bilateral.model import Agreement, Article, Official, Span, Statement, Visit
from bilateral.model.serialize import dumps, from_data, from_json, to_data, to_json

SCHEMA_VERSION = "1"
T = TypeVar("T")
_KINDS: dict[str, type[Any]] = {
    "article": Article,
    "official": Official,
    "visit": Visit,
    "statement": Statement,
    "agreement": Agreement,
}
_FIELDS = {
    "article": "articles",
    "official": "officials",
    "visit": "visits",
    "statement": "statements",
    "agreement": "agreements",
}


def write_atomically(path: str | Path, write: Callable[[Path], object]) -> None:
    """Write a file through a temporary file in its folder, then rename it into place, so
    that a reader never sees half a file; ``write`` receives the temporary path."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or ".")
    os.close(handle)
    try:
        write(Path(temporary))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# --- JSON -----------------------------------------------------------------------------
def save_json(corpus: Corpus, path: str | Path) -> None:
    write_atomically(path, lambda p: p.write_text(to_json(corpus.data), encoding="utf-8"))


def load_json(path: str | Path) -> Corpus:
    return Corpus(from_json(_read(path), CorpusData, str(path)))


# --- JSON Lines -----------------------------------------------------------------------
def jsonl_lines(corpus: Corpus) -> Iterator[str]:
    """A header line, then one ``{"kind": ..., "record": ...}`` line per fact."""
    yield dumps({"kind": "corpus", "schema": SCHEMA_VERSION})
    for kind, name in _FIELDS.items():
        for record in getattr(corpus.data, name):
            yield dumps({"kind": kind, "record": to_data(record)})


def save_jsonl(corpus: Corpus, path: str | Path) -> None:
    def write(temporary: Path) -> None:
        with temporary.open("w", encoding="utf-8") as out:
            for line in jsonl_lines(corpus):
                out.write(line + "\n")

    write_atomically(path, write)


def load_jsonl(path: str | Path) -> Corpus:
    source = str(path)
    found: dict[str, list[Any]] = {name: [] for name in _FIELDS.values()}
    for number, line in enumerate(_read(path).split("\n"), start=1):
        if not line.strip():
            continue
        where = f"line {number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InvalidDataError(source, where, exc.msg) from exc
        kind = item.get("kind") if isinstance(item, dict) else None
        if kind == "corpus":
            continue
        if kind not in _KINDS:
            raise InvalidDataError(source, where, f"unknown kind {kind!r}")
        found[_FIELDS[kind]].append(from_data(item.get("record"), _KINDS[kind], source, where))
    return _corpus(found, source)


# --- SQLite ---------------------------------------------------------------------------
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (position INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, source TEXT,
    published TEXT, dateline TEXT, headline TEXT, record TEXT NOT NULL);
CREATE TABLE officials (position INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL,
    name TEXT NOT NULL, country TEXT, record TEXT NOT NULL);
CREATE TABLE aliases (official_id TEXT NOT NULL, alias TEXT NOT NULL);
CREATE TABLE visits (position INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, visitor TEXT NOT NULL,
    origin TEXT, destination TEXT NOT NULL, start TEXT, "end" TEXT, status TEXT NOT NULL,
    record TEXT NOT NULL);
CREATE TABLE meetings (visit_id TEXT NOT NULL, position INTEGER NOT NULL, date TEXT, place TEXT,
    status TEXT NOT NULL, participants TEXT NOT NULL);
CREATE TABLE statements (position INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL,
    speaker TEXT NOT NULL, date TEXT, text TEXT NOT NULL, record TEXT NOT NULL);
CREATE TABLE agreements (position INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL,
    parties TEXT NOT NULL, date TEXT, text TEXT NOT NULL, record TEXT NOT NULL);
CREATE TABLE spans (owner_kind TEXT NOT NULL, owner_id TEXT NOT NULL, article_id TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL);
CREATE INDEX visits_by_visitor ON visits (visitor);
CREATE INDEX spans_by_owner ON spans (owner_kind, owner_id);
"""


def save_sqlite(corpus: Corpus, path: str | Path) -> None:
    """Export to a new SQLite file (replacing any), written in one transaction."""
    write_atomically(path, lambda temporary: _write_sqlite(corpus.data, temporary))


def _write_sqlite(data: CorpusData, path: Path) -> None:
    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode = MEMORY")
        connection.execute("PRAGMA synchronous = OFF")  # a temporary file, renamed when done
        with connection:
            connection.executescript(_SCHEMA)
            connection.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
            _insert(connection, data)
    finally:
        connection.close()


def _date(value: object) -> str | None:
    return str(value) if value is not None else None


def _insert(db: sqlite3.Connection, data: CorpusData) -> None:
    spans: list[tuple[str, str, Span]] = []
    db.executemany(
        "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (n, a.id, a.source, _date(a.published), a.dateline, a.headline, to_json(a))
            for n, a in enumerate(data.articles)
        ],
    )
    db.executemany(
        "INSERT INTO officials VALUES (?, ?, ?, ?, ?)",
        [(n, o.id, o.name, o.country, to_json(o)) for n, o in enumerate(data.officials)],
    )
    db.executemany(
        "INSERT INTO aliases VALUES (?, ?)",
        [(o.id, alias) for o in data.officials for alias in o.aliases],
    )
    for official in data.officials:
        spans.extend(("official", official.id, s) for s in official.evidence)
    db.executemany(
        "INSERT INTO visits VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (n, v.id, v.visitor, v.origin, v.destination, _date(v.start), _date(v.end),
             v.status, to_json(v))
            for n, v in enumerate(data.visits)
        ],
    )  # fmt: skip
    db.executemany(
        "INSERT INTO meetings VALUES (?, ?, ?, ?, ?, ?)",
        [
            (v.id, n, _date(m.date), m.place, m.status, json.dumps(list(m.participants)))
            for v in data.visits
            for n, m in enumerate(v.meetings)
        ],
    )
    for visit in data.visits:
        spans.extend(("visit", visit.id, s) for s in visit.evidence)
    db.executemany(
        "INSERT INTO statements VALUES (?, ?, ?, ?, ?, ?)",
        [
            (n, s.id, s.speaker, _date(s.date), s.text, to_json(s))
            for n, s in enumerate(data.statements)
        ],
    )
    for statement in data.statements:
        spans.extend(("statement", statement.id, s) for s in statement.evidence)
    db.executemany(
        "INSERT INTO agreements VALUES (?, ?, ?, ?, ?, ?)",
        [
            (n, a.id, json.dumps(list(a.parties)), _date(a.date), a.text, to_json(a))
            for n, a in enumerate(data.agreements)
        ],
    )
    for agreement in data.agreements:
        spans.extend(("agreement", agreement.id, s) for s in agreement.evidence)
    db.executemany(
        "INSERT INTO spans VALUES (?, ?, ?, ?, ?, ?)",
        [(kind, owner, s.article_id, s.start, s.end, s.text) for kind, owner, s in spans],
    )


def load_sqlite(path: str | Path) -> Corpus:
    """Load an export; a malformed row raises :class:`InvalidDataError` naming it."""
    source = str(path)
    if not Path(path).is_file():
        raise InvalidDataError(source, "file", "no such file")
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise InvalidDataError(source, "file", str(exc)) from exc
    found: dict[str, list[Any]] = {}
    try:
        for kind, table in _FIELDS.items():
            rows = connection.execute(f"SELECT id, record FROM {table} ORDER BY position")
            found[table] = [
                from_json_record(record, _KINDS[kind], source, f"{table} id={row_id!r}")
                for row_id, record in rows
            ]
    except sqlite3.Error as exc:
        raise InvalidDataError(source, "database", str(exc)) from exc
    finally:
        connection.close()
    return _corpus(found, source)


def from_json_record(text: str, cls: type[T], source: str, record: str) -> T:
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, TypeError) as exc:
        raise InvalidDataError(source, record, f"not JSON: {exc}") from exc
    return from_data(data, cls, source, record)


def _corpus(found: dict[str, list[Any]], source: str) -> Corpus:
    try:
        data = CorpusData(**{name: tuple(items) for name, items in found.items()})
        return Corpus(data)
    except (ValueError, TypeError) as exc:
        raise InvalidDataError(source, "corpus", str(exc)) from exc


def _read(path: str | Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidDataError(str(path), "file", str(exc)) from exc
