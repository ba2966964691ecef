"""A corpus's data in files: JSON, JSON Lines and SQLite, written atomically, loaded checked.

Every kind of fact of the registry (:data:`bilateral.facts.kinds.KINDS`) is saved and
loaded the same way; the SQLite schema is described in :mod:`bilateral.corpus.sqlite`. What
users call, on a :class:`~bilateral.corpus.Corpus`, is :mod:`bilateral.corpus.persistence`.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Final, TypeVar

from bilateral.corpus.records import CorpusData
from bilateral.corpus.sqlite import SCHEMA_VERSION, TABLES, rows, schema
from bilateral.errors import InvalidDataError, UnwritableError
from bilateral.facts.kinds import KINDS
from bilateral.model import Article, Official, Span
from bilateral.model.references import references
from bilateral.model.serialize import dumps, from_data, from_json, to_data, to_json

T = TypeVar("T")
_KINDS: dict[str, type[Any]] = {
    "article": Article,
    "official": Official,
    **{kind.name: kind.record for kind in KINDS},
}
_FIELDS: dict[str, str] = {
    "article": "articles",
    "official": "officials",
    **{kind.name: kind.plural for kind in KINDS},
}


def write_atomically(path: str | Path, write: Callable[[Path], object]) -> None:
    """Write a file through a temporary file in its folder, then rename it into place, so
    that a reader never sees half a file; ``write`` receives the temporary path. The file gets
    the mode a plain ``open()`` would give it (an existing file's, or 0o666 less the umask).
    What is not a regular file (a device, a FIFO) is written to as a stream, never replaced.
    A target that cannot be written raises :class:`UnwritableError` naming it."""
    path = Path(path)
    try:
        if path.exists() and not path.is_file():
            if path.is_dir():
                raise UnwritableError(str(path), "is a folder")
            write(path)
            return
        mode = path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask()
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as exc:
        raise UnwritableError(str(path), exc.strerror or str(exc)) from exc
    os.close(handle)
    try:
        write(Path(temporary))
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise UnwritableError(str(path), exc.strerror or str(exc)) from exc
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    """The process's umask (read by setting it, then setting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# --- by suffix --------------------------------------------------------------------------
_SUFFIXES: Final = ".json, .jsonl, .db or .sqlite"


def _format(path: str | Path) -> str | None:
    """The format a file's suffix names: "json", "jsonl", "sqlite", or None."""
    suffix = Path(path).suffix.lower()
    if suffix in (".db", ".sqlite", ".sqlite3"):
        return "sqlite"
    return suffix[1:] if suffix in (".json", ".jsonl") else None


def save(data: CorpusData, path: str | Path) -> None:
    """Save in the format the suffix names (``.json``, ``.jsonl``, ``.db``, ``.sqlite``);
    another suffix raises :class:`UnwritableError`."""
    savers = {"json": save_json, "jsonl": save_jsonl, "sqlite": save_sqlite}
    found = _format(path)
    if found is None:
        raise UnwritableError(str(path), f"unknown suffix; save to {_SUFFIXES}")
    savers[found](data, path)


def load(path: str | Path) -> CorpusData:
    """Load in the format the suffix names; another suffix raises :class:`InvalidDataError`."""
    loaders = {"json": load_json, "jsonl": load_jsonl, "sqlite": load_sqlite}
    found = _format(path)
    if found is None:
        raise InvalidDataError(str(path), "file", f"unknown suffix; load from {_SUFFIXES}")
    return loaders[found](path)


# --- JSON -----------------------------------------------------------------------------
def save_json(data: CorpusData, path: str | Path) -> None:
    """Save to one JSON document (of :class:`~bilateral.corpus.corpus.CorpusData`), atomically."""
    write_atomically(path, lambda p: p.write_text(to_json(data), encoding="utf-8"))


def load_json(path: str | Path) -> CorpusData:
    """Load what :func:`save_json` saved; malformed data raises :class:`InvalidDataError`."""
    return load_checked(from_json(_read(path), CorpusData, str(path)), str(path))


# --- JSON Lines -----------------------------------------------------------------------
def jsonl_lines(data: CorpusData) -> Iterator[str]:
    """A header line, then one ``{"kind": ..., "record": ...}`` line per fact."""
    yield dumps({"kind": "corpus", "schema": SCHEMA_VERSION})
    for kind, name in _FIELDS.items():
        for record in getattr(data, name):
            yield dumps({"kind": kind, "record": to_data(record)})


def save_jsonl(data: CorpusData, path: str | Path) -> None:
    """Save as JSON Lines, atomically: a header line, then one line per article, official,
    visit, statement and agreement."""

    def write(temporary: Path) -> None:
        with temporary.open("w", encoding="utf-8") as out:
            for line in jsonl_lines(data):
                out.write(line + "\n")

    write_atomically(path, write)


def load_jsonl(path: str | Path) -> CorpusData:
    """Load what :func:`save_jsonl` saved; a malformed line raises :class:`InvalidDataError`
    naming it."""
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
        except RecursionError as exc:
            raise InvalidDataError(source, where, "nested too deeply") from exc
        kind = item.get("kind") if isinstance(item, dict) else None
        if kind == "corpus":
            _check_schema(item.get("schema"), source, where)
            continue
        if kind not in _KINDS:
            raise InvalidDataError(source, where, f"unknown kind {kind!r}")
        found[_FIELDS[kind]].append(from_data(item.get("record"), _KINDS[kind], source, where))
    return _corpus(found, source)


# --- SQLite ---------------------------------------------------------------------------
def save_sqlite(data: CorpusData, path: str | Path) -> None:
    """Export to a new SQLite file (replacing any), written in one transaction; a target that
    is not a regular file (a device, a FIFO) is refused, as SQLite needs a file."""
    if Path(path).exists() and not Path(path).is_file():
        raise UnwritableError(str(path), "not a regular file, which SQLite needs")
    write_atomically(path, lambda temporary: _write_sqlite(data, temporary))


def _write_sqlite(data: CorpusData, path: Path) -> None:
    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode = MEMORY")
        connection.execute("PRAGMA synchronous = OFF")  # a temporary file, renamed when done
        with connection:
            connection.executescript(schema())
            connection.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
            for table, found in rows({t: getattr(data, t) for t, _ in TABLES}).items():
                if found:
                    marks = ", ".join("?" * len(found[0]))
                    connection.executemany(f"INSERT INTO {table} VALUES ({marks})", found)
    finally:
        connection.close()


def load_sqlite(path: str | Path) -> CorpusData:
    """Load an export; a malformed row raises :class:`InvalidDataError` naming it."""
    source = str(path)
    if not Path(path).is_file():
        raise InvalidDataError(source, "file", "no such file")
    try:
        # a URI, so that the file is opened read-only; the path quoted ("#", "?", "%")
        connection = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise InvalidDataError(source, "file", str(exc)) from exc
    found: dict[str, list[Any]] = {}
    try:
        (version,) = connection.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        _check_schema(version, source, "meta")
        for kind, table in _FIELDS.items():
            rows = connection.execute(f"SELECT id, record FROM {table} ORDER BY position")
            found[table] = [
                from_json_record(record, _KINDS[kind], source, f"{table} id={row_id!r}")
                for row_id, record in rows
            ]
    except (sqlite3.Error, TypeError) as exc:  # TypeError: no schema row to unpack
        raise InvalidDataError(source, "database", str(exc)) from exc
    finally:
        connection.close()
    return _corpus(found, source)


def from_json_record(text: str, cls: type[T], source: str, record: str) -> T:
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, TypeError) as exc:
        raise InvalidDataError(source, record, f"not JSON: {exc}") from exc
    except RecursionError as exc:
        raise InvalidDataError(source, record, "nested too deeply") from exc
    return from_data(data, cls, source, record)


def _corpus(found: dict[str, list[Any]], source: str) -> CorpusData:
    try:
        data = CorpusData(**{name: tuple(items) for name, items in found.items()})
    except (ValueError, TypeError) as exc:
        raise InvalidDataError(source, "corpus", str(exc)) from exc
    return load_checked(data, source)


def load_checked(data: CorpusData, source: str) -> CorpusData:
    """Loaded data, once checked: ids unique, the officials and facts that facts
    name in the data, evidence inside its articles (or :class:`InvalidDataError`)."""
    ids: dict[str, set[str]] = {}
    for kind, name in _FIELDS.items():
        seen = ids.setdefault(kind, set())
        for record in getattr(data, name):
            if record.id in seen:
                raise InvalidDataError(source, f"{kind} {record.id!r}", "a second with this id")
            seen.add(record.id)
    lengths = {a.id: len(a.raw) for a in data.articles}
    for kind, name in _FIELDS.items():
        for record in getattr(data, name):
            where = f"{kind} {record.id!r}"
            for field, other, named in references(record):
                if named not in ids[other]:
                    raise InvalidDataError(source, where, f"{field} {named!r}: no such {other}")
            for span in _evidence(record):
                if span.article_id not in lengths:
                    reason = f"evidence in article {span.article_id!r}, which is not here"
                    raise InvalidDataError(source, where, reason)
                if not 0 <= span.start <= span.end <= lengths[span.article_id]:
                    reason = f"evidence at {span.start}..{span.end}, outside its article"
                    raise InvalidDataError(source, where, reason)
    return data


def _evidence(record: object) -> Iterator[Span]:
    yield from getattr(record, "evidence", ())
    for meeting in getattr(record, "meetings", ()):
        yield from meeting.evidence


def _check_schema(version: object, source: str, where: str) -> None:
    if version != SCHEMA_VERSION:
        reason = f"schema version {version!r}; this library reads version {SCHEMA_VERSION!r}"
        raise InvalidDataError(source, where, reason)


def _read(path: str | Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidDataError(str(path), "file", str(exc)) from exc
