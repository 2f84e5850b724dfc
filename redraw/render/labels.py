"""The labels step: every point's label placed by the placer (redraw.render.placer) and drawn."""
from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties

from ..spec import LABEL_LIMIT, ChartSpec
from . import placer
from .base import Box, Look, Segment, display_box, display_label, get_renderer, marker_radii, text_size
from .style import Size


def draw_labels(fig: Figure, ax: Axes, spec: ChartSpec, looks: list[Look], sz: Size,
            blocked: list[Box], segments: list[Segment]) -> None:
    if not spec.points:
        return
    renderer = get_renderer(fig)
    px = fig.dpi / 72.0
    pts = ax.transData.transform(np.array([[p.x, p.y] for p in spec.points], dtype=float))
    radii = marker_radii(fig, looks)
    # a point with an empty label is one the description gives no name: drawn, not labelled
    shown = [i for i, p in enumerate(spec.points) if p.label and (len(spec.points) <= LABEL_LIMIT or p.highlight)]
    texts = [display_label(spec.points[i].label) for i in shown]
    props = [FontProperties(size=sz.label_font, weight="bold" if spec.points[i].highlight else "normal")
             for i in shown]
    sizes = np.array([text_size(renderer, fig.dpi, t, prop)
                      for t, prop in zip(texts, props, strict=True)]).reshape(-1, 2)
    frame = display_box(ax.get_window_extent(renderer))
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
