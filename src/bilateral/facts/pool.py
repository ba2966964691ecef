"""Extraction on a pool of worker processes, at most a few chunks per worker in flight.

Imported only when more than one worker is asked for: a process that extracts alone does not
pay for loading the process machinery.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, TimeoutError
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.queues import SimpleQueue
from typing import Final, TypeVar

from attrs import evolve

from bilateral.errors import UnreadableArticleError
from bilateral.facts.chunks import Item, run_chunk
from bilateral.facts.pipeline import extract_document
from bilateral.mentions.lexicon import Lexicon
from bilateral.model import ExtractionResult
from bilateral.text import examples

IN_FLIGHT_PER_WORKER: Final = 4
WORKER_CHECK_SECONDS: Final = 1.0  # how often a wait for results checks that the workers live
T = TypeVar("T")

_worker_lexicon: Lexicon | None = None


def pooled_outcomes(
    chunks: Iterator[list[Item]],
    convert: Callable[[ExtractionResult], T],
    workers: int,
    lexicon: Lexicon | None,
) -> Iterator[T | UnreadableArticleError]:
    """The outcomes of the chunks, in order, extracted by ``workers`` processes."""
    context = multiprocessing.get_context()
    shared = _for_workers(lexicon, context.get_start_method())
    started: SimpleQueue[int] = context.SimpleQueue()  # each worker's process id, as it starts
    before = {child.pid for child in multiprocessing.active_children()}
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_start_worker,
        initargs=(shared, started),
    )  # fmt: skip
    ids: set[int] = set()  # the workers' process ids received so far
    try:
        pending: deque[Future[list[T | UnreadableArticleError]]] = deque()
        for chunk in chunks:
            pending.append(pool.submit(_worker_chunk, chunk, convert))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield from _result(pending.popleft(), started, ids)
        while pending:
            yield from _result(pending.popleft(), started, ids)
    except BaseException:  # interrupted, terminated, a worker killed, or no longer read
        # not shutdown(wait=True): the pool's thread may wait for ever on what a killed
        # worker left half written
        _stop(pool, _workers(started, ids, before, workers))
        raise
    else:
        pool.shutdown(wait=True)
    finally:
        started.close()


def _result(
    future: Future[list[T | UnreadableArticleError]], started: SimpleQueue[int], ids: set[int]
) -> list[T | UnreadableArticleError]:
    """The future's result, or :class:`BrokenProcessPool` as soon as a worker has died (the
    pool may not tell, when the worker died writing a result): a worker that has started is
    no longer among the living children (workers end only when the pool ends)."""
    while True:
        try:
            return future.result(timeout=WORKER_CHECK_SECONDS)
        except TimeoutError:
            alive = {child.pid for child in multiprocessing.active_children()}
            if _started(started, ids) - alive:
                raise BrokenProcessPool("a worker process died") from None


def _started(started: SimpleQueue[int], ids: set[int]) -> set[int]:
    """``ids`` with those the workers have sent since, as they started."""
    while not started.empty():
        ids.add(started.get())
    return ids


def _workers(
    started: SimpleQueue[int], ids: set[int], before: set[int | None], workers: int
) -> list[multiprocessing.process.BaseProcess]:
    """The pool's worker processes: the children started since the pool was made, when there
    are no more of them than the pool has workers (one still starting among them); else the
    children whose ids the workers sent as they started (another thread started processes)."""
    children = [c for c in multiprocessing.active_children() if c.pid not in before]
    if len(children) <= workers:
        return children
    return [child for child in children if child.pid in _started(started, ids)]


def _stop(pool: ProcessPoolExecutor, processes: list[multiprocessing.process.BaseProcess]) -> None:
    """End the workers now, not once they have done what was sent to them; every one of them,
    or one left could wait for ever on a queue's lock a terminated one held."""
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join()


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
    return run_chunk(chunk, convert, _worker_lexicon)
