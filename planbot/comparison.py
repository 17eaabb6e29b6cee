"""The words of a comparison between kommuner ("er det flere end på Samsø?").

Shared by the action server (which answers a comparison fragment with the previous
Jobindsats figure for both places) and the NLU comparison gate (which labels such a
fragment ``compare_kommuner``). Text only: no database, so both environments can use it.
"""

from __future__ import annotations

import re

from planbot.text import fold, only_filler_and

# "end", "i forhold til", "sammenlignet med": the message compares with what it names
COMPARISON_CUE = re.compile(
    r"\b(?:end|i\s+forhold\s+til|sammenlign(?:et)?\s+med|kontra|versus|vs)\b", re.IGNORECASE
)
NATIONAL_IN_TEXT = re.compile(r"\b(?:hele\s+landet|landsplan|landsgennemsnittet|danmark)\b", re.IGNORECASE)
GOAL_CODE_IN_TEXT = re.compile(r"\b\d{1,2}\.\d{1,2}\b")

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
}
# words a comparison fragment may have besides the kommune ("er det flere end på Samsø?")
_COMPARISON_WORDS = (
    "flere fler mange faerre farre mere mindre hoj hojere lav lavere stor storre god bedre "
    "darlig darligere vaerre varre forhold sammenlignet sammenligne ligge ligger kontra versus "
    "tal tallet tallene hel hele land landet landsplan landsgennemsnit landsgennemsnittet"
)
COMPARISON_FILLER = KOMMUNE_FRAGMENT_FILLER | set(_COMPARISON_WORDS.split())
MAX_FRAGMENT_WORDS = 10


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
