"""The action server's warm-up: answers every warm-up question, never raises."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine

from planbot import answers
from planbot.warmup import WARM_UP_QUESTIONS, warm_up


def test_warm_up_answers_every_question(shared_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    original = answers.answer_search

    def recording_search(session, ctx):  # type: ignore[no-untyped-def]
        asked.append(ctx.text)
        return original(session, ctx)

    monkeypatch.setattr(answers, "answer_search", recording_search)
    assert warm_up(shared_engine) is True
    searched = [text for intent, text in WARM_UP_QUESTIONS if intent not in answers.HANDLERS]
    assert searched and all(text in asked for text in searched)


def test_warm_up_on_an_empty_database_logs_and_returns_false(
    tmp_path, caplog: pytest.LogCaptureFixture
) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    with caplog.at_level(logging.WARNING, logger="planbot.warmup"):
        assert warm_up(engine) is False
    assert "Opvarmningen" in caplog.text
