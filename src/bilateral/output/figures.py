"""Figures of a corpus (matplotlib, from the ``docs`` extra): a timeline of visits between
countries and a who-met-whom chart."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bilateral.corpus import Corpus
from bilateral.errors import BilateralError
from bilateral.model import PartialDate, Visit

_COLOURS = ["#1b7837", "#762a83", "#e08214", "#2166ac", "#b2182b", "#4d4d4d"]
_MEETING_COLOUR = "#2166ac"


def _pyplot() -> Any:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise BilateralError("figures need matplotlib: pip install 'bilateral[docs]'") from exc
    return plt


def _first_day(visit: Visit) -> Any:
    """Where a visit stands on the axis: its start, else its most precise date."""
    if visit.start:
        return visit.start.first_day()
    rank = {"day": 0, "month": 1, "year": 2}
    known = sorted(visit.dates, key=lambda d: (rank[d.precision], d.sort_key()))
    return known[0].first_day() if known else None


def timeline_figure(
    corpus: Corpus, path: str | Path, countries: Sequence[str] = ("PK", "IR")
) -> Path:
    """A dot per visit between ``countries`` on a time axis, one row per direction."""
    plt = _pyplot()
    visits = [v for v in corpus.timeline(countries) if _first_day(v)]
    routes = sorted({f"{v.origin} → {v.destination}" for v in visits})
    figure, axes = plt.subplots(figsize=(9, 1.2 + 0.8 * len(routes)))
    for row, route in enumerate(routes):
        mine = [v for v in visits if f"{v.origin} → {v.destination}" == route]
        axes.scatter(
            [_first_day(v) for v in mine],
            [row] * len(mine),
            s=80,
            color=_COLOURS[row % len(_COLOURS)],
            zorder=3,
        )
        for visit in mine:
            official = corpus.official(visit.visitor)
            label = official.name.split()[-1] if official else visit.visitor
            axes.annotate(
                label,
                (_first_day(visit), row),
                textcoords="offset points",
                xytext=(0, 9),
                ha="center",
                fontsize=8,
            )
    axes.set_yticks(range(len(routes)), routes)
    axes.set_ylim(-0.7, len(routes) - 0.3)
    axes.grid(axis="x", alpha=0.3)
    axes.set_title("Visits between " + " and ".join(countries))
    figure.tight_layout()
    path = Path(path)
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return path


def meetings_between(
    corpus: Corpus, countries: Sequence[str] = ("PK", "IR")
) -> dict[tuple[str, str], int]:
    """How many distinct meetings each pair of officials held on the visits between
    ``countries``: (official of the first country, of the second) -> meetings. On one visit a
    pair's meetings differ by their date; an undated record of a pair that also met on a known
    date on the visit is that meeting again (reported twice, or within a wider meeting)."""
    met: dict[tuple[str, str], set[tuple[str, PartialDate | None]]] = {}
    for visit in corpus.timeline(countries):
        for meeting in visit.meetings:
            if meeting.status != "held":
                continue
            officials = [o for o in map(corpus.official, meeting.participants) if o]
            for first in {o.id for o in officials if o.country == countries[0]}:
                for second in {o.id for o in officials if o.country == countries[1]}:
                    met.setdefault((first, second), set()).add((visit.id, meeting.date))
    counts = {}
    for pair, meetings in met.items():
        dated_on = {visit for visit, date in meetings if date is not None}
        counts[pair] = sum(date is not None or visit not in dated_on for visit, date in meetings)
    return counts


def meetings_figure(
    corpus: Corpus, path: str | Path, countries: Sequence[str] = ("PK", "IR")
) -> Path:
    """Who met whom on the visits between ``countries``: the officials of each country in a
    column, a line per pair that met, the thicker the more meetings (see its legend)."""
    plt = _pyplot()
    from matplotlib.lines import Line2D

    pairs = meetings_between(corpus, countries)
    left = sorted({a for a, _ in pairs}, key=lambda i: _name(corpus, i))
    right = sorted({b for _, b in pairs}, key=lambda i: _name(corpus, i))
    height = max(len(left), len(right), 1)
    figure, axes = plt.subplots(figsize=(9, 0.45 * height + 1.2))

    def y(position: int, count: int) -> float:
        return (
            height - 1 - position * (height - 1) / max(count - 1, 1)
            if count > 1
            else (height - 1) / 2
        )

    for (a, b), count in pairs.items():
        axes.plot(
            [0, 1],
            [y(left.index(a), len(left)), y(right.index(b), len(right))],
            color=_MEETING_COLOUR,
            alpha=0.6,
            linewidth=_line_width(count),
        )
    for column, people in ((0, left), (1, right)):
        for position, person in enumerate(people):
            official = corpus.official(person)
            axes.text(
                column + (-0.02 if column == 0 else 0.02),
                y(position, len(people)),
                official.name if official else person,
                ha="right" if column == 0 else "left",
                va="center",
                fontsize=9,
            )
    counts = sorted(set(pairs.values()))
    axes.legend(
        [
            Line2D([], [], color=_MEETING_COLOUR, alpha=0.6, linewidth=_line_width(c))
            for c in counts
        ],
        [f"{c} meeting{'s' if c > 1 else ''}" for c in counts],
        loc="upper center",
        bbox_to_anchor=(0.5, 0.0),
        ncol=max(len(counts), 1),
        frameon=False,
        fontsize=9,
    )
    axes.set_xlim(-0.6, 1.6)
    axes.set_ylim(-0.8, height - 0.2)
    axes.axis("off")
    axes.set_title(
        f"Who met whom: {countries[0]} officials (left) and {countries[1]} officials (right)"
    )
    figure.tight_layout()
    path = Path(path)
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return path


def _line_width(meetings: int) -> float:
    return 1 + 1.5 * (meetings - 1)


def _name(corpus: Corpus, official: str) -> str:
    found = corpus.official(official)
    return found.name if found else official
