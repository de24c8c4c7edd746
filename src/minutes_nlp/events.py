"""Events: named happenings with a date, a place and an organiser ('Regionstämma 18 mars i Östersund').

An event is an event noun (``models/lang/sv/events.json``: 'konferens', 'träff', '-stämma', '-dag' in a
compound …) and a date expression in the same sentence. A date is the event's when it says when something
happens: deadlines ('senast 14 februari') and open starts ('från och med december') say when something
must be done or changes, so they make no event; nor do recurrences or bare clock times.

The name is the noun phrase as written, without determiners and without the place and date that follow:
'en digital informationsträff om ansökningsprocessen hålls nästa vecka' → 'Digital informationsträff om
ansökningsprocessen'. A proper name wins over the noun ('webbinarieserien Lönsamhetskollen' →
'Lönsamhetskollen', 'Leverans och försvar – konferens i Storlien' → 'Leverans och försvar – konferens').
The minutes' own next meeting ('nästa näringslivsdialog hålls 25 november') takes the meeting's name.
The organiser is the organisation of the section the event is reported under, else an organisation
named in the sentence (else, for the next meeting, the host).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from typing import Any

from .entities import add_mention, organisation_spans, section_at, sentences
from .places import find_places
from .records import Document, Event
from .resources import load_json
from .temporal import TimeExpression, find_times
from .textlayer import TextLayer

__all__ = ["find_events", "next_meeting_date"]

_NOT_WHEN = frozenset({"deadline", "recurrence", "time"})
_MAX_EVENT_DAYS = 92  # a season at most
_DEFINITE = frozenset({"en", "et", "n", "t", "na", "arna", "erna", "ena", "ens", "ets"})
_WORD = re.compile(r"[\wåäöÅÄÖéü]+(?:[-:][\wåäöÅÄÖéü]+)*")


@dataclass(frozen=True)
class _Lex:
    noun: re.Pattern[str]
    compound_only: frozenset[str]
    not_events: frozenset[str]
    weekdays: frozenset[str]
    determiners: frozenset[str]
    adjective: re.Pattern[str]
    descriptor: re.Pattern[str]
    place_preps: frozenset[str]
    stop: frozenset[str]
    start_verbs: re.Pattern[str]
    next_words: frozenset[str]
    meeting_heads: frozenset[str]


def _alt(forms: list[str]) -> str:
    return "|".join(r"\s+".join(map(re.escape, f.split())) for f in sorted(set(forms), key=len, reverse=True))


@cache
def _lex() -> _Lex:
    d: dict[str, Any] = load_json("lang", "sv", "events.json")
    t = load_json("lang", "sv", "time.json")
    endings = _alt([e for e in d["endings"] if e])
    noun = re.compile(
        rf"(?<![\w-])(?P<prefix>[\w-]*?)(?P<head>{_alt(d['heads'])})(?:{endings})?(?![\w-])", re.IGNORECASE
    )
    return _Lex(
        noun=noun,
        compound_only=frozenset(d["compound_only"]),
        not_events=frozenset(d["not_events"]),
        weekdays=frozenset(n for wd in t["weekdays"] for n in wd["names"]),
        determiners=frozenset(d["determiners"]),
        adjective=re.compile(rf"\w+(?:{_alt(d['adjective_suffixes'])})", re.IGNORECASE),
        descriptor=re.compile(rf"\s+(?P<prep>{_alt(d['descriptor_prepositions'])})\s+", re.IGNORECASE),
        place_preps=frozenset(d["place_prepositions"]),
        stop=frozenset(d["stop_words"]),
        start_verbs=re.compile(rf"(?<!\w)(?:{_alt(d['start_verbs'])})(?!\w)", re.IGNORECASE),
        next_words=frozenset(d["next_meeting_words"]),
        meeting_heads=frozenset(d["meeting_heads"]),
    )


@dataclass(frozen=True)
class _Noun:
    start: int
    end: int
    head: str  # the lexicon head, lower case
    compound: bool  # 'Branschträff', not 'träff'
    ending: str  # inflection after the head ('en' in 'träffen')


def _nouns(text: str, start: int, end: int) -> list[_Noun]:
    lx = _lex()
    out = []
    for m in lx.noun.finditer(text, start, end):
        word = " ".join(m.group(0).lower().split())
        head = " ".join(m.group("head").lower().split())
        prefix = m.group("prefix").lower().rstrip("-")
        stem = (m.group("prefix") + m.group("head")).lower()
        if word in lx.not_events or stem in lx.not_events or (head in lx.compound_only and not prefix):
            continue
        if prefix and (prefix in lx.weekdays or prefix.rstrip("s") in lx.weekdays):
            continue  # 'tisdagskväll' is a time, not a happening
        ending = m.group(0)[m.end("head") - m.start() :].lower()
        out.append(_Noun(m.start(), m.end(), head, bool(prefix), ending))
    return out


def _is_when(e: TimeExpression) -> bool:
    if e.kind in _NOT_WHEN or e.value_start is None or e.value_end is None:
        return False  # 'från och med december': an open start is no event date
    # 'förra året', 'under första halvåret': a year or half-year frames a report, it does not date a happening
    return (e.value_end - e.value_start).days <= _MAX_EVENT_DAYS


def _covers_noun(e: TimeExpression, nouns: list[_Noun]) -> bool:
    return any(e.start <= n.start and n.end <= e.end for n in nouns)


def _pair(nouns: list[_Noun], dates: list[TimeExpression]) -> list[tuple[_Noun, TimeExpression]]:
    """Each noun with the nearest free date after it (before the next noun), else the nearest before it."""
    used: set[int] = set()
    pairs = []
    for i, n in enumerate(nouns):
        nxt = nouns[i + 1].start if i + 1 < len(nouns) else 10**12
        prev = nouns[i - 1].end if i else -1
        after = [j for j, d in enumerate(dates) if j not in used and n.end <= d.start < nxt]
        before = [j for j, d in enumerate(dates) if j not in used and prev <= d.start and d.end <= n.start]
        pick = after[0] if after else (before[-1] if before else None)
        if pick is not None:
            used.add(pick)
            pairs.append((n, dates[pick]))
    return pairs


def _words_before(text: str, lo: int, at: int) -> list[re.Match[str]]:
    return list(_WORD.finditer(text, lo, at))


def _name_span(
    text: str,
    sent: tuple[int, int],
    noun: _Noun,
    blocked: list[tuple[int, int]],
    place_starts: set[int],
) -> tuple[int, int]:
    """The event's noun phrase: attributive adjectives, the noun, and 'om/för/i …' descriptors."""
    lx = _lex()
    start = noun.start
    before = _words_before(text, sent[0], noun.start)
    taken = 0
    for w in reversed(before):
        between = text[w.end() : start]
        if between.strip() or taken == 2:
            break
        low = w.group(0).lower()
        if low in lx.determiners or low in lx.stop or not lx.adjective.fullmatch(low):
            break
        start, taken = w.start(), taken + 1
    return start, _descriptors_end(text, sent, noun.end, blocked, place_starts)


def _descriptors_end(
    text: str, sent: tuple[int, int], end: int, blocked: list[tuple[int, int]], place_starts: set[int]
) -> int:
    """The end of the 'om …', 'för …', 'i …' phrases from ``end`` that still name the event."""
    lx = _lex()
    words = 0
    while words < 10:
        m = lx.descriptor.match(text, end)
        if not m or m.end() >= sent[1]:
            break
        prep = m.group("prep").lower()
        if m.end() in place_starts and prep in lx.place_preps:
            break
        stop, pos = end, m.end()
        for w in _WORD.finditer(text, m.end(), sent[1]):
            gap = text[pos : w.start()]
            low = w.group(0).lower()
            if gap.strip() and gap.strip() not in ("-",):
                break
            if low in lx.stop and low not in ("och", "som") or any(s <= w.start() < e for s, e in blocked):
                break
            if w.start() in place_starts:
                break
            if low in ("och", "som"):
                after = _WORD.match(text, _next_word_start(text, w.end()))
                if low == "som" and (after is None or after.group(0).lower() in lx.stop):
                    break  # 'som kan starta i januari': the clause is about the event, not its name
                pos = w.end()
                continue
            if low in lx.place_preps and _next_word_start(text, w.end()) in place_starts:
                break
            if lx.descriptor.fullmatch(text[w.start() - 1 : w.end() + 1]) and stop > end:
                break  # a second descriptor: the loop takes it from the top
            stop, pos, words = w.end(), w.end(), words + 1
            if words >= 10:
                break
        if stop == end:
            break
        end = stop
    return end


def _late_topic(
    text: str,
    sent: tuple[int, int],
    at: int,
    dates: list[tuple[int, int]],
    blocked: list[tuple[int, int]],
    place_starts: set[int],
) -> tuple[int, int] | None:
    """'en konferens i Storlien 23-24 april om X': the topic after the place and date still names it."""
    lx = _lex()
    pos = at
    while True:
        nxt = _next_word_start(text, pos)
        d = next((e for s, e in dates if s == nxt), None)
        if d is not None:
            pos = d
            continue
        m = lx.descriptor.match(text, pos)
        if m and m.group("prep").lower() in lx.place_preps and m.end() in place_starts:
            w = _WORD.match(text, m.end())
            pos = w.end() if w else m.end()
            continue
        break
    if pos == at:
        return None
    m = lx.descriptor.match(text, pos)
    if not m or m.group("prep").lower() != "om":
        return None
    end = _descriptors_end(text, sent, pos, blocked, place_starts)
    return (pos, end) if end > pos else None


def _next_word_start(text: str, at: int) -> int:
    m = re.compile(r"\s+").match(text, at)
    return m.end() if m else at


def _proper_name(
    text: str, sent: tuple[int, int], noun: _Noun, blocked: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """'webbinarieserien Lönsamhetskollen': a capitalised name right after the noun; 'X – konferens'."""
    m = re.compile(r"\s+[«\"”]?(?P<n>[A-ZÅÄÖ][\wåäöé-]+(?:\s+[A-ZÅÄÖ][\wåäöé-]+)*)[»\"”]?").match(
        text, noun.end
    )
    if m and m.end("n") <= sent[1] and not any(s < m.end("n") and m.start("n") < e for s, e in blocked):
        end = m.end("n")
        lx = _lex()
        # a name goes on in lower case ('Framtidens skog') until the clause does
        for _ in range(3):
            w = re.compile(r"\s+(?P<w>[a-zåäöé][\wåäöé-]*)").match(text, end)
            if not w or w.end() > sent[1] or any(s <= w.start("w") < e for s, e in blocked):
                break
            low = w.group("w")
            if low in lx.stop or low in lx.determiners or lx.descriptor.fullmatch(f" {low} "):
                break
            end = w.end()
        return m.start("n"), end
    lead = text[sent[0] : noun.start]
    d = re.fullmatch(r"\s*(?P<n>[A-ZÅÄÖ\"«][^–—:;.]*?)\s+[–—]\s+", lead)
    if d:
        return sent[0] + d.start("n"), noun.end
    return None


def _section_org(doc: Document, offset: int) -> str | None:
    sec = section_at(doc, offset)
    by_id = {s.id: s for s in doc.sections}
    while sec is not None:
        if sec.organisation or sec.organisation_as_written:
            return sec.organisation or sec.organisation_as_written
        sec = by_id.get(sec.parent_id or "")
    return None


def _body(doc: Document) -> str | None:
    """The meeting's body without where it met ('Regional näringslivsdialog i Regionens hus, …')."""
    body = doc.meeting.body
    if not body:
        return None
    return re.split(r",|\s+(?:i|på|vid)\s+(?=[A-ZÅÄÖ])", body)[0].strip() or None


def _own_meeting(
    text: str, sent: tuple[int, int], noun: _Noun, name_end: int, doc: Document | None, *, next_only: bool
) -> bool:
    """Is the noun the minutes' own (next) meeting: 'nästa styrelsemöte', 'forumets möte'?"""
    lx = _lex()
    if name_end != noun.end or noun.head not in lx.meeting_heads:
        return False
    before = _words_before(text, sent[0], noun.start)
    if not before:
        return False
    prev = before[-1].group(0).lower()
    if prev in lx.next_words:
        return True
    body = _body(doc) if doc is not None else None
    if next_only or not body or not prev.endswith("s"):
        return False
    stem = re.sub(r"(?:ets|ens|s)$", "", prev)
    return len(stem) >= 4 and any(w.lower().endswith(stem) for w in body.split())


def _own_meeting_name(text: str, noun: _Noun, doc: Document) -> str:
    body = _body(doc)
    written = text[noun.start : noun.end]
    stem = written[: len(written) - len(noun.ending)].lower()
    # the body's name when the noun is that name's head word ('nästa näringslivsdialog', 'Regional
    # näringslivsdialog') or a bare 'möte'; a 'styrelsemöte' of 'Styrelsemöte LRF Jämtland' stays as written
    if body and (not noun.compound or body.lower().split()[-1].startswith(stem)):
        return body
    return written


def _within(exprs: list[TimeExpression], starts: list[int], span: tuple[int, int]) -> list[TimeExpression]:
    """The expressions (sorted by start) that start inside ``span``."""
    return exprs[bisect_left(starts, span[0]) : bisect_left(starts, span[1])]


def next_meeting_date(
    layer: TextLayer, exprs: list[TimeExpression], doc: Document | None = None
) -> dt.date | None:
    """The date of the minutes' next meeting when they announce it ('nästa möte hålls 21 oktober')."""
    text = layer.text
    spans = sentences(layer)
    starts = [e.start for e in exprs]
    for sent in spans:
        dates = [e for e in _within(exprs, starts, sent) if _is_when(e)]
        if not dates:
            continue
        nouns = _nouns(text, *sent)
        for noun, when in _pair(nouns, dates):
            name_end = _name_span(text, sent, noun, [], set())[1]
            if when.kind == "date" and _own_meeting(text, sent, noun, name_end, doc, next_only=True):
                return when.value_start
    return None


def find_events(layer: TextLayer, doc: Document) -> Document:
    text = layer.text
    orgs = organisation_spans(layer, doc)
    org_spans = [(s, e) for s, e, _, _ in orgs]
    places = find_places(text, exclude=org_spans)
    place_starts = {s for s, _, _, _ in places}
    exprs = find_times(text, doc.meeting.date)
    nxt = next_meeting_date(layer, exprs, doc)
    if nxt is not None:
        exprs = find_times(text, doc.meeting.date, next_meeting=nxt)
    spans = sentences(layer)
    starts = [e.start for e in exprs]
    seen: set[tuple[str, dt.date | None]] = set()
    for sent in spans:
        in_sent = _within(exprs, starts, sent)
        if not in_sent:
            continue
        nouns = _nouns(text, *sent)
        if not nouns:
            continue
        # 'nästa möte' is also a time expression (the next meeting): the noun stays, the expression goes
        in_sent = [e for e in in_sent if not (e.kind == "relative" and _covers_noun(e, nouns))]
        nouns = [n for n in nouns if not any(e.start < n.end and n.start < e.end for e in in_sent)]
        if layer.line_at(sent[0]) is not None and layer.line_at(sent[0]).kind == "table_row":
            continue  # a table of actions: its dates are when things are due
        dates = [e for e in in_sent if _is_when(e)]
        blocked = [(e.start, e.end) for e in in_sent] + org_spans
        for noun, when in _pair(nouns, dates):
            ns, ne = _name_span(text, sent, noun, blocked, place_starts)
            proper = _proper_name(text, sent, noun, blocked + [(s, e) for s, e, _, _ in places])
            if proper:
                ns, ne = proper
            elif (ns, ne) == (noun.start, noun.end) and not noun.compound and noun.ending in _DEFINITE:
                continue  # a bare 'dialogen', 'mötet': something named before, no new event
            name = " ".join(text[ns:ne].split())
            if not proper and ne == noun.end:
                tail = _late_topic(text, sent, ne, [(e.start, e.end) for e in in_sent], blocked, place_starts)
                if tail:
                    name += " " + " ".join(text[tail[0] : tail[1]].split())
            organiser = _section_org(doc, noun.start)
            if not proper and _own_meeting(text, sent, noun, ne, doc, next_only=False):
                name = _own_meeting_name(text, noun, doc)
                organiser = doc.meeting.host or organiser
            if organiser is None:
                organiser = next((n for s, e, n, _ in orgs if sent[0] <= s < sent[1]), None)
            name = name[:1].upper() + name[1:]
            key = (name.casefold(), when.value_start)
            if key in seen:
                continue
            seen.add(key)
            lo, hi = sorted((noun.end, when.start))
            end = None if _lex().start_verbs.search(text[lo:hi]) else when.value_end
            place = next((p for s, _, p, _ in places if noun.start <= s < sent[1]), None)
            place = place or next((p for s, _, p, _ in places if sent[0] <= s < sent[1]), None)
            sec = section_at(doc, noun.start)
            if sec is None and when.value_start == doc.meeting.date and doc.meeting.date is not None:
                continue  # the title names the meeting these minutes are of
            doc.events.append(
                Event(
                    name=name,
                    start=when.value_start,
                    end=end,
                    place=place,
                    organisation=organiser,
                    section_id=sec.id if sec else None,
                    page=layer.page_at(ns),
                )
            )
            add_mention(layer, doc, "EVENT", ns, ne, name)
    return doc
