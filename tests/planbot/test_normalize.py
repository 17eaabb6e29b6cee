"""The normaliser repairs PDF artefacts and splits documents into sections and passages."""

from planbot.curated import load_catalogue, normalised_document
from planbot.normalize import Section, join_hyphenated, normalize_text, split_passages, split_sections


def test_hyphenated_line_breaks_are_joined() -> None:
    assert join_hyphenated("beskæf-\ntigelse") == "beskæftigelse"
    assert join_hyphenated("be-\n\nskæftigelses-mu-\nligheder") == "beskæftigelses-muligheder"
    assert join_hyphenated("SAGSBE-\nHANDLING") == "SAGSBEHANDLING"


def test_real_hyphens_are_kept() -> None:
    assert join_hyphenated("a-\nkasser") == "a-kasser"
    assert join_hyphenated("FGU-\nelever") == "FGU-elever"
    assert join_hyphenated("job- \nog uddannelsesrettet") == "job- og uddannelsesrettet"
    assert normalize_text("perioden 2024-2027 og a-kasser\n") == "perioden 2024-2027 og a-kasser\n"


def test_bullets_page_numbers_headers_and_blank_runs() -> None:
    raw = "Titel\n\n\n\n\uf0b7 første punkt\n• andet punkt\n6\nSidehoved\nEn sætning der\n\nfortsætter her.\n"
    text = normalize_text(raw, page_headers=["Sidehoved"])
    assert "- første punkt" in text and "- andet punkt" in text
    assert "\n6\n" not in text and "Sidehoved" not in text
    assert "\n\n\n" not in text
    assert "En sætning der\nfortsætter her." in text


def test_table_of_contents_dot_leaders_are_dropped() -> None:
    assert "INDLEDNING" not in normalize_text("INDLEDNING ........................ 2\nTekst\n")


def test_sections_follow_heading_patterns_and_join_two_line_headings() -> None:
    text = "Forord\nHej.\nMINISTERMÅL 3: FLERE FLYGTNINGE\nSKAL VÆRE SELVFORSØRGENDE\nTekst om mål.\n"
    sections = split_sections(text, ["Forord", "MINISTERMÅL \\d: .*"])
    assert [s.heading for s in sections] == [
        "Forord",
        "MINISTERMÅL 3: FLERE FLYGTNINGE SKAL VÆRE SELVFORSØRGENDE",
    ]
    assert sections[1].paragraphs == ["Tekst om mål."]


def test_passages_are_small_enough_to_quote() -> None:
    long_paragraph = " ".join(f"Sætning nummer {i} handler om beskæftigelse." for i in range(60))
    passages = split_passages(Section("X", 1, [long_paragraph, "kort"]), max_chars=700)
    assert all(len(p) <= 760 for p in passages)
    assert len(passages) > 2


def test_real_documents_lose_their_artefacts() -> None:
    catalogue = load_catalogue()
    norddjurs = normalised_document(catalogue.document("norddjurs-2024"))
    assert "beskæftigelsesindsatsen i Norddjurs Kommune" in norddjurs
    assert "jobindsats.dk" in norddjurs and "jobind-" not in norddjurs
    morsoe = normalised_document(catalogue.document("morsoe-2021"))
    assert "\uf0b7" not in morsoe
    strategy = normalised_document(catalogue.document("norddjurs-2020-2021-strategi"))
    assert "..........." not in strategy
    for doc in catalogue.documents:
        sections = split_sections(normalised_document(doc), doc.heading_patterns)
        assert len(sections) >= 3, doc.id
