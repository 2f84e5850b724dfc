"""The ChartSpec pydantic models: redraw's public data contract (../shared/SPEC.md). No parsing, no drawing."""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from .colors import DEFAULT_COLORS, HIGHLIGHT_COLOR, LINE_COLOR, color_family, drawable
from .limits import MAX_GROUPS, MAX_LABEL_CHARS, MAX_LINES, MAX_POINTS, MAX_TICKS, MAX_TITLE_CHARS


def _drawable(name: str) -> str:
    if not drawable(name):
        raise ValueError(f"unknown colour {name!r}: give a CSS colour name (\"purple\", \"darkblue\"), a shade "
                         "(\"pale green\") or a hex code (\"#1f77b4\")")
    return name


# a colour the renderer can draw; an unknown one is an error, never drawn as some other colour
Color = Annotated[str, AfterValidator(_drawable)]
# matplotlib marker codes: circle, star, square, triangles, diamonds, crosses, pentagon, hexagons, octagon, dot
MARKERS = ("o", "*", "s", "^", "v", "<", ">", "D", "d", "x", "+", "X", "P", "p", "h", "H", "8", ".")


def _known_marker(code: str) -> str:
    if code not in MARKERS:
        raise ValueError(f"unknown marker {code!r}: give a matplotlib marker code, one of {' '.join(MARKERS)}")
    return code


Marker = Annotated[str, AfterValidator(_known_marker), Field(json_schema_extra={"enum": list(MARKERS)})]
LineStyle = Literal["solid", "dashed", "dotted", "dashdot"]
# NaN and infinity cannot be drawn: a spec holding one is invalid, with the field named
Finite = Annotated[float, Field(allow_inf_nan=False)]
# Bounds on what one spec holds (redraw/limits.py): the cost of drawing any valid spec stays small
Label = Annotated[str, Field(max_length=MAX_LABEL_CHARS)]
Title = Annotated[str, Field(max_length=MAX_TITLE_CHARS)]
# Up to this many points every label is drawn; beyond it only highlighted points are labelled
# (the parser warns). More labels than this cannot be placed legibly on any page.
LABEL_LIMIT = 250


class _Model(BaseModel):
    # extra="forbid": a typo in a hand-edited NAME.json fails loudly instead of being ignored.
    model_config = ConfigDict(extra="forbid")


class Axis(_Model):
    label: Title | None = Field(None, description="verbatim axis title")
    scale: Literal["linear", "log"] = "linear"
    min: Finite | None = Field(None, description="lower end of the stated range")
    max: Finite | None = Field(None, description="upper end of the stated range")
    ticks: list[Finite] | None = Field(None, max_length=MAX_TICKS, description="stated tick positions, in data units")
    tick_labels: list[Label] | None = Field(None, max_length=MAX_TICKS, description="tick labels as written")

    @model_validator(mode="after")
    def _one_label_per_tick(self) -> Axis:
        # a label list of another length (a hand-edited NAME.json) would put labels on the wrong ticks
        if self.tick_labels is not None and len(self.tick_labels) != len(self.ticks or []):
            raise ValueError(f"tick_labels has {len(self.tick_labels)} labels for {len(self.ticks or [])} ticks; "
                             "give one label per tick, or none")
        return self


class Point(_Model):
    label: Label = Field(description='verbatim name; "" for a point the description gives no name (drawn unlabelled)')
    x: Finite
    y: Finite
    color: Color | None = None
    marker: Marker | None = Field(None, description='matplotlib marker code: "o", "*", "s", ...')
    group: Label | None = None
    highlight: bool = False


class Group(_Model):
    name: Label
    color: Color | None = None
    marker: Marker | None = None


class TrendLine(_Model):
    points: list[Label] | None = Field(None, max_length=MAX_POINTS,
                                       description="labels fitted; null = all non-highlighted")
    fit: Literal["linear"] = "linear"
    start: tuple[Finite, Finite] | None = None
    end: tuple[Finite, Finite] | None = None
    color: Color | None = None
    style: LineStyle = "dashed"
    label: Label | None = None


class ReferenceLine(_Model):
    axis: Literal["x", "y"]
    value: Finite
    color: Color | None = None
    style: LineStyle = "dashed"
    label: Label | None = None


LegendPosition = Literal["upper left", "upper center", "upper right", "center left", "center right", "lower left",
                         "lower center", "lower right", "outside right"]


class ChartSpec(_Model):
    version: Literal[1] = 1
    kind: Literal["scatter"] = "scatter"
    title: Title | None = Field(None, description="the chart's own title; null when none is stated")
    caption: Title | None = Field(None, description="the description's own heading")
    x_axis: Axis = Field(default_factory=Axis)
    y_axis: Axis = Field(default_factory=Axis)
    points: list[Point] = Field(default_factory=list, max_length=MAX_POINTS)
    groups: list[Group] = Field(default_factory=list, max_length=MAX_GROUPS)
    trend_lines: list[TrendLine] = Field(default_factory=list, max_length=MAX_LINES)
    reference_lines: list[ReferenceLine] = Field(default_factory=list, max_length=MAX_LINES)
    legend_position: LegendPosition | None = Field(None, description=(
        "where the text puts the legend; null lets the renderer choose a corner clear of points and lines"))
    warnings: list[str] = Field(default_factory=list)
    alt_text: str | None = Field(None, description=(
        "what the figure shows, in words, for readers who cannot see it: written by redraw.parse from the spec "
        "itself (a spec read from JSON gets it anew, so it never disagrees with the points) and embedded in "
        "every figure file"))
    doubts: list[str] = Field(default_factory=list, description=(
        "what the parser believes may make the figure wrong (points far outside the stated axes, far fewer "
        "points read than the text speaks of); the CLI prints each, and --strict refuses the file"))

    @model_validator(mode="after")
    def _trend_lines_can_be_fitted(self) -> ChartSpec:
        # a line that cannot be drawn is not part of the figure: the parser drops it with a warning
        for i, line in enumerate(self.trend_lines):
            if not can_fit(self.points, line):
                raise ValueError(f"trend_lines.{i}: its points span fewer than two x values, so no line can be "
                                 "fitted; name two points or more at different x, or remove the line")
        return self

    def log_shown(self, which: Literal["x", "y"]) -> bool:
        """Whether an axis is drawn logarithmic: stated so, and every point and reference line on it positive
        (else it is drawn linear; the parser warns)."""
        axis = self.x_axis if which == "x" else self.y_axis
        if axis.scale != "log":
            return False
        return (all((p.x if which == "x" else p.y) > 0 for p in self.points)
                and all(r.value > 0 for r in self.reference_lines if r.axis == which))

    def resolved(self) -> ChartSpec:
        """This spec with the house look filled in where the text leaves it open, so that the spec states the
        whole figure (self when nothing is open; else a copy, see fill_open)."""
        complete = (all(g.color and g.marker for g in self.groups) and all(p.color and p.marker for p in self.points)
                    and all(t.color for t in self.trend_lines) and all(r.color for r in self.reference_lines))
        return self if complete else self.model_copy(deep=True).fill_open()

    def fill_open(self) -> ChartSpec:
        """Fill, in place, every colour and marker the text leaves open: groups take DEFAULT_COLORS in legend
        order, skipping the hues the text gives other groups, as circles; a point takes its group's colour and
        marker (a highlighted one only what its group states, else a red star; a point of no group the next
        default no group has, as a circle); lines are grey. Filling twice changes nothing."""
        stated = {g.name: (g.color, g.marker) for g in self.groups}
        # a default never takes the hue of a stated colour: an unstyled group must not pass for a "blue" one
        taken = {color_family(g.color) for g in self.groups if g.color}
        free = [c for c in DEFAULT_COLORS if color_family(c) not in taken] or DEFAULT_COLORS
        unstyled = 0
        for g in self.groups:
            if not g.color:
                g.color, unstyled = free[unstyled % len(free)], unstyled + 1
            g.marker = g.marker or "o"
        group_color = {g.name: g.color for g in self.groups}
        loose = free[unstyled % len(free)]   # the points of no group: a default no group has
        for p in self.points:
            color, marker = stated.get(p.group or "", (None, None))
            if p.highlight:
                p.color, p.marker = p.color or color or HIGHLIGHT_COLOR, p.marker or marker or "*"
            else:
                p.color = p.color or group_color.get(p.group or "") or loose
                p.marker = p.marker or marker or "o"
        for t in self.trend_lines:
            t.color = t.color or LINE_COLOR
        for r in self.reference_lines:
            r.color = r.color or LINE_COLOR
        return self

    def to_json(self) -> str:
        """The canonical JSON text (what NAME.json holds)."""
        return self.model_dump_json(indent=2) + "\n"


def labelled(points: list[Point]) -> list[int]:
    """The points whose labels are drawn (indices): every named point up to LABEL_LIMIT points; beyond, only the
    highlighted ones, and none when they too are more than LABEL_LIMIT."""
    shown = [i for i, p in enumerate(points) if p.label and (len(points) <= LABEL_LIMIT or p.highlight)]
    return shown if len(shown) <= LABEL_LIMIT else []


def unlabelled_note(points: list[Point]) -> str | None:
    """What the renderer leaves unlabelled past LABEL_LIMIT (`labelled`), as a warning for the spec (None if
    nothing)."""
    if len(points) <= LABEL_LIMIT:
        return None
    marked = sum(p.highlight and bool(p.label) for p in points)
    if marked and not labelled(points):
        return (f"{len(points)} points, {marked} of them highlighted: none is labelled, since more than {LABEL_LIMIT} "
                "labels cannot be placed legibly")
    return (f"{len(points)} points: only highlighted points are labelled, since more than {LABEL_LIMIT} labels "
            "cannot be placed legibly")


def fitted_points(points: list[Point], line: TrendLine) -> list[Point]:
    """The points a trend line is fitted to: those it names, else every point not highlighted."""
    names = set(line.points) if line.points is not None else None
    return [p for p in points if (p.label in names if names is not None else not p.highlight)]


def can_fit(points: list[Point], line: TrendLine) -> bool:
    """Whether a trend line can be fitted: its points span two x values or more."""
    return len({p.x for p in fitted_points(points, line)}) >= 2
