"""REST and Socket.IO channels that mask personal data before Rasa sees a message.

Rasa stores the user's text in the tracker and may log it. These subclasses of the
built-in channels wrap the message callback: CPR numbers, e-mail addresses and
phone numbers are replaced by placeholders (:mod:`planbot.privacy`), and messages
longer than the limit are answered with a short Danish message without reaching Rasa. The channel names stay
``rest`` and ``socketio``, so the URLs are unchanged.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint

from planbot.privacy import TOO_LONG_REPLY, is_too_long, prepare_user_text
from webchat.rasa_socketio_channel import PersistentSocketIOInput

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


def masking(on_new_message: OnNewMessage) -> OnNewMessage:
    """Wrap a message callback so the text is masked first."""

    async def handler(message: UserMessage) -> Any:
        if is_too_long(message.text):
            # Answered here: the text is neither parsed, stored nor logged.
            await message.output_channel.send_text_message(message.sender_id, TOO_LONG_REPLY)
            return None
        message.text = prepare_user_text(message.text)
        return await on_new_message(message)

    return handler


class MaskingRestInput(RestInput):
    """The REST channel (``/webhooks/rest/webhook``) with personal data masked."""

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        return super().blueprint(masking(on_new_message))


class MaskingSocketIOInput(PersistentSocketIOInput):
    """The Socket.IO channel (web chat) with personal data masked.

    Builds on :class:`PersistentSocketIOInput`, which fixes Rasa 3.6's un-awaited
    ``enter_room`` (without it the widget never receives answers).
    """

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        return super().blueprint(masking(on_new_message))
