"""Questions when or by whom a plan was approved."""

import pytest

from planbot.plan_request import asks_about_approval, asks_who_is_responsible


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ND BP2024 – hvornår og af hvem er den godkendt?", True),
        ("og hvornår blev den godkendt?", True),
        ("Hvem godkendte arbejdsmarkedsstrategien 2020-21, og hvornår?", True),
        ("hvornår bliver min ansøgning godkendt", False),  # one's own case
        ("hvornår skal målet være nået?", False),  # a goal's deadline
    ],
)
def test_approval_questions(text: str, expected: bool) -> None:
    assert asks_about_approval(text) is expected


def test_who_is_responsible() -> None:
    assert asks_who_is_responsible("hvem i kommunen har ansvaret for den?")
    assert asks_who_is_responsible("hvilket udvalg står bag planen")
    assert not asks_who_is_responsible("hvem har ansvaret for min sag?")


def test_whether_it_differed_in_the_older_plan_names_only_that_plan() -> None:
    from planbot.plan_request import names_only_another_plan

    assert names_only_another_plan("Var det anderledes i den forrige, altså notatet for 2021-2024?")
    assert names_only_another_plan("var det det samme i den gamle plan?")
    assert not names_only_another_plan("var det anderledes i Morsø?")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("har odsherred ogsaa en beskaeftigelsesplan", True),
        ("Har Vejle overhovedet nogen beskæftigelsesplan?", True),
        ("har jeg en jobplan", False),  # the user's own plan
        ("har århus kommune en beskæftigelsesplan med mål?", False),  # the goals are asked for
        ("har kommunen en plan for de unge", False),  # what is done for the young
    ],
)
def test_whether_a_kommune_has_a_plan(text: str, expected: bool) -> None:
    from planbot.plan_request import asks_whether_a_plan_exists

    assert asks_whether_a_plan_exists(text) is expected


def test_the_other_plan_is_named_only() -> None:
    from planbot.plan_request import names_only_another_plan

    assert names_only_another_plan("og den anden plan?")
    assert not names_only_another_plan("og den anden plan for de unge?")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hvilke år gælder den for?", True),
        ("Og notatet om udmøntningen af målene – hvilken periode gjaldt det for?", True),
        ("hvor mange år løber den", True),
        ("hvilken periode gælder min ydelse for", False),  # the user's own matters
    ],
)
def test_which_period_a_plan_covers(text: str, expected: bool) -> None:
    from planbot.plan_request import asks_about_the_plan_period

    assert asks_about_the_plan_period(text) is expected


def test_who_approves_it_in_the_present_tense() -> None:
    assert asks_about_approval("og Mors 2021 – hvem godkender den?")
