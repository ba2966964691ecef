"""Query speed on a generated corpus of 100,000 visits and 20,000 officials (not in the
test suite): ``pip install '.[bench]' && python -m pytest benchmarks/test_corpus_queries.py``.

Also checks that building a corpus from extraction results grows linearly.
"""

from __future__ import annotations

import random
import time

import pytest

from bilateral.corpus import Corpus, CorpusData
from bilateral.model import (
    Agreement,
    Article,
    ExtractionResult,
    Meeting,
    Official,
    PartialDate,
    Span,
    Statement,
    Visit,
)

COUNTRIES = ["PK", "IR", "AF", "CN", "SA", "TR", "IQ", "US", "IN", "QA", "AE", "RU"]
CITIES = ["Tehran", "Islamabad", "Kabul", "Beijing", "Riyadh", "Ankara", "Baghdad", "Doha"]


def officials(count: int, rng: random.Random) -> list[Official]:
    return [
        Official(
            id=f"official-{n}",
            name=f"Name{n} Surname{n % 997}",
            country=rng.choice(COUNTRIES),
            offices=(rng.choice(["army_chief", "foreign_minister", "president"]),),
        )
        for n in range(count)
    ]


def visits(count: int, people: list[Official], rng: random.Random) -> list[Visit]:
    found = []
    for n in range(count):
        visitor = rng.choice(people)
        destination = rng.choice([c for c in COUNTRIES if c != visitor.country])
        day = PartialDate(rng.randint(2013, 2025), rng.randint(1, 12), rng.randint(1, 28))
        host = rng.choice(people)
        found.append(
            Visit(
                id=f"visit-{n}", visitor=visitor.id, origin=visitor.country,
                destination=destination, start=day, dates=(day,), days=rng.randint(1, 4),
                places=(rng.choice(CITIES),), status=rng.choice(["current", "past", "planned"]),
                meetings=(Meeting(participants=(visitor.id, host.id), date=day),),
            )
        )  # fmt: skip
    found.sort(key=lambda v: (v.start.sort_key() if v.start else (), v.id))
    return found


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    rng = random.Random(7)
    people = officials(20_000, rng)
    trips = visits(100_000, people, rng)
    statements = [
        Statement(id=f"s{n}", speaker=rng.choice(people).id, text="talks went well",
                  date=trips[n].start, topics=(rng.choice(["trade", "energy", "border-security"]),))
        for n in range(50_000)
    ]  # fmt: skip
    agreements = [
        Agreement(id=f"a{n}", parties=tuple(rng.sample(COUNTRIES, 2)), text="agreed to cooperate",
                  date=trips[n].start)
        for n in range(20_000)
    ]  # fmt: skip
    return Corpus(CorpusData((), tuple(people), tuple(trips), tuple(statements), tuple(agreements)))


QUERIES = {
    "visits by visitor": lambda c: c.visits(visitor="official-42"),
    "visits by visitor and destination": lambda c: c.visits(
        visitor="official-42", destination="IR"
    ),
    "visits between dates": lambda c: c.visits(between=("2018-07-01", "2018-07-07")),
    "visits by route and status": lambda c: c.visits(
        origin="PK", destination="IR", status="past", between=("2019", "2019")
    ),
    "visits by place and month": lambda c: c.visits(place="tehran", between=("2020-03", "2020-03")),
    "officials by name": lambda c: c.officials(name="Surname42"),
    "officials by country and office": lambda c: c.officials(country="PK", office="army_chief"),
    "meetings of an official": lambda c: c.meetings(participant="official-7"),
    "statements by speaker": lambda c: c.statements(speaker="official-9"),
    "agreements between two countries": lambda c: c.agreements(
        parties=["PK", "IR"], between=("2017", "2017")
    ),
    "profile": lambda c: c.profile("official-3"),
}


@pytest.mark.parametrize("query", list(QUERIES), ids=list(QUERIES))
def test_query_speed(benchmark, corpus: Corpus, query: str) -> None:  # type: ignore[no-untyped-def]
    benchmark(QUERIES[query], corpus)
    assert benchmark.stats["median"] < 0.010


def results(count: int) -> list[ExtractionResult]:
    rng = random.Random(count)
    found = []
    for n in range(count):
        raw = f"Gen Person{n % 500} visited Tehran."
        span = Span(f"a{n}", 0, len(raw), raw)
        person = Official(
            id=f"p{n % 500}", name=f"Aziz Person{n % 500}", country="PK", evidence=(span,)
        )
        day = PartialDate(2015 + n % 10, 1 + n % 12, 1 + rng.randint(0, 27))
        found.append(
            ExtractionResult(
                article=Article(id=f"a{n}", raw=raw, published=day),
                officials=(person,),
                visits=(Visit(id=f"a{n}/visit-1", visitor=person.id, origin="PK", destination="IR",
                              start=day, evidence=(span,)),),
            )
        )  # fmt: skip
    return found


def test_building_grows_linearly() -> None:
    timings = {}
    for count in (5_000, 10_000, 20_000):
        batch = results(count)
        start = time.perf_counter()
        Corpus.from_results(batch)
        timings[count] = time.perf_counter() - start
    print("build seconds:", {k: round(v, 2) for k, v in timings.items()})
    assert timings[20_000] / timings[5_000] < 4 * 1.5
