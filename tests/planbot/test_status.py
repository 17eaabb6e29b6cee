"""Status labels from measurements: each target kind, national references, deadlines."""

from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from planbot.imports import import_staff_file
from planbot.schema import Goal, Plan, Target
from planbot.status import NO_DATA, NOT_REACHED, REACHED, UNASSESSABLE, evaluate, goal_status, target_in_words

HEADER = "kommune;plan;mål;periode;værdi;enhed;kilde;opdateret\n"


def _target(kind: str, value: float | None = None, **kw) -> Target:
    return Target(kind=kind, value=value, unit=kw.get("unit", "pct"), base_year=kw.get("base_year"),
                  deadline=kw.get("deadline"), direction=kw.get("direction", "higher_is_better"), source_quote="x")  # fmt: skip


@pytest.mark.parametrize(
    ("target", "value", "national", "base", "label"),
    [
        (_target("at_least", 80), 81.2, None, None, REACHED),
        (_target("at_least", 80), 79.9, None, None, NOT_REACHED),
        (_target("at_most", 5, unit="antal"), 4, None, None, REACHED),
        (_target("follow_national"), 45.0, 46.0, None, NOT_REACHED),
        (_target("follow_national", direction="lower_is_better"), 2.9, 3.0, None, REACHED),
        (_target("follow_national"), 45.0, None, None, UNASSESSABLE),
        (_target("max_points_above_national", 2, direction="lower_is_better"), 5.5, 3.0, None, NOT_REACHED),
        (_target("increase_vs_base", base_year=2023), 120, None, 100, REACHED),
        (_target("decrease_vs_base", base_year=2023), 120, None, 100, NOT_REACHED),
        (_target("decrease_vs_base", base_year=2023), 90, None, None, UNASSESSABLE),
        (_target("fewer_than_expected", unit="antal"), -120, None, None, REACHED),
        (
            _target("better_than_expected", unit="antal", direction="lower_is_better"),
            30,
            None,
            None,
            NOT_REACHED,
        ),
        (_target("qualitative"), 1, None, None, UNASSESSABLE),
    ],
)
def test_evaluate(
    target: Target, value: float, national: float | None, base: float | None, label: str
) -> None:
    assert evaluate(target, value, national, base)[0] == label


def test_target_in_words() -> None:
    assert target_in_words(_target("at_least", 90, deadline=2024)) == "mindst 90 % senest i 2024"
    assert (
        target_in_words(_target("max_points_above_national", 2))
        == "højst 2 procentpoint over landsgennemsnittet"
    )


def _import(engine: Engine, tmp_path: Path, rows: str) -> None:
    path = tmp_path / "s.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    with Session(engine) as session, session.begin():
        import_staff_file(session, path)


def _goal(session: Session, plan_id: str, code: str) -> Goal:
    return session.scalars(select(Goal).where(Goal.plan_id == plan_id, Goal.code == code)).one()


def test_deadline_not_passed_is_not_reached_yet(built_engine: Engine, tmp_path: Path) -> None:
    _import(
        built_engine,
        tmp_path,
        "Mariagerfjord;2021-2024;3a;2022;84;pct;Måling;2023-01-10\nMariagerfjord;2021-2024;3a;2023;86;pct;Måling;2024-01-10\n",
    )
    with Session(built_engine) as session:
        status = goal_status(session, _goal(session, "mariagerfjord-2021-2024-notat", "3a"))
    assert status.label == NOT_REACHED
    assert "2024" in (status.note or "") and "kan stadig nås" in (status.note or "")
    assert status.value == 86 and status.previous_value == 84 and status.change == 2
    assert status.target_text == "mindst 90 % senest i 2024"


def test_status_with_national_reference_and_source(built_engine: Engine, tmp_path: Path) -> None:
    _import(
        built_engine,
        tmp_path,
        "Norddjurs;2024;1.2;2024H2;81,2;pct;Jobindsats.dk, eget udtræk;2025-03-01\nHele landet;2024;1.2;2024H2;78;pct;Jobindsats.dk;2025-03-01\n",
    )
    with Session(built_engine) as session:
        status = goal_status(session, _goal(session, "norddjurs-2024", "1.2"))
    assert status.label == REACHED
    assert status.national_value == 78
    assert status.source == "Jobindsats.dk, eget udtræk" and status.updated == "2025-03-01"
    assert status.period_label == "2. halvår 2024"


def test_goal_without_measurements_and_qualitative_goal(built_engine: Engine) -> None:
    with Session(built_engine) as session:
        assert goal_status(session, _goal(session, "norddjurs-2024", "6.3")).label == NO_DATA
        assert goal_status(session, _goal(session, "morsoe-2021", "1")).label == UNASSESSABLE


def test_goal_linked_to_jobindsats_series_uses_it(built_engine: Engine) -> None:
    with Session(built_engine) as session:
        goal = _goal(session, "norddjurs-2024", "6.10")
        assert goal.indicator_series == "ordinaryHours.share"
        status = goal_status(session, goal)
        plan = session.get(Plan, "norddjurs-2024")
        assert plan is not None
    assert status.measured_by == "jobindsats" and status.value is not None
    assert status.source and "Jobindsats" in status.source
    assert status.label in {REACHED, NOT_REACHED, UNASSESSABLE}
