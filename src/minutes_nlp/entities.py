"""Dates, organisations and places of a document, from the temporal, registry and gazetteer modules.

Three stages (``find_dates``, ``find_organisations``, ``find_places``) with the stage signature
``(layer, doc) -> doc``, plus the small helpers the other entity stages share: which section holds an
offset, and how a mention is recorded.

Date records follow the gold convention of docs/evaluation.md:

* a clock time is its own record of kind ``time``, dated with the day it belongs to: the date it is
  written next to ('8 oktober kl 13.00' gives '8 oktober' and 'kl 13.00'), else the last day-precise date
  of the same section ('Mässan öppnar kl 10' after '… 7 november'); a clock time with no day in reach is
  kept with no date, since a reader still sees a time there;
* a deadline ('senast 31 oktober') has only an end;
* 'från (och med) X' names the period X, so it gets X's start and end rather than an open end;
* 'nästa gång' is the next meeting when the minutes announce it ('nästa möte hålls 21 oktober').
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import cache
from typing import Any

from .places import find_places as _gazetteer_places
from .records import DateRecord, Document, Mention, Organisation, Place, Section
from .registry import default_registry
from .resources import alternation, load_json
from .temporal import TimeExpression, find_times
from .textlayer import TextLayer

__all__ = [
    "add_mention",
    "find_dates",
    "find_organisations",
    "find_places",
    "organisation_spans",
    "section_at",
    "sentences",
]

_DAY_PRECISE = frozenset({"date", "range"})


# --- shared helpers ------------------------------------------------------------------------------------------


def section_at(doc: Document, offset: int) -> Section | None:
    """The innermost section whose [start, end) holds ``offset`` (sections may nest)."""
    best: Section | None = None
    for s in doc.sections:
        if s.start <= offset < s.end and (best is None or s.end - s.start <= best.end - best.start):
            best = s
    return best


def section_id_at(doc: Document, offset: int) -> str | None:
    s = section_at(doc, offset)
    return s.id if s else None


def add_mention(
    layer: TextLayer, doc: Document, label: str, start: int, end: int, value: str | None = None
) -> None:
    doc.mentions.append(
        Mention(
            label=label,
            text=layer.text[start:end],
            start=start,
            end=end,
            page=layer.page_at(start),
            section_id=section_id_at(doc, start),
            value=value,
        )
    )


# A sentence ends at . ! ? followed by a capital or digit, unless the dot closes an abbreviation
# ('ca. 40', 'kl. 9', 't.ex. Åre'); blocks (paragraphs, list items, table rows) always end one.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"”(]?[A-ZÅÄÖÉÜ0-9])")


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(load_json("lang", "sv", "events.json")["abbreviations"])


def sentences(layer: TextLayer) -> list[tuple[int, int]]:
    """(start, end) of every sentence of the text, never crossing a block or line break of a block."""
    spans: list[tuple[int, int]] = []
    abbr = _abbreviations()
    bounds = [(b.start, b.end) for b in layer.blocks] or [(0, len(layer.text))]
    for bs, be in bounds:
        start = bs
        for m in _SENTENCE_END.finditer(layer.text, bs, be):
            word = layer.text[max(bs, m.start() - 8) : m.start()].split()
            if word and word[-1].lower() in abbr:
                continue
            spans.append((start, m.start()))
            start = m.end()
        spans.append((start, be))
    return [(s, e) for s, e in spans if layer.text[s:e].strip()]


def organisation_spans(layer: TextLayer, doc: Document) -> list[tuple[int, int, str, str]]:
    """Registry names in the text as (start, end, canonical name, as written)."""
    found = default_registry().find_in_text(layer.text, county=_county(doc))
    # 'Regionens hus' is a place that holds the county alias 'Regionen': the longer name wins
    places = [(s, e) for s, e, _, _ in _gazetteer_places(layer.text)]
    return [
        (s, e, m.name, m.as_written)
        for s, e, m in found
        if not any(ps <= s and e <= pe and pe - ps > e - s for ps, pe in places)
    ]


def _county(doc: Document) -> str | None:
    county = doc.meeting.county
    if county is None:
        return None
    try:
        return default_registry().canonical_county(county)
    except ValueError:  # a county the registry does not know: no default county
        return None


# --- dates ---------------------------------------------------------------------------------------------------


@cache
def _time_words() -> tuple[re.Pattern[str], frozenset[str]]:
    d = load_json("lang", "sv", "time.json")
    cues = "|".join(re.escape(c) for c in sorted(d["time"]["clock_cues"], key=len, reverse=True))
    clock = re.compile(
        rf"(?:(?:{cues})\s*)?(?<![\d.:])(?:2[0-3]|[01]?\d)(?:[.:][0-5]\d)?"
        r"(?:\s*(?:[-–—]|till)\s*(?:2[0-3]|[01]?\d)(?:[.:][0-5]\d)?)?$",
        re.IGNORECASE,
    )
    from_cues = frozenset(p for p, effect in d["prepositions"].items() if effect == "from")
    return clock, from_cues


def _split_clock(e: TimeExpression) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """A date with a folded clock time: the spans of the date part and of the clock part."""
    clock, _ = _time_words()
    text = e.text
    # the clock time stands after the date ('8 oktober kl 13') or, rarely, before it ('kl 13, 8 oktober')
    m = clock.search(text)
    if m and m.start() > 0:
        head = text[: m.start()].rstrip(" ,")
        return (e.start, e.start + len(head)), (e.start + m.start(), e.end)
    lead = re.match(r"(?i)(?:kl\.?|klockan)\s*\d{1,2}(?:[.:]\d\d)?(?:\s*[-–]\s*\d{1,2}(?:[.:]\d\d)?)?", text)
    if lead:
        rest = len(text) - len(text[lead.end() :].lstrip(" ,"))
        return (e.start + rest, e.end), (e.start, e.start + lead.end())
    return None


def _close_open_periods(
    text: str, exprs: list[TimeExpression], meeting: dt.date | None, next_meeting: dt.date | None
) -> list[TimeExpression]:
    """'från och med december' names December: resolve it as the period it names, with its end."""
    _, from_cues = _time_words()
    open_from: dict[int, int] = {}
    blanked = list(text)
    for i, e in enumerate(exprs):
        if e.value_start is None or e.value_end is not None:
            continue
        low = e.text.lower()
        cue = max((c for c in from_cues if low.startswith(c + " ")), key=len, default=None)
        if cue is None:
            continue
        # 'i' keeps a bare month a date ('maj' alone may be a name); the length keeps the offsets
        blanked[e.start : e.start + len(cue)] = list("i".ljust(len(cue)))
        open_from[e.end] = i
    if not open_from:
        return exprs
    out = list(exprs)
    for again in find_times("".join(blanked), meeting, next_meeting=next_meeting):
        i = open_from.get(again.end)
        if i is not None and again.value_end is not None:
            out[i] = replace(exprs[i], value_start=again.value_start, value_end=again.value_end)
    return out


def find_dates(layer: TextLayer, doc: Document) -> Document:
    """Every time expression as a DateRecord (see the module doc for clock times and open periods)."""
    from .actions import due_spans  # both build on these helpers
    from .events import next_meeting_date

    meeting = doc.meeting.date
    exprs = find_times(layer.text, meeting)
    nxt = next_meeting_date(layer, exprs, doc)
    if nxt is not None:
        exprs = find_times(layer.text, meeting, next_meeting=nxt)
        doc.meeting.next_meeting = nxt
    exprs = _close_open_periods(layer.text, exprs, meeting, nxt)
    due = due_spans(layer)
    headings = {sec.start: _HEADING_NUMBER.sub("", sec.title).lower() for sec in doc.sections}

    last_day: dict[str | None, dt.date] = {}
    for e in exprs:
        sid = section_id_at(doc, e.start)
        line = layer.line_at(e.start)
        if e.kind == "relative" and line is not None and headings.get(line.start) == e.text.lower():
            continue  # a heading 'Nästa möte' names an agenda item, not a date
        if (
            e.kind == "relative"
            and nxt is not None
            and e.value_start == nxt
            and _dated_nearby(e, exprs, layer.text)
        ):
            continue  # 'Nästa möte hålls 8 september': the date says when; the subject is no second date
        if e.kind in ("date", "range", "week", "month") and any(s <= e.start < t for s, t in due):
            e = replace(e, kind="deadline")  # the when of a task
        if e.kind == "time":
            day = last_day.get(sid)
            _add_date(layer, doc, e.start, e.end, "time", day, day, sid)
            continue
        start, end = e.value_start, e.value_end
        if e.kind == "deadline":
            start, end = None, e.value_end or e.value_start
        parts = _split_clock(e) if e.time else None
        if parts:
            (ds, de), (cs, ce) = parts
            _add_date(layer, doc, ds, de, e.kind, start, end, sid)
            _add_date(layer, doc, cs, ce, "time", e.value_start, e.value_start, sid)
        else:
            _add_date(layer, doc, e.start, e.end, e.kind, start, end, sid)
        if e.kind in _DAY_PRECISE and e.value_start is not None:
            last_day[sid] = e.value_start
    return doc


def _dated_nearby(e: TimeExpression, exprs: list[TimeExpression], text: str) -> bool:
    """Is the same day written right after it, in the same sentence?"""
    return any(
        o is not e
        and o.kind in ("date", "range")
        and o.value_start == e.value_start
        and 0 <= o.start - e.end < 60
        and not re.search(r"\n|[.!?]\s", text[e.end : o.start])
        for o in exprs
    )


_HEADING_NUMBER = re.compile(r"^(?:§\s*)?(?:\d{1,2}[.)]?\s*)?(?:punkt\s+\d+\s*[–—:-]?\s*)?", re.IGNORECASE)


def _add_date(
    layer: TextLayer,
    doc: Document,
    start: int,
    end: int,
    kind: str,
    vs: dt.date | None,
    ve: dt.date | None,
    sid: str | None,
) -> None:
    text = layer.text[start:end]
    doc.dates.append(
        DateRecord(text=text, kind=kind, start=vs, end=ve, section_id=sid, page=layer.page_at(start))
    )
    value = None
    if vs or ve:
        value = (
            (vs or ve).isoformat() if vs == ve or not (vs and ve) else f"{vs.isoformat()}/{ve.isoformat()}"
        )
    add_mention(layer, doc, "DATE", start, end, value)


# --- organisations and places ----------------------------------------------------------------------------------


def find_organisations(layer: TextLayer, doc: Document) -> Document:
    """Registry organisations named in the text, in section headings and in the attendance list."""
    found: dict[str, list[str]] = {}

    def note(name: str | None, written: str | None) -> None:
        if not name:
            return
        aliases = found.setdefault(name, [])
        if written and written != name and written not in aliases:
            aliases.append(written)

    reg = default_registry()
    county = _county(doc)
    # A unit the minutes report under its parent ('Hållbar tillväxt' heading a section of the region)
    # counts as the parent wherever it is named.
    unit_of: dict[str, str] = {}
    for sec in doc.sections:
        if sec.kind != "organisation" or not (sec.organisation or sec.organisation_as_written):
            continue
        name = sec.organisation or sec.organisation_as_written
        written = sec.organisation_as_written
        if written:
            hit = reg.resolve(written, county=county)
            if hit is None or hit.name != name:
                unit_of[written] = name
                if hit is not None:
                    unit_of[hit.name] = name
                written = None  # a department's name is no name of its parent
        note(name, written)
    branches = reg.local_branches(layer.text, county=county)
    for s, e, name, written in organisation_spans(layer, doc):
        name = branches.get(name, unit_of.get(name, name))
        note(name, None if unit_of.get(written) else written)
        add_mention(layer, doc, "ORG", s, e, name)
    for a in doc.attendance:
        if a.party:
            note(a.party, None)
        if a.organisation:
            hit = reg.resolve(a.organisation, county=county)
            name = hit.name if hit else a.organisation
            note(unit_of.get(a.organisation) or unit_of.get(name) or name, None)
    known = {o.name for o in doc.organisations}
    doc.organisations.extend(
        Organisation(name=n, aliases=sorted(a)) for n, a in found.items() if n not in known
    )
    return doc


def find_places(layer: TextLayer, doc: Document) -> Document:
    """Gazetteer places outside organisation names ('Region Jämtland Härjedalen' is no place)."""
    text = layer.text
    orgs = [(s, e) for s, e, _, _ in organisation_spans(layer, doc)]
    seen = {p.name for p in doc.places}
    # 'Kristoffer Lund' is a person, not the town
    names = [(m.start(), m.end()) for p in doc.people for m in re.finditer(re.escape(p.name), text)]
    claimed = orgs + names + _body_in_title(text, doc)
    found = _with_direction(text, _as_written(text, _gazetteer_places(text, exclude=claimed)))
    found += [(m.start(), m.end(), m.group(0), "road") for m in _road_pattern().finditer(text)]
    found += [(m.start(), m.end(), m.group(0), "route") for m in _route_pattern().finditer(text)]
    venues = _venues_after(text, found)
    # 'Västerviks sjukhus' names the hospital; the town is named only as part of it
    found = [f for f in found if not any(vs <= f[0] and f[1] <= ve for vs, ve, _, _ in venues)] + venues
    in_names = [f for f in found if f[3] != "venue" and _part_of_a_name(text, f, orgs)]
    found = [f for f in found if f not in in_names]
    claimed += [(s, e) for s, e, _, _ in in_names]
    found += _cued_places(text, doc, claimed, [(s, e) for s, e, _, _ in found])
    found += _joined_places(text, doc, found, claimed)
    found += _meeting_venue(doc)
    for s, e, name, kind in sorted(found, key=lambda f: f[:2]):
        if s >= 0:  # the meeting's venue is read from the meeting place, not from a span
            add_mention(layer, doc, "LOC", s, e, name)
        # a road or a railway line locates what is said (an event 'på E45') but is a route, not a place
        if name not in seen and kind not in ("road", "route"):
            seen.add(name)
            doc.places.append(Place(name=name))
    return doc


_NAME_GOES_ON = re.compile(r"[ ][A-ZÅÄÖ][\wåäöé]+")


def _part_of_a_name(text: str, place: tuple[int, int, str, str], orgs: list[tuple[int, int]]) -> bool:
    """'Coompanion Halland', 'LRF Uppsala län', 'Naturskyddsföreningen i Stockholms län': after an organisation
    the place names its local branch; 'Piteå Science Park', 'Fyrbodals kommunalförbund': the place begins a
    longer name. Neither says anything happens at the place."""
    s, e, _name, kind = place
    if kind in ("road", "route"):
        return False
    before = text[max(0, s - 3) : s]
    if any(oe in (s - 1, s - 3 if kind == "county" and before == " i " else -1) for _, oe in orgs):
        return True
    if _NAME_GOES_ON.match(text, e):
        return True
    return text[e - 1 : e] == "s" and _organisation_noun().match(text, e) is not None


@cache
def _organisation_noun() -> re.Pattern[str]:
    """' kommunalförbund', ' församling' …: a noun after a place's genitive that makes it a body's name."""
    return re.compile(
        rf"[ ](?:{alternation(load_json('lang', 'sv', 'structure.json')['organisation_nouns'])})\b"
    )


def _body_in_title(text: str, doc: Document) -> list[tuple[int, int]]:
    """'Näringslivsrådet Halland – minnesanteckningar': the county in the body's name names no place of the
    meeting; where the minutes speak of the county itself, it is found there."""
    title, body = doc.meeting.title, doc.meeting.body
    if not title or not body:
        return []
    at = text.find(title)
    inner = title.find(body)
    return [(at + inner, at + inner + len(body))] if at >= 0 and inner >= 0 else []


# 'Sammanträdesrum Vindeln', 'Länsstyrelsens sammanträdesrum Dalälven': a room is named after a place or a
# river, it is not one; a hall with a name of its own ('Sessionssalen', 'Malmsalen') is a venue
_ROOM = re.compile(r"(?:\b|sammanträdes|konferens|mötes|grupp)rum(?:met)?\b", re.IGNORECASE)


def _office(place: str) -> bool:
    """'Föreningens kontor', 'Peak Innovations lokaler': premises, not a place of their own."""
    return any(w in place.lower() for w in ("lokaler", "kontor", "kansli"))


def _cued_places(
    text: str, doc: Document, claimed: list[tuple[int, int]], places: list[tuple[int, int]]
) -> list[tuple[int, int, str, str]]:
    """Places outside the gazetteer, named after a preposition of place: "i Böda", "vid Tännforsen",
    "på Dalarna Science Park" (a venue that holds a gazetteer place is a place of its own)."""
    times = [(t.start, t.end) for t in find_times(text, doc.meeting.date)]
    out = []
    for m in _place_cue().finditer(text):
        s, e = m.span("name")
        name = m.group("name")
        if not _may_be_place(name, doc) or any(a < e and s < b for a, b in claimed + times):
            continue
        if any(a < e and s < b and (b - a >= e - s) for a, b in places):
            continue  # the gazetteer has it already
        if m.group("prep") in ("till", "från") and _names_on(text, e):
            continue  # 'till Grön gemenskap': a campaign's or a title's name
        if (
            _is_venue(name)
            and (town := _VENUE_TOWN.match(text, e))
            and _may_be_place(town.group("town"), doc)
        ):
            e, name = town.end(), f"{name} i {town.group('town')}"  # 'Folkets hus i Hofors' is one venue
        out.append((s, e, name, "place"))
    return out


def _is_venue(name: str) -> bool:
    """A venue every town has ('Folkets hus', 'Stadshuset'), whose town is part of its name; 'Dalarna Science
    Park' is a name of its own."""
    common = load_json("lang", "sv", "structure.json")["common_buildings"]
    low = name.lower()
    venue = re.search(rf"(?:{_place_words()['venues']})$", name, re.IGNORECASE)
    # 'Folkets hus', 'Länssjukhuset', 'Stadshuset' stand in every town; 'Dunkers kulturhus', 'Mälarsjukhuset' are
    # one place each
    generic = low in common or low.startswith(_GENERIC_VENUE_PREFIXES) or low in _place_words()["venue_set"]
    return generic and venue is not None


_GENERIC_VENUE_PREFIXES = ("folkets ", "läns", "stads", "kommun", "region", "landstings")
_VENUE_TOWN = re.compile(r"[ ]i[ ](?P<town>[A-ZÅÄÖ][a-zåäö]+)(?![\w-])")


def _as_written(text: str, places: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """A county by its short name as the minutes write it ('Gävleborg', 'Västra Götaland'), not as 'X län'."""
    out = []
    for s, e, name, kind in places:
        written = re.sub(r"s$", "", text[s:e]) if not name.endswith("s") else text[s:e]
        out.append((s, e, written if kind == "county" and " län" not in written else name, kind))
    return out


_LOWER_WORD = re.compile(r"[ ]([a-zåäö]{3,})\b")


def _names_on(text: str, end: int) -> bool:
    """Does a lower-case word that is no verb or function word follow ('Grön gemenskap', not 'Bjursås ska')?"""
    m = _LOWER_WORD.match(text, end)
    if not m:
        return False
    clause = frozenset(load_json("lang", "sv", "events.json")["stop_words"])
    return m.group(1) not in clause and m.group(1) not in (
        "och",
        "samt",
        "eller",
        "med",
        "för",
        "hade",
        "har",
    )


def _may_be_place(name: str, doc: Document) -> bool:
    data = load_json("lang", "sv", "structure.json")
    people = {part for p in doc.people for part in p.name.split()}
    if name in data["not_places"] or set(name.split()) & people:
        return False
    return default_registry().resolve(name, county=doc.meeting.county) is None


def _joined_places(
    text: str, doc: Document, places: list[tuple[int, int, str, str]], claimed: list[tuple[int, int]]
) -> list[tuple[int, int, str, str]]:
    """ "mellan Vålådalen och Blåhammaren", "sträckan Gävle–Kringlan": a name joined to a place is one too."""
    pattern = re.compile(r"(?:[ ]och[ ]|[ ]?[–—][ ]?)(?P<name>[A-ZÅÄÖ][a-zåäöéü]+)(?![\w-])")
    taken = [(s, e) for s, e, _, _ in places] + claimed
    out = []
    for _s, e, _name, kind in places:
        m = pattern.match(text, e)
        if not m or kind == "road":
            continue
        s2, e2 = m.span("name")
        if any(a < e2 and s2 < b for a, b in taken) or not _may_be_place(m.group("name"), doc):
            continue
        out.append((s2, e2, m.group("name"), "place"))
    return out


def _meeting_venue(doc: Document) -> list[tuple[int, int, str, str]]:
    """Where the meeting was held, as its parts: "Sessionssalen, Rådhuset i Ystad" is the hall, the town hall and
    the town; premises, addresses and organisations are not places ('Föreningens kontor', 'Hornsgatan 20',
    'Karlstads universitet'), nor a part written all in lower case ('kommunhuset i Lycksele')."""
    parts = [
        q.strip(" .")
        for p in (doc.meeting.place or "").split(",")
        for q in re.split(r"[ ]i[ ](?=[A-ZÅÄÖ])", p.strip())
    ]
    out = []
    for part in parts:
        if (
            re.search(r"\b[A-ZÅÄÖ]", part)
            and not any(ch.isdigit() for ch in part)
            and not _office(part)
            and not _ROOM.search(part)
            and default_registry().resolve(part, county=doc.meeting.county) is None
            and (" " in part or _may_be_place(part, doc))
        ):
            out.append((-1, -1, part, "venue"))
    return out


@cache
def _place_words() -> dict[str, Any]:
    d = load_json("lang", "sv", "structure.json")

    # one line only: a name never runs on into the next line's first word
    return {
        "preps": alternation(d["place_prepositions"], "[ ]"),
        "venues": alternation(d["venue_words"], "[ ]"),
        "venue_set": frozenset(d["venue_words"]),
        "dirs": alternation(d["direction_words"], "[ ]"),
    }


@cache
def _place_cue() -> re.Pattern[str]:
    w = _place_words()
    cap = r"[A-ZÅÄÖ][a-zåäöéü]+"
    # one line only: a name never runs on into the next line's first word
    return re.compile(
        rf"(?<![\w-])(?P<prep>{w['preps']})[ ]+(?P<name>{cap}(?:-{cap})?(?:[ ](?:&[ ])?(?:{cap}|(?:{w['venues']})(?![\w-]))){{0,3}})(?![\w-])"
    )


@cache
def _route_pattern() -> re.Pattern[str]:
    return re.compile(load_json("lang", "sv", "structure.json")["route_pattern"])


def _with_direction(text: str, places: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """'södra Dalarna': a direction before a place is part of the place named."""
    pattern = re.compile(rf"(?<![\w-])(?:{_place_words()['dirs']})[ ]+$", re.IGNORECASE)
    out = []
    for s, e, name, kind in places:
        m = pattern.search(text, max(0, s - 14), s)
        out.append((m.start(), e, f"{text[m.start() : s]}{name}", kind) if m else (s, e, name, kind))
    return out


def _venues_after(text: str, places: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """'Luleå central', 'Umeå stadshus': a place and a venue word name a place of their own."""
    venue = rf"[ ](?:{_place_words()['venues']})(?![\w-])"
    pattern = re.compile(venue, re.IGNORECASE)
    # 'i Skellefteå Kraft Arena': after a preposition of place, more words of the name may precede the venue
    # word; without one, 'Piteå Science Park växer' is a company more often than a venue
    named = re.compile(rf"(?-i:[ ][A-ZÅÄÖ][\wåäö]+){{1,2}}{venue}", re.IGNORECASE)
    after_prep = re.compile(rf"(?<![\w-])(?:{_place_words()['preps']})[ ]$")
    out = []
    for s, e, _name, kind in places:
        if kind in ("road", "route"):
            continue
        m = pattern.match(text, e) or (after_prep.search(text, max(0, s - 12), s) and named.match(text, e))
        if m:
            out.append((s, m.end(), text[s : m.end()], "venue"))
    return out


@cache
def _road_pattern() -> re.Pattern[str]:
    return re.compile(load_json("lang", "sv", "structure.json")["road_pattern"])
