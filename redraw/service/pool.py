"""The worker pool: parsing and drawing in other processes, each task with a time limit.

matplotlib is not thread-safe and serialises drawing, so figures are drawn in processes. pebble's ProcessPool
kills a task past its limit (and starts a fresh worker in its place), replaces a worker that dies, and
recycles each worker after `max_tasks` tasks, so a slow leak in a worker cannot grow without bound.
"""
from __future__ import annotations

import asyncio
import multiprocessing
from collections.abc import Callable
from typing import Any, TypeVar

from pebble import ProcessExpired, ProcessPool

from . import jobs

T = TypeVar("T")
__all__ = ["Pool", "ProcessExpired"]


class Pool:
    def __init__(self, workers: int, timeout: float, max_tasks: int = 200) -> None:
        # forkserver: workers fork from a small clean process (not from the server with its threads and
        # event loop), with redraw's renderer already imported, so a recycled worker starts in milliseconds
        methods = multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        if "forkserver" in methods:
            ctx.set_forkserver_preload(["redraw.service.jobs", "redraw.render.figure", "redraw.parse.rules"])
        self.workers = workers
        self.timeout = timeout
        self._pool = ProcessPool(max_workers=workers, max_tasks=max_tasks, initializer=jobs.warm, context=ctx)
        self.ready = False

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        """function(*args) in a worker. Raises TimeoutError past the limit (the worker is killed and
        replaced), ProcessExpired if the worker died, or what the function raised."""
        future = self._pool.schedule(function, args, timeout=self.timeout)
        return await asyncio.wrap_future(future)

    async def warm_up(self) -> None:
        """Ready once a task per worker has come back (each worker has loaded matplotlib and the rules)."""
        await asyncio.gather(*(self.run(jobs.ready) for _ in range(self.workers)))
        self.ready = True

    def close(self) -> None:
        self._pool.stop()  # type: ignore[no-untyped-call]  # pebble's stop() has no annotations
        self._pool.join(timeout=5)
