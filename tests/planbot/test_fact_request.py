"""Messages that check a figure they have heard (a cue for the domain gate)."""

import pytest

from planbot.fact_request import asks_to_check_a_figure


@pytest.mark.parametrize(
    ("text", "checks"),
    [
        ("stemmer det at der var 5 klagesager paa mors?", True),
        ("er det virkelig rigtigt, at Mariagerfjord vil finde 200 praktikpladser", True),
        ("Hov, passer det at 90 % af de unge skal have en uddannelse i 2030?", True),
        ("passer det at jeg kan få 5.000 kr. i hjælp?", False),  # own case
        ("er det rigtigt at Morsø har en plan?", False),  # no figure
        ("hvor mange klagesager var der, passer det at 5?", False),  # not checked first
    ],
)
def test_asks_to_check_a_figure(text: str, checks: bool) -> None:
    assert asks_to_check_a_figure(text) is checks
