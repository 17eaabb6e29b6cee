"""The lookup tables and synonyms generated from the knowledge base."""

from planbot.nlu_data import build_nlu_data


def _block(data: dict, key: str, name: str) -> set[str]:
    (block,) = [b for b in data["nlu"] if b.get(key) == name]
    return {line[2:] for line in block["examples"].splitlines()}


def test_kommune_forms_in_the_lookup_table() -> None:
    data = build_nlu_data()
    kommuner = _block(data, "lookup", "kommune")
    # the name, its genitive and "Kommune", without æ/ø/å, and the catalogue's aliases
    assert {"Morsø", "Morsøs", "Morso", "morsoe kommune", "Ikast-Brande", "Mors", "ND", "MFJ"} <= kommuner
    # a kommune that is also an ordinary word ("tønder", "vejen") is left to DIET and the
    # actions (planbot.answers.kommuner_in_text), which read how it is written
    assert not {"Tønder", "tønder", "Vejen", "vejen", "Greve", "Odder"} & kommuner
    assert "morso" in _block(data, "synonym", "Morsø")
