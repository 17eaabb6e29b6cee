"""Curated plan files: every item verified against its document; coverage pinned per plan."""

import shutil
from pathlib import Path

import pytest

from planbot.curated import KNOWLEDGE_DIR, CurationError, load_all_plans, load_plan_file

EXPECTED_GOALS = {
    "mariagerfjord-2024-2027": 9,
    "mariagerfjord-2021-2024-notat": 10,
    "norddjurs-2020-2021-strategi": 37,
    "norddjurs-2024": 27,
    "morsoe-2021": 12,
}


@pytest.fixture(scope="module")
def plans():
    return {p.document.id: p for p in load_all_plans()}


def test_goal_count_per_plan_is_pinned(plans) -> None:
    assert {doc_id: len(p.goals) for doc_id, p in plans.items()} == EXPECTED_GOALS


def test_norddjurs_2024_has_five_ministermaal_and_22_local_goals(plans) -> None:
    codes = [g["code"] for g in plans["norddjurs-2024"].goals]
    local = ["1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "4.1", "5.1", "5.2", *[f"6.{i}" for i in range(1, 14)]]
    assert sorted(c for c in codes if c.startswith("M")) == ["M1", "M2", "M3", "M4", "M5"]
    assert sorted(c for c in codes if not c.startswith("M")) == sorted(local)


def test_mariagerfjord_notat_sub_goals_and_deadlines(plans) -> None:
    goals = {g["code"]: g for g in plans["mariagerfjord-2021-2024-notat"].goals}
    assert {"1a", "1b", "1c", "2a", "2b", "3a", "3b"} <= set(goals)
    assert goals["3a"]["target"]["value"] == 90 and goals["3a"]["target"]["deadline"] == 2024


def test_initiatives_and_facts_carry_the_figures(plans) -> None:
    notat = plans["mariagerfjord-2021-2024-notat"]
    figures = {f["value"] for i in notat.initiatives for f in i.get("figures") or []}
    assert {200, 99} <= figures
    assert any(i.get("amount_dkk") == 800000 for i in notat.initiatives)
    morsoe_values = {f.get("value") for f in plans["morsoe-2021"].facts}
    assert {10000, 5, 8940, 8890, 15} <= morsoe_values


def test_every_goal_has_target_kind_and_source(plans) -> None:
    for plan in plans.values():
        for goal in plan.goals:
            assert goal["source"], goal["code"]
            if goal.get("target"):
                assert goal["target"]["kind"], goal["code"]


def test_a_quote_not_in_the_document_fails_with_file_item_and_quote(tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, knowledge, ignore=shutil.ignore_patterns("jobindsats"))
    path = knowledge / "plans" / "norddjurs-2024.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("1.2 Fokusmål samtaler", "1.2 Fokusmål om kaffe", 1), encoding="utf-8")
    with pytest.raises(CurationError) as excinfo:
        load_plan_file(path, knowledge_dir=knowledge)
    message = str(excinfo.value)
    assert "norddjurs-2024.yaml" in message and "1.2" in message and "kaffe" in message
