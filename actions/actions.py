"""Rasa custom actions: thin wrappers that call :mod:`planbot.answers`.

Each action builds a :class:`planbot.answers.Context` from the tracker, runs the
matching answer function on a database session in a worker thread, sends the
answer and remembers what the next turn may lean on (kommune, plan, goal, sources).
A failing database gives an apology, never a stack trace.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any, ClassVar

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from planbot import answers
from planbot.db import get_engine

logger = logging.getLogger(__name__)

SLOTS = (
    "kommune",
    "goal_code",
    "plan_id",
    "last_intent",
    "last_text",
    "target_group",
    "theme",
    "indicator",
    "last_sources",
    "details",
    "listed_goals",
    "term",
)


def context_from_tracker(tracker: Tracker) -> answers.Context:
    """The answer context: latest text, intent, entity values, slots and channel."""
    message = tracker.latest_message or {}
    entities: dict[str, list[str]] = {}
    for entity in message.get("entities") or []:
        value = entity.get("value")
        if value is None:
            continue
        values = entities.setdefault(entity["entity"], [])
        if str(value) not in values:
            values.append(str(value))
    return answers.Context(
        text=message.get("text") or "",
        intent=(message.get("intent") or {}).get("name"),
        entities=entities,
        slots={name: tracker.get_slot(name) for name in SLOTS},
        channel=tracker.get_latest_input_channel(),
        earlier_kommuner=earlier_kommuner(tracker),
    )


def earlier_kommuner(tracker: Tracker) -> list[str]:
    """The kommuner the conversation has had in play, most recent first, each once: the
    values of the kommune slot and the kommuner the user's messages named (a comparison of
    two sets no slot), not the country."""
    values: list[str] = []
    for event in reversed(tracker.events or []):
        named: list[str] = []
        if event.get("event") == "slot" and event.get("name") == "kommune" and event.get("value"):
            named = [str(event["value"])]
        elif event.get("event") == "user":
            entities = (event.get("parse_data") or {}).get("entities") or []
            named = [str(e["value"]) for e in entities if e.get("entity") == "kommune" and e.get("value")]
        for value in named:
            if value not in values and value.lower() != answers.NATIONAL.lower():
                values.append(value)
    return values


def _run_in_session(
    handler: Callable[[Session, answers.Context], answers.Answer], ctx: answers.Context
) -> answers.Answer:
    with Session(get_engine()) as session:
        return handler(session, ctx)


class PlanAction(Action):
    """Base class: run ``handler`` and send its answer."""

    action_name: ClassVar[str] = "action_planbot_base"
    handler: ClassVar[Callable[[Session, answers.Context], answers.Answer]]
    remember_intent: ClassVar[bool] = True
    continues_fragments: ClassVar[bool] = True

    def name(self) -> str:
        return self.action_name

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        ctx = context_from_tracker(tracker)
        handler = type(self).handler
        # "Og hvad med 6.4?" continues the previous question, whatever intent it got,
        # also when the classifier was unsure and the search fallback was chosen.
        follow_up = answers.as_follow_up(ctx) if self.continues_fragments else answers.as_term_follow_up(ctx)
        remember = self.remember_intent or follow_up is not None
        if follow_up:
            ctx, handler = follow_up
        try:
            answer = await asyncio.to_thread(_run_in_session, handler, ctx)
        except Exception:
            logger.exception("Action %s failed", self.name())
            dispatcher.utter_message(text=answers.DB_ERROR)
            return []
        if answer.response:
            dispatcher.utter_message(response=answer.response)
            return []
        text = answers.with_privacy_notes(ctx, answer.full_text())
        custom = answer.custom if (answer.custom and ctx.staff) else None
        dispatcher.utter_message(text=text, buttons=answer.buttons or None, json_message=custom)
        slots = answers.remembered_slots(ctx, answer, ctx.intent if remember else None)
        return [SlotSet(name, value) for name, value in slots.items() if name in SLOTS]


def _action(
    name: str,
    handler: Callable[[Session, answers.Context], answers.Answer],
    remember: bool = True,
    continues: bool | None = None,
) -> type[PlanAction]:
    """A :class:`PlanAction` subclass. ``remember``: the question becomes the one that later
    fragments continue; ``continues`` (default ``remember``): a fragment is routed to the
    previous question's answer."""
    return type(
        f"Action_{name}",
        (PlanAction,),
        {
            "action_name": name,
            "handler": staticmethod(handler),
            "remember_intent": remember,
            "continues_fragments": remember if continues is None else continues,
            "__module__": __name__,
        },
    )


ActionPlanInfo = _action("action_plan_info", answers.answer_plan_info)
ActionListGoals = _action("action_list_goals", answers.answer_list_goals)
ActionGoalDetail = _action("action_goal_detail", answers.answer_goal_detail)
ActionTarget = _action("action_target", answers.answer_target)
ActionFollowUp = _action("action_follow_up", answers.answer_follow_up)
ActionInitiatives = _action("action_initiatives", answers.answer_initiatives)
ActionFact = _action("action_fact", answers.answer_fact)
ActionGoalStatus = _action("action_goal_status", answers.answer_goal_status)
ActionOverview = _action("action_overview", answers.answer_overview)
ActionJobindsats = _action("action_jobindsats", answers.answer_jobindsats)
ActionCompare = _action("action_compare", answers.answer_compare)
ActionSource = _action("action_source", answers.answer_source, remember=False)
# "og det tredje af dem?" after a goal list is about that goal, not more of the list
ActionMore = _action("action_more", answers.answer_more, remember=False, continues=True)
ActionDefineTerm = _action("action_define_term", answers.answer_define_term, remember=False)
# "og den anden plan?" heard as naming a kommune continues the previous question
ActionInformKommune = _action(
    "action_inform_kommune", answers.answer_inform_kommune, remember=False, continues=True
)
ActionPersonalCase = _action("action_personal_case", answers.answer_personal_case, remember=False)
ActionSearchFallback = _action(
    "action_search_fallback", answers.answer_search, remember=False, continues=True
)
ActionHelp = _action("action_help", answers.answer_help, remember=False)
ActionGreet = _action("action_greet", answers.answer_greet, remember=False)
