"""Answers composed from the fixture database: content, sources, follow-ups, honesty."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session

from planbot import answers
from planbot import formatting as fmt
from planbot.answers import Context
from planbot.build import build_database
from planbot.curated import KNOWLEDGE_DIR
from tests.fixtures import small_jobindsats_csv


@pytest.fixture
def session(shared_engine: Engine):
    with Session(shared_engine) as s:
        yield s


def ask(session: Session, handler, text: str, slots: dict | None = None, **entities) -> answers.Answer:
    ctx = Context(
        text=text, entities={k: [v] for k, v in entities.items()}, slots=slots or {}, channel="rest"
    )
    return handler(session, ctx)


def slots_after(session: Session, handler, question: str) -> dict:
    """The slots a conversation has after ``question`` was answered by ``handler``."""
    intent = next(name for name, h in answers.HANDLERS.items() if h is handler)
    return answers.remembered_slots(Context(question), ask(session, handler, question), intent)


def test_plan_period_and_approval(session: Session) -> None:
    answer = ask(session, answers.answer_plan_info, "Hvilken periode dækker Mariagerfjords plan?")
    assert "2024-2027" in answer.text and "december 2023" in answer.text
    assert "Beskæftigelsesplan 2024-2027 (Mariagerfjord)" in answer.full_text()


def test_a_plan_question_about_a_group_or_term_answers_what_the_plan_does_for_it(session: Session) -> None:
    group = ask(
        session, answers.answer_plan_info, "hvad skriver Morsøs plan om de unge?", target_group="unge"
    )
    assert group.text.startswith("Morsø for unge") and "FGU" in group.text
    term = ask(session, answers.answer_plan_info, "har Mors noget med fgu i deres plan?", term="FGU")
    assert "FGU Nordvest" in term.text
    # a question about the plan itself stays one, whatever group it mentions
    approval = ask(
        session,
        answers.answer_plan_info,
        "hvornår blev Morsøs plan for de ledige godkendt?",
        target_group="ledige",
    )
    assert approval.text.startswith("Beskæftigelsesplan 2021 for Morsø dækker")


def test_ministermaal_without_kommune_come_from_a_plan_that_lists_them(session: Session) -> None:
    answer = ask(session, answers.answer_plan_info, "hvad er ministermålene for 2024")
    assert "værdig sagsbehandling" in answer.text and "Norddjurs" in answer.full_text()


def test_missing_kommune_is_asked_for_with_buttons(session: Session) -> None:
    answer = ask(session, answers.answer_list_goals, "hvilke mål har I?")
    assert "Hvilken kommune" in answer.text
    assert [b["title"] for b in answer.buttons] == ["Mariagerfjord", "Morsø", "Norddjurs"]


def test_goals_for_a_group_across_kommuner_offer_a_goal_that_was_listed(session: Session) -> None:
    answer = ask(
        session, answers.answer_list_goals, "hvilke mål har kommunerne for de unge?", target_group="unge"
    )
    question = answer.buttons[0]["payload"]
    code, kommune = question.removeprefix("Hvad handler ").removesuffix(" om?").split(" i ")
    assert f"- {code} " in answer.text and kommune in answer.text


def test_the_goals_under_a_named_goal_are_listed_with_their_kind(session: Session) -> None:
    answer = ask(session, answers.answer_list_goals, "hvilke delmål ligger under mål 6 i morsøs plan?")
    assert "Mål 6" in answer.text and "2 delmål" in answer.text
    assert [e.split("|")[1] for e in answer.slots["listed_goals"]] == ["6.D1", "6.D2"]
    assert answer.slots["goal_code"] == "6"
    # a goal with none under it says so instead of listing another goal's
    none = ask(session, answers.answer_list_goals, "hvilke delmål ligger under mål 1 i morsøs plan?")
    assert none.text.startswith("Mål 1: Værdig sagsbehandling har ingen delmål under sig.")
    assert "6.D1" not in none.text
    result_and_focus = ask(
        session, answers.answer_list_goals, "vis resultat- og fokusmålene i Norddjurs' plan for 2024"
    )
    assert "resultatmål og fokusmål" in result_and_focus.text
    assert [e.split("|")[1] for e in result_and_focus.slots["listed_goals"]] == ["1.1", "1.2", "1.3"]
    both = ask(session, answers.answer_list_goals, "mål og succeskriterier i Mariagerfjords plan 2024-2027")
    assert (
        "3 målsætninger og succeskriterier" not in both.text and "Mål 1:" in both.text and "1.S1" in both.text
    )
    # heard as a plan question, the focus goals are still goals, not the plan's focus areas
    as_plan = ask(session, answers.answer_plan_info, "hvilke fokusmål har Norddjurs' beskæftigelsesplan?")
    assert "1.2 Fokusmål samtaler" in as_plan.text and "fokusområde" not in as_plan.text


def test_kommune_without_plans_offers_jobindsats(session: Session) -> None:
    answer = ask(session, answers.answer_list_goals, "Hvilke mål har Aarhus?")
    assert "ingen beskæftigelsesplan for Aarhus" in answer.text
    assert any("Ledigheden i Aarhus" in b["title"] for b in answer.buttons)


@pytest.mark.parametrize(
    "question",
    ["hvad går morsøs plan egentlig ud på?", "hvad handler Morsøs beskaeftigelsesplan om, kort fortalt"],
)
def test_what_a_plan_is_about_heard_as_a_goal_question_is_the_plan(session: Session, question: str) -> None:
    answer = ask(session, answers.answer_goal_detail, question, kommune="Morsø")
    assert answer.text.startswith("Beskæftigelsesplan 2021 for Morsø dækker")
    assert answer.slots["last_intent"] == "ask_plan_info"
    # a goal in the plan is still a goal
    goal = ask(session, answers.answer_goal_detail, "hvad handler mål 3 i Morsøs plan om?", kommune="Morsø")
    assert goal.text.startswith("Mål 3")


def test_a_fact_question_about_a_kommune_without_plans_says_so(session: Session) -> None:
    """Not the nearest fact from another kommune's plan."""
    answer = ask(
        session,
        answers.answer_fact,
        "hvor mange flygtninge skal Aarhus have i job ifølge planen?",
        kommune="Aarhus",
    )
    assert (
        answer.text.startswith("Jeg har ingen beskæftigelsesplan for Aarhus Kommune") and not answer.sources
    )
    # a kommune only remembered from the conversation does not stop a question about the plans
    remembered = ask(
        session, answers.answer_fact, "hvor mange klagesager havde jobcentret?", {"kommune": "Aarhus"}
    )
    assert "ingen beskæftigelsesplan" not in remembered.text


def test_unknown_goal_lists_the_goals_that_exist(session: Session) -> None:
    answer = ask(session, answers.answer_goal_detail, "Hvad handler mål 9.9 om i Norddjurs?")
    assert "kan ikke finde målet 9.9" in answer.text
    assert "1.2 Fokusmål samtaler" in answer.text


def test_goal_detail_by_code_and_its_source(session: Session) -> None:
    answer = ask(session, answers.answer_goal_detail, "Hvad handler 6.3 om?")
    assert "erhvervsuddannelse" in answer.text and "35 %" in answer.text
    assert answer.slots["goal_code"] == "6.3" and answer.slots["plan_id"] == "norddjurs-2024"
    assert answer.sources[0].quote


def test_the_source_of_one_kommunes_part_of_a_comparison(session: Session) -> None:
    compared = ask(session, answers.answer_compare, "Hvad gør Norddjurs og Mariagerfjord for de unge?")
    slots = answers.remembered_slots(Context("…"), compared, "compare_kommuner")
    both = ask(session, answers.answer_source, "hvor står det?", slots)
    assert "(Norddjurs)" in both.text and "(Mariagerfjord)" in both.text
    one = ask(session, answers.answer_source, "og hvor står det i Mariagerfjords plan?", slots)
    assert "(Mariagerfjord)" in one.text and "(Norddjurs)" not in one.text


def test_target_by_topic(session: Session) -> None:
    answer = ask(session, answers.answer_target, "Hvad er målet for samtaler i Norddjurs?")
    assert "1.2" in answer.text and "mindst 80 %" in answer.text


def test_follow_up_by_topic_and_for_a_whole_plan(session: Session) -> None:
    answer = ask(session, answers.answer_follow_up, "Hvor tit følges der op på de vandrende sager?")
    assert "kvartalsvis" in answer.text and "Arbejdsmarkedsudvalget" in answer.text
    plan_level = ask(session, answers.answer_follow_up, "hvor ofte følges der op på planen i mariagerfjord")
    assert "halvår" in plan_level.text.lower()


def test_initiatives_for_a_group_and_a_comparison(session: Session) -> None:
    answer = ask(session, answers.answer_initiatives, "Hvad gør Morsø for flygtninge?")
    assert "Morsø for flygtninge" in answer.text
    compare = ask(session, answers.answer_compare, "Hvad gør Norddjurs og Mariagerfjord for de unge?")
    assert "Norddjurs for unge" in compare.text and "Mariagerfjord for unge" in compare.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("hvor mange var i arbejde på mors i 2020", "8.500"),
        ("hvor mange på Mors har et arbejde", "8.500"),
        ("hvor mange samtaler afholder jobcentret på Mors om året", "10.000 samtaler"),
        # the document's name selects the plan, it is not a topic word
        (
            "hvor mange pladser skulle praktikbanken i Mariagerfjords udmøntningsnotat have",
            "200 praktikpladser",
        ),
        # "det år" says when, it is not a topic word ("30 år" in another fact)
        ("hvor stor var Mariagerfjords investeringsramme samme år", "3 millioner"),
        ("hvor mange jobsamtaler klarer jobcenter mors på et år", "10.000 samtaler"),
        ("hvor mange akademikere skal mariagerfjord have i job inden 2023", "99 højtuddannede"),
        ("hvor stor var rammen til investeringer i mariagerfjord i 2021", "3 millioner"),
        ("antal jobordrer pr. md. i norddjurs-planen?", "50 jobordrer"),  # abbreviations
    ],
)
def test_facts_asked_in_everyday_words(session: Session, question: str, expected: str) -> None:
    """knowledge/search_synonyms.yaml bridges everyday words and the plans' terms."""
    assert expected in ask(session, answers.answer_fact, question).text


@pytest.mark.parametrize(
    "question",
    [
        "andel med kun grundskole på mors iflg. planen?",
        "hvor stor en del af borgerne på Mors har kun folkeskolen",
        # "højeste" and "højere" share a lemma: the difference must not win on that word
        "hvor stor en andel på Mors har grundskolen som deres højeste uddannelse",
    ],
)
def test_share_question_gets_the_percentage_not_a_difference(session: Session, question: str) -> None:
    """ "Andel"/"hvor stor en del" asks for a percentage: 35 %, not "15 procentpoint højere"."""
    text = ask(session, answers.answer_fact, question).text
    assert "35 %" in text and "procentpoint" not in text


def test_ministermaal_listed_as_such(session: Session) -> None:
    """The ministermål are national: without a kommune they come from the plan that lists them."""
    national = ask(session, answers.answer_list_goals, "hvad var ministerens mål for indsatsen i 2024?")
    assert "værdig sagsbehandling" in national.text and "Hvilken kommune" not in national.text
    morsoe = ask(session, answers.answer_list_goals, "hvilke ministermaal har morsø")
    assert "5 ministermål" in morsoe.text and "Opkvalificering af ledige" in morsoe.text
    local = ask(session, answers.answer_list_goals, "har mors nogle lokale mål ud over ministerens?")
    assert "2 lokale mål" in local.text and "bedrageri" in local.text and "Opkvalificering" not in local.text


def test_facts_with_danish_numbers(session: Session) -> None:
    assert (
        "200 praktikpladser"
        in ask(session, answers.answer_fact, "Hvor mange praktikpladser skal praktikbanken finde?").text
    )
    assert (
        "10.000 samtaler"
        in ask(session, answers.answer_fact, "hvor mange samtaler holder jobcenter mors om året").text
    )
    assert (
        "5 klagesager"
        in ask(session, answers.answer_fact, "Hvor mange klagesager havde Jobcenter Mors?").text
    )


def test_jobindsats_for_any_kommune_and_the_country(session: Session) -> None:
    answer = ask(session, answers.answer_jobindsats, "Hvad er ledigheden i Aarhus lige nu?")
    assert answer.text.startswith("Ledigheden i Aarhus var") and "%" in answer.text
    assert "Jobindsats.dk (STAR), tabel Y25I01" in answer.full_text()
    national = ask(session, answers.answer_jobindsats, "ledigheden i hele landet")
    assert "hele landet" in national.text


def test_a_figure_for_a_past_year_or_month_is_that_periods_figure(session: Session) -> None:
    # the fixture holds figures since January 2025
    year = ask(session, answers.answer_jobindsats, "hvad var ledigheden i Aarhus i 2025?")
    assert "december 2025" in year.text and "december 2025" in year.full_text().split("Kilde:")[1]
    month = ask(session, answers.answer_jobindsats, "ledigheden i Aarhus for marts 2025")
    assert "marts 2025" in month.text
    before = ask(session, answers.answer_jobindsats, "hvad var ledigheden i Aarhus i 2022?")
    assert before.text == "Jeg har ingen tal for ledighed i Aarhus fra 2022; mine tal begynder i januar 2025."
    since = ask(
        session, answers.answer_jobindsats, "hvordan har ledigheden i Aarhus udviklet sig siden 2025?"
    )
    assert "2025 (" not in since.text.split(".")[0]  # a development asks for today's figure


@pytest.mark.parametrize(
    ("intent", "question", "fragment", "expected"),
    [
        ("ask_jobindsats", "Hvad er ledigheden i Aarhus?", "og i 2025?", "december 2025"),
        ("ask_jobindsats", "Hvad er ledigheden i Aarhus?", "hvad med april 2025", "april 2025"),
        ("ask_fact", "hvor mange blev repatrieret fra Mors 2016-2019", "og i 2020?", "I 2020 er ingen"),
    ],
)
def test_a_year_fragment_asks_the_previous_question_for_that_year(
    session: Session, intent: str, question: str, fragment: str, expected: str
) -> None:
    first = ask(session, answers.HANDLERS[intent], question)
    slots = answers.remembered_slots(Context(question), first, intent)
    follow_up = answers.as_follow_up(Context(fragment, "nlu_fallback", {}, slots, "rest"))
    assert follow_up is not None
    ctx, handler = follow_up
    assert expected in handler(session, ctx).text


def test_follow_up_for_another_kommune_repeats_the_question(session: Session) -> None:
    first = ask(session, answers.answer_jobindsats, "Hvad er langtidsledigheden i Morsø?")
    slots = answers.remembered_slots(Context("Hvad er langtidsledigheden i Morsø?"), first, "ask_jobindsats")
    second = ask(session, answers.answer_inform_kommune, "og hvad med Norddjurs?", slots=slots)
    assert "langtidsledige i Norddjurs" in second.text


def test_follow_up_for_another_kommune_drops_the_old_one_however_it_was_spelt(session: Session) -> None:
    question = "er der mange arbejdsløse i morso?"
    slots = slots_after(session, answers.answer_jobindsats, question)
    second = ask(session, answers.answer_inform_kommune, "hvad med aarhus", slots=slots, kommune="Aarhus")
    assert "Ledigheden i Aarhus" in second.text and "Morsø" not in second.text


def test_how_high_is_the_target_follows_the_remembered_goal(session: Session) -> None:
    question = "hvad går 6.3 i norddjurs ud på"
    first = ask(session, answers.answer_goal_detail, question)
    slots = answers.remembered_slots(Context(question), first, "goal_detail")
    second = ask(session, answers.answer_target, "og hvor højt ligger målet?", slots=slots)
    assert second.text.startswith("6.3 ") and "35 %" in second.text


@pytest.mark.parametrize(
    "follow_up", ["Og hvad handler målet helt konkret om?", "Hvad går målet mere præcist ud på?"]
)
def test_how_much_detail_is_asked_is_not_what_the_goal_is_about(session: Session, follow_up: str) -> None:
    question = "hvor tit følges der op på 2.1 i norddjurs"
    first = ask(session, answers.answer_follow_up, question)
    slots = answers.remembered_slots(Context(question), first, "ask_follow_up")
    assert ask(session, answers.answer_goal_detail, follow_up, slots=slots).text.startswith("2.1 ")


def test_an_unplaced_follow_up_without_a_topic_describes_the_goal_in_play(session: Session) -> None:
    question = "hvad går 6.10 i norddjurs ud på"
    slots = answers.remembered_slots(
        Context(question), ask(session, answers.answer_goal_detail, question), "goal_detail"
    )
    follow_up = "Og hvad er det egentlig præcist, man har sat som mål der?"
    assert ask(session, answers.answer_search, follow_up, slots=slots).text.startswith("6.10 ")
    # without a goal in play there is nothing to describe
    assert not ask(session, answers.answer_search, follow_up).text.startswith("6.10 ")


def test_initiative_details_do_not_repeat_a_title_that_is_the_whole_text(session: Session) -> None:
    answer = ask(
        session, answers.answer_initiatives, "hvilke handlinger har mariagerfjord sat i gang for de unge?"
    )
    assert answer.details
    for block in answer.details.split("\n\n"):
        title, _, text = block.partition(": ")
        assert not (text and text.startswith(title)), block


def test_where_is_it_written(session: Session) -> None:
    first = ask(session, answers.answer_fact, "Hvor mange praktikpladser skal praktikbanken finde?")
    slots = answers.remembered_slots(Context("x"), first, "ask_fact")
    answer = ask(session, answers.answer_source, "Hvor står det?", slots=slots)
    assert "Notat om udmøntning" in answer.text and "Citat:" in answer.text


def test_unknown_question_says_so(session: Session) -> None:
    answer = ask(session, answers.answer_search, "hvad koster en togbillet til Paris")
    assert answer.text.startswith("Det ved jeg desværre ikke")
    assert "beskæftigelsesplanerne for Mariagerfjord, Morsø og Norddjurs" in answer.text
    assert "'s" not in answer.text


def test_amount_question_without_a_number_in_the_passage_says_so(session: Session) -> None:
    # The passages about flyers on repatriation have no figure: the answer must not read as if
    # it answered "how many".
    answer = ask(
        session,
        answers.answer_search,
        "hvor mange flyers om repatriering deler morsø ud",
        kommune="Morsø",
    )
    assert answer.text.startswith("Jeg kan ikke finde et tal for det i planerne.")
    assert "repatriering" in answer.text and answer.sources


def test_amount_question_prefers_a_nearly_as_good_passage_with_a_number(session: Session) -> None:
    # The best passage is about guidance on repatriation (no figure); the next one says how
    # many were repatriated, and that answers the question.
    answer = ask(
        session,
        answers.answer_search,
        "hvor mange borgere fra morsø er rejst hjem med repatriering",
        kommune="Morsø",
    )
    assert answer.text.startswith("Jeg fandt dette i Morsøs Beskæftigelsesplan 2021")
    assert "repatrieret 15 borgere" in answer.text


def test_everyday_money_words_find_the_plans_amount(session: Session) -> None:
    # "penge" is "kroner" in the plans (knowledge/search_synonyms.yaml)
    answer = ask(
        session, answers.answer_fact, "hvor mange penge ville de flytte fra stu", kommune="Mariagerfjord"
    )
    assert "800.000 kroner" in answer.text


def test_amount_question_with_a_number_in_the_passage_quotes_it(session: Session) -> None:
    answer = ask(session, answers.answer_search, "hvor mange praktikpladser skal praktikbanken finde")
    assert answer.text.startswith("Jeg fandt dette i") and "200 praktikpladser" in answer.text


def test_question_not_asking_for_an_amount_is_quoted_as_found(session: Session) -> None:
    answer = ask(
        session, answers.answer_search, "hvad gør morsø for at vejlede om repatriering", kommune="Morsø"
    )
    assert answer.text.startswith("Jeg fandt dette i Morsøs")


@pytest.mark.parametrize(
    ("passage", "states_amount"),
    [("15 borgere er repatrieret", True), ("halvdelen af de unge", True), ("fra 2016 til 2019", False)],
)
def test_years_are_not_amounts(passage: str, states_amount: bool) -> None:
    assert bool(answers._HAS_AMOUNT.search(passage)) is states_amount


def test_term_explanation(session: Session) -> None:
    assert "Forberedende Grunduddannelse" in ask(session, answers.answer_define_term, "Hvad er FGU?").text


def test_status_overview_counts_labels(session: Session) -> None:
    answer = ask(session, answers.answer_overview, "Giv mig et overblik over Norddjurs' mål")
    assert "Overblik over Norddjurs' Beskæftigelsesplan 2024" in answer.text
    assert "ingen målinger" in answer.text


_AFTER_STATUS = {"last_intent": "ask_status", "last_text": "hvordan går det med samtalerne i norddjurs"}


@pytest.mark.parametrize(
    ("text", "intent", "entities", "expected"),
    [
        ("og hvad med 6.4?", "goal_detail", {}, "ask_status"),
        ("Og hvad så med ungdommen?", "list_goals", {"target_group": ["unge"]}, "ask_status"),
        ("samme for mål 2", "ask_target", {}, "ask_status"),
        ("samme spørgsmål for 6.5", "goal_detail", {}, "ask_status"),
        ("og 6.4 i Morsø", "goal_detail", {"kommune": ["Morsø"]}, "ask_status"),
        # a goal code alone
        ("6.5?", "goal_detail", {}, "ask_status"),
        ("mål 2?", "ask_target", {}, "ask_status"),
        ("6.5, tak", "goal_detail", {}, "ask_status"),
        ("hvad er 6.5", "goal_detail", {}, None),
        # new questions, not fragments
        ("og hvad er 6.4", "goal_detail", {}, None),
        ("og hvor mange ledige er der", "ask_fact", {"target_group": ["ledige"]}, None),
        ("hvad med målet om samtaler 6.4", "goal_detail", {}, None),
        ("hvad handler 6.4 om", "goal_detail", {}, None),
        # kommune only: the inform_kommune intent's job
        ("og hvad med Morsø?", "ask_target", {"kommune": ["Morsø"]}, None),
        # same intent, or no previous plan question
        ("og hvad med 6.4?", "ask_status", {}, None),
        # a fragment the classifier was unsure of continues as well, if it names an object
        ("og for sygemeldte?", "nlu_fallback", {"target_group": ["sygemeldte"]}, "ask_status"),
        ("og hvad så?", "nlu_fallback", {}, None),
        ("og hvad med vejret?", "nlu_fallback", {}, None),
    ],
)
def test_fragment_takes_the_previous_questions_intent(
    text: str, intent: str, entities: dict, expected: str | None
) -> None:
    assert answers.follow_up_intent(Context(text, intent, entities, _AFTER_STATUS)) == expected


@pytest.mark.parametrize("last", ["compare_kommuner", "ask_jobindsats", "ask_fact"])
def test_fragment_after_a_question_it_cannot_continue_keeps_its_intent(last: str) -> None:
    slots = {"last_intent": last, "last_text": "Hvad gør Norddjurs og Mariagerfjord for de unge?"}
    ctx = Context("og for flygtninge?", "ask_initiatives", {"target_group": ["flygtninge"]}, slots)
    assert answers.follow_up_intent(ctx) is None


def test_fragment_without_a_previous_question_keeps_its_intent() -> None:
    assert answers.follow_up_intent(Context("og hvad med 6.4?", "goal_detail", {}, {})) is None


def test_fragment_for_another_group_lists_its_initiatives(session: Session) -> None:
    slots = slots_after(session, answers.answer_initiatives, "Hvad gør Mariagerfjord for de unge?")
    ctx = Context("og for flygtninge?", "list_goals", {"target_group": ["flygtninge"]}, slots, "rest")
    routed, handler = answers.as_follow_up(ctx)
    assert routed.intent == "ask_initiatives" and handler is answers.answer_initiatives
    answer = handler(session, routed)
    assert "Mariagerfjord" in answer.full_text() and "flygtning" in answer.text.lower()


_AFTER_INITIATIVES = {"last_intent": "ask_initiatives", "last_text": "Hvad gør Mariagerfjord for de unge?"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("og for borgere med handicap?", "ask_initiatives"),
        ("og hvad med folk med handicap", "ask_initiatives"),
        ("og for handicappede?", "ask_initiatives"),
        # a content word besides the group makes it a new question
        ("og for borgere med handicap i fleksjob?", None),
    ],
)
def test_fragment_with_a_group_written_as_people_continues(text: str, expected: str | None) -> None:
    ctx = Context(text, "list_goals", {"target_group": ["personer med handicap"]}, _AFTER_INITIATIVES)
    assert answers.follow_up_intent(ctx) == expected


_AFTER_PLAN_INFO = {
    "last_intent": "ask_plan_info",
    "last_text": "hvilket udvalg har ansvaret for planen i Mariagerfjord?",
}


@pytest.mark.parametrize(
    ("text", "intent", "expected"),
    [
        ("og hvordan ser det ud i Morsø?", "ask_status", True),
        ("men hvordan er det så i morso", "nlu_fallback", True),
        ("hvad med Morsø kommune?", "ask_overview", True),
        # a topic of its own makes it a new question
        ("og hvordan går det med ledigheden i Morsø?", "ask_status", False),
        ("hvordan er det i Morsø?", "ask_status", False),  # no opener
        ("og hvordan er det i Morsø?", "greet", False),  # not a plan intent
    ],
)
def test_kommune_only_fragment_with_a_plan_intent(text: str, intent: str, expected: bool) -> None:
    ctx = Context(text, intent, {"kommune": ["Morsø"]}, _AFTER_PLAN_INFO)
    assert answers.is_kommune_fragment(ctx) is expected


def test_kommune_only_fragment_asks_the_previous_question_for_the_new_kommune(session: Session) -> None:
    question = "Hvilket udvalg har ansvaret for beskæftigelsesplanen i Mariagerfjord?"
    slots = slots_after(session, answers.answer_plan_info, question)
    ctx = Context("og hvordan er det så i Morsø?", "ask_status", {"kommune": ["Morsø"]}, slots, "rest")
    routed, handler = answers.as_follow_up(ctx)
    assert handler is answers.answer_inform_kommune
    answer = handler(session, routed)
    assert "Morsø" in answer.full_text() and "målet om" not in answer.text
    assert answers.remembered_slots(routed, answer, routed.intent)["last_intent"] == "ask_plan_info"


_AFTER_JOBINDSATS = {"last_intent": "ask_jobindsats", "last_text": "hvor mange er ledige i Aarhus?"}


@pytest.mark.parametrize(
    ("text", "entities", "expected"),
    [
        ("er det flere end i Odense?", {"kommune": ["Odense"]}, True),
        ("hvordan ligger det i forhold til hele landet", {}, True),
        ("og sammenlignet med Aalborg?", {"kommune": ["Aalborg"]}, True),
        ("og hvad med Odense?", {"kommune": ["Odense"]}, False),  # no comparison: inform_kommune's job
        (
            "er der flere ledige akademikere end i Odense?",
            {"kommune": ["Odense"]},
            False,
        ),  # a topic of its own
    ],
)
def test_comparison_fragment_after_a_jobindsats_figure(text: str, entities: dict, expected: bool) -> None:
    ctx = Context(text, "nlu_fallback", entities, _AFTER_JOBINDSATS)
    assert answers.is_comparison_fragment(ctx) is expected
    after_status = Context(text, "nlu_fallback", entities, {**_AFTER_JOBINDSATS, "last_intent": "ask_status"})
    assert not answers.is_comparison_fragment(after_status)


def test_comparison_fragment_gives_the_same_figure_for_both(session: Session) -> None:
    slots = slots_after(session, answers.answer_jobindsats, "Hvad er ledigheden i Aarhus lige nu?")
    ctx = Context("er det flere end på Mors?", "nlu_fallback", {"kommune": ["Morsø"]}, slots, "rest")
    routed, handler = answers.as_follow_up(ctx)
    answer = handler(session, routed)
    assert "Ledigheden i Aarhus" in answer.text and "Ledigheden i Morsø" in answer.text


def test_comparison_with_the_country_as_inform_kommune_gives_both(session: Session) -> None:
    slots = slots_after(session, answers.answer_jobindsats, "Hvad er ledigheden i Aarhus lige nu?")
    ctx = Context(
        "og i forhold til hele landet?", "inform_kommune", {"kommune": ["Hele landet"]}, slots, "rest"
    )
    answer = answers.answer_inform_kommune(session, ctx)
    assert "Ledigheden i Aarhus" in answer.text and "Ledigheden i hele landet" in answer.text
    # without a comparison word it stays the country alone
    ctx = Context("og hele landet?", "inform_kommune", {"kommune": ["Hele landet"]}, slots, "rest")
    assert "Aarhus" not in answers.answer_inform_kommune(session, ctx).text


def test_unknown_goal_message_does_not_take_the_kommune_for_the_goal(session: Session) -> None:
    answer = ask(session, answers.answer_goal_status, "hvordan er det så i Morsø?", kommune="Morsø")
    assert "»morsø«" not in answer.text.lower()


def test_target_question_prefers_the_current_plan_on_a_near_tie(session: Session) -> None:
    # Norddjurs' 2020-2021 strategy has "4.2 Unge skal gennemføre den valgte uddannelse",
    # which matches these words about as well as 6.3 in the current plan.
    answer = ask(
        session,
        answers.answer_target,
        "hvad er målet for hvor mange unge der vælger erhvervsuddannelse i norddjurs",
    )
    assert "6.3" in answer.text and "35 %" in answer.text
    assert "Beskæftigelsesplan 2024" in answer.full_text()


def test_goal_code_of_one_kommune_names_that_kommune(session: Session) -> None:
    answer = ask(
        session, answers.answer_initiatives, "Hvilke tiltag understøtter 5.1 om fleksjob?", goal_code="5.1"
    )
    assert answer.text.startswith("Norddjurs") and "Code of Care" in answer.text


@pytest.mark.parametrize(
    ("text", "remembered", "expected"),
    [
        ("hvad med 6.3?", "Morsø", "Norddjurs"),  # Morsø's plans have no 6.3
        ("hvad med mål 3?", "Morsø", "Morsø"),  # every kommune has a goal 3: the remembered one
        ("hvad med mål 3?", None, None),  # …and without one, the code says nothing
    ],
)
def test_kommune_from_goal_code_or_memory(
    session: Session, text: str, remembered: str | None, expected: str | None
) -> None:
    found = answers.resolve_kommuner(session, Context(text, slots={"kommune": remembered}))
    assert [k.name for k in found] == ([expected] if expected else [])


def test_target_found_by_its_subject_not_by_a_doubly_counted_synonym(session: Session) -> None:
    # 6.5 (gymnasial uddannelse) also says "grundskolen"; the question is about erhvervsuddannelse.
    answer = ask(
        session,
        answers.answer_target,
        "Hvor stor en del af en årgang skal vælge en erhvervsuddannelse efter folkeskolen ifølge Norddjurs' plan?",
        kommune="Norddjurs",
    )
    assert answer.text.startswith("6.3") and "35 %" in answer.text


@pytest.mark.parametrize("entities", [{}, {"goal_code": "3.S3"}])
def test_mariagerfjords_success_criterion_codes_name_the_criterion(session: Session, entities: dict) -> None:
    """ "3.S3" is a code of its own (Mariagerfjord's succeskriterier), not ministermål 3."""
    answer = ask(session, answers.answer_goal_detail, "hvad menes der med 3.s3", **entities)
    assert "rette op på vores fejl" in answer.text and "Mariagerfjord" in answer.text
    assert "Ministermål 3" not in answer.text


def test_a_search_without_an_answer_keeps_the_kommune_the_user_named(session: Session) -> None:
    unknown = "hvordan ser budgetforhandlingen for den blå bygning ud i norddjurs"
    answer = ask(session, answers.answer_search, unknown)
    assert answer.text.startswith("Det ved jeg desværre ikke")
    assert answer.slots == {"kommune": "Norddjurs"}
    assert ask(session, answers.answer_search, "qwerty asdf zxcv").slots == {}


def test_a_search_naming_only_a_kommune_without_a_plan_says_there_is_none(session: Session) -> None:
    question = (
        "Som nyvalgt i byrådet i Kerteminde vil jeg se vores mål for beskæftigelsen. Hvad har vi besluttet?"
    )
    answer = ask(session, answers.answer_search, question, kommune="Aarhus")
    assert answer.text.startswith("Jeg har ingen beskæftigelsesplan for Aarhus Kommune")
    assert answer.slots == {"kommune": "Aarhus"}


def test_a_target_question_without_a_goal_asks_which_goal(session: Session) -> None:
    answer = ask(session, answers.answer_target, "mariagerfjord succeskriterier?", kommune="Mariagerfjord")
    assert answer.text.startswith("Hvilket mål i Mariagerfjords Beskæftigelsesplan 2024-2027 tænker du på?")
    assert "Mål 1: Flere i uddannelse og beskæftigelse end forventet" in answer.text
    unknown = ask(
        session, answers.answer_target, "hvad er målet for kaffe i Mariagerfjord", kommune="Mariagerfjord"
    )
    assert unknown.text.startswith("Jeg kan ikke finde målet om »kaffe«")


@pytest.fixture(scope="module")
def hyphenated_session(tmp_path_factory: pytest.TempPathFactory):
    """A database whose Jobindsats areas include kommuner with hyphenated names."""
    areas = ["Morsø", "Ringkøbing-Skjern", "Lyngby-Taarbæk", "Hele landet"]
    folder = tmp_path_factory.mktemp("hyphenated")
    engine = create_engine(f"sqlite:///{folder / 'planbot.db'}")
    build_database(engine, KNOWLEDGE_DIR, small_jobindsats_csv(folder / "jobindsats.csv", areas))
    with Session(engine) as s:
        yield s
    engine.dispose()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ledigheden i Ringkøbing-Skjern?", ["Ringkøbing-Skjern"]),
        ("hvad med ringkobing skjern og lyngby-taarbæk", ["Ringkøbing-Skjern", "Lyngby-Taarbæk"]),
        ("og i lyngby taarbæks jobcenter", ["Lyngby-Taarbæk"]),
    ],
)
def test_hyphenated_kommune_names_are_found_in_free_text(
    hyphenated_session: Session, text: str, expected: list[str]
) -> None:
    assert answers.kommuner_in_text(hyphenated_session, text) == expected


def test_a_story_with_a_question_is_searched_by_its_question(session: Session) -> None:
    story = (
        "hej, min søn er 19 og er droppet ud af gymnasiet og går bare derhjemme nu, og både han og "
        "jeg er ret bekymrede og har talt meget om det i familien hen over sommeren. hvad gør "
        "kommunen for unge uden uddannelse? vi bor i norddjurs"
    )
    answer = ask(session, answers.answer_search, story, kommune="Norddjurs")
    assert answer.text.startswith("Jeg fandt dette i Norddjurs'"), answer.text
    assert "uddannelse" in answer.text and answer.sources


def _latest_rounded(session: Session, area: str, key: str) -> float:
    measurement = answers._latest(session, area, answers.INDICATORS[key]["series"])
    assert measurement is not None and measurement.value is not None
    return round(measurement.value, 1)


def _ask_places(session: Session, handler, text: str, places: list[str], slots: dict | None = None):
    return handler(session, Context(text, "", {"kommune": places}, slots or {}, "rest"))


def test_figures_for_two_places_say_which_is_higher(session: Session) -> None:
    question = "er ledigheden højere i Aarhus end i Morsø?"
    answer = _ask_places(session, answers.answer_jobindsats, question, ["Aarhus", "Morsø"])
    aarhus, morsoe = (
        _latest_rounded(session, "Aarhus", "ledighed"),
        _latest_rounded(session, "Morsø", "ledighed"),
    )
    assert aarhus != morsoe  # the fixture's figures differ, so the sentence must pick one
    high, low = ("Aarhus", "Morsø") if aarhus > morsoe else ("Morsø", "Aarhus")
    diff = fmt.points(abs(aarhus - morsoe), signed=False)
    assert answer.text.splitlines()[-1] == f"Ledigheden er {diff} højere i {high} end i {low}."


def test_figures_for_three_places_name_the_highest_and_lowest(session: Session) -> None:
    places = ["Norddjurs", "Morsø", "Mariagerfjord"]
    answer = _ask_places(session, answers.answer_jobindsats, "ledigheden i de tre kommuner", places)
    values = {place: _latest_rounded(session, place, "ledighed") for place in places}
    high, low = max(values, key=values.__getitem__), min(values, key=values.__getitem__)
    last = answer.text.splitlines()[-1]
    assert last.startswith(f"Ledigheden er højest i {high} (") and f"og lavest i {low} (" in last


def test_counts_for_two_places_are_compared_as_counts(session: Session) -> None:
    answer = _ask_places(
        session, answers.answer_jobindsats, "langtidsledige i Aarhus og Morsø", ["Aarhus", "Morsø"]
    )
    assert "Flest i Aarhus" in answer.text and "færrest i Morsø" in answer.text
    assert "et antal, ikke en andel" in answer.text


def test_one_place_gets_no_comparison(session: Session) -> None:
    answer = ask(session, answers.answer_jobindsats, "ledigheden i Morsø", kommune="Morsø")
    assert "højere i" not in answer.text and "højest" not in answer.text


def test_comparison_fragment_labelled_compare_after_a_status_question_asks_it_for_the_new_place(
    session: Session,
) -> None:
    question = "hvordan går det med målet om samtaler i Norddjurs?"
    first = ask(session, answers.answer_goal_status, question, kommune="Norddjurs")
    slots = answers.remembered_slots(Context(question), first, "ask_status")
    ctx = Context("er det bedre end i Morsø?", "compare_kommuner", {"kommune": ["Morsø"]}, slots, "rest")
    assert answers.as_follow_up(ctx) is None  # not after a figure
    answer = answers.answer_compare(session, ctx)
    again = answers.answer_inform_kommune(
        session, Context("og Morsø?", "inform_kommune", {"kommune": ["Morsø"]}, slots, "rest")
    )
    assert answer.text == again.text and "Morsø" in answer.full_text()


def test_comparison_fragment_after_a_figures_comparison_adds_the_place(session: Session) -> None:
    question = "er ledigheden højere i Aarhus end i Morsø?"
    first = _ask_places(session, answers.answer_compare, question, ["Aarhus", "Morsø"])
    slots = answers.remembered_slots(Context(question), first, "compare_kommuner")
    ctx = Context(
        "og i forhold til hele landet?", "compare_kommuner", {"kommune": ["Hele landet"]}, slots, "rest"
    )
    routed, handler = answers.as_follow_up(ctx)
    text = handler(session, routed).text
    assert (
        "Ledigheden i Aarhus" in text and "Ledigheden i Morsø" in text and "Ledigheden i hele landet" in text
    )


def _after_goal_list(session: Session) -> tuple[dict, list[str]]:
    question = "Hvilke mål har Mariagerfjord?"
    listing = ask(session, answers.answer_list_goals, question, kommune="Mariagerfjord")
    slots = answers.remembered_slots(Context(question), listing, "list_goals")
    shown = [
        line.split(":")[0].removeprefix("- Mål ")
        for line in listing.text.splitlines()
        if line.startswith("- ")
    ]
    return slots, shown


@pytest.mark.parametrize(
    ("text", "intent", "position"),
    [
        ("Hvad ligger der nærmere bestemt i det tredje af dem?", "ask_more", 3),
        ("hvordan går det med den sidste?", "ask_status", -1),
        ("og nummer 2?", "nlu_fallback", 2),
        ("hvad er succeskriteriet for det forste mal", "ask_target", 1),
    ],
)
def test_an_ordinal_after_a_goal_list_points_to_that_goal(
    session: Session, text: str, intent: str, position: int
) -> None:
    slots, shown = _after_goal_list(session)
    code = shown[position - 1 if position > 0 else -1]
    routed, handler = answers.as_follow_up(Context(text, intent, {}, slots, "rest"))
    assert routed.intent == (intent if intent in ("ask_status", "ask_target") else "goal_detail")
    assert routed.entities["goal_code"] == [code]
    assert f"Mål {code}" in handler(session, routed).text


@pytest.mark.parametrize(
    "text",
    ["hvad var den sidste måling", "og den fjerde?", "hvad er det første, kommunen gør"],
)
def test_no_list_position_without_a_matching_ordinal(session: Session, text: str) -> None:
    slots, shown = _after_goal_list(session)
    assert len(shown) == 3  # "den fjerde" is past the end of the list
    assert answers.listed_goal_asked(Context(text, "ask_status", {}, slots, "rest")) is None


def test_an_ordinal_needs_the_goal_list_as_the_previous_answer(session: Session) -> None:
    slots, _ = _after_goal_list(session)
    later = {**slots, "last_intent": "ask_status"}
    assert answers.listed_goal_asked(Context("og den sidste?", "ask_status", {}, later, "rest")) is None


def test_the_kind_of_initiative_named_first_is_listed_first(session: Session) -> None:
    from planbot.query import find_kommune, initiatives_for

    question = "hvilke omprioriteringer har mariagerfjord lavet for at finansiere handlingerne"
    answer = ask(session, answers.answer_initiatives, question, kommune="Mariagerfjord")
    kinds = {i.title: i.kind for i in initiatives_for(session, find_kommune(session, "Mariagerfjord"))}
    shown = [line[2:] for line in answer.text.splitlines() if line.startswith("- ")]
    listed_kinds = [kinds[next(t for t in kinds if line.startswith(t))] for line in shown]
    assert "omprioritering" in listed_kinds and "handling" in listed_kinds
    first_other = listed_kinds.index("handling")
    assert set(listed_kinds[:first_other]) == {"omprioritering"}
    assert "omprioritering" not in listed_kinds[first_other:]


def test_status_of_the_goals_in_general_is_the_overview(session: Session) -> None:
    text = "lever Jobcenter Mors overhovedet op til de mål de har sat sig, eller er det bare pæne ord?"
    answer = ask(session, answers.answer_goal_status, text, kommune="Morsø")
    assert answer.text.startswith("Overblik over Morsøs Beskæftigelsesplan 2021")
    assert answer.slots["last_intent"] == "ask_overview"
    # the goals in general, narrowed to a topic, are the goal on that topic
    topic = ask(
        session, answers.answer_goal_status, "hvordan går det med deres mål om samtaler", kommune="Norddjurs"
    )
    assert topic.text.startswith("1.2 ")


def test_goal_status_takes_the_goal_from_the_question_not_the_preamble(session: Session) -> None:
    text = (
        "I udvalget har vi talt om, at ordinære timer giver en varig tilknytning til arbejdsmarkedet. "
        "Hvordan går det med målet om ordinære timer i Norddjurs?"
    )

    answer = ask(session, answers.answer_goal_status, text, kommune="Norddjurs")

    assert answer.text.startswith("6.10 ")


def test_more_about_a_status_says_what_the_figure_covers(session: Session) -> None:
    answer = ask(session, answers.answer_goal_status, "status på 6.10 i Norddjurs?", kommune="Norddjurs")
    assert "Kilde til tallet: Jobindsats.dk (STAR), tabel Y60J01" in answer.text
    assert re.search(r"opdateret \d{2}\.\d{2}\.\d{4}\.", answer.text), answer.text  # a Danish date
    assert answer.details is not None
    assert "Jobindsats-serien »Andel kontanthjælpsmodtagere med ordinære løntimer" in answer.details
    assert "målet omfatter alle ydelsesmodtagere" in answer.details


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("aktiveringsgrad kontanthjælp langeland, seneste tal?", "aktivering"),
        ("ledigheden blandt kontanthjælpsmodtagere i Morsø", "kontanthjælp"),
        ("ledigheden i Morsø", "ledighed"),
    ],
)
def test_the_first_indicator_named_is_the_one_asked_about(text: str, indicator: str) -> None:
    assert answers.indicator_in(Context(text)) == indicator


def test_search_without_a_passage_describes_a_named_goal(session: Session) -> None:
    answer = ask(
        session, answers.answer_search, "hvad er succeskriteriet i 6.11 (norddjurs)", kommune="Norddjurs"
    )

    assert answer.text.startswith("6.11 ")
    assert "Målsætning:" in answer.text and "4 procentpoint" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "hvor mange 25-årige skal norddjurs have med en ungdomsuddannelse i 2030?",
        "hvor stor en del af de unge forventes at have gennemført en uddannelse i norddjurs i 2030",
    ],
)
def test_what_is_to_be_reached_by_a_goals_deadline_is_its_target(session: Session, question: str) -> None:
    """Asked as a fact, the share to reach by 2030 is goal 6.6's target, not a passage."""
    answer = ask(session, answers.answer_fact, question, kommune="Norddjurs")
    assert answer.text.startswith("6.6 ") and "mindst 90 %" in answer.text
    assert answer.slots["goal_code"] == "6.6"


def test_a_year_that_is_no_goals_deadline_leaves_the_fact_question_alone(session: Session) -> None:
    answer = ask(session, answers.answer_fact, "hvor mange var i arbejde på mors i 2020", kommune="Morsø")
    assert "8.500" in answer.text and "goal_code" not in answer.slots


def test_a_search_for_an_amount_takes_a_figure_the_plans_state(session: Session) -> None:
    """The passage search finds the STU text without the amount; the plans' facts have it."""
    question = "STU-omprioriteringen i mariagerfjord, hvilket beløb drejer det sig om?"
    answer = ask(session, answers.answer_search, question, kommune="Mariagerfjord")
    assert "800.000" in answer.text and not answer.text.startswith("Jeg kan ikke finde et tal")


def test_a_search_for_figures_of_a_kommune_without_a_plan_gives_the_figures(session: Session) -> None:
    question = "Inden jeg svarer journalisten, vil jeg have det seneste tal for ledigheden i Aarhus."
    answer = ask(session, answers.answer_search, question, kommune="Aarhus")
    assert answer.text.startswith("Ledigheden i Aarhus") and "Jobindsats" in answer.full_text()


def test_details_after_a_goal_description_say_which_goal_they_are_about(session: Session) -> None:
    described = ask(
        session, answers.answer_goal_detail, "hvad dækker 6.11 over i norddjurs?", kommune="Norddjurs"
    )
    assert described.details and described.details.startswith("Mere om 6.11 ")
    more = ask(session, answers.answer_more, "uddyb gerne", slots={"details": described.details})
    assert "6.11" in more.text and "to gange årligt" in more.text


def test_a_follow_up_question_with_only_general_words_keeps_the_goal_in_play(session: Session) -> None:
    slots = {"kommune": "Norddjurs", "plan_id": "norddjurs-2024", "goal_code": "6.10"}
    answer = ask(
        session, answers.answer_follow_up, "hvem hører om udviklingen, og med hvilken hyppighed?", slots=slots
    )
    assert answer.text.startswith("Opfølgning på 6.10 ")


def test_a_term_follow_up_names_the_kommunes_initiatives_with_the_term(session: Session) -> None:
    explained = ask(session, answers.answer_define_term, "hvad er et branchespor?", term="branchespor")
    slots = answers.remembered_slots(Context("hvad er et branchespor?"), explained, None)
    assert slots["term"] == "branchespor"
    ctx = Context(
        "gør de brug af det i norddjurs?", "ask_plan_info", {"kommune": ["Norddjurs"]}, slots, "rest"
    )
    follow_up = answers.as_term_follow_up(ctx)
    assert follow_up is not None
    answer = follow_up[1](session, follow_up[0])
    assert answer.text.startswith("Norddjurs om branchespor") and "Branchespor for unge" in answer.text
    # a group narrows the question, it does not make it a new one
    narrowed = Context(
        "hvornår begynder det for de forsikrede ledige i Norddjurs?",
        "ask_plan_info",
        {"kommune": ["Norddjurs"], "target_group": ["dagpengemodtagere", "ledige"], "indicator": ["ledige"]},
        slots,
        "rest",
    )
    routed, handler = answers.as_term_follow_up(narrowed)
    assert "Branchespor for forsikrede ledige (6 måneder)" in handler(session, routed).text


def test_a_term_follow_up_that_asks_for_goals_lists_the_kommunes_goals_for_the_term(session: Session) -> None:
    explained = ask(session, answers.answer_define_term, "hvad er fleksjob for noget?", term="fleksjob")
    slots = answers.remembered_slots(Context("hvad er fleksjob for noget?"), explained, None)
    ctx = Context(
        "har de nogen mål for det i norddjurs?", "list_goals", {"kommune": ["Norddjurs"]}, slots, "rest"
    )
    routed, handler = answers.as_term_follow_up(ctx)
    answer = handler(session, routed)
    assert answer.text.startswith("Norddjurs – mål for fleksjob") and "5.1" in answer.text, answer.text
    # without goals for the term, what the kommune does with it
    explained = ask(session, answers.answer_define_term, "hvad er et branchespor?", term="branchespor")
    slots = answers.remembered_slots(Context("hvad er et branchespor?"), explained, None)
    ctx = Context("har de mål for det i norddjurs?", "list_goals", {"kommune": ["Norddjurs"]}, slots, "rest")
    routed, handler = answers.as_term_follow_up(ctx)
    assert handler(session, routed).text.startswith("Norddjurs om branchespor")


def test_the_target_for_a_term_just_explained_is_the_goal_that_measures_it(session: Session) -> None:
    explained = ask(session, answers.answer_define_term, "def. besættelsesgrad", term="besættelsesgrad")
    slots = answers.remembered_slots(Context("def. besættelsesgrad"), explained, None)
    # with or without a kommune, "målet for den" is the goal that names the term
    for text, entities in (
        ("og hvad er målet for den i ND?", {"kommune": ["Norddjurs"]}),
        ("Og hvad er målet for den?", {}),
    ):
        routed, handler = answers.as_term_follow_up(Context(text, "ask_target", entities, slots, "rest"))
        answer = handler(session, routed)
        assert answer.text.startswith("6.1 Jobformidling (Norddjurs") and "landsgennemsnit" in answer.text
    # a kommune whose plans have no such goal says so and names where it is
    ctx = Context(
        "har Mariagerfjord et mål for det?", "ask_target", {"kommune": ["Mariagerfjord"]}, slots, "rest"
    )
    routed, handler = answers.as_term_follow_up(ctx)
    answer = handler(session, routed)
    assert answer.text.startswith("Jeg kan ikke finde et mål om besættelsesgrad i Mariagerfjords planer")
    assert "6.1 Jobformidling (Norddjurs" in answer.text
    # without a word for a goal it is still what the kommune does with the term
    ctx = Context("hvad gør de med det i norddjurs?", "ask_target", {"kommune": ["Norddjurs"]}, slots, "rest")
    assert answers.as_term_follow_up(ctx)[1] is answers.answer_term_in_kommune


def test_a_term_stays_in_play_for_one_answer_and_a_new_topic_is_no_term_follow_up(session: Session) -> None:
    slots = {"term": "FGU", "kommune": "Morsø"}
    own_topic = Context(
        "hvad gør de for de unge på mors?", "ask_initiatives", {"target_group": ["unge"]}, slots, "rest"
    )
    assert answers.as_term_follow_up(own_topic) is None
    no_pointer = Context("hvilke mål har morsø?", "list_goals", {"kommune": ["Morsø"]}, slots, "rest")
    assert answers.as_term_follow_up(no_pointer) is None
    later = answers.remembered_slots(
        no_pointer, ask(session, answers.answer_list_goals, "hvilke mål har morsø?"), "list_goals"
    )
    assert later["term"] is None


def test_details_after_a_fact_are_the_passage_it_comes_from(session: Session) -> None:
    answer = ask(session, answers.answer_fact, "hvor mange klager fik jobcenter mors?", kommune="Morsø")
    assert "5 klagesager" in answer.text
    assert answer.details and answer.details.startswith("Fra Morsøs Beskæftigelsesplan 2021, afsnit »5.1 ")
    assert "klagesager" in answer.details


def test_fleksjobbere_is_the_plans_fleksjobvisiterede(session: Session) -> None:
    """knowledge/search_synonyms.yaml: the everyday word finds goal 5.1, not a goal that
    only names fleksjob among other outcomes (6.4)."""
    answer = ask(
        session,
        answers.answer_goal_status,
        "går det godt med at få fleksjobberne i job i norddjurs?",
        kommune="Norddjurs",
    )
    assert answer.text.startswith("5.1 ")


def test_a_search_about_the_ministers_goals_lists_them(session: Session) -> None:
    answer = ask(
        session,
        answers.answer_search,
        "hvilke mål havde ministeren sat, altså ministerens overordnede mål for 2024?",
    )
    assert "bygger på disse ministermål" in answer.text and "Flere ledige skal opkvalificeres" in answer.text


def test_an_initiatives_equal_figures_are_said_once(session: Session) -> None:
    answer = ask(
        session,
        answers.answer_initiatives,
        "hvad gør norddjurs med branchespor for forsikrede?",
        kommune="Norddjurs",
        theme="branchespor",
    )
    line = next(line for line in answer.text.splitlines() if "Branchespor for forsikrede ledige" in line)
    assert line.count("6 måneder") == 1


def test_a_term_is_explained_in_an_inflected_form(session: Session) -> None:
    answer = ask(
        session, answers.answer_define_term, "hvad ligger der egentlig i udtrykket 'ministermålene'?"
    )
    assert answer.sources[0].title == "Planassistentens ordliste" and answer.slots["term"] == "ministermål"


def test_a_goal_question_for_a_kommune_without_a_plan_gives_the_figure_it_names(session: Session) -> None:
    answer = ask(
        session,
        answers.answer_target,
        "har du nye tal for ledigheden i Aarhus til et oplæg?",
        kommune="Aarhus",
    )
    assert answer.text.startswith(
        "Jeg har ingen beskæftigelsesplan for Aarhus Kommune, men her er det seneste tal"
    )
    assert "Ledigheden i Aarhus" in answer.text and answer.sources


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # "passer det", "vildt" and "om året" are not what the fact is about
        (
            "passer det at jobcentret på mors holder vildt mange samtaler om året? hvor mange",
            "10.000 samtaler",
        ),
        # "Mariagerfjord-notatet" is the kommune and the plan, not a topic word
        ("tilsvarende tal for jobordrer i Mariagerfjord-notatet?", "10 procent"),
        # who claims it and the figure in words are not the topic either
        (
            "min nabo påstår, at jobcentret på Mors har ti tusind samtaler om året – passer det?",
            "10.000 samtaler",
        ),
    ],
)
def test_fact_questions_with_words_that_are_not_the_topic(
    session: Session, question: str, expected: str
) -> None:
    assert expected in ask(session, answers.answer_fact, question).text


def test_kommune_names_typed_with_a_plain_a_for_ae(tmp_path) -> None:
    areas = ["Næstved", "Ærø", "Læsø", "Hele landet"]
    engine = create_engine(f"sqlite:///{tmp_path / 'planbot.db'}")
    build_database(engine, KNOWLEDGE_DIR, small_jobindsats_csv(tmp_path / "slice.csv", areas))
    with Session(engine) as session:
        assert answers.kommuner_in_text(session, "og hvad med laso og aro") == ["Læsø", "Ærø"]
        assert answers.kommuner_in_text(session, "hvad me nastved") == ["Næstved"]
    engine.dispose()


def test_a_kommune_that_is_also_a_word_counts_when_written_as_no_word(tmp_path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'planbot.db'}")
    build_database(engine, KNOWLEDGE_DIR, small_jobindsats_csv(tmp_path / "slice.csv", ["Tønder", "Vejen"]))
    with Session(engine) as session:
        for text in ("er der mange arbejdsloese i tonder?", "ledigheden i Tønder", "toender kommune"):
            assert answers.kommuner_in_text(session, text) == ["Tønder"], text
        assert answers.kommuner_in_text(session, "hvor mange tønder øl") == []
        assert answers.kommuner_in_text(session, "vejen til job er lang") == []
        assert answers.kommuner_in_text(session, "ledigheden i vejen kommune") == ["Vejen"]
    engine.dispose()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("opfølgningen på 6.4 i ND-planen", ["Norddjurs"]),
        ("mfj notatet, mål 2b", ["Mariagerfjord"]),
        # two letters count only in capitals: "nd" is no kommune
        ("hvad nd står der", []),
    ],
)
def test_staff_abbreviations_for_kommuner_are_found_in_free_text(
    session: Session, text: str, expected: list[str]
) -> None:
    assert answers.kommuner_in_text(session, text) == expected


def test_a_kommune_fragment_with_a_typo_continues_the_previous_question() -> None:
    slots = {"last_intent": "ask_jobindsats", "last_text": "hvad er ledigheden i Slagelse?"}
    ctx = Context("hvad me nastved", "help", {"kommune": ["nastved"]}, slots, "rest")
    assert answers.is_kommune_fragment(replace(ctx, intent="nlu_fallback"))


def test_details_after_a_goal_description_list_the_initiatives_under_it(session: Session) -> None:
    described = ask(
        session, answers.answer_goal_detail, "hvad går mål 7 på Mors ud på?", kommune="Morsø", goal_code="7"
    )
    assert described.details and "Indsatser under målet i planen:" in described.details
    assert "Ringvejen – Mod Job og Uddannelse" in described.details


def test_a_term_follow_up_without_initiatives_or_passages_answers_the_question_heard(
    session: Session,
) -> None:
    """After ministermål were explained, "hvilke af dem bygger Norddjurs' plan på?" is the
    plan's frame: no initiative or passage names the term, so the plan question answers."""
    ctx = Context(
        "hvilke af dem bygger Norddjurs' plan for 2024 på?",
        "ask_plan_info",
        {"kommune": ["Norddjurs"]},
        {"term": "ministermål"},
        "rest",
    )
    follow_up = answers.as_term_follow_up(ctx)
    assert follow_up is not None
    answer = follow_up[1](session, follow_up[0])
    assert "ministermål" in answer.text and "værdig sagsbehandling" in answer.text


def test_a_target_asked_as_an_amount_prefers_a_goal_with_a_number(session: Session) -> None:
    answer = ask(
        session,
        answers.answer_target,
        "hvor mange af de unge skal have en ungdomsuddannelse i norddjurs?",
        kommune="Norddjurs",
    )
    assert answer.text.startswith("6.6 ") and "mindst 90 %" in answer.text


def test_a_comparison_with_one_side_and_a_figure_gives_that_figure(session: Session) -> None:
    question = "Til sammenligning: hvor høj er ledigheden på landsplan lige nu?"
    answer = ask(session, answers.answer_compare, question, kommune="Hele landet")
    assert answer.text.startswith("Ledigheden i hele landet") and answer.sources


def test_a_topic_fragment_after_a_target_asks_for_the_target_of_that_goal(session: Session) -> None:
    slots = slots_after(
        session, answers.answer_target, "Hvad er Norddjurs' mål for valg af erhvervsuddannelse?"
    )
    for intent in ("list_goals", "nlu_fallback"):
        ctx = Context("og hvad med gymnasierne", intent, {}, slots, "rest")
        routed, handler = answers.as_follow_up(ctx)
        answer = handler(session, routed)
        assert answer.text.startswith("6.5 ") and "55 %" in answer.text, answer.text
        after = answers.remembered_slots(routed, answer, routed.intent)
        assert after["last_intent"] == "ask_target" and after["goal_code"] == "6.5"


def test_a_topic_fragment_stays_in_the_plan_in_play_when_it_has_such_a_goal(session: Session) -> None:
    question = "hvilken tilfredshed skulle Mariagerfjord nå ifølge notatet fra 2021?"
    slots = slots_after(session, answers.answer_target, question)
    assert slots["goal_code"] == "3a"
    routed, handler = answers.as_follow_up(
        Context("og for inddragelse i egen sag?", "nlu_fallback", {}, slots)
    )
    answer = handler(session, routed)
    assert answer.text.startswith("3b ") and "70 %" in answer.text, answer.text


def test_a_topic_fragment_with_a_word_heard_as_a_kommune_is_still_a_topic_fragment(session: Session) -> None:
    slots = slots_after(
        session, answers.answer_target, "Hvad er Norddjurs' mål for valg af erhvervsuddannelse?"
    )
    slots["last_intent"] = "ask_target"
    ctx = Context("og hvad med gymnasierne", "inform_kommune", {"kommune": ["gymnasierne"]}, slots, "rest")
    assert answers.answer_inform_kommune(session, ctx).text.startswith("6.5 ")
    # and a plan fragment is still a plan fragment
    plan = Context("i strategien da?", "inform_kommune", {"kommune": ["strategien"]}, slots, "rest")
    assert "Arbejdsmarkedsstrategi 2020-2021" in answers.answer_inform_kommune(session, plan).text


def test_a_fragment_after_a_fact_is_a_fact_from_the_same_kommune(session: Session) -> None:
    slots = slots_after(session, answers.answer_fact, "hvor stor var arbejdsstyrken på Mors i 2020?")
    assert slots["last_intent"] == "ask_fact" and slots["kommune"] == "Morsø"
    for intent in ("ask_target", "nlu_fallback"):
        routed, handler = answers.as_follow_up(Context("og så prognosen?", intent, {}, slots, "rest"))
        answer = handler(session, routed)
        assert "8.890" in answer.text and "Morsø" in answer.full_text(), answer.text
    # a fragment that names a kommune or asks a question of its own is not one
    for text, entities in (
        ("og i Norddjurs?", {"kommune": ["Norddjurs"]}),
        ("og hvornår kommer nye tal?", {}),
    ):
        assert not answers.is_fact_fragment(Context(text, "ask_target", entities, slots, "rest"))


def test_a_topic_fragment_that_names_no_goal_keeps_its_own_answer(session: Session) -> None:
    slots = slots_after(
        session, answers.answer_target, "Hvad er Norddjurs' mål for valg af erhvervsuddannelse?"
    )
    routed, handler = answers.as_follow_up(Context("og for resten?", "list_goals", {}, slots, "rest"))
    assert "mål:" in handler(session, routed).text  # the goal list the classifier chose
    # a fragment with a question of its own, a kommune or a group is not a topic fragment
    for text, entities in (
        ("og hvad står der om gymnasierne?", {}),
        ("og for Morsø?", {"kommune": ["Morsø"]}),
        ("og for de ledige?", {"target_group": ["ledige"]}),
    ):
        assert not answers.is_topic_fragment(Context(text, "nlu_fallback", entities, slots, "rest"))


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Er målet om, at borgerne har haft mindst 4 samtaler, nået i Norddjurs?", []),
        ("hvor mange har fået 3 tilbud i Norddjurs", []),
        ("mål 4 i strategien, og hvad med 4?", ["4"]),
    ],
)
def test_a_number_that_counts_something_is_no_goal_code(text: str, codes: list[str]) -> None:
    number = "4" if "4" in text else "3"
    assert answers.codes_in_text(Context(text, "ask_status", {"goal_code": [number]})) == codes


def test_a_search_in_a_named_document_leaves_out_the_words_that_name_it(session: Session) -> None:
    """ "… i Hobro-notatet": the notat is where to look, not a word to look for."""
    answer = ask(
        session,
        answers.answer_search,
        "hvad står der om praktikbanken i notatet fra Hobro",
        kommune="Mariagerfjord",
    )
    assert "Notat om udmøntning" in answer.text and "200 praktikpladser" in answer.text, answer.text


@pytest.mark.parametrize(
    "question",
    [
        "hvordan ser det så ud i praksis?",
        "er vi på rette vej med det?",
        "hvordan står det til i virkeligheden",
    ],
)
def test_how_it_looks_in_practice_is_the_status_of_the_goal_in_play(session: Session, question: str) -> None:
    slots = slots_after(session, answers.answer_goal_detail, "Hvad går mål 6.10 i Norddjurs' plan ud på?")
    answer = ask(session, answers.answer_goal_status, question, slots)
    assert answer.text.startswith("6.10 "), answer.text


def test_who_is_told_is_not_the_topic_of_a_follow_up_question(session: Session) -> None:
    slots = slots_after(session, answers.answer_goal_detail, "hvad går mål 6.5 i Norddjurs ud på?")
    answer = ask(session, answers.answer_follow_up, "hvor tit hører politikerne om, hvordan det går?", slots)
    assert answer.text.startswith("Opfølgning på 6.5 "), answer.text


def test_the_term_named_first_is_explained_and_two_side_by_side_both(session: Session) -> None:
    # the glossary lists kontanthjælp before dagpenge: the message's order decides
    first = ask(session, answers.answer_define_term, "hvad er dagpenge, og hvem får så kontanthjælp?")
    assert first.text.startswith("Dagpenge") and "Kontanthjælp er" not in first.text, first.text
    both = ask(session, answers.answer_define_term, "hvad er forskellen på dagpenge og kontanthjaelp")
    assert "a-kasse" in both.text and "Kontanthjælp er" in both.text, both.text
    assert both.slots["term"] == "dagpenge"


def test_a_plan_fragment_asks_the_previous_question_about_the_other_plan(session: Session) -> None:
    question = "hvad er succeskriterierne for mål 3 i mariagerfjords plan 2024-2027?"
    slots = slots_after(session, answers.answer_target, question)
    for text in (
        "og i notatet?",
        "og hvad med udmøntningsnotatet 21-24",
        "er det det samme i notatet?",
        "i notatet da?",  # the plan named with no opener
    ):
        routed, handler = answers.as_follow_up(Context(text, "nlu_fallback", {}, slots, "rest"))
        answer = handler(session, routed)
        assert "Notat om udmøntning" in answer.text and "90 %" in answer.text, (text, answer.text)
        after = answers.remembered_slots(routed, answer, routed.intent)
        assert after["last_intent"] == "ask_target" and after["plan_id"] == "mariagerfjord-2021-2024-notat"


def test_a_plan_fragment_for_a_plan_the_kommune_has_not_says_which_it_has(session: Session) -> None:
    slots = slots_after(session, answers.answer_follow_up, "hvor tit følger Mariagerfjord op på planen?")
    routed, handler = answers.as_follow_up(
        Context("gælder det også for strategien?", "ask_follow_up", {}, slots)
    )
    text = handler(session, routed).text
    assert text.startswith("Sådan en plan har jeg ikke for Mariagerfjord") and "2024-2027" in text, text


def test_a_plan_fragment_with_a_question_or_a_topic_of_its_own_is_none(session: Session) -> None:
    slots = slots_after(session, answers.answer_target, "hvad er målet for mål 3 i Mariagerfjord?")
    for text in (
        "og hvad står der i notatet om unge?",
        "var det anderledes for de ledige i notatet?",
        "i notatet, hvad står der om de unge?",
    ):
        assert not answers.is_plan_fragment(Context(text, "nlu_fallback", {}, slots, "rest")), text


def test_how_it_goes_after_a_term_is_no_term_follow_up() -> None:
    """ "hvordan går det med …": that "det" points at nothing, the question has its own topic."""
    slots = {"term": "fleksjob", "kommune": None}
    ctx = Context(
        "hvordan gaar det med fleksjobberne i norddjurs",
        "ask_status",
        {"kommune": ["Norddjurs"], "target_group": ["fleksjob"]},
        slots,
        "rest",
    )
    assert answers.as_term_follow_up(ctx) is None


def test_an_amount_the_search_finds_no_passage_for_is_answered_by_a_stated_figure(session: Session) -> None:
    slots = {"kommune": "Mariagerfjord", "plan_id": "mariagerfjord-2021-2024-notat"}
    found = ask(
        session, answers.answer_search, "og flytningen af penge fra STU – hvor stort et beløb var det?", slots
    )
    assert "800.000 kroner" in found.text, found.text
    unknown = ask(session, answers.answer_search, "hvor stort et beløb går til kaffe?", slots)
    assert "kroner" not in unknown.text and "ikke finde" in unknown.text, unknown.text


def test_a_passage_that_is_a_goals_text_names_the_goal_and_keeps_it_in_play(session: Session) -> None:
    answer = ask(
        session,
        answers.answer_search,
        "min søn vil være lærling hos kommunen. skriver de noget om elever og lærlinge?",
        kommune="Norddjurs",
    )
    assert "under 6.13 " in answer.text, answer.text
    assert answer.slots["goal_code"] == "6.13" and answer.slots["plan_id"] == "norddjurs-2024"


def test_the_initiatives_that_belong_to_the_goal_in_play(session: Session) -> None:
    question = "hvad går mål 4 i Norddjurs' arbejdsmarkedsstrategi ud på?"
    slots = slots_after(session, answers.answer_goal_detail, question)
    answer = ask(session, answers.answer_initiatives, "og de dertilhørende indsatser?", slots)
    assert answer.text.startswith("Indsatser under Mål 4") and "fritidsjob" in answer.text, answer.text
    # a group of its own is the kommune's initiatives for that group, not the goal's
    other = ask(
        session,
        answers.answer_initiatives,
        "hvilke tiltag er der for de ledige?",
        slots,
        target_group="ledige",
    )
    assert not other.text.startswith("Indsatser under"), other.text


@pytest.mark.parametrize("intent", ["nlu_fallback", "ask_status", "ask_fact"])
def test_when_the_plan_in_play_was_approved(session: Session, intent: str) -> None:
    slots = slots_after(
        session, answers.answer_plan_info, "hvilket udvalg har Mariagerfjords plan 2024-2027?"
    )
    ctx = Context("og hvornår blev den så vedtaget?", intent, {}, slots, "rest")
    routed, handler = answers.as_follow_up(ctx)
    assert routed.intent == "ask_plan_info"
    assert "godkendt i december 2023" in handler(session, routed).text
    # a goal's approval date is not asked here: the goal code makes it a question of its own
    assert not answers.asks_when_the_plan_was_approved(
        Context("hvornår blev 6.3 vedtaget?", intent, {}, slots)
    )


def test_a_goal_list_for_one_named_goal_keeps_that_goal_in_play(session: Session) -> None:
    question = "vis mig mål 4 for de unge i Norddjurs' arbejdsmarkedsstrategi"
    listed = ask(
        session, answers.answer_list_goals, question, kommune="Norddjurs", goal_code="4", target_group="unge"
    )
    assert listed.slots["goal_code"] == "4", listed.slots
    after = answers.remembered_slots(Context(question), listed, "list_goals")
    assert "fritidsjob" in ask(session, answers.answer_initiatives, "tilhørende tiltag?", after).text


def test_initiatives_that_go_with_the_goal_in_play(session: Session) -> None:
    question = "Fortæl mig mere om mål 6 i Morsøs plan"
    detail = ask(session, answers.answer_goal_detail, question, kommune="Morsø", goal_code="6")
    after = answers.remembered_slots(Context(question), detail, "goal_detail")
    answer = ask(session, answers.answer_initiatives, "hvilke tiltag hænger sammen med det?", after)
    assert answer.text.startswith("Indsatser under Mål 6"), answer.text


def test_a_goal_without_its_own_follow_up_is_followed_up_with_the_goal_it_is_under(session: Session) -> None:
    slots = {"kommune": "Mariagerfjord", "plan_id": "mariagerfjord-2024-2027", "goal_code": "1.S2"}
    answer = ask(session, answers.answer_follow_up, "hvordan følges der op på den?", slots)
    assert answer.text.startswith("Planen beskriver ikke en særskilt opfølgning på 1.S2")
    assert "Mål 1" in answer.text and "halvårligt" in answer.text
    assert answer.slots["goal_code"] == "1.S2"


def test_a_thin_question_that_points_back_is_looked_up_with_the_sentence_before_it(session: Session) -> None:
    for question in (
        "Notatet fra Mariagerfjord foreslog at flytte penge væk fra STU. Hvilket beløb var det?",
        "Notatet fra Mariagerfjord foreslog at flytte penge væk fra STU. Hvor mange penge drejede det sig om?",
    ):
        answer = ask(session, answers.answer_fact, question, kommune="Mariagerfjord")
        assert "800.000 kroner fra STU" in answer.text, answer.text
    # a question with its own subject is still looked up alone
    goal = "Vi har talt længe om varig tilknytning til arbejdsmarkedet. Hvordan går det med ordinære timer?"
    assert ask(session, answers.answer_goal_status, goal, kommune="Norddjurs").text.startswith("6.10 ")


def test_the_employment_goals_as_a_whole_are_no_goal_topic(session: Session) -> None:
    question = "hvor tit skal forvaltningen fortælle os, hvordan det går med beskæftigelsesmålene i Morsø?"
    answer = ask(session, answers.answer_follow_up, question, kommune="Morsø")
    assert answer.text.startswith("Sådan følges der op på Morsøs Beskæftigelsesplan 2021"), answer.text


def test_everyday_words_for_a_vocational_education_find_the_goal_for_it(session: Session) -> None:
    question = "hvor mange unge i grenaa skal vælge erhvervsskolen efter 9. klasse?"
    assert ask(session, answers.answer_target, question, kommune="Norddjurs").text.startswith("6.3 ")


def test_a_goal_list_given_for_a_plan_question_is_continued_as_a_goal_list(session: Session) -> None:
    question = "hvilke overordnede målsætninger havde Norddjurs' arbejdsmarkedsstrategi 2020-2021?"
    slots = slots_after(session, answers.answer_plan_info, question)
    assert slots["last_intent"] == "list_goals"
    routed, handler = answers.as_follow_up(
        Context("og så den nyere plan fra 2024?", "nlu_fallback", {}, slots)
    )
    assert (
        "Beskæftigelsesplan 2024" in handler(session, routed).text and "6.1" in handler(session, routed).text
    )


def test_an_amount_with_no_stated_figure_is_the_target_of_the_goal_the_words_describe(
    session: Session,
) -> None:
    question = "vil norddjurs have at næsten alle 25-årige skal have en uddannelse? hvor mange procent"
    assert "mindst 90 %" in ask(session, answers.answer_search, question, kommune="Norddjurs").text
    # words that describe no goal still get the honest answer
    unknown = ask(
        session, answers.answer_search, "hvor mange cykler har rådhuset i norddjurs", kommune="Norddjurs"
    )
    assert unknown.text.startswith("Det ved jeg desværre ikke")


def test_a_kind_of_plan_only_one_kommune_has_names_the_kommune(session: Session) -> None:
    """ "Arbejdsmarkedsstrategien" is Norddjurs' and "notatet" Mariagerfjord's: no need to ask."""
    strategy = ask(session, answers.answer_plan_info, "Hvem godkendte arbejdsmarkedsstrategien 2020-21?")
    assert strategy.text.startswith("Arbejdsmarkedsstrategi 2020-2021 for Norddjurs")
    note = ask(session, answers.answer_plan_info, "hvilken periode dækker udmøntningsnotatet?")
    assert "Mariagerfjord" in note.text and "2021-2024" in note.text
    # a kind every kommune has does not name one, and a plan of another kind is asked about
    assert ask(session, answers.answer_plan_info, "hvem godkendte beskæftigelsesplanen?").text.startswith(
        "Hvilken kommunes plan"
    )


def test_a_plan_without_the_frame_asked_for_gives_the_frame_it_has(session: Session) -> None:
    answer = ask(
        session,
        answers.answer_plan_info,
        "Er den bygget op om ministermålene, eller hvad er rammen for den?",
        kommune="Mariagerfjord",
    )
    assert "nævner ingen ministermål" in answer.text and "Den bygger i stedet på:" in answer.text
    assert "Fokusområder:" in answer.text and "arbejdsmarked i balance" in answer.text
    frame = ask(session, answers.answer_plan_info, "hvad er rammen for planen?", kommune="Mariagerfjord")
    assert frame.text.startswith("Rammen for Beskæftigelsesplan 2024-2027") and "Kerneopgaver:" in frame.text


def test_a_goal_question_that_points_back_at_initiatives_for_a_group_is_about_its_goal(
    session: Session,
) -> None:
    slots = slots_after(
        session, answers.answer_initiatives, "hvad gør Norddjurs for at få flygtninge i arbejde?"
    )
    assert slots["target_group"] == "flygtninge" and slots["last_intent"] == "ask_initiatives"
    measured = ask(session, answers.answer_follow_up, "Og hvordan måler I så, om det virker?", slots)
    assert measured.text.startswith("Opfølgning på 4.1 Integration"), measured.text
    # a goal named in the question is that goal
    named = ask(session, answers.answer_target, "og hvad er målet for samtalerne?", slots)
    assert "1.2" in named.text


def test_the_size_of_an_investment_applied_for_is_an_amount(session: Session) -> None:
    answer = ask(
        session,
        answers.answer_fact,
        "hvor stor er investeringen der søges om i notatet?",
        kommune="Mariagerfjord",
    )
    assert "2 millioner kroner" in answer.text, answer.text


def test_more_about_a_plan_gives_its_frame_and_overall_goals(session: Session) -> None:
    plan = ask(session, answers.answer_plan_info, "Hvem godkendte arbejdsmarkedsstrategien 2020-21?")
    slots = answers.remembered_slots(Context("…"), plan, "ask_plan_info")
    more = answers.answer_more(session, Context("fortæl lidt mere om den", "ask_more", {}, slots, "rest"))
    assert more.text.startswith("Rammen for Norddjurs' Arbejdsmarkedsstrategi 2020-2021:")
    assert "overordnede mål:" in more.text and "A1 Varig tilknytning" in more.text


def test_the_group_in_the_question_beats_the_group_in_the_story(session: Session) -> None:
    text = "jeg er i fleksjob men er blevet ledig og bor i grenå. hvad goer kommunen for os fleksjobbere?"
    answer = ask(session, answers.answer_initiatives, text, kommune="Norddjurs", target_group="ledig")
    assert answer.text.startswith("Norddjurs for fleksjob"), answer.text


def test_comparing_how_kommuner_follow_up_gives_each_plans_follow_up(session: Session) -> None:
    text = "Følger Mariagerfjord og Morsø lige så tæt op på deres mål som Norddjurs?"
    answer = ask(session, answers.answer_compare, text)
    assert answer.text.startswith("Sådan følges der op på Mariagerfjords Beskæftigelsesplan 2024-2027")
    assert (
        "Sådan følges der op på Morsøs" in answer.text and "Sådan følges der op på Norddjurs'" in answer.text
    )
    assert "halvårligt" in answer.text


def test_a_goal_question_under_the_fallback_for_a_kommune_without_a_plan_says_so(session: Session) -> None:
    answer = ask(
        session,
        answers.answer_search,
        "bor i aarhus. hvad er kommunens maal for de ledige?",
        kommune="Aarhus",
    )
    assert answer.text.startswith("Jeg har ingen beskæftigelsesplan for Aarhus Kommune"), answer.text
    figure = ask(
        session, answers.answer_search, "det nyeste tal for ledigheden i Aarhus, tak", kommune="Aarhus"
    )
    assert figure.text.startswith("Ledigheden i Aarhus"), figure.text


def test_follow_up_on_a_goal_says_what_is_measured(session: Session) -> None:
    answer = ask(session, answers.answer_follow_up, "Norddjurs 6.8 – hvad er det præcis der måles på?")
    assert "- Der måles på: Samarbejdsgraden" in answer.text and "- Hvor tit: to gange årligt" in answer.text


def test_more_about_a_goal_explains_the_terms_it_uses(session: Session) -> None:
    goal = ask(session, answers.answer_goal_detail, "hvad ligger der i mål 1?", kommune="Mariagerfjord")
    assert goal.details is not None and "Ord i målet:\n- benchmark: Benchmark betyder her" in goal.details


def test_an_amount_is_answered_with_kroner_also_when_the_fact_says_it_with_a_compound(
    session: Session,
) -> None:
    """ "rammen" is the head of "investeringsrammen"; an amount asked for is not prose."""
    slots = {
        "kommune": "Mariagerfjord",
        "plan_id": "mariagerfjord-2021-2024-notat",
        "last_intent": "ask_fact",
    }
    answer = ask(session, answers.answer_fact, "og hvor meget var der i rammen samlet set?", slots)
    assert "Investeringsrammen for 2021 er på 3 millioner kroner." in answer.text, answer.text


def test_how_it_goes_with_them_after_a_goal_list_is_the_overview(session: Session) -> None:
    slots = slots_after(session, answers.answer_list_goals, "hvad er mariagerfjords maal frem til 2027")
    answer = ask(session, answers.answer_goal_status, "hvordan gaar det med dem", slots)
    assert answer.text.startswith("Overblik over Mariagerfjords"), answer.text
    assert answer.slots["last_intent"] == "ask_overview"


def test_an_age_is_no_goal_code(session: Session) -> None:
    ctx = Context("min søn på 19 er droppet ud, hvad gør I for unge?", "goal_detail", {"goal_code": ["19"]})
    assert answers.codes_in_text(ctx) == []
    assert answers.codes_in_text(Context("hvad handler mål 3 om?", "goal_detail", {"goal_code": ["3"]})) == [
        "3"
    ]


def test_a_young_person_or_a_diagnosis_told_about_is_the_target_group(session: Session) -> None:
    young = ask(
        session,
        answers.answer_initiatives,
        "min soen er 19 og er droppet ud af gym, hvad har i paa mors til saadan nogle som ham",
        kommune="Morsø",
    )
    assert young.text.startswith("Morsø for unge")
    disabled = ask(
        session,
        answers.answer_initiatives,
        "jeg har cerebral parese og vil gerne have nogle timer. hvad goer mariagerfjord for folk som mig",
        kommune="Mariagerfjord",
    )
    assert disabled.text.startswith("Mariagerfjord for personer med handicap")
    # an amount or a duration is no age
    ctx = Context(text="hvad gør norddjurs for dem der har været ledige i 19 uger", entities={}, slots={})
    assert answers.target_group_in(ctx) == "ledige"
    ctx = Context(text="hvad gør norddjurs, når man er 19 timer om ugen i job", entities={}, slots={})
    assert answers.target_group_in(ctx) is None


def test_search_without_a_passage_answers_a_date_the_plans_state(session: Session) -> None:
    answer = ask(session, answers.answer_search, "hvornår skal den nye kontanthjælpsreform gælde fra")
    assert "1. juli 2025" in answer.text
    assert answer.sources


def test_a_target_fragment_prefers_the_goal_list_just_shown(session: Session) -> None:
    notat = ask(
        session,
        answers.answer_plan_info,
        "Hvad er succeskriteriet for den samlede tilfredshed i Mariagerfjords notat om udmøntningen af planen?",
        kommune="Mariagerfjord",
    )
    assert "3b" in notat.text and notat.slots.get("listed_goals")
    slots = {"kommune": "Mariagerfjord", **notat.slots}
    fragment = ask(session, answers.answer_target, "og for inddragelsen i egen sag?", slots)
    assert fragment.text.startswith("3b Oplevet inddragelse")
    assert "70 %" in fragment.text
    # without the list the newest plan's goal answers
    newest = ask(
        session, answers.answer_target, "og for inddragelsen i egen sag?", {"kommune": "Mariagerfjord"}
    )
    assert newest.text.startswith("3.S2")


def test_the_goal_in_play_answers_a_question_that_points_back(session: Session) -> None:
    slots = {
        "kommune": "Norddjurs",
        "goal_code": "6.11",
        "plan_id": "norddjurs-2024",
        "last_intent": "ask_target",
    }
    measured = ask(
        session,
        answers.answer_goal_detail,
        "hvad er det præcist den måler – hvilke unge tæller med?",
        slots,
        target_group="unge",
    )
    assert measured.text.startswith("6.11 ")
    slots = {
        "kommune": "Norddjurs",
        "goal_code": "6.5",
        "plan_id": "norddjurs-2024",
        "last_intent": "ask_status",
    }
    unit = ask(session, answers.answer_target, "hvad er maalet helt præcist, hvor mange procent", slots)
    assert unit.text.startswith("6.5 ")  # "procent" is the unit, not the topic


def test_a_school_year_is_no_goal_code_and_an_apprenticeship_is_vocational(session: Session) -> None:
    text = (
        "læste i avisen at norddjurs gerne vil have flere unge til at gå i lære lige efter 9. klasse. "
        "hvordan går det egentlig med det?"
    )
    ctx = Context(text=text, entities={"goal_code": ["9."], "kommune": ["Norddjurs"]}, slots={})
    assert answers.codes_in_text(ctx) == []
    status = answers.answer_goal_status(session, ctx)
    assert status.text.startswith("6.3 ")


def test_a_target_value_the_question_names_finds_its_goal_and_a_fragment_stays_in_the_plan(
    session: Session,
) -> None:
    text = "Hvad er fristen for, at Mariagerfjrod skal nå de 90 % samlet tilfredshed med indsatsen?"
    # "90" tagged as a year names no plan
    first = ask(session, answers.answer_target, text, kommune="Mariagerfjord", theme="tilfredshed", year="90")
    assert first.text.startswith("3a Samlet tilfredshed")
    assert "senest i 2024" in first.text
    slots = {"kommune": "Mariagerfjord", **first.slots}
    fragment = ask(session, answers.answer_target, "og inddragelse i egen sag?", slots)
    assert fragment.text.startswith("3b Oplevet inddragelse")


def test_where_the_figures_of_a_status_come_from(session: Session) -> None:
    status = ask(session, answers.answer_goal_status, "Halter vi bagefter på ordinære timer i Norddjurs")
    figure = [s for s in status.sources if s.figure]
    assert figure and figure[0].title.startswith("Jobindsats")
    # named once in the answer, not again under it
    assert status.full_text().count("Jobindsats.dk (STAR), tabel") == 1
    slots = answers.remembered_slots(
        Context("Halter vi bagefter på ordinære timer i Norddjurs"), status, "ask_status"
    )
    figures = ask(session, answers.answer_source, "Hvor kommer de tal fra?", slots)
    assert figures.text.startswith("Tallet kommer fra Jobindsats.dk (STAR)")
    where = ask(session, answers.answer_source, "hvor står det?", slots)
    assert where.text.startswith("Det står i Beskæftigelsesplan 2024 (Norddjurs)")
    assert "Tallet kommer fra Jobindsats" in where.text


def test_an_overview_names_the_goals_without_measurements(session: Session) -> None:
    overview = ask(session, answers.answer_overview, "Må jeg få en oversigt over målene?", kommune="Morsø")
    assert "Uden målinger endnu:\n- Mål 1: Værdig sagsbehandling" in overview.text
    assert "socialt bedrageri" in overview.text


def test_long_unemployment_told_in_words_and_initiatives_named_for_a_group(session: Session) -> None:
    text = "jeg har vaeret ledig i grenaa i over 2 aar nu. hvad siger kommunens plan om folk der har gaaet saa laenge?"
    ctx = Context(text=text, entities={"target_group": ["ledig"]}, slots={})
    assert answers.target_group_in(ctx) == "langtidsledige"
    assert (
        answers.target_group_in(Context(text="jeg har været ledig i 3 uger", entities={}, slots={}))
        == "ledige"
    )
    answer = ask(session, answers.answer_initiatives, text, kommune="Norddjurs", target_group="ledig")
    assert "midlertidig offentlig forsørgelse i to år" in answer.text
    # the initiatives tagged with the group stay first when words fill up the list
    handicap = ask(
        session,
        answers.answer_initiatives,
        "min bror sidder i korestol, gor mariager fjord kommune noget for folk med handicap",
        kommune="Mariagerfjord",
    )
    lines = handicap.text.splitlines()
    assert lines[1:3] == [
        "- Rekruttering af borgere med handicap",
        "- Vejledning om handicapkompenserende foranstaltninger",
    ]


def test_the_old_plan_staff_shorthand_and_the_goals_under_a_ministermaal(session: Session) -> None:
    listed = ask(
        session,
        answers.answer_list_goals,
        "Hvilke mål er der i Mariagerfjords plan?",
        kommune="Mariagerfjord",
    )
    slots = answers.remembered_slots(
        Context("Hvilke mål er der i Mariagerfjords plan?"), listed, "list_goals"
    )
    ctx = Context("og i den gamle plan?", "ask_plan_info", {}, slots)
    assert answers.is_plan_fragment(ctx)
    older = answers.answer_plan_fragment(session, ctx)
    assert "Notat om udmøntning" in older.text
    text = "List målene under ministermål 5 i ND's BP24"
    ctx = Context(text, "list_goals", {"goal_code": ["5", "BP24"], "kommune": ["Norddjurs"]}, {})
    assert answers.codes_in_text(ctx) == ["M5"]
    under = answers.answer_list_goals(session, ctx)
    assert under.text.startswith("Ministermål 5:")
    assert "6.1 Jobformidling" in under.text


def test_what_is_done_about_the_goal_in_play_without_words_of_its_own(session: Session) -> None:
    slots = {"kommune": "Morsø", "goal_code": "6", "plan_id": "morsoe-2021", "last_intent": "goal_detail"}
    answer = ask(session, answers.answer_initiatives, "hvad goer de saa konkret", slots)
    assert answer.text.startswith("Indsatser under Mål 6")
    assert "kontrolgruppen" in answer.text


def test_a_figure_of_the_kommune_in_play_before_another_kommunes_goal(session: Session) -> None:
    slots = {
        "kommune": "Mariagerfjord",
        "plan_id": "mariagerfjord-2021-2024-notat",
        "last_intent": "ask_fact",
    }
    answer = ask(
        session, answers.answer_target, "og jobordrerne, hvor mange procent skal de op om året?", slots
    )
    assert "10 procent" in answer.text
    assert "Mariagerfjord" in answer.full_text()


def test_goals_for_a_group_only_an_older_plan_has(session: Session) -> None:
    answer = ask(
        session,
        answers.answer_list_goals,
        "mål for sygedagpenge og forsikrede ledige?",
        kommune="Mariagerfjord",
    )
    assert "1b Sygedagpenge og forsikrede ledige" in answer.text
    assert answer.sources[0].title.startswith("Notat om udmøntning")


def test_an_indicator_named_in_a_compound(session: Session) -> None:
    ctx = Context(
        text="Kan du stille kontanthjælpstallene for Gladsaxe og Hillerød op over for hinanden?",
        entities={},
        slots={},
    )
    assert answers.indicator_in(ctx) == "kontanthjælp"
    assert answers.indicator_in(Context(text="hvad er ledighedsydelsen", entities={}, slots={})) is None


def test_what_is_done_to_reach_the_goal_in_play(session: Session) -> None:
    slots = {
        "kommune": "Norddjurs",
        "goal_code": "6.3",
        "plan_id": "norddjurs-2024",
        "last_intent": "ask_status",
    }
    answer = ask(session, answers.answer_initiatives, "Hvad gør vi så konkret for at rykke på det?", slots)
    assert answer.text.startswith("Indsatser under 6.3")
    assert "Vejledning" in answer.text


def test_a_comparison_without_places_after_a_figure_uses_the_two_last_kommuner(session: Session) -> None:
    slots = {"kommune": "Aarhus", "indicator": "langtidsledighed", "last_intent": "ask_jobindsats"}
    ctx = Context(
        "sammenlign dem", "compare_kommuner", {}, slots, "rest", earlier_kommuner=["Aarhus", "Morsø"]
    )
    text = answers.answer_compare(session, ctx).text
    assert "langtidsledige i Morsø" in text and "langtidsledige i Aarhus" in text
    # a question about what is done is no figure, though a figure came before
    again = Context(
        "hvem af dem gør mest for de unge?", "compare_kommuner", {}, slots, "rest", ["Aarhus", "Morsø"]
    )
    assert not answers._figures_compared_again(again)
    # without an earlier kommune there is nothing to compare with
    alone = Context("sammenlign dem", "compare_kommuner", {}, slots, "rest")
    assert "Hvilke kommuner vil du sammenligne?" in answers.answer_compare(session, alone).text


def test_the_two_in_play_and_the_country_are_all_compared(session: Session) -> None:
    slots = {"kommune": None, "indicator": "ledighed", "last_intent": "compare_kommuner"}
    ctx = Context(
        "Hvordan ligger de to i forhold til landsplan?",
        "compare_kommuner",
        {"kommune": ["Hele landet"]},
        slots,
        "rest",
        earlier_kommuner=["Aarhus", "Morsø"],
    )
    text = answers.answer_compare(session, ctx).text
    assert (
        "Ledigheden i Aarhus" in text and "Ledigheden i Morsø" in text and "Ledigheden i hele landet" in text
    )


def test_another_term_as_a_fragment_after_an_explanation_is_explained(session: Session) -> None:
    slots = {"term": "resultatmål", "last_intent": "ask_status", "kommune": "Mariagerfjord"}
    ctx = Context("og benchmark, nu vi er ved det?", "ask_status", {}, slots, "rest")
    routed, handler = answers.as_follow_up(ctx)
    assert routed.intent == "define_term" and "benchmark" in handler(session, routed).text.lower()
    # not without an explanation just before, nor with a question of its own
    assert answers.is_term_fragment(replace(ctx, slots={**slots, "term": None})) is False
    own = Context("og hvordan går det med benchmark i Mariagerfjord?", "ask_status", {}, slots, "rest")
    assert answers.is_term_fragment(own) is False


def test_whether_it_differed_in_the_previous_plan_namely_the_notat(session: Session) -> None:
    slots = slots_after(
        session, answers.answer_follow_up, "Hvor tit får udvalget en status på Mariagerfjords plan?"
    )
    text = "Var det anderledes i den forrige, altså notatet for 2021-2024?"
    routed, handler = answers.as_follow_up(Context(text, "ask_plan_info", {}, slots, "rest"))
    answer = handler(session, routed).text
    assert "Notat om udmøntning" in answer and "halvårligt" in answer, answer


def test_going_back_to_a_month_after_a_comparison_compares_then(session: Session) -> None:
    question = "er ledigheden højere i Aarhus end i Morsø?"
    first = _ask_places(session, answers.answer_compare, question, ["Aarhus", "Morsø"])
    slots = answers.remembered_slots(Context(question), first, "compare_kommuner")
    ctx = Context("Og hvis vi går tilbage til marts 2025?", "ask_overview", {}, slots, "rest")
    assert answers.is_year_fragment(ctx)
    routed, handler = answers.as_follow_up(ctx)
    text = handler(session, routed).text
    assert "Ledigheden i Aarhus" in text and "Ledigheden i Morsø" in text and "marts 2025" in text, text


def test_a_kommune_whose_name_is_also_a_word_makes_a_fragment() -> None:
    """ "Vejen" has the lemma "vej": the lemma of the name is still the name."""
    slots = {"last_intent": "ask_jobindsats", "last_text": "hvad er ledigheden i Assens?"}
    ctx = Context(
        "Og hvordan ser det ud i Vejen lige nu?", "ask_status", {"kommune": ["Vejen"]}, slots, "rest"
    )
    assert answers.is_kommune_fragment(ctx)
    assert not answers.is_kommune_fragment(replace(ctx, text="Og hvordan ser vejledningen ud i Vejen?"))


@pytest.mark.parametrize(
    ("text", "entities", "codes"),
    [
        ("og 6,8?", {}, ["6.8"]),
        ("mål 6,3 i Norddjurs", {}, ["6.3"]),
        ("ledigheden er 2,9 % i Morsø", {}, []),  # a number with a unit
        ("den steg 1,5 procent", {}, []),
        ("Mors BP21, mål 6 delmål 2 - hvad står der præcis?", {"goal_code": ["6", "2"]}, ["6.D2"]),
        ("Kort status på alle mål, jeg har 5 minutter", {"goal_code": ["5"]}, []),  # minutes counted
    ],
)
def test_goal_codes_with_a_decimal_comma_and_numbered_sub_goals(
    text: str, entities: dict, codes: list
) -> None:
    assert answers.codes_in_text(Context(text, "ask_status", entities, {}, "rest")) == codes


def test_a_sub_goal_named_by_its_number_is_that_sub_goal(session: Session) -> None:
    answer = ask(
        session,
        answers.answer_goal_detail,
        "Mors BP21, mål 6 delmål 2 - hvad står der præcis?",
        kommune="Morsø",
    )
    assert answer.text.startswith("6.D2 ") and "berettiget" in answer.text


@pytest.mark.parametrize(
    ("question", "fragment", "intent", "expected", "not_before"),
    [
        # the year before the one asked about
        ("hvad var ledigheden i Morsø i marts 2026", "og året før?", "ask_more", "marts 2025", None),
        (
            "hvad var ledigheden i Morsø i marts 2026",
            "et år tidligere?",
            "ask_jobindsats",
            "marts 2025",
            None,
        ),
        # a Jobindsats month code, a year said first, and "now" (not the month asked before)
        ("Hvad er ledigheden i Aarhus lige nu?", "og 2025M03?", "nlu_fallback", "marts 2025", None),
        ("hvor mange er på kontanthjælp i Aarhus?", "i 2025 da?", "nlu_fallback", "2025", None),
        (
            "hvad var ledigheden i Aarhus i marts 2025?",
            "og nu?",
            "nlu_fallback",
            "Ledigheden i Aarhus",
            "marts 2025",
        ),
    ],
)
def test_a_period_fragment_repeats_the_figure_for_that_period(
    session: Session, question: str, fragment: str, intent: str, expected: str, not_before: str | None
) -> None:
    slots = slots_after(session, answers.answer_jobindsats, question)
    routed, handler = answers.as_follow_up(Context(fragment, intent, {}, slots, "rest"))
    text = handler(session, routed).text
    assert expected in text
    if not_before:
        assert not_before not in text.split("Et år før")[0]


def test_last_year_is_the_year_before_this_one() -> None:
    previous = "hvad var ledigheden i Morsø i marts 2024"
    assert answers._with_years_named(
        "og sidste år?", previous, today=__import__("datetime").date(2026, 12, 7)
    ) == ("og 2025?")
    assert answers._with_years_named("og året før?", previous) == "og 2023?"
    assert answers._with_years_named("hvad skete der i marts?", previous) == "hvad skete der i marts?"


def test_a_group_fragment_may_name_the_group_in_two_words() -> None:
    slots = {
        "last_intent": "ask_initiatives",
        "last_text": "Hvad gør man på Mors for handicappede?",
        "kommune": "Morsø",
    }
    ctx = Context(
        "og for flygtninge og familiesammenførte?", "ask_status", {"target_group": ["flygtninge"]}, slots
    )
    assert answers.follow_up_intent(ctx) == "ask_initiatives"


def test_initiatives_under_a_goal_named_by_its_code(session: Session) -> None:
    slots = slots_after(session, answers.answer_goal_detail, "Mål 7 Mors – hvad dækker det?")
    answer = ask(session, answers.answer_initiatives, "indsatser under mål 7?", slots=slots, goal_code="7")
    assert answer.text.startswith("Indsatser under Mål 7") and "RUB" in answer.text


def test_more_about_one_initiative_named_by_its_title(session: Session) -> None:
    slots = slots_after(session, answers.answer_goal_detail, "Mål 7 Mors – hvad dækker det?")
    listed = ask(session, answers.answer_initiatives, "indsatser under mål 7?", slots=slots, goal_code="7")
    slots = {**slots, "details": listed.details}
    assert ask(session, answers.answer_more, "uddyb RUB", slots=slots).text.startswith("RUB ")
    assert "Ringvejen" in ask(session, answers.answer_more, "uddyb det med ringvejen", slots=slots).text
    # words that name no title give all the details
    everything = ask(
        session, answers.answer_more, "uddyb gerne, hun skal kende de interne tilbud", slots=slots
    )
    assert everything.text == listed.details


def test_more_about_an_amount_says_what_the_money_is_for(session: Session) -> None:
    question = "Hvor mange penge bad fagenheden i Mariagerfjord om til investeringen i 2021?"
    answer = ask(session, answers.answer_fact, question, kommune="Mariagerfjord")
    assert "2 millioner" in answer.text
    assert answer.details and "To sagsbehandlere" in answer.details and "To medarbejdere" in answer.details


def test_the_other_plan_is_the_kommunes_plan_besides_the_one_in_play(session: Session) -> None:
    question = "Hvornår blev Mariagerfjords beskæftigelsesplan 2024-2027 vedtaget?"
    slots = slots_after(session, answers.answer_plan_info, question)
    for intent in ("ask_plan_info", "inform_kommune"):
        routed, handler = answers.as_follow_up(Context("og den anden plan?", intent, {}, slots, "rest"))
        assert "Notat om udmøntning" in handler(session, routed).text


def test_a_term_that_names_a_goal_is_a_topic_fragment() -> None:
    slots = {
        "last_intent": "ask_follow_up",
        "last_text": "hvor tit følges der op på de vandrende sager?",
        "kommune": "Norddjurs",
    }
    ctx = Context("og på resultatmålet?", "ask_status", {"term": ["resultatmål"]}, slots, "rest")
    assert answers.is_topic_fragment(ctx)
    # right after a term was explained it is the next term; counted among goals it is a list
    assert not answers.is_topic_fragment(replace(ctx, slots={**slots, "term": "fokusmål"}))
    assert not answers.is_topic_fragment(replace(ctx, text="og det andet resultatmål?"))


def test_how_far_along_is_no_topic(session: Session) -> None:
    slots = slots_after(session, answers.answer_target, "6.10 ordinære timer i Norddjurs - deadline?")
    answer = ask(session, answers.answer_goal_status, "hvor langt er vi p.t.?", slots=slots)
    assert answer.text.startswith("6.10 "), answer.text


def test_a_group_fragment_may_narrow_the_group_with_a_term_and_staff_shorthand() -> None:
    slots = {"last_intent": "ask_initiatives", "last_text": "hvad gør norddjurs for kontanthjælpsmodtagere?"}
    entities = {"indicator": ["kontanthjælp"], "term": ["jobparat"]}
    ctx = Context(
        "og for jobparate kth-modtagere?", "nlu_fallback", entities, {**slots, "kommune": "Norddjurs"}
    )
    assert answers.follow_up_intent(ctx) == "ask_initiatives"


def test_a_goal_named_as_a_numbered_maalsaetning() -> None:
    assert answers.codes_in_text(Context("hvad vil Mariagerfjord opnå med målsætning 2")) == ["2"]


def test_without_codes_removes_every_form_codes_in_text_reads() -> None:
    text = "indsatser under mål 6 delmål 2, 6,8 og 6.3?"
    assert answers.codes_in_text(Context(text)) == ["6.D2", "6.8", "6.3"]
    assert answers.without_codes(text).split() == ["indsatser", "under", ",", "og", "?"]
    assert answers.without_codes("ledigheden er 2,9 %") == "ledigheden er 2,9 %"  # a number, not a code


@pytest.mark.parametrize(
    ("question", "fragment", "entities"),
    [
        # another indicator for the same place ("kth" is kontanthjælp; DIET may call it a kommune)
        ("Hvad er ledigheden i Aarhus lige nu?", "samme for kth", {"indicator": ["kontanthjælp"]}),
        ("Hvad er ledigheden i Aarhus lige nu?", "og langtidsledige?", {"indicator": ["langtidsledige"]}),
    ],
)
def test_an_indicator_fragment_after_a_figure_keeps_the_place(
    session: Session, question: str, fragment: str, entities: dict
) -> None:
    slots = slots_after(session, answers.answer_jobindsats, question)
    routed, handler = answers.as_follow_up(Context(fragment, "inform_kommune", entities, slots, "rest"))
    text = handler(session, routed).text
    assert "Aarhus" in text and "Ledigheden i Aarhus" not in text


def test_an_indicator_fragment_after_a_comparison_keeps_all_its_places_and_month(session: Session) -> None:
    question = "sammenlign ledigheden i Aarhus, Morsø og hele landet i marts 2025"
    slots = slots_after(session, answers.answer_compare, question)
    ctx = Context(
        "og langtidsledige for de samme tre?", "nlu_fallback", {"indicator": ["langtidsledige"]}, slots
    )
    routed, handler = answers.as_follow_up(ctx)
    text = handler(session, routed).text
    assert all(place in text for place in ("Aarhus", "Morsø", "hele landet")) and "marts 2025" in text
    # a new question with words of its own is no fragment
    own = Context("og hvor mange langtidsledige er der i København?", "ask_jobindsats", ctx.entities, slots)
    assert not answers.is_indicator_fragment(own)


def test_the_same_for_another_kommune_or_plan_repeats_the_question(session: Session) -> None:
    question = "Hvad gør Morsø konkret for at få flere borgere med handicap i job?"
    slots = slots_after(session, answers.answer_initiatives, question)
    ctx = Context(
        "Har Norddjurs noget tilsvarende i deres 2024-plan?",
        "ask_plan_info",
        {"kommune": ["Norddjurs"]},
        slots,
    )
    routed, handler = answers.as_follow_up(ctx)
    assert handler(session, routed).text.startswith("Norddjurs for personer med handicap")
    overview = "hvordan står det til med alle målene i Norddjurs' beskæftigelsesplan for 2024"
    slots = slots_after(session, answers.answer_overview, overview)
    ctx = Context(
        "Kan jeg få samme oversigt over den gamle arbejdsmarkedsstrategi fra 2020-2021?",
        "ask_plan_info",
        {},
        slots,
    )
    routed, handler = answers.as_follow_up(ctx)
    assert "Overblik over Norddjurs' Arbejdsmarkedsstrategi 2020-2021" in handler(session, routed).text


def test_a_goal_code_with_a_few_words_of_its_topic_continues_the_question(session: Session) -> None:
    slots = slots_after(session, answers.answer_goal_status, "hvordan går det med 6.10 i Norddjurs?")
    ctx = Context("Hvad med 6.9, delvise raskmeldinger?", "goal_detail", {"goal_code": ["6.9"]}, slots)
    assert answers.follow_up_intent(ctx) == "ask_status"


def test_the_group_a_question_is_for_beats_the_one_its_story_names() -> None:
    ctx = Context("jeg er 58 og har været ledig i lang tid, gør de noget for os ældre i norddjurs?")
    assert answers.target_group_in(ctx) == "seniorer"


def test_a_kommune_written_with_kommunen_is_that_kommune(session: Session) -> None:
    question = "Hvor tit får udvalget en status på beskæftigelsesplanen i Hobro-kommunen?"
    answer = ask(session, answers.answer_follow_up, question, kommune="Hobro-kommunen")
    assert "Mariagerfjord" in answer.text


def test_a_deadline_picks_the_goal_and_names_no_plan(session: Session) -> None:
    question = "hvor tilfredse skal borgerne vaere med jobcentret i mariagerfjord senest i 2024"
    answer = ask(session, answers.answer_target, question, kommune="Mariagerfjord", year="2024")
    assert answer.text.startswith("3a ") and "90 %" in answer.text


def test_no_goals_for_a_group_lists_the_plans_goals(session: Session) -> None:
    question = "hvad vil mariager fjord kommune egentlig opnå med de arbejdsløse"
    answer = ask(
        session, answers.answer_list_goals, question, kommune="Mariagerfjord", target_group="arbejdsløse"
    )
    assert "har ingen mål særligt for ledige" in answer.text and "Mål 1" in answer.text
    assert answer.sources  # "hvor kan jeg læse det?" has an answer


def test_the_initiatives_under_a_goal_named_by_code(session: Session) -> None:
    question = "Tiltag under lokalt mål 7 om udsatte ledige på Mors?"
    answer = ask(
        session, answers.answer_initiatives, question, kommune="Morsø", goal_code="7", target_group="udsatte"
    )
    assert answer.text.startswith("Indsatser under Mål 7") and "RUB" in answer.text


def test_a_fragment_that_swaps_the_group_keeps_the_plan_in_play(session: Session) -> None:
    question = "Branchespor for forsikrede ledige i strategien 20-21 – hvornår i forløbet sættes det i gang?"
    slots = slots_after(session, answers.answer_initiatives, question)
    entities = {"indicator": ["kontanthjælp"], "term": ["jobparat"]}
    ctx = Context("og for jobparate kth-modtagere?", "nlu_fallback", entities, slots)
    routed, handler = answers.as_follow_up(ctx)
    text = handler(session, routed).text
    assert "Arbejdsmarkedsstrategi 2020-2021" in text and "kontanthjælpsmodtagere" in text


@pytest.mark.parametrize(
    ("first", "question", "then", "follow_up", "expected"),
    [
        # the target "on that field" is the goal of the group in play (not a goal about "område")
        (
            "answer_initiatives",
            "hvad gør vi konkret i Norddjurs for at få flere fleksjobbere i arbejde?",
            "answer_target",
            "Og hvad er målet på det område?",
            ["5.1 "],
        ),
        # details of an initiative named by its title list the parts under it
        (
            "answer_fact",
            "hvor stor en investering bad fagenheden udvalget om i Mariagerfjords udmøntningsnotat?",
            "answer_more",
            "uddyb lige det med de to spor",
            ["To medarbejdere", "To sagsbehandlere"],
        ),
        # a ministermål without a follow-up of its own: that of the goals under it
        (
            "answer_target",
            "Flygtninge/familiesammenførte i BP2024 Norddjurs – hvad er succeskriteriet",
            "answer_follow_up",
            "opfølgning på det?",
            ["Målene under den følges op sådan", "to gange årligt"],
        ),
    ],
)
def test_a_follow_up_on_the_previous_answer(
    session: Session, first: str, question: str, then: str, follow_up: str, expected: list[str]
) -> None:
    slots = slots_after(session, getattr(answers, first), question)
    text = ask(session, getattr(answers, then), follow_up, slots=slots).text
    assert all(part in text for part in expected), text


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("A1 i arbejdsmarkedsstrategien for Norddjurs, hvad går den ud på?", ["A1"]),
        ("og S3?", ["S3"]),
        ("a1 og s2", []),  # lower case is no code
        ("Hvad med 6.9, delvise raskmeldinger?", ["6.9"]),
    ],
)
def test_lettered_goal_codes_are_read_in_capitals(text: str, codes: list[str]) -> None:
    assert answers.codes_in_text(Context(text)) == codes


def test_a_lettered_goal_is_described(session: Session) -> None:
    question = "A1 i arbejdsmarkedsstrategien for Norddjurs, hvad går den ud på?"
    answer = ask(session, answers.answer_goal_detail, question, kommune="Norddjurs")
    assert answer.text.startswith("A1 ") and "varig tilknytning" in answer.text


def test_a_group_named_in_a_question_it_could_not_place_stays_in_play_for_dem(session: Session) -> None:
    story = "er der kommet mange flygtninge til mors de sidste aar?"
    ctx = Context(story, "nlu_fallback", {"target_group": ["flygtninge"], "kommune": ["Morsø"]}, {}, "rest")
    slots = answers.remembered_slots(ctx, answers.Answer(text="…", slots={"kommune": "Morsø"}), None)
    assert slots["target_group"] == "flygtninge"
    answer = ask(
        session, answers.answer_initiatives, "hvad gør kommunen for at faa dem i arbejde", slots=slots
    )
    assert answer.text.startswith("Morsø for flygtninge") and "Velkomstcenter Mors" in answer.text
    # without a pointer back the question is about the kommune's initiatives as a whole
    answer = ask(session, answers.answer_initiatives, "hvad gør kommunen for at skabe job", slots=slots)
    assert not answer.text.startswith("Morsø for flygtninge")


def test_more_about_one_kommunes_part_of_a_comparison_is_that_kommunes_answer(session: Session) -> None:
    slots = {
        "last_intent": "compare_kommuner",
        "last_text": "Forskel på opfølgningsfrekvens: Norddjurs BP24 vs. Mariagerfjord BP 24-27?",
    }
    answer = ask(session, answers.answer_more, "uddyb MFJ-delen", slots=slots, kommune="Mariagerfjord")
    assert answer.text.startswith("Sådan følges der op på Mariagerfjords") and "halvårligt" in answer.text
    # a comparison of something else has no one-kommune answer to give
    slots["last_text"] = "hvad gør Norddjurs og Mariagerfjord for de unge?"
    answer = ask(session, answers.answer_more, "uddyb MFJ-delen", slots=slots, kommune="Mariagerfjord")
    assert not answer.text.startswith("Sådan følges der op")


def test_a_value_named_after_the_question_picks_the_goal_with_that_target(session: Session) -> None:
    text = (
        "går det godt med at få de unge gennem en uddannelse i norddjurs? der var vist et mål om 90 procent"
    )
    answer = ask(session, answers.answer_goal_status, text, kommune="Norddjurs", target_group="unge")
    assert answer.text.startswith("6.6 25-åriges uddannelsesniveau")


def test_the_one_initiative_a_question_names_is_told_in_full(session: Session) -> None:
    text = "hvad er ND's branchesporsindsats for integrationsborgere i strategien?"
    answer = ask(
        session, answers.answer_initiatives, text, kommune="Norddjurs", target_group="integrationsborgere"
    )
    assert (
        answer.text.startswith("Norddjurs for flygtninge")
        and "Fra første dag i integrationsperioden" in answer.text
    )
    # a question about a group in general gets the list only
    answer = ask(
        session, answers.answer_initiatives, "hvad gør Norddjurs for flygtninge?", kommune="Norddjurs"
    )
    assert "Fra første dag i integrationsperioden" not in answer.text


def test_learning_danish_is_the_plans_language_teaching(session: Session) -> None:
    text = "Hvad gør man på Mors for at flygtninge lærer dansk og kommer ud på en arbejdsplads?"
    answer = ask(session, answers.answer_initiatives, text, kommune="Morsø", target_group="flygtninge")
    assert answer.text.splitlines()[1] == "- Virtuel og fysisk sprogundervisning"


def test_a_kommune_named_earlier_in_the_conversation_is_used_when_none_is_remembered(
    session: Session,
) -> None:
    ctx = Context(
        "hvad gør kommunen for flygtninge som mig",
        "ask_initiatives",
        {"target_group": ["flygtninge"]},
        {},
        "rest",
        earlier_kommuner=["Morsø"],
    )
    assert answers.answer_initiatives(session, ctx).text.startswith("Morsø for flygtninge")
    # nothing named: the question for the kommune
    ctx = Context("hvad gør kommunen for flygtninge som mig", "ask_initiatives", {}, {}, "rest")
    assert answers.answer_initiatives(session, ctx).text.startswith("Hvilken kommune")


def test_a_figure_named_only_as_a_group_continues_a_comparison_of_figures(session: Session) -> None:
    slots = {
        "last_intent": "compare_kommuner",
        "last_text": "Aarhus har lav ledighed. Hvordan ser de ud lige nu i forhold til hele landet?",
        "kommune": "Aarhus",
    }
    ctx = Context(
        "Hvad hvis man kun tager dagpengemodtagerne?",
        "nlu_fallback",
        {"target_group": ["dagpengemodtagere"]},
        slots,
        "rest",
    )
    routed, handler = answers.as_follow_up(ctx)
    answer = handler(session, routed)
    assert answer.text.startswith("Ledigheden blandt dagpengemodtagere i Aarhus")
    assert "i hele landet" in answer.text


def test_a_goal_for_the_group_named_beats_a_goal_that_only_shares_a_phrase(session: Session) -> None:
    text = "klarer morsø sig godt med at få flygtninge i arbejde"
    answer = ask(session, answers.answer_goal_status, text, kommune="Morsø", target_group="flygtninge")
    assert answer.text.startswith("Mål 3: Selvforsørgelse for flygtninge")


def test_status_of_the_goals_just_listed(session: Session) -> None:
    question = "Liste over lokale mål under ministermål 5, NDJ 2024"
    listed = ask(session, answers.answer_list_goals, question, kommune="Norddjurs")
    slots = answers.remembered_slots(Context(question), listed, "list_goals")
    routed, handler = answers.as_follow_up(Context("status på dem?", "ask_status", {}, slots, "rest"))
    answer = handler(session, routed)
    lines = answer.text.splitlines()
    assert lines[0] == "Status for de viste mål i Norddjurs' Beskæftigelsesplan 2024:"
    assert lines[1].startswith("- 6.1 Jobformidling: mål mindst på niveau med landsgennemsnittet – ")
    assert len(lines) == 14 and answer.sources[0].title == "Beskæftigelsesplan 2024"
    # not after another kind of answer
    other = {**slots, "last_intent": "ask_status"}
    assert answers.as_follow_up(Context("status på dem?", "ask_status", {}, other, "rest")) is None


def test_den_gruppe_points_back_to_the_group_in_play(session: Session) -> None:
    slots = {"kommune": "Norddjurs", "target_group": "flygtninge", "last_intent": "ask_initiatives"}
    text = "Hvad med Morsø – hvad gør de dér for den gruppe?"
    answer = ask(session, answers.answer_initiatives, text, slots=slots, kommune="Morsø")
    assert answer.text.startswith("Morsø for flygtninge") and "Velkomstcenter Mors" in answer.text


def test_a_link_to_the_plan_is_answered_with_the_document_and_no_invented_address(session: Session) -> None:
    sources = [{"title": "Beskæftigelsesplan 2024", "kommune": "Norddjurs", "section": "Mål", "quote": None}]
    answer = ask(session, answers.answer_source, "har du et link til planen", slots={"last_sources": sources})
    assert answer.text.startswith("Det står i Beskæftigelsesplan 2024 (Norddjurs)")
    assert "Jeg har ikke et link til dokumentet" in answer.text and "http" not in answer.text
