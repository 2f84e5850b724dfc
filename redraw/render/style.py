"""The house style: rc settings (applied only inside house_style()), size presets and the colour palette."""
from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass

import matplotlib.style
from matplotlib.colors import to_hex


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

# Plain colour names -> a calmer shade of the same hue (tab10 and friends).
PALETTE: dict[str, str] = {
    "blue": "#1f77b4", "orange": "#ff7f0e", "green": "#2ca02c", "red": "#d62728",
    "purple": "#9467bd", "brown": "#8c564b", "pink": "#e377c2", "gray": "#7f7f7f",
    "grey": "#7f7f7f", "olive": "#bcbd22", "cyan": "#17becf", "yellow": "#e1b400",
    "gold": "#d4a20b", "black": "#222222", "darkblue": "#1c3f7a", "navy": "#1c2f6b",
    "lightblue": "#7fb8e0", "darkred": "#9b1c1c", "darkgreen": "#1b6b2a", "lightgreen": "#8fd18b",
    "magenta": "#c2188e", "violet": "#8e5ec9", "lightgray": "#b5b5b5", "lightgrey": "#b5b5b5",
    "darkgray": "#555555", "darkgrey": "#555555", "teal": "#138a87",
}
DEFAULT_COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#17becf", "#7f7f7f", "#bcbd22"]
HIGHLIGHT_COLOR = "#d62728"
LINE_COLOR = "#6b6b6b"


def color(name: str | None, fallback: str) -> str:
    """A drawable colour for a spec colour: palette shade for plain names, the name itself otherwise."""
    if not name:
        return fallback
    key = name.lower().replace(" ", "").replace("-", "")
    if key in PALETTE:
        return PALETTE[key]
    try:
        return to_hex(name)
    except ValueError:
        try:
            return to_hex(f"xkcd:{name.lower()}")
        except ValueError:
            return fallback


def house_style(**extra: object) -> AbstractContextManager[None]:
    """matplotlib's defaults plus RC, whatever style the caller has set (a notebook, pytest-mpl):
    the same spec draws the same figure everywhere. A context manager: nothing global changes."""
    return matplotlib.style.context(["default", {**RC, **extra}])
