"""unreadable: say so when the text places a point with a value that is no number ("(nan, 4)", "x = ?")."""
from __future__ import annotations

import re

from ..state import ParseState
from ..values import HOLE_KEY_RE, HOLE_PAIR_RE, VALUE_LED_RE, lex


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
        elif block.kind == "item" and (odd := _unread_pair(block.text)) is not None:
            state.warn(f"a point given as {odd!r} is not drawn: redraw reads no number in it", block.line)


# "(2³, 310)", "(3^4, 510)": a bracketed pair whose sides open like values, one of them no number the lexer reads
_DIGIT_PAIR_RE = re.compile(r"[(\[]\s*(?P<a>[^,;()\[\]]{1,20}?)\s*[,;]\s*(?P<b>[^,;()\[\]]{1,20}?)\s*[)\]]")


def _unread_pair(text: str) -> str | None:
    for m in _DIGIT_PAIR_RE.finditer(text):
        sides = (m.group("a"), m.group("b"))
        if all(VALUE_LED_RE.match(side) for side in sides) and any(not lex(side) for side in sides):
            return m.group(0)
    return None
