"""Cues for goal and plan questions (planbot/goal_request.py, planbot/plan_request.py)."""

from __future__ import annotations

import pytest

from planbot.goal_request import asks_for_its_target, asks_what_a_goal_is_about
from planbot.plan_request import asks_about_the_plan_of_ones_kommune, names_only_another_plan


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("og i den gamle plan?", True),
        ("hvad med notatet?", True),
        ("i strategien da?", True),
        ("og planen for unge?", False),  # a plan question of its own
        ("og i Morsø?", False),
    ],
)
def test_another_plan_named_by_kind_or_age(text: str, expected: bool) -> None:
    assert names_only_another_plan(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jeg vil gerne vide hvad planen er for min kommune", True),
        ("hvad står der i min kommunes beskæftigelsesplan", True),
        ("hvad er planen for min sag", False),
    ],
)
def test_the_plan_of_ones_kommune(text: str, expected: bool) -> None:
    assert asks_about_the_plan_of_ones_kommune(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Og hvad er det, vi har sat som mål der?", True),
        ("hvad har de egentlig sat som måltal for den?", True),
        ("hvad er målet for det?", True),
        ("hvad har vi sat som mål for unge i 2024", False),  # names its own subject
        ("hvad er ND's mål for den?", True),
        ("hvad er det de vil opnaa med det", True),
        ("Hvad er det præcise mål der?", True),
        ("Hvilket år måles der op imod?", True),
        ("hvad er kommunens mål for dem", True),
        # a fragment: the target of a new object in the plan in play
        ("og målet for ledigheden i fleksjobordningen?", True),
        ("og hvad med målsætningen for de unge", True),
        ("målet for ledigheden i Morsø", False),  # not a fragment
        (
            "og målet for ledigheden i fleksjobordningen, og hvordan går det med de unge i det hele taget?",
            False,
        ),
    ],
)
def test_the_target_of_what_was_just_shown(text: str, expected: bool) -> None:
    assert asks_for_its_target(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jeg har hørt morsø har et maal om socialt bedrageri hvad gaar det ud paa det lyder strengt", True),
        ("Ordlyd på 6.11 i ND's BP24?", True),
        ("hvad er den præcise formulering af 3a", True),
        ("hvad handler det om at få flere i job", False),
    ],
)
def test_what_a_goal_is_about_or_its_wording(text: str, expected: bool) -> None:
    assert asks_what_a_goal_is_about(text) is expected


def test_staff_shorthand_for_a_goals_content_and_lists_of_goals() -> None:
    from planbot.goal_request import asks_what_a_goal_is_about, asks_which_goals

    assert asks_what_a_goal_is_about("Mors, lokalt mål 7 – indhold?")
    assert asks_what_a_goal_is_about("6.3: indhold")
    assert not asks_what_a_goal_is_about("hvad er indholdet i planen?")
    assert asks_which_goals("Liste over mål + succeskriterier i MFJ-notatet 21-24")
    assert asks_which_goals("jeg bor i dragor. hvad har kommunen af maal for at faa folk i arbejde")
    assert asks_which_goals("hvad er kommunens maal paa beskaeftigelsesomraadet i mariagerfjord saa")
    assert asks_which_goals("Og hvad er så de konkrete mål i den?")
    assert not asks_which_goals("hvad er målet for den?")


def test_how_a_goal_is_delimited_and_its_exact_target() -> None:
    from planbot.goal_request import asks_for_its_target, asks_how_a_goal_is_delimited

    assert asks_how_a_goal_is_delimited("hvad tæller som de største virksomheder i den sammenhæng?")
    assert asks_how_a_goal_is_delimited("og hvordan er 'de største virksomheder' afgrænset i 6.8")
    assert not asks_how_a_goal_is_delimited("hvad tæller mest for borgerne?")
    assert asks_for_its_target("hvad er maalet helt praecist")
    assert not asks_for_its_target("hvad er målet med planen helt præcist")


def test_which_goals_a_kommune_written_in_two_words_has() -> None:
    from planbot.goal_request import asks_which_goals

    assert asks_which_goals("hvad er morso kommunes maal for folk der er arbejdsløse")


def test_what_a_plan_is_about() -> None:
    from planbot.plan_request import asks_what_the_plan_is_about

    assert asks_what_the_plan_is_about("hvad gaar beskæftigelsesplanen i mariager fjord egentlig ud paa")
    assert asks_what_the_plan_is_about("hvad handler notatet om?")
    assert not asks_what_the_plan_is_about("hvad går mål 3 ud på?")  # a goal
    assert not asks_what_the_plan_is_about("hvad handler 3b i notatet fra Mariagerfjord om?")
    assert not asks_what_the_plan_is_about("hvad går målet i planen ud på?")
    assert not asks_what_the_plan_is_about("hvad går min plan på jobcentret ud på?")  # one's own plan


def test_whether_a_kommune_has_a_plan_for_getting_people_into_work() -> None:
    from planbot.plan_request import asks_whether_a_plan_exists

    assert asks_whether_a_plan_exists("har køge kommune ikke en plan for at faa folk i arbejde?")
    assert not asks_whether_a_plan_exists("har du ikke en plan for mig?")
    from planbot.goal_request import asks_which_goals

    assert asks_which_goals("Har Stevns en beskæftigelsesplan? Jeg vil gerne se deres mål til inspiration.")
