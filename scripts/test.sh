#!/usr/bin/env bash
# The whole test suite, as CI runs it (make test). Starts the assistant for the
# end-to-end parts and stops it again. The unit and database tests run last, so the
# final line is pytest's summary.
set -euo pipefail
cd "$(dirname "$0")/.."
export PLANBOT_REQUIRE_POSTGRES=1 PYTHONPATH="$PWD" TF_CPP_MIN_LOG_LEVEL=2
# Regression guard, not the 95 % goal: round 4 (out of scope, fragments) is hard on purpose.
MIN_PASS_RATE=${PLANBOT_MIN_PASS_RATE:-0.90}
mkdir -p results
trap 'bash scripts/services.sh stop' EXIT

step() { printf '\n== %s\n' "$*"; }

step "Lint (ruff)"
make -s lint

step "rasa data validate"
.venv-rasa/bin/rasa data validate --domain domain.yml --data data --config config.yml 2>&1 | grep -v -E "UserWarning|^\s*$|tensorflow" | tail -n 15
.venv-rasa/bin/rasa data validate --domain domain.yml --data data --config config.yml >/dev/null 2>&1

step "Channel and NLU-component tests (Teams, Socket.IO, privacy, domain gate) in the Rasa environment"
.venv-rasa/bin/python -m pytest -q -p no:cacheprovider tests/channels tests/webchat tests/components

step "Start the assistant"
bash scripts/services.sh start

step "Test stories (rasa test core)"
.venv-rasa/bin/rasa test core --stories tests/test_stories.yml --model models/planbot.tar.gz \
  --endpoints endpoints.yml --out results/stories --fail-on-prediction-errors --no-plot 2>&1 | grep -E "Finished|Correct|failed|Failed|story" | tail -n 10

step "Held-out conversation suite against the REST channel"
.venv/bin/python tests/e2e/run_conversations.py --min-pass-rate "$MIN_PASS_RATE"

step "Browser test (headless Chromium) of the web chat"
PLANBOT_RASA_URL=http://localhost:5005 PLANBOT_DEMO_URL=http://localhost:8080 bash webchat/run_browser_test.sh

bash scripts/services.sh stop

step "Unit, database (SQLite + PostgreSQL) and action tests"
.venv/bin/pytest -q --ignore=tests/channels --ignore=tests/webchat --ignore=tests/components --ignore=tests/e2e
