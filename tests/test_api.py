"""The small public API: redraw.parse, redraw.render, redraw.redraw."""
from __future__ import annotations

import pickle

import pytest

import redraw
from tests.conftest import EXAMPLES

TEXT = "Scatter plot. X-axis: Params (B). Y-axis: Score.\n\n- **Phi-2:** (2.7, 55.5)\n- **Ours-1B (Ours):** (1, 60)\n"


def test_exports():
    assert set(redraw.__all__) >= {"parse", "render", "redraw", "ChartSpec", "RedrawError"}
    assert redraw.ChartSpec.__name__ == "ChartSpec"


def test_parse_render():
    spec = redraw.parse(TEXT)
    assert [p.label for p in spec.points] == ["Phi-2", "Ours-1B (Ours)"]
    assert spec.points[1].highlight
    fig = redraw.render(spec)
    assert fig.axes[0].get_xlabel() == "Params (B)"


def test_redraw_from_text_and_path(tmp_path):
    spec = redraw.redraw(TEXT, tmp_path / "a.svg")
    assert (tmp_path / "a.svg").read_bytes().lstrip().startswith(b"<?xml")
    spec2 = redraw.redraw(EXAMPLES[0], tmp_path / "b.pdf")
    assert (tmp_path / "b.pdf").read_bytes()[:4] == b"%PDF"
    assert spec.points and spec2.points


def test_error_names_file_and_line_and_pickles():
    with pytest.raises(redraw.RedrawError) as err:
        redraw.parse("# Pie chart of shares\nA 40%, B 60%", source="shares.md")
    assert str(err.value).startswith("shares.md:1: ")
    again = pickle.loads(pickle.dumps(err.value))
    assert str(again) == str(err.value)


def test_version_is_written_once(capsys):
    from importlib.metadata import version

    from redraw.cli import main

    assert version("redraw") == redraw.__version__  # pyproject.toml reads redraw/_version.py
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out == f"redraw {redraw.__version__}\n"
