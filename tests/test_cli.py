"""The command line, through a real subprocess: outputs, per-file errors, exit codes, determinism."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT

GOOD = EXAMPLES[0]


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "redraw", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120)


def test_folder_in_files_out(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for p in EXAMPLES[:3]:
        (src / p.name).write_bytes(p.read_bytes())
    res = run(str(src), str(tmp_path / "out"))
    assert res.returncode == 0, res.stderr
    assert "redrew 3 of 3 files" in res.stdout
    for p in EXAMPLES[:3]:
        assert (tmp_path / "out" / f"{p.stem}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        spec = json.loads((tmp_path / "out" / f"{p.stem}.json").read_text())
        assert spec["kind"] == "scatter" and spec["points"]
    assert not list((tmp_path / "out").glob(".*tmp"))


def test_bad_files_get_one_line_each_and_exit_1(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.md").write_bytes(GOOD.read_bytes())
    (src / "empty.md").write_text("")
    (src / "bar.md").write_text("## Bar Chart: Scores\n| Model | Score |\n|---|---|\n| A | 3 |\n")
    (src / "broken.json").write_text('{"points": [{"label": "A", "x": "high"}]}')
    res = run(str(src), str(tmp_path / "missing.md"), str(tmp_path / "out"))
    assert res.returncode == 1
    assert "Traceback" not in res.stderr
    errors = [ln for ln in res.stderr.splitlines() if ln.startswith("redraw: error:")]
    assert len(errors) == 4, res.stderr
    assert any("empty.md" in e and "empty" in e for e in errors)
    assert any("bar.md:1" in e and "bar chart" in e for e in errors)
    assert any("broken.json" in e and "points.0.x" in e for e in errors)
    assert any("missing.md" in e for e in errors)
    assert "redrew 1 of 5 files, 4 failed" in res.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [".redraw-manifest.json", "good.json", "good.png"]


def test_usage_errors_exit_2(tmp_path):
    assert run().returncode == 2
    assert run(str(GOOD), str(tmp_path), "--format", "gif").returncode == 2
    assert run(str(ROOT / "examples"), str(ROOT / "examples")).returncode == 2


def test_formats_dpi_and_size(tmp_path):
    res = run(str(GOOD), str(tmp_path), "--format", "png,svg,pdf", "--dpi", "72", "--size", "column", "-q")
    assert res.returncode == 0 and res.stdout == ""
    names = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))
    assert names == sorted(f"{GOOD.stem}.{ext}" for ext in ("png", "svg", "pdf", "json"))
    png = (tmp_path / f"{GOOD.stem}.png").read_bytes()
    width = int.from_bytes(png[16:20], "big")
    assert width == 252  # 3.5 in at 72 dpi


def test_same_bytes_across_processes_and_json_round_trip(tmp_path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    for out in (a, b):
        assert run(str(GOOD), str(out), "--format", "png,svg,pdf").returncode == 0
    for ext in ("png", "svg", "pdf", "json"):
        assert (a / f"{GOOD.stem}.{ext}").read_bytes() == (b / f"{GOOD.stem}.{ext}").read_bytes(), ext
    # NAME.json is itself an input, and draws the same figure
    assert run(str(a / f"{GOOD.stem}.json"), str(c)).returncode == 0
    assert (c / f"{GOOD.stem}.png").read_bytes() == (a / f"{GOOD.stem}.png").read_bytes()
    assert (c / f"{GOOD.stem}.json").read_bytes() == (a / f"{GOOD.stem}.json").read_bytes()


def test_same_stem_in_two_folders_is_not_overwritten(tmp_path):
    for d in ("one", "two"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "chart.md").write_bytes(GOOD.read_bytes())
    res = run(str(tmp_path / "one" / "chart.md"), str(tmp_path / "two" / "chart.md"), str(tmp_path / "out"))
    assert res.returncode == 1
    assert "would overwrite" in res.stderr


def test_help_and_version_do_not_import_matplotlib():
    code = ("import sys, redraw.cli\n"
            "for a in (['--help'], ['--version']):\n"
            "    try:\n        redraw.cli.main(a)\n    except SystemExit:\n        pass\n"
            "print('matplotlib' in sys.modules, 'pydantic' in sys.modules)")
    res = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert "examples:" in res.stdout and "redraw 0.1.0" in res.stdout
    assert res.stdout.strip().endswith("False False")


@pytest.mark.parametrize("payload,expect", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"   \n\t\n", "empty"),
])
def test_unreadable_inputs(tmp_path, payload, expect):
    (tmp_path / "x.md").write_bytes(payload)
    res = run(str(tmp_path / "x.md"), str(tmp_path / "out"))
    assert res.returncode == 1 and expect in res.stderr and "Traceback" not in res.stderr
