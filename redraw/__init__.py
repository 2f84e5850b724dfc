"""redraw: turn text descriptions of scatter plots back into clean figures.

>>> import redraw
>>> spec = redraw.parse("Scatter plot.\\n\\n- **Phi-2:** (2.7, 55.5)")
>>> spec.points[0].label
'Phi-2'

Heavy modules (pydantic, matplotlib) load on first use, so ``python -m redraw --help`` stays fast.
The pipeline: text -> redraw.parse -> ChartSpec (redraw.spec) -> redraw.render -> Figure -> bytes.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

__all__ = ["ChartSpec", "RedrawError", "__version__", "parse", "redraw", "render", "show"]

from ._version import __version__
from .errors import RedrawError
from .notebook import register as _register_with_ipython
from .notebook import show
from .parse import parse
from .render import render

if TYPE_CHECKING:
    from .spec import ChartSpec


def redraw(text_or_path: str | os.PathLike[str], out_path: str | os.PathLike[str],
           size: str = "page", dpi: float = 200, **options: Any) -> ChartSpec:
    """Description (text, or a path to a file) -> figure file; the format follows out_path's suffix.

    >>> spec = redraw("Scatter plot.\\n\\n- **Phi-2:** (2.7, 55.5)", "phi.svg")  # doctest: +SKIP
    """
    from .io import read_text, write_atomic
    from .render import FORMATS, figure_bytes

    if not isinstance(text_or_path, (str, os.PathLike)):
        raise TypeError(f"redraw(text_or_path): give a description or a path, not {type(text_or_path).__name__}")
    if not isinstance(out_path, (str, os.PathLike)):
        raise TypeError(f"redraw(out_path): give the figure's path, not {type(out_path).__name__}")
    source = None
    if isinstance(text_or_path, os.PathLike) or ("\n" not in str(text_or_path) and len(str(text_or_path)) < 4096
                                                 and Path(text_or_path).is_file()):
        source = str(text_or_path)
        text, notes = read_text(Path(text_or_path))
    else:
        text, notes = str(text_or_path), []
    spec = parse(text, source)
    if notes:
        spec = spec.model_copy(update={"warnings": notes + spec.warnings})
    fmt = Path(out_path).suffix.lstrip(".").lower() or "png"
    if fmt not in FORMATS:
        raise ValueError(f"redraw(out_path={str(out_path)!r}): the suffix must be .png, .svg or .pdf")
    data = figure_bytes(render(spec, size, **options), fmt, dpi)  # options: venue, width, palette
    try:
        write_atomic(out_path, data)
    except OSError as err:
        raise RedrawError(f"cannot write the figure: {err.strerror}", str(out_path)) from None
    return spec


_register_with_ipython()   # inside Jupyter a ChartSpec displays as its figure; elsewhere nothing happens


def __getattr__(name: str) -> Any:
    if name == "ChartSpec":
        from .spec import ChartSpec

        return ChartSpec
    raise AttributeError(f"module 'redraw' has no attribute {name!r}")
