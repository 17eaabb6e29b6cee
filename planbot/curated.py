"""Load and verify the curated plan files and the document catalogue.

Every curated item must carry a ``source`` quote that occurs in the normalised
document. :func:`load_plan_file` raises :class:`CurationError` listing every problem
(file, item and quote) so the build fails before anything enters the database.

Run ``python3 -m planbot.curated [FILE ...]`` to check files, or
``python3 -m planbot.curated --text DOC_ID`` to print a normalised document.
Only the standard library and PyYAML are needed.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from planbot.normalize import fold, normalize_text, quote_in_text

KNOWLEDGE_DIR = Path(__file__).resolve().parent.parent / "knowledge"

GOAL_KINDS = {
    "ministermål",
    "lokalt mål",
    "resultatmål",
    "fokusmål",
    "målsætning",
    "succeskriterium",
    "delmål",
    "sigtepunkt",
}
TARGET_KINDS = {
    "at_least",
    "at_most",
    "follow_national",
    "max_points_above_national",
    "increase_vs_base",
    "decrease_vs_base",
    "maintain",
    "fewer_than_expected",
    "better_than_expected",
    "qualitative",
}
UNITS = {"pct", "antal", "procentpoint", None}
DIRECTIONS = {"higher_is_better", "lower_is_better", None}
FRAME_KINDS = {"ministermål", "fokusområde", "kerneopgave", "princip", "vision", "målgruppe"}
INITIATIVE_KINDS = {
    "indsatsområde",
    "vi vil",
    "handling",
    "omprioritering",
    "investering",
    "branchespor",
    "princip",
    "pejlemærke",
    "projekt",
    "tiltag",
}
THEMES = {
    "samtaler", "tilbud", "offentlig forsørgelse", "sagsbehandling", "opkvalificering",
    "integration", "handicap", "rekruttering", "virksomhedssamarbejde", "uddannelse", "unge",
    "sygefravær", "fleksjob", "ledighed", "kontanthjælp", "kvalitet", "tilfredshed",
    "benchmark", "digitalisering", "socialt bedrageri", "udsatte", "seniorer", "samarbejde",
    "kompetenceudvikling", "økonomi",
}  # fmt: skip
TARGET_GROUPS = {
    "unge", "ledige", "dagpengemodtagere", "kontanthjælpsmodtagere", "langtidsledige",
    "sygemeldte", "flygtninge", "personer med handicap", "fleksjob", "udsatte", "seniorer",
    "virksomheder", "borgere", "medarbejdere", "højtuddannede", "ufaglærte",
}  # fmt: skip


class CurationError(ValueError):
    """A curated file or the catalogue is wrong; ``problems`` lists every finding."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class DocumentEntry:
    """One document of the catalogue."""

    id: str
    file: str
    kommune: str
    title: str
    period: str
    period_start: int
    period_end: int
    kind: str
    page_headers: tuple[str, ...] = ()
    drop_patterns: tuple[str, ...] = ()
    heading_patterns: tuple[str, ...] = ()

    @property
    def path(self) -> Path:
        return KNOWLEDGE_DIR / "documents" / self.file


@dataclass(frozen=True)
class KommuneEntry:
    """A kommune the assistant has plans for."""

    name: str
    kommune_code: int
    jobcenter: str
    aliases: tuple[str, ...] = ()


@dataclass
class Catalogue:
    """The document catalogue (``knowledge/catalogue.yaml``)."""

    kommuner: list[KommuneEntry]
    documents: list[DocumentEntry]

    def document(self, doc_id: str) -> DocumentEntry:
        for doc in self.documents:
            if doc.id == doc_id:
                return doc
        raise KeyError(doc_id)


def load_catalogue(knowledge_dir: Path = KNOWLEDGE_DIR) -> Catalogue:
    """Read ``catalogue.yaml``."""
    raw = yaml.safe_load((knowledge_dir / "catalogue.yaml").read_text(encoding="utf-8"))
    kommuner = [
        KommuneEntry(k["name"], int(k["kommune_code"]), k["jobcenter"], tuple(k.get("aliases") or ()))
        for k in raw["kommuner"]
    ]
    documents = []
    for d in raw["documents"]:
        documents.append(
            DocumentEntry(
                id=d["id"],
                file=d["file"],
                kommune=d["kommune"],
                title=d["title"],
                period=str(d["period"]),
                period_start=int(d["period_start"]),
                period_end=int(d["period_end"]),
                kind=d["kind"],
                page_headers=tuple(d.get("page_headers") or ()),
                drop_patterns=tuple(d.get("drop_patterns") or ()),
                heading_patterns=tuple(d.get("heading_patterns") or ()),
            )
        )
    return Catalogue(kommuner, documents)


def normalised_document(doc: DocumentEntry, knowledge_dir: Path = KNOWLEDGE_DIR) -> str:
    """The normalised text of a catalogue document."""
    raw = (knowledge_dir / "documents" / doc.file).read_text(encoding="utf-8")
    return _normalise_cached(raw, doc.page_headers, doc.drop_patterns)


@lru_cache(maxsize=16)
def _normalise_cached(raw: str, headers: tuple[str, ...], drops: tuple[str, ...]) -> str:
    return normalize_text(raw, headers, drops)


@dataclass
class CuratedPlan:
    """A verified curated plan file."""

    path: Path
    document: DocumentEntry
    plan: dict[str, Any]
    goals: list[dict[str, Any]] = field(default_factory=list)
    initiatives: list[dict[str, Any]] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)


def _check_quote(problems: list[str], where: str, quote: Any, folded: str) -> None:
    if not isinstance(quote, str) or not quote.strip():
        problems.append(f"{where}: mangler kildecitat (source)")
    elif not quote_in_text(quote, folded):
        problems.append(f"{where}: citatet findes ikke i dokumentet: {quote!r}")


def _check_vocab(problems: list[str], where: str, name: str, value: Any, allowed: set[Any]) -> None:
    if value not in allowed:
        problems.append(f"{where}: ugyldig {name} {value!r} (tilladt: {sorted(map(str, allowed))})")


def _check_goal(problems: list[str], where: str, goal: dict[str, Any], folded: str) -> None:
    for key in ("code", "kind", "title", "text"):
        if not goal.get(key):
            problems.append(f"{where}: mangler {key}")
    _check_vocab(problems, where, "kind", goal.get("kind"), GOAL_KINDS)
    if goal.get("theme") is not None:
        _check_vocab(problems, where, "theme", goal.get("theme"), THEMES)
    for group in goal.get("target_groups") or []:
        _check_vocab(problems, where, "target group", group, TARGET_GROUPS)
    _check_quote(problems, where, goal.get("source"), folded)
    target = goal.get("target")
    if target:
        _check_vocab(problems, f"{where} target", "kind", target.get("kind"), TARGET_KINDS)
        _check_vocab(problems, f"{where} target", "unit", target.get("unit"), UNITS)
        _check_vocab(problems, f"{where} target", "direction", target.get("direction"), DIRECTIONS)
        value = target.get("value")
        if value is not None and not isinstance(value, (int, float)):
            problems.append(f"{where} target: value skal være et tal: {value!r}")
        if target.get("kind") in {"at_least", "at_most", "max_points_above_national"} and value is None:
            problems.append(f"{where} target: {target.get('kind')} kræver value")
        if target.get("kind") in {"increase_vs_base", "decrease_vs_base"} and not target.get("base_year"):
            problems.append(f"{where} target: {target.get('kind')} bør have base_year")
        _check_quote(problems, f"{where} target", target.get("source"), folded)
    follow = goal.get("follow_up")
    if follow:
        _check_quote(problems, f"{where} follow_up", follow.get("source"), folded)


def _check_initiative(problems: list[str], where: str, item: dict[str, Any], folded: str) -> None:
    for key in ("code", "kind", "title", "text"):
        if not item.get(key):
            problems.append(f"{where}: mangler {key}")
    _check_vocab(problems, where, "kind", item.get("kind"), INITIATIVE_KINDS)
    if item.get("theme") is not None:
        _check_vocab(problems, where, "theme", item.get("theme"), THEMES)
    for group in item.get("target_groups") or []:
        _check_vocab(problems, where, "target group", group, TARGET_GROUPS)
    for figure in item.get("figures") or []:
        if not isinstance(figure.get("value"), (int, float)):
            problems.append(f"{where}: figure value skal være et tal: {figure!r}")
    _check_quote(problems, where, item.get("source"), folded)


def _check_fact(problems: list[str], where: str, item: dict[str, Any], folded: str) -> None:
    for key in ("key", "topic", "text"):
        if not item.get(key):
            problems.append(f"{where}: mangler {key}")
    if item.get("value") is not None and not isinstance(item.get("value"), (int, float)):
        problems.append(f"{where}: value skal være et tal: {item.get('value')!r}")
    if item.get("theme") is not None:
        _check_vocab(problems, where, "theme", item.get("theme"), THEMES)
    for group in item.get("target_groups") or []:
        _check_vocab(problems, where, "target group", group, TARGET_GROUPS)
    _check_quote(problems, where, item.get("source"), folded)


def load_plan_file(
    path: Path, catalogue: Catalogue | None = None, knowledge_dir: Path = KNOWLEDGE_DIR
) -> CuratedPlan:
    """Load one curated plan file and verify every item and quote.

    Raises:
        CurationError: with one line per problem (file, item, quote).
    """
    catalogue = catalogue or load_catalogue(knowledge_dir)
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    name = path.name
    try:
        doc = catalogue.document(raw.get("document"))
    except KeyError:
        raise CurationError([f"{name}: ukendt document {raw.get('document')!r}"]) from None
    folded = fold(normalised_document(doc, knowledge_dir))
    problems: list[str] = []
    plan = raw.get("plan") or {}
    approved = plan.get("approved_date")
    if isinstance(approved, dt.date):
        plan["approved_date"] = approved.isoformat()
    if plan.get("approved_source"):
        _check_quote(problems, f"{name} plan", plan.get("approved_source"), folded)
    if plan.get("committee_source"):
        _check_quote(problems, f"{name} plan committee", plan.get("committee_source"), folded)
    for i, item in enumerate(plan.get("frame") or []):
        where = f"{name} frame[{i}] {item.get('code')}"
        _check_vocab(problems, where, "kind", item.get("kind"), FRAME_KINDS)
        _check_quote(problems, where, item.get("source"), folded)

    goals = raw.get("goals") or []
    codes = [str(g.get("code")) for g in goals]
    for i, goal in enumerate(goals):
        goal["code"] = str(goal.get("code"))
        if goal.get("parent") is not None:
            goal["parent"] = str(goal["parent"])
            if goal["parent"] not in codes:
                problems.append(f"{name} goal {goal['code']}: ukendt parent {goal['parent']!r}")
        _check_goal(problems, f"{name} goal[{i}] {goal.get('code')}", goal, folded)
    duplicates = {c for c in codes if codes.count(c) > 1}
    if duplicates:
        problems.append(f"{name}: mål-koder går igen: {sorted(duplicates)}")

    initiatives = raw.get("initiatives") or []
    icodes = [str(x.get("code")) for x in initiatives]
    for i, item in enumerate(initiatives):
        item["code"] = str(item.get("code"))
        if item.get("parent") is not None:
            item["parent"] = str(item["parent"])
            if item["parent"] not in icodes:
                problems.append(f"{name} initiative {item['code']}: ukendt parent {item['parent']!r}")
        for goal_code in item.get("goals") or []:
            if str(goal_code) not in codes:
                problems.append(f"{name} initiative {item['code']}: ukendt mål {goal_code!r}")
        _check_initiative(problems, f"{name} initiative[{i}] {item.get('code')}", item, folded)
    duplicates = {c for c in icodes if icodes.count(c) > 1}
    if duplicates:
        problems.append(f"{name}: indsats-koder går igen: {sorted(duplicates)}")

    facts = raw.get("facts") or []
    keys = [f.get("key") for f in facts]
    for i, item in enumerate(facts):
        _check_fact(problems, f"{name} fact[{i}] {item.get('key')}", item, folded)
    duplicates = {k for k in keys if keys.count(k) > 1}
    if duplicates:
        problems.append(f"{name}: fakta-nøgler går igen: {sorted(duplicates)}")

    if problems:
        raise CurationError(problems)
    return CuratedPlan(path, doc, plan, goals, initiatives, facts)


def load_all_plans(knowledge_dir: Path = KNOWLEDGE_DIR) -> list[CuratedPlan]:
    """Load and verify every curated plan file; raise with all problems of all files."""
    catalogue = load_catalogue(knowledge_dir)
    plans: list[CuratedPlan] = []
    problems: list[str] = []
    for path in sorted((knowledge_dir / "plans").glob("*.yaml")):
        try:
            plans.append(load_plan_file(path, catalogue, knowledge_dir))
        except CurationError as exc:
            problems.extend(exc.problems)
    if problems:
        raise CurationError(problems)
    return plans


def main(argv: list[str]) -> int:
    """Check curated files, or print a normalised document with ``--text DOC_ID``."""
    if argv[:1] == ["--text"]:
        catalogue = load_catalogue()
        sys.stdout.write(normalised_document(catalogue.document(argv[1])))
        return 0
    paths = [Path(a) for a in argv] or sorted((KNOWLEDGE_DIR / "plans").glob("*.yaml"))
    failed = 0
    for path in paths:
        try:
            plan = load_plan_file(path)
        except CurationError as exc:
            failed += 1
            print(f"FEJL i {path}:")
            for problem in exc.problems:
                print(f"  - {problem}")
        else:
            print(
                f"OK {path}: {len(plan.goals)} mål, {len(plan.initiatives)} indsatser, "
                f"{len(plan.facts)} fakta"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
