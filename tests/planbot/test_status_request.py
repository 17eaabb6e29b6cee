"""Questions how a goal is going (a cue for the domain gate)."""

import pytest

from planbot.status_request import (
    asks_how_it_goes,
    asks_if_reached,
    asks_when_reached,
    mentions_progress,
    refers_to_one_goal,
)


@pytest.mark.parametrize(
    "text",
    [
        "gaar det godt med at faa flygtninge i arbejde i norddjurs",
        "Går det fremad med 6.3?",
        "og hvordan går det så med de unge i Morsø?",
        "går det den rigtige vej med sygefraværet",
        "hvordan står det til med samtalerne i norddjurs",
        "Før mødet vil jeg gerne vide, hvordan det står til med de ordinære timer, altså mål 6.10.",
        "kan du fortælle hvordan det går med flygtningene i arbejde på Mors?",
        "vil gerne vide, hvor langt Norddjurs er nået med at få flere ydelsesmodtagere ud i ordinære timer.",
        "hvordan ligger vi på den?",
        "Følger Norddjurs landsgennemsnittet på integrationsmålet, eller halter vi bagefter?",
        "halter kommunen bagud med de unge?",
        "klarer morsø sig godt med at få flygtninge i arbejde",
    ],
)
def test_how_it_goes(text: str) -> None:
    assert asks_how_it_goes(text)


@pytest.mark.parametrize(
    "text",
    [
        "hvordan går det med dig?",  # small talk
        "hvordan går det med målene i Morsø",  # all goals: an overview
        "hvordan går det med beskæftigelsesplanen i Norddjurs",
        "hvad gør I for at få flygtninge i arbejde, går det godt med det?",  # does not begin so
        "det går godt med tilbud",  # a statement
        "hvordan står det til med målopfyldelsen i Morsø",  # all goals
        "jeg vil gerne vide, hvordan det går med resten",
        "ligger ledigheden over landsgennemsnittet i Morsø",  # a figure, not a goal
        "hvordan klarer Morsø sig i forhold til Thisted?",  # a comparison
    ],
)
def test_not_how_it_goes(text: str) -> None:
    assert not asks_how_it_goes(text)


def test_one_goal_referred_back_to() -> None:
    assert refers_to_one_goal("hvordan står det til med den pt?")
    assert refers_to_one_goal("og hvordan går det så med målet")
    assert not refers_to_one_goal("hvordan går det med målene")  # all goals
    assert not refers_to_one_goal("hvordan går det med det hele")
    assert not refers_to_one_goal("hvad handler den om")  # not how it goes


def test_how_it_goes_after_a_preamble() -> None:
    story = "En borger skrev til mig i går. Men mere generelt: hvordan går det med målet om sygemeldte i Norddjurs?"
    assert asks_how_it_goes(story)
    assert not asks_how_it_goes("Vi har talt om målene. Hvordan går det med dem alle?")


def test_one_goal_pointed_at() -> None:
    assert refers_to_one_goal("hvor langt er man med lige præcis dette mål nu?")
    assert refers_to_one_goal("og det her succeskriterie, hvordan ser det ud")
    assert not refers_to_one_goal("hvor langt er man med målene i Morsø?")
    assert not refers_to_one_goal("det står der ikke noget om")


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("naar de det?", True),
        ("når vi målet i 2024?", True),
        ("Når kommunen succeskriteriet for samtaler?", True),
        ("når jeg bliver ledig, hvad så?", False),  # "når" = when
        ("hvornår når de det", False),  # a question when: not reached or not
        ("har læst at de ledige i norddjurs skal have mindst 4 samtaler. når i det egentlig?", True),
        ("jeg har læst om målet. når jeg bliver ledig, hvad så?", False),
    ],
)
def test_if_the_goal_is_reached(text: str, asks: bool) -> None:
    assert asks_if_reached(text) is asks


def test_when_a_goal_counts_as_reached() -> None:
    assert asks_when_reached("Det handler om tilfredshed. Hvornår regner man målet for nået?")
    assert asks_when_reached("hvornaar skal 6.6 vaere naaet")
    assert not asks_when_reached("er målet nået?")  # the status
    assert not asks_when_reached("hvornår blev planen vedtaget")
    assert asks_when_reached("hvordan ved de om de har naaet det")  # what counts as reached
    assert not asks_when_reached("hvordan går det, er målet nået?")
    # a kommune's goal for one measure is its target; for a group or a field, the list
    assert asks_when_reached("hvad er kommunens maal for ledigheden blandt fleksjobbere der?")
    assert asks_when_reached("i notatet var der vist procentsatser på de samme, hvad lød de på?")
    assert not asks_when_reached("hvad er kommunens mål for de unge")
    assert not asks_when_reached("hvad er mariagerfjords mål med beskæftigelsen frem til 2027")


@pytest.mark.parametrize(
    ("text", "progress"),
    [
        ("hvilke af målene halter?", True),
        ("hvordan står vi samlet med målene", True),
        ("giv mig målstatus for Morsø", True),
        ("hvilke mål har Morsø?", False),
        ("kan jeg få en liste over målene i planen for de unge", False),
    ],
)
def test_mentions_progress(text: str, progress: bool) -> None:
    assert mentions_progress(text) is progress


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hvad var det nu lige, vi i Mariagerfjord havde sat som mål for borgernes tilfredshed?", True),
        ("har kommunen et maal for hvor mange der skal til samtaler?", True),
        ("hvilke mål har de sat for unge", False),  # which goals
    ],
)
def test_what_was_set_as_the_target(text: str, expected: bool) -> None:
    assert asks_when_reached(text) is expected


def test_a_goal_referred_back_to_with_paa() -> None:
    assert refers_to_one_goal("hvordan ligger vi på den?")


@pytest.mark.parametrize(
    ("text", "all_goals"),
    [
        ("gaar det egentlig godt med de maal kommunen har sat sig?", True),
        ("hvordan går det med målene?", True),
        ("hvordan står det til med alle de politiske mål", True),
        # "kommunens mål om …" is one goal
        ("hvordan gaar det med kommunens maal om at faa de unge i uddannelse", False),
        ("går det godt med målet om samtaler", False),
        ("hvordan går det med de mål om unge", False),
        ("når jobcenter mors egentlig de mål de har sat sig eller er det bare fine ord", True),
        ("hvor står vi ift. fokusmålene", True),
        ("når de målet om samtaler?", False),
        ("forskellen på Morsø og Norddjurs, når det gælder målene for flygtninge", False),
    ],
)
def test_how_all_the_goals_go(text: str, all_goals: bool) -> None:
    from planbot.status_request import asks_how_the_goals_go

    assert asks_how_the_goals_go(text) is all_goals


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hvad er så Mariagerfjords succeskriterier, når det gælder benchmarken?", True),
        ("Hvad var succeskriteriet for den samlede tilfredshed i Mariagerfjords notat?", True),
        ("Hvad skal der til, før vi kan sige, at det første af dem er nået?", True),
        ("hvad skal der til for at få et fleksjob", False),
    ],
)
def test_the_target_asked_for_in_other_words(text: str, expected: bool) -> None:
    assert asks_when_reached(text) is expected


@pytest.mark.parametrize(
    ("text", "all_goals"),
    [
        ("Kort status på samtlige mål i Mariagerfjord, tak – jeg har 5 minutter før gruppemødet", True),
        ("status for alle fokusmålene", True),
        ("hvordan klarer morsø sig med deres maal alt i alt", True),
        ("status på alle mål om unge", False),  # the goals about one theme
        ("hvordan klarer de sig med de mål om samtaler", False),
    ],
)
def test_status_of_all_the_goals(text: str, all_goals: bool) -> None:
    from planbot.status_request import asks_how_the_goals_go

    assert asks_how_the_goals_go(text) is all_goals


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Målopfyldelse 1.3 ND – hvor står vi pt?", True),
        ("Hvad med ordinære timer, 6.10 – hvordan ligger vi der?", True),
        ("hvor ligger ND pt på delvise raskmeldinger, 6.9?", True),
        ("er maalet om ordinære timer i norddjurs naaet", True),
        ("hvor står 6.3 i planen?", False),  # where it is written
        ("hvordan ligger vi på ledigheden?", False),  # no goal named
    ],
)
def test_how_a_named_goal_stands(text: str, expected: bool) -> None:
    from planbot.status_request import asks_how_a_named_goal_stands

    assert asks_how_a_named_goal_stands(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("målsætning for 6.11?", True),
        ("Hvad er målet for 6.3 i Norddjurs, i pct.?", True),
        ("hvad er maalet helt præcist, hvor mange procent", True),
        ("hvor mange procent er målet i 6.5", True),
        ("MFJ notat: målværdi og deadline på 3a?", True),
        ("hvad er målet om samtaler", False),  # the goal itself
    ],
)
def test_the_target_in_staff_shorthand_and_percent(text: str, expected: bool) -> None:
    assert asks_when_reached(text) is expected


def test_whether_a_kommune_reaches_its_one_goal() -> None:
    from planbot.status_request import asks_if_reached

    assert asks_if_reached(
        "Når Norddjurs sit mål om, at ledigheden blandt de fleksjobvisiterede skal ligge lavt?"
    )
    assert not asks_if_reached("Når Norddjurs sine mål?")  # all of them: the overview


def test_how_the_kommunes_goals_go_on_a_place() -> None:
    from planbot.status_request import asks_how_the_goals_go

    assert asks_how_the_goals_go("hvordan gaar det med kommunens maal paa mors")
    assert not asks_how_the_goals_go("hvordan går det med kommunens mål om samtaler")  # one goal


def test_how_the_goals_just_listed_go() -> None:
    from planbot.status_request import asks_how_the_goals_go

    assert asks_how_the_goals_go("status på dem?")
    assert asks_how_the_goals_go("og hvordan går det så med dem alle?")
    assert not asks_how_the_goals_go("status på dem der er ledige i Morsø")  # not only "them"
