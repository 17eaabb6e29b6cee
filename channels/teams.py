"""Microsoft Teams input/output channel for Rasa (Bot Framework v3 REST protocol).

Replaces Rasa's built-in ``botframework`` channel. Configure it in ``credentials.yml``::

    channels.teams.TeamsInput:
      app_id: ${TEAMS_APP_ID}
      app_password: ${TEAMS_APP_PASSWORD}
      tenant_id: ${TEAMS_TENANT_ID}
      # optional:
      # openid_metadata_url: https://login.botframework.com/v1/.well-known/openidconfiguration
      # token_endpoint: https://login.microsoftonline.com/{tenant_id}/oauth2/v2.0/token
      # allowed_issuers: ["https://api.botframework.com"]
      # clock_skew_seconds: 300
      # jwks_cache_seconds: 86400

Routes: ``POST /webhooks/teams/webhook`` (the bot's messaging endpoint) and ``GET /webhooks/teams/``
(health). Every webhook request must carry a valid Bot Connector JWT (see
:mod:`channels.teams_auth`); otherwise it is answered with 401 and never reaches Rasa. With empty
credentials (Teams not set up) the channel loads without touching the network and rejects every
request with 401.

Behaviour:

* ``message`` activities: ``<at>…</at>`` mentions of the bot are removed and the text is passed to
  Rasa. Adaptive Card submits (``value`` without text) pass ``value.payload``/``value.text`` or the
  JSON-serialised value. Personal data is masked first with ``planbot.privacy.prepare_user_text``
  (as the project's REST and Socket.IO channels do) when that module is importable.
* ``conversationUpdate`` activities that add a member other than the bot (or add the bot to a
  personal chat) are answered directly with :data:`GREETING`; Rasa is not involved.
* Replies are posted to ``{serviceUrl}/v3/conversations/{conversation.id}/activities/{activity.id}``
  with a client-credentials token of the configured tenant.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import quote

import aiohttp
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from yarl import URL

from channels.teams_auth import (
    DEFAULT_ALLOWED_ISSUERS,
    DEFAULT_CLOCK_SKEW_SECONDS,
    DEFAULT_JWKS_CACHE_SECONDS,
    DEFAULT_OPENID_METADATA_URL,
    DEFAULT_TOKEN_ENDPOINT,
    HTTP_TIMEOUT_SECONDS,
    AuthenticationError,
    BotFrameworkTokenValidator,
    ConnectorTokenError,
    ConnectorTokenProvider,
)
from channels.teams_cards import (
    buttons_attachment,
    goal_status_attachment,
    goal_status_summary,
    image_attachment,
    teams_markdown,
)

try:  # the project's personal-data masking (stdlib only); the channel also works without it
    from planbot.privacy import TOO_LONG_REPLY, is_too_long, prepare_user_text
except ImportError:  # pragma: no cover - channel used outside this project
    prepare_user_text = None  # type: ignore[assignment]

logger = logging.getLogger(__name__)

CHANNEL_NAME = "teams"

#: Sent when a user joins a conversation with the bot (see :meth:`TeamsInput.should_greet`).
GREETING = (
    "Hej! Jeg er planassistenten. Jeg kan svare på spørgsmål om kommunernes beskæftigelsesplaner: "
    "mål, indsatser, opfølgning og status. Prøv fx: »Hvilke mål har Norddjurs?«"
)

_MENTION_RE = re.compile(r"<at\b[^>]*>(.*?)</at>", re.IGNORECASE | re.DOTALL)
_HORIZONTAL_SPACE_RE = re.compile(r"[ \t\u00a0]+")


def _dict(value: Any) -> dict[str, Any]:
    """Returns ``value`` if it is a dict, else an empty dict (for defensive JSON access)."""
    return value if isinstance(value, dict) else {}


def _str_or_none(value: Any) -> str | None:
    """Returns non-empty strings unchanged and ``None`` for everything else."""
    return value if isinstance(value, str) and value else None


def strip_mentions(
    text: str, bot_id: str | None = None, bot_name: str | None = None, entities: Sequence[Any] | None = None
) -> str:
    """Removes ``<at>…</at>`` mentions of the bot from a Teams message text.

    Mentions of the bot (matched through the activity's ``mention`` entities or the bot's name)
    are removed; mentions of anybody else are replaced by the plain name. ``&nbsp;`` and runs of
    spaces are normalised and the result is stripped.
    """
    bot_mentions = set()
    for entity in entities or ():
        entity = _dict(entity)
        mentioned_id = _dict(entity.get("mentioned")).get("id")
        is_bot = entity.get("type") == "mention" and bool(bot_id) and mentioned_id == bot_id
        if is_bot and isinstance(entity.get("text"), str):
            bot_mentions.add(entity["text"])
    for mention in bot_mentions:
        text = text.replace(mention, " ")

    def _replace(match: re.Match[str]) -> str:
        inner = match.group(1).strip()
        if bot_name and inner.casefold() == bot_name.strip().casefold():
            return " "
        return inner

    text = _MENTION_RE.sub(_replace, text).replace("&nbsp;", " ")
    return "\n".join(_HORIZONTAL_SPACE_RE.sub(" ", line).strip() for line in text.splitlines()).strip()


def extract_text(activity: Mapping[str, Any]) -> str | None:
    """Returns the text to pass to Rasa for a ``message`` activity, or ``None`` if there is none.

    The (mention-stripped) ``text`` wins; otherwise an Adaptive Card submit's ``value`` is used:
    its ``payload`` or ``text`` entry if present, else the JSON-serialised value.
    """
    recipient = _dict(activity.get("recipient"))
    raw = activity.get("text")
    if isinstance(raw, str) and raw.strip():
        text = strip_mentions(
            raw,
            bot_id=_str_or_none(recipient.get("id")),
            bot_name=_str_or_none(recipient.get("name")),
            entities=activity.get("entities") if isinstance(activity.get("entities"), list) else None,
        )
        if text:
            return text
    value = activity.get("value")
    if value is None or value == "" or value == {}:
        return None
    if isinstance(value, dict):
        for key in ("payload", "text"):
            candidate = value.get(key)
            if isinstance(candidate, str) and candidate.strip():
                return candidate.strip()
    if isinstance(value, str):
        return value.strip() or None
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class BotConnectorClient:
    """Posts activities to the Bot Connector service (non-blocking, aiohttp)."""

    def __init__(self, token_provider: ConnectorTokenProvider) -> None:
        """Creates the client around a (shared, caching) token provider."""
        self.token_provider = token_provider

    @staticmethod
    def activities_url(service_url: str, conversation_id: str, reply_to_id: str | None = None) -> str:
        """Builds the (percent-encoded) URL for sending to / replying in a conversation."""
        base = service_url.rstrip("/")
        url = f"{base}/v3/conversations/{quote(conversation_id, safe='')}/activities"
        if reply_to_id:
            url += f"/{quote(reply_to_id, safe='')}"
        return url

    async def send(
        self,
        service_url: str,
        conversation_id: str,
        activity: dict[str, Any],
        reply_to_id: str | None = None,
    ) -> dict[str, Any] | None:
        """Sends ``activity``; returns the connector's JSON answer or ``None`` on failure.

        A 401 from the connector invalidates the cached token and the request is retried once.
        Failures are logged, not raised, so that one failed message does not abort the others.
        """
        url = URL(self.activities_url(service_url, conversation_id, reply_to_id), encoded=True)
        timeout = aiohttp.ClientTimeout(total=HTTP_TIMEOUT_SECONDS)
        for attempt in (1, 2):
            try:
                token = await self.token_provider.get_token()
            except ConnectorTokenError as exc:
                logger.error("Cannot send Teams message: %s", exc)
                return None
            headers = {"Authorization": f"Bearer {token}"}
            try:
                async with (
                    aiohttp.ClientSession(timeout=timeout) as session,
                    session.post(url, json=activity, headers=headers) as resp,
                ):
                    if resp.status == 401 and attempt == 1:
                        logger.info("Bot Connector rejected the token; requesting a new one")
                        self.token_provider.invalidate()
                        continue
                    if resp.status >= 300:
                        logger.error(
                            "Bot Connector answered %s for %s: %s", resp.status, url, await resp.text()
                        )
                        return None
                    body = await resp.json(content_type=None)
                    return body if isinstance(body, dict) else {}
            except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as exc:
                logger.error("Sending Teams message to %s failed: %s", url, exc)
                return None
        return None


class TeamsOutput(OutputChannel):
    """Sends Rasa responses as replies to one incoming Teams activity."""

    @classmethod
    def name(cls) -> str:
        """Channel name (``teams``)."""
        return CHANNEL_NAME

    def __init__(self, connector: BotConnectorClient, activity: Mapping[str, Any]) -> None:
        """Binds the output to the conversation of ``activity`` (replies go to that activity)."""
        self.connector = connector
        self.service_url: str = str(activity.get("serviceUrl") or "")
        conversation = _dict(activity.get("conversation"))
        self.conversation_id: str = str(conversation.get("id") or "")
        self.conversation: dict[str, Any] = {"id": self.conversation_id}
        for key in ("conversationType", "tenantId", "isGroup"):
            if key in conversation:
                self.conversation[key] = conversation[key]
        self.bot: dict[str, Any] = _dict(activity.get("recipient"))
        self.user: dict[str, Any] = _dict(activity.get("from"))
        self.reply_to_id: str | None = _str_or_none(activity.get("id"))
        self.sent: list[dict[str, Any]] = []

    def prepare_activity(self, message: dict[str, Any]) -> dict[str, Any]:
        """Completes a message activity with addressing fields."""
        activity: dict[str, Any] = {"type": "message"}
        activity.update(message)
        activity.setdefault("from", self.bot)
        activity.setdefault("recipient", self.user)
        activity.setdefault("conversation", self.conversation)
        if self.reply_to_id:
            activity.setdefault("replyToId", self.reply_to_id)
        return activity

    async def send_activity(self, message: dict[str, Any]) -> dict[str, Any] | None:
        """Posts one activity to the conversation (as a reply to the incoming activity)."""
        if not self.service_url or not self.conversation_id:
            logger.error("Cannot send Teams message: activity had no serviceUrl/conversation id")
            return None
        activity = self.prepare_activity(message)
        self.sent.append(activity)
        return await self.connector.send(self.service_url, self.conversation_id, activity, self.reply_to_id)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        """Sends a markdown text message (one paragraph per line, see :func:`teams_markdown`)."""
        if text and text.strip():
            await self.send_activity({"text": teams_markdown(text.strip()), "textFormat": "markdown"})

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        """Sends the text and buttons as an Adaptive Card with clickable ``Action.Submit`` actions."""
        summary = " ".join((text or "").split())[:200]
        await self.send_activity({"attachments": [buttons_attachment(text, buttons)], "summary": summary})

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        """Sends an image as an Adaptive Card."""
        await self.send_activity({"attachments": [image_attachment(image)]})

    async def send_attachment(self, recipient_id: str, attachment: Any, **kwargs: Any) -> None:
        """Sends a Bot Framework attachment dict as is; anything else as text."""
        if isinstance(attachment, dict) and attachment.get("contentType"):
            await self.send_activity({"attachments": [attachment]})
        elif attachment:
            await self.send_text_message(recipient_id, str(attachment))

    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any) -> None:
        """Renders custom payloads.

        ``{"type": "goal_status", ...}`` becomes an Adaptive Card; other payloads with a ``text``
        are sent as text; everything else is ignored.
        """
        if not isinstance(json_message, dict):
            logger.debug("Ignoring non-dict custom payload for Teams: %r", json_message)
            return
        if json_message.get("type") == "goal_status":
            await self.send_activity(
                {
                    "attachments": [goal_status_attachment(json_message)],
                    "summary": goal_status_summary(json_message),
                }
            )
        elif isinstance(json_message.get("text"), str) and json_message["text"].strip():
            await self.send_text_message(recipient_id, json_message["text"])
        else:
            logger.debug("Ignoring custom payload without text for Teams: %r", json_message)


def _clean(value: Any) -> str:
    """Normalises a credential value: ``None``/unexpanded ``${VAR}`` → ``""``, else stripped str."""
    if value is None:
        return ""
    text = str(value).strip()
    if text.startswith("${") and text.endswith("}"):
        return ""
    return text


def _number(credentials: Mapping[str, Any], key: str, default: float) -> float:
    """Reads a non-negative number from the credentials (``None``/empty → default)."""
    raw = credentials.get(key)
    if raw is None or (isinstance(raw, str) and not _clean(raw)):
        return default
    try:
        number = float(raw)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"channels.teams.TeamsInput: {key} must be a number, got {raw!r}") from exc
    if number < 0:
        raise ValueError(f"channels.teams.TeamsInput: {key} must not be negative")
    return number


class TeamsInput(InputChannel):
    """Microsoft Teams input channel (Bot Framework connector → bot webhook)."""

    @classmethod
    def name(cls) -> str:
        """Channel name (``teams``); also the URL prefix ``/webhooks/teams``."""
        return CHANNEL_NAME

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> TeamsInput:
        """Creates the channel from its ``credentials.yml`` section (no network access).

        Missing or empty values are allowed: the channel then rejects every request with 401.
        """
        credentials = credentials or {}
        issuers_raw = credentials.get("allowed_issuers")
        if isinstance(issuers_raw, str) and _clean(issuers_raw):
            issuers: Sequence[str] = [_clean(issuers_raw)]
        elif isinstance(issuers_raw, (list, tuple)) and issuers_raw:
            issuers = [_clean(item) for item in issuers_raw if _clean(item)]
        else:
            issuers = list(DEFAULT_ALLOWED_ISSUERS)
        return cls(
            app_id=_clean(credentials.get("app_id")),
            app_password=_clean(credentials.get("app_password")),
            tenant_id=_clean(credentials.get("tenant_id")),
            openid_metadata_url=_clean(credentials.get("openid_metadata_url")) or DEFAULT_OPENID_METADATA_URL,
            token_endpoint=_clean(credentials.get("token_endpoint")) or DEFAULT_TOKEN_ENDPOINT,
            allowed_issuers=issuers,
            clock_skew_seconds=_number(credentials, "clock_skew_seconds", DEFAULT_CLOCK_SKEW_SECONDS),
            jwks_cache_seconds=_number(credentials, "jwks_cache_seconds", DEFAULT_JWKS_CACHE_SECONDS),
        )

    def __init__(
        self,
        app_id: str,
        app_password: str,
        tenant_id: str,
        openid_metadata_url: str = DEFAULT_OPENID_METADATA_URL,
        token_endpoint: str = DEFAULT_TOKEN_ENDPOINT,
        allowed_issuers: Iterable[str] = DEFAULT_ALLOWED_ISSUERS,
        clock_skew_seconds: float = DEFAULT_CLOCK_SKEW_SECONDS,
        jwks_cache_seconds: float = DEFAULT_JWKS_CACHE_SECONDS,
    ) -> None:
        """Creates the channel. Performs no network access (keys and tokens are fetched lazily).

        Args:
            app_id: Microsoft App ID of the bot (Azure Bot resource), expected token audience.
            app_password: Client secret of that app registration.
            tenant_id: Azure AD (Entra ID) tenant of the single-tenant app registration.
            openid_metadata_url: Bot Framework OpenID metadata document.
            token_endpoint: OAuth token endpoint; ``{tenant_id}`` is replaced by ``tenant_id``.
            allowed_issuers: Accepted ``iss`` values of incoming tokens.
            clock_skew_seconds: Leeway for token expiry/not-before checks.
            jwks_cache_seconds: Lifetime of the cached signing keys.
        """
        self.app_id = app_id
        self.app_password = app_password
        self.tenant_id = tenant_id
        resolved_endpoint = token_endpoint.replace("{tenant_id}", tenant_id) if tenant_id else token_endpoint
        self.token_endpoint = resolved_endpoint
        self.validator = BotFrameworkTokenValidator(
            app_id=app_id,
            openid_metadata_url=openid_metadata_url,
            allowed_issuers=list(allowed_issuers),
            clock_skew_seconds=clock_skew_seconds,
            jwks_cache_seconds=jwks_cache_seconds,
        )
        self.token_provider = ConnectorTokenProvider(app_id, app_password, resolved_endpoint)
        self.connector = BotConnectorClient(self.token_provider)
        if not self.is_configured:
            logger.warning(
                "Teams channel is not configured (TEAMS_APP_ID, TEAMS_APP_PASSWORD or TEAMS_TENANT_ID "
                "empty): every request to /webhooks/teams/webhook is rejected with 401."
            )

    @property
    def is_configured(self) -> bool:
        """Whether app id, password and a tenant-specific token endpoint are all set."""
        return bool(self.app_id and self.app_password and "{tenant_id}" not in self.token_endpoint)

    # ------------------------------------------------------------------ activity helpers

    @staticmethod
    def sender_id(activity: Mapping[str, Any]) -> str:
        """Rasa conversation id for an activity.

        Personal chats use the Teams user id (``from.id``, unique per user and bot). In group chats
        and channels the conversation id is prefixed so that each user gets a separate tracker per
        conversation/thread: ``<conversation.id>|<from.id>``.
        """
        user = _dict(activity.get("from"))
        user_id = str(user.get("id") or user.get("aadObjectId") or "unknown")
        conversation = _dict(activity.get("conversation"))
        conversation_type = conversation.get("conversationType")
        conversation_id = conversation.get("id")
        if conversation_type in (None, "", "personal") or not conversation_id:
            return user_id
        return f"{conversation_id}|{user_id}"

    def activity_metadata(self, activity: Mapping[str, Any]) -> dict[str, Any]:
        """Metadata passed to Rasa (``tracker.latest_message["metadata"]["teams"]``).

        Deliberately minimal (no display names, no card values, which could hold unmasked personal
        data): ids of tenant, user (Entra object id), conversation, team and channel, the
        conversation type, locale and whether the tenant is the bot's own (``home_tenant``).
        """
        user = _dict(activity.get("from"))
        conversation = _dict(activity.get("conversation"))
        channel_data = _dict(activity.get("channelData"))
        tenant_id = conversation.get("tenantId") or _dict(channel_data.get("tenant")).get("id")
        teams: dict[str, Any] = {
            "tenant_id": tenant_id,
            "home_tenant": bool(tenant_id) and tenant_id == self.tenant_id,
            "aad_object_id": user.get("aadObjectId"),
            "conversation_type": conversation.get("conversationType"),
            "conversation_id": conversation.get("id"),
            "team_id": _dict(channel_data.get("team")).get("id"),
            "teams_channel_id": _dict(channel_data.get("channel")).get("id"),
            "locale": activity.get("locale"),
            "activity_id": activity.get("id"),
            "card_submit": activity.get("value") is not None,
        }
        return {"teams": teams}

    def get_metadata(self, request: Request) -> dict[str, Any] | None:
        """Extracts the Teams metadata from a webhook request (see :meth:`activity_metadata`)."""
        try:
            activity = request.json
        except Exception:  # invalid JSON body
            return None
        return self.activity_metadata(activity) if isinstance(activity, dict) else None

    @staticmethod
    def should_greet(activity: Mapping[str, Any]) -> bool:
        """Whether a ``conversationUpdate`` should be answered with the greeting.

        True if a member other than the bot was added, or if the bot was added to a personal chat
        (i.e. a user installed the app for themselves).
        """
        bot_id = _dict(activity.get("recipient")).get("id")
        added = activity.get("membersAdded")
        if not isinstance(added, list):
            return False
        member_ids = [_dict(member).get("id") for member in added]
        if any(member_id and member_id != bot_id for member_id in member_ids):
            return True
        conversation_type = _dict(activity.get("conversation")).get("conversationType")
        return conversation_type == "personal" and bot_id in member_ids

    def output_channel_for(self, activity: Mapping[str, Any]) -> TeamsOutput:
        """Output channel replying to ``activity``."""
        return TeamsOutput(self.connector, activity)

    async def process_activity(
        self, activity: dict[str, Any], on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> None:
        """Handles an authenticated activity."""
        activity_type = activity.get("type")
        if activity_type == "message":
            text = extract_text(activity)
            if not text:
                logger.debug("Teams message %s has no text or value; ignored", activity.get("id"))
                return
            if (
                prepare_user_text is not None
            ):  # mask CPR/e-mail/phone and refuse long texts, like rest/socketio
                if is_too_long(text):
                    await self.output_channel_for(activity).send_text_message(
                        self.sender_id(activity), TOO_LONG_REPLY
                    )
                    return
                text = prepare_user_text(text) or text
            message = UserMessage(
                text=text,
                output_channel=self.output_channel_for(activity),
                sender_id=self.sender_id(activity),
                input_channel=self.name(),
                message_id=_str_or_none(activity.get("id")),
                metadata=self.activity_metadata(activity),
            )
            await on_new_message(message)
        elif activity_type == "conversationUpdate":
            if self.should_greet(activity):
                output = self.output_channel_for(activity)
                await output.send_text_message(self.sender_id(activity), GREETING)
        else:
            logger.debug("Ignoring Teams activity of type %r", activity_type)

    # ------------------------------------------------------------------ Sanic blueprint

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Sanic blueprint with ``GET /`` (health) and ``POST /webhook`` (Bot Framework endpoint)."""
        teams_webhook = Blueprint("teams_webhook", __name__)

        @teams_webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok", "configured": self.is_configured})

        @teams_webhook.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            if not self.is_configured:
                return response.json({"error": "Teams channel not configured"}, status=401)
            try:
                activity = request.json
            except Exception:  # invalid JSON: cannot match serviceUrl, fails below
                activity = None
            activity = activity if isinstance(activity, dict) else {}
            try:
                await self.validator.validate(
                    request.headers.get("Authorization"),
                    _str_or_none(activity.get("serviceUrl")),
                    _str_or_none(activity.get("channelId")),
                )
            except AuthenticationError as exc:
                logger.warning("Rejected Teams request: %s", exc)
                return response.json({"error": "unauthorized"}, status=401)
            try:
                await self.process_activity(activity, on_new_message)
            except Exception:
                logger.exception("Error while handling Teams activity %s", activity.get("id"))
            return response.json({})

        return teams_webhook
