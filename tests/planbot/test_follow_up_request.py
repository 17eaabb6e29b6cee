"""Questions how goals are followed up."""

import pytest

from planbot.follow_up_request import asks_about_follow_up


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Så vil jeg gerne vide, hvordan Mariagerfjord følger op på målene i sin plan", True),
        ("Følger Mariagerfjord og Morsø lige så tæt op på deres mål som Norddjurs?", True),
        ("hvem holder egentlig øje med, om kommunen når sine mål?", True),
        ("hvordan går det med opfølgningen?", False),  # how it goes
        ("status på 1.3 til opfølgningsnotatet", False),
    ],
)
def test_follow_up_questions(text: str, expected: bool) -> None:
    assert asks_about_follow_up(text) is expected


def test_staff_shorthand_for_how_often() -> None:
    from planbot.follow_up_request import asks_about_follow_up

    assert asks_about_follow_up("frekvens ift. AMU?")
    assert asks_about_follow_up("rapporteringsfrekvens på 6.3")


def test_who_keeps_an_eye_on_it_with_words_between() -> None:
    assert asks_about_follow_up("Hvordan holder politikerne på Mors øje med, om sagsbehandlingen er værdig?")
