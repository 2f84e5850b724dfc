"""What the figure draws, read from its artists: colour, marker and size of every point, the
highlighted point, legend placement and label font sizes. Strict where image comparisons at
tolerance 2 are not: a palette shade or a marker 17% smaller changes a number here."""
from __future__ import annotations

import numpy as np
import pytest
from matplotlib.collections import PathCollection
from matplotlib.colors import to_hex
from matplotlib.text import Annotation

from redraw.render import render
from redraw.render.labels import NUMBER_GID, shown_labels
from redraw.spec import ChartSpec, Group, Point
from tests.test_overlap import _synthetic

# The house look, written out here on purpose (not imported from redraw.render.style): a change to the
# palette or the marker sizes must be made in both places, knowingly.
PALETTE = {"red": "#d62728", "blue": "#1f77b4", "green": "#2ca02c", "gray": "#7f7f7f", "orange": "#ff7f0e"}
HIGHLIGHT = "#d62728"
# a group with no colour: the first default whose hue no group's stated colour has (blue, then orange, green,
# purple, ...; here red, blue and green are stated)
UNSTYLED = "#ff7f0e"
# marker area in points^2: (plain circle, highlighted star) per size preset
AREAS = {"column": (18, 90), "page": (36, 180), "slide": (70, 320)}
INK = {"o": 1.0, "^": 1.35, "s": 0.85, "D": 0.75}


def drawn(fig):
    """{label: (face colour, area, zorder)} for every point, matched through its data position."""
    ax = fig.axes[0]
    out = {}
    for coll in ax.collections:
        if not isinstance(coll, PathCollection):
            continue
        offsets, faces = coll.get_offsets(), coll.get_facecolors()
        sizes = np.broadcast_to(coll.get_sizes(), (len(offsets),))
        for (x, y), face, size in zip(offsets, faces, sizes, strict=True):
            out[(float(x), float(y))] = (to_hex(face), float(size), coll.get_zorder())
    return out


def spec_with_groups() -> ChartSpec:
    groups = [Group(name="Red ones", color="red", marker="o"), Group(name="Blue ones", color="blue", marker="^"),
              Group(name="Green ones", color="green", marker="s"), Group(name="Unnamed", marker="D")]
    points = [Point(label=f"{g.name} {k}", x=1 + i + k / 4, y=10 + 5 * i + k, group=g.name)
              for i, g in enumerate(groups) for k in range(2)]
    points.append(Point(label="Ours", x=7, y=40, highlight=True))
    return ChartSpec(groups=groups, points=points)


@pytest.mark.parametrize("size", ["column", "page", "slide"])
def test_colour_marker_and_size_of_every_point(size):
    spec = spec_with_groups()
    got = drawn(render(spec, size))
    circle, star = AREAS[size]
    expect_color = {"Red ones": PALETTE["red"], "Blue ones": PALETTE["blue"], "Green ones": PALETTE["green"],
                    "Unnamed": UNSTYLED}
    marker = {g.name: g.marker for g in spec.groups}
    assert len(got) == len(spec.points)
    for p in spec.points:
        face, area, z = got[(p.x, p.y)]
        if p.highlight:
            assert (face, z) == (HIGHLIGHT, 4.0), p.label
            assert area == pytest.approx(star), p.label
        else:
            assert (face, z) == (expect_color[p.group], 3.0), p.label
            assert area == pytest.approx(circle * INK[marker[p.group]]), p.label


def test_highlighted_star_is_five_circles_of_ink():
    spec = ChartSpec(points=[Point(label="base", x=1, y=1), Point(label="ours", x=2, y=2, highlight=True)])
    got = drawn(render(spec))
    assert got[(2.0, 2.0)][1] / got[(1.0, 1.0)][1] == pytest.approx(5.0)


def test_point_colour_overrides_its_group_and_a_plain_star_is_heavier():
    spec = ChartSpec(groups=[Group(name="G", color="blue")],
                     points=[Point(label="a", x=1, y=1, group="G", color="orange"),
                             Point(label="b", x=2, y=2, group="G", marker="*"),
                             Point(label="c", x=3, y=3, color="gray")])
    got = drawn(render(spec))
    assert got[(1.0, 1.0)][0] == PALETTE["orange"]
    assert got[(2.0, 2.0)][:2] == (PALETTE["blue"], pytest.approx(36 * 2.2))  # a star's thin ink, made up
    assert got[(3.0, 3.0)][0] == PALETTE["gray"]


def test_legend_handles_match_the_points_they_name():
    spec = spec_with_groups()
    fig = render(spec)
    legend = fig.axes[0].get_legend()
    names = [t.get_text() for t in legend.get_texts()]
    # the highlighted point of no group ("Ours") is named beside its star, not in the legend: a legend lists the
    # text's legend entries (d06: "The model highlighted in red has no legend entry")
    assert names == ["Red ones", "Blue ones", "Green ones", "Unnamed"]
    colours = [to_hex(h.get_color()) for h in legend.legend_handles]
    assert colours == [PALETTE["red"], PALETTE["blue"], PALETTE["green"], UNSTYLED]


def _extent(artist, fig):
    return artist.get_window_extent(fig.canvas.get_renderer()).extents


def _points_px(fig, spec):
    return fig.axes[0].transData.transform([[p.x, p.y] for p in spec.points])


def test_legend_takes_the_first_corner_free_of_points():
    # points only along the left edge: upper left is taken, upper right is free
    spec = ChartSpec(groups=[Group(name="A", color="blue"), Group(name="B", color="red")],
                     points=[Point(label=f"p{i}", x=0, y=i, group="AB"[i % 2]) for i in range(10)]
                     + [Point(label="far", x=10, y=0, group="A")])
    fig = render(spec)
    fig.canvas.draw()
    ax = fig.axes[0]
    lx0, ly0, lx1, ly1 = _extent(ax.get_legend(), fig)
    fx0, fy0, fx1, fy1 = _extent(ax, fig)
    assert fx0 + (fx1 - fx0) / 2 < lx0 and lx1 <= fx1 and ly1 <= fy1 and ly0 > fy0 + (fy1 - fy0) / 2  # upper right
    for x, y in _points_px(fig, spec):
        assert not (lx0 - 12 < x < lx1 + 12 and ly0 - 12 < y < ly1 + 12)


def test_legend_moves_outside_when_every_corner_covers_points():
    grid = [(x, y) for x in range(9) for y in range(9)]
    spec = ChartSpec(groups=[Group(name="Alpha", color="blue"), Group(name="Beta", color="red")],
                     points=[Point(label=f"{x},{y}", x=x, y=y, group="Alpha" if (x + y) % 2 else "Beta")
                             for x, y in grid])
    fig = render(spec)
    fig.canvas.draw()
    ax = fig.axes[0]
    legend = ax.get_legend()
    lx0, _, lx1, ly1 = _extent(legend, fig)
    _, _, fx1, fy1 = _extent(ax, fig)
    assert lx0 > fx1  # right of the axes, not over them
    assert lx1 <= fig.bbox.width and ly1 == pytest.approx(fy1, abs=1.0)  # inside the figure, level with the top
    alone = render(spec.model_copy(update={"groups": []}))  # the same chart without a legend
    assert ax.get_position().width < alone.axes[0].get_position().width - (lx1 - lx0) / fig.bbox.width


def test_crowded_labels_give_way_to_numbers_not_to_smaller_type():
    spec = _synthetic(45, log=True)
    fig = render(spec, "column")  # 45 labels on a 3.5 in figure
    beside = [a for a in fig.axes[0].texts if isinstance(a, Annotation)]
    key = [t.get_text() for t in fig.texts if t.get_gid() == NUMBER_GID]
    numbers = [a.get_text() for a in beside if a.get_gid() == NUMBER_GID]
    assert {a.get_fontsize() for a in beside} == {5.5}  # the column preset's label font, for every label
    assert 0 < len(numbers) < 35  # some points had no room for their name (28 of 45 on 2026-12-01) ...
    assert sorted(numbers, key=int) == [str(n) for n in range(1, len(numbers) + 1)]
    assert key == [str(n) for n in range(1, len(numbers) + 1)]  # ... and the key names each one
    assert sorted(shown_labels(fig)) == sorted(p.label for p in spec.points)
    assert fig.get_size_inches()[1] > 2.8  # the figure grew by the key's height


def test_a_point_the_text_leaves_unnamed_is_drawn_without_a_label():
    spec = ChartSpec(points=[Point(label="Named", x=1, y=1), Point(label="", x=2, y=2, color="gray"),
                             Point(label="", x=3, y=1.5, color="gray")])
    fig = render(spec)
    texts = [a.get_text() for a in fig.axes[0].texts if isinstance(a, Annotation)]
    assert texts == ["Named"]
    assert len(drawn(fig)) == 3  # all three markers are drawn
