"""Bot Framework authentication for the Microsoft Teams channel.

Two directions are covered:

* :class:`BotFrameworkTokenValidator` checks the ``Authorization: Bearer <JWT>`` header that the
  Bot Connector service sends with every activity (connector → bot), following
  https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication
  (OpenID metadata → JWKS, RS256 signature, issuer, audience, validity period with clock skew,
  ``serviceUrl`` claim equal to the activity's ``serviceUrl``, channel endorsements).
* :class:`ConnectorTokenProvider` obtains (and caches) the OAuth client-credentials token the bot
  uses when it posts replies to the Bot Connector service (bot → connector).

Network access is lazy: nothing is fetched until the first request needs it, so Rasa can start
without network access.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
from collections.abc import Callable, Sequence
from typing import Any

import aiohttp
import jwt
from jwt.algorithms import RSAAlgorithm

logger = logging.getLogger(__name__)

DEFAULT_OPENID_METADATA_URL = "https://login.botframework.com/v1/.well-known/openidconfiguration"
DEFAULT_TOKEN_ENDPOINT = "https://login.microsoftonline.com/{tenant_id}/oauth2/v2.0/token"
DEFAULT_ALLOWED_ISSUERS = ("https://api.botframework.com",)
BOT_FRAMEWORK_SCOPE = "https://api.botframework.com/.default"
DEFAULT_CLOCK_SKEW_SECONDS = 300
DEFAULT_JWKS_CACHE_SECONDS = 86400
#: Minimum number of seconds between two JWKS refreshes triggered by an unknown ``kid``.
DEFAULT_JWKS_MIN_REFRESH_SECONDS = 60
#: Only RSA-SHA256 signed tokens are accepted (as the Bot Framework issues).
ALLOWED_ALGORITHMS = ("RS256",)
#: Timeout for every outgoing HTTP request (metadata, keys, token endpoint).
HTTP_TIMEOUT_SECONDS = 15

_BEARER_RE = re.compile(r"^\s*Bearer\s+(\S+)\s*$", re.IGNORECASE)

Clock = Callable[[], float]


class AuthenticationError(Exception):
    """Raised when an incoming request cannot be authenticated (answered with HTTP 401)."""


class ConnectorTokenError(Exception):
    """Raised when no access token for the Bot Connector service can be obtained."""


async def _get_json(session: aiohttp.ClientSession, url: str) -> Any:
    """GET ``url`` and decode the JSON body (any content type), raising on HTTP errors."""
    async with session.get(url) as resp:
        resp.raise_for_status()
        return await resp.json(content_type=None)


class BotFrameworkTokenValidator:
    """Validates Bot Connector → bot JWTs.

    Signing keys are read from the ``jwks_uri`` of the OpenID metadata document. They are fetched on
    the first validation (never on construction), cached for ``jwks_cache_seconds`` and refreshed
    early when a token names an unknown ``kid`` (at most once per ``min_refresh_seconds``).
    """

    def __init__(
        self,
        app_id: str,
        openid_metadata_url: str = DEFAULT_OPENID_METADATA_URL,
        allowed_issuers: Sequence[str] = DEFAULT_ALLOWED_ISSUERS,
        clock_skew_seconds: float = DEFAULT_CLOCK_SKEW_SECONDS,
        jwks_cache_seconds: float = DEFAULT_JWKS_CACHE_SECONDS,
        min_refresh_seconds: float = DEFAULT_JWKS_MIN_REFRESH_SECONDS,
        clock: Clock = time.monotonic,
    ) -> None:
        """Creates the validator; performs no network access.

        Args:
            app_id: The bot's Microsoft App ID (the expected ``aud`` claim).
            openid_metadata_url: URL of the Bot Framework OpenID metadata document.
            allowed_issuers: Accepted ``iss`` claim values.
            clock_skew_seconds: Leeway for ``exp``/``nbf``.
            jwks_cache_seconds: How long fetched signing keys are used before being refetched.
            min_refresh_seconds: Rate limit for refreshes caused by an unknown ``kid``.
            clock: Monotonic clock used for the cache bookkeeping (injectable for tests).
        """
        self.app_id = app_id
        self.openid_metadata_url = openid_metadata_url
        self.allowed_issuers = tuple(allowed_issuers)
        self.clock_skew_seconds = clock_skew_seconds
        self.jwks_cache_seconds = jwks_cache_seconds
        self.min_refresh_seconds = min_refresh_seconds
        self.clock = clock
        self._keys: dict[str, dict[str, Any]] | None = None
        self._signing_algorithms: list[str] = list(ALLOWED_ALGORITHMS)
        self._keys_fetched_at: float = 0.0
        self._last_refresh_attempt: float | None = None
        self._lock: asyncio.Lock | None = None

    @property
    def keys_loaded(self) -> bool:
        """Whether signing keys have been fetched at least once."""
        return self._keys is not None

    async def _refresh_keys(self) -> None:
        """Fetches the OpenID metadata document and its JWKS, replacing the cached keys."""
        self._last_refresh_attempt = self.clock()
        timeout = aiohttp.ClientTimeout(total=HTTP_TIMEOUT_SECONDS)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            metadata = await _get_json(session, self.openid_metadata_url)
            if not isinstance(metadata, dict) or not isinstance(metadata.get("jwks_uri"), str):
                raise ValueError("OpenID metadata document has no jwks_uri")
            jwks = await _get_json(session, metadata["jwks_uri"])
        if not isinstance(jwks, dict) or not isinstance(jwks.get("keys"), list):
            raise ValueError("JWKS document has no key list")
        keys = {
            key["kid"]: key
            for key in jwks["keys"]
            if isinstance(key, dict) and isinstance(key.get("kid"), str)
        }
        algs = metadata.get("id_token_signing_alg_values_supported")
        if isinstance(algs, list):
            self._signing_algorithms = [alg for alg in ALLOWED_ALGORITHMS if alg in algs]
        else:
            self._signing_algorithms = list(ALLOWED_ALGORITHMS)
        self._keys = keys
        self._keys_fetched_at = self.clock()
        logger.debug("Loaded %d Bot Framework signing keys from %s", len(keys), metadata["jwks_uri"])

    async def _try_refresh(self) -> None:
        """Refreshes the keys, logging (not raising) failures; stale keys stay usable."""
        try:
            await self._refresh_keys()
        except Exception as exc:  # network errors, bad JSON, HTTP errors
            logger.warning("Could not fetch Bot Framework signing keys: %s", exc)

    async def get_signing_key(self, kid: str) -> dict[str, Any]:
        """Returns the JWK for ``kid``, fetching/refreshing the key set when needed.

        Raises:
            AuthenticationError: if no key with this id is known (after an allowed refresh).
        """
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            now = self.clock()
            stale = self._keys is None or now - self._keys_fetched_at >= self.jwks_cache_seconds
            unknown = self._keys is not None and kid not in self._keys
            may_refresh = (
                self._last_refresh_attempt is None
                or now - self._last_refresh_attempt >= self.min_refresh_seconds
            )
            if (stale or unknown) and may_refresh:
                if unknown and not stale:
                    logger.info("Unknown signing key id %r; refreshing Bot Framework keys", kid)
                await self._try_refresh()
            keys = self._keys or {}
        if kid not in keys:
            raise AuthenticationError(f"unknown signing key id {kid!r}")
        return keys[kid]

    async def validate(
        self,
        authorization: str | None,
        service_url: str | None,
        channel_id: str | None = None,
    ) -> dict[str, Any]:
        """Validates an ``Authorization`` header for an incoming activity.

        Args:
            authorization: Value of the HTTP ``Authorization`` header.
            service_url: The activity's ``serviceUrl``.
            channel_id: The activity's ``channelId`` (checked against key endorsements).

        Returns:
            The verified token claims.

        Raises:
            AuthenticationError: on any failure.
        """
        if not self.app_id:
            raise AuthenticationError("channel not configured (no app id)")
        if not authorization:
            raise AuthenticationError("missing Authorization header")
        match = _BEARER_RE.match(authorization)
        if not match:
            raise AuthenticationError("Authorization header is not a Bearer JWT")
        token = match.group(1)
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise AuthenticationError(f"malformed token: {exc}") from exc
        alg = header.get("alg")
        if alg not in ALLOWED_ALGORITHMS:
            raise AuthenticationError(f"token algorithm {alg!r} not allowed")
        kid = header.get("kid")
        if not isinstance(kid, str) or not kid:
            raise AuthenticationError("token has no key id")

        jwk = await self.get_signing_key(kid)
        if alg not in self._signing_algorithms:
            raise AuthenticationError(f"token algorithm {alg!r} not announced by the metadata")
        if jwk.get("kty") != "RSA":
            raise AuthenticationError("signing key is not an RSA key")
        endorsements = jwk.get("endorsements")
        if channel_id and (not isinstance(endorsements, list) or channel_id not in endorsements):
            # As in the Bot Framework SDK's EndorsementsValidator: the key must endorse the channel.
            raise AuthenticationError(f"signing key not endorsed for channel {channel_id!r}")
        try:
            public_key = RSAAlgorithm.from_jwk(json.dumps(jwk))
            claims: dict[str, Any] = jwt.decode(
                token,
                key=public_key,  # type: ignore[arg-type]
                algorithms=list(ALLOWED_ALGORITHMS),
                audience=self.app_id,
                leeway=self.clock_skew_seconds,
                options={"require": ["exp", "iss", "aud"], "verify_iss": False},
            )
        except (jwt.PyJWTError, ValueError, TypeError) as exc:
            raise AuthenticationError(f"invalid token: {exc}") from exc

        if claims.get("iss") not in self.allowed_issuers:
            raise AuthenticationError(f"issuer {claims.get('iss')!r} not allowed")
        token_service_url = claims.get("serviceurl", claims.get("serviceUrl"))
        if not service_url or not isinstance(token_service_url, str) or token_service_url != service_url:
            raise AuthenticationError("serviceUrl claim does not match the activity's serviceUrl")
        return claims


class ConnectorTokenProvider:
    """Obtains and caches the client-credentials token for the Bot Connector service."""

    def __init__(
        self,
        app_id: str,
        app_password: str,
        token_endpoint: str,
        scope: str = BOT_FRAMEWORK_SCOPE,
        refresh_margin_seconds: float = 300,
        clock: Clock = time.monotonic,
    ) -> None:
        """Creates the provider; performs no network access.

        Args:
            app_id: The bot's Microsoft App ID (OAuth client id).
            app_password: The client secret.
            token_endpoint: The tenant's OAuth 2.0 v2 token endpoint.
            scope: The requested scope.
            refresh_margin_seconds: A cached token is replaced this long before it expires
                (at most half its lifetime).
            clock: Monotonic clock (injectable for tests).
        """
        self.app_id = app_id
        self.app_password = app_password
        self.token_endpoint = token_endpoint
        self.scope = scope
        self.refresh_margin_seconds = refresh_margin_seconds
        self.clock = clock
        self._token: str | None = None
        self._valid_until: float = 0.0
        self._lock: asyncio.Lock | None = None

    def invalidate(self) -> None:
        """Forgets the cached token (e.g. after the connector rejected it)."""
        self._token = None
        self._valid_until = 0.0

    async def get_token(self) -> str:
        """Returns a valid access token, requesting a new one when the cached one is near expiry.

        Raises:
            ConnectorTokenError: if the token endpoint does not return a token.
        """
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            if self._token and self.clock() < self._valid_until:
                return self._token
            data = {
                "grant_type": "client_credentials",
                "client_id": self.app_id,
                "client_secret": self.app_password,
                "scope": self.scope,
            }
            timeout = aiohttp.ClientTimeout(total=HTTP_TIMEOUT_SECONDS)
            try:
                async with (
                    aiohttp.ClientSession(timeout=timeout) as session,
                    session.post(self.token_endpoint, data=data) as resp,
                ):
                    body = await resp.json(content_type=None)
                    if resp.status != 200:
                        raise ConnectorTokenError(
                            f"token endpoint answered {resp.status}: "
                            f"{body.get('error') if isinstance(body, dict) else body!r}"
                        )
            except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as exc:
                raise ConnectorTokenError(f"token request failed: {exc}") from exc
            token = body.get("access_token") if isinstance(body, dict) else None
            if not isinstance(token, str) or not token:
                raise ConnectorTokenError("token endpoint response has no access_token")
            try:
                expires_in = float(body.get("expires_in", 3599))
            except (TypeError, ValueError):
                expires_in = 3599.0
            margin = min(self.refresh_margin_seconds, expires_in / 2)
            self._token = token
            self._valid_until = self.clock() + expires_in - margin
            return token
