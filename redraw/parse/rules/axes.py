"""axes: label, scale, range, ticks and unit of the x and y axes, from items, keyed lines or prose."""
from __future__ import annotations

import math
import re
from itertools import pairwise

from ..document import Block
from ..facts import AxisFact
from ..state import ParseState
from ..text import strip_marks, top_level_index
from ..values import Num, is_range, lex, said_unit, stated_unit

AXIS_KEY_RE = re.compile(
    r"(?=[xhyvaoblus\s])(?:\b(?:(?P<x>x|horizontal)|(?P<y>y|vertical))(?:[\s_-]*axis(?:\s+(?:label|title))?\b|(?<=l)\s+one\b|"
    r"(?=\s+(?:range|scale|ticks?|limits?|title|label)(?:\s+(?:and|&)\s+(?:range|scale|ticks?|limits?))?"
    r"\s*(?::|[—–]\s)))|"  # "**Horizontal scale** — ...", "X range and ticks: 0 to 60, ..."
    # "Horizontal (x):", "X (horizontal):", "Y (left):"
    # "Along the bottom runs "Density"", "Up the side runs "Share (%)""
    r"\b(?P<xa>abscissa|horizontal\s*\(x\)|x\s*\((?:horizontal|bottom)\)|bottom\s+axis|"
    r"along\s+the\s+bottom(?:\s+edge)?(?=\s*(?::|[—–]\s)|\s+(?:runs?|is|are|sits?|shows?)\b))(?=\W)|"
    r"\b(?P<ya>ordinate|vertical\s*\(y\)|y\s*\((?:vertical|left)\)|(?:left(?:-hand)?|side)\s+axis|"
    r"(?:up|along)\s+the\s+(?:left\s+)?(?:side|edge)(?=\s*(?::|[—–]\s)|\s+(?:runs?|is|are|sits?|shows?)\b))(?=\W)|"
    # ('  horizontal "Head grade [g/t Au]" — linear, 0 to 8': a plain key, its title quoted after it)
    r"\b(?P<xh>horizontal(?:ly)?)(?=\s*(?::|[—–]\s)|\s+[\"“])|\b(?P<yv>vertical(?:ly)?)(?=\s*(?::|[—–]\s)|\s+[\"“])|"
    # "Horizontally it shows "Days lost", ...", "Vertically, the chart plots ..."
    r"\b(?:(?P<xs>horizontally)|(?P<ys>vertically)),?\s+(?:it|the\s+(?:chart|figure|plot|graph))\s+"
    r"(?:shows|plots|gives|has|displays|carries)\b|"
    # "x: Throughput (req/s), 0–400" at a line's start: a title follows (a record's "X: 8.4e22" has a number)
    # ("x — "Nitrogen applied"": a dash may stand for the colon)
    # (or after a sentence's end: "**Axes.** X: "Capacity factor (%)", ... Y: "LCOE (USD/MWh)", ...")
    # ('x = "Density (g/cm³)", from 0.1 to 20': an equals sign too, before a title, never a number)
    # ("x → **Tree canopy cover (%)**, 0 to 50": an arrow too)
    r"(?:^|(?<=[.;] ))\s*(?:(?P<xl>x)|(?P<yl>y))(?=\s*(?::|=|[—–→]\s)\s*(?!approx|about|around|roughly|circa|ca\b|at\b)"
    r"[A-Za-z\"“*]))",
    re.IGNORECASE)  # "Horizontal: Index size"
_COLUMN_GAP_RE = re.compile(r"\s{2,}")
KEY_NOUN_RE = re.compile(r"\s+(?:scale|axis)(?=\s*[—–]\s)", re.IGNORECASE)
# property lines that continue the axis above them: "- Range: 2 to 7 billion", "- Tick marks: 2, 3"
PROPERTY_RE = re.compile(r"^(range|scale|ticks?|tick\s*(?:marks?|labels?|values?)|major\s+ticks?|"
                         # ("Max context length (tokens)" is a title: a min or max is followed by its value)
                         r"labels?|title|units?|increments?|(?:min|max)(?:imum)?(?=\s*(?:[:=]|[-−~≈$]?\d|values?\b))|"
                         r"limits?|"
                         r"interval|domain|spacing|type)\b(?![-–])", re.IGNORECASE)  # not "Type-token ratio"
LOG_RE = re.compile(r"(?:\blog(?:arithmic|-scaled|-scale|\s+scale|scale|\s+axis|"
                    r"(?:10|₁₀|2|₂|_\{?(?:10|2)\}?)(?:[-\s]scaled?)?)\b|\bbase[-\s](?:2|10|two|ten)\b|"
                    # "spans four decades", "a tick every decade"; not "over the decade"
                    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+decades\b|"
                    r"\b(?:every|each|per)\s+decade\b|"
                    # a bare "log" names the scale ("(log)", "x-axis: log", "is log"), not "the interaction log"
                    r"(?:^|[(:,;=]\s*|\b(?:is|are|uses?|on a|in)\s+)log\b(?!\s+(?:file|entr|data|record)))",
                    re.IGNORECASE | re.MULTILINE)
# "logarithmic quantities plotted on linear scales": the scale is the one named as such
LINEAR_SCALE_RE = re.compile(r"\b(?:on\s+(?:a\s+)?)?linear(?:ly)?\s+(?:scales?|axis|axes)\b", re.IGNORECASE)
RANGE_LIST_RE = re.compile(r"\b(?:range|limits?|domain|extent)\s*[:=]?\s*[\[(](?P<ends>[^\[\]()]*)[\])]", re.IGNORECASE)
BOTH_AXES_RE = re.compile(r"\bboth(?:\s+axes)?\s+(?:are|use|run|span|range|go)\b(?P<rest>[^.;]*)", re.IGNORECASE)
AXIS_WORD_RE = re.compile(r"\bax[ie]s\b|\b[xy][\s-]axis\b|\b(?:horizontal|vertical)\b", re.IGNORECASE)
# ("both axes are logarithmic quantities plotted on linear scales" is no log scale)
LOG_LOG_RE = re.compile(r"\blog[-\s–]log\b|\bboth axes\b[^.;]{0,40}\blog(?:arithmic)?\b(?![^.;]*\blinear\b)",
                        re.IGNORECASE)
LINE_WORD_RE = re.compile(r"\bline\b")
LINEAR_RE = re.compile(r"(?=l)\blinear\b", re.IGNORECASE)
TICK_WORD_RE = re.compile(
    r"(?=[mtsgl])(?:major\s+)?(?:ticks?\s*marks?|tick\s*labels?|ticks?|ticked|scale|gridlines?|marks|"
    r"labell?ed\s+(?:ticks?|decades|values)|"
    r"marked|labell?ed|(?:labels|markers)(?=\s*(?:at\s+)?:?\s*`?[-−~≈$€£\d.(\[]))\b"
    # ("Major ticks are at 10¹⁹, ...", "Tick marks appear at 1e19, ...")
    # (an aside between the word and its list: "major ticks (and gridlines) at 55, 60, 65, and 70")
    r"(?:\s+labell?ed|\s+labels?)?(?:\s+only)?(?:\s*\([^()\d]{1,30}\))?[\s:]*(?:"
    # ("its tick labels are written as 100B, 1T and 10T", "the ticks are printed as ...": before a bare "are")
    r"(?:(?:are|is)\s+)?(?:written|given|printed|shown|displayed)\s+as|"
    r"(?:(?:are|is|appear|sit|lie)\s+(?:placed\s+|shown\s+|"
    r"located\s+|drawn\s+|found\s+)?at|are|at|of|=|is|shown at|placed at|reads?|shows?|include|includes|"
    r"(?:written|given|printed)\s+as)\b)?"  # "ticks written as 2^4, 2^6, 2^8 and 2^10"
    r"[\s:(\[]*", re.IGNORECASE)
STEP_RE = re.compile(r"(?=[eispt])(?:every|each(?=\s+[$€£]?\d)|increments? of|steps? of|intervals? of|spaced by|"
                     # "tick spacing 0.5", "tick interval of 10", "tick step: 5"
                     r"ticks?\s+(?:spacing|interval|step)(?:\s+(?:of|is))?:?)\s+"
                     r"(?P<n>[$€£]?\d{1,3}(?:,\d{3})+(?:\.\d+)?[^\s,;)]*|[^\s,;)]+)"
                     r"(?:\s+units?)?(?:\s+from\s+(?P<a>[^\s,;)]+)\s+to\s+(?P<b>[^\s,;)]+))?", re.IGNORECASE)
DECADE_RE = re.compile(r"\b(?:every|each|per|one per|at (?:every|each))\s+"
                       r"(?:decade|power of (?:ten|10)|order of magnitude)\b|"
                       r"\b(?:decade|decadal|power-of-(?:ten|10))\s+(?:ticks?|tick marks|gridlines)\b", re.IGNORECASE)
UNIT_STEP_RE = re.compile(r"\b(?:every|each|at every|at each|per|one per|one tick per)\s+(?P<half>half[\s-]+)?"
                          r"(?:integer|whole number|unit|percentage point)\b", re.IGNORECASE)  # "every half unit": 0.5
# "ticks at $0.50 intervals", "gridlines 20 units apart": the step after its number (no "from ... to": a, b empty)
INTERVALS_RE = re.compile(r"\b(?:at\s+)?(?P<n>[$€£]?\d[\d.,]*[KMB%]?)\s+(?:units?\s+)?(?:intervals|increments|apart)\b"
                          r"(?P<a>)(?P<b>)", re.IGNORECASE)
SENTENCE_BREAK_RE = re.compile(r"(?:[.;:!?]|,\s+(?:and|while|whereas)?)\s*")
AXIS_NOTE_RE = re.compile(r"\s*\(((?:[^()]|\([^()]*\))*)\)\s*(?=[:—–-])")  # "(Average cost per issue ($))"
MIN_MAX_RE = re.compile(r"\b(min(?:imum)?|max(?:imum)?)\b\D{0,12}", re.IGNORECASE)
ETC_RE = re.compile(r"^\s*,?\s*(?:etc\b|\.\.\.|…|and so on)", re.IGNORECASE)  # "35.0, 37.5, 40.0, etc."
LIST_GAP_RE = re.compile(r"^\s*(?:,|;|and|&|,\s*and|/)?\s*$", re.IGNORECASE)
# what may stand before "x-axis" for it to start a description: "", "The", "... and the"
# a title placed on an axis, the axis after: "... runs along the", "... is plotted on a logarithmic"
_PLACED_ON = (r"(?:(?:is|are)\s+)?(?:runs?|sits?|lies?|is|are|plotted|shown|given|drawn|placed|displayed|set|appears?|"
              r"goes|go|extends?)\s+(?:on|along|up|across)")
_AXIS_ADJ = r"(?:horizontal|vertical|bottom|left|right|top|primary|secondary|main)"
# ("In this scatter plot the x-axis, ...": the chart named first)
CLAUSE_START_RE = re.compile(r"^(?:(?:in|on|for)\s+(?:this|the)\s+(?:scatter\s*)?(?:plot|chart|figure|graph|panel)"
                             r"\s*,?\s+)?(?:(?:along|on|across|up)\s+)?(?:the|its)?"
                             r"(?:\s*(?:primary|main|left|bottom|lower))?$|"
                             # "..., on a logarithmic x-axis labelled "Body mass (g)" that spans ...": its scale
                             r"^(?:along|on|across|up)\s+an?\s+(?P<lead_adj>log(?:arithmic)?|log-scaled|linear)$|"
                             r"(?:^|\s)(?:and|while|whereas|but)\s+(?:(?:along|on)\s+)?(?:the|its)$|"
                             # "Efficiency is on the vertical: ...", "Price runs along the horizontal — ...", "Island
                             # area (km²) is plotted on a logarithmic x-axis", '"F / F_MSY", runs along the x-axis'
                             r"(?:^|\b(?:and|while|whereas|but)\s+)(?P<subject>(?:(?!(?:and|while|whereas|but)\s)[^\s,;:]+"
                             r"\s+){1,6})?"
                             r"(?P<placed>" + _PLACED_ON + r")"
                             r"\s+(?:the|an?)"
                             r"(?:\s+(?P<adj>log(?:arithmic)?|log-scaled|linear)|\s+" + _AXIS_ADJ + r"){0,2}$|"
                             # a quoted title, then the axis it is on, no verb: 'with "Parameters (B)" on a
                             # logarithmic x-axis running from ...', 'puts "Lattice constant (Å)" on a linear x-axis'
                             # (its opening mark may be stripped from the tail's start)
                             r"(?:^|[\"“])(?P<quoted>[^\"“”]{1,60})[\"”],?\s+"
                             # ('"GSM8K (%)" from 40 to 90 on the y-axis': its range before the axis)
                             r"(?:(?P<quoted_range>(?:from|between)\s+\S+\s+(?:to|and)\s+\S+)\s+)?"
                             r"(?:on|along|up|across)\s+(?:the|an?)"
                             r"(?:\s+(?P<quoted_adj>log(?:arithmic)?|log-scaled|linear)|\s+" + _AXIS_ADJ + r"){0,2}$")
SENTENCE_END_RE = re.compile(r"\.\s+(?=[A-Z])")
QUOTE_OPEN_RE = re.compile(r"(?:^|(?<=\s))[\"“]")
QUOTED_SUBJECT_RE = re.compile(r"[\"“][^\"“”]{1,60}[\"”],?\s*$")
_ON_VERB = r"(?:" + _PLACED_ON + r"|on|along|up|across)"
# "Cycle life runs along the horizontal axis, labelled ...", "model size on the x-axis (in billions, log scale)",
# 'Heat flux, "q (W/m²)", runs up a logarithmic vertical axis', "Monthly rent (€), plotted on the x-axis"
ON_AXIS_RE = re.compile(
    r"(?:showing|shows|plots?|plotting|compares?|with|and|against|versus|,|:|;|^(?=[\"“]?[A-Z][^\s,;:]*(?:\s+[^\s,;:]+){0,5},?\s+"
    + _ON_VERB + r"\s))"
    r"\s*(?P<quote>[\"“])?(?!(?:is|are|runs?|lies|sits|was|were|plotted|shown|given|drawn)\b)"
    r"(?P<label>[A-Za-z\u0370-\u03ff][\w\s%/.()€$£°-]{1,60}?)[\"”]?,?\s+" + _ON_VERB +
    # "... runs along the bottom", "... up the left side": where the axis is drawn names it too
    r"\s+(?:(?:the|an?)\s+(?:(?:log(?:arithmic)?|log-scaled|linear)\s+)?"
    r"(?:(?P<axis>x|y|horizontal|vertical)[\s-]*axis|(?P<edge>bottom|base|(?:left\s+)?side)\b)|"
    r"(?P<letter>[xy])(?![\w-]))"  # "Dates run along x: the axis is labelled ...", "Elevation is on y, labelled"
    r"(?:\s*\((?P<extra>(?:[^()]|\([^()]*\))*)\))?",
    re.IGNORECASE)
# remarks about an axis that are not its title: "(the lower the better)", "higher = better", "↑"
REMARK_RE = re.compile(r"^\W*(?:the\s+)?(?:lower|higher|smaller|larger|bigger|less|more)\b.{0,20}\b(?:better|worse)\b|"
                       r"^\W*(?:better|worse)\b|^\s*[↑↓]\s*$", re.IGNORECASE)
# Prose that names what an axis shows: "The x-axis represents model size in billions, ranging from 1 to
# 70", "the y-axis shows accuracy (%)", "Along the x-axis is the number of GPUs (1 to 128, log scale)".
# The title runs to the first comma, sentence end, bracket holding numbers or scale words, or range cue.
# what follows "the y-axis" when its verb was left out: ", throughput in req/s", ' "Score"', "accuracy (%)"
GAPPED_RE = re.compile(r"^[\s,]*(?:the\s+)?[\"“A-Za-z]")
PROSE_TITLE_RE = re.compile(
    r"^\s*(?:\((?![^)]*\d)[^)]*\)\s*)?,?\s*(?:here\s+|then\s+)?"
    r"(?:represents?|shows?|displays?|plots?|measures?|gives?|depicts?|indicates?|denotes?|tracks?|reports?|"
    r"corresponds?\s+to|captures?|lists?|is|are|has|carries|holds)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?P<label>(?:[^,;:.()\s]|\.(?=\w)|\s(?!(?:ranging|ranges?|from|on|in\s+a|with|spanning|spans?|going|"
    r"running|between|and\s+the|while|whereas|scaled|using|which|that|starting|extending|up\s+to)\b)|"
    r"\((?![^)]*(?:\d|scale|log|linear))[^()]*\))+)",
    re.IGNORECASE)
# "plots speedup (y, 1.0× to 2.2×) against batch size (x, 1 to 64)"
LETTER_NOTE_RE = re.compile(
    r"(?:^|\b(?:of|plots?|plotting|against|versus|vs\.?|and|shows?|showing|compares?|comparing|with)\s+)"
    r"(?:the\s+)?(?P<label>[^\W\d][^()\n,;:]{0,50}?)\s*\((?P<axis>[xy])(?:[\s-]*axis)?\s*(?:[,;:]\s*(?P<extra>[^)]*))?\)",
    re.IGNORECASE)
LETTER_NOTE_LEAD_RE = re.compile(r"\b(?:(?:plot|chart|graph|figure|diagram)s?\s+of|plots?|plotting|against|versus|"
                                 r"vs\.?|shows?|showing|compares?|comparing|with)\s+(?:the\s+)?", re.IGNORECASE)
QUOTED_TITLE_RE = re.compile(r"[\"“]([^\"“”]+)[\"”]")
NOT_A_TITLE_RE = re.compile(r"^(?:horizontal|vertical|bottom|left|top|right|x|y|primary|secondary|independent|"
                            r"dependent)(?:\s+axis)?$", re.IGNORECASE)
SCALE_WORD_RE = re.compile(r"\b(scale|range|ranges|ranging|ticks?|from|log|logarithmic|linear|spans?|"
                           r"spanning|increments?|every|gridlines?|approximately)\b", re.IGNORECASE)


# an axis and its quoted title in a bracket after what it shows: 'WikiText-2 perplexity (y-axis, labelled "Perplexity
# (WikiText-2)")', 'the storage cost (on the x-axis, titled "Bits per weight")', '(horizontal axis: "Year")'
AXIS_BRACKET_RE = re.compile(r"[(\[]\s*(?:on\s+the\s+|the\s+)?(?P<axis>[xy])[\s-]?axis\s*(?:,\s*)?"
                             r"(?:(?:labell?ed|titled|marked|captioned)\s+(?:as\s+)?|reads?\s+|:\s*)"
                             r"[\"“](?P<label>[^\"“”]{1,80})[\"”]\s*[)\]]", re.IGNORECASE)


def axes(state: ParseState) -> None:
    """'* **X-axis:** Activated Parameters (B) - Scale ranges from approximately 3 to 75 Billion.'"""
    for table in state.facts_blocks("table"):
        _axis_table(state, table)
    current: tuple[str, Block] | None = None
    shared: list[tuple[str, int]] = []  # "both axes run from 0 to 1": read last, so each axis's own statement wins
    for block in state.facts_blocks("item", "paragraph"):
        if "axis" in block.low and ("(" in block.text or "[" in block.text):
            for m in AXIS_BRACKET_RE.finditer(block.text):  # 'perplexity (y-axis, labelled "Perplexity (WT-2)")'
                fact = state.axes[m.group("axis").lower()]
                fact.label, fact.line = fact.label or m.group("label").strip(), fact.line or block.line
    for block in state.facts_blocks("item", "paragraph", "heading"):
        if block.kind == "heading":
            # "### X-Axis" heads a section of property lines ("- Label: ...", "- Scale: log")
            clauses = _clauses(block.text)
            current = (clauses[0][0], block) if len(clauses) == 1 else None
            if current:
                _read_clause(state.axes[current[0]], clauses[0][1], True, block.line, key_title=clauses[0][3])
            continue
        if "log" in block.low and LOG_LOG_RE.search(block.text):
            state.log_log = True
        if "both" in block.low:  # "...; both are linear from −3 to 3 with ticks at every integer"
            # ("both" is the axes' when it opens a sentence or the sentence names axes: not "CURL and DrQ-v2 both use
            # 5 million steps")
            shared += [(m.group("rest"), block.line) for m in BOTH_AXES_RE.finditer(block.text)
                       if (begun := _sentence_start(block.text, m.start())) == m.start()
                       or AXIS_WORD_RE.search(block.text, begun, m.end())]
        clauses = _clauses(block.text, block.low)
        if clauses:
            told = False  # "The x-axis shows size (B), and the y-axis accuracy (%)": the verb is said once
            for which, clause, keyed, key_title in clauses:
                if not keyed and key_title is None:
                    if PROSE_TITLE_RE.match(clause):
                        told = True
                    elif told and GAPPED_RE.match(clause):
                        clause = "is " + clause.lstrip(", ")
                # "X range: 0–80", "X title: Memory (GB)": a property named right after the letter
                _read_clause(state.axes[which], clause, keyed, block.line,
                             prop=key_title is None and bool(PROPERTY_RE.match(clause)), key_title=key_title)
            block.used = block.kind == "item"
            current = (clauses[-1][0], block)
            if block.kind == "paragraph" and any(cue in block.low for cue in (" on the ", " along the ", " up the ",
                                                                             " on a", " along a", " up a")):
                _on_axis(state, block)  # "... response on the horizontal axis, labelled"
        elif current and _continues(block, current[1]) and not _chart_title(block, state.axes[current[0]]):
            _read_clause(state.axes[current[0]], block.text, keyed=True, line=block.line, prop=True)
            block.used = True
        elif current and current[1].kind != "heading" and block.kind == "item" and block.depth <= current[1].depth:
            current = None
        else:
            if current and current[1].kind != "heading" and block.kind == "paragraph":
                current = None  # "Asia (red circles)" ends the axis lines: the items under it are its points
            _on_axis(state, block)
    for rest, line in shared:
        for which in ("x", "y"):
            _read_clause(state.axes[which], rest, keyed=True, line=line, prop=True)
    for which, fact in state.axes.items():
        for line, what in fact.restated:   # a second statement that says otherwise is never dropped unsaid
            state.warn(f"the {which} axis is stated twice: {what}", line)


def _same_title(new: str, old: str) -> bool:
    """One title said twice: the same words, or one a part of the other ("Model size" and "Model size (B)")."""
    a, b = (re.sub(r"[^\w%$€£]+", " ", t.casefold()).strip() for t in (new, old))
    return a in b or b in a


AXIS_ROW_RE = re.compile(r"^\W*(?:(?P<x>x|horizontal|abscissa)|(?P<y>y|vertical|ordinate))(?:[\s-]*axis)?\W*$",
                         re.IGNORECASE)
TITLE_COL_RE = re.compile(r"title|label|name|quantity|variable|metric", re.IGNORECASE)


def _axis_table(state: ParseState, block: Block) -> None:
    """| Axis | Title | Scale | Range |, one row per axis: "| X | Inference latency (ms) | Logarithmic | 5 – 500 |"."""
    rows = [r for r in block.rows if r and AXIS_ROW_RE.match(r[0])]
    if not rows or len(rows) != len(block.rows) or len(block.header) < 2:
        return
    title_col = next((i for i, h in enumerate(block.header) if i and TITLE_COL_RE.search(h)), None)
    for row in rows:
        m = AXIS_ROW_RE.match(row[0])
        if m is None:
            continue
        fact = state.axes["x" if m.group("x") else "y"]
        fact.line = fact.line or block.line
        if title_col is not None and title_col < len(row) and row[title_col].strip():
            fact.label = fact.label or strip_marks(row[title_col])
            fact.unit = fact.unit or stated_unit(fact.label)
        rest = " ; ".join(f"{block.header[i]}: {c}" for i, c in enumerate(row) if i and i != title_col and c.strip())
        _read_clause(fact, rest, keyed=True, line=block.line, prop=True)
    block.used = True


TERSE_AXIS_RE = re.compile(r"(?:^|[·|;:]\s*)(?P<title>(?-i:[A-Z])[^·|;:,()]{1,60}?(?:\([^()]{1,20}\))?),\s*"
                           r"(?P<scale>log(?:arithmic)?|linear)\s+(?P<axis>[xy])\b", re.IGNORECASE)


# what a sentence ON_AXIS_RE may match holds
ON_AXIS_CUES = ("axis", " along the ", " up the ", " on x", " on y", " along x", " along y")
OTHER_AXIS_RE = re.compile(r"\b(?:vertical|horizontal|[xy][\s-]*axis|ordinate|abscissa|axes|"
                           r"(?:on|along)\s+[xy](?![\w-]))\b", re.IGNORECASE)
LETTER_REST_RE = re.compile(r"\s*,\s*([^;]+)")  # what follows "... on x": ", log, 0.1 to 10000"
LABELLED_AFTER_RE = re.compile(r"\s*[,:]?\s*(?:which\s+is\s+|(?:the\s+axis|it)\s+is\s+)?"
                               r"(?:labell?ed|titled|named|captioned)\s*:?\s*"
                               r"[\"“]([^\"“”]{1,80})[\"”]|"
                               # '... by unemployment on the horizontal axis, "Unemployment rate (%)", and ...'
                               r"\s*,\s*[\"“]([^\"“”]{1,80})[\"”](?=\s*(?:[.,;)]|and\b|$))", re.IGNORECASE)


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding text[at] starts (after the last ". " before it)."""
    stop = text.rfind(". ", 0, at)
    return stop + 2 if stop >= 0 else 0


def _on_axis(state: ParseState, block: Block) -> None:
    """Prose: "showing model size on the x-axis (in billions, log scale) and MMLU on the y-axis"."""
    if "(x" in block.low or "(y" in block.low:
        _letter_notes(state, block)
    if " x" in block.low or " y" in block.low:
        for m in TERSE_AXIS_RE.finditer(block.text):  # "Orbital period (days), log x · Planet radius (R⊕), linear y"
            fact = state.axes[m.group("axis").lower()]
            if not fact.title:
                fact.label, fact.line = m.group("title").strip(), fact.line or block.line
                fact.scale = fact.scale or ("log" if m.group("scale").lower().startswith("log") else "linear")
    if not any(cue in block.low for cue in ON_AXIS_CUES):
        return
    for said, m in ((sentence, m) for sentence in block.sentences if any(cue in sentence for cue in ON_AXIS_CUES)
                    for m in ON_AXIS_RE.finditer(sentence)):
        where = (m.group("axis") or m.group("edge") or m.group("letter")).lower()
        fact = state.axes["x" if where in ("x", "horizontal", "bottom", "base") else "y"]
        titled = LABELLED_AFTER_RE.match(said, m.end())
        if titled and not fact.label:  # "the transient climate response on the horizontal axis, labelled "TCR (K)""
            fact.label, fact.line = (titled.group(1) or titled.group(2)).strip(), fact.line or block.line
            fact.unit = fact.unit or stated_unit(fact.label)
            # "..., labelled "Cycle life [cycles]", on a logarithmic scale from 100 to 20,000": up to the next axis
            rest = said[titled.end():]
            rest = rest[: m2.start()] if (m2 := OTHER_AXIS_RE.search(rest)) else rest
            _read_clause(fact, rest, keyed=False, line=block.line)
        label = re.sub(r"^(?:the\s+|and\s+|with\s+|showing\s+|plots?\s+|compares?\s+|"
                       r"(?:an?\s+)?scatter\s*plot\s+of\s+)+", "", m.group("label").strip(),
                       flags=re.IGNORECASE).strip()
        if m.group("quote") and label and not fact.label:  # '"F / F_MSY", runs along the x-axis': a title as such
            fact.label, fact.line = label, fact.line or block.line
            fact.unit = fact.unit or stated_unit(label)
        if label and not fact.guess_label and len(label.split()) <= 6 and label.split()[0].lower() not in (
                "is", "are", "was", "were", "it", "this", "that", "which", "they"):
            fact.guess_label = label[0].upper() + label[1:]
            fact.line = fact.line or block.line
        quoted_extra = QUOTED_TITLE_RE.match(m.group("extra") or "")
        if quoted_extra and not fact.label:  # "... on the horizontal axis ("Compliance (%)", from 40 to 100)"
            fact.label, fact.line = quoted_extra.group(1).strip(), fact.line or block.line
            fact.unit = fact.unit or stated_unit(fact.label)
        if m.group("extra"):
            _read_clause(fact, m.group("extra"), keyed=False, line=block.line)
            if fact.unit is None:
                fact.unit = stated_unit(m.group("extra"))
        if m.group("letter") and (after := LETTER_REST_RE.match(said, m.end())):
            # "mass (Earth masses) on x, log, 0.1 to 10000; radius ... on y": its scale and range up to the next axis
            tail = after.group(1)
            _read_clause(fact, tail[: m2.start()] if (m2 := OTHER_AXIS_RE.search(tail)) else tail, keyed=False,
                         line=block.line)


def _letter_notes(state: ParseState, block: Block) -> None:
    """"plots speedup (y, 1.0× to 2.2×) against batch size (x, tokens, 1 to 64)": the title before the
    bracket, the unit, range and scale inside it."""
    for m in LETTER_NOTE_RE.finditer(block.text):
        fact = state.axes[m.group("axis").lower()]
        label = strip_marks(LETTER_NOTE_LEAD_RE.split(m.group("label"))[-1])
        extra = m.group("extra") or ""
        units = [part.strip() for part in extra.split(",")
                 if part.strip() and not lex(part) and not SCALE_WORD_RE.search(part)]
        if units and len(units[0]) <= 20:
            label = f"{label} ({units[0]})"
        if label and not fact.guess_label and len(label.split()) <= 8:
            fact.guess_label = label[0].upper() + label[1:]
        if extra:
            _read_clause(fact, extra, keyed=False, line=block.line)


def _chart_title(block: Block, fact: AxisFact) -> bool:
    """"- Title: ..." after an axis that already has its title is the chart's title, not the axis's."""
    key = PROPERTY_RE.match(block.text)
    return key is not None and key.group(1).lower() == "title" and fact.label is not None


def _continues(block: Block, axis_block: Block) -> bool:
    if "line" in block.low and LINE_WORD_RE.search(block.low):
        return False
    if axis_block.kind == "heading":  # "## X-Axis: Parameters (B)" then "Log scale, from 0.5 to 100."
        return block.kind in ("item", "paragraph") and (block.kind == "paragraph" or block.depth == 0
                                                        or bool(PROPERTY_RE.match(block.text)))
    if axis_block.kind == "paragraph" and block.kind == "paragraph" and AXIS_ROW_RE.match(axis_block.text):
        # a plain-text heading "X axis" over its property lines ("  title: Expense ratio (%)", "  scale: linear")
        return (key := PROPERTY_RE.match(block.text)) is not None and block.text[key.end():].lstrip()[:1] in (":", "=")
    if block.kind != "item":
        return False
    # ("* The x-axis is labeled ..." then "* It ranges from 0 to 20, with tick marks at ...": the axis again)
    return block.depth > axis_block.depth or bool(PROPERTY_RE.match(block.text) or IT_AXIS_RE.match(block.text))


IT_AXIS_RE = re.compile(r"(?:it|its|this\s+axis|the\s+axis|the\s+scale)\b", re.IGNORECASE)


AXIS_CUES = ("axis", "axes", "abscissa", "ordinate", "(x)", "(y)", "along the", "up the", "horizontal:", "vertical:",
             ". x:", ". y:", "; x:", "; y:")  # 'Titled "Yield". x: "Nitrogen (kg/ha)", 0 to 250. y: ...'


# characters before an axis key read for the start of its clause: what CLAUSE_START_RE can match ("and along the
# primary") fits in it; a longer text since the last sentence break is no clause start
SENTENCE_WINDOW = 80


def _clauses(text: str, low: str | None = None) -> list[tuple[str, str, bool, str | None]]:
    """(axis, clause, keyed, title in the key's brackets) for each axis this text describes, at the start
    of a sentence."""
    low = low or text.lower()
    if not any(cue in low for cue in AXIS_CUES) \
            and not low.lstrip().startswith(("x ", "y ", "x:", "y:", "horizontal", "vertical")):
        return []
    found: list[tuple[str, re.Match[str], int, str | None, str | None]] = []
    for m in AXIS_KEY_RE.finditer(text):
        # the sentence the key starts, read from a window: splitting the whole text before every key made
        # a long paragraph of axis words cost the square of its length
        start = max(0, m.start() - SENTENCE_WINDOW)
        parts = SENTENCE_BREAK_RE.split(text[start: m.start()])
        # (no break in the window: the sentence began before it, and its cut is no sentence start)
        tail = ("… " if len(parts) == 1 and start else "") + parts[-1]
        tail = tail.strip(" \"”’*)").lower()  # after '...Perovskites."' too
        if (start_m := CLAUSE_START_RE.search(tail)) is None:
            continue  # (a "Secondary Y-axis (right)" repeating the scale in °F is no axis of the points)
        which = "x" if (m.group("x") or m.group("xa") or m.group("xh") or m.group("xl") or m.group("xs")) else "y"
        if found and found[-1][0] == which and len(text[found[-1][1].end(): m.start()].split()) <= 2:
            continue  # "**X-axis:** The x-axis is labeled "Model size"": the key said again, one clause
        # (the clause ends where the next one's sentence starts: "... every 20; LCOE runs up a logarithmic y-axis",
        # '... from 0 to 50, and wall superheat, "ΔT (K)", runs along ...': with its subject set off by commas)
        stripped = len(parts[-1]) - len(parts[-1].rstrip(" \"”’*)"))
        begin = max(start, m.start() - stripped - len(tail) + start_m.start())
        if start_m.group("placed") and not start_m.group("subject") \
                and (subject := QUOTED_SUBJECT_RE.search(text, start, begin)) is not None:
            begin = subject.start()
        title = None
        if start_m.group("quoted"):  # (read from the text: the tail is in lower case, and may start inside the quote,
            # cut at a comma: '"GDP per capita (thousand USD, PPP)" on a logarithmic x-axis')
            close = m.start() - stripped - len(tail) + start_m.end("quoted")
            at = max(text.rfind('"', 0, close), text.rfind("“", 0, close))
            if at < 0 or close - at > 80:
                continue
            title, begin = text[at + 1: close], min(begin, at)
        scale = start_m.group("adj") or start_m.group("quoted_adj") or start_m.group("lead_adj")
        look = " ; ".join(filter(None, (scale, start_m.group("quoted_range"))))
        found.append((which, m, begin, look or None, title))
    out = []
    for i, (which, m, _, adj, quoted) in enumerate(found):
        end = found[i + 1][2] if i + 1 < len(found) else len(text)
        clause = text[m.end():end]
        if quoted and (other := QUOTE_OPEN_RE.search(clause)) is not None:
            clause = clause[: other.start()]  # its title was before the key: a title after it is another axis's
        if quoted and (stop := SENTENCE_END_RE.search(clause)) is not None:
            clause = clause[: stop.start()]  # (and a sentence after it is about something else: "... SAC reaches 61%")
        clause += f" ; {adj}" if adj else ""  # "... on a logarithmic x-axis": its scale
        if POINT_FIELD_RE.match(clause):
            continue  # "X-axis value: -3.95" under a point's name: the point's coordinate, no axis
        if (said := KEY_NOUN_RE.match(clause)) is not None:
            clause = clause[said.end():]  # "Horizontal scale — "Stand age (years)"": the noun is part of the key
        note = AXIS_NOTE_RE.match(clause)  # "X-axis (log scale): Parameters (B)"
        if note:
            clause = clause[note.end():]
            if _names_axis(note.group(1)):  # "X-axis (Total Cost $): Ranges from 0 to 10"
                out.append((which, clause.strip().lstrip(":*—–- "), False, note.group(1).strip()))
                continue
        # ("X = Dose (mg/kg) ; linear": an equals sign keys it as a colon does)
        keyed = clause.lstrip().startswith((":", "*", "=")) or clause.lstrip()[:1] in ("-", "—", "–", "→")
        clause = clause.strip().lstrip(":=*—–→- ").rstrip(" .;,").strip()
        if keyed and "  " in clause:  # 'x: Farm altitude (m)      range 800-2,200': a column's gap ends the title
            clause = _COLUMN_GAP_RE.sub(" ; ", clause)
        # (a title quoted before the axis it is on is the key's: 'puts "Lattice constant (Å)" on a linear x-axis')
        out.append((which, f"{clause} ; {note.group(1)}" if note else clause, keyed, None if note else quoted))
    return out


POINT_FIELD_RE = re.compile(r"\s*(?:value|val|coord\w*|position|pos)\s*[:=]\s*[-−~≈]?\s*[$€£]?\d", re.IGNORECASE)


def _names_axis(note: str) -> bool:
    """"(Total Cost $)", "(Dataset Size)" name the axis; "(log scale)", "(horizontal)", "(bottom)" do not."""
    return (bool(re.search(r"[A-Za-z]{2,}", note)) and not SCALE_WORD_RE.search(note)
            and not NOT_A_TITLE_RE.match(note.strip()) and not REMARK_RE.search(note))


def _read_clause(fact: AxisFact, clause: str, keyed: bool, line: int, prop: bool = False,
                 key_title: str | None = None) -> None:
    fact.line = fact.line or line
    if key_title:  # the title in the key's brackets yields to a stated "Label:" line
        fact.key_label = fact.key_label or key_title
        if fact.unit is None:
            fact.unit = stated_unit(key_title)
    rest = clause
    if prop:
        key = PROPERTY_RE.match(clause)
        if key and key.group(1).lower() in ("label", "labels", "title") and len(lex(clause)) < 2:
            fact.label = fact.label or _label_of(clause[key.end():].lstrip(" :"), keyed=True)[0]
            return
        body = clause[key.end():].lstrip(" :") if key and key.group(1).lower() in ("label", "title") else ""
        q = _title_quote(body) if body else None
        if q is not None and q.start() < 3:  # 'title: "GDP per capita (×10³ USD)". The axis is logarithmic, ...'
            fact.label = fact.label or q.group(1).strip()
            rest = body[q.end():]
    else:
        label, rest = _label_of(clause, keyed)
        if label and not fact.label:
            fact.label = label
        elif label and keyed and fact.label and not _same_title(label, fact.label):
            fact.restated.append((line, f"title {label!r} ignored; keeping {fact.label!r}"))
        elif label is None and not keyed:
            _prose_title(fact, clause)
    if fact.label and fact.unit is None:
        fact.unit = stated_unit(fact.label)
    if fact.unit is None and " in " in rest:
        fact.unit = said_unit(rest)
    if LOG_RE.search(rest) and not LINEAR_SCALE_RE.search(rest):
        if fact.scale == "linear":
            fact.restated.append((line, "scale stated log after linear; drawn log"))
        fact.scale = "log"
    elif LINEAR_RE.search(rest):
        if fact.scale == "log":
            fact.restated.append((line, "scale stated linear after log; drawn log"))
        fact.scale = fact.scale or "linear"
    said = (len(fact.ticks), fact.lo, fact.hi)
    rest = _read_ticks(fact, rest)
    _read_range(fact, rest)
    if (len(fact.ticks), fact.lo, fact.hi) != said:
        fact.tick_line = fact.tick_line or line


def _title_quote(clause: str) -> re.Match[str] | None:
    """A quoted axis title near the start; not a quoted remark ('with the note "(the lower the better)"')."""
    q = QUOTED_TITLE_RE.search(clause)
    # (further on only in a bracket of its own: 'proportion of participants still taking study medication at 12
    # months ("12-month adherence (%)", linear, 60–100)': the words before describe what the axis shows)
    if q is None or (q.start() >= 60 and not (q.start() < 200 and clause[: q.start()].rstrip().endswith("("))) \
            or REMARK_RE.search(q.group(1).strip("() ")):
        return None
    # in the clause's own sentence: '... fidelity (%), 98 to 100. The chip labeled "Falcon-Q" ...' names a point
    return None if NEXT_SENTENCE_RE.search(clause, 0, q.start()) else q


# (a sentence that goes on about the axis does not end the clause: "... in minutes. It is labelled "Time (min)"")
NEXT_SENTENCE_RE = re.compile(r"[.!?]\s+(?=[A-Z\"“])(?!(?:It|Its|This|The\s+(?:axis|label|title))\b)")


# a symbol and its unit after a title's comma, up to the clause's end: "TCR (K)", "M* (M☉)", "v (m/s)"
SYMBOL_UNIT_RE = re.compile(r"[^\d,;:.()\s][^\d,;:.()]{0,20}?\s*\([^()\d]{1,15}\)(?=\s*(?:$|[,;.|—–]|\s-\s))")
ABBREVIATION_END_RE = re.compile(r"\b(?:vs|e\.g|i\.e|approx|cf|ca|resp|incl|excl|avg|max|min|no)$", re.IGNORECASE)


# an unquoted title after "labelled" (its bold dropped), up to the verb that goes on about the axis
LABELLED_BARE_RE = re.compile(r"\b(?:labell?ed|titled)\s+(?:as\s+)?(?P<label>(?-i:[A-Z])[^;,\"“”]{1,60}?)\s+"
                              r"(?=and\s+(?:runs|goes|spans|ranges|is|uses|covers|extends|reads)\b)", re.IGNORECASE)


def _label_of(clause: str, keyed: bool) -> tuple[str | None, str]:
    """The axis title and the rest of the clause."""
    q = _title_quote(clause)
    if q:
        return q.group(1).strip().rstrip(",;").rstrip(), clause[: q.start()] + " " + clause[q.end():]
    if not keyed:
        named = LABELLED_BARE_RE.search(clause)
        if named is not None:  # "the x-axis is labelled **Usage rate (%)** and runs linearly from 15 to 40"
            return named.group("label").strip(), clause[: named.start("label")] + " " + clause[named.end("label"):]
        return None, clause
    cut = len(clause)
    for sep in (" - ", " — ", " – ", "; ", ". ", ", ", ": ", " | "):  # "Index size (GB) | log2 scale"
        i = top_level_index(clause, sep)
        while sep == ". " and i >= 0 and (clause[i + 2: i + 3] == "("
                                          or ABBREVIATION_END_RE.search(clause, max(0, i - 12), i)):
            # "HellaSwag acc. (%)", "LST anomaly vs. city mean (°C)": an abbreviation
            later = top_level_index(clause[i + 2:], sep)
            i = later + i + 2 if later >= 0 else -1
        while sep == ", " and i >= 0 and (tail := SYMBOL_UNIT_RE.match(clause, i + 2)) is not None \
                and not SCALE_WORD_RE.search(tail.group()):
            # "Transient climate response, TCR (K)", "Stellar mass, M* (M☉)": the title's symbol and unit
            later = top_level_index(clause[tail.end():], sep)
            i = later + tail.end() if later >= 0 else -1
        if 0 < i < cut:
            cut = i
    head, moved = clause[:cut], []
    # "(Scale: 4B, 10B, ...)", "(0–100)" are not part of the title; "(B)", "(tokens/s)", "(USD per 1M tokens)",
    # "(1/h)", "(10³ km)" are: one number with a unit's letters is a unit
    for m in re.finditer(r"\s*\(([^()]*)\)", head):
        inner = m.group(1)
        nums = lex(inner) if any(ch.isdigit() for ch in inner) else []
        if SCALE_WORD_RE.search(inner) or (nums and not re.search(r"[A-Za-z]{3,}", _no_numbers(inner))
                                           and (len(nums) > 1 or not re.search(r"[^\W\d_]", _no_numbers(inner)))):
            moved.append(inner)
    for inner in moved:
        head = head.replace(f"({inner})", "")
    label = strip_marks(" ".join(head.split()))
    if not label or SCALE_WORD_RE.match(label) or not re.search(r"[^\W\d_]", label):
        return None, clause
    return label, " ; ".join([*moved, clause[cut:]])


def _prose_title(fact: AxisFact, clause: str) -> None:
    """"represents model size in billions, ranging from 1 to 70" after "The x-axis": a title guessed from
    a sentence (its end is a guess, so it yields to a stated one and is warned about)."""
    m = PROSE_TITLE_RE.match(clause)
    if m is None or fact.guess_label:
        return
    label = strip_marks(" ".join(m.group("label").split()))
    first = label.split(" ", 1)[0].lower()
    if (not label or len(label.split()) > 10 or SCALE_WORD_RE.match(first) or not re.search(r"[^\W\d_]", label)
            or first in ("labelled", "labeled", "titled", "marked", "logarithmic", "linear", "not", "unlabelled",
                         "unlabeled", "untitled", "shared", "inverted", "reversed", "drawn", "plotted", "shown",
                         "set", "placed", "rendered", "displayed")):  # "The x-axis is drawn on a base-2 log scale"
        return
    fact.guess_label = label[0].upper() + label[1:]


def _no_numbers(text: str) -> str:
    """The text less its numbers; a unit read with a number stays ("10³ km" keeps "km")."""
    for n in reversed(lex(text)):
        text = text[: n.start] + " " + text[n.end - (len(n.unit) if n.unit else 0):]
    return text


STEP_LEAD_RE = re.compile(r"\s*(?:every|at\s+every|each)\s+(?:\w+\s+)?(?:decades?|units?|years?|steps?|"
                          r"powers?\s+of\s+(?:ten|10))\s*[:(]\s*", re.IGNORECASE)


TICKS_AFTER_RE = re.compile(r"(?<![\w.])[-−]?\d[\d.,]*(?:\s*(?:,|and)\s*[-−]?\d[\d.,]*)+\s+(?:are|is)\s+"
                            r"(?:the\s+only\s+)?(?:printed|shown|labell?ed|marked|written)\s+(?:as\s+)?(?:tick\s*(?:labels?|marks?)|ticks)",
                            re.IGNORECASE)


# a few words, then a colon and the list; or a comma after a verb of writing ("Its tick labels are written in
# exponent form, 1e-1, 1e0, ...")
TICK_ASIDE_RE = re.compile(r"[^\d:;,.()]{1,50}:\s*|"
                           r"\s*(?:(?:are|is)\s+)?(?:written|given|printed|shown)[^\d:;,.()]{0,30},\s*")


def _read_ticks(fact: AxisFact, text: str) -> str:
    """Read "ticks at 0, 10, 20" / "(Scale: 4B, 10B)" / "ticks every 5 from 40 to 65"; return the rest."""
    for m in TICK_WORD_RE.finditer(text):
        # "tick labels every two decades: 10⁻²⁰, 10⁻¹⁸, ...", "Tick labels are written in exponent form: 1e0, 1e1"
        lead = STEP_LEAD_RE.match(text, m.end()) or (
            TICK_ASIDE_RE.match(text, m.end()) if "tick" in m.group().lower() else None)
        run = _number_run(text, lead.end() if lead else m.end())
        if lead and len(run) >= 2:
            run = [n._replace(start=n.start + lead.end() - m.end(), end=n.end + lead.end() - m.end()) for n in run]
        if len(run) >= 2:
            if not fact.ticks:
                fact.ticks = run
                fact.ticks_go_on = bool(ETC_RE.match(text[run[-1].end + m.end():]))
            return text[: m.start()] + " " + text[run[-1].end + m.end():]
    listed_before = TICKS_AFTER_RE.search(text)  # "only 40, 45, 50 and 55 are printed as tick labels"
    if listed_before:
        start = listed_before.start()
        run = _number_run(text, start)
        if len(run) >= 2 and not fact.ticks:
            fact.ticks = run
            return text[:start] + " " + text[listed_before.end():]
    at = text.find("(")
    while at >= 0:
        run = _number_run(text, at + 1)
        if len(run) >= 3:  # "ticks every 200 (0, 200, 400, ...)": the list wins over the step
            if not fact.ticks:
                fact.ticks = run
                fact.ticks_go_on = bool(ETC_RE.match(text[run[-1].end + at + 1:]))
            return text[:at] + " " + text[run[-1].end + at + 1:]
        at = text.find("(", at + 1)
    span = DECADE_SPAN_RE.search(text)
    if span and not fact.ticks and (ticks := _decade_span(span)):  # "ticks at 10^1 through 10^5"
        fact.ticks = ticks
        return text[: span.start()] + " " + text[span.end():]
    decade = DECADE_RE.search(text)
    if decade:  # "Ticks: every decade": the powers of ten in the range
        fact.decades = True
        return text[: decade.start()] + " " + text[decade.end():]
    unit_step = UNIT_STEP_RE.search(text)
    if unit_step:  # "tick at every integer": a step of one
        half = bool(unit_step.group("half"))
        fact.step = Num(0.5 if half else 1.0, None, False, unit_step.start(), unit_step.end(), "0.5" if half else "1")
        return text[: unit_step.start()] + " " + text[unit_step.end():]
    step = STEP_RE.search(text) or INTERVALS_RE.search(text)
    if step:
        nums = lex(step.group("n"))
        if nums:
            fact.step = nums[0]
            if step.group("a") and step.group("b"):
                a, b = lex(step.group("a")), lex(step.group("b"))
                if a and b:
                    fact.step_from, fact.step_to = a[0], b[0]
            return text[: step.start()] + " " + text[step.end():]
    return text


# "ticks at 10^1 through 10^5", "tick labels from 10⁻² to 10³": every power of ten from one to the other
_POWER = r"(?:10\^\{?[-−]?\d{1,3}\}?|10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+|1e[-−+]?\d{1,3})"
DECADE_SPAN_RE = re.compile(rf"\b(?:ticks?|tick\s+(?:marks|labels)|gridlines)\s+(?:are\s+)?(?:at|from)\s+"
                            rf"(?P<a>{_POWER})\s*(?:through|thru|to|–|—|\.\.\.|…)\s*(?P<b>{_POWER})", re.IGNORECASE)


def _decade_span(m: re.Match[str]) -> list[Num]:
    """The powers of ten the span names, as ticks written the way its ends are."""
    a, b = lex(m.group("a")), lex(m.group("b"))
    if not (a and b) or a[0].value <= 0 or b[0].value <= a[0].value:
        return []
    lo, hi = round(math.log10(a[0].value)), round(math.log10(b[0].value))
    if hi - lo > 30:
        return []
    written = m.group("a")
    return [Num(10.0 ** k, None, False, m.start("a"), m.end("b"), _power_text(written, k)) for k in range(lo, hi + 1)]


def _power_text(written: str, k: int) -> str:
    """10^k in the notation of `written` ("10^3", "10³", "1e3")."""
    if "^" in written:
        return f"10^{k}"
    if written.lower().startswith("1e"):
        return f"1e{k}"
    return "10" + str(k).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))


_QUOTE_MARKS = str.maketrans("", "", "`\"“”'")


def _number_run(text: str, start: int) -> list[Num]:
    """Numbers from `start` on, separated only by commas and "and": a tick list."""
    sub = text[start:]
    nums = lex(sub)
    if not nums or sub[: nums[0].start].strip(" :([`\"“'"):
        return []
    run = [nums[0]]
    dashes: list[str] = []  # the marks between values written "1 — 10 — 100", "0 | 5 | 10"
    for nxt in nums[1:]:
        last = run[-1]
        # ("`0`, `10`, `20`": values set as code; '"100M", "1B" and "10B"': tick labels quoted)
        gap = sub[last.end: nxt.start].translate(_QUOTE_MARKS)
        if gap.strip() == "(" and sub[nxt.end:].lstrip().startswith(")") and math.isclose(
                nxt.scaled(), last.scaled(), rel_tol=0.01):  # "4 × 10² (400)": the same tick restated
            close = sub.index(")", nxt.end) + 1
            run[-1] = last._replace(end=close)
            continue
        if len(run) >= 2 and ELLIPSIS_GAP_RE.match(gap):  # "10⁻², 10⁻¹, …, 10⁴": the ticks between, by their step
            run += _filled(run[-2], last, nxt)
        elif DASH_GAP_RE.match(gap) and len(run) == len(dashes) + 1 and (not dashes or gap.strip() == dashes[0]):
            dashes.append(gap.strip())
        elif dashes or not LIST_GAP_RE.match(gap):
            break
        run.append(nxt)
    if len(dashes) == 1:
        run = run[:1]  # "0 – 100" is a range; "$1,000 — $10,000 — $100,000", one mark between each two, a list
    # offsets relative to text[start:]
    return _shared_suffix(run)


DASH_GAP_RE = re.compile(r"^\s+[—–|·•]\s+$")  # spaced, so no minus sign nor "10–20"
ELLIPSIS_GAP_RE = re.compile(r"^\s*,?\s*(?:…|\.\.\.)\s*,?\s*(?:and\s+|to\s+)?$")
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _filled(a: Num, b: Num, end: Num) -> list[Num]:
    """The ticks an ellipsis stands for between b and end, continuing a → b by its step (added, or else
    multiplied) when that lands on end; none when neither does."""
    for step in ("add", "times"):
        if step == "times" and (a.value <= 0 or b.value <= a.value):
            continue
        out, v = [], b.value
        for _ in range(60):
            v = v + (b.value - a.value) if step == "add" else v * (b.value / a.value)
            past = v > end.value if b.value > a.value else v < end.value
            if past or math.isclose(v, end.value, rel_tol=1e-6):
                break
            out.append(v)
        if math.isclose(v, end.value, rel_tol=1e-6) and out:
            return [b._replace(value=float(f"{v:.12g}"), start=end.start, end=end.start, text=_tick_text(b.text, v))
                    for v in out]
    return []


def _tick_text(like: str, v: float) -> str:
    """A tick label for v in the format of `like`: "10⁻¹" -> "10⁰", "10^-3" -> "10^-1", "0.50" -> "0.75"."""
    exp = math.log10(v) if v > 0 else None
    if exp is not None and math.isclose(exp, round(exp), abs_tol=1e-9):
        if re.fullmatch(r"10[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+", like):
            return "10" + str(round(exp)).translate(_SUPERSCRIPT)
        if like.startswith("10^"):
            return f"10^{round(exp)}"
    decimals = len(like.split(".")[1]) if re.fullmatch(r"[-−+]?\d+\.\d+", like) else 0
    text = f"{v:.{decimals}f}" if decimals or float(v).is_integer() else f"{v:g}"
    return text.replace("-", "−") if like.startswith("−") else text  # the minus sign the list is written with


def _shared_suffix(run: list[Num]) -> list[Num]:
    """"1, 2, 4 and 32 billion": a suffix written once applies to the whole list."""
    mults = {n.mult for n in run if n.mult is not None}
    if len(mults) == 1 and run[-1].mult is not None and all(n.mult in (None, run[-1].mult) for n in run) \
            and all(a.value < b.value for a, b in pairwise(run)):  # "$500 to $150K": 500 is no 500K; "10 to 10K"
        mult = run[-1].mult
        return [n._replace(mult=mult) for n in run]
    return run


# "starting at 0 and ending at 1.2", "begins at 10 and goes up to 300"
STARTS_RE = re.compile(r"\b(?:starting|starts|beginning|begins)\s+(?:at|from)\s*[~≈]?\s*$", re.IGNORECASE)
ENDS_GAP_RE = re.compile(r"\s*,?\s*(?:and\s+)?(?:ending|ends|going|goes|running|runs|rising|extending)\s+"
                         r"(?:at|to|up\s+to)\s*[~≈]?\s*", re.IGNORECASE)
# "from 0 % at the bottom to 100 % at the top"
PLACED_GAP_RE = re.compile(r"\s*%?\s*(?:at|on)\s+the\s+(?:bottom|left|start|origin|lower\s+end|left\s+edge)\s+"
                           r"(?:up\s+)?to\s+"
                           r"[~≈]?\s*", re.IGNORECASE)


EDGE_RE = re.compile(r"\b(?:(?P<low>left|lower|bottom)|right|upper|top)\s+(?:edge|end|limit|bound)"
                     r"(?:\s+(?:at|of|is))?\b", re.IGNORECASE)


def _read_range(fact: AxisFact, text: str) -> None:
    listed = RANGE_LIST_RE.search(text)  # "range: [40, 320]"
    if listed and fact.lo is None:
        ends = lex(listed.group("ends"))
        if len(ends) == 2:
            fact.lo, fact.hi = _shared_suffix(ends)
            return
    nums = lex(text)
    for a, b in pairwise(nums):
        gap = text[a.end: b.start]
        if is_range(text, a, b) or PLACED_GAP_RE.fullmatch(gap) or (
                ENDS_GAP_RE.fullmatch(gap) and STARTS_RE.search(text[max(0, a.start - 24): a.start])):
            lo, hi = _shared_suffix([a, b])
            if fact.lo is None:
                fact.lo, fact.hi = lo, hi
            return
    edges = [m for m in EDGE_RE.finditer(text)]  # "left edge 5.4, right edge 6.6", "lower limit 0; upper limit 8"
    if len(edges) == 2 and fact.lo is None:
        values = [lex(text[m.end(): m.end() + 24]) for m in edges]
        if all(v and not text[m.end(): m.end() + v[0].start].strip(" :=") for m, v in zip(edges, values, strict=True)):
            lo, hi = (values[0][0], values[1][0]) if edges[0].group("low") else (values[1][0], values[0][0])
            fact.lo, fact.hi = _shared_suffix([lo, hi])
            return
    low = text.lower()
    if "min" not in low and "max" not in low:
        return
    for m in MIN_MAX_RE.finditer(text):  # "min 2, max 12", "minimum: 0; maximum: -1", "max value of 9"
        after = text[m.end(1): m.end(1) + 40]
        n = lex(after)
        if n and not re.sub(r"\b(?:value|of|is|at)\b", "", after[: n[0].start]).strip(" :=()"):
            setattr(fact, "lo" if m.group(1).lower().startswith("min") else "hi", n[0])
