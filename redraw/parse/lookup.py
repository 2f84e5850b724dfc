"""What the rules ask of the facts found so far: the legend group a text names or a style fits, and
which axis a key or a number belongs to. Rules share these helpers instead of importing each other."""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from .document import Block
from .facts import GroupFact, PointFact
from .state import ParseState
from .text import abbreviates, overlap, shares_word, split_top, strip_marks, whole_words
from .values import Num, stated_unit, title_unit
from .vocab import (
    EXCEPTION_RE,
    UNITS,
    find_colors,
    find_markers,
    first_color,
    first_marker,
    is_style_only,
    leading_symbols,
    same_color,
)


def group_named(state: ParseState, text: str) -> GroupFact | None:
    """The legend group whose name `text` mentions (longest name first)."""
    low = text.casefold()
    for g in sorted(state.groups, key=lambda g: -len(g.name)):
        if g.name.casefold() in low and whole_words(g.name).search(low):
            return g
    # one or many: "— Center" names "centers", "Guard" names "Guards"
    spelled = _spelled(text)
    return next((g for g in sorted(state.groups, key=lambda g: -len(g.name)) if _spelled(g.name) in spelled), None)


# words a group's name shares with many others: "Open models" is named by "open", not by "models"
_GENERIC_WORDS = frozenset((
    "model", "models", "method", "methods", "system", "systems", "approach", "approaches", "variant",
    "variants", "family", "families", "series", "serie", "point", "points", "the", "of", "and", "a", "an",
    "baseline", "baselines", "group", "groups", "category", "categories", "class", "classes", "type", "types",
    "our", "ours",  # "LightServe (ours)" is named by "LightServe"
    "unit", "units", "sample", "samples", "entry", "entries", "item", "items", "run", "runs",  # "air-source units"
))
_WORD_RE = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1024)
def _spelled(name: str) -> str:
    """A group name as group_mentioned compares it: " baseline " for "Baselines"."""
    return " " + " ".join(_singular(w) for w in _WORD_RE.findall(name.casefold())) + " "


def _singular(word: str) -> str:
    """"baselines" ~ "baseline", "CNNs" ~ "cnn", "policies" ~ "policy"; short words ("gas", "vs") stay."""
    if len(word) > 4 and word.endswith("ies") and word not in ("series", "species"):
        return word[:-3] + "y"
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def same_group(a: str, b: str) -> bool:
    """Two names of one category: "Dense" and "Dense models", "air-source" and "Air-source units" (the same
    distinctive words, and some)."""
    da, db = _distinctive(a), _distinctive(b)
    return bool(da) and da == db


@lru_cache(maxsize=1024)
def _distinctive(name: str) -> frozenset[str]:
    """The words of a group name that set it apart; none for "Series A" (named only in full)."""
    return frozenset(_singular(w) for w in _WORD_RE.findall(name.casefold())) - _GENERIC_WORDS


# a word made from a place name ("African", "European", "Japanese") also names the place, for matching
_DEMONYM_ENDS = ("n", "an", "ese", "ern")  # "Eastern" names the East


_ACRONYM_RE = re.compile(r"\b[A-Z][A-Z0-9]+\b")
_QUALIFIER_RE = re.compile(r"\s*[(\[][^()\[\]]+[)\]]$")


@lru_cache(maxsize=1024)
def _bare(name: str) -> str | None:
    """A group name without the bracket that qualifies it ("Conventional (BCS)" -> "Conventional", "Gas giants
    (>6 R⊕)"), which the text may leave out when it speaks of the group; None when it has none."""
    bare = _QUALIFIER_RE.sub("", name)
    return bare if bare != name and bare.strip() else None


_DESIGNATOR = r"\s+([A-Z]|\d{1,3}|[IVX]{1,4})\b"  # the letter, number or numeral that tells siblings apart
_DESIGNATED_RE = re.compile(r"\b([A-Za-z]{3,})" + _DESIGNATOR)


def _other_designator(name: str, text: str) -> bool:
    """The text names a sibling of the group, the same noun with another letter or number: "Trench B —
    slate-blue squares" is not the group "Trench A", "Site 2" not "Site 1"."""
    if (m := _DESIGNATED_RE.search(name)) is None:
        return False
    # (read without case, compared without case: "trench a" is "Trench A")
    said = {d.group(1).casefold() for d in re.finditer(r"\b" + re.escape(m.group(1)) + _DESIGNATOR, text,
                                                        re.IGNORECASE)}
    return bool(said) and m.group(2).casefold() not in said


def group_mentioned(state: ParseState, text: str) -> GroupFact | None:
    """The one legend group `text` refers to, by its whole name or by the words that set it apart
    ("(Open)", "fitted to the open models" -> "Open models"). None when it names several ("Scaling of
    open and closed models") or none."""
    if not state.groups:
        return None
    low = text.casefold()
    base = {_singular(w) for w in _WORD_RE.findall(low)}
    words = base | {w[: -len(end)] for w in base if len(w) >= 5 for end in _DEMONYM_ENDS if w.endswith(end)}
    plain = " " + " ".join(_singular(w) for w in _WORD_RE.findall(low)) + " "
    hits = [g for g in state.groups
            if ((_distinctive(g.name) and _distinctive(g.name) <= words) or _spelled(g.name) in plain)
            and not _other_designator(g.name, text)]
    if not hits:  # "Among the conventional superconductors" -> "Conventional (BCS)", the one group so named
        bares = [(g, _distinctive(b)) for g in state.groups if (b := _bare(g.name)) is not None and _distinctive(b)]
        found = [(g, d) for g, d in bares if d <= words and sum(d == e for _, e in bares) == 1]
        # ("Cohort B (■)" holds the words of "Cohort A" too, bar the letter: the name that says more is meant)
        hits = [g for g, d in found if not any(d < e for _, e in found)]
    if not hits and len(state.groups) >= 2:
        # "the blue European points" -> "European cities" beside "Asian cities": a word every group's name holds
        # sets none apart
        shared = frozenset(_distinctive(state.groups[0].name)).intersection(
            *(_distinctive(g.name) for g in state.groups[1:]))
        apart = [(g, _distinctive(g.name) - shared) for g in state.groups] if shared else []
        hits = [g for g, d in apart if d and d <= words]
    if not hits:  # "the seven Series A compounds" -> "Series A (quinazolines)": the bare name as written
        hits = [g for g in state.groups if (b := _bare(g.name)) is not None and len(b) >= 3
                and re.search(r"(?<!\w)" + re.escape(b) + r"(?!\w)", text) is not None]
    names = {g.name for g in hits}
    if len(names) == 1:
        return hits[0]
    if not hits:  # "the three diffusion-solver points" -> "Diffusion + ODE solver": most of its own words
        # ... unless the text names something else: "Green triangles — AWQ 4-bit" is not "GPTQ 4-bit"
        acronyms = {w.casefold() for w in _ACRONYM_RE.findall(text)}
        near = [g for g in state.groups if len(_distinctive(g.name)) >= 3
                and 3 * len(_distinctive(g.name) & words) >= 2 * len(_distinctive(g.name))
                and acronyms <= _distinctive(g.name)]
        if not near and 0 < len(words - _GENERIC_WORDS) <= 2:
            # a short tag ("Training", "Held-out") that is part of one group's name ("Training-set mutants"), by
            # its words as written ("replication" in "Registered replications": no demonym of anything)
            near = [g for g in state.groups if base - _GENERIC_WORDS <= _distinctive(g.name)]
        return near[0] if len(near) == 1 else None
    # "Open-Weights & Open-Data" also holds every word of "Open-Weights": the longer name is meant
    longest = max(hits, key=lambda g: len(_distinctive(g.name)), default=None)
    # (a group named only by generic words, "Baseline models", is contained in none)
    if longest is not None and all(_distinctive(g.name) and _distinctive(g.name) <= _distinctive(longest.name)
                                   for g in hits) \
            and sum(_distinctive(g.name) == _distinctive(longest.name) for g in hits) == 1:
        return longest
    return None


def group_by_initial(state: ParseState, value: str) -> GroupFact | None:
    """A code of one or two letters that only one legend group's name starts with ("F" for "Female" beside
    "Male", "RF" for "Rainfed" beside "Irrigated")."""
    value = value.strip()
    if not (1 <= len(value) <= 2 and value.isalpha() and value.isupper()):
        return None
    hits = [g for g in state.groups if g.name[: len(value)].upper() == value]
    return hits[0] if len(hits) == 1 else None


def group_by_family(state: ParseState, label: str) -> GroupFact | None:
    """"The two Brevity models are red stars" holds Brevity-1.5B and Brevity-7B: the single group whose one
    distinctive word begins the label as a family name ("Llama models" -> "Llama-3-8B", "Llama 2 70B")."""
    low = label.casefold()
    # (a name of two letters only before a setting or a number: "xz -6", "GE 1.5sle", not "US Steel")
    whole = [g for g in state.groups if low.startswith(g.name.casefold()) and low[len(g.name):][:1] in ("-", "_", " ")
             and len(low) > len(g.name) + 1 and (len(g.name) >= 3 or (
                 len(g.name) == 2 and _SETTING_AFTER_RE.match(low, len(g.name)) is not None))]
    if whole:  # "Ember-1B-250B" under a legend of "Ember-1B" and "Ember-7B": the longest name it starts with
        return max(whole, key=lambda g: len(g.name))
    # "IR-100" under "Immediate release (IR)", "NX-212/100" under "NX-212 nanoparticle (this study)": the
    # group's acronym, or its first word when that is a code, begins the label
    tagged = [g for g in state.groups if any(low.startswith(t) and low[len(t):][:1] in ("-", "_", "/", " ")
                                             and len(low) > len(t) + 1 for t in _family_tags(g.name))]
    if len(tagged) == 1:
        return tagged[0]
    head = _HEAD_RE.match(low)  # "VAG-A" under a legend of "vaginal": the head abbreviates the family
    hits = [g for g in state.groups if len(words := _distinctive(g.name)) == 1
            and len(word := next(iter(words))) >= 3 and (
                (len(low) > len(word) and low.startswith(word) and not low[len(word):][:1].isalpha())
                # or ends it, after a space: "AFR 2015" under a legend of "2015" and "2023"
                or (len(low) > len(word) and low.endswith(word) and low[-len(word) - 1] == " ")
                or (head is not None and len(head.group(1)) >= 3 and word.startswith(head.group(1))))]
    if not hits:
        # "Conformer-S" under "Conformer transducers", "Mamba 2.8B" under "Mamba variants": the family's first
        # word, a distinctive one, begins the label
        hits = [g for g in state.groups if len(g.name.split()) > 1
                and len(first := _singular(g.name.split()[0].casefold())) >= 4
                and (first in _distinctive(g.name) or _SIZE_WORD_RE.fullmatch(first) is not None)
                and len(low) > len(first) + 1 and low.startswith(first)
                and (low[len(first)] in "-_" or (low[len(first)] == " " and low[len(first) + 1].isdigit()))]
        # (not "South Africa" under "South Asia": a word after a space is another name's, a code or size is not)
        # ("1.3B-20B" under "1.3B params": a size, though its point splits it for the words that set names apart)
    return hits[0] if len(hits) == 1 else None


_SETTING_AFTER_RE = re.compile(r"[-_ ]+-?\d")
_HEAD_RE = re.compile(r"([^\W\d_]+)[-_ ]")
_ONE_WORD_TAIL_RE = re.compile(r"(?:(?P<before>[A-Za-z][\w.+-]*)|[^()]*?)\s*"
                               r"\((?:(?P<inside>[A-Za-z][\w.+-]{1,19})|[^()]*)\)")
_ACRONYM_TAG_RE = re.compile(r"\(([A-Z][A-Z0-9]{1,5})\)")
_CODE_WORD_RE = re.compile(r"^[A-Za-z]+[-_]?\d[\w-]*$|^[A-Z]{2,}[-_][\w-]+$")  # "NX-212", "GPT-4", "TL-X"


_SIZE_WORD_RE = re.compile(r"\d+\.\d+[kmbt]")


def _family_tags(name: str) -> list[str]:
    """A group's acronym in brackets ("Immediate release (IR)" -> "ir") and its first word when that is a code
    ("NX-212 nanoparticle" -> "nx-212"), lower case."""
    tags = [m.group(1).casefold() for m in _ACRONYM_TAG_RE.finditer(name)]
    first = name.split()[0] if name.split() else ""
    if len(name.split()) > 1 and _CODE_WORD_RE.match(first):
        tags.append(first.casefold())
    # the one word in brackets ("Comparator (semaglutide)", "Investigational (XR-411)") or before them
    # ("TokenCrush (proposed)"): the family's name the labels begin with
    if (tail := _ONE_WORD_TAIL_RE.fullmatch(name)) is not None:
        tags += [w.casefold() for w in (tail.group("inside"), tail.group("before")) if w and len(w) >= 3]
    return tags


# a span of years as a group's name, alone or among words: "2000–2019", "years 2010 to 2019", "2010-19 seasons"
_YEAR_SPAN_RE = re.compile(r"(?<![\d.])((?:1[5-9]|20)\d\d)\s*(?:[–—-]|to|through)\s*((?:1[5-9]|20)\d\d|\d\d)(?![\d.])")


def group_by_year(state: ParseState, label: str) -> GroupFact | None:
    """"2009" under a legend "navy circles for 2000–2019" (or "... the 2000s"): the single group whose span of
    years holds it."""
    if not (len(label) == 4 and label.isdigit()):
        return None
    year = int(label)
    hits = [g for g in state.groups if ((m := _YEAR_SPAN_RE.search(g.name))
                                        and int(m.group(1)) <= year <= _span_end(m.group(1), m.group(2)))
            or ((d := _DECADE_RE.search(g.name)) and int(d.group(1)) == year // 10)]
    return hits[0] if len(hits) == 1 else None


_DECADE_RE = re.compile(r"(?<![\d.])((?:1[5-9]|20)\d)0s\b")  # "the 2010s", "1990s"


def _span_end(start: str, end: str) -> int:
    """The last year of a span, its century from the first where it is written short ("2010-19")."""
    return int(start[:2] + end) if len(end) == 2 else int(end)


def group_by_style(state: ParseState, color: str | None, marker: str | None) -> GroupFact | None:
    """The single legend group whose colour and marker agree with a point's."""
    hits = [g for g in state.groups
            if (color is None or g.color is None or (same_color(g.color, color) and not _other_term(g.color, color)))
            and (marker is None or g.marker is None or g.marker == marker)
            and ((g.color is not None and color is not None) or (g.marker is not None and marker is not None))]
    if len(hits) > 1 and color is not None:  # "dark red" is one group's colour exactly, "pink" only its family's
        hits = [g for g in hits if g.color is not None and g.color.lower() == color.lower()] or hits
    # (one group stated twice, "red for up-regulated" and the key's "Up" (red), is still one)
    return hits[0] if len({g.name for g in hits}) == 1 else None


# the basic colour terms: two of them name two categories even where their hues are near ("brown" and "red")
_BASIC_TERMS = ("red", "brown", "orange", "yellow", "green", "blue", "purple", "pink", "gray", "grey", "black",
                "white")
_SHADE_RE = re.compile(r"^(?:dark|light|pale|deep|bright|medium)\s*")


def _other_term(a: str, b: str) -> bool:
    """The two colours are written as different basic terms ("red" and "brown", "pink" and "red"); "dark red"
    and "red", "darkblue" and "blue" are one."""
    ta, tb = _SHADE_RE.sub("", a.lower()), _SHADE_RE.sub("", b.lower())
    return ta in _BASIC_TERMS and tb in _BASIC_TERMS and ta != tb and {ta, tb} != {"gray", "grey"}


def has_style(text: str) -> bool:
    return bool(find_colors(text) or find_markers(text))


def assign_axes(state: ParseState, text: str, nums: list[Num]) -> tuple[Num, Num]:
    """x and y by the words next to each number ("96K examples", "accuracy of 54.9%", "batch size 8"),
    else in the order written."""
    a, b = nums
    swapped = _fits(state, text, nums, 0, "y") + _fits(state, text, nums, 1, "x")
    kept = _fits(state, text, nums, 0, "x") + _fits(state, text, nums, 1, "y")
    if swapped == kept:  # no word tells: "VQGAN is at 3 × 10⁴ with 15.8" on a 10³–10⁶ x axis and a 0–30 y axis
        swapped, kept = _in_range(state, "y", a) + _in_range(state, "x", b), \
            _in_range(state, "x", a) + _in_range(state, "y", b)
        if not (swapped == 2 and kept == 0):  # only where one order fits both stated ranges and the other neither
            return a, b
    return (b, a) if swapped > kept else (a, b)


def keyed_apart(state: ParseState, text: str, nums: list[Num]) -> bool:
    """Each of the two numbers is said of an axis of its own ("a median price of $230k against $67k of income"):
    two coordinates, not one measure of two things ("17.9% vs. 14.6% volatility")."""
    scores = [(_fits(state, text, nums, k, "x"), _fits(state, text, nums, k, "y")) for k in (0, 1)]
    return all(x != y for x, y in scores) and (scores[0][0] > scores[0][1]) != (scores[1][0] > scores[1][1])


def _fits(state: ParseState, text: str, nums: list[Num], k: int, axis: str) -> int:
    """How well the words, unit and magnitude of the k-th number fit the axis: 0 when nothing tells."""
    n = nums[k]
    label = state.axes[axis].title
    after_text = text[n.end: nums[k + 1].start if k + 1 < len(nums) else len(text)]
    before_text = text[nums[k - 1].end if k > 0 else 0: n.start]
    if (named := VALUE_ON_AXIS_RE.match(after_text)) is not None:  # "8.5k on the x-axis and 0.962 on the y-axis"
        return 8 if (named.group("x") is not None) == (axis == "x") else 0
    # "Score: 75, Cost: $0.25", "K_M ≈ 90 µM; k_cat/K_M ≈ 1.6 × 10⁸": a key before the value decides
    if _KEYED_RE.search(before_text) or (n.text[:1] in "≈~" and _KEY_END_RE.search(before_text)):
        key = re.split(r"[,;(]", before_text.rstrip(" :=~≈$€£"))[-1]  # "~300B tokens, score ~41.2": "score"
        key = " ".join(key.split()[-3:])
        return 3 * (overlap(key, label) + abbreviates(key, label)) + (
            2 if n.percent and "%" in label else 0)
    # the words right after a value name its axis, up to a comma or the next value's key ("554M params, FID 4.59")
    after = [] if ":" in after_text or "=" in after_text else re.split(r"[,;]", after_text)[0].split()
    # (past a unit to its "of": "0.8 mg/L of nitrate and 10.6 mg/L of oxygen", "12 GB of memory")
    after = after[after.index("of") + 1:][:2] if "of" in after[:2] else after[:2]
    before = before_text.split()[-3:]
    score = 2 * overlap(" ".join(after), label) + overlap(" ".join(before), label) + abbreviates(
        " ".join(before[-1:] + after[:1]), label)  # "WER 7.9, TPS 120" on "Tokens per second"
    if n.unit and _same_dimension(n.unit, label):  # "150 minutes" on "Tuning time (min)", "2.3×" on "(×)"
        score += 4 if n.unit == title_unit(label) else 3  # (kg/ha and t/ha are one dimension: as written wins)
    if n.mult is not None and n.mult == stated_unit(label):  # "100B" on "Parameters (B)"
        score += 2
    elif n.mult is not None and stated_unit(label) is not None:  # "300B" on "Tokens (T)": a count all the same
        score += 1
    if n.percent and "%" in label:
        score += 2
    if n.text[:2].lstrip("~≈∼")[:1] in "$€£" and _counts_money(state, axis):  # "$0.05" on "Cost (USD)"
        score += 3
    return score


# a value's axis named right after it: "8.5k on the x-axis", "0.962 QPS along the vertical axis"
VALUE_ON_AXIS_RE = re.compile(r"\s?[^\s\d]{0,6}\s+(?:on|along|up)\s+the\s+"
                              r"(?:(?P<x>x|horizontal)|y|vertical)[\s-]*axis\b", re.IGNORECASE)


def _in_range(state: ParseState, which: str, n: Num) -> int:
    """1 when n lies in the stated range of the axis (its limits, else its ticks), with slack; 0 otherwise
    or when nothing is stated."""
    fact = state.axes[which]
    ends = [fact.lo, fact.hi] if fact.lo is not None and fact.hi is not None else \
        [min(fact.ticks, key=lambda t: t.value), max(fact.ticks, key=lambda t: t.value)] if len(fact.ticks) >= 2 else []
    if not ends:
        return 0
    unit = fact.unit or stated_unit(fact.title)
    lo, hi = sorted(e.scaled(unit) for e in ends)
    v = n.scaled(unit)
    if fact.scale == "log" and lo > 0:
        return int(lo / 3 <= v <= hi * 3)
    slack = 0.15 * (hi - lo)
    return int(lo - slack <= v <= hi + slack)


def outside_range(state: ParseState, which: str, n: Num) -> bool:
    """n lies outside the stated range of the axis, with slack; False when nothing is stated."""
    fact = state.axes[which]
    stated = (fact.lo is not None and fact.hi is not None) or len(fact.ticks) >= 2
    return stated and not _in_range(state, which, n)


def _same_dimension(unit: str, title: str) -> bool:
    to = title_unit(title)
    if to is None:
        return unit in ("x", "×") and bool(re.search(r"×|\bspeed-?up|\(x\)", title, re.IGNORECASE))
    return unit == to or UNITS.get(unit, ("", 0))[0] == UNITS.get(to, ("?", 0))[0]


def _counts_money(state: ParseState, axis: str) -> bool:
    fact = state.axes[axis]
    return bool(_MONEY_RE.search(fact.title)) or any(t.text[:1] in "$€£" for t in fact.ticks)


_MONEY_RE = re.compile(r"[$€£]|\b(?:USD|EUR|GBP|dollars?|euros?|cost|price)\b", re.IGNORECASE)
# (a key may be a Greek symbol: "κ = 0.41")
_KEYED_RE = re.compile(r"(?:[^\W\d_]|[%)\]])\s*[:=]\s*[~≈]?\s*[$€£]?\s*$")
_KEY_END_RE = re.compile(r"(?:[^\W\d_]|[%)\]])\s*$")
# "x", "X value", "x-axis", "X-axis value", "y coordinate"
AXIS_LETTER_RE = re.compile(r"^(?P<axis>[xy])(?:[\s_-]*axis)?(?:[\s_-]*(?:value|val|coord\w*|position|pos))?$",
                            re.IGNORECASE)


def axis_of_key(state: ParseState, key: str) -> str | None:
    """The axis a key names: "x", "X value", or the axis title's words and symbols ("GFLOPs", "GLUE",
    "Accuracy", "τ", "speedup", "HR" of "Hazard ratio"); None when it names neither or both equally."""
    key = key.strip(" *_:.`\"'")
    m = AXIS_LETTER_RE.match(key)
    if m:
        return m.group("axis").lower()
    if not key or len(key) > 60:
        return None
    scores = {}
    # "VO2max" names "VO₂max (ml/kg/min)"; "ΔSBP" names "Change in systolic BP"
    key = key.translate(_SUBSCRIPT_DIGITS).replace("Δ", "change ")
    for axis in ("x", "y"):
        label = state.axes[axis].title.translate(_SUBSCRIPT_DIGITS).replace("Δ", "change ")
        # (a config's key in lower case spells its title's initials too: "qps" of "Queries per second")
        short = key.upper() if key.isalpha() and key.islower() and 2 <= len(key) <= 4 else key
        score = 2 * (overlap(key, label) + abbreviates(short, label))
        low_key, low_label = key.casefold(), label.casefold()
        if low_label and low_key and (low_key in low_label or low_label in low_key):
            score += 3
        scores[axis] = score
    if scores["x"] == scores["y"]:
        return None
    best = max(scores, key=lambda a: scores[a])
    return best if scores[best] > 0 else None


_VALUE_KEY_RE = re.compile(r"(?:^|[,;(:]\s*)(?P<key>[A-Za-z][A-Za-z ]{0,24}?)\s*(?:=|:)?\s*[~≈]?\s*$")


def keyed_off_axes(state: ParseState, text: str, nums: list[Num]) -> bool:
    """Each number follows a key of its own in its clause ("batch size 1", "k = 10") and no key names an axis,
    while both axes have titles: the line states settings, not where a point lies."""
    if not (state.axes["x"].title and state.axes["y"].title):
        return False
    keys = [m.group("key").strip() if (m := _VALUE_KEY_RE.search(text, max(0, n.start - 80), n.start)) else ""
            for n in nums]
    return all(keys) and all(axis_of_key(state, k) is None for k in keys) and \
        any(text[: n.start].rstrip().endswith(("=", ":")) for n in nums)


_SUBSCRIPT_DIGITS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
SERIES_POINT_RE = re.compile(r"^(?:an?\s+|one\s+)?(?:extra|additional|further|another|more|last|final|single|lone|"
                             r"fifth|sixth|seventh)\s+(?P<group>[\w -]{2,30}?)\s+(?:point|marker|dot|circle|square|"
                             r"triangle)\b", re.IGNORECASE)


def series_point(state: ParseState, text: str) -> tuple[GroupFact, int] | None:
    """"Extra maize point at ...", "another wheat marker": the legend series of one more unnamed point, and
    where the text after those words starts."""
    m = SERIES_POINT_RE.match(text) if state.groups else None
    group = group_mentioned(state, m.group("group")) if m else None
    return (group, m.end()) if group is not None and m is not None else None


GENERIC_SERIES_RE = re.compile(r"^(?:the\s+)?(?:other\s+)?(?:data\s+)?(?:models?|points?|data|series|markers?|"
                               r"dots?|entries|results?)$", re.IGNORECASE)
SERIES_PAREN_RE = re.compile(r"^(?P<a>(?:[^()]|\([^()]*\))+?)\s*\((?P<b>[^()]+)\)$")  # "Ours (3-bit) (red stars)"
SERIES_DASH_RE = re.compile(r"^(?P<a>.+?)\s+[—–·|-]\s+(?P<b>.+)$")  # also "Romance · orange squares"


SERIES_NUMBER_RE = re.compile(r"^(?:series|group|set|cohort|class)\s+\w{1,3}\s*[—–:-]\s*(?=\S)", re.IGNORECASE)
SERIES_COLON_RE = re.compile(r"^(?P<name>[^:]{1,40}):\s*(?P<style>[^:]{2,60})$")


def series_header(state: ParseState, header: str, line: int) -> GroupFact | None:
    """A header that names a series and its style: "Zero-shot (blue circles)", "Red stars — Ours": a new
    legend group (added to the state) or None."""
    found = None  # "Zero-shot (blue circles)"; "Red stars — TernaryQ 3-bit (ours)" holds a bracket too
    keyed = SERIES_COLON_RE.match(header)  # "Pure metals: grey filled circles (●)"
    if keyed and is_style_only(keyed.group("style").replace("(", " ").replace(")", " ")) \
            and not is_style_only(keyed.group("name")):
        found = keyed.group("name").strip(), keyed.group("style")
    elif keyed and is_style_only(leading_symbols(strip_marks(keyed.group("name")))[0]) \
            and not is_style_only(keyed.group("style")):
        found = keyed.group("style").strip(), keyed.group("name")  # "● Blue circles: Superconducting transmon"
    for m in ((SERIES_PAREN_RE.match(header) if header.endswith(")") else None),
              (SERIES_DASH_RE.match(header) if any(c in header for c in "-—–·|") else None)):
        if m is None or found:
            continue
        a, b = m.group("a").strip(), m.group("b").strip()
        if is_style_only(b) and not is_style_only(a):
            found = a, b
        elif is_style_only(a) and not is_style_only(b):
            found = b, a
        if found:
            break
    if found is None:
        return None
    name, style = found
    name, glyphs = leading_symbols(strip_marks(name))  # "× Ablations — gray": the glyph is the marker
    name = SERIES_NUMBER_RE.sub("", name)  # "## Series 1 — Full fine-tuning (blue circles)": the series' name
    if not name or GENERIC_SERIES_RE.match(name) or len(name.split()) > 6:
        return None
    fact = GroupFact(name, first_color(style), first_marker(style) or first_marker(glyphs), line)
    # a key of names only, 'Legend: "Base", "Instruct"', then "#### Instruction-tuned checkpoints (orange squares)":
    # the key's entry of that name, its look now given
    bare = next((g for g in state.groups if g.color is None and g.marker is None
                 and shares_word(g.name.split()[0], name.split()[0])), None)  # (the first words: not "models")
    if bare is not None:
        bare.color, bare.marker = fact.color, fact.marker
        return bare
    same = group_by_style(state, fact.color, fact.marker)
    if same is not None and SequenceMatcher(None, same.name.casefold(), name.casefold()).ratio() >= 0.8:
        return same  # "Carnivors (black triangles)" under a legend "black triangle = Carnivores": a typo
    state.groups.append(fact)
    return fact


# a section header about our model ("### Ours (red star)", "**Proposed method**") highlights its points; a header
# about a line ("**Trend line**") styles no point
SECTION_OURS_RE = re.compile(r"\bours\b|\bour (?:own )?(?:model|method|approach|system|work|result)s?\b|\bproposed\b|"
                             r"\bhighlighted\b|\bemphasi[sz]ed\b|\bthis (?:work|paper)\b", re.IGNORECASE)
_LINE_HEADER_RE = re.compile(r"\bline\b|\btrend\b", re.IGNORECASE)


_BRACKET_HEAD_RE = re.compile(r"\(([^()]*?)\s*[,;)]")


def _header_bracket_style(header: str) -> str:
    """The style a long header states up front in a bracket: "Points (orange circles, each labelled with the
    station name), latitude then trend" -> "orange circles"; "" when it states none so."""
    found = next((m.group(1) for m in _BRACKET_HEAD_RE.finditer(header) if is_style_only(m.group(1))), "")
    # or in a counted opening clause: "Eight black circles, one per model size (batch size 64, FP16, ...):"
    if not found and (counted := _COUNTED_STYLE_HEAD_RE.match(header)) and is_style_only(counted.group("style")):
        found = counted.group("style")
    return found


_COUNTED_STYLE_HEAD_RE = re.compile(r"^(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
                                    r"(?P<style>[a-z][a-z -]{2,40}?)\s*[,:;(]", re.IGNORECASE)
_CHART_NAME_RE = re.compile(r"\b(?:vs\.?|versus)\s|\bscatter[\s-]*(?:plot|chart|graph)\b", re.IGNORECASE)


_REMARKED_HEAD_RE = re.compile(r"(?P<head>[^:—–]{1,60}?)\s*(?::|\s[—–])\s+\S")


def header_head(header: str) -> str:
    """A header's words before its first colon or dash, when a remark follows them ("Open models: all above the
    fitted line", "Open models — all above the fitted line:" -> "Open models"); the whole header otherwise."""
    m = _REMARKED_HEAD_RE.match(header)
    return m.group("head") if m else header


def apply_context(state: ParseState, block: Block, point: PointFact) -> None:
    """Section headers style their points: '**Models (Blue Points):**', '### Blue circles — LLaVA family'."""
    cached = state.context_cache.get(block.context)
    if cached is None:
        probe = PointFact("", point.x, point.y, 0)
        _read_context(state, block, probe)
        cached = state.context_cache[block.context] = (probe.ctx_color, probe.ctx_marker, probe.ctx_group,
                                                       probe.ctx_ours)
    point.ctx_color, point.ctx_marker, point.ctx_group, point.ctx_ours = cached


# a heading that is the key itself, "## Legend: ● blue = Open | ▲ orange = Closed | ★ red = Ours": its entries are
# no style, group or highlight of the section under it
_KEY_HEADING_RE = re.compile(r"^(?:the\s+)?(?:legend|key)\b[^:]{0,40}:\s*\S", re.IGNORECASE)


def _read_context(state: ParseState, block: Block, point: PointFact) -> None:
    for ctx in reversed(block.context):
        here: tuple[str | None, str | None] = (None, None)  # the look this header gives
        if _KEY_HEADING_RE.match(ctx):
            continue
        if _LINE_HEADER_RE.search(ctx):
            # "YOLOv8 — blue circles, dashed blue least-squares line through its five points": the series is
            # styled before its line is
            kept = ", ".join(p for p in split_top(ctx, ",;") if not _LINE_HEADER_RE.search(p))
            # or its head names it before a remark: "MoE (▲): All three MoE points lie above the dense trend line."
            if (not kept or len(split_top(kept, ",;")) > 2) and \
                    ((kept := header_head(ctx)) == ctx or _LINE_HEADER_RE.search(kept)):
                continue
            ctx = kept
        if point.ctx_color is None and point.ctx_marker is None and not _CHART_NAME_RE.search(ctx):
            # (not the chart's own name: "Coral Bleaching vs. Accumulated Heat Stress" colours nothing coral)
            style = ctx if len(ctx) < 80 else _header_bracket_style(ctx)
            for g in state.groups:  # "Red Sea (teal circles)": the colour word of a name styles nothing
                if g.name in style and (first_color(g.name) or first_marker(g.name)):
                    style = style.replace(g.name, " ")
            color, marker = first_color(style), first_marker(style)
            if color or marker:
                point.ctx_color, point.ctx_marker = color, marker
                here = color, marker
        if point.ctx_group is None and not _CHART_NAME_RE.search(ctx):
            # (not the chart's own name: "Scatter Plot: AlpacaEval Win-Rate vs. Fine-Tuning Cost" is no
            # "full fine-tuning" section)
            group = group_mentioned(state, ctx) or series_header(state, ctx, block.line)
            if group is not None:
                point.ctx_group = group.name
                if group.color is None and group.marker is None:
                    # a key of names only ("Legend: West, Northeast, ..."), the look in the heading ("#### West
                    # (orange)"): the group's look
                    group.color, group.marker = here
        if SECTION_OURS_RE.search(EXCEPTION_RE.split(ctx, 1)[0]):
            # (not a header's exception: "All points are dark blue dots, except one model that is highlighted")
            point.ctx_ours = True


PAIR_ORDER_RE = re.compile(r"(?=[aiofglwrAIOFGLWR])\b(?:as|is|are|in\s+the\s+form|format|order|given|listed|written|"
                           r"reads?)\s*:?\s*[*_`]*"
                           r"[(\[]\s*(?P<a>[^\W\d][^(),;\[\]\d]{0,30}?)\s*,\s*(?P<b>[^\W\d][^(),;\[\]\d]{0,30}?)\s*[)\]]",
                           re.IGNORECASE)


# "listed as species count first, then area", "race time before VO2max", "cost, then grade"
# ("listed radius first and period second")
ORDER_WORDS_RE = re.compile(r"(?=[aiglwoAIGLWO])\b(?:(?:is|are)\s+(?:listed|written|given|ordered)|as|is|are|gives?|"
                            r"lists?|listed|written|ordered)\s+(?:the\s+)?"
                            r"(?P<a>[^\W\d][^,;:()\d]{0,30}?)\s+(?:first,?\s+(?:and\s+)?then|before|followed\s+by|"
                            r"first,?\s+and)\s+(?:the\s+)?(?P<b>[^\W\d][^,;:()\d]{0,30}?)(?:\s+second)?\s*(?=[):;.,]|$)",
                            re.IGNORECASE | re.MULTILINE)


def declared_y_first(state: ParseState) -> re.Match[str] | None:
    """Where the text says its pairs or columns put the vertical value first ("written as (goals, xG)", "listed
    radius first and period second" with radius the y axis's title): the statement; None when none does."""
    return next((m for pattern in (PAIR_ORDER_RE, ORDER_WORDS_RE) for m in pattern.finditer(state.doc.text)
                 if _y_first(state, m.group("a"), m.group("b"))), None)


def _y_first(state: ParseState, a: str, b: str) -> bool:
    """The pair (a, b) puts y first: a names the y axis and b not, or b names the x axis and a not ("(cost,
    grade)" where only "grade" is a word of an axis title, the x axis's)."""
    first, second = axis_of_key(state, a), axis_of_key(state, b)
    return (first == "y" and second != "y") or (second == "x" and first != "x")
