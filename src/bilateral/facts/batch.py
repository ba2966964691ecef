"""Extraction of many articles: in order, streaming, on several processes.

``extract_many`` keeps at most a few chunks per worker in flight, so memory stays bounded
however many files there are, and yields results in input order. ``extract_many_as`` yields
what a function makes of each result, made where the article is extracted.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, TimeoutError
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from multiprocessing.process import BaseProcess
from multiprocessing.queues import SimpleQueue
from pathlib import Path
from typing import Final, TypeVar

from attrs import evolve

from bilateral.errors import UnreadableArticleError
from bilateral.facts.pipeline import extract_document
from bilateral.mentions.lexicon import Lexicon
from bilateral.model import ExtractionResult
from bilateral.text import Document, examples, read_document
from bilateral.text.documents import text_id

Item = Document | str | Path
IN_FLIGHT_PER_WORKER: Final = 4
WORKER_CHECK_SECONDS: Final = 1.0  # how often a wait for results checks that the workers live
T = TypeVar("T")

_worker_lexicon: Lexicon | None = None


def extract_many(
    items: Iterable[Item],
    *,
    workers: int = 1,
    chunksize: int = 8,
    lexicon: Lexicon | None = None,
    on_error: Callable[[UnreadableArticleError], None] | None = None,
) -> Iterator[ExtractionResult]:
    """:func:`bilateral.facts.api.extract_many`, compiled."""
    return extract_many_as(
        items, _as_it_is, workers=workers, chunksize=chunksize, lexicon=lexicon, on_error=on_error
    )


def extract_many_as(
    items: Iterable[Item],
    convert: Callable[[ExtractionResult], T],
    *,
    workers: int = 1,
    chunksize: int = 8,
    lexicon: Lexicon | None = None,
    on_error: Callable[[UnreadableArticleError], None] | None = None,
) -> Iterator[T]:
    """:func:`bilateral.facts.api.extract_many_as`, compiled."""
    for name, value in (("workers", workers), ("chunksize", chunksize)):
        if value < 1:
            raise ValueError(f"{name} must be at least 1, not {value!r}")
    return _results(_outcomes(items, convert, workers, chunksize, lexicon), on_error)


def _as_it_is(result: ExtractionResult) -> ExtractionResult:
    return result


def _results(
    outcomes: Iterator[T | UnreadableArticleError],
    on_error: Callable[[UnreadableArticleError], None] | None,
) -> Iterator[T]:
    """The outputs; each unreadable article raised, or passed to ``on_error``."""
    for outcome in outcomes:
        if isinstance(outcome, UnreadableArticleError):
            if on_error is None:
                raise outcome
            on_error(outcome)
        else:
            yield outcome


def _outcomes(
    items: Iterable[Item],
    convert: Callable[[ExtractionResult], T],
    workers: int,
    chunksize: int,
    lexicon: Lexicon | None,
) -> Iterator[T | UnreadableArticleError]:
    chunks = _chunks(items, chunksize)
    if workers == 1:
        for chunk in chunks:
            yield from _run_chunk(chunk, convert, lexicon)
        return
    context = multiprocessing.get_context()
    shared = _for_workers(lexicon, context.get_start_method())
    started: SimpleQueue[int] = context.SimpleQueue()  # each worker's process id, as it starts
    before = {child.pid for child in multiprocessing.active_children()}
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_start_worker,
        initargs=(shared, started),
    )  # fmt: skip
    try:
        pending: deque[Future[list[T | UnreadableArticleError]]] = deque()
        seen: dict[int | None, BaseProcess] = {}
        for chunk in chunks:
            pending.append(pool.submit(_worker_chunk, chunk, convert))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield from _result(pending.popleft(), seen, started, before, workers)
        while pending:
            yield from _result(pending.popleft(), seen, started, before, workers)
    except BaseException:  # interrupted, terminated, a worker killed, or no longer read
        # not shutdown(wait=True): the pool's thread may wait for ever on what a killed
        # worker left half written
        _stop(pool, _workers(started, before, workers))
        raise
    else:
        pool.shutdown(wait=True)
    finally:
        started.close()


def _result(
    future: Future[list[T | UnreadableArticleError]], seen: dict[int | None, BaseProcess],
    started: SimpleQueue[int], before: set[int | None], workers: int,
) -> list[T | UnreadableArticleError]:  # fmt: skip
    """The future's result, or :class:`BrokenProcessPool` as soon as a worker has died (the
    pool may not tell, when the worker died writing a result); ``seen`` keeps the workers
    met so far, whose exit codes tell."""
    while True:
        try:
            return future.result(timeout=WORKER_CHECK_SECONDS)
        except TimeoutError:
            seen.update((p.pid, p) for p in _workers(started, before, workers))
            if any(p.exitcode is not None for p in seen.values()):
                raise BrokenProcessPool("a worker process died") from None


def _workers(
    started: SimpleQueue[int], before: set[int | None], workers: int
) -> list[multiprocessing.process.BaseProcess]:
    """The pool's worker processes: the children started since the pool was made, when there
    are no more of them than the pool has workers (one still starting among them); else the
    children whose ids the workers sent as they started (another thread started processes)."""
    children = [c for c in multiprocessing.active_children() if c.pid not in before]
    if len(children) <= workers:
        return children
    ids = set()
    while not started.empty():
        ids.add(started.get())
    return [child for child in children if child.pid in ids]


def _stop(pool: ProcessPoolExecutor, processes: list[multiprocessing.process.BaseProcess]) -> None:
    """End the workers now, not once they have done what was sent to them; every one of them,
    or one left could wait for ever on a queue's lock a terminated one held."""
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join()


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _for_workers(lexicon: Lexicon | None, start_method: str | None) -> Lexicon | None:
    """The lexicon the workers are given. Forked workers inherit this process's memory: the
    lexicon (or the default one) is made ready here, its tables built and the patterns every
    article needs compiled by the extraction of an example, once rather than in each worker.
    Other workers are sent a copy without what it compiled, which would not pickle."""
    if start_method != "fork":
        return evolve(lexicon, cache={}) if lexicon is not None else None
    extract_document(examples()[0], lexicon)
    return lexicon


def _start_worker(lexicon: Lexicon | None, started: SimpleQueue[int]) -> None:
    global _worker_lexicon
    _worker_lexicon = lexicon
    started.put(os.getpid())
    # Ctrl-C reaches the whole process group: the caller stops the workers, which would
    # otherwise each print a traceback; they end on SIGTERM whatever handler they inherit
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # What a forked worker inherits (lexicons, compiled patterns) lives as long as it does:
    # frozen, it is not walked by every collection, nor copied page by page when it is.
    gc.freeze()


def _worker_chunk(
    chunk: list[Item], convert: Callable[[ExtractionResult], T]
) -> list[T | UnreadableArticleError]:
    return _run_chunk(chunk, convert, _worker_lexicon)


def _run_chunk(
    chunk: list[Item], convert: Callable[[ExtractionResult], T], lexicon: Lexicon | None
) -> list[T | UnreadableArticleError]:
    outcomes: list[T | UnreadableArticleError] = []
    for item in chunk:
        try:
            document = _document(item)
        except UnreadableArticleError as exc:
            outcomes.append(exc)
            continue
        outcomes.append(convert(extract_document(document, lexicon)))
    return outcomes


def _document(item: Item) -> Document:
    if isinstance(item, Document):
        return item
    if isinstance(item, Path):
        return read_document(item)
    return Document(text_id(item), item)
