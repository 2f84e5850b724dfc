"""ParseState: the document, the facts the rules add, and the warnings they raise."""
from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..errors import RedrawError
from ..limits import MAX_POINTS
from .document import DRAWN_LINE_RE, NOTES_TITLE_RE, Block, Document
from .document import is_commentary_title as _is_commentary_title
from .facts import AxisFact, CorrectionFact, DefaultStyle, GroupFact, LabelStyle, PointFact, RefFact, TrendFact
from .vocab import MARKER_GLYPHS, first_marker

# (a remark's noun opens commentary, but not a name it begins: "Takeaway Tales: 80 episodes", "Remarks Weekly: 70")
_OPENER_RE = re.compile(r"^(?:(?:overall|in summary|taken together|in short|in conclusion)\b[:,. ]|"
                        r"(?:interpretation|observations?|notes?(?!\s+on\s+(?:the\s+)?(?:chart|figure|plot|axes|data|"
                        r"graph))|takeaways?|remarks?|comments?|caveats?|summary|analysis|insights?|findings?)\b"
                        r"(?:\s*[:,.—–]|\s+(?!(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?\s*:))|"
                        # "Reading: ..." comments; "Reading the points from left to right: X sits at ..." describes
                        r"reading\b[:,.])", re.IGNORECASE)

NUMBERED_PREFIX_RE = re.compile(r"^(?:data\s+)?(?:point|item|entry|marker|dot|no\.)\s*#?\d{1,3}\s*(?:[—–:]|\s-)\s*"
                                r"(?=\S)", re.IGNORECASE)


GLYPH_TAIL_RE = re.compile(r"\s*\(\s*([" + MARKER_GLYPHS + r"])\s*\)$")
SPELLED_OUT_RE = re.compile(r"([A-Z][A-Za-z]{1,6})\s*\(([A-Za-z][\w' -]{4,80})\)")
_MINOR_WORDS = frozenset(("of", "the", "and", "for", "in", "on", "to", "a", "an"))


def _initials(words: str) -> str:
    """ "Circumpolar Deep Water" -> "CDW", "Long Short-Term Memory" -> "LSTM" (hyphened parts count)."""
    return "".join(w[0] for w in re.split(r"[\s-]+", words) if w and w.lower() not in _MINOR_WORDS).upper()


REFLEXIVE_TAIL_RE = re.compile(r"(?<=\S)\s+(?:itself|himself|herself|themselves|alone)$")


@dataclass
class ParseState:
    doc: Document
    source: str | None = None
    title: str | None = None
    title_stated: bool = False
    caption: str | None = None
    axes: dict[str, AxisFact] = field(default_factory=lambda: {"x": AxisFact(), "y": AxisFact()})
    log_log: bool = False
    points: list[PointFact] = field(default_factory=list)
    groups: list[GroupFact] = field(default_factory=list)
    trends: list[TrendFact] = field(default_factory=list)
    refs: list[RefFact] = field(default_factory=list)
    defaults: list[DefaultStyle] = field(default_factory=list)
    label_styles: list[LabelStyle] = field(default_factory=list)
    rest_groups: list[tuple[str, int]] = field(default_factory=list)  # "the remaining five are rural": (group, line)
    legend_position: str | None = None   # "upper left", ..., "outside right": where the text puts the legend
    legend_names: list[str] = field(default_factory=list)  # names a legend prints: '"Base", "Instruct", "Ours"'
    corrections: list[CorrectionFact] = field(default_factory=list)
    highlight_colors: list[str] = field(default_factory=list)
    column_map: dict[str, str] = field(default_factory=dict)   # "gflops = x" -> {"gflops": "x"}
    warnings: list[str] = field(default_factory=list)
    # what a section's headers say about its points, read once per distinct context
    context_cache: dict[tuple[str, ...], tuple[str | None, str | None, str | None, bool]] = field(
        default_factory=dict)
    _facts: list[Block] | None = field(default=None, init=False, repr=False)
    _said: set[str] = field(default_factory=set, init=False, repr=False)   # the warnings, for a look-up in O(1)

    def add_points(self, points: Iterable[PointFact]) -> None:
        """Points a rule has read. Past MAX_POINTS the description is refused at once: no chart of so many points
        can be redrawn legibly, and reading the rest would only cost time."""
        for p in points:
            # "**Point 1 — ACT:** latency ~20 ms": the list's numbering is no part of the name
            p.label = NUMBERED_PREFIX_RE.sub("", p.label)
            # "Earth itself is shown for reference at (1, 1)", "GPT-4 alone reaches 86%": the word is no part of it
            p.label = REFLEXIVE_TAIL_RE.sub("", p.label)
            # "the Mouse (●) has a brain of about 0.42 g": the glyph in the bracket is its marker, not its name
            if (glyph := GLYPH_TAIL_RE.search(p.label)) is not None and p.label[: glyph.start()]:
                p.label, p.marker = p.label[: glyph.start()], p.marker or first_marker(glyph.group(1))
            # "CDW (Circumpolar Deep Water) at 1.9 °C": an acronym spelled out; the chart prints the acronym
            if (spelled := SPELLED_OUT_RE.fullmatch(p.label)) is not None and _initials(spelled.group(2)) == \
                    spelled.group(1).upper():
                p.label = spelled.group(1)
            self.points.append(p)
        if len(self.points) > MAX_POINTS:
            raise RedrawError(f"more than {MAX_POINTS:,} points: redraw draws at most {MAX_POINTS:,} in one chart",
                              self.source, self.points[-1].line)

    def warn(self, message: str, line: int | None = None) -> None:
        text = f"line {line}: {message}" if line else message
        if text not in self._said:
            self._said.add(text)
            self.warnings.append(text)

    def commentary(self, block: Block) -> bool:
        """True for blocks under "Key Observations", "Interpretation", "**Notes.**" and the like."""
        if block.commentary is None:
            block.commentary = self._commentary(block)
        return block.commentary

    def _commentary(self, block: Block) -> bool:
        # the description's first section is its opening, even when headed "Summary" or "Overview" (or by a line
        # that heads what follows, "Chart summary (scatter plot, FY2024):")
        first = self.doc.blocks[0] if self.doc.blocks else None
        opening = None if first is None else first.text if first.kind == "heading" else \
            first.text.rstrip(":. ") if first.kind == "paragraph" and (first.bold_only or first.text.endswith(":")) \
            else None
        # (the headings before any text all open it: "# Planet radius vs. period" then "## Figure summary")
        leading = {b.text for b in itertools.takewhile(lambda b: b.kind == "heading", self.doc.blocks)}
        if any(_is_commentary_title(c) and c != opening and c not in leading for c in block.context):
            # (but "Notes" may describe a line the chart draws: "A dotted gray vertical line at 300 Wh/kg ...")
            return not (any(NOTES_TITLE_RE.fullmatch(c.strip(" *:#.")) for c in block.context)
                        and DRAWN_LINE_RE.search(block.text) is not None)
        if block.kind == "heading":
            return block.text != opening and block.text not in leading and _is_commentary_title(block.text)
        if block.lead and block.kind == "paragraph" and _is_commentary_title(block.lead):
            return True
        return bool(_OPENER_RE.match(block.text))

    def facts_blocks(self, *kinds: str) -> list[Block]:
        """Blocks of these kinds that describe the chart (not commentary), in order."""
        if self._facts is None:  # every rule asks; the answer is the same each time
            self._facts = [b for b in self.doc.blocks if not self.commentary(b)]
        return [b for b in self._facts if b.kind in kinds]
