"""The faults a long-running batch meets (issue 16): interrupts, time limits, inputs that are not files, concurrent
runs into one folder, names that break error lines, and API misuse. Each test failed on the code before the fix
(checked by running this file against that commit)."""
from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import redraw
from redraw.cli import main
from redraw.errors import RedrawError
from redraw.limits import MAX_TEXT_BYTES
from redraw.spec import ChartSpec
from tests.conftest import EXAMPLES, ROOT

GOOD = EXAMPLES[0].read_text(encoding="utf-8")


def _slow_spec(seed: int = 0) -> str:
    """A valid spec that takes seconds to draw: 250 labelled points close together (label placement)."""
    rng = random.Random(seed)
    points = [{"label": f"Model-{i}", "x": rng.random(), "y": rng.random()} for i in range(250)]
    return json.dumps({"points": points})


def _cli(*args: str | Path, **kwargs: object) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "redraw", *map(str, args)], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, **kwargs)


def _folder(tmp_path: Path, n: int, slow: int = 0) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    for i in range(n):
        (src / f"f{i:02d}.md").write_text(GOOD, encoding="utf-8")
    for i in range(slow):
        (src / f"slow{i}.json").write_text(_slow_spec(i), encoding="utf-8")
    return src


def _complete(out: Path) -> None:
    """Every figure has its spec, and no temporary file is left."""
    assert not list(out.glob(".*.tmp"))
    for png in out.glob("*.png"):
        assert png.with_suffix(".json").is_file()


# -- 3. interrupts and the time limit ------------------------------------------------------------------------

@pytest.mark.parametrize("signals", [[signal.SIGINT, signal.SIGINT], [signal.SIGTERM, signal.SIGTERM]])
def test_two_interrupts_with_two_jobs_end_the_run_at_once(tmp_path, signals):
    src, out = _folder(tmp_path, 4, slow=4), tmp_path / "out"
    proc = _cli(src, out, "--jobs", "2", "--timeout", "0")
    deadline = time.monotonic() + 30
    while not list(out.glob("*.png")) and time.monotonic() < deadline:   # under way: some file written
        time.sleep(0.05)
    time.sleep(0.3)
    for sig in signals:   # to the process group, as a terminal sends Ctrl-C
        os.killpg(proc.pid, sig)
        time.sleep(0.05)
    _, err = proc.communicate(timeout=10)   # the slow files alone take ~20 s: they were stopped
    assert proc.returncode == (130 if signals[0] == signal.SIGINT else 143)
    assert "Traceback" not in err and "Exception ignored" not in err
    assert "interrupted after" in err
    _complete(out)


def test_one_interrupt_stops_workers_busy_on_slow_files(tmp_path):
    src, out = _folder(tmp_path, 0, slow=6), tmp_path / "out"
    proc = _cli(src, out, "--jobs", "2", "--timeout", "0")
    time.sleep(3)   # both workers are drawing a slow file (~5-10 s each here; 6 of them: never all done)
    t0 = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)
    proc.communicate(timeout=20)
    assert proc.returncode == 130 and time.monotonic() - t0 < 3   # (before: it waited for both files)
    _complete(out)
    assert len(list(out.glob("slow*.png"))) < 6


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_past_the_time_limit_fails_and_the_batch_goes_on(tmp_path, capsys, jobs):
    src, out = _folder(tmp_path, 2, slow=1), tmp_path / "out"
    t0 = time.monotonic()
    code = main([str(src), str(out), "--jobs", jobs, "--timeout", "3", "--no-gallery"])   # (slow0 takes 5-13 s)
    err = capsys.readouterr().err
    assert code == 1 and time.monotonic() - t0 < 20
    assert f"{src / 'slow0.json'}: stopped after 3 s (the time limit of one file; see --timeout)" in err
    assert "redrew 2 of 3 files, 1 failed" in err
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "f00.json", "f00.png", "f01.json", "f01.png"]


# -- 4. only regular files, read at most to the limit ---------------------------------------------------------

def test_a_fifo_and_a_device_are_refused_without_reading_them(tmp_path):
    src, out = _folder(tmp_path, 1), tmp_path / "out"
    os.mkfifo(src / "pipe.md")
    (src / "zero.md").symlink_to("/dev/zero")
    proc = _cli(src, out, "--jobs", "1")
    _, err = proc.communicate(timeout=60)   # before: the FIFO hung, /dev/zero ran out of memory
    assert proc.returncode == 1
    assert f"{src / 'pipe.md'}: not a regular file (a pipe, device or socket)" in err
    assert f"{src / 'zero.md'}: not a regular file" in err
    assert "redrew 1 of 3 files, 2 failed" in err


def test_a_huge_file_is_refused_without_reading_it(tmp_path):
    src, out = _folder(tmp_path, 0), tmp_path / "out"
    with open(src / "huge.md", "wb") as f:
        f.truncate(3 * 2**30)   # sparse: 3 GB that cost no disk
    proc = _cli(src, out, "--jobs", "1")
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 1
    assert f"the description is {3 * 2**30:,} bytes; redraw reads at most {MAX_TEXT_BYTES:,} bytes" in err
    import resource
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss < 1_000_000   # KB: not the 3 GB


def test_a_manifest_linked_to_a_device_is_replaced_not_read(tmp_path, capsys):
    src, out = _folder(tmp_path, 1), tmp_path / "out"
    out.mkdir()
    (out / ".redraw-manifest.json").symlink_to("/dev/zero")
    assert main([str(src), str(out), "--jobs", "1"]) == 0
    assert json.loads((out / ".redraw-manifest.json").read_text())["entries"]


# -- 5. errors, never tracebacks ------------------------------------------------------------------------------

def test_numbers_past_float_range_are_warned_not_dropped():
    spec = redraw.parse("Scatter plot.\n\n- **A**: (1e400, 2)\n- **B**: (2, 3)\n- **C**: (10^400, 5)\n"
                        "- **D**: (4, 1)\n")
    assert [p.label for p in spec.points] == ["B", "D"]
    assert "line 3: 1e400 is past the largest number a figure can hold (about 1.8e308); it is not read" in spec.warnings
    assert any(w.startswith("line 5: 10^400 is past") for w in spec.warnings)


def test_json_nested_deep_and_unreadable_manifests_give_one_error_line(tmp_path, capsys):
    with pytest.raises(RedrawError, match="nested thousands deep"):
        redraw.parse('{"points": ' + "[" * 100_000)
    src, out = _folder(tmp_path, 1), tmp_path / "out"
    (out / ".redraw-manifest.json").mkdir(parents=True)   # cannot be read, nor written
    assert main([str(src), str(out), "--jobs", "1", "--no-gallery"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "cannot save" in err and "redrew 1 of 1 files, 1 other error" in err


def test_a_full_disk_gives_error_lines_and_a_summary(tmp_path, capsys, monkeypatch):
    import errno

    from redraw import batch

    def full(path: object, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(batch, "write_atomic", full)
    src, out = _folder(tmp_path, 2), tmp_path / "out"
    assert main([str(src), str(out), "--jobs", "1", "--no-gallery"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "No space left on device" in err and "redrew 0 of 2 files, 2 failed" in err


# -- 6. concurrent runs into one folder ----------------------------------------------------------------------

def test_two_runs_at_once_into_one_folder_keep_each_others_work(tmp_path):
    a, b, out = tmp_path / "a", tmp_path / "b", tmp_path / "out"
    for folder, names in ((a, "abcdef"), (b, "uvwxyz")):
        folder.mkdir()
        for name in names:
            (folder / f"{name}.md").write_text(GOOD, encoding="utf-8")
    runs = [_cli(a, out, "--jobs", "1", "--no-gallery"), _cli(b, out, "--jobs", "1", "--no-gallery")]
    assert [r.communicate(timeout=120)[0] and r.returncode for r in runs] == [0, 0]
    entries = json.loads((out / ".redraw-manifest.json").read_text())["entries"]
    assert sorted(entries) == list("abcdefuvwxyz")   # before: the last run to save dropped the other's entries
    for folder in (a, b):
        rerun = _cli(folder, out, "--jobs", "1", "--no-gallery")
        assert "redrew 0 of 6 files, 6 up to date" in rerun.communicate(timeout=60)[0]


def test_an_output_another_run_replaced_is_not_taken_for_up_to_date(tmp_path, capsys):
    src, out = _folder(tmp_path, 1), tmp_path / "out"
    main([str(src), str(out), "--jobs", "1"])
    (out / "f00.png").write_bytes(b"another run's figure")
    capsys.readouterr()
    main([str(src), str(out), "--jobs", "1"])
    assert "redrew 1 of 1 files" in capsys.readouterr().out
    assert (out / "f00.png").read_bytes().startswith(b"\x89PNG")


def test_a_live_runs_temporary_files_are_left_alone(tmp_path, capsys):
    src, out = _folder(tmp_path, 1), tmp_path / "out"
    out.mkdir()
    live = out / f".x.png.redraw-{os.getppid()}-0a1b.tmp"   # a live process (this test's parent)
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = out / f".y.png.redraw-{done.stdout.strip()}-0a1b.tmp"   # a process that has ended
    live.write_bytes(b"in flight")
    dead.write_bytes(b"left behind")
    main([str(src), str(out), "--jobs", "1"])
    assert live.exists() and not dead.exists()


# -- 7. inputs the CLI must refuse or handle -------------------------------------------------------------------

def test_a_long_name_is_written(tmp_path, capsys):
    src = tmp_path / "src"
    src.mkdir()
    long = src / ("n" * 247 + ".md")
    long.write_text(GOOD, encoding="utf-8")
    assert main([str(src), str(tmp_path / "out"), "--jobs", "1"]) == 0
    assert (tmp_path / "out" / ("n" * 247 + ".json")).is_file()


def test_outputs_that_would_overwrite_the_manifest_or_the_input_are_refused(tmp_path, capsys):
    d = tmp_path / "d"
    d.mkdir()
    spec = redraw.parse(GOOD).to_json()
    (d / "x.json").write_text(spec, encoding="utf-8")
    (d / ".redraw-manifest.md").write_text(GOOD, encoding="utf-8")
    assert main([str(d / "x.json"), str(d / ".redraw-manifest.md"), str(d), "--jobs", "1"]) == 1
    err = capsys.readouterr().err
    assert f"{d / 'x.json'}: its output {d / 'x.json'} is this input itself; choose another OUT" in err
    assert f"{d / '.redraw-manifest.md'}: its output .redraw-manifest.json would overwrite redraw's manifest" in err
    assert (d / "x.json").read_text(encoding="utf-8") == spec


def test_out_being_a_file_is_a_usage_error_after_the_other_errors(tmp_path, capsys):
    (tmp_path / "out").write_text("not a folder")
    assert main([str(tmp_path / "missing.md"), str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [f"redraw: error: {tmp_path / 'missing.md'}: no such file or folder",
                   f"redraw: error: {tmp_path / 'out'}: is a file; OUT must be a folder (created if missing)"]


def test_a_newline_in_a_file_name_keeps_the_error_on_one_line(tmp_path, capsys):
    src = tmp_path / "src"
    src.mkdir()
    (src / "bad\nname.md").write_text("", encoding="utf-8")
    main([str(src), str(tmp_path / "out"), "--jobs", "1", "--no-gallery"])
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"redraw: error: {src}/bad\\nname.md: the file is empty" and len(err) == 2


# -- 8. nothing lost silently -----------------------------------------------------------------------------------

def test_over_250_points_from_json_say_their_labels_are_not_drawn():
    points = [{"label": f"P{i}", "x": i, "y": i % 7} for i in range(300)]
    spec = redraw.parse(json.dumps({"points": points}))
    assert "300 points: only highlighted points are labelled, since more than 250 labels cannot be placed " \
           "legibly" in spec.warnings


@pytest.mark.parametrize("field,value,message", [("marker", "hexagram", "unknown marker 'hexagram'"),
                                                 ("color", "blurple", "unknown colour 'blurple'")])
def test_bad_markers_and_colours_in_json_are_errors(field, value, message):
    with pytest.raises(RedrawError, match=f"points.0.{field}: Value error, {message}"):
        redraw.parse(json.dumps({"points": [{"label": "A", "x": 1, "y": 2, field: value}]}))


def test_quiet_prints_no_warnings(tmp_path, capsys):
    src = tmp_path / "src"
    src.mkdir()
    (src / "cjk.md").write_text("Scatter plot.\n\n- **模型**: (1, 2)\n- **B**: (2, 3)\n", encoding="utf-8")
    main([str(src), str(tmp_path / "out"), "--jobs", "1"])
    assert "redraw: warning:" in capsys.readouterr().err   # (glyphs missing from the font)
    main([str(src), str(tmp_path / "out2"), "--jobs", "1", "-q"])
    captured = capsys.readouterr()
    assert captured.err == captured.out == ""


# -- 9. API misuse ------------------------------------------------------------------------------------------------

def test_api_misuse_names_the_argument(tmp_path):
    with pytest.raises(TypeError, match=r"parse\(text\): text must be a str, not NoneType"):
        redraw.parse(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"render\(spec\): spec must be a ChartSpec, not dict \(ChartSpec"):
        redraw.render({"points": []})  # type: ignore[arg-type]
    spec = redraw.parse(GOOD)
    with pytest.raises(ValueError, match=r"render\(size='huge'\): size must be one of column, page, slide"):
        redraw.render(spec, size="huge")
    target = tmp_path / "missing" / "x.png"
    with pytest.raises(RedrawError, match=f"{target}: cannot write the figure: No such file or directory"):
        redraw.redraw(GOOD, target)
    assert isinstance(spec, ChartSpec)


# -- found by an adversarial probe after the first fixes -----------------------------------------------------------

@pytest.mark.parametrize("opener", ["<!--", "<?php", "<![CDATA[", "<!DOCTYPE"])
def test_an_unclosed_html_comment_or_declaration_is_read_not_recursed(opener):
    spec = redraw.parse(f"Scatter plot.\n\n{opener}\n- **A**: (1, 2)\n- **B**: (2, 3)\n")   # was RecursionError
    assert [p.label for p in spec.points] == ["A", "B"]


def test_ctrl_c_while_the_workers_start_prints_no_traceback(tmp_path):
    src, out = _folder(tmp_path, 4), tmp_path / "out"
    proc = _cli(src, out, "--jobs", "2")
    time.sleep(0.6)   # the forkserver is loading the renderer
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode in (0, 130) and "Traceback" not in err


def test_an_output_replaced_with_the_same_size_and_time_is_still_not_ours(tmp_path):
    from redraw.incremental import Manifest
    from redraw.io import write_atomic

    out = tmp_path / "out"
    out.mkdir()
    manifest = Manifest(out)
    manifest.record("x", "key", {"x.png": write_atomic(out / "x.png", b"ours")})
    assert manifest.fresh("x", "key")
    stat = (out / "x.png").stat()
    (tmp_path / "theirs").write_bytes(b"thei")   # another run's file: same size, then the same mtime
    os.utime(tmp_path / "theirs", ns=(stat.st_atime_ns, stat.st_mtime_ns))
    os.replace(tmp_path / "theirs", out / "x.png")
    assert not manifest.fresh("x", "key")


def test_the_gallery_never_overwrites_an_input(tmp_path, capsys):
    g = tmp_path / "g"
    g.mkdir()
    (g / "index.html").write_text(GOOD, encoding="utf-8")
    assert main([str(g / "index.html"), str(g), "--jobs", "1"]) == 1
    assert "the gallery OUT/index.html would overwrite this input" in capsys.readouterr().err
    assert (g / "index.html").read_text(encoding="utf-8") == GOOD


def test_a_log_axis_with_huge_values_renders_or_fails_with_a_redraw_error():
    spec = redraw.parse('{"x_axis": {"scale": "log", "min": 0.0, "max": 1.0}, "points": [{"label": "P0", "x": 1e+20, '
                        '"y": 0.6}]}')
    with contextlib.suppress(RedrawError):   # (was a TypeError from matplotlib's log transform)
        redraw.render(spec)


@pytest.mark.parametrize("kwargs,message", [({"dpi": 20000}, "dpi must be a number between 20 and 2400"),
                                            ({"dpi": float("nan")}, "dpi must be a number"),
                                            ({"dpi": "x"}, "dpi must be a number"),
                                            ({"size": None}, "size must be one of"),
                                            ({"width": True}, "width must be a number of inches")])
def test_redraw_checks_its_arguments(tmp_path, kwargs, message):
    with pytest.raises(ValueError, match=message):
        redraw.redraw(GOOD, tmp_path / "x.png", **kwargs)


def test_none_for_a_path_or_a_source_names_the_argument(tmp_path):
    with pytest.raises(TypeError, match=r"redraw\(text_or_path\)"):
        redraw.redraw(None, tmp_path / "x.png")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"redraw\(out_path\)"):
        redraw.redraw(GOOD, None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"parse\(source\)"):
        redraw.parse(GOOD, 5)  # type: ignore[arg-type]
