"""Build the metrics database from ``knowledge/``.

The build verifies every curated file first (quotes against the normalised
documents) and writes nothing when any check fails. It then replaces the knowledge
tables in one transaction; measurement tables and the import log are never touched,
so rebuilding is idempotent and keeps imported values. The bundled Jobindsats
extract is imported when it has not been imported before (or has changed).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from planbot.curated import KNOWLEDGE_DIR, CuratedPlan, load_all_plans, load_catalogue, normalised_document
from planbot.imports import file_sha256, import_jobindsats_file
from planbot.jobindsats import BUNDLED_CSV, SERIES_CSV, read_series_definitions
from planbot.normalize import fold as fold_ws
from planbot.normalize import split_passages, split_sections
from planbot.schema import (
    KNOWLEDGE_TABLES,
    BuildInfo,
    Document,
    Fact,
    FollowUp,
    Goal,
    ImportLog,
    IndicatorSeries,
    Initiative,
    Kommune,
    Passage,
    Plan,
    Section,
    Target,
)
from planbot.text import lemmas

Report = Callable[[str], None]


@dataclass
class BuildResult:
    """Counts of what a build wrote."""

    plans: int
    goals: int
    initiatives: int
    facts: int
    sections: int
    passages: int
    jobindsats_rows: int | None
    seconds: float


def knowledge_hash(knowledge_dir: Path = KNOWLEDGE_DIR) -> str:
    """A hash over everything the knowledge build reads."""
    digest = hashlib.sha256()
    for path in sorted(
        [
            knowledge_dir / "catalogue.yaml",
            *knowledge_dir.glob("plans/*.yaml"),
            *knowledge_dir.glob("documents/*.txt"),
        ]
    ):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _section_for(quote: str | None, sections: list[tuple[str, str]]) -> str | None:
    if not quote:
        return None
    key = fold_ws(quote)
    for heading, folded in sections:
        if key in folded:
            return heading
    return None


def _write_plan(
    session: Session, curated: CuratedPlan, kommune: Kommune, sections: list[tuple[str, str]]
) -> Plan:
    doc = curated.document
    info = curated.plan
    plan = Plan(
        id=doc.id,
        document_id=doc.id,
        kommune=kommune,
        title=doc.title,
        period=doc.period,
        period_start=doc.period_start,
        period_end=doc.period_end,
        kind=doc.kind,
        approved_date=str(info["approved_date"]) if info.get("approved_date") else None,
        approved_by=info.get("approved_by"),
        approved_source=info.get("approved_source"),
        committee=info.get("committee"),
        committee_source=info.get("committee_source"),
        summary=info.get("summary"),
        frame=list(info.get("frame") or []),
    )
    session.add(plan)
    for position, g in enumerate(curated.goals):
        indicator = g.get("indicator") or {}
        goal = Goal(
            plan=plan,
            position=position,
            code=g["code"],
            kind=g["kind"],
            title=g["title"],
            text=g["text"],
            parent_code=g.get("parent"),
            theme=g.get("theme"),
            target_groups=list(g.get("target_groups") or []),
            measure=g.get("measure"),
            indicator_series=indicator.get("series"),
            indicator_note=indicator.get("note"),
            source_quote=g["source"],
            section_heading=_section_for(g["source"], sections),
        )
        target = g.get("target")
        if target:
            goal.target = Target(
                kind=target["kind"],
                value=target.get("value"),
                unit=target.get("unit"),
                base_year=target.get("base_year"),
                deadline=target.get("deadline"),
                direction=target.get("direction"),
                text=target.get("text"),
                source_quote=target["source"],
            )
        follow = g.get("follow_up")
        if follow:
            goal.follow_up = FollowUp(
                audience=follow.get("audience"),
                frequency=follow.get("frequency"),
                data_source=follow.get("data_source"),
                text=follow.get("text"),
                source_quote=follow["source"],
            )
        session.add(goal)
    for position, item in enumerate(curated.initiatives):
        session.add(
            Initiative(
                plan=plan,
                position=position,
                code=item["code"],
                kind=item["kind"],
                title=item["title"],
                text=item["text"],
                parent_code=item.get("parent"),
                goal_codes=[str(c) for c in item.get("goals") or []],
                theme=item.get("theme"),
                target_groups=list(item.get("target_groups") or []),
                figures=list(item.get("figures") or []),
                amount_dkk=item.get("amount_dkk"),
                source_quote=item["source"],
                section_heading=_section_for(item["source"], sections),
            )
        )
    for position, item in enumerate(curated.facts):
        session.add(
            Fact(
                plan=plan,
                position=position,
                key=item["key"],
                topic=item["topic"],
                text=item["text"],
                value=item.get("value"),
                unit=item.get("unit"),
                period=str(item["period"]) if item.get("period") is not None else None,
                theme=item.get("theme"),
                target_groups=list(item.get("target_groups") or []),
                source_quote=item["source"],
                section_heading=_section_for(item["source"], sections),
            )
        )
    return plan


def build_database(
    engine: Engine,
    knowledge_dir: Path = KNOWLEDGE_DIR,
    jobindsats_csv: Path | None = BUNDLED_CSV,
    report: Report | None = None,
) -> BuildResult:
    """Verify ``knowledge/`` and (re)build the knowledge tables.

    Args:
        engine: Target database.
        knowledge_dir: Folder with ``catalogue.yaml``, ``documents/`` and ``plans/``.
        jobindsats_csv: Bundled Jobindsats extract to import when not yet imported;
            None to skip.
        report: Called with Danish progress lines.

    Raises:
        planbot.curated.CurationError: when a curated item or quote does not check out.
    """
    say = report or (lambda _msg: None)
    started = dt.datetime.now()
    say("Kontrollerer kuraterede planfiler og citater …")
    catalogue = load_catalogue(knowledge_dir)
    curated = load_all_plans(knowledge_dir)
    say(f"  {len(curated)} planer, {sum(len(p.goals) for p in curated)} mål – alle citater fundet")

    from planbot.schema import Base

    Base.metadata.create_all(engine)
    with Session(engine) as session, session.begin():
        for table in KNOWLEDGE_TABLES:
            session.execute(delete(table))
        by_name = {k.name: k for k in session.scalars(select(Kommune))}
        for entry in catalogue.kommuner:
            kommune = by_name.get(entry.name) or Kommune(name=entry.name)
            kommune.kommune_code = entry.kommune_code
            kommune.jobcenter = entry.jobcenter
            kommune.aliases = list(entry.aliases)
            kommune.has_plans = True
            session.add(kommune)
            by_name[entry.name] = kommune
        session.flush()

        n_sections = n_passages = 0
        say("Normaliserer dokumenter og deler dem i afsnit og passager …")
        folded_sections: dict[str, list[tuple[str, str]]] = {}
        for doc in catalogue.documents:
            text = normalised_document(doc, knowledge_dir)
            raw = (knowledge_dir / "documents" / doc.file).read_bytes()
            document = Document(id=doc.id, file=doc.file, sha256=hashlib.sha256(raw).hexdigest(), text=text)
            session.add(document)
            pairs: list[tuple[str, str]] = []
            for position, part in enumerate(split_sections(text, doc.heading_patterns)):
                section = Section(
                    document=document,
                    position=position,
                    heading=part.heading,
                    level=part.level,
                    path=part.path,
                )
                session.add(section)
                n_sections += 1
                pairs.append((part.heading, fold_ws(" ".join([part.heading, *part.paragraphs]))))
                for p_pos, passage_text in enumerate(split_passages(part)):
                    lemma_text = " ".join(lemmas(f"{part.heading} {passage_text}"))
                    section.passages.append(
                        Passage(document_id=doc.id, position=p_pos, text=passage_text, lemmas=lemma_text)
                    )
                    n_passages += 1
            folded_sections[doc.id] = pairs
        session.flush()

        say("Skriver planer, mål, indsatser og fakta …")
        for plan in curated:
            _write_plan(session, plan, by_name[plan.document.kommune], folded_sections[plan.document.id])

        for series in read_series_definitions(knowledge_dir / "jobindsats" / SERIES_CSV.name).values():
            session.merge(
                IndicatorSeries(
                    id=series.id, table_id=series.table_id, description=series.description, unit=series.unit
                )
            )

        jobindsats_rows = None
        if jobindsats_csv is not None and jobindsats_csv.exists():
            sha = file_sha256(jobindsats_csv)
            done = session.scalar(
                select(ImportLog.id).where(
                    ImportLog.sha256 == sha, ImportLog.status == "ok", ImportLog.kind == "jobindsats"
                )
            )
            if done is None:
                say(f"Indlæser Jobindsats-tal fra {jobindsats_csv.name} …")
                result = import_jobindsats_file(
                    session,
                    jobindsats_csv,
                    progress=lambda d, t: (
                        say(f"  {d:,}/{t:,} rækker".replace(",", ".")) if d == t or d % 20000 == 0 else None
                    ),
                )
                jobindsats_rows = result.rows_total
            else:
                say("Jobindsats-udtrækket er allerede indlæst (uændret)")

        goals = sum(len(p.goals) for p in curated)
        session.add(
            BuildInfo(
                built_at=dt.datetime.now(),
                knowledge_hash=knowledge_hash(knowledge_dir),
                goals=goals,
                passages=n_passages,
            )
        )

    return BuildResult(
        plans=len(curated),
        goals=goals,
        initiatives=sum(len(p.initiatives) for p in curated),
        facts=sum(len(p.facts) for p in curated),
        sections=n_sections,
        passages=n_passages,
        jobindsats_rows=jobindsats_rows,
        seconds=(dt.datetime.now() - started).total_seconds(),
    )
