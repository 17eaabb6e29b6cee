"""Does a message ask how goals are followed up? A cue for the domain gate.

"Så vil jeg gerne vide, hvordan Mariagerfjord følger op på målene i sin plan" asks about
follow-up, but "målene i sin plan" pulls the classifier towards the overview. A message
that says "følger … op", "følges op" or "opfølgning" asks how, how often, to whom or on
which data the goals are followed up, and so does a question who keeps an eye on whether
they are reached ("hvem holder egentlig øje med, om kommunen når sine mål?"). Not such a question: how a goal is going
(:func:`planbot.status_request.asks_how_it_goes`, "hvordan går det med opfølgningen?")
follow-up conversations with a citizen ("opfølgningssamtale") and the documents and
meetings a status is wanted for ("status på 1.3 til opfølgningsnotatet"). Pure Python, used by
:mod:`components.domain_gate`.
"""

from __future__ import annotations

import re

from planbot.status_request import asks_how_it_goes
from planbot.text import fold

# the goal and plan intents a follow-up question is heard as (compare_kommuner compares follow-up too)
FOLLOW_UP_CAN_REPLACE = (
    "ask_overview", "ask_status", "list_goals", "goal_detail", "ask_target", "ask_plan_info",
    "ask_initiatives", "ask_fact",
)  # fmt: skip
# "følger (Mariagerfjord) op", "følges (der) op", "følge op", "opfølgning(en/stallene)"
_FOLLOW_UP = re.compile(
    r"\bfolge[rs]?(?:\s+\w+){0,6}?\s+op\b|\bfulgt\s+op\b|\bopfolgning(?!s?(?:samtale|notat|mode|rapport|dokument))\w*|\bopfolge[rs]?\b"
)


# how, how often or when the politicians are told how it goes ("hvordan bliver vi orienteret
# om, hvordan det går med det?"): follow-up, even with "hvordan det går" in it
_HOW_INFORMED = re.compile(
    r"\b(?:hvordan|hvor\s+tit|hvor\s+ofte|hvornar|hvem)\b(?:\s+\w+){0,4}?\s+"
    r"(?:orienter|informer|afrapporter|rapporter|underrett)\w*"
    # how often the politicians are told ("hvor tit skal forvaltningen fortælle os, hvordan det går?")
    r"|\b(?:hvor\s+tit|hvor\s+ofte|hvornar)\b(?:\s+\w+){0,4}?\s+(?:fortael|forelag|praesenter|redegor)\w*"
    # "Hvor tit får UAU status på handlingerne i MFJ-notatet?"
    r"|\b(?:hvor\s+tit|hvor\s+ofte)\s+(?:\w+\s+){0,5}?(?:far|fa|have|modtage|modtager|gives|giver)\s+(?:\w+\s+){0,2}?(?:en\s+)?status\b"
    # who keeps an eye on whether the goals are reached ("hvem holder egentlig øje med, om …")
    r"|\b(?:hvem|hvordan|hvor\s+tit|hvor\s+ofte)\b(?:,?\s+\w+){0,3}?,?\s+"
    # "hvordan holder politikerne på Mors øje med, om …"
    r"(?:holder\s+(?:\w+\s+){0,4}?oje\s+med|holdes\s+(?:\w+\s+){0,4}?oje\s+med|overvag\w*|monitorer\w*)"
    # "hvor tit tjekker de egentlig, om de unge vælger en erhvervsuddannelse?"
    r"|\b(?:hvor\s+tit|hvor\s+ofte)\s+(?:tjekker|maler|kigger|undersoger|opgor)\b"
    # to whom, as its own question: "Og hvem får status på handlingerne?" (not "Hvad er
    # planperioden …, og hvem får status på det?", where the first ask decides)
    r"|(?:^|[.?!]\s*)\W*(?:(?:og|men)\s+)?hvem\s+(?:\w+\s+){0,2}?(?:far|modtager|ser)\s+(?:en\s+|den\s+)?(?:status|afrapportering\w*)\s+(?:pa|om|over)\b"
    # "Hvor tit får vi i udvalget egentlig noget at se om de vandrende sager?", "hvor ofte hører vi nyt"
    r"|\b(?:hvor\s+tit|hvor\s+ofte)\s+(?:\w+\s+){0,8}?(?:(?:far|fa)\s+(?:\w+\s+){0,8}?"
    r"(?:at\s+se|at\s+hore|besked|opdatering\w*|nyt)|horer|hore)\b"
    # "og hvornår får AMU det at se?", "hvornår får vi næste gang en status på det i udvalget?"
    r"|\bhvornar\s+far\s+(?!jeg\b|mig\b)(?:\w+\s+){1,4}?(?:det|den|dem|tallene|en\s+status|status)"
    r"(?:\s+\w+){0,3}?\s+(?:at\s+se|pa\s+(?:det|den|dem)|i\s+udvalget|forelagt)\b"
    # staff shorthand: "frekvens ift. AMU?", "rapporteringsfrekvens på 6.3"
    r"|\b\w*frekvens\w*"
)


# "og hvilke data bygger det på?", "datakilden?": which data a goal is followed up on
_WHICH_DATA = re.compile(
    r"\bhvilke\s+(?:\w+\s+)?data\b|\bdatakilde\w*|\bhvad\s+(?:bygger|baserer)\s+(?:\w+\s+){0,3}?sig\s+pa\s+af\s+data\b"
)


def asks_for_the_data(text: str) -> bool:
    """Whether ``text`` asks which data a goal is followed up on ("og hvilke data bygger det
    på?"), which the classifier may hear as where the last answer comes from."""
    return bool(_WHICH_DATA.search(fold(text)))


def asks_about_follow_up(text: str) -> bool:
    """Whether ``text`` asks how goals are followed up (see the module docstring)."""
    folded = fold(text)
    if _HOW_INFORMED.search(folded):
        return True
    return bool(_FOLLOW_UP.search(folded)) and not asks_how_it_goes(text)
