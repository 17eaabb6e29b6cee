"""Goal status: compare the latest measurement with the goal's target.

Measurements come from staff-reported values for the goal (preferred) or, where
the goal is linked to a Jobindsats series, from Jobindsats. Labels:

- ``nået``: the target is met by the latest measurement;
- ``ikke nået``: it is not (a note says when the deadline has not passed yet);
- ``ingen målinger``: nothing measured yet;
- ``kan ikke vurderes``: qualitative target, or a reference needed for the
  comparison (national level, base year) is missing.

For ``fewer_than_expected``/``better_than_expected`` targets the reported value is
the difference *faktisk minus forventet* (as Jobindsats' benchmark table Y30R21
reports it): below zero is better than expected when lower is better.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from planbot import formatting as fmt
from planbot.jobindsats import NATIONAL, SOURCE_LABEL
from planbot.periods import parse_period
from planbot.schema import Goal, GoalMeasurement, IndicatorSeries, Measurement, Plan, Target

REACHED = "nået"
NOT_REACHED = "ikke nået"
NO_DATA = "ingen målinger"
UNASSESSABLE = "kan ikke vurderes"
LABELS = (REACHED, NOT_REACHED, NO_DATA, UNASSESSABLE)


@dataclass
class Point:
    """One measured value."""

    period: str
    period_end: dt.date
    value: float | None
    source: str
    updated: dt.date | None


@dataclass
class GoalStatus:
    """The status of one goal."""

    kommune: str
    plan_id: str
    plan_title: str
    plan_period: str
    goal_code: str
    goal_title: str
    label: str
    target_text: str
    unit: str | None
    value: float | None = None
    period: str | None = None
    period_label: str | None = None
    previous_value: float | None = None
    previous_period_label: str | None = None
    change: float | None = None
    national_value: float | None = None
    source: str | None = None
    updated: str | None = None
    note: str | None = None
    measured_by: str | None = None  # "staff" | "jobindsats"

    def as_dict(self) -> dict[str, Any]:
        """Plain dict (for JSON)."""
        return asdict(self)

    def value_text(self, value: float | None = None) -> str:
        """A value in this goal's unit, Danish style."""
        return fmt.with_unit(
            self.value if value is None else value, self.unit, 1 if self.unit == "pct" else None
        )

    def change_text(self) -> str | None:
        """The change since the previous measurement, in words."""
        if self.change is None:
            return None
        if self.unit == "pct":
            return fmt.points(self.change)
        sign = "+" if self.change > 0 else ""
        return f"{sign}{fmt.number(self.change)}"


def target_in_words(target: Target | None) -> str:
    """The target in plain Danish."""
    if target is None:
        return "ingen målsætning angivet"
    unit = target.unit
    value = fmt.with_unit(target.value, unit) if target.value is not None else None
    deadline = f" senest i {target.deadline}" if target.deadline else ""
    kind = target.kind
    if kind == "at_least":
        return f"mindst {value}{deadline}"
    if kind == "at_most":
        return f"højst {value}{deadline}"
    if kind == "follow_national":
        return "mindst på niveau med landsgennemsnittet"
    if kind == "max_points_above_national":
        return f"højst {fmt.number(target.value)} procentpoint over landsgennemsnittet"
    if kind == "increase_vs_base":
        base = f" end i {target.base_year}" if target.base_year else " end tidligere"
        return f"højere{base}{deadline}"
    if kind == "decrease_vs_base":
        base = f" end i {target.base_year}" if target.base_year else " end tidligere"
        return f"lavere{base}{deadline}"
    if kind == "maintain":
        return "niveauet skal fastholdes"
    if kind == "fewer_than_expected":
        return "færre end forventet ud fra kommunens rammevilkår"
    if kind == "better_than_expected":
        return "bedre end forventet ud fra kommunens rammevilkår"
    return "kvalitativt mål uden et tal at måle på"


def _staff_points(session: Session, kommune: str, plan_period: str, code: str) -> list[Point]:
    rows = session.scalars(
        select(GoalMeasurement)
        .where(
            GoalMeasurement.kommune == kommune,
            GoalMeasurement.plan_period == plan_period,
            GoalMeasurement.goal_code == code,
        )
        .order_by(GoalMeasurement.period_end)
    ).all()
    return [Point(r.period, r.period_end, r.value, r.source, r.updated) for r in rows]


def series_points(session: Session, area: str, series_id: str, category: str = "") -> list[Point]:
    """All values of a Jobindsats series for an area, oldest first."""
    rows = session.scalars(
        select(Measurement)
        .where(Measurement.area == area, Measurement.series_id == series_id, Measurement.category == category)
        .order_by(Measurement.period_end)
    ).all()
    return [
        Point(r.period, r.period_end, r.value, r.source, r.retrieved) for r in rows if r.value is not None
    ]


def _at_or_before(points: list[Point], end: dt.date) -> Point | None:
    candidates = [p for p in points if p.period_end <= end and p.value is not None]
    return candidates[-1] if candidates else None


def _in_year(points: list[Point], year: int) -> Point | None:
    candidates = [p for p in points if p.period_end.year == year and p.value is not None]
    return candidates[-1] if candidates else None


def evaluate(
    target: Target, value: float, national: float | None, base: float | None
) -> tuple[str, str | None]:
    """Decide the label for one value; returns (label, note)."""
    higher_better = target.direction != "lower_is_better"
    kind = target.kind
    if kind == "at_least":
        return (REACHED if value >= (target.value or 0) else NOT_REACHED), None
    if kind == "at_most":
        return (REACHED if value <= (target.value or 0) else NOT_REACHED), None
    if kind in {"follow_national", "max_points_above_national"}:
        if national is None:
            return UNASSESSABLE, "Der er ingen måling for hele landet at sammenligne med."
        if kind == "max_points_above_national":
            return (REACHED if value <= national + (target.value or 0) else NOT_REACHED), None
        ok = value >= national if higher_better else value <= national
        return (REACHED if ok else NOT_REACHED), None
    if kind in {"increase_vs_base", "decrease_vs_base", "maintain"}:
        if base is None:
            year = f" {target.base_year}" if target.base_year else ""
            return UNASSESSABLE, f"Der er ingen måling for basisåret{year} at sammenligne med."
        delta = target.value or 0
        if kind == "increase_vs_base":
            return (REACHED if value > base + delta else NOT_REACHED), None
        if kind == "decrease_vs_base":
            return (REACHED if value < base - delta else NOT_REACHED), None
        ok = value >= base if higher_better else value <= base
        return (REACHED if ok else NOT_REACHED), None
    if kind in {"fewer_than_expected", "better_than_expected"}:
        lower_better = kind == "fewer_than_expected" or not higher_better
        ok = value < 0 if lower_better else value > 0
        return (REACHED if ok else NOT_REACHED), None
    return UNASSESSABLE, "Målet er kvalitativt og har ikke et tal at måle på."


def goal_status(session: Session, goal: Goal) -> GoalStatus:
    """Compute the status of one goal from the measurements in the database."""
    plan: Plan = goal.plan
    kommune = plan.kommune.name
    target = goal.target
    unit = target.unit if target else None
    status = GoalStatus(
        kommune=kommune,
        plan_id=plan.id,
        plan_title=plan.title,
        plan_period=plan.period,
        goal_code=goal.code,
        goal_title=goal.title,
        label=NO_DATA,
        target_text=target_in_words(target),
        unit=unit,
    )
    points = _staff_points(session, kommune, plan.period, goal.code)
    national_points = _staff_points(session, NATIONAL, plan.period, goal.code)
    status.measured_by = "staff" if points else None
    if not points and goal.indicator_series:
        points = series_points(session, kommune, goal.indicator_series)
        national_points = series_points(session, NATIONAL, goal.indicator_series)
        if points:
            status.measured_by = "jobindsats"
            series = session.get(IndicatorSeries, goal.indicator_series)
            if series and not unit:
                status.unit = unit = series.unit
    if target is None or target.kind == "qualitative":
        status.label = UNASSESSABLE
        status.note = "Målet er kvalitativt og har ikke et tal at måle på."
    points = [p for p in points if p.value is not None]
    if not points:
        if status.label != UNASSESSABLE:
            status.label = NO_DATA
        return status

    latest = points[-1]
    status.value = latest.value
    status.period = latest.period
    status.period_label = parse_period(latest.period).label()
    status.source = latest.source
    status.updated = latest.updated.isoformat() if latest.updated else None
    if len(points) > 1 and points[-2].value is not None and latest.value is not None:
        status.previous_value = points[-2].value
        status.previous_period_label = parse_period(points[-2].period).label()
        status.change = round(latest.value - points[-2].value, 4)
    national = _at_or_before(national_points, latest.period_end)
    if (national and national.period == latest.period) or (
        national and target and target.kind in {"follow_national", "max_points_above_national"}
    ):
        status.national_value = national.value
    if target is None or target.kind == "qualitative" or latest.value is None:
        return status

    base = _in_year(points, target.base_year) if target.base_year else None
    judged = latest
    deadline_note = None
    if target.deadline and latest.period_end.year > target.deadline:
        # A goal with a deadline is judged on the last measurement up to the deadline.
        at_deadline = [p for p in points if p.period_end.year <= target.deadline and p.value is not None]
        if at_deadline:
            judged = at_deadline[-1]
            label_at = parse_period(judged.period).label()
            deadline_note = f"Vurderet ved fristen: {status.value_text(judged.value)} ({label_at})."
    national_at = status.national_value
    if judged is not latest:
        point = _at_or_before(national_points, judged.period_end)
        national_at = point.value if point else None
    assert judged.value is not None
    label, note = evaluate(target, judged.value, national_at, base.value if base else None)
    if target.base_year and base is not None and judged.period_end.year <= target.base_year:
        label, note = UNASSESSABLE, f"Der er endnu ingen måling efter basisåret {target.base_year}."
    elif base is not None and label in {REACHED, NOT_REACHED}:
        base_label = parse_period(base.period).label()
        note = " ".join(
            filter(None, [note, f"Sammenlignet med {base_label}: {status.value_text(base.value)}."])
        )
    if label == NOT_REACHED and target.deadline and judged.period_end.year < target.deadline:
        note = " ".join(filter(None, [note, f"Fristen er {target.deadline}, så målet kan stadig nås."]))
    note = " ".join(filter(None, [deadline_note, note]))
    status.label = label
    status.note = note or None
    if status.measured_by == "jobindsats" and goal.indicator_note:
        status.note = " ".join(n for n in (status.note, goal.indicator_note) if n)
    if status.measured_by == "jobindsats" and not status.source:
        status.source = SOURCE_LABEL
    return status


def plan_statuses(session: Session, plan: Plan) -> list[GoalStatus]:
    """The status of every goal of a plan that has a target."""
    return [goal_status(session, goal) for goal in plan.goals if goal.target is not None]
