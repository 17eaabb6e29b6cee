"""Questions what a word means (the domain gate needs a recognised term as well)."""

import pytest

from planbot.definition_request import asks_for_definition


@pytest.mark.parametrize(
    "text",
    [
        "hvad menes der helt konkret med benchmark ift rammevilkår?",
        "min søn skal maaske starte på fgu efter sommer, hvad er det for en skole",
        "hvad betyder fleksjob egentlig",
        "hvad staar STU for",
        "hvad vil det sige at være i ressourceforløb",
        "jeg forstår ikke ordet jobafklaringsforløb",
        "definer IGU",
        "planerne nævner tit ministermål. hvad dækker det begreb egentlig over?",
        "hvad daekker ressourceforloeb over",
        "det ord jobafklaring, det kender jeg ikke",
        "kan du forklare mig, hvad man egentlig forstår ved et branchespor?",
        "hvad de mener med IGU i planen",
        "hvad ligger der egentlig i ordet fleksjob?",
        # the word is named as a word, so the goals around it do not make it a goal question
        "hvad betyder begrebet progression, som Morsø bruger i sine mål?",
    ],
)
def test_definition_requests(text: str) -> None:
    assert asks_for_definition(text)


@pytest.mark.parametrize(
    "text",
    [
        "hvad betyder målet om progression",  # a goal
        "hvad er mål 6.6 for noget",
        "hvad menes der med succeskriterium 3a",
        "jeg har fået afslag på fleksjob, hvad betyder det for mig",  # the user's own case
        "hvad er forskellen på fleksjob og løntilskud",
        "hvor mange er i fleksjob i Morsø",
        "hvad dækker målet om fleksjob over",  # a goal
        "hvor mange dækker indsatsen over",
    ],
)
def test_not_definition_requests(text: str) -> None:
    assert not asks_for_definition(text)


def _spans(text: str, term: str) -> list[tuple[int, int]]:
    start = text.lower().index(term.lower())
    return [(start, start + len(term))]


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("og hvad er igu så, min nabo snakker om det", "igu"),
        ("hvad er fleksjob?", "fleksjob"),
        ("Hvad er et ressourceforløb egentlig", "ressourceforløb"),
        ("hvad er STU helt præcist.", "STU"),
        ("planen nævner bedre placering – hvad er benchmark så i den her sammenhæng", "benchmark"),
        ("hvad er en jobrotation i denne sammenhæng?", "jobrotation"),
        ("ok men hvad er en beskaeftigelsesplan overhovedet", "beskaeftigelsesplan"),
    ],
)
def test_what_is_a_term_is_a_definition_request(text: str, term: str) -> None:
    assert asks_for_definition(text, _spans(text, term))
    assert not asks_for_definition(text)  # "hvad er" is a cue only right before a recognised term


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("hvad er fleksjob-målet i Norddjurs", "fleksjob"),
        ("hvad er kontanthjælp i Morsø", "kontanthjælp"),
        ("hvad er status for fleksjob", "fleksjob"),
        ("hvad er igu-forløbenes resultater", "igu"),
        ("hvad er ledigheden her i Morsø", "ledigheden"),
    ],
)
def test_what_is_with_more_than_the_term_is_not(text: str, term: str) -> None:
    assert not asks_for_definition(text, _spans(text, term))


def test_a_quoted_word_from_a_goal_is_asked_about_as_a_word() -> None:
    text = (
        "I målet om jobformidling står der noget om 'besættelsesgrad'. Hvad betyder det på almindeligt dansk?"
    )
    assert asks_for_definition(text)
    assert not asks_for_definition("Hvad betyder målet om jobformidling?")  # the goal


def test_staff_shorthand_for_a_definition() -> None:
    assert asks_for_definition("ellers bare en kort def af rsf til et borgerbrev")
    assert asks_for_definition("RSF – def.?")
    assert asks_for_definition("besættelsesgrad definition?")
    assert asks_for_definition("besættelsesgrad = hvad?")
    assert not asks_for_definition("defineret som ledige over 6 måneder?")


def test_a_term_asked_about_directly_before_a_story() -> None:
    from planbot.definition_request import asks_directly_what_term_is, glossary_term_spans
    from planbot.text import fold

    text = "hvad er et fleksjob egentlig? min læge siger jeg måske skal have et efter min rygoperation"
    assert asks_directly_what_term_is(fold(text), glossary_term_spans(text))


def test_what_it_entails_after_a_term() -> None:
    text = (
        "min datter har lige fået bevilget fleksjob men ingen har rigtig forklaret hende hvad det indebærer"
    )
    assert asks_for_definition(text)
