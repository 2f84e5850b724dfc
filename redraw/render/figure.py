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

from ..alt import alt_text, short_title
from ..spec import ChartSpec
from .axes import margins_and_titles, scales_and_limits
from .base import Box, Look, display_box, drawn_segments, get_renderer, marker_radii
from .labels import draw_labels
from .legend import draw_legend
from .lines import line_labels, reference_lines, trend_lines
from .palette import in_palette
from .style import FIGURE_ALT, FIGURE_RC, SIZES, Size, color, house_style, venue_size, width_size

# marker area factors so that every shape carries about the ink of a circle
_INK = {"^": 1.35, "v": 1.35, "<": 1.35, ">": 1.35, "p": 1.1, "h": 1.1, "8": 1.1, "x": 1.2, "+": 1.3,
        "s": 0.85, "D": 0.75, "d": 0.9}


TALLER = (1.0, 1.2, 1.4)   # heights tried, as shares of the size's own, while a number must be forced in


def size_of(size: str = "page", venue: str | None = None, width: float | None = None) -> Size:
    """The drawing size: a house preset, a venue's column or full width (its fonts, a Times-like serif), or
    any width in inches (with the venue's fonts when one is named)."""
    if venue:
        return venue_size(venue, size, width)
    return width_size(width) if width is not None else SIZES[size]


def render(spec: ChartSpec, size: str = "page", *, venue: str | None = None, width: float | None = None,
           palette: str | None = None) -> Figure:
    """Draw a ChartSpec; the figure is self-contained (no pyplot, no global rcParams change).

    A chart too crowded for every label or number to find a lawful spot at the size's height is drawn
    taller (the width is the size's: a column stays a column), as an author would give it more room; the
    height that forces the fewest in is kept."""
    spec = spec.resolved()   # every colour and marker stated: what the text leaves open takes the house look
    if palette is not None:
        spec = in_palette(spec, palette)
    base = size_of(size, venue, width)
    best: tuple[Figure, int] | None = None
    for share in TALLER:
        fig, forced = _draw(spec, replace(base, height=base.height * share))
        if best is None or forced < best[1]:
            best = (fig, forced)
        if not forced:
            break
    assert best is not None
    FIGURE_ALT[best[0]] = (short_title(spec), spec.alt_text or alt_text(spec))
    return best[0]


def _draw(spec: ChartSpec, sz: Size) -> tuple[Figure, int]:
    """The figure at one size, and how many numbers had to be forced in."""
    rc = sz.rc()
    with house_style(**rc):
        fig = Figure(figsize=(sz.width, sz.height), dpi=100)
        FIGURE_RC[fig] = rc   # saving draws the lazily made parts (ticks, mathtext) with the same fonts
        FigureCanvasAgg(fig)
        ax = fig.add_axes((0.1, 0.1, 0.85, 0.85))
        # ticks are created lazily at draw time: state their look here, not only via rcParams,
        # so the figure draws the same inside or outside house_style() (e.g. saved by pytest-mpl)
        ax.tick_params(colors="#333333", labelsize=sz.ticks, length=3.5, width=0.8,
                       labelfontfamily=sz.family)
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
    description rounds, or nearly) are drawn apart, about a marker across, so every one shows and can take its
    own label. Only the drawing moves: the spec keeps the values.

    A cluster that lies along a line (same y, different x: the usual rounding) is drawn along that line in its
    own order, each point as near its stated place as the spacing allows and inside the axes (a dense run
    is spaced closer, down to a radius, rather than move any point more than a radius); exactly coincident
    points go evenly round their common centre in the text's order, the first on the left; other clusters
    round the centre each the way it lies from it. A point drawn apart onto a third marker takes that
    marker into its cluster, and the cluster is drawn again from the stated values."""
    if len(looks) < 2:
        return
    home = ax.transData.transform(np.array([[lk.x, lk.y] for lk in looks], dtype=float))
    radii = marker_radii(fig, looks)
    frame = display_box(ax.get_window_extent(get_renderer(fig)))
    owner = list(range(len(looks)))   # each point's cluster, named by its first member
    drawn = home
    for _ in range(len(looks)):
        pairs = _hidden_pairs(drawn, radii)
        if pairs is None:   # a heap of hundreds of points on one spot: drawn as stated, one on another
            drawn = home
            break
        if not any(owner[i] != owner[j] for i, j in pairs):
            break
        for i, j in pairs:
            a, b = sorted((owner[i], owner[j]))
            owner = [a if o == b else o for o in owner]
        drawn = home.copy()
        for first in sorted(set(owner)):
            members = [i for i, o in enumerate(owner) if o == first]
            if len(members) > 1:
                drawn[members] = _apart(home[members], float(radii[members].max()), frame)
    back = ax.transData.inverted().transform(drawn)
    for look, (x, y), before, after in zip(looks, back, home, drawn, strict=True):
        if not np.array_equal(before, after):
            look.x, look.y = float(x), float(y)


PAIR_LIMIT = 2000   # hidden pairs past which points are not drawn apart (a heap of ~60 points on one spot)


def _hidden_pairs(xy: np.ndarray, radii: np.ndarray) -> list[tuple[int, int]] | None:
    """Pairs of points whose centres lie within the larger one's radius; a sweep along x, not all pairs.
    None past PAIR_LIMIT pairs: spreading so many would cost more than drawing the rest of the figure."""
    order = np.argsort(xy[:, 0], kind="stable")
    reach = float(radii.max())
    pairs = []
    for n, i in enumerate(order):
        for j in order[n + 1:]:
            if xy[j, 0] - xy[i, 0] >= reach:
                break
            if math.hypot(*(xy[j] - xy[i])) < max(radii[i], radii[j]):
                pairs.append((int(min(i, j)), int(max(i, j))))
                if len(pairs) > PAIR_LIMIT:
                    return None
    return pairs


def _apart(xy: np.ndarray, radius: float, frame: Box) -> np.ndarray:
    """A cluster's points drawn apart (display px): along their line, neighbours 1.8 radii apart or closer
    (STEPS); else round their centre in the text's order, neighbours 1.8 radii apart."""
    n = len(xy)
    centre = xy.mean(axis=0)
    away = xy - centre
    _, spread_, axes_ = np.linalg.svd(away)
    if spread_[0] > 1e-6 and spread_[1] <= 0.3 * spread_[0]:   # along a line: keep the order along it
        u = axes_[0] if (axes_[0, 0], axes_[0, 1]) > (0.0, 0.0) else -axes_[0]
        along = away @ u
        order = sorted(range(n), key=lambda k: (float(along[k]), k))
        span = _span(centre, u, radius, frame)
        for step in STEPS:   # the widest spacing that moves no point more than a radius; else the narrowest
            t = _stepped(along[order], step * radius, span)
            if np.abs(t - along[order]).max() <= radius:
                break
        out: np.ndarray = centre + np.outer(t, u)
        return out[np.argsort(order)]
    r = 0.9 * radius / math.sin(math.pi / n)
    ways = [math.atan2(d[1], d[0]) if math.hypot(*d) > 1e-6 else math.pi + 2 * math.pi * k / n
            for k, d in enumerate(away)]
    order = sorted(range(n), key=lambda k: (ways[k] % (2 * math.pi), k))
    out = np.empty_like(xy)
    for rank, k in enumerate(order):
        angle = ways[order[0]] + 2 * math.pi * rank / n
        out[k] = centre + r * np.array([math.cos(angle), math.sin(angle)])
    return out


STEPS = (1.8, 1.6, 1.4, 1.2, 1.0)   # spacings tried along a line of points drawn apart, in marker radii


def _stepped(t: np.ndarray, step: float, span: tuple[float, float]) -> np.ndarray:
    """Positions for the sorted values t, each at least `step` after the last, as near their own as can be
    (least squares: pool-adjacent-violators on t - k * step), kept within span where they fit in it."""
    target = t - step * np.arange(len(t))
    blocks: list[list[float]] = []   # [sum, count] of runs that share one value
    for v in target:
        blocks.append([float(v), 1.0])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            total, count = blocks.pop()
            blocks[-1][0] += total
            blocks[-1][1] += count
    y = np.concatenate([np.full(int(c), s / c) for s, c in blocks])
    lo, hi = span[0], span[1] - step * (len(t) - 1)
    y = np.clip(y, lo, hi) if lo <= hi else np.full(len(t), (lo + hi) / 2)
    out: np.ndarray = y + step * np.arange(len(t))
    return out


def _span(centre: np.ndarray, u: np.ndarray, radius: float, frame: Box) -> tuple[float, float]:
    """The stretch of the line centre + t * u (t in px) whose markers stay inside the axes frame."""
    lo, hi = -math.inf, math.inf
    for d, (a, b) in enumerate(((frame[0], frame[2]), (frame[1], frame[3]))):
        if abs(u[d]) > 1e-9:
            ends = sorted(((a + radius - centre[d]) / u[d], (b - radius - centre[d]) / u[d]))
            lo, hi = max(lo, ends[0]), min(hi, ends[1])
    return lo, hi


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
