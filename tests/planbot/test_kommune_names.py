"""Canonical kommune names for the spellings users write (planbot/kommune_names.py)."""

from __future__ import annotations

import pytest

from planbot.kommune_names import canonical_kommune, kommuner_with_plans


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("vesthimmerland", "Vesthimmerlands"),  # Jobindsats writes the name with an s
        ("høje taastrup", "Høje-Taastrup"),
        ("taastrup", "Høje-Taastrup"),  # a part no other name has
        ("ikast brande", "Ikast-Brande"),
        ("brande", "Ikast-Brande"),
        ("noerddjurs", "Norddjurs"),
        ("Mors", "Morsø"),  # an alias in the catalogue
        ("Sønderborgs", "Sønderborg"),
        ("Aabenraa Kommune", "Aabenraa"),
        ("bornholmere", "Bornholm"),
        ("hele landet", "Hele landet"),
        ("kobenhavn", "København"),
    ],
)
def test_spellings_get_the_name_jobindsats_uses(written: str, name: str) -> None:
    assert canonical_kommune(written) == name


def test_ordinary_words_and_close_spellings() -> None:
    assert canonical_kommune("den") is None
    assert canonical_kommune("høje") is None  # "tallene er høje"
    assert canonical_kommune("Vesthimerland") == "Vesthimmerlands"
    assert canonical_kommune("Vesthimerland", close=False) is None


def test_the_kommuner_with_plans_come_from_the_catalogue() -> None:
    assert kommuner_with_plans() == {"Mariagerfjord", "Morsø", "Norddjurs"}
