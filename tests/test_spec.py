"""The spec states the whole figure: every colour and marker resolved, only drawable colours and markers, only
trend lines that can be drawn (docs/spec.md, "The spec states the whole figure")."""
from __future__ import annotations

import pytest

from redraw.colors import DEFAULT_COLORS, HIGHLIGHT_COLOR, LINE_COLOR, drawable
from redraw.parse import parse, read, spec_from_json
from redraw.parse.vocab import COLORS
from redraw.render import figure_bytes, render
from redraw.render.style import color
from redraw.spec import MARKERS, ChartSpec, Group, Point, ReferenceLine, TrendLine
from tests.conftest import FIGURES

TEXT = """Scatter plot. X-axis: Params (B). Y-axis: Score. A dashed trend line is fitted to the non-highlighted points.
A horizontal reference line at 50 marks chance.

### Open models (green squares)
- **Alpha:** (1, 40)

### Closed models (triangles)
- **Beta:** (2, 45)
- **Gamma:** (3, 47)

### Ours
- **Mine:** (5, 60), red star

Also shown: **Delta** at (4, 52).
"""


@pytest.mark.parametrize("path", FIGURES, ids=[p.stem for p in FIGURES])
def test_a_parsed_spec_states_every_colour_and_marker(path):
    spec = parse(path.read_text(encoding="utf-8"), path.name)
    assert all(p.color and p.marker for p in spec.points)
    assert all(g.color and g.marker for g in spec.groups)
    assert all(t.color for t in spec.trend_lines) and all(r.color for r in spec.reference_lines)
    assert spec.resolved() is spec   # nothing left open: resolving again is the same spec


def test_what_the_text_states_is_kept_and_the_house_look_fills_the_rest():
    stated, spec = read(TEXT), parse(TEXT)
    for s, p in zip(stated.points, spec.points, strict=True):
        assert p.color == (s.color or p.color) and p.marker == (s.marker or p.marker)   # stated values untouched
    groups = {g.name: g for g in spec.groups}
    assert (groups["Open models"].color, groups["Open models"].marker) == ("green", "s")
    # the first default, blue, for the unstyled group (green is the text's: a default skips its hue) ...
    assert (groups["Closed models"].color, groups["Closed models"].marker) == (DEFAULT_COLORS[0], "^")
    by = {p.label: p for p in spec.points}
    assert by["Beta"].group == "Closed models" and read(TEXT).points[1].color is None
    assert (by["Beta"].color, by["Beta"].marker) == (DEFAULT_COLORS[0], "^")   # a point takes its group's look
    # ... and the next free one, orange, for the points of no group, as circles
    assert (by["Delta"].color, by["Delta"].marker) == (DEFAULT_COLORS[1], "o")
    assert by["Mine"].highlight and (by["Mine"].color, by["Mine"].marker) == ("red", "*")
    assert all(t.color == LINE_COLOR for t in spec.trend_lines)
    assert all(r.color == LINE_COLOR for r in spec.reference_lines)


def test_a_default_colour_never_takes_a_stated_hue():
    spec = ChartSpec(groups=[Group(name="A"), Group(name="B", color="navy"), Group(name="C", color="darkorange")],
                     points=[Point(label="a", x=1, y=1, group="A"), Point(label="b", x=2, y=2)]).resolved()
    # blue (navy) and orange are the text's: group A takes green, the loose point the next, purple
    assert spec.groups[0].color == DEFAULT_COLORS[2] and spec.points[1].color == DEFAULT_COLORS[3]


def test_a_highlighted_point_takes_only_what_its_group_states():
    spec = ChartSpec(groups=[Group(name="A"), Group(name="B", color="navy")],
                     points=[Point(label="a", x=1, y=1, group="A", highlight=True),
                             Point(label="b", x=2, y=2, group="B", highlight=True)]).resolved()
    a, b = spec.points
    assert (a.color, a.marker) == (HIGHLIGHT_COLOR, "*")   # not group A's default blue circle
    assert (b.color, b.marker) == ("navy", "*")


def test_resolving_copies_and_is_idempotent():
    bare = ChartSpec(points=[Point(label="a", x=1, y=1), Point(label="b", x=2, y=3)],
                     trend_lines=[TrendLine()], reference_lines=[ReferenceLine(axis="y", value=2)])
    once = bare.resolved()
    assert bare.points[0].color is None and once is not bare   # the caller's spec is not changed
    assert once.resolved() is once and once.model_copy(deep=True).fill_open() == once


def test_a_hand_written_spec_draws_as_its_resolved_json():
    """render() resolves what is open: the figure of a spec with nulls is the figure of its NAME.json."""
    bare = ChartSpec(groups=[Group(name="G")], points=[Point(label="a", x=1, y=1, group="G"),
                                                      Point(label="b", x=2, y=3, highlight=True)])
    again = spec_from_json(bare.resolved().to_json())
    assert figure_bytes(render(bare, "column"), "png") == figure_bytes(render(again, "column"), "png")


def test_editing_a_colour_in_the_json_draws_that_colour():
    spec = parse(TEXT)
    spec.points[0].color = "#0a0b0c"
    fig = render(spec_from_json(spec.to_json()))
    faces = {tuple(round(v, 3) for v in c[:3]) for coll in fig.axes[0].collections for c in coll.get_facecolors()}
    assert (round(10 / 255, 3), round(11 / 255, 3), round(12 / 255, 3)) in faces


@pytest.mark.parametrize("name", sorted(set(COLORS.values())))
def test_every_colour_the_parser_writes_can_be_drawn(name):
    assert drawable(name)
    color(name)   # raises on a name matplotlib does not know


@pytest.mark.parametrize("phrase,hue", [("vivid red", "red"), ("soft teal", "teal"), ("medium orange", "orange")])
def test_a_shade_matplotlib_lacks_is_drawn_in_its_hue(phrase, hue):
    spec = read(f"Scatter plot.\n\n- **A:** (1, 2), a {phrase} circle\n- **B:** (2, 3)\n")
    assert spec.points[0].color == hue


@pytest.mark.parametrize("name", ["purple", "Dark Blue", "dark-blue", "#abc", "#A1B2C3", "#a1b2c3d4", "pale green",
                                  "xkcd:mauve"])
def test_drawable_colours(name):
    assert drawable(name)
    Point(label="a", x=1, y=1, color=name)
    color(name)


@pytest.mark.parametrize("name", ["blurple", "#12345", "vivid red", "", "tab:blue2"])
def test_unknown_colours_are_invalid(name):
    assert not drawable(name)
    with pytest.raises(ValueError, match="unknown colour"):
        Point(label="a", x=1, y=1, color=name)


def test_markers_are_matplotlib_codes():
    for code in MARKERS:
        Group(name="g", marker=code)
    for word in ("star", "circle", "O", "?"):
        with pytest.raises(ValueError, match="unknown marker"):
            Group(name="g", marker=word)


def test_an_unfittable_trend_line_is_left_out_with_a_warning():
    text = ("Scatter plot. A dotted regression line runs through the baselines (our model is not in the fit).\n\n"
            "- **A:** (1, 2)\n- **B:** (1, 3)\n- **C (ours):** (2, 4), red star\n")
    spec = parse(text)
    assert spec.trend_lines == []
    assert any("trend line is undefined" in w and "left out" in w for w in spec.warnings)
