"""Rasa NLU component: average DIET's intent ranking with a logistic regression's.

Runs right after the ``DIETClassifier``. It is Rasa's own ``LogisticRegressionClassifier``
(trained on the same sparse word and character n-gram features), but instead of replacing
DIET's prediction it averages the two probability distributions:
``weight * DIET + (1 - weight) * logistic regression`` per intent (an intent missing from
DIET's top ranking counts as 0). The two models make different mistakes – DIET with its
transformer over word order, the linear model on which words occur at all – so the
average is right more often than either (README, *Målinger*).
"""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.utils.tensorflow.constants import RANKING_LENGTH


def averaged_ranking(
    previous: list[dict[str, Any]], own: dict[str, float], weight: float
) -> list[dict[str, Any]]:
    """Weighted average of a previous ranking and this model's probabilities, best first.

    Args:
        previous: the ranking another classifier left on the message (may be partial or
            empty; with no previous ranking this model's probabilities are kept as they are).
        own: this model's probability per intent.
        weight: share of the previous ranking in the average (0–1).
    """
    earlier = {
        r[INTENT_NAME_KEY]: float(r.get(PREDICTED_CONFIDENCE_KEY) or 0.0)
        for r in previous
        if r.get(INTENT_NAME_KEY)
    }
    if not earlier:
        weight = 0.0
    names = set(earlier) | set(own)
    scores = {name: weight * earlier.get(name, 0.0) + (1.0 - weight) * own.get(name, 0.0) for name in names}
    return [
        {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: score}
        for name, score in sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    ]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class AveragingLogisticRegressionClassifier(LogisticRegressionClassifier):
    """Logistic regression whose probabilities are averaged with the previous classifier's."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """Rasa's logistic regression settings plus the weight of the previous ranking."""
        return {
            **LogisticRegressionClassifier.get_default_config(),
            "max_iter": 1000,
            # share of the previous classifier (DIET) in the average
            "previous_weight": 0.5,
        }

    def process(self, messages: list[Message]) -> list[Message]:
        """Replace the intent and ranking with the average of DIET's and this model's."""
        texts = [m for m in messages if m.get(TEXT) and m.features_present(TEXT)]
        if not texts:
            return messages
        probabilities = self.clf.predict_proba(self._create_X(texts))
        for message, row in zip(texts, probabilities, strict=True):
            own = {str(name): float(p) for name, p in zip(self.clf.classes_, row, strict=True)}
            ranking = averaged_ranking(
                message.get(INTENT_RANKING_KEY) or [], own, float(self.config["previous_weight"])
            )
            if self.config[RANKING_LENGTH] > 0:
                ranking = ranking[: self.config[RANKING_LENGTH]]
            message.set(INTENT, dict(ranking[0]), add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
