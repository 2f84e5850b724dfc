"""A figure that may be wrong is never published silently: a warning line, and --strict refuses it."""
from __future__ import annotations

from redraw.cli import main

FAR = """Scatter plot. X-axis: Cost ($), 0 to 10. Y-axis: Score, 0 to 100.
- A: (2, 50)
- B: (3, 60)
- C: (450, 70)
"""
FEW = """The scatter plot compares 12 different language models on speed and accuracy.
- Alpha: (10, 50)
- Beta: (20, 60)
"""
FINE = "Scatter plot.\n- A: (1, 2)\n- B: (2, 3)\n"


def _inputs(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "far.md").write_text(FAR, encoding="utf-8")
    (src / "few.md").write_text(FEW, encoding="utf-8")
    (src / "fine.md").write_text(FINE, encoding="utf-8")
    return src


def test_doubts_are_printed_and_the_figures_still_drawn(tmp_path, capsys):
    src = _inputs(tmp_path)
    assert main([str(src), str(tmp_path / "out"), "-j", "1"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert f"redraw: warning: {src / 'far.md'}: 'C' sits far outside the stated x range 0 to 10: " \
           "a value or the axis is probably misread" in err
    assert f"redraw: warning: {src / 'few.md'}: the description speaks of 12 points but only 2 could be read" in err
    assert not any("fine.md" in line for line in err)
    assert {p.name for p in (tmp_path / "out").glob("*.png")} == {"far.png", "few.png", "fine.png"}


def test_strict_refuses_doubtful_files_only(tmp_path, capsys):
    src = _inputs(tmp_path)
    assert main([str(src), str(tmp_path / "out"), "-j", "1", "--strict"]) == 1
    err = capsys.readouterr().err
    assert err.count("redraw: error:") == 2 and "refused under --strict" in err
    assert {p.name for p in (tmp_path / "out").glob("[!.]*")} == {"fine.png", "fine.json", "index.html"}
