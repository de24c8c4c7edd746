"""Bodies renamed or merged since the minutes were written: each named as it was on the meeting day.

Minutes of November 2018 name Västerbottens läns landsting and Region Västerbotten as two bodies; minutes of
2024 that still write "landstinget" mean the region. The registry records when a name ended (``until``) and
who took it over (``succeeded_by``); resolution gives the name as written, and this stage, once everything is
found, turns a name that had ended by the meeting day into its successor's.
"""

from __future__ import annotations

from .records import Document, Organisation
from .registry import default_registry
from .textlayer import TextLayer

__all__ = ["names_of_the_day"]


def names_of_the_day(layer: TextLayer, doc: Document) -> Document:
    reg = default_registry()
    day = doc.meeting.date

    def now(name: str | None) -> str | None:
        return reg.name_on(name, day) if name else name

    doc.meeting.host = now(doc.meeting.host)
    for sec in doc.sections:
        sec.organisation = now(sec.organisation)
    for a in doc.attendance:
        a.organisation = now(a.organisation)
    for p in doc.people:
        p.organisations = list(dict.fromkeys(now(o) or o for o in p.organisations))
    for e in doc.events:
        e.organisation = now(e.organisation)
    for item in doc.action_items:
        item.responsible = now(item.responsible)
    for m in doc.mentions:
        if m.label == "ORG":
            m.value = now(m.value)
    # the old name, as written, is one more way the minutes name its successor
    merged: dict[str, Organisation] = {}
    for o in doc.organisations:
        name = now(o.name) or o.name
        into = merged.setdefault(name, Organisation(name=name))
        for alias in (o.name, *o.aliases):
            if alias != name and alias not in into.aliases:
                into.aliases.append(alias)
    doc.organisations = list(merged.values())
    return doc
