"""Parse time of inputs built to be slow (issue 16; `make bench-scale`): each construct of
benchmarks/constructs.py at 4 sizes up to the input limit, printing seconds and the growth per doubling. Linear
code doubles its time with the size; a construct whose time grows faster is a bug to fix. Asserts nothing.

    python benchmarks/scale.py [--sizes 16,32,64,128] [--only SUBSTRING]
"""
from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from constructs import BASE, CONSTRUCTS, sized

from redraw.errors import RedrawError
from redraw.parse import MAX_TEXT_BYTES, parse

CUT = 20  # seconds: a construct slower than this is shown as "> 20"


class _Cut(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Cut()


def seconds(text: str) -> float:
    """Wall time of parse(text); a refusal (RedrawError) counts: refusing is the answer for some inputs."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(CUT)
    t0 = time.perf_counter()
    try:
        with contextlib.suppress(RedrawError):
            parse(text)
    except _Cut:
        return float("inf")
    finally:
        signal.alarm(0)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    top = MAX_TEXT_BYTES // 1024
    ap.add_argument("--sizes", default=f"{top // 8},{top // 4},{top // 2},{top}", help="KB, comma-separated")
    ap.add_argument("--only", default="", help="constructs whose name holds this")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    parse(BASE)   # imports and caches first
    print(f"input limit: {MAX_TEXT_BYTES:,} bytes; an input is cut to fit it\n")
    print("| construct | " + " | ".join(f"{kb} KB s" for kb in sizes) + " | growth per doubling |")
    print("|---|" + "---|" * (len(sizes) + 1))
    worst = (0.0, "")
    for name in CONSTRUCTS:
        if args.only not in name:
            continue
        times = []
        for kb in sizes:   # (at most the limit: past it, an input is refused at once)
            times.append(seconds(sized(name, min(kb * 1024, MAX_TEXT_BYTES))))
        growth = (times[-1] / times[0]) ** (1 / (len(sizes) - 1)) if 0 < times[0] < float("inf") else float("nan")
        shown = " | ".join(f"> {CUT}" if t == float("inf") else f"{t:.3f}" for t in times)
        print(f"| {name} | {shown} | x{growth:.1f} |", flush=True)
        worst = max(worst, (times[-1], name))
    print(f"\nslowest at {sizes[-1]} KB: {worst[1]}, {worst[0]:.3f} s")


if __name__ == "__main__":
    main()
