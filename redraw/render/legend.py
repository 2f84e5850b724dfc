"""The legend step: one entry per group and per labelled trend line (a highlighted point of no group has its
name beside it in bold, and no entry: a legend lists what the text's legend lists), where the text
puts it (spec.legend_position) if it covers no point or line there, else in the first corner clear of
points and lines, else outside the axes on the right."""
from __future__ import annotations

import math
from typing import Literal

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.lines import Line2D

from ..colors import LINE_COLOR
from ..spec import ChartSpec
from .base import DASHES, Look, display_label, drawn_segments, get_renderer, scripts
from .placer import segments_through
from .style import Size, color

Corner = Literal["upper left", "upper right", "lower right", "lower left", "center right", "center left",
                 "upper center", "lower center"]


def draw_legend(fig: Figure, ax: Axes, spec: ChartSpec, looks: list[Look], sz: Size) -> Legend | None:
    handles, names = [], []
    for g in spec.groups:
        members = [i for i, p in enumerate(spec.points) if p.group == g.name]
        if not members:
            continue
        lk = looks[members[0]]
        handles.append(_handle(lk))
        names.append(scripts(display_label(g.name)))
    for t in spec.trend_lines:
        if t.label:
            handles.append(Line2D([], [], color=color(t.color or LINE_COLOR), linestyle=DASHES[t.style]))
            names.append(scripts(display_label(t.label)))
    if not handles:
        return None
    renderer = get_renderer(fig)
    pts = ax.transData.transform(np.array([[lk.x, lk.y] for lk in looks], dtype=float))
    lines = np.array(drawn_segments(ax)).reshape(-1, 4)
    # where the text puts the legend comes first, if it covers no point and no line there (our axes are not the
    # original's); otherwise the first clear corner
    stated = spec.legend_position
    corners: list[Corner] = ["upper left", "upper right", "lower right", "lower left", "center right", "center left",
                             "upper center", "lower center"]
    if stated is not None:
        corners = [] if stated == "outside right" else [c for c in corners if c == stated] + [
            c for c in corners if c != stated]
    for loc in corners:
        leg = ax.legend(handles, names, loc=loc, fontsize=sz.label_font, borderaxespad=0.4)
        x0, y0, x1, y1 = leg.get_window_extent(renderer).extents
        pad = 12.0
        inside = int(((pts[:, 0] > x0 - pad) & (pts[:, 0] < x1 + pad) & (pts[:, 1] > y0 - pad)
                      & (pts[:, 1] < y1 + pad)).sum())
        if inside == 0 and not segments_through(np.array([[x0, y0, x1, y1]]), lines).any():
            return leg
    # every corner covers points or lines (or the text says so): the legend goes outside, right of the axes
    leg = ax.legend(handles, names, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=sz.label_font,
                    borderaxespad=0.0)
    width = leg.get_window_extent(renderer).width / fig.bbox.width
    pos = ax.get_position()
    ax.set_position((pos.x0, pos.y0, max(pos.width - width - 0.02, 0.3), pos.height))
    return leg


def _handle(look: Look) -> Line2D:
    edge = "white" if look.marker not in ("x", "+") else look.color
    return Line2D([], [], linestyle="none", marker=look.marker, color=look.color, markeredgecolor=edge,
                  markersize=math.sqrt(look.size))   # as plotted: a scatter size is the marker's area in pt^2
