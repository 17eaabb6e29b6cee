"""Fixtures for the custom Rasa NLU components (run in the Rasa environment)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))  # components/ and planbot, also without PYTHONPATH

from rasa.engine.graph import ExecutionContext, GraphSchema  # noqa: E402
from rasa.engine.storage.local_model_storage import LocalModelStorage  # noqa: E402


@pytest.fixture()
def storage(tmp_path: Path) -> LocalModelStorage:
    """Model storage in the test's own folder."""
    return LocalModelStorage(tmp_path)


@pytest.fixture()
def context() -> ExecutionContext:
    """The execution context Rasa gives a component in a graph."""
    return ExecutionContext(GraphSchema({}), "test")
