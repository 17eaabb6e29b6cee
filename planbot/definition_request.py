"""Does a message ask what a word means? A cue for the domain gate.

"hvad menes der helt konkret med benchmark?", "fgu …, hvad er det for en skole?" and
"hvad betyder fleksjob?" ask for a definition; the classifier sometimes hears a goal or a
plan question in them because the term also names goals. The domain gate answers with
the glossary when such a cue meets a recognised term (the ``term`` entity). The cues are
narrow on purpose, and a message about a goal ("hvad betyder målet om progression", "hvad
står 6.13 for") or about the user's own situation ("hvad betyder det for mig") is not a
definition request – unless the word is named as a word ("hvad ligger der i ordet benchmark,
når de bruger det i målene?"). "hvad er" alone is a cue only right before the term, with nothing but
"så", "egentlig" or a punctuation mark after it ("og hvad er igu så, min nabo …"), so that
"hvad er fleksjob-målet i Norddjurs" stays a goal question. Pure Python, used by :mod:`components.domain_gate`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from planbot.curated import KNOWLEDGE_DIR
from planbot.text import fold

_CUE = re.compile(
    r"\bhvad\s+(?:menes|mener\s+\w+|forstas)\s+(?:der\s+)?(?:\w+\s+){0,2}(?:med|ved)\b"  # hvad menes der (helt konkret) med
    r"|\bhvad\s+(?:man|de|i|der)\s+(?:\w+\s+)?(?:mener|forstar)\s+(?:\w+\s+){0,2}?(?:med|ved)\b"  # (forklar,) hvad man forstår ved
    r"|\bhvad\s+betyder\b|\bhvad\s+det\s+(?:indebaerer|betyder)\b"
    r"|\bhvad\s+(?:vil|skal)\s+(?:\w+\s+){0,2}sige\b"  # hvad vil det sige / hvad vil benchmark sige
    r"|\bhvad\s+star\s+\S+\s+for\b"  # hvad står STU for
    r"|\bbetydning(?:en)?\s+af\b|\bdefinition(?:en)?\s+(?:af|pa)\b|\bdefiner\b"
    r"|\bdef\.?\s+(?:af|pa)\b"  # staff shorthand: "en kort def af rsf til et borgerbrev"
    r"|^\W*(?:kort\s+)?def\.?\s+(?=\w)"  # "def. besættelsesgrad"
    r"|(?:^|\s)(?:kort\s+)?(?:def|definition)\.?\W*$"  # "RSF – def.?", "besættelsesgrad definition?"
    r"|^[^=]{1,40}=\s*(?:hvad\b|\?)"  # "besættelsesgrad = hvad?", "RSF = ?"
    r"|\bforstar\s+ikke\s+(?:ordet|begrebet|udtrykket)\b|\bbegrebet\b|\budtrykket\b|\b(?:det|dette)\s+(?:begreb|ord|udtryk)\b"
    r"|\bhvad\s+ligger\s+der\s+(?:\w+\s+){0,2}i\s+ordet\b"  # hvad ligger der (egentlig) i ordet benchmark
    r"|\bhvad\s+ligger\s+der\s+(?:\w+\s+){0,2}i\s+(?:det|dette|det\s+her)\s+(?:begreb|ord|udtryk)\b"
    r"|\bhvad\s+daekker\s+(?:\S+\s+){0,4}over\b"  # hvad dækker det begreb (egentlig) over
    r"|\bhvad\s+er\s+(?:\S+\s+){1,3}for\s+(?:en|et|noget)\b"  # hvad er det for en skole
)
# the word asked about is named as a word ("i ordet benchmark", "begrebet 'fleksjob'"): a
# question about the word, also when it goes on about goals ("… når de bruger det i målene")
# or quoted after the goal it was read in ("I målet om jobformidling står der noget om
# 'besættelsesgrad'. Hvad betyder det?")
_NAMED_AS_A_WORD = re.compile(
    r"\b(?:ordet|begrebet|udtrykket)\s+['\"»«]?\w|(?:^|\s)['\"»«‘“][\w-]+(?:\s[\w-]+)?['\"»«’”](?=[\s.,?!]|$)"
)
# a goal or the user's own case: not a question about a word
_NOT_A_TERM_QUESTION = re.compile(
    r"\b(?:mal|malet|malene|delmal|delmalet|succeskriteri\w*|malsaetning\w*)\b|\bfor\s+(?:mig|os)\b"
    r"|\b\w+malet\b"  # one goal by its kind ("fokusmålet"); "ministermålene" in general is a term
)


# "hvad er IGU?", "og hvad er fleksjob egentlig, min nabo …": the term is the whole subject
_BEFORE_TERM = re.compile(
    r"\bhvad\s+(?:er|betyder|menes\s+(?:der\s+)?med)\s+"
    r"(?:(?:en|et|egentlig|sa|nu|lige|overhovedet|ordet|udtrykket|det\s+der|den\s+der|det\s+her)\s+)*$"
)
_AFTER_TERM = re.compile(
    r"^(?:\s*(?:sa|egentlig|da|nu|overhovedet|for\s+noget|for\s+en\s+storrelse|helt\s+praecist|praecist|praecis"
    # "hvad er en benchmark så i den sammenhæng?": the term in the sense just mentioned
    r"|i\s+(?:den|denne|det)\s+(?:her\s+)?(?:sammenhaeng|forbindelse)|her))*"
    r"\s*(?:[?.!,;:]|$)"
)


def _asks_what_term_is(text: str, term_spans: Iterable[tuple[int, int]]) -> bool:
    """Whether "hvad er" directly asks for one of the terms at ``term_spans`` and nothing more."""
    return any(
        _BEFORE_TERM.search(fold(text[:start])) and _AFTER_TERM.search(fold(text[end:]))
        for start, end in term_spans
    )


# "hvad er fgu for noget min søn har fået foreslået": the term asked about directly, whatever
# story follows
_DIRECTLY_AFTER_TERM = re.compile(r"^\s*(?:(?:egentlig|sa|nu)\b\s*)?(?:[?.!,;:]|for\s+(?:noget|en|et)\b|$)")


# "… skal på fgu, hvad er det for noget egentlig": the term, then the question what it is
_WHAT_IS_IT_AFTER_TERM = re.compile(
    # the term's sentence may end first ("… i Norddjurs' gamle strategi. Hvad er det helt præcist?")
    r"^[^?!]{0,80}?\bhvad\s+(?:er\s+det(?:\s+for\s+(?:noget|en\s+\w+|et\s+\w+))?"
    # "…, hvad betyder det overhovedet?"
    r"|betyder\s+det|vil\s+det\s+sige|indebaerer\s+det)"
    r"(?:\s+(?:egentlig|lige|sa|for\s+noget|helt\s+praecist|praecist|praecis|overhovedet))*\s*[?.!]*\s*$"
)


def asks_directly_what_term_is(text: str, term_spans: Iterable[tuple[int, int]]) -> bool:
    """Whether "hvad er <term>" is followed by nothing, a punctuation mark or "for noget",
    or the term ends with "…, hvad er det for noget?": a definition request that beats a
    guess at the user's own case."""
    return any(
        (_BEFORE_TERM.search(fold(text[:start])) and _DIRECTLY_AFTER_TERM.search(fold(text[end:])))
        or _WHAT_IS_IT_AFTER_TERM.search(fold(text[end:]))
        for start, end in term_spans
    )


def names_the_term_in_the_question(text: str, term_spans: Iterable[tuple[int, int]]) -> bool:
    """Whether "hvad er/betyder <term>" asks for the term by name, followed by nothing, a
    punctuation mark or "for noget/en størrelse" ("… – hvad er jobindsats.dk for en
    størrelse?", "Hvad betyder besættelsesgrad? Den indgår i 6.1"): a definition request
    even with goal codes, unlike "6.3 – fgu, hvad er det?"."""
    return any(
        _BEFORE_TERM.search(fold(text[:start])) and _DIRECTLY_AFTER_TERM.search(fold(text[end:]))
        for start, end in term_spans
    )


# "Forskel på aktivitetsparat og jobparat?", "hvad er forskellen mellem fleksjob og løntilskud"
_DIFFERENCE = re.compile(r"\bforskel(?:len|lene)?\s+(?:pa|mellem)\b")


def asks_for_a_difference(text: str) -> bool:
    """Whether ``text`` asks for the difference between things ("Forskel på aktivitetsparat og
    jobparat?"); with two terms named, a definition request."""
    return bool(_DIFFERENCE.search(fold(text)))


def asks_for_definition(text: str, term_spans: Iterable[tuple[int, int]] = ()) -> bool:
    """Whether ``text`` asks what a word means (see the module docstring).

    Args:
        text: The user's message.
        term_spans: (start, end) of the recognised terms in ``text``; with them a bare
            "hvad er <term>?" is a definition request too.
    """
    question_end = text.find("?") + 1
    if 0 < question_end < len(text.rstrip()) and any(end <= question_end for _, end in term_spans):
        # "Hvad betyder besættelsesgrad egentlig? Det indgår i vores mål om jobformidling": the
        # question that names the term decides, not the goal the sentence after it mentions
        asked = [(start, end) for start, end in term_spans if end <= question_end]
        if asks_for_definition(text[:question_end], asked):
            return True
    folded = fold(text)
    cued = bool(_CUE.search(folded))
    if cued and _NAMED_AS_A_WORD.search(folded):
        return True
    if _NOT_A_TERM_QUESTION.search(folded):
        return False
    return cued or _asks_what_term_is(text, term_spans)


GLOSSARY_FILE = KNOWLEDGE_DIR / "glossary.yaml"
# inflected forms of a glossary term: "ministermålene", "branchesporet", "fleksjobbet"
INFLECTION = r"(?:en|et|ene|erne|er|e|s|ets|ens)?"


@lru_cache(maxsize=1)
def glossary_entries(path: Path = GLOSSARY_FILE) -> tuple[dict[str, Any], ...]:
    """The glossary's terms (``knowledge/glossary.yaml``), read once."""
    return tuple(yaml.safe_load(path.read_text(encoding="utf-8"))["terms"])


def term_forms(entry: dict[str, Any]) -> list[str]:
    """A glossary entry's term and aliases, folded."""
    return [fold(form) for form in (entry["term"], *entry.get("aliases", []))]


_MIN_PART = 4  # letters on each side of a compound written apart


def _written_apart(form: str) -> str:
    """A regex for ``form`` as one word or a compound written in two ("ressource forløb",
    "ressource-forløb"), each part at least four letters."""
    if " " in form or len(form) < 2 * _MIN_PART:
        return re.escape(form)
    splits = [
        f"{re.escape(form[:i])}[\\s-]{re.escape(form[i:])}"
        for i in range(_MIN_PART, len(form) - _MIN_PART + 1)
        if form[i - 1].isalpha() and form[i].isalpha()
    ]
    return "|".join([re.escape(form), *splits])


def form_position(folded_text: str, form: str) -> int | None:
    """Where the folded text names the folded term ``form`` (also inflected, also written
    apart), if it does."""
    match = re.search(rf"\b(?:{_written_apart(form)}){INFLECTION}\b", folded_text)
    return match.start() if match else None


@lru_cache(maxsize=1)
def _glossary_pattern() -> re.Pattern[str]:
    forms = {form for entry in glossary_entries() for form in term_forms(entry)}
    alternatives = "|".join(_written_apart(form) for form in sorted(forms, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives}){INFLECTION}\b")


def glossary_term_spans(text: str) -> list[tuple[int, int]]:
    """Where the folded ``text`` names glossary terms (also inflected or written apart): spans
    in ``fold(text)``, for the checks that take term spans."""
    return [match.span() for match in _glossary_pattern().finditer(fold(text))]


def glossary_term_in(text: str) -> bool:
    """Whether ``text`` names a glossary term, also inflected ("ministermålene") – the forms
    the ``term`` entity misses because its lookup table lists the base forms only."""
    return bool(_glossary_pattern().search(fold(text)))
