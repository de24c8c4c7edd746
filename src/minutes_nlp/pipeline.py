"""The pipeline, top to bottom: PDF → text layer → records. Each stage takes and returns records."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .attendance import find_attendance
from .contacts import find_contacts
from .meeting import find_meeting
from .records import Document, PageRef
from .sections import find_sections
from .text import build as read_text
from .textlayer import TextLayer


def extract(path: str | Path, progress: Callable[[int, int], None] | None = None) -> Document:
    """Read one minutes PDF into a :class:`Document`. Raises :class:`MinutesError` for unreadable files."""
    layer = read_text(path, progress=progress)
    doc = start_document(layer)
    doc = find_meeting(layer, doc)
    doc = find_sections(layer, doc)
    doc = find_attendance(layer, doc)
    doc = find_contacts(layer, doc)
    return doc


def start_document(layer: TextLayer) -> Document:
    pages = [
        PageRef(number=p.number, width=p.width, height=p.height, image_only=p.image_only, removed=p.removed)
        for p in layer.pages
    ]
    return Document(source=layer.path, producer=layer.producer, pages=pages, warnings=list(layer.warnings))
