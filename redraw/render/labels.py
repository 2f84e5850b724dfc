"""The labels step: every point's label placed by the placer (redraw.render.placer) and drawn.

A label that has no spot breaking no rule (the chart is too crowded at this size) is not shrunk or
forced in: its point gets a small number instead, placed by the same rules, and the number and the
full label go into a key under the axes. So every stated label is in the figure, all at one size.
"""
from __future__ import annotations

import itertools
import math

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.text import Annotation
from matplotlib.transforms import Affine2D

from ..spec import ChartSpec, labelled
from . import placer
from .base import Box, Look, Segment, display_box, display_label, get_renderer, marker_radii, text_size
from .style import Size

LEADER_COLOR, LEADER_WIDTH = "#9a9a9a", 0.5
LEADER_GID = "redraw-leaders"   # the one LineCollection holding every leader
LEADER_AIR = 3.5   # pt between a leader's end and its label's text
SHORT_LEADER, SHORT_AIR = 2.0, 0.75   # pt: the shortest leader drawn, and its air when the label sits close
TEXT_COLOR = "#1a1a1a"
Z_LABEL = 2.9   # above lines (2), under markers (3): a leader runs under the markers it meets
KEY_GID = "redraw-key"          # a label's full name in the key
NUMBER_GID = "redraw-number"    # a number: beside its point, and before its name in the key
NEAR = 6   # a label goes at most this many rings out (a leader of ~5 label heights); further, a number does
KEEP_LIMIT = 20   # up to this many highlighted points keep their names however far out a free spot is
ATTEMPTS = 6   # placements tried, each with every number so far placed first, before a number is forced


def shown_labels(fig: Figure) -> list[str]:
    """Every point label the drawn figure names: beside its point, or (numbered) in the key under the axes."""
    beside = [t.get_text() for t in fig.axes[0].texts if isinstance(t, Annotation) and t.get_gid() != NUMBER_GID]
    return beside + [t.get_text() for t in fig.texts if t.get_gid() == KEY_GID]


def draw_labels(fig: Figure, ax: Axes, spec: ChartSpec, looks: list[Look], sz: Size,
                blocked: list[Box], segments: list[Segment]) -> int:
    """Place and draw every point's label or number (and the key); how many numbers had to be forced in."""
    if not spec.points:
        return 0
    renderer = get_renderer(fig)
    px = fig.dpi / 72.0
    pts = ax.transData.transform(np.array([[lk.x, lk.y] for lk in looks], dtype=float))
    radii = marker_radii(fig, looks)
    # a point with an empty label is one the description gives no name: drawn, not labelled
    shown = labelled(spec.points)   # (past LABEL_LIMIT, the spec's warnings say which are not)
    props = {i: FontProperties(size=sz.label_font, weight="bold" if spec.points[i].highlight else "normal")
             for i in shown}
    texts = {i: display_label(spec.points[i].label) for i in shown}
    sizes = np.zeros((len(spec.points), 2))
    for i in shown:
        sizes[i] = text_size(renderer, fig.dpi, texts[i], props[i])
    frame = display_box(ax.get_window_extent(renderer))
    gap = 2.0 * px
    first = [i for i in shown if spec.points[i].highlight]
    if len(first) > KEEP_LIMIT:   # so many highlighted points are no few to single out: they are placed as others are
        first = []
    # the number's box is that of the widest number, so numbering in the description's order later fits it
    widest = str(len(shown))
    number = {i: text_size(renderer, fig.dpi, widest, props[i]) for i in shown}
    ranked = [i for i in placer.order(pts, radii, sizes, frame, first, gap) if i in props]
    best: tuple[dict[int, placer.Placement], list[int], list[int], placer.Placer] | None = None
    ahead: set[int] = set()
    figure = placer.Placer(pts, radii, frame, blocked, segments, gap)
    for _ in range(ATTEMPTS):   # numbers that found no lawful spot: try again with every number placed first
        attempt = _assign(figure.fresh(), ranked, sizes, number, ahead, set(first))
        if best is not None and len(attempt[2]) >= len(best[2]):
            break   # placing numbers first forced no fewer: stop trying
        best = attempt
        if not attempt[2]:
            break
        ahead = set(attempt[1])
    assert best is not None
    spots, numbered, late, place = best
    # a number still forced in: a nearby label or number may make room by moving
    stuck = [i for i in late if not _repair(place, i, spots, numbered, sizes, number, set(first))]
    forced = len(stuck) - _promote(place, spots, numbered, stuck, ranked, sizes, set(first))
    numbered.sort()  # numbers run in the description's order
    for n, i in enumerate(numbered, 1):
        texts[i] = str(n)
    leaders: list[tuple[tuple[float, float], Segment]] = []
    for i in shown:
        (x, y), spot = pts[i], spots[i]
        ax.annotate(texts[i], (looks[i].x, looks[i].y), xytext=((spot.cx - x) / px, (spot.cy - y) / px),
                    textcoords="offset points", ha="center", va="center", fontproperties=props[i], color=TEXT_COLOR,
                    zorder=Z_LABEL, annotation_clip=False, parse_math=False,
                    gid=NUMBER_GID if i in numbered else None)
        if spot.moved:
            w, h = text_size(renderer, fig.dpi, texts[i], props[i])
            seg = _leader(spot.cx - x, spot.cy - y, radii[i], w / 2 - placer.AIR[0], h / 2 - placer.AIR[1], px)
            if seg is not None:
                leaders.append(((looks[i].x, looks[i].y), seg))
    draw_leaders(fig, ax, leaders)
    if numbered:
        _key(fig, ax, [(n, display_label(spec.points[i].label), props[i]) for n, i in enumerate(numbered, 1)])
    return forced


def _leader(dx: float, dy: float, r: float, half_w: float, half_h: float, px: float) -> Segment | None:
    """A leader from the edge of a marker (radius r) at the origin towards its label's centre (dx, dy), ending
    LEADER_AIR short of the label's text (half_w x half_h round its centre), or SHORT_AIR when the label sits
    right next to the marker; in pt, from the marker's centre. None when not even SHORT_LEADER fits."""
    length = math.hypot(dx, dy)
    if length < 1e-9:
        return None
    # the text's edge along the way from the label's centre back to the point
    inside = min(half_w / abs(dx) if dx else math.inf, half_h / abs(dy) if dy else math.inf) * length
    room = length - inside - r   # from the marker's edge to the text
    if room < (SHORT_LEADER + SHORT_AIR) * px:
        return None
    # a label right next to its marker gets a short stroke, SHORT_AIR off the text
    end = r + (room - LEADER_AIR * px if room >= (LEADER_AIR + SHORT_LEADER) * px else room - SHORT_AIR * px)
    ux, uy = dx / length / px, dy / length / px
    return (ux * r, uy * r, ux * end, uy * end)


def draw_leaders(fig: Figure, ax: Axes, leaders: list[tuple[tuple[float, float], Segment]]) -> None:
    """Every leader in one LineCollection (one artist, drawn in one call): each a segment in pt from its
    point's data position, so it follows the point when the figure is saved at another dpi or grows."""
    if not leaders:
        return
    segments = [[(x0, y0), (x1, y1)] for _, (x0, y0, x1, y1) in leaders]
    lines = LineCollection(segments, offsets=[xy for xy, _ in leaders], offset_transform=ax.transData,
                           transform=Affine2D().scale(1 / 72) + fig.dpi_scale_trans, colors=LEADER_COLOR,
                           linewidths=LEADER_WIDTH, zorder=Z_LABEL, gid=LEADER_GID, capstyle="butt")
    ax.add_collection(lines, autolim=False)


def _assign(place: placer.Placer, ranked: list[int], sizes: np.ndarray, number: dict[int, tuple[float, float]],
            ahead: set[int], keep: set[int]) -> tuple[dict[int, placer.Placement], list[int], list[int], placer.Placer]:
    """Spots for every label in rank order: (spots, the points numbered, the numbers forced in, the placer).

    A label with no lawful spot gives way at once to a number, which the labels after it must respect.
    Labels go at most NEAR rings out, those of the points in `keep` (highlighted) as far as need be.
    The points in `ahead` are numbered from the start, and their numbers placed before any label but the
    highlighted points'.
    A number with no lawful spot either is forced into the least bad one, last."""
    spots: dict[int, placer.Placement] = {}
    numbered: list[int] = []
    late: list[int] = []
    numbers_first, rest = ahead - keep, ahead | keep
    for i in [k for k in ranked if k in keep] + [k for k in ranked if k in numbers_first] + [
            k for k in ranked if k not in rest]:
        w, h = float(sizes[i, 0]), float(sizes[i, 1])
        spot = None if i in ahead else place.place(i, w, h, rings=NEAR)
        if spot is None and i in keep:   # a highlighted point keeps its name, however far out
            spot = place.place(i, w, h)
        if spot is None:
            numbered.append(i)
            spot = place.place(i, *number[i], rings=NEAR) or place.place(i, *number[i])   # near, else anywhere
        if spot is None:
            late.append(i)
        else:
            spots[i] = spot
    for i in late:
        forced = place.place(i, *number[i], force=True)
        assert forced is not None
        spots[i] = forced
    return spots, numbered, late, place


REPAIR = 8   # a forced number may move this many of the nearest labels and numbers, one at a time


def _repair(place: placer.Placer, i: int, spots: dict[int, placer.Placement], numbered: list[int],
            sizes: np.ndarray, number: dict[int, tuple[float, float]], keep: set[int]) -> bool:
    """Point i's number was forced in (no lawful spot). Take it off with one nearby label or number (nearest
    point first), else two, place i's number lawfully, then the others again: each as it was (a label within
    NEAR rings, a highlighted point's name anywhere, or a number), else (not a highlighted point's) as a
    number. The first that all find lawful spots stays; otherwise i's forced spot does. True when repaired."""
    place.withdraw(i)
    near = _nearest(place, i, [j for j in spots if j != i], REPAIR)
    moves = [(j,) for j in near] + list(itertools.combinations(near, 2))
    for others in moves:
        state = place.saved()
        for j in others:
            place.withdraw(j)
        mine = place.place(i, *number[i])
        found: dict[int, tuple[placer.Placement, bool]] = {}
        for j in others if mine is not None else ():
            again = _again(place, j, j in numbered, sizes, number, keep)
            if again is None:
                break
            found[j] = again
        if mine is not None and len(found) == len(others):
            spots[i] = mine
            for j, (spot, as_number) in found.items():
                spots[j] = spot
                if as_number and j not in numbered:
                    numbered.append(j)
            return True
        place.restore(state)
    forced = place.place(i, *number[i], force=True)
    assert forced is not None
    spots[i] = forced
    return False


PROMOTE_NEAR = 3   # a number may take back its label by moving one of this many nearest labels


def _promote(place: placer.Placer, spots: dict[int, placer.Placement], numbered: list[int], stuck: list[int],
             ranked: list[int], sizes: np.ndarray, keep: set[int]) -> int:
    """Numbered points whose full label now has a lawful spot within NEAR rings get their label back, in rank
    order: numbers are given greedily, and the numbers placed since may have freed the room, or moving one
    of the PROMOTE_NEAR nearest labels (placed again as a label, lawfully) may. After such a move both spots must
    also be clearly their own point's (none nearer another marker, even with a leader): a number is better
    than a name that reads as a neighbour's. How many of the `stuck` (forced) numbers gave way to a label."""
    freed = 0
    for i in [k for k in ranked if k in numbered]:
        near = _nearest(place, i, [j for j in spots if j != i and j not in numbered], PROMOTE_NEAR)
        for others in [(), *((j,) for j in near)]:
            state = place.saved()
            for j in (i, *others):
                place.withdraw(j)
            strict = bool(others)   # alone, by the rules every label is placed by; moving a neighbour, stricter
            found = [place.place(i, float(sizes[i, 0]), float(sizes[i, 1]), rings=NEAR, strict=strict)]
            for j in others if found[0] is not None else ():
                found.append(place.place(j, float(sizes[j, 0]), float(sizes[j, 1]),
                                         rings=placer.RINGS if j in keep else NEAR, strict=True))
            if len(found) == 1 + len(others) and all(spot is not None for spot in found):
                for j, spot in zip((i, *others), found, strict=True):
                    assert spot is not None
                    spots[j] = spot
                numbered.remove(i)
                freed += i in stuck
                break
            place.restore(state)
    return freed


def _nearest(place: placer.Placer, i: int, among: list[int], n: int) -> list[int]:
    """The n points of `among` nearest point i on the figure, nearest first (ties in index order)."""
    return sorted(among, key=lambda j: (float(np.hypot(*(place.points[j] - place.points[i]))), j))[:n]


def _again(place: placer.Placer, j: int, as_number: bool, sizes: np.ndarray, number: dict[int, tuple[float, float]],
           keep: set[int]) -> tuple[placer.Placement, bool] | None:
    """Point j's label or number placed again, lawfully: (spot, drawn as a number) or None."""
    if as_number:
        spot = place.place(j, *number[j])
        return None if spot is None else (spot, True)
    # a highlighted point keeps its name, however far out; another label stays within NEAR rings
    spot = place.place(j, float(sizes[j, 0]), float(sizes[j, 1]), rings=placer.RINGS if j in keep else NEAR)
    if spot is not None:
        return spot, False
    spot = None if j in keep else place.place(j, *number[j])
    return None if spot is None else (spot, True)


def _key(fig: Figure, ax: Axes, entries: list[tuple[int, str, FontProperties]]) -> None:
    """The numbered labels' key, in columns under the axes; the figure grows by the key's height
    (the axes keep their size in inches, so nothing placed moves relative to them)."""
    renderer = get_renderer(fig)
    dpi = fig.dpi
    num_w = max(text_size(renderer, dpi, str(n), prop)[0] for n, _, prop in entries)
    name_w = max(text_size(renderer, dpi, name, prop)[0] for _, name, prop in entries)
    line_h = max(text_size(renderer, dpi, name, prop)[1] for _, name, prop in entries)
    ax_box = ax.get_window_extent(renderer)
    left = ax_box.x0
    width = fig.bbox.width - left - 6.0
    col_w = num_w + 3.0 + name_w + 4.0 * line_h / 3   # a column: number, name, then an em or so of air
    cols = max(1, min(len(entries), int(width // col_w)))
    rows = math.ceil(len(entries) / cols)
    cols = math.ceil(len(entries) / rows)   # as many columns as the rows need, no more
    pad = line_h * 0.6
    grow = rows * line_h + pad
    W, H = fig.bbox.width, fig.bbox.height
    fig.set_size_inches(W / dpi, (H + grow) / dpi)
    pos = ax.get_position()
    ax.set_position((pos.x0, (pos.y0 * H + grow) / (H + grow), pos.width, pos.height * H / (H + grow)))
    for k, (n, name, prop) in enumerate(entries):
        col, row = divmod(k, rows)
        x = (left + col * col_w) / dpi
        y = (grow - pad / 2 - (row + 0.5) * line_h) / dpi
        fig.text(x + num_w / dpi, y, str(n), ha="right", va="center", fontproperties=prop, color=TEXT_COLOR,
                 transform=fig.dpi_scale_trans, gid=NUMBER_GID)
        fig.text(x + (num_w + 3.0) / dpi, y, name, ha="left", va="center", fontproperties=prop, color=TEXT_COLOR,
                 transform=fig.dpi_scale_trans, gid=KEY_GID, parse_math=False)
