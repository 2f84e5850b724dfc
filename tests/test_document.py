"""The document layer: markdown-it with only the block rules a text can use gives the same tokens as
markdown-it with all of them (the speed-up must never change what the rules read)."""
from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from redraw.parse.document import _ALWAYS_OFF, _markdown, _without_commentary, clean, parse_document, sentences

ROOT = Path(__file__).parent.parent
FULL = MarkdownIt("commonmark", {"html": True}).enable("table").disable(list(_ALWAYS_OFF))

CONSTRUCTS = {
    "table": "Intro\n\n| Model | x | y |\n|---|---|---|\n| A | 1 | 2 |\n",
    "table without a blank line": "Points:\n| Model | x | y |\n|---|---|---|\n| A | 1 | 2 |\n",
    "fence": "Data:\n```csv\nmodel,x,y\nA,1,2\n```\n- B: (3, 4)\n",
    "tilde fence": "~~~\nmodel,x,y\n~~~\n",
    "html table": "<table><tr><th>Model</th><th>x</th></tr><tr><td>A</td><td>1</td></tr></table>\n",
    "hr between sections": "## Axes\n- X-axis: Params\n\n---\n\n## Points\n- A: (1, 2)\n",
    "spaced hr": "Text\n\n* * *\n\nMore\n",
    "setext title": "Model Scores\n============\n\n- A: (1, 2)\n",
    "setext h2 and dash list": "Points\n------\n- A: (1, 2)\n- B: (3, 4)\n",
    "dash under a paragraph": "Some text\n-\n",
    "no headings at all": "Scatter plot. X-axis: Params (B). Y-axis: Score.\n\n- A: (1, 2)\n",
    "heading after a list": "- A: (1, 2)\n# Next\ntext\n",
    "nested lists": "* **4B:**\n  * A: (4B, 81)\n    * note\n* B: (10B, 76)\n",
}


def _texts() -> list[tuple[str, str]]:
    texts = [(f"example {p.name}", p.read_text(encoding="utf-8")) for p in sorted((ROOT / "examples").iterdir())]
    return texts + sorted(CONSTRUCTS.items())


def _tokens(md: MarkdownIt, text: str) -> list[tuple[object, ...]]:
    return [(t.type, t.tag, t.map, t.content, t.info, t.level) for t in md.parse(text)]


@pytest.mark.parametrize("name,text", _texts(), ids=[n for n, _ in _texts()])
def test_gated_markdown_gives_the_same_tokens(name: str, text: str) -> None:
    described = _without_commentary(clean(text))
    assert _tokens(_markdown(described), described) == _tokens(FULL, described)


def test_gating_really_leaves_rules_out() -> None:
    """The equality above must not hold just because every rule stayed on."""
    active = _markdown("- A: (1, 2)\n").get_active_rules()["block"]
    assert "table" not in active and "fence" not in active and "hr" not in active
    active = _markdown(CONSTRUCTS["table"] + CONSTRUCTS["fence"] + CONSTRUCTS["spaced hr"]).get_active_rules()["block"]
    assert {"table", "fence", "hr", "lheading"} <= set(active)


def test_setext_heading_is_a_heading() -> None:
    doc = parse_document(CONSTRUCTS["setext title"])
    assert [(b.kind, b.text) for b in doc.blocks][:1] == [("heading", "Model Scores")]


# Inline spans are bounded (document.SPAN): an opener with no closer costs SPAN steps, not the rest of the
# text, so parse time grows linearly with runs of backticks or "**a " (benchmarks/scale.py measures it).
def test_a_code_span_closes_with_a_run_of_its_own_length():
    from redraw.parse.document import _plain

    assert _plain("`` a ` b `` and `c`") == "a ` b and c"
    assert _plain("``a` b") == "``a` b"


@pytest.mark.parametrize(("length", "unbolded"), [(500, True), (501, False)])
def test_a_bold_span_is_at_most_span_characters(length, unbolded):
    from redraw.parse.document import SPAN, _plain

    assert SPAN == 500
    inner = "b" * length
    assert (_plain(f"**{inner}**") == inner) is unbolded
    assert (_plain(f"*{inner}*") == inner) is unbolded
    assert (_plain(f"`{inner}`") == inner) is unbolded


@pytest.mark.parametrize("text,expected", [
    # an initial before a surname ends no sentence, after a comma or a word in lower case
    ("Hviid and R. Tavernier are close. K. Asante sits higher.", ["Hviid and R. Tavernier are close.",
                                                                 "K. Asante sits higher."]),
    ("It rises, whereas S. Nakamura-Ito falls.", ["It rises, whereas S. Nakamura-Ito falls."]),
    # a capital letter that ends a name, or a sentence opener after the initial, ends it
    ("The best is Team B. Petra Lind leads.", ["The best is Team B.", "Petra Lind leads."]),
    ("It is vitamin D. The next one is E.", ["It is vitamin D.", "The next one is E."]),
])
def test_sentences_and_initials(text, expected):
    assert sentences(text) == expected
