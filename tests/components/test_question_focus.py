"""The question sentence of an unsure message with a preamble decides its intent.

Runs in the Rasa environment (scripts/test.sh).
"""

from __future__ import annotations

import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.question_focus import QUESTION_KEY, QuestionSentenceClassifier

EXAMPLES = {
    "help": ["hvad kan du svare på", "hvad kan du hjælpe med", "hvilke spørgsmål kan du besvare"],
    "ask_status": [
        "hvordan går det med målet",
        "er målet nået",
        "hvordan står det til med målet om samtaler",
    ],
    "greet": ["hej", "goddag", "godmorgen"],
}
FALLBACK = {"name": "nlu_fallback", "confidence": 0.4}
UNSURE = [FALLBACK, {"name": "ask_plan_info", "confidence": 0.35}, {"name": "help", "confidence": 0.3}]


@pytest.fixture()
def classifier(storage: LocalModelStorage, context: ExecutionContext) -> QuestionSentenceClassifier:
    component = QuestionSentenceClassifier.create({"threshold": 0.5}, storage, Resource("focus"), context)
    examples = [
        Message(data={"text": text, "intent": intent}) for intent, texts in EXAMPLES.items() for text in texts
    ]
    component.train(TrainingData(training_examples=examples))
    return component


def message(text: str, intent: dict, ranking: list[dict]) -> Message:
    return Message(data={"text": text, "intent": dict(intent), "intent_ranking": ranking})


def test_fallen_back_message_with_a_preamble_takes_its_questions_intent(
    classifier: QuestionSentenceClassifier,
) -> None:
    text = "Jeg er lige blevet valgt ind i byrådet og kender ikke planerne. Hvad kan du svare på?"

    [processed] = classifier.process([message(text, FALLBACK, UNSURE)])

    assert processed.get("intent")["name"] == "help"
    assert processed.get("intent")["confidence"] >= 0.5
    assert processed.get("intent_ranking")[0] == processed.get("intent")
    assert processed.get(QUESTION_KEY) == "Hvad kan du svare på?"


def test_sure_messages_and_single_sentences_pass_unchanged(classifier: QuestionSentenceClassifier) -> None:
    sure = {"name": "ask_plan_info", "confidence": 0.9}
    with_preamble = "Jeg er ny i byrådet. Hvad kan du svare på?"
    one_sentence = "hvad kan du svare på om planen i Morsø"

    [kept_sure] = classifier.process([message(with_preamble, sure, [sure])])
    [kept_single] = classifier.process([message(one_sentence, FALLBACK, UNSURE)])

    assert kept_sure.get("intent") == sure
    assert kept_single.get("intent") == FALLBACK
    assert kept_single.get(QUESTION_KEY) is None


def test_a_preamble_that_misled_the_classifier_is_outvoted_by_the_question(
    classifier: QuestionSentenceClassifier,
) -> None:
    misled = [{"name": "ask_status", "confidence": 0.55}, {"name": "help", "confidence": 0.4}]
    text = "Jeg er ny i udvalget og vil gerne følge med i målene. Hvad kan du svare på?"

    [processed] = classifier.process([message(text, misled[0], misled)])

    assert processed.get("intent")["name"] == "help"
    assert processed.get("intent")["confidence"] >= 0.5
    assert processed.get(QUESTION_KEY) == "Hvad kan du svare på?"


def test_a_message_typed_without_danish_letters_is_classified_respelt(
    classifier: QuestionSentenceClassifier,
) -> None:
    text = "hvordan staar det til med maalet om samtaler"

    [processed] = classifier.process([message(text, FALLBACK, UNSURE)])

    assert processed.get("intent")["name"] == "ask_status"
    assert processed.get(QUESTION_KEY) == "hvordan står det til med målet om samtaler"


def test_an_unclear_question_sentence_keeps_the_fallback(
    storage: LocalModelStorage, context: ExecutionContext
) -> None:
    strict = QuestionSentenceClassifier.create({"threshold": 0.99}, storage, Resource("strict"), context)
    strict.train(
        TrainingData(
            training_examples=[
                Message(data={"text": t, "intent": i}) for i, texts in EXAMPLES.items() for t in texts
            ]
        )
    )
    text = "Jeg har et spørgsmål. Hvordan er vejret i morgen?"

    [processed] = strict.process([message(text, FALLBACK, UNSURE)])

    assert processed.get("intent") == FALLBACK


def test_persisted_model_loads_and_predicts_the_same(
    classifier: QuestionSentenceClassifier, storage: LocalModelStorage, context: ExecutionContext
) -> None:
    loaded = QuestionSentenceClassifier.load({"threshold": 0.5}, storage, Resource("focus"), context)
    text = "Godt at se dig. Hvordan går det med målet om samtaler?"

    [original] = classifier.process([message(text, FALLBACK, UNSURE)])
    [again] = loaded.process([message(text, FALLBACK, UNSURE)])

    assert original.get("intent")["name"] == "ask_status"
    assert again.get("intent_ranking") == original.get("intent_ranking")


def test_untrained_component_lets_everything_through(
    storage: LocalModelStorage, context: ExecutionContext
) -> None:
    untrained = QuestionSentenceClassifier.load({}, storage, Resource("missing"), context)
    text = "Jeg er ny. Hvad kan du svare på?"

    [processed] = untrained.process([message(text, FALLBACK, UNSURE)])

    assert processed.get("intent") == FALLBACK
