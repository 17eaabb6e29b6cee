#!/usr/bin/env bash
# Runs the widget's browser test (tests/webchat/) in headless Debian Chromium.
#
#   PLANBOT_STUB=1 webchat/run_browser_test.sh          # against the stub server
#   webchat/run_browser_test.sh                          # against a running Rasa
#   PLANBOT_SCREENSHOTS=1 PLANBOT_STUB=1 webchat/run_browser_test.sh
#
# Environment (all optional):
#   PLANBOT_DEMO_URL   demo site, default http://localhost:8080 - started with
#                      webchat/serve.py if nothing answers there
#   PLANBOT_RASA_URL   Rasa server, default http://localhost:5005
#   PLANBOT_STUB=1     use tests/webchat/stub_server.py as the Rasa server; it is
#                      started if nothing answers at PLANBOT_RASA_URL
#   PLANBOT_STUB_PYTHON  python with python-socketio 5 + aiohttp for the stub
#                      (default .venv-rasa/bin/python if present, else python3)
#   PLANBOT_SCREENSHOTS=1  also write webchat/screenshots/{desktop,mobile}.png
#   PLANBOT_BOT_TIMEOUT_MS  wait for an answer this long (default 60000)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

export PLANBOT_DEMO_URL="${PLANBOT_DEMO_URL:-http://localhost:8080}"
export PLANBOT_RASA_URL="${PLANBOT_RASA_URL:-http://localhost:5005}"
LOGDIR="$(mktemp -d "${TMPDIR:-/tmp}/planbot-webchat.XXXXXX")"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT

up() { # up URL -> 0 if something answers HTTP there
  python3 - "$1" <<'EOF'
import sys, urllib.request, urllib.error
try:
    urllib.request.urlopen(sys.argv[1], timeout=2)
except urllib.error.HTTPError:
    pass
except Exception:
    sys.exit(1)
EOF
}

port_of() {
  python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(p.port or (443 if p.scheme == "https" else 80))' "$1"
}

wait_up() { # wait_up URL NAME LOGFILE
  for _ in $(seq 1 60); do
    if up "$1"; then return 0; fi
    sleep 0.5
  done
  echo "FAIL: $2 did not come up at $1; log:" >&2
  cat "$3" >&2 || true
  exit 1
}

# 1. browser: Debian's chromium (never a downloaded browser build)
if [ ! -x "${PLANBOT_CHROMIUM:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing Debian chromium ..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "chromium missing: apt-get install -y chromium" >&2
    exit 1
  fi
fi

# 2. node deps + bundle
if [ ! -d webchat/node_modules/playwright-core ] || [ ! -d webchat/node_modules/esbuild ]; then
  (cd webchat && npm ci --no-audit --no-fund)
fi
(cd webchat && npm run --silent build)

# 3. servers
if [ "${PLANBOT_STUB:-}" = "1" ] && ! up "$PLANBOT_RASA_URL/socket.io/?EIO=4&transport=polling"; then
  PY="${PLANBOT_STUB_PYTHON:-}"
  if [ -z "$PY" ]; then
    if [ -x .venv-rasa/bin/python ]; then PY=.venv-rasa/bin/python; else PY=python3; fi
  fi
  "$PY" tests/webchat/stub_server.py --port "$(port_of "$PLANBOT_RASA_URL")" >"$LOGDIR/stub.log" 2>&1 &
  PIDS+=("$!")
  wait_up "$PLANBOT_RASA_URL/" "stub server" "$LOGDIR/stub.log"
fi
if ! up "$PLANBOT_DEMO_URL/"; then
  python3 webchat/serve.py --port "$(port_of "$PLANBOT_DEMO_URL")" --quiet >"$LOGDIR/serve.log" 2>&1 &
  PIDS+=("$!")
  wait_up "$PLANBOT_DEMO_URL/" "demo server" "$LOGDIR/serve.log"
fi

# 4. the test
echo "demo: $PLANBOT_DEMO_URL  rasa: $PLANBOT_RASA_URL  stub: ${PLANBOT_STUB:-0}"
node --test --test-reporter=spec tests/webchat/
