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
        (
            "jeg har et lille malerfirma i hobro. passer det at kommunen ville finde en hel masse "
            "praktikpladser, hvor mange var det?",
            True,
        ),
        ("jeg er ledig. passer det at jeg kan få 5.000 kr.?", False),  # own case
    ],
)
def test_asks_to_check_a_figure(text: str, checks: bool) -> None:
    assert asks_to_check_a_figure(text) is checks


@pytest.mark.parametrize(
    ("text", "checks"),
    [
        ("min kollega siger, at Mors holder ti tusind samtaler om året – passer det overhovedet?", True),
        ("jeg har læst at 200 praktikpladser er målet i mariagerfjord, er det rigtigt?", True),
        ("jeg får 5.000 kr. om måneden, stemmer det?", False),  # own case
        ("Morsø har en beskæftigelsesplan, passer det?", False),  # no figure
        # a quantity in words is a figure to check
        ("jeg har hørt at jobcentret på mors får en masse klager, passer det?", True),
        ("der er flere unge i uddannelse i norddjurs end før, stemmer det?", True),
        ("jeg får mange afslag, passer det?", False),  # own case ("jeg får"): no claim about the plans
    ],
)
def test_a_claim_with_a_figure_then_the_check(text: str, checks: bool) -> None:
    assert asks_to_check_a_figure(text) is checks


def test_an_amount_asked_for() -> None:
    from planbot.fact_request import asks_for_an_amount

    assert asks_for_an_amount("og hvor meget var der i rammen samlet set?")
    assert asks_for_an_amount("hvor stort et beløb drejede det sig om?")
    assert not asks_for_an_amount("hvor meget får jeg i kontanthjælp")  # oneself
    # staff shorthand
    assert asks_for_an_amount("beløb på STU-omprioriteringen?")
    assert asks_for_an_amount("hvilket beløb er der tale om")
    assert not asks_for_an_amount("beløbet for min kontanthjælp?")
    assert not asks_for_an_amount("hvad er et beløb")
