"""Answer a few questions once when the action server starts.

The first answer otherwise loads spaCy's Danish lookup tables, builds the passage index
and compiles the SQL statements: 3–4 seconds that the first user of the day would wait.
"""

from __future__ import annotations

import logging
import time

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from planbot import answers
from planbot.db import get_engine

logger = logging.getLogger(__name__)

# (intent, question): one per kind of work an answer does – goal search, status,
# initiatives, facts and the passage search.
WARM_UP_QUESTIONS = (
    ("ask_status", "Hvordan går det med målet om samtaler i Norddjurs?"),
    ("list_goals", "Hvilke mål har Morsø?"),
    ("ask_initiatives", "Hvad gør Mariagerfjord for de unge?"),
    ("ask_fact", "Hvor mange praktikpladser skal praktikbanken finde?"),
    ("search", "Hvad står der om sygedagpenge?"),
)


def warm_up(engine: Engine | None = None) -> bool:
    """Run :data:`WARM_UP_QUESTIONS` through the answer functions and discard the answers.

    Never raises: a missing or broken database is logged, and the action server starts
    anyway (its answers then apologise as usual).

    Returns:
        True when every question was answered.
    """
    started = time.perf_counter()
    try:
        with Session(engine or get_engine()) as session:
            for intent, text in WARM_UP_QUESTIONS:
                handler = answers.HANDLERS.get(intent, answers.answer_search)
                handler(session, answers.Context(text=text, intent=intent))
    except Exception:  # a warm-up must not stop the server
        logger.warning("Opvarmningen af svarene mislykkedes; serveren starter alligevel.", exc_info=True)
        return False
    logger.info("Svarene er varmet op på %.1f s.", time.perf_counter() - started)
    return True


__all__ = ["WARM_UP_QUESTIONS", "warm_up"]
