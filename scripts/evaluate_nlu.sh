#!/usr/bin/env bash
# NLU evaluation with the project's config (or CONFIG=other.yml to try a change).
#   make evaluate        – 5-fold cross-validation over data/ (FOLDS=5), results/nlu/
#   make evaluate-split  – one stratified 80/20 split (SEED=7), results/nlu-split/: one
#                          training instead of five, and per-example confidences, so the
#                          report also shows what the fallback threshold costs and catches.
# Prints intent macro-F1, entity F1, the largest confusions (scripts/nlu_report.py).
set -euo pipefail
cd "$(dirname "$0")/.."
export TF_CPP_MIN_LOG_LEVEL=2 PYTHONPATH="$PWD"
config=${CONFIG:-config.yml}
rasa=.venv-rasa/bin/rasa

mode=${1:-cv}
out=results/nlu
[[ "$mode" == "split" ]] && out=results/nlu-split
rm -rf "$out" && mkdir -p "$out"

if [[ "$mode" == "split" ]]; then
  $rasa data split nlu --nlu data --training-fraction 0.8 --random-seed "${SEED:-7}" \
    --out "$out/data" >"$out/log.txt" 2>&1
  start=$(date +%s)
  $rasa train nlu --nlu "$out/data/training_data.yml" --config "$config" --out "$out" \
    --fixed-model-name split-model >>"$out/log.txt" 2>&1
  echo "training on 80 %: $(($(date +%s) - start)) s"
  $rasa test nlu --nlu "$out/data/test_data.yml" --model "$out/split-model.tar.gz" \
    --out "$out" --successes --no-plot >>"$out/log.txt" 2>&1
else
  $rasa test nlu --nlu data --config "$config" --cross-validation --folds "${FOLDS:-5}" \
    --out "$out" --no-plot >"$out/log.txt" 2>&1
fi
.venv/bin/python scripts/nlu_report.py "$out"
