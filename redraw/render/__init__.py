"""render(spec) -> Figure, and byte-stable saving. The renderer reads only a ChartSpec."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..spec import ChartSpec

__all__ = ["FORMATS", "MAX_DPI", "MIN_DPI", "SIZES", "figure_bytes", "render"]
FORMATS = ("png", "svg", "pdf")
SIZES = ("column", "page", "slide")
# Below 20 dpi a column-wide figure is under 70 pixels (and at a tiny fraction of a dot matplotlib writes an
# empty image and fails); above 2400 a page-wide PNG passes 250 megapixels.
MIN_DPI, MAX_DPI = 20, 2400
# matplotlib loads on the first render, not on import (see redraw.parse).


def render(spec: ChartSpec, size: str = "page") -> Figure:
    """Draw a ChartSpec as a matplotlib Figure: no pyplot, no global rcParams change.

    `size` is "column" (3.5 in wide), "page" (7 in) or "slide" (10 in), fonts sized to match.

    >>> from redraw.spec import ChartSpec, Point
    >>> fig = render(ChartSpec(points=[Point(label="A", x=1, y=2)]))
    >>> fig.axes[0].get_xscale()
    'linear'
    """
    from .figure import render as _render

    return _render(spec, size)


def figure_bytes(fig: Figure, fmt: str, dpi: float = 200) -> bytes:
    """The figure as PNG, SVG or PDF bytes, identical for identical figures."""
    from .save import figure_bytes as _bytes

    return _bytes(fig, fmt, dpi)
