"""What every drawing step shares: how a point looks, display-space boxes, marker radii and label text."""
from __future__ import annotations

import functools
import itertools
import math
import re
from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.markers import MarkerStyle
from matplotlib.transforms import Bbox
from matplotlib.typing import LineStyleType

from ..spec import ChartSpec

LABEL_CHARS = 60   # longer labels are shortened with an ellipsis in the figure (the spec keeps them whole)
DASHES: dict[str, LineStyleType] = {"solid": "-", "dashed": "--", "dotted": ":", "dashdot": "-."}
Box = tuple[float, float, float, float]       # x0, y0, x1, y1 in display px
Segment = tuple[float, float, float, float]   # a drawn line piece, x0, y0, x1, y1 in display px


@dataclass
class Look:
    """How one point is drawn, and where: x and y are the spec's values, except for points drawn apart
    from a coincident one (figure.spread)."""

    color: str
    marker: str
    size: float
    z: float
    x: float
    y: float


def get_renderer(fig: Figure) -> RendererBase:
    canvas = fig.canvas
    assert isinstance(canvas, FigureCanvasAgg)  # render() gives every figure an Agg canvas
    return canvas.get_renderer()  # type: ignore[no-untyped-call,no-any-return]  # backend_agg has no type hints


def display_box(bbox: Bbox) -> Box:
    x0, y0, x1, y1 = (float(v) for v in bbox.extents)
    return (x0, y0, x1, y1)


def marker_boxes(fig: Figure, ax: Axes, spec: ChartSpec, looks: list[Look]) -> list[Box]:
    if not spec.points:
        return []
    pts = ax.transData.transform(np.array([[lk.x, lk.y] for lk in looks], dtype=float))
    radii = marker_radii(fig, looks)
    return [(x - r, y - r, x + r, y + r) for (x, y), r in zip(pts, radii, strict=True)]


def drawn_segments(ax: Axes) -> list[Segment]:
    """Every drawn line (trend and reference lines) as display-px segments, measured now: call again
    after the axes move (a legend placed outside shrinks them)."""
    out: list[Segment] = []
    for line in ax.lines:
        v = np.asarray(line.get_transform().transform_path(line.get_path()).vertices, dtype=float)
        out += [(float(a[0]), float(a[1]), float(b[0]), float(b[1])) for a, b in itertools.pairwise(_corners(v))]
    return out


def _corners(v: np.ndarray) -> np.ndarray:
    """A polyline's vertices less those in the middle of a straight run (a fitted line is straight on screen
    however many vertices it has): the same drawn line in fewer segments."""
    if len(v) < 3:
        return v
    d1, d2 = v[1:-1] - v[:-2], v[2:] - v[1:-1]
    bend = np.abs(d1[:, 0] * d2[:, 1] - d1[:, 1] * d2[:, 0]) > 1e-6 * (np.hypot(*d1.T) * np.hypot(*d2.T) + 1e-12)
    keep = np.concatenate([[True], bend | ((d1 * d2).sum(axis=1) <= 0), [True]])
    corners: np.ndarray = v[keep]
    return corners


def marker_radii(fig: Figure, looks: list[Look]) -> np.ndarray:
    """Each marker's radius in display px: the farthest point of its drawn outline (a triangle's tips,
    a diamond's corners, a star's points), plus a pixel for the edge line."""
    px = fig.dpi / 72.0
    return np.array([math.sqrt(lk.size) * _reach(lk.marker) * px + 1.0 for lk in looks])


@functools.cache
def _reach(marker: str) -> float:
    """How far a marker's outline reaches from its centre, for a marker 1 point across."""
    style = MarkerStyle(marker)
    vertices = np.asarray(style.get_path().transformed(style.get_transform()).vertices, dtype=float)
    return float(np.hypot(vertices[:, 0], vertices[:, 1]).max())


def plain_text(text: str) -> str:
    """Titles as drawn: control characters become spaces; nothing is shortened."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


# simple scripts in titles, legend entries and line labels: "E_g", "ΔG_H*", "π_ref", "K_{IC}" (a one- or two-letter
# symbol, then up to four letters or digits, or braces); "M^0.75", "C^−0.094", "cm^-2", "m^1/2", "10^x"
_GREEK = "\u0391-\u03a9\u03b1-\u03c9"
_SUB = re.compile(r"(?<![\w\\])[\u0394\u2206]?[A-Za-z" + _GREEK + r"]{1,2}_(\{[^{}$\s]{1,12}\}|[A-Za-z0-9"
                  + _GREEK + r"]{1,4}(?!\w))")
_SUP = re.compile(r"(?<=[\w)\]])\^(\{[^{}$\s]{1,12}\}|[-\u2212+]?\d+(?:\.\d+)?(?:/\d+)?|[A-Za-z](?!\w))")


def scripts(text: str) -> str:
    """Text as drawn, with its simple sub- and superscripts set as such (mathtext, one script at a time: "E$_{g}$",
    "M$^{0.75}$"), everything else verbatim: a "$" of its own is escaped, so it never starts mathtext. The spec
    keeps the text as written."""
    spans = sorted([(m.start(1) - 1, m.end(1), "_", m.group(1)) for m in _SUB.finditer(text)]
                   + [(m.start(), m.end(), "^", m.group(1)) for m in _SUP.finditer(text)])
    out, at = [], 0
    for start, end, mark, body in spans:
        if start < at:
            continue
        inner = body[1:-1] if body.startswith("{") else body
        out += [text[at:start].replace("$", r"\$"), f"${mark}{{{inner.replace('−', '-')}}}$"]
        at = end
    return "".join(out) + text[at:].replace("$", r"\$")


def display_label(label: str) -> str:
    """The label as drawn: one line, control characters gone, very long names shortened."""
    text = " ".join("".join(ch if ch.isprintable() else " " for ch in label).split()) or "?"
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"


def text_size(renderer: RendererBase, dpi: float, text: str, prop: FontProperties) -> tuple[float, float]:
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
