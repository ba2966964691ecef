"""Precision, recall and F1 of extraction results against annotations in the format of the
evaluation guide (``evaluation/ID.gold.json``): what the docs' accuracy page reports.

Matching follows the guide: officials by folded name and country, visits by visitor and
destination, statements by speaker and shared content words, agreements by parties and
shared content words; items marked ``optional`` are neither rewarded nor penalised.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from attrs import define

from bilateral.mentions.names import name_tokens
from bilateral.model import Agreement, ExtractionResult, Official, Statement, Visit

KINDS = ("officials", "visits", "statements", "agreements")
_STOP = frozenset(
    {
        "a", "an", "and", "the", "of", "to", "in", "on", "for", "with", "by", "at", "from", "as",
        "is", "was", "were", "be", "been", "that", "this", "these", "those", "their", "its", "his",
        "her", "it", "they", "them", "he", "she", "we", "our", "us", "or", "not", "but", "also",
        "further", "both", "two", "sides", "between", "into", "about", "over", "under", "than",
        "then", "there", "which", "who", "whom", "whose", "what", "when", "where", "while", "will",
        "would", "should", "could", "can", "may", "might", "has", "have", "had", "do", "did",
        "done", "said", "says", "told",
    }
)  # fmt: skip


@define
class Tally:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _similar(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= 5 and SequenceMatcher(None, a, b).ratio() >= 0.84)


def _same_person(gold: str, names: Sequence[str]) -> bool:
    wanted = name_tokens(gold)
    if not wanted:
        return False
    for name in names:
        tokens = name_tokens(name)
        if tokens and (
            any(_similar(wanted[-1], t) for t in tokens)
            or any(_similar(tokens[-1], t) for t in wanted)
        ):
            return True
    return False


def _words(text: str) -> set[str]:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return {w for w in re.findall(r"[a-z0-9]+", folded) if w not in _STOP and len(w) > 2}


def _overlap(a: str, b: str) -> float:
    first, second = _words(a), _words(b)
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


def _align(
    gold: list[dict[str, Any]],
    found: list[Any],
    match: Callable[[dict[str, Any], Any], bool],
    tally: Tally,
) -> None:
    used: set[int] = set()
    for item in sorted(gold, key=lambda g: bool(g.get("optional"))):
        hit = next((i for i, f in enumerate(found) if i not in used and match(item, f)), None)
        if hit is not None:
            used.add(hit)
            tally.true_positives += not item.get("optional")
        elif not item.get("optional"):
            tally.false_negatives += 1
    tally.false_positives += len(found) - len(used)


def score(results: Iterable[ExtractionResult], folder: str | Path) -> dict[str, Tally]:
    """Per-kind tallies of the results against ``folder/<article id>.gold.json`` files."""
    tallies = {kind: Tally() for kind in KINDS}
    for result in results:
        path = Path(folder) / f"{result.article.id}.gold.json"
        if path.is_file():
            _score_article(result, json.loads(path.read_text(encoding="utf-8")), tallies)
    return tallies


def _score_article(
    result: ExtractionResult, gold: dict[str, Any], tallies: dict[str, Tally]
) -> None:
    names = {o.id: [o.name, *o.aliases] for o in result.officials}

    def official(g: dict[str, Any], o: Official) -> bool:
        return o.country == g["country"] and _same_person(g["name"], [o.name, *o.aliases])

    def visit(g: dict[str, Any], v: Visit) -> bool:
        return v.destination == g["to"] and _same_person(g["visitor"], names.get(v.visitor, []))

    def statement(g: dict[str, Any], s: Statement) -> bool:
        speakers = names.get(s.speaker, [])
        spoken = any(_same_person(p, speakers) for p in g["speaker"])
        return spoken and _overlap(g["text"], s.text) >= 0.5

    def agreement(g: dict[str, Any], a: Agreement) -> bool:
        return set(a.parties) == set(g["parties"]) and _overlap(g["text"], a.text) >= 0.5

    _align(gold.get("officials", []), list(result.officials), official, tallies["officials"])
    _align(gold.get("visits", []), list(result.visits), visit, tallies["visits"])
    _align(gold.get("statements", []), list(result.statements), statement, tallies["statements"])
    _align(gold.get("agreements", []), list(result.agreements), agreement, tallies["agreements"])
