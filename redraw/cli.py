"""The command line: python -m redraw IN... OUT/ — per-file errors, a summary line, an honest exit code."""
from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from ._version import __version__
from .render import PALETTES, VENUES  # names only: redraw.render loads matplotlib on the first render

if TYPE_CHECKING:
    from tqdm import tqdm

    from .batch import Options
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
    p.add_argument("--force", action="store_true",
                   help="redraw every input, even those whose outputs are up to date")
    p.add_argument("--strict", action="store_true",
                   help="fail a file whose figure may be wrong (points far outside the stated axes, far fewer "
                        "points read than stated) instead of drawing it with a warning")
    p.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    p.add_argument("--version", action="version", version=f"redraw {__version__}")
    return p


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C: stop between files, leave only complete ones."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated()


def _remove_stale_temporaries(out: Path) -> None:
    """A run killed with SIGKILL can leave its hidden temporary files; the next run removes them."""
    for tmp in out.glob(".*.redraw-*.tmp"):
        with contextlib.suppress(OSError):  # gone already, or not ours to remove: not worth failing for
            tmp.unlink()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["serve"]:  # a file named serve is ./serve
        from .service.server import main as serve

        return serve(argv[1:])
    args = _parser().parse_args(argv)
    from .render import MAX_DPI, MIN_DPI

    if not MIN_DPI <= args.dpi <= MAX_DPI:  # also refuses nan
        print(f"redraw: error: --dpi must be between {MIN_DPI} and {MAX_DPI}", file=sys.stderr)
        return 2
    if args.width is not None and not 1 <= args.width <= 30:
        print("redraw: error: --width must be between 1 and 30 inches", file=sys.stderr)
        return 2
    if args.jobs is not None and args.jobs < 1:
        print("redraw: error: --jobs must be at least 1", file=sys.stderr)
        return 2
    from .batch import Options, collect

    out = Path(args.out)
    files, missing = collect(args.inputs)
    if any(Path(i).is_dir() and Path(i).resolve() == out.resolve() for i in args.inputs):
        print("redraw: error: the output folder is also an input folder; choose another OUT", file=sys.stderr)
        return 2
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        print(f"redraw: error: cannot create output folder {out}: {err.strerror}", file=sys.stderr)
        return 1 if files else 2
    options = Options(formats=args.format, dpi=args.dpi, size=args.size, strict=args.strict, venue=args.venue,
                      width=args.width, palette=args.palette)
    failed = len(missing)
    errors: dict[str, str] = {}   # input path -> its error line, for the gallery
    for miss in missing:
        print(f"redraw: error: {miss}", file=sys.stderr)
        errors[str(miss.path)] = str(miss)
    from .incremental import Manifest

    manifest = Manifest.load(out)
    todo, keys, up_to_date, clashes = _plan(files, manifest, options, args.force)
    for path, other in clashes:
        failed += 1
        errors[str(path)] = (f"{path}: its output {path.stem}.* would overwrite that of {other}; "
                             "rename one of them")
        print(f"redraw: error: {errors[str(path)]}", file=sys.stderr)
    ok, code = _redraw(todo, keys, manifest, options, args, errors)
    failed += len(todo) - ok if code == 0 else 0
    if code:
        return code
    if args.gallery:
        from .gallery import write_gallery

        try:
            write_gallery(out, files + [Path(str(m.path)) for m in missing], errors,
                          column=options.size == "column")
        except OSError as err:
            failed += 1
            print(f"redraw: error: cannot write the gallery {out / 'index.html'}: {err.strerror}", file=sys.stderr)
    total = ok + failed + up_to_date
    if not args.quiet or failed:
        parts = [f"redrew {ok} of {total} files"]
        if up_to_date:
            parts.append(f"{up_to_date} up to date")
        if failed:
            parts.append(f"{failed} failed")
        print(", ".join(parts), file=sys.stderr if failed else sys.stdout)
    return 1 if failed else 0


def _plan(files: list[Path], manifest: Manifest, options: Options,
          force: bool) -> tuple[list[Path], dict[Path, str], int, list[tuple[Path, Path]]]:
    """Which files to redraw (with their manifest keys), how many are up to date, which clash."""
    from .incremental import code_fingerprint, input_key

    fingerprint = code_fingerprint()
    todo: list[Path] = []
    keys: dict[Path, str] = {}
    clashes: list[tuple[Path, Path]] = []
    seen: dict[str, Path] = {}
    up_to_date = 0
    for path in files:
        if path.stem in seen:
            clashes.append((path, seen[path.stem]))
            continue
        seen[path.stem] = path
        try:
            key = input_key(path.read_bytes(), options.key(), fingerprint)
        except OSError:
            key = ""  # unreadable: process() reports it
        if key and not force and manifest.fresh(path.stem, key):
            up_to_date += 1
            continue
        todo.append(path)
        keys[path] = key
    return todo, keys, up_to_date, clashes


def _redraw(todo: list[Path], keys: dict[Path, str], manifest: Manifest, options: Options,
            args: argparse.Namespace, errors: dict[str, str]) -> tuple[int, int]:
    """Run the batch; returns (files redrawn, exit code if interrupted else 0). Each failed input's error
    line goes into `errors`."""
    from .batch import run

    out = manifest.folder
    jobs = args.jobs or _cores()
    _remove_stale_temporaries(out)
    ok = 0
    previous = signal.signal(signal.SIGTERM, _terminate)
    progress = _progress(len(todo), args.quiet)
    try:
        for result in run(todo, out, options, jobs):
            if result.error is not None:
                manifest.forget(result.source.stem)
                errors[str(result.source)] = str(result.error)
                _say(progress, f"redraw: error: {result.error}")
            else:
                ok += 1
                manifest.record(result.source.stem, keys[result.source], [p.name for p in result.written])
            for note in result.notes:
                _say(progress, f"redraw: warning: {result.source}: {note}")
            if progress is not None:
                progress.update(1)
    except KeyboardInterrupt as stop:
        _say(progress, f"redraw: interrupted after {ok} files; every file written is complete")
        return ok, 143 if isinstance(stop, Terminated) else 130
    finally:
        signal.signal(signal.SIGTERM, previous)
        if progress is not None:
            progress.close()
        manifest.save()
    return ok, 0


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
