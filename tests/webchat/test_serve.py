"""webchat/serve.py: routes, content types, no listings, no path escapes, CSP."""

from __future__ import annotations

import importlib.util
import threading
import urllib.error
import urllib.request
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("planbot_webchat_serve", REPO / "webchat" / "serve.py")
serve = importlib.util.module_from_spec(spec)
spec.loader.exec_module(serve)


@pytest.fixture(scope="module")
def base_url():
    serve.Handler.quiet = True
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), serve.Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def get(url: str):
    try:
        with urllib.request.urlopen(url, timeout=5) as res:
            return res.status, res.headers, res.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


@pytest.mark.parametrize(
    ("path", "ctype", "needle"),
    [
        ("/", "text/html; charset=utf-8", b"Eksempel Kommune"),
        ("/index.html", "text/html; charset=utf-8", "Beskæftigelse og job".encode()),
        ("/side2.html", "text/html; charset=utf-8", b"Politik og planer"),
        ("/demo.css", "text/css; charset=utf-8", b"site-header"),
    ],
)
def test_demo_pages(base_url, path, ctype, needle):
    status, headers, body = get(base_url + path)
    assert status == 200
    assert headers["Content-Type"] == ctype
    assert needle in body


def test_demo_page_embeds_widget_with_one_script_tag(base_url):
    _, headers, body = get(base_url + "/")
    assert b'<script src="/dist/planbot-widget.js" data-server="http://localhost:5005"' in body
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "http://localhost:5005" in csp and "ws://localhost:5005" in csp


def test_widget_bundle(base_url):
    if not (REPO / "webchat" / "dist" / "planbot-widget.js").is_file():
        pytest.skip("bundle not built (npm run build in webchat/)")
    status, headers, body = get(base_url + "/dist/planbot-widget.js")
    assert status == 200
    assert headers["Content-Type"] == "text/javascript; charset=utf-8"
    assert b"PlanbotWidget" in body
    assert b"innerHTML" not in body


@pytest.mark.parametrize(
    "path",
    [
        "/dist/",
        "/dist",
        "/demo/",
        "/serve.py",
        "/../serve.py",
        "/%2e%2e/serve.py",
        "/dist/../serve.py",
        "/dist/%2e%2e/package.json",
        "/src/widget.js",
        "/package.json",
        "/.gitignore",
        "/node_modules/socket.io-client/package.json",
        "/nope.html",
    ],
)
def test_nothing_else_is_served(base_url, path):
    status, _, body = get(base_url + path)
    assert status == 404
    assert b"<a href" not in body  # no directory listing


def test_rasa_url_rewrites_snippet_and_csp():
    assert "https://chat.example.dk wss://chat.example.dk" in serve.csp_for("https://chat.example.dk")
