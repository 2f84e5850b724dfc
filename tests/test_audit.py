"""The figure audit itself (redraw.render.audit): each kind of defect, made on purpose, is caught."""
from __future__ import annotations

from matplotlib.text import Annotation

from redraw.render import render
from redraw.render.audit import audit
from redraw.render.labels import draw_leaders
from redraw.spec import ChartSpec, Point, ReferenceLine


def _spread(**extra: object) -> ChartSpec:
    return ChartSpec(points=[Point(label="A", x=0, y=0), Point(label="B", x=10, y=10), Point(label="C", x=0, y=10),
                             Point(label="D", x=10, y=0), Point(label="E", x=5, y=5)], **extra)


def _move(fig, name, at, leader=False):
    """Draw label `name` again with its text centred on data point `at` (a leader to its point if asked, drawn
    as redraw draws leaders: a segment in pt from the point, in the figure's leader collection)."""
    ax = fig.axes[0]
    old = next(t for t in ax.texts if isinstance(t, Annotation) and t.get_text() == name)
    old.remove()
    ax.annotate(name, old.xy, xytext=at, textcoords="data", ha="center", va="center", annotation_clip=False)
    if leader:
        (x0, y0), (x1, y1) = ax.transData.transform([old.xy, at])
        pt = 72 / fig.dpi
        draw_leaders(fig, ax, [(old.xy, (0.0, 0.0, (x1 - x0) * pt, (y1 - y0) * pt))])


def test_a_clean_figure_has_no_defect():
    assert audit(render(_spread(), "page")) == []


def test_a_label_over_a_marker_is_caught():
    fig = render(_spread(), "page")
    _move(fig, "A", (0, 0))
    assert any(d.startswith("collision: label 'A' covers a marker") for d in audit(fig))


def test_a_line_through_a_label_is_caught():
    fig = render(_spread(reference_lines=[ReferenceLine(axis="y", value=5)]), "page")
    _move(fig, "A", (5, 5))
    assert "crossing: a line runs through label 'A'" in audit(fig)


def test_crossing_leaders_and_a_leader_through_a_marker_are_caught():
    fig = render(_spread(), "page")
    _move(fig, "A", (7, 6), leader=True)    # A's leader runs up right, C's down right: they cross
    _move(fig, "C", (7, 4), leader=True)
    _move(fig, "D", (5, 1), leader=True)    # D's leader runs left, past nothing
    _move(fig, "B", (2, 2), leader=True)    # B's leader runs down left, through E's marker
    found = audit(fig)
    assert "crossing: the leaders of 'A' and 'C' cross" in found
    assert any(f.startswith("crossing: the leader of 'B' runs through a marker") for f in found)
    assert not any("'D'" in f for f in found)


def test_a_label_nearer_another_point_is_caught():
    fig = render(_spread(), "page")
    _move(fig, "A", (8.8, 9.4))  # beside B, no leader
    assert "astray: label 'A' is nearer another marker than its own" in audit(fig)
    _move(fig, "A", (8.8, 9.4), leader=True)
    assert not any(f.startswith("astray") for f in audit(fig))
