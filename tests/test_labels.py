"""The label placer on its own, in display px: where a label goes when space runs out."""
from __future__ import annotations

import numpy as np

from redraw.render.placer import place

FRAME = (0.0, 0.0, 200.0, 100.0)


def _one(frame, size, blocked=(), point=(100.0, 50.0), radius=5.0):
    (spot,) = place(np.array([point]), np.array([radius]), np.array([size], dtype=float), frame, list(blocked), [],
                    [], gap=2.0)
    return spot


def _box(spot, size):
    w, h = size[0] * spot.scale, size[1] * spot.scale
    return (spot.cx - w / 2, spot.cy - h / 2, spot.cx + w / 2, spot.cy + h / 2)


def _inside(box, frame):
    return box[0] >= frame[0] and box[1] >= frame[1] and box[2] <= frame[2] and box[3] <= frame[3]


def test_a_label_with_room_keeps_its_size_and_sits_right_of_its_point():
    spot = _one(FRAME, (40.0, 10.0))
    assert (spot.scale, spot.clear, spot.moved) == (1.0, True, False)
    assert spot.cy == 50.0 and spot.cx - 20.0 == 100.0 + 5.0 + 2.0  # right next to the marker


def test_a_label_too_wide_for_any_spot_shrinks_to_the_first_size_that_fits():
    # a 10 px tall strip: 100 px of text fits neither beside the point nor above it; 88 px fits on the right
    frame = (0.0, 45.0, 200.0, 55.0)
    spot = _one(frame, (100.0, 10.0))
    assert spot.clear and spot.scale == 0.88
    assert _inside(_box(spot, (100.0, 10.0)), frame)


def test_no_free_spot_takes_the_least_covered_one_inside_the_frame():
    # everything is covered once; the right half twice: the label must go left, inside, marked not clear
    everywhere, right_half = (0.0, 0.0, 200.0, 100.0), (100.0, 0.0, 200.0, 100.0)
    spot = _one(FRAME, (30.0, 10.0), blocked=[everywhere, right_half])
    box = _box(spot, (30.0, 10.0))
    assert not spot.clear and spot.scale == 0.76  # tried every size first
    assert _inside(box, FRAME) and box[2] <= 100.0


def test_placement_is_the_same_every_time():
    rng = np.random.default_rng(3)
    pts, radii = rng.uniform(0, 400, (30, 2)), np.full(30, 4.0)
    sizes = np.column_stack([rng.uniform(20, 60, 30), np.full(30, 10.0)])
    runs = [place(pts, radii, sizes, (0.0, 0.0, 400.0, 400.0), [], [], [0], gap=2.0) for _ in range(2)]
    assert runs[0] == runs[1]
