"""The Dask executor (`--executor dask`): files drawn on a Dask cluster, an existing one (`--scheduler
tcp://HOST:PORT`) or a LocalCluster started for the run (processes, one thread each).

The contract is the local executor's: results in input order, one error line per bad file, the same output
bytes. Inputs are read where the client runs (batch.Job carries their bytes), workers draw (batch.draw) and
send the bytes back, and the client writes them (batch.write): atomic writes, the manifest and incremental
skips stay on this machine, and workers need no shared folder. Dask is an optional extra
(`pip install 'redraw[dask]'`)."""
from __future__ import annotations

import itertools
import logging
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .batch import Job, Options, Result, ctrl_c_ignored, draw, process, too_slow, warm, write
from .errors import RedrawError

INSTALL = "--executor dask needs Dask: pip install 'redraw[dask]' (or pip install 'dask[distributed]')"


def available() -> bool:
    try:
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


def run(jobs: Iterable[Job], out_dir: Path, options: Options, workers: int, timeout: float | None = None,
        scheduler: str | None = None) -> Iterator[Result]:
    """Results in input order. At most 4 files per worker are in flight. A file past `timeout` seconds
    (counted from when the client waits for it) fails, its task is cancelled (Dask cannot stop a task that
    has started: the worker finishes it and the result is dropped), and the others go on. Stopping the
    iteration (Ctrl-C) cancels every task and closes the client and, if redraw started it, the cluster."""
    jobs = iter(jobs)
    first = next(jobs, None)
    if first is None:   # every file up to date: no cluster to start
        return
    jobs = itertools.chain([first], jobs)
    from distributed import Client, LocalCluster
    from distributed import TimeoutError as DaskTimeout

    cluster: Any = None
    if scheduler is None:
        with ctrl_c_ignored():   # (the cluster's processes printed tracebacks on a terminal's Ctrl-C)
            cluster = LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                silence_logs=logging.ERROR)
    try:
        client = Client(cluster if cluster is not None else scheduler, timeout=10)  # type: ignore[no-untyped-call]
    except OSError as err:
        if cluster is not None:
            cluster.close()
        raise RedrawError(f"cannot reach the Dask scheduler: {err}", scheduler) from None
    if timeout:   # each worker's first drawing is no file's time
        client.run(warm)
    ahead = 4 * max(1, len(client.scheduler_info(n_workers=-1).get("workers", {})) or workers)
    window: deque[tuple[Job, Any]] = deque()

    def result(job: Job, future: Any) -> Result:
        if future is None:
            return process(job, out_dir, options)   # an unreadable file: its error, at once
        try:
            drawn = future.result(timeout=timeout)
        except (TimeoutError, DaskTimeout):
            future.cancel()
            return too_slow(job, timeout or 0)
        except Exception as err:   # a worker lost, a task that could not run: this file fails, not the batch
            return Result(job.source, job.key, error=RedrawError(
                f"internal error: the Dask task failed ({type(err).__name__}: {err})", str(job.source)))
        return write(drawn, out_dir)

    try:
        for job in jobs:
            future = None if job.error else client.submit(draw, job, options, pure=False)
            window.append((job, future))
            while len(window) > ahead:
                yield result(*window.popleft())
        while window:
            yield result(*window.popleft())
    finally:
        client.cancel([f for _, f in window if f is not None])  # type: ignore[no-untyped-call]
        client.close()  # type: ignore[no-untyped-call]
        if cluster is not None:
            cluster.close()
