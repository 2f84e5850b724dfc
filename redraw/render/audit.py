"""What a drawn figure shows its reader, measured on the drawn artists: collisions and crossings.

Every shape is taken from what matplotlib draws, in display px after a full draw: label boxes from
the Text extents, markers from each scatter's real paths (scaled, offset, grown by half the edge
width), trend and reference lines from their Line2D paths, leaders from the segments of the leader LineCollection
(each starts at the marker it belongs to: that names its label).
A defect is one sentence naming its kind and the labels involved; `audit(fig) == []` is the bar.

Kinds (the first word of each defect):
- collision: a label over a label, a marker or the legend; the legend or a line label over a marker
- outside:   a label leaving the axes
- crossing:  a line through a label or the legend; a leader through another label or a foreign
             marker; two leaders crossing
- astray:    a label without a leader whose nearest marker is another point's
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.figure import Figure
from matplotlib.path import Path
from matplotlib.text import Annotation, Text
from matplotlib.transforms import Bbox

TOL = 0.5  # px: boxes that only touch do not collide


@dataclass(frozen=True)
class Marker:
    path: Path      # outline in display px
    centre: tuple[float, float]
    grow: float     # half the edge width, px

    @property
    def filled(self) -> bool:
        """A closed outline ("o", "s", "*") is ink inside; the strokes of "x" and "+" are only ink on them."""
        codes = self.path.codes
        return codes is None or bool((np.asarray(codes) == Path.CLOSEPOLY).any())

    def hits_box(self, box: Bbox) -> bool:
        return bool(self.path.intersects_bbox(box.padded(self.grow - TOL), filled=self.filled))

    def hits_path(self, path: Path) -> bool:
        return bool(self.path.intersects_path(path, filled=self.filled))


@dataclass(frozen=True)
class Drawn:
    """The measured shapes of one drawn figure."""

    labels: list[tuple[str, Bbox, Path | None, tuple[float, float]]]  # text, box, leader, anchor (display)
    line_labels: list[tuple[str, Bbox]]
    markers: list[Marker]
    lines: list[Path]
    legend: Bbox | None
    frame: Bbox


def measure(fig: Figure) -> Drawn:
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    ax = fig.axes[0]
    labels: list[tuple[str, Bbox, Path | None, tuple[float, float]]] = []
    line_labels = []
    leaders = _leaders(ax)
    for t in ax.texts:
        box = Text.get_window_extent(t, renderer)
        if isinstance(t, Annotation):
            anchor = ax.transData.transform(t.xy)
            at = (float(anchor[0]), float(anchor[1]))
            labels.append((t.get_text(), box, leaders.get((round(at[0], 3), round(at[1], 3))), at))
        else:
            line_labels.append((t.get_text(), box))
    markers = []
    px = fig.dpi / 72.0
    for coll in ax.collections:
        if not isinstance(coll, PathCollection):
            continue
        offsets = coll.get_offset_transform().transform(coll.get_offsets())
        paths, transforms = coll.get_paths(), np.asarray(coll.get_transforms())
        widths = np.broadcast_to(coll.get_linewidth(), (len(offsets),))
        for k, (x, y) in enumerate(offsets):
            m = transforms[k % len(transforms)]
            verts = paths[k % len(paths)].vertices @ m[:2, :2].T + (x, y)
            markers.append(Marker(Path(verts, paths[k % len(paths)].codes), (float(x), float(y)),
                                  float(widths[k]) * px / 2))
    lines = [ln.get_transform().transform_path(ln.get_path()) for ln in ax.lines]
    legend = ax.get_legend()
    return Drawn(labels, line_labels, markers, lines,
                 legend.get_window_extent(renderer) if legend is not None else None, ax.get_window_extent(renderer))


def _leaders(ax: Axes) -> dict[tuple[float, float], Path]:
    """Each drawn leader in display px, keyed by the display position of the point it starts from."""
    out = {}
    for coll in ax.collections:
        if not isinstance(coll, LineCollection):
            continue
        offsets = coll.get_offset_transform().transform(coll.get_offsets())
        transform = coll.get_transform()
        for (x, y), path in zip(offsets, coll.get_paths(), strict=True):
            ends = np.asarray(transform.transform(path.vertices)) + np.array([x, y])
            out[(round(float(x), 3), round(float(y), 3))] = Path(ends)
    return out


def _overlap(a: Bbox, b: Bbox) -> bool:
    return bool(a.x0 < b.x1 - TOL and a.x1 > b.x0 + TOL and a.y0 < b.y1 - TOL and a.y1 > b.y0 + TOL)


def _inner(box: Bbox) -> Bbox:
    """A label box less the air every text extent carries: a line grazing the edge is no crossing."""
    return Bbox.from_extents(box.x0 + 1, box.y0 + 1, box.x1 - 1, box.y1 - 1)


def _distance(box: Bbox, x: float, y: float) -> float:
    dx = max(box.x0 - x, 0.0, x - box.x1)
    dy = max(box.y0 - y, 0.0, y - box.y1)
    return math.hypot(dx, dy)


def audit(fig: Figure) -> list[str]:
    """Every collision, crossing, label outside the axes and astray label in the drawn figure."""
    d = measure(fig)
    found: list[str] = []
    own = {}  # label index -> its marker's index (the marker at its anchor)
    for i, (_, _, _, (ax_, ay)) in enumerate(d.labels):
        near = [k for k, m in enumerate(d.markers) if math.hypot(m.centre[0] - ax_, m.centre[1] - ay) < 0.5]
        if near:
            own[i] = near[0]
    boxes = [("the legend", d.legend)] if d.legend is not None else []
    boxes += [(f"line label {name!r}", box) for name, box in d.line_labels]
    for what, box in boxes:
        for m in d.markers:
            if m.hits_box(box):
                found.append(f"collision: {what} covers a marker at {m.centre[0]:.0f},{m.centre[1]:.0f}")
    for i, (name, box, _, _) in enumerate(d.labels):
        for what, other in boxes:
            if _overlap(box, other):
                found.append(f"collision: {what} covers label {name!r}")
        for j in range(i + 1, len(d.labels)):
            if _overlap(box, d.labels[j][1]):
                found.append(f"collision: label {name!r} overlaps label {d.labels[j][0]!r}")
        for m in d.markers:
            if m.hits_box(box):
                found.append(f"collision: label {name!r} covers a marker at {m.centre[0]:.0f},{m.centre[1]:.0f}")
        if (box.x0 < d.frame.x0 - TOL or box.x1 > d.frame.x1 + TOL or box.y0 < d.frame.y0 - TOL
                or box.y1 > d.frame.y1 + TOL):
            found.append(f"outside: label {name!r} leaves the axes")
    # crossings: lines through labels and the legend
    texts = [(f"label {n!r}", b) for n, b, _, _ in d.labels] + [(f"line label {n!r}", b) for n, b in d.line_labels]
    for line in d.lines:
        for what, box in texts:
            if line.intersects_bbox(_inner(box), filled=False):
                found.append(f"crossing: a line runs through {what}")
        if d.legend is not None and line.intersects_bbox(_inner(d.legend), filled=False):
            found.append("crossing: a line runs through the legend")
    leaders = [(i, n, path) for i, (n, _, path, _) in enumerate(d.labels) if path is not None]
    for a, (i, name, path) in enumerate(leaders):
        for j, (other_name, other_box, _, _) in enumerate(d.labels):
            if j != i and path.intersects_bbox(_inner(other_box), filled=False):
                found.append(f"crossing: the leader of {name!r} runs through label {other_name!r}")
        for k, m in enumerate(d.markers):
            if k != own.get(i) and m.hits_path(path):
                found.append(f"crossing: the leader of {name!r} runs through a marker at "
                             f"{m.centre[0]:.0f},{m.centre[1]:.0f}")
        for _, other_name, path2 in leaders[a + 1:]:
            if path.intersects_path(path2, filled=False):
                found.append(f"crossing: the leaders of {name!r} and {other_name!r} cross")
    # a label with no leader reads as its nearest marker's
    for i, (name, label_box, leader, _) in enumerate(d.labels):
        if leader is not None or i not in own:
            continue
        mine = _distance(label_box, *d.markers[own[i]].centre)
        for k, m in enumerate(d.markers):
            if k != own[i] and m.centre != d.markers[own[i]].centre and _distance(label_box, *m.centre) < mine - TOL:
                found.append(f"astray: label {name!r} is nearer another marker than its own")
                break
    return found
