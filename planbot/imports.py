"""Write measurements: Jobindsats series values and staff-reported goal values.

Both imports validate the whole file first and write nothing when any row is bad;
writes are upserts (re-importing a row updates it) inside one transaction, and
every import is recorded in ``import_log``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import getpass
import hashlib
import io
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import Engine, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from planbot.jobindsats import SOURCE_LABEL, ImportRejected, SeriesFrame, parse_number, read_any
from planbot.periods import parse_period
from planbot.schema import (
    Goal,
    GoalMeasurement,
    ImportLog,
    IndicatorSeries,
    Kommune,
    Measurement,
    Plan,
)

Progress = Callable[[int, int], None]

STAFF_COLUMNS = ["kommune", "plan", "mål", "periode", "værdi", "enhed", "kilde", "opdateret"]
STAFF_REQUIRED = ["kommune", "plan", "mål", "periode", "værdi", "kilde", "opdateret"]
NATIONAL = "Hele landet"


@dataclass
class ImportResult:
    """What an import wrote."""

    import_id: int
    rows_total: int
    inserted: int
    updated: int


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _who() -> str:
    try:
        return os.environ.get("PLANBOT_USER") or getpass.getuser()
    except Exception:
        return "ukendt"


def _insert(engine: Engine):  # type: ignore[no-untyped-def]
    """The dialect's INSERT with ON CONFLICT support."""
    if engine.dialect.name == "postgresql":
        return postgresql.insert
    if engine.dialect.name == "sqlite":
        return sqlite.insert
    raise RuntimeError(f"Upsert er ikke understøttet for {engine.dialect.name}")


def _chunks(items: list[dict[str, Any]], size: int) -> Iterable[list[dict[str, Any]]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _start_log(session: Session, kind: str, filename: str, sha: str | None, rows: int) -> ImportLog:
    log = ImportLog(
        kind=kind,
        filename=filename,
        sha256=sha,
        imported_by=_who(),
        started_at=dt.datetime.now(),
        rows_total=rows,
        status="running",
    )
    session.add(log)
    session.flush()
    return log


def import_series(
    session: Session,
    frame: SeriesFrame,
    filename: str,
    sha: str | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Upsert Jobindsats values and their series definitions."""
    engine = session.get_bind()
    insert = _insert(engine)  # type: ignore[arg-type]
    for series in frame.series.values():
        session.merge(
            IndicatorSeries(
                id=series.id, table_id=series.table_id, description=series.description, unit=series.unit
            )
        )
    rows = frame.rows
    log = _start_log(session, "jobindsats", filename, sha, len(rows))
    retrieved = dt.date.fromisoformat(frame.retrieved) if frame.retrieved else dt.date.today()
    keys = set(
        session.execute(
            select(Measurement.area, Measurement.series_id, Measurement.category, Measurement.period)
        ).tuples()
    )
    records: list[dict[str, Any]] = []
    updated = 0
    for area, table_id, series_id, category, period, period_end, value in zip(
        rows["area"], rows["table_id"], rows["series_id"], rows["category"], rows["period"],
        rows["period_end"], rows["value"], strict=True,
    ):  # fmt: skip
        if (area, series_id, category, period) in keys:
            updated += 1
        records.append(
            {
                "area": area,
                "series_id": series_id,
                "table_id": table_id,
                "category": category,
                "period": period,
                "period_end": period_end,
                "value": None if value is None or pd.isna(value) else float(value),
                "source": f"{SOURCE_LABEL}, tabel {table_id.upper()}",
                "retrieved": retrieved,
                "import_id": log.id,
            }
        )
    stmt = insert(Measurement)
    stmt = stmt.on_conflict_do_update(
        index_elements=["area", "series_id", "category", "period"],
        set_={
            c: getattr(stmt.excluded, c)
            for c in ("value", "table_id", "period_end", "source", "retrieved", "import_id")
        },
    )
    done = 0
    for chunk in _chunks(records, 10000):
        session.execute(stmt, chunk)
        done += len(chunk)
        if progress:
            progress(done, len(records))
    _known_areas(session, set(rows["area"]))
    log.rows_inserted = len(records) - updated
    log.rows_updated = updated
    log.status = "ok"
    log.finished_at = dt.datetime.now()
    return ImportResult(log.id, len(records), len(records) - updated, updated)


def _known_areas(session: Session, areas: set[str]) -> None:
    """Make every Jobindsats area a known kommune (except the national total)."""
    existing = set(session.scalars(select(Kommune.name)))
    for area in sorted(areas - existing - {NATIONAL}):
        session.add(Kommune(name=area, aliases=[], has_plans=False))


def import_jobindsats_file(
    session: Session, path: Path, table_id: str | None = None, progress: Progress | None = None
) -> ImportResult:
    """Read and import a Jobindsats file (bundled extract or API export)."""
    frame = read_any(path, table_id)
    return import_series(session, frame, path.name, file_sha256(path), progress)


# --- Staff-reported values --------------------------------------------------------------


def _read_table(path: Path) -> pd.DataFrame:
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        try:
            return pd.read_excel(path, dtype=str, keep_default_na=False)
        except Exception as exc:
            raise ImportRejected(path.name, [f"regnearket kan ikke læses: {exc}"]) from None
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRejected(path.name, ["filen er ikke UTF-8 (gem som CSV UTF-8)"]) from None
    first = text.splitlines()[0] if text.strip() else ""
    sep = ";" if first.count(";") >= first.count(",") else ","
    try:
        return pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    except Exception as exc:
        raise ImportRejected(path.name, [f"filen kan ikke læses som CSV: {exc}"]) from None


def _suggest(value: str, options: Iterable[str]) -> str:
    options = list(options)
    near = difflib.get_close_matches(value, options, n=3, cutoff=0.5)
    if not near:
        lowered = {o.lower(): o for o in options}
        near = [lowered[m] for m in difflib.get_close_matches(value.lower(), lowered, n=3, cutoff=0.5)]
    shown = near or options[:8]
    label = "mente du" if near else "kendte værdier"
    return f" ({label}: {', '.join(shown)})" if shown else ""


def _parse_date(text: str) -> dt.date:
    raw = text.strip()
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S"):
        try:
            return dt.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"ugyldig dato {text!r} (brug fx 2024-09-30)")


def import_staff_file(session: Session, path: Path) -> ImportResult:
    """Import staff-reported goal values (CSV or XLSX).

    Columns ``kommune;plan;mål;periode;værdi;enhed;kilde;opdateret`` (``enhed`` optional).
    The whole file is rejected when any row is bad, with every problem and row number.
    """
    frame = _read_table(path)
    frame.columns = [str(c).strip().lower().lstrip("\ufeff") for c in frame.columns]
    frame = frame.rename(columns={"maal": "mål", "vaerdi": "værdi"})
    missing = [c for c in STAFF_REQUIRED if c not in frame.columns]
    if missing:
        raise ImportRejected(path.name, [f"kolonne mangler: {', '.join(missing)} (række 1)"])
    if frame.empty:
        raise ImportRejected(path.name, ["filen indeholder ingen rækker"])

    plans = session.execute(select(Plan.id, Plan.period, Kommune.name).join(Kommune)).all()
    goals = session.execute(select(Goal.plan_id, Goal.code)).all()
    codes_by_plan: dict[str, list[str]] = {}
    for plan_id, code in goals:
        codes_by_plan.setdefault(plan_id, []).append(code)
    kommuner = {p.name for p in plans}
    kommune_lookup = {k.lower(): k for k in kommuner} | {NATIONAL.lower(): NATIONAL}
    problems: list[str] = []
    records: list[dict[str, Any]] = []
    for index, row in frame.iterrows():
        line = int(index) + 2  # type: ignore[arg-type]
        where = f"række {line}"
        kommune_raw = str(row["kommune"]).strip()
        kommune = kommune_lookup.get(kommune_raw.lower())
        plan_period = str(row["plan"]).strip().replace("–", "-")
        code = str(row["mål"]).strip().removeprefix("Mål ").removeprefix("mål ")
        if kommune is None:
            problems.append(
                f"{where}: ukendt kommune {kommune_raw!r}{_suggest(kommune_raw, [*sorted(kommuner), NATIONAL])}"
            )
        elif kommune == NATIONAL:
            candidates = [p for p in plans if p.period == plan_period]
            if not candidates:
                problems.append(
                    f"{where}: ukendt plan {plan_period!r}{_suggest(plan_period, sorted({p.period for p in plans}))}"
                )
            elif not any(code in codes_by_plan.get(p.id, []) for p in candidates):
                all_codes = sorted({c for p in candidates for c in codes_by_plan.get(p.id, [])})
                problems.append(
                    f"{where}: ukendt mål {code!r} i planer for {plan_period}{_suggest(code, all_codes)}"
                )
        else:
            own = [p for p in plans if p.name == kommune]
            plan = next((p for p in own if p.period == plan_period), None)
            if plan is None:
                problems.append(
                    f"{where}: ukendt plan {plan_period!r} for {kommune}{_suggest(plan_period, [p.period for p in own])}"
                )
            elif code not in codes_by_plan.get(plan.id, []):
                problems.append(
                    f"{where}: ukendt mål {code!r} i {kommune} {plan_period}{_suggest(code, codes_by_plan.get(plan.id, []))}"
                )
        try:
            period = parse_period(str(row["periode"]))
        except ValueError as exc:
            problems.append(f"{where}: {exc}")
            period = None
        try:
            value = parse_number(row["værdi"])
            if value is None:
                problems.append(f"{where}: værdi mangler")
        except ValueError as exc:
            problems.append(f"{where}: {exc}")
            value = None
        unit = str(row.get("enhed", "") or "").strip().lower() or None
        if unit not in {None, "pct", "antal"}:
            problems.append(f"{where}: ukendt enhed {unit!r} (brug pct eller antal)")
        source = str(row["kilde"]).strip()
        if not source:
            problems.append(f"{where}: kilde mangler")
        try:
            updated = _parse_date(str(row["opdateret"]))
        except ValueError as exc:
            problems.append(f"{where}: {exc}")
            updated = None
        if kommune and period and value is not None and updated:
            records.append(
                {
                    "kommune": kommune,
                    "plan_period": plan_period,
                    "goal_code": code,
                    "period": period.code,
                    "period_end": period.end,
                    "value": value,
                    "unit": unit,
                    "source": source,
                    "updated": updated,
                }
            )
    seen: dict[tuple[str, str, str, str], int] = {}
    for n, rec in enumerate(records):
        key = (rec["kommune"], rec["plan_period"], rec["goal_code"], rec["period"])
        if key in seen:
            problems.append(
                f"rækkerne {seen[key] + 2} og {n + 2}: samme kommune, plan, mål og periode to gange"
            )
        seen[key] = n
    if problems:
        raise ImportRejected(path.name, problems)

    log = _start_log(session, "staff", path.name, file_sha256(path), len(records))
    existing = set(
        session.execute(
            select(
                GoalMeasurement.kommune,
                GoalMeasurement.plan_period,
                GoalMeasurement.goal_code,
                GoalMeasurement.period,
            )
        ).tuples()
    )
    updated_count = sum(1 for k in seen if k in existing)
    insert = _insert(session.get_bind())  # type: ignore[arg-type]
    for rec in records:
        rec["import_id"] = log.id
    stmt = insert(GoalMeasurement).values(records)
    stmt = stmt.on_conflict_do_update(
        index_elements=["kommune", "plan_period", "goal_code", "period"],
        set_={
            c: getattr(stmt.excluded, c)
            for c in ("value", "unit", "source", "updated", "period_end", "import_id")
        },
    )
    session.execute(stmt)
    log.rows_inserted = len(records) - updated_count
    log.rows_updated = updated_count
    log.status = "ok"
    log.finished_at = dt.datetime.now()
    return ImportResult(log.id, len(records), len(records) - updated_count, updated_count)
