"""After assembly: check the facts against each other, mend what is plainly inconsistent, and say
what still looks wrong.

- A whole axis (or a whole legend series) whose values all sit outside the stated range by a factor
  of 10^3, 10^6, 10^9 or 10^12, and inside it once divided by that factor, is rescaled.
- A series given as fractions (0.42) on a percent axis running to 100 is multiplied by 100.
- One value written in plain units on an axis whose title counts thousands/millions ("12,500 tokens"
  on "(K tokens)") is divided by that unit when that puts it in range; so is a reference line's.
- Points whose x and y all fit the other axis's range, and none their own, are swapped back; so is one
  point that fits only exchanged.
Every fix is a warning. What still contradicts the axes, and a stated point count the parser fell far
short of, become `doubts`: the CLI prints them, and `--strict` refuses such a file.
"""
from __future__ import annotations

import math
import re

from ..spec import Axis, Point, ReferenceLine
from .state import ParseState
from .vocab import NUMBER_WORDS, count_of

FACTORS = (1e3, 1e6, 1e9, 1e12, 1e-3, 1e-6, 1e-9, 1e-12)
SLACK = 0.15          # a value may overshoot the stated range by this share of its span and still fit
FAR = 10.0            # a point this many spans outside its axis's range is a doubt, not a rounding error
STATED_COUNT_RE = re.compile(
    r"(?=[fosctpwda])\b(?:for|of|shows?|showing|compares?|comparing|contains?|plots?|plotting|with|displays?|across)\s+"
    r"(?P<n>\d{1,3}|" + "|".join(NUMBER_WORDS) + r")\s+(?:(?:different|distinct|labell?ed|named|individual|"
    r"\w+-?\w*)\s+){0,3}?(?:models|data points|points|systems|methods|datasets|entries|configurations|"
    r"networks|architectures|agents|baselines)\b", re.IGNORECASE)


def reconcile(state: ParseState, x_axis: Axis, y_axis: Axis, points: list[Point],
              free: list[bool] | None = None) -> list[str]:
    """Mend points in place against the axes; return the doubts that remain. `free[i]`: point i's values may
    be exchanged on their own (nothing ties either to its axis)."""
    for axis, which in ((x_axis, "x"), (y_axis, "y")):
        _rescale(state, axis, which, points)
        _fractions(state, axis, which, points)
        _unit_slips(state, axis, which, points)
    _swap(state, x_axis, y_axis, points, free or [False] * len(points))
    doubts = []
    for axis, which in ((x_axis, "x"), (y_axis, "y")):
        far = [p for p in points if _distance(axis, coord(p, which)) > FAR]
        if far:
            names = ", ".join(repr(p.label) for p in far[:3]) + (" ..." if len(far) > 3 else "")
            lo, hi = _range(axis)
            doubts.append(f"{names} sit{'s' if len(far) == 1 else ''} far outside the stated {which} range "
                          f"{lo:g} to {hi:g}: a value or the axis is probably misread")
    stated = _stated_count(state)
    if stated and len(points) * 2 < stated:
        doubts.append(f"the description speaks of {stated} points but only {len(points)} could be read")
    return doubts


def coord(p: Point, which: str) -> float:
    """The point's x or y."""
    return p.x if which == "x" else p.y


def set_coord(p: Point, which: str, v: float) -> None:
    if which == "x":
        p.x = v
    else:
        p.y = v


def _fits(axis: Axis, v: float) -> bool:
    return _distance(axis, v) == 0.0


def _range(axis: Axis) -> tuple[float | None, float | None]:
    """The stated range, else the span of the stated ticks (a chart shows its ticks)."""
    if axis.min is not None and axis.max is not None:
        return axis.min, axis.max
    if axis.ticks and len(axis.ticks) >= 2:
        return min(axis.ticks), max(axis.ticks)
    return axis.min, axis.max


def _distance(axis: Axis, v: float) -> float:
    """How far v lies outside the stated range, in spans (0 inside or when no range is stated); on a
    log axis in decades."""
    lo, hi = _range(axis)
    if lo is None or hi is None or hi <= lo:
        return 0.0
    if axis.scale == "log" and lo > 0 and v > 0:
        lo_, hi_, v_ = math.log10(lo), math.log10(hi), math.log10(v)
        span = max(hi_ - lo_, 1.0)
        return max(0.0, lo_ - v_ - SLACK * span, v_ - hi_ - SLACK * span) / span
    span = hi - lo
    return max(0.0, lo - SLACK * span - v, v - hi - SLACK * span) / span


def _rescale(state: ParseState, axis: Axis, which: str, points: list[Point]) -> None:
    if axis.min is None or axis.max is None:
        return
    series: dict[str | None, list[Point]] = {}
    for p in points:
        series.setdefault(p.group, []).append(p)
    sets = [points] + ([s for s in series.values() if len(s) >= 2] if len(series) > 1 else [])
    for members in sets:
        values = [coord(p, which) for p in members]
        if any(_fits(axis, v) for v in values):
            continue
        lo, hi = axis.min, axis.max
        for f in FACTORS:
            # and not all squeezed into the bottom twentieth of a linear axis (any shrinking fits one from 0)
            if all(_fits(axis, v / f) for v in values) and (
                    axis.scale == "log" or max(v / f for v in values) >= lo + 0.05 * (hi - lo)):
                for p in members:
                    set_coord(p, which, coord(p, which) / f)
                whose = "every point" if members is points else f"the {members[0].group!r} points"
                state.warn(f"{whose} lay outside the stated {which} range by a factor of {f:g}; "
                           f"their {which} values are divided by {f:g} (a unit read twice or not at all)")
                break


PERCENT_TITLE_RE = re.compile(r"%|\bper\s?cent(?:age)?\b", re.IGNORECASE)


def _fractions(state: ParseState, axis: Axis, which: str, points: list[Point]) -> None:
    """"success 0.42" on a "Task success (%)" axis from 0 to 100: a series given as fractions on a percent
    axis. Every value of the series at most 1, the axis running past 10: multiplied by 100 when that keeps
    it in range."""
    lo, hi = _range(axis)
    if lo is None or hi is None or hi <= 10 or not PERCENT_TITLE_RE.search(axis.label or ""):
        return
    series: dict[str | None, list[Point]] = {}
    for p in points:
        series.setdefault(p.group, []).append(p)
    for members in [points] + (list(series.values()) if len(series) > 1 else []):
        values = [coord(p, which) for p in members]
        if len(values) < 2 or not all(0 <= v <= 1 for v in values) or not any(v > 0 for v in values) \
                or not all(_fits(axis, v * 100) for v in values):
            continue
        for p in members:
            set_coord(p, which, round(coord(p, which) * 100, 10))  # 0.671 is 67.1, not 67.10000000000001
        whose = "every point" if members is points else f"the {members[0].group!r} points"
        state.warn(f"{whose}: {which} values given as fractions on a percent axis; multiplied by 100")
        if members is points:
            return


SLIP_PAST_END = 5  # a value this many times past the axis's end, in plain units, slipped its magnitude


def _unit_slips(state: ParseState, axis: Axis, which: str, points: list[Point]) -> None:
    """"12,500 tokens" on a "(K tokens)" axis from 0 to 20: one value written in plain units where the
    axis counts thousands. Divided by the title's unit when that, and only that, puts it in range."""
    unit = state.axes[which].unit
    if not unit or unit <= 1 or None in _range(axis):
        return
    # outside the range, at least one whole unit large ("12,500" on a K axis; 25 on a 0-20 K axis is no slip), or
    # far past its end ("$599" on a "(USD thousands)" axis up to 50)
    # (and, divided, not squeezed into the bottom twentieth of a linear axis: any value "fits" one from 0)
    lo, hi = _range(axis)
    if lo is None or hi is None:
        return
    slipped = [p for p in points if _distance(axis, coord(p, which)) > 0 and (
        abs(coord(p, which)) >= unit or (hi > 0 and abs(coord(p, which)) > SLIP_PAST_END * hi
                                         and (axis.scale == "log" or coord(p, which) / unit >= lo + 0.05 * (hi - lo))))
        and _fits(axis, coord(p, which) / unit)]
    for p in slipped:
        set_coord(p, which, coord(p, which) / unit)
    if slipped:
        state.warn(f"{', '.join(repr(p.label) for p in slipped)}: {which} written in plain units on an axis "
                   f"counting units of {unit:g}; divided by {unit:g}")


def reference_slips(state: ParseState, x_axis: Axis, y_axis: Axis, lines: list[ReferenceLine]) -> None:
    """"A dotted line at 10,000 km" on a "(thousand km)" axis from 0 to 14, "$2,000/kW" on "(×10³ USD/kW)": a
    line's value written in plain units where the axis counts thousands, divided by the title's unit when that,
    and only that, puts it in range (as a point's value is)."""
    for line in lines:
        axis = x_axis if line.axis == "x" else y_axis
        unit = state.axes[line.axis].unit
        if unit and unit > 1 and None not in _range(axis) and _distance(axis, line.value) > 0 \
                and abs(line.value) >= unit and _fits(axis, line.value / unit):
            state.warn(f"the line at {line.value:g} is written in plain units on an axis counting units of "
                       f"{unit:g}; drawn at {line.value / unit:g}")
            line.value = float(f"{line.value / unit:.12g}")


def _swap(state: ParseState, x_axis: Axis, y_axis: Axis, points: list[Point], free: list[bool]) -> None:
    if None in (x_axis.min, x_axis.max, y_axis.min, y_axis.max):
        return
    own = sum(_fits(x_axis, p.x) and _fits(y_axis, p.y) for p in points)
    swapped = sum(_fits(x_axis, p.y) and _fits(y_axis, p.x) for p in points)
    # every point fits exchanged and at most a third also as written (where the two ranges overlap)
    if swapped == len(points) and 3 * own <= len(points):
        for p in points:
            p.x, p.y = p.y, p.x
        state.warn("every point fits the axes with x and y exchanged, and most only so; they are read swapped")
        return
    # one point that fits only exchanged ("its ECS is high (around 5.2 K) but its TCR only about 2.0 K")
    alone = [p for p, ok in zip(points, free, strict=True) if ok and not (_fits(x_axis, p.x) and _fits(y_axis, p.y))
             and _fits(x_axis, p.y) and _fits(y_axis, p.x)]
    for p in alone:
        p.x, p.y = p.y, p.x
    if alone:
        state.warn(f"{', '.join(repr(p.label) for p in alone)}: fits the axes only with x and y exchanged; "
                   "read swapped")


def _stated_count(state: ParseState) -> int | None:
    """"... for 14 AI language models", "compares seven different language models"."""
    for block in state.doc.blocks[:12]:
        if block.kind not in ("paragraph", "item", "heading"):
            continue
        m = STATED_COUNT_RE.search(block.text)
        if m:
            return count_of(m.group("n"))
    return None
