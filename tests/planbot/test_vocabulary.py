"""The plan vocabulary that decides whether a message is about the plans at all."""

import pytest

from planbot.text import _lemma
from planbot.vocabulary import NUMBER, DomainVocabulary, text_forms, token_forms

PLAN_QUESTIONS = [
    "hvordan går det med ledigheden",
    "hvilke mål har kommunen for samtaler med virksomhederne",
    "hvad gør jobcentret for unge uden uddannelse",
    "hvor mange flygtninge er i beskæftigelse",
]


def forms_of(text: str) -> list[frozenset[str]]:
    """Token forms as the Rasa component builds them (word and lemma per token)."""
    return [f for f in (token_forms(w, _lemma(w)) for w in text.split()) if f]


@pytest.fixture(scope="module")
def vocabulary() -> DomainVocabulary:
    examples = [forms_of(q) for q in PLAN_QUESTIONS] + [text_forms("dagpengemodtagere")]
    return DomainVocabulary.learn(examples, places={"aarhus", "arhus", "morso"})


def test_token_forms_fold_lemmatise_and_drop_stopwords() -> None:
    assert token_forms("Virksomhederne", "virksomhed") == {"virksomhederne", "virksomhed"}
    assert token_forms("Målet", "mål") == {"malet", "mal"}
    assert token_forms("hvordan", "hvordan") == frozenset()
    assert token_forms("6.3") == {NUMBER}
    assert token_forms("!") == frozenset()


@pytest.mark.parametrize(
    "message",
    [
        "hvorfor er himlen blå",
        "hvordan anmelder jeg rotter i haven",
        "hvad kan jeg lave i Aarhus i weekenden",  # a kommune name does not make it a plan question
        "bestil en pizza",
    ],
)
def test_messages_without_plan_words_are_off_topic(vocabulary: DomainVocabulary, message: str) -> None:
    assert vocabulary.is_off_topic(forms_of(message))


@pytest.mark.parametrize(
    "message",
    [
        "hvordan går det med ledigheden i Aarhus",
        "Hvordan gaar det med ledigheden",  # without å
        "hvad med ledighedn",  # typo: one letter missing
        "hvad med virksomhederen",  # typo: one letter different
        "hvad med samtaleforløbene",  # compound beginning with a plan word
        "hvad med langtidsledigheden",  # compound ending with a plan word
        "hvad med dagpengemodtager",  # lookup entry, truncated
        "hvad er status på 6.3",  # goal code
        "og Morsø?",  # only a kommune: not off-topic, the conversation decides
        "hvad så?",  # only stopwords
        "",
    ],
)
def test_plan_questions_typos_and_fragments_are_not_off_topic(
    vocabulary: DomainVocabulary, message: str
) -> None:
    assert not vocabulary.is_off_topic(forms_of(message))


def test_short_words_are_not_guessed(vocabulary: DomainVocabulary) -> None:
    # "mal" is a plan word; "mel" is not a typo of it – too short to guess
    assert vocabulary.knows("mal") and not vocabulary.knows("mel")


def test_kommune_names_are_neutral_even_if_seen_in_plan_questions() -> None:
    vocabulary = DomainVocabulary.learn([forms_of("ledigheden i Aarhus")], places={"aarhus"})
    assert not vocabulary.knows("aarhus")
    assert vocabulary.unknown_forms(forms_of("vejret i Aarhus")) == ["vejr"]


def test_round_trip_through_json_form(vocabulary: DomainVocabulary) -> None:
    again = DomainVocabulary.from_dict(vocabulary.to_dict())
    assert again.words == vocabulary.words and again.places == vocabulary.places
