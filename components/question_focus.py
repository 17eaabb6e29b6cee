"""Rasa NLU component: an unsure message with a preamble is classified by its question.

Users put context before the question ("Jeg er lige blevet valgt ind i
kommunalbestyrelsen. Hvad er det for spørgsmål, du kan besvare?"). The preamble's words
pull DIET and the logistic regression towards other intents, and the message falls under
the fallback threshold although the question alone is clear. Training on generated
preambles was tried and made the classifier worse (README, *Målinger*).

This component runs right after the ``FallbackClassifier``. When the message has more
than one sentence (:func:`planbot.text.question_sentences`) or was typed without æ, ø, å
("hvad goer i for unge", "galder"), it classifies the question sentence alone,
respelt with the Danish letters its vocabulary knows, with its own small model – TF-IDF
over character 2–5-grams and words, and a logistic regression, trained on the same
examples. A fallen-back message takes that intent when the model is at least
``threshold`` sure; for a message the classifier was sure of, the two rankings are
averaged and a different best intent is taken only when the average is at least
``threshold``. Entities stay those of the whole message (the kommune is often in the
preamble). One-sentence messages with Danish letters pass unchanged.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from components.intent_ensemble import averaged_ranking
from planbot.text import question_sentences, with_danish_letters

logger = logging.getLogger(__name__)

MODEL_FILE = "question_classifier.skops"
QUESTION_KEY = "question_sentence"  # in the parse result: the sentence that was classified
RANKING_SIZE = 10  # intents kept in the ranking, as Rasa's classifiers keep by default


def sentence_classifier(c: float = 10.0, random_state: int = 42) -> Pipeline:
    """TF-IDF over character 2–5-grams and word uni-/bigrams, then a logistic regression."""
    features = FeatureUnion(
        [
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)),
            (
                "words",
                TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b\w+\b"),
            ),
        ]
    )
    return Pipeline(
        [
            ("features", features),
            ("classifier", LogisticRegression(C=c, max_iter=2000, random_state=random_state)),
        ]
    )


def _is_library_type(name: str) -> bool:
    return name.split(".")[0] in {"sklearn", "numpy", "scipy", "builtins"}


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class QuestionSentenceClassifier(GraphComponent, IntentClassifier):
    """Classifies the question sentence of an unsure message with a preamble."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """How sure the sentence model must be, and its regularisation."""
        return {"threshold": 0.5, "C": 10.0, "random_state": 42}

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        model: Pipeline | None = None,
    ) -> None:
        self._config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self.model = model
        self._known_words: frozenset[str] | None = None

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> QuestionSentenceClassifier:
        """An untrained component (it lets everything through until trained)."""
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        """Fit the sentence model on the intent examples."""
        examples = [m for m in training_data.intent_examples if m.get(TEXT) and m.get(INTENT)]
        if len({m.get(INTENT) for m in examples}) < 2:
            return self._resource
        model = sentence_classifier(float(self._config["C"]), int(self._config["random_state"]))
        model.fit([m.get(TEXT).lower() for m in examples], [m.get(INTENT) for m in examples])
        self.model = model
        self._known_words = None
        self.persist()
        return self._resource

    def persist(self) -> None:
        """Save the sentence model in the model storage (skops, as Rasa's own classifiers)."""
        import skops.io as sio

        if self.model is None:
            return
        with self._model_storage.write_to(self._resource) as directory:
            sio.dump(self.model, directory / MODEL_FILE)

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> QuestionSentenceClassifier:
        """Load the sentence model (an untrained component if there is none)."""
        import skops.io as sio

        try:
            with model_storage.read_from(resource) as directory:
                path = directory / MODEL_FILE
                untrusted = sio.get_untrusted_types(file=path)
                foreign = [name for name in untrusted if not _is_library_type(name)]
                if foreign:
                    raise ValueError(f"unexpected types in {MODEL_FILE}: {foreign}")
                model = sio.load(path, trusted=untrusted)
        except (ValueError, FileNotFoundError) as error:
            logger.warning(
                "QuestionSentenceClassifier has no model (%s); it lets every message through.", error
            )
            return cls(config, model_storage, resource)
        return cls(config, model_storage, resource, model)

    def _vocabulary(self) -> frozenset[str]:
        """The words the sentence model was trained on (its word TF-IDF's vocabulary)."""
        if self.model is None:
            return frozenset()
        if self._known_words is None:
            features = self.model.named_steps["features"]
            self._known_words = frozenset(features.transformer_list[1][1].vocabulary_)
        return self._known_words

    def focus(self, text: str, vocabulary: frozenset[str]) -> str | None:
        """What to classify instead of the whole message, or None: the question sentences
        of a message with a preamble, spelt with æ, ø and å where the user wrote them as
        "oe", "aa", "ae" or a plain a/o; or the respelt message alone when it has one sentence."""
        spelled = with_danish_letters(text, vocabulary.__contains__)
        return question_sentences(spelled) or (spelled if spelled != text else None)

    def process(self, messages: list[Message]) -> list[Message]:
        """Give messages with a preamble or respelt letters the intent of their question.

        A fallen-back message takes the sentence model's intent when the model is sure
        enough; for any other message the sentence model's probabilities are averaged with
        the classifier's ranking, and a different best intent is taken when the average is
        sure enough ("Vi talte om uddannelse. Hvad er succeskriteriet for 6.3?")."""
        if self.model is None:
            return messages
        vocabulary = self._vocabulary()
        for message in messages:
            intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
            if not intent:
                continue
            sentence = self.focus(message.get(TEXT) or "", vocabulary)
            if sentence is None:
                continue
            probabilities = self.model.predict_proba([sentence.lower()])[0]
            own = {str(name): float(p) for name, p in zip(self.model.classes_, probabilities, strict=True)}
            fell_back = intent == DEFAULT_NLU_FALLBACK_INTENT_NAME
            previous = [
                r
                for r in message.get(INTENT_RANKING_KEY) or []
                if r.get(INTENT_NAME_KEY) != DEFAULT_NLU_FALLBACK_INTENT_NAME
            ]
            ranking = averaged_ranking([] if fell_back else previous, own, weight=0.5)[:RANKING_SIZE]
            best = ranking[0]
            if (
                best[PREDICTED_CONFIDENCE_KEY] < float(self._config["threshold"])
                or best[INTENT_NAME_KEY] == intent
            ):
                continue
            logger.debug("Question sentence %r classified as %s (was %s)", sentence, best, intent)
            message.set(INTENT, dict(best), add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
            message.set(QUESTION_KEY, sentence, add_to_output=True)
        return messages
