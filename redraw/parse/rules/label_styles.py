"""label_styles: a point's style stated apart from its coordinates ('"Ours" (represented by a red star)',
'1. **DS-Gamma** (Green square)', 'BaseB: shown as a blue circle')."""
from __future__ import annotations

import re

from ..document import Block
from ..facts import LabelStyle
from ..lookup import group_mentioned
from ..state import ParseState
from ..text import has_words, split_names, strip_marks, whole_words
from ..values import lex
from ..vocab import is_style_only, ours_cue, style_head, style_words

PAREN_STYLE_RE = re.compile(r"^(?P<label>[^()]{1,60}?)\s*\((?P<style>[^()]+)\)\s*[.:]?$")
COLON_STYLE_RE = re.compile(r"^(?P<label>[^:]{1,60}?)\s*[:—–]\s+(?P<style>.+?)\.?$")


# ("drawn larger and in red": a size before the style)
_DRAWN_AS = (r"(?P<how>highlighted|shown|drawn|marked|plotted|rendered|appears|depicted|displayed|represented)\s+"
             r"(?P<size>(?:larger|bigger|enlarged)\s+and\s+)?(?:as|in|with|by)\s+(?P<style>[^;.,()]{2,40})")
DRAWN_AS_RE = re.compile(_DRAWN_AS)
# "Markers: navy dots; Nikola Jokić highlighted as a gold star", "GPT-4 is drawn in red"
# ("St Brendan's (our trust) is drawn as a larger dark-red diamond")
NAMED_STYLE_RE = re.compile(r"(?:^|[;:]\s*|\.\s+|,\s+(?:and|while)\s+)"
                            r"(?P<label>(?!(?:The|This|It|Its|Each|Every|All|One|A|An|These|Those)\b)"
                            r"[A-Z][^;:,.()]{1,40}?(?:\s*\([^()]{1,30}\))?)\s+(?:is\s+)?" + _DRAWN_AS)
# "The study center (Hospital H) is highlighted as a larger filled red star": a role, its name in brackets
ROLE_BRACKET_STYLE_RE = re.compile(r"\b[Tt]he\s+(?-i:[a-z])[\w' -]{2,40}?\s+\((?P<label>(?-i:[A-Z])[^()]{1,40})\)\s+"
                                   r"(?:is\s+|are\s+)?" + _DRAWN_AS)
# "..., except that the Earth analogue Kepler-452b is drawn as a larger blue star": a role, then a code-like name
ROLE_CODE_STYLE_RE = re.compile(r"\b[Tt]he\s+(?:[\w'’-]+\s+){1,4}?(?P<label>(?-i:[A-Z])[\w.+/]*[\d-][\w.+/-]*)\s+"
                                r"(?:is\s+|are\s+)?" + _DRAWN_AS)
# "All species are dark green circles, except *Homo sapiens*, which is drawn as a larger orange diamond"
# "..., except Kepler-452b, which is drawn as a larger blue star", "all navy circles, except our two focus markets
# (Austin and Phoenix), which were highlighted in orange": the names (in the bracket, when there is one) and their style
EXCEPT_STYLE_RE = re.compile(r"\bexcept\s+(?:for\s+)?(?P<label>[^;:()]{1,60}?)(?:\s*\((?P<named>[^()]{1,60})\))?,\s+"
                             r"(?:which|that|who)\s+(?:is|are|was|were)\s+" + _DRAWN_AS)


# "The paper's focal species, *Quercus robur*, is ringed in red": the point the role names is the chart's subject
ROLE_APPOSITIVE_RE = re.compile(r"(?:^|[.;]\s+)(?P<role>[A-Z][^,;.]{3,60}),\s+(?P<label>[^,;()]{2,40}),\s+"
                                r"(?:is|was|sits|appears|stands|lies)\b")


NAMED_IS_STYLE_RE = re.compile(r"(?:^|[;:]\s*|\.\s+|,\s+(?:and|while|whereas)\s+)(?:(?i:the)\s+[\w'’ -]{0,30}?\s)?"
                               r"(?P<label>(?!(?:The|This|It|Each|Every|All|One)\b)[A-Z][\w.+/-]*(?:\s[A-Z0-9][\w.+/-]*){0,2})"
                               r"\s+is\s+(?:a|an|the)\s+(?P<style>[^;.,()]{2,40}?)\s*(?=[;.,]|$)")


NAME_ROLE_STYLE_RE = re.compile(r"(?:^|[.;]\s+)(?P<label>[A-Z][^,;.]{1,40}),\s+"
                                r"(?P<role>(?:the|our|its|their)\s[^,;]{3,60}),\s+(?:is|was)\s+(?:also\s+)?"
                                + _DRAWN_AS)


IS_A_STYLE_RE = re.compile(r"\s*,?\s*(?:is|was)\s+(?:a|an)\s+(?P<style>[^;.,()]{2,40})")
# "The human point belongs to the primate series but is drawn as a red star to make it stand out"
THE_X_POINT_RE = re.compile(r"\b[Tt]he\s+(?P<label>[\w'’.+-]+(?:\s[\w'’.+-]+)?)\s+(?:point|marker|dot)\b[^.;]{0,60}?\s"
                            r"(?:is\s+)?(?:drawn|shown|plotted|rendered|marked)\s+(?:as|in|with)\s+(?P<style>[^;.,()]{2,40})"
                            r"[^.;]*")
# "Okafor's dot is drawn larger and in orange to single him out", "The marker for Kenya is enlarged and coloured
# red", "Gaia's point is shown in gold": a named point's own marker restyled (its purpose clause cut off)
OWN_MARKER_RE = re.compile(r"(?:\b[Tt]he\s+(?:point|marker|dot|symbol)\s+(?:for|of)\s+[\"“]?(?P<label2>[A-Z][\w.+-]*"
                           r"(?:\s[A-Z0-9][\w.+-]*){0,2})[\"”]?|\b(?P<label>[A-Z][\w.+-]*(?:\s[A-Z0-9][\w.+-]*){0,2})['’]s\s+"
                           r"(?:point|marker|dot|symbol))\s+(?:is\s+)?(?P<how>(?:drawn|shown|plotted|rendered|colou?red|"
                           r"marked|made|enlarged|highlighted)\b[^;.]{0,60}?)(?=\s+(?:to|so|as|because|which)\b|[;.,]|$)")
# a point set apart by its size or a purpose: "drawn larger", "to single him out", "to make it stand out"
SET_APART_RE = re.compile(r"\b(?:larger|bigger|enlarged|oversized|single\s+(?:\w+\s+)?out|stand\s+out|"
                          r"emphasi[sz]e|highlight)\b", re.IGNORECASE)
STAND_OUT_RE = re.compile(r"\bstand(?:s)?\s+out\b|\bhighlight|\bemphasi[sz]", re.IGNORECASE)


# "the highlighted red star is the authors' flagship design, Binder-X7", "The single gold diamond marks our
# model, Orca-3": a style named first, then the point it stands for
STYLE_IS_NAME_RE = re.compile(r"\b[Tt]he\s+(?P<style>(?:[\w-]+\s+){0,4}?(?:stars?|circles?|squares?|triangles?|"
                              r"diamonds?|dots?|markers?|crosses|pentagons?|hexagons?))\s+(?:is|marks|represents|"
                              r"denotes|shows|stands\s+for|corresponds\s+to)\b(?P<rest>[^.;]*)")
# a marker described, then the label printed by it: 'a large red star labelled "Tana (this study)"', 'a gold
# diamond with the label "Kestrel"', 'the red star marked "Ours-7B"'
STYLE_LABELLED_RE = re.compile(r"\b(?:[Aa]|[Aa]n|[Tt]he)\s+(?P<style>(?:[\w-]+\s+){0,3}?(?:stars?|circles?|squares?|"
                               r"triangles?|diamonds?|dots?|crosses|pentagons?|hexagons?)),?\s+(?:(?:labell?ed|marked|annotated|"
                               r"tagged|captioned)\s+(?:with\s+)?(?:the\s+)?(?:label\s+|text\s+)?|with\s+the\s+"
                               r"(?:label|text)\s+)[\"“](?P<label>[^\"“”]{1,60})[\"”]")
SHAPE_NOUNS = ("star", "circle", "square", "triangle", "diamond", "dot", "marker", "cross", "pentagon", "hexagon")
LONE_RE = re.compile(r"^(?:highlighted|single|lone|only|one|large|big|larger|bigger|filled|solid)\s+", re.IGNORECASE)


# "The one exception is Singapore: as host city it is drawn in gold", "Kyoto stands apart; it is shown as a red star"
IT_DRAWN_RE = re.compile(r"\b(?:it|which)\s+(?:is\s+)?(?:drawn|shown|plotted|colou?red|marked|rendered)\s+"
                         r"(?:as|in|with)\s+(?P<style>[^;.,()]{2,40})")


# "one country, Costa Rica — the focus of the study — is emphasised with a larger star marker"
EMPHASIS_RE = re.compile(r"\b(?:emphasi[sz]ed|highlighted|singled\s+out|stands?\s+out|picked\s+out)\b", re.IGNORECASE)


def _singled_out(state: ParseState, block: Block, labels: list[str]) -> None:
    """A sentence that names the chart's subject and one point, and says it is emphasised: that point."""
    for sentence in block.sentences:
        emphasis = EMPHASIS_RE.search(sentence)
        if emphasis is None:
            continue
        low = sentence.casefold()
        named = [label for label in labels if whole_words(label).search(low)]
        head = style_head(sentence[emphasis.end():].lstrip(" ,").removeprefix("with ").removeprefix("by ")
                           .removeprefix("a ").removeprefix("an "))
        # the chart's subject; or, without a cue, a point emphasised by a marker of its own ("XR-17 is singled
        # out with a large gold ★")
        if len(named) == 1 and (ours_cue(sentence) or head):
            color, marker = style_words(head) if head else (None, None)
            state.label_styles.append(LabelStyle(named[0], color, marker, block.line, highlight=True))


def _style_then_name(state: ParseState, block: Block, labels: list[str]) -> None:
    for m in STYLE_IS_NAME_RE.finditer(block.text):
        style = m.group("style")
        while (lone := LONE_RE.match(style)) is not None:
            style = style[lone.end():]
        if not is_style_only(style):
            continue
        rest = m.group("rest").casefold()
        named = [label for label in labels if whole_words(label).search(rest)]
        if not named and ours_cue(m.group("rest")):
            # "The red star is our own flux-tower plot (this study)": the points whose labels say they are ours
            named = [label for label in labels if ours_cue(label)]
            if len(named) > 1 and not m.group("style").rstrip().endswith("s"):
                named = []  # one marker, several "ours": which is meant is not said
        if len(named) == 1 or (named and not whole_words(named[0]).search(rest)):
            color, marker = style_words(style)
            state.label_styles.extend(LabelStyle(label, color, marker, block.line, highlight=bool(
                re.match(r"(?i)highlighted", m.group("style"))) or ours_cue(m.group("rest"))) for label in named)


def _it_drawn(state: ParseState, block: Block, labels: list[str]) -> None:
    """A sentence naming one point and saying "it is drawn in gold": that point's style."""
    for sentence in block.sentences:
        m = IT_DRAWN_RE.search(sentence)
        style = style_head(m.group("style")) if m else ""
        if m is None or not style:
            continue
        before = sentence[: m.start()].casefold()
        named = [label for label in labels if whole_words(label).search(before)]
        if len(named) == 1:
            color, marker = style_words(style)
            state.label_styles.append(LabelStyle(named[0], color, marker, block.line))


# membership said in words, names on one side and a legend group on the other: "The North American cities are
# Houston and Phoenix", "Marsh A and Marsh B belong to the wetlands", "the beef herds include Farm 2"
MEMBERSHIP_RE = re.compile(r"\s(?:are|is|include|includes|comprise|comprises|belongs?\s+to|(?:is|are)\s+(?:one|all|"
                           r"both|each)\s+of|make\s+up|makes\s+up)\s")
# (", and the rest are rural" ends a clause of members too)
MEMBERSHIP_CLAUSE_RE = re.compile(r";\s*(?:and\s+)?|\.\s+|,\s+(?:while|whereas|but)\s+|"
                                  r",\s+and\s+(?=(?:the|all|every)\s+(?:rest|others?|remaining)\b)")
NAME_LIST_SPLIT_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)")
FIT_WORD_RE = re.compile(r"\b(?:lines?|fit|fitted|trend|regression|curve)\b", re.IGNORECASE)
# a look said after a list of members: ", plotted as red triangles", ", drawn in green", "(blue squares)"
LOOK_TAIL_RE = re.compile(r"(?:,\s*(?:(?:plotted|drawn|shown|marked|depicted|rendered)\s+(?:as|in|with)\s+)?|"
                          r"\s*\()(?P<look>[^,;()]{3,40}?)\)?\s*\.?$")
# the points no clause named: "the remaining five", "all others", "every other district", "the rest", "all other
# species"
REST_RE = re.compile(r"(?:and\s+)?(?:all\s+(?:the\s+)?(?:others?|remaining|other)(?:\s+[\w-]+)?|the\s+(?:rest|others)|"
                     r"(?:the\s+)?remaining(?:\s+[\w-]+)?|every(?:one|thing)?\s+else|every\s+other(?:\s+[\w-]+)?|"
                     r"the\s+other\s+(?:[\w-]+\s+)?(?:ones?|points|[\w-]+s))", re.IGNORECASE)


def _memberships(state: ParseState, block: Block, labels: list[str]) -> None:
    """Clauses of no values that put named points in a legend group (MEMBERSHIP_RE), either way round, or
    after a colon ("Five districts are urban: Ashford, Corran, ..."); "the rest are rural" is noted for
    _the_rest."""
    known = {strip_marks(label).casefold(): label for label in labels}
    for clause in MEMBERSHIP_CLAUSE_RE.split(block.text):
        verb = MEMBERSHIP_RE.search(clause)
        colon = clause.find(": ")
        if (verb is None and colon <= 0) or (any(ch.isdigit() for ch in clause) and lex(_without(clause, labels))):
            continue  # (a value is no member; a name's own number, "Farm 1", is no value)
        if colon > 0 and (verb is None or colon > verb.end()):
            # "Five districts are urban: A, B and C", "Rural districts: D, E": after a head that says the group's
            # name (not "Catalyst: Cu/ZrO2" beside "our catalyst", a record's key, nor "a line fitted to: ...")
            left, right = clause[:colon], clause[colon + 2:]
            group = group_mentioned(state, left)
            if group is None or not has_words(left.casefold(), group.name.casefold()) or FIT_WORD_RE.search(left):
                continue
        else:
            assert verb is not None
            left, right = clause[: verb.start()], clause[verb.end():]
        for side, other in ((left, right), (right, left)):
            if REST_RE.fullmatch(side.strip(" .")) and (group := group_mentioned(state, other)) is not None:
                state.rest_groups.append((group.name, block.line))  # "The remaining five are rural"
                if (look := _look_after(other)[1]) and group.color is None and group.marker is None:
                    group.color, group.marker = look  # "..., plotted as green circles"
        for names_side, group_side in ((right, left), (left, right)):
            # "the carnivores are grey wolf, red fox and stoat, plotted as red triangles": the group's look
            names_side, look = _look_after(names_side)
            names = [known.get(strip_marks(n).removeprefix("the ").casefold())
                     for n in NAME_LIST_SPLIT_RE.split(names_side.strip(" .")) if n.strip()]
            if (not names or None in names) and ("&" in names_side or "," in names_side):
                names = _labels_listed(names_side, labels)  # "Halcyon S&P Tracker and Vega Global Index"
            if not names or None in names:
                names = _labels_described(names_side.strip(" ."), labels)  # "F-01 to F-05", "the two HiRes-Pack models"
            if not names or None in names:
                continue  # every name on the side a point's label, or it is no list of members
            group = group_mentioned(state, group_side)
            if group is not None:
                color, marker = look or (None, None)
                if look and group.color is None and group.marker is None:
                    group.color, group.marker = color, marker  # a key of names only: the look the text gives it
                state.label_styles.extend(LabelStyle(name, color, marker, block.line, group=group.name)
                                          for name in names if name)
                break


def _look_after(text: str) -> tuple[str, tuple[str | None, str | None] | None]:
    """The text without the look said at its end (LOOK_TAIL_RE), and that look's colour and marker; the text
    whole and None when it ends in no look."""
    if (tail := LOOK_TAIL_RE.search(text)) is not None and is_style_only(tail.group("look")):
        return text[: tail.start()], style_words(tail.group("look"))
    return text, None


# members said by their first and last label ("F-01 to F-05", "runs 3 through 7") or by their family ("the two
# HiRes-Pack models", "both Lumen points", "all SFT runs")
LABEL_SPAN_RE = re.compile(r"(?:(?i:the)\s+)?(?P<a>\S+)\s+(?:to|through|thru|–|-)\s+(?P<b>\S+)")
FAMILY_RE = re.compile(r"(?:(?i:the|all|both|all\s+the)\s+)?(?:(?P<count>two|three|four|five|six|\d)\s+)?"
                       r"(?P<family>[A-Z][\w.+-]*(?:\s[A-Z][\w.+-]*)?)\s+"
                       r"(?:models|points|runs|variants|systems|methods|entries|configurations|checkpoints)")
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _labels_described(text: str, labels: list[str]) -> list[str | None]:
    """The labels a span or a family names (see LABEL_SPAN_RE, FAMILY_RE); [None] for anything else."""
    if (span := LABEL_SPAN_RE.fullmatch(text)) is not None:
        a, b = (_numbered(span.group(k)) for k in ("a", "b"))
        if a and b and a[0] == b[0] and a[1] < b[1] and span.group("a") in labels and span.group("b") in labels:
            return [label for label in labels if (n := _numbered(label)) and n[0] == a[0] and a[1] <= n[1] <= b[1]]
    if (family := FAMILY_RE.fullmatch(text)) is not None:
        members: list[str | None] = [label for label in labels if label.startswith(family.group("family"))
                   and label[len(family.group("family")):][:1] in ("", "-", " ", "_", ".")]
        count = family.group("count")
        if members and (count is None or _COUNTS.get(count, int(count) if count.isdigit() else 0) == len(members)):
            return members
    return [None]


def _numbered(label: str) -> tuple[str, int] | None:
    """"F-03" -> ("F-", 3): a label's stem and its number."""
    m = re.fullmatch(r"(.*?)(\d+)", label)
    return (m.group(1), int(m.group(2))) if m else None


def _labels_listed(text: str, labels: list[str]) -> list[str | None]:
    """The labels a list names when a label holds a separator itself ("S&P", "Smith, J."): each label found
    (longest first), in the list's order; [None] when anything but separators is left."""
    found: list[tuple[int, str]] = []
    rest = text
    for label in labels:  # longest first
        at = rest.find(label)
        if at >= 0:
            found.append((at, label))
            rest = rest[:at] + " " * len(label) + rest[at + len(label):]
    if not found or NAME_LIST_SPLIT_RE.sub("", re.sub(r"\bthe\b", "", rest)).strip(" .") != "":
        return [None]
    return [label for _, label in sorted(found)]


def _without(text: str, labels: list[str]) -> str:
    for label in labels:  # longest first
        if label in text:
            text = text.replace(label, " ")
    return text


def _excepted_names(m: re.Match[str]) -> str:
    """The names an exception gives: those in its bracket after a description ("our two focus markets (Austin and
    Phoenix)"), else the name it says, its bracket included ("SwiftServe (bs=64)")."""
    label, named = m.group("label").strip(), m.group("named")
    if named is None:
        return label
    return named if label[:1].islower() else f"{label} ({named})"


def label_styles(state: ParseState) -> None:
    """Lines that pair a name with nothing but a style; the point with that name takes it (assemble)."""
    labels = sorted({p.label for p in state.points if p.label}, key=lambda label: (-len(label), label))
    for block in state.facts_blocks("item", "paragraph"):
        if EMPHASIS_RE.search(block.text):
            _singled_out(state, block, labels)
        if " as " in block.text or " in " in block.text or " with " in block.text:
            excepted = [(name, m) for m in EXCEPT_STYLE_RE.finditer(block.text)
                        for name in split_names(_excepted_names(m))]
            pairs = [(m.group("label"), m) for m in NAMED_STYLE_RE.finditer(block.text)] + excepted + \
                [(m.group("label"), m) for m in ROLE_BRACKET_STYLE_RE.finditer(block.text)] + \
                [(m.group("label"), m) for m in ROLE_CODE_STYLE_RE.finditer(block.text)]
            for name, named in pairs:
                # "a larger dark-red diamond with a bold label": the style words it starts with
                label, style = strip_marks(name), style_head(named.group("style"))
                if label.endswith((" are", " were")):
                    continue  # "Baseline agents are shown as gray circles": a kind of point, no label
                if style and not is_style_only(label) and len(label.split()) <= 5 and not lex(style):
                    color, marker = style_words(style)
                    end = block.text.find(".", named.end())  # "..., as the hospital the report is about."
                    tail = block.text[named.end(): end if end > 0 else len(block.text)]
                    # (or its own style sets it apart: "drawn as a larger yellow circle ... to highlight it")
                    state.label_styles.append(LabelStyle(label, color, marker, block.line, highlight=named.group(
                        "how") == "highlighted" or bool(named.group("size")) or ours_cue(tail) or bool(
                        SET_APART_RE.search(named.group("style") + tail))))
        if " is a" in block.text or " is the " in block.text:
            for named in NAMED_IS_STYLE_RE.finditer(block.text):  # "the authors' agent QuickZero is a red star"
                style = named.group("style")
                if is_style_only(style) and not lex(style):
                    color, marker = style_words(style)
                    state.label_styles.append(LabelStyle(named.group("label"), color, marker, block.line))
        if "the " in block.low and labels and any(w in block.low for w in SHAPE_NOUNS):
            _style_then_name(state, block, labels)
        if (" it " in block.low or "which" in block.low) and labels:
            _it_drawn(state, block, labels)
        if " point " in block.low or " marker " in block.low or " dot " in block.low:
            for named in THE_X_POINT_RE.finditer(block.text):  # "The human point ... is drawn as a red star"
                label, style = named.group("label"), style_head(named.group("style"))
                if style and not lex(style) and not is_style_only(label):
                    color, marker = style_words(style)
                    state.label_styles.append(LabelStyle(label, color, marker, block.line,
                                                         highlight=bool(STAND_OUT_RE.search(named.group(0)))))
        if "'s " in block.text or "’s " in block.text or " for " in block.text or " of " in block.text:
            for named in OWN_MARKER_RE.finditer(block.text):
                color, marker = style_words(named.group("how"))
                if color or marker:  # (a larger marker, or one singled out, is the point the chart highlights)
                    end = block.text.find(".", named.end())
                    said = named.group(0) + block.text[named.end(): end if end > 0 else len(block.text)]
                    state.label_styles.append(LabelStyle(
                        named.group("label") or named.group("label2"), color, marker, block.line,
                        highlight=bool(SET_APART_RE.search(said) or EMPHASIS_RE.search(said))))
        if ", " in block.text and " is " in block.text:
            for named in NAME_ROLE_STYLE_RE.finditer(block.text):  # "Brighton, the case study, is drawn as a star"
                label, style = strip_marks(named.group("label")), style_head(named.group("style"))
                if style and not lex(style) and len(label.split()) <= 6:
                    color, marker = style_words(style)
                    state.label_styles.append(LabelStyle(label, color, marker, block.line, highlight=ours_cue(
                        named.group("role")) or named.group("how") == "highlighted"))
        if ", " in block.text and ours_cue(block.text):
            for named in ROLE_APPOSITIVE_RE.finditer(block.text):
                label = strip_marks(named.group("label"))
                if ours_cue(named.group("role")) and len(label) > 1:
                    # "The proposed agent, TinyPatch, is not in the legend; it is drawn as a large red star"
                    end = block.text.find(".", named.end())
                    drawn = DRAWN_AS_RE.search(block.text, named.end("label"), end if end > 0 else len(block.text)) or \
                        IS_A_STYLE_RE.match(block.text, named.end("label") + 1)  # "..., is a red diamond"
                    style = style_head(drawn.group("style")) if drawn else ""
                    color, marker = style_words(style) if style else (None, None)
                    state.label_styles.append(LabelStyle(label, color, marker, block.line, highlight=True))
        if '"' in block.text or "“" in block.text:
            for named in STYLE_LABELLED_RE.finditer(block.text):  # 'a large red star labelled "Tana (this study)"'
                color, marker = style_words(named.group("style"))
                state.label_styles.append(LabelStyle(named.group("label").strip(), color, marker, block.line,
                                                     highlight=ours_cue(named.group("label"))))
        if state.groups and labels and (MEMBERSHIP_RE.search(block.text) or ": " in block.text):
            _memberships(state, block, labels)
        if (block.used or (block.kind == "paragraph" and not block.lead) or block.bold_only
                or block.text.rstrip().endswith(":")):  # a section header styles a section
            continue
        m = PAREN_STYLE_RE.match(block.text) or COLON_STYLE_RE.match(block.text)
        # numbers may name the point ("Phi-2: blue circle"), never stand in its style
        if m is None or lex(m.group("style")) or not is_style_only(m.group("style")):
            continue
        label = strip_marks(m.group("label"))
        if not label or is_style_only(label) or len(label.split()) > 6:
            continue
        color, marker = style_words(m.group("style"))
        state.label_styles.append(LabelStyle(label, color, marker, block.line))
    _the_rest(state)


def _the_rest(state: ParseState) -> None:
    """"Five districts are urban: ... The remaining five are rural": after a clause that names members of one
    group, the points no statement put in a group (nor styled, nor highlighted) are in the rest's group."""
    named = {ls.label for ls in state.label_styles if ls.group}
    if not state.rest_groups or not named:
        return
    # (nor one a sentence styles apart: "Pelican Value Fund, the case study, is drawn as a red star ...")
    named |= {ls.label for ls in state.label_styles if ls.color or ls.marker or ls.highlight}
    group, line = state.rest_groups[0]
    for p in state.points:
        # (not the highlighted point, nor one with a look of its own: "every other baseline is open-source")
        if p.label and p.label not in named and not (p.color or p.marker or p.ours):
            state.label_styles.append(LabelStyle(p.label, None, None, line, group=group))
