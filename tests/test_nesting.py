"""Lists nested deeper than markdown-it's bound (issue 16, item 8): nothing the text states is dropped. Past
document.LIST_DEPTH levels the items are read as one list at that depth, with a warning naming the first line;
any nesting within the limits parses in well under a second."""
from __future__ import annotations

import time

import pytest

from redraw.errors import RedrawError
from redraw.limits import MAX_TEXT_BYTES, MAX_TEXT_LINES
from redraw.parse import parse
from redraw.parse.document import LIST_DEPTH, parse_document

HEAD = "Scatter plot.\n\n- **A**: (1, 2)\n"   # A on line 3, at depth 1
BOUND = 1.0   # seconds
SCALE_BOUND = 3.0   # tests/test_scale.py's


def _nested(levels: int, indent: str = "  ", mark: str = "-") -> str:
    """HEAD, then M1 under A, M2 under M1, ... (M<d> on line d + 3, d + 1 lists deep)."""
    return HEAD + "".join(f"{indent * d}{mark} **M{d}**: ({d}, {d + 1})\n" for d in range(1, levels))


def _labels(text: str) -> set[str]:
    return {p.label for p in parse(text).points if p.label}


@pytest.mark.parametrize(("indent", "mark"), [("  ", "-"), ("   ", "1."), ("  ", "*")])
def test_items_nested_past_the_bound_keep_their_points_and_warn_with_the_line(indent: str, mark: str) -> None:
    text = _nested(30, indent, mark)
    spec = parse(text)
    assert {p.label for p in spec.points} == {"A", *(f"M{d}" for d in range(1, 30))}
    # the first item nested past the bound is M9's content (lists 10 deep), on line 12
    assert [w for w in spec.warnings if "nested" in w] == [
        f"line 12: a list nested over {LIST_DEPTH} deep is read as one list at that depth"]


def test_deep_items_keep_their_lines() -> None:
    doc = parse_document(_nested(30))
    lines = {b.text.split(":")[0]: b.line for b in doc.blocks if b.kind == "item"}
    assert lines == {"A": 3, **{f"M{d}": d + 3 for d in range(1, 30)}}


def test_what_follows_a_deep_list_is_read() -> None:
    text = _nested(30) + "- **Z**: (7, 8)\n\nThe x-axis is Cost.\n"
    spec = parse(text)
    assert {"A", "M29", "Z"} <= {p.label for p in spec.points}
    assert spec.x_axis.label == "Cost"


def test_lists_within_the_bound_are_read_without_a_warning() -> None:
    text = _nested(LIST_DEPTH)   # M<LIST_DEPTH - 1> is LIST_DEPTH lists deep
    spec = parse(text)
    assert len(spec.points) == LIST_DEPTH
    assert not [w for w in spec.warnings if "nested" in w]


def test_one_warning_for_many_deep_lists() -> None:
    text = HEAD + "".join("- " * 12 + f"**P{d}**: ({d}, {d})\n" for d in range(1, 41))
    spec = parse(text)
    assert {f"P{d}" for d in range(1, 41)} <= {p.label for p in spec.points}
    assert [w for w in spec.warnings if "nested" in w] == [
        f"line 4: a list nested over {LIST_DEPTH} deep is read as one list at that depth (as are 39 more)"]


def _timed(text: str) -> tuple[float, set[str] | None]:
    assert len(text.encode()) <= MAX_TEXT_BYTES and text.count("\n") <= MAX_TEXT_LINES
    t0 = time.perf_counter()
    try:
        labels: set[str] | None = {p.label for p in parse(text).points if p.label}
    except RedrawError:
        labels = None   # a refusal is an answer too
    return time.perf_counter() - t0, labels


@pytest.mark.parametrize("mark", ["- ", "1. "])
def test_2000_levels_on_one_line_parse_within_the_bound(mark: str) -> None:
    elapsed, labels = _timed(HEAD + mark * 2000 + "**D**: (5, 6)\n")
    assert elapsed < BOUND
    assert labels is None or labels == {"A", "D"}


def test_2000_lines_each_nested_past_the_bound_parse_within_the_scale_bound() -> None:
    # markdown-it's own cost (a nested call per level, up to LIST_DEPTH a line): ~0.6 s here, as 2,000 lines of
    # items 9 deep cost before; tests/test_scale.py's bound, for a machine busier than this one
    lines = MAX_TEXT_LINES - 3
    text = HEAD + "".join("- " * 20 + f"**P{d}**: " + (f"({d}, {d})\n" if d % 2 == 0 else "none\n")
                          for d in range(lines))
    elapsed, labels = _timed(text)
    assert elapsed < SCALE_BOUND
    assert labels is None or {"A", "P0", f"P{lines - 1}"} <= labels


def test_deep_indented_lists_up_to_128_kb_parse_within_the_bound() -> None:
    levels = 330   # the deepest that 128 KB of indented lines holds, two spaces a level
    elapsed, labels = _timed(HEAD + "".join("  " * d + f"- **P{d}**: ({d}, {d})\n" for d in range(1, levels)))
    assert elapsed < BOUND
    assert labels is None or len(labels) == levels
