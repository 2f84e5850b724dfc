"""Metamorphic properties of the parser: edits to a description change the spec exactly as they should.

Descriptions are written from random model names and values in four styles (bold-key bullets, a
numbered list, a markdown table, prose sentences). Deleting one point's line removes that point and
no other; renaming a label renames only that point; reordering the points' lines reorders the points
only; a blank line or a "### Key Observations" section with numbers in it adds no point.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from redraw.parse import parse

# A point as written: (label, x in billions of parameters, y in %, colour, marker word)
Row = tuple[str, float, float, str, str]

BASES = ["Llama", "Qwen", "Mistral", "Gemma", "Phi", "Falcon", "Orca", "Vicuna", "Pythia", "Zephyr", "Yi",
         "OLMo", "DeepSeek", "InternLM", "Baichuan", "StableLM", "MiniCPM", "TinyLlama", "Granite", "Nemotron"]
# invented names, so the properties do not hinge on a fixed list
INVENTED = st.from_regex(r"[A-Z][a-z]{2,6}(?:[A-Z][a-z]{1,4})?", fullmatch=True)
VERSIONS = st.sampled_from(["", "2", "3", "-2", "-3.1", "1.5", "-v2", "-X", "2.5"])
SIZES = st.sampled_from(["-7B", "-13B", "-70B", "-1.8B", "-350M", "-8x7B", "-0.5B", "", "-mini", "-Chat"])
NAMES = st.builds(lambda b, v, s: b + v + s, st.one_of(st.sampled_from(BASES), INVENTED), VERSIONS, SIZES)
PARAMS = st.one_of(st.integers(1, 400).map(float), st.floats(0.2, 400).map(lambda v: round(v, 1)))
SCORES = st.floats(5, 99.9).map(lambda v: round(v, 1))
COLOURS = st.sampled_from(["blue", "green", "orange", "purple", "gray"])
MARKERS = st.sampled_from(["circle", "square", "triangle", "diamond"])
MARKER_CODE = {"circle": "o", "square": "s", "triangle": "^", "diamond": "D"}


def _key(label: str) -> str:
    """Labels the parser would merge as one ("Llama-7B" ~ "llama7b") count as the same here."""
    return re.sub(r"[^0-9a-z.]", "", label.casefold())


ROWS = st.lists(st.tuples(NAMES, PARAMS, SCORES, COLOURS, MARKERS), min_size=2, max_size=7,
                unique_by=lambda r: _key(r[0]))


# -- styles: each returns (header lines, one line per point, in order) -------------------------------

def bullets(rows: list[Row]) -> tuple[list[str], list[str]]:
    head = ["Scatter plot.", "", "* **X-axis:** Parameters (B), log scale", "* **Y-axis:** Accuracy (%)",
            "* **Data points:**"]
    return head, [f"* **{n} ({c.title()} {m.title()}):** Approximately ({x}, {y})" for n, x, y, c, m in rows]


def numbered(rows: list[Row]) -> tuple[list[str], list[str]]:
    head = ["A scatter plot of accuracy against model size.", "",
            "X-axis: Parameters (B). Y-axis: Accuracy (%).", ""]
    return head, [f"{i}. {n}: ({x}B, {y}%), {c} {m}" for i, (n, x, y, c, m) in enumerate(rows, 1)]


def table(rows: list[Row]) -> tuple[list[str], list[str]]:
    head = ["Scatter plot. X-axis: Parameters (B). Y-axis: Accuracy (%).", "",
            "| Model | Marker | Parameters (B) | Accuracy (%) |", "| --- | --- | ---: | ---: |"]
    return head, [f"| {n} | {c} {m} | {x} | {y} |" for n, x, y, c, m in rows]


def prose(rows: list[Row]) -> tuple[list[str], list[str]]:
    head = ["The figure is a scatter plot. The x-axis shows parameters (B) and the y-axis accuracy (%).", ""]
    return head, [PROSE[len(n) % len(PROSE)].format(n=n, x=x, y=y, c=c, m=m) for n, x, y, c, m in rows]


PROSE = ["{n} sits at about {x}B parameters with {y}%, drawn as a {c} {m}.",
         "{n}, a {c} {m}, scores {y}% with roughly {x}B parameters.",
         "{n} reaches {y}% at {x}B parameters ({c} {m})."]


STYLES: list[Callable[[list[Row]], tuple[list[str], list[str]]]] = [bullets, numbered, table, prose]


def text_of(style: Callable[[list[Row]], tuple[list[str], list[str]]], rows: list[Row]) -> str:
    head, lines = style(rows)
    return "\n".join(head + lines)


def read(text: str) -> list[tuple[str, float, float, str | None, str | None]]:
    spec = parse(text, "meta.md")
    return [(p.label, p.x, p.y, p.color, p.marker) for p in spec.points]


def expected(rows: list[Row]) -> list[tuple[str, float, float, str | None, str | None]]:
    return [(n, x, y, c, MARKER_CODE[m]) for n, x, y, c, m in rows]


@given(ROWS, st.sampled_from(STYLES))
def test_written_rows_parse_back_in_order(rows, style):
    assert read(text_of(style, rows)) == expected(rows), style.__name__


@given(ROWS, st.sampled_from(STYLES), st.data())
def test_deleting_a_points_line_removes_only_that_point(rows, style, data):
    i = data.draw(st.integers(0, len(rows) - 1), label="deleted")
    head, lines = style(rows)
    text = "\n".join(head + lines[:i] + lines[i + 1:])
    assert read(text) == expected(rows[:i] + rows[i + 1:]), style.__name__


@given(ROWS, st.sampled_from(STYLES), st.data())
def test_renaming_a_label_renames_only_that_point(rows, style, data):
    i = data.draw(st.integers(0, len(rows) - 1), label="renamed")
    new = data.draw(NAMES.filter(lambda n: _key(n) not in {_key(r[0]) for r in rows}), label="new name")
    renamed = list(rows)
    renamed[i] = (new, *rows[i][1:])
    assert read(text_of(style, renamed)) == expected(renamed), style.__name__


@given(ROWS, st.sampled_from(STYLES), st.randoms(use_true_random=False))
def test_reordering_lines_reorders_points_only(rows, style, rnd):
    shuffled = list(rows)
    rnd.shuffle(shuffled)
    before, after = read(text_of(style, rows)), read(text_of(style, shuffled))
    assert sorted(after) == sorted(before), style.__name__
    assert [p[0] for p in after] == [r[0] for r in shuffled], style.__name__


@given(ROWS, st.sampled_from(STYLES), st.data())
def test_a_blank_line_adds_no_point(rows, style, data):
    head, lines = style(rows)
    all_lines = head + lines
    # anywhere, except inside a table: there a blank line ends the table (markdown), so before it or after it
    spots = [*range(len(head) - 1), len(all_lines)] if style is table else list(range(len(all_lines) + 1))
    at = data.draw(st.sampled_from(spots), label="at")
    text = "\n".join([*all_lines[:at], "", *all_lines[at:]])
    assert read(text) == expected(rows), style.__name__


COMMENTARY = [
    "* {a} is the most accurate model at {ya}%.",
    "* Accuracy rises from about 40% at 1B to 80% at 70B parameters.",
    "* The gap between {a} and {b} is about 12.5 points.",
    "* {a} scores {ya}% with {xa}B parameters, ahead of {b}.",
    "* Most models cluster between 10B and 70B parameters, with accuracy between 40% and 75%.",
    "* **Efficiency:** {b} reaches {yb}% at just {xb}B parameters.",
    "{a} is roughly 2.5x larger than {b} but only 3.1 points better.",
    "1. Scaling from 7B to 70B parameters adds about 15% accuracy.",
]


@given(ROWS, st.sampled_from(STYLES), st.lists(st.sampled_from(COMMENTARY), min_size=1, max_size=4, unique=True))
def test_a_key_observations_section_adds_no_point(rows, style, notes):
    (a, xa, ya, *_), (b, xb, yb, *_) = rows[0], rows[-1]
    section = ["", "### Key Observations", ""] + [n.format(a=a, b=b, xa=xa, ya=ya, xb=xb, yb=yb) for n in notes]
    assert read(text_of(style, rows) + "\n" + "\n".join(section)) == expected(rows), style.__name__
