"""The ``planbot`` command line: build, import, list goals, status, search.

Every command takes ``--json`` for scripts and prints a readable Danish table otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from planbot import formatting as fmt
from planbot.curated import CurationError
from planbot.db import get_engine
from planbot.jobindsats import NATIONAL, ImportRejected
from planbot.schema import Base, IndicatorSeries, Kommune, Measurement, Plan


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _table(rows: list[list[str]], headers: list[str]) -> str:
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    widths = [min(w, 70) for w in widths]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            (c if len(c) <= 70 else c[:67] + "...").ljust(w) for c, w in zip(cells, widths, strict=True)
        )

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def _emit(args: argparse.Namespace, data: Any, text: str) -> None:
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        print(text)


def _plans(session: Session, kommune: str | None, plan: str | None) -> list[Plan]:
    from planbot.query import find_kommune

    query = select(Plan).join(Kommune).order_by(Kommune.name, Plan.period_start)
    if kommune:
        found = find_kommune(session, kommune)
        if found is None:
            raise SystemExit(f"Ukendt kommune: {kommune}")
        query = query.where(Kommune.id == found.id)
    plans = list(session.scalars(query))
    if plan:
        plans = [p for p in plans if plan in {p.id, p.period, p.title}]
    return plans


def cmd_build(args: argparse.Namespace) -> int:
    from planbot.build import build_database

    try:
        result = build_database(get_engine(), report=_progress)
    except CurationError as exc:
        print("Bygningen blev stoppet – kuraterede data stemmer ikke med dokumenterne:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    data = result.__dict__
    text = (
        f"Databasen er bygget på {fmt.number(result.seconds, 1)} s: {result.plans} planer, "
        f"{result.goals} mål, {result.initiatives} indsatser, {result.facts} fakta, "
        f"{result.sections} afsnit, {result.passages} passager"
        + (
            f", {fmt.number(result.jobindsats_rows)} Jobindsats-værdier indlæst."
            if result.jobindsats_rows
            else "."
        )
    )
    _emit(args, data, text)
    return 0


def _import(args: argparse.Namespace, kind: str) -> int:
    from planbot.imports import import_jobindsats_file, import_staff_file

    path = Path(args.file)
    if not path.exists():
        print(f"Filen findes ikke: {path}", file=sys.stderr)
        return 2
    engine = get_engine()
    Base.metadata.create_all(engine)
    started = time.perf_counter()
    try:
        with Session(engine) as session, session.begin():
            if kind == "staff":
                result = import_staff_file(session, path)
            else:
                result = import_jobindsats_file(
                    session,
                    path,
                    args.tabel,
                    progress=lambda d, t: _progress(f"  {fmt.number(d)}/{fmt.number(t)} værdier"),
                )
    except ImportRejected as exc:
        if args.json:
            json.dump(
                {"ok": False, "file": exc.filename, "problems": exc.problems},
                sys.stdout,
                ensure_ascii=False,
                indent=2,
            )
            sys.stdout.write("\n")
        else:
            print(str(exc), file=sys.stderr)
        return 1
    seconds = time.perf_counter() - started
    data = {"ok": True, **result.__dict__, "seconds": round(seconds, 3)}
    text = (
        f"Importeret {path.name}: {fmt.number(result.rows_total)} rækker "
        f"({fmt.number(result.inserted)} nye, {fmt.number(result.updated)} opdateret) på {fmt.number(seconds, 1)} s."
    )
    _emit(args, data, text)
    return 0


def cmd_goals(args: argparse.Namespace) -> int:
    from planbot.query import goal_record

    with Session(get_engine()) as session:
        plans = _plans(session, args.kommune, args.plan)
        records = [goal_record(goal) for plan in plans for goal in plan.goals]
    rows = [
        [
            r["kommune"],
            r["plan_period"],
            r["code"],
            r["kind"],
            r["title"],
            r["target"]["text"] if r["target"] else "–",
        ]
        for r in records
    ]
    _emit(
        args,
        records,
        _table(rows, ["Kommune", "Plan", "Kode", "Art", "Titel", "Mål"]) + f"\n{len(records)} mål",
    )
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from planbot.query import find_goals
    from planbot.status import goal_status, plan_statuses

    with Session(get_engine()) as session:
        if args.maal:
            goals = find_goals(session, args.maal, kommune=args.kommune)
            if not goals:
                print(f"Ukendt mål: {args.maal}", file=sys.stderr)
                return 1
            statuses = [goal_status(session, g) for g in goals]
        else:
            statuses = [
                s for plan in _plans(session, args.kommune, args.plan) for s in plan_statuses(session, plan)
            ]
    rows = [
        [
            s.kommune,
            s.plan_period,
            s.goal_code,
            s.goal_title[:40],
            s.value_text() if s.value is not None else "–",
            s.period_label or "–",
            s.target_text,
            s.label,
        ]
        for s in statuses
    ]
    text = _table(rows, ["Kommune", "Plan", "Kode", "Mål", "Seneste", "Periode", "Målsætning", "Status"])
    _emit(args, [s.as_dict() for s in statuses], text)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from planbot.search import search_passages

    with Session(get_engine()) as session:
        hits = search_passages(session, args.text, limit=args.limit, kommune=args.kommune)
    data = [h.__dict__ | {"good": h.is_good} for h in hits]
    blocks = [
        f"[{i}] {h.kommune} · {h.plan_title} · {h.section}  (score {fmt.number(h.score, 1)}, dækning {fmt.percent(h.coverage * 100, 0)})\n    {h.text[:400]}"
        for i, h in enumerate(hits, 1)
    ]
    _emit(args, data, "\n".join(blocks) or "Ingen passager fundet.")
    return 0


def cmd_series(args: argparse.Namespace) -> int:
    from planbot.query import find_kommune

    with Session(get_engine()) as session:
        area = NATIONAL
        if args.kommune and args.kommune.lower() != NATIONAL.lower():
            kommune = find_kommune(session, args.kommune)
            if kommune is None:
                print(f"Ukendt kommune: {args.kommune}", file=sys.stderr)
                return 1
            area = kommune.name
        series = {s.id: s for s in session.scalars(select(IndicatorSeries))}
        rows_out = []
        for sid in sorted(series):
            latest = session.scalars(
                select(Measurement)
                .where(
                    Measurement.area == area,
                    Measurement.series_id == sid,
                    Measurement.category == "",
                    Measurement.value.is_not(None),
                )
                .order_by(Measurement.period_end.desc())
                .limit(1)
            ).first()
            if latest:
                rows_out.append(
                    {
                        "area": area,
                        "series": sid,
                        "table": latest.table_id,
                        "description": series[sid].description,
                        "period": latest.period,
                        "value": latest.value,
                        "unit": series[sid].unit,
                    }
                )
    rows = [
        [r["series"], r["description"][:60], r["period"], fmt.with_unit(r["value"], r["unit"])]
        for r in rows_out
    ]
    _emit(args, rows_out, f"{area}\n" + _table(rows, ["Serie", "Beskrivelse", "Periode", "Værdi"]))
    return 0


def cmd_kommuner(args: argparse.Namespace) -> int:
    with Session(get_engine()) as session:
        kommuner = list(session.scalars(select(Kommune).order_by(Kommune.name)))
        data = [
            {"name": k.name, "has_plans": k.has_plans, "plans": [p.title for p in k.plans]} for k in kommuner
        ]
    rows = [[d["name"], ", ".join(d["plans"]) or "–"] for d in data]
    _emit(args, data, _table(rows, ["Kommune", "Planer"]))
    return 0


def cmd_nlu_data(args: argparse.Namespace) -> int:
    from planbot.nlu_data import write_nlu_data

    path = write_nlu_data(Path(args.out))
    _emit(args, {"path": str(path)}, f"Skrev {path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser."""
    parser = argparse.ArgumentParser(
        prog="planbot", description="Planassistentens videnbase og måledatabase."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--json", action="store_true", help="maskinlæsbart output")
        return p

    add("build", "byg databasen fra knowledge/").set_defaults(func=cmd_build)
    p = add("import-status", "importér medarbejderindberettede værdier (CSV/XLSX)")
    p.add_argument("file")
    p.set_defaults(func=lambda a: _import(a, "staff"))
    p = add("import-jobindsats", "importér Jobindsats-tal (udtræk eller API v2/v3-eksport)")
    p.add_argument("file")
    p.add_argument("--tabel", help="Jobindsats-tabel-id, fx y25i01, når det ikke står i filnavnet")
    p.set_defaults(func=lambda a: _import(a, "jobindsats"))
    p = add("goals", "list mål")
    p.add_argument("--kommune")
    p.add_argument("--plan")
    p.set_defaults(func=cmd_goals)
    p = add("status", "status for mål")
    p.add_argument("--kommune")
    p.add_argument("--plan")
    p.add_argument("--mål", "--maal", dest="maal")
    p.set_defaults(func=cmd_status)
    p = add("search", "søg i plandokumenterne")
    p.add_argument("text")
    p.add_argument("--kommune")
    p.add_argument("--limit", type=int, default=3)
    p.set_defaults(func=cmd_search)
    p = add("series", "seneste Jobindsats-tal for en kommune")
    p.add_argument("--kommune")
    p.set_defaults(func=cmd_series)
    add("kommuner", "list kommuner").set_defaults(func=cmd_kommuner)
    p = add("nlu-data", "generér Rasa-opslagstabeller og synonymer fra videnbasen")
    p.add_argument("--out", default="data/generated")
    p.set_defaults(func=cmd_nlu_data)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point."""
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
