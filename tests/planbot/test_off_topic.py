"""Requests the assistant recognisably cannot serve: writing tasks, sums, English."""

import pytest

from planbot.off_topic import asks_about_another_service, is_english, is_sum, is_task_request, off_topic_kind


@pytest.mark.parametrize(
    "text",
    [
        "skriv en nytårstale til borgmesteren",
        "kan du lave et kort digt om sommerferien",
        "find lige på en god joke",
        "fortæl os et par vittigheder",
        "Kunne du digte en sang til min kollegas reception?",
        "giv mig en opskrift paa boller",
        "kom med en gåde",
        "vi står for julefrokosten – har du en god opskrift på risalamande?",
        "kender du en sjov vittighed",
        "vil du skrive en jobansøgning til mig, jeg søger som butiksassistent",
        "lav et cv for mig",
    ],
)
def test_task_requests(text: str) -> None:
    assert is_task_request(text)


@pytest.mark.parametrize(
    "text",
    [
        "hvad skriver planen om tale- og sprogvanskeligheder?",
        "skriv mål 6.3",
        "lav en aftale med jobcentret",  # an appointment: the jobcenter answer
        "kan jeg få en samtale med min sagsbehandler",
        "fortæl mig om indsatserne for de unge",
        "hvilke mål har Morsø for fleksjob",
        "hvordan står det til med historien om praktikbanken",
    ],
)
def test_plan_and_case_questions_are_not_task_requests(text: str) -> None:
    assert not is_task_request(text)


@pytest.mark.parametrize("text", ["hvad er 12 gange 7", "regn 3,5 plus 4 ud", "144 divideret med 12?"])
def test_sums(text: str) -> None:
    assert is_sum(text)


@pytest.mark.parametrize(
    "text",
    [
        "hvor mange er 25 plus 30 år i Norddjurs",  # plan words around the numbers
        "hvad er forskellen på 6.3 og 6.4",
        "mål for 2024-2027",
        "hvad giver 100/4",  # a slash is a period or a ratio ("2024/2025"), never a sum
    ],
)
def test_numbers_in_plan_questions_are_not_sums(text: str) -> None:
    assert not is_sum(text)


def test_english_needs_two_english_words_and_more_than_danish_ones() -> None:
    assert is_english("where do I find the job centre")
    assert is_english("How is the unemployment in Aarhus?")
    assert not is_english("help please")
    assert not is_english("jeg vil gerne have en status på it-indsatsen")  # "have", "it" are Danish too
    assert not is_english("hvad er status på målet om samtaler with the companies")


def test_english_only_counts_when_the_classifier_was_unsure() -> None:
    assert off_topic_kind("what can you do", unsure=False) is None
    assert off_topic_kind("what can you do", unsure=True) == "english"
    assert off_topic_kind("skriv en tale", unsure=False) == "task"
    assert off_topic_kind("hvad er 17 gange 3", unsure=False) == "sum"


@pytest.mark.parametrize(
    "text",
    [
        "hvornaar kan min datter faa plads i en daginstitution i solrod",
        "min mor har brug for hjemmepleje i norddjurs, hvem skal jeg kontakte?",
        "hvornår bliver storskraldet hentet på Mors",
        "åbningstider på biblioteket?",
        "Hvordan går det med målene i kommunens klimaplan om CO2-reduktion?",
        "hvad er målet for daginstitutionerne i Morsø",
        "kan du reservere et mødelokale til på torsdag?",
        "jeg skal have nulstillet min kode til journalsystemet",
        "hvor melder jeg at min hund er bortløbet",
        "må jeg parkere foran rådhuset i Hobro, når jeg har møde?",
        "hvordan søger jeg boligstøtte, når skemaet ikke virker",
        "hvad er nummeret til lægevagten",
        "jeg kan ikke logge på med mitid",
        "hvor registrerer jeg min flekstid, og hvem godkender overarbejde?",
        "har kantinen i jobcentret åbent i juleferien?",
        "hvordan fletter jeg to ark sammen i excel?",
    ],
)
def test_questions_about_the_kommunes_other_services(text: str) -> None:
    assert asks_about_another_service(text)
    assert off_topic_kind(text, unsure=False) == "service"


@pytest.mark.parametrize(
    "text",
    [
        "hvad gør kommunen for at skaffe arbejdskraft til ældreplejen?",  # employment after all
        "er der praktikpladser i daginstitutionerne til ledige?",
        "hvad er målet for ledige i Morsø",
        "hvad gør I for folk med handicap",
        "hvor mange hundrede ledige har Morsø?",  # not a dog
        "kan jeg få ledighedstallene for Morsø som excel-ark?",  # figures after all
    ],
)
def test_employment_questions_are_not_about_other_services(text: str) -> None:
    assert not asks_about_another_service(text)


def test_a_draft_of_a_speech_and_the_coffee_are_off_topic() -> None:
    from planbot.off_topic import off_topic_kind

    assert off_topic_kind("Kan du så skrive et udkast til min tale til byrådsmødet?", unsure=False) == "task"
    assert (
        off_topic_kind("Ved du, om der er kaffe og kage til byrådsmødet i aften?", unsure=False) == "service"
    )
    assert off_topic_kind("skriv et udkast til mål 6.3", unsure=False) is None


@pytest.mark.parametrize(
    ("text", "task"),
    [
        # the user telling what they write is context, not a task for the assistant
        ("Jeg skal skrive et debatindlæg. Hvordan klarer Mariagerfjord sig på ledigheden?", False),
        ("vi er ved at skrive en ansøgning til fonden, hvad siger planen om unge", False),
        # asking the assistant to write is a task, also in definite form
        ("kan du skrive en tale til byrådsmødet", True),
        ("kan du ikke også skrive indlægget for mig? bare et par linjer", True),
        ("skriv min tale færdig", True),
        # not a task: help the jobcenter gives, a question about a text
        ("hjælp til at skrive ansøgninger", False),
        ("hvad står der i indlægget", False),
    ],
)
def test_a_task_is_asked_of_the_assistant(text: str, task: bool) -> None:
    assert is_task_request(text) is task
