"""Building the database: counts, idempotent rebuilds that keep measurements, the CLI."""

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from planbot import cli
from planbot.build import build_database
from planbot.curated import KNOWLEDGE_DIR
from planbot.db import dispose_engines
from planbot.imports import import_staff_file
from planbot.schema import Goal, GoalMeasurement, ImportLog, Kommune, Measurement, Passage, Plan

DATA = Path(__file__).parent / "data"


def _count(engine: Engine, model) -> int:
    with Session(engine) as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_build_counts(built_engine: Engine) -> None:
    assert _count(built_engine, Plan) == 5
    assert _count(built_engine, Goal) == 95
    assert _count(built_engine, Passage) > 200
    with Session(built_engine) as session:
        kommuner = set(session.scalars(select(Kommune.name)))
        assert {"Norddjurs", "Morsø", "Mariagerfjord", "Aarhus"} <= kommuner
        assert "Hele landet" not in kommuner
        assert (
            session.scalar(
                select(func.count()).select_from(Measurement).where(Measurement.area == "Hele landet")
            )
            > 0
        )


def test_rebuild_is_idempotent_and_keeps_measurements(built_engine: Engine, jobindsats_slice: Path) -> None:
    with Session(built_engine) as session, session.begin():
        import_staff_file(session, DATA / "status_ok.csv")
    before = {m: _count(built_engine, m) for m in (Goal, Passage, Measurement, GoalMeasurement, ImportLog)}
    result = build_database(built_engine, KNOWLEDGE_DIR, jobindsats_slice)
    after = {m: _count(built_engine, m) for m in before}
    assert after == before
    assert result.jobindsats_rows is None  # the same extract is not imported twice


def test_cli_goals_json_lists_every_goal_with_target_follow_up_and_source(
    shared_engine: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PLANBOT_DB_URL", str(shared_engine.url))
    dispose_engines()
    assert cli.main(["goals", "--json"]) == 0
    goals = json.loads(capsys.readouterr().out)
    assert len(goals) == 95
    per_plan: dict[str, int] = {}
    for goal in goals:
        per_plan[goal["plan_id"]] = per_plan.get(goal["plan_id"], 0) + 1
        assert goal["source"] and goal["code"] and goal["kind"] and goal["title"]
    assert per_plan["norddjurs-2024"] == 27
    samtaler = next(g for g in goals if g["plan_id"] == "norddjurs-2024" and g["code"] == "1.2")
    assert samtaler["target"]["value"] == 80 and samtaler["follow_up"]["frequency"]


def test_cli_status_and_search(
    shared_engine: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PLANBOT_DB_URL", str(shared_engine.url))
    dispose_engines()
    assert cli.main(["status", "--kommune", "norddjurs", "--json"]) == 0
    statuses = json.loads(capsys.readouterr().out)
    assert {s["goal_code"] for s in statuses} >= {"1.2", "6.10"}
    assert all(s["label"] in {"nået", "ikke nået", "ingen målinger", "kan ikke vurderes"} for s in statuses)
    assert cli.main(["status", "--kommune", "Norddjurs"]) == 0
    assert "Status" in capsys.readouterr().out
    assert cli.main(["search", "praktikbank 200 praktikpladser", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits[0]["document_id"] == "mariagerfjord-2021-2024-notat"
    assert cli.main(["series", "--kommune", "Morso", "--json"]) == 0
    series = json.loads(capsys.readouterr().out)
    assert any(s["series"] == "unemployment.totalRate" for s in series)


def test_cli_import_status_rejects_bad_file_with_row_numbers(
    shared_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PLANBOT_DB_URL", str(shared_engine.url))
    dispose_engines()
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "kommune;plan;mål;periode;værdi;enhed;kilde;opdateret\nMorsø;2021;99;2021;1;antal;x;2021-01-01\n",
        encoding="utf-8",
    )
    assert cli.main(["import-status", str(bad), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False and "række 2" in report["problems"][0]
