"""styles: chart-wide statements about points ("all others are blue", "highlighted in red", "gflops = x")."""
from __future__ import annotations

import re

from ..document import Block
from ..facts import DefaultStyle
from ..lookup import group_mentioned
from ..state import ParseState
from ..vocab import (
    COLOR_RE,
    COUNT_PATTERN,
    EXCEPT_AFTER_RE,
    EXCEPT_CUES,
    EXCEPT_WORDS,
    MARKER_RE,
    find_colors,
    first_color,
    first_marker,
    fold,
    is_style_only,
    ours_cue,
    style_head,
)

DEFAULT_RE = re.compile(
    r"\b(?P<who>all (?:other |the other |remaining )?(?:points|models|dots|markers|others)|all others|"
    r"all (?:the )?(?:other|remaining) [a-z][\w-]*|"
    r"all (?:the )?(?:" + COUNT_PATTERN + r" )?[a-z][\w-]*s(?= are (?:drawn|shown|plotted|marked))|"
    r"all (?:of )?(?:them|these|the points|the models)|"
    # "Represent individual species; all are teal circles", "They are all navy squares"
    r"(?:(?<=; )|(?<=: )|^)all(?= are\b)|they(?= are all\b)|"
    r"every other [a-z][\w-]*|each other [a-z][\w-]*|the (?:other|remaining) [a-z][\w-]*|"
    # ("each U.S. metro", "every OECD country": a word or two before the noun)
    r"the rest|(?:the )?(?:\w+ )?baselines?|(?:every|each) (?:[\w.&-]+ ){0,2}?[a-z][\w-]*|"
    r"all (?:\w+ )?(?:points|models)|"
    r"most (?:of the )?[a-z][\w-]*s(?= are (?:drawn|shown|plotted|marked))|"  # "Most wards are drawn as grey dots"
    # "Hospitals other than one are plain gray circles", "Models except ours are grey squares"
    r"(?:all )?[a-z][\w-]*s (?:other than|except(?: for)?|but|save) (?:one|ours|the highlighted one|the star)|"
    # the points given no look of their own: "Agents not marked otherwise are model-free (blue circles)", "Unmarked
    # points are grey", "Points without a stated style are small black dots", "Unless noted otherwise, points are ..."
    r"(?:all |any )?[a-z][\w-]*s? not (?:marked|noted|labell?ed|styled|stated|described) otherwise|"
    r"(?:all |any )?unmarked [a-z][\w-]*s|"
    r"(?:all |any )?[a-z][\w-]*s? without (?:a |an |any )?(?:stated |own |other |explicit )?(?:style|look|marker|"
    r"colou?r|symbol)s?(?: of (?:its|their) own)?|"
    r"unless (?:noted|marked|stated|said) otherwise,? (?:all )?(?:the )?[a-z][\w-]*s)"
    # (an aside between the two: "All other arms, including placebo, are small gray circles")
    r"\b[^.;:,]*?(?:,[^.;:,]{1,40},[^.;:,]*?)?\b(?:are|is|as)\b(?:\s+(?:drawn|shown|plotted|rendered|displayed|marked)"
    r"(?:\s+as)?)?"
    r"(?P<style>(?:\s+(?:a|an|plain|filled|small|solid|hollow|\w+-?\w*))?\s+[^.;,]{0,40})", re.IGNORECASE)
OTHERS_KEY_RE = re.compile(r"^(?:all\s+)?(?:the\s+)?(?:others|rest|other\s+(?:points|models|markers|countries|entries)|"
                           r"remaining\s+(?:points|models|markers)|everything\s+else|everyone\s+else)$", re.IGNORECASE)
EXCEPT_ASIDE_RE = re.compile(r",\s*(?:" + EXCEPT_WORDS + r"|but\s+not)\b[^,]*,", re.IGNORECASE)
CONDITION_RE = re.compile(r"\b(?:whose|that|which|if|where|when)\b", re.IGNORECASE)
# ("Seven systems are shown, each as a dark blue circle", "six points, each a black circle": the verb said before
# or left out; "each is an orange dot")
EACH_DRAWN_RE = re.compile(r"\b(?:(?:each|every)(?:\s+one)?|all)\s+(?:(?:is|are)\s+(?=an?\s))?"
                           r"(?:(?:represented|drawn|shown|plotted|rendered|marked)\s+(?:by|as|with)\s+|as\s+|(?=an?\s))"
                           r"(?:an?\s+)?(?P<style>[\w -]{2,30}?)(?=\s+(?:and|with|but)\b|[,.;:]|$)", re.IGNORECASE)
TERSE_STYLE_RE = re.compile(r"[·|]\s*(?P<style>[\w -]{2,30}?(?:dots|circles|squares|triangles|markers|points))"
                            r"\s*(?=,|·|\||$)", re.IGNORECASE)
SAME_STYLE_RE = re.compile(r"\b(?:all|every [a-z]+|each [a-z]+)\b[^.;]{0,30}?\b(?:use|uses|share|shares|have|has|"
                           r"are drawn (?:with|as)|drawn (?:with|as))\s+(?:the\s+)?same\s+(?P<style>[^.;,]{2,40})",
                           re.IGNORECASE)
OURS_STYLE_RE = re.compile(
    r"\b(?:the\s+)?(?:proposed|our|ours|highlighted\s+(?:point|model|marker)|authors['’]?\s+(?:own\s+)?(?:model|method|"
    r"system|approach|agent|design))(?!\w)[^.;,]{0,30}?,?\s*\b(?:which\s+)?"
    r"(?:is|are)\s+(?:(?:shown|drawn|plotted|marked|rendered|displayed|depicted)\s+(?:as|with|in|by)\s+|an?\s+"
    r"(?=[\w -]{0,30}?"
    r"\b(?:star|circle|square|triangle|diamond|dot|cross|pentagon|hexagon)s?\b))(?P<style>[^.;,]{0,40})",
    re.IGNORECASE)
HIGHLIGHT_RE = re.compile(r"\bhighlight\w*\b[^.;]{0,60}?\bin\s+(?P<c>[a-z]+)\b|\b(?P<c2>[a-z]+)[- ]highlighted\b",
                          re.IGNORECASE)
# the words DEFAULT_RE, OURS_STYLE_RE and HIGHLIGHT_RE start from: a block without one states no chart-wide style
CUES_RE = re.compile(r"\b(?:all|every|each|other|rest|remaining|baselines?|highlight\w*|our|ours|proposed|most|authors|"
                     r"except|otherwise|unmarked|without)\b")
COLUMN_MAP_CUE_RE = re.compile(r"=\s*[xy]\b")
# ("`mem_gb` = x, `ppl` = y": the key may be quoted as code)
COLUMN_MAP_RE = re.compile(r"\b(?P<key>[A-Za-z_][\w.]*)[`'\"”’]?\s*=\s*(?P<axis>[xy])\b(?!\s*[=≈]?\s*\d)")


# "Each dark red dot is a decade average", "Every country appears as ...": the style in the subject itself
SUBJECT_STYLE_RE = re.compile(r"\b(?:each|every|all(?:\s+the)?)\s+(?P<style>(?:[\w-]+\s+){0,3}?(?:dots?|points?|"
                              r"circles?|markers?|squares?|triangles?|diamonds?|crosses|stars?))\s+(?:is|are|"
                              r"represents?|stands? for|shows?|marks?|denotes?|corresponds? to)\b", re.IGNORECASE)
# "The plot shows 11 green dots, each representing a region", "with twelve grey circles, one per country": a count of
# markers of one style, each a point
SHOWS_COUNTED_RE = re.compile(r"\b(?:shows?|showing|contains?|plots?|has|displays?|with)\s+(?:\d{1,3}|"
                              + COUNT_PATTERN + r")\s+(?P<style>(?:[\w-]+\s+){0,2}?(?:dots|points|circles|markers|"
                              r"squares|triangles|diamonds))\s*,?\s+(?:each|one\s+(?:per|for))\b", re.IGNORECASE)
# "Countries are drawn as semi-transparent circles": every point, when the noun names no legend group
_ARE_DRAWN = (r"\s+are\s+(?:all\s+)?(?:drawn|shown|plotted|depicted|rendered|represented|displayed)\s+"
              r"(?:as|with|by|in)\s+(?P<style>[^.;]{2,60})")
# ("The approved drugs are drawn as navy circles": up to two words before the noun)
PLURAL_SUBJECT_RE = re.compile(r"^(?:the\s+|all\s+)?(?:[a-z-]+\s+){0,2}?(?P<noun>[A-Za-z][a-z]+s)" + _ARE_DRAWN,
                               re.IGNORECASE)
# an aside of the style every point shares: "One dot per metro, all navy circles, except ...", "...: all grey dots."
ALL_STYLE_ASIDE_RE = re.compile(r"(?:[,;:]\s*)all\s+(?P<style>[a-z][a-z -]{2,40}?)(?=\s*(?:[,;.]|$))", re.IGNORECASE)
OUR_SUBJECT_RE = re.compile(r"(?:our|the\s+(?:proposed|authors['’]?|paper['’]s))\b", re.IGNORECASE)
# the markers' shape as the subject of how they are coloured or sized: every point is one
SHAPE_SUBJECT_RE = re.compile(r"^(?:the\s+|all\s+(?:the\s+)?)?(?:(?:filled|solid|hollow|open|small|large)\s+)?"
                              r"(?P<shape>circles|squares|triangles|dots|diamonds|stars)\s+are\s+(?:all\s+)?"
                              r"(?:colou?red|shaded|sized|scaled|filled)\s+(?:by|according\s+to|in\s+proportion)\b",
                              re.IGNORECASE)
# "All designs are small blue circles with no legend", "All the cities are grey dots": with "all", a plain "are"
# (or the points themselves, with no "all": "points are filled circles coloured by world region — blue = ...")
# ("All 20 clubs are navy circles", "all glacier-years are steelblue circles": a count, a hyphenated noun)
# ("Most points are light blue circles; the three relegated clubs are marked with red crosses": the rest have theirs)
ALL_ARE_RE = re.compile(r"^(?:(?:all|most|nearly\s+all|almost\s+all|the\s+majority\s+of)\s+(?:the\s+|of\s+the\s+)?"
                        r"(?:" + COUNT_PATTERN + r"\s+)?|"
                        r"(?:the\s+)?(?:data\s+)?(?=(?:points|markers|dots|symbols)\s))"
                        r"(?P<noun>[A-Za-z][a-z]+(?:-[a-z]+)*s)\s+are\s+(?P<style>[^.;,]{2,60}?)"
                        r"(?=\s+(?:with|and|but|in|on|at|except|without|colou?red|shaded)\b|\s+[—–]\s|[.;,]|$)",
                        re.IGNORECASE)
# "Seven of the systems are drawn as plain gray circles", "12 of the 13 models are shown in blue",
# "Eight of them are drawn as identical grey circles"
COUNT_OF_RE = re.compile(r"^(?:the\s+)?(?:other\s+|remaining\s+)?(?:\w+)\s+of\s+"
                         r"(?:them|these|those|the\s+(?:\w+\s+){0,2}?[a-z]+s)" + _ARE_DRAWN, re.IGNORECASE)
# "Ten of the events are dark blue circles": the plain "are" when only a style follows
COUNT_OF_ARE_RE = re.compile(r"^(?:the\s+)?(?:other\s+|remaining\s+)?(?:\w+)\s+of\s+(?:them|these|those|the\s+"
                             r"(?:\w+\s+){0,2}?[a-z]+s)\s+are\s+(?:all\s+)?(?P<style>[^.;,]{2,40}?)\s*(?=[.;,]|$)",
                             re.IGNORECASE)
# "Nine studies are hollow black circles", "12 countries are blue dots": a count of things and their style alone
COUNTED_ARE_RE = re.compile(r"^(?:the\s+)?(?:other\s+|remaining\s+)?" + COUNT_PATTERN + r"\s+"
                            r"(?:other\s+|remaining\s+)?(?:[a-z-]+\s+)?[a-z]+s\s+are\s+(?:all\s+)?"
                            r"(?:drawn\s+as\s+|shown\s+as\s+)?(?P<style>[^.;,]{2,40}?)\s*(?=[.;,]|$)", re.IGNORECASE)
# "Seven gray circles represent a sweep of runs", "Twelve blue dots mark the countries": a count of markers, their
# style and what they stand for (the points not singled out)
COUNTED_VERB_RE = re.compile(r"s (?:represent|mark|show|stand|denote|depict|indicate|correspond)")
COUNTED_STYLE_RE = re.compile(r"(?:^|(?<=[.:;]\s))(?:the\s+)?(?:" + COUNT_PATTERN + r")\s+(?P<style>(?:[\w-]+\s+){0,3}?"
                              r"(?:circles|dots|squares|triangles|diamonds|stars|markers|crosses|points))\s+"
                              r"(?:represent|mark|show|stand\s+for|denote|depict|indicate|correspond\s+to)\b",
                              re.IGNORECASE)
# "One point stands out: a large red star with a black outline, ... the proposed method": the singled-out style
STANDS_OUT_RE = re.compile(r"\b(?:one|a\s+single|the\s+only)\s+(?:point|marker|model|method|entry)\s+(?:stands\s+out|"
                           r"is\s+highlighted|differs)\s*[:,—–-]\s*(?:it\s+is\s+)?(?:an?\s+)?(?P<style>[^,.;]{2,50})",
                           re.IGNORECASE)
FOR_EVERY_RE = re.compile(r"(?:^|[:;,]\s*)(?:an?\s+)?(?P<style>[\w -]{1,30}?)\s+(?:markers?\s+)?(?:for|on)\s+"
                          r"(?:every|each|all)\s+(?:the\s+)?[a-z]+", re.IGNORECASE)
# "Each point is a country, shown as a teal circle", "Every dot represents one city, drawn as a small red square"
EACH_IS_SHOWN_RE = re.compile(r"\b(?:each|every)\s+(?:data\s+)?(?:point|dot|marker|symbol|circle)\s+(?:is|represents|"
                              r"stands\s+for|marks|denotes)\s+(?:a|an|one)\s+[\w -]{1,30}?,?\s+(?:and\s+(?:is\s+)?)?"
                              r"(?:shown|drawn|plotted|rendered|displayed|depicted)\s+(?:as|with|by)\s+(?:an?\s+)?"
                              r"(?P<style>[^.;,]{2,40})", re.IGNORECASE)
# "**Data Points**: Blue dots with model-specific labels": the style of every point
POINTS_KEY_RE = re.compile(r"^(?:all\s+|the\s+)?(?:data\s+)?(?:points?|markers?|dots?|data)(?:\s+points?)?$",
                           re.IGNORECASE)
# "Six are blue circles, and one is a red circle": the style of the points of one colour
COUNT_WORDS = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3}"
COUNT_STYLE_RE = re.compile(r"\b(?:" + COUNT_WORDS + r")\s+(?:of\s+them\s+|points?\s+|models?\s+)?(?:are|is)\s+"
                            r"(?:a\s+|an\s+|drawn\s+as\s+|shown\s+as\s+)?(?P<style>[a-z -]{2,30}?)(?=[,.;]|\s+and\b|$)",
                            re.IGNORECASE)
# "... one is a red circle, indicating it is the primary subject": emphasis by colour
PRIMARY_RE = re.compile(r"\b(?:primary|main|central|key)\s+(?:subject|focus|model|method|point)|\bemphasi[sz]|"
                        r"\bstands? out\b|\bthe focus\b", re.IGNORECASE)


# points told by how their labels start: 'Plots whose id starts with "I-" ... are drawn as blue squares', 'the
# "R-" plots are rain-fed and appear as orange circles', 'Sites whose code begins with "AS" are green triangles'
PREFIX_STYLE_RE = re.compile(r"(?:\bwhose\s+(?:ids?|names?|labels?|codes?)\s+(?:starts?|begins?)\s+with\s+|"
                             r"\b(?i:the|all)\s+)[\"“](?P<prefix>[^\"“”\s]{1,8})[\"”]")
STOP_RE = re.compile(r"[.;\"“]")
DRAWN_VERB_RE = re.compile(r"\b(?:are|is|appear)\s+(?:(?:drawn|shown|plotted|marked)\s+)?(?:as\s+)?")


def _excepted_by_word(state: ParseState, block: Block) -> None:
    """"all glacier-years are steelblue circles, except the two 2022 points, drawn as larger dark red diamonds": the
    points whose labels hold the word, in the style said for them (set apart when they are drawn larger)."""
    for m in EXCEPT_WORD_RE.finditer(block.text):
        word = m.group("word")
        style = style_head(m.group("style"))
        color, marker = first_color(style), first_marker(style)
        if (color or marker) and (any(ch.isdigit() for ch in word) or word[:1].isupper()):
            state.defaults.append(DefaultStyle("word", color, marker, block.line, prefix=word,
                                               highlight=SET_APART_RE.search(m.group("style")) is not None))


# "except the two 2022 points, drawn as ...", "but the 2020 ones, which are orange squares": points named by a word
# their labels share (a year, a code, a capitalised name)
EXCEPT_WORD_RE = re.compile(r"\b(?:" + EXCEPT_WORDS + r")\s+(?:for\s+)?the\s+"
                            r"(?:" + COUNT_PATTERN + r"\s+)?(?P<word>[\w.'’-]+)\s+(?:points?|ones?|markers?|dots?|"
                            r"entries|[a-z][\w-]*s)\b,?\s*(?:(?:which|that)\s+are\s+|are\s+)?(?:(?:drawn|shown|plotted|marked|"
                            r"rendered)\s+(?:as|in|with)\s+)?(?P<style>[^.;,]{2,60})", re.IGNORECASE)
SET_APART_RE = re.compile(r"\b(?:larger|bigger|enlarged|oversized|highlighted|emphasi[sz]ed)\b", re.IGNORECASE)


def _prefixed(state: ParseState, block: Block) -> None:
    for m in PREFIX_STYLE_RE.finditer(block.text):
        stop = STOP_RE.search(block.text, m.end())
        rest = block.text[m.end(): stop.start() if stop else len(block.text)][:120]
        style = next((head for v in DRAWN_VERB_RE.finditer(rest) if (head := style_head(rest[v.end():]))), "")
        color, marker = first_color(style), first_marker(style)
        if color or marker:
            state.defaults.append(DefaultStyle("prefix", color, marker, block.line, prefix=m.group("prefix")))


def styles(state: ParseState) -> None:
    """'The color coding is implicit: one model is red, all others are blue.'"""
    for block in state.facts_blocks("item", "paragraph"):
        key = block.lead or (block.text.split(":", 1)[0] if ":" in block.text[:30] else None)
        if key and POINTS_KEY_RE.match(key.rstrip(":. ")):  # "**Data Points**: Blue dots", "All markers: blue circles"
            body = block.body if block.lead else block.text.split(":", 1)[1]
            body = re.split(r"[;.]\s", body)[0]  # "navy dots; Nikola Jokić highlighted as a gold star"
            head = " ".join(body.split()[:4])
            color, marker = first_color(head), first_marker(head)
            if (color or marker) and not find_colors(body[len(head):]) and not re.search(r"\b(?:are|is)\b", head):
                state.defaults.append(DefaultStyle("all", color, marker, block.line))
        elif key and OTHERS_KEY_RE.match(key.strip(" *").rstrip(":. ")):  # "others: grey circles", "The rest: grey"
            body = (block.body if block.lead else block.text.split(":", 1)[1]).strip(" \"“”")
            if is_style_only(re.split(r"[;.,]\s", body)[0]):
                state.defaults.append(DefaultStyle("others", first_color(body), first_marker(body), block.line))
        if "all " in block.low:
            for m in ALL_STYLE_ASIDE_RE.finditer(block.text):  # "One dot per metro, all navy circles, except ..."
                if is_style_only(m.group("style")):
                    color, marker = first_color(m.group("style")), first_marker(m.group("style"))
                    state.defaults.append(DefaultStyle("all", color, marker, block.line))
        if "·" in block.text or "|" in block.text:
            for m in TERSE_STYLE_RE.finditer(block.text):  # "... linear y · black dots, name next to each"
                if is_style_only(m.group("style")):
                    color, marker = first_color(m.group("style")), first_marker(m.group("style"))
                    state.defaults.append(DefaultStyle("all", color, marker, block.line))
        if (" are " in block.low or " is " in block.low) and COLOR_RE.search(block.low):
            _counted(state, block.text, block.line)
        low = block.low
        if " are " in low and (COLOR_RE.search(low) or MARKER_RE.search(low)):
            for sentence in block.sentences:
                if block.lead and sentence.startswith(block.lead):  # "**Markers**: Labeled teams are drawn as ..."
                    sentence = sentence[len(block.lead):].lstrip(" :*")
                if (shaped := SHAPE_SUBJECT_RE.match(sentence)) is not None:
                    # "Circles are coloured by world region and their area is proportional to population"
                    state.defaults.append(DefaultStyle("all", None, first_marker(shaped.group("shape")), block.line))
                plural = PLURAL_SUBJECT_RE.match(sentence)  # "Countries are drawn as semi-transparent circles"
                if plural is None and (every := ALL_ARE_RE.match(sentence)) and is_style_only(every.group("style")):
                    plural = every
                counted = COUNT_OF_RE.match(sentence) if plural is None else None
                if plural is None and counted is None and (bare := COUNT_OF_ARE_RE.match(sentence)
                                                           or COUNTED_ARE_RE.match(sentence)) \
                        and is_style_only(bare.group("style")):
                    counted = bare
                if counted:  # "Seven of the systems are drawn as plain gray circles": all but the one singled out
                    color, marker = first_color(counted.group("style")), first_marker(counted.group("style"))
                    if color or marker:
                        state.defaults.append(DefaultStyle("others", color, marker, block.line))
                # ("Our two models are drawn as larger red stars": the authors' points, not all; DEFAULT_RE reads it)
                if plural and group_mentioned(state, plural.group("noun")) is None \
                        and not OUR_SUBJECT_RE.match(sentence):
                    color, marker = first_color(plural.group("style")), first_marker(plural.group("style"))
                    # ("..., except the highlighted point": all but the points singled out)
                    scope = "others" if EXCEPT_AFTER_RE.match(sentence, plural.end("style")) else "all"
                    if color or marker:
                        state.defaults.append(DefaultStyle(scope, color, marker, block.line))
        for m in COUNTED_STYLE_RE.finditer(block.text) if COUNTED_VERB_RE.search(block.low) else ():
            # "Seven gray circles represent a sweep of runs"
            if is_style_only(m.group("style")):
                color, marker = first_color(m.group("style")), first_marker(m.group("style"))
                state.defaults.append(DefaultStyle("others", color, marker, block.line))
        if '"' in block.text or "“" in block.text:
            _prefixed(state, block)
        if any(cue in block.low for cue in EXCEPT_CUES):
            _excepted_by_word(state, block)
        if " out" in low or "highlighted" in low or "differs" in low:
            _stands_out(state, block)
        if not CUES_RE.search(low) or not (COLOR_RE.search(low) or MARKER_RE.search(low)):
            continue  # cheap gates: most lines state no chart-wide style
        for sentence in block.sentences:
            cues = {m.group() for m in CUES_RE.finditer(fold(sentence))}
            if not cues:
                continue
            for m in DEFAULT_RE.finditer(sentence) if cues - {"our", "ours", "proposed", "authors"} else ():
                color, marker = first_color(m.group("style")), first_marker(m.group("style"))
                if (color is None and marker is None) or CONDITION_RE.search(sentence, m.start(), m.start("style")):
                    continue  # "every dot whose label ends in 2015 is steel-blue": some points, not all
                if EXCEPT_ASIDE_RE.search(sentence, m.end("who"), m.start("style")):
                    continue  # "navy dots for every club, except the champions, drawn as a gold star": the exception's
                who = m.group("who").lower()
                scope = "others" if re.search(r"other|rest|remaining|baseline|most|except|but|save", who) or re.search(
                    r"\b(?:except|but|apart from|other than|save)\b", m.group("style")) else "all"
                state.defaults.append(DefaultStyle(scope, color, marker, block.line))
            for m in EACH_DRAWN_RE.finditer(sentence):  # "11 points, each represented by a gray circle"
                color, marker = first_color(m.group("style")), first_marker(m.group("style"))
                if color or marker:
                    scope = "others" if re.search(r"\bexcept\b", sentence[m.end():]) else "all"
                    state.defaults.append(DefaultStyle(scope, color, marker, block.line))
            for m in EACH_IS_SHOWN_RE.finditer(sentence):  # "Each point is a country, shown as a teal circle"
                style = style_head(m.group("style"))
                if style:
                    state.defaults.append(DefaultStyle("all", first_color(style), first_marker(style), block.line))
            for m in FOR_EVERY_RE.finditer(sentence):  # "marker: circle for every team"
                color, marker = first_color(m.group("style")), first_marker(m.group("style"))
                if color or marker:
                    state.defaults.append(DefaultStyle("all", color, marker, block.line))
            for m in SHOWS_COUNTED_RE.finditer(sentence):
                color, marker = first_color(m.group("style")), first_marker(m.group("style"))
                if color or marker:
                    state.defaults.append(DefaultStyle("all", color, marker, block.line))
            for m in SUBJECT_STYLE_RE.finditer(sentence):
                color, marker = first_color(m.group("style")), first_marker(m.group("style"))
                if (color or marker) and not re.search(r"\b(?:other|remaining)\b", m.group("style")):
                    state.defaults.append(DefaultStyle("all", color, marker, block.line))
            for m in SAME_STYLE_RE.finditer(sentence) if "same" in sentence else ():
                color, marker = first_color(m.group("style")), first_marker(m.group("style"))
                if color or marker:  # "all use the same filled-circle marker"
                    state.defaults.append(DefaultStyle("all", color, marker, block.line))
            ours = cues & {"our", "ours", "proposed", "authors"} or "highlighted" in cues
            for m in OURS_STYLE_RE.finditer(sentence) if ours else ():  # "The proposed method is shown as a red star"
                color, marker = first_color(m.group("style")), first_marker(m.group("style"))
                if color or marker:
                    state.defaults.append(DefaultStyle("ours", color, marker, block.line))
            for m in HIGHLIGHT_RE.finditer(sentence) if any(c.startswith("highlight") for c in cues) else ():
                color = first_color(m.group("c") or m.group("c2") or "")
                if color and color not in state.highlight_colors:
                    state.highlight_colors.append(color)
    if COLUMN_MAP_CUE_RE.search(state.doc.text):  # "(gflops = x, top1 = y)" is rare: look for "= x" first
        for m in COLUMN_MAP_RE.finditer(state.doc.text):
            state.column_map[m.group("key").lower()] = m.group("axis")


def _stands_out(state: ParseState, block: Block) -> None:
    for m in STANDS_OUT_RE.finditer(block.text):
        head = style_head(m.group("style"))
        color, marker = first_color(head), first_marker(head)
        if not (color or marker):
            continue
        if ours_cue(block.text[m.start():]):  # "..., which the figure uses to mark the proposed method"
            state.defaults.append(DefaultStyle("ours", color, marker, block.line))
        elif color and color not in state.highlight_colors:
            state.highlight_colors.append(color)


def _counted(state: ParseState, text: str, line: int) -> None:
    """'Six are blue circles, and one is a red circle, indicating it is the primary subject of comparison.'"""
    found = []
    for m in COUNT_STYLE_RE.finditer(text):
        color, marker = first_color(m.group("style")), first_marker(m.group("style"))
        if color and marker:
            found.append((m, color, marker))
    if len(found) < 2:
        return  # one colour alone says nothing about the others
    for m, color, marker in found:
        state.defaults.append(DefaultStyle("color", color, marker, line))
        if PRIMARY_RE.search(text[m.end(): m.end() + 80]) and color not in state.highlight_colors:
            state.highlight_colors.append(color)
