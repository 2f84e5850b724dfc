"""The house style: rc settings (applied only inside house_style()), size presets and the colour palette."""
from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from weakref import WeakKeyDictionary

import matplotlib.style
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from ..colors import PALETTE, squash


@dataclass(frozen=True)
class Size:
    width: float        # inches
    height: float
    font: float         # base font size, points: axis titles (the chart title is 1.15 times it)
    label_font: float   # point labels, legend, line labels
    marker: float       # marker area, points^2
    star: float         # highlighted marker area
    tick_font: float = 0.0           # tick labels; 0: 0.9 times the base font
    family: str = "DejaVu Sans"      # a font matplotlib ships, so a fresh machine draws the same bytes

    @property
    def ticks(self) -> float:
        return self.tick_font or self.font * 0.9

    def rc(self) -> dict[str, object]:
        """The rc settings this size draws (and saves) with, beyond the house style."""
        return {"font.size": self.font, "font.family": self.family,
                "mathtext.fontset": "stix" if self.family.startswith("STIX") else "dejavusans"}


SIZES: dict[str, Size] = {
    "column": Size(3.5, 2.8, 7.0, 5.5, 18, 90),
    "page": Size(7.0, 5.0, 9.0, 7.5, 36, 180),
    "slide": Size(10.0, 6.25, 13.0, 10.5, 70, 320),
}


@dataclass(frozen=True)
class Venue:
    """A venue's figure widths (inches) and font sizes (points), after tueplots' tables: the base size is one
    point under the body text (captions' size), small text (ticks, legend, point labels) two under that."""
    column: float
    full: float
    font: float
    small: float


VENUES: dict[str, Venue] = {
    "icml": Venue(3.25, 6.75, 8, 6),
    "neurips": Venue(5.5, 5.5, 9, 7),     # one column: the column is the text width
    "iclr": Venue(5.5, 5.5, 9, 7),
    "aaai": Venue(3.3, 6.975, 9, 7),
    "cvpr": Venue(3.25, 6.875, 9, 7),
    "acl": Venue(3.03, 6.3, 10, 8),
}
PAPER_FONT = "STIXGeneral"   # Times-like, shipped with matplotlib: no LaTeX, the same bytes on any machine


def width_size(width: float, font: float | None = None, small: float | None = None,
               family: str = "DejaVu Sans") -> Size:
    """A size of any width: height, fonts and markers follow the house presets (column 3.5 in, page 7 in),
    scaled between them and beyond; a venue's fonts, when given, replace the scaled ones."""
    lo, hi = SIZES["column"], SIZES["page"]
    t = (width - lo.width) / (hi.width - lo.width)

    def between(a: float, b: float) -> float:
        return a + (b - a) * t

    aspect = between(lo.height / lo.width, hi.height / hi.width) if 0 <= t <= 1 else (
        lo.height / lo.width if t < 0 else hi.height / hi.width)
    scale = max(0.6, width / lo.width) if t < 0 else 1.0
    base = font if font is not None else (lo.font * scale if t < 0 else between(lo.font, hi.font))
    label = small if small is not None else (lo.label_font * scale if t < 0 else between(lo.label_font, hi.label_font))
    return Size(round(width, 4), round(width * aspect, 4), round(base, 2), round(label, 2),
                round(lo.marker * width / lo.width, 2), round(lo.star * width / lo.width, 2),
                tick_font=small or 0.0, family=family)


def venue_size(name: str, size: str, width: float | None = None) -> Size:
    """The size for a venue: its column width for "column", its full width for "page" (or "slide"), or the
    width given, in the venue's fonts."""
    venue = VENUES[name]
    if width is None:
        width = venue.column if size == "column" else venue.full
    return width_size(width, venue.font, venue.small, PAPER_FONT)


# the rc each drawn figure was made with: save.py draws the parts matplotlib makes lazily (tick labels,
# mathtext) in the same fonts
FIGURE_RC: WeakKeyDictionary[Figure, dict[str, object]] = WeakKeyDictionary()
# each drawn figure's name and alt text, which save.py embeds in every format
FIGURE_ALT: WeakKeyDictionary[Figure, tuple[str, str]] = WeakKeyDictionary()

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
