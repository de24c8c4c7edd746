"""Action items: tasks with someone responsible and perhaps a due date.

Found where minutes state them — action tables ("Punkt | Vad | Ansvar | Klart senast"), lists under
an action heading ("Att göra"), delegations in decisions ("uppdra åt kommundirektören att …") and
dated commitments in a report ("Inbjudan skickas ut nästa vecka"). The wording is data
(``models/lang/sv/actions.json``).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from .entities import section_id_at
from .records import ActionItem, Document, Section
from .registry import default_registry
from .resources import load_json
from .temporal import find_times
from .textlayer import TextLayer

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")


@cache
def _data() -> dict:
    d = load_json("lang", "sv", "actions.json")
    return {
        **d,
        "delegation_res": [re.compile(p, re.IGNORECASE) for p in d["delegations"]],
        "commitment_re": re.compile("|".join(d["commitments"]), re.IGNORECASE),
        "name_task_re": re.compile(d["name_task_separator"]),
    }


def _column(header: str, names: list[str]) -> bool:
    return any(header.lower().startswith(n) for n in names)


def due_spans(layer: TextLayer) -> list[tuple[int, int]]:
    """Where the minutes write when a task is due: the cells of an action table's due column ("Klart senast",
    "När") and a "Datum:" / "Klart:" line right after an "Ansvar:" line. A date there is a deadline."""
    d = _data()
    out: list[tuple[int, int]] = []
    due: int | None = None
    previous = ""
    for line in layer.lines:
        if line.kind == "table_row":
            cells = line.text.split(" | ")
            if any(_column(c.strip(), d["task_columns"]) for c in cells) and any(
                _column(c.strip(), d["responsible_columns"]) for c in cells
            ):
                due = next((i for i, c in enumerate(cells) if _column(c.strip(), d["due_columns"])), None)
            elif due is not None and due < len(cells):
                at = line.start + sum(len(c) + 3 for c in cells[:due])
                out.append((at, at + len(cells[due])))
        else:
            due = None
            if _DUE_LABEL.match(line.text) and "ansvar" in previous.lower():
                out.append((line.start, line.end))
        previous = line.text
    return out


_DUE_LABEL = re.compile(r"^\s*(?:-\s+)?(?:datum|klart|klar|deadline|när)\s*:", re.IGNORECASE)


def find_actions(layer: TextLayer, doc: Document) -> Document:
    items: list[ActionItem] = []
    items += _from_tables(layer, doc)
    for section in doc.sections:
        items += _from_section(section, doc)
    doc.action_items = _dedupe(items)
    return doc


def _from_tables(layer: TextLayer, doc: Document) -> list[ActionItem]:
    d = _data()
    out = []
    columns: dict[str, int] | None = None
    for line in layer.lines:
        if line.kind != "table_row":
            columns = None  # a table ends where its rows do
            continue
        cells = [c.strip() for c in line.text.split(" | ")]
        header = {
            "task": next((i for i, c in enumerate(cells) if _column(c, d["task_columns"])), None),
            "who": next((i for i, c in enumerate(cells) if _column(c, d["responsible_columns"])), None),
            "due": next((i for i, c in enumerate(cells) if _column(c, d["due_columns"])), None),
        }
        if header["task"] is not None and header["who"] is not None:
            columns = {k: v for k, v in header.items() if v is not None}
            continue
        if columns is None or len(cells) <= max(columns.values()):
            continue
        due = _due(cells[columns["due"]], doc) if "due" in columns else None
        out.append(
            ActionItem(
                text=cells[columns["task"]],
                responsible=_responsible(cells[columns["who"]], doc),
                due=due,
                section_id=section_id_at(doc, line.start),
                page=line.page,
            )
        )
    return out


def _from_section(section: Section, doc: Document) -> list[ActionItem]:
    d = _data()
    out = []
    body = section.text.split("\n")[1:]
    is_action_list = any(
        section.title.lower().lstrip("0123456789).§ ").startswith(h) for h in d["action_headings"]
    )
    for raw in body:
        line = re.sub(r"^\s*(?:-|\d{1,2}[.)]|[a-z][.)])\s+", "", raw).strip()
        if not line or " | " in line:
            continue
        for pattern in d["delegation_res"]:
            m = pattern.search(line)
            if m:
                task = m.group("task").strip()
                out.append(_item(task, m.group("who"), section, doc))
                break
        else:
            if is_action_list:
                out.append(_list_item(line, section, doc))
            elif section.kind == "organisation":
                out += _commitments(line, section, doc)
    return [a for a in out if a is not None]


def _list_item(line: str, section: Section, doc: Document) -> ActionItem | None:
    m = _data()["name_task_re"].match(line)
    if m and _responsible(m.group("who"), doc, strict=True):
        return _item(_predicate(m.group("task")), m.group("who"), section, doc, due_from=m.group("task"))
    # "Emma skickar protokollet …": the subject is the one responsible
    subject, _, rest = line.partition(" ")
    if rest and _responsible(subject, doc, strict=True):
        return _item(_predicate(rest), subject, section, doc, due_from=rest)
    return None


def _commitments(line: str, section: Section, doc: Document) -> list[ActionItem | None]:
    """Sentences of a report in which someone promises something by a date."""
    d = _data()
    out = []
    for sentence in _SENTENCE.split(line):
        if not d["commitment_re"].search(sentence):
            continue
        times = [t for t in find_times(sentence, doc.meeting.date) if t.value_end or t.kind == "relative"]
        if not times:
            continue
        subject, _, rest = sentence.partition(" ")
        who = _responsible(subject, doc, strict=True)
        if who is None and subject.lower() in d["subject_pronouns"]:
            who = section.people[0] if section.people else section.organisation
        if who is None:
            continue
        out.append(_item(_predicate(rest), who, section, doc, due_from=sentence))
    return out


def _predicate(rest: str) -> str:
    """ "kommer att redovisa utfallet …" → "redovisa utfallet …"; "återkommer med …" → "återkomma med …"."""
    d = _data()
    low = rest.lower()
    for aux in d["auxiliaries"]:
        if low.startswith(aux + " "):
            return rest[len(aux) + 1 :]
    verb, _, tail = rest.partition(" ")
    infinitive = d["infinitives"].get(verb.lower())
    if infinitive is None:
        for suffix, replacement in d["infinitive_suffixes"]:
            if verb.lower().endswith(suffix) and len(verb) > len(suffix) + 2:
                infinitive = verb[: -len(suffix)] + replacement
                break
    return f"{infinitive or verb} {tail}".strip()


def _item(
    task: str, who: str | None, section: Section, doc: Document, due_from: str | None = None
) -> ActionItem | None:
    task = re.sub(r"^att\s+", "", task.strip()).rstrip(".")
    responsible = _responsible(re.sub(r"^att\s+", "", who), doc) if who else None
    if len(task) < 8 or responsible is None:
        return None  # a task with no one responsible is not an action item
    return ActionItem(
        text=task[:1].upper() + task[1:],
        responsible=responsible,
        due=_due(due_from or task, doc),
        section_id=section.id,
        page=section.page_start,
    )


def _due(text: str, doc: Document) -> dt.date | None:
    """The deadline the text names, else the end of the date or period it names."""
    times = find_times(text, doc.meeting.date, next_meeting=_next_meeting(doc))
    for kinds in (("deadline",), ("date", "range", "week", "month", "holiday", "relative", "season")):
        for t in times:
            if t.kind in kinds and (t.value_end or t.value_start):
                return t.value_end or t.value_start
    return None


def _next_meeting(doc: Document) -> dt.date | None:
    return doc.meeting.next_meeting


def _responsible(who: str | None, doc: Document, strict: bool = False) -> str | None:
    """A person's full name, an organisation's canonical name, or (unless ``strict``) the text as written."""
    if not who:
        return None
    who = who.strip(" .,:")
    lowered = who.lower()
    for person in doc.people:
        if lowered in (person.name.lower(), person.name.split()[0].lower()):
            return person.name
    # "kommundirektören" → whoever attends in that role
    for a in doc.attendance:
        if a.role and lowered.rstrip("n").rstrip("e") == a.role.lower().rstrip("e"):
            return a.name
    match = default_registry().resolve(who, county=doc.meeting.county)
    if match:
        return match.name
    return None if strict else who


def _dedupe(items: list[ActionItem]) -> list[ActionItem]:
    seen: set[tuple[str, str | None]] = set()
    out = []
    for a in items:
        key = (a.text.lower(), a.responsible)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out
