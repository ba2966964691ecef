"""Readable tables of corpus facts for the command line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from bilateral.corpus import Corpus
from bilateral.facts.kinds import KINDS
from bilateral.model import Official, Visit
from bilateral.model.serialize import to_json


def _day(value: dt.date | None) -> str:
    return value.isoformat() if value else "?"


def timeline_table(corpus: Corpus, visits: Sequence[Visit]) -> str:
    """One line per visit: its first and last day (``Visit.first_day``, ``last_day``), who,
    from where to where, whom they met, how many sources."""
    rows = [("first day", "last day", "visitor", "route", "status", "met", "articles")]
    for visit in visits:
        visitor = corpus.official(visit.visitor)
        met = sorted(
            {
                o.name
                for m in visit.meetings if m.status == "held"
                for p in m.participants
                if p != visit.visitor and (o := corpus.official(p))
            }
        )  # fmt: skip
        rows.append(
            (
                _day(visit.first_day),
                _day(visit.last_day),
                visitor.name if visitor else visit.visitor,
                f"{visit.origin or '?'} -> {visit.destination}",
                visit.status,
                ", ".join(met) or "-",
                str(len({s.article_id for s in visit.evidence})),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    lines = []
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(lines)


def fact_lines(corpus: Corpus, facts: Sequence[object], style: str) -> Iterator[str]:
    """A line per fact: JSON (``jsonl``) or a readable summary (``text``)."""
    kinds = {kind.record: kind for kind in KINDS}

    def name(official_id: str) -> str:
        official = corpus.official(official_id)
        return official.name if official else official_id

    for fact in facts:
        kind = kinds.get(type(fact))
        if style == "jsonl":
            yield to_json(fact)
        elif isinstance(fact, Official):
            yield f"{fact.id}: {fact.name} [{fact.country or '?'}] {', '.join(fact.titles[:2])}"
        elif kind is not None:
            yield f"{getattr(fact, 'id')}: {kind.line(fact, name)}"  # noqa: B009
