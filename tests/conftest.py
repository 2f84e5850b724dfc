"""Shared test data: the examples folder and the golden specs beside the tests."""
from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".md", ".txt"))
CASES = Path(__file__).resolve().parent / "cases"
# devset descriptions copied in, so figures are checked without ../shared
DEVSET = sorted(p for p in (CASES / "devset").iterdir() if p.suffix in (".md", ".txt"))
FIGURES = EXAMPLES + DEVSET


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen", action="store_true", help="rewrite the golden specs in tests/cases/")


@pytest.fixture
def regen(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--regen"))


def example_ids() -> list[str]:
    return [p.stem for p in EXAMPLES]


# Property tests: a fixed seed and a bounded number of examples, so CI is repeatable and quick.
try:
    from hypothesis import HealthCheck, settings

    settings.register_profile("ci", derandomize=True, max_examples=60, deadline=None,
                              suppress_health_check=[HealthCheck.too_slow])
    settings.load_profile("ci")
except ImportError:  # hypothesis is a test dependency; without it those tests are not collected
    pass


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's chromium driven by Playwright (its own browser download does not work here). Missing: the
    test is skipped with the reason, or fails when REDRAW_REQUIRE_BROWSER is set (.ci/run sets it).
    Per module: Playwright's sync API runs an event loop in this thread while it is open, and the service's
    tests start their own (asyncio.run) afterwards."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not Path(CHROMIUM).exists():
        reason = "chromium is not installed (apt-get install chromium; `make test` does it when run as root)"
        if os.environ.get("REDRAW_REQUIRE_BROWSER"):
            pytest.fail(reason)
        pytest.skip(reason)
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield b
        b.close()
