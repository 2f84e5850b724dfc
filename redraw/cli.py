"""The command line: python -m redraw IN... OUT/ — per-file errors, a summary line, an honest exit code."""
from __future__ import annotations

import argparse
import contextlib
import math
import os
import signal
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from ._version import __version__
from .errors import RedrawError, shown
from .render import PALETTES, VENUES  # names only: redraw.render loads matplotlib on the first render

if TYPE_CHECKING:
    from tqdm import tqdm

    from .batch import Job, Options
    from .incremental import Manifest

EPILOG = """examples:
  python -m redraw seeds/ out/                  every description in seeds/ -> out/NAME.png + NAME.json
  python -m redraw chart.md out/ --format png,svg,pdf --size column
  python -m redraw papers/ out/ --venue icml --size column --format pdf   ICML column width, fonts, serif
  python -m redraw out/chart.json again/        a spec (edited by hand) renders the same way
  python -m redraw seeds/ out/ --jobs 1 --force  one process, redraw even what is up to date
  python -m redraw serve --port 8000             the HTTP service and preview page (see serve --help)

A rerun skips inputs whose outputs are up to date (same input bytes, options and redraw version,
recorded in OUT/.redraw-manifest.json).

exit status: 0 all files redrawn, 1 some file failed, 2 bad usage, 130 interrupted (143 on SIGTERM)
"""


def _formats(value: str) -> tuple[str, ...]:
    formats = tuple(dict.fromkeys(f.strip().lower() for f in value.split(",") if f.strip()))
    bad = [f for f in formats if f not in ("png", "svg", "pdf")]
    if bad or not formats:
        raise argparse.ArgumentTypeError(f"unknown format {', '.join(bad) or value!r}; use png, svg, pdf")
    return formats


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="redraw", description="Redraw scatter plots from their text descriptions.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", metavar="IN", help="description files (.md .txt .json) or folders of them")
    p.add_argument("out", metavar="OUT", help="output folder (created if missing)")
    p.add_argument("--format", type=_formats, default=("png",), metavar="FMT",
                   help="png, svg, pdf, or several comma-separated (default: png)")
    p.add_argument("--dpi", type=float, default=200, help="resolution of PNG output (default: 200)")
    p.add_argument("--size", choices=("column", "page", "slide"), default="page",
                   help="3.5, 7 or 10 inches wide, fonts sized to match (default: page)")
    p.add_argument("--venue", choices=VENUES, default=None,
                   help="a venue's figure width (its column for --size column, its text width otherwise), font "
                        "sizes and a Times-like serif: " + ", ".join(VENUES))
    p.add_argument("--width", type=float, default=None, metavar="INCHES",
                   help="figure width in inches (1 to 30), instead of the size's or the venue's")
    p.add_argument("--palette", choices=PALETTES, default=None,
                   help="draw each stated hue as the colour-blind-safe palette's member of that hue")
    p.add_argument("--no-gallery", dest="gallery", action="store_false",
                   help="do not write OUT/index.html, the page that shows every figure of the batch")
    p.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                   help="files drawn in parallel (default: the available cores)")
    p.add_argument("--executor", choices=("local", "dask"), default="local",
                   help="where files are drawn: local processes (default), or a Dask cluster (pip install "
                        "'redraw[dask]'): the one --scheduler names, else a local one started for the run")
    p.add_argument("--scheduler", metavar="tcp://HOST:PORT", default=None,
                   help="the Dask scheduler of an existing cluster (with --executor dask)")
    p.add_argument("--timeout", type=float, default=60, metavar="SECONDS",
                   help="stop a file that takes longer, report it and go on (default: 60; 0: no limit)")
    p.add_argument("--force", action="store_true",
                   help="redraw every input, even those whose outputs are up to date")
    p.add_argument("--strict", action="store_true",
                   help="fail a file whose figure may be wrong (points far outside the stated axes, far fewer "
                        "points read than stated) instead of drawing it with a warning")
    p.add_argument("-q", "--quiet", action="store_true", help="print only errors (warnings stay in NAME.json)")
    p.add_argument("--version", action="version", version=f"redraw {__version__}")
    return p


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C: stop at once, leave only complete files."""


def _interrupt(signum: int, frame: object) -> None:
    # the first interrupt stops the run; later ones are ignored, so that stopping the workers, removing their
    # temporary files and saving the manifest are never cut short and the run always ends (130, 143)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()


@dataclass
class _Tally:
    ok: int = 0
    failed: int = 0
    up_to_date: int = 0
    other: int = 0    # errors not of one input: the manifest or the gallery could not be written
    errors: dict[str, str] = field(default_factory=dict)   # input path -> its error line, for the gallery


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["serve"]:  # a file named serve is ./serve
        from .service.server import main as serve

        return serve(argv[1:])
    args = _parser().parse_args(argv)
    from .render import MAX_DPI, MIN_DPI

    if not MIN_DPI <= args.dpi <= MAX_DPI:  # also refuses nan
        return _usage(f"--dpi must be between {MIN_DPI} and {MAX_DPI}")
    if args.width is not None and not 1 <= args.width <= 30:
        return _usage("--width must be between 1 and 30 inches")
    if args.jobs is not None and args.jobs < 1:
        return _usage("--jobs must be at least 1")
    if not 0 <= args.timeout < math.inf:
        return _usage("--timeout must be a number of seconds (0: no limit)")
    if args.scheduler and args.executor != "dask":
        return _usage("--scheduler names a Dask cluster: use it with --executor dask")
    if args.executor == "dask":
        from .cluster import INSTALL, available

        if not available():
            return _usage(INSTALL)
    from .batch import Options, collect

    out = Path(args.out)
    files, missing = collect(args.inputs)
    tally = _Tally(failed=len(missing))
    for miss in missing:
        print(f"redraw: error: {miss}", file=sys.stderr)
        tally.errors[str(miss.path)] = str(miss)
    if out.exists() and not out.is_dir():
        return _usage(f"{shown(out)}: is a file; OUT must be a folder (created if missing)")
    if any(Path(i).is_dir() and Path(i).resolve() == out.resolve() for i in args.inputs):
        return _usage("the output folder is also an input folder; choose another OUT")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        print(f"redraw: error: cannot create output folder {shown(out)}: {err.strerror}", file=sys.stderr)
        return 1 if files else 2
    options = Options(formats=args.format, dpi=args.dpi, size=args.size, strict=args.strict, venue=args.venue,
                      width=args.width, palette=args.palette)
    from .incremental import Manifest

    manifest = Manifest.load(out)
    code = _redraw(files, manifest, options, args, tally)
    if code:
        return code
    if args.gallery and not _is_input(out / "index.html", files):   # (that input failed with a line saying so)
        from .gallery import write_gallery

        try:
            write_gallery(out, files + [Path(str(m.path)) for m in missing], tally.errors,
                          column=options.size == "column")
        except OSError as err:
            tally.other += 1
            print(f"redraw: error: cannot write the gallery {shown(out / 'index.html')}: {err.strerror}",
                  file=sys.stderr)
    total = tally.ok + tally.failed + tally.up_to_date
    trouble = tally.failed or tally.other
    if not args.quiet or trouble:
        parts = [f"redrew {tally.ok} of {total} files"]
        if tally.up_to_date:
            parts.append(f"{tally.up_to_date} up to date")
        if tally.failed:
            parts.append(f"{tally.failed} failed")
        if tally.other:
            parts.append(f"{tally.other} other error{'s' if tally.other > 1 else ''}")
        print(", ".join(parts), file=sys.stderr if trouble else sys.stdout)
    return 1 if trouble else 0


def _is_input(path: Path, files: list[Path]) -> bool:
    return any(_same_file(path, f) for f in files)


def _same_file(a: Path, b: Path) -> bool:
    """Both paths name one existing file (through links, or "d/x.json" and "./d/x.json")."""
    with contextlib.suppress(OSError):
        return a.exists() and b.exists() and os.path.samefile(a, b)
    return False


def _usage(message: str) -> int:
    print(f"redraw: error: {message}", file=sys.stderr)
    return 2


def _jobs(files: list[Path], manifest: Manifest, options: Options, args: argparse.Namespace, tally: _Tally,
          say: Callable[[str], None], progress: tqdm[NoReturn] | None) -> Iterator[Job]:
    """The inputs to redraw, each read once (at most the size limit): those whose outputs are up to date are
    counted and skipped; those whose outputs would overwrite another input's, the input itself or the
    manifest fail here."""
    from .batch import Job
    from .incremental import code_fingerprint, input_key
    from .io import read_input

    fingerprint = code_fingerprint()
    seen: dict[str, Path] = {}
    for path in files:
        clash = _clash(path, seen, manifest.folder, options, args.gallery)
        if clash:
            tally.failed += 1
            tally.errors[str(path)] = f"{shown(path)}: {clash}"
            say(f"redraw: error: {shown(path)}: {clash}")
            if progress is not None:
                progress.update(1)
            continue
        seen[path.stem] = path
        try:
            data = read_input(path)
        except RedrawError as err:
            yield Job(path, error=err)
            continue
        key = input_key(data, options.key(), fingerprint)
        if not args.force and manifest.fresh(path.stem, key):
            tally.up_to_date += 1
            if progress is not None:
                progress.update(1)
            continue
        yield Job(path, data, key)


def _clash(path: Path, seen: dict[str, Path], out: Path, options: Options, gallery: bool) -> str | None:
    """Why `path`'s outputs cannot be written, if they cannot."""
    from .incremental import MANIFEST

    if path.stem in seen:
        return f"its output {path.stem}.* would overwrite that of {shown(seen[path.stem])}; rename one of them"
    if f"{path.stem}.json" == MANIFEST:
        return f"its output {MANIFEST} would overwrite redraw's manifest; rename it"
    for fmt in ("json", *options.formats):
        if _same_file(target := out / f"{path.stem}.{fmt}", path):
            return f"its output {shown(target)} is this input itself; choose another OUT"
    if gallery and _same_file(out / "index.html", path):
        return "the gallery OUT/index.html would overwrite this input; choose another OUT or use --no-gallery"
    return None


def _redraw(files: list[Path], manifest: Manifest, options: Options, args: argparse.Namespace,
            tally: _Tally) -> int:
    """Run the batch; counts go into `tally`, each failed input's error line into `tally.errors`. Returns
    the exit code if the run was interrupted, else 0."""
    from . import io
    from .batch import run as run_here
    from .incremental import MANIFEST

    out = manifest.folder
    io.remove_stale_temporaries(out)
    previous = {sig: signal.signal(sig, _interrupt) for sig in (signal.SIGINT, signal.SIGTERM)}
    progress = _progress(len(files), args.quiet)

    def say(line: str) -> None:
        _say(progress, line)

    code = 0
    try:
        jobs = _jobs(files, manifest, options, args, tally, say, progress)
        workers, timeout = args.jobs or _cores(), args.timeout or None
        if args.executor == "dask":
            from .cluster import run as run_on_dask

            results = run_on_dask(jobs, out, options, workers, timeout, scheduler=args.scheduler)
        else:
            results = run_here(jobs, out, options, workers, timeout)
        for result in results:
            if result.error is not None:
                tally.failed += 1
                manifest.forget(result.source.stem)
                tally.errors[str(result.source)] = str(result.error)
                say(f"redraw: error: {result.error}")
            else:
                tally.ok += 1
                manifest.record(result.source.stem, result.key, result.signatures)
            if not args.quiet:
                for note in result.notes:
                    say(f"redraw: warning: {shown(result.source)}: {note}")
            if progress is not None:
                progress.update(1)
    except RedrawError as err:   # the cluster could not be reached: no file was drawn
        say(f"redraw: error: {err}")
        tally.other += 1
    except KeyboardInterrupt as stop:
        io.remove_own_temporaries(out)   # of files under way when the workers were stopped
        say(f"redraw: interrupted after {tally.ok} files; every file written is complete")
        code = 143 if isinstance(stop, Terminated) else 130
    finally:
        if progress is not None:
            progress.close()
        try:
            manifest.save()
        except OSError as err:
            print(f"redraw: error: cannot save {shown(out / MANIFEST)}: {err.strerror}; the next run redraws every "
                  "file", file=sys.stderr)
            tally.other += 1
        if not code:   # (after an interrupt both stay ignored until the exit, however many more come)
            for sig, handler in previous.items():
                signal.signal(sig, handler)
    return code


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _progress(total: int, quiet: bool) -> tqdm[NoReturn] | None:
    """A progress bar on a terminal for batches; nothing when output goes to a file or a pipe."""
    if quiet or total < 2 or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="file", file=sys.stderr, leave=False, dynamic_ncols=True)


def _say(progress: tqdm[NoReturn] | None, line: str) -> None:
    if progress is not None:
        progress.write(line, file=sys.stderr)
    else:
        print(line, file=sys.stderr)
