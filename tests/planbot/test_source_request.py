"""Short questions where the last answer comes from."""

import pytest

from planbot.source_request import asks_for_the_source, names_the_plan_it_is_in


@pytest.mark.parametrize(
    "text",
    [
        "Hvor er det egentlig beskrevet?",
        "hvor i notatet stod det henne?",
        "og hvor har du så det fra",
        "hvor kommer tallet fra?",
        "kilde og side?",
        "hvor staar den",
        "hvor er tallet trukket fra",
        "hvor er det hentet fra?",
        "Og hvor står det helt præcist i Mariagerfjords plan?",
        "hvor kan jeg laese mere om det",
        "hvor kan man finde det?",
        "har du et link til planen",
    ],
)
def test_source_requests(text: str) -> None:
    assert asks_for_the_source(text)


@pytest.mark.parametrize(
    "text",
    [
        "hvor står det til med målet om samtaler?",  # a status question
        "hvilken datakilde bruges til 6.3?",  # the data behind a goal: follow-up
        "hvor er jobcentret henne?",
        "hvor kan jeg finde et job?",  # no "it"
        "hvor mange står uden job i Morsø",
        # a long message is a question of its own, not a request for the last answer's source
        "hvor står det i Morsøs plan, at de ledige skal have flere samtaler med jobcentret?",
    ],
)
def test_not_source_requests(text: str) -> None:
    assert not asks_for_the_source(text)


def test_a_source_question_may_name_the_kommune_whose_plan_it_is() -> None:
    assert names_the_plan_it_is_in("Og hvor står det helt præcist i Mariagerfjords plan?")
    assert names_the_plan_it_is_in("hvor står det i Morsøs beskæftigelsesplan")
    assert not names_the_plan_it_is_in("hvor står der noget om fleksjob i Morsøs plan?")
    assert not names_the_plan_it_is_in("hvor står det til med ledigheden i Morsø?")
