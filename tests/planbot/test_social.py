"""Messages that end the conversation, whatever they say on the way out."""

import pytest

from planbot.social import (
    asks_for_a_person,
    asks_what_it_can_do,
    is_bare_hej_hej,
    is_farewell,
    is_greeting_with_introduction,
    is_thanks,
    requests_a_person,
)


@pytest.mark.parametrize(
    "text",
    [
        "farvel",
        "hav det godt",
        "ok hej hej",
        "super, tak for det. vi ses",
        "fint, så ved jeg det. hej hej",
        "tak for hjælpen, hav en rigtig god dag",
        "ha' en god aften",
        "mange tak, vi ses derude",
        "jeg skal til udvalgsmøde nu, farvel og tak",
        "tak for i dag, hej",
        "tak, god aften",
        "god weekend",
        "Paa gensyn",
        "hej saa længe",
        "fint, så har jeg hvad jeg skal bruge. god aften herfra",
        "cheers, that's all 👋",
        "ok tak, see you",
    ],
)
def test_farewells(text: str) -> None:
    assert is_farewell(text)


@pytest.mark.parametrize(
    "text",
    [
        "hej hej",  # alone it opens the conversation
        "hej",
        "god dag",
        "god eftermiddag",
        "hej med dig, håber du har en god dag",  # a wish, not a leave-taking
        "mange tak for hjælpen",
        "farvel?",
        "kan du sige farvel",
        "hvad er ledigheden i Morsø, hej hej",  # a question first
        "jeg vil gerne have en god plan for de unge",
        "hvordan ses det i tallene",
        "tak for tallene for 2024, vi ses",  # a number: more than small talk
    ],
)
def test_not_farewells(text: str) -> None:
    assert not is_farewell(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hej hej", True),
        ("Hej hej du", True),
        ("hejhej og tak", True),
        ("hej", False),
        ("hej hej, jeg har et spørgsmål", False),
        ("hej hej hvad er ledigheden i Morsø", False),
    ],
)
def test_bare_hej_hej(text: str, expected: bool) -> None:
    assert is_bare_hej_hej(text) is expected


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("kan jeg ringe til nogen?", True),
        ("stil mig om til en sagsbehandler", True),
        ("jeg gider ikke snakke med en bot", True),
        ("jobcentrets nummer?", True),
        ("kan du ikke finde på en god vittighed, jeg kan åbne mødet med?", False),
        ("skriv en tale til byrådsmødet", False),
    ],
)
def test_asks_for_a_person(text: str, asks: bool) -> None:
    assert asks_for_a_person(text) is asks


@pytest.mark.parametrize(
    ("text", "requests"),
    [
        ("chatbots er noget skrammel, giv mig et rigtigt menneske", True),
        ("jeg vil hellere chatte med en rådgiver", True),
        ("kan jeg godt få lov til at snakke med nogen", True),
        ("send mig videre til en jobkonsulent tak", True),
        ("jeg vil gerne have fat i en vejleder", True),
        ("i want to talk to a human", True),
        # whether the assistant is a person, not a request for one
        ("taler jeg med en rigtig person nu?", False),
        ("sidder der en sagsbehandler og læser med", False),
        # a request, but not for a person
        ("giv mig en oversigt over målene", False),
        ("kan jeg få tallene for Morsø", False),
    ],
)
def test_requests_a_person(text: str, requests: bool) -> None:
    assert requests_a_person(text) is requests


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("Før vi starter: hvad kan du egentlig hjælpe mig med?", True),
        ("hvilke typer spørgsmål kan botten svare på", True),
        ("hvad kan man bruge planassistenten til?", True),
        ("hvilke spoergsmaal kan jeg stille dig", True),
        ("hvad er du lavet til", True),
        ("Som ny i udvalget: hvad er det for nogle spørgsmål du kan klare om jobcentrene?", True),
        ("Goddag. Jeg er ny i udvalget – hvad er det du kan hjælpe mig med?", True),
        ("hvad kan du hjælpe mig med før et møde i beskæftigelsesudvalget?", True),
        ("Hvad kan du hjælpe mig med som nyt medlem af Beskæftigelses- og Erhvervsudvalget?", True),
        ("hvad kan du hjælpe mig med til min ansøgning", False),  # about something
        ("hvad er det du kan hjælpe mig med i min sag om sygedagpenge", False),  # one's own case
        # a question about something, not about the assistant
        ("hvad kan du fortælle om fleksjob i Morsø?", False),
        ("hvad kan jeg få hjælp til på jobcentret", False),
        ("hvad kan du: er du en robot?", False),
    ],
)
def test_asks_what_it_can_do(text: str, asks: bool) -> None:
    assert asks_what_it_can_do(text) is asks


@pytest.mark.parametrize(
    ("text", "thanks"),
    [
        ("perfekt, tusind tak", True),
        ("ah okay, det var fint. tak skal du have", True),  # "tak skal du have" is thanks
        ("tak skal du have for hjælpen", True),
        ("skal du have mere hjælp?", False),
        ("super godt, tak for svaret", True),
        ("tak", True),
        ("kilde tak", False),  # a request
        ("tak, men hvad med Morsø", False),
        ("ok tak. farvel", False),  # leaves: the farewell rule's
        ("tak?", False),
        # a short remark before the thanks that asks for nothing
        ("Okay, så må jeg lede videre selv. Tak alligevel!", True),
        ("Jeg vil gerne se planen for Morsø. Tak", False),  # a request
        ("Det skal være målene for de unge. Tak.", False),  # about the plans
    ],
)
def test_is_thanks(text: str, thanks: bool) -> None:
    assert is_thanks(text) is thanks


@pytest.mark.parametrize(
    "text",
    [
        "Hej! Jeg hedder Lise og sidder i beskæftigelsesudvalget",
        "god morgen, jeg er ny byrådspolitiker i Hobro",
    ],
)
def test_a_greeting_that_says_who_the_user_is(text: str) -> None:
    assert is_greeting_with_introduction(text)


@pytest.mark.parametrize(
    "text",
    [
        "hej, jeg er ny i udvalget – hvad er målene?",  # a question
        "hej jeg sidder i udvalget og vil gerne se tallene",  # a request
        "jeg er ny i udvalget, hej",  # the greeting does not open it
        "hej med dig",  # no introduction
        "hej jeg er født 010190 og ledig",  # a number: more than small talk
    ],
)
def test_not_a_greeting_with_an_introduction(text: str) -> None:
    assert not is_greeting_with_introduction(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("God morgen derude", True),
        ("hej derude i chatten", True),
        ("hejsa med dig bot", True),
        ("hej hvad kan du", False),
        ("hej, hvad er ledigheden i Morsø", False),
    ],
)
def test_bare_greetings(text: str, expected: bool) -> None:
    from planbot.social import is_bare_greeting

    assert is_bare_greeting(text) is expected


def test_one_thing_or_the_other_asks_what_it_can_do() -> None:
    assert asks_what_it_can_do("kan du trække jobindsats-tal eller kun planerne?")
    assert not asks_what_it_can_do("kan du sige om ledigheden er steget eller faldet")


def test_thanks_with_how_the_answer_helps() -> None:
    assert is_thanks("Tak, det kan jeg bruge i min tale")
    assert is_thanks("det kan jeg sagtens bruge til noget, tak")
    assert not is_thanks("tak, kan jeg bruge det til min ansøgning om fleksjob?")


def test_what_it_can_do_with_filler_and_an_abbreviation() -> None:
    from planbot.social import asks_what_it_can_do

    assert asks_what_it_can_do("hvad er det egentlig du kan svare på?")
    assert asks_what_it_can_do("Hvad kan du svare på ift. Jobindsats-tal?")
    assert not asks_what_it_can_do("hvad kan du fortælle om målene ift. de unge?")


def test_someone_from_the_administration_or_for_someone_else() -> None:
    from planbot.social import requests_a_person

    assert requests_a_person("Jeg vil hellere have en fra forvaltningen til at gennemgå det med mig")
    assert requests_a_person("kan han snakke med nogen fra kommunen i grenaa om det?")
    # whether someone from the kommune is writing is the bot question, not a request
    assert not requests_a_person("sidder der nogen fra kommunen og skriver")


@pytest.mark.parametrize(
    "text",
    [
        "Så sæt mig i forbindelse med en kollega der kan – gerne på Teams",
        "kan du sætte mig i kontakt med en sagsbehandler",
    ],
)
def test_being_put_in_touch_with_a_person(text: str) -> None:
    assert requests_a_person(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hvad dækker botten – kan den trække tal fra Fasit eller kun jobindsats?", True),
        ("hvad dækker du egentlig?", True),
        ("kan den plan både unge eller kun voksne", False),  # "den" is no assistant here
    ],
)
def test_what_the_bot_covers(text: str, expected: bool) -> None:
    assert asks_what_it_can_do(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("super, så har jeg det jeg skal bruge. logger af nu 👍", True),
        ("jeg logger af nu", True),
        ("hvordan logger jeg af", False),
    ],
)
def test_leaving_the_chat_is_a_farewell(text: str, expected: bool) -> None:
    from planbot.social import is_farewell

    assert is_farewell(text) is expected


def test_whom_to_get_in_touch_with() -> None:
    assert requests_a_person("Nå. Hvem kan jeg så tage kontakt til i Odsherred om det?")


def test_a_farewell_wished_to_someone() -> None:
    from planbot.social import is_farewell

    assert is_farewell("god weekend til dig 👋")
    assert is_farewell("vi ses til jer")


def test_whom_in_the_administration_to_turn_to() -> None:
    from planbot.social import asks_whom_to_contact

    assert asks_whom_to_contact(
        "Hvem i forvaltningen kan jeg få en gennemgang af tallene med inden budgettet?"
    )
    assert not asks_whom_to_contact("hvem i kommunen har ansvaret for planen?")  # a plan question
