"""legend_position: where the text puts the legend ("The legend sits in the upper-left corner", "Legend (top
right):", "a bottom-right legend", "legend placed outside the plot, on the right")."""
from __future__ import annotations

import re

from ..state import ParseState

_V = r"(?P<v{n}>upper|top|lower|bottom)"
_H = r"(?P<h{n}>left|right|cent(?:er|re)|middle)"
# "upper left", "top-right corner", "upper right-hand corner", "bottom centre"
_CORNER = (_V + r"[\s-]*(?:" + _H + r")?(?:[\s-]*hand)?(?:\s+(?:corner|side|edge|region|area))?")
_SIDE = r"(?:cent(?:er|re)[\s-]+)?(?P<s{n}>left|right)(?:[\s-]*hand)?(?:\s+(?:side|edge))?"
_WHERE = r"(?:" + _CORNER + r"|" + _SIDE + r")"
_OUTSIDE = re.compile(r"\blegend\b[^.;\n]{0,50}?\b(?:outside\b[^.;\n]{0,40}?\bright\b|to\s+the\s+right\s+of\s+the\s+"
                      r"(?:plot(?:ting)?(?:\s+area)?|chart|axes|graph|figure|data|panel))", re.IGNORECASE)
_AFTER = re.compile(r"\blegend\b(?:\s*[(:]\s*(?:\*{1,2}\s*)?|[^.;\n(]{0,40}?\b(?:(?:in|at|on|along|near|"
                    r"towards?|occupies)\s+(?:the\s+)?|to\s+the\s+)(?:(?:plot|chart|figure|graph|panel|axes)(?:'s)?\s+)?)"
                    + _WHERE.replace("{n}", "1"), re.IGNORECASE)
_BEFORE = re.compile(r"\b" + _WHERE.replace("{n}", "2") + r"[\s-]+(?:corner\s+|side\s+)?legend\b", re.IGNORECASE)


def _position(m: re.Match[str], n: int) -> str:
    v, h, side = m.group(f"v{n}"), m.group(f"h{n}"), m.group(f"s{n}")
    if side:
        return f"center {side.lower()}"
    vertical = "upper" if v.lower() in ("upper", "top") else "lower"
    horizontal = h.lower() if h else "center"
    return f"{vertical} {'center' if horizontal in ('centre', 'middle') else horizontal}"


def legend_position(state: ParseState) -> None:
    """The first place any block gives the legend (a sentence about the legend, not about a point)."""
    for block in state.doc.blocks:
        if "legend" not in block.low:
            continue
        text = block.text
        if _OUTSIDE.search(text):
            state.legend_position = "outside right"
            return
        m = _AFTER.search(text)
        n = 1
        if m is None:
            m, n = _BEFORE.search(text), 2
        if m is not None:
            state.legend_position = _position(m, n)
            return
