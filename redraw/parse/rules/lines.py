"""lines: fitted trend lines and horizontal/vertical reference lines, from items, keyed lines and prose."""
from __future__ import annotations

import re
from functools import lru_cache

from ..document import Block
from ..facts import RefFact, TrendFact
from ..lookup import axis_of_key, group_named, same_group
from ..state import ParseState
from ..text import quoted, remark_dropped, split_names, split_top, strip_marks
from ..values import Num, lex
from ..vocab import COLOR_RE, COLORS, HEX_RE, LINE_READ_PATTERN, count_of, find_style, first_color, fold, is_style_only
from .coords import find_coords

# a line, or a fit drawn as one: "A dashed blue scaling fit is drawn through the baselines"
LINE_RE = re.compile(r"(?=[ldso])(?:\blines?\b|\b(?:dashed|dotted|solid|dash-dot)\s+(?:[\w-]+\s+){0,3}?"
                     r"(?:fit|trend|regression|curve)\b)", re.IGNORECASE)
TREND_CTX_RE = re.compile(r"\b(trend|regression|fit(?:ted)?|least[- ]squares|power[- ]law|best[- ]fit)\b",
                          re.IGNORECASE)
TREND_RE = re.compile(r"\b(trend|regression|fit(?:ted)?|least[- ]squares|power[- ]law|best[- ]fit|connects|"
                      r"connecting|connected\s+by|joins?|joining|joined\s+by|links?|linking|linked\s+by|runs? through|"
                      r"pass(?:es)? through|drawn through|"
                      # "a dashed blue line through the four DiT points": a line through points is fitted to them
                      r"line\s+(?:through|over)\s+(?:the\s+|all\s+|its\s+|their\s+)(?:[\w-]+\s+){0,3}"
                      r"(?:points|models|markers|dots|circles|squares|triangles|diamonds|stars|runs|series)|"
                      r"slop(?:es|ing)|rises|diagonal(?:ly)?|runs?\s+\w+ly\s+through)\b", re.IGNORECASE)
REF_RE = re.compile(r"(?=[hv])\b(horizontal|vertical)(?:ly)?\b", re.IGNORECASE)  # "stands vertically at 95 %"
# "at Accuracy = 65%", "at FID = 6.0", "at an accuracy of 65%": up to three words of an axis title, then = or of
# an axis named by its title's words or symbol: "at GLUE = 80", "at τ = 0.8", "at a pLDDT of 70"
_TITLE_WORDS = r"(?:the\s+|an?\s+)?(?P<key>(?:[^\W\d_][\w@%./-]*\s+){0,2}?[^\W\d_][\w@%./-]*)\s*(?:=|≈|:|\bof\b)\s*"
REF_VALUE_RE = re.compile(r"(?=[xya])(?:(?<![\w])(?P<axis>[xy])\s*(?:=|≈|~)\s*|"
                          r"\bat\s+(?:approximately\s+|approx\.\s*|about\s+|around\s+|roughly\s+|nearly\s+|close to\s+|"
                          r"~\s*|≈\s*)?(?:" + _TITLE_WORDS + r")?)",
                          re.IGNORECASE)
NEGATED_RE = re.compile(r"(?=[nwlhotdiaw])(?:\b(no|without|nor|neither)\b[^.]*\b(lines?|trend)\b|"
                        r"\blines?\b[^.]*\b(absent|none)\b|\bhave no line\b|"
                        # "the authors leave out a regression line", "a fitted line is omitted", "Trend: none"
                        r"\b(?:leaves?|left|leaving)\s+out\b[^.]*\b(?:lines?|trend|fit|regression)\b|"
                        r"\b(?:lines?|trend|fit|regression)\b[^.]*\b(?:omitted|left\s+out)\b|"
                        r"\b(?:omits?|omitting)\b[^.]*\b(?:lines?|trend|fit|regression)\b|\btrend\w*\s*:\s*none\b|"
                        # "The figure does not include a fitted line", "there isn't a trend line"
                        r"\b(?:does|do|did|is|are|was|were)\s*(?:not|n't)\s+(?:\w+\s+)?(?:show|include|draw|have|"
                        r"contain|drawn|shown|included|plotted|overlaid|any|a|an)\b[^.]*\b(?:lines?|trend|fit|regression)\b)",
                        re.IGNORECASE)
NEW_LINE_RE = re.compile(r"(?=[stfa])\b(second|third|fourth|fifth|another|additional|separate)\b", re.IGNORECASE)
# "Each crop has its own least-squares line", "separate fitted lines for each series", "one fit per group"
EACH_GROUP_RE = re.compile(r"\b(?:each|every)\s+(?:[\w-]+\s+){0,2}(?:has|gets|with)\s+(?:its\s+own|a\s+separate|its)\b|"
                           r"\bseparate\s+(?:[\w-]+\s+){0,2}(?:lines|fits)\s+(?:for|per)\s+(?:each|every)\b|"
                           # "fits, one per compiler", "a line for each vendor": any noun but the points themselves
                           r"\b(?:lines?|fits?|one)\s+(?:(?:is|are)\s+)?(?:(?:drawn|fitted|fit|shown)\s+)?"
                           r"(?:per|for each|for every)\s+"
                           # (not "one per model", a line per point; but "one per model size" is one per group)
                           r"(?!(?:point|dot|marker|model|datum|data)s?\b(?!\s+(?:size|family|class|type|group|"
                           r"series|scale|kind)))[a-z][\w-]*\b", re.IGNORECASE)
SAME_COLOR_RE = re.compile(r"\bsame\s+colou?r\b|\bmatching\s+(?:its|their|the)\b|\bin\s+(?:its|their|the|that|each)\s+"
                           # "in its compiler's colour", "in the family colour"
                           r"(?:own\s+)?(?:series|group|[\w-]+(?:['’]s?)?)?\s*colou?rs?\b|"
                           r"\bcolou?r\s+of\s+(?:its|their)\s+(?:own\s+)?(?:series|group|points|markers)\b",
                           re.IGNORECASE)  # "in that species' colour", "the colour of its series"
# lines said to be several, one to each thing named: "lines ... fitted to A and to B", "a separate fit to A and B"
EACH_LINE_RE = re.compile(r"\blines\b|\bfits\b|\beach\b|\bseparate\b|\brespective(?:ly)?\b", re.IGNORECASE)
# "one per family", "one least-squares line per family", "one fit for each variety"
PER_GROUP_RE = re.compile(r"\bone\s+(?:[\w-]+\s+){0,3}?(?:per|for\s+each|for\s+every)\s+(?:family|group|series|"
                          r"category|provider|class|variety|kind|type|cluster|species|cultivar|site|region)\b",
                          re.IGNORECASE)
LABELLED_RE = re.compile(r"(?=[latmrncbwh])\b(?:labell?ed|annotated|titled|marked|legend entry reads|reads|named|"
                         r"(?:label|text|caption)(?=\s*:?\s*[\"“])|"  # 'text "scripted heuristic"', 'label: "chance"'
                         r"(?:carries|carrying|bears|bearing|with|has|having)\s+(?:the\s+|a\s+)?(?:label|annotation|"
                         r"caption|text))\s*(?:as\s+)?", re.IGNORECASE)
LEGEND_WORD_RE = re.compile(r"legend|label", re.IGNORECASE)
# clause breaks: "; ", ", and the ...", ". X", and "... and a dotted green line ..." (a second line named)
CLAUSE_RE = re.compile(r";\s+|,\s+and\s+(?=(?:a|an|the)\s)|"
                       r'\.\s+(?=[A-Z])(?![^"“”]*["”](?:[\s.,;]|$))|'  # not inside a quotation ("league avg. TS%")
                       # (or "... at y = 50 and a gray one at y = 30": a line again, by "one")
                       r"\s+(?:and|while|whereas)\s+(?=(?:a|an|the|one)\s+(?:[\w-]+\s+){0,4}(?:line|fit|curve|"
                       r"one\s+at)\b)|\s+and\s+(?=one\s+at\b)|"
                       # (no article: "... at x = 0 and thin black dashed horizontal line at y = 0")
                       r"\s+and\s+(?=(?:[\w-]+\s+){0,4}(?:horizontal|vertical)\s+(?:reference\s+)?(?:line|one)\b)|"
                       # "...: vertical at 20% usage (...), horizontal at 58.1% TS (...)": one line each
                       r"(?:[:,]\s+(?:and\s+)?)(?=(?i:horizontal|vertical)\s+(?:one\s+)?at\s)")
# "a dashed grey line at y = 50": a reference line named by its axis value (not "y = 2x + 1", an equation)
# (not a formula's term, "y = 2(x + 1)", "y = 0.5 (x − 3)"; a remark in brackets may follow: "x = 1 (two-fold)")
AXIS_VALUE_RE = re.compile(r"(?<![\w])(?P<axis>[xy])\s*(?:=|≈)\s*[-−]?\d[\d.,]*+(?:\s*%)?"
                           r"(?!\s?[x*×·^\d]|\(|\s\((?=\s*[-−]?\s*\d*\s*[xy]\b)|\s*[+\-]\s*\d)", re.IGNORECASE)
# "at ARI = 0.75", "at a throughput of 500 cells/s": a value on the axis whose title the words name
TITLED_AT_RE = re.compile(r"\bat\s+" + _TITLE_WORDS + r"(?=[~≈]?\s*[-−$]?[\d.])", re.IGNORECASE)
# the others denied after a line described: ", and there are no other lines on the chart", "with no further lines"
NO_OTHER_LINES_RE = re.compile(r"[,;]?\s*(?:and\s+)?(?:there\s+(?:are|is)\s+|with\s+)?\b(?:no|without)\s+(?:any\s+)?"
                               r"(?:other|further|additional|more|extra)\b[^.]*\.?\s*$", re.IGNORECASE)


def _denied(text: str) -> bool:
    """The text denies a line (NEGATED_RE), not only the others after one it describes: "A dashed line of best
    fit ..., and there are no other lines on the chart" describes one."""
    if (others := NO_OTHER_LINES_RE.search(text)) is not None and LINE_RE.search(fold(text[: others.start()])):
        text = text[: others.start()]
    return NEGATED_RE.search(text) is not None


# a fit over every point, the authors' too: "through all seven points (including BinaryEmbed-1bit)", "including ours"
WITH_OURS_RE = re.compile(r"\b(?:including|incl\.|together with|along with)\s+(?:ours|our|the (?:proposed|highlighted)|"
                          r"[A-Z][\w.-]*)")
# a point placed against a line, not a line described: "sits well above the trend line"
RELATIVE_TO_LINE_RE = re.compile(r"\b(?:above|below|under|over|near|beneath|relative to)\s+(?:the\s+)?"
                                 r"(?:[\w-]+\s+){0,2}?(?:trend|fit|fitted|regression)(?:\s+line)?\b(?!\s+(?:is|runs|at))|"
                                 # "shown as a red star below that line": the line said before
                                 r"\b(?:above|below|under|over|beneath|near|on)\s+(?:that|this|the\s+same)\s+"
                                 r"(?:line|fit|curve)\b|"
                                 + LINE_READ_PATTERN,  # "a third of what the regression line predicts"
                                 re.IGNORECASE)
# points placed against a line named before: "both close to the FP16 line", "just below the MCID line", "on the
# parity line" (a clause that gives the line no look and no value of its own)
NEAR_A_LINE_RE = re.compile(r"\b(?:close\s+to|near|above|below|under|over|on|along|beneath|just\s+off)\s+the\s+"
                            r"(?:[\w.+/-]+\s+){1,3}?line\b", re.IGNORECASE)
# lines that are not fitted to the data: theory curves, model tracks, isochrones, analytic bounds
# (and guides of a constant quantity: "iso-time lines", "isolines of equal cost", "lines of constant power density")
NOT_FIT_RE = re.compile(r"\bnot\s+(?:a\s+)?(?:fits?|fitted|regressions?)\b|\btheoretical\s+(?:curves?|lines?|tracks?|"
                        r"predictions?)|\bmodel\s+(?:\w+\s+)?tracks?\b|\bisochrones?\b|\banalytic(?:al)?\s+(?:curves?|bounds?)|"
                        r"\biso-?(?:[a-z]+[- ])?lines?\b|\biso-?[a-z]+\s+lines?\b|"
                        r"\blines?\s+of\s+(?:constant|equal|fixed)\b|\b(?:constant|equal)[- ][a-z]+\s+lines?\b",
                        re.IGNORECASE)
SLOPE_WORD_RE = re.compile(r"\b(?:nearly|almost|roughly|essentially|close\s+to|practically|near(?:ly)?)\s+"
                           r"(?:horizontal|vertical|flat)\b", re.IGNORECASE)
ZERO_RE = re.compile(r"\b(?:at|marks?|along)\s+(?:the\s+)?zero\b", re.IGNORECASE)
# the lines that tie labels to their markers: "leader lines", "thin connector lines", "callout lines link the labels"
LABEL_LINES_RE = re.compile(r"\b(?:leader|connector|call-?out|pointer|label)\s+lines?\b|"
                            r"\blines?\s+(?:that\s+)?(?:join|joins|joining|link|links|linking|connect|connects|"
                            r"connecting|tie|ties|tying)\s+(?:the\s+|each\s+|their\s+)?(?:\w+\s+)?labels?\b|"
                            r"\blabels?\b[^.;]{0,40}\b(?:joined|linked|connected|tied)\s+to\s+(?:their|its|the)\s+"
                            r"(?:markers?|points?|dots?)\b[^.;]{0,20}\blines?\b", re.IGNORECASE)
ONE_AT_RE = re.compile(r"\bone\s+at\b", re.IGNORECASE)
LINE_NOUN_RE = re.compile(r"\blines?\b", re.IGNORECASE)
ONE_REF_RE = re.compile(r"\b(?:horizontal|vertical)\s+one\b", re.IGNORECASE)  # "the vertical one at 20%"
THEY_RE = re.compile(r"^\W*(?:they|these|those|both|all\s+of\s+them|these\s+lines|the\s+lines)\b", re.IGNORECASE)
QUOTED_RE = re.compile(r"[\"“][^\"“”]*[\"”]")  # a label's own numbers ('"Paris 1.5 °C"') place nothing
FIT_MEMBERS_RE = re.compile(r"\b(?:not\s+included|excluded|left\s+out|omitted|except)\b", re.IGNORECASE)
BARE_REF_RE = re.compile(r"^\s*(?:and\s+)?(?:a\s+|the\s+)?(?P<dir>horizontal|vertical)\s+(?:one\s+)?at\s+"
                         r"[~≈]?\s*[-−]?\d", re.IGNORECASE)
AT_VALUE_RE = re.compile(r"\b(?:lines?|one),?\s+(?:is\s+|are\s+)?(?:drawn\s+)?at\s+[~≈]?\s*[-−]?\d", re.IGNORECASE)
# "Two dashed gray lines at 2.5 K and 4.0 K": one line per value
# ("... lines at x = -1 and x = 1": the axis's letter before each)
LINES_AT_TWO_RE = re.compile(r"\blines,?\s+(?:are\s+)?(?:drawn\s+)?at\s+(?:[xy]\s*=\s*)?(?P<a>[~≈]?\s*[-−]?\d[^,;]*?)"
                             r"\s+and\s+(?:at\s+)?(?:[xy]\s*=\s*)?(?P<b>[~≈]?\s*[-−]?\d[\d.,]*)", re.IGNORECASE)
# a line's look and where it is, the noun said once for several: "horizontal lines: solid black at y = 0; dashed grey
# at y = −10", "... — solid black at 0, dashed grey at −10"
STYLED_AT_RE = re.compile(r"^\W*(?:and\s+)?(?:an?\s+|the\s+)?(?P<look>(?:[\w-]+\s+){1,3}?)at\s+(?:[xy]\s*=\s*)?"
                          r"[~≈]?\s*[-−]?\d", re.IGNORECASE)
# a line's own name in quotes in brackets after its value: 'at y = 0 ("no change")'
BRACKET_QUOTE_RE = re.compile(r"\(\s*[\"“]([^\"“”]{1,60})[\"”]\s*\)")
PRONOUN_START_RE = re.compile(r"^\s*(?:it|which|this|that|the line|this line|the fit)\b", re.IGNORECASE)


def lines(state: ParseState) -> None:
    """'A horizontal dashed light-grey line is positioned at approximately **y = 51.0**.'"""
    for heading in state.facts_blocks("heading"):
        _series_heading_line(state, heading)
    carried: TrendFact | None = None  # the line a section under "Regression Line" speaks of, item after item
    for block in state.facts_blocks("item", "paragraph"):
        in_section = carried is not None and any(_trend_header(c) for c in block.context[-2:])
        if "line" not in block.low and not LINE_RE.search(block.low) and not in_section:
            carried = None if block.kind != "item" else carried
            continue
        in_trend_ctx = any(_trend_header(c) for c in block.context[-2:]) or bool(
            block.lead and _trend_header(block.lead))
        last_trend: TrendFact | None = carried if in_section else None
        block_start = len(state.trends)
        announced: str | None = None  # "Two horizontal reference lines divide the plot. A dashed line at 50% ..."
        above = block.context[-1] if block.context else ""
        if above and (intro := REF_RE.search(above)) and not TREND_RE.search(above) \
                and ((block.kind == "item" and "line" in above.lower())
                     or (block.headings and above == block.headings[-1] and len(above.split()) <= 4)):
            # "There are three horizontal lines:" over "- A solid blue line at 0.9"; a heading "### Horizontal guides"
            # over "Two dashed lines mark legal maxima: a red one at 150 mg/L ..."
            announced = intro.group(1).lower()
        for sentence in block.sentences:
            if "line" not in fold(sentence) and FITTED_LIST_RE.search(sentence) and (
                    "lines" in block.low or in_trend_ctx):
                # "Two dashed gray lines form the legs. The left leg is fitted to W, Mo and Ni; the right leg to ..."
                for clause in CLAUSE_RE.split(sentence):
                    if (fitted := FITTED_LIST_RE.search(clause)) is not None:
                        state.trends.append(TrendFact(block.line, find_style(block.text), _line_color(block.text),
                                                      names=_names(fitted.group("names")), new=True, text=clause))
                continue
            if last_trend is None and "line" not in fold(sentence) and not LINE_RE.search(sentence) \
                    and not ONE_REF_RE.search(sentence):
                continue  # nothing in it can be a line, nor name the line before it
            if NOT_FIT_RE.search(sentence) and not REF_RE.search(sentence):
                # "a dashed curve labelled '50% water' ...; these are model tracks, not fits to the data"
                state.warn("lines described as theory or as guides, not fitted to the points, are not drawn: "
                           f"{sentence[:80]!r}", block.line)
                if THEY_RE.match(sentence):  # "... diagonal lines run across. They are guides, not fits": retracted
                    del state.trends[block_start:]
                last_trend = None
                continue
            # "Two horizontal reference lines: a dotted blue line at 1.5 and a dashed one at 2.0"
            direction = REF_RE.search(sentence)
            said = direction.group(1).lower() if direction else announced
            refs_before = len(state.refs)
            clauses = [part for clause in CLAUSE_RE.split(sentence) for part in _styled_parts(clause)] \
                if said else CLAUSE_RE.split(sentence)
            colon = sentence.find(":")
            head = sentence[:colon] if 0 < colon < 60 else None  # "Two dotted red lines mark targets: ..."
            fit_first = TREND_RE.search(clauses[0]) is not None and len(clauses) > 1
            for k, clause in enumerate(clauses):
                # "Each group has its own dashed least-squares line: a dashed blue line through the irrigated points
                # and a dashed brown line through the rainfed points": the fit named first names the lines after it
                # (not a guide at a value: "... and a dotted grey line at y = 5")
                if k > 0 and len(state.refs) > refs_before and state.refs[-1].label is None and \
                        PRONOUN_START_RE.match(clause) and (named := _label(clause)):
                    state.refs[-1].label = named  # "A dotted line at 300 Wh/kg ...; it is labelled "EV target 2030""
                    continue
                also_fit = fit_first and k > 0 and not REF_RE.search(clause) and not AXIS_VALUE_RE.search(clause)
                last_trend = _clause(state, block, clause, in_trend_ctx or also_fit, last_trend, said, head) or \
                    last_trend
            if len(state.refs) - refs_before >= 2 and re.search(r"\blines\b", clauses[0], re.IGNORECASE):
                # "Two dashed gray lines divide the plot: a vertical one at 12.4, and a horizontal one at 11.5":
                # the look said of both serves each
                style, color = find_style(clauses[0]), _line_color(clauses[0])
                for ref in state.refs[refs_before:]:
                    ref.style, ref.color = ref.style or style, ref.color or color
            if direction and re.search(r"\blines\b", sentence) and not lex(sentence):
                announced = direction.group(1).lower()
        # (a header paragraph, "trend line:" in YAML, carries its line into the keys under it)
        carried = last_trend if in_trend_ctx or (block.text.endswith(":") and _trend_header(block.text)) else None


# "### YOLOv8 — blue circles, dashed blue least-squares line through its five points": a series, then its line
SERIES_HEADING_RE = re.compile(r"^(?P<name>[^—–:]{1,40}?)\s*(?:—|–|\s-\s|:)\s*(?P<rest>.+)$")


def _series_heading_line(state: ParseState, heading: Block) -> None:
    """A series heading that also states the series' own fitted line: a line through that series."""
    m = SERIES_HEADING_RE.match(heading.text)
    if m is None or "line" not in heading.low:
        return
    for piece in split_top(m.group("rest"), ",;"):
        if LINE_RE.search(fold(piece)) and not _denied(piece) and not REF_RE.search(piece) \
                and not is_style_only(piece):
            state.trends.append(TrendFact(heading.line, find_style(piece), _line_color(piece),
                                          group_ref=remark_dropped(strip_marks(m.group("name"))), new=True,
                                          text=piece))
            return


@lru_cache(maxsize=1024)
def _trend_header(title: str) -> bool:
    """"## Trend Line", "**Regression line:**": every line sentence under it is about that line."""
    return bool(TREND_CTX_RE.search(title) and LINE_RE.search(title))


def _clause(state: ParseState, block: Block, clause: str, in_trend_ctx: bool,
            last_trend: TrendFact | None, direction: str | None = None, head: str | None = None) -> TrendFact | None:
    bare = BARE_REF_RE.match(clause)
    if bare:  # "Reference lines (gray, dashed): vertical at 20% usage ("avg USG"), horizontal at 58.1% TS (...)"
        # (the head of the clause's own sentence, else of its block)
        head = head or (block.text[: block.text.find(":")] if 0 < block.text.find(":") < 60 else block.lead or "")
        _reference(state, block, f"{head} {clause}", bare.group("dir").lower(), _label(clause) or quoted(clause))
        return None
    # ("the vertical one" is a line where the text speaks of lines, not in "ticks every 5 on the horizontal axis and
    # every 20 on the vertical one")
    # (nor is "a grey one at y = 200" after "Two dashed lines mark limits: a red one at y = 150")
    one = (ONE_REF_RE.search(clause) is not None or (ONE_AT_RE.search(clause) is not None
                                                     and AXIS_VALUE_RE.search(clause) is not None)) \
        and LINE_NOUN_RE.search(block.text) is not None
    styled_at = bool(direction) and _styled_at(clause)
    if not LINE_RE.search(clause) and not one and not (direction and ONE_AT_RE.search(clause)) and not styled_at:
        # ("..., and a horizontal one at 11.5 goals"; "Two horizontal lines: a red one at y = 50 and a gray one at
        # y = 30")
        if last_trend is not None and (keyed := KEYED_LOOK_RE.match(clause)):
            _keyed_look(last_trend, keyed.group("key").lower(), keyed.group("value"))
            return None
        if last_trend is not None and not last_trend.names and (members := KEYED_MEMBERS_RE.match(clause)):
            # 'fitted_to: ["CLIP ViT-B/32", "CLIP ViT-B/16"]', "fit points: A, B, C": the points it is fitted to
            last_trend.names = _names(members.group("value").strip(" []")) or None
            return None
        if last_trend is not None and LEGEND_WORD_RE.search(clause):
            last_trend.label = last_trend.label or _label(clause)
        if last_trend is not None and PRONOUN_START_RE.match(clause):
            _endpoints(clause, last_trend)  # "...; it goes from about (0, 35) to (50, 90)"
        if last_trend is not None and FIT_MEMBERS_RE.search(clause):
            last_trend.text += " ; " + clause  # "...; the partial 2020s decade is not included in the fit"
        return None
    if LABEL_LINES_RE.search(clause):
        return None  # "short leader lines for the cluster near x=300": lines from labels to their markers, no data
    label = _label(clause)
    if _denied(clause) or RELATIVE_TO_LINE_RE.search(clause):
        return None  # "no trend line", "sitting well above the trend line"
    if NEAR_A_LINE_RE.search(clause) and find_style(clause) is None and not AXIS_VALUE_RE.search(clause) \
            and not AT_VALUE_RE.search(clause):
        return None  # "Two points only, both close to the FP16 line": points placed by a line stated elsewhere
    ref = REF_RE.search(clause)
    trend_word = TREND_RE.search(clause)
    if ref is None and not trend_word and not in_trend_ctx:
        at = AXIS_VALUE_RE.search(clause)
        axis = at.group("axis").lower() if at else None
        if axis is None and (titled := TITLED_AT_RE.search(clause)):  # "a grey line at ARI = 0.75"
            axis = axis_of_key(state, titled.group("key"))
        if axis is not None:  # "a dashed grey line at y = 50 labelled 'passing score'"
            _reference(state, block, clause, "horizontal" if axis == "y" else "vertical", label)
            if re.search(r"\blines\b", clause, re.IGNORECASE):  # "dotted lines at x = 0 and at y = 0"
                first, *others = AXIS_VALUE_RE.finditer(clause)
                for other in others:  # the style said before the first value serves each
                    _reference(state, block, clause[: first.start()] + clause[other.start():],
                               "horizontal" if other.group("axis").lower() == "y" else "vertical", label)
            return None
    if ref and SLOPE_WORD_RE.search(clause):
        return None  # "both dashed lines are nearly horizontal, with the 7B line rising": a slope, no reference
    if ref and (two := LINES_AT_TWO_RE.search(clause)):  # "Two horizontal dashed gray lines, at 70 km and at 300 km"
        for part in (two.group("a"), two.group("b")):
            _reference(state, block, clause[: two.start()] + " line at " + part, ref.group(1).lower(), label)
        return None
    if ref:
        _reference(state, block, clause, ref.group(1).lower(), label)
        return None
    if direction and not trend_word and (AT_VALUE_RE.search(clause) or styled_at):  # the sentence said "horizontal"
        two = LINES_AT_TWO_RE.search(clause)
        if two:  # "two dashed gray lines at 2.5 K and 4.0 K ...; both carry the label ..."
            for part in (two.group("a"), two.group("b")):
                _reference(state, block, clause[: two.start()] + " line at " + part, direction, label)
            return None
        _reference(state, block, clause, direction, label)
        return None
    if not (trend_word or in_trend_ctx):
        shape = DATA_LINES_RE.search(clause)
        if shape is None or lex(clause):
            return None
        # "Two straight dashed black lines form the characteristic "volcano" shape": lines through the data,
        # no trend named, as many as counted
        n = count_of(shape.group("n") or "1") or 1
        facts = [TrendFact(block.line, find_style(clause), _line_color(clause), new=True, text=clause, announced=True)
                 for _ in range(n)]
        state.trends.extend(facts)
        return facts[-1]
    if REF_VALUE_RE.search(clause) and re.search(r"(?<![\w])[xy]\s*=", clause) and not TREND_RE.search(clause):
        return None
    each = EACH_GROUP_RE.search(clause) if state.groups else None
    # (a list after a colon names the groups itself, and so does "— the red one for A, the blue one for B")
    if each and ":" not in clause[each.start():] and len(_coloured_ones(clause)) < 2:
        # "Each crop has its own least-squares line, solid, same colour as its markers": one per legend group
        same = bool(SAME_COLOR_RE.search(clause))
        facts = [TrendFact(block.line, find_style(clause), g.color if same else _line_color(clause),
                           group_ref=g.name, new=True, group_color=same) for g in state.groups]
    else:
        facts = _trends(clause, block.line, label)
    if len(facts) == 1 and (named := facts[0].names) and len(named) >= 2 and EACH_LINE_RE.search(clause) \
            and all(group_named(state, n) for n in named):
        # "Dashed response lines, each in its variety's colour, are fitted to IR64 and to HY-27 (hybrid)": a line
        # per group named
        same = bool(SAME_COLOR_RE.search(clause))
        facts = [TrendFact(block.line, facts[0].style, g.color if same else facts[0].color, group_ref=g.name,
                           new=True, group_color=same) for n in named if (g := group_named(state, n)) is not None]
    for fact in facts:
        if fact.names and any((g := group_named(state, n)) is not None and same_group(g.name, n) for n in fact.names):
            # "fitted to all baseline models (Dense and MoE)": the bracket names groups (not "OpenCLIP ViT-H/14", a
            # point of the group "OpenCLIP")
            fact.names = None
    state.trends.extend(facts)
    return facts[-1] if facts else None


# the line's look as keyed fields after it ("trend line: least-squares fit; color: black; style: solid", or
# the same keys on lines of their own under a "trend_line:" parent in YAML)
KEYED_LOOK_RE = re.compile(r"^\W*(?:line\s*[-_ ]?)?(?P<key>colou?r|style|dash(?:es)?|pattern|line\s*style)\s*[:=]\s*"
                           r"(?P<value>[^;,]{1,30}?)\s*[.;,]?$", re.IGNORECASE)


KEYED_MEMBERS_RE = re.compile(r"^\W*(?:fit(?:ted)?[-_ ]?(?:to|on|over|through|points)|members|fit[-_ ]?set|"
                              r"points|includes?|through)\s*[:=]\s*(?P<value>\[?[^\d\s].*)$", re.IGNORECASE)


def _keyed_look(trend: TrendFact, key: str, value: str) -> None:
    if key.startswith("colo"):
        trend.color = trend.color or first_color(value)
    else:
        trend.style = find_style(value) or trend.style


# lines that follow the data without a trend word: "two straight dashed lines form the volcano", "a solid line
# rises through the points", "a dashed line traces the envelope"
DATA_LINES_RE = re.compile(r"^\W*(?:(?:a|an|one|(?P<n>two|three|four))\s+)?(?:[\w-]+\s+){0,4}?lines?\s+(?:that\s+)?"
                           r"(?:forms?|rises?|descends?|climbs?|slopes?|traces?|follows?|runs?\s+through|passes\s+"
                           r"through|goes\s+through)\b", re.IGNORECASE)


def _line_word_at(clause: str) -> int:
    """Where the clause first says "line" (0 if it does not): what follows is the line's own."""
    said = LINE_WORD_RE.search(clause)
    return said.start() if said else 0


LINE_WORD_RE = re.compile(r"\blines?\b")


def _reference(state: ParseState, block: Block, clause: str, direction: str, label: str | None) -> None:
    axis = "y" if direction == "horizontal" else "x"
    value = None
    # "at 1,000 cycles (y = 1)": the value given for the axis letter comes first
    def letter(m: re.Match[str]) -> str | None:  # "at y = 2.5" names its axis as "y = 2.5" does
        key = m.group("axis") or m.group("key")
        return key.lower() if key and key.lower() in ("x", "y") else None

    # (then a value after the line's own word: "X at 11,000 km and 1.7, the only point below the horizontal dotted
    # red line at 2.0": the first "at" is the point's)
    line_at = _line_word_at(clause)
    for m in sorted(REF_VALUE_RE.finditer(clause), key=lambda m: (letter(m) is None, m.start() < line_at)):
        if letter(m) not in (None, axis):
            continue
        nums = lex(clause[m.end(): m.end() + 30])
        if nums and not clause[m.end(): m.end() + nums[0].start].strip(" *~≈"):
            value = nums[0]
            break
    if value is None:  # "A vertical dotted gray line marks the 1 s target": the one value the clause holds,
        unquoted = QUOTED_RE.sub(" ", clause)  # or else the one its label holds ('labelled "deadline (1,000 ms)"')
        # (not the number of a name, "marks the return of the S&P 500 index", "the FTSE 100 level", nor of a
        # compound word, "the 28-day strength ... and a horizontal design-strength reference")
        nums = [n for n in lex(unquoted) if not (n.text.isdigit() and (
            NAMED_NUMBER_RE.search(unquoted, max(0, n.start - 60), n.start) or COMPOUND_RE.match(unquoted, n.end)))]
        if not nums and label:
            nums = lex(label)
        value = nums[0] if len(nums) == 1 else None
    if value is None and (zero := ZERO_RE.search(clause)):  # "a dashed black horizontal line at zero return"
        value = Num(0.0, None, False, zero.start(), zero.end(), "0")
    if value is None:
        return
    state.refs.append(RefFact(axis, value, block.line, style=find_style(clause),
                              color=_line_color(clause), label=label))


COMPOUND_RE = re.compile(r"-[A-Za-z]")
NAMED_NUMBER_RE = re.compile(r"(?<![\w&])(?:[A-Z][A-Z&.]+|[A-Z][a-z]+)\s$")  # "S&P 500", "Russell 2000"
ONE_THROUGH_RE = re.compile(r"\bone\s+(?:through|for|fitted\s+to|fit\s+to|over)\s+(?:the\s+)?"
                            r"(?:(?:two|three|four|five|six|seven|eight|\d+)\s+)?(?:(?P<ref>[^,;]+?)\s+)??"
                            # "points", "models", "runs", or any plural: "one through the four IR means (blue)"; or the
                            # plural names the group itself: "one through the songbirds (orange)"
                            r"(?P<noun>points|models|runs|markers|dots|[a-z]{3,}s)\b\s*(?:\((?P<color>[^()]*)\))?",
                            re.IGNORECASE)


# "the blue one is fitted to the five Ember-1B checkpoints and the orange one to the five Ember-7B checkpoints",
# "a green one through the maize plots, a brown one through the wheat plots", "the red one for Drug A": a line
# per group, each named by its colour
COLOR_ONE_RE = re.compile(r"\b(?:the|a|an)\s+(?P<color>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:one|line)\s+"
                          r"(?:(?:is|runs|goes)\s+)?"
                          r"(?:(?:fitted|fit|drawn)\s+)?(?:to|through|for|over|across)\s+(?:the\s+|all\s+)?"
                          r"(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?"
                          r"(?P<ref>[^,;.—–]+?)(?=\s*(?:[,;.—–]|\band\b|$))", re.IGNORECASE)


# "fitted to the weakly binding Cu, Au and Ag": describing words, then a list of names
# ("fitted to IR64 and to HY-27 (hybrid)": the preposition said again, a remark in brackets after a name)
_LISTED_NAME = r"(?-i:[A-Z][\w.+/()-]*)(?:\s\([^()]{1,20}\))?"
FITTED_LIST_RE = re.compile(r"\b(?:fitted|fit|drawn)\s+(?:to|through)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,4}"
                            r"(?P<names>" + _LISTED_NAME + r"(?:\s*,\s*(?:to\s+)?" + _LISTED_NAME + r")*"
                            r"(?:,?\s+and\s+(?:to\s+|through\s+)?" + _LISTED_NAME + r"))\s*[.;]?$", re.IGNORECASE)


# "fitted to the five European countries only (France, Germany, ...)", "through the Llama models (Llama-2-7B,
# Llama-2-13B and Llama-2-70B)": what the line is fitted to, then its points named in a bracket
FITTED_BRACKET_RE = re.compile(r"\b(?:fitted|fit|drawn|runs?)\s+(?:to|through)\s+(?P<head>[^()]{0,60}?)\s*\("
                               r"(?P<names>(?-i:[A-Z\d])[^()]*?(?:,\s*|\s+and\s+)(?-i:[A-Z\d])[^()]*)\)", re.IGNORECASE)
EXCEPT_WORD_RE = re.compile(r"\b(?:except|excluding|other\s+than|not|without|apart\s+from)\b", re.IGNORECASE)


def _names(listed: str) -> list[str]:
    names = (strip_marks(re.sub(r"^(?:to|through)\s+", "", n.strip())) for n in split_names(listed.rstrip(". ")))
    return [n for n in names if n]


def _trends(clause: str, line: int, label: str | None) -> list[TrendFact]:
    style, color = find_style(clause), _line_color(clause)
    if PER_GROUP_RE.search(clause) and ":" in clause:
        out = []
        for part in split_names(clause.rsplit(":", 1)[1]):
            name = re.sub(r"\s*\([^)]*\)\s*\.?$", "", part).strip(" .")
            if name:  # "OpenCLIP (dashed blue), SigLIP (dashed orange) and ProtoCLIP (ours) (solid red)"
                out.append(TrendFact(line, find_style(part) or style, first_color(part) or color, group_ref=name,
                                     new=True))
        return out
    coloured = _coloured_ones(clause)
    if len(coloured) >= 2:  # "a green one through the maize plots, a brown one through the wheat plots"
        return [TrendFact(line, style, first_color(m.group("color")), group_ref=m.group("ref").strip(), new=True,
                          text=m.group(0)) for m in coloured]
    each = list(ONE_THROUGH_RE.finditer(clause))
    if len(each) >= 2:  # "three dashed lines: one through the BC points (blue), one through the DP points (orange)"
        return [TrendFact(line, style, first_color(m.group("color") or "") or None,
                          group_ref=(m.group("ref") or m.group("noun")).strip(), new=True, text=m.group(0))
                for m in each]
    fact = TrendFact(line, style, color, label=label, new=bool(NEW_LINE_RE.search(clause)), text=clause,
                     with_ours=bool(WITH_OURS_RE.search(clause)))
    unquoted = QUOTED_RE.sub(" ", clause)  # a label's colon ('"onshore: 0.05 MW/m"') lists nothing
    # (or keyed: "fit points: YOLO-S, YOLO-M", "members: ...", from a JSON or YAML line's list)
    names = re.search(r"(?:connects?|through|fitted to|fit to|for|joins?|fit(?:ted)?\s+(?:points|on|over|set)|members)"
                      r"\b[^:]*:\s*(?P<names>.+)$", unquoted)
    listed = FITTED_LIST_RE.search(unquoted) if not names else None
    bracketed = FITTED_BRACKET_RE.search(unquoted) if not names and not listed else None
    if names and not re.search(r"\be\.g\.", clause):
        fact.names = _names(names.group("names"))
    elif bracketed and not EXCEPT_WORD_RE.search(bracketed.group("head")) \
            and not all(lex(n) and not re.search(r"[^\W\d_]", n) for n in _names(bracketed.group("names"))):
        # (not a coordinate pair: "runs through the five Whisper points only, falling from roughly (39, 22.6)")
        # "fitted to the five European countries only (France, Germany, United Kingdom, Netherlands, Poland)"
        fact.names = _names(bracketed.group("names"))
    elif listed:  # "the left leg is fitted to the strongly binding metals W, Mo, Ni and Co": those points
        fact.names, fact.new = _names(listed.group("names")), True
    else:
        # (a lower-case name with a digit is a name too: "the three wav2vec2 points")
        ref = re.search(r"\bthe (?:\w+ )?(?P<name>(?:[A-Z0-9][\w.-]*|[a-z][a-z.-]*\d[\w.-]*)(?:\s[A-Z][\w.-]*)?)"
                        r"(?:[- ]family)? "
                        r"(?:points|models|circles|squares|triangles|diamonds|stars|dots|markers|runs)\b", clause)
        if ref and not EXCEPT_WORD_RE.search(clause[: ref.start()]):  # "except the two HEB-5 stars": no members
            fact.group_ref = ref.group("name")
    _endpoints(clause, fact)
    return [fact]


def _coloured_ones(clause: str) -> list[re.Match[str]]:
    # ("a blue dashed line for Pacific, an orange one for Indian Ocean": the first said as a line)
    return [m for m in COLOR_ONE_RE.finditer(clause) if first_color(m.group("color"))] if " one " in clause else []


def _endpoints(clause: str, fact: TrendFact) -> None:
    """"from about (0, 35) to (50, 90)", "starts near [1, 20] and ends at [9, 80]"."""
    # (the first bracket that holds a pair: "fitted to adult bands only (20-24 through 75-79) from (22, 240) to
    # (77, 347)")
    for pattern, attr in ((START_AT_RE, "start"), (END_AT_RE, "end")):
        if getattr(fact, attr) is not None:
            continue
        for m in pattern.finditer(clause):
            coords = find_coords(m.group(1))
            if coords:
                setattr(fact, attr, (coords.x, coords.y))
                break


START_AT_RE = re.compile(r"\b(?:from|originates?|starts?|begins?)\b[^\[(]{0,20}([\[(][^\])]*[\])])")
END_AT_RE = re.compile(r"\b(?:to|ends?|terminates?)\b[^\[(]{0,20}([\[(][^\])]*[\])])")


def _line_color(clause: str) -> str | None:
    """The colour word nearest before "line" ("a dashed gray least-squares line"), else the first after."""
    low = fold(clause)
    at = LINE_RE.search(low)
    found = sorted([(m.start(), m.group()) for m in COLOR_RE.finditer(low)] +
                   [(m.start(), m.group()) for m in HEX_RE.finditer(low)])  # "a dotted #1f77b4 trend line"
    before = [c for pos, c in found if at and pos < at.end()]  # ("solid blue regression": a colour inside it too)
    pick = before[-1] if before else (found[0][1] if found else None)
    if pick is not None and pick.startswith("#"):
        return first_color(pick)
    return COLORS[re.sub(r"[\s-]+", " ", pick)] if pick else None


def _styled_at(clause: str) -> bool:
    """The clause is a look and a place, "dashed grey at y = −10": a line where the sentence named lines."""
    m = STYLED_AT_RE.match(clause)
    return m is not None and (find_style(m.group("look")) is not None or _line_color(m.group("look")) is not None)


def _styled_parts(clause: str) -> list[str]:
    """"solid black at 0 (no change), dashed grey at −10": one clause per line said by its look and place."""
    parts: list[str] = []
    for piece in split_top(clause, ","):
        if parts and not _styled_at(piece):
            parts[-1] += ", " + piece
        else:
            parts.append(piece)
    return parts if len(parts) > 1 else [clause]


def _label(clause: str) -> str | None:
    # (the label said after the line's own word: 'the design, labelled "BWB-X12", ... below the dotted red line at
    # 2.0 that is labelled "2035 target"')
    found = list(LABELLED_RE.finditer(clause))
    line_at = _line_word_at(clause)
    m = next((k for k in found if k.start() > line_at), found[0] if found else None)
    if not m:
        named = BRACKET_QUOTE_RE.search(clause)
        return named.group(1) if named else None
    after = clause[m.end():]
    q = quoted(after)
    if q:
        return q
    bold = re.match(r"\s*\*\*(.+?)\*\*", after)
    text = bold.group(1) if bold else split_top(after, ",;")[0] if after.strip().startswith(("L(", "y =", "y=")) else ""
    return strip_marks(text) or None
