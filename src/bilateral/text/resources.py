"""Loading the TOML data files shipped in ``bilateral/data``."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from bilateral.errors import InvalidDataError

if TYPE_CHECKING:
    import tomllib as toml
else:
    try:  # the compiled parser reads the data files 3 times as fast
        import tomli as toml
    except ImportError:  # the standard library's copy of it, where it is not installed
        import tomllib as toml

TOMLDecodeError = toml.TOMLDecodeError


def parse_toml(text: str) -> dict[str, Any]:
    """The TOML document ``text``, parsed (``TOMLDecodeError`` when it is not TOML)."""
    return toml.loads(text)


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
