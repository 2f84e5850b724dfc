"""Load test of `python -m redraw serve` on 127.0.0.1 (make bench-serve). Bounded: the server is started here,
gets a fixed number of seconds of load, and is stopped at the end whatever happens.

Prints, in one run and on the same inputs (examples/):
- the CLI's time per figure (--jobs 1; process start-up spread over the files);
- one client, one request at a time, every request a new figure (nothing cached): the latency of a render;
- 8 clients for 30 s, every request a new figure: p50/p99, figures/s, errors;
- 8 clients sending the examples as they are (answered from the caches after the first round), and 8 clients
  revalidating with If-None-Match (304s);
- the server's memory (the server process and its workers) before and after.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".md", ".txt"))
TEXTS = [p.read_bytes() for p in EXAMPLES]
HEADERS = {"Content-Type": "text/plain; charset=utf-8"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_mb(pid: int) -> float:
    """Resident memory of a process, in MB."""
    try:
        with open(f"/proc/{pid}/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:")) / 1024
    except (OSError, StopIteration):
        return 0.0


def memory(pid: int) -> str:
    """The server's own RSS (it holds the caches), the forkserver's (it holds what workers start from) and the
    workers' (they draw), in MB."""
    forkserver = [c for c in children(pid) if "forkserver" in Path(f"/proc/{c}/cmdline").read_text()]
    workers = [rss_mb(c) for f in forkserver for c in children(f)]
    return (f"server {rss_mb(pid):.0f} MB, forkserver {sum(rss_mb(f) for f in forkserver):.0f} MB, "
            f"{len(workers)} workers {sum(workers):.0f} MB")


def children(pid: int, deep: bool = False) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
                found += children(int(entry.name), deep) if deep else []
    return found


def cli_per_figure(copies: int = 5) -> float:
    """The CLI's wall time per figure over `copies` copies of the examples (start-up spread over them all)."""
    tmp = Path(tempfile.mkdtemp(prefix="redraw-bench-serve-"))
    try:
        (tmp / "in").mkdir()
        for i in range(copies):
            for p in EXAMPLES:
                (tmp / "in" / f"{i}_{p.name}").write_bytes(p.read_bytes())
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "redraw", str(tmp / "in"), str(tmp / "out"), "--jobs", "1", "-q"],
                       check=True, capture_output=True)
        return (time.perf_counter() - t0) / (copies * len(EXAMPLES))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


class Counter:
    """Distinct figures: the body differs (trailing newlines, parsed again) and so does the dpi (drawn again)."""

    def __init__(self) -> None:
        self.n = 0

    def unique(self) -> tuple[bytes, str]:
        self.n += 1
        text = TEXTS[self.n % len(TEXTS)] + b"\n" * (self.n // len(TEXTS) + 1)
        return text, f"/v1/render?dpi={200 - self.n * 0.001:.3f}"


async def load(base: str, clients: int, seconds: float, make: object) -> dict[str, list[float] | int]:
    stats: dict[str, list[float] | int] = {"latency": [], "ok": 0, "not_modified": 0, "busy": 0, "errors": 0}
    stop = time.monotonic() + seconds

    async def client() -> None:
        async with httpx.AsyncClient(base_url=base, timeout=60) as http:
            while time.monotonic() < stop:
                body, url, headers = make()  # type: ignore[operator]
                t0 = time.perf_counter()
                try:
                    r = await http.post(url, content=body, headers=headers)
                except httpx.HTTPError:
                    stats["errors"] += 1  # type: ignore[operator]
                    continue
                stats["latency"].append(time.perf_counter() - t0)  # type: ignore[union-attr]
                key = {200: "ok", 304: "not_modified", 503: "busy"}.get(r.status_code, "errors")
                stats[key] += 1  # type: ignore[operator]
                if r.status_code == 503:
                    await asyncio.sleep(float(r.headers.get("retry-after", "1")))

    await asyncio.gather(*(client() for _ in range(clients)))
    return stats


def row(name: str, stats: dict[str, list[float] | int], seconds: float) -> None:
    lat = sorted(stats["latency"])  # type: ignore[arg-type]
    if not lat:
        print(f"| {name} | no answers | | | | |")
        return
    p50 = statistics.median(lat) * 1000
    p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1000
    answered = stats["ok"] + stats["not_modified"]  # type: ignore[operator]
    print(f"| {name} | {len(lat)} | {p50:.1f} | {p99:.1f} | {answered / seconds:.1f} | {stats['busy']} | "
          f"{stats['errors']} |")


def wrk(base: str, body: bytes, headers: dict[str, str], seconds: int) -> str:
    """8 connections from wrk (a C load generator, Debian's package), which takes far less of this 2-core
    machine than the Python clients: the server's own latency. A table row, or '' without wrk."""
    if shutil.which("wrk") is None:
        return ""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(f'wrk.method = "POST"\nwrk.body = {json.dumps(body.decode())}\n')
        for k, v in headers.items():
            script.write(f"wrk.headers[{json.dumps(k)}] = {json.dumps(v)}\n")
    try:
        out = subprocess.run(["wrk", "-t1", "-c8", f"-d{seconds}s", "--latency", "-s", script.name,
                              f"{base}/v1/render"], capture_output=True, text=True, timeout=seconds + 30).stdout
    finally:
        os.unlink(script.name)

    def ms(q: str) -> float:
        m = re.search(rf"{q}%\s+([\d.]+)(us|ms|s)\b", out)
        return float(m.group(1)) * {"us": 1e-3, "ms": 1, "s": 1000}[m.group(2)] if m else float("nan")

    total = re.search(r"(\d+) requests in", out)
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return (f"{total.group(1) if total else '?'} | {ms('50'):.1f} | {ms('99'):.1f} | "
            f"{float(rate.group(1)) if rate else float('nan'):.0f} | - | {bad.group(1) if bad else 0} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seconds", type=float, default=30, help="length of the 8-client render phase (default 30)")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "redraw", "serve", "--port", str(port), "--workers",
                               str(args.workers)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/readyz", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    sys.exit("the server did not start")
                time.sleep(0.2)
        print(f"machine: {os.cpu_count()} cores; server: {args.workers} workers; inputs: {len(EXAMPLES)} examples")
        cli = cli_per_figure() * 1000
        counter = Counter()

        def unique() -> tuple[bytes, str, dict[str, str]]:
            body, url = counter.unique()
            return body, url, HEADERS

        asyncio.run(load(base, 2, 5, unique))   # warm-up: each worker has drawn a few figures
        rss0 = memory(server.pid)
        single = asyncio.run(load(base, 1, 15, unique))
        eight = asyncio.run(load(base, 8, args.seconds, unique))
        rss1 = memory(server.pid)
        turn = iter(range(10**9))

        def same() -> tuple[bytes, str, dict[str, str]]:
            return TEXTS[next(turn) % len(TEXTS)], "/v1/render", HEADERS

        cached = asyncio.run(load(base, 8, 10, same))
        tags = {}
        for text in TEXTS:
            tags[text] = httpx.post(f"{base}/v1/render", content=text, headers=HEADERS).headers["etag"]

        def revalidate() -> tuple[bytes, str, dict[str, str]]:
            text = TEXTS[next(turn) % len(TEXTS)]
            return text, "/v1/render", {**HEADERS, "If-None-Match": tags[text]}

        fresh1 = asyncio.run(load(base, 1, 5, revalidate))
        fresh = asyncio.run(load(base, 8, 10, revalidate))
        wrk_cached = wrk(base, TEXTS[0], HEADERS, 10)
        wrk_fresh = wrk(base, TEXTS[0], {**HEADERS, "If-None-Match": tags[TEXTS[0]]}, 10)
        rss2 = memory(server.pid)
        single_p50 = statistics.median(single["latency"]) * 1000  # type: ignore[arg-type]
        print(f"\nCLI, --jobs 1, {5 * len(EXAMPLES)} files: {cli:.0f} ms per figure (start-up included)")
        print(f"one client, a new figure each time: p50 {single_p50:.0f} ms = {single_p50 / cli:.2f}x the CLI's "
              "per-figure time\n")
        print("| load | requests | p50 ms | p99 ms | answers/s | 503 | errors |")
        print("|---|---|---|---|---|---|---|")
        row("1 client, new figure each request, 15 s", single, 15)
        row(f"8 clients, new figure each request, {args.seconds:g} s", eight, args.seconds)
        row("8 clients, the examples as they are (cached), 10 s", cached, 10)
        row("1 client, If-None-Match (304), 5 s", fresh1, 5)
        row("8 clients, If-None-Match (304), 10 s", fresh, 10)
        if wrk_cached:
            print(f"| wrk, 8 connections, a cached figure, 10 s | {wrk_cached}")
            print(f"| wrk, 8 connections, If-None-Match (304), 10 s | {wrk_fresh}")
        drawn = len(single["latency"]) + len(eight["latency"])  # type: ignore[arg-type]
        total = sum(len(s["latency"]) for s in (single, eight, cached, fresh1, fresh))  # type: ignore[arg-type, misc]
        print(f"\nRSS after warm-up: {rss0}; after {drawn} new figures: {rss1}; after {total} requests in all: "
              f"{rss2} (the server keeps figures in a cache of at most 128 MB; workers are replaced after 200 "
              "tasks)")
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
