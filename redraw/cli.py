"""The command line: python -m redraw IN... OUT/ — per-file errors, a summary line, an honest exit code."""
from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from . import __version__

EPILOG = """examples:
  python -m redraw seeds/ out/                  every description in seeds/ -> out/NAME.png + NAME.json
  python -m redraw chart.md out/ --format png,svg,pdf --size column
  python -m redraw out/chart.json again/        a spec (edited by hand) renders the same way

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
        try:
            tmp.unlink()
        except OSError:
            pass


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.dpi <= 0 or args.dpi > 2400:
        print("redraw: error: --dpi must be between 0 and 2400", file=sys.stderr)
        return 2
    from .batch import Options, collect, process

    out = Path(args.out)
    files, errors = collect(args.inputs)
    if any(Path(i).is_dir() and Path(i).resolve() == out.resolve() for i in args.inputs):
        print("redraw: error: the output folder is also an input folder; choose another OUT", file=sys.stderr)
        return 2
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        print(f"redraw: error: cannot create output folder {out}: {err.strerror}", file=sys.stderr)
        return 1 if files else 2
    options = Options(formats=args.format, dpi=args.dpi, size=args.size)
    for err in errors:
        print(f"redraw: error: {err}", file=sys.stderr)
    ok = 0
    seen: dict[str, Path] = {}
    _remove_stale_temporaries(out)
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        for path in files:
            stem = path.stem
            if stem in seen:
                print(f"redraw: error: {path}: its output {stem}.* would overwrite that of {seen[stem]}; "
                      "rename one of them", file=sys.stderr)
                errors.append(None)  # type: ignore[arg-type]
                continue
            seen[stem] = path
            result = process(path, out, options)
            if result.error is not None:
                errors.append(result.error)
                print(f"redraw: error: {result.error}", file=sys.stderr)
            else:
                ok += 1
            for note in result.notes:
                print(f"redraw: warning: {path}: {note}", file=sys.stderr)
    except KeyboardInterrupt as stop:
        print(f"redraw: interrupted after {ok} files; every file written is complete", file=sys.stderr)
        return 143 if isinstance(stop, Terminated) else 130
    finally:
        signal.signal(signal.SIGTERM, previous)
    total = ok + len(errors)
    if not args.quiet or errors:
        failed = f", {len(errors)} failed" if errors else ""
        print(f"redrew {ok} of {total} files{failed}", file=sys.stderr if errors else sys.stdout)
    return 1 if errors else 0
