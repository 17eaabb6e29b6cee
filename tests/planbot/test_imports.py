"""Imports: staff-reported values and Jobindsats files; bad files are rejected whole."""

import json
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from planbot.imports import import_jobindsats_file, import_staff_file
from planbot.jobindsats import ImportRejected, parse_number, read_api_csv, read_api_json
from planbot.schema import GoalMeasurement, ImportLog, Measurement

DATA = Path(__file__).parent / "data"
HEADER = "kommune;plan;mål;periode;værdi;enhed;kilde;opdateret\n"


def _write(tmp_path: Path, body: str, name: str = "status.csv", header: str = HEADER) -> Path:
    path = tmp_path / name
    path.write_text(header + body, encoding="utf-8")
    return path


def _count(engine: Engine) -> int:
    with Session(engine) as session:
        return int(session.scalar(select(func.count()).select_from(GoalMeasurement)) or 0)


def test_staff_import_accepts_the_format_and_updates_on_reimport(
    built_engine: Engine, tmp_path: Path
) -> None:
    with Session(built_engine) as session, session.begin():
        result = import_staff_file(session, DATA / "status_ok.csv")
    assert (result.rows_total, result.inserted, result.updated) == (5, 5, 0)
    changed = _write(tmp_path, "Norddjurs;2024;1.2;2024H2;82,0;pct;Jobindsats.dk;2025-04-01\n")
    with Session(built_engine) as session, session.begin():
        again = import_staff_file(session, changed)
    assert (again.inserted, again.updated) == (0, 1)
    with Session(built_engine) as session:
        value = session.scalar(
            select(GoalMeasurement.value).where(
                GoalMeasurement.goal_code == "1.2",
                GoalMeasurement.period == "2024H2",
                GoalMeasurement.kommune == "Norddjurs",
            )
        )
        log = session.scalars(select(ImportLog).where(ImportLog.kind == "staff").order_by(ImportLog.id)).all()
    assert value == 82.0
    assert [entry.rows_total for entry in log] == [5, 1]
    assert _count(built_engine) == 5


def test_comma_separated_decimal_point_without_unit_column(built_engine: Engine, tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "Morsø,2021,1,2021,5,Ankestyrelsen,30-06-2021\n",
        header="kommune,plan,mål,periode,værdi,kilde,opdateret\n",
    )
    with Session(built_engine) as session, session.begin():
        assert import_staff_file(session, path).inserted == 1
    path = _write(
        tmp_path,
        "Norddjurs,2024,1.3,2024Q2,71.5,Jobindsats,2024-07-01\n",
        header="kommune,plan,mål,periode,værdi,kilde,opdateret\n",
    )
    with Session(built_engine) as session, session.begin():
        import_staff_file(session, path)
        assert session.scalar(select(GoalMeasurement.value).where(GoalMeasurement.goal_code == "1.3")) == 71.5


def test_xlsx_is_accepted(built_engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "status.xlsx"
    pd.DataFrame(
        [
            {
                "kommune": "Norddjurs",
                "plan": "2024",
                "mål": "6.3",
                "periode": "2024",
                "værdi": "33,5",
                "enhed": "pct",
                "kilde": "Ungeindsatsen",
                "opdateret": "2024-12-01",
            }
        ]
    ).to_excel(path, index=False)
    with Session(built_engine) as session, session.begin():
        assert import_staff_file(session, path).inserted == 1


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("Nordjurs;2024;1.2;2024H1;76,5;pct;x;2024-09-30", ["række 2", "ukendt kommune", "Norddjurs"]),
        ("Norddjurs;2023;1.2;2024H1;76,5;pct;x;2024-09-30", ["række 2", "ukendt plan", "2024"]),
        ("Norddjurs;2024;6.31;2024H1;76,5;pct;x;2024-09-30", ["række 2", "ukendt mål", "6.3"]),
        ("Norddjurs;2024;1.2;2024H1;mange;pct;x;2024-09-30", ["række 2", "ikke et tal"]),
        ("Norddjurs;2024;1.2;2024X9;76,5;pct;x;2024-09-30", ["række 2", "ukendt periode"]),
        ("Norddjurs;2024;1.2;2024H1;76,5;procent;x;2024-09-30", ["række 2", "ukendt enhed"]),
        ("Norddjurs;2024;1.2;2024H1;76,5;pct;x;i går", ["række 2", "ugyldig dato"]),
    ],
)
def test_bad_rows_reject_the_whole_file(
    built_engine: Engine, tmp_path: Path, row: str, expected: list[str]
) -> None:
    good = "Norddjurs;2024;1.1;2024H1;-120;antal;STAR;2024-09-30\n"
    path = _write(tmp_path, row + "\n" + good)
    with pytest.raises(ImportRejected) as excinfo, Session(built_engine) as session, session.begin():
        import_staff_file(session, path)
    message = str(excinfo.value)
    for part in expected:
        assert part in message
    assert "intet er gemt" in message
    assert _count(built_engine) == 0


def test_missing_column_and_every_problem_listed(built_engine: Engine, tmp_path: Path) -> None:
    path = _write(tmp_path, "Norddjurs;2024;1.2;2024H1;76,5\n", header="kommune;plan;mål;periode;værdi\n")
    with (
        pytest.raises(ImportRejected, match="kolonne mangler: kilde, opdateret"),
        Session(built_engine) as session,
    ):
        import_staff_file(session, path)
    path = _write(
        tmp_path,
        "Norddjurs;2024;1.2;2024H1;x;pct;a;2024-01-01\nNorddjurs;2024;9.9;2024H1;1;pct;a;2024-01-01\n",
    )
    with pytest.raises(ImportRejected) as excinfo, Session(built_engine) as session:
        import_staff_file(session, path)
    assert "række 2" in str(excinfo.value) and "række 3" in str(excinfo.value)
    assert _count(built_engine) == 0


def test_jobindsats_reimport_updates_and_counts(built_engine: Engine, jobindsats_slice: Path) -> None:
    with Session(built_engine) as session:
        before = session.scalar(select(func.count()).select_from(Measurement))
    with Session(built_engine) as session, session.begin():
        result = import_jobindsats_file(session, jobindsats_slice)
    assert result.inserted == 0 and result.updated == result.rows_total == before


def test_api_v2_csv_v2_json_and_v3_json_are_read(tmp_path: Path) -> None:
    v2 = tmp_path / "Y01A02.csv"
    v2.write_text(
        "Area;Periode;Køn;Antal personer;Fuldtidspersoner i pct. af arbejdsstyrken 16-66 år\n"
        "Hele landet;2021M01;Køn i alt;144315;4,2\nNorddjurs;2021M01;Køn i alt;1234;3,1\n",
        encoding="utf-8",
    )
    frame = read_api_csv(v2)
    assert len(frame.rows) == 4 and set(frame.rows["area"]) == {"Hele landet", "Norddjurs"}
    assert {s.unit for s in frame.series.values()} == {"antal", "pct"}
    v2json = tmp_path / "y25i01.json"
    v2json.write_text(
        json.dumps(
            [
                {
                    "Variables": [
                        {"Name": "period", "Label": "Periode"},
                        {"Name": "area", "Label": "Area"},
                        {"Name": "x", "Label": "Fuldtidsledige i alt (antal fuldtidspersoner)"},
                    ],
                    "Data": [["2024M01", "Morsø", "171"]],
                }
            ]
        ),
        encoding="utf-8",
    )
    frame = read_api_json(v2json)
    assert list(frame.series) == ["unemployment.total"] and frame.rows["value"].tolist() == [171.0]
    v3 = tmp_path / "export.json"
    v3.write_text(
        json.dumps(
            {
                "table_id": "y60a02",
                "columns": ["_omrade", "period", "Kontanthjælpsmodtagere (antal personer)"],
                "rows": [["Morsø", "2023Q01", 313]],
            }
        ),
        encoding="utf-8",
    )
    frame = read_api_json(v3)
    assert frame.rows["period"].tolist() == ["2023Q1"] and list(frame.series) == ["cashAssistance.persons"]


def test_api_file_with_bad_period_is_rejected_with_row(tmp_path: Path) -> None:
    bad = tmp_path / "y25i01.csv"
    bad.write_text("Area;Periode;Antal\nMorsø;2024M13;5\nMorsø;2024M01;x5\n", encoding="utf-8")
    with pytest.raises(ImportRejected) as excinfo:
        read_api_csv(bad)
    assert "række 2" in str(excinfo.value)


def test_parse_number_danish_and_english() -> None:
    assert parse_number("76,5") == 76.5
    assert parse_number("8.940") == 8940
    assert parse_number("1.234,5") == 1234.5
    assert parse_number("76.5") == 76.5
    assert parse_number("") is None
    with pytest.raises(ValueError):
        parse_number("7x")
