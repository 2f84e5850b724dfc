"""Which colours a spec may hold, and the house colours for what a description leaves open.

No matplotlib here: the spec validates colours and the parser writes them without loading it. The names
are those of redraw/colour_families.py (matplotlib's CSS names and the vocabulary's shades, each checked
against matplotlib's colour tables by tests/test_values.py); the renderer draws plain names in PALETTE's
calmer shade of the same hue.
"""
from __future__ import annotations

import colorsys
import re
from functools import lru_cache

from .colour_families import FAMILIES

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
# what a description leaves open: groups take these in legend order, a highlighted point is red,
# lines are grey
DEFAULT_COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#17becf", "#7f7f7f", "#bcbd22"]
HIGHLIGHT_COLOR = "#d62728"
LINE_COLOR = "#6b6b6b"

HEX_RE = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")


def squash(name: str) -> str:
    """"Dark Blue", "dark-blue" -> "darkblue": how PALETTE and matplotlib's CSS names are keyed."""
    return name.lower().replace(" ", "").replace("-", "")


def drawable(name: str) -> bool:
    """True for a colour the renderer can draw: #rgb, #rrggbb or #rrggbbaa, a CSS name ("purple",
    "darkblue", "dark blue") or a shade the vocabulary writes ("pale green", "xkcd:mauve")."""
    low = name.strip().lower()
    return bool(HEX_RE.fullmatch(low)) or low in FAMILIES or squash(low) in FAMILIES


def color_family(color: str) -> str:
    """The hue family of a colour ("darkblue" -> "blue", "#1f77b4" -> "blue"), as the scorer and a reader
    judge colours; an unknown name is its own family."""
    return _family(color)


@lru_cache(maxsize=1024)
def _family(color: str) -> str:
    low = color.lower()
    family = FAMILIES.get(low) or FAMILIES.get(squash(low))   # "dark red" is "darkred"
    if family is not None:
        return family
    if re.fullmatch(r"#[0-9a-f]{6}", low):  # "#1f77b4"
        return hsv_family(*(int(low[i:i + 2], 16) / 255 for i in (1, 3, 5)))
    return low


def hsv_family(r: float, g: float, b: float) -> str:
    """The family of an RGB colour (0-1 channels): its hue, or "neutral" when grey, dark or pale."""
    h, s, v = colorsys.rgb_to_hsv(r, g, b)
    if s < 0.2 or v < 0.2:
        return "neutral"
    hue = h * 360
    for name, lo, hi in (("orange", 15, 40), ("yellow", 40, 75), ("green", 75, 165), ("cyan", 165, 195),
                         ("blue", 195, 260), ("purple", 260, 315), ("pink", 315, 345)):
        if lo <= hue < hi:
            return name
    return "red"
