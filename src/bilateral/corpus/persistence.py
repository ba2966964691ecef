"""Saving and loading a :class:`~bilateral.corpus.Corpus`: JSON, JSON Lines and SQLite, each
written atomically (:mod:`bilateral.corpus.storage` reads and writes the files)."""

from __future__ import annotations

from pathlib import Path

from bilateral.corpus import storage
from bilateral.corpus.corpus import Corpus

__all__ = [
    "load",
    "load_json",
    "load_jsonl",
    "load_sqlite",
    "save",
    "save_json",
    "save_jsonl",
    "save_sqlite",
]


def save(corpus: Corpus, path: str | Path) -> None:
    """Save in the format the suffix names (``.json``, ``.jsonl``, ``.db``, ``.sqlite``);
    another suffix raises :class:`~bilateral.errors.UnwritableError`."""
    storage.save(corpus.data, path)


def load(path: str | Path) -> Corpus:
    """Load in the format the suffix names; another suffix, or malformed data, raises
    :class:`~bilateral.errors.InvalidDataError`."""
    return Corpus(storage.load(path))


def save_json(corpus: Corpus, path: str | Path) -> None:
    """Save to one JSON document (of :class:`~bilateral.corpus.corpus.CorpusData`)."""
    storage.save_json(corpus.data, path)


def load_json(path: str | Path) -> Corpus:
    """Load what :func:`save_json` saved."""
    return Corpus(storage.load_json(path))


def save_jsonl(corpus: Corpus, path: str | Path) -> None:
    """Save as JSON Lines: a header line, then one ``{"kind": ..., "record": ...}`` per fact."""
    storage.save_jsonl(corpus.data, path)


def load_jsonl(path: str | Path) -> Corpus:
    """Load what :func:`save_jsonl` saved."""
    return Corpus(storage.load_jsonl(path))


def save_sqlite(corpus: Corpus, path: str | Path) -> None:
    """Export to a new SQLite file of the relational schema (:mod:`bilateral.corpus.sqlite`),
    in one transaction; a target that is not a regular file is refused."""
    storage.save_sqlite(corpus.data, path)


def load_sqlite(path: str | Path) -> Corpus:
    """Load an SQLite export; a malformed row raises :class:`~bilateral.errors.InvalidDataError`
    naming it."""
    return Corpus(storage.load_sqlite(path))
