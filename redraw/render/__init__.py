"""render(spec) -> Figure, and byte-stable saving. The renderer reads only a ChartSpec."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import RedrawError  # (light: no matplotlib)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..spec import ChartSpec

__all__ = ["FORMATS", "MAX_DPI", "MIN_DPI", "PALETTES", "SIZES", "VENUES", "figure_bytes", "render"]
FORMATS = ("png", "svg", "pdf")
SIZES = ("column", "page", "slide")
VENUES = ("icml", "neurips", "iclr", "aaai", "cvpr", "acl")   # render/style.py holds their numbers
PALETTES = ("okabe-ito",)
# Below 20 dpi a column-wide figure is under 70 pixels (and at a tiny fraction of a dot matplotlib writes an
# empty image and fails); above 2400 a page-wide PNG passes 250 megapixels.
MIN_DPI, MAX_DPI = 20, 2400
# matplotlib loads on the first render, not on import (see redraw.parse).


def _real(value: object) -> bool:
    """A real number (not a bool, which Python counts as one); nan fails every comparison the callers make."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def render(spec: ChartSpec, size: str = "page", *, venue: str | None = None, width: float | None = None,
           palette: str | None = None) -> Figure:
    """Draw a ChartSpec as a matplotlib Figure: no pyplot, no global rcParams change.

    `size` is "column" (3.5 in wide), "page" (7 in) or "slide" (10 in), fonts sized to match. `venue` (one of
    VENUES: icml, neurips, iclr, aaai, cvpr, acl) draws at that venue's column ("column") or full width
    ("page"), in its font sizes and a Times-like serif; `width` (inches) sets any width; `palette`
    ("okabe-ito") draws each hue as the palette's member of that hue.

    >>> from redraw.spec import ChartSpec, Point
    >>> fig = render(ChartSpec(points=[Point(label="A", x=1, y=2)]))
    >>> fig.axes[0].get_xscale()
    'linear'
    """
    from ..spec import ChartSpec
    from .figure import render as _render

    if not isinstance(spec, ChartSpec):
        hint = " (ChartSpec.model_validate(d) makes one from a dict)" if isinstance(spec, dict) else ""
        raise TypeError(f"render(spec): spec must be a ChartSpec, not {type(spec).__name__}{hint}")
    for name, value, allowed in (("size", size, SIZES), ("venue", venue, VENUES), ("palette", palette, PALETTES)):
        if (value is not None or name == "size") and value not in allowed:
            raise ValueError(f"render({name}={value!r}): {name} must be one of {', '.join(allowed)}")
    if width is not None and not (_real(width) and 1 <= width <= 30):
        raise ValueError(f"render(width={width!r}): width must be a number of inches between 1 and 30")
    try:
        return _render(spec, size, venue=venue, width=width, palette=palette)
    except (OverflowError, ArithmeticError, ValueError, TypeError) as err:
        # (TypeError: matplotlib's log transform of a value it turned into a Python int too large for numpy)
        raise _beyond(err) from None


def figure_bytes(fig: Figure, fmt: str, dpi: float = 200) -> bytes:
    """The figure as PNG, SVG or PDF bytes, identical for identical figures."""
    from .save import figure_bytes as _bytes

    if not (_real(dpi) and MIN_DPI <= dpi <= MAX_DPI):
        raise ValueError(f"figure_bytes(dpi={dpi!r}): dpi must be a number between {MIN_DPI} and {MAX_DPI}")
    try:
        return _bytes(fig, fmt, dpi)
    except (OverflowError, ArithmeticError, TypeError) as err:   # ticks and text are laid out only now, at saving
        raise _beyond(err) from None


def _beyond(err: Exception) -> RedrawError:
    """Values a float holds but a figure cannot (an axis from -1.7e308 to 1.7e308 spans more than the largest
    float): an error about this spec, not a crash."""
    return RedrawError(f"cannot draw this spec: its values are beyond what a figure can show ({err})")
