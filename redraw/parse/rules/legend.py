"""legend: categories with their colour and marker ("Gray Circle: Open-Weights Only", "ResNet — gray circles")."""
from __future__ import annotations

import re
from functools import lru_cache

from ..document import Block, sentences
from ..facts import GroupFact, LabelStyle
from ..lookup import has_style, same_group
from ..state import ParseState
from ..text import QUOTED_NAME_RE, split_names, split_top, strip_marks
from ..values import lex
from ..vocab import (
    COUNT_PATTERN,
    EMOJI,
    EXCEPT_AFTER_RE,
    MARKER_CODE_WORDS,
    MARKER_GLYPHS,
    find_colors,
    find_markers,
    first_color,
    first_marker,
    is_filler,
    is_style_only,
    ours_cue,
)

# "**Data Series:**" over "X: represented by", "Marker coding" over "women: orange triangles"
LEGEND_CTX_RE = re.compile(r"\b(legend|key|(?:colou?r|marker|symbol|shape)s?[- ]?coding|categories|colou?r[- ]?coded|"
                           r"styles?|markers?|symbols?|shapes?|encoding|data\s+series|colou?red\s+by|"
                           r"how\s+(?:they|each|these|it)\s+(?:are|is)\s+(?:drawn|shown|plotted|marked|styled))\b",
                           re.IGNORECASE)  # "Formulations and how they are drawn:", "Points are colored by region:"
# "key" as a legend, not "key findings" ("... the key observations follow")
_NOT_KEY_WORDS = (r"(?!\s+(?:observations?|findings?|takeaways?|points?|results?|insights?|features?|trends?|"
                  r"facts?)\b)")
LEGEND_LINE_RE = re.compile(r"^(?:(?:according to|per|in|from|going by|as)\s+the\s+(?:[\w-]+\s+){0,2}(?:legend|key)\b"
                            r"[^,]{0,40},\s*"
                            r"(?P<after>.+)$)|"
                            # "Countries are coloured by region, as shown in the legend on the right: orange for ...",
                            # "Circles are coloured by continent (key at the lower right): Europe in blue, ..."
                            # "How the markers are coded: air-source units are blue circles, ..."
                            r"^(?=.{0,200}?\b(?:legend|key|colou?red\s+by|markers|symbols|shapes|colou?rs)\b"
                            r"[^:.]{0,100}:).{0,200}?"
                            r"\b(?:legend|key|colou?red\s+by|markers|symbols|shapes|colou?rs)\b[^:.]{0,100}:\s*"
                            r"(?P<tail>.+)$|"
                            # "...: the legend in the lower right shows light-blue circles for 2023 and navy ..."
                            # "... according to a small legend at the top right that reads North America (red), ..."
                            # ("The key at the top right has two entries.": a key is a legend)
                            r"^(?=.{0,200}?\b(?:legend|key)\b).{0,200}?(?:^|[:;]\s+|\b(?:the|a|an|its)\s+"
                            r"(?:[\w-]+\s+){0,2}?)(?:the\s+)?(?:legend|key" + _NOT_KEY_WORDS + r")\b[^:.]{0,60}?\s"
                            r"(?:that\s+|which\s+)?"
                            r"(?:shows|indicates|lists|gives|uses|has|contains|reads|distinguishes|separates|identifies)"
                            r"\s+(?:that\s+)?(?P<shows>.+)$|"
                            # "Colour encodes sex — navy for men, magenta for women — ...", "Colour indicates the
                            # region (Europe in blue, Asia in red)"
                            r"^(?:the\s+)?(?:colou?rs?|marker\s+shapes?|shapes?|markers?)\s+(?:encodes?|indicates?|"
                            r"denotes?|distinguishes|represents?)\s+[^—–(:.]{1,40}?\s*[—–(:]\s*(?P<encodes>[^—–)]+)|"
                            r"^(?:(?:the\s+)?(?:colou?r\s+|marker\s+|symbol\s+)?(?:legend|key)|markers?|marks|symbols?|shapes?|glyphs?|"
                            r"colou?rs?|colou?r[- ]coding|"
                            r"encoding)\b"
                            r"(?:[^:]{0,30}:|\s+(?:\w+\s+){0,2}?(?:indicates|shows|says|explains|identifies|tells us|"
                            r"notes|clarifies|specifies)(?:\s+that)?)\s*(?P<body>.+)$", re.IGNORECASE)
VERB_ENTRY_NOT_NAME_RE = re.compile(r"\b(?:label+ed|named|called|shown|drawn|plotted|marked|used|explicitly|"
                                    r"positioned|located|placed|at|in|on)\b|[\"“‘]|(?<!\w)'|"
                                    # "The star is excluded from all three": a verb phrase, no category
                                    r"^(?-i:[a-z]+ed)\s+(?:from|by|to|in|on|at|with|for)\b", re.IGNORECASE)
# the words the legend itself prints, given beside a description of the category: 'years 2010–2019 (legend
# entry "2010–2019")', 'pre-pandemic years, labelled "2010s" in the legend', 'fossil plants (legend text: "Fossil")'
LEGEND_SAYS_RE = re.compile(r"[(\[,;—–]\s*(?:(?:in\s+the\s+)?legend\s*(?:entry|label|text|name)?\s*"
                            r"(?:reads|says|is)?\s*:?\s*[\"“](?P<name>[^\"“”]{1,40})[\"”]|(?:labell?ed|shown|listed|named|called)\s+(?:as\s+)?"
                            r"[\"“](?P<name2>[^\"“”]{1,40})[\"”]\s+in\s+the\s+legend)\s*[)\]]?\s*$", re.IGNORECASE)
# a quoted name and the noun of its kind: '"Proprietary API" models', '"Rainfed" plots' (a remark may follow)
QUOTED_KIND_RE = re.compile(r"^[\"“](?P<name>[^\"“”]{1,40})[\"”](?:\s+(?-i:[a-z]+s)\b)(?:\s+(?-i:[a-z]).*)?$")
# "the Cu-based points are brown": the category is "Cu-based"
# "The paper's two Brevity models are red stars": the category is "Brevity models"
ENTRY_NAME_WRAP_RE = re.compile(r"^(?:(?:the|all|both)\s+|(?:paper|authors?|study)['’]s?\s+|"
                                r"(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?=\w))+|"
                                r"\s+(?:points|markers|dots|ones|series|symbols)$", re.IGNORECASE)
# "Markers: hexagons are chat models", "Symbols: ..." : a sentence that may hold legend entries
_NOT_NAMES = frozenset(("markers", "points", "dots", "symbols", "shapes", "data", "marker", "point"))
# "Each method has its own color and marker: PPO (blue circle), ...", "Marker and colour per family: ..."
_STYLE_PAIR_LEAD = (r"\b(?:colou?rs?\s+and\s+(?:markers?|shapes?|symbols?)|(?:markers?|shapes?|symbols?)\s+and\s+"
                    r"colou?rs?)\b[^:.]{0,40}:")
STYLE_PAIR_LEAD_RE = re.compile(_STYLE_PAIR_LEAD + r"\s*(?P<tail>.+)$", re.IGNORECASE)
# ("marks  : baselines = hollow black circles; ...", "Glyphs: ...": a padded colon too)
LEGEND_CUE_RE = re.compile(r"legend|\bkey\b[^:.]{0,30}:|colou?red by [^:.]{0,100}:|"
                           r"\b(?:the|a|an|its)\s+(?:[\w-]+\s+){0,2}?key" + _NOT_KEY_WORDS + r"\b[^:.]{0,40}?\s"
                           r"(?:shows|lists|has|contains|reads|gives)\b|"
                           # (what the look encodes may stand in a bracket: "Colour (agent type):", "Marker shape
                           # (encoder): circle — CNN encoder, ...")
                           r"\b(?:markers?|marks|symbols?|shapes?|glyphs?)\s*(?:\([^()]{1,40}\)\s*)?:|"
                           r"colou?rs?\s*(?:\([^()]{1,40}\)\s*)?[:=]|coding:|encoding:|"
                           r"\b(?:markers|symbols|shapes|colou?rs)\s+(?:are|were)\s+(?:en)?coded\b[^:.]{0,40}:|"
                           + _STYLE_PAIR_LEAD)
LEGEND_START_RE = re.compile(r"^(?:the\s+)?(?:legend|key|colou?r[- ]?(?:coding|key))\b", re.IGNORECASE)
# "Gray circle: Open", "blue = vLLM", "hexagons are chat models", "crosses mark distilled models"
ENTRY_SEP_RE = re.compile(r"\s*(?::|=|→|->|\s[—–·-]\s)\s*")  # "Immediate release (IR) · blue filled circles"
# only where no sign joins the two sides: "hexagons are chat models", "CNNs in blue circles"
GLYPH_START_RE = re.compile(r"\s(?=[" + MARKER_GLYPHS + r"]\s)")
# where the key sits, an item of its own: "Located in the lower-right corner.", "Position: top left", "Upper right"
WHERE_ITEM_RE = re.compile(r"^\W*(?:(?:it\s+is\s+|is\s+)?(?:located|positioned|placed|shown|drawn|set)\s+"
                           r"(?:in|at|on|inside|outside|above|below)\b|position\s*:|(?:in\s+the\s+)?(?:upper|lower|top|bottom)[\s-]+"
                           r"(?:left|right|centre|center)\b)[^:]*$", re.IGNORECASE)
PLACE_NOTE_RE = re.compile(r"^\s*\([^()]*\)\s*:?\s*")
AND_THE_RE = re.compile(r"\s+and\s+(?=the\s)", re.IGNORECASE)
# the verbs a sentence of categories and their styles joins them by ("Maize plots are green triangles", "Blue dots
# represent Dense models"): a cheap gate before reading its entries
COPULA_GATE_RE = re.compile(r" (?:are|mark|represent|denote|stand for|indicate) ")
VERB_SEP_RE = re.compile(r"\s+(?:are|is|marks?|denotes?|represents?|indicates?|stands? for|for|in|as|with|by)\s+")


def legend(state: ParseState) -> None:
    """Items under a legend header, or an inline 'Legend: blue = vLLM, orange = TGI' line."""
    for block in state.facts_blocks("table"):
        _legend_table(state, block)
    for block in state.facts_blocks("heading"):
        # "### Legend (top, one row): orange = Africa · red = Asia · blue = Europe": a key written as a heading
        if LEGEND_START_RE.match(block.text) and (colon := block.text.find(":")) > 0:
            for entry in _inline_entries(block.text[colon + 1:]):
                if entry is not None:
                    _add(state, GroupFact(entry[0], entry[1], entry[2], block.line, keyed=True))
    open_list: Block | None = None  # "- **Legend**: in the top-left, four categories:" heads the items after it
    for block in state.facts_blocks("item", "paragraph"):
        if block.used:
            continue
        if open_list is not None and (block.kind != "item" or block.depth < open_list.depth):
            open_list = None
        # (the nearest legend header above an item, whose shape its entries may share)
        header = next((c for c in reversed(block.context[-3:]) if _legend_header(c)), "") \
            if block.kind == "item" else ""
        members = MEMBERS_TAIL_RE.search(block.text) if block.kind == "item" else None
        if block.kind == "item" and (header or open_list is not None):
            # "**Rail-heavy** (blue circles) consists of Arden, Brisa and Calloway": an entry and its members
            entries = [_entry(block.text[: members.start()] if members else block.text)]
            # "× black — Fe catalysts ★ red — Proposed", "● blue Germanic  ▲ orange Romance": glyphs split a line
            several = _inline_entries(block.text) if GLYPH_START_RE.search(block.text) else []
            if len(several) >= 2:
                entries = several
            if entries[0] is None and block.lead and LEGEND_CTX_RE.search(block.lead):
                # "* **Key (lower left):** TSMC — blue circles; Samsung — teal squares" under "### Frame and key"
                entries = _inline_entries(PLACE_NOTE_RE.sub("", block.body))
            elif entries[0] is None and several:
                entries = several
            if (not entries or entries[0] is None) and open_list is not None and WHERE_ITEM_RE.match(block.text):
                continue  # "- Located in the lower-right corner." between the key's head and its entries
            if not entries or entries[0] is None:
                open_list = None
                entries = _cued_entries(block) if LEGEND_CUE_RE.search(block.low) else []  # a key of its own
            if header and (shared := first_marker(header)) is not None:
                # "- Legend (top right), filled circles:" over "- red = Asia": the shape the header gives all
                entries = [(e[0], e[1], e[2] or shared) if e is not None else None for e in entries]
        elif block.lead and LEGEND_CTX_RE.search(block.lead):
            body = PLACE_NOTE_RE.sub("", block.body)  # "(upper left): purple = ...", "A · B · C", 'Located in the
            # lower-right corner: "Stocks" (teal circle) and "Benchmark" (black diamond)'
            entries = (_quoted_entries(body) if body.count('"') + body.count("“") >= 4 else []) or \
                _inline_entries(body) or _names_only(body)
        elif block.kind == "paragraph" and block.context and _legend_header(block.context[-1]) and \
                not (block.lead and OTHER_PART_RE.search(block.lead)) and (
                entries := _inline_entries(block.text.rsplit(": ", 1)[-1]) or _one_entry(block.text)):
            pass  # "## Legend" then "Upper left, four entries: HNSW (blue circles), IVF-PQ (green squares), ..."
            # or one entry a line: "Europe: blue circle" under "legend:" (YAML) or "Legend" (plain text); not a
            # paragraph with a key of its own ("**Fitted lines.** ... one through the songbirds (orange), ...")
        elif "(" in block.text and ("colo" in block.low or "marker" in block.low or "shape" in block.low) and \
                not LINES_TALK_RE.search(block.low) and (entries := _bracketed_entries(block.text)):
            pass  # "the colour indicates the family (CNNs in blue circles, ViTs in orange squares)"
        elif ("legend" in block.low or "key" in block.low) and (entries := _quoted_entries(block.text)) and \
                not _fuller_key(block, entries):
            pass  # 'the legend distinguishes "Baselines" (gray circle) from "Ours" (red star)'
        elif (" as " in block.low or " in " in block.low or " with " in block.low) and (
                entries := _shown_as_entries(block.sentences)):
            pass  # "Superconducting devices are shown as purple hexagons."
        elif LEGEND_CUE_RE.search(block.low):
            entries = _cued_entries(block)
            if not any(e and (e[1] or e[2]) for e in entries) and COPULA_GATE_RE.search(block.low) \
                    and not NO_KEY_RE.search(block.low):
                # "Two families are told apart in the legend. Statins are blue circles; others are orange ...";
                # "Guards are blue circles, forwards green squares ... The legend lists them in the order Guard,
                # Forward, Center": the styles described, then the names the legend prints (assemble renames)
                state.legend_names += [e[0] for e in entries if e is not None]
                entries = _copula_entries(block.sentences) + entries
        elif COPULA_GATE_RE.search(block.low) and (entries := _copula_entries(block.sentences)):
            pass  # "Maize plots are green triangles; wheat plots are brown squares." with no legend named
        elif state.groups and " is " in block.low and (entries := [
                e for e in _copula_entries(block.sentences) if e and _keyed_style(state, e[1], e[2])]):
            pass  # "Atorvastatin is a blue circle and Fenofibrate is an orange triangle" beside a key: memberships
        elif block.text.count(" = ") >= 2 and len(entries := [
                e for s in block.sentences if s.count(" = ") >= 2 for e in _inline_entries(s)
                if e and (e[1] or e[2])]) >= 2:
            pass  # "Marker colour encodes the family — blue = Dense, green = MoE": a key, though none is named
        elif block.kind == "paragraph" and block.context and _legend_header(block.context[-1]) and \
                block.text.rstrip().endswith(":"):
            entries = []  # "**Legend**" then "Shown in the upper-left corner:": the items after it are the key's
        else:
            continue
        if block.kind == "item" and LEGEND_START_RE.match(block.text):  # entries may follow at its depth
            open_list = block
        elif block.kind == "paragraph" and not entries and block.text.rstrip().endswith(":"):
            open_list = block  # "Colour marks the world region, as explained in a boxed key in the lower right corner:"
        elif block.kind == "paragraph" and entries and LEGEND_START_RE.match(block.text):
            open_list = block  # "Legend: orange triangle = Bulge/disk" over "blue circle = Inner halo": one key
        for entry in entries:
            if entry is None:
                continue
            listed = ("," in entry[0] or ";" in entry[0]) and not APPOSITIVE_TAIL_RE.search(entry[0])
            names = split_top(entry[0], ",;") if listed else []
            # a style the key has already given a group ("Semaglutide is a blue circle" beside "Blue circle | GLP-1
            # RA"): the point's membership, no group of its own
            member = _keyed_style(state, entry[1], entry[2])
            keyed = block.kind == "item" or bool(block.context and _legend_header(block.context[-1])) or bool(
                block.lead and _legend_header(block.lead))  # "**Legend (lower right):** ● blue — Training-set ..."
            if member is not None and not member.keyed and keyed and not listed and not NO_ENTRY_RE.search(entry[0]):
                # "Baseline models are shown as gray circles", then the key's "Gray circle: Baselines": the key
                # prints its own name for the group a sentence styled
                member.name, member.keyed = strip_marks(entry[0]), True
                state.groups.remove(member)  # in the key's order
                state.groups.append(member)
            elif member is not None and not same_group(member.name, entry[0]):
                for name in split_names(entry[0], semicolons=True):  # "A, B and C are ..."
                    if strip_marks(name):
                        state.label_styles.append(LabelStyle(strip_marks(name), entry[1], entry[2], block.line,
                                                             group=member.name))
            elif len(names) >= 2:  # "Red: Claude 3 Opus, GPT-4, Claude 2" styles those points, names no group
                for name in names:  # ('the authors' model, labeled "Ours-7B"': the point so labelled)
                    named = LABELLED_NAME_RE.match(name.strip())
                    state.label_styles.append(LabelStyle(named.group("name") if named else strip_marks(name),
                                                         entry[1], entry[2], block.line))
            elif NO_ENTRY_RE.search(entry[0]):
                # "yellow star — the Sun (no legend entry; labelled directly)": one point's style, no group
                name = re.sub(r"^(?:the\s+)", "", re.sub(r"\s*\(.*$", "", entry[0]).strip(), flags=re.IGNORECASE)
                state.label_styles.append(LabelStyle(strip_marks(name), entry[1], entry[2], block.line))
            else:
                _add(state, GroupFact(entry[0], entry[1], entry[2], block.line, keyed=keyed))
                if members is not None and len(entries) == 1:
                    state.label_styles += [LabelStyle(strip_marks(name), None, None, block.line,
                                                      group=strip_marks(entry[0]))
                                           for name in split_names(members.group("names").rstrip(". "))]
            block.used = True
    _legend_names(state)


def _fuller_key(block: Block, entries: list[tuple[str, str | None, str | None] | None]) -> bool:
    """The block also opens a key that styles more entries than `entries` ("A legend ... encodes bit-width by
    colour: blue circles for 16-bit, green circles for 4-bit, ..., and a red star for "Ours (3.5-bit)"", where
    the quoted name alone is one entry): the key is read instead (the cued branch of `legend`), when it holds every
    name of `entries` as written."""
    if not LEGEND_CUE_RE.search(block.low):
        return False
    cued = [e for e in _cued_entries(block) if e and (e[1] or e[2])]
    return len(cued) > sum(1 for e in entries if e and (e[1] or e[2])) and \
        {e[0] for e in entries if e} <= {e[0] for e in cued}


def _keyed_style(state: ParseState, color: str | None, marker: str | None) -> GroupFact | None:
    """The group a key entry of this exact colour and shape names, if one does."""
    if not (color and marker):
        return None
    return next((g for g in state.groups if g.marker == marker and g.color == color), None)


def _one_entry(text: str) -> list[tuple[str, str | None, str | None] | None]:
    """A short line that is one legend entry, "Europe: blue circle", or nothing."""
    entry = _entry(text) if len(text) <= 80 else None
    return [entry] if entry is not None else []


# "two dashed fits, each in its group's colour (blue for the air-source points, green for ...)": lines' colours
LINES_TALK_RE = re.compile(r"\b(?:lines?|fits?|fitted|regressions?|curves?)\b")
# a paragraph's own key naming another part of the chart: "**Fitted lines.**", "**Axes:**", "**Points**"
OTHER_PART_RE = re.compile(r"\b(?:lines?|fits?|fitted|trends?|regressions?|curves?|axe?s|axis|points|data|notes?|"
                           r"observations?|title)\b", re.IGNORECASE)


PLACE_WORD_RE = re.compile(r"\b(?:upper|lower|top|bottom|left|right|corner|inside|outside|categories|entries)\b",
                           re.IGNORECASE)
NO_KEY_RE = re.compile(r"\b(?:no|without\s+a)\s+(?:[\w-]+\s+)?(?:legend|key)\b")  # "there is no legend box"
NO_LEGEND_RE = re.compile(r"^(?:none|no\b|not\b|absent|n/?a\b|there is no)", re.IGNORECASE)


# a count of the names before them: "the three family names,", "two groups:", "four entries"
NAMES_COUNT_LEAD_RE = re.compile(r"^(?:the\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
                                 r"(?:[\w-]+\s+)?(?:names|entries|categories|classes|groups|families|series|types)"
                                 r"\s*[:,]?\s*", re.IGNORECASE)
NAMES_REMARK_RE = re.compile(r"(?:each|all|both|every)\b", re.IGNORECASE)


LINE_ENTRY_RE = re.compile(r"\b(?:trend|fit|fitted|regression|line|curve|reference|baseline\s+level)\b", re.IGNORECASE)


def _names_only(body: str) -> list[tuple[str, str | None, str | None] | None]:
    """"Skyfall · Graham · KWS Zyatt · Norvik (new cultivar).": a legend of names whose styles the points
    give (a table's Colour column): categories without a style of their own."""
    first = next(iter(sentences(body)), "").rstrip(". ")
    quoted = QUOTED_NAME_RE.search(first) is not None
    if NO_LEGEND_RE.match(first) or first.endswith(":") or PLACE_WORD_RE.search(first):
        return []  # "upper right, three categories:" leads the entries
    first = NAMES_COUNT_LEAD_RE.sub("", first)  # "the three family names, Coda, Stitch and Quill"
    pieces = split_top(first, "·;,|")
    if len(pieces) > 2 and NAMES_REMARK_RE.match(pieces[-1]):
        pieces.pop()  # "..., each with its marker": a remark on them all
    # ("and" sets the last name apart only: "Coda, Stitch and Quill"; "Oil and Gas, Utilities, Tech" keeps its first;
    # two names alone, 'Legend: "Carnivores" and "Herbivores"', are split when quoted)
    names = [n for k, piece in enumerate(pieces)
             for n in (split_names(piece) if k == len(pieces) - 1 and (len(pieces) > 1 or quoted) else [piece])]
    if quoted and (not all(QUOTED_NAME_RE.fullmatch(n.strip()) for n in names) or any(
            LINE_ENTRY_RE.search(n) for n in names)):
        # quoted names are the legend's printed names: every one quoted, or this is no list of them; and of points
        # ('"Species" and "Trend"' names a line's entry too, whose look is the line's)
        return []
    names = [strip_marks(n) for n in names]
    if len(names) < 2 or any(not n or lex(n) or len(n.split()) > 4 or has_style(n) or is_filler(n) for n in names):
        return []
    return [(n, None, None) for n in names]


def _cued_entries(block: Block) -> list[tuple[str, str | None, str | None] | None]:
    """"Scatter plot. Legend: blue circle = Open models; gray star = Closed models.", "Encoding: baselines are
    gray circles. Our two models are red stars.": the entries from the sentence that opens the key on."""
    entries: list[tuple[str, str | None, str | None] | None] = []
    started = False
    for sentence in block.sentences:
        if started and (head := _entry_clause(sentence)) != sentence and \
                (styled := _inline_entries(_printed_name(head))) and all(e and (e[1] or e[2]) for e in styled):
            entries += styled  # 'The rest, grouped in the legend as "Other", are gray squares: Japanese at ...'
            continue
        m = LEGEND_LINE_RE.match(sentence)
        if m:
            said = m.group("body") or m.group("after") or m.group("tail") or m.group("shows") or m.group("encodes")
            # "Legend (vehicle type): Cargo bike, Electric van, Diesel van.": names a table's columns style
            found = _inline_entries(said) or (_names_only(said) if not m.group("shows") else _listed_names(said)) or (
                # (or the clause before a semicolon: "... and wide-body airliners (orange squares); the proposed
                # design is drawn as a single large red star")
                _inline_entries(split_top(said, ";")[0]) if ";" in said and m.group("shows") else [])
            if m.group("tail") and (shape := first_marker(sentence[: m.start("tail")])):
                # "Circles are coloured by continent: Europe in blue, Asia in red": circles, all of them
                found = [(e[0], e[1], e[2] or shape) if e else e for e in found]
            entries += found
            started = True
        elif not started and (pair := STYLE_PAIR_LEAD_RE.search(sentence)) is not None and \
                (styled := _inline_entries(pair.group("tail"))) and all(e and (e[1] or e[2]) for e in styled):
            entries += styled  # "Each method has its own color and marker: PPO (blue circle), DPO (orange square)"
            started = True
        elif started:
            # (not a sentence about one point: "The orange star is the point the paper highlights.")
            entries += [e for e in _inline_entries(sentence)
                        if e is None or not CHART_NOUN_NAME_RE.match(e[0])]
    return entries


ENTRY_END_RE = re.compile(r":\s+|,\s+(?=[^,]*\d)")


def _entry_clause(sentence: str) -> str:
    """An entry said before the points it styles: "Indo-European languages are blue circles: English sits at
    6.9 bits ...", "The two Sino-Tibetan languages are red triangles, Mandarin at (7.6, 5.1) and ...": the
    words before the first colon, or comma, that the values follow."""
    if not lex(sentence):
        return sentence
    for m in ENTRY_END_RE.finditer(sentence):
        head = sentence[: m.start()]
        if not lex(head) and has_style(head):
            return head
    return sentence


LEGEND_NAMED_RE = re.compile(r"\b(?:legend|key)\b[^\"“]{0,20}[\"“](?P<name>[^\"“”]{1,40})[\"”]|"
                             r"[\"“](?P<name2>[^\"“”]{1,40})[\"”][^\"“]{0,20}\b(?:legend|key)\b", re.IGNORECASE)


PRINTED_SUBJECT_RE = re.compile(r"^(?P<subject>.+?),?\s+(?P<verb>(?:are|is)\s.*)$")


def _printed_name(clause: str) -> str:
    """"The remaining languages, grouped in the legend as "Other", are gray squares" -> "Other are gray squares":
    the name the legend prints for the entry a description names."""
    m = PRINTED_SUBJECT_RE.match(clause)
    named = LEGEND_NAMED_RE.search(m.group("subject")) if m is not None else None
    if m is None or named is None:
        return clause
    return f"{(named.group('name') or named.group('name2')).strip()} {m.group('verb')}"


CHART_NOUN_NAME_RE = re.compile(r"(?:the\s+)?(?:point|marker|dot|symbol|one|data\s+point)s?\b", re.IGNORECASE)


# what leads a legend's names in a sentence: "the four material classes in the order", "three entries:", "namely"
LISTED_NAMES_LEAD_RE = re.compile(r"^.{0,60}(?:\bin\s+(?:the|this)\s+order|\bnamely|\bentries|\bcategories|\bclasses|"
                                  r"\bgroups)\s*[:,]?\s+", re.IGNORECASE)


def _listed_names(said: str) -> list[tuple[str, str | None, str | None] | None]:
    """"the legend lists the four material classes in the order metals, ceramics, polymers, composites", "the key
    shows three entries: Europe, Asia and Africa": the names the legend prints, their styles said elsewhere (an
    entry of no style takes the one a sentence gives it: "The metals are blue squares")."""
    lead = LISTED_NAMES_LEAD_RE.match(said)
    if lead is None:
        return []
    names = [strip_marks(n) for n in split_names(said[lead.end():].rstrip(". "), semicolons=True)]
    if len(names) < 2 or any(not n or lex(n) or len(n.split()) > 3 or has_style(n) or is_filler(n) for n in names):
        return []
    return [(n, None, None) for n in names]


LEGEND_WORD_RE = re.compile(r"\blegend\b|\bkey\b" + _NOT_KEY_WORDS, re.IGNORECASE)


def _legend_names(state: ParseState) -> None:
    """'The legend lists only two entries, "Renewable" and "Fossil"': the names the legend prints, for the
    groups a sentence or a section describes ("Renewable technologies are shown in green"); assemble
    renames those groups once every rule has named its own."""
    for block in state.facts_blocks("item", "paragraph"):
        if ("legend" not in block.low and "key" not in block.low) or block.text.count("\"") + block.text.count("“") < 4:
            continue
        for sentence in block.sentences:
            if not LEGEND_WORD_RE.search(sentence):  # "The colour key ... has three entries: "Kepler", ..."
                continue
            quoted = [q.strip() for q in QUOTED_NAME_RE.findall(sentence)]
            if len(quoted) >= 2 and not any(has_style(q) for q in quoted):
                state.legend_names += quoted



LABELLED_NAME_RE = re.compile(r"^(?:labell?ed|named|called|marked)\s+[\"“](?P<name>[^\"“”]+)[\"”]\.?$", re.IGNORECASE)
# a list of names before one verb: "Dulaglutide and Liraglutide are blue circles" after "Semaglutide, "
NAMES_AND_RE = re.compile(r"^[A-Z][\w.+/-]*(?:\s[\w.+/-]+){0,3}\s+and\s+[A-Z][\w.+/-]*(?:\s[\w.+/-]+){0,3}?"
                          r"\s+(?:are|is)\s")
BARE_NAME_RE = re.compile(r"(?:[A-Z][\w.+/-]*)(?:\s[\w.+/-]+){0,3}")
TRAILING_AND_RE = re.compile(r"[\s,;]*\s(?:and|or)\s*$|[\s,;]+$")
PREAMBLE_RE = re.compile(r"^[^=,;:—–]{3,80}?\s[-—–:]\s+(?=[^,;=]{1,30}\s=\s)")


# a description, then the name the legend prints, then the look: 'Planets that are the only known member of their
# system ("Single-planet systems") are blue circles'
DESCRIBED_NAME_RE = re.compile(r"^[^()\"“”]{10,120}?\(\s*[\"“](?P<name>[^\"“”]{1,40})[\"”]\s*\)\s+(?=(?:are|is)\s)")
LISTED_AS_RE = re.compile(r"(?P<lead>^|,\s+)(?:and\s+)?(?:the\s+)?[^,;\"“”]{1,40}?,\s+(?:listed|labell?ed|named|called|"
                          r"entered|shown)\s+(?:in\s+the\s+(?:legend|key)\s+)?as\s+[\"“](?P<name>[^\"“”]{1,40})[\"”],\s+")

ROLE_NAMED_RE = re.compile(r"(?P<lead>,\s+)(?:and\s+)?(?:the\s+)?(?:authors['’]?|author['’]s|our|proposed|new|"
                           r"paper['’]s)\s+(?:own\s+)?[a-z]+(?:\s+[a-z]+)?,\s+(?P<name>[^,;]{2,40}?),\s+(?=(?:is|are)\s)",
                           re.IGNORECASE)


def _inline_entries(body: str) -> list[tuple[str, str | None, str | None] | None]:
    """"blue = vLLM, orange = TGI. The red one has no entry." -> the entries of whole sentences."""
    entries: list[tuple[str, str | None, str | None] | None] = []
    for sentence in sentences(body):
        # (a remark before the entries: "points are filled circles coloured by world region — blue = Europe, ...")
        sentence = PREAMBLE_RE.sub("", sentence, count=1)
        # "the authors' system, listed as "Ours", is an orange star": the name the legend prints
        sentence = LISTED_AS_RE.sub(r'\g<lead>"\g<name>" ', sentence)
        # "..., and the authors' method, SparseHop (ours), is a green pentagon": the name the role is given, among
        # other entries (alone, "The authors' method, PageSqueeze, is a red star" styles a point, no key's entry)
        sentence = ROLE_NAMED_RE.sub(r"\g<lead>\g<name> ", sentence)
        pieces = split_top(sentence.rstrip("."), ",;·•|")  # "● blue = A · ▲ orange = B", "Pt/C ◆ | MoS2 ■"
        if ";" in sentence and all(LOOK_COMMA_QUOTED_RE.fullmatch(p.strip(" .")) for p in split_top(sentence, ";")):
            pieces = split_top(sentence, ";")  # 'gray circle, "No merging"; blue triangle, "Pruning"': the comma joins
        if len(pieces) == 1 and (len(GLYPH_START_RE.findall(sentence)) >= 2 or (  # "● loss-based ▲ model-based"
                sentence[:1] in MARKER_GLYPHS and GLYPH_START_RE.search(sentence))):
            # ("● brown circles for Mammals and ▲ blue triangles for Birds": the "and" joins, it names nothing)
            pieces = [TRAILING_AND_RE.sub("", p) for p in GLYPH_START_RE.split(sentence.rstrip(".")) if p.strip()]
        for k in range(len(pieces) - 2, -1, -1):  # "Semaglutide, Dulaglutide and Liraglutide are blue circles": one
            nxt = _entry(pieces[k + 1]) if NAMES_AND_RE.match(pieces[k + 1].strip()) else None
            if nxt is not None and " and " in nxt[0] and BARE_NAME_RE.fullmatch(pieces[k].strip()):
                pieces[k: k + 2] = [pieces[k] + ", " + pieces[k + 1].strip()]
        # "the baselines are grey and the star is gold": two parts
        for k in range(len(pieces) - 1, 0, -1):  # ", which is drawn as a red star" goes on the piece before
            if WHICH_DRAWN_RE.match(", " + pieces[k].strip()):
                pieces[k - 1 : k + 1] = [pieces[k - 1] + ", " + pieces[k].strip()]
        # (the verb is carried before the split too: 'green triangles are "Regional", blue circles "Narrow-body" and
        # purple squares "Wide-body"')
        texts = _verb_carried([part for piece in _verb_carried(pieces) for part in _and_split(piece)])
        parts = _entries_of(texts)
        for i in range(1, len(parts)):  # "red diamonds for 2021–2023, the years on which the article focuses"
            prev = parts[i - 1]
            if parts[i] is None and prev is not None and APPOSITIVE_TAIL_RE.match(", " + texts[i].strip()):
                parts[i - 1] = (f"{prev[0]}, {texts[i].strip()}", prev[1], prev[2])
        found = [p for p in parts if p]
        # every part an entry, or all but one ("..., and the star is gold" names no category)
        entries += found if len(found) == len(parts) or (len(found) >= 2 and len(found) == len(parts) - 1) else []
    return entries


def _verb_carried(texts: list[str]) -> list[str]:
    """'"2015" is a steel-blue dot and "2023" a dark-orange dot', "CNNs are blue circles, transformers orange
    squares", "green triangles mark irrigated fields, brown squares rain-fed ones": the verb of the first entry
    is understood in the ones after it."""
    verb = CARRIED_VERB_RE.search(texts[0]) if len(texts) >= 2 else None
    if verb is None:
        return texts
    out = [texts[0]]
    for text in texts[1:]:
        words = text.split()
        # (not "red for Asia", "Europe in blue": joined by a word of their own)
        if not VERB_SEP_RE.search(f" {text} ") and not re.search(r"\s[=:]\s", f" {text} ") and len(words) >= 2:
            # the name first ("transformers orange squares") or the style first ("brown squares rain-fed fields")
            k = next((k for k in range(1, min(5, len(words))) if is_style_only(" ".join(words[k:]))
                      and not is_style_only(" ".join(words[:k]))), None)
            if k is None:
                k = next((k for k in range(min(4, len(words) - 1), 0, -1) if is_style_only(" ".join(words[:k]))
                          and not is_style_only(" ".join(words[k:]))), None)
            if k is not None:
                text = f"{' '.join(words[:k])} {verb.group(1)} {' '.join(words[k:])}"
        out.append(text)
    return out


CARRIED_VERB_RE = re.compile(r"\s(is|are|marks?|denotes?|represents?|indicates?)\s")
# a count of things ("Six public datasets", "all 20 clubs"), no name
COUNTED_NAME = r"(?:all\s+)?" + COUNT_PATTERN + r"\s"
# the names a plain sentence cannot give a category: "Most points are blue circles", "the highlighted one is ..."
NOT_A_CATEGORY_RE = re.compile(r"^(?:the\s+)?(?:most|all|other|others|remaining|rest|some|many|several|few|one|each|"
                               r"every|highlighted|our|ours|its|their|it|they|these|those|this|that|both|either|"
                               r"neither|none|no|any|point|points|marker|markers|"
                               # an exception to a style said of all ("Hospitals are gray circles, except Mercy
                               # General, which is ...") and a count of things ("Six public datasets") name no category
                               r"except|apart|save|but|other\s+than)\b|^" + COUNTED_NAME, re.IGNORECASE)


def _copula_entries(sentences_: list[str]) -> list[tuple[str, str | None, str | None] | None]:
    """"Maize plots are green triangles; wheat plots are brown squares", "Green triangles mark irrigated
    fields, brown squares rain-fed fields": a sentence of two or more categories and their styles and nothing
    else, with no legend named (a number in it makes it a point's sentence)."""
    out: list[tuple[str, str | None, str | None] | None] = []
    for sentence in sentences_:
        if lex(sentence):
            continue
        found = [e for e in _inline_entries(sentence) if e is not None]
        if len(found) >= 2 and all(e[0] and not NOT_A_CATEGORY_RE.match(e[0]) and not ours_cue(e[0])
                                   for e in found):
            out += found
        elif len(found) >= 2 and all(not e[0] and e[1] and e[2] for e in found):
            out += found  # "Circles are blue, triangles are green and the star is red": the key's shapes coloured
    return out


def _and_split(piece: str) -> list[str]:
    """"blue circles are sequential models and orange squares are graph-based": two entries joined by "and"
    (each side an entry of its own; "red and blue circles = baselines" stays one)."""
    parts = AND_THE_RE.split(piece)
    if len(parts) == 1 and " and " in piece:
        halves = _verb_carried(re.split(r"\s+and\s+", piece))
        if len(halves) >= 2 and all(_entry(h) for h in halves):
            return halves
    return parts


# '"Baselines" (gray circle)', '"Inhibitory" classes (magenta triangles)': a quoted name, a noun or two, its style
QUOTED_ENTRY_RE = re.compile(r"[\"“]([^\"“”]{1,40})[\"”](?:\s+(?-i:[a-z]+)){0,2}\s*\(([^()]{2,40})\)")


def _style_tail(text: str) -> str:
    """The style words that end a phrase: "equity indices are navy circles" -> "navy circles"."""
    words = text.split()
    tails = [" ".join(words[-k:]) for k in range(min(4, len(words)), 0, -1)]
    return next((t for t in tails if is_style_only(t)), "")


# 'teal circles for "Both sexes"', 'navy circles ("Equity")'
# ('blue circles for "Spirals"'; plural markers labelled: 'filled blue circles labeled "Spirals"', not 'a black
# star labelled "Gothenburg 40"', which is one point's label)
STYLE_FOR_QUOTED_RE = re.compile(r"\b([\w -]{2,40}?)\s+for\s+[\"“]([^\"“”]{1,40})[\"”]|"
                                 r"\b([\w -]{0,30}?(?:circles|squares|triangles|diamonds|stars|dots|crosses|"
                                 r"pentagons|hexagons|markers))\s+(?:label+ed|named)\s+[\"“]([^\"“”]{1,40})[\"”]")
# 'drawn as filled blue circles under the legend entry "Replicated"', 'gray circles carry the entry "Not replicated"',
# 'the legend labels the hollow gray circles "Not replicated"': a plural style and the entry it is listed under
_PLURAL_SHAPES = r"(?:circles|squares|triangles|diamonds|stars|dots|crosses|pentagons|hexagons|markers)"
STYLE_UNDER_QUOTED_RE = re.compile(r"\b([\w -]{2,40}?" + _PLURAL_SHAPES + r")\s+(?:(?:are\s+)?(?:listed\s+)?under|"
                                   r"carry|carrying|get|take|with)\s+(?:the\s+|a\s+)?(?:legend\s+|key\s+)?"
                                   r"(?:entry|label|name)?\s*[\"“]([^\"“”]{1,40})[\"”]|"
                                   r"\blabels\s+(?:the\s+)?([\w -]{2,40}?)\s+[\"“]([^\"“”]{1,40})[\"”]")
# ('... and gray circles the entry "Not replicated"', '... and the hollow gray circles "Not replicated"': one verb)
ELIDED_QUOTED_RE = re.compile(r"\band\s+(?:the\s+)?([\w -]{0,30}?" + _PLURAL_SHAPES + r")\s+(?:the\s+)?"
                              r"(?:legend\s+|key\s+)?(?:entry\s+|label\s+)?[\"“]([^\"“”]{1,40})[\"”]")
STYLE_THEN_QUOTED_RE = re.compile(r"\b([\w -]{2,40}?)\s*\(\s*[\"“]([^\"“”]{1,40})[\"”]\s*\)")
QUOTED_AS_RE = re.compile(r"[\"“]([^\"“”]{1,40})[\"”],?\s+(?:(?:is|are)\s+)?(?:(?:drawn|shown|plotted|marked|rendered|"
                          r"displayed|depicted|corresponds?\s+to|represented\s+by|denoted\s+by)\s+(?:as|in|with)?|as|"
                          # 'the key reads "Other birds" next to a black circle and "Seabirds" next to a blue triangle'
                          r"(?:next\s+to|beside|alongside|against)\s+(?:an?\s+|the\s+)?)\s*"
                          r"([^,;.]{2,40}?)(?=\s*(?:,|;|\.|\band\b|\bthat\b|\bwhich\b|$))")
SHOWN_AS_RE = re.compile(r"^(?P<name>(?!(?:the|a|an|all|each|every|our|its|their|this|these|it|most|many|some|several|"
                         r"other|remaining)\b)[A-Za-z][\w+/&.-]*"
                         r"(?:\s+[\w+/&.-]+){0,4}?)\s+(?:are|is)\s+(?:shown|drawn|plotted|marked|depicted|displayed|"
                         r"rendered|represented)\s+(?:as|in|with|by)\s+(?P<style>[^.;,]{2,40})|"
                         r"^(?P<name2>(?!(?:the|a|an|all|each|every|our|its|their|this|these|it)\b)[A-Za-z][\w+/&.-]*"
                         r"(?:\s+[\w+/&.-]+){0,4}?)\s+appears?\s+as\s+(?P<style2>[^.;,]{2,40})", re.IGNORECASE)


def _shown_as_entries(sentences_: list[str]) -> list[tuple[str, str | None, str | None] | None]:
    """"Superconducting devices are shown as purple hexagons", "Trapped-ion systems appear as teal
    pentagons": a category named with its style in a sentence of its own."""
    out: list[tuple[str, str | None, str | None] | None] = []
    for sentence in sentences_:
        m = SHOWN_AS_RE.match(sentence)
        if m is None and 0 < (colon := sentence.find(": ")) < 100 and LEGEND_CUE_RE.search(sentence[: colon + 1]):
            # "A legend in the lower right distinguishes two groups of countries: High-income countries are ..."
            sentence = sentence[colon + 2:]
            m = SHOWN_AS_RE.match(sentence)  # (categories in the plural: "vLLM is shown with ..." is read elsewhere)
            m = m if m is not None and " are " in m.group(0) else None
        if m is None:
            continue
        name, style = (m.group("name"), m.group("style")) if m.group("name") else (m.group("name2"), m.group("style2"))
        # "Proprietary models are shown as blue circles and open-weight models as orange squares": the verb
        # said once
        rest = sentence[m.start("style") if m.group("name") else m.start("style2"):]
        style = re.split(r"\s+(?:clustered|grouped|spread|placed|located|at|on|near|and)\b|[.;,]", rest)[0]
        pairs = [(name, style)]
        # "... and open-weight models as orange squares", "..., millet with purple pentagons": the verb said once
        # (not the "and" of a shared hyphen: "Low- and middle-income countries as orange circles")
        # ("... and sparse models (e.g. Switch, GLaM) as purple diamonds": the examples are no entries)
        for more in re.split(r"[,;]|(?<!-)\s+and\s+", re.sub(EXAMPLES_BRACKET, "", rest[len(style):]).rstrip(" .")):
            more = re.sub(r"^(?:and|or)\s+", "", more.strip())
            if more and (elided := ELIDED_AS_RE.match(more)) is not None:
                pairs.append((elided.group("name"), elided.group("style")))
        if COUNTED_NAME_RE.match(name) or EXCEPT_AFTER_RE.match(rest, len(style)):
            continue  # "Six public datasets are drawn as gray circles", "Hospitals are gray circles, except ...": the
            # style of every point (styles' to read), no category of some
        for name, style in pairs:
            if is_style_only(style) and not is_style_only(name) and not ours_cue(name) and not lex(name):
                out.append((strip_marks(name), first_color(style), first_marker(style)))
    return out


COUNTED_NAME_RE = re.compile(COUNTED_NAME, re.IGNORECASE)
ELIDED_AS_RE = re.compile(r"(?P<name>(?!(?:the|a|an|it)\b)[A-Za-z][\w+/&.-]*(?:\s+[\w+/&.-]+){0,4}?)"
                          r"\s+(?:as|with|in)\s+(?P<style>[^.;,]{2,40}?)(?=\s*(?:[.;,]|$))", re.IGNORECASE)


# a quoted name, then its look with no bracket: '"16-bit" black circles, "8-bit" blue squares and "2-bit" purple
# downward-pointing triangles'
QUOTED_THEN_LOOK_RE = re.compile(r"[\"“]([^\"“”]{1,40})[\"”]\s+((?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*?)"
                                 r"(?=\s*(?:[,;.]|\band\b|$))")


# or its look after "is"/"are", an aside between: '"Open-weight agents" are blue circles, ... and "Patchwright (ours)"
# — the authors' system — is a large red star'
QUOTED_IS_LOOK_RE = re.compile(r"[\"“]([^\"“”]{1,40})[\"”](?:\s*[—–][^—–]{0,80}[—–])?\s+(?:are|is)\s+"
                               r"((?:[a-z][\w-]*\s+){0,4}[a-z][\w-]*?)(?=\s*(?:[,;.]|\band\b|$))")


def _quoted_entries(text: str) -> list[tuple[str, str | None, str | None] | None]:
    """'"Baselines" (gray circle) from "Ours" (red star)', '"Drip", drawn as light green circles, and ...',
    'equity indices are navy circles ("Equity")', 'a third entry, "Proposed", corresponds to a red star':
    quoted names, each with its style in brackets, after "drawn as", or before the bracketed name."""
    # '"Ours" (a red star, the authors' model)': the style before the remark
    under = STYLE_UNDER_QUOTED_RE.findall(text)
    pairs = [(name, split_top(style, ",;")[0] if split_top(style, ",;") else style)
             for name, style in QUOTED_ENTRY_RE.findall(text)] + QUOTED_AS_RE.findall(text) + \
        QUOTED_THEN_LOOK_RE.findall(text) + QUOTED_IS_LOOK_RE.findall(text) + \
        [(name, _style_tail(style)) for style, name in STYLE_THEN_QUOTED_RE.findall(text)] + \
        [(a_name or b_name, _style_tail(a_style or b_style))
         for a_style, a_name, b_style, b_name in STYLE_FOR_QUOTED_RE.findall(text) + under] + \
        ([(name, _style_tail(style)) for style, name in ELIDED_QUOTED_RE.findall(text)] if under else [])
    # (in the text's order, whichever shape said each)
    return [(name, first_color(style), first_marker(style))
            for name, style in sorted(((n.strip(), s) for n, s in pairs), key=lambda p: text.find(p[0]))
            if is_style_only(style)]


def _entries_of(parts: list[str]) -> list[tuple[str, str | None, str | None] | None]:
    """Each listed part read as an entry, a leading "and"/"or" dropped ("..., and red = Ours"), and a lead-in
    before a colon ("Colour identifies the vendor (legend at upper left): NVIDIA = green circles")."""
    out = []
    for part in parts:
        part = LIST_JOIN_RE.sub("", part)
        entry = _entry(part)
        if entry is None and ": " in part:
            entry = _entry(part.rsplit(": ", 1)[1])
        out.append(entry)
    return out


LIST_JOIN_RE = re.compile(r"^\s*(?:and|or|while|whereas)\s+")


def _bracketed_entries(text: str) -> list[tuple[str, str | None, str | None] | None]:
    """Legend entries listed inside brackets, two or more: "(CNNs in blue circles, ViTs in orange squares)"."""
    out: list[tuple[str, str | None, str | None] | None] = []
    for m in re.finditer(r"\(([^()]*,[^()]*)\)", text):
        parts = _entries_of(split_top(m.group(1), ",;"))
        if len(parts) >= 2 and all(parts):
            # "markers: filled circles, coloured by origin (Ethiopia = green, ...)": the shape said before is theirs
            shape = first_marker(text[: m.start()])
            out += [(p[0], p[1], p[2] or shape) if p is not None else None for p in parts]
    return out


@lru_cache(maxsize=1024)
def _legend_header(title: str) -> bool:
    return bool(LEGEND_CTX_RE.search(title))


_BARE_MARKS = {"x": "x", "×": "x", "+": "+", "✕": "x", "✖": "x"}


GLYPH_KEY_NAME_RE = re.compile(r"[A-Za-z][\w.+/-]*(?:\s+[\w.+/()-]+){0,4}")


def _juxtaposed(text: str, symbol: str) -> tuple[str, str | None, str | None] | None:
    """"sulfide orange", "hydride grey circles": a name and its style with nothing between (in a list that a
    "Colour = material class:" key heads)."""
    if is_style_only(text):
        return None  # "dark green" alone is a colour, not a category "dark" drawn green
    words = text.split()
    for k in (2, 1):
        if len(words) > k and is_style_only(" ".join(words[-k:])) and not is_style_only(" ".join(words[:-k])):
            name, style = " ".join(words[:-k]), " ".join(words[-k:])
            if len(name.split()) <= 4 and not lex(name) and not is_filler(name):
                return name, first_color(style), first_marker(style) or (first_marker(symbol) if symbol else None)
    if symbol:  # after a glyph, the style may come first: "● blue Germanic", "▲ orange Romance"
        for k in (2, 1):
            # (ending in a colour or marker word: "● blue Open models" is blue, "Open models")
            if len(words) > k and is_style_only(" ".join(words[:k])) and not is_style_only(" ".join(words[k:])) \
                    and not is_filler(words[k - 1]):
                name, style = " ".join(words[k:]), " ".join(words[:k])
                # (a name may hold a number after a word: "▲ (orange) GPTQ 4-bit", "★ (red) QuillQuant 3-bit (Ours)")
                if len(name.split()) <= 5 and (not lex(name) or GLYPH_KEY_NAME_RE.fullmatch(name)) \
                        and not is_filler(name):
                    return name, first_color(style), first_marker(style) or first_marker(symbol)
    return None


def _legend_table(state: ParseState, block: Block) -> None:
    """| Colour | Marker | Category | with no numbers in it: a legend written as a table."""
    header = [h.lower() for h in block.header]
    style_cols = [i for i, h in enumerate(header) if re.search(r"colou?r|marker|symbol|shape|style|glyph", h)]
    # (a column of flags is no name: "| name | colour | marker | emphasis |" with "yes" for the authors' entry)
    flags = [i for i, h in enumerate(header) if FLAG_COLUMN_RE.fullmatch(h.strip())]
    name_cols = [i for i, h in enumerate(header) if i not in style_cols and i not in flags]
    if not name_cols and len(style_cols) == 2:
        # "| Symbol | Style |" of "dark red circle | Dry red": the column of looks styles, the other names
        looks = [i for i in style_cols if all(is_style_only(r[i]) for r in block.rows if i < len(r) and r[i].strip())]
        if len(looks) == 1:
            style_cols, name_cols = looks, [i for i in style_cols if i != looks[0]]
    # numbers in a style column make it data ("| HEB-5 (ours) | ★ | red |" names a series with a digit)
    if not style_cols or len(name_cols) != 1 or any(lex(row[i]) for row in block.rows
                                                    for i in style_cols if i < len(row)):
        return
    for row in block.rows:
        if len(row) < len(header):
            continue
        style = " ".join(row[i] for i in style_cols)
        # a symbol column's "x" or "+" is the marker itself
        glyph = next((_BARE_MARKS[c.strip().lower()] for i, c in enumerate(row) if i in style_cols
                      and c.strip().lower() in _BARE_MARKS), None)
        name = strip_marks(row[name_cols[0]])
        if name and (has_style(style) or glyph):
            _add(state, GroupFact(name, first_color(style), first_marker(style) or glyph, block.line, keyed=True,
                                  focus=any(row[i].strip().lower() in YES_WORDS for i in flags)))
    block.used = True


FLAG_COLUMN_RE = re.compile(r"emphasis|emphasi[sz]ed|highlight(?:ed)?|ours|focus|featured|bold", re.IGNORECASE)
YES_WORDS = frozenset(("yes", "y", "true", "1", "x", "✓", "✔"))


SHOWN_WITH_RE = re.compile(r"\s+(?:is|are)\s+(?:shown|drawn|plotted|marked|rendered|displayed|depicted)\s+"
                           r"(?:as|with|in|by)\s+", re.IGNORECASE)
TRAILING_BRACKET_RE = re.compile(r"\s*\([^()]*\)\s*$")
WHICH_DRAWN_RE = re.compile(r",?\s+(?:which|that|who)\s+(?:is|are)\s+(?:drawn|shown|plotted|marked|rendered|displayed|"
                            r"depicted)\s+(?:as|in|with|by)\s+", re.IGNORECASE)


# "Baseline (blue circles)", "GPTQ (4-bit) (blue squares)": a name (with a bracket of its own) and its style
ENTRY_PAREN_RE = re.compile(r"^(?P<name>(?:[^()]|\([^()]*\))+?)\s*\((?P<style>[^()]+)\)$")


REMARK_AFTER_NAME_RE = re.compile(r"\s[—–]\s")


MEMBERS_TAIL_RE = re.compile(r"\s+(?:consists\s+of|is\s+made\s+up\s+of|comprises)\s+"
                             r"(?P<names>[^()]+)$", re.IGNORECASE)


def _entry(text: str) -> tuple[str, str | None, str | None] | None:
    """'Gray Circle: Open-Weights Only' -> ("Open-Weights Only", "gray", "o"); '🟢 **OpenAI** (green)' -> ("OpenAI",
    "green", "o"): a coloured emoji before the entry is its key, colour and shape."""
    head = text.lstrip()
    emoji = EMOJI.get(head[:1]) if head else None
    if emoji is None:
        return _entry_text(text)
    text = head[1:].lstrip("\ufe0f ")
    found = _entry_text(text)
    if found is None and text and not lex(text) and not has_style(text) and len(text.split()) <= 8:
        found = (strip_marks(text), None, None)  # "🔵 Google": the emoji is all the style
    return (found[0], found[1] or emoji[0], found[2] or emoji[1]) if found is not None else None


# a bracketed remark that the one point it names has no entry: "the Sun (no legend entry; labelled directly)"
NO_ENTRY_RE = re.compile(r"\(\s*(?:no|not\s+in\s+the|without\s+a)\s+(?:own\s+)?(?:legend|key)\b", re.IGNORECASE)
# how the entry's markers are drawn, after a semicolon ("; drawn larger with bold labels"); not "; it has no key entry"
REMARK_AFTER_SEMICOLON_RE = re.compile(r";\s+(?:(?:all\s+|each\s+)?(?:drawn|shown|plotted|rendered|displayed|"
                                       r"outlined|filled|labell?ed|marked)|larger|smaller|bigger|bold|half-)\b.*$")


OUTLINE_RE = re.compile(r"\b(?:with\s+(?:a\s+|an\s+)?(?:thin\s+|thick\s+)?[\w-]+\s+(?:outline|edge|border|rim)s?|"
                        r"(?:outlined|edged|bordered|ringed)\s+in\s+[\w-]+|\w+-(?:edged|outlined|bordered))\b",
                        re.IGNORECASE)
# a plot script's marker code, a colour and the quoted name: 'o  orange  "Cepheid host"', 's: purple, "Cluster"'
CODE_ENTRY_RE = re.compile(r"^\s*(?P<code>[osDdvxX^*+phH<>])\s*[:\s]\s*(?P<look>[^\"“”]*?)[,\s]*"
                           r"[\"“](?P<name>[^\"“”]{1,60})[\"”]\s*$")


# a colour, then the glyph, then the name: "gray ● Baselines · green ▲ Distilled · red ★ Ours"
COLOUR_THEN_GLYPH_RE = re.compile(r"^\s*(?P<look>[A-Za-z#][\w# -]{1,25}?)\s*(?P<glyph>[" + MARKER_GLYPHS
                                  + r"])\s+(?=\S)")
LOOK_GAP_NAME_RE = re.compile(r"(?P<look>\S.{1,40}?)[ \t]{2,}(?P<name>[^\s=:—–-].{0,60})")
LOOK_COMMA_QUOTED_RE = re.compile(r"(?P<look>[^,\"“”]{2,40}),\s*[\"“](?P<name>[^\"“”]{1,40})[\"”]")
TRAILING_COLOUR_BRACKET_RE = re.compile(r"\s*\(([^()]{2,30})\)$")
LEAD_COLOUR_RE = re.compile(r"(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3}|[a-z]+(?:\s[a-z]+)?)\s+(?=[A-Z0-9])")


def _entry_text(text: str) -> tuple[str, str | None, str | None] | None:
    if (described := DESCRIBED_NAME_RE.match(text)) is not None:
        text = f'"{described.group("name")}" {text[described.end():]}'
    if (coded := CODE_ENTRY_RE.match(text)) is not None and (color := first_color(coded.group("look"))):
        return coded.group("name"), color, first_marker(MARKER_CODE_WORDS[coded.group("code")])
    # 'gray circle, "No merging"': a look, a comma, the quoted name; "brown circle    Tell Amar": a look, then the
    # name set in a column of its own (a quoted name may read as a look, an unquoted one not)
    for pattern, quoted_name in ((LOOK_COMMA_QUOTED_RE, True), (LOOK_GAP_NAME_RE, False)):
        if (found := pattern.fullmatch(text.strip(" ."))) and is_style_only(look := found.group("look")) and (
                quoted_name or not is_style_only(found.group("name"))):
            return found.group("name").strip(), first_color(look), first_marker(look)
    text = WHICH_DRAWN_RE.sub(" is ", strip_marks(text))  # "Forge (ours), which is drawn as a red star"
    text = SHOWN_WITH_RE.sub(" is ", text)  # "the proposed prototype is shown with red stars"
    if (swatch := COLOUR_THEN_GLYPH_RE.match(text)) is not None and is_style_only(swatch.group("look")):
        text = f"{swatch.group('glyph')} {swatch.group('look')} {text[swatch.end():]}"  # "gray ● Baselines"
    symbol = text[:1] if find_markers(text[:1]) else ""
    text = strip_marks(text.lstrip(MARKER_GLYPHS + " "))
    if symbol and (sep := ENTRY_SEP_RE.match(text)) is not None:
        text = text[sep.end():]  # "▲ = Raptors (dark red)", "● : Seabirds": the glyph is the entry's left side
    m = ENTRY_SEP_RE.search(text) or VERB_SEP_RE.search(text)
    verb = m is not None and m.group().strip().replace(" ", "").isalpha()  # "are", "stand for"; not "=" or ":"
    paren = ENTRY_PAREN_RE.match(text)
    # "Baseline (blue circles)"; "Ours (red stars, drawn larger than the other markers)": a remark after the style
    styled = paren and next((part for part in (paren.group("style"), re.split(r"[,;]", paren.group("style"))[0])
                             if is_style_only(part)), None)
    if m is None and paren and styled:
        style = styled
        name = strip_marks(paren.group("name"))
        if (said := LEAD_COLOUR_RE.match(name)) and not is_style_only(name) and (
                said.group(1).startswith("#") or first_color(said.group(1)) == first_color(style)):
            # "● blue Strike-slip (blue circles)", "● #7f7f7f Exact attention (gray circles)": a swatch's colour said
            # before the name, no part of it
            name = name[said.end():]
        if (tail := TRAILING_COLOUR_BRACKET_RE.search(name)) and is_style_only(tail.group(1)) and name[: tail.start()]:
            name = name[: tail.start()]  # "● Closed (blue) (blue circles)": a coloured span's colour, then the style
        return name, first_color(style), first_marker(style) or first_marker(symbol)
    if m is None and symbol and text and not has_style(text) and not lex(text) and len(text.split()) <= 8:
        return text.strip("\"“”'"), None, first_marker(symbol)  # "■ Dense retrievers"
    if m is None:
        return _juxtaposed(text, symbol)
    left = strip_marks(MARKER_CODE_RE.sub("", text[: m.start()]))
    right = strip_marks(MARKER_CODE_RE.sub("", text[m.end():]))
    if "(D)" in text[: m.start()] and is_style_only(right) and not is_style_only(left):
        left = strip_marks(text[: m.start()])  # "Continental (D) — purple diamonds": Köppen's D, the name's letter
    if not left or not right:
        return None
    if not is_style_only(right) and not is_style_only(left) and not lex(right):
        # "NX-212 (this study) · red stars, enlarged and highlighted", "... red stars (highlighted)": the style, then
        # a remark ("DCTCP: maroon circle, (x≈3.2, y≈0.45)" is a point)
        first = split_top(TRAILING_BRACKET_RE.sub("", right), ",")
        if first and is_style_only(first[0]):
            right = first[0]
    if is_style_only(left) and not is_style_only(right):
        # "Red triangles: + LongRoPE-ft (ours) — these markers are larger ...": a remark after the name
        style, name = left, REMARK_AFTER_NAME_RE.split(right, 1)[0]
    elif is_style_only(right) and not is_style_only(left):
        style, name = right, left
    elif verb and _marker_only(left) and first_color(right) and not first_marker(right):
        return "", first_color(right), first_marker(left)  # "the star is gold": the colour of a marker's entry
    elif not verb and is_style_only(left) and is_style_only(right) and _title_cased(left) != _title_cased(right):
        # "■ teal: Coral Triangle", "black diamonds: Blue Star": a name in capitals that reads as a style
        style, name = (left, right) if _title_cased(right) else (right, left)
    elif not verb and first_marker(left) and not first_marker(right) and _colour_word(right):
        style, name = left, right  # "Dark red circle: Red", "Yellow square: White": a category named by a colour
    elif not verb and first_marker(right) and not first_marker(left) and _colour_word(left):
        style, name = right, left  # "Red: dark red circles"
    else:
        return None
    name = REMARK_AFTER_SEMICOLON_RE.sub("", name)  # "FineLM (ours), ...; drawn larger with bold labels"
    core = APPOSITIVE_TAIL_RE.sub("", name)  # the remark after a name is split off by _add
    quoted = QUOTED_KIND_RE.match((text[m.end():] if style == left else name).strip()) if verb else None
    if quoted is not None:  # 'orange points are "Proprietary API" models', '"Streaming" systems are purple triangles':
        # the quoted name, the kind's noun dropped
        name = core = quoted.group("name")
    elif (said := LEGEND_SAYS_RE.search(name)) is not None:  # 'years 2010–2019 (legend entry "2010–2019")'
        name = core = said.group("name") or said.group("name2")
    if len(core.split()) > 8 or (name.lstrip().startswith(("(", "[")) and len(lex(name)) >= 2):
        return None  # "Indigo (purple diamond): (≈60 ms, ≈70 Mbps)" is a point, not a category
    if quoted is None and verb:
        if VERB_ENTRY_NOT_NAME_RE.search(re.sub(r"^(?:the\s+)?(?:un)?labell?ed\s+", "", core, flags=re.IGNORECASE)):
            return None  # "The red point is explicitly labeled 'X'" describes a point, it names no category
        name = ENTRY_NAME_WRAP_RE.sub("", ENTRY_NAME_WRAP_RE.sub("", name))
        if not name or is_style_only(name) or re.match(r"(?:a|an|one|each|every|this|that)\b", name, re.IGNORECASE) \
                or name.casefold() in _NOT_NAMES:  # "all markers are circles"
            return None
    marker = first_marker(style) or (first_marker(symbol) if symbol else None)
    # ("a magenta diamond with a black outline": the edge's colour is no second fill)
    colors = {c for _, c in find_colors(OUTLINE_RE.sub("", style))}
    color = first_color(style) if len(colors) <= 1 else None  # "Squares (yellow, blue, orange)": no one colour
    return name.strip("\"“”'"), color, marker


def _title_cased(text: str) -> bool:
    """Two or more words, each opening in a capital: a proper name ("Coral Triangle"), not a look ("Black
    diamonds")."""
    words = text.split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words)


def _colour_word(text: str) -> bool:
    """One or two words, a colour and nothing else: "Red", "White", "Rosé" is not one."""
    return len(text.split()) <= 2 and is_style_only(text) and first_color(text) is not None


def _marker_only(text: str) -> bool:
    return bool(first_marker(text)) and not first_color(text) and is_style_only(text)


# "all other technologies are plotted as grey circles" styles the rest (rule styles), it names no group
# (a legend's own "Other" or "Other forwards" is a name: capitalised)
# "the others", "the remaining", and counts of the points ("Ten of the traits", "Most of them"): no category
OTHERS_NAME_RE = re.compile(r"^(?:(?i:all|the)\s+)?(?:the\s+)?(?:other|remaining|rest)\b|"
                            r"^(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+|most|some|many|"
                            r"several|all|few|each|none|half|both)\s+of\s+(?:the|these|those|them|all)\b")


# "H5N1 (modelled scenario), the scenario the review is about": a remark after the entry's name
# (or what they are: "FineLM (ours), 1.5B models trained on filtered data", "Baselines, checkpoints distilled
# from GPT-4")
APPOSITIVE_TAIL_RE = re.compile(r",\s+(?=(?:the|which|a|an|its|their|on which|where)\s|"
                                r"(?:[\w.–-]+\s+){1,3}(?-i:[a-z]+ed)\s+(?:on|with|by|from|for|in|at)\b)(?P<remark>.+)$",
                                re.IGNORECASE)


ACRONYM_EXPANSION_RE = re.compile(r"^([A-Z][A-Z0-9]{1,5})\s*\(((?-i:[a-z])[^()]*)\)$")


def _expands(acronym: str, words: str) -> bool:
    """"MAT" (multi-academy trust), "LA" (local-authority maintained), "IND" (independent): the bracket spells
    the acronym out, by its words' initials or as one word it begins; not "KD (logit)", "HNSW (hnswlib)"."""
    parts = [w for w in re.split(r"[\s-]+", words.lower()) if w]
    if len(parts) >= 2:
        return "".join(w[0] for w in parts).startswith(acronym.lower()[:2]) and len(acronym) <= len(parts) + 1
    return len(acronym) <= 3 and len(parts) == 1 and parts[0].startswith(acronym.lower()) and len(parts[0]) >= 6
# ("baseline training runs (GPT-style models of different sizes).": a first word of any case)
DESCRIPTION_BRACKET_RE = re.compile(r"\s*\((?P<remark>(?:[a-z][a-z-]*|[\w-]*-[a-z]+)\s+(?:[a-z][a-z-]*\s+)+"
                                    r"[a-z][a-z-]*)\)\s*\.?\s*$")
# "non-statin trials (ezetimibe, PCSK9 inhibitors) are orange triangles": a sentence's list of examples is no part
# of the category's name (a key's own entry, "Llama (7B, 13B)", is printed so)
EXAMPLES_BRACKET = r"\s*\((?P<remark>(?:e\.g\.|i\.e\.|such as|including)[^()]*|[^()]*,[^()]*)\)"
EXAMPLES_BRACKET_RE = re.compile(EXAMPLES_BRACKET + r"\s*$")
# "red crosses (x)": the marker's own letter in brackets
MARKER_CODE_RE = re.compile(r"\s*\((?:x|o|\+|\*|s|\^|D|v|p|h)\)")


# a part of the chart, not a category of points: "* **Trend line:** Black, dashed, ..." among a key's items
# (not "Personal lines", an insurer's business, nor "Legacy grid", "Public reference")
PART_NAME_RE = re.compile(r"^(?:the\s+)?(?:[\w-]+\s+)?(?:trend|regression|fitted|fit|best[\s-]fit|reference|dashed|"
                          r"dotted|solid|horizontal|vertical|diagonal|grid)\s*(?:lines?|curves?|fits?)$|"
                          r"^(?:the\s+)?(?:trend|regression|fit)$|^[xy][\s-]*axis$|^title$", re.IGNORECASE)


PRONOUN_NAME_RE = re.compile(r"\s*(?:it|they|this|these|those|that|which|one|each|both|all)\s*", re.IGNORECASE)


def _add(state: ParseState, fact: GroupFact) -> None:
    if OTHERS_NAME_RE.match(fact.name) or PART_NAME_RE.match(fact.name) or PRONOUN_NAME_RE.fullmatch(fact.name):
        return  # ("... has no legend entry: it is drawn as a large red star": "it" names no group)
    expansion = ACRONYM_EXPANSION_RE.match(fact.name)
    if expansion is not None and _expands(expansion.group(1), expansion.group(2)):
        fact.name = expansion.group(1)  # "LA (local-authority maintained)": the key prints the acronym
    remark = APPOSITIVE_TAIL_RE.search(fact.name) or DESCRIPTION_BRACKET_RE.search(fact.name) or (
        None if fact.keyed else EXAMPLES_BRACKET_RE.search(fact.name))
    if remark is not None:  # "Replicated (significant in the original direction)" is "Replicated"
        fact.name, fact.focus = fact.name[: remark.start()].strip(), ours_cue(remark.group("remark"))
    fact.name = fact.name.strip(" |")
    keyed = next((g for g in state.groups if fact.color is None and fact.marker and g.marker == fact.marker
                  and g.color is not None), None)
    if keyed is not None and fact.name:
        # "Pt/C ◆ | MoS2 ■ | ..." under a key "◆ black = Noble metal", "■ blue = Phosphides": a point's glyph names
        # the key's entry, and the point is one of its members, not an entry of its own
        state.label_styles.append(LabelStyle(fact.name, keyed.color, keyed.marker, fact.line, group=keyed.name))
        return
    if not fact.name:  # "the star is gold": colours the entry drawn with that marker
        for g in state.groups:
            if g.marker == fact.marker and g.color is None:
                g.color = fact.color
        return
    for g in state.groups:  # "Dense models are the teal circles" after a legend entry "● teal — Dense"
        if g.name.casefold() == fact.name.casefold() or (same_group(g.name, fact.name) and (
                fact.color is None or g.color is None or g.color == fact.color)):
            g.color, g.marker = g.color or fact.color, g.marker or fact.marker
            if fact.keyed and not g.keyed:  # "Open-weight models are shown as teal circles", then the key's
                g.name, g.keyed = fact.name, True  # "Teal circle: Open-weight": the key prints its own name
            return
    # "● Rodentia, ▲ Primates ...", then "orange for rodents, purple for primates": the colour of the entry whose
    # name the word stems from (its first five letters and more, one entry only)
    stem = fact.name.casefold().rstrip("s")
    kin = [g for g in state.groups if g.color is None and g.name.casefold().startswith(stem[: max(5, len(stem) - 2)])] \
        if fact.color and not fact.marker and len(stem) >= 5 and " " not in fact.name.strip() else []
    if len(kin) == 1:
        kin[0].color = fact.color
        return
    state.groups.append(fact)
