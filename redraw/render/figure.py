"""ChartSpec -> matplotlib Figure in short ordered steps: looks, axes, lines, points, legend, labels.

Each step has its module: axes.py (scales, ticks, titles, margins), lines.py (trend and reference
lines), legend.py, labels.py (point labels, placed by placer.py); base.py holds what they share.
"""
from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..spec import ChartSpec
from .axes import margins_and_titles, scales_and_limits
from .base import Look, display_box, drawn_segments, get_renderer, marker_radii
from .labels import draw_labels
from .legend import draw_legend
from .lines import line_labels, reference_lines, trend_lines
from .style import SIZES, Size, color, house_style

# marker area factors so that every shape carries about the ink of a circle
_INK = {"^": 1.35, "v": 1.35, "<": 1.35, ">": 1.35, "p": 1.1, "h": 1.1, "8": 1.1, "x": 1.2, "+": 1.3,
        "s": 0.85, "D": 0.75, "d": 0.9}


TALLER = (1.0, 1.2, 1.4)   # heights tried, as shares of the size's own, while a number must be forced in


def render(spec: ChartSpec, size: str = "page") -> Figure:
    """Draw a ChartSpec; the figure is self-contained (no pyplot, no global rcParams change).

    A chart too crowded for every label or number to find a lawful spot at the size's height is drawn
    taller (the width is the size's: a column stays a column), as an author would give it more room; the
    height that forces the fewest in is kept."""
    spec = spec.resolved()   # every colour and marker stated: what the text leaves open takes the house look
    best: tuple[Figure, int] | None = None
    for share in TALLER:
        fig, forced = _draw(spec, replace(SIZES[size], height=SIZES[size].height * share))
        if best is None or forced < best[1]:
            best = (fig, forced)
        if not forced:
            break
    assert best is not None
    return best[0]


def _draw(spec: ChartSpec, sz: Size) -> tuple[Figure, int]:
    """The figure at one size, and how many numbers had to be forced in."""
    with house_style(**{"font.size": sz.font}):
        fig = Figure(figsize=(sz.width, sz.height), dpi=100)
        FigureCanvasAgg(fig)
        ax = fig.add_axes((0.1, 0.1, 0.85, 0.85))
        # ticks are created lazily at draw time: state their look here, not only via rcParams,
        # so the figure draws the same inside or outside house_style() (e.g. saved by pytest-mpl)
        ax.tick_params(colors="#333333", labelsize=sz.font * 0.9, length=3.5, width=0.8)
        ax.grid(True, color="#e6e6e6", linewidth=0.6)
        looks = _looks(spec, sz)
        scales_and_limits(ax, spec, looks)
        margins_and_titles(fig, ax, spec, sz)
        spread(fig, ax, looks)
        trend_lines(ax, spec)
        reference_lines(ax, spec)
        _points(ax, spec, looks)
        legend = draw_legend(fig, ax, spec, looks, sz)
        blocked = [display_box(legend.get_window_extent(get_renderer(fig)))] if legend else []
        segments = drawn_segments(ax)   # measured after the legend step, which may have moved the axes
        blocked += line_labels(fig, ax, spec, looks, sz, blocked, segments)
        forced = draw_labels(fig, ax, spec, looks, sz, blocked, segments)
    return fig, forced


def _looks(spec: ChartSpec, sz: Size) -> list[Look]:
    looks = []
    for p in spec.points:
        assert p.color and p.marker, "render() draws a resolved spec"
        m = p.marker
        size = (sz.star if p.highlight else sz.marker) * _INK.get(m, 1.0)
        if m == "*" and not p.highlight:
            size = sz.marker * 2.2   # a star's ink is thin; match a circle's weight
        looks.append(Look(color(p.color), m, size, 4.0 if p.highlight else 3.0, p.x, p.y))
    return looks


def spread(fig: Figure, ax: Axes, looks: list[Look]) -> None:
    """Points drawn on top of each other (centres within a marker radius: the same values, common where a
    description rounds, or nearly) are drawn apart, evenly round their common centre, each about a marker
    radius from it, so every one shows and can take its own label. Only the drawing moves: the spec keeps
    the values."""
    if len(looks) < 2:
        return
    xy = ax.transData.transform(np.array([[lk.x, lk.y] for lk in looks], dtype=float))
    radii = marker_radii(fig, looks)
    done: set[int] = set()
    for i in range(len(looks)):
        if i in done:
            continue
        group = [j for j in range(i, len(looks)) if j not in done
                 and math.hypot(*(xy[j] - xy[i])) < max(radii[i], radii[j])]
        done.update(group)
        if len(group) < 2:
            continue
        centre = xy[group].mean(axis=0)
        r = 0.9 * max(radii[group]) / math.sin(math.pi / len(group))
        # each goes the way it lies from the centre, so nearly coincident points keep their order (the one with
        # the larger x on the right); exactly coincident ones round the circle in the text's order, first on the left
        n = len(group)
        ways = [math.atan2(d[1], d[0]) if math.hypot(*d) > 1e-6 else math.pi + 2 * math.pi * k / n
                for k, d in enumerate(xy[group] - centre)]
        order = sorted(range(n), key=lambda k: (ways[k] % (2 * math.pi), k))
        angles = [0.0] * n
        for rank, k in enumerate(order):
            angles[k] = ways[order[0]] + 2 * math.pi * rank / n
        for j, angle in zip(group, angles, strict=True):
            x, y = ax.transData.inverted().transform(centre + r * np.array([math.cos(angle), math.sin(angle)]))
            looks[j].x, looks[j].y = float(x), float(y)


def _points(ax: Axes, spec: ChartSpec, looks: list[Look]) -> None:
    # one scatter call per (marker, z) keeps the artist count low; order is the spec's
    keys: list[tuple[str, float]] = []
    for look in looks:
        if (look.marker, look.z) not in keys:
            keys.append((look.marker, look.z))
    for marker, z in keys:
        idx = [i for i, lk in enumerate(looks) if lk.marker == marker and lk.z == z]
        edge = {"edgecolors": "white", "linewidths": 0.6} if marker not in ("x", "+") else {"linewidths": 1.4}
        ax.scatter([looks[i].x for i in idx], [looks[i].y for i in idx],
                   s=[looks[i].size for i in idx], c=[looks[i].color for i in idx], marker=marker,
                   zorder=z, **edge)
