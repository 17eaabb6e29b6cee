"""Does a message ask how a goal is going – or when it counts as reached? Cues for the domain gate.

"går det godt med at få flere flygtninge i arbejde i Norddjurs?" asks for a goal's status,
but its words are those of what the kommune does ("få flygtninge i arbejde"), and the
classifier hears an initiatives question or is unsure. A message that *begins* with "(og)
(hvordan) går det (så/egentlig/nu) (godt/skidt/…) med" or "hvordan står det til med", or
asks indirectly "(vil gerne vide,) hvordan det går/står til med" or "hvor langt de er nået
med", asks how something is going. Not
such a question: how the assistant or the user is ("hvordan går det med dig?") and all the
goals at once ("hvordan går det med målene?", an overview). Pure Python, used by
:mod:`components.domain_gate`.
"""

from __future__ import annotations

import re

from planbot.comparison import GOAL_CODE_IN_TEXT
from planbot.text import fold

_HOW_IT_GOES = re.compile(
    # "(og) (hvordan) går det (så) (godt) med …", "hvordan står det (så) til med …" first
    r"^(?:og\s+|men\s+|ok\s+)?(?:hvordan\s+)?"
    r"(?:gar\s+det\s+(?:sa\s+|egentlig\s+|nu\s+|overhovedet\s+)?"
    r"(?:(?:godt|skidt|darligt|fremad|bedre|vaerre|tilbage|den\s+rigtige\s+vej|den\s+forkerte\s+vej)\s+)?"
    r"|star\s+det\s+(?:sa\s+|egentlig\s+|nu\s+)?til\s+)med\b"
    # an indirect question anywhere: "jeg vil gerne vide, hvordan det står til med …"
    r"|\bhvordan\s+det\s+(?:sa\s+|egentlig\s+|nu\s+)?(?:gar|star\s+til)\s+med\b"
    # "hvordan ligger vi på den?", "og hvordan ligger kommunen så med det?" (the goal in play;
    # not "hvordan ligger vi på ledighed" nor "… med sine mål")
    r"|^(?:og\s+|men\s+)?hvordan\s+ligger\s+(?:vi|de|i|kommunen|jobcentret|det|den)\s+"
    r"(?:sa\s+|egentlig\s+|nu\s+)?(?:pa|med)\s+(?:den|det|dette|denne|malet)\b"
    # "… – har Norddjurs nået det, og hvis ikke, hvorfor?"
    r"|\bhar\s+(?:\w+\s+){0,2}?(?:naet|nat)\s+(?:det|den|malet|malsaetningen|succeskriteriet)\b"
    # "… vil gerne vide, hvor langt Norddjurs er nået med at få flere i ordinære timer"
    r"|\bhvor\s+langt\s+(?:\w+\s+){0,3}?(?:naet|kommet)\s+med\b"
    # "klarer morsø sig godt med at få flygtninge i arbejde"
    r"|^(?:og\s+|men\s+)?(?:hvordan\s+)?klarer\s+(?:\w+\s+){1,2}?sig\s+(?:sa\s+|egentlig\s+)?"
    r"(?:godt\s+|darligt\s+|skidt\s+)?med\s+(?:at\s+)?\w+"
    # "Følger Norddjurs landsgennemsnittet på integrationsmålet, eller halter vi bagefter?"
    r"|\bhalter\s+(?:vi|de|i|kommunen|jobcentret|det|den|\w+)\s+(?:\w+\s+)?(?:bagefter|bagud)\b"
    r"|^(?:og\s+|men\s+)?(?:folger|ligger)\s+(?:\w+\s+){0,2}?(?:pa\s+niveau\s+med\s+|over\s+|under\s+)?"
    r"landsgennemsnittet\s+(?:pa|med|for|i)\s+(?:\w+\s+)?\w*mal(?:et)?\b"
)
# the assistant or the user, and every goal or the whole plan (an overview)
_NOT_ONE_GOAL = re.compile(
    r"\bmed\s+(?:dig|jer|dem|mig|os)\b|\bmalene\b|\bmalsaetningerne\b|\balle\b|\bsamlet\b|\b\w*planen\b|\boverordnet\b"
    r"|\bmalopfyldelse\w*|\bresten\b|\bdet\s+hele\b"
)


def _with_later_sentences(text: str) -> list[str]:
    """The folded message, then each of its sentences after the first: a cue anchored at the
    start of a sentence may follow a preamble."""
    folded = fold(text).strip()
    return [s for s in (folded, *(s.strip() for s in re.split(r"[.!?:;]+\s+", folded)[1:])) if s]


def asks_how_it_goes(text: str) -> bool:
    """Whether ``text`` asks how a goal or an effort is going (see the module docstring),
    also in a sentence after a preamble ("Jeg har en borger, der … Generelt spurgt: hvordan
    går det med Norddjurs' mål om …?")."""
    return any(_HOW_IT_GOES.search(s) and not _NOT_ONE_GOAL.search(s) for s in _with_later_sentences(text))


# one goal referred back to: "hvordan står det til med den?", "… med målet?", "hvordan ligger vi på den?"
_ONE_GOAL_REFERENCE = re.compile(r"\b(?:med|pa)\s+(?:den|det|dette|denne|malet)\b")


def refers_to_one_goal(text: str) -> bool:
    """Whether a how-it-goes question is about one goal referred back to ("med den", "med
    målet"), or the message points at one goal ("netop det mål", "dette succeskriterie")."""
    folded = fold(text).strip()
    return (asks_how_it_goes(text) and bool(_ONE_GOAL_REFERENCE.search(folded))) or bool(
        _THIS_GOAL.search(folded)
    )


# "netop det mål", "dette succeskriterie", "det her delmål": one goal, pointed at
_THIS_GOAL = re.compile(
    r"\b(?:det|dette|denne|den)\s+(?:her\s+|der\s+|samme\s+|enkelte\s+)?(?:mal|delmal|succeskriterie|malsaetning|maltal)\b"
    # "status på succeskriteriet om samlet tilfredshed", "overblik over målet om samtaler"
    r"|\b(?:succeskriteriet|malet|delmalet|malsaetningen)\s+(?:om|for)\b"
)


# "når de det?", "naar vi målet?": whether the goal in play is reached (not "når" = when:
# "når jeg bliver ledig, hvad så?" has no pronoun or goal right after the subject)
_IF_REACHED = re.compile(
    r"^\W*(?:og\s+|men\s+)?(?:nar|naar)\s+(?:de|vi|i|man|kommunen|jobcentret)\s+"
    r"(?:sa\s+|egentlig\s+|nu\s+|overhovedet\s+)?(?:det|den|malet|maltallet|malsaetningen|succeskriteriet)\b"
    # "Vi satte os for, at andelen skulle op i 2024. Er det lykkedes?"
    r"|\ber\s+det\s+(?:sa\s+|egentlig\s+|nu\s+|faktisk\s+)?lykkedes\b|\blykkedes\s+det\b"
    # "Når Norddjurs sit mål om, at …?" (one goal; "sine mål" are all of them)
    r"|^\W*(?:og\s+|men\s+)?(?:nar|naar)\s+\w+\s+(?:sa\s+|egentlig\s+|nu\s+)?sit\s+mal\b"
)


# how a goal named by its code stands: "Målopfyldelse 1.3 ND – hvor står vi pt?", "Hvad med
# ordinære timer, 6.10 – hvordan ligger vi der?", "hvor ligger ND pt på delvise raskmeldinger, 6.9?"
_SUBJECT = r"(?:vi|de|i|kommunen|jobcentret|nd|ndj|mfj|mors|morso|norddjurs|mariagerfjord)"
_NAMED_GOAL_PROGRESS = re.compile(
    rf"\bhvor\s+(?:star|ligger)\s+{_SUBJECT}\b|\bhvordan\s+(?:ligger|star)\s+{_SUBJECT}\b"
    r"|\bmalopfyldelse\w*"
)
# "er maalet om ordinære timer i norddjurs naaet": whether the goal named is reached
_NAMED_GOAL_REACHED = re.compile(
    r"\ber\s+(?:malet|succeskriteriet|malsaetningen|delmalet)\s+(?:om|for)\s+(?:\S+\s+){1,6}?"
    r"(?:naet|indfriet|opfyldt|i\s+hus)\b"
)


def asks_how_a_named_goal_stands(text: str) -> bool:
    """Whether ``text`` asks how a goal named by its code stands ("Målopfyldelse 1.3 ND – hvor
    står vi pt?") or whether a goal named by its words is reached ("er maalet om ordinære timer
    i norddjurs naaet")."""
    folded = fold(text)
    named_and_progress = bool(GOAL_CODE_IN_TEXT.search(folded)) and bool(_NAMED_GOAL_PROGRESS.search(folded))
    return named_and_progress or bool(_NAMED_GOAL_REACHED.search(folded))


def asks_if_reached(text: str) -> bool:
    """Whether ``text`` asks if the goal in play is reached ("når de det?", "naar vi målet"),
    also in a sentence after a claim ("… skal have mindst 4 samtaler. når i det egentlig?")."""
    return any(_IF_REACHED.search(s) for s in _with_later_sentences(text))


# "hvornår skal det være nået?", "hvornår betragter man det som nået?", "hvad havde vi sat som
# mål for …?", "et mål for hvor mange …": the target, not the status
_WHEN_REACHED = re.compile(
    r"\bhvornar\b(?:\s+[\w.]+){1,5}?\s+(?:naet|opfyldt|indfriet)\b"
    # "hvad skal der til, før vi kan sige, at det første af dem er nået?"
    r"|\bhvad\s+skal\s+der\s+til\b,?(?:\s+[\w.]+,?){1,10}?\s+(?:naet|naaet|opfyldt|indfriet|lykkedes)\b"
    # "hvordan ved de, om de har nået det?": what counts as reached
    r"|\bhvordan\s+(?:ved|kan|skal)\s+(?:de|man|i|vi|kommunen|jobcentret)\s+(?:\w+\s+)?(?:om|at|hvornar|nar)\b"
    r"(?:\s+[\w.]+){1,4}?\s+(?:naet|naaet|opfyldt|indfriet|lykkedes|i\s+mal)\b"
    # what was set as the goal: "hvad var det nu lige, vi havde sat som mål for tilfredsheden?"
    # "hvad har Norddjurs egentlig sat som mål på fleksjobområdet?", "… vi havde sat som mål?"
    r"|\b(?:har|havde)\s+(?:\w+\s+){0,3}?sat\s+(?:sig\s+)?(?:som|af)\s+(?:mal|maltal|malsaetning)\b"
    # "hvad var det nu succeskriteriet for tilfredshed lød på?", "hvad lyder målet på?"
    r"|\b(?:succeskriteri\w*|maltal\w*|malsaetning\w*|malet|malvaerdi\w*)\b(?:\s+\S+){0,8}?\s+(?:lod|lyder)\s+pa\b"
    r"|\bhvad\s+(?:lod|lyder)\s+(?:\w+\s+){0,2}?(?:succeskriteri\w*|maltal\w*|malsaetning\w*|malet)\b"
    # "i notatet var der vist procentsatser på de samme, hvad lød de på?"
    r"|\b(?:procentsats\w*|maltal\w*|malsaetning\w*|succeskriteri\w*)\b[^?]{0,60}?\bhvad\s+(?:lod|lyder)\s+(?:de|den|det)\s+pa\b"
    # "hvad var det nu, succeskriteriet for … var", "… – hvad er succeskriteriet"
    # "hvad er så Mariagerfjords succeskriterier, når det gælder benchmarken?"
    r"|\bhvad\s+(?:var|er)\s+(?:det\s+(?:nu\s*)?,?\s*)?(?:(?:sa|egentlig|nu)\s+)*(?:\w+s\s+)?"
    r"(?:succeskriteriet|succeskriterium|succeskriterie|succeskriterier|maltallet"
    r"|maltal|malsaetningen|malsaetning)\b"  # one goal's, not "målsætningerne" (the list)
    # staff shorthand: "målværdi 6.3 Norddjurs", "måltal for 1.2"
    r"|^\W*(?:malvaerdi\w*|maltal\w*|basisar\w*|basear\w*|baseline\w*)\b"
    # "hvor mange unge skal have en uddannelse i norddjurs til 2030", "hvor tilfredse skal borgerne
    # være … senest i 2024": how many or how much by a deadline is the target
    r"|\bhvor\s+(?:mange|stor\s+en\s+andel|stor\s+en\s+del|tilfredse|hoj|hojt)\b(?:\s+[\w.]+){0,5}?\s+skal\b"
    r"(?:\s+[\w.]+){0,8}?\s+(?:i|senest(?:\s+i)?|til|frem\s+mod|i\s+lobet\s+af)\s+20\d\d\b"
    # "hvor mange unge vil norddjurs have til at tage en erhvervsuddannelse?", "hvor mange unge
    # skal ha en ungdomsuddannelse": how many people the kommune wants somewhere is a target (not
    # "hvor mange praktikpladser skal praktikbanken finde?", a figure of an initiative)
    r"|\bhvor\s+mange\s+(?:af\s+)?(?:de\s+)?(?:unge|borgere|borgerne|ledige|elever|eleverne|personer|folk|flygtninge"
    r"|sygemeldte|\w+modtagere|\w*ledige)\s+(?:\w+\s+){0,2}?(?:vil|skal|onsker|bor)\s+(?:\w+\s+){0,2}?"
    r"(?:have|ha|fa)\s+(?:til\s+at|i\s+gang|i\s+job|i\s+uddannelse|en|et|ud)\b"
    # staff shorthand: "1.3 norddjurs – succeskrit?", "3a, hvad er målet i %?"
    r"|\bsucceskrit\b|\bhvad\s+er\s+malet\s+i\s+(?:%|procent|pct)"
    # "Hvad er målet for 6.3 i Norddjurs, i pct.?", "hvad er maalet helt præcist, hvor mange procent"
    r"|\bhvad\s+er\s+(?:sa\s+)?malet\b[^?]{0,40}?\b(?:i\s+(?:%|procent|pct)|hvor\s+mange\s+(?:procent|pct))"
    r"|\bhvor\s+mange\s+(?:procent|pct)\s+er\s+malet\b"
    # "målsætning for 6.11?", "MFJ notat: målværdi og deadline på 3a?"
    r"|\bmalsaetning(?:en)?\s+(?:for|pa|i)\s+(?:mal\s+)?\d"
    r"|\bmalvaerdi\w*\s+(?:og\s+(?:deadline|frist|tidsfrist)\s+)?(?:for|pa|i)\b"
    # "har kommunen et mål for, hvor mange der skal til samtaler?"
    # "hvad er kommunens mål for hvor mange samtaler de ledige skal have?"
    r"|\b(?:et|noget|nogen|kommunens|jeres|deres|vores|planens|jobcentrets)\s+(?:mal|malet|maltal|malsaetning)"
    r"\s+for,?\s+hvor\s+(?:mange|stor|meget|hoj|hurtigt)\b"
    # one measure: "hvad er kommunens maal for ledigheden blandt fleksjobbere?"
    r"|\bhvad\s+er\s+(?:sa\s+)?(?:kommunens|jeres|deres|vores|planens|jobcentrets|\w+s)\s+(?:mal|malet)\s+for\s+"
    r"(?:ledigheden|ledighedsprocenten|andelen|antallet|niveauet|besaettelsesgraden|tilfredsheden|afgangen|svartiden)\b"
)


def asks_when_reached(text: str) -> bool:
    """Whether ``text`` asks when a goal counts as reached: its target and deadline."""
    return bool(_WHEN_REACHED.search(fold(text)))


# how far the goals have come: an overview of their status, not a list of them
_PROGRESS = re.compile(
    r"\b(?:\w*status\w*|statsu|hvordan|malopfyld\w*|mangler|lever|helhedsbillede\w*|folger\s+(?:\w+\s+)?med|i\s+mal|gar|gik|gaet|star\s+til|naet|nar|naar|klare[rt]?|bagud|bagefter|foran|gron\w*|rod\w*"
    r"|gul\w*|sporet|kurs|rette\s+vej|i\s+hus|indfri\w*|opfyld\w*|scorecard|dashboard|stilling\w*|halte\w*"
    r"|resultat\w*|udvikl\w*|ligger|performe\w*|fremskridt\w*|langt|overblik\w*|billede\w*|tal|tallene"
    r"|opgorelse\w*|trafiklys\w*|malt|maling\w*)\b"
)


def mentions_progress(text: str) -> bool:
    """Whether ``text`` asks how far goals have come ("hvor langt er de?", "overblik",
    "hvilke er røde") – an overview – rather than only which goals there are."""
    return bool(_PROGRESS.search(fold(text)))


# "skal bruge status på 1.3 til opfølgningsnotatet": a status asked for outright, not how,
# how often or to whom it is reported ("hvor ofte får udvalget status på 1.2?")
_STATUS_ON = re.compile(r"\bstatus\s+(?:pa|for)\b")
_HOW_REPORTED = re.compile(r"\b(?:hvor\s+ofte|hvor\s+tit|hvornar|hvem|hvordan|hvilke\s+data|datakilde\w*)\b")


def asks_for_status_outright(text: str) -> bool:
    """Whether ``text`` asks for a status outright, without asking how it is reported."""
    folded = fold(text)
    return bool(_STATUS_ON.search(folded)) and not _HOW_REPORTED.search(folded)


# "har du aktuel status på den?", "status for det mål": the status of the goal in play
_STATUS_OF_THE_GOAL_IN_PLAY = re.compile(
    r"\bstatus\s+(?:pa|for)\s+(?:den|det|dette|denne|malet|det\s+mal|den\s+her|det\s+her)\b(?!\s+\w+\s+(?:mal|plan))"
)


def asks_status_of_the_goal_in_play(text: str) -> bool:
    """Whether ``text`` asks outright for the status of the goal in play ("har du aktuel
    status på den?"), not how it is reported ("hvor tit gives der status på den?")."""
    folded = fold(text)
    return bool(_STATUS_OF_THE_GOAL_IN_PLAY.search(folded)) and not _HOW_REPORTED.search(folded)


# "går det egentlig godt med de mål, kommunen har sat sig?", "hvordan står det til med
# målene?": how all the goals go, an overview (not "målet om …", one goal)
_HOW_THE_GOALS_GO = re.compile(
    r"\b(?:gar|star)\s+det\s+(?:\w+\s+){0,3}?(?:til\s+)?med\s+(?:alle\s+)?"
    # "de mål" is plural; "kommunens mål om …" may be one goal
    r"(?:de\s+(?:\w+\s+)?mal\b(?!\s+(?:om|for\s+at)\b)"
    r"|(?:de|vores|jeres|kommunens|deres|planens)\s+(?:\w+\s+)?malsaetninger\b|malene\b|malsaetningerne\b"
    # "hvordan gaar det med kommunens maal paa mors" (not "kommunens mål om …", one goal)
    r"|(?:kommunens|deres|jeres|vores|planens)\s+mal\b(?!\s+(?:om|for|at)\b))"
    # "når jobcenter mors egentlig de mål, de har sat sig?", "når de deres mål?", "hvor står vi
    # ift. fokusmålene?"
    r"|\b(?:nar|naar)\s+(?!det\s+(?:gaelder|galder|drejer\s+sig\s+om)\b)(?:\w+\s+){1,3}?(?:(?:de|deres|sine|vores|jeres|kommunens)\s+mal\b(?!\s+(?:om|for\s+at)\b)|\w*malene\b)"
    r"|\bhvor\s+star\s+(?:\w+\s+){1,2}?(?:ift\.?|i\s+forhold\s+til|med|pa)\s+(?:alle\s+)?\w*malene\b"
    # "kort status på samtlige mål i Mariagerfjord", "status for alle målene"
    r"|\bstatus\s+(?:pa|for|over)\s+(?:alle|samtlige)\s+(?:\w+\s+)?(?:de\s+)?\w*mal(?:ene)?\b(?!\s+(?:om|for|inden\s+for)\b)"
    # "status på dem?", "hvordan går det med dem alle?" right after a list of goals
    r"|^\W*(?:(?:og|men|ok)\W+)?status\s+(?:pa|for)\s+(?:dem|dem\s+alle|disse|dem\s+her)\W*$"
    r"|^\W*(?:(?:og|men|ok)\W+)?hvordan\s+(?:gar|star)\s+det\s+(?:sa\s+)?med\s+dem\s+alle\W*$"
    # "hvordan klarer morsø sig med deres maal alt i alt"
    r"|\bklare[rt]?\s+(?:\w+\s+){0,2}?sig\s+(?:\w+\s+){0,2}?(?:med|pa)\s+(?:deres|sine|vores|jeres|kommunens|de)\s+mal\b(?!\s+(?:om|for)\b)"
)


def asks_how_the_goals_go(text: str) -> bool:
    """Whether ``text`` asks how all of a plan's goals go (see above), naming no goal code."""
    folded = fold(text)
    return bool(_HOW_THE_GOALS_GO.search(folded)) and not GOAL_CODE_IN_TEXT.search(folded)


# "hvordan ser overblikket så ud dér?": an overview asked for by name
_OVERVIEW_WORD = re.compile(r"\boverblik(?:ket)?\b")


def asks_for_an_overview(text: str) -> bool:
    """Whether ``text`` asks for the overview by name ("hvordan ser overblikket ud?"), not for
    one goal's ("overblik over mål 6.10", "… over målet om samtaler")."""
    folded = fold(text)
    return (
        bool(_OVERVIEW_WORD.search(folded))
        and not GOAL_CODE_IN_TEXT.search(folded)
        and not _THIS_GOAL.search(folded)
    )
