"""redraw's benchmark: stage costs against bare matplotlib, batch throughput, reruns and memory.

    python benchmarks/run.py            # the full run (a few minutes on 2 cores)
    python benchmarks/run.py --quick    # fewer repeats and files

It prints figures; it asserts nothing. The bare reference draws the same specs the way a user would
by hand: scatter, fixed-offset annotate, trend and reference lines, legend, savefig; no placement.
"""
from __future__ import annotations

import argparse
import gc
import importlib
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import matplotlib  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from redraw.parse import parse  # noqa: E402
from redraw.render import figure as figure_steps  # noqa: E402
from redraw.render import figure_bytes, render  # noqa: E402
from redraw.render.style import SIZES  # noqa: E402
from redraw.spec import ChartSpec  # noqa: E402

DPI = 200


def description(n: int, seed: int) -> str:
    """A seed-like description: n labelled points, log x, a legend of three groups, a trend line and two
    reference lines (the chart ANCHORS.md measured)."""
    rnd = random.Random(seed)
    groups = [("Open models", "blue", "circle"), ("Closed models", "gray", "square"), ("Ours", "red", "star")]
    lines = ["## Scatter Plot: Benchmark score vs. parameters", "### Components/Axes",
             "* **X-axis:** Parameters (B), log scale, ticks at 1, 10, 100",
             "* **Y-axis:** Score (%) - Scale ranges from 20 to 90.",
             "* **Legend:**"]
    lines += [f"  * {c.title()} {m}: {g}" for g, c, m in groups]
    lines += ["* **Trend line:** a dashed gray least-squares line fitted to all baselines.",
              "* A horizontal dashed red line at y = 50 is labelled \"random baseline\".",
              "* A vertical dotted gray line at x = 7 is labelled \"7B\".",
              "### Detailed Analysis"]
    for i in range(n):
        g, c, m = groups[2] if i == n // 2 else groups[i % 2]
        x = 10 ** rnd.uniform(0, 2)
        y = 25 + 20 * np.log10(x) + rnd.uniform(-12, 12)
        suffix = " (Ours)" if g == "Ours" else ""
        lines.append(f"* **Model-{seed}-{i}{suffix} ({c.title()} {m.title()}):** Approximately ({x:.2f}, {y:.1f}).")
    lines += ["### Key Observations", "* The models scatter around the trend line."]
    return "\n".join(lines) + "\n"


def bare(spec: ChartSpec) -> bytes:
    """What a careful user writes by hand for the same chart, minus label placement."""
    sz = SIZES["page"]
    fig = Figure(figsize=(sz.width, sz.height), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.set_xscale(spec.x_axis.scale)
    ax.set_yscale(spec.y_axis.scale)
    for g in spec.groups or [None]:
        pts = [p for p in spec.points if (p.group == g.name if g else True)]
        if pts:
            ax.scatter([p.x for p in pts], [p.y for p in pts], s=36, label=g.name if g else None,
                       color=(g.color if g and g.color else None), marker=(g.marker if g and g.marker else "o"))
    for p in spec.points:
        ax.annotate(p.label, (p.x, p.y), xytext=(3, 3), textcoords="offset points", fontsize=sz.label_font)
    for _ in spec.trend_lines:  # by hand: every line fitted to the baselines
        pts = [p for p in spec.points if not p.highlight]
        if len(pts) > 1:
            fx = np.log10([p.x for p in pts]) if spec.x_axis.scale == "log" else np.array([p.x for p in pts])
            b, a = np.polyfit(fx, [p.y for p in pts], 1)
            gx = np.linspace(fx.min(), fx.max(), 50)
            ax.plot(10 ** gx if spec.x_axis.scale == "log" else gx, a + b * gx, "--", color="gray")
    for r in spec.reference_lines:
        (ax.axhline if r.axis == "y" else ax.axvline)(r.value, linestyle="--", color="gray")
    if spec.x_axis.ticks:
        ax.set_xticks(spec.x_axis.ticks)
    ax.set_xlabel(spec.x_axis.label or "")
    ax.set_ylabel(spec.y_axis.label or "")
    if spec.groups:
        ax.legend()
    buf = __import__("io").BytesIO()
    fig.savefig(buf, format="png", dpi=DPI)
    return buf.getvalue()


def clear_caches() -> None:
    """Forget the parser's memoised text (numbers, labels, section titles): a cold parse each time.
    Every functools cache in redraw.parse is found by walking its modules, so the library needs no hook."""
    import pkgutil

    package = importlib.import_module("redraw.parse")  # the attribute redraw.parse is the function
    for info in pkgutil.walk_packages(package.__path__, "redraw.parse."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)) and getattr(value, "__module__", "") == info.name:
                value.cache_clear()


@contextmanager
def layout_timer() -> Iterator[list[float]]:
    """Seconds spent in render()'s label-placement step, accumulated in the yielded one-item list while
    the block runs: the step is wrapped here, so the library carries no timing code. The rest of
    render() is 'build'."""
    spent = [0.0]
    step = figure_steps.draw_labels

    def timed(*args: Any, **kwargs: Any) -> None:
        t0 = time.perf_counter()
        try:
            step(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - t0

    figure_steps.draw_labels = timed
    try:
        yield spent
    finally:
        figure_steps.draw_labels = step


def stages(paths: list[Path], repeat: int) -> dict[str, list[float]]:
    """ms per figure for each stage, runs interleaved with the bare reference."""
    out: dict[str, list[float]] = {k: [] for k in ("read", "parse", "build", "layout", "save", "json", "redraw",
                                                   "bare")}
    with layout_timer() as layout:
        for _ in range(repeat):
            for path in paths:
                _stage_once(path, layout, out)
    return out


def _stage_once(path: Path, layout: list[float], out: dict[str, list[float]]) -> None:
    """One file through every stage; appends ms per stage to `out`."""
    clear_caches()
    t0 = time.perf_counter()
    text = path.read_bytes().decode("utf-8")
    t1 = time.perf_counter()
    spec = parse(text, str(path))
    t2 = time.perf_counter()
    before = layout[0]
    fig = render(spec, "page")
    t3 = time.perf_counter()
    placing = layout[0] - before
    figure_bytes(fig, "png", DPI)
    t4 = time.perf_counter()
    spec.to_json()
    t5 = time.perf_counter()
    fig.clear()
    bare(spec)
    t6 = time.perf_counter()
    for key, v in (("read", t1 - t0), ("parse", t2 - t1), ("build", t3 - t2 - placing), ("layout", placing),
                   ("save", t4 - t3), ("json", t5 - t4), ("redraw", t5 - t0), ("bare", t6 - t5)):
        out[key].append(v * 1000)


def parse_alone(paths: list[Path], repeat: int) -> dict[str, list[float]]:
    """ms per parse, back to back with nothing drawn between (caches cleared before each): the parser's own
    cost. In the pipeline rows above, each parse follows a drawing that has pushed the parser's code and data
    out of the CPU caches, which costs it ~40%."""
    texts = {p.name: p.read_text(encoding="utf-8") for p in paths}
    for text in texts.values():  # warm up imports
        parse(text)
    out: dict[str, list[float]] = {name: [] for name in texts}
    for _ in range(repeat * 4):
        for name, text in texts.items():
            clear_caches()
            t0 = time.perf_counter()
            parse(text)
            out[name].append((time.perf_counter() - t0) * 1000)
    return out


def parse_summary(label: str, runs: dict[str, list[float]]) -> None:
    pooled = [v for vs in runs.values() for v in vs]
    per_file = sorted(statistics.median(vs) for vs in runs.values())
    print(f"| {label} | {statistics.median(pooled):.2f} | {per_file[0]:.2f} – {per_file[-1]:.2f} |")


def table(rows: list[tuple[str, dict[str, list[float]]]]) -> None:
    cols = ("read", "parse", "build", "layout", "save", "json", "redraw", "bare")
    print("| charts | " + " | ".join(cols) + " | redraw fig/s | bare fig/s | redraw / bare |")
    print("|---" * (len(cols) + 4) + "|")
    for name, d in rows:
        cells = [f"{min(d[c]):.1f} / {statistics.median(d[c]):.1f}" for c in cols]
        r, b = statistics.median(d["redraw"]), statistics.median(d["bare"])
        print(f"| {name} | " + " | ".join(cells) + f" | {1000 / r:.1f} | {1000 / b:.1f} | {r / b:.2f}x |")
    print("(ms per figure, min / median; 'save' is Agg draw + PNG encode at 200 dpi; 'redraw' is the sum)")


def cli(args: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "redraw", *args], cwd=ROOT, check=False, capture_output=True)
    return time.perf_counter() - t0


def throughput(n_files: int) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="redraw-bench-"))
    try:
        src = tmp / "in"
        src.mkdir()
        for i in range(n_files):
            (src / f"chart{i:04d}.md").write_text(description(20, 1000 + i), encoding="utf-8")
        results = {}
        for jobs in (1, 2):
            results[jobs] = cli([str(src), str(tmp / f"out{jobs}"), "--jobs", str(jobs), "-q"])
        rerun = min(cli([str(src), str(tmp / "out2"), "-q"]) for _ in range(3))
        print(f"| batch of {n_files} files (20 points) | wall s | fig/s |")
        print("|---|---|---|")
        for jobs, secs in results.items():
            print(f"| --jobs {jobs} | {secs:.1f} | {n_files / secs:.1f} |")
        print(f"| --jobs 2 / --jobs 1 throughput | {results[1] / results[2]:.2f}x | |")
        print(f"| rerun, nothing changed | {rerun:.2f} | |")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def memory(n: int) -> None:
    spec = parse(description(20, 7))
    for _ in range(20):  # warm: caches and font tables fill first
        figure_bytes(render(spec), "png", 72)
    gc.collect()
    start = rss_mb()
    peak = start
    for i in range(n):
        fig = render(spec)
        figure_bytes(fig, "png", 72)
        fig.clear()
        if i % 50 == 0:
            peak = max(peak, rss_mb())
    gc.collect()
    end = rss_mb()
    print(f"| memory over {n} figures | RSS after warm-up {start:.0f} MB | peak {peak:.0f} MB | "
          f"end {end:.0f} MB | growth {max(peak, end) - start:.1f} MB |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer repeats and files")
    ap.add_argument("--repeat", type=int, default=None)
    ap.add_argument("--files", type=int, default=None)
    ap.add_argument("--memory", type=int, default=None)
    a = ap.parse_args()
    repeat = a.repeat or (3 if a.quick else 15)
    files = a.files or (40 if a.quick else 200)
    mem = a.memory or (200 if a.quick else 1000)
    print(f"machine: {platform.platform()}, {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} cores; Python {platform.python_version()}, matplotlib {matplotlib.__version__}\n")
    tmp = Path(tempfile.mkdtemp(prefix="redraw-bench-"))
    try:
        examples = sorted((ROOT / "examples").iterdir())
        rows = [("examples/ (9 descriptions)", stages(examples, repeat))]
        alone_generated: dict[str, list[float]] = {}
        for n in (6, 20, 60):
            paths = []
            for k in range(4):
                p = tmp / f"gen{n}_{k}.md"
                p.write_text(description(n, 100 * n + k), encoding="utf-8")
                paths.append(p)
            rows.append((f"generated, {n} points", stages(paths, repeat)))
            if n == 6:
                alone_generated = parse_alone(paths, repeat)
        table(rows)
        print()
        print("| parse | median ms | per-file medians, ms |")
        print("|---|---|---|")
        in_pipeline = rows[0][1]["parse"]  # stages() runs the files in order, `repeat` times
        parse_summary("examples/, in the pipeline (the table above)",
                      {p.name: in_pipeline[k::len(examples)] for k, p in enumerate(examples)})
        parse_summary("examples/, alone, back to back", parse_alone(examples, repeat))
        parse_summary("generated 6 points, alone, back to back", alone_generated)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print()
    throughput(files)
    print()
    memory(mem)
    t_help = min(cli(["--help"]) for _ in range(3))
    print(f"\n`python -m redraw --help`: {t_help * 1000:.0f} ms (matplotlib is not imported)")


if __name__ == "__main__":
    main()
