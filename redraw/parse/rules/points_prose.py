"""points_prose: points stated in sentences ("WizardMath-7B sits at about 96K examples with an accuracy of 54.9%")."""
from __future__ import annotations

import re

from ..facts import PointFact
from ..state import ParseState
from ..lookup import assign_axes
from ..values import Num, lex
from ..vocab import CORRECTION_RE, first_color, first_marker, ours_cue
from ..lookup import group_mentioned, series_header
from ..text import top_level_index
from .coords import PRONOUN_RE, find_coords, named_pairs, without_examples

OURS_PREFIX_RE = re.compile(r"^(?:our (?:own )?(?:model|method|system|approach)|the proposed (?:model|method)|ours)"
                            r"\s*[,:(]\s*", re.IGNORECASE)
APPOSITIVE_RE = re.compile(r"^(?P<role>(?:the|our)\s+(?:[\w-]+\s+){0,3}?(?:subject|model|method|system|approach|"
                           r"point|network|detector|baseline|entry|work))\s*[,(—–]\s*(?P<name>[^,()—–]{1,40}?)\s*[,)—–]\s+",
                           re.IGNORECASE)
SUBJECT_END_RE = re.compile(r",|\s(?:sits|is|lies|scores|scored|reaches|reached|achieves|achieved|attains|gets|"
                            r"obtains|has|uses|used|was|were|comes|appears|stands|trained|at|with|on|needs|"
                            r"requires|delivers|posts|hits|records)\b")
PLACE_RE = re.compile(r"^(?:on|at|in|to(?:ward)?s?)\s+the\s+(?:far\s+)?(?:left|right|top|bottom|upper|lower|middle|"
                      r"centre|center)[\w\s-]{0,20},\s*", re.IGNORECASE)
SUBJECT_SIZE_RE = re.compile(r"^(?P<name>[^()]{1,60}?)\s*\((?P<size>[^()]*\d[^()]*)\)(?=\s)")
NAMEISH_RE = re.compile(r"\d|[a-z][A-Z]|[A-Z]{2}|-")
NOT_POINT_RE = re.compile(r"(?=[altr])\b(axis|axes|line|legend|title|tick|ticks|range)\b", re.IGNORECASE)
COUNT_SUBJECT_RE = re.compile(r"^\d+\s+[a-z]")  # "14 entries with model names": a count, not a name


def points_prose(state: ParseState) -> None:
    """One name and exactly two numbers in a sentence make a point; later restatements are ignored."""
    known = {p.label.casefold() for p in state.points}
    for block in state.facts_blocks("paragraph", "item"):
        if block.used and block.kind == "item":
            continue
        for sentence in block.sentences:
            if NOT_POINT_RE.search(sentence) or CORRECTION_RE.search(sentence):
                continue  # a correction revises a point read elsewhere (rule corrections)
            found = _listed(state, sentence, block.line) or [_point_in(state, sentence, block.line)]
            for point in found:
                if point is not None and point.label.casefold() not in known:
                    known.add(point.label.casefold())
                    state.points.append(point)
                    block.used = True


def _listed(state: ParseState, sentence: str, line: int) -> list[PointFact]:
    """"The baselines are GPT-4 (10, 80), Claude (8, 78) and Llama (5, 60)": several named pairs; a head
    before a colon that names a series styles them ("Series A (orange triangles): P1 (200, 55), ...")."""
    pairs = named_pairs(sentence)
    colon = top_level_index(sentence, ": ") if pairs else -1
    head = sentence[:colon].strip(" *") if 0 < colon < pairs[0][1].start else ""
    if len(pairs) < 2 and not (pairs and head and sentence[colon + 1:].lstrip(" *").startswith(pairs[0][0])):
        return []  # one pair is a list of points only after a series head: "Base models: Llama-2-70B at (70, 40)"
    group = (group_mentioned(state, head) or series_header(state, head, line)) if head and len(head) < 80 else None
    found = []
    for name, coords in pairs:
        point = PointFact(name, coords.x, coords.y, line)
        if group is not None:
            point.ctx_group = group.name
        else:
            point.ctx_color, point.ctx_marker = first_color(head), first_marker(head)
        point.warnings.append("read from a sentence listing several points")
        found.append(point)
    return found


def _point_in(state: ParseState, sentence: str, line: int) -> PointFact | None:
    sentence = PLACE_RE.sub("", sentence)  # "On the far left, TinyLlama (1.1B) scores 25%."
    ours = OURS_PREFIX_RE.match(sentence)
    body = sentence[ours.end():] if ours else sentence
    named = APPOSITIVE_RE.match(body)  # "The primary subject, FastDet, is drawn ..."
    if named:
        ours = ours or (named if ours_cue(named.group("role")) else None)
        body = body[named.start("name"):named.end("name")] + " " + body[named.end():]
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
