"""Hypothesis strategies for the domain model."""

from __future__ import annotations

import datetime as dt
import itertools

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
