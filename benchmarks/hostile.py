"""Time and memory of extraction on hostile inputs of growing size (not part of the tests).

    python benchmarks/hostile.py [--sizes 1,4] [--kinds ...] [--repeat 3] [--json out.json]

Each measurement runs in a fresh process, the sizes of a kind in turn, ``--repeat`` times:
the shortest time of each size counts (a machine shared with other work slows some runs). It
prints seconds per MB and peak memory as a
multiple of the input size, and the ratio of the time at each size to the time at the size
before it (4.0 for sizes 1 and 4 is linear time), then a table per kind: the sentences read
at the first size, the time ratio of the last size to the first, and peak memory against
input size at the last size. The JSON report holds the same, with whether the installed
package was compiled with mypyc.

The shapes of issue 20 and the kinds that have them (SHAPES): punctuation runs, quote and
bracket runs, long names, date phrases, one huge paragraph, many short lines, and past 1,000
sentences (every kind of many sentences has tens of thousands at 1 MB).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from itertools import pairwise

KINDS = {
    "no-spaces": "one line of letters without a space",
    "brackets": "nested brackets",
    "titles": "a thousand-fold repeated title: Gen Gen Gen ...",
    "quotes": "unbalanced opening quotes in every sentence",
    "dots": "one run of full stops inside a sentence",
    "marks": "one run of ?, ! and … inside a sentence",
    "quote-runs": "runs of quotes inside sentences",
    "bracket-runs": "runs of brackets inside sentences",
    "names": "one long run of capitalised names",
    "dates": "date phrases, sentence after sentence",
    "paragraph": "one huge paragraph of ordinary sentences",
    "sentences": "one paragraph of thousands of short sentences",
    "short-lines": "short lines, each its own",
    "article": "real article paragraphs repeated under one dateline",
}
SHAPES = {
    "punctuation runs": ["dots", "marks"],
    "quote and bracket runs": ["quote-runs", "bracket-runs", "quotes", "brackets"],
    "long names": ["names", "titles"],
    "date phrases": ["dates"],
    "one huge paragraph": ["paragraph", "no-spaces"],
    "many short lines": ["short-lines"],
    "more than 1000 sentences": ["sentences", "article"],
}
OPENING = "Pakistan and Iran hold talks\n\nISLAMABAD: "


def make(kind: str, size: int) -> str:
    """About ``size`` characters of hostile input of one kind."""
    if kind == "no-spaces":
        unit = "abcdefghij"
    elif kind == "brackets":
        unit = "(" * 5000 + ")" * 5000
    elif kind == "titles":
        unit = "Gen Maj Gen Lt Gen President Minister "
    elif kind == "quotes":
        unit = "“Gen Bajwa met Zarif on Monday. He said the talks went well. "
    elif kind in ("dots", "marks"):
        run = ("." if kind == "dots" else "?!…") * (size // (1 if kind == "dots" else 3))
        return OPENING + "He said that he would come back later" + run + " and left."
    elif kind == "quote-runs":
        return OPENING + _sentences(size, "Ali said " + "'" * 30 + "”" * 30 + " then. ")
    elif kind == "bracket-runs":
        return OPENING + _sentences(size, "Ali said " + ")" * 30 + "(" * 30 + " then. ")
    elif kind == "names":
        return OPENING + _sentences(size, "Qamar Javed Bajwa Hassan Rouhani Javad Zarif ") + "."
    elif kind == "dates":
        unit = "He came on Monday (Nov. 6), from March 25 to 26, 2019 and on October 13th, 2021. "
        return OPENING + _sentences(size, unit)
    elif kind == "paragraph":
        unit = "Gen Qamar Javed Bajwa met Foreign Minister Javad Zarif in Tehran on Monday. "
        return OPENING + _sentences(size, unit)
    elif kind == "sentences":
        return OPENING + _sentences(size, "Ali met Khan in Tehran. ")
    elif kind == "short-lines":
        count = size // 30
        return OPENING + "".join(f"Gen Ali met Khan on day {i}.\n" for i in range(count))
    else:
        import bilateral
        from bilateral.article import read_article

        paragraphs = []
        for document in bilateral.examples():
            article, _ = read_article(document.text, document.id)
            paragraphs.extend(p.text for p in article.paragraphs)
        unit = "\n\n".join(paragraphs) + "\n\n"
        return ("ISLAMABAD: " + unit * (size // len(unit) + 1))[:size]
    return (unit * (size // len(unit) + 1))[:size]


def _sentences(size: int, unit: str) -> str:
    return unit * max(1, size // len(unit))


def measure(kind: str, megabytes: float) -> dict[str, float]:
    code = (
        "import sys, time, resource, bilateral\n"
        "sys.path.insert(0, 'benchmarks')\n"
        "from hostile import make\n"
        f"text = make({kind!r}, {int(megabytes * 1_000_000)})\n"
        "bilateral.extract_document(bilateral.examples()[0])  # compiles the patterns\n"
        "base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "start = time.perf_counter()\n"
        "result = bilateral.extract(text, 'h')\n"
        "elapsed = time.perf_counter() - start\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "from bilateral.facts import pipeline\n"
        "compiled = not pipeline.__file__.endswith('.py')\n"
        "print(elapsed, base, peak, len(result.article.sentences), len(text), compiled)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    elapsed, base, peak, sentences, chars, compiled = out.stdout.split()
    size_kib = int(chars) / 1024
    return {
        "seconds": float(elapsed),
        "seconds_per_mb": float(elapsed) / megabytes,
        "memory_x_input": (float(peak) - float(base)) / size_kib,
        "peak_mib": float(peak) / 1024,
        "characters": int(chars),
        "sentences": int(sentences),
        "compiled": compiled == "True",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1,4", help="sizes in MB, comma-separated")
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of each size; the fastest counts"
    )
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    report: dict[str, dict[str, dict[str, float]]] = {}
    summary: dict[str, dict[str, float]] = {}
    print(f"{'kind':<13} {'MB':>5} {'s':>8} {'s/MB':>8} {'mem/input':>10}")
    for kind in args.kinds.split(","):
        report[kind] = {}
        for _ in range(args.repeat):
            for megabytes in sizes:
                figures = measure(kind, megabytes)
                best = report[kind].get(f"{megabytes:g}")
                if best is None or figures["seconds"] < best["seconds"]:
                    report[kind][f"{megabytes:g}"] = figures
        for megabytes in sizes:
            figures = report[kind][f"{megabytes:g}"]
            print(
                f"{kind:<13} {megabytes:>5g} {figures['seconds']:>8.2f} "
                f"{figures['seconds_per_mb']:>8.3f} {figures['memory_x_input']:>10.1f}"
            )
        timed = [(float(size), f["seconds"]) for size, f in report[kind].items()]
        ratios = ", ".join(
            f"{b / max(a, 1e-9):.2f} ({big:g} MB / {small:g} MB)"
            for (small, a), (big, b) in pairwise(timed)
        )
        print(f"{kind:<13} time ratio: {ratios}")
        first, last = report[kind][f"{sizes[0]:g}"], report[kind][f"{sizes[-1]:g}"]
        summary[kind] = {
            "sentences_at_first_size": first["sentences"],
            "time_ratio_last_to_first": last["seconds"] / max(first["seconds"], 1e-9),
            "size_ratio_last_to_first": last["characters"] / first["characters"],
            "memory_x_input_at_last_size": last["memory_x_input"],
        }
    print(f"\n{'kind':<13} {'sentences':>10} {'ratio':>6} {'mem/input':>10}")
    for kind, row in summary.items():
        print(
            f"{kind:<13} {row['sentences_at_first_size']:>10.0f} "
            f"{row['time_ratio_last_to_first']:>6.2f} {row['memory_x_input_at_last_size']:>10.2f}"
        )
    if args.json:
        compiled = all(f["compiled"] for sizes_of in report.values() for f in sizes_of.values())
        document = {
            "compiled": compiled,
            "sizes_mb": sizes,
            "repeat": args.repeat,
            "shapes": {shape: kinds for shape, kinds in SHAPES.items()},
            "summary": summary,
            "kinds": report,
        }
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(document, handle, indent=2)


if __name__ == "__main__":
    main()
