"""Golden specs: every example and devset description parses to the reviewed spec beside it
(tests/cases/NAME.spec.json, tests/cases/devset/NAME.spec.json)."""
from __future__ import annotations

import json

import pytest

from redraw.parse import parse, spec_from_json
from tests.conftest import CASES, EXAMPLES, FIGURES, example_ids


@pytest.mark.parametrize("path", FIGURES, ids=[p.stem for p in FIGURES])
def test_golden_spec(path, regen):
    spec = parse(path.read_text(encoding="utf-8"), path.name)
    golden = (CASES if path in EXAMPLES else CASES / "devset") / f"{path.stem}.spec.json"
    if regen:
        golden.write_text(spec.to_json(), encoding="utf-8")
    assert golden.exists(), f"no golden spec for {path.name}: run `make regen` and review the diff"
    assert json.loads(spec.to_json()) == json.loads(golden.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", EXAMPLES, ids=example_ids())
def test_json_round_trip(path):
    spec = parse(path.read_text(encoding="utf-8"), path.name)
    again = spec_from_json(spec.to_json())
    assert again == spec
    assert again.to_json() == spec.to_json()
