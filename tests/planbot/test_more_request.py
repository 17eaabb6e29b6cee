"""Messages that ask for more about the last answer (a cue for the domain gate)."""

import pytest

from planbot.more_request import asks_for_more


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("Vil du uddybe, hvad pengene helt præcist er tiltænkt?", True),
        ("ok, kan du fortælle lidt mere om det", True),
        ("gider du lige forklare det nærmere", True),
        ("uddyb", True),
        ("kan du gå lidt mere i dybden med den", True),
        ("mere tak", True),
        ("ok, flere detaljer please", True),
        ("flere unge i job, tak", False),  # a topic, not "more"
        ("hvad handler målet om?", False),
        ("kan du fortælle om målene i Morsø", False),  # about something, not "more"
        ("hvorfor vil de uddybe samarbejdet med virksomhederne", False),
    ],
)
def test_asks_for_more(text: str, asks: bool) -> None:
    assert asks_for_more(text) is asks


def test_what_the_money_is_for_asks_for_more() -> None:
    assert asks_for_more("og hvad skulle de penge så konkret bruges til?")
    assert not asks_for_more("hvad skal pengene til uddannelse bruges til i 2025 ifølge 6.3")


def test_the_rest_of_the_list_is_more() -> None:
    assert asks_for_more("giv mig resten af listen")
    assert not asks_for_more("giv mig resten af målene for unge i Morsø")
