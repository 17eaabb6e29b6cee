"""Summarise a `rasa test nlu` result folder (make evaluate / make evaluate-split).

Prints intent macro-F1 and accuracy, entity F1, the most frequent confusions and, when the
folder has per-example successes (the split evaluation), how the FallbackClassifier
threshold trades correct answers for caught mistakes on those held-out examples.

Usage: python scripts/nlu_report.py results/nlu [--top 8]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

THRESHOLDS = (0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6)


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def threshold_table(successes: list[dict], errors: list[dict]) -> list[tuple[float, float, float, float]]:
    """For each threshold: share answered correctly, answered wrongly and sent to fallback."""
    total = len(successes) + len(errors)
    rows = []
    for threshold in THRESHOLDS:
        right = sum(1 for x in successes if x["intent_prediction"]["confidence"] >= threshold)
        wrong = sum(1 for x in errors if x["intent_prediction"]["confidence"] >= threshold)
        rows.append((threshold, right / total, wrong / total, (total - right - wrong) / total))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--top", type=int, default=8, help="number of confusions to list")
    args = parser.parse_args()
    out: Path = args.folder

    intent = _load(out / "intent_report.json")
    if intent is None:
        raise SystemExit(f"Ingen intent_report.json i {out}")
    print(
        f"intent macro-F1: {intent['macro avg']['f1-score']:.3f}  (accuracy {intent.get('accuracy', 0):.3f})"
    )
    for name in ("DIETClassifier_report.json", "RegexEntityExtractor_report.json"):
        report = _load(out / name)
        if report:
            avg = report.get("micro avg") or report.get("weighted avg")
            print(
                f"entity F1 ({name.split('_')[0]}): micro {avg['f1-score']:.3f}, macro {report['macro avg']['f1-score']:.3f}"
            )

    errors = _load(out / "intent_errors.json") or []
    confusions = Counter((x["intent"], x["intent_prediction"]["name"]) for x in errors)
    print(f"most frequent confusions ({len(errors)} errors, {len(confusions)} different pairs):")
    for (expected, predicted), count in confusions.most_common(args.top):
        print(f"  {count:3d}  {expected} -> {predicted}")

    successes = _load(out / "intent_successes.json")
    if successes is not None:
        print("fallback threshold on these held-out examples (share of all):")
        print("  threshold  right  wrong  fallback")
        for threshold, right, wrong, fallback in threshold_table(successes, errors):
            print(f"  {threshold:9.2f}  {right:5.3f}  {wrong:5.3f}  {fallback:8.3f}")


if __name__ == "__main__":
    main()
