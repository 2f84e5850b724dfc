"""unreadable: say so when the text places a point with a value that is no number ("(nan, 4)", "x = ?")."""
from __future__ import annotations

from ..state import ParseState
from ..values import HOLE_KEY_RE, HOLE_PAIR_RE


def unreadable(state: ParseState) -> None:
    """'- B: (nan, 4)', 'Model C sits at (?, 61)', '- D: x = n/a, y = 3': a point the text cannot place is not
    drawn, and the spec says so (a row of a table says so where the table is read)."""
    read = {p.line for p in state.points}
    for block in state.facts_blocks("item", "paragraph"):
        if block.kind == "item" and block.line in read:
            continue  # the item's point was read (a paragraph may hold others beside the one it cannot place)
        hole = HOLE_PAIR_RE.search(block.text) or HOLE_KEY_RE.search(block.text)
        if hole is not None:
            state.warn(f"a point given as {hole.group(0).strip()!r} is not drawn: its value there is no number",
                       block.line)
