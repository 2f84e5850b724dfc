"""The house style: rc settings (applied only inside house_style()), size presets and the colour palette."""
from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass

import matplotlib.style
from matplotlib.colors import to_hex

from ..colors import PALETTE, squash


@dataclass(frozen=True)
class Size:
    width: float        # inches
    height: float
    font: float         # base font size, points
    label_font: float   # point labels
    marker: float       # marker area, points^2
    star: float         # highlighted marker area


SIZES: dict[str, Size] = {
    "column": Size(3.5, 2.8, 7.0, 5.5, 18, 90),
    "page": Size(7.0, 5.0, 9.0, 7.5, 36, 180),
    "slide": Size(10.0, 6.25, 13.0, 10.5, 70, 320),
}

RC: dict[str, object] = {
    "font.family": "DejaVu Sans",
    "mathtext.default": "regular",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.linewidth": 0.8,
    "axes.edgecolor": "#333333",
    "axes.labelcolor": "#222222",
    "xtick.color": "#333333",
    "ytick.color": "#333333",
    "axes.grid": True,
    "grid.color": "#e6e6e6",
    "grid.linewidth": 0.6,
    "axes.axisbelow": True,
    "legend.frameon": True,
    "legend.framealpha": 0.92,
    "legend.edgecolor": "#cccccc",
    "pdf.fonttype": 42,          # TrueType embedded: selectable text, LaTeX-friendly
    "ps.fonttype": 42,
    "svg.fonttype": "path",      # glyphs as paths: identical in every browser, no font needed
    "svg.hashsalt": "redraw",    # fixed ids: same SVG bytes in every process
    "path.simplify": True,
}

def color(name: str) -> str:
    """The drawn colour of a spec colour: the palette's shade for a plain name, else matplotlib's colour of
    that name (CSS, then xkcd's shades: "pale green"). The spec validates colours (redraw.colors.drawable):
    one that still matches nothing is a bug, not a reason to draw some other colour."""
    key = squash(name)
    if key in PALETTE:
        return PALETTE[key]
    for candidate in (name, f"xkcd:{name.lower()}", key):
        try:
            return to_hex(candidate)
        except ValueError:
            continue
    raise ValueError(f"no colour named {name!r}")


def house_style(**extra: object) -> AbstractContextManager[None]:
    """matplotlib's defaults plus RC, whatever style the caller has set (a notebook, pytest-mpl):
    the same spec draws the same figure everywhere. A context manager: nothing global changes."""
    return matplotlib.style.context(["default", {**RC, **extra}])
