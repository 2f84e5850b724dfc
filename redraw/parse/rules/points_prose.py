"""points_prose: points stated in sentences ("WizardMath-7B sits at about 96K examples with an accuracy of 54.9%")."""
from __future__ import annotations

import math
import re
from collections.abc import Iterator
from itertools import islice

from ..facts import PROSE_NOTE, GroupFact, PointFact
from ..lookup import (
    assign_axes,
    group_by_family,
    group_mentioned,
    group_named,
    keyed_apart,
    keyed_off_axes,
    series_header,
    series_point,
)
from ..state import ParseState
from ..text import QUOTED_NAME_RE, has_words, overlap, shares_word, split_top, strip_marks, top_level_index
from ..values import HOLE_PAIR_RE, Num, is_range, lex, one_span_merged, restatements_dropped, stated_unit
from ..vocab import (
    BEYOND_RE,
    CORRECTION_RE,
    LINE_READ_PATTERN,
    REMARK_LABEL_RE,
    find_colors,
    find_markers,
    first_color,
    first_marker,
    is_style_only,
    mentions_correction,
    not_a_label,
    ours_cue,
)
from .coords import (
    LISTED_SPLIT_RE,
    PAIR_RE,
    PRONOUN_RE,
    bounds_only,
    common_noun_name,
    dated,
    find_coords,
    find_pair,
    in_name,
    named_pairs,
    without_examples,
)
from .coords import NAMEISH_RE as LISTED_NAME_RE  # a capital first letter will do in a list

OURS_PREFIX_RE = re.compile(r"^(?:our (?:own )?(?:model|method|system|approach)|the proposed (?:model|method)|ours)"
                            r"\s*[,:(]\s*", re.IGNORECASE)
# "The primary subject, FastDet, is drawn", "The model proposed by the authors, TinyCoder-2.5B (Ours), is",
# "A second, cheaper configuration of the proposed method, Felix-fast, is": a role, then the name
# an article and a lower-case word: a description ("the other point in ...", "a larger red star"), not a name
_DIGIT_RE = re.compile(r"\d")
# a description, not a name: "Only the solid-state cell passes 250 Wh/kg at fewer than 900 cycles"
ONLY_THE_RE = re.compile(r"(?:only|just|even|both|all|also)\s+(?:the|our|its|their)\b", re.IGNORECASE)
DESCRIBED_RE = re.compile(r"^(?:the|our|a|an|another|one|its)\s+(?-i:[a-z])", re.IGNORECASE)
# "Qatar, the single Middle Eastern country, is ...": a name, then what it is (the groups named as above)
NAME_FIRST_RE = re.compile(r"^(?P<name>[A-Z][\w.+/&-]*(?:\s[\w.+/&()-]+){0,4}?),\s+"
                           r"(?P<role>(?:the|our|a|an|its)\s+(?-i:[a-z])[^,()]{2,60}?),\s+"
                           r"(?=(?:is|are|was|were|sits|lies|appears|reaches|achieves|scores|has|comes|stands|lands|gets|"
                           r"attains|shows|posts|delivers)\b)", re.IGNORECASE)
APPOSITIVE_RE = re.compile(r"^(?P<role>(?:the|our|a|an|another|one)\b[^()\d]{0,80}?)\s*(?:,(?!\d)|[—–])\s*"
                           # "The 1960 point, at about 800 GtCO₂, lies ...": an aside of values names nothing; the
                           # role holds no value ("the Horse uses 370 W at 520 kg, and the largest animal, the Asian
                           # Elephant, reaches": two clauses)
                           r"(?!(?:at|around|near|with|about|approximately|roughly|just|only|on|in)\b)(?P<name>[^,—–\s][^,—–]{0,49}?)"
                           r"\s*[,—–]\s+(?=(?:is|are|was|were|sits|lies|appears|reaches|achieves|scores|has|comes|stands|"
                           # (or any verb in the past: "the club's fastest, Eilidh, averaged 105 km ...")
                           r"lands|gets|attains|shows|posts|delivers|ran|did|got|hit|came|went|"
                           r"(?!label+ed|named|called|marked|denoted|termed|dubbed)(?-i:[a-z]{2,}ed)|"
                           r"made|took)\b)", re.IGNORECASE)
# "At around 9.5% volatility and 7.8% return sits RP-Adaptive", "Slightly to the right, at about 6.9% and
# a 2.0% return, is Global aggregate bonds, another teal square": the values first, then verb and name
INVERTED_RE = re.compile(r"^(?:[A-Z][^,\d]{0,30},\s+)?"
                         r"(?P<lead>(?:[Aa]t|[Ww]ith|[Nn]ear|[Aa]round)\s+[^,;]{0,40}\d[^,;]{0,40}?)"
                         r",?\s+(?P<verb>sits|lies|is|comes|appears|stands|is found|we find)\s+"
                         r"(?P<name>(?!the\b|a\b|an\b)[\w.+/&-]*[\dA-Z][\w.+/&-]*(?:\s[\w.+/&-]+){0,3}?)"
                         r"(?P<rest>[,;].*|\.)?$")
LEAD_VALUE_RE = re.compile(r"^(?P<lead>(?:[Ww]ith|[Aa]t|[Ff]or|[Uu]sing|[Gg]iven)\s+[^,]{0,30}\d"
                           r"(?:[^,]|,(?=\d{3})){0,30}),\s+"  # (the comma of "3,200" is no end)
                           r"(?P<rest>\S.*)$")
# "Further right come Moscow Metro (1.7 km, ~2.5B) and ...", "Next comes X": a place, an inverted verb, the names
COME_RE = re.compile(r"^(?:further|farther|next|then|after\s+that|beyond\s+(?:them|it)|below|above)"
                     r"(?:\s+[a-z]+){0,2}\s+(?:comes?|follows?|sits?|lies?|lie)\s+(?=\S*[A-Z\d])|"
                     # "At the far left is X, at ...", "In the upper-right corner sits Y at ...": a place, then the name
                     r"^(?:at|in|on|towards?|near)\s+the\s+(?:[a-z-]+\s+){0,2}?(?:left|right|top|bottom|corner|end|edge|"
                     r"middle|centre|center)(?:\s+(?:of|end|edge|corner)\b[a-z\s]{0,20}?)?,?\s+"
                     r"(?:is|sits|lies|stands|comes|appears)\s+(?=\S*[A-Z\d])", re.IGNORECASE)
# a group's list opened by its first name: "The remote-heavy districts begin with Riverton at 88 days and −8.7"
# "The highest-temperature entry is ZnZrOx, at 315 °C and 81%", "The cheapest option was Llama-3-8B at $0.20 and
# 66%", "The clearest outlier is Hong Kong, where 81% of trips ...": what the point is, then its name and values
# (or its values in a bracket: "The highest is Codestral-22B (352 ms, 74.4%), which is also the slowest"; the name
# after its article: "the most expensive car plotted is the Audi Q8 e-tron (€86,500, 582 km)")
IS_NAME_RE = re.compile(r"^the\s+(?:[\w'’-]+\s+){1,6}?(?:is|was)\s+(?:the\s+(?=(?-i:[A-Z])))?"
                        r"(?=[^\s,]*(?-i:[A-Z\d])[^\s,]*(?:\s+[^\s,]+){0,3}?(?:,?\s+(?:(?:at|with|near|around|on)\s+"
                        r"(?:about\s+|roughly\s+|approximately\s+)?[~≈(\[$€£]?[-−]?\d|(?:where|whose)\s)|"
                        r",\s+an?\s+[^,;]{0,40}?\d|"  # "... is Yirgacheffe, a black hexagon at 2,100 m with 88.3"
                        r"\s*\(\s*[~≈]?\s*[-−$€£]?\d[\d.,]*\s*[^\s,()]{0,8}\s*,\s*[~≈]?\s*[-−$€£]?\d))",
                        re.IGNORECASE)
# "a selectivity of 94.4% is reported for MoS2 at 180 °C", "63% is the value for Ni-Ga at 210 °C": a value, then the
# point it is reported for: read as "MoS2 at 180 °C with a selectivity of 94.4%"
VALUE_FOR_RE = re.compile(r"(?P<value>(?:(?:an?|the)\s+)?(?:[a-z-]+\s+){0,2}?(?:of\s+)?[~≈]?[-−]?\d[\d.,]*\s*%?)\s+"
                          r"(?:is|was)\s+(?:reported|measured|recorded|obtained|achieved|reached|found|the\s+(?:value|"
                          r"score|result|reading))\s+(?:for|by|of)\s+(?P<rest>[^,;]+)", re.IGNORECASE)
BEGIN_WITH_RE = re.compile(r"^[^.;:]{0,60}?\b(?:begins?|starts?|opens?|is\s+led|are\s+led)\s+(?:with|by)\s+(?=[A-Z\d])")
# "Moving right, Llama-3.1-8B achieves ...", "Moving further left, the oxide SrTiO3 has ...": a lead-in
# clause of two words at least before the subject ("France, at about 19.8 DDD" starts with a name)
LEAD_CLAUSE_RE = re.compile(r"^[A-Z][a-z]*(?:\s+[a-z][\w-]*){1,7},\s+"  # ("Moving into the super-Earth regime, ...")
                            r"(?=(?:(?:the|a|an|its)\s+(?:[a-z-]+\s+){0,2})?\S*[A-Z\d-]\S*\s)")
SUBJECT_END_RE = re.compile(r",(?!\d{3}(?!\d))|"  # (not the comma of "4,619 g")
                            r"\s(?:sits|is|lies|scores|scored|reaches|reached|achieves|achieved|attains|gets|"
                            r"obtains|has|uses|used|was|were|comes|appears|stands|trained|at|near|with|on|needs|"
                            r"requires|delivers|posts|hits|records|had|drew|saw|showed|made|logged|managed|"
                            r"located|placed|positioned|plotted|shows|displays|exhibits|reports|yields|follows|"
                            r"peaks|stays|remains|holds|runs|serves|carries|averages|manages|sees|cost|costs|took|"
                            r"takes|lands|needs|"
                            # irregular pasts: "Harbor Falls lost only 12 days", "Southport fell by 10.4"
                            r"lost|fell|rose|grew|spent|won|paid|got|ran|kept|sold|built|went|came|became|gave|bought|"
                            r"stood|sat|lay|hit|held|met|led)\b|"
                            # any other verb of the present: "The Netherlands consumes about 9.6 DDD"
                            # (an -es verb: "Error bars" or "Only 3 of the 8 methods" hold plural nouns)
                            r"(?<=[\w)])\s(?=[a-z]{2,}(?<!ss)es\b)|"
                            # (or an -s verb of motion before its place: "AISI 4140 (Q&T) jumps to around 300 HB")
                            r"(?<=[\w)])\s(?=(?:jumps|climbs|drops|moves|shifts|slides|leaps|sinks|soars|settles|edges|"
                            r"creeps|dips|plunges|improves|increases|decreases)\s+(?:to|at|around|near|up|down|into|past|"
                            r"beyond)\b)|"
                            # or of the past: "DiT-XL/2 needed about 7.5 × 10⁵ GPU-hours and reaches 9.6"
                            r"(?<=[\w)])(?<!^the)(?<!^The)\s(?=[a-z]{3,}ed\b)|"
                            # or an -s verb before a place or a value: "HD 209458 b orbits in 3.52 days"
                            r"(?<=[\w)])\s(?=[a-z]{3,}(?<!s)s\s+(?:in|at|with|near|around|about|on|[~≈$€£]?\d))|"
                            # or before its object and a value: "Okafor leads the chart with 24 goals", "Vostok tops
                            # the list at 3.2 km"
                            r"(?<=[\w)])\s(?=[a-z]{3,}(?<!s)s\s+the\s+[a-z]+\s+(?:with|at)\s+(?:about\s+|around\s+|"
                            r"roughly\s+)?[~≈$€£]?\d)|"
                            # "Hydrochlorothiazide 25 mg starts from 154 mmHg", "Pinewood benefits from 151 mmHg"
                            r"(?<=[\w)])\s(?=[a-z]{3,}(?<!s)s\s+from\s+(?:about\s+|around\s+|roughly\s+)?[~≈$€£]?\d)|"
                            # or no verb at all, an axis's measure of a value after the name: "..., and Citrinet-CTC
                            # a WER of 6.8% at 0.015", "and Llama-3 an accuracy of 71%"
                            r"(?<=[\w)])\s(?=an?\s+(?:[\w@-]+\s+){1,3}of\s+(?:about\s+|around\s+|roughly\s+)?[~≈$€£]?\d)")
# "For the Americas, Haiti appears at ...", "Among the cuprates, YBCO sits ...": the section, then the subject
SECTION_LEAD_RE = re.compile(r"^(?:for|among|of|within|across|in|"
                             r"(?:starting|beginning|continuing|turning)\s+(?:with|to)|moving\s+on\s+to)"
                             r"\s+(?:the\s+)?[^,]{1,40},\s+(?=(?:the\s+)?\S*(?-i:[A-Z\d]))",
                             re.IGNORECASE)  # "Starting with 2023, Store 03 drew about 12,500 ..."
# ("Among the SUVs, the Volvo EX30 is the cheapest at €36,700": the name after its article)
SECTION_WORD_RE = re.compile(r"^\s*(?:among|within|for)\s+(?=the\s)", re.IGNORECASE)
# a place, then the verb, then the name: "Just to the right is TRAPPIST-1e at ...", "Next to it sits Venus at ...",
# "Slightly above lies Kepler-22b at ..."
PLACE_IS_RE = re.compile(r"^(?:(?:just|slightly|a\s+bit|a\s+little|far|further|farther|immediately|directly)\s+)?"
                         r"(?:to\s+the\s+(?:left|right)(?:\s+of\s+(?:it|this|them))?|above(?:\s+it)?|below(?:\s+it)?|"
                         r"next\s+to\s+(?:it|this|them)|nearby|close\s+by|right|left|higher|lower)\s+"
                         r"(?:is|sits|lies|comes|appears|stands)\s+(?=(?-i:[A-Z0-9])|[\"“])", re.IGNORECASE)
PLACE_RE = re.compile(r"^(?:on|at|in|to(?:ward)?s?)\s+the\s+(?:far\s+)?(?:left|right|top|bottom|upper|lower|middle|"
                      r"centre|center)[\w\s-]{0,20},\s*|"
                      # "On the narrow side of the boundary, unit u12 fires at ..."
                      r"^(?:on|at|in)\s+the\s+[\w-]+(?:\s+[\w-]+)?\s+(?:side|end|edge|corner|half|part)\b[\w\s-]{0,30},\s*",
                      re.IGNORECASE)
# (not "(S&P 500)"; both values too: "North Falls ($15,200; 38%)")
SUBJECT_SIZE_RE = re.compile(r"^(?P<name>[^()]{1,60}?)\s*\((?P<size>\s*[~≈]?\s*[$€£]?\d[^()]*)\)(?=\s)")
FOLD_RE = re.compile(r"^(?:an?\s+)?[\d.,]+[-\s]?(?:fold|times)\b", re.IGNORECASE)
# a drug and its dose, written in lower case mid-sentence: "lisinopril 20 mg", "metformin 500 mg", "insulin 10 IU"
_DOSE_UNIT = r"(?:mg|g|mcg|µg|μg|ml|mL|IU)"
DOSE_NAME_RE = re.compile(r"^[a-z][a-z-]+(?:/[a-z][a-z-]+)?\s+\d+(?:\.\d+)?(?:/\d+(?:\.\d+)?)?\s*"
                          r"(?:" + _DOSE_UNIT + r"|units?)$")
# a name, then where the thing it names is ("in Abell 1367", "in the Coma cluster", "in Antarctica"; not a
# format, "in INT4", "in FP16")
PLACE_TAIL_RE = re.compile(r"^(?P<name>\S.*?)\s+in\s+(?:the\s+)?(?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z\d])[\w.-]*)*"
                           r"(?:\s+(?-i:[a-z]+))?$")
KEYED_SIZE_RE = re.compile(r"^(?P<name>[^()]{1,60}?)\s*\("
                           r"(?P<size>(?P<key>[A-Za-z][\w-]{2,})\s+[~≈]?\s*\d[^()]*)\)(?=\s)")
NAMEISH_RE = re.compile(r"\d|[a-z][A-Z]|[A-Z]{2}|-")
# a name of model-like words and the verb after it: "Llama-2-7B-32K claims", "Yi-34B-200K manages"
NAME_VERB_RE = re.compile(r"^(?P<name>[\w.+/-]*(?:\d|[a-z][A-Z]|[A-Z]{2}|-)[\w.+/-]*"
                          r"(?:\s+[\w.+/-]*[\dA-Z][\w.+/-]*){0,2}"
                          # "RAG baseline costs ...": a role noun may end the name
                          r"(?:\s+(?:baseline|model|system|agent|method|variant|checkpoint|policy|pipeline|setup))?)"
                          r"(?=\s+[a-z]{3,}s\b)")
# a runner's or a patient's initials, then a verb: "J.K. averaged 105 km a week", "T.R. needs 191 minutes"
INITIALS_VERB_RE = re.compile(r"^(?P<name>(?:[A-Z]\.){2,3})(?=\s+[a-z]{3,}(?:s|ed)\b)")
# sentences about chart parts ("The x-axis ranges from 0 to 100", "A dashed line at y = 50"), not points;
# "at the small end of the range" or "in line with" are no such sentence
# ("falls below the bottom of the axis" is about a point: only an axis named as such, or opening the sentence)
NOT_POINT_RE = re.compile(r"(?=[altrgdshvfxyHVXYcCmMSkbz])\b(?:(?<!of the )(?:[xy]|horizontal|vertical)[\s_-]*ax[ie]s|"
                          # 'a pale yellow band labelled "hot Jupiters" covers periods below 1e1', 'the shaded region'
                          r"shaded\s+(?:[a-z-]+\s+){0,2}?(?:regions?|areas?|bands?|zones?|boxe?s?)|"
                          r"(?:band|region|zone|shading)\s+(?:labell?ed|covers?|spans?|marks?|highlights?)|"
                          r"(?<!of the )(?<!of the [xy]-)(?<!of the [xy] )(?<!both )(?<!either )(?<!each )"
                          r"(?<!vertical )(?<!horizontal )ax[ie]s\b"  # ("the vertical axis" is the alternative above)
                          r"(?!\s+(?:limit|edge|frame|boundary|maximum|minimum|max|min|end|top|bottom))|"
                          r"legend|title|ticks?|gridlines?|(?:horizontal|vertical)\s+one\s+at|"
                          # ("a straight dashed gray line labelled ...": a look of two words at most between)
                          r"(?:trend|reference|dashed|dotted|solid|horizontal|vertical|regression|fitted|fit)\s+"
                          r"(?:[a-z-]+\s+){0,2}?lines?|"
                          r"lines?\s+(?:at|from|through|of best fit)|ranges?\s+(?:from|between)|ranging|"
                          # "Colour encodes the duration class (key, top right): teal = Short (<4 h), ..."
                          r"(?:colou?rs?|shapes?|markers?|symbols?)\s+(?:encodes?|indicates?|denotes?|codes?|"
                          r"distinguish(?:es)?|tells?)|"
                          r"(?<=\()key\b|"
                          # "POPULATION AND ECONOMIC SIZE (scatter plot, 13 countries, 2023)": the figure counted
                          r"scatter[\s-]*plot(?=[^.]{0,40}?\b\d+\s+[a-z]+s\b))\b",
                          re.IGNORECASE)
# a rate, not a place: "every extra 10 km per week is worth about 15 minutes", "each additional 1B parameters adds
# roughly 2 points", "for every 10 °C of warming, yield falls by 5%"
RATE_RE = re.compile(r"\b(?:every|each|per)\s+(?:extra|additional|further|more\s+)?\s*[~≈]?\s*[$€£]?\d[^.;]{0,60}?"
                     r"\b(?:is\s+worth|are\s+worth|worth|adds?|costs?|buys?|gains?|gives?|yields?|raises?|lowers?|"
                     r"cuts?|reduces?|increases?|decreases?|falls?|rises?|drops?|improves?|shaves?|saves?)\b",
                     re.IGNORECASE)
# a clause of a line after a point's: ", and a horizontal dotted black line ...", "; a dashed line at 4.88 ...", ",
# the only point below the horizontal dotted red line at 2.0 that is labelled ..."
LINE_TAIL_RE = re.compile(r"(?:,\s*(?:and|while|with)\s+|;\s*)(?=(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?lines?\b)|"
                          r",\s*(?=(?:[\w-]+\s+){0,4}?(?:above|below|under|over|beyond|(?:left|right)\s+of)\s+the\s+"
                          r"(?:[\w-]+\s+){0,4}?lines?\b)", re.IGNORECASE)
# "Key (upper right): teal = Short (<4 h), ...", "The colour key: ...", "Legend: green circles = Rocky (<2 R⊕); ...":
# a sentence that opens a key
KEY_SENTENCE_RE = re.compile(r"^(?:the\s+)?(?:colou?r\s+|marker\s+|symbol\s+)?(?:key|legend)\b\s*(?:\([^()]*\))?\s*:",
                             re.IGNORECASE)
# "Colorectum is close to the reference line but still below it, at 66 years and 65%": a point placed by a line
# ("Shanghai–Rotterdam (via Suez)", "Route A (via Colombo)": a name of up to three capitalised words)
QUALIFIED_NAME_RE = re.compile(r"^[A-Z][\w.+/–-]*(?:\s[A-Z0-9][\w.+/–-]*){0,2}\s\([^()]{1,24}\)$")
RELATIVE_LINE_RE = re.compile(r"(?<=\d)(?:\s?[^\s\d]{1,6}){0,2}\s+(?:on|along)\s+the\s+"
                              r"(?:horizontal|vertical|x|y)[\s-]*axis\b|"
                              # (a value placed on an axis: "at roughly 68 on the horizontal axis", "40k QPS on the
                              # x-axis")
                              r"\b(?:close to|near|above|below|under|over|on|along|beneath|just off|beyond|past|"
                              r"(?:(?:just|slightly|far|well)\s+)?(?:to\s+the\s+)?(?:left|right)\s+of)\s+the\s+"
                              r"(?:[\w-]+\s+){0,2}lines?\b|"
                              r"\b(?:intersection|crossing|meeting point)\s+of\s+the\s+(?:[\w-]+\s+){0,2}lines?\b|"
                              + LINE_READ_PATTERN,  # "a third of what the regression line predicts"
                              re.IGNORECASE)  # "... falls on the intersection of the two reference lines"
# "The least sensitive model on the chart is INM-CM4-8, whose marker sits ... at ...": the name after the role
ROLE_IS_NAME_RE = re.compile(r"^(?:[A-Z][^,;:\d]{0,40},\s+)?(?:The|the)\s+[^,;:\d]{3,60}?\s+(?:is|was)\s+"
                             r"(?P<name>[^\s,;]{2,40}(?:\s[^\s,;]+){0,2}),\s+"
                             r"(?:(?:whose|where\s+its)\s+(?:marker|point|dot|symbol)\s+|which\s+(?=\w+s\b))")
PASSIVE_RE = re.compile(r"\b(?:is|are|was|were|gets|got)\s+(?:\w+ly\s+)?(?:achieved|obtained|reached|attained|posted|"
                        r"recorded|delivered|scored|reported|measured|shown|matched)\s+by\s+(?:the\s+)?(?P<by>[^,;]{1,80})",
                        re.IGNORECASE)
POSSESSIVE_RE = re.compile(r"['’]s\b")
# (not a semicolon inside a bracket: "North Falls ($15,200; 38%) does even worse")
CLAUSE_SPLIT_RE = re.compile(r";\s+(?![^()]*\))|,\s+(?:while|whereas|but|and)\s+(?!(?-i:[a-z]+ing)\b)|"
                             r",\s+with\s+(?=(?-i:[A-Z]))|"  # "..., with Switzerland ($70k, 83.8) and Spain ..."
                             # ("... achieves 68.7% while decoding at 5.2K tokens/s": one clause)
                             r"\s+(?:while|whereas)\s+(?!(?-i:[a-z]+ing)\b)|:\s+|"
                             # "..., closely followed by GPT-4o at κ = 0.74 and $4.80"
                             r",\s+(?:(?:closely|immediately|narrowly|then)\s+)?(?:followed|trailed|chased)"
                             r"(?:\s+(?:closely|immediately|narrowly))?\s+by\s+|"
                             # '..., "TIPS" at 5.9% and 2.6%, and "High-yield bonds" ...': a quoted name starts anew
                             r",\s+(?:and\s+)?(?=[\"“][^\"“”]{1,60}[\"”]\s)|"
                             # "1980 at 1,300 GtCO₂ and 0.25 °C, 1990 at 1,600 GtCO₂ and ...": a list of named places
                             # "India is near $6.7K and 70.9 years, Indonesia near $11.8K and 71.3 years, ..."
                             # (a name of digits is a year; "489 and 472 at $9.8K" is a list of values)
                             r"(?:,\s+|\s+and\s+)(?=(?:the\s+)?(?:(?:1[5-9]|20)\d\d\b|[A-Za-z][\w.+/-]*\d[\w.+/-]*|"
                             r"\d[\w.+/-]*[A-Za-z][\w.+/-]*|(?-i:[A-Z])[\w.+/-]*(?:\s(?:&\s)?[\w.+/-]+){0,2}"
                             r"(?:\s\([^()]{1,20}\))?)"  # "Breast (female) at about 63 years"
                             r"(?:\s+(?:dot|point|marker))?\s+(?:is\s+|sits\s+|lies\s+)?(?:at|near|around)\s)|"
                             # "..., Copenhagen Metro 1.0 km and 120M": a name of capitalised words and its values
                             r",\s+(?=(?-i:[A-Z])[\w.+/-]*(?:\s(?-i:[A-Z0-9])[\w.+/-]*){0,2}\s+[~≈]?[$€£]?\d[\d.,]*\s*"
                             r"[A-Za-z%]{0,3}\s+and\s)|"
                             # "..., Fresno reaches about 10.4 t/ha": a comma before another subject and its verb
                             r",\s+(?=(?-i:[A-Z])[\w.-]*(?:\s+(?-i:[A-Z0-9])[\w.-]*)?\s+(?:sits|lies|scores|reaches|achieves|"
                             r"uses|gets|attains|needs|requires|delivers|posts|produces|lands|records|hits|obtains)\b)",
                             re.IGNORECASE)
LEAD_ADVERB_RE = re.compile(r"^(?:finally|meanwhile|similarly|likewise|by contrast|in contrast|next|then|also|"
                            r"lastly|first|second|third|notably)\s*,\s*", re.IGNORECASE)
TIMES_TITLE_RE = re.compile(r"×|\bspeed-?ups?\b|\(x\)|\bratio\b|\bfold\b", re.IGNORECASE)
# capitalised words that begin sentences or name chart parts, not models
# kinds of thing a name is followed by in prose ("the REIT fund", "the Orion model", "the Kestrel chip")
_KIND_NOUNS = frozenset((
    "fund", "funds", "model", "index", "portfolio", "method", "system", "engine", "library", "framework", "package",
    "tool", "team", "club", "company", "firm", "brand", "drug", "compound", "device", "chip", "processor", "variant",
    "agent", "algorithm", "policy", "dataset", "corpus", "benchmark", "codec", "architecture", "network", "design",
))
INITIALS_RE = re.compile(r"(?:[A-Z]\.){2,3}|[A-Z]\.[A-Z]\.?")
CODE_HEADS = frozenset(("point", "plot", "model", "method", "site", "sample", "case", "run", "system", "variant",
                        "config", "configuration", "patient", "subject", "field", "station", "well"))
CODE_RE = re.compile(r"[A-Z]\d{0,3}|\d{1,4}[A-Za-z]?|[A-Z]{1,3}-?\d{1,3}")
_STOP_NAMES = frozenset((
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "overall", "both", "all", "each",
    "every", "most", "many", "some", "few", "other", "others", "another", "one", "two", "three", "four",
    "five", "accuracy", "performance", "score", "latency", "speed", "cost", "price", "model", "models",
    "what", "which", "who", "how", "why", "where", "when",
    "method", "methods", "point", "points", "figure", "chart", "plot", "axis", "average", "mean", "median",
    "total", "however", "finally", "meanwhile", "also", "while", "whereas", "note", "notably", "only",
    "among", "between", "compared", "relative",
    # a participle opening a sentence: "Reading the chart, ...", "Looking closer, ...", "Judging by the fit, ..."
    "reading", "looking", "comparing", "judging", "considering", "taking", "turning", "moving", "going",
))
# "14 entries with model names", "Only 3 models exceed 40B": a count, not a name
COUNT_SUBJECT_RE = re.compile(r"^(?:(?:only|just|about|roughly|around|exactly|over|under|all|the|some|fewer than|"
                              r"more than|at least)\s+)?\d+\s+(?-i:[a-z])|\b\d+\s+(?-i:[a-z]{2,}s)\b", re.IGNORECASE)


def points_prose(state: ParseState) -> None:
    """One name and exactly two numbers in a sentence make a point; later restatements are ignored."""
    known: dict[str, set[str | None]] = {}  # label -> the groups it was read in
    for p in state.points:
        known.setdefault(_known_key(p.label), set()).add(p.ctx_group or p.group)
    corrects = mentions_correction(state.doc.text)  # once, not per sentence
    # the text names its points "Surname, First" ("Kane, Harry" in its table): a name in prose may be cut at its comma
    comma_names = any(COMMA_NAME_RE.fullmatch(p.label) for p in state.points)
    for block in state.facts_blocks("paragraph", "item"):
        keyed = block.text.find(": ")
        short_keyed = 0 < keyed < 60 and len(block.text) - keyed < 60  # "Property: 210 Harbour St #4B"
        if block.used and (block.kind == "item" or (len(block.sentences) == 1 and (block.lead or short_keyed))):
            continue  # (a keyed line the list rule read, "CA1: 1,450 neurons, 41%", "Property: 210 Harbour St", once)
        # "The flood-irrigated districts sit further right. Sutter uses ...": the group spoken of; from the
        # start, the group the block's heading names ("### HNSW" over '"fast" sits at 0.32 ms ...')
        section = group_named(state, block.context[-1]) if block.context and state.groups else None
        if section is None and block.headings and block.context and block.context[-1] == block.headings[-1]:
            # "#### Pre-camp test — hollow grey circles" over "- Kiptoo ran 29.4 min with a VO₂max of 71.2": a
            # series the heading names and styles, though no legend lists it
            heading = block.context[-1]  # (a group the heading mentions in its own look: "### DFT (Red Open
            # Circles)" is the key's "DFT (predicted)"; "Post-camp test — filled blue circles" is not "Pre-camp test")
            mentioned = group_mentioned(state, heading)
            if mentioned is not None and mentioned.color not in (None, first_color(heading) or mentioned.color):
                mentioned = None
            section = mentioned or series_header(state, heading, block.line)
        before: str | None = None  # a sentence of no points: the next may say "It"/"Its" of what it names
        styled: tuple[str | None, str | None] = (None, None)  # a set's style, stated before its points
        led_once: list[GroupFact | None] = []  # the section before a series lead, which holds for its sentence only
        for sentence in block.sentences:
            if led_once:
                section = led_once.pop()
            lead = GROUP_DASH_RE.match(sentence) if state.groups else None
            if lead and (led := group_named(state, lead.group("head"))) is not None:
                # "Instruct models — Llama-3.1-8B at [~520 tokens, 51.9%]; Qwen2.5-7B at [...]": the legend's
                # group, then its points
                section, sentence = led, sentence[lead.end():]
            elif (series_lead := SERIES_LEAD_RE.match(sentence)) and sentence[series_lead.end()].isupper() \
                    and not HIGHLIGHTED_LEAD_RE.match(series_lead.group("name")) \
                    and len(lex(sentence[series_lead.end():])) >= 4 and (
                    led := group_named(state, series_lead.group("name")) or (
                        series_header(state, series_lead.group("head"), block.line))) is not None:
                # "Mammals (brown circles): Pygmy shrew at 5 g and 0.09 W; House mouse at ...": a series, its look,
                # then its points, named (two at least: "Sesko (green circle): x ≈ 0.61, y ≈ 0.72" is one point's;
                # "Node A (blue circle): 128 GB and 3,200 req/s, up from 2,900 req/s" too), this sentence only
                led_once.append(section)
                section, sentence = led, sentence[series_lead.end():]
            if "—" in sentence or "–" in sentence:
                sentence = _asides(sentence)
            said = sentence  # (its opening may name the group: "The cuprates begin with LBCO in 1986 ...")
            if state.groups and not _DIGIT_RE.search(said) and (spoken := group_mentioned(state, said)) is not None:
                section = spoken  # "The interior region spans the whole range.": the group the next sentences place
            if ";" in sentence and (listed := RECORDS_IN_BRACKET_RE.search(sentence)) is not None and all(
                    len(lex(clause)) >= 2 for clause in listed.group("inner").split(";")):
                # "Gray circles are the baselines without merging (Baseline-144 at 144 tokens and 52.3; Baseline-576
                # at 576 tokens and 63.8; ...)": the points are the bracket's, the words before it their style
                styled = _set_style(sentence[: listed.start()]) or styled
                sentence = listed.group("inner")
            sentence = COME_RE.sub("", sentence)  # "Further right come Moscow Metro (1.7 km, ~2.5B) and ..."
            sentence = BEGIN_WITH_RE.sub("", sentence)  # "The remote districts begin with Riverton at 88 days"
            sentence = IS_NAME_RE.sub("", sentence)
            if " is " in sentence or " was " in sentence:
                sentence = VALUE_FOR_RE.sub(lambda m: f"{m['rest'].strip()} with {m['value']}", sentence)
            told, told_style = None, ""
            prior = before  # the sentence before, when it placed nothing
            it = IT_START_RE.match(sentence) if before else None
            it_led = LED_IT_RE.match(sentence) if before and it is None else None
            if it_led is not None:  # "Trained for 2M steps, it reaches a median score of 1.32": the lead goes after
                after = REMARK_AFTER_RE.sub("", sentence[it_led.end("lead") + 1:].lstrip())
                sentence = f"{after}, {it_led.group('lead')}"
                it = IT_START_RE.match(sentence)
            if it and before and (told := _subject_of(state, before)):
                # "Velox-Lite 2.0 is drawn as a red diamond. Its peak memory is 4.4 GB at 610 ms."
                told_style = before.replace(told, " ")  # "... is drawn as a larger red diamond": its style
                sentence = (f"{told}'s " if it.group().lower().startswith("its") else f"{told} ") + sentence[it.end():]
            before = None
            if corrects and "(" in sentence:  # "..., and JudgeLM-13B at 0.55 for $0.11 (correction: closer to 0.53)"
                sentence = BRACKETED_CORRECTION_RE.sub(" ", sentence)  # the rest of the sentence still lists points
            if sentence.rstrip().endswith(":"):
                continue  # "Stations, numbered as in Table 2 (area, then 100-year peak):" opens a list
            if HOLE_PAIR_RE.search(sentence):
                continue  # "Kestrel-7B: (nan, 55.0)": a point the text cannot place; its name's "7B" places nothing
            if corrects and (fix := CORRECTION_RE.search(sentence)) and len(lex(sentence[: fix.start()])) >= 2:
                # "..., and Toronto at roughly 4,300 per km² and 21% - correction: 24%; ...": the points before the
                # correction are read here, and the correction revises them (rule corrections)
                sentence = sentence[: fix.start()].rstrip(" -–—,;(")
            if RATE_RE.search(sentence) and len(lex(sentence)) <= 2:
                continue  # "every extra 10 km per week is worth about 15 minutes": a slope, no point
            if "line" in sentence and (tail := LINE_TAIL_RE.search(sentence)) is not None and \
                    len(lex(sentence[: tail.start()])) >= 2 and not _about_the_chart(sentence[: tail.start()]) and \
                    len(lex(QUOTED_NAME_RE.sub(" ", sentence[tail.end():]))) <= 1:
                # "FP16 sits at 26 GB and 4.88, and a dotted line at that same perplexity runs across the chart": the
                # point; the line is the lines rule's (not when more points follow: "..., just below the line, and
                # Gold at 14.8% and 6.7%")
                sentence = sentence[: tail.start()]
            # (a correction's cue may be the block's lead: "**Erratum.** X is listed at ...")
            fixes = corrects and (CORRECTION_RE.search(sentence) or (block.lead and CORRECTION_RE.search(block.lead)))
            if KEY_SENTENCE_RE.match(sentence) or (NOT_POINT_RE.search(sentence) and _about_the_chart(sentence)) or \
                    fixes:  # the second pass only where the first found a part
                continue  # a correction revises a point read elsewhere (rule corrections)
            found, rest = _respectively(state, sentence, block.line)
            if not found and sentence.count("(") >= 2:
                # "Saturn and Jupiter, the two heaviest planets, are at (95.2, 9.14) and (318, 11.2)": a run of names
                # and a run of as many pairs, "respectively" unsaid (an aside after the names is no name)
                found, rest = _respectively(state, LIST_ASIDE_RE.sub(" ", sentence, count=1), block.line, said=False)
            if found:  # "A, B and C sit at (1, 2), (3, 4) and (5, 6) respectively, and ours is at (7, 8)"
                found += _listed(state, rest, block.line) or _points_in(state, rest, block.line) or \
                    _placed_pair(state, rest, block.line)
            elif found := _keyed_run(state, sentence, block.line):
                pass  # "Points (label: latency, FID): SD-1.5: 4.8 s, 9.6; DDIM: 1.0 s, 14.8 — all blue circles"
            elif found := _listed(state, sentence, block.line):
                # "GFDL lies near (1100, 1.9) and NorESM near (1150, 1.8), while INM is at 1.6 °C for 1050"
                # (a clause with a pair was listed; "Japan (teal) stands out at $42,000 and 84.4" was not)
                found += [p for clause in CLAUSE_SPLIT_RE.split(sentence) if not PAIR_RE.search(clause)
                          for p in _points_in(state, clause, block.line)]
            else:
                they = THEY_ARE_RE.match(sentence) if prior else None
                found = _shared_value(state, sentence, block.line) or (
                    # "The blue dots are all stacked in a column at 250 NFE. From top to bottom they are ADM at
                    # about 10.94, ADM-G at about 4.59, ...": the value the sentence before shares
                    _shared_value(state, f"{prior} : {they.group('tail')}", block.line) if they and prior else []) or \
                    _points_in(state, sentence, block.line) or _placed_pair(state, sentence, block.line) or \
                    _both(state, sentence, block.line) or _by_marker(state, sentence, block.line)
                found = (_verbless_list(state, sentence, block.line) or found) if len(found) <= 1 else found
                if len(parallel := _parallel_items(state, sentence, found, block.line)) > len(found):
                    found = parallel  # "Steel sits at 7.8 and 200, titanium alloy at 4.5 and 110, ...": in lower case
            if not found and (tail := COMPARISON_TAIL_RE.search(sentence)) and \
                    len(head := _points_in(state, sentence[: tail.start()], block.line)) == 1:
                # "A uses 5.6 GB and reaches 5.31, within 0.2 of B": the values a comparison adds are no coordinates
                found = head
            found = [p for p in found if not FIT_NAME_RE.search(p.label)  # "power-law fit, exponent 0.31 and ..."
                     and not RANGE_LABEL_RE.fullmatch(p.label)]  # "at 7-8B the baselines differ by 23 points"
            for p in found:  # "AISI D2 tool steel", "C17200 beryllium copper": a code, then the kind of thing it is
                if (kind := KIND_TAIL_RE.match(p.label)) and not set(kind.group("kind").split()) & KEPT_TAIL_WORDS:
                    p.label = kind.group("code")
                    if is_style_only(kind.group("kind")):  # "the FP16 diamond sits at ...": the kind is its look
                        p.color = p.color or first_color(kind.group("kind"))
                        p.marker = p.marker or first_marker(kind.group("kind"))
                elif comma_names:
                    p.label = _comma_name(sentence, p.label)
                if p.label.startswith("the ") and ARTICLE_CODE_RE.fullmatch(p.label):
                    p.label = p.label[4:]  # "... crowd together: the A220-300 (6,300 km, 410 kt), the A320neo (...)"
            if len(found) == 1 and BEYOND_RE.search(sentence):
                found[0].beyond = True  # "Qatar is far above the plotted range at (0, 35.6)": where the text put it
            if not found:
                before = sentence
                styled = _set_style(sentence) or styled
            elif it and len(found) == 1 and found[0].label == told:
                point = found[0]
                point.color = point.color or first_color(told_style)
                point.marker = point.marker or first_marker(told_style)
                point.ours = point.ours or ours_cue(told_style)
            # a sentence of no values speaks of a group as a whole ("In the lower left, the African countries
            # cluster together"); otherwise its first words do
            colon = said.find(": ")  # "The two green stars belong to LightServe: ..." opens with all before it
            opening = said if not found and not lex(said) else \
                said[:colon] if 0 < colon < 80 else " ".join(said.split()[:6])
            for p in found:
                opening = opening.replace(p.label, " ")  # "GPT-4 (Closed)" names its point, not a section
            if (among := SECTION_WORD_RE.match(said)) is not None and (comma := said.find(",", among.end())) > 0:
                opening = said[among.end(): comma]  # "Among the exoplanets, TRAPPIST-1e is ...": "the exoplanets"
            named = (group_mentioned(state, opening) or _group_by_style(state, opening)) if state.groups else None
            if named is not None:
                section = named  # "Among the drip-irrigated districts, Tulare ..."
            if found and 0 < colon < 120 and not lex(said[:colon]):
                # "Four Solar System planets are included as gray squares: Earth at (1, 1), Neptune at ...": the
                # head styles every point the sentence lists
                head_color, head_marker = first_color(said[:colon]), first_marker(said[:colon])
                for p in found:
                    p.ctx_color, p.ctx_marker = p.ctx_color or head_color, p.ctx_marker or head_marker
            for point in found:
                if len(found) == 1:
                    _stated_label(sentence, point)
                point.ctx_color, point.ctx_marker = point.ctx_color or styled[0], point.ctx_marker or styled[1]
                if not point.unnamed and _axis_words(state, point.label):
                    continue  # 'Up the side runs "Transit share (%)", linear, 0 to 80': a title and a range
                if point.ctx_group is None and section is not None \
                        and group_by_family(state, point.label) in (None, section):  # "EUR 2023" after "2015 dot"
                    point.ctx_group = section.name
                # a later restatement adds nothing; a series' points share its name, and the same name under
                # another group ("Store 03" in 2023 and in 2024) is another point
                group, seen = point.ctx_group or point.group, known.get(_known_key(point.label))
                if point.unnamed or seen is None or (group is not None and None not in seen and group not in seen):
                    known.setdefault(_known_key(point.label), set()).add(group)
                    state.add_points([point])
                    block.used = True


# one item of a list of things placed alike: "titanium alloy sits at 4.5 Mg/m³ and 110 GPa", "and ponatinib at about
# 0.4 nM and 0.33", "Steel is furthest to the right at 7.8 and 200" (a name of one to three words, then where it is)
_PLACING = r"(?:is|sits|lies|appears|stands|comes|falls)\b"
PARALLEL_ITEM_RE = re.compile(rf"^\s*(?:and\s+)?(?P<name>(?!{_PLACING})[A-Za-z][\w'’.+/-]*"
                              rf"(?:\s(?!{_PLACING}|at\b|near\b|around\b)[A-Za-z0-9][\w'’.+/-]*(?:,\d+)?){{0,2}})"
                              rf"(?P<rest>\s+(?:{_PLACING}\s+(?:[a-z][a-z -]{{0,40}}?\s)?)?"
                              r"(?:at|near|around)\s+[^,]*\d.*)$")
PARALLEL_SPLIT_RE = re.compile(r",\s+(?:and\s+)?|\s+and\s+(?=(?:the\s+)?[a-z][\w'’-]*(?:\s[a-z][\w'’-]*){0,2}\s+"
                               r"(?:(?:is|sits|lies)\s+)?at\s)")


def _parallel_items(state: ParseState, sentence: str, found: list[PointFact], line: int) -> list[PointFact]:
    """A sentence that lists things placed alike, names in lower case among them ("Steel sits at 7.8 and 200,
    titanium alloy at 4.5 and 110, and magnesium alloy at 1.8 and 45"; "... at the far left: dasatinib at 0.6 nM
    and 0.38, and ponatinib at 0.4 nM and 0.33"): a point per item, where the list itself shows them to be names.
    Three items or more; two where the words before the colon name both, or the sentence's other reading named
    one of them. A piece of no number is an aside on the item before ("..., the least selective compound")."""
    colon = sentence.find(": ")
    head, body = (sentence[:colon], sentence[colon + 2:]) if 0 < colon < 120 else ("", sentence)
    items: list[tuple[str, str]] = []
    for piece in PARALLEL_SPLIT_RE.split(body.rstrip(" .")):
        m = PARALLEL_ITEM_RE.match(piece)
        if m is None:
            if _DIGIT_RE.search(piece) or not items:
                return []
            continue  # an aside
        name = m.group("name")
        words = " ".join(w for w in name.split() if not _DIGIT_RE.search(w))  # "nylon 6,6": its words
        if name[:1].islower() and (common_noun_name(f"the {words}") != words or PRONOUN_RE.match(name)
                                   or _axis_words(state, name)):
            return []  # "the rest at ...", "it sits at", "density at": no thing's name
        items.append((name, m.group("rest")))
    said = {p.label for p in found}
    if len(items) < 3 and not (len(items) == 2 and (all(n in head for n, _ in items) or said & {n for n, _ in items})):
        return []
    out = []
    for name, rest in items:
        point = _named_point(state, f"Parallel-Item{rest}", line)
        if point is None or point.label != "Parallel-Item":
            return []
        point.label = name
        out.append(point)
    return out


# a range of values is no name: "7-8B", "3–5K", "10 to 20%"
RANGE_LABEL_RE = re.compile(r"[~≈]?\$?\d+(?:\.\d+)?\s*[KMBTkG%]?\s*(?:[-–—]|to)\s*\$?\d+(?:\.\d+)?\s*[KMBTkG%]?")


def _known_key(label: str) -> str:
    """A label as a restatement names it: "Terse-7B" restates "Terse-7B (ours)"."""
    return OURS_TAIL_RE.sub("", label).strip().casefold()


OURS_TAIL_RE = re.compile(r"\s*[(\[](?:ours|this\s+work|this\s+study|proposed)[)\]]\s*$", re.IGNORECASE)


# a line that opens with a group's name and a dash: "Long-CoT models — DeepSeek-R1 at [~5.1K, 83.9%]; ..."
# a highlight's cue before a look and a colon, "Highlighted (red star): ...", names no series
HIGHLIGHTED_LEAD_RE = re.compile(r"\s*(?:highlighted|highlight|emphasi[sz]ed|marked)\b", re.IGNORECASE)
# a series named with its look in brackets, then a colon: "Mammals (brown circles): ", "Birds (▲, blue): "
SERIES_LEAD_RE = re.compile(r"\s*(?P<head>(?P<name>[^:;,.()\d][^:;,()]{0,40}?)\s*\([^()]{2,40}\))\s*:\s+(?=\S)")
GROUP_DASH_RE = re.compile(r"\s*(?P<head>[^—–:;,.()\d][^—–:;,()]{1,40}?)\s+[—–]\s+(?=\S)")


# a clause comparing the point with another, after its own two values: ", which beats B and trails C by 0.05",
# ", within 0.2 of B", ", 3 points above B", ", about 2% better than B"
COMPARISON_TAIL_RE = re.compile(
    r",\s*(?:which|that)\s+(?:beats?|trails?|outperforms?|matches|ties|edges|is|sits|lies|comes)\b|"
    r",\s*(?:(?:only|just|about|roughly|some|nearly|almost)\s+)?(?:within\s+)?[~≈]?\d[\d.,]*\s*"
    r"(?:%|pp|points?|percentage\s+points?|[A-Za-z]{1,3})?\s+(?:of|above|below|ahead\s+of|behind|better\s+than|"
    r"worse\s+than|more\s+than|less\s+than|higher\s+than|lower\s+than|short\s+of)\s", re.IGNORECASE)


# "The years from 2008 to 2019 are drawn as navy circles.", "Green triangles mark the platinum-free catalysts.",
# "Forest sites are plotted as dark green circles.": a sentence of no points styles a set of them in the plural
PLURAL_MARKERS_RE = re.compile(r"\b(?:circle|square|triangle|diamond|star|dot|cross|pentagon|hexagon|disc|disk|"
                               r"marker|point)s\b", re.IGNORECASE)


RECORDS_IN_BRACKET_RE = re.compile(r"\((?P<inner>[^()]*;[^()]*)\)")


def _set_style(sentence: str) -> tuple[str | None, str | None] | None:
    """The one colour and marker a sentence gives a set of points; None when it names two ("Red stars are ours
    and grey circles the baselines") or none, or speaks of a chart part."""
    if not PLURAL_MARKERS_RE.search(sentence) or NOT_POINT_RE.search(sentence):
        return None
    colors, markers = {c for _, c in find_colors(sentence)}, {m for _, m in find_markers(sentence)}
    if len(colors) != 1 or len(markers) > 1:
        return None
    return next(iter(colors)), next(iter(markers), None)


# a quoted name that ends a subject after a few words: 'The dual-phase "DP steel"', 'its neighbour "TRIP steel"'
# (its closing quote may be stripped already)
TAIL_QUOTE_RE = re.compile(r"^(?:[\w-]+\s+){1,4}[\"“](?P<name>[^\"“”]{1,60})[\"”]?$")
LEAD_QUOTE_RE = re.compile(r"^\s*[\"“](?P<name>[^\"“”]{1,60})[\"”]")
BRACKETED_CORRECTION_RE = re.compile(r"\s*\((?=[^()]*\b(?:[Cc]orrection|[Cc]orrected|[Ee]rratum|[Mm]isread|"
                                     r"on closer)\b)[^()]*\)")


# "One unit is emphasised with a larger red star ...: this is u27, located at a firing rate of 12 Hz and ..."
THIS_IS_RE = re.compile(r"(?:^|[:;]\s+)(?:this|that|it)\s+is\s+(?P<name>[^\s,;]{2,40}(?:\s[^\s,;]+){0,2}),\s+"
                        r"(?=(?:located|placed|positioned|sitting|lying|plotted|at)\b)", re.IGNORECASE)
LEAD_CONJ_RE = re.compile(r"^(?:and|or|but|plus)\s+(?=\S)", re.IGNORECASE)
LEAD_THE_RE = re.compile(r"^the\s+", re.IGNORECASE)
NAMING_VERB_RE = re.compile(r"^(?:labell?ed|named|called|marked|tagged)\s+(?:as\s+)?", re.IGNORECASE)


# "it" as the subject of a clause, at its start or after a lead-in ("with 27.5% volatility ..., it falls")
ASIDE_RE = re.compile(r"\s?—\s?(?P<aside>[^—()]{1,80}?)\s?—\s?|\s–\s(?P<aside2>[^–()]{1,80}?)\s–\s")


def _asides(sentence: str) -> str:
    """An aside between dashes: dropped when it holds no value ("Spain at $42.5K — just above the axis — and
    Romania ..."), else read as a clause between commas ("Emerging markets—the most volatile, at 21.6%—delivered")."""
    def one(m: re.Match[str]) -> str:
        aside = m.group("aside") or m.group("aside2") or ""
        return f", {aside}, " if lex(aside) else " "
    return ASIDE_RE.sub(one, sentence)


IT_CLAUSE_RE = re.compile(r"(?:^|,\s+)(?P<it>it)\s+(?:is|sits|lies|falls|reaches|has|was|comes|appears|scores|"
                          r"achieves|stands|shows)\b", re.IGNORECASE)
LABELLED_AS_RE = re.compile(r"\b(?:labell?ed|named|called|annotated|tagged)\s+(?:as\s+)?"
                            r"[\"“](?P<name>[^\"”]{1,60})[\"”]", re.IGNORECASE)
# a clause with a value, then "it": "Trained for 2M steps, it reaches ...", "At 4 GB, it scores ..."
LED_IT_RE = re.compile(r"^(?P<lead>[A-Z][^,;]{2,60}\d[^,;]{0,30}),\s+(?=(?:it|its)\s)")
# a remark after the values that holds others: ", making it the only method left of 10M steps that ..."
REMARK_AFTER_RE = re.compile(r",\s+(?:making|which\s+makes)\s+(?:it|them)\b.*$", re.IGNORECASE)
IT_START_RE = re.compile(r"^(?:its|it['’]s|it|this (?:model|system|method|point|one)|the (?:model|system|method))\s+",
                         re.IGNORECASE)


ARTICLE_CODE_RE = re.compile(r"the (?=\S*\d)(?-i:[A-Z\d])[\w.+-]*(?: (?-i:[A-Z\d])[\w.+-]*){0,3}")
NAME_WORD = r"[^\W\d_]+(?:[-'’][^\W\d_]+)?"  # "Martínez", "O'Neill", "Smith-Rowe"
NAME_WORD_RE = re.compile(NAME_WORD)
COMMA_NAME_RE = re.compile(rf"(?=[A-Z][^\W\d_]){NAME_WORD}, (?=[A-Z][^\W\d_]){NAME_WORD}")


def _comma_name(sentence: str, label: str) -> str:
    """The whole of a "Surname, First" name a sentence cut at its comma, where the text names its points so:
    "Martínez, Lautaro is at about 17.9 xG" (read as "Martínez"), "The lowest, Palmer, Cole, is at 11.4" ("Cole")."""
    if not NAME_WORD_RE.fullmatch(label):
        return label
    for m in COMMA_NAME_RE.finditer(sentence):
        if label in (m.group().split(", ")) and m.start() < 80:
            return m.group()
    return label


def _subject_of(state: ParseState, sentence: str) -> str | None:
    """The point a sentence of no values names, for the next sentence's "It"/"Its": "The system introduced
    by the authors, Velox-Lite 2.0, is drawn as a larger red diamond", "ResNet-50 is the strongest baseline"."""
    named = APPOSITIVE_RE.match(sentence)
    labelled = LABELLED_AS_RE.search(sentence) if named is None else None
    if labelled:  # '... is drawn as a large red star and labelled "CuZn-MOF-808 (this work)"': the label names it
        subject = labelled.group("name").strip()
    elif named:
        subject = _name_in(state, named.group("name"), first=False)
    else:
        verb = NAME_VERB_RE.match(sentence)
        end = SUBJECT_END_RE.search(sentence)
        cut = verb.end("name") if verb else (end.start() if end and end.group().strip() not in (",",) else None)
        subject = _name_in(state, sentence[:cut], first=False) if cut else None
    # a sentence that states values is about something else ("Brazil is 13 points ahead of ...")
    return subject if subject and not lex(sentence.replace(subject, " ")) else None


def _group_by_style(state: ParseState, text: str) -> GroupFact | None:
    """"Reading the teal circles from the bottom upward": the one legend group drawn in that style."""
    color, marker = first_color(text), first_marker(text)
    if color is None or marker is None:
        return None
    same = [g for g in state.groups if g.color == color and g.marker == marker]
    return same[0] if len(same) == 1 else None


RESPECTIVELY_RE = re.compile(r"\brespectively\b", re.IGNORECASE)
RESPECTIVELY_END_RE = re.compile(r"\brespectively(?=\s*[,;:—–]\s*\S)", re.IGNORECASE)
RESPECTIVELY_TAIL_RE = re.compile(r"^\s*[,;:—–]\s*(?:and|while|whereas|but)?\s*")
LIST_BREAK_RE = re.compile(r"\s*(?:[,:;]|\band\b|&)\s*")
EDGE_WORDS_RE = re.compile(r"^(?:[a-z]\S*\s+)+|(?:\s+[a-z]\S*)+$")  # "sit at", "the chip": lower-case words around


def _respectively(state: ParseState, sentence: str, line: int, said: bool = True) -> tuple[list[PointFact], str]:
    """"CsPbI3, CsSnI3 and MAPbI3 sit at (−0.8, 1.1), (−0.6, 2.0) and (−0.3, 0.9), respectively", or the
    pairs first and the names after: a run of names matched in order to a run of as many pairs. Returns
    the points and the sentence without the names and pairs used (it may state another point). Without
    `said`, the word "respectively" need not be there ("A and B are purple diamonds at (4.5, 82.1) and (8.7, 83.1)")."""
    if said and not RESPECTIVELY_RE.search(sentence):
        return [], sentence
    if "(" not in sentence:
        found = _respectively_values(state, sentence, line)
        # "..., at densities of 6,200 and 16,000 respectively, and Singapore lies between them at 8,300 ...": a
        # clause after the runs is read on its own
        end = RESPECTIVELY_END_RE.search(sentence) if found else None
        return found, (RESPECTIVELY_TAIL_RE.sub("", sentence[end.end():]) if end else "")
    pieces: list[tuple[str, int, int]] = []  # ("pair" | "name" | "other", start, end), list breaks dropped
    at = 0
    for m in [*PAIR_RE.finditer(sentence), None]:
        stop = m.start() if m else len(sentence)
        pos = at
        for brk in [*LIST_BREAK_RE.finditer(sentence, at, stop), None]:
            b0 = brk.start() if brk else stop
            text = sentence[pos:b0]
            core = EDGE_WORDS_RE.sub("", RESPECTIVELY_RE.sub("", text).strip(" .\"“”*`")).strip()
            if text.strip(" ."):
                kind = "name" if core and _quoted_name(core) and not PRONOUN_RE.match(core) else "other"
                if kind == "name":
                    off = text.find(core)
                    pieces.append(("name", pos + off, pos + off + len(core)))
                elif RESPECTIVELY_RE.sub("", text).strip(" ."):
                    pieces.append(("other", pos, b0))
            pos = brk.end() if brk else stop
        if m:
            pieces.append(("pair", m.start(), m.end()))
            at = m.end()
    runs: list[list[tuple[str, int, int]]] = []
    for piece in pieces:
        if runs and runs[-1][0][0] == piece[0] and piece[0] != "other":
            runs[-1].append(piece)
        else:
            runs.append([piece])
    pair_runs = [r for r in runs if r[0][0] == "pair" and len(r) >= 2]
    matches = [(n, p) for p in pair_runs for n in runs if n[0][0] == "name" and len(n) == len(p)]
    if len(matches) != 1:
        return [], sentence
    names, pairs = matches[0]
    found = []
    rest = sentence
    for (_, n0, n1), (_, p0, p1) in zip(names, pairs, strict=True):
        coords = find_coords(sentence[p0:p1])
        if coords is None:
            return [], sentence
        point = PointFact(sentence[n0:n1], coords.x, coords.y, line)
        point.warnings.append("read from a sentence listing names and pairs 'respectively'")
        found.append(point)
        rest = rest[:n0] + " " * (n1 - n0) + rest[n1:]
        rest = rest[:p0] + " " * (p1 - p0) + rest[p1:]
    return found, rest


_NAME = r"[\w.+/-]*[\dA-Z][\w.+/-]*(?:\s[\w.+/-]*[\dA-Z][\w.+/-]*){0,2}"
BOTH_RE = re.compile(r"^(?P<a>" + _NAME + r")\s+and\s+(?P<b>" + _NAME + r")\s+(?:both|each)\b(?P<shared>[^;]*?)"
                     r"(?:;\s*|,\s+(?:but|while|whereas)\s+)(?P<rest>.+)$")
_LOOSE_NAME = r"[A-Z\d][\w.+/&-]*(?:\s[\w.+/&-]+){0,3}?(?:\s\([^()]{1,24}\))?"  # "Gold", "Broad commodities", "S&P 500"
FORMER_PAIR_RE = re.compile(r"(?P<a>" + _LOOSE_NAME + r")\s+and\s+(?P<b>" + _LOOSE_NAME + r")"
                            r"(?:\s+(?:are|were|sit|lie)\b[^:;,]{0,80})?\s*[:;,]\s*(?=the\s+former\b)")
FORMER_SPLIT_RE = re.compile(r",?\s+(?:and|while|whereas|but)\s+"
                             r"(?=the\s+(?:former|latter)\b|(?-i:[A-Za-z][\w.+/-]*[\dA-Z]))|"
                             r";\s*|,\s+(?=the\s+(?:former|latter)\b)", re.IGNORECASE)


def _both(state: ParseState, sentence: str, line: int) -> list[PointFact]:
    """"Llama-3.1-8B and Qwen2-7B both claim 128K; the former is effective up to about 32K and the latter
    up to about 16K": one value shared by two names, then each one's own (by "the former"/"the latter" or
    by name)."""
    m = BOTH_RE.match(sentence.strip())
    if m is not None and len(lex(m.group("shared"))) == 1:
        names, shared, rest, wanted = (m.group("a"), m.group("b")), m.group("shared"), m.group("rest"), 1
    elif (pair := FORMER_PAIR_RE.search(sentence)) is not None:
        # "Gold and Broad commodities: the former lies near 13% ... with 6.1%, while the latter ... at −2.3%"
        names, shared, rest, wanted = (pair.group("a"), pair.group("b")), "", sentence[pair.end():], 2
        lead = sentence[: pair.start()]  # "Two benchmarks are drawn as teal squares, Gold and ...": their style
    else:
        return []
    own: dict[str, str] = {}
    for piece in FORMER_SPLIT_RE.split(rest):
        low = piece.strip().casefold()
        who = next((n for n, cue in zip(names, ("the former", "the latter"), strict=True)
                    if low.startswith(cue) or low.startswith(n.casefold())), None)
        if who is not None and len([n for n in lex(piece) if not in_name(piece, n)]) == wanted:
            own[who] = piece
    if len(own) != 2:
        return []
    found = []
    for name in names:
        placed = _placed(state, f"{shared} ; {own[name]}")
        if placed is None:
            return []
        point = PointFact(name, *placed, line)
        if m is None:
            point.ctx_color, point.ctx_marker = first_color(lead), first_marker(lead)
        point.warnings.append(PROSE_NOTE)
        found.append(point)
    return found


VERB_CUT_RE = re.compile(r"\s+(?:sit|sits|lie|lies|are|is|come|comes|appear|appears|reach|reaches|score|scores|"
                         r"have|has|show|shows|record|records|stand|stands|follow|follows|at|with|were|was|"
                         r"cost|costs|resolve|resolves|take|takes|need|needs|use|uses|require|requires|achieve|"
                         r"achieves|get|gets|obtain|obtains|hit|hits|land|lands|post|posts|deliver|delivers|run|"
                         r"runs|consume|consumes|spend|spends|reached|scored|achieved|obtained|posted|carry|carries|"
                         r"hold|holds|log|logs|average|averages|record|records|register|registers|saw|see|sees|"
                         # (or any verb in the past: "Windmill Hill and Greyfriars received 200 and 240 kg N/ha")
                         r"(?-i:[a-z]{3,}ed)|gave|got|took|had|made|ran|won|lost)\b")
# an aside after a list of names: "Japan and Korea, both OECD members, follow with ...", "Cedar Hill and Riverside
# Park, the two leafiest, have ..."
THE_NAME_RE = re.compile(r"^[Tt]he\s+(?=(?-i:[A-Z]))")
OWNER_LEAD_RE = re.compile(r"^(?:its|their|his|her|our)\s+(?:(?-i:[a-z])[\w-]*\s+){1,3}(?=(?-i:[A-Z\d]))",
                           re.IGNORECASE)
COPULA_HEAD_RE = re.compile(r"^.*?\b(?:are|were|include)\s+(?=(?-i:[A-Z\d]))")
_ASIDE_OPENER = r",\s+(?:both|all|each|which|who|also|the|our|its|their)\b"
LIST_ASIDE_RE = re.compile(_ASIDE_OPENER + r"(?P<look>[^,]{0,50}),\s")
NAMES_ASIDE_RE = re.compile(_ASIDE_OPENER + r"[^,]{0,50},?\s*$|,\s*$")


# a model's size in its name ("CodeLlama-13B", "Qwen2.5-0.5B", "OPT-350M"), not "Mixtral-8x7B" or "A2.7B" (active)
SIZE_IN_NAME_RE = re.compile(r"(?<![\d.xA])(?P<v>\d+(?:\.\d+)?)\s?(?P<m>[BM])\b")
SIZE_AXIS_RE = re.compile(r"\b(?:param\w*|model\s+size|size|weights)\b", re.IGNORECASE)


def _size_in_name(state: ParseState, name: str) -> Num | None:
    """On an x axis of model size, the size a name states: the x value of a point whose text gives only y."""
    title = state.axes["x"].title
    if not title or not SIZE_AXIS_RE.search(title) or re.search(r"\d\s*[x×]\s*\d", name):
        return None
    found = list(SIZE_IN_NAME_RE.finditer(name))
    if len(found) != 1:
        return None
    m = found[0]
    return Num(float(m.group("v")), 1e9 if m.group("m") == "B" else 1e6, False, 0, 0, m.group(), None)


def _name_lists(prefix: str, size: int) -> Iterator[tuple[list[str], list[str]]]:
    """For each verb that may end a list of names ("A, B and C | sit at"): the last `size` names before it,
    and the list's pieces as written ("the teal squares for A")."""
    for verb in VERB_CUT_RE.finditer(prefix):
        pieces = _list_pieces(NAMES_ASIDE_RE.sub("", prefix[: verb.start()]))
        # (the words before a copula are no name: "The two riskiest funds are Cobalt Global Growth and ...")
        # (and an article before a proper name: "The Allt na Beinne and the Black Esk sit at ...")
        # (and an owner's words: "Its siblings Alder-160M and Alder-410M saw ...")
        yield [LEAD_LOWER_RE.sub("", THE_NAME_RE.sub("", OWNER_LEAD_RE.sub("", COPULA_HEAD_RE.sub("", p)))).strip()
               for p in pieces[-size:]], pieces
    # or an aside ends the list, whatever verb follows: "IVF-PQ and Flat-PQ16, both gray circles, form the compact end"
    if (aside := LIST_ASIDE_RE.search(prefix)) is not None:
        pieces = _list_pieces(prefix[: aside.start()])
        yield [LEAD_LOWER_RE.sub("", p).strip() for p in pieces[-size:]], pieces


def _list_pieces(text: str) -> list[str]:
    """The items of a list as written, set apart by commas, colons, semicolons, "and" or "&"."""
    return [p.strip(" .\"“”*`") for p in LIST_BREAK_RE.split(text)]


def _sized_run(state: ParseState, sentence: str, run: list[Num], line: int) -> list[PointFact]:
    """N names with sizes, then one run of N values: the y values, the sizes their x ("CodeLlama-7B and
    CodeLlama-13B are close, at about 33.9% and 36.0%"). A guess, warned about."""
    if any(n.mult is not None for n in run):
        return []  # "at 7B and 13B": the run is the sizes themselves
    for names, _ in _name_lists(sentence[: run[0].start], len(run)):
        sizes = [_size_in_name(state, n) for n in names]
        if len(names) == len(run) and all(names) and all(s is not None for s in sizes):
            found = []
            for name, x, y in zip(names, sizes, run, strict=True):
                assert x is not None
                point = PointFact(name, x, y, line)
                point.warnings.append("x taken from the size in its name; the text gives only its y value")
                found.append(point)
            return found
    return []


def _respectively_values(state: ParseState, sentence: str, line: int) -> list[PointFact]:
    """"Short-term Treasuries and Investment-grade credit sit at roughly 1.8% and 5.2% volatility, with
    returns of 1.1% and 2.6%, respectively": N names, then two runs of N values, one run per axis."""
    said = RESPECTIVELY_END_RE.search(sentence)
    head = sentence[: said.end()] if said is not None else ""
    if said is not None and len([n for n in lex(head) if not in_name(head, n)]) >= 4:
        # "..., respectively, so yields flatten near 6 t/ha": a remark follows both runs (not "... at 110 g and
        # 150 g respectively, with flights of 4,100 and 4,800 km": the second run, nor "StarCoder2-15B and
        # CodeLlama-13B reach 45.1 and 42.7 respectively, at 268 ms and 231 ms", whose names hold numbers)
        sentence = head
    if len(lex(sentence)) < 4:  # two runs of two values at least
        return []
    nums = [n for n in lex(sentence) if not in_name(sentence, n)]
    runs: list[list[Num]] = []
    for n in nums:
        if runs and LIST_GAP_RE.fullmatch(sentence[runs[-1][-1].end: n.start]):
            runs[-1].append(n)
        else:
            runs.append([n])
    long_runs = [r for r in runs if len(r) >= 2]
    if len(runs) == 1 and len(long_runs) == 1:  # "CodeLlama-7B and CodeLlama-13B ... at 33.9% and 36.0%"
        return _sized_run(state, sentence, long_runs[0], line)
    if len(long_runs) != 2 or len(long_runs[0]) != len(long_runs[1]) or len(runs) != 2:
        return []
    size = len(long_runs[0])
    prefix = sentence[: long_runs[0][0].start]
    names: list[str] = []
    style = ""
    for names, pieces in _name_lists(prefix, size):  # "the teal squares for A and B | sit at roughly"
        if len(names) == size and all(n and _quoted_name(n) and not PRONOUN_RE.match(n) for n in names):
            style = pieces[-size][: len(pieces[-size]) - len(names[0])]  # "the teal squares for"
            break
        names = []
    series = None
    if not names:  # "Atorvastatin lowers LDL-C by 37%, 43% and 49% at 10, 20 and 40 mg, respectively": a series
        series = group_mentioned(state, prefix) if state.groups else None
        if series is None:
            return []
        names = [series.name] * size
    if not style and (aside := LIST_ASIDE_RE.search(prefix)) and is_style_only(look := aside.group("look")):
        style = look  # "IVF-PQ and Flat-PQ16, both gray circles, form ...": their look
    first, second = long_runs
    # the words around each run name its axis: "... sit at roughly [1.8% and 5.2%] volatility, with returns of [...]"
    between = sentence[first[-1].end: second[0].start]
    # (the last words before each run, whole: "Heun-35, reach FIDs of", not "-35, reach ...", a signed number)
    b1, a1 = _last_words(prefix, 30), re.split(r"[,;]|\s(?:at|with|for|of|on|in|and)\s", between)[0]
    b2, a2 = _last_words(between, 30), re.split(r"[,;]", sentence[second[-1].end:])[0]
    found = []
    for name, n1, n2 in zip(names, first, second, strict=True):
        # (each value with its own unit: "at 268 ms and 231 ms", the axis the unit names)
        placed = _placed(state, f"{b1} {sentence[n1.start: n1.end]} {a1} ; {b2} {sentence[n2.start: n2.end]} {a2}")
        if placed is None:
            return []
        bare, own = _look_apart(name)  # "Antigua (purple diamond) and Tarrazú (blue triangle) are at ..."
        point = PointFact(bare, *placed, line, color=first_color(own), marker=first_marker(own),
                          unnamed=series is not None)
        point.ctx_color, point.ctx_marker = first_color(style), first_marker(style)
        if series is not None:
            point.group = series.name
        point.warnings.append("read from a sentence listing names and values 'respectively'")
        found.append(point)
    return found


def _look_apart(name: str) -> tuple[str, str]:
    """A name and the look in a bracket closing it ("Antigua (purple diamond)" -> "Antigua", "purple diamond"); the
    name whole and no look when the bracket says something else."""
    styled = STYLE_BRACKET_RE.search(name)
    if styled is None or not is_style_only(styled.group(1)):
        return name, ""
    return name[: styled.start()], styled.group(1)


def _last_words(text: str, size: int) -> str:
    """About the last `size` characters of text, from the start of a word."""
    if len(text) <= size:
        return text
    cut = text.find(" ", len(text) - size)
    return text[cut:] if cut >= 0 else text[-size:]


LEAD_LOWER_RE = re.compile(r"^(?:[a-z]\S*\s+)+")  # "the teal squares for Short-term Treasuries"
LIST_GAP_RE = re.compile(r"\s*(?:%\s*)?(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)"
                         # "41%, just under 46%, 52% and a little over 58%": hedged values in one run
                         r"(?:(?:about|around|roughly|approximately|nearly|almost|just\s+(?:under|over|below|above)|"
                         r"a\s+little\s+(?:over|under|above|below)|slightly\s+(?:over|under|above|below))\s+)?")


def _listed(state: ParseState, sentence: str, line: int) -> list[PointFact]:
    """"The baselines are GPT-4 (10, 80), Claude (8, 78) and Llama (5, 60)": several named pairs; a head
    before a colon that names a series styles them ("Series A (orange triangles): P1 (200, 55), ...")."""
    pairs = named_pairs(sentence)
    if len(pairs) < 2 and sentence.count("(") >= 2:
        return _bracketed(state, sentence, line)
    colon = top_level_index(sentence, ": ") if pairs else -1
    head = sentence[:colon].strip(" *") if 0 < colon < pairs[0][1].start else ""
    alone = len(pairs) == 1 and sentence.lstrip(" *").startswith(pairs[0][0]) and \
        PAIR_REMARK_RE.fullmatch(sentence, pairs[0][1].end) is not None and \
        len(pairs[0][0].split()) <= 5 and (NAMEISH_RE.search(pairs[0][0]) is not None or pairs[0][0].istitle())
    # (a name, not "Passes through (1e12, 70)")
    if len(pairs) < 2 and not alone and not (pairs and head and
                                             sentence[colon + 1:].lstrip(" *").startswith(pairs[0][0])):
        # one pair is a list of points only after a series head: "Base models: Llama-2-70B at (70, 40)", or as
        # the sentence's whole, a remark after it aside: "Codestral-22B (352 ms, 74.4%), which is also the slowest."
        return []
    group = (group_mentioned(state, head) or series_header(state, head, line)) if head and len(head) < 80 else None
    found = []
    said = 0  # where the clause of the pair starts: "...; our catalyst, NiFe-LDH, sits at (240, 40)"
    for name, coords in pairs:
        lead, said = sentence[said: coords.start], coords.end
        bracket = sentence[coords.start: coords.end]
        # the words in a bracket name the axes, in either order: "Haddad (14 goals, 15.9 xG)" on an x of xG
        placed = _placed(state, bracket) if WORD_IN_PAIR_RE.search(bracket) else None
        if (said_of := SUBJECT_CLAUSE_RE.match(name)) is not None and NAMEISH_RE.search(said_of.group("name")):
            name = said_of.group("name")  # "LLaVA-1.5-7B hallucinates the most (28.4%, 64.3%)": its subject
        bare, style = _look_apart(name)  # "emerging-market equities (orange)": its own style
        point = PointFact(OURS_LEAD_RE.sub("", bare), *(placed or (coords.x, coords.y)), line,
                          color=first_color(style), marker=first_marker(style))
        if group is not None:
            point.ctx_group = group.name
        else:
            point.ctx_color, point.ctx_marker = first_color(head), first_marker(head)
        point.ours = ours_cue(lead)
        point.warnings.append("read from a sentence listing several points")
        found.append(point)
    return found


# an appositive that ranks the point, after its values: ", the best result of any model under 200 ms", ", the only city
# above 40%", ", the highest of the 12 models"
SUPERLATIVE_TAIL_RE = re.compile(r",\s+(?:the|by\s+far\s+the|easily\s+the)\s+(?:(?:best|worst|highest|lowest|largest|"
                                 r"smallest|fastest|slowest|only|first|last|most|least|cheapest|biggest)\b|[a-z]+est\b)")
# a name, then a clause about it before its pair: "Qwen-VL-Chat has the lowest accuracy overall", "GPT-4o is the best"
# (a name of one word: "Developed ex-US equities (green)" is a name of three, its last word no verb)
SUBJECT_CLAUSE_RE = re.compile(r"(?P<name>\S*[A-Z\d]\S*)\s+(?:has|is|was|[a-z]{3,}(?<!s)s)\s+\S.{4,}")
PAIR_REMARK_RE = re.compile(r"\s*(?:[.!]|,\s+(?:which|that|the|a|an|by\s+far|easily|well|just)\b[^()\[\]]*)?\s*")
NO_LEGEND_ENTRY_RE = re.compile(r"\b(?:has|have|with|without)\s+(?:no|a)\s+(?:[\w-]+\s+)?legend\s+entry\b|"
                                r"\bnot\s+(?:shown\s+|listed\s+)?in\s+the\s+legend\b|"
                                # 'The remaining languages, grouped in the legend as "Other", are gray squares: ...'
                                r"\b(?:grouped|listed|shown|named|labell?ed)\s+in\s+the\s+legend\s+as\b")
# a style said after a run of records: "— all four blue circles", ", the three green squares", ", the single purple
# diamond", ", marked with a large red star that has no legend entry"
RUN_TAIL_RE = re.compile(r"^\s*(?:[—–]|\s-|,)\s*(?P<tail>\S.*)$")
RUN_COUNT_RE = re.compile(r"\b(?:all|the|these|those)\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b",
                          re.IGNORECASE)
_VALUES_GAP_RE = re.compile(r"\s*(?:,|;|and)\s*")


def _keyed_run(state: ParseState, sentence: str, line: int) -> list[PointFact]:
    """Records "name: x, y" set apart by semicolons in one sentence ("Points (label: latency, FID): SD-1.5 (50
    steps): 4.8 s, 9.6; SD-1.5 (25 steps): 2.5 s, 10.4 — all blue circles"), two or more, each with its two
    values and nothing else but a style after them; a style counting several ("all four", "the three") is the
    run's since the last style, one without a count its record's own."""
    segments = split_top(sentence.rstrip(". "), ";") if ": " in sentence else []
    if not segments or (len(segments) == 1 and segments[0].count(": ") != 1):
        return []
    found: list[PointFact] = []
    run_start = 0
    for segment in segments:
        head, colon, values = segment.rpartition(": ")
        name = strip_marks(head.rpartition(": ")[2])
        nums = lex(values)
        if not colon or not name or len(name) > 60 or not_a_label(name) or len(nums) < 2 or \
                values[: nums[0].start].strip(" ~≈") or \
                not _VALUES_GAP_RE.fullmatch(values[nums[0].end: nums[1].start]):
            return []
        tail = values[nums[1].end:]
        said = RUN_TAIL_RE.match(tail) if tail.strip(" .") else None
        if tail.strip(" .") and (said is None or lex(said.group("tail"))):
            return []  # more than two values, or words that are no style: not a record of a point
        x, y = assign_axes(state, values[: nums[1].end], nums[:2])
        point = PointFact(name, x, y, line)
        point.ours = ours_cue(name)
        point.warnings.append("read from a sentence listing several points")
        found.append(point)
        style = said.group("tail") if said else ""
        color, marker = first_color(style), first_marker(style)
        if len(segments) == 1 and (color, marker) == (None, None):
            return []  # one record alone only with a style after its values: "FlashFlow (ours): 0.25 s, 11.2, marked
            # with a large red star"
        if (color, marker) != (None, None):
            for p in found[run_start:] if RUN_COUNT_RE.search(style) else [point]:
                p.color, p.marker = color, marker
            run_start = len(found)
    return found


# "our catalyst NiFe-LDH", "the proposed model Lark-9B": the cue before the name is no part of it
OURS_LEAD_RE = re.compile(r"^(?:our|the\s+proposed|the\s+authors['’])\s+(?:own\s+)?(?-i:[a-z]+)\s+(?=(?-i:[A-Z0-9]))",
                          re.IGNORECASE)
BRACKET_RE = re.compile(r"\(([^()]*)\)")
WORD_IN_PAIR_RE = re.compile(r"[^\W\d_eE]")  # a letter, not an exponent's "e"


BRACKET_ASIDE_RE = re.compile(r"\([^()]*\)")
BODY_UNIT_RE = re.compile(r"\(([A-Z][a-z]+)\s+[a-z]+\)")  # "(Earth masses)", "(Jupiter radii)": a body as the unit


def _about_the_chart(sentence: str) -> bool:
    """The sentence speaks of the axes, ticks, legend or a line (NOT_POINT_RE), not only in a bracketed aside
    ("at roughly 700 (left of the first tick)") or a clause of no values ("...; I misread the gridline")."""
    if "(" in sentence and any(NOT_POINT_RE.search(m.group()) and len(lex(m.group())) >= 2
                               for m in BRACKET_ASIDE_RE.finditer(sentence)):
        return True  # the values themselves sit in the aside: "(scatter plot, 13 countries, 2023)"
    bare = RELATIVE_LINE_RE.sub(" ", BRACKET_ASIDE_RE.sub(" ", sentence) if "(" in sentence else sentence)
    if "legend" in bare:  # "marked with a large red star that has no legend entry": of the point, not the key
        bare = NO_LEGEND_ENTRY_RE.sub(" ", bare)
    return any(NOT_POINT_RE.search(clause) and (lex(clause) or ";" not in bare) for clause in bare.split(";"))


def _bracketed(state: ParseState, sentence: str, line: int) -> list[PointFact]:
    """"The model-based agents are SimPLe (14.4% at 1e5 steps), EfficientZero (109% at 1e5 steps) and
    DreamerV2 (164% at 2e8 steps)": names each with a bracket of two values, no comma between them (so no
    pair), the axis of each value told by its words. Two or more, and every bracket with values, or none."""
    found: list[PointFact] = []
    end = 0
    for m in BRACKET_RE.finditer(sentence):
        before, end = sentence[end: m.start()], m.end()
        if not lex(m.group(1)):
            continue  # "(ours)", "(the proposed agent)": a remark on the name
        name = LISTED_SPLIT_RE.split(before)[-1].strip()
        placed = _placed(state, m.group(1))
        if not name or not LISTED_NAME_RE.search(name) or placed is None:
            return []
        point = PointFact(name, *placed, line)
        point.warnings.append("read from a sentence listing several points")
        found.append(point)
    if len(found) < 2:
        return []
    # the list may end in a point told in words: "... and MuZero, whose 2,041% at 2 × 10^10 steps is off the axes"
    return found + (_points_in(state, sentence[end:], line) if lex(sentence[end:]) else [])


ADVERB_RE = re.compile(r"[a-z]{2,}ly|already|still|also|now|even|just|only|again|then|too|barely|nearly")
STRONG_SPLIT_RE = re.compile(r",\s+(?:while|whereas|but)\s+|;\s+")


# "Bentu: 92%, 3.1.", "Hallo: 66% coverage, 41.0 cases.": a name, a colon and the values, mid-paragraph (hedged
# too, or led by the measure's name: "Kite: about 45% at 3B", "Barcelona: a share of roughly 35% at 16,000/km²")
KEYED_SENTENCE_RE = re.compile(r"^\s*(?P<name>[^\s:][^:]{0,58}?):\s+"
                               r"(?P<rest>(?:(?:a|an|the)\s+[a-z]+(?:\s+[a-z]+)?\s+of\s+)?"
                               r"(?:(?:about|around|roughly|approximately|approx\.|nearly|almost|some|ca\.)\s+)?"
                               r"[~≈$€£]?[-−]?\d[^:]*)$")


def _gapped(state: ParseState, clause: str, line: int) -> PointFact | None:
    """A clause of a name and its values, the verb left out: "Fanta 71% and 27.5", "HD 189733 b in 2.22 days
    at 12.7 R⊕" (a name may hold numbers: the first cut that leaves a point wins)."""
    lead = GAPPED_LEAD_RE.match(clause)
    if lead is None:
        return None
    for cut in islice(GAPPED_CUT_RE.finditer(clause, lead.end()), 4):
        name = PLACED_TAIL_RE.sub("", clause[lead.end(): cut.start()])  # "ResNet-152 a bit higher at about 78.3%"
        if name.strip():
            point = _named_point(state, f"{name} at {clause[cut.end():]}", line)
            if point is not None:
                return point
    return None


# where the point lies against the one before, not part of its name: "a bit higher", "slightly further right"
PLACED_TAIL_RE = re.compile(r"\s+(?:(?:a\s+(?:bit|little|touch|tad)|slightly|somewhat|much|far|just|still|even|then|"
                            r"also)\s+)?(?:(?:further|farther)\s+)?(?:higher|lower|above|below|up|down|left|right|"
                            r"to\s+the\s+(?:left|right)|ahead|behind)$|"
                            # "Neptune just beyond it at about 17.1 M⊕": placed against the point before
                            r"\s+(?:(?:just|right|close|immediately)\s+)?(?:beyond|past|behind|after|beside|next\s+to|"
                            r"above|below|under|over)\s+(?:it|them|this|that|him|her)$")
GAPPED_LEAD_RE = re.compile(r"^\s*(?:and\s+|or\s+)?(?=(?-i:[A-Z])|[\"“])")
GAPPED_CUT_RE = re.compile(r"\s+(?:(?:in|at|with|near|on|around|about)\s+)?(?=[~≈$€£]?[-−]?\d)")


def _gapped_list(state: ParseState, clause: str, line: int) -> list[PointFact]:
    """"Kite-A scores 45% at 3B, Kite-B 52% at 7B", "HD 209458 b orbits in 3.52 days with a radius of 15.2 R⊕
    and HD 189733 b in 2.22 days at 12.7 R⊕": a point, then points whose verb is the first one's (all of the
    pieces, or none)."""
    commas = split_top(clause, ",")
    # "..., B 52% at 7B"; "... and B in 2.22 days"; "..., C 28% at 1e5 and D 41% at 1e5": commas, then an "and"
    for pieces in (commas, AND_NAME_RE.split(clause), [*commas[:-1], *AND_NAME_RE.split(commas[-1])]):
        first = _named_point(state, pieces[0], line) if len(pieces) >= 2 else None
        if first is None:
            continue
        out = [first]
        for piece in pieces[1:]:
            point = _named_point(state, piece, line) or _gapped(state, piece, line)
            if point is None:
                break
            out.append(point)
        else:
            return out
    return []


# "..., followed by YBCO in 1987 at 93 K, then BSCCO in 1988 at 110 K and Hg-1223 in 1993 at 133 K": where a list
# of verbless points parts (a comma or an "and", a connective, a name)
VERBLESS_SPLIT_RE = re.compile(r",?\s+(?:and\s+)?(?:(?:followed\s+by|then|next|plus)\s+)?(?=(?-i:[A-Z])|[\"“])"
                               r"(?<=,\s)|(?<=,\s)(?:and\s+)?(?:followed\s+by|then|next|plus)\s+(?=(?-i:[A-Z])|[\"“])|"
                               r",?\s+(?:and|then|followed\s+by)\s+(?=(?-i:[A-Z])|[\"“])")
# what opens such a list: "Two hydrides appear at the far right:", "The rural counties are", "The cuprates
# begin with" (the last taken off before)
VERBLESS_LEAD_RE = re.compile(r"^[^:;\d]{0,80}?:\s+|^[^,:;\d]{0,80}?\s(?:are|were|include|includes|comprise)\s+"
                              r"(?=(?-i:[A-Z])|[\"“])")


def _verbless_list(state: ParseState, sentence: str, line: int) -> list[PointFact]:
    """Points listed by name and values with no verb: "LBCO in 1986 at 35 K, followed by YBCO in 1987 at
    93 K, then BSCCO ...", "The rural counties are Harlan with $31K and 58%, Owsley with ..." (two at least,
    and every piece that holds a number reads as a point, or none is taken)."""
    lead = VERBLESS_LEAD_RE.match(sentence)
    body = sentence[lead.end():] if lead else sentence
    pieces = [p for p in VERBLESS_SPLIT_RE.split(body) if p and p.strip()]
    if len(pieces) < 2:
        return []
    out: list[PointFact] = []
    for piece in pieces:
        piece = piece.strip().rstrip(".")
        if not _DIGIT_RE.search(piece):
            continue  # "the first material above the liquid-nitrogen line": an aside
        point = _named_point(state, piece, line) or _gapped(state, piece, line)
        if point is None:
            return []
        out.append(point)
    return out if len(out) >= 2 else []


ONE_MORE_RE = re.compile(r"^\s*(?:and\s+)?(?:one\s+more|another(?:\s+one)?|a\s+(?:last|final|further)\s+one|"
                         r"the\s+(?:last|final)\s+one|finally)\s*,\s+(?=\S)", re.IGNORECASE)
# "... and HD 189733 b in ...", '... and "Nb" at ...', "... and losartan 50 mg (baseline 149) achieves ..."
AND_NAME_RE = re.compile(r"\s+and\s+(?=(?-i:[A-Z])|[\"“]|[a-z][a-z-]+\s+\d+(?:\.\d+)?\s*"
                         + _DOSE_UNIT + r"\b)")


def _points_in(state: ParseState, sentence: str, line: int) -> list[PointFact]:
    """The point a sentence states, or, when the whole sentence holds more than one, the point of each of
    its clauses ("Ansor reaches 2.3× after 150 minutes, while 2.4× is achieved by MetaSchedule at 120")."""
    sentence = ONE_MORE_RE.sub("", sentence)  # "One more, 1952 Kamchatka, Mw 9.0, is drawn at 1.8 m."
    colon = sentence.find(": ")
    # "Reading from left to right: Harbor Falls lost ...": after a lead of no values, the clause is what counts
    lead_in = 0 < colon < 100 and not _DIGIT_RE.search(sentence[:colon])
    point = _named_point(state, sentence[colon + 2:], line) if lead_in else None
    if point is None and lead_in:  # "Just below them comes Prague, the outlier: 540 cars, yet 430 trips a year"
        point = _introduced(state, sentence[:colon], sentence[colon + 2:], line)
    point = point or _named_point(state, sentence, line)
    if point is None and 0 < colon < 100 and not lead_in:  # "Reading the teal circles upward: Pancreas sits ..."
        point = _named_point(state, sentence[colon + 2:], line)
    # (a number inside a quoted name is the name's: 'The authors' method, "SpindleQuant 2.5-bit (ours)", is ...'; a
    # lead of no values was tried above)
    if point is None and not lead_in and 0 < colon < 200 and \
            not _DIGIT_RE.search(QUOTED_NAME_RE.sub("", sentence[:colon])):
        point = _introduced(state, sentence[:colon], sentence[colon + 2:], line)
    if point is None and (keyed := KEYED_SENTENCE_RE.match(sentence)) and not not_a_label(keyed.group("name")):
        # "Bentu: 92%, 3.1." in running prose (not "Intercept: ~100% at rank 0")
        point = _named_point(state, f"{keyed.group('name')} at {keyed.group('rest')}", line)
    if point is not None:
        return [point]
    if len(lex(sentence)) < 4 and not IT_CLAUSE_RE.search(sentence):
        return []
    parts = STRONG_SPLIT_RE.split(sentence)
    if len(parts) > 1 and "respectively" in sentence:
        # "X scores 12.8%, while A and B sit at 2.5B and 16B with 23.7% and 29.3%, respectively": the list of
        # names is one clause, which the finer split below would cut at its "and"
        listed = [_respectively_values(state, part, line) for part in parts]
        if any(listed):
            return [p for part, got in zip(parts, listed, strict=True)
                    for p in (got or _points_in(state, part, line))]
    found: list[PointFact | None] = []
    before: str | None = None  # "US large caps (S&P 500) is the best index; it is plotted at 15.2% and 11.9%"
    for clause in _names_rejoined(_rejoined(state, CLAUSE_SPLIT_RE.split(sentence))):
        it: re.Match[str] | None = IT_CLAUSE_RE.search(clause) if before else None
        if it and before and (subject := _subject_of(state, before)):
            clause = clause[: it.start("it")] + subject + clause[it.end("it"):]
        point = _named_point(state, clause, line)
        if point is None and found and found[-1] is not None:
            # "Eshu has 79% coverage and 14.0 cases; Fanta 71% and 27.5; Gombe 90% and 4.4": the verb said once
            point = _gapped(state, clause, line)
        if point is None and (", " in clause or " and " in clause) and (several := _gapped_list(state, clause, line)):
            found += several  # "Kite-A scores 45% at 3B, Kite-B 52% at 7B"
            before = None
            continue
        found.append(point)
        if point is None and "(" in clause and len(PAIR_RE.findall(clause)) >= 2:
            # "ConvNeXt-T and ConvNeXt-S are purple diamonds located at about (4.5, 82.1) and (8.7, 83.1)": a pair each
            found += _respectively(state, clause, line, said=False)[0]
        elif point is None:  # "as are Poland and Portugal, which score 489 and 472 at $9.8K and $11.3K"
            found += _respectively_values(state, clause, line)
        before = clause if point is None else None
    return [p for p in found if p is not None]


# a sentence that introduces a point, then its values after a colon: "The large red star is Youssef Amrani, the
# club's transfer target: 18 goals from 12.2 xG, ...", "Standing above everything else is the bar-tailed godwit, drawn
# as a red star: 340 g and about 13,100 km", "The compound KRX-0417 is the large red star at the far left: a dose of
# 5 mg for a reduction of 15.8 mmHg"
# (or an inverted verb of place: "Just below them comes Prague, the notable outlier above the line: 540 cars, ...")
INTRO_IS_NAME_RE = re.compile(r"^(?:[^,]{0,80}?\s)?(?:is|are|was|comes|sits|lies|stands|appears)\s+"
                              r"(?P<name>[^,]{2,60}?)(?:,\s.*)?$")
INTRO_NAME_IS_RE = re.compile(r"^(?P<name>[^,]{2,60}?)\s+(?:is|was)\s+(?:the|a|an|drawn|shown|plotted|marked)\b")
# a quoted name that is the copula's subject or complement: '"X", is the large red star', 'the star is "X"' (not
# 'the points form an "L" shape', 'two triangles both carry the label "Eastgate"')
QUOTED_SUBJECT_RE = re.compile(r"[\"“](?P<name>[^\"“”]{2,40})[\"”],?\s+(?:is|was|sits|lies|comes|stands)\b|"
                               r"\b(?:is|was)\s+[\"“](?P<name2>[^\"“”]{2,40})[\"”]")
# ("cars, yet 430", "at 2.5 bits per weight it reaches a perplexity of 5.88")
VALUES_GAP_RE = re.compile(r"^[^,;]{0,50}$|^[^,;]{0,20},\s*(?:yet|but|and|with|for)\s[^,;]{0,20}$")


def _introduced(state: ParseState, head: str, tail: str, line: int) -> PointFact | None:
    """The point a sentence introduces before a colon, at the first two values after it."""
    nums = restatements_dropped(tail, [n for n in lex(tail) if not in_name(tail, n)])
    if len(nums) < 2 or not VALUES_GAP_RE.match(tail[nums[0].end: nums[1].start]) or \
            "," in tail[: nums[0].start] or is_range(tail, nums[0], nums[1]) or \
            bounds_only(tail, nums[:2]):
        # the values open the tail, one clause: not "From left to right, A (3, 4), B ..."; nor bounds ("nobody
        # else uses more than 36% while shooting above 64%")
        return None
    subject = None
    quoted = [m.group("name") or m.group("name2") for m in QUOTED_SUBJECT_RE.finditer(head)]
    if len(quoted) == 1 and _quoted_name(quoted[0]):
        subject = quoted[0].strip()  # 'The authors' method, "SpindleQuant 2.5-bit (ours)", is the large red star ...'
    else:
        for m in (INTRO_NAME_IS_RE.match(head), INTRO_IS_NAME_RE.match(head)):
            if m is None:
                continue
            phrase = m.group("name").strip()
            subject = common_noun_name(phrase) or _name_in(state, phrase, first=False)
            if subject is not None and not is_style_only(subject):
                break
            subject = None
    if subject is None or not_a_label(subject):
        return None
    x, y = assign_axes(state, tail, nums[:2])
    values = tail[: nums[1].end]  # (its look may come with them: "...: an orange bubble at about $62,500 but 78.8")
    point = PointFact(subject, x, y, line, color=first_color(head) or first_color(values),
                      marker=_marker_of(head) or _marker_of(values))
    point.ours = ours_cue(head)
    point.warnings.append(PROSE_NOTE)
    return point


def _rejoined(state: ParseState, clauses: list[str]) -> list[str]:
    """Clauses with a name cut from its values put back together: "2004 Sumatra-Andaman" and "Mw 9.1 at 30 km"
    (a clause of no values, then one that opens with a word of an axis title, "Mw" of "Moment magnitude (Mw)")."""
    out: list[str] = []
    for clause in clauses:
        head = clause.split(maxsplit=1)[0] if clause.strip() else ""
        if out and head and not _valued(out[-1]) and _axis_word(state, head.strip(",:;")) and lex(clause):
            out[-1] = f"{out[-1]}, {clause}"
        else:
            out.append(clause)
    return out


def _names_rejoined(clauses: list[str]) -> list[str]:
    """A list of names cut from the values it takes 'respectively' put back: "the Allt na Beinne" and "the Black Esk
    sit at 310 km² and 1,850 km², with runoff of 870 mm and 690 mm respectively"."""
    out: list[str] = []
    for clause in clauses:
        if out and not _DIGIT_RE.search(out[-1]) and RESPECTIVELY_RE.search(clause):
            out[-1] = f"{out[-1]} and {clause}"
        else:
            out.append(clause)
    return out


def _valued(clause: str) -> bool:
    """The clause states a value, not only a name (a year or a number in a name is no value)."""
    return any(not in_name(clause, n) and not YEAR_RE.fullmatch(n.text) for n in lex(clause))


def _named_point(state: ParseState, clause: str, line: int) -> PointFact | None:
    """The clause's point, by a name given as such ('a chip named "Kestrel"') before a subject read as one."""
    if NAMED_QUOTE_RE.search(clause):
        return _quoted_point(state, clause, line) or _point_in(state, clause, line)
    point = _point_in(state, clause, line)
    if point is not None and state.groups and group_named(state, point.label) and QUOTED_NAME_RE.search(clause):
        # 'TensorRT-LLM contributes a single point, "TensorRT-LLM-8", at ...': the subject is the series
        return _quoted_point(state, clause, line) or point
    return point or _quoted_point(state, clause, line)


# a name in quotes: 'its successor, labeled "Willow", reaches ...', 'The largest device is "Osprey" at 433'
NAMED_QUOTE_RE = re.compile(r"\b(?:label+ed|named|called|dubbed|marked|annotated|tagged|captioned)\s+"
                            r"(?:(?:with\s+)?(?:the\s+)?(?:label|text|name)\s+)?[\"“]|"
                            r"\bwith\s+the\s+(?:label|text|name)\s+[\"“]", re.IGNORECASE)
ANNOTATION_BEFORE_RE = re.compile(r"\b(?:arrow|callout|annotation|line|box|bracket|banner|note)s?\s*$", re.IGNORECASE)
# the text of a point's label on the chart: 'annotated with the label "Rb2SnBr6 (this work)"'
STATED_LABEL_RE = re.compile(r"\b(?:label+ed|annotated|tagged|captioned)\s+(?:with\s+)?(?:the\s+)?(?:label\s+|text\s+)?"
                             r"[\"“]([^\"“”]{1,60})[\"”]|\b(?:the\s+)?label\s+(?:reads\s+)?[\"“]([^\"“”]{1,60})[\"”]",
                             re.IGNORECASE)


SHAPE_AFTER_RE = re.compile(r"[\s-]*(?:shape|shaped|pattern|curve|form|profile)\b", re.IGNORECASE)


def _quoted_point(state: ParseState, clause: str, line: int) -> PointFact | None:
    """A clause whose one name is quoted and which states two values: 'its successor, labeled "Willow",
    reaches 99.67% with 105 qubits', 'The largest device is "Osprey" at 433 qubits, ... around 98.9%'."""
    # a quotation a naming verb introduces is a name even in lower case: 'a black cross labelled "exact"'
    # (not an arrow's or a callout's text: 'an arrow labelled "optotagged (this study)": this is u27, ...')
    given = [m.end() for m in NAMED_QUOTE_RE.finditer(clause)
             if not ANNOTATION_BEFORE_RE.search(clause, max(0, m.start() - 30), m.start())]
    quoted = [m for m in QUOTED_NAME_RE.finditer(clause)
              if (_quoted_name(m.group(1)) or (m.start() + 1 in given and 0 < len(m.group(1).split()) <= 4))
              and not SHAPE_AFTER_RE.match(clause, m.end())]  # 'the points form an "L" shape': no name
    if len(quoted) != 1:
        return None
    m = quoted[0]
    rest = clause[: m.start()] + " " * (m.end() - m.start()) + clause[m.end():]
    times = _times_axis(state)
    nums = [n for n in lex(rest) if (times or n.unit not in ("x", "×")) and not in_name(rest, n)]
    if len(nums) != 2:
        return None
    x, y = assign_axes(state, rest, nums)
    point = PointFact(m.group(1).strip(), x, y, line, color=first_color(rest), marker=_marker_of(rest))
    point.quoted = m.start() + 1 in given  # 'labelled "Cmpd 22 (lead)"': the chart's own label
    point.ours = ours_cue(m.group(1)) or bool(OURS_PREFIX_RE.match(clause))
    point.warnings.append(PROSE_NOTE)
    return point


def _quoted_name(text: str) -> bool:
    """A quoted name, not a quoted phrase: "Willow", "Eagle r3", not "no speedup" or "the best trade-off"."""
    words = text.split()
    return 0 < len(words) <= 4 and (bool(NAMEISH_RE.search(text)) or text[:1].isupper()) \
        and text.casefold() not in _STOP_NAMES


def _stated_label(sentence: str, point: PointFact) -> None:
    """'Rb2SnBr6 ... is annotated with the label "Rb2SnBr6 (this work)"': the chart's own label text,
    when it holds the name read, is the point's label."""
    m = STATED_LABEL_RE.search(sentence)
    text = (m.group(1) or m.group(2)).strip() if m else ""
    if text and text != point.label and point.label.casefold() in text.casefold():
        point.label, point.quoted = text, True
        point.ours = point.ours or ours_cue(text)


# a name written in lower case, as software often is, known for one by the style in its bracket: "hnswlib (purple)
# lies ...", "llama.cpp (green) reaches ...", "vllm (orange square) serves ..."
LOWER_STYLED_RE = re.compile(r"^(?P<name>(?-i:[a-z])[\w.+/-]{1,30})\s+\((?P<style>[^()\d]{1,30})\)\s")


def _point_in(state: ParseState, sentence: str, line: int) -> PointFact | None:
    sentence = PLACE_RE.sub("", sentence.strip())  # "On the far left, TinyLlama (1.1B) scores 25%."
    sentence = PLACE_IS_RE.sub("", sentence)  # "Just to the right is TRAPPIST-1e at roughly 0.69 M⊕ and 0.92 R⊕"
    sentence = LEAD_ADVERB_RE.sub("", sentence)  # "Finally, ...", "Meanwhile, ..."
    sentence = LEAD_CONJ_RE.sub("", sentence)  # "...; and Store 21 at 4.4k and €36.00"
    sentence = IS_NAME_RE.sub("", sentence)  # "..., and the most expensive car plotted is the Audi Q8 e-tron at ..."
    sentence = SECTION_LEAD_RE.sub("", sentence, count=1)  # "For the Americas, Haiti ..."
    inverted = INVERTED_RE.match(sentence)  # "At around 9.5% volatility and 7.8% return sits RP-Adaptive, the star"
    if inverted:
        sentence = f"{inverted.group('name')} {inverted.group('verb')} {inverted.group('lead')[0].lower()}" \
                   f"{inverted.group('lead')[1:]} {inverted.group('rest') or ''}"
    moved = LEAD_VALUE_RE.match(sentence)  # "With 7B parameters, Llama-7B reaches 55.2%": the value goes last
    if moved:
        sentence = f"{moved.group('rest').rstrip('.')} {moved.group('lead')[0].lower()}{moved.group('lead')[1:]}."
    if not APPOSITIVE_RE.match(sentence):
        sentence = LEAD_CLAUSE_RE.sub("", sentence)  # "Moving right, ...", "At the small end of the range, ..."
    role_is = ROLE_IS_NAME_RE.match(sentence) or THIS_IS_RE.search(sentence)
    if role_is:
        sentence = f"{LEAD_THE_RE.sub('', role_is.group('name'))} {sentence[role_is.end():]}"
    ours = OURS_PREFIX_RE.match(sentence)
    if ours and ours.group().rstrip().endswith("(") and (close := sentence.find(")", ours.end())) > 0 \
            and _qualifier(sentence[ours.end(): close]):
        ours = None  # "Ours (1-step) at 1 NFE": the bracket qualifies the name "Ours", it is no other name
    body = sentence[ours.end():] if ours else sentence
    named = APPOSITIVE_RE.match(body)  # "The primary subject, FastDet, is drawn ..."
    if named is None and (first := NAME_FIRST_RE.match(body)) and not _DIGIT_RE.search(first.group("role")):
        named = first
    role_text = name_text = ""
    role_group = None
    if named:
        role_text, name_text = named.group("role"), named.group("name")
        # "the proposed prototype, labelled LiS-Gen2 (proposed), is drawn as ...": the name after the verb
        name_text = NAMING_VERB_RE.sub("", name_text, count=1)
        if DESCRIBED_RE.match(name_text) and not DESCRIBED_RE.match(role_text):
            # "the United States, the other point in the Americas group, is at ...": the name comes first
            role_text, name_text = name_text, role_text
        ours = ours or (named if ours_cue(role_text) else None)
        body = name_text + " " + body[named.end():]
        role_group = group_mentioned(state, role_text) if state.groups else None
    passive = PASSIVE_RE.search(body)
    year = YEAR_SUBJECT_RE.match(body) if not named and not _years_axis(state) else None
    series = series_point(state, body)
    if series is not None:  # "Extra maize point at 1,050 mm / 11.2 t/ha": one more of a series
        point = _series_point(state, series[0].name, body[series[1]:], line)
        if point is not None:
            return point
    size: re.Match[str] | None = None  # a bracket after the subject holding a size (read below, in the last branch)
    phrase_style = ""  # style words around the name in its subject phrase: "the FP16 diamond", "the grey Q2_K point"
    if inverted and body.startswith(inverted.group("name")):  # the name the inverted sentence ends with
        subject, rest = inverted.group("name"), body[len(inverted.group("name")):]
    elif lead_quote := LEAD_QUOTE_RE.match(body):  # '"US Treasuries 7–10y" is at 6.8% volatility and 2.1% return'
        subject, rest = lead_quote.group("name").strip(), body[lead_quote.end():]
    elif named and YEAR_RE.fullmatch(name_text.strip()):  # "The most recent point, 2020, is at ..."
        subject, rest = name_text.strip(), body[len(name_text):]
    elif year:  # "the 1880 dot sits at about 100 GtCO₂ and −0.15 °C", "1980 at 1,300 GtCO₂ and 0.25 °C"
        subject, rest = year.group("name"), body[year.end():]
    elif passive and not named:  # "a speedup of 2.4× is achieved by MetaSchedule at 120 minutes"
        subject = _name_in(state, passive.group("by"), first=True)
        rest = body[: passive.start("by")] + " " + passive.group("by").replace(subject or "\0", " ", 1) + \
            body[passive.end("by"):] if subject else ""
    elif (low := LOWER_STYLED_RE.match(body)) and is_style_only(low.group("style")):
        subject, rest = low.group("name") + f" ({low.group('style')})", body[low.end():]  # "hnswlib (purple) lies"
    else:
        size = SUBJECT_SIZE_RE.match(body)  # "Phi-2 (2.7B) reaches 56%": the bracket holds the x value
        if size and ((_qualifier(size.group("size")) and not _axis_word(state, size.group("size").split()[-1]))
                     or SUBJECT_END_RE.search(size.group("name"))):
            # "Grad-TTS (50 steps)": a count that qualifies the name, unless an axis counts its word ("FORTIS-3
            # (1,850 patients) reported 0.78" on "Enrolled patients"); "Earth sits at (1, 1) in ...": a pair
            size = None
        if size is None and (keyed := KEYED_SIZE_RE.match(body)) and _axis_word(state, keyed.group("key")):
            size = keyed  # "Amlodipine 5 mg (baseline 156) achieves 12.4 mmHg": a value keyed by an axis's word
        # (a verb's place is outside brackets: "Grad-HF (12 sites) enrolled 900 ..." is not cut at "sites")
        end = next((m for m in SUBJECT_END_RE.finditer(body, size.end() if size else 0) if m.group() == ","
                    or body.count("(", 0, m.start()) <= body.count(")", 0, m.start())), None)
        cut = end.start() if end else None
        # "Llama-2-7B-32K claims 32K tokens but ...", "J.K. averaged 105 km"
        verb = (NAME_VERB_RE.match(body) or INITIALS_VERB_RE.match(body)) if not size else None
        if verb and (cut is None or verb.end("name") < cut):
            cut = verb.end("name")
        if cut is None:
            return None
        phrase = (size.group("name") if size else PLACED_TAIL_RE.sub("", body[:cut])).strip().strip("*\"“”")
        if (owned := OWNED_NAME_RE.fullmatch(phrase)) is not None:
            phrase = owned.group("name")  # "Colombia's Huila, a brown triangle, reaches ...": the name after its owner
        # a subject cut at a comma holds no verb: "Emerging markets, the most volatile, ..." keeps "markets"
        common = common_noun_name(phrase)
        # (its verb may follow an aside of values: "The red knot, at 135 g, is plotted at 5,400 km")
        aside = VALUE_ASIDE_RE.match(body, cut)
        if common is not None and (PLACING_VERB_RE.match(body, cut) or (aside and PLACING_VERB_RE.match(
                body, aside.end()))) and not overlap(common, _titles(state)):
            subject = common  # "The house mouse sits at 0.025 kg and 0.19 W": a thing named in lower case
        else:
            # (a placing verb after a two-word name means none inside it: "Homo sapiens is at ...", not "Homo" and
            # "sapiens"; "Growth of endemics reaches ..." names nothing)
            subject = _name_in(state, phrase, first=False, verb_inside=body[cut: cut + 1] != "," and not (
                len(phrase.split()) == 2 and PLACING_VERB_RE.match(body, cut)))
        rest = (size.group("size") + " ; " if size else "") + body[cut:]
        if subject and subject in phrase and is_style_only(around := phrase.replace(subject, " ", 1)):
            phrase_style = around
        own = phrase.find(subject) + len(subject) if subject and subject in phrase else -1
        if own >= 0 and phrase.startswith(("'s ", "’s "), own) and lex(phrase[own:]):
            rest = phrase[own + 3:] + rest  # "Aiko's weekly distance ≈ 42 km, finish time 247 min": its first value
    if not subject or BARE_VALUE_RE.fullmatch(subject) or REMARK_LABEL_RE.match(subject) or (
            ": " in subject and not_a_label(subject.split(": ", 1)[0])) or ONLY_THE_RE.match(subject):
        # "... beats the 1.5B distilled model (30.8% vs. 28.9%)": a value is no name; "Heads-up on ..."; "**Data:**
        # measured with 16 threads at 200 GB": a key of the chart's, then a remark
        return None
    styled = STYLE_BRACKET_RE.search(subject)
    if styled is not None and is_style_only(styled.group(1)):  # "Kiprop (navy) went through ...": its colour
        subject, role_text = subject[: styled.start()], f"{role_text} {styled.group(1)}"
    rest = without_examples(rest)  # "(e.g., Phi-2 at 2.7B)" gives no values
    times = _times_axis(state)
    years = _years_axis(state)
    nums = [n for n in lex(rest) if (times or n.unit not in ("x", "×")) and not in_name(rest, n)
            and not COMPARISON_AFTER_RE.match(rest[n.end:])
            and not BY_AMOUNT_RE.search(rest, max(0, n.start - 240), n.start)
            and not REFERENCE_BEFORE_RE.search(rest, max(0, n.start - 12), n.start)
            and (years or not dated(rest, n))]  # "Depot 4, autumn 2024": a date, unless time is plotted
    nums = restatements_dropped(rest, nums)  # "3.9 t (≈ 3,900 kg)" is one value
    if size is not None and len(nums) > 2 and sum(n.end <= len(size.group("size")) for n in nums) == 2 \
            and find_pair(size.group("size")) is not None and len(PAIR_RE.findall(body)) == 1 \
            and not CLAUSE_SPLIT_RE.search(body, size.end()):  # (nor another clause's: "..., while B is at ...")
        # "At the far right, Luxembourg (690 cars, 118 trips) is ... free to ride since 2020": the pair in the
        # subject's own bracket is its place; the sentence's other numbers say something else (one pair only: "Runs
        # from about (10^19, 3.9) to (10^23, 2.2)" gives a line's two ends)
        nums = nums[:2]
    if size is not None and len(nums) == 3 and nums[0].end <= len(size.group("size")) and nums[0].mult is not None:
        # "Octo-Base (93M) takes around 42 ms and succeeds 47% of the time": two values besides the bracket's,
        # which then names the model's size, part of its name
        subject, nums = f"{subject} ({size.group('size')})", nums[1:]
    sized = _size_in_name(state, subject) if len(nums) == 1 and nums[0].mult is None else None
    if sized is not None:  # "DeepSeek-Coder-33B scores 79.3%" on a model-size axis: x from the name (a guess)
        point = PointFact(subject, sized, nums[0], line)
        point.ours = bool(ours) or ours_cue(subject)
        point.warnings.append("x taken from the size in its name; the text gives only its y value")
        return point
    if len(nums) > 2 and (tail := SUPERLATIVE_TAIL_RE.search(rest, nums[1].end)) is not None and \
            sum(n.start < tail.start() for n in nums) == 2 and not re.search(r"[,;]", rest[tail.end():]):
        # "..., the best result of any model under 200 ms.": a remark closing the sentence after the values, its own
        # number (not an aside before the verb: "Octo, the largest baseline at 800K episodes, reaches 72%")
        nums = nums[:2]
    nums, span = one_span_merged(rest, nums)  # "Taipei: 38–42% at 9,800/km²": the marker at the span's middle
    if len(nums) != 2 or is_range(rest, nums[0], nums[1]):
        return None  # "Marine species lie 1–2 units above ...": a range is no pair
    if bounds_only(rest, nums):
        return None  # "Onshore turbines occupy the lower left (below 6 MW, under 150 m)": a region, not a place
    if keyed_off_axes(state, rest, nums):
        return None  # "8 GPUs, batch size = 256, warmup = 2000": settings, not a place
    if VERSUS_RE.match(rest[nums[0].end: nums[1].start]) and not keyed_apart(state, rest, nums):
        # "more risk than developed markets (17.9% vs. 14.6% volatility)": one measure, two things (not "a median
        # price of $230k against $67k of income": each value its axis's)
        return None
    x, y = assign_axes(state, rest, nums)
    if COMMON_NAME_RE.fullmatch(subject) and not (_within(state, "x", x) and _within(state, "y", y)):
        return None  # "Emerging markets, ..., at 21.6% ... 0.9%" names a point only where its values fit the axes
    # "The red star, SpinQ-2.5b (ours), is at ...", "The gray square for 2020 is at ..."
    role = role_text if named or styled else (year.group("style") or "") if year else ""
    point = PointFact(subject, x, y, line, color=first_color(rest) or first_color(role) or first_color(phrase_style),
                      marker=_marker_of(rest) or first_marker(role) or first_marker(phrase_style))
    point.ours = bool(ours) or ours_cue(subject)
    if role_group is not None:  # "the other point in the Americas group", "the single Middle Eastern country"
        point.group = role_group.name
    point.warnings.append(PROSE_NOTE)
    if span is not None:
        point.warnings.append(f"a value given as the span {span.text!r}; drawn at its middle, {span.value:g}")
    return point


# a name after its owner's possessive, both capitalised: "Colombia's Huila", "Kenya's Nyeri", "Google's Gemini-Pro"
OWNED_NAME_RE = re.compile(r"(?:[Tt]he\s+)?[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?['’]s\s+"
                           r"(?P<name>[A-Z][\w.+-]*(?:\s[A-Z0-9][\w.+-]*){0,2})")
# a verb that places a subject or gives its values ("the emu sits at", "the cow is at", "the rabbit reaches"), not an
# "-es" word that may be the noun itself ("the trapped-ion devices have")
PLACING_VERB_RE = re.compile(r"\s+(?:is|was|sits|sat|lies|lay|appears|stands|comes|reaches|reached|has|had|weighs|"
                             r"shows|scores|scored|records|falls|rises|peaks|needs|uses|costs|lands|follows|posts|"
                             r"spends|covers|flies|manages|achieves|attains|gets)\b")
# an aside holding a value between a subject and its verb: ", at 135 g,", ", weighing about 25 g,"
VALUE_ASIDE_RE = re.compile(r",\s+[^,;:]{0,40}?\d[^,;:]{0,40},(?=\s)")
# the number of a part of the paper: "description of Figure 4", "(see Fig. 3b)", "Table 2 lists"
REFERENCE_BEFORE_RE = re.compile(r"\b(?:fig(?:ure)?s?\.?|tables?|panels?|sections?|eqs?\.?|equations?|refs?\.?)\s*$",
                                 re.IGNORECASE)
# two values of one measure compared: "17.9% vs. 14.6%", "9.1 versus 8.4", "4.2 compared with 3.9"
VERSUS_RE = re.compile(r"^\s*%?\s*(?:vs\.?|versus|compared\s+(?:with|to)|against)\s*[~≈]?\s*$", re.IGNORECASE)
# a value with a magnitude, a sign or decimals ("1.5B", "30%", "0.41"); not a year, which names a point
BARE_VALUE_RE = re.compile(r"[~≈$€£]?\s*[-−]?\d[\d.,]*\s*(?:[KMBTkmb]|%|×)|[~≈$€£]?\s*[-−]?\d+\.\d+")
# a point named by its year, where the text says so: "the 1880 dot", "The 1920 point is at", "1980 at 1,300"
YEAR_RE = re.compile(r"(?:1[5-9]\d\d|20\d\d)s?")
# "the 1880 dot", "The recession year 2009 is at ...", "2010 has the highest unemployment ... at 9.6%",
# "2020 jumps back to ...", "2022, the highest point, is at ..."
YEAR_SUBJECT_RE = re.compile(r"^(?:the\s+)?(?:(?:[\w-]+\s+){0,2}?year\s+)?"
                             r"(?P<style>(?:[\w-]+\s+){0,3}?(?:dot|point|marker|circle|square|triangle|"
                             r"diamond|star|cross)\s+(?:for|of)\s+)?(?P<name>(?:1[5-9]\d\d|20\d\d)s?)"
                             r"(?:\s+(?:dot|point|marker|circle|square|entry|data point|observation|sample|cohort|"
                             r"season|decade|edition|vintage)"
                             r"(?=\s+(?:is|sits|lies|at|was|has|reaches|comes|falls|appears|shows)\b|\s*[:,])|"
                             r"(?=\s+(?:is\s+|sits\s+|lies\s+)?at\b)|"
                             r"(?=\s+(?:is|has|had|jumps|falls|fell|rises|rose|moves|drops|climbs|reaches|lands|stays|"
                             r"remains|shows)\b|,\s))", re.IGNORECASE)
# "3× faster", "2.3 points higher than": a difference, not a value ("412 points" alone is a score)
# a difference, not a place: "exceeds 10 by more than 0.5 points", "beats it by almost 4 FID points"
# (after a verb of comparing; "lowers HbA1c by 1.12 points" states the value itself)
BY_AMOUNT_RE = re.compile(r"\b(?:exceed|beat|outperform|surpass|trail|lead|lag|outscore|overtake|top)[a-z]*\b"
                          r"[^.;]{0,120}?\bby\s+(?:more\s+than\s+|less\s+than\s+|about\s+|around\s+|roughly\s+|almost\s+|"
                          r"nearly\s+|over\s+|only\s+|just\s+|some\s+)?[~≈]?\s*$", re.IGNORECASE)
COMPARISON_AFTER_RE = re.compile(r"^\s*(?:x\b|×|times\b|"
                                 # "40 seconds higher", "closed 35 seconds faster": an amount against another point
                                 r"(?:higher|lower|faster|slower|earlier|later|further|farther)\b|"
                                 r"(?:percentage\s+)?points?\s+(?:higher|lower|above|below|more|"
                                 r"less|ahead|behind|better|worse|up|down|over|under|short|clear|lead|gap|difference)\b|"
                                 # "beyond the 10³ tick", "left of the 6,000 gridline": a guide, not a value
                                 r"(?:tick|gridline|grid\s+line|tick\s+mark)s?\b)",
                                 re.IGNORECASE)


def _titles(state: ParseState) -> str:
    """Both axis titles, case folded, for looking words up in them."""
    return f"{state.axes['x'].title} {state.axes['y'].title}".casefold()


# a star that is a sun, not a marker: "around a Sun-like star", "to orbit its star", "the host star's mass"
CELESTIAL_STAR_RE = re.compile(r"\b(?:its|their|host|parent|sun-like|main-sequence|binary|neutron|central|nearby|"
                               r"cool|hot|dwarf|giant|red-dwarf|m-dwarf|young|old|massive)\s+stars?\b(?!\s+(?:marker|symbol))|"
                               r"\bstars?['’]s?\s+(?:habitable|mass|radius|light|surface|age)\b", re.IGNORECASE)


def _marker_of(text: str) -> str | None:
    """The marker a point's sentence names, a sun ("orbits its star") not counted as one."""
    if "star" in text.lower():
        text = CELESTIAL_STAR_RE.sub(" ", text)
    return first_marker(text)


def _years_axis(state: ParseState) -> bool:
    """An axis of years: a year in a sentence is a value there, not a point's name."""
    return "year" in _titles(state)


def _placed(state: ParseState, text: str) -> tuple[Num, Num] | None:
    """x and y when the text holds exactly two values outside names ("GPT-4" holds none)."""
    nums = [n for n in lex(text) if not in_name(text, n)]
    return assign_axes(state, text, nums) if len(nums) == 2 else None


def _series_point(state: ParseState, series: str, rest: str, line: int) -> PointFact | None:
    """An unnamed point of a legend series, labelled by the series as its others are."""
    placed = _placed(state, rest)
    if placed is None:
        return None
    point = PointFact(series, *placed, line, unnamed=True)
    point.ctx_group = series
    point.warnings.append(PROSE_NOTE)
    return point


# a point named by its marker alone: "The orange star is placed at 1.1M participants and 212 loci"
BY_MARKER_RE = re.compile(r"^\s*(?:the|its)\s+(?P<style>(?:[\w-]+\s+){0,3}?(?:star|circle|square|triangle|diamond|"
                          r"cross|pentagon|hexagon|dot))\s+(?:is\s+|sits\s+|lies\s+|appears\s+)?(?:placed\s+|plotted\s+|"
                          r"located\s+|drawn\s+)?(?:at|near)\b", re.IGNORECASE)


def _by_marker(state: ParseState, sentence: str, line: int) -> list[PointFact]:
    """A point named by how it is drawn (BY_MARKER_RE): unnamed here; assemble gives it the label a sentence
    elsewhere states for that marker ('an orange star labelled "Sleep duration (this study)"')."""
    m = BY_MARKER_RE.match(sentence)
    if m is None or not is_style_only(m.group("style")):
        return []
    rest = CLAUSE_SPLIT_RE.split(sentence[m.end():])[0]
    rest = re.split(r",\s+(?:at|and|with|just|which|about)\b", rest)[0]  # the values, not what follows
    placed = _placed(state, rest)
    if placed is None:
        return []
    point = PointFact("", *placed, line, color=first_color(m.group("style")), marker=first_marker(m.group("style")),
                      unnamed=True)
    point.warnings.append("named only by its marker here; labelled as the text labels that marker, if it does")
    return [point]
PLACED_PAIR_RE = re.compile(r"(?P<name>\b(?=[\w.+/-]*[A-Z0-9])[A-Za-z][\w.+/-]*(?:\s[A-Z0-9][\w.+/-]*){0,2})\s+"
                            r"(?:(?:is|lies|sits|was)\s+)?"
                            r"(?:at|near|around)\s+(?:about\s+|around\s+|roughly\s+|approximately\s+|~\s*|≈\s*)?"
                            r"(?P<pair>\([^()]*\d[^()]*,[^()]*\d[^()]*\))")


def _placed_pair(state: ParseState, sentence: str, line: int) -> list[PointFact]:
    """"The middle is formed by MPI-ESM1-2-LR at around (1,210, 2.1) and ...": a name-like word right
    before "at (x, y)", where the sentence has no other reading."""
    if "(" not in sentence:  # the pattern's name part is slow to fail
        return []
    out = []
    for m in PLACED_PAIR_RE.finditer(sentence):
        name = m.group("name")
        coords = find_coords(m.group("pair"))
        if coords is not None and NAMEISH_RE.search(name) and not PRONOUN_RE.match(name):
            point = PointFact(name, coords.x, coords.y, line)
            point.ours = ours_cue(sentence[max(0, m.start() - 24): m.start("pair")])  # "our system KVX is at"
            point.warnings.append(PROSE_NOTE)
            out.append(point)
    rest = PLACED_PAIR_RE.sub(" ", sentence)  # "... and MIROC6, which comes in at 2.0 °C with 1,260 GtC"
    if out:
        out += [p for clause in re.split(r"\s+and\s+|;\s+", rest) for p in _points_in(state, clause, line)]
    return out


def _name_in(state: ParseState, phrase: str, first: bool, verb_inside: bool = True) -> str | None:
    """_name_of, less a name that is words of an axis title ("costs 0.1 in TM-score" on "Predicted TM-score")."""
    name = _name_of(state, phrase, first, verb_inside)
    # (nor an amount: "a 10,000-fold increase in body mass"; nor a phrase cut before its noun: "Deposition of")
    return None if name is None or _axis_words(state, name) or FOLD_RE.match(name) \
        or name.rsplit(None, 1)[-1] in _DANGLING_WORDS else name  # (as written: "Athlete A" is a name)


_DANGLING_WORDS = frozenset(("of", "in", "for", "to", "with", "at", "by", "from", "on", "the", "a", "an", "and", "or"))


def _eponym(state: ParseState, after: str) -> bool:
    """What follows a possessive makes one name with it ("Alzheimer's disease", "Crohn's disease"): lower-case
    words, none a value, a measure ("accuracy", "score") or a word of an axis title."""
    words = after.split()
    titles = _titles(state)
    # (nor its marker: "A. Ferreira's circle lies ...", "Kenya's star")
    return 0 < len(words) <= 2 and all(w.isalpha() and w.islower() and w not in _STOP_NAMES and w not in titles
                                       and w not in _MEASURE_WORDS for w in words) and not is_style_only(after)


# what a possessive measures, not what it names: "PPO's win rate", "the model's error"
_MEASURE_WORDS = frozenset((
    "rate", "win", "loss", "error", "errors", "time", "size", "value", "values", "share", "ratio", "result",
    "results", "number", "count", "yield", "level", "index", "mass", "radius", "gain", "drop", "peak", "best",
    "worst", "position", "point", "marker", "dot", "label", "own", "new", "first", "second", "last", "final",
))


def _axis_word(state: ParseState, word: str) -> bool:
    """The word is a word of an axis title, in any case ("baseline" of "Baseline systolic BP (mmHg)")."""
    return re.search(r"(?<!\w)" + re.escape(word.casefold()) + r"(?!\w)", _titles(state)) is not None


def _axis_words(state: ParseState, name: str) -> bool:
    """The name is words of an axis title, as written: "TM-score" on "Predicted TM-score", a quoted title
    itself (case counts: "GaP" is a compound, not the "gap" of "Band gap")."""
    titles = f"{state.axes['x'].title} {state.axes['y'].title}"
    name = name.strip()
    if not name or not has_words(titles, name):
        return False
    # (a body a unit is counted in is still a name: "Earth" beside "Mass (Earth masses)", "Jupiter" beside
    # "Radius (Jupiter radii)"; not "GtC" or "mAh/g", units alone in their brackets)
    bodies = {m.group(1) for m in BODY_UNIT_RE.finditer(titles)} if "(" in titles else set()
    return name not in bodies or has_words(BRACKET_ASIDE_RE.sub(" ", titles), name)


# one value said once for several points, then each one's own: "The two Whisper models were both trained on 680K
# hours: Whisper base has a WER of 10.1% and ...", "Both Llama models use 2T tokens; Llama-7B scores 45% and ...",
# "At 300 mm of rain, Plot A yields 4.1 t/ha and Plot B yields 5.3 t/ha"
SHARED_HEAD_RE = re.compile(r"^(?P<head>[^:;]*\b(?:both|all|two|three|four|five|same)\b[^:;]*?)\s*[:;]\s+(?P<tail>.+)$|"
                            r"^(?P<at>(?:at|with|for)\s+[^,:;]{1,40}?),\s+(?P<after>.+)$", re.IGNORECASE)
THEY_ARE_RE = re.compile(r"^(?:(?:from\s+\w+\s+to\s+\w+|in\s+order|in\s+turn|reading\s+\w+\s+to\s+\w+),?\s+)?"
                         r"(?:they|these|those)\s+are\s*:?\s+(?P<tail>.+)$", re.IGNORECASE)
SHARED_SPLIT_RE = re.compile(r",\s*(?:and\s+)?|\s+and\s+|;\s*")
SHARED_CLAUSES_RE = re.compile(r",\s+(?:and|while)\s+(?=(?:at|with|for)\s)", re.IGNORECASE)
# where a part's name ends: its verb, an article or its value ("Whisper large-v2 a WER of 4.9%")
NAME_CUT_RE = re.compile(r"\s+(?:has|have|had|a|an|the|reaches|reach|scores?|gets?|is|was|at|with|achieves?|records?|"
                         r"yields?|comes|sits|lies|hits|posts?|shows?|needs?|uses?|takes?)\b|\s+\(?[~≈$€£]?\d")


def _shared_value(state: ParseState, sentence: str, line: int) -> list[PointFact]:
    """"At 768 dimensions there are two models, GTE-base (49.6) and Nomic-Embed-v1.5 (51.2)", "the same 4 GB for
    both: A at 5.9 and B at 6.1": a value said once for several names, each with its other value; two such
    clauses in one sentence ("..., and at 1,024 there are again two: E5-large at 50.3 and BGE-M3 at 52.8") each."""
    clauses = SHARED_CLAUSES_RE.split(sentence)
    if len(clauses) > 1:
        each = [_shared_value(state, clause, line) for clause in clauses]
        return [p for found in each for p in found] if all(each) else []
    m = SHARED_HEAD_RE.match(sentence.rstrip(". "))
    if m is None:
        return []
    head, tail = (m.group("head"), m.group("tail")) if m.group("head") else (m.group("at"), m.group("after"))
    if len(_said_once(head)) != 1:
        return []
    parts = [p.strip() for p in SHARED_SPLIT_RE.split(tail) if p.strip()]
    found: list[PointFact] = []
    for part in parts:
        cut = NAME_CUT_RE.search(part)
        name, said = (part[: cut.start()].strip(), part[cut.start():]) if cut else ("", "")
        if len(lex(said)) != 1 or not name or len(name.split()) > 5 or not (name[0].isupper() or name[0].isdigit()) \
                or _axis_words(state, name) or name.casefold() in _STOP_NAMES:
            return []  # every part a name and its one value, or no shared value at all
        both = f"{head} ; {said}"
        nums = _said_once(both)
        if len(nums) != 2:
            return []
        x, y = assign_axes(state, both, nums)
        bare, look = _look_apart(name)  # "SimPLe (a brown triangle) reaches 0.14": its look
        found.append(PointFact(bare, x, y, line, color=first_color(look), marker=first_marker(look)))
    return found if len(found) >= 2 else []


def _said_once(text: str) -> list[Num]:
    """The values of text, a value said again in other words dropped ("680K hours (6.8 × 10⁵)")."""
    nums = restatements_dropped(text, lex(text))
    return [n for k, n in enumerate(nums) if not (k and math.isclose(
        n.value * (n.mult or 1), nums[k - 1].value * (nums[k - 1].mult or 1), rel_tol=1e-6))]


# the common nouns after a code that name its kind ("AISI D2 tool steel", "C17200 beryllium copper", "7075-T6
# aluminium"): not part of the label
# (a code of letters and digits: "304 stainless" is named by both words)
KIND_TAIL_RE = re.compile(r"^(?P<code>(?:.*\s)?\S*(?:\d\S*[A-Za-z]|[A-Za-z]\S*\d)\S*)(?P<kind>(?:\s[a-z]{3,}){1,3})$")
# words after a code that stay in its name: a size ("GPT-4o mini") or a role ("Kite-2 baseline")
KEPT_TAIL_WORDS = frozenset(("tiny", "mini", "small", "base", "medium", "large", "huge", "giant", "baseline", "model",
                             "system", "agent", "method", "variant", "checkpoint", "policy", "pipeline", "setup",
                             "instruct", "chat", "turbo", "preview", "pro", "plus", "ultra", "lite", "flash"))
# a line's name, not a point's: "power-law fit", "the OLS regression", "trend line", "dotted curve"
FIT_NAME_RE = re.compile(r"\b(?:fit|fits|fitted|trend|trend\s*line|regression|curve)$", re.IGNORECASE)
CAMEL_WORD_RE = re.compile(r"\b[A-Z]?[a-z]+[A-Z][\w-]*")  # "AlpacaEval", "HellaSwag", "WikiText-103"


def _name_of(state: ParseState, phrase: str, first: bool, verb_inside: bool = True) -> str | None:
    """The model name in a subject phrase: "The vendor library TensorRT" -> "TensorRT", "the greedy
    TLP-lite cost model after 90 s" -> "TLP-lite", "Ansor" -> "Ansor"; None for "Overall accuracy"."""
    if (quoted := TAIL_QUOTE_RE.search(phrase.strip())) and _quoted_name(quoted.group("name")):
        return quoted.group("name").strip()  # 'The dual-phase "DP steel"': the quotation is the name, as printed
    phrase = phrase.strip().strip("*\"“”`")
    owner = POSSESSIVE_RE.search(phrase)
    if owner is not None and not _eponym(state, phrase[owner.end():]):
        phrase = phrase[: owner.start()]  # "PPO's 0.41" is PPO's value, "GPT-4's accuracy" GPT-4's
    if " in " in phrase and (placed := PLACE_TAIL_RE.match(phrase)) and NAMEISH_RE.search(placed.group("name")):
        phrase = placed.group("name")  # "NGC 4874 in the Coma cluster", "Station K2 in the Andes": where it is
    # (initials are a name: "A.F." is no article)
    if (not phrase or (PRONOUN_RE.match(phrase) and len(phrase.split()) == 1 and not INITIALS_RE.fullmatch(phrase))
            or COUNT_SUBJECT_RE.match(phrase)
            or not any(ch.isalpha() for ch in phrase)):
        return None  # a name has letters: "10⁶" is a value
    if re.search(r"\s(?:and|or|&)\s+[A-Z\d]", phrase) and not re.search(r"\s&\s+[a-z]", phrase):
        return None  # "Osprey and Ankaa-2": two names, no one point ("Lung & bronchus" is one)
    if not first and QUALIFIED_NAME_RE.match(phrase) and phrase.split()[0].casefold() not in _STOP_NAMES:
        return phrase  # "Breast (female)", "Ensemble (5 seeds)": a name and its qualifier
    words = phrase.split()
    if 2 <= len(words) <= 4 and words[0] in ("The", "the") and all(
            w[:1].isupper() or any(ch.isdigit() for ch in w) for w in words[1:]) \
            and any(ch.isdigit() for w in words[1:] for ch in w):
        words = words[1:]  # "The ATR 72-600", "the A220-300": a model's code after the article
    if len(words) == 3 and words[0] in ("The", "the") and words[1][:1].isupper() \
            and words[1].casefold() not in _STOP_NAMES and words[2].isalpha() and words[2].islower():
        # "The Asian elephant is the largest species": a proper adjective and its noun; "The REIT fund sits at":
        # a name and the kind of thing it names
        words = words[1:2] if words[2] in _KIND_NOUNS else words[1:]
    # the titles' words, less their units ("Tevatron" is no word of "Centre-of-mass energy (TeV)")
    # (and less their compound names: "Alpaca" is no word of "AlpacaEval 2.0 win rate (%)")
    titles = CAMEL_WORD_RE.sub(" ", BRACKET_ASIDE_RE.sub(" ", state.axes["x"].title + " " + state.axes["y"].title))
    while verb_inside and len(words) > 1 and re.fullmatch(r"[a-z]{3,}s", words[-1]) \
            and words[-1] not in ("plus", "pass"):
        words.pop()  # "CESM2 follows at ...": a verb, not part of the name
    while len(words) > 1 and ADVERB_RE.fullmatch(words[-1]):
        words.pop()  # "DeepSeek-Coder-1.3B already reaches ...": an adverb before the verb
    phrase = " ".join(words)
    if not first and len(words) <= 5 and NAMEISH_RE.search(phrase) and words[0][:1].isalnum() \
            and not PRONOUN_RE.match(phrase) and not (len(words) > 1 and words[0].isalpha() and words[0].islower()
                                                      and not DOSE_NAME_RE.match(phrase)):
        # "WizardMath-7B", "Claude 3 Opus", "GPT-4o mini", "lisinopril 20 mg" (not "unit u12": a noun before it)
        return phrase
    if not first and 2 <= len(words) <= 3 and words[0][:1].isupper() \
            and words[0].casefold() not in _STOP_NAMES and not PRONOUN_RE.match(phrase) \
            and all((w.isalpha() and w.islower() and w not in _STOP_NAMES) or w == "&" for w in words[1:]) \
            and not shares_word(phrase, titles, shortest=4):
        # "Emerging markets, the most volatile series, ...": a common-noun name cut at a comma (a word of three
        # letters names a thing, not its title's longer word: "Brown rat" beside "Basal metabolic rate")
        return phrase
    if not first and len(words) == 1 and words[0][:1].isupper() and words[0].casefold() not in _STOP_NAMES \
            and not shares_word(words[0], titles):
        return words[0]  # "Ansor reaches 2.3×": a capitalised word alone before the verb
    runs: list[list[str]] = []
    ends: list[int] = []  # the index of the word after each run
    run: list[str] = []
    start = True
    for k, w in enumerate(words[:12]):
        clean = w.strip(",;:()\"“”")
        joins = bool(run) and not w.startswith("(") and (
            NUMBER_WORD_RE.fullmatch(clean) is not None  # "Tacotron 2"
            or clean in SIZE_WORDS  # "Whisper small", "BERT base"
            or (len(clean) == 1 and clean in "bcdefgh" and any(ch.isdigit() for ch in run[-1]))  # "WASP-107 b"
            or (clean in ("+", "&") and k + 1 < len(words) and _name_word(words[k + 1].strip(",;:()\"“”"), False))
            # a capitalised common noun goes on a name in title case: "the Consistency Model", "Mixture Network"
            or (clean[:1].isupper() and clean[1:].islower() and clean.casefold() in _TITLE_NOUNS)
            # a surname's particle: "J. van der Berg", "R. de Luca", "Ana da Silva"
            or (clean in NAME_PARTICLES and any(w[:1].isupper() for w in words[k + 1: k + 3])))
        sized = k + 1 < len(words) and words[k + 1].strip(",;:()") in SIZE_WORDS  # "Whisper small at ..."
        # "the 2016 Kaikoura event": a year before a name is part of it, as the chart labels it
        # (not on an axis of years, where the year is a value, nor before a quoted name: 'in 2008: "LaFeAsO:F"')
        dated = not run and YEAR_WORD_RE.fullmatch(clean) is not None and k + 1 < len(words) and \
            words[k + 1][:1] not in "\"“" and _name_word(words[k + 1].strip(",;:()\"“”"), False) and \
            not _years_axis(state)
        # "Point A", "Plot C", "Model 2": a common noun and the code that makes it a name
        coded = not run and clean.casefold() in CODE_HEADS and k + 1 < len(words) and \
            CODE_RE.fullmatch(words[k + 1].strip(",;:()\"“”")) is not None
        if joins or dated or coded or _name_word(clean, sentence_start=start and not sized):
            run.append(clean)
        else:
            runs.append(run)
            ends.append(k)
            run = []
        start = w.endswith(":")  # a word after a colon starts a sentence too
    runs.append(run)
    ends.append(min(len(words), 12))
    if not first and not runs[-1] and any(runs):  # "the end-to-end VITS model": a common noun after the name
        last = max(i for i, r in enumerate(runs) if r)
        after = words[ends[last]:]
        tail = QUALIFIER_TAIL_RE.search(phrase)
        if tail and after and after[0].startswith("(") and " ".join(after) == tail.group():
            return " ".join(runs[last]) + " " + tail.group()  # "The diffusion model Grad-TTS (50 steps)"
        bracket = OURS_BRACKET_RE.match(" ".join(after))
        if bracket and ours_cue(bracket.group()):
            return " ".join(runs[last]) + " " + bracket.group()  # "The Tana (this study) star": the label as printed
        if all(w.islower() for w in after):
            runs = runs[: last + 1]
    # the name heads the phrase: it ends an active subject ("The vendor library TensorRT") and starts the
    # agent of a passive ("the greedy TLP-lite cost model" -> the first run)
    if (not first and len(runs) == 2 and not runs[0] and runs[1] and len(runs[1]) + 1 == len(words[:12])
            and words[0][:1].isupper() and words[0].casefold() not in _STOP_NAMES and not PRONOUN_RE.match(words[0])):
        runs[1].insert(0, words[0].strip(",;:()\"“”"))  # "Gemini Pro scores 79%": the first word starts the name
    pick = next((r for r in runs if r), []) if first else runs[-1]
    # (a product name may run longer, its words codes: "Sigma 50mm F1.4 DG HSM Art", "Canon RF 50mm F1.2L USM")
    if not pick or (len(pick) > 4 and not (len(pick) <= 7 and 2 * sum(bool(NAMEISH_RE.search(w)) for w in pick)
                                             >= len(pick))):
        return None
    name = " ".join(pick)
    # (a word of an axis title is no name, "Rate sits at ..."; a name of several words may hold one: "Norway Rat")
    if not NAMEISH_RE.search(name) and (name.casefold() in _STOP_NAMES or all(shares_word(w, titles)
                                                                              for w in name.split())):
        return None
    return name


NAME_PARTICLES = frozenset(("van", "von", "der", "den", "de", "da", "del", "della", "di", "du", "la", "le", "dos",
                            "das", "ter", "ten", "bin", "al"))
_TITLE_NOUNS = frozenset(("model", "models", "method", "network", "transformer", "policy", "agent", "system",
                          "machine", "sampler", "solver", "flow", "baseline"))
YEAR_WORD_RE = re.compile(r"(?:1[5-9]|20)\d\d")
STYLE_BRACKET_RE = re.compile(r"\s*\(([^()]{2,30})\)$")
OURS_BRACKET_RE = re.compile(r"\([^()]{2,20}\)")


# a name made of common words ("Emerging markets", "Frontier markets"): weak, so its values must fit the axes
COMMON_NAME_RE = re.compile(r"[A-Z][a-z]+(?:\s(?:[a-z]+|&)){1,2}")


def _within(state: ParseState, which: str, n: Num) -> bool:
    """n inside the stated range of the axis, with slack; True when no range is stated."""
    fact = state.axes[which]
    if fact.lo is None or fact.hi is None:
        return True
    unit = fact.unit or stated_unit(fact.title)  # "244M" on "Parameters (M)" from 30 to 3,000 is 244
    a, b = sorted((fact.lo.scaled(unit), fact.hi.scaled(unit)))
    slack = 0.15 * (b - a)
    # (or written in plain units, as the reconciler reads it: "5,400 km" on "(thousand km)" from 0 to 14)
    return a - slack <= n.scaled(unit) <= b + slack or (
        unit is not None and unit > 1 and n.mult is None and a - slack <= n.value / unit <= b + slack)


def _qualifier(bracket: str) -> bool:
    """"50 steps", "5 seeds": a plain count and a word; "2.7B", "7B params", "350 ms" are values."""
    nums = lex(bracket)
    return len(nums) == 1 and nums[0].mult is None and nums[0].unit is None and not nums[0].percent \
        and bool(re.fullmatch(r"\s*-?\s*[a-z][a-z-]*\s*", bracket[nums[0].end:]))  # "1-step" too


NUMBER_WORD_RE = re.compile(r"\d+(?:\.\d+)?")
QUALIFIER_TAIL_RE = re.compile(r"\([^()]{1,24}\)$")


# a model's size written in lower case after its name
SIZE_WORDS = frozenset(("tiny", "mini", "small", "base", "medium", "large", "huge", "giant", "xl", "xxl"))


def _name_word(word: str, sentence_start: bool) -> bool:
    """A word that can be (part of) a model name: "TensorRT", "TLP-lite", "v1.5", "Felix" (capitalised,
    except the sentence's own first word, unless the word is name-like anyway)."""
    if not word or not word[0].isalnum() or not any(ch.isalpha() for ch in word):
        return False  # "10⁶" is a value, not a name
    if word.islower() and not any(ch.isdigit() for ch in word):
        return False  # "the trapped-ion devices": a lower-case word names nothing, hyphen or not
    if NAMEISH_RE.search(word):
        return True
    if len(word) == 2 and word[0].isupper() and word[1] == ".":
        return True  # an initial, at a sentence's start too: "J. van der Berg is ...", "A. Ferreira's circle"
    if len(word) == 1 and word.isupper() and not sentence_start:
        return True  # "Surgery A", "Plan B": a capital letter after a word is no article
    return word[0].isupper() and not sentence_start and word.casefold() not in _STOP_NAMES


def _times_axis(state: ParseState) -> bool:
    """An axis of ratios ("Speedup (×)"): there "1.9×" is a value, elsewhere "3× faster" is a comparison."""
    return any(TIMES_TITLE_RE.search(state.axes[a].title) for a in ("x", "y"))
