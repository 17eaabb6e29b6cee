"""Rasa NLU component: questions without a single plan word are out of scope.

Runs after the ``FallbackClassifier``. When the predicted intent is a plan intent (or the
fallback after one, or after an unsure ``out_of_scope``) and the message has a content word the plan questions never use and
none that they do ("hvorfor er himlen blå?", "hvordan anmelder jeg rotter i haven?"), the
intent becomes ``out_of_scope``. The vocabulary is learnt in training from the examples of
the plan intents and the lookup tables; see :mod:`planbot.vocabulary` for the rules.
Messages with extracted entities (other than a kommune) or masked personal data are left
alone: the entity is a plan word, and a CPR number belongs to the privacy answer.

Whatever the intent (except the privacy intents), requests the assistant recognisably
cannot serve – write a speech, tell a joke, a bare sum, and English when the classifier
was unsure – become ``out_of_scope`` too (:mod:`planbot.off_topic`), and a message that
ends the conversation ("super, tak for det. vi ses") becomes ``goodbye``, a request to be put through to a person ("giv mig en rigtig
person") becomes ``human_handoff`` unless the classifier was sure of ``personal_case``, a
question what the assistant can do ("hvilke spørgsmål kan du svare på?") becomes ``help``
and a message that only thanks ("den er god, tak") ``thank`` (:mod:`planbot.social`), a question what a recognised term means ("hvad menes der
med benchmark?") becomes ``define_term`` (:mod:`planbot.definition_request`), and a
comparison of kommuner ("er det flere end i Jammerbugt?", "flere på kontanthjælp på
Bornholm end i Slagelse?") becomes ``compare_kommuner`` and a message that only names a
kommune ("Morsø, selvfølgelig") ``inform_kommune`` (:mod:`planbot.comparison`); a message
that names two kommuner and compares them is ``compare_kommuner`` too. A question that
begins "går det godt med …" or asks "hvordan det står til med …" becomes ``ask_status``
when the classifier heard another goal or plan question in it, and so does an overview of
one named goal (:mod:`planbot.status_request`). A question how goals are followed up
("hvordan Mariagerfjord følger op på målene") becomes ``ask_follow_up`` over the other
goal and plan intents (:mod:`planbot.follow_up_request`). "når de det?" asks for the
status whatever was heard, "hvornår betragter man det som nået?" asks for the target, and
an unsure "hvad bliver der gjort for unge?" is
``ask_initiatives`` (:mod:`planbot.initiatives_request`), "passer det at 35 % …?" is
``ask_fact`` (:mod:`planbot.fact_request`), "kan du uddybe det?" without an entity is
``ask_more`` (:mod:`planbot.more_request`), "hvor er det beskrevet?" without an entity is
``ask_source`` (:mod:`planbot.source_request`), an unsure choice between the list of
goals and their overview without a word of progress is ``list_goals``, a plan question that names one goal code
is ``goal_detail``, "hvad måles der præcist på?" heard as follow-up is the goal too
(:mod:`planbot.goal_request`), and an unsure figures question about a kommune without a plan
("hvor mange var arbejdsløse i vesthimmerland i marts 2024") is ``ask_jobindsats``.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import rasa.shared.utils.io
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.comparison_gate import kommune_forms, named_kommuner
from planbot.comparison import (
    COMPARISON_CUE,
    GOAL_WORDS,
    NATIONAL_ENTITY_VALUE,
    NATIONAL_IN_TEXT,
    compares_the_places_in_play,
    is_comparison_text,
    is_goal_number,
    is_place_answer,
    names_a_plan_with_the_place,
    without_who_is_there,
)
from planbot.definition_request import (
    asks_directly_what_term_is,
    asks_for_a_difference,
    asks_for_definition,
    glossary_term_in,
    glossary_term_spans,
    names_the_term_in_the_question,
)
from planbot.fact_request import asks_for_an_amount, asks_to_check_a_figure
from planbot.follow_up_request import FOLLOW_UP_CAN_REPLACE, asks_about_follow_up, asks_for_the_data
from planbot.goal_request import (
    LETTER_CODE_IN_TEXT,
    asks_for_its_target,
    asks_how_a_goal_is_delimited,
    asks_only_what_is_measured,
    asks_what_a_goal_is_about,
    asks_what_is_measured,
    asks_which_goals,
    without_what_it_is_about,
)
from planbot.initiatives_request import (
    asks_for_people_like,
    asks_what_is_done,
    asks_what_is_set_in_motion,
    asks_which_groups_it_is_for,
)
from planbot.kommune_names import kommuner_with_plans
from planbot.more_request import asks_for_more
from planbot.off_topic import off_topic_kind
from planbot.periods import names_only_a_period
from planbot.plan_request import (
    asks_about_approval,
    asks_about_the_plan_of_ones_kommune,
    asks_about_the_plan_period,
    asks_what_the_plan_is_about,
    asks_whether_a_plan_exists,
    asks_who_is_responsible,
    names_only_another_plan,
)
from planbot.privacy import asks_about_own_case, contains_masked_data
from planbot.social import (
    asks_for_a_person,
    asks_to_be_called,
    asks_what_it_can_do,
    asks_whom_to_contact,
    is_bare_greeting,
    is_farewell,
    is_greeting_with_introduction,
    is_thanks,
    remark_after_greeting,
    requests_a_person,
)
from planbot.source_request import asks_for_the_source, names_the_plan_it_is_in
from planbot.status_request import (
    asks_for_an_overview,
    asks_for_status_outright,
    asks_how_a_named_goal_stands,
    asks_how_it_goes,
    asks_how_the_goals_go,
    asks_if_reached,
    asks_status_of_the_goal_in_play,
    asks_when_reached,
    mentions_progress,
    refers_to_one_goal,
)
from planbot.text import first_of_several_questions, fold, fold_plain
from planbot.vocabulary import NON_PLAN_INTENTS, DomainVocabulary, lookup_forms, token_forms

logger = logging.getLogger(__name__)

VOCABULARY_FILE = "domain_vocabulary.json"
# "hvor mange går på kontanthjælp", "hvor høj er ledigheden": a figure asked for
_HOW_MANY = re.compile(r"\bhvor\s+(?:mange|stor|hoj|hojt)\b")
# "hvad gør kommunen for de unge": what the kommune (not "I", the user's own jobcenter) does for
# a group in general
_FOR_A_GROUP = re.compile(
    r"\b(?:kommunen|jobcentret|jobcenteret)\s+(?:\w+\s+){0,2}?(?:for|til)\s+(?:de|os|folk|borgere|personer|familier)\b"
)
# "har kommunen nogen mål for …", "hvad har jobcentret af mål": the kommune asked about
_KOMMUNE_AS_DOER = re.compile(r"\b(?:kommunen|kommunens|jobcentret|jobcenteret|jobcentrets)\b")
# "… med den/det/dem": a goal or term in play, not only a place
_WITH_IT = re.compile(r"\bmed\s+(?:den|det|dem|dette|denne)\b")


def _asks_how_it_goes_with_it(text: str) -> bool:
    """ "og hvordan går det med den i Norddjurs?": how the goal or term in play goes, not only
    a new place for the previous question."""
    return bool(_WITH_IT.search(fold(text))) and asks_how_it_goes(text)


# "status ND", "status på Morsø?", "status for Mariagerfjord": a kommune's status, nothing else
_STATUS_OF = re.compile(
    r"^\W*status\s+(?:pa\s+|på\s+|for\s+|i\s+)?(?P<place>[\w-]+)(?:\s+kommune)?\W*$", re.IGNORECASE
)


def message_forms(message: Message) -> list[frozenset[str]]:
    """The forms of each token of a tokenised message (text and lemma)."""
    tokens = message.get(TOKENS_NAMES[TEXT]) or []
    return [forms for forms in (token_forms(t.text, t.lemma) for t in tokens) if forms]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class DomainVocabularyGate(GraphComponent, IntentClassifier):
    """Turns plan intents into ``out_of_scope`` for messages without plan words."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """Intent names and the lookup table of the neutral kommune names."""
        return {
            # the intent the gate predicts
            "out_of_scope_intent": "out_of_scope",
            # intents that are not plan questions: neither learnt from nor gated
            "ungated_intents": list(NON_PLAN_INTENTS),
            # lookup table and entity whose values (kommune names) are neutral
            "place_lookup": "kommune",
            "place_entity": "kommune",
            # intents whose answer (the jobcenter, a person) beats an off-topic request or a farewell
            "protected_intents": ["personal_case", "human_handoff"],
            "own_case_intent": "personal_case",
            # protected only when the message asks for a person (planbot.social.asks_for_a_person);
            # also the intent of a request to be put through to one (planbot.social.requests_a_person)
            "handoff_intent": "human_handoff",
            # the intent of a question what the assistant can do (planbot.social.asks_what_it_can_do)
            "help_intent": "help",
            # the intent of a message that only thanks (planbot.social.is_thanks)
            "thank_intent": "thank",
            # the intent of a greeting that says who the user is (planbot.social.is_greeting_with_introduction)
            "greet_intent": "greet",
            # the intent of a message that ends the conversation ("tak for det. vi ses")
            "farewell_intent": "goodbye",
            # the intent of a question what a recognised term means, and the term's entity
            "definition_intent": "define_term",
            "term_entity": "term",
            "goal_code_entity": "goal_code",
            # a comparison of kommuner, and the figures question it is often taken for
            "comparison_intent": "compare_kommuner",
            "figures_intent": "ask_jobindsats",
            # the entity that names a Jobindsats figure ("ledighed", "kontanthjælp")
            "indicator_entity": "indicator",
            "place_intent": "inform_kommune",  # also the intent of a bare kommune name
            # torn between a list of goals and their status overview, without a word of
            # progress: the list (planbot.status_request.mentions_progress)
            "list_intent": "list_goals",
            # a question how a goal is going (planbot.status_request), and the intents it replaces
            "status_intent": "ask_status",
            "status_can_replace": [
                "ask_initiatives",
                "ask_target",
                "goal_detail",
                "list_goals",
                "ask_fact",
                "ask_follow_up",
                "ask_plan_info",
                # a how-it-goes question after a story, heard as "er du en robot?"
                "bot_challenge",
            ],
            # an overview of one named goal is that goal's status; entities that name a goal
            "overview_intent": "ask_overview",
            "goal_entities": ["goal_code", "theme", "target_group", "indicator"],
            # a question how goals are followed up (planbot.follow_up_request), and the intents it replaces
            "follow_up_intent": "ask_follow_up",
            "follow_up_can_replace": list(FOLLOW_UP_CAN_REPLACE),
            # a question when a goal counts as reached (planbot.status_request), and the intents it replaces
            "target_intent": "ask_target",
            # what counts in a goal (planbot.goal_request.asks_how_a_goal_is_delimited), and the
            # intents it replaces
            "goal_delimited_can_replace": ["ask_status", "ask_target", "ask_overview", "define_term"],
            "target_can_replace": [
                "ask_status",
                "goal_detail",
                "ask_overview",
                "ask_fact",
                "list_goals",
                "ask_plan_info",
                "ask_source",  # "baseline?" after a goal
            ],
            # a figure to check against the plans (planbot.fact_request), and the intents it replaces:
            # not the figures, goal and privacy questions, which have numbers of their own
            "fact_intent": "ask_fact",
            "fact_can_replace": [
                "out_of_scope",
                "list_goals",
                "goal_detail",
                "ask_plan_info",
                "ask_initiatives",
                "ask_follow_up",
                "ask_more",
                "ask_source",
                "define_term",
                "greet",
                "help",
                "bot_challenge",
                "thank",
                "goodbye",
                "inform_kommune",
            ],
            # a request for more about the last answer (planbot.more_request)
            "more_intent": "ask_more",
            # a short question where the last answer comes from (planbot.source_request)
            "source_intent": "ask_source",
            # a bare period fragment ("og nu?") heard as small talk goes to the fallback action,
            # which continues the previous question (planbot.answers.as_follow_up)
            "fallback_intent": "nlu_fallback",
            "small_talk_intents": ["greet", "goodbye", "thank", "bot_challenge", "help", "out_of_scope"],
            # a plan question that names one goal code is that goal's description
            "plan_intent": "ask_plan_info",
            "goal_detail_intent": "goal_detail",
            # an unsure question what is done for a group (planbot.initiatives_request)
            "initiatives_intent": "ask_initiatives",
            "lookup_extractor": "RegexEntityExtractor",
        }

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        vocabulary: DomainVocabulary | None = None,
    ) -> None:
        self._config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self.vocabulary = vocabulary

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> DomainVocabularyGate:
        """An untrained gate (it lets everything through until trained)."""
        return cls(config, model_storage, resource)

    def _is_gated(self, intent: str | None) -> bool:
        return bool(intent) and intent not in self._config["ungated_intents"]

    def train(self, training_data: TrainingData) -> Resource:
        """Learn the plan words from the plan intents' examples and the lookup tables."""
        tables = [
            (table.get("name"), table.get("elements"))
            for table in training_data.lookup_tables
            if isinstance(table.get("elements"), list)
        ]
        places, examples = lookup_forms(tables, self._config["place_lookup"])
        for message in training_data.intent_examples:
            if self._is_gated(message.get(INTENT)):
                examples.append(message_forms(message))
        self.vocabulary = DomainVocabulary.learn(examples, places)
        self.persist()
        return self._resource

    def persist(self) -> None:
        """Save the vocabulary as JSON in the model."""
        if self.vocabulary is None:
            return
        with self._model_storage.write_to(self._resource) as directory:
            rasa.shared.utils.io.dump_obj_as_json_to_file(
                directory / VOCABULARY_FILE, self.vocabulary.to_dict()
            )

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> DomainVocabularyGate:
        """Load the trained vocabulary (an untrained gate if there is none)."""
        try:
            with model_storage.read_from(resource) as directory:
                data = rasa.shared.utils.io.read_json_file(directory / VOCABULARY_FILE)
        except (ValueError, FileNotFoundError):
            logger.warning("DomainVocabularyGate has no vocabulary; it lets every message through.")
            return cls(config, model_storage, resource)
        return cls(config, model_storage, resource, DomainVocabulary.from_dict(data))

    def _classified_intent(self, message: Message) -> str | None:
        """The intent the classifier chose (the one under the fallback, if any)."""
        ranking = message.get(INTENT_RANKING_KEY) or []
        intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        if intent == DEFAULT_NLU_FALLBACK_INTENT_NAME and len(ranking) > 1:
            return ranking[1].get(INTENT_NAME_KEY)
        return intent

    @staticmethod
    def _fell_back(message: Message) -> bool:
        """Whether the FallbackClassifier replaced the classifier's intent."""
        return (message.get(INTENT) or {}).get(INTENT_NAME_KEY) == DEFAULT_NLU_FALLBACK_INTENT_NAME

    def _goal_codes(self, message: Message) -> set[str]:
        """The goal codes among the message's entities; a bare number above 9 is none ("min
        søn på 19": an age, comparison.is_goal_number)."""
        return {
            str(e.get(ENTITY_ATTRIBUTE_VALUE))
            for e in message.get(ENTITIES) or []
            if e.get(ENTITY_ATTRIBUTE_TYPE) == self._config["goal_code_entity"]
            and is_goal_number(str(e.get(ENTITY_ATTRIBUTE_VALUE)))
        }

    def _privacy_chosen(self, message: Message) -> bool:
        """Whether the classifier chose a privacy intent (the jobcenter, a person) and was
        sure of it: an unsure guess at one does not stop the place and definition rules."""
        classified = self._classified_intent(message)
        return classified in self._config["protected_intents"] and not self._fell_back(message)

    def _handoff_without_a_person(self, message: Message) -> bool:
        """Whether the classifier heard a request for a person in a message that names none
        ("… har morso nogen maal for folk med handicap i job"): the handoff can give way."""
        return self._classified_intent(message) == self._config["handoff_intent"] and not asks_for_a_person(
            message.get(TEXT) or ""
        )

    def _off_topic_request(self, message: Message) -> str | None:
        """The kind of recognisable off-topic request (task, sum, another service, English), if any."""
        classified = self._classified_intent(message)
        text = message.get(TEXT) or ""
        if contains_masked_data(text):
            return None
        kind = off_topic_kind(text, unsure=self._fell_back(message))
        if kind == "service" and remark_after_greeting(text) is not None:
            return None  # "Godmorgen! Kaffen er skænket …": a greeting and a remark, asking nothing
        # a privacy answer (the jobcenter) beats a request only when the message brings up the
        # user's own case ("skriv en ansøgning om min ydelse"), the handoff only when the message
        # asks for a person; "kan du ikke også lige skrive et udkast til min tale?" heard as the
        # own case is a task, and a question about another service ("min mor skal have
        # hjemmepleje") is out of scope
        if (
            kind != "service"
            and self._privacy_chosen(message)  # an unsure guess at one does not ("hvad er 17 gange 23")
            and (
                asks_for_a_person(text)
                if classified == self._config["handoff_intent"]
                else asks_about_own_case(text)
            )
        ):
            return None
        return kind

    def _off_topic_forms(self, message: Message) -> list[frozenset[str]] | None:
        """The message's token forms if it should become out_of_scope, else None."""
        if self.vocabulary is None:
            return None
        classified = self._classified_intent(message)
        fell_back = self._fell_back(message)
        # unsure, with out_of_scope among the two best guesses ("bliver det solskin i weekenden":
        # goodbye, then out_of_scope): the vocabulary decides, as for plan intents
        guesses = [r.get(INTENT_NAME_KEY) for r in message.get(INTENT_RANKING_KEY) or []][1:3]
        unsure_out_of_scope = fell_back and self._config["out_of_scope_intent"] in guesses
        if not (self._is_gated(classified) or unsure_out_of_scope):
            return None
        if contains_masked_data(message.get(TEXT)):
            return None
        entities = message.get(ENTITIES) or []
        if any(e.get(ENTITY_ATTRIBUTE_TYPE) != self._config["place_entity"] for e in entities):
            return None
        forms = message_forms(message)
        return forms if self.vocabulary.is_off_topic(forms) else None

    def _person_request(self, message: Message) -> bool:
        """A request to be put through to a person ("robotter er irriterende, giv mig en rigtig
        person") that the classifier heard as something else, often ``bot_challenge``. A sure
        ``personal_case`` and a message with masked personal data keep the privacy answer."""
        text = message.get(TEXT) or ""
        whom = asks_whom_to_contact(text) and not contains_masked_data(text)
        if (asks_to_be_called(text) or whom) and not asks_about_own_case(text):
            # "kan i ikke bare ringe mig op på [telefonnummer fjernet]": a person, with the
            # privacy reminder the answer adds for the masked number
            return True
        if self._privacy_chosen(message):
            return False
        return not contains_masked_data(text) and requests_a_person(text)

    def _capability_question(self, message: Message) -> bool:
        """A question what the assistant can help with ("Inden jeg går i gang: hvilke slags
        spørgsmål er du bygget til at besvare?") heard as something else, often
        ``bot_challenge``; a sure privacy intent keeps its answer."""
        return not self._privacy_chosen(message) and asks_what_it_can_do(message.get(TEXT) or "")

    def _farewell(self, message: Message) -> bool:
        """A message that ends the conversation ("super, tak for det. vi ses")."""
        if self._classified_intent(message) in self._config["protected_intents"]:
            return False
        text = message.get(TEXT) or ""
        return not contains_masked_data(text) and is_farewell(text)

    def _thanks(self, message: Message) -> bool:
        """A message that only thanks ("den er god, tak", "tak, det kan jeg bruge i min tale")
        heard as something else or unsure – also as the user's own case, since only thanks and
        acknowledgement words are left and no training example of a privacy intent is one."""
        text = message.get(TEXT) or ""
        return not contains_masked_data(text) and is_thanks(text)

    def _greeting(self, message: Message) -> bool:
        """A greeting and who the user is, with no question yet, a greeting and a remark that
        names nothing ("Davs. Har et hurtigt et"), or only a greeting with words around it ("God
        morgen derude") heard as something else than leave-taking, unless a sure privacy intent."""
        text = message.get(TEXT) or ""
        if self._privacy_chosen(message):
            return False
        if is_greeting_with_introduction(text):
            return True
        # "God aften" heard as a goodbye may end the conversation: only other guesses give way
        leave_taking = self._classified_intent(message) in (
            self._config["farewell_intent"],
            self._config["thank_intent"],
        )
        if leave_taking:
            return False
        # "Godmorgen, planassistent! Kaffen er skænket …", "Davs. Har et hurtigt et": a greeting
        # and a remark that names nothing (no kommune, group, goal, term …), before the question
        if remark_after_greeting(text) is not None and not message.get(ENTITIES):
            return True
        return is_bare_greeting(text)

    def _definition_request(self, message: Message) -> bool:
        """A question what a recognised term means ("hvad menes der med benchmark?").

        The privacy intents win only when the classifier chose them; an unsure guess at
        ``personal_case`` ("og hvad er igu så, min nabo snakker om det") does not. A term
        the entity missed because it is inflected ("hvad ligger der i udtrykket
        'ministermålene'?") counts with a definition cue. "hvad er <term> for noget" asked
        directly beats a sure ``personal_case`` ("hvad er fgu for noget min søn har fået
        foreslået") unless the message has masked personal data."""
        entities = message.get(ENTITIES) or []
        types = {e.get(ENTITY_ATTRIBUTE_TYPE) for e in entities}
        text = message.get(TEXT) or ""
        spans = [
            (e[ENTITY_ATTRIBUTE_START], e[ENTITY_ATTRIBUTE_END])
            for e in entities
            if e.get(ENTITY_ATTRIBUTE_TYPE) == self._config["term_entity"]
            and isinstance(e.get(ENTITY_ATTRIBUTE_START), int)
            and isinstance(e.get(ENTITY_ATTRIBUTE_END), int)
        ]
        if len(spans) >= 2 and asks_for_a_difference(text) and not self._privacy_chosen(message):
            # "Forskel på aktivitetsparat og jobparat? (til en ny kollega)"
            return not contains_masked_data(text)
        if self._goal_codes(message):
            # "1.2 og 1.3 følges op pba. jobindsats.dk – hvad er jobindsats.dk for en størrelse?":
            # a term asked about directly, whatever goals the message names first
            return not contains_masked_data(text) and names_the_term_in_the_question(text, spans)
        if self._config["term_entity"] not in types and not self._privacy_chosen(message):
            return glossary_term_in(text) and asks_for_definition(text)
        if self._privacy_chosen(message):
            # also a term the entity missed ("i ressource forløb, hvad betyder det overhovedet")
            return not contains_masked_data(text) and (
                asks_directly_what_term_is(text, spans)
                or asks_directly_what_term_is(fold(text), glossary_term_spans(text))
            )
        # "Der står noget om branchespor i den gamle strategi. Hvad er det helt præcist?"
        return asks_for_definition(text, spans) or asks_directly_what_term_is(text, spans)

    def _comparison(self, message: Message) -> bool:
        """A message that compares kommuner: a fragment that only names the other side
        ("er det flere end i Jammerbugt?", "hvad med i forhold til hele landet?"; left alone
        when the classifier heard a new place for the previous question), a message that
        names two kommuner and compares them, or a figures question that compares a
        kommune with the country ("er ledigheden i Morsø højere end i hele landet?")."""
        if self._privacy_chosen(message):
            return False
        classified = self._classified_intent(message)
        text = message.get(TEXT) or ""
        places = named_kommuner(message, self._config["place_entity"], self._config["lookup_extractor"])
        written = kommune_forms(message, self._config["place_entity"], self._config["lookup_extractor"])
        if len(places) < 2 and refers_to_one_goal(text):
            # "hvordan ligger vi på det ift. landstallet?": the goal in play, whose target is
            # set against the country, not a comparison of places
            return False
        # also when heard as another place for the previous question ("er det flere end i nyborg")
        if is_comparison_text(text, sorted(written)):
            return True
        if compares_the_places_in_play(text):
            return True
        if not COMPARISON_CUE.search(text):
            return False
        # two kommuner and "i forhold til" compare them, whatever the classifier heard
        # ("Hvordan ligger Odder i forhold til Vejen, når vi ser på kontanthjælp?")
        if len({p.lower() for p in places} - {NATIONAL_ENTITY_VALUE.lower()}) >= 2:
            return True
        sides = len(places) + (1 if NATIONAL_IN_TEXT.search(text) else 0)
        return classified == self._config["figures_intent"] and sides >= 2

    def _place_answer(self, message: Message) -> bool:
        """A message that only names a kommune ("Morsø, selvfølgelig", "frederikshavn?"), also
        with who the user knows there ("og i Odder, hvor min kæreste arbejder?") – which
        beats a guess at the user's own case unless the message has personal data or
        brings up the case."""
        text = message.get(TEXT) or ""
        place_only = without_who_is_there(text)
        # "MFJ, 24-27" (heard as the user's own case) names a plan: no case of the user's
        plan_named = names_a_plan_with_the_place(text)
        if self._privacy_chosen(message) and (
            (place_only == text and not plan_named) or contains_masked_data(text) or asks_about_own_case(text)
        ):
            return False
        if _asks_how_it_goes_with_it(text):
            return False  # "og hvordan går det med den i Norddjurs?": the goal or term in play
        places = kommune_forms(message, self._config["place_entity"], self._config["lookup_extractor"])
        places |= self._known_places_typed_plainly(message)
        return is_place_answer(place_only, sorted(places))

    def _known_places_typed_plainly(self, message: Message) -> set[str]:
        """Kommune entities only DIET found, in lower case, that are a known kommune typed
        with a plain a for æ ("hvad me nastved"): the lookup table and
        :func:`named_kommuner` miss them."""
        if self.vocabulary is None:
            return set()
        # the places are folded already; fold_plain on them only turns "ae" into "a"
        known = {fold_plain(place) for place in self.vocabulary.places}
        text = message.get(TEXT) or ""
        typed = set()
        for entity in message.get(ENTITIES) or []:
            if entity.get(ENTITY_ATTRIBUTE_TYPE) != self._config["place_entity"]:
                continue
            start, end = entity.get(ENTITY_ATTRIBUTE_START), entity.get(ENTITY_ATTRIBUTE_END)
            # as typed: the value may have its canonical name already ("Næstved")
            written = text[start:end] if isinstance(start, int) and isinstance(end, int) else ""
            for form in (written, str(entity.get(ENTITY_ATTRIBUTE_VALUE))):
                if form and fold_plain(form) in known:
                    typed.add(form)
        return typed

    def _status_question(self, message: Message) -> bool:
        """A question how a goal is going ("går det godt med at få flere flygtninge i
        arbejde?", "hvordan det står til med …") that the classifier heard as another goal or
        plan question, or was unsure of (also between status and initiatives); an overview
        of one named goal or of the goal in play ("hvordan står det til med den?"); and
        "når de det?" whatever was heard but a privacy intent. Small talk, figures and
        comparisons otherwise keep their intent. How one is told how it goes ("hvordan
        bliver vi orienteret om, hvordan det går?") is a follow-up question instead, and a
        status asked for outright ("status på 1.3 til opfølgningsnotatet") heard as
        follow-up is a status question."""
        classified = self._classified_intent(message)
        text = message.get(TEXT) or ""
        if asks_what_a_goal_is_about(text) and not mentions_progress(without_what_it_is_about(text)):
            return False  # "hvordan er resultatmålet så formuleret?": the goal's wording
        if classified == self._config["follow_up_intent"] and asks_for_status_outright(text):
            # "skal bruge status på 1.3 til opfølgningsnotatet": the status, not its reporting
            return not self._privacy_chosen(message)
        if asks_about_follow_up(text):
            return False
        if (
            asks_if_reached(text)
            or asks_status_of_the_goal_in_play(text)
            or asks_how_a_named_goal_stands(text)
        ):
            # "når de det?", "har du aktuel status på den?": whatever the classifier heard, but a
            # privacy intent
            return not self._privacy_chosen(message)
        if classified == self._config["overview_intent"] and not (
            self._fell_back(message) and asks_how_it_goes(text)
        ):
            # an overview of one goal is its status ("overblik over mål 6.10", "hvordan det
            # står til med de ordinære timer", "… med den?"); of a kommune or a range it stays
            entities = message.get(ENTITIES) or []
            codes = self._goal_codes(message)
            names_goal = any(e.get(ENTITY_ATTRIBUTE_TYPE) in self._config["goal_entities"] for e in entities)
            return len(codes) == 1 or (names_goal and asks_how_it_goes(text)) or refers_to_one_goal(text)
        # "og hvordan går det med den i Norddjurs?" (a goal or term in play) heard as a place
        if classified == self._config["place_intent"]:
            return _asks_how_it_goes_with_it(text)
        # "hvordan ligger vi på det ift. landstallet?" heard as a comparison: the goal in play
        if classified == self._config["comparison_intent"]:
            places = named_kommuner(message, self._config["place_entity"], self._config["lookup_extractor"])
            return len(places) < 2 and refers_to_one_goal(text) and asks_how_it_goes(text)
        # also when unsure of anything ("Inden mødet … vil jeg gerne vide, hvordan det går med målet …")
        if classified not in self._config["status_can_replace"] and not self._fell_back(message):
            return False
        return asks_how_it_goes(text)

    def _kommune_status(self, message: Message) -> bool:
        """ "status ND", "status på Morsø?": the status of a kommune's goals, an overview, not
        one goal named "ND"."""
        text = message.get(TEXT) or ""
        match = _STATUS_OF.search(text)
        if match is None or self._privacy_chosen(message):
            return False
        forms = kommune_forms(message, self._config["place_entity"], self._config["lookup_extractor"])
        return fold_plain(match.group("place")) in {fold_plain(f) for f in forms}

    def _all_goals_status(self, message: Message) -> bool:
        """ "går det egentlig godt med de mål, kommunen har sat sig?": how all the goals go,
        whatever the classifier heard but a privacy intent; "hvordan ser overblikket ud?"
        when it was unsure."""
        if (
            self._privacy_chosen(message)
            or self._classified_intent(message) == self._config["comparison_intent"]
        ):
            return False
        text = message.get(TEXT) or ""
        # "Overblik MFJ, kort tak" heard as thanks: an overview of the kommune named
        small_talk = self._classified_intent(message) in self._config["small_talk_intents"]
        named = small_talk and bool(
            named_kommuner(message, self._config["place_entity"], self._config["lookup_extractor"])
        )
        return asks_how_the_goals_go(text) or (
            (self._fell_back(message) or named) and asks_for_an_overview(text)
        )

    def _goals_to_list(self, message: Message) -> bool:
        """ "Må jeg få en oversigt over de mål, der står i vores plan?": the classifier torn
        between the list of goals and their status overview, and no word of how far the goals
        have come – the list."""
        if not self._fell_back(message):
            return False
        ranking = [r.get(INTENT_NAME_KEY) for r in message.get(INTENT_RANKING_KEY) or []][1:3]
        torn = {self._config["list_intent"], self._config["overview_intent"]}
        return set(ranking) == torn and not mentions_progress(message.get(TEXT) or "")

    def _approval_question(self, message: Message) -> bool:
        """ "ND BP2024 – hvornår og af hvem er den godkendt?", "hvem har ansvaret for den?": a
        plan's approval or committee, whatever the classifier heard in the shorthand, unless it
        chose a privacy intent."""
        text = message.get(TEXT) or ""
        return not self._privacy_chosen(message) and (
            asks_about_approval(text) or asks_who_is_responsible(text)
        )

    def _goal_measure(self, message: Message) -> bool:
        """ "mål 6.12 – hvad er det præcis der måles på?" that the classifier was unsure of:
        the goal, which says what it measures, when the message names one goal code or none
        (the goal in play, "Hvad er det egentlig, det mål måler?"). Heard as
        a follow-up question ("ND 6.4 – hvad måles der præcist på?", "hvad er det præcist den
        måler?" about the goal in play), it is the goal too unless it asks how often, by whom
        or on which data (planbot.goal_request.asks_only_what_is_measured)."""
        text = message.get(TEXT) or ""
        codes = self._goal_codes(message)
        if self._fell_back(message):
            # "Hvad er det egentlig, det mål måler?": the goal in play when no code is named
            return (len(codes) == 1 and asks_what_is_measured(text)) or (
                not codes and asks_only_what_is_measured(text)
            )
        return (
            self._classified_intent(message)
            in (self._config["follow_up_intent"], self._config["target_intent"])
            and len(codes) <= 1
            and asks_only_what_is_measured(text)
        )

    def _goal_delimited(self, message: Message) -> bool:
        """ "hvad tæller som de største virksomheder i den sammenhæng?", "hvordan er 'de største
        virksomheder' afgrænset i 6.8?": what counts in a goal, which its description says,
        heard as its status, its target, an overview or a term, or unsure; not a figure's or
        a fact's definition ("hvordan er ledigheden opgjort?")."""
        heard = self._classified_intent(message)
        replaceable = heard in self._config["goal_delimited_can_replace"] or self._fell_back(message)
        return (
            replaceable
            and not self._privacy_chosen(message)
            and asks_how_a_goal_is_delimited(message.get(TEXT) or "")
        )

    def _names_an_indicator(self, message: Message) -> bool:
        """Whether the message names a Jobindsats indicator (an entity)."""
        entities = message.get(ENTITIES) or []
        return any(e.get(ENTITY_ATTRIBUTE_TYPE) == self._config["indicator_entity"] for e in entities)

    def _figures_after_a_story(self, message: Message) -> bool:
        """ "min kæreste og jeg overvejer at flytte til solrød. hvor mange går på kontanthjælp
        derude?" heard as the user's own case: a figure for a named kommune, when the message
        brings up no case of the user's and has no personal data."""
        if self._classified_intent(message) != self._config["own_case_intent"]:
            return False
        text = message.get(TEXT) or ""
        if not self._names_an_indicator(message):
            return False
        places = named_kommuner(message, self._config["place_entity"], self._config["lookup_extractor"])
        return (
            bool(places)
            and bool(_HOW_MANY.search(fold(text)))
            and not asks_about_own_case(text)
            and not contains_masked_data(text)
        )

    def _figures_without_a_plan(self, message: Message) -> bool:
        """ "hvor mange var arbejdsløse i vesthimmerland i marts 2024", torn between a figure
        from the plans and one from Jobindsats: a kommune without a plan has only the latter,
        when the message names a figure (an indicator) and no goal or plan; so has a figure
        from the plans asked for such a kommune ("hvor mange var paa kontanthjælp i nordfyns i
        2023")."""
        if self._fell_back(message):
            ranking = message.get(INTENT_RANKING_KEY) or []
            if self._config["figures_intent"] not in {r.get(INTENT_NAME_KEY) for r in ranking[1:3]}:
                return False
        elif self._classified_intent(message) != self._config["fact_intent"]:
            return False
        if not self._names_an_indicator(message):
            return False
        text = message.get(TEXT) or ""
        places = named_kommuner(message, self._config["place_entity"], self._config["lookup_extractor"])
        places -= {NATIONAL_ENTITY_VALUE}
        if not places or places & kommuner_with_plans():
            return False
        return not GOAL_WORDS.search(text) and "plan" not in fold_plain(text)

    def _amount_question(self, message: Message) -> bool:
        """ "og hvor meget var der i rammen samlet set?", "… STU – hvor stort et beløb drejede det
        sig om?": an amount, heard as an overview, a plan question or a term's definition,
        when no word asks how far goals have come."""
        heard = self._classified_intent(message)
        replaceable = (
            self._config["overview_intent"],
            self._config["plan_intent"],
            self._config["definition_intent"],
        )
        text = message.get(TEXT) or ""
        return heard in replaceable and asks_for_an_amount(text) and not mentions_progress(text)

    def _another_plan(self, message: Message) -> bool:
        """ "og i den gamle plan?", "hvad med notatet?": a plan named by its kind or age and
        nothing else, which the classifier may hear as off-topic or a place; a plan question,
        which the action answers as the previous question about that plan."""
        if self._privacy_chosen(message):
            return False
        return names_only_another_plan(message.get(TEXT) or "")

    def _plan_of_ones_kommune(self, message: Message) -> bool:
        """ "jeg vil gerne vide hvad planen er for min kommune": the plan, also over a guess at
        the user's own case ("min"), unless the message brings up the case or personal data."""
        text = message.get(TEXT) or ""
        return (
            asks_about_the_plan_of_ones_kommune(text)
            and not asks_about_own_case(text)
            and not contains_masked_data(text)
        )

    def _plan_exists_question(self, message: Message) -> bool:
        """ "har odsherred ogsaa en beskaeftigelsesplan": a plan question (the answer says which
        kommuner the assistant has plans for), whatever the classifier heard but privacy."""
        return not self._privacy_chosen(message) and asks_whether_a_plan_exists(message.get(TEXT) or "")

    def _plan_period_question(self, message: Message) -> bool:
        """ "hvilke år gælder den for?", "… hvilken periode gjaldt det for?": the plan's period,
        whatever the classifier heard but privacy."""
        return not self._privacy_chosen(message) and asks_about_the_plan_period(message.get(TEXT) or "")

    def _plan_content_question(self, message: Message) -> bool:
        """ "hvad gaar beskæftigelsesplanen i mariager fjord egentlig ud paa": what a plan is
        about, heard as a goal, an overview or initiatives, or unsure."""
        heard = self._classified_intent(message)
        replaceable = (
            self._config["goal_detail_intent"],
            self._config["list_intent"],
            self._config["overview_intent"],
            self._config["initiatives_intent"],
        )
        if heard not in replaceable and not self._fell_back(message):
            return False
        if self._privacy_chosen(message) or self._goal_codes(message):
            return False
        return asks_what_the_plan_is_about(message.get(TEXT) or "")

    def _its_target(self, message: Message) -> bool:
        """ "hvad er målet for det?": the target of what was just shown, whatever the classifier
        heard in the few words (a privacy intent it chose aside)."""
        return not self._privacy_chosen(message) and asks_for_its_target(message.get(TEXT) or "")

    def _goal_described(self, message: Message) -> bool:
        """ "det med socialt bedrageri, hvad går det ud på?": what a goal is about (or its
        wording, "ordlyd på 6.11"), heard as its status, an overview, the list of goals or a
        term the message does not name, or unsure, when no word asks how far it has come."""
        heard = self._classified_intent(message)
        status_like = heard in (self._config["status_intent"], self._config["overview_intent"])
        text = message.get(TEXT) or ""
        # "hvad betyder det med udsatte ledige" heard as a term the message does not name
        types = {e.get(ENTITY_ATTRIBUTE_TYPE) for e in message.get(ENTITIES) or []}
        no_term = (
            heard == self._config["definition_intent"]
            and self._config["term_entity"] not in types
            and not glossary_term_in(text)
        )
        # "… har et maal om socialt bedrageri hvad gaar det ud paa" heard as the list of goals
        listed = heard == self._config["list_intent"] and not asks_which_goals(text)
        if not (status_like or listed or no_term or self._fell_back(message)) or self._privacy_chosen(
            message
        ):
            return False
        return asks_what_a_goal_is_about(text) and not mentions_progress(without_what_it_is_about(text))

    def _goals_asked_for(self, message: Message) -> bool:
        """ "har kommunen nogen mål for os fleksjobbere?", "hvad er målene for jobcenteret på
        Morsø?": which goals there are, heard as a status, overview, plan or target question,
        as a handoff without a word of a person (or unsure), when no word asks how far they
        have come and no goal code is named."""
        heard = self._classified_intent(message)
        replaceable = (
            self._config["status_intent"],
            self._config["overview_intent"],
            self._config["plan_intent"],
            # "hvad er målene på integrationsområdet" heard as one goal's target
            self._config["target_intent"],
            # "hvad har kommunen af mål for at få folk i arbejde" heard as what is done, "… hvad
            # er kommunens mål på beskæftigelsesområdet i mariagerfjord så" as only a kommune
            self._config["initiatives_intent"],
            self._config["place_intent"],
            # "hvad er målene på integrationsområdet" heard as one goal described
            self._config["goal_detail_intent"],
            # "… bor i ringsted. hvad har ringsted kommune af maal for ledige?" heard as figures
            self._config["figures_intent"],
            # "Har norddjurs nogle mål for hvor mange unge der tager en uddannelse?" heard as a fact
            self._config["fact_intent"],
        )
        text = message.get(TEXT) or ""
        # "… har morso nogen maal for at faa folk med handicap i job" heard as a handoff
        handoff_without_person = self._handoff_without_a_person(message)
        # "min bror er i fleksjob … har kommunen nogen mål for folk i fleksjob?": the kommune's
        # goals after a story about someone else, heard as the user's own case
        story_then_goals = (
            heard == self._config["own_case_intent"]
            and _KOMMUNE_AS_DOER.search(fold(text)) is not None
            and not asks_about_own_case(text)
            and not contains_masked_data(text)
            and not requests_a_person(text)
        )
        if not (
            heard in replaceable or handoff_without_person or story_then_goals or self._fell_back(message)
        ):
            return False
        if self._privacy_chosen(message) and not (handoff_without_person or story_then_goals):
            return False
        if asks_when_reached(text):
            # "hvad er kommunens mål for, hvor mange samtaler de ledige skal have?": one target
            return False
        return asks_which_goals(text) and not self._goal_codes(message) and not mentions_progress(text)

    def _target_question(self, message: Message) -> bool:
        """A question when a goal counts as reached ("Hvornår betragter man det som nået?")
        that the classifier heard as its status, description or an overview, or was unsure of."""
        classified = self._classified_intent(message)
        if classified not in self._config["target_can_replace"] and not self._fell_back(message):
            return False
        return not self._privacy_chosen(message) and asks_when_reached(message.get(TEXT) or "")

    def _figure_check(self, message: Message) -> bool:
        """ "passer det at 35 % på Mors kun har folkeskolen?": a figure to check against the
        plans, heard (also under the fallback) as something else than a figures, goal or
        privacy question."""
        text = message.get(TEXT) or ""
        heard = self._classified_intent(message)
        # a handoff heard in "… 90 procent er tilfredse med jobcentret, er det rigtigt" that
        # asks for no person is a figure to check
        handoff_without_person = self._handoff_without_a_person(message)
        if (self._privacy_chosen(message) and not handoff_without_person) or contains_masked_data(text):
            return False  # a CPR number or a phone number belongs to the privacy answer
        # a status question that names no goal checks a figure too ("er det rigtigt at
        # a-kassen tager de første 3 måneder?"); one about a goal keeps its status answer
        goal_less_status = heard == self._config["status_intent"] and not GOAL_WORDS.search(text)
        if (
            heard not in self._config["fact_can_replace"]
            and not goal_less_status
            and not handoff_without_person
            and not self._fell_back(message)
        ):
            return False
        return asks_to_check_a_figure(text)

    def _more_request(self, message: Message) -> bool:
        """ "Kan du uddybe, hvad de penge skulle gå til?": more about the last answer, when
        the message names nothing of its own (no entity) and no privacy intent was chosen."""
        if self._privacy_chosen(message) or message.get(ENTITIES):
            return False
        return asks_for_more(message.get(TEXT) or "")

    def _source_request(self, message: Message) -> bool:
        """ "Hvor er det beskrevet?": where the last answer comes from, heard as something else
        ("er det …" as "er du en robot?"), when the message names nothing of its own but
        the kommune whose plan "it" stands in."""
        text = message.get(TEXT) or ""
        entities = message.get(ENTITIES) or []
        only_the_kommune = all(e.get(ENTITY_ATTRIBUTE_TYPE) == self._config["place_entity"] for e in entities)
        if self._privacy_chosen(message) or (
            entities and not (only_the_kommune and names_the_plan_it_is_in(text))
        ):
            return False
        return asks_for_the_source(text)

    def _goal_code_in_a_plan_question(self, message: Message) -> bool:
        """ "hvad dækker mål 7 i Morsøs beskæftigelsesplan over?": a plan question that names
        one goal code is about that goal; so is one that asks what a lettered goal of the
        strategy is about ("A1 i arbejdsmarkedsstrategien, hvad går den ud på?")."""
        if self._classified_intent(message) != self._config["plan_intent"]:
            return False
        text = message.get(TEXT) or ""
        lettered = bool(LETTER_CODE_IN_TEXT.search(text)) and asks_what_a_goal_is_about(text)
        return len(self._goal_codes(message)) == 1 or lettered

    def _initiatives_question(self, message: Message) -> bool:
        """A question what is done for a group ("hvad bliver der gjort for unge som ham") that
        the classifier was unsure of, heard as only a kommune ("og hvad gør de på Mors med
        fgu"), as a question about the plan ("hvilke omprioriteringer lægger notatet op
        til?") or as a handoff without a word of a person ("… hvad gør Mariagerfjord for
        folk som mig"); what is set in motion ("hvad sætter de i værk for de unge?") heard
        as a goal list or a target question; and what is done heard as a question about goals
        that names no goal code ("… gør kommunen overhovedet noget for sådan nogle unge?");
        and what there is for people like someone, also over the user's own case ("min søn er
        droppet ud af gym, hvad har I på Mors til sådan nogle som ham"), unless the message
        has personal data or brings up the case itself."""
        text = message.get(TEXT) or ""
        classified = self._classified_intent(message)
        if (
            asks_for_people_like(text)
            and (classified in self._config["protected_intents"] or self._fell_back(message))
            and not asks_for_a_person(text)
            and not contains_masked_data(text)
            and not asks_about_own_case(text)
        ):
            return True
        goal_question = classified in (
            self._config["list_intent"],
            self._config["target_intent"],
            self._config["goal_detail_intent"],
        )
        if goal_question and asks_what_is_set_in_motion(text):
            return True
        if (
            classified == self._config["own_case_intent"]
            and asks_what_is_done(text)
            and (
                named_kommuner(message, self._config["place_entity"], self._config["lookup_extractor"])
                # "min søn … hvad goer kommunen for de unge?": a group, not the user, is asked about
                or _FOR_A_GROUP.search(fold(text))
            )
            and not requests_a_person(text)
            and not contains_masked_data(text)
            and not asks_about_own_case(text)
        ):
            # "hej jeg er 23 …, min sagsbehandler snakker om fgu. hvad goer norddjurs for de unge":
            # a story, then what a named kommune does, heard as the own case
            return True
        names_a_goal = bool(self._goal_codes(message))
        heard_otherwise = (
            classified in (self._config["place_intent"], self._config["plan_intent"])
            or self._handoff_without_a_person(message)
            or (goal_question and not names_a_goal)
            # "… har kommunen noget med opkvalificering eller kurser" heard as a status
            or (
                classified == self._config["status_intent"]
                and not mentions_progress(text)
                and not names_a_goal
            )
        )
        if (self._fell_back(message) or heard_otherwise) and asks_what_is_done(text):
            return True
        # whom an initiative is for, heard as its follow-up ("… hvilke målgrupper, og hvornår
        # går sporet i gang?"), a term or a goal question
        heard_as_about_it = classified in (
            self._config["follow_up_intent"],
            self._config["definition_intent"],
            self._config["plan_intent"],
            self._config["fact_intent"],
        )
        return (
            (self._fell_back(message) or heard_as_about_it or (goal_question and not names_a_goal))
            and asks_which_groups_it_is_for(text)
            and not self._privacy_chosen(message)
        )

    def _follow_up_question(self, message: Message) -> bool:
        """A question how goals are followed up ("hvordan Mariagerfjord følger op på målene")
        that the classifier heard as another goal or plan question."""
        heard = self._classified_intent(message)
        if heard not in self._config["follow_up_can_replace"] and not self._fell_back(message):
            return False
        text = message.get(TEXT) or ""
        # "Hvilke mål har Norddjurs for de unge? Og hvem følger op på dem?": the first ask decides
        text = first_of_several_questions(text) or text
        return not self._privacy_chosen(message) and asks_about_follow_up(text)

    def _period_fragment(self, message: Message) -> bool:
        """ "og nu?", "i 2023 da?" heard as small talk (a goodbye, a greeting): a fragment that
        only names a period, for the fallback action to continue the previous question."""
        heard = self._classified_intent(message)
        return heard in self._config["small_talk_intents"] and names_only_a_period(message.get(TEXT) or "")

    def _data_question(self, message: Message) -> bool:
        """ "Og hvilke data bygger det på?" heard as where the last answer comes from (or unsure):
        the data a goal is followed up on."""
        heard = self._classified_intent(message)
        if heard != self._config["source_intent"] and not self._fell_back(message):
            return False
        return asks_for_the_data(message.get(TEXT) or "")

    def _override(self, message: Message) -> str | None:
        """The intent the message should have instead of the classifier's, if any."""
        intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        request = self._off_topic_request(message)
        if request is not None:
            logger.debug("Off-topic request (%s): %s -> out_of_scope", request, intent)
            return self._config["out_of_scope_intent"]
        rules = (
            ("Request for a person", self._person_request, "handoff_intent"),
            ("What the assistant can do", self._capability_question, "help_intent"),
            ("Only a period", self._period_fragment, "fallback_intent"),
            ("Farewell", self._farewell, "farewell_intent"),
            ("Only thanks", self._thanks, "thank_intent"),
            ("Greeting and introduction", self._greeting, "greet_intent"),
            ("Where the last answer comes from", self._source_request, "source_intent"),
            ("Definition request", self._definition_request, "definition_intent"),
            ("When or by whom a plan was approved", self._approval_question, "plan_intent"),
            ("Another of the kommune's plans", self._another_plan, "plan_intent"),
            ("The plan of the user's kommune", self._plan_of_ones_kommune, "plan_intent"),
            ("Whether a kommune has a plan", self._plan_exists_question, "plan_intent"),
            ("Which period a plan covers", self._plan_period_question, "plan_intent"),
            ("What a plan is about", self._plan_content_question, "plan_intent"),
            ("Only a kommune", self._place_answer, "place_intent"),
            ("Comparison", self._comparison, "comparison_intent"),
            ("The status of a kommune", self._kommune_status, "overview_intent"),
            ("How all the goals go", self._all_goals_status, "overview_intent"),
            ("How a goal is going", self._status_question, "status_intent"),
            ("Goals to list, not their status", self._goals_to_list, "list_intent"),
            ("Which goals there are", self._goals_asked_for, "list_intent"),
            ("What a goal is about", self._goal_described, "goal_detail_intent"),
            ("The target of what was just shown", self._its_target, "target_intent"),
            ("What a named goal measures", self._goal_measure, "goal_detail_intent"),
            ("What counts in a goal", self._goal_delimited, "goal_detail_intent"),
            ("Figures for a kommune without a plan", self._figures_without_a_plan, "figures_intent"),
            ("Figures asked after a story", self._figures_after_a_story, "figures_intent"),
            ("An amount", self._amount_question, "fact_intent"),
            ("When a goal counts as reached", self._target_question, "target_intent"),
            ("How goals are followed up", self._follow_up_question, "follow_up_intent"),
            ("Which data a goal is followed up on", self._data_question, "follow_up_intent"),
            ("More about the last answer", self._more_request, "more_intent"),
            ("One goal in a plan question", self._goal_code_in_a_plan_question, "goal_detail_intent"),
            ("What is done for a group", self._initiatives_question, "initiatives_intent"),
            ("A figure to check", self._figure_check, "fact_intent"),
        )
        for name, applies, intent_key in rules:
            if applies(message):
                logger.debug("%s: %s -> %s", name, intent, self._config[intent_key])
                return str(self._config[intent_key])
        forms = self._off_topic_forms(message)
        if forms is None or self.vocabulary is None:
            return None
        logger.debug(
            "No plan words in the message (unknown: %s): %s -> out_of_scope",
            self.vocabulary.unknown_forms(forms),
            intent,
        )
        return self._config["out_of_scope_intent"]

    def process(self, messages: list[Message]) -> list[Message]:
        """Predict ``out_of_scope`` for off-topic messages, ``goodbye`` for farewells and
        ``define_term`` for questions about a term."""
        for message in messages:
            intent = self._override(message)
            if intent is None:
                continue
            prediction = {INTENT_NAME_KEY: intent, PREDICTED_CONFIDENCE_KEY: 1.0}
            message.set(INTENT, prediction, add_to_output=True)
            ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) != intent]
            message.set(INTENT_RANKING_KEY, [prediction, *ranking], add_to_output=True)
        return messages
