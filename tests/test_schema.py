"""The ChartSpec JSON Schema in docs/ is the one the code defines: a new field cannot go undocumented."""
from __future__ import annotations

import json

from redraw.spec import ChartSpec
from tests.conftest import ROOT


def test_schema_file_matches_the_models():
    written = json.loads((ROOT / "docs" / "chartspec.schema.json").read_text(encoding="utf-8"))
    assert written == ChartSpec.model_json_schema(), \
        "docs/chartspec.schema.json is stale: regenerate it (see docs/spec.md) and document the change"


def test_doubts_field_is_documented():
    text = (ROOT / "docs" / "spec.md").read_text(encoding="utf-8")
    for field in ChartSpec.model_fields:
        assert f"`{field}`" in text, f"docs/spec.md does not describe the field {field!r}"
