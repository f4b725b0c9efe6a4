"""Shared test fixtures: the ../shared data folder, temporary stores."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("STORYLINE_SHARED", PROJECT.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """Path under ../shared; skips the test when absent, fails when STORYLINE_REQUIRE_SHARED=1."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("STORYLINE_REQUIRE_SHARED") == "1":
            pytest.fail(f"shared data missing: {path}")
        pytest.skip(f"shared data missing: {path}")
    return path


@pytest.fixture
def shared():
    return shared_path
