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


def test_how_often_a_status_is_given() -> None:
    assert asks_about_follow_up("Hvor tit får UAU status på handlingerne i MFJ-notatet?")
    assert not asks_about_follow_up("Hvad er status på handlingerne i MFJ-notatet?")
    # to whom, and how often the committee gets to see something
    assert asks_about_follow_up("Og hvem får status på handlingerne?")
    assert asks_about_follow_up(
        "Hvor tit får vi i Arbejdsmarkedsudvalget i Norddjurs egentlig noget at se om de vandrende sager?"
    )
    assert asks_about_follow_up("hvor ofte hører vi nyt om ungeindsatsen")
    assert asks_about_follow_up("og hvornår får AMU det at se?")
    assert asks_about_follow_up("hvornår får vi næste gang en status på det i udvalget?")
    assert not asks_about_follow_up("hvornår får jeg det at se på min konto?")
    assert not asks_about_follow_up("hvor tit får jeg penge?")
    assert not asks_about_follow_up("hvem får status som fleksjobber?")
    assert not asks_about_follow_up(
        "Hvad er planperioden for MFJ's udmøntningsnotat, og hvem får status på det?"
    )


def test_how_often_the_politicians_should_have_a_status() -> None:
    assert asks_about_follow_up("Og hvor ofte skal vi som politikere have en status på den undervejs?")
