"""Fixtures shared by every test area."""

from __future__ import annotations

from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"


@pytest.fixture(scope="session")
def shared_eval() -> Path:
    """../shared/eval when present; tests that read it skip cleanly otherwise."""
    path = SHARED / "eval"
    if not path.is_dir():
        pytest.skip("../shared/eval is not present")
    return path


@pytest.fixture(scope="session")
def user_example() -> Path:
    """The user's own example article (../shared/examples)."""
    path = SHARED / "examples" / "aleppo-kerry-2016-10-07.txt"
    if not path.is_file():
        pytest.skip("../shared/examples is not present")
    return path
