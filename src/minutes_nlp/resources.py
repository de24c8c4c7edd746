"""Locate the shipped pipeline data (``models/``) in an installed or a source tree, and turn its word lists
into patterns."""

from __future__ import annotations

import json
import re
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


def alternation(forms: list[str], space: str = r"\s+") -> str:
    """A regex alternation of a data list, longest form first so that "vice ordförande" wins over
    "ordförande"; a space inside a form matches ``space``."""
    return "|".join(space.join(map(re.escape, f.split())) for f in sorted(set(forms), key=len, reverse=True))
