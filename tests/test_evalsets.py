"""Descriptions written apart from the parser's rules, each with the facts it states.

tests/evalsets/setN/NAME.md and NAME.gold.json: one hundred and forty-three sets of 12-20 descriptions in the voices of
vision-language models (Gemini-like bullets, Nemotron-like outlines, GPT-4o-like prose, tables, terse
lists, full-width punctuation, escaped line breaks, cut-off ends, bar and line charts to refuse),
written for this project by people who had not read the parser, and scored when first run against it.
Gold holds only what a text states (partial ChartSpecs; `expect_error` for a text to refuse).

A rule that breaks what one of these texts says shows here as lost facts; each set must keep its
fidelity (facts kept / facts stated) at its floor. The scoring is a compact form of the project's
scorer: points matched by normalised label, values within 0.5%, colours by family.
"""
from __future__ import annotations

import json
import math
import unicodedata
from pathlib import Path

import pytest

from redraw.colors import color_family
from redraw.errors import RedrawError
from redraw.parse import parse

SETS = sorted((Path(__file__).parent / "evalsets").iterdir())
# each set's fidelity may not fall below its floor: sets 1-3 stood at 1.000, 0.994 and 0.996 when
# this test was written; set 4 was scored 0.886 unseen and stands at 0.998; set 5 was scored 0.712 unseen
# (2026-11-30) and stands at 1.000; set 6 (aimed at hard real-model habits) was scored 0.660 unseen and stands
# at 0.939, most of the rest one text of before/after pairs per province that is not read (open work); set 7
# (realistic VLM texts, mostly ML papers) was scored 0.787 unseen and stands at 0.987; set 8 (VLM habits,
# written blind in session 6) was scored 0.791 unseen; set 9 (devset styles, other fields, written blind)
# was scored 0.654 unseen; set 10 (VLM habits, blind) 0.727 unseen; set 11 (realistic mix, blind, written after
# the session's rules for sets 8-10) 0.883 unseen; set 12 (breadth of output shapes: JSON, CSV, hedges, error bars)
# 0.654 unseen. Session 7, each written blind and scored (score.py) before any rule for it: set 13 (VLM habits)
# 0.772, set 14 (devset family, phrasing varied on purpose) 0.663, then after the rules for those two set 15 (VLM
# habits, non-ML topics) 0.788 and set 16 (devset family, non-ML topics) 0.885, then set 17 (real-VLM habits,
# mostly ML papers) 0.820 and set 18 (devset family, half ML) 0.815. Session 8: set 19 (VLM habits, half ML) 0.956
# and set 20 (devset family, varied wording, plain-text layouts: indented sections, space-aligned columns, one-line
# keyed records) 0.526; then, after the rules for 18-20, set 21 (VLM habits) 0.874 and set 22 (devset family)
# 0.775; at the end of session 8, after the rules for 19-22, set 23 (VLM habits) 0.851 and set 24 (devset family,
# plain-text layouts) 0.551, their rules left for the next session. Session 9 (blind, score.py at HEAD before any
# rule for them): set 25 (VLM habits, half ML) 0.920 and set 26 (devset family, other fields, four plain-text
# files) 0.853; then, after the rules for 23-26, set 27 (VLM habits, asked to be hard: error bars, ranges, hex
# colours, relative placements, a box plot to refuse) 0.788 and set 28 (devset family, asked to vary notation and
# layout: multiplier titles, CSV/YAML/HTML, fraction axes) 0.769; then, after the rules for 27-28, set 29 (real-VLM
# habits, asked to be typical rather than hard) 0.925 and set 30 (devset family, typical) 0.893; then, after the
# rules for 29-30, set 31 (real-VLM habits, typical) 0.812 and set 32 (devset family, typical) 0.830, each pulled
# down by one or two files read as almost nothing (a list of bare pairs refused, a YAML list of records keyed
# "site:"). Session 10: set 33 (real-VLM habits, typical) 0.876 and set 34 (devset family, typical) 0.958;
# then, after the rules for 32-34, set 35 (real-VLM habits) 0.981 and set 36 (devset family) 0.869 (a plain-text
# list "1960 Valdivia, Mw 9.5 at 33 km; ..." read as nothing, records keyed "Property: 210 Harbour St #4B");
# then, after the rules for 35-36, set 37 (real-VLM habits) 0.850 (plain lines "Fiat 500e - about 1,365 kg,
# 14.9 kWh/100 km" read as nothing) and set 38 (devset family) 0.932. Session 11, after the rules for 37-38:
# set 39 (real-VLM habits, typical) 0.931 and set 40 (devset family, typical) 0.971; then, after the rules for
# 39-40, set 41 (real-VLM habits) 0.970 and set 42 (devset family) 0.961; then, after the rules for 41-42,
# set 43 (real-VLM habits, half ML) 0.958 and set 44 (devset family, half ML) 0.859 (records "Store 101 — format:
# Suburban; ..." and a prose of lower-case animal names read as almost nothing); then, after the rules for 43-44,
# set 45 (real-VLM habits, half ML) 0.973 and set 46 (devset family, half ML) 0.876 (plain-text records "Point 1"
# over indented "label: ..." lines, and "Runner: R01" records, read as nothing); then, after the rules for 45-46,
# set 47 (real-VLM habits, half ML) 0.815 (plain "Drug A 10 mg - (10, 37)" lines and a table column of "(34, 91)"
# pairs read as nothing) and set 48 (devset family, half ML) 0.975; then, after the rules for 47-48, set 49
# (real-VLM habits, half ML) 0.914 (a table's "±1.4" error column taken for the names) and set 50 (devset family,
# half ML) 0.928 ("point: / method:" records read as two records each); then, after the rules for 49-50, set 51
# (real-VLM habits, half ML) 0.940 and set 52 (devset family, half ML) 0.983; then, after the rules for 51-52,
# set 53 (real-VLM habits, half ML) 0.945 and set 54 (devset family, half ML) 0.822 (three plain-text record
# layouts read as nothing: "Hospital A" over "- type: / - volume:", "Point: RM-125M" over indented lower-case
# fields, aligned columns with a remark on one row); then, in session 13 at the code of session 12, set 55
# (real-VLM habits, half ML) 0.929 and set 56 (devset family, half ML) 0.765 (semicolon rows and an underlined
# plain-text table read as nothing, an HTML block whose <p> text was dropped, "6. H2O" lines under a bold header);
# then, after the rules for 55-56, set 57 (real-VLM habits, half ML) 0.896 and set 58 (devset family, half ML,
# seven plain-text layouts: a terminal log with a data frame, org-mode, an email, LaTeX, "--- record N") 0.758;
# then, after the rules for 57-58, set 59 (devset family in the devset's own mix of layouts, half ML) 0.978.
# Session 16, at session 15's parser: set 60 (real-VLM habits, half ML) 0.947 and set 61 (devset family, every
# devset layout at least once: bold keys, table, CSV, JSON incl. Plotly and Vega-Lite, YAML, prose, HTML, escaped
# newlines) 0.735; then, after the rules for 60-61, set 62 (real-VLM habits, typical, half ML) 0.987 and set 63
# (devset family in the devset's own mix, typical, half ML) 0.932 (an HTML table read as almost nothing).
# Session 17, at session 16's parser: set 64 (real-VLM habits, typical, half ML) 0.967 (a legend of year spans,
# "years 2010–2019 (legend entry ...)", not matched to points labelled by year) and set 65 (devset family, every
# layout once, unit conversions on purpose: raw km on a "thousands of km" axis) 0.923; then, after the rules for
# 64-65, set 66 (real-VLM habits, typical, half ML) 0.960 and set 67 (devset family, every layout once) 0.965;
# then, after the rules for 66-67, set 68 (real-VLM habits, typical, half ML) 0.978 and set 69 (devset family,
# every layout once) 0.973.
# Session 20, at session 19's parser: set 70 (real-VLM habits, every field, JSON Lines, glyph maps) 0.875 and set 71
# (devset family, other fields: plain-text columns, CSV under series captions, value-only items) 0.701; then, after
# the rules for 70-71, set 72 (real-VLM habits, no language models: powers of two, rpm, TB/s on a GB/s axis) 0.878
# and set 73 (devset family, other fields: HTML section rows, arrows between values) 0.853; then, after the rules
# for 72-73, set 74 (real-VLM habits, half ML: emoji headings, glyph bullets, pairs declared "(goals, xG)") 0.857 and
# set 75 (devset family, half ML) 0.949; then, after the rules for 74-75, set 76 (real-VLM habits, every model's
# manner) 0.978 and set 77 (devset family; three texts near 0: values joined by arrows, a CSV family column,
# prose under series headings) 0.809; then, after the rules for 76-77, set 78 (real-VLM habits, nine of fourteen
# ML) 0.977 and set 79 (devset family, half ML) 0.886.
# Session 21, at session 20's parser plus the rules for 79: set 80 (real-VLM habits, every field) 0.888 and set 81
# (devset family, other fields: TOML, a LaTeX tabular in a fence, "sep=;" CSV, arrows "0 → 6.1 | 60 → 8.4", key:
# value records with "ΔSBP") 0.633; then, after the rules for 80-81, set 82 (real-VLM habits) 0.909 (nested records
# under series items refused) and set 83 (devset family, a third hard: a matplotlib script, a benchmark log, an email,
# a Q&A) 0.722; then, after the rules for 82-83, set 84 (real-VLM habits) 0.917 (nested "X-axis value:" fields
# refused; 0.98 without it) and set 85 (devset family in the devset's own mix, one refusal) 0.817 (a JSON record
# holding the description in its "text" field refused); then, after the rules for 84-85, set 86 (real-VLM habits,
# each text one model's manner) 0.850 (0.94 but for a series "4× is about 38.9, 8× is about 35.2" refused) and set 87
# (devset family, one refusal) 0.854 (0.93 but for semicolon rows under a sentence naming their columns); then,
# after the rules for 86-87, set 88 (real-VLM habits, typical, twelve of fourteen ML) 0.947 and set 89 (devset family,
# typical, the devset's own mix, one refusal) 0.986.
# Session 22, at session 21's parser: set 90 (real-VLM habits, typical, twelve of fourteen not ML) 0.957, set 91
# (devset family, other fields) 0.978, set 92 (GPT-4o, Claude and Qwen-VL answers, typical) 0.949 and set 93
# (written by people: alt text, a caption, an email, lab notes, speaker notes) 0.804 (lower-case names in prose,
# "Mars sits ..., titanium alloy at ..."); then, after the rules for 90-93, set 94 (real-VLM habits, other fields)
# 0.948, set 95 (devset family, half ML) 0.991, set 96 (four models' answers to "describe it so it can be redrawn")
# 0.807 (a table of "~1.1 Mops/s" cells and "Record N" blocks read as nothing) and set 97 (seed-like ML papers)
# 0.857 ("PPO — KL ≈ 12.4, win rate ≈ 66%" lines and "qps:" records read as nothing).
# Session 23 (score.py at session 22's parser, before any rule for them): set 98 (real-VLM habits, half ML) 0.920 and
# set 99 (devset family, half ML) 0.931; then, after the first rules for 98-99, set 100 (real-VLM habits, one model's
# manner per text) 0.950 and set 101 (devset family, every layout once) 0.763 (a first line "Chart summary (...):"
# read as a commentary heading over the whole text, "name: x, y; name: x, y — all four blue circles" sentences and
# an indented plain-text table read as almost nothing); then, after the rules for 98-101, set 102 (real-VLM habits)
# 0.972 and set 103 (devset family, unit conversions on purpose) 0.928; then, after the rules for 98-103, set 104
# (real-VLM habits, nine of fourteen not ML) 0.820 (two prose texts read as little: names with a size bracket,
# "Octo-Base (93M) takes around 42 ms ...", glyphs in brackets after names, "the Mouse (●) has ...") and set 105
# (devset family, a LaTeX tabular among the layouts) 0.915; then, at the end of the session, after all its rules,
# set 106 (real-VLM habits, nine of fourteen not ML) 0.954 and set 107 (devset family, every layout once) 0.922.
# Session 24 (score.py at session 23's parser): set 108 (devset family, every layout, half ML) 0.979, set 109
# (real-VLM habits, one model's manner each) 0.988 and set 110 (devset family, units and scales on purpose) 0.963;
# then, after the first rules for 108-110, set 111 (devset family, six of fourteen mostly prose) 0.725 (prose of
# varied sentence shapes: names then an aside then values 'respectively', a point introduced before a colon, person
# names with initials, lower-case names) and set 112 (real-VLM habits, legends and groups on purpose) 0.859 (a legend
# in a heading made every point highlighted; glyph keys whose names hold numbers; two keys, colour and shape); then,
# after the rules for 108-112, set 113 (nine of fourteen running prose) 0.733 and set 114 (devset family, mixed
# layouts) 0.850 (a "## Figure summary" under the title blanked as commentary: a whole text read as nothing); then,
# after all of this session's rules, set 115 (twelve of fourteen running prose, lower-case names on purpose) 0.605
# and set 116 (real-VLM habits) 0.983.
# Session 25 (score.py at session 24's parser): set 117 (devset family, fields outside ML) 0.829 (JSON Lines and an
# INI file of records in code blocks read as nothing), set 118 (real-VLM habits, mostly ML) 0.960, set 119 (devset
# family, corrections, spans, units and per-group lines on purpose) 0.825 ("record 1: site=...; ..." lines, "on closer
# reading" corrections, three lines one per group) and set 120 (short paragraphs of prose, names in proper case)
# 0.790 (lower-case model names opening sentences, "X and Y reach a and b respectively, at c and d"); then, after the
# rules for 117-120, set 121 (devset family, other fields) 0.922 (an HTML definition list of points read as nothing),
# set 122 (real-VLM habits, half not ML) 0.999, set 123 (short paragraphs of prose, the legend in prose too) 0.691
# (quoted legend names with their looks after them, "Among the exoplanets, ...", shared values) and set 124 (a
# machine-readable layout each: JSON, JSON Lines, YAML, TOML, INI, CSV, logfmt, records, fixed width, HTML, LaTeX)
# 0.765 (INI sections named by their points, logfmt lines and column-wise JSON with units read as nothing); then,
# after all of this session's rules, set 125 (devset family) 0.887 (an INI file keyed "xG"/"npG" read as nothing) and
# set 126 (real-VLM habits) 0.895 (GPT-4o's "**Si** – Gray diamond at approximately (5.43, 1.12)": a capitalised look
# taken for a series' name).
# Session 26 (score.py at session 25's parser): set 127 (devset family, no ML) 0.884 (YAML-like list items of one
# field a line read as nothing), set 128 (devset family, the phenomena on purpose) 0.922 (members listed
# after a colon, "the remaining five are rural"), set 129 (real-VLM habits, ML and systems) 0.992 and set 130
# (real-VLM habits, not ML) 0.998; then, after the first rules for 127-130, set 131 (devset family, layouts of its
# own) 0.767 (an INI file of axis, series, line and point sections read as one phantom point; "Record 1 — label: ...
# — size: ..." records; decimal commas), set 132 (devset family, membership, highlight and lines stated differently
# in each text) 0.791 (indented "fund: X | expense: ..." records and "36:15" race times read as nothing or wrong),
# set 133 (short paragraphs of prose) 0.715 and set 134 (real-VLM habits, many points) 0.985; then, after all of this
# session's rules, set 135 (devset family) 0.963 and set 136 (no ML, layouts a data tool would export, to surprise
# the parser: INI, Vega-Lite, pgfplots, a spreadsheet grid, logs, form records) 0.341 (0.581 after the INI,
# Vega-Lite, column-layout and flag-column rules; the log, form, pgfplots and spreadsheet texts are still unread).
# Session 27 (score.py at session 26's parser): set 137 (devset family, half ML) 0.796 (a table under a line "Read
# from the figure (note the column order ...):" taken for commentary; a table of bit widths "4¼" read as nothing),
# set 138 (devset family, layouts of its own) 0.767 (keys over values indented below them, a table a point a column,
# "Mammals (brown circles): Pygmy shrew at ...; ..." lines), set 139 (prose only) 0.565 (a quoted title "on a
# logarithmic x-axis" with no verb; "[12, 75.2]" pairs; values named by "on the x-axis") and set 140 (devset family,
# membership, highlight and lines stated differently) 0.904 (a key of quoted names only, members by span "F-01 to
# F-05" or family "the two HiRes-Pack models"); then, after the rules for 133 and 137-140, set 141 (devset family)
# 0.939, set 142 (prose only) 0.715 and set 143 (real-VLM habits) 0.992, where session 26's parser stood at 0.939,
# 0.665 and 0.992.
# Floors sit 1-2 points under where each stands (those of earlier sets that had risen 3 points or more were raised).
FLOORS = {"set1": 0.99, "set2": 0.99, "set3": 0.99, "set4": 0.985, "set5": 0.99, "set6": 0.93, "set7": 0.98,
          "set8": 0.96, "set9": 0.98, "set10": 0.95, "set11": 0.98, "set12": 0.94, "set13": 0.99, "set14": 0.96,
          "set15": 0.955, "set16": 0.96, "set17": 0.95, "set18": 0.94, "set19": 0.98, "set20": 0.945, "set21": 0.95,
          "set22": 0.95, "set23": 0.975, "set24": 0.93, "set25": 0.98, "set26": 0.975, "set27": 0.92, "set28": 0.935,
          "set29": 0.94, "set30": 0.955, "set31": 0.96, "set32": 0.97, "set33": 0.985, "set34": 0.975,
          "set35": 0.985, "set36": 0.985, "set37": 0.955, "set38": 0.955, "set39": 0.985, "set40": 0.985,
          "set41": 0.985, "set42": 0.985, "set43": 0.975, "set44": 0.98, "set45": 0.97, "set46": 0.965,
          "set47": 0.985, "set48": 0.985, "set49": 0.985, "set50": 0.985, "set51": 0.985, "set52": 0.985,
          "set53": 0.97, "set54": 0.985, "set55": 0.985, "set56": 0.985, "set57": 0.985, "set58": 0.94,
          "set59": 0.975, "set60": 0.985, "set61": 0.905, "set62": 0.98, "set63": 0.985, "set64": 0.985,
          "set65": 0.98, "set66": 0.98, "set67": 0.985, "set68": 0.975, "set69": 0.975, "set70": 0.97, "set71": 0.945,
          "set72": 0.96, "set73": 0.95, "set74": 0.97, "set75": 0.96, "set76": 0.98, "set77": 0.96, "set78": 0.965,
          "set79": 0.95, "set80": 0.93, "set81": 0.94, "set82": 0.97, "set83": 0.82, "set84": 0.98, "set85": 0.945,
          "set86": 0.965, "set87": 0.97, "set88": 0.96, "set89": 0.97, "set90": 0.98, "set91": 0.985, "set92": 0.98,
          "set93": 0.92, "set94": 0.985, "set95": 0.975, "set96": 0.95, "set97": 0.95, "set98": 0.985, "set99": 0.92,
          "set100": 0.955, "set101": 0.95, "set102": 0.97, "set103": 0.965, "set104": 0.955, "set105": 0.955,
          "set106": 0.96, "set107": 0.925, "set108": 0.965, "set109": 0.975, "set110": 0.97, "set111": 0.82,
          "set112": 0.955, "set113": 0.865, "set114": 0.965, "set115": 0.625, "set116": 0.975, "set117": 0.97,
          "set118": 0.985, "set119": 0.95, "set120": 0.865, "set121": 0.98, "set122": 0.985, "set123": 0.77,
          "set124": 0.985, "set125": 0.94, "set126": 0.985, "set127": 0.95, "set128": 0.95, "set129": 0.975,
          "set130": 0.98, "set131": 0.92, "set132": 0.925, "set133": 0.815, "set134": 0.975,
          "set135": 0.945, "set136": 0.565, "set137": 0.945, "set138": 0.905, "set139": 0.65, "set140": 0.97,
          "set141": 0.925, "set142": 0.69, "set143": 0.975}

MARKERS = {"circle": "o", "star": "*", "square": "s", "triangle": "^", "diamond": "D", "cross": "x",
           "pentagon": "p", "hexagon": "h", "plus": "+"}


def _norm(label: str) -> str:
    text = unicodedata.normalize("NFKC", str(label)).casefold()
    return "".join(ch for ch in text if ch.isalnum() or ch in ".-()")


def _family(colour: str) -> str:
    family = color_family(colour)
    return color_family(colour.replace(" ", "")) if family == colour.lower() else family


def _close(want: object, got: object) -> bool:
    if not isinstance(want, int | float) or not isinstance(got, int | float):
        return False
    return math.isclose(want, got, rel_tol=0.005, abs_tol=1e-9)


def _same(key: str, want: object, got: object) -> bool:
    if key in ("x", "y", "min", "max", "value"):
        return _close(want, got)
    if key == "color":  # "light blue" as gold writes it is CSS "lightblue"
        return got is not None and _family(str(want)) == _family(str(got))
    if key == "marker":
        return MARKERS.get(str(want), want) == got
    if key in ("label", "name", "title", "group"):
        return " ".join(str(want).casefold().split()) == " ".join(str(got or "").casefold().split())
    if key == "ticks":
        return isinstance(got, list) and len(got) == len(want) and all(map(_close, want, got))  # type: ignore[arg-type]
    return want == got


def _score(gold: dict, text: str, name: str) -> tuple[int, int, list[str]]:
    """(facts kept, facts stated, misses) for one description."""
    if gold.get("expect_error"):
        try:
            parse(text, name)
        except RedrawError:
            return 1, 1, []
        return 0, 1, ["should be refused"]
    try:
        spec = json.loads(parse(text, name).to_json())
    except RedrawError as err:
        return 0, max(1, sum(len(p) for p in gold.get("points", []))), [f"refused: {err}"]
    kept = total = 0
    misses: list[str] = []

    def check(what: str, key: str, want: object, got: object) -> None:
        nonlocal kept, total
        total += 1
        if _same(key, want, got):
            kept += 1
        else:
            misses.append(f"{what}.{key}: want {want!r} got {got!r}")

    if "title" in gold:
        check("spec", "title", gold["title"], spec.get("title")) if gold["title"] else check(
            "spec", "title_none", None, spec.get("title"))
    for axis in ("x_axis", "y_axis"):
        for key, want in gold.get(axis, {}).items():
            check(axis, key, want, spec[axis].get(key))
    points = {}
    for p in spec["points"]:
        points.setdefault(_norm(p["label"]), []).append(p)
    for want in gold.get("points", []):
        have = points.get(_norm(want["label"]))
        got = have.pop(0) if have else {}
        for key, value in want.items():
            check(want["label"], key, value, got.get(key))
    return kept, total, misses


def _texts(folder: Path) -> list[Path]:
    """A set's descriptions: markdown and plain text (not the INDEX.txt that lists them)."""
    return sorted(p for p in (*folder.glob("*.md"), *folder.glob("*.txt")) if p.name != "INDEX.txt")


@pytest.mark.parametrize("folder", SETS, ids=[s.name for s in SETS])
def test_each_set_keeps_what_its_texts_state(folder):
    kept = total = 0
    report = []
    for text_path in _texts(folder):
        gold = json.loads(text_path.with_name(text_path.stem + ".gold.json").read_text(encoding="utf-8"))
        k, t, misses = _score(gold, text_path.read_text(encoding="utf-8"), text_path.name)
        kept, total = kept + k, total + t
        report += [f"{text_path.stem}: {m}" for m in misses]
    fidelity = kept / total
    summary = f"{folder.name}: fidelity {fidelity:.3f} ({kept}/{total})"
    assert fidelity >= FLOORS[folder.name], summary + "\n" + "\n".join(report[:40])


def test_the_scoring_can_fail():
    gold = {"x_axis": {"label": "Params (B)"}, "points": [{"label": "A", "x": 1, "y": 2, "color": "red"}]}
    text = "- X-axis: Params (B), 0 to 10\n- Y-axis: Score, 0 to 10\n- A: (1, 2), blue circle\n"
    kept, total, misses = _score(gold, text, "t.md")
    assert (kept, total) == (4, 5) and misses == ["A.color: want 'red' got 'blue'"]
