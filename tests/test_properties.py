"""Property tests: any text parses to a ChartSpec or a RedrawError; any valid ChartSpec renders.

Run with a fixed seed (tests/conftest.py); each example also has a time bound, so a hang fails.
"""
from __future__ import annotations

import math
import re
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from redraw.errors import RedrawError
from redraw.parse import parse
from redraw.render import figure_bytes, render
from redraw.spec import Axis, ChartSpec, Group, Point, ReferenceLine, TrendLine
from tests.conftest import FIGURES

REAL = [p.read_text(encoding="utf-8") for p in FIGURES]
NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")
SECONDS = 5.0


def parses_or_refuses(text: str) -> None:
    t0 = time.perf_counter()
    try:
        spec = parse(text, "prop.md")
    except RedrawError as err:
        assert str(err).startswith("prop.md")
    else:
        assert spec.points
        assert all(math.isfinite(p.x) and math.isfinite(p.y) for p in spec.points)
        ChartSpec.model_validate_json(spec.to_json())
    assert time.perf_counter() - t0 < SECONDS


@given(st.text(max_size=2000))
def test_any_text(text):
    parses_or_refuses(text)


@given(st.sampled_from(REAL), st.lists(st.integers(0, 200), max_size=12))
def test_real_descriptions_with_lines_deleted(text, drop):
    lines = text.split("\n")
    keep = [ln for i, ln in enumerate(lines) if i not in set(drop)]
    parses_or_refuses("\n".join(keep))


@given(st.sampled_from(REAL), st.integers(0, 10_000))
def test_real_descriptions_cut_at_any_byte(text, cut):
    raw = text.encode("utf-8")[: cut % (len(text.encode("utf-8")) + 1)]
    parses_or_refuses(raw.decode("utf-8", errors="replace"))


@given(st.sampled_from(REAL), st.randoms(use_true_random=False))
def test_real_descriptions_with_numbers_swapped(text, rnd):
    numbers = NUMBER_RE.findall(text)
    rnd.shuffle(numbers)
    it = iter(numbers)
    parses_or_refuses(NUMBER_RE.sub(lambda m: next(it), text))


@given(st.sampled_from(REAL), st.text(alphabet="*#|-_`()[]:,.~≈$%<>\\n\n ", max_size=30), st.integers(0, 5000))
def test_real_descriptions_with_markup_inserted(text, junk, at):
    at %= len(text) + 1
    parses_or_refuses(text[:at] + junk + text[at:])


finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
positive = st.floats(min_value=1e-6, max_value=1e12, allow_nan=False, allow_infinity=False)
colors = st.one_of(st.none(), st.sampled_from(["red", "blue", "gold", "darkblue", "lightgrey", "#123456",
                                                "not-a-colour", "yellow"]))
markers = st.one_of(st.none(), st.sampled_from(["o", "*", "s", "^", "D", "x", "+", "p", "h", "v", "?"]))
labels = st.text(min_size=1, max_size=40)


@st.composite
def specs(draw):
    log_x, log_y = draw(st.booleans()), draw(st.booleans())
    n = draw(st.integers(1, 25))
    xs = draw(st.lists(positive if log_x else finite, min_size=n, max_size=n))
    ys = draw(st.lists(positive if log_y else finite, min_size=n, max_size=n))
    groups = draw(st.lists(st.builds(Group, name=labels, color=colors, marker=markers), max_size=3))
    names = [g.name for g in groups] + [None]
    points = [Point(label=draw(labels), x=x, y=y, color=draw(colors), marker=draw(markers),
                    group=draw(st.sampled_from(names)), highlight=draw(st.booleans()))
              for x, y in zip(xs, ys, strict=True)]

    def axis(log):
        lo, hi = draw(st.one_of(st.none(), positive if log else finite)), draw(
            st.one_of(st.none(), positive if log else finite))
        ticks = draw(st.one_of(st.none(), st.lists(positive if log else finite, min_size=1, max_size=8)))
        return Axis(label=draw(st.one_of(st.none(), labels)), scale="log" if log else "linear", min=lo, max=hi,
                    ticks=ticks, tick_labels=[str(t) for t in ticks] if ticks and draw(st.booleans()) else None)

    trends = [TrendLine(points=draw(st.one_of(st.none(), st.lists(st.sampled_from([p.label for p in points]),
                                                                    max_size=5))),
                        style=draw(st.sampled_from(["solid", "dashed", "dotted", "dashdot"])), color=draw(colors),
                        label=draw(st.one_of(st.none(), labels)))
              for _ in range(draw(st.integers(0, 2)))]
    refs = [ReferenceLine(axis=draw(st.sampled_from(["x", "y"])), value=draw(positive), color=draw(colors),
                          label=draw(st.one_of(st.none(), labels))) for _ in range(draw(st.integers(0, 2)))]
    return ChartSpec(title=draw(st.one_of(st.none(), labels)), x_axis=axis(log_x), y_axis=axis(log_y),
                     points=points, groups=groups, trend_lines=trends, reference_lines=refs)


@settings(max_examples=40)
@given(specs(), st.sampled_from(["column", "page", "slide"]))
def test_any_valid_spec_renders(spec, size):
    fig = render(spec, size)
    assert figure_bytes(fig, "png", 40)[:4] == b"\x89PNG"
