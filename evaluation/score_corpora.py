"""Score the library on the shared corpus (beside the checkout, not shipped) and on the
articles written for this project (``evaluation/written``), with the shared ``score.py``;
write the figures, with the commit they were measured at, to ``evaluation/results.json``,
which the docs' accuracy page shows.

Run from the checkout: ``python evaluation/score_corpora.py [--shared ../shared]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
COMMAND = f"{sys.executable} -m bilateral extract --format jsonl"
_ROW = re.compile(r"^(?P<kind>\w+|\(calls\))\s+(?P<p>[\d.]+)\s+(?P<r>[\d.]+)\s+(?P<f1>[\d.]+)\s")


# the written sets, in the order they were written
_WRITTEN_SETS = (
    ("written", ""),
    ("written2", ", second set"),
    ("written3", ", third set"),
    ("written4", ", fourth set"),
    ("written5", ", fifth set"),
    ("written6", ", sixth set"),
    ("written7", ", seventh set"),
)


def sets(shared: Path) -> dict[str, list[Path]]:
    """The sets scored: the shared corpus whole and in its two parts, and the written ones."""
    corpus = shared / "corpus"
    golds = sorted(corpus.glob("*.gold.json"))
    other_pairs = [g for g in golds if re.match(r"dev-0(1[4-9]|2\d)\.", g.name)]
    return {
        "shared corpus, all": golds,
        "shared corpus, other country pairs (dev-014..025)": other_pairs,
        "shared corpus, home genre (seed, dev-001..013)": [
            g for g in golds if g not in other_pairs
        ],
        **{
            f"written for the project{ordinal} (evaluation/{folder})": sorted(
                (HERE / folder).glob("*.gold.json")
            )
            for folder, ordinal in _WRITTEN_SETS
        },
    }


def score(score_py: Path, golds: list[Path]) -> dict[str, object]:
    """score.py's figures for these articles: per kind, attribute accuracy and the score."""
    with tempfile.TemporaryDirectory() as folder:
        for gold in golds:
            article = gold.with_name(gold.name.replace(".gold.json", ".txt"))
            for path in (gold, article):
                (Path(folder) / path.name).symlink_to(path)
        out = subprocess.run(
            [sys.executable, str(score_py), folder, "--cmd", COMMAND],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
    figures: dict[str, object] = {"articles": len(golds)}
    for line in out.splitlines():
        if row := _ROW.match(line):
            figures[row["kind"].strip("()")] = {k: float(row[k]) for k in ("p", "r", "f1")}
        elif line.startswith(("attribute accuracy:", "score:")):
            key, value = line.split(":")
            figures[key.strip()] = float(value)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    args = parser.parse_args()
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    results = {
        "commit": commit,
        "date": dt.date.today().isoformat(),
        "sets": {
            name: score(args.shared / "eval" / "score.py", golds)
            for name, golds in sets(args.shared).items()
            if golds
        },
    }
    (HERE / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
