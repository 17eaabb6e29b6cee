"""Does a message ask what a word means? A cue for the domain gate.

"hvad menes der helt konkret med benchmark?", "fgu …, hvad er det for en skole?" and
"hvad betyder fleksjob?" ask for a definition; the classifier sometimes hears a goal or a
plan question in them because the term also names goals. The domain gate answers with
the glossary when such a cue meets a recognised term (the ``term`` entity). The cues are
narrow on purpose, and a message about a goal ("hvad betyder målet om progression", "hvad
står 6.13 for") or about the user's own situation ("hvad betyder det for mig") is not a
definition request. "hvad er" alone is a cue only right before the term, with nothing but
"så", "egentlig" or a punctuation mark after it ("og hvad er igu så, min nabo …"), so that
"hvad er fleksjob-målet i Norddjurs" stays a goal question. Pure Python, used by :mod:`components.domain_gate`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from planbot.text import fold

_CUE = re.compile(
    r"\bhvad\s+(?:menes|mener\s+\w+|forstas)\s+(?:der\s+)?(?:\w+\s+){0,2}(?:med|ved)\b"  # hvad menes der (helt konkret) med
    r"|\bhvad\s+(?:man|de|i|der)\s+(?:\w+\s+)?(?:mener|forstar)\s+(?:\w+\s+){0,2}?(?:med|ved)\b"  # (forklar,) hvad man forstår ved
    r"|\bhvad\s+betyder\b"
    r"|\bhvad\s+(?:vil|skal)\s+(?:\w+\s+){0,2}sige\b"  # hvad vil det sige / hvad vil benchmark sige
    r"|\bhvad\s+star\s+\S+\s+for\b"  # hvad står STU for
    r"|\bbetydning(?:en)?\s+af\b|\bdefinition(?:en)?\s+(?:af|pa)\b|\bdefiner\b"
    r"|\bforstar\s+ikke\s+(?:ordet|begrebet)\b|\bbegrebet\b|\b(?:det|dette)\s+(?:begreb|ord)\b"
    r"|\bhvad\s+daekker\s+(?:\S+\s+){0,3}over\b"  # hvad dækker det begreb (egentlig) over
    r"|\bhvad\s+er\s+(?:\S+\s+){1,3}for\s+(?:en|et|noget)\b"  # hvad er det for en skole
)
# a goal or the user's own case: not a question about a word
_NOT_A_TERM_QUESTION = re.compile(
    r"\b(?:mal|malet|malene|delmal|delmalet|succeskriteri\w*|malsaetning\w*)\b|\bfor\s+(?:mig|os)\b"
)


# "hvad er IGU?", "og hvad er fleksjob egentlig, min nabo …": the term is the whole subject
_BEFORE_TERM = re.compile(r"\bhvad\s+er\s+(?:(?:en|et|egentlig|sa|nu|lige)\s+)*$")
_AFTER_TERM = re.compile(
    r"^(?:\s*(?:sa|egentlig|da|nu|for\s+noget|for\s+en\s+storrelse|helt\s+praecist|praecist|praecis))*"
    r"\s*(?:[?.!,;:]|$)"
)


def _asks_what_term_is(text: str, term_spans: Iterable[tuple[int, int]]) -> bool:
    """Whether "hvad er" directly asks for one of the terms at ``term_spans`` and nothing more."""
    return any(
        _BEFORE_TERM.search(fold(text[:start])) and _AFTER_TERM.search(fold(text[end:]))
        for start, end in term_spans
    )


def asks_for_definition(text: str, term_spans: Iterable[tuple[int, int]] = ()) -> bool:
    """Whether ``text`` asks what a word means (see the module docstring).

    Args:
        text: The user's message.
        term_spans: (start, end) of the recognised terms in ``text``; with them a bare
            "hvad er <term>?" is a definition request too.
    """
    folded = fold(text)
    if _NOT_A_TERM_QUESTION.search(folded):
        return False
    return bool(_CUE.search(folded)) or _asks_what_term_is(text, term_spans)
