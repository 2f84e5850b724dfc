"""Shared test data: the examples folder and the golden specs beside the tests."""
from __future__ import annotations

from pathlib import Path

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
