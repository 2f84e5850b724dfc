"""kind: refuse descriptions of bar, line, pie and other non-scatter charts."""
from __future__ import annotations

import re

from ...errors import RedrawError
from ..state import ParseState

KIND_RE = re.compile(
    # a grid of many scatter panels is no one scatter plot: tried before "scatter"
    r"\b(?P<grid>scatter[- ]?plot\s+matri(?:x|ces)|scatter\s+matri(?:x|ces)|pair\s*plots?|splom)"
    r"|\b(?P<scatter>scatter\s*(?:plot|chart|graph|diagram)?|bubble\s+(?:chart|plot))"
    r"|\b(?P<other>(?:vertical |horizontal |stacked |grouped )?bar\s+(?:chart|graph|plot)|histogram|"
    r"line\s+(?:chart|graph|plot)|pie\s+chart|donut\s+chart|heat\s*map|box\s*plots?|violin\s+plot|"
    r"box[- ]and[- ]whiskers?(?:\s+(?:plot|chart|diagram))?|candlestick\s+chart|gantt\s+chart|waterfall\s+chart|"
    r"choropleth(?:\s+map)?|contour\s+plot|area\s+chart|radar\s+chart|treemap|sankey)", re.IGNORECASE)


def kind(state: ParseState) -> None:
    """Decide by the first chart kind the description names: "## Bar Chart: HumanEval Pass@1"."""
    for block in state.doc.blocks:
        if block.kind in ("table", "code") or state.commentary(block):
            continue
        m = KIND_RE.search(block.text)
        if m is None:
            continue
        if m.group("other") or m.group("grid"):
            raise RedrawError(f"this describes a {(m.group('other') or m.group('grid')).lower()}, not a scatter plot; "
                              "redraw only redraws scatter plots", state.source, block.line)
        return
    state.warn("the description never names the chart kind; read as a scatter plot")
