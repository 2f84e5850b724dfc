"""One boundary case per parser heuristic threshold: each test sits just on one side of a limit, so
moving the limit (or dropping the check) fails it. The threshold each test pins is named in its
docstring; tests/fixtures/parse_cases.txt pins the phenomena, these pin the numbers."""
from __future__ import annotations

import pytest

from redraw.errors import RedrawError
from redraw.parse import parse

HEAD = "Scatter plot. X-axis: Parameters (B). Y-axis: Score.\n\n- **Phi-2:** (2.7, 56)\n"
CUT = "the description ends mid-sentence"


def points(text: str) -> dict[str, tuple[float, float]]:
    return {p.label: (p.x, p.y) for p in parse(text, "t.md").points}


def warnings(text: str) -> list[str]:
    return parse(text, "t.md").warnings


# -- kind (rules/kind.py): other chart kinds are refused ------------------------------------------------

def test_a_histogram_is_refused():
    """KIND_RE: "histogram" is another kind, even when its lines look like points."""
    with pytest.raises(RedrawError, match="histogram, not a scatter plot"):
        parse("## Histogram of model scores\n- **Phi-2:** (2.7, 56)\n- **Gemma-7B:** (7, 64)\n", "t.md")


# -- cut-off detection (rules/truncated.py) -------------------------------------------------------------

def test_a_trailing_comma_is_a_cut_off():
    """_OPEN_ENDINGS holds ",": the last line ends a list item with a comma and nothing follows."""
    assert any(CUT in w for w in warnings(HEAD + "- **Gemma-7B:** (7, 64),\n"))


def test_an_unclosed_bracket_on_the_last_line_is_a_cut_off():
    """`unbalanced`: the last line opens more brackets than it closes, though it ends on a digit."""
    assert any(CUT in w for w in warnings(HEAD + "- **Gemma-7B:** (7, 64)\n- **Qwen-7B:** (7, 61\n"))


def test_an_unclosed_code_fence_is_a_cut_off():
    """An odd number of ``` fences: the code block never ends."""
    text = "Scatter plot. X-axis: Parameters (B). Y-axis: Score.\n\n```csv\nmodel,params,score\nPhi-2,2.7,56\n"
    assert any(CUT in w for w in warnings(text))


def test_a_complete_description_is_no_cut_off():
    assert not any(CUT in w for w in warnings(HEAD + "- **Gemma-7B:** (7, 64)\n"))


# -- sentences about chart parts are no points (points_prose.NOT_POINT_RE) ----------------------------------

def test_a_range_sentence_is_no_point():
    """NOT_POINT_RE "ranges from": a model's spread from one score to another is no (x, y)."""
    assert set(points(HEAD + "\nQwen-7B ranges from 40% in zero-shot to 60% in five-shot.\n")) == {"Phi-2"}


def test_a_dashed_line_named_for_a_model_is_no_point():
    """NOT_POINT_RE "dashed line": a reference line at GPT-4's score is not GPT-4's point."""
    text = "Scatter plot. X-axis: Parameters (B). Y-axis: Score (%).\n\n- **Phi-2:** (2.7, 56)\n\n" \
           "A dashed line for GPT-4 sits at 86.4% beyond 1B.\n"
    assert set(points(text)) == {"Phi-2"}


# -- log spacing of ticks (assemble._log_spaced) ------------------------------------------------------------

def _x_scale(ticks: str) -> str:
    text = f"Scatter plot. X-axis: Size (GB), with ticks at {ticks}. Y-axis: Score.\n\n" \
           "- **Phi-2:** (2, 56)\n- **Gemma-7B:** (4, 64)\n"
    return parse(text, "t.md").x_axis.scale


@pytest.mark.parametrize("ticks,scale", [
    ("1, 2, 4, 8, 16", "log"),         # ratio 2 throughout
    ("1, 10, 100", "log"),
    ("1, 1.4, 2, 2.8, 4", "linear"),   # a constant ratio, but under 1.5: no log axis is ticked so finely
    ("2, 4, 10, 25, 100", "linear"),   # ratios 2 to 4: too uneven (the limit is max/min < 1.6)
    ("10, 20, 30, 40", "linear"),      # constant steps
])
def test_log_spacing_thresholds(ticks, scale):
    assert _x_scale(ticks) == scale


# -- duplicates (assemble._same_place: 1% in x and y) ---------------------------------------------------------

def test_a_label_listed_twice_within_one_percent_is_the_same_point_without_a_warning():
    text = "Scatter plot. X-axis: Parameters (B). Y-axis: Score.\n\n- **Phi-2:** (2.7, 56.0)\n" \
           "- **Gemma-7B:** (7.0, 64.0)\n\n| Model | Parameters (B) | Score |\n| --- | --- | --- |\n" \
           "| Phi-2 | 2.71 | 56.2 |\n| Gemma-7B | 7.4 | 64.0 |\n"
    spec = parse(text, "t.md")
    assert len(spec.points) == 2
    twice = [w for w in spec.warnings if "listed twice" in w]
    # 2.71 vs 2.7 and 56.2 vs 56.0 are within 1%; 7.4 vs 7.0 is 5.7% apart
    assert len(twice) == 1 and "'Gemma-7B'" in twice[0], spec.warnings


# -- the unit most values carry (assemble._points_unit: at least 60%) ------------------------------------------

UNIT_ROWS = ["- **Alpha-1:** (7B, 50)", "- **Beta-2:** (13B, 55)", "- **Gamma-3:** (70B, 60)",
             "- **Delta-4:** (2.7, 40)", "- **Eps-5:** (1.5, 35)"]


def _xs(rows: list[str]) -> dict[str, float]:
    spec = parse("Scatter plot. X-axis: Parameters. Y-axis: Score.\n\n" + "\n".join(rows) + "\n", "t.md")
    return {p.label: p.x for p in spec.points}


def test_three_of_five_values_in_billions_make_the_axis_count_billions():
    assert _xs(UNIT_ROWS) == {"Alpha-1": 7, "Beta-2": 13, "Gamma-3": 70, "Delta-4": 2.7, "Eps-5": 1.5}


def test_two_of_four_values_in_billions_are_no_majority():
    assert _xs([r for r in UNIT_ROWS if "Gamma" not in r]) == {"Alpha-1": 7e9, "Beta-2": 13e9, "Delta-4": 2.7,
                                                              "Eps-5": 1.5}


# -- what a list line's label may be (points_list._sentence_like, the label's length) ------------------------

@pytest.mark.parametrize("label,read", [
    ("Llama 2 Chat 70B RLHF v2 Final Release", True),                        # 8 words: still a name
    ("Mixture Of Experts With Top Two Routing And Shared", False),           # 9 words: a sentence
    ("Gap to the frontier at scale", False),                                 # 5 lower-case words: commentary
    ("Mixture-of-Experts-Transformer-XL-Base-Distilled-v2", True),           # 51 characters, still a name
])
def test_list_label_limits(label, read):
    got = points(HEAD + f"- **{label}:** (7, 50)\n")
    assert (label in got) == read, got


# -- reconcile (reconcile.SLACK: 15% of the span; reconcile.FAR: ten spans) ----------------------------------

def _reconciled(xs: list[float]) -> tuple[list[float], list[str]]:
    rows = "\n".join(f"- **M-{i}:** ({x:g}, {50 + i})" for i, x in enumerate(xs))
    spec = parse(f"Scatter plot. X-axis: Cost ($), 2 to 10. Y-axis: Score, 0 to 100.\n\n{rows}\n", "t.md")
    return [p.x for p in spec.points], spec.doubts


def test_a_series_off_by_a_thousand_is_rescaled_when_it_then_fits_within_the_slack():
    """11 on a 2-10 axis overshoots by 12.5% of the span, inside the 15% slack: the series is divided."""
    xs, doubts = _reconciled([11000, 5000, 8000])
    assert xs == [11, 5, 8] and not doubts


def test_a_series_is_not_rescaled_when_one_value_would_still_overshoot_the_slack():
    """13 overshoots by 37.5% of the span: no factor makes the series fit, so it stays as read. (The axis
    starts at 2: on a 0-10 axis, dividing by 10^6 "fits" every value and reconcile does so.)"""
    xs, _ = _reconciled([13000, 5000, 8000])
    assert xs == [13000, 5000, 8000]


@pytest.mark.parametrize("tokens,y", [(240, 240), (260, 0.26)])
def test_a_plain_value_five_times_past_the_end_of_a_thousands_axis_slipped_its_magnitude(tokens, y):
    """SLIP_PAST_END = 5: on a log "Context (K tokens)" from 0.1 to 50, "240 tokens" (4.8 times the end) stays as
    read (a point past the edge), "260 tokens" (5.2 times) is read as 0.26 thousand."""
    text = ("X-axis: Compute (TFLOPS), 10 to 1000. Y-axis: Context (K tokens), log scale, 0.1 to 50.\n\n"
            f"- A: 300 TFLOPS, 30\n- B: 120 TFLOPS, 9\n- C: 60 TFLOPS, {tokens} tokens\n")
    assert points(text)["C"] == (60, pytest.approx(y))


@pytest.mark.parametrize("written,x", [(("25.9k", "16.7k", "5.6k"), 0.63), (("25.9k", "16.7k", "5.6"), 630)])
def test_a_plain_value_among_siblings_with_the_axis_magnitude_is_divided_when_two_thirds_carry_it(written, x):
    """"630" where three of the four values carry "k" (3/4 >= 2/3) on a thousands axis from 0 to 30 is 0.63
    thousand; where two do (2/4), it stays as read, a point past the edge (divided, it would sit in the
    bottom twentieth of the axis, where the rule for one slipped value does not reach)."""
    a, b, c = written
    text = ("Horizontal axis: \"Density (thousand residents per km²)\", linear, 0 to 30.\n"
            "Vertical axis: \"Transit share (%)\", linear, 0 to 90.\n\n"
            f"- Hong Kong: {a} per km², 81%\n- Seoul: {b} per km², 66%\n- London: {c} per km², 44%\n"
            "- Atlanta: 630 per km², 3%\n")
    assert points(text)["Atlanta"] == (pytest.approx(x), 3)


@pytest.mark.parametrize("x,doubt", [(85, False), (100, True)])
def test_a_point_is_a_doubt_beyond_ten_spans(x, doubt):
    """2-10 axis, 15% slack: 85 lies 9.2 spans out, 100 lies 11.1 spans out (FAR = 10)."""
    xs, doubts = _reconciled([2, 5, x])
    assert xs == [2, 5, x]
    assert bool(doubts) == doubt, doubts


# -- names in prose (points_prose: a 'Name (size)' subject up to 60 characters, name runs up to 4 words) --------

PROSE_HEAD = "Scatter plot. X-axis: Parameters (B). Y-axis: Accuracy (%).\n\nPhi-2 sits at 2.7B with 56%.\n"


def test_a_long_name_before_its_size_in_brackets():
    """SUBJECT_SIZE_RE: 'Mixtral 8x22B Instruct v0.1 (141B)' is a 27-character name, well under 60."""
    assert points(PROSE_HEAD + "Mixtral 8x22B Instruct v0.1 (141B) scores 77%.\n")["Mixtral 8x22B Instruct v0.1"] \
        == (141, 77)


def test_a_passive_agent_of_three_name_words():
    """_name_in: a run of up to 4 name words is one name ('GPT-4o Mini High')."""
    assert points(PROSE_HEAD + "A score of 81% is achieved by GPT-4o Mini High at 8B.\n")["GPT-4o Mini High"] == (8, 81)


# -- keyed records (points_list._record_key: a value of up to 60 characters may name the point) -----------------

def test_a_record_key_of_another_name_names_the_point():
    """A 110-character catalyst name is still a name (the limit is 120; a longer value is prose)."""
    name = ("Cu/ZrO2 on mesoporous silica with a ZnO promoter, reduced in hydrogen and then passivated in dry "
            "air overnight")
    text = "Scatter plot. X-axis: TOF. Y-axis: Selectivity (%).\n\n" \
           f"Catalyst: {name}\nCoordinates: TOF ≈ 300, selectivity ≈ 55%\n\n" \
           "Catalyst: Pt/Al2O3\nCoordinates: TOF ≈ 120, selectivity ≈ 70%\n"
    assert points(text) == {name: (300, 55), "Pt/Al2O3": (120, 70)}


def test_a_record_label_past_the_limit_loses_only_its_own_record():
    name = "Cu/ZrO2 " + "on a promoter " * 10  # 148 characters: no name
    text = "Scatter plot. X-axis: TOF. Y-axis: Selectivity (%).\n\n" \
           f"Catalyst: {name}\nCoordinates: TOF ≈ 300, selectivity ≈ 55%\n\n" \
           "Catalyst: Pt/Al2O3\nCoordinates: TOF ≈ 120, selectivity ≈ 70%\n"
    assert points(text) == {"Pt/Al2O3": (120, 70)}


# -- styles and legend names (label_styles: up to 6 words; legend: up to 8 words) ---------------------------------

def test_a_style_line_for_a_six_word_label():
    name = "Gemini Ultra Pro Vision Max Preview"
    text = "Scatter plot. X-axis: Parameters (B). Y-axis: Accuracy (%).\n\n" \
           f"| Model | Parameters (B) | Accuracy (%) |\n| --- | --- | --- |\n| {name} | 100 | 79 |\n\n" \
           f"Styles:\n- **{name}**: orange square\n"
    (p,) = parse(text, "t.md").points
    assert (p.color, p.marker) == ("orange", "s")


def test_a_legend_entry_of_seven_words_is_a_group():
    text = "Scatter plot. X-axis: Parameters (B). Y-axis: Accuracy (%).\n\nLegend:\n" \
           "- orange square: Closed models from the largest commercial labs\n- blue circle: Open models\n\n" \
           "- **Gemini-Pro (orange square):** (100, 79)\n- **Phi-2 (blue circle):** (2.7, 56)\n"
    groups = {p.label: p.group for p in parse(text, "t.md").points}
    assert groups == {"Gemini-Pro": "Closed models from the largest commercial labs", "Phi-2": "Open models"}


# -- the group a section header names (lookup.group_mentioned) ----------------------------------------------------

def _groups(legend: list[str], sections: str) -> dict[str, str | None]:
    text = "Scatter plot. X-axis: Steps. Y-axis: FID.\n\nLegend:\n" + "\n".join(legend) + "\n\n" + sections
    return {p.label: p.group for p in parse(text, "t.md").points}


SOLVER_POINTS = "**The diffusion-solver points:**\n- **DPM-Solver-20:** (20, 3.2)\n- **DDIM-50:** (50, 4.1)\n\n" \
                "**Consistency:**\n- **CM-2:** (2, 5.0)\n"


def test_a_header_with_two_of_three_distinctive_words_names_the_group():
    """Near match: 'diffusion-solver' holds 2 of the 3 words of 'Diffusion + ODE solver' (2/3 is enough)."""
    got = _groups(["- blue circle: Diffusion + ODE solver", "- orange square: Consistency models"], SOLVER_POINTS)
    assert got == {"DPM-Solver-20": "Diffusion + ODE solver", "DDIM-50": "Diffusion + ODE solver",
                   "CM-2": "Consistency models"}


def test_a_header_with_two_of_four_distinctive_words_names_no_group():
    """Near match: 2 of 4 words ('Diffusion ODE solver distilled') is too few."""
    got = _groups(["- blue circle: Diffusion ODE solver distilled", "- orange square: Consistency models"],
                  SOLVER_POINTS)
    assert got == {"DPM-Solver-20": None, "DDIM-50": None, "CM-2": "Consistency models"}


def test_a_header_naming_the_longer_of_two_nested_groups_takes_the_longer():
    """'Open-Weights & Open-Data' also holds every word of 'Open-Weights': the longer name is meant."""
    sections = "**Open-Weights & Open-Data models:**\n- **OLMo-7B:** (7, 52)\n- **Pythia-6.9B:** (6.9, 44)\n\n" \
               "**Open-Weights models:**\n- **Llama-2-7B:** (7, 55)\n"
    got = _groups(["- gray circle: Open-Weights", "- yellow circle: Open-Weights & Open-Data"], sections)
    assert got == {"OLMo-7B": "Open-Weights & Open-Data", "Pythia-6.9B": "Open-Weights & Open-Data",
                   "Llama-2-7B": "Open-Weights"}
