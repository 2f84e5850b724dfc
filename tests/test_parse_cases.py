"""Data-driven parser cases: tests/fixtures/parse_cases.txt, one construct per case, checked on what the
parser reads (redraw.parse.read: a colour or marker the text does not give stays null).

Each case is a description and a partial spec: only the fields it names are checked (points by
label; a label drawn several times matches its points in order), plus `point_count`,
`warnings_contain`, `warnings_lack` (a warning that must not appear) and `error` (a refusal's message).
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from redraw.errors import RedrawError
from redraw.parse import read

FIXTURE = Path(__file__).parent / "fixtures" / "parse_cases.txt"


def _unique(pairs: list[tuple[str, object]]) -> dict:
    """A JSON object whose keys are each given once: a second "points" would silently replace the first."""
    keys = [k for k, _ in pairs]
    dup = sorted({k for k in keys if keys.count(k) > 1})
    assert not dup, f"an expect line states {dup} twice"
    return dict(pairs)


def _cases() -> list[tuple[str, str, dict, int]]:
    cases, name, text, expect, line, mode = [], None, [], [], 0, None
    for n, raw in enumerate(FIXTURE.read_text(encoding="utf-8").splitlines(), 1):
        if raw.startswith("=== case: "):
            if name:
                cases.append((name, "\n".join(text), json.loads("\n".join(expect), object_pairs_hook=_unique), line))
            name, text, expect, line, mode = raw[10:].strip(), [], [], n, "text"
        elif raw.startswith("=== expect"):
            mode = "expect"
        elif mode == "text":
            text.append(raw)
        elif mode == "expect":
            expect.append(raw)
    cases.append((name, "\n".join(text), json.loads("\n".join(expect), object_pairs_hook=_unique), line))
    return cases


CASES = _cases()


def _check(actual, expected, path: str) -> None:
    if isinstance(expected, dict):
        for key, want in expected.items():
            _check(actual.get(key) if isinstance(actual, dict) else None, want, f"{path}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), f"{path}: want {expected} got {actual}"
        for i, (a, e) in enumerate(zip(actual, expected, strict=True)):
            _check(a, e, f"{path}[{i}]")
    elif isinstance(expected, float | int) and not isinstance(expected, bool):
        assert actual is not None and math.isclose(actual, expected, rel_tol=1e-6, abs_tol=1e-9), \
            f"{path}: want {expected} got {actual}"
    else:
        assert actual == expected, f"{path}: want {expected!r} got {actual!r}"


@pytest.mark.parametrize("name,text,expect,line", CASES, ids=[f"{c[0]}@L{c[3]}" for c in CASES])
def test_parse_case(name, text, expect, line):
    expect = dict(expect)
    if "error" in expect:
        with pytest.raises(RedrawError) as err:
            read(text, f"{name}.md")
        assert expect["error"] in str(err.value)
        assert str(err.value).startswith(f"{name}.md")
        return
    spec = json.loads(read(text, f"{name}.md").to_json())
    count = expect.pop("point_count", None)
    notes = expect.pop("warnings_contain", [])
    not_notes = expect.pop("warnings_lack", [])  # a warning about something the text never said
    if "points" in expect:
        by_label: dict[str, list[dict]] = {}  # a label kept several times ("vLLM" in its series) is matched in order
        for p in spec["points"]:
            by_label.setdefault(p["label"], []).append(p)
        for want in expect.pop("points"):
            have = by_label.get(want["label"])
            assert have, f"missing point {want['label']!r}; have {[p['label'] for p in spec['points']]}"
            _check(have.pop(0), want, want["label"])
    _check(spec, expect, "spec")
    if count is not None:
        assert len(spec["points"]) == count, [p["label"] for p in spec["points"]]
    for note in notes:
        assert any(note in w for w in spec["warnings"]), spec["warnings"]
    for note in not_notes:
        assert not any(note in w for w in spec["warnings"]), spec["warnings"]
