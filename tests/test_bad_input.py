"""Broken input never crashes redraw and never costs another file its output (CLI cases in-process;
signals in a real process)."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from redraw.cli import main
from redraw.errors import RedrawError
from redraw.parse import parse
from redraw.render import figure_bytes, render
from redraw.spec import ChartSpec, Point
from tests.conftest import EXAMPLES, ROOT

GOOD = EXAMPLES[0].read_text(encoding="utf-8")


def points_text(n: int) -> str:
    rows = "\n".join(f"- **M-{i}:** ({1 + i % 97}, {20 + (i * 37) % 60})" for i in range(n))
    return f"Scatter plot. X-axis: Params (B). Y-axis: Score.\n\n{rows}\n- **Ours-1 (Ours):** (50, 90)\n"


# -- the parser ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text,message", [
    ("", "empty"),
    ("  \n\t \n", "empty"),
    ("## Bar Chart: x\n| A | 1 |\n|---|---|\n", "bar chart"),
    ("Scatter plot with nothing in it.", "no readable point"),
    ('{"points": [{"label": "A", "x": NaN, "y": 1}]}', "points.0.x"),
    ('{"points": [{"label": "A", "x": Infinity, "y": 1}]}', "points.0.x"),
    ('{"points": [{"label": "A", "x": 1}]}', "points.0.y: Field required"),
    ('{"points": [{"label": "A", "x": 1, "y": 2, "colour": "red"}]}', "points.0.colour"),
    ('{"points": [', "invalid JSON"),
    # a JSON record with no description in a text field of its own is still read as a ChartSpec, and refused
    ('{"id": 3, "text": "too short to be a description"}', "not a valid ChartSpec"),
    ('{"x_axis": {"ticks": [1, 2], "tick_labels": ["a"]}, "points": [{"label": "A", "x": 1, "y": 2}]}',
     "x_axis: Value error, tick_labels has 1 labels for 2 ticks"),
    # an unknown colour or marker is refused, never drawn as some other one (docs/spec.md)
    ('{"points": [{"label": "A", "x": 1, "y": 2, "color": "blurple"}]}', "points.0.color: Value error, unknown colour"),
    ('{"groups": [{"name": "G", "marker": "star"}], "points": [{"label": "A", "x": 1, "y": 2}]}',
     "groups.0.marker: Value error, unknown marker 'star'"),
    ('{"points": [{"label": "A", "x": 1, "y": 2}], "trend_lines": [{"color": "#12345"}]}',
     "trend_lines.0.color: Value error, unknown colour"),
    ('{"points": [{"label": "A", "x": 1, "y": 2}, {"label": "B", "x": 1, "y": 3}], "trend_lines": [{}]}',
     "trend_lines.0: its points span fewer than two x values"),
])
def test_refusals_are_redraw_errors(text, message):
    with pytest.raises(RedrawError) as err:
        parse(text, "in.md")
    assert message in str(err.value) and str(err.value).startswith("in.md")


def test_a_json_record_holding_a_description_is_read_by_its_text_field():
    import json
    record = json.dumps({"id": "fig-3", "source": "paper.pdf#page=6", "text": GOOD + "\nSome more words. " * 12})
    spec = parse(record, "in.json")
    assert [p.label for p in spec.points] == [p.label for p in parse(GOOD).points]
    assert any("'text' field is read" in w for w in spec.warnings)


def test_bom_and_crlf():
    spec = parse("\ufeff" + GOOD.replace("\n", "\r\n"))
    assert spec == parse(GOOD)


def test_missing_coordinate_is_not_a_point():
    spec = parse("Scatter plot.\n\n- **A:** (1, 2)\n- **B:** (3, )\n")
    assert [p.label for p in spec.points] == ["A"]


def test_log_axis_with_zero_or_negative_becomes_linear_and_says_so():
    spec = parse("Scatter plot. X-axis: Size, log scale.\n\n- **A:** (0, 2)\n- **B:** (10, 3)\n- **C:** (-1, 1)\n")
    assert spec.x_axis.scale == "linear" and len(spec.points) == 3
    assert any("drawn on a linear axis" in w for w in spec.warnings)


def test_min_greater_than_max_is_swapped():
    spec = parse("Scatter plot. Y-axis: Score, from 80 to 20.\n\n- **A:** (1, 30)\n")
    assert (spec.y_axis.min, spec.y_axis.max) == (20, 80)
    assert any("read as 20 to 80" in w for w in spec.warnings)


def test_trend_line_over_one_x_is_undefined():
    spec = parse("Scatter plot. A dashed trend line is fitted to all points.\n\n- **A:** (1, 2)\n- **B:** (1, 3)\n")
    assert any("trend line is undefined" in w for w in spec.warnings)
    assert spec.trend_lines == []   # the spec holds what is drawn
    fig = render(spec)
    assert not [ln for ln in fig.axes[0].lines if ln.get_linestyle() == "--"]


def test_labels_with_markup_math_html_and_control_characters():
    text = ("Scatter plot.\n\n- **$\\alpha$-Net $5:** (1, 2)\n- **<b>Bold</b> & co:** (2, 3)\n"
            "- **Bell\x07Model:** (3, 4)\n- **`code` _em_:** (4, 5)\n")
    spec = parse(text)
    labels = [p.label for p in spec.points]
    assert "$\\alpha$-Net $5" in labels and "BellModel" in labels
    assert any("control characters" in w for w in spec.warnings)
    fig = render(spec)
    drawn = [t.get_text() for t in fig.axes[0].texts]
    assert "$\\alpha$-Net $5" in drawn  # as text, not mathtext
    figure_bytes(fig, "png", 72)


# -- the renderer -------------------------------------------------------------------------------

def test_single_point_and_one_x_render():
    for pts in ([Point(label="A", x=3, y=4)], [Point(label="A", x=1, y=1), Point(label="B", x=1, y=5)]):
        figure_bytes(render(ChartSpec(points=pts)), "png", 72)


def test_very_long_label_is_shortened_in_the_figure_only():
    long = "Model-" + "x" * 200   # under the bounds (limits.RUN, MAX_LABEL_CHARS): kept whole in the spec
    spec = parse(f"Scatter plot.\n\n- **{long}:** (1, 2)\n- **B:** (2, 3)\n")
    assert spec.points[0].label == long
    drawn = [t.get_text() for t in render(spec).axes[0].texts]
    assert any(t.endswith("…") and len(t) <= 60 for t in drawn)


def test_nine_hundred_points():
    t0 = time.perf_counter()
    spec = parse(points_text(900))
    assert len(spec.points) == 901
    assert any("only highlighted points are labelled" in w for w in spec.warnings)
    fig = render(spec)
    assert [t.get_text() for t in fig.axes[0].texts] == ["Ours-1 (Ours)"]
    figure_bytes(fig, "png", 72)
    assert time.perf_counter() - t0 < 60


# -- the command line ---------------------------------------------------------------------------

def _bad_folder(root: Path) -> tuple[Path, list[str], list[str]]:
    """A folder of good files and every kind of bad one; returns it, the good and the bad names."""
    src = root / "in"
    src.mkdir()
    (src / "good one.md").write_text(GOOD, encoding="utf-8")
    (src / "ünïcödé.md").write_text(GOOD, encoding="utf-8")
    (src / "crlf_bom.md").write_bytes(b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode())
    (src / "latin1.txt").write_bytes(GOOD.replace("Kimi", "Kïmi").encode("cp1252"))
    (src / "link.md").symlink_to(src / "good one.md")
    (src / "empty.md").write_text("")
    (src / "blank.txt").write_text("  \n\n\t")
    (src / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (src / "huge.md").write_bytes(b"- **A:** (1, 2)\n" * 1_300_000)  # 20 MB
    (src / "bar.md").write_text("## Bar Chart: Scores\n| Model | Score |\n|---|---|\n| A | 3 |\n")
    (src / "nan.json").write_text('{"points": [{"label": "A", "x": NaN, "y": 1}]}')
    (src / "typo.json").write_text('{"pionts": []}')
    (src / "broken_link.md").symlink_to(src / "gone.md")
    good = ["good one", "ünïcödé", "crlf_bom", "latin1", "link"]
    bad = ["empty", "blank", "image", "huge", "bar", "nan", "typo", "broken_link"]
    return src, good, bad


def test_one_folder_with_everything(tmp_path, capsys):
    src, good, bad = _bad_folder(tmp_path)
    out = tmp_path / "out"
    assert main([str(src), str(out), "-j", "1"]) == 1  # in-process: a crash would raise here
    err = capsys.readouterr().err
    lines = [ln for ln in err.splitlines() if ln.startswith("redraw: error:")]
    assert len(lines) == len(bad), err
    for name in bad:
        assert sum(f"/{name}." in ln for ln in lines) == 1, (name, err)
    assert f"redrew {len(good)} of {len(good) + len(bad)} files, {len(bad)} failed" in err
    made = sorted(p.name for p in out.iterdir() if p.name != ".redraw-manifest.json")
    assert made == sorted([*(f"{n}.{ext}" for n in good for ext in ("json", "png")), "index.html"])
    spec = json.loads((out / "latin1.json").read_text())
    assert any("cp1252" in w for w in spec["warnings"])
    assert any(p["label"].startswith("Kïmi") for p in spec["points"])


def test_output_folder_that_cannot_be_created(tmp_path, capsys):
    (tmp_path / "file").write_text("x")
    assert main([str(EXAMPLES[0]), str(tmp_path / "file" / "out")]) == 1
    assert "cannot create output folder" in capsys.readouterr().err


@pytest.mark.parametrize("sig,code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_interrupt_leaves_only_complete_files(tmp_path, sig, code):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(60):
        (src / f"c{i:02d}.md").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "redraw", str(src), str(out), "--format", "png,svg,pdf"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    while time.time() < deadline and len(list(out.glob("*.json"))) < 3:
        time.sleep(0.05)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == code, err
    assert "interrupted" in err and "Traceback" not in err
    assert [p.name for p in out.glob(".*")] in ([], [".redraw-manifest.json"])
    for png in out.glob("*.png"):
        assert png.read_bytes().endswith(b"IEND\xaeB`\x82")
    for spec in out.glob("*.json"):
        json.loads(spec.read_text())
    done = {p.stem for p in out.glob("*.json")}
    assert 0 < len(done) < 60


def test_missing_glyphs_are_one_warning_line_not_a_failure(tmp_path, capsys):
    (tmp_path / "cjk.md").write_text("Scatter plot.\n\n- **模型-7B:** (1, 2)\n- **B:** (2, 3)\n", encoding="utf-8")
    assert main([str(tmp_path / "cjk.md"), str(tmp_path / "out")]) == 0
    notes = [ln for ln in capsys.readouterr().err.splitlines() if ln.startswith("redraw: warning:")]
    assert notes == [f"redraw: warning: {tmp_path / 'cjk.md'}: 2 characters are not in the font and show as "
                     "boxes: 模 型"]


@pytest.mark.parametrize(("field", "value"), [("highlight", 0), ("x", "1.5"), ("label", 7)])
def test_json_specs_are_validated_strictly(field, value):
    point = {"label": "a", "x": 1, "y": 2, field: value}
    with pytest.raises(RedrawError, match=rf"points\.0\.{field}"):
        parse(json.dumps({"points": [point]}))


def test_json_specs_take_integers_as_numbers_and_arrays_as_tuples():
    spec = parse(json.dumps({"points": [{"label": "a", "x": 1, "y": 2}, {"label": "b", "x": 3, "y": 5}],
                             "trend_lines": [{"start": [1, 2], "end": [3, 5]}]}))
    assert spec.points[0].x == 1.0 and spec.trend_lines[0].start == (1.0, 2.0)
