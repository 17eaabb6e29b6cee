"""Rasa 3.6 socketio channel with the session-room fix the web chat needs.

Rasa 3.6.21's ``SocketIOInput`` calls ``sio.enter_room(sid, session_id)``
without ``await``. Since python-socketio 5.10, ``AsyncServer.enter_room`` is a
coroutine, so with ``session_persistence: true`` the socket never joins the
session's room and every ``bot_uttered`` (emitted to ``room=session_id``) is
dropped: the widget connects and sends, but never gets an answer
(RasaHQ/rasa#13027; Rasa's constraint ``python-socketio>=4.4,<6`` allows
5.10+, and pip picks the newest).

This subclass only replaces the ``session_request`` handler with one that
awaits ``enter_room`` when it is a coroutine (and so works with old and new
python-socketio). Use it in credentials.yml instead of ``socketio:``::

    webchat.rasa_socketio_channel.PersistentSocketIOInput:
      user_message_evt: user_uttered
      bot_message_evt: bot_uttered
      session_persistence: true

(or copy the file next to the project's other custom channels, e.g.
``channels/socketio.py``, and name that module path). A channel that wraps
SocketIOInput for other reasons (e.g. masking personal data) can inherit from
this class instead. Pinning ``python-socketio<5.10`` would be the other way
out (not tried here).
The channel keeps the name ``socketio``, so trackers, the Socket.IO path
(/socket.io) and the health route (/webhooks/socketio/) stay as before.
"""

from __future__ import annotations

import inspect
import logging
import re
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

logger = logging.getLogger(__name__)

# What a client may propose as its session id: the widget stores the id the
# server handed out (uuid4 hex); anything else gets a fresh one.
_SESSION_ID_RE = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


class PersistentSocketIOInput(SocketIOInput):
    """``SocketIOInput`` whose ``session_request`` really joins the session room."""

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        socketio_webhook = super().blueprint(on_new_message)
        sio = self.sio
        assert sio is not None

        # Registering the event again replaces Rasa's handler.
        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: dict | None) -> None:
            data = data if isinstance(data, dict) else {}
            session_id = data.get("session_id")
            if not isinstance(session_id, str) or not _SESSION_ID_RE.match(session_id):
                session_id = uuid.uuid4().hex
            if self.session_persistence:
                joined = sio.enter_room(sid, session_id, namespace=self.namespace)
                if inspect.isawaitable(joined):
                    await joined
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)
            logger.debug(f"User {sid} joined session {session_id}.")

        return socketio_webhook
