"""Sections of a meeting: agenda items and organisation reports, found from layout and a heading grammar.

The heading grammar is data (``models/lang/sv/structure.json``), in the manner of medspaCy's
Sectionizer: a new heading form is a new rule there, not new code here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .attendance import attendance_lists, heading_starts
from .names import is_first_name, looks_like_person, person_pattern, role_in
from .places import find_places
from .records import Document, Section
from .registry import OrgMatch, default_registry
from .resources import load_json
from .textlayer import TextLayer

MAX_HEADING_CHARS = 110


@dataclass(frozen=True, slots=True)
class OrgHeading:
    organisation: str | None  # canonical, when the registry knows it
    as_written: str
    people: tuple[str, ...]
    absent: str | None = None  # "X som ersättare för Y": Y
    unit_of: str | None = None  # the person's own organisation named after them ("…, Östersunds kommun")


@cache
def _rules() -> dict:
    d = load_json("lang", "sv", "structure.json")
    person, org = person_pattern(), d["org_pattern"]
    forms = []
    for form in d["organisation_forms"]:
        src = form["pattern"].replace("PERSON", f"(?:{person})").replace("ORG", org)
        forms.append((form["name"], re.compile(src), bool(form.get("requires_known_org"))))
    agenda = [(r["category"], re.compile(r["pattern"], re.IGNORECASE)) for r in d["agenda_rules"]]
    attendance = [re.compile(r["pattern"], re.IGNORECASE) for r in d["attendance_headers"]]
    prefixes = sorted(d["heading_prefixes"], key=len, reverse=True)
    labels = "|".join(map(re.escape, sorted(d["presenter_labels"], key=len, reverse=True)))
    presenter = re.compile(rf"^(?:{labels})\s*:\s*(?P<person>{person})", re.IGNORECASE)
    report_verbs = sorted(d["org_heading_verbs"], key=len, reverse=True)
    return {
        "forms": forms,
        "agenda": agenda,
        "attendance": attendance,
        "title_words": d["title_words"],
        "prefixes": prefixes,
        "presenter": presenter,
        "report_verbs": report_verbs,
    }


# "3.", "3.1", "§ 4", "4)", "Punkt 4:" before a heading's words
_NUMBER = re.compile(
    r"^(?:§\s*\d{1,3}[.)]?|\d{1,2}(?:\.\d{1,2})*[a-h]?[.)]?|[Pp]unkt\s+\d{1,2}\s*[:.–—-]?)\s+"
)


def _clean_heading(text: str) -> str:
    text = re.sub(r"^\s*-\s+", "", text)  # a heading printed as a bullet item
    return re.sub(r"\s+", " ", text).strip().rstrip(":").strip()


def _without_prefix(text: str) -> str:
    """ "Från Länsstyrelsen – Mats Edvinsson" → "Länsstyrelsen – Mats Edvinsson"."""
    for prefix in _rules()["prefixes"]:
        if text.lower().startswith(prefix + " ") and text[len(prefix) + 1 : len(prefix) + 2].isupper():
            return text[len(prefix) + 1 :]
    return text


def _named_after_a_place(text: str) -> bool:
    """'Piteå Science Park', 'Skövde Science Park': a name that begins with a town and goes on with words no
    first name list knows is a body's, not a person's."""
    first = text.split()[0]
    return not is_first_name(first) and any(s == 0 for s, _, _, _ in find_places(first))


def _first_name_tells(org_text: str, people: list[str]) -> bool:
    """'Destination Gotland' / 'Tobias Dahlgren': where both sides read like names, the side that begins with a
    first name is the person's and the other the organisation's."""
    return not is_first_name(org_text.split()[0]) and all(is_first_name(p.split()[0]) for p in people)


def _looks_like_org(text: str) -> bool:
    """Unknown organisations are kept as written; this guards against taking prose for one."""
    words = text.split()
    return 0 < len(words) <= 8 and text[:1].isupper() and not text.endswith(".")


_CAPS_WORD = re.compile(r"(?<![\w-])[A-ZÅÄÖ][A-ZÅÄÖ-]{3,}(?![\w-])")


def _uncapped(text: str) -> str:
    """Words set in capitals ('EMEKA OKAFOR (WESTINGHOUSE)') in title case, so that names read as names;
    short ones stay (LRF, SKR, ABB are written so)."""
    return _CAPS_WORD.sub(lambda m: m.group(0).title(), text)


def parse_org_heading(
    text: str, county: str | None = None, *, in_unit_list: bool = False
) -> OrgHeading | None:
    """Read a heading such as "MIUN, Ludde Edgren" or "Länsstyrelsen genom Magnus Lindow".

    ``in_unit_list``: the heading stands under an organisation line, where "Näringsliv: Kajsa Nordin" names
    a unit the registry cannot know."""
    text = _without_prefix(_NUMBER.sub("", _clean_heading(text)))
    if not text or len(text) > MAX_HEADING_CHARS or text.endswith((".", "!", "?")):
        return None
    registry = default_registry()
    best: tuple[int, OrgHeading] | None = None
    written, text = text, _uncapped(text)
    for _name, form, needs_known in _rules()["forms"]:
        m = form.match(text)
        if not m:
            continue
        groups = m.groupdict()
        # the organisation as printed ('TORSBY KOMMUN'); the names as names ('EMEKA OKAFOR' → 'Emeka Okafor')
        org_text = (written[m.start("org") : m.end("org")] if m.group("org") else "").strip(" ,–-")
        people = [p.strip() for p in (groups.get("person"), groups.get("person2")) if p]
        if not org_text or not people or not all(looks_like_person(p) for p in people):
            continue
        if any(registry.find_in_text(p, county=county) for p in people):
            continue  # 'Samverkan Polisen': a name with an organisation in it is no person's
        match: OrgMatch | None = registry.resolve(org_text, county=county)
        if match is None and role_in(org_text) and len(org_text.split()) <= 2:
            continue  # "Lovisa Ronquist, VA-chef": a title, not an organisation
        if (
            looks_like_person(org_text)
            and match is None
            and not _name.startswith("org_paren")
            and not _named_after_a_place(org_text)
            and not _first_name_tells(org_text, people)
        ):
            # "Almi Jönköping" reads like a name too; the registry knows better. In "X (Anna Berg)" the
            # brackets say which is the person ("Paper Province (Ingeborg Dahl)").
            continue
        if match is None and not _looks_like_org(org_text):
            continue
        if match is None and _first_name_tells(people[0], [org_text]):
            continue  # 'Sofia Wennerström (Göteborgs Hamn)': the brackets hold the body here
        if (
            match is None
            and needs_known
            and not in_unit_list
            and (len(org_text.split()) < 2 or role_in(org_text))
        ):
            # "Kontaktperson: Name", "Föredragande: Name" are labels; "Avdelningen för X: Name" is a unit
            continue
        unit = (groups.get("unit") or "").strip() or None
        absent = (groups.get("absent") or "").strip() or None
        if absent and not looks_like_person(absent):
            continue
        heading = OrgHeading(match.name if match else None, org_text, tuple(people), absent, unit)
        score = 2 if match else 1
        if best is None or score > best[0]:
            best = (score, heading)
            if score == 2:
                break
    return best[1] if best else None


def agenda_category(text: str) -> str | None:
    text = _clean_heading(text)
    for category, pattern in _rules()["agenda"]:
        if pattern.match(text):
            return category
    return None


def is_attendance_header(text: str) -> bool:
    return any(p.match(_clean_heading(text)) for p in _rules()["attendance"])


def find_sections(layer: TextLayer, doc: Document) -> Document:
    """Sections in document order; each runs from its heading to the next heading."""
    county = doc.meeting.county
    # Lines of an attendance list ("Anna Berg, Digg") read like report headings but are not.
    listed = [(a.start, a.end) for a in attendance_lists(layer.text, heading_starts(layer)) if not a.inline]
    heads: list[
        tuple[int, str, str, OrgHeading | None, str | None]
    ] = []  # (block, kind, title, org, parent?)
    title_block = _title_block(layer)
    for i, block in enumerate(layer.blocks):
        if title_block is not None and i <= title_block:
            continue  # the title, and a running header above it that one page could not show as repeated
        text = layer.text[block.start : block.end]
        if any(start < block.start <= end for start, end in listed):
            continue
        short = len(text) <= MAX_HEADING_CHARS and "\n" not in text.strip()
        if not short or block.kind == "table_row":
            continue
        clean = _clean_heading(text)
        if is_attendance_header(clean) and block.kind != "heading":
            continue  # an inline label ("Närvarande: …") is part of the text, not a heading
        org = (
            parse_org_heading(text, county=county, in_unit_list=_under_organisation_line(heads))
            if block.kind in ("heading", "list_item", "text")
            else None
        )
        if org and (block.kind == "heading" or _stands_alone(layer, i)):
            heads.append((i, "organisation", clean, org, None))
            continue
        if block.kind == "heading":
            org_text, match = _organisation_of_heading(clean, county)
            if match and len(clean) <= 60:
                # An organisation line of its own: a presenter line may follow ("Kiruna kommun" /
                # "Föredragande: Name"), or its units ("Region X" → "Hälso- och sjukvården genom …").
                people = _presenter(layer, i + 1)
                heads.append((i, "organisation", clean, OrgHeading(match.name, org_text, people), None))
            elif reporter := _unknown_reporter(clean):
                # "§ 34 Information från RF-SISU Uppland": an organisation the registry does not know reports
                heads.append(
                    (i, "organisation", clean, OrgHeading(None, reporter, _presenter(layer, i + 1)), None)
                )
            elif (
                (_proper_name(_NUMBER.sub("", clean)) or _has_org_shape(_NUMBER.sub("", clean)))
                and len(clean) <= 50
                and i + 1 < len(layer.blocks)
                and (people := _name_line(layer, i + 1) or _reporters(layer, i + 1))
                and not agenda_category(clean)
                and not is_attendance_header(clean)
            ):
                # "Svenskt Vatten" / "Tove Lindahl, rådgivare": an organisation the registry does not know
                heads.append(
                    (i, "organisation", clean, OrgHeading(None, _NUMBER.sub("", clean), people), None)
                )
            else:
                heads.append((i, "agenda", clean, None, None))
            continue
        if (
            agenda_category(clean) in ("paragraph",)
            and block.kind == "text"
            or _numbered_item_heading(layer, i)
        ):
            # "3. Information från Inera": an agenda item an organisation reports in
            org_text, match = _organisation_of_heading(clean, county)
            if match:
                people = _presenter(layer, i + 1)
                heads.append((i, "organisation", clean, OrgHeading(match.name, org_text, people), None))
            elif reporter := _unknown_reporter(clean):
                heads.append(
                    (i, "organisation", clean, OrgHeading(None, reporter, _presenter(layer, i + 1)), None)
                )
            else:
                heads.append((i, "agenda", clean, None, None))
    doc = _emit(layer, doc, heads)
    branches = default_registry().local_branches(layer.text, county=county)
    host = default_registry().resolve(doc.meeting.host, county=county) if doc.meeting.host else None
    for sec in doc.sections:
        if sec.organisation in branches:
            sec.organisation = branches[sec.organisation]
        if sec.kind == "organisation" and (owner := _owner_of_unit(sec.organisation)):
            sec.organisation = owner  # 'Kalmar länstrafik', 'Skånetrafiken': an administration of the region
        if (
            sec.kind == "organisation"
            and sec.organisation is None
            and host is not None
            and host.kind in ("municipality", "region")
            and _names_a_unit(sec.organisation_as_written)
        ):
            sec.organisation = host.name  # '3.1 Omsorgsförvaltningen – Anette Wiberg': the host's own office
    return doc


def _owner_of_unit(name: str | None) -> str | None:
    """The region or municipality whose administration the registry says ``name`` is (kind "other" with it as
    parent); companies it owns ('Jämtkraft', 'Västtrafik') report for themselves."""
    registry = default_registry()
    entry = registry.get(name) if name else None
    if entry is None or entry.kind != "other" or not entry.parent:
        return None
    parent = registry.get(entry.parent)
    return parent.name if parent is not None and parent.kind in ("region", "municipality") else None


def _names_a_unit(written: str | None) -> bool:
    """'Omsorgsförvaltningen', 'Samhällsbyggnadskontoret', 'Kultur- och fritidsförvaltningen': a municipality's or
    region's office, named by what kind of unit it is."""
    return bool(written) and written.lower().endswith(_unit_words())


@cache
def _unit_words() -> tuple[str, ...]:
    return tuple(load_json("lang", "sv", "structure.json")["unit_words"])


def _unknown_reporter(heading: str) -> str | None:
    """ "Information från RF-SISU Uppland", "Rapport från Paper Province": a report prefix before a name."""
    bare = _NUMBER.sub("", heading)
    rest = _without_prefix(bare)
    # after "Information från" one capitalised word is a name too ('Stockholmshem'), unless it is a first name
    single = re.fullmatch(r"[A-ZÅÄÖ][\wåäö-]{3,}", rest) is not None and not is_first_name(rest)
    # 'Film i Väst', 'Kultur i Väst': a name joined by a preposition
    joined = re.fullmatch(r"[A-ZÅÄÖ][\wåäö-]+(?:\s(?:i|för|och|på)\s[A-ZÅÄÖ][\wåäö-]+)+", rest) is not None
    named = _proper_name(rest) or _has_org_shape(rest) or single or joined
    if rest == bare or not named or looks_like_person(rest):
        return None
    return rest


def _has_org_shape(text: str) -> bool:
    """ "Fellingsbro folkhögskola", "Destination Mora AB": a name with an organisation's suffix."""
    from .meeting import organisation_shape  # the meeting stage owns the shape of an organisation's name

    return organisation_shape().fullmatch(text) is not None


def _proper_name(text: str) -> bool:
    """ "Svenskt Vatten", "ABB", "Volvo CE", "Paper Province" — a name, not a topic like "Lägesbild"."""
    words = text.split()
    if not 1 <= len(words) <= 6 or any(ch.isdigit() for ch in text) or text.endswith((".", ":")):
        return False
    if len(words) == 1:
        return len(text) >= 2 and any(ch.isupper() for ch in text[1:])  # 'ABB', 'RF-SISU', 'eWork'
    # the name starts with two capitalised words ('Svenskt Vatten', 'Volvo CE'), not a topic ('Gemensam … AI')
    return words[0][:1].isupper() and words[1][:1].isupper()


def _under_organisation_line(heads: list) -> bool:
    """Do the headings so far end in an organisation line with no people and, perhaps, units with people?"""
    for _, kind, _, org, _ in reversed(heads):
        if kind != "organisation" or org is None:
            return False
        if not org.people:
            return True
    return False


def _organisation_of_heading(heading: str, county: str | None) -> tuple[str, OrgMatch | None]:
    """The organisation a heading names as its reporter: "Trafikverket", "Trafikverket informerar",
    "3. Information från Inera", "Digg om den gemensamma infrastrukturen"."""
    registry = default_registry()
    bare = _without_prefix(_NUMBER.sub("", heading))
    # 'Lägesbild från Polisen', 'Hälsning från Trafikverket': whatever comes from a body, the body reports
    source = re.match(r"^[A-ZÅÄÖ]?[\wåäö-]+(?:\s[\wåäö-]+)?\s+från\s+(?P<org>[A-ZÅÄÖ].*)$", bare)
    candidates = (
        heading,
        _without_report_verb(bare),
        bare.split(" om ", 1)[0],
        source and source.group("org"),
    )
    for candidate in filter(None, candidates):
        match = registry.resolve(candidate, county=county)
        if match and match.score >= 96:
            return candidate, match
    return heading, None


def _without_report_verb(heading: str) -> str:
    """ "Trafikverket informerar" → "Trafikverket"."""
    low = heading.lower()
    for verb in _rules()["report_verbs"]:
        if low.endswith(" " + verb):
            return heading[: -len(verb) - 1].strip()
    return heading


def _presenter(layer: TextLayer, i: int) -> tuple[str, ...]:
    """The person a "Föredragande: Name, titel" line right under a heading names."""
    if i >= len(layer.blocks):
        return ()
    block = layer.blocks[i]
    m = _rules()["presenter"].match(layer.text[block.start : block.end])
    if m and looks_like_person(m.group("person")):
        return (m.group("person"),)
    return _name_line(layer, i) or _speakers(layer, i) or _reporters(layer, i)


def _name_line(layer: TextLayer, i: int) -> tuple[str, ...]:
    """ "Handelskammaren Värmland" / "Reza Tavakoli, vd": a line of its own with a name (and a title)."""
    block = layer.blocks[i]
    text = layer.text[block.start : block.end].strip()
    if block.kind == "heading" or len(text) > 90 or "\n" in text:
        return ()
    m = _name_line_re().match(text)
    return (m.group("person"),) if m and looks_like_person(m.group("person")) else ()


@cache
def _name_line_re() -> re.Pattern[str]:
    return re.compile(rf"^(?P<person>{person_pattern()})(?:\s*,\s*[^.:;]{{2,60}})?\.?$")


def _reporters(layer: TextLayer, i: int) -> tuple[str, ...]:
    """ "Johanna Thelander och Rasmus Ekdahl berättade att …", "Mirja Koskinen, verksamhetsutvecklare,
    berättade …": the people the first sentence under an organisation heading has reporting."""
    block = layer.blocks[i]
    if block.kind == "heading":
        return ()
    m = _reporter().match(layer.text[block.start : block.end])
    if not m:
        return ()
    return tuple(p for p in m.group("p1", "p2", "p3", "p4") if p and looks_like_person(p))


def _speakers(layer: TextLayer, i: int) -> tuple[str, ...]:
    """Under "Polisen informerar", the items "- Henrik Wallmark: Anmälda inbrott …" name who reported."""
    people: list[str] = []
    for block in layer.blocks[i:]:
        if block.kind == "heading":
            break
        m = _speaker().match(layer.text[block.start : block.end])
        if m and looks_like_person(m.group("person")) and m.group("person") not in people:
            people.append(m.group("person"))
    return tuple(people)


@cache
def _reporter() -> re.Pattern[str]:
    d = load_json("lang", "sv", "structure.json")
    verbs = "|".join(sorted(map(re.escape, d["speech_verbs"]), key=len, reverse=True))
    # 'Mikael Sundh, folkhälsoutvecklare vid Västra Götalandsregionen, berättade …': a title, perhaps with
    # where the person works, between commas
    person, role = person_pattern(), r"(?:\s*,\s*(?:[A-ZÅÄÖ]{1,5}-)?[a-zåäö][^,.;:\n]{1,80},)?"
    return re.compile(
        rf"^\s*(?:-\s+)?(?:(?P<p1>{person}){role}(?:\s+och\s+(?P<p2>{person}){role})?\s+(?:{verbs})\b"
        # "Från Trafikverket deltog Hanna Sjöberg, samhällsplanerare."
        rf"|[Ff]rån\s+[^,.]{{2,60}}?\s+(?:deltog|medverkade|närvarade)\s+(?P<p3>{person})(?:\s+och\s+(?P<p4>{person}))?)"
    )


@cache
def _speaker() -> re.Pattern[str]:
    return re.compile(rf"^\s*(?:-\s+)?(?P<person>{person_pattern()}):\s")


def _numbered_item_heading(layer: TextLayer, i: int) -> bool:
    """ "4) Ekonomi" followed by prose is an agenda item; in a run of numbered items it is a list entry."""
    block = layer.blocks[i]
    line = layer.lines[block.first_line]
    # Indentation does not matter (some producers indent agenda numbers); a digit label does.
    if block.kind != "list_item" or not (line.list_marker or "")[:1].isdigit():
        return False
    text = layer.text[block.start : block.end].strip()
    label = line.list_marker or ""
    title = text[text.find(label) + len(label) :].strip()
    # Agenda titles start with a capital; decision clauses ("1) att …") do not.
    if len(text) > 80 or text.endswith((".", ":", ";", ",")) or not title[:1].isupper():
        return False
    following = layer.blocks[i + 1] if i + 1 < len(layer.blocks) else None
    if following is None:
        return False
    marker = layer.lines[following.first_line].list_marker or ""
    return not (following.kind == "list_item" and marker[:1].isalnum())


def _stands_alone(layer: TextLayer, i: int) -> bool:
    """A non-bold line reads as a heading when it is short, unpunctuated and followed by content."""
    text = layer.text[layer.blocks[i].start : layer.blocks[i].end].strip()
    return len(text) <= 80 and not text.endswith((".", ":")) and i + 1 < len(layer.blocks)


def _title_block(layer: TextLayer) -> int | None:
    """The meeting's title: the first block, when it is set apart as a heading."""
    for i, block in enumerate(layer.blocks[:3]):
        if block.kind == "heading":
            return i
    return None


def _emit(layer: TextLayer, doc: Document, heads: list) -> Document:
    sections: list[Section] = []
    group_id: str | None = None  # an empty agenda heading ("Laget runt") that the reports below belong to
    parent_id: str | None = None  # an organisation line whose units follow
    parent_org: str | None = None
    for n, (bi, kind, title, org, _) in enumerate(heads):
        start = layer.blocks[bi].start
        next_start = layer.blocks[heads[n + 1][0]].start if n + 1 < len(heads) else len(layer.text)
        end = _trim_end(layer, start, next_start)
        heading_end = _trim_end(layer, start, layer.blocks[bi].end)
        empty = end <= heading_end
        sid = f"s{n + 1}"
        page_start, page_end = layer.pages_of(start, end)
        my_parent = None
        organisation = org.organisation if org else None
        if kind == "organisation" and org is not None:
            if parent_id and org.people and _is_unit_of(org, parent_org):
                my_parent = parent_id
                organisation = parent_org
            else:
                parent_id = parent_org = None
                my_parent = group_id
                if not org.people:
                    parent_id, parent_org = sid, org.organisation or org.as_written
        else:
            parent_id = parent_org = None
            next_is_org = n + 1 < len(heads) and heads[n + 1][1] == "organisation"
            group_id = sid if empty and next_is_org else None
        sections.append(
            Section(
                id=sid,
                kind=kind,
                title=title,
                organisation=organisation,
                organisation_as_written=org.as_written if org else None,
                people=list(org.people) if org else [],
                parent_id=my_parent,
                page_start=page_start,
                page_end=page_end,
                start=start,
                end=end,
                text=layer.text[start:end],
            )
        )
    doc.sections = sections
    return doc


def _is_unit_of(org: OrgHeading, parent: str | None) -> bool:
    """Is this heading's organisation a unit of ``parent`` (unknown names count as units)?"""
    if org.organisation is None:
        # 'Trelleborgs Hamn', 'Science Park Gotland': a proper name of its own is a body beside the parent
        words = org.as_written.split() if org.as_written else []
        proper = len(words) >= 2 and all(w[:1].isupper() for w in words)
        return not proper or any(_names_a_unit(w) for w in words)  # 'Kollektivtrafikförvaltningen Din Tur'

    entry = default_registry().get(org.organisation)
    if entry is None or entry.parent is None:
        return False
    # 'Hälso- och sjukvården', 'Regional utveckling': department names every region uses
    return entry.parent == parent or entry.kind == "other"


def _trim_end(layer: TextLayer, start: int, end: int) -> int:
    while end > start and layer.text[end - 1].isspace():
        end -= 1
    return end
