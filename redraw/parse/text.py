"""Small text helpers shared by the rules: top-level splitting, quotes, words."""
from __future__ import annotations

import re
from functools import lru_cache

QUOTED_RE = re.compile(r"[\"“”]([^\"“”]+)[\"“”]|(?<![\w])'([^']+)'(?![\w])")
# a short name in double quotes: 'labeled "Willow"', 'lists two entries, "Renewable" and "Fossil"'
QUOTED_NAME_RE = re.compile(r"[\"“]([^\"“”]{1,40})[\"”]")
WORD_RE = re.compile(r"[^\W_]+")  # letters of any script: "Métro" is one word, not "m" and "tro"
_STOP = {"the", "of", "a", "an", "in", "per", "and", "approx", "avg", "average", "number",
         "value", "values", "score", "s", "x", "y",
         # function words: "VQGAN is at 3 × 10⁴" shares no word with "FID (lower is better)"
         "is", "are", "was", "were", "be", "at", "with", "to", "for", "on", "by", "as", "or", "than", "it", "its"}


_BRACKETS_RE = re.compile(r"[(\[{)\]}]")
_SEP_RES: dict[str, re.Pattern[str]] = {}


def _sep_re(seps: str) -> re.Pattern[str]:
    """The separators as one pattern; a comma grouping digits ("1,500M") is none (see _thousands)."""
    if seps not in _SEP_RES:
        alts = [r"(?<!\d),|,(?!\d{3}(?!\d))"] if "," in seps else []
        if seps.replace(",", ""):
            alts.append("[" + re.escape(seps.replace(",", "")) + "]")
        _SEP_RES[seps] = re.compile("|".join(alts))
    return _SEP_RES[seps]


_NAMES_SEP_RE = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_NAMES_SEP_SEMI_RE = re.compile(r",\s*(?:and\s+)?|;\s*|\s+and\s+")


def split_names(text: str, semicolons: bool = False) -> list[str]:
    """A list of names as prose writes it: "A, B and C", "A, B, and C" (and "A; B" when semicolons)."""
    return (_NAMES_SEP_SEMI_RE if semicolons else _NAMES_SEP_RE).split(text)


def split_top(text: str, seps: str = ",;") -> list[str]:
    """Split at separators outside brackets: "a (b, c), d" -> ["a (b, c)", "d"]."""
    if not _BRACKETS_RE.search(text):  # the common case, split in one pass of C
        return [p for p in (p.strip() for p in _sep_re(seps).split(text)) if p]
    parts, depth, cur = [], 0, []
    for i, ch in enumerate(text):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(depth - 1, 0)
        if ch == "," and _thousands(text, i):
            cur.append(ch)
            continue
        if ch in seps and depth == 0:
            parts.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur).strip())
    return [p for p in parts if p]


def _thousands(text: str, i: int) -> bool:
    """The comma in "1,500M" groups digits; the one in "1, 500" separates values."""
    return (i > 0 and text[i - 1].isdigit() and text[i + 1: i + 4].isdigit() and len(text[i + 1: i + 4]) == 3
            and not text[i + 4: i + 5].isdigit())


def top_level_index(text: str, needle: str, start: int = 0) -> int:
    """Index of needle outside brackets, or -1."""
    i = text.find(needle, start)
    while i >= 0:
        before = text[:i]
        if sum(map(before.count, "([{")) <= sum(map(before.count, ")]}")):
            return i
        i = text.find(needle, i + 1)
    return -1


def quoted(text: str) -> str | None:
    """The first quoted text; a comma the sentence put inside the quotes is not part of it ('"Memory (GB),"')."""
    m = QUOTED_RE.search(text)
    return (m.group(1) or m.group(2)).strip().rstrip(",;").rstrip() if m else None


def words(text: str) -> set[str]:
    """Content words, lower case: "Approx. Activated Parameters (X)" -> {"activated", "parameters"}."""
    return {w for w in WORD_RE.findall(text.lower()) if w not in _STOP}


def overlap(a: str, b: str) -> int:
    """How many words of a match a word of b, prefixes of 3+ letters counting ("val" ~ "validation"), and
    words sharing their first five letters ("params" ~ "parameters")."""
    wb = words(b)
    return sum(any(_same_word(w, v) or _same_word(v, w) for v in wb) for w in words(a))


# ("HR", "WER"; or a few lower-case letters before the capitals: "npG", "eGFR")
ABBREVIATION_RE = re.compile(r"(?<![^\W\d_])(?:[A-Z]{2,5}|[a-z]{1,3}[A-Z]{1,4})(?![^\W\d_])")


def abbreviates(a: str, b: str) -> int:
    """1 when a capitals-only word of either text is spelled by the initials of consecutive words of the other,
    function words counted or not: how a column or key names an axis ("HR" ~ "Hazard ratio", "WER" ~ "word
    error rate", "TPS" ~ "tokens per second"). Not for names: "Canon RF" is no "reference frame"."""
    for short, long in ((a, b), (b, a)):
        initials = _initials(long)
        if any(m.group().lower() in initials for m in ABBREVIATION_RE.finditer(short)):
            return 1
    return 0


@lru_cache(maxsize=512)
def _initials(text: str) -> set[str]:
    """Every run of 2-5 initials of consecutive words, of all words and of content words."""
    found: set[str] = set()
    # (an abbreviation in the text gives its letters: "systolic BP" is spelled "SBP")
    all_words = [c for w in WORD_RE.findall(text) if not w.isdigit()
                 for c in (w.lower() if ABBREVIATION_RE.fullmatch(w) and len(w) <= 3 else [w.lower()])]
    for ws in (all_words, [w for w in all_words if w not in _STOP]):
        heads = "".join(w[0] for w in ws)
        found.update(heads[i:j] for i in range(len(heads)) for j in range(i + 2, min(i + 5, len(heads)) + 1))
    return found


def shares_word(name: str, title: str, shortest: int = 3) -> bool:
    """Some word of the name is a word of the title, whole or shortened to `shortest` letters or more ("val" of
    "validation", "params" of "parameters"); a name word that only starts with a short title word is another word
    ("Netherlands" is no "net" of "Net saving rate", "Costa" no "cost")."""
    title_words = words(title)
    return any(_same_word(w, v, shortest) for w in words(name) for v in title_words)


def _same_word(w: str, v: str, shortest: int = 3) -> bool:
    """w is v, or shortens it, or shares its first five letters ("params" ~ "parameters")."""
    return w == v or (len(w) >= shortest and v.startswith(w)) or (min(len(w), len(v)) >= 5 and w[:5] == v[:5])


_QUOTE_PAIRS = {'"': '"', "“": "”", "'": "'", "‘": "’"}


def strip_marks(text: str) -> str:
    """Trim list punctuation, emphasis leftovers and enclosing quotes around a label ('"Ours"' -> 'Ours')."""
    text = text.strip().strip("*_`").rstrip(" :;,—–-").lstrip(" :;,—–")
    while text.startswith("-") and not text.lstrip("-")[:1].isalnum():  # a flag's dashes stay: "-O2", "--fast"
        text = text[1:].lstrip(" :;,—–")
    text = text.strip()
    if (len(text) > 2 and _QUOTE_PAIRS.get(text[0]) == text[-1]
            and text.count(text[0]) == (2 if text[0] == text[-1] else 1)):
        text = text[1:-1].strip()
    return text


# a bracket after a name that remarks on the point, not part of its name: "2020s (2020–2023, partial)",
# "BBRv2-70 (clipped at the top)", "Saturn (outside the range)"
# ("GPT-4o (2024-05)" keeps its date: only a span of years is a remark)
_REMARK_BRACKET_RE = re.compile(r"\s*\((?=[^()]*(?:\b(?:1[5-9]|20)\d\d\s*[–-]\s*(?:1[5-9]|20)\d\d\b|"
                                r"\b(?:partial|estimated|projected|preliminary|provisional|incomplete|clipped|off-scale|"
                                r"outside|beyond|not plotted|annotated)\b))[^()]*\)\s*$", re.IGNORECASE)


def remark_dropped(label: str) -> str:
    """The label without a trailing bracket that remarks on the point."""
    return _REMARK_BRACKET_RE.sub("", label) or label


@lru_cache(maxsize=1024)
def has_words(text: str, words: str) -> bool:
    """`words` in `text` as a whole word or phrase, case as written ("2022" in "Silvretta 2022", "C" not in "CO₂")."""
    if not words:
        return False
    start = text.find(words)   # str.find, not a pattern compiled for each name: a text may name thousands
    while start >= 0:
        end = start + len(words)
        if not (start and _word_char(text[start - 1])) and not (end < len(text) and _word_char(text[end])):
            return True
        start = text.find(words, start + 1)
    return False


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"   # what the pattern \w matches


def whole_words(name: str) -> re.Pattern[str]:
    """`name`, case-folded, as a whole word or phrase: search it in case-folded text ("gpt-4" in "gpt-4o" is not)."""
    return re.compile(r"(?<!\w)" + re.escape(name.casefold()) + r"(?!\w)")


_NOT_ALNUM_RE = re.compile(r"[^0-9a-z]")
_BRACKETED_RE = re.compile(r"[(\[]([^()\[\]]{1,20})[)\]]")


def names_symbol(key: str, title: str) -> bool:
    """`key` spells a symbol of `title` but for its marks and case: "xg90" of "Expected goals per 90 (xG/90)",
    "fmsy" of "F/F_MSY" (a bracketed part, or a word that is no plain word: with marks, digits or inner capitals)."""
    short = _NOT_ALNUM_RE.sub("", key.casefold())
    if len(short) < 2:
        return False
    words = [w for w in title.split() if not w.isalpha() or not (w.islower() or w.istitle())]
    return any(_NOT_ALNUM_RE.sub("", part.casefold()) == short for part in [*_BRACKETED_RE.findall(title), *words])
