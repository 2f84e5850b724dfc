"""Axes a careful author would publish: caret ticks as superscripts, minor ticks on log axes, grown axes
with a sensible number of ticks, long titles wrapped, legend markers as large as the plotted ones."""
from __future__ import annotations

import itertools
import math

from matplotlib.collections import PathCollection

from redraw.render import render
from redraw.render.axes import MAX_TICKS
from redraw.spec import Axis, ChartSpec, Group, Point, TrendLine

PTS = [Point(label="A", x=1, y=2), Point(label="B", x=100, y=3)]


def _names(axis):
    return axis.get_major_formatter().format_ticks(axis.get_majorticklocs().tolist())


def test_caret_ticks_are_drawn_as_superscripts_and_the_spec_keeps_the_text():
    spec = ChartSpec(x_axis=Axis(scale="log", ticks=[1, 10, 100], tick_labels=["10^0", "10^1", "10^2"]),
                     y_axis=Axis(ticks=[2, 3], tick_labels=["2×10^-3", "3 x 10^{-3}"]), points=PTS)
    fig = render(spec, "page")
    assert _names(fig.axes[0].xaxis) == ["$10^{0}$", "$10^{1}$", "$10^{2}$"]
    assert _names(fig.axes[0].yaxis) == [r"$2\times10^{-3}$", r"$3\times10^{-3}$"]
    assert spec.x_axis.tick_labels == ["10^0", "10^1", "10^2"]


def test_a_log_axis_has_unlabelled_minor_ticks_and_a_linear_one_none():
    ax = render(ChartSpec(x_axis=Axis(scale="log"), points=PTS), "page").axes[0]
    minor = ax.xaxis.get_minorticklocs()
    assert len(minor) >= 8 and set(ax.xaxis.get_minor_formatter().format_ticks(minor.tolist())) == {""}
    assert len(ax.yaxis.get_minorticklocs()) == 0


def test_an_axis_grown_past_its_stated_ticks_gets_a_sensible_number_of_them():
    # ticks stated every 1 from 0 to 3, a point at 100: continuing every 1 would draw 100 ticks, and keeping
    # 0-3 with every 10th step after them crams four labels into the first tenth. One grid instead: every
    # 10th step from zero, and the grown end on a tick
    spec = ChartSpec(x_axis=Axis(ticks=[0, 1, 2, 3]), points=[Point(label="A", x=0, y=0), Point(label="B", x=100, y=1)])
    ax = render(spec, "page").axes[0]
    lo, hi = ax.get_xlim()
    locs = sorted(float(t) for t in ax.get_xticks() if lo <= t <= hi)
    assert 0 in locs and len(locs) <= MAX_TICKS + 2   # each end may move out to one more tick
    steps = {round(b - a, 9) for a, b in itertools.pairwise(locs)}
    assert len(steps) == 1 and steps.pop() % 1 == 0   # one step, a multiple of the stated one
    assert hi == locs[-1] >= 100


def test_stated_ticks_an_axis_has_not_outgrown_are_all_kept():
    spec = ChartSpec(x_axis=Axis(ticks=[0, 1, 2, 3]), points=[Point(label="A", x=0, y=0), Point(label="B", x=5, y=1)])
    locs = sorted(float(t) for t in render(spec, "page").axes[0].get_xticks())
    assert locs[:4] == [0, 1, 2, 3] and locs[-1] >= 5


def test_a_long_title_wraps_inside_a_column_figure():
    title = "Accuracy versus inference cost for every open and closed model evaluated on the benchmark"
    fig = render(ChartSpec(title=title, points=PTS), "column")
    drawn = fig.axes[0].title
    assert "\n" in drawn.get_text() and drawn.get_text().replace("\n", " ") == title
    fig.canvas.draw()
    box = drawn.get_window_extent()
    assert box.x0 >= 0 and box.x1 <= fig.bbox.width and box.y1 <= fig.bbox.height


def test_legend_markers_are_as_large_as_the_plotted_ones():
    spec = ChartSpec(groups=[Group(name="G", color="blue", marker="s")],
                     points=[Point(label="A", x=1, y=2, group="G"), Point(label="B", x=2, y=3, group="G")])
    for size in ("column", "page", "slide"):
        ax = render(spec, size).axes[0]
        area = next(c for c in ax.collections if isinstance(c, PathCollection)).get_sizes()[0]
        handle = ax.get_legend().legend_handles[0]
        assert math.isclose(handle.get_markersize() ** 2, area)


def _legend_corner(ax):
    """Which quarter of the axes the legend's centre is in: ('upper'|'lower', 'left'|'right')."""
    ax.figure.canvas.draw()
    box, frame = ax.get_legend().get_window_extent(), ax.get_window_extent()
    cx, cy = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
    vertical = "upper" if cy > (frame.y0 + frame.y1) / 2 else "lower"
    return vertical, "right" if cx > (frame.x0 + frame.x1) / 2 else "left"


def test_a_stated_legend_position_is_kept_where_it_covers_nothing():
    groups = [Group(name="G", color="blue"), Group(name="H", color="gray")]
    pts = [Point(label="A", x=1, y=1, group="G"), Point(label="B", x=2, y=2, group="H"),
           Point(label="C", x=3, y=3, group="G")]   # a rising diagonal: upper left and lower right are free
    for stated, want in (("lower right", ("lower", "right")), ("upper left", ("upper", "left"))):
        ax = render(ChartSpec(groups=groups, points=pts, legend_position=stated), "page").axes[0]
        assert _legend_corner(ax) == want
    # stated over the points (upper right holds C): the legend moves to a clear corner instead
    ax = render(ChartSpec(groups=groups, points=pts, legend_position="upper right"), "page").axes[0]
    assert _legend_corner(ax) != ("upper", "right")
    fig = render(ChartSpec(groups=groups, points=pts, legend_position="outside right"), "page")
    fig.canvas.draw()
    assert fig.axes[0].get_legend().get_window_extent().x0 > fig.axes[0].get_window_extent().x1


def test_one_number_format_per_axis():
    spec = ChartSpec(x_axis=Axis(ticks=[0.5, 1, 1.5, 2]), y_axis=Axis(ticks=[0, 5000, 10000]),
                     points=[Point(label="A", x=0.5, y=0), Point(label="B", x=2, y=10000)])
    ax = render(spec, "page").axes[0]
    assert _names(ax.xaxis) == ["0.5", "1.0", "1.5", "2.0"]
    assert _names(ax.yaxis) == ["0", "5,000", "10,000"]


def test_ticks_continued_past_stated_labels_are_written_like_them():
    spec = ChartSpec(x_axis=Axis(scale="log", ticks=[1, 10], tick_labels=["1B", "10B"]),
                     points=[Point(label="A", x=1, y=0), Point(label="B", x=900, y=1)])
    names = _names(render(spec, "page").axes[0].xaxis)
    assert names[:2] == ["1B", "10B"] and "100B" in names and all(n.endswith("B") for n in names)


def test_continued_ticks_keep_the_stated_labels_decimals_or_their_shortness():
    # "$0.1, $1, $10, $100" are each as short as they go: the next is "$1000", not "$1000.0"
    short = ChartSpec(x_axis=Axis(scale="log", ticks=[0.1, 1, 10, 100], tick_labels=["$0.1", "$1", "$10", "$100"]),
                      points=[Point(label="A", x=0.1, y=0), Point(label="B", x=260, y=1)])
    assert _names(render(short, "page").axes[0].xaxis)[-1] == "$1000"
    # "0.5, 1.0, 1.5" share one decimal: so does the next
    fixed = ChartSpec(x_axis=Axis(ticks=[0.5, 1.0, 1.5], tick_labels=["0.5", "1.0", "1.5"]),
                      points=[Point(label="A", x=0.5, y=0), Point(label="B", x=2.4, y=1)])
    assert "2.0" in _names(render(fixed, "page").axes[0].xaxis)


def _on_a_tick(v):
    mantissa = v / 10 ** math.floor(math.log10(v) + 1e-12)
    return math.isclose(mantissa, round(mantissa), rel_tol=1e-9)


def test_an_open_log_end_moves_out_to_a_near_minor_tick_not_a_far_one():
    near = ChartSpec(x_axis=Axis(scale="log"), points=[Point(label="A", x=0.06, y=0), Point(label="B", x=90, y=1)])
    lo, _ = render(near, "page").axes[0].get_xlim()
    assert _on_a_tick(lo) and 0.03 < lo < 0.06   # 0.06 less 4% padding is 0.045: the axis starts at 0.04
    far = ChartSpec(x_axis=Axis(scale="log"), points=[Point(label="A", x=4, y=0), Point(label="B", x=100, y=1)])
    _, hi = render(far, "page").axes[0].get_xlim()
    assert 100 < hi < 150 and not _on_a_tick(hi)   # the next tick, 200, would add a blank band: the end stays


def test_an_open_axis_end_moves_out_to_the_next_tick_a_stated_one_stays():
    pts = [Point(label="A", x=0, y=12), Point(label="B", x=1, y=74)]
    ax = render(ChartSpec(y_axis=Axis(ticks=[10, 20, 30, 40, 50, 60, 70]), points=pts), "page").axes[0]
    assert ax.get_ylim()[1] == 80 and 80 in ax.get_yticks()   # 74 + padding: the axis ends on the next tick
    ax = render(ChartSpec(y_axis=Axis(ticks=[10, 40, 70], max=100), points=pts), "page").axes[0]
    assert ax.get_ylim()[1] == 100   # the text says where the axis ends
    ax = render(ChartSpec(points=[Point(label="A", x=0.3, y=12), Point(label="B", x=9.6, y=74)]), "page").axes[0]
    lo, hi = ax.get_xlim()
    assert lo in ax.get_xticks() and hi in ax.get_xticks()   # automatic ticks: both ends on one


def test_simple_scripts_are_drawn_as_such_and_the_spec_keeps_the_text():
    spec = ChartSpec(title="κ vs. E_g", x_axis=Axis(label="Band gap E_g (eV)"), y_axis=Axis(label="Flux (cm^-2 s^-1)"),
                     groups=[Group(name="Q4_K_M"), Group(name="Price ($)")],
                     points=[Point(label="A", x=1, y=1, group="Q4_K_M"), Point(label="B", x=2, y=2, group="Price ($)"),
                             Point(label="C", x=3, y=2.5, group="Q4_K_M")],
                     trend_lines=[TrendLine(label="L ∝ C^−0.094")])
    fig = render(spec, "page")
    ax = fig.axes[0]
    assert ax.get_xlabel() == "Band gap E$_{g}$ (eV)" and ax.get_ylabel() == "Flux (cm$^{-2}$ s$^{-1}$)"
    assert ax.get_title() == "κ vs. E$_{g}$"
    names = [t.get_text() for t in ax.get_legend().get_texts()]
    # a quantisation name is no subscript; a "$" of the text's own is drawn as a "$"; the fit's exponent is raised
    assert names == ["Q4_K_M", "Price (\\$)", "L ∝ C$^{-0.094}$"]
    fig.canvas.draw()   # every one of them draws (mathtext parses)
    assert spec.x_axis.label == "Band gap E_g (eV)"
