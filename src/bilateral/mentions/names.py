"""Folding personal names so that spellings of one name compare equal."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

from bilateral.text.regex import LOWER, UPPER

NAME_PARTICLES: Final = frozenset(
    {"bin", "bint", "ibn", "ul", "ur", "al", "el", "ud", "e", "de", "van",
     "la", "las", "los", "del", "della", "da", "das", "dos", "von", "der", "den"}
)  # fmt: skip
HONORIFIC_PARTS: Final = frozenset(
    {"syed", "sayyid", "sayed", "seyed", "seyyed", "sayyed", "hafiz", "sardar"}
)
_FIRST_NAMES: Final = {
    "mohammad": "mhd", "muhammad": "mhd", "mohammed": "mhd", "muhammed": "mhd",
    "mohamad": "mhd", "mohamed": "mhd", "mohd": "mhd", "ebrahim": "ibrahim",
    "hossein": "husain", "hussain": "husain", "hussein": "husain", "hosein": "husain",
}  # fmt: skip
_SOUNDS: Final = (("gh", "q"), ("kh", "k"), ("ou", "u"), ("ee", "i"), ("dh", "d"), ("w", "v"))
_CAMEL: Final = re.compile(rf"(?<={LOWER})(?={UPPER}{LOWER})")
# letters that have no decomposition to an ASCII letter and a mark
_UNDECOMPOSED: Final = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "Ae",
        "œ": "oe",
    }
)
_POSSESSIVE: Final = re.compile(r"[’']s$")
_REPEATS: Final = re.compile(r"(.)\1+")
_NOT_LETTERS: Final = re.compile(r"[^a-z]+")


def split_glued(name: str) -> str:
    """Separate words a scrape glued together ("HosseinSalami" -> "Hossein Salami")."""
    return _CAMEL.sub(" ", name)


@lru_cache(maxsize=65536)
def fold_token(token: str) -> str:
    """A name part folded for spelling; each part is folded once (given names recur)."""
    token = _FIRST_NAMES.get(token, token)
    for written, folded in _SOUNDS:
        token = token.replace(written, folded)
    return _REPEATS.sub(r"\1", token)


@lru_cache(maxsize=65536)
def name_tokens(name: str) -> tuple[str, ...]:
    """Folded tokens of a name, without honorific parts and particles."""
    spelt = split_glued(name).translate(_UNDECOMPOSED)
    ascii_name = unicodedata.normalize("NFKD", spelt).encode("ascii", "ignore")
    words = _NOT_LETTERS.sub(" ", ascii_name.decode().lower()).split()
    return tuple(
        fold_token(w) for w in words if w not in HONORIFIC_PARTS and w not in NAME_PARTICLES
    )


def clean_name(name: str) -> str:
    """A name as it should be shown: glued words split, possessive and spaces tidied."""
    name = split_glued(name)
    name = _POSSESSIVE.sub("", name)
    return " ".join(name.split())
