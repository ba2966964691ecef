"""Which outlet an article comes from, from the marks outlets leave in their pages."""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from bilateral.article.layout import layout
from bilateral.text.lexicons import Outlet, outlets
from bilateral.text.regex import fold

_SPACE: Final = re.compile(r"\s")
_SMALL_WORDS: Final = frozenset({"of", "and", "for", "the", "in", "on", "to"})


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
def _phrase_outlets(kind: str) -> dict[str, str]:
    """Each phrase of this kind, folded -> its outlet, longest phrases first."""
    table: dict[str, str] = {}
    for outlet in outlets():
        for phrase in _phrases(outlet, kind):
            table.setdefault(fold(phrase), outlet.name)
    return dict(sorted(table.items(), key=lambda item: -len(item[0])))


def _phrases(outlet: Outlet, kind: str) -> tuple[str, ...]:
    if kind == "domains":
        return outlet.domains
    if kind == "self_references":
        return outlet.self_references
    return tuple(s for s in outlet.signatures if len(s) > 25)


def outlet_named(text: str) -> str | None:
    """The outlet a signature such as "DAWN.COM" or "Published in Dawn" names."""
    return _by_signature().get(text.strip().lower())


_INITIALS_AT_MOST: Final = 4  # letters of a name in capitals read as initials, not a word
_INITIALS_IN_NAME: Final = 3  # the same for a word of a longer name ("LRT ENGLISH")


def titled_name(name: str) -> str:
    """A name as written, or in title case when it is in capitals ("STATE HOUSE"): a word of
    up to three letters ("RI", "LRT") but a small word ("THE"), or holding a sign ("RFE/RL"),
    and a name of one short word (an agency's initials, "GNA"), stay as they are."""
    words = name.split()
    if not name.isupper() or (len(words) == 1 and len(name) <= _INITIALS_AT_MOST):
        return name
    return " ".join(
        (w.lower() if i else w[:1] + w[1:].lower())
        if w.lower() in _SMALL_WORDS
        else w
        if len(w) <= _INITIALS_IN_NAME or not w.isalpha()
        else w[:1] + w[1:].lower()
        for i, w in enumerate(words)
    )


def outlet_called(name: str) -> Outlet | None:
    """The known outlet of this name, or of a signature or code it goes by ("KUNA")."""
    canonical = _by_signature().get(name.strip().lower()) or _by_code().get(name.strip())
    return next((o for o in outlets() if o.name == canonical), None) if canonical else None


def is_sender_name(name: str) -> bool:
    """Whether a name is a government body's, as a release's header names its sender
    ("Ministry of Mining of Chile"): the reader's sender patterns say."""
    return any(p.kind == "sender" and p.regex.match(name) for p in layout().header)


def outlet_of_code(code: str) -> str | None:
    """The outlet of an agency code in a dateline, such as "APP" or "MNA"."""
    return _by_code().get(code.strip())


def outlet_in(text: str, kind: str) -> str | None:
    """The outlet whose domain ("domains"), self-reference ("self_references") or long
    footer signature ("footer") first appears in text, as a whole word in any case."""
    return outlet_in_folded(fold(text), kind)


def outlet_in_folded(folded: str, kind: str) -> str | None:
    """:func:`outlet_in` of a text as :func:`~bilateral.text.regex.fold` gives it.

    Each phrase is looked for with ``str.find`` (far faster than one alternation of them all
    over a long page); the leftmost wins, then the longest. Phrases that are all dotted words
    ("dawn.com") are looked for among the text's dotted words only."""
    if _dotted_words_only(kind):
        folded = _dotted_words(folded)
    best: tuple[int, str] | None = None
    for phrase, outlet in _phrase_outlets(kind).items():
        at = _whole_word_at(folded, phrase)
        if at >= 0 and (best is None or at < best[0]):
            best = (at, outlet)
    return best[1] if best else None


@cache
def _dotted_words_only(kind: str) -> bool:
    return all("." in phrase and phrase.split() == [phrase] for phrase in _phrase_outlets(kind))


def _dotted_words(text: str) -> str:
    """The words (runs of non-space) of ``text`` that hold a dot, a space apart, in order: a
    phrase without spaces is a whole word of them where it is one of the text. Read from
    each dot out to the spaces around it, as dots are far fewer than words."""
    kept: list[str] = []
    dot = text.find(".")
    while dot >= 0:
        start = dot
        while start and not text[start - 1].isspace():
            start -= 1
        space = _SPACE.search(text, dot)
        end = space.start() if space else len(text)
        kept.append(text[start:end])
        dot = text.find(".", end)
    return " ".join(kept)


def _whole_word_at(text: str, phrase: str) -> int:
    at = text.find(phrase)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + len(phrase) : at + len(phrase) + 1]
        if not (before.isalnum() or before in "_-") and not (after.isalnum() or after == "_"):
            return at
        at = text.find(phrase, at + 1)
    return -1
