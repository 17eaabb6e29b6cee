"""Danish formatting, periods, folding and masking of personal data."""

import pytest

from planbot import formatting as fmt
from planbot.periods import asked_period_end, parse_period
from planbot.privacy import asks_about_own_case, is_too_long, mask_personal_data, prepare_user_text
from planbot.text import (
    content_lemmas,
    fold,
    question_sentences,
    term_groups,
    with_danish_letters,
    with_synonyms,
)


def test_danish_numbers() -> None:
    assert fmt.percent(76.5) == "76,5 %"
    assert fmt.number(8940) == "8.940"
    assert fmt.kroner(800000) == "800.000 kr."
    assert fmt.points(1.2) == "+1,2 procentpoint"
    assert fmt.join_list(["a", "b", "c"]) == "a, b og c"
    assert fmt.genitive("Norddjurs") == "Norddjurs'" and fmt.genitive("Morsø") == "Morsøs"
    assert fmt.figure(200, "praktikpladser") == "200 praktikpladser"
    assert fmt.figure(2017, "startår") == "startår 2017"  # a year has no thousands separator
    assert fmt.figure(1500, "personer") == "1.500 personer"


@pytest.mark.parametrize(("code", "canonical", "label"), [
    ("2024", "2024", "2024"), ("2024H1", "2024H1", "1. halvår 2024"), ("2024K3", "2024Q3", "3. kvartal 2024"),
    ("2024Q03", "2024Q3", "3. kvartal 2024"), ("2024M03", "2024M03", "marts 2024"),
])  # fmt: skip
def test_periods(code: str, canonical: str, label: str) -> None:
    period = parse_period(code)
    assert (period.code, period.label()) == (canonical, label)


def test_bad_period() -> None:
    with pytest.raises(ValueError, match="ukendt periode"):
        parse_period("2024M13")


def test_folding_and_lemmas_without_danish_letters() -> None:
    assert fold("Morsø") == fold("Morso") == fold("morsoe")
    assert fold("mål") == fold("maal")
    assert "ledig" in content_lemmas("de ledige")
    assert set(content_lemmas("virksomhederne")) & set(content_lemmas("virksomhed"))


@pytest.mark.parametrize(("text", "hidden"), [
    ("min cpr er 010203-1234", "010203-1234"),
    ("cpr 0102031234", "0102031234"),
    ("skriv til anna@example.dk", "anna@example.dk"),
    ("ring på 12 34 56 78", "12 34 56 78"),
    ("mit nummer er +45 12345678", "12345678"),
])  # fmt: skip
def test_personal_data_is_masked(text: str, hidden: str) -> None:
    assert hidden not in mask_personal_data(text)


def test_plan_periods_and_figures_are_not_masked() -> None:
    text = "planen for 2024-2027 har 10.000 samtaler og 8.940 i arbejdsstyrken"
    assert mask_personal_data(text) == text


def test_too_long_messages_are_recognised() -> None:
    assert is_too_long("a" * 2000) and not is_too_long("kort")
    assert prepare_user_text("kort") == "kort"


def test_search_synonyms_become_the_plans_terms() -> None:
    groups = term_groups("hvor mange var i arbejde med en lang videregaaende uddannelse")
    assert any("beskaeftiget" in g or "beskaeftigede" in g for g in groups)
    assert any("hojtuddannede" in g for g in groups)
    assert not any("arbejde" in g for g in groups)  # the phrase is replaced, not kept
    # a single word keeps its own forms next to the plan's term
    assert any({"arbejdsgivere", "virksomheder"} <= g for g in term_groups("arbejdsgivere"))
    assert with_synonyms("hvor mange klager var der") == "hvor mange klager klagesager var der"


def test_a_plan_term_next_to_its_synonym_counts_once() -> None:
    # "folkeskolen" is "grundskolen" in the plans; a question holding both (or the topic words
    # with the plan term added) must not weigh the concept twice.
    for text in ("efter folkeskolen grundskolen", "efter grundskolen eller folkeskolen"):
        groups = term_groups(text)
        assert sum(1 for g in groups if "grundskolen" in g) == 1
        assert {"folkeskolen", "grundskolen"} <= groups[0]


@pytest.mark.parametrize(
    ("text", "question"),
    [
        (
            "Jeg sidder i udvalget og skal forberede mig til torsdag. Hvad kan du svare på?",
            "Hvad kan du svare på?",
        ),
        ("I forbindelse med budgettet: Hvor meget flyttes fra STU?", "Hvor meget flyttes fra STU?"),
        ("Hvad gør I for unge? Min søn er 19.", "Hvad gør I for unge?"),  # the question, not the last
        ("hej\nhvordan går det med 6.3", "hvordan går det med 6.3"),  # a question word, no "?"
        ("Jeg skal til møde. Giv mig status på 6.3", "Giv mig status på 6.3"),  # a request
        ("Jeg er ny. Hvad er 6.3? Og hvordan går det?", "Hvad er 6.3? Og hvordan går det?"),
        ("Mål 6.3 i planen. Status", None),  # no sentence asks
        ("Hvad er 6.3? Og hvordan går det?", None),  # every sentence asks: nothing to leave out
        ("Hvordan går det med mål 6.3 og 8.940 ledige?", None),  # codes and amounts do not split
        ("hvad gør kommunen for unge", None),
        ("skraldet tømmes hver 14. dag hos mig. hvem skal jeg ringe til?", "hvem skal jeg ringe til?"),
        ("Planen gælder 2024. Hvem har vedtaget den?", "Hvem har vedtaget den?"),
        (
            "min søn er droppet ud af gymnasiet og jeg er bekymret. hvad gør I for unge uden uddannelse? vi bor i norddjurs",
            "hvad gør I for unge uden uddannelse?",
        ),
        ("tak for svaret. det var godt.", None),
        ("hvordan klarer vi os ift. målet for personer med handicap", None),  # an abbreviation
        ("antal jobordrer pr. md. i norddjurs-planen?", None),  # "pr." and "md." too
        ("er folk tilfredse med jobcentret? har de naaet de 90 procent", None),  # two questions
    ],
)
def test_question_sentences(text: str, question: str | None) -> None:
    assert question_sentences(text) == question


KNOWN = {"hvad", "gør", "i", "på", "mors", "for", "mål", "målet", "nået", "aalborg", "får", "ledige", "hvor"}
KNOWN |= {"længe", "gælder", "den"}


@pytest.mark.parametrize(
    ("text", "spelled"),
    [
        ("hvad goer i paa mors", "hvad gør i på mors"),
        ("er maalet naaet", "er målet nået"),
        ("hvad faar ledige i Aalborg", "hvad får ledige i Aalborg"),  # a known name stays
        ("hvad gør i for ledige", "hvad gør i for ledige"),  # nothing to respell
        ("hvor laenge galder den", "hvor længe gælder den"),  # a plain a for æ
        ("poesi og aeroplaner", "poesi og aeroplaner"),  # no spelling is known: unchanged
    ],
)
def test_digraphs_become_danish_letters_only_when_that_makes_a_known_word(text: str, spelled: str) -> None:
    assert with_danish_letters(text, KNOWN.__contains__) == spelled


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kan du kigge i min sag?", True),
        ("hvornår kommer mine ydelser", True),
        ("er min egen journal opdateret", True),
        ("hvad gør kommunen i sager om socialt bedrageri", False),
        ("min søn er ledig", False),
    ],
)
def test_own_case(text: str, expected: bool) -> None:
    assert asks_about_own_case(text) is expected


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("hvad var ledigheden i morsø i 2022?", "2022-12-31"),
        ("kontanthjælp for februar 2024", "2024-02-29"),
        ("ved udgangen af 2023", "2023-12-31"),
        ("udviklingen siden 2022", None),  # a development, not one period
        ("i perioden 2021-2024", None),
        ("hvad er ledigheden nu", None),
        ("Aktiveringsgrad kth Middelfart, marts 2025?", "2025-03-31"),  # no preposition
        ("ledigheden siden marts 2022", None),
        ("fra marts 2022 til nu", None),
    ],
)
def test_the_period_a_question_asks_about(text: str, end: str | None) -> None:
    asked = asked_period_end(fold(text))
    assert (asked.isoformat() if asked else None) == end


def test_a_synonym_phrase_with_a_filler_adverb_between_its_words() -> None:
    from planbot.text import with_synonyms

    assert "beskæftigede" in with_synonyms("hvor mange mennesker har egentlig arbejde paa mors")
    assert "beskæftigede" not in with_synonyms("hvor mange har ikke arbejde")


def test_a_dash_before_a_question_word_ends_the_preamble() -> None:
    from planbot.text import question_sentences

    text = (
        "Godmorgen. Jeg sidder med sagerne til udvalgsmødet – hvordan går det med samtalemålet i Norddjurs?"
    )
    assert question_sentences(text) == "hvordan går det med samtalemålet i Norddjurs?"
    assert question_sentences("Morsø – hvordan går det?") is None  # one sentence asks, nothing to leave out


def test_the_first_of_several_questions() -> None:
    from planbot.text import first_of_several_questions

    text = "Hvilke mål har Norddjurs for de unge i 2024? Og hvem følger op på dem?"
    assert first_of_several_questions(text) == "Hvilke mål har Norddjurs for de unge i 2024?"
    assert first_of_several_questions("hvem følger op på 6.3?") is None


def test_the_lemma_of_a_name_that_is_also_a_word_counts_as_the_name() -> None:
    from planbot.text import only_filler_and

    assert only_filler_and("Og hvordan ser det ud i Vejen lige nu?", {"se", "ser", "ud"}, ["vejen"])
