"""ChartSpec -> matplotlib Figure in short ordered steps: frame, axes, lines, points, legend, labels."""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import numpy as np
from matplotlib.axes import Axes
from matplotlib.axis import Axis as MplAxis
from matplotlib.backend_bases import RendererBase
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.ticker import FixedFormatter, FixedLocator, NullLocator
from matplotlib.transforms import Bbox, ScaledTranslation
from matplotlib.typing import LineStyleType

from ..spec import LABEL_LIMIT, Axis, ChartSpec
from . import labels as placer
from .style import DEFAULT_COLORS, HIGHLIGHT_COLOR, LINE_COLOR, SIZES, Size, color, house_style

LABEL_CHARS = 60   # longer labels are shortened with an ellipsis in the figure (the spec keeps them whole)
_DASHES: dict[str, LineStyleType] = {"solid": "-", "dashed": "--", "dotted": ":", "dashdot": "-."}
Box = tuple[float, float, float, float]       # x0, y0, x1, y1 in display px
Segment = tuple[float, float, float, float]   # a drawn line piece, x0, y0, x1, y1 in display px
Spot = tuple[float, Literal["left", "center", "right"], Literal["top", "bottom", "center"]]
# marker area factors so that every shape carries about the ink of a circle
_INK = {"^": 1.35, "v": 1.35, "<": 1.35, ">": 1.35, "p": 1.1, "h": 1.1, "8": 1.1, "x": 1.2, "+": 1.3,
        "s": 0.85, "D": 0.75, "d": 0.9}
_MARKERS = {"o", "*", "s", "^", "v", "D", "d", "x", "+", "p", "h", "P", "X", "8", "<", ">", "H", "."}


@dataclass
class Look:
    """How one point is drawn."""

    color: str
    marker: str
    size: float
    z: float


def _renderer(fig: Figure) -> RendererBase:
    canvas = fig.canvas
    assert isinstance(canvas, FigureCanvasAgg)  # render() gives every figure an Agg canvas
    return canvas.get_renderer()  # type: ignore[no-untyped-call,no-any-return]  # backend_agg has no type hints


def _box(bbox: Bbox) -> Box:
    x0, y0, x1, y1 = (float(v) for v in bbox.extents)
    return (x0, y0, x1, y1)


def render(spec: ChartSpec, size: str = "page") -> Figure:
    """Draw a ChartSpec; the figure is self-contained (no pyplot, no global rcParams change)."""
    sz = SIZES[size]
    with house_style(**{"font.size": sz.font}):
        fig = Figure(figsize=(sz.width, sz.height), dpi=100)
        FigureCanvasAgg(fig)
        ax = fig.add_axes((0.1, 0.1, 0.85, 0.85))
        # ticks are created lazily at draw time: state their look here, not only via rcParams,
        # so the figure draws the same inside or outside house_style() (e.g. saved by pytest-mpl)
        ax.tick_params(colors="#333333", labelsize=sz.font * 0.9, length=3.5, width=0.8)
        ax.grid(True, color="#e6e6e6", linewidth=0.6)
        looks = _looks(spec, sz)
        _scales_and_limits(ax, spec, looks)
        _frame(fig, ax, spec, sz)
        segments = _trend_lines(ax, spec) + _reference_lines(ax, spec)
        _points(ax, spec, looks)
        legend = _legend(fig, ax, spec, looks, sz)
        blocked = [_box(legend.get_window_extent(_renderer(fig)))] if legend else []
        blocked += _line_labels(fig, ax, spec, looks, sz, blocked)
        _labels(fig, ax, spec, looks, sz, blocked, segments)
    return fig


# -- points' looks ------------------------------------------------------------------------------

def _looks(spec: ChartSpec, sz: Size) -> list[Look]:
    group_color = {g.name: g.color for g in spec.groups}
    group_marker = {g.name: g.marker for g in spec.groups}
    group_index = {g.name: i for i, g in enumerate(spec.groups)}
    looks = []
    for p in spec.points:
        fallback = DEFAULT_COLORS[group_index.get(p.group or "", 0) % len(DEFAULT_COLORS)]
        if p.highlight:
            fallback = HIGHLIGHT_COLOR
        c = color(p.color or group_color.get(p.group or ""), fallback)
        m = p.marker or group_marker.get(p.group or "") or ("*" if p.highlight else "o")
        m = m if m in _MARKERS else "o"
        size = (sz.star if p.highlight else sz.marker) * _INK.get(m, 1.0)
        if m == "*" and not p.highlight:
            size = sz.marker * 2.2   # a star's ink is thin; match a circle's weight
        looks.append(Look(c, m, size, 4.0 if p.highlight else 3.0))
    return looks


# -- axes ---------------------------------------------------------------------------------------

def _scales_and_limits(ax: Axes, spec: ChartSpec, looks: list[Look]) -> None:
    for which, axis in (("x", spec.x_axis), ("y", spec.y_axis)):
        values = [getattr(p, which) for p in spec.points]
        values += [r.value for r in spec.reference_lines if r.axis == which]
        log = axis.scale == "log" and all(v > 0 for v in values)
        getattr(ax, f"set_{which}scale")("log" if log else "linear")
        lo, hi = _limits(axis, values, log)
        getattr(ax, f"set_{which}lim")(lo, hi)
        _ticks(ax, which, axis, log, lo, hi)


def _limits(axis: Axis, values: list[float], log: bool) -> tuple[float, float]:
    """The stated range, grown just enough to keep every point clear of the frame."""
    f: Callable[[float], float] = math.log10 if log else float
    inv: Callable[[float], float] = (lambda v: 10.0 ** v) if log else float
    ticks = [t for t in axis.ticks or [] if not log or t > 0]
    data = [f(v) for v in values] or [0.0, 1.0]
    lo_d, hi_d = min(data), max(data)
    stated = [f(v) for v in (axis.min, axis.max) if v is not None and (not log or v > 0)]
    span_all = [*data, *stated, *(f(t) for t in ticks)]
    span = (max(span_all) - min(span_all)) or (abs(lo_d) or 1.0)
    pad = 0.04 * span
    lo = f(axis.min) if axis.min is not None and (not log or axis.min > 0) else None
    hi = f(axis.max) if axis.max is not None and (not log or axis.max > 0) else None
    lo = min(lo, lo_d - pad) if lo is not None and lo_d - pad < lo else (lo if lo is not None else lo_d - pad)
    hi = max(hi, hi_d + pad) if hi is not None and hi_d + pad > hi else (hi if hi is not None else hi_d + pad)
    if ticks and axis.min is None:
        lo = min(lo, f(min(ticks)))
    if ticks and axis.max is None:
        hi = max(hi, f(max(ticks)))
    if hi <= lo:
        lo, hi = lo - 1, hi + 1
    return inv(lo), inv(hi)


def _ticks(ax: Axes, which: str, axis: Axis, log: bool, lo: float, hi: float) -> None:
    target = ax.xaxis if which == "x" else ax.yaxis
    target.set_minor_locator(NullLocator())
    if axis.ticks:
        stated: list[str | None] = list(axis.tick_labels) if axis.tick_labels else [None] * len(axis.ticks)
        keep = [(t, lab) for t, lab in zip(axis.ticks, stated, strict=True) if lo <= t <= hi and (not log or t > 0)]
        if keep:
            locs = [t for t, _ in keep]
            names = [_no_math(lab) if lab else _fmt(t) for t, lab in keep]
            for t in _continued(locs, log, lo, hi):  # the axis grew past the stated ticks
                locs.append(t)
                names.append(_fmt(t))
            target.set_major_locator(FixedLocator(locs))
            target.set_major_formatter(FixedFormatter(names))
            return
    if log and math.log10(hi / lo) < 2.5:  # a log axis short of a few decades: 1-2-5 ticks
        ticks = [m * 10 ** e for e in range(math.floor(math.log10(lo)), math.ceil(math.log10(hi)) + 1)
                 for m in (1, 2, 5) if lo <= m * 10 ** e <= hi]
        if len(ticks) < 3:
            ticks = [m * 10 ** e for e in range(math.floor(math.log10(lo)), math.ceil(math.log10(hi)) + 1)
                     for m in range(1, 10) if lo <= m * 10 ** e <= hi]
        target.set_major_locator(FixedLocator(ticks))
        target.set_major_formatter(FixedFormatter([_fmt(t) for t in ticks]))


def _continued(ticks: list[float], log: bool, lo: float, hi: float) -> list[float]:
    """Ticks beyond the stated ones, same step (or ratio on log), where the axis had to grow."""
    if len(ticks) < 2:
        return []
    t = sorted(ticks)
    if log:
        ratio = t[-1] / t[-2]
        up = [t[-1] * ratio ** k for k in range(1, 20) if t[-1] * ratio ** k <= hi]
        down = [t[0] / ratio ** k for k in range(1, 20) if t[0] / ratio ** k >= lo]
    else:
        step = t[-1] - t[-2]
        up = [t[-1] + step * k for k in range(1, 50) if t[-1] + step * k <= hi + 1e-9 * abs(step)]
        down = [t[0] - step * k for k in range(1, 50) if t[0] - step * k >= lo - 1e-9 * abs(step)]
    return [round(v, 12) for v in up + down]


def _no_math(text: str) -> str:
    """Tick texts cannot switch mathtext off: "$1 to $10" would parse as math unless escaped."""
    if text.count("$") - text.count(r"\$") >= 2:
        return text.replace(r"\$", "$").replace("$", r"\$")
    return text


def _fmt(v: float) -> str:
    if v != 0 and (abs(v) >= 1e5 or abs(v) < 1e-3):
        return f"{v:.3g}"
    return f"{v:,.6g}" if abs(v) >= 1e4 else f"{v:.6g}"


def _is_math(text: str) -> bool:
    dollars = text.count("$") - text.count(r"\$")
    return dollars > 0 and dollars % 2 == 0


def _frame(fig: Figure, ax: Axes, spec: ChartSpec, sz: Size) -> None:
    """Axis titles, chart title and margins measured from the tick labels actually shown."""
    renderer = _renderer(fig)
    prop = FontProperties(size=sz.font * 0.9)
    px = fig.dpi / 72.0

    def widest(axis_obj: MplAxis) -> tuple[float, float]:
        locs = axis_obj.get_majorticklocs()
        names = axis_obj.get_major_formatter().format_ticks(locs.tolist())
        sizes = [renderer.get_text_width_height_descent(n, prop, ismath=_is_math(n))[:2]
                 for n in names if n] or [(0.0, 0.0)]
        return max(s[0] for s in sizes), max(s[1] for s in sizes)

    yw, _ = widest(ax.yaxis)
    xw, xh = widest(ax.xaxis)
    if spec.x_axis.label:
        ax.set_xlabel(_plain(spec.x_axis.label), parse_math=False)
    if spec.y_axis.label:
        ax.set_ylabel(_plain(spec.y_axis.label), parse_math=False)
    if spec.title:
        ax.set_title(_plain(spec.title), fontsize=sz.font * 1.15, fontweight="bold", parse_math=False)
    W, H = fig.bbox.width, fig.bbox.height
    line = sz.font * 1.25 * px
    left = yw + 6 * px + (line * 1.3 if spec.y_axis.label else 0) + 4 * px
    bottom = xh + 6 * px + (line * 1.3 if spec.x_axis.label else 0) + 4 * px
    top = (line * 1.8 if spec.title else line * 0.6)
    right = max(10 * px, xw / 2 + 2 * px)  # the last x tick label is centred on the axes' edge
    ax.set_position((left / W, bottom / H, 1 - (left + right) / W, 1 - (bottom + top) / H))


# -- lines --------------------------------------------------------------------------------------

def _trend_lines(ax: Axes, spec: ChartSpec) -> list[Segment]:
    segments = []
    xlog, ylog = ax.get_xscale() == "log", ax.get_yscale() == "log"
    for t in spec.trend_lines:
        names = set(t.points) if t.points is not None else None
        pts = [p for p in spec.points if (p.label in names if names is not None else not p.highlight)]
        xs = np.array([p.x for p in pts], dtype=float)
        ys = np.array([p.y for p in pts], dtype=float)
        ok = np.isfinite(xs) & np.isfinite(ys) & ((xs > 0) if xlog else True) & ((ys > 0) if ylog else True)
        xs, ys = xs[ok], ys[ok]
        fx = np.log10(xs) if xlog else xs
        fy = np.log10(ys) if ylog else ys
        if len(np.unique(fx)) < 2:
            continue  # undefined fit (the spec's warnings say why)
        b, a = np.polyfit(fx, fy, 1)
        x_lo = t.start[0] if t.start else xs.min()
        x_hi = t.end[0] if t.end else xs.max()
        gx = np.linspace(np.log10(x_lo) if xlog else x_lo, np.log10(x_hi) if xlog else x_hi, 50)
        gy = a + b * gx
        X = 10 ** gx if xlog else gx
        Y = 10 ** gy if ylog else gy
        ax.plot(X, Y, _DASHES[t.style], color=color(t.color, LINE_COLOR), lw=1.2, zorder=2,
                label=t.label or None)
        d = ax.transData.transform(np.column_stack([X, Y]))
        segments += [(d[i, 0], d[i, 1], d[i + 1, 0], d[i + 1, 1]) for i in range(0, len(d) - 1, 5)]
    return segments


def _reference_lines(ax: Axes, spec: ChartSpec) -> list[Segment]:
    segments = []
    for r in spec.reference_lines:
        c, style = color(r.color, LINE_COLOR), _DASHES[r.style]
        if r.axis == "y":
            ax.axhline(r.value, color=c, linestyle=style, lw=1.0, zorder=1.5)
        else:
            ax.axvline(r.value, color=c, linestyle=style, lw=1.0, zorder=1.5)
        d = ax.transData.transform(_ref_xy(ax, r.axis, r.value))
        segments.append((d[0, 0], d[0, 1], d[1, 0], d[1, 1]))
    return segments


def _ref_xy(ax: Axes, axis: str, v: float) -> np.ndarray:
    if axis == "y":
        x0, x1 = ax.get_xlim()
        return np.array([[x0, v], [x1, v]])
    y0, y1 = ax.get_ylim()
    return np.array([[v, y0], [v, y1]])


def _line_labels(fig: Figure, ax: Axes, spec: ChartSpec, looks: list[Look], sz: Size,
                 taken: list[Box]) -> list[Box]:
    """Reference-line labels sit on their line, at whichever end collides with no marker or legend."""
    renderer = _renderer(fig)
    # each marker with the room its label would take to its right: a line label should leave it free
    markers = _label_zones(fig, ax, spec, looks, sz) + list(taken)
    boxes: list[Box] = []
    for r in spec.reference_lines:
        if not r.label:
            continue
        c = color(r.color, LINE_COLOR)
        if r.axis == "y":
            t = ax.text(0, r.value, _display(r.label), transform=ax.get_yaxis_transform(), fontsize=sz.label_font,
                        color=c, parse_math=False, zorder=5)
            spots: list[Spot] = [(0.99, "right", "bottom"), (0.01, "left", "bottom"), (0.99, "right", "top"),
                     (0.01, "left", "top"), (0.5, "center", "bottom")]
        else:
            t = ax.text(r.value, 0, _display(r.label), transform=ax.get_xaxis_transform(), rotation=90,
                        fontsize=sz.label_font, color=c, parse_math=False, zorder=5)
            spots = [(0.99, "left", "top"), (0.99, "right", "top"), (0.01, "left", "bottom"),
                     (0.01, "right", "bottom"), (0.5, "left", "center")]
        best: tuple[int, Spot, Box] | None = None
        for spot in spots:
            box = _put(t, ax, r.axis, spot, renderer)
            hits = sum(_hit(box, m) for m in markers + boxes)
            if best is None or hits < best[0]:
                best = (hits, spot, box)
            if hits == 0:
                break
        assert best is not None
        boxes.append(_put(t, ax, r.axis, best[1], renderer))
    return boxes


def _put(t: Text, ax: Axes, axis: str, spot: Spot, renderer: RendererBase) -> Box:
    """Move a line label to `spot` (position along the line, alignment); its box in display px."""
    frac, ha, va = spot
    (t.set_x if axis == "y" else t.set_y)(frac)
    t.set_horizontalalignment(ha)
    t.set_verticalalignment(va)
    # a little air between the text and its line: 2.5 pt off the line, 1.5 pt in from the frame
    fig = t.figure
    away = 2.5 / 72
    if axis == "y":
        dx, dy = {"right": -1.5 / 72, "left": 1.5 / 72}.get(ha, 0.0), away if va == "bottom" else -away
        base = ax.get_yaxis_transform()
    else:
        dx, dy = away if ha == "left" else -away, {"top": -1.5 / 72, "bottom": 1.5 / 72}.get(va, 0.0)
        base = ax.get_xaxis_transform()
    t.set_transform(base + ScaledTranslation(dx, dy, fig.dpi_scale_trans))
    return _box(t.get_window_extent(renderer))


def _hit(a: Box, b: Box) -> bool:
    return a[0] < b[2] and a[2] > b[0] and a[1] < b[3] and a[3] > b[1]


def _marker_boxes(fig: Figure, ax: Axes, spec: ChartSpec, looks: list[Look]) -> list[Box]:
    if not spec.points:
        return []
    pts = ax.transData.transform(np.array([[p.x, p.y] for p in spec.points], dtype=float))
    radii = _radii(fig, looks)
    return [(x - r, y - r, x + r, y + r) for (x, y), r in zip(pts, radii, strict=True)]


def _label_zones(fig: Figure, ax: Axes, spec: ChartSpec, looks: list[Look], sz: Size) -> list[Box]:
    renderer = _renderer(fig)
    prop = FontProperties(size=sz.label_font)
    zones = []
    for (x0, y0, x1, y1), p in zip(_marker_boxes(fig, ax, spec, looks), spec.points, strict=True):
        w, h = _text_size(renderer, fig.dpi, _display(p.label), prop)
        cy = (y0 + y1) / 2
        zones.append((x0, min(y0, cy - h / 2), x1 + 2 + w, max(y1, cy + h / 2)))
    return zones


def _radii(fig: Figure, looks: list[Look]) -> np.ndarray:
    px = fig.dpi / 72.0
    return np.array([math.sqrt(lk.size) / 2 * px * (0.8 if lk.marker == "*" else 1.0) + 1.0 for lk in looks])


# -- points, legend, labels ---------------------------------------------------------------------

def _points(ax: Axes, spec: ChartSpec, looks: list[Look]) -> None:
    # one scatter call per (marker, z) keeps the artist count low; order is the spec's
    keys: list[tuple[str, float]] = []
    for look in looks:
        if (look.marker, look.z) not in keys:
            keys.append((look.marker, look.z))
    for marker, z in keys:
        idx = [i for i, lk in enumerate(looks) if lk.marker == marker and lk.z == z]
        edge = {"edgecolors": "white", "linewidths": 0.6} if marker not in ("x", "+") else {"linewidths": 1.4}
        ax.scatter([spec.points[i].x for i in idx], [spec.points[i].y for i in idx],
                   s=[looks[i].size for i in idx], c=[looks[i].color for i in idx], marker=marker,
                   zorder=z, **edge)


def _legend(fig: Figure, ax: Axes, spec: ChartSpec, looks: list[Look], sz: Size) -> Legend | None:
    handles, names = [], []
    for g in spec.groups:
        members = [i for i, p in enumerate(spec.points) if p.group == g.name]
        if not members:
            continue
        lk = looks[members[0]]
        handles.append(_handle(lk))
        names.append(_display(g.name))
    lone = [i for i, p in enumerate(spec.points) if p.highlight and p.group not in names]
    if handles and lone:
        for i in lone:
            handles.append(_handle(looks[i]))
            names.append(_display(spec.points[i].label))
    for t in spec.trend_lines:
        if t.label:
            handles.append(Line2D([], [], color=color(t.color, LINE_COLOR), linestyle=_DASHES[t.style]))
            names.append(_display(t.label))
    if not handles:
        return None
    renderer = _renderer(fig)
    pts = ax.transData.transform(np.array([[p.x, p.y] for p in spec.points], dtype=float))
    best: tuple[int, str] | None = None
    for loc in ("upper left", "upper right", "lower right", "lower left", "center right", "center left",
                "upper center", "lower center"):
        leg = ax.legend(handles, names, loc=loc, fontsize=sz.label_font, borderaxespad=0.4)
        x0, y0, x1, y1 = leg.get_window_extent(renderer).extents
        pad = 12.0
        inside = int(((pts[:, 0] > x0 - pad) & (pts[:, 0] < x1 + pad) & (pts[:, 1] > y0 - pad)
                      & (pts[:, 1] < y1 + pad)).sum())
        if best is None or inside < best[0]:
            best = (inside, loc)
        if inside == 0:
            return leg
    # every corner covers points: move the legend outside, to the right of the axes
    leg = ax.legend(handles, names, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=sz.label_font,
                    borderaxespad=0.0)
    width = leg.get_window_extent(renderer).width / fig.bbox.width
    pos = ax.get_position()
    ax.set_position((pos.x0, pos.y0, max(pos.width - width - 0.02, 0.3), pos.height))
    return leg


def _handle(look: Look) -> Line2D:
    edge = "white" if look.marker not in ("x", "+") else look.color
    return Line2D([], [], linestyle="none", marker=look.marker, color=look.color, markeredgecolor=edge,
                  markersize=max(math.sqrt(look.size) * 0.9, 6.0 if look.marker != "*" else 8.0))


def _labels(fig: Figure, ax: Axes, spec: ChartSpec, looks: list[Look], sz: Size,
            blocked: list[Box], segments: list[Segment]) -> None:
    if not spec.points:
        return
    renderer = _renderer(fig)
    px = fig.dpi / 72.0
    pts = ax.transData.transform(np.array([[p.x, p.y] for p in spec.points], dtype=float))
    radii = _radii(fig, looks)
    # a point with an empty label is one the description gives no name: drawn, not labelled
    shown = [i for i, p in enumerate(spec.points) if p.label and (len(spec.points) <= LABEL_LIMIT or p.highlight)]
    texts = [_display(spec.points[i].label) for i in shown]
    props = [FontProperties(size=sz.label_font, weight="bold" if spec.points[i].highlight else "normal")
             for i in shown]
    sizes = np.array([_text_size(renderer, fig.dpi, t, prop)
                      for t, prop in zip(texts, props, strict=True)]).reshape(-1, 2)
    frame = _box(ax.get_window_extent(renderer))
    first = [k for k, i in enumerate(shown) if spec.points[i].highlight]
    # every marker is an obstacle, labelled or not
    others = [i for i in range(len(spec.points)) if i not in set(shown)]
    blocked = blocked + [(pts[i, 0] - radii[i], pts[i, 1] - radii[i], pts[i, 0] + radii[i], pts[i, 1] + radii[i])
                         for i in others]
    spots = placer.place(pts[shown], radii[shown], sizes, frame, blocked, segments, first, gap=2.0 * px)
    for i, text, prop, spot in zip(shown, texts, props, spots, strict=True):
        p, (x, y) = spec.points[i], pts[i]
        dx, dy = (spot.cx - x) / px, (spot.cy - y) / px
        if spot.scale != 1.0:
            prop = prop.copy()
            prop.set_size(sz.label_font * spot.scale)
        arrow = dict(arrowstyle="-", color="#9a9a9a", lw=0.5, shrinkA=1.5, shrinkB=0) if spot.moved else None
        ax.annotate(text, (p.x, p.y), xytext=(dx, dy), textcoords="offset points", ha="center",
                    va="center", fontproperties=prop, color="#1a1a1a", zorder=6, annotation_clip=False,
                    arrowprops=arrow, parse_math=False)


def _plain(text: str) -> str:
    """Titles as drawn: control characters become spaces; nothing is shortened."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def _display(label: str) -> str:
    """The label as drawn: one line, control characters gone, very long names shortened."""
    text = " ".join("".join(ch if ch.isprintable() else " " for ch in label).split()) or "?"
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"


def _text_size(renderer: RendererBase, dpi: float, text: str, prop: FontProperties) -> tuple[float, float]:
    """A label's box in display px, with a little air so neighbours never touch.

    Extents depend only on the pinned font, its size and the dpi (the figure's, which the renderer
    measures at), so each is measured once.
    """
    key = (text, prop.get_size_in_points(), str(prop.get_weight()), dpi)
    size = _SIZES.get(key)
    if size is None:
        w, h, _ = renderer.get_text_width_height_descent(text, prop, ismath=False)
        # matplotlib lays a line out at least as tall as "lp" (ascender + descender): so do we
        _, h_lp, _ = renderer.get_text_width_height_descent("lp", prop, ismath=False)
        size = _SIZES[key] = (w + 4.0, max(h, h_lp) + 3.0)
        if len(_SIZES) > 20000:
            _SIZES.clear()
    return size


_SIZES: dict[tuple[str, float, str, float], tuple[float, float]] = {}
