"""The metrics database: one declarative SQLAlchemy 2 schema.

Knowledge tables (kommuner, documents, plans, sections, passages, goals, targets,
follow-ups, initiatives, facts) are rebuilt from ``knowledge/`` by ``planbot build``.
Measurement tables (indicator series, measurements, goal measurements, import log)
are only ever written by imports and survive every rebuild: staff-reported values
point at goals by natural key (kommune, plan, goal code), not by row id.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    """Declarative base for all tables."""


class Kommune(Base):
    """A kommune (all 98 from Jobindsats; ``has_plans`` for those with plan documents)."""

    __tablename__ = "kommuner"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    kommune_code: Mapped[int | None] = mapped_column(Integer)
    jobcenter: Mapped[str | None] = mapped_column(String(120))
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    has_plans: Mapped[bool] = mapped_column(default=False)

    plans: Mapped[list[Plan]] = relationship(back_populates="kommune")


class Document(Base):
    """A plan document: its file, its normalised text and a content hash."""

    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    file: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)

    sections: Mapped[list[Section]] = relationship(back_populates="document", cascade="all, delete-orphan")


class Plan(Base):
    """A plan as the catalogue and its curated file describe it."""

    __tablename__ = "plans"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"))
    kommune_id: Mapped[int] = mapped_column(ForeignKey("kommuner.id"))
    title: Mapped[str] = mapped_column(String(200))
    period: Mapped[str] = mapped_column(String(20))
    period_start: Mapped[int] = mapped_column(Integer)
    period_end: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(40))
    approved_date: Mapped[str | None] = mapped_column(String(20))
    approved_by: Mapped[str | None] = mapped_column(String(120))
    approved_source: Mapped[str | None] = mapped_column(Text)
    committee: Mapped[str | None] = mapped_column(String(120))
    committee_source: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    frame: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)

    kommune: Mapped[Kommune] = relationship(back_populates="plans")
    document: Mapped[Document] = relationship()
    goals: Mapped[list[Goal]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="Goal.position"
    )
    initiatives: Mapped[list[Initiative]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="Initiative.position"
    )
    facts: Mapped[list[Fact]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="Fact.position"
    )


class Section(Base):
    """A section of a normalised document."""

    __tablename__ = "sections"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"))
    position: Mapped[int] = mapped_column(Integer)
    heading: Mapped[str] = mapped_column(String(300))
    level: Mapped[int] = mapped_column(Integer)
    path: Mapped[list[str]] = mapped_column(JSON, default=list)
    start_offset: Mapped[int] = mapped_column(Integer, default=0)

    document: Mapped[Document] = relationship(back_populates="sections")
    passages: Mapped[list[Passage]] = relationship(
        back_populates="section", cascade="all, delete-orphan", order_by="Passage.position"
    )


class Passage(Base):
    """A passage small enough to quote, with its lemmas for search."""

    __tablename__ = "passages"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"))
    section_id: Mapped[int] = mapped_column(ForeignKey("sections.id"))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    lemmas: Mapped[str] = mapped_column(Text)

    section: Mapped[Section] = relationship(back_populates="passages")


class Goal(Base):
    """A goal (mål, succeskriterium, delmål, ...) of a plan."""

    __tablename__ = "goals"
    __table_args__ = (UniqueConstraint("plan_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[str] = mapped_column(ForeignKey("plans.id"))
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)
    parent_code: Mapped[str | None] = mapped_column(String(20))
    theme: Mapped[str | None] = mapped_column(String(60))
    target_groups: Mapped[list[str]] = mapped_column(JSON, default=list)
    measure: Mapped[str | None] = mapped_column(Text)
    indicator_series: Mapped[str | None] = mapped_column(String(60))
    indicator_note: Mapped[str | None] = mapped_column(Text)
    source_quote: Mapped[str] = mapped_column(Text)
    section_heading: Mapped[str | None] = mapped_column(String(300))

    plan: Mapped[Plan] = relationship(back_populates="goals")
    target: Mapped[Target | None] = relationship(
        back_populates="goal", cascade="all, delete-orphan", uselist=False
    )
    follow_up: Mapped[FollowUp | None] = relationship(
        back_populates="goal", cascade="all, delete-orphan", uselist=False
    )


class Target(Base):
    """A goal's target as data."""

    __tablename__ = "targets"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id"), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    value: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(20))
    base_year: Mapped[int | None] = mapped_column(Integer)
    deadline: Mapped[int | None] = mapped_column(Integer)
    direction: Mapped[str | None] = mapped_column(String(20))
    text: Mapped[str | None] = mapped_column(Text)
    source_quote: Mapped[str] = mapped_column(Text)

    goal: Mapped[Goal] = relationship(back_populates="target")


class FollowUp(Base):
    """How a goal is followed up: who is informed, how often, on which data."""

    __tablename__ = "follow_ups"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id"), unique=True)
    audience: Mapped[str | None] = mapped_column(String(200))
    frequency: Mapped[str | None] = mapped_column(String(100))
    data_source: Mapped[str | None] = mapped_column(String(200))
    text: Mapped[str | None] = mapped_column(Text)
    source_quote: Mapped[str] = mapped_column(Text)

    goal: Mapped[Goal] = relationship(back_populates="follow_up")


class Initiative(Base):
    """An indsatsområde, "vi vil" point, handling, omprioritering, investering, ..."""

    __tablename__ = "initiatives"
    __table_args__ = (UniqueConstraint("plan_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[str] = mapped_column(ForeignKey("plans.id"))
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)
    parent_code: Mapped[str | None] = mapped_column(String(20))
    goal_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    theme: Mapped[str | None] = mapped_column(String(60))
    target_groups: Mapped[list[str]] = mapped_column(JSON, default=list)
    figures: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    amount_dkk: Mapped[float | None] = mapped_column(Float)
    source_quote: Mapped[str] = mapped_column(Text)
    section_heading: Mapped[str | None] = mapped_column(String(300))

    plan: Mapped[Plan] = relationship(back_populates="initiatives")


class Fact(Base):
    """A fact or figure stated in a plan."""

    __tablename__ = "facts"
    __table_args__ = (UniqueConstraint("plan_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[str] = mapped_column(ForeignKey("plans.id"))
    position: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(80))
    topic: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    value: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(60))
    period: Mapped[str | None] = mapped_column(String(40))
    theme: Mapped[str | None] = mapped_column(String(60))
    target_groups: Mapped[list[str]] = mapped_column(JSON, default=list)
    source_quote: Mapped[str] = mapped_column(Text)
    section_heading: Mapped[str | None] = mapped_column(String(300))

    plan: Mapped[Plan] = relationship(back_populates="facts")


class IndicatorSeries(Base):
    """A Jobindsats series (``serie`` in serier.csv)."""

    __tablename__ = "indicator_series"

    id: Mapped[str] = mapped_column(String(60), primary_key=True)
    table_id: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(String(20))


class Measurement(Base):
    """One Jobindsats value: area (kommune or "Hele landet"), series, category, period."""

    __tablename__ = "measurements"
    __table_args__ = (UniqueConstraint("area", "series_id", "category", "period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    area: Mapped[str] = mapped_column(String(80), index=True)
    series_id: Mapped[str] = mapped_column(String(60), index=True)
    table_id: Mapped[str] = mapped_column(String(20))
    category: Mapped[str] = mapped_column(String(120), default="")
    period: Mapped[str] = mapped_column(String(16))
    period_end: Mapped[dt.date] = mapped_column(Date)
    value: Mapped[float | None] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(200))
    retrieved: Mapped[dt.date | None] = mapped_column(Date)
    import_id: Mapped[int | None] = mapped_column(ForeignKey("import_log.id"))


class GoalMeasurement(Base):
    """A staff-reported value for a goal (or a national reference for ``Hele landet``)."""

    __tablename__ = "goal_measurements"
    __table_args__ = (UniqueConstraint("kommune", "plan_period", "goal_code", "period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kommune: Mapped[str] = mapped_column(String(80), index=True)
    plan_period: Mapped[str] = mapped_column(String(20))
    goal_code: Mapped[str] = mapped_column(String(20))
    period: Mapped[str] = mapped_column(String(16))
    period_end: Mapped[dt.date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(String(200))
    updated: Mapped[dt.date] = mapped_column(Date)
    import_id: Mapped[int | None] = mapped_column(ForeignKey("import_log.id"))


class ImportLog(Base):
    """Who imported what and when, with row counts."""

    __tablename__ = "import_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    filename: Mapped[str] = mapped_column(String(400))
    sha256: Mapped[str | None] = mapped_column(String(64))
    imported_by: Mapped[str] = mapped_column(String(120))
    started_at: Mapped[dt.datetime] = mapped_column(DateTime)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    rows_total: Mapped[int] = mapped_column(Integer, default=0)
    rows_inserted: Mapped[int] = mapped_column(Integer, default=0)
    rows_updated: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(20))
    message: Mapped[str | None] = mapped_column(Text)


class BuildInfo(Base):
    """One row per knowledge build (used to tell caches the knowledge changed)."""

    __tablename__ = "build_info"

    id: Mapped[int] = mapped_column(primary_key=True)
    built_at: Mapped[dt.datetime] = mapped_column(DateTime)
    knowledge_hash: Mapped[str] = mapped_column(String(64))
    goals: Mapped[int] = mapped_column(Integer)
    passages: Mapped[int] = mapped_column(Integer)


KNOWLEDGE_TABLES = [
    Target.__table__,
    FollowUp.__table__,
    Goal.__table__,
    Initiative.__table__,
    Fact.__table__,
    Passage.__table__,
    Section.__table__,
    Plan.__table__,
    Document.__table__,
]
