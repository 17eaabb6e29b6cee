"""The lookup tables and synonyms generated from the knowledge base."""

from planbot.nlu_data import build_nlu_data


def _block(data: dict, key: str, name: str) -> set[str]:
    (block,) = [b for b in data["nlu"] if b.get(key) == name]
    return {line[2:] for line in block["examples"].splitlines()}


def test_kommune_forms_in_the_lookup_table() -> None:
    data = build_nlu_data()
    kommuner = _block(data, "lookup", "kommune")
    # without æ/ø/å, and hyphenated names typed with a space
    assert {"Morso", "morsoe kommune", "Ikast-Brande", "ikast brande", "Lyngby Taarbaek"} <= kommuner
    # a kommune that is also an ordinary word only in forms that are no word
    assert {"Tønder Kommune", "tonder", "Toender", "Vejen Kommune"} <= kommuner
    assert not {"Tønder", "tønder", "Vejen", "vejen", "vejens", "Greve", "odder"} & kommuner
    assert "ikast brande" in _block(data, "synonym", "Ikast-Brande")
    assert "tonder" in _block(data, "synonym", "Tønder")
