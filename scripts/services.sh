#!/usr/bin/env bash
# Start/stop the assistant's processes: action server (5055), Rasa (5005), web chat (8080).
# Usage: scripts/services.sh start|stop|start-actions|status
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
LOG=var/log
RUN=var/run
mkdir -p "$LOG" "$RUN"
ACTION_PORT=${ACTION_PORT:-5055}
RASA_PORT=${RASA_PORT:-5005}
WEB_PORT=${WEB_PORT:-8080}
export TEAMS_APP_ID=${TEAMS_APP_ID:-} TEAMS_APP_PASSWORD=${TEAMS_APP_PASSWORD:-} TEAMS_TENANT_ID=${TEAMS_TENANT_ID:-}
export TF_CPP_MIN_LOG_LEVEL=2

wait_for() {  # url seconds name
  local url=$1 limit=$2 name=$3 i=0
  until curl -sf -o /dev/null "$url"; do
    i=$((i + 1))
    if [ "$i" -ge "$limit" ]; then
      echo "$name svarede ikke på $url efter ${limit}s – se $LOG" >&2
      tail -n 30 "$LOG/$name.log" >&2 || true
      return 1
    fi
    sleep 1
  done
}

start_one() {  # name command...
  local name=$1; shift
  if [ -f "$RUN/$name.pid" ] && kill -0 "$(cat "$RUN/$name.pid")" 2>/dev/null; then
    return 0
  fi
  (PYTHONPATH="$ROOT" setsid "$@" >"$LOG/$name.log" 2>&1 & echo $! >"$RUN/$name.pid")
}

start_actions() {
  start_one actions .venv/bin/python -m actions --actions actions --port "$ACTION_PORT"
  wait_for "http://localhost:$ACTION_PORT/health" 60 actions
}

start_rasa() {
  start_one rasa .venv-rasa/bin/rasa run --model models/planbot.tar.gz --enable-api --cors "*" \
    --port "$RASA_PORT" --credentials credentials.yml --endpoints endpoints.yml
  wait_for "http://localhost:$RASA_PORT/status" 180 rasa
}

start_web() {
  start_one web .venv/bin/python webchat/serve.py --port "$WEB_PORT"
  wait_for "http://localhost:$WEB_PORT/" 30 web
}

stop_all() {
  for name in web rasa actions; do
    if [ -f "$RUN/$name.pid" ]; then
      pid=$(cat "$RUN/$name.pid")
      kill -- -"$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -9 -- -"$pid" 2>/dev/null || true
      rm -f "$RUN/$name.pid"
    fi
  done
}

case "${1:-}" in
  start) start_actions; start_rasa; start_web ;;
  start-actions) start_actions ;;
  stop) stop_all ;;
  status) for n in actions rasa web; do printf '%s: ' "$n"; { [ -f "$RUN/$n.pid" ] && kill -0 "$(cat "$RUN/$n.pid")" 2>/dev/null && echo kører; } || echo stoppet; done ;;
  *) echo "brug: $0 start|stop|start-actions|status" >&2; exit 2 ;;
esac
