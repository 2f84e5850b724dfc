"""Descriptions written from random charts, in several styles, parse back to the same points."""
from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from redraw.parse import parse

NAMES = st.from_regex(r"[A-Z][a-z]{2,6}-[0-9]{1,2}[A-Z]?", fullmatch=True)
VALUES = st.floats(min_value=0.5, max_value=950, allow_nan=False).map(lambda v: round(v, 1))
COLOURS = st.sampled_from(["blue", "red", "green", "orange", "purple", "gray"])
MARKERS = st.sampled_from([("circle", "o"), ("square", "s"), ("triangle", "^"), ("diamond", "D")])
POINTS = st.lists(st.tuples(NAMES, VALUES, VALUES, COLOURS, MARKERS), min_size=1, max_size=8,
                  unique_by=lambda p: p[0].lower())


def bullets(points):
    lines = ["Scatter plot.", "- **X-axis**: Training cost (GPU hours)", "- **Y-axis**: Benchmark score", ""]
    lines += [f"- **{n}** ({c} {m[0]}): ({x}, {y})" for n, x, y, c, m in points]
    return "\n".join(lines)


def table(points):
    lines = ["Scatter plot. X-axis: Training cost. Y-axis: Benchmark score.", "",
             "| Model | Colour | Marker | Training cost | Benchmark score |", "| --- | --- | --- | --- | --- |"]
    lines += [f"| {n} | {c} | {m[0]} | {x} | {y} |" for n, x, y, c, m in points]
    return "\n".join(lines)


def records(points):
    lines = ["## Scatter plot", "- **X-axis**: Training cost", "- **Y-axis**: Benchmark score", "### Points"]
    for i, (n, x, y, c, m) in enumerate(points, 1):
        lines += [f"{i}. **{n}** ({c} {m[0]}):", f"- Benchmark score: ~{y}", f"- Training cost: ~{x}"]
    return "\n".join(lines)


def prose(points):
    sentences = [f"{n} is drawn as a {c} {m[0]} at ({x}, {y})." for n, x, y, c, m in points]
    return "The figure is a scatter plot of benchmark score against training cost.\n\n" + " ".join(sentences)


STYLES = st.sampled_from([bullets, table, records, prose])


@given(POINTS, STYLES)
def test_written_points_parse_back(points, style):
    spec = parse(style(points), "generated.md")
    got = {p.label: p for p in spec.points}
    assert sorted(got) == sorted(n for n, *_ in points), style.__name__
    for n, x, y, colour, (_, marker) in points:
        p = got[n]
        assert math.isclose(p.x, x, rel_tol=1e-9) and math.isclose(p.y, y, rel_tol=1e-9), (style.__name__, n)
        assert p.color == colour and p.marker == marker, (style.__name__, n, p.color, p.marker)
