#!/usr/bin/env bash
# NLU cross-validation (make evaluate): 5 folds over data/ with the project's config.
# Writes results/nlu/ (intent_report.json, DIETClassifier_report.json, ...) and prints
# intent macro-F1 and entity F1.
set -euo pipefail
cd "$(dirname "$0")/.."
export TF_CPP_MIN_LOG_LEVEL=2
rm -rf results/nlu && mkdir -p results/nlu
.venv-rasa/bin/rasa test nlu --nlu data --config config.yml --cross-validation --folds "${FOLDS:-5}" \
  --out results/nlu --no-plot >results/nlu/log.txt 2>&1
.venv/bin/python - <<'PY'
import json
from pathlib import Path

out = Path("results/nlu")
intent = json.loads((out / "intent_report.json").read_text())
print(f"intent macro-F1: {intent['macro avg']['f1-score']:.3f}  (accuracy {intent.get('accuracy', 0):.3f})")
for name in ("DIETClassifier_report.json", "RegexEntityExtractor_report.json"):
    path = out / name
    if path.exists():
        report = json.loads(path.read_text())
        avg = report.get("micro avg") or report.get("weighted avg")
        print(f"entity F1 ({name.split('_')[0]}): micro {avg['f1-score']:.3f}, macro {report['macro avg']['f1-score']:.3f}")
PY
