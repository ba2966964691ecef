"""Many articles at once: in order, the same as one by one, on processes and on Dask."""

import ast
import itertools
import multiprocessing
import os
import pickle
import time
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import bilateral
from bilateral import InvalidDataError, UnreadableArticleError
from bilateral.corpus import Corpus
from bilateral.corpus.distributed import corpus_from_bag, extract_bag
from bilateral.facts.pool import IN_FLIGHT_PER_WORKER
from bilateral.mentions.lexicon import default_lexicon


@pytest.fixture(scope="module")
def paths(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("articles")
    found = []
    for document in bilateral.examples():
        path = folder / f"{document.id}.txt"
        path.write_text(document.text, encoding="utf-8")
        found.append(path)
    return found


def sequential(paths: list[Path]) -> list[bilateral.ExtractionResult]:
    return [bilateral.extract_document(bilateral.read_document(p)) for p in paths]


def test_two_workers_give_the_sequential_results_in_order(paths: list[Path]) -> None:
    items = paths * 3
    parallel = list(bilateral.extract_many(items, workers=2, chunksize=2))
    assert parallel == sequential(items)


@pytest.mark.parametrize("workers", [1, 2])
def test_items_are_read_as_results_are_taken(workers: int) -> None:
    """A stream of any length: only a few chunks are read ahead of the results taken."""
    taken = 0

    def endless() -> Iterator[str]:
        nonlocal taken
        for number in range(100_000):  # finite: a reader of all of it fails, not hangs
            taken += 1
            yield f"TEHRAN: The minister arrived on Monday, visit number {number}."

    results = bilateral.extract_many(endless(), workers=workers, chunksize=2)
    first = list(itertools.islice(results, 3))
    assert [r.article.raw for r in first] == [
        f"TEHRAN: The minister arrived on Monday, visit number {n}." for n in range(3)
    ]
    in_flight = workers * IN_FLIGHT_PER_WORKER if workers > 1 else 1  # chunks of 2 items
    assert taken <= 2 * (in_flight + 1)  # and the chunk whose results are being taken


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="only forked workers share memory"
)
def test_forked_workers_inherit_a_lexicon_made_ready_once(paths: list[Path]) -> None:
    lexicon = attrs.evolve(default_lexicon(), cache={})
    results = list(bilateral.extract_many(paths, workers=2, lexicon=lexicon))
    assert results == sequential(paths)
    # this process compiled the patterns for the workers, and extracted nothing itself
    assert "office" in lexicon._cache


def test_no_workers_or_empty_chunks_are_refused() -> None:
    for arguments in ({"workers": 0}, {"chunksize": 0}):
        with pytest.raises(ValueError, match=f"{next(iter(arguments))} must be at least 1"):
            bilateral.extract_many(["TEHRAN: talks."], **arguments)  # when called


def test_errors_cross_process_boundaries_whole() -> None:
    for error in (UnreadableArticleError("a.txt", "missing"), InvalidDataError("t", "r", "bad")):
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error) and str(copy) == str(error)
        assert vars(copy) == vars(error)


def test_outputs_made_in_the_workers_are_those_of_the_results(paths: list[Path]) -> None:
    items = [*paths, paths[0].parent / "missing.txt", *paths]
    errors: list[UnreadableArticleError] = []
    lines = bilateral.extract_many_as(
        items, bilateral.to_json, workers=2, chunksize=3, on_error=errors.append
    )
    assert list(lines) == [bilateral.to_json(r) for r in sequential(paths * 2)]
    assert len(errors) == 1 and "missing.txt" in str(errors[0])


def test_mixed_items_and_unreadable_files(paths: list[Path], tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    errors: list[UnreadableArticleError] = []
    items = [paths[0], missing, "TEHRAN: Gen Bajwa arrived in Tehran.", bilateral.examples()[1]]
    found = list(bilateral.extract_many(items, on_error=errors.append))
    assert [r.article.id for r in found][0::2] == ["seed-000", "seed-001"]
    assert len(found) == 3 and len(errors) == 1 and "missing.txt" in str(errors[0])
    with pytest.raises(UnreadableArticleError):
        list(bilateral.extract_many([missing]))


def test_dask_recipe_builds_the_sequential_corpus(paths: list[Path]) -> None:
    bag = extract_bag(paths, npartitions=3)
    assert corpus_from_bag(bag, scheduler="threads") == Corpus.from_results(sequential(paths))


def test_two_worker_processes_of_a_local_cluster_merge_the_corpus(paths: list[Path]) -> None:
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        corpus = corpus_from_bag(extract_bag(paths, npartitions=len(paths)), split_every=2)
    assert "data" in vars(corpus)  # merged on a worker: the facts came back merged
    assert corpus == Corpus.from_results(sequential(paths))


def test_workers_are_reached_through_public_interfaces_only() -> None:
    """No private attribute of the standard library's objects (``pool._processes``)."""
    source = Path(__file__).parent.parent / "src" / "bilateral" / "facts" / "pool.py"
    tree = ast.parse(source.read_text(encoding="utf-8"))  # compiled, the module has no source
    private = [
        f"{ast.unparse(node)} (line {node.lineno})"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr.startswith("_")
        and not node.attr.startswith("__")
    ]
    assert private == []


def test_results_no_longer_read_end_every_worker_at_once() -> None:
    texts = [document.text for document in bilateral.examples()] * 40
    results = bilateral.extract_many(texts, workers=2, chunksize=1)
    next(results)
    workers = [child.pid for child in multiprocessing.active_children()]
    assert len(workers) == 2
    results.close()  # the caller stops reading: the workers end, their queued work undone
    deadline = time.monotonic() + 10
    while (alive := [pid for pid in workers if _exists(pid)]) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert alive == []


def _exists(pid: int | None) -> bool:
    """Whether a process is there (``is_alive`` may say so of one two threads waited for)."""
    assert pid is not None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
