"""Does a message ask what a goal is about, or which goals there are? Cues for the domain gate.

"det med socialt bedrageri, hvad går det ud på?" asks what a goal is about, but its goal
words sound like a status question to the classifier. "har kommunen nogen mål for os
fleksjobbere?" and "hvad er målene for jobcenteret på Morsø?" ask which goals there are,
and were heard as a status or a plan question. The domain gate uses the first cue only over
a status or overview guess, and the second only over status, overview and plan questions,
and neither when the message asks how far the goals have come. Pure Python, used by
:mod:`components.domain_gate`.
"""

from __future__ import annotations

import re

from planbot.text import fold

# "A1 i arbejdsmarkedsstrategien", "og S3?": the strategy's lettered goals, typed in capitals
LETTER_CODE_IN_TEXT = re.compile(r"(?:^|[\s(])([AS][1-9])(?=$|[\s?.,!)])")

# "hvad går det ud på", "hvad går mål 3 i Mariagerfjord ud på", "hvad handler målet om" –
# not "hvad går planen ud på" (the plan) nor "hvordan går det" (status)
_WHAT_IT_IS_ABOUT = re.compile(
    r"\bhvad\s+(?:gar|handler|drejer)\s+(?:(?!\w*(?:plan|strategi|notat))\w+\s+){0,8}?"
    # "ud på" ends the question also in a run-on message ("hvad gaar det ud paa det lyder …")
    r"(?:ud\s+pa\b|om\s*(?:[?.!,]|$))"
    # "hvad betyder det med udsatte ledige": a goal named by its words ("det med …")
    r"|\bhvad\s+(?:betyder|indebaerer)\s+det\s+(?:der\s+)?med\s+(?=\w)"
)

# "har kommunen nogen mål for …", "har de sat sig nogle mål for …", "hvad er målene for …",
# "hvilke mål er der for …"
_WHICH_GOALS = re.compile(
    r"\bhar\s+(?:\w+\s+){1,3}?(?:nogen|nogle|sat\s+sig\s+(?:nogen|nogle)?)\s*mal\b"
    r"|\bhvad\s+er\s+(?:de|deres|kommunens|jeres|vores)?\s*malene\b"
    # "Og hvad er så de konkrete mål i den?": the plural with an adjective
    r"|\bhvad\s+er\s+(?:sa\s+)?de\s+(?:konkrete|egentlige|vigtigste|overordnede|lokale|enkelte)\s+mal\b"
    # "hvad er mariagerfjords mål med beskæftigelsen frem til 2027"
    r"|\bhvad\s+er\s+(?:\w+\s+)?\w+s\s+mal(?:ene)?\s+(?:med|for)\b"  # "… morso kommunes maal for …"
    r"|\bhvilke\s+(?:\w+\s+)?mal\b"
    # "Liste over mål + succeskriterier i MFJ-notatet", "en oversigt over målene"
    r"|\b(?:liste|listen|oversigt|oversigten)\s+over\s+(?:alle\s+)?(?:de\s+)?mal(?:ene)?\b"
    # "hvad har kommunen af mål for …", "hvad er kommunens mål på beskæftigelsesområdet"
    r"|\bhvad\s+har\s+(?:\w+\s+){0,2}?af\s+mal\b"
    r"|\bhvad\s+er\s+(?:kommunens|deres|jeres|vores|planens)\s+mal\s+(?:pa|for|med|inden\s+for)\s+\w*omrade"
    # "hvad er deres maal", "hvad mariager fjord kommune egentlig vil opnå med de arbejdsløse"
    r"|\bhvad\s+er\s+deres\s+mal\b"
    # "Jeg vil gerne se deres mål til inspiration."
    r"|\b(?:se|kende|hore)\s+(?:deres|kommunens|jeres|planens)\s+mal\b"
    r"|\bhvad\s+(?:\w+\s+){0,4}?vil\s+(?:\w+\s+){0,2}?opna\b(?!\s+med\s+(?:det|den|dem)\W*$)"
)


# "hvad er målet for det?", "og målsætningen for dem?": the target of what was just shown
_ITS_TARGET = re.compile(
    r"^\W*(?:(?:og|men|ok)\W+)?(?:hvad\s+er\s+(?:sa\s+)?)?(?:malet|malsaetningen|succeskriteriet"
    r"|succeskriterierne|ambitionen|malsaetningerne)\s+(?:sa\s+)?(?:for|med|i)\s+(?:det|den|dem|dette|disse)"
    # "og målet for den i ND?": also in a kommune named after it
    r"(?:\s+(?:i|pa|hos)\s+\S+)?\W*$"
    # "hvad er ND's mål for den?": a kommune's goal for what was just explained
    r"|^\W*(?:(?:og|men|ok)\W+)?hvad\s+er\s+(?:sa\s+)?\S+?(?:'s|’s|s|')\s+(?:mal|malet|malsaetning)\s+(?:sa\s+)?"
    r"(?:for|med)\s+(?:det|den|dem|dette|disse)\W*$"
    # "hvad er maalet helt praecist" after a goal's status
    r"|^\W*(?:(?:og|men|ok)\W+)?hvad\s+er\s+(?:sa\s+)?(?:malet|malsaetningen|succeskriteriet)"
    r"(?:\s+(?:helt|sa|egentlig|nu|lige))*\s+(?:praecist|praecis|konkret)\W*$"
    # "hvad er maalet saa" right after a goal's status, "hvad var målet igen?"
    r"|^\W*(?:(?:og|men|ok)\W+)?hvad\s+(?:er|var)\s+(?:sa\s+)?malet\s+(?:sa|egentlig|nu|igen)\W*$"
    # "og målet?", "og succeskriteriet?" right after a goal's follow-up or status
    r"|^\W*(?:og|men|ok)\W+(?:hvad\s+med\s+)?(?:malet|malsaetningen|succeskriteriet|maltallet)\W*$"
    # "hvad er det de vil opnaa med det", "Hvad er det præcise mål der?", "Hvilket år måles der
    # op imod?": the target of the goal just shown
    r"|^\W*(?:(?:og|men|ok)\W+)?hvad\s+(?:er\s+det\s+)?(?:de|vi|i|man|kommunen)\s+vil\s+opna\s+med\s+(?:det|den|dem)\W*$"
    r"|^\W*(?:(?:og|men|ok)\W+)?hvad\s+er\s+(?:sa\s+)?det\s+(?:helt\s+)?(?:praecise|konkrete|egentlige)\s+mal"
    r"(?:\s+(?:der|her|for\s+(?:det|den)))?\W*$"
    r"|^\W*(?:(?:og|men|ok)\W+)?hvilket\s+(?:ar|basisar|udgangsar)\s+(?:males|maler\s+\w+|sammenlignes)\s+(?:der\s+)?(?:op\s+)?(?:imod|mod|med)\W*$"
    # "hvad er det præcis, vi har lovet der?": what was promised is the target
    r"|\bhvad\s+(?:er\s+det\s+(?:\w+,?\s+){0,2}?)?(?:vi|de|man|kommunen|i)\s+har\s+lovet\b"
    # "og hvad er målet på det område?" after what is done for a group
    r"|^\W*(?:(?:og|men|ok)\W+)?hvad\s+(?:er|var)\s+(?:sa\s+)?(?:malet|malsaetningen|ambitionen)\s+"
    r"(?:sa\s+)?(?:pa|for|inden\s+for|i)\s+(?:det|dette|det\s+her)\s+(?:omrade|felt|punkt)\W*$"
)


# "og hvad er det, vi har sat som mål der?", "hvad har de sat som måltal for den?"
_TARGET_SET_THERE = re.compile(
    r"^\W*(?:(?:og|men|ok)\W+)?hvad\s+(?:(?:er\s+det,?\s+)?(?:vi|de|man|i|kommunen|jobcentret)\s+har"
    r"|har\s+(?:vi|de|man|i|kommunen|jobcentret))\s+"
    r"(?:\w+\s+)?sat\s+(?:som|af)\s+(?:mal|maltal|malsaetning)\s*(?:der|her|for\s+(?:det|den|dem))?\W*$"
)


# "og målet for ledigheden i fleksjobordningen?": a fragment that asks the target of a new
# object in the plan in play (which the classifier hears as the figure it names)
_TARGET_OF_A_FRAGMENT = re.compile(
    r"^\W*(?:og|men)\W+(?:hvad\s+(?:er|var|med)\s+)?(?:sa\s+)?(?:malet|malsaetningen|succeskriteriet|maltallet)"
    r"\s+(?:for|pa|med)\s+(?:[\w-]+\s+){0,4}[\w-]+\W*$"
)


def asks_for_its_target(text: str) -> bool:
    """Whether ``text`` only asks for the target of what was just shown ("hvad er målet for
    det?", "og hvad er det, vi har sat som mål der?") or, as a fragment, of a new object in
    the same plan ("og målet for ledigheden i fleksjobordningen?")."""
    folded = fold(text)
    return bool(
        _ITS_TARGET.search(folded) or _TARGET_SET_THERE.search(folded) or _TARGET_OF_A_FRAGMENT.search(folded)
    )


# "hvad er det præcis der måles på?", "hvad måler 6.11 helt præcist?", "hvad er det præcist den måler"
_WHAT_IS_MEASURED = re.compile(
    r"\bhvad\s+(?:er\s+det\s+(?:\w+,?\s+)?(?:der|den|de|man|vi|i)\s+)?(?:males|maler)\b"
    # "Hvad er det 6.10 i Norddjurs-planen måler?"
    r"|\bhvad\s+er\s+det\s+(?:\S+\s+){1,4}?(?:males|maler)\b"
)


def asks_what_is_measured(text: str) -> bool:
    """Whether ``text`` asks what a goal measures ("hvad er det præcis der måles på?")."""
    return bool(_WHAT_IS_MEASURED.search(fold(text)))


# "hvad tæller som de største virksomheder?", "hvordan er 'de største virksomheder' afgrænset
# i 6.8?", "hvem tæller med?": how a goal draws its lines, which the goal's measure says
_HOW_IT_IS_DELIMITED = re.compile(
    r"\bhvad\s+(?:er\s+det\s+(?:der\s+)?)?taeller\s+(?:som|med)\b|\bhvem\s+taeller\s+med\b"
    r"|\bhvordan\s+er\s+(?:\S+\s+){1,5}?(?:afgraenset|defineret|opgjort)\b"
    r"|\bhvordan\s+(?:afgraenses|defineres|opgores)\b"
)


def asks_how_a_goal_is_delimited(text: str) -> bool:
    """Whether ``text`` asks what counts in a goal ("hvad tæller som de største virksomheder
    i den sammenhæng?", "hvordan er 'de største virksomheder' afgrænset i 6.8?")."""
    return bool(_HOW_IT_IS_DELIMITED.search(fold(text)))


# how often, by whom, on which data or to whom: a follow-up question
_FOLLOW_UP_WORDS = re.compile(
    r"\bhvor\s+(?:tit|ofte|hyppigt)\b|\bhvem\b|\bhvornar\b|\bhvordan\b|\bdata\w*|\bkilde\w*"
    r"|\bopfolg\w*|\bfolge[rs]?\s+(?:\w+\s+){0,3}?op\b|\brapport\w*|\borienter\w*"
    r"|\bmanedlig\w*|\barlig\w*|\bkvartal\w*|\bhalvarlig\w*"
)


def asks_only_what_is_measured(text: str) -> bool:
    """Whether ``text`` asks what a goal measures and nothing about its follow-up ("ND 6.4 –
    hvad måles der præcist på?"; not "hvad måles der på, og hvor tit?")."""
    return asks_what_is_measured(text) and not _FOLLOW_UP_WORDS.search(fold(text))


def asks_what_a_goal_is_about(text: str) -> bool:
    """Whether ``text`` asks what something is about ("hvad går det ud på?") or its exact
    wording ("Ordlyd på 6.11 i ND's BP24?")."""
    folded = fold(text)
    return bool(_WHAT_IT_IS_ABOUT.search(folded) or _WORDING.search(folded))


# staff asking for a goal's exact words: "ordlyd på 6.11", "den præcise formulering af 3a"
# (not "kan du give mig hele ordlyden", which asks for more of the last answer)
_WORDING = re.compile(
    r"\b(?:ordlyd\w*|(?:praecise|eksakte|nojagtige)\s+(?:formulering|tekst|ordlyd)\w*)\s+(?:pa|af|for|i)\s+"
    r"(?:\w+\s+)?(?:\d|mal\b|malet\b|succeskriteri)"
    # staff shorthand: "Mors, lokalt mål 7 – indhold?", "6.3: indhold"
    r"|\b(?:mal|delmal|succeskriterie?)\s+[\w.]*\d[\w.]*\W+indhold(?:et)?\W*$"
    r"|\b\d{1,2}(?:\.\d{1,2})?[a-z]?\W+indhold(?:et)?\W*$"
    # "hvordan er resultatmålet i ND så formuleret?", "hvad dækker 6.10 i ND over?"
    r"|\bhvordan\s+er\s+(?:\S+\s+){1,6}?formuleret\b"
    r"|\bhvad\s+daekker\s+(?:\S+\s+){0,2}?(?:mal|malet|delmal|succeskriteri\w*|\w+malet|\d[\w.,]*)"
    r"\s+(?:\S+\s+){0,4}?over\b"
)


def without_what_it_is_about(text: str) -> str:
    """``text`` (folded) without its "hvad går … ud på" (whose "går" asks no progress) and its
    question for a goal's wording ("hvordan er resultatmålet formuleret")."""
    return _WORDING.sub(" ", _WHAT_IT_IS_ABOUT.sub(" ", fold(text)))


def asks_which_goals(text: str) -> bool:
    """Whether ``text`` asks which goals there are ("har kommunen nogen mål for …?"), not
    the minister's goals (the plan's frame)."""
    folded = fold(text)
    return bool(_WHICH_GOALS.search(folded)) and "minist" not in folded
