"""The label placer on its own, in display px: each rule binds, and a label with no lawful spot is refused."""
from __future__ import annotations

import numpy as np

from redraw.render.placer import Placer, place

FRAME = (0.0, 0.0, 200.0, 100.0)


def _placer(points, blocked=(), lines=(), radius=5.0, frame=FRAME):
    pts = np.array(points, dtype=float)
    return Placer(pts, np.full(len(pts), radius), frame, list(blocked), list(lines), gap=2.0)


def _box(spot, size):
    w, h = size
    return (spot.cx - w / 2, spot.cy - h / 2, spot.cx + w / 2, spot.cy + h / 2)


def _crosses(box, seg):
    """Whether segment seg passes through box (dense sampling: independent of the placer's clipping)."""
    t = np.linspace(0, 1, 2001)
    xs, ys = seg[0] + (seg[2] - seg[0]) * t, seg[1] + (seg[3] - seg[1]) * t
    return bool(((xs > box[0]) & (xs < box[2]) & (ys > box[1]) & (ys < box[3])).any())


def test_a_label_with_room_sits_right_of_its_point_without_a_leader():
    spot = _placer([(100.0, 50.0)]).place(0, 40.0, 10.0)
    assert (spot.clear, spot.moved) == (True, False)
    assert spot.cy == 50.0 and spot.cx - 20.0 == 100.0 + 5.0 + 2.0  # right next to the marker


def test_a_label_keeps_off_a_line():
    line = (0.0, 50.0, 200.0, 50.0)   # a reference line through the point, left to right
    spot = _placer([(100.0, 50.0)], lines=[line]).place(0, 40.0, 10.0)
    assert spot is not None and not _crosses(_box(spot, (40.0, 10.0)), line)


def test_a_label_next_to_another_marker_needs_a_leader():
    # B sits 16 px right of A: a label right of A would be nearer B's marker than A's
    placer = _placer([(100.0, 50.0), (116.0, 50.0)], blocked=[(60.0, 0.0, 99.0, 100.0)])
    spot = placer.place(0, 40.0, 10.0)
    assert spot is not None and spot.moved


def test_leaders_do_not_cross_and_later_labels_keep_off_placed_leaders():
    pts = [(100.0, 50.0), (104.0, 62.0), (96.0, 38.0), (108.0, 44.0)]
    placer = _placer(pts, radius=4.0)
    spots = [placer.place(i, 30.0, 8.0) for i in range(len(pts))]
    leaders = [(pts[i][0], pts[i][1], s.cx, s.cy) for i, s in enumerate(spots) if s is not None and s.moved]
    for i, s in enumerate(spots):
        if s is not None:
            assert not any(_crosses(_box(s, (30.0, 8.0)), seg) for k, seg in enumerate(leaders) if seg[:2] != pts[i])


def test_a_label_with_no_lawful_spot_is_refused_unless_forced():
    everywhere = (0.0, 0.0, 200.0, 100.0)
    placer = _placer([(100.0, 50.0)], blocked=[everywhere])
    assert placer.place(0, 30.0, 10.0) is None
    forced = placer.place(0, 30.0, 10.0, force=True)
    assert forced is not None and not forced.clear


def test_placement_is_the_same_every_time():
    rng = np.random.default_rng(3)
    pts, radii = rng.uniform(0, 400, (30, 2)), np.full(30, 4.0)
    sizes = np.column_stack([rng.uniform(20, 60, 30), np.full(30, 10.0)])
    runs = [place(pts, radii, sizes, (0.0, 0.0, 400.0, 400.0), [], [], [0], gap=2.0) for _ in range(2)]
    assert runs[0] == runs[1]
