"""Compose the assistant's answers from the database.

Each ``answer_*`` function takes a database session and a :class:`Context` (what
the user said, the entities, the conversation's slots, the channel) and returns an
:class:`Answer`: Danish text, buttons, an optional custom payload (status cards),
slots to remember, the sources behind it and details for "fortæl mere". The Rasa
actions only translate between the tracker and these functions.

Every number in an answer comes from the plans or from a measurement in the
database; when nothing fits, the answer says so.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planbot import formatting as fmt
from planbot.comparison import (
    GOAL_WORDS,
    KOMMUNE_FRAGMENT_FILLER,
    NATIONAL_IN_TEXT,
    is_comparison_text,
    is_goal_number,
)
from planbot.definition_request import form_position, glossary_entries, term_forms
from planbot.follow_up_request import asks_about_follow_up
from planbot.goal_request import LETTER_CODE_IN_TEXT
from planbot.jobindsats import NATIONAL, SOURCE_LABEL
from planbot.kommune_names import AMBIGUOUS_KOMMUNER
from planbot.periods import MONTHS_DA, asked_period_end, asks_for_now, parse_period
from planbot.privacy import asks_about_own_case, contains_masked_data
from planbot.query import (
    OLDER_PLAN_HINT,
    OTHER_PLAN_HINT,
    PLAN_KIND_WORDS,
    corpus_index,
    facts_for,
    find_goals,
    find_kommune,
    find_plan,
    goals_for,
    initiatives_for,
    kommuner_with_goal_codes,
    kommuner_with_plan_kinds,
    kommuner_with_plans,
    normalise_code,
    plan_kinds_in,
    rank_by_words,
    rank_goals,
    rank_items,
)
from planbot.schema import (
    BuildInfo,
    Fact,
    Goal,
    ImportLog,
    IndicatorSeries,
    Initiative,
    Kommune,
    Measurement,
    Plan,
)
from planbot.search import SearchHit, search_passages
from planbot.social import is_bare_hej_hej
from planbot.status import (
    NO_DATA,
    NOT_REACHED,
    REACHED,
    UNASSESSABLE,
    GoalStatus,
    goal_status,
    target_in_words,
)
from planbot.text import fold, fold_plain, only_filler_and, question_sentences, with_synonyms

STAFF_CHANNELS = {"teams", "msteams", "botframework"}
PRIVACY_REMINDER = (
    "Husk: skriv ikke personlige oplysninger som cpr-nummer, telefonnummer eller e-mail her. "
    "Jeg har fjernet dem fra din besked."
)
OWN_CASE_NOTE = (
    "Din egen sag kan jeg ikke se eller vurdere – kontakt jobcentret i din kommune om den. "
    "Her er, hvad planerne siger generelt:"
)
DB_ERROR = "Beklager, jeg kan ikke slå op i mine data lige nu. Prøv igen om lidt."
MAX_LIST = 30


@dataclass
class Context:
    """What an answer needs from the conversation."""

    text: str = ""
    intent: str | None = None
    entities: dict[str, list[str]] = field(default_factory=dict)
    slots: dict[str, Any] = field(default_factory=dict)
    channel: str | None = None
    # the kommuner the conversation has had in play, most recent first (the tracker's
    # kommune slot over time): "hvem af de to ligger bedst?" compares the last two
    earlier_kommuner: list[str] = field(default_factory=list)

    @property
    def staff(self) -> bool:
        """Staff (Teams) get goal codes, data sources and follow-up details."""
        return (self.channel or "").lower() in STAFF_CHANNELS

    def entity(self, name: str) -> str | None:
        values = self.entities.get(name) or []
        return values[0] if values else None


@dataclass
class Source:
    """Where an answer comes from."""

    title: str
    kommune: str | None = None
    section: str | None = None
    quote: str | None = None
    # a measurement's source, which the answer's text names already ("Kilde til tallet: …"):
    # not repeated under the answer, but named when asked where the figures come from
    figure: bool = False

    def line(self) -> str:
        parts = [self.title]
        if self.kommune:
            parts[0] = f"{self.title} ({self.kommune})"
        if self.section:
            parts.append(f"afsnit »{self.section}«")
        return "Kilde: " + ", ".join(parts)


@dataclass
class Answer:
    """An answer to send."""

    text: str
    buttons: list[dict[str, str]] = field(default_factory=list)
    custom: dict[str, Any] | None = None
    slots: dict[str, Any] = field(default_factory=dict)
    sources: list[Source] = field(default_factory=list)
    details: str | None = None
    response: str | None = None  # a response of the domain to send instead of ``text``

    def full_text(self) -> str:
        """Text with the source line(s) appended."""
        lines = [self.text]
        seen: set[str] = set()
        for source in [s for s in self.sources if not s.figure][:2]:
            line = source.line()
            if line not in seen:
                lines.append(line)
                seen.add(line)
        return "\n\n".join(lines)


def _button(title: str, payload: str) -> dict[str, str]:
    return {"title": title, "payload": payload}


def _plan_source(plan: Plan, section: str | None = None, quote: str | None = None) -> Source:
    return Source(plan.title, plan.kommune.name, section, quote)


def _goal_source(goal: Goal, quote: str | None = None) -> Source:
    return _plan_source(goal.plan, goal.section_heading, quote or goal.source_quote)


def _sources_slot(sources: list[Source]) -> list[dict[str, Any]]:
    return [s.__dict__ for s in sources]


# --- Recognising kommuner, goals and topics in free text --------------------------------

_matcher_lock = threading.Lock()
_matcher: tuple[tuple[str, int, int], dict[str, str]] | None = None


def _kommune_names(session: Session) -> dict[str, str]:
    """Folded name/alias -> canonical kommune name (cached per database, build and kommune count)."""
    global _matcher
    key = (
        str(session.get_bind().url),
        session.scalar(select(func.max(BuildInfo.id))) or 0,
        session.scalar(select(func.count(Kommune.id))) or 0,
    )
    with _matcher_lock:
        if _matcher and _matcher[0] == key:
            return _matcher[1]
    names: dict[str, str] = {}
    for kommune in session.scalars(select(Kommune)):
        variants = [kommune.name, *(kommune.aliases or [])]
        for variant in variants:
            # the free-text matcher splits at hyphens: "Ringkøbing-Skjern" is two words there
            folded = fold(variant).rstrip("'’").replace("-", " ")
            # typed with a plain a/o for æ/ø/å: "nastved" (fold gives "naestved")
            plain = fold_plain(variant).rstrip("'’").replace("-", " ")
            for form in dict.fromkeys((folded, plain)):
                names.setdefault(form, kommune.name)
                if not form.endswith("s"):
                    names.setdefault(form + "s", kommune.name)
    names["hele landet"] = NATIONAL
    names["landsplan"] = NATIONAL
    names["landet"] = NATIONAL
    names["danmark"] = NATIONAL
    with _matcher_lock:
        _matcher = (key, names)
    return names


_WORD = re.compile(r"[a-z0-9æøåéü]+(?:['’][s]?)?")
# Kommune names that are also ordinary Danish words count only when capitalised, or when
# written in a form that is no word ("tonder", "toender" for Tønder) or before "kommune".


def _ordinary_word(name: str, typed: str) -> bool:
    """Whether ``typed`` (the words found as kommune ``name``) is the ordinary Danish word
    the name also is: "tønder" (barrels), "vejen" (the road), not "Tønder" or "tonder"."""
    return typed == name.lower()


def _kommune_spans(session: Session, text: str) -> list[tuple[str, int, int]]:
    """Kommune names in free text (1–3 word spans, folded): (name, start, end) in ``text``."""
    names = _kommune_names(session)
    tokens = [(fold(m.group(0)).rstrip("'’"), m.start(), m.end()) for m in _WORD.finditer(text.lower())]
    found: list[tuple[str, int, int]] = []
    i = 0
    while i < len(tokens):
        for span in (3, 2, 1):
            phrase = " ".join(token for token, _, _ in tokens[i : i + span])
            # two letters only as an abbreviation in capitals ("ND" for Norddjurs)
            typed = text[tokens[i][1] : tokens[i][2]]
            if phrase in names and (span > 1 or len(phrase) > 2 or typed.isupper()):
                name = names[phrase]
                last = tokens[i : i + span][-1]
                following = tokens[i + span][0] if i + span < len(tokens) else ""
                if (
                    name in AMBIGUOUS_KOMMUNER
                    and _ordinary_word(name, text[tokens[i][1] : last[2]])
                    and not following.startswith("kommune")
                ):
                    continue
                found.append((name, tokens[i][1], last[2]))
                i += span - 1
                break
        i += 1
    return found


def kommuner_in_text(session: Session, text: str) -> list[str]:
    """Kommune names found in free text (1–3 word spans), in order of appearance."""
    return list(dict.fromkeys(name for name, _, _ in _kommune_spans(session, text)))


def without_kommuner(session: Session, text: str) -> str:
    """``text`` without the kommune names in it, however they are spelt ("sonderborg")."""
    for _, start, end in reversed(_kommune_spans(session, text)):
        text = text[:start] + text[end:]
    return text


def _ordinary_word_in_lowercase(value: str) -> bool:
    """ "vejen", "greve": a kommune's name that is also an ordinary word, as the classifier
    may tag it in lowercase ("vejen til job")."""
    return value.islower() and any(fold(value) == fold(name) for name in AMBIGUOUS_KOMMUNER)


def resolve_kommuner(session: Session, ctx: Context, use_slot: bool = True) -> list[Kommune | str]:
    """Kommuner the user means: entities, then names in the text, then the remembered one.

    Returns Kommune rows, or the string ``"Hele landet"`` for the national level.
    """
    names: list[str] = []
    for value in ctx.entities.get("kommune", []):
        if fold(value) in {"hele landet", "landet", "danmark", "landsplan"}:
            names.append(NATIONAL)
            continue
        kommune = find_kommune(session, value)
        if kommune is not None:
            names.append(kommune.name)
    for name in kommuner_in_text(session, ctx.text):
        if name not in names:
            names.append(name)
    if not names and use_slot:
        # A goal code that only one kommune's plans have names that kommune ("5.1 om fleksjob").
        owners = kommuner_with_goal_codes(session, codes_in_text(ctx))
        remembered = ctx.slots.get("kommune")
        # a kind of plan only one kommune has names it too ("arbejdsmarkedsstrategien
        # 2020-21" is Norddjurs'), unless the kommune in play has such a plan as well
        kind_owners = kommuner_with_plan_kinds(session, plan_kinds_in(fold(ctx.text)))
        if len(owners) == 1 and remembered not in {owners[0].name}:
            names.append(owners[0].name)
        elif len(kind_owners) == 1 and remembered not in {k.name for k in kind_owners}:
            names.append(kind_owners[0].name)
        elif remembered:
            names.append(remembered)
        elif ctx.earlier_kommuner and not _ordinary_word_in_lowercase(ctx.earlier_kommuner[0]):
            # "jeg bor på mors nu. hvad er igu?" – "hvad gør kommunen for flygtninge som mig?":
            # the kommune a message named, also when its answer did not remember it
            names.append(ctx.earlier_kommuner[0])
    result: list[Kommune | str] = []
    for name in names:
        if name == NATIONAL:
            result.append(NATIONAL)
            continue
        kommune = find_kommune(session, name)
        if kommune is not None and kommune not in result:
            result.append(kommune)
    return result


def _first_kommune(session: Session, ctx: Context) -> Kommune | None:
    for item in resolve_kommuner(session, ctx):
        if isinstance(item, Kommune):
            return item
    return None


_CODE_IN_TEXT = re.compile(
    r"(?:^|[\s(])((?:m[aå]+l\s*)?(?:[1-9]\.[0-9]{1,2}|[1-9]\.s[1-9]|[1-9][ab]|m[1-5])|ministerm[aå]+l\s*[1-5]|m[aå]+l(?:s[aæ]tning)?\s*[1-9])(?=$|[\s?.,!)])",
    re.IGNORECASE,
)
# "og 6,8?": a goal code typed with a decimal comma, not a number with a unit ("2,9 %")
_COMMA_CODE_IN_TEXT = re.compile(
    r"(?:^|[\s(])((?:m[aå]+l\s*)?[1-9],[0-9]{1,2})(?=$|[\s?.!)])"
    r"(?!\s*(?:%|(?:procent|pct|mio|mia|mil|kr|timer|uger|måneder|maaneder|år|aar)\b))",
    re.IGNORECASE,
)
# "mål 6 delmål 2", "mål 6, delmål 2": Morsø's numbered sub-goals (6.D2)
_SUB_GOAL_IN_TEXT = re.compile(r"\bm[aå]+l\s*([1-9])\s*[,.-]?\s*delm[aå]+l\s*([1-9])\b", re.IGNORECASE)


# "mindst 4 samtaler", "4 ud af 5", "3 måneder": a number that counts something is no goal code
_COUNT_BEFORE = (
    r"(?:mindst|minimum|min\.?|højst|hojst|maksimalt|max\.?|over|under|ca\.?|cirka|omkring|op\s+til)"
)
_COUNTED_AFTER = (
    r"(?:ud\s+af|af\s+de|%|procent|pct\.?|gange|samtaler|tilbud|måneder|maaneder|mdr\.?|uger|år|aar"
    r"|timer|minutter|min\.|dage|personer|borgere|ledige|unge|virksomheder|stillinger|job"
    r"|\.\s*(?:klasse\w*|klassetrin))"  # "lige efter 9. klasse" is a school year
)


def _counted(number: str, text: str) -> bool:
    """Whether every ``number`` in ``text`` counts something ("mindst 4 samtaler")."""
    places = list(re.finditer(rf"(?<![\d.,]){re.escape(number)}(?![\d.,]\d)", text))
    return bool(places) and all(
        re.search(rf"\b{_COUNT_BEFORE}\s*$", text[: m.start()], re.IGNORECASE)
        or re.match(rf"\s*{_COUNTED_AFTER}(?!\w)", text[m.end() :], re.IGNORECASE)
        for m in places
    )


def without_codes(text: str) -> str:
    """``text`` without the goal codes :func:`codes_in_text` reads in it ("mål 6 delmål 2",
    "6,8", "6.3", "mål 7", "A1"), for the checks that look at the words around them."""
    without = _CODE_IN_TEXT.sub(" ", _COMMA_CODE_IN_TEXT.sub(" ", _SUB_GOAL_IN_TEXT.sub(" ", text)))
    return LETTER_CODE_IN_TEXT.sub(" ", without)


def codes_in_text(ctx: Context) -> list[str]:
    """Goal codes named by entity or in the text ("6.3", "1a", "mål 3", "ministermål 2")."""
    codes: list[str] = []
    for value in ctx.entities.get("goal_code", []):
        code = normalise_code(value)
        bare = value.rstrip(".")
        if bare.isdigit() and (_counted(bare, ctx.text) or not is_goal_number(bare)):
            continue
        if code and code not in codes:
            codes.append(code)
    for goal, sub in _SUB_GOAL_IN_TEXT.findall(ctx.text):
        codes = [c for c in codes if c not in (goal, sub)] + [f"{goal}.D{sub}"]
    text = _SUB_GOAL_IN_TEXT.sub(" ", ctx.text)
    comma_codes = list(_COMMA_CODE_IN_TEXT.finditer(text))
    text = _COMMA_CODE_IN_TEXT.sub(" ", text)
    letter_codes = list(LETTER_CODE_IN_TEXT.finditer(text))
    for match in sorted(
        (*_CODE_IN_TEXT.finditer(text), *comma_codes, *letter_codes), key=lambda m: m.start()
    ):
        code = normalise_code(match.group(1))
        if code and code not in codes:
            codes.append(code)
    # "ministermål 5" is M5, not also goal 5 (the entity took the number alone); "BP24" is a plan
    return [c for c in codes if not (c.isdigit() and f"M{c}" in codes) and not _PLAN_SHORTHAND.fullmatch(c)]


TARGET_GROUP_WORDS = {
    "unge": ["ung", "unge", "ungdom", "ungdommen", "ungdommer", "elever", "lærlinge"],
    "ledige": ["ledig", "ledige", "arbejdsløs", "arbejdsløse", "arbejdslose"],
    "flygtninge": [
        "flygtning",
        "flygtninge",
        "integration",
        "integrationsborgere",
        "indvandrere",
        "familiesammenførte",
        "udlændinge",
    ],
    "personer med handicap": [
        "handicap",
        "handicappede",
        "handicappet",
        "funktionsnedsættelse",
        "funktionsnedsættelser",
        # a diagnosis told about oneself or a relative
        "parese",
        "autisme",
        "autist",
        "adhd",
        "udviklingshæmmet",
        "kørestol",
    ],
    "sygemeldte": ["sygemeldt", "sygemeldte", "syge", "sygedagpenge"],
    "virksomheder": [
        "virksomhed",
        "virksomheder",
        "virksomhederne",
        "arbejdsgiver",
        "arbejdsgivere",
        "erhvervsliv",
        "erhvervslivet",
    ],
    "kontanthjælpsmodtagere": ["kontanthjælpsmodtagere", "kontanthjælp"],
    "dagpengemodtagere": ["dagpengemodtagere", "forsikrede"],
    "langtidsledige": ["langtidsledige", "langtidsledig"],
    "seniorer": ["senior", "seniorer", "ældre"],
    "udsatte": ["udsatte", "udsat", "sårbare"],
    "fleksjob": ["fleksjob", "fleksjobbere", "fleksjobvisiterede"],
}
_GROUP_LOOKUP = {fold(w): g for g, words in TARGET_GROUP_WORDS.items() for w in words}


# "for os ældre", "for de unge", "til sådan nogle som mig": the group a question is for
_FOR_WHOM = re.compile(
    r"\b(?:for|til)\s+(?:os|de|dem|vores|jer|sådan\s+nogle|saadan\s+nogle|sadan\s+nogle)?\s*([a-zæøåé]+)"
)


def target_group_in(ctx: Context) -> str | None:
    """The target group the user asks about: one named in the question before one in a
    preamble ("jeg er i fleksjob men er blevet ledig … hvad gør kommunen for os
    fleksjobbere?"), then the entity, then the first named."""
    question = question_sentences(ctx.text)
    # "jeg er 58 og har været ledig længe, gør de noget for os ældre?": the group the question
    # is for, before one the story in the same sentence names
    for match in _FOR_WHOM.finditer((question or ctx.text).lower()):
        group = _GROUP_LOOKUP.get(fold(match.group(1)))
        if group:
            return group
    if question:
        for word in re.findall(r"[a-zæøåé]+", question.lower()):
            group = _GROUP_LOOKUP.get(fold(word))
            if group:
                return group
    folded = fold(ctx.text)
    if _LONG_UNEMPLOYED.search(folded):
        # "jeg har været ledig i over 2 år … folk der har gået så længe": more than jobless
        return "langtidsledige"
    value = ctx.entity("target_group")
    if value:
        key = fold(value)
        if key in _GROUP_LOOKUP:
            return _GROUP_LOOKUP[key]
        for group in TARGET_GROUP_WORDS:
            if fold(group) == key:
                return group
    for word in re.findall(r"[a-zæøåé]+", ctx.text.lower()):
        group = _GROUP_LOOKUP.get(fold(word))
        if group:
            return group
    # "og for jobparate kth-modtagere?": a benefit named by its abbreviation, found as the indicator
    indicator = ctx.entity("indicator")
    if indicator and fold(indicator) in _GROUP_LOOKUP:
        return _GROUP_LOOKUP[fold(indicator)]
    if _YOUNG_PERSON.search(folded):
        return "unge"
    return None


# unemployed for a long time, told in words ("ledig i over 2 år", "gået så længe")
_LONG_UNEMPLOYED = re.compile(
    r"\b(?:ledig|arbejdslos|uden\s+(?:job|arbejde))\w*(?:\s+(?:i|pa)\s+\w+)?\s+i\s+(?:over\s+|mere\s+end\s+|snart\s+)?"
    r"(?:et|1|to|2|tre|3|fire|4|mange|flere)\s+(?:ar|aar)\b"
    r"|\b(?:gaet|gaaet|gået|vaeret\s+ledig\w*)\s+(?:sa\s+|saa\s+|rigtig\s+|meget\s+)?(?:laenge|lang\s+tid)\b"
)


# "min søn er 19 og er droppet ud af gym", "jeg er 22 år": a young person told about
_YOUNG_PERSON = re.compile(
    r"\b(?:er|pa|bliver|fylder)\s+(?:1[5-9]|2[0-4])\b(?!\s*(?:kr|%|procent|timer|maned|uger|dage))"
    r"|\b(?:1[5-9]|2[0-4])\s*(?:-\s*)?(?:ar|arig)\b"
    r"|\bdroppet\s+ud\b|\bgymnasiet\b|\bgym\b|\befterskole\w*|\bteenager\w*"
)


# --- Conversation helpers -------------------------------------------------------------


def ask_for_kommune(session: Session, question: str) -> Answer:
    """Ask which kommune, with a button for each kommune we have plans for."""
    kommuner = kommuner_with_plans(session)
    return Answer(
        text=f"{question} Jeg har beskæftigelsesplaner for {fmt.join_list([k.name for k in kommuner])}.",
        buttons=[_button(k.name, k.name) for k in kommuner],
    )


def _no_plans(session: Session, kommune: Kommune, ctx: Context | None = None) -> Answer:
    """There is no plan for ``kommune``; with ``ctx`` naming a Jobindsats figure ("har du
    friske tal for langtidsledige i Vejen?" heard as a goal question) that figure follows."""
    known = [k.name for k in kommuner_with_plans(session)]
    if ctx is not None and indicator_in(ctx) is not None:
        figures = answer_jobindsats(
            session, replace(ctx, entities={**ctx.entities, "kommune": [kommune.name]})
        )
        if figures.sources:
            figures.text = (
                f"Jeg har ingen beskæftigelsesplan for {kommune.name} Kommune, men her er det seneste tal "
                f"fra Jobindsats.dk:\n{figures.text}"
            )
            return figures
    return Answer(
        text=(
            f"Jeg har ingen beskæftigelsesplan for {kommune.name} Kommune – kun for {fmt.join_list(known)}. "
            f"Jeg kan dog give dig aktuelle tal fra Jobindsats.dk for {kommune.name}, fx ledigheden."
        ),
        buttons=[
            _button(f"Ledigheden i {kommune.name}", f"Hvad er ledigheden i {kommune.name}?"),
            *[_button(f"Mål i {name}", f"Hvilke mål har {name}?") for name in known],
        ],
        slots={"kommune": kommune.name},
    )


def _kommune_and_plan(
    session: Session, ctx: Context, question: str
) -> tuple[Kommune | None, Plan | None, Answer | None]:
    kommune = _first_kommune(session, ctx)
    if kommune is None:
        return None, None, ask_for_kommune(session, question)
    if not kommune.has_plans:
        return kommune, None, _no_plans(session, kommune, ctx)
    hint = _plan_hint(ctx)
    plan = find_plan(session, kommune, hint)
    if plan is None:
        return kommune, None, _no_plans(session, kommune)
    if not hint and ctx.slots.get("plan_id") and ctx.slots.get("kommune") == kommune.name:
        remembered = session.get(Plan, ctx.slots["plan_id"])
        if remembered is not None and remembered.kommune_id == kommune.id:
            plan = remembered
    return kommune, plan, None


# a plan's period ("2021-2024", "21-24") alone, and a period or a year in a text
_PERIOD_ONLY = re.compile(r"(?:20)?[12]\d\s*[-–/]\s*(?:20)?[12]\d")
_PERIOD_IN_TEXT = re.compile(r"\b(?:20)?[12]\d\s*[-–/]\s*(?:20)?[12]\d\b|\b20[12]\d\b")


def _year_in(text: str) -> str | None:
    match = re.search(r"\b(20[12]\d)\b", text)
    if match:
        return match.group(1)
    # staff shorthand for a beskæftigelsesplan: "BP24", "BP 2024"
    short = _PLAN_SHORTHAND.search(text)
    return f"20{short.group(1)[-2:]}" if short else None


_PLAN_SHORTHAND = re.compile(r"\bBP\s?((?:20)?[12]\d)\b", re.IGNORECASE)


_YEAR_OR_PERIOD = re.compile(r"(?:19|20)\d{2}(?:\s*[-–/]\s*(?:19|20)?\d{2})?|\d{2}\s*[-–/]\s*\d{2}")


def _plan_hint(ctx: Context) -> str | None:
    """Which plan the question names: its year or period ("2024", "20-21") and/or its kind
    ("strategien", "notatet"), for :func:`planbot.query.find_plan`."""
    year = ctx.entity("year")
    if year and not _YEAR_OR_PERIOD.fullmatch(year.strip()):
        year = None  # "de 90 %" tagged as a year
    # a deadline names no plan ("hvor tilfredse skal borgerne være senest i 2024?")
    without_deadlines = _BY_A_YEAR.sub(" ", ctx.text)
    if year and year.strip() not in without_deadlines:
        year = None
    year = year or _year_in(without_deadlines)
    lowered = fold(ctx.text)
    if _OTHER_PLAN.search(lowered) and ctx.slots.get("plan_id") and not year:
        return f"{OTHER_PLAN_HINT} {ctx.slots['plan_id']}"
    word = next((w for w in PLAN_KIND_WORDS if w in lowered), None)
    older = OLDER_PLAN_HINT if _OLDER_PLAN.search(lowered) else None
    hint = " ".join(part for part in (year, word, older) if part)
    return hint or None


# "og den anden plan?", "i det andet dokument": the kommune's plan besides the one in play
_OTHER_PLAN = re.compile(
    r"\b(?:anden|andet)\s+(?:plan\w*|beskaeftigelsesplan\w*|notat\w*|strategi\w*|dokument\w*)"
)
# "og i den gamle plan?", "i den forrige strategi": the kommune's plan before the newest
_OLDER_PLAN = re.compile(
    r"\b(?:gamle|aeldre|tidligere|forrige)\s+(?:plan\w*|beskaeftigelsesplan\w*|notat\w*|strategi\w*|dokument\w*)"
)


def _other_plans_line(session: Session, plan: Plan) -> str:
    others = [p for p in plan.kommune.plans if p.id != plan.id]
    if not others:
        return ""
    names = [f"{p.title} ({p.period})" for p in others]
    return f"\n\nJeg kender også {fmt.genitive(plan.kommune.name)} {fmt.join_list(names)}."


def _goal_label(goal: Goal, staff: bool = False) -> str:
    title = goal.title
    if re.fullmatch(r"M[1-5]", goal.code) or title.lower().startswith(("mål ", "ministermål")):
        return title
    if goal.code.isdigit():
        return f"Mål {goal.code}: {title}"
    prefix = f"{goal.code} " if not re.match(rf"^{re.escape(goal.code)}\b", title) else ""
    return f"{prefix}{title}"


# "… et forslag om at flytte penge fra STU. Hvor stort et beløb var det?": a question that
# points back at the sentence before it and names at most this many things of its own
_POINTING_BACK = re.compile(r"\b(?:det|den|dem|dette|denne|disse)\b", re.IGNORECASE)
_THIN_QUESTION_WORDS = 2
# "Hvor stort et beløb var der tale om?": a question that asks for an amount and names no subject
_AMOUNT_ONLY = {
    "belob", "belobet", "penge", "pengene", "kroner", "kr", "millioner", "mio", "tal", "tallet", "antal",
    "antallet", "procent", "andel", "andelen", "stort", "stor", "store", "mange", "meget", "tale", "sig",
    "drejede", "drejer", "samlet", "ca", "cirka", "praecist", "egentlig",
}  # fmt: skip


def _content_words(text: str) -> list[str]:
    """The words of ``text`` (folded) that are not stopwords."""
    from planbot.text import stopwords

    return [w for w in re.findall(r"[^\W\d_]+", fold(text)) if w not in stopwords()]


def _question_first(ctx: Context) -> list[Context]:
    """The message's questions without its preamble (:func:`planbot.text.question_sentences`),
    then the whole message: what to look things up in, in that order. A thin question that
    points back at the preamble ("Hvor stort et beløb var det?") is looked up with it."""
    question = question_sentences(ctx.text)
    if not question:
        return [ctx]
    words = _content_words(question)
    pointing_back = _POINTING_BACK.search(_HOW_IT_GOES_DET.sub(" ", question))  # not "hvordan går det"
    if (pointing_back and len(words) <= _THIN_QUESTION_WORDS) or set(words) <= _AMOUNT_ONLY:
        return [ctx]
    return [replace(ctx, text=question), ctx]


_MINISTER_CODE = re.compile(r"M([1-9])")


def _resolve_goal(
    session: Session, ctx: Context, kommune: Kommune | None, plan: Plan | None
) -> tuple[list[Goal], str]:
    """Goals the user means and how they were found ("code", "text", "slot" or "")."""
    codes = codes_in_text(ctx)
    if codes:
        goals: list[Goal] = []
        for code in codes:
            found = find_goals(session, code, kommune=kommune, plan=plan)
            minister = _MINISTER_CODE.fullmatch(code)
            if not found and minister:
                # "ministermål 1" in a plan that numbers its ministermål 1–5 (Morsø's)
                numbered = find_goals(session, minister.group(1), kommune=kommune, plan=plan)
                found = [g for g in numbered if g.kind == "ministermål"]
            goals.extend(found)
        if not goals and plan is not None and kommune is not None:
            goals = [g for code in codes for g in find_goals(session, code, kommune=kommune)]
        return goals, "code"
    in_play = _goals_of_the_group_in_play(session, ctx, kommune, plan)
    if in_play:
        return in_play, "slot"
    # "Vi har talt om varig tilknytning. Hvordan går det med ordinære timer?": the question
    # sentence names the goal; the whole message only when the question alone finds none
    candidates = _question_first(ctx)
    for asked in candidates:
        words = _topic_words(session, asked)
        goals = find_goals(session, words, kommune=kommune, plan=plan) if words else []
        if (
            goals
            and asked is not candidates[-1]
            and _NAMED_PERCENT.search(ctx.text)
            and not _has_a_named_value(goals, ctx)
        ):
            # "går det godt med at få de unge gennem en uddannelse? der var vist et mål om 90
            # procent": a value named after the question picks among all the message's goals
            whole = find_goals(session, _topic_words(session, candidates[-1]), kommune=kommune, plan=plan)
            if _has_a_named_value(whole, ctx):
                goals = whole
        if goals:
            goals = _named_group_first(session, goals, words, ctx, kommune, plan)
            return _in_play_first(_listed_first(_named_value_first(goals, ctx), ctx), ctx), "text"
    slot_code = ctx.slots.get("goal_code")
    if slot_code and ctx.slots.get("plan_id"):
        remembered_plan = session.get(Plan, ctx.slots["plan_id"])
        if remembered_plan is not None and (kommune is None or remembered_plan.kommune_id == kommune.id):
            goals = find_goals(session, slot_code, plan=remembered_plan)
            if goals:
                return goals, "slot"
    return [], ""


def _these_first(goals: list[Goal], first: Callable[[Goal], bool]) -> list[Goal]:
    """``goals`` with those ``first`` holds for ahead of the rest, each part in its order."""
    return sorted(goals, key=lambda g: not first(g))


def _listed_first(goals: list[Goal], ctx: Context) -> list[Goal]:
    """``goals`` with those of the goal list just shown first: "og for inddragelsen i egen
    sag?" after the notat's goals for tilfredshed is the notat's goal, not the newer plan's."""
    listed = set(ctx.slots.get("listed_goals") or [])
    if not listed:
        return goals
    return _these_first(
        goals, lambda g: _LISTED_SEPARATOR.join((g.plan_id, g.code, g.plan.kommune.name)) in listed
    )


def _in_play_first(goals: list[Goal], ctx: Context) -> list[Goal]:
    """``goals`` with the goal in play first when the question points back to it and its
    words find it too ("hvad er det præcist den måler – hvilke unge tæller med?" after 6.11),
    and the plan in play's goals first for a fragment ("og inddragelse i egen sag?" after a
    goal of the older notat)."""
    code, plan_id = ctx.slots.get("goal_code"), ctx.slots.get("plan_id")
    if not plan_id:
        return goals
    if code and _POINTING_BACK.search(ctx.text):
        return _these_first(goals, lambda g: g.code == code and g.plan_id == plan_id)
    if _is_short_fragment(ctx.text):
        return _these_first(goals, lambda g: g.plan_id == plan_id)
    return goals


_SHORT_FRAGMENT_WORDS = 8


def _is_short_fragment(text: str) -> bool:
    """Whether ``text`` opens like a fragment ("og …", "hvad med …") and is short: it continues
    the plan in play."""
    return bool(_FRAGMENT_OPENER.search(text)) and len(text.split()) <= _SHORT_FRAGMENT_WORDS


# "de 90 % samlet tilfredshed", "90 procent": a target value the question names
_NAMED_PERCENT = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d+)?)\s*(?:%|procent|pct)")


def _named_value_first(goals: list[Goal], ctx: Context) -> list[Goal]:
    """``goals`` with those whose target is a value or a deadline the question names first:
    "hvad er fristen for at nå de 90 % samlet tilfredshed?" is the notat's 3a (90 %), not the
    newer plan's goal about satisfaction without a number, and so is "… senest i 2024?"."""
    values = {float(v.replace(",", ".")) for v in _NAMED_PERCENT.findall(ctx.text)}
    # "hvor tilfredse skal borgerne være … senest i 2024?": the goal with that deadline
    deadlines = {int(y) for y in _BY_A_YEAR.findall(ctx.text)}
    if not values and not deadlines:
        return goals
    return _these_first(
        goals,
        lambda g: g.target is not None and (g.target.value in values or g.target.deadline in deadlines),
    )


_GROUP_CUTOFF = 0.5  # how far below the best match a goal for the named group may score


def _named_group_first(
    session: Session, goals: list[Goal], words: str, ctx: Context, kommune: Kommune | None, plan: Plan | None
) -> list[Goal]:
    """``goals`` with those for the target group the message names first, also a close match
    the cut-off left out ("klarer morsø sig godt med at få flygtninge i arbejde": "i arbejde"
    scores the goal about people with a handicap in work higher than Mål 3 about refugees)."""
    group = target_group_in(ctx) if ctx.entities.get("target_group") else None
    if group is None or group in (goals[0].target_groups or []):
        return goals
    wider = find_goals(session, words, kommune=kommune, plan=plan, cutoff=_GROUP_CUTOFF)
    tagged = [g for g in wider if group in (g.target_groups or [])]
    return tagged + [g for g in goals if g not in tagged] if tagged else goals


def _has_a_named_value(goals: list[Goal], ctx: Context) -> bool:
    """Whether the message names a percentage and one of ``goals`` has it as its target."""
    values = {float(v.replace(",", ".")) for v in _NAMED_PERCENT.findall(ctx.text)}
    return bool(values) and any(g.target is not None and g.target.value in values for g in goals)


_BY_A_YEAR = re.compile(
    r"\b(?:senest|inden|frem\s+til|deadline)\s+(?:i\s+|udgangen\s+af\s+)?(20\d\d)\b", re.IGNORECASE
)


def _goals_of_the_group_in_play(
    session: Session, ctx: Context, kommune: Kommune | None, plan: Plan | None
) -> list[Goal]:
    """After initiatives or goals for a group ("hvad gør Norddjurs for flygtninge?"), a goal
    question that points back and names no group, theme or goal of its own ("og hvordan måler
    I så, om det virker?") is about that group's goals in the plan in play: those with a
    target first."""
    group = ctx.slots.get("target_group")
    if not group or ctx.slots.get("last_intent") not in ("ask_initiatives", "list_goals"):
        return []
    if ctx.entities.get("target_group") or ctx.entities.get("theme") or not _POINTING_BACK.search(ctx.text):
        return []
    kommune = kommune or _first_kommune(session, ctx)
    if kommune is None or not kommune.has_plans:
        return []
    words = _topic_words(session, ctx)
    if words and any(coverage >= 1.0 for _, coverage, _ in rank_goals(session, words, kommune)[:1]):
        return []  # the question names a goal of its own ("og målet om samtaler?")
    plan = plan or find_plan(session, kommune)
    goals = goals_for(session, kommune, plan, target_group=group) if plan is not None else []
    return sorted(goals, key=lambda g: g.target is None)


_NOISE_WORDS = (
        "mål", "målet", "målene", "maal", "status", "går", "gaar", "det", "hvordan", "kommune", "kommunen",
        "plan", "planen", "beskæftigelsesplan", "beskæftigelsesplanen", "nået", "naaet", "opfyldt", "ligger",
        "succeskriterie", "succeskriterier", "succeskriterierne", "målsætning", "målsætningen", "tal", "følge",
        "følges", "op", "opfølgning", "hvem", "tit", "ofte", "orienteret", "orienteres", "datakilde", "kilde",
        "data", "handle", "handler", "betyde", "betyder", "står", "vi", "jer", "i", "os", "lokale", "lokal",
        "fortæl", "forklar", "om", "hvad", "hvilke", "hvilken", "sidste", "seneste", "nyt", "egentlig",
        "overblik", "giv", "vis", "mig", "bruges", "bruger", "anvendes", "hvornår", "target", "specifikt",
        "gå", "gik", "gået", "klare", "klarer", "sig", "den", "dem", "dette", "denne", "ift", "forhold",
        "niveau", "niveauet", "ligge", "ifølge", "iflg", "jf", "målsætninger", "skal",
        # the unit of a target, not its topic ("hvad er målet, hvor mange procent?")
        "procent", "pct", "procentdel",
        # measuring and counting, not the topic ("hvad er det præcist den måler – hvilke tæller med?")
        "måler", "måles", "målt", "tæller", "tælles", "talt",
        "borger", "borgere", "borgerne", "folk", "personer",
        # how much detail, not what about ("hvad handler målet helt konkret om?")
        "helt", "konkret", "konkrete", "præcist", "præcis", "nærmere", "bestemt", "kort", "mere", "detaljeret",
        # a rate and setting a goal, not its topic ("jobordrer pr. md.", "har man sat som mål")
        "pr", "per", "sat", "sætte", "sætter", "fastsat",
        # how a goal develops and how often one hears about it, not what it is about ("hvem
        # bliver orienteret om udviklingen?", "når de det?")
        "udviklingen", "udviklet", "hyppighed", "hyppigt", "når", "naar",
        # checking a figure and asking for the same one elsewhere, not what it is about
        # ("passer det at …", "vildt mange", "tilsvarende tal i notatet")
        "passer", "stemmer", "rigtigt", "korrekt", "vildt", "tilsvarende", "samme", "overhovedet",
        # the field just talked about, not a topic ("og hvad er målet på det område?")
        "område", "området", "felt", "feltet",
        # who made the claim and its figure in words ("min nabo påstår … ti tusind samtaler")
        "påstår", "paastaar", "siger", "hørt", "læst", "fremført", "nabo", "naboen",
        "ti", "tyve", "hundrede", "tusind", "tusinde",
        # a plan's kind names the plan (see _plan_hint), not the topic
        "notat", "notatet", "strategi", "strategien", "udmøntningsnotat", "udmøntningsnotatet",
        "arbejdsmarkedsstrategi", "arbejdsmarkedsstrategien",
        # how it looks in practice, not what it is about ("hvordan ser det ud i praksis?")
        "ser", "praksis", "virkeligheden",
        # who is told, not what about ("hvordan bliver vi politikere orienteret?")
        "politiker", "politikere", "politikerne", "orientering", "orienterede", "holdt", "undervejs",
        # the plan's life, not a goal's topic ("en plan, der løber til 2027", "vedtaget")
        "vedtaget", "løber",
        # holding conversations, not what about ("hvor mange samtaler holder de?")
        "holder", "holde", "afholder", "afholde",
        # the plan's goals as a whole, not one of them ("hvordan det går med beskæftigelsesmålene")
        "beskæftigelsesmål", "beskæftigelsesmålene", "beskæftigelsesmålet", "fortælle", "fortæller", "forvaltningen",
        # when the committee hears about it, not what about ("hvornår får vi næste gang en status
        # på det i udvalget?")
        "gang", "næste", "udvalg", "udvalget", "udvalgene",
        # the year a target is measured against, not a topic ("Hvilket år måles der op imod?")
        "år", "året", "imod",
)  # fmt: skip
_QUESTION_NOISE = {fold(w) for w in _NOISE_WORDS}


@lru_cache(maxsize=1)
def _noise_lemmas() -> frozenset[str]:
    from planbot.text import lemmas

    return frozenset(lemmas(" ".join(_NOISE_WORDS))) | frozenset(_QUESTION_NOISE)


_QUESTION_PHRASES = re.compile(
    r"\bhvor (?:stor|store) (?:en )?(?:del|andel)(?: af)?\b|\bhvor (?:mange|meget|stor|store|stort|højt|hoejt|lang tid|længe|ofte|tit)\b"
    r"|\bhvilken (?:andel|del)\b|\bhvad er\b"
    # what the amount was, not what about ("hvor stort et beløb var der tale om?")
    r"|\b(?:er|var|bliver)\s+der\s+tale\s+om\b|\bdrejer\s+det\s+sig\s+om\b|\bdrejede\s+det\s+sig\s+om\b"
    # a year pointed back at ("det år", "samme år", "i år") is when, not what about
    r"|\b(?:det|samme|i|dette|det\s+pågældende)\s+(?:år|aar|året|aaret)\b"
    # a rate, not a topic ("hvor mange samtaler om året?", "pr. måned")
    r"|\b(?:om|i|pr\.?|per)\s+(?:året|aaret|aret|måneden|maaneden|maneden|ugen)\b"
    # progress, not a topic ("er vi på vej?", "på rette vej")
    r"|\b(?:på|paa|pa)\s+(?:rette\s+|den\s+rigtige\s+)?vej\b"
    # how far along, not a topic ("hvor langt er vi p.t.?", "hvor langt er de nået")
    r"|\bhvor\s+langt\b",
    re.IGNORECASE,
)


def _topic_words(session: Session, ctx: Context) -> str:
    """The user's content words (as typed) minus kommune names, question words and years."""
    from planbot.text import stopwords

    names = _kommune_names(session)
    stops = stopwords() | _noise_lemmas()
    words = []
    text = _QUESTION_PHRASES.sub(" ", with_synonyms(ctx.text))
    found = re.findall(r"[A-Za-zÆØÅæøåÉé0-9][A-Za-zÆØÅæøåÉé0-9.\-]*", text)
    # "Mariagerfjord-notatet": a kommune's name joined to a word is the name and the word
    found = [
        part
        for word in found
        for part in (word.split("-") if any(fold(p) in names for p in word.split("-")) else [word])
        if part
    ]
    for word in found:
        key = fold(word.strip(".-")).rstrip("'")
        # a period ("2021-2024") names a plan; a single year may be what a figure is about
        if not key or key in stops or key in names or _PERIOD_ONLY.fullmatch(key):
            continue
        if fold(_lemma_of(word)) in stops:
            continue
        words.append(word.strip(".-"))
    return " ".join(words)


def _lemma_of(word: str) -> str:
    from planbot.text import _lemma

    return _lemma(word)


def _unknown_goal(session: Session, kommune: Kommune | None, plan: Plan | None, asked: str) -> Answer:
    """An unknown goal: say so and list the goals that do exist.

    ``asked`` is how the user named the goal; empty when the question named none
    ("mariagerfjord succeskriterier?"), and then the answer asks which goal is meant.
    """
    if plan is None:
        return ask_for_kommune(
            session, f"Jeg kunne ikke finde målet {asked or 'du spørger om'}. Hvilken kommune tænker du på?"
        )
    goals = [g for g in plan.goals if g.kind not in {"succeskriterium", "delmål", "sigtepunkt"}] or list(
        plan.goals
    )
    lines = fmt.bullet_list([_goal_label(g) for g in goals[:MAX_LIST]])
    more = f"\n… og {len(goals) - MAX_LIST} mere." if len(goals) > MAX_LIST else ""
    return Answer(
        text=(
            (
                f"Jeg kan ikke finde målet {asked} i {fmt.genitive(plan.kommune.name)} {plan.title}. "
                if asked
                else f"Hvilket mål i {fmt.genitive(plan.kommune.name)} {plan.title} tænker du på? "
            )
            + f"Planen har disse mål:\n{lines}{more}"
        ),
        buttons=[_button(f"Om {g.code}", f"Hvad handler {g.code} om?") for g in goals[:3]],
        slots={"kommune": plan.kommune.name, "plan_id": plan.id},
        sources=[_plan_source(plan)],
    )


def _asked_label(ctx: Context) -> str:
    codes = codes_in_text(ctx)
    if codes:
        return codes[0]
    places = {fold(k) for k in ctx.entities.get("kommune", [])}
    words = " ".join(w for w in _topic_words_plain(ctx.text).split() if fold(w) not in places)
    return f"om »{words}«" if words else ""


def _topic_words_plain(text: str) -> str:
    from planbot.text import stopwords

    stops = stopwords() | _noise_lemmas()
    return " ".join(w for w in re.findall(r"[A-Za-zÆØÅæøå0-9.]+", text) if fold(w) not in stops)[:60]


# --- Answers -----------------------------------------------------------------------------


def answer_greet(session: Session, ctx: Context) -> Answer:
    """Greeting with suggestions; a bare "hej hej" after an answered question takes leave."""
    if ctx.slots.get("last_intent") and is_bare_hej_hej(ctx.text):
        return Answer(text="", response="utter_goodbye")
    names = [k.name for k in kommuner_with_plans(session)]
    return Answer(
        text=(
            "Hej! Jeg er planassistenten. Jeg svarer på spørgsmål om beskæftigelsesplanerne i "
            f"{fmt.join_list(names)}: mål, indsatser, opfølgning og status – og aktuelle tal fra Jobindsats.dk."
        ),
        buttons=[
            _button("Hvilke mål har Norddjurs?", "Hvilke mål har Norddjurs?"),
            _button("Hvad gør kommunen for de unge?", "Hvad gør Mariagerfjord for de unge?"),
            _button("Ledigheden i Morsø", "Hvad er ledigheden i Morsø lige nu?"),
        ],
    )


def answer_help(session: Session, ctx: Context) -> Answer:
    """What the assistant can do."""
    names = [k.name for k in kommuner_with_plans(session)]
    text = (
        f"Jeg kender beskæftigelsesplanerne for {fmt.join_list(names)}. Du kan fx spørge om:\n"
        + fmt.bullet_list(
            [
                "planen: »Hvilken periode dækker Mariagerfjords plan?«",
                "mål: »Hvilke mål har Morsø?« eller »Hvad handler 6.3 om?«",
                "målsætninger og opfølgning: »Hvor tit følges der op på de vandrende sager?«",
                "indsatser: »Hvad gør kommunen for flygtninge?«",
                "tal i planerne: »Hvor mange praktikpladser skal praktikbanken finde?«",
                "status: »Hvordan går det med målet om samtaler?«",
                "aktuelle tal for alle 98 kommuner: »Hvad er ledigheden i Aarhus lige nu?«",
                "kilden bag mit svar: »Hvor står det?«",
            ]
        )
    )
    return Answer(
        text=text,
        buttons=[
            _button("Overblik over Norddjurs' mål", "Giv mig et overblik over Norddjurs' mål"),
            _button("Hvad er FGU?", "Hvad er FGU?"),
        ],
    )


# what a question about the plan itself asks for: its period, approval, committee, frame
_PLAN_ASPECT = re.compile(
    r"\b(?:period\w*|godkend\w*|vedtag\w*|vedtog|udvalg\w*|minist\w*|fokusomrad\w*|kerneopgave\w*"
    r"|princip\w*|vision\w*|daekker|hvornar|hvem|gyldig\w*|gaelder|ar|aret|frame|ramme\w*)\b"
)
# terms that name the plans or their frame, not a subject in them
_PLAN_TERMS = {"beskaeftigelsesplan", "ministermal", "jobindsats", "jobcenter", "resultatmal", "fokusmal"}


def _asks_about_a_subject_in_the_plan(ctx: Context) -> bool:
    """Whether a plan question asks what the plan says about a group, theme or term ("hvad
    står der om unge i Morsøs plan?") rather than about the plan itself."""
    terms = [t for t in ctx.entities.get("term", []) if fold(t) not in _PLAN_TERMS]
    subject = target_group_in(ctx) or ctx.entity("theme") or terms
    return bool(subject) and not _PLAN_ASPECT.search(fold(ctx.text))


_FRAME_LABELS = {
    "ministermål": "ministermål",
    "fokusområde": "fokusområder",
    "kerneopgave": "kerneopgaver",
    "princip": "bærende principper",
    "vision": "vision",
}


def _frame_lines(frame: list[dict[str, Any]]) -> list[str]:
    """The frame a plan has, kind by kind ("Fokusområder:" and a list)."""
    lines = []
    for kind in ("vision", "ministermål", "princip", "fokusområde", "kerneopgave"):
        label = _FRAME_LABELS[kind]
        items = [f["text"].rstrip(".") for f in frame if f.get("kind") == kind]
        if items:
            lines.append(f"{label[0].upper()}{label[1:]}:")
            lines.append(fmt.bullet_list(items))
    return lines


def answer_plan_info(session: Session, ctx: Context) -> Answer:
    """The plan: period, approval, committee, frame, summary."""
    q = fold(ctx.text)
    if _goal_kinds_named(ctx.text):
        # "kan du liste resultat- og fokusmålene i planen?": goals, not the plan's frame
        return _answered_as(answer_list_goals(session, ctx), "list_goals")
    if _asks_about_a_subject_in_the_plan(ctx):
        # "hvad står der om unge i Morsøs plan?", "har de noget med fgu i deres plan?"
        return _answered_as(answer_initiatives(session, ctx), "ask_initiatives")
    if "minister" in q and _first_kommune(session, ctx) is None:
        # The ministermål are national: answer from the newest plan that lists them (or the year asked for).
        year = _year_in(ctx.text)
        with_minister = [
            p for p in session.scalars(select(Plan).order_by(Plan.period_end.desc()))
            if any(f.get("kind") == "ministermål" for f in p.frame or [])
            and (not year or not year.isdigit() or p.period_start <= int(year) <= p.period_end)
        ]  # fmt: skip
        if with_minister:
            ctx = Context(
                ctx.text,
                ctx.intent,
                {**ctx.entities, "kommune": [with_minister[0].kommune.name]},
                ctx.slots,
                ctx.channel,
            )
    kommune, plan, early = _kommune_and_plan(session, ctx, "Hvilken kommunes plan tænker du på?")
    if early:
        return early
    assert plan is not None and kommune is not None
    frame = plan.frame or []
    sources = [_plan_source(plan)]
    lines: list[str] = []
    wanted_kind = None
    for word, kind in (
        ("minister", "ministermål"),
        ("fokus", "fokusområde"),
        ("kerneopgave", "kerneopgave"),
        ("princip", "princip"),
        ("vision", "vision"),
    ):
        if word in q:
            wanted_kind = kind
    if wanted_kind:
        items = [f for f in frame if f.get("kind") == wanted_kind]
        if items:
            lines.append(f"{plan.title} for {kommune.name} bygger på disse {_FRAME_LABELS[wanted_kind]}:")
            lines.append(fmt.bullet_list([i["text"].rstrip(".") for i in items]))
            sources = [_plan_source(plan, None, items[0].get("source"))]
        else:
            lines.append(f"{plan.title} for {kommune.name} nævner ingen {wanted_kind}.")
            # "er den bygget op om ministermålene, eller hvad er rammen?": the frame it has
            if frame:
                lines.append("Den bygger i stedet på:")
                lines += _frame_lines(frame)
                sources = [_plan_source(plan, None, frame[0].get("source"))]
    elif "ramme" in q and frame:
        lines.append(f"Rammen for {plan.title} for {kommune.name}:")
        lines += _frame_lines(frame)
        sources = [_plan_source(plan, None, frame[0].get("source"))]
    else:
        lines.append(
            f"{plan.title} for {kommune.name} dækker {('året ' + plan.period) if plan.period_start == plan.period_end else 'perioden ' + plan.period}."
        )
        if plan.approved_date:
            approved = _danish_date(plan.approved_date)
            by = (
                f" af {plan.approved_by.lower() if plan.approved_by and plan.approved_by.lower().startswith('kommunal') else plan.approved_by}"
                if plan.approved_by
                else ""
            )
            lines.append(f"Den blev godkendt{by} {approved}.")
            sources = [_plan_source(plan, None, plan.approved_source)]
        elif plan.approved_by:
            lines.append(
                f"Ifølge planen godkendes den af {plan.approved_by.lower() if plan.approved_by.lower().startswith('kommunal') else plan.approved_by}; datoen står ikke i dokumentet."
            )
            sources = [_plan_source(plan, None, plan.approved_source)]
        elif any(w in q for w in ("godkend", "vedtag", "hvornar", "hvem")):
            lines.append("Dokumentet oplyser ikke, hvornår eller af hvem planen blev godkendt.")
        if plan.committee:
            lines.append(f"Ansvarligt udvalg: {plan.committee}.")
        if plan.summary:
            lines.append(plan.summary)
        kinds = sorted(
            {f.get("kind") for f in frame if f.get("kind") in {"ministermål", "fokusområde", "kerneopgave"}}
        )
        if kinds:
            lines.append(
                "Spørg gerne om planens "
                + fmt.join_list(
                    [
                        {
                            "ministermål": "ministermål",
                            "fokusområde": "fokusområder",
                            "kerneopgave": "kerneopgaver",
                        }[k]
                        for k in kinds
                    ]
                )
                + "."
            )
    text = "\n".join(lines) + _other_plans_line(session, plan)
    return Answer(
        text=text,
        buttons=[_button("Hvilke mål har planen?", f"Hvilke mål har {kommune.name}?")],
        slots={"kommune": kommune.name, "plan_id": plan.id},
        sources=sources,
        details=_plan_details(plan, shown="\n".join(lines)),
    )


def _plan_details(plan: Plan, shown: str) -> str | None:
    """More about a plan ("fortæl lidt mere om den"): its frame, unless just shown, and its
    overall goals."""
    lines = []
    frame = _frame_lines(plan.frame or [])
    if frame and not any(line in shown for line in frame if line.startswith("- ")):
        lines += [f"Rammen for {fmt.genitive(plan.kommune.name)} {plan.title}:", *frame]
    overall = [g for g in plan.goals if not g.parent_code]
    if overall:
        lines.append(f"Planens {len(overall)} overordnede mål:")
        lines.append(fmt.bullet_list([_goal_label(g) for g in overall[:12]]))
    return "\n".join(lines) or None


def _danish_day(iso: str) -> str:
    """'2026-08-22' -> '22.08.2026', as the Jobindsats answers write a date."""
    try:
        return f"{dt.date.fromisoformat(iso):%d.%m.%Y}"
    except ValueError:
        return iso


def _danish_date(text: str) -> str:
    match = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", text)
    if not match:
        return text
    year, month, day = match.groups()
    if day:
        return f"den {int(day)}. {MONTHS_DA[int(month) - 1]} {year}"
    return f"i {MONTHS_DA[int(month) - 1]} {year}"


_MINISTER_WORD = re.compile(r"\bminist(?:er|re)", re.IGNORECASE)
_LOCAL_WORD = re.compile(r"\blokal(?:e|t)?\b", re.IGNORECASE)
# the plans' other kinds of goal as the user names them (folded): "resultat- og fokusmålene"
_GOAL_KIND_WORDS = (
    (re.compile(r"\bresultat(?:mal\w*|-)"), "resultatmål"),
    (re.compile(r"\bfokusmal\w*"), "fokusmål"),
    (re.compile(r"\bsucceskrit\w*"), "succeskriterium"),
    (re.compile(r"\bdelmal\w*"), "delmål"),
    (re.compile(r"\bmalsaetning\w*"), "målsætning"),
    (re.compile(r"\bpejlemaerke\w*"), "pejlemærke"),
    (re.compile(r"\bsigtepunkt\w*"), "sigtepunkt"),
)
_PLAIN_GOAL_WORD = re.compile(r"\bmal(?:ene|et)?\b")
_GOAL_KIND_PLURALS = {
    "succeskriterium": "succeskriterier",
    "målsætning": "målsætninger",
    "pejlemærke": "pejlemærker",
    "sigtepunkt": "sigtepunkter",
    "lokalt mål": "lokale mål",
}


def _goal_kind_asked(text: str) -> str | None:
    """The kind of goal the question asks for: "lokale mål (ud over ministerens)" → lokalt mål."""
    if _LOCAL_WORD.search(text):
        return "lokalt mål"
    if _MINISTER_WORD.search(text):
        return "ministermål"
    return None


def _goal_kinds_named(text: str) -> set[str]:
    """The plans' other kinds of goal the question names: "resultat- og fokusmålene" →
    resultatmål and fokusmål."""
    folded = fold(text)
    return {kind for pattern, kind in _GOAL_KIND_WORDS if pattern.search(folded)}


def _goal_kinds_label(goals: list[Goal]) -> str:
    """ "succeskriterier", "resultatmål og fokusmål": the kinds of the listed goals, plural."""
    kinds = dict.fromkeys(g.kind for g in goals)  # in the order shown
    return fmt.join_list([_GOAL_KIND_PLURALS.get(kind, kind) for kind in kinds])


def answer_list_goals(session: Session, ctx: Context) -> Answer:
    """List goals by kommune/plan, theme or target group."""
    group = target_group_in(ctx)
    theme = ctx.entity("theme")
    kind = None if (group or theme) else _goal_kind_asked(ctx.text)
    if kind == "ministermål" and _first_kommune(session, ctx) is None:
        return answer_plan_info(session, ctx)  # the ministermål are national
    kommuner = [k for k in resolve_kommuner(session, ctx, use_slot=not group) if isinstance(k, Kommune)]
    if not kommuner and (group or theme):
        kommuner = kommuner_with_plans(session)
    if not kommuner:
        return ask_for_kommune(session, "Hvilken kommunes mål vil du se?")
    blocks: list[str] = []
    sources: list[Source] = []
    slots: dict[str, Any] = {}
    listed: list[str] = []  # "plan id|goal code|kommune" in the order shown, for "det tredje af dem"
    example: Goal | None = None  # the first goal shown, for the buttons
    hint = _plan_hint(ctx)
    named_codes = codes_in_text(ctx)
    named_kinds = _goal_kinds_named(ctx.text)
    for kommune in kommuner:
        if not kommune.has_plans:
            if len(kommuner) == 1:
                return _no_plans(session, kommune, ctx)
            blocks.append(f"{kommune.name}: ingen beskæftigelsesplan i mine data.")
            continue
        plan = (
            find_plan(session, kommune, hint)
            if (hint or len(kommuner) == 1 or not (group or theme))
            else None
        )
        goals = goals_for(session, kommune, plan, target_group=group)
        if not goals and group and not hint and plan is not None:
            # the newest plan has no goal for the group, an older one may ("mål for sygedagpenge")
            goals = goals_for(session, kommune, None, target_group=group)
            plan = goals[0].plan if goals and len({g.plan_id for g in goals}) == 1 else None
        if theme:
            themed = [g for g in goals if g.theme == theme]
            goals = themed or [
                g for _, g in rank_by_words(goals, theme, ("title", "text", "measure"), corpus_index(session))
            ]
        parent = next((g for g in goals if len(named_codes) == 1 and g.code == named_codes[0]), None)
        children = [g for g in goals if parent is not None and g.parent_code == parent.code]
        if parent is not None and not children and named_kinds and len(kommuner) == 1:
            # "hvilke delmål har mål 1?" when it has none: say so, and describe the goal
            kinds = fmt.join_list([_GOAL_KIND_PLURALS.get(k, k) for k in sorted(named_kinds)], "eller")
            detail = _goal_detail([parent], ctx)
            return replace(
                detail, text=f"{_goal_label(parent)} har ingen {kinds} under sig.\n\n{detail.text}"
            )
        if children and not (group or theme):
            # "hvilke succeskriterier hører til mål 3?": the goals under the named goal
            assert parent is not None and plan is not None
            goals = [g for g in children if g.kind in named_kinds] or children
            heading = (
                f"{_goal_label(parent)} ({fmt.genitive(kommune.name)} {plan.title}) "
                f"har {len(goals)} {_goal_kinds_label(goals)}:"
            )
        elif group or theme:
            if not goals:
                # "hvad vil mariager fjord opnå med de arbejdsløse": none for them, so the plan's goals
                main = plan or find_plan(session, kommune)
                top_goals = [g for g in main.goals if g.parent_code is None] if main is not None else []
                if len(kommuner) > 1 or not top_goals or not group:
                    blocks.append(f"{kommune.name}: ingen mål særligt for {group or theme}.")
                    continue
                assert main is not None
                goals, plan = top_goals, main
                heading = (
                    f"{fmt.genitive(kommune.name)} {main.title} har ingen mål særligt for {group}. "
                    "Planens overordnede mål er:"
                )
            else:
                heading = f"{kommune.name} – mål for {group or theme}:"
        elif plan is not None and not kind and any(g.kind in named_kinds for g in goals):
            # "resultat- og fokusmålene i Beskæftigelsesplan 2024": the goals of those kinds;
            # "mål og succeskriterier": the top goals too
            with_top = bool(_PLAIN_GOAL_WORD.search(fold(ctx.text)))
            goals = [g for g in goals if g.kind in named_kinds or (with_top and g.parent_code is None)]
            heading = (
                f"{fmt.genitive(kommune.name)} {plan.title} har {len(goals)} {_goal_kinds_label(goals)}:"
            )
        elif kind and any(g.kind == kind for g in goals):
            assert plan is not None
            goals = [g for g in goals if g.kind == kind]
            heading = (
                f"{fmt.genitive(kommune.name)} {plan.title} bygger på {len(goals)} ministermål:"
                if kind == "ministermål"
                else f"{fmt.genitive(kommune.name)} {plan.title} har {len(goals)} lokale mål:"
            )
        else:
            assert plan is not None
            top = [g for g in goals if g.kind not in {"succeskriterium", "delmål", "sigtepunkt"}]
            heading = f"{fmt.genitive(kommune.name)} {plan.title} har {len(goals)} mål"
            if len(top) < len(goals):
                heading += f" – her er de {len(top)} overordnede:"
                goals = top
            else:
                heading += ":"
        shown = goals[:MAX_LIST]
        example = example or (shown[0] if shown else None)
        listed += [_LISTED_SEPARATOR.join((g.plan_id, g.code, kommune.name)) for g in shown]
        more = f"\n… og {len(goals) - MAX_LIST} mere." if len(goals) > MAX_LIST else ""
        blocks.append(
            f"{heading}\n"
            + fmt.bullet_list(
                [_goal_label(g) + (f" ({g.plan.title})" if plan is None else "") for g in shown]
            )
            + more
        )
        first_plan = plan or (goals[0].plan if goals else None)
        if first_plan is not None:
            sources.append(_plan_source(first_plan, goals[0].section_heading if goals else None))
        if len(kommuner) == 1:
            slots = {"kommune": kommune.name}
            if plan is not None:
                slots["plan_id"] = plan.id
            if goals:
                # one goal shown, or the one goal the question named among them ("mål 4 i detaljer")
                named = [g.code for g in goals if len(named_codes) == 1 and g.code == named_codes[0]]
                slots["goal_code"] = goals[0].code if len(goals) == 1 else (named[0] if named else None)
            if children and parent is not None:
                slots["goal_code"] = parent.code  # the goal they are under
    buttons = []
    if example is not None:
        example_kommune = example.plan.kommune.name
        question = f"Hvad handler {example.code} om?"
        if len(kommuner) > 1:  # the code alone is ambiguous across kommuner
            question = f"Hvad handler {example.code} i {example_kommune} om?"
        buttons.append(_button(question, question))
        buttons.append(
            _button("Overblik over status", f"Giv mig et overblik over {fmt.genitive(example_kommune)} mål")
        )
    if group:
        slots["target_group"] = group
    slots["listed_goals"] = listed or None
    return Answer(text="\n\n".join(blocks), buttons=buttons, slots=slots, sources=sources)


def _goal_context(
    session: Session, ctx: Context, question: str
) -> tuple[list[Goal], Kommune | None, Plan | None, Answer | None]:
    kommune = _first_kommune(session, ctx)
    plan = None
    if kommune is not None:
        if not kommune.has_plans:
            return [], kommune, None, _no_plans(session, kommune, ctx)
        hint = _plan_hint(ctx)
        plan = find_plan(session, kommune, hint) if hint else None
    goals, how = _resolve_goal(session, ctx, kommune, plan)
    explicit = bool(ctx.entities.get("kommune")) or bool(kommuner_in_text(session, ctx.text))
    if not goals and kommune is not None and not explicit and how != "slot":
        # The kommune came from the conversation, not the question: look everywhere.
        goals, how = _resolve_goal(
            session, Context(ctx.text, ctx.intent, ctx.entities, {}, ctx.channel), None, None
        )
        if goals:
            kommune = None
    if not goals:
        if how == "code" or codes_in_text(ctx):
            if kommune is None:
                return (
                    [],
                    None,
                    None,
                    ask_for_kommune(
                        session,
                        f"Jeg kan ikke finde målet {codes_in_text(ctx)[0]}. Hvilken kommune tænker du på?",
                    ),
                )
            plan = plan or find_plan(session, kommune)
            return [], kommune, plan, _unknown_goal(session, kommune, plan, codes_in_text(ctx)[0])
        if kommune is None:
            return [], None, None, ask_for_kommune(session, question)
        plan = plan or find_plan(session, kommune)
        return [], kommune, plan, _unknown_goal(session, kommune, plan, _asked_label(ctx))
    # Prefer the main plan's goal when the same code exists in several plans.
    if kommune is None and len({g.plan.kommune_id for g in goals}) > 1 and how != "slot":
        if how == "code":
            names = sorted({g.plan.kommune.name for g in goals})
            ans = ask_for_kommune(
                session,
                f"Flere kommuner har et mål {goals[0].code} ({fmt.join_list(names)}). Hvilken kommune tænker du på?",
            )
            ans.slots = {"goal_code": goals[0].code}
            return [], None, None, ans
    return goals, kommune, plan, None


# "hvad handler Norddjurs' beskæftigelsesplan om?", "hvad går planen ud på?": the plan, not a goal
_WHAT_THE_PLAN_IS_ABOUT = re.compile(
    r"\bhvad\s+(?:handler|gar|drejer)\s+(?:(?!mal\w*\b)\w+\s+){0,3}?\w*(?:plan|strategi|notat)\w*\s+"
    r"(?:\w+\s+){0,2}?(?:om|ud\s+pa)\b"
)


def answer_goal_detail(session: Session, ctx: Context) -> Answer:
    """One goal in detail; what a plan is about when the question names the plan and no goal."""
    if not codes_in_text(ctx) and _WHAT_THE_PLAN_IS_ABOUT.search(fold(ctx.text)):
        return _answered_as(answer_plan_info(session, ctx), "ask_plan_info")
    goals, _, _, early = _goal_context(session, ctx, "Hvilken kommunes mål tænker du på?")
    if early:
        return early
    return _goal_detail(goals, ctx)


def _terms_explained(text: str, limit: int = 2) -> list[str]:
    """Glossary explanations of the terms ``text`` uses ("benchmark: …"), in plain language
    for "fortæl mere" about a goal."""
    folded = fold(text)
    found = []
    for entry in glossary_entries():
        positions = [p for p in (form_position(folded, form) for form in term_forms(entry)) if p is not None]
        if positions:
            found.append((min(positions), f"{entry['term']}: {entry['text']}"))
    return [line for _, line in sorted(found)[:limit]]


def _goal_detail(goals: list[Goal], ctx: Context) -> Answer:
    """The first of ``goals`` in detail (the others, with the same code, are mentioned)."""
    goal = goals[0]
    lines = [
        f"{_goal_label(goal)} ({goal.kind}) i {fmt.genitive(goal.plan.kommune.name)} {goal.plan.title}:",
        goal.text,
    ]
    parent = _parent_of(goal)
    if parent is not None:
        lines.append(f"Det hører under {_goal_label(parent)}.")
    if goal.measure:
        lines.append(f"Der måles på: {goal.measure}")
    if goal.target is not None and goal.target.kind != "qualitative":
        lines.append(f"Målsætning: {target_in_words(goal.target)}.")
    children = [g for g in goal.plan.goals if g.parent_code == goal.code]
    if children:
        lines.append("Under målet:\n" + fmt.bullet_list([_goal_label(c) for c in children[:MAX_LIST]]))
    more: list[str] = []
    if goal.follow_up is not None:
        follow_up = f"Opfølgning: {goal.follow_up.text or goal.follow_up.source_quote}"
        if ctx.staff:
            lines.append(follow_up)
        more.append(follow_up)
    linked = _initiatives_linked_to(goal)
    if linked:
        more.append(
            "Indsatser under målet i planen:\n"
            + fmt.bullet_list([_initiative_line(i, ctx.staff) for i in linked[:MAX_LIST]])
        )
    words = _terms_explained(" ".join(filter(None, [goal.title, goal.text, goal.measure])))
    if words:
        more.append("Ord i målet:\n" + fmt.bullet_list(words))
    # "fortæl mere" may come after other turns: the details say which goal they are about
    details = f"Mere om {_goal_label(goal)} ({goal.plan.kommune.name}):\n" + "\n".join(more) if more else None
    others = _same_code_elsewhere(goals)
    return Answer(
        text="\n".join(lines) + others,
        buttons=[
            _status_button(goal),
            _button(
                "Hvordan følges der op?", f"Hvordan følges der op på {goal.code} i {goal.plan.kommune.name}?"
            ),
        ],
        slots=_goal_slots(goal),
        sources=[_goal_source(goal)],
        details=details,
    )


def _same_code_elsewhere(goals: list[Goal]) -> str:
    others = [g for g in goals[1:] if g.code == goals[0].code]
    if not others:
        return ""
    names = [f"{fmt.genitive(g.plan.kommune.name)} {g.plan.title}" for g in others]
    return f"\n\n(Der er også et mål {goals[0].code} i {fmt.join_list(names)}.)"


def _status_button(goal: Goal) -> dict[str, str]:
    return _button(
        "Hvordan går det med målet?", f"Hvordan går det med {goal.code} i {goal.plan.kommune.name}?"
    )


def _goal_slots(goal: Goal) -> dict[str, Any]:
    return {"kommune": goal.plan.kommune.name, "plan_id": goal.plan_id, "goal_code": goal.code}


def answer_target(session: Session, ctx: Context) -> Answer:
    """A goal's target and success criteria."""
    goals, _, _, early = _goal_context(session, ctx, "Hvilken kommunes mål tænker du på?")
    if early:
        return early
    remembered = ctx.slots.get("kommune")
    if (
        remembered
        and not codes_in_text(ctx)
        and goals[0].plan.kommune.name != remembered
        and not (ctx.entities.get("kommune") or kommuner_in_text(session, ctx.text))
    ):
        # only another kommune has such a goal ("og jobordrerne, hvor mange procent skal de op
        # om året?" while Mariagerfjord's notat is in play): a figure the kommune in play
        # states answers before another kommune's goal
        fact = _fact_answer(session, ctx)
        if fact is not None:
            return _answered_as(fact, "ask_fact")
    if not codes_in_text(ctx) and (_AMOUNT_QUESTION.search(ctx.text) or _HOW_HIGH_OR_WHEN.search(ctx.text)):
        # "hvad er målet for, hvor mange unge der skal have en uddannelse", "hvor højt skulle
        # tilfredsheden op, og hvornår?": a goal with a number among the close matches answers
        # it better than one without
        numeric = [g for g in goals[:5] if g.target is not None and g.target.kind != "qualitative"]
        if numeric and (goals[0].target is None or goals[0].target.kind == "qualitative"):
            goals = numeric
    return _target_answer(goals)


def _target_answer(goals: list[Goal]) -> Answer:
    """The first of ``goals``' target and success criteria (the others are mentioned)."""
    goal = goals[0]
    target = goal.target
    lines = [f"{_goal_label(goal)} ({goal.plan.kommune.name}, {goal.plan.title}):"]
    source = _goal_source(goal)
    if target is not None and target.kind != "qualitative":
        wording = target.text or goal.text
        lines.append(f"Målet er {target_in_words(target)}.")
        if fold(wording) != fold(target_in_words(target)):
            lines.append(f"I planen står der: »{wording}«")
        source = _goal_source(goal, target.source_quote)
    else:
        lines.append(f"Målet er ikke sat som et tal: »{goal.text}«")
    children = [g for g in goal.plan.goals if g.parent_code == goal.code]
    if children:
        lines.append(
            "Succeskriterier/delmål:\n"
            + fmt.bullet_list(
                [
                    f"{c.text}"
                    + (
                        f" ({target_in_words(c.target)})"
                        if c.target and c.target.kind != "qualitative"
                        else ""
                    )
                    for c in children[:MAX_LIST]
                ]
            )
        )
    if goal.measure:
        lines.append(f"Der måles på: {goal.measure}")
    return Answer(
        text="\n".join(lines) + _same_code_elsewhere(goals),
        buttons=[_status_button(goal)],
        slots=_goal_slots(goal),
        sources=[source],
    )


def _follow_up_rules(goals: list[Goal]) -> dict[str, list[Goal]]:
    """The goals with a follow-up, by the follow-up's text (goals followed up alike together)."""
    rules: dict[str, list[Goal]] = {}
    for goal in goals:
        if goal.follow_up is not None:
            rules.setdefault(goal.follow_up.text or goal.follow_up.source_quote, []).append(goal)
    return rules


def _plan_follow_up(session: Session, plan: Plan) -> Answer:
    """How a plan's goals are followed up, summarised across goals."""
    by_text = _follow_up_rules(plan.goals)
    rules = {text: [g.code for g in goals] for text, goals in by_text.items()}
    sources = [_goal_source(goals[0], goals[0].follow_up.source_quote) for goals in by_text.values()]
    if not rules:
        return Answer(
            text=f"{fmt.genitive(plan.kommune.name)} {plan.title} beskriver ikke, hvordan der følges op.",
            sources=[_plan_source(plan)],
        )
    lines = [f"Sådan følges der op på {fmt.genitive(plan.kommune.name)} {plan.title}:"]
    for text, codes in rules.items():
        lines.append(f"- {text} (mål {fmt.join_list(codes[:8])}{' m.fl.' if len(codes) > 8 else ''})")
    return Answer(
        text="\n".join(lines[:12]),
        slots={"kommune": plan.kommune.name, "plan_id": plan.id},
        sources=sources[:1],
    )


def answer_follow_up(session: Session, ctx: Context) -> Answer:
    """How a goal (or, without a goal, the plan) is followed up."""
    goals, kommune, plan, early = _goal_context(session, ctx, "Hvilken kommunes mål tænker du på?")
    if early:
        if kommune is not None and plan is not None and not codes_in_text(ctx):
            return _plan_follow_up(session, plan)
        return early
    goal = goals[0]
    follow = goal.follow_up
    lead = f"Opfølgning på {_goal_label(goal)} ({goal.plan.kommune.name}):"
    source_goal = goal
    parent = _parent_of(goal)
    if follow is None and parent is not None and parent.follow_up is not None:
        # a succeskriterium without its own follow-up is followed up with the goal it is under
        follow, source_goal = parent.follow_up, parent
        lead = (
            f"Planen beskriver ikke en særskilt opfølgning på {_goal_label(goal)}. Det hører under "
            f"{_goal_label(parent)}, som følges op sådan ({goal.plan.kommune.name}):"
        )
    children = _follow_up_rules([g for g in goal.plan.goals if g.parent_code == goal.code])
    if follow is None and children:
        # a ministermål without its own follow-up: how the goals under it are followed up
        first = next(iter(children.values()))[0]
        lines = [
            f"Planen beskriver ikke en særskilt opfølgning på {_goal_label(goal)}. Målene under den "
            f"følges op sådan ({goal.plan.kommune.name}, {goal.plan.title}):"
        ]
        lines += [
            f"- {text} (mål {fmt.join_list([g.code for g in under])})" for text, under in children.items()
        ]
        return Answer(
            text="\n".join(lines),
            slots=_goal_slots(goal),
            sources=[_goal_source(first, first.follow_up.source_quote)],
        )
    if follow is None:
        with_follow = [g for g in goal.plan.goals if g.follow_up is not None]
        extra = ""
        if with_follow:
            extra = f" Planen beskriver opfølgning for {fmt.join_list([g.code for g in with_follow[:6]])}{' m.fl.' if len(with_follow) > 6 else ''}."
        return Answer(
            text=f"{fmt.genitive(goal.plan.kommune.name)} {goal.plan.title} beskriver ikke, hvordan der følges op på {_goal_label(goal)}.{extra}",
            slots=_goal_slots(goal),
            sources=[_goal_source(goal)],
        )
    parts = []
    if follow.frequency:
        parts.append(f"hvor tit: {follow.frequency}")
    if follow.audience:
        parts.append(f"hvem: {follow.audience}")
    if follow.data_source:
        parts.append(f"datakilde: {follow.data_source}")
    lines = [lead, f"»{follow.text or follow.source_quote}«"]
    if goal.measure:
        parts.insert(0, f"der måles på: {goal.measure}")  # "hvad måles der på?" is follow-up too
    if parts:
        lines.append(fmt.bullet_list([p[0].upper() + p[1:] for p in parts]))
    if ctx.staff and goal.indicator_series:
        series = session.get(IndicatorSeries, goal.indicator_series)
        if series:
            lines.append(
                f"I Jobindsats svarer det til serien {series.id} (tabel {series.table_id}): {series.description}. {goal.indicator_note or ''}".strip()
            )
    return Answer(
        text="\n".join(lines) + _same_code_elsewhere(goals),
        buttons=[_status_button(goal)],
        slots=_goal_slots(goal),
        sources=[_goal_source(source_goal, follow.source_quote)],
    )


def _parent_of(goal: Goal) -> Goal | None:
    """The goal ``goal`` is under in its plan, if any."""
    if not goal.parent_code:
        return None
    return next((g for g in goal.plan.goals if g.code == goal.parent_code), None)


def _initiative_line(item: Initiative, staff: bool) -> str:
    # a figure said once ("6 måneder, 6 måneder" are two conditions of the same length)
    figures = ", ".join(
        dict.fromkeys(
            fmt.figure(f["value"], f.get("unit")) for f in (item.figures or []) if f.get("value") is not None
        )
    )
    text = item.title
    if item.amount_dkk:
        text += f" ({fmt.kroner(item.amount_dkk)})"
    elif figures:
        text += f" ({figures})"
    return f"{item.code}: {text}" if staff else text


_INITIATIVE_KIND_WORDS = {
    "indsatsomrad": "indsatsområde",
    "handling": "handling",
    "handleplan": "handling",
    "omprioriter": "omprioritering",
    "investering": "investering",
    "branchespor": "branchespor",
    "princip": "princip",
    "pejlemaerk": "pejlemærke",
    "projekt": "projekt",
}


def _initiative_kinds_in(text: str) -> list[str]:
    """The kinds of initiative the text names, in the order it names them: "hvilke
    omprioriteringer … for at finansiere handlingerne" asks for omprioriteringer first."""
    folded = fold(text)
    found = {kind: folded.find(word) for word, kind in _INITIATIVE_KIND_WORDS.items() if word in folded}
    return sorted(found, key=found.__getitem__)


def _initiatives_linked_to(goal: Goal) -> list[Initiative]:
    """The initiatives the goal's plan links to the goal."""
    return [i for i in goal.plan.initiatives if goal.code in (i.goal_codes or [])]


def _initiative_detail(initiative: Initiative) -> str:
    """An initiative for "fortæl mere": its text, after its title unless the text repeats it."""
    if fold(initiative.text).startswith(fold(initiative.title)):
        return initiative.text
    return f"{initiative.title}: {initiative.text}"


# "tilhørende tiltag?", "hvilke indsatser hører til?": the initiatives of the goal in play
_BELONGING_WORDS = {
    "tilhorende", "dertil", "hertil", "dertilhorende", "hertilhorende", "tilknyttede", "tilknyttet",
    "relaterede", "horer", "hore", "under", "tiltag", "tiltagene", "indsats", "indsatser", "indsatserne",
    "handlinger", "handlingerne", "initiativer", "initiativerne", "haenger", "sammen", "knyttet", "koblet",
    "forbundet", "tilhorer", "understotter", "bidrager",
    # reaching it: "hvad gør vi så konkret for at rykke på det?"
    "rykke", "rykker", "flytte", "forbedre", "lofte", "opna", "indfri", "indfrie",
}  # fmt: skip


def _initiatives_of_the_goal_in_play(session: Session, ctx: Context) -> Answer | None:
    """The initiatives the plan links to the goal in play, when the message only asks for
    "the initiatives that belong to it" and names no kommune, group or theme of its own."""
    codes = codes_in_text(ctx)
    # "indsatser under mål 7?" names a goal of the plan in play
    code = codes[0] if len(codes) == 1 else None if codes else ctx.slots.get("goal_code")
    if not code or not ctx.slots.get("plan_id"):
        return None
    if any(ctx.entities.get(name) for name in ("kommune", "target_group", "theme")):
        return None
    asked = replace(ctx, text=without_codes(ctx.text)) if codes else ctx
    words = {fold(w) for w in _topic_words(session, asked).split()}
    # no word of its own ("hvad gør de så konkret?") or only words for belonging to it
    if not words <= _BELONGING_WORDS:
        return None
    plan = session.get(Plan, ctx.slots["plan_id"])
    goals = find_goals(session, code, plan=plan) if plan is not None else []
    if not goals:
        return None
    return _initiatives_of(goals[0], ctx)


# "Tiltag under lokalt mål 7 om udsatte ledige på Mors?", "indsatser knyttet til 6.3 i ND":
# the initiatives of a goal named by its code
_UNDER_A_GOAL = re.compile(
    r"\b(?:under|knyttet\s+til|hører\s+til|horer\s+til|tilknyttet)\s+(?:\w+\s+){0,2}?"
    r"(?:mål|maal|delmål|delmaal|fokusmål|resultatmål|målet|succeskriterie\w*\s+)?\s*\d",
    re.IGNORECASE,
)


def _initiatives_under_a_named_goal(session: Session, ctx: Context) -> Answer | None:
    """The initiatives the plan links to the one goal the message names by code after
    "under" ("tiltag under lokalt mål 7 om udsatte ledige på Mors?"), in the kommune named or
    in play – whatever group the goal's words name."""
    codes = codes_in_text(ctx)
    if len(codes) != 1 or not _UNDER_A_GOAL.search(ctx.text):
        return None
    kommune = _first_kommune(session, ctx)
    if kommune is None or not kommune.has_plans:
        return None
    hint = _plan_hint(ctx)
    plan = find_plan(session, kommune, hint) if hint else None
    goals = find_goals(session, codes[0], kommune=kommune, plan=plan)
    return _initiatives_of(goals[0], ctx) if goals else None


def _initiatives_of(goal: Goal, ctx: Context) -> Answer:
    """The initiatives the plan links to ``goal``, or that it links none."""
    linked = _initiatives_linked_to(goal)
    if not linked:
        return Answer(
            text=f"{fmt.genitive(goal.plan.kommune.name)} {goal.plan.title} knytter ingen indsatser direkte "
            f"til {_goal_label(goal)}.",
            slots=_goal_slots(goal),
            sources=[_goal_source(goal)],
        )
    shown = linked[:MAX_LIST]
    return Answer(
        text=f"Indsatser under {_goal_label(goal)} ({goal.plan.kommune.name}, {goal.plan.title}):\n"
        + fmt.bullet_list([_initiative_line(i, ctx.staff) for i in shown]),
        slots=_goal_slots(goal),
        sources=[_plan_source(goal.plan, shown[0].section_heading, shown[0].source_quote)],
        details="\n\n".join(_initiative_detail(i) for i in shown[:4]),
    )


_FEW_TAGGED = 3  # initiatives tagged with a group are filled up by words to this many


def _plan_of_a_fragment(session: Session, ctx: Context, kommune: Kommune) -> Plan | None:
    """The plan in play for a short fragment that only swaps the group ("og for jobparate
    kth-modtagere?" after the strategy's branchespor), if it is ``kommune``'s."""
    plan_id = ctx.slots.get("plan_id")
    if not plan_id or not _is_short_fragment(ctx.text):
        return None
    plan = session.get(Plan, plan_id)
    return plan if plan is not None and plan.kommune_id == kommune.id else None


# "hvad gør kommunen for at få dem i arbejde?": people pointed back to
_PEOPLE_POINTED_BACK = re.compile(
    r"\b(?:dem|disse|sådanne|saadanne|sadanne|(?:den|denne|samme)\s+(?:mål)?gruppe|målgruppen|maalgruppen)\b",
    re.IGNORECASE,
)


def _group_pointed_back_to(ctx: Context) -> str | None:
    """The group last named in the conversation (also in a question the assistant could not
    place, "er der kommet mange flygtninge til?"), when the message points back to people
    ("… for at få dem i arbejde?") and names no theme of its own."""
    if ctx.entities.get("theme") or not _PEOPLE_POINTED_BACK.search(ctx.text):
        return None
    group = ctx.slots.get("target_group")
    return str(group) if group else None


_MIN_STEM = 6  # letters a question's word and a title's word must share ("branchesporsindsats")


def _title_names_the_question(item: Initiative, topic: str) -> bool:
    """Whether an initiative's title names every content word of the question, at least two
    ("branchesporsindsats for integrationsborgere" is "Branchespor for integrationsborgere")."""
    words = [w for w in re.findall(r"[a-z0-9]+", fold(topic)) if len(w) >= _MIN_STEM]
    title = re.findall(r"[a-z0-9]+", fold(item.title))
    return len(words) >= 2 and all(
        any(t[:_MIN_STEM] == w[:_MIN_STEM] and (w.startswith(t) or t.startswith(w)) for t in title)
        for w in words
    )


def answer_initiatives(session: Session, ctx: Context) -> Answer:
    """What the kommune does for a group or theme, or for the goal in play."""
    of_goal = _initiatives_under_a_named_goal(session, ctx) or _initiatives_of_the_goal_in_play(session, ctx)
    if of_goal is not None:
        return of_goal
    group = target_group_in(ctx) or _group_pointed_back_to(ctx)
    theme = ctx.entity("theme")
    kommuner = [k for k in resolve_kommuner(session, ctx) if isinstance(k, Kommune)]
    if not kommuner:
        return ask_for_kommune(session, "Hvilken kommune tænker du på?")
    blocks: list[str] = []
    sources: list[Source] = []
    details: list[str] = []
    slots: dict[str, Any] = {}
    topic = _topic_words(session, ctx)
    for kommune in kommuner:
        if not kommune.has_plans:
            if len(kommuner) == 1:
                return _no_plans(session, kommune, ctx)
            blocks.append(f"{kommune.name}: ingen beskæftigelsesplan i mine data.")
            continue
        hint = _plan_hint(ctx)
        plan = find_plan(session, kommune, hint) if hint else _plan_of_a_fragment(session, ctx, kommune)
        items = initiatives_for(session, kommune, plan)
        kinds = _initiative_kinds_in(ctx.text)
        if kinds:
            items = [i for i in items if i.kind in kinds] or items
        chosen: list[Initiative]
        if group:
            chosen = [i for i in items if group in (i.target_groups or [])]
            if len(chosen) < _FEW_TAGGED:
                # few initiatives tagged with the group: filled up with those whose words name
                # it; none: all those, best first
                words = " ".join([*TARGET_GROUP_WORDS.get(group, [group]), topic])
                ranked_by_words = [
                    i
                    for _, i in rank_by_words(items, words, ("title", "text", "theme"), corpus_index(session))
                    if i not in chosen
                ]
                chosen += ranked_by_words[: max(_FEW_TAGGED - len(chosen), 0)] if chosen else ranked_by_words
            ranked = (
                rank_by_words(chosen, topic, ("title", "text", "theme"), corpus_index(session))
                if topic
                else []
            )
            if ranked:
                chosen = [i for _, i in ranked] + [i for i in chosen if i not in {x for _, x in ranked}]
        elif kinds and all(i.kind in kinds for i in items):
            chosen = items
        elif theme or topic:
            chosen = [
                i
                for _, i in rank_by_words(
                    items, theme or topic, ("title", "text", "theme"), corpus_index(session)
                )
            ]
        else:
            chosen = [i for i in items if i.kind == "indsatsområde"] or items
        # the kind asked for first, then the newest plan; the ranking is kept within a plan
        chosen.sort(
            key=lambda i: (kinds.index(i.kind) if i.kind in kinds else len(kinds), -i.plan.period_end)
        )
        if not chosen:
            about = group or theme or "det emne"
            blocks.append(f"{kommune.name}: Jeg kan ikke finde indsatser for {about} i planerne.")
            continue
        shown = chosen[:6]
        about = f" for {group}" if group else (f" om {theme}" if theme else "")
        plans = sorted({i.plan.title for i in shown})
        blocks.append(
            f"{kommune.name}{about} ({fmt.join_list(plans)}):\n"
            + fmt.bullet_list([_initiative_line(i, ctx.staff) for i in shown])
        )
        if _title_names_the_question(shown[0], topic):
            # "hvad er ND's branchesporsindsats for integrationsborgere?": the one initiative
            # the question names, told in full under the list
            blocks[-1] += f"\n\n{_initiative_detail(shown[0])}"
        # an initiative whose text only repeats its title is said once
        details.extend(_initiative_detail(i) for i in shown[:4])
        sources.append(_plan_source(shown[0].plan, shown[0].section_heading, shown[0].source_quote))
        if len(kommuner) == 1:
            slots = {"kommune": kommune.name, "plan_id": shown[0].plan_id}
    if group:
        slots["target_group"] = group
    buttons = [_button("Fortæl mere", "Fortæl mere")] if details else []
    if len(kommuner) == 1 and kommuner[0].has_plans and group:
        buttons.append(_button(f"Mål for {group}", f"Hvilke mål er der for {group} i {kommuner[0].name}?"))
    return Answer(
        text="\n\n".join(blocks),
        buttons=buttons,
        slots=slots,
        sources=sources,
        details="\n\n".join(details) or None,
    )


# Questions that want a number. An amount ("hvor mange", "andelen") is the narrower kind: a
# passage without a number does not answer it (answer_search); dates and durations are not amounts.
_AMOUNT_WORDS = r"hvor (mange|meget|stor|store|stort)|hvilket (antal|tal|beløb)|procent"
_NUMBER_QUESTION = re.compile(
    rf"\b({_AMOUNT_WORDS}|andel|hvor (lang|langt|høj|hoj|mange penge)|hvornår|hvornaar|hvilken dato|hvilket år)\b",
    re.IGNORECASE,
)
_AMOUNT_QUESTION = re.compile(rf"\b({_AMOUNT_WORDS}|hvilket belob|antallet|andel(en)?)\b", re.IGNORECASE)

# a value or a deadline asked for: "hvor højt skulle den op", "med en deadline på – hvornår?"
_HOW_HIGH_OR_WHEN = re.compile(
    r"\b(?:hvor\s+(?:højt|hojt|høj|hoj|langt|lavt)|deadline|frist(?:en)?|tidsfrist(?:en)?|hvornår|hvornaar)\b",
    re.IGNORECASE,
)
_SHARE_QUESTION = re.compile(
    r"\b(andel(en|e)?|procent(del)?|hvor stor (en )?del|hvor mange procent)\b", re.IGNORECASE
)
# "hvor meget højere end i Aalborg?", "forskellen": the answer is a difference
_DIFFERENCE_QUESTION = re.compile(
    r"\b(forskel\w*|procentpoint|end\b|sammenlign\w*|i forhold til|ift)", re.IGNORECASE
)
# "hvor stort et beløb", "hvor mange penge": the answer is an amount in kroner
_MONEY_QUESTION = re.compile(r"\b(bel(ø|oe|o)b(et)?|penge(ne)?|kroner|kr)\b", re.IGNORECASE)
# "hvor stor er investeringen, der søges om?": the size of something that is money
_SIZE_OF_MONEY = re.compile(
    r"\bhvor\s+(?:stor|store|stort|meget)\s+(?:\w+\s+){0,3}?"
    r"(?:investering|bevilling|udgift|budget|omkostning|pulje|ramme|tilskud)\w*",
    re.IGNORECASE,
)


FACT_COVERAGE = 0.34  # share of the question's words a fact must match to be the answer


def _is_amount(item: Fact | Initiative) -> bool:
    if isinstance(item, Fact):
        return (item.unit or "").startswith("kr")
    return bool(item.amount_dkk)


def _ranked_facts(session: Session, ctx: Context, items: list[Any]) -> list[tuple[float, float, Any]]:
    """Facts and initiative figures as (score, coverage, item) for the question, best first."""
    wants_share = bool(_SHARE_QUESTION.search(ctx.text))
    wants_money = bool(_MONEY_QUESTION.search(ctx.text) or _SIZE_OF_MONEY.search(ctx.text))
    wants_difference = bool(_DIFFERENCE_QUESTION.search(ctx.text))
    wants_number = bool(_NUMBER_QUESTION.search(ctx.text))
    topic = _topic_words(session, ctx) or ctx.text
    # "andel"/"procent" and "beløb"/"penge" say what form the answer takes, not what it is about.
    for wanted, form in ((wants_share, _SHARE_QUESTION), (wants_money, _MONEY_QUESTION)):
        if wanted:
            topic = form.sub(" ", topic).strip() or topic
    ranked = []
    for score, coverage, item in rank_items(
        items, topic, ("topic", "title", "text", "source_quote", "figures", "period"), heads=True
    ):
        has_number = item.value is not None if isinstance(item, Fact) else True
        if wants_number and has_number:
            score *= 1.1
        if wants_share and isinstance(item, Fact) and item.unit == "pct":
            score *= 1.25  # a share is a percentage, not a difference in procentpoint
        if wants_share and not wants_difference and isinstance(item, Fact) and item.unit == "procentpoint":
            score *= 0.5  # "hvor stor en del …": a difference is the wrong form of answer
        if wants_money:
            score *= 1.25 if _is_amount(item) else 0.7  # an amount is asked for: kroner, not prose
        ranked.append((score, coverage, item))
    ranked.sort(key=lambda triple: triple[0], reverse=True)
    return ranked


def answer_fact(session: Session, ctx: Context) -> Answer:
    """A fact or figure stated in the plans (or a figure of an initiative); a goal's target
    when the question asks what is to be reached by the goal's deadline; else passage search.
    A question that names a kommune without a plan gets that said, not another kommune's fact."""
    kommune = _first_kommune(session, ctx)
    named = bool(kommuner_in_text(session, ctx.text) or ctx.entities.get("kommune"))
    if named and kommune is not None and not kommune.has_plans:
        return _no_plans(session, kommune, ctx)
    return _target_asked_as_fact(session, ctx) or _fact_answer(session, ctx) or answer_search(session, ctx)


_DEADLINE_YEAR = re.compile(r"\b(20[1-4]\d)\b")
_SHOULD = re.compile(r"\b(skal|skulle|bør|boer|forventes|ønsker|onsker)\b", re.IGNORECASE)


def _target_asked_as_fact(session: Session, ctx: Context) -> Answer | None:
    """ "Hvor mange unge skal have en ungdomsuddannelse i 2030?": what is to be reached by a
    year is the target of a goal with that deadline, when the question's words find one."""
    years = _DEADLINE_YEAR.findall(ctx.text)
    year = ctx.entity("year") or (years[0] if years else None)
    if year is None or not _SHOULD.search(ctx.text):
        return None
    kommune = _first_kommune(session, ctx)
    if kommune is not None and not kommune.has_plans:
        return None
    words = _topic_words(session, ctx)
    goals = find_goals(session, words, kommune=kommune) if words else []
    due = [
        g
        for g in goals
        if g.target is not None and g.target.kind != "qualitative" and str(g.target.deadline) == year
    ]
    return _target_answer(due) if due else None


TARGET_WORD_COVERAGE = 0.6  # the share of the question's words a goal must match


def _target_in_words(session: Session, ctx: Context) -> Answer | None:
    """The target of the goal most of the question's words describe, when it has a number."""
    kommune = _first_kommune(session, ctx)
    if kommune is not None and not kommune.has_plans:
        return None
    words = _topic_words(session, ctx)
    if not words:
        return None
    ranked = rank_goals(session, words, kommune)
    numeric = [
        goal
        for _, coverage, goal in ranked[:1]
        if coverage >= TARGET_WORD_COVERAGE and goal.target is not None and goal.target.value is not None
    ]
    return _target_answer(numeric) if numeric else None


def _fact_answer(session: Session, ctx: Context) -> Answer | None:
    """The fact or initiative figure that answers the question, if one matches well enough."""
    kommuner = [k for k in resolve_kommuner(session, ctx) if isinstance(k, Kommune) and k.has_plans]
    explicit = bool(kommuner_in_text(session, ctx.text) or ctx.entities.get("kommune"))
    scopes = kommuner if (kommuner and explicit) else (kommuner or kommuner_with_plans(session))
    items: list[Any] = []
    for kommune in scopes:
        items += facts_for(session, kommune)
        items += [i for i in initiatives_for(session, kommune) if i.figures or i.amount_dkk]
    # "I forbindelse med budgettet: hvor meget …?": the preamble's words would dilute the
    # match, so the question comes first and the whole message only if it finds nothing
    for asked in _question_first(ctx):
        ranked = _ranked_facts(session, asked, items)
        if ranked and ranked[0][1] >= FACT_COVERAGE:
            break
    if ranked and ranked[0][1] >= FACT_COVERAGE:
        _, _, best = ranked[0]
        lines = [best.text if isinstance(best, Fact) else f"{best.title}: {best.text}"]
        for score, coverage, other in ranked[1:3]:
            if (
                isinstance(other, Fact)
                and isinstance(best, Fact)
                and other.plan_id == best.plan_id
                and coverage >= ranked[0][1]
                and score >= ranked[0][0] * 0.9
            ):
                lines.append(other.text)
        plan = best.plan
        source = _plan_source(plan, best.section_heading, best.source_quote)
        prefix = "" if explicit else f"I {fmt.genitive(plan.kommune.name)} {plan.title}: "
        return Answer(
            text=prefix + "\n".join(lines),
            slots={"kommune": plan.kommune.name, "plan_id": plan.id},
            sources=[source],
            details=_fact_details(session, best, plan),
        )
    return None


_SECTION_INITIATIVES = 4


def _fact_details(session: Session, item: Fact | Initiative, plan: Plan) -> str | None:
    """For "fortæl mere": the passage a fact comes from, then what the plan does in that
    section – for an initiative the parts listed under it, for a fact the initiatives of its
    section (the investment's two tracks after "hvor mange penge bad de om?")."""
    passage = _passage_around(session, item, plan)
    if isinstance(item, Initiative):
        related = [i for i in plan.initiatives if i.parent_code == item.code]
    else:
        related = [
            i for i in plan.initiatives if item.section_heading and i.section_heading == item.section_heading
        ]
    if not related:
        return passage
    listed = "\n".join(f"- {_initiative_detail(i)}" for i in related[:_SECTION_INITIATIVES])
    heading = "Det dækker over" if isinstance(item, Initiative) else "Indsatser i samme afsnit af planen"
    return "\n\n".join(filter(None, [passage, f"{heading}:\n{listed}"]))


def _passage_around(session: Session, item: Fact | Initiative, plan: Plan) -> str | None:
    """The plan passage a fact comes from, for "fortæl mere": found by its quote in the
    kommune's plans, and only when it is that passage (a good match or the same section)."""
    quote = item.source_quote or item.text
    hits = search_passages(session, quote, limit=1, kommune=plan.kommune.name)
    if not hits or not (hits[0].is_good or hits[0].section == item.section_heading):
        return None
    hit = hits[0]
    return f"Fra {fmt.genitive(hit.kommune)} {hit.plan_title}, afsnit »{hit.section}«:\n»{hit.text.strip()}«"


def _status_text(status: GoalStatus, ctx: Context, goal: Goal) -> str:
    head = f"{_goal_label(goal)} ({status.kommune}, {status.plan_title})"
    if status.value is None:
        if status.label == UNASSESSABLE:
            return f"{head}: Status kan ikke vurderes. {status.note or ''} Målet lyder: »{goal.text}«".strip()
        return (
            f"{head}: Der er endnu ingen målinger for dette mål i mine data, så status er »ingen målinger«. "
            f"Målsætningen er {status.target_text}."
        )
    lines = [f"{head}:"]
    lines.append(f"Seneste måling: {status.value_text()} ({status.period_label}).")
    lines.append(f"Målsætning: {status.target_text}.")
    if status.national_value is not None:
        lines.append(f"Hele landet: {status.value_text(status.national_value)}.")
    change = status.change_text()
    if change and status.previous_period_label:
        lines.append(f"Ændring siden {status.previous_period_label}: {change}.")
    lines.append(f"Status: {status.label}." + (f" {status.note}" if status.note else ""))
    if (
        status.measured_by == "jobindsats"
        and status.plan_period
        and status.period
        and not status.period.startswith(status.plan_period[:4])
    ):
        lines.append(f"Bemærk: planen gælder {status.plan_period}; tallet er det seneste fra Jobindsats.")
    updated = f", opdateret {_danish_day(status.updated)}" if status.updated else ""
    lines.append(f"Kilde til tallet: {status.source}{updated}.")
    if ctx.staff and goal.follow_up is not None:
        lines.append(f"Opfølgning: {goal.follow_up.text or goal.follow_up.source_quote}")
    return "\n".join(lines)


def _status_card(status: GoalStatus) -> dict[str, Any]:
    return {
        "type": "goal_status",
        "kommune": status.kommune,
        "plan": status.plan_title,
        "code": status.goal_code,
        "title": status.goal_title,
        "value": status.value_text() if status.value is not None else None,
        "period": status.period_label,
        "target": status.target_text,
        "national": status.value_text(status.national_value) if status.national_value is not None else None,
        "change": status.change_text(),
        "status": status.label,
        "source": status.source,
        "updated": status.updated,
    }


# "hvordan går det med dem (alle sammen)?" after a list: the goals listed, not one of them
_ALL_OF_THEM = re.compile(r"\bmed\s+(?:dem|dem\s+alle|alle\s+sammen|dem\s+alle\s+sammen)\W*$")
# "når de egentlig de mål, de har sat sig?": the goals in general, not one of them
_GOALS_IN_GENERAL = re.compile(
    r"\b(?:de|deres|sine|kommunens|jeres|vores|planens)\s+(?:\w+\s+)?mal\b|\bmalene\b|\bmalsaetningerne\b"
)


def answer_goal_status(session: Session, ctx: Context) -> Answer:
    """Current status of one goal; the overview when the question speaks of the goals in
    general and its words find none of them."""
    if not codes_in_text(ctx) and _GOALS_IN_GENERAL.search(fold(ctx.text)):
        kommune = _first_kommune(session, ctx)
        # "lever Jobcenter Mors op til sine mål?": the jobcenter is who, not what
        words = " ".join(w for w in _topic_words(session, ctx).split() if not fold(w).startswith("jobcent"))
        if not words or not find_goals(session, words, kommune=kommune):
            return _answered_as(answer_overview(session, ctx), "ask_overview")
    if (
        not codes_in_text(ctx)
        and ctx.slots.get("last_intent") in ("list_goals", "ask_overview")
        and _ALL_OF_THEM.search(fold(ctx.text))
    ):
        # "hvordan går det med dem?" right after a list of goals: all of them
        return _answered_as(answer_overview(session, ctx), "ask_overview")
    goals, _, _, early = _goal_context(session, ctx, "Hvilken kommunes mål tænker du på?")
    if early:
        return early
    if not codes_in_text(ctx) and (goals[0].target is None or goals[0].target.kind == "qualitative"):
        # A topic may match a ministermål and the local goal under it: prefer one that can be measured.
        topic = _topic_words(session, ctx)
        wider = find_goals(session, topic, plan=goals[0].plan, cutoff=0.5) if topic else []
        measurable = [g for g in wider if g.target is not None and g.target.kind != "qualitative"]
        # The measurable goals under the matched (qualitative) goal come first.
        measurable.sort(key=lambda g: g.parent_code != goals[0].code)
        if measurable:
            goals = measurable
    goal = goals[0]
    status = goal_status(session, goal)
    return Answer(
        details=_what_the_figure_covers(session, goal, status),
        text=_status_text(status, ctx, goal),
        buttons=[
            _button(
                "Overblik over alle mål",
                f"Giv mig et overblik over {fmt.genitive(goal.plan.kommune.name)} mål",
            ),
            _button("Hvor står målet?", "Hvor står det?"),
        ],
        custom=_status_card(status),
        slots=_goal_slots(goal),
        sources=[_goal_source(goal), *_figure_source(status)],
    )


def _figure_source(status: GoalStatus) -> list[Source]:
    """The source of a status's measurement, if it has one."""
    if not status.source or status.value is None:
        return []
    updated = f"opdateret {_danish_day(status.updated)}" if status.updated else None
    return [Source(status.source, None, updated, None, figure=True)]


def _what_the_figure_covers(session: Session, goal: Goal, status: GoalStatus) -> str | None:
    """For "kan du uddybe, hvad det tal dækker over?" after a status: what the goal measures
    and, for a Jobindsats figure, the series and how it differs from the goal."""
    lines = []
    if goal.measure:
        lines.append(f"{_goal_label(goal)} måler: {goal.measure}.")
    if status.measured_by == "jobindsats" and goal.indicator_series:
        series = session.get(IndicatorSeries, goal.indicator_series)
        if series is not None:
            lines.append(
                f"Tallet er Jobindsats-serien »{series.description}« (tabel {series.table_id.upper()})."
            )
        if goal.indicator_note:
            lines.append(goal.indicator_note)
    elif status.measured_by == "staff":
        lines.append("Tallet er indberettet af kommunens medarbejdere.")
    return "\n".join(lines) or None


_NAMED_UNMEASURED = 12  # goals without measurements named by title up to this many


def answer_overview(session: Session, ctx: Context) -> Answer:
    """Status overview for a kommune's plan."""
    kommune, plan, early = _kommune_and_plan(session, ctx, "Hvilken kommunes mål vil du have overblik over?")
    if early:
        return early
    assert plan is not None and kommune is not None
    statuses = [(g, goal_status(session, g)) for g in plan.goals if g.target is not None]
    counts = {
        label: sum(1 for _, s in statuses if s.label == label)
        for label in (REACHED, NOT_REACHED, NO_DATA, UNASSESSABLE)
    }
    summary = ", ".join(f"{n} {label}" for label, n in counts.items() if n)
    lines = [
        f"Overblik over {fmt.genitive(kommune.name)} {plan.title} ({len(statuses)} mål med målsætning): {summary}."
    ]
    measured = [(g, s) for g, s in statuses if s.value is not None]
    for goal, status in measured[:MAX_LIST]:
        lines.append(
            f"- {_goal_label(goal)}: {status.value_text()} ({status.period_label}), mål {status.target_text} – {status.label}"
        )
    unmeasured = [g for g, s in statuses if s.value is None]
    if unmeasured and len(unmeasured) <= _NAMED_UNMEASURED:
        # few enough to name: what the goals are about, not only their codes
        lines.append("Uden målinger endnu:\n" + fmt.bullet_list([_goal_label(g) for g in unmeasured]))
    elif unmeasured:
        codes = [g.code for g in unmeasured]
        lines.append(
            f"Uden målinger endnu: {fmt.join_list(codes[:20])}{' m.fl.' if len(codes) > 20 else '.'}"
        )
    latest_import = session.scalars(
        select(ImportLog).where(ImportLog.status == "ok").order_by(ImportLog.id.desc()).limit(1)
    ).first()
    if latest_import is not None and measured:
        lines.append(f"Tallene er fra seneste import ({latest_import.finished_at:%d.%m.%Y}).")
    buttons = [
        _button(f"Status for {g.code}", f"Hvordan går det med {g.code} i {kommune.name}?")
        for g, _ in (measured or statuses)[:3]
    ]
    # "hvor kommer tallene fra?": the plan, and where each kind of measurement comes from
    figure_sources = list(
        {source.title: source for _, s in measured for source in _figure_source(s)}.values()
    )
    return Answer(
        text="\n".join(lines),
        buttons=buttons,
        slots={"kommune": kommune.name, "plan_id": plan.id},
        sources=[_plan_source(plan), *figure_sources],
    )


INDICATORS: dict[str, dict[str, Any]] = {
    "ledighed": {
        "series": "unemployment.totalRate",
        "count": "unemployment.total",
        "label": "Ledigheden",
        "count_label": "fuldtidsledige",
    },
    "langtidsledighed": {
        "series": "longterm.total",
        "label": "Antallet af langtidsledige",
        "count_label": None,
    },
    "kontanthjælp": {
        "series": "cashAssistance.workforceRate",
        "count": "cashAssistance.persons",
        "label": "Andelen på kontanthjælp (fuldtidspersoner i pct. af arbejdsstyrken)",
        "count_label": "personer på kontanthjælp",
    },
    "dagpenge": {
        "series": "unemployment.dagpengeRate",
        "count": "unemployment.dagpenge",
        "label": "Ledigheden blandt dagpengemodtagere",
        "count_label": "fuldtidsledige dagpengemodtagere",
    },
    "aktivering": {
        "series": "activation.degree",
        "label": "Aktiveringsgraden for kontanthjælpsmodtagere",
        "count_label": None,
    },
    "ordinære timer": {
        "series": "ordinaryHours.share",
        "count": "ordinaryHours.persons",
        "label": "Andelen af kontanthjælpsmodtagere med ordinære løntimer",
        "count_label": "personer",
    },
}
_INDICATOR_WORDS = {
    "ledighed": [
        "ledighed",
        "ledigheden",
        "ledighedsprocent",
        "ledighedsprocenten",
        "arbejdsløshed",
        "arbejdsløsheden",
        "ledige",
        "arbejdsløse",
        "fuldtidsledige",
    ],
    # staff shorthand: "LTL" (langtidsledige), "kth" (kontanthjælp), "a-dagp."
    "langtidsledighed": ["langtidsledighed", "langtidsledige", "langtidsledigheden", "ltl"],
    "kontanthjælp": ["kontanthjælp", "kontanthjælpsmodtagere", "kontanthjaelp", "kth"],
    "dagpenge": ["dagpenge", "dagpengemodtagere", "a-dagpenge", "a-dagp"],
    "aktivering": ["aktivering", "aktiveringsgrad", "aktiveringsgraden", "aktiverede", "aktiveringsberørte"],
    "ordinære timer": ["ordinære", "løntimer", "timer"],
}
_INDICATOR_LOOKUP = {fold(w): key for key, words in _INDICATOR_WORDS.items() for w in words}


def indicator_in(ctx: Context) -> str | None:
    """Which Jobindsats indicator the user asks about."""
    # the first indicator named, as with the entities; a later one only refines a wider one
    # ("ledigheden blandt kontanthjælpsmodtagere"; "aktiveringsgrad kontanthjælp" is activation;
    # "hvor mange af dem på kontanthjælp har ordinære timer" is ordinary hours)
    found = None
    for word in re.findall(r"[a-zæøå-]+", ctx.text.lower()):
        key = _indicator_of_word(word)
        if key and (found is None or key in _REFINES.get(found, ())):
            found = key
    value = ctx.entity("indicator")
    named = _indicator_of_word(value) if value else None
    if named is None and value in INDICATORS:
        named = value
    if named and found in _REFINES.get(named, ()):
        return found
    return named or found


# compounds that begin with an indicator ("kontanthjælpstallene", "ledighedstallet"), longest first
_INDICATOR_PREFIXES = (
    ("langtidsledig", "langtidsledighed"),
    ("kontanthjaelp", "kontanthjælp"),
    ("ledighed", "ledighed"),
    ("dagpenge", "dagpenge"),
    ("aktivering", "aktivering"),
)


def _indicator_of_word(word: str) -> str | None:
    """The indicator a word names, as a whole word or as the first part of a compound."""
    folded = fold(word)
    key = _INDICATOR_LOOKUP.get(folded)
    if key is None and not folded.startswith("ledighedsydelse"):  # a benefit, not unemployment
        key = next((k for prefix, k in _INDICATOR_PREFIXES if folded.startswith(prefix)), None)
    return key


# indicators measured within a wider one: ordinary hours and activation are among the
# kontanthjælp recipients, and every indicator narrows plain unemployment
_REFINES = {
    "ledighed": ("langtidsledighed", "kontanthjælp", "dagpenge", "aktivering", "ordinære timer"),
    "kontanthjælp": ("aktivering", "ordinære timer"),
}


def _in_series(area: str, series_id: str) -> tuple[Any, ...]:
    """The conditions for an area's own figures of a series (no category breakdown)."""
    return (Measurement.area == area, Measurement.series_id == series_id, Measurement.category == "")


def _latest(session: Session, area: str, series_id: str, until: dt.date | None = None) -> Measurement | None:
    """The area's latest measurement of the series (``until``: at the latest then)."""
    query = select(Measurement).where(*_in_series(area, series_id), Measurement.value.is_not(None))
    if until is not None:
        query = query.where(Measurement.period_end <= until)
    return session.scalars(query.order_by(Measurement.period_end.desc()).limit(1)).first()


def _first_period(session: Session, area: str, series_id: str) -> str | None:
    """The label of the area's first measured period of the series ("august 2021")."""
    first = session.scalar(
        select(Measurement.period)
        .where(*_in_series(area, series_id))
        .order_by(Measurement.period_end)
        .limit(1)
    )
    return parse_period(first).label() if first else None


def _value_at(session: Session, area: str, series_id: str, period: str) -> float | None:
    return session.scalar(
        select(Measurement.value).where(*_in_series(area, series_id), Measurement.period == period)
    )


def _year_before(period: str) -> str | None:
    parsed = parse_period(period)
    if parsed.kind == "M":
        return f"{parsed.year - 1}M{parsed.number:02d}"
    return None


def _comparison_line(key: str, unit: str, latest: dict[str, Measurement]) -> str | None:
    """Which of the areas has the highest and the lowest ``latest`` figure, when they share a
    period ("Ledigheden er højest i Norddjurs (2,4 %) og lavest i Morsø (1,9 %)."). A count
    is marked as a count: the kommuner differ in size."""
    known = [(area, m.value) for area, m in latest.items() if m.value is not None]
    if len(known) < 2 or len({m.period for m in latest.values()}) > 1:
        return None
    decimals = 1 if unit == "pct" else 0
    subject = INDICATORS[key]["label"].split(" (")[0]  # "Andelen på kontanthjælp", without the definition
    ordered = sorted(
        ((area, round(value, decimals)) for area, value in known), key=lambda p: p[1], reverse=True
    )
    (high, high_value), (low, low_value) = ordered[0], ordered[-1]

    def place(area: str) -> str:
        return "hele landet" if area == NATIONAL else area

    def shown(value: float) -> str:
        return fmt.with_unit(value, unit, decimals)

    if high_value == low_value:
        both = "begge steder" if len(known) == 2 else "alle steder"
        return f"Tallet er det samme {both}: {shown(high_value)}."
    if unit == "pct":
        if len(known) == 2:
            diff = fmt.points(high_value - low_value, signed=False)
            return f"{subject} er {diff} højere i {place(high)} end i {place(low)}."
        return (
            f"{subject} er højest i {place(high)} ({shown(high_value)}) "
            f"og lavest i {place(low)} ({shown(low_value)})."
        )
    return (
        f"Flest i {place(high)} ({shown(high_value)}), færrest i {place(low)} "
        f"({shown(low_value)}) – et antal, ikke en andel, så kommunernes størrelse spiller ind."
    )


def jobindsats_lines(
    session: Session, area: str, key: str, latest: Measurement | None = None
) -> tuple[str, Source] | None:
    """One indicator for one area, in words, with its source (``latest``: the area's latest
    measurement, when the caller has looked it up already)."""
    spec = INDICATORS[key]
    series = session.get(IndicatorSeries, spec["series"])
    latest = latest or _latest(session, area, spec["series"])
    if series is None or latest is None:
        return None
    unit = series.unit
    period_label = parse_period(latest.period).label()
    place = "hele landet" if area == NATIONAL else area
    text = f"{spec['label']} i {place} var {fmt.with_unit(latest.value, unit, 1)} i {period_label}"
    if spec.get("count"):
        count = _value_at(session, area, spec["count"], latest.period)
        if count is not None:
            text += f" ({fmt.number(count)} {spec['count_label']})"
    text += "."
    earlier = _year_before(latest.period)
    before = _value_at(session, area, spec["series"], earlier) if earlier else None
    if before is not None and latest.value is not None:
        delta = latest.value - before
        if unit == "pct":
            text += f" Et år før: {fmt.with_unit(before, unit, 1)} ({fmt.points(delta)})."
        else:
            text += f" Et år før: {fmt.number(before)}."
    if area != NATIONAL:
        national = _value_at(session, NATIONAL, spec["series"], latest.period)
        if national is not None and unit == "pct":
            text += f" Hele landet: {fmt.with_unit(national, unit, 1)}."
    retrieved = f", hentet {latest.retrieved:%d.%m.%Y}" if latest.retrieved else ""
    source = Source(f"{SOURCE_LABEL}, tabel {latest.table_id.upper()}, {period_label}{retrieved}")
    return text, source


def answer_jobindsats(session: Session, ctx: Context) -> Answer:
    """Current Jobindsats figures for one or more kommuner or the country."""
    key = indicator_in(ctx) or ctx.slots.get("indicator") or "ledighed"
    if key not in INDICATORS:
        key = "ledighed"
    areas = resolve_kommuner(session, ctx)
    if not areas:
        return ask_for_kommune(
            session,
            "Hvilken kommune vil du have tal for? Du kan skrive navnet på alle 98 kommuner eller »hele landet«.",
        )
    lines: list[str] = []
    sources: list[Source] = []
    slots: dict[str, Any] = {"indicator": key}
    latest: dict[str, Measurement] = {}  # each area's latest figure, for the comparison
    # "hvad var ledigheden i 2022?": the last figure of that year (or month), not today's
    until = asked_period_end(fold(ctx.text))
    for area in areas:
        name = area if isinstance(area, str) else area.name
        measurement = _latest(session, name, INDICATORS[key]["series"], until)
        result = jobindsats_lines(session, name, key, measurement)
        if result is None or measurement is None:
            first = _first_period(session, name, INDICATORS[key]["series"]) if until else None
            lines.append(
                f"Jeg har ingen tal for {key} i {name} fra {until:%Y}; mine tal begynder i {first}."
                if until and first
                else f"Jeg har ingen tal for {key} i {name}."
            )
            continue
        text, source = result
        lines.append(text)
        sources.append(source)
        latest[name] = measurement
    if len(areas) == 1 and isinstance(areas[0], Kommune):
        slots["kommune"] = areas[0].name
    series = session.get(IndicatorSeries, INDICATORS[key]["series"])
    comparison = _comparison_line(key, series.unit, latest) if series is not None else None
    if comparison:
        lines.append(comparison)
    others = [k for k in INDICATORS if k != key][:3]
    place = areas[0] if isinstance(areas[0], str) else areas[0].name
    return Answer(
        text="\n".join(lines),
        buttons=[_button(k.capitalize(), f"Hvad er {k} i {place}?") for k in others],
        slots=slots,
        sources=sources[:1] if len({s.title for s in sources}) == 1 else sources,
    )


def answer_compare(session: Session, ctx: Context) -> Answer:
    """Compare kommuner: Jobindsats figures, or initiatives/goals per kommune.

    A fragment that only names the other side ("er det bedre end i Morsø?") after another
    kind of question asks that question for the new place too (see ``answer_inform_kommune``).
    """
    if ctx.slots.get("last_intent") in HANDLERS and ctx.slots.get("last_text") and _only_compares(ctx):
        return answer_inform_kommune(session, ctx)
    areas = resolve_kommuner(session, ctx, use_slot=False)
    # "hvem af de to ligger bedst?" after figures for Skive and then Lemvig: the kommune in
    # play, then the one before it; "hvordan ligger de to i forhold til landsplan?": both and
    # the place named
    folded = fold(ctx.text)
    wanted = 2 + len(areas) if _PLACES_IN_PLAY_COUNTED.search(folded) else 2
    if _THREE_IN_PLAY.search(folded):
        wanted += 1
    for name in [ctx.slots.get("kommune"), *ctx.earlier_kommuner]:
        if len(areas) >= wanted:
            break
        remembered = find_kommune(session, name)
        if remembered is not None and remembered not in areas:
            areas.insert(0, remembered)
    if len(areas) == 1 and indicator_in(ctx):
        # "til sammenligning: hvor høj er ledigheden i hele landet?": the one figure asked for
        only = areas[0] if isinstance(areas[0], str) else areas[0].name
        return answer_jobindsats(session, replace(ctx, entities={**ctx.entities, "kommune": [only]}))
    if len(areas) < 2:
        return ask_for_kommune(
            session, "Hvilke kommuner vil du sammenligne? Skriv fx »Sammenlign Norddjurs og Mariagerfjord«."
        )
    names = [a if isinstance(a, str) else a.name for a in areas]
    sub = Context(
        ctx.text, ctx.intent, {**ctx.entities, "kommune": names}, {**ctx.slots, "kommune": None}, ctx.channel
    )
    if indicator_in(ctx) or ctx.entity("indicator") or _figures_compared_again(ctx):
        return answer_jobindsats(session, sub)
    if asks_about_follow_up(ctx.text):
        # "følger Mariagerfjord og Morsø lige så tæt op på deres mål som Norddjurs?"
        return _compare_follow_up(session, [a for a in areas if isinstance(a, Kommune)])
    if target_group_in(ctx) or ctx.entity("theme") or re.search(r"\bg[oø]r\b|indsats", ctx.text.lower()):
        return answer_initiatives(session, sub)
    return answer_list_goals(session, sub)


# "de to", "begge", "de tre": the places in play are counted apart from the ones named
_PLACES_IN_PLAY_COUNTED = re.compile(r"\b(?:de\s+to|begge|de\s+tre|alle\s+tre)\b")
_THREE_IN_PLAY = re.compile(r"\b(?:de|alle)\s+tre\b")


def _figures_compared_again(ctx: Context) -> bool:
    """ "Hvem af de to ligger bedst?" after Jobindsats figures: the same figure, side by side,
    unless the message asks about something of the plans (a group, a theme, what is done)."""
    if ctx.slots.get("last_intent") not in {"ask_jobindsats", "compare_kommuner"} or not ctx.slots.get(
        "indicator"
    ):
        return False
    if target_group_in(ctx) or ctx.entity("theme") or ctx.entity("goal_code"):
        return False
    return not re.search(r"\bg[oø]r\b|indsats|\bm(?:å|aa|a)l(?:et|ene)?\b|\bplan", ctx.text.lower())


def _compare_follow_up(session: Session, kommuner: list[Kommune]) -> Answer:
    """How each kommune's newest plan is followed up, side by side."""
    blocks: list[str] = []
    sources: list[Source] = []
    for kommune in kommuner:
        plan = find_plan(session, kommune) if kommune.has_plans else None
        if plan is None:
            blocks.append(f"{kommune.name}: Jeg har ingen beskæftigelsesplan for {kommune.name} Kommune.")
            continue
        answer = _plan_follow_up(session, plan)
        blocks.append(answer.text)
        sources.extend(answer.sources[:1])
    return Answer(text="\n\n".join(blocks), sources=sources)


# "hvor kommer de tal fra?", "hvilken måling bygger det på?"
_ASKS_ABOUT_FIGURES = re.compile(
    r"\b(?:tal|tallet|tallene|taller|maling\w*|data|datakilde\w*|statistik\w*)\b"
)


def answer_source(session: Session, ctx: Context) -> Answer:
    """Where the previous answer comes from."""
    sources = ctx.slots.get("last_sources") or []
    if not sources:
        return Answer(
            text="Jeg har ikke givet et svar med en kilde endnu. Stil et spørgsmål, så fortæller jeg, hvor svaret står."
        )
    # "og hvor står det i Mariagerfjords plan?" after an answer from two kommuners' plans
    named = set(kommuner_in_text(session, ctx.text)) | set(ctx.entities.get("kommune", []))
    if named and any(raw.get("kommune") in named for raw in sources):
        sources = [raw for raw in sources if raw.get("kommune") in named]
    if _ASKS_ABOUT_FIGURES.search(fold(ctx.text)):
        # "hvor kommer de tal fra?" after a status: the measurement first
        sources = sorted(sources, key=lambda raw: not raw.get("figure"))
    lines = []
    for raw in sources[:3]:
        source = Source(**{k: raw.get(k) for k in ("title", "kommune", "section", "quote", "figure")})
        if source.figure:
            lines.append(
                f"Tallet kommer fra {source.title}" + (f", {source.section}" if source.section else "") + "."
            )
            continue
        where = source.title + (f" ({source.kommune})" if source.kommune else "")
        if source.section:
            where += f", afsnittet »{source.section}«"
        line = f"Det står i {where}."
        if source.quote:
            line += f"\nCitat: »{source.quote}«"
        lines.append(line)
    if _ASKS_FOR_A_LINK.search(ctx.text):
        # "har du et link til planen?": say plainly that there is none
        lines.append("Jeg har ikke et link til dokumentet – planen ligger på kommunens hjemmeside.")
    return Answer(text="\n\n".join(lines))


_ASKS_FOR_A_LINK = re.compile(r"\blink\w*\b|\burl\b|\bwebadresse\w*", re.IGNORECASE)


# words that ask for more and name nothing ("uddyb", "fortæl lidt mere", "detaljer")
_MORE_WORDS = re.compile(r"^(?:uddyb\w*|fortael\w*|forklar\w*|detalje\w*|mere|info\w*|gerne|lidt|dybere)$")


def _named_words(session: Session, ctx: Context) -> list[str]:
    """The words a request for more names besides asking for more ("uddyb RUB": "rub")."""
    return [fold(w) for w in _topic_words(session, ctx).split() if not _MORE_WORDS.match(fold(w))]


def _names_all(title: str, words: list[str]) -> bool:
    """Whether ``title`` has every one of ``words`` (as the beginning of a word)."""
    return all(re.search(rf"\b{re.escape(w)}", fold(title)) for w in words)


def _details_asked(session: Session, ctx: Context, details: str | None) -> str | None:
    """What the message names of the last answer by title ("uddyb RUB" after the
    initiatives under goal 7): the parts of ``details`` whose titles have all the words it
    names, or else the plan in play's initiatives whose titles have them; else None."""
    words = _named_words(session, ctx)
    if not words:
        return None
    parts = [part for part in (details or "").split("\n\n") if part.strip()]
    named = [part for part in parts if _names_all(part.split(":", 1)[0], words)]
    if named:
        return "\n\n".join(named) if len(named) < len(parts) else None
    plan = session.get(Plan, ctx.slots["plan_id"]) if ctx.slots.get("plan_id") else None
    titled = [i for i in plan.initiatives if _names_all(i.title, words)] if plan is not None else []
    return "\n\n".join(_initiative_with_parts(i, plan) for i in titled[:3]) or None


def _initiative_with_parts(initiative: Initiative, plan: Plan | None) -> str:
    """An initiative's detail and the parts the plan lists under it ("uddyb det med de to
    spor": the investment and its two tracks)."""
    parts = [i for i in plan.initiatives if i.parent_code == initiative.code] if plan is not None else []
    if not parts:
        return _initiative_detail(initiative)
    listed = "\n".join(f"- {_initiative_detail(i)}" for i in parts[:_SECTION_INITIATIVES])
    return f"{_initiative_detail(initiative)}\n\nDet dækker over:\n{listed}"


def _previous_question_for_one_kommune(session: Session, ctx: Context) -> Answer | None:
    """ "uddyb MFJ-delen" after a comparison or a question about several kommuner: the
    previous question for the one kommune the message names (a comparison of how goals are
    followed up becomes that kommune's follow-up)."""
    named = ctx.entities.get("kommune") or []
    intent, text = ctx.slots.get("last_intent"), ctx.slots.get("last_text")
    if len(named) != 1 or not text or intent not in HANDLERS or intent == "ask_more":
        return None
    if intent != "compare_kommuner" and named[0] == ctx.slots.get("kommune"):
        return None  # "fortæl mere om Morsø" right after Morsø: the details of that answer
    if intent == "compare_kommuner":
        if not asks_about_follow_up(str(text)):
            return None
        intent = "ask_follow_up"
    sub = Context(
        f"{without_kommuner(session, str(text))} {named[0]}",
        intent,
        {"kommune": list(named)},
        {**ctx.slots, "kommune": named[0]},
        ctx.channel,
        ctx.earlier_kommuner,
    )
    return _asked_again(session, sub)


def answer_more(session: Session, ctx: Context) -> Answer:
    """Details for the previous answer (the part the message names, if it names one)."""
    details = ctx.slots.get("details")
    asked = _details_asked(session, ctx, details)
    if asked is not None:
        return Answer(text=asked, slots={"details": details})
    part = _previous_question_for_one_kommune(session, ctx)
    if part is not None:
        return part
    if details:
        return Answer(text=details, slots={"details": None})
    if ctx.slots.get("goal_code") and ctx.slots.get("plan_id"):
        plan = session.get(Plan, ctx.slots["plan_id"])
        if plan is not None:
            sub = Context(
                ctx.slots["goal_code"],
                "goal_detail",
                {"goal_code": [ctx.slots["goal_code"]]},
                ctx.slots,
                ctx.channel,
            )
            return answer_goal_detail(session, sub)
    return Answer(
        text="Jeg har ikke flere detaljer til det sidste svar. Spørg gerne mere præcist – fx om et bestemt mål eller en indsats."
    )


# "hvad er dagpenge i forhold til kontanthjælp?", "forskellen på fleksjob og løntilskud"
_TERMS_SET_SIDE_BY_SIDE = re.compile(
    r"\bi\s+forhold\s+til\b|\bforskel\w*|\bsammenlignet\s+med\b|\bmodsat\b|\bvs\.?\b|\bversus\b"
)


def _asked_terms(ctx: Context) -> list[dict[str, Any]]:
    """The glossary entries the message names, in the order it names them."""
    wanted = [fold(v) for v in ctx.entities.get("term", [])]
    text_words = fold(ctx.text)
    found: list[tuple[int, dict[str, Any]]] = []
    for entry in glossary_entries():
        forms = term_forms(entry)
        positions = [p for p in (form_position(text_words, form) for form in forms) if p is not None]
        if positions or any(form in wanted for form in forms):
            found.append((min(positions, default=len(text_words)), entry))
    return [entry for _, entry in sorted(found, key=lambda item: item[0])]


def answer_define_term(session: Session, ctx: Context) -> Answer:
    """A brief explanation of the term asked about; both, when two are set side by side."""
    entries = _asked_terms(ctx)
    if not entries:
        return answer_search(session, ctx)
    entry = entries[0]
    if len(entries) > 1 and _TERMS_SET_SIDE_BY_SIDE.search(fold(ctx.text)):
        return Answer(
            text="\n\n".join(e["text"] for e in entries[:2]),
            sources=[Source("Planassistentens ordliste")],
            slots={"term": entry["term"]},
        )
    hits = search_passages(session, entry["term"], limit=1)
    extra = ""
    if hits and hits[0].score > 3:
        extra = f"\n\nI planerne nævnes det fx i {fmt.genitive(hits[0].kommune)} {hits[0].plan_title}, afsnit »{hits[0].section}«."
    # the glossary is the source of the explanation; the plan passage is only mentioned
    return Answer(
        text=entry["text"] + extra,
        sources=[Source("Planassistentens ordliste")],
        slots={"term": entry["term"]},
    )


def answer_term_in_kommune(session: Session, ctx: Context) -> Answer:
    """ "Bruger Norddjurs det i praksis?" after a term was explained: the kommune's goals for
    the term when goals were asked for, else its initiatives that name the term, else the plan passage that does, else the answer to the question as
    the classifier heard it ("hvilke af dem har Norddjurs bygget sin plan på?" after
    ministermål: the plan's frame), else that the plans do not name it."""
    term = str(ctx.slots.get("term"))
    kommune = _first_kommune(session, ctx)
    if kommune is None:
        return ask_for_kommune(session, f"Hvilken kommune tænker du på – hvad gør den med {term}?")
    if not kommune.has_plans:
        return _no_plans(session, kommune)
    about = replace(ctx, text=term, entities={"kommune": [kommune.name], "theme": [term]})
    if ctx.intent == "list_goals":
        # "har Norddjurs sat sig nogle mål på det område?": the kommune's goals for the term
        goals = answer_list_goals(session, replace(about, text=f"mål for {term}", intent="list_goals"))
        if goals.slots.get("listed_goals"):
            return goals
    answer = answer_initiatives(session, about)
    if answer.details:
        return answer
    hits = [h for h in search_passages(session, term, limit=1, kommune=kommune.name) if h.is_good]
    if not hits and ctx.intent in HANDLERS and ctx.intent != "ask_initiatives":
        return HANDLERS[ctx.intent](session, ctx)
    if hits:
        hit = hits[0]
        return Answer(
            text=(
                f"{fmt.genitive(kommune.name)} {hit.plan_title} nævner {term} i afsnittet »{hit.section}«:"
                f"\n»{hit.text.strip()}«"
            ),
            sources=[Source(hit.plan_title, hit.kommune, hit.section, hit.text[:200])],
            slots={"kommune": kommune.name, "term": term},
        )
    return Answer(
        text=f"Jeg kan ikke finde {term} nævnt i {fmt.genitive(kommune.name)} planer.",
        slots={"kommune": kommune.name},
    )


def answer_personal_case(session: Session, ctx: Context) -> Answer:
    """Own case, payments or a wish for a human: point to the jobcenter."""
    kommune = _first_kommune(session, ctx)
    if kommune is not None and kommune.jobcenter:
        where = f"{kommune.jobcenter} (via {kommune.name} Kommunes hjemmeside eller borger.dk)"
    else:
        where = (
            "jobcenteret i din kommune (kontaktoplysninger finder du på kommunens hjemmeside eller borger.dk)"
        )
    lines = []
    if contains_masked_data(ctx.text):
        lines.append(PRIVACY_REMINDER)
    lines.append(
        "Jeg kan ikke se eller svare på spørgsmål om din egen sag, dine ydelser eller udbetalinger – "
        f"og jeg kan ikke stille dig videre. Kontakt {where}, så hjælper en medarbejder dig."
    )
    lines.append("Jeg kan svare på generelle spørgsmål om kommunens beskæftigelsesplan.")
    return Answer(text="\n\n".join(lines))


# What answers an amount question (_AMOUNT_QUESTION) in a passage: a number that is not a
# year, or a number word.
NUMBER_PASSAGE_RATIO = 0.8  # how close a passage with a number must score to the best one
_HAS_AMOUNT = re.compile(
    r"\b(?!(?:19|20)\d\d\b)\d|\b(to|tre|fire|fem|seks|syv|otte|ni|ti|tolv|tyve|halvdel(en)?|tredjedel(en)?|fjerdedel(en)?|"
    r"hundrede|tusind|million(er)?|mia\.?|mio\.?)\b",
    re.IGNORECASE,
)


# the minister's goals for the year (folded): "ministermålene", "ministerens fem mål"
_MINISTER_GOALS = re.compile(r"\bministermal\w*|\bministerens\s+(?:\w+\s+){0,2}?mal\b")


# the words that name a kind of plan document ("Mariagerfjord-notatet", "strategien 20-21")
_DOCUMENT_KIND_WORDS = re.compile(
    r"\b(?:arbejdsmarkeds)?strategi\w*|\bnotat\w*|\budm(?:ø|oe|o)ntning\w*", re.IGNORECASE
)


def _named_document(session: Session, ctx: Context, kommune: Kommune | None) -> tuple[str | None, str]:
    """The document a search question names by its kind ("hvad står der om praktikbanken i
    notatet?") and the question without those words, which select the document and are
    not what the passage is about; ``(None, text)`` when it names none."""
    hint = _plan_hint(ctx)
    if kommune is None or hint is None or not _DOCUMENT_KIND_WORDS.search(ctx.text):
        return None, ctx.text
    plan = find_plan(session, kommune, hint)
    if plan is None:
        return None, ctx.text
    return plan.document_id, _DOCUMENT_KIND_WORDS.sub(" ", ctx.text)


def _goal_the_passage_opens(session: Session, hit: SearchHit) -> Goal | None:
    """The goal whose title a passage begins with (the passage is that goal's text)."""
    opening = fold(hit.text.lstrip("-–• \n"))
    goals = session.scalars(select(Goal).join(Plan).where(Plan.document_id == hit.document_id))
    for goal in goals:
        title = fold(goal.title)
        if len(title) >= 12 and opening.startswith(title):
            return goal
    return None


# a date or a duration: the plans state some as facts ("træder i kraft 1. juli 2025")
_ASKS_WHEN_OR_HOW_LONG = re.compile(r"\bhvornar\b|\bhvor\s+(?:lang\s+tid|lange?|hurtigt|tit|ofte)\b")


def answer_search(session: Session, ctx: Context) -> Answer:
    """Fallback: quote the best passage when the match is good, else say so.

    A long message whose story drowns the question in words is searched again with its
    question sentences alone (:func:`planbot.text.question_sentences`). With no good
    passage, a goal the message names by its code is described instead."""
    named = [k for k in resolve_kommuner(session, ctx, use_slot=False) if isinstance(k, Kommune)]
    if named and not any(k.has_plans for k in named):
        # "Før jeg udtaler mig, vil jeg have det nyeste tal for ledigheden i Herlev": the
        # figures it has; "Som nyt medlem i Kerteminde …": another kommune's passage would
        # answer the wrong kommune
        if (
            indicator_in(ctx) is not None
            and not GOAL_WORDS.search(ctx.text)
            and "plan" not in ctx.text.lower()
        ):
            return answer_jobindsats(session, ctx)
        # "bor i randers. hvad er kommunens mål for de ledige?": no plan, then the figure
        return _no_plans(session, named[0], ctx)
    if _MINISTER_GOALS.search(fold(ctx.text)):
        # "hvad var ministerens fem mål for indsatsen i 2024?": the plans' frame is known
        # knowledge, a passage that mentions the minister is a worse answer
        return answer_plan_info(session, ctx)
    kommune = _first_kommune(session, ctx)
    scope = kommune.name if kommune and kommune.has_plans else None
    document, query = _named_document(session, ctx, kommune if scope else None)
    hits = search_passages(session, query, limit=3, kommune=scope, document_id=document)
    good = [h for h in hits if h.is_good]
    question = None if good else question_sentences(query)
    if question:
        hits = search_passages(session, question, limit=3, kommune=scope, document_id=document)
        good = [h for h in hits if h.is_good]
    prefix = PRIVACY_REMINDER + "\n\n" if contains_masked_data(ctx.text) else ""
    if good:
        hit = good[0]
        if _AMOUNT_QUESTION.search(ctx.text) and not _HAS_AMOUNT.search(hit.text):
            # "Hvor mange …?": a nearly as good passage with a number answers it, the best
            # passage without one does not.
            with_number = [
                h
                for h in good[1:]
                if _HAS_AMOUNT.search(h.text) and h.score >= NUMBER_PASSAGE_RATIO * hit.score
            ]
            hit = with_number[0] if with_number else hit
        where = f"{fmt.genitive(hit.kommune)} {hit.plan_title}"
        if _AMOUNT_QUESTION.search(ctx.text) and not _HAS_AMOUNT.search(hit.text):
            # Asked for a number, found a passage without one: a figure the plans state
            # answers it ("omprioritering fra STU – hvilket beløb?"), else say so instead
            # of implying an answer.
            fact = _fact_answer(session, ctx)
            if fact is not None:
                return fact
            lead = f"Jeg kan ikke finde et tal for det i planerne. Det nærmeste, jeg fandt, står i {where}:"
        else:
            lead = f"Jeg fandt dette i {where}:"
        slots: dict[str, Any] = {"kommune": hit.kommune}
        goal = _goal_the_passage_opens(session, hit)
        if goal is not None:
            # the passage is a goal's own text: name the goal, and keep it in play for
            # "hvordan går det med det?"
            lead = f"{lead[:-1]}, under {_goal_label(goal)}:"
            slots = _goal_slots(goal)
        text = f"{prefix}{lead}\n»{hit.text.strip()}«"
        return Answer(
            text=text,
            sources=[Source(hit.plan_title, hit.kommune, hit.section, hit.text[:200])],
            slots=slots,
        )
    if _AMOUNT_QUESTION.search(ctx.text) or _ASKS_WHEN_OR_HOW_LONG.search(fold(ctx.text)):
        # no passage, but a figure or date the plans state ("omprioriteringen fra STU – hvor
        # stort et beløb drejede det sig om?", "hvornår skal den nye kontanthjælpsreform gælde fra")
        fact = _fact_answer(session, ctx)
        if fact is not None:
            return fact
    if _AMOUNT_QUESTION.search(ctx.text):
        # no figure stated, but a goal's target ("vil norddjurs have at næsten alle 25-årige skal
        # have en uddannelse? hvor mange procent")
        target = _target_in_words(session, ctx)
        if target is not None:
            return target
    if codes_in_text(ctx) or (ctx.slots.get("goal_code") and not _topic_words(session, ctx)):
        # "hvad er succeskriteriet i 6.11?" with the classifier torn between the goal's
        # description and its target, or "hvad har man sat som mål der?" about the goal in
        # play: the description (which gives the target) beats nothing
        goals, _, _, early = _goal_context(session, ctx, "")
        if goals and early is None:
            return _goal_detail(goals, ctx)
    names = [k.name for k in kommuner_with_plans(session)]
    # the kommune the user named stays in play for the next question ("hvem følger op på det?")
    return Answer(
        slots={"kommune": named[0].name} if named else {},
        text=(
            f"{prefix}Det ved jeg desværre ikke – jeg kan ikke finde et svar i planerne. "
            f"Jeg kan svare på spørgsmål om mål, indsatser, opfølgning og status i beskæftigelsesplanerne for {fmt.join_list(names)} "
            "og om aktuelle Jobindsats-tal for alle kommuner."
        ),
        buttons=[
            _button("Hvad kan du?", "Hvad kan du hjælpe med?"),
            _button("Hvilke mål har Norddjurs?", "Hvilke mål har Norddjurs?"),
        ],
    )


HANDLERS: dict[str, Callable[[Session, Context], Answer]] = {
    "ask_plan_info": answer_plan_info,
    "list_goals": answer_list_goals,
    "goal_detail": answer_goal_detail,
    "ask_target": answer_target,
    "ask_follow_up": answer_follow_up,
    "ask_initiatives": answer_initiatives,
    "ask_fact": answer_fact,
    "ask_status": answer_goal_status,
    "ask_overview": answer_overview,
    "ask_jobindsats": answer_jobindsats,
    "compare_kommuner": answer_compare,
}


def _answered_as(answer: Answer, intent: str) -> Answer:
    """``answer``, remembered as an answer to ``intent`` for the fragments that continue it
    ("og i den nyere plan?" after a goal list given for a plan question)."""
    answer.slots.setdefault("last_intent", intent)
    return answer


def _asked_again(session: Session, sub: Context, remember_text: bool = False) -> Answer:
    """The previous question (``sub.intent``) answered for ``sub``; the answer remembers it as
    the question later fragments continue (with ``remember_text``, in ``sub``'s rewritten words)."""
    answer = _answered_as(HANDLERS[sub.intent](session, sub), sub.intent)
    if remember_text:
        answer.slots.setdefault("last_text", sub.text)
    return answer


def answer_inform_kommune(session: Session, ctx: Context) -> Answer:
    """ "Og hvad med Mariagerfjord?": repeat the previous question for another kommune."""
    if is_comparison_fragment(ctx):  # "og i forhold til hele landet?" after a figure: both
        return answer_comparison_fragment(session, ctx)
    last = ctx.slots.get("last_intent")
    kommuner = resolve_kommuner(session, ctx, use_slot=False)
    if not kommuner:
        # a fragment with a word heard as a kommune: the fragment it is without it
        without = replace(
            ctx, intent=FALLBACK_INTENT, entities={k: v for k, v in ctx.entities.items() if k != "kommune"}
        )
        routed = as_follow_up(without)
        if routed is not None:  # "i strategien da?", "og for de delvise raskmeldinger?"
            return routed[1](session, routed[0])
        return answer_search(session, ctx)
    new_names = [k if isinstance(k, str) else k.name for k in kommuner]
    if last in HANDLERS and ctx.slots.get("last_text"):
        previous_text = ctx.slots["last_text"]
        if last == "compare_kommuner":
            # "Hvad med Skive?" after a comparison: add the kommune to the comparison.
            new_names = [*kommuner_in_text(session, previous_text), *new_names]
        previous_text = without_kommuner(session, previous_text)
        # the question asked again is a new question, not a fragment of the one before
        slots = {**ctx.slots, "kommune": None, "plan_id": None, "last_intent": None, "last_text": None}
        if last in {"ask_status", "goal_detail", "ask_target", "ask_follow_up"} and not codes_in_text(
            Context(previous_text)
        ):
            # Same topic in the new kommune: search by the previous words, not the old goal code.
            slots["goal_code"] = None
            if (
                not _topic_words(session, Context(previous_text))
                and ctx.slots.get("goal_code")
                and ctx.slots.get("plan_id")
            ):
                # "Hvordan går det med det?" -> use the remembered goal's title as the topic.
                old_goal = find_goals(
                    session, ctx.slots["goal_code"], plan=session.get(Plan, ctx.slots["plan_id"])
                )
                if old_goal:
                    previous_text = f"{previous_text} {old_goal[0].title}"
        sub = Context(previous_text, last, {"kommune": new_names}, slots, ctx.channel)
        return _asked_again(session, sub)
    first = kommuner[0]
    if isinstance(first, str):
        return answer_jobindsats(
            session, Context(ctx.text, "ask_jobindsats", {"kommune": new_names}, ctx.slots, ctx.channel)
        )
    if not first.has_plans:
        return _no_plans(session, first)
    return answer_plan_info(
        session, Context(ctx.text, "ask_plan_info", {"kommune": new_names}, {}, ctx.channel)
    )


_FRAGMENT_OPENER = re.compile(
    r"^\s*(?:(?:og|men)\s+)?(?:hvad\s+(?:så\s+|saa\s+|sa\s+)?med?|end|også|ogsa|samme)\b|^\s*(?:og|men)\b",
    re.IGNORECASE,
)
_FRAGMENT_QUESTION = re.compile(
    r"\b(?:hv(?:ad|or|ordan|ilke|ilken|ilket|em|ornår|ornaar|orfor)|er|var|har|skal|kan|bliver|gør|gor|får|far|går|gar|ligger)\b",
    re.IGNORECASE,
)  # a verb or question word of its own makes it a new question, not a fragment


def _opens_a_fragment(text: str, opener: re.Pattern[str], max_words: int) -> bool:
    """Whether ``text`` begins like a fragment (``opener``: "og", "hvad med", "var det
    anderledes …") and the rest is short and asks nothing of its own."""
    match = opener.search(text)
    if match is None:
        return False
    rest = text[match.end() :]
    return not _FRAGMENT_QUESTION.search(rest) and len(re.findall(r"\w+", rest)) <= max_words


_FRAGMENT_FILLER = {
    "mal",
    "malet",
    "malene",
    "nummer",
    "nr",
    "punkt",
    "gruppe",
    "gruppen",
    "sa",
    "da",
    "samme",
    # "samme spm for 6.3": the same question
    "spm",
    "sporgsmal",
    "sporgsmalet",
    # the head noun of a group as people write it ("og for borgere med handicap?")
    "borger",
    "borgere",
    "borgerne",
    "folk",
    "person",
    "personer",
    "personerne",
    "menneske",
    "mennesker",
    "modtager",
    "modtagere",
    "modtagerne",
}
_FRAGMENT_OBJECTS = ("goal_code", "target_group", "theme", "indicator")
# the questions about one goal (also what a question about one listed goal may ask; anything
# else is about the goal itself)
_GOAL_INTENTS = {"ask_status", "ask_target", "ask_follow_up", "goal_detail"}
FALLBACK_INTENT = "nlu_fallback"  # Rasa's FallbackClassifier


def _is_plan_question(intent: str | None) -> bool:
    """A plan question (answered from the plans), or one the classifier was unsure of."""
    return intent in HANDLERS or intent == FALLBACK_INTENT


# Questions whose answer is chosen by goal code or group alone. Not comparisons (they need the
# kommuner of the previous text), Jobindsats figures (no target groups) or facts (found by the
# words of the question, which a fragment lacks).
_FRAGMENT_INTENTS = {
    "ask_status",
    "goal_detail",
    "ask_target",
    "ask_follow_up",
    "ask_initiatives",
    "list_goals",
}


def follow_up_intent(ctx: Context) -> str | None:
    """The previous question's intent when the message only swaps its object.

    "Og hvad med 6.4?" after a status question asks for 6.4's status, and "og for
    flygtninge?" after a question about initiatives asks for the initiatives for
    flygtninge – whatever plan intent the classifier picked for the fragment. A fragment
    begins like one ("og", "hvad med", "end", "samme …") and has no content words besides
    its new goal code, target group, theme or indicator. Kommune-only fragments are the
    ``inform_kommune`` intent's job and are left alone. A fragment the classifier was
    unsure of (``nlu_fallback``) continues the previous question too: short fragments
    are where it is least sure.
    """
    last = ctx.slots.get("last_intent")
    continuable = _is_plan_question(ctx.intent)
    if last not in _FRAGMENT_INTENTS or not continuable or last == ctx.intent:
        return None
    codes = codes_in_text(ctx)
    # "6.5?" alone after "datakilde for 6.3?": the same question about that goal
    bare_code = bool(codes) and len(ctx.text.split()) <= _BARE_CODE_WORDS
    if not (_opens_a_fragment(ctx.text, _FRAGMENT_OPENER, 5) or bare_code):
        return None
    objects = [fold(v) for name in _FRAGMENT_OBJECTS for v in ctx.entities.get(name, [])]
    if not codes and not objects:
        return None
    object_words = [word for value in objects for word in value.split()]  # "personer med handicap"
    # the group's other words ("og for flygtninge og familiesammenførte?") and terms that
    # narrow it ("og for jobparate kth-modtagere?")
    object_words += [word for value in ctx.entities.get("term", []) for word in fold(value).split()]
    for entity, synonyms in (("indicator", _INDICATOR_WORDS), ("target_group", TARGET_GROUP_WORDS)):
        object_words += [
            fold(word) for value in ctx.entities.get(entity, []) for word in synonyms.get(value, [])
        ]
    places = [fold(v) for v in ctx.entities.get("kommune", [])]
    # "Hvad med 6.9, delvise raskmeldinger?": the code and a few words of what it is about
    text = without_codes(_CODE_APPOSITIVE.sub("", ctx.text) if len(codes) == 1 else ctx.text)
    if not only_filler_and(text, _FRAGMENT_FILLER, [*object_words, *places], numbers=True):
        return None
    return last


_TOPIC_FRAGMENT_WORDS = 5
_CODE_APPOSITIVE = re.compile(r"(?<=\d)\s*[,–—-]\s*[^\W\d_]+(?:\s+[^\W\d_]+){0,2}\s*[?.!]*\s*$")
_BARE_CODE_WORDS = 2  # "6.5?", "mål 6.5?"


def _names_its_own_object(ctx: Context) -> bool:
    """Whether a message names a goal code, kommune, term, group, theme or indicator of its
    own: then it is a question of its own, not a fragment that names only a topic, a year or a plan."""
    return bool(codes_in_text(ctx)) or any(
        ctx.entities.get(name) for name in ("kommune", "term", *_FRAGMENT_OBJECTS)
    )


# list positions, folded ("det tredje af dem", "den sidste")
_ORDINALS = {
    "forste": 1, "anden": 2, "andet": 2, "tredje": 3, "fjerde": 4, "femte": 5, "sjette": 6,
    "syvende": 7, "ottende": 8, "niende": 9, "tiende": 10, "sidste": -1,
}  # fmt: skip
# a position among goals of a kind, or the others ("og det andet fokusmål?", "de øvrige")
_ORDINAL = re.compile(r"\b(?:" + "|".join([*_ORDINALS, "andre", "naeste", "ovrige"]) + r")\b")


def is_topic_fragment(ctx: Context) -> bool:
    """ "Og til gymnasiet?" right after a goal's target or status: a fragment that names the
    topic of another goal in words only – no kommune, code, group, theme or indicator (those
    are continued by :func:`follow_up_intent` and :func:`is_kommune_fragment`)."""
    last = ctx.slots.get("last_intent")
    continuable = _is_plan_question(ctx.intent)
    if last not in _GOAL_INTENTS or not continuable or not ctx.slots.get("kommune"):
        return False
    if not _opens_a_fragment(ctx.text, _FRAGMENT_OPENER, _TOPIC_FRAGMENT_WORDS):
        return False
    # a term that also names a goal ("og på resultatmålet?") is a topic here, unless a term was
    # just explained (then it is the next term: is_term_fragment) or the fragment counts among
    # goals of that kind ("og det andet fokusmål?")
    if not ctx.slots.get("term") and not _ORDINAL.search(fold(ctx.text)):
        ctx = replace(ctx, entities={k: v for k, v in ctx.entities.items() if k != "term"})
    return not _names_its_own_object(ctx)


def answer_topic_fragment(session: Session, ctx: Context) -> Answer:
    """The previous question about the goal of the same kommune that a topic fragment's
    words name; the message's own answer when they name none."""
    last = ctx.slots["last_intent"]
    kommune = find_kommune(session, ctx.slots["kommune"])
    words = _topic_words(session, ctx)
    if (
        kommune is None
        or not kommune.has_plans
        or not words
        or not find_goals(session, words, kommune=kommune)
    ):
        return HANDLERS.get(ctx.intent, answer_search)(session, ctx)
    # the plan in play, when one of its goals is about the words ("og for inddragelsen i egen
    # sag?" after a target in the 2021 notat stays in the notat); else the kommune's best match
    plan = session.get(Plan, ctx.slots["plan_id"]) if ctx.slots.get("plan_id") else None
    text = ctx.text
    if plan is not None and plan.kommune_id == kommune.id and find_goals(session, words, plan=plan):
        text = f"{ctx.text.rstrip(' ?.!')} – i {_plan_named(plan)}"
    slots = {**ctx.slots, "goal_code": None, "plan_id": None}
    sub = replace(ctx, text=text, intent=last, entities={"kommune": [kommune.name]}, slots=slots)
    return _asked_again(session, sub)


def _plan_named(plan: Plan) -> str:
    """The plan as a question names it: "notatet 2021-2024", "strategien 2020-2021", "planen 2024"."""
    named = {"notat": "notatet", "arbejdsmarkedsstrategi": "strategien"}.get(plan.kind, "planen")
    return f"{named} {plan.period}"


# the words of a fragment that names another of the kommune's plans ("og i notatet 21-24?")
_PLAN_FRAGMENT_WORDS = [
    "plan", "planen", "beskaeftigelsesplan", "beskaeftigelsesplanen", "notat", "notatet",
    "udmontningsnotat", "udmontningsnotatet", "strategi", "strategien", "arbejdsmarkedsstrategi",
    "arbejdsmarkedsstrategien", "dokument", "dokumentet", "tidligere", "forrige", "nye", "nyeste",
    "gamle", "aeldre", "gammel", "forrig", "tidlig",  # lemmas too ("gamle" → "gammel")
    "anden", "andet",
]  # fmt: skip
_PLAN_FRAGMENT_INTENTS = {*_GOAL_INTENTS, "list_goals", "ask_initiatives", "ask_plan_info", "ask_overview"}


# "var det anderledes i notatet?", "er det det samme i strategien?", "gælder det også for …"
_SAME_OR_DIFFERENT = re.compile(
    r"^\s*(?:(?:og|men)\s+)?(?:(?:var|er|bliver)\s+det\s+(?:så\s+|sa\s+)?(?:anderledes|det\s+samme|ligesådan"
    r"|ligesadan|også\s+sådan|ogsa\s+sadan)|gælder\s+det\s+(?:så\s+)?også|gaelder\s+det\s+ogsa"
    r"|hvordan\s+(?:var|er)\s+det)\b",
    re.IGNORECASE,
)


# "i strategien da?", "fra notatet?": a plan named with no opener, in a message of a few words
_IN_A_PLAN = re.compile(r"^\s*(?:i|fra)\b", re.IGNORECASE)
# "Har Norddjurs noget tilsvarende i deres 2024-plan?", "kan jeg få samme oversigt over den
# gamle strategi?": the previous question asked again for another kommune or plan
_THE_SAME_ELSEWHERE = re.compile(
    r"^\s*(?:(?:og|men)\s+)?(?:har|gør|gor|laver|er\s+der)\s+(?:\w+\s+){0,2}?(?:noget|nogen)\s+"
    r"(?:tilsvarende|lignende|af\s+det\s+samme)\b"
    r"|^\s*(?:(?:og|men)\s+)?(?:kan\s+jeg\s+(?:også\s+|ogsa\s+)?(?:få|fa)|må\s+jeg\s+(?:få|fa)|ma\s+jeg\s+fa"
    r"|giv\s+mig|vis\s+mig)\s+(?:(?:også|ogsa)\s+)?(?:den\s+|det\s+)?samme(?:\s+(?:oversigt|liste|svar|tal|status"
    r"|overblik|opgørelse|opgorelse))?(?:\s+(?:over|for|i|fra|om|med))?\b",
    re.IGNORECASE,
)


# "og hvornår blev den godkendt?", "hvem har vedtaget planen?"
_PLAN_APPROVED = re.compile(
    r"\b(?:godkend\w*|vedtag\w*|vedtog|besluttet)\b.*\b(?:den|planen|notatet|strategien|dem)\b"
    r"|\b(?:den|planen|notatet|strategien)\b.*\b(?:godkend\w*|vedtag\w*|vedtog|besluttet)\b",
    re.IGNORECASE,
)
_PLAN_APPROVED_WORDS = 9


def asks_when_the_plan_was_approved(ctx: Context) -> bool:
    """ "Og hvornår blev den godkendt?" after a question about a kommune's plan, heard as
    anything but a plan question of its own: the plan in play's approval (ask_plan_info)."""
    if ctx.slots.get("last_intent") not in HANDLERS or not ctx.slots.get("kommune"):
        return False
    if ctx.intent not in (FALLBACK_INTENT, *_GOAL_INTENTS, "ask_fact", "inform_kommune"):
        return False
    if len(ctx.text.split()) > _PLAN_APPROVED_WORDS or ctx.entities.get("kommune") or codes_in_text(ctx):
        return False
    return bool(_PLAN_APPROVED.search(ctx.text))


def is_fact_fragment(ctx: Context) -> bool:
    """ "Og prognosen for året efter?" right after a figure from a kommune's plan: a fragment
    with words of its own but no kommune, code, group, theme, indicator or term, heard as
    another plan question: a fact from the same kommune's plans."""
    if ctx.slots.get("last_intent") != "ask_fact" or not ctx.slots.get("kommune"):
        return False
    if not _is_plan_question(ctx.intent) or ctx.intent == "ask_fact":
        return False
    return _opens_a_fragment(ctx.text, _FRAGMENT_OPENER, _TOPIC_FRAGMENT_WORDS) and not _names_its_own_object(
        ctx
    )


def answer_fact_fragment(session: Session, ctx: Context) -> Answer:
    """The fact the fragment's words find in the plans of the kommune in play."""
    sub = replace(ctx, intent="ask_fact", entities={**ctx.entities, "kommune": [ctx.slots["kommune"]]})
    return _answered_as(answer_fact(session, sub), "ask_fact")


# the questions a year fragment ("og i 2020?") asks again for another year
_YEAR_FRAGMENT_INTENTS = ("ask_fact", "ask_jobindsats", "compare_kommuner")
# "og hvis vi går tilbage til marts 2024?", "hvad hvis vi ser på 2023?": only the period is new
_GOING_BACK = re.compile(
    r"\b(?:hvad\s+)?(?:hvis|nar|når)\s+(?:vi|man|du)\s+(?:så\s+|sa\s+)?(?:går|gaar|gar|ser|kigger|skruer)"
    r"\s+(?:tilbage\s+)?(?:til|på|pa|paa|tiden\s+tilbage\s+til)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_YEAR_FRAGMENT_FILLER = {"i", "for", "aret", "ar", "ultimo", "primo", "tal", "tallet", "tallene", *MONTHS_DA}
_ANY_START = re.compile(r"^")


# "og året før?", "et år tidligere?": the year before the one just asked about;
# "og sidste år?", "i fjor?": the year before this one
_YEAR_BEFORE_THAT = re.compile(
    r"\b(?:(?:året|aaret|aret)\s+(?:før|foer|for|inden|forinden|forud)|et\s+(?:år|aar|ar)\s+(?:før|foer|tidligere))\b",
    re.IGNORECASE,
)
_LAST_YEAR = re.compile(r"\b(?:(?:sidste|forrige)\s+(?:år|aar|ar)|i\s+fjor)\b", re.IGNORECASE)
_MONTH_CODE = re.compile(r"\b((?:19|20)\d{2})[Mm](0[1-9]|1[0-2])\b")


def _with_years_named(text: str, previous: str, today: dt.date | None = None) -> str:
    """``text`` with a year said relatively ("året før", "sidste år") written as the year:
    the one before the year ``previous`` names, or before this year."""
    # "og 2024M03?": a Jobindsats month code is that month
    text = _MONTH_CODE.sub(lambda m: f"{MONTHS_DA[int(m.group(2)) - 1]} {m.group(1)}", text)
    if _YEAR_BEFORE_THAT.search(text):
        named = _YEAR.findall(previous)
        if len(named) == 1:
            text = _YEAR_BEFORE_THAT.sub(str(int(named[0]) - 1), text)
    if _LAST_YEAR.search(text):
        text = _LAST_YEAR.sub(str((today or dt.date.today()).year - 1), text)
    return text


def is_year_fragment(ctx: Context) -> bool:
    """ "Og i 2020?" after a figure from the plans or Jobindsats: the same question for
    another year (or month), named by itself and nothing else ("og året før?" names the
    year before the one just asked about)."""
    last = ctx.slots.get("last_intent")
    if last not in _YEAR_FRAGMENT_INTENTS or not ctx.slots.get("last_text"):
        return False
    named = _with_years_named(ctx.text, ctx.slots["last_text"])
    relative = named != ctx.text
    # "og året før?" may sound like a request for more of the last answer
    if not _is_plan_question(ctx.intent) and not (relative and ctx.intent == "ask_more"):
        return False
    text = _GOING_BACK.sub(" ", named)
    # a relative year needs no "og" before it ("et år tidligere?", "samme tal for sidste år?"), nor
    # a year said first ("i 2023 da?")
    opener = _ANY_START if relative or _PERIOD_FIRST.match(text) else _FRAGMENT_OPENER
    if not _opens_a_fragment(text, opener, 4) or len(_YEAR.findall(text)) != 1:
        return False
    if _names_its_own_object(ctx):
        return False
    return only_filler_and(_YEAR.sub(" ", text), _FRAGMENT_FILLER | _YEAR_FRAGMENT_FILLER, [])


_PERIOD_FIRST = re.compile(r"^\s*(?:i|for)\s+(?:\w+\s+)?(?:19|20)\d{2}\b", re.IGNORECASE)
# a period in a question: "i marts 2024", "for 2022", "2023M11", "i 2021-2022"
_A_PERIOD = re.compile(
    r"\s*\b(?:(?:i|for|fra|per|pr\.?)\s+)?(?:(?:" + "|".join(MONTHS_DA) + r")\s+)?"
    r"(?:19|20)\d{2}(?:[Mm](?:0[1-9]|1[0-2])|\s*[-–/]\s*(?:19|20)?\d{2})?\b",
    re.IGNORECASE,
)


def is_now_fragment(ctx: Context) -> bool:
    """ "Og nu?" after a figure for a past year or month: the same figure for the latest period."""
    previous = ctx.slots.get("last_text")
    if ctx.slots.get("last_intent") not in _YEAR_FRAGMENT_INTENTS or not previous:
        return False
    return asks_for_now(ctx.text) and bool(_A_PERIOD.search(previous))


def answer_now_fragment(session: Session, ctx: Context) -> Answer:
    """The previous question asked again without its period (so for the latest one)."""
    return _asked_again_for_a_period(session, ctx, _A_PERIOD.sub("", ctx.slots["last_text"]).strip())


def _asked_again_for_a_period(session: Session, ctx: Context, text: str, year: str | None = None) -> Answer:
    """The previous question, rewritten as ``text`` for another period, asked again in the
    kommune in play (and the ``year``, if one is named)."""
    kommune = ctx.slots.get("kommune")
    entities = {"kommune": [kommune]} if kommune else {}
    if year:
        entities["year"] = [year]
    slots = {**ctx.slots, "goal_code": None}
    return _asked_again(
        session, Context(text, ctx.slots["last_intent"], entities, slots, ctx.channel), remember_text=True
    )


def _period_words(text: str) -> str:
    """The month names and years ``text`` names, in order ("marts 2025")."""
    return " ".join(
        word for word in re.findall(r"\w+", text.lower()) if word in MONTHS_DA or _YEAR.fullmatch(word)
    )


def answer_year_fragment(session: Session, ctx: Context) -> Answer:
    """The previous question asked again for the year (and month) the fragment names."""
    previous = ctx.slots["last_text"]
    when = _period_words(_with_years_named(ctx.text, previous))
    if _PERIOD_IN_TEXT.search(previous):
        text = _PERIOD_IN_TEXT.sub(when, previous, count=1)
    else:
        text = f"{previous.rstrip(' ?.!')} i {when}?"
    year = _YEAR.search(when)
    return _asked_again_for_a_period(session, ctx, text, year.group() if year else None)


def is_plan_fragment(ctx: Context) -> bool:
    """ "Og i udmøntningsnotatet 21-24?" or "var det anderledes i notatet?" after a question
    about a kommune's plan: the same question about another of its plans, named by kind or
    period and nothing else."""
    last = ctx.slots.get("last_intent")
    # "og den anden plan?" heard as naming a kommune, but naming none
    place_without_a_place = ctx.intent == "inform_kommune" and not ctx.entities.get("kommune")
    continuable = _is_plan_question(ctx.intent) or place_without_a_place
    if last not in _PLAN_FRAGMENT_INTENTS or not continuable or not ctx.slots.get("last_text"):
        return False
    if not ctx.slots.get("kommune") or _plan_hint(ctx) is None:
        return False
    # a period names the plan: no word of its own; nor "altså" before the plan's name ("i den
    # forrige, altså notatet for 2021-2024?")
    text = _NAMELY.sub(" ", ctx.text)
    bare = _PERIOD_IN_TEXT.sub(" ", text)
    if not (
        _opens_a_fragment(bare, _SAME_OR_DIFFERENT, 5)
        or _opens_a_fragment(bare, _THE_SAME_ELSEWHERE, 5)
        or _opens_a_fragment(bare, _FRAGMENT_OPENER, 5)
        or _opens_a_fragment(bare, _IN_A_PLAN, 3)  # "i strategien da?"
    ):
        return False
    if _names_its_own_object(ctx):
        return False
    words = _PERIOD_IN_TEXT.sub(" ", _THE_SAME_ELSEWHERE.sub(" ", _SAME_OR_DIFFERENT.sub(" ", text)))
    return only_filler_and(words, _FRAGMENT_FILLER, _PLAN_FRAGMENT_WORDS, numbers=True)


_NAMELY = re.compile(
    r",?\s*\b(?:altså|altsa|dvs\.?|nemlig)\b\s*(?:(?:den|det)\s+(?:for|fra)\b)?", re.IGNORECASE
)


def answer_plan_fragment(session: Session, ctx: Context) -> Answer:
    """The previous question asked again about the plan the fragment names."""
    last = ctx.slots["last_intent"]
    kommune = find_kommune(session, ctx.slots["kommune"])
    hint = _plan_hint(ctx) or ""
    plan = find_plan(session, kommune, hint) if kommune is not None and kommune.has_plans else None
    if kommune is None or plan is None:
        return HANDLERS.get(ctx.intent, answer_search)(session, ctx)
    kinds = {kind for word, kind in PLAN_KIND_WORDS.items() if word in fold(ctx.text)}
    if kinds and not any(plan.kind == kind or kind in fold(plan.title) for kind in kinds):
        # "og i strategien?" for a kommune without one: say which plans it has
        names = [p.title if p.period in p.title else f"{p.title} ({p.period})" for p in kommune.plans]
        return Answer(
            text=f"Sådan en plan har jeg ikke for {kommune.name}. Jeg kender {fmt.genitive(kommune.name)} "
            f"{fmt.join_list(names)}."
        )
    previous = _DOCUMENT_KIND_WORDS.sub(" ", _PERIOD_IN_TEXT.sub(" ", ctx.slots["last_text"]))
    # the previous question in the named plan: its own words and the plan's, not the fragment's
    text = f"{previous.strip()} – i {_plan_named(plan)}"
    slots = {**ctx.slots, "plan_id": None, "goal_code": None}
    sub = Context(text, last, {"kommune": [kommune.name]}, slots, ctx.channel)
    return _asked_again(session, sub, remember_text=True)


def is_kommune_fragment(ctx: Context) -> bool:
    """ "Og hvordan er det så i Morsø?": only a new kommune for the previous question.

    The classifier may give such a fragment a plan intent of its own (``ask_status`` for
    "hvordan er det"), but without a topic it only makes sense as the previous question
    asked for another kommune – which is what ``inform_kommune`` answers. A fragment opens
    like one ("og", "men", "hvad med", "end") and has no content words besides the kommune,
    and no goal code, group, theme or indicator.
    """
    last = ctx.slots.get("last_intent")
    places = [fold(v) for v in ctx.entities.get("kommune", [])]
    if last not in HANDLERS or not ctx.slots.get("last_text") or not places:
        return False
    if ctx.intent not in HANDLERS and ctx.intent != FALLBACK_INTENT:
        return False
    if codes_in_text(ctx) or any(ctx.entities.get(name) for name in _FRAGMENT_OBJECTS):
        return False
    if _THE_SAME_ELSEWHERE.search(ctx.text) and len(ctx.text.split()) <= 12:
        # "Har Norddjurs noget tilsvarende i deres 2024-plan?": the kommune and maybe its plan
        rest = _PERIOD_IN_TEXT.sub(" ", _THE_SAME_ELSEWHERE.sub(" ", ctx.text))
        words = KOMMUNE_FRAGMENT_FILLER | _FRAGMENT_FILLER | set(_PLAN_FRAGMENT_WORDS)
        return only_filler_and(rest, words, places, numbers=True)
    if not _FRAGMENT_OPENER.search(ctx.text) or len(ctx.text.split()) > 9:
        return False
    return only_filler_and(ctx.text, KOMMUNE_FRAGMENT_FILLER | _FRAGMENT_FILLER, places)


def _previous_was_figures(ctx: Context) -> bool:
    """Whether the previous question asked for Jobindsats figures (also as a comparison)."""
    last, previous_text = ctx.slots.get("last_intent"), ctx.slots.get("last_text")
    if not previous_text:
        return False
    return last == "ask_jobindsats" or (
        last == "compare_kommuner" and indicator_in(Context(previous_text)) is not None
    )


def is_comparison_fragment(ctx: Context) -> bool:
    """ "Er det flere end på Samsø?" after a Jobindsats figure: the same figure for both.

    The fragment names the other kommune (or the whole country) and a comparison ("end",
    "i forhold til", "sammenlignet med") and nothing else of its own.
    """
    if not _previous_was_figures(ctx):
        return False
    if ctx.intent not in HANDLERS and ctx.intent not in (FALLBACK_INTENT, "inform_kommune"):
        return False
    return _only_compares(ctx)


def _only_compares(ctx: Context) -> bool:
    """The message only compares with the places it names (no goal code of its own)."""
    return not codes_in_text(ctx) and is_comparison_text(ctx.text, ctx.entities.get("kommune", []))


def answer_comparison_fragment(session: Session, ctx: Context) -> Answer:
    """The previous Jobindsats figure for the previous area and the one the fragment names."""
    previous_text = ctx.slots["last_text"]
    previous = resolve_kommuner(session, Context(previous_text, "ask_jobindsats", {}, ctx.slots))
    new = resolve_kommuner(session, ctx, use_slot=False)
    if NATIONAL_IN_TEXT.search(ctx.text) and NATIONAL not in new:
        new.append(NATIONAL)
    names = list(dict.fromkeys(a if isinstance(a, str) else a.name for a in [*previous, *new]))
    sub = Context(
        previous_text, "ask_jobindsats", {"kommune": names}, {**ctx.slots, "kommune": None}, ctx.channel
    )
    return answer_jobindsats(session, sub)


# "for de samme tre", "for dem begge": the places just shown, named again by a fragment
_SAME_PLACES = re.compile(
    r"\b(?:for|i|hos)\s+(?:de\s+samme(?:\s+(?:to|tre|fire|kommuner))?|dem(?:\s+(?:begge|alle|to|tre))?|begge)\b",
    re.IGNORECASE,
)


# "Hvad hvis man kun tager dagpengemodtagerne?", "kun for kth?": the figure for a narrower group
_ONLY_FOR = re.compile(
    r"^\W*(?:(?:og|men)\s+)?(?:hvad\s+hvis\s+(?:man|vi|du)\s+(?:kun\s+)?(?:tager|ser\s+på|ser\s+pa|kigger\s+på"
    r"|kigger\s+pa)|(?:og\s+)?kun\s+(?:for|blandt))\b",
    re.IGNORECASE,
)


def is_indicator_fragment(ctx: Context) -> bool:
    """ "og kth?", "samme for langtidsledige", "og langtidsledige for de samme tre?" after a
    Jobindsats figure: another indicator for the same places, named by itself and nothing else."""
    indicators = _indicators_named(ctx)
    if not _previous_was_figures(ctx) or not indicators:
        return False
    if ctx.intent not in HANDLERS and ctx.intent not in (FALLBACK_INTENT, "inform_kommune"):
        return False
    text = _SAME_PLACES.sub(" ", ctx.text)
    if codes_in_text(ctx) or not (
        _opens_a_fragment(text, _FRAGMENT_OPENER, 5) or _opens_a_fragment(text, _ONLY_FOR, 3)
    ):
        return False
    text = _ONLY_FOR.sub(" ", text)
    object_words = [
        fold(word)
        for entity in ("indicator", "target_group", "kommune")
        for value in ctx.entities.get(entity, [])
        for word in value.split()
    ]
    object_words += [fold(word) for value in indicators for word in _INDICATOR_WORDS.get(value, [])]
    return only_filler_and(text, _FRAGMENT_FILLER | KOMMUNE_FRAGMENT_FILLER, object_words)


def _indicators_named(ctx: Context) -> list[str]:
    """The Jobindsats figures a message names: its entities, else the one its words name
    ("dagpengemodtagerne", tagged only as a group)."""
    named = ctx.entities.get("indicator") or []
    if named:
        return list(named)
    indicator = indicator_in(ctx)
    return [indicator] if indicator else []


def answer_indicator_fragment(session: Session, ctx: Context) -> Answer:
    """The new indicator for the places (and the period) of the previous Jobindsats question."""
    previous_text = ctx.slots["last_text"]
    places = resolve_kommuner(session, ctx, use_slot=False) or resolve_kommuner(
        session, Context(previous_text, "ask_jobindsats", {}, ctx.slots)
    )
    names = list(dict.fromkeys(a if isinstance(a, str) else a.name for a in places))
    text = ctx.text
    if asked_period_end(fold(previous_text)) and not asked_period_end(fold(text)):
        # "hvor mange var ledige i marts 2025?" then "og langtidsledige?": the same month
        text = f"{text.rstrip(' ?.!')} i {_period_words(previous_text)}?"
    entities = {key: ctx.entities[key] for key in ("indicator", "target_group") if ctx.entities.get(key)}
    entities["indicator"] = _indicators_named(ctx)
    sub = Context(
        text, "ask_jobindsats", {**entities, "kommune": names}, {**ctx.slots, "kommune": None}, ctx.channel
    )
    return answer_jobindsats(session, sub)


_LISTED_SEPARATOR = "|"
# "det tredje af dem", "den sidste", "nummer 2", "mål nr. 3 på listen" (folded text)
_ORDINAL_REFERENCE = re.compile(
    r"\b(?:(?:den|det|nummer|nr|malet|mal|punkt)\.?\s+(?P<word>" + "|".join(_ORDINALS) + r")\b"
    r"(?=\s*(?:$|[?.!]|af\b|mal\b|pa\b|i\b|om\b|med\b))"  # "den sidste måling" is not a list position
    r"|\b(?P<word2>" + "|".join(_ORDINALS) + r")\s+(?:af\s+dem|mal|pa\s+listen)\b"
    r"|\b(?:nummer|nr|punkt)\.?\s+(?P<number>\d{1,2})\b(?!\.\d))"
)


def listed_goal_asked(ctx: Context) -> tuple[str, str, str] | None:
    """(plan id, goal code, kommune) of the goal an ordinal points to in the goal list just shown
    ("Hvad ligger der i det tredje af dem?", "hvordan går det med den sidste?")."""
    listed = ctx.slots.get("listed_goals") or []
    if ctx.slots.get("last_intent") != "list_goals" or not listed or ctx.entities.get("goal_code"):
        return None
    match = _ORDINAL_REFERENCE.search(fold(ctx.text))
    if match is None:
        return None
    word = match.group("word") or match.group("word2")
    position = _ORDINALS[word] if word else int(match.group("number"))
    if position == 0 or position > len(listed):
        return None
    parts = listed[position - 1 if position > 0 else -1].split(_LISTED_SEPARATOR)
    return (parts[0], parts[1], parts[2]) if len(parts) == 3 else None


# "status på dem?", "hvordan går det så med dem alle?" right after a list of goals
_STATUS_OF_THE_LISTED = re.compile(
    r"^\W*(?:(?:og|men|ok)\W+)?(?:(?:status|målopfyldelse|malopfyldelse)\s+(?:på|pa|for)\s+"
    r"|hvordan\s+(?:går|gaar|gar|står|staar|star)\s+det\s+(?:så\s+|sa\s+|egentlig\s+)?med\s+)"
    r"(?:dem|de\s+mål|de\s+maal|disse|dem\s+alle|dem\s+her)(?:\s+alle)?\W*$",
    re.IGNORECASE,
)


def asks_status_of_the_listed(ctx: Context) -> bool:
    """Whether the message asks how the goals just listed are going ("status på dem?")."""
    return (
        ctx.slots.get("last_intent") == "list_goals"
        and bool(ctx.slots.get("listed_goals"))
        and bool(_STATUS_OF_THE_LISTED.match(ctx.text))
    )


def answer_status_of_the_listed(session: Session, ctx: Context) -> Answer:
    """The status of each goal in the list just shown, those with a target first."""
    goals: list[Goal] = []
    for entry in ctx.slots.get("listed_goals") or []:
        parts = str(entry).split(_LISTED_SEPARATOR)
        plan = session.get(Plan, parts[0]) if len(parts) == 3 else None
        if plan is not None:
            goals += [g for g in find_goals(session, parts[1], plan=plan)[:1] if g not in goals]
    if not goals:
        return answer_overview(session, ctx)
    plan = goals[0].plan
    lines = [f"Status for de viste mål i {fmt.genitive(plan.kommune.name)} {plan.title}:"]
    for goal in sorted(goals, key=lambda g: g.target is None):
        if goal.target is None:
            lines.append(f"- {_goal_label(goal)}: ingen målsætning at måle på")
            continue
        status = goal_status(session, goal)
        if status.value is not None:
            lines.append(
                f"- {_goal_label(goal)}: {status.value_text()} ({status.period_label}), mål {status.target_text} – {status.label}"
            )
        elif status.label == UNASSESSABLE:
            lines.append(f"- {_goal_label(goal)}: {status.label} ({status.target_text})")
        else:
            lines.append(f"- {_goal_label(goal)}: mål {status.target_text} – {status.label}")
    return Answer(
        text="\n".join(lines),
        slots={"kommune": plan.kommune.name, "plan_id": plan.id},
        sources=[_plan_source(plan)],
    )


def as_follow_up(ctx: Context) -> tuple[Context, Callable[[Session, Context], Answer]] | None:
    """The context and answer function for a fragment that continues the previous question."""
    if asks_status_of_the_listed(ctx):
        return replace(ctx, intent="ask_overview"), answer_status_of_the_listed
    listed = listed_goal_asked(ctx)
    if listed is not None:
        plan_id, code, kommune = listed
        intent = ctx.intent if ctx.intent in _GOAL_INTENTS else "goal_detail"
        entities = {**ctx.entities, "goal_code": [code], "kommune": [kommune]}
        slots = {**ctx.slots, "plan_id": plan_id, "goal_code": code, "kommune": kommune}
        return replace(ctx, intent=intent, entities=entities, slots=slots), HANDLERS[intent]
    last = follow_up_intent(ctx)
    if last is not None:
        return replace(ctx, intent=last), HANDLERS[last]
    if is_comparison_fragment(ctx):
        return replace(ctx, intent="ask_jobindsats"), answer_comparison_fragment
    if is_indicator_fragment(ctx):
        return replace(ctx, intent="ask_jobindsats"), answer_indicator_fragment
    if is_kommune_fragment(ctx):
        return replace(ctx, intent="inform_kommune"), answer_inform_kommune
    if asks_when_the_plan_was_approved(ctx):
        return replace(ctx, intent="ask_plan_info"), answer_plan_info
    if is_year_fragment(ctx):
        return ctx, answer_year_fragment
    if is_now_fragment(ctx):
        return ctx, answer_now_fragment
    if is_plan_fragment(ctx):
        return ctx, answer_plan_fragment
    if is_topic_fragment(ctx):
        return ctx, answer_topic_fragment
    if is_fact_fragment(ctx):
        return replace(ctx, intent="ask_fact"), answer_fact_fragment
    if is_term_fragment(ctx):
        return replace(ctx, intent="define_term"), answer_define_term
    return as_term_follow_up(ctx)


# "nu vi er ved det", "mens vi er i gang", "for resten": words around a fragment that ask nothing
_BY_THE_WAY = re.compile(
    r",?\s*\b(?:nu\s+(?:vi|jeg)\s+er\s+ved\s+det|mens\s+(?:vi|jeg)\s+er\s+(?:ved\s+det|i\s+gang)"
    r"|for\s+resten|i\s+øvrigt|i\s+ovrigt|apropos)\b",
    re.IGNORECASE,
)


def is_term_fragment(ctx: Context) -> bool:
    """ "Og benchmark, nu vi er ved det?" right after a term was explained: the explanation of
    another term, whatever the classifier heard (the term may be a goal's word too)."""
    if not ctx.slots.get("term") or (ctx.intent not in HANDLERS and ctx.intent != FALLBACK_INTENT):
        return False
    text = _BY_THE_WAY.sub(" ", ctx.text)
    if not _opens_a_fragment(text, _FRAGMENT_OPENER, 4) or codes_in_text(ctx) or ctx.entities.get("kommune"):
        return False
    entries = _asked_terms(replace(ctx, text=text))
    if not entries or fold(entries[0]["term"]) == fold(str(ctx.slots["term"])):
        return False
    forms = [word for entry in entries for form in term_forms(entry) for word in form.split()]
    return only_filler_and(text, _FRAGMENT_FILLER, forms)


# "det", "den", "sådan et", "det her": the message points back at what was just explained
_POINTS_BACK = re.compile(r"\b(?:det|den|dem|dette|denne|dét|sådan\w*|saadan\w*|sadan\w*)\b", re.IGNORECASE)
# "hvordan går det med …", "hvordan står det til": an "det" that points at nothing
_HOW_IT_GOES_DET = re.compile(
    r"\b(?:går|gaar|gar|gik|står|staar|star|stod|ser)\s+det\b|\bdet\s+(?:går|gaar|gar|står|staar|star)\b",
    re.IGNORECASE,
)
_TERM_FOLLOW_UP_WORDS = 14


def as_term_follow_up(ctx: Context) -> tuple[Context, Callable[[Session, Context], Answer]] | None:
    """ "Har de noget med det på Mors?" right after a term was explained asks what that
    kommune does with the term: the message points back ("det", "sådan en"), is short and
    names no goal, group, theme, indicator or term of its own."""
    if not ctx.slots.get("term") or not _POINTS_BACK.search(_HOW_IT_GOES_DET.sub(" ", ctx.text)):
        return None
    if ctx.intent not in HANDLERS and ctx.intent not in (FALLBACK_INTENT, "inform_kommune"):
        return None
    if len(ctx.text.split()) > _TERM_FOLLOW_UP_WORDS or codes_in_text(ctx):
        return None
    # a group may narrow it ("hvornår starter det for forsikrede ledige?", where "ledige" is
    # also heard as the figure), other objects are a new question
    objects = [
        value
        for name in (*_FRAGMENT_OBJECTS, "term")
        if name != "target_group"
        for value in ctx.entities.get(name, [])
        if not (name == "indicator" and fold(value) in _GROUP_LOOKUP)
    ]
    if objects:
        return None
    if ctx.intent in ("ask_target", "goal_detail") and _MEANS_A_GOAL.search(ctx.text):
        # "og hvad er målet for den i ND?" after besættelsesgrad: the goal that measures it
        return ctx, answer_goal_of_term
    if not ctx.entities.get("kommune") and not ctx.slots.get("kommune"):
        return None
    return ctx, answer_term_in_kommune


# "målet for den", "hvad skal den op på", "målsætningen": the message asks for a goal
_MEANS_A_GOAL = re.compile(r"\bm[aå]l(?:et|s[aæ]tning\w*|s[aæ]t\w*)?\b|\bsucceskrit\w*", re.IGNORECASE)


def _goals_naming(session: Session, term: str, kommune: Kommune | None) -> list[Goal]:
    """The goals whose title, text or measure name the glossary term ``term`` (in any of its
    forms), a kommune's newest plan first."""
    entries = [e for e in glossary_entries() if fold(e["term"]) == fold(term)]
    forms = term_forms(entries[0]) if entries else [fold(term)]
    return [
        goal
        for goal in find_goals(session, term, kommune=kommune)
        if any(
            form_position(fold(" ".join((goal.title, goal.text, goal.measure or ""))), form) is not None
            for form in forms
        )
    ]


def answer_goal_of_term(session: Session, ctx: Context) -> Answer:
    """The target or the goal that measures the term just explained ("og hvad er målet for
    den?" after besættelsesgrad is Norddjurs' 6.1); the question as heard when no goal names
    the term."""
    term = str(ctx.slots.get("term"))
    kommune = _first_kommune(session, ctx)
    goals = _goals_naming(session, term, kommune)
    if not goals and kommune is not None and kommune.has_plans:
        # say so, and name the goals elsewhere that do measure it
        elsewhere = _goals_naming(session, term, None)
        lines = [f"Jeg kan ikke finde et mål om {term} i {fmt.genitive(kommune.name)} planer."]
        if elsewhere:
            lines.append("Det findes i:")
            lines += [f"- {_goal_label(g)} ({g.plan.kommune.name}, {g.plan.title})" for g in elsewhere[:3]]
        return Answer(
            text="\n".join(lines),
            sources=[_goal_source(g) for g in elsewhere[:3]],
            slots={"kommune": kommune.name, "term": term},
        )
    if not goals:
        return HANDLERS[str(ctx.intent)](session, ctx)
    answer = _target_answer(goals) if ctx.intent == "ask_target" else _goal_detail(goals, ctx)
    return replace(answer, slots={**answer.slots, "term": term})


def with_privacy_notes(ctx: Context, text: str) -> str:
    """A plan answer's text with the notes a message about the user's own case needs: that
    personal data was removed, and that the assistant cannot see the user's own case."""
    if _is_plan_question(ctx.intent) and asks_about_own_case(ctx.text) and OWN_CASE_NOTE not in text:
        text = f"{OWN_CASE_NOTE}\n\n{text}"
    if contains_masked_data(ctx.text) and PRIVACY_REMINDER not in text:
        text = f"{PRIVACY_REMINDER}\n\n{text}"
    return text


def remembered_slots(ctx: Context, answer: Answer, intent: str | None) -> dict[str, Any]:
    """Slots to set after an answer: the answer's own, the sources and the question."""
    slots = dict(answer.slots)
    if answer.sources:
        slots["last_sources"] = _sources_slot(answer.sources)
    if "details" not in slots:
        slots["details"] = answer.details
    # the term stays in play only for the answer right after its explanation
    slots.setdefault("term", None)
    if "target_group" not in slots and ctx.entities.get("target_group"):
        # the group a message names stays in play for "dem" in the next question, also
        # when the answer was not about the group
        group = target_group_in(ctx)
        if group:
            slots["target_group"] = group
    if intent in HANDLERS:
        # an answer that continued another question says which one (a topic fragment)
        slots.setdefault("last_intent", intent)
        slots.setdefault("last_text", ctx.text)
    return slots
