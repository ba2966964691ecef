"""Loading the TOML data files shipped in ``bilateral/data``."""

from __future__ import annotations

import importlib
from functools import cache
from importlib import resources
from types import ModuleType
from typing import Any

from bilateral.errors import InvalidDataError


def _toml_parser() -> ModuleType:
    """tomli, the compiled parser (it reads the data files 3 times as fast), where it is
    installed; else the standard library's copy of it."""
    try:
        return importlib.import_module("tomli")
    except ImportError:
        return importlib.import_module("tomllib")


_TOML: ModuleType = _toml_parser()
TOMLDecodeError: type[ValueError] = _TOML.TOMLDecodeError


def parse_toml(text: str) -> dict[str, Any]:
    """The TOML document ``text``, parsed (``TOMLDecodeError`` when it is not TOML)."""
    parsed: dict[str, Any] = _TOML.loads(text)
    return parsed


@cache
def packaged_toml(name: str) -> dict[str, Any]:
    """The parsed ``bilateral/data/<name>.toml`` (cached; treat it as read-only)."""
    resource = resources.files("bilateral") / "data" / f"{name}.toml"
    try:
        return parse_toml(resource.read_text(encoding="utf-8"))
    except TOMLDecodeError as exc:
        raise InvalidDataError(f"bilateral/data/{name}.toml", "file", str(exc)) from exc


def packaged_text(*parts: str) -> str:
    """The text of a packaged file below ``bilateral/data``."""
    resource = resources.files("bilateral").joinpath("data", *parts)
    return resource.read_text(encoding="utf-8")


def packaged_names(folder: str, suffix: str) -> list[str]:
    """Sorted names of the packaged files in ``bilateral/data/<folder>`` ending with suffix."""
    base = resources.files("bilateral").joinpath("data", folder)
    return sorted(p.name for p in base.iterdir() if p.name.endswith(suffix))
