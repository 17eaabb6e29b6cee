"""Messages that are recognisably not plan questions, whatever the classifier says.

Four kinds a municipal chat gets and the classifier puts under a neighbouring intent
(``help`` for "kan du hjælpe mig med at skrive en tale?", ``bot_challenge`` for "kan du
skrive en tale …", a goal code for "hvad er 17 gange 23"):

* **task requests**: asking the assistant to write or tell something it cannot – a
  speech, a poem, a joke, a recipe, a job application ("skriv en tale til byrådsmødet",
  "fortæl mig en vittighed", "kan du skrive en ansøgning for mig");
* **sums**: a bare arithmetic question ("hvad er 17 gange 23", "regn 12*7 ud");
* **other services**: the kommune's daycare, home care, waste collection, roads, library,
  its climate and local plans, the workplace's meeting rooms, passwords and office programs … asked without
  a word of employment ("hvornår kan min datter få plads i en daginstitution");
* **English**: a message in English (for the unsure classifier only – English help and
  handoff requests are trained and answered).

The patterns are deliberately narrow: a task request needs a writing/telling verb *and*
one of the listed kinds of text right after it, so "hvad skriver planen om tale- og
sprogvanskeligheder?" or "skriv mål 6.3" are not matched. Pure Python, used by
:mod:`components.domain_gate`.
"""

from __future__ import annotations

import re

from planbot.text import fold

# the kinds of text the assistant is asked to produce (folded; compounds end in these)
_TEXT_KINDS = (
    "tale", "digt", "sang", "sangtekst", "vittighed", "vits", "joke", "historie", "eventyr",
    "novelle", "opskrift", "invitation", "indbydelse", "rim", "limerick", "haiku", "essay",
    "stil", "kaerlighedsbrev", "gade", "rap", "ansogning", "cv", "indlaeg", "laeserbrev", "klumme",
    "pressemeddelelse",
)  # fmt: skip
# compounds of "tale" that are not speeches
_NOT_SPEECH = ("aftale", "samtale", "fortale", "forhandlingstale")

_VERB = (
    r"(?:skriv|skrive|digt|digte|lav|lave|forfat|forfatte|komponer|komponere|fortael|fortaelle|"
    r"find(?:\s+lige)?\s+pa|finde(?:\s+lige)?\s+pa|opfind|opfinde|kom\s+med|komme\s+med|giv|give|foresla|"
    r"har\s+du|kender\s+du)"
)
_DETERMINER = r"(?:\s+(?:mig|os|lige|hurtigt|lige\s+hurtigt))*\s+(?:en|et|nogle|to|tre|fem|par)"
# the kind of text right after the determiner, or after one adjective ("en kort tale")
# "skriv et udkast til min tale": the draft of a kind of text is that kind
_DRAFT_OF = (
    r"(?:(?:udkast|kladde|forslag|oplaeg)\s+til\s+(?:(?:min|mit|mine|en|et|vores|jeres|borgmesterens)\s+)?)?"
)
_TASK = re.compile(rf"\b{_VERB}{_DETERMINER}\s+{_DRAFT_OF}(\w+)(?:\s+(\w+))?")
# "kan du ikke også skrive indlægget for mig?", "skriv min tale færdig": a text the user has
# in mind, named in its definite form or with a possessive
_TASK_DEFINITE = re.compile(
    r"\b(?:skriv|skrive|digt|digte|forfat|forfatte)(?:\s+(?:mig|os|lige|ogsa|ikke|hurtigt|bare))*"
    r"\s+(?:(min|mit|mine|vores|jeres)\s+)?(\w+)"
)
_DEFINITE_ENDINGS = ("get", "et", "en", "n", "ene", "erne")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_NUMBER = r"\d+(?:[.,]\d+)?"
_OPERATOR = r"(?:gange|ganget\s+med|plus|minus|divideret\s+med|delt\s+med|[*x×+÷])"
_SUM = re.compile(rf"{_NUMBER}\s*{_OPERATOR}\s*{_NUMBER}")
# the only other words a bare sum question has
_SUM_WORDS = _words(
    "hvad er giver bliver regn regne ud udregn udregne beregn beregne kan du mig hvor "
    "meget lig med hurtigt lige svaret resultatet sa"
)

_ENGLISH = _words(
    "what is the are can you do does how where when who why my it in of please an me your "
    "there this that has with and about which will would could should get need want hello "
    "thanks thank speak english"
)
# folded Danish words that give a Danish sentence away (none is also an English word)
_DANISH = _words(
    "er og det jeg hvad hvor hvordan hvem hvilke du et til pa med har kan mig om den ikke "
    "hvornar vil skal kommune kommunen mal"
)
_WORD = re.compile(r"[^\W\d_]+(?:'[a-z]+)?")


def _is_text_kind(word: str | None) -> bool:
    """A kind of text, a compound ending in one ("nytarstale") or a plural ("vittigheder")."""
    if not word or word.endswith(_NOT_SPEECH):
        return False
    for stem in {
        word,
        word.removesuffix("s"),
        word.removesuffix("e"),
        word.removesuffix("r"),
        word.removesuffix("er"),
    }:
        for kind in _TEXT_KINDS:
            if stem == kind or (stem.endswith(kind) and len(stem) > len(kind) + 2):
                return True
    return False


# the clause before the verb names the user as the one who writes ("jeg skal skrive et
# debatindlæg. hvordan klarer …"): context, not a request – unless the assistant is addressed too
_USER_WRITES = re.compile(r"\b(?:jeg|vi)\b")
_ASSISTANT_ADDRESSED = re.compile(r"\b(?:du|i)\b")


def _the_user_writes(folded: str, verb_start: int) -> bool:
    clause = re.split(r"[.!?,;:–]|\s-\s", folded[:verb_start])[-1]
    return bool(_USER_WRITES.search(clause)) and not _ASSISTANT_ADDRESSED.search(clause)


def is_task_request(text: str) -> bool:
    """Asks the assistant to write or tell a kind of text (speech, poem, joke, recipe …), not
    the user telling what they write themselves ("jeg skal skrive et debatindlæg")."""
    folded = fold(text)
    if any(
        (_is_text_kind(match.group(1)) or _is_text_kind(match.group(2)))
        and not _the_user_writes(folded, match.start())
        for match in _TASK.finditer(folded)
    ):
        return True
    for match in _TASK_DEFINITE.finditer(folded):
        if _the_user_writes(folded, match.start()):
            continue
        possessive, word = match.groups()
        if possessive and _is_text_kind(word):
            return True
        # not a bare plural ("hjælp til at skrive ansøgninger" is help the jobcenter gives)
        if any(word.endswith(e) and _is_text_kind(word.removesuffix(e)) for e in _DEFINITE_ENDINGS):
            return True
    return False


def is_sum(text: str) -> bool:
    """A bare arithmetic question: numbers, an operator and only question words around them."""
    folded = fold(text)
    if not _SUM.search(folded):
        return False
    rest = _SUM.sub(" ", folded)
    return all(word in _SUM_WORDS for word in _WORD.findall(rest))


def is_english(text: str) -> bool:
    """At least two English function words and more of them than Danish ones."""
    words = [fold(w) for w in _WORD.findall(text.lower())]
    english = sum(word in _ENGLISH for word in words)
    danish = sum(word in _DANISH for word in words)
    return english >= 2 and english > danish


# the kommune's other services a citizen asks the municipal chat about (folded word starts)
_OTHER_SERVICE = re.compile(
    r"\b(?:skoleindskrivning\w*|indskrivning\s+til\s+(?:skole|0\.?\s+klasse|bornehaveklasse)\w*"
    r"|daginstitution|vuggestue|bornehave|dagpleje|sfo|fritidshjem|fritidsklub|hjemmepleje|hjemmehjaelp"
    r"|plejehjem|plejebolig|aeldrepleje|aeldrecent|madudbringning|affald|skrald|storskrald|genbrugsplads"
    r"|dagrenovation|byggetilladelse|byggesag|parker|snerydning|vejarbejde|bibliotek|svommehal|korekort"
    r"|sygesikring|sundhedskort|ejendomsskat|grundskyld|rotte|skolebus|la(?:e)?gevagt|tandlaege"
    r"|boligstot|boligydelse|boligsikring|mitid|nemid|lejlighed|lejebolig|andelsbolig"
    # the kommune's other plans
    r"|klima|co2|lokalplan|kommuneplan|spildevand|trafikplan"
    # the workplace's practical matters staff ask about in Teams
    r"|modelokale|kantine|kaffe|kage|frokost|forplejning|adgangskode|password|printer|nulstil|lonsystem|lonseddel|overarbejde|flekstid"
    r"|timeregistrering|intranet|excel|pivottabel|powerpoint|outlook)\w*"
    # pets, as whole words ("hund\w*" would take "hundrede")
    r"|\b(?:hund|hunden|hunde|hundene|hundeskat|kat|katten|kaeledyr\w*)\b"
)
# words that make it an employment question after all ("arbejdskraft til ældreplejen"; not
# "mål" or "plan": "målene i klimaplanen" and "målet for daginstitutionerne" are not; not the
# jobcenter as a building: "kantinen i jobcentret")
_EMPLOYMENT = re.compile(
    r"\b(?:arbejdskraft|rekrutter|job(?!cent)|ledig|beskaeftig|ansaet|medarbejder|praktik|uddannelse|elev|fleksjob"
    r"|lontilskud|virksomhed|stilling|arbejde)\w*"
)


def asks_about_another_service(text: str) -> bool:
    """Asks about one of the kommune's other services (daycare, home care, waste, roads …)
    without a word of employment: "hvornår kan min datter få plads i en daginstitution?"."""
    folded = fold(text)
    return bool(_OTHER_SERVICE.search(folded)) and not _EMPLOYMENT.search(folded)


def off_topic_kind(text: str, *, unsure: bool) -> str | None:
    """``"task"``, ``"sum"``, ``"service"`` or ``"english"`` when the message is recognisably off topic.

    Args:
        text: the user's message.
        unsure: whether the classifier fell back (English is only decided then).
    """
    if is_task_request(text):
        return "task"
    if is_sum(text):
        return "sum"
    if asks_about_another_service(text):
        return "service"
    if unsure and is_english(text):
        return "english"
    return None
