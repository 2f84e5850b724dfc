"""ParseState: the document, the facts the rules add, and the warnings they raise."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .document import Block, Document
from .facts import AxisFact, DefaultStyle, GroupFact, PointFact, RefFact, TrendFact

# Sections that comment on the chart rather than describe it: they never create facts.
COMMENTARY_RE = re.compile(
    r"\b(observations?|interpretations?|summary|summar(y|ies) of|findings?|insights?|conclusions?|"
    r"takeaways?|discussion|trend analysis|analysis of trends|notes?|reading|implications?)\b",
    re.IGNORECASE)
_DATA_RE = re.compile(r"\b(data|points?|values|coordinates|table|legend|axes|axis)\b", re.IGNORECASE)
_OPENER_RE = re.compile(r"^(reading|overall|in summary|taken together|interpretation|observations?|"
                        r"note|notes|takeaway|in short|in conclusion)\b[:,. ]", re.IGNORECASE)


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
    highlight_colors: list[str] = field(default_factory=list)
    column_map: dict[str, str] = field(default_factory=dict)   # "gflops = x" -> {"gflops": "x"}
    warnings: list[str] = field(default_factory=list)

    def warn(self, message: str, line: int | None = None) -> None:
        text = f"line {line}: {message}" if line else message
        if text not in self.warnings:
            self.warnings.append(text)

    def commentary(self, block: Block) -> bool:
        """True for blocks under "Key Observations", "Interpretation", "**Notes.**" and the like."""
        if any(_is_commentary_title(c) for c in block.context):
            return True
        if block.kind == "heading":
            return _is_commentary_title(block.text)
        if block.lead and block.kind == "paragraph" and _is_commentary_title(block.lead):
            return True
        return bool(_OPENER_RE.match(block.text))

    def facts_blocks(self, *kinds: str) -> list[Block]:
        """Blocks of these kinds that describe the chart (not commentary), in order."""
        return [b for b in self.doc.blocks if b.kind in kinds and not self.commentary(b)]


def _is_commentary_title(title: str) -> bool:
    return bool(COMMENTARY_RE.search(title)) and not _DATA_RE.search(title)
