"""Does a message ask when or by whom a plan was approved? A cue for the domain gate.

"ND BP2024 – hvornår og af hvem er den godkendt?" asks about the plan itself, but staff
shorthand makes the classifier hear something off-topic, and a short "og hvornår blev den
godkendt?" leaves it unsure. A question word for when or who ("hvornår", "hvem", "af
hvem") with a word for approving ("godkendt", "vedtaget", "besluttet") asks for the
plan's approval – not "hvornår bliver min ansøgning godkendt?" (one's own case) nor a
goal's deadline. Pure Python, used by :mod:`components.domain_gate`.
"""

from __future__ import annotations

import re

from planbot.text import fold

_APPROVAL = re.compile(
    r"\b(?:hvornar|hvem|hvilken\s+dato|hvilket\s+(?:udvalg|organ))\b(?:\s+\S+){0,6}?\s+"
    r"(?:godkendt|godkendte|godkendes|godkender|vedtaget|vedtog|vedtager|vedtages|besluttet|vedtaget)\b"
)
# the user's own matters: an application, a case, a benefit
_OWN = re.compile(r"\b(?:min|mit|mine|jeg|mig)\b")


def _about_a_plan(pattern: re.Pattern[str], text: str) -> bool:
    """Whether the folded ``text`` matches ``pattern`` and is not about the user's own matters."""
    folded = fold(text)
    return bool(pattern.search(folded)) and not _OWN.search(folded)


# "hvem i kommunen har ansvaret for den?", "hvilket udvalg står bag planen?"
_RESPONSIBLE = re.compile(
    r"\b(?:hvem|hvilket\s+udvalg)\b(?:\s+\S+){0,3}?\s+(?:har|ha|sidder\s+med)\s+(?:\w+\s+)?ansvar(?:et)?\s+for\s+"
    r"(?:den|planen|strategien|notatet|beskaeftigelsesplanen|indsatsen)\b"
    r"|\bhvilket\s+udvalg\b(?:\s+\S+){0,3}?\s+(?:star\s+bag|ejer|har)\s+(?:den|planen|strategien|notatet)\b"
)


def asks_who_is_responsible(text: str) -> bool:
    """Whether ``text`` asks who is responsible for the plan ("hvem har ansvaret for den?")."""
    return _about_a_plan(_RESPONSIBLE, text)


# "hvilke år gælder den for?", "hvilken periode gjaldt notatet for?", "hvor mange år løber den"
_PERIOD = re.compile(
    r"\bhvilke[nt]?\s+(?:periode|perioder|ar|arstal)\s+(?:\w+\s+)?(?:gaelder|gjaldt|galder|daekker|dakker|dakkede|daekkede|lober|lob)\b"
    r"|\bhvor\s+(?:mange\s+ar|lang\s+tid|laenge|lange)\s+(?:lober|lob|gaelder|gjaldt|daekker)\s+(?:den|det|planen|strategien|notatet)\b"
)


def asks_about_the_plan_period(text: str) -> bool:
    """Whether ``text`` asks which period a plan covers ("hvilke år gælder den for?")."""
    return _about_a_plan(_PERIOD, text)


# "hvad gaar beskæftigelsesplanen i mariager fjord egentlig ud paa", "hvad handler strategien
# om?": what a plan is about (what a goal is about is planbot.goal_request's)
_WHAT_THE_PLAN_IS_ABOUT = re.compile(
    # not a goal of the plan ("hvad handler 3b i notatet om?", "hvad går mål 3 i planen ud på?")
    r"\bhvad\s+(?:gar|handler|drejer)\s+(?:(?!mal\w*\b)[a-z]+\s+){0,2}?[a-z]*(?:plan|planen|strategi|strategien|notat|notatet)"
    r"(?:\s+\w+){0,4}?\s+(?:ud\s+pa|om)\b"
)


def asks_what_the_plan_is_about(text: str) -> bool:
    """Whether ``text`` asks what a plan is about ("hvad går beskæftigelsesplanen ud på?")."""
    return _about_a_plan(_WHAT_THE_PLAN_IS_ABOUT, text)


def asks_about_approval(text: str) -> bool:
    """Whether ``text`` asks when or by whom a plan was approved (see the module docstring)."""
    return _about_a_plan(_APPROVAL, text)


# "og i den gamle plan?", "hvad med notatet?", "i strategien da?": the previous question about
# another of the kommune's plans, named by its kind or age and nothing else
_PLAN_FRAGMENT = re.compile(
    r"^\W*(?:(?:og|men)\s+)?(?:(?:hvad|hva)\s+(?:sa\s+)?med\s+|i\s+|for\s+)?(?:den|det)?\s*"
    r"(?:gamle|aeldre|tidligere|forrige|nye|nyere|nyeste|seneste|anden|andet)?\s*"
    r"(?:plan|planen|beskaeftigelsesplan\w*|notat|notatet|udmontningsnotat\w*|strategi|strategien"
    r"|arbejdsmarkedsstrategi\w*)"
    r"(?:\s+(?:da|sa|sa\s+da))?\W*$"
)


# "Var det anderledes i den forrige, altså notatet for 2021-2024?": the same question about an
# older plan, asked as whether it differed there
_DIFFERENT_IN_AN_OLDER_PLAN = re.compile(
    r"^\W*(?:(?:og|men)\s+)?(?:var|er)\s+det\s+(?:sa\s+|egentlig\s+)?(?:anderledes|det\s+samme|ligesadan|ens)"
    r"\s+i\s+(?:den|det)\s+(?:gamle|aeldre|tidligere|forrige)\b(?:\s+(?:plan\w*|notat\w*|strategi\w*))?"
    r"(?:\W+(?:altsa|dvs|nemlig)\s+(?:[\w-]+\s*){1,5})?\W*$"
)


def names_only_another_plan(text: str) -> bool:
    """Whether ``text`` only names a plan by its kind or age ("og i den gamle plan?", "var
    det anderledes i den forrige?")."""
    folded = fold(text)
    return bool(_PLAN_FRAGMENT.search(folded) or _DIFFERENT_IN_AN_OLDER_PLAN.search(folded))


# "jeg vil gerne vide hvad planen er for min kommune": the plan of the user's kommune, not a case
_PLAN_OF_ONES_KOMMUNE = re.compile(
    r"\b(?:plan|planen|planerne|beskaeftigelsesplan\w*)\s+(?:\w+\s+){0,2}?(?:for|i)\s+(?:min|vores)\s+kommune\b"
    r"|\b(?:min|vores)\s+kommunes\s+(?:beskaeftigelses)?plan\w*"
)


def asks_about_the_plan_of_ones_kommune(text: str) -> bool:
    """Whether ``text`` asks about the plan of the user's kommune ("hvad er planen for min
    kommune"), which names no case of the user's."""
    return bool(_PLAN_OF_ONES_KOMMUNE.search(fold(text)))


# "har odsherred ogsaa en beskaeftigelsesplan", "har Vejle overhovedet nogen plan?": whether a
# kommune has a plan (not the user's own: "har jeg en jobplan")
_HAS_A_PLAN = re.compile(
    r"\bhar\s+(?!jeg\b|vi\b|du\b|min\b|mit\b)(?:\w+\s+){1,3}?(?:(?:ogsa|egentlig|overhovedet|sa|ikke)\s+)*"
    r"(?:en|nogen|sin\s+egen|en\s+aktuel|en\s+gaeldende)\s+(?:beskaeftigelsesplan|arbejdsmarkedsstrategi|plan\s+for\s+beskaeftigelse\w*"
    # "har køge kommune ikke en plan for at faa folk i arbejde?"
    r"|plan\s+for\s+at\s+(?:fa|faa)\s+(?:folk|flere|ledige|borgere|borgerne|de\s+ledige)\s+i\s+(?:arbejde|job|beskaeftigelse))\b"
)


def asks_whether_a_plan_exists(text: str) -> bool:
    """Whether ``text`` asks whether a kommune has an employment plan ("har odsherred
    ogsaa en beskaeftigelsesplan"), not about the user's own plan."""
    folded = fold(text)
    # "… en beskæftigelsesplan med mål?", "… hvad er deres mål": the goals are asked for
    asks_for_goals = re.search(r"\bmal(?:ene|et)?\b", folded)
    match = _HAS_A_PLAN.search(folded)
    if match is None or asks_for_goals:
        return False
    # the user's own plan is in the question itself ("… en plan for mig"), not in what follows
    # it ("har kommunen en beskæftigelsesplan jeg kan læse?")
    return not _OWN.search(match.group(0)) and not _FOR_ME.match(folded[match.end() :])


_FOR_ME = re.compile(r"\s*(?:for|til)\s+(?:mig|os)\b")
