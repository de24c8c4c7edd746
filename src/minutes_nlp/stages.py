"""The stages of the pipeline by name: each takes the text layer and the record so far, and returns the record.

The order they run in is the spaCy config (``models/pipeline/config.cfg``); ``extract`` in
``pipeline.py`` runs them through that pipeline.
"""

from __future__ import annotations

from collections.abc import Callable

from .actions import find_actions
from .attendance import find_attendance
from .contacts import find_contacts
from .entities import find_dates, find_organisations, find_places
from .events import find_events
from .meeting import find_meeting
from .people import find_people
from .quantities import find_quantities
from .records import Document, PageRef
from .sections import find_sections
from .textlayer import TextLayer

Stage = Callable[[TextLayer, Document], Document]

STAGES: dict[str, Stage] = {
    "meeting": find_meeting,
    "sections": find_sections,
    "attendance": find_attendance,
    "people": find_people,
    "contacts": find_contacts,
    "dates": find_dates,
    "organisations": find_organisations,
    "places": find_places,
    "events": find_events,
    "quantities": find_quantities,
    "actions": find_actions,
}


def start_document(layer: TextLayer) -> Document:
    pages = [
        PageRef(number=p.number, width=p.width, height=p.height, image_only=p.image_only, removed=p.removed)
        for p in layer.pages
    ]
    return Document(source=layer.path, producer=layer.producer, pages=pages, warnings=list(layer.warnings))
