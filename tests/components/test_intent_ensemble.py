"""The logistic regression whose intent probabilities are averaged with DIET's.

Runs in the Rasa environment (scripts/test.sh), on hand-made sparse features.
"""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.intent_ensemble import (
    AveragingLogisticRegressionClassifier,
    averaged_ranking,
)

# three "words": 0 = status word, 1 = greeting word, 2 = goodbye word
VOCABULARY = {"status": 0, "hej": 1, "farvel": 2}


def featurized(text: str, **data: object) -> Message:
    """A message with bag-of-words sentence features over VOCABULARY."""
    message = Message(data={"text": text, **data})
    row = np.zeros((1, len(VOCABULARY)))
    for word in text.split():
        if word in VOCABULARY:
            row[0, VOCABULARY[word]] += 1
    for feature_type in ("sequence", "sentence"):
        message.add_features(Features(scipy.sparse.coo_matrix(row), feature_type, "text", "test-featurizer"))
    return message


def test_averaged_ranking_weighs_both_and_counts_missing_intents_as_zero() -> None:
    previous = [
        {"name": "ask_status", "confidence": 0.9},
        {"name": "ask_overview", "confidence": 0.1},
    ]
    own = {"ask_status": 0.2, "ask_overview": 0.3, "list_goals": 0.5}

    ranking = averaged_ranking(previous, own, weight=0.5)

    assert [r["name"] for r in ranking] == ["ask_status", "list_goals", "ask_overview"]
    assert [r["confidence"] for r in ranking] == pytest.approx([0.55, 0.25, 0.2])


def test_averaged_ranking_lets_the_second_model_overturn_an_unsure_first() -> None:
    previous = [{"name": "goodbye", "confidence": 0.4}, {"name": "greet", "confidence": 0.35}]
    own = {"greet": 0.9, "goodbye": 0.1}

    assert averaged_ranking(previous, own, weight=0.5)[0]["name"] == "greet"
    assert averaged_ranking(previous, own, weight=1.0)[0]["name"] == "goodbye"


def test_averaged_ranking_without_previous_ranking_keeps_own_probabilities() -> None:
    ranking = averaged_ranking([], {"greet": 0.7, "goodbye": 0.3}, weight=0.5)

    assert ranking == [
        {"name": "greet", "confidence": pytest.approx(0.7)},
        {"name": "goodbye", "confidence": pytest.approx(0.3)},
    ]


@pytest.fixture()
def classifier(
    storage: LocalModelStorage, context: ExecutionContext
) -> AveragingLogisticRegressionClassifier:
    component = AveragingLogisticRegressionClassifier.create(
        {"previous_weight": 0.5}, storage, Resource("ensemble"), context
    )
    examples = [
        featurized(text, intent=intent)
        for intent, texts in {
            "ask_status": ["status", "status status"],
            "greet": ["hej", "hej hej"],
            "goodbye": ["farvel", "farvel farvel"],
        }.items()
        for text in texts
    ]
    component.train(TrainingData(training_examples=examples))
    return component


def test_process_averages_with_the_ranking_diet_left(
    classifier: AveragingLogisticRegressionClassifier,
) -> None:
    unsure_diet = [{"name": "goodbye", "confidence": 0.45}, {"name": "greet", "confidence": 0.4}]
    message = featurized("hej", intent=dict(unsure_diet[0]), intent_ranking=unsure_diet)

    [processed] = classifier.process([message])

    assert processed.get("intent")["name"] == "greet"
    ranking = processed.get("intent_ranking")
    assert {r["name"] for r in ranking} == {"greet", "goodbye", "ask_status"}
    assert sum(r["confidence"] for r in ranking) == pytest.approx(0.5 * 0.85 + 0.5)
    assert ranking[0]["confidence"] == processed.get("intent")["confidence"]


def test_process_keeps_a_sure_diet_prediction(
    classifier: AveragingLogisticRegressionClassifier,
) -> None:
    sure_diet = [{"name": "ask_status", "confidence": 0.99}]
    message = featurized("hej farvel", intent=dict(sure_diet[0]), intent_ranking=sure_diet)

    [processed] = classifier.process([message])

    assert processed.get("intent")["name"] == "ask_status"


def test_process_leaves_messages_without_features_alone(
    classifier: AveragingLogisticRegressionClassifier,
) -> None:
    empty = Message(data={"text": ""})

    assert classifier.process([empty]) == [empty]
    assert empty.get("intent") is None


def test_persisted_classifier_loads_and_predicts_the_same(
    classifier: AveragingLogisticRegressionClassifier,
    storage: LocalModelStorage,
    context: ExecutionContext,
) -> None:
    loaded = AveragingLogisticRegressionClassifier.load(
        {"previous_weight": 0.5}, storage, Resource("ensemble"), context
    )

    [original] = classifier.process([featurized("farvel")])
    [again] = loaded.process([featurized("farvel")])

    assert again.get("intent_ranking") == original.get("intent_ranking")
    assert again.get("intent")["name"] == "goodbye"
