"""Messages that only name a place: a comparison ("er det flere end på Samsø?") or an
answer to "which kommune?" ("Morsø, selvfølgelig").

Shared by the action server (which answers a comparison fragment with the previous
Jobindsats figure for both places) and the NLU domain gate (which labels such messages
``compare_kommuner`` and ``inform_kommune``). Text only: no database, so both
environments can use it.
"""

from __future__ import annotations

import re

from planbot.text import fold, only_filler_and

# "end", "i forhold til", "sammenlignet med": the message compares with what it names
COMPARISON_CUE = re.compile(
    r"\b(?:end|i\s+forhold\s+til|ift|sammenlign(?:et)?\s+(?:med|m\b\.?)|(?:til\s+)?sammenligning(?:\s+med)?"
    # staff shorthand: "sammenhold m. Norddjurs"
    r"|sammenhold(?:t|e)?\s+(?:med|m\b\.?)|kontra|versus|vs|(?:holdt|målt|malt|stillet|set|sat)\s+op\s+(?:i)?mod"
    # "Sæt det gerne op imod Høje-Taastrup", "hold dem op mod landet"
    r"|(?:sæt|saet|hold|stil|mål|mal)\s+(?:\w+\s+){1,2}?op\s+(?:i)?mod"
    # "forskellen på opfølgningen i ND's og MFJ's planer" (with two kommuner named)
    r"|forskel(?:len|lene)?\s+(?:på|pa|mellem)"
    # "hvordan følger Norddjurs og Mariagerfjord hver især op?"
    r"|hver\s+(?:især|isaer|for\s+sig)"
    # "Sammenlign opfølgningen i Norddjurs og Mariagerfjord" (with two kommuner named)
    r"|(?<![\w-])sammenlign(?:e)?\s+(?!med\b)\w+"
    # "hvem har flest?", "hvilken af dem ligger højest?"
    r"|(?:hvem|hvilken|hvilke|hvor)\s+(?:\w+\s+){0,3}?(?:flest|mest|færrest|faerrest|højest|hojest|lavest"
    r"|størst|storst|mindst))\b",
    re.IGNORECASE,
)
NATIONAL_ENTITY_VALUE = "Hele landet"  # the kommune entity's canonical value for the country
NATIONAL_IN_TEXT = re.compile(
    r"\b(?:hele\s+landet|resten\s+af\s+landet|landet\s+som\s+helhed|landsplan|landsgennemsnit(?:tet)?"
    r"|landstal(?:let|lene)?|danmark)\b",
    re.IGNORECASE,
)
GOAL_CODE_IN_TEXT = re.compile(r"\b\d{1,2}\.\d{1,2}\b")
# A goal of the plans: "målet om …", "målsætningen", "6.3". One kommune's goal measured
# against the country is that goal's status (whose answer gives the national figure).
GOAL_WORDS = re.compile(
    r"\bm(?:å|aa|a)l(?:et|ene|s(?:æ|ae)tning(?:en)?)?\b|" + GOAL_CODE_IN_TEXT.pattern, re.IGNORECASE
)

# words a kommune-only fragment may have besides the kommune ("og hvordan ser det ud i Morsø?")
KOMMUNE_FRAGMENT_FILLER = {
    "se",
    "ser",
    "ud",
    "sta",
    "star",
    "forhold",
    "kommune",
    "kommunen",
    "sa",
    "da",
    "henne",
    "me",  # "hvad me nastved": a typo of "med"
}
# words a comparison fragment may have besides the kommune ("er det flere end på Samsø?")
_COMPARISON_WORDS = (
    "flere fler mange faerre farre mere mindre hoj hojere lav lavere stor storre god bedre "
    "darlig darligere vaerre varre forhold sammenlign sammenlignet sammenligne sammenligning sammenhold "
    "sammenholdt sammenholde ift ligge m "
    "ligger kontra versus holdt malt male stillet op mod imod "
    "tal tallet tallene hel hele land landet landsplan landsgennemsnit landsgennemsnittet landstal landstallet "
    "rest resten helhed "
    # "Sæt det gerne op imod Høje-Taastrup"
    "saet saette hold stil gerne lige"
)
COMPARISON_FILLER = KOMMUNE_FRAGMENT_FILLER | set(_COMPARISON_WORDS.split())
MAX_FRAGMENT_WORDS = 10


# "hvem af de to ligger bedst?", "hvilken af dem har den laveste ledighed?": which of the
# places just shown comes out on top (a "which of them" and a word that ranks)
_WHICH_OF_THEM = re.compile(
    r"\b(?:hvem|hvilken|hvilke|hvad)\s+af\s+(?:de\s+(?:to|tre|kommuner)|dem|kommunerne|begge)\b"
    r".*\b(?:bedst|bedre|værst|vaerst|varst|dårligst|daarligst|darligst|dårligere|darligere|højest|hojest"
    r"|højere|hojere|lavest|lavere|flest|flere|færrest|faerrest|farrest|mest|mindst|størst|storst|klarer)e?\b",
    re.IGNORECASE,
)


# "stil de to op mod hinanden", "sammenlign dem", "hvordan ligger de to kommuner på
# ledigheden?", "hvordan ligger de to i forhold til landsplan?": the places in play side by side
_THE_PLACES_IN_PLAY = re.compile(
    r"\b(?:sammenlign\w*|stil|saet|sæt|hold)\s+(?:lige\s+)?(?:de\s+to|dem(?:\s+begge)?|begge(?:\s+to)?)"
    r"(?:\s+op\s+(?:i)?mod\s+hinanden)?\W*$"
    r"|\b(?:stil|saet|sæt|hold)\w*\s+(?:\w+\s+){0,3}?op\s+(?:i)?mod\s+hinanden\b"
    r"|\b(?:de\s+to|begge|begge\s+to|de\s+tre|alle\s+tre)\s+kommuner\b"
    r"|\bhvordan\s+(?:ligger|klarer|star)\s+(?:de\s+to|begge|dem\s+begge)\b",
    re.IGNORECASE,
)


def compares_the_places_in_play(text: str) -> bool:
    """Whether ``text`` compares the places in play without naming them: which of them ranks
    first ("hvem af de to ligger bedst?") or all of them side by side ("stil de to op mod
    hinanden", "hvordan ligger de to kommuner på ledigheden?"); not goals ("hvilket af de to
    mål …")."""
    return bool(_WHICH_OF_THEM.search(text) or _THE_PLACES_IN_PLAY.search(text)) and not GOAL_WORDS.search(
        text
    )


def is_comparison_text(text: str, places: list[str]) -> bool:
    """Whether ``text`` only compares the previous figure with ``places`` or the country.

    It names another kommune (``places``, as extracted) or the whole country, has a
    comparison cue ("end", "i forhold til", "sammenlignet med"), no goal code, at most
    ten words, and nothing else of its own: "er det flere end i Jammerbugt?", "hvad med
    i forhold til hele landet?".
    """
    folded = [fold(place) for place in places]
    if not (folded or NATIONAL_IN_TEXT.search(text)) or not COMPARISON_CUE.search(text):
        return False
    if len(text.split()) > MAX_FRAGMENT_WORDS or GOAL_CODE_IN_TEXT.search(text):
        return False
    return only_filler_and(text, COMPARISON_FILLER, folded)


# words a bare answer with a kommune may have besides the name ("Morsø, selvfølgelig", "ja, Morsø Kommune")
PLACE_ANSWER_FILLER = {
    "selvfolgelig", "naturligvis", "klart", "ja", "jo", "nej", "ok", "okay", "tak", "gerne", "bare",
    "kommune", "kommunen", "taenke", "taenkte", "mene", "mener", "mente",
    # "det drejer sig om Mariagerfjord", "det gælder Morsø", "jeg spørger til Norddjurs"
    "drejer", "dreje", "sig", "om", "handler", "handle", "gaelder", "gaelde", "sporger", "sporge", "til",
    "taler", "tale", "snakker", "snakke",
    "me",  # "hvad me nastved": a typo of "med"
    # "jobcentret i Nykøbing Mors": the kommune's jobcenter names the kommune
    "jobcenter", "jobcentret", "jobcenteret",
    # "og inde i Herlev", "ovre på Samsø"
    "inde", "ude", "oppe", "nede", "ovre", "derinde", "derovre",
    # "MFJ tilsvarende?", "samme for Morsø": the previous question for that kommune
    "tilsvarende", "ligeledes", "ligesa", "samme",
    # "hvordan ser det (tilsvarende) ud i Hvidovre?": the previous question for that place
    "hvordan", "se", "ser", "ud",
    # "Nå. Så tager vi Mariagerfjord i stedet.", "prøv med Norddjurs i stedet"
    "na", "tag", "tage", "tager", "prov", "prove", "sted", "stedet", "istedet", "istedetfor",
}  # fmt: skip
MAX_PLACE_ANSWER_WORDS = 8


# "og i Odder, hvor min kæreste arbejder?": who the user knows there, not a question of its own
_WHO_IS_THERE = re.compile(
    r",?\s*\bhvor\s+(?:min|mit|mine|jeg|vi|vores|han|hun|de|en|et)\b[^?.!]*"
    # "Det er Mariagerfjord, jeg sidder i byrådet dernede."
    r"|,\s*(?:jeg|vi)\s+(?:sidder|bor|arbejder)\b(?:(?!\b(?:hvad|hvordan|hvilke\w*|hvor|hvem|hvornar|hvornår|kan|gor|gør)\b)[^?!])*$",
    re.IGNORECASE,
)


def without_who_is_there(text: str) -> str:
    """``text`` without a clause that says who the user knows in the place it names."""
    return _WHO_IS_THERE.sub(" ", text)


# the plan of the kommune named with it: "MFJ, 24-27", "BP24", "Mariagerfjord, den nye plan"
_PLAN_NAMED_WITH_IT = re.compile(
    r"\b(?:bp\s*)?(?:20)?\d{2}\s*[-–/]\s*(?:20)?\d{2}\b|\bbp\s*(?:20)?\d{2}\b"
    r"|\b(?:den\s+|det\s+)?(?:nye|nyeste|gamle|seneste|forrige)\s+(?:plan|planen|strategi|strategien|notat|notatet)\b",
    re.IGNORECASE,
)


def names_a_plan_with_the_place(text: str) -> bool:
    """Whether a place answer names the plan too ("MFJ, 24-27"): a plan, not the user's case."""
    return bool(_PLAN_NAMED_WITH_IT.search(text))


def is_place_answer(text: str, places: list[str]) -> bool:
    """Whether ``text`` only names kommuner ("Morsø, selvfølgelig", "det er Norddjurs",
    "jeg tænkte på Morsø"), perhaps with the plan ("MFJ, 24-27", "Mariagerfjord, den nye
    plan"): the answer to "which kommune?", or the previous question asked for another
    place. No comparison cue (that is :func:`is_comparison_text`), no other number."""
    text = _PLAN_NAMED_WITH_IT.sub(" ", text)
    folded = [fold(place) for place in places]
    if not folded or len(text.split()) > MAX_PLACE_ANSWER_WORDS or COMPARISON_CUE.search(text):
        return False
    if any(char.isdigit() for char in text):
        return False
    return only_filler_and(text, PLACE_ANSWER_FILLER, folded)


def is_goal_number(value: str) -> bool:
    """Whether a bare number can be a goal's number: the plans number their goals 1–9 ("mål
    3"); "min søn på 19" gives an age, not goal 19."""
    return not value.strip().isdigit() or 1 <= int(value) <= 9
