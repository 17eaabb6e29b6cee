"""Questions what is done for a group (a cue for the domain gate)."""

import pytest

from planbot.initiatives_request import (
    asks_for_people_like,
    asks_what_is_done,
    asks_what_is_set_in_motion,
    asks_which_groups_it_is_for,
)


@pytest.mark.parametrize(
    "text",
    [
        "min son er droppet ud af gymnasiet, hvad bliver der gjort for unge som ham",
        "hvad goer mariagerfjord kommune for unge",
        "Hvad gøres der for flygtninge på Mors?",
        "hvilke tilbud er der til ledige over 50",
        "min nevø går bare hjemme. gør jobcentret overhovedet noget for unge som ham?",
        "gør I noget ved langtidsledigheden på Mors",
        "hvilke investeringer foreslår notatet fra Hobro",
        "jeg har hørt om en plan, men hvad vil de egentlig gøre for de unge?",
    ],
)
def test_what_is_done(text: str) -> None:
    assert asks_what_is_done(text)


@pytest.mark.parametrize(
    "text",
    [
        "hvad gør jeg for at få dagpenge",
        "hvad gør man for at søge fleksjob",
        "hvad er målet for unge",
        "gør jeg noget forkert, når jeg søger job?",  # one's own case
        "hvad skal jeg gøre for at få min ydelse",  # one's own case
    ],
)
def test_not_what_is_done(text: str) -> None:
    assert not asks_what_is_done(text)


@pytest.mark.parametrize(
    "text",
    [
        "hvad saetter mariagerfjord i vaerk for dem over 50?",
        "Hvilke tiltag har Morsø sat i gang over for sygemeldte",
        "hvad er det egentlig kommunen iværksætter for flygtninge",
        "hvad har de tænkt sig at sætte i gang for de ledige",
    ],
)
def test_what_is_set_in_motion(text: str) -> None:
    assert asks_what_is_set_in_motion(text)


@pytest.mark.parametrize(
    "text",
    [
        "hvor mange af omprioriteringerne er sat i gang?",  # a figure
        "hvilke mål er der for iværksættere",  # the group, not the verb
        "hvornår går planen i gang",
        "hvad er målet for unge",
    ],
)
def test_not_what_is_set_in_motion(text: str) -> None:
    assert not asks_what_is_set_in_motion(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("min soen er 19 og er droppet ud af gym, hvad har i paa mors til saadan nogle som ham", True),
        ("hvad gør Mariagerfjord for folk som mig?", True),
        (
            "Jeg kom til Danmark som flygtning. Hvilken hjælp har kommunen til flygtninge der vil have et job?",
            True,
        ),
        ("jeg er 58 og ledig, bor i hobro. hvad betyder kommunens plan egentlig for en som mig?", True),
        ("hvad betyder det for en som mig", False),  # what the last answer means for oneself
        ("hvilken hjælp kan jeg få til min husleje", False),  # oneself
        ("hvad har I til mig?", False),  # oneself, not people like oneself
        ("hvad skal jeg gøre med min sag", False),
    ],
)
def test_what_there_is_for_people_like_someone(text: str, expected: bool) -> None:
    assert asks_for_people_like(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Branchespor i AM-strategien 20-21 for Norddjurs: hvilke målgrupper, og hvornår går sporet i gang?",
            True,
        ),
        ("hvilke målgrupper er omfattet af branchespor i ND strategien 20-21?", True),
        ("hvilke målgrupper har planen mål for?", False),  # the goals for the groups
        ("hvilke mål er der for unge", False),
    ],
)
def test_which_groups_an_initiative_is_for(text: str, expected: bool) -> None:
    assert asks_which_groups_it_is_for(text) is expected


def test_what_is_done_so_that_people_like_me_can() -> None:
    from planbot.initiatives_request import asks_for_people_like

    text = "hvad goer jobcentret for at folk som mig kan faa et kursus eller en uddannelse??"
    assert asks_for_people_like(text)


def test_what_is_done_for_people_like_someone() -> None:
    assert asks_for_people_like("min son er droppet ud af gymnasiet, hvad bliver der gjort for unge som ham")
