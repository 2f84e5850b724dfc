"""Deterministic label placement: each label takes the nearest free spot around its point.

Greedy over candidate rings, hard constraints (no label-label, label-marker or label-legend
overlap, inside the axes) checked with numpy over all placed boxes at once; soft costs for
distance, for covering drawn lines and for leaders crossing markers, labels or leaders. A label
with no free spot even shrunk to the smallest of SCALES takes, at that size, the spot inside the
axes that overlaps the fewest obstacles (the cheapest spot if none is inside), marked
`clear=False`. Same input, same placement: no clocks, no randomness.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

# ring 0 directions in order of preference: right, upper right, lower right, left, ...
_DIRS0 = [(1, 0), (1, 1), (1, -1), (-1, 0), (-1, 1), (-1, -1), (0, 1), (0, -1)]
_N_OUTER = 24
_RINGS = 22
SCALES = (1.0, 0.88, 0.76)


@dataclass
class Placement:
    cx: float            # label box centre, display px
    cy: float
    moved: bool          # placed beyond the first ring: draw a leader line
    clear: bool          # found a spot with no collision
    scale: float = 1.0   # font scale the label needed to fit


def _directions() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Unit directions, ring numbers and base costs of every candidate spot, in preference order."""
    dirs, rings, base = [], [], []
    for ring in range(_RINGS):
        if ring == 0:
            ring_dirs = [(dx / math.hypot(dx, dy), dy / math.hypot(dx, dy)) for dx, dy in _DIRS0]
        else:
            ring_dirs = [(math.cos(2 * math.pi * k / _N_OUTER), math.sin(2 * math.pi * k / _N_OUTER))
                         for k in range(_N_OUTER)]
        for k, d in enumerate(ring_dirs):
            dirs.append(d)
            rings.append(ring)
            base.append(ring * 10.0 + k * (0.5 if ring == 0 else 0.05))
    return np.array(dirs), np.array(rings, dtype=float), np.array(base)


_DIRS, _RING, _BASE = _directions()
Coord = np.ndarray | float   # one coordinate, or a column or row of them (broadcast)
_PUSH = np.minimum(1.0, np.abs(_DIRS) * 1.5)  # how far a box is pushed out along each direction


def _candidates(px: float, py: float, r: float, w: float, h: float, gap: float) -> np.ndarray:
    """(K, 3) rows of centre x, centre y, base cost."""
    d = r + gap + _RING * max(h * 0.9, 4.0)
    # push the box so its near edge, not its centre, sits at distance d
    cx = px + _DIRS[:, 0] * (d + w / 2 * _PUSH[:, 0])
    cy = py + _DIRS[:, 1] * (d + h / 2 * _PUSH[:, 1])
    return np.column_stack([cx, cy, _BASE])


def _overlaps(boxes: np.ndarray, obstacles: np.ndarray) -> np.ndarray:
    """(K,) number of obstacles each candidate box (K,4: x0,y0,x1,y1) overlaps."""
    if len(obstacles) == 0:
        return np.zeros(len(boxes), dtype=int)
    b = boxes[:, None, :]
    o = obstacles[None, :, :]
    hit = (b[..., 0] < o[..., 2]) & (b[..., 2] > o[..., 0]) & (b[..., 1] < o[..., 3]) & (b[..., 3] > o[..., 1])
    counts: np.ndarray = hit.sum(axis=1)
    return counts


def _crossings(boxes: np.ndarray, segments: np.ndarray) -> np.ndarray:
    """(K,) how many of the segments' sample points (48 along each of the S,4 segments) fall inside each box.

    Not a count of segments: a label pays for how much of a line it covers, measured in samples, and a
    short segment (a piece of a trend line) is sampled more densely than a long one (a reference line).
    """
    if len(segments) == 0:
        return np.zeros(len(boxes))
    t = np.linspace(0.0, 1.0, 48)
    xs = segments[:, 0:1] + (segments[:, 2:3] - segments[:, 0:1]) * t   # (S, T)
    ys = segments[:, 1:2] + (segments[:, 3:4] - segments[:, 1:2]) * t
    xs, ys = xs.reshape(-1), ys.reshape(-1)
    inside = ((xs[None, :] > boxes[:, 0:1]) & (xs[None, :] < boxes[:, 2:3])
              & (ys[None, :] > boxes[:, 1:2]) & (ys[None, :] < boxes[:, 3:4]))
    samples: np.ndarray = inside.sum(axis=1)
    return samples


def place(points: np.ndarray, radii: np.ndarray, sizes: np.ndarray, frame: tuple[float, float, float, float],
          blocked: list[tuple[float, float, float, float]], segments: list[tuple[float, float, float, float]],
          first: list[int], gap: float) -> list[Placement]:
    """Place one label per point.

    points (N,2) and radii (N,) are marker centres and radii, sizes (N,2) label widths and heights,
    all in display px; frame is the axes box; blocked are boxes no label may cover (legend, line
    labels); segments are drawn lines labels should avoid; `first` lists points placed first.
    """
    n = len(points)
    markers = np.column_stack([points[:, 0] - radii, points[:, 1] - radii,
                               points[:, 0] + radii, points[:, 1] + radii]) if n else np.zeros((0, 4))
    fixed = np.array(blocked, dtype=float).reshape(-1, 4)
    segs = np.array(segments, dtype=float).reshape(-1, 4)
    placed: list[np.ndarray] = []
    leaders: list[tuple[float, float, float, float]] = []
    out: list[Placement | None] = [None] * n
    x0, y0, x1, y1 = frame
    free_near = _free_near(points, radii, sizes, frame, np.vstack([markers, fixed]), gap)
    for i in _order(points, first, free_near):
        obstacles = np.vstack([markers, fixed, *placed]) if placed else np.vstack([markers, fixed])
        for scale in SCALES:  # a crowded label may shrink a little rather than collide
            w, h = sizes[i] * scale
            cand = _candidates(points[i, 0], points[i, 1], radii[i], w, h, gap)
            boxes = np.column_stack([cand[:, 0] - w / 2, cand[:, 1] - h / 2, cand[:, 0] + w / 2,
                                     cand[:, 1] + h / 2])
            inside = (boxes[:, 0] >= x0) & (boxes[:, 2] <= x1) & (boxes[:, 1] >= y0) & (boxes[:, 3] <= y1)
            hits = _overlaps(boxes, obstacles)
            ok = inside & (hits == 0)
            if ok.any():
                break
        cost = cand[:, 2].copy()
        if ok.any():
            # Only the free spots of the nearest rings can win, so only they pay for the finer checks:
            # labels keep off drawn lines, and leaders (beyond ring 0) off markers, labels, other leaders.
            free = np.nonzero(ok)[0]
            checked = np.zeros(len(cand), dtype=bool)
            bound = (cand[free, 2].min() // 10 + 3) * 10
            while True:  # widen until no unchecked free spot could still beat the best checked one
                near = free[(cand[free, 2] < bound) & ~checked[free]]
                if not len(near):
                    break
                checked[near] = True
                cost[near] += 6.0 * _crossings(boxes[near], segs)
                far = near[cand[near, 2] >= 10.0]
                if len(far):
                    cost[far] += 12.0 * _leader_hits(points[i], cand[far], obstacles, i, markers, leaders)
                bound = cost[free[checked[free]]].min()
            k = int(np.argmin(np.where(ok, cost, np.inf)))
            clear = True
        else:  # nowhere free even small: the least crowded spot inside the frame
            k = int(np.argmin(np.where(inside, hits * 1000.0 + cost, np.inf)) if inside.any() else np.argmin(cost))
            clear = False
        placed.append(boxes[k:k + 1])
        if cand[k, 2] >= 10.0:
            leaders.append((points[i, 0], points[i, 1], cand[k, 0], cand[k, 1]))
        out[i] = Placement(float(cand[k, 0]), float(cand[k, 1]), cand[k, 2] >= 10.0, clear, float(scale))
    return [p for p in out if p is not None]


def _leader_hits(p: np.ndarray, cand: np.ndarray, obstacles: np.ndarray, own: int, markers: np.ndarray,
                 leaders: list[tuple[float, float, float, float]]) -> np.ndarray:
    """(K,) boxes a straight leader from p to each candidate centre passes through, plus leaders it crosses."""
    t = np.linspace(0.15, 0.85, 8)
    xs = p[0] + (cand[:, 0:1] - p[0]) * t          # (K, T)
    ys = p[1] + (cand[:, 1:2] - p[1]) * t
    keep = np.ones(len(obstacles), dtype=bool)
    if own < len(markers):
        keep[own] = False  # its own marker is where the leader starts
    ob = obstacles[keep]
    inside = ((xs[..., None] > ob[:, 0]) & (xs[..., None] < ob[:, 2]) & (ys[..., None] > ob[:, 1])
              & (ys[..., None] < ob[:, 3]))         # (K, T, O)
    hits: np.ndarray = inside.any(axis=1).sum(axis=1).astype(float)
    if leaders:
        hits += _crossing_leaders(p, cand, np.array(leaders))
    return hits


def _crossing_leaders(p: np.ndarray, cand: np.ndarray, leaders: np.ndarray) -> np.ndarray:
    """(K,) how many placed leaders (L,4) each new leader p -> candidate centre properly crosses."""
    ax, ay = p[0], p[1]
    bx, by = cand[:, 0:1], cand[:, 1:2]                       # (K, 1)
    cx, cy, dx, dy = (leaders[:, k][None, :] for k in range(4))  # (1, L)

    def orient(px: Coord, py: Coord, qx: Coord, qy: Coord, rx: Coord, ry: Coord) -> np.ndarray:
        return np.sign((qx - px) * (ry - py) - (qy - py) * (rx - px))

    o1, o2 = orient(ax, ay, bx, by, cx, cy), orient(ax, ay, bx, by, dx, dy)
    o3, o4 = orient(cx, cy, dx, dy, ax, ay), orient(cx, cy, dx, dy, bx, by)
    crossed: np.ndarray = ((o1 * o2 < 0) & (o3 * o4 < 0)).sum(axis=1).astype(float)
    return crossed


def _order(points: np.ndarray, first: list[int], free: np.ndarray) -> list[int]:
    """Highlighted points first, then the most constrained (fewest free spots next to the point),
    then the most crowded, then input order: all deterministic."""
    n = len(points)
    if n == 0:
        return []
    d = np.hypot(points[:, None, 0] - points[None, :, 0], points[:, None, 1] - points[None, :, 1])
    crowd = (d < 40).sum(axis=1)
    rest = sorted((i for i in range(n) if i not in first), key=lambda i: (int(free[i]), -int(crowd[i]), i))
    return list(first) + rest


def _free_near(points: np.ndarray, radii: np.ndarray, sizes: np.ndarray, frame: tuple[float, float, float, float],
               obstacles: np.ndarray, gap: float) -> np.ndarray:
    """(N,) how many of the eight spots right next to each point are free of markers and the frame."""
    x0, y0, x1, y1 = frame
    out = np.zeros(len(points), dtype=int)
    for i in range(len(points)):
        w, h = sizes[i]
        cand = _candidates(points[i, 0], points[i, 1], radii[i], w, h, gap)[: len(_DIRS0)]
        boxes = np.column_stack([cand[:, 0] - w / 2, cand[:, 1] - h / 2, cand[:, 0] + w / 2, cand[:, 1] + h / 2])
        inside = (boxes[:, 0] >= x0) & (boxes[:, 2] <= x1) & (boxes[:, 1] >= y0) & (boxes[:, 3] <= y1)
        out[i] = int((inside & (_overlaps(boxes, obstacles) == 0)).sum())
    return out
