"""unreadable: say so when the text places a point with a value that is no number ("(nan, 4)", "x = ?")."""
from __future__ import annotations

import re

from ..state import ParseState
from ..values import HOLE_KEY_RE, HOLE_PAIR_RE, VALUE_LED_RE, lex


def unreadable(state: ParseState) -> None:
    """'- B: (nan, 4)', 'Model C sits at (?, 61)', '- D: x = n/a, y = 3': a point the text cannot place is not
    drawn, and the spec says so (a row of a table says so where the table is read). So does an item of a list of
    points that holds values but gave no point: never a silent loss."""
    read = {p.line for p in state.points}
    # the lists whose items gave points: (context, depth) -> how many
    lists: dict[tuple[tuple[str, ...], int], int] = {}
    for block in state.facts_blocks("item"):
        if block.line in read:
            lists[(block.context, block.depth)] = lists.get((block.context, block.depth), 0) + 1
    for block in state.facts_blocks("item", "paragraph"):
        if block.kind == "item" and block.line in read:
            continue  # the item's point was read (a paragraph may hold others beside the one it cannot place)
        hole = HOLE_PAIR_RE.search(block.text) or HOLE_KEY_RE.search(block.text)
        if hole is not None:
            state.warn(f"a point given as {hole.group(0).strip()!r} is not drawn: its value there is no number",
                       block.line)
        elif block.kind == "item" and (odd := _unread_pair(block.text)) is not None:
            state.warn(f"a point given as {odd!r} is not drawn: redraw reads no number in it", block.line)
        elif block.kind == "item" and not block.used and lists.get((block.context, block.depth), 0) >= 2 and \
                len(block.text) <= 100 and len(lex(block.text)) >= 2 and not NOT_A_POINT_ITEM_RE.search(block.text) \
                and not REMARK_ITEM_RE.match(block.text) and not block.text.rstrip().endswith(":"):
            # (short, as a point's item is: not a remark, a line or a correction beside the points)
            state.warn(f"an item among the points, {block.text!r}, gave no point: it is not drawn", block.line)


NOT_A_POINT_ITEM_RE = re.compile(r"\b(?:lines?|trend|fit|fitted|regression|slope|correction|corrected|closer|"
                                 r"error\s+bars?|cluster|clustered|region|band|between)\b|\d\s*[–-]\s*\d",
                                 re.IGNORECASE)


# an item that opens as a sentence of remark does: "There is a clear trade-off: ...", "Reducing the size from ..."
REMARK_ITEM_RE = re.compile(r"(?:There|This|These|Those|The|It|Its|All|Most|Overall|Note|(?-i:[A-Z][a-z]+ing))\b")


# "(2³, 310)", "(3^4, 510)": a bracketed pair whose sides open like values, one of them no number the lexer reads
_DIGIT_PAIR_RE = re.compile(r"[(\[]\s*(?P<a>[^,;()\[\]]{1,20}?)\s*[,;]\s*(?P<b>[^,;()\[\]]{1,20}?)\s*[)\]]")


def _unread_pair(text: str) -> str | None:
    for m in _DIGIT_PAIR_RE.finditer(text):
        sides = (m.group("a"), m.group("b"))
        if all(VALUE_LED_RE.match(side) for side in sides) and any(not lex(side) for side in sides):
            return m.group(0)
    return None
