"""The domain model: frozen attrs records that every layer builds, reads or exports."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

import attrs
from attrs import field, frozen

from bilateral.model.dates import PartialDate
from bilateral.model.references import references, refers

VisitStatus = Literal["current", "past", "planned"]
MeetingStatus = Literal["held", "scheduled"]
StatementMode = Literal["quoted", "reported"]
CallChannel = Literal["phone", "video"]
CallStatus = Literal["held", "planned"]

_COUNTRY = re.compile(r"[A-Z]{2}")


def _country(_instance: object, attribute: object, value: str | None) -> None:
    if value is not None and not _COUNTRY.fullmatch(value):
        raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-2 code")


def _required_country(_instance: object, attribute: object, value: str) -> None:
    _country(_instance, attribute, value)


def _countries(_instance: object, attribute: object, value: tuple[str, ...]) -> None:
    for code in value:
        _country(_instance, attribute, code)


def _non_empty(_instance: object, attribute: object, value: str) -> None:
    if not value:
        raise ValueError("must not be empty")


@frozen
class Span:
    """Where a fact's words stand in an article: ``text == article.raw[start:end]``."""

    article_id: str
    start: int
    end: int
    text: str

    def __reduce__(self) -> tuple[type[Span], tuple[str, int, int, str]]:
        """Pickled as its fields' values, not attrs' dictionary of them: a quarter faster both
        ways, for the spans that make up most of a result sent back by a worker process."""
        return Span, (self.article_id, self.start, self.end, self.text)

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span offsets {self.start}..{self.end}")
        if len(self.text) != self.end - self.start:
            raise ValueError(
                f"span text has {len(self.text)} characters for {self.start}..{self.end}"
            )


@frozen
class Furniture:
    """A piece of the page that is not the article's body: caption, byline, link list..."""

    kind: str
    span: Span


@frozen
class Article:
    """One news article as read from raw text, with its metadata and body layout."""

    id: str = field(validator=_non_empty)
    raw: str = field(repr=False)
    source: str | None = None
    published: PartialDate | None = None
    published_month_day: tuple[int, int] | None = None
    published_weekday: int | None = None
    dateline: str | None = None
    headline: str | None = None
    byline: str | None = None
    body: Span | None = None
    paragraphs: tuple[Span, ...] = ()
    sentences: tuple[Span, ...] = ()
    furniture: tuple[Furniture, ...] = ()

    def __attrs_post_init__(self) -> None:
        spans = [*self.paragraphs, *self.sentences, *(f.span for f in self.furniture)]
        if self.body is not None:
            spans.append(self.body)
        for span in spans:  # a span's text has end - start characters (Span checks it)
            if span.article_id != self.id or not self.raw.startswith(span.text, span.start):
                raise ValueError(f"span {span.start}..{span.end} does not match article {self.id}")

    def span(self, start: int, end: int) -> Span:
        """The span of ``raw[start:end]``."""
        return Span(self.id, start, end, self.raw[start:end])


def _distinct_folded(titles: tuple[str, ...]) -> tuple[str, ...]:
    """The titles, those differing only by case as one: the first form written."""
    first: dict[str, str] = {}
    for title in titles:
        first.setdefault(title.casefold(), title)
    return tuple(first.values())


@frozen
class Tenure:
    """An office held, from the office-holder tables: ``end`` None while still held (as far as
    the table knows)."""

    office: str
    start: PartialDate
    end: PartialDate | None = None


@frozen
class Official:
    """A person holding a government, military, diplomatic or parliamentary office.

    ``titles`` are as written, those differing only by case as one; ``tenures`` are the
    offices and dates of the office-holder table, when the official is one of its holders.
    """

    id: str = field(validator=_non_empty)
    name: str = field(validator=_non_empty)
    country: str | None = field(default=None, validator=_country)
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = field(default=(), converter=_distinct_folded)
    offices: tuple[str, ...] = ()
    rank: str | None = None
    tenures: tuple[Tenure, ...] = ()
    evidence: tuple[Span, ...] = ()


@frozen
class Meeting:
    """Officials meeting in person, held or only scheduled."""

    participants: tuple[str, ...] = field(metadata=refers("official"))
    date: PartialDate | None = None
    place: str | None = None
    status: MeetingStatus = "held"
    evidence: tuple[Span, ...] = ()


@frozen
class Conflict:
    """Sources that disagree on one attribute of a fact: the values, and where each is from."""

    field: str
    values: tuple[str, ...]
    articles: tuple[str, ...]


@frozen
class Visit:
    """An official's physical trip from one country to another."""

    id: str = field(validator=_non_empty)
    visitor: str = field(validator=_non_empty, metadata=refers("official"))
    origin: str | None = field(default=None, validator=_country)
    destination: str = field(kw_only=True, validator=_required_country)
    places: tuple[str, ...] = ()
    start: PartialDate | None = None
    end: PartialDate | None = None
    dates: tuple[PartialDate, ...] = ()
    days: int | None = None
    status: VisitStatus = "current"
    delegation: tuple[str, ...] = field(default=(), metadata=refers("official"))
    inviter: str | None = field(default=None, metadata=refers("official"))
    meetings: tuple[Meeting, ...] = ()
    statements: tuple[str, ...] = field(default=(), metadata=refers("statement"))
    agreements: tuple[str, ...] = field(default=(), metadata=refers("agreement"))
    topics: tuple[str, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    evidence: tuple[Span, ...] = ()

    def __attrs_post_init__(self) -> None:
        if self.origin is not None and self.origin == self.destination:
            raise ValueError("a visit's origin and destination differ")
        if self.start and self.end and self.end.last_day() < self.start.first_day():
            raise ValueError("a visit cannot end before it starts")
        if self.days is not None and self.days < 1:
            raise ValueError("a visit lasts at least one day")

    @property
    def first_day(self) -> dt.date | None:
        """The first day to sort the visit by: the earliest known day of ``start``, ``end`` and
        ``dates``, however partial (a date holding a more precise one gives way to it: "2017"
        to "2017-11-06"; "June 2018" is June 1st). None when the article dates it not at all."""
        known = self._known_days()
        return known[0] if known else None

    @property
    def last_day(self) -> dt.date | None:
        """The last day to sort the visit by, as :attr:`first_day` (June 30th for "June
        2018"), reaching to the ``days`` it lasts from an exact ``start``."""
        known = self._known_days()
        return known[1] if known else None

    def _known_days(self) -> tuple[dt.date, dt.date] | None:
        stated = {d for d in (self.start, self.end, *self.dates) if d}
        precise = [d for d in stated if not any(o != d and d.contains(o) for o in stated)]
        if not precise:
            return None
        last = max(d.last_day() for d in precise)
        if self.start and self.start.precision == "day" and self.days:
            last = max(last, self.start.first_day() + dt.timedelta(days=self.days - 1))
        return min(d.first_day() for d in precise), last


@frozen
class Statement:
    """What a named official said, wrote or expressed."""

    id: str = field(validator=_non_empty)
    speaker: str = field(validator=_non_empty, metadata=refers("official"))
    text: str = field(validator=_non_empty)
    mode: StatementMode = "reported"
    verb: str | None = None
    channel: str | None = None
    addressee: str | None = field(default=None, metadata=refers("official"))
    date: PartialDate | None = None
    topics: tuple[str, ...] = ()
    evidence: tuple[Span, ...] = ()


@frozen
class Agreement:
    """What two or more sides jointly agreed, pledged, vowed, signed or decided."""

    id: str = field(validator=_non_empty)
    parties: tuple[str, ...] = field(validator=_countries)
    text: str = field(validator=_non_empty)
    verb: str | None = None
    signatories: tuple[str, ...] = field(default=(), metadata=refers("official"))
    date: PartialDate | None = None
    topics: tuple[str, ...] = ()
    evidence: tuple[Span, ...] = ()


@frozen
class Call:
    """A telephone or video call between officials of two or more countries."""

    id: str = field(validator=_non_empty)
    participants: tuple[str, ...] = field(metadata=refers("official"))
    countries: tuple[str, ...] = field(validator=_countries)
    channel: CallChannel = "phone"
    status: CallStatus = "held"
    initiator: str | None = field(default=None, metadata=refers("official"))
    date: PartialDate | None = None
    statements: tuple[str, ...] = field(default=(), metadata=refers("statement"))
    evidence: tuple[Span, ...] = ()

    def __attrs_post_init__(self) -> None:
        if len(self.participants) < 2:
            raise ValueError("a call has two participants or more")
        if self.initiator is not None and self.initiator not in self.participants:
            raise ValueError("a call's initiator is one of its participants")


@frozen
class Notice:
    """A problem met while reading or extracting; nothing is dropped without one."""

    code: str
    message: str
    span: Span | None = None


@frozen
class ExtractionResult:
    """Everything extracted from one article."""

    article: Article
    officials: tuple[Official, ...] = ()
    visits: tuple[Visit, ...] = ()
    statements: tuple[Statement, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    warnings: tuple[Notice, ...] = ()
    calls: tuple[Call, ...] = ()

    def __attrs_post_init__(self) -> None:
        known = {o.id for o in self.officials}
        referenced = {
            named
            for facts in attrs.astuple(self, recurse=False)
            if isinstance(facts, tuple) and facts and not isinstance(facts[0], (Official, Notice))
            for fact in facts
            for _, kind, named in references(fact)
            if kind == "official"
        }
        missing = sorted(referenced - known)
        if missing:
            raise ValueError(f"facts name officials the result does not hold: {missing}")

    def official(self, official_id: str) -> Official | None:
        """The official with this id, if the article names them."""
        return next((o for o in self.officials if o.id == official_id), None)
