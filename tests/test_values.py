"""Numbers as descriptions write them."""
from __future__ import annotations

import math

import pytest

from redraw.parse.values import lex

CASES = [
    ("~2.5B", 2.5, 1e9, False),
    ("350M", 350, 1e6, False),
    ("11.6K", 11.6, 1e3, False),
    ("1e21", 1e21, None, False),
    ("1.3e-2", 0.013, None, False),
    ("10^21", 1e21, None, False),
    ("10²¹", 1e21, None, False),
    ("10⁻³", 1e-3, None, False),
    ("1.3×10^21", 1.3e21, None, False),
    ("2.16 × 10²²", 2.16e22, None, False),
    ("3.1 x 10^23", 3.1e23, None, False),
    ("4,850", 4850, None, False),
    ("1,050.5", 1050.5, None, False),
    ("81%", 81, None, True),
    ("approx. 45.3 %", 45.3, None, True),
    ("≈ 83.9", 83.9, None, False),
    ("$0.48", 0.48, None, False),
    ("−3.5", -3.5, None, False),
    ("-60", -60, None, False),
    ("75 Billion", 75, 1e9, False),
    ("7 million", 7, 1e6, False),
    (".5", 0.5, None, False),
    ("1.45 M inhabitants", 1.45, 1e6, False),  # a magnitude set apart, before what it counts
    ("850 K users", 850, 1e3, False),
    ("at 300 K and rising", 300, None, False),  # kelvin before a word of no count
    ("about 45 T cells", 45, None, False),  # T cells are cells
    ("4¼ bits", 4.25, None, False),  # a vulgar fraction after a whole number
    ("2⅔", 2 + 2 / 3, None, False),
    ("| ½ |", 0.5, None, False),  # a fraction alone, no digit in the text
    ("3⅛M", 3.125, 1e6, False),
]


@pytest.mark.parametrize("text,value,mult,percent", CASES, ids=[c[0] for c in CASES])
def test_lex_one_number(text, value, mult, percent):
    nums = lex(text)
    assert len(nums) == 1
    assert nums[0].value == pytest.approx(value)
    assert nums[0].mult == mult
    assert nums[0].percent is percent


@pytest.mark.parametrize("text,values", [
    ("(4B, 81)", [4, 81]),
    ("0, 5,000, 10,000 and 15,000", [0, 5000, 10000, 15000]),
    ("0–40", [0, 40]),
    ("10^22 to 10^26", [1e22, 1e26]),
    ("Pass@1 Score", []),  # a metric's name ("Hits@10", "pass@1"), no value
])
def test_lex_lists(text, values):
    assert [n.value for n in lex(text)] == pytest.approx(values)


def test_axis_units():
    (n,) = lex("350M")
    assert n.scaled(1e9) == pytest.approx(0.35)
    assert n.scaled(None) == pytest.approx(3.5e8)


def test_words_inside_names_are_not_numbers():
    assert lex("GPT-4o mini") == []


@pytest.mark.parametrize("text,value,unit", [
    ("0.50s", 0.5, "s"), ("-0.25 s", -0.25, "s"), ("900 GB/s", 900, "GB/s"), ("12ms", 12, "ms"),
    ("1.82×", 1.82, "×"), ("8x less", 8, "x"), ("40 µJ", 40, "µJ"), ("3.2 GHz", 3.2, "GHz"),
])
def test_physical_units_are_read_not_dropped(text, value, unit):
    (n,) = lex(text)
    assert (n.value, n.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize("text", ["2019-07", "2020–01", "released 07/2021", "2021/03"])
def test_dates_are_not_numbers(text):
    assert lex(text) == []


@pytest.mark.parametrize("text", ["1.8e2022", "3 × 10^999", "10^400"])
def test_overflowing_numbers_are_not_values(text):
    assert all(math.isfinite(n.value) for n in lex(text))


def test_colour_families_match_matplotlibs_colour_tables():
    """The parser's table of colour families (redraw/colour_families.py, data so that the parser
    needs no matplotlib) agrees with matplotlib's colours for every name the parser can write; on a
    mismatch or a new vocabulary colour, the message holds the entries to paste into the table."""
    from matplotlib.colors import CSS4_COLORS, to_rgb

    from redraw.colors import hsv_family, squash
    from redraw.colour_families import FAMILIES
    from redraw.parse.vocab import COLORS

    def family(name: str) -> str:   # a phrase ("dark red") is the CSS name it squashes to, as the renderer draws it
        for candidate in (name, squash(name), f"xkcd:{name}"):
            try:
                return hsv_family(*to_rgb(candidate))
            except ValueError:
                continue
        return name.lower()

    names = set(COLORS.values()) | set(CSS4_COLORS)
    want = {n: family(n) for n in sorted(names)}
    wrong = {n: f for n, f in want.items() if (FAMILIES.get(n) or FAMILIES.get(squash(n))) != f}
    assert not wrong, f"colour_families.FAMILIES needs: {wrong}"


def test_colour_family_of_hex_codes_and_unknown_names():
    from redraw.colors import color_family
    from redraw.parse.vocab import same_color

    assert color_family("#1f77b4") == "blue" and color_family("#d62728") == "red"
    assert color_family("#7f7f7f") == "neutral" and color_family("darkblue") == "blue"
    assert same_color("navy", "#1f77b4") and not same_color("red", "blue")
    assert color_family("Octarine") == "octarine"  # unknown: compared by name only


def test_fractions_on_a_percent_axis_are_scaled_without_float_noise():
    from redraw.parse import parse
    spec = parse("X axis: Usage rate (%), 15 to 40. Y axis: True shooting (%), 50 to 70.\n\n"
                 "1. Luka Doncic — 36.0%, .617\n2. Rudy Gobert — 14.6%, .671\n3. Trae Young — 31.8%, .561\n")
    assert [p.y for p in spec.points] == [61.7, 67.1, 56.1]  # not 67.10000000000001


@pytest.mark.parametrize("text,value,unit", [
    ("time 36:15", 36.25, "min"),         # min:s
    ("~29:48", 29.8, "min"),
    ("a lap of 1:02.5", 1.041666666667, "min"),
    ("finished in 2:05:41", 2.094722222222, "h"),  # a third field makes the first hours
])
def test_clock_times_are_one_value(text, value, unit):
    (n,) = lex(text)
    assert math.isclose(n.value, value, rel_tol=1e-9) and n.unit == unit


@pytest.mark.parametrize("text", [
    "2024-05-02T10:14:03Z INFO",           # a timestamp's time of day, in UTC
    "2024-05-02T10:14:03 INFO",
    "Date: Tue, 8 Oct 2024 09:14",          # after a date
    "sent on Tuesday at 9:45",              # after a day
    "hours 11:00-15:00 averaged",           # a span of hours
    "closed at 8:30 am",                    # a time of day
    "reported at 9:45 UTC",
    "drawn at 1:50 scale",                  # a ratio
])
def test_times_of_day_and_ratios_are_no_clock_values(text):
    assert all(n.unit not in ("min", "h") for n in lex(text)), lex(text)


@pytest.mark.parametrize("text", ["released 2024-05-02 10:14", "a 1:20 dilution"])
def test_a_time_after_a_date_and_a_dilution_are_no_clock_values(text):
    assert all(n.unit not in ("min", "h") for n in lex(text)), lex(text)
