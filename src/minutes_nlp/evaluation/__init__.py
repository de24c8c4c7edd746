"""Extraction quality, measured against hand-made gold records (see docs/evaluation.md).

>>> from minutes_nlp.evaluation import evaluate_dir, render_table
>>> print(render_table(evaluate_dir("corpus/gold")))
"""

from __future__ import annotations

from typing import Any

# The CLI imports this package on every start; the scoring code (and rapidfuzz) loads on first use.
_EXPORTS = {
    "Counts": "score",
    "DocResult": "score",
    "Report": "score",
    "evaluate_dir": "score",
    "evaluate_document": "score",
    "score_document": "score",
    "render_json": "report",
    "render_table": "report",
    "report_dict": "report",
    "TYPES": "rules",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
