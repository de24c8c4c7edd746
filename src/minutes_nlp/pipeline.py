"""The pipeline: PDF → text layer → the stages of ``models/pipeline/config.cfg`` → a Document.

``extract`` runs the stages directly, so a command-line run does not pay for importing spaCy;
:func:`minutes_nlp.load_pipeline` runs the very same stages as spaCy components.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .records import Document
from .stages import run_stages
from .text import build as read_text
from .textlayer import TextLayer


def extract(path: str | Path, progress: Callable[[int, int], None] | None = None) -> Document:
    """Read one minutes PDF into a :class:`Document`. Raises :class:`MinutesError` for unreadable files."""
    layer = read_text(path, progress=progress)
    return records_of(layer)


def records_of(layer: TextLayer) -> Document:
    """Run the stages (meeting, sections, attendance, entities …) over a text layer."""
    return run_stages(layer)


def extract_many(paths: Iterable[str | Path]) -> Iterator[Document]:
    """Several PDFs, one after the other; unreadable files raise as in :func:`extract`."""
    for path in paths:
        yield extract(path)
