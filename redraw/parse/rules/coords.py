"""Coordinates inside a point's text: "(3, 35.5)", "[~2.8, ~51.0]", "x ≈ 8, y ≈ 83.9",
"(2.7B parameters, 36 performance)"."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import split_top
from ..values import Num, lex, span_middle
from ..vocab import is_style_only

XY_RE = re.compile(r"(?=[xy])(?<![\w])(?P<axis>[xy])\s*(?:=|≈|:|~|is|of)\s*", re.IGNORECASE)
BETWEEN_RE = re.compile(r"between\s+(?P<a>\S+)\s+and\s+(?P<b>\S+)", re.IGNORECASE)
BRACKET_RE = re.compile(r"[(\[]([^()\[\]]*)[)\]]")
EXAMPLES_RE = re.compile(r"^\s*(?:e\.\s?g\.?|i\.\s?e\.?|eg\b|such as|like|including|incl\.)", re.IGNORECASE)
LEAD_WORDS_RE = re.compile(r"^(?:approx(?:imately|\.)?|about|around|roughly|circa|ca\.|nearly|~|≈|at|x|y|[=:])\s*",
                           re.IGNORECASE)


@dataclass
class Coords:
    x: Num
    y: Num
    start: int
    end: int
    note: str | None = None       # a guess the reader should know about


def find_coords(text: str) -> Coords | None:
    """The first coordinate pair in text, or None."""
    return _assigned(text) or _bracketed(text)


def find_pair(value: str) -> Coords | None:
    """A value that is a pair, with or without its brackets: "(34, 91)", "~1.3, 41.5", "x=3, y=4"."""
    return find_coords(value) or find_coords(f"({value})")


PAIR_RE = re.compile(r"\([^()]*\d[^()]*,[^()]*\d[^()]*\)")
# "[12, 75.2]", read as "(12, 75.2)" (the length kept); not spans, "[x=10–18, y=145–505]", where a group lies
SQUARE_PAIR_RE = re.compile(r"\[(?![^\]]*\d\s*-\s*\d)([^\[\]()–—]*\d[^\[\]()–—]*,[^\[\]()–—]*\d[^\[\]()–—]*)\]")
# (and the plural verb of an inverted sentence: "Nearby lie Kestrel (2e5, 88%), Osprey (3e5, 91%) ...")
# (or a verb before a name: "The Conformer family contributes Conformer-S (10M, 6.3%)", "the cluster holds Oakfield")
LISTED_SPLIT_RE = re.compile(r"\b(?:and|include|includes|including|are|is|lie|sit|stand|come|follow|"
                             r"(?-i:[a-z]{3,}(?<!s)s)(?=\s+(?-i:[A-Z]))|:)\s+|,\s*")
NAMEISH_RE = re.compile(r"\d|[a-z][A-Z]|[A-Z]{2}|-|^[A-Z]")
# "Vicuna-13B at (13, 60)", "GPT-4 is located at (10, 80)", "BM25 sits near (21, 70)": the name is before
PLACED_AT_RE = re.compile(r"(?:\s+(?:is|are|was|were|should\s+be|would\s+be|sits?|lies|lie|appears?|stands?|falls?))?"
                          r"(?:\s+(?:located|positioned|placed|plotted|shown|drawn))?"
                          r"(?:\s+(?:at|near|around|about|approximately|approx\.?|~|≈))?"
                          r"(?:\s+(?:about|approximately|around|exactly|precisely|roughly|just))?\s*$",
                          re.IGNORECASE)
PLACE_VERB_RE = re.compile(r"\s(?:is|sits|lies|appears|was|stands|falls)\b")
DASH_ASIDE_RE = re.compile(r"\s[—–]\s[^—–()]{1,80}?\s[—–]\s")
# ("CESM2 follows (at ...)"; a noun in -ss, -us or -is is no verb: "soda-lime glass (2.5, 70)", "H1N1 virus")
TRAILING_VERB_RE = re.compile(r"\s+(?:[a-z]{3,}(?<![sui])s|comes in|shows up)$")
# (a "Line 21" or "Line B" of a bus or production network is a name)
NOT_NAME_RE = re.compile(r"\b(?:fit|fitted|trend|regression|line|lines|axis|from|to|between|range|ranges|ticks?)$|"
                         r"\b(?:line(?!\s+(?-i:[A-Z0-9])[\w-]*\s*$)|trend|regression|fit)\b", re.IGNORECASE)
# (and the quantifiers of a group: "Most data-efficient methods are clustered at 400k frames"; not the first part
# of a name with a digit in it: "all-MiniLM-L6-v2", "one-peace-4B")
PRONOUN_RE = re.compile(r"^(the|it|this|that|these|those|all|each|every|both|its|their|there|one|two|three|four|"
                        r"most|many|several|some|few|various|remaining|other|others|"
                        r"a|an|if|when|while|taken|overall|together|in|at|on|for|with|by)\b(?!-[\w-]*\d)",
                        re.IGNORECASE)


MARKER_FOR_RE = re.compile(r"^(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:markers?|points?|dots?|circles?|squares?|triangles?|"
                           r"diamonds?|stars?|crosses|cross|hexagons?|pentagons?)\s+(?:for|of|representing|marking)\s+"
                           r"(?=\S)", re.IGNORECASE)


LEAD_CONJ_RE = re.compile(r"^\s*(?:while|whereas|but|with|followed\s+by|then)(?=\s)", re.IGNORECASE)


WINDOW = 1000   # characters before a pair that may hold its name and the break before it


def named_pairs(text: str) -> list[tuple[str, Coords]]:
    """"GPT-4 (10, 80), Claude (8, 78) and Llama (5, 60)": each name with the pair after it (start and end
    of the bracket in `text`; the numbers' own positions are within the bracket)."""
    found: list[tuple[str, Coords]] = []
    lower: list[tuple[str, Coords]] = []  # names in lower case: names only in a list of their kind
    if "[" in text:  # "MobileNetV3-L [12, 75.2], EfficientNet-B0 [19, 77.1]": square brackets, as round ones
        text = SQUARE_PAIR_RE.sub(lambda m: f"({m.group(1)})", text)
    if "(" not in text:
        return found
    for pair in PAIR_RE.finditer(text):
        # (the words before the pair, from a window: the whole text before it would make each pair cost its position)
        before = DASH_ASIDE_RE.sub(" ", text[max(0, pair.start() - WINDOW): pair.start()])
        # "AWQ-4b — which pays a small overhead — sits at"
        cut = max(map(before.rfind, "(),;:"))
        if cut > 0 and before[cut] == ":" and not before[cut + 1:].strip():  # "2001: (4.7, 2.8); 2002: (5.8, 1.6)"
            before = before[:cut]
            cut = max(map(before.rfind, "(),;:"))
        whole = before
        before = before[cut + 1:].rstrip()[-60:]  # the words since the last break
        verb = PLACE_VERB_RE.search(before)
        styled = ""
        if verb and not NAMEISH_RE.search(before[verb.end():]):  # "AQLM-2b is just to its right at about"
            before = before[: verb.start()]
            if not before.strip() and cut > 0 and whole[cut] == ",":
                # "The smallest model, all-MiniLM-L6-v2, sits at the bottom left (384, 56.3)": the appositive names it
                prev = max(map(whole[:cut].rfind, "(),;:"))
                before = whole[prev + 1: cut]
        if not PLACED_AT_RE.sub("", before).strip() and cut > 0 and whole[cut] == ")" and \
                (opened := whole.rfind("(", 0, cut)) > 0 and is_style_only(whole[opened + 1: cut]):
            # "Developed ex-US equities (green) are at about (16.5, 5.8)": the name before its style's bracket, the
            # bracket kept for the style
            prev = max(map(whole[:opened].rfind, "(),;:"))
            before, styled = whole[prev + 1: opened], " " + whole[opened: cut + 1]
        before = LEAD_CONJ_RE.sub("", before)  # "..., while bge-base-en-v1.5 (768, 63.6)"
        name = PLACED_AT_RE.sub("", LISTED_SPLIT_RE.split(before)[-1]).strip()
        if not styled:  # (the verb came after the style: "equities (green) are at", no "-s" verb to drop)
            name = TRAILING_VERB_RE.sub("", name)  # "CESM2 follows (at approximately)"
        name = MARKER_FOR_RE.sub("", name)  # "The gray square for 2020 is at (8.1, 1.2)"
        if LEAD_WORDS_RE.fullmatch(name + " ") or LEAD_WORDS_RE.fullmatch(name) or NOT_NAME_RE.search(name):
            continue  # "Approximately (3, 35.5)", "linear fit from (20, 50)": no name
        coords = find_coords(pair.group())
        if COUNTS_RE.fullmatch(pair.group()):
            continue  # "10 data points (4 layered oxides, 2 spinels, 3 polyanions, 1 this work)": counts of kinds
        common = common_noun_name(name)  # "..., the brown rat (0.3 kg, 1.45 W)"
        if common is None and (proper := THE_PROPER_RE.fullmatch(name)) is not None:
            name = proper.group(1)  # "the Railway Flats (12%, 39.4 °C)", "the Lyon site (12, 40)": a proper name
        elif common is None and name[:1].islower() and (proper := TRAILING_PROPER_RE.fullmatch(name)) is not None:
            name = proper.group(1)  # "... outperforms the much denser Paris (9,100; 420)": the name the words end in
        name = common or name
        if name and not PRONOUN_RE.match(name) and coords is not None:
            at = Coords(coords.x, coords.y, pair.start(), pair.end(), coords.note)
            if NAMEISH_RE.search(name) or common:
                found.append((name + styled, at))
            elif LOWER_NAME_RE.fullmatch(name) and not _GENERIC_WORDS.intersection(name.split()):
                lower.append((name + styled, at))
    return _with_listed_lower(text, found, lower) if lower else found


# (every word before the name in lower case: "the iPhone 15 Pro" is a name whole)
TRAILING_PROPER_RE = re.compile(r"(?:(?-i:[a-z][a-z'’-]*)\s+)+((?-i:[A-Z])[\w'’&.-]*"
                                r"(?:\s(?-i:[A-Z\d])[\w'’&.-]*){0,3})")
THE_PROPER_RE = re.compile(r"[Tt]he\s+((?-i:[A-Z\d])[\w'’&.-]*(?:\s[\w'’&.-]+){0,3})")
# a name written in lower case, one to three words: "house mouse", "soda-lime glass", "rabbit"
LOWER_NAME_RE = re.compile(r"(?-i:[a-z][a-z'’-]+)(?:\s(?-i:[a-z][a-z'’-]+)){0,2}")
# what stands between one item of a list and the next: ", ", " and ", ", and ", "; "
LIST_JOIN_RE = re.compile(r"\s*(?:[,;]\s*(?:and\s+)?|and\s+)")


def _with_listed_lower(text: str, found: list[tuple[str, Coords]],
                       lower: list[tuple[str, Coords]]) -> list[tuple[str, Coords]]:
    """Names in lower case are names where the sentence lists things alike: "they are: house mouse (0.02 kg,
    0.19 W), brown rat (0.3 kg, 1.5 W), rabbit (2.5 kg, 7.8 W)", "the ceramics: alumina (3.9, 380), silicon
    carbide (3.2, 410) and soda-lime glass (2.5, 70)". Three items or more in one run, each joined to the one
    before by a comma or "and" alone; a lower-case name outside such a run names nothing ("the main message
    (2.5, 40)")."""
    items = sorted([(c.start, name, c, False) for name, c in found] + [(c.start, name, c, True) for name, c in lower],
                   key=lambda item: item[0])
    runs: list[list[tuple[int, str, Coords, bool]]] = []
    for item in items:
        start, name = item[0], item[1]
        named_at = text.rfind(name, 0, start)
        prev = runs[-1][-1] if runs else None
        if prev is not None and named_at >= prev[2].end and LIST_JOIN_RE.fullmatch(text, prev[2].end, named_at):
            runs[-1].append(item)
        else:
            runs.append([item])
    kept = [(name, c) for run in runs for _, name, c, low in run if not low or len(run) >= 3]
    return sorted(kept, key=lambda nc: nc[1].start)


# a thing named by a common noun after "the", in lower case: "the house mouse", "the brown rat", "the emu"
THE_COMMON_RE = re.compile(r"(?:the|The)\s+((?-i:[a-z][a-z'’-]+)(?:\s(?-i:[a-z][a-z'’-]+)){0,2})")
# nouns and adjectives that end like a superlative or an adverb and are neither
_NOT_SUPERLATIVE = frozenset((
    "harvest", "forest", "west", "northwest", "southwest", "midwest", "crest", "nest", "chest", "quest", "pest",
    "guest", "honest", "modest", "earnest", "interest", "arrest", "protest", "conquest", "everest", "fly",
    "butterfly", "dragonfly", "firefly", "housefly", "mayfly", "family", "lily", "holly", "jelly", "belly", "ally",
    "gully", "bully", "rally", "sally", "italy", "daily", "early", "curly", "woolly", "wooly", "grizzly",
    "prickly"))
# words of a chart, an amount or a rank, never a thing's name
_GENERIC_WORDS = frozenset((
    "point", "points", "marker", "markers", "dot", "dots", "cluster", "clusters", "group", "groups", "line", "lines",
    "curve", "trend", "fit", "average", "mean", "median", "rest", "remainder", "model", "models", "outlier",
    "outliers", "series", "data", "value", "values", "one", "ones", "chart", "plot", "figure", "axis", "axes",
    "star", "circle", "square", "triangle", "diamond", "cross", "highlighted", "first", "second", "third", "last",
    "next", "other", "others", "remaining", "same", "latter", "former", "top", "bottom", "left", "right", "middle",
    "upper", "lower", "corner", "edge", "frame", "legend", "label", "labels", "range", "gap", "difference", "ratio",
    "baseline", "baselines", "reference", "threshold", "total", "sum", "max", "min", "maximum", "minimum", "peak",
    "x", "y", "case", "cases", "sample", "samples", "study", "paper", "authors", "method", "methods", "system",
    # guides drawn across the chart: "the sloped memory-bandwidth roof (1.55 TB/s)"
    "roof", "roofline", "ceiling", "ridge", "boundary", "frontier", "envelope", "diagonal", "slope", "region",
    "area", "band", "zone", "quadrant", "image", "panel", "inset", "grid", "gridline", "tick", "ticks",
))


def common_noun_name(phrase: str) -> str | None:
    """"the house mouse" -> "house mouse": a thing named in lower case after "the", not a part of the chart, an
    amount, a rank ("the largest", "the next one"), a plural (a kind of point) or a run of more than three words."""
    m = THE_COMMON_RE.fullmatch(phrase.strip())
    if m is None:
        return None
    words = m.group(1).split()
    if any(w in _GENERIC_WORDS or (w.endswith(("est", "ly")) and w not in _NOT_SUPERLATIVE) for w in words):
        return None  # "the largest", "the only one": a rank or an adverb (not "the harvest mouse", "the housefly")
    if words[-1].endswith("s") and not words[-1].endswith(("ss", "us", "is")):
        return None  # "the trapped-ion devices", "the rural counties": a kind of point, not one
    return m.group(1)


def _assigned(text: str) -> Coords | None:
    found: dict[str, tuple[Num, int]] = {}
    for m in XY_RE.finditer(text):
        nums = lex(text[m.end(): m.end() + 40])
        if nums and not text[m.end(): m.end() + nums[0].start].strip(" ~≈"):
            n = nums[0]
            found.setdefault(m.group("axis").lower(), (_shift(n, m.end()), m.start()))
    if "x" in found and "y" in found:
        (x, xs), (y, ys) = found["x"], found["y"]
        if RANGE_AFTER_RE.match(text, x.end) and RANGE_AFTER_RE.match(text, y.end):
            return None  # "Clustered in the bottom-left [x=10–18, y=145–505]": a region, not a point
        return Coords(x, y, min(xs, ys), max(x.end, y.end))
    return None


RANGE_AFTER_RE = re.compile(r"\s*(?:[–—-]|to\s)\s*[~≈]?\s*[-−]?\d")


def _bracketed(text: str) -> Coords | None:
    for m in BRACKET_RE.finditer(text):
        if EXAMPLES_RE.match(m.group(1)) or COUNTS_RE.fullmatch(m.group()):
            continue  # "(e.g., 0.5B, 1B)" lists examples, "(4 oxides, 2 spinels, 3 polyanions)" counts: no x and y
        parts = split_top(m.group(1), ",;")
        if len(parts) < 2:
            continue
        first, second = _value(parts[0]), _value(parts[1])
        if first and second:
            (x, nx), (y, ny) = first, second
            note = nx or ny
            return Coords(_shift(x, m.start(1)), _shift(y, m.start(1)), m.start(), m.end(), note)
    return None


def _value(part: str) -> tuple[Num, str | None] | None:
    """A coordinate slot: "~2.8", "$26", "2.7B parameters", "between 60 and 62"."""
    stripped = part
    while True:
        m = LEAD_WORDS_RE.match(stripped)
        if not m or not m.group(0):
            break
        stripped = stripped[m.end():]
    between = BETWEEN_RE.search(stripped)
    if between:
        a, b = lex(between.group("a")), lex(between.group("b"))
        if a and b:
            mid = (a[0].value + b[0].value) / 2
            return (Num(mid, a[0].mult or b[0].mult, a[0].percent, 0, 0, between.group(0)),
                    f"a range {between.group(0)!r} was given; the midpoint {mid:g} is used")
    nums = lex(stripped)
    if not nums or nums[0].start != 0:
        return None
    if (span := span_middle(stripped, nums)) is not None:
        return span._replace(start=0, end=0), f"a range {span.text!r} was given; the midpoint {span.value:g} is used"
    return nums[0], None


def without_examples(text: str) -> str:
    """Brackets that list examples ("(e.g., 0.5B, 1B)") blanked, offsets kept: they give no values."""
    if "(" not in text:
        return text
    return BRACKET_RE.sub(lambda m: " " * len(m.group()) if EXAMPLES_RE.match(m.group(1)) else m.group(), text)


def _shift(n: Num, by: int) -> Num:
    return n._replace(start=n.start + by, end=n.end + by)


NAME_BEFORE_RE = re.compile(r"(?:[A-Za-z][\w.]*-|[A-Z][\w.]* )$")
NAME_AFTER_RE = re.compile(r"^(?:-?[A-Za-z]|\s[A-Z])")


PER_BEFORE_RE = re.compile(r"(?:\bper\s+|[A-Za-z]/\s?)$", re.IGNORECASE)  # "per 1,000 patient-days", "kWh/100 km"
PER_AFTER_RE = re.compile(r"\s*[^\W\d_]")


ARTICLE_BEFORE_RE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)
COMPOUND_AFTER_RE = re.compile(r"-(?!(?:odd|ish|plus|something|some)\b)[A-Za-z]{1,12}\s+[A-Za-z]")  # not "66-odd m³"


SAMPLE_SIZE_BEFORE_RE = re.compile(r"\(\s*[nN]\s*=\s*$")  # (in a bracket only: "N = 83; d = 0.04" on an N axis)


def in_name(text: str, n: Num) -> bool:
    """The 4 of "GPT-4" and the 3 of "Claude 3 Opus" belong to names, not to the point's values."""
    if n.text[:1] in "~≈∼":  # "M ≈ 13 M⊕": an approximate value is never part of a name
        return False
    if (per := PER_BEFORE_RE.search(text, max(0, n.start - 12), n.start)) and (
            n.unit is not None or PER_AFTER_RE.match(text, n.end) or per.group().lower().startswith("per")):
        # "5.6 per 1,000 patient-days", "14.1 kWh/100 km", "6.2 cases per 100,000.": the 1,000, the 100 and the
        # 100,000 belong to the unit
        return True
    if SAMPLE_SIZE_BEFORE_RE.search(text, max(0, n.start - 7), n.start) and not n.percent and n.mult is None:
        return True  # "Cardiac amyloid (n=23)", "HFpEF (n = 188)": the size of a sample in a bracket, part of the name
    start = max(text.rfind(" ", 0, n.start), text.rfind("\n", 0, n.start)) + 1
    if "@" in text[start: n.start] and text[start: start + 1].isalpha():
        return True  # the 5 of "P@L/5", the 10 of "nDCG@10", the 1 of "pass@1": a metric's name
    if not n.percent and start < n.start and text[start].isalpha() and text[n.start - 1] in "-_":
        return True  # the 2B of "CodeGen-2B-mono", the 1.5 of "Yi-1.5-34B"
    if not n.percent and n.mult is None and n.unit is None and (
            VERSION_BEFORE_RE.search(text, max(0, n.start - 9), n.start) or _in_year_span(text, n)
            or (CITED_BEFORE_RE.search(text, max(0, n.start - 40), n.start) and CITED_YEAR_RE.match(n.text)
                and CITED_AFTER_RE.match(text, n.end))):
        return True  # "version 3.1 of the database", "financial year 2023/24", "Wells & Coppersmith (1994)"
    if n.mult is not None or n.percent or "." in n.text:
        return False
    if COMPOUND_AFTER_RE.match(text, n.end) and n.text.isdigit() and not (
            ARTICLE_BEFORE_RE.search(text, max(0, n.start - 4), n.start)
            and lex(f"{n.text} {text[n.end + 1:].split()[0]}")[0].unit):
        # the 10 of "10-km time", the 5 of "5-year survival": a word a number is part of (not "a 196-minute finish":
        # a value and its unit made one adjective)
        return True
    before, after = text[max(0, n.start - 20): n.start], text[n.end: n.end + 2]
    return bool(NAME_BEFORE_RE.search(before)) and (before.endswith("-") or bool(NAME_AFTER_RE.match(after)))


# three or more counts of kinds in a bracket: "(4 layered oxides, 2 spinels, 3 polyanions, 1 this work)"
COUNTS_RE = re.compile(r"\(\s*\d{1,3}\s+[a-z][^,()\d]*(?:,\s*(?:and\s+)?\d{1,3}\s+[a-z][^,()\d]*){2,}\)")
# a year of a season, a month or a quarter: "autumn 2024", "Q3 2023", "March 2020"
DATED_BEFORE_RE = re.compile(r"\b(?:spring|summer|autumn|fall|winter|q[1-4]|h[12]|jan(?:uary)?|feb(?:ruary)?|"
                             r"mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|"
                             r"nov(?:ember)?|dec(?:ember)?)\.?\s+$", re.IGNORECASE)
# a version, a fiscal year, a cited year: dates and versions are no coordinates
VERSION_BEFORE_RE = re.compile(r"(?:\bversion\s+|\bver\.\s*|\brelease\s+|(?<![\w.-])v)$", re.IGNORECASE)
YEAR_SPAN_RE = re.compile(r"\b(1[89]|20)(\d\d)\s?[/–-]\s?(\d\d)\b(?![.,]?\d)")
CITED_BEFORE_RE = re.compile(r"(?:[A-Z][\w'’-]+(?:\s+(?:&|and)\s+[A-Z][\w'’-]+|\s+et\s+al\.?)?)\s*\(\s*$")
CITED_YEAR_RE = re.compile(r"(?:1[89]|20)\d\d$")
CITED_AFTER_RE = re.compile(r"[a-z]?\s*[);,]")


def dated(text: str, n: Num) -> bool:
    """The number is the year of a season, a month or a quarter ("autumn 2024", "Q3 2023"): a date, which is
    a value only on an axis of time (the caller knows)."""
    return CITED_YEAR_RE.match(n.text) is not None and DATED_BEFORE_RE.search(text, max(0, n.start - 12),
                                                                               n.start) is not None


def _in_year_span(text: str, n: Num) -> bool:
    """The number is a part of "2023/24", "2019–20": a year and the next, a season or a financial year."""
    if "/" not in text and "–" not in text and "-" not in text:
        return False
    for m in YEAR_SPAN_RE.finditer(text, max(0, n.start - 8), n.end + 8):
        if m.start() <= n.start < m.end() and (int(m.group(2)) + 1) % 100 == int(m.group(3)):
            return True
    return False


# a bound, not a value: "below 6 MW", "under 150 m", "beyond 160 m", "more than 10%" (not a hedge: "just above 8",
# "slightly over 100", "a little under 2")
BOUND_BEFORE_RE = re.compile(r"(?<!just\s)(?<!slightly\s)(?<!little\s)(?<!barely\s)(?<!right\s)"
                             r"\b(?:below|under|above|beyond|over|less\s+than|more\s+than|greater\s+than|fewer\s+than|"
                             r"at\s+least|at\s+most|up\s+to)\s*[~≈]?\s*[$€£]?$|[<>≤≥]\s*$", re.IGNORECASE)


def bounds_only(text: str, nums: list[Num]) -> bool:
    """Every value is a bound ("(below 6 MW, under 150 m)"): the text describes a region, not a point."""
    return bool(nums) and all(BOUND_BEFORE_RE.search(text, max(0, n.start - 16), n.start) for n in nums)
