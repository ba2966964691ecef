"""The domain model: frozen attrs records that every layer builds, reads or exports."""

from __future__ import annotations

import re
from typing import Literal

from attrs import field, frozen

from bilateral.model.dates import PartialDate

VisitStatus = Literal["current", "past", "planned"]
MeetingStatus = Literal["held", "scheduled"]
StatementMode = Literal["quoted", "reported"]
CallChannel = Literal["phone", "video"]
CallStatus = Literal["held", "planned"]

_COUNTRY = re.compile(r"[A-Z]{2}")


def _country(_instance: object, attribute: object, value: str | None) -> None:
    if value is not None and not _COUNTRY.fullmatch(value):
        raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-2 code")


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


@frozen
class Official:
    """A person holding a government, military, diplomatic or parliamentary office."""

    id: str = field(validator=_non_empty)
    name: str = field(validator=_non_empty)
    country: str | None = field(default=None, validator=_country)
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    offices: tuple[str, ...] = ()
    rank: str | None = None
    evidence: tuple[Span, ...] = ()


@frozen
class Meeting:
    """Officials meeting in person, held or only scheduled."""

    participants: tuple[str, ...]
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
    visitor: str = field(validator=_non_empty)
    origin: str | None = field(default=None, validator=_country)
    destination: str = field(default="", validator=_country)
    places: tuple[str, ...] = ()
    start: PartialDate | None = None
    end: PartialDate | None = None
    dates: tuple[PartialDate, ...] = ()
    days: int | None = None
    status: VisitStatus = "current"
    delegation: tuple[str, ...] = ()
    inviter: str | None = None
    meetings: tuple[Meeting, ...] = ()
    statements: tuple[str, ...] = ()
    agreements: tuple[str, ...] = ()
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


@frozen
class Statement:
    """What a named official said, wrote or expressed."""

    id: str = field(validator=_non_empty)
    speaker: str = field(validator=_non_empty)
    text: str = field(validator=_non_empty)
    mode: StatementMode = "reported"
    verb: str | None = None
    channel: str | None = None
    addressee: str | None = None
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
    signatories: tuple[str, ...] = ()
    date: PartialDate | None = None
    topics: tuple[str, ...] = ()
    evidence: tuple[Span, ...] = ()


@frozen
class Call:
    """A telephone or video call between officials of two or more countries."""

    id: str = field(validator=_non_empty)
    participants: tuple[str, ...]
    countries: tuple[str, ...] = field(validator=_countries)
    channel: CallChannel = "phone"
    status: CallStatus = "held"
    initiator: str | None = None
    date: PartialDate | None = None
    statements: tuple[str, ...] = ()
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
            *(ref for c in self.calls for ref in c.participants),
            *(ref for v in self.visits for ref in _visit_refs(v)),
            *(s.speaker for s in self.statements),
            *(s.addressee for s in self.statements if s.addressee),
            *(ref for a in self.agreements for ref in a.signatories),
        }
        missing = sorted(referenced - known)
        if missing:
            raise ValueError(f"facts name officials the result does not hold: {missing}")

    def official(self, official_id: str) -> Official | None:
        """The official with this id, if the article names them."""
        return next((o for o in self.officials if o.id == official_id), None)


def _visit_refs(visit: Visit) -> list[str]:
    refs = [visit.visitor, *visit.delegation]
    if visit.inviter:
        refs.append(visit.inviter)
    refs.extend(p for m in visit.meetings for p in m.participants)
    return refs
