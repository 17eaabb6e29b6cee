"""Passage search: recall on a labelled set of questions, and a bar for 'good' hits."""

from pathlib import Path

import yaml
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from planbot.search import search_passages

LABELLED = yaml.safe_load((Path(__file__).parent / "search_labelled.yaml").read_text(encoding="utf-8"))


def _rank(session: Session, item: dict) -> int | None:
    hits = search_passages(session, item["q"], limit=3)
    for rank, hit in enumerate(hits, 1):
        if hit.document_id == item["doc"] and item["phrase"].lower() in hit.text.lower():
            return rank
    return None


def recall(engine: Engine) -> tuple[float, float]:
    """Recall@1 and recall@3 on the labelled set."""
    with Session(engine) as session:
        ranks = [_rank(session, item) for item in LABELLED]
    at1 = sum(1 for r in ranks if r == 1) / len(ranks)
    at3 = sum(1 for r in ranks if r is not None) / len(ranks)
    return at1, at3


def test_recall_on_labelled_questions(shared_engine: Engine) -> None:
    at1, at3 = recall(shared_engine)
    print(f"recall@1={at1:.2f} recall@3={at3:.2f} (n={len(LABELLED)})")
    assert at3 >= 0.85
    assert at1 >= 0.6


def test_unrelated_question_has_no_good_hit(shared_engine: Engine) -> None:
    with Session(shared_engine) as session:
        for question in (
            "hvad bliver vejret i morgen",
            "bestil en pizza med skinke",
            "who won the football match",
        ):
            assert not any(hit.is_good for hit in search_passages(session, question)), question


def test_search_works_without_danish_letters(shared_engine: Engine) -> None:
    with Session(shared_engine) as session:
        hits = search_passages(session, "hvor mange hojtuddannede skal udplaceres")
    assert hits and "højtuddannede" in hits[0].text


def test_derived_words_match(shared_engine: Engine) -> None:
    """ "tilfredse" finds "tilfredshed"; the kommune used as filter does not lower the coverage."""
    with Session(shared_engine) as session:
        hits = search_passages(
            session,
            "hvor tilfredse skal borgerne vaere med jobcentret i mariagerfjord senest i 2024",
            kommune="Mariagerfjord",
        )
    assert hits and hits[0].is_good and "tilfredshed" in hits[0].text


def test_where_something_is_written_is_not_what_it_is_about(shared_engine: Engine) -> None:
    """ "står"/"skriver" ask where, they are not the topic: the passage about the topic wins."""
    with Session(shared_engine) as session:
        for question in ("hvad står der om praktikbanken", "hvad skriver de om praktikbanken"):
            hits = search_passages(session, question, kommune="Mariagerfjord")
            assert hits and hits[0].is_good and "praktikbank" in hits[0].text.lower(), question


def test_search_within_one_document(shared_engine: Engine) -> None:
    with Session(shared_engine) as session:
        hits = search_passages(
            session, "branchespor", kommune="Norddjurs", document_id="norddjurs-2020-2021-strategi"
        )
    assert hits and {h.document_id for h in hits} == {"norddjurs-2020-2021-strategi"}
