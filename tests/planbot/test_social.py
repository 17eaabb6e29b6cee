"""Messages that end the conversation, whatever they say on the way out."""

import pytest

from planbot.social import asks_for_a_person, is_bare_hej_hej, is_farewell


@pytest.mark.parametrize(
    "text",
    [
        "farvel",
        "hav det godt",
        "ok hej hej",
        "super, tak for det. vi ses",
        "fint, så ved jeg det. hej hej",
        "tak for hjælpen, hav en rigtig god dag",
        "ha' en god aften",
        "mange tak, vi ses derude",
        "jeg skal til udvalgsmøde nu, farvel og tak",
        "tak for i dag, hej",
        "tak, god aften",
        "god weekend",
        "Paa gensyn",
        "hej saa længe",
    ],
)
def test_farewells(text: str) -> None:
    assert is_farewell(text)


@pytest.mark.parametrize(
    "text",
    [
        "hej hej",  # alone it opens the conversation
        "hej",
        "god dag",
        "god eftermiddag",
        "hej med dig, håber du har en god dag",  # a wish, not a leave-taking
        "mange tak for hjælpen",
        "farvel?",
        "kan du sige farvel",
        "hvad er ledigheden i Morsø, hej hej",  # a question first
        "jeg vil gerne have en god plan for de unge",
        "hvordan ses det i tallene",
        "tak for tallene for 2024, vi ses",  # a number: more than small talk
    ],
)
def test_not_farewells(text: str) -> None:
    assert not is_farewell(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hej hej", True),
        ("Hej hej du", True),
        ("hejhej og tak", True),
        ("hej", False),
        ("hej hej, jeg har et spørgsmål", False),
        ("hej hej hvad er ledigheden i Morsø", False),
    ],
)
def test_bare_hej_hej(text: str, expected: bool) -> None:
    assert is_bare_hej_hej(text) is expected


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("kan jeg ringe til nogen?", True),
        ("stil mig om til en sagsbehandler", True),
        ("jeg gider ikke snakke med en bot", True),
        ("jobcentrets nummer?", True),
        ("kan du ikke finde på en god vittighed, jeg kan åbne mødet med?", False),
        ("skriv en tale til byrådsmødet", False),
    ],
)
def test_asks_for_a_person(text: str, asks: bool) -> None:
    assert asks_for_a_person(text) is asks
