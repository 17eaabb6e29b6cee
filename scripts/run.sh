#!/usr/bin/env bash
# Start the whole assistant and keep it running until Ctrl-C (or MAKE_RUN_DETACH=1 to return).
set -euo pipefail
cd "$(dirname "$0")/.."
trap 'bash scripts/services.sh stop' INT TERM
bash scripts/services.sh start
cat <<'MSG'

Planassistenten kører:
  REST:      http://localhost:5005/webhooks/rest/webhook
  Web chat:  http://localhost:8080  (demo-side med chat-widget)
  Actions:   http://localhost:5055/health

Prøv:  curl -s -XPOST localhost:5005/webhooks/rest/webhook \
         -H 'Content-Type: application/json' \
         -d '{"sender": "demo", "message": "Hvilke mål har Norddjurs?"}'

Stop med Ctrl-C (eller `make stop`).
MSG
if [ "${MAKE_RUN_DETACH:-0}" = "1" ]; then
  trap - INT TERM
  exit 0
fi
while bash scripts/services.sh status | grep -q kører; do sleep 5; done
