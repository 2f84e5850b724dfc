"""The Dask executor (issue 17) keeps the local executor's contract: the same output bytes, the same error lines
and summary, incremental skips, and a usage error that says how to install Dask when it is missing."""
from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from redraw.cli import main
from tests.conftest import EXAMPLES, ROOT

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed: pip install -e '.[dask]'")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A LocalCluster of 2 worker processes, one thread each, for the whole module (its HTTP server on a free
    port: 8787 may be taken)."""
    import logging

    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                                       silence_logs=logging.ERROR)
    yield cluster.scheduler_address
    cluster.close()


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != ".redraw-manifest.json")


def test_outputs_are_byte_identical_to_one_local_process(tmp_path, capsys, scheduler):
    local, dask = tmp_path / "local", tmp_path / "dask"
    assert main([str(ROOT / "examples"), str(local), "--jobs", "1", "--format", "png,svg"]) == 0
    assert main([str(ROOT / "examples"), str(dask), "--executor", "dask", "--scheduler", scheduler,
                 "--format", "png,svg"]) == 0
    assert _files(local) == _files(dask) and len(_files(local)) == 3 * len(EXAMPLES) + 1   # + index.html
    _, mismatch, errors = filecmp.cmpfiles(local, dask, _files(local), shallow=False)
    assert mismatch == errors == []


def test_bad_files_give_the_same_error_lines_and_summary(tmp_path, capsys, scheduler):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(EXAMPLES[0], src / "good.md")
    (src / "empty.md").write_text("")
    (src / "bar.md").write_text("A bar chart of sales by region.\n\n- North: 40\n- South: 25\n")
    (src / "broken.json").write_text('{"points": [{"label": "A", "x": "one", "y": 2}]}')
    assert main([str(src), str(tmp_path / "a"), "--jobs", "1"]) == 1
    local = capsys.readouterr()
    assert main([str(src), str(tmp_path / "b"), "--executor", "dask", "--scheduler", scheduler]) == 1
    dask = capsys.readouterr()
    assert dask.err == local.err and dask.out == local.out
    assert local.err.count("redraw: error:") == 3 and "redrew 1 of 4 files, 3 failed" in local.err


def test_reruns_skip_files_that_are_up_to_date(tmp_path, capsys, scheduler):
    out = tmp_path / "out"
    args = [str(ROOT / "examples"), str(out), "--executor", "dask", "--scheduler", scheduler]
    assert main(args) == 0
    capsys.readouterr()
    assert main(args) == 0
    assert capsys.readouterr().out == f"redrew 0 of {len(EXAMPLES)} files, {len(EXAMPLES)} up to date\n"
    (out / f"{EXAMPLES[0].stem}.png").unlink()
    assert main(args) == 0
    assert capsys.readouterr().out == f"redrew 1 of {len(EXAMPLES)} files, {len(EXAMPLES) - 1} up to date\n"


def test_a_file_past_the_time_limit_fails_and_the_others_are_drawn(tmp_path, capsys, scheduler):
    import json
    import random

    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(EXAMPLES[0], src / "good.md")
    rng = random.Random(0)   # 250 labelled points packed together: seconds of label placement
    (src / "slow.json").write_text(json.dumps({"points": [
        {"label": f"Model-{i}", "x": rng.random(), "y": rng.random()} for i in range(250)]}))
    assert main([str(src), str(tmp_path / "out"), "--executor", "dask", "--scheduler", scheduler,
                 "--timeout", "3", "--no-gallery"]) == 1
    err = capsys.readouterr().err
    assert "slow.json: stopped after 3 s (the time limit of one file; see --timeout)" in err
    assert "redrew 1 of 2 files, 1 failed" in err
    assert (tmp_path / "out" / "good.png").is_file() and not (tmp_path / "out" / "slow.png").exists()


def test_without_a_scheduler_a_local_cluster_is_started_for_the_run(tmp_path):
    # the bar of issue 17, as a user types it
    run = subprocess.run([sys.executable, "-m", "redraw", "examples/", str(tmp_path / "a"), "--executor", "dask"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0 and run.stdout == f"redrew {len(EXAMPLES)} of {len(EXAMPLES)} files\n"
    assert run.stderr == ""
    subprocess.run([sys.executable, "-m", "redraw", "examples/", str(tmp_path / "b"), "--jobs", "1"], cwd=ROOT,
                   check=True, capture_output=True, timeout=300)
    names = _files(tmp_path / "a")
    assert names == _files(tmp_path / "b")
    assert filecmp.cmpfiles(tmp_path / "a", tmp_path / "b", names, shallow=False)[1:] == ([], [])


def test_usage_errors(tmp_path, capsys, monkeypatch):
    assert main([str(EXAMPLES[0]), str(tmp_path / "o"), "--scheduler", "tcp://127.0.0.1:1"]) == 2
    assert "--scheduler names a Dask cluster: use it with --executor dask" in capsys.readouterr().err
    monkeypatch.setitem(sys.modules, "distributed", None)   # as if the extra were not installed
    assert main([str(EXAMPLES[0]), str(tmp_path / "o"), "--executor", "dask"]) == 2
    assert "pip install 'redraw[dask]'" in capsys.readouterr().err


def test_an_unreachable_scheduler_is_one_error_line(tmp_path, capsys):
    code = main([str(EXAMPLES[0]), str(tmp_path / "o"), "--executor", "dask", "--scheduler", "tcp://127.0.0.1:9"])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert err.splitlines()[0].startswith("redraw: error: tcp://127.0.0.1:9: cannot reach the Dask scheduler")


def test_ctrl_c_cancels_the_run_cleanly(tmp_path):
    import json
    import os
    import random
    import signal
    import time

    src = tmp_path / "src"
    src.mkdir()
    for i in range(3):   # slow files (seconds of label placement each), so the run is under way when stopped
        rng = random.Random(i)
        (src / f"slow{i}.json").write_text(json.dumps({"points": [
            {"label": f"Model-{k}", "x": rng.random(), "y": rng.random()} for k in range(250)]}))
    proc = subprocess.Popen([sys.executable, "-m", "redraw", str(src), str(tmp_path / "out"), "--executor", "dask",
                             "--timeout", "0"], cwd=ROOT, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    time.sleep(8)   # the cluster is up and drawing
    os.killpg(proc.pid, signal.SIGINT)   # to the process group, as a terminal sends it: the workers too
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "Traceback" not in err and "interrupted after" in err
    assert not list((tmp_path / "out").glob(".*.tmp"))
