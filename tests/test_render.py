"""The renderer, checked on the artists it makes: axes, ticks, highlights, trend lines, legend, output."""
from __future__ import annotations

import math
import re
import subprocess
import sys

import numpy as np
import pytest
from matplotlib.collections import PathCollection
from matplotlib.colors import to_hex
from matplotlib.text import Annotation

from redraw.parse import parse
from redraw.render import figure_bytes, render
from redraw.render.audit import audit
from redraw.render.style import SIZES, color
from redraw.spec import Axis, ChartSpec, Group, Point, ReferenceLine, TrendLine
from tests.conftest import EXAMPLES, ROOT


def _labels(fig):
    return {t.get_text(): t for t in fig.axes[0].texts if isinstance(t, Annotation)}


def _tick_texts(axis):
    locs = axis.get_majorticklocs()
    return list(axis.get_major_formatter().format_ticks(locs))


def test_stated_log_ticks_are_shown_verbatim():
    spec = parse((ROOT / "examples" / "001_5c4edbf02b2a4d93.txt").read_text(encoding="utf-8"))
    ax = render(spec).axes[0]
    assert ax.get_xscale() == "log"
    assert _tick_texts(ax.xaxis) == ["4B", "10B", "32B", "100B"]
    assert _tick_texts(ax.yaxis) == ["50", "60", "70", "80", "90"]


def test_log_axis_shorter_than_a_decade_still_has_ticks():
    spec = ChartSpec(x_axis=Axis(scale="log"), points=[Point(label="A", x=2, y=1), Point(label="B", x=8, y=2)])
    ax = render(spec).axes[0]
    labels = [t for t in _tick_texts(ax.xaxis) if t]
    assert len(labels) >= 3


def test_stated_range_is_kept_and_grown_only_for_points():
    spec = ChartSpec(y_axis=Axis(min=20, max=70), points=[Point(label="A", x=1, y=30), Point(label="B", x=2, y=74.2)])
    lo, hi = render(spec).axes[0].get_ylim()
    assert lo == 20 and hi > 74.2


def test_highlighted_point_stands_out():
    spec = ChartSpec(points=[Point(label="base", x=1, y=1), Point(label="ours", x=2, y=2, highlight=True)])
    fig = render(spec)
    ax = fig.axes[0]
    colls = {c.get_paths()[0].vertices.shape[0]: c for c in ax.collections}
    star = [c for c in ax.collections if c.get_zorder() > 3]
    assert len(star) == 1 and star[0].get_sizes()[0] > 2 * min(c.get_sizes()[0] for c in ax.collections)
    assert to_hex(star[0].get_facecolors()[0]) == "#d62728"
    labels = _labels(fig)
    assert labels["ours"].get_fontweight() == "bold" and labels["base"].get_fontweight() == "normal"
    assert colls


def test_trend_line_is_least_squares_in_displayed_coordinates():
    xs, ys = [1, 10, 100, 1000], [10, 21, 29, 41]
    spec = ChartSpec(x_axis=Axis(scale="log"),
                     points=[Point(label=str(x), x=x, y=y) for x, y in zip(xs, ys, strict=True)],
                     trend_lines=[TrendLine(style="dotted", color="green")])
    ax = render(spec).axes[0]
    (line,) = [ln for ln in ax.lines if ln.get_linestyle() == ":"]
    b, a = np.polyfit(np.log10(xs), ys, 1)
    lx, ly = line.get_data()
    assert lx[0] == pytest.approx(1) and lx[-1] == pytest.approx(1000)
    assert ly == pytest.approx(a + b * np.log10(lx))
    assert to_hex(line.get_color()) == "#2ca02c" and line.get_zorder() < 3


def test_legend_one_entry_per_group_none_for_a_highlighted_point_of_no_group():
    spec = ChartSpec(groups=[Group(name="Dense", color="blue", marker="o"),
                             Group(name="MoE", color="orange", marker="^")],
                     points=[Point(label="a", x=1, y=1, group="Dense"), Point(label="b", x=2, y=2, group="Dense"),
                             Point(label="c", x=3, y=3, group="MoE"), Point(label="ours", x=4, y=4, highlight=True)])
    legend = render(spec).axes[0].get_legend()
    # "ours" is named beside its star; the text's legend did not list it (until session 15 it got an entry)
    assert [t.get_text() for t in legend.get_texts()] == ["Dense", "MoE"]
    markers = [h.get_marker() for h in legend.legend_handles]
    assert markers == ["o", "^"]


def test_reference_line_and_its_label():
    spec = ChartSpec(points=[Point(label="a", x=1, y=1), Point(label="b", x=5, y=9)],
                     reference_lines=[ReferenceLine(axis="y", value=5, style="dashdot", color="black", label="GPT-4V")])
    ax = render(spec).axes[0]
    ref = [ln for ln in ax.lines if ln.get_linestyle() == "-."]
    assert len(ref) == 1 and list(ref[0].get_ydata()) == [5, 5]
    assert "GPT-4V" in [t.get_text() for t in ax.texts]


def test_a_line_label_covers_no_marker_even_at_column_size():
    # beside a legend outside the axes, "Clinically meaningful reduction" finds the one clear spot below its line
    # (it used to weigh the room beside each marker like a marker, and covered one)
    path = ROOT / "tests" / "evalsets" / "set55" / "s55_11_dose_hba1c.md"
    assert not [d for d in audit(render(parse(path.read_text(encoding="utf-8")), "column")) if "line label" in d]
    # "potency cut-off" on one line covers a marker wherever it goes along its line; on two lines it covers none
    path = ROOT / "tests" / "evalsets" / "set44" / "t44_09_kinase_potency_table.md"
    fig = render(parse(path.read_text(encoding="utf-8")), "column")
    assert "potency\ncut-off" in [t.get_text() for t in fig.axes[0].texts]
    assert not [d for d in audit(fig) if "line label" in d]


@pytest.mark.parametrize("size,width", [("column", 3.5), ("page", 7.0), ("slide", 10.0)])
def test_size_presets(size, width):
    fig = render(ChartSpec(points=[Point(label="a", x=1, y=1)]), size)
    assert fig.get_figwidth() == width


def test_fonts_embedded_for_latex_and_browsers():
    fig = render(parse(EXAMPLES[0].read_text(encoding="utf-8")))
    pdf = figure_bytes(fig, "pdf")
    assert b"/FontFile2" in pdf and b"/Type1" not in pdf  # TrueType embedded (fonttype 42)
    svg = figure_bytes(fig, "svg").decode()
    assert "<text" not in svg and re.search(r"<path", svg)  # glyphs as paths


def test_every_format_same_bytes_in_fresh_processes(tmp_path):
    outs = []
    for k in range(2):
        out = tmp_path / f"o{k}"
        res = subprocess.run([sys.executable, "-m", "redraw", str(ROOT / "examples"), str(out),
                              "--format", "png,svg,pdf", "--jobs", str(k + 1), "-q"],
                             cwd=ROOT, capture_output=True, text=True, timeout=300,
                             env={"PYTHONHASHSEED": str(k + 11), "PATH": "/usr/bin:/bin"})
        assert res.returncode == 0, res.stderr
        outs.append({p.name: p.read_bytes() for p in sorted(out.iterdir()) if not p.name.startswith(".")})
    assert len(outs[0]) == 4 * len(EXAMPLES) + 1   # and the gallery, index.html
    assert outs[0] == outs[1]


def test_no_global_rcparams_leak():
    import matplotlib as mpl

    before = dict(mpl.rcParams)
    figure_bytes(render(parse(EXAMPLES[0].read_text(encoding="utf-8"))), "svg")
    after = dict(mpl.rcParams)
    assert {k for k in before if before[k] != after[k] and not (isinstance(before[k], float) and
                                                                 math.isnan(before[k]))} == set()


def test_caller_style_does_not_change_the_figure():
    import matplotlib as mpl
    import matplotlib.style

    spec = parse(EXAMPLES[0].read_text(encoding="utf-8"))
    plain = figure_bytes(render(spec), "png", 72)
    with matplotlib.style.context("classic"), mpl.rc_context({"font.size": 20, "axes.grid": False,
                                                              "lines.linewidth": 4}):
        styled = figure_bytes(render(spec), "png", 72)
    assert styled == plain


def test_nearly_coincident_points_drawn_apart_keep_their_order():
    # d07: (38, 1.05) and (36, 1.12) overlap at column size; drawn apart, the first stays right of and below
    # the second (the spreading once put the first point of the text on the left whatever its x)
    spec = ChartSpec(points=[Point(label="A", x=38, y=1.05), Point(label="B", x=37.6, y=1.12),
                             Point(label="C", x=0, y=0), Point(label="D", x=80, y=20)])
    ax = render(spec, "column").axes[0]
    drawn = {(round(float(x), 6), round(float(y), 6)) for c in ax.collections for x, y in c.get_offsets()}
    near = sorted(p for p in drawn if 20 < p[0] < 60)
    assert len(near) == 2
    (bx, by), (ax_, ay) = near   # sorted by x: B's drawn place first
    assert bx < 37.6 and ax_ > 38 and by > ay   # B drawn left of and above A, as in the data, each pushed out


def test_a_point_drawn_apart_onto_a_third_marker_takes_it_in():
    # seed 004 at column size: 2.7 and 2.8 overlap; drawn apart, 2.8 landed on 3.0 and hid under it. The three are
    # drawn apart together, along their row, each clear of the others (centres over 1.5 radii apart)
    spec = ChartSpec(points=[Point(label="A", x=2.7, y=37), Point(label="B", x=2.8, y=37),
                             Point(label="C", x=3.0, y=37), Point(label="D", x=2, y=36), Point(label="E", x=17, y=52)])
    fig = render(spec, "column")
    ax = fig.axes[0]
    drawn = [(float(x), float(y)) for c in ax.collections if isinstance(c, PathCollection)
             for x, y in c.get_offsets() if 36.5 < y < 37.5]
    assert len(drawn) == 3
    px = ax.transData.transform(sorted(drawn))
    assert np.allclose(px[:, 1], px[0, 1])   # still one row
    radius = math.sqrt(SIZES["column"].marker) * fig.dpi / 72 / 2
    assert np.diff(px[:, 0]).min() > 1.5 * radius


def test_a_stack_drawn_apart_stays_inside_the_axes_and_near_its_values():
    # six points at one x within 27 units of a 0-350 axis, the lowest at 14.4: drawn apart along their column,
    # none hidden, none pushed below the axis, the lowest still the lowest and nearest its value
    ys = [16, 17.5, 28, 41.5, 14.4, 28.9]
    spec = ChartSpec(points=[Point(label=f"P{k}", x=1e5, y=y) for k, y in enumerate(ys)]
                     + [Point(label="far", x=2e8, y=300)],
                     x_axis=Axis(scale="log", min=5e4, max=1e9), y_axis=Axis(min=0, max=350))
    fig = render(spec, "column")
    ax = fig.axes[0]
    drawn = sorted(float(y) for c in ax.collections if isinstance(c, PathCollection)
                   for x, y in c.get_offsets() if x < 1e6)
    px = ax.transData.transform([(1e5, y) for y in drawn])[:, 1]
    radius = math.sqrt(SIZES["column"].marker) * fig.dpi / 72 / 2
    assert len(drawn) == 6 and np.diff(px).min() > radius   # spaced closer than a pair, but no centre hidden
    assert drawn[0] > 0 and abs(drawn[0] - 14.4) < abs(drawn[-1] - 14.4)


def test_a_line_label_finds_a_gap_between_markers_on_its_line():
    # markers just above and below the line at every preferred spot (both ends, quarters, middle): the label
    # slides along the line to a gap instead of covering one
    xs = [0.3, 2, 5, 8, 10, 12, 15, 18, 19.7]
    spec = ChartSpec(points=[Point(label="", x=x, y=y) for x in xs for y in (4.8, 5.2)],
                     x_axis=Axis(min=0, max=20), y_axis=Axis(min=0, max=10),
                     reference_lines=[ReferenceLine(axis="y", value=5, label="target")])
    assert not [d for d in audit(render(spec, "column")) if "line label" in d]


def test_a_shade_phrase_is_kept_in_the_spec_and_drawn_as_its_css_colour():
    # "dark red" stays a phrase in the spec (a reader, or a scorer without matplotlib, finds "red" in it) and is
    # drawn as the one-word CSS name is (the house shade of darkred)
    spec = parse("X-axis: Params (B), 0 to 10. Y-axis: Score, 0 to 10.\n\n- A: (1, 2), dark red square\n"
                 "- B: (5, 6), light blue circle\n")
    assert [p.color for p in spec.points] == ["dark red", "light blue"]
    ax = render(spec, "page").axes[0]
    drawn = {to_hex(c) for coll in ax.collections if isinstance(coll, PathCollection) for c in coll.get_facecolors()}
    assert {to_hex(color("darkred")), to_hex(color("lightblue"))} <= drawn
