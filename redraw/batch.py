"""One input file -> its outputs, and the executor that runs many. A failure is returned as a RedrawError,
never raised to the batch."""
from __future__ import annotations

import contextlib
import multiprocessing
import os
import re
import signal
import threading
import time
import warnings
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from . import io
from .errors import RedrawError
from .io import decode, write_atomic

INPUT_SUFFIXES = (".md", ".txt", ".json")


@dataclass(frozen=True)
class Options:
    formats: tuple[str, ...] = ("png",)
    dpi: float = 200
    size: str = "page"
    strict: bool = False   # a spec with doubts fails instead of being drawn
    venue: str | None = None      # a venue's width and fonts (render/style.py: VENUES)
    width: float | None = None    # inches, instead of the size's or venue's width
    palette: str | None = None    # "okabe-ito"

    def key(self) -> str:
        """What the outputs depend on besides the input and redraw itself."""
        key = f"formats={','.join(self.formats)};dpi={self.dpi:g};size={self.size};strict={self.strict}"
        if self.venue or self.width or self.palette:   # absent: keys of earlier runs stay valid
            key += f";venue={self.venue};width={self.width};palette={self.palette}"
        return key


@dataclass(frozen=True)
class Job:
    """One input to redraw: its bytes, read once where the run starts, and its manifest key; or why it could
    not be read (reported in its place in the input order)."""
    source: Path
    data: bytes = b""
    key: str = ""
    error: RedrawError | None = None


@dataclass
class Result:
    source: Path
    key: str = ""   # the input's manifest key (Job.key)
    written: list[Path] = field(default_factory=list)
    signatures: dict[str, list[int]] = field(default_factory=dict)   # each output's, by name, as written
    error: RedrawError | None = None
    notes: list[str] = field(default_factory=list)   # drawing problems worth a line (missing glyphs)


@dataclass
class Drawn:
    """A file drawn but not yet written: each output's bytes by file suffix, figures first and the spec last;
    or its error. What a worker elsewhere (Dask) sends back for the client to write."""
    source: Path
    key: str = ""
    outputs: dict[str, bytes] = field(default_factory=dict)
    error: RedrawError | None = None
    notes: list[str] = field(default_factory=list)


def draw(job: Job, options: Options) -> Drawn:
    """Parse and render one input into the bytes of its outputs; never raises for a bad input or a bug."""
    from .parse import parse
    from .render import figure_bytes, render

    source = job.source
    drawn = Drawn(source, job.key)
    try:
        if job.error is not None:
            raise job.error
        text, notes = decode(job.data, str(source))
        spec = parse(text, str(source))
        if notes:
            spec = spec.model_copy(update={"warnings": notes + spec.warnings})
        if spec.doubts and options.strict:
            raise RedrawError(f"refused under --strict: {'; '.join(spec.doubts)}", str(source))
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            fig = render(spec, options.size, venue=options.venue, width=options.width, palette=options.palette)
            drawn.outputs = {fmt: figure_bytes(fig, fmt, options.dpi) for fmt in options.formats}
            fig.clear()
        drawn.outputs["json"] = spec.to_json().encode("utf-8")
        drawn.notes = spec.doubts + _glyph_notes(caught)  # never publish a doubtful figure silently
    except RedrawError as err:
        drawn.outputs, drawn.error = {}, err.with_path(str(source))
    except Exception as err:  # a bug must not stop the batch: report it against this file
        drawn.outputs, drawn.error = {}, RedrawError(f"internal error: {type(err).__name__}: {err}", str(source))
    return drawn


def write(drawn: Drawn, out_dir: Path) -> Result:
    """Write a drawn file's outputs, all or nothing: if a write fails or is interrupted, the outputs already
    written are removed, so no figure is left without its spec."""
    result = Result(drawn.source, drawn.key, error=drawn.error, notes=drawn.notes)
    try:
        for suffix, data in drawn.outputs.items():
            path = out_dir / f"{drawn.source.stem}.{suffix}"
            result.signatures[path.name] = write_atomic(path, data)
            result.written.append(path)
    except OSError as err:
        result.error = RedrawError(f"cannot write output in {out_dir}: {err.strerror}", str(drawn.source))
        _remove(result.written)
    except BaseException:   # interrupted or past its time between two writes: none of this file's outputs stays
        _remove(result.written)
        raise
    return result


def process(job: Job, out_dir: Path, options: Options) -> Result:
    """Parse, render and write NAME.json plus one figure per format (draw, then write)."""
    return write(draw(job, options), out_dir)


def _remove(paths: list[Path]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()
    paths.clear()


def _glyph_notes(caught: list[warnings.WarningMessage]) -> list[str]:
    """matplotlib warns once per glyph its font lacks; the user gets one line listing them."""
    missing = []
    for w in caught:
        m = re.search(r"Glyph (\d+) \(.*?\) missing", str(w.message))
        if m and chr(int(m.group(1))) not in missing:
            missing.append(chr(int(m.group(1))))
    if not missing:
        return []
    shown = " ".join(ch if ch.isprintable() else f"U+{ord(ch):04X}" for ch in missing[:8])
    shown += " ..." if len(missing) > 8 else ""
    return [f"{len(missing)} characters are not in the font and show as boxes: {shown}"]


def collect(inputs: list[str]) -> tuple[list[Path], list[RedrawError]]:
    """Files named directly, and every *.md, *.txt, *.json inside named folders (sorted)."""
    files: list[Path] = []
    errors: list[RedrawError] = []
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.suffix.lower() in INPUT_SUFFIXES
                            and not p.is_dir() and not p.name.startswith("."))  # (a pipe is reported)
        elif path.exists():
            files.append(path)
        else:
            errors.append(RedrawError("no such file or folder", name))
    return files, errors


class _PastTimeLimit(BaseException):
    """The time limit of a file drawn in this process passed (SIGALRM); not an Exception, so that no handler
    for errors takes it for one."""


def _alarm(signum: int, frame: object) -> None:
    raise _PastTimeLimit()


def _worker_init(run: str) -> None:
    # Ctrl-C reaches the whole process group: the parent stops the workers itself; SIGTERM (how it stops them)
    # ends a worker at once; temporary files carry the run's name, so the parent can remove those left behind
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    io.RUN = run


def warm() -> None:
    """Load the parser's rules and the renderer and draw a tiny figure (fonts, caches): what a process does
    once, so that it counts against no file's time limit."""
    from .parse import parse
    from .render import figure_bytes, render

    figure_bytes(render(parse("Scatter plot.\n\n- **A**: (1, 2)\n- **B**: (2, 3)\n")), "png", 20)
    time.sleep(0.05)   # (so that each worker of a pool takes one)


def too_slow(job: Job, timeout: float) -> Result:
    """The result of a file stopped at its time limit (either executor)."""
    message = f"stopped after {timeout:g} s (the time limit of one file; see --timeout)"
    return Result(job.source, job.key, error=RedrawError(message, str(job.source)))


def _here(job: Job, out_dir: Path, options: Options, timeout: float | None) -> Result:
    """One file in this process, stopped by SIGALRM past `timeout` (where there is one: the main thread)."""
    if not timeout or job.error is not None or not _main_thread():
        return process(job, out_dir, options)
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return process(job, out_dir, options)
    except _PastTimeLimit:
        return too_slow(job, timeout)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def _interrupts_deferred() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait until the block is done (a second or two while workers start), then act."""
    if not _main_thread():
        yield
        return
    got: list[int] = []

    def note(signum: int, frame: object) -> None:
        got.append(signum)

    previous = {sig: signal.signal(sig, note) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if got:
            os.kill(os.getpid(), got[0])   # delivered again, to the handler in force now


@contextlib.contextmanager
def ctrl_c_ignored() -> Iterator[None]:
    """Processes started in the block ignore Ctrl-C, and keep ignoring it (a disposition inherited through
    exec): a terminal's Ctrl-C reaches the whole process group, and helpers that took it printed tracebacks
    (the forkserver loading the renderer, a Dask cluster's workers). Stopping them is this process's business."""
    if not _main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def run(jobs: Iterable[Job], out_dir: Path, options: Options, workers: int,
        timeout: float | None = None) -> Iterator[Result]:
    """Results in input order, from `workers` processes (one: in this process). A file past `timeout` seconds
    fails (its worker is killed and replaced) and the others go on. Stopping the iteration (Ctrl-C) kills the
    workers at once: files under way leave no output, and the caller removes their temporary files
    (io.remove_own_temporaries)."""
    if workers <= 1:
        if timeout:
            warm()   # before the first file's clock starts
        for job in jobs:
            yield _here(job, out_dir, options, timeout)
        return
    from pebble import ProcessExpired, ProcessPool

    methods = multiprocessing.get_all_start_methods()
    # forkserver: workers fork from a small process that loaded the renderer and the rules once, not from this
    # one with its threads (a progress bar's, a lock held by one of them: a fork could inherit it taken)
    ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        ctx.set_forkserver_preload(["redraw.batch", "redraw.render.figure", "redraw.parse.rules"])
        from multiprocessing import forkserver

        with ctrl_c_ignored():
            forkserver.ensure_running()
    with _interrupts_deferred():   # (a worker stopped while it starts prints a traceback of its own)
        pool = ProcessPool(max_workers=workers, initializer=_worker_init, initargs=(io.RUN,), context=ctx)
        # every worker started, and its first drawing (fonts, caches) done before any file's clock starts
        for started in [pool.schedule(warm) for _ in range(workers)]:
            started.result()
    window: deque[tuple[Job, Future[Result] | None]] = deque()   # at most 2 files per worker ahead

    def result(job: Job, future: Future[Result] | None) -> Result:
        if future is None:
            return process(job, out_dir, options)   # an unreadable file: its error, at once
        try:
            return future.result()
        except TimeoutError:
            return too_slow(job, timeout or 0)
        except ProcessExpired as err:
            return Result(job.source, job.key, error=RedrawError(
                f"internal error: the worker drawing it died ({err})", str(job.source)))

    try:
        for job in jobs:
            future = None if job.error else pool.schedule(process, (job, out_dir, options), timeout=timeout)
            window.append((job, future))
            while len(window) > 2 * workers:
                yield result(*window.popleft())
        while window:
            yield result(*window.popleft())
    except BaseException:
        pool.stop()   # type: ignore[no-untyped-call]  # kills the workers, files under way and all
        pool.join(timeout=5)
        raise
    pool.close()   # type: ignore[no-untyped-call]
    pool.join()
