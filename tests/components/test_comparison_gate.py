"""A comparison needs two sides (components/comparison_gate.py). Runs in the Rasa environment."""

from __future__ import annotations

import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message

from components.comparison_gate import ComparisonNeedsTwoSides, names_two_sides

RANKING = [
    {"name": "compare_kommuner", "confidence": 0.48},
    {"name": "ask_status", "confidence": 0.46},
    {"name": "list_goals", "confidence": 0.03},
]


def place(value: str, extractor: str = "RegexEntityExtractor", start: int | None = None) -> dict:
    return {"entity": "kommune", "value": value, "extractor": extractor, "start": start}


def classified(text: str, entities: list[dict], ranking: list[dict] = RANKING) -> Message:
    return Message(
        data={"text": text, "intent": dict(ranking[0]), "intent_ranking": list(ranking), "entities": entities}
    )


@pytest.fixture()
def gate(storage: LocalModelStorage, context: ExecutionContext) -> ComparisonNeedsTwoSides:
    return ComparisonNeedsTwoSides.create({}, storage, Resource("gate"), context)


@pytest.mark.parametrize(
    ("text", "kommuner", "expected"),
    [
        ("Hvad gør Norddjurs og Mariagerfjord for de unge?", {"Norddjurs", "Mariagerfjord"}, True),
        ("ligger Morsø over landsgennemsnittet", {"Morsø"}, True),
        ("hvordan er det sammenlignet med norddjurs?", {"Norddjurs"}, True),
        ("er det flere end paa samsø?", {"Samsø"}, True),
        ("hvilken af kommunerne har flest mål", set(), True),
        ("Lever Norddjurs op til målet om samtaler?", {"Norddjurs"}, False),
        ("Rykker Norddjurs sig på målet om ordinære timer?", {"Norddjurs"}, False),
        # one kommune's goal against the country is the goal's status
        ("klarer norddjurs sig bedre end resten af landet på 6.3", {"Norddjurs"}, False),
        ("ligger morsø over landsgennemsnittet på målet om samtaler", {"Morsø"}, False),
        ("hvilke kommuner har det højeste mål for samtaler", set(), True),
        ("har Morsø og Norddjurs samme mål", {"Morsø", "Norddjurs"}, True),
        # "mod" is "against" here, not "versus": one kommune's efforts
        ("hvilke tiltag har Morsø mod socialt bedrageri", {"Morsø"}, False),
        ("min nabo siger at Morsø holder mange samtaler", {"Morsø"}, False),  # a neighbour, not a kommune
        ("ligger Morsø over nabokommunerne", {"Morsø"}, True),
        # "både … og" about oneself compares nothing
        ("jeg bor i Skive og har både gigt og stress, hvad gør de for mig", {"Skive"}, False),
        ("hvordan går det i både Morsø og Skive", {"Morsø", "Skive"}, True),
        # the country in a story is no side; with a word that compares it is
        (
            "Jeg kom til Danmark som flygtning og bor i Norddjurs. Hvilken hjælp har kommunen til flygtninge?",
            {"Hele landet", "Norddjurs"},
            False,
        ),
        ("hvordan ligger Morsø i forhold til Danmark", {"Hele landet", "Morsø"}, True),
    ],
)
def test_names_two_sides(text: str, kommuner: set[str], expected: bool) -> None:
    assert names_two_sides(text, kommuner) is expected


def test_one_sided_comparison_takes_the_next_intent_given_it_is_no_comparison(
    gate: ComparisonNeedsTwoSides,
) -> None:
    message = classified("Lever Norddjurs op til målet om samtaler?", [place("Norddjurs")])
    gate.process([message])
    assert message.get("intent")["name"] == "ask_status"
    assert message.get("intent")["confidence"] == pytest.approx(0.46 / 0.49)
    ranking = message.get("intent_ranking")
    assert [r["name"] for r in ranking] == ["ask_status", "list_goals"]
    assert [r["confidence"] for r in ranking] == pytest.approx([0.46 / 0.49, 0.03 / 0.49])


def test_two_kommuner_stay_a_comparison(gate: ComparisonNeedsTwoSides) -> None:
    message = classified(
        "Hvordan klarer Norddjurs og Morsø samtalerne?", [place("Norddjurs"), place("Morsø")]
    )
    gate.process([message])
    assert message.get("intent")["name"] == "compare_kommuner"


def test_an_ordinary_word_tagged_as_kommune_is_not_a_second_side(gate: ComparisonNeedsTwoSides) -> None:
    # DIET tagged "vej" in "den lige vej" as a kommune; the lookup table found only Mariagerfjord.
    entities = [
        place("Mariagerfjord"),
        place("Mariagerfjord", "DIETClassifier"),
        place("vej", "DIETClassifier"),
    ]
    message = classified("Hvad gør Mariagerfjord for de unge, der ikke går den lige vej?", entities)
    gate.process([message])
    assert message.get("intent")["name"] == "ask_status"


def test_other_intents_are_left_alone(gate: ComparisonNeedsTwoSides) -> None:
    ranking = [{"name": "ask_status", "confidence": 0.7}, {"name": "list_goals", "confidence": 0.2}]
    message = classified("Hvordan går det i Norddjurs?", [place("Norddjurs")], ranking)
    gate.process([message])
    assert message.get("intent") == {"name": "ask_status", "confidence": 0.7}
    assert len(message.get("intent_ranking")) == 2


def test_a_one_sided_comparison_in_second_place_is_dropped(gate: ComparisonNeedsTwoSides) -> None:
    # otherwise the FallbackClassifier sees a tie between the goal list and a comparison
    ranking = [
        {"name": "list_goals", "confidence": 0.42},
        {"name": "compare_kommuner", "confidence": 0.41},
        {"name": "ask_initiatives", "confidence": 0.06},
    ]
    message = classified("hvad er morso kommunes maal for arbejdsløse", [place("Morsø")], ranking)
    gate.process([message])
    assert [r["name"] for r in message.get("intent_ranking")] == ["list_goals", "ask_initiatives"]
    assert message.get("intent")["confidence"] == pytest.approx(0.42 / 0.48)
    # two sides keep it
    both = classified("hvad er Morsøs mål i forhold til Skive?", [place("Morsø"), place("Skive")], ranking)
    gate.process([both])
    assert "compare_kommuner" in [r["name"] for r in both.get("intent_ranking")]


def test_a_name_only_diet_knows_counts_when_written_as_a_name(gate: ComparisonNeedsTwoSides) -> None:
    # "Odder" is left out of the lookup table (also an animal); DIET found it, capitalised.
    text = "ligger Skanderborg og Odder tæt på hinanden i ledighed?"
    entities = [place("Skanderborg", start=7), place("Odder", "DIETClassifier", start=text.index("Odder"))]
    message = classified(text, entities)
    gate.process([message])
    assert message.get("intent")["name"] == "compare_kommuner"


SMALL_TALK = [
    {"name": "bot_challenge", "confidence": 0.44},
    {"name": "ask_status", "confidence": 0.16},
    {"name": "inform_kommune", "confidence": 0.14},
]


def test_small_talk_that_compares_with_a_kommune_takes_the_next_intent(gate: ComparisonNeedsTwoSides) -> None:
    message = classified("er det flere end i gentofte?", [place("Gentofte")], SMALL_TALK)
    gate.process([message])
    assert message.get("intent")["name"] == "ask_status"
    assert [r["name"] for r in message.get("intent_ranking")] == ["ask_status", "inform_kommune"]


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        ("er du bedre end et menneske?", []),  # compares, but names no kommune
        ("hej fra Gentofte", [place("Gentofte")]),  # names a kommune, compares nothing
    ],
)
def test_small_talk_stays_small_talk(gate: ComparisonNeedsTwoSides, text: str, entities: list[dict]) -> None:
    message = classified(text, entities, SMALL_TALK)
    gate.process([message])
    assert message.get("intent")["name"] == "bot_challenge"


def test_kommune_values_get_their_canonical_names_and_lowercase_names_count(
    gate: ComparisonNeedsTwoSides,
) -> None:
    text = "hvor mange er på kontanthjælp i fredensborg og i høje taastrup? hvem har flest"
    entities = [
        place("Fredensborg", start=text.index("fredensborg")),
        {
            "entity": "kommune",
            "value": "taastrup",
            "extractor": "DIETClassifier",
            "start": text.index("taastrup"),
            "end": text.index("taastrup") + 8,
        },
        {"entity": "kommune", "value": "vejen", "extractor": "DIETClassifier", "start": 0, "end": 5},
    ]
    ranking = [{"name": "compare_kommuner", "confidence": 0.6}, {"name": "ask_jobindsats", "confidence": 0.4}]
    message = classified(text, entities, ranking)
    gate.process([message])
    values = [e["value"] for e in message.get("entities")]
    assert values == ["Fredensborg", "Høje-Taastrup", "vejen"]  # "vejen" is also the road
    assert message.get("intent")["name"] == "compare_kommuner"  # two sides


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Og hvordan ser det ud i Vejen lige nu?", ["Vejen"]),
        ("hvad er ledigheden i Greve, og i Odder?", ["Greve", "Odder"]),
        ("hvor mange er ledige i Tønders opland", ["Tønder"]),
        ("Vejen til job er lang", []),  # first word of the sentence: the road
        ("hvad gør de for at vise vejen til job", []),  # lowercase: the road
        ("tallene for Vejenø", []),
    ],
)
def test_a_name_that_is_an_ordinary_word_counts_with_a_capital_inside_a_sentence(
    gate: ComparisonNeedsTwoSides, text: str, expected: list[str]
) -> None:
    ranking = [{"name": "ask_jobindsats", "confidence": 0.9}, {"name": "ask_status", "confidence": 0.1}]
    message = classified(text, [], ranking)
    gate.process([message])
    found = [e for e in message.get("entities") or []]
    assert [e["value"] for e in found] == expected
    for entity in found:
        assert text[entity["start"] : entity["end"]].startswith(entity["value"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jeg bor i vejen kommune, hvilke maal har de", ["Vejen"]),
        ("hvad er ledigheden i tønder kommune", ["Tønder"]),
        ("vejen kommunes ledighed", ["Vejen"]),
        ("hvad gør kommunen for at vise vejen", []),
    ],
)
def test_a_name_that_is_an_ordinary_word_counts_before_kommune_in_any_case(
    gate: ComparisonNeedsTwoSides, text: str, expected: list[str]
) -> None:
    message = classified(text, [], [{"name": "list_goals", "confidence": 0.9}])
    gate.process([message])
    found = message.get("entities") or []
    assert [e["value"] for e in found] == expected
    for entity in found:
        assert text[entity["start"] : entity["end"]].lower() == entity["value"].lower()


def test_a_lowercase_name_the_classifier_tagged_before_kommune_gets_its_canonical_name(
    gate: ComparisonNeedsTwoSides,
) -> None:
    text = "bor i vejen kommune"
    tagged = {"entity": "kommune", "value": "vejen", "extractor": "DIETClassifier", "start": 6, "end": 11}
    message = classified(text, [tagged], [{"name": "list_goals", "confidence": 1.0}])
    gate.process([message])
    assert [e["value"] for e in message.get("entities")] == ["Vejen"]


def test_a_capitalised_name_already_tagged_is_not_tagged_again(gate: ComparisonNeedsTwoSides) -> None:
    text = "hvad med Vejen?"
    tagged = {"entity": "kommune", "value": "Vejen", "extractor": "DIETClassifier", "start": 9, "end": 14}
    message = classified(text, [tagged], [{"name": "inform_kommune", "confidence": 1.0}])
    gate.process([message])
    assert [e["value"] for e in message.get("entities")] == ["Vejen"]


def test_the_year_of_a_month_code_is_the_year_asked_about(gate: ComparisonNeedsTwoSides) -> None:
    text = "ok. ledighedspct. Egedal 2025M01"
    code = {"entity": "goal_code", "value": "2025M01", "extractor": "DIETClassifier", "start": 25, "end": 32}
    place = {
        "entity": "kommune",
        "value": "Egedal",
        "extractor": "RegexEntityExtractor",
        "start": 18,
        "end": 24,
    }
    message = classified(text, [code, place], [{"name": "ask_jobindsats", "confidence": 0.99}])
    gate.process([message])
    found = {(e["entity"], e["value"]) for e in message.get("entities")}
    assert found == {("kommune", "Egedal"), ("year", "2025")}
    # a message without a month code keeps its entities
    plain = classified("mål 6.3", [{"entity": "goal_code", "value": "6.3", "start": 4, "end": 7}])
    gate.process([plain])
    assert [e["value"] for e in plain.get("entities")] == ["6.3"]
