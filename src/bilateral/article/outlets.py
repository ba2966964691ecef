"""Which outlet an article comes from, from the marks outlets leave in their pages."""

from __future__ import annotations

import re
from functools import cache

from bilateral.text.lexicons import Outlet, outlets


@cache
def _by_signature() -> dict[str, str]:
    table: dict[str, str] = {}
    for outlet in outlets():
        for signature in (outlet.name, *outlet.signatures):
            table.setdefault(signature.lower(), outlet.name)
    return table


@cache
def _by_code() -> dict[str, str]:
    return {code: outlet.name for outlet in outlets() for code in outlet.codes}


@cache
def _phrase_pattern(kind: str) -> re.Pattern[str] | None:
    phrases: list[str] = []
    for outlet in outlets():
        phrases.extend(_phrases(outlet, kind))
    if not phrases:
        return None
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w])", re.IGNORECASE)


def _phrases(outlet: Outlet, kind: str) -> tuple[str, ...]:
    if kind == "domains":
        return outlet.domains
    if kind == "self_references":
        return outlet.self_references
    return tuple(s for s in outlet.signatures if len(s) > 25)


def outlet_named(text: str) -> str | None:
    """The outlet a signature such as "DAWN.COM" or "Published in Dawn" names."""
    return _by_signature().get(text.strip().lower())


def outlet_of_code(code: str) -> str | None:
    """The outlet of an agency code in a dateline, such as "APP" or "MNA"."""
    return _by_code().get(code.strip())


def outlet_in(text: str, kind: str) -> str | None:
    """The outlet whose domain ("domains"), self-reference ("self_references") or long
    footer signature ("footer") first appears in text."""
    pattern = _phrase_pattern(kind)
    match = pattern.search(text) if pattern else None
    if match is None:
        return None
    found = match.group().lower()
    for outlet in outlets():
        if any(found == p.lower() for p in _phrases(outlet, kind)):
            return outlet.name
    return None
