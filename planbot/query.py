"""The query layer: find kommuner, plans, goals, initiatives and facts.

Lookups accept what users type: names without æ/ø/å, aliases ("Mors"), goal codes
in several spellings ("6.3", "mål 6.3", "1a", "Mål 3") and goal titles.
"""

from __future__ import annotations

import difflib
import math
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from planbot.schema import Fact, Goal, Initiative, Kommune, Plan
from planbot.text import content_lemmas, fold, stem_overlap, term_groups

if TYPE_CHECKING:
    from planbot.search import PassageIndex


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", fold(text)).strip()


def _strip_genitive(text: str) -> str:
    t = text.strip().rstrip("'’")
    return t[:-1] if len(t) > 4 and t.lower().endswith("s") else t


_KOMMUNE_SUFFIX = re.compile(r"[\s-]+kommun(?:e|en|es|ens)\s*$", re.IGNORECASE)


def find_kommune(session: Session, text: str | None) -> Kommune | None:
    """The kommune named by ``text`` (name, alias, genitive, without æ/ø/å, small typos)."""
    if not text:
        return None
    kommuner = list(session.scalars(select(Kommune)))
    names: dict[str, Kommune] = {}
    for kommune in kommuner:
        names[_key(kommune.name)] = kommune
        names[_key(kommune.name + " kommune")] = kommune
        for alias in kommune.aliases or []:
            names.setdefault(_key(alias), kommune)
    # "Morsø Kommune", "Hobro-kommunen", "Aarhus kommunes": the name without the word kommune
    wanted = _key(_KOMMUNE_SUFFIX.sub("", text))
    for candidate in (wanted, _key(_strip_genitive(text))):
        if candidate in names:
            return names[candidate]
    close = difflib.get_close_matches(wanted, list(names), n=1, cutoff=0.8)
    return names[close[0]] if close else None


def kommuner_with_plans(session: Session) -> list[Kommune]:
    """Kommuner the assistant has plan documents for, by name."""
    return list(session.scalars(select(Kommune).where(Kommune.has_plans).order_by(Kommune.name)))


def plans_for(session: Session, kommune: Kommune | None = None) -> list[Plan]:
    """Plans (newest first), optionally for one kommune."""
    query = (
        select(Plan)
        .options(selectinload(Plan.goals))
        .order_by(Plan.period_end.desc(), Plan.period_start.desc())
    )
    if kommune is not None:
        query = query.where(Plan.kommune_id == kommune.id)
    return list(session.scalars(query))


PLAN_KIND_WORDS = {"strategi": "arbejdsmarkedsstrategi", "notat": "notat", "udmont": "notat"}
"""Words in a question (folded) that name a kind of plan document."""
OLDER_PLAN_HINT = "aeldre"
"""The word a plan hint has when the question asks for an older plan ("den gamle plan")."""
OTHER_PLAN_HINT = "anden"
"""The first word of a plan hint for another plan than the one in play ("den anden plan"), which
the hint names after it."""


def _hint_years(hint: str) -> list[int]:
    """Years in a plan hint: "2024", "2020-2021", and two-digit periods like "20-21"."""
    years = [int(y) for y in re.findall(r"\b(20\d\d)\b", hint)]
    if not years:
        short = re.search(r"\b([1-3]\d)\s*[-/–]\s*([1-3]\d)\b", hint)
        if short:
            years = [2000 + int(short.group(1)), 2000 + int(short.group(2))]
    return years


def find_plan(session: Session, kommune: Kommune, hint: str | None = None) -> Plan | None:
    """The kommune's plan matching ``hint`` (a year, period or title word); the newest without one.

    A kind word in the hint ("strategi", "notat") narrows the choice before the years do
    ("notatet 2024" is the note that ends in 2024, not the plan that starts then).
    Prefers beskæftigelsesplaner over notes and strategies when no hint is given.
    """
    plans = plans_for(session, kommune)
    if not plans:
        return None
    if hint and hint.split()[0] == OTHER_PLAN_HINT and len(hint.split()) == 2:
        # "og den anden plan?": the kommune's newest plan besides the one in play
        others = [p for p in plans if p.id != hint.split()[1]]
        return (others or plans)[0]
    if hint and OLDER_PLAN_HINT in hint.split():
        # "den gamle plan": the newest plan before the newest one (the only one if alone)
        rest = " ".join(w for w in hint.split() if w != OLDER_PLAN_HINT)
        if not rest:
            older = [p for p in plans if p.period_start < plans[0].period_start] or plans
            return older[0]
        hint = rest
    if hint:
        h = _key(hint)
        for plan in plans:
            if h in {_key(plan.period), _key(plan.title), _key(plan.id)}:
                return plan
        kinds = plan_kinds_in(h)
        of_kind = [p for p in plans if p.kind in kinds]
        candidates = of_kind or plans
        years = _hint_years(hint)
        if years:
            exact = [p for p in candidates if p.period_start == years[0] or p.period_end == years[0]]
            if len(years) > 1:
                exact = [p for p in exact if years[-1] in (p.period_start, p.period_end)] or exact
            covering = [p for p in candidates if p.period_start <= years[0] <= p.period_end]
            chosen = exact or covering
            if chosen:
                return sorted(chosen, key=lambda p: p.kind != "beskæftigelsesplan")[0]
        if of_kind:
            return of_kind[0]
    main = [p for p in plans if p.kind == "beskæftigelsesplan"]
    return (main or plans)[0]


_CODE = re.compile(
    r"^(?:m[aå]+l(?:s(?:ae|[aæ])tning)?\s*|succeskriterie?u?m?\s*|delm[aå]+l\s*)?([0-9]+(?:[.,][0-9]+)?[a-z]?|[0-9]+\.[a-z][0-9]+|m[1-5]|[a-z]{1,2}[0-9]+(?:\.[0-9]+)?)$"
)


def normalise_code(text: str) -> str | None:
    """'mål 6,3' -> '6.3', 'Mål 3' -> '3', '1A' -> '1a', 'ministermål 2' -> 'M2', '1.s1' -> '1.S1'."""
    raw = fold(text.strip()).replace("  ", " ")
    minister = re.match(r"^ministerm[a]+l\s*([1-5])$", raw)
    if minister:
        return f"M{minister.group(1)}"
    match = _CODE.match(raw)
    if not match:
        return None
    code = match.group(1).replace(",", ".")
    if re.fullmatch(r"m[1-5]", code):
        return code.upper()
    if re.fullmatch(r"[a-z]{1,2}[0-9]+(\.[0-9]+)?|[0-9]+\.[a-z][0-9]+", code):
        # "h4.1" -> "H4.1", "3.s3" -> "3.S3" (Mariagerfjord's succeskriterier), "6.d2" -> "6.D2"
        return code.upper()
    return code


def _goal_query(kommune: Kommune | None, plan: Plan | None):  # type: ignore[no-untyped-def]
    query = select(Goal).join(Plan).options(selectinload(Goal.target), selectinload(Goal.follow_up))
    if plan is not None:
        query = query.where(Goal.plan_id == plan.id)
    elif kommune is not None:
        query = query.where(Plan.kommune_id == kommune.id)
    return query.order_by(Plan.period_end.desc(), Goal.position)


def find_goals(
    session: Session,
    text: str,
    kommune: Kommune | str | None = None,
    plan: Plan | None = None,
    cutoff: float = 0.75,
) -> list[Goal]:
    """Goals matching a code or a title/topic, best first.

    A code ("6.3") gives the goals with that code (newest plan first); otherwise the
    goals whose title, text or measure share the most content words with ``text``, a
    kommune's newest plan first among near ties (:func:`_current_plans_first`).
    """
    if isinstance(kommune, str):
        kommune = find_kommune(session, kommune)
    goals = list(session.scalars(_goal_query(kommune, plan)))
    code = normalise_code(text)
    if code:
        exact = [g for g in goals if g.code.lower() == code.lower()]
        if exact:
            return exact
    ranked = _rank_goals(session, goals, text)
    if not ranked:
        return []
    best = ranked[0][0]
    ranked = _current_plans_first(ranked, goals)
    return [g for score, _, g in ranked if score >= best * cutoff]


# the fields a goal is found by, and their weights: what a goal measures tells what it is
# about better than its prose, which mentions much ("delvise raskmeldinger" is measured by
# 6.9 and only mentioned by 6.8); the title most
GOAL_FIELDS = ("title", "text", "measure", "theme", "target_groups")
GOAL_FIELD_WEIGHTS = (2.0, 1.0, 1.5, 1.0, 1.0)


def _rank_goals(session: Session, goals: list[Goal], text: str) -> list[tuple[float, float, Goal]]:
    return rank_items(goals, text, GOAL_FIELDS, corpus_index(session), weights=GOAL_FIELD_WEIGHTS)


def rank_goals(
    session: Session, text: str, kommune: Kommune | None = None
) -> list[tuple[float, float, Goal]]:
    """The kommune's goals (all goals without one) ranked by ``text`` as :func:`find_goals`
    ranks them: (score, coverage, goal), best first."""
    return _rank_goals(session, list(session.scalars(_goal_query(kommune, None))), text)


NEAR_TIE = 0.85  # scores within 15 % of the best match count as a tie


def _current_plans_first(
    ranked: list[tuple[float, float, Goal]], goals: list[Goal]
) -> list[tuple[float, float, Goal]]:
    """Within a near tie with the best match, goals of a kommune's newest plan come first.

    A question about "målet for unge i Norddjurs" means the current plan unless an older
    plan's goal fits clearly better; the plan a user names explicitly is handled before
    (``plan=``). Outside the tie the order by score is kept.
    """
    newest: dict[int, int] = {}
    for goal in goals:
        kommune_id = goal.plan.kommune_id
        newest[kommune_id] = max(newest.get(kommune_id, goal.plan.period_end), goal.plan.period_end)
    best = ranked[0][0]  # ``ranked`` is sorted by score, best first
    tied = [t for t in ranked if t[0] >= best * NEAR_TIE]
    rest = ranked[len(tied) :]
    tied.sort(key=lambda t: t[2].plan.period_end < newest[t[2].plan.kommune_id])  # stable
    return tied + rest


def kommuner_with_goal_codes(session: Session, codes: list[str]) -> list[Kommune]:
    """The kommuner whose plans have a goal with one of ``codes``."""
    if not codes:
        return []
    query = (
        select(Kommune).join(Plan).join(Goal).where(Goal.code.in_(codes)).distinct().order_by(Kommune.name)
    )
    return list(session.scalars(query))


def plan_kinds_in(folded_text: str) -> set[str]:
    """The kinds of plan document a question names ("arbejdsmarkedsstrategien" → strategy)."""
    return {kind for word, kind in PLAN_KIND_WORDS.items() if word in folded_text}


def kommuner_with_plan_kinds(session: Session, kinds: set[str]) -> list[Kommune]:
    """The kommuner that have a plan document of one of ``kinds``."""
    if not kinds:
        return []
    query = select(Kommune).join(Plan).where(Plan.kind.in_(kinds)).distinct().order_by(Kommune.name)
    return list(session.scalars(query))


def goals_for(
    session: Session,
    kommune: Kommune | None = None,
    plan: Plan | None = None,
    theme: str | None = None,
    target_group: str | None = None,
) -> list[Goal]:
    """Goals filtered by kommune/plan, theme and target group."""
    goals = list(session.scalars(_goal_query(kommune, plan)))
    if theme:
        goals = [g for g in goals if g.theme == theme]
    if target_group:
        goals = [g for g in goals if target_group in (g.target_groups or [])]
    return goals


def initiatives_for(
    session: Session,
    kommune: Kommune | None = None,
    plan: Plan | None = None,
    target_group: str | None = None,
    theme: str | None = None,
) -> list[Initiative]:
    """Initiatives filtered by kommune/plan, target group and theme."""
    query = select(Initiative).join(Plan).order_by(Plan.period_end.desc(), Initiative.position)
    if plan is not None:
        query = query.where(Initiative.plan_id == plan.id)
    elif kommune is not None:
        query = query.where(Plan.kommune_id == kommune.id)
    items = list(session.scalars(query))
    if target_group:
        items = [i for i in items if target_group in (i.target_groups or [])]
    if theme:
        items = [i for i in items if i.theme == theme]
    return items


@lru_cache(maxsize=8192)
def _field_terms(value: str) -> frozenset[str]:
    """The content lemmas of one field's text (titles and texts recur in every question)."""
    return frozenset(content_lemmas(value))


@lru_cache(maxsize=131_072)
def _term_match(query_term: str, item_terms: frozenset[str], heads: bool = False) -> float:
    """1 for the same lemma; between 0.5 and 1 for Danish compounds and inflections that
    share a long prefix ("fleksjobmålet" ~ "fleksjob", "jobcentret" ~ "jobcenter"),
    graded by how much they share; else 0. Cached: the same words meet the same fields
    in question after question."""
    if query_term in item_terms:
        return 1.0
    if len(query_term) < 5 or query_term.isdigit():
        return 0.0
    best = 0.0
    for term in item_terms:
        if len(term) < 5:
            continue
        shared = stem_overlap(query_term, term)
        if shared:
            best = max(best, 0.5 + 0.45 * shared / max(len(query_term), len(term)))
        elif len(term) >= 6 and query_term.endswith(term):
            best = max(best, 0.35)  # shares only the compound's head ("grundskole|uddannelse")
        elif heads and len(query_term) >= 5 and term.endswith(query_term):
            best = max(best, 0.35)  # the item's compound has the word as its head ("investerings|rammen")
    return best


def _group_match(group: frozenset[str], item_terms: frozenset[str], heads: bool = False) -> float:
    return max(_term_match(variant, item_terms, heads) for variant in group)


def rank_items(
    items: list[Any],
    text: str,
    fields: tuple[str, ...],
    corpus: PassageIndex | None = None,
    weights: tuple[float, ...] | None = None,
    heads: bool = False,
) -> list[tuple[float, float, Any]]:
    """Rank items by the question's content words, IDF-weighted.

    Word weights come from ``corpus`` (the passage index over all documents, a more
    reliable estimate of how telling a word is) and fall back to the items.

    The first field (a title) counts double, unless ``weights`` gives each field's. With
    ``heads``, a word also matches an item's compound it is the head of ("rammen" in
    "investeringsrammen"), as facts are often stated with the longer word. Returns (score,
    coverage, item) best first, where coverage is the share of the question's words the
    item matches.
    """
    groups = term_groups(text)
    if not groups or not items:
        return []
    item_terms: list[list[frozenset[str]]] = []
    for item in items:
        per_field = []
        for name in fields:
            value = getattr(item, name, None)
            if isinstance(value, list):
                value = " ".join(str(v.get("unit", v)) if isinstance(v, dict) else str(v) for v in value)
            per_field.append(_field_terms(str(value)) if value else frozenset())
        item_terms.append(per_field)
    n = len(items)
    idf = {}
    for group in groups:
        known = (
            [w for w in (corpus.weight_of(v) for v in group) if w is not None]
            if corpus and corpus.idf
            else []
        )
        if known:
            idf[group] = min(known)  # the lemma's weight, not a rarer inflection's
            continue
        df = sum(1 for per_field in item_terms if any(_group_match(group, f, heads) for f in per_field))
        idf[group] = math.log(1 + (n - df + 0.5) / (df + 0.5))
    scored = []
    for item, per_field in zip(items, item_terms, strict=True):
        score = 0.0
        matched = 0
        for group in groups:
            best = 0.0
            for index, field_terms in enumerate(per_field):
                weight = weights[index] if weights else (2.0 if index == 0 else 1.0)
                best = max(best, weight * _group_match(group, field_terms, heads))
            if best:
                matched += 1
                score += best * idf[group]
        if score > 0:
            scored.append((score, matched / len(groups), item))
    scored.sort(key=lambda triple: triple[0], reverse=True)
    return scored


def rank_by_words(
    items: list[Any], text: str, fields: tuple[str, ...], corpus: PassageIndex | None = None
) -> list[tuple[float, Any]]:
    """:func:`rank_items` without the coverage."""
    return [(score, item) for score, _, item in rank_items(items, text, fields, corpus)]


def corpus_index(session: Session) -> PassageIndex:
    """The passage index over all plan documents, for word weights."""
    from planbot.search import get_index

    return get_index(session)


def facts_for(session: Session, kommune: Kommune | None = None, plan: Plan | None = None) -> list[Fact]:
    """Facts of a kommune's plans (or one plan)."""
    query = select(Fact).join(Plan).order_by(Plan.period_end.desc(), Fact.position)
    if plan is not None:
        query = query.where(Fact.plan_id == plan.id)
    elif kommune is not None:
        query = query.where(Plan.kommune_id == kommune.id)
    return list(session.scalars(query))


def goal_record(goal: Goal) -> dict[str, Any]:
    """A goal as a JSON-ready dict (``planbot goals --json``)."""
    target = goal.target
    follow = goal.follow_up
    from planbot.status import target_in_words

    return {
        "kommune": goal.plan.kommune.name,
        "plan": goal.plan.title,
        "plan_id": goal.plan_id,
        "plan_period": goal.plan.period,
        "code": goal.code,
        "kind": goal.kind,
        "title": goal.title,
        "text": goal.text,
        "parent": goal.parent_code,
        "theme": goal.theme,
        "target_groups": goal.target_groups,
        "measure": goal.measure,
        "target": None
        if target is None
        else {
            "kind": target.kind,
            "value": target.value,
            "unit": target.unit,
            "base_year": target.base_year,
            "deadline": target.deadline,
            "direction": target.direction,
            "text": target.text,
            "in_words": target_in_words(target),
            "source": target.source_quote,
        },
        "follow_up": None
        if follow is None
        else {
            "audience": follow.audience,
            "frequency": follow.frequency,
            "data_source": follow.data_source,
            "text": follow.text,
            "source": follow.source_quote,
        },
        "indicator": {"series": goal.indicator_series, "note": goal.indicator_note}
        if goal.indicator_series
        else None,
        "section": goal.section_heading,
        "source": goal.source_quote,
    }
