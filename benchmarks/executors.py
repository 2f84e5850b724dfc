"""Throughput of the executors (issue 17; `make bench-executors`): the CLI on N copies of examples/ with the
local executor (--jobs 1, --jobs 2) and the Dask executor (a LocalCluster of 1 and 2 workers started by the
run, and an existing cluster of 2), printing files/s, and the fixed cost of starting a LocalCluster. Each
run is a fresh process with --force and --no-gallery, so start-up counts, as a user meets it.

    python benchmarks/executors.py [--copies 5]
"""
from __future__ import annotations

import argparse
import logging
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _time(args: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "redraw", *args, "--force", "--no-gallery", "-q"], cwd=ROOT, check=True)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=5, help="copies of examples/ in the batch")
    args = ap.parse_args()
    from distributed import LocalCluster

    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "src", Path(tmp) / "out"
        src.mkdir()
        for k in range(args.copies):
            for f in sorted((ROOT / "examples").iterdir()):
                shutil.copy(f, src / f"{k}_{f.name}")
        n = len(list(src.iterdir()))
        t0 = time.perf_counter()
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                               silence_logs=logging.ERROR)
        started = time.perf_counter() - t0
        runs = {
            "local --jobs 1": [str(src), str(out), "--jobs", "1"],
            "local --jobs 2": [str(src), str(out), "--jobs", "2"],
            "dask, LocalCluster of 1 started by the run": [str(src), str(out), "--executor", "dask", "--jobs", "1"],
            "dask, LocalCluster of 2 started by the run": [str(src), str(out), "--executor", "dask", "--jobs", "2"],
            "dask, an existing cluster of 2": [str(src), str(out), "--executor", "dask", "--scheduler",
                                               cluster.scheduler_address],
        }
        print(f"{n} files; a LocalCluster of 2 workers starts in {started:.1f} s\n")
        print("| executor | seconds | files/s |\n|---|---|---|")
        for name, argv in runs.items():
            seconds = _time(argv)
            print(f"| {name} | {seconds:.1f} | {n / seconds:.1f} |", flush=True)
        t0 = time.perf_counter()
        cluster.close()
        print(f"\nclosing it: {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
