"""Extraction at scale on Dask (``pip install 'bilateral[dask]'``).

A Dask bag of file paths is extracted partition by partition (each partition streams through
:func:`bilateral.extract_many`), and the results are merged into one :class:`Corpus`. The
same code runs on the local scheduler or on a cluster (``dask.distributed``)::

    bag = extract_bag(paths, npartitions=64)
    corpus = corpus_from_bag(bag, scheduler="processes")
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from bilateral.corpus.corpus import Corpus
from bilateral.errors import BilateralError
from bilateral.facts import extract_many
from bilateral.mentions.lexicon import Lexicon
from bilateral.model import ExtractionResult


def _bag_module() -> Any:
    try:
        import dask.bag
    except ImportError as exc:
        raise BilateralError("Dask is needed: pip install 'bilateral[dask]'") from exc
    return dask.bag


def extract_partition(
    paths: Iterable[str], lexicon: Lexicon | None = None
) -> list[ExtractionResult]:
    """The results of one partition of article paths (unreadable files are skipped)."""
    return list(extract_many((Path(p) for p in paths), lexicon=lexicon, on_error=lambda _: None))


def extract_bag(
    paths: Sequence[str | Path], npartitions: int | None = None, lexicon: Lexicon | None = None
) -> Any:
    """A Dask bag of :class:`ExtractionResult`, one per readable file, in input order."""
    bag = _bag_module()
    files = [str(p) for p in paths]
    sequence = bag.from_sequence(files, npartitions=npartitions or max(1, min(len(files), 64)))
    return sequence.map_partitions(extract_partition, lexicon=lexicon)


def corpus_from_bag(
    results: Any, scheduler: str | None = None, lexicon: Lexicon | None = None
) -> Corpus:
    """Compute a bag of results and merge them into one corpus."""
    computed = results.compute(scheduler=scheduler) if scheduler else results.compute()
    return Corpus.from_results(computed, lexicon)
