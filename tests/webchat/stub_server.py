#!/usr/bin/env python3
"""A tiny stand-in for Rasa's socketio channel, for developing and testing the
chat widget without a trained assistant.

    /tmp/envtest/rasa/bin/python tests/webchat/stub_server.py --port 5005

Needs python-socketio 5 and aiohttp. Speaks the same protocol as Rasa 3.6 with
    socketio:
      user_message_evt: user_uttered
      bot_message_evt: bot_uttered
      session_persistence: true
i.e. `session_request` -> `session_confirm` (session id string), the socket
joins a room named after the session id, `user_uttered` {message, session_id}
-> one `bot_uttered` per paragraph (text split on blank lines, as Rasa's
SocketIOOutput does), buttons as `quick_replies` on the last paragraph.

Canned behaviour:
  * mentions Norddjurs      -> goals text + quick replies
  * mentions Morsø / Mors   -> follow-up answer mentioning Morsø
  * starts with "/"         -> a button payload: answer with a link
  * anything else           -> echoes the message literally ("Du skrev: …"),
                               which lets the browser test inject HTML/script
                               into a *bot* message.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import uuid

import socketio
from aiohttp import web

log = logging.getLogger("stub")

sio = socketio.AsyncServer(async_mode="aiohttp", cors_allowed_origins="*")
app = web.Application()
sio.attach(app, socketio_path="/socket.io")

REPLY_DELAY = 0.3
sessions: dict[str, list[str]] = {}


async def health(_request: web.Request) -> web.Response:
    return web.json_response({"status": "ok", "stub": True})


app.router.add_get("/", health)


def answer_for(text: str, history: list[str]) -> tuple[str, list[dict]]:
    low = text.lower()
    if text.startswith("/"):
        return (
            f"Du valgte knappen med payload {text}.\n\n"
            "Tallene kommer fra Jobindsats: https://www.jobindsats.dk. "
            "Se også beskæftigelsesplanen på kommunens hjemmeside.",
            [],
        )
    if "norddjurs" in low:
        return (
            "Norddjurs Kommunes beskæftigelsesplan 2024 har blandt andet disse mål:\n"
            "- Flere personer skal i job, herunder personer med handicap\n"
            "- Flere unge skal have en uddannelse\n"
            "- Virksomhederne skal have adgang til kvalificeret arbejdskraft\n\n"
            "Vil du se mere?",
            [
                {"title": "Vis tal fra Jobindsats", "payload": "/vis_tal"},
                {"title": "Hvilke indsatser?", "payload": "/indsatser"},
            ],
        )
    if "morsø" in low or "mors" in low:
        return (
            "Morsø Kommunes beskæftigelsesplan 2021 har blandt andet målene:\n"
            "- Flere skal have gavn af en virksomhedsrettet indsats\n"
            "- Færre skal være på offentlig forsørgelse",
            [{"title": "Sammenlign med Norddjurs", "payload": "/sammenlign"}],
        )
    return (f"Du skrev: {text}", [])


@sio.event
async def connect(sid, environ, auth=None):
    log.info("connect %s", sid)


@sio.event
async def disconnect(sid, *args):
    log.info("disconnect %s", sid)


@sio.on("session_request")
async def session_request(sid, data):
    data = data or {}
    session_id = data.get("session_id") or uuid.uuid4().hex
    await sio.enter_room(sid, session_id)
    await sio.emit("session_confirm", session_id, room=sid)
    log.info("session %s for %s", session_id, sid)


@sio.on("user_uttered")
async def user_uttered(sid, data):
    data = data or {}
    session_id = data.get("session_id")
    if not session_id:
        log.warning("message without session_id ignored (as Rasa does)")
        return
    text = str(data.get("message", ""))
    history = sessions.setdefault(session_id, [])
    history.append(text)
    reply, buttons = answer_for(text, history)
    await asyncio.sleep(REPLY_DELAY)
    parts = reply.strip().split("\n\n")
    for i, part in enumerate(parts):
        message: dict = {"text": part}
        if buttons and i == len(parts) - 1:
            message["quick_replies"] = [
                {"content_type": "text", "title": b["title"], "payload": b["payload"]} for b in buttons
            ]
        await sio.emit("bot_uttered", message, room=session_id)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=5005)
    ap.add_argument("--delay", type=float, default=REPLY_DELAY, help="seconds before answering")
    args = ap.parse_args()
    globals()["REPLY_DELAY"] = args.delay
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    web.run_app(
        app,
        host=args.host,
        port=args.port,
        print=lambda *_: print(f"stub on http://{args.host}:{args.port}", flush=True),
    )


if __name__ == "__main__":
    main()
