"""What counts as a message that only compares with another place."""

from __future__ import annotations

import pytest

from planbot.comparison import COMPARISON_CUE, is_comparison_text, is_place_answer


@pytest.mark.parametrize(
    ("text", "places", "expected"),
    [
        ("er det flere end i jammerbugt?", ["Jammerbugt"], True),
        ("er det flere end i Morso?", ["Morsø"], True),  # typed without ø
        ("og sammenlignet med hele landet?", [], True),
        ("hvad med i forhold til landsgennemsnittet", [], True),
        ("til sammenligning hele landet?", ["Hele landet"], True),
        ("og ift. Morsø?", ["Morsø"], True),
        ("og hvad med Odense?", ["Odense"], False),  # no comparison: another place for the same question
        ("er der flere ledige akademikere end i Odense?", ["Odense"], False),  # a topic of its own
        ("hvad gør Morsø i forhold til Norddjurs for de unge?", ["Morsø", "Norddjurs"], False),
        ("er 6.3 bedre end i Morsø?", ["Morsø"], False),  # a goal code is a question of its own
        ("er det flere end før?", [], False),  # nothing to compare with
        ("og til sammenligning landstallet?", [], True),
        ("og holdt op mod Skive?", ["Skive"], True),
        ("er det mange i forhold til resten af landet?", [], True),
        ("hvordan ser det ud målt op imod hele landet", [], True),
        ("hvad gør de mod ledigheden i Skive?", ["Skive"], False),  # "mod" alone is no comparison
        ("Sæt det gerne op imod Høje-Taastrup", ["Høje-Taastrup"], True),  # a name in two parts
        ("er det flere end i Lyngby-Taarbæk?", ["Lyngby-Taarbæk"], True),
        ("er det flere end i Lyngby-Taarbæk og Gentofte?", ["Lyngby-Taarbæk"], False),  # Gentofte unnamed
    ],
)
def test_comparison_text(text: str, places: list[str], expected: bool) -> None:
    assert is_comparison_text(text, places) is expected


@pytest.mark.parametrize(
    ("text", "places", "expected"),
    [
        ("Morsø, selvfølgelig", ["Morsø"], True),
        ("det er norddjurs", ["Norddjurs"], True),
        ("frederikshavn?", ["Frederikshavn"], True),
        ("ja, Mariagerfjord Kommune", ["Mariagerfjord"], True),
        ("ledigheden i Morsø", ["Morsø"], False),  # a question of its own
        ("hej Morsø", ["Morsø"], False),
        ("Morsø 2024", ["Morsø"], False),  # a year asks for a plan
        ("er det flere end i Morsø?", ["Morsø"], False),  # a comparison
        ("selvfølgelig", [], False),
        ("Det drejer sig om Mariagerfjord Kommune.", ["Mariagerfjord"], True),
        ("jeg spørger til Morsø", ["Morsø"], True),
        ("jobcentret i Skive", ["Skive"], True),
        ("MFJ tilsvarende?", ["MFJ"], True),
        ("og det samme for Odder", ["Odder"], True),
        ("Nå. Så tager vi Mariagerfjord i stedet.", ["Mariagerfjord"], True),
        ("prøv med Norddjurs i stedet", ["Norddjurs"], True),
        ("tag målene for Morsø i stedet", ["Morsø"], False),  # names what to take
    ],
)
def test_place_answer(text: str, places: list[str], expected: bool) -> None:
    assert is_place_answer(text, places) is expected


def test_who_one_knows_in_a_place_is_not_part_of_the_place_answer() -> None:
    from planbot.comparison import without_who_is_there

    assert is_place_answer(without_who_is_there("og inde i Herlev, hvor min søster bor?"), ["Herlev"])
    partifaelle = "Hvordan ser det tilsvarende ud i Hvidovre, hvor en partifælle af mig sidder i byrådet?"
    assert is_place_answer(without_who_is_there(partifaelle), ["Hvidovre"])
    sidder = "Det er Mariagerfjord, jeg sidder i byrådet dernede."
    assert is_place_answer(without_who_is_there(sidder), ["Mariagerfjord"])
    # the place with a question of its own is no place answer
    assert not is_place_answer(without_who_is_there("Morsø, jeg bor der – hvad gør I for unge?"), ["Morsø"])
    assert not is_place_answer(without_who_is_there("Morsø, jeg bor der, hvad gør I for unge"), ["Morsø"])
    assert without_who_is_there("hvor mange ledige er der i Herlev?") == "hvor mange ledige er der i Herlev?"


@pytest.mark.parametrize(
    ("text", "compares"),
    [
        ("hvor mange er på kontanthjælp i fredensborg og i høje taastrup? hvem har flest", True),
        ("hvilken af dem ligger højest?", True),
        ("hvordan følger Norddjurs og Mariagerfjord hver især op?", True),
        ("er ledigheden højere end i Skive?", True),
        ("hvor mange er på kontanthjælp i fredensborg", False),
        ("hvad gør kommunen mest for de unge", False),
    ],
)
def test_comparison_cues(text: str, compares: bool) -> None:
    assert bool(COMPARISON_CUE.search(text)) is compares


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("hvem af de to ligger bedst?", True),
        ("Hvilken af dem har den laveste ledighed", True),
        ("hvem af kommunerne klarer sig dårligst", True),
        ("hvilket af de to mål er vigtigst?", False),
        ("hvem af dem kan jeg ringe til?", False),
        ("hvem ligger bedst", False),
        ("stil de to op mod hinanden", True),
        ("sammenlign dem", True),
        ("Og hvordan ligger de to kommuner på ledigheden lige nu?", True),
        ("Hvordan ligger de to i forhold til landsplan?", True),
        ("sammenlign dem med hele landet", False),  # names a side: the comparison fragment's
        ("hvordan ligger de to mål?", False),
    ],
)
def test_which_of_them_ranks_first(text: str, asks: bool) -> None:
    from planbot.comparison import compares_the_places_in_play

    assert compares_the_places_in_play(text) is asks
