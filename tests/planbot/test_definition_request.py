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
    ],
)
def test_not_definition_requests(text: str) -> None:
    assert not asks_for_definition(text)
