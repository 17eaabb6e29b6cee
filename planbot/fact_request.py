"""Does a message check a figure it has heard? A cue for the domain gate.

"passer det at 35 % paa mors kun har folkeskolen??" and "er det rigtigt, at jobcentret
holder 10.000 samtaler om året?" ask whether a figure is what the plan says: a fact
question, but the words around the figure are not the plans' words and the classifier
may take it for out of scope. A message that begins "passer/stemmer det (,) at", "er
det (rigtigt/korrekt/sandt/virkelig) (,) at" and has a number after it checks a figure, and
so does a claim with a number that ends "…, passer/stemmer det (overhovedet)?". A quantity
in words counts as a number ("jobcentret på mors får en masse klager, passer det?").
Not one: the user's own situation ("passer det at jeg kan få 5.000 kr.?"). Pure Python,
used by :mod:`components.domain_gate`.
"""

from __future__ import annotations

import re

from planbot.text import fold

_CHECKS_A_CLAIM = re.compile(
    # also after a sentence about the user ("jeg har et malerfirma i hobro. passer det at …")
    r"(?:^|[.!?]\s+)\W*(?:(?:og|men|hov|hmm|ok|okay|jamen)\W+)?"
    r"(?:passer|stemmer|er)\s+det(?:[\s,]+(?:nu|virkelig|egentlig|faktisk|rigtigt|rigtig|korrekt|sandt))*[\s,]+at\s+(?P<claim>.*)$"
)
_NUMBER = re.compile(
    r"\d|\b(?:to|tre|fire|fem|seks|syv|otte|ni|ti|tyve|halvtreds|hundrede|tusind|tusinde|million\w*"
    r"|halvdelen|procent)\b"
    # "… får en masse klager, passer det?": a quantity in words is a figure to check too
    r"|\b(?:mange|masse|masser|flere|faerre|flertallet)\b"
)
# "min nabo påstår at … ti tusind samtaler om året, passer det?": the claim first
_CLAIM_THEN_CHECK = re.compile(
    r"^(?P<claim>.+?)[,;:\s]+"
    r"(?:(?:og\s+)?(?:passer|stemmer)\s+det(?:\s+(?:nu|virkelig|overhovedet|egentlig))*|er\s+det\s+(?:rigtigt|korrekt|sandt))"
    r"\W*$"
)
# the user's own situation ("jeg kan få", "min ydelse"); not "jeg har hørt, at …" or "min nabo siger …"
_OWN_CASE = re.compile(
    r"\bjeg\s+(?:kan|kunne|skal|ma|far|fik|bliver|har\s+ret|er\s+berettiget)\b|\bmig\b"
    r"|\b(?:min|mit|mine)\s+(?:sag|ydelse\w*|udbetaling\w*|penge|lon|dagpenge|kontanthjaelp|pension|sagsbehandler)\b"
)


def asks_to_check_a_figure(text: str) -> bool:
    """Whether ``text`` asks if a figure is right (see the module docstring)."""
    folded = fold(text).strip()
    match = _CHECKS_A_CLAIM.search(folded) or _CLAIM_THEN_CHECK.search(folded)
    if match is None:
        return False
    claim = match.group("claim")
    return bool(_NUMBER.search(claim)) and not _OWN_CASE.search(claim)


# "og hvor meget var der i rammen samlet set?", "hvor stort et beløb drejede det sig om?",
# "beløb på STU-omprioriteringen?":
# an amount, whatever the classifier heard (an overview, a term the question names)
_AMOUNT = re.compile(
    r"\bhvor\s+(?:meget|mange\s+penge|mange\s+kroner|mange\s+millioner|stort\s+(?:et\s+)?belob|store\s+belob)\b"
    # staff shorthand: "beløb på STU-omprioriteringen?", "hvilket beløb …", "størrelsen på beløbet"
    r"|^\W*(?:og\s+)?(?:belob|belobet|belobsstorrelse\w*)\s+(?:pa|for|til|ved|i)\b"
    r"|\bhvilket\s+belob\b|\bstorrelsen\s+pa\s+belobet\b"
)


def asks_for_an_amount(text: str) -> bool:
    """Whether ``text`` asks how much (money) something was, not about oneself."""
    folded = fold(text)
    return bool(_AMOUNT.search(folded)) and not _ABOUT_ONESELF.search(folded)


_ABOUT_ONESELF = re.compile(r"\b(?:jeg|mig|min|mit|mine)\b")
