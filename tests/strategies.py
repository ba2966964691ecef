"""Hypothesis strategies for the domain model."""

from __future__ import annotations

import datetime as dt
import itertools

import attrs
from hypothesis import strategies as st

from bilateral.model import (
    Agreement,
    Article,
    ExtractionResult,
    Meeting,
    Notice,
    Official,
    PartialDate,
    Span,
    Statement,
    Visit,
)

COUNTRIES = st.sampled_from(["PK", "IR", "AF", "CN", "SA", "US", "IQ", "TR"])
IDS = st.from_regex(r"[a-z]{1,8}(-[a-z]{1,8}){0,2}", fullmatch=True)
TEXT = st.text(min_size=1, max_size=40)


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    day = draw(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "year":
        return PartialDate(day.year)
    if precision == "month":
        return PartialDate(day.year, day.month)
    return PartialDate.of(day)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    article_id = draw(IDS)
    raw = draw(st.text(max_size=200))
    cuts = sorted(draw(st.lists(st.integers(0, len(raw)), max_size=6)))
    spans = [Span(article_id, a, b, raw[a:b]) for a, b in itertools.pairwise(cuts)]
    return Article(
        id=article_id,
        raw=raw,
        source=draw(st.none() | TEXT),
        published=draw(st.none() | partial_dates()),
        dateline=draw(st.none() | TEXT),
        headline=draw(st.none() | TEXT),
        paragraphs=tuple(spans),
        sentences=tuple(spans),
    )


def spans_of(article: Article) -> st.SearchStrategy[tuple[Span, ...]]:
    return (
        st.lists(st.sampled_from(article.sentences), max_size=2).map(tuple)
        if article.sentences
        else st.just(())
    )


@st.composite
def results(draw: st.DrawFn) -> ExtractionResult:
    article = draw(articles())
    ids = draw(st.lists(IDS, min_size=1, max_size=4, unique=True))
    officials = tuple(
        Official(
            id=i,
            name=draw(TEXT),
            country=draw(st.none() | COUNTRIES),
            aliases=tuple(draw(st.lists(TEXT, max_size=2))),
            titles=tuple(draw(st.lists(TEXT, max_size=2))),
            evidence=draw(spans_of(article)),
        )
        for i in ids
    )
    person = st.sampled_from(ids)
    visits = []
    for number in range(draw(st.integers(0, 2))):
        origin, destination = draw(st.lists(COUNTRIES, min_size=2, max_size=2, unique=True))
        start = draw(st.none() | partial_dates())
        visits.append(
            Visit(
                id=f"v{number}",
                visitor=draw(person),
                origin=origin,
                destination=destination,
                places=tuple(draw(st.lists(TEXT, max_size=2))),
                start=start,
                end=start,
                days=draw(st.none() | st.integers(1, 30)),
                status=draw(st.sampled_from(["current", "past", "planned"])),
                meetings=tuple(
                    Meeting(
                        participants=tuple(draw(st.lists(person, min_size=1, max_size=3))),
                        date=draw(st.none() | partial_dates()),
                        status=draw(st.sampled_from(["held", "scheduled"])),
                    )
                    for _ in range(draw(st.integers(0, 2)))
                ),
                evidence=draw(spans_of(article)),
            )
        )
    statements = tuple(
        Statement(
            id=f"s{n}",
            speaker=draw(person),
            text=draw(TEXT),
            mode=draw(st.sampled_from(["quoted", "reported"])),
            date=draw(st.none() | partial_dates()),
            evidence=draw(spans_of(article)),
        )
        for n in range(draw(st.integers(0, 2)))
    )
    agreements = tuple(
        Agreement(
            id=f"a{n}",
            parties=tuple(draw(st.lists(COUNTRIES, min_size=2, max_size=3, unique=True))),
            text=draw(TEXT),
            date=draw(st.none() | partial_dates()),
        )
        for n in range(draw(st.integers(0, 2)))
    )
    warnings = tuple(Notice(draw(IDS), draw(TEXT)) for _ in range(draw(st.integers(0, 1))))
    return ExtractionResult(article, officials, tuple(visits), statements, agreements, warnings)


# Officials and trips drawn from a few, so that generated articles share people and trips:
# spellings that fold alike, a name within another, an office-holder id, a surname alone.
PEOPLE = st.sampled_from(
    [
        ("imran-khan", "Imran Khan", "PK"),
        ("bajwa", "Qamar Javed Bajwa", "PK"),
        ("bajwa", "Qamar Bajwa", None),
        ("bagheri", "Mohammad Bagheri", "IR"),
        ("baqeri", "Mohammad Hossein Baqeri", "IR"),
        ("baqeri", "Mohammad Hossein Baqeri", None),
        ("reza", "Mohammad Reza Bagheri", "IR"),
        ("sharif", "Sharif", "PK"),
        ("zarif", "Mohammad Javad Zarif", "IR"),
    ]
)
NEAR_DAYS = st.dates(dt.date(2020, 5, 1), dt.date(2020, 6, 15))


@st.composite
def near_dates(draw: st.DrawFn) -> PartialDate:
    day = draw(NEAR_DAYS)
    precision = draw(st.sampled_from(["month", "day", "day"]))
    return PartialDate.of(day) if precision == "day" else PartialDate(day.year, day.month)


@st.composite
def overlapping_results(draw: st.DrawFn, article_id: str) -> ExtractionResult:
    """One article's results about a few officials' trips between PK and IR in a few weeks."""
    raw = "Gen Zorbek visited Tehran."
    span = Span(article_id, 0, len(raw), raw)
    article = Article(id=article_id, raw=raw, published=PartialDate.of(draw(NEAR_DAYS)))
    people = {i: (name, country) for i, name, country in draw(st.lists(PEOPLE, min_size=1))}
    officials = tuple(
        Official(id=i, name=name, country=country, aliases=(name.split()[-1],), evidence=(span,))
        for i, (name, country) in people.items()
    )
    person = st.sampled_from(sorted(people))
    visits = []
    for number in range(draw(st.integers(0, 2))):
        destination = draw(st.sampled_from(["PK", "IR"]))
        visits.append(
            Visit(
                id=f"visit-{number + 1}",
                visitor=draw(person),
                origin="IR" if destination == "PK" else "PK",
                destination=destination,
                start=draw(st.none() | near_dates()),
                days=draw(st.none() | st.integers(1, 4)),
                status=draw(st.sampled_from(["current", "past", "planned"])),
                meetings=tuple(
                    Meeting(
                        participants=tuple(draw(st.lists(person, min_size=1, max_size=2))),
                        date=draw(st.none() | near_dates()),
                    )
                    for _ in range(draw(st.integers(0, 2)))
                ),
                evidence=(span,),
            )
        )
    # the same few statements and agreements, worded a little differently, dated or not
    statements = tuple(
        Statement(
            id=f"statement-{n + 1}",
            speaker=draw(person),
            text=draw(st.sampled_from(SAID)),
            verb=draw(st.none() | st.just("said")),
            date=draw(st.none() | near_dates()),
            evidence=(span,),
        )
        for n in range(draw(st.integers(0, 2)))
    )
    agreements = tuple(
        Agreement(
            id=f"agreement-{n + 1}",
            parties=draw(st.sampled_from([("PK", "IR"), ("IR", "PK"), ("PK", "AF")])),
            text=draw(st.sampled_from(AGREED)),
            signatories=tuple(draw(st.lists(person, max_size=1))),
            date=draw(st.none() | near_dates()),
            evidence=(span,),
        )
        for n in range(draw(st.integers(0, 2)))
    )
    facts = [s.id for s in statements] + [a.id for a in agreements]
    visits = [
        attrs.evolve(
            v,
            statements=tuple(f for f in draw(st.lists(st.sampled_from(facts))) if "statement" in f)
            if facts
            else (),
            agreements=tuple(f for f in draw(st.lists(st.sampled_from(facts))) if "agreement" in f)
            if facts
            else (),
        )
        for v in visits
    ]
    return ExtractionResult(article, officials, tuple(visits), statements, agreements)


SAID = ["talks went well", "Talks went well.", "Talks went “well”", "we want peace"]
AGREED = ["agreed to trade more", "Agreed to trade more.", "agreed on border security"]


@st.composite
def overlapping_batches(draw: st.DrawFn) -> list[ExtractionResult]:
    """Results of a few articles (distinct ids) that share officials and trips."""
    count = draw(st.integers(1, 6))
    return [draw(overlapping_results(f"a{n}")) for n in range(count)]
