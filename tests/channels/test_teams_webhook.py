"""End-to-end tests of the Teams channel: real HTTP on 127.0.0.1 in both directions."""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Awaitable, Callable
from urllib.parse import quote

import aiohttp
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from teams_fakes import (
    APP_ID,
    APP_PASSWORD,
    BOT_ID,
    BOT_NAME,
    KID,
    TENANT_ID,
    FakeBotFramework,
    TeamsBot,
    message_activity,
    public_jwk,
)

from channels.teams import GREETING, TeamsInput

pytestmark = pytest.mark.asyncio

StartBot = Callable[[TeamsInput], Awaitable[TeamsBot]]

GOAL_STATUS = {
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
    "status": "ikke nået",
    "source": "Jobindsats.dk (STAR), tabel y60j01",
    "updated": "2026-08-22",
}


def reply_path(activity: dict) -> str:
    """The raw path the bot must POST replies to on the fake connector."""
    conversation = quote(activity["conversation"]["id"], safe="")
    return f"/emea/v3/conversations/{conversation}/activities/{quote(activity['id'], safe='')}"


# ---------------------------------------------------------------- happy paths


async def test_health_route(bot: TeamsBot) -> None:
    async with aiohttp.ClientSession() as session, session.get(bot.health_url) as resp:
        assert resp.status == 200
        assert await resp.json() == {"status": "ok", "configured": True}


async def test_message_reaches_rasa_and_reply_is_posted(bot: TeamsBot, fake_bf: FakeBotFramework) -> None:
    bot.responses = [{"text": "Norddjurs har fem mål i planen."}]
    activity = message_activity(fake_bf)

    status, _ = await bot.post(activity, token=fake_bf.token())

    assert status == 200
    assert len(bot.messages) == 1
    message = bot.messages[0]
    assert message.text == "Hvilke mål har Norddjurs?"
    assert message.input_channel == "teams"
    assert message.sender_id == "29:1user-teams-id"
    assert message.output_channel.name() == "teams"
    assert message.message_id == activity["id"]
    teams = message.metadata["teams"]
    assert teams["tenant_id"] == TENANT_ID
    assert teams["home_tenant"] is True
    assert teams["aad_object_id"] == "99999999-8888-7777-6666-555555555555"
    assert teams["conversation_type"] == "personal"
    assert "user_name" not in teams  # no display names in the tracker

    # The reply went to {serviceUrl}v3/conversations/{id}/activities/{activity id} ...
    assert len(fake_bf.activities) == 1
    sent = fake_bf.activities[0]
    assert sent["raw_path"] == reply_path(activity)
    # ... authenticated with the token from the (tenant-specific) token endpoint.
    assert fake_bf.tokens_issued == ["connector-token-1"]
    assert sent["authorization"] == "Bearer connector-token-1"
    assert len(fake_bf.token_requests) == 1
    token_request = fake_bf.token_requests[0]
    assert token_request["path"] == f"/{TENANT_ID}/oauth2/v2.0/token"
    assert token_request["form"] == {
        "grant_type": "client_credentials",
        "client_id": APP_ID,
        "client_secret": APP_PASSWORD,
        "scope": "https://api.botframework.com/.default",
    }
    body = sent["json"]
    assert body["type"] == "message"
    assert body["text"] == "Norddjurs har fem mål i planen."
    assert body["replyToId"] == activity["id"]
    assert body["from"] == {"id": BOT_ID, "name": BOT_NAME}
    assert body["recipient"]["id"] == "29:1user-teams-id"
    assert body["conversation"]["id"] == activity["conversation"]["id"]


async def test_channel_mention_is_stripped_and_thread_reply_path_encoded(
    bot: TeamsBot, fake_bf: FakeBotFramework
) -> None:
    bot.responses = [{"text": "Svar"}]
    conversation_id = "19:abc123@thread.tacv2;messageid=1700000000000"
    activity = message_activity(
        fake_bf,
        text="<at>Planassistenten</at> Hvilke mål har&nbsp;Syddjurs?",
        entities=[
            {
                "type": "mention",
                "text": "<at>Planassistenten</at>",
                "mentioned": {"id": BOT_ID, "name": BOT_NAME},
            }
        ],
        conversation={
            "conversationType": "channel",
            "tenantId": TENANT_ID,
            "id": conversation_id,
            "isGroup": True,
        },
        channelData={
            "teamsChannelId": "19:abc123@thread.tacv2",
            "teamsTeamId": "19:team@thread.tacv2",
            "channel": {"id": "19:abc123@thread.tacv2"},
            "team": {"id": "19:team@thread.tacv2"},
            "tenant": {"id": TENANT_ID},
        },
    )

    status, _ = await bot.post(activity, token=fake_bf.token())

    assert status == 200
    assert [m.text for m in bot.messages] == ["Hvilke mål har Syddjurs?"]
    assert bot.messages[0].sender_id == f"{conversation_id}|29:1user-teams-id"
    assert bot.messages[0].metadata["teams"]["conversation_type"] == "channel"
    assert bot.messages[0].metadata["teams"]["team_id"] == "19:team@thread.tacv2"
    assert [a["raw_path"] for a in fake_bf.activities] == [
        "/emea/v3/conversations/19%3Aabc123%40thread.tacv2%3Bmessageid%3D1700000000000"
        f"/activities/{activity['id']}"
    ]


async def test_buttons_become_adaptive_card_submit_actions(bot: TeamsBot, fake_bf: FakeBotFramework) -> None:
    buttons = [
        {"title": "Norddjurs", "payload": '/vaelg_kommune{"kommune": "Norddjurs"}'},
        {"title": "Syddjurs", "payload": '/vaelg_kommune{"kommune": "Syddjurs"}'},
    ]
    bot.responses = [{"text": "Hvilken kommune?", "buttons": buttons}]

    status, _ = await bot.post(message_activity(fake_bf), token=fake_bf.token())

    assert status == 200
    assert len(fake_bf.activities) == 1
    body = fake_bf.activities[0]["json"]
    assert len(body["attachments"]) == 1
    attachment = body["attachments"][0]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    card = attachment["content"]
    assert card["type"] == "AdaptiveCard"
    assert card["version"] == "1.4"
    assert card["body"] == [{"type": "TextBlock", "text": "Hvilken kommune?", "wrap": True}]
    assert card["actions"] == [
        {
            "type": "Action.Submit",
            "title": button["title"],
            "data": {
                "msteams": {"type": "messageBack", "displayText": button["title"], "text": button["payload"]},
                "payload": button["payload"],
            },
        }
        for button in buttons
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"payload": '/vaelg_kommune{"kommune": "Norddjurs"}'}, '/vaelg_kommune{"kommune": "Norddjurs"}'),
        ({"text": "Vis status"}, "Vis status"),
        ({"kommune": "Norddjurs", "aar": 2024}, None),
    ],
)
async def test_adaptive_card_submit_is_passed_to_rasa(
    bot: TeamsBot, fake_bf: FakeBotFramework, value: dict, expected: str | None
) -> None:
    activity = message_activity(fake_bf, value=value)
    del activity["text"]

    status, _ = await bot.post(activity, token=fake_bf.token())

    assert status == 200
    assert len(bot.messages) == 1
    if expected is None:
        assert json.loads(bot.messages[0].text) == value
    else:
        assert bot.messages[0].text == expected
    assert bot.messages[0].metadata["teams"]["card_submit"] is True
    assert "value" not in bot.messages[0].metadata["teams"]


async def test_personal_data_is_masked_before_rasa(bot: TeamsBot, fake_bf: FakeBotFramework) -> None:
    privacy = pytest.importorskip("planbot.privacy")
    text = "Mit cpr-nummer er 010190-1234 og min mail er mette@example.dk"
    status, _ = await bot.post(message_activity(fake_bf, text=text), token=fake_bf.token())

    assert status == 200
    assert bot.messages[0].text == privacy.prepare_user_text(text)
    assert "010190-1234" not in bot.messages[0].text
    assert "mette@example.dk" not in bot.messages[0].text


async def test_goal_status_custom_payload_becomes_card(bot: TeamsBot, fake_bf: FakeBotFramework) -> None:
    bot.responses = [{"custom": dict(GOAL_STATUS)}]

    status, _ = await bot.post(message_activity(fake_bf), token=fake_bf.token())

    assert status == 200
    assert len(fake_bf.activities) == 1
    attachment = fake_bf.activities[0]["json"]["attachments"][0]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    card = attachment["content"]
    assert card["version"] == "1.4"
    blocks = card["body"]
    assert blocks[0]["text"] == "1.2 Fokusmål samtaler"
    assert blocks[1]["text"] == "Norddjurs · Beskæftigelsesplan 2024"
    facts = {fact["title"]: fact["value"] for fact in blocks[2]["facts"]}
    assert facts == {
        "Seneste måling": "76,5 % (juni 2024)",
        "Mål": "mindst 80 %",
        "Landsplan": "72,0 %",
        "Udvikling": "+1,2 procentpoint",
    }
    assert blocks[3]["text"] == "Status: Ikke nået"
    assert blocks[3]["color"] == "attention"
    assert "Jobindsats.dk (STAR), tabel y60j01" in blocks[4]["text"]
    assert "22. august 2026" in blocks[4]["text"]


async def test_other_custom_payloads_text_or_ignored(bot: TeamsBot, fake_bf: FakeBotFramework) -> None:
    bot.responses = [{"custom": {"text": "Se planen på kommunens hjemmeside."}}, {"custom": {"foo": "bar"}}]

    status, _ = await bot.post(message_activity(fake_bf), token=fake_bf.token())

    assert status == 200
    assert [a["json"].get("text") for a in fake_bf.activities] == ["Se planen på kommunens hjemmeside."]
    assert "attachments" not in fake_bf.activities[0]["json"]


async def test_member_added_gets_greeting_without_rasa(bot: TeamsBot, fake_bf: FakeBotFramework) -> None:
    activity = message_activity(
        fake_bf,
        type="conversationUpdate",
        id="f:conversation-update-1",
        membersAdded=[{"id": "29:1user-teams-id", "aadObjectId": "99999999-8888-7777-6666-555555555555"}],
    )
    del activity["text"]

    status, _ = await bot.post(activity, token=fake_bf.token())

    assert status == 200
    assert bot.messages == []
    assert len(fake_bf.activities) == 1
    sent = fake_bf.activities[0]
    assert sent["json"]["text"] == GREETING
    assert sent["raw_path"] == reply_path(activity)
    assert sent["authorization"] == "Bearer connector-token-1"


async def test_bot_added_to_team_is_not_greeted(bot: TeamsBot, fake_bf: FakeBotFramework) -> None:
    activity = message_activity(
        fake_bf,
        type="conversationUpdate",
        membersAdded=[{"id": BOT_ID}],
        conversation={"conversationType": "channel", "id": "19:general@thread.tacv2", "tenantId": TENANT_ID},
    )
    del activity["text"]

    status, _ = await bot.post(activity, token=fake_bf.token())

    assert status == 200
    assert bot.messages == []
    assert fake_bf.activities == []


async def test_jwks_fetched_lazily_and_cached(fake_bf: FakeBotFramework, start_bot: StartBot) -> None:
    channel = TeamsInput.from_credentials(fake_bf.credentials())
    bot = await start_bot(channel)
    assert fake_bf.hits["openid"] == 0
    assert fake_bf.hits["keys"] == 0
    assert channel.validator.keys_loaded is False

    for _ in range(2):
        status, _ = await bot.post(message_activity(fake_bf), token=fake_bf.token())
        assert status == 200

    assert len(bot.messages) == 2
    assert fake_bf.hits["openid"] == 1
    assert fake_bf.hits["keys"] == 1


async def test_jwks_refetched_after_cache_time(fake_bf: FakeBotFramework, start_bot: StartBot) -> None:
    channel = TeamsInput.from_credentials(fake_bf.credentials(jwks_cache_seconds=3600))
    now = [1000.0]
    channel.validator.clock = lambda: now[0]
    bot = await start_bot(channel)

    for advance in (0, 3599, 2):  # fetch at t=1000, cached at t=4599, stale at t=4601
        now[0] += advance
        status, _ = await bot.post(message_activity(fake_bf), token=fake_bf.token())
        assert status == 200

    assert fake_bf.hits["keys"] == 2
    assert fake_bf.hits["openid"] == 2


async def test_connector_token_cached_across_replies(bot: TeamsBot, fake_bf: FakeBotFramework) -> None:
    bot.responses = [{"text": "Første svar"}, {"text": "Andet svar"}]

    for _ in range(2):
        status, _ = await bot.post(message_activity(fake_bf), token=fake_bf.token())
        assert status == 200

    assert len(fake_bf.activities) == 4
    assert fake_bf.hits["token"] == 1
    assert {a["authorization"] for a in fake_bf.activities} == {"Bearer connector-token-1"}


async def test_connector_401_renews_token_and_retries(bot: TeamsBot, fake_bf: FakeBotFramework) -> None:
    bot.responses = [{"text": "Svar"}]
    fake_bf.connector_statuses = [401]

    status, _ = await bot.post(message_activity(fake_bf), token=fake_bf.token())

    assert status == 200
    assert [a["authorization"] for a in fake_bf.activities] == [
        "Bearer connector-token-1",
        "Bearer connector-token-2",
    ]


async def test_unknown_kid_refresh_is_rate_limited(
    bot: TeamsBot, fake_bf: FakeBotFramework, other_key: rsa.RSAPrivateKey
) -> None:
    status, _ = await bot.post(message_activity(fake_bf), token=fake_bf.token())
    assert status == 200
    assert fake_bf.hits["keys"] == 1

    # Microsoft rotates its keys: a token with the new kid arrives.
    fake_bf.jwks.append(public_jwk(other_key, "key-2", ["msteams"]))
    rotated = fake_bf.token(key=other_key, kid="key-2")

    # The previous fetch was just now: no refresh yet (rate limit), so the token is rejected.
    status, _ = await bot.post(message_activity(fake_bf), token=rotated)
    assert status == 401
    assert fake_bf.hits["keys"] == 1

    # Once the rate limit has passed, the unknown kid triggers a refresh and the token is accepted.
    bot.channel.validator.min_refresh_seconds = 0
    status, _ = await bot.post(message_activity(fake_bf), token=rotated)
    assert status == 200
    assert fake_bf.hits["keys"] == 2
    assert len(bot.messages) == 2


async def test_clock_skew_is_tolerated(bot: TeamsBot, fake_bf: FakeBotFramework) -> None:
    now = int(time.time())
    for token in (fake_bf.token(exp=now - 120), fake_bf.token(nbf=now + 120)):
        status, _ = await bot.post(message_activity(fake_bf), token=token)
        assert status == 200
    assert len(bot.messages) == 2


async def test_service_url_claim_in_camel_case_is_accepted(bot: TeamsBot, fake_bf: FakeBotFramework) -> None:
    token = fake_bf.token(serviceurl=None, serviceUrl=fake_bf.service_url)
    status, _ = await bot.post(message_activity(fake_bf), token=token)
    assert status == 200
    assert len(bot.messages) == 1


# ---------------------------------------------------------------- rejected requests


def _forged_tokens(
    fake: FakeBotFramework, other_key: rsa.RSAPrivateKey, signing_key_pem: bytes
) -> dict[str, str]:
    now = int(time.time())
    valid = fake.token()
    header, _payload, signature = valid.split(".")
    tampered_claims = fake.claims(exp=now + 86400 * 365)  # still a valid claim set; only the signature fails
    tampered_payload = base64.urlsafe_b64encode(json.dumps(tampered_claims).encode()).rstrip(b"=").decode()
    return {
        "forged signature (other key, published kid)": fake.token(key=other_key, kid=KID),
        "wrong issuer": fake.token(iss="https://sts.windows.net/evil-tenant/"),
        "wrong audience": fake.token(aud="22222222-0000-0000-0000-000000000000"),
        "expired": fake.token(exp=now - 3600, nbf=now - 7200),
        "not yet valid": fake.token(nbf=now + 3600, exp=now + 7200),
        "mismatched serviceUrl claim": fake.token(serviceurl="https://smba.trafficmanager.net/evil/"),
        "missing serviceUrl claim": fake.token(serviceurl=None),
        "missing exp": fake.token(exp=None),
        "unknown kid": fake.token(kid="unknown-kid"),
        "no kid": fake.token(kid=None),
        "alg none": fake.unsigned_token("none"),
        "alg HS256 with public key as secret": fake.unsigned_token("HS256", secret=signing_key_pem),
        "tampered payload": f"{header}.{tampered_payload}.{signature}",
        "garbage": "not-a-jwt",
    }


FORGED_CASES = [
    "forged signature (other key, published kid)",
    "wrong issuer",
    "wrong audience",
    "expired",
    "not yet valid",
    "mismatched serviceUrl claim",
    "missing serviceUrl claim",
    "missing exp",
    "unknown kid",
    "no kid",
    "alg none",
    "alg HS256 with public key as secret",
    "tampered payload",
    "garbage",
]


@pytest.mark.parametrize("case", FORGED_CASES)
@pytest.mark.parametrize("activity_type", ["message", "conversationUpdate"])
async def test_invalid_tokens_are_rejected(
    bot: TeamsBot,
    fake_bf: FakeBotFramework,
    other_key: rsa.RSAPrivateKey,
    signing_key_pem: bytes,
    case: str,
    activity_type: str,
) -> None:
    token = _forged_tokens(fake_bf, other_key, signing_key_pem)[case]
    activity = message_activity(fake_bf, type=activity_type, membersAdded=[{"id": "29:1user-teams-id"}])

    status, body = await bot.post(activity, token=token)

    assert status == 401, case
    assert body == {"error": "unauthorized"}
    assert bot.messages == []  # on_new_message was never called
    assert fake_bf.activities == []  # nothing was sent (no greeting either)
    assert fake_bf.hits["token"] == 0


@pytest.mark.parametrize(
    "authorization",
    [None, "", "Basic dXNlcjpwYXNz", "Bearer", "Bearer  "],
    ids=["missing", "empty", "basic", "bearer-without-token", "bearer-blank"],
)
async def test_missing_or_malformed_authorization_header(
    bot: TeamsBot, fake_bf: FakeBotFramework, authorization: str | None
) -> None:
    status, _ = await bot.post(message_activity(fake_bf), authorization=authorization)

    assert status == 401
    assert bot.messages == []
    assert fake_bf.activities == []


async def test_service_url_of_activity_must_match_token(bot: TeamsBot, fake_bf: FakeBotFramework) -> None:
    # Valid token for the real service URL, but the activity asks for replies elsewhere.
    activity = message_activity(fake_bf, serviceUrl="https://attacker.invalid/")
    status, _ = await bot.post(activity, token=fake_bf.token())

    assert status == 401
    assert bot.messages == []
    assert fake_bf.activities == []


async def test_key_not_endorsed_for_channel_is_rejected(bot: TeamsBot, fake_bf: FakeBotFramework) -> None:
    activity = message_activity(fake_bf, channelId="webchat")
    status, _ = await bot.post(activity, token=fake_bf.token())

    assert status == 401
    assert bot.messages == []


async def test_key_without_endorsements_is_rejected(bot: TeamsBot, fake_bf: FakeBotFramework) -> None:
    del fake_bf.jwks[0]["endorsements"]
    status, _ = await bot.post(message_activity(fake_bf), token=fake_bf.token())

    assert status == 401
    assert bot.messages == []


async def test_invalid_json_body_is_rejected(bot: TeamsBot, fake_bf: FakeBotFramework) -> None:
    headers = {"Authorization": f"Bearer {fake_bf.token()}", "Content-Type": "application/json"}
    async with (
        aiohttp.ClientSession() as session,
        session.post(bot.webhook_url, data=b"{not json", headers=headers) as resp,
    ):
        assert resp.status == 401
    assert bot.messages == []


@pytest.mark.parametrize(
    "credentials",
    [
        {"app_id": "", "app_password": "", "tenant_id": ""},
        {"app_id": APP_ID, "app_password": "", "tenant_id": TENANT_ID},
        {"app_id": "", "app_password": APP_PASSWORD, "tenant_id": TENANT_ID},
        {"app_id": APP_ID, "app_password": APP_PASSWORD, "tenant_id": ""},
        {"app_id": None, "app_password": None, "tenant_id": None},
    ],
    ids=["all-empty", "no-password", "no-app-id", "no-tenant", "all-null"],
)
async def test_unconfigured_channel_loads_offline_and_rejects_everything(
    fake_bf: FakeBotFramework,
    start_bot: StartBot,
    credentials: dict,
) -> None:
    creds = {
        "openid_metadata_url": fake_bf.metadata_url,
        "token_endpoint": fake_bf.token_endpoint,
        **credentials,
    }
    channel = TeamsInput.from_credentials(creds)
    assert channel.is_configured is False
    bot = await start_bot(channel)

    # Even a token that would otherwise be valid (audience = the configured app id, if any).
    token = fake_bf.token(aud=credentials["app_id"] or APP_ID)
    status, _ = await bot.post(message_activity(fake_bf), token=token)

    assert status == 401
    assert bot.messages == []
    assert sum(fake_bf.hits.values()) == 0  # no network access at all


async def test_channel_without_credentials_section_loads(start_bot: StartBot) -> None:
    channel = TeamsInput.from_credentials(None)
    assert channel.is_configured is False
    bot = await start_bot(channel)
    status, _ = await bot.post({"type": "message", "text": "hej"}, authorization="Bearer x.y.z")
    assert status == 401
    assert bot.messages == []
