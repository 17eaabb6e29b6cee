"""The NLU report's fallback-threshold table (scripts/nlu_report.py)."""

import importlib.util
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location(
    "nlu_report", Path(__file__).resolve().parents[1] / "scripts" / "nlu_report.py"
)
assert _SPEC and _SPEC.loader
nlu_report = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(nlu_report)


def _example(confidence: float) -> dict:
    return {"text": "x", "intent": "a", "intent_prediction": {"name": "a", "confidence": confidence}}


def test_threshold_table_counts_what_the_fallback_would_catch() -> None:
    successes = [_example(0.9), _example(0.9), _example(0.4)]
    errors = [_example(0.25), _example(0.95)]
    rows = {row[0]: row[1:] for row in nlu_report.threshold_table(successes, errors)}
    # At 0.2 nothing falls back; at 0.45 one right and one wrong answer go to the fallback.
    assert rows[0.2] == pytest.approx((3 / 5, 2 / 5, 0.0))
    assert rows[0.45] == pytest.approx((2 / 5, 1 / 5, 2 / 5))
    for right, wrong, fallback in rows.values():
        assert right + wrong + fallback == pytest.approx(1.0)
