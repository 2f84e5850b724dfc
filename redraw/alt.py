"""Alt text: what a figure shows, in a few sentences, from its ChartSpec (no drawing needed).

It goes into every figure (PNG iTXt Description, SVG <title>/<desc>, PDF Title/Subject), into NAME.json
(`alt_text`) and into the gallery, so a reader who cannot see the figure gets the same facts.
"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .spec import Axis, ChartSpec

SHOWN = 6          # series and points named before "and N more"


def number(value: float) -> str:
    """A value as a reader says it: 4e9 -> "4 billion", 25000 -> "25,000", 0.0032 -> "0.0032", 71.0 -> "71"."""
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:
            return f"{value / scale:.3g} {word}"
    return f"{value:,.0f}" if abs(value) >= 1e4 else f"{value:.4g}"


def short_title(spec: ChartSpec) -> str:
    """The figure's name: its title, else its caption, else what it plots."""
    if spec.title or spec.caption:
        return str(spec.title or spec.caption)
    if spec.x_axis.label and spec.y_axis.label:
        return f"{spec.y_axis.label} against {spec.x_axis.label}"
    return "Scatter plot"


def _axis(axis: Axis, which: str, values: list[float]) -> str:
    name = axis.label or f"the {which} value"
    # what the drawn axis spans: the stated range and ticks, grown to every point (as the renderer does)
    shown = values + list(axis.ticks or []) + [v for v in (axis.min, axis.max) if v is not None]
    lo, hi = min(shown), max(shown)
    scale = ", log scale" if axis.scale == "log" else ""
    return f"{name} ({which}{scale}, {number(lo)} to {number(hi)})"


def _listed(names: list[str]) -> str:
    shown = names[:SHOWN] + ([f"{len(names) - SHOWN} more"] if len(names) > SHOWN else [])
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def alt_text(spec: ChartSpec) -> str:
    """E.g. 'Scatter plot "Accuracy vs. size": Score (y, 50 to 90) against Params (x, log scale, 1 to 100).
    12 points in 3 series: Open (6), Closed (5) and Ours (1). Highlighted: Phi-4 at x 14, y 84. A dashed
    linear trend line fitted to 11 points. A horizontal reference line at y = 50 ("random").'"""
    points = spec.points
    head = f'Scatter plot "{spec.title}"' if spec.title else "Scatter plot"
    parts = [f"{head}: {_axis(spec.y_axis, 'y', [p.y for p in points])} against "
             f"{_axis(spec.x_axis, 'x', [p.x for p in points])}."]
    sizes = Counter(p.group for p in points if p.group)
    series = [f"{g.name} ({sizes[g.name]})" for g in spec.groups if sizes[g.name]]
    count = f"{len(points)} point{'s' if len(points) != 1 else ''}"
    parts.append(f"{count} in {len(series)} series: {_listed(series)}." if len(series) > 1 else f"{count}.")
    marked = [f"{p.label or 'an unlabelled point'} at x {number(p.x)}, y {number(p.y)}"
              for p in points if p.highlight]
    if marked:
        parts.append(f"Highlighted: {_listed(marked)}.")
    for t in spec.trend_lines:
        over = f"{len(t.points)} points" if t.points is not None else "the points not highlighted"
        label = f' ("{t.label}")' if t.label else ""
        parts.append(f"A {t.style} {t.fit} trend line{label} fitted to {over}.")
    for r in spec.reference_lines:
        kind = "horizontal" if r.axis == "y" else "vertical"
        label = f' ("{r.label}")' if r.label else ""
        parts.append(f"A {kind} reference line at {r.axis} = {number(r.value)}{label}.")
    return " ".join(parts)
