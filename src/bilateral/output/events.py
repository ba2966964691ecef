"""Event-data rows of a corpus, coded in CAMEO and PLOVER as event datasets are.

One row per event: a visit made and the same visit hosted, a meeting at a third place, a call,
an agreement (one row per pair of parties), a statement. Actor and recipient are ISO 3166-1
alpha-3 codes with a sector (``GOV``, ``MIL``); the codes and the military offices are in
``data/events.toml``, the table of them in the docs' event-data reference.
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any, Final

from bilateral.corpus import Corpus
from bilateral.corpus.storage import write_atomically
from bilateral.mentions.lexicon import default_lexicon
from bilateral.model import Agreement, Call, Official, PartialDate, Span, Statement, Visit
from bilateral.text.lexicons import countries
from bilateral.text.resources import packaged_toml

COLUMNS: Final = (
    "event", "cameo", "cameo_name", "plover", "plover_mode",
    "actor", "actor_sector", "actor_name", "recipient", "recipient_sector", "recipient_name",
    "first_day", "last_day", "place", "fact_id", "articles",
    "evidence_article", "evidence_start", "evidence_end",
)  # fmt: skip
Row = dict[str, Any]


@cache
def _codes() -> dict[str, Any]:
    return packaged_toml("events")


@cache
def _alpha3() -> dict[str, str]:
    return {c.code: c.alpha3 for c in countries()}


@cache
def _military_ranks() -> frozenset[str]:
    return frozenset(r.name for r in default_lexicon().ranks if r.military)


def sector(official: Official) -> str:
    """``MIL`` for a military office or rank (``events.toml``, ``ranks.toml``), else ``GOV``."""
    military = set(_codes()["military_offices"])
    if military.intersection(official.offices) or official.rank in _military_ranks():
        return "MIL"
    return "GOV"


def event_rows(corpus: Corpus) -> list[Row]:
    """Every event of the corpus, visits first, each kind in the corpus's order."""
    coder = _Coder(corpus)
    return [
        *(row for visit in corpus.data.visits for row in coder.visit(visit)),
        *(row for call in corpus.data.calls for row in coder.call(call)),
        *(row for agreement in corpus.data.agreements for row in coder.agreement(agreement)),
        *(row for statement in corpus.data.statements for row in coder.statement(statement)),
    ]


def write_events(corpus: Corpus, path: str | Path) -> None:
    """The event rows as CSV when ``path`` ends with ``.csv``, else as JSON Lines."""
    rows = event_rows(corpus)

    def write(temporary: Path) -> None:
        with temporary.open("w", encoding="utf-8", newline="") as out:
            if Path(path).suffix.lower() == ".csv":
                writer = csv.DictWriter(out, COLUMNS)
                writer.writeheader()
                writer.writerows(rows)
            else:
                out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)

    write_atomically(path, write)


class _Coder:
    """Rows of one corpus's facts."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.about = {s: v for v in corpus.data.visits for s in v.statements}
        self.about_call = {s: c for c in corpus.data.calls for s in c.statements}

    def visit(self, visit: Visit) -> Iterator[Row]:
        if visit.status == "planned":
            return
        days = (visit.first_day, visit.last_day)
        visitor = self._officials([visit.visitor])
        hosts = self._met(visit, visit.destination)
        place = ", ".join(visit.places) or None
        yield self._row("visit", visit, visit.origin, visitor, visit.destination, hosts, days,
                        place, visit.evidence)  # fmt: skip
        yield self._row("host", visit, visit.destination, hosts, visit.origin, visitor, days,
                        place, visit.evidence)  # fmt: skip
        for meeting in visit.meetings:
            present = self._officials(meeting.participants)
            sides = list(dict.fromkeys(o.country for o in present if o.country))
            if meeting.status != "held" or visit.destination in sides or len(sides) < 2:
                continue
            actor, recipient = (visit.origin, sides[1]) if visit.origin in sides else sides[:2]
            when = _days(meeting.date) if meeting.date else days
            yield self._row(
                "third_place", visit, actor, _of(present, actor), recipient,
                _of(present, recipient), when, meeting.place or place, meeting.evidence,
            )  # fmt: skip

    def call(self, call: Call) -> Iterator[Row]:
        if call.status != "held" or len(call.countries) < 2:
            return
        people = self._officials(call.participants)
        caller = self.corpus.official(call.initiator) if call.initiator else None
        actor = caller.country if caller and caller.country else call.countries[0]
        recipient = next(c for c in call.countries if c != actor)
        yield self._row(
            f"{call.channel}_call", call, actor, _of(people, actor), recipient,
            _of(people, recipient), _days(call.date), None, call.evidence,
        )  # fmt: skip

    def agreement(self, agreement: Agreement) -> Iterator[Row]:
        signing = any(re.search(v, agreement.verb or "", re.I) for v in _codes()["signing_verbs"])
        signatories = self._officials(agreement.signatories)
        for actor, recipient in itertools.combinations(agreement.parties, 2):
            yield self._row(
                "signing" if signing else "agreement", agreement, actor, _of(signatories, actor),
                recipient, _of(signatories, recipient), _days(agreement.date), None,
                agreement.evidence,
            )  # fmt: skip

    def statement(self, statement: Statement) -> Iterator[Row]:
        speaker = self._officials([statement.speaker])
        actor = speaker[0].country if speaker else None
        addressee = self._officials([statement.addressee] if statement.addressee else [])
        recipient = addressee[0].country if addressee else self._other_side(statement, actor)
        yield self._row(
            "statement", statement, actor, speaker, recipient, addressee,
            _days(statement.date), None, statement.evidence,
        )  # fmt: skip

    def _other_side(self, statement: Statement, side: str | None) -> str | None:
        """The other country of the visit or call the statement was made on."""
        visit = self.about.get(statement.id)
        call = self.about_call.get(statement.id)
        sides = (visit.origin, visit.destination) if visit else call.countries if call else ()
        return next((c for c in sides if c and c != side), None)

    def _officials(self, ids: Iterable[str]) -> list[Official]:
        return [o for i in ids if (o := self.corpus.official(i)) is not None]

    def _met(self, visit: Visit, country: str) -> list[Official]:
        """The officials of ``country`` the visitor met (held meetings)."""
        ids = (p for m in visit.meetings if m.status == "held" for p in m.participants)
        return [o for o in self._officials(dict.fromkeys(ids)) if o.country == country]

    def _row(
        self, event: str, fact: Visit | Call | Agreement | Statement,
        actor: str | None, actors: Sequence[Official],
        recipient: str | None, recipients: Sequence[Official],
        days: tuple[dt.date | None, dt.date | None], place: str | None, evidence: Sequence[Span],
    ) -> Row:  # fmt: skip
        codes = _codes()["event"][event]
        first = evidence[0] if evidence else None
        return {
            "event": event,
            "cameo": codes["cameo"],
            "cameo_name": codes["cameo_name"],
            "plover": codes["plover"] or None,
            "plover_mode": codes["plover_mode"] or None,
            "actor": _alpha3().get(actor) if actor else None,
            "actor_sector": _sector_of(actors),
            "actor_name": ", ".join(o.name for o in actors) or None,
            "recipient": _alpha3().get(recipient) if recipient else None,
            "recipient_sector": _sector_of(recipients),
            "recipient_name": ", ".join(o.name for o in recipients) or None,
            "first_day": days[0].isoformat() if days[0] else None,
            "last_day": days[1].isoformat() if days[1] else None,
            "place": place,
            "fact_id": fact.id,
            "articles": ", ".join(dict.fromkeys(s.article_id for s in evidence)),
            "evidence_article": first.article_id if first else None,
            "evidence_start": first.start if first else None,
            "evidence_end": first.end if first else None,
        }


def _of(officials: Sequence[Official], country: str | None) -> list[Official]:
    return [o for o in officials if country and o.country == country]


def _sector_of(officials: Sequence[Official]) -> str | None:
    """MIL when every official of a side is military, GOV when one is not, None: no one known."""
    if not officials:
        return None
    return "MIL" if all(sector(o) == "MIL" for o in officials) else "GOV"


def _days(date: PartialDate | None) -> tuple[dt.date | None, dt.date | None]:
    return (date.first_day(), date.last_day()) if date else (None, None)
