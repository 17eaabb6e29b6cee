"""Shared pytest fixtures: a small metrics database in ``tmp_path`` (SQLite and PostgreSQL).

PostgreSQL comes from Debian's package: the session fixture runs ``initdb`` and
``pg_ctl`` on a free loopback port in a temporary folder and stops it afterwards.
Set ``PLANBOT_REQUIRE_POSTGRES=1`` (``make test`` does) to fail instead of skip when
the server binaries are missing.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import Engine, create_engine

from planbot.build import build_database
from planbot.curated import KNOWLEDGE_DIR

FIXTURE_AREAS = ["Norddjurs", "Morsø", "Mariagerfjord", "Aarhus", "Hele landet"]


def small_jobindsats_csv(target: Path, areas: list[str] = FIXTURE_AREAS) -> Path:
    """A slice of the bundled extract: five areas (or ``areas``), all series, since 2025."""
    frame = pd.read_csv(
        KNOWLEDGE_DIR / "jobindsats" / "jobindsats_kommuner.csv", sep=";", dtype=str, keep_default_na=False
    )
    frame = frame[frame["omraade"].isin(areas) & (frame["periode"] >= "2025")]
    target.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(target, sep=";", index=False)
    return target


@pytest.fixture(scope="session")
def jobindsats_slice(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return small_jobindsats_csv(tmp_path_factory.mktemp("jobindsats") / "jobindsats_kommuner.csv")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A throwaway PostgreSQL server on loopback; yields a SQLAlchemy URL prefix."""
    binaries = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not binaries:
        if os.environ.get("PLANBOT_REQUIRE_POSTGRES") == "1":
            pytest.fail("PostgreSQL-serveren mangler (apt-get install postgresql)")
        pytest.skip("PostgreSQL er ikke installeret")
    bindir = Path(binaries[-1]).parent
    base = Path(tempfile.mkdtemp(prefix="planbot-pg-"))
    data, sockets = base / "data", base / "sock"
    sockets.mkdir()
    prefix: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        shutil.chown(base, "postgres")
        shutil.chown(sockets, "postgres")
        prefix = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    subprocess.run([*prefix, str(bindir / "initdb"), "-D", str(data), "-U", "planbot", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"],
                   check=True, capture_output=True)  # fmt: skip
    options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-w", "-l", str(base / "log"), "start"],
                   check=True, capture_output=True)  # fmt: skip
    try:
        yield f"postgresql+psycopg://planbot@127.0.0.1:{port}"
    finally:
        subprocess.run(
            [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], capture_output=True
        )
        shutil.rmtree(base, ignore_errors=True)


_db_counter = iter(range(1, 10_000))


def _new_database(kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / 'planbot.db'}"
    server = request.getfixturevalue("postgres_server")
    name = f"planbot_test_{os.getpid()}_{next(_db_counter)}"
    admin = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin.dispose()
    return f"{server}/{name}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database URL, once for SQLite and once for PostgreSQL."""
    return _new_database(request.param, request, tmp_path)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'planbot.db'}"


@pytest.fixture
def built_engine(db_url: str, jobindsats_slice: Path) -> Iterator[Engine]:
    """A database built from knowledge/ with the Jobindsats slice (SQLite and PostgreSQL)."""
    engine = create_engine(db_url)
    build_database(engine, KNOWLEDGE_DIR, jobindsats_slice)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def shared_engine(tmp_path_factory: pytest.TempPathFactory, jobindsats_slice: Path) -> Iterator[Engine]:
    """One SQLite database built once per session, for read-only tests."""
    path = tmp_path_factory.mktemp("shared") / "planbot.db"
    engine = create_engine(f"sqlite:///{path}")
    build_database(engine, KNOWLEDGE_DIR, jobindsats_slice)
    yield engine
    engine.dispose()
