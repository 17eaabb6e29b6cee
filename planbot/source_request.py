"""Does a message ask where the last answer comes from? A cue for the domain gate.

"Hvor er det beskrevet?", "hvor i planen stod det?", "hvor har du nu det fra" and "hvor kan
jeg læse mere om det?" ask for the
document and section behind the previous answer, but the classifier sometimes hears
another question in their few words ("er det …?" sounds like "er du en robot?"). The cue
is a short message (at most ten words) that asks where *it* is written or comes from;
the domain gate uses it only when the message names nothing of its own (no entity), so
"hvor står der noget om fleksjob i Morsøs plan?" stays a plan question. "hvor står det
til med …" is a status question, not a source question. Pure Python, used by
:mod:`components.domain_gate`.
"""

from __future__ import annotations

import re

from planbot.text import fold

MAX_WORDS = 10

# what "it" can be: the last answer, its figure or its goal
_IT = r"(?:det(?:\s+her)?|den|dette|dét|tallet|det\s+tal|malet|det\s+mal|de\s+tal|oplysningerne)"
_ASKS_WHERE_IT_IS = re.compile(
    # hvor (i planen) står det (henne) – not "hvor står det til med …"
    rf"\bhvor\s+(?:i\s+\w+\s+)?(?:star|stod)\s+{_IT}\b(?!\s+til\b)"
    # hvor er det beskrevet / hvor blev tallet nævnt
    rf"|\bhvor\s+(?:i\s+\w+\s+)?(?:er|var|bliver|blev)\s+{_IT}\s+(?:\w+\s+)?"
    r"(?:beskrevet|naevnt|omtalt|skrevet|formuleret|angivet|opgjort)\b"
    # hvor har du (nu) det fra / hvor kommer tallet fra
    rf"|\bhvor\s+(?:har|fik|finder|henter)\s+(?:du|i)\s+(?:\w+\s+)?{_IT}\s+fra\b"
    rf"|\bhvor\s+kommer\s+{_IT}\s+fra\b"
    # hvor er tallet trukket/hentet fra
    rf"|\bhvor\s+(?:er|var|blev)\s+{_IT}\s+(?:\w+\s+)?(?:trukket|hentet|taget|fundet|fra)\b"
    # where to read more about it: "hvor kan jeg læse mere om det?", "hvor kan man læse det"
    rf"|\bhvor\s+(?:kan|ka)\s+(?:jeg|man|vi|du)\s+(?:\w+\s+)?(?:laese|finde|se)\s+(?:mere\s+|videre\s+)?(?:om\s+)?{_IT}\b"
    # "har du et link til planen?": the document behind the answer
    r"|\blink(?:et)?\s+til\s+(?:planen|den|det|dokumentet|notatet|strategien|kilden)\b"
    # kilde + afsnit?
    r"|^\W*(?:og\s+)?kilde(?:n|r|henvisning|angivelse)?\b"
    # staff shorthand: "ref?", "reference?", "henvisning?"
    r"|^\W*(?:og\s+)?(?:ref|reference|referencen|henvisning|henvisningen)\W*$"
)


# the only thing such a question may name: the kommune whose plan it is ("og hvor står det
# helt præcist i Mariagerfjords plan?")
_IN_A_PLAN = re.compile(
    rf"\bhvor\s+(?:star|stod)\s+{_IT}\s+(?:\w+\s+){{0,3}}?i\s+\w+\s+(?:\w+\s+)?\w*(?:plan|notat|strategi)"
)


def names_the_plan_it_is_in(text: str) -> bool:
    """Whether ``text`` asks where "it" stands in a kommune's plan: a source question that may
    name the kommune."""
    return bool(_IN_A_PLAN.search(fold(text)))


def asks_for_the_source(text: str) -> bool:
    """Whether ``text`` is a short question where the last answer comes from (see the
    module docstring)."""
    folded = fold(text)
    return len(folded.split()) <= MAX_WORDS and bool(_ASKS_WHERE_IT_IS.search(folded))
