"""Locate the shipped pipeline data (``models/``) in an installed or a source tree."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent


@cache
def models_dir() -> Path:
    """The ``models`` folder: inside the installed package, else at the top of a source checkout."""
    for candidate in (_HERE / "models", _HERE.parents[1] / "models"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        "minutes-nlp's data folder 'models' is missing: reinstall the package (pip install minutes-nlp)"
    )


def data_path(*parts: str) -> Path:
    return models_dir().joinpath(*parts)


@cache
def load_json(*parts: str) -> Any:
    """Load a JSON data file from ``models/`` once per process."""
    with data_path(*parts).open(encoding="utf-8") as fh:
        return json.load(fh)
