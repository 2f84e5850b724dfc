"""Property tests: any text parses to a ChartSpec or a RedrawError; any valid ChartSpec renders.

Run with a fixed seed (tests/conftest.py); each example also has a time bound, so a hang fails.
"""
from __future__ import annotations

import math
import re
import struct
import time

from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.collections import PathCollection

from redraw.errors import RedrawError
from redraw.parse import parse
from redraw.render import figure_bytes, render
from redraw.render.figure import TALLER
from redraw.render.labels import KEY_GID, shown_labels
from redraw.render.style import SIZES
from redraw.spec import Axis, ChartSpec, Group, Point, ReferenceLine, TrendLine, can_fit
from tests.conftest import FIGURES

REAL = [p.read_text(encoding="utf-8") for p in FIGURES]
NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")
SECONDS = 5.0


def parses_or_refuses(text: str) -> None:
    t0 = time.perf_counter()
    try:
        spec = parse(text, "prop.md")
    except RedrawError as err:
        assert str(err).startswith("prop.md")
    else:
        assert spec.points
        assert all(math.isfinite(p.x) and math.isfinite(p.y) for p in spec.points)
        ChartSpec.model_validate_json(spec.to_json())
    assert time.perf_counter() - t0 < SECONDS


@given(st.text(max_size=2000))
def test_any_text(text):
    parses_or_refuses(text)


# Junk around a well-formed table: a fenced code block or an HTML tag would legitimately swallow it, so no ` ~ <
JUNK = st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:()%-*#\n"),
               max_size=300)
TABLE_ROWS = st.lists(st.tuples(st.from_regex(r"[A-Z][a-z]{2,5}-[0-9]{1,2}[BM]", fullmatch=True),
                                st.integers(1, 900), st.integers(1, 99)),
                      min_size=1, max_size=5, unique_by=lambda r: r[0].casefold())


@given(JUNK, TABLE_ROWS, JUNK)
def test_any_text_around_a_table_keeps_its_points(before, rows, after):
    table = ["| Model | Training cost | Benchmark score |", "| --- | --- | --- |"]
    table += [f"| {n} | {x} | {y} |" for n, x, y in rows]
    text = f"{before}\n\nScatter plot. X-axis: Training cost. Y-axis: Benchmark score.\n\n" + "\n".join(table) \
        + f"\n\n{after}"
    parses_or_refuses(text)
    got = {p.label: (p.x, p.y) for p in parse(text, "prop.md").points}
    for n, x, y in rows:
        assert got.get(n) == (x, y), (n, got)


@given(st.sampled_from(REAL), st.data())
def test_real_descriptions_with_lines_deleted(text, data):
    lines = text.split("\n")
    drop = data.draw(st.sets(st.integers(0, len(lines) - 1), min_size=1, max_size=12), label="deleted lines")
    keep = [ln for i, ln in enumerate(lines) if i not in drop]
    parses_or_refuses("\n".join(keep))


def _own_lines(text: str) -> list[tuple[int, int]]:
    """(point index, line index) for each point of `text` whose label is on one line, alone among labels
    (lines in fenced code are left: a JSON list with an item taken out is no longer JSON)."""
    lines, fenced, inside = text.split("\n"), set(), False
    for i, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            inside = not inside
        if inside or line.lstrip().startswith(("```", "~~~")):
            fenced.add(i)
    labels = [p.label.casefold() for p in parse(text, "prop.md").points]
    out = []
    for k, label in enumerate(labels):
        hits = [i for i, line in enumerate(lines) if label in line.casefold()]
        if len(hits) == 1 and hits[0] not in fenced \
                and not any(other in lines[hits[0]].casefold() for other in labels if other != label):
            out.append((k, hits[0]))
    return out


OWN_LINES = [(text, k, i) for text in REAL for k, i in _own_lines(text)]


@given(st.sampled_from(OWN_LINES))
def test_deleting_a_real_points_line_removes_exactly_that_point(case):
    text, k, i = case
    before = [(p.label, p.x, p.y) for p in parse(text, "prop.md").points]
    lines = text.split("\n")
    after = [(p.label, p.x, p.y) for p in parse("\n".join(lines[:i] + lines[i + 1:]), "prop.md").points]
    assert after == before[:k] + before[k + 1:], lines[i]


@given(st.sampled_from(REAL), st.integers(0, 10_000))
def test_real_descriptions_cut_at_any_byte(text, cut):
    raw = text.encode("utf-8")[: cut % (len(text.encode("utf-8")) + 1)]
    parses_or_refuses(raw.decode("utf-8", errors="replace"))


@given(st.sampled_from(REAL), st.randoms(use_true_random=False))
def test_real_descriptions_with_numbers_swapped(text, rnd):
    numbers = NUMBER_RE.findall(text)
    rnd.shuffle(numbers)
    it = iter(numbers)
    parses_or_refuses(NUMBER_RE.sub(lambda m: next(it), text))


@given(st.sampled_from(REAL), st.text(alphabet="*#|-_`()[]:,.~≈$%<>\\n\n ", max_size=30), st.integers(0, 5000))
def test_real_descriptions_with_markup_inserted(text, junk, at):
    at %= len(text) + 1
    parses_or_refuses(text[:at] + junk + text[at:])


finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
positive = st.floats(min_value=1e-6, max_value=1e12, allow_nan=False, allow_infinity=False)
# (an unknown colour or marker is no valid spec: tests/test_spec.py)
colors = st.one_of(st.none(), st.sampled_from(["red", "blue", "gold", "darkblue", "lightgrey", "#123456",
                                                "pale green", "yellow"]))
markers = st.one_of(st.none(), st.sampled_from(["o", "*", "s", "^", "D", "x", "+", "p", "h", "v", "8"]))
labels = st.text(min_size=1, max_size=40)


@st.composite
def specs(draw):
    log_x, log_y = draw(st.booleans()), draw(st.booleans())
    n = draw(st.integers(1, 25))
    xs = draw(st.lists(positive if log_x else finite, min_size=n, max_size=n))
    ys = draw(st.lists(positive if log_y else finite, min_size=n, max_size=n))
    groups = draw(st.lists(st.builds(Group, name=labels, color=colors, marker=markers), max_size=3))
    names = [g.name for g in groups] + [None]
    points = [Point(label=draw(labels), x=x, y=y, color=draw(colors), marker=draw(markers),
                    group=draw(st.sampled_from(names)), highlight=draw(st.booleans()))
              for x, y in zip(xs, ys, strict=True)]

    def axis(log):
        lo, hi = draw(st.one_of(st.none(), positive if log else finite)), draw(
            st.one_of(st.none(), positive if log else finite))
        ticks = draw(st.one_of(st.none(), st.lists(positive if log else finite, min_size=1, max_size=8)))
        return Axis(label=draw(st.one_of(st.none(), labels)), scale="log" if log else "linear", min=lo, max=hi,
                    ticks=ticks, tick_labels=[str(t) for t in ticks] if ticks and draw(st.booleans()) else None)

    trends = [TrendLine(points=draw(st.one_of(st.none(), st.lists(st.sampled_from([p.label for p in points]),
                                                                    max_size=5))),
                        style=draw(st.sampled_from(["solid", "dashed", "dotted", "dashdot"])), color=draw(colors),
                        label=draw(st.one_of(st.none(), labels)))
              for _ in range(draw(st.integers(0, 2)))]
    refs = [ReferenceLine(axis=draw(st.sampled_from(["x", "y"])), value=draw(positive), color=draw(colors),
                          label=draw(st.one_of(st.none(), labels))) for _ in range(draw(st.integers(0, 2)))]
    spec = ChartSpec(title=draw(st.one_of(st.none(), labels)), x_axis=axis(log_x), y_axis=axis(log_y),
                     points=points, groups=groups, reference_lines=refs)
    # a valid spec holds only trend lines that can be fitted (two x values or more)
    spec.trend_lines = [t for t in trends if can_fit(spec.points, t)]
    return spec


def _drawn_points(fig) -> list[tuple[float, float, float]]:
    """(x, y, zorder) of every marker drawn, from the axes' scatter collections."""
    out = []
    for coll in fig.axes[0].collections:
        if isinstance(coll, PathCollection):
            assert len(coll.get_facecolors()) in (1, len(coll.get_offsets()))
            out += [(float(x), float(y), coll.get_zorder()) for x, y in coll.get_offsets()]
    return out


@settings(max_examples=40)
@given(specs(), st.sampled_from(["column", "page", "slide"]))
def test_any_valid_spec_renders(spec, size):
    fig = render(spec, size)
    ax = fig.axes[0]
    # every point drawn once, where the spec puts it (coincident ones a marker or two apart), highlighted points
    # above the others
    drawn = _drawn_points(fig)
    assert sorted(z for _, _, z in drawn) == sorted(4.0 if p.highlight else 3.0 for p in spec.points)
    at = ax.transData.transform([(x, y) for x, y, _ in drawn]) if drawn else []
    for p in spec.points:
        want = ax.transData.transform((p.x, p.y))
        # n coincident points (on screen: 0 and 5e-324 are one place) ring their centre
        twins = sum(1 for q in spec.points if math.hypot(*(ax.transData.transform((q.x, q.y)) - want)) < 1.0)
        assert min(math.hypot(*(w - want)) for w in at) < (1 + twins) * 10 * fig.dpi / 72  # slide star radii
    # one collection per (marker, layer): never more collections than points, never two of a kind
    colls = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert len(colls) <= len(spec.points)
    # a log axis stays log unless a value (point or reference line) is not positive
    for which, axis in (("x", spec.x_axis), ("y", spec.y_axis)):
        values = [getattr(p, which) for p in spec.points] + [r.value for r in spec.reference_lines if r.axis == which]
        want = "log" if axis.scale == "log" and all(v > 0 for v in values) else "linear"
        assert getattr(ax, f"get_{which}scale")() == want, which
        lo, hi = sorted(getattr(ax, f"get_{which}lim")())
        assert all(lo <= v <= hi for v in values), which  # the axis grows to hold every point
    # every point labelled (25 points at most here, under the label limit): beside it, or numbered in the key
    assert len(shown_labels(fig)) == len(spec.points)
    # a legend exactly when a group has members or a trend line has a label
    legend_wanted = any(p.group is not None and p.group in {g.name for g in spec.groups} for p in spec.points) \
        or any(t.label for t in spec.trend_lines)
    assert (ax.get_legend() is not None) == legend_wanted
    # the PNG is the preset's size at the given dpi
    png = figure_bytes(fig, "png", 40)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    key = any(t.get_gid() == KEY_GID for t in fig.texts)   # a key of numbered labels makes the figure taller
    assert width == round(SIZES[size].width * 40)
    # the preset's height, or a taller one tried for a chart too crowded for it (figure.TALLER)
    heights = {round(SIZES[size].height * share * 40) for share in TALLER}
    assert height in heights if not key else height > round(SIZES[size].height * 40)
