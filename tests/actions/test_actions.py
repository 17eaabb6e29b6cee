"""Rasa actions on a fixture database, with tracker and dispatcher fixtures (RasaHQ style)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import Engine

import actions.actions as action_module
from planbot.answers import DB_ERROR, OWN_CASE_NOTE, PRIVACY_REMINDER
from planbot.db import dispose_engines


def make_tracker(
    text: str,
    intent: str,
    entities: list[dict[str, Any]] | None = None,
    slots: dict[str, Any] | None = None,
    channel: str = "rest",
) -> Tracker:
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.99}, "entities": entities or []}
    events = [{"event": "user", "text": text, "parse_data": latest, "input_channel": channel}]
    return Tracker("tester", slots or {}, latest, events, False, None, {}, "action_listen")


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


@pytest.fixture
def use_db(shared_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANBOT_DB_URL", str(shared_engine.url))
    dispose_engines()


def run(action: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict[str, Any]]:
    return asyncio.run(action().run(dispatcher, tracker, {}))


def slots_of(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def test_list_goals_remembers_kommune_and_cites_source(
    use_db: None, dispatcher: CollectingDispatcher
) -> None:
    events = run(
        action_module.ActionListGoals,
        dispatcher,
        make_tracker("Hvilke mål har Morsø?", "list_goals", [{"entity": "kommune", "value": "Morsø"}]),
    )
    text = dispatcher.messages[0]["text"]
    assert "Morsøs Beskæftigelsesplan 2021" in text and "Kilde:" in text
    slots = slots_of(events)
    assert slots["kommune"] == "Morsø" and slots["plan_id"] == "morsoe-2021"
    assert slots["last_intent"] == "list_goals"


def test_follow_up_status_uses_the_remembered_goal(use_db: None, dispatcher: CollectingDispatcher) -> None:
    slots = {"kommune": "Norddjurs", "plan_id": "norddjurs-2024", "goal_code": "1.2"}
    run(
        action_module.ActionGoalStatus,
        dispatcher,
        make_tracker("Hvordan går det med det?", "ask_status", slots=slots),
    )
    text = dispatcher.messages[0]["text"]
    assert "1.2" in text and "Norddjurs" in text
    assert "ingen målinger" in text or "Status:" in text


def test_status_card_only_for_teams(use_db: None) -> None:
    web, teams = CollectingDispatcher(), CollectingDispatcher()
    tracker_args = ("status på 6.10 i Norddjurs", "ask_status", [{"entity": "goal_code", "value": "6.10"}])
    run(action_module.ActionGoalStatus, web, make_tracker(*tracker_args))
    run(action_module.ActionGoalStatus, teams, make_tracker(*tracker_args, channel="teams"))
    assert not web.messages[0].get("custom")
    card = teams.messages[0]["custom"]
    assert card["type"] == "goal_status" and card["code"] == "6.10" and card["status"]


def test_source_of_the_previous_answer(use_db: None, dispatcher: CollectingDispatcher) -> None:
    events = run(
        action_module.ActionFollowUp,
        CollectingDispatcher(),
        make_tracker("Hvor tit følges der op på de vandrende sager i Norddjurs?", "ask_follow_up"),
    )
    sources = slots_of(events)["last_sources"]
    run(
        action_module.ActionSource,
        dispatcher,
        make_tracker("Hvor står det?", "ask_source", slots={"last_sources": sources}),
    )
    text = dispatcher.messages[0]["text"]
    assert "Beskæftigelsesplan 2024" in text and "kvartalsvise" in text


def test_masked_personal_data_gets_a_reminder(use_db: None, dispatcher: CollectingDispatcher) -> None:
    run(
        action_module.ActionPersonalCase,
        dispatcher,
        make_tracker("min cpr er [cpr-nummer fjernet] hvornår får jeg penge", "personal_case"),
    )
    text = dispatcher.messages[0]["text"]
    assert text.startswith(PRIVACY_REMINDER) and "jobcenter" in text.lower()


def test_failing_database_gives_an_apology(
    monkeypatch: pytest.MonkeyPatch, tmp_path, dispatcher: CollectingDispatcher
) -> None:
    monkeypatch.setenv("PLANBOT_DB_URL", f"sqlite:///{tmp_path / 'missing' / 'nothing.db'}?mode=ro")
    dispose_engines()
    events = run(
        action_module.ActionListGoals, dispatcher, make_tracker("Hvilke mål har Morsø?", "list_goals")
    )
    assert dispatcher.messages[0]["text"] == DB_ERROR
    assert events == []


def test_fragment_continues_the_previous_question(use_db: None, dispatcher: CollectingDispatcher) -> None:
    # "og hvad med 1.1?" after a status question, classified as goal_detail: status of 1.1
    slots = {
        "kommune": "Norddjurs",
        "plan_id": "norddjurs-2024",
        "goal_code": "1.2",
        "last_intent": "ask_status",
    }
    events = run(
        action_module.ActionGoalDetail,
        dispatcher,
        make_tracker("og hvad med 1.1?", "goal_detail", [{"entity": "goal_code", "value": "1.1"}], slots),
    )
    text = dispatcher.messages[0]["text"]
    assert "1.1" in text and ("ingen målinger" in text or "Status:" in text)
    assert slots_of(events)["last_intent"] == "ask_status"


def test_unsure_fragment_continues_instead_of_searching(
    use_db: None, dispatcher: CollectingDispatcher
) -> None:
    # "og for sygemeldte?" after Norddjurs' goals for unge, below the classifier's threshold:
    # Norddjurs' goals for sygemeldte, not a passage from the search.
    slots = {
        "kommune": "Norddjurs",
        "last_intent": "list_goals",
        "last_text": "hvilke mål har norddjurs sat for unge",
    }
    events = run(
        action_module.ActionSearchFallback,
        dispatcher,
        make_tracker(
            "og for sygemeldte?", "nlu_fallback", [{"entity": "target_group", "value": "sygemeldte"}], slots
        ),
    )
    text = dispatcher.messages[0]["text"]
    assert "6.9" in text and "Jeg fandt dette" not in text
    assert slots_of(events)["last_intent"] == "list_goals"


def test_more_about_an_ordinal_after_a_goal_list_answers_that_goal(
    use_db: None, dispatcher: CollectingDispatcher
) -> None:
    listing = run(
        action_module.ActionListGoals,
        CollectingDispatcher(),
        make_tracker("Hvilke mål har Morsø?", "list_goals", [{"entity": "kommune", "value": "Morsø"}]),
    )
    slots = slots_of(listing)
    assert [entry.split("|")[1] for entry in slots["listed_goals"][:2]] == ["1", "2"]
    events = run(
        action_module.ActionMore,
        dispatcher,
        make_tracker("fortæl lidt mere om det andet af dem", "ask_more", slots=slots),
    )
    text = dispatcher.messages[0]["text"]
    assert "Opkvalificering af ledige" in text and "Værdig sagsbehandling" not in text
    assert slots_of(events)["last_intent"] == "goal_detail"


def test_hej_hej_after_an_answer_takes_leave(use_db: None, dispatcher: CollectingDispatcher) -> None:
    after_question = {"kommune": "Morsø", "last_intent": "list_goals", "last_text": "Hvilke mål har Morsø?"}
    run(action_module.ActionGreet, dispatcher, make_tracker("hej hej du", "greet", slots=after_question))
    assert dispatcher.messages[0]["response"] == "utter_goodbye"
    # at the start of a conversation it is a greeting
    opening = CollectingDispatcher()
    run(action_module.ActionGreet, opening, make_tracker("hej hej", "greet"))
    assert opening.messages[0]["text"].startswith("Hej! Jeg er planassistenten")


def test_a_kommune_with_a_pointer_after_a_term_asks_what_the_kommune_does_with_it(
    use_db: None, dispatcher: CollectingDispatcher
) -> None:
    """ "bruger Mors det?" right after FGU was explained: heard as inform_kommune (an action that
    continues no fragments), answered with Morsø's FGU initiatives."""
    explained = slots_of(
        run(
            action_module.ActionDefineTerm,
            CollectingDispatcher(),
            make_tracker("hvad er fgu for noget?", "define_term", [{"entity": "term", "value": "FGU"}]),
        )
    )
    assert explained["term"] == "FGU"
    events = run(
        action_module.ActionInformKommune,
        dispatcher,
        make_tracker(
            "bruger mors det?", "inform_kommune", [{"entity": "kommune", "value": "Morsø"}], explained
        ),
    )
    text = dispatcher.messages[0]["text"]
    assert text.startswith("Morsø om FGU") and "FGU Nordvest" in text
    assert slots_of(events)["term"] is None


def test_a_plan_question_that_brings_up_ones_own_case_says_it_cannot_see_it(
    use_db: None, dispatcher: CollectingDispatcher
) -> None:
    message = (
        "jobcentret vil sende mig i praktik, kan du se i min sag om de må? og hvad gør Morsø for sygemeldte?"
    )
    run(
        action_module.ActionInitiatives,
        dispatcher,
        make_tracker(message, "ask_initiatives", entities=[{"entity": "kommune", "value": "Morsø"}]),
    )
    text = dispatcher.messages[0]["text"]
    assert text.startswith(OWN_CASE_NOTE) and "Morsø" in text, text
    dispatcher.messages.clear()
    run(
        action_module.ActionPersonalCase,
        dispatcher,
        make_tracker("hvad står der i min sag?", "personal_case"),
    )
    assert OWN_CASE_NOTE not in dispatcher.messages[0]["text"]


def test_which_of_the_two_compares_the_kommuner_the_conversation_had_in_play(
    use_db: None, dispatcher: CollectingDispatcher
) -> None:
    """ "Hvem af de to ligger bedst?" after the figure for Morsø and then for Aarhus: both
    figures side by side, though the kommune slot holds only Aarhus."""
    tracker = make_tracker(
        "hvem af de to ligger bedst?",
        "compare_kommuner",
        slots={"kommune": "Aarhus", "indicator": "ledighed", "last_intent": "ask_jobindsats"},
    )
    tracker.events[:0] = [
        {"event": "slot", "name": "kommune", "value": "Morsø"},
        {"event": "slot", "name": "kommune", "value": "Aarhus"},
    ]
    assert action_module.earlier_kommuner(tracker) == ["Aarhus", "Morsø"]
    run(action_module.ActionCompare, dispatcher, tracker)
    text = dispatcher.messages[0]["text"]
    assert "Ledigheden i Morsø" in text and "Ledigheden i Aarhus" in text


def test_the_kommuner_in_play_include_those_a_comparison_named() -> None:
    tracker = make_tracker("hvordan ligger de to i forhold til landsplan?", "compare_kommuner")
    named = {
        "intent": {"name": "compare_kommuner"},
        "entities": [
            {"entity": "kommune", "value": "Norddjurs"},
            {"entity": "kommune", "value": "Mariagerfjord"},
            {"entity": "kommune", "value": "Hele landet"},
        ],
    }
    tracker.events[:0] = [
        {"event": "slot", "name": "kommune", "value": "Morsø"},
        {
            "event": "user",
            "text": "hvem har flest på kontanthjælp, Norddjurs eller Mariagerfjord?",
            "parse_data": named,
        },
    ]
    assert action_module.earlier_kommuner(tracker) == ["Norddjurs", "Mariagerfjord", "Morsø"]
