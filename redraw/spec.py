"""The ChartSpec pydantic models: redraw's public data contract (../shared/SPEC.md). No parsing, no drawing."""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

LineStyle = Literal["solid", "dashed", "dotted", "dashdot"]
# NaN and infinity cannot be drawn: a spec holding one is invalid, with the field named
Finite = Annotated[float, Field(allow_inf_nan=False)]
# Up to this many points every label is drawn; beyond it only highlighted points are labelled
# (the parser warns). More labels than this cannot be placed legibly on any page.
LABEL_LIMIT = 250


class _Model(BaseModel):
    # extra="forbid": a typo in a hand-edited NAME.json fails loudly instead of being ignored.
    model_config = ConfigDict(extra="forbid")


class Axis(_Model):
    label: str | None = Field(None, description="verbatim axis title")
    scale: Literal["linear", "log"] = "linear"
    min: Finite | None = Field(None, description="lower end of the stated range")
    max: Finite | None = Field(None, description="upper end of the stated range")
    ticks: list[Finite] | None = Field(None, description="stated tick positions, in data units")
    tick_labels: list[str] | None = Field(None, description="tick labels as written")

    @model_validator(mode="after")
    def _one_label_per_tick(self) -> Axis:
        # a label list of another length (a hand-edited NAME.json) would put labels on the wrong ticks
        if self.tick_labels is not None and len(self.tick_labels) != len(self.ticks or []):
            raise ValueError(f"tick_labels has {len(self.tick_labels)} labels for {len(self.ticks or [])} ticks; "
                             "give one label per tick, or none")
        return self


class Point(_Model):
    label: str = Field(description='verbatim name; "" for a point the description gives no name (drawn unlabelled)')
    x: Finite
    y: Finite
    color: str | None = None
    marker: str | None = Field(None, description='matplotlib marker code: "o", "*", "s", ...')
    group: str | None = None
    highlight: bool = False


class Group(_Model):
    name: str
    color: str | None = None
    marker: str | None = None


class TrendLine(_Model):
    points: list[str] | None = Field(None, description="labels fitted; null = all non-highlighted")
    fit: Literal["linear"] = "linear"
    start: tuple[Finite, Finite] | None = None
    end: tuple[Finite, Finite] | None = None
    color: str | None = None
    style: LineStyle = "dashed"
    label: str | None = None


class ReferenceLine(_Model):
    axis: Literal["x", "y"]
    value: Finite
    color: str | None = None
    style: LineStyle = "dashed"
    label: str | None = None


LegendPosition = Literal["upper left", "upper center", "upper right", "center left", "center right", "lower left",
                         "lower center", "lower right", "outside right"]


class ChartSpec(_Model):
    version: Literal[1] = 1
    kind: Literal["scatter"] = "scatter"
    title: str | None = Field(None, description="the chart's own title; null when none is stated")
    caption: str | None = Field(None, description="the description's own heading")
    x_axis: Axis = Field(default_factory=Axis)
    y_axis: Axis = Field(default_factory=Axis)
    points: list[Point] = Field(default_factory=list)
    groups: list[Group] = Field(default_factory=list)
    trend_lines: list[TrendLine] = Field(default_factory=list)
    reference_lines: list[ReferenceLine] = Field(default_factory=list)
    legend_position: LegendPosition | None = Field(None, description=(
        "where the text puts the legend; null lets the renderer choose a corner clear of points and lines"))
    warnings: list[str] = Field(default_factory=list)
    doubts: list[str] = Field(default_factory=list, description=(
        "what the parser believes may make the figure wrong (points far outside the stated axes, far fewer "
        "points read than the text speaks of); the CLI prints each, and --strict refuses the file"))

    def to_json(self) -> str:
        """The canonical JSON text (what NAME.json holds)."""
        return self.model_dump_json(indent=2) + "\n"
