"""points_prose: points stated in sentences ("WizardMath-7B sits at about 96K examples with an accuracy of 54.9%")."""
from __future__ import annotations

import re

from ..facts import PointFact
from ..state import ParseState
from ..lookup import assign_axes
from ..values import Num, lex
from ..vocab import first_color, first_marker
from .coords import find_coords, without_examples

OURS_PREFIX_RE = re.compile(r"^(?:our (?:own )?(?:model|method|system|approach)|the proposed (?:model|method)|ours)"
                            r"\s*[,:(]\s*", re.IGNORECASE)
SUBJECT_END_RE = re.compile(r",|\s(?:sits|is|lies|scores|scored|reaches|reached|achieves|achieved|attains|gets|"
                            r"obtains|has|uses|used|was|were|comes|appears|stands|trained|at|with|on|needs|"
                            r"requires|delivers|posts|hits|records)\b")
PLACE_RE = re.compile(r"^(?:on|at|in|to(?:ward)?s?)\s+the\s+(?:far\s+)?(?:left|right|top|bottom|upper|lower|middle|"
                      r"centre|center)[\w\s-]{0,20},\s*", re.IGNORECASE)
SUBJECT_SIZE_RE = re.compile(r"^(?P<name>[^()]{1,60}?)\s*\((?P<size>[^()]*\d[^()]*)\)(?=\s)")
PAIR_RE = re.compile(r"\([^()]*\d[^()]*,[^()]*\d[^()]*\)")
LISTED_SPLIT_RE = re.compile(r"\b(?:and|include|includes|including|are|is|:)\s+|,\s*")
NAMEISH_RE = re.compile(r"\d|[a-z][A-Z]|[A-Z]{2}|-")
NOT_POINT_RE = re.compile(r"(?=[altr])\b(axis|axes|line|legend|title|tick|ticks|range)\b", re.IGNORECASE)
COUNT_SUBJECT_RE = re.compile(r"^\d+\s+[a-z]")  # "14 entries with model names": a count, not a name
PRONOUN_RE = re.compile(r"^(the|it|this|that|these|those|all|each|every|both|its|their|there|one|two|three|four|"
                        r"a|an|if|when|while|taken|overall|together|in|at|on|for|with|by)\b", re.IGNORECASE)


def points_prose(state: ParseState) -> None:
    """One name and exactly two numbers in a sentence make a point; later restatements are ignored."""
    known = {p.label.casefold() for p in state.points}
    for block in state.facts_blocks("paragraph", "item"):
        if block.used and block.kind == "item":
            continue
        for sentence in block.sentences:
            if NOT_POINT_RE.search(sentence):
                continue
            found = _listed(sentence, block.line) or [_point_in(state, sentence, block.line)]
            for point in found:
                if point is not None and point.label.casefold() not in known:
                    known.add(point.label.casefold())
                    state.points.append(point)
                    block.used = True


def _listed(sentence: str, line: int) -> list[PointFact]:
    """"The baselines are GPT-4 (10, 80), Claude (8, 78) and Llama (5, 60)": several named pairs."""
    found: list[PointFact] = []
    if sentence.count("(") < 2:
        return found
    for pair in PAIR_RE.finditer(sentence):
        before = sentence[:pair.start()]
        before = before[max(map(before.rfind, "(),;:")) + 1:].rstrip()[-60:]  # the words since the last break
        name = LISTED_SPLIT_RE.split(before)[-1].strip()
        coords = find_coords(pair.group())
        if not name or not NAMEISH_RE.search(name) or PRONOUN_RE.match(name) or coords is None:
            continue
        point = PointFact(name, coords.x, coords.y, line)
        point.warnings.append("read from a sentence listing several points")
        found.append(point)
    return found if len(found) >= 2 else []


def _point_in(state: ParseState, sentence: str, line: int) -> PointFact | None:
    sentence = PLACE_RE.sub("", sentence)  # "On the far left, TinyLlama (1.1B) scores 25%."
    ours = OURS_PREFIX_RE.match(sentence)
    body = sentence[ours.end():] if ours else sentence
    size = SUBJECT_SIZE_RE.match(body)  # "Phi-2 (2.7B) reaches 56%": the bracket holds the x value
    end = SUBJECT_END_RE.search(body, size.end() if size else 0)
    if end is None:
        return None
    subject = (size.group("name") if size else body[: end.start()]).strip().strip("*\"“”")
    if (not subject or len(subject.split()) > 5 or PRONOUN_RE.match(subject) or COUNT_SUBJECT_RE.match(subject)
            or not NAMEISH_RE.search(subject) or not subject[0].isalnum()):
        return None
    rest = (size.group("size") + " ; " if size else "") + body[end.start():]
    rest = without_examples(rest)  # "(e.g., Phi-2 at 2.7B)" gives no values
    nums = [n for n in lex(rest) if n.unit not in ("x", "×") and not re.match(r"^\s*(?:x|×|times|points?\b)",
                                                                              rest[n.end:])]
    if len(nums) != 2:
        return None
    x, y = assign_axes(state, rest, nums)
    point = PointFact(subject, x, y, line, color=first_color(rest), marker=first_marker(rest))
    point.ours = bool(ours)
    point.warnings.append("read from a sentence, not a list or table; x and y assigned by the words around them")
    return point
