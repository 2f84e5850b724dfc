"""Parse time of inputs built to be slow (issue 16): each family at 4, 8, 16 and 32 KB. Linear growth doubles
the time with the size; a family whose time grows faster is a bug to fix. Prints a table; asserts nothing."""
from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from redraw.errors import RedrawError
from redraw.parse import parse

BASE = "Scatter plot.\n\n- **A**: (1, 2)\n- **B**: (2, 3)\n"
FAMILIES: dict[str, Callable[[int], str]] = {
    "a run of backticks after a point": lambda n: BASE + "- **C**: (3, 4) " + "`" * n + "\n",
    '"**a " repeated': lambda n: BASE + "**a " * (n // 4) + "\n",
    '"*a " repeated': lambda n: BASE + "*a " * (n // 3) + "\n",
    '"_a " repeated': lambda n: BASE + "_a " * (n // 3) + "\n",
    "unclosed colour tags": lambda n: BASE + '<span style="color:red">a ' * (n // 27) + "\n",
    '"A vs. B" axis prose': lambda n: BASE + "A vs. B on the x-axis and the y-axis. " * (n // 38) + "\n",
    "horizontal-line sentences": lambda n: BASE + 'A horizontal dashed line at y = 5 is labelled "x". ' * (n // 50),
    "list items": lambda n: "Scatter plot.\n\n" + "".join(f"- **M{i}**: ({i}, {i % 7})\n" for i in range(n // 20)),
    "headings with items": lambda n: "Scatter plot.\n\n" + "".join(
        f"### Series {i}\n- **S{i}**: ({i}, {i % 7})\n" for i in range(n // 35)),
    "legend lines": lambda n: BASE + "Legend:\n" + "".join(f"- blue circle: Family {i}\n" for i in range(n // 30)),
}
SIZES_KB = (8, 16, 32, 64)


def seconds(text: str) -> float:
    t0 = time.perf_counter()
    with contextlib.suppress(RedrawError):   # some are refused (no points): the time to refuse counts
        parse(text)
    return time.perf_counter() - t0


def main() -> None:
    parse(BASE)   # imports and caches first
    print("| input | " + " | ".join(f"{kb} KB s" for kb in SIZES_KB) + " | growth per doubling |")
    print("|---|" + "---|" * (len(SIZES_KB) + 1))
    for name, make in FAMILIES.items():
        times = [seconds(make(kb * 1024)) for kb in SIZES_KB]
        growth = (times[-1] / times[0]) ** (1 / (len(SIZES_KB) - 1)) if times[0] > 0 else float("nan")
        print(f"| {name} | " + " | ".join(f"{t:.3f}" for t in times) + f" | x{growth:.1f} |")


if __name__ == "__main__":
    main()
