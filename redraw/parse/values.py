"""Numbers as descriptions write them (~2.5B, 350M, 1e21, 10²¹, 1.3×10^21, 4,850, 81%) -> floats."""
from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import NamedTuple

from .vocab import KELVIN_OFFSETS, MAGNITUDE, UNIT_ALTERNATION, UNITS

_SUP = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")

# the vulgar fractions of Unicode, as a table of bit widths or doses writes them ("4¼", "3⅛", "½")
FRACTION_VALUES = {"¼": 1 / 4, "½": 1 / 2, "¾": 3 / 4, "⅐": 1 / 7, "⅑": 1 / 9, "⅒": 1 / 10, "⅓": 1 / 3, "⅔": 2 / 3,
                   "⅕": 1 / 5, "⅖": 2 / 5, "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8,
                   "⅝": 5 / 8, "⅞": 7 / 8}
FRACTIONS = "".join(FRACTION_VALUES)
_DIGIT_RE = re.compile(r"[\d" + FRACTIONS + "]")  # no digit, no number: one quick scan before the full pattern
NUM_RE = re.compile(
    r"(?=[~≈∼±$€£\-−+\d." + FRACTIONS + r"])"  # the characters a number can start with: rejects most places at once
    r"(?<![\w.^⁰¹²³⁴⁵⁶⁷⁸⁹@])"  # "pass@1", "Hits@10" name a metric
    r"(?P<approx>(?:~|≈|∼|±)\s*)?"
    r"(?P<presign>[-−](?=[$€£]\s?\d))?"  # "−€112m"
    r"(?P<cur>[$€£]\s?)?"
    r"(?P<sign>[-−+](?=\d|\.\d))?"  # "+25" as written on a signed axis
    # (digits grouped by commas, or by thin or no-break spaces, "209 000"; by a plain space only before no
    # further digit: "209 000 m³/s" is one number, "10 20 30" three)
    r"(?P<man>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u2009\u202f\u00a0]\d{3})+(?:\.\d+)?|"
    r"\d{1,3}(?: \d{3})+(?![\d.]|,\d| \d)|\d+(?:\.\d+)?|\.\d+|"
    # (a fraction alone before a word is prose: "½ the steps", "¼-scale")
    r"(?=[" + FRACTIONS + r"](?![\s-]*[A-Za-z])))"
    r"(?P<frac>[" + FRACTIONS + r"])?"  # a vulgar fraction, alone or after a whole number: "½", "4¼", "2⅔"
    r"(?:(?P<e>[eE][+\-−]?\d+)"
    # exponents may be fractional ("10^5.5" on an axis of exponents) and braced as in LaTeX ("10^{21}")
    r"|\s?[×x*·]\s?10(?:\^|\*\*)?(?P<tenexp>\{?[+\-−]?\d+(?:\.\d+)?\}?|[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)"
    r"|(?:\^|\*\*)(?P<pow>\{?[+\-−]?\d+(?:\.\d+)?\}?)"
    r"|(?P<sup>[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))?"
    r"(?:(?P<mult>[KkMBbGT]n?)(?![A-Za-z])|\s(?P<word>(?i:thousand|million|billion|trillion|cent))(?i:s)?\b|"
    # "636 M", "1.45 M inhabitants", "850 K users": a magnitude set apart, before what it counts (not "300 K and 45%",
    # kelvin before a word of no count)
    r"\s(?P<spaced>[KMBT])(?=\s*(?:$|[,;)\]|]|\s(?!(?:and|or|with|at|in|on|for|to|the|vs|from|of|is|was|are)\b)"
    r"(?!cells?\b)[a-z]{3,}\b)))?"  # ("45 T cells" are cells)
    r"(?P<pct>\s?%)?"
    # a physical unit glued on or after a space ("0.50s", "900 GB/s", "12 ms", "1.8×"): see vocab.UNITS
    r"(?:\s?(?P<unit>" + UNIT_ALTERNATION + r")(?![\w/]))?"
    r"(?![\w])"
)


class Num(NamedTuple):
    """One number in the text: its value as written and the multiplier its suffix states.

    A named tuple: immutable, so lexed numbers can be shared, and several times cheaper to make
    than a frozen dataclass (a description holds hundreds of numbers).
    """

    value: float          # mantissa with exponent applied, before any K/M/B/T multiplier
    mult: float | None    # 1e9 for "B"/"billion", ... ; None when no suffix
    percent: bool
    start: int
    end: int
    text: str
    unit: str | None = None   # a physical unit as written ("ms", "GB/s"), see vocab.UNITS

    def scaled(self, unit: float | None = None) -> float:
        """Value in an axis whose unit is `unit` (1e9 for a billions axis)."""
        if self.mult is None:
            return self.value
        return float(f"{self.value * self.mult / (unit or 1.0):.12g}")  # "350M" / 1e9 is 0.35, not 0.35000000000000003


def _power(digits: str, raw: str) -> float:
    """digits × 10^raw; via the decimal string for whole exponents, so 3.1 × 10^23 is exactly 3.1e23."""
    exp = raw.strip("{}").translate(_SUP).replace("−", "-")
    if "." not in exp:
        return float(f"{digits}e{exp}")  # inf past 1e308, never an OverflowError
    try:
        return float(digits) * 10 ** float(exp)  # "10^5.5"
    except OverflowError:
        return math.inf


def _mantissa(m: re.Match[str]) -> float | None:
    """The number's value before its sign and magnitude word; None when it is not a number ("2^10")."""
    digits, frac, e, tenexp, pow_, sup = m.group("man", "frac", "e", "tenexp", "pow", "sup")
    digits = digits.replace(",", "").replace(" ", "").replace("\u2009", "").replace("\u202f", "").replace("\u00a0", "")
    if frac:
        return float(digits or 0) + FRACTION_VALUES[frac]
    if e:
        return float(digits + e.replace("−", "-"))
    if tenexp:
        return _power(digits, tenexp)
    if pow_ or sup:
        if float(digits) == 2 and (pow_ or int(sup.translate(_SUP)) >= 4):
            # a power of two, as a log2 axis writes its ticks and values: "2^4", "2^10", "2¹⁰" (not "2²", a footnote's
            # look as often as a square)
            exp = float((pow_ or sup).strip("{}").translate(_SUP).replace("−", "-"))
            return 2.0 ** exp if abs(exp) <= 1000 else math.inf
        if float(digits) != 10:  # "3^4" and "x²" are no axis's numbers
            return None
        return _power("1", pow_ or sup)
    return float(digits)


def overflowing(text: str) -> list[tuple[int, str]]:
    """Numbers past the largest a figure can hold ("1e400", "10^400"), which the lexer does not read: their
    lines and texts, for a warning."""
    if not _BIG_CUE_RE.search(text):
        return []
    return [(text.count("\n", 0, m.start()) + 1, m.group().strip()) for m in NUM_RE.finditer(text)
            if (man := _mantissa(m)) is not None and not math.isfinite(man)]


_BIG_CUE_RE = re.compile(r"(?=[\deE^⁰¹²³⁴⁵⁶⁷⁸⁹])(?:\d{300}|[eE^⁰¹²³⁴⁵⁶⁷⁸⁹]\s*[-+−]?\d{3}|10[⁰¹²³⁴⁵⁶⁷⁸⁹]{3})")


def _num(m: re.Match[str]) -> Num | None:
    _, presign, _, sign, *_, suffix, word, spaced, pct, unit = m.groups()
    sign, suffix = sign or presign, suffix or spaced
    man = _mantissa(m)
    if man is None or not math.isfinite(man):
        return None  # "1.8e2022" overflows: no value a chart can show (read() warns)
    if sign and sign != "+":
        man = -man
    suffix = suffix or word
    if m.group("cur") and unit == "m" and not suffix:  # "€112m" is 112 million euros, not metres
        suffix, unit = "M", None
    mult = MAGNITUDE.get(suffix.lower()) if suffix else None
    start, end = m.span()
    text = m.group().strip()
    if unit:  # the unit is not part of the number as a tick label shows it
        text = text[: len(text) - len(unit)].rstrip()
    return Num(man, mult, pct is not None, start, end, text, unit or None)


# what stands between the two ends of a range: "3 to 75", "0–100", "80 → 240", "between 2 and 9", "1 .. 5"
# ("8~30": the full-width tilde of CJK text, cleaned to "~")
RANGE_GAP_RE = re.compile(r"^\s*(?:(?:up\s+)?to|–|—|-|→|->|and|through|…|\.\.|~)\s*[~≈]?\s*$", re.IGNORECASE)


def is_range(text: str, a: Num, b: Num) -> bool:
    """The two numbers are the ends of one range: "1–2 units", "from 80 → 240"; joined by "and" only
    after "between" ("between 2 and 9"; "at 1.6K and 53 years" is two values)."""
    gap = text[a.end: b.start]
    # ("between roughly 150 and 260": a hedge may stand between the two)
    return bool(RANGE_GAP_RE.match(gap)) and (gap.strip().lower() != "and" or BETWEEN_BEFORE_RE.search(
        text, max(0, a.start - 40), a.start) is not None)


SPAN_GAP_RE = re.compile(r"\s*(?:–|—|-|to)\s*$")


def span_middle(text: str, nums: list[Num]) -> Num | None:
    """A value given as a span where one number would be ("14–16 g/kg", "38–42%", "2.8 to 3.0"): its middle, with
    the span as its text; None unless a dash or "to" alone stands between the first two numbers."""
    if len(nums) < 2 or not SPAN_GAP_RE.match(text, nums[0].end, nums[1].start):
        return None
    a, b = nums[0], nums[1]
    return Num((a.value + b.value) / 2, a.mult or b.mult, a.percent or b.percent, a.start, b.end, text[a.start: b.end],
               a.unit or b.unit)


_TIGHT_SPAN_RE = re.compile(r"\s?[–—-]\s?$")
_YEAR_RE = re.compile(r"(?:1[5-9]|20)\d\d")  # "surveyed 2015–2019": a period, no value


def one_span_merged(text: str, nums: list[Num]) -> tuple[list[Num], Num | None]:
    """Three values where a point has two, two of them one span written tight ("Taipei: 38–42% at 9,800/km²"):
    the span as its middle, and that middle; else the values as they were, and None."""
    if len(nums) != 3:
        return nums, None
    for k in (0, 1):
        a, b = nums[k], nums[k + 1]
        glued = a.start > 0 and (text[a.start - 1].isalnum() or text[a.start - 1] in "-.")  # "Llama-3.1-8B": a name
        years = all(n.mult is None and not n.percent and _YEAR_RE.fullmatch(text[n.start: n.end]) for n in (a, b))
        if not glued and not years and _TIGHT_SPAN_RE.match(text, a.end, b.start) and \
                (span := span_middle(text, [a, b])) is not None:
            return [*nums[:k], span, *nums[k + 2:]], span
    return nums, None


BETWEEN_BEFORE_RE = re.compile(r"\bbetween\s+(?:(?:about|around|roughly|approximately|approx\.|some|~|≈)\s*)?"
                               r"[$€£]?\s*$", re.IGNORECASE)


# "3.9 t (≈ 3,900 kg)", "610 ms (i.e. 0.61 s)": the same value restated in brackets
RESTATED_RE = re.compile(r"\(\s*(?:≈|~|=|i\.e\.,?|that is,?|about|approx(?:imately|\.)?|"
                         r"(?:I\s+)?read\s+(?:it\s+)?as|call\s+it)\s*$", re.IGNORECASE)  # "80-odd (I read it as 80)"


def _same_quantity(a: Num, b: Num) -> bool:
    """"0.004 kg (4 g)": the same value in another unit."""
    if a.unit is None or b.unit is None or a.unit == b.unit:
        return False
    converted = convert(b.value, b.unit, a.unit)
    return converted is not None and math.isclose(converted, a.value, rel_tol=0.02)


def restatements_dropped(text: str, nums: list[Num]) -> list[Num]:
    """The numbers less those that restate the one before them in brackets."""
    def restates(i: int) -> bool:
        gap = text[nums[i - 1].end: nums[i].start]
        return bool(RESTATED_RE.search(gap)) or (gap.rstrip().endswith("(") and (
            nums[i].text[:1] in "≈~" or _same_quantity(nums[i - 1], nums[i])))
    out: list[Num] = []
    for i, n in enumerate(nums):
        if i and text[nums[i - 1].end: n.start].rstrip().endswith("(") and _as_percent(nums[i - 1], n):
            out[-1] = n  # "MFU 0.591 (59.1%)": the fraction said again as a percent; the percent is kept
        elif not (i and restates(i)):
            out.append(n)
    return out


def _as_percent(a: Num, b: Num) -> bool:
    """b is a, a fraction, written as a percent: 0.591 and 59.1%."""
    return b.percent and not a.percent and a.mult is None and a.unit is None and 0 < abs(a.value) <= 1 and \
        math.isclose(a.value * 100, b.value, rel_tol=0.005)


_PLUS_MINUS_BEFORE_RE = re.compile(r"(?:±|\+/-|\+-)\s*$")


def lex(text: str) -> list[Num]:
    """Every number in text, left to right."""
    return list(_lex(text))


@lru_cache(maxsize=4096)
def _lex(text: str) -> tuple[Num, ...]:
    # rules look at the same lines more than once; Num is immutable, so sharing is safe
    if not _DIGIT_RE.search(text):
        return ()
    dates = [m.span() for m in DATE_RE.finditer(text)] if ("-" in text or "–" in text or "/" in text) else []
    found: list[Num] = []
    per_unit = "/" in text or "per " in text   # once: in the loop it would scan the text for each number
    clocks = [c for c in CLOCK_RE.finditer(text) if not DAY_BEFORE_RE.search(text, max(0, c.start() - 24),
                                                                                c.start())] if ":" in text else []
    for m in NUM_RE.finditer(text):
        if clocks and (clock := next((c for c in clocks if c.start() < m.end() and m.start() < c.end()), None)):
            if not found or found[-1].start != clock.start():  # "36:15" is one time, not 36 and 15
                found.append(_clock(clock))
            continue
        if m.group().lstrip()[:1] == "±" or _PLUS_MINUS_BEFORE_RE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "57.5 ± 1.4 %", "24 % ± 3", "41 +/- 2": an error bar's half-width, not a value
        if dates and any(a < m.end() and m.start() < b for a, b in dates):
            continue  # "2020-07" is a date, not 2020 and -7
        if per_unit and (per := _PER_BEFORE_RE.search(text, max(0, m.start() - 12), m.start())) \
                and (per.group("unit") is None or per.group("unit") in UNITS or per.group("unit").islower()):
            continue  # "14.9 kWh/100 km", "12.5 deaths per 100,000 people": the count a unit is per, no value
            # (not the "2" of "DiT-XL/2")
        n = _num(m)
        if n is None:
            continue
        if n.unit is None and n.mult is None and not n.percent and _FOLD_AFTER_RE.match(text, n.end):
            n = n._replace(unit="×")  # "a 180,000-fold range", "a 3-fold rise": a factor, as "3×" is
        if found and _compound(text, found[-1], n):  # "1 h 35 min" is one duration: 1.583 h
            first = found.pop()
            total = first.value + n.value * UNITS[n.unit or ""][1] / UNITS[first.unit or ""][1]
            n = first._replace(value=float(f"{total:.12g}"), end=n.end, text=f"{total:.4g}")
        found.append(n)
    return tuple(found)


# a time on a clock's face: "36:15" (min:s), "2:05:41" (h:min:s), "9:58.7"; not a ratio ("a 3:1 ratio", "scale 1:50")
# (nor a time of day: "2024-05-02T10:14:03", "Tue, 8 Oct 2024 09:14", "at 8:30 am", "9:45 UTC")
# (nor a span of hours: "11:00-15:00", whose end is as a zone's offset; nor "drawn at 1:50 scale")
CLOCK_RE = re.compile(r"(?<![\dT:.,\-–])(?P<a>\d{1,3}):(?P<b>[0-5]\d)(?::(?P<c>[0-5]\d))?(?P<frac>\.\d+)?(?![\d:])"
                      r"(?!\s*(?:[ap]\.?m\b\.?|UTC|GMT|[A-Z]{2,4}T\b|[+-]\d\d:?\d\d|scale\b|ratio\b|dilution\b))",
                      re.IGNORECASE)
DAY_BEFORE_RE = re.compile(r"(?:\b(?:19|20)\d\d(?:[-/]\d\d[-/]\d\d)?|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?)\s*"
                           r"(?:at\s+)?$",
                           re.IGNORECASE)


def _clock(m: re.Match[str]) -> Num:
    """"36:15" is 36.25 min; "2:05:41" is 2.095 h (a third field makes the first hours)."""
    a, b = int(m["a"]), int(m["b"])
    if m["c"] is None:
        value, unit = a + (b + float(m["frac"] or 0)) / 60, "min"
    else:
        value, unit = a + b / 60 + (int(m["c"]) + float(m["frac"] or 0)) / 3600, "h"
    return Num(float(f"{value:.12g}"), None, False, m.start(), m.end(), m.group(), unit)


_FOLD_AFTER_RE = re.compile(r"[-\u2010\u2011 ]fold\b", re.IGNORECASE)
_COMPOUND_GAP_RE = re.compile(r"\s*(?:,|and)?\s*")
# "kWh/100 km", "per 100,000" (not "days / 465")
_PER_BEFORE_RE = re.compile(r"(?:\b(?P<unit>[A-Za-zµ°%]+)/|\bper\s+)$")


def _compound(text: str, a: Num, b: Num) -> bool:
    """"1 h 35 min", "3 days and 4 h": a larger unit of time, then a smaller one."""
    if a.unit is None or b.unit is None or a.mult or b.mult or a.percent or b.percent:
        return False
    (dim_a, fa), (dim_b, fb) = UNITS.get(a.unit, ("", 0.0)), UNITS.get(b.unit, ("", 0.0))
    # (a whole number of the larger unit and less than one of it after, unsigned: "62.0 minutes and +48 s" are
    # two values, a time and a differential)
    return dim_a == dim_b == "time" and fa > fb and bool(_COMPOUND_GAP_RE.fullmatch(text[a.end: b.start])) \
        and "." not in a.text and b.text[:1] not in "+-−" and 0 <= b.value < fa / fb


# Year-month dates ("2019-07", "2020–01", "2021/03", "07/2020"): labels of time, never coordinates.
# A bare year ("2020") stays a number: a release-year axis is real.
DATE_RE = re.compile(r"(?<![\d.])(?:(?:19|20)\d{2}[-–/](?:0[1-9]|1[0-2])(?:[-–/](?:0[1-9]|[12]\d|3[01]))?|"
                     r"(?:0?[1-9]|1[0-2])/(?:19|20)\d{2})(?![\d.])")


# A value the text says it does not have: "n/a", "—", "?", "nan", "unknown", "not reported". A table cell of one
# is an empty cell, and a pair holding one is a point the text cannot place.
MISSING = (r"(?:n\s*/\s*a|n\.a\.|na|nan|none|null|[-+−]?inf(?:inity)?|[-+−]?∞|\?+|[-–—]+|unknown|undisclosed|"
           r"unreported|missing|tbd|tba|not\s+(?:reported|disclosed|given|stated|shown|known|available|visible))")
MISSING_RE = re.compile(MISSING, re.IGNORECASE)


_NUMBER = r"[~≈]?\s*[-−+]?[$€£]?\d[\d,.]*(?:\s*[%A-Za-zµ×^⁰¹²³⁴⁵⁶⁷⁸⁹]{1,6})?"
_SIDE = rf"(?:{_NUMBER}|{MISSING})"
# "(nan, 4)", "(5, ?)", "[n/a; 3]": a pair with at least one side that says there is no value
HOLE_PAIR_RE = re.compile(rf"[(\[]\s*(?:{MISSING}\s*[,;]\s*{_SIDE}|{_NUMBER}\s*[,;]\s*{MISSING})\s*[)\]]",
                          re.IGNORECASE)
# "x = ?", "y: n/a", "x ≈ unknown"
HOLE_KEY_RE = re.compile(rf"(?<![\w.])[xy]\s*[=:≈]\s*{MISSING}(?=\s*(?:[,;)\].]|$))", re.IGNORECASE | re.MULTILINE)


VALUE_LED_RE = re.compile(r"\s*[~≈]?\s*[-−+]?[$€£]?\d")  # a text that opens with a value ("A100" names a GPU)


def missing(text: str) -> bool:
    """A cell or value that says there is no value: "N/A", "—", "?", "not reported"."""
    return MISSING_RE.fullmatch(text.strip(" *_`()[]")) is not None


def first(text: str) -> Num | None:
    found = lex(text)
    return found[0] if found else None


# "(B)", "(in millions)", "(K tokens)", "(M params)", "(billions of parameters)", "in thousands",
# "(trillion US$, current prices)", "[billion €]", "(k€)"
_UNIT_TAIL = (r"(?:\s+of\s+[^()\[\]]{1,30}|\s+[a-z$€£][\w/.$€£-]*(?:\s+[a-z$€£][\w/.$€£-]*){0,2}|[$€£])?"
              r"(?:\s*[,;][^()\[\]]{0,30})?\s*[)\]]")  # "(B, log scale)": remarks after the magnitude too
# ("(G)" is giga, as in "FLOPs (G)"; "(g)" is grams)
UNIT_RE = re.compile(r"[(\[]\s*(?:in\s+)?(?:(?:USD|US\$|EUR|GBP|[$€£])\s*)?(k|m|b|bn|(?-i:G)|t|thousands?|millions?|"
                     r"billions?|trillions?)" + _UNIT_TAIL + "|"
                     # "(PPP, thousands of int. $)": a magnitude word after other remarks in the bracket
                     # (not a rate's base: "(cases per million)", "(deaths per thousand)")
                     r"[(\[][^()\[\]]{0,30}?[,;\s](?<!\bper\s)(?<!\bper)\s*(?:in\s+)?(thousands?|millions?|billions?|trillions?)"
                     + _UNIT_TAIL + "|"
                     r"\bin\s+(thousands|millions|billions|trillions)\b|"
                     # "(k$/kg)", "($k/kg)", "(M€/yr)": a magnitude glued to a currency, per some unit
                     r"[(\[]\s*(?-i:(k|K|M|B|bn))[$€£](?:/[^()\[\]]{1,12})?\s*[)\]]|"
                     r"[(\[]\s*(?:US)?[$€£]\s*(?-i:(k|K|M|B|bn))(?:/[^()\[\]]{1,12})?\s*[)\]]|"
                     # "(Mops/s)", "(kreq/s)", "[MIOPS]": the magnitude glued to a count per second
                     r"[(\[]\s*(?-i:(k|K|M|G))(?=(?:ops|req|requests|queries|tokens|IOPS|txn|msgs|events|records|rows)"
                     r"\b)", re.IGNORECASE)


# a sentence about the axis that names its magnitude: "The axis is in millions of parameters", "values are
# given in thousands", "measured in billions of tokens", "counted in millions"
SAID_UNIT_RE = re.compile(r"\b(?:(?:is|are)\s+(?:(?:given|shown|expressed|stated|measured|counted|read|plotted)\s+)?|"
                          r"(?:given|shown|expressed|stated|measured|counted|plotted)\s+)"
                          r"in\s+(thousands|millions|billions|trillions)\b", re.IGNORECASE)


def said_unit(clause: str) -> float | None:
    """The magnitude a sentence about an axis states (see SAID_UNIT_RE)."""
    m = SAID_UNIT_RE.search(clause)
    return MAGNITUDE[m.group(1).lower()] if m else None


# "(×10³ USD)", "(x10^3 cycles)", "[× 1e6]": a power of ten the values are counted in
# "(×10³ USD)", "(x1e6)", and without the sign "(10³ km)", "(10^3 km)"
POWER_UNIT_RE = re.compile(r"[(\[]\s*(?:[×x]\s*(?:10\s*(?:\^|\*\*)?\s*(?P<e>[-−]?\d+|[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)|1e(?P<e2>\d+))|"
                           r"10(?:\^|\*\*)(?P<e3>[-−]?\d+)|10(?P<e4>[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))")


@lru_cache(maxsize=256)
def stated_unit(title: str) -> float | None:
    """The multiplier an axis or column title states: "Parameters (B)" -> 1e9, "(in millions)" -> 1e6,
    "(×10³ USD)" -> 1e3."""
    p = POWER_UNIT_RE.search(title) if ("×" in title or "x10" in title or "x 10" in title or "x1e" in title
                                        or "(10" in title or "[10" in title) else None
    if p is not None:
        exp = p.group("e") or p.group("e2") or p.group("e3") or p.group("e4")
        return 10.0 ** int(exp.translate(_SUP).replace("−", "-"))
    m = UNIT_RE.search(title)
    if not m:
        return None
    word = next(g for g in m.groups() if g).lower()
    return MAGNITUDE.get(word) or MAGNITUDE.get(word.rstrip("s"))


TITLE_UNIT_RE = re.compile(r"[(\[](?:[^()\[\]]*?[\s,;])?(?P<unit>" + UNIT_ALTERNATION + r")(?:[\s,;][^()\[\]]*)?[)\]]|"
                           r"\bin\s+(?P<unit2>" + UNIT_ALTERNATION + r")\b")


@lru_cache(maxsize=256)
def title_unit(title: str) -> str | None:
    """The physical unit an axis title states: "Bandwidth (TB/s)" -> "TB/s", "Latency [ms]" -> "ms"."""
    m = TITLE_UNIT_RE.search(title)
    unit = (m.group("unit") or m.group("unit2")) if m else None
    if unit is None and KELVIN_TITLE_RE.search(title):
        return "K"
    return unit if unit in UNITS and unit not in ("x", "×") else None


# "Temperature (K)", "T [K]", "Peak temperature (kelvin)": the K is kelvin, not thousands
KELVIN_TITLE_RE = re.compile(r"(?i:\btemp(?:erature)?\b|^T\b).*[(\[]\s*(?:K|(?i:kelvin))\s*[)\]]")


def convert(value: float, unit: str | None, to: str | None) -> float | None:
    """value in `unit` expressed in `to` ("900", "GB/s", "TB/s" -> 0.9); None when no conversion applies."""
    if unit in KELVIN_OFFSETS and to in KELVIN_OFFSETS and unit != to:  # 100 °C = 373.15 K
        kelvin = value * UNITS.get(unit, ("", 1.0))[1] + KELVIN_OFFSETS[unit]
        return float(f"{(kelvin - KELVIN_OFFSETS[to]) / UNITS.get(to, ('', 1.0))[1]:.12g}")
    if not unit or not to or unit == to or unit not in UNITS or to not in UNITS:
        return None
    (dim, f), (dim_to, f_to) = UNITS[unit], UNITS[to]
    # to 12 significant digits: "3.1 mS/cm" is 0.0031 S/cm, not 0.0031000000000000003
    return float(f"{value * f / f_to:.12g}") if dim == dim_to and f != f_to else None
