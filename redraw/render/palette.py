"""--palette: draw a spec's colours from a colour-blind-safe palette, each stated hue as the palette's member
of the same hue ("red star" stays red: Okabe-Ito's vermillion), greys and blacks as they are."""
from __future__ import annotations

import matplotlib as mpl
from matplotlib.colors import to_hex

from ..colors import color_family
from ..spec import ChartSpec, Group, Point, ReferenceLine, TrendLine
from .style import color

# Okabe & Ito (2008), as matplotlib ships it: black, orange, sky blue, bluish green, yellow, blue,
# vermillion, reddish purple. The hue family each member stands for:
OKABE_ITO_FAMILIES = {"orange": 1, "cyan": 2, "green": 3, "yellow": 4, "blue": 5, "red": 6, "purple": 7, "pink": 7}
PALETTES = ("okabe-ito",)


def in_palette(spec: ChartSpec, name: str) -> ChartSpec:
    """A copy of a resolved spec with every colour of a hue replaced by the palette's member of that hue.
    Two colours that would become one (a "blue" and a "dark blue" group) stay apart: the second takes the
    first palette member no other colour has."""
    if name not in PALETTES:
        raise ValueError(f"unknown palette {name!r}; choose from {', '.join(PALETTES)}")
    members = [to_hex(c) for c in mpl.color_sequences["okabe_ito"]]
    spec = spec.model_copy(deep=True)
    items: list[Group | Point | TrendLine | ReferenceLine] = [*spec.groups, *spec.points, *spec.trend_lines,
                                                              *spec.reference_lines]
    stated = list(dict.fromkeys(color(i.color) for i in items if i.color))
    mapping: dict[str, str] = {}
    for c in stated:
        index = OKABE_ITO_FAMILIES.get(color_family(c))
        if index is None:
            continue   # greys, black, white: no hue to map
        target = members[index]
        if target in mapping.values():
            free = [m for m in members[1:] if m not in mapping.values() and m not in stated]
            target = free[0] if free else target
        mapping[c] = target
    for item in items:
        if item.color:
            item.color = mapping.get(color(item.color), item.color)
    return spec
