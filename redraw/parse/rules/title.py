"""title: the chart's own title ("**Title:** X", 'titled "X"'), or a stated absence; caption."""
from __future__ import annotations

import re

from ..document import sentences
from ..state import ParseState
from ..text import quoted, strip_marks

PLACED_ON_TOP = (r"(?:printed|shown|written|set|placed|running|across)\s+(?:in\s+bold\s+)?(?:above|over|across|"
                 r"at\s+the\s+top\s+of|along\s+the\s+top\s+of|the\s+top\s+of)\s+(?:the\s+)?"
                 r"(?:plot|chart|figure|frame|graphic|panel|axes)")
TITLE_KEY_RE = re.compile(r"^(?:(?:(?:small|short|large|bold|italic|printed)\s+)?"  # "Small title at the top left:"
                          r"(?:chart\s+|figure\s+|plot\s+|main\s+)?(?:header\s*/\s*)?title|"
                          r"(?:chart|figure|plot|panel)\s+(?:heading|header)|"
                          # "Heading above the plot area: ..."
                          r"(?:heading|header)(?=\s+(?:above|over|on\s+top|at\s+the\s+top))|"
                          # "Printed above the plot: ...", "Shown in bold at the top of the figure: ..."
                          # (or the quotation itself after the key: 'Title "Cost vs. success"', a plain-text layout)
                          + PLACED_ON_TOP + r")\b[^:—–]{0,30}?\s*(?:[:—–]|(?=[\"“]))\s*(.*)$", re.IGNORECASE)
TITLED_RE = re.compile(r"\b(?:is\s+)?(?:titled|entitled|headed|"
                       # "title reads", "The title printed above the plotting area reads", "title, set in bold, is"
                       # ("The figure's own title, printed in small capitals above the frame, is ...")
                       r"title(?:,?\s+[\w-]+){0,12}?,?\s+(?:reads|is|says|text is|text reads)|"
                       r"(?:has|with|bears|carries|shows|displays)\s+(?:the|a)\s+(?:title|heading|header)|"
                       # 'Under the title "Range vs. battery size", the plot ...', 'Above the plot area sits the title'
                       r"\bunder\s+the\s+title|(?:sits|stands|appears|runs)\s+the\s+(?:title|heading)|"
                       # 'A: Yes, printed above the plot: "Scoring load vs. efficiency"'
                       + PLACED_ON_TOP + r")"
                       r"\s*:?\s*(\*{0,2}[\"“'].*)$", re.IGNORECASE)
# "no title", "no printed title", "no separate figure title" (not "no x-axis title": an axis's)
NO_TITLE_RE = re.compile(r"\b(no\s+(?:(?!(?:x|y|[xy][\s-]?axis|axis|axes|legend|colou?r[\s-]?bar)\b)[\w-]+\s+){0,2}?"
                         r"title|untitled|without (?:a )?title|"
                         r"title\b[^.]*\b(?:none|not present|absent|not shown|missing))", re.IGNORECASE)
TITLE_HEADING_RE = re.compile(r"^(?:\d{1,2}[.)]\s*)?(?:the\s+)?(?:chart\s+|figure\s+|plot\s+|panel\s+|main\s+)?"
                              r"title\s*:?\s*$", re.IGNORECASE)  # "## 2. Panel title"
CAPTION_KEY_RE = re.compile(r"^(image|figure|chart|plot)\s+(description|caption|summary)|^caption", re.IGNORECASE)
NONE_RE = re.compile(r"^(none|n/a|no title|not present|absent|not shown|missing)\b", re.IGNORECASE)


def title(state: ParseState) -> None:
    """'* **Title:** AIME 2025 Performance vs. Total Parameters' / 'No title is printed on the figure.'"""
    first = state.doc.blocks[0] if state.doc.blocks else None
    if first is not None and first.kind == "heading":
        state.caption = first.text
    elif first is not None and first.lead and CAPTION_KEY_RE.match(first.lead):
        state.caption = sentences(first.body)[0] if first.body else None
    under_title = False
    for block in state.facts_blocks("item", "paragraph", "heading"):
        if block.used:  # an axis's own "Title:" line
            continue
        if under_title and block.kind in ("paragraph", "item") and not state.title_stated:
            # "## Title" then "Model Performance vs. Size" on its own line
            bare = _bare_title(block.text)
            found = _title_in(block.text) or ((bare, True) if bare else (None, True) if NONE_RE.match(
                strip_marks(block.text)) else None)
        else:
            found = _title_in(block.text) if not (block.kind == "heading" and TITLE_HEADING_RE.match(block.text)) \
                else None
        under_title = (block.kind == "heading" or block.bold_only) and bool(TITLE_HEADING_RE.match(block.text))
        if found is None:
            continue
        value, stated = found
        if state.title_stated and value != state.title:
            state.warn(f"a second title {value!r} ignored; keeping {state.title!r}", block.line)
            continue
        state.title, state.title_stated = value, stated
        # the title's own line is no point; a paragraph with more to say stays open to the other rules
        block.used = block.used or (value is not None and len(block.sentences) == 1)


def _bare_title(text: str) -> str | None:
    placed = PLACED_LEAD_RE.match(text)  # "Across the top of the chart: *Life expectancy vs. income*"
    value = quoted(text) or strip_marks(text[placed.end():] if placed else text)
    return None if not value or NONE_RE.match(value) or len(value.split()) > 20 else value


PLACED_LEAD_RE = re.compile(r"^(?:(?:printed|shown|written|set|placed|running)\s+)?(?:in\s+bold\s+)?(?:above|over|"
                            r"across|at|along)\s+(?:the\s+)?top(?:\s+of\s+(?:the\s+)?[\w-]+)?\s*:\s*", re.IGNORECASE)


def _title_in(text: str) -> tuple[str | None, bool] | None:
    low = text.lower()
    if "title" not in low and "head" not in low and "top" not in low and "above" not in low:
        return None
    m = TITLE_KEY_RE.match(text) or next(
        (k for k in map(TITLE_KEY_RE.match, sentences(text)[1:]) if k), None)  # "It is a scatter plot. Title: X"
    if m:
        body = m.group(1).strip()
        if not body or NONE_RE.match(body) or (NO_TITLE_RE.search(body) and not quoted(body)):
            return (None, True)  # "Title: There is no title on the chart."
        return (quoted(body) or strip_marks(re.split(r"\s+\((?:top|above|centered|bold)", body)[0]), True)
    for sentence in sentences(text):  # "It has no title of its own. The horizontal axis is titled "RTF"."
        reads = TITLE_READS_RE.search(sentence)
        if reads and not AXIS_SUBJECT_RE.search(sentence[: reads.start()]):
            said = reads.group("t") or reads.group("t2")
            return (quoted(said) or strip_marks(said), True)
        m = TITLED_RE.search(sentence)
        if m and quoted(m.group(1)) and not _axis_subject(sentence[: m.start()]):
            return (quoted(m.group(1)), True)
        if NO_TITLE_RE.search(sentence):
            return (None, True)
    return None


# "The title above the plot reads: *Perplexity vs. memory footprint*": what follows the colon, quoted or not
# "The figure's own title reads Continuum sensitivity of radio facilities." (its italics gone): the rest, if short
TITLE_READS_RE = re.compile(r"\btitle(?:,?\s+[\w-]+){0,6}?,?\s+(?:reads|is|says)\s*:\s*(?P<t>.+?)\.?$|"
                            r"\btitle(?:,?\s+[\w-]+){0,6}?,?\s+(?:reads|says)\s+(?P<t2>(?:\S+\s+){0,11}\S+?)\.?$",
                            re.IGNORECASE)
# (or a bracket after one: "Legend (right side, titled "Family")")
AXIS_SUBJECT_RE = re.compile(r"\b(?:axis|axes|abscissa|ordinate|colou?r\s*bar|legend)\b(?:[^,;]{0,20}|\s*\([^()]*)$",
                             re.IGNORECASE)
# "A scatter plot on log–log axes titled ...", "drawn on linear axes and titled ...": the axes the chart is drawn
# on, not the subject that is titled
ON_AXES_RE = re.compile(r"\bon\s+(?:(?:a|the|two|both)\s+)?(?:[\w–-]+\s+){0,2}$", re.IGNORECASE)


def _axis_subject(before: str) -> bool:
    """The words before "titled" make an axis (or the legend) what is titled."""
    m = AXIS_SUBJECT_RE.search(before)
    return m is not None and not ON_AXES_RE.search(before, 0, m.start())
