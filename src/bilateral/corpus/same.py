"""Reports of one fact from several articles, merged into one record."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any, TypeVar

import attrs

R = TypeVar("R")


def combined(first: R, other: R) -> R:
    """``first`` with what ``other`` adds: the items of its tuples that ``first`` lacks
    (evidence, statements...) and the values it has where ``first`` has none."""
    changes: dict[str, Any] = {}
    for attribute in attrs.fields(type(first)):  # type: ignore[arg-type]
        mine, theirs = getattr(first, attribute.name), getattr(other, attribute.name)
        if isinstance(mine, tuple) and theirs != mine:
            union = tuple(dict.fromkeys((*mine, *theirs)))
            if union != mine:
                changes[attribute.name] = union
        elif mine is None and theirs is not None:
            changes[attribute.name] = theirs
    return attrs.evolve(first, **changes) if changes else first  # type: ignore[misc]


def merged_reports(
    records: Iterable[R], same: Callable[[R], Hashable]
) -> tuple[list[R], dict[str, str]]:
    """One record per key of ``same``, in the order of their first reports, each combining
    every report; with the id each merged report's id now goes by."""
    kept: dict[Hashable, R] = {}
    renamed: dict[str, str] = {}
    for record in records:
        key = same(record)
        known = kept.get(key)
        if known is None:
            kept[key] = record
        else:
            kept[key] = combined(known, record)
            renamed[getattr(record, "id")] = getattr(known, "id")  # noqa: B009
    return list(kept.values()), renamed
