"""Label collisions measured on the drawn figure: text extents and marker extents in display space."""
from __future__ import annotations

import math

import numpy as np
import pytest
from matplotlib.collections import PathCollection
from matplotlib.text import Annotation, Text

from redraw.parse import parse
from redraw.render import render
from redraw.spec import Axis, ChartSpec, Point, TrendLine
from tests.conftest import FIGURES


def _synthetic(n: int, log: bool) -> ChartSpec:
    """n labelled points in a crowded band, as a paper's comparison figure can be."""
    rng = np.random.default_rng(n)  # seeded: the same chart every run
    xs = 10 ** rng.uniform(0, 2, n) if log else rng.uniform(0, 100, n)
    ys = 40 + 0.3 * (np.log10(xs) * 30 if log else xs) + rng.normal(0, 6, n)
    pts = [Point(label=f"Model-{i}-{'XL' if i % 3 == 0 else 'base'}", x=float(x), y=float(y),
                 highlight=i == n // 2) for i, (x, y) in enumerate(zip(xs, ys, strict=True))]
    return ChartSpec(x_axis=Axis(label="Params (B)", scale="log" if log else "linear"),
                     y_axis=Axis(label="Score"), points=pts, trend_lines=[TrendLine()])


def _boxes(fig):
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    labels = [a for a in ax.texts if isinstance(a, Annotation)]
    # Text's own extent: Annotation.get_window_extent would add the leader line
    text_boxes = np.array([Text.get_window_extent(a, renderer).extents for a in labels])
    markers = []
    for coll in ax.collections:
        if not isinstance(coll, PathCollection):
            continue
        offsets = coll.get_offset_transform().transform(coll.get_offsets())
        sizes = np.broadcast_to(coll.get_sizes(), (len(offsets),))
        for (x, y), s in zip(offsets, sizes, strict=True):
            r = math.sqrt(s) / 2 * fig.dpi / 72 * 0.8  # the drawn ink of a marker, not its bounding square
            markers.append((x - r, y - r, x + r, y + r))
    legend = ax.get_legend()
    others = [legend.get_window_extent(renderer).extents] if legend is not None else []
    others += [Text.get_window_extent(t, renderer).extents for t in ax.texts if not isinstance(t, Annotation)]
    return (text_boxes, np.array(markers), ax.get_window_extent(renderer).extents, [a.get_text() for a in labels],
            others)


def _overlap(a, b, tol=0.5):
    return a[0] < b[2] - tol and a[2] > b[0] + tol and a[1] < b[3] - tol and a[3] > b[1] + tol


def _collisions(fig):
    """Every label against every label, marker, the legend and line labels; legend and line labels
    against every marker."""
    texts, markers, frame, names, others = _boxes(fig)
    found = []
    for box in others:
        for m in markers:
            if _overlap(box, m):
                found.append("the legend or a line label covers a marker")
        for i, t in enumerate(texts):
            if _overlap(box, t):
                found.append(f"the legend or a line label covers label {names[i]!r}")
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            if _overlap(texts[i], texts[j]):
                found.append(f"label {names[i]!r} overlaps label {names[j]!r}")
        for m in markers:
            if _overlap(texts[i], m):
                found.append(f"label {names[i]!r} overlaps a marker")
        x0, y0, x1, y1 = texts[i]
        if x0 < frame[0] - 0.5 or x1 > frame[2] + 0.5 or y0 < frame[1] - 0.5 or y1 > frame[3] + 0.5:
            found.append(f"label {names[i]!r} leaves the axes")
    return found


@pytest.mark.parametrize("size", ["column", "page", "slide"])
@pytest.mark.parametrize("path", FIGURES, ids=[p.stem for p in FIGURES])
def test_no_label_collisions(path, size):
    spec = parse(path.read_text(encoding="utf-8"), path.name)
    fig = render(spec, size)
    assert _collisions(fig) == []
    assert len([t for t in fig.axes[0].texts if isinstance(t, Annotation)]) == len(spec.points)


@pytest.mark.parametrize("n,log", [(20, False), (20, True), (60, False), (60, True)])
def test_no_label_collisions_crowded(n, log):
    fig = render(_synthetic(n, log), "page")
    assert _collisions(fig) == []


def test_collision_check_can_fail():
    """The measurement itself: two labels forced onto one spot are caught."""
    fig = render(ChartSpec(points=[Point(label="A", x=0, y=0), Point(label="B", x=1, y=1)]), "page")
    ax = fig.axes[0]
    a, b = [t for t in ax.texts if isinstance(t, Annotation)]
    b.xy, b.xyann = a.xy, a.xyann
    assert any("overlaps label" in c for c in _collisions(fig))
