"""Batches, in-process: the same outputs and messages whatever --jobs is; reruns skip what is up to date
and redraw what a changed input, option, redraw version or damaged manifest makes stale."""
from __future__ import annotations

import importlib
import json
import shutil

import pytest

from redraw.cli import main
from redraw.errors import RedrawError
from redraw.incremental import MANIFEST, code_fingerprint
from redraw.parse import parse
from tests.conftest import EXAMPLES, ROOT


def _folder(tmp_path, n=None):
    src = tmp_path / "in"
    src.mkdir()
    for p in EXAMPLES[:n]:
        (src / p.name).write_bytes(p.read_bytes())
    (src / "bad.md").write_text("## Pie chart of shares\n- A 40%\n")
    return src


def _outputs(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if not p.name.startswith(".")}


def _run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_jobs_do_not_change_outputs_or_messages(tmp_path, capsys):
    src = _folder(tmp_path)
    one = _run(capsys, src, tmp_path / "one", "--jobs", "1")
    two = _run(capsys, src, tmp_path / "two", "--jobs", "2")
    assert one[0] == two[0] == 1
    assert one[2].replace("/one", "/X") == two[2].replace("/two", "/X")
    assert _outputs(tmp_path / "one") == _outputs(tmp_path / "two")


def test_rerun_skips_up_to_date_and_redraws_what_changed(tmp_path, capsys):
    src = _folder(tmp_path, 4)
    out = tmp_path / "out"
    n = 4
    assert f"redrew {n} of {n + 1} files, 1 failed" in _run(capsys, src, out, "-j", "1")[2]
    before = _outputs(out)
    again = _run(capsys, src, out, "-j", "1")[2]
    assert f"redrew 0 of {n + 1} files, {n} up to date, 1 failed" in again  # the bad one is retried
    assert _outputs(out) == before
    changed = sorted(src.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8").replace("Approximately", "About"), encoding="utf-8")
    assert f"redrew 1 of {n + 1} files, {n - 1} up to date, 1 failed" in _run(capsys, src, out, "-j", "1")[2]
    assert f"redrew {n} of {n + 1} files, 1 failed" in _run(capsys, src, out, "-j", "1", "--force")[2]
    other_size = _run(capsys, src, out, "-j", "1", "--size", "column")[2]
    assert f"redrew {n} of {n + 1} files, 1 failed" in other_size  # options are part of the key
    (out / f"{EXAMPLES[0].stem}.png").unlink()
    missing_output = _run(capsys, src, out, "-j", "1", "--size", "column")[2]
    assert f"redrew 1 of {n + 1} files, {n - 1} up to date, 1 failed" in missing_output


def test_a_code_change_invalidates_every_output(tmp_path, capsys, monkeypatch):
    src = _folder(tmp_path, 2)
    out = tmp_path / "out"
    _run(capsys, src, out, "-j", "1")
    assert "redrew 0 of 3 files, 2 up to date" in _run(capsys, src, out, "-j", "1")[2]
    monkeypatch.setattr("redraw.incremental.code_fingerprint", lambda: "another redraw")
    assert "redrew 2 of 3 files, 1 failed" in _run(capsys, src, out, "-j", "1")[2]


def test_the_fingerprint_follows_the_source(tmp_path):
    copy = tmp_path / "redraw"
    shutil.copytree(ROOT / "redraw", copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert code_fingerprint(copy) == code_fingerprint()
    figure = copy / "render" / "figure.py"
    figure.write_text(figure.read_text(encoding="utf-8") + "\n# one comment more\n", encoding="utf-8")
    changed = code_fingerprint(copy)
    assert changed != code_fingerprint()
    (copy / "render" / "new_step.py").write_text("", encoding="utf-8")
    assert code_fingerprint(copy) not in (changed, code_fingerprint())


FIRST = EXAMPLES[0].stem


@pytest.mark.parametrize("damage", [b"{not json", b"[]", b'{"entries": []}', b"\xff\xfe\x00",
                                    f'{{"entries": {{"{FIRST}": "x"}}}}'.encode(),
                                    f'{{"entries": {{"{FIRST}": {{"key": 1, "outputs": "a.png"}}}}}}'.encode()])
def test_a_damaged_manifest_redraws_everything_and_is_rewritten(tmp_path, capsys, damage):
    src = _folder(tmp_path, 2)
    out = tmp_path / "out"
    _run(capsys, src, out, "-j", "1")
    (out / MANIFEST).write_bytes(damage)
    code, _, err = _run(capsys, src, out, "-j", "1")
    assert code == 1 and "Traceback" not in err
    assert "redrew 2 of 3 files, 1 failed" in err
    entries = json.loads((out / MANIFEST).read_text(encoding="utf-8"))["entries"]
    assert sorted(entries) == sorted(p.stem for p in EXAMPLES[:2])
    assert all(isinstance(e["key"], str) and isinstance(e["outputs"], dict) for e in entries.values())
    assert "redrew 0 of 3 files, 2 up to date, 1 failed" in _run(capsys, src, out, "-j", "1")[2]


def test_stale_temporaries_are_removed_and_nothing_else(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    stale = [out / ".chart.png.redraw-k3j2l1.tmp", out / ".e01.json.redraw-abc.tmp"]
    keep = [out / ".hidden-notes.tmp", out / "chart.redraw-x.tmp", out / "mine.png"]
    for path in stale + keep:
        path.write_bytes(b"half a file")
    assert _run(capsys, EXAMPLES[0], out)[0] == 0
    assert [p for p in stale if p.exists()] == []
    assert [p for p in keep if not p.exists()] == []


def test_an_internal_error_is_one_line_and_the_batch_goes_on(tmp_path, capsys, monkeypatch):
    src = _folder(tmp_path, 2)
    render_module = importlib.import_module("redraw.render")  # `redraw.render` is the function
    real = render_module.render
    victim = parse(EXAMPLES[1].read_text(encoding="utf-8"), EXAMPLES[1].name).points[0].label

    def render_or_crash(spec, size="page", **options):
        if spec.points[0].label == victim:
            raise ZeroDivisionError("a bug in a drawing step")
        return real(spec, size, **options)

    monkeypatch.setattr(render_module, "render", render_or_crash)
    code, _, err = _run(capsys, src, tmp_path / "out", "-j", "1")
    assert code == 1
    crashed = [ln for ln in err.splitlines() if "internal error" in ln]
    assert crashed == [f"redraw: error: {src / EXAMPLES[1].name}: internal error: "
                       "ZeroDivisionError: a bug in a drawing step"]
    assert "redrew 1 of 3 files, 2 failed" in err
    assert not (tmp_path / "out" / f"{EXAMPLES[1].stem}.png").exists()
    assert (tmp_path / "out" / f"{EXAMPLES[0].stem}.png").exists()


def test_a_crashing_parse_rule_is_an_internal_error_naming_the_rule_and_file(monkeypatch):
    rules = importlib.import_module("redraw.parse.rules")

    def crash(state):
        raise KeyError("a bug in a rule")

    monkeypatch.setattr(rules, "RULES", [*rules.RULES[:1], ("crash", crash), *rules.RULES[1:]])
    with pytest.raises(RedrawError) as caught:
        parse(EXAMPLES[0].read_text(encoding="utf-8"), "fig.md")
    assert str(caught.value) == "fig.md: internal error in parse rule 'crash': KeyError: 'a bug in a rule'"
    assert isinstance(caught.value.__cause__, KeyError)


def test_no_progress_bar_when_not_a_terminal(tmp_path, capsys):
    _, out, err = _run(capsys, _folder(tmp_path, 2), tmp_path / "out", "-j", "1")
    assert "\r" not in err and "file/s" not in err
    assert out == ""  # the summary of a failed batch goes to stderr, alone


def test_bad_jobs_is_a_usage_error(tmp_path, capsys):
    assert _run(capsys, EXAMPLES[0], tmp_path, "--jobs", "0")[0] == 2


def test_a_failed_write_leaves_no_figure_without_its_spec(tmp_path):
    from redraw.batch import Job, Options, process

    out = tmp_path / "out"
    (out / f"{EXAMPLES[0].stem}.json").mkdir(parents=True)  # the spec cannot be written over a folder
    result = process(Job(EXAMPLES[0], EXAMPLES[0].read_bytes()), out, Options(formats=("png", "svg")))
    assert result.error is not None and "cannot write output" in result.error.message
    assert result.written == []
    assert sorted(p.name for p in out.iterdir()) == [f"{EXAMPLES[0].stem}.json"]  # only the folder in the way
