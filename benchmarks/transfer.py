"""What sending results back costs two worker processes (not part of the tests).

    python benchmarks/transfer.py [--megabytes 5] [--repeat 3] [--json out.json]

Two workers extract the examples replicated to the given size, and send back, for each
article:

- nothing (``None``): what extraction alone gains from a second process;
- the size of the result pickled: the workers pay for pickling, the calling process for
  nothing;
- the result itself (``extract_many``): pickled, sent and unpickled;
- its JSON line (``extract_many_as``, as the command line does).

Each speed-up is over one process making the results (or the JSON lines) without a pool. Each
time is the best of ``--repeat`` interleaved runs.
"""

from __future__ import annotations

import json
import pickle
import time
from collections.abc import Callable

from throughput import arguments, batch

import bilateral
from bilateral.model import ExtractionResult
from bilateral.text import Document


def nothing(_result: ExtractionResult) -> None:
    return None


def pickled_size(result: ExtractionResult) -> int:
    return len(pickle.dumps(result, pickle.HIGHEST_PROTOCOL))


def as_it_is(result: ExtractionResult) -> ExtractionResult:
    return result


SENT_BACK: dict[str, Callable[[ExtractionResult], object]] = {
    "nothing": nothing,
    "pickled size": pickled_size,
    "results": as_it_is,
    "JSON lines": bilateral.to_json,
}


def seconds(
    documents: list[Document], convert: Callable[[ExtractionResult], object], workers: int
) -> float:
    start = time.perf_counter()
    for _ in bilateral.extract_many_as(documents, convert, workers=workers):
        pass
    return time.perf_counter() - start


def main() -> None:
    args = arguments(__doc__)
    bilateral.extract_document(bilateral.examples()[0])  # compiles the patterns
    documents = batch(args.megabytes)
    one = {"results": float("inf"), "JSON lines": float("inf")}
    two = dict.fromkeys(SENT_BACK, float("inf"))
    for _ in range(args.repeat):
        for name in one:
            one[name] = min(one[name], seconds(documents, SENT_BACK[name], 1))
        for name, convert in SENT_BACK.items():
            two[name] = min(two[name], seconds(documents, convert, 2))
    speedups: dict[str, dict[str, float]] = {}
    print(f"one process: results {one['results']:.2f} s, JSON lines {one['JSON lines']:.2f} s")
    print(f"{'two workers sending back':<26} {'s':>6} {'speed-up':>9}")
    for name, taken in two.items():
        baseline = one["JSON lines" if name == "JSON lines" else "results"]
        speedups[name] = {"seconds": round(taken, 2), "speedup": round(baseline / taken, 2)}
        print(f"{name:<26} {taken:>6.2f} {baseline / taken:>8.2f}x")
    if args.json:
        report = {
            "megabytes": args.megabytes,
            "repeat": args.repeat,
            "one_process_seconds": {name: round(taken, 2) for name, taken in one.items()},
            "two_workers": speedups,
        }
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(report, handle, indent=2)


if __name__ == "__main__":
    main()
