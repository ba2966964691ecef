r"""Extraction throughput on the bundled examples (not part of the tests).

    python benchmarks/throughput.py [--megabytes 5] [--repeat 3] [--json out.json]

Prints MB/s, articles/s and sentences/s of full extraction on the examples replicated to
the given size, the time against input size at 1, 2, 4 and 8 MB, the speed-up of two worker
processes over one (for results, and for JSON lines made in the workers, as the command line
writes them), the time of ``import bilateral``, and the time of the first article, which
compiles the patterns (the rates are measured after it); the first-result latency of a fresh
process (from its start to the first article's result: interpreter, import, lexicons,
patterns and the extraction, median of five); and the time of full extraction as a multiple
of one ``\w+`` ``re.finditer`` pass over the same text. Each time is the best of ``--repeat``
runs: on a shared machine, other work only ever slows a run down. The runs are interleaved
(5 MB on one worker, on two, as JSON lines on one and on two, then 1, 2, 4 and 8 MB, then
again), so that a slow spell of the machine does not fall on every run of one measure.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time

import bilateral
from bilateral.text import Document


def batch(megabytes: float) -> list[Document]:
    """The examples repeated (with distinct ids) until they reach ``megabytes``."""
    examples = bilateral.examples()
    documents: list[Document] = []
    size = 0
    while size < megabytes * 1_000_000:
        for document in examples:
            documents.append(Document(f"{document.id}-{len(documents)}", document.text))
            size += len(document.text.encode("utf-8"))
    return documents


def run(documents: list[Document], workers: int = 1) -> tuple[float, int]:
    start = time.perf_counter()
    sentences = sum(
        len(r.article.sentences) for r in bilateral.extract_many(documents, workers=workers)
    )
    return time.perf_counter() - start, sentences


def run_json(documents: list[Document], workers: int) -> float:
    """Seconds to the JSON line of each article, made where it is extracted (as the CLI does)."""
    start = time.perf_counter()
    for _ in bilateral.extract_many_as(documents, bilateral.to_json, workers=workers):
        pass
    return time.perf_counter() - start


def import_time() -> float:
    code = "import time; t = time.perf_counter(); import bilateral; print(time.perf_counter() - t)"
    times = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(5)
    ]
    return sorted(times)[len(times) // 2]


def first_result() -> dict[str, float]:
    """Seconds from a fresh process's start to its first result, and the part of it spent
    importing, loading the lexicons and extracting the first article (median of five)."""
    code = (
        "import time; t0 = time.perf_counter(); import bilateral; t1 = time.perf_counter(); "
        "bilateral.extract_document(bilateral.examples()[0]); t2 = time.perf_counter(); "
        "print(t1 - t0, t2 - t1)"
    )
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        total = time.perf_counter() - start
        imported, extracted = map(float, out.split())
        runs.append((total, imported, extracted))
    runs.sort()
    total, imported, extracted = runs[len(runs) // 2]
    return {
        "process_start_to_first_result": round(total, 3),
        "import": round(imported, 3),
        "first_article_after_import": round(extracted, 3),
    }


def word_pass_seconds(documents: list[Document], repeat: int) -> float:
    """The best time of one ``\\w+`` ``re.finditer`` pass over every document's text."""
    word = re.compile(r"\w+")
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for document in documents:
            for _match in word.finditer(document.text):
                pass
        best = min(best, time.perf_counter() - start)
    return best


def arguments(description: str | None) -> argparse.Namespace:
    """The benchmarks' options: ``--megabytes``, ``--repeat`` and ``--json``."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--repeat", type=int, default=3, help="runs per measure, best kept")
    parser.add_argument("--json", help="also write the figures to this file")
    return parser.parse_args()


def main() -> None:
    args = arguments(__doc__)
    start = time.perf_counter()
    bilateral.extract_document(bilateral.examples()[0])  # compiles the patterns
    first_article = time.perf_counter() - start

    documents = batch(args.megabytes)
    size = sum(len(d.text.encode("utf-8")) for d in documents) / 1_000_000
    sizes = (1, 2, 4, 8)
    batches = {megabytes: batch(megabytes) for megabytes in sizes}
    seconds, two, sentences = float("inf"), float("inf"), 0
    json_seconds = {1: float("inf"), 2: float("inf")}
    scaling = dict.fromkeys(sizes, float("inf"))
    for _ in range(args.repeat):  # rounds of every measure, best of each kept
        taken, sentences = run(documents)
        seconds = min(seconds, taken)
        two = min(two, run(documents, workers=2)[0])
        for workers in json_seconds:
            json_seconds[workers] = min(json_seconds[workers], run_json(documents, workers))
        for megabytes in sizes:
            scaling[megabytes] = min(scaling[megabytes], run(batches[megabytes])[0])
    report: dict[str, object] = {
        "repeat": args.repeat,
        "first_article_seconds": round(first_article, 3),
        "megabytes": round(size, 2),
        "articles": len(documents),
        "sentences": sentences,
        "seconds": round(seconds, 2),
        "mb_per_s": round(size / seconds, 3),
        "articles_per_s": round(len(documents) / seconds, 1),
        "sentences_per_s": round(sentences / seconds, 1),
    }
    header = ("MB", "articles", "sentences", "s", "MB/s", "art/s", "sent/s")
    print(" ".join(f"{h:>9}" for h in header))
    print(
        f"{size:>9.2f} {len(documents):>9} {sentences:>9} {seconds:>9.2f} "
        f"{report['mb_per_s']:>9} {report['articles_per_s']:>9} {report['sentences_per_s']:>9}"
    )

    print("\nsize    seconds  s/MB")
    for megabytes, taken in scaling.items():
        print(f"{megabytes:>2} MB  {taken:>8.2f}  {taken / megabytes:.3f}")
    report["scaling_seconds"] = scaling
    report["8mb_over_8x1mb"] = round(scaling[8] / (8 * scaling[1]), 3)
    print(f"time at 8 MB / (8 x time at 1 MB): {report['8mb_over_8x1mb']}")

    report["speedup_2_workers"] = round(seconds / two, 2)
    print(f"\n1 worker {seconds:.2f} s, 2 workers {two:.2f} s: speed-up {seconds / two:.2f}x")
    one_json, two_json = json_seconds[1], json_seconds[2]
    report["json_lines_seconds"] = {str(w): round(t, 2) for w, t in json_seconds.items()}
    report["speedup_2_workers_json_lines"] = round(one_json / two_json, 2)
    print(
        f"JSON lines made in the workers: 1 worker {one_json:.2f} s, 2 workers "
        f"{two_json:.2f} s: speed-up {one_json / two_json:.2f}x"
    )
    print(f"first article (patterns compiled on first use): {first_article:.2f} s")
    report["import_seconds"] = round(import_time(), 3)
    print(f"import bilateral: {report['import_seconds']} s")
    words = word_pass_seconds(documents, args.repeat)
    report["word_pass_seconds"] = round(words, 3)
    report["extraction_over_word_pass"] = round(seconds / words, 1)
    print(f"one \\w+ finditer pass: {words:.3f} s; extraction takes {seconds / words:.1f} passes")
    report["first_result_seconds"] = first_result()
    print(f"first result of a fresh process: {report['first_result_seconds']}")
    marks = sys.modules["bilateral.mentions.marks"].__file__ or ""
    report["compiled"] = not marks.endswith(".py")  # the mypyc install, or plain Python
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(report, handle, indent=2)


if __name__ == "__main__":
    main()
