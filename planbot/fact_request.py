"""Does a message check a figure it has heard? A cue for the domain gate.

"passer det at 35 % paa mors kun har folkeskolen??" and "er det rigtigt, at jobcentret
holder 10.000 samtaler om året?" ask whether a figure is what the plan says: a fact
question, but the words around the figure are not the plans' words and the classifier
may take it for out of scope. A message that begins "passer/stemmer det (,) at", "er
det (rigtigt/korrekt/sandt/virkelig) (,) at" and has a number after it checks a figure.
Not one: the user's own situation ("passer det at jeg kan få 5.000 kr.?"). Pure Python,
used by :mod:`components.domain_gate`.
"""

from __future__ import annotations

import re

from planbot.text import fold

_CHECKS_A_CLAIM = re.compile(
    r"^\W*(?:(?:og|men|hov|hmm|ok|okay|jamen)\W+)?"
    r"(?:passer|stemmer|er)\s+det(?:[\s,]+(?:nu|virkelig|egentlig|faktisk|rigtigt|rigtig|korrekt|sandt))*[\s,]+at\s+(?P<claim>.*)$"
)
_NUMBER = re.compile(r"\d")
_OWN_CASE = re.compile(r"\b(?:jeg|mig|min|mit|mine)\b")


def asks_to_check_a_figure(text: str) -> bool:
    """Whether ``text`` asks if a figure is right (see the module docstring)."""
    match = _CHECKS_A_CLAIM.search(fold(text).strip())
    if match is None:
        return False
    claim = match.group("claim")
    return bool(_NUMBER.search(claim)) and not _OWN_CASE.search(claim)
