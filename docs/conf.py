"""Sphinx configuration. Figures, the accuracy table and the CLI reference are generated at
build time by the library's own code into ``_generated/``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "src"))

project = "bilateral"
author = "the bilateral developers"
copyright = "2026, the bilateral developers"
extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.viewcode"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "_generated"]
html_theme = "furo"
html_title = "bilateral"
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3
autodoc_typehints = "description"
autodoc_member_order = "bysource"
autodoc_default_options = {"members": True}
suppress_warnings = ["myst.xref_missing"]


def _generate(app: object) -> None:
    import bilateral
    from bilateral.output.accuracy import KINDS, score
    from bilateral.output.cli import _parser
    from bilateral.output.figures import meetings_figure, timeline_figure

    out = HERE / "_generated"
    out.mkdir(exist_ok=True)
    results = [bilateral.extract_document(d) for d in bilateral.examples()]
    corpus = bilateral.Corpus.from_results(results)
    timeline_figure(corpus, out / "timeline.png")
    meetings_figure(corpus, out / "meetings.png")

    tallies = score(results, HERE.parent / "evaluation")
    rows = [
        "| kind | precision | recall | F1 | found right / wrong / missed |",
        "|---|---|---|---|---|",
    ]
    for kind in KINDS:
        t = tallies[kind]
        rows.append(
            f"| {kind} | {t.precision:.2f} | {t.recall:.2f} | {t.f1:.2f} | "
            f"{t.true_positives} / {t.false_positives} / {t.false_negatives} |"
        )
    (out / "accuracy.md").write_text("\n".join(rows) + "\n", encoding="utf-8")

    measured = json.loads((HERE.parent / "evaluation" / "results.json").read_text(encoding="utf-8"))
    kinds = (*KINDS, "calls")
    lines = [
        f"Measured at commit `{measured['commit']}` on {measured['date']}.",
        "",
        "| articles | n | " + " | ".join(kinds) + " | attribute accuracy | score |",
        "|---|---|" + "---|" * (len(kinds) + 2),
    ]
    for name, figures in measured["sets"].items():
        f1 = [f"{figures[k]['f1']:.2f}" if k in figures else "–" for k in kinds]
        lines.append(
            f"| {name} | {figures['articles']} | "
            + " | ".join(f1)
            + f" | {figures['attribute accuracy']:.2f} | {figures['score']:.3f} |"
        )
    (out / "corpora.md").write_text("\n".join(lines) + "\n", encoding="utf-8")

    figures = json.loads((HERE.parent / "benchmarks" / "results.json").read_text(encoding="utf-8"))
    lines = ["| measure | value |", "|---|---|"]
    lines += [f"| {key} | {value} |" for key, value in figures.items()]
    (out / "benchmark.md").write_text("\n".join(lines) + "\n", encoding="utf-8")

    transfer = json.loads(
        (HERE.parent / "benchmarks" / "transfer-results.json").read_text(encoding="utf-8")
    )
    lines = ["| two workers send back | seconds | speed-up over one process |", "|---|---|---|"]
    lines += [
        f"| {name} | {value['seconds']} | {value['speedup']} |"
        for name, value in transfer["two_workers"].items()
    ]
    (out / "transfer.md").write_text("\n".join(lines) + "\n", encoding="utf-8")

    merge = json.loads(
        (HERE.parent / "benchmarks" / "merge-results.json").read_text(encoding="utf-8")
    )
    ways = ("same trips", "distinct officials")
    lines = [
        "| articles | " + " | ".join(f"{w}: s | µs per article | to 1,000" for w in ways) + " |",
        "|---" * 7 + "|",
    ]
    for size in merge[ways[0]]:
        cells = [
            f"{r['seconds']} | {r['us_per_article']} | {r['ratio_to_1k']}"
            for r in (merge[w][size] for w in ways)
        ]
        lines.append(f"| {int(size):,} | " + " | ".join(cells) + " |")
    lines += ["", "| query on 64,000 articles, ms | " + " | ".join(ways) + " |", "|---|---|---|"]
    queries = {w: merge[f"64k {w}: query ms"] for w in ways}
    lines += [
        f"| {q} | " + " | ".join(str(queries[w][q]) for w in ways) + " |" for q in queries[ways[0]]
    ]
    lines += [
        "",
        "| on 64,000 articles | " + " | ".join(ways) + " |",
        "|---|---|---|",
        "| corpus | " + " | ".join(merge[f"64k {w}: corpus"] for w in ways) + " |",
        "| 8 partial corpora merged, s | "
        + " | ".join(str(merge[f"64k {w}: 8 partial corpora merged, seconds"]) for w in ways)
        + " |",
    ]
    (out / "merge.md").write_text("\n".join(lines) + "\n", encoding="utf-8")

    parser = _parser()
    sections = ["```text", parser.format_help().rstrip(), "```"]
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name, command in commands.items():
        sections += [
            "",
            f"## `bilateral {name}`",
            "",
            "```text",
            command.format_help().rstrip(),
            "```",
        ]
    (out / "cli.md").write_text("\n".join(sections) + "\n", encoding="utf-8")


def setup(app: object) -> None:
    app.connect("builder-inited", _generate)  # type: ignore[attr-defined]
