"""The stages of the pipeline by name: each takes the text layer and the record so far, and returns the record.

The order they run in is the pipeline config (``models/pipeline/config.cfg``), which is also the
spaCy config of :func:`minutes_nlp.load_pipeline`: both routes run the same stages in the same order.
"""

from __future__ import annotations

import configparser
import json
from collections.abc import Callable
from functools import cache

from .actions import find_actions
from .attendance import find_attendance
from .contacts import find_contacts
from .entities import find_dates, find_organisations, find_places
from .events import find_events
from .meeting import find_meeting
from .people import find_people
from .quantities import find_quantities
from .records import Document, PageRef
from .renamed import names_of_the_day
from .resources import data_path
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
    "renamed": names_of_the_day,
}


def start_document(layer: TextLayer) -> Document:
    pages = [
        PageRef(number=p.number, width=p.width, height=p.height, image_only=p.image_only, removed=p.removed)
        for p in layer.pages
    ]
    return Document(source=layer.path, producer=layer.producer, pages=pages, warnings=list(layer.warnings))


@cache
def stage_order() -> tuple[str, ...]:
    """The stages named by the pipeline config, in order (spaCy's config format is INI with JSON values)."""
    config = configparser.ConfigParser(interpolation=None)
    config.read(data_path("pipeline", "config.cfg"), encoding="utf-8")
    order = []
    for component in json.loads(config["nlp"]["pipeline"]):
        section = config[f"components.{component}"]
        if "stage" in section:
            order.append(json.loads(section["stage"]))
    return tuple(order)


def run_stages(layer: TextLayer) -> Document:
    """Every stage over the layer, in the configured order."""
    doc = start_document(layer)
    for name in stage_order():
        doc = STAGES[name](layer, doc)
    return doc
