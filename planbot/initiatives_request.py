"""Does a message ask what is done for a group? A cue for the domain gate.

"min søn er droppet ud af gymnasiet, hvad bliver der gjort for unge som ham" asks what the
kommune does for young people, but the story makes the classifier unsure between the
citizen's own case and the plan. A message that asks "hvad gør (kommunen/de/I/…) for",
"hvad bliver der gjort for", "hvad gøres der for", "hvilke tilbud/indsatser/initiativer",
"hvad har de af tilbud", "hvad tilbyder kommunen", "hvad vil de gøre for" or "gør kommunen
noget for" asks for
initiatives. The gate uses it only when the classifier fell back. Pure Python,
used by :mod:`components.domain_gate`.
"""

from __future__ import annotations

import re

from planbot.text import fold

_WHAT_IS_DONE = re.compile(
    # not "hvad gør jeg/man for at få dagpenge": one's own case
    # ("hvad gør Odense Kommune i deres beskæftigelsesplan for os over 50")
    r"\bhvad\s+(?:gor|goer|foretager|laver)\s+(?!jeg\b|man\b)[a-z]+(?:\s+kommune)?\s+(?:\w+\s+){0,3}(?:for|med)\b"
    r"|\bhvad\s+(?:bliver|blir)\s+der\s+gjort\s+for\b|\bhvad\s+gores\s+der\s+for\b"
    # "hvad vil de gøre for de unge?", "hvad skal kommunen gøre for langtidsledige"
    r"|\bhvad\s+(?:vil|skal|kan)\s+(?!jeg\b|man\b)[a-z]+(?:\s+kommune)?\s+(?:\w+\s+)?(?:gore|goere)\s+for\b"
    r"|\bhvilke\s+(?:tilbud|indsatser|initiativer|tiltag|handlinger|projekter|investeringer|omprioriteringer)\b"
    # "hvad har de af tilbud på Mors", "hvad er der af indsatser", "hvad tilbyder kommunen"
    r"|\bhvad\s+(?:har|findes|er)\s+(?:\w+\s+){0,2}?af\s+(?:tilbud|indsatser|initiativer|tiltag)\b"
    r"|\bhvad\s+tilbyder\s+(?!jeg\b|man\b)[a-z]+"
    # "gør kommunen egentlig noget for de unge …?", "gør I noget ved langtidsledigheden"
    r"|(?:^|[.!?]\s*|,\s*|\bog\s+)(?:gor|goer)\s+(?!jeg\b|man\b)[a-z]+(?:\s+kommune)?\s+(?:\w+\s+){0,2}"
    r"noget\s+(?:for|med|ved)\b"
    # "har kommunen noget med opkvalificering eller kurser", "har de noget for unge", "har
    # norddjurs noget for seniorer"
    r"|\bhar\s+(?!jeg\b|du\b|man\b|vi\b)(?:kommunen|de|i|jobcentret|jobcenteret|\w+\s+kommune|\w+)\s+(?:\w+\s+)?noget\s+"
    r"(?:med|for|til|om)\b(?!\s+(?:mig|min|mit|mine)\b)"
    # "hvad kan kommunen hjaelpe med sprog og arbejde"
    r"|\bhvad\s+kan\s+(?:kommunen|jobcentret|jobcenteret|de|i|\w+\s+kommune)\s+(?:\w+\s+)?hjaelpe\s+(?:med|til)\b"
    # "er der noget for os aeldre?", "er der noget til folk som mig"
    r"|\ber\s+der\s+noget\s+(?:til|for)\s+(?:os|folk|dem|personer|nogen|unge|aeldre|seniorer)\b"
    # "er der noget kommunen gør for at folk som mig kan blive opkvalificeret"
    r"|\ber\s+der\s+noget\s+(?:som\s+|der\s+)?(?!jeg\b|man\b)[a-z]+(?:\s+kommune)?\s+(?:gor|goer)\s+(?:for|med|ved)\b"
    # staff shorthand: "Tiltag under lokalt mål 7 om udsatte ledige på Mors?", "indsatser til 6.3"
    r"|(?:^|[.:;!?]\s*|\W[-–]\s*)(?:tiltag|indsatser|initiativer|handlinger|aktiviteter)\s+(?:under|til|knyttet\s+til)\s+"
    r"(?:\w+\s+)?(?:mal|delmal|fokusmal|resultatmal|malet|\d)"
)


# "hvad sætter Norddjurs i værk over for de unge?", "hvilke tiltag har de sat i gang for
# ledige?", "hvad iværksætter kommunen for flygtninge?": the plan's actions, whatever the
# classifier heard. Not "hvor mange … er sat i gang": a figure.
_SET_IN_MOTION = re.compile(
    r"\b(?:hvad|hvilke\s+\w+)\s+(?:\w+,?\s+){0,5}?(?:saetter|saettes|saette|satte|sat)\s+"
    r"(?:\w+\s+){0,4}?i\s+(?:vaerk|gang)\b"
    r"|\b(?:hvad|hvilke\s+\w+)\s+(?:\w+\s+){0,4}?ivaerks(?:aetter|aettes|aette|atte|at)\b"
)


# "hvad har I på Mors til sådan nogle som ham", "hvad gør de for folk som mig", "hvad
# betyder kommunens plan for en som mig": a question
# about people like someone, which is general even when the message tells about oneself
_PEOPLE_LIKE = re.compile(
    r"\b(?:til|for|med)(?:\s+at)?\s+(?:sa+dan(?:ne)?\s+(?:nogle|nogen|nogle\s+unge|nogen\s+unge)|folk|nogen|personer"
    r"|borgere|unge|sa+dan\s+en|en)\s+(?:som|ligesom)\s+(?:ham|hende|mig|os|dem|min|mit|mine|vores)\b"
    # "hvilken hjælp har kommunen til flygtninge, der gerne vil have et job?": a group in general
    r"|\b(?:til|for|om)\s+(?:flygtninge|unge|ledige|langtidsledige|sygemeldte|seniorer|folk|personer|borgere)"
    r",?\s+(?:der|som)\b"
)
_WHAT_IS_THERE_FOR = re.compile(
    r"\bhvad\s+(?:har|tilbyder|gor|goer|kan)\s+(?!jeg\b|man\b)\w+"
    # "er der noget i mariager fjord for sådan nogle som mig"
    r"|\ber\s+der\s+(?:noget|nogen\s+(?:tilbud|hjaelp|indsatser))\b"
    r"|\bhvilken\s+(?:hjaelp|stotte|indsats)\s+(?:har|giver|tilbyder|kan)\s+(?!jeg\b|man\b)\w+"
    # "hvad bliver der gjort for unge som ham", "hvad gøres der for folk som mig"
    r"|\bhvad\s+(?:bliver\s+der\s+gjort|gores\s+der|goeres\s+der|laves\s+der)\b"
    # "hvad siger kommunens plan om folk der har gået så længe?"
    r"|\bhvad\s+(?:siger|skriver|star\s+der\s+i)\s+(?:\w+\s+){0,2}?(?:plan|planen|strategi|strategien)\b"
    # "hvad betyder kommunens plan egentlig for en som mig?"
    r"|\bhvad\s+(?:betyder|indebaerer)\s+(?:\w+\s+){0,2}?(?:plan|planen|strategi|strategien)\b"
)


def asks_for_people_like(text: str) -> bool:
    """Whether ``text`` asks what there is for people like someone ("hvad har I på Mors til
    sådan nogle som ham?")."""
    folded = fold(text)
    return bool(_PEOPLE_LIKE.search(folded) and _WHAT_IS_THERE_FOR.search(folded))


def asks_what_is_set_in_motion(text: str) -> bool:
    """Whether ``text`` asks what is set in motion ("hvad sætter de i værk for de unge?")."""
    return bool(_SET_IN_MOTION.search(fold(text)))


def asks_what_is_done(text: str) -> bool:
    """Whether ``text`` asks what is done for a group or theme (see the module docstring)."""
    return bool(_WHAT_IS_DONE.search(fold(text)))


# "Branchespor i AM-strategien 20-21: hvilke målgrupper …?", "hvilke målgrupper er omfattet af
# branchespor?": whom an initiative is for; not the goals for the groups ("hvilke målgrupper
# har planen mål for?")
_WHICH_GROUPS = re.compile(r"\bhvilke\s+malgrupper\b(?!\s+(?:\w+\s+){0,3}?mal\b)")


def asks_which_groups_it_is_for(text: str) -> bool:
    """Whether ``text`` asks which target groups an initiative is for ("hvilke målgrupper er
    omfattet af branchespor?")."""
    return bool(_WHICH_GROUPS.search(fold(text)))
