from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MINUTES_NLP_SHARED", ROOT.parent / "shared"))
REAL = SHARED / "real"


def real_pdfs() -> list[Path]:
    return sorted(REAL.rglob("*.pdf")) if REAL.is_dir() else []


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(
            f"../shared is not here ({SHARED}): the real documents are only on the project's machines"
        )
    return SHARED
