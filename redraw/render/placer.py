"""Deterministic label placement in display px: each label takes the nearest spot that breaks no rule.

A spot is a candidate box on rings around the label's point (ring 0 right next to the marker, in a
preferred order of directions; outer rings all round). The rules are hard constraints, checked with
numpy over all candidates at once:
- the box stays inside the axes and covers no marker, no placed label, no blocked box (legend, line
  labels), no drawn line (trend or reference) and no placed leader;
- a box off ring 0, or one nearer to another marker than to its own, needs a leader; the leader (a
  straight segment from the point to the box) passes through no other marker, label or blocked box
  and crosses no placed leader.
A label with no such spot is not placed (`Placer.place` returns None): the caller gives it a number
instead (see labels.py). `force=True` takes, for such a label, the spot inside the axes that breaks
the fewest rules, marked `clear=False`. Same input, same placement: no clocks, no randomness.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

# ring 0 directions in order of preference: right, upper right, lower right, left, ...
_DIRS0 = [(1, 0), (1, 1), (1, -1), (-1, 0), (-1, 1), (-1, -1), (0, 1), (0, -1)]
_N_OUTER = 24
_RINGS = 22
RINGS = _RINGS   # how many rings of spots there are round a point
# the air base.text_size adds around a text (w + 4, h + 3): the box a reader sees is this much smaller
AIR = (2.0, 1.5)
LEADER_COST = 10.0   # a ring-0 spot that needs a leader costs as much as a spot one ring out
STRAY_COST = 20.0   # a label nearer another marker than its own, leader or not, costs two rings
ACROSS_COST = 15.0   # a label across a drawn line from its point (leader or not) reads as the other side's
DOUBT = 0.35         # a label with no leader is its point's only if every other marker is this many label
                     # heights farther from it than its own (a reader must not have to measure)


@dataclass
class Placement:
    cx: float            # label box centre, display px
    cy: float
    moved: bool          # draw a leader line from the point to the label
    clear: bool          # the spot breaks no rule


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


def _boxes(cand: np.ndarray, w: float, h: float) -> np.ndarray:
    """(K, 4) the w x h boxes centred on each candidate (K, 3)."""
    return np.column_stack([cand[:, 0] - w / 2, cand[:, 1] - h / 2, cand[:, 0] + w / 2, cand[:, 1] + h / 2])


def _inside(boxes: np.ndarray, frame: tuple[float, float, float, float]) -> np.ndarray:
    x0, y0, x1, y1 = frame
    inside: np.ndarray = (boxes[:, 0] >= x0) & (boxes[:, 2] <= x1) & (boxes[:, 1] >= y0) & (boxes[:, 3] <= y1)
    return inside


def _marker_boxes(points: np.ndarray, radii: np.ndarray) -> np.ndarray:
    """(N, 4) each marker's square, its radius round its centre."""
    if not len(points):
        return np.zeros((0, 4))
    return np.column_stack([points[:, 0] - radii, points[:, 1] - radii, points[:, 0] + radii, points[:, 1] + radii])


def _overlaps(boxes: np.ndarray, obstacles: np.ndarray) -> np.ndarray:
    """(K,) number of obstacles each candidate box (K,4: x0,y0,x1,y1) overlaps."""
    if len(obstacles) == 0:
        return np.zeros(len(boxes), dtype=int)
    b = boxes[:, None, :]
    o = obstacles[None, :, :]
    hit = (b[..., 0] < o[..., 2]) & (b[..., 2] > o[..., 0]) & (b[..., 1] < o[..., 3]) & (b[..., 3] > o[..., 1])
    counts: np.ndarray = hit.sum(axis=1)
    return counts


def segments_through(boxes: np.ndarray, segments: np.ndarray) -> np.ndarray:
    """(K, S): whether each segment (S,4: x0,y0,x1,y1) passes through each box (K,4), exactly: Liang-Barsky
    clipping of the segment to the box, for the pairs whose bounding boxes meet (a segment that only touches
    an edge does not count)."""
    out = np.zeros((len(boxes), len(segments)), dtype=bool)
    if len(segments) == 0 or len(boxes) == 0:
        return out
    sx0, sx1 = np.minimum(segments[:, 0], segments[:, 2]), np.maximum(segments[:, 0], segments[:, 2])
    sy0, sy1 = np.minimum(segments[:, 1], segments[:, 3]), np.maximum(segments[:, 1], segments[:, 3])
    k, s = np.nonzero((boxes[:, 0:1] <= sx1) & (boxes[:, 2:3] >= sx0) & (boxes[:, 1:2] <= sy1) & (boxes[:, 3:4] >= sy0))
    if not len(k):
        return out
    x0, y0 = segments[s, 0], segments[s, 1]
    dx, dy = segments[s, 2] - x0, segments[s, 3] - y0
    bx0, by0, bx1, by1 = (boxes[k, c] for c in range(4))
    t0, t1 = np.zeros(len(k)), np.ones(len(k))
    ok = np.ones(len(k), dtype=bool)
    for p, q in ((-dx, x0 - bx0), (dx, bx1 - x0), (-dy, y0 - by0), (dy, by1 - y0)):
        with np.errstate(divide="ignore", invalid="ignore"):
            r = q / p
        ok &= ~((p == 0) & (q <= 0))
        t0 = np.where(p < 0, np.maximum(t0, r), t0)
        t1 = np.where(p > 0, np.minimum(t1, r), t1)
    out[k, s] = ok & (t1 - t0 > 1e-9)
    return out


def _crossing(p: np.ndarray, ends: np.ndarray, leaders: np.ndarray) -> np.ndarray:
    """(K,) how many placed leaders (L,4) each new leader p -> ends[k] (K,2) properly crosses."""
    if len(leaders) == 0:
        return np.zeros(len(ends))
    ax, ay = p[0], p[1]
    bx, by = ends[:, 0:1], ends[:, 1:2]                       # (K, 1)
    cx, cy, dx, dy = (leaders[:, k][None, :] for k in range(4))  # (1, L)

    def orient(px: Coord, py: Coord, qx: Coord, qy: Coord, rx: Coord, ry: Coord) -> np.ndarray:
        return np.sign((qx - px) * (ry - py) - (qy - py) * (rx - px))

    o1, o2 = orient(ax, ay, bx, by, cx, cy), orient(ax, ay, bx, by, dx, dy)
    o3, o4 = orient(cx, cy, dx, dy, ax, ay), orient(cx, cy, dx, dy, bx, by)
    crossed: np.ndarray = ((o1 * o2 < 0) & (o3 * o4 < 0)).sum(axis=1).astype(float)
    return crossed


class Placer:
    """Places labels one at a time; what is placed (boxes, leaders) binds every later label.

    points (N,2) and radii (N,) are all marker centres and radii in display px; frame is the axes box;
    blocked are boxes no label or leader may cover (legend, line labels); lines are drawn segments
    (trend and reference lines) no label may cover.
    """

    def __init__(self, points: np.ndarray, radii: np.ndarray, frame: tuple[float, float, float, float],
                 blocked: list[tuple[float, float, float, float]], lines: list[tuple[float, float, float, float]],
                 gap: float) -> None:
        self.points, self.radii, self.frame, self.gap = points, radii, frame, gap
        self.markers = _marker_boxes(points, radii)
        self.fixed = np.array(blocked, dtype=float).reshape(-1, 4)
        self.lines = np.array(lines, dtype=float).reshape(-1, 4)
        self.boxes = np.zeros((0, 4))
        self.leaders = np.zeros((0, 4))
        self.box_owner: list[int] = []      # the point each placed box, and each placed leader, belongs to
        self.leader_owner: list[int] = []
        self._static: dict[tuple[int, float, float, int], _Static] = {}

    def fresh(self) -> Placer:
        """A placer for the same figure with nothing placed yet; what depends only on the figure (markers,
        lines, blocked boxes) is measured once for both."""
        other = Placer.__new__(Placer)
        other.__dict__.update(self.__dict__)
        other.boxes, other.leaders = np.zeros((0, 4)), np.zeros((0, 4))
        other.box_owner, other.leader_owner = [], []
        return other

    def saved(self) -> tuple[np.ndarray, np.ndarray, list[int], list[int]]:
        """What is placed so far, for restore()."""
        return self.boxes, self.leaders, list(self.box_owner), list(self.leader_owner)

    def restore(self, state: tuple[np.ndarray, np.ndarray, list[int], list[int]]) -> None:
        self.boxes, self.leaders = state[0], state[1]
        self.box_owner, self.leader_owner = list(state[2]), list(state[3])

    def withdraw(self, i: int) -> None:
        """Take point i's label and leader off again: they no longer bind what is placed after."""
        self.boxes = self.boxes[[o != i for o in self.box_owner]].reshape(-1, 4)
        self.leaders = self.leaders[[o != i for o in self.leader_owner]].reshape(-1, 4)
        self.box_owner = [o for o in self.box_owner if o != i]
        self.leader_owner = [o for o in self.leader_owner if o != i]

    def place(self, i: int, w: float, h: float, force: bool = False, rings: int = _RINGS,
              strict: bool = False) -> Placement | None:
        """The best spot for a w x h label of point i on the first `rings` rings, or None when every spot
        there breaks a rule (unless force: then the least bad spot of all). `strict`: a spot nearer another
        marker than its own breaks a rule even with a leader (else it only costs STRAY_COST)."""
        p = self.points[i]
        # only the first `rings` rings can win, unless forced: the rest is never looked at
        m = len(_RING) if force else int(np.searchsorted(_RING, rings))
        st = self._measure(i, w, h, m)
        ring, cand, boxes, inside = _RING[:m], st.cand, st.boxes, st.inside
        broken = st.broken + _overlaps(boxes, self.boxes)
        # the dearer rules are checked only where they can still matter: spots inside and clear of every box
        # and line (all spots when forced, which ranks them by how much they break)
        live = np.arange(m) if force else np.nonzero(inside & (broken == 0))[0]
        needs = ring > 0
        cost = cand[:, 2].copy()
        if len(live):
            broken[live] += segments_through(boxes[live], self.leaders).sum(axis=1)
            stray = self._stray(i, h, st, live)
            needs[live] |= stray
            if strict:
                broken[live] += stray
            cost[live] += STRAY_COST * stray   # even with a leader, a label beside another marker misleads
            check = live[needs[live] & inside[live] & ((broken[live] == 0) | force)]
            if len(check):
                broken[check] += self._fixed_on_leaders(i, st, check) + self._leader_breaks(
                    i, cand[check, :2], st.starts[check])
            cost[live] += LEADER_COST * (needs[live] & (ring[live] == 0)) + ACROSS_COST * st.across[live]
        ok = inside & (broken == 0) & (ring < rings)
        if ok.any():
            k = int(np.argmin(np.where(ok, cost, np.inf)))
        elif force:
            k = int(np.argmin(np.where(inside, broken * 1000.0 + cost, np.inf)) if inside.any() else np.argmin(cost))
        else:
            return None
        self.boxes = np.vstack([self.boxes, boxes[k]])
        self.box_owner.append(i)
        if needs[k]:
            self.leaders = np.vstack([self.leaders, [p[0], p[1], cand[k, 0], cand[k, 1]]])
            self.leader_owner.append(i)
        return Placement(float(cand[k, 0]), float(cand[k, 1]), bool(needs[k]), bool(ok[k]))

    def _measure(self, i: int, w: float, h: float, m: int) -> _Static:
        """What the first m spots of a w x h label of point i break that no later placement changes: markers,
        blocked boxes and lines they cover, whether they stray, lines between them and the point, and what a
        leader to each would run through (markers, blocked boxes). Measured once per label size and point."""
        key = (i, w, h, m)
        st = self._static.get(key)
        if st is None:
            p = self.points[i]
            cand = _candidates(p[0], p[1], self.radii[i], w, h, self.gap)[:m]
            boxes = _boxes(cand, w, h)
            d = cand[:, :2] - p
            length = np.maximum(np.hypot(d[:, 0], d[:, 1]), 1e-9)
            starts = p + d * (np.minimum(self.radii[i], length) / length)[:, None]
            st = _Static(cand, boxes, _inside(boxes, self.frame),
                         (_overlaps(boxes, np.vstack([self.markers, self.fixed]))
                          + segments_through(boxes, self.lines).sum(axis=1)).astype(float),
                         _crossing(p, cand[:, :2], self.lines), starts, np.full(m, np.nan), np.full(m, np.nan))
            self._static[key] = st
        return st

    def _stray(self, i: int, h: float, st: _Static, spots: np.ndarray) -> np.ndarray:
        """(len(spots),) whether each spot strays (_astray), measured once per spot."""
        stray: np.ndarray = _once(st.stray, spots, lambda todo: self._astray(i, st.boxes[todo], h)) > 0
        return stray

    def _fixed_on_leaders(self, i: int, st: _Static, spots: np.ndarray) -> np.ndarray:
        """(len(spots),) the markers and blocked boxes a leader to each spot runs through, measured once per spot."""
        def count(todo: np.ndarray) -> np.ndarray:
            segs = np.column_stack([st.starts[todo], st.cand[todo, :2]])
            hits: np.ndarray = self._markers_on(i, segs) + segments_through(self.fixed, segs).sum(axis=0)
            return hits

        return _once(st.leader_breaks, spots, count)

    def _astray(self, i: int, boxes: np.ndarray, h: float) -> np.ndarray:
        """(K,) whether a reader could take each box, with no leader, for another point's label: the box as
        drawn (less its air) is not clearly nearer its own marker's centre than every other's (DOUBT)."""
        if len(self.points) < 2:
            return np.zeros(len(boxes), dtype=bool)
        seen = boxes + np.array([AIR[0], AIR[1], -AIR[0], -AIR[1]])

        def dist(x: np.ndarray, y: np.ndarray) -> np.ndarray:
            dx = np.maximum(np.maximum(seen[:, 0:1] - x, 0.0), x - seen[:, 2:3])
            dy = np.maximum(np.maximum(seen[:, 1:2] - y, 0.0), y - seen[:, 3:4])
            d: np.ndarray = np.hypot(dx, dy)
            return d

        own = dist(self.points[i:i + 1, 0], self.points[i:i + 1, 1])[:, 0]
        margin = max(1.0, DOUBT * h)
        reach = float(own.max()) + margin   # a marker farther than this from every box cannot be nearer
        pts = self.points
        others = (np.any(pts != pts[i], axis=1)   # itself, or a coincident twin: no
                  & (pts[:, 0] > seen[:, 0].min() - reach) & (pts[:, 0] < seen[:, 2].max() + reach)
                  & (pts[:, 1] > seen[:, 1].min() - reach) & (pts[:, 1] < seen[:, 3].max() + reach))
        if not others.any():
            return np.zeros(len(boxes), dtype=bool)
        d = dist(pts[others, 0][None, :], pts[others, 1][None, :])
        astray = np.asarray((d < own[:, None] + margin).any(axis=1))
        return astray

    def _markers_on(self, i: int, segs: np.ndarray) -> np.ndarray:
        """(K,) how many other markers (as circles) each leader segment (K,4) runs through."""
        n = len(self.points)
        pts, r = self.points, self.radii
        # markers out of the leaders' span (grown by their radius) cannot be met
        lo, hi = np.minimum(segs[:, :2], segs[:, 2:]).min(axis=0), np.maximum(segs[:, :2], segs[:, 2:]).max(axis=0)
        others = ((np.arange(n) != i) & (pts[:, 0] + r > lo[0]) & (pts[:, 0] - r < hi[0]) & (pts[:, 1] + r > lo[1])
                  & (pts[:, 1] - r < hi[1]))
        hits: np.ndarray = _near_segments(pts[others], r[others], segs).sum(axis=0)
        return hits

    def _leader_breaks(self, i: int, ends: np.ndarray, starts: np.ndarray) -> np.ndarray:
        """(K,) what a straight leader from the edge of point i's marker (starts) to each end runs through
        of what is placed so far: labels, and leaders it crosses."""
        segs = np.column_stack([starts, ends])
        hits: np.ndarray = (segments_through(self.boxes, segs).sum(axis=0)
                            + _crossing(self.points[i], ends, self.leaders))
        return hits


def _once(values: np.ndarray, spots: np.ndarray, measure: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
    """values[spots], measuring (into values, NaN until then) only the spots not measured before."""
    todo = spots[np.isnan(values[spots])]
    if len(todo):
        values[todo] = measure(todo)
    known: np.ndarray = values[spots]
    return known


@dataclass
class _Static:
    """Per candidate spot (K rows), what only the figure decides (Placer._measure)."""

    cand: np.ndarray            # (K, 3) centre x, centre y, base cost
    boxes: np.ndarray           # (K, 4)
    inside: np.ndarray          # (K,) inside the axes
    broken: np.ndarray          # (K,) markers, blocked boxes and lines covered
    across: np.ndarray          # (K,) drawn lines between the spot and its point
    starts: np.ndarray          # (K, 2) where a leader to the spot leaves the marker
    # measured only for the spots that come to be checked (NaN until then):
    stray: np.ndarray           # (K,) 1.0 where nearer another marker than its own
    leader_breaks: np.ndarray   # (K,) markers and blocked boxes a leader to the spot runs through


def _near_segments(centres: np.ndarray, radii: np.ndarray, segs: np.ndarray) -> np.ndarray:
    """(M, K): whether each segment (K,4) passes within each circle (M centres, M radii)."""
    a, b = segs[None, :, 0:2], segs[None, :, 2:4]                 # (1, K, 2)
    c = centres[:, None, :]                                        # (M, 1, 2)
    ab = b - a
    t = np.clip(((c - a) * ab).sum(-1) / np.maximum((ab * ab).sum(-1), 1e-12), 0.0, 1.0)
    closest = a + ab * t[..., None]
    near: np.ndarray = np.hypot(*(closest - c).transpose(2, 0, 1)) < radii[:, None]
    return near


def order(points: np.ndarray, radii: np.ndarray, sizes: np.ndarray, frame: tuple[float, float, float, float],
          first: list[int], gap: float) -> list[int]:
    """The order labels are placed in, so that the ones a reader needs most get their names: `first`
    (highlighted points), then the extremes (lowest and highest x and y), then the most constrained
    (fewest free spots next to the point), then the most crowded, then input order: all deterministic."""
    n = len(points)
    if n == 0:
        return []
    extremes = [int(k) for k in (np.argmin(points[:, 0]), np.argmax(points[:, 0]), np.argmin(points[:, 1]),
                                 np.argmax(points[:, 1]))]
    head = list(dict.fromkeys([*first, *extremes]))
    free = _free_near(points, radii, sizes, frame, gap)
    d = np.hypot(points[:, None, 0] - points[None, :, 0], points[:, None, 1] - points[None, :, 1])
    crowd = (d < 40).sum(axis=1)
    rest = sorted((i for i in range(n) if i not in head), key=lambda i: (int(free[i]), -int(crowd[i]), i))
    return head + rest


def _free_near(points: np.ndarray, radii: np.ndarray, sizes: np.ndarray, frame: tuple[float, float, float, float],
               gap: float) -> np.ndarray:
    """(N,) how many of the eight spots right next to each point are free of markers and the frame."""
    markers = _marker_boxes(points, radii)
    out = np.zeros(len(points), dtype=int)
    for i in range(len(points)):
        w, h = sizes[i]
        boxes = _boxes(_candidates(points[i, 0], points[i, 1], radii[i], w, h, gap)[: len(_DIRS0)], w, h)
        out[i] = int((_inside(boxes, frame) & (_overlaps(boxes, markers) == 0)).sum())
    return out


def place(points: np.ndarray, radii: np.ndarray, sizes: np.ndarray, frame: tuple[float, float, float, float],
          blocked: list[tuple[float, float, float, float]], lines: list[tuple[float, float, float, float]],
          first: list[int], gap: float) -> list[Placement | None]:
    """One placement per point (None where no spot breaks no rule), every point labelled, in `order`."""
    placer = Placer(points, radii, frame, blocked, lines, gap)
    out: list[Placement | None] = [None] * len(points)
    for i in order(points, radii, sizes, frame, first, gap):
        out[i] = placer.place(i, float(sizes[i, 0]), float(sizes[i, 1]))
    return out
