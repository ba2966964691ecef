"""Corpora merge with each other as all their results merge at once, whatever the order and
grouping; merging grows linearly with the number of articles."""

import datetime as dt
import gc
import itertools
import pickle
import random
import time

from hypothesis import given, settings
from hypothesis import strategies as st

import bilateral
from bilateral.corpus import Corpus, CorpusData
from bilateral.model import (
    Article,
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


@settings(max_examples=80, deadline=None)
@given(overlapping_batches(), st.randoms(use_true_random=False))
def test_merging_is_associative_and_order_free(
    batch: list[ExtractionResult], rng: random.Random
) -> None:
    whole = Corpus.from_results(batch)
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
    """Reports of 20 trips, each by many articles; or (``distinct``) every article's people
    their own, all sharing two given names."""
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
        article = Article(id=f"a{n}", raw=raw, published=PartialDate.of(day))
        found.append(ExtractionResult(article, people, (visit,), (statement,)))
    return found


def merge_seconds(results: list[ExtractionResult]) -> float:
    times = []
    for _ in range(5):
        gc.collect()  # the garbage of the run before is not this run's to collect
        start = time.perf_counter()
        Corpus.from_results(results).data  # noqa: B018 (merged when first asked for)
        times.append(time.perf_counter() - start)
    return min(times)


def test_four_times_the_articles_merge_in_at_most_five_times_the_time() -> None:
    for distinct in (False, True):
        batch = articles(2400, distinct)
        small, large = merge_seconds(batch[:600]), merge_seconds(batch)
        assert large <= 5 * small, (distinct, small, large)
    merged = Corpus.from_results(batch)
    assert len(merged.data.officials) == 4800 and len(merged.data.visits) == 2400
    assert len(Corpus.from_results(articles(2400, False)).data.visits) == 20
