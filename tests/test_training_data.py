"""The training data in data/nlu/ and the held-out conversation suite stay apart."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
_MARKUP = re.compile(r"\[([^\]]+)\](?:\([^)]+\)|\{[^}]+\})")


def _normalised(text: str) -> str:
    text = _MARKUP.sub(lambda m: m.group(1), text).lower()
    return " ".join(re.sub(r"[^\wæøå ]+", " ", text).split())


def _training_examples() -> dict[str, str]:
    return {_normalised(text): intent for intent, text in _labelled_examples()}


def _suite_messages() -> list[tuple[str, str]]:
    messages = []
    for path in sorted((ROOT / "tests" / "conversations").glob("*.yml")):
        for conversation in yaml.safe_load(path.read_text(encoding="utf-8"))["conversations"]:
            for turn in conversation["turns"]:
                messages.append((conversation["id"], turn["user"]))
    return messages


def test_no_held_out_message_is_a_training_example() -> None:
    training = _training_examples()
    leaked = [(cid, text) for cid, text in _suite_messages() if _normalised(text) in training]
    assert not leaked, f"held-out messages found in data/nlu/: {leaked}"


def test_goal_code_regex_finds_plain_goal_numbers_after_maal() -> None:
    regexes = yaml.safe_load((ROOT / "data" / "nlu" / "regex.yml").read_text(encoding="utf-8"))["nlu"]
    patterns = [
        re.compile(p[2:], re.IGNORECASE)
        for block in regexes
        if block.get("regex") == "goal_code"
        for p in block["examples"].splitlines()
        if p.startswith("- ")
    ]

    def codes(text: str) -> list[str]:
        return [m.group() for pattern in patterns for m in pattern.finditer(text)]

    assert codes("mål 6, hvad dækker det?") == ["6"]
    assert codes("hvad går målsætning 2 ud på") == ["2"]
    assert codes("kan du forklare hvad mål 2.1 handler om") == ["2.1"]
    assert codes("mål 3,5 eller mål 4.") == ["4"]
    assert codes("status 6.3 og 1a og M2") == ["6.3", "1a", "M2"]
    assert codes("hvilke mål gælder for 2024") == []
    assert codes("målet om 4 samtaler") == []


@lru_cache(maxsize=1)
def _marked_up_examples() -> tuple[tuple[str, str], ...]:
    """(intent, text with its entity markup) for every training example."""
    examples = []
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu") or []:
            if "intent" not in block:
                continue
            for line in block["examples"].splitlines():
                if line.strip().startswith("- "):
                    examples.append((block["intent"], line.strip()[2:]))
    return tuple(examples)


def _labelled_examples() -> list[tuple[str, str]]:
    """(intent, text without entity markup) for every training example."""
    return [(intent, _MARKUP.sub(lambda m: m.group(1), text)) for intent, text in _marked_up_examples()]


def test_only_out_of_scope_examples_are_recognisable_off_topic_requests() -> None:
    """The task/sum rules of the domain gate override any intent, so no other intent's
    training example may match them (English is only decided for unsure messages)."""
    from planbot.off_topic import off_topic_kind

    matched = [
        (i, t) for i, t in _labelled_examples() if i != "out_of_scope" and off_topic_kind(t, unsure=False)
    ]
    assert not matched, matched


def test_every_human_handoff_example_asks_for_a_person() -> None:
    """The handoff answer beats an off-topic request only when the message asks for a
    person (planbot.social.asks_for_a_person), so every handoff phrasing must do so."""
    from planbot.social import asks_for_a_person

    missing = [t for i, t in _labelled_examples() if i == "human_handoff" and not asks_for_a_person(t)]
    assert not missing, missing


def _cue(module: str, name: str) -> Callable[[str], bool]:
    return getattr(importlib.import_module(f"planbot.{module}"), name)


# Cues the domain gate acts on, and the only intents whose training examples may match
# them: a cue that matched another intent's example would relabel that kind of question.
_GATE_CUES = [
    # "går det godt med …" → ask_status over other goal and plan intents
    ("status_request", "asks_how_it_goes", {"ask_status"}),
    # "når de det?" → ask_status whatever the intent
    ("status_request", "asks_if_reached", {"ask_status"}),
    # "hvornår … nået?" → ask_target over status, detail, overview and fact
    ("status_request", "asks_when_reached", {"ask_target"}),
    # an unsure "hvad bliver der gjort for …" → ask_initiatives
    ("initiatives_request", "asks_what_is_done", {"ask_initiatives", "compare_kommuner"}),
    # "hvad har I til sådan nogle som ham" → ask_initiatives over a guess at the own case
    ("initiatives_request", "asks_for_people_like", {"ask_initiatives", "compare_kommuner"}),
    # "hvad sætter de i værk for …" → ask_initiatives over the goal list and target questions
    ("initiatives_request", "asks_what_is_set_in_motion", {"ask_initiatives", "compare_kommuner"}),
    # a farewell → goodbye whatever the intent ("hej hej" alone is a greeting)
    ("social", "is_farewell", {"goodbye"}),
    # a request to be put through to a person → human_handoff unless a sure personal_case
    ("social", "requests_a_person", {"human_handoff", "personal_case"}),
    # a question what the assistant can do → help unless a sure privacy intent
    ("social", "asks_what_it_can_do", {"help", "personal_case", "human_handoff"}),
    # "Davs. Har et hurtigt et" (no entity) → greet unless heard as leave-taking
    ("social", "remark_after_greeting", {"greet", "goodbye", "thank"}),
    # "kan I ringe mig op på …?" → human_handoff, also over a sure personal_case
    ("social", "asks_to_be_called", {"human_handoff"}),
    # a message that only thanks → thank whatever the intent
    ("social", "is_thanks", {"thank"}),
    # a greeting that says who the user is, asking nothing → greet unless a sure privacy intent
    ("social", "is_greeting_with_introduction", {"greet", "personal_case", "human_handoff"}),
    # "status på 1.3 til notatet" → ask_status over ask_follow_up (the overview has status too)
    ("status_request", "asks_for_status_outright", {"ask_status", "ask_overview"}),
    # "hvad er målet for det?" → ask_target over every intent but a sure privacy intent
    ("goal_request", "asks_for_its_target", {"ask_target", "personal_case", "human_handoff"}),
    # "hvilke år gælder den for?" → ask_plan_info over every intent but privacy
    ("plan_request", "asks_about_the_plan_period", {"ask_plan_info", "personal_case", "human_handoff"}),
    # "har odsherred også en beskæftigelsesplan?" → ask_plan_info over every intent but privacy
    ("plan_request", "asks_whether_a_plan_exists", {"ask_plan_info", "personal_case", "human_handoff"}),
    # "hvem har ansvaret for den?" → ask_plan_info over every intent but a sure privacy intent
    ("plan_request", "asks_who_is_responsible", {"ask_plan_info", "personal_case", "human_handoff"}),
    # "hvor meget var der i rammen?" → ask_fact over overview, plan and definition questions
    (
        "fact_request",
        "asks_for_an_amount",
        {"ask_fact", "ask_target", "compare_kommuner", "ask_jobindsats", "ask_status", "ask_initiatives"},
    ),
    # "hvad går det ud på?" → goal_detail over status and overview (a term's is the definition's)
    ("goal_request", "asks_what_a_goal_is_about", {"goal_detail", "define_term"}),
    # "hvad går beskæftigelsesplanen ud på?" → ask_plan_info over goal, list, overview and initiatives
    (
        "plan_request",
        "asks_what_the_plan_is_about",
        {"ask_plan_info", "ask_fact", "ask_target", "ask_status", "ask_follow_up", "compare_kommuner"},
    ),
    # "hvornår og af hvem er den godkendt?" → ask_plan_info over every intent but a sure privacy intent
    ("plan_request", "asks_about_approval", {"ask_plan_info", "personal_case", "human_handoff"}),
    # "hvor er det beskrevet?" → ask_source over every intent but a sure privacy intent
    ("source_request", "asks_for_the_source", {"ask_source", "personal_case", "human_handoff"}),
    # "Målopfyldelse 1.3 ND – hvor står vi pt?" → ask_status, likewise
    ("status_request", "asks_how_a_named_goal_stands", {"ask_status", "personal_case", "human_handoff"}),
    # "har du aktuel status på den?" → ask_status over every intent but a sure privacy intent
    ("status_request", "asks_status_of_the_goal_in_play", {"ask_status", "personal_case", "human_handoff"}),
    # "går det godt med de mål, kommunen har sat sig?" → ask_overview, likewise
    ("status_request", "asks_how_the_goals_go", {"ask_overview", "personal_case", "human_handoff"}),
    # "hvordan ser overblikket ud?" → ask_overview when the classifier was unsure (the thanks
    # rule comes first: "tak for overblikket")
    ("status_request", "asks_for_an_overview", {"ask_overview", "personal_case", "human_handoff", "thank"}),
    # "hvad tæller som de største virksomheder?" → goal_detail over status, target, overview, term
    (
        "goal_request",
        "asks_how_a_goal_is_delimited",
        {
            "goal_detail",
            "ask_jobindsats",
            "compare_kommuner",
            "ask_fact",
            "ask_initiatives",
            "list_goals",
            "ask_follow_up",
            "ask_plan_info",
            "personal_case",
            "human_handoff",
            "out_of_scope",
        },
    ),
    # "hvad har kommunen af mål for …" → list_goals over status, overview, plan, target,
    # initiatives and place questions (the other intents keep theirs)
    (
        "goal_request",
        "asks_which_goals",
        {
            "list_goals",
            "ask_overview",
            "goal_detail",
            "ask_fact",
            "ask_jobindsats",
            "compare_kommuner",
            "ask_follow_up",
            "ask_more",
            "ask_source",
            "define_term",
            "personal_case",
            "human_handoff",
            "out_of_scope",
            "help",
            "greet",
            "goodbye",
            "thank",
            "bot_challenge",
        },
    ),
    # "hvem af de to ligger bedst?" → compare_kommuner over every intent but a sure privacy intent
    ("comparison", "compares_the_places_in_play", {"compare_kommuner", "personal_case", "human_handoff"}),
    # "passer det at 35 % …?" → ask_fact over the intents without figures of their own
    (
        "fact_request",
        "asks_to_check_a_figure",
        {"ask_fact", "ask_jobindsats", "ask_status", "ask_overview", "compare_kommuner", "ask_target"},
    ),
]


def test_only_ask_more_examples_without_an_entity_ask_for_more() -> None:
    """The domain gate turns "kan du uddybe det?" without an entity into ask_more whatever the
    intent (but a sure privacy intent), so no other intent's example may be one."""
    from planbot.more_request import asks_for_more

    matched = [
        (intent, text)
        for intent, text in _marked_up_examples()
        if intent not in ("ask_more", "personal_case", "human_handoff")
        and not _MARKUP.search(text)
        and asks_for_more(text)
    ]
    assert not matched, matched


def test_no_plan_info_example_names_a_goal_code() -> None:
    """The domain gate turns a plan question with one goal code into goal_detail."""
    with_code = [
        text for intent, text in _marked_up_examples() if intent == "ask_plan_info" and "goal_code" in text
    ]
    assert not with_code, with_code


@pytest.mark.parametrize(("module", "cue", "allowed"), _GATE_CUES, ids=[c[1] for c in _GATE_CUES])
def test_only_the_cues_own_intents_have_examples_that_match_it(
    module: str, cue: str, allowed: set[str]
) -> None:
    matches = _cue(module, cue)
    matched = [(i, t) for i, t in _labelled_examples() if i not in allowed and matches(t)]
    assert not matched, matched


def test_no_status_overview_or_plan_example_asks_which_goals_without_progress() -> None:
    """The domain gate turns "har kommunen nogen mål for …?" heard as a status, overview,
    plan or goal question into list_goals unless it asks how far the goals have come
    ("hvilke mål halter?" is an overview) or names a goal code ("hvad vil man opnå med mål 6.4")."""
    from planbot.answers import Context, codes_in_text
    from planbot.goal_request import asks_which_goals
    from planbot.status_request import mentions_progress

    replaced = {"ask_status", "ask_overview", "ask_plan_info", "goal_detail"}
    matched = [
        (i, t)
        for i, t in _labelled_examples()
        if i in replaced
        and asks_which_goals(t)
        and not mentions_progress(t)
        and not codes_in_text(Context(t))
    ]
    assert not matched, matched


def test_no_other_goal_or_plan_example_asks_about_follow_up() -> None:
    """The domain gate turns a "følger … op"/"opfølgning" question into ask_follow_up over
    the other goal and plan intents, so none of their examples may be one."""
    from planbot.follow_up_request import FOLLOW_UP_CAN_REPLACE, asks_about_follow_up

    matched = [
        (i, t) for i, t in _labelled_examples() if i in FOLLOW_UP_CAN_REPLACE and asks_about_follow_up(t)
    ]
    assert not matched, matched


def test_every_overview_example_mentions_how_far_the_goals_have_come() -> None:
    """The domain gate takes a message the classifier is torn on between the goal list and
    the overview as the list when it has no word of progress, so every overview example has one."""
    from planbot.status_request import mentions_progress

    without = [t for i, t in _labelled_examples() if i == "ask_overview" and not mentions_progress(t)]
    assert not without, without


def test_no_overview_example_names_exactly_one_goal_code() -> None:
    """The domain gate turns an overview that names one goal code ("overblik over mål 6.10")
    into that goal's status, so overview examples name none or a range."""
    one_code = [
        text
        for intent, text in _marked_up_examples()
        if intent == "ask_overview" and len(set(re.findall(r"\[([^\]]+)\]\(goal_code\)", text))) == 1
    ]
    assert not one_code, one_code


def _lookup_pattern(table: str) -> re.Pattern[str]:
    """A lookup table's entries as the RegexEntityExtractor finds them (data/generated/lookups.yml)."""
    lookups = yaml.safe_load((ROOT / "data" / "generated" / "lookups.yml").read_text(encoding="utf-8"))
    (block,) = [b for b in lookups["nlu"] if b.get("lookup") == table]
    entries = sorted((line.strip()[2:] for line in block["examples"].splitlines() if line.strip()), key=len)
    return re.compile(r"\b(?:" + "|".join(re.escape(e) for e in reversed(entries)) + r")\b", re.IGNORECASE)


def test_only_define_term_examples_are_definition_requests_about_a_term() -> None:
    """The domain gate turns a definition cue with a term (and no goal code) into define_term
    whatever the intent, so no other intent's example may have both."""
    from planbot.definition_request import asks_for_definition

    terms = _lookup_pattern("term")
    matched = [
        (i, t)
        for i, t in _labelled_examples()
        if i != "define_term"
        and terms.search(t)
        and asks_for_definition(t, [m.span() for m in terms.finditer(t)])
    ]
    assert not matched, matched


def test_no_other_example_asks_what_an_inflected_glossary_term_means() -> None:
    """Without a term entity the gate still takes a definition cue with a glossary term in an
    inflected form ("hvad ligger der i udtrykket ministermålene?") as define_term, when the
    message names no goal code; no other intent's example may be one."""
    from planbot.definition_request import asks_for_definition, glossary_term_in

    matched = [
        (intent, text)
        for intent, text in _marked_up_examples()
        if intent != "define_term"
        and "goal_code" not in text
        and glossary_term_in(_MARKUP.sub(lambda m: m.group(1), text))
        and asks_for_definition(_MARKUP.sub(lambda m: m.group(1), text))
    ]
    assert not matched, matched


def test_only_compare_kommuner_examples_are_comparison_fragments() -> None:
    """The domain gate turns a message that only compares with another place ("er det flere
    end i Jammerbugt?") into compare_kommuner whatever the intent but inform_kommune (the
    same place question, which answers a comparison fragment with both figures too), so no
    other intent's example may be one."""
    from planbot.comparison import is_comparison_text

    kommuner = _lookup_pattern("kommune")
    matched = [
        (i, t)
        for i, t in _labelled_examples()
        if i not in ("compare_kommuner", "inform_kommune")
        and is_comparison_text(t, [m.group() for m in kommuner.finditer(t)])
    ]
    assert not matched, matched


def test_only_compare_kommuner_examples_name_two_kommuner_and_compare() -> None:
    """The domain gate turns a message with two kommuner and a comparison cue into
    compare_kommuner whatever the intent, so no other intent's example may have both."""
    from planbot.comparison import COMPARISON_CUE

    kommuner = _lookup_pattern("kommune")
    matched = [
        (i, t)
        for i, t in _labelled_examples()
        if i != "compare_kommuner"
        and COMPARISON_CUE.search(t)
        and len({m.group().lower() for m in kommuner.finditer(t)} - {"hele landet"}) >= 2
    ]
    assert not matched, matched


def test_only_inform_kommune_examples_only_name_a_kommune() -> None:
    """The domain gate turns a message that only names a kommune ("Morsø, selvfølgelig")
    into inform_kommune whatever the intent, so no other intent's example may be one."""
    from planbot.comparison import is_place_answer

    kommuner = _lookup_pattern("kommune")
    matched = [
        (i, t)
        for i, t in _labelled_examples()
        if i != "inform_kommune" and is_place_answer(t, [m.group() for m in kommuner.finditer(t)])
    ]
    assert not matched, matched


def test_no_status_example_without_a_goal_checks_a_figure() -> None:
    """The domain gate turns a status question that names no goal and checks a figure
    ("er det rigtigt at a-kassen tager de første 3 måneder?") into ask_fact, so no
    ask_status example may be one."""
    from planbot.comparison import GOAL_WORDS
    from planbot.fact_request import asks_to_check_a_figure

    matched = [
        t
        for i, t in _labelled_examples()
        if i == "ask_status" and asks_to_check_a_figure(t) and not GOAL_WORDS.search(t)
    ]
    assert not matched, matched
