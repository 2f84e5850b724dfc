"""Bounded cost for any input (issue 16): a safety net against quadratic code, not a benchmark (that is
benchmarks/scale.py). Each construct of benchmarks/constructs.py at ~100 KB must parse, or be refused, well
within BOUND; the slowest takes ~0.45 s on the 2-core machine this was written on, and each quadratic stage
fixed in this change took 3-20 s at that size."""
from __future__ import annotations

import contextlib
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redraw.errors import RedrawError
from redraw.limits import MAX_POINTS, MAX_TEXT_BYTES, MAX_TEXT_LINES
from redraw.parse import parse
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from constructs import CONSTRUCTS, sized

BOUND = 3.0   # seconds


def _parse_time(text: str) -> float:
    t0 = time.perf_counter()
    with contextlib.suppress(RedrawError):   # a refusal is an answer too; any other exception fails the test
        parse(text)
    return time.perf_counter() - t0


@pytest.mark.parametrize("name", list(CONSTRUCTS))
def test_each_construct_at_100_kb_parses_within_the_bound(name: str) -> None:
    text = sized(name, 100 * 1024)
    assert 90 * 1024 <= len(text.encode()) <= 100 * 1024, "the construct is not the size this test means"
    assert _parse_time(text) < BOUND


# pieces of real descriptions and of the constructs, mixed at random into 50-200 KB
PIECES = ["Scatter plot.\n", "- **M1**: (1.5, 2)\n", "| M2 | 3 | 4 |\n", "|---|---|---|\n", "### Group A\n",
          "X-axis: Params (B), log scale, 1 to 100. ", "Y-axis: Score (%). ", "**", "*", "_", "`", "[", "](",
          "(", ")", "<span style=\"color:red\">", "</span>", "~2.5B ", "350M ", "1e21 ", "10²¹ ", "81% ", "★ ",
          "red star (ours) ", "dashed trend line ", "horizontal line at y = 5 ", "Correction: 50.5% ", "\n",
          "\n\n", "> ", "    ", "1, 2, 3, ", "9" * 50, "vs. ", "Legend: blue circle = A\n", "\\n"]


@settings(max_examples=8, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(st.sampled_from(PIECES), min_size=20, max_size=60), st.integers(50, 200))
def test_large_mixed_inputs_parse_within_the_bound(pieces: list[str], kb: int) -> None:
    unit = "".join(pieces)
    text = (unit * (kb * 1024 // len(unit) + 1))[: kb * 1024]
    assert _parse_time(text) < BOUND


def test_the_limits_refuse_with_a_message_that_says_why() -> None:
    with pytest.raises(RedrawError, match=r"x\.md: the description is 131,102 bytes; redraw reads at most 131,072 "):
        parse("Scatter plot.\n- **A**: (1, 2)\n" + "a" * MAX_TEXT_BYTES, "x.md")
    lines = "".join(f"Line {i}.\n" for i in range(MAX_TEXT_LINES))
    with pytest.raises(RedrawError, match=r"has 2,002 lines of text; redraw reads at most 2,000"):
        parse("Scatter plot.\n- **A**: (1, 2)\n" + lines)
    items = "".join(f"- **M{i}**: ({i}, {i % 7})\n" for i in range(MAX_POINTS + 1))
    with pytest.raises(RedrawError, match=r"x\.md:\d+: more than 1,000 points"):
        parse("Scatter plot.\n\n" + items, "x.md")


def test_the_limits_hold_exactly_at_the_bound() -> None:
    # (one byte or one point more is refused: the tests above)
    head = "Scatter plot.\n\n- **A**: (1, 2)\n- **B**: (2, 3)\n"
    assert len(parse(head + "a" * (MAX_TEXT_BYTES - len(head) - 1) + "\n").points) == 2
    blank = head + "\n" * (MAX_TEXT_LINES * 3)   # blank lines are not counted
    assert len(parse(blank).points) == 2
    items = "".join(f"- **M{i}**: ({i}, {i % 7})\n" for i in range(MAX_POINTS))
    assert len(parse("Scatter plot.\n\n" + items).points) == MAX_POINTS


finite = st.floats(allow_nan=False, allow_infinity=False)


@settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(finite, finite), min_size=1, max_size=4), st.booleans(), st.booleans(), st.booleans())
def test_any_float64_renders_or_fails_with_a_redraw_error(xy: list[tuple[float, float]], xlog: bool, ylog: bool,
                                                           trend: bool) -> None:
    from redraw.render import figure_bytes, render
    from redraw.spec import Axis, ChartSpec, Point, TrendLine, can_fit

    points = [Point(label=f"P{i}", x=x, y=y) for i, (x, y) in enumerate(xy)]
    lines = [TrendLine()] if trend and can_fit(points, TrendLine()) else []
    spec = ChartSpec(points=points, trend_lines=lines, x_axis=Axis(scale="log" if xlog else "linear"),
                     y_axis=Axis(scale="log" if ylog else "linear"))
    with contextlib.suppress(RedrawError):
        figure_bytes(render(spec, "column"), "png", 30)
