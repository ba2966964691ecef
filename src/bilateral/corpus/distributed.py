"""Extraction at scale on Dask (``pip install 'bilateral[dask]'``).

A Dask bag of file paths is extracted partition by partition (each partition streams through
:func:`bilateral.extract_many`), and the results are merged into one :class:`Corpus` on the
workers: each partition's results become a corpus, the partial corpora are merged in a tree
(:meth:`Corpus.merge`), and the last worker merges the facts, so that only the merged corpus
comes back to the calling process. The same code runs on the local scheduler or on a cluster
(``dask.distributed``)::

    bag = extract_bag(paths, npartitions=64)
    corpus = corpus_from_bag(bag, scheduler="processes")
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial, reduce
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
    results: Any,
    scheduler: str | None = None,
    lexicon: Lexicon | None = None,
    split_every: int | None = None,
) -> Corpus:
    """Merge a bag of results into one corpus on the workers (``split_every`` partial corpora
    at a time, Dask's default when None), equal to :meth:`Corpus.from_results` of them all."""
    reduced = results.reduction(
        partial(Corpus.from_results, lexicon=lexicon), _merged, split_every=split_every
    ).apply(_with_data)
    corpus: Corpus = reduced.compute(scheduler=scheduler) if scheduler else reduced.compute()
    return corpus


def _merged(corpora: Iterable[Corpus]) -> Corpus:
    return reduce(Corpus.merge, corpora)


def _with_data(corpus: Corpus) -> Corpus:
    """The corpus with its facts merged, where this runs (a worker)."""
    corpus.data  # noqa: B018 (merged when first asked for)
    return corpus
