"""legend: categories with their colour and marker ("Gray Circle: Open-Weights Only", "ResNet — gray circles")."""
from __future__ import annotations

import re
from functools import lru_cache

from ..document import Block, sentences
from ..facts import GroupFact
from ..state import ParseState
from ..text import split_top, strip_marks
from ..values import lex
from ..vocab import find_colors, find_markers, first_color, first_marker, is_style_only, same_color

LEGEND_CTX_RE = re.compile(r"\b(legend|key|colou?r[- ]?coding|categories|colou?r[- ]?coded)\b", re.IGNORECASE)
LEGEND_LINE_RE = re.compile(r"^(?:legend|key)\b[^:]{0,30}:\s*(?P<body>.+)$", re.IGNORECASE)
ENTRY_SEP_RE = re.compile(r"\s*(?::|=|→|->|\s[—–-]\s)\s*")


def legend(state: ParseState) -> None:
    """Items under a legend header, or an inline 'Legend: blue = vLLM, orange = TGI' line."""
    for block in state.facts_blocks("table"):
        _legend_table(state, block)
    for block in state.facts_blocks("item", "paragraph"):
        if block.used:
            continue
        if block.kind == "item" and any(_legend_header(c) for c in block.context[-3:]):
            entries = [_entry(block.text)]
        elif block.lead and LEGEND_CTX_RE.search(block.lead):
            entries = _inline_entries(block.body)
        elif "legend" in block.low or "key:" in block.low:
            # "Scatter plot. Legend: blue circle = Open models; gray star = Closed models."
            entries = []
            for sentence in block.sentences:
                m = LEGEND_LINE_RE.match(sentence)
                if m:
                    entries += _inline_entries(m.group("body"))
        else:
            continue
        for entry in entries:
            if entry is not None:
                _add(state, GroupFact(entry[0], entry[1], entry[2], block.line))
                block.used = True


def _inline_entries(body: str) -> list[tuple[str, str | None, str | None] | None]:
    """"blue = vLLM, orange = TGI. The red one has no entry." -> the entries of whole sentences."""
    entries: list[tuple[str, str | None, str | None] | None] = []
    for sentence in sentences(body):
        parts = [_entry(part) for part in split_top(sentence.rstrip("."), ",;")]
        entries += parts if all(parts) else []
    return entries


@lru_cache(maxsize=1024)
def _legend_header(title: str) -> bool:
    return bool(LEGEND_CTX_RE.search(title))


def _legend_table(state: ParseState, block: Block) -> None:
    """| Colour | Marker | Category | with no numbers in it: a legend written as a table."""
    header = [h.lower() for h in block.header]
    style_cols = [i for i, h in enumerate(header) if re.search(r"colou?r|marker|symbol|shape|style", h)]
    name_cols = [i for i, h in enumerate(header) if i not in style_cols]
    if not style_cols or len(name_cols) != 1 or any(lex(c) for row in block.rows for c in row):
        return
    for row in block.rows:
        if len(row) < len(header):
            continue
        style = " ".join(row[i] for i in style_cols)
        name = strip_marks(row[name_cols[0]])
        if name and has_style(style):
            _add(state, GroupFact(name, first_color(style), first_marker(style), block.line))
    block.used = True


def _entry(text: str) -> tuple[str, str | None, str | None] | None:
    """'Gray Circle: Open-Weights Only' -> ("Open-Weights Only", "gray", "o")."""
    text = strip_marks(text)
    symbol = text[:1] if find_markers(text[:1]) else ""
    text = strip_marks(text.lstrip("●■▲▼◆★×•○□△◇☆ "))
    m = ENTRY_SEP_RE.search(text)
    paren = re.match(r"^(?P<name>[^()]+?)\s*\((?P<style>[^()]+)\)$", text)
    if m is None and paren and is_style_only(paren.group("style")):  # "Baseline (blue circles)"
        style = paren.group("style")
        return strip_marks(paren.group("name")), first_color(style), first_marker(style) or first_marker(symbol)
    if m is None:
        return None
    left, right = strip_marks(text[: m.start()]), strip_marks(text[m.end():])
    if not left or not right:
        return None
    if is_style_only(left) and not is_style_only(right):
        style, name = left, right
    elif is_style_only(right) and not is_style_only(left):
        style, name = right, left
    else:
        return None
    if len(name.split()) > 8:
        return None
    marker = first_marker(style) or (first_marker(symbol) if symbol else None)
    return name.strip("\"“”'"), first_color(style), marker


def _add(state: ParseState, fact: GroupFact) -> None:
    for g in state.groups:
        if g.name.casefold() == fact.name.casefold():
            g.color, g.marker = g.color or fact.color, g.marker or fact.marker
            return
    state.groups.append(fact)


def group_named(state: ParseState, text: str) -> GroupFact | None:
    """The legend group whose name `text` mentions (longest name first)."""
    low = text.casefold()
    for g in sorted(state.groups, key=lambda g: -len(g.name)):
        if g.name.casefold() in low and re.search(r"(?<!\w)" + re.escape(g.name.casefold()) + r"(?!\w)", low):
            return g
    return None


def group_by_style(state: ParseState, color: str | None, marker: str | None) -> GroupFact | None:
    """The single legend group whose colour and marker agree with a point's."""
    hits = [g for g in state.groups
            if (color is None or g.color is None or same_color(g.color, color))
            and (marker is None or g.marker is None or g.marker == marker)
            and (g.color is not None and color is not None or g.marker is not None and marker is not None)]
    return hits[0] if len(hits) == 1 else None


def has_style(text: str) -> bool:
    return bool(find_colors(text) or find_markers(text))
