"""Patterns anchored where something begins: "the " before a name, "was " before a verb."""

from __future__ import annotations

import re

TAIL_REACH = 200


def search_tail(regex: re.Pattern[str], text: str, end: int) -> re.Match[str] | None:
    """``regex.search(text[:end])`` for a pattern ending in ``$``, trying only the last
    ``TAIL_REACH`` characters: a search of everything before ``end`` would try every
    position of it. Look-behinds still see the text before the window."""
    return regex.search(text, max(0, end - TAIL_REACH), end)
