"""Who attended: attendance lists in their common layouts, and the representatives named in section headings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .names import is_first_name, looks_like_person, person_pattern, role_in
from .records import Attendance, Document
from .registry import default_registry
from .resources import load_json
from .textlayer import TextLayer

Status = str

_PAREN = re.compile(r"\(([^()]*)\)")
_ENTRY_SPLIT = re.compile(r"\s+[–—-]\s+|;\s*|\s{3,}")


@cache
def _headers() -> list[tuple[str, re.Pattern[str]]]:
    d = load_json("lang", "sv", "structure.json")
    return [(r["status"], re.compile(r["pattern"], re.IGNORECASE)) for r in d["attendance_headers"]]


# 'från Region Gotland:' names the organisation; 'från bolaget:', 'från kansliet:' are the host's own people
_FROM_LABEL = re.compile(
    r"^(?P<label>\w+(?: \w+)?)\s+(?i:från)\s+(?P<org>[A-ZÅÄÖ][^:]{1,80}):\s*(?P<rest>.*)$"
)


def _header(line: str) -> tuple[Status, str, str] | None:
    """(status, header word, rest of the line) when ``line`` opens an attendance list."""
    stripped = re.sub(r"^\s*-\s+", "", line).strip()
    if (m := _FROM_LABEL.match(stripped)) and (opened := _header(m.group("label") + ":")):
        # "Närvarande från Länsstyrelsen Gotlands län: Tomas Klintberg": the label says whose they are
        return opened[0], opened[1], f"Från {m.group('org')}: {m.group('rest')}"
    for status, pattern in _headers():
        m = pattern.match(stripped)
        if not m:
            continue
        head = m.group(0)
        rest = stripped[m.end() :].strip()
        # "Närvarande" opens a list only as a label: with a colon, or alone on its line.
        if not head.rstrip().endswith(":") and rest and not rest.startswith(":"):
            continue
        return status, head.rstrip(": ").strip(), rest.lstrip(": ").strip()
    return None


def _split_items(text: str, county: str | None = None) -> list[str]:
    """Split at commas, semicolons, "samt"/"och" and sentence stops — never inside parentheses, nor inside
    an organisation's name ("Sveriges Kommuner och Regioner")."""
    names = [(s, e) for s, e, _ in default_registry().find_in_text(text, county=county)]
    items, depth, current = [], 0, []
    i = 0
    while i < len(text):
        ch = text[i]
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if depth == 0 and not any(s < i < e for s, e in names):
            m = _ITEM_BREAK.match(text, i)
            if m:
                items.append("".join(current))
                current = []
                i = m.end()
                continue
        current.append(ch)
        i += 1
    items.append("".join(current))
    return [it.strip(" .") for it in items if it.strip(" .")]


def _names_a_group(head: str) -> bool:
    """Can the text before a colon be an organisation the registry does not know ('Saxån-Braåns vattenråd'),
    not a label ('Ordförande', 'Från kansliet') or a person?"""
    words = head.split()
    return (
        0 < len(words) <= 6
        and head[:1].isupper()
        and not role_in(head)
        and not (looks_like_person(head) and is_first_name(words[0]))
        and _header(head + ":") is None
    )


def _semicolon_segments(text: str) -> list[str]:
    """The parts of ``text`` between semicolons outside brackets."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch == ";" and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip(" .")]


# not at "och" after a hyphen: 'Sydsvenska Industri- och Handelskammaren' is one name
_ITEM_BREAK = re.compile(r"\s*[,;]\s*|(?<!-)\s+(?:samt|och)\s+|\.\s+(?=[A-ZÅÄÖ])")


@cache
def _substitute_phrase() -> re.Pattern[str]:
    return re.compile(
        # "Karin Malm (S) för Omar Hassan (S)" under "Tjänstgörande ersättare": a person for a person
        rf"^(?P<som>som\s+)?(?:(?P<role>(?:(?:tjänstgörande|tjg\.?)\s+)?(?:ersättare|ersätter|ers\.|vikarie)|i\s+stället|istället)"
        rf"\s+(?:för\s+)?|för\s+)(?P<absent>{person_pattern()})",
        re.IGNORECASE,
    )


def parse_entry(
    text: str,
    status: Status,
    role: str | None = None,
    county: str | None = None,
    default_org: str | None = None,
) -> list[Attendance]:
    """One entry of a list: "Name, Org", "Org: Name, Name", "Name (Org)", "Name (S), ordförande", "A, B, Digg".

    An organisation named after people belongs to those of them that have none yet.
    """
    registry = default_registry()
    text = _LIST_MARK.sub("", text).strip(" .,;")
    segments = _semicolon_segments(text)
    if len(segments) > 1:
        # "Susanna Forsberg, verksamhetsledare; Cecilia Ahl, Länsstyrelsen Stockholm": a semicolon ends one
        # person's entry (or one organisation's group), so what the next names says nothing of this one
        return [a for seg in segments for a in parse_entry(seg, status, role, county, default_org)]
    head_org = None
    if ":" in text:
        head, _, tail = text.partition(":")
        head = head.strip()
        match = registry.resolve(head, county=county)
        if match:
            head_org, text = match.name, tail
        elif _names_a_group(head) and any(
            looks_like_person(_PAREN.sub(" ", i).strip()) for i in _split_items(tail)
        ):
            head_org, text = head, tail  # "Saxån-Braåns vattenråd: Gunnel Mårtensdotter": kept as written
    people: list[dict] = []
    waiting: list[dict] = []  # people still without an organisation
    items = _split_items(text, county)
    for n, item in enumerate(items):
        inner = [p.strip() for p in _PAREN.findall(item)]
        base = _PAREN.sub(" ", item).strip(" ,")
        # "Elvira Nyberg, Volvo Lastvagnar": after a person still without organisation or party, two
        # capitalised words that start with no known first name are the organisation
        after_bare = people and people[-1]["organisation"] is None and people[-1]["party"] is None
        trailing = _trailing_role(base)
        if trailing:
            base = trailing[0]
        # ... unless more people follow: 'Martin Ekeland, Ayla Korkmaz, Per-Olof Hamrin' is a list of people
        body_here = after_bare and _names_a_body(base) and not _people_follow(items, n)
        if looks_like_person(base) and not body_here:
            person = {
                "name": base,
                "organisation": head_org,
                "role": None,
                "status": status,
                "substitute_for": None,
                "party": None,
            }
            for part in inner:
                # "Rasmus Hägg (i stället för Marika Lindfors)", "Emir Kovačević (Region Uppsala, ersättare för X)"
                pieces = [q.strip() for q in part.split(",")]
                subs = [(q, m) for q in pieces if (m := _substitute_phrase().match(q))]
                if subs:
                    sub = subs[0][1]
                    person.update(
                        status="substitute", substitute_for=sub.group("absent"), role=_sub_role(sub)
                    )
                    part = ", ".join(q for q in pieces if q != subs[0][0])
                    if not part:
                        continue
                _describe(person, part, county)
            if trailing:
                # "Kerstin Hellgren (S) ordförande", "Sebastian Nord (V) tjänstgörande ersättare för Hanna Blixt"
                if sub := _substitute_phrase().match(trailing[1]):
                    person.update(
                        status="substitute", substitute_for=sub.group("absent"), role=_sub_role(sub)
                    )
                else:
                    person["role"] = role_in(trailing[1])
            people.append(person)
            if person["organisation"] is None:
                waiting.append(person)
            continue
        if party := _party(base, county):
            if people and people[-1]["party"] is None:
                people[-1]["party"] = party
            continue  # the member's party is not the organisation they attend for
        for part in inner:
            # "Ebba Wahlqvist, SGU (ersättare för Erik Hallgren)": the bracket after the organisation
            if people and (sub := _substitute_phrase().match(part)):
                people[-1].update(
                    status="substitute", substitute_for=sub.group("absent"), role=_sub_role(sub)
                )
        named_inside = [p for p in inner if looks_like_person(p)]
        if named_inside and (match := registry.resolve(base, county=county)):
            # "Sölvesborgs kommun (Emelie Kraft)": the organisation, then its person in brackets
            for name in named_inside:
                people.append(
                    {
                        "name": name,
                        "organisation": match.name,
                        "role": None,
                        "status": status,
                        "substitute_for": None,
                        "party": None,
                    }
                )
            continue
        if not people:
            # "Företagarna, Jenny Östlund": an organisation named first belongs to who follows.
            match = registry.resolve(base, county=county)
            if match:
                head_org = match.name
            elif base[:1].isupper() and len(base.split()) <= 4 and not role_in(base):
                head_org = base
            continue
        last = people[-1]
        sub = _substitute_phrase().match(base)
        if sub:
            last.update(status="substitute", substitute_for=sub.group("absent"), role=_sub_role(sub))
            continue
        found_role = role_in(base)
        match = registry.resolve(base, county=county)
        if match is None and found_role:
            # "konsult Digg", "analytiker RJH"
            rest = re.sub(re.escape(found_role), "", base, flags=re.IGNORECASE).strip()
            match = registry.resolve(rest, county=county) if rest else None
        if found_role and last["role"] is None:
            last["role"] = found_role
        org = match.name if match else None
        if (
            org is None
            and not found_role
            and base[:1].isupper()
            and len(base.split()) <= 4
            and not _NUMBERED.match(base)
        ):
            org = base  # an organisation the registry does not know, kept as written
        if org:
            for person in waiting:
                person["organisation"] = org
            waiting = []
    out = []
    for p in people:
        p["role"] = p["role"] or role
        p["organisation"] = p["organisation"] or default_org
        out.append(Attendance(**p))
        if p["substitute_for"]:
            # whom a substitute stands in for is away
            out.append(Attendance(name=p["substitute_for"], organisation=p["organisation"], status="absent"))
    return out


def _sub_role(sub: re.Match[str]) -> str | None:
    """ "tjänstgörande ersättare för X" is an office; "(som) ersättare för X", "i stället för X" only say who
    stands in."""
    role = (sub.group("role") or "").lower()
    return role if not sub.group("som") and role.startswith("tjänstgörande") else None


_NUMBERED = re.compile(r"^§|\d")
_LIST_MARK = re.compile(r"^\s*(?:-|\d{1,2}[.)]|[a-z][.)])\s+")


def _trailing_role(base: str) -> tuple[str, str] | None:
    """ "Kerstin Hellgren  ordförande" → ("Kerstin Hellgren", "ordförande") when the tail names a role."""
    m = _acting()["name_then_rest"].match(base)
    if not m or not looks_like_person(m.group("person")):
        return None
    # "Elif Demir (S) i stället för Christer Ohlin (S)" with its brackets taken out
    if role_in(m.group("rest")) or _substitute_phrase().match(m.group("rest")):
        return m.group("person"), m.group("rest")
    return None


def _people_follow(items: list[str], n: int) -> bool:
    """Does the next item of the list read like a person whose first name is known?"""
    if n + 1 >= len(items):
        return False
    nxt = _PAREN.sub(" ", items[n + 1]).strip(" ,")
    return looks_like_person(nxt) and is_first_name(nxt.split()[0])


def _names_a_body(text: str) -> bool:
    """After a person in the same entry, two capitalised words that start with no known first name
    ("Volvo Lastvagnar", "Komatsu Forest") are the organisation, not a second person."""
    from .people import first_names, surnames  # the name lists load with the people stage

    words = text.split()
    if words[0] in first_names():
        return False
    # 'Mirja Kallioinen', 'Sibel Yıldız': a first name the lists lack, but a surname's shape or a known surname
    last = words[-1]
    return not (last in surnames() or _SURNAME_END.search(last))


_SURNAME_END = re.compile(
    r"(?:sson|son|sen|nen|berg|ström|strom|lund|qvist|kvist|gren|gård|holm|dahl|stedt|blad|ling|ius|er|ez|ić|ov|ova|ski|ska)$"
)


def _party(text: str, county: str | None) -> str | None:
    """The party a short field names ("S", "KD", "Centerpartiet"), or None."""
    match = default_registry().resolve(text, county=county)
    return match.name if match is not None and match.kind == "party" else None


def _describe(person: dict, part: str, county: str | None) -> None:
    """What a parenthesis after a name says: a party, an organisation, a role or a remark."""
    if party := _party(part, county):
        person["party"] = person["party"] or party
        return
    match = default_registry().resolve(part, county=county)
    if match:
        person["organisation"] = match.name
        return
    roles = [r for piece in part.split(",") if (r := role_in(piece))]
    if roles:
        person["role"] = person["role"] or roles[0]
    elif part[:1].isupper() and len(part.split()) <= 4 and person["organisation"] is None:
        person["organisation"] = part  # "(Företagarna Västerbotten)": an organisation the registry lacks


_GROUP_LABEL = re.compile(r"(?:^|(?<=[.;]\s))\s*(?P<from>[Ff]rån\s+)?(?P<org>[A-ZÅÄÖ][^:.;,()]{1,60}?):\s+")


def _organisation_groups(line: str, county: str | None) -> list[tuple[str | None, str]]:
    """ "Från Polisen: A, B. Från Umeå kommun: C, D." → one group per organisation label, in order.

    A label is "Från X:" or an organisation the registry knows; without two labels or a "Från", the line is one
    group (parse_entry reads a single "Org: A, B" itself)."""
    labels = []
    for m in _GROUP_LABEL.finditer(line):
        match = default_registry().resolve(m.group("org").strip(), county=county)
        if match or m.group("from"):
            labels.append((m, match.name if match else m.group("org").strip()))
    if not labels or (len(labels) == 1 and not labels[0][0].group("from")):
        return [(None, line)]
    groups: list[tuple[str | None, str]] = []
    if head := line[: labels[0][0].start()].strip(" .;"):
        groups.append((None, head))
    for n, (m, org) in enumerate(labels):
        end = labels[n + 1][0].start() if n + 1 < len(labels) else len(line)
        groups.append((org, line[m.end() : end].strip(" .;")))
    return groups


def _organisation_item(line: str, county: str | None, *, over_items: bool = False) -> str | None:
    """An item that names an organisation and nobody ("- Volvo CE", "- Mälardalens universitet (MDU)"):
    the people listed under it are its."""
    text = _PAREN.sub(" ", _LIST_MARK.sub("", line.strip())).strip(" .,;:")
    if not text or any(c in text for c in ",:;") or len(text.split()) > 6:
        return None

    # a line of its own over list items may be a body that reads like a name ('Västerås Stadsmission') when it
    # begins with no first name; elsewhere a line that reads like a name is a person ('Zeynep Aydın (S)')
    def person(name: str) -> bool:
        return looks_like_person(name) and (not over_items or is_first_name(name.split()[0]))

    if person(text) and not _registry_knows(text, county):
        return None
    if any(person(m.group(0)) for m in _acting()["person_anywhere"].finditer(text)):
        return None  # "Myndigheten för yrkeshögskolan Camilla Rydberg": a person is in it
    match = default_registry().resolve(text, county=county)
    if match is not None and match.kind != "party":
        return match.name
    words = text.split()
    proper = sum(w[:1].isupper() for w in words) >= 2 or any(len(w) >= 2 and w.isupper() for w in words)
    # 'Mälardalens brand- och räddningsförbund': a capitalised word and what kind of body it is
    kind = text[:1].isupper() and re.search(
        r"(?:förbund|förening|bolag|stiftelse|nämnd|förvaltning)(?:et|en)?$", text
    )
    return text if (proper or kind) and not role_in(text) else None


def _registry_knows(text: str, county: str | None) -> bool:
    return default_registry().resolve(text, county=county) is not None


def _entries(rest: str) -> list[str]:
    """Split an inline list: "Org, Name - Org, Name" or "Name, Name och Name"."""
    if _ENTRY_SPLIT.search(rest):
        return [e for e in _ENTRY_SPLIT.split(rest) if e.strip()]
    return [rest]


@dataclass(frozen=True, slots=True)
class AttendanceList:
    """A labelled list ("Närvarande:", "Frånvarande denna gång: …") and where it stands in the text."""

    status: Status
    role: str | None  # "Justerare: …" names the role of everyone listed
    inline: bool  # entries follow the label on its own line
    entries: tuple[str, ...]
    start: int
    end: int


def attendance_lists(text: str, headings: frozenset[int] = frozenset()) -> list[AttendanceList]:
    """Labelled lists in ``text``; ``headings`` are offsets of heading lines, where a list always ends."""
    found = []
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    i = 0
    while i < len(lines):
        if _TABLE_HEAD.match(lines[i]) and (i == 0 or not _header(lines[i - 1]) or _header(lines[i - 1])[2]):
            # "Namn | Organisation | Roll" with no label above it: a participant table all the same
            j = i + 1
            while j < len(lines) and " | " in lines[j]:
                j += 1
            found.append(AttendanceList("present", None, False, tuple(lines[i:j]), starts[i], starts[j] - 1))
            i = j
            continue
        opened = _header(lines[i])
        if not opened:
            i += 1
            continue
        status, head, rest = opened
        chunk = [rest] if rest else []
        j = i + 1
        if not rest:
            # The list runs on the following short lines, until a blank, a heading or another label.
            while (
                j < len(lines)
                and lines[j].strip()
                and starts[j] not in headings
                and not _header(lines[j])
                and len(lines[j]) <= 120
            ):
                if lines[j].rstrip().endswith((".", "?", "!")) and len(lines[j]) > 60:
                    break
                if chunk and _marker(chunk[0]) and _marker(lines[j]) not in (None, _marker(chunk[0])):
                    break  # '- Rune Alvin (ledamot)' then '1. Mötets öppnande': the agenda begins
                if chunk and " | " in chunk[-1] and " | " not in lines[j] and _marker(lines[j]) == "number":
                    break  # the table ends, the agenda begins
                chunk.append(lines[j])
                j += 1
        found.append(
            AttendanceList(status, _role_of_label(head), bool(rest), tuple(chunk), starts[i], starts[j] - 1)
        )
        i = max(j, i + 1)
    return found


# "Namn | Organisation | Roll", "Organisation | Namn | Funktion | Närvaro": a name column and one more that says
# who the person is or whether they came
_TABLE_HEAD = re.compile(
    r"^(?=.*(?:^|\|)\s*(?:namn|deltagare|ledamot|ledamöter|närvarande)\s*(?:\||$))"
    r"(?=.*(?:^|\|)\s*(?:organisation|myndighet|funktion|roll|titel|parti|närvaro|företräder)\s*(?:\||$))",
    re.IGNORECASE,
)


def _role_of_label(label: str) -> str | None:
    """ "Justerare:" gives everyone listed that role; "Ej tjänstgörande ersättare" names who is not serving."""
    return None if re.match(r"(?:ej|icke|inte)\s", label, re.IGNORECASE) else role_in(label)


_MARKERS = (
    ("number", re.compile(r"^\s*(?:§\s*)?\d{1,2}(?:\.\d{1,2})*[.)]?\s+\S")),
    ("bullet", re.compile(r"^\s*[-–•▪o\uf0b7*]\s")),
)


def _marker(line: str) -> str | None:
    """How a list line is marked: numbered, bulleted, or not at all."""
    return next((kind for kind, pattern in _MARKERS if pattern.match(line)), None)


def heading_starts(layer: TextLayer) -> frozenset[int]:
    return frozenset(b.start for b in layer.blocks if b.kind == "heading")


def find_attendance(layer: TextLayer, doc: Document) -> Document:
    """Attendance from labelled lists, then from organisation section headings."""
    county = doc.meeting.county
    host = doc.meeting.host
    found: list[Attendance] = []
    for listing in attendance_lists(layer.text, heading_starts(layer)):
        columns: list[str | None] | None = None  # organisations heading the columns of a table
        kinds: list[str | None] | None = None  # what the columns of a table hold ("people", "absent" …)
        # "- ABB" over "  - Torbjörn Sjöholm", or "Polisen" over "- Johan Mattsson, kommunpolis":
        # (indent, organisation, whether the organisation line is itself a list item)
        group: tuple[int, str, bool] | None = None
        for n, line in enumerate(listing.entries):
            indent = len(line) - len(line.lstrip())
            item = _marker(line) is not None
            over_items = n + 1 < len(listing.entries) and _marker(listing.entries[n + 1]) is not None
            if group is not None and (indent <= group[0] if group[2] else not item):
                group = None
            if (
                not listing.inline
                and " | " not in line
                and (org_line := _organisation_item(line, county, over_items=over_items and not item))
            ):
                group = (indent, org_line, item)
                continue
            cells = [c.strip().rstrip("*").strip() for c in line.split(" | ")]
            if len(cells) > 1:
                if columns is None and (heads := _column_organisations(cells, county)):
                    columns = heads
                    continue
                if kinds is None and (heads := _column_kinds(cells)):
                    kinds = heads
                    continue
                if kinds is not None and "people" in kinds:
                    # "Ordinarie ledamöter | Ersättare": one person a cell
                    for cell in cells:
                        found += parse_entry(cell, listing.status, listing.role, county, default_org=host)
                    continue
                if kinds is not None and "organisation" in kinds:
                    # "Saab Dynamics | Susanne Rydh (HR-chef) | på plats": the organisation column says whose
                    at = kinds.index("organisation")
                    org = cells[at] if at < len(cells) else None
                    match = default_registry().resolve(org, county=county) if org else None
                    rest = [c for i, c in enumerate(cells) if i != at]
                    marked = _marked_status(cells, kinds)
                    status = marked[0] if marked else listing.status
                    rest = [c for c in (marked[1] if marked else rest) if c != org]
                    found += _table_row(
                        rest, status, listing.role, county, (match.name if match else org) or host
                    )
                    continue
                if kinds is not None and (marked := _marked_status(cells, kinds)):
                    status, cells = marked
                    found += _table_row(cells, status, listing.role, county, host)
                    continue
                if columns is not None and len(cells) == len(columns):
                    # "Från Skatteverket | Från Företagarna": one person per cell, of the column's organisation
                    for cell, org in zip(cells, columns, strict=True):
                        found += parse_entry(
                            cell, listing.status, listing.role, county, default_org=org or host
                        )
                    continue
                found += _table_row(cells, listing.status, listing.role, county, host)
                continue
            for org, part in _organisation_groups(line.rstrip("*"), county):
                fallback = org or (group[1] if group else None) or host
                for entry in _entries(part) if listing.inline else [part]:
                    found += parse_entry(entry, listing.status, listing.role, county, default_org=fallback)
    for section in doc.sections:
        if section.kind != "organisation" or not section.people:
            continue
        org = section.organisation or section.organisation_as_written
        absent = _absent_in_heading(section.title, county)
        for name in section.people:
            status = "substitute" if absent else "present"
            found.append(Attendance(name=name, organisation=org, status=status, substitute_for=absent))
        if absent:
            found.append(Attendance(name=absent, organisation=org, status="absent"))
    found += _presented_with_role(layer.text, doc.meeting.host, county)
    found += _acting_in_the_meeting(layer.text, doc.meeting.host, county)
    branches = default_registry().local_branches(layer.text, county=county)
    for entry in found:
        if entry.organisation in branches:
            entry.organisation = branches[entry.organisation]
    doc.attendance = _dedupe(found)
    return doc


@cache
def _presentation() -> re.Pattern[str]:
    # "Helena Strandberg, regional utvecklingsstrateg, hälsade …", "av Jonas Wikström – analytiker RJH"
    return re.compile(
        rf"(?P<person>{person_pattern()})[ \t]*(?:,|[–—-])[ \t]*(?P<phrase>[^,.;:()\n]{{3,60}})"
    )


def _presented_with_role(text: str, host: str | None, county: str | None) -> list[Attendance]:
    """People the minutes present by their role take part in the meeting (the host's staff by default)."""
    registry = default_registry()
    out = []
    for m in _presentation().finditer(text):
        role = role_in(m.group("phrase"))
        person = m.group("person")
        if not role or not looks_like_person(person):
            continue
        # the role must open the phrase: "analytiker RJH", not "… som analytiker"
        if not m.group("phrase").lower().lstrip().startswith(role.split()[0]):
            continue
        orgs = registry.find_in_text(m.group("phrase"), county=county)
        org = orgs[0][2].name if orgs else host
        out.append(Attendance(name=person, organisation=org, status="present", role=role))
    return out


@cache
def _acting() -> dict[str, re.Pattern[str]]:
    d = load_json("lang", "sv", "structure.json")
    person = person_pattern()
    verbs = "|".join(sorted(map(re.escape, d["speech_verbs"]), key=len, reverse=True))
    return {
        # "Cecilia Blom efterlyste", "Kjell Strandqvist (M) och Lina Hedenström (C) yrkar"
        "speaker": re.compile(
            rf"(?P<people>{person}(?:[ \t]*\([^()\n]{{1,30}}\))?(?:[ \t]*(?:,|och)[ \t]*{person}(?:[ \t]*\([^()\n]{{1,30}}\))?)*)"
            rf"[ \t]+(?:{verbs})\b"
        ),
        "role_first": re.compile(
            rf"(?<![\w-])(?P<role>[A-ZÅÄÖa-zåäö][a-zåäö]+(?:[ \t][a-zåäö]+)?)[ \t]+(?P<person>{person})\b"
        ),
        "election": re.compile(d["election_pattern"]),
        "from_org": re.compile(r"\s+(?:från|på|vid|hos)\s+(?P<org>[A-ZÅÄÖ][^,.;()]{1,60})"),
        "person_anywhere": re.compile(person),
        "name_then_rest": re.compile(rf"^(?P<person>{person})\s+(?P<rest>[0-9:a-zåäöé][^()]*)$"),
    }


def _acting_in_the_meeting(text: str, host: str | None, county: str | None) -> list[Attendance]:
    """People who act in the meeting — speak, present, are elected, are named by their office — attend it."""
    p = _acting()
    registry = default_registry()
    out: list[Attendance] = []

    def add(person: str, role: str | None, end: int) -> None:
        if not looks_like_person(person):
            # "Kassören Jenny Hultgren": an office in front of the name, capitalised at a sentence start
            first, _, rest = person.partition(" ")
            if not (rest and role_in(first) and looks_like_person(rest)):
                return
            person, role = rest, role or role_in(first)
        org = host
        if m := p["from_org"].match(text, end):
            found = registry.find_in_text(m.group("org"), county=county)
            org = found[0][2].name if found else org
        out.append(Attendance(name=person, organisation=org, status="present", role=role))

    for m in p["speaker"].finditer(text):
        for person in p["person_anywhere"].finditer(m.group("people")):
            add(person.group(0), None, m.start("people") + person.end())
    for m in p["role_first"].finditer(text):
        role = role_in(m.group("role"))
        if role and m.group("role").lower().endswith(role.split()[-1]):
            add(m.group("person"), role, m.end("person"))
    meeting_roles = set(load_json("lang", "sv", "structure.json")["meeting_roles"])
    for m in p["election"].finditer(text):
        role = role_in(m.group("role"))
        if role not in meeting_roles:
            continue  # elected to the board, the committee…: not a sign of attending
        for person in p["person_anywhere"].finditer(m.group("people")):
            add(person.group(0), role, m.start("people") + person.end())
    # The organisation named with a person anywhere beats the host assumed elsewhere.
    named = {a.name: a.organisation for a in out if a.organisation and a.organisation != host}
    return [a.model_copy(update={"organisation": named.get(a.name, a.organisation)}) for a in out]


def _absent_in_heading(title: str, county: str | None) -> str | None:
    """Whom the representative in a heading stands in for ("X som ersättare för Y", "X ersatte Y")."""
    from .sections import parse_org_heading  # sections reads attendance lists: import at use

    heading = parse_org_heading(title, county=county)
    return heading.absent if heading else None


def _column_organisations(cells: list[str], county: str | None) -> list[str | None] | None:
    """A header row whose every cell names an organisation ("Från Skatteverket | Från Företagarna")."""
    registry = default_registry()
    heads: list[str | None] = []
    for cell in cells:
        name = re.sub(r"^(?:från|för|deltagare från|representanter för)\s+", "", cell, flags=re.IGNORECASE)
        match = registry.resolve(name, county=county)
        if match is None or looks_like_person(name):
            return None
        heads.append(match.name)
    return heads


def _column_kinds(cells: list[str]) -> list[str | None] | None:
    """What each column of a header row holds ('people', 'present', 'absent', or None for name, role …),
    when the row is a header that says so."""
    columns = load_json("lang", "sv", "structure.json")["attendance_columns"]
    kinds = [next((k for k, words in columns.items() if c.lower() in words), None) for c in cells]
    if kinds.count("people") >= 2 or {"present", "absent"} <= set(kinds) or "organisation" in kinds:
        return kinds
    return None


def _marked_status(cells: list[str], kinds: list[str | None]) -> tuple[Status, list[str]] | None:
    """'Per Lund | ledamot |  | x' under 'Namn | Uppdrag | Närvarande | Frånvarande': the mark's column says."""
    marks = load_json("lang", "sv", "structure.json")["presence_marks"]["present"]
    for i, cell in enumerate(cells):
        if (
            i < len(kinds)
            and kinds[i] in ("present", "absent")
            and _PAREN.sub(" ", cell).strip().lower() in marks
        ):
            rest = [
                c
                for j, c in enumerate(cells)
                if j != i and not (j < len(kinds) and kinds[j] in ("present", "absent"))
            ]
            return ("absent" if kinds[i] == "absent" else "present"), rest
    return None


def _table_row(
    cells: list[str], status: Status, role: str | None, county: str | None, default_org: str | None
) -> list[Attendance]:
    """A row of an attendance table: a name cell, and organisation, party, role and presence cells in any order."""
    marks = load_json("lang", "sv", "structure.json")["presence_marks"]
    kept = []
    for cell in cells:
        # "Ja (Skype)": a mark with how the person took part
        low = _PAREN.sub(" ", cell).strip().lower()
        head, _, rest = low.partition(",")
        if low in marks["absent"]:
            status = "absent"
        elif low in marks["present"]:
            continue
        elif head.strip() in marks["present"] and rest:
            kept.append(cell.split(",", 1)[1].strip())  # "X, ersättare för Gunilla Ferm"
        elif cell.strip():
            kept.append(cell.strip())
    return parse_entry(", ".join(kept), status, role, county, default_org=default_org)


def _dedupe(entries: list[Attendance]) -> list[Attendance]:
    """One record a person; a later, fuller mention fills what an earlier one lacked."""
    by_name: dict[str, Attendance] = {}
    for a in entries:
        key = a.name.lower()
        if key not in by_name:
            by_name[key] = a
            continue
        kept = by_name[key]
        by_name[key] = kept.model_copy(
            update={
                "organisation": kept.organisation or a.organisation,
                "role": kept.role or a.role,
                "status": a.status if a.status != "present" and kept.status == "present" else kept.status,
                "substitute_for": kept.substitute_for or a.substitute_for,
                "party": kept.party or a.party,
            }
        )
    return list(by_name.values())
