"""Merge time against the number of articles, and queries on the merged corpus (not part of
the tests).

    python benchmarks/merge.py [--repeat 3] [--json benchmarks/merge-results.json]

The results of the bundled examples, extracted once, are replicated to 1,000, 4,000, 16,000
and 64,000 articles (each replica an article of its own id, its facts' evidence pointing at
it) in three ways: replicas of the same trips, copies of the examples whose officials,
visits, statements and agreements all merge into those of the examples (a syndicated story
under many file names); replicas whose officials are all distinct (another id and surname in
each replica: given names are shared, as they are between real people) and whose statements
and agreements have words of their own, so that nothing merges across replicas; and
replicas of the same trips whose statements and agreements have words of their own (the
officials and visits merge, their statements and agreements do not: the busiest official
speaks tens of thousands of times). Each merge is timed without the extraction, from the
results to the corpus's data, best of ``--repeat`` (each with the cache of split names
emptied, so that every name is as new as in the first merge); then the time per article and
its ratio to that at 1,000.
On the 64,000-article corpora, each query's median time over repeated runs (the indexes are
built by the first) and the number of records it found (queries about Pakistan and Iran
find tens of thousands of records, and take the time of making the answer); and the merge
of eight partial corpora of 8,000 articles each (``Corpus.merge``), which must give the same
corpus as merging all results at once.
"""

from __future__ import annotations

import argparse
import functools
import json
import statistics
import time
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

import bilateral
from bilateral.corpus import Corpus, Profile
from bilateral.mentions.names import fold_token, name_tokens
from bilateral.model import Article, ExtractionResult, Official, Span

SIZES = (1_000, 4_000, 16_000, 64_000)
T = TypeVar("T")


def respanned(item: T, article: str, was: str = "") -> T:
    """``item`` with every span in it (and an article's id) pointing at ``article``, and
    the ids of facts scoped to article ``was`` scoped to it instead, as extraction gives
    them ("seed-000/statement-1" -> "seed-000-00001/statement-1")."""
    if isinstance(item, Span):
        return attrs.evolve(item, article_id=article)  # type: ignore[return-value]
    if isinstance(item, str) and was and item.startswith(f"{was}/"):
        return f"{article}/{item[len(was) + 1 :]}"  # type: ignore[return-value]
    if isinstance(item, tuple):
        return tuple(respanned(i, article, was) for i in item)  # type: ignore[return-value]
    if not attrs.has(type(item)):
        return item
    changes: dict[str, object] = {"id": article} if isinstance(item, Article) else {}
    for name in (f.name for f in attrs.fields(type(item))):
        value = getattr(item, name)
        if isinstance(value, (Span, tuple, str)) or attrs.has(type(value)):
            changes.setdefault(name, respanned(value, article, was))
    return attrs.evolve(item, **changes)  # type: ignore[misc]


def code(number: int) -> str:
    """Letters for a number that no spelling fold changes or merges ("bac", "bacaf"...)."""
    letters = "bcfjlmprstz"
    digits = []
    while True:
        number, digit = divmod(number, len(letters))
        digits.append(letters[digit])
        if number == 0:
            return "a".join(digits)


def renamed(official: Official, mark: str) -> Official:
    def name(text: str) -> str:
        words = text.split()
        return " ".join([*words[:-1], words[-1] + mark]) if words else text

    return attrs.evolve(
        official,
        id=f"{official.id}-{mark}",
        name=name(official.name),
        aliases=tuple(name(a) for a in official.aliases),
    )


# the ways of replicating: (officials distinct, statements' and agreements' words distinct)
WAYS = {
    "same trips": (False, False),
    "distinct officials": (True, True),
    "same trips, distinct statements": (False, True),
}


def reworded(facts: ExtractionResult, mark: str) -> ExtractionResult:
    """The result with words of its own in each statement and agreement."""
    return attrs.evolve(
        facts,
        statements=tuple(attrs.evolve(s, text=f"{s.text} ({mark})") for s in facts.statements),
        agreements=tuple(attrs.evolve(a, text=f"{a.text} ({mark})") for a in facts.agreements),
    )


def replica(
    result: ExtractionResult, number: int, distinct: bool, words: bool = False
) -> ExtractionResult:
    article = f"{result.article.id}-{number:05d}"
    facts = respanned(result, article, result.article.id)
    mark = code(number)
    if words:
        facts = reworded(facts, mark)
    if not distinct:
        return facts
    ids = {o.id: f"{o.id}-{mark}" for o in facts.officials}

    def ref(official: str) -> str:
        return ids.get(official, official)

    return attrs.evolve(
        facts,
        officials=tuple(renamed(o, mark) for o in facts.officials),
        visits=tuple(
            attrs.evolve(
                v,
                visitor=ref(v.visitor),
                delegation=tuple(map(ref, v.delegation)),
                inviter=ref(v.inviter) if v.inviter else None,
                meetings=tuple(
                    attrs.evolve(m, participants=tuple(map(ref, m.participants)))
                    for m in v.meetings
                ),
            )
            for v in facts.visits
        ),
        statements=tuple(
            attrs.evolve(
                s, speaker=ref(s.speaker), addressee=ref(s.addressee) if s.addressee else None
            )
            for s in facts.statements
        ),
        agreements=tuple(
            attrs.evolve(a, signatories=tuple(map(ref, a.signatories))) for a in facts.agreements
        ),
        calls=tuple(
            attrs.evolve(
                c,
                participants=tuple(map(ref, c.participants)),
                initiator=ref(c.initiator) if c.initiator else None,
            )
            for c in facts.calls
        ),
    )


def replicas(
    results: list[ExtractionResult], count: int, distinct: bool, words: bool = False
) -> list[ExtractionResult]:
    """``count`` articles' results, the examples' in turn (so the first ``n`` are those of
    ``n`` articles)."""
    return [
        replica(results[n % len(results)], n // len(results), distinct, words) for n in range(count)
    ]


def merge_seconds(results: list[ExtractionResult], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        name_tokens.cache_clear()  # every name as new as in the first merge
        fold_token.cache_clear()
        start = time.perf_counter()
        Corpus.from_results(results).data  # noqa: B018 (the data is merged when first asked for)
        times.append(time.perf_counter() - start)
    return min(times)


def queries(corpus: Corpus) -> dict[str, Callable[[], object]]:
    """Each query the issue names, on officials and visits that the corpus holds."""
    busiest = max(corpus.data.officials, key=lambda o: len(corpus.visits(visitor=o)))
    host = next(
        p for v in corpus.data.visits for m in v.meetings for p in m.participants if p != v.visitor
    )
    return {
        "country pair (timeline PK-IR)": lambda: corpus.timeline(("PK", "IR")),
        "visits by route and date range": lambda: corpus.visits(
            origin="PK", destination="IR", between=("2019-01", "2019-12")
        ),
        "visits in a date range": lambda: corpus.visits(between=("2018-07-01", "2018-07-31")),
        "official by name": lambda: corpus.officials(name=busiest.name),
        "visits of an official": lambda: corpus.visits(visitor=busiest),
        "meetings of an official": lambda: corpus.meetings(participant=host),
        "all meetings": lambda: corpus.meetings(),
        "profile": lambda: corpus.profile(busiest),
        "statements of an official": lambda: corpus.statements(speaker=busiest),
        "agreements between two countries": lambda: corpus.agreements(parties=["PK", "IR"]),
    }


def found(answer: object) -> int:
    """How many records a query found (a profile: its visits, statements and agreements)."""
    if isinstance(answer, Profile):
        return (
            len(answer.visits_made + answer.visits_hosted)
            + len(answer.statements)
            + len(answer.agreements)
        )
    assert isinstance(answer, list)
    return len(answer)


def first_seconds(query: Callable[[], object]) -> float:
    """The first run of a query, which makes the records it reads once for all."""
    start = time.perf_counter()
    query()
    return time.perf_counter() - start


def median_seconds(query: Callable[[], object], runs: int = 21) -> float:
    query()  # what the query reads is made on the first run
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        query()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="merges per size, best kept")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=SIZES, help="numbers of articles merged"
    )
    args = parser.parse_args()
    sizes = tuple(args.sizes)
    examples = [bilateral.extract_document(d) for d in bilateral.examples()]
    figures: dict[str, Any] = {"repeat": args.repeat, "examples": len(examples)}
    largest: dict[str, list[ExtractionResult]] = {}
    for way, (distinct, words) in WAYS.items():
        largest[way] = replicas(examples, sizes[-1], distinct, words)
        rows = {}
        for size in sizes:
            seconds = merge_seconds(largest[way][:size], args.repeat)
            rows[size] = {"seconds": round(seconds, 3), "us_per_article": seconds / size * 1e6}
            print(f"{way:>31} {size:>7,} articles: {seconds:7.3f} s", flush=True)
        for row in rows.values():
            row["ratio_to_1k"] = round(row["us_per_article"] / rows[sizes[0]]["us_per_article"], 2)
            row["us_per_article"] = round(row["us_per_article"], 1)
        figures[way] = rows
    label = f"{sizes[-1] // 1000}k"
    for way, results in largest.items():
        corpus = Corpus.from_results(results)
        figures[f"{label} {way}: corpus"] = repr(corpus)
        start = time.perf_counter()
        corpus.official("")  # the indexes built
        figures[f"{label} {way}: indexes built, seconds"] = round(time.perf_counter() - start, 3)
        asked = queries(corpus)
        figures[f"{label} {way}: first query ms"] = {
            name: round(first_seconds(query) * 1000, 3) for name, query in asked.items()
        }
        figures[f"{label} {way}: query ms"] = {
            name: round(median_seconds(query) * 1000, 3) for name, query in asked.items()
        }
        figures[f"{label} {way}: records found"] = {
            name: found(query()) for name, query in asked.items()
        }
        parts = [Corpus.from_results(results[n::8]) for n in range(8)]
        start = time.perf_counter()
        merged = functools.reduce(Corpus.merge, parts)
        merged.data  # noqa: B018
        figures[f"{label} {way}: 8 partial corpora merged, seconds"] = round(
            time.perf_counter() - start, 3
        )
        assert merged == corpus
    print(json.dumps(figures, indent=2))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(figures, out, indent=2)
            out.write("\n")


if __name__ == "__main__":
    main()
