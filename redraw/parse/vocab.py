"""Words the descriptions use for colours, markers, line styles and magnitudes: data, not code."""
from __future__ import annotations

import re
from functools import lru_cache

from ..colors import color_family
from ..colour_families import FAMILIES

# Multiplier suffixes and words; "G" is kept for axis units like "FLOPs (G)".
MAGNITUDE: dict[str, float] = {
    "k": 1e3, "thousand": 1e3, "thousands": 1e3,
    "m": 1e6, "million": 1e6, "millions": 1e6, "mn": 1e6,
    "b": 1e9, "bn": 1e9, "billion": 1e9, "billions": 1e9, "g": 1e9,
    "t": 1e12, "trillion": 1e12, "trillions": 1e12,
    "cent": 1e-2, "cents": 1e-2,  # "62 cents per issue" on an axis of dollars is 0.62
}

# Physical units a number may carry: symbol -> (dimension, factor to the dimension's base unit). Only
# these are read, so a letter after a number ("GPT-4o") is never taken for a unit.
UNITS: dict[str, tuple[str, float]] = {
    "ns": ("time", 1e-9), "µs": ("time", 1e-6), "μs": ("time", 1e-6), "us": ("time", 1e-6),
    "ms": ("time", 1e-3), "s": ("time", 1.0), "sec": ("time", 1.0), "secs": ("time", 1.0),
    "seconds": ("time", 1.0), "second": ("time", 1.0), "min": ("time", 60.0), "minutes": ("time", 60.0),
    "h": ("time", 3600.0), "hr": ("time", 3600.0), "hrs": ("time", 3600.0), "hours": ("time", 3600.0),
    "hour": ("time", 3600.0), "days": ("time", 86400.0), "day": ("time", 86400.0), "weeks": ("time", 604800.0),
    "week": ("time", 604800.0), "mins": ("time", 60.0), "minute": ("time", 60.0),
    # (a year of 365.25 days, a month a twelfth of it: "1.9 years" on an "Orbital period (days)" axis is 694)
    "years": ("time", 31557600.0), "year": ("time", 31557600.0), "yrs": ("time", 31557600.0),
    "yr": ("time", 31557600.0), "months": ("time", 2629800.0), "month": ("time", 2629800.0),
    "KB": ("bytes", 1e3), "MB": ("bytes", 1e6), "GB": ("bytes", 1e9), "TB": ("bytes", 1e12),
    # binary multiples: "6,144 MiB" on a "(GiB)" axis is 6
    "KiB": ("bytes", 2.0 ** 10), "MiB": ("bytes", 2.0 ** 20), "GiB": ("bytes", 2.0 ** 30), "TiB": ("bytes", 2.0 ** 40),
    "KB/s": ("bytes/s", 1e3), "MB/s": ("bytes/s", 1e6), "GB/s": ("bytes/s", 1e9), "TB/s": ("bytes/s", 1e12),
    "µJ": ("energy", 1e-6), "μJ": ("energy", 1e-6), "uJ": ("energy", 1e-6), "mJ": ("energy", 1e-3),
    "J": ("energy", 1.0), "kJ": ("energy", 1e3),
    "mW": ("power", 1e-3), "W": ("power", 1.0), "kW": ("power", 1e3),
    # kilo/mega/giga of bases (genomes) or of bits (memory chips): one factor either way ("580 kb" on a "(Mb)" axis)
    "kb": ("b", 1e3), "Mb": ("b", 1e6), "Gb": ("b", 1e9), "Tb": ("b", 1e12), "bp": ("b", 1.0),
    "kbp": ("b", 1e3), "Mbp": ("b", 1e6), "Gbp": ("b", 1e9),
    # specific power and energy (Ragone plots): "1.2 kW/kg" on a "(W/kg)" axis is 1,200
    "W/kg": ("power/mass", 1.0), "kW/kg": ("power/mass", 1e3), "Wh/kg": ("energy/mass", 1.0),
    "kWh/kg": ("energy/mass", 1e3), "Wh/L": ("energy/volume", 1.0), "kWh/L": ("energy/volume", 1e3),
    "µV": ("voltage", 1e-6), "μV": ("voltage", 1e-6), "mV": ("voltage", 1e-3), "V": ("voltage", 1.0),
    "kV": ("voltage", 1e3),
    "rpm": ("rotation", 1.0), "krpm": ("rotation", 1e3),
    "Hz": ("frequency", 1.0), "kHz": ("frequency", 1e3), "MHz": ("frequency", 1e6), "GHz": ("frequency", 1e9),
    "kbit/s": ("bits/s", 1e3), "Mbit/s": ("bits/s", 1e6), "Gbit/s": ("bits/s", 1e9), "Tbit/s": ("bits/s", 1e12),
    "bps": ("bits/s", 1.0), "bit/s": ("bits/s", 1.0),
    "kbps": ("bits/s", 1e3), "Mbps": ("bits/s", 1e6), "Gbps": ("bits/s", 1e9), "Tbps": ("bits/s", 1e12),
    "PB": ("bytes", 1e15), "PB/s": ("bytes/s", 1e15), "MW": ("power", 1e6), "GW": ("power", 1e9),
    "TW": ("power", 1e12), "MJ": ("energy", 1e6), "GJ": ("energy", 1e9),
    "Wh": ("energy", 3600.0), "kWh": ("energy", 3.6e6), "MWh": ("energy", 3.6e9), "GWh": ("energy", 3.6e12),
    "TWh": ("energy", 3.6e15),
    "µg": ("mass", 1e-6), "μg": ("mass", 1e-6), "ug": ("mass", 1e-6),
    "mg": ("mass", 1e-3), "g": ("mass", 1.0), "kg": ("mass", 1e3), "t": ("mass", 1e6), "tonnes": ("mass", 1e6),
    "kt": ("mass", 1e9),
    "nm": ("length", 1e-9), "µm": ("length", 1e-6), "μm": ("length", 1e-6), "mm": ("length", 1e-3),
    "cm": ("length", 1e-2), "m": ("length", 1.0), "km": ("length", 1e3), "Å": ("length", 1e-10),
    "Pa": ("pressure", 1.0), "kPa": ("pressure", 1e3), "MPa": ("pressure", 1e6), "GPa": ("pressure", 1e9),
    "TPa": ("pressure", 1e12),
    "kg/ha": ("yield", 1.0), "t/ha": ("yield", 1e3), "kg ha⁻¹": ("yield", 1.0), "t ha⁻¹": ("yield", 1e3),
    "kg ha-1": ("yield", 1.0), "t ha-1": ("yield", 1e3),
    "µS/cm": ("conductivity", 1e-6), "μS/cm": ("conductivity", 1e-6), "mS/cm": ("conductivity", 1e-3),
    "S/cm": ("conductivity", 1.0),
    "cal/mol": ("molar energy", 4.184), "kcal/mol": ("molar energy", 4184.0), "J/mol": ("molar energy", 1.0),
    "kJ/mol": ("molar energy", 1e3),
    "×": ("ratio", 1.0), "x": ("ratio", 1.0),
    # concentrations (a bare "M" is a million, never molar)
    "mM": ("concentration", 1e-3), "µM": ("concentration", 1e-6), "μM": ("concentration", 1e-6),
    "uM": ("concentration", 1e-6), "nM": ("concentration", 1e-9), "pM": ("concentration", 1e-12),
    "fM": ("concentration", 1e-15),
    # densities, particle energies, integrated luminosities (inverse barns: 1 ab⁻¹ = 1,000 fb⁻¹)
    "kg/m³": ("density", 1.0), "kg/m3": ("density", 1.0), "g/cm³": ("density", 1e3), "g/cm3": ("density", 1e3),
    "g/L": ("density", 1.0), "kg/L": ("density", 1e3),
    "eV": ("particle energy", 1.0), "keV": ("particle energy", 1e3), "MeV": ("particle energy", 1e6),
    "GeV": ("particle energy", 1e9), "TeV": ("particle energy", 1e12),
    "nb⁻¹": ("luminosity", 1e-6), "pb⁻¹": ("luminosity", 1e-3), "fb⁻¹": ("luminosity", 1.0),
    "ab⁻¹": ("luminosity", 1e3),
    # compute throughput
    "FLOP/s": ("flop/s", 1.0), "GFLOP/s": ("flop/s", 1e9), "TFLOP/s": ("flop/s", 1e12), "PFLOP/s": ("flop/s", 1e15),
    "GFLOPS": ("flop/s", 1e9), "TFLOPS": ("flop/s", 1e12), "PFLOPS": ("flop/s", 1e15),
    # compute counts, a lower-case plural "s" ("220 MFLOPs" on a "GFLOPs" axis is 0.22)
    "MFLOPs": ("flops", 1e6), "GFLOPs": ("flops", 1e9), "TFLOPs": ("flops", 1e12), "PFLOPs": ("flops", 1e15),
    # areas
    "mm²": ("area", 1e-6), "cm²": ("area", 1e-4), "m²": ("area", 1.0), "km²": ("area", 1e6), "ha": ("area", 1e4),
    # astronomers' distances ("850 pc" on a "(kpc)" axis is 0.85) and slow speeds ("45 cm/yr" on "(m/yr)")
    "pc": ("length", 3.0857e16), "kpc": ("length", 3.0857e19), "Mpc": ("length", 3.0857e22),
    "mm/yr": ("speed/yr", 1e-3), "cm/yr": ("speed/yr", 1e-2), "m/yr": ("speed/yr", 1.0), "km/yr": ("speed/yr", 1e3),
    # a price per unit of energy, in USD/MWh: "1.35 ¢/kWh", "$0.035/kWh", "$95/MWh"
    "USD/MWh": ("price/energy", 1.0), "$/MWh": ("price/energy", 1.0), "/MWh": ("price/energy", 1.0),
    "USD/kWh": ("price/energy", 1e3), "$/kWh": ("price/energy", 1e3), "/kWh": ("price/energy", 1e3),
    "¢/kWh": ("price/energy", 10.0),
    "°C": ("temperature", 1.0), "℃": ("temperature", 1.0), "°F": ("temperature", 5 / 9),
}
# temperatures also shift their zero: kelvin = value * factor + offset ("100 °C" on a "Temperature (K)"
# axis is 373.15). Kelvin is no symbol a number is read with (the K of "8K" is a thousand), only an
# axis title's unit: see values.title_unit.
KELVIN_OFFSETS = {"°C": 273.15, "℃": 273.15, "°F": 459.67 * 5 / 9, "K": 0.0}
# longest first, so "ms" is tried before "s" and "GB/s" before "GB"
UNIT_ALTERNATION = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))

# colour words as written -> a name matplotlib accepts (longest phrases are tried first)
COLORS: dict[str, str] = {
    "dark blue": "darkblue", "navy blue": "navy", "navy": "navy", "light blue": "lightblue",
    "sky blue": "skyblue", "steel blue": "steelblue", "royal blue": "royalblue", "blue": "blue",
    "dark red": "darkred", "crimson": "crimson", "maroon": "maroon", "red": "red",
    "dark green": "darkgreen", "light green": "lightgreen", "lime": "lime", "green": "green",
    "teal": "teal", "turquoise": "turquoise", "cyan": "cyan",
    "dark orange": "darkorange", "orange": "orange", "gold": "gold", "golden": "gold",
    "yellow": "yellow", "amber": "orange",
    "purple": "purple", "violet": "violet", "lavender": "lavender", "indigo": "indigo",
    "magenta": "magenta", "pink": "pink", "salmon": "salmon",
    "brown": "brown", "tan": "tan", "beige": "beige", "olive": "olive",
    "light gray": "lightgray", "light grey": "lightgrey", "dark gray": "darkgray",
    "dark grey": "darkgrey", "gray": "gray", "grey": "grey", "silver": "silver",
    "black": "black", "white": "white",
    "dark goldenrod": "darkgoldenrod", "goldenrod": "goldenrod", "mustard": "goldenrod", "khaki": "khaki",
    "coral": "coral", "sienna": "sienna", "firebrick": "firebrick", "burgundy": "darkred",
    "forest green": "forestgreen", "sea green": "seagreen", "slate gray": "slategray", "slate grey": "slategrey",
    "charcoal": "dimgray",
}
# "light purple", "pale green", "deep red": a shade word before a hue. The spec gets matplotlib's CSS name
# where there is one ("lightgreen"), else the phrase, which the renderer and colour families read as
# an xkcd colour name; a phrase matplotlib has no colour for ("vivid red", "soft teal": not in FAMILIES)
# is drawn in its hue.
_SHADES = ("light", "dark", "pale", "bright", "deep", "medium", "soft", "vivid")
_HUES = ("red", "green", "blue", "purple", "orange", "yellow", "pink", "brown", "gray", "grey", "cyan", "teal",
         "violet", "magenta", "olive")
_CSS_SHADES = {"lightgreen", "lightblue", "lightgray", "lightgrey", "lightpink", "lightyellow", "lightcyan",
               "darkgreen", "darkblue", "darkred", "darkgray", "darkgrey", "darkorange", "darkviolet",
               "darkmagenta", "darkcyan", "mediumpurple", "mediumblue", "darkolivegreen"}
for _shade in _SHADES:
    for _hue in _HUES:
        _phrase = f"{_shade} {_hue}"
        COLORS.setdefault(_phrase, f"{_shade}{_hue}" if f"{_shade}{_hue}" in _CSS_SHADES
                          else _phrase if _phrase in FAMILIES else _hue)
COLORS.update({"lilac": "xkcd:lilac", "mauve": "xkcd:mauve", "burgundy": "xkcd:burgundy", "coral": "coral",
               "khaki": "khaki", "peach": "xkcd:peach", "mint": "xkcd:mint", "charcoal": "xkcd:charcoal"})
# The renderer maps plain names to its palette.
# matplotlib's (CSS) names written as one word, as a plotting script has them: "steelblue", "darkred", "lightgray"
COLORS.update({v: v for k, v in list(COLORS.items()) if " " in k and v == k.replace(" ", "")})
# ... but a phrase as written stays a phrase in the spec ("dark red", not "darkred"): the renderer squashes it to
# the CSS name, and a reader (or a scorer without matplotlib's colour table) still finds its hue word in it
COLORS.update({k: k for k, v in list(COLORS.items()) if " " in k and v == k.replace(" ", "")})
COLORS.update({name: name for name in (
    "dodgerblue", "cornflowerblue", "deepskyblue", "midnightblue", "cadetblue", "slateblue", "mediumseagreen",
    "limegreen", "olivedrab", "darkolivegreen", "darkslategray", "darkslategrey", "dimgray", "dimgrey", "indianred",
    "orangered", "lightcoral", "hotpink", "deeppink", "rebeccapurple", "darkviolet",
    "mediumpurple", "darkkhaki", "lightsteelblue", "lightskyblue", "lightslategray", "gainsboro",
    "whitesmoke", "darkturquoise", "mediumturquoise", "aquamarine", "springgreen", "lawngreen", "chartreuse",
    "greenyellow", "yellowgreen", "palegreen", "darkseagreen", "lightseagreen", "darkcyan", "darkmagenta",
    "mediumvioletred", "palevioletred", "rosybrown", "saddlebrown", "sandybrown", "burlywood",
)})
# the same CSS names as a describer spells them, in words ("sandy brown", "dodger blue"): kept as written, like
# "dark red" above (the renderer and the colour families squash the spaces)
COLORS.update({name: name for name in (
    "dodger blue", "cornflower blue", "deep sky blue", "midnight blue", "cadet blue", "slate blue", "powder blue",
    "medium sea green", "lime green", "olive drab", "dark olive green", "dark slate gray", "dark slate grey",
    "dim gray", "dim grey", "indian red", "orange red", "light coral", "hot pink", "rebecca purple", "dark violet",
    "medium purple", "dark khaki", "light steel blue", "light sky blue", "light slate gray", "dark turquoise",
    "medium turquoise", "spring green", "lawn green", "green yellow", "yellow green", "pale green", "dark sea green",
    "light sea green", "dark cyan", "dark magenta", "medium violet red", "pale violet red", "rosy brown",
    "saddle brown", "sandy brown", "blue violet", "dark orchid", "dark salmon", "light salmon", "fire brick",
)})
COLORS["brick red"] = "firebrick"

MARKERS: dict[str, str] = {
    "circle": "o", "circles": "o", "dot": "o", "dots": "o", "●": "o", "○": "o", "•": "o",
    "round marker": "o", "round markers": "o", "round symbol": "o", "round symbols": "o",
    "star": "*", "stars": "*", "★": "*", "☆": "*", "asterisk": "*",
    "square": "s", "squares": "s", "■": "s", "□": "s",
    "triangle": "^", "triangles": "^", "▲": "^", "△": "^", "upward triangle": "^", "upward triangles": "^",
    "up pointing triangle": "^", "up pointing triangles": "^",
    "downward triangle": "v", "inverted triangle": "v", "downward triangles": "v", "inverted triangles": "v",
    "down pointing triangle": "v", "down pointing triangles": "v", "▼": "v", "▽": "v",
    "diamond": "D", "diamonds": "D", "◆": "D", "◇": "D", "♦": "D",
    "cross": "x", "crosses": "x", "x marker": "x", "x markers": "x", "×": "x", "✕": "x",
    "x-marker": "x", "x-markers": "x",
    "plus": "+", "plus sign": "+", "plus signs": "+", "pentagon": "p", "pentagons": "p",
    "hexagon": "h", "hexagons": "h", "octagon": "8", "octagons": "8",
    "⬟": "p", "⬠": "p", "⬢": "h", "⬡": "h", "▪": "s", "◼": "s", "◾": "s", "✚": "+", "✖": "x",
}
# triangles by the way they point: "downward-pointing triangles", "triangles pointing down", "an upside-down
# triangle", "left-facing triangle" (matplotlib's triangle_down, triangle_left ...); "left" and "right" only with a
# word of pointing, since "the left triangle" may be a place
for _way, _code in (("up", "^"), ("down", "v"), ("left", "<"), ("right", ">")):
    for _s in ("", "s"):
        _forms = [f"{_way} pointing triangle", f"{_way} facing triangle", f"triangle pointing {_way}",
                  f"triangle facing {_way}"]
        if _way in ("up", "down"):
            _forms += [f"{_way}ward pointing triangle", f"{_way}wards pointing triangle", f"{_way}ward facing triangle",
                       f"triangle pointing {_way}ward", f"triangle pointing {_way}wards", f"{_way} triangle",
                       f"triangle {_way}"]
        for _f in _forms:
            MARKERS.setdefault(_f.replace("triangle", "triangle" + _s), _code)
MARKERS.update({"upside down triangle": "v", "upside down triangles": "v"})
# the marker glyphs alone ("●", "⬟", "✕"): a legend's keys, or a bullet before a name
# matplotlib's marker codes, as a plot's JSON or script gives them ("marker": "o"), and the words the parser reads
MARKER_CODE_WORDS = {"o": "circle", "s": "square", "^": "triangle", "v": "triangle", "<": "triangle",
                     ">": "triangle", "D": "diamond", "d": "diamond", "*": "star", "x": "cross", "X": "cross",
                     "+": "plus", "p": "pentagon", "h": "hexagon", "H": "hexagon"}
MARKER_GLYPHS = "".join(k for k in MARKERS if len(k) == 1 and not k.isalnum())

# coloured symbols some descriptions use as legend keys or bullets: (colour, marker)
EMOJI: dict[str, tuple[str | None, str | None]] = {
    "🔵": ("blue", "o"), "🔴": ("red", "o"), "🟢": ("green", "o"), "🟡": ("yellow", "o"), "🟠": ("orange", "o"),
    "🟣": ("purple", "o"), "🟤": ("brown", "o"), "⚫": ("black", "o"), "⚪": ("white", "o"),
    "🟦": ("blue", "s"), "🟥": ("red", "s"), "🟩": ("green", "s"), "🟨": ("yellow", "s"), "🟧": ("orange", "s"),
    "🟪": ("purple", "s"), "🔺": ("red", "^"), "🔻": ("red", "v"), "🔷": ("blue", "D"), "🔶": ("orange", "D"),
    "🔹": ("blue", "D"), "🔸": ("orange", "D"), "⭐": (None, "*"), "🌟": (None, "*"), "✖": (None, "x"),
}

EMOJI_RE = re.compile("[" + "".join(sorted(EMOJI)) + "]")
_FIRST_EMOJI = min(EMOJI)  # text with no character this high has no emoji: one C pass instead of a search

STYLES: dict[str, str] = {
    "dash-dot": "dashdot", "dash-dotted": "dashdot", "dashdot": "dashdot", "dot-dash": "dashdot",
    "dash dot": "dashdot", "dashed": "dashed", "dash": "dashed", "broken": "dashed",
    "dotted": "dotted", "dot": "dotted", "solid": "solid", "continuous": "solid",
}


_Trie = dict[str, "_Trie"]  # one node per letter; "" marks the end of a word


def _trie(words: list[str]) -> str:
    """The words as one nested alternation ("b(?:l(?:ack|ue)|rown)"): the regex engine then tests
    each letter once instead of every word at every position. A space matches a space or a hyphen."""
    root: _Trie = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        alts = [(r"[\s-]" if ch == " " else re.escape(ch)) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        return "(?:" + "|".join(alts) + ")" + ("?" if "" in node else "")  # greedy: the longest phrase wins

    return emit(root)


def _phrase_re(words: dict[str, str]) -> re.Pattern[str]:
    """Whole phrases of a vocabulary, in LOWER-CASE text (see `fold`): searching folded text with a
    case-sensitive pattern is about three times faster than an IGNORECASE alternation."""
    return re.compile(r"(?<![\w])" + _trie(sorted(words)) + r"(?![\w])")


COLOR_RE = _phrase_re(COLORS)
# (a marker word joined to another word names no marker: "star-forming galaxies", "cross-validation", "square-root",
# unless the word is about the mark itself: "star-shaped", "diamond-like", "circle-marker")
# (nor a word a number counts: "870 stars", "48.5k stars", "4.5 stars", "2,100 crosses" are a quantity, as on a
# "GitHub stars" axis; a number, not the end of a name or a hex code: "the FP16 diamond", "`#d62728` star")
# ("3½ stars" too)
_COUNTED = r"(?<![¼½¾⅓⅔⅛⅜⅝⅞]\s)" \
    r"(?<![\s(]\d\s)(?<![\s(]\d\d\s)(?<![\s(]\d\d\d\s)(?<![\s(]\d{4}\s)(?<!\d[kmb]\s)(?<!\.\d\s)(?<!,\d{3}\s)"
MARKER_RE = re.compile(r"(?:" + _COUNTED + r"(?=[a-z])|(?![a-z]))" + _phrase_re(MARKERS).pattern
                       + r"(?!-(?!(?:shaped?|like|markers?|symbols?|glyphs?|points?)\b)[a-z])")
STYLE_RE = _phrase_re(STYLES)


# A sentence that revises what was stated before: "Correction: ...", "on closer inspection", "I misread",
# "is actually at", "should be 52", "not at 1.9×".
CORRECTION_RE = re.compile(r"(?=[cemolrasitnwCEMOLRASITNW])\b(?:[Cc]orrection|[Cc]orrected|[Cc]orrecting|[Ee]rratum|"
                           r"[Ee]dit(?=:)|"  # "Edit: ScaNN's recall is 0.953 as listed; an earlier draft said 0.935"
                           # ("Wait," opening a sentence; "that is not correct", "that's wrong", "scratch that")
                           r"[Mm]isread|[Mm]is-read|"
                           r"[Oo]n (?:a\s+)?(?:closer|second) (?:inspection|look|reading|examination|check)|"
                           r"[Oo]n re-?reading|"
                           r"(?:^|(?<=[.;:!?]\s)|(?<=[.;:!?]\s\s))[Ww]ait,|"
                           r"(?i:that(?:'s|’s|\s+is|\s+was)\s+(?:not\s+(?:correct|right)|incorrect|wrong)|"
                           r"scratch\s+that)|"
                           r"[Ll]ooking (?:again|(?:\w+\s+){1,5}again|"
                           r"more closely)|[Rr]e-?checking|"
                           # "is actually at 50.5", "in fact sits at"; not "actually lost money"
                           r"(?:[Aa]ctually|[Ii]n fact),?\s+(?:(?:is|sits|lies|located|plotted|placed|drawn|at|closer|"
                           r"nearer|about|around|nearly|slightly|reads?)\b|[~≈]?\s*[-−]?\d)|[Ss]hould (?:be|read)|"
                           r"[Mm]ore precisely|[Tt]o be precise|[Nn]ot at)\b")  # first letters of either case: faster


# a number that names a guide, not a value: "the 6,000 gridline", "the 1 yr line", "between the 1.0 and 1.5 ticks"
GUIDE_AFTER_RE = re.compile(r"\s*(?:and\s+[-−]?[\d.,]+\s*)?(?:[^\W\d]{1,4}[⊕☉♃]?\s+)?"  # "the 10 M⊕ gridline"
                            r"(?:gridline|grid\s+line|line|tick|tick\s+mark|mark|end\s+of\s+the\s+axis|limit|"
                            r"edge|floor|ceiling)s?\b", re.IGNORECASE)  # "past the 3,000 kg end of the axis"
_CORRECTION_CUES = ("correct", "errat", "edit:", "misread", "mis-read", "closer", "second ", "reread", "re-read",
                    "again", "checking",
                    "wait,", "actually", "in fact", "should", "precise", "not at", "wrong", "scratch")


@lru_cache(maxsize=8)
def mentions_correction(text: str) -> bool:
    """CORRECTION_RE, after a cheaper test for its words (most descriptions correct nothing)."""
    low = text.lower()
    return any(cue in low for cue in _CORRECTION_CUES) and bool(CORRECTION_RE.search(text))


# The authors' own point: "(ours)", "— the proposed model", "(this work)", "(this trial)", "(present study)",
# "the primary subject". Not when
# it is compared with: "slower than ours", "close to the proposed method".
OURS_CUE_RE = re.compile(r"(?=[optmharsfcnidOPTMHARSFCNID])\b(?:ours|"
                         r"our\s+(?:own\s+)?(?:model|method|approach|system|work|network|result|prototype|design|"
                         r"candidate|compound|catalyst|device|algorithm|framework|pipeline)s?|"
                         # "the authors' policy is a gold star", "the authors’ own model"
                         r"authors['’]\s+(?:own\s+)?(?:model|method|approach|system|policy|network|design|candidate|"
                         r"compound|catalyst|device|algorithm|framework|pipeline|prototype|tokenizer|material)s?|"
                         r"(?<=\()new(?=\))|"  # "KX-771 (new)", "Riverside (new)": the entry the figure introduces
                         r"proposed|(?:this|present)\s+(?:work|paper|study|trial|thesis|article|report|submission)|"
                         r"(?:primary|main)\s+subject|"
                         r"(?:the\s+)?highlighted\s+(?:point|model|marker|one|entry|method)|"
                         # the chart's subject: "the scenario the review is about", "on which the article focuses"
                         r"(?:paper|article|review|study|report)\s+(?:is\s+about|focuses\s+on)|"
                         r"on\s+which\s+the\s+(?:paper|article|review|study|report)\s+focuses|"
                         r"focal\s+(?:species|point|model|case|material|country|city|subject)|"
                         # "the system introduced in the paper", "the agent the figure is built around"
                         r"(?:introduced|presented|developed)\s+(?:in|by)\s+(?:the|this)\s+(?:paper|article|study|work|"
                         r"report|authors)(?!\s+(?:by|of)\b)|(?:figure|chart|plot|paper|article|study)\s+is\s+built\s+around|"
                         r"case\s+study\s+of\s+the\s+(?:paper|article|study|report|review)|"
                         r"focus\s+of\s+the\s+(?:paper|article|study|report|review|analysis|figure))\b", re.IGNORECASE)
_COMPARED_RE = re.compile(r"\b(?:than|vs\.?|versus|to|with|like|over|beats?|outperforms?|outperforming|below|"
                          r"above|behind|near)\s+(?:the\s+)?$", re.IGNORECASE)


# a point said to lie outside the axes: "far above the plotted range", "past the right edge", "clipped at the top"
BEYOND_RE = re.compile(r"(?=[abpocABPOC])\b(?:above|below|beyond|past|outside|off)\s+(?:the\s+|both\s+|either\s+)?"
                       r"(?:top|bottom|right|left|upper|lower|edge|plotted|plot|chart|axis|axes|range|frame|[xy]-axis|visible|drawn)\b|\bclipped\b|"
                       r"\boff[- ](?:the[- ])?(?:chart|scale|plot|axis)\b|\bout\s+of\s+(?:range|frame|bounds)\b",
                       re.IGNORECASE)
# the words that make an exception to what is said of all: "except", "apart from", ... (as substrings, a cheap cue)
EXCEPT_CUES = ("except", "apart from", "other than", "save for")
EXCEPT_WORDS = "|".join(cue.replace(" ", r"\s+") for cue in EXCEPT_CUES)
EXCEPTION_RE = re.compile(r"\b(?:" + EXCEPT_WORDS + r")\b", re.IGNORECASE)
# an exception after a style said of all: "..., except the highlighted point", "other than Mercy General"
EXCEPT_AFTER_RE = re.compile(r"\s*,?\s*(?:" + EXCEPT_WORDS + r"|but\s+not)\b", re.IGNORECASE)


def ours_cue(text: str) -> bool:
    """True when text marks its point as the authors' own."""
    return any(not _COMPARED_RE.search(text[max(0, m.start() - 16): m.start()]) for m in OURS_CUE_RE.finditer(text))


def fold(text: str) -> str:
    """Lower case with every offset kept (a few characters, such as "İ", grow when lowered)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


_SPACES_RE = re.compile(r"[\s-]+")


def _key(word: str) -> str:
    return _SPACES_RE.sub(" ", word)


HEX_RE = re.compile(r"(?<![\w#])#[0-9a-fA-F]{6}\b")


def find_colors(text: str) -> list[tuple[int, str]]:
    """(offset, matplotlib colour) for every colour word or hex code ("#1f77b4") in text."""
    found = [(m.start(), COLORS[_key(m.group())]) for m in COLOR_RE.finditer(fold(text))]
    if "#" in text:
        found = sorted(found + [(m.start(), m.group(0).lower()) for m in HEX_RE.finditer(text)])
    return found


# "purple X", "a red x": the letter after a colour word is a cross marker
COLOR_X_RE = re.compile(r"(?<![\w])(" + _trie(sorted(COLORS)) + r")\s+[\"“‘']?x[\"”’']?(?![\w-])")  # 'black "x"' too


def _colour_x(low: str) -> str:
    """Lower-case text with "purple x" read as "purple cross" (same length is not needed: callers want words)."""
    return COLOR_X_RE.sub(r"\1 cross", low) if " x" in low or "x\"" in low or "x”" in low or "x'" in low else low


def find_markers(text: str) -> list[tuple[int, str]]:
    out = []
    for m in MARKER_RE.finditer(fold(text)):
        key = _key(m.group())
        out.append((m.start(), MARKERS.get(key) or MARKERS[key.replace(" ", "-")]))
    return out


def find_style(text: str) -> str | None:
    m = STYLE_RE.search(fold(text))
    if not m:
        return None
    key = _key(m.group())
    return STYLES.get(key) or STYLES.get(key.replace(" ", "-"))


def first_color(text: str) -> str | None:
    m = COLOR_RE.search(fold(text))
    if "#" in text:
        h = HEX_RE.search(text)
        if h and (m is None or h.start() < m.start()):
            return h.group(0).lower()
    return COLORS[_key(m.group())] if m else None


def first_marker(text: str) -> str | None:
    if "×" in text:  # "1.8 × 10⁻¹" is no cross marker
        text = _TIMES_NUMBER_RE.sub(" ", text)
    m = MARKER_RE.search(_colour_x(fold(text)))
    if m is None:
        return None
    key = _key(m.group())
    return MARKERS.get(key) or MARKERS[key.replace(" ", "-")]


_FILLER_RE = re.compile(r"\b(large|small|big|larger|bigger|smaller|enlarged|oversized|tiny|thick|thin|outlined|"
                        r"edged|bordered|rims?|"
                        r"filled|hollow|open|solid|point|points|marker|markers|labels|text|outlines?|edges?|borders?|"
                        r"and|with|a|an|the|bold|label|represented|shown|drawn|depicted|denoted|plotted|displayed|"
                        r"marked|rendered|by|as|in|using|single|data|symbols?|shapes?|colou?red|"
                        r"plain|simple|ordinary|regular|uniform|identical|same-sized|semi-transparent|translucent|"
                        r"also|again|likewise|too|only|lone|sole|"
                        r"one\s+of)\b")  # "(also blue)", "(the only blue circle)", "(one of the green squares)"
_WORD_RE = re.compile(r"\w")


def is_filler(text: str) -> bool:
    """True for words that only qualify a style: "Large", "small filled", "the"."""
    return not _WORD_RE.search(_FILLER_RE.sub(" ", fold(text)))


def is_style_only(text: str) -> bool:
    """True when text is nothing but colour/marker words, e.g. "Purple Star", "large red star"."""
    low = _colour_x(fold(text))
    if not (COLOR_RE.search(low) or MARKER_RE.search(low) or ("#" in low and HEX_RE.search(low))):
        return False
    rest = HEX_RE.sub(" ", COLOR_RE.sub(" ", MARKER_RE.sub(" ", low)))
    return not _WORD_RE.search(_FILLER_RE.sub(" ", rest))


def style_head(text: str) -> str:
    """The style words a phrase starts with: "a large gold star instead of its category marker" -> "a large
    gold star" ("" if it starts with none)."""
    words = text.split()
    return next((" ".join(words[:k]) for k in range(min(len(words), 6), 0, -1)
                 if is_style_only(" ".join(words[:k]))), "")


# numbers written with a times sign: "3.1 × 10^23", "1.8×" (no cross marker in them)
_TIMES_NUMBER_RE = re.compile(r"\d[\d.,]*\s*×\s*(?:10(?:\^|\*\*)?\{?[-−+]?[\d⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺.]*\}?)?")


def style_words(text: str) -> tuple[str | None, str | None]:
    """First colour and marker in text, numbers removed first ("3.1 × 10^23" is no cross marker)."""
    if "×" in text:
        text = _TIMES_NUMBER_RE.sub(" ", text)
    color, marker = first_color(text), first_marker(text)
    emoji = EMOJI_RE.search(text) if text and max(text) >= _FIRST_EMOJI else None
    if emoji:  # "🔵 Llama-3-8B: ..." (an emoji's colour yields to a written one)
        color, marker = color or EMOJI[emoji.group()][0], marker or EMOJI[emoji.group()][1]
    return color, marker


_GLYPHS = MARKER_GLYPHS + "✱✦️\ufe0f"


def leading_symbols(label: str) -> tuple[str, str]:
    """'🔵 Llama-3-8B' -> ('Llama-3-8B', '🔵'), 'ResNet-152 ▲' -> ('ResNet-152', '▲'): glyphs and emoji
    around a name are style, not name."""
    i = 0
    while i < len(label) and (label[i] in EMOJI or label[i] in _GLYPHS or label[i].isspace()):
        i += 1
    j = len(label)
    while j > i and (label[j - 1] in EMOJI or label[j - 1] in _GLYPHS or label[j - 1].isspace()):
        j -= 1
    return label[i:j], (label[:i] + " " + label[j:]).strip()


def same_color(a: str, b: str) -> bool:
    return a.lower() == b.lower() or color_family(a) == color_family(b)


# labels that name a part of the chart or of its description, never a plotted point
# "One caveat: ...", "Heads-up on units: ...", "Audit background: 146 animals, ...": a remark, keyed like a point
REMARK_LABEL = (r"(?:(?:an?|one|another|a\s+final|a\s+quick)\s+)?(?:caveats?|disclaimers?|warnings?|heads-up|"
                r"reminders?|asides?)|(?:[a-z]+\s+)?background|"
                # a study's own description: "Setup: 12 club runners tested ...", "Methods: ...", "Data source: ..."
                # (the key alone: "Protocol A" names a point)
                r"(?:(?:experimental\s+|study\s+)?(?:setup|set-up|methods?|methodology|protocol|procedure)|"
                r"(?:data\s+)?sources?)(?=\s*(?::|$))")
REMARK_LABEL_RE = re.compile(r"^(?:" + REMARK_LABEL + r")\b", re.IGNORECASE)
NOT_A_LABEL_RE = re.compile(r"^([xy][\s_-]?ax[ie]s|x|y|horizontal|vertical|abscissa|ordinate|"
                            r"range|scale|ticks?|tick marks|title|legend|trend|line|note|"
                            r"reference|threshold|guide|"
                            r"axis|axes|"
                            r"(?:the\s+)?(?:main\s+)?(?:scatter\s*plot|scatter|plot|figure|graph|diagram|image)|"
                            # a part of the figure: "**Main Chart**: all markers lie ..."
                            r"main\s+(?:chart|panel|area)|"
                            r"data points?|symbol|marker|colou?r|coordinates?|position|type|chart|error bars?|"
                            r"intercept|slope|equation|formula|confidence|correlation|r²|r2|r\^2|p[- ]?value|"
                            r"spatial|grounding|outliers?|regression|fit|gridlines?|grid|annotations?|caption|"
                            r"summary|observations?|components?|overview|details?|corrections?|updates?|erratum|edit|lines?|"
                            r"(?:data\s+)?points?\s+counts?|number\s+of\s+(?:data\s+)?points|"
                            + REMARK_LABEL + "|"
                            # (alone: "Total Market ETF", "Mean Shift" are names)
                            r"(?:count|total|mean|average|median|std|standard deviation|variance|sum|overall)\s*$|"
                            # the points as a whole, a heading's word: "**Points** (each labelled with ...)"
                            r"(?:the\s+)?(?:all\s+)?(?:points?|dots|data|values|results|measurements)\s*$|"
                            # the setting of the experiment, a description's key: "**Source context:** ..., 10M × 768-d
                            # text embeddings, 1 CPU socket"
                            r"(?:source(?:\s+context)?|context|setup|set-up|settings?|configuration|environment|"
                            r"workload|hardware|dataset|data\s+source|(?:figure|chart|plot|graph)\s+type)\s*$|"
                            # a region of the plot: "**Top-left**: ZnS [x=5.409, y=3.68], GaP [...]"
                            r"(?:top|bottom|upper|lower)[\s-]*(?:left|right)|"
                            r"(?:top|bottom|upper|lower|left|right)[\s-]+(?:corner|cluster|region|quadrant|edge|side|half)|"
                            r"along\s+the|"
                            # a remark's key: "Commentary: only the prototype passes ..."
                            r"(?:commentary|comments?|remarks?|interpretation|takeaways?)(?=\s*(?::|$))|"
                            # a count of things ("14 entries", "four categories") is not a name
                            r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:entries|models|points|items|"
                            r"categories|series|labels|systems|methods|datasets|groups|markers|data points)\b)\b|"
                            # a lead-in of a reading, not a name: "Reading the panel", "Looking at the plot", "Moving
                            # right"; a name may start with -ing ("Herring gull", "Spring wheat", "King penguin")
                            r"(?-i:[A-Z][a-z]+ing\s+(?:the|a|an|at|from|across|along|to|through|over|down|up|left|right|"
                            r"again|further|closer|more)\b(?:\s+[a-z]+){0,4}$)",
                            re.IGNORECASE)

# a chart word with an identifier is a name: "Plot A" (a field plot), "Line 4" (a metro line), "Type Ia" (a supernova)
NAMED_PART_RE = re.compile(r"(?:plot|graph|diagram|image|line|type|grid|trend|reference)\s+"
                           r"(?:(?-i:[A-Z])|\d{1,3}[a-z]?|(?-i:[IVX]{1,4}[a-z]?))", re.IGNORECASE)


def not_a_label(text: str) -> bool:
    """The text names a part of the chart or a remark ("X-axis", "Legend", "Note"), not a point."""
    return NOT_A_LABEL_RE.match(text) is not None and NAMED_PART_RE.fullmatch(text.strip()) is None


# counts written as words: "three gray crosses", "all twelve points"
NUMBER_WORDS = {w: i for i, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
))}


# a count in digits or words ("12", "nine"), for patterns
COUNT_PATTERN = r"(?:\d+|" + "|".join(w for w in NUMBER_WORDS if w != "zero") + ")"


def count_of(word: str) -> int | None:
    """A count as written: "12" or "twelve" -> 12; None for any other word."""
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower())


# a line read for a value, not a line described: "a third of what the regression line predicts", "than the fit
# gives", "predicted by the line"
LINE_READ_PATTERN = (r"\b(?:what|than)\s+the\s+(?:[\w-]+\s+){0,2}?(?:line|fit)\s+(?:predicts?|gives|implies)\b|"
                     r"\bpredicted\s+by\s+the\s+(?:[\w-]+\s+){0,2}?(?:line|fit)\b")
