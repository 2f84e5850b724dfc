"""The preview page in a real headless browser: Playwright driving Debian's chromium against a real server
(`python -m redraw serve` on 127.0.0.1). Without chromium these tests are skipped with the reason, unless
REDRAW_REQUIRE_BROWSER is set (as .ci/run sets it): then a missing browser fails them (conftest.browser)."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the service's extra is not installed: pip install -e '.[serve,test]'")

from tests.conftest import EXAMPLES, ROOT

SEED = next(p for p in EXAMPLES if p.name.startswith("001_"))
BAR = "Bar chart of revenue by quarter.\n\nQ1: 10\nQ2: 12\nQ3: 9\n"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "redraw", "serve", "--port", str(port), "--workers", "1"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/readyz", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the server did not start: {proc.stderr.read().decode()[-2000:]}") from None
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture
def page(browser: Any, server: str, tmp_path: Path) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.goto(server)
    yield page
    page.screenshot(path=str(tmp_path / "last.png"), full_page=True)
    context.close()


def _drawn(page: Any, previous: str = "") -> str:
    """Wait until the figure shows a drawing other than `previous`; its ETag."""
    page.wait_for_function(
        """prev => { const img = document.getElementById('figure');
                     return !img.hidden && img.complete && img.naturalWidth > 0 && img.dataset.etag
                            && img.dataset.etag !== prev; }""", arg=previous, timeout=30000)
    return str(page.eval_on_selector("#figure", "img => img.dataset.etag"))


def test_typing_a_description_draws_it(page, tmp_path):
    page.locator("#description").press_sequentially("Scatter plot. X-axis: Params (B). Y-axis: Score.\n\n"
                                                    "- **Phi-2:** (2.7, 55.5)\n- **Ours:** (7, 71), red star")
    _drawn(page)
    spec = page.input_value("#spec")
    assert '"label": "Phi-2"' in spec and '"label": "Ours"' in spec
    page.screenshot(path=str(tmp_path / "typed.png"))


def test_a_seed_shows_its_figure_warnings_and_spec(page, tmp_path):
    page.fill("#description", SEED.read_text())
    _drawn(page)
    assert page.eval_on_selector("#figure", "img => img.naturalWidth") == 1400   # page size, 7 in at 200 dpi
    warnings = page.locator("#warnings li")
    assert warnings.count() >= 2
    lines = page.locator("#warnings .line").all_inner_texts()
    assert lines and all(t.startswith("line ") for t in lines)
    assert "DASD-4B-Thinking" in page.input_value("#spec")
    assert page.is_enabled("#dl-pdf")
    page.screenshot(path=str(tmp_path / "seed.png"), full_page=True)


def test_editing_the_spec_redraws_from_it(page):
    page.fill("#description", SEED.read_text())
    before = _drawn(page)
    sent: list[str] = []
    page.on("request", lambda r: sent.append(r.post_data or "") if "/v1/render" in r.url else None)
    page.fill("#spec", page.input_value("#spec").replace('"label": "POLARIS-4B"', '"label": "Renamed-4B"'))
    after = _drawn(page, before)
    assert after != before
    assert any('"Renamed-4B"' in body for body in sent)


def test_size_picker_redraws_at_that_size(page):
    page.fill("#description", SEED.read_text())
    before = _drawn(page)
    page.select_option("#size", "column")
    _drawn(page, before)
    assert page.eval_on_selector("#figure", "img => img.naturalWidth") == 700   # 3.5 in at 200 dpi


def test_a_bar_chart_shows_the_error(page, tmp_path):
    page.fill("#description", BAR)
    page.wait_for_selector("#error:not([hidden])", timeout=30000)
    assert "bar chart" in page.inner_text("#error")
    assert page.is_hidden("#figure")
    assert page.is_disabled("#dl-png")
    page.screenshot(path=str(tmp_path / "error.png"))


def test_invalid_json_in_the_spec_shows_the_error(page):
    page.fill("#description", SEED.read_text())
    _drawn(page)
    page.fill("#spec", '{"points": [')
    page.wait_for_selector("#error:not([hidden])", timeout=30000)
    assert "not valid JSON" in page.inner_text("#error")


@pytest.mark.parametrize(("button", "magic"), [("#dl-png", b"\x89PNG"), ("#dl-pdf", b"%PDF"),
                                               ("#dl-svg", b"<?xml"), ("#dl-json", b"{")])
def test_downloads(page, button, magic):
    page.fill("#description", SEED.read_text())
    _drawn(page)
    with page.expect_download() as info:
        page.click(button)
    assert Path(info.value.path()).read_bytes().startswith(magic)
