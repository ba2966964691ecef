"""Corpora merge with each other as all their results merge at once, whatever the order and
grouping; merging grows linearly with the number of articles."""

import datetime as dt
import gc
import itertools
import pickle
import random
import statistics
import time
from typing import TypeVar

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import bilateral
from bilateral.corpus import Corpus, CorpusData
from bilateral.corpus.merging import window
from bilateral.model import (
    Agreement,
    Article,
    Call,
    ExtractionResult,
    Meeting,
    Official,
    PartialDate,
    Span,
    Statement,
    Visit,
)
from bilateral.model.serialize import from_json, to_json
from tests.strategies import overlapping_batches

T = TypeVar("T")


@settings(max_examples=80, deadline=None)
@given(overlapping_batches(), st.randoms(use_true_random=False))
def test_merging_is_associative_and_order_free(
    batch: list[ExtractionResult], rng: random.Random
) -> None:
    whole = Corpus.from_results(batch)
    facts = {f.id for f in (*whole.data.statements, *whole.data.agreements)}
    assert len(facts) == len(whole.data.statements) + len(whole.data.agreements)
    assert all(set(v.statements + v.agreements) <= facts for v in whole.data.visits)
    shuffled = rng.sample(batch, len(batch))
    assert Corpus.from_results(shuffled) == whole
    cuts = sorted(rng.randint(0, len(batch)) for _ in range(2))
    a, b, c = (
        Corpus.from_results(shuffled[i:j]) for i, j in itertools.pairwise([0, *cuts, len(batch)])
    )
    assert (a | b) | c == a | (b | c) == whole
    assert c.merge(a).merge(b) == whole
    grown = Corpus.from_results([])
    for result in shuffled:
        grown = grown.add(result)
    assert grown == whole


def test_partial_corpora_merge_into_the_timeline_of_all() -> None:
    results = [bilateral.extract_document(d) for d in bilateral.examples()]
    whole = Corpus.from_results(results)
    merged = Corpus.from_results(results[3:]) | Corpus.from_results(results[:3])
    assert merged == whole and len(merged.timeline()) == 7
    assert len(merged.officials(name="Baqeri")) == 1


def test_a_corpus_crosses_processes_whole() -> None:
    results = [bilateral.extract_document(d) for d in bilateral.examples()]
    unmerged = Corpus.from_results(results)
    copy = pickle.loads(pickle.dumps(unmerged))
    assert copy == unmerged
    merged = pickle.loads(pickle.dumps(copy))
    assert merged == unmerged and merged.timeline() == unmerged.timeline()
    assert merged | Corpus.from_results([]) == unmerged


def test_a_loaded_corpus_takes_part_with_its_facts() -> None:
    results = [bilateral.extract_document(d) for d in bilateral.examples()]
    loaded = Corpus(from_json(to_json(Corpus.from_results(results[:4]).data), CorpusData))
    grown = loaded.add(results[4])
    assert [a.id for a in grown.data.articles] == [
        a.id for a in Corpus.from_results(results).data.articles
    ]
    assert len(grown.timeline()) == 7


def code(number: int) -> str:
    """Letters for a number that no spelling fold changes or merges with another's."""
    letters, digits = "bcfjlmprstz", []
    while True:
        number, digit = divmod(number, len(letters))
        digits.append(letters[digit])
        if number == 0:
            return "a".join(digits)


def articles(count: int, distinct: bool) -> list[ExtractionResult]:
    """Reports of 20 trips and of a call in each, each by many articles; or (``distinct``)
    every article's people their own, all sharing two given names."""
    found = []
    for n in range(count):
        mark = code(n) if distinct else ""
        raw = f"Gen Aziz Hassan Zorbek{mark} visited Tehran."
        span = Span(f"a{n}", 0, len(raw), raw)
        day = dt.date(2015, 1, 1) + dt.timedelta(days=40 * (n % 20))
        people = (
            Official(id=f"zorbek{mark}", name=f"Aziz Hassan Zorbek{mark}", country="PK",
                     aliases=(f"Zorbek{mark}",), evidence=(span,)),
            Official(id=f"karimi{mark}", name=f"Hassan Karimi{mark}", country="IR",
                     evidence=(span,)),
        )  # fmt: skip
        visit = Visit(
            id="visit-1", visitor=people[0].id, origin="PK", destination="IR",
            start=PartialDate.of(day), days=3, evidence=(span,),
            meetings=(Meeting(participants=(people[0].id, people[1].id)),),
        )  # fmt: skip
        statement = Statement(id="statement-1", speaker=people[1].id, text="Talks went well.")
        call = Call(
            id="call-1", participants=(people[0].id, people[1].id), countries=("PK", "IR"),
            date=PartialDate.of(day - dt.timedelta(days=10)), evidence=(span,),
        )  # fmt: skip
        article = Article(id=f"a{n}", raw=raw, published=PartialDate.of(day))
        found.append(ExtractionResult(article, people, (visit,), (statement,), calls=(call,)))
    return found


def merge_ratio(small: list[ExtractionResult], large: list[ExtractionResult]) -> float:
    """The median, over five rounds, of the CPU time of merging ``large`` over that of merging
    ``small``, measured one after the other in each round: a round the machine slows
    counts once, and a square would show in every round."""
    ratios = []
    for _ in range(5):
        times = []
        for results in (small, large):
            gc.collect()  # the garbage of the run before is not this run's to collect
            start = time.process_time()
            Corpus.from_results(results).data  # noqa: B018 (merged when first asked for)
            times.append(time.process_time() - start)
        ratios.append(times[1] / times[0])
    return statistics.median(ratios)


def test_four_times_the_articles_merge_in_at_most_five_times_the_time() -> None:
    for distinct in (False, True):
        batch = articles(4000, distinct)
        ratio = merge_ratio(batch[:1000], batch)
        assert ratio <= 5, (distinct, ratio)
    merged = Corpus.from_results(batch)
    assert len(merged.data.officials) == 8000 and len(merged.data.visits) == 4000
    same = Corpus.from_results(articles(2400, False)).data
    assert len(same.visits) == 20 and len(same.statements) == 20  # one of each per trip
    assert len(same.calls) == 20 and len(same.calls[0].evidence) == 120  # every report's words
    assert len(merged.data.statements) == 4000  # each said by a person of its own


def call_reports(count: int) -> list[ExtractionResult]:
    """One call told by ``count`` articles."""
    people = articles(1, False)[0].officials
    found = []
    for n in range(count):
        raw = "Aziz Hassan Zorbek spoke by telephone with Hassan Karimi."
        span = Span(f"c{n}", 0, len(raw), raw)
        for_this = tuple(attrs.evolve(o, evidence=(span,)) for o in people)
        call = Call(
            id="call-1", participants=tuple(o.id for o in people), countries=("PK", "IR"),
            date=PartialDate.of(dt.date(2015, 1, 1)), evidence=(span,),
        )  # fmt: skip
        found.append(ExtractionResult(Article(id=f"c{n}", raw=raw), for_this, calls=(call,)))
    return found


def test_a_fact_reported_four_times_as_often_merges_in_at_most_five_times_the_time() -> None:
    reports = call_reports(4000)
    assert merge_ratio(reports[:1000], reports) <= 5
    assert len(Corpus.from_results(reports).data.calls[0].evidence) == 4000


def respanned(item: T, article: str) -> T:
    """``item`` with every span in it (and an article's id) pointing at ``article``."""
    if isinstance(item, Span):
        return attrs.evolve(item, article_id=article)  # type: ignore[return-value]
    if isinstance(item, tuple):
        return tuple(respanned(i, article) for i in item)  # type: ignore[return-value]
    if not attrs.has(type(item)):
        return item
    changes: dict[str, object] = {"id": article} if isinstance(item, Article) else {}
    for name in (f.name for f in attrs.fields(type(item))):
        value = getattr(item, name)
        if isinstance(value, (Span, tuple)) or attrs.has(type(value)):
            changes[name] = respanned(value, article)
    return attrs.evolve(item, **changes)  # type: ignore[misc]


def test_sixty_copies_of_each_article_merge_to_the_facts_of_one() -> None:
    results = [bilateral.extract_document(d) for d in bilateral.examples()]
    one = Corpus.from_results(results).data
    copies = [respanned(r, f"{r.article.id}-copy-{n:02d}") for n in range(60) for r in results]
    sixty = Corpus.from_results(copies).data
    assert len(sixty.articles) == 300
    counts = [
        (len(d.officials), len(d.visits), len(d.statements), len(d.agreements))
        for d in (one, sixty)
    ]
    assert counts[0] == counts[1] and counts[0][2:] == (34, 12)
    # each fact the same words, with the evidence of every copy
    assert [s.text for s in sixty.statements] == [s.text for s in one.statements]
    assert [a.text for a in sixty.agreements] == [a.text for a in one.agreements]
    assert all(
        len(f.evidence) == 60 * len(g.evidence)
        for f, g in zip(sixty.statements, one.statements, strict=True)
    )
    assert all(
        len(f.evidence) == 60 * len(g.evidence)
        for f, g in zip(sixty.agreements, one.agreements, strict=True)
    )
    assert {len({s.article_id for s in f.evidence}) for f in sixty.statements} == {60}
    # visits point at the merged facts, each once
    ids = {s.id for s in sixty.statements} | {a.id for a in sixty.agreements}
    for visit, alone in zip(sixty.visits, one.visits, strict=True):
        refs = (*visit.statements, *visit.agreements)
        assert set(refs) <= ids and len(refs) == len(set(refs))
        assert len(visit.statements) == len(alone.statements)
        assert len(visit.agreements) == len(alone.agreements)
    # merged again from its data, a corpus of copies is unchanged
    assert Corpus.from_results(copies[:150]) | Corpus.from_results(copies[150:]) == Corpus(sixty)


def _said(article: str, text: str, speaker: str = "zarif", **fields: object) -> ExtractionResult:
    published = fields.pop("published", PartialDate(2020, 5, 4))
    raw = f"Zarif said {text}"
    span = Span(article, 0, len(raw), raw)
    assert isinstance(published, PartialDate | None)
    return ExtractionResult(
        Article(id=article, raw=raw, published=published),
        (Official(id=speaker, name="Mohammad Javad Zarif", country="IR", evidence=(span,)),),
        statements=(
            Statement(id="statement-1", speaker=speaker, text=text, evidence=(span,), **fields),
        ),  # type: ignore[arg-type]
    )


def test_one_statement_reported_twice_is_one() -> None:
    def merged(*results: ExtractionResult) -> tuple[Statement, ...]:
        return Corpus.from_results(results).data.statements

    # near-identical words: case, punctuation, quotes and spacing aside
    found = merged(_said("a", "Talks went “well”."), _said("b", "talks  went well"))
    assert len(found) == 1 and len(found[0].evidence) == 2
    assert found[0].id == "a/statement-1" and found[0].text == "Talks went “well”."
    # the missing parts of one report filled from another
    found = merged(
        _said("a", "Talks went well."),
        _said("b", "Talks went well.", verb="said", date=PartialDate(2020, 5, 3)),
    )
    assert len(found) == 1 and found[0].verb == "said" and found[0].date == PartialDate(2020, 5, 3)
    # other words, another speaker, or the same words said a year apart: two
    assert len(merged(_said("a", "Talks went well."), _said("b", "Talks went badly."))) == 2
    other = _said("b", "Talks went well.")
    other = attrs.evolve(
        other,
        officials=(attrs.evolve(other.officials[0], id="raisi", name="Ebrahim Raisi"),),
        statements=(attrs.evolve(other.statements[0], speaker="raisi"),),
    )
    assert len(merged(_said("a", "Talks went well."), other)) == 2
    a_year_on = _said("b", "Talks went well.", published=PartialDate(2021, 5, 4))
    assert len(merged(_said("a", "Talks went well."), a_year_on)) == 2
    dated = _said("b", "Talks went well.", date=PartialDate(2020, 1, 2))
    assert len(merged(_said("a", "Talks went well.", date=PartialDate(2020, 5, 3)), dated)) == 2


def test_one_agreement_reported_twice_is_one() -> None:
    def agreement(
        article: str, parties: tuple[str, ...], text: str, **fields: object
    ) -> ExtractionResult:
        raw = f"Both sides {text}"
        span = Span(article, 0, len(raw), raw)
        return ExtractionResult(
            Article(id=article, raw=raw, published=PartialDate(2023, 7, 16)),
            agreements=(
                Agreement(id="agreement-1", parties=parties, text=text, evidence=(span,), **fields),
            ),  # type: ignore[arg-type]
        )

    def merged(*results: ExtractionResult) -> tuple[Agreement, ...]:
        return Corpus.from_results(results).data.agreements

    text = "agreed to enhance border security"
    found = merged(agreement("a", ("PK", "IR"), text), agreement("b", ("IR", "PK"), text.upper()))
    assert len(found) == 1 and [s.article_id for s in found[0].evidence] == ["a", "b"]
    assert len(merged(agreement("a", ("PK", "IR"), text), agreement("b", ("PK", "AF"), text))) == 2
    assert (
        len(
            merged(
                agreement("a", ("PK", "IR"), text), agreement("b", ("PK", "IR"), "agreed to trade")
            )
        )
        == 2
    )
    apart = agreement("b", ("PK", "IR"), text, date=PartialDate(2022, 1, 5))
    assert (
        len(merged(agreement("a", ("PK", "IR"), text, date=PartialDate(2023, 7, 15)), apart)) == 2
    )


def _overlaps(days: tuple[dt.date, dt.date] | None, first: str, last: str) -> bool:
    low, high = PartialDate.parse(first).first_day(), PartialDate.parse(last).last_day()
    return days is not None and days[0] <= high and low <= days[1]


@settings(max_examples=60, deadline=None)
@given(overlapping_batches())
def test_queries_answer_as_a_scan_of_the_data(batch: list[ExtractionResult]) -> None:
    corpus = Corpus.from_results(batch)
    d = corpus.data
    published = {a.id: a.published for a in d.articles}

    def days(visit: Visit) -> tuple[dt.date, dt.date] | None:
        found = window(visit, published.get(visit.evidence[0].article_id))
        return (found.first, found.last) if found else None

    def dated(date: PartialDate | None) -> tuple[dt.date, dt.date] | None:
        return (date.first_day(), date.last_day()) if date else None

    ranges = [("2020-05", "2020-05"), ("2020-05-20", "2020-06-02"), ("2020-06-10", "2021")]
    people = [o.id for o in d.officials] + ["nobody"]
    for _ in range(2):  # the second time from the indexes built by the first
        for who, (first, last) in itertools.product(people, ranges):
            assert corpus.visits(visitor=who) == [v for v in d.visits if v.visitor == who]
            assert corpus.visits(visitor=who, destination="IR", between=(first, last)) == [
                v
                for v in d.visits
                if v.visitor == who and v.destination == "IR" and _overlaps(days(v), first, last)
            ]
            assert corpus.statements(speaker=who, between=(first, last)) == [
                s
                for s in d.statements
                if s.speaker == who and _overlaps(dated(s.date), first, last)
            ]
            assert [(m.visit, m.meeting) for m in corpus.meetings(participant=who)] == [
                (v, m) for v in d.visits for m in v.meetings if who in m.participants
            ]
        for first, last in ranges:
            assert corpus.visits(between=(first, last)) == [
                v for v in d.visits if _overlaps(days(v), first, last)
            ]
            assert corpus.agreements(parties=["IR", "PK"], between=(first, last)) == [
                a
                for a in d.agreements
                if {"IR", "PK"} <= set(a.parties) and _overlaps(dated(a.date), first, last)
            ]
        assert corpus.agreements(parties=["PK", "AF"]) == [
            a for a in d.agreements if {"PK", "AF"} <= set(a.parties)
        ]
        assert corpus.visits(origin="PK", destination="IR", status="past") == [
            v for v in d.visits if (v.origin, v.destination, v.status) == ("PK", "IR", "past")
        ]
        between_the_two = [v for v in d.visits if {v.origin, v.destination} <= {"PK", "IR"}]
        assert corpus.timeline(("PK", "IR"), include_planned=True) == sorted(
            between_the_two,
            key=corpus._days_of,  # by the days a reader sorts by
        )
        assert corpus.meetings() == corpus.meetings(participant=None)
        assert len(corpus.meetings()) == sum(len(v.meetings) for v in d.visits)


def test_indexes_are_those_of_the_data_held() -> None:
    results = [bilateral.extract_document(d) for d in bilateral.examples()]
    corpus = Corpus.from_results(results[:2])
    before = corpus.visits(), corpus.statements()
    grown = corpus.add(results[2])
    assert (corpus.visits(), corpus.statements()) == before  # the merge made a new corpus
    assert len(grown.visits()) > len(before[0]) and len(grown.statements()) > len(before[1])
    corpus.data = grown.data  # not done in earnest, but then queries answer for that data
    assert (corpus.visits(), corpus.statements()) == (grown.visits(), grown.statements())
