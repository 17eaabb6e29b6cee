#!/usr/bin/env python3
"""Rasa's *real* socketio channel code with a canned "assistant" behind it.

Checks the widget against the exact server-side Socket.IO code of the installed
Rasa (Sanic + python-engineio/-socketio versions included) without training a
model. The answers are the stub's (stub_server.answer_for).

    /tmp/envtest/rasa/bin/python tests/webchat/rasa_channel_server.py --port 5005
        # webchat.rasa_socketio_channel.PersistentSocketIOInput (the fix)
    /tmp/envtest/rasa/bin/python tests/webchat/rasa_channel_server.py --port 5005 --unpatched
        # rasa.core.channels.socketio.SocketIOInput as shipped

Then: PLANBOT_STUB=1 webchat/run_browser_test.sh
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from rasa.core.channels.channel import UserMessage  # noqa: E402
from rasa.core.channels.socketio import SocketIOInput  # noqa: E402
from sanic import Sanic, response  # noqa: E402
from stub_server import answer_for  # noqa: E402

from webchat.rasa_socketio_channel import PersistentSocketIOInput  # noqa: E402


def build_app(unpatched: bool) -> Sanic:
    app = Sanic("planbot_channel_test")
    cls = SocketIOInput if unpatched else PersistentSocketIOInput
    channel = cls(
        user_message_evt="user_uttered",
        bot_message_evt="bot_uttered",
        session_persistence=True,
    )
    history: dict = {}

    async def on_new_message(message: UserMessage) -> None:
        past = history.setdefault(message.sender_id, [])
        past.append(message.text)
        text, buttons = answer_for(message.text or "", past)
        out = message.output_channel
        if buttons:
            await out.send_text_with_buttons(message.sender_id, text, buttons)
        else:
            await out.send_text_message(message.sender_id, text)

    # as rasa.core.channels.channel.register does
    app.blueprint(channel.blueprint(on_new_message), url_prefix=channel.url_prefix())

    @app.get("/")
    async def root(_request):
        return response.text(f"channel test server ({cls.__name__})")

    print(f"channel: {cls.__module__}.{cls.__name__}", flush=True)
    return app


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=5005)
    ap.add_argument("--unpatched", action="store_true", help="Rasa's SocketIOInput as shipped")
    args = ap.parse_args()
    app = build_app(args.unpatched)
    app.run(host=args.host, port=args.port, access_log=False, workers=1)


if __name__ == "__main__":
    main()
