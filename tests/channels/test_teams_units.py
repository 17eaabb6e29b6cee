"""Unit tests of the Teams channel helpers: cards, text extraction, configuration, Rasa loading."""

from __future__ import annotations

from typing import Any

import pytest
from rasa.core.channels.channel import OutputChannel

from channels.teams import (
    BotConnectorClient,
    TeamsInput,
    TeamsOutput,
    extract_text,
    strip_mentions,
)
from channels.teams_auth import DEFAULT_OPENID_METADATA_URL, ConnectorTokenProvider
from channels.teams_cards import (
    MAX_ACTIONS_PER_SET,
    button_to_action,
    buttons_attachment,
    format_date,
    format_period,
    goal_status_attachment,
    teams_markdown,
)

CREDENTIALS_YML = """
channels.teams.TeamsInput:
  app_id: ${TEAMS_APP_ID}
  app_password: ${TEAMS_APP_PASSWORD}
  tenant_id: ${TEAMS_TENANT_ID}
"""


def _goal(**overrides: Any) -> dict[str, Any]:
    goal = {
        "type": "goal_status",
        "kommune": "Norddjurs",
        "plan": "Beskæftigelsesplan 2024",
        "code": "1.2",
        "title": "Fokusmål samtaler",
        "value": "76,5 %",
        "period": "2024M06",
        "target": "mindst 80 %",
        "national": "72,0 %",
        "change": "+1,2 procentpoint",
        "status": "nået",
        "source": "Jobindsats.dk (STAR), tabel y60j01",
        "updated": "2026-08-22",
    }
    goal.update(overrides)
    return goal


def _facts(card: dict[str, Any]) -> dict[str, str]:
    for block in card["content"]["body"]:
        if block["type"] == "FactSet":
            return {fact["title"]: fact["value"] for fact in block["facts"]}
    raise AssertionError("no FactSet")


def _status_block(card: dict[str, Any]) -> dict[str, Any]:
    return next(b for b in card["content"]["body"] if str(b.get("text", "")).startswith("Status:"))


# ---------------------------------------------------------------- cards


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ("2024M06", "juni 2024"),
        ("2023M12", "december 2023"),
        ("2024K2", "2. kvartal 2024"),
        ("2024Q3", "3. kvartal 2024"),
        ("2024H1", "1. halvår 2024"),
        ("2024", "2024"),
        ("2024M13", "2024M13"),
        (None, ""),
    ],
)
def test_format_period(period: str | None, expected: str) -> None:
    assert format_period(period) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2026-08-22", "22. august 2026"), ("2026-02-30", "2026-02-30"), ("i går", "i går")],
)
def test_format_date(value: str, expected: str) -> None:
    assert format_date(value) == expected


@pytest.mark.parametrize(
    ("status", "colour", "label"),
    [
        ("nået", "good", "Status: Nået"),
        ("ikke nået", "attention", "Status: Ikke nået"),
        ("ingen målinger", "warning", "Status: Ingen målinger"),
        ("kan ikke vurderes", "default", "Status: Kan ikke vurderes"),
        ("noget andet", "default", "Status: Noget andet"),
    ],
)
def test_goal_status_colours(status: str, colour: str, label: str) -> None:
    card = goal_status_attachment(_goal(status=status))
    block = _status_block(card)
    assert block["color"] == colour
    assert block["text"] == label


def test_goal_status_card_shape() -> None:
    card = goal_status_attachment(_goal())
    assert card["contentType"] == "application/vnd.microsoft.card.adaptive"
    content = card["content"]
    assert content["type"] == "AdaptiveCard"
    assert content["version"] == "1.4"
    assert content["$schema"] == "http://adaptivecards.io/schemas/adaptive-card.json"
    assert content["body"][0]["text"] == "1.2 Fokusmål samtaler"
    assert _facts(card) == {
        "Seneste måling": "76,5 % (juni 2024)",
        "Mål": "mindst 80 %",
        "Landsplan": "72,0 %",
        "Udvikling": "+1,2 procentpoint",
    }
    assert (
        content["body"][-1]["text"] == "Kilde: Jobindsats.dk (STAR), tabel y60j01. Opdateret 22. august 2026"
    )
    assert "Status: nået" in content["fallbackText"]


def test_goal_status_without_national_change_or_value() -> None:
    card = goal_status_attachment(
        _goal(national=None, change=None, value=None, period=None, status="ingen målinger")
    )
    assert _facts(card) == {"Seneste måling": "Ingen målinger", "Mål": "mindst 80 %"}
    assert _status_block(card)["color"] == "warning"


def test_url_button_becomes_open_url() -> None:
    action = button_to_action(
        {"title": "Læs planen", "url": "https://example.org/plan.pdf", "type": "web_url"}
    )
    assert action == {"type": "Action.OpenUrl", "title": "Læs planen", "url": "https://example.org/plan.pdf"}


def test_many_buttons_are_split_into_action_sets() -> None:
    buttons = [{"title": f"Kommune {i}", "payload": f"/k{i}"} for i in range(8)]
    card = buttons_attachment("Vælg", buttons)["content"]
    assert "actions" not in card
    sets = [block for block in card["body"] if block["type"] == "ActionSet"]
    assert [len(s["actions"]) for s in sets] == [MAX_ACTIONS_PER_SET, 8 - MAX_ACTIONS_PER_SET]
    submitted = [a["data"]["msteams"]["text"] for s in sets for a in s["actions"]]
    assert submitted == [f"/k{i}" for i in range(8)]


def test_teams_markdown_keeps_lines_apart() -> None:
    text = "Norddjurs har 3 mål:\n- 1.1 Flere i job\n- 1.2 Samtaler\r\n\n\nKilde: planen  \nSlut"
    assert teams_markdown(text) == (
        "Norddjurs har 3 mål:\n\n- 1.1 Flere i job\n\n- 1.2 Samtaler\n\nKilde: planen\n\nSlut"
    )


# ---------------------------------------------------------------- text extraction


def test_strip_mentions_removes_bot_keeps_other_people() -> None:
    text = "<at>Planassistenten</at> hvad siger <at>Jens Hansen</at> om mål 2?"
    assert (
        strip_mentions(text, bot_id="28:bot", bot_name="Planassistenten")
        == "hvad siger Jens Hansen om mål 2?"
    )


def test_strip_mentions_uses_entities() -> None:
    entities = [{"type": "mention", "text": "<at>Plan Bot</at>", "mentioned": {"id": "28:bot"}}]
    assert strip_mentions("<at>Plan Bot</at>  status?", bot_id="28:bot", entities=entities) == "status?"


@pytest.mark.parametrize(
    ("activity", "expected"),
    [
        ({"text": "  hej  "}, "hej"),
        ({"text": "<at>Planassistenten</at>", "recipient": {"id": "28:b", "name": "Planassistenten"}}, None),
        ({"text": "", "value": {"payload": "/greet"}}, "/greet"),
        ({"value": "/greet"}, "/greet"),
        ({"value": {"a": 1, "b": "æ"}}, '{"a": 1, "b": "æ"}'),
        ({"value": {}}, None),
        ({}, None),
    ],
)
def test_extract_text(activity: dict[str, Any], expected: str | None) -> None:
    assert extract_text(activity) == expected


def test_personal_install_is_greeted() -> None:
    activity = {
        "type": "conversationUpdate",
        "recipient": {"id": "28:bot"},
        "membersAdded": [{"id": "28:bot"}],
        "conversation": {"id": "a:1", "conversationType": "personal"},
    }
    assert TeamsInput.should_greet(activity) is True
    activity["conversation"]["conversationType"] = "groupChat"
    assert TeamsInput.should_greet(activity) is False
    activity["membersAdded"] = []
    assert TeamsInput.should_greet(activity) is False


# ---------------------------------------------------------------- configuration


def test_from_credentials_defaults() -> None:
    channel = TeamsInput.from_credentials({"app_id": "app", "app_password": "pw", "tenant_id": "tenant-1"})
    assert channel.is_configured
    assert channel.name() == "teams"
    assert channel.url_prefix() == "teams"
    assert channel.token_endpoint == "https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token"
    assert channel.validator.openid_metadata_url == DEFAULT_OPENID_METADATA_URL
    assert channel.validator.allowed_issuers == ("https://api.botframework.com",)
    assert channel.validator.clock_skew_seconds == 300
    assert channel.validator.jwks_cache_seconds == 86400
    assert channel.validator.keys_loaded is False


def test_from_credentials_options() -> None:
    channel = TeamsInput.from_credentials(
        {
            "app_id": "app",
            "app_password": "pw",
            "tenant_id": "t",
            "allowed_issuers": "https://issuer.example",
            "clock_skew_seconds": "60",
            "jwks_cache_seconds": 600,
            "token_endpoint": "https://login.example/{tenant_id}/token",
        }
    )
    assert channel.validator.allowed_issuers == ("https://issuer.example",)
    assert channel.validator.clock_skew_seconds == 60
    assert channel.validator.jwks_cache_seconds == 600
    assert channel.token_endpoint == "https://login.example/t/token"


def test_from_credentials_rejects_bad_numbers() -> None:
    with pytest.raises(ValueError, match="clock_skew_seconds"):
        TeamsInput.from_credentials({"app_id": "a", "clock_skew_seconds": "fem minutter"})


def test_unexpanded_placeholders_count_as_empty() -> None:
    channel = TeamsInput.from_credentials(
        {
            "app_id": "${TEAMS_APP_ID}",
            "app_password": "${TEAMS_APP_PASSWORD}",
            "tenant_id": "${TEAMS_TENANT_ID}",
        }
    )
    assert channel.app_id == ""
    assert channel.is_configured is False


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # raised inside Rasa's heavy imports
@pytest.mark.parametrize("configured", [False, True])
def test_rasa_loads_channel_from_credentials_file(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch, configured: bool
) -> None:
    """Rasa's own loader (env-var substitution + class lookup) accepts the section, also when empty."""
    from rasa.core.run import create_http_input_channels

    monkeypatch.setenv("TEAMS_APP_ID", "app-id" if configured else "")
    monkeypatch.setenv("TEAMS_APP_PASSWORD", "pw" if configured else "")
    monkeypatch.setenv("TEAMS_TENANT_ID", "tenant" if configured else "")
    credentials_file = tmp_path / "credentials.yml"
    credentials_file.write_text(CREDENTIALS_YML, encoding="utf-8")

    channels = create_http_input_channels(None, str(credentials_file))

    assert len(channels) == 1
    channel = channels[0]
    assert isinstance(channel, TeamsInput)
    assert channel.is_configured is configured
    assert channel.app_id == ("app-id" if configured else "")
    assert channel.validator.keys_loaded is False


# ---------------------------------------------------------------- output channel (no network)


class _RecordingConnector(BotConnectorClient):
    def __init__(self) -> None:
        super().__init__(ConnectorTokenProvider("a", "p", "http://127.0.0.1:9/unused"))
        self.calls: list[tuple[str, str, dict[str, Any], str | None]] = []

    async def send(
        self, service_url: str, conversation_id: str, activity: dict[str, Any], reply_to_id: str | None = None
    ) -> dict[str, Any] | None:
        self.calls.append((service_url, conversation_id, activity, reply_to_id))
        return {"id": "x"}


@pytest.mark.asyncio
async def test_output_channel_renders_rasa_responses() -> None:
    connector = _RecordingConnector()
    out = TeamsOutput(
        connector,
        {
            "id": "act-1",
            "serviceUrl": "https://smba.trafficmanager.net/emea/",
            "conversation": {"id": "a:1"},
            "recipient": {"id": "28:bot", "name": "Planassistenten"},
            "from": {"id": "29:user"},
        },
    )
    assert isinstance(out, OutputChannel)
    assert out.name() == "teams"

    await out.send_response(
        "29:user", {"text": "Vælg", "quick_replies": [{"title": "Ja", "payload": "/affirm"}]}
    )
    await out.send_response("29:user", {"image": "https://example.org/graf.png"})
    await out.send_response("29:user", {"custom": _goal(status="ikke nået")})
    await out.send_response("29:user", {"custom": {"data": [1, 2]}})

    assert [call[3] for call in connector.calls] == ["act-1", "act-1", "act-1"]
    assert {call[0] for call in connector.calls} == {"https://smba.trafficmanager.net/emea/"}
    quick, image, goal = (call[2] for call in connector.calls)
    assert quick["attachments"][0]["content"]["actions"][0]["data"]["msteams"]["text"] == "/affirm"
    assert image["attachments"][0]["content"]["body"][0] == {
        "type": "Image",
        "url": "https://example.org/graf.png",
        "altText": "",
        "size": "Stretch",
    }
    assert _status_block(goal["attachments"][0])["color"] == "attention"
    assert goal["summary"] == "Norddjurs: 1.2 Fokusmål samtaler – ikke nået"


def test_activities_url_encoding() -> None:
    url = BotConnectorClient.activities_url(
        "https://smba.trafficmanager.net/emea/", "19:a@thread.skype;x=1", "1|2"
    )
    assert url == (
        "https://smba.trafficmanager.net/emea/v3/conversations/19%3Aa%40thread.skype%3Bx%3D1/activities/1%7C2"
    )
