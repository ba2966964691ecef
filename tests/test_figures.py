"""The figures of the documentation (output/figures.py)."""

from pathlib import Path
from typing import Any

import pytest

import bilateral
from bilateral.output.figures import meetings_between, meetings_figure

CORPUS = bilateral.Corpus.from_results(
    [bilateral.extract_document(d) for d in bilateral.examples()]
)


def test_pairs_count_distinct_meetings() -> None:
    """On his 2019 visit Bajwa met Zarif and Shamkhani with Rouhani on the 19th; the article
    reports each talk again, undated: one meeting each, not two."""
    met = meetings_between(CORPUS)
    assert met[("qamar-javed-bajwa", "mohammad-javad-zarif")] == 2  # 2017 and 2019
    assert met[("qamar-javed-bajwa", "ali-shamkhani")] == 1
    assert met[("qamar-javed-bajwa", "mohammad-bagheri")] == 4  # on each of four visits


def test_the_meetings_figure_has_a_legend_of_its_line_widths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pyplot = pytest.importorskip("matplotlib.pyplot")
    drawn: list[Any] = []  # the figures drawn
    monkeypatch.setattr(pyplot, "close", drawn.append)
    meetings_figure(CORPUS, tmp_path / "meetings.png")
    (axes,) = drawn[0].axes
    legend = axes.get_legend()
    widths = {
        text.get_text(): handle.get_linewidth()
        for text, handle in zip(legend.get_texts(), legend.legend_handles, strict=True)
    }
    assert list(widths) == ["1 meeting", "2 meetings", "4 meetings"]
    assert sorted(widths.values()) == sorted({line.get_linewidth() for line in axes.get_lines()})
