"""Facts -> ChartSpec: convert units, merge duplicates, resolve styles and groups, warn on every guess."""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise

from ..errors import RedrawError
from ..limits import MAX_LABEL_CHARS, MAX_TITLE_CHARS
from ..spec import Axis, ChartSpec, Group, Point, ReferenceLine, TrendLine, can_fit, unlabelled_note
from .document import sentences
from .facts import PROSE_NOTE, AxisFact, CorrectionFact, GroupFact, PointFact, RefFact, TrendFact
from .lookup import (
    declared_y_first,
    group_by_family,
    group_by_initial,
    group_by_style,
    group_by_year,
    group_mentioned,
    group_named,
    outside_range,
    same_group,
)
from .reconcile import coord, reconcile, reference_slips, set_coord
from .state import ParseState
from .text import has_words, overlap
from .values import CLOCK_RE, POWER_UNIT_RE, Num, convert, stated_unit, title_unit
from .vocab import BEYOND_RE, NUMBER_WORDS, count_of, first_color, first_marker, ours_cue, same_color

MAX_PLAIN_MARKERS = 2  # more shapes than this besides stars: a star is a series' shape, not emphasis
NOT_RE = re.compile(r"\bnot\b|n't\b", re.IGNORECASE)
OURS_LABEL_RE = re.compile(r"^\W*ours\W*$|\(ours\)", re.IGNORECASE)
BASELINE_GROUP_RE = re.compile(r"\bbaselines?\b|\bothers?\b|\bprior\b|\bexisting\b|\bprevious\b|\breference models?\b",
                               re.IGNORECASE)


def assemble(state: ParseState) -> ChartSpec:
    _bound_texts(state)
    _declared_pair_order(state)
    x_axis, xu = _axis(state, "x")
    y_axis, yu = _axis(state, "y")
    _point_named_groups(state)
    _legend_names(state)
    _short_labels(state)
    groups = [Group(name=g.name, color=g.color, marker=g.marker) for g in state.groups]
    points, free = _points(state, xu, yu, groups)
    groups = _unnamed_series(state, groups, points)
    _styles_of_members(groups, points)
    if not points:
        raise RedrawError("no readable point: a scatter plot needs labelled points with x and y values",
                          state.source, _first_line(state))
    for axis, which in ((x_axis, "x"), (y_axis, "y")):
        _log_needs_positive(state, axis, which, points)
    if note := unlabelled_note(points):
        state.warn(note)
    doubts = reconcile(state, x_axis, y_axis, points, free)
    trend_lines = _trend_lines(state, points, xu, yu)
    reference_lines = _reference_lines(state, xu, yu)
    reference_slips(state, x_axis, y_axis, reference_lines)
    trend_lines = _fittable(state, trend_lines, points)
    for axis, which in ((x_axis, "x"), (y_axis, "y")):
        _check_range(state, axis, which, points)
    # warnings are complete only now: ChartSpec copies them
    return ChartSpec(title=state.title, caption=state.caption, x_axis=x_axis, y_axis=y_axis,
                     points=points, groups=groups, trend_lines=[t for t, _ in trend_lines],
                     reference_lines=reference_lines, legend_position=state.legend_position,
                     warnings=list(state.warnings), doubts=doubts)


# "Each marker is labeled with the chemistry's abbreviation", "points are annotated with their acronyms", "the chart
# labels each site by its short code"
SHORT_LABELS_RE = re.compile(r"(?=[latmLATM])\b(?:label+(?:ed|s)?|annotated|tagged|marked)\s+(?:each\s+\w+\s+)?"
                             r"(?:with|by|using)\s+"
                             r"(?:the|its|their|an?)\s+(?:[\w'’-]+\s+){0,2}?(?:abbreviations?|acronyms?|"
                             r"short\s+(?:names?|codes?|forms?)|(?:ticker\s+)?symbols?|codes?)\b", re.IGNORECASE)
# "Lithium iron phosphate (LFP)", "lead-acid (Pb-acid)": a name, then its short form in brackets
LONG_SHORT_RE = re.compile(r"^(?P<long>[^()]{6,80}?)\s*\((?P<short>[^()\s]{1,12}(?:\s[^()\s]{1,6})?)\)$")


def _short_labels(state: ParseState) -> None:
    """Where the text says the chart labels its points by their short forms, "Lithium iron phosphate (LFP)" is
    the point LFP (the name the chart prints)."""
    if not SHORT_LABELS_RE.search(state.doc.text):
        return
    for pf in state.points:
        m = LONG_SHORT_RE.match(pf.label)
        # (a short form holds a capital, "LFP", "Pb-acid": not a count, "FlowBot (16)", nor a remark, "(approx.)")
        if m and len(m.group("short")) < len(m.group("long")) and not ours_cue(m.group("short")) \
                and any(c.isupper() for c in m.group("short")) \
                and not group_named(state, m.group("short")):
            state.warn(f"{pf.label!r} is drawn as {m.group('short')!r}: the text says the chart labels its "
                       "points by their short forms", pf.line)
            pf.label = m.group("short")


def _bound_texts(state: ParseState) -> None:
    """Titles and labels past the spec's bounds (redraw/limits.py) are cut, with a warning: a label of 2,000
    characters is a paragraph read as a name, and drawing it would cover the chart."""
    def cut(text: str | None, limit: int, what: str, line: int | None) -> str | None:
        if text is None or len(text) <= limit:
            return text
        state.warn(f"{what} of {len(text):,} characters is cut to its first {limit - 1}", line)
        return text[: limit - 1] + "…"

    state.title = cut(state.title, MAX_TITLE_CHARS, "the title", None)
    state.caption = cut(state.caption, MAX_TITLE_CHARS, "the caption", None)
    for which, ax in state.axes.items():
        for name in ("label", "key_label", "guess_label"):
            setattr(ax, name, cut(getattr(ax, name), MAX_TITLE_CHARS, f"the {which}-axis title", ax.line))
    for facts in (state.points, state.groups, state.trends, state.refs):
        for fact in facts:
            kind = "a group name" if isinstance(fact, GroupFact) else "a label"
            attr = "name" if isinstance(fact, GroupFact) else "label"
            setattr(fact, attr, cut(getattr(fact, attr), MAX_LABEL_CHARS, kind, fact.line))
    for pf in state.points:
        pf.group = cut(pf.group, MAX_LABEL_CHARS, "a group name", pf.line)
        pf.ctx_group = cut(pf.ctx_group, MAX_LABEL_CHARS, "a group name", pf.line)


# a "series" whose name says its points have none: "### Unlabelled (hollow gray)" over "* [~14, ~+0.9]"
UNNAMED_SERIES_RE = re.compile(r"(?:un-?labell?ed|unnamed|nameless|no\s+(?:text\s+)?(?:label|name)s?|"
                               r"without\s+(?:a\s+)?(?:label|name)s?)(?:\s+[a-z]+s?)?", re.IGNORECASE)


def _styles_of_members(groups: list[Group], points: list[Point]) -> None:
    """A legend entry whose style the text never gives ("The legend lists metals, ceramics, ..."), but whose
    members the text styles alike ("The ceramics are orange diamonds: alumina (...), ..."): the entry is drawn as
    its members are (the highlighted one may differ)."""
    for g in groups:
        members = [p for p in points if p.group == g.name]
        members = [p for p in members if not p.highlight] or members
        if g.color is None and members and len(colors := {p.color for p in members}) == 1:
            g.color = colors.pop()
        if g.marker is None and members and len(markers := {p.marker for p in members}) == 1:
            g.marker = markers.pop()


def _unnamed_series(state: ParseState, groups: list[Group], points: list[Point]) -> list[Group]:
    """Points of a section named only "Unlabelled" carry no label and belong to no legend entry (warned)."""
    unnamed = {g.name for g in groups if UNNAMED_SERIES_RE.fullmatch(g.name.strip())}
    if not unnamed:
        return groups
    for p in points:
        if p.group in unnamed:
            if p.label == p.group:
                p.label = ""
            p.group = None
    state.warn(f"{', '.join(map(repr, sorted(unnamed)))}: a section of points without labels, not a legend entry; "
               "its points are drawn unlabelled")
    return [g for g in groups if g.name not in unnamed]


def _first_line(state: ParseState) -> int | None:
    return state.doc.blocks[0].line if state.doc.blocks else None


# -- axes ---------------------------------------------------------------------------------------

def _unit(fact: AxisFact) -> float | None:
    if fact.unit:
        return fact.unit
    for nums in (fact.ticks, [n for n in (fact.lo, fact.hi) if n is not None]):
        mults = {n.mult for n in nums}
        # ticks "4B, 10B, 32B" make an axis of billions; "1K, 2K, 4K" and "1M, 3M, 10M" stay counts
        # (1,000 ... and 1,000,000 ...) unless the text says "the axis is in millions"
        if nums and len(mults) == 1 and None not in mults and mults.isdisjoint((1e3, 1e6)):
            return mults.pop()
    return None


def _in_title_unit(state: ParseState, fact: AxisFact, n: Num, unit: float | None) -> float:
    """A range end in the axis title's unit: "0.1 g to 10 kg" on "Brain mass (g)" ends at 10,000."""
    v = _own_power(n, n.scaled(unit), unit, fact.title)
    converted = convert(v, n.unit, title_unit(fact.title)) if n.unit else None
    if converted is None:
        return v
    state.warn(f"range end {n.text} {n.unit} read as {converted:g} {title_unit(fact.title)}, the axis title's unit",
               fact.line)
    return converted


def _axis(state: ParseState, which: str) -> tuple[Axis, float | None]:
    fact = state.axes[which]
    unit = _unit(fact)
    if unit and not fact.unit:
        state.warn(f"{which} values read in units of {unit:g} (from the tick or range labels)",
                   fact.tick_line or fact.line)
    if unit is None and not fact.ticks and fact.hi is None:  # a range in plain numbers ("0 to 10,000") sets the unit
        unit = _points_unit(state, which)
    exponents = bool(EXPONENT_AXIS_RE.search(fact.title or ""))
    plain = any(n.mult is None for n in fact.ticks)  # "10, 100, 1k, 10k": the axis's own multiples
    ticks = [_exponent_of(n, _own_power(n, _tick(n, unit, plain), unit, fact.title), exponents)
             for n in fact.ticks] or None
    # as the chart prints them: "32 billion" in running text is the tick "32"
    labels = [re.sub(r"^[~≈∼]\s*|\s+(?i:thousand|million|billion|trillion)s?$", "", n.text) for n in fact.ticks] or None
    if ticks and labels and (to := title_unit(fact.title)) and any(n.unit and n.unit != to for n in fact.ticks):
        # "10 ms, 100 ms, 1 s and 10 s" on "latency [ms]": each tick at its value in the title's unit, labelled
        # with its own unit as the chart prints it ("1" at 1,000 ms would misread)
        moved = [convert(t, n.unit, to) if n.unit else None for t, n in zip(ticks, fact.ticks, strict=True)]
        if any(m is not None for m in moved):
            ticks = [t if m is None else m for t, m in zip(ticks, moved, strict=True)]
            labels = [f"{label} {n.unit}" if n.unit else label for label, n in zip(labels, fact.ticks, strict=True)]
            state.warn(f"{which} tick labels in other units than the title's ({to}) placed at their value in "
                       f"{to}: {', '.join(n.text for n, m in zip(fact.ticks, moved, strict=True) if m is not None)}",
                       fact.line)
    lo = _exponent_of(fact.lo, _in_title_unit(state, fact, fact.lo, unit), exponents) if fact.lo else None
    hi = _exponent_of(fact.hi, _in_title_unit(state, fact, fact.hi, unit), exponents) if fact.hi else None
    if exponents and any(_POWER_RE.search(n.text) for n in (*fact.ticks, fact.lo, fact.hi) if n):
        state.warn(f"the {which} axis shows exponents ({fact.title!r}): values written as powers of ten are "
                   "drawn as their exponents", fact.line)
    if lo is not None and hi is not None and lo > hi:
        state.warn(f"{which} range stated as {lo:g} to {hi:g}; read as {hi:g} to {lo:g}", fact.line)
        lo, hi = hi, lo
    if ticks is None and fact.step is not None:
        ticks = _stepped(fact, unit, lo, hi)
    if ticks is None and fact.decades and lo is not None and hi is not None and 0 < lo < hi:
        ticks = [10.0 ** e for e in range(math.ceil(math.log10(lo) - 1e-9), math.floor(math.log10(hi) + 1e-9) + 1)]
    if ticks and labels and fact.ticks_go_on and hi is not None:
        ticks, labels = _continued(ticks, labels, hi)
        state.warn(f"{which} ticks continued by their step up to {hi:g} (the list ends with 'etc.')", fact.line)
    scale = fact.scale
    if scale is None and state.log_log:
        scale = "log"
    if scale is None and ticks and _log_spaced(ticks):
        state.warn(f"{which} axis read as log scale: its ticks {labels or ticks} grow by a constant ratio",
                   fact.tick_line or fact.line)
        scale = "log"
    if scale == "log" and lo is not None and lo <= 0:  # a log axis cannot start at zero or below
        state.warn(f"{which} axis read as log scale but its range starts at {lo:g}; drawn linear", fact.line)
        scale = "linear"
    label = fact.label or fact.key_label
    if label is None and fact.guess_label:
        label = fact.guess_label
        state.warn(f"{which} axis title {label!r} taken from a sentence; none is stated as such", fact.line)
    return Axis(label=label, scale=scale or "linear", min=lo, max=hi, ticks=ticks, tick_labels=labels), unit


# An axis whose values are exponents: "Latency (10^x s)", "log10(Energy / J)", "log₁₀ FLOPs". A log
# *scale* ("log10 scale", "log-scale") is not one: its values are the numbers themselves.
EXPONENT_AXIS_RE = re.compile(r"10\^\s*\{?[a-z]\}?(?![\w.])|\blog(?:10|₁₀|_\{?10\}?)?\s*[(\[]|"
                              r"\blog(?:10|₁₀|_\{?10\}?)\s+(?!scale|axis|spac)\w", re.IGNORECASE)
# a number written as a power of ten: "10^1.5", "10²", "3×10^4", "1e-2"
def _tick(n: Num, unit: float | None, plain: bool) -> float:
    """A tick label in axis units: "1B" on a millions axis is 1,000, "250B" on a trillions axis 0.25; but after
    plain ticks, "10, 100, 1k, 10k" on a millions axis, the "1k" is a thousand of the axis's millions."""
    if plain and n.mult is not None and unit and n.mult < unit:
        return float(f"{n.value * n.mult:.12g}")
    return n.scaled(unit)


def _own_power(n: Num, v: float, unit: float | None, title: str) -> float:
    """A number written with its own power of ten on an axis counted in a power of ten is a whole count:
    "4.0 × 10⁸" on "Baryonic mass (10¹⁰ M☉)" is 0.04. (On "Tokens (B)", "10^2" is 100 billion, as written.)"""
    if unit and n.mult is None and _POWER_RE.search(n.text) and POWER_UNIT_RE.search(title):
        return float(f"{v / unit:.12g}")
    return v


_POWER_RE = re.compile(r"10\s*(?:\^|\*\*)|10[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]|[×x·*]\s*10|\de[+\-−]?\d")


def _exponent_of(n: Num, v: float, exponents: bool) -> float:
    """On an axis of exponents, "10^1.5" is drawn at 1.5; a plain "1.5" is already the exponent."""
    if exponents and v > 0 and _POWER_RE.search(n.text):
        return round(math.log10(v), 12)
    return v


def _points_unit(state: ParseState, which: str) -> float | None:
    """No unit stated anywhere, but most values say "B": the axis counts billions ("2.7B" -> 2.7)."""
    mults = [(p.x if which == "x" else p.y).mult for p in state.points]
    # ("3.5K" is 3,500 on a plain axis; "3 cents" is 0.03 of its currency: no axis counts cents)
    for m in dict.fromkeys(m for m in mults if m is not None and m > 1e3):
        if mults.count(m) * 5 >= len(mults) * 3:
            state.warn(f"no unit stated for the {which} axis; most values carry a {m:g} suffix, "
                       f"so the axis counts units of {m:g}")
            return m
    return None


def _stepped(fact: AxisFact, unit: float | None, lo: float | None, hi: float | None) -> list[float] | None:
    step = fact.step.scaled(unit) if fact.step else 0
    a = fact.step_from.scaled(unit) if fact.step_from else lo
    b = fact.step_to.scaled(unit) if fact.step_to else hi
    if a is None or b is None or step <= 0 or (b - a) / step > 60:
        return None
    n = math.floor((b - a) / step + 1e-9)
    return [round(a + i * step, 10) for i in range(n + 1)]


def _continued(ticks: list[float], labels: list[str], hi: float) -> tuple[list[float], list[str]]:
    """"35.0, 37.5, 40.0, etc." on a 35-55 axis: the same step up to the top, labels in the same format."""
    steps = [b - a for a, b in pairwise(ticks)]
    if (len(steps) < 1 or min(steps) <= 0 or max(steps) - min(steps) > 1e-9 * max(steps)
            or (hi - ticks[-1]) / steps[0] > 60):
        return ticks, labels
    decimals = len(labels[-1].split(".")[1]) if "." in labels[-1] else 0
    ticks, labels = list(ticks), list(labels)
    while ticks[-1] + steps[0] <= hi + 1e-9 * abs(hi):
        ticks.append(round(ticks[-1] + steps[0], 10))
        labels.append(f"{ticks[-1]:.{decimals}f}")
    return ticks, labels


def _log_spaced(ticks: list[float]) -> bool:
    if len(ticks) < 3 or min(ticks) <= 0:
        return False
    t = sorted(ticks)
    ratios = [math.log(b / a) for a, b in pairwise(t)]
    diffs = [b - a for a, b in pairwise(t)]
    if min(ratios) <= math.log(1.5):
        return False
    return max(ratios) / min(ratios) < 1.6 and max(diffs) / min(diffs) > 1.5


_MONEY_RE = re.compile(r"^[~≈∼]?\s*[$€£]")


def _plain_money(state: ParseState, merged: list[PointFact], which: str, unit: float | None) -> None:
    """"$300" beside "$1.2k" and "$85k" on a "(USD, in thousands)" axis: where other amounts carry the axis's
    magnitude, an amount written without one is in plain dollars (0.3 thousand), not in thousands."""
    if not unit or unit <= 1:
        return
    nums = [(pf, pf.x if which == "x" else pf.y) for pf in merged]
    if sum(n.mult == unit and bool(_MONEY_RE.match(n.text)) for _, n in nums) < 2:
        return
    plain = [pf for pf, n in nums if n.mult is None and _MONEY_RE.match(n.text)
             and (pf.x_unit if which == "x" else pf.y_unit) is None]
    for pf in plain:
        if which == "x":
            pf.x_unit = 1.0
        else:
            pf.y_unit = 1.0
    if plain:
        state.warn(f"{', '.join(repr(pf.label) for pf in plain)}: {which} written in plain money beside amounts in "
                   f"units of {unit:g}; divided by {unit:g}", plain[0].line)


def value(n: Num, axis_unit: float | None, column_unit: float | None = None) -> float:
    """A number in axis units: "350M" on a billions axis is 0.35; a "Params (M)" cell 350 likewise."""
    if n.mult is None and column_unit:
        return n.value * column_unit / axis_unit if axis_unit else n.value
    return n.scaled(axis_unit)


# -- points -------------------------------------------------------------------------------------

# \w is str.isalnum() plus "_"; marks that tell variants apart ("Wan2.1†", "SVD‡", "R′") are kept
_NOT_ALNUM_RE = re.compile(r"[^\w.†‡′″§¶]|_")


@lru_cache(maxsize=8192)
def _norm(label: str) -> str:
    """"LLaMA2 7B" ~ "llama2-7b", but "RegNetY-1.6GF" is not "RegNetY-16GF"."""
    return _NOT_ALNUM_RE.sub("", label.casefold())


def _series_talk(state: ParseState) -> list[PointFact]:
    """Points read from a sentence about a whole series: "Deposition in Trench B is slower, roughly 0.3 m per
    thousand years against 0.8 m in Trench A" names the series "Trench B", whose own points are listed."""
    members: dict[str, int] = {}
    for pf in state.points:
        if name := pf.group or pf.ctx_group:
            members[_norm(name)] = members.get(_norm(name), 0) + 1
    talk = [pf for pf in state.points if not pf.origin and not pf.unnamed and pf.label
            and members.get(_norm(pf.label), 0) - (_norm(pf.group or pf.ctx_group or "") == _norm(pf.label)) >= 2
            and any(_norm(g.name) == _norm(pf.label) for g in state.groups)]
    # "Both EchoLite models (the red stars, 38M and 115M parameters) sit below the line" beside a table of
    # "EchoLite-S", "EchoLite-M": a sentence's values, far off both stated axes, about a family listed point by point
    listed = [pf for pf in state.points if pf.origin]
    return talk + [pf for pf in state.points if PROSE_NOTE in pf.warnings and pf not in talk and pf.label
                   and outside_range(state, "x", pf.x) and outside_range(state, "y", pf.y)
                   and sum(_extends(other.label, pf.label) for other in listed) >= 2]


def _extends(label: str, stem: str) -> bool:
    """"EchoLite-S (proposed)" extends "EchoLite"; "GPT-4o" does not extend "GPT-4"."""
    return len(label) > len(stem) and label.casefold().startswith(stem.casefold()) and not label[len(stem)].isalnum()


def _points(state: ParseState, xu: float | None, yu: float | None,
            groups: list[Group]) -> tuple[list[Point], list[bool]]:
    """The points, and for each whether its two values are free to be exchanged (neither is tied to its
    axis by a unit, a magnitude, a % or a currency that only that axis has)."""
    _bracket_groups(state)
    _comma_groups(state)
    _corrections(state)
    merged: list[PointFact] = []
    by_name: dict[str, list[PointFact]] = {}  # merged facts by normalised label
    by_bare: dict[str, list[PointFact]] = {}  # ... and by that label without its trailing bracket
    talk = _series_talk(state)
    skipped = {id(pf) for pf in talk}  # by identity: two facts may hold equal fields
    for pf in talk:
        state.warn(f"{pf.label!r} names a series with points of its own; the values of the sentence about it "
                   f"({pf.x.text}, {pf.y.text}) are not drawn as a point", pf.line)
    for pf in sorted(state.points, key=lambda p: p.line):  # "the first is kept": first in the text
        if id(pf) in skipped:
            continue
        series = _series_of(pf)
        # (two rows of one table or list with one label and other values are two points: "OLMo-7B" run twice)
        # (nor are two under two sections: "KX-771 (new)" under "Rat (blue circles)" and under "Dog (orange squares)",
        # though its own legend entry groups both)
        twin = next((m for m in by_name.get(_norm(pf.label), ())
                     if (series is None or _series_of(m) in (None, series))
                     and not ((pf.unnamed or (pf.origin and pf.origin == m.origin)) and not _same_place(m, pf))
                     and not (pf.ctx_group and m.ctx_group and pf.ctx_group != m.ctx_group and not _same_place(m, pf))),
                    None)
        if twin is None and pf.label:  # "GreenLM-7B" in a sentence is "GreenLM-7B (ours)" of the list, same place
            twin = next((m for m in by_bare.get(_bare(pf.label), ()) if _same_place(m, pf)
                         and (series is None or _series_of(m) in (None, series))), None)
        if twin is None and not pf.origin and pf.label[:1].islower() and PROSE_NOTE in pf.warnings:
            # "The starred cell is the main point of the figure: at about 480 Wh/kg and 1.5 kW/kg it lies ...": a
            # point described, not named, where a named one already is
            twin = next((m for m in merged if m.label and not m.label[:1].islower() and (_same_place(m, pf) or (
                math.isclose(m.x.scaled(), pf.x.scaled(), rel_tol=0.01)
                and math.isclose(m.y.scaled(), pf.y.scaled(), rel_tol=0.01)))), None)
            if twin is not None:
                state.warn(f"{pf.label!r} is said at {twin.label!r}'s place; read as {twin.label!r} said again",
                           pf.line)
                twin.ours = twin.ours or pf.ours
                continue
        if twin is None:
            merged.append(pf)
            by_name.setdefault(_norm(pf.label), []).append(pf)
            if pf.label:
                by_bare.setdefault(_bare(pf.label), []).append(pf)
            continue
        if not _same_place(twin, pf):
            state.warn(f"{pf.label!r} is listed twice with different values ({twin.x.text}, {twin.y.text}) and "
                       f"({pf.x.text}, {pf.y.text}); the first is kept", pf.line)
        twin.color, twin.marker = twin.color or pf.color, twin.marker or pf.marker
        twin.ours = twin.ours or pf.ours
        twin.beyond = twin.beyond or pf.beyond  # "Li-air lies outside both axis ranges", said apart from its values
    for pf in merged:
        first = by_name[_norm(pf.label)][0]
        if first is not pf and not pf.unnamed:
            state.warn(f"{pf.label!r} is listed twice in one {pf.origin.split()[0]}, with other values; each is drawn"
                       if pf.origin and pf.origin == first.origin and _series_of(pf) == _series_of(first)
                       else f"{pf.label!r} appears in more than one series; each is drawn", pf.line)
    notes: dict[str, list[PointFact]] = {}
    for pf in merged:
        for note in pf.warnings:
            notes.setdefault(note, []).append(pf)
    for note, pfs in notes.items():  # one warning per kind of guess, naming every point it touched
        state.warn(f"{', '.join(repr(p.label) for p in pfs)}: {note}", pfs[0].line)
    _label_styles(state, by_name, groups)
    phys = {which: title_unit(state.axes[which].title) for which in ("x", "y")}  # "(TB/s)", once per axis
    exponents = {which: bool(EXPONENT_AXIS_RE.search(state.axes[which].title or "")) for which in ("x", "y")}
    _plain_money(state, merged, "x", xu)
    _plain_money(state, merged, "y", yu)
    out = [_resolve(state, pf, xu, yu, groups, phys, exponents) for pf in merged]
    for which in ("x", "y"):
        powers = [pf.label for pf in merged
                  if exponents[which] and _POWER_RE.search((pf.x if which == "x" else pf.y).text)]
        if powers:
            state.warn(f"{', '.join(map(repr, powers))}: {which} values written as powers of ten are drawn as their "
                       f"exponents, since the {which} axis ({state.axes[which].title!r}) shows exponents")
    for which in ("x", "y"):
        _percent_of_fraction(state, which, merged, out)
    _highlight(state, out, merged)
    _ours_and_the_rest(state, out, groups)
    _the_baselines(state, out, groups)
    _the_other_entry(state, out, groups, [bool(pf.color or pf.marker) for pf in merged])
    named = {_norm(g.name): g for g in reversed(groups)}  # the first group of a name wins, as before
    for p in out:  # a legend entry that names the point itself ("Black: Human")
        g = named.get(_norm(p.label)) if p.group is None else None
        if g is not None:
            p.group, p.color, p.marker = g.name, p.color or g.color, p.marker or g.marker
    _defaults(state, out)
    _plain_among_magnitudes(state, merged, out, xu, yu)
    # (a point said to lie off the axes is where the text put it: never exchanged into them; "Li-air (lab) lies
    # outside both axis ranges" may be said apart from its values, in the whole text: a "Notes" section that says
    # so is no block of its own; line by line, so that a list's other items are not taken for the same sentence)
    beyond = [s for line in state.doc.text.splitlines() if BEYOND_RE.search(line)
              for s in sentences(line) if BEYOND_RE.search(s)] if BEYOND_RE.search(state.doc.text) else []
    return out, [not (_tied(state, pf.x, "x") or _tied(state, pf.y, "y") or pf.beyond
                      or any(pf.label and has_words(s, pf.label) for s in beyond)) for pf in merged]


def _plain_among_magnitudes(state: ParseState, merged: list[PointFact], out: list[Point], xu: float | None,
                            yu: float | None) -> None:
    """"630 per km²" among "25.9k per km²", "16.7k per km²" ... on an axis of thousands: the one value written
    without the magnitude its siblings carry is a plain count. Divided by the axis's unit when two thirds of the
    values carry that magnitude and the division brings it inside the stated range."""
    for which, unit in (("x", xu), ("y", yu)):
        fact = state.axes[which]
        if not unit or unit <= 1 or fact.lo is None or fact.hi is None:
            continue
        nums = [pf.x if which == "x" else pf.y for pf in merged]
        if 3 * sum(n.mult == unit for n in nums) < 2 * len(nums):
            continue
        lo, hi = sorted((fact.lo.scaled(unit), fact.hi.scaled(unit)))
        slack = 0.05 * (hi - lo)
        moved = []
        for pf, p, n in zip(merged, out, nums, strict=True):
            v = coord(p, which)
            if n.mult is None and n.unit is None and not n.percent and not lo - slack <= v <= hi + slack \
                    and lo - slack <= v / unit <= hi + slack:
                set_coord(p, which, v / unit)
                moved.append(pf.label)
        if moved:
            state.warn(f"{', '.join(map(repr, moved))}: {which} written without the magnitude the other values carry "
                       f"({fact.title!r} counts units of {unit:g}); divided by {unit:g}")


def _tied(state: ParseState, n: Num, which: str) -> bool:
    """n carries a mark that its own axis has and the other lacks: "5.4M" on "Parameters (B)" beside "Top-1 (%)"."""
    own, other = state.axes[which].title, state.axes["y" if which == "x" else "x"].title
    if n.percent:
        return "%" in own and "%" not in other
    if n.mult is not None:
        return stated_unit(own) is not None and stated_unit(other) is None
    if n.unit is not None:
        return title_unit(own) is not None and title_unit(other) is None
    return False


def _stated_ends(fact: AxisFact) -> list[float]:
    """The values of an axis's stated limits, else of its ticks."""
    return [n.value for n in (fact.lo, fact.hi) if n is not None] if fact.hi is not None else [
        n.value for n in fact.ticks]


def _fraction_axis(fact: AxisFact, top: float = 1.0) -> bool:
    """The axis counts fractions (or ratios up to `top`): its stated range (or ticks) lies within 0 to `top`
    and its title has no "%"."""
    ends = _stated_ends(fact)
    return len(ends) >= 2 and min(ends) >= 0 and max(ends) <= top and not PERCENT_TITLE_RE.search(fact.title)


RATIO_TOP = 5.0  # an axis of ratios ("median human-normalised score", 0 to 2) runs no higher than this


def _percent_of_fraction(state: ParseState, which: str, facts: list[PointFact], points: list[Point]) -> None:
    """"ID 56.5%" on an axis that runs from 0.5 to 0.9 (a fraction, no "%" in its title) is 0.565; "scores
    about 123%" on a "Median human-normalized score" axis from 0 to 2 is 1.23."""
    fact = state.axes[which]
    if not _fraction_axis(fact, RATIO_TOP):
        return
    top = max(_stated_ends(fact))
    # percentages outside the axis as written; those inside it as fractions say how the text writes them, and
    # when they are most, every percentage is a fraction ("151%" on a 0 to 1.25 axis: 1.51, beyond its top)
    written = [(p, coord(p, which)) for pf, p in zip(facts, points, strict=True)
               if (pf.x if which == "x" else pf.y).percent and coord(p, which) > top]
    fits = [(p, v) for p, v in written if v <= 100 * top * 1.15]
    moved = []
    for p, v in written if 2 * len(fits) > len(written) else fits:
        set_coord(p, which, float(f"{v / 100:.12g}"))
        moved.append(p.label)
    if moved:
        state.warn(f"{', '.join(map(repr, moved))}: {which} written as a percentage on an axis of fractions "
                   f"(0 to {top:g}); divided by 100", fact.line)


PERCENT_TITLE_RE = re.compile(r"%|\bpercent|\bpct\b", re.IGNORECASE)



def _corrections(state: ParseState) -> None:
    """A later sentence revising a value ("Correction: Ours is at about 50.5%", "sits on the 1.6× level, not
    at 1.9×") replaces the value first read, on the axis the old value, the words or the size of the
    change point to; every replacement is warned about."""
    for c in state.corrections:
        targets = [pf for pf in state.points if (_norm(pf.label) == _norm(c.label) if c.label else pf.ours)]
        if not targets:
            continue
        if len(c.values) == 2 and (held := _held_value(targets[0], c)) is not None:
            # "Correction: the marker itself is at about 0.35; 0.45 is where its label sits", "at about $85, not $58;
            # its score (~95) is unchanged": a clause of its own about a value already read is no second
            # coordinate; it is the old value unless the text names another
            c = replace(c, values=tuple(v for v in c.values if v is not held), old=c.old or held)
        if len(c.values) == 2:
            changes = [("x", c.values[0]), ("y", c.values[1])]
        else:
            changes = [(_correction_axis(state, targets[0], c), c.values[0])]
        for axis, new in changes:
            for pf in targets:
                cur = pf.x if axis == "x" else pf.y
                if math.isclose(cur.scaled(), new.scaled(), rel_tol=1e-9):
                    continue
                if axis == "x":
                    pf.x = new
                else:
                    pf.y = new
                state.warn(f"{pf.label!r}: {axis} = {cur.text} corrected to {new.text} by a later sentence "
                           f"({c.text[:60]!r})", c.line)


def _held_value(pf: PointFact, c: CorrectionFact) -> Num | None:
    """Of a correction's two values in two clauses, the one the point already holds (the other one revises)."""
    a, b = c.values
    if not any(sep in c.text[a.end: b.start] for sep in (";", ". ")):
        return None  # "actually at (5.2, 0.45)": a pair, both new
    held = [v for v in (a, b) if any(math.isclose(v.scaled(), cur.scaled(), rel_tol=1e-9) for cur in (pf.x, pf.y))]
    return held[0] if len(held) == 1 else None


def _correction_axis(state: ParseState, pf: PointFact, c: CorrectionFact) -> str:
    new = c.values[0]
    if c.old is not None:  # "not at 1.9×": the axis whose value it was
        for axis, cur in (("x", pf.x), ("y", pf.y)):
            if math.isclose(cur.scaled(), c.old.scaled(), rel_tol=0.02):
                return axis
    score = {}
    for axis in ("x", "y"):
        title = state.axes[axis].title
        near = c.text[max(0, new.start - 40): new.end + 15]
        score[axis] = overlap(near, title) + (2 if new.percent and "%" in title else 0) + (
            2 if new.unit and new.unit in title else 0)
    if score["x"] != score["y"]:
        return max(score, key=lambda a: score[a])
    # the smaller change: a correction revises a reading, it does not move a point across the chart
    def change(cur: Num) -> float:
        return abs(new.scaled() - cur.scaled()) / max(abs(cur.scaled()), 1e-12)
    return "x" if change(pf.x) < change(pf.y) else "y"


_TRAILING_BRACKET_RE = re.compile(r"\s*[(\[]([^()\[\]\d]{1,30})[)\]]$")
# "Manchester City (Top 4, dark red)", "Acme (Tier 1)": a bracket that opens with a group's whole name, digits
# and all ("GPT-3 (175B)" has no digit in the other pattern, so that a size is never read as a group)
_TRAILING_ANY_BRACKET_RE = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]$")


def _bracket_group(state: ParseState, label: str,
                   initials: bool = False) -> tuple[re.Match[str], GroupFact] | None:
    """The legend group a trailing bracket of the label names, with the bracket's match; with `initials`, by its
    initial too ("Runner A (W)" beside "Women")."""
    m = _TRAILING_BRACKET_RE.search(label)
    g = group_mentioned(state, m.group(1)) if m else None
    if m is not None and g is None and initials:
        g = group_by_initial(state, m.group(1))
    if m is not None and g is not None:
        return m, g
    m = _TRAILING_ANY_BRACKET_RE.search(label)
    head = re.split(r"\s*[,;—–]\s*", m.group(1), maxsplit=1)[0].casefold() if m else ""
    g = next((g for g in state.groups if any(c.isdigit() for c in g.name) and g.name.casefold() == head), None)
    return (m, g) if m is not None and g is not None else None


def _legend_names(state: ParseState) -> None:
    """The legend prints "Base" for the group described as "Base checkpoints (blue circles)": the printed
    name wins, for the group and for the points that name it."""
    renamed: dict[str, str] = {}
    for name in state.legend_names:
        low = name.casefold()  # "Instruct" begins "Instruction-tuned checkpoints"; "Renewable" a word of its own
        found = [g for g in state.groups if g.name.casefold() != low and (
            g.name.casefold().startswith(low) or re.search(r"(?<!\w)" + re.escape(low), g.name.casefold()))]
        if (same := next((g for g in state.groups if g.name.casefold() == low), None)) is not None:
            # a group so named already: another of another colour is another entry ("Not replicated", gray, is
            # not "Replicated", blue); one of its colour, the same described in words ("up-regulated", red)
            found = [g for g in found if g.color is None or same.color is None or same_color(g.color, same.color)]
            if not found:
                if same.name != name:  # the printed spelling: "men" -> "Men"
                    renamed[same.name], same.name = name, name
                continue
        group = found[0] if len(found) == 1 else group_mentioned(state, name)
        if group is not None and group.name != name and (low in group.name.casefold() or group in found):
            renamed[group.name] = name
            group.name = name
    if renamed:
        for pf in state.points:
            pf.group = renamed.get(pf.group or "", pf.group)
            pf.ctx_group = renamed.get(pf.ctx_group or "", pf.ctx_group)


_COMMA_GROUP_RE = re.compile(r"^(?P<name>[^,]+?),\s+(?:(?:on|for|from|by|in|with|via|using|run\s+on)\s+)?"
                             r"(?:the\s+)?(?P<group>[^,]{2,40})$", re.IGNORECASE)


def _comma_groups(state: ParseState) -> None:
    """"Hello Edge DNN, on Arm Cortex-M4: 3.4 mJ" under a legend entry "Arm Cortex-M4": the words after the
    comma name the point's group; the label is the name before it."""
    if not state.groups:
        return
    for pf in state.points:
        m = _COMMA_GROUP_RE.match(pf.label) if pf.group is None and "," in pf.label else None
        if m is not None and m.group("name").count("(") != m.group("name").count(")"):
            continue  # "PlanLite (ours, GPT-4o-mini)": the comma is the bracket's, the label is whole
        group = group_named(state, m.group("group")) if m else None
        if m is not None and group is not None and same_group(group.name, m.group("group")):
            pf.label, pf.group = m.group("name").strip(), group.name


def _bracket_groups(state: ParseState) -> None:
    """"GPT-3 (Closed)" under a legend "gray squares = Closed models": the bracket names the point's
    group (by the words that set it apart); the label is the name before it."""
    if not state.groups:
        return
    moved: dict[str, list[str]] = {}
    labels = [pf.label for pf in state.points]
    written = {_norm(label) for label in labels}  # the labels as the text wrote them
    # the names before brackets that name no group ("Li–S" of "Li–S (this work)"), each label tried once
    # "Runner A (W)", "Runner B (M)" beside "Women" and "Men": initials that name two groups or more, bracket by bracket
    # (a code the text declares apart from the labels: "(W) marks a woman"; not "Carbon (C)", a symbol)
    coded = {g.name for label in labels if (m := _TRAILING_BRACKET_RE.search(label)) is not None
             and (g := group_by_initial(state, m.group(1))) is not None
             and state.doc.text.count(m.group(0).strip()) > sum(lb.endswith(m.group(0).strip()) for lb in labels)}
    told_apart = {_norm(_TRAILING_ANY_BRACKET_RE.sub("", label)) for label in set(labels)
                  if label.endswith((")", "]")) and not _bracket_group(state, label, initials=len(coded) >= 2)}
    for pf in state.points:
        found = _bracket_group(state, pf.label, initials=len(coded) >= 2) \
            if pf.group is None and pf.label.endswith((")", "]")) else None
        if found is None or not pf.label[: found[0].start()].strip():
            continue
        m, g = found
        whole = next((h for h in state.groups if h.name.casefold() == pf.label.casefold()), None)
        if whole is not None:  # the legend names the point itself: "black star = H5N1 (modelled scenario)"
            pf.group = whole.name
            continue
        pf.group = g.name
        bare = pf.label[: m.start()].rstrip()
        if _norm(bare) in written or _norm(bare) in told_apart:
            continue  # "OpenHands (Claude)" beside "OpenHands", "Li–S (pilot)" beside "Li–S (this work)": the bracket
            # tells the two apart (not "Ego depletion (original)" beside "Ego depletion (replication)": both brackets
            # name groups)
        # "DASD-4B (Ours)" is printed so on the chart, and so is "Mixtral-8x7B (vLLM)" under "Open (vLLM)": the
        # group's own name has the bracket
        # (a label the text quotes as the chart prints it keeps its bracket: 'labeled "Cmpd 22 (lead)"')
        if not ours_cue(g.name) and m.group(0).strip() not in g.name and not pf.quoted:
            moved.setdefault(g.name, []).append(pf.label)
            pf.label = pf.label[: m.start()].rstrip()
    for name, labels in moved.items():
        state.warn(f"{', '.join(map(repr, labels))}: the bracket names the legend group {name!r}; "
                   "the label is the name before it")


def _bare(label: str) -> str:
    return _norm(_TRAILING_ANY_BRACKET_RE.sub("", label))


def _same_place(a: PointFact, b: PointFact) -> bool:
    return math.isclose(a.x.value, b.x.value, rel_tol=0.01) and math.isclose(a.y.value, b.y.value, rel_tol=0.01)


_COUNT_WORD_RE = re.compile(r"^(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+", re.IGNORECASE)
_DESCRIBED_NAME_RE = re.compile(r"^(?:the|a|an)\s+|(?:\s+(?-i:[a-z]+))+$", re.IGNORECASE)


def _label_styles(state: ParseState, by_label: dict[str, list[PointFact]], groups: list[Group]) -> None:
    """Styles stated for a label apart from its coordinates fill what the point's own line left out
    (`by_label`: the merged point facts by normalised label)."""
    if not state.label_styles:
        return
    matched = set()
    bare: dict[str, list[PointFact]] = {}  # "Quercus robur" names "Quercus robur (pedunculate oak)"
    for key, pfs in by_label.items():
        head = _norm(_TRAILING_ANY_BRACKET_RE.sub("", pfs[0].label))
        if head != key:
            bare.setdefault(head, []).extend(pfs)
    for ls in state.label_styles:
        found = by_label.get(_norm(ls.label)) or (bare.get(_norm(ls.label)) if len(bare.get(_norm(ls.label), ())) == 1
                                                   else None)
        core = _norm(_DESCRIBED_NAME_RE.sub("", ls.label))
        if not found and core != _norm(ls.label):
            found = by_label.get(core)  # "the 2024 Noto earthquake" names the point "2024 Noto"
        if not found and ls.group and len(name := _COUNT_WORD_RE.sub("", _DESCRIBED_NAME_RE.sub("", ls.label))) >= 3:
            # "the two Tirzepatide doses are purple diamonds" beside a key: every point named so, with its dose
            named = re.compile(re.escape(name) + r"\s", re.IGNORECASE)
            found = [pf for pfs in by_label.values() for pf in pfs if named.match(pf.label)]
        for pf in found or ():
            pf.color, pf.marker = pf.color or ls.color, pf.marker or ls.marker
            pf.group = pf.group or ls.group
            matched.add(_norm(ls.label))
            if ls.highlight or OURS_LABEL_RE.search(ls.label):
                pf.ours = True
    # '"GPTQ" (represented by blue circles)', '"AWQ" (orange circles)' over points "GPTQ 4-bit", "AWQ 3-bit": styles
    # listed for series, each the start of its points' names; two such series or more make a legend
    series = [(ls, [pf for pfs in by_label.values() for pf in pfs if pf.group is None
                    and re.match(re.escape(ls.label) + r"[\s-]", pf.label, re.IGNORECASE)])
              for ls in state.label_styles if _norm(ls.label) not in matched and (ls.color or ls.marker)
              and len(ls.label) >= 2]
    series = [(ls, pfs) for ls, pfs in series if pfs]
    if len(series) >= 2:
        # ('"FP16" (a black circle)' in the same list, the one point so named: a series of one)
        first, last = min(ls.line for ls, _ in series), max(ls.line for ls, _ in series)
        series += [(ls, by_label[_norm(ls.label)]) for ls in state.label_styles if _norm(ls.label) in matched
                   and first - 2 <= ls.line <= last + 2 and len(by_label.get(_norm(ls.label), ())) == 1
                   and by_label[_norm(ls.label)][0].group is None]
        for ls, pfs in sorted(series, key=lambda found: found[0].line):  # the legend in the list's order
            if not any(same_group(g.name, ls.label) for g in state.groups):
                state.groups.append(GroupFact(ls.label, ls.color, ls.marker, ls.line))
                groups.append(Group(name=ls.label, color=ls.color, marker=ls.marker))
            for pf in pfs:
                pf.group = ls.label
                if ls.highlight or OURS_LABEL_RE.search(ls.label):
                    pf.ours = True
            matched.add(_norm(ls.label))
    for ls in state.label_styles:  # "The orange star is placed at ...": the one such point takes the label
        if _norm(ls.label) in matched or not (ls.color or ls.marker):
            continue
        drawn = [pf for pfs in by_label.values() for pf in pfs if pf.unnamed and not pf.label
                 and (ls.color is None or (pf.color is not None and same_color(pf.color, ls.color)))
                 and (ls.marker is None or pf.marker == ls.marker)]
        if len(drawn) == 1:
            drawn[0].label, drawn[0].unnamed = ls.label, False
            drawn[0].ours = drawn[0].ours or ls.highlight or bool(OURS_LABEL_RE.search(ls.label))
            matched.add(_norm(ls.label))
    for ls in state.label_styles:
        # 'One wine, the editors' "best value" pick, is highlighted with a large gold star' beside a key entry "Gold
        # star: Best value": the points of the one group drawn so are the highlighted ones
        if _norm(ls.label) in matched or not (ls.highlight and ls.color and ls.marker):
            continue
        keyed = group_by_style(state, ls.color, ls.marker)
        if keyed is None:
            continue
        members = [pf for pfs in by_label.values() for pf in pfs
                   if _norm(pf.group or pf.ctx_group or "") == _norm(keyed.name)]
        for pf in members:
            pf.ours = True
        if members:
            matched.add(_norm(ls.label))
            state.warn(f"{ls.label!r} is said to be highlighted as a {ls.color} {ls.marker!r} marker; no point is "
                       f"so labelled, and the legend entry {keyed.name!r} is drawn so: its points are highlighted",
                       ls.line)
    for ls in state.label_styles:
        # "SPY is drawn as a black diamond", then the key's '"Benchmark" (black diamond)': the key's entry names the
        # group the sentence made for the one point SPY (an entry no point is named by)
        if _norm(ls.label) in matched or ls.group is None or _norm(ls.label) in by_label \
                or _norm(ls.group) not in by_label:
            continue
        fact = next((g for g in state.groups if g.name == ls.group), None)
        spec_group = next((g for g in groups if g.name == ls.group), None)
        if fact is None or spec_group is None:
            continue
        entry = next((g for g in state.groups if g is not fact and (
            g.name.casefold() == ls.label.casefold() or same_group(g.name, ls.label))), None)
        state.warn(f"{ls.group!r} is drawn as the legend's entry {ls.label!r}: put in that group", ls.line)
        if entry is not None:  # the key's entry is a group already: the point's own one goes
            state.groups.remove(fact)
            groups.remove(spec_group)
            ls = replace(ls, label=entry.name)
        else:
            fact.name = spec_group.name = ls.label
        for pfs in by_label.values():
            for pf in pfs:
                pf.group = ls.label if pf.group == ls.group else pf.group
                pf.ctx_group = ls.label if pf.ctx_group == ls.group else pf.ctx_group
        matched.add(_norm(ls.label))
    # (a style said of a legend group's name styles its series, "**Europe** (blue circles)" over its points)
    told = matched | {_norm(g.name) for g in state.groups}
    missing = [ls.label for ls in state.label_styles if _norm(ls.label) not in told]
    if missing:
        state.warn(f"a style is stated for {', '.join(map(repr, dict.fromkeys(missing)))}, but no such point "
                   "has coordinates; not drawn")


def _ours_and_the_rest(state: ParseState, points: list[Point], groups: list[Group]) -> None:
    """A two-entry legend, ours and one other ("Baselines"), and points that state no style or group:
    the highlighted points are ours, the others belong to the other entry. A point with a style of its
    own keeps it ("the proprietary Gemini 1.5 Pro is a black square")."""
    # (a point put in a group by its own style, "This cross is drawn beyond the edge", states no entry)
    if len(groups) != 2 or any(p.group for p in points if not p.highlight and not (p.color or p.marker)):
        return
    ours = [g for g in groups if ours_cue(g.name)]
    rest = [g for g in groups if BASELINE_GROUP_RE.search(g.name)]
    if not ours and len(rest) == 1:  # "blue dots for the baselines, a red star for the new model"
        ours = [g for g in groups if g is not rest[0]]
    own = ours[0].name if ours else None
    free = [p for p in points if not (p.color or p.marker) or (p.highlight and p.group in (None, own))]
    if len(ours) != 1 or not any(p.highlight for p in free) or all(p.highlight for p in free):
        return
    other = groups[1] if groups[0] is ours[0] else groups[0]
    for p in free:
        g = ours[0] if p.highlight else other
        p.group, p.color, p.marker = g.name, p.color or g.color, p.marker or g.marker
    state.warn(f"no point states its legend entry: highlighted points are put in {ours[0].name!r}, "
               f"the others{' without a style of their own' if len(free) < len(points) else ''} in {other.name!r}")


def _the_baselines(state: ParseState, points: list[Point], groups: list[Group]) -> None:
    """One legend entry and the highlighted point drawn apart: the points that state no style or group are the
    entry's. Either the entry names the baselines ("Baseline models: blue circles") and our point is styled on its
    own ("Our model: a red star"), or the entry has a style and no other point states anything of its own
    ("Commercial and literature cathodes are shown as blue squares", "the proposed material ... a larger red
    star")."""
    if len(groups) != 1:
        return
    g = groups[0]
    ours = [p for p in points if p.highlight]
    free = [p for p in points if not p.highlight and p.group is None and not (p.color or p.marker)]
    if not ours or not free:
        return
    alone = len(free) >= 2 and len(free) + len(ours) == len(points) and not any(p.group for p in points) \
        and (g.color is not None or g.marker is not None)
    if not alone and (not BASELINE_GROUP_RE.search(g.name)
                      or any(p.group == g.name or not (p.color or p.marker) for p in ours)):
        return
    for p in free:
        p.group, p.color, p.marker = g.name, g.color, g.marker
    state.warn(f"no point states its legend entry: the points other than the highlighted one are put in {g.name!r}, "
               "the legend's one entry" if alone else
               f"no point states its legend entry: the points not highlighted are put in {g.name!r}")


def _the_other_entry(state: ParseState, points: list[Point], groups: list[Group], own_style: list[bool]) -> None:
    """A two-entry legend where the text styles only the points of one entry ("ViT-H/14, first orange
    triangle"), each by its own words: the points it leaves unstyled are the other entry's."""
    if len(groups) != 2 or any(p.highlight for p in points) or any(
            p.group is not None and not own for p, own in zip(points, own_style, strict=True)):
        return  # (a point put in a group by its section or table says where the others belong)
    styled = {p.group for p in points if p.group is not None}
    free = [p for p in points if p.group is None and not (p.color or p.marker)]
    if len(styled) != 1 or not free or len(free) == len(points):
        return
    other = groups[1] if groups[0].name in styled else groups[0]
    for p in free:
        p.group, p.color, p.marker = other.name, other.color, other.marker
    state.warn(f"{', '.join(repr(p.label) for p in free[:3])}{' ...' if len(free) > 3 else ''}: no style stated; "
               f"put in {other.name!r}, the legend entry no stated point is drawn as")


def _point_named_groups(state: ParseState) -> None:
    """A legend entry that is one point with a description ("the proprietary Gemini 1.5 Pro is a black
    square"): the style is that point's, and no legend category."""
    labels = {_norm(pf.label): pf for pf in state.points}
    for g in list(state.groups):
        words = g.name.split()
        for i in range(1, min(len(words), 4)):
            head, tail = words[:i], " ".join(words[i:])
            pf = labels.get(_norm(tail))
            # (a word in lower case is no name written with capitals: "direct gap" describes no "GaP")
            if pf is not None and len(_norm(tail)) >= 3 and all(w.islower() for w in head) \
                    and not (tail.islower() and not pf.label.islower()):
                pf.color, pf.marker = pf.color or g.color, pf.marker or g.marker
                state.groups.remove(g)
                state.warn(f"legend entry {g.name!r} describes the point {pf.label!r}: its style is that point's")
                break


# "each player is written as (goals, xG)", "each pair is (cost, grade)", "Values below are (tempo, streams)": the
# order the text's bracketed pairs follow, named by the axes' titles
def _declared_pair_order(state: ParseState) -> None:
    """Where the text says its pairs put the vertical value first ("written as (goals, xG)" with goals the y
    axis's title), the points read from bracketed pairs take the second value as x: read in the order written,
    they would be drawn transposed. Said in a warning."""
    if "(" not in state.doc.text and "[" not in state.doc.text:
        return
    said = declared_y_first(state)
    if said is None:
        return
    lines = state.doc.text.split("\n")
    swapped = []
    for pf in state.points:
        src = lines[pf.line - 1] if 0 < pf.line <= len(lines) else ""
        pair = re.compile(r"[(\[]\s*[~≈]?\s*" + re.escape(pf.x.text) + r"[^,;()\[\]]*[,;]\s*[~≈]?\s*"
                          + re.escape(pf.y.text))
        if pair.search(src):
            pf.x, pf.y = pf.y, pf.x
            swapped.append(pf.label)
    if swapped:
        line = state.doc.text.count("\n", 0, said.start()) + 1
        state.warn(f"the text writes its pairs {said.group('a').strip()} first, then {said.group('b').strip()} (y "
                   f"first): {len(swapped)} points read with x and y exchanged", line)


def _series_of(pf: PointFact) -> str | None:
    return pf.group or pf.ctx_group


def _resolve(state: ParseState, pf: PointFact, xu: float | None, yu: float | None, groups: list[Group],
             phys: dict[str, str | None], exponents: dict[str, bool]) -> Point:
    group = None
    contradicted = False
    if pf.group:
        found = group_named(state, pf.group)
        group = found.name if found else pf.group
        if not any(g.name == group for g in groups):
            groups.append(Group(name=group))
    elif pf.color or pf.marker:
        found = group_by_style(state, pf.color, pf.marker)
        group = found.name if found else None
        if pf.ctx_group and group and group != pf.ctx_group:
            contradicted = True
            state.warn(f"{pf.label!r} is listed under {pf.ctx_group!r} but drawn as a {pf.color or ''} "
                       f"{_marker_word(pf.marker)}, the style of {group!r}; it is put in {group!r} and not highlighted",
                       pf.line)
        elif group is None and pf.ctx_group and not _clashes(state, pf.ctx_group, pf.color, pf.marker):
            group = pf.ctx_group
    elif pf.ctx_group:
        group = pf.ctx_group
    elif pf.ctx_color or pf.ctx_marker:
        found = group_by_style(state, pf.ctx_color, pf.ctx_marker)
        group = found.name if found else None
    elif found := group_by_family(state, pf.label) or group_by_year(state, pf.label):
        group = found.name  # "the Llama models are blue": Llama-3-8B is one; "2000–2019" holds 2009
    gfact = next((g for g in groups if g.name == group), None)
    color = pf.color or pf.ctx_color or (gfact.color if gfact else None)
    marker = pf.marker or pf.ctx_marker or (gfact.marker if gfact else None)
    if pf.ctx_ours and not pf.ours:
        if group and not ours_cue(group) and (pf.color or pf.marker):
            if not contradicted:
                state.warn(f"{pf.label!r} is listed under our model's section but drawn as a {pf.color or ''} "
                           f"{_marker_word(pf.marker)} like {group!r}; not highlighted", pf.line)
        else:
            pf.ours = True
    if group and (ours_cue(group) or any(g.focus and g.name == group
                                                                       for g in state.groups)):
        pf.ours = True
    label = _printable(pf.label)
    if label != pf.label:
        state.warn(f"{label!r}: control characters removed from the label", pf.line)
    x, y = value(pf.x, xu, pf.x_unit), value(pf.y, yu, pf.y_unit)
    x, y = _own_power(pf.x, x, xu, state.axes["x"].title), _own_power(pf.y, y, yu, state.axes["y"].title)
    x, y = _physical(state, pf, x, "x", phys["x"]), _physical(state, pf, y, "y", phys["y"])
    x, y = _exponent_of(pf.x, x, exponents["x"]), _exponent_of(pf.y, y, exponents["y"])
    return Point(label=label, x=x, y=y,
                 color=color, marker=marker, group=group, highlight=pf.ours)


def _in_range(fact: AxisFact, v: float) -> bool:
    """v inside the axis's stated range (both ends stated)."""
    return fact.lo is not None and fact.hi is not None and min(fact.lo.value, fact.hi.value) <= v <= max(
        fact.lo.value, fact.hi.value)


def _physical(state: ParseState, pf: PointFact, v: float, which: str, to: str | None) -> float:
    """"900 GB/s" on a "Bandwidth (TB/s)" axis (`to`) is 0.9; "850 ms" on a "Latency (s)" axis is 0.85."""
    n = pf.x if which == "x" else pf.y
    if n.unit is None:
        return v
    converted = convert(v, n.unit, to)
    if (clock := CLOCK_RE.fullmatch(n.text)) is not None and clock["c"] is None:
        # "2:31" ("36:15", min:s) on a marathon's axis of minutes (125 to 200) is 2 h 31 min, not 2 min 31 s
        as_read = v if converted is None else converted
        hm = int(clock["a"]) * 60 + float(clock["b"] + (clock["frac"] or ""))  # in minutes, a clock's value's unit
        hm = convert(hm, n.unit, to) or hm
        if not _in_range(state.axes[which], as_read) and _in_range(state.axes[which], hm):
            state.warn(f"{pf.label!r}: {n.text} read as hours and minutes ({hm:g}), the {which} axis's range",
                       pf.line)
            return hm
    if converted is None:
        return v
    state.warn(f"{pf.label!r}: {n.text} {n.unit} converted to {converted:g} {to}, the {which} axis's unit", pf.line)
    return converted


def _printable(text: str) -> str:
    if not text:
        return ""  # a point the text gives no label (drawn without one)
    if text.isprintable():  # no control character (nor any other unprintable one)
        return text.strip() or "?"
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cc").strip() or "?"


def _clashes(state: ParseState, group: str, color: str | None, marker: str | None) -> bool:
    g = next((g for g in state.groups if g.name == group), None)
    if g is None:
        return False
    return bool((color and g.color and not same_color(color, g.color)) or (marker and g.marker and marker != g.marker))


def _marker_word(marker: str | None) -> str:
    return {"o": "circle", "*": "star", "s": "square", "^": "triangle", "D": "diamond"}.get(marker or "", "marker")


def _highlight(state: ParseState, points: list[Point], facts: list[PointFact]) -> None:
    """Stars among circles and points "highlighted in red" are the chart's own emphasis."""
    n = len(points)
    stars = [p for p in points if p.marker == "*"]
    others = {p.marker for p in points if p.marker not in (None, "*")}
    grouped = [p for p in points if p.group]
    if len(stars) == 1 and stars[0].group is None and len(grouped) == n - 1 and len({p.group for p in grouped}) >= 2 \
            and not stars[0].highlight:
        # "The projected HL-LHC is drawn as a larger red star ...; it has no legend entry": the one star outside
        # the legend's series, whatever their shapes
        stars[0].highlight = True
        state.warn(f"{stars[0].label!r} is the one star and in no legend series; taken as highlighted")
    if stars and len(stars) * 2 <= n and len(others) <= MAX_PLAIN_MARKERS:
        # a star stands out among one or two plain shapes; where every series has its own shape it is one more
        for p in stars:
            members = sum(q.group == p.group for q in points) if p.group else 0
            if p.group and members >= 2 and not ours_cue(p.group):
                continue  # a legend series drawn with stars ("★ Closed models") is a category, not emphasis
            if not p.highlight:
                p.highlight = True
                state.warn(f"{p.label!r} is drawn as a star among plain markers; taken as highlighted")
    for color in state.highlight_colors:
        hits = [p for p in points if p.color and same_color(p.color, color)]
        if hits and len(hits) * 2 < n:
            for p in hits:
                p.highlight = True


def _starts_with(label: str, prefix: str) -> bool:
    """The label starts with the prefix as a code does: "AS-01" with "AS" or "AS-", not "ASR" with "AS"."""
    return label.startswith(prefix) and (len(label) == len(prefix) or not prefix[-1].isalnum()
                                         or not label[len(prefix)].isalpha())


_SCOPE_ORDER = {"ours": 0, "prefix": 1, "word": 1, "color": 1, "others": 2, "all": 3}  # the narrower statement first


def _defaults(state: ParseState, points: list[Point]) -> None:
    """Chart-wide styles fill what points leave out, the narrowest first: "the proposed agent is a purple star"
    before "Baseline agents are shown as gray circles" read as every point's."""
    for d in sorted(state.defaults, key=lambda d: _SCOPE_ORDER.get(d.scope, 3)):
        for p in points:
            if (d.scope == "others" and p.highlight) or (d.scope == "ours" and not p.highlight) or (
                    d.scope == "prefix" and not _starts_with(p.label, d.prefix)) or (
                    d.scope == "word" and not has_words(p.label, d.prefix)):
                continue
            if d.highlight and not p.highlight:  # "except the two 2022 points, drawn as larger dark red diamonds"
                p.highlight = True
            if d.scope == "color":  # "six are blue circles": the blue points are circles
                if p.marker is None and p.color and d.color and same_color(p.color, d.color):
                    p.marker = d.marker
                continue
            if p.color is None and d.color:
                p.color = d.color
            if p.marker is None and d.marker:
                p.marker = d.marker


# -- lines --------------------------------------------------------------------------------------

def _trend_lines(state: ParseState, points: list[Point], xu: float | None,
                 yu: float | None) -> list[tuple[TrendLine, int | None]]:
    """Each trend line the text states, with the line it is stated on."""
    known = {g.name for g in state.groups}  # groups only a table column named ("Group: Primates") count too
    state.groups += [GroupFact(name, None, None, 0) for name in dict.fromkeys(p.group for p in points if p.group)
                     if name not in known]
    merged: list[TrendFact] = []
    listed = [f for f in state.trends if f.group_ref or f.names]
    first_listed = state.trends.index(listed[0]) if listed else 0
    for k, f in enumerate(state.trends):
        # (a line said after the listed ones in a colour of its own is one more line: "... through the AWQ points.
        # A solid red fitted line passes through the three red stars.")
        if len(listed) >= 2 and (k < first_listed or f.color is None) and (f.announced or not (
                f.new or f.names or f.group_ref or f.start or f.label or JOINS_RE.search(f.text)
                or (not UMBRELLA_RE.search(f.text) and POINTS_OF_RE.search(f.text)))):
            # "two dashed gray lines form the legs" before "the left leg is fitted to W, Mo, ...; the right leg ..."
            for each in listed:
                each.style, each.color = each.style or f.style, each.color or f.color
            continue
        home = None if f.new else next((m for m in merged if _compatible(m, f)), None)
        if home is None:
            merged.append(f)
            continue
        home.style, home.color = home.style or f.style, home.color or f.color
        home.names, home.group_ref = home.names or f.names, home.group_ref or f.group_ref
        home.start, home.end, home.label = home.start or f.start, home.end or f.end, home.label or f.label
        home.with_ours = home.with_ours or f.with_ours
        home.text += " " + f.text
    out: list[tuple[TrendLine, int | None]] = []
    for f in merged:
        if f.style is None:
            state.warn("trend line style not stated; drawn dashed", f.line)
        members = _members(state, f, points)
        if members is None and f.with_ours and any(p.highlight for p in points):
            members = [p.label for p in points]  # "through all seven points (including ours)"
        if f.color is None and f.group_color:  # "in the family colour": the colour its group's points took
            colors = Counter(p.color for p in points if p.group == f.group_ref and p.color)
            f.color = colors.most_common(1)[0][0] if colors else None
        out.append((TrendLine(points=members, color=f.color, style=f.style or "dashed", label=f.label,
                              start=_pair(f.start, xu, yu), end=_pair(f.end, xu, yu)), f.line))
    return out


def _fittable(state: ParseState, lines: list[tuple[TrendLine, int | None]],
              points: list[Point]) -> list[tuple[TrendLine, int | None]]:
    """The trend lines that can be fitted; one whose points do not span two x values is left out of the spec
    (which holds only what is drawn), with a warning."""
    kept = []
    for line, at in lines:
        if can_fit(points, line):
            kept.append((line, at))
        else:
            state.warn("the trend line is undefined: its points do not span two x values; it is left out", at)
    return kept


def _compatible(a: TrendFact, b: TrendFact) -> bool:
    return ((a.color is None or b.color is None or same_color(a.color, b.color))
            and (a.style is None or b.style is None or a.style == b.style)
            and (a.names is None or b.names is None or a.names == b.names)
            and (a.group_ref is None or b.group_ref is None or a.group_ref == b.group_ref))


EXCEPT_RE = re.compile(r"\b(?:except(?:\s+for)?|excluding|other than|apart from|all but|save for|without|not\s+the)"
                       r"\s+(?P<rest>.+)$", re.IGNORECASE)


# "...; the partial 2020s decade is not included in the fit": the points named before the verb are left out
_LEFT_OUT = r"(?:not\s+included|excluded|left\s+out|omitted)\b"
LEFT_OUT_RE = re.compile(r"(?P<rest>[^.;,(]{2,60}?)\s+(?:is|are)\s+" + _LEFT_OUT, re.IGNORECASE)
_LEFT_OUT_CUE_RE = re.compile(_LEFT_OUT, re.IGNORECASE)  # LEFT_OUT_RE tries 60 widths at every position


# "fitted to all 18 species", "through all twelve points": a count that may take in the highlighted points
ALL_COUNT_RE = re.compile(r"\b(?:all|every one of the|each of the)\s+(?P<n>\d{1,3}|" + "|".join(NUMBER_WORDS) + r")\b",
                          re.IGNORECASE)


# the points a line is fitted to, named by how they are drawn: "through the three red stars", "fitted to the
# blue squares", "across all orange triangles"
STYLE_REF_RE = re.compile(r"\b(?:through|to|over|across|joins?|connects?)\s+(?:the\s+|all\s+)?"
                          r"(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?(?P<style>(?:[a-z]+[\s-]+){0,2}(?:stars|circles|squares|"
                          r"triangles|diamonds|dots|crosses|pentagons|hexagons|points|markers))\b", re.IGNORECASE)
# the few words before "points" that name a group: "through the transformer points", "for the diffusion runs"
POINTS_OF_RE = re.compile(r"\b(?:through|to|for|over|across|of|joining|connecting)\s+(?:all\s+)?(?:the\s+|its\s+)?"
                          r"(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?"
                          r"(?P<ref>[\w-]+(?:\s+[\w-]+){0,2}?)\s+(?:points|models|markers|dots|series|ones|data|"
                          r"entries|runs|samples)\b", re.IGNORECASE)
# a sentence that speaks of several lines at once: "Two dashed gray lines form the legs", "both fits are dashed"
UMBRELLA_RE = re.compile(r"\blines\b|\b(?:legs|fits|curves)\b|\bboth\b", re.IGNORECASE)
JOINS_RE = re.compile(r"\b(?:joins?|connects?|links?|joining|connecting|linking|joined|connected|linked)\b",
                      re.IGNORECASE)
# the passive: "the blue squares are connected by a dashed line", "three red stars joined by a thin red line"
STYLE_JOINED_RE = re.compile(r"(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?"
                             r"(?P<style>(?:[a-z]+[\s-]+){0,2}(?:stars|circles|squares|triangles|diamonds|dots|crosses|pentagons|hexagons|points|"
                             r"markers))\s+(?:are\s+|were\s+)?(?:joined|connected|linked)\s+by\b", re.IGNORECASE)
_HIGHLIGHT_REF_RE = re.compile(r"\b(?:star|stars|highlighted|ours|our\s+\w+|proposed)\b", re.IGNORECASE)


def _spelled_in(label: str, text: str) -> bool:
    """The label written out whole in text: "except p-N(CH₃)₂" names p-N(CH₃)₂, not p-CH₃."""
    return re.search(r"(?<![\w-])" + re.escape(label.casefold()) + r"(?![\w-])", text.casefold()) is not None


def _members(state: ParseState, f: TrendFact, points: list[Point]) -> list[str] | None:
    by_norm = {_norm(p.label): p.label for p in points}
    if f.names:
        found = []
        for name in f.names:
            label = by_norm.get(_norm(name))
            if label is None:
                state.warn(f"trend line names {name!r}, which is not a plotted point", f.line)
            else:
                found.append(label)
        return found or None
    if JOINS_RE.search(f.text) and _HIGHLIGHT_REF_RE.search(f.text) and any(p.highlight for p in points):
        return [p.label for p in points if p.highlight]  # "a solid red line joins the two red stars"
    left_out = EXCEPT_RE.search(f.text)
    if left_out is None and _LEFT_OUT_CUE_RE.search(f.text):
        left_out = LEFT_OUT_RE.search(f.text)
    if left_out and not f.group_ref:  # "fit to every point except the two HEB-5 stars": all but a group
        named = group_mentioned(state, left_out.group("rest"))
        # or all but the points it names: "(not the distilled model, not the teacher)"
        rest = left_out.group("rest")
        dropped = [p.label for p in points if named is None and p.label and _spelled_in(p.label, rest)] or \
            [p.label for p in points if named is None and p.label and overlap(p.label, rest)]
        if not dropped and named is None and _HIGHLIGHT_REF_RE.search(rest):
            return None  # "every point except the red star": all but the highlighted, the default fit
        if named is not None or dropped:
            kept = [p.label for p in points if (p.group != named.name if named else p.label not in dropped)]
            # all but the highlighted ones is what no list says (null): the default fit
            return None if kept == [p.label for p in points if not p.highlight] else kept or None
    spanned = _label_span(f.text, points)
    if spanned:  # "fitted to adult bands only (20-24 through 75-79)": the points listed from one to the other
        return spanned
    every = ALL_COUNT_RE.search(f.text)
    counted = None
    if every:
        counted = count_of(every.group("n"))
    if counted == len(points) and not f.group_ref:
        # "fitted to all 18 species": the highlighted one too (with none highlighted, every point is the default);
        # not a group a word of the clause names ("all eleven wines, including the best-value pick")
        return [p.label for p in points] if any(p.highlight for p in points) else None
    # ("across all countries shown, including Costa Rica", "through all the players, Bellini included")
    including = re.search(r"\b(?:including|incl\.|together\s+with)\s+(?P<rest>[^.;]+)|"
                          r"(?P<named>[^,.;()]{1,40})\s+included\b", f.text, re.IGNORECASE)
    if including and NOT_RE.search(including.group()):
        including = None  # "(Fenwater Drain not included)"
    if including and (including.group("rest") or not (f.group_ref or group_mentioned(state, f.text))) and any(
            p.highlight and p.label and _spelled_in(_TRAILING_ANY_BRACKET_RE.sub("", p.label),
                                                    including.group("rest") or including.group("named"))
            for p in points):
        return [p.label for p in points]  # the highlighted one too (not "all three primate points, human included")
    if not f.group_ref and (of := POINTS_OF_RE.search(f.text)) is not None and (
            named := group_mentioned(state, of.group("ref"))) is not None:
        f.group_ref = named.name  # "through the transformer points" -> "Vision Transformers"
    # "fit to all six primate points": "all" with a count names a group, not every point
    if not f.group_ref and (counted is not None or not re.search(r"\ball\b", f.text, re.IGNORECASE)):
        named = group_mentioned(state, f.text)
        if named is not None:  # "fitted to the diffusion policies only"
            f.group_ref = named.name
    if not f.group_ref and (styled := STYLE_REF_RE.search(f.text) or STYLE_JOINED_RE.search(f.text)) is not None:
        # "passes through the three red stars", "runs through the grey points only": the points drawn so
        color, marker = first_color(styled.group("style")), first_marker(styled.group("style"))
        found = [p.label for p in points if (color is None or (p.color and same_color(p.color, color)))
                 and (marker is None or p.marker == marker)] if color or marker else []
        if found:
            return found
        # "joins the four eviction points": a word of one group's name ("token eviction") names it
        words = [w for w in styled.group("style").split()[:-1] if len(w) >= 4 and w.isalpha() and count_of(w) is None]
        hits = [g for g in state.groups if any(has_words(g.name, w) for w in words)]
        if len(hits) == 1:
            f.group_ref = hits[0].name
    if f.group_ref:
        ref = f.group_ref.casefold()
        # the group first: "7B" is not "7B-C25+math"
        # (a whole word: "statin trials" is not "non-statin trials")
        inside = re.compile(r"(?<![\w-])" + re.escape(ref) + r"(?![\w-])")
        found = [p.label for p in points if p.group and inside.search(p.group.casefold())] or \
            [p.label for p in points if p.label.casefold().startswith(ref)]
        g = group_mentioned(state, f.group_ref) if not found else None
        if g is not None:  # "a blue one fitted to the open models" -> "Open models"
            found = [p.label for p in points if p.group == g.name]
        if not found:
            state.warn(f"trend line refers to {f.group_ref!r}, which matches no point; fitted to all", f.line)
        return found or None
    return None


def _label_span(text: str, points: list[Point]) -> list[str] | None:
    """The points from one label to another, in the order the text listed them: "20-24 through 75-79",
    "from Site A to Site F"; None unless both ends are labels and the span holds three or more points."""
    labels = sorted({p.label for p in points if p.label}, key=len, reverse=True)
    order = [p.label for p in points]
    for m in _SPAN_WORD_RE.finditer(text):
        before, after = text[: m.start()].rstrip(" (").casefold(), text[m.end():].lstrip(" ").casefold()
        first = next((a for a in labels if before.endswith(a.casefold()) and not before[: -len(a)][-1:].isalnum()),
                     None)
        last = next((b for b in labels if after.startswith(b.casefold()) and not after[len(b):][:1].isalnum()), None)
        if first is None or last is None:
            continue
        i, j = order.index(first), order.index(last)
        if j - i >= 2:
            return order[i: j + 1]
    return None


_SPAN_WORD_RE = re.compile(r"\s(?:through|thru|to)\s", re.IGNORECASE)


def _pair(pair: tuple[Num, Num] | None, xu: float | None, yu: float | None) -> tuple[float, float] | None:
    return (value(pair[0], xu), value(pair[1], yu)) if pair else None


def _reference_lines(state: ParseState, xu: float | None, yu: float | None) -> list[ReferenceLine]:
    merged: list[tuple[float, RefFact]] = []
    for r in state.refs:
        v = value(r.value, xu if r.axis == "x" else yu)
        to = title_unit(state.axes[r.axis].title)
        converted = convert(v, r.value.unit, to) if r.value.unit else None
        if converted is not None:  # "deadline (1,000 ms)" on a "(s)" axis: the line at 1
            state.warn(f"line at {r.value.text} {r.value.unit} converted to {converted:g} {to}", r.line)
            v = converted
        if r.value.percent and 1 < v <= 100 and _fraction_axis(state.axes[r.axis]):  # "chance (50%)" on a 0-1 axis
            state.warn(f"line at {r.value.text} read as {v / 100:g} on the {r.axis} axis of fractions", r.line)
            v = float(f"{v / 100:.12g}")
        twin = next((o for ov, o in merged if o.axis == r.axis and math.isclose(ov, v, rel_tol=1e-3)), None)
        if twin is None:
            merged.append((v, r))
            continue
        twin.style, twin.color, twin.label = twin.style or r.style, twin.color or r.color, twin.label or r.label
    out = []
    for v, r in merged:
        if r.style is None:
            state.warn(f"style of the line at {r.axis} = {v:g} not stated; drawn dashed", r.line)
        out.append(ReferenceLine(axis=r.axis, value=v, color=r.color, style=r.style or "dashed", label=r.label))
    return out


def _log_needs_positive(state: ParseState, axis: Axis, which: str, points: list[Point]) -> None:
    """A log axis cannot show zero or negatives: keep every point, switch the axis to linear, and say so."""
    bad = [p for p in points if coord(p, which) <= 0]
    if axis.scale == "log" and bad:
        axis.scale = "linear"
        names = ", ".join(repr(p.label) for p in bad[:3]) + (" ..." if len(bad) > 3 else "")
        state.warn(f"the {which} axis is stated as log, but {names} have {which} <= 0; drawn on a linear axis "
                   "so that no point is dropped")


def _check_range(state: ParseState, axis: Axis, which: str, points: list[Point]) -> None:
    for p in points:
        v = coord(p, which)
        if (axis.min is not None and v < axis.min) or (axis.max is not None and v > axis.max):
            state.warn(f"{p.label!r} ({which} = {v:g}) lies outside the stated {which} range "
                       f"{axis.min:g} to {axis.max:g}; the axis grows to show it" if axis.min is not None
                       and axis.max is not None else f"{p.label!r} ({which} = {v:g}) lies outside the stated range")
