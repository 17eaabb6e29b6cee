"""Fixtures for the Teams channel tests (see ``teams_fakes.py`` for the fakes)."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest
import pytest_asyncio
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

sys.path.insert(0, str(Path(__file__).resolve().parent))
REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from teams_fakes import FakeBotFramework, TeamsBot  # noqa: E402

from channels.teams import TeamsInput  # noqa: E402


@pytest.fixture(scope="session")
def signing_key() -> rsa.RSAPrivateKey:
    """The key the fake Bot Framework publishes and signs with."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="session")
def other_key() -> rsa.RSAPrivateKey:
    """A key nobody published (for forged tokens)."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="session")
def signing_key_pem(signing_key: rsa.RSAPrivateKey) -> bytes:
    """PEM of the published public key (used as HMAC secret in the alg-confusion test)."""
    return signing_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


@pytest_asyncio.fixture
async def fake_bf(signing_key: rsa.RSAPrivateKey) -> AsyncIterator[FakeBotFramework]:
    """A running fake Bot Framework."""
    fake = FakeBotFramework(signing_key)
    await fake.start()
    try:
        yield fake
    finally:
        await fake.close()


@pytest_asyncio.fixture
async def start_bot() -> AsyncIterator[Callable[[TeamsInput], Awaitable[TeamsBot]]]:
    """Factory: mounts a channel in a running Sanic server (closed after the test)."""
    bots: list[TeamsBot] = []

    async def _start(channel: TeamsInput) -> TeamsBot:
        bot = TeamsBot(channel)
        await bot.start()
        bots.append(bot)
        return bot

    try:
        yield _start
    finally:
        for bot in bots:
            await bot.close()


@pytest_asyncio.fixture
async def bot(fake_bf: FakeBotFramework, start_bot: Callable[[TeamsInput], Awaitable[TeamsBot]]) -> TeamsBot:
    """A configured Teams channel talking to ``fake_bf``."""
    return await start_bot(TeamsInput.from_credentials(fake_bf.credentials()))
