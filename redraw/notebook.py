"""Jupyter: a ChartSpec displays as its figure, and `redraw.show(text)` parses and displays in one call.

The spec module draws nothing (the renderer sits above it), so a ChartSpec's figure reaches Jupyter through
IPython's display formatters, registered by name when redraw is imported inside IPython: the same effect as
`_repr_svg_` / `_repr_png_` on the class, without the spec importing the renderer.
"""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .spec import ChartSpec

PREVIEW_DPI = 100   # a notebook shows the figure at screen size; the files keep the CLI's 200


def svg(spec: ChartSpec, size: str = "page", **options: Any) -> str:
    """The figure of a spec as SVG text (alt text included)."""
    from .render import figure_bytes, render

    return figure_bytes(render(spec, size, **options), "svg").decode("utf-8")


def png(spec: ChartSpec, size: str = "page", **options: Any) -> bytes:
    from .render import figure_bytes, render

    return figure_bytes(render(spec, size, **options), "png", PREVIEW_DPI)


class Shown:
    """What show() returns: displays as the figure in Jupyter; `.spec` is the parsed ChartSpec."""

    def __init__(self, spec: ChartSpec, size: str, options: dict[str, Any]) -> None:
        self.spec, self.size, self.options = spec, size, options

    def _repr_svg_(self) -> str:
        return svg(self.spec, self.size, **self.options)

    def _repr_png_(self) -> bytes:
        return png(self.spec, self.size, **self.options)

    def __repr__(self) -> str:
        return f"<redraw figure: {len(self.spec.points)} points, {len(self.spec.warnings)} warnings>"


def show(text: str, size: str = "page", **options: Any) -> Shown:
    """Parse a description (or a ChartSpec's JSON) and display its figure: the last line of a notebook cell.
    Options are render()'s: venue, width, palette."""
    from .parse import parse

    return Shown(parse(text), size, options)


def register(shell: Any = None) -> bool:
    """Teach IPython to display every ChartSpec as its figure (SVG, and PNG for frontends without SVG).
    Called on `import redraw` inside IPython; returns whether a shell was there to register with."""
    if shell is None:
        ipython = sys.modules.get("IPython")
        shell = ipython.get_ipython() if ipython is not None else None
    if shell is None:
        return False
    formatters = shell.display_formatter.formatters
    formatters["image/svg+xml"].for_type_by_name("redraw.spec", "ChartSpec", svg)
    formatters["image/png"].for_type_by_name("redraw.spec", "ChartSpec", png)
    return True
