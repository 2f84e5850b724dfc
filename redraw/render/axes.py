"""The axes step: scales, limits, ticks (stated ones verbatim), axis titles, chart title and margins."""
from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Literal

from matplotlib.axes import Axes
from matplotlib.axis import Axis as MplAxis
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.ticker import FixedFormatter, FixedLocator, LogLocator, MaxNLocator, NullFormatter, NullLocator

from ..spec import Axis, ChartSpec
from .base import Look, get_renderer, plain_text, scripts
from .style import Size

MAX_TICKS = 11   # stated ticks are all kept; ticks continued past them stop at this many in all


def scales_and_limits(ax: Axes, spec: ChartSpec, looks: list[Look]) -> None:
    axes: tuple[tuple[Literal["x", "y"], Axis], ...] = (("x", spec.x_axis), ("y", spec.y_axis))
    for which, axis in axes:
        values = [getattr(p, which) for p in spec.points]
        values += [r.value for r in spec.reference_lines if r.axis == which]
        log = spec.log_shown(which)
        getattr(ax, f"set_{which}scale")("log" if log else "linear")
        lo, hi = _limits(axis, values, log)
        getattr(ax, f"set_{which}lim")(lo, hi)
        lo, hi = _ticks(ax, which, axis, log, lo, hi)
        getattr(ax, f"set_{which}lim")(lo, hi)   # an end the text leaves open now sits on a tick


def _limits(axis: Axis, values: list[float], log: bool) -> tuple[float, float]:
    """The stated range, grown just enough to keep every point clear of the frame."""
    f: Callable[[float], float] = math.log10 if log else float
    inv: Callable[[float], float] = (lambda v: 10.0 ** v) if log else float
    ticks = [t for t in axis.ticks or [] if not log or t > 0]
    data = [f(v) for v in values] or [0.0, 1.0]
    lo_d, hi_d = min(data), max(data)
    stated = [f(v) for v in (axis.min, axis.max) if v is not None and (not log or v > 0)]
    span_all = [*data, *stated, *(f(t) for t in ticks)]
    span = (max(span_all) - min(span_all)) or (abs(lo_d) or 1.0)
    pad = 0.04 * span
    lo = f(axis.min) if axis.min is not None and (not log or axis.min > 0) else None
    hi = f(axis.max) if axis.max is not None and (not log or axis.max > 0) else None
    lo = min(lo, lo_d - pad) if lo is not None and lo_d - pad < lo else (lo if lo is not None else lo_d - pad)
    hi = max(hi, hi_d + pad) if hi is not None and hi_d + pad > hi else (hi if hi is not None else hi_d + pad)
    if ticks and axis.min is None:
        lo = min(lo, f(min(ticks)))
    if ticks and axis.max is None:
        hi = max(hi, f(max(ticks)))
    if hi <= lo:
        lo, hi = lo - 1, hi + 1
    return inv(lo), inv(hi)


def _ticks(ax: Axes, which: str, axis: Axis, log: bool, lo: float, hi: float) -> tuple[float, float]:
    """Set the axis's ticks; the limits back, each open end moved out to the next tick when that is at most
    SNAP of a step away (so the axis ends on a tick without growing much; see _snap)."""
    target = ax.xaxis if which == "x" else ax.yaxis
    # minor ticks on a log axis, unlabelled, at 2-9 times each power of ten
    target.set_minor_locator(LogLocator(subs=tuple(range(2, 10))) if log else NullLocator())
    target.set_minor_formatter(NullFormatter())
    if axis.ticks:
        stated: list[str | None] = list(axis.tick_labels) if axis.tick_labels else [None] * len(axis.ticks)
        keep = [(t, lab) for t, lab in zip(axis.ticks, stated, strict=True) if lo <= t <= hi and (not log or t > 0)]
        if keep:
            more, shown = _continued([t for t, _ in keep], log, lo, hi)   # the axis grew past the stated ticks
            keep = [(t, lab) for t, lab in keep if t in shown]
            locs = [t for t, _ in keep]
            ends, lo, hi = _snap(sorted(locs + more), log, lo, hi, axis)
            more += ends
            written = [lab for _, lab in keep if lab]
            if len(written) == len(keep):   # stated labels verbatim; continued ones written the same way
                names = [_superscript(lab) or _no_math(lab) for lab in written] + _like(written, locs, more)
            else:
                names = _one_format(locs + more)
            locs += more
            target.set_major_locator(FixedLocator(locs))
            target.set_major_formatter(FixedFormatter(names))
            return _on_minor_ticks(lo, hi, axis) if log else (lo, hi)
    if log and math.log10(hi / lo) < 2.5:  # a log axis short of a few decades: 1-2-5 ticks
        ticks = [m * 10 ** e for e in range(math.floor(math.log10(lo)), math.ceil(math.log10(hi)) + 1)
                 for m in (1, 2, 5) if lo <= m * 10 ** e <= hi]
        if len(ticks) < 3:
            ticks = [m * 10 ** e for e in range(math.floor(math.log10(lo)), math.ceil(math.log10(hi)) + 1)
                     for m in range(1, 10) if lo <= m * 10 ** e <= hi]
        target.set_major_locator(FixedLocator(ticks))
        target.set_major_formatter(FixedFormatter([_fmt(t) for t in ticks]))
    elif not log:  # steps of 1, 2 or 5 times a power of ten (matplotlib's default allows 2.5: 50.0, 52.5, ...)
        covering = [float(t) for t in MaxNLocator(steps=[1, 2, 5, 10]).tick_values(lo, hi)]
        inside = [t for t in covering if lo <= t <= hi]
        ends, lo, hi = _snap(inside, False, lo, hi, axis)
        target.set_major_locator(FixedLocator(sorted(inside + ends)))
    if log:
        lo, hi = _on_minor_ticks(lo, hi, axis)
    return lo, hi


def _on_minor_ticks(lo: float, hi: float, axis: Axis) -> tuple[float, float]:
    """A log axis's open ends moved out to the nearest tick, major or minor (1-9 times a power of ten), when
    that grows the axis by at most LOG_SNAP of its span: the axis ends on a tick mark, without a blank band."""
    def tick_below(v: float) -> float:
        e = math.floor(math.log10(v) + 1e-12)
        return float(math.floor(v / 10 ** e * (1 + 1e-9)) * 10.0 ** e)

    def tick_above(v: float) -> float:
        e = math.floor(math.log10(v) + 1e-12)
        return float(math.ceil(v / 10 ** e * (1 - 1e-9)) * 10.0 ** e)

    most = LOG_SNAP * math.log10(hi / lo)
    if (axis.min is None or lo < axis.min) and math.log10(lo / tick_below(lo)) <= most:
        lo = round(tick_below(lo), 12)
    if (axis.max is None or hi > axis.max) and math.log10(tick_above(hi) / hi) <= most:
        hi = round(tick_above(hi), 12)
    return lo, hi


LOG_SNAP = 0.05   # a log axis end moves out to a tick if that grows the axis by at most this share of its span
SNAP = 0.6   # an open end moves out to the next tick if that is at most this share of a step away
TRIM = 0.02  # or in to the tick it just passed, if by at most this share of the axis (half the 4% padding:
             # the points stay clear of the frame)


def _snap(ticks: list[float], log: bool, lo: float, hi: float, axis: Axis) -> tuple[list[float], float, float]:
    """(ticks added, lo, hi): each end the text leaves open (no stated min or max, or one the points grew the
    axis past) moved out to the next tick of the same step when that is at most SNAP of a step beyond it (an
    end the points grew past a stated one by ticks continued there: to the next tick however far, so the
    grown axis ends on a tick)."""
    if len(ticks) < 2:
        return [], lo, hi
    f: Callable[[float], float] = math.log10 if log else float
    inv: Callable[[float], float] = (lambda v: 10.0 ** v) if log else float
    span = f(hi) - f(lo)
    added: list[float] = []
    ends: list[float] = []
    # the upper end beyond the last tick, then the lower end beyond the first; sign points outwards
    for sign, edge, inner, end, stated in ((1, ticks[-1], ticks[-2], hi, axis.max),
                                           (-1, ticks[0], ticks[1], lo, axis.min)):
        step = sign * (f(edge) - f(inner))
        past = sign * (f(end) - f(edge))   # how far the end lies beyond its outermost tick
        if (stated is None or sign * (end - stated) > 0) and step > 0 and past > 1e-9 * step:
            if past <= TRIM * span:   # just past a tick, the points inside it: end on that tick
                end = edge
            elif 0 <= step - past <= (step if edge not in (axis.ticks or ()) and stated is not None else SNAP * step):
                end = inv(f(edge) + sign * step)
                added.append(round(end, 12))
        ends.append(end)
    hi, lo = ends
    return added, lo, hi


def _continued(ticks: list[float], log: bool, lo: float, hi: float) -> tuple[list[float], set[float]]:
    """Ticks beyond the stated ones, same step (or ratio on log), where the axis had to grow; and the stated
    ticks still shown. A grown axis gets a sensible number of ticks, not a blob: when the stated ticks and
    their continuation pass MAX_TICKS, every k-th of them is kept, all on one grid through zero (else
    through the first stated tick), so "0, 50, ..., 250" grown to 2250 reads "0, 250, ..., 2250"."""
    if len(ticks) < 2:
        return [], set(ticks)
    t = sorted(ticks)
    if log:
        ratio = t[-1] / t[-2]
        up = [t[-1] * ratio ** k for k in range(1, 40) if t[-1] * ratio ** k <= hi]
        down = [t[0] / ratio ** k for k in range(1, 40) if t[0] / ratio ** k >= lo]
    else:
        step = t[-1] - t[-2]
        up = [t[-1] + step * k for k in range(1, 200) if t[-1] + step * k <= hi + 1e-9 * abs(step)]
        down = [t[0] - step * k for k in range(1, 200) if t[0] - step * k >= lo - 1e-9 * abs(step)]
    more = [round(v, 12) for v in down[::-1] + up]
    if len(t) + len(more) <= MAX_TICKS:
        return more, set(t)
    grid = sorted(t + more)
    k = math.ceil(len(grid) / MAX_TICKS)
    anchor = grid.index(0.0) if 0.0 in grid else grid.index(t[0])
    kept = {v for j, v in enumerate(grid) if (j - anchor) % k == 0}
    return [v for v in more if v in kept], {v for v in t if v in kept}


_CARET = re.compile(r"\s*(?:(\d+(?:\.\d+)?)\s*[×x*·]\s*)?(\d+)\s*\^\s*\{?\s*([+\-−]?\d+(?:\.\d+)?)\s*\}?\s*")


def _superscript(text: str) -> str | None:
    """A stated tick in caret notation ("10^5", "5×10^-3") drawn with a superscript; None for any other."""
    m = _CARET.fullmatch(text)
    if not m:
        return None
    mantissa, base, exp = m.groups()
    power = f"{base}^{{{exp.replace('−', '-')}}}"
    return f"${mantissa}\\times{power}$" if mantissa else f"${power}$"


_AFFIXED = re.compile(r"(\D*?)(-?\d[\d,]*(?:\.\d+)?)(\D*)")


def _like(written: list[str], values: list[float], more: list[float]) -> list[str]:
    """Labels for continued ticks in the stated labels' own form: "4B, 10B" continue as "100B", "$1" as "$5".
    Only when every stated label is a prefix, the tick's own value and a suffix, all alike."""
    parts = [_AFFIXED.fullmatch(w) for w in written]
    if more and all(parts):
        prefixes = {p.group(1) for p in parts if p}
        suffixes = {p.group(3) for p in parts if p}
        numbers = [float(p.group(2).replace(",", "")) for p in parts if p]
        if len(prefixes) == len(suffixes) == 1 and all(math.isclose(n, v, rel_tol=1e-6) for n, v in
                                                       zip(numbers, values, strict=True)):
            written_decimals = {_decimals(p.group(2)) for p in parts if p}
            comma = any("," in p.group(2) for p in parts if p)
            prefix, suffix = prefixes.pop(), suffixes.pop()
            if len(written_decimals) == 1:   # "0.5, 1.0, 1.5" continue as "2.0"
                decimals = written_decimals.pop()
                return [prefix + _number(t, decimals, comma) + suffix for t in more]
            # each written as short as it goes ("$0.1, $1, $10"): so are the continued ones ("$1000")
            most = max(written_decimals)
            return [prefix + _number(t, min(_decimals(_fmt(t)), most), comma) + suffix for t in more]
    return [_fmt(t) for t in more]


def _one_format(values: list[float]) -> list[str]:
    """Tick labels in one format: the same number of decimals and the same thousands separator for all."""
    plain = [_fmt(v) for v in values]
    if any("e" in p for p in plain):
        return plain
    decimals = max(_decimals(p) for p in plain)
    comma = any(abs(v) >= 1e4 for v in values)
    return [_number(v, decimals, comma) for v in values]


def _decimals(text: str) -> int:
    return len(text.split(".")[1]) if "." in text else 0


def _number(v: float, decimals: int, comma: bool) -> str:
    return f"{v:,.{decimals}f}" if comma else f"{v:.{decimals}f}"


def _no_math(text: str) -> str:
    """Tick texts cannot switch mathtext off: "$1 to $10" would parse as math unless escaped."""
    if text.count("$") - text.count(r"\$") >= 2:
        return text.replace(r"\$", "$").replace("$", r"\$")
    return text


def _fmt(v: float) -> str:
    if v != 0 and (abs(v) >= 1e5 or abs(v) < 1e-3):
        return f"{v:.3g}"
    return f"{v:,.6g}" if abs(v) >= 1e4 else f"{v:.6g}"


def _is_math(text: str) -> bool:
    dollars = text.count("$") - text.count(r"\$")
    return dollars > 0 and dollars % 2 == 0


def margins_and_titles(fig: Figure, ax: Axes, spec: ChartSpec, sz: Size) -> None:
    """Axis titles, chart title and margins measured from the tick labels actually shown."""
    renderer = get_renderer(fig)
    prop = FontProperties(size=sz.ticks)
    px = fig.dpi / 72.0

    def widest(axis_obj: MplAxis) -> tuple[float, float]:
        locs = axis_obj.get_majorticklocs()
        names = axis_obj.get_major_formatter().format_ticks(locs.tolist())
        sizes = [renderer.get_text_width_height_descent(n, prop, ismath=_is_math(n))[:2]
                 for n in names if n] or [(0.0, 0.0)]
        return max(s[0] for s in sizes), max(s[1] for s in sizes)

    yw, _ = widest(ax.yaxis)
    xw, xh = widest(ax.xaxis)
    if spec.x_axis.label:
        ax.set_xlabel(scripts(plain_text(spec.x_axis.label)))
    if spec.y_axis.label:
        ax.set_ylabel(scripts(plain_text(spec.y_axis.label)))
    W, H = fig.bbox.width, fig.bbox.height
    lines = 1
    if spec.title:
        title_prop = FontProperties(size=sz.font * 1.15, weight="bold")
        title = _wrap(plain_text(spec.title), W - 8 * px, lambda t: renderer.get_text_width_height_descent(
            t, title_prop, ismath=False)[0])
        lines = title.count("\n") + 1
        ax.set_title(scripts(title), fontproperties=title_prop)
    line = sz.font * 1.25 * px
    left = yw + 6 * px + (line * 1.3 if spec.y_axis.label else 0) + 4 * px
    bottom = xh + 6 * px + (line * 1.3 if spec.x_axis.label else 0) + 4 * px
    top = (line * (1.8 + 1.4 * (lines - 1)) if spec.title else line * 0.6)
    right = max(10 * px, xw / 2 + 2 * px)  # the last x tick label is centred on the axes' edge
    ax.set_position((left / W, bottom / H, 1 - (left + right) / W, 1 - (bottom + top) / H))


def _wrap(text: str, width: float, measure: Callable[[str], float]) -> str:
    """A title too wide for the figure, broken between words into lines that fit (a word longer than
    the line stays whole)."""
    if measure(text) <= width:
        return text
    out: list[str] = []
    for word in text.split(" "):
        if out and measure(out[-1] + " " + word) <= width:
            out[-1] += " " + word
        else:
            out.append(word)
    return "\n".join(out)
