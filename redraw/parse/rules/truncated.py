"""truncated: say so when the description stops mid-sentence (a cut-off VLM answer)."""
from __future__ import annotations

from ..state import ParseState

_OPEN_ENDINGS = "(,:;[-–—=≈~"


def truncated(state: ParseState) -> None:
    """'* **C-7B (Blue Circle):** Approximately (' at the end of the file."""
    text = state.doc.text.rstrip()
    if not text:
        return
    last_line = text.count("\n") + 1
    tail = text[-1]
    unbalanced = text.rsplit("\n", 1)[-1].count("(") > text.rsplit("\n", 1)[-1].count(")")
    if tail in _OPEN_ENDINGS or unbalanced or text.count("```") % 2 == 1:
        state.warn("the description ends mid-sentence; it may be cut off, so later facts may be missing",
                   last_line)
