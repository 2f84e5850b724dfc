"""What one description or spec may hold: bounds that keep the cost of any input small, alike for a file, the
API and the service (README, "Limits", has the measurements they were chosen from). The largest description we
hold is 4.9 KB, 120 lines and 60 points; each bound is many times that."""
from __future__ import annotations

MAX_TEXT_BYTES = 128 * 1024   # a description (text or JSON), in UTF-8 bytes: every input this size parses in < 1 s
MAX_TEXT_LINES = 2000         # lines of a description that hold text (blank lines are free)
MAX_POINTS = 1000             # points of one chart; beyond LABEL_LIMIT (spec.py) only highlighted ones are labelled
MAX_TICKS = 100               # stated ticks (and tick labels) of one axis
MAX_LINES = 50                # trend lines, and reference lines, of one chart (100 labelled lines took 13 s to place)
MAX_GROUPS = 100              # legend entries
MAX_LABEL_CHARS = 300         # a point's label, a group's name, a line's label, a tick label
MAX_TITLE_CHARS = 1000        # a title, a caption, an axis title


def too_long(size: int | None) -> str:
    """Why a description of `size` bytes (None: more than the limit, size unknown) is refused."""
    said = f"{size:,} bytes" if size is not None else "over the limit"
    return (f"the description is {said}; redraw reads at most {MAX_TEXT_BYTES:,} bytes ({MAX_TEXT_BYTES // 1024} KB; "
            "one chart's description is a few KB)")
