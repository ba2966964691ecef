"""No input takes super-linear time: for each hostile shape, four times the text takes at most
about five times as long (linear is four; a square would be sixteen).

Times are compared within one test, never against a fixed figure. The sizes are large enough
for a square to show, small enough to keep the test fast.
"""

import gc
import importlib.util
import time
from pathlib import Path

import pytest

import bilateral

_SPEC = importlib.util.spec_from_file_location(
    "hostile", Path(__file__).parent.parent / "benchmarks" / "hostile.py"
)
assert _SPEC is not None and _SPEC.loader is not None
hostile = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(hostile)

MAX_RATIO = 5.0
SIZES = {
    "dots": 8_000,
    "marks": 24_000,
    "quote-runs": 20_000,  # past 1,000 sentences at four times the size
    "bracket-runs": 20_000,  # so too
    "names": 20_000,
    "dates": 6_000,
    "paragraph": 6_000,
    "sentences": 7_500,
    "short-lines": 8_000,
    "article": 8_000,
}


def _ratio(small: str, large: str) -> float:
    """How many times as long ``large`` takes as ``small``: the shortest of a few extractions
    of each, taken in turn so that both meet the same load (more of them when they are quick)."""
    best = {small: float("inf"), large: float("inf")}
    spent = 0.0
    gc.disable()  # a collection of the whole heap, lexicons and all, is no cost of the text
    try:
        for _ in range(12):
            for text in (small, large):
                start = time.perf_counter()
                bilateral.extract(text, "h")
                elapsed = time.perf_counter() - start
                best[text], spent = min(best[text], elapsed), spent + elapsed
            if spent > 0.2:
                break
    finally:
        gc.enable()
    return best[large] / best[small]


@pytest.mark.parametrize("kind", list(SIZES))
def test_four_times_the_text_takes_at_most_five_times_as_long(kind: str) -> None:
    bilateral.extract_document(bilateral.examples()[0])  # patterns compiled before timing
    small, large = hostile.make(kind, SIZES[kind]), hostile.make(kind, 4 * SIZES[kind])
    assert 3.5 < len(large) / len(small) < 4.5
    ratios = []
    for _ in range(3):  # measured again only when a look is slow
        ratios.append(_ratio(small, large))
        if ratios[-1] <= MAX_RATIO:
            break
    assert min(ratios) <= MAX_RATIO, f"{kind}: {min(ratios):.1f} times as long for 4 times the text"
