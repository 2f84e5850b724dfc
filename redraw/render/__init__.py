"""render(spec) -> Figure, and byte-stable saving. The renderer reads only a ChartSpec."""
from __future__ import annotations

from .figure import render
from .save import FORMATS, figure_bytes, write_atomic
from .style import SIZES

__all__ = ["render", "figure_bytes", "write_atomic", "FORMATS", "SIZES"]
