"""The parse rules, in the order they run: each reads the state and adds facts; none returns a spec."""
from __future__ import annotations

from collections.abc import Callable

from ..state import ParseState
from .axes import axes
from .corrections import corrections
from .kind import kind
from .label_styles import label_styles
from .legend import legend
from .legend_position import legend_position
from .lines import lines
from .points_list import points_list
from .points_prose import points_prose
from .points_table import points_table
from .styles import styles
from .title import title
from .truncated import truncated
from .unreadable import unreadable

Rule = Callable[[ParseState], None]

# Order matters: axes before the title (an axis's own "Title:" line) and before points (units), legend
# before points (groups), lines before points (a trend line "originating near [1.8, 35]" is not a point),
# structured points before prose, label styles after them (only lines no other rule took), corrections
# last (they name points read before), then what no rule could read.
RULES: list[tuple[str, Rule]] = [
    ("kind", kind),
    ("truncated", truncated),
    ("axes", axes),
    ("title", title),
    ("legend", legend),
    ("legend_position", legend_position),
    ("styles", styles),
    ("lines", lines),
    ("points_table", points_table),
    ("points_list", points_list),
    ("points_prose", points_prose),
    ("label_styles", label_styles),
    ("corrections", corrections),
    ("unreadable", unreadable),
]
