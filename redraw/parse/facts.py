"""What the rules find, each with its source line, before it is reconciled into a ChartSpec."""
from __future__ import annotations

from dataclasses import dataclass, field

from .values import Num

# the warning of a point read from a sentence (the assembler weighs such points less than a list's rows)
PROSE_NOTE = "read from a sentence, not a list or table; x and y assigned by the words around them"


@dataclass(slots=True)
class AxisFact:
    """Everything stated about one axis; numbers stay raw until the axis unit is known."""

    label: str | None = None
    key_label: str | None = None      # from the key's brackets ("X-axis (Total Cost $): ..."); if no label
    guess_label: str | None = None    # from prose ("model size on the x-axis"); used only if no label
    scale: str | None = None          # "log" | "linear" as stated
    lo: Num | None = None
    hi: Num | None = None
    ticks: list[Num] = field(default_factory=list)
    ticks_go_on: bool = False         # "35.0, 37.5, 40.0, etc.": continued by their step over the range
    step: Num | None = None           # "ticks every 5"
    step_from: Num | None = None      # "... from 40 to 65"
    step_to: Num | None = None
    decades: bool = False             # "ticks every decade", "at each power of ten"
    unit: float | None = None         # 1e9 when the label says "(B)" / "(billions)"
    line: int = 0
    tick_line: int = 0                # where the ticks or range are stated (warnings about them cite it)
    restated: list[tuple[int, str]] = field(default_factory=list)  # (line, what) a later statement said otherwise

    @property
    def title(self) -> str:
        """The best title known so far, for matching words against ("" if none)."""
        return self.label or self.key_label or self.guess_label or ""


@dataclass(slots=True)
class PointFact:
    label: str
    x: Num
    y: Num
    line: int
    color: str | None = None          # stated for this point itself
    marker: str | None = None
    group: str | None = None          # stated group (table column, JSON key)
    ctx_color: str | None = None      # from the section or list it sits in
    ctx_marker: str | None = None
    ctx_group: str | None = None
    ours: bool = False                # the point's own text says it is ours
    ctx_ours: bool = False            # its section says so
    unnamed: bool = False             # named only by its series ("- (0.58, 10³)" under "### SNN")
    x_unit: float | None = None       # unit of a table column ("Params (M)"), if any
    y_unit: float | None = None
    warnings: list[str] = field(default_factory=list)
    origin: str = ""                  # the table or list it is a row of: two rows of one table are two points
    beyond: bool = False              # its own text says it lies outside the axes ("far above the plotted range")
    quoted: bool = False              # the label as the text quotes the chart's own ('labeled "Cmpd 22 (lead)"')


@dataclass(slots=True)
class GroupFact:
    name: str
    color: str | None
    marker: str | None
    line: int
    focus: bool = False  # the legend says its points are the chart's subject ("..., the scenario the review is about")
    keyed: bool = False  # named by the key itself (a legend list), not by a sentence about the points


@dataclass(slots=True)
class TrendFact:
    line: int
    style: str | None = None
    color: str | None = None
    names: list[str] | None = None    # point labels the text lists
    group_ref: str | None = None      # "the three HydraNet points", "one per family"
    start: tuple[Num, Num] | None = None
    end: tuple[Num, Num] | None = None
    label: str | None = None
    new: bool = False                 # "a fourth line": never merged into an earlier one
    with_ours: bool = False           # "through all seven points (including ours)": the highlighted ones too
    text: str = ""                    # the clause, to find a group it names ("fitted to the diffusion policies")
    announced: bool = False           # "Two dashed lines form the volcano": counted, said again line by line later?
    group_color: bool = False         # "drawn in the family colour": its group's colour, known once points are read


@dataclass(slots=True)
class CorrectionFact:
    """"Correction: the Ours marker itself is at about 50.5%": a later value for one coordinate of a point."""
    label: str | None                 # the point's label as the sentence names it; None: the highlighted point
    values: tuple[Num, ...]           # one value (its axis decided later) or an (x, y) pair
    old: Num | None                   # the value it replaces, when stated ("not at 1.9×")
    line: int
    text: str                         # the sentence, to match the value's words against the axis titles


@dataclass(slots=True)
class RefFact:
    axis: str
    value: Num
    line: int
    style: str | None = None
    color: str | None = None
    label: str | None = None


@dataclass(slots=True)
class DefaultStyle:
    """"All points are blue circles" (scope all) / "every other model is a blue circle" (others) /
    "six are blue circles" (color: the points of that colour) / 'plots whose id starts with "I-" are blue
    squares' (prefix: the points whose label starts with `prefix`) / "except the two 2022 points, drawn as larger
    red diamonds" (word: the points whose label holds `prefix` as a word; `highlight` when they are set apart)."""

    scope: str
    color: str | None
    marker: str | None
    line: int
    prefix: str = ""
    highlight: bool = False


@dataclass(slots=True)
class LabelStyle:
    """A style stated for a label apart from its coordinates: '"Ours" (represented by a red star)',
    '**Red**: Claude 3 Opus, GPT-4, Claude 2', '1. **SWE-Gym** (Red circle)'."""

    label: str
    color: str | None
    marker: str | None
    line: int
    highlight: bool = False           # "Nikola Jokić highlighted as a gold star"
    group: str | None = None          # "The North American cities are Houston and Phoenix"
