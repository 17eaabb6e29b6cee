"""Messages that end a conversation, whatever else they say on the way out.

Users rarely say just "farvel". They thank, acknowledge and leave in one message
("super, tak for det. vi ses", "fint, så ved jeg det. hej hej", "ok hav det godt"), and
the classifier then picks ``thank``, ``greet`` or falls back. A message is a farewell
when it *ends* with a farewell formula and is a short statement, not a question:

* formulas that only say goodbye ("farvel", "vi ses", "på gensyn", "hav det godt",
  "hav en god weekend", "bye") may stand alone;
* formulas that are greetings too ("hej hej", "hej", "god aften") count only after
  other words ("ok hej hej", "tak for i dag, hej") – alone they open a conversation.

Not a farewell: a question mark, a question word first ("hvad er ledigheden i Morsø,
hej hej"), a number or more than twelve words before the formula. Pure Python, used by
:mod:`components.domain_gate`.
"""

from __future__ import annotations

import re

from planbot.text import fold

_WORD = re.compile(r"[^\W\d_]+|\d+")

# folded formulas, longest first within each group (see fold(): æ→ae, ø→o, å→a, aa→a)
_ALONE = (
    "farvel", "farvel farvel", "vi ses", "ses", "vi ses senere", "ses senere", "vi snakkes",
    "snakkes", "vi hores", "vi hores ved", "vi tales ved", "pa gensyn", "hav det godt",
    "ha det godt", "hav det", "ha det", "hav det sa godt", "ha det sa godt", "godnat",
    "bye", "bye bye", "byebye", "goodbye", "hej sa lange", "hej sa laenge",
    "thats all", "that is all", "see you", "see you later", "see ya", "take care",
    # leaving the chat ("super, så har jeg det jeg skal bruge. logger af nu")
    "logger af", "logger ud", "smutter", "skal smutte", "ma smutte", "lukker ned", "lukker chatten",
)  # fmt: skip
# "hav en god dag", "ha' en rigtig god weekend", "god weekend", "god sommer" …
_TIMES = (
    r"(?:dag|aften|weekend|eftermiddag|formiddag|morgen|nat|uge|arbejdsdag|tid|fyraften|ferie|"
    r"sommer|sommerferie|jul|juleferie|nytar|paske|vinterferie|efterarsferie)"
)
_GOOD_TIME = re.compile(
    rf"(?:\bhav?e?\s+(?:en|et)\s+(?:\w+\s+){{0,2}}godt?\s+{_TIMES}(?:\s+videre)?"  # hav en (rigtig) god dag
    rf"|\bgod\s+(?!(?:dag|aften|morgen|formiddag|eftermiddag|nat)\b){_TIMES})$"  # god weekend, not god dag
)
_AFTER_OTHER_WORDS = ("hej hej", "hejhej", "hej", "god aften", "god dag")
# trailing words after the formula that do not change it ("vi ses derude", "farvel og tak")
_TRAILING = (
    "derude", "herfra", "alle", "og tak", "og tak for hjaelpen", "tak", "igen", "sa", "da", "nu",
    "til dig", "til jer", "til alle",
)  # fmt: skip
_QUESTION_START = frozenset({
    "hvad", "hvor", "hvordan", "hvem", "hvilke", "hvilken", "hvilket", "hvornar", "hvorfor",
    "kan", "kunne", "vil", "ville", "skal", "ma", "er", "har", "findes", "giv", "vis",
    "fortael", "forklar", "sammenlign",
})  # fmt: skip
_MAX_WORDS_BEFORE = 12


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text).replace("'", ""))


def _strip_trailing(words: list[str]) -> list[str]:
    changed = True
    while changed and words:
        changed = False
        for tail in _TRAILING:
            tail_words = tail.split()
            if len(words) > len(tail_words) and words[-len(tail_words) :] == tail_words:
                words = words[: -len(tail_words)]
                changed = True
    return words


def _formula_length(words: list[str]) -> tuple[int, bool]:
    """How many of the last ``words`` are a farewell formula, and whether it may stand alone."""
    text = " ".join(words)
    best = (0, True)
    for formula in _ALONE:
        if text == formula or text.endswith(" " + formula):
            best = max(best, (len(formula.split()), True))
    match = _GOOD_TIME.search(text)
    if match and (match.start() == 0 or text[match.start() - 1] == " "):
        best = max(best, (len(match.group(0).split()), True))
    for formula in _AFTER_OTHER_WORDS:
        if (text == formula or text.endswith(" " + formula)) and len(formula.split()) > best[0]:
            if formula.startswith("god") and text.endswith((" en " + formula, " et " + formula)):
                continue  # "håber du har en god dag": a wish, not a leave-taking
            best = (len(formula.split()), False)
    return best


def is_farewell(text: str) -> bool:
    """Whether the message ends the conversation (see the module docstring)."""
    if "?" in text:
        return False
    words = _strip_trailing(_words(text))
    if not words or words[0] in _QUESTION_START:
        return False
    length, alone = _formula_length(words)
    if not length:
        return False
    before = words[:-length]
    if not before and not alone:
        return False
    return len(before) <= _MAX_WORDS_BEFORE and not any(word.isdigit() for word in before)


# "hej hej" alone: a greeting that opens a conversation, or a goodbye that ends one
_HEJ_HEJ = (["hej", "hej"], ["hejhej"])


def is_bare_hej_hej(text: str) -> bool:
    """Only "hej hej" ("hejhej", "hej hej du", "hej hej og tak"): whether it greets or takes
    leave depends on the conversation before it, which the caller knows."""
    words = _strip_trailing([w for w in _words(text) if w != "du"])
    return words in _HEJ_HEJ


# Words of a request to reach a person: who ("menneske", "sagsbehandler"), how ("ring",
# "telefon", "kontakt", "stil mig om") and the English ones. Folded (see fold()).
_PERSON_CUE = re.compile(
    r"\b(?:menneske\w*|person\w*|medarbejder\w*|kollega\w*|sagsbehandler\w*|radgiver\w*|\w*konsulent\w*|vejleder\w*"
    r"|ring\w*|telefon\w*|tlf|nummer\w*|kontakt\w*|(?:tale|snakke|chatte|skrive)\s+med|stil\w*\s+(?:mig\s+)?(?:om|videre)"
    r"|send\w*\s+mig\s+videre|forbind\w*|overfor\w*|kundeservice|robot|bot|maskine|chatbot"
    r"|human|speak|talk|someone)\b"
)


def asks_for_a_person(text: str) -> bool:
    """Whether a message has a word of a request to reach a person ("kan jeg ringe til
    nogen?", "stil mig om til en sagsbehandler"). A request for a joke that the classifier
    hears as a handoff ("kan du ikke finde på en god vittighed?") has none."""
    return bool(_PERSON_CUE.search(fold(text)))


# Someone to talk to, folded: "et (rigtigt) menneske", "en sagsbehandler", "nogen".
_SOMEONE = (
    r"(?:(?:et|en|a|an|nogen|fat\s+i\s+(?:et|en))\s+(?:\w+\s+){0,2}?)?"
    r"(?:menneske\w*|person\w*|medarbejder\w*|sagsbehandler\w*|radgiver\w*|\w*konsulent\w*|vejleder\w*"
    r"|kollega\w*|nogen|human|someone|a\s+person)\b"
    r"|(?:en|et)\s+(?:\w+\s+)?af\s+kod\s+og\s+blod\b"  # "en af kød og blod"
    # "en fra forvaltningen", "nogen fra kommunen i grenaa"
    r"|(?:en|nogen)\s+fra\s+(?:forvaltningen|kommunen|jobcent\w*|afdelingen|sekretariatet|borgerservice)\b"
    # "stil mig videre til en fra Ydelse": someone from a named department
    r"|(?:en|nogen)\s+fra\s+(?!mig\b|dig\b)[a-z]\w{2,}\b"
)
# A request for that person: "giv mig", "(jeg) vil (gerne|hellere) tale med", "kan/må jeg
# (få lov at) snakke med", "stil/send/overfør mig (om|videre) til", "jeg vil have fat i".
_PERSON_REQUEST = re.compile(
    r"\b(?:giv\s+mig|find|skaf"
    r"|(?:jeg\s+)?(?:vil|ville|onsker|foretraekker)\s+(?:\w+\s+){0,2}?(?:tale|snakke|chatte|skrive|have|ha)\s+(?:med|fat\s+i)?"
    r"|(?:kan|ma|ka)\s+(?:jeg|vi|han|hun|min\s+\w+)\s+(?:\w+\s+){0,5}?(?:tale|snakke|chatte|skrive|fa)\s+(?:med|fat\s+i)?"
    r"|(?:stil|send|overfor|forbind)\w*\s+mig\s+(?:om\s+|videre\s+)?(?:til|med)"
    # "så sæt mig i forbindelse med en kollega der kan"
    r"|(?:saet\w*|sat|bring\w*)\s+mig\s+i\s+(?:forbindelse|kontakt)\s+med"
    r"|(?:let\s+me|i\s+want\s+to|i\s+would\s+like\s+to|can\s+i)\s+(?:speak|talk)\s+(?:to|with))"
    rf"\s*(?:{_SOMEONE})"
)


# "hvem skal jeg så kontakte?", "hvem kan jeg ringe til for at få det?": whom to turn to
_WHOM_TO_CONTACT = re.compile(
    r"\bhvem\s+(?:skal|kan|ma|bor)\s+jeg\s+(?:sa\s+|egentlig\s+|lige\s+)*"
    r"(?:kontakte|ringe\s+til|skrive\s+til|henvende\s+mig\s+til|tale\s+med|snakke\s+med|tage\s+kontakt\s+til"
    r"|ga\s+til|sporge|fa\s+fat\s+(?:pa|i))\b"
    # "… – kan du stille mig videre?"
    r"|\b(?:kan|vil)\s+(?:du|i)\s+(?:ikke\s+)?(?:stille|sende|forbinde|viderestille)\s+mig\s+(?:videre|om)\b"
    # "Hvem i forvaltningen kan jeg få en gennemgang af tallene med …?"
    r"|\bhvem\s+(?:i|pa|fra)\s+(?:forvaltningen|kommunen|jobcent\w*|afdelingen|sekretariatet|administrationen)"
    r"\s+(?:kan|skal|ma)\s+(?:jeg|vi)\b"
    # "Hvem er kontaktperson for Job og Sprog Djurs?", "hvem er jeres kontakt på jobcentret"
    r"|\bhvem\s+er\s+(?:\w+\s+)?kontakt(?:person\w*)?\b"
)


# "kan i ikke bare ringe mig op på [telefonnummer fjernet] i morgen": to be called back, a
# handoff also when the message gives a phone number (which was masked)
_CALL_ME = re.compile(
    r"\b(?:kan|vil|ma|gider)\s+(?:i|du|de|kommunen|jobcent\w+|nogen|en\s+\w+)(?:\s+ikke)?\s+(?:\w+\s+){0,2}?"
    r"(?:ringe|kontakte)\s+(?:mig|os|til\s+mig|til\s+os)\b(?:\s+op\b)?"
    r"|(?:^|[.!?,]\s*)(?:(?:sa|bare|venligst|saa)\s+)?(?:ring|kontakt)\s+(?:mig|os)\b(?:\s+op\b)?"
)


def asks_to_be_called(text: str) -> bool:
    """Whether the message asks the kommune to call or contact the user ("kan I ikke bare
    ringe mig op på …?", "ring mig op i morgen")."""
    return bool(_CALL_ME.search(fold(text)))


def asks_whom_to_contact(text: str) -> bool:
    """Whether the message asks whom to call or contact ("hvem kan jeg ringe til om min egen
    situation?", "hvem kan jeg så få fat på i ydelsesafdelingen?", "hvem er kontaktperson for
    Job og Sprog Djurs?")."""
    return bool(_WHOM_TO_CONTACT.search(fold(text)))


def requests_a_person(text: str) -> bool:
    """Whether the message asks to be put through to a person ("giv mig en rigtig person",
    "jeg vil hellere snakke med en sagsbehandler", "hvem skal jeg så kontakte?") rather than
    asking whether the assistant is one ("har jeg fat i et menneske?")."""
    folded = fold(text)
    return bool(_PERSON_REQUEST.search(folded)) or asks_whom_to_contact(text)


# What the assistant can do, as the message's last sentence: "hvad kan du (egentlig) hjælpe
# med?", "hvad kan jeg bruge dig til?", "hvilke slags spørgsmål kan du svare på?", "hvad er
# du bygget til at besvare?". Folded; a question about something ("hvad kan du fortælle om
# målene?") is not one.
_ASSISTANT = r"(?:du|i|planassistenten|assistenten|botten|chatbotten|robotten)"
_FILLER = r"(?:\s+(?:egentlig|sa|overhovedet|mere|andet|ellers|helt|praecis|konkret|faktisk))*"
_CAPABILITY_QUESTION = re.compile(
    rf"(?:^|\s)hvad\s+kan\s+{_ASSISTANT}{_FILLER}"
    r"(?:\s+(?:hjaelpe(?:\s+mig)?\s+med|svare\s+pa|besvare|bruges\s+til|gore(?:\s+for\s+mig)?))?"
    # "… før et møde i udvalget": when, not what about; "… ift. Jobindsats-tal": about which part
    r"(?:\s+(?:for|inden|til|op\s+til)\s+(?:et|en|mit|vores|naeste|dagens|i\s+morgen)\b.*"
    r"|\s+(?:ift|i\s+forhold\s+til|mht|vedr|vedrorende)\s+.*"
    # "… som nyt medlem af Beskæftigelses- og Erhvervsudvalget": who asks, not what about
    r"|\s+som\s+(?:ny|nyt|nyvalgt|nyansat|en|et|borger|politiker|medarbejder|sagsbehandler|byradsmedlem)\b.*)?$"
    rf"|(?:^|\s)hvad\s+kan\s+(?:jeg|man){_FILLER}\s+(?:bruge\s+(?:dig|jer|{_ASSISTANT})\s+til\b|sporge\s+(?:dig\s+|jer\s+)?om$)"
    rf"|(?:^|\s)hvilke[nt]?\s+(?:slags\s+|typer?\s+(?:af\s+)?|former\s+for\s+)?(?:sporgsmal|emner)\s+(?:kan|er|vil)\s+{_ASSISTANT}\b"
    r"|(?:^|\s)hvilke\s+(?:slags\s+|typer\s+(?:af\s+)?)?sporgsmal\s+kan\s+(?:jeg|man)\s+(?:stille|sporge)(?:\s+(?:dig|jer|her))?$"
    rf"|(?:^|\s)hvad\s+(?:er\s+det\s+)?for\s+(?:nogle\s+|slags\s+|typer\s+(?:af\s+)?)?(?:sporgsmal|emner)\s+{_ASSISTANT}\s+(?:kan|vil)\b"
    rf"|(?:^|\s)hvad\s+(?:er\s+{_ASSISTANT}|kan\s+{_ASSISTANT}\s+bruges){_FILLER}\s+(?:bygget|lavet|beregnet|designet|programmeret|tiltaenkt)\s+til\b"
    # "hvad er det, du kan hjælpe mig med?"
    rf"|(?:^|\s)hvad\s+er\s+det{_FILLER}\s+{_ASSISTANT}\s+kan{_FILLER}\s+(?:hjaelpe(?:\s+(?:mig|os))?\s+med|svare\s+pa|besvare)$"
    # "hvilke planer og tal dækker du?", "hvilke kommuner kender du til?"
    rf"|(?:^|\s)hvilke\s+(?:planer|kommuner|tal|data|dokumenter|emner)(?:\s+og\s+\w+)?\s+(?:daekker|kender|har|bruger)\s+{_ASSISTANT}(?:\s+(?:til|over|med))?$"
    # "kan du trække jobindsats-tal eller kun planerne?": what it can do, one thing or the other
    # ("Hvad dækker botten – kan den trække tal fra Fasit eller kun jobindsats?")
    rf"|^kan\s+(?:{_ASSISTANT}|den(?=\s+(?:ogsa\s+)?(?:traekke|give|svare|finde|hente|vise|levere|sla)\b))"
    r"\s+(?:\S+\s+){1,5}?eller\s+(?:kun|bare|kun\s+om)\s+\S+$"
    rf"|(?:^|\s)hvad\s+daekker\s+{_ASSISTANT}{_FILLER}(?:\s+over)?$"
    # "men hvad laver du så egentlig": what it does
    rf"|(?:^|\s)hvad\s+laver\s+(?:du|i|botten|chatbotten|planassistenten){_FILLER}$"
)


# "hvad kan du trække af Jobindsats-tal?", "hvad kan du hente af data – kun planerne eller …":
# which data it has, whatever follows in the message
_WHAT_DATA_IT_HAS = re.compile(
    rf"(?:^|\s)hvad\s+kan\s+{_ASSISTANT}{_FILLER}\s+(?:traekke|hente|levere)\s+(?:af|ud\s+af|fra)?\s*"
    r"(?:data|tal|jobindsats\w*|statistik\w*|nogle\s+tal)\b(?!\s+(?:for|om|pa|i)\s)"
    # "Hvad kan du egentlig levere – kun planerne, eller også …?"
    rf"|(?:^|\s)hvad\s+kan\s+{_ASSISTANT}{_FILLER}\s+(?:traekke|hente|levere|sla\s+op)\s*(?:[–,-]|$)"
    # "hvilke slags tal og planer kan du slå op?"
    r"|(?:^|\s)hvilke\s+(?:slags\s+|typer\s+(?:af\s+)?)?(?:tal|data|planer|kommuner|dokumenter)(?:\s+og\s+\w+)?"
    rf"\s+kan\s+{_ASSISTANT}\s+(?:sla\s+op|finde|traekke|hente|levere|svare\s+pa|give)"
)


# the dot of an abbreviation is no end of a sentence ("hvad kan du svare på ift. Jobindsats-tal?")
_ABBREVIATION_DOT = re.compile(r"\b(ift|fx|mht|vedr|bl\.a|evt|ca|jf)\.")


def asks_what_it_can_do(text: str) -> bool:
    """Whether the message's last sentence asks what the assistant can help with (see above);
    a preamble before it ("Inden jeg går i gang: …") does not change that."""
    if _WHAT_DATA_IT_HAS.search(fold(text)):
        return True
    sentences = [
        s for s in re.split(r"[.!?:;–]+|\s-\s", _ABBREVIATION_DOT.sub(r"\1", fold(text))) if s.strip()
    ]
    if not sentences:
        return False
    last = " ".join(re.findall(r"[^\W_]+", sentences[-1]))
    if _CAPABILITY_QUESTION.search(last):
        return True
    # "Hvilke slags spørgsmål kan du håndtere? Tænker ift. mål og jobindsats-tal": the last
    # question, when only a remark that asks nothing follows it
    question_end = text.rfind("?")
    remark = fold(text[question_end + 1 :])
    if question_end < 0 or _INTERROGATIVE.search(remark) or len(remark.split()) > _MAX_REMARK_AFTER_QUESTION:
        return False
    return asks_what_it_can_do(text[:question_end])


_INTERROGATIVE = re.compile(r"\b(?:hvad|hvor\w*|hvem|hvilk\w*|hvordan|hvornar|hvorfor|kan|vil|er)\b")
_MAX_REMARK_AFTER_QUESTION = 12


# Thanks with nothing but an acknowledgement around it: "den er god, tak", "super, mange tak
# for det", "fint tak". Folded words; a request with "tak" ("flere detaljer tak") has others.
_THANKS_WORDS = frozenset({"tak", "takker", "tusind", "mange", "1000", "for", "hjaelpen", "svaret", "svarene", "info", "informationen"})  # fmt: skip
_ACKNOWLEDGEMENT_WORDS = frozenset({
    "den", "det", "er", "var", "god", "godt", "gode", "super", "fint", "fin", "perfekt", "ok", "okay", "oki",
    "fedt", "dejligt", "flot", "nice", "glimrende", "udmaerket", "fremragende", "top", "sa", "jamen", "ja",
    "jo", "klart", "forstaet", "modtaget", "noteret", "skont", "aha", "ah", "na", "hold", "op", "lige", "jeg", "skulle", "bruge", "brugte", "hjalp", "hjaelper", "meget", "rigtig", "virkelig", "altsa",
    "du", "dig", "sgu", "da", "og", "en", "et", "laekkert", "smukt", "sejt", "great", "thanks", "alligevel",
    "skal", "have", "ha",  # "tak skal du have for hjælpen"
})  # fmt: skip
_MAX_THANKS_WORDS = 9
# "Nå, så må jeg finde den selv. Tak alligevel.": a short remark before the thanks
_MAX_REMARK_WORDS = 8


_HOW_IT_HELPS = re.compile(
    r"\bdet\s+kan\s+jeg\s+(?:godt\s+|sagtens\s+|fint\s+)?bruge(?:\s+(?:til|i)\s+(?:min|mit|mine|vores|et|en|noget)"
    r"(?:\s+\w+)?)?\b"
)


def _only_thanks(words: list[str]) -> bool:
    if not words or len(words) > _MAX_THANKS_WORDS or ("tak" not in words and "takker" not in words):
        return False
    return all(word in _THANKS_WORDS or word in _ACKNOWLEDGEMENT_WORDS for word in words)


def is_thanks(text: str) -> bool:
    """Whether the message only thanks (and acknowledges the answer), not asks or leaves;
    a short remark before it that asks nothing and names nothing of the plans ("nå, så må
    jeg finde den selv. tak alligevel") is part of the thanks."""
    if "?" in text:
        return False
    # "tak, det kan jeg bruge i min tale": how the answer helps is part of the thanks
    text = _HOW_IT_HELPS.sub(" ", fold(text))
    if _only_thanks(_words(text)):
        return True
    sentences = [_words(sentence) for sentence in re.split(r"[.!;]+", text)]
    sentences = [words for words in sentences if words]
    if len(sentences) < 2 or not _only_thanks(sentences[-1]):
        return False
    remark = [word for words in sentences[:-1] for word in words]
    return len(remark) <= _MAX_REMARK_WORDS and not any(word in _ASKING_WORDS for word in remark)


# "Goddag! Jeg er nyvalgt i kommunalbestyrelsen på Mors": a greeting and who one is, no question
_GREETINGS = (
    "hej", "hejsa", "hejhej", "hej hej", "goddag", "god dag", "dav", "davs", "hallo", "halloj",
    "god morgen", "godmorgen", "god formiddag", "god eftermiddag", "god aften", "godaften",
)  # fmt: skip
_INTRODUCTION = re.compile(r"\bjeg\s+(?:er|hedder|bor|sidder|arbejder|kommer)\b|\bmit\s+navn\b")
# any of these makes it a question or a request, not only a greeting
_ASKING_WORDS = frozenset({
    "hvad", "hvordan", "hvor", "hvem", "hvilke", "hvilken", "hvilket", "hvornar", "hvorfor", "kan", "kunne",
    "vil", "ville", "gerne", "vide", "hore", "sporge", "sporgsmal", "soger", "leder", "brug", "hjaelp",
    "hjaelpe", "info", "information", "fortael", "forklar", "vis", "giv", "mal", "malet", "malene", "plan",
    "planen", "status", "ledighed", "ledigheden", "tal", "tallene", "sag", "sagen", "cpr",
})  # fmt: skip
_MAX_INTRODUCTION_WORDS = 20


# words around a bare greeting ("God morgen derude", "hej derude i chatten", "hejsa med dig bot")
_GREETING_FILLER = frozenset({
    "derude", "derinde", "der", "du", "med", "dig", "jer", "alle", "bot", "chatbot", "robot", "i", "chatten",
    "chat", "igen", "sa", "lige", "venner", "assistent", "planassistent", "planassistenten",
})  # fmt: skip


def is_bare_greeting(text: str) -> bool:
    """Whether the message only greets ("God morgen derude", "hej derude i chatten")."""
    if "?" in text or any(ch.isdigit() for ch in text):
        return False
    words = _words(text)
    for greeting in sorted(_GREETINGS, key=len, reverse=True):
        size = len(greeting.split())
        if " ".join(words[:size]) == greeting:
            return all(word in _GREETING_FILLER for word in words[size:])
    return False


# an opening greeting as a sentence of its own ("Godmorgen, planassistent!", "Davs.")
_OPENING_GREETING = re.compile(
    r"^\W*(?:" + "|".join(sorted(_GREETINGS, key=len, reverse=True)) + r")\b"
    r"(?:[ ,]+(?:" + "|".join(sorted(_GREETING_FILLER, key=len, reverse=True)) + r")\b)*\s*[.,!]+"
)


def remark_after_greeting(text: str) -> str | None:
    """The remark after an opening greeting ("Godmorgen, planassistent! Kaffen er skænket og
    udvalgsmappen ligger åben", "Davs. Har et hurtigt et") when the message asks nothing yet
    (no question mark, number or asking word); else None. Whether the remark is about the
    plans is for the caller to decide."""
    if "?" in text or any(ch.isdigit() for ch in text):
        return None
    folded = fold(text)
    match = _OPENING_GREETING.match(folded)
    if match is None:
        return None
    rest = _words(folded[match.end() :])
    if not rest or len(rest) > _MAX_INTRODUCTION_WORDS or any(word in _ASKING_WORDS for word in rest):
        return None
    return " ".join(rest)


def is_greeting_with_introduction(text: str) -> bool:
    """Whether the message greets and says who the user is, and asks nothing yet."""
    if "?" in text or any(ch.isdigit() for ch in text):
        return False
    words = _words(text)
    if not words or len(words) > _MAX_INTRODUCTION_WORDS:
        return False
    opening = " ".join(words[:2])
    if not any(opening == g or opening.startswith(g + " ") for g in _GREETINGS):
        return False
    folded = " ".join(words)
    return bool(_INTRODUCTION.search(folded)) and not any(word in _ASKING_WORDS for word in words)
