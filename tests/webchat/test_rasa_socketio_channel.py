"""webchat/rasa_socketio_channel.py: session_request really joins the session room.

Rasa 3.6.21's own handler calls the coroutine ``AsyncServer.enter_room`` without
awaiting it (python-socketio >= 5.10), so with ``session_persistence: true`` no
bot message reaches the web chat.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

pytest.importorskip("rasa")
pytest.importorskip("socketio")

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from webchat.rasa_socketio_channel import PersistentSocketIOInput  # noqa: E402


async def _session_request(channel, data):
    async def on_new_message(_message):
        return None

    channel.blueprint(on_new_message)
    sio = channel.sio
    sent = []

    async def fake_emit(event, payload=None, **kwargs):
        sent.append((event, payload, kwargs))

    sio.emit = fake_emit
    connected = sio.manager.connect("eio-1", "/")
    sid = await connected if asyncio.iscoroutine(connected) else connected
    handler = sio.handlers["/"]["session_request"]
    await handler(sid, data)
    rooms = {room for room in sio.manager.rooms.get("/", {}) if room not in (None, sid)}
    return sid, sent, rooms


def test_joins_the_stored_session_room():
    channel = PersistentSocketIOInput(session_persistence=True)
    sid, sent, rooms = asyncio.run(_session_request(channel, {"session_id": "abcdef0123456789"}))
    assert rooms == {"abcdef0123456789"}
    assert sent == [("session_confirm", "abcdef0123456789", {"room": sid, "namespace": None})]


@pytest.mark.parametrize("data", [None, {}, {"session_id": None}, {"session_id": "x"}, {"session_id": 42}])
def test_new_session_when_none_or_invalid(data):
    channel = PersistentSocketIOInput(session_persistence=True)
    _sid, sent, rooms = asyncio.run(_session_request(channel, data))
    (new_id,) = rooms
    assert len(new_id) == 32
    assert sent[0][:2] == ("session_confirm", new_id)


def test_keeps_channel_name():
    assert PersistentSocketIOInput.name() == "socketio"
