"""Loading the TOML data files shipped in ``bilateral/data``."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import tomli

from bilateral.errors import InvalidDataError


@cache
def packaged_toml(name: str) -> dict[str, Any]:
    """The parsed ``bilateral/data/<name>.toml`` (cached; treat it as read-only)."""
    resource = resources.files("bilateral") / "data" / f"{name}.toml"
    try:
        return tomli.loads(resource.read_text(encoding="utf-8"))
    except tomli.TOMLDecodeError as exc:
        raise InvalidDataError(f"bilateral/data/{name}.toml", "file", str(exc)) from exc


def packaged_text(*parts: str) -> str:
    """The text of a packaged file below ``bilateral/data``."""
    resource = resources.files("bilateral").joinpath("data", *parts)
    return resource.read_text(encoding="utf-8")


def packaged_names(folder: str, suffix: str) -> list[str]:
    """Sorted names of the packaged files in ``bilateral/data/<folder>`` ending with suffix."""
    base = resources.files("bilateral").joinpath("data", folder)
    return sorted(p.name for p in base.iterdir() if p.name.endswith(suffix))
