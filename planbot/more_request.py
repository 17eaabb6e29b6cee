"""Does a message ask for more about the last answer? A cue for the domain gate.

"Kan du uddybe, hvad de penge konkret skulle gå til?" asks for the details of the answer
just given, but its words ("penge", "gå til") sound like a goal or a fact question to the
classifier. A message that begins "(kan/vil/gider du) uddybe", "fortælle/sige (lidt)
mere", "forklare (det) nærmere", "gå (lidt mere) i dybden" or "flere/mere (detaljer)
tak" asks for more; the domain gate
uses it only when the message names no goal, group, theme, indicator, term or kommune of
its own ("uddyb 6.10" is a goal description). Pure Python, used by
:mod:`components.domain_gate`.
"""

from __future__ import annotations

import re

from planbot.text import fold

_ASKS_FOR_MORE = re.compile(
    r"^\W*(?:(?:og|men|ok|okay|jamen|ja)\W+)?"
    r"(?:(?:kan|vil|gider|kunne|ville)\s+(?:du|i)\s+(?:(?:lige|godt|evt|ikke|maske|venligst)\s+)*)?"
    r"(?:uddybe?|fortael(?:le)?\s+(?:lidt\s+)?mere|sige\s+(?:lidt\s+)?mere|forklare?\s+(?:det\s+)?naermere"
    r"|ga\s+(?:lidt\s+)?(?:mere\s+)?i\s+dybden"
    # "flere tak", "mere info please", "flere detaljer": short for "tell me more"
    r"|(?:flere|mere)\s+(?:(?:detaljer|info|information)\s+)?(?:tak|please|pls|plz)|(?:flere|mere)\s+detaljer)\b"
    # "giv mig resten af listen", "vis resten"
    r"|^\W*(?:(?:og|ok)\W+)?(?:giv\s+mig|vis(?:\s+mig)?)\s+(?:lige\s+)?resten(?:\s+af\s+(?:listen|dem|teksten|svaret))?\W*$"
)


# "og hvad skulle de penge så konkret bruges til?" after an amount: the details behind it
_WHAT_THE_MONEY_IS_FOR = re.compile(
    r"^\W*(?:og\s+)?hvad\s+(?:skal|skulle|bliver|blev)\s+(?:de\s+penge|pengene|belobet|investeringen|midlerne)"
    r"\s+(?:\w+\s+){0,2}?(?:bruges|brugt|ga|anvendes)\s+til\W*$"
)


def asks_for_more(text: str) -> bool:
    """Whether ``text`` asks for more about the last answer (see the module docstring), or
    what the money just named is for."""
    folded = fold(text)
    return bool(_ASKS_FOR_MORE.search(folded) or _WHAT_THE_MONEY_IS_FOR.search(folded))
