#!/usr/bin/env python3
"""Static server for the chat-widget demo (Python stdlib only).

    python webchat/serve.py --port 8080

Serves
    /               -> demo/index.html
    /side2.html     -> demo/side2.html (and any other file directly in demo/)
    /dist/<file>    -> dist/<file>     (the built widget)

--rasa-url (or $PLANBOT_RASA_URL) rewrites the snippet's data-server in the
demo pages, for a Rasa server that is not on http://localhost:5005.

The demo pages are sent with a strict Content-Security-Policy (no inline
script or style; connect-src only the Rasa server), as many municipal sites
have, so the demo proves the widget works under one.

Nothing else: no directory listings, no paths outside demo/ and dist/.
"""

from __future__ import annotations

import argparse
import html
import mimetypes
import os
import posixpath
import sys
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

HERE = Path(__file__).resolve().parent
DEMO_DIR = HERE / "demo"
DIST_DIR = HERE / "dist"

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".map": "application/json; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".ico": "image/x-icon",
    ".txt": "text/plain; charset=utf-8",
}


def resolve(url_path: str) -> Path | None:
    """Map a URL path to a file in demo/ or dist/, or None."""
    path = posixpath.normpath(unquote(url_path))
    if path in ("/", "/.", "/index.html"):
        return DEMO_DIR / "index.html"
    parts = [p for p in path.split("/") if p]
    if not parts or any(p in (".", "..") or p.startswith(".") for p in parts):
        return None
    if len(parts) == 2 and parts[0] == "dist":
        base, name = DIST_DIR, parts[1]
    elif len(parts) == 1:
        base, name = DEMO_DIR, parts[0]
    else:
        return None
    candidate = (base / name).resolve()
    if candidate.parent != base.resolve() or not candidate.is_file():
        return None
    return candidate


DEFAULT_RASA_URL = "http://localhost:5005"


def csp_for(rasa_url: str) -> str:
    """A strict policy like many municipal sites have: no inline script/style,
    connections only to the Rasa server (http(s) for polling, ws(s) for websocket).
    The widget must work under it."""
    parts = urlsplit(rasa_url)
    origin = f"{parts.scheme}://{parts.netloc}"
    ws_origin = ("wss" if parts.scheme == "https" else "ws") + f"://{parts.netloc}"
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; "
        f"connect-src 'self' {origin} {ws_origin}; frame-ancestors 'self'; base-uri 'self'; "
        "form-action 'self'"
    )


class Handler(BaseHTTPRequestHandler):
    server_version = "PlanbotDemo/1.0"
    quiet = False
    rasa_url = DEFAULT_RASA_URL

    def _send_file(self, head_only: bool) -> None:
        target = resolve(urlsplit(self.path).path)
        if target is None:
            body = b"404 - ikke fundet\n"
            self.send_response(HTTPStatus.NOT_FOUND)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if not head_only:
                self.wfile.write(body)
            return
        data = target.read_bytes()
        if target.suffix == ".html" and self.rasa_url != DEFAULT_RASA_URL:
            # Point the demo pages' embed snippet at another Rasa server.
            data = data.replace(
                f'data-server="{DEFAULT_RASA_URL}"'.encode(),
                f'data-server="{html.escape(self.rasa_url, quote=True)}"'.encode(),
            )
        ctype = CONTENT_TYPES.get(target.suffix.lower()) or (
            mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        )
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        if target.suffix == ".html":
            self.send_header("Content-Security-Policy", csp_for(self.rasa_url))
            self.send_header("Referrer-Policy", "strict-origin-when-cross-origin")
        self.end_headers()
        if not head_only:
            self.wfile.write(data)

    def do_GET(self) -> None:
        self._send_file(head_only=False)

    def do_HEAD(self) -> None:
        self._send_file(head_only=True)

    def log_message(self, fmt: str, *args) -> None:
        if not self.quiet:
            super().log_message(fmt, *args)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Serve the planbot widget demo pages.")
    ap.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8080")))
    ap.add_argument("--host", default="127.0.0.1", help="default 127.0.0.1; 0.0.0.0 for all interfaces")
    ap.add_argument(
        "--rasa-url",
        default=os.environ.get("PLANBOT_RASA_URL", DEFAULT_RASA_URL),
        help="Rasa server the demo pages' widget talks to (default %(default)s)",
    )
    ap.add_argument("--quiet", action="store_true", help="no request log")
    args = ap.parse_args(argv)
    if not (DIST_DIR / "planbot-widget.js").is_file():
        print("advarsel: dist/planbot-widget.js mangler - kør 'npm run build' i webchat/", file=sys.stderr)
    Handler.quiet = args.quiet
    Handler.rasa_url = args.rasa_url
    httpd = ThreadingHTTPServer((args.host, args.port), Handler)
    httpd.daemon_threads = True
    print(f"Demo: http://{args.host}:{args.port}/  (Ctrl+C stopper)", flush=True)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
