"""One input file -> its outputs. A failure is returned as a RedrawError, never raised to the batch."""
from __future__ import annotations

import multiprocessing
import re
import signal
import warnings
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .errors import RedrawError
from .io import read_text, write_atomic

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


@dataclass
class Result:
    source: Path
    written: list[Path] = field(default_factory=list)
    error: RedrawError | None = None
    notes: list[str] = field(default_factory=list)   # drawing problems worth a line (missing glyphs)


def process(source: Path, out_dir: Path, options: Options) -> Result:
    """Parse, render and write NAME.json plus one figure per format; all or nothing per file: if a write
    fails, the outputs this call already wrote are removed, so no figure is left without its spec."""
    from .parse import parse
    from .render import figure_bytes, render

    result = Result(source)
    try:
        text, notes = read_text(source)
        spec = parse(text, str(source))
        if notes:
            spec = spec.model_copy(update={"warnings": notes + spec.warnings})
        if spec.doubts and options.strict:
            raise RedrawError(f"refused under --strict: {'; '.join(spec.doubts)}", str(source))
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            fig = render(spec, options.size, venue=options.venue, width=options.width, palette=options.palette)
            blobs = {fmt: figure_bytes(fig, fmt, options.dpi) for fmt in options.formats}
            fig.clear()
        result.notes = spec.doubts + _glyph_notes(caught)  # never publish a doubtful figure silently
    except RedrawError as err:
        result.error = err.with_path(str(source))
        return result
    except Exception as err:  # a bug must not stop the batch: report it against this file
        result.error = RedrawError(f"internal error: {type(err).__name__}: {err}", str(source))
        return result
    stem = source.stem
    try:
        for fmt, data in blobs.items():
            write_atomic(out_dir / f"{stem}.{fmt}", data)
            result.written.append(out_dir / f"{stem}.{fmt}")
        write_atomic(out_dir / f"{stem}.json", spec.to_json().encode("utf-8"))
        result.written.append(out_dir / f"{stem}.json")
    except OSError as err:
        result.error = RedrawError(f"cannot write output in {out_dir}: {err.strerror}", str(source))
        for path in result.written:
            path.unlink(missing_ok=True)
        result.written.clear()
    return result


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
                            and (p.is_file() or p.is_symlink()) and not p.name.startswith("."))
        elif path.exists():
            files.append(path)
        else:
            errors.append(RedrawError("no such file or folder", name))
    return files, errors


def _worker_init() -> None:
    # Ctrl-C reaches the whole process group: workers finish their file, the parent stops the batch
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run(paths: list[Path], out_dir: Path, options: Options, jobs: int) -> Iterator[Result]:
    """Results in input order, from `jobs` processes (one: in this process)."""
    if jobs <= 1 or len(paths) <= 1:
        for path in paths:
            yield process(path, out_dir, options)
        return
    from . import render  # noqa: F401  loaded once here, so forked workers start warm
    from .parse import assemble  # noqa: F401
    from .render import figure  # noqa: F401

    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(paths)), mp_context=ctx, initializer=_worker_init)
    try:
        yield from pool.map(process, paths, [out_dir] * len(paths), [options] * len(paths))
    finally:
        # on an interrupt: files under way are finished (complete), queued ones never start
        pool.shutdown(wait=True, cancel_futures=True)
