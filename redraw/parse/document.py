"""Text -> Document: headings, list items, table rows, paragraphs and code, each with its line and context."""
from __future__ import annotations

import csv
import html
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from itertools import pairwise
from typing import TypeGuard

from markdown_it import MarkdownIt
from markdown_it.parser_block import ParserBlock, RuleFuncBlockType
from markdown_it.ruler import Ruler
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

from ..errors import RedrawError
from ..limits import MAX_TEXT_LINES
from .values import VALUE_LED_RE, lex
from .vocab import EMOJI, MARKER_CODE_WORDS, MARKER_GLYPHS, fold, is_style_only, mentions_correction

# "code" off: text indented four spaces in a VLM answer is prose, not a code block; "reference" off:
# link definitions never carry chart facts; "blockquote" off: a quoted line is read as plain text;
# "inline" off: see _inline below. Each rule left out is one less test on every line.
_ALWAYS_OFF = ("code", "reference", "inline", "blockquote")
# A block rule whose mark is nowhere in the text cannot match, so it is left out too (one markdown-it
# per combination, made once): the same tokens, and on a 4 KB description about half the time.
_UNDERLINE_RE = re.compile(r"^ {0,3}(?:=+|-+|([-*_])(?:[ \t]*\1){2,})[ \t]*$", re.MULTILINE)
_PARSERS: dict[tuple[str, ...], MarkdownIt] = {}


def _markdown(text: str) -> MarkdownIt:
    """markdown-it with the block rules this text can use."""
    off = [name for name, marks in (("table", "|"), ("fence", "`~"), ("html_block", "<"), ("heading", "#"))
           if not any(mark in text for mark in marks)]
    if not _UNDERLINE_RE.search(text):  # "---", "* * *", "===" under a title
        off += ["hr", "lheading"]
    key = tuple(off)
    if key not in _PARSERS:
        md = MarkdownIt("commonmark", {"html": True, "maxNesting": 2 * LIST_DEPTH})
        md.block = _DeepListsFlattened(md.block.ruler)
        _PARSERS[key] = md.enable("table").disable([*_ALWAYS_OFF, *off])
    return _PARSERS[key]


# How deep lists nest as written: markdown-it's commonmark bound (20 levels of tokens, two a list). Past it
# markdown-it drops the rest of the text, silently; a deeper bound costs more than it reads (each level is a nested
# call: 2,000 lines of items 10 deep parse in 0.5 s, 20 deep in 1.3 s), so deeper content is read flattened.
LIST_DEPTH = 10
_LIST_MARKS_RE = re.compile(r"(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$))*")


class _DeepListsFlattened(ParserBlock):
    """markdown-it's block parser, but a list item's content nested past LIST_DEPTH is parsed once more as a
    flat list (its lines without their indent and list marks) after a "deep_list" token, not dropped."""

    def __init__(self, ruler: Ruler[RuleFuncBlockType]) -> None:
        super().__init__()
        self.ruler = ruler

    def tokenize(self, state: StateBlock, startLine: int, endLine: int) -> None:
        # markdown-it tests its bound before each block of the call; blocks close what they open, so the level
        # on entry is the level at each of them
        if state.level < state.md.options.maxNesting:
            super().tokenize(state, startLine, endLine)
            return
        start = end = state.skipEmptyLines(startLine)
        while end < endLine and (state.isEmpty(end) or state.sCount[end] >= state.blkIndent):
            end += 1  # the item's content, as the nested call reads it (lazy lines aside: they are read after it)
        state.line = end
        while end > start and state.isEmpty(end - 1):
            end -= 1
        if start == end:
            return
        lines, deeper = [], False
        for line in range(start, end):
            text = state.src[state.bMarks[line] + state.tShift[line]: state.eMarks[line]]
            marks = _LIST_MARKS_RE.match(text)
            if marks and marks.end():
                lines.append(f"- {text[marks.end():]}")
                deeper = True
            else:
                lines.append(text)
        if deeper:  # (an item at the bound without lists in it is read as written)
            state.push("deep_list", "", 0).map = [start, end]
        level = state.level
        for token in super().parse("\n".join(lines), state.md, state.env, []) or []:
            token.level += level
            token.map = [token.map[0] + start, token.map[1] + start] if token.map else None
            state.tokens.append(token)


# Sections that comment on the chart rather than describe it: they never create facts.
COMMENTARY_RE = re.compile(
    r"\b(observations?|interpretations?|summary|summar(y|ies) of|findings?|insights?|conclusions?|"
    r"take[- ]?aways?|lessons?|discussion|trend analysis|analysis of trends|key trends|notes?|"
    r"reading\s+(?:the\s+|this\s+)?(?:chart|figure|plot|graph|panel)|^reading$|implications?|remarks?|"
    r"comments?|"
    r"caveats?)\b",
    re.IGNORECASE)
_DATA_RE = re.compile(r"\b(data|points?|values|coordinates|table|legend|axes|axis)\b", re.IGNORECASE)
_DIGIT_RE = re.compile(r"\d")
_CSV_SEPARATORS = (",", ";", "\t")
_CAPTION_RE = re.compile(r"[^.!?]{3,80}")  # a short line, no sentence, over a table's header line
_BRACKET_HEADER_RE = re.compile(r"\(([^()]{3,120})\)")  # "Data (label; pLDDT; RMSD; marker). ...": the columns' names
_CSV_NAME_RE = re.compile(r"[A-Za-z_][\w ()%$/.+#@&-]{0,40}")  # a column's name in a CSV header line ("chrF++")
_PIPE_HEADER_RE = re.compile(r"\(([^()|]+(?:\|[^()|]+)+)\)\s*:?\s*$")  # "Points (label | latency | success):"
_ATX_RE = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
# (and the short titles of places, bodies and people, which a name goes on after: "St. Louis", "Mt. Everest",
# "Dr. Smith", "Dem. Rep. Congo", "Univ. Tokyo", "Natl. Grid", "Gen. Electric")
_ABBREV_RE = re.compile(r"\b(vs|e\.g|i\.e|approx|Approx|etc|Fig|fig|No|cf|al|ca|c|est|avg|Avg|incl|resp|"
                        r"St|Mt|Mts|Ft|Pt|Dr|Mr|Mrs|Ms|Prof|Gen|Gov|Sen|Sgt|Col|Rev|Dem|Rep|Fed|Univ|Inst|Natl|Intl|Dept|Inc|Ltd|Ave)\.$")
# (or glyphs alone: "# Atari-57 sample efficiency — ● blue: model-free · ■ green: model-based")
_HEADING_KEY_RE = re.compile(r"^(?P<title>\S.*?)\s*(?:[—–|]|\s-)\s*(?P<key>(?:[Ll]egend|[Kk]ey)\s*:\s*\S.*|"
                             r"(?P<glyphs>[" + MARKER_GLYPHS + r"]\s.*[·,;|]\s*[" + MARKER_GLYPHS + r"]\s.*))$")
_INITIALS_END_RE = re.compile(r"(?:^|[\s,;(])(?:[A-Z]\.){2,3}$")  # "J.K.", "M.B.", "A.B.C."
# one initial before a surname: "With 22 goals, L. Moretti ...", "Hviid and R. Tavernier are ..."; after a stop, a
# comma or a word in lower case, not after a name's word ("... than Series B. Series C sits ...")
_INITIAL_END_RE = re.compile(r"(?:[,;:(]\s*|\b(?-i:[a-z]+)\s+)[A-Z]\.$")  # ("whereas S. Nakamura-Ito (0.33, ...)")
# (a capitalised word after it, not one that opens a sentence: "... of vitamin D. The next ...")
_SURNAME_RE = re.compile(r"(?!(?:The|This|That|These|Those|There|Then|It|Its|In|On|At|As|For|With|An?|All|Both|Each|"
                         r"Also|But|And|Or|Only|Finally|Here|We|They|He|She|His|Her|Their|Our|No|Not|One|Two|Three|"
                         r"Overall|However|Meanwhile|Most|Some|Many|Other|Every)\b)[A-Z][a-zà-ÿ'’-]+\b")
# (a Greek letter too: "... 47% of the time. π0 (3.3B) sits at ...")
# (a lower-case model name may start one too, a word with a digit, a hyphen or a capital inside: "... from 55 to 70.
# gte-small sits lowest", "... 384 dimensions. bge-base-en-v1.5 is ...", "... 56.3. e5-large-v2, a green ...",
# "... QPS. hnswlib (purple) lies ...", "... 4 GB. llama.cpp reaches ...")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])[\"”]?\s+(?=[A-Z0-9\"“*(\[\u0370-\u03ff]|"
                              r"[a-z][\w.+-]*?(?:\d|-|[a-z][A-Z])[\w.+-]*(?<!\.)[\s,:]|"
                              r"[a-z][\w+-]{1,30}\s\((?![^()]*\d)|[a-z]\w+\.[a-z]\w*\s)")


@dataclass(slots=True)
class Block:
    """One unit of the document. `lead` is a leading bold span ("**X-axis:**" -> "X-axis:")."""

    kind: str                      # heading | paragraph | item | table | code
    text: str
    line: int                      # 1-based source line
    lead: str | None = None
    depth: int = 0                 # list nesting depth for items
    headings: tuple[str, ...] = ()
    context: tuple[str, ...] = ()  # headings, bold-only paragraph/item headers and parent items
    header: list[str] = field(default_factory=list)        # table header cells
    rows: list[list[str]] = field(default_factory=list)    # table body cells
    row_lines: list[int] = field(default_factory=list)
    info: str = ""                 # code fence info string
    used: bool = False             # set by the rule that took this block
    commentary: bool | None = None  # cached by ParseState.commentary
    _low: str | None = field(default=None, repr=False, compare=False)
    _sentences: list[str] | None = field(default=None, repr=False, compare=False)

    @property
    def low(self) -> str:
        """The text in lower case, made once: most rules' first test is a word in it."""
        if self._low is None:
            self._low = fold(self.text)
        return self._low

    @property
    def sentences(self) -> list[str]:
        """The text split into sentences, once for all the rules that read sentences."""
        if self._sentences is None:
            self._sentences = sentences(self.text)
        return self._sentences

    @property
    def bold_only(self) -> bool:
        return self.lead is not None and self.lead.strip(" :.") == self.text.strip(" :.")

    @property
    def body(self) -> str:
        """Text after the lead ("**X-axis:** Total" -> "Total")."""
        if self.lead and self.text.startswith(self.lead):
            return self.text[len(self.lead):].lstrip(" :.—–-")
        return self.text


@dataclass
class Document:
    blocks: list[Block]
    text: str
    notes: list[str] = field(default_factory=list)   # what reading the text changed: warnings for the spec

    def _position(self, block: Block) -> int:
        if not hasattr(self, "_index"):
            self._index = {id(b): i for i, b in enumerate(self.blocks)}
        return self._index[id(block)]

    def after(self, block: Block) -> Iterator[Block]:
        """The blocks that follow `block`, in order (lazily: callers stop at the first that is not theirs)."""
        blocks = self.blocks   # by index: islice would step over every block before `block` on each call
        return (blocks[i] for i in range(self._position(block) + 1, len(blocks)))

    def adjacent(self, block: Block) -> list[Block]:
        """The blocks just before and just after `block`."""
        i = self._position(block)
        return self.blocks[max(0, i - 1): i] + self.blocks[i + 1: i + 2]


def clean(text: str) -> str:
    """Undo transport artifacts: BOM, CRLF, literal "\\n" escapes, non-breaking spaces, LaTeX inline math."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if text.count("\\n") > text.count("\n"):
        text = text.replace("\\r\\n", "\n").replace("\\n", "\n").replace("\\t", "\t")
    elif "\\n" in text:  # a few lines with escapes among real ones: "**X-Axis**:\\n   - **Title**: ..."
        text = _ESCAPED_BREAK_RE.sub("\n", text)
    if "\\begin{tabular" in text:
        # (a fence around the LaTeX, "```latex", goes: its table is read as the table it is)
        text = _TEX_FENCE_RE.sub(lambda m: f"\n{m.group('body')}\n", text)
        text = _TEX_LAYOUT_RE.sub("", _TABULAR_RE.sub(_tabular_as_table, text))
    if "$" in text:
        text = _MATH_RE.sub(_unmath, text)
    if _WIDE_RE.search(text):
        text = text.translate(_WIDE)  # full-width brackets and commas ("(57,410)" typed in CJK), "Qwen-VL" with U+2011
    if _PICTOGRAPH_RE.search(text):  # "**Symbols** 🔣", "## 📐 Axes", "↔️ X": decoration, no fact
        text = _GLYPH_BULLET_RE.sub("- ", _PICTOGRAPH_RE.sub("", text))
    if "→" in text or "->" in text:  # "Maize: 0 → 6.1 | 60 → 8.4 | 120 → 10.2": a series of pairs, bracketed
        text = _ARROW_SERIES_RE.sub(lambda m: _bracketed_pairs(m.group("pairs"), _ARROW_PAIR, _ARROW_SPLIT_RE), text)
    if "about" in text or "~" in text or "≈" in text or "approx" in text or "around" in text or "roughly" in text:
        # "H2O: 4× about 39.7, 8× about 37.1, 16× about 34.0"
        text = _HEDGED_SERIES_RE.sub(lambda m: _bracketed_pairs(m.group("pairs"), _HEDGED_PAIR, _HEDGE_SPLIT_RE), text)
    if "." in text or "_" in text:  # "x.label   : Rupture length (km)", "figure.title: none": a config's dotted keys
        text = _DOTTED_KEY_RE.sub(_dotted_key, text)
    if ".1 " in text:  # "   4.1 Pirahã — ~420 speakers, ...", "   4.2 Rotokas — ...": an outline's numbered sub-items
        text = _sub_numbered_as_items(text)
    if "sep=" in text:  # Excel's hint of a CSV's separator, "sep=;" over the header: no row (the line stays, blank)
        text = _SEP_HINT_RE.sub("", text)
    if ":\n " in text or ":\n\t" in text:  # "Floor area:" over "    48,000 sq ft": one field, its value below it
        text = _values_below_keys(text)
    return text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")


# a key alone on its line, and its value indented on the next: "Weekly sales:" over "    $785,000"
_KEY_ALONE_RE = re.compile(r"(?P<indent>[ \t]*)[A-Za-z][\w .()/%&'-]{0,40}:[ \t]*")
_VALUE_BELOW_RE = re.compile(r"(?P<indent>[ \t]+)(?![\w .()/%&'-]{1,40}:(?:\s|$))\S.*")  # (not a key of its own)


def _values_below_keys(text: str) -> str:
    """Join each key alone on its line ("Store:") to the one indented value on the line under it ("    Riverside
    Plaza"), as "Store: Riverside Plaza", where two such pairs at least follow one another (a record laid out so),
    outside code fences: markdown would read the two lines as a paragraph of two lines, or the value as code. A key
    over several lines or over a key of its own (YAML's nesting), or a pair alone ("Source:" over "  Kleiber
    (1932)", "Group B (red):" over its one point), is left alone. The joined lines' count is made up by blank lines
    where the paragraph ends, so the lines after it keep their numbers."""
    lines = text.split("\n")
    pairs: set[int] = set()  # the lines of a key with its value below it
    fence = False
    for k, line in enumerate(lines[:-1]):
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        key = None if fence else _KEY_ALONE_RE.fullmatch(line)
        value = _VALUE_BELOW_RE.fullmatch(lines[k + 1]) if key else None
        if key and value and len(value.group("indent")) > len(key.group("indent")) and (
                k + 2 >= len(lines) or not lines[k + 2].strip()
                or len(lines[k + 2]) - len(lines[k + 2].lstrip()) <= len(key.group("indent"))):
            pairs.add(k)
    runs = {k for k in pairs if k - 2 in pairs or k + 2 in pairs}
    if not runs:
        return text
    out: list[str] = []
    owed = 0  # lines joined in this paragraph, given back as blank lines at its end
    k = 0
    while k < len(lines):
        if not lines[k].strip():
            out += [""] * owed
            owed = 0
        if k in runs:
            out.append(f"{lines[k].rstrip()} {lines[k + 1].strip()}")
            owed += 1
            k += 2
            continue
        out.append(lines[k])
        k += 1
    return "\n".join(out + [""] * owed)


_SUB_NUMBER_RE = re.compile(r"^([ \t]+)(\d{1,2})\.(\d{1,2})[ \t]+(?=\S)", re.MULTILINE)


def _sub_numbered_as_items(text: str) -> str:
    """Indented lines numbered "4.1", "4.2", "4.3" in sequence, one under the other (two or more under one number),
    as list items: markdown reads "1." as a list, not "4.1", and would run them into one paragraph."""
    found = list(_SUB_NUMBER_RE.finditer(text))
    keep: set[int] = set()
    for k, m in enumerate(found):
        run = [m]
        for nxt in found[k + 1:]:
            last = run[-1]
            if nxt.group(2) != last.group(2) or int(nxt.group(3)) != int(last.group(3)) + 1 or \
                    text.find("\n", last.end()) + 1 != nxt.start():  # (on the line after: not headers over lists)
                break
            run.append(nxt)
        if len(run) >= 2 and run[0].group(3) == "1":
            keep.update(r.start() for r in run)
    if not keep:
        return text
    return _SUB_NUMBER_RE.sub(lambda m: f"{m.group(1)}- " if m.start() in keep else m.group(0), text)


# pictographs that decorate a heading or a line; not the coloured circles, squares and stars that key a legend
# (vocab.EMOJI), nor the marker glyphs (★ ✚ ✖ ⬟ ♦)
# (the class first, then what it leaves out: a lookahead tested at every position costs a scan of its own)
_PICTOGRAPH_RE = re.compile(
    "[\U0001F300-\U0001FAFF☀☁⚙⚠⚡✅✔✨❌❓❗\u2795\u2796➡⬆⬇↔↕\ufe0f\u200d]"
    "(?<![" + "".join(EMOJI) + MARKER_GLYPHS + "])")
# (not the astronomers' ☉ of "M☉", nor other symbols of units: only the pictographs of chat answers)
_GLYPH_BULLET_RE = re.compile(r"^([ \t]*)[▸▹►▻‣◦➤➔][ \t]+", re.MULTILINE)  # "▸ x → ...": an item


# a pair written "x → y" (units allowed on either side: "50 → 4,900 kg/ha"); two or more in a line, set apart by
# bars, semicolons or commas, are a series' points (one alone may be a correction: "9.5 → 19.5")
_ARROW_PAIR = (r"[-−~≈]?\d+(?:[.,]\d+)*(?:\s*[A-Za-zµ%°/]{1,8})?\s*(?:→|->|⟶)\s*[-−~≈]?\d+(?:[.,]\d+)*"
               r"(?:\s*[A-Za-zµ%°][\w/%°]{0,10})?")
_ARROW_SERIES_RE = re.compile(rf"(?P<pairs>{_ARROW_PAIR}(?:\s*(?:[|;]|,\s)\s*{_ARROW_PAIR})+)(?=\s*\.?[ \t]*$)",
                              re.MULTILINE)
_ARROW_SPLIT_RE = re.compile(r"\s*(?:→|->|⟶)\s*")
# the same with the y value hedged after the x value: "4× is about 38.9, 8× is about 35.2", "4× about 39.7, 8× about
# 37.1", "at 10 mg ~ 37%, at 20 mg ~ 45%"
_HEDGED_PAIR = (r"(?:at\s+)?[-−]?\d+(?:[.,]\d+)*(?:\s*[A-Za-zµ%°/×x]{1,8})?\s+(?:is\s+|was\s+|gives\s+|reaches\s+)?"
                r"(?:about|approximately|approx\.|around|roughly|~|≈)\s*[-−]?\d+(?:[.,]\d+)*(?:\s*[A-Za-zµ%°][\w/%°]{0,10})?")
_HEDGED_SERIES_RE = re.compile(rf"(?=[-−\daA])(?P<pairs>{_HEDGED_PAIR}(?:\s*(?:[|;]|,\s)\s*(?:and\s+)?{_HEDGED_PAIR})+)"
                               r"(?=\s*\.?[ \t]*$)", re.MULTILINE)
_HEDGE_SPLIT_RE = re.compile(r"\s+(?:is\s+|was\s+|gives\s+|reaches\s+)?(?:about|approximately|approx\.|around|"
                             r"roughly|~|≈)\s*")


def _bracketed_pairs(series: str, pair: str, between: re.Pattern[str]) -> str:
    """Each pair of a series, "x → y" or "(at) x is about y", written "(x, y)"."""
    return ", ".join("({}, {})".format(*between.split(re.sub(r"^at\s+", "", p.strip()), maxsplit=1))
                     for p in re.findall(pair, series))


# a configuration's dotted keys, "x.label", "y_axis.range", "figure.title", as the keys a description writes
_DOTTED_KEY_RE = re.compile(r"^(?P<pad>[ \t]*)(?:(?P<axis>[xy])(?:[._-]?axis)?|(?:figure|fig|chart|plot|panel))[._]"
                            r"(?P<key>label|title|scale|range|ticks|tick_labels|limits|lim|min|max)(?=[ \t]*[:=])",
                            re.MULTILINE | re.IGNORECASE)


def _dotted_key(m: re.Match[str]) -> str:
    key = m.group("key").replace("_", " ")
    return f"{m.group('pad')}{m.group('axis')}-axis {key}" if m.group("axis") else f"{m.group('pad')}{key}"


_SEP_HINT_RE = re.compile(r"^[ \t]*\"?sep=[,;\t|]\"?[ \t]*$", re.MULTILINE)


# a LaTeX table pasted from a paper's source: its tabular as a markdown table, line for line
_TABULAR_RE = re.compile(r"\\begin\{tabular\}[^\n]*\n(?P<body>.*?)\\end\{tabular\}", re.DOTALL)
_FENCE = r"[ \t]*(?:```|~~~)"
_TEX_FENCE_RE = re.compile(rf"^{_FENCE}[ \t]*(?:latex|tex)?[ \t]*\n(?P<body>(?:(?!{_FENCE}).*\n)*?"
                           rf"[^\n]*\\begin\{{tabular(?:(?!{_FENCE}).*\n)*?){_FENCE}[ \t]*$", re.MULTILINE)
# the float around it: "\\begin{table}[t]", "\\centering", "\\small", "\\label{...}", "\\end{table}"
_TEX_LAYOUT_RE = re.compile(r"^[ \t]*\\(?:(?:begin|end)\{(?:table|figure)\*?\}(?:\[\w+\])?|centering|small|"
                            r"footnotesize|scriptsize|label\{[^}\n]*\})[ \t]*$", re.MULTILINE)
_TEX_RULE_RE = re.compile(r"^\s*\\(?:toprule|midrule|bottomrule|hline|cline\{[^}]*\}|cmidrule[^\n]*)\s*$")
_TEX_WRAP_RE = re.compile(r"\\(?:textbf|textit|emph|underline|mathrm|text)\{([^{}]*)\}")


def _tabular_as_table(m: re.Match[str]) -> str:
    """A tabular's rows as a markdown table (its rules dropped, "\\textbf{5.83}" as 5.83, "QuIP\\#" as QuIP#),
    padded with blank lines to the lines it took, so later line numbers hold."""
    rows = []
    for src in m.group("body").split("\n"):
        if _TEX_RULE_RE.match(src) or "&" not in src:
            continue
        # ("16{,}384" as 16,384; "avg.\\ (\\%)" as "avg. (%)"; the thin space of "2.4\\,GB/s" a space)
        cells = [_TEX_WRAP_RE.sub(r"\1", c).replace("\\#", "#").replace("\\%", "%").replace("{,}", ",")
                 .replace("\\ ", " ").replace("\\,", " ").strip()
                 for c in re.split(r"(?<!\\)&", src.replace("\\\\", ""))]
        rows.append("| " + " | ".join(cells) + " |")
    if len(rows) < 2:
        return m.group(0)
    rows.insert(1, "|" + "---|" * rows[0].count(" | ") + "---|")
    blank = m.group(0).count("\n") + 1 - len(rows)
    return "\n".join(["", *rows, *[""] * max(blank - 1, 0)])


_WIDE_RE = re.compile("[\u2010\u2011\u3000-\u3002\uff01-\uff5e]")
# full-width ASCII (U+FF01-FF5E) as ASCII, the ideographic space, comma and full stop, non-breaking hyphens
# (CJK punctuation carries its own spacing: the full-width comma, colon and semicolon become ", ", ": ", "; ",
# the full-width opening bracket " (")
_WIDE: dict[int, int | str] = {**{c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}, 0x3000: " ", 0x3001: ", ",
                                0x3002: ". ", 0xFF0C: ", ", 0xFF1A: ": ", 0xFF1B: "; ", 0xFF08: " (", 0x2010: "-",
                                0x2011: "-"}


# "$10^{21}$", "$3 \times 10^{4}$", "$\sim$2.5B": inline math as plain text. Only spans that hold a
# math mark (^ _ \ {), so "costs $5 to $10" keeps its dollars.
_MATH_RE = re.compile(r"\$([^$\n]{0,40}?[\\^_{][^$\n]{0,40}?)\$")
_MATH_WORDS = {"times": "×", "sim": "~", "approx": "≈", "cdot": "·", "%": "%", "le": "≤", "ge": "≥",
               "leq": "≤", "geq": "≥", "pm": "±", "star": "★", "bigstar": "★", "circ": "●", "triangle": "▲"}
_MATH_CMD_RE = re.compile(r"\\(?:(?:mathrm|text|mathbf|textbf|operatorname)\{([^{}]*)\}|([A-Za-z]+|%))\s?")


def _unmath(m: re.Match[str]) -> str:
    """The span as plain text, or as written when it holds a command we do not know ("$\\alpha$-Net")."""
    plain = _MATH_CMD_RE.sub(lambda c: c.group(1) if c.group(1) is not None else
                             _MATH_WORDS.get(c.group(2), c.group(0)), m.group(1))
    return m.group(0) if "\\" in plain else plain


# a literal "\n" where a line must break: before another, a markdown mark, a numbered item, a key ("Y axis:") or
# a capital ("### Overview\nThe image is ..."; LaTeX's "\nu", "\neq" go on in lower case)
_ESCAPED_BREAK_RE = re.compile(r"\\n(?=\\n|[\s*#|>\"“(-]|\d+[.)]\s|[A-Z]|$)|(?<=\\n)\\n")


def abbreviated(text: str, end: int, start: int = 0) -> bool:
    """True when text[start:end] ends in a short form that the sentence goes on after: "vs.", "e.g.", "Dem."."""
    return _ABBREV_RE.search(text, max(start, end - 10), end) is not None


def sentences(text: str) -> list[str]:
    """Split prose at sentence ends, keeping "vs.", "e.g." and decimals inside."""
    out: list[str] = []
    start = counted = 0
    straight = opened = closed = 0   # quotation marks in text[start:counted], counted as the ends are met
    quotes, curly = '"' in text, "“" in text
    for m in _SENTENCE_END_RE.finditer(text):
        # (each test reads a few characters before the end, never the whole sentence so far: a long run of
        # skipped ends, "vs." after "vs.", must not cost the square of its length)
        end = m.start()
        if quotes:
            straight += text.count('"', counted, end)
        if curly:
            opened, closed = opened + text.count("“", counted, end), closed + text.count("”", counted, end)
        counted = end
        if abbreviated(text, end, start):
            continue
        if _INITIALS_END_RE.search(text, max(start, end - 10), end) and text[m.end(): m.end() + 1].isdigit():
            continue  # "M.B. 74 km and 207 min": a runner's initials, then the values
        if (_INITIAL_END_RE.search(text, max(start, end - 12), end) or (end - start == 2 and text[start].isupper())) \
                and _SURNAME_RE.match(text, m.end()):
            continue  # "K. Asante, purple like Moretti, has ...": an initial, then the surname
        if quotes and straight % 2 and text[end - 1:end] != '"':
            continue  # inside a quotation: 'labelled "league avg. TS%"'
        if curly and opened > closed:
            continue
        out.append(text[start:end].strip())
        start = counted = m.end()
        straight = opened = closed = 0
    out.append(text[start:].strip())
    return [s for s in out if s]


# (a line led by a marker glyph, "● Conventional: (1911, 4.2), ...", starts one too)
# ("Qwen1.5-7B-32K: x=2^15, ..." is a key too: a version's point inside the name)
_KEY_LINE_RE = re.compile(r"^(\*\*|__|[A-Z][\w /()&,+-]{0,40}(?:\.\d[\w /()&,+-]{0,30})?:(?:\s|$)|"
                          r"[xyXY](?:[\s-]*axis)?\s*(?::|[—–])\s|"
                          # (a chart part's key in lower case, with a remark before its colon: "legend (lower right),
                          # by land use: Cropland = ...", "lines: one vertical ...", "note: on closer reading ...")
                          r"(?:legend|key|lines?|title|notes?|caption|trend(?:\s+lines?)?|reference\s+lines?|"
                          r"points|series|markers?)\b[^:\n]{0,40}:\s|"
                          r"[xyXY][\s-]axis(?:\s{2,}|\t)(?=\S)|"  # 'x axis  "Parallel data (K tokens)"   log scale
                          # ("#4. station=...", "#4: ...", a record's number; "[Latent]" alone, a series' header)
                          r"#?\d{1,3}[.)]\s|#\d{1,3}:\s|[-*+•]\s|\[[^\[\]\n]{1,40}\]\s*:?\s*$|"
                          r"[A-Za-z][\w.-]{0,24}=[^=\s]|"  # "material=Cu₂Se; class=Selenides; T=1,000 K"
                          r"[" + MARKER_GLYPHS + r"][ \t])")
_BRACKET_HEAD_RE = re.compile(r"\[\s*([^\[\]\d][^\[\]]{0,39}?)\s*\]\s*:?")  # "[Pixel-space]", "[Ours]:"
# a list marker swallowed into a paragraph: "**Model (Red Point):**\n16. **Memory³-2B-SFT:** ..."
_MARKER_RE = re.compile(r"^(\d{1,3}[.)]|[-*+•>])\s+")
# the marks of an outline markdown knows no list for: "a. **X-axis**", "ii) ...", "4.1 Buried core"
# (a dotted number heads a capitalised title: "4.1 Buried core", not a wrapped line's "17.2 km/h, and ...")
_OUTLINE_RE = re.compile(r"^(?:(?:[a-h]|[ivx]{1,4})[.)]\s+(?=[A-Za-z*_\"“])|\d{1,2}(?:\.\d{1,2})+\.?\s+(?=[A-Z*_\"“])|"
                         r"\d{1,2}(?:\.\d{1,2}){2,}\.?\s+(?=[a-z])|"  # or "5.2.1. wav2vec", "4.1. lower case"
                         r"\d{1,2}(?:\.\d{1,2})+\.\s+(?=[a-z]))")
_MARKER_STARTS = frozenset("-*+•>")
_SECTION_NUMBER_RE = re.compile(r"^\d{1,2}[.)]\s+\S")
_GLYPH_STARTS = frozenset(MARKER_GLYPHS)
_TOKEN_NUMBER_RE = re.compile(r"(?<![\w.-])\d")  # a value, not the 7 of "Cortex-M7"


# -- YAML- and JSON-like blocks ------------------------------------------------------------------
_LOOSE_INFOS = ("", "yaml", "yml", "text", "txt", "plaintext", "json", "json5", "js", "javascript", "python")
_OBJECT_RE = re.compile(r"^\s*[-*]?\s*\{(?P<body>.*)\}\s*,?\s*$")
_FLOW_RE = re.compile(r"[{}\[\]]\s*,?\s*$|(?<=:)\s*\{|\}\s*,?|^\s*[\]}]\s*,?")
_LINE_KIND_RE = re.compile(r"\b(?:trend|fit|regression|line|vertical|horizontal|reference|hline|vline|"
                           r"threshold)s?\b", re.IGNORECASE)  # ("hlines": [...], as matplotlib names them)


_YAML_RANGE_RE = re.compile(r"^(range|limits?|domain|extent|span)\s*:\s*\[\s*([^,\]]+?)\s*,\s*([^,\]]+?)\s*\]\s*,?$",
                            re.IGNORECASE)
_YAML_ITEM_KEY_RE = re.compile(r"^\s*-\s+([A-Za-z_][\w ]{0,20}):\s+(\S.*?)\s*,?\s*$")
_NUMBER_ONLY_RE = re.compile(r"[~≈]?\s*[-−+]?[$€£]?\d[\d.,eE+\-−]*\s*%?")
_YAML_PARENT_RE = re.compile(r"^\s*([A-Za-z][\w ]{0,20}):\s*$")  # "x_axis:" alone, its keys indented below
AXIS_JSON_KEY_RE = re.compile(r"^(?:x|y)[\s-]?axis$|^(?:x|y)$", re.IGNORECASE)
_END_KEYS = ("start", "end", "from", "to", "start_point", "end_point")
_COORD_KEYS = ("coords", "coordinates", "xy", "position", "point", "value", "values")


def _json_description(info: str, content: str) -> dict[str, object] | None:
    """A JSON object describing the whole chart ("x_axis", "points", "legend" ... in the model's own words),
    not a list of rows nor a ChartSpec."""
    text = content.strip()
    if info.lower() not in ("", "json", "json5") or not text.startswith("{"):
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return _described_chart(data)


def _yaml_description(info: str, content: str) -> dict[str, object] | None:
    """A YAML block describing the whole chart, read as the JSON object it is a superset of: "legend:" over
    "- name: Sedan / color: purple / marker: square" is a list of objects, as in JSON. None for a block YAML
    does not read, or that holds no list of objects (the line-by-line reader takes those)."""
    if info.lower() not in ("yaml", "yml", "") or not re.search(r"^\s*-\s+[\w\"']+\s*:", content, re.MULTILINE):
        return None
    import yaml  # only for a block that may be YAML: most descriptions hold none

    try:
        data = yaml.safe_load(content)
    except yaml.YAMLError:
        return None
    return _described_chart(data)


_TOML_TABLE_RE = re.compile(r"^\[\[?[\w.]+\]\]?[ \t]*(?:#.*)?$", re.MULTILINE)


def _toml_description(info: str, content: str) -> dict[str, object] | None:
    """A TOML block describing the chart ("[x_axis]", "label = ...", "[[lines]]"), read as the JSON object it
    maps to; None for a block TOML does not read (an INI file's bare words) or on a Python without tomllib."""
    if info.lower() != "toml" and not _TOML_TABLE_RE.search(content):
        return None
    try:
        import tomllib
    except ImportError:  # Python 3.10
        return None
    try:
        data = tomllib.loads(content)
    except tomllib.TOMLDecodeError:
        return None
    return _described_chart(data)


def _parallel(obj: dict[str, object]) -> list[dict[str, object]] | None:
    """Parallel arrays as rows: {"model": ["A", "B"], "rtf": [0.1, 0.2], "wer": [3.9, 5.1]} is two objects. Two
    lists of numbers of one length (two or more) at least; the lists of another length stay out."""
    lists = {k: v for k, v in obj.items() if isinstance(v, list) and len(v) >= 2
             and all(isinstance(e, str | int | float | bool) for e in v)}
    # (a number may be written with its unit among numbers: "mass": ["22 g", 0.31, "3.2 t"]; not strings alone, an
    # axis's "ticks": ["0.1", "1", "10"])
    lengths = [len(v) for v in lists.values() if all(_value_like(e) for e in v)
               and any(isinstance(e, int | float) and not isinstance(e, bool) for e in v)]
    n = max(set(lengths), key=lengths.count, default=0)
    if lengths.count(n) < 2:
        return None
    same = {k: v for k, v in lists.items() if len(v) == n}
    return [{k: v[i] for k, v in same.items()} for i in range(n)]


def _value_like(e: object) -> bool:
    """A number, or a string that is one: 0.31, "22 g", "1.2e3"."""
    if isinstance(e, bool):
        return False
    return isinstance(e, int | float) or (isinstance(e, str) and VALUE_LED_RE.match(e) is not None and len(lex(e)) == 1)


def _columns_as_rows(data: dict[str, object]) -> dict[str, object]:
    """A chart object whose points are parallel arrays, at its top or under a key of their own ("[data]" over
    "model = [...]", "rtf = [...]"), with the arrays as a list of objects."""
    out: dict[str, object] = {}
    for key, value in data.items():
        rows = _parallel(value) if isinstance(value, dict) and key.lower() not in _AXIS_KEYS else None
        out[key] = rows if rows is not None else value
    if (rows := _parallel(out)) is not None:
        out = {k: v for k, v in out.items() if not (isinstance(v, list) and len(v) == len(rows))}
        out["points"] = rows
    return out


def _described_chart(data: object) -> dict[str, object] | None:
    """The object that describes the chart, under a single wrapping key ({"chart": {"x_axis": ..., "points": [...]}})
    or not; None when it holds no list of objects."""
    if isinstance(data, dict) and _vega_lite(data):
        data = _from_vega_lite(data)
    while isinstance(data, dict) and len(data) == 1 and isinstance(inner := next(iter(data.values())), dict):
        data = inner
    if isinstance(data, dict):
        data = _columns_as_rows(_lifted(data))
    return _flattened(data) if isinstance(data, dict) and _nested_points(data) is not None else None


_CHART_KEYS = ("x_axis", "y_axis", "xaxis", "yaxis", "x", "y", "axes", "title")


def _lifted(data: dict[str, object]) -> dict[str, object]:
    """The chart's own keys, nested under a wrapper beside the lists ({"chart": {"title": ..., "x_axis": ...},
    "legend": [...], "points": [...]}), lifted to the top; a key the top already has stays as it is there."""
    out = dict(data)
    for key, value in data.items():
        if isinstance(value, dict) and key.lower() in ("chart", "figure", "plot", "meta", "metadata", "graph") \
                and any(k in value for k in _CHART_KEYS):
            del out[key]
            out.update({k: v for k, v in value.items() if k not in out})
    return out


def _vega_lite(data: dict[str, object]) -> bool:
    """A Vega-Lite specification: its schema, or inline data with a mark and an encoding (or layers)."""
    return "vega-lite" in str(data.get("$schema", "")) or (
        isinstance(data.get("data"), dict) and ("encoding" in data or "layer" in data))


def _get(obj: object, *path: str) -> object:
    for key in path:
        obj = obj.get(key) if isinstance(obj, dict) else None
    return obj


_TRUE_WORDS = ("true", "1", "yes")


def _from_vega_lite(spec: dict[str, object]) -> dict[str, object]:
    """A Vega-Lite specification as the chart object a description's JSON would be: the point layer's x and y
    encodings (title, scale type, domain, axis values) as the axes, the inline data rows as points (named by
    the text or tooltip field, grouped by the colour field), the colour and shape scales as the legend, a
    regression layer as a trend line (filtered to one group, or over all), and a rule layer at a datum as a
    reference line, labelled by a text layer at the same datum."""
    stacked = spec.get("layer")
    layers = [spec] + ([layer for layer in stacked if isinstance(layer, dict)] if isinstance(stacked, list) else [])
    def mark_of(layer: dict[str, object]) -> str:
        mark = layer.get("mark")
        return str(_get(mark, "type") if isinstance(mark, dict) else mark or "")
    points = next((layer for layer in layers if mark_of(layer) in ("point", "circle", "square", "tick")
                   and isinstance(_get(layer, "encoding", "x", "field"), str)), None)
    if points is None:
        return spec
    enc = points["encoding"]
    assert isinstance(enc, dict)
    out: dict[str, object] = {}
    title = spec.get("title")
    if isinstance(title, dict):
        title = title.get("text")
    if isinstance(title, str):
        out["title"] = title
    for axis in ("x", "y"):
        channel = enc.get(axis)
        if not isinstance(channel, dict):
            continue
        line: dict[str, object] = {}
        if isinstance(channel.get("title"), str):
            line["label"] = channel["title"]
        if isinstance(kind := _get(channel, "scale", "type"), str):
            line["scale"] = kind
        if isinstance(domain := _get(channel, "scale", "domain"), list) and len(domain) == 2:
            line["range"] = domain
        if isinstance(values := _get(channel, "axis", "values"), list):
            line["ticks"] = values
        out[f"{axis}_axis"] = line
    fields = {axis: _get(enc, axis, "field") for axis in ("x", "y", "color", "shape")}
    # (the name may be a text layer's, drawn beside each point: {"mark": "text", "encoding": {"text": {"field": "id"}}})
    name_field = next((f for f in (_get(enc, "text", "field"), _get(enc, "tooltip", "field"),
                                   *(_get(layer, "encoding", "text", "field") for layer in layers
                                     if mark_of(layer) == "text")) if isinstance(f, str)), None)
    # a condition on a row's flag restyles it: {"condition": {"test": "datum.new", "value": "red"}}: the highlight
    flag = next((m.group(1) for channel in ("color", "shape") if isinstance(test := _get(enc, channel, "condition",
                 "test"), str) and (m := re.fullmatch(r"\s*datum\.(\w+)\s*", test))), None)
    special = {channel: _get(enc, channel, "condition", "value") for channel in ("color", "shape")}
    rows = _get(spec, "data", "values") or _get(points, "data", "values")
    if isinstance(rows, list):
        out["points"] = [{"label": row.get(name_field, ""), "x": row.get(fields["x"]), "y": row.get(fields["y"]),
                          **({"group": row[fields["color"]]} if fields["color"] in row else {}),
                          **({"style": " ".join(str(v) for v in special.values() if isinstance(v, str)),
                              "highlight": "yes"} if flag and str(row.get(flag)).lower() in _TRUE_WORDS else {})}
                         for row in rows if isinstance(row, dict)]
    names, colours = _get(enc, "color", "scale", "domain"), _get(enc, "color", "scale", "range")
    shapes = _get(enc, "shape", "scale", "range") if fields["shape"] == fields["color"] else None
    if isinstance(names, list) and isinstance(colours, list):
        out["legend"] = "; ".join(
            f"{colour} {shapes[k] if isinstance(shapes, list) and k < len(shapes) else ''} = {name}".replace("  ", " ")
            for k, (name, colour) in enumerate(zip(names, colours, strict=False)))
    lines: list[dict[str, object]] = []
    texts = {(_get(layer, "encoding", "y", "datum"), _get(layer, "encoding", "x", "datum")):
             _get(layer, "encoding", "text", "value") or _get(layer, "mark", "text")
             for layer in layers if mark_of(layer) == "text"}
    for layer in layers:
        mark = layer.get("mark") if isinstance(layer.get("mark"), dict) else {}
        assert isinstance(mark, dict)
        look = {"color": mark.get("color", ""), "style": "dashed" if mark.get("strokeDash") else "solid"}
        transform = layer.get("transform")
        steps: list[object] = transform if isinstance(transform, list) else []
        if any(isinstance(step, dict) and "regression" in step for step in steps):
            kept = next((m.group(1) for step in steps if isinstance(step, dict)
                         for m in [re.search(r"==\s*['\"]([^'\"]+)['\"]", str(step.get("filter", "")))] if m), None)
            lines.append({"kind": "fit", **look, **({"fitted_to": kept} if kept else {})})
        elif mark_of(layer) == "rule":
            for axis, kind in (("y", "hline"), ("x", "vline")):
                if isinstance(at := _get(layer, "encoding", axis, "datum"), int | float):
                    label = next((t for (ty, tx), t in texts.items() if (ty if axis == "y" else tx) == at), None)
                    lines.append({"kind": kind, axis: at, **look, **({"name": label} if label else {})})
    if lines:
        out["lines"] = lines
    return out


# plotting libraries' names for a line's dash pattern (plotly's "dash", "dot", "dashdot"; Vega's "strokeDash")
_DASH_NAMES = {"dash": "dashed", "dot": "dotted", "dashdot": "dash-dot", "longdash": "dashed", "longdashdot":
               "dash-dot", "solid": "solid", "dashed": "dashed", "dotted": "dotted"}
_AXIS_KEYS = {"xaxis": "x_axis", "yaxis": "y_axis"}


def _flattened(obj: dict[str, object]) -> dict[str, object]:
    """A chart object as plotting libraries nest it, flattened to the keys a description's JSON uses: a title
    object's "text"; an axis's "type" as its scale and "tickvals" as its ticks ("xaxis" as "x_axis"); a
    "marker" or "line" object's colour, symbol and dash lifted into the object that holds it; a line's
    "series" as the points it is fitted to."""
    out: dict[str, object] = {}
    for key, value in obj.items():
        low = key.lower()
        if isinstance(value, dict) and low == "title" and isinstance(value.get("text"), str):
            value = value["text"]  # "title": {"text": "..."}
        if isinstance(value, dict) and low in ("marker", "line", "style") and not _nested_points(value):
            for inner, lifted in (("color", "color"), ("colour", "color"), ("symbol", "marker"), ("shape", "marker"),
                                  ("dash", "style")):
                if isinstance(value.get(inner), str) and lifted not in out and (lifted == low or lifted not in obj):
                    out[lifted] = value[inner]
            continue
        if isinstance(value, dict):
            value = _flattened(value)
            if low in _AXIS_KEYS:
                key = _AXIS_KEYS[low]
                value = {("scale" if k == "type" else "ticks" if k == "tickvals" else k): v for k, v in value.items()
                         if not (k == "ticktext" and "tickvals" in value)}
        elif _objects(value):
            value = [_flattened(v) for v in value]
        if low == "dash" and isinstance(value, str):
            key, value = "style", _DASH_NAMES.get(value.lower(), value)
        elif low == "style" and isinstance(value, str):
            value = _DASH_NAMES.get(value.lower(), value)
        elif low in ("series", "group") and isinstance(value, str) and ("kind" in obj or "type" in obj):
            key = "fitted_to"  # a line's "series": "Dense baselines"
        out[key] = value
    return out


def _objects(value: object) -> TypeGuard[list[dict[str, object]]]:
    """A non-empty list of JSON objects."""
    return isinstance(value, list) and bool(value) and all(isinstance(i, dict) for i in value)


def _nested_points(obj: dict[str, object]) -> list[dict[str, object]] | None:
    """An object's first list of objects: a series' own points ("points", "data", "items" ...), a chart's rows."""
    return next((v for v in obj.values() if _objects(v)), None)


def _json_row(obj: dict[str, object]) -> dict[str, str]:
    """One object of a list as a table row: "coords": [0.12, 3.9] becomes columns x and y."""
    row: dict[str, str] = {}
    for key, value in obj.items():
        if key.lower() in _COORD_KEYS and isinstance(value, list) and len(value) == 2:
            row["x"], row["y"] = str(value[0]), str(value[1])
        elif key.lower() in _END_KEYS and isinstance(value, list) and len(value) == 2:
            row[key] = f"({value[0]}, {value[1]})"  # a line's "start": [22, 240]
        elif isinstance(value, bool):
            row[key] = key if value else ""  # "emphasis": true -> the word "emphasis"
        elif value is not None and not isinstance(value, dict | list):
            row[key] = _marker_word(key, str(value))
    return row


_MARKER_KEYS = frozenset(("marker", "shape", "symbol", "glyph"))


def _marker_word(key: str, value: str) -> str:
    """A marker code under a marker key as its word ("marker": "s" -> "square"); any other value as it is."""
    return MARKER_CODE_WORDS.get(value.strip(), value) if key.lower() in _MARKER_KEYS else value


_STYLE_KEYS = ("color", "colour", "marker", "shape", "symbol")
_KEYED_LOOK_RE = re.compile(r"\s*(?P<name>[^:{}\s][^:{}]{0,40}?):\s*(?P<look>\{[^{}]*\})\s*$")


def _style_map(value: dict[str, object]) -> list[str]:
    """The legend entries of a mapping from names to looks ("Pinot noir": {"colour": "purple", "marker":
    "circle"}), "style = name" each; none unless every value is such a look."""
    entries = []
    for name, look in value.items():
        if not isinstance(look, dict) or not look or not set(look) <= set(_STYLE_KEYS) | {"label", "size"}:
            return []
        style = " ".join(_marker_word(k, str(look[k])) for k in _STYLE_KEYS if look.get(k))
        entries.append(f"{style} = {name}")
    return entries


_AXIS_END_KEYS = (("from", "to"), ("min", "max"), ("lower", "upper"), ("start", "end"), ("low", "high"))


def _json_axis_line(name: str, spec: dict[str, object]) -> str:
    """"x_axis": {"name": ..., "scale": "log", "range": [0.01, 1], "tick_values": [...]} as a description's line."""
    parts: list[str] = []
    listed: list[str] = []  # a list of names ends the line: what follows its colon is the list
    # the two ends in keys of their own: "from": 0.1, "to": 10000; "min"/"max"; "lower"/"upper"
    lows = {k.lower(): k for k in spec}
    ends = next(((lows[a], lows[b]) for a, b in _AXIS_END_KEYS if a in lows and b in lows
                 and all(isinstance(spec[lows[k]], int | float) for k in (a, b))), None)
    if ends is not None:
        parts.append(f"from {spec[ends[0]]} to {spec[ends[1]]}")
    for key, value in spec.items():
        low = key.lower()
        if ends is not None and key in ends:
            continue
        if low in ("name", "label", "title") and isinstance(value, str):
            parts.append(f'"{value}"')
        elif low == "scale" and isinstance(value, str):
            parts.append(f"{value} scale")
        elif low in ("range", "limits", "limit", "lim", "lims", "domain", "extent") and isinstance(value, list) \
                and len(value) == 2:  # ("lim": [30, 90], as matplotlib says it)
            parts.append(f"from {value[0]} to {value[1]}")
        elif "tick" in low and isinstance(value, list) and value:
            parts.append("ticks at " + ", ".join(str(v) for v in value))
        elif isinstance(value, str | int | float):
            parts.append(f"{key.replace('_', ' ')} {value}")
        elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            # "fitted_to": ["CLIP ViT-B/32", "CLIP ViT-L/14"] -> "fitted to: CLIP ViT-B/32, CLIP ViT-L/14", last
            listed.append(f"{key.replace('_', ' ')}: " + ", ".join(str(v) for v in value))
    head = name.upper()[0] + "-axis" if AXIS_JSON_KEY_RE.match(name) else name.capitalize()
    return f"{head}: " + ", ".join(parts + listed[:1])


def _loose_structure(info: str, content: str) -> bool:
    """A code block to read line by line: YAML-like or JSON-like text that JSON and CSV do not read."""
    if info.lower() not in _LOOSE_INFOS or not re.search(r"^\s*[\w\"'-]+\s*:", content, re.MULTILINE):
        return False
    try:
        json.loads(content)
    except ValueError:
        return True
    return False


# an INI file's lines: "[record 3]", "name       = Maraging 300", "yield=1.9 GPa" (not code: "x = [1, 2]", "a == b")
_INI_LINE_RE = re.compile(r"^\s*(?:\[[^\[\]]+\]|"
                          r"(?P<key>[A-Za-z][\w .%/-]{0,30}?)\s*=(?!=)\s*(?P<value>[^\s(\[{].*?))\s*$")


# "[axis.x]", "[series "LFP"]", "[cell "LFP-26650"]", "[record 3]", "[hline]": a section's kind and its name
_INI_SECTION_RE = re.compile(r'^\s*\[\s*(?:(?P<kind>[A-Za-z_][\w-]*)\s+"(?P<name>[^"]+)"|(?P<whole>[^\]"]+?))\s*\]\s*$')
_INI_AXIS_RE = re.compile(r"axis[\s._-]*(?P<a>[xy])|(?P<b>[xy])(?:[\s._-]*axis)?", re.IGNORECASE)
_INI_PAIR_RE = re.compile(r"^\s*(?P<key>[A-Za-z][\w .%/-]{0,30}?)\s*=(?!=)\s*(?P<value>.*?)\s*$")
_INI_COMMENT_RE = re.compile(r"\s+[;#]\s*(?P<note>.*)$")  # "cycles = 1.2 x 10^4    ; above the frame edge"
_INI_TOP = frozenset(("figure", "chart", "plot", "graph", "meta", "general", "main", "settings"))
_INI_GROUPS = frozenset(("series", "group", "legend", "category", "class", "family", "entry"))
_INI_REFS = {"hline": "y", "vline": "x", "line": None, "refline": None, "reference": None, "ref": None,
             "guide": None, "threshold": None}
_INI_TRENDS = frozenset(("trend", "trendline", "fit", "regression"))
_INI_KINDS = _INI_GROUPS | _INI_TRENDS | frozenset(_INI_REFS) | frozenset(("point", "record", "row", "entry", "cell",
                                                                          "sample", "axis"))


_INI_INFOS = (*_LOOSE_INFOS, "ini", "cfg", "conf", "properties")


def _ini_chart(info: str, content: str) -> dict[str, object] | None:
    """An INI file that describes the whole chart, one section a part ("[axis.x]", "[series "LFP"]", "[hline]",
    "[cell "LFP-26650"]"): the chart object a description's JSON would be; None for any other block (two point
    sections at least)."""
    if info.lower() not in _INI_INFOS or "[" not in content:
        return None
    parts: list[tuple[str, str, dict[str, str]]] = []
    top: dict[str, str] = {}
    for src in content.split("\n"):
        if not src.strip() or src.lstrip().startswith((";", "#")):
            continue
        if (head := _INI_SECTION_RE.match(src)) is not None:  # '[series "LFP"]'; "[axis.x]", "[R. Almeida]" whole
            whole = (head["whole"] or "").strip()
            kind, dot, rest = whole.partition(".")  # "[group.wind]", "[point.1]": a kind and its id
            parts.append((head["kind"].lower(), head["name"].strip(), {}) if head["kind"] else
                         (kind.lower(), rest, {}) if dot and kind.lower() in _INI_KINDS else
                         (whole.lower(), whole, {}))
            continue
        if (m := _INI_PAIR_RE.match(src)) is None:
            return None
        value = m["value"]
        if re.match(r"[;#](?:\s|$)", value):
            value = ""  # "title  =      ; intentionally empty": no value, a remark (not "#1f77b4", a colour)
        if (note := _INI_COMMENT_RE.search(value)) is not None:  # a remark on the value: its aside
            value = value[: note.start()] + (f" ({note['note']})" if note["note"] else "")
        (parts[-1][2] if parts else top)[m["key"].strip().lower()] = value
    chart: dict[str, object] = dict(top)
    legend: list[dict[str, object]] = []
    refs: list[dict[str, object]] = []
    trends: list[dict[str, object]] = []
    points: list[dict[str, object]] = []
    ids: dict[str, str] = {}  # a group's id as points name it ("group = wind") -> its name ("Wind")
    fields: dict[str, str] = {}  # "[axis.x]" over "field = cf": a point's key "cf" is its x
    for kind, name, keys in parts:
        axis = (m["a"] or m["b"]).lower() if (m := _INI_AXIS_RE.fullmatch(kind)) is not None else \
            name.lower() if kind == "axis" and name.lower() in ("x", "y") else None
        if _SECTION_NUMBER_NAME_RE.fullmatch(name) or (kind in ("point", "record", "row", "entry") and name.isdigit()):
            name = ""  # "[record 3]", "[point.1]" only number their point: the name is a key's
        if kind in _INI_GROUPS and "name" in keys:
            ids[name.lower()] = keys["name"]  # "[group.wind]" over "name = Wind"
            name = keys.pop("name")
        if axis is not None and (field := keys.pop("field", "") or keys.pop("column", "")):
            fields[field.lower()] = axis
        if axis is not None and "limits" in keys and "range" not in keys:  # "limits = 20, 400", in its place
            keys = {("range" if k == "limits" else k): re.sub(r"\s*,\s*", " to ", v, count=1) if k == "limits" else v
                    for k, v in keys.items()}
        if kind in _INI_TOP:
            chart.update({k: None if not v or NONE_VALUE_RE.fullmatch(v) else v for k, v in keys.items()})
        elif axis is not None:
            chart[f"{axis}_axis"] = keys
        elif kind in _INI_GROUPS and name.lower() != kind:
            legend.append({"name": name, **keys})
        elif kind in _INI_TRENDS:
            trends.append({"kind": "trend line", **({"label": name} if name and name != kind else {}), **keys})
        elif kind in _INI_REFS:
            refs.append({"kind": "reference line", **({"axis": _INI_REFS[kind]} if _INI_REFS[kind] else {}),
                         **({"label": name} if name and name.lower() != kind and not name.isdigit() else {}),
                         **keys})
        elif (kind in _INI_KINDS and name.lower() == kind) or sum(bool(_DIGIT_RE.search(v)) for v in keys.values()) < 2:
            # "[legend]" over "position = upper right", "[style]", "[font]": settings of the chart, no point
            chart.update({f"{kind} {k}": v for k, v in keys.items() if v})
        else:  # a point: named by its section, or by a key of its own ("[record 2]" over "name = IVF-PQ")
            name = name or next((keys.pop(k) for k in _NAME_KEYS if k in keys), "")
            keys = {fields.get(k, k): ids.get(v.lower(), v) if k in ("group", "series") else v for k, v in keys.items()}
            points.append({**({"label": name} if name else {}), **keys} if name or keys else {})
    if len([p for p in points if p]) < 2 or len(points) == len(parts):
        return None  # (sections that are all points: each its own record, read line by line by _ini_keys)
    return {**chart, **({"legend": legend} if legend else {}), **({"reference_lines": refs} if refs else {}),
            **({"trend_lines": trends} if trends else {}), "points": [p for p in points if p]}


NONE_VALUE_RE = re.compile(r"\(?\s*(?:none|n/a|no title|-+)\s*\)?", re.IGNORECASE)


def _ini_keys(info: str, content: str) -> str | None:
    """An INI-like block (sections in brackets over "key = value" lines, no other line) with each "key = value"
    written "key: value", as the YAML-like blocks a description holds are; None for any other block."""
    lines = [src for src in content.split("\n") if src.strip()]
    if info.lower() not in _INI_INFOS or len(lines) < 2 or \
            not all(_INI_LINE_RE.match(src) for src in lines):
        return None
    return "\n".join(_INI_LINE_RE.sub(lambda m: f"{m['key']}: {m['value']}" if m["key"] else _ini_section(m.group()),
                                      src) for src in content.split("\n"))


# (a bare value runs to the next key: "x=165 Wh/kg   y=$98/kWh", "highlighted=yes (enlarged, bold label)"; a
# semicolon in one says the fields are set apart otherwise: "site=Alkali Flat; land use=Grassland")
_LOGFMT_PAIR_RE = re.compile(r'\s*(?P<key>[A-Za-z_][\w.-]*)=(?:"(?P<quoted>[^"]*)"|'
                             r'(?P<bare>[^\s"=;]+(?:\s+[^\s"=;]+)*?)(?=\s+[A-Za-z_][\w.-]*=|\s*$))')


def _logfmt(line: str) -> dict[str, str] | None:
    """A line of space-separated key=value pairs, values quoted when they hold spaces (logfmt: 'label="Aster-1"
    group="Expendable small" payload=850kg cost=38.5'), three pairs or more, nothing else: its fields."""
    pairs = list(_LOGFMT_PAIR_RE.finditer(line))
    if len(pairs) < 3 or "".join(m.group() for m in pairs).strip() != line.strip():
        return None
    return {m["key"]: m["quoted"] if m["quoted"] is not None else m["bare"] for m in pairs}


def _ini_section(head: str) -> str:
    """"[Conformer-L CTC]" heads its point's keys: the point's name; "[record 3]" only numbers them."""
    name = head.strip().strip("[]").strip()
    return head if _SECTION_NUMBER_NAME_RE.fullmatch(name) else f"label: {name}"


_SECTION_NUMBER_NAME_RE = re.compile(r"(?:record|point|row|entry|item|sample|run)\s*\d+", re.IGNORECASE)


def _loose_object(line: str) -> dict[str, str] | None:
    """'{"team": "Harbor City Gulls", "payroll": "$312.5M", "wins": 101}' or '{type: trend, fit: linear}'."""
    m = _OBJECT_RE.match(line)
    if m is None:
        return None
    out: dict[str, str] = {}
    for part in _split_fields(m.group("body")):
        key, sep, value = part.partition(":")
        if not sep:
            return None
        out[key.strip().strip("\"'")] = value.strip().strip("\"'")
    return out or None


def _split_fields(body: str) -> list[str]:
    """Split at commas outside quotes and brackets."""
    parts, depth, quote, start = [], 0, "", 0
    for i, ch in enumerate(body):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'" and not (ch == "'" and i and body[i - 1].isalnum()):  # "Hawke's Bay" opens no quote
            quote = ch
        elif ch in "[(":
            depth += 1
        elif ch in "])":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(body[start:i])
            start = i + 1
    parts.append(body[start:])
    return [p for p in parts if p.strip()]


def _line_kind(obj: dict[str, str], listed_as: str = "") -> str:
    """What kind of line an object describes: its "type", "kind" or "orientation", or the name of the list it
    is in ("reference_lines": [{"orientation": ..., "value": ...}])."""
    kind = " ".join(obj.get(k, "") for k in ("type", "kind", "orientation", "direction")).replace("_", " ").strip()
    return kind if _LINE_KIND_RE.search(kind) else f"{kind} {listed_as}".strip()


def _line_sentence(obj: dict[str, str], listed_as: str = "") -> str:
    """A line described as an object, said as the sentence a description would use."""
    kind = _line_kind(obj, listed_as)
    # (matplotlib's codes too: "linestyle": ":" is dotted)
    style = " ".join(_CODE_STYLES.get(obj.get(k, ""), obj.get(k, "")) for k in ("style", "linestyle", "ls", "color",
                                                                               "colour")).strip()
    # a value placed by the line's orientation: a horizontal line's is a y, a vertical line's an x
    stated_axis = obj.get("axis", "").strip().lower()[:1]  # "axis": "y", "value": 250
    axis_of_value = stated_axis if stated_axis in ("x", "y") else \
        "y" if re.search(r"horizontal|hline", kind, re.IGNORECASE) else \
        "x" if re.search(r"vertical|vline", kind, re.IGNORECASE) else ""
    # ("value", or "at", "position", "level": {orientation: horizontal, at: 70.4})
    value = next((obj[k] for k in ("value", "at", "position", "level") if obj.get(k)), "")
    where = next((f"at {axis} = {obj[axis]}" for axis in ("x", "y") if obj.get(axis)), "") or \
        (f"at {axis_of_value} = {value}" if axis_of_value and value else "")
    over = next((obj[k] for k in ("over", "fitted_to", "fit_to", "fitted to", "members") if obj.get(k)), "")
    fitted = f" fitted to {over}" if over else ""
    ends = f" from {obj['start']} to {obj['end']}" if obj.get("start") and obj.get("end") else ""
    said = next((obj[k] for k in ("label", "text", "annotation", "name") if obj.get(k)), "")
    label = f', labelled "{said}"' if said else ""
    kind = re.sub(r"(?:reference\s+)?[_ -]?lines?$", "", kind).strip()  # "horizontal_line"
    noun = "trend line" if re.search(r"trend|fit|regression", kind, re.IGNORECASE) else f"{kind} line"
    return f"A {style} {noun}{fitted}{ends} {where}{label}.".replace("  ", " ")


# a list's own title on the line above it: "Respiratory", "Bodily fluids", "Open-weight models"
_SERIES_TITLE_RE = re.compile(r"[A-Z][\w&/'’–-]*(?:\s[\w&/'’()–-]+){0,3}")
# no digits, no sentence: "Ground-source", "Air-source (label: temperature, COP)"
# (a bracket of two numbers is a point's pair, not a remark: "Drug A 10 mg - (10, 37)" heads nothing)
_BARE_TITLE_RE = re.compile(r"[A-Z][\w&/'’-]*(?:\s[\w&/'’-]+){0,3}(?:\s\((?![^()]*\d[^()]*[,;][^()]*\d)[^()]*\))?")
_PLURAL_STYLE_RE = re.compile(r"\((?:[\w-]+\s+){0,3}(?:circles|squares|triangles|stars|dots|points|markers|diamonds|"
                              r"crosses|hexagons|pentagons)\)$", re.IGNORECASE)
_OURS_STYLE_RE = re.compile(r"^(?:ours|our\s+\w+|proposed)\s*\((?:[\w-]+\s+){0,3}"  # "Ours (red star)"
                            r"(?:circle|square|triangle|star|dot|point|marker|diamond|cross|hexagon|pentagon)\)$",
                            re.IGNORECASE)
# a series' name and its style set apart by a dash or colon ("Raptors — dark red diamonds"), or its glyph after it
# ("Titanium alloys ▲")
_DASHED_STYLE_RE = re.compile(r"(?P<name>[^—–:()\d]{2,60}?)\s*(?:[—–]|\s-)\s*(?P<style>[^()\d]{2,40})")
_STYLE_KEY_RE = re.compile(r"(?:markers?|symbols?|colou?rs?|shapes?|styles?|legend|key|glyphs?)", re.IGNORECASE)
_GLYPH_TAIL_RE = re.compile(r"(?P<name>[^—–:()\d]{2,60}?)\s+(?P<style>[" + MARKER_GLYPHS + r"])")


def _styled_header(text: str) -> str | None:
    """A line naming a series and its style alone, as "Name (style)", the way a header reads; else None."""
    m = _DASHED_STYLE_RE.fullmatch(text.rstrip(" .:")) or _GLYPH_TAIL_RE.fullmatch(text.rstrip(" .:"))
    if m is None or not _BARE_TITLE_RE.fullmatch(m.group("name").strip()) or not is_style_only(m.group("style")) \
            or _STYLE_KEY_RE.fullmatch(m.group("name").strip()):  # "Marker ●" names no series
        return None
    return f"{m.group('name').strip()} ({m.group('style').strip()})"


# a series' glyph in a bracket, "Ours (★)", "BGE family (■):"; and a remark of a sentence after it ("consistently ~2–4
# points above E5 at the same dimension.": its numbers place nothing)
_GLYPH_BRACKET_RE = re.compile(r"\(\s*[" + MARKER_GLYPHS + r"]\s*\)")
_REMARK_SENTENCE_RE = re.compile(r"\s*:?\s*(?=[a-z][^.]*\s)[a-z][^:;()\[\]]{8,200}\.\s*")  # ("intermediate values.")
# what may follow a bold header: nothing, a colon, a remark in brackets
_REMARK_RE = re.compile(r"\s*:?\s*(?:\([^()]*\))?\s*:?\s*")


# a line that starts with a key of any case: "family: Sparse", "event: Landers 1992; Mw: 7.3"
# (or a number as the key, a year or an id labelling a point: "1995: 0.6 GW; $6.10/W")
_ANY_KEY_RE = re.compile(r"^\s*(?:[A-Za-z][\w.()/-]*(?:\s[\w.()/-]+){0,2}\s*(?::\s|=)|"
                         r"\d[\w.-]*(?:\s[\w.()/-]+){0,2}:\s)")
_JOIN_START_RE = re.compile(r"^(?:and|or|but|which|that|with|of|in|to|for|at|by|as|from|than|while|where|when)\b")
_JOIN_END_RE = re.compile(r"\b(?:a|an|the|and|or|of|to|in|at|by|with|for|as|from|is|are|was|were|its|their)$")
_COLUMN_GAP_RE = re.compile(r"\s{2,}|\t")
_ARROW_KEY_RE = re.compile(r"^([^\s:→]{1,24})\s*(?:→|->|=>)\s*")
# "Alpine ........ purple", "Post-hole 4 ....... 3.6K", "Mediterranean . gold"; not two dots between two numbers,
# a range: "0 .. 110"
_LEADER_RE = re.compile(r"\s*\.{3,}\s*|(?<!\d)(?<!\d\s)(?<!\d\s\s)\s*\.\.\s*|\s*\.\.\s*(?!\s*[-−]?\d)|\s\.\s")


def _headed(header: list[str], rows: list[list[str]], lines: list[int]) -> tuple[list[str], list[list[str]], list[int]]:
    """A table's header: the one named above it when it has a cell per column, else the first row when it
    holds no number, else none (the table rule then reads x and y in column order, and says so)."""
    width = len(rows[0])
    if len(header) == width:
        return header, rows, lines
    if any(_VALUE_CELL_RE.match(c) for c in rows[0]):  # (a name's digits are no value: "median_rent_eur_m2")
        return [""] * width, rows, lines
    return rows[0], rows[1:], lines[1:]


_VALUE_CELL_RE = re.compile(r"\s*[~≈]?\s*[-−+]?[$€£]?\d")  # a cell led by a value
# a decimal comma: "18,40", "38,5", "-0,84" (a comma before other than three digits; "1.250,5" too)
_DECIMAL_COMMA_RE = re.compile(r"[~≈]?\s*[-−+]?\d+,(?:\d{1,2}|\d{4,})\s*%?")
_NUMBER_CELL_RE = re.compile(r"\s*[~≈]?\s*[-−+]?\d[\d.,]*\s*%?\s*")
_DOTTED_THOUSANDS_RE = re.compile(r"\d{1,3}(?:\.\d{3})+(?!\d)")
_COMMA_NUMBER_RE = re.compile(r"(?P<lead>[~≈]?\s*[-−+]?)(?P<int>\d{1,3}(?:\.\d{3})+|\d+),(?P<frac>\d+)")


def _decimal_points(rows: list[list[str]]) -> list[list[str]]:
    """A table written with decimal commas ("18,40;38,5", thousands set apart by dots): its numbers with points."""
    if not any(_DECIMAL_COMMA_RE.fullmatch(c) for row in rows for c in row):
        return rows
    def point(cell: str) -> str:
        if not _NUMBER_CELL_RE.fullmatch(cell):
            return cell  # a name's digits stay: "1,2-diol"
        if "," not in cell:
            return cell.replace(".", "") if _DOTTED_THOUSANDS_RE.search(cell) else cell  # "18.400" is 18400
        return _COMMA_NUMBER_RE.sub(lambda m: f"{m['lead']}{m['int'].replace('.', '')}.{m['frac']}", cell)
    return [[point(c) for c in row] for row in rows]


_CELL_RE = re.compile(r"\S+(?:[ \t]\S+)*")  # a cell: words one space apart


def _fixed_columns(raw: list[str]) -> list[list[str]] | None:
    """A header line of names over rows aligned under it, some rows short of trailing cells (an empty "note"
    column): each cell goes to the column whose name starts where it starts. The header and the rows, or None."""
    indent = min(len(src) - len(src.lstrip()) for src in raw[1:] if src.strip())
    head = [(m.start(), m.group()) for m in _CELL_RE.finditer(raw[0].strip())]
    if len(head) < 3 or 2 * sum(bool(_DIGIT_RE.search(name)) for _, name in head) >= len(head):
        return None  # a header is names ("emissions [kt CO2e]" may hold a digit), not a row of values
    starts = [at for at, _ in head]
    rows = []
    for src in raw[1:]:
        row = [""] * len(head)
        for m in _CELL_RE.finditer(src[indent:]):
            col = max((j for j, at in enumerate(starts) if at <= m.start() + 2), default=-1)
            if col < 0 or row[col]:
                return None  # a cell before the first column, or two in one: not aligned
            row[col] = m.group()
        if not _DIGIT_RE.search(src) or sum(bool(c) for c in row) < 3:
            return None
        rows.append(row)
    return [[name for _, name in head], *rows]


def _lex_has_value(text: str) -> bool:
    """A number stands in the text as a value (not the 1 of "M1" or "CA1", names of a series)."""
    return bool(_DIGIT_RE.search(text)) and bool(lex(text))


def _aligned_run(lines: list[tuple[int, int, str]]) -> set[int] | None:
    """The longest run of three or more sibling lines at the outermost indent, cut by runs of spaces into the same
    number of cells, three or more, each line with a number: the rows of a plain-text table."""
    best: list[int] = []
    run: list[int] = []
    top = min((indent for _, indent, _ in lines if indent >= 2), default=0)
    width = 0  # the cells of the run's lines
    for k, (_, indent, src) in enumerate(lines):
        cells = len(_COLUMN_GAP_RE.split(src))
        # (rows nested under a group's line, "Shelf" > "CTD 03 ...", stay items under it)
        if indent != top or cells < 3 or not _DIGIT_RE.search(src) or ":" in src:
            run = []
            continue
        if cells != width:
            run, width = [], cells
        run.append(k)
        if len(run) > len(best):
            best = list(run)
    return set(best) if len(best) >= 3 else None


def _as_keyed(text: str) -> str:
    """A plain-text list line with its key and value joined as a key's colon: "x → Dose" and "Alpine ....
    purple pentagons" and "horizontal   "Area"   logarithmic" -> "x: Dose", "Alpine: purple pentagons",
    'horizontal: "Area", logarithmic'."""
    text = _ARROW_KEY_RE.sub(r"\1: ", text, count=1)
    text = _LEADER_RE.sub(": ", text, count=1)
    if ":" not in text and "=" not in text and (cells := _COLUMN_GAP_RE.split(text)) and len(cells) >= 2:
        rest = ", ".join(cells[1:])
        rest = re.sub(r",\s+(?=\()", " ", rest)  # "LA   (local-authority maintained)": a remark on the cell before
        text = f"{cells[0]}: {rest}"
    return text


# "..., 850 m", "..., 14.9 kWh/100 km" (a unit per a count)
_DATA_PAIR_LINE_RE = re.compile(r"^(?-i:[A-Z0-9])[^()\[\].!?]{0,50}?\s*(?:=|->|→|=>|⇒|[-–—])?\s*"
                                r"[(\[][^()\[\]]*\d[^()\[\]]*,[^()\[\]]*\d[^()\[\]]*[)\]]\s*\.?$")
_RULE_LINE_RE = re.compile(r"\s*[-=_~+|]{3,}(?:\s+[-=_~+|]{3,})*\s*")  # "------  ------", "=====", "---+---"
_REMARK_CELL_RE = re.compile(r"[(\[][^()\[\]]{1,40}[)\]]")


def _without_rules(content: str) -> tuple[list[int], list[str]]:
    """A block's lines that are no rule of dashes, equals signs or bars, and where each stands in the block."""
    kept = [(k, src) for k, src in enumerate(content.split("\n")) if not _RULE_LINE_RE.fullmatch(src)]
    return [k for k, _ in kept], [src for _, src in kept]
# an axis's line of a plain-text layout, its title after a gap or quoted: 'vertical     "Incidence"   log   0.1 to 1000'
_AXIS_COLUMNS_RE = re.compile(r"(?:x|y|horizontal|vertical)(?:[\s-]*axis)?(?: {2,}|\s*[\"“])", re.IGNORECASE)
_LOWER_KEY_RE = re.compile(r"[a-z][\w()/%-]*(?:\s[\w()/%-]+){0,3}:\s")
_DATA_ROW_RE = re.compile(r"(?:[(\[]|[A-Z0-9])[^\n]{2,120}?(?:[\d%)\]]|\d\s?[A-Za-zµ°/%²³]{1,6})\s*\.?|"
                          r"[(\[][^()\[\]\n]*\d[^()\[\]\n]*[,;][^()\[\]\n]*\d[^()\[\]\n]*[)\]]\s*[-—–:]?\s*[^\W\d][^()\[\]\n]{0,60}")
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
# (or a range: "Y-axis: Wins, 55 to 105" then "Horizontal red dashed line at 81, ...")
_ENDS_IN_VALUE_RE = re.compile(r"[:,]\s*[-−~≈]?\d[\d.,]*(?:\s*(?:to|–|—)\s*[-−]?\d[\d.,]*)?\s*"
                               r"(?:%|[A-Za-zµ°/²³⁻¹]{1,8}(?:(?<=/)\d{1,6}\s?[A-Za-z]{1,6})?)?\s*$")


# (or a line of what the chart lacks: "no trend line, no legend")
_PAIR_RE = re.compile(r"[(\[]\s*[-−~≈]?\d[^()\[\]]*[,;]\s*[-−~≈]?\d[^()\[\]]*[)\]]")
# a sentence's opening: a determiner, then a word ("A dashed ...", "The fit ...", "No reference line ...")
_SENTENCE_START_RE = re.compile(r"(?:A|An|The|This|These|Each|All|Both|No|Two|Three)\s+(?-i:[a-z])")
_SHORT_STATEMENT_RE = re.compile(r"[A-Z][\w' -]{2,40}\.|[Nn]o\s[\w' ,-]{2,60}\.?")


_LOG_TAG_RE = re.compile(r"\s*\[[\w .:-]{1,20}\]\s")  # "[plot] xlabel=...": a log's line, each a line of its own
_SEPARATOR_LINE_RE = re.compile(r"\s*(?:-{3,}|={3,}|\*{3,}|~{3,}|#{3,}\s)")  # "--- record 2", "=== Lot 3 ==="
# Plot settings written as matplotlib code, as a script's log or a notebook prints them: "xlabel='Sparsity (%)'",
# "plt.xlim(0, 95)", "ax.set_xticks([0, 20, 40])", "title=None", "axhline(y=76.1, ls='--', color='black', ...)"
_PLOT_CODE_RE = re.compile(r"[xy](?:label|lim|ticks|scale)\s*[=(]|title\s*=\s*None\b|"
                           r"ax[hv]line\s*\(|->\s*colou?r\s*=|\bls\s*=\s*['\"]")
_PLOT_CODE_WORDS = ("label", "lim", "ticks", "scale", "None", "line(", "->", "ls")  # one is in every such line


def _plot_code(src: str) -> bool:
    """The line sets a plot up in matplotlib's words (a cheap test for the words first: most lines have none)."""
    return any(word in src for word in _PLOT_CODE_WORDS) and _PLOT_CODE_RE.search(src) is not None


_QUOTED = r"(?P<q>['\"])(?P<v>.*?)(?P=q)"
_CODE_AXIS_RES = [
    (re.compile(r"\b(?:set_)?(?P<ax>[xy])label\s*(?:=\s*|\(\s*)" + _QUOTED), "{v}"),
    (re.compile(r"\b(?:set_)?(?P<ax>[xy])lim\s*(?:=\s*\(?|\(\s*\(?)\s*(?P<a>-?[\d.e+]+)\s*,\s*(?P<b>-?[\d.e+]+)"),
     "range {a} to {b}"),
    (re.compile(r"\b(?:set_)?(?P<ax>[xy])ticks\s*(?:=\s*|\(\s*)\[(?P<v>[^\]]*)\]"), "ticks {v}"),
    (re.compile(r"\b(?:set_)?(?P<ax>[xy])scale\s*(?:=\s*|\(\s*)" + _QUOTED), "{v} scale"),
]
_CODE_STYLES = {"--": "dashed", ":": "dotted", "-.": "dash-dot", "-": "solid"}
_CODE_KWARG_RE = re.compile(r"\b(?P<k>ls|linestyle|colou?r|c|label|marker|y|x)\s*=\s*"
                            r"(?:" + _QUOTED + r"|(?P<n>-?[\d.e+]+))")


def _plot_code_said(src: str) -> str:
    """The plotting code's settings as the sentences a description would use."""
    said: dict[str, list[str]] = {"x": [], "y": []}
    for pattern, form in _CODE_AXIS_RES:
        for m in pattern.finditer(src):
            said[m.group("ax").lower()].append(form.format(**m.groupdict()))
    parts = [f"{ax.upper()} axis: {', '.join(v)}" for ax, v in said.items() if v]
    if re.search(r"\btitle\s*=\s*None\b", src):
        parts.append("No title")
    kw = {m.group("k"): (m.group("v") if m.group("v") is not None else m.group("n"))
          for m in _CODE_KWARG_RE.finditer(src)}
    color = re.sub(r"^(?:tab|xkcd|css4):", "", kw.get("color") or kw.get("colour") or kw.get("c") or "")  # "tab:blue"
    style = " ".join(w for w in (_CODE_STYLES.get(kw.get("ls") or kw.get("linestyle") or "", ""), color) if w)
    label = f', labelled "{kw["label"]}"' if kw.get("label") else ""
    if (line := re.search(r"\bax(?P<hv>[hv])line\s*\(", src)) is not None:
        which = "y" if line.group("hv") == "h" else "x"
        where = kw.get(which) or next(iter(re.findall(r"\(\s*(-?[\d.e+]+)", src[line.start():])), "")
        parts.append(f"A {style} {'horizontal' if which == 'y' else 'vertical'} line at {which} = {where}{label}")
    elif (series := re.search(r"(?P<name>[\w .+()-]+?)\s*->\s*colou?r\s*=", src)) is not None:
        marker = MARKER_CODE_WORDS.get(kw.get("marker", ""), kw.get("marker", ""))
        extra = " (highlighted)" if "highlight" in src.lower() else ""
        parts.append(f"Legend: {series.group('name').split(':')[-1].strip()} = {style} {marker}{extra}")
    elif re.search(r"\bfit\b", src) and (over := re.search(r"\bseries\s*=\s*([\w .+()-]+?)\s*(?:,|$)", src)):
        parts.append(f"A {style} trend line fitted to the {over.group(1)} points{label}")
    return ". ".join(parts) if parts else src


# a key set apart from its value by dot leaders, as plain text aligns them: "y-axis ..... "List price"", "legend ..... "
_LEADER_KEY_RE = re.compile(r"[A-Za-z][\w/-]*(?: [\w/-]+){0,2}\s*\.{3,}\s")


_LOOK_DASH_RE = re.compile(r"([^-—–=:]{2,40}?)(?:\s+[-—–=]\s+|[ \t]{2,})\S")  # ("Blue = Europe" too)


def _lines(src: str) -> list[tuple[int, str]]:
    """A paragraph's source, cut where a line starts a new key; (line offset, text) for each piece.

    "**X-axis:** ...\n**Y-axis:** ..." is one markdown paragraph but two facts.
    """
    groups: list[tuple[int, list[str]]] = []
    raw = src.split("\n")
    # lines of data, each a name and two or more values ending the line ("Drug A → dose 10, reduction 37",
    # "(10, 37) Drug A"): two or more in a row are lines of their own, however they join
    rows = [_DATA_ROW_RE.fullmatch(line.strip()) is not None and len(_NUMBER_RE.findall(line)) >= 2 for line in raw]
    for k, line in enumerate(raw):
        # a line of data ends with its values, so a capitalised line after one starts anew: "Wheat: (240, 2.1),
        # (380, 3.9)" then "Extra maize point at ..." (prose wrapped mid-sentence does not end in a bracket)
        # (or a line that ends in a value: "AS-01: −15, 2.0 · AS-05: 12, 4.7" then "AS-06 was tested at ...")
        # (or a point's line ending its sentence: "Elephant: Approximately (3,800 kg, 2,300 W)." then "The black
        # dashed line is fitted ...", a lazy line markdown would join to the item)
        # (or a quoted label: 'Horizontal red dashed line at 81, labeled ".500 record"' then "All teams are ...")
        after_data = bool(groups) and (groups[-1][1][-1].rstrip().endswith((")", ":", ").", "].", '"', "”")) or
                                       _ENDS_IN_VALUE_RE.search(groups[-1][1][-1])) and line.lstrip()[:1].isupper()
        # (a sentence after a line holding a pair, whatever that line ends with: "- GDDR7: (24, 32), GDDR" then "A
        # dashed blue line is fitted ...", "- Ours (3, 9) — proposed" then "The trend line ...")
        if groups and not after_data and _SENTENCE_START_RE.match(line.lstrip()):
            last = groups[-1][1][-1].rstrip()
            after_data = _PAIR_RE.search(last) is not None and not _JOIN_END_RE.search(last) and \
                not last.endswith((",", ";", "-", "–", "—", "."))
        # (a short sentence on a line of its own under a key line: "navy circles = Open list" then "No trend line.")
        statement = bool(groups) and _SHORT_STATEMENT_RE.fullmatch(line.strip()) is not None and (
            _KEY_LINE_RE.match(groups[-1][1][0].lstrip()) is not None
            or _LOWER_KEY_RE.match(groups[-1][1][0].lstrip()) is not None) and not groups[-1][1][-1].rstrip().endswith(
                (",", ";", "-"))
        # (a name and its pair, a line of data of its own: "Measured systems" then "Falcon-Lite (120, 71.5)")
        data = bool(groups) and _DATA_PAIR_LINE_RE.match(line.strip()) is not None and \
            not _JOIN_END_RE.search(groups[-1][1][-1].rstrip()) and not groups[-1][1][-1].rstrip().endswith(",")
        data = data or (rows[k] and bool(groups) and (rows[k - 1] or (k + 1 < len(raw) and rows[k + 1])))
        # (a lower-case key under a keyed line: "Point: RM-125M" then "  group: Scalar RM", a record's fields)
        data = data or (bool(groups) and _LOWER_KEY_RE.match(line.lstrip()) is not None and (
            _KEY_LINE_RE.match(groups[-1][1][-1].lstrip()) is not None
            or _LOWER_KEY_RE.match(groups[-1][1][-1].lstrip()) is not None))
        # (a separator line, "--- record 2" or "=====", stands alone, and so does the line after it)
        apart = _SEPARATOR_LINE_RE.match(line) is not None or (
            k > 0 and _SEPARATOR_LINE_RE.match(raw[k - 1]) is not None) or _LOG_TAG_RE.match(line) is not None
        # (a key's entry, a look then a dash or a gap and a name, under "legend:" or another entry: "blue circle -
        # Whisper family" then "green square - self-supervised"; "brown circle    Tell Amar"; under "**Legend:**",
        # "Blue = Europe" then "Orange = Asia")
        look = _LOOK_DASH_RE.match(line.strip())
        entry = bool(groups) and look is not None and (  # (the cheap tests first: this runs on every line)
            raw[k - 1].rstrip(" *_").endswith(":") or _LOOK_DASH_RE.match(raw[k - 1].strip()) is not None) \
            and is_style_only(look.group(1))
        if not groups or after_data or statement or data or apart or entry or _KEY_LINE_RE.match(line.lstrip()) or \
                _OUTLINE_RE.match(line.lstrip()) or _LEADER_KEY_RE.match(line.lstrip()) or \
                _AXIS_COLUMNS_RE.match(line.lstrip()):
            groups.append((k, [line]))
        else:
            groups[-1][1].append(line)
    return [(k, "\n".join(lines)) for k, lines in groups]


# Inline markdown, read with a few patterns: markdown-it's own inline pass cost more than all the
# parse rules together, and redraw needs only the text and a leading bold span. A span is at most SPAN
# characters long: an opener with no closer then costs SPAN steps, not the rest of the text (unbounded,
# 8 KB of backticks took 12 s and 16 KB of "**a " 2.3 s, growing with the cube and the square of the size).
SPAN = 500
# a code span closes with a run of exactly its own backticks (CommonMark); only a whole run opens one
_CODE_RE = re.compile(rf"(?<!`)(`+)(?!`)(.{{1,{SPAN}}}?)(?<!`)\1(?!`)", re.DOTALL)
_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_AUTOLINK_RE = re.compile(r"<((?:https?|ftp|mailto):[^>\s]*)>")
_BR_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG_RE = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")
# A span's text never holds its own delimiter, except a single '*' in bold or a '_' inside a word (snake_case): an
# opener then costs the steps to the next delimiter, not SPAN ("**a **a **a": each opener fails at once).
_STRONG_BODY = (rf"(?:\*\*(?=\S)((?:[^*]|\*(?!\*)){{1,{SPAN}}}?)(?<=\S)\*\*|"
                rf"__(?=\S)((?:[^_]|_(?!_)){{1,{SPAN}}}?)(?<=\S)__)")
_STRONG_RE = re.compile(_STRONG_BODY)
_EM_RE = re.compile(rf"(?<![\w*\\])\*(?=[^\s*])((?:[^*]|(?<=\w)\*(?=\w)){{1,{SPAN}}}?)(?<=[^\s*\\])\*(?![\w*])|"
                    rf"(?<![\w\\])_(?=[^\s_])((?:[^_]|(?<=\w)_(?=\w)){{1,{SPAN}}}?)(?<=[^\s_\\])_(?!\w)")
_ESCAPE_RE = re.compile(r"\\([!-/:-@\[-`{-~])")
_BREAK_RE = re.compile(r"[ \t]*\n[ \t]*")
_LEAD_RE = re.compile("^" + _STRONG_BODY)


# a tag that colours its text: <span style="color:orange">, <font color="red"> (not a background colour)
_COLOR_TAG_RE = re.compile(r"<(span|font)\b[^<>]*?(?<![-\w])colou?r\s*[:=]\s*[\"']?\s*(#?[\w]+)[^<>]*>"
                           rf"(.{{0,{SPAN}}}?)</\1\s*>", re.IGNORECASE | re.DOTALL)


def _tag_colours(text: str) -> str:
    """The colour a tag gives its text, said in words: '<span style="color:orange">&#9679;</span> Africa' ->
    "● orange Africa" (inline HTML in markdown, and HTML blocks)."""
    return _COLOR_TAG_RE.sub(_coloured, text) if "color" in text else text


def _coloured(m: re.Match[str]) -> str:
    """A coloured glyph is a key's marker in that colour ("● orange"); coloured words carry it in brackets."""
    color, inner = m.group(2), m.group(3).strip()
    glyph = html.unescape(inner)
    return f"{glyph} {color}" if len(glyph) == 1 and not glyph.isalnum() else f"{inner} ({color})"


def _group1(m: re.Match[str]) -> str:  # a function is twice as fast as the template r"\1" in re.sub
    return m.group(1)


def _either(m: re.Match[str]) -> str:
    """The text of a span whose pattern has one group per delimiter ('**' or '__', '*' or '_')."""
    return m.group(1) if m.group(1) is not None else m.group(2)


def _plain(src: str) -> str:
    text = src
    if "`" in text:
        text = _CODE_RE.sub(lambda m: m.group(2).strip(), text)
    if "](" in text:
        text = _LINK_RE.sub(_group1, text)
    if "<" in text:
        text = _tag_colours(text)  # '<span style="color:orange">&#9679;</span> Africa'
        text = _TAG_RE.sub("", _BR_RE.sub(" ", _AUTOLINK_RE.sub(_group1, text)))
    if "**" in text or "__" in text:
        text = _STRONG_RE.sub(_either, text)
        if "**" in text or "__" in text:  # "***both***" and bold inside bold
            text = _STRONG_RE.sub(_either, text)
    if text.count("*") > 1 or text.count("_") > 1:  # emphasis needs a pair
        text = _EM_RE.sub(_either, text)
    if "\\" in text:
        text = _ESCAPE_RE.sub(_group1, text)
    if "&" in text:
        text = html.unescape(text)  # "&amp;", "&lt;", "&#946;"
    if "\n" in text:
        text = _BREAK_RE.sub(" ", text)
    return text.strip()


_ARTICLE_BOLD_RE = re.compile(r"^(?:The|A|An)\s+(?=\*\*[^*\s]|__[^_\s])")


def _inline(src: str) -> tuple[str, str | None]:
    """Plain text of inline markdown and its leading bold span, if the text starts with one."""
    src = _ARTICLE_BOLD_RE.sub("", src.strip())  # "The **Clyde** (green triangle) is ...": the bold is the name
    text = _plain(src)
    m = _LEAD_RE.match(src) if src.startswith(("**", "__")) else None
    if not m:
        return text, None
    lead = _plain(_either(m)).strip("*_ ")
    # "**Name (Star):** (3, 35)": the colon after the bold belongs to the lead
    if src[m.end(): m.end() + 1] in (":", ".") and src[m.end(): m.end() + 1]:
        lead += src[m.end()]
    return text, (lead or None)


class _HtmlTable(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[list[str], bool, int]] = []
        self._cell: list[str] | None = None
        self._row: list[str] = []
        self._head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self._row, self._head = [], False
        elif tag in ("td", "th"):
            self._cell = []
            self._head = self._head or tag == "th"
        elif tag == "sup" and self._cell is not None:
            self._cell.append("^")  # "2.7×10<sup>20</sup>": 2.7×10^20

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr":
            self.rows.append((self._row, self._head, self.getpos()[0]))

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


_HTML_TABLE_RE = re.compile(r"<table\b.*?</table\s*>", re.IGNORECASE | re.DOTALL)
_HTML_MARKDOWN: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [  # (tag, its markdown), in order
    (re.compile(r"<sup>\s*", re.IGNORECASE), "^"),  # "10<sup>21</sup>": 10^21
    (re.compile(r"</?(?:b|strong)>", re.IGNORECASE), "**"),
    (re.compile(r"<h([1-6])\b[^<>]*>", re.IGNORECASE), lambda m: "\n\n" + "#" * int(m.group(1)) + " "),
    (re.compile(r"<li\b[^<>]*>", re.IGNORECASE), "\n- "),
    # a definition list, "<dt>QNet-Dist</dt><dd>Model-free; 50M steps; 131%</dd>": a line "QNet-Dist: Model-free; ..."
    (re.compile(r"</dt>\s*<dd\b[^<>]*>", re.IGNORECASE), ": "),
    (re.compile(r"<br\s*/?>", re.IGNORECASE), "\n"),
    (re.compile(r"</?(?:p|div|h[1-6]|ul|ol|li|section|article|blockquote|figure|figcaption|caption)\b[^<>]*>",
                re.IGNORECASE), "\n\n"),
    (re.compile(r"<[^<>]+>"), ""),
]


def _html_markdown(content: str) -> str:
    """The markdown an HTML fragment stands for: headings, paragraphs, list items, bold, superscripts, the
    colour a span gives its text."""
    content = _tag_colours(content)
    for tag, mark in _HTML_MARKDOWN:
        content = tag.sub(mark, content)
    lines = [" ".join(src.split()) if not src.lstrip().startswith("- ") else "- " + " ".join(src.split()[1:])
             for src in content.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


# the marks of an HTML comment, processing instruction, CDATA section or declaration: no text of their own
_HTML_OPAQUE_RE = re.compile(r"<!--|-->|<\?|\?>|<!\[CDATA\[|\]\]>|<!(?=[A-Za-z])")


def _html_table(html: str, line: int) -> Block | None:
    parser = _HtmlTable()
    parser.feed(html)
    rows = [r for r in parser.rows if r[0]]
    if len(rows) < 2:
        return None
    header = rows[0][0]
    body = [r[0] for r in rows[1:]]
    return Block("table", html, line, header=header, rows=body,
                 row_lines=[line + r[2] - 1 for r in rows[1:]])


class _Walker:
    """Walks markdown-it tokens once, keeping the heading path and the headers in force."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.headings: list[tuple[int, str]] = []
        self.heading_texts: tuple[str, ...] = ()
        self.pseudo: str | None = None           # bold-only paragraph, e.g. "**Models (Blue Points):**"
        self.item_headers: dict[int, str] = {}   # bold-only list item per depth, e.g. "**Our Model:**"
        self.parents: list[str] = []             # text of enclosing list items
        self.list_depth = -1
        self.item_has_para: list[bool] = []
        self.intro: str | None = None            # paragraph ending in ":" right before a list
        self.outline_depths: dict[str, int] = {}  # list depth of the outline marks markdown does not know
        self.line_offset = 0                      # lines before the text walked (an HTML block's own markdown)
        self.deep_lines: list[int] = []           # where a list nested past LIST_DEPTH is read flattened
        self.html_depth = 0                       # HTML blocks read as markdown inside one another

    def context(self, depth: int | None) -> tuple[str, ...]:
        if depth is None and not self.pseudo:
            return self.heading_texts
        ctx = list(self.heading_texts)
        if self.pseudo:
            ctx.append(self.pseudo)
        if depth is not None:
            if self.intro and not (self.pseudo and self.intro.startswith(self.pseudo)):
                ctx.append(self.intro.rstrip(": "))
            if self.item_headers:
                ctx += [self.item_headers[d] for d in sorted(self.item_headers) if d <= depth]
            ctx += self.parents[:depth]
        return tuple(ctx)

    def add(self, kind: str, text: str, line: int, lead: str | None = None, *, info: str = "",
            header: list[str] | None = None, rows: list[list[str]] | None = None,
            row_lines: list[int] | None = None) -> Block:
        depth = self.list_depth if kind == "item" else None
        block = Block(kind, text, line, lead=lead, depth=max(depth or 0, 0), headings=self.heading_texts,
                      context=self.context(depth), header=header or [], rows=rows or [], row_lines=row_lines or [],
                      info=info)
        self.blocks.append(block)
        return block

    def walk(self, tokens: list[Token]) -> None:
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            line = (tok.map[0] + 1 + self.line_offset) if tok.map else 0
            if tok.type == "heading_open":
                text, _ = _inline(tokens[i + 1].content)
                # "### FID vs. NFE — Legend: gray ● Baselines · red ★ Ours": a title, then a key of its own
                key = _HEADING_KEY_RE.match(text)
                text = key.group("title") if key else text
                level = int(tok.tag[1])
                self.headings = [h for h in self.headings if h[0] < level] + [(level, text)]
                self.heading_texts = tuple(h for _, h in self.headings)
                self.pseudo, self.item_headers = None, {}
                self.add("heading", text, line)
                if key:
                    self.add("paragraph", f"Legend: {key.group('key')}" if key.group("glyphs") else key.group("key"),
                             line)
                i += 3
                continue
            if tok.type in ("bullet_list_open", "ordered_list_open"):
                self.list_depth += 1
                prev = self.blocks[-1] if self.blocks else None
                if self.list_depth == 0 and prev and prev.kind == "paragraph" and (
                        prev.text.endswith(":") or (prev.line == line - 1 and _SERIES_TITLE_RE.fullmatch(prev.text))):
                    self.intro = prev.text  # "Four labelled black circles:" or "Respiratory" names the list below
                elif self.list_depth == 0 and prev and prev.kind == "item" and prev.line == line - 1 \
                        and prev.text[:1] in _GLYPH_STARTS and not _TOKEN_NUMBER_RE.search(prev.text):
                    self.intro = prev.text  # "● Jetson Orin (GPU)" on its own line heads the list below
            elif tok.type in ("bullet_list_close", "ordered_list_close"):
                # a header item's scope outlives its list: "1. **Embedding**" then "- **KV-Mem**: (50, 0.2)" is
                # one flattened section; a paragraph or heading ends it
                self.item_headers = {d: h for d, h in self.item_headers.items() if d <= self.list_depth}
                self.list_depth -= 1
                if self.list_depth < 0:
                    self.intro = None
            elif tok.type == "list_item_open":
                self.item_has_para.append(False)
            elif tok.type == "list_item_close":
                self.item_has_para.pop()
                if len(self.parents) > self.list_depth:
                    self.parents = self.parents[: self.list_depth]
            elif tok.type == "paragraph_open":
                self.paragraph(tokens[i + 1], line)
                i += 3
                continue
            elif tok.type == "table_open":
                i = self.table(tokens, i)
                continue
            elif tok.type in ("fence", "code_block"):
                start = line + (1 if tok.type == "fence" else 0)
                described = _json_description(tok.info.strip(), tok.content) or \
                    _yaml_description(tok.info.strip(), tok.content) or \
                    _toml_description(tok.info.strip(), tok.content) or _ini_chart(tok.info.strip(), tok.content)
                if described is not None:
                    self.described(described, start)
                elif (keys := _ini_keys(tok.info.strip(), tok.content)) is not None:
                    self.loose(keys, start)
                elif _loose_structure(tok.info.strip(), tok.content):
                    self.loose(tok.content, start)
                elif _plot_code(tok.content):  # 'plt.xlabel("Dose (mg)")' line after line: settings
                    for offset, src in enumerate(tok.content.split("\n")):
                        if _plot_code(src):
                            self.paragraph_line(src, start + offset)
                elif not ("{" in tok.content and self.object_lines(tok.content.rstrip("\n"), start)) and \
                        not self.delimited(tok.content, start):  # (JSON Lines: one object a line, a table)
                    self.add("code", tok.content, start, info=tok.info.strip())
            elif tok.type == "html_block":
                self.html(tok.content, line)
            elif tok.type == "deep_list":
                self.deep_lines.append(line)
            i += 1

    def described(self, data: dict[str, object], line: int) -> None:
        """A whole chart described as one JSON object with the model's own keys: its axes and other keys said
        as the lines a description would write, each list of objects a table."""
        for key, value in data.items():
            name = key.replace("_", " ").strip()
            if isinstance(value, dict) and AXIS_JSON_KEY_RE.match(name) is None and not _style_map(value) and (
                    inner := _nested_points(value)) is not None:
                # "legend": {"position": "lower right", "entries": [{"name": ..., "color": ...}]}: the list is the
                # legend, the other keys its settings
                for k, v in value.items():
                    if isinstance(v, str | int | float) and not isinstance(v, bool):
                        self.paragraph_line(f"{name.capitalize()} {k.replace('_', ' ')}: {v}", line)
                value = inner
            if _objects(value):
                rows = [_json_row(v) for v in value]
                if any(_nested_points(v) for v in value):  # "series": [{"name", "color", "points": [...]}]
                    self.series(value, line)
                elif all(_LINE_KIND_RE.search(_line_kind(r, name)) for r in rows):
                    # "annotations": [{"type": "horizontal_line", "y": 78.2, "text": ...}], "reference_lines":
                    # [{"orientation": "horizontal", "value": 18.5, ...}]
                    for row in rows:
                        self.paragraph_line(_line_sentence(row, name), line)
                else:
                    if AXIS_JSON_KEY_RE.match(name) is None:
                        self.paragraph_line(f"{name.capitalize()}:", line)
                    self.records(rows, [line] * len(value))
            elif isinstance(value, dict) and (entries := _style_map(value)):
                # "varieties: {Pinot noir: {colour: purple, marker: circle}, ...}": names keyed to their looks, a
                # legend
                self.paragraph_line("Legend: " + "; ".join(entries), line)
            elif isinstance(value, dict):
                self.paragraph_line(_json_axis_line(name, value), line)
            elif isinstance(value, str | int | float) and not isinstance(value, bool) and str(value).strip():
                self.paragraph_line(f"{name.capitalize()}: {value}", line)

    def series(self, value: list[dict[str, object]], line: int) -> None:
        """Series as objects, each with its name, style and list of points: a legend line, then one table of
        every point with its series as a column."""
        entries, rows = [], []
        for series in value:
            points = _nested_points(series)
            if points is None:
                rows.append(_json_row(series))
                continue
            name = next((str(series[k]) for k in ("name", "label", "group", "series") if series.get(k)), "")
            style = " ".join(_marker_word(k, str(series[k])) for k in ("color", "colour", "marker", "shape", "symbol")
                             if series.get(k))
            if name and style:
                entries.append(f"{style} = {name}")
            rows += [{**_json_row(p), "series": name} if name else _json_row(p) for p in points]
        if entries:
            self.paragraph_line("Legend: " + "; ".join(entries), line)
        self.records(rows, [line] * len(rows))

    def loose(self, content: str, line: int) -> None:
        """A block of YAML-like keys and JSON-like objects that no parser takes as a whole: each "key: value"
        line a paragraph, each run of one-line objects a table, and objects that describe lines a sentence."""
        run: list[tuple[int, dict[str, str]]] = []
        axis = None  # "x_axis:" over "  label: ...", "  range: [0.2, 0.4]": the keys under it are the axis's
        axis_indent = 0  # (nested too: "chart:" over "  x:" over "    label: ...")
        parent = ""  # the key the objects below are listed under: "trend_lines:" over "- {fit: linear, ...}"
        for k, raw in enumerate([*content.split("\n"), ""]):
            obj = _loose_object(raw)
            if obj is not None:
                run.append((line + k, obj))
                continue
            keyed = _KEYED_LOOK_RE.match(raw)
            if keyed is not None and (look := _loose_object(keyed.group("look"))) is not None \
                    and (entry := _style_map({keyed.group("name").strip(): look})):
                self.paragraph_line(f"Legend: {entry[0]}", line + k)  # "  Pinot noir: {colour: purple, marker: circle}"
                continue
            if run:
                self.objects(run, parent)
                run = []
            text = _FLOW_RE.sub(" ", raw).strip().rstrip(",")
            item = _YAML_ITEM_KEY_RE.match(raw)
            if item is not None and not _NUMBER_ONLY_RE.fullmatch(item.group(2)):
                text = f"label: {item.group(2)}"  # "- site: Ames, IA" opens a record: its first key names it
            head = _YAML_PARENT_RE.match(raw)
            indent = len(raw) - len(raw.lstrip())
            if head is not None:
                axis = head.group(1) if AXIS_JSON_KEY_RE.match(head.group(1).replace("_", " ")) else None
                axis_indent, parent = indent, head.group(1).replace("_", " ")
                text = head.group(1).replace("_", " ") + ":"  # "trend_line:" heads what is under it as "trend line:"
            elif axis is not None and indent > axis_indent and ":" in text:
                # "x axis label: Income inequality ...", "range: [0.20, 0.40]" -> "x axis range: 0.20 to 0.40"
                pair = _YAML_RANGE_RE.match(raw.strip())
                text = f"{pair.group(1)}: {pair.group(2)} to {pair.group(3)}" if pair else text
                text = f"{axis.replace('_', ' ')} {text}"
            elif indent <= axis_indent:
                axis, parent = None, ""
            if text and any(ch.isalnum() for ch in text):
                self.paragraph_line(text, line + k)

    def objects(self, run: list[tuple[int, dict[str, str]]], listed_as: str = "") -> None:
        rows = [obj for _, obj in run]
        if all(_LINE_KIND_RE.search(_line_kind(obj, listed_as)) for obj in rows):
            # {type: "vertical", x: 162, style: "dashed", label: "median"}; or under "trend_lines:"
            for (at, obj) in run:
                self.paragraph_line(_line_sentence(obj, listed_as), at)
            return
        self.records(rows, [at for at, _ in run])

    def pipe_rows(self, content: str, line: int) -> bool:
        """Lines of cells between bars with no table rule, "ACT | 45 ms | 71% | blue circle", under a
        header line ("Points (label | latency | success | style):") or a first line of names: a table.
        The lines before them are read as usual."""
        offsets, raw = _without_rules(content)  # (an org-mode or ASCII table's rule, "|------+-----|", is no row)
        cells = [[c.strip() for c in src.strip().strip("|").split("|")] for src in raw]
        width = len(cells[-1])
        k = len(raw)
        while k > 0 and raw[k - 1].strip() and len(cells[k - 1]) == width:
            k -= 1
        if width < 3 or len(raw) - k < 2 or _record_fields(raw[-1].strip()) is not None:
            return False  # ("Model: Lark | Context: 16K | Accuracy: 0.6" is a record of keyed fields)
        for offset, src in _lines("\n".join(raw[:k])) if k else ():
            self.paragraph_line(src, line + offsets[offset])
        above = self.blocks[-1].text if self.blocks and self.blocks[-1].line < line + offsets[k] else ""
        named = _PIPE_HEADER_RE.search(above)
        header = [c.strip() for c in named.group(1).split("|")] if named else []
        header, rows, lines = _headed(header, cells[k:], [line + offset for offset in offsets[k:]])
        self.add("table", "", lines[0] if lines else line, header=header, rows=rows, row_lines=lines)
        return True

    def delimited(self, content: str, line: int) -> bool:
        """A block of lines cut by ";" (or tabs) into the same number of cells, three or more, with numbers in
        them ("DE-LU ; CWE ; -12.5 ; 78% ; 61"): a table. Its header is the bracket of the line above when it
        names as many columns ("Points (zone; legend group; price; renewable share; peak load):"), else the
        first line when it holds no number, else none (x and y in column order, warned)."""
        raw = [src for src in content.split("\n") if src.strip()]
        sep = next((c for c in (";", "\t") if raw and all(c in src for src in raw)), None)
        if sep is None or len(raw) < 2:
            return False
        cells = [[c.strip() for c in src.split(sep)] for src in raw]
        width = len(cells[0])
        if width < 3 or any(len(row) != width for row in cells):
            return False
        above = self.blocks[-1].text if self.blocks else ""
        named = re.search(r"\(([^()]*)\)\s*:?\s*$", above)
        header = [c.strip() for c in named.group(1).split(sep)] if named and sep in named.group(1) else []
        header, rows, lines = _headed(header, cells, list(range(line, line + len(cells))))
        if not any(_DIGIT_RE.search(c) for row in rows for c in row):
            return False
        if sep == ";":
            rows = _decimal_points(rows)  # "Northport;Coastal;18,40;38,5": commas the decimal mark
        self.add("table", "", lines[0] if lines else line, header=header, rows=rows, row_lines=lines)
        return True

    def records(self, rows: list[dict[str, str]], lines: list[int]) -> None:
        """Objects of fields as one table: every key a column, in the order first seen."""
        header = list(dict.fromkeys(key for row in rows for key in row))
        self.add("table", "", lines[0], header=header, rows=[[row.get(h, "") for h in header] for row in rows],
                 row_lines=lines)

    def paragraph(self, inline: Token, line: int) -> None:
        if "\n" not in inline.content:  # most are one line
            self.paragraph_line(inline.content, line)
            return
        if "|" in inline.content and self.pipe_rows(inline.content, line):
            return
        if "  " in inline.content and (self.column_rows(inline.content, line) or
                                       self.indented_lines(inline.content, line) or
                                       self.inner_table(inline.content, line)):
            return
        if ":" in inline.content and self.named_record(inline.content, line):
            return
        if "{" in inline.content and self.object_lines(inline.content, line):
            return
        if any(sep in inline.content for sep in _CSV_SEPARATORS) and self.csv_rows(inline.content, line):
            return
        pieces, raw = _lines(inline.content), inline.content.split("\n")
        # (every line after the first keyed: "Catalogue:" over "event: Landers; Mw: 7.3", "event: Napa; ...";
        # an indented line goes on the keyed line above it)
        starts = [k for k, src in enumerate(raw) if k == 0 or not src[:1].isspace()]
        if len(starts) < 2 or not all(_ANY_KEY_RE.match(raw[k]) for k in starts[1:]) or not (
                raw[0].endswith(":") or _ANY_KEY_RE.match(raw[0])):
            for offset, src in pieces:
                self.paragraph_line(src, line + offset)
                if offset == 0:
                    self._heads_lines(src)
            return
        for k, end in zip(starts, [*starts[1:], len(raw)], strict=True):  # "event: Landers; Mw: 7.3" line by line
            self.paragraph_line(" ".join(src.strip() for src in raw[k:end]), line + k)
            if k == 0:
                self._heads_lines(raw[0])

    def _heads_lines(self, src: str) -> None:
        """A longer line ending in a colon heads the lines right under it (paragraph_line takes a short one
        anywhere): "Points (orange circles, each labelled with the station name), latitude then trend:"."""
        text = src.strip()
        if self.list_depth < 0 and text.endswith(":") and len(text) <= 160 and not _lex_has_value(text):
            self.pseudo = text.rstrip(":. ")

    def object_lines(self, content: str, line: int) -> bool:
        """One JSON object per line outside a code block, as JSON Lines print: '{"label": "Placebo", "y": -0.1,
        "x": -0.9}' line after line is a table (a run of two or more); the other lines are read as usual."""
        raw = content.split("\n")
        objs = [_loose_object(src.strip()) for src in raw]
        if sum(o is not None for o in objs) < 2:
            return False
        run: list[tuple[int, dict[str, str]]] = []
        for k, (src, obj) in enumerate(zip([*raw, ""], [*objs, None], strict=True)):
            if obj is not None:
                run.append((line + k, obj))
                continue
            if len(run) >= 2:
                self.objects(run)
            elif run:  # one object alone is a line like any other
                self.paragraph_line(raw[k - 1], run[0][0])
            run = []
            if src.strip():
                self.paragraph_line(src, line + k)
        return True

    def named_record(self, content: str, line: int) -> bool:
        """A short name over keyed lines, indented or not: "Point 1" over "  label: BERT-base", "  throughput:
        620 samples/s", "  GLUE avg: 79.6": a record, each field a line of its own."""
        raw = content.split("\n")
        if len(raw) < 3 or ":" in raw[0] or len(raw[0].split()) > 4 or not all(
                _ANY_KEY_RE.match(src.strip()) for src in raw[1:]):
            return False
        for offset, src in enumerate(raw):
            self.paragraph_line(src.strip(), line + offset)
        return True

    def csv_rows(self, content: str, line: int) -> bool:
        """Lines of values set apart by commas, semicolons or tabs outside a code block, a header of names over
        rows of values ("district,spending_k,proficiency_pct" then "Alder Creek,9.8,28"; "trial;dose;ORR" then
        "NCT-1;0.5 mg/kg;4%", as a spreadsheet exports them): a table. The lines before are read as usual."""
        raw = content.split("\n")
        if len(raw) < 3:
            return False
        # the separator: the one that cuts the last line into the most cells (a comma inside "1,420" or a remark
        # loses to the semicolons of the row)
        sep = max(_CSV_SEPARATORS, key=lambda s: raw[-1].count(s))
        rows = list(csv.reader(raw, delimiter=sep))
        width = len(rows[-1])
        k = len(raw)
        while k > 0 and len(rows[k - 1]) == width:
            k -= 1
        header, body = rows[k] if k < len(raw) else [], rows[k + 1:]
        named = _BRACKET_HEADER_RE.search(raw[k]) if k < len(raw) else None
        if named is not None and len(cells := named.group(1).split(sep)) == width and all(
                _CSV_NAME_RE.fullmatch(c.strip()) for c in cells):
            # "Data (label; pLDDT; RMSD; marker). Three RMSDs were exported in nm ...": a sentence over the rows
            # names their columns in a bracket; the sentence itself is prose
            header, k = cells, k + 1
        if width < 3 or len(body) < 2 or any(_DIGIT_RE.search(c) for c in header) or not all(
                _CSV_NAME_RE.fullmatch(c.strip()) for c in header) or not all(
                sum(bool(_DIGIT_RE.search(c)) for c in row) >= 2 for row in body):
            return False
        for offset, src in _lines("\n".join(raw[:k])) if k else ():
            self.paragraph_line(src, line + offset)
        table = self.add("table", "", line + k, header=[c.strip() for c in header],
                         rows=[[c.strip() for c in row] for row in body],
                         row_lines=list(range(line + k + 1, line + len(raw))))
        if k and _CAPTION_RE.fullmatch(caption := raw[k - 1].strip()):
            # "series 1: Bilingual baseline (grey squares)" right over the header line heads the rows
            table.context = (*table.context, caption.rstrip(":"))
        return True

    def column_rows(self, content: str, line: int) -> bool:
        """Lines of cells aligned by runs of spaces, a header of names above them, as plain text lays out a
        table ("island   area_km2   species" then "Isabela   4588   52"): a table. The lines before are read
        as usual."""
        offsets, raw = _without_rules(content)  # (a header underlined, "-------  -----  -----", is no row)
        cells = [_COLUMN_GAP_RE.split(src.strip()) for src in raw]
        width = len(cells[-1])
        # a row may end in a remark the others lack ("Man City   +1.35   2.34   (gold star)"): a column of notes
        notes = [row[-1] if len(row) == width + 1 and _REMARK_CELL_RE.fullmatch(row[-1]) else "" for row in cells]
        cells = [row[:-1] if note else row for row, note in zip(cells, notes, strict=True)]
        k = len(raw)
        while k > 0 and len(cells[k - 1]) == width:
            k -= 1
        if width < 3 or len(raw) - k < 3 or any(_DIGIT_RE.search(c) for c in cells[k]) \
                or not all(any(_DIGIT_RE.search(c) for c in row) for row in cells[k + 1:]):
            fixed = _fixed_columns(raw) if len(raw) >= 3 else None
            if fixed is None:
                return False
            self.add("table", "", line + offsets[0], header=fixed[0], rows=fixed[1:],
                     row_lines=[line + offset for offset in offsets[1:]])
            return True
        for offset, src in _lines("\n".join(raw[:k])) if k else ():
            self.paragraph_line(src, line + offsets[offset])
        header, rows = cells[k], cells[k + 1:]
        if any(notes[k + 1:]):
            header = [*header, "note"]
            rows = [[*row, note] for row, note in zip(rows, notes[k + 1:], strict=True)]
        self.add("table", "", line + offsets[k], header=header, rows=rows,
                 row_lines=[line + offset for offset in offsets[k + 1:]])
        return True

    def inner_table(self, content: str, line: int) -> bool:
        """Rows aligned by runs of spaces in the middle of other lines, under a header of names, as a terminal
        prints a data frame ("        method  sparsity  top1" over "0    magnitude      50.0  75.6"; the row
        numbers dropped): a table, the lines around it read as usual."""
        raw = content.split("\n")
        cells = [_COLUMN_GAP_RE.split(src.strip()) for src in raw]
        start, end, k = 0, 0, 0
        while k < len(raw):
            j = k
            while j < len(raw) and len(cells[j]) == len(cells[k]) >= 3 and _DIGIT_RE.search(raw[j]):
                j += 1
            if j - k > end - start:
                start, end = k, j
            k = max(j, k + 1)
        if end - start < 3 or start == 0:
            return False
        header, rows = cells[start - 1], cells[start:end]
        if len(header) == len(rows[0]) - 1 and [r[0] for r in rows] == [str(n) for n in range(len(rows))]:
            rows = [r[1:] for r in rows]  # a data frame's row numbers
        if len(header) != len(rows[0]) or 2 * sum(bool(_DIGIT_RE.search(c)) for c in header) >= len(header):
            return False  # a header is names ("top1" may hold a digit), not a row of values
        for offset in range(start - 1):
            self.paragraph_line(raw[offset], line + offset)
        self.add("table", "", line + start - 1, header=header, rows=rows,
                 row_lines=list(range(line + start, line + end)))
        for offset in range(end, len(raw)):
            self.paragraph_line(raw[offset], line + offset)
        return True

    def indented_lines(self, content: str, line: int) -> bool:
        """A short line, then lines indented under it, as plain text writes a list ("Axes" then "  x → Dose",
        "  y → Response"; "record: BM25" then "  family: Sparse", "  ndcg: 0.43"): each indented line an item
        under the line above it, its name and value joined by an arrow, dot leaders or a run of spaces read as
        a key's colon."""
        raw = content.split("\n")
        # (one line is enough under a heading's decoration: ":: Site 2 — gold triangles" over "  Core 7 ... 5,000")
        decorated = _HEAD_MARK_RE.match(raw[0].lstrip()) is not None
        least = 1 if decorated else 2
        # (a long line heads them too when it ends in a colon: "Colour marks the world region, as explained in a
        # boxed key in the lower right corner:" over "  red      Asia")
        if _LEADER_KEY_RE.match(raw[0]) and all(_LEADER_KEY_RE.match(src.lstrip()) for src in raw[1:] if src.strip()):
            return False  # "    Metals ........ gray squares" then "    Ceramics ...... orange diamonds": siblings
        if self.list_depth >= 0 or sum(src.startswith("  ") for src in raw[1:]) < least \
                or (len(raw[0]) > 80 and not raw[0].rstrip().endswith(":")) \
                or any(_OUTLINE_RE.match(src.lstrip()) or _KEY_LINE_RE.match(src.lstrip()) for src in raw[1:]):
            return False  # (in a list, or cut at keys or outline marks: "a. X-axis: ...", "b. ...")
        head = _HEAD_MARK_RE.sub("", raw[0].strip())
        gap = _COLUMN_GAP_RE.search(head)
        if gap is not None and ":" not in head[: gap.start()] and len(head[: gap.start()].split()) <= 3:
            head = _as_keyed(head)  # "horizontal axis   Mean annual discharge (...), log scale,": a key and its value
        self.paragraph_line(head, line)
        if (":" not in head and not head.endswith(".") and (decorated or not _DIGIT_RE.search(head))) \
                or head.endswith(":"):
            self.pseudo = head.rstrip(": ")  # "Marker coding", "Symbols (legend, top left):"
        # a line wrapped at the same indent goes on the line above ("... drawn as a larger red diamond" then
        # "and has no legend entry of its own.")
        lines: list[tuple[int, int, str]] = []  # (offset, indent, text)
        for offset, src in enumerate(raw[1:], 1):
            indent = len(src) - len(src.lstrip())
            # (a wrapped line: the next starts with a joining word, or the one above ends with one; not "one dashed
            # grey line fitted through ..." then "horizontal dashed black line at 100", two lines of a list)
            if lines and indent == lines[-1][1] and lines[-1][2][-1:] not in ".:;" and ":" not in src \
                    and (_JOIN_START_RE.match(src.strip()) or _JOIN_END_RE.search(lines[-1][2])):
                lines[-1] = (lines[-1][0], indent, f"{lines[-1][2]} {src.strip()}")
            else:
                lines.append((offset, indent, src.strip()))
        levels = sorted({indent for _, indent, _ in lines if indent >= 2})
        saved, parents = self.list_depth, self.parents
        self.parents = []
        table = _aligned_run(lines)  # "LA   School L1   6 h   98.5   n=41" line after line: a table
        for k, (offset, indent, src) in enumerate(lines):
            if table is not None and k in table:
                if k == min(table):
                    rows = [_COLUMN_GAP_RE.split(lines[j][2]) for j in sorted(table)]
                    self.add("table", "", line + offset, header=[""] * len(rows[0]), rows=rows,
                             row_lines=[line + lines[j][0] for j in sorted(table)])
                continue
            if indent < 2:
                self.list_depth, self.parents = saved, parents
                self.paragraph_line(src, line + offset)
                continue
            # deeper lines nest under the line above them: "Shelf" over "CTD 03   -1.90 °C   7.6 mL/L"
            depth = levels.index(indent)
            text, lead = _inline(_as_keyed(src))
            if text:
                self.list_depth = depth
                self.parents = [*self.parents[:depth], *[""] * (depth - len(self.parents[:depth]))]
                self.add("item", text, line + offset, lead)
                self.parents = [*self.parents[:depth], text]
        self.list_depth, self.parents = saved, parents
        return True

    def paragraph_line(self, src: str, line: int) -> None:
        src = src.lstrip()
        if src[:1] in _HEAD_MARKS:
            src = _HEAD_MARK_RE.sub("", src)
        if ("=" in src or "(" in src) and _plot_code(src):
            src = _plot_code_said(src)  # "xlabel='Sparsity (%)'  xlim=(0, 95)": what the plotting code says
        if (leader := _LEADER_KEY_RE.match(src)) is not None:  # "y-axis ..... "List price"": a key's colon
            src = _LEADER_RE.sub(": ", src[: leader.end()], count=1) + src[leader.end():]
        outline = _OUTLINE_RE.match(src)
        marked = False  # a list's mark markdown did not take: "6. H2O — ..." right under a bold line
        if outline:
            src = src[outline.end():]
        elif src[:1] in _MARKER_STARTS or src[:1].isdigit():
            unmarked = _MARKER_RE.sub("", src, count=1)
            marked, src = unmarked != src, unmarked
        text, lead = _inline(src)
        if not text:
            return
        if self.list_depth < 0 and " · " in text and len(pieces := text.split(" · ")) >= 2 and all(
                _ANY_KEY_RE.match(p) and _DIGIT_RE.search(p) for p in pieces):
            for piece in pieces:  # "AS-01: −15, 2.0 · AS-02: −7, 2.6 · AS-03: 2, 3.4": a point each
                self.paragraph_line(piece, line)
            return
        if outline and self.list_depth >= 0:
            # markdown reads "b. **Y-axis**" as a lazy line of the item above it, whatever its depth; the
            # outline's marks of one kind ("a.", "b."; "4.1", "4.2") share the depth of the first seen
            kind = "dotted" if outline.group()[:1].isdigit() else "letter"
            depth = self.outline_depths.setdefault(kind, self.list_depth)
            if len(text) <= 60 and not _DIGIT_RE.search(text) and ":" not in text:
                # "4.1 Buried core": a sub-heading of the outline, heading what follows
                self.item_headers = {d: h for d, h in self.item_headers.items() if d < depth}
                self.item_headers[depth] = text.rstrip(". ")
            saved, self.list_depth = self.list_depth, depth
            self.add("item", text, line, lead)
            self.list_depth = saved
            self.parents = [*self.parents[:depth], text]  # the list after it is its own, not the item's above
            self.item_has_para[-1] = True
            return
        if self.list_depth < 0:
            self.item_headers = {}
            if (src[:1] in _GLYPH_STARTS and src[1:2].isspace()) or marked:
                # "● FCC" under "Legend:": a bullet of its own; so is "6. H2O — memory 3.2 GB" (a numbered list
                # markdown reads as a paragraph's lines, since only "1." may interrupt one)
                self.list_depth = 0
                self.add("item", text, line, lead)
                self.list_depth = -1
                return
            block = self.add("paragraph", text, line, lead)
            if (bracketed := _BRACKET_HEAD_RE.fullmatch(text)) is not None:
                self.pseudo = bracketed.group(1)  # "[Latent]" alone on its line heads the points under it
            elif (styled := _styled_header(text)) is not None:
                self.pseudo = styled  # "**Raptors** — dark red diamonds", "Titanium alloys ▲" head the points under it
            elif block.bold_only or (text.endswith(":") and len(text) <= 80 and not _lex_has_value(text)) \
                    or _BARE_TITLE_RE.fullmatch(text):
                # "Legend:" or "Data:" alone on its line heads what follows, and so does a bare name of a few
                # words ("Ground-source" over a table, "Proposed cascade" over a list)
                self.pseudo = text.rstrip(":. ")
            elif _SERIES_TITLE_RE.fullmatch(text) and (_PLURAL_STYLE_RE.search(text) or (
                    _OURS_STYLE_RE.search(text))):
                self.pseudo = text  # "Herbivores (green circles)" alone on its line heads the points under it
            elif lead is not None and text.startswith(lead) and (_REMARK_RE.fullmatch(text[len(lead):]) or (
                    _PLURAL_STYLE_RE.search(lead.rstrip(":. ")) and not _DIGIT_RE.search(text[len(lead):])) or (
                    _GLYPH_BRACKET_RE.search(lead) and _REMARK_SENTENCE_RE.fullmatch(text[len(lead):]))):
                # "**Points** (central estimates)", "**Dense (Blue Circles):** accuracy grows", "**Ours (★):** the
                # three stars sit above all other points" head what follows
                self.pseudo = lead.rstrip(":. ")
            return
        first_in_item = not self.item_has_para[-1]
        self.item_has_para[-1] = True
        if not first_in_item and lead is not None and _SECTION_NUMBER_RE.match(text) and text == lead:
            # "**6. Fitted lines:**" swallowed into the last item of section 5: a section of its own
            self.pseudo, self.item_headers, self.parents = text.rstrip(":. "), {}, []
            self.add("paragraph", text, line, lead)
            return
        styled_key = _styled_key_header(text, lead)
        if styled_key:  # (a sibling header's scope ends where this one starts)
            self.item_headers.pop(self.list_depth, None)
        block = self.add("item", text, line, lead)
        if block.bold_only or styled_key:  # also a header swallowed into the item above it
            # ("1. **Passeriformes** (●):" over "- **Great tit**: (18, 15)": a series' key and its glyph)
            self.item_headers = {d: h for d, h in self.item_headers.items() if d < self.list_depth}
            self.item_headers[self.list_depth] = text.rstrip(":. ")
        if not first_in_item and self.parents[self.list_depth:]:
            # "**5. Data points:**" cut from the item above: what nests after it belongs to it
            self.parents = [*self.parents[: self.list_depth], text]
        if first_in_item:
            # (a series' bold key with a remark after it heads its nested points by the key: "**Known exoplanets
            # (Blue Circles):** The points trend upward ...")
            key = block.lead.rstrip(": ") if block.lead is not None and not block.bold_only else ""
            series_key = bool(key) and _PLURAL_STYLE_RE.search(key.rstrip(".")) is not None
            self.parents = [*self.parents[: self.list_depth], key if series_key else text]
            if self.item_headers:
                self.item_headers = {d: h for d, h in self.item_headers.items() if d <= self.list_depth}
            if block.lead is not None and not block.bold_only and not styled_key and (
                    not _DIGIT_RE.search(block.text) or _PLURAL_STYLE_RE.search(block.lead.rstrip(":. "))):
                # a sibling with its own bold key ("**Data Points:** ...", "**Known exoplanets (Blue Circles):** a
                # remark, ~100 M⊕") ends the header's scope; one with numbers ("**KV-Mem:** (50%, 0.25s)") is a
                # point of a flattened list under it
                self.item_headers.pop(self.list_depth, None)

    def table(self, tokens: list[Token], i: int) -> int:
        where = tokens[i].map
        line = where[0] + 1 if where else 0
        header: list[str] = []
        rows: list[list[str]] = []
        row_lines: list[int] = []
        row: list[str] = []
        in_head = False
        while tokens[i].type != "table_close":
            tok = tokens[i]
            if tok.type == "thead_open":
                in_head = True
            elif tok.type == "thead_close":
                in_head = False
            elif tok.type == "tr_open":
                row = []
                if not in_head:
                    row_lines.append(tok.map[0] + 1 if tok.map else line)
            elif tok.type == "inline":
                row.append(_inline(tok.content)[0])
            elif tok.type == "tr_close":
                if in_head:
                    header.extend(row)
                else:
                    rows.append(row)
            i += 1
        self.add("table", "", line, header=header, rows=rows, row_lines=row_lines)
        return i + 1

    def html(self, content: str, line: int) -> None:
        """An HTML block: its tables are tables; the rest ("<h3>", "<p>... <b>Title</b> ... 10<sup>21</sup>",
        "<li>") is read as the markdown it stands for."""
        at = 0
        for table in _HTML_TABLE_RE.finditer(content) if "<table" in content.lower() else ():
            self._html_text(content[at: table.start()], line + content.count("\n", 0, at))
            block = _html_table(table.group(), line + content.count("\n", 0, table.start()))
            if block is not None:
                block.headings = self.heading_texts
                block.context = self.context(None)
                self.blocks.append(block)
            at = table.end()
        self._html_text(content[at:], line + content.count("\n", 0, at))

    def _html_text(self, content: str, line: int) -> None:
        # (a comment's or declaration's marks go: "<!--" left open would be an HTML block again, read again, ...)
        text = _HTML_OPAQUE_RE.sub(" ", _html_markdown(content))
        if not text.strip():
            return
        saved = self.line_offset
        self.line_offset = line - 1
        self.html_depth += 1
        if self.html_depth > 3:   # markdown in HTML in markdown, and so on: read the rest as lines of text
            for k, src in enumerate(text.split("\n")):
                if src.strip():
                    self.add("paragraph", " ".join(src.split()), line + k)
        else:
            self.walk(_markdown(text).parse(text))
        self.html_depth -= 1
        self.line_offset = saved


@lru_cache(maxsize=4096)
def is_commentary_title(title: str) -> bool:
    """"Key Observations", "Interpretation", "Summary of Findings", "Analysis" alone; not "Data summary"
    nor "Detailed Analysis" (where VLMs list the points). Also a section about another panel that is no
    scatter plot ("Panel (b): bar chart"): redraw draws the scatter."""
    if "panel" in title.lower() and OTHER_PANEL_RE.search(title):
        return True
    if title.strip(" *:#.").lower() in ("analysis", "analyses", "brief analysis"):
        return True
    # (a remark in brackets is no part of the title: "Read from the figure (note the column order: ...):")
    bare = _BRACKETED_RE.sub(" ", title) if "(" in title else title
    return bool(COMMENTARY_RE.search(bare if bare.strip(" *:#.") else title)) and not _DATA_RE.search(title)


_BRACKETED_RE = re.compile(r"\((?=(?:[^()\s]+\s+){3})[^()]*\)")  # a remark of four words at least ("(my notes)" counts)


OTHER_PANEL_RE = re.compile(r"\b(?:bar|line|pie|area|box|violin)\s*(?:chart|plot|graph)s?\b|\bheat\s?map|\bhistogram",
                            re.IGNORECASE)


NOTES_TITLE_RE = re.compile(r"(?:\d+\.\s*)?notes?", re.IGNORECASE)
# a line the chart draws, described: "A dotted gray vertical line at 300 Wh/kg", "a dashed red horizontal line"
DRAWN_LINE_RE = re.compile(r"^\W*(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:(?:dashed|dotted|solid|dash-dot)\s+"
                            r"(?:[\w-]+\s+){0,3}?(?:line|fit|curve)|(?:horizontal|vertical)\s+(?:[\w-]+\s+){0,3}?"
                            r"line\s+at)\b", re.IGNORECASE)


def _without_commentary(text: str) -> str:
    """Blank the lines of "## Key Observations"-like sections, keeping line numbers.

    Those sections only restate the chart; no rule reads them, so markdown need not parse them. A line
    that corrects a value is kept.
    """
    lines = text.split("\n")
    skip_level = 0
    notes = False
    in_fence = False
    seen_text = False  # the description's first section is its opening, even when headed "## Summary"
    for i, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        m = None if in_fence else _ATX_RE.match(line)
        if m:
            level = len(m.group(1))
            if skip_level and level <= skip_level:
                skip_level = 0
            if not skip_level and seen_text and is_commentary_title(m.group(2)):
                skip_level = level
                notes = NOTES_TITLE_RE.fullmatch(m.group(2).strip(" *:#.")) is not None
                continue  # the heading itself stays: it ends the section above it
        # (a heading is no text: "# Planet radius vs. period" then "## Figure summary" opens the description too)
        seen_text = seen_text or (bool(line.strip()) and m is None)
        # (a correction in it still revises a point: "Correction: X is at about $0.54"; and "Notes" may describe a
        # line drawn on the chart: "A dotted gray vertical line at 300 Wh/kg ... is labelled ...")
        if skip_level and not mentions_correction(line) and not (notes and DRAWN_LINE_RE.search(line)):
            lines[i] = ""
    return "\n".join(lines)


# "---" under a sentence is a rule between sections in VLM text, not a setext underline making the
# sentence a heading; it is blanked (same line count) so markdown reads the sentence as a paragraph.
_RULE_RE = re.compile(r"[ \t]*-{3,}[ \t]*")


def _column_underlines_kept(text: str) -> str:
    """A plain-text table's header underlined with dashes or equals signs ("index     latency    recall" over
    "-------   -------   ------" over its rows) is one table: the underline, indented past a thematic break or a
    heading's underline, goes on with the lines around it (column_rows drops it)."""
    lines = text.split("\n")
    for i in range(1, len(lines) - 1):
        if _RULE_LINE_RE.fullmatch(lines[i]) and len(_COLUMN_GAP_RE.split(lines[i - 1].strip())) >= 3 \
                and len(_COLUMN_GAP_RE.split(lines[i + 1].strip())) >= 3 and _DIGIT_RE.search(lines[i + 1]):
            lines[i] = "    " + lines[i]
    return "\n".join(lines)


def _rules_after_sentences_blanked(text: str) -> str:
    lines = text.split("\n")
    for i in range(1, len(lines)):
        prev = lines[i - 1].rstrip(" \t")
        if _RULE_RE.fullmatch(lines[i]) and (prev.endswith((".", ":", "!", "?", ")")) or len(prev) >= 60):
            lines[i] = ""
    return "\n".join(lines)


# "label: Gemma-2-9B, x: 8K, y: 0.88, color: blue" / "name=A; x=3; y=4": a line of keyed fields ("SOC≈37 g/kg": a
# field too, its value hedged)
_FIELD_KEY_RE = re.compile(r"(?:^|(?<=[,;|])\s*)(?P<key>[A-Za-z][\w .()/%-]{0,24}?)\s*(?::\s|=|≈)\s*")


# a record's running number before its fields: "record 1: site=Alkali Flat; ...", "Point 3 - label: ...", "#4:"
_RECORD_INDEX_RE = re.compile(r"^(?:(?:record|point|row|entry|item|sample|observation|obs\.?|no\.?)\s*|#\s*)\d+\s*"
                              r"(?::\s|[.)]\s|\s[-–—]\s)\s*", re.IGNORECASE)


def _record_fields(text: str) -> dict[str, str] | None:
    if text.count(":") + text.count("=") + text.count("≈") < 3:
        return None  # three keyed fields at least
    if (logfmt := _logfmt(text)) is not None:
        return {key.lower(): value for key, value in logfmt.items()}  # 'label="Aster-1" payload=850kg ...'
    if (index := _RECORD_INDEX_RE.match(text)) is not None:
        # (the number is no name: the fields hold one, "site=Alkali Flat", or else the number stays the label)
        fields = _record_fields(text[index.end():])
        if fields is not None and any((v[:1].isalpha() and not _DIGIT_RE.search(v)) or k in _NAME_KEYS
                                      for k, v in fields.items()):
            return fields  # ("label: `Base-7B FP16`" names it, digits and all)
    if " — " in text or " – " in text or " · " in text:
        # "label: `Base-7B FP16` — series: FP16 — size: 13.5 GB": spaced dashes or dots set the fields apart
        text = _SPACED_SEP_RE.sub(" | ", text)
    # (a key inside brackets is a setting of a name: "HNSW (M=16, ef=64), blue: (0.962, 2.8e4)")
    keys = [m for m in _FIELD_KEY_RE.finditer(text)
            if text.count("(", 0, m.end()) == text.count(")", 0, m.end())
            and text.count("[", 0, m.end()) == text.count("]", 0, m.end())]
    if len(keys) < 3 or keys[0].start() != 0:
        return None
    out: dict[str, str] = {}
    for m, nxt in zip(keys, [*keys[1:], None], strict=True):
        value = text[m.end(): nxt.start() if nxt else len(text)].strip().rstrip(",;|").strip()
        key = m.group("key").strip().lower()
        if not value or key in out:
            return None
        out[key] = value
    return out


_NAME_KEYS = ("label", "name", "model", "method", "system")  # (in the order a point's name is looked for)
_SPACED_SEP_RE = re.compile(r"\s+[—–·]\s+(?=[A-Za-z][\w .()/%-]{0,24}?:\s)")  # (not "SP lr=1e-4 — x = 0.001")


def _same_keys(keys: list[str], first: list[str]) -> bool:
    """A record's keys are the first record's, in its order, but for one key more or less (none other in its
    place: "x_axis: ..." and "y_axis: ..." lines are no records of one table)."""
    shorter, longer = sorted((keys, first), key=len)
    return keys == first or (len(first) >= 3 and len(longer) - len(shorter) == 1 and
                             [k for k in longer if k in shorter] == shorter)


def _records_as_tables(blocks: list[Block]) -> list[Block]:
    """A run of lines that are each a record of the same keyed fields is a table: its keys the header."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        run: list[tuple[Block, dict[str, str]]] = []
        for block in blocks[i:]:
            keyed = block.kind in ("item", "paragraph") and any(sep in block.text for sep in (",", ";", "|", "=", " — ",
                                                                                               " – ", " · "))
            fields = _record_fields(block.text) if keyed else None
            # (the same keys, or one more or one fewer: 'label="Kestrel-R" ... cost=1.9 highlight=true', "event:
            # Kahramanmaras 2023 (this study); Mw: 7.8; rupture: 350 km" without the others' "style")
            if fields is None or (run and (not _same_keys(list(fields), list(run[0][1]))
                                             or block.kind != run[0][0].kind or block.depth != run[0][0].depth)):
                break
            run.append((block, fields))
        if len(run) < 2:
            out.append(blocks[i])
            i += 1
            continue
        first = run[0][0]
        header = list(dict.fromkeys(key for _, fields in run for key in fields))
        out.append(Block("table", "", first.line, headings=first.headings, context=first.context, header=header,
                         rows=[[fields.get(h, "") for h in header] for _, fields in run],
                         row_lines=[b.line for b, _ in run]))
        i += len(run)
    return out


# A run of characters without a space longer than this is no word, number or table row of a chart description (the
# longest in every text we hold is 113: a table's rule); cut, so that no pattern scans it from each of its positions
RUN = 256
_LONG_RUN_RE = re.compile(rf"(?<!\S)\S{{{RUN + 1},}}")


def cut_long_runs(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text with every run of over RUN characters without a space cut to its first RUN and an ellipsis;
    and for each cut run, its line and length."""
    cuts: list[tuple[int, int]] = []

    def cut(m: re.Match[str]) -> str:
        cuts.append((text.count("\n", 0, m.start()) + 1, len(m.group())))
        return m.group()[:RUN] + "…"

    return _LONG_RUN_RE.sub(cut, text), cuts


def _styled_key_header(text: str, lead: str | None) -> bool:
    """A bold key, its style in brackets and a colon, nothing else: "**Passeriformes** (●):", "**Raptors** (red
    triangles):" head the items after it."""
    if lead is None or not text.endswith(":") or not text.startswith(lead):
        return False
    rest = text[len(lead):].strip(" :")
    return rest.startswith("(") and rest.endswith(")") and is_style_only(rest[1:-1].strip())


def parse_document(text: str) -> Document:
    text, cuts = cut_long_runs(clean(text))
    lines = sum(1 for line in text.split("\n") if line.strip())
    if lines > MAX_TEXT_LINES:
        raise RedrawError(f"the description has {lines:,} lines of text; redraw reads at most {MAX_TEXT_LINES:,} "
                          "(one chart's description has a few dozen)")
    walker = _Walker()
    described = _without_commentary(text)
    if "---" in described:
        described = _rules_after_sentences_blanked(described)
    if "---" in described or "===" in described:
        described = _column_underlines_kept(described)
    if _bare_yaml(described):
        described = f"```yaml\n{described}\n```"   # YAML pasted without its fence: read as the block it is
    while described.lstrip().startswith(">") and _quoted_whole(described):
        described = _QUOTE_MARK_RE.sub("", described)  # a description quoted whole, as an email or chat quotes
    walker.walk(_markdown(described).parse(described))
    doc = Document(_records_as_tables(walker.blocks), text)
    doc.notes = [f"line {line}: a run of {length:,} characters without a space is read only to its first {RUN}"
                 for line, length in cuts]
    if walker.deep_lines:
        more = len(walker.deep_lines) - 1
        doc.notes.append(f"line {walker.deep_lines[0]}: a list nested over {LIST_DEPTH} deep is read as one list at "
                         f"that depth" + (f" (as are {more:,} more)" if more else ""))
    return doc


_QUOTE_MARK_RE = re.compile(r"^ {0,3}> ?", re.MULTILINE)
# a plain-text heading's decoration: ">> Trench A — sienna circles", "==> Closed", ":: Results"
_HEAD_MARK_RE = re.compile(r"^(?:>+|=+>|-+>|::|»|→)\s+")
_HEAD_MARKS = frozenset(">=-:»→")


def _quoted_whole(text: str) -> bool:
    """Nine in ten of the text's lines start with a quotation mark ("> - X-axis: ...")."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    return sum(ln.lstrip().startswith(">") for ln in lines) >= 0.9 * len(lines)


# a YAML key alone on its line ("x_axis:", "legend:"), the keys under it indented; a key with a value; a list item;
# a comment
_YAML_HEAD_LINE_RE = re.compile(r"[A-Za-z_][\w ]{0,30}:")
_YAML_LINE_RE = re.compile(r"\s*(?:#.*|-\s+\S.*|[A-Za-z_][\w .()/%-]{0,40}:(?:\s+\S.*)?)")


def _bare_yaml(text: str) -> bool:
    """A whole description written as YAML without a code fence: every line a key, a list item or a comment,
    and at least two keys that head indented keys ("x_axis:" over "  label: ..."). Markdown's own marks (bold,
    tables, headings other than comments, fences) say it is not."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) < 6 or "```" in text or "**" in text or "|---" in text.replace(" ", ""):
        return False
    scalar = -1   # the indent of a key whose folded or literal text ("notes: >") runs on the lines below
    for ln in lines:
        indent = len(ln) - len(ln.lstrip())
        if 0 <= scalar < indent:
            continue
        scalar = indent if re.search(r":\s+[>|][-+]?\s*$", ln) else -1
        if not _YAML_LINE_RE.fullmatch(ln):
            return False
    heads = sum(1 for a, b in pairwise(lines) if _YAML_HEAD_LINE_RE.fullmatch(a.strip())
                and len(b) - len(b.lstrip()) > len(a) - len(a.lstrip()))
    return heads >= 2
