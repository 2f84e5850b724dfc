"""points_table: markdown and HTML tables, CSV and JSON code blocks, one point per row."""
from __future__ import annotations

import csv
import io
import json
import re

from ..document import Block
from ..facts import GroupFact, PointFact
from ..lookup import apply_context, declared_y_first, group_mentioned, group_named, series_header
from ..state import ParseState
from ..text import abbreviates, names_symbol, overlap, remark_dropped, shares_word, strip_marks
from ..values import Num, lex, missing, span_middle, stated_unit, title_unit
from ..vocab import UNITS, first_color, first_marker, is_style_only, ours_cue
from .coords import find_pair

NAME_COL_RE = re.compile(r"(?:point\s+|model\s+)?(?:label|name)s?|model|point", re.IGNORECASE)
# (an identifier's word too: "district_name", "model_id" beside "district_code")
LABEL_COL_RE = re.compile(r"(?<![^\W_])(model|name|label|point|method|system|config\w*|network|architecture|entry|run|"
                          r"variant|experiment)(?![^\W_])",
                          re.IGNORECASE)
COLOR_COL_RE = re.compile(r"\b(colou?r|marker|symbol|shape|style|appearance|glyph|"
                          r"(?:drawn|shown|plotted)\s+as)\b", re.IGNORECASE)  # "| Drawn as |" of "blue circle" cells
GROUP_COL_RE = re.compile(r"\b(group|family|category|series|provider|type|kind|organi[sz]ation|vendor|class|"
                          r"hardware|platform|engine|set|split|subset|cohort|region|continent|sector)\b", re.IGNORECASE)
XY_TAG_RE = re.compile(r"\(\s*([xy])\s*\)|^([xy])$|\b([xy])[\s-]*(?:value|axis|coord\w*)\b", re.IGNORECASE)
TIME_COL_RE = re.compile(r"\b(?:year|decade|period|season|date|edition|release|vintage|cohort)s?\b", re.IGNORECASE)
YEAR_CELL_RE = re.compile(r"^\s*\**(?:1[5-9]|20)\d\d(?:s|\b)")
INDEX_COL_RE = re.compile(r"^\s*(#|no\.?|n°|index|idx|rank|id|row)\s*$", re.IGNORECASE)
HIGHLIGHTED_RE = re.compile(r"\b(?:highlighted|emphasi[sz]ed)\b", re.IGNORECASE)
NOTE_BRACKET_RE = re.compile(r"[(\[]([^()\[\]]+)[)\]]")
_APPROX_RE = re.compile(r"^\s*(?:approx(?:imately|\.)?|about|around|roughly|ca\.)\s*", re.IGNORECASE)


def points_table(state: ParseState) -> None:
    """'| **LLaMA2 7B** | Blue | 6.7 | 51.0 |', '<tr><td>Llama-2-13B (A100)</td>...', CSV and JSON rows."""
    for block in state.facts_blocks("table", "code"):
        if block.used:  # a table of the axes ("| x | Capacity | linear | 100 – 300 |") holds no points
            continue
        table = _table_of(block)
        if table is None:
            continue
        header, rows = _transposed(state, *table)
        found = _rows_to_points(state, block, header, rows)
        for point in found:
            point.origin = f"table {block.line}"
        if found:
            state.add_points(found)
            block.used = True


def _transposed(state: ParseState, header: list[str], rows: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """A table laid out a point a column ("| | PPO | SAC |" over "| Env steps | 80M | 6M |", "| Success | 62% |
    71% |"): read as a point a row. Its corner cell is blank, and the first column, not the header, names the
    axes (two rows of values at least, each row's first cell sharing a word with an axis title)."""
    if header[:1] != [""] or len(header) < 3 or any(len(row) != len(header) for row in rows):
        return header, rows
    titles = f"{state.axes['x'].title} {state.axes['y'].title}"
    keyed = [row for row in rows if shares_word(row[0], titles) and all(lex(cell) for cell in row[1:])]
    if len(keyed) < 2 or any(shares_word(name, titles) for name in header[1:]):  # (the header names them: as laid)
        return header, rows
    return ["", *(row[0] for row in rows)], [[header[k], *(row[k] for row in rows)] for k in range(1, len(header))]


def _table_of(block: Block) -> tuple[list[str], list[list[str]]] | None:
    if block.kind == "table":
        return block.header, block.rows
    text = block.text.strip()
    if block.info.lower() in ("json", "") and text[:1] in "[{":
        try:
            data = json.loads(text)
        except ValueError:
            return None
        if isinstance(data, dict):
            data = next((v for v in data.values() if isinstance(v, list)), [data])
        rows = [r for r in data if isinstance(r, dict)] if isinstance(data, list) else []
        if not rows:
            return None
        header = list(dict.fromkeys(k for r in rows for k in r))
        return header, [["" if r.get(k) is None else str(r.get(k)) for k in header] for r in rows]
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if len(lines) >= 2 and all(ln.count(",") == lines[0].count(",") > 0 for ln in lines[:3]):
        parsed = list(csv.reader(io.StringIO("\n".join(lines)), skipinitialspace=True))
        return parsed[0], parsed[1:]
    # columns aligned with spaces or tabs: "substituent     sigma    log(kX/kH)" over "p-CH₃   -0.17   -0.41"
    cells = [ALIGNED_SPLIT_RE.split(ln.strip()) for ln in lines]
    if len(cells) >= 2 and len(cells[0]) >= 2 and all(len(c) == len(cells[0]) for c in cells):
        return cells[0], cells[1:]
    return None


ALIGNED_SPLIT_RE = re.compile(r"\t+\s*|\s{2,}")


def _rows_to_points(state: ParseState, block: Block, header: list[str], rows: list[list[str]]) -> list[PointFact]:
    header, rows = _keys_lifted(state, *_pairs_split(header, rows))
    header, rows, lines = _sections_as_column(state, block, header, rows)
    width = len(header)
    numeric = [i for i in range(width) if _numeric_share(rows, i) >= 0.8 and not INDEX_COL_RE.match(header[i])
               and not _names_groups(state, rows, i)]  # "Scale: 1B / 7B" under a legend of 1B and 7B
    if len(numeric) > 2 and (named := [i for i in numeric if NAME_COL_RE.fullmatch(header[i].strip())]) \
            and len(numeric) - len(named) >= 2:
        numeric = [i for i in numeric if i not in named]  # "label": "410M" beside "x" and "y": sizes that name
    if len(numeric) > 2 and numeric[0] == 0 and (TIME_COL_RE.search(header[0]) or all(
            YEAR_CELL_RE.match(r[0]) for r in rows if r and r[0].strip())):
        numeric = numeric[1:]  # "| Decade | CO₂ | ΔT |" with "1880s": the first column names the points
    # (of two such columns, the one naming each row once: "label" of Mag-50, Mag-70 beside "method" of magnitude,
    # magnitude, ...; the other groups the rows)
    named_cols = [i for i, h in enumerate(header) if LABEL_COL_RE.search(h) and i not in numeric]
    label_col = next((i for i in named_cols if _distinct(rows, i)), named_cols[0] if named_cols else None)
    if label_col is not None and _names_groups(state, rows, label_col) and not (
            _distinct(rows, label_col) and len(rows) > 2):
        # (not a column naming each row once: "SWE-agent (GPT-4o)", "SWE-agent (GPT-4o mini)" under "Point label"
        # are the labels, though each opens with a legend name)
        # "| Method | Point annotation | KL | Win rate |" of "PPO | β=0.2": the method is the group, the
        # annotation the label
        other = next((i for i in range(width) if i not in numeric and i != label_col and not COLOR_COL_RE.search(
            header[i]) and not _names_groups(state, rows, i) and not all(
                is_style_only(r[i]) for r in rows if i < len(r) and r[i].strip())), None)
        label_col = other if other is not None else label_col
    if label_col is None:  # the first column of names; a "#" column numbers the rows, it names nothing, and a
        # "Marker" column of "navy dot" cells styles the points
        # (nor a column of no words: "±1.4" cells of a "95% CI" column are error bars)
        names = [i for i in range(width) if i not in numeric and not (
            COLOR_COL_RE.search(header[i]) or all(is_style_only(r[i]) for r in rows if i < len(r) and r[i].strip())
            or not any(ch.isalpha() for r in rows if i < len(r) for ch in r[i]))]
        # (a column of legend names, "LA" / "MAT", groups the rows; the names are in the next one)
        names = [i for i in names if not _names_groups(state, rows, i)] or names
        # (nor a column titled as a grouping, "family" of Transformer/SSM beside "size" of XS, S, M: it groups them)
        names = [i for i in names if not (GROUP_COL_RE.search(header[i]) and _may_group(state, rows, i))] or names
        names = names or [i for i in range(width) if i not in numeric]
        # (but a column mostly empty, a "note" one, names nothing either: "index" over "HNSW (M=16)" rows then names
        # the points)
        filled = [i for i in names if _filled_share(rows, i) >= 0.8] or names
        label_col = next((i for i in filled if not INDEX_COL_RE.match(header[i])), filled[0] if filled else None)
    xy = _xy_columns(state, header, numeric)
    if label_col is None or xy is None:
        return []
    xc, yc = xy
    if not any(h.strip() for h in header):
        state.warn(f"a table without a header: {'x' if xc < yc else 'y'} is read from its first column of numbers, "
                   f"{'y' if xc < yc else 'x'} from the second", block.line)
    # (a "style" column of legend names, "strike-slip", "reverse", groups its rows rather than styles them)
    # (or, under no header, a column of nothing but looks: "blue circle", "red star, enlarged")
    style_cols = [i for i, h in enumerate(header)
                  if (COLOR_COL_RE.search(h) or (not h.strip() and _looks_only(rows, i)))
                  and i not in (label_col, xc, yc) and not _names_groups(state, rows, i)]
    group_col = _group_column(state, header, rows, {label_col, xc, yc, *style_cols}, set(numeric))
    # a column of remarks ("note": "ours; drawn as a green star") says which point is ours and how one is drawn
    note_col = next((i for i, h in enumerate(header) if NOTE_COL_RE.fullmatch(h.strip())
                     and i not in {label_col, xc, yc, group_col, *style_cols}), None)
    # a column of categories a sentence styled ("type": valley after "Valley glaciers are drawn as circles") when
    # the key's own entries group the rows: it styles them
    category_col = next((i for i in range(width) if i not in {label_col, xc, yc, group_col, note_col, *style_cols}
                         and group_col is not None and _names_categories(state, rows, i)), None)
    # a column of flags ("emph", "highlight", "ours": yes/no, 1/0) marks the highlighted rows
    flag_col = next((i for i, h in enumerate(header) if FLAG_COL_RE.fullmatch(h.strip())
                     and i not in {label_col, xc, yc, group_col, note_col, category_col, *style_cols}), None)
    unused = [header[i].strip() or f"column {i + 1}" for i in range(width)
              if i not in {label_col, xc, yc, group_col, note_col, category_col, flag_col, *style_cols}]
    if unused:
        state.warn(f"table columns not drawn: {', '.join(unused)}", block.line)
    points = []
    x_phys, y_phys = _column_unit(header[xc]), _column_unit(header[yc])
    for r, row in enumerate(rows):
        if len(row) < width:
            row = row + [""] * (width - len(row))
        x, y = _cell(row[xc]), _cell(row[yc])
        # a bare number under "runtime (min)" or "runtime_min" is in minutes: converted to the axis's unit later
        x = x._replace(unit=x_phys) if x is not None and x.unit is None and x_phys else x
        y = y._replace(unit=y_phys) if y is not None and y.unit is None and y_phys else y
        line = lines[r]
        label = remark_dropped(strip_marks(row[label_col]))  # "2020s (2020–2023, partial)" is "2020s"
        if x is None or y is None or not label:
            if label:
                said = " and ".join(f"{axis} ({row[c].strip()!r})" if row[c].strip() else f"{axis} (empty)"
                                    for axis, c, v in (("x", xc, x), ("y", yc, y)) if v is None)
                state.warn(f"row {label!r} is not drawn: no number in its {said}", line)
            continue
        style = " ".join(row[i] for i in style_cols)
        point = PointFact(label, x, y, line, color=first_color(style), marker=first_marker(style),
                          x_unit=stated_unit(header[xc]), y_unit=stated_unit(header[yc]))
        point.warnings += [f"{axis} given as the span {v.text!r}; drawn at its middle, {v.value:g}"
                           for axis, v in (("x", x), ("y", y)) if len(lex(v.text)) == 2]
        cell = row[group_col].strip(" —–-()") if group_col is not None else ""
        remark = group_col is not None and REMARK_CELL_RE.fullmatch(row[group_col].strip(" -–—")) is not None
        if cell and (is_style_only(cell) or remark) and group_named(state, cell) is None:
            # "— (red star)", "(new format, red star)": no group, a style of its own (but "Coral Triangle" under a
            # legend entry of that name is the group)
            point.color, point.marker = point.color or first_color(cell), point.marker or first_marker(cell)
        elif group_col is not None and row[group_col].strip():
            stated = strip_marks(row[group_col])  # "Sequential" under a legend of "sequential models"
            found = group_mentioned(state, stated)
            if found is None and len(stated) <= 3:  # "A" in a "Series" column under a legend of "Series A (...)"
                found = _headed_group(state, f"{strip_marks(header[group_col])} {stated}")
            if found is not None and ((found.name.islower() and not stated.islower()) or (
                    not found.keyed and found.name.casefold().startswith(stated.casefold() + " "))) \
                    and not any(p.group == found.name for p in state.points):
                # a category's own name beats a sentence's description of it ("Transformer" of "Transformer runs
                # are blue circles")
                found.name = stated
            if found is None and ours_cue(stated) and group_named(state, label) is not None:
                # "Ours" in an "Access" column of "Closed" and "Open-weight" for "Lumen-M (ours)", which the key names
                # itself: the row is ours, and its group is its own entry
                point.ours = True
            else:
                point.group = found.name if found else stated
        if category_col is not None and (styled := _category(state, row[category_col])) is not None:
            point.color, point.marker = point.color or styled.color, point.marker or styled.marker
        # ("yellow star (highlighted)", or a flag: "emph" 1)
        point.ours = point.ours or ours_cue(label) or bool(HIGHLIGHTED_RE.search(style)) or (
            flag_col is not None and row[flag_col].strip().lower() in ("yes", "y", "true", "1", "x", "✓"))
        if note_col is not None and (note := row[note_col]):
            point.ours = point.ours or ours_cue(note)
            drawn = DRAWN_NOTE_RE.search(note)
            if drawn is not None:  # "drawn as a green star" (the colour column may say green already)
                point.color = point.color or first_color(drawn.group(1))
                point.marker = first_marker(drawn.group(1)) or point.marker
            elif is_style_only(note.strip(" ()[]")) or any(is_style_only(b) for b in NOTE_BRACKET_RE.findall(note)):
                # "(gold star)", "proposed (red star)": the one row drawn apart, in that style
                point.color = point.color or first_color(note)
                point.marker = first_marker(note) or point.marker
        above = block.context[-1] if block.context else ""
        # (or a line opening with a group's name, then a remark: "Proprietary judges (orange triangles), at list
        # API prices:")
        lead = re.split(r"[(,:;—–]", above, maxsplit=1)[0].strip()
        if above and ((block.headings and above == block.headings[-1])
                      or ((len(above.split()) <= 4 or _styled_header(above)) and group_mentioned(state, above))
                      or (0 < len(lead.split()) <= 4 and group_mentioned(state, lead))):
            # "### Reference Oxides (Black Squares)" right above; or a line naming a group ("Ground-source")
            apply_context(state, block, point)
        points.append(point)
    return points


FLAG_COL_RE = re.compile(r"(?:emph(?:asis|asi[sz]ed)?|highlight(?:ed)?|ours|focus|featured|bold|is_?ours)",
                         re.IGNORECASE)
NOTE_COL_RE = re.compile(r"(?:notes?|remarks?|comments?|annotations?)", re.IGNORECASE)
DRAWN_NOTE_RE = re.compile(r"\b(?:drawn|shown|plotted|marked|rendered)\s+(?:as|with|by)\s+(?:an?\s+)?([^;,.]{2,40})",
                           re.IGNORECASE)


STYLE_TAIL_RE = re.compile(r"\(([^()]+)\)\s*:?\s*$")


def _looks_only(rows: list[list[str]], col: int) -> bool:
    """Every filled cell of the column is a look ("blue circle"), and one at least is filled."""
    cells = [r[col] for r in rows if col < len(r) and r[col].strip()]
    return bool(cells) and all(is_style_only(c) for c in cells)


def _styled_header(text: str) -> bool:
    """A header that ends in its points' style: "+ LongRoPE-ft (ours) (red triangles)"."""
    tail = STYLE_TAIL_RE.search(text)
    return tail is not None and is_style_only(tail.group(1))


def _names_groups(state: ParseState, rows: list[list[str]], col: int, keyed: bool = False) -> bool:
    """Every cell of the column names a legend group (a dash or "n/a" says none); with `keyed`, a group the
    key itself lists."""
    # (a row cut short, the description's last, "LOW-10,Urb", says nothing either)
    width = max((len(r) for r in rows), default=0)
    # (nor does a remark in brackets: "(new format, red star)", "— (black star)" beside "Hypermarket", "Supermarket")
    cells = [r[col] for r in rows if col < len(r) == width and r[col].strip(" -–—") and r[col].strip().lower() != "n/a"
             and not REMARK_CELL_RE.fullmatch(r[col].strip(" -–—"))]
    # (but one, in a column of five or more: "Ours" beside eight "Closed" and "Open-weight" cells, the key's own
    # entry for it being the point's name)
    misses = sum(not ((g := group_named(state, c)) is not None and (g.keyed or not keyed)) for c in cells)
    return bool(state.groups) and bool(cells) and (misses == 0 or (misses == 1 and len(cells) >= 5))


REMARK_CELL_RE = re.compile(r"\([^()]*\)")


def _headed_group(state: ParseState, name: str) -> GroupFact | None:
    """The one legend group whose name begins with the column's title and the cell: "Series A (quinazolines)"
    for "A" under "Series"."""
    low = name.casefold()
    hits = [g for g in state.groups if g.name.casefold().startswith(low)
            and not g.name[len(name):][:1].isalnum()]
    return hits[0] if len(hits) == 1 else None


def _may_group(state: ParseState, rows: list[list[str]], col: int) -> bool:
    """A column titled as a grouping ("Spectral type") groups the rows, unless the legend's groups are known and
    not one of its cells ("G2V", "K5III") names any of them."""
    return not state.groups or any(
        col < len(row) and row[col].strip() and (group_named(state, row[col]) or group_mentioned(state, row[col]))
        for row in rows)


def _filled(rows: list[list[str]], col: int) -> list[str]:
    """The column's cells that say something, stripped."""
    return [row[col].strip() for row in rows if col < len(row) and row[col].strip()]


def _distinct(rows: list[list[str]], col: int) -> bool:
    """No two filled cells of the column say the same."""
    cells = _filled(rows, col)
    return len(set(cells)) == len(cells)


def _filled_share(rows: list[list[str]], col: int) -> float:
    """The share of rows with something in the column."""
    return sum(col < len(row) and bool(row[col].strip()) for row in rows) / max(len(rows), 1)


def _heads_groups(state: ParseState, title: str, rows: list[list[str]], col: int) -> bool:
    """Every filled cell, after the column's title, names a legend group: "I" and "II" under "phase" beside a
    legend of "Phase I" and "Phase II"."""
    cells = _filled(rows, col)
    return bool(state.groups) and bool(cells) and all(
        len(c) <= 3 and _headed_group(state, f"{strip_marks(title)} {c}") is not None for c in cells)


def _category(state: ParseState, cell: str) -> GroupFact | None:
    """The category a cell names, not one of the key's entries: "valley" of "Valley glaciers"."""
    cell = cell.strip()
    if not cell or any(ch.isdigit() for ch in cell) or len(cell.split()) > 4:
        return None
    found = group_named(state, cell) or group_mentioned(state, cell)
    return found if found is not None and not found.keyed else None


def _names_categories(state: ParseState, rows: list[list[str]], col: int) -> bool:
    """Half or more of the column's filled cells name a category a sentence styled ("valley" of "Valley glaciers
    are drawn as circles"; an "outlet" the text styles in words the parser did not take for a category)."""
    cells = [r[col] for r in rows if col < len(r) and r[col].strip()]
    return bool(cells) and 2 * sum(_category(state, c) is not None for c in cells) >= len(cells)


PAIR_CELL_RE = re.compile(r"[(\[][^()\[\]]*\d[^()\[\]]*,[^()\[\]]*\d[^()\[\]]*[)\]]|"
                          r"[^()\[\]]*\d[^()\[\],]*,\s[^()\[\]]*\d.*")
HEADER_PAIR_RE = re.compile(r"[(\[]([^()\[\],]+),([^()\[\],]+)[)\]]")


def _pairs_split(header: list[str], rows: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """A column of pairs ("| Coordinates (wait min, % satisfied) |" of "(34, 91)", "| (x, y) |" of "12, 80") as
    two columns, x then y, named by the header's own two names when it gives them. Not beside two columns of
    numbers: then a bracketed pair is an interval ("| 95% CI | [−3.5, −0.7] |")."""
    if sum(_numeric_share(rows, i) >= 0.8 for i in range(len(header))) >= 2:
        return header, rows
    for i, name in enumerate(header):
        cells = [r[i].strip() for r in rows if i < len(r) and r[i].strip()]
        if not cells or not all(PAIR_CELL_RE.fullmatch(c) for c in cells):
            continue
        pairs = [find_pair(r[i]) if i < len(r) and r[i].strip() else None for r in rows]
        if sum(p is not None for p in pairs) < len(cells):
            continue
        named = HEADER_PAIR_RE.search(name)
        names = [named.group(1).strip(), named.group(2).strip()] if named else ["x", "y"]
        header = [*header[:i], *names, *header[i + 1:]]
        rows = [[*r[:i], *((p.x.text, p.y.text) if p else ("", "")), *r[i + 1:]]
                for r, p in zip(rows, pairs, strict=True)]
        return header, rows
    return header, rows


# "at VO2max 48.2", "MMLU: 86.4", "x = 3.2", "with Elo 2,850": a cell that names its own value
KEYED_CELL_RE = re.compile(r"(?:(?:at|with|and|for)\s+)?(?P<key>[^\W\d][\w/%°().-]*(?:\s+[^\W\d][\w/%°().-]*){0,2}?)"
                           r"\s*[:=≈~]?\s*(?P<value>[~≈]?\s*[-−]?[$€£]?\d.*)", re.IGNORECASE)


def _keys_lifted(state: ParseState, header: list[str], rows: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """A column whose every cell names its value with one key that names an axis ("at VO2max 48.2" over "at
    VO2max 53.6", the x axis "VO2max (mL/kg/min)"; "MMLU: 56.1") is a column of numbers, titled by that key when
    it has no title ("Ward 1", "Ward 2" name points: "Ward" names no axis)."""
    header = list(header)
    for i in range(len(header)):
        cells = _filled(rows, i)
        found = [KEYED_CELL_RE.fullmatch(c) for c in cells]
        if not cells or any(m is None or _cell(m.group("value")) is None for m in found):
            continue
        keys = {m.group("key").casefold() for m in found if m is not None}
        key = next(iter(keys))
        if len(keys) != 1 or (key not in ("x", "y") and not any(_fit(key, state.axes[a].title) for a in ("x", "y"))):
            continue
        header[i] = header[i].strip() or next(m.group("key") for m in found if m is not None)  # "Score" stays
        rows = [[*r[:i], m.group("value") if (m := KEYED_CELL_RE.fullmatch(r[i].strip())) else r[i], *r[i + 1:]]
                if i < len(r) else r for r in rows]
    return header, rows


def _sections_as_column(state: ParseState, block: Block, header: list[str],
                        rows: list[list[str]]) -> tuple[list[str], list[list[str]], list[int]]:
    """Rows that head the rows under them ("<th colspan=3>Terran (blue circles)</th>", "| **Zerg (purple squares)** |
    | |": one cell of words, no number) as a "group" column of the rows they head, each heading a legend group when
    it states a style. Also the source line of each row left."""
    lines = [block.row_lines[r] if r < len(block.row_lines) else block.line + 1 + r for r in range(len(rows))]
    heads = {r for r, row in enumerate(rows) if len(filled := [c for c in row if c.strip()]) == 1
             and not any(ch.isdigit() for ch in filled[0]) and len(strip_marks(filled[0]).split()) <= 8}
    if 0 not in heads or len(heads) == len(rows):  # (headings come before the rows they head)
        return header, rows, lines
    out_rows, out_lines, current = [], [], ""
    for r, row in enumerate(rows):
        if r in heads:
            text = strip_marks(next(c for c in row if c.strip()))
            found = series_header(state, text, lines[r]) or group_mentioned(state, text)
            current = found.name if found is not None else text
            continue
        out_rows.append([*row, current])
        out_lines.append(lines[r])
    return [*header, "group"], out_rows, out_lines


def _cell(text: str) -> Num | None:
    """A numeric cell: "6.7", "approx. 45.3%", "11.6K", "$0.48"; not "FP16" or "(3, 4)"."""
    text = _APPROX_RE.sub("", text.strip())
    nums = lex(text)
    if nums and nums[0].start == 0 and (span := span_middle(text, nums)) is not None \
            and not _NAME_GLUE_RE.match(text, span.end):
        return span  # "52–56", "14–16 g/kg", "13-15%": the marker at the span's middle (warned)
    if not nums or nums[0].start != 0 or _NAME_GLUE_RE.match(text, nums[0].end):
        return None  # "1B-C0", "7B-C25+math": a run's name that starts with a size
    return nums[0]


_NAME_GLUE_RE = re.compile(r"[-_+][A-Za-z0-9]")


def _numeric_share(rows: list[list[str]], col: int) -> float:
    """The share of numbers among the column's cells that say anything ("N/A", "—" say nothing: an open-weights
    table's undisclosed sizes leave the column a column of numbers)."""
    cells = [r[col] for r in rows if col < len(r) and r[col].strip() and not missing(r[col])]
    if not cells:
        return 0.0
    numbers = sum(1 for c in cells if _cell(c) is not None and not re.search(r"[A-Za-z]{4,}", _unit_dropped(c)))
    return numbers / len(cells)


SNAKE_UNIT_RE = re.compile(r"[_\s](?P<unit>[A-Za-zµμ°/²³]{1,6})$")  # "runtime_min", "mass_kg"


def _column_unit(title: str) -> str | None:
    """The physical unit a column's title states: "Runtime (min)", "runtime_min", "Mass [kg]"."""
    unit = title_unit(title)
    if unit is None and (m := SNAKE_UNIT_RE.search(title.strip())) is not None and m.group("unit") in UNITS \
            and m.group("unit") not in ("x", "×", "t", "h", "m", "s", "g", "V", "W", "J"):
        unit = m.group("unit")  # (a one-letter tail, "score_s", "batch_m", is too likely a word's)
    return unit


def _unit_dropped(cell: str) -> str:
    """A cell without its approximation sign, a unit right after its number and a remark in brackets:
    "28.4 Gbit/s", "2.4 s (clipped at the top)" are numbers; "Llama-2 70B chat" is not."""
    cell = _BRACKET_RE.sub(" ", _APPROX_RE.sub("", cell))
    return _NUMBER_UNIT_RE.sub(" ", cell, count=1)


_BRACKET_RE = re.compile(r"\([^()]*\)")
_NUMBER_UNIT_RE = re.compile(r"^\s*[~≈]?\s*[$€£]?[-−]?[\d.,]+\s*(?:[×x]\s*10\S*\s*)?[A-Za-zµμ°%/·⁻¹²³]{1,10}\b")


def _fit(head: str, title: str) -> int:
    """How well a column title names an axis: shared words, or the whole of it inside the axis title
    ("Average score" in "Average score (12 tasks)", though both its words are too common to count), or its
    abbreviation ("HR (95% CI)" of "Hazard ratio for overall survival")."""
    words = overlap(head, title) + abbreviates(head, title)
    bare = re.sub(r"\s*\([^()]*\)\s*$", "", head).strip().casefold()
    # (or its symbol, marks left out: "xg90" of "Expected goals per 90 (xG/90)")
    return words + (1 if bare and len(bare) >= 4 and bare in title.casefold() else 0) + \
        (3 if names_symbol(head, title) else 0)


def _xy_columns(state: ParseState, header: list[str], numeric: list[int]) -> tuple[int, int] | None:
    """Which numeric columns are x and y: "(X)" tags, "gflops = x" statements, axis-title words, order."""
    if len(numeric) < 2:
        return None
    chosen: dict[str, int] = {}
    for i in numeric:
        tag = XY_TAG_RE.search(header[i])
        axis = (next(g for g in tag.groups() if g).lower() if tag else None) or state.column_map.get(header[i].lower())
        if axis and axis not in chosen:
            chosen[axis] = i
    for axis in ("x", "y"):
        if axis in chosen:
            continue
        label = state.axes[axis].title
        scored = sorted(((_fit(header[i], label), -i) for i in numeric if i not in chosen.values()), reverse=True)
        other = state.axes["y" if axis == "x" else "x"].title
        for score, neg_i in scored:
            if score > 0 and score >= _fit(header[-neg_i], other):
                chosen[axis] = -neg_i
                break
    rest = [i for i in numeric if i not in chosen.values()]
    if not chosen and len(rest) >= 2 and (said := declared_y_first(state)) is not None:
        # no column named by an axis, and the text says the vertical value comes first ("listed radius first and
        # period second"): the first column of numbers is y
        first, then = (" ".join(said.group(k).split()) for k in ("a", "b"))
        state.warn(f"the text lists {first} first, then {then} (y first): the table's first column of numbers is "
                   "read as y")
        rest[:2] = [rest[1], rest[0]]
    for axis in ("x", "y"):
        if axis not in chosen and rest:
            chosen[axis] = rest.pop(0)
    if "x" not in chosen or "y" not in chosen:
        return None
    return chosen["x"], chosen["y"]


def _group_column(state: ParseState, header: list[str], rows: list[list[str]], taken: set[int],
                  numeric: set[int]) -> int | None:
    """The column naming each row's group: by its title ("Family"), or every cell a legend group's name; a
    column of numbers only in that second way ("Season" of 2015 and 2022 under a legend of the two years)."""
    found = [i for i, h in enumerate(header) if i not in taken and (
        _names_groups(state, rows, i) or (GROUP_COL_RE.search(h) and i not in numeric and _may_group(state, rows, i))
        or _heads_groups(state, h, rows, i)
        or (LABEL_COL_RE.search(h) and i not in numeric and not _distinct(rows, i)))]
    # (the key's own entries beat categories a sentence described: "region" of Alps, Scandinavia under a key of
    # regions, not "type" of valley/outlet after "Valley glaciers are drawn as circles")
    keyed = [i for i in found if _names_groups(state, rows, i, keyed=True)]
    return (keyed or found)[0] if found else None
