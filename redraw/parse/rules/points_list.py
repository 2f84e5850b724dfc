"""points_list: one point per list item or line ("**Phi-2:** (~2.7B, ~55.5)") and per keyed record."""
from __future__ import annotations

import re
from itertools import islice

from ..document import Block, abbreviated, sentences
from ..facts import GroupFact, PointFact
from ..lookup import (
    apply_context,
    assign_axes,
    axis_of_key,
    group_by_initial,
    group_mentioned,
    group_named,
    header_head,
    keyed_off_axes,
    series_point,
)
from ..state import ParseState
from ..text import has_words, split_names, split_top, strip_marks, top_level_index
from ..values import DATE_RE, RANGE_GAP_RE, VALUE_LED_RE, Num, lex, restatements_dropped
from ..vocab import (
    BEYOND_RE,
    CORRECTION_RE,
    GUIDE_AFTER_RE,
    count_of,
    first_color,
    first_marker,
    is_style_only,
    leading_symbols,
    not_a_label,
    ours_cue,
    style_head,
    style_words,
)
from .coords import PAIR_RE, Coords, bounds_only, find_coords, find_pair, in_name, named_pairs, without_examples

# the keys of a record's lines, tried in this order ("Point" names the point, not its coordinates)
# ("Spatial Grounding: [x=75, y=1.2×10⁴]" then "Label: LTO-2.4Ah": a point's place and its name as a document
# extraction writes them; "Placement: ..." then "Annotation: ...")
RECORD_KEY_RE = re.compile(r"^(?:(?P<label>(?:model|name|label|point|method|system)\s*(?:name)?|annotation)|"
                           r"(?P<style>symbol|marker|colou?r|shape|style|appearance)|"
                           r"(?P<coords>coordinates?|position|location|values?|point|\(x,\s*y\)|(?:spatial\s+)?grounding|"
                           r"placement))$", re.IGNORECASE)
_DIGIT_RE = re.compile(r"\d")
LINE_WORD_RE = re.compile(r"\b(?:line|curve|fit)\b", re.IGNORECASE)
# a section of the chart's lines and guides ("**Ceilings and guides**", "Reference lines:"): its items are no points
# "A dashed line starts at (0, 0)", "one grey dashed line, fitted to the eight baselines, going from (0.3, 24)"
LINE_BEFORE_RE = re.compile(r"\b(?:line|curve|fit)\s+(?:starts|begins|runs|goes|rises|falls|passes|extends|from)\b|"
                            r"\b(?:dashed|dotted|solid|dash-dot)\s+(?:[\w-]+\s+){0,2}?(?:line|curve|fit)\b",
                            re.IGNORECASE)
# a line named where a point's name would be: "(Black Dashed Line)", "Dotted red curve", "- - -", "···"
LINE_LABEL_RE = re.compile(r"\b(?:dashed|dotted|solid|dash-?dot(?:ted)?)\s+(?:[\w-]+\s+)?(?:line|curve)s?\b|"
                           r"^[\s`'\"]*(?:[-–—\u2012.·─━┄┅╌]\s*){2,}(?!\w)", re.IGNORECASE)
REMARK_TAIL_RE = re.compile(r"\s*\([^()]*\)\s*:?\s*$")
LINES_SECTION_RE = re.compile(r"\b(?:lines|curves|guides|ceilings|roofs?|thresholds|annotations|fits|"
                              r"(?:trend|fitted|regression|reference|fit)\s+(?:line|curve))\s*:?$",
                              re.IGNORECASE)
# "It runs from about (-0.5, -0.3) ...": a sentence about something named before, never a name
# and "The sloped memory-bandwidth roof (1.55 TB/s) rises ...": "the" and common words describe, never name
PRONOUN_LABEL_RE = re.compile(r"^(?:(?i:it|this(?!\s+(?:work|study|paper|method|model)\b)|they|these|those|there|which|"
                              r"its|their)\s|"
                              r"(?i:the)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)*\s*$)")
# a header naming a part of the chart ("Reference Lines:", "Threshold guides", "Annotations") heads no point
COMPONENT_HEADER_RE = re.compile(r"\b(?:lines|curves|annotations|guides|thresholds|fits|legend|axes|labels)\s*:?$",
                                 re.IGNORECASE)
KEYED_LINE_RE = re.compile(r"^(?P<key>[^:=≈()]{1,40}?)\s*(?:[:=≈]|\s~)\s*(?P<value>.+)$")
STYLE_KEY_RE = re.compile(r"^(?:colou?r|marker|symbol|shape|style|appearance|glyph)s?$")
GROUP_KEY_RE = re.compile(r"^(?:series|group|family|category|class|cluster|legend(?: entry)?)$")
COORDS_KEY_RE = re.compile(r"^(?:coordinates?|(?:approx\w*\.?\s+)?position|location|\(x,\s*y\)|values?|xy|point)$")
_APPROX_RE = re.compile(r"^\s*(?:approx(?:imately|\.)?|about|around|roughly|~|≈)\s*", re.IGNORECASE)
LEAD_COORDS_RE = re.compile(r"^\s*[(\[][^()\[\]]*\d[^()\[\]]*,[^()\[\]]*\d[^()\[\]]*[)\]]\s*[-—–:]?\s*")
OURS_LABEL_RE = re.compile(r"^(?:our (?:own )?(?:model|method|system|approach)|ours|proposed(?: model| method)?)"
                           r"\s*[(:,]\s*(?P<name>[^()]+?)\)?$", re.IGNORECASE)
# "Approximately (" with no pair inside: a point whose coordinates were cut off
OPEN_COORDS_RE = re.compile(r"^\s*[:—–-]?\s*(?:approx\w*\.?|about|~|≈|at)?\s*[(\[][^)\]]*$", re.IGNORECASE)
# "... scores 40. Correction": two sentences; not a short title's period ("St. Brendan's", "Mt. Hood", "Dr. No")
SENTENCE_END_RE = re.compile(r"[a-z\d%)](?<!\b[A-Z][a-z])[.!?]\s+[A-Z][a-z]")
# a label holding one is prose: "One unit is emphasised"
PROSE_WORD_RE = re.compile(r"\b(line|lines|axis|trend)\b|\s(?:is|are|was|were)\s")
STYLE_TAIL_RE = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]\s*$")
BRACKETED_RE = re.compile(r"\([^()]*\)")
ASIDE_RE = re.compile(r"(?<=[\w%])\s*\([^()]*\)")  # a bracket right after a value
POSSESSIVE_VALUE_RE = re.compile(r"['’]s\s+[~≈$]?\d")
RANGE_CUE_RE = re.compile(r"\b(?:from|between|range[sd]?|ranging|spans?|spanning)\b[^,;]{0,40}$", re.IGNORECASE)
TAIL_BRACKET_RE = re.compile(r"[(\[]([^()\[\]]{2,60})[)\]]\s*\.?\s*$")
SETTINGS_RE = re.compile(r"\(\s*(?![xyXY]\s*=)[A-Za-z_][\w.]*\s*=\s*[^,()=]+(?:,\s*(?![xyXY]\s*=)[A-Za-z_][\w.]*\s*=\s*"
                         r"[^,()=]+)+\)")
_ARROW_RE = re.compile(r"\s(?:→|->|⇒|=>)\s")
_DASH_RE = re.compile(r"\s[—–-]\s|\s*[—–]\s*(?=[A-Za-z])")
_LABEL_SEPS = (": ", " — ", " – ", " - ", " · ", " | ", " • ", " ; ", " (", " [", " at ", " x ", " x=", " with ")


def points_list(state: ParseState) -> None:
    """'* **Kimi-VL-A3B-Thinking-2506 (Purple Star):** Approximately (3, 35.5).'"""
    record: dict[str, Block] = {}
    last_line = 0  # the record's last line read
    bare: dict[tuple[tuple[str, ...], int], int] = {}  # items that are nothing but a pair, by their list
    for block in state.facts_blocks("item"):
        if BARE_PAIR_RE.fullmatch(block.text):
            bare[(block.context, block.depth)] = bare.get((block.context, block.depth), 0) + 1
    for block in state.facts_blocks("item", "paragraph", "heading"):
        complete = "label" in record and _located(record)
        # (a plain-text record: "record: BM25" over indented items "family: Sparse", "index: 2.1 GB")
        # (or an item of keyed lines: "- compound: Velorinib" over "  IC50: 2.4 nM", "  F: 38 %", YAML's way)
        loose = block.kind == "item" and (("label" in record and record["label"].kind == "paragraph")
                                          or KEYED_LINE_RE.match(block.text) is not None)
        # (fields without a label are orphans; a line keyed as the record's name line was starts the next record:
        # "record: FedProx" after "record: FedAvg" and its fields)
        same = _record_line(record["label"], loose=True)[0] if "label" in record else None
        key = _record_key(state, block, "label" in record and not complete, loose, same)
        if key:
            while key.startswith("style") and key in record:
                key += "+"  # "colour: blue" then "marker: circle": two lines of one style
            if key in record and (key == "label" or "label" not in record):
                _record_point(state, record)  # a second label, or a field again with no label between: a new record
                record = {}
            record[key] = block
            block.used, last_line = True, block.line
            continue
        if complete and block.line == last_line + 1 and block.kind != "heading":
            # a located record's next keyed line: its group or style ("group: Full-precision"), or a field no
            # axis shows ("rounds: 500"); the record goes on
            extra, value = _record_line(block, loose=True)
            if extra is not None and not RECORD_KEY_RE.match(extra) and axis_of_key(state, extra) is None \
                    and (len(lex(value)) <= 1) and not find_coords(value):
                # (or any key whose value is a legend entry's name: "mechanism: strike-slip" under "strike-slip =
                # blue circle")
                if "group" not in record and (GROUP_KEY_RE.match(extra) or (
                        state.groups and not _DIGIT_RE.search(value) and group_named(state, strip_marks(value)))):
                    record["group"] = block
                block.used, last_line = True, block.line
                continue
        if record and (block.kind == "heading" or ("label" in record and _located(record))):
            _record_point(state, record)
            record = {}
        if block.used:
            continue
        series = _series_of_pairs(state, block) or _unnamed_listed(state, block) or _unnamed_counted(state, block)
        if series:
            state.add_points(series)
            block.used = True
            continue
        point = _nested_record(state, block)
        if block.kind == "heading":
            if point is not None:
                state.add_points([point])
            continue
        if point is None and (not block.bold_only or find_coords(block.text)):
            point = _point_in(state, block)  # a wholly bold line is a header, unless it holds coordinates
        if point is None and block.kind == "item" and bare.get((block.context, block.depth), 0) >= 2 and \
                BARE_PAIR_RE.fullmatch(block.text) and (coords := find_coords(block.text)) is not None:
            # "The approximate positions of the dots are:" then "- (82.0, 9.1)", "- (84.5, 3.9)": no names at all
            point = PointFact("", coords.x, coords.y, block.line, unnamed=True)
            apply_context(state, block, point)
            point.warnings.append(NO_LABEL_NOTE)
        if point is not None:
            point.origin = _origin(block)
            state.add_points([point])
            block.used = True
    if record:
        _record_point(state, record)


def _origin(block: Block) -> str:
    """The items of one list, or the keyed lines of one section ("PPC: 60 neurons, 33%" twice)."""
    return f"list {block.depth} {' / '.join(block.context)}" if block.kind == "item" else \
        f"lines {' / '.join(block.context)}" if block.kind == "paragraph" and block.lead else ""


def _record_key(state: ParseState, block: Block, in_record: bool, loose: bool = False,
                same: str | None = None) -> str | None:
    """Which field of a keyed record a line fills: "label", "style", "coords", "x" or "y".

    '* **Model:** DeepSeekMoE 16B' / '**Symbol:** Large Red Star' / 'Coordinates: TOF ≈ 3×10^2, selectivity ≈ 55%'
    / 'Accuracy: 71%'. A key of another name ("Catalyst: Cu/ZrO2") names the point when the very next
    line holds its coordinates."""
    key, value = _record_line(block, loose)
    if key is None:
        return None
    cased = _record_line(block, loose, cased=True)[0] or key
    m = RECORD_KEY_RE.match(key)
    if m and m.lastgroup == "label" and in_record and key != same and group_named(state, strip_marks(value)):
        return "group"  # "point: GPTQ-4bit" then "method: GPTQ" of the legend's "orange triangle = GPTQ": its group
    if m:
        return m.lastgroup
    if same is not None and key == same and not find_coords(value):
        return "label"  # "record: 8-bit QSGD" after "record: FedPAQ": the next record, whatever its name holds
    if in_record and GROUP_KEY_RE.match(key):
        return "group"  # "record: BM25" / "family: Sparse" / "index: 2.1 GB" / "ndcg: 0.429"
    if in_record and 0 < len(value.split()) <= 4 and not _DIGIT_RE.search(value) and (
            g := group_named(state, value.strip()) or group_mentioned(state, value) or group_by_initial(state, value)):
        # "region: Alps" names a key entry: the group; "type: valley" a category a sentence styled ("Valley glaciers
        # are drawn as circles"): a style
        return "group" if g.keyed or not any(other.keyed for other in state.groups) else "category"
    axis = axis_of_key(state, cased) if in_record and _single_value(value) else None
    if axis is not None:
        return axis
    if not in_record and NUMBERED_NAME_RE.fullmatch(value.strip()) and not axis_of_key(state, cased) \
            and _record_follows(state, block):
        return "label"  # "Property: 210 Harbour St #4B", "Site: Plot 14": a name that holds numbers
    if SENTENCE_VALUE_RE.fullmatch(value.strip()):
        return None  # "Trend: Single reference point at the far right (...).": a remark, no name
    if (in_record or not value.strip() or len(value) > 120 or not _record_follows(state, block)
            or len(lex(value)) > 1 or find_coords(value) or _single_value(value) or axis_of_key(state, cased)
            or (state.groups and group_named(state, strip_marks(value)))):
        # a name is no number, its key names no axis ("MMLU: ~85" is a value), and no legend entry is a point's
        # name ("- type: Teaching hospital" over "- volume: 182")
        return None
    return "label"


# ': "Pt3Sn (this work)", ' after a role's key
QUOTED_AFTER_ROLE_RE = re.compile(r"^\s*[:—–-]\s*[\"“](?P<name>[^\"“”]{1,60})[\"”]\s*(?:[,;—–]\s*)?")
SENTENCE_VALUE_RE = re.compile(r"\S+(?:\s+\S+){3,}[.!]")  # four words or more and a full stop: a sentence
# a nested line saying how the point is drawn: "Drawn as a larger purple dot ...", "Shown as a red star"
DRAWN_LINE_RE = re.compile(r"^(?:it\s+is\s+|is\s+)?(?:drawn|shown|plotted|rendered|marked|displayed|depicted)\s+"
                           r"(?:as|with|in)\s+(?P<style>.+)$", re.IGNORECASE)
# a sentence with its own subject, a name and a verb: "Arbiter-8B (ours) is the red star at 6 cents ..."
SUBJECT_SENTENCE_RE = re.compile(r"(?:the\s+)?(?-i:[A-Z])[\w.+/-]*(?:[\s-][\w.+/-]+|\s\([^()]{1,30}\)){0,4}?\s+"
                                 r"(?:is|sits|lies|appears|reaches|stands|scores|comes)\b")
# a name that holds numbers: an address ("210 Harbour St #4B", "7 Linden Mews"), a numbered thing ("Plot 14",
# "Patient 0032", "Well B-7"), a code ("Runner: R01")
NUMBERED_NAME_RE = re.compile(r"\d{1,5}[A-Za-z]?\s+(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*)*(?:\s*#\s*\w+)?|"
                              r"(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)*\s+#?(?:[A-Z]-?)?\d+[A-Za-z]?|"
                              r"(?-i:[A-Z]{1,4})-?\d{1,4}[A-Za-z]?")  # or a code: "R01", "S-12"


# a plain-text line of data: a name, a spaced dash, the values ("Fiat 500e - about 1,365 kg, 14.9 kWh/100 km")
# (or a value's key first: "PPO — KL ≈ 12.4, win rate ≈ 66%")
DASHED_LINE_RE = re.compile(r"^[^\s].{0,50}?\s[-–—]\s+(?:(?-i:[A-Za-z])[\w()/%.-]*\s+){0,3}?(?:[:=]\s*)?"
                            r"(?:(?:about|approx\.?|approximately|around|roughly|~|≈)\s*)?"
                            r"[-−$€£]?\d[^!?]{0,80}$")
# in a run of such lines, a name and its bracketed pair joined by "=", an arrow or a space alone ("Orca Mini 3B
# (85, 63.0)", "Site North = (420, 4.1)", "Site East → [780, 7.9]")
PAIR_LINE_RE = re.compile(r"^[^\s(\[].{0,50}?(?:\s*(?:=|->|→|=>|⇒)\s*|\s+)"
                          r"(?:(?:about|approx\.?|approximately|around|roughly|~|≈)\s*)?"
                          r"[(\[][^()\[\]]*\d[^()\[\]]*[,;][^()\[\]]*\d[^()\[\]]*[)\]]\s*\.?$")
# a name and its values joined by an arrow, dot leaders or tabs ("Drug A 10 mg → dose 10, reduction 37", "Drug A
# ........ 10 mg, 37%", "Drug A<tab>10<tab>37"), or the pair first ("(10, 37) Drug A")
SEP_LINE_RE = re.compile(r"^[^\s(\[].{0,50}?(?:\s*(?:→|->|=>|⇒)\s*|\s*\.{3,}\s*|\t+)(?P<rest>\S.{0,100})$")
LEAD_PAIR_LINE_RE = re.compile(r"^[(\[][^()\[\]]*\d[^()\[\]]*[,;][^()\[\]]*\d[^()\[\]]*[)\]]\s*[-—–:]?\s*"
                               r"[^\W\d][^()\[\]]{0,50}$")


def _data_line(state: ParseState, block: Block) -> bool:
    """A plain-text line of data, not prose: a name and its values set apart by a spaced dash, an arrow, dot
    leaders or tabs, or a run of lines each a name and its bracketed pair."""
    if DASHED_LINE_RE.match(block.text) or LEAD_PAIR_LINE_RE.match(block.text):
        return True
    sep = SEP_LINE_RE.match(block.text)
    if sep is not None and len(lex(sep.group("rest"))) >= 2:
        return True
    return _pair_line_run(state, block)


def _pair_line_run(state: ParseState, block: Block) -> bool:
    """`block` is one of two or more lines in a row, each a name and its bracketed pair."""
    if not PAIR_LINE_RE.match(block.text):
        return False
    return any(other.kind == "paragraph" and abs(other.line - block.line) == 1 and PAIR_LINE_RE.match(other.text)
               for other in state.doc.adjacent(block))


def _single_value(value: str) -> bool:
    """"~70", "3×10^2 h⁻¹", "71%": one number, first in the text (or after "corrected to")."""
    corrected = _after_correction(value)
    if corrected != value:
        value = BRACKETED_RE.sub(" ", corrected)  # "... corrected to 59.0% (the point is at 59.0)"
    value = ASIDE_RE.sub(" ", value)  # "25 % (max 40 mg)", "~70 (±2)": a remark on the value
    nums = lex(value)
    return len(nums) == 1 and _bare_lead(value[: nums[0].start])


def _record_line(block: Block, loose: bool = False, cased: bool = False) -> tuple[str | None, str]:
    """A keyed line's key (lower case unless `cased`: "SBP" spells "systolic BP", "sbp" nothing) and value: a
    bold lead, or (in a paragraph, or an item when `loose`) "key: value"."""
    if block.kind not in ("item", "paragraph"):
        return None, ""
    if block.lead:
        key = block.lead.rstrip(":. ")
        return key if cased else key.lower(), block.body
    m = KEYED_LINE_RE.match(block.text) if block.kind == "paragraph" or loose else None
    if m is None:
        return None, ""
    return m.group("key").strip() if cased else m.group("key").strip().lower(), m.group("value")


def _record_follows(state: ParseState, block: Block) -> bool:
    """The keyed lines right after `block` state coordinates: "Coordinates: (3, 55)" or "TOF: 300", after
    keys of its group or style too ("family: Sparse", "colour: blue")."""
    line = block.line
    loose = block.kind == "paragraph" or KEYED_LINE_RE.match(block.text) is not None
    for nxt in islice(state.doc.after(block), 6):
        if nxt.line != line + 1 or nxt.kind not in ("item", "paragraph") or (nxt.kind != block.kind and not (
                block.kind == "paragraph" and nxt.kind == "item")):
            return False  # (an indented plain-text record: "record: BM25" over items "  index: 2.1 GB")
        key, value = _record_line(nxt, loose=loose)
        if key is None:
            return False
        cased = _record_line(nxt, loose=loose, cased=True)[0] or key
        m = RECORD_KEY_RE.match(key)
        if m and m.lastgroup == "coords" and lex(value):
            return True
        if _single_value(value) and axis_of_key(state, cased) is not None:
            return True
        if not (GROUP_KEY_RE.match(key) or (m and m.lastgroup == "style")
                or (state.groups and not _DIGIT_RE.search(value) and group_named(state, value.strip()))
                or (block.kind == "paragraph" and 0 < len(value.split()) <= 2 and not _DIGIT_RE.search(value)
                    and len(value) <= 20)):
            # (a key of the record's legend group: "Type: Condo" under a legend "Blue circle: Condo"; or a short
            # word of its own: "Sex: F", "Club: Harriers")
            return False
        line = nxt.line
    return False


def _located(record: dict[str, Block]) -> bool:
    return "coords" in record or ("x" in record and "y" in record)


def _record_point(state: ParseState, record: dict[str, Block]) -> None:
    """'* **Model:** DeepSeekMoE 16B' / '* **Symbol:** Large Red Star' / '* **Coordinates:** [~2.8, ~51.0]'."""
    if set(record) == {"coords"}:
        # "### LLaVA-1.5-7B (Gray Circle)" over "- **Spatial Grounding**: [x=576, y=100.0]" and no name line: a
        # place of its own, as any line with a pair is read (its series names it)
        point = _point_in(state, record["coords"])
        if point is not None:
            point.origin = _origin(record["coords"])
            state.add_points([point])
        return
    if "label" not in record or not _located(record):
        return
    head = record["label"]
    if "coords" in record:
        where = _record_line(record["coords"], loose=True)[1]
        coords = find_pair(where)
        if coords is None:  # "TOF ≈ 3×10^2, selectivity ≈ 55%": values keyed by the axes' names
            nums = [n for n in lex(where) if not in_name(where, n)]
            coords = Coords(*assign_axes(state, where, nums), 0, 0) if len(nums) == 2 else None
        if coords is None:
            return
        x, y = coords.x, coords.y
    else:
        fx = _field_num({"v": _record_line(record["x"], loose=True)[1]}, "v")
        fy = _field_num({"v": _record_line(record["y"], loose=True)[1]}, "v")
        if fx is None or fy is None:
            return
        x, y = fx, fy
    # ("colour = blue" then "marker = circle": each a line of the style)
    style = " ".join(_record_line(block, loose=True)[1] for key, block in record.items() if key.startswith("style"))
    label, symbols = leading_symbols(strip_marks(_record_line(head, loose=True)[1]))
    style = f"{symbols} {style}"
    point = PointFact(label, x, y, head.line, color=first_color(style), marker=first_marker(style))
    # ("style = larger gold star (highlighted as the league's top scorer)": its style sets it apart)
    point.ours = ours_cue(point.label) or HIGHLIGHT_WORD_RE.search(style) is not None
    apply_context(state, head, point)  # "### Highlighted Model" above the record
    if "group" in record:  # "family: Sparse"
        stated = strip_marks(_record_line(record["group"], loose=True)[1])
        found = group_mentioned(state, stated) or group_by_initial(state, stated)  # "Sex: F" beside "Female"
        point.group = found.name if found else stated
    category = _record_line(record["category"], loose=True)[1].strip() if "category" in record else ""
    if category and (drawn := group_named(state, category) or group_mentioned(state, category)):
        point.color, point.marker = point.color or drawn.color, point.marker or drawn.marker
    state.add_points([point])


def _nested_record(state: ParseState, block: Block) -> PointFact | None:
    """A line naming a point, then lines keyed by axis or style: nested ('- **Llama-2-7B**' with sub-items
    '- X: 8.4e22', '- Y: 45.3', '- Color: blue') or flattened to the same depth ('1. **BERT-Large** (dark
    blue):' then '- GFLOPs: ~50', '- GLUE score: ~82'), under a heading too ('### BERT-Large')."""
    plain = block.kind == "paragraph" and not block.bold_only
    if plain and not _name_then_fields(state, block):
        return None  # (a plain line past here is a bare name over its fields: "Hospital A" over "- type: ...")
    # an item with text of its own, unless it is a bare name followed by its keyed fields ("1. Base-70M" then
    # "x: 1.3e20", "y: 3.55" at the same depth, as a numbered list flattens them)
    nested_only = block.kind != "heading" and not _header_like(block) and not (plain or _name_then_fields(state, block))
    fields: dict[str, str] = {}
    children = []
    top = None  # the depth of the record's own lines, and whether one of them is a bare name
    named_below = False
    for child in state.doc.after(block):
        if child.used:  # an axis or legend line: the record has ended
            break
        nested = child.kind == "item" and block.kind == "item" and child.depth > block.depth
        if nested and top is not None and child.depth > top and named_below:
            return None  # "**Europe** (blue circles)" over "Madrid Line 8" over "cost ≈ US$95M/km": a series
        top = child.depth if nested and top is None else top
        if not nested and (nested_only or child.kind not in ("item", "paragraph") or _header_like(child)):
            break
        if nested and not fields and child.text.rstrip().endswith(":") and child.text.count(":") == 1:
            return None  # "Learned codecs (teal circles):" over "Ballé2018 (hyperprior):" over its fields: a series
        if not fields and _record_key(state, child, False) == "label":
            return None  # "## Points" over "Label: Lead-acid", "Cycle life: 500": the record names itself
        key, value = _key_value(child)
        if key is not None and LINE_WORD_RE.search(key):
            key = None  # "A vertical dotted line at pLDDT = 70": a line's position, no field of a point
        if key is None:
            if nested and (drawn := DRAWN_LINE_RE.match(child.text)) is not None and (
                    style_head(drawn.group("style")) or HIGHLIGHT_WORD_RE.search(child.text)):
                # "- Drawn as a larger purple dot with a bold label — he is the highlighted player": the point's
                # own look, and its emphasis
                fields.setdefault("style", style_head(drawn.group("style")))
                fields.setdefault("drawn", child.text)
                children.append(child)
                continue
            if nested:
                named_below = named_below or child.depth == top
                continue
            break
        field = _field_key(state, key)
        if field is None and (named := RECORD_KEY_RE.match(key.strip())) and named.lastgroup == "label" \
                and value.strip():
            field = "label"  # "**Record 3**" over "- Label: Semaglutide 1 mg": the record's own name
        if field is None and state.groups and not lex(value) and group_named(state, strip_marks(value)):
            field = "group"  # "type: Teaching hospital" of the key's "purple triangle — Teaching hospital"
        if field is None:
            if nested or not lex(value):
                continue  # "Position: top-right corner", "Error bars: large"
            break  # a keyed line with numbers that is no field of this record: another point
        fields.setdefault(field, value)
        children.append(child)
    if "x" not in fields and "y" not in fields and "coordinates" not in fields:
        return None  # no axis-keyed line: not a record (the common case, decided without more work)
    x, y = _field_num(fields, "x"), _field_num(fields, "y")
    coords = find_pair(fields.get("coordinates", ""))
    if coords is not None:
        x, y = x or coords.x, y or coords.y
    label = strip_marks(fields.get("label") or _name_keyed(block.text.rstrip(":")))
    if (x is None or y is None or not label or _sentence_like(label) or find_coords(label)
            or not_a_label(label) or COMPONENT_HEADER_RE.search(label)):
        return None
    style = " ".join(v for k, v in fields.items() if k == "style")
    label, symbols = leading_symbols(label)
    label, own = _label_style(label)
    own = f"{symbols} {own} {style}"
    color, marker = style_words(own)
    point = PointFact(label, x, y, block.line, color=color, marker=marker)
    point.ours = ours_cue(label) or bool(HIGHLIGHT_WORD_RE.search(fields.get("drawn", "")))
    apply_context(state, block, point)
    if fields.get("group"):  # "- Series: encoder–decoder"
        stated = strip_marks(fields["group"])
        found = group_mentioned(state, stated)
        point.group = found.name if found else stated
    for child in children:
        child.used = True
    return point


def _name_keyed(text: str) -> str:
    """A record's head line without a key that says it is a name: "model: Orca-Lite" -> "Orca-Lite"."""
    m = KEYED_LINE_RE.match(text)
    named = RECORD_KEY_RE.match(m.group("key").strip()) if m is not None else None
    return m.group("value").strip() if m is not None and named is not None and named.lastgroup == "label" else text


def _name_then_fields(state: ParseState, block: Block) -> bool:
    """A bare name, then its keyed fields at the same depth, one of them an axis's: "1. Base-70M" over "x: 1.3e20",
    or a plain line "Hospital A" over the list "- type: Teaching", "- volume: 182 cases/year", ..."""
    if block.kind not in ("item", "paragraph") or ":" in block.text or len(block.text.split()) > 6 \
            or find_coords(block.text) or block.text.rstrip().endswith("."):
        return False
    depth = block.depth if block.kind == "item" else 0
    for nxt in islice(state.doc.after(block), 4):
        if nxt.kind != "item" or nxt.depth != depth:
            return False
        key, _ = _key_value(nxt)
        if key is None:
            return False
        if _field_key(state, key) in ("x", "y", "coordinates"):
            return True
    return False


def _header_like(block: Block) -> bool:
    """'**BERT-Large**', '**Human***', '1. **ELECTRA-Large** (2020-07, yellow):' head what follows."""
    text = block.text.rstrip()
    if block.bold_only or text.endswith(":"):
        return True
    lead = block.lead
    return lead is not None and text.startswith(lead) and not any(ch.isalnum() for ch in text[len(lead):])


def _key_value(block: Block) -> tuple[str | None, str]:
    """'**GFLOPs**: ~70' / 'X: 8.4e22' / 'Color = blue' -> (key, value); (None, text) for other lines."""
    if block.lead and not block.bold_only:
        return block.lead.rstrip(":. "), block.body
    m = KEYED_LINE_RE.match(block.text)
    return (m.group("key"), m.group("value")) if m else (None, block.text)


def _field_key(state: ParseState, key: str) -> str | None:
    """Which field of a point a record's key fills: "x", "y", "style", "coordinates", "group", or None."""
    low = key.lower().strip()
    if STYLE_KEY_RE.match(low):
        return "style"
    if COORDS_KEY_RE.match(low):
        return "coordinates"
    if GROUP_KEY_RE.match(low):
        return "group"
    return axis_of_key(state, key)


def _after_correction(value: str) -> str:
    """"56.0% -> corrected to 59.0% in the erratum": the text after the cue when a value follows it, else all."""
    fixed = CORRECTED_TO_RE.search(value)
    return value[fixed.end():] if fixed is not None and lex(value[fixed.end():]) else value


CORRECTED_TO_RE = re.compile(r"(?:->|→|=>)?\s*\b(?:corrected|revised|amended|updated)\s+(?:to|:)\s*", re.IGNORECASE)


def _field_num(fields: dict[str, str], axis: str) -> Num | None:
    """The value a record's line states: "~70", "approximately 8.4e22 FLOPs"; not "Throughput (req/s), 0–400"."""
    text = _after_correction(_APPROX_RE.sub("", fields.get(axis, "")))
    nums = lex(text)
    return nums[0] if nums and _bare_lead(text[: nums[0].start]) else None


# a currency's code before a value: "US$95M/km", "A$40", "USD 1,200", "CHF 3.5"
CURRENCY_CODE_RE = re.compile(r"(?:[A-Z]{1,2}\$|(?:USD|EUR|GBP|JPY|CHF|CAD|AUD|CNY|RMB|INR|SGD|HKD)\b)\s*$")


def _bare_lead(text: str) -> bool:
    """No word before a record's value but a hedge or a currency's code: "~70", "approximately", "US$"."""
    return not re.search(r"[^\W\d_]", CURRENCY_CODE_RE.sub("", _APPROX_RE.sub("", text)))


def _point_in(state: ParseState, block: Block) -> PointFact | None:
    if not _DIGIT_RE.search(block.text):
        return None  # no number, no coordinates
    if block.kind == "item" and block.context and \
            LINES_SECTION_RE.search(REMARK_TAIL_RE.sub("", header_head(block.context[-1]))):
        # an item under "**Ceilings and guides**", "Reference lines:" or "**Fitted lines** (dashed, each in its
        # crop's colour)" describes a part of the chart (not one under "Open models: all above the fitted line")
        return None
    if block.lead and block.lead.rstrip(" *").endswith(".") and state.groups and group_mentioned(state, block.lead):
        return None  # "**High-income countries.** Japan applies ...": a run-in heading naming a group, prose's
    if block.kind == "paragraph" and not block.lead and top_level_index(block.text, ": ") < 0 \
            and not _data_line(state, block):
        return None  # prose is points_prose's (not "Fiat 500e - about 1,365 kg, 14.9 kWh/100 km", a line of data)
    if block.text.rstrip().endswith(":"):
        return None  # "Islands, with area and species count (100 ha = 1 km²):" heads the points under it
    if block.kind == "paragraph" and len(block.sentences) >= 2 and len(block.text.split()) >= 20:
        return None  # "What the chart says: ... 0.037 mg/L per mg. Only IR-800 ...": prose after a key
    if block.kind == "paragraph" and not block.lead and (colon := top_level_index(block.text, ": ")) > 0 and \
            group_named(state, block.text[:colon]) is not None and SUBJECT_SENTENCE_RE.match(block.text, colon + 2):
        return None  # "Ours: Arbiter-8B (ours) is the red star at ...": a group's key over a sentence, prose's
    lead_coords = LEAD_COORDS_RE.match(block.text)
    if lead_coords:  # "(120, 1500) - SystemA": the label follows the coordinates
        label, rest = strip_marks(block.text[lead_coords.end():]), lead_coords.group(0)
    else:
        label, rest = _split_label(block, state)
    role_named = QUOTED_AFTER_ROLE_RE.match(rest) if ours_cue(label) else None
    role = role_named is not None
    if role_named is not None:  # 'Highlighted point: "Pt3Sn (this work)", red star, Ea ≈ 55, ...': a role's key,
        label, rest = role_named.group("name").strip(), rest[role_named.end():]  # the name after it
    remark = LABEL_REMARK_RE.search(label)
    if remark is not None:
        label = label[: remark.start()]
    values_only = _values_only(label) or (VALUE_LED_RE.match(label) is not None and _values_only(block.text))
    if not label or not_a_label(label) or values_only:
        # (nor are values a name: "118 BPM, ~310M streams" or "150 BPM, ~450k streams (just below the 1M
        # gridline)" under its series' header)
        return _unnamed(state, block, rest if label and not values_only else block.text)
    # "unlabelled green circle: x=300, y=12", "(no label): x: 3, y: 0.29", "A red point with no gene name at (1.6, 4.2)"
    if NO_NAME_LABEL_RE.fullmatch(label) or NO_NAME_RE.search(label) or (
            MARKER_DESCRIBED_RE.fullmatch(label) and NO_NAME_RE.search(block.text)):
        return _unnamed(state, block, rest, keep=True)
    if not lead_coords and _series_line(rest):
        return None  # "Series A (orange triangles): P1 (200, 55), P2 (800, 62)": a series, its points are prose's
    # (its style bracket may read as a clause: "LoopWorld (ours) (red star, drawn larger and highlighted)")
    if len(label) > 1000 or _sentence_like(_label_style(label)[0]) or POSSESSIVE_VALUE_RE.search(label) or \
            PRONOUN_LABEL_RE.match(label):
        return None  # "PPO's 0.41 at 3,000K steps is ...": a remark about a point
    if LINE_LABEL_RE.search(label):
        return None  # "`- - -` (Black Dashed Line): Dense fit: L = 28.1·C^(-0.048)": a line's key entry, no point
    if (aside := COUNT_ASIDE_RE.search(rest)) is not None and len(lex(rest[: aside.start()])) >= 2:
        rest = rest[: aside.start()]  # "usage 39.6%, TS .644 (only 39 games played)": the remark's count is no value
    if (fix := CORRECTION_RE.search(rest)) is not None and len(lex(rest[: fix.start()])) >= 2:
        # "period 6.10 d, mass 0.69 M⊕ – correction: the mass is closer to 0.62 M⊕": the values as listed; the
        # correction revises them after (rule corrections)
        rest = rest[: fix.start()]
    if 2 <= _names_before_pairs(block, label) <= len(PAIR_RE.findall(rest)):
        return None  # "Whisper-small and Whisper-medium sit at (0.31, 5.3) and (0.62, 4.4)": a pair a name (prose)
    coords = find_coords(rest) or _two_numbers(state, rest)
    if coords is not None and state.groups and len(SPAN_RE.findall(rest, coords.start, coords.end)) >= 2 and \
            group_named(state, label):
        return None  # "**Al alloys**: Clustered in the bottom-left [x=10–18, y=145–505]": where a group lies
    if coords is not None and LINE_BEFORE_RE.search(rest[: coords.start]):
        return None  # "**Roofline.** A dashed black straight line starts at the origin (0, 0) and rises to ..."
    if coords is not None and block.kind == "paragraph" and not lead_coords and coords.start > 0 \
            and coords.start >= len(next(iter(sentences(rest)), "")):
        return None  # "Scatter plot: energy against gap. Three sit at (1, 2) ...": the pair is another sentence's
    if coords is None:
        if block.kind == "item" and OPEN_COORDS_RE.match(rest):
            state.warn(f"{_label_style(label)[0]!r} has no readable x and y (the text may be cut off); not drawn",
                       block.line)
        return None
    series = series_point(state, label)
    if series is not None:  # "Extra maize point at 1,050 mm / 11.2 t/ha": one more point of that series
        point = PointFact(series[0].name, coords.x, coords.y, block.line, unnamed=True)
        point.ctx_group = series[0].name
        return point
    label, symbols = leading_symbols(label)
    if not label:  # "- × : (64, 47.2)" under "### × Ablations": a marker, no name; the series names it
        return _unnamed(state, block, rest)
    named, own_style = _label_style(label)
    if own_style and not _style_then_remark(own_style) and group_named(state, own_style) is not None:
        own_style = ""  # "Raja Ampat (Coral Triangle)" under a legend entry "Coral Triangle": the group, no style
    else:
        label = named
    own_style = f"{symbols} {own_style}"
    if remark is not None:  # "Homo sapiens, the focal species": the remark is no part of the name
        own_style = f"{own_style} {remark.group('remark')}"
    ours = OURS_LABEL_RE.match(label)
    # ("Ours (GPT-4o)" and "Ours (Claude 3.5 Sonnet)" are two points' labels: the word "Ours" with its variant stays)
    if ours and not re.match(r"ours\s*\(", label, re.IGNORECASE) and \
            not any(f"{q}{label}{e}" in state.doc.text for q, e in ('""', "“”")):
        # "Our model (Falcon-X)" names the point Falcon-X (not where the chart's label is quoted whole: 'a red star,
        # labeled "Ours (ViT-L/14)"')
        label = ours.group("name").strip()
    style_text = own_style + " " + rest
    color, marker = style_words(style_text)
    point = PointFact(label, coords.x, coords.y, block.line, color=color, marker=marker,
                      beyond=BEYOND_RE.search(rest) is not None)
    if coords.note:
        point.warnings.append(coords.note)
    # "(this work)", "(9, 84) — the proposed model"; not a sentence after the point's own
    point.ours = role or bool(ours) or ours_cue(label) or ours_cue(own_style) \
        or ours_cue(next(iter(sentences(rest)), "")) \
        or any(HIGHLIGHT_WORD_RE.fullmatch(p.strip()) for p in re.split(r"[,;]", own_style))
    tail = TAIL_BRACKET_RE.search(rest)
    group = group_mentioned(state, tail.group(1)) if tail and not lex(tail.group(1)) else None
    if group is None and state.groups and not (color or marker):
        nums = lex(rest)  # "**S&P 500 Tracker** – passive, $0.05 fee, roughly 12.1%": the words before the values
        head = rest[: nums[0].start] if nums else ""
        # ("— spinel / rock-salt oxides; η ≈ 430 mV": the first field, its words)
        head = (split_top(head, ";,") or [""])[0] if ";" in head or "," in head else head
        group = group_mentioned(state, head) if len(re.findall(r"[^\W\d_]\w*", head)) <= 4 else None
    if group is None and state.groups and ":" in rest:  # "— format: Suburban; selling area: 18K sq ft": a field
        group = next((g for m in FIELD_VALUE_RE.finditer(rest) if (g := group_named(state, m.group(1).strip()))), None)
    if group is None and state.groups:  # "Hong Kong (x ≈ 6.8k, y = 88%) — Asia, above the top of the frame"
        after = split_top(rest[coords.end:].strip(" —–-:;·|"), ",;")
        found = group_named(state, after[0]) if after and len(after[0].split()) <= 4 else None
        group = found if found is not None and len(found.name) * 2 >= len(after[0]) else None
    if group is not None:  # "`LCM` · 4 steps · FID 11.1 [Consistency / distillation]"
        point.group = group.name
        if (group.color is None) != (group.marker is None):
            # two keys, one of colours and one of shapes: "— model-based, Transformer encoder —" takes its colour
            # from the one and its marker from the other
            low = rest.casefold()
            other = next((g for g in state.groups if (g.color is None) == (group.marker is None) and
                          (g.marker is None) == (group.color is None) and has_words(low, g.name.casefold())), None)
            if other is not None:
                point.color, point.marker = point.color or other.color, point.marker or other.marker
    apply_context(state, block, point)
    return point


FIELD_VALUE_RE = re.compile(r"(?:^[\s—–-]*|[;,|]\s*)[A-Za-z][\w ()/.-]{0,30}:\s*([^;,:|]+)")  # "; format: Suburban"
SPAN_RE = re.compile(r"\d\s*(?:[–—-]|to\s)\s*[~≈]?\s*[-−]?\d")  # "10–18", "145 to 505"
LABEL_REMARK_RE = re.compile(r",\s+(?P<remark>(?:the|which|our|its)\s[^,()]{3,60})$")
PAIR_ONLY_RE = re.compile(r"[(\[]\s*[~≈]?\s*[-−]?[\d.]+[^()\[\]a-zA-Z]*?,\s*[~≈]?\s*[-−]?[\d.][^()\[\]]*?[)\]]")
PAIR_FILLER_RE = re.compile(r"\b(?:approx(?:imately|\.)?|about|around|roughly|and|at)\b", re.IGNORECASE)
BARE_PAIR_RE = re.compile(r"\s*(?:approx(?:imately|\.)?\s*|about\s+|~\s*|≈\s*)?[(\[][^()\[\]]*\d[^()\[\]]*[)\]]"
                          r"\s*[.;,]?\s*")
SERIES_PREFIX_RE = re.compile(r"^(?:series|group|set|cluster|category|class)\s*[\w.]{0,3}\s*[–—:-]\s*", re.IGNORECASE)


BRACKET_RE = re.compile(r"[(\[][^()\[\]]*[)\]]")
NO_LABEL_NOTE = "the text gives this point no label; drawn without one"
# points the text says carry no label: "four unlabelled gray points", "Unnamed markers:"
UNLABELLED_RE = re.compile(r"\b(?:un-?labell?ed|unnamed|without\s+(?:a\s+)?labels?|no\s+labels?|not\s+labell?ed)\b",
                           re.IGNORECASE)


def _no_label(block: Block, pair: str, head: str) -> PointFact:
    coords = find_coords(pair)
    assert coords is not None
    point = PointFact("", coords.x, coords.y, block.line, color=first_color(head), marker=first_marker(head),
                      unnamed=True)
    point.warnings.append(NO_LABEL_NOTE)
    return point


# the label of a point the text says has none: "unlabelled green circle", "(no label)", "unnamed point"
NO_NAME_LABEL_RE = re.compile(r"\(?\s*(?:no\s+(?:[\w-]+\s+)?(?:label|name)|un-?labell?ed|unnamed|nameless)\b"
                              r"[\w\s-]{0,30}\)?", re.IGNORECASE)
# a marker described where a name would be: "A red point", "another small blue dot"
MARKER_DESCRIBED_RE = re.compile(r"(?:an?|one|another|the)\s+(?:[\w-]+\s+){0,3}?(?:point|marker|dot|circle|square|"
                                 r"triangle|diamond|star|cross)", re.IGNORECASE)
# "two further ◆ markers have no name next to them: one at P ≈ 2.1×10³ d, M ≈ 13 and one at ..."
# (a word may say which name: "no gene name", "without a country label")
NO_NAME_RE = re.compile(r"\b(?:ha(?:ve|s)\s+no\s+(?:[\w-]+\s+)?(?:name|label)s?|carr(?:y|ies)\s+no\s+(?:[\w-]+\s+)?"
                        r"(?:name|label)s?|(?:without|with\s+no)\s+(?:a\s+)?(?:[\w-]+\s+)?(?:name|label)s?|un-?labell?ed|"
                        r"unnamed)\b", re.IGNORECASE)
ONE_AT_RE = re.compile(r"\bone\s+(?:is\s+)?(?:at|near|around)\b", re.IGNORECASE)


def _unnamed_listed(state: ParseState, block: Block) -> list[PointFact]:
    """Points the text says have no name, each placed by "one at X, Y": named by their series, if any."""
    if block.kind not in ("item", "paragraph") or "one " not in block.text or not NO_NAME_RE.search(block.text):
        return []
    pieces = ONE_AT_RE.split(block.text)[1:]
    found = []
    for piece in pieces:
        piece = re.sub(r"[,;]?\s+and\s*$|[,;.]\s*$", "", piece.strip())
        nums = [n for n in lex(piece) if not in_name(piece, n)]
        if len(nums) != 2:
            return []
        x, y = assign_axes(state, piece, nums)
        probe = PointFact("", x, y, block.line, unnamed=True)
        apply_context(state, block, probe)
        probe.label = probe.ctx_group or ""
        if not probe.label:
            probe.warnings.append(NO_LABEL_NOTE)
        found.append(probe)
    return found


# "three gray crosses without labels": a count of points drawn one way (the count and the style)
COUNTED_RE = re.compile(r"\b(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
                        r"(?P<style>(?:[\w-]+\s+){0,3}?)(?:point|marker|dot|circle|cross|square|triangle|star|diamond|"
                        r"symbol)(?:e?s)?\b", re.IGNORECASE)
# where their values start: "They are located at approximately ...", "they lie at ...", "sitting at ..."
VALUES_START_RE = re.compile(r"\b(?:located|placed|plotted|positioned|lie|lies|sit|sits|sitting|lying|found|are)\s+"
                             r"(?:at|near|around)\s+(?:approximately\s+|about\s+|roughly\s+|around\s+)?",
                             re.IGNORECASE)
VALUE_PIECE_SPLIT_RE = re.compile(r",\s*(?:and\s+)?|;\s*")
PIECE_AND_RE = re.compile(r"\s+and\s+(?=[~≈]?\s*[-−]?\d)")  # "..., 1 mg/kg with 2% and 10 mg/kg with -4%"


# after a no-name cue, the points by style: "two orange circles at roughly (52.5, 43.0) and (57.1, 40.2), and one
# teal square at about (82.4, 28.6)"
STYLED_PAIRS_RE = re.compile(r"\b(?P<n>one|two|three|four|five|six|\d)\s+(?P<style>(?:[\w-]+\s+){0,3}?(?:points?|"
                             r"markers?|dots?|circles?|crosses|squares?|triangles?|stars?|diamonds?))\s+"
                             r"(?:(?:appears?|sits?|lies?|are|is|lying|sitting)\s+)?(?:at|near)\s+"
                             r"(?:roughly|about|approximately|around|~)?\s*(?P<pairs>\([^()]*\)(?:\s*(?:,|and|,\s*and)\s*"
                             r"\([^()]*\))*)", re.IGNORECASE)


def _styled_pairs(block: Block, said: str) -> list[PointFact]:
    """Unnamed points counted by style, each style with its pairs (STYLED_PAIRS_RE): all counts kept, or none."""
    found = []
    for m in STYLED_PAIRS_RE.finditer(said):
        pairs = [p.group() for p in BRACKET_RE.finditer(m.group("pairs")) if find_coords(p.group()) is not None]
        if len(pairs) != count_of(m.group("n")):
            return []
        found += [_no_label(block, pair, m.group("style")) for pair in pairs]
    return found


def _two_and_two(piece: str) -> list[str]:
    """A piece of four values cut at the "and" that leaves two on each side ("30 ms and 80% and 35 ms and 82%")."""
    if len(lex(piece)) != 4:
        return [piece]
    for m in PIECE_AND_RE.finditer(piece):
        if len(lex(piece[: m.start()])) == 2:
            return [piece[: m.start()], piece[m.end():]]
    return [piece]


def _unnamed_counted(state: ParseState, block: Block) -> list[PointFact]:
    """"There are also three gray crosses without labels ... They are located at approximately 0.3 mg/kg with
    -8% reduction, 1 mg/kg with 2% reduction, and 10 mg/kg with -4% reduction": as many unnamed points as
    the text counts, each piece of the list two values (or none at all)."""
    cue = NO_NAME_RE.search(block.text) if block.kind in ("item", "paragraph") else None
    if cue is None:
        return []
    counted = COUNTED_RE.search(block.text, 0, cue.end() + 40)
    start = VALUES_START_RE.search(block.text, counted.end()) if counted else None
    if counted is None or start is None:
        # (the count may come before the cue: "Two small unlabeled grey dots appear near (64.0, +70) and ...")
        return _styled_pairs(block, block.text[max(0, block.text.rfind(". ", 0, cue.start()) + 1):])
    count = count_of(counted.group("n"))
    said = block.text[start.end():]
    said = said[: m.start() + 1] if (m := re.search(r"\.(?:\s|$)", said)) else said
    # (a piece of no values is a remark: "..., and the report does not say which district it belongs to")
    pieces = [q for p in VALUE_PIECE_SPLIT_RE.split(said.rstrip(". ")) if lex(p) for q in _two_and_two(p)]
    if len(pieces) != count:
        return []
    found = []
    for piece in pieces:
        nums = [n for n in lex(piece) if not in_name(piece, n)]
        if len(nums) != 2:
            return []
        x, y = assign_axes(state, piece, nums)
        point = PointFact("", x, y, block.line, color=first_color(counted.group(0)),
                          marker=first_marker(counted.group(0)), unnamed=True)
        point.warnings.append(NO_LABEL_NOTE)
        found.append(point)
    return found


def _names_before_pairs(block: Block, label: str) -> int:
    """How many names a label joins ("Whisper-small and Whisper-medium": two) where no colon keys it before the
    block's first bracket; 0 when one does ("- Marks and Spencer: (4.2, 6.5), up from (3.9, 2.8)": one name)."""
    return 0 if ":" in block.text[: block.text.find("(")] else len(split_names(label))


def _series_of_pairs(state: ParseState, block: Block) -> list[PointFact]:
    """"**Series 1 – vLLM (blue):** (120, 80), (240, 110), (360, 190)": unnamed points of one series, each
    labelled by the series (as the chart's legend names them) and kept."""
    if block.kind not in ("item", "paragraph") or block.text.count("(") < 2 or not _DIGIT_RE.search(block.text):
        return []
    first = BRACKET_RE.search(block.text)
    if first is not None and UNLABELLED_RE.search(block.text[: first.start()]):
        # "There are also three unlabeled grey points at approximately (45, 0.30), (20, 0.15) and (-35, 0.12)."
        head, rest = block.text[: first.start()], block.text[first.start():]
        bare = [m for m in BRACKET_RE.finditer(rest) if find_coords(m.group()) is not None]
        if len(bare) >= 2 and not named_pairs(rest) and not re.search(r"[^\W\d_]", BRACKET_RE.sub("", rest).replace(
                "and", "")):
            return [_no_label(block, m.group(), head) for m in bare]
    head, rest = _split_label(block)
    pairs = [m for m in BRACKET_RE.finditer(rest) if find_coords(m.group()) is not None]
    between = PAIR_FILLER_RE.sub(" ", BRACKET_RE.sub(" ", rest))  # "approximately (94, 0.2), ... and (96, 0.6)"
    if len(pairs) < 2 or named_pairs(rest) or re.search(r"[^\W\d_]", between):
        return []  # some pair has a name, or the text says more than pairs
    name, style = _label_style(head)
    if UNLABELLED_RE.search(name):  # "Unlabelled light-gray points, left to right: ($1.0k, 24 min), ..."
        return [_no_label(block, m.group(), name) for m in pairs]
    name = SERIES_PREFIX_RE.sub("", strip_marks(name)).strip() or strip_marks(name)
    if not name or not_a_label(name) or _sentence_like(name):
        return []
    if _names_before_pairs(block, name) == len(pairs) and group_mentioned(state, name) is None:
        return []  # "Whisper-small and Whisper-medium sit at (0.31, 5.3) and (0.62, 4.4)": a name a pair, in order
    group = group_mentioned(state, name)
    if group is None:
        group = GroupFact(name, first_color(style), first_marker(style), block.line)
        state.groups.append(group)
    points = []
    for m in pairs:
        coords = find_coords(m.group())
        if coords is None:
            return []
        point = PointFact(group.name, coords.x, coords.y, block.line, unnamed=True)
        point.group, point.ours = group.name, ours_cue(name)
        points.append(point)
    return points


PAIR_LEAD_RE = re.compile(r"(?:(?:located|placed|plotted|positioned|sitting|sits|lies|lying|found|drawn|shown|is|"
                          r"appears)\s+)?(?:at\s+)?(?:approx|about|around|roughly|near|circa|at\b)", re.IGNORECASE)


_HEDGED_AT_RE = re.compile(r"\s+(?:at|near|around)(?:\s+(?:about|roughly|approximately|around|nearly))?$")


def _series_line(rest: str) -> bool:
    """After "Head:", named pairs ("P1 (200, 55), P2 (800, 62)", "Llama-2-70B at (70, 40)"): the head is
    a series, not a point."""
    if "(" not in rest:
        return False
    before = rest[: rest.index("(")].strip(" :—–-*")
    lone_word = " " not in before and not _DIGIT_RE.search(before) and before[:1].islower()
    if rest.count("(") == 1 and (not before or lone_word or PAIR_LEAD_RE.match(before)):
        return False  # "Approximately (3, 35.5)", "Located at approximately (22, 2.45)": no name before the pair
    # ("– Blue circle at roughly (5.65, 1.42)": a look, not a name)
    pairs = [p for p in named_pairs(rest) if not is_style_only(_HEDGED_AT_RE.sub("", p[0]))]
    return len(pairs) >= 2 or (len(pairs) == 1 and rest.lstrip(" :—–-*").startswith(pairs[0][0]))


def _values_only(text: str) -> bool:
    """A line of values, no name: "118 BPM, ~310M streams", "150 BPM, ~450k streams (just below ...)". A name may
    hold numbers ("125M-5B", "737 MAX 8"), and a remark may open with one ("~3× lower energy than FP16 at a cost
    of ~0.4 perplexity"): the first two values, each at most two words long, set apart."""
    nums = lex(text)  # (the first value opens the line: "14LPP — 2015, 32.9" opens with a name)
    return len(nums) >= 2 and VALUE_LED_RE.match(text) is not None and not text[: nums[0].start].strip(" ~≈") and \
        VALUES_TWO_RE.fullmatch(text, nums[0].end, nums[1].start) is not None


VALUES_TWO_RE = re.compile(r"(?:\s*[^\W\d][\w/%°.-]*){0,2}\s*(?:[,;]|\band\b|→|->)\s*")  # "16K examples → 52.3%"


def _unnamed(state: ParseState, block: Block, rest: str, keep: bool = False) -> PointFact | None:
    """'### SNN (blue stars)' then '- (0.58, 10³)' or '- Trend: single data point at (0.56, 10⁴)': a point
    named only by its series. Without a series there is no label: the point is kept (label "") only where
    the text says it has none (`keep`)."""
    if LINE_WORD_RE.search(block.text):
        return None  # "Trend line: from (20, 50) to (60, 80)"
    # ("118 BPM, ~310M streams" under "**Pop (pink circles)**": two values, no name; its series names it)
    coords = find_coords(rest) or (_two_numbers(state, rest) if keep or _values_only(rest) else None)
    if coords is None:
        return None
    probe = PointFact("", coords.x, coords.y, block.line)
    apply_context(state, block, probe)
    if probe.ctx_group is None and not keep:
        return None
    probe.label, probe.unnamed = probe.ctx_group or "", True
    if keep:
        probe.color, probe.marker = style_words(block.text.split(":")[0])
        # "The single black diamond has no text label of its own; it is the legend's World entry": named by it
        entry = next((g for g in state.groups if re.search(r"(?<!\w)" + re.escape(g.name) + r"(?!\w)", block.text)),
                     None)
        if not probe.label and entry is not None:
            probe.label, probe.ctx_group = entry.name, entry.name
    if not probe.label:
        probe.warnings.append(NO_LABEL_NOTE)
    return probe


def _two_numbers(state: ParseState, rest: str) -> Coords | None:
    """"— 7B params, 45.3%": exactly two numbers after the label; x and y by the words around them."""
    text = BRACKETED_RE.sub(lambda m: m.group(0) if lex(m.group(0)) else " " * len(m.group(0)),
                            without_examples(rest))  # "(e.g., 0.5B, 1B)" gives no values
    nums = restatements_dropped(text, [n for n in lex(text) if not in_name(text, n)
                                       and not GUIDE_AFTER_RE.match(text, n.end)])  # "beyond the 10³ tick"
    note = None
    if len(nums) > 2:  # "length between 1,520 and 1,640; win rate between 42 and 45 %": error bars' spans
        spans = _midpoints(_SPAN_AFTER_VALUE_RE.sub(lambda m: " " * len(m.group()), text), nums)
        if len(spans) == 2:
            nums, note = spans, "the marker's place read as the middle of the span the text gives"
    if len(nums) > 2 and len(kept := _aside_dropped(text, nums)) == 2:
        # "46.7B total (12.9B active), ~70.6%", "mass ~318 M⊕ (1 Jupiter mass), radius ~11.2 R⊕", "400k frames (the
        # "Atari 100k" setting, ...), 41.5%": a bracket right after a value is its aside, whatever numbers it holds
        nums = kept
    if len(nums) == 3 and (end := _sentence_end(text)) is not None and \
            len(first := [n for n in nums if n.end <= end.start() + 1]) == 2:
        nums = first  # "4,619 g, 257B neurons. This is the only point above the top tick (100B).": a remark after
    if len(nums) != 2:
        return None
    if RANGE_GAP_RE.match(text[nums[0].end: nums[1].start]) and \
            RANGE_CUE_RE.search(text, max(0, nums[0].start - 80), nums[0].start):
        return None  # "Models span from ~1.8B to ~40B", "between 6B and 8B": a range, not a point
    a, b = nums
    if text[a.end: b.start] in ("–", "-") and a.unit in (None, b.unit) and a.mult in (None, b.mult) and \
            (a.percent == b.percent or not a.percent):
        return None  # "consistently ~2–4 points above E5", "20-30% higher": one span, written tight, not x and y
    if bounds_only(text, nums):
        return None  # "Prototypes all stay at most 5 MW and less than 120 m": a region, not a point
    if keyed_off_axes(state, text, nums):
        return None  # "dataset: SIFT-1M, single thread, batch size 1, k = 10": settings, not a point
    x, y = assign_axes(state, text, nums)
    return Coords(x, y, nums[0].start, nums[1].end, note)


# "≈ 1,620 (bar from 1,560 to 1,680)": the span restates the value before it
_SPAN_AFTER_VALUE_RE = re.compile(r"(?<=\d)\s*\((?:[^()]*?\b(?:from|between|spans?)\b)?[^()]*?\d[^()]*?(?:to|–|-|and)"
                                  r"[^()]*?\d[^()]*\)")
_SPAN_CUE_RE = re.compile(r"\b(?:between|spans?|from|bar)\s*$", re.IGNORECASE)


# a bracket after a value and at most two words of its unit or kind: "318 M⊕ (", "46.7B total (", "400k frames ("
_AFTER_VALUE_BRACKET_RE = re.compile(r"\s*(?:[^\s\d,;()]+\s*){0,2}\(")


def _aside_dropped(text: str, nums: list[Num]) -> list[Num]:
    """The numbers less those inside a bracket that opens right after another value."""
    spans = []
    for n in nums:
        if (opened := _AFTER_VALUE_BRACKET_RE.match(text, n.end)) is not None:
            close = text.find(")", opened.end())
            spans.append((opened.end(), close if close >= 0 else len(text)))
    return [n for n in nums if not any(a <= n.start < b for a, b in spans)]


def _midpoints(text: str, nums: list[Num]) -> list[Num]:
    """Two spans, each stated where a value would be ("between 42 and 45 %", "spans 35–41 %"): their midpoints,
    the marker's place when only its error bar is described. Anything else is left as it was."""
    kept = [n for n in nums if text[n.start: n.end].strip()]  # numbers in a blanked span are gone
    out: list[Num] = []
    i = 0
    while i < len(kept):
        a = kept[i]
        b = kept[i + 1] if i + 1 < len(kept) else None
        if b is not None and RANGE_GAP_RE.match(text[a.end: b.start]) and \
                _SPAN_CUE_RE.search(text[max(0, a.start - 24): a.start]):
            out.append(a._replace(value=(a.value + b.value) / 2, end=b.end, percent=a.percent or b.percent,
                                  text=f"{(a.value + b.value) / 2:g}"))
            i += 2
        else:
            out.append(a)
            i += 1
    return out


VERB_VALUE_RE = re.compile(r"\s(?:scores|scored|reaches|reached|achieves|achieved|attains|gets|sits|lies|obtains)\s+"
                           r"(?:about\s+|around\s+|roughly\s+|only\s+)?[~≈]?\d")


def _sentence_end(text: str) -> re.Match[str] | None:
    """Where a sentence of text ends and another starts (not after "Inc.", "Dem.", "vs.")."""
    return next((m for m in SENTENCE_END_RE.finditer(text) if not abbreviated(text, m.start() + 2)), None)


def _sentence_like(label: str) -> bool:
    """"A diagonal red dashed trend line originates near" is prose, not a model name."""
    words = label.split()
    # (a word's comma is no part of it: "The proposed model, FlashChat-8B, stands apart" has four lower-case words)
    return (len(words) > 8 or sum(c.isalpha() and c.islower() for c in (w.strip(",;.") for w in words)) >= 4
            or bool(PROSE_WORD_RE.search(label)) or _sentence_end(label) is not None
            or bool(VERB_VALUE_RE.search(label)))  # "TinyCoder-2.5B (ours) scores 61.0, better than ..."


def _split_label(block: Block, state: ParseState | None = None) -> tuple[str, str]:
    if block.lead and not block.bold_only and block.lead.rstrip(":. ") != block.text.rstrip(":. "):
        if ROLE_KEY_RE.fullmatch(strip_marks(block.lead).rstrip(":. ")) and \
                (first := FIRST_FIELD_RE.match(block.body)) is not None:
            # "**Highlighted:** TinyCoder-3B (ours), red star, 3B, 61.0": the key is a role, the name comes first
            return strip_marks(first.group("name")), block.body[first.end():]
        body = block.body
        if body.startswith("(") and (close := body.find(")")) > 0 and \
                body[close + 1: close + 3].strip().startswith(":") and _DIGIT_RE.search(body, 0, close) and \
                is_style_only(re.split(r"[,;]", body[1:close])[0]):
            # "**PD-4** (green square; progressive distillation, 4 steps): NFE = 4, FID ≈ 3.00": the bracket is the
            # name's, its style and remark, and its numbers no values (not "**Cairo** (30.0°N): 22.4 °C": a value)
            return strip_marks(f"{block.lead.rstrip(' :')} {body[: close + 1]}"), body[close + 1:].lstrip(" :")
        return strip_marks(block.lead), body
    text = block.text
    colon = top_level_index(text, ": ")
    # (not the colon of a later sentence: "Peru — (80, 12). Scratch that: Peru is at about 18")
    # (a bracket of settings, "HNSW (M=16, ef=64), blue: (0.962, 2.8e4)", is part of the name, no pair)
    if colon > 0 and len(text[:colon].split()) <= 8 and not PAIR_RE.search(SETTINGS_RE.sub(" ", text[:colon])):
        head = text[:colon]
        dash = _DASH_RE.search(head) or _ARROW_RE.search(head)  # "FP16 (pentagon) → MMLU: 66.2, throughput: 720"
        # "MobileVLM-1.7B — Latency: 640 ms, Accuracy: 47.5%": the colon keys a value, the dash ends the name
        if dash and state is not None and (axis_of_key(state, head[dash.end():]) or COORDS_KEY_RE.match(
                head[dash.end():].strip().lower()) or len(FIELD_VALUE_RE.findall(text, colon)) >= 2):
            # (or keyed fields follow the dash: "Store 101 — format: Suburban; selling area: 18K; revenue: $6.4M")
            return strip_marks(head[: dash.start()]), text[dash.start():]
        if SUPERLATIVE_KEY_RE.match(head) and (named := NAME_FIRST_VALUE_RE.match(text, colon + 2)):
            # "Highest energy: Li-S, cycle life = 300, ...": the key is a role, the name comes first after it
            return strip_marks(named.group("name")), text[named.end():]
        return strip_marks(head), text[colon:]
    arrow = next((i for sep in (" → ", " -> ", " ⇒ ") if (i := top_level_index(text, sep)) > 0), -1)
    if arrow < 0 and (equals := EQUALS_PAIR_RE.search(text)):  # "Site North = (420, 4.1)"
        arrow = equals.start()
    if arrow < 0 and (leader := LEADER_SEP_RE.search(text)):  # "Drug A ........ 10 mg, 37%", "Drug A<tab>10<tab>37"
        return strip_marks(text[: leader.start()]), text[leader.end():]
    if arrow > 0 and (dash := _DASH_RE.search(text, 0, arrow)) is not None and VALUE_LED_RE.match(text, dash.end()):
        # "Atenolol — 10 mg/kg → Cmax ≈ 1.9k ng/mL": a dash ends the name, the arrow joins its two values
        return strip_marks(text[: dash.start()]), text[dash.start():]
    if arrow > 0:  # "Influenza (1918, H1N1) → CFR 2.5 %, R₀ 2.0": an arrow ends the name, brackets and all
        return strip_marks(text[:arrow]), text[arrow:]
    cut = len(text)
    for sep in _LABEL_SEPS:
        i = top_level_index(text, sep) if sep not in (" (", " [") else _bracket_with_number(text, sep)
        if 0 < i < cut:
            cut = i
    if cut == len(text) and (bare := NAME_THEN_VALUES_RE.match(text)) is not None:
        cut = bare.end("name")  # "Germany 46%, 8.0 t.": a name in capitals, then its two values, nothing between
    # "PPO sits at 1e7 steps", "IMPALA is at about 2e8 steps": the verb before "at" is no part of the name
    return strip_marks(PLACE_VERB_END_RE.sub("", text[:cut])), text[cut:]


NAME_THEN_VALUES_RE = re.compile(r"(?P<name>(?-i:[A-Z])[^\W\d_][\w'’.&-]*(?:\s(?-i:[A-Z])[\w'’.&-]*){0,3})\s+"
                                 r"(?=[~≈$€£]?\d[\d.,]*\s*%?[^\d,;]{0,20}[,;]\s*[~≈$€£]?\d)")
# a closing remark in brackets, words about a count: "(only 39 games played)", "(n = 12 sites)", "(3 runs)"
COUNT_ASIDE_RE = re.compile(r"\s*\((?=[^()]*[A-Za-z]{3,})(?=[^()]*\d)[^()]*\)\s*\.?\s*$")
LEADER_SEP_RE = re.compile(r"\s*\.{3,}\s*|\t+")
EQUALS_PAIR_RE = re.compile(r"\s=\s*(?:[~≈]\s*)?(?=[(\[][^()\[\]]*\d[^()\[\]]*,[^()\[\]]*[)\]]\s*\.?$)")
# a key naming the point's role, not the point: "**Highlighted:**", "**Proposed model:**", "**This work:**" (not
# "**Ours:**", which charts print as a name: '"Ours" achieves the highest accuracy')
ROLE_KEY_RE = re.compile(r"(?:the\s+)?(?:highlighted(?:\s+(?:point|model|method|entry))?|"
                         r"proposed(?:\s+(?:model|method|system))?|this\s+work|focal\s+(?:point|model|species))",
                         re.IGNORECASE)
FIRST_FIELD_RE = re.compile(r"\s*(?P<name>(?-i:[A-Z\d])(?:[^,;:()]|\([^()]*\)){0,60}?)\s*,\s*")
# a key that names a role, not a point: "Highest energy", "Longest life", "Best accuracy", "Fastest" (not a name made
# with the word: "Best-of-16: KL = 1.8, win rate = 59.1%", "Top-k sampling: ...")
SUPERLATIVE_KEY_RE = re.compile(r"^\W*(?:the\s+)?(?:highest|lowest|largest|smallest|best|worst|fastest|slowest|longest|"
                                r"shortest|most|least|cheapest|biggest|top|heaviest|lightest)\b(?!-)", re.IGNORECASE)
NAME_FIRST_VALUE_RE = re.compile(r"\s*\**(?P<name>(?-i:[A-Z\d])[^,;:()]{0,40}?)\**\s*(?:,|\s[-–—]\s|\s\()")
PLACE_VERB_END_RE = re.compile(r"\s+(?:sits|sit|is|are|lies|lie|stands|stand|appears|appear|was|were|falls|lands|"
                               r"ends\s+up|comes\s+in)$")


_NAME_END_RE = re.compile(r"\s*(?::\s|[—–→=]|-\s)")
_NOTE_BRACKET_RE = re.compile(r"(?:1[89]|20)\d\d\s+[a-z][a-z -]*$")
_JOINED_NUMBERS_RE = re.compile(r"\d+\s?[+x×:]\s?\d+")
_ORDINAL_RE = re.compile(r"[A-Za-z][A-Za-z-]*\s\d{1,3}[a-z]?")  # "ALMA (Band 3)", "Falcon (Gen 2)": part of the name


def _bracket_with_number(text: str, sep: str) -> int:
    """Where "Name (2.7B, 36)" opens its numbers; "Our model (Falcon-X) — ..." has none there."""
    i = text.find(sep)
    while i >= 0:
        close = text.find(")" if sep == " (" else "]", i)
        inner = text[i + 2:close] if close >= 0 else ""
        # ("H2O (20% budget) — memory 3.2 GB, ...", "Foo (k=4): 3.3, 5.9": one number, then the name's end and the
        # values: a setting in the name)
        # (nor numbers joined into one token, a layout: "Rural 90 (2+1) — 90 km/h, 4.1", "Sedan (4x4) - 90, 4.1")
        setting = close >= 0 and (len(lex(inner)) == 1 or _JOINED_NUMBERS_RE.fullmatch(inner) is not None) \
            and _NAME_END_RE.match(text, close + 1) is not None \
            and len(lex(text[close + 1:])) >= 2
        if close < 0 or (lex(inner) and not _NOTE_BRACKET_RE.match(inner) and not _ORDINAL_RE.fullmatch(inner)
                         and not setting):
            return i  # "Generic CCGT (2023 gas prices)": a year and words qualify the name
        i = text.find(sep, i + 1)
    return -1


# a word in a point's style bracket that singles it out: "(orange, highlighted)", "[red star; emphasised]"
HIGHLIGHT_WORD_RE = re.compile(r"highlighted|emphasi[sz]ed|singled\s+out", re.IGNORECASE)
STYLE_COMMA_TAIL_RE = re.compile(r"\s*(?:,|\s[—–]\s)\s*([^,()\[\]—–]{2,30})$")


DRAWN_REMARK_RE = re.compile(r"(?:drawn|shown|plotted|rendered|displayed|outlined|marked)\s[^,;()]{1,40}|"
                             r"(?:larger|bigger|enlarged|bold|highlighted)\b[^,;()]{0,40}", re.IGNORECASE)


def _label_style(label: str) -> tuple[str, str]:
    """See _bracket_style; also '(Red Star, this work)': a style and the authors' cue, the cue kept in the
    style text so that the point is still highlighted."""
    name, style = _bracket_style(label)
    if not style and (tail := STYLE_COMMA_TAIL_RE.search(label)) and is_style_only(tail.group(1)) \
            and label[: tail.start()].strip():
        return strip_marks(label[: tail.start()]), tail.group(1)  # "HarborASR (ours), red star", "Kite-7B, blue circle"
    if style or not label.rstrip().endswith((")", "]")):
        return name, style
    m = STYLE_TAIL_RE.search(label)
    if m is None:
        return label, ""
    parts = [p.strip() for p in re.split(r"[,;]", m.group(1))]
    # (or how it is drawn: "LoopWorld (ours) (red star, drawn larger and highlighted)"; or a style, then a remark:
    # "PD-4 (green square; progressive distillation, 4 steps)")
    if _style_then_remark(m.group(1)) or (len(parts) >= 2 and all(
            is_style_only(p) or ours_cue(p) or HIGHLIGHT_WORD_RE.fullmatch(p) or DRAWN_REMARK_RE.fullmatch(p)
            for p in parts) and any(is_style_only(p) for p in parts)):
        return strip_marks(label[: m.start()]), m.group(1)
    return label, ""


def _style_then_remark(text: str) -> bool:
    """A bracket's text of two parts or more, the first a style: "green square; progressive distillation, 4 steps"."""
    parts = re.split(r"[,;]", text)
    return len(parts) >= 2 and is_style_only(parts[0].strip())


def _bracket_style(label: str) -> tuple[str, str]:
    """'Kimi-VL (Purple Star)' -> ('Kimi-VL', 'Purple Star'), '`ADM-G` [blue, circle]' -> ('ADM-G', 'blue, circle');
    '(Ours)' stays in the label."""
    m = STYLE_TAIL_RE.search(label) if label.rstrip().endswith((")", "]")) else None
    if m is None:
        return label, ""
    inner = m.group(1)
    if "-" in inner or "/" in inner or "–" in inner:  # "(2020-07, yellow)": a date beside the style
        inner = DATE_RE.sub(" ", inner).replace(",", " ").replace(";", " ")
    if is_style_only(inner.replace(",", " ")):
        return strip_marks(label[: m.start()]), inner
    return label, ""


