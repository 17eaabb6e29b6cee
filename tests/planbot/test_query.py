"""Finding goals by their codes and words: the newest plan wins a near tie, a clear match does not move."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from planbot.query import _current_plans_first, find_goals, find_kommune, find_plan, normalise_code
from planbot.schema import Kommune


def _goal(code: str, kommune_id: int, period_end: int) -> SimpleNamespace:
    return SimpleNamespace(code=code, plan=SimpleNamespace(kommune_id=kommune_id, period_end=period_end))


def test_near_tie_puts_the_newest_plan_first_and_keeps_the_rest_in_score_order() -> None:
    old, new, far_new, other_kommune = (
        _goal("4.2", 1, 2021),
        _goal("6.3", 1, 2024),
        _goal("6.5", 1, 2024),
        _goal("1a", 2, 2021),
    )
    ranked = [(10.0, 1.0, old), (9.5, 1.0, new), (9.2, 1.0, other_kommune), (7.0, 1.0, far_new)]

    reordered = _current_plans_first(ranked, [old, new, far_new, other_kommune])

    # 6.3 (newest Norddjurs plan) and 1a (its kommune's only plan) are current; 6.5 is outside the tie
    assert [t[2].code for t in reordered] == ["6.3", "1a", "4.2", "6.5"]


def test_clear_winner_from_an_older_plan_stays_first() -> None:
    old, new = _goal("4.2", 1, 2021), _goal("6.3", 1, 2024)
    ranked = [(10.0, 1.0, old), (8.0, 1.0, new)]

    assert [t[2].code for t in _current_plans_first(ranked, [old, new])] == ["4.2", "6.3"]


def test_find_goals_on_the_plans(shared_engine: Engine) -> None:
    with Session(shared_engine) as session:
        tie = find_goals(session, "unge vælger erhvervsuddannelse", kommune="Norddjurs")
        clear = find_goals(session, "unge skal gennemføre den valgte uddannelse", kommune="Norddjurs")

    assert (tie[0].code, tie[0].plan_id) == ("6.3", "norddjurs-2024")
    assert (clear[0].code, clear[0].plan_id) == ("4.2", "norddjurs-2020-2021-strategi")


def test_a_goal_that_measures_the_words_beats_one_that_mentions_them(shared_engine: Engine) -> None:
    # 6.8's text mentions "delvise raskmeldinger" in passing; 6.9 measures the partly recovered
    with Session(shared_engine) as session:
        goals = find_goals(session, "delvise raskmeldinger", kommune="Norddjurs")
    assert goals[0].code == "6.9"


def test_find_plan_reads_kind_words_and_short_periods(shared_engine: Engine) -> None:
    with Session(shared_engine) as session:
        norddjurs = find_kommune(session, "Norddjurs")
        mariagerfjord = find_kommune(session, "Mariagerfjord")
        assert norddjurs is not None and mariagerfjord is not None

        def plan_id(kommune: Kommune, hint: str | None) -> str | None:
            plan = find_plan(session, kommune, hint)
            return plan.id if plan else None

        # "arbejdsmarkedsstrategien 20-21": a two-digit period, with or without the kind word
        assert plan_id(norddjurs, "20-21") == "norddjurs-2020-2021-strategi"
        assert plan_id(norddjurs, "20-21 strategi") == "norddjurs-2020-2021-strategi"
        assert plan_id(norddjurs, "strategi") == "norddjurs-2020-2021-strategi"
        # 2024 starts the plan and ends the note: the kind word decides, the plan without one
        assert plan_id(mariagerfjord, "2024 notat") == "mariagerfjord-2021-2024-notat"
        assert plan_id(mariagerfjord, "2024") == "mariagerfjord-2024-2027"
        assert plan_id(mariagerfjord, "24-27") == "mariagerfjord-2024-2027"
        assert plan_id(norddjurs, None) == "norddjurs-2024"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("mål 6,3", "6.3"),
        ("Mål 3", "3"),
        ("1A", "1a"),
        ("ministermål 2", "M2"),
        ("1.s1", "1.S1"),
        ("6.d2", "6.D2"),  # Morsø's delmål under goal 6
        ("2.f1", "2.F1"),
        ("h4.1", "H4.1"),
        ("samtaler", None),
    ],
)
def test_goal_codes_are_normalised_as_the_plans_write_them(text: str, code: str | None) -> None:
    assert normalise_code(text) == code


def test_a_word_matches_the_compound_it_is_the_head_of_only_when_asked() -> None:
    from types import SimpleNamespace

    from planbot.query import rank_items

    items = [SimpleNamespace(text="Investeringsrammen for 2021 er på 3 millioner kroner.")]
    assert rank_items(items, "rammen", ("text",)) == []
    assert rank_items(items, "rammen", ("text",), heads=True)[0][2] is items[0]


def test_a_newer_plans_goal_within_fifteen_percent_of_the_best_comes_first() -> None:
    old, new = _goal("A4", 1, 2021), _goal("6.6", 1, 2024)
    ranked = [(6.66, 1.0, old), (5.82, 1.0, new)]  # "de unge igennem en ungdomsuddannelse"

    assert [t[2].code for t in _current_plans_first(ranked, [old, new])] == ["6.6", "A4"]
