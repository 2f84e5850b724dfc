"""Batches: the same outputs and messages whatever --jobs is; reruns skip what is up to date."""
from __future__ import annotations

import subprocess
import sys

from tests.conftest import EXAMPLES, ROOT


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "redraw", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


def _folder(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for p in EXAMPLES:
        (src / p.name).write_bytes(p.read_bytes())
    (src / "bad.md").write_text("## Pie chart of shares\n- A 40%\n")
    return src


def _outputs(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if not p.name.startswith(".")}


def test_jobs_do_not_change_outputs_or_messages(tmp_path):
    src = _folder(tmp_path)
    one = run(str(src), str(tmp_path / "one"), "--jobs", "1")
    two = run(str(src), str(tmp_path / "two"), "--jobs", "2")
    assert one.returncode == two.returncode == 1
    assert one.stderr.replace("/one", "/X") == two.stderr.replace("/two", "/X")
    assert _outputs(tmp_path / "one") == _outputs(tmp_path / "two")


def test_rerun_skips_up_to_date_and_redraws_what_changed(tmp_path):
    src = _folder(tmp_path)
    out = tmp_path / "out"
    first = run(str(src), str(out))
    n = len(EXAMPLES)
    assert f"redrew {n} of {n + 1} files, 1 failed" in first.stderr
    before = _outputs(out)
    again = run(str(src), str(out))
    assert f"redrew 0 of {n + 1} files, {n} up to date, 1 failed" in again.stderr  # the bad one is retried
    assert _outputs(out) == before
    changed = sorted(src.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8").replace("Approximately", "About"), encoding="utf-8")
    third = run(str(src), str(out))
    assert f"redrew 1 of {n + 1} files, {n - 1} up to date, 1 failed" in third.stderr
    forced = run(str(src), str(out), "--force")
    assert f"redrew {n} of {n + 1} files, 1 failed" in forced.stderr
    other_size = run(str(src), str(out), "--size", "column")
    assert f"redrew {n} of {n + 1} files, 1 failed" in other_size.stderr  # options are part of the key
    (out / f"{EXAMPLES[0].stem}.png").unlink()
    missing_output = run(str(src), str(out), "--size", "column")
    assert f"redrew 1 of {n + 1} files, {n - 1} up to date, 1 failed" in missing_output.stderr


def test_no_progress_bar_when_not_a_terminal(tmp_path):
    res = run(str(_folder(tmp_path)), str(tmp_path / "out"))
    assert "\r" not in res.stderr and "file/s" not in res.stderr
    assert res.stdout == ""  # the summary of a failed batch goes to stderr, alone


def test_bad_jobs_is_a_usage_error(tmp_path):
    assert run(str(EXAMPLES[0]), str(tmp_path), "--jobs", "0").returncode == 2


def test_a_failed_write_leaves_no_figure_without_its_spec(tmp_path):
    from redraw.batch import Options, process

    out = tmp_path / "out"
    (out / f"{EXAMPLES[0].stem}.json").mkdir(parents=True)  # the spec cannot be written over a folder
    result = process(EXAMPLES[0], out, Options(formats=("png", "svg")))
    assert result.error is not None and "cannot write output" in result.error.message
    assert result.written == []
    assert sorted(p.name for p in out.iterdir()) == [f"{EXAMPLES[0].stem}.json"]  # only the folder in the way
