"""The REST/Socket.IO wrappers mask personal data and refuse over-long messages."""

from __future__ import annotations

import asyncio

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from channels.privacy import MaskingRestInput, MaskingSocketIOInput, masking
from planbot.privacy import CPR_PLACEHOLDER, EMAIL_PLACEHOLDER, TOO_LONG_REPLY


def _run(text: str) -> tuple[list[UserMessage], CollectingOutputChannel]:
    received: list[UserMessage] = []

    async def on_new_message(message: UserMessage) -> None:
        received.append(message)

    output = CollectingOutputChannel()
    asyncio.run(masking(on_new_message)(UserMessage(text, output, "tester")))
    return received, output


def test_cpr_and_email_never_reach_rasa() -> None:
    received, _ = _run("min cpr er 010203-1234 og min mail er anna@example.dk")
    assert len(received) == 1
    text = received[0].text
    assert "010203" not in text and "anna@example.dk" not in text
    assert CPR_PLACEHOLDER in text and EMAIL_PLACEHOLDER in text


def test_too_long_message_is_answered_without_rasa() -> None:
    received, output = _run("lang tekst " * 200)
    assert received == []
    assert output.messages[0]["text"] == TOO_LONG_REPLY


def test_channel_names_and_urls_are_unchanged() -> None:
    assert MaskingRestInput.name() == "rest"
    assert MaskingSocketIOInput.name() == "socketio"
