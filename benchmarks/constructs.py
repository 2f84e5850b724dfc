"""Inputs built to be slow or to break the parser (issue 16): every markdown, number and cue-word construct we
could think of, each repeated to a requested size. Used by benchmarks/scale.py (time per size, growth per
doubling) and tests/test_scale.py (each at ~100 KB within a loose bound)."""
from __future__ import annotations

from collections.abc import Callable

BASE = "Scatter plot.\n\n- **A**: (1, 2)\n- **B**: (2, 3)\n"


def _fill(unit: str, n: int, head: str = BASE, tail: str = "\n") -> str:
    """`head`, then `unit` repeated to about n characters."""
    return head + unit * max(1, (n - len(head)) // max(1, len(unit))) + tail


def _lines(make: Callable[[int], str], n: int, head: str = "Scatter plot.\n\n") -> str:
    """`head`, then make(0), make(1), ... until about n characters."""
    parts, size, i = [head], len(head), 0
    while size < n:
        parts.append(make(i))
        size += len(parts[-1])
        i += 1
    return "".join(parts)


CONSTRUCTS: dict[str, Callable[[int], str]] = {
    # runs of one markup character, with no text around them
    **{f"a run of {ch!r}": (lambda n, ch=ch: _fill(ch, n)) for ch in "`*_~#>|-=[](){}<!\\$:\"'"},
    # openers that never close
    '"**a " repeated': lambda n: _fill("**a ", n),
    '"__a " repeated': lambda n: _fill("__a ", n),
    '"*a " repeated': lambda n: _fill("*a ", n),
    '"_a " repeated': lambda n: _fill("_a ", n),
    '"`a " repeated': lambda n: _fill("`a ", n),
    '"[a](" repeated': lambda n: _fill("[a](", n),
    '"(a, " repeated': lambda n: _fill("(a, ", n),
    '"(1, " repeated': lambda n: _fill("(1, ", n),
    '"<b>a " repeated': lambda n: _fill("<b>a ", n),
    "unclosed colour tags": lambda n: _fill('<span style="color:red">a ', n),
    '"<!-- " repeated': lambda n: _fill("<!-- ", n),
    "an unclosed comment before points": lambda n: _fill("- **C**: (3, 4)\n", n, BASE + "<!--\n"),
    "an unclosed code fence": lambda n: _fill("- **C**: (3, 4)\n", n, BASE + "```\n"),
    "an unclosed quote": lambda n: _fill("a ", n, BASE + '"'),
    "nested brackets": lambda n: BASE + "(" * (n // 2) + ")" * (n // 2) + "\n",
    # numbers
    "one long number": lambda n: _fill("9", n, BASE + "- **C**: ("),
    "a long decimal": lambda n: _fill("9", n, BASE + "- **C**: (1.", ", 2)\n"),
    "huge exponents": lambda n: _fill("- **E**: (1e400, 10^400)\n", n),
    "tiny and huge values": lambda n: _lines(lambda i: f"- **V{i}**: (1e-{300 - i % 7}, 1e{300 - i % 5})\n", n),
    "number runs": lambda n: _fill("1, 2, 3, 4, 5, ", n),
    "dotted numbers": lambda n: _fill("1.2.3.4.", n),
    "magnitudes": lambda n: _fill("~2.5B 350M 1e21 10²¹ 81% ", n),
    "minus and tilde runs": lambda n: _fill("-~-~", n),
    # cue words of each rule, repeated
    '"A vs. B" axis prose': lambda n: _fill("A vs. B on the x-axis and the y-axis. ", n),
    "horizontal-line sentences": lambda n: _fill('A horizontal dashed line at y = 5 is labelled "x". ', n),
    "trend-line sentences": lambda n: _fill("A dashed trend line is fitted to all points except ours. ", n),
    "ours cues": lambda n: _fill("Ours (proposed, red star) is the primary subject. ", n),
    "correction cues": lambda n: _fill("Correction: the marker is at about 50.5%, not at 1.9x. ", n),
    "title cues": lambda n: _fill('The title reads "A". Titled "B". ', n),
    '"x-axis " repeated': lambda n: _fill("x-axis ", n),
    '"y axis " repeated': lambda n: _fill("y axis ", n),
    "axis words": lambda n: _fill("abscissa ordinate X axis. legend x-axis trend ", n),
    "axis keys on every line": lambda n: _lines(lambda i: "x-axis y-axis " * 4 + "\n", n),
    "respectively sentences": lambda n: _lines(
        lambda i: f"A, B, C and D score {i}, {i + 1}, {i + 2} and {i + 3} respectively, vs. {i}. respectively\n", n),
    "scale cues": lambda n: _fill("The x-axis is log scale with ticks 1k, 10k, 100k. ", n),
    "colour and marker words": lambda n: _fill("blue squares red stars green triangles grey octagons ", n),
    "marker glyphs": lambda n: _fill("★ ● ▲ ◆ ■ × ", n),
    "legend lines": lambda n: _lines(lambda i: f"- blue circle: Family {i}\n", n, BASE + "Legend:\n"),
    "keyed values": lambda n: _fill("τ ≈ 2.27, speedup ≈ 1.82×, GFLOPs: ~70, GLUE: 82; ", n),
    "literal \\n": lambda n: _fill("\\n- **C**: (3, 4)", n),
    "one long line of words": lambda n: _fill("model ", n),
    "one long word": lambda n: _fill("a", n),
    # structure
    "list items": lambda n: _lines(lambda i: f"- **M{i}**: ({i}, {i % 7})\n", n),
    "numbered items": lambda n: _lines(lambda i: f"{i + 1}. M{i} at x = {i}, y = {i % 7}\n", n),
    "prose points": lambda n: _lines(lambda i: f"M{i} sits at ({i}, {i % 7}) as a blue circle. ", n),
    "nested lists": lambda n: _lines(lambda i: "  " * (i % 40) + f"- M{i}: ({i}, 1)\n", n),
    "headings with items": lambda n: _lines(lambda i: f"### Series {i}\n- **S{i}**: ({i}, {i % 7})\n", n),
    "headings alone": lambda n: _lines(lambda i: f"{'#' * (1 + i % 6)} Heading {i}\n", n),
    "table rows": lambda n: _lines(lambda i: f"| M{i} | {i} | {i % 7} | blue | o |\n", n,
                                   "Scatter plot.\n\n| Model | x | y | colour | marker |\n|---|---|---|---|---|\n"),
    "a wide table": lambda n: ("Scatter plot.\n\n" + "| a " * (n // 8) + "|\n" + "|---" * (n // 8) + "|\n"
                               + "| 1 " * (n // 8) + "|\n"),
    "blockquotes": lambda n: _lines(lambda i: ">" * (1 + i % 30) + f" M{i}: ({i}, 1)\n", n),
    "html blocks": lambda n: _lines(lambda i: f"<div><p>M{i}: ({i}, 1)</p></div>\n", n),
    "yaml-like blocks": lambda n: _lines(lambda i: f"- name: M{i}\n  x: {i}\n  y: {i % 7}\n  color: blue\n", n),
    "blank lines": lambda n: _fill("\n", n),
    "mixed": lambda n: _lines(lambda i: [
        f"- **M{i}** (red star, ours): (~{i}B, {i % 90}%)\n", f"| R{i} | {i}e3 | {i % 9} |\n",
        f"The x-axis (log scale) runs from 1 to {i}. ", f"*note {i}* **bold {i} ", f"### Group {i}\n"][i % 5], n),
}


def sized(name: str, n: int) -> str:
    """The construct `name` at about n UTF-8 bytes (never more: glyphs take several bytes each)."""
    text = CONSTRUCTS[name](n)
    while len(text.encode()) > n:
        text = text[: len(text) - (len(text.encode()) - n + 3) // 4 - 1]
    return text
