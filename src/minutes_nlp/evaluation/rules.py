"""What must agree, per record type, for a predicted record to count as the gold one.

Each scorer returns None when the pair may not be matched, else a score (higher is a better
partner) that the one-to-one matching uses to choose among candidates. Gold and predictions are
both plain JSON-shaped dicts here; :func:`as_gold_shape` brings a Document into that shape.
"""

from __future__ import annotations

from typing import Any

from ..records import RECORD_TYPES, Document
from .match import (
    NAME_THRESHOLD,
    TEXT_THRESHOLD,
    as_date,
    contact_key,
    name_contained,
    name_score,
    name_sets_match,
    names_match,
    optional_names_match,
    optional_org_names_match,
    org_names_match,
    same_number,
    text_score,
)

TYPES = RECORD_TYPES


def as_gold_shape(doc: Document) -> dict[str, Any]:
    """The Document as the gold files spell it: parent titles instead of ids, names as strings."""
    data = doc.model_dump(mode="json")
    titles = {s["id"]: s["title"] for s in data["sections"]}
    for s in data["sections"]:
        s["parent"] = titles.get(s.pop("parent_id", None) or "")
    # Organisations keep their aliases: a gold name may be any one of them.
    data["places"] = [p["name"] for p in data["places"]]
    return data


def _name_of(item: Any) -> str | None:
    """Gold spells places (and may spell people) as plain strings, predictions as {name, ...}."""
    return item.get("name") if isinstance(item, dict) else item


def _names(item: Any) -> list[str]:
    """An organisation's names: a gold string, or a predicted {name, aliases}."""
    if isinstance(item, dict):
        return [n for n in [item.get("name"), *(item.get("aliases") or [])] if n]
    return [item] if item else []


def _org_key(section: dict) -> str | None:
    return section.get("organisation") or section.get("organisation_as_written")


def _name_pair(g: str | None, p: str | None) -> float | None:
    s = name_score(g, p)
    return s if s >= NAME_THRESHOLD else None


def section_score(g: dict, p: dict) -> float | None:
    if g.get("kind") != p.get("kind") or not optional_org_names_match(_org_key(g), _org_key(p)):
        return None
    if g.get("kind") == "organisation":
        if not name_sets_match(g.get("people") or [], p.get("people") or []):
            return None
    elif not names_match(g.get("title"), p.get("title")):
        return None
    return name_score(g.get("title"), p.get("title"))


def attendance_score(g: dict, p: dict) -> float | None:
    if g.get("status", "present") != p.get("status", "present"):
        return None
    if g.get("organisation") and not org_names_match(g["organisation"], p.get("organisation")):
        return None
    return _name_pair(g.get("name"), p.get("name"))


def person_score(g: dict, p: dict) -> float | None:
    return _name_pair(_name_of(g), _name_of(p))


def organisation_score(g: Any, p: Any) -> float | None:
    best = max((name_score(a, b) for a in _names(g) for b in _names(p)), default=0.0)
    if best < NAME_THRESHOLD and any(org_names_match(a, b) for a in _names(g) for b in _names(p)):
        best = NAME_THRESHOLD  # the same body, one name with its legal form ('Renova' / 'Renova AB')
    return best if best >= NAME_THRESHOLD else None


def place_score(g: Any, p: Any) -> float | None:
    return _name_pair(_name_of(g), _name_of(p))


def date_score(g: dict, p: dict) -> float | None:
    if as_date(g.get("start")) != as_date(p.get("start")) or as_date(g.get("end")) != as_date(p.get("end")):
        return None
    return name_score(g.get("text"), p.get("text"))


def event_score(g: dict, p: dict) -> float | None:
    """Same start date, and names that match or where one is the other with less said: annotators and
    minutes name one happening "Näringslivsvecka", "Sundsvalls näringslivsvecka", "Möte i Näringslivsrådet"."""
    if as_date(g.get("start")) != as_date(p.get("start")):
        return None
    score = name_score(g.get("name"), p.get("name"))
    if score >= NAME_THRESHOLD or name_contained(g.get("name"), p.get("name")):
        return score
    return None


def quantity_score(g: dict, p: dict) -> float | None:
    if not same_number(g.get("value"), p.get("value")):
        return None
    if g.get("unit") and not names_match(g["unit"], p.get("unit")):
        return None
    return name_score(g.get("text"), p.get("text"))


def contact_score(g: str, p: str) -> float | None:
    return 100.0 if contact_key(g) and contact_key(g) == contact_key(p) else None


def action_score(g: dict, p: dict) -> float | None:
    if not optional_names_match(g.get("responsible"), p.get("responsible")):
        return None
    s = text_score(g.get("text"), p.get("text"))
    return s if s >= TEXT_THRESHOLD else None


SCORERS = {
    "sections": section_score,
    "attendance": attendance_score,
    "people": person_score,
    "organisations": organisation_score,
    "places": place_score,
    "dates": date_score,
    "events": event_score,
    "quantities": quantity_score,
    "emails": contact_score,
    "urls": contact_score,
    "action_items": action_score,
}


def orgs_linked(gold_person: dict, pred_person: dict) -> bool | None:
    """Are the gold person's organisations all among the predicted ones? None when gold has none."""
    if not isinstance(gold_person, dict) or not isinstance(pred_person, dict):
        return None
    gold_orgs = [o for o in gold_person.get("organisations") or [] if o]
    if not gold_orgs:
        return None
    pred_orgs = pred_person.get("organisations") or []
    return all(any(org_names_match(g, p) for p in pred_orgs) for g in gold_orgs)


def parent_agrees(gold_section: dict, pred_section: dict) -> bool:
    return optional_names_match(gold_section.get("parent"), pred_section.get("parent"))
