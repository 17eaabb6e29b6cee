"""Test doubles for the Teams channel tests (imported by ``conftest.py`` and the tests).

Everything runs on 127.0.0.1: a fake Bot Framework (OpenID metadata, JWKS, token endpoint and Bot
Connector service) served by aiohttp, and a Sanic app with the channel blueprint registered the way
Rasa does it (``rasa.core.channels.channel.register``). Tokens are signed with PyJWT using RSA keys
that the fixtures generate with ``cryptography``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import socket
import sys
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import aiohttp
import jwt
from aiohttp import web
from aiohttp.test_utils import TestServer
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from rasa.core.channels.channel import UserMessage, register  # noqa: E402
from sanic import Sanic  # noqa: E402

from channels.teams import TeamsInput  # noqa: E402

# Several Sanic apps are started in one process: test mode keeps Sanic's start-up code rewriting
# ("touchup") repeatable.
Sanic.test_mode = True

APP_ID = "11111111-2222-3333-4444-555555555555"
APP_PASSWORD = "s3cret-Pa55word"
TENANT_ID = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
ISSUER = "https://api.botframework.com"
KID = "key-1"
BOT_ID = "28:" + APP_ID
BOT_NAME = "Planassistenten"


def b64url(data: bytes) -> str:
    """Base64url without padding (JWT encoding)."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def public_jwk(private_key: rsa.RSAPrivateKey, kid: str, endorsements: list[str] | None = None) -> dict:
    """JWK (as published in the Bot Framework JWKS) for the public half of ``private_key``."""
    jwk = json.loads(RSAAlgorithm.to_jwk(private_key.public_key()))
    jwk.update({"kid": kid, "use": "sig"})
    if endorsements is not None:
        jwk["endorsements"] = endorsements
    return jwk


class FakeBotFramework:
    """Fake login.botframework.com + login.microsoftonline.com + Bot Connector on 127.0.0.1."""

    def __init__(self, signing_key: rsa.RSAPrivateKey) -> None:
        self.signing_key = signing_key
        self.jwks: list[dict] = [public_jwk(signing_key, KID, ["msteams"])]
        self.hits: Counter[str] = Counter()
        self.token_requests: list[dict[str, Any]] = []
        self.tokens_issued: list[str] = []
        self.activities: list[dict[str, Any]] = []
        self.connector_statuses: list[int] = []  # statuses to answer with first (then 200)
        self.server: TestServer | None = None

    # -- aiohttp handlers
    async def _openid(self, request: web.Request) -> web.Response:
        self.hits["openid"] += 1
        return web.json_response(
            {
                "issuer": ISSUER,
                "authorization_endpoint": "https://invalid.example/authorize",
                "jwks_uri": f"{self.base_url}/keys",
                "id_token_signing_alg_values_supported": ["RS256"],
                "token_endpoint_auth_methods_supported": ["private_key_jwt"],
            }
        )

    async def _keys(self, request: web.Request) -> web.Response:
        self.hits["keys"] += 1
        return web.json_response({"keys": self.jwks})

    async def _token(self, request: web.Request) -> web.Response:
        self.hits["token"] += 1
        form = dict(await request.post())
        self.token_requests.append({"path": request.path, "form": form})
        token = f"connector-token-{len(self.tokens_issued) + 1}"
        self.tokens_issued.append(token)
        return web.json_response({"token_type": "Bearer", "expires_in": 3599, "access_token": token})

    async def _connector(self, request: web.Request) -> web.Response:
        self.hits["connector"] += 1
        body = await request.json()
        self.activities.append(
            {
                "raw_path": request.raw_path,
                "authorization": request.headers.get("Authorization"),
                "json": body,
            }
        )
        if self.connector_statuses:
            status = self.connector_statuses.pop(0)
            if status != 200:
                return web.json_response({"error": {"code": "Unauthorized"}}, status=status)
        return web.json_response({"id": f"reply-{len(self.activities)}"})

    async def start(self) -> None:
        """Starts the aiohttp server on an ephemeral 127.0.0.1 port."""
        app = web.Application()
        app.router.add_get("/openid/.well-known/openidconfiguration", self._openid)
        app.router.add_get("/keys", self._keys)
        app.router.add_post("/{tenant}/oauth2/v2.0/token", self._token)
        app.router.add_post("/emea/v3/{tail:.*}", self._connector)
        self.server = TestServer(app, host="127.0.0.1")
        await self.server.start_server()

    async def close(self) -> None:
        if self.server is not None:
            await self.server.close()

    @property
    def base_url(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.port}"

    @property
    def service_url(self) -> str:
        """The activities' serviceUrl (with the trailing slash real Teams service URLs have)."""
        return f"{self.base_url}/emea/"

    @property
    def metadata_url(self) -> str:
        return f"{self.base_url}/openid/.well-known/openidconfiguration"

    @property
    def token_endpoint(self) -> str:
        return self.base_url + "/{tenant_id}/oauth2/v2.0/token"

    def credentials(self, **overrides: Any) -> dict[str, Any]:
        """``credentials.yml`` section pointing the channel at this fake."""
        creds: dict[str, Any] = {
            "app_id": APP_ID,
            "app_password": APP_PASSWORD,
            "tenant_id": TENANT_ID,
            "openid_metadata_url": self.metadata_url,
            "token_endpoint": self.token_endpoint,
        }
        creds.update(overrides)
        return creds

    def claims(self, **overrides: Any) -> dict[str, Any]:
        """Claims of a valid connector → bot token; ``None`` values remove a claim."""
        now = int(time.time())
        claims: dict[str, Any] = {
            "iss": ISSUER,
            "aud": APP_ID,
            "exp": now + 3600,
            "nbf": now - 10,
            "serviceurl": self.service_url,
        }
        claims.update(overrides)
        return {key: value for key, value in claims.items() if value is not None}

    def token(
        self,
        key: rsa.RSAPrivateKey | None = None,
        kid: str | None = KID,
        algorithm: str = "RS256",
        **claim_overrides: Any,
    ) -> str:
        """A JWT signed like the Bot Connector service signs them (override anything for tests)."""
        headers = {"kid": kid} if kid is not None else {}
        return jwt.encode(
            self.claims(**claim_overrides), key or self.signing_key, algorithm=algorithm, headers=headers
        )

    def unsigned_token(self, algorithm: str, secret: bytes = b"", kid: str = KID) -> str:
        """Hand-built token with ``alg`` none or HS256 (PyJWT refuses HMAC with PEM keys)."""
        header = {"alg": algorithm, "typ": "JWT", "kid": kid}
        signing_input = f"{b64url(json.dumps(header).encode())}.{b64url(json.dumps(self.claims()).encode())}"
        if algorithm == "none":
            return signing_input + "."
        signature = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
        return f"{signing_input}.{b64url(signature)}"


def message_activity(fake: FakeBotFramework, **overrides: Any) -> dict[str, Any]:
    """A Teams personal-chat ``message`` activity as the Bot Connector posts it."""
    activity: dict[str, Any] = {
        "type": "message",
        "id": "1700000000001",
        "timestamp": "2026-08-22T08:00:00.000Z",
        "localTimestamp": "2026-08-22T10:00:00.000+02:00",
        "serviceUrl": fake.service_url,
        "channelId": "msteams",
        "from": {
            "id": "29:1user-teams-id",
            "name": "Mette Jensen",
            "aadObjectId": "99999999-8888-7777-6666-555555555555",
        },
        "conversation": {
            "conversationType": "personal",
            "tenantId": TENANT_ID,
            "id": "a:1personal-conversation-id",
        },
        "recipient": {"id": BOT_ID, "name": BOT_NAME},
        "textFormat": "plain",
        "locale": "da-DK",
        "text": "Hvilke mål har Norddjurs?",
        "entities": [{"locale": "da-DK", "country": "DK", "platform": "Web", "type": "clientInfo"}],
        "channelData": {"tenant": {"id": TENANT_ID}},
    }
    activity.update(overrides)
    return activity


class TeamsBot:
    """The Teams channel mounted in a real Sanic server, with a fake Rasa agent behind it."""

    def __init__(self, channel: TeamsInput) -> None:
        self.channel = channel
        self.messages: list[UserMessage] = []
        self.responses: list[dict[str, Any]] = []  # what "Rasa" answers to every message
        self.app = Sanic(f"teams_test_{uuid.uuid4().hex[:12]}", configure_logging=False)
        self.server: Any = None
        self.port = 0
        bot = self

        class FakeAgent:
            async def handle_message(self, message: UserMessage) -> None:
                bot.messages.append(message)
                for response in bot.responses:
                    await message.output_channel.send_response(message.sender_id, dict(response))

        self.app.ctx.agent = FakeAgent()
        register([channel], self.app, route="/webhooks/")

    async def start(self) -> None:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        # With return_asyncio_server=True Sanic awaits the asyncio server (already listening).
        self.server = await self.app.create_server(sock=sock, return_asyncio_server=True, access_log=False)
        await self.server.startup()
        await self.server.before_start()
        await self.server.after_start()

    async def close(self) -> None:
        if self.server is not None:
            await self.server.before_stop()
            self.server.close()
            await self.server.wait_closed()
            await self.server.after_stop()

    @property
    def webhook_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/webhooks/teams/webhook"

    @property
    def health_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/webhooks/teams/"

    async def post(
        self, activity: dict[str, Any], token: str | None = None, authorization: str | None = None
    ) -> tuple[int, Any]:
        """POSTs an activity to the webhook; returns (status, JSON body)."""
        headers = {}
        if authorization is not None:
            headers["Authorization"] = authorization
        elif token is not None:
            headers["Authorization"] = f"Bearer {token}"
        async with (
            aiohttp.ClientSession() as session,
            session.post(self.webhook_url, json=activity, headers=headers) as resp,
        ):
            return resp.status, await resp.json(content_type=None)
