"""corrections: a later sentence that revises one value of a point already read.

    "Correction: the Ours marker itself is at about 50.5%, the label sits above it."
    "On closer inspection the FastAttn marker sits on the 1.6× level, not at 1.9×."
    "I misread Beta earlier; its latency is actually closer to 250 ms."

The rule only records what the sentence states (the point it names, the new value, the old one when
given); assemble decides the axis and applies it, with a warning.
"""
from __future__ import annotations

import re

from ..facts import CorrectionFact
from ..state import ParseState
from ..text import whole_words
from ..values import lex
from ..vocab import CORRECTION_RE, GUIDE_AFTER_RE, mentions_correction

# the value being replaced: "not at 1.9×", "rather than 48", "instead of 300", "(was 52)", "earlier 45"
OLD_VALUE_RE = re.compile(r"\b(?:not(?:\s+at|\s+on|\s+the)?|rather\s+than|instead\s+of|was|previously|earlier|"
                          r"(?:listed|given|stated|read|misread|mis-read)(?:\s+(?:this|the|that|it|its)(?:\s+\w+){0,2})?\s+as)"
                          # ("read this marker as 4.97", "I misread it at first as 2,300")
                          r"\s*(?:about\s+|~\s*|≈\s*)?$", re.IGNORECASE)
COMPARED_RE = re.compile(r"\b(?:than|vs\.?|versus|like|below|above|under|over|beside|next to)\s+(?:the\s+)?$|"
                         r"\b(?:than|below|above)\b", re.IGNORECASE)
PAIR_AFTER_RE = re.compile(r"\(\s*[~≈]?\s*[-−]?[\d.,]+[^(),]*,\s*[~≈]?\s*[-−]?[\d.,]+[^()]*\)")
GUIDE_BEFORE_RE = re.compile(r"\b(?:gridline|grid\s+line|tick|line)\s+(?:at|of)\s*[~≈]?\s*$|"
                             r"\b(?:past|beyond|above|below|under|over|than)\s+(?:the\s+)?$", re.IGNORECASE)
OLD_CLAUSE_RE = re.compile(r"\b(?:earlier|previous(?:ly)?|older|originally|initially|first\s+draft|(?:transcription|"
                           r"typing|reading)\s+error|typo|misprint|(?:listed|given|stated|shown|read|written)\s+above)\b|"
                           r"\d\S*\s+above\b", re.IGNORECASE)  # "the 14.7 Mpc above", not "just above the 74 gridline"
OLD_CLAUSE_BREAK_RE = re.compile(r";|\s[—–]\s|,\s+(?:but|while|whereas)\s")
PRONOUN_START_RE = re.compile(r"^\W*(?:its|it|the\s+(?:point|marker|dot|value))\b", re.IGNORECASE)
RESTATED_BEFORE_RE = re.compile(r"\s*[(\[]\s*(?:i\.e\.,?\s*|=\s*|or\s+)?[~≈]?\s*")
RESTATED_AFTER_RE = re.compile(r"[^\d()\[\],;]{0,12}[)\]]")
POINT_NUMBER_RE = re.compile(r"\b(?:point|item|entry|row|record|no\.|number)\s*#?\s*$|#\s*$", re.IGNORECASE)
# a point named by its number in the list: "record 6 sits at 27 g/kg", "point #3 is at 45", "item 2 should read"
NUMBERED_POINT_RE = re.compile(r"\b(?:point|item|entry|row|record)\s*#?\s*(?P<n>\d{1,3})\b(?!\s*[.,]\d)", re.IGNORECASE)
# after the cue, the point named before it: "Seoul: 46% at 16,000; on closer reading its density is 15,600, just
# left of Barcelona's"
ITS_AFTER_CUE_RE = re.compile(r"\W*(?:its|it)\b", re.IGNORECASE)
# a clause that keeps a value: "the 2T value is right", "(the 12 ms latency stays as listed)", "x is unchanged"
CONFIRMED_RE = re.compile(r"\b(?:is|are|was|remains?|stays?)\s+(?:still\s+)?(?:right|correct|unchanged|fine|accurate|"
                          r"as\s+(?:listed|given|stated|read|before))\b|\bunchanged\b|\bstill\s+holds\b", re.IGNORECASE)
CLAUSE_BREAK_RE = re.compile(r";|\s[—–]\s|[()]|,\s+(?:but|and|while)\s")
OURS_RE = re.compile(r"\bours\b|\bour (?:own )?(?:model|method|approach|system)\b|\bthe (?:red )?star\b|"
                     r"\bhighlighted (?:point|marker|model)\b", re.IGNORECASE)


def corrections(state: ParseState) -> None:
    """Runs after the point rules: it needs the labels they read."""
    if not state.points or not mentions_correction(state.doc.text):
        return  # one search over the whole text: most descriptions correct nothing
    labels = sorted({p.label for p in state.points}, key=len, reverse=True)
    listed = [p.label for p in state.points]  # in reading order: "record 6" is the sixth
    for block in state.doc.blocks:  # commentary too: "Note: I misread Beta earlier ..."
        if block.kind not in ("paragraph", "item") or not CORRECTION_RE.search(block.text):
            continue
        # the point of this very line, when the line is a point's own item
        on_line = [p.label for p in state.points if p.line == block.line] if block.kind == "item" else []
        own = on_line[0] if len(on_line) == 1 else None
        before = None  # the one point the sentence before named: "... the Barolo 2016 price above was transposed."
        # ("**Erratum.** MicroNet-KWS-M is listed at 1.5 mJ above; the correct value is 1.05 mJ": the lead's cue
        # is every sentence's)
        led = bool(block.lead and CORRECTION_RE.search(block.lead))
        for sentence in block.sentences:
            # "Its marker actually sits just left of the $100 tick, at about $85, not $58": "its" is that point's
            said = own if own is not None else before if PRONOUN_START_RE.match(sentence) else None
            numbered = NUMBERED_POINT_RE.search(sentence)
            if said is None and numbered is not None and 1 <= int(numbered["n"]) <= len(listed):
                said = listed[int(numbered["n"]) - 1]  # (the point it numbers, not one named in a remark after it)
            if CORRECTION_RE.search(sentence) or (led and lex(sentence)):
                fact = _correction(sentence, labels, block.line, said, numbered=numbered is not None)
                if fact is not None:
                    state.corrections.append(fact)
            named = [label for label in labels if whole_words(label).search(sentence.casefold())]
            before = named[0] if len(named) == 1 else None


def _correction(sentence: str, labels: list[str], line: int, own: str | None = None,
                numbered: bool = False) -> CorrectionFact | None:
    low = sentence.casefold()
    label, span = None, (0, 0)
    named: list[tuple[int, int]] = []  # every label the sentence names: their numbers are no values
    cue = CORRECTION_RE.search(sentence)
    cue_at = cue.start() if cue is not None else 0
    hits: list[tuple[bool, int, int, str, tuple[int, int]]] = []
    for candidate in labels:  # the longest label the sentence names (after its cue, when one follows it)
        for m in whole_words(candidate).finditer(low):
            if not any(a <= m.start() < b for a, b in named):
                named.append(m.span())
                hits.append((m.start() < cue_at, -len(candidate), m.start(), candidate, m.span()))
    if numbered and own is not None:
        hits = [h for h in hits if h[3] == own]  # "record 6 ... (behind the Prairie Station label)": the sixth
    if hits and cue is not None and ITS_AFTER_CUE_RE.match(sentence, cue.end()):
        hits = [h for h in hits if h[0]] or hits  # "...; on closer reading its density is ...": the one before
    if hits:  # (labels of one length, "2010" and "2013": the first in the sentence, whatever order they came in)
        _, _, _, label, span = min(hits)
    if own is not None and (label is None or COMPARED_RE.search(low[:span[0]])):
        # "(CogVLM's line) On closer inspection, the marker sits lower than Qwen2-VL-7B; it is nearer 45"
        label, span = own, (0, 0)
    if label is None and not OURS_RE.search(sentence):
        return None
    new, old = [], None
    # "X: x ≈ 5,800, y ≈ 33.3 (correction: ... so x ≈ 5,200)": only what follows the cue revises, when the
    # sentence named a point before it
    after = cue_at if cue is not None and any(b <= cue_at for _, b in named) else 0
    kept = [(a, b) for a, b in _clauses(sentence) if CONFIRMED_RE.search(sentence, a, b)]
    # "...; an earlier draft gave 19 days", "— the 4.12 in the block above is a transcription error": a clause
    # apart from the cue's that speaks of the first reading holds the old value
    before = [(a, b) for a, b in _clauses(sentence, OLD_CLAUSE_BREAK_RE)
              if not a <= cue_at < b and OLD_CLAUSE_RE.search(sentence, a, b)]
    nums = lex(sentence)
    for k, n in enumerate(nums):
        if k and RESTATED_BEFORE_RE.fullmatch(sentence, nums[k - 1].end, n.start) \
                and RESTATED_AFTER_RE.match(sentence, n.end):
            continue  # "at 0.25B (250M)", "14.1 Mpc (46 Mly)": the value again in other units, not a second one
        if any(a <= n.start < b for a, b in named) or n.start < after:
            continue  # "GPT-4" names the point
        if any(a <= n.start < b for a, b in kept):
            continue  # "...; the 2T value is right": the value kept, not the new one
        if GUIDE_AFTER_RE.match(sentence, n.end) or GUIDE_BEFORE_RE.search(sentence, max(0, n.start - 60), n.start):
            continue  # "left of the 6,000 gridline", "the gridline at 2.0": a guide, not the value
        if POINT_NUMBER_RE.search(sentence[max(0, n.start - 12): n.start]):
            continue  # "looking again at point 3, ...": the point's number in a list
        if OLD_VALUE_RE.search(sentence[max(0, n.start - 25): n.start]) or any(a <= n.start < b for a, b in before):
            old = old or n
        else:
            new.append(n)
    if len(new) > 2:  # "... between the 1.0 and 1.5 ticks, closer to 1.5, so LOWER-CV is about (1.3, 29)"
        pair = PAIR_AFTER_RE.search(sentence, span[1])
        new = [n for n in new if pair and pair.start() <= n.start < pair.end()] if pair else new
    if len(new) not in (1, 2):
        return None  # no value, or several: not one correction we can place
    return CorrectionFact(label, tuple(new), old, line, sentence)


def _clauses(sentence: str, breaks: re.Pattern[str] = CLAUSE_BREAK_RE) -> list[tuple[int, int]]:
    """The spans between clause breaks (";", a dash, brackets, ", but")."""
    cuts = [0, *(x for m in breaks.finditer(sentence) for x in (m.start(), m.end())), len(sentence)]
    return list(zip(cuts[::2], cuts[1::2], strict=True))
