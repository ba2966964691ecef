"""The rules' structural patterns (``data/grammar.toml``), compiled into typed records."""

from __future__ import annotations

import re
from typing import Any, TypeVar

import attrs

from bilateral.errors import InvalidDataError
from bilateral.text.resources import packaged_toml

G = TypeVar("G")


def grammar(record: type[G], section: str) -> G:
    """The patterns of ``grammar.toml`` [section], compiled, as the fields of ``record``
    (one field per pattern, named as its key; a key missing or extra is an error)."""
    table: dict[str, Any] = packaged_toml("grammar")[section]
    names = {a.name for a in attrs.fields(record)}  # type: ignore[arg-type]
    if set(table) != names:
        where = f"bilateral/data/grammar.toml [{section}]"
        raise InvalidDataError(where, "keys", f"expected {sorted(names)}, found {sorted(table)}")
    return record(**{name: re.compile(value) for name, value in table.items()})
