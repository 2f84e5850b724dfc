"""The lines step: fitted trend lines, reference lines and the labels that sit on reference lines."""
from __future__ import annotations

from typing import Literal

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.text import Text
from matplotlib.transforms import ScaledTranslation

from ..colors import LINE_COLOR
from ..spec import ChartSpec, fitted_points
from .base import DASHES, Box, Look, Segment, display_box, display_label, get_renderer, marker_boxes, scripts, text_size
from .placer import segments_through
from .style import Size, color

Spot = tuple[float, Literal["left", "center", "right"], Literal["top", "bottom", "center"]]
SCAN = 40   # where the preferred spots on a reference line are all taken, its label is tried at every 1/SCAN of it


def trend_lines(ax: Axes, spec: ChartSpec) -> None:
    """Each trend line fitted by least squares in displayed coordinates (the spec holds only lines that can be
    fitted), from its stated start to its stated end, else across the points it is fitted to."""
    xlog, ylog = spec.log_shown("x"), spec.log_shown("y")
    for t in spec.trend_lines:
        pts = fitted_points(spec.points, t)
        xs, ys = np.array([p.x for p in pts], dtype=float), np.array([p.y for p in pts], dtype=float)
        fx, fy = (np.log10(xs) if xlog else xs), (np.log10(ys) if ylog else ys)
        b, a = np.polyfit(fx, fy, 1)
        x_lo = t.start[0] if t.start else xs.min()
        x_hi = t.end[0] if t.end else xs.max()
        lo, hi = (np.log10(x_lo), np.log10(x_hi)) if xlog else (x_lo, x_hi)
        gx = np.linspace(lo, hi, 50)
        gy = a + b * gx
        assert t.color, "render() draws a resolved spec"
        ax.plot(10 ** gx if xlog else gx, 10 ** gy if ylog else gy, DASHES[t.style], color=color(t.color), lw=1.2,
                zorder=2, label=t.label or None)


def reference_lines(ax: Axes, spec: ChartSpec) -> None:
    for r in spec.reference_lines:
        assert r.color, "render() draws a resolved spec"
        c, style = color(r.color), DASHES[r.style]
        if r.axis == "y":
            ax.axhline(r.value, color=c, linestyle=style, lw=1.0, zorder=1.5)
        else:
            ax.axvline(r.value, color=c, linestyle=style, lw=1.0, zorder=1.5)


def line_labels(fig: Figure, ax: Axes, spec: ChartSpec, looks: list[Look], sz: Size,
                taken: list[Box], segments: list[Segment]) -> list[Box]:
    """Reference-line labels sit on their line, at whichever end collides with no marker, legend or other
    drawn line (segments, display px)."""
    renderer = get_renderer(fig)
    # what a line label must not cover: markers, the legend, other line labels, other lines; and, if it can,
    # the room each point's label would take to its right
    zones = _label_zones(fig, ax, spec, looks, sz)
    hard = marker_boxes(fig, ax, spec, looks) + list(taken)
    lines = np.array(segments, dtype=float).reshape(-1, 4)
    boxes: list[Box] = []
    frame = display_box(ax.get_window_extent(renderer))

    def hits(box: Box) -> int:
        covered = sum(_hit(box, m) for m in hard + boxes) + int(segments_through(np.array([box]), lines).sum())
        outside = box[0] < frame[0] or box[1] < frame[1] or box[2] > frame[2] or box[3] > frame[3]
        return 100 * (covered + outside) + sum(_hit(box, z) for z in zones)
    for r in spec.reference_lines:
        if not r.label:
            continue
        c = color(r.color or LINE_COLOR)
        if r.axis == "y":
            t = ax.text(0, r.value, scripts(display_label(r.label)), transform=ax.get_yaxis_transform(),
                        fontsize=sz.label_font, color=c, zorder=5)
            spots: list[Spot] = [(0.99, "right", "bottom"), (0.01, "left", "bottom"), (0.99, "right", "top"),
                                 (0.01, "left", "top"), (0.5, "center", "bottom"), (0.5, "center", "top"),
                                 (0.75, "center", "bottom"), (0.25, "center", "bottom"), (0.75, "center", "top"),
                                 (0.25, "center", "top")]
            scan: list[Spot] = [(k / SCAN, "center", va) for k in range(SCAN - 1, 0, -1) for va in ("bottom", "top")]
        else:
            t = ax.text(r.value, 0, scripts(display_label(r.label)), transform=ax.get_xaxis_transform(), rotation=90,
                        fontsize=sz.label_font, color=c, zorder=5)
            spots = [(0.99, "left", "top"), (0.99, "right", "top"), (0.01, "left", "bottom"),
                     (0.01, "right", "bottom"), (0.5, "left", "center"), (0.5, "right", "center"),
                     (0.75, "left", "center"), (0.25, "left", "center"), (0.75, "right", "center"),
                     (0.25, "right", "center")]
            scan = [(k / SCAN, ha, "center") for k in range(SCAN - 1, 0, -1) for ha in ("left", "right")]
        text = t.get_text()
        # the label on one line at a preferred spot, else anywhere along the line, else (when that covers
        # something wherever it goes) on two lines, the same way
        best: tuple[int, str, Spot] | None = None
        for shown, tried in [(text, spots), (text, scan)] + (
                [(_two_lines(text), spots), (_two_lines(text), scan)] if " " in text else []):
            t.set_text(shown)
            for spot in tried:
                n = hits(_put(t, ax, r.axis, spot, renderer))
                if best is None or n < best[0]:
                    best = (n, shown, spot)
                if n == 0:
                    break
            if best is not None and best[0] < 100:
                break
        assert best is not None
        t.set_text(best[1])
        boxes.append(_put(t, ax, r.axis, best[2], renderer))
    return boxes


def _two_lines(text: str) -> str:
    """A label broken at the space nearest its middle."""
    spaces = [k for k, ch in enumerate(text) if ch == " "]
    k = min(spaces, key=lambda k: (abs(2 * k - len(text)), k))
    return text[:k] + "\n" + text[k + 1:]


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
    return display_box(t.get_window_extent(renderer))


def _hit(a: Box, b: Box) -> bool:
    return a[0] < b[2] and a[2] > b[0] and a[1] < b[3] and a[3] > b[1]


def _label_zones(fig: Figure, ax: Axes, spec: ChartSpec, looks: list[Look], sz: Size) -> list[Box]:
    renderer = get_renderer(fig)
    prop = FontProperties(size=sz.label_font)
    zones = []
    for (x0, y0, x1, y1), p in zip(marker_boxes(fig, ax, spec, looks), spec.points, strict=True):
        w, h = text_size(renderer, fig.dpi, display_label(p.label), prop)
        cy = (y0 + y1) / 2
        zones.append((x0, min(y0, cy - h / 2), x1 + 2 + w, max(y1, cy + h / 2)))
    return zones
