"""Label placement as a reader meets it: collisions, crossings, labels outside the axes and astray labels,
counted on the drawn figures (redraw.render.audit) of every description given, at each size preset.

    python benchmarks/layout.py examples/ tests/cases/devset/          # the table
    python benchmarks/layout.py -v examples/000_11289f6106fd7e89.txt   # and every defect

It prints figures; it asserts nothing (tests/test_overlap.py holds the bar).
"""
from __future__ import annotations

import argparse
import contextlib
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


from redraw.errors import RedrawError  # noqa: E402
from redraw.parse import parse  # noqa: E402
from redraw.render import render  # noqa: E402
from redraw.render.audit import audit  # noqa: E402
from redraw.render.labels import shown_labels  # noqa: E402

KINDS = ("collision", "crossing", "outside", "astray")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="+", type=Path)
    ap.add_argument("-v", action="store_true", help="print every defect")
    ap.add_argument("--sizes", default="column,page,slide")
    a = ap.parse_args()
    files = sorted(p for i in a.inputs for p in ([i] if i.is_file() else i.iterdir())
                   if p.suffix in (".md", ".txt") and p.name not in ("README.md", "INDEX.txt"))
    specs = []
    for f in files:
        with contextlib.suppress(RedrawError):  # a text redraw refuses draws nothing to measure
            specs.append((f, parse(f.read_text(encoding="utf-8"), f.name)))
    print(f"{len(specs)} charts")
    print("| size | " + " | ".join(KINDS) + " | unlabelled | charts with a defect |")
    print("|---|" + "---|" * (len(KINDS) + 2))
    for size in a.sizes.split(","):
        total: Counter[str] = Counter()
        bad = unlabelled = 0
        for f, spec in specs:
            fig = render(spec, size)
            found = audit(fig)
            drawn = set(shown_labels(fig))   # beside their points, or numbered and named in the key
            missing = sum(1 for p in spec.points if p.label and p.label not in drawn)
            unlabelled += missing
            total.update(d.split(":")[0] for d in found)
            bad += bool(found)
            if a.v:
                for d in found:
                    print(f"  {size} {f.name}: {d}")
        print(f"| {size} | " + " | ".join(str(total[k]) for k in KINDS) + f" | {unlabelled} | {bad} |")


if __name__ == "__main__":
    main()
