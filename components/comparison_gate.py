"""Rasa NLU component: a comparison needs two sides.

``compare_kommuner`` answers "Hvad gør Norddjurs og Mariagerfjord for de unge?" or "ligger
Morsø over landsgennemsnittet?". The classifier also picks it for one-kommune questions
that merely sound evaluative ("Lever Norddjurs op til målet om …?", "Rykker Norddjurs sig
på …?"). When the message names fewer than two kommuner and has no word that makes a
comparison (sammenlign, end, i forhold til, landsgennemsnit, kommunerne, …), or compares one
kommune's goal with the country ("klarer Norddjurs sig bedre end landet på 6.3?" – the
goal's status, which gives the national figure), this component
drops ``compare_kommuner`` from the ranking and rescales the rest to sum as before (the
ranking given that it is not a comparison), so the next intent takes its place and the
``FallbackClassifier`` after it decides whether that is sure enough.

The other way round, small talk (a greeting, thanks, "er du en robot?") never names a
kommune to compare with: when the classifier hears small talk in "er det flere end i
Gentofte?", the small-talk intent is dropped the same way, and the next intent or the
fallback – both of which continue the previous question as a comparison – takes over.

Before either, the kommune entities get the names Jobindsats uses ("vesthimmerland" →
Vesthimmerlands, "taastrup" → Høje-Taastrup; :func:`canonical_kommune_values`): this is the
first component after the entity extractors.
"""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    EXTRACTOR,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from planbot.comparison import GOAL_WORDS, NATIONAL_ENTITY_VALUE
from planbot.kommune_names import AMBIGUOUS_KOMMUNER, canonical_kommune

# Words for kommuner side by side: "kommunerne", "på tværs", "nabokommunerne" (not "min nabo").
_SIDE_BY_SIDE = r"kommuner|tværs|tvaers|nabo(?:kommun|by|omr)\w*"
# Words that compare with something besides the one kommune named (also without æ/ø/å).
COMPARISON_WORDS = re.compile(
    r"sammenlign|forhold til|\bift\b|\bend\b|\bvs\b|versus|forskel|\bligner\b|\blige (?:godt|så|saa)\b"
    rf"|{_SIDE_BY_SIDE}|landet|landsplan|landsgennemsnit|gennemsnit|landstal"
    r"|\bandre\b|\bbegge\b|\bresten\b|\bde tre\b|\balle tre\b|\bhvilken af\b|\bhvem af\b"
    r"|\bbedre\b|\bværre\b|\bvaerre\b|\bdårligere\b|\bdaarligere\b|\bdarligere\b",
    re.IGNORECASE,
)


# Words that put several kommuner side by side ("hvilken af kommunerne har flest mål?"); not
# "både", which puts anything side by side ("både dårlig ryg og angst").
SEVERAL_KOMMUNER = re.compile(
    rf"{_SIDE_BY_SIDE}|\bbegge\b|\bde tre\b|\balle tre\b|\bhvilken af\b|\bhvem af\b",
    re.IGNORECASE,
)


def names_two_sides(text: str, kommuner: set[str]) -> bool:
    """True when the message names two kommuner, or compares one with something else and
    is not about one of its goals ("klarer Norddjurs sig bedre end landet på 6.3?"). The
    country counts as a side only with a word that compares ("kom til Danmark som flygtning
    … bor i Norddjurs" is a story, not a comparison)."""
    places = {k for k in kommuner if k.lower() != NATIONAL_ENTITY_VALUE.lower()}
    if len(places) >= 2 or SEVERAL_KOMMUNER.search(text):
        return True
    if len(kommuner) >= 2 and COMPARISON_WORDS.search(text):
        return True
    return bool(COMPARISON_WORDS.search(text)) and not GOAL_WORDS.search(text)


def kommune_forms(message: Message, place_entity: str, lookup_extractor: str) -> set[str]:
    """The kommuner of :func:`named_kommuner` and how the message writes them ("Grenaa",
    "ND" for Norddjurs), for the checks that read the message's words; not for counting."""
    text = message.get(TEXT) or ""
    forms = named_kommuner(message, place_entity, lookup_extractor)
    for entity in message.get(ENTITIES) or []:
        start, end = entity.get(ENTITY_ATTRIBUTE_START), entity.get(ENTITY_ATTRIBUTE_END)
        value = str(entity.get(ENTITY_ATTRIBUTE_VALUE))
        if (canonical_kommune(value) or value) in forms and isinstance(start, int) and isinstance(end, int):
            forms.add(text[start:end])
    return forms


# a name that is also an ordinary word, written with a capital after another word of the
# same sentence ("Og hvordan ser det ud i Vejen lige nu?") or in any case before "kommune"
# ("jeg bor i vejen kommune"): there it can only be the name
_NAME_MID_SENTENCE = re.compile(
    r"(?<=[\w,;:–-] )(" + "|".join(sorted(AMBIGUOUS_KOMMUNER)) + r")(?:s|'s|’s)?\b"
    r"|(?i:\b(" + "|".join(sorted(AMBIGUOUS_KOMMUNER)) + r")(?=\s+kommune))"
)


def capitalised_ambiguous_kommuner(message: Message, place_entity: str) -> None:
    """Tag "Vejen", "Greve", "Odder" and "Tønder" as kommuner where written with a capital
    inside a sentence or, in any case, before "kommune". The lookup table leaves them out (they are ordinary words) and the
    classifier tags them only where its training examples had them."""
    text = message.get(TEXT) or ""
    entities = list(message.get(ENTITIES) or [])
    added = False
    for match in _NAME_MID_SENTENCE.finditer(text):
        start, end = match.span()
        name = match.group(1) or canonical_kommune(match.group(2), close=False) or match.group(2)
        if any(
            isinstance(e.get(ENTITY_ATTRIBUTE_START), int)
            and e[ENTITY_ATTRIBUTE_START] < end
            and start < (e.get(ENTITY_ATTRIBUTE_END) or 0)
            for e in entities
        ):
            continue
        entities.append(
            {
                ENTITY_ATTRIBUTE_TYPE: place_entity,
                ENTITY_ATTRIBUTE_VALUE: name,
                ENTITY_ATTRIBUTE_START: start,
                ENTITY_ATTRIBUTE_END: end,
                EXTRACTOR: "ComparisonNeedsTwoSides",
            }
        )
        added = True
    if added:
        message.set(ENTITIES, entities, add_to_output=True)


_KOMMUNE_AFTER = re.compile(r"\s+kommune", re.IGNORECASE)


# Jobindsats' month code in a message ("ledighedspct. Egedal 2025M01"): its year is the
# period asked about; the classifier may tag the whole code as a goal or an indicator
_PERIOD_CODE = re.compile(r"\b((?:19|20)\d{2})[Mm](?:0[1-9]|1[0-2])\b")


def period_code_years(message: Message, year_entity: str = "year") -> None:
    """Tag the year of a month code ("2025M01" → year 2025) and drop the classifier's other
    entities on the code."""
    text = message.get(TEXT) or ""
    codes = list(_PERIOD_CODE.finditer(text))
    if not codes:
        return
    entities = list(message.get(ENTITIES) or [])

    def on_code(entity: dict[str, Any]) -> bool:
        start, end = entity.get(ENTITY_ATTRIBUTE_START), entity.get(ENTITY_ATTRIBUTE_END)
        return (
            isinstance(start, int)
            and isinstance(end, int)
            and any(start < code.end() and code.start() < end for code in codes)
        )

    kept = [e for e in entities if not on_code(e)]
    for code in codes:
        kept.append(
            {
                ENTITY_ATTRIBUTE_TYPE: year_entity,
                ENTITY_ATTRIBUTE_VALUE: code.group(1),
                ENTITY_ATTRIBUTE_START: code.start(1),
                ENTITY_ATTRIBUTE_END: code.end(1),
                EXTRACTOR: "ComparisonNeedsTwoSides",
            }
        )
    message.set(ENTITIES, kept, add_to_output=True)


def canonical_kommune_values(message: Message, place_entity: str) -> None:
    """Give each kommune entity the name Jobindsats uses ("vesthimmerland" → Vesthimmerlands,
    "noerddjurs" → Norddjurs), so that the tracker and the checks after this see one name;
    a name that is also an ordinary word keeps its value when written in lowercase ("vejen"),
    unless "kommune" follows it."""
    text = message.get(TEXT) or ""
    entities = message.get(ENTITIES) or []
    changed = False
    for entity in entities:
        if entity.get(ENTITY_ATTRIBUTE_TYPE) != place_entity:
            continue
        value = str(entity.get(ENTITY_ATTRIBUTE_VALUE))
        canonical = canonical_kommune(value)
        if canonical is None or canonical == value:
            continue
        start = entity.get(ENTITY_ATTRIBUTE_START)
        written = text[start : start + 1] if isinstance(start, int) else ""
        end = entity.get(ENTITY_ATTRIBUTE_END)
        before_kommune = isinstance(end, int) and bool(_KOMMUNE_AFTER.match(text[end:]))
        if canonical in AMBIGUOUS_KOMMUNER and not written.isupper() and not before_kommune:
            continue
        entity[ENTITY_ATTRIBUTE_VALUE] = canonical
        changed = True
    if changed:
        message.set(ENTITIES, entities, add_to_output=True)


def named_kommuner(message: Message, place_entity: str, lookup_extractor: str) -> set[str]:
    """The kommuner a message names: those the lookup table found, and those only DIET
    found when written with a capital (the lookup table leaves out names that are also
    ordinary words, "Odder", "Vejen"; DIET also tags the odd ordinary word, "den lige vej"),
    and lowercase spellings that are exactly a kommune's name or part of it ("høje taastrup",
    :func:`planbot.kommune_names.canonical_kommune`); by their canonical names."""
    text = message.get(TEXT) or ""
    names = set()
    for entity in message.get(ENTITIES) or []:
        if entity.get(ENTITY_ATTRIBUTE_TYPE) != place_entity:
            continue
        start, end = entity.get(ENTITY_ATTRIBUTE_START), entity.get(ENTITY_ATTRIBUTE_END)
        initial = text[start : start + 1] if isinstance(start, int) else ""
        written = text[start:end] if isinstance(start, int) and isinstance(end, int) else ""
        value = str(entity.get(ENTITY_ATTRIBUTE_VALUE))
        if entity.get(EXTRACTOR) == lookup_extractor or initial.isupper():
            names.add(canonical_kommune(value) or value)
            continue
        # a lowercase spelling the lookup table lacks ("høje taastrup", "vesthimmerland")
        # but that is exactly a kommune's name, part of its name or its name without the s
        exact = canonical_kommune(written, close=False)
        if exact is not None and exact not in AMBIGUOUS_KOMMUNER:
            names.add(exact)
    return names


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class ComparisonNeedsTwoSides(GraphComponent, IntentClassifier):
    """Replaces ``compare_kommuner`` by the next intent when nothing is compared."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """The comparison intent and the entity that names a kommune."""
        return {
            "comparison_intent": "compare_kommuner",
            "place_entity": "kommune",
            "lookup_extractor": "RegexEntityExtractor",
            # intents that never compare kommuner, however a comparison fragment sounds
            "small_talk_intents": ["greet", "goodbye", "thank", "bot_challenge", "help"],
        }

    def __init__(self, config: dict[str, Any]) -> None:
        self._config = {**self.get_default_config(), **config}

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> ComparisonNeedsTwoSides:
        """The component (it has nothing to train)."""
        return cls(config)

    def _kommuner(self, message: Message) -> set[str]:
        return named_kommuner(message, self._config["place_entity"], self._config["lookup_extractor"])

    def _wrong_intent(self, message: Message) -> str | None:
        """The predicted intent (or the runner-up) if it cannot be right: a one-sided
        comparison, or small talk that names a kommune and compares with something."""
        name = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        text = message.get(TEXT) or ""
        if name == self._config["comparison_intent"]:
            return None if names_two_sides(text, self._kommuner(message)) else name
        if name in self._config["small_talk_intents"]:
            return name if self._kommuner(message) and COMPARISON_WORDS.search(text) else None
        # a one-sided comparison as the runner-up would make the FallbackClassifier see a tie
        # ("hvad er morso kommunes maal for folk der er arbejdsløse": list_goals 0.42, compare 0.41)
        ranking = message.get(INTENT_RANKING_KEY) or []
        runner_up = ranking[1].get(INTENT_NAME_KEY) if len(ranking) > 1 else None
        if runner_up == self._config["comparison_intent"] and not names_two_sides(
            text, self._kommuner(message)
        ):
            return runner_up
        return None

    def process(self, messages: list[Message]) -> list[Message]:
        """Give the kommune entities their canonical names, then take the next intent for
        one-sided "comparisons" and comparing small talk, and drop a one-sided comparison
        from second place."""
        for message in messages:
            capitalised_ambiguous_kommuner(message, self._config["place_entity"])
            canonical_kommune_values(message, self._config["place_entity"])
            period_code_years(message)
            wrong = self._wrong_intent(message)
            if wrong is None:
                continue
            full = message.get(INTENT_RANKING_KEY) or []
            ranking = [dict(r) for r in full if r.get(INTENT_NAME_KEY) != wrong]
            rest = sum(r.get(PREDICTED_CONFIDENCE_KEY) or 0.0 for r in ranking)
            if not ranking or rest <= 0:
                continue
            for entry in ranking:  # the ranking given that it is not this intent
                entry[PREDICTED_CONFIDENCE_KEY] = (entry.get(PREDICTED_CONFIDENCE_KEY) or 0.0) / rest
            message.set(INTENT, dict(ranking[0]), add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
