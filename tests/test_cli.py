"""The command line: outputs, per-file errors, exit codes, determinism. In-process (cli.main) where a
subprocess proves nothing more; real processes for exit codes, byte identity and import cost."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from redraw.cli import main
from tests.conftest import EXAMPLES, ROOT

GOOD = EXAMPLES[0]


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "redraw", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120)


def call(capsys, *args):
    """main() in this process: (exit code, stdout, stderr)."""
    try:
        code = main([str(a) for a in args])
    except SystemExit as stop:  # argparse's usage errors
        code = stop.code
    out, err = capsys.readouterr()
    return code, out, err


def test_folder_in_files_out(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    for p in EXAMPLES[:3]:
        (src / p.name).write_bytes(p.read_bytes())
    code, out, err = call(capsys, src, tmp_path / "out", "-j", "1")
    assert code == 0, err
    assert "redrew 3 of 3 files" in out
    for p in EXAMPLES[:3]:
        assert (tmp_path / "out" / f"{p.stem}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        spec = json.loads((tmp_path / "out" / f"{p.stem}.json").read_text())
        assert spec["kind"] == "scatter" and len(spec["points"]) > 1
    assert not list((tmp_path / "out").glob(".*tmp"))


def test_bad_files_get_one_line_each_and_exit_1(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.md").write_bytes(GOOD.read_bytes())
    (src / "empty.md").write_text("")
    (src / "bar.md").write_text("## Bar Chart: Scores\n| Model | Score |\n|---|---|\n| A | 3 |\n")
    (src / "broken.json").write_text('{"points": [{"label": "A", "x": "high"}]}')
    code, _, err = call(capsys, src, tmp_path / "missing.md", tmp_path / "out", "-j", "1")
    assert code == 1
    errors = [ln for ln in err.splitlines() if ln.startswith("redraw: error:")]
    assert len(errors) == 4, err
    assert any("empty.md" in e and "empty" in e for e in errors)
    assert any("bar.md:1" in e and "bar chart" in e for e in errors)
    assert any("broken.json" in e and "points.0.x" in e for e in errors)
    assert any("missing.md" in e for e in errors)
    assert "redrew 1 of 5 files, 4 failed" in err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [".redraw-manifest.json", "good.json", "good.png",
                                                                   "index.html"]


def test_usage_errors_exit_2(tmp_path, capsys):
    assert call(capsys, GOOD, tmp_path, "--format", "gif")[0] == 2
    assert call(capsys, ROOT / "examples", ROOT / "examples")[0] == 2
    for dpi in ("0", "19.9", "nan", "2401"):
        assert call(capsys, GOOD, tmp_path, "--dpi", dpi)[0] == 2
    assert not list(tmp_path.iterdir())  # nothing written on a usage error


def test_exit_codes_of_a_real_process(tmp_path):
    assert run().returncode == 2
    assert run(str(GOOD), str(tmp_path), "--format", "gif").returncode == 2
    bad = tmp_path / "bar.md"
    bad.write_text("## Bar Chart: Scores\n| Model | Score |\n|---|---|\n| A | 3 |\n")
    res = run(str(bad), str(tmp_path / "out"))
    assert res.returncode == 1 and res.stderr.count("redraw: error:") == 1 and "Traceback" not in res.stderr


def test_formats_dpi_and_size(tmp_path, capsys):
    code, out, _ = call(capsys, GOOD, tmp_path, "--format", "png,svg,pdf", "--dpi", "72", "--size", "column", "-q")
    assert code == 0 and out == ""
    names = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))
    assert names == sorted([*(f"{GOOD.stem}.{ext}" for ext in ("png", "svg", "pdf", "json")), "index.html"])
    png = (tmp_path / f"{GOOD.stem}.png").read_bytes()
    width = int.from_bytes(png[16:20], "big")
    assert width == 252  # 3.5 in at 72 dpi


def test_same_bytes_across_processes_and_json_round_trip(tmp_path, capsys):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    assert run(str(GOOD), str(a), "--format", "png,svg,pdf").returncode == 0  # another process ...
    assert call(capsys, GOOD, b, "--format", "png,svg,pdf")[0] == 0       # ... and this one
    for ext in ("png", "svg", "pdf", "json"):
        assert (a / f"{GOOD.stem}.{ext}").read_bytes() == (b / f"{GOOD.stem}.{ext}").read_bytes(), ext
    # NAME.json is itself an input, and draws the same figure
    assert call(capsys, a / f"{GOOD.stem}.json", c)[0] == 0
    assert (c / f"{GOOD.stem}.png").read_bytes() == (a / f"{GOOD.stem}.png").read_bytes()
    assert (c / f"{GOOD.stem}.json").read_bytes() == (a / f"{GOOD.stem}.json").read_bytes()


def test_same_stem_in_two_folders_is_not_overwritten(tmp_path, capsys):
    for d in ("one", "two"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "chart.md").write_bytes(GOOD.read_bytes())
    code, _, err = call(capsys, tmp_path / "one" / "chart.md", tmp_path / "two" / "chart.md", tmp_path / "out")
    assert code == 1
    assert f"{tmp_path / 'two' / 'chart.md'}: its output chart.* would overwrite that of " in err
    assert "redrew 1 of 2 files, 1 failed" in err


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
def test_unreadable_inputs(tmp_path, capsys, payload, expect):
    (tmp_path / "x.md").write_bytes(payload)
    code, _, err = call(capsys, tmp_path / "x.md", tmp_path / "out")
    assert code == 1 and expect in err and err.count("redraw: error:") == 1
