"""What a corpus holds and what its queries return, and the helpers both sides share."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator
from contextlib import contextmanager

from attrs import frozen

from bilateral.errors import InvalidQueryError
from bilateral.model import (
    Agreement,
    Article,
    Call,
    Meeting,
    Official,
    PartialDate,
    Statement,
    Visit,
)

DateLike = PartialDate | dt.date | str
Between = tuple[DateLike | None, DateLike | None]


@frozen
class CorpusData:
    """Everything a corpus holds; what is saved and loaded."""

    articles: tuple[Article, ...] = ()
    officials: tuple[Official, ...] = ()
    visits: tuple[Visit, ...] = ()
    statements: tuple[Statement, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    calls: tuple[Call, ...] = ()


@frozen
class VisitMeeting:
    """A meeting with the visit it took place on."""

    visit: Visit
    meeting: Meeting


@frozen
class Profile:
    """What the corpus knows of one official."""

    official: Official
    visits_made: tuple[Visit, ...]
    visits_hosted: tuple[Visit, ...]
    counterparts: tuple[Official, ...]
    statements: tuple[Statement, ...]
    agreements: tuple[Agreement, ...]
    calls: tuple[Call, ...] = ()


def as_day(value: DateLike | None, last: bool = False) -> dt.date | None:
    """The first (or last) day of a date given as PartialDate, date or ISO text; malformed
    text raises :class:`~bilateral.errors.InvalidQueryError`."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = PartialDate.parse(value)
        except ValueError as exc:
            raise InvalidQueryError(f"between: {exc}") from exc
    if isinstance(value, PartialDate):
        return value.last_day() if last else value.first_day()
    return value


@contextmanager
def collection_paused() -> Iterator[None]:
    """The cyclic garbage collector paused while a merge makes its many objects, which all
    live on: each collection would walk every object made so far, results included, and
    doubled the time of a large merge (Mercurial's ``nogc`` does the same)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
