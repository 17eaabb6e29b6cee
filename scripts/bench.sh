#!/usr/bin/env bash
# Benchmarks (make bench): database build/import/status latency, then the running
# assistant (REST latency sequential and with 10 concurrent senders, memory, start
# time) and a forced training run. Results: results/bench.json.
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONPATH="$PWD"
bash scripts/services.sh stop >/dev/null 2>&1 || true
trap 'bash scripts/services.sh stop' EXIT
started=$(date +%s.%N)
bash scripts/services.sh start
start_s=$(python3 -c "print(round($(date +%s.%N) - $started, 1))")
.venv/bin/python scripts/bench.py --rest --train --start-seconds "$start_s" "$@"
