"""Database connection: any SQLAlchemy URL through ``PLANBOT_DB_URL``.

The default is a SQLite file in ``var/planbot.db`` under the project. Engines are
created lazily, on first use, and cached per URL; nothing connects at import time.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.orm import Session, sessionmaker

from planbot.schema import Base

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE_PATH = PROJECT_DIR / "var" / "planbot.db"
ENV_VAR = "PLANBOT_DB_URL"

_engines: dict[str, Engine] = {}
_lock = threading.Lock()


class DatabaseUnavailable(RuntimeError):
    """The database cannot be reached or has not been built."""


def database_url(url: str | None = None) -> str:
    """The URL to use: the argument, else ``PLANBOT_DB_URL``, else the default SQLite file."""
    if url:
        return url
    env = os.environ.get(ENV_VAR)
    if env:
        return env
    return f"sqlite:///{DEFAULT_SQLITE_PATH}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def get_engine(url: str | None = None) -> Engine:
    """Return the (cached) engine for ``url``; create it on first use."""
    resolved = database_url(url)
    with _lock:
        engine = _engines.get(resolved)
        if engine is None:
            if resolved.startswith("sqlite:///"):
                Path(resolved.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
                engine = create_engine(resolved, connect_args={"timeout": 10})
                event.listen(engine, "connect", _sqlite_pragmas)
            else:
                engine = create_engine(resolved, pool_pre_ping=True, pool_size=5, max_overflow=5)
            _engines[resolved] = engine
        return engine


def dispose_engines() -> None:
    """Close all cached engines (tests, forks)."""
    with _lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()


def create_schema(engine: Engine) -> None:
    """Create all tables that do not exist yet."""
    Base.metadata.create_all(engine)


def is_built(engine: Engine) -> bool:
    """Whether the knowledge tables exist and hold at least one plan."""
    return inspect(engine).has_table("plans")


@contextmanager
def session_scope(url: str | None = None) -> Iterator[Session]:
    """A session that commits on success and rolls back on error."""
    factory = sessionmaker(bind=get_engine(url), expire_on_commit=False)
    session = factory()
    try:
        yield session
        session.commit()
    except Exception:
        session.rollback()
        raise
    finally:
        session.close()
