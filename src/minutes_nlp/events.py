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
from .names import is_first_name, looks_like_person
from .places import find_places
from .records import Document, Event
from .registry import default_registry
from .resources import alternation, load_json
from .temporal import TimeExpression, find_times
from .textlayer import TextLayer

__all__ = ["find_events", "next_meeting_date"]

_NOT_WHEN = frozenset({"deadline", "recurrence", "time"})
_PLURAL = frozenset({"er", "ar", "or", "na", "erna", "arna"})
_GENITIVE = frozenset({"s", "ens", "ets", "ns"})
_TITLE_PREPOSITIONS = frozenset({"vid", "över", "under"})
_MAX_EVENT_DAYS = 92  # a season at most
_DEFINITE = frozenset({"en", "et", "n", "t", "na", "arna", "erna", "ena", "ens", "ets"})
_WORD = re.compile(r"[\wåäöÅÄÖéü]+(?:[-:][\wåäöÅÄÖéü]+)*")


@dataclass(frozen=True)
class _Lex:
    noun: re.Pattern[str]
    compound_only: frozenset[str]
    not_events: frozenset[str]
    not_event_endings: tuple[str, ...]
    weekdays: frozenset[str]
    determiners: frozenset[str]
    adjective: re.Pattern[str]
    descriptor: re.Pattern[str]
    place_preps: frozenset[str]
    stop: frozenset[str]
    start_verbs: re.Pattern[str]
    next_words: frozenset[str]
    meeting_heads: frozenset[str]
    meeting_preps: dict[str, str]
    meeting_verbs: re.Pattern[str]
    verb_nouns: dict[str, str]
    next_headings: re.Pattern[str]


@cache
def _lex() -> _Lex:
    d: dict[str, Any] = load_json("lang", "sv", "events.json")
    t = load_json("lang", "sv", "time.json")
    endings = alternation([e for e in d["endings"] if e])
    noun = re.compile(
        rf"(?<![\w-])(?P<prefix>[\w-]*?)(?P<head>{alternation(d['heads'])})(?:{endings})?(?![\w-])",
        re.IGNORECASE,
    )
    return _Lex(
        noun=noun,
        compound_only=frozenset(d["compound_only"]),
        not_events=frozenset(w for w in d["not_events"] if not w.startswith("-")),
        not_event_endings=tuple(w[1:] for w in d["not_events"] if w.startswith("-")),
        weekdays=frozenset(n for wd in t["weekdays"] for n in wd["names"]),
        determiners=frozenset(d["determiners"]),
        adjective=re.compile(rf"\w+(?:{alternation(d['adjective_suffixes'])})", re.IGNORECASE),
        descriptor=re.compile(rf"\s+(?P<prep>{alternation(d['descriptor_prepositions'])})\s+", re.IGNORECASE),
        place_preps=frozenset(d["place_prepositions"]),
        stop=frozenset(d["stop_words"]),
        start_verbs=re.compile(rf"(?<!\w)(?:{alternation(d['start_verbs'])})(?!\w)", re.IGNORECASE),
        next_words=frozenset(d["next_meeting_words"]),
        meeting_heads=frozenset(d["meeting_heads"]),
        meeting_preps=dict(d["meeting_prepositions"]),
        # 'Kommunstyrelsen sammanträder tisdag 22 november': the subject is the group that meets
        meeting_verbs=re.compile(
            rf"(?P<subject>(?:[A-ZÅÄÖ][\wåäö-]*\s+){{0,3}}[\wåäö-]+)\s+(?P<verb>{alternation(list(d['meeting_verbs']))})(?!\w)"
        ),
        verb_nouns=dict(d["meeting_verbs"]),
        next_headings=re.compile(
            rf"^(?:§\s*)?(?:\d{{1,2}}[.)]?\s*)?(?:punkt\s+\d+\s*[–—:-]?\s*)?(?:{alternation(d['next_meeting_headings'])})\b",
            re.IGNORECASE,
        ),
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
        # 'dag' alone is no happening; 'Lantbrukets dag', 'Vänerns dag' are
        genitive = head in lx.compound_only and not prefix and _after_genitive(text, start, m.start())
        if not genitive and (
            word in lx.not_events or stem in lx.not_events or stem.endswith(lx.not_event_endings)
        ):
            continue
        in_name = m.group(0)[:1].isupper() and _capital_before(text, start, m.start())
        if head in lx.compound_only and not prefix and not genitive and not in_name:
            continue
        if prefix and (prefix in lx.weekdays or prefix.rstrip("s") in lx.weekdays):
            continue  # 'tisdagskväll' is a time, not a happening
        ending = m.group(0)[m.end("head") - m.start() :].lower()
        if ending in _GENITIVE and re.match(r"[ ]+[a-zåäö]", text[m.end() : m.end() + 3]):
            continue  # 'Vasaloppets hus', 'konferensens program': the happening owns something, is not dated here
        out.append(_Noun(m.start(), m.end(), head, bool(prefix), ending))
    return out


def _capital_before(text: str, lo: int, at: int) -> bool:
    """Is a capitalised word right before ``at`` ('Nordic Hydrogen Forum', 'Blekinge Jobbdag')?"""
    before = list(_WORD.finditer(text, lo, at))
    return bool(before) and before[-1].group(0)[:1].isupper() and not text[before[-1].end() : at].strip()


def _after_genitive(text: str, lo: int, at: int) -> bool:
    """Does a capitalised genitive stand right before ``at`` ('Lantbrukets dag', 'Företagens dag')?"""
    return _genitive_start(text, lo, at) is not None


def _genitive_start(text: str, lo: int, at: int) -> int | None:
    lo = max(lo, at - 40)
    m = re.search(r"(?<![\w-])([A-ZÅÄÖ][\wåäö]{2,}s)\s+$", text[lo:at])
    return lo + m.start(1) if m is not None and m.group(1).lower() not in _lex().determiners else None


def _is_when(e: TimeExpression) -> bool:
    if e.kind in _NOT_WHEN or e.value_start is None or e.value_end is None:
        return False  # 'från och med december': an open start is no event date
    # 'förra året', 'under första halvåret': a year or half-year frames a report, it does not date a happening
    return (e.value_end - e.value_start).days <= _MAX_EVENT_DAYS


def _covers_noun(e: TimeExpression, nouns: list[_Noun]) -> bool:
    return any(e.start <= n.start and n.end <= e.end for n in nouns)


def _pair(text: str, nouns: list[_Noun], dates: list[TimeExpression]) -> list[tuple[_Noun, TimeExpression]]:
    """Each noun with the nearest free date after it (before the next noun), else the nearest before it."""
    used: set[int] = set()
    pairs = []
    for i, n in enumerate(nouns):
        nxt = nouns[i + 1].start if i + 1 < len(nouns) else 10**12
        prev = nouns[i - 1].end if i else -1
        after = [j for j, d in enumerate(dates) if j not in used and n.end <= d.start < nxt]
        # a date before the noun dates it only within the clause: '… ärendet 2024-05-28, och föreslår att
        # fullmäktige beslutar' says nothing of a meeting of fullmäktige
        before = [
            j
            for j, d in enumerate(dates)
            if j not in used and prev <= d.start and d.end <= n.start and "," not in text[d.end : n.start]
        ]
        if len(after) > 1 and _in_aside(text, n.end, dates[after[0]].start, dates[after[1]].start):
            after = after[
                1:
            ]  # 'Stämman, som skulle ha hållits i april, genomförs 9 juni': the aside's date is not it
        pick = after[0] if after else (before[-1] if before else None)
        if pick is not None:
            used.add(pick)
            pairs.append((n, dates[pick]))
    return pairs


@cache
def _definite_events() -> frozenset[str]:
    return frozenset(load_json("lang", "sv", "events.json")["definite_events"])


@cache
def _moved() -> re.Pattern[str]:
    verbs = alternation(load_json("lang", "sv", "events.json")["moved_verbs"])
    return re.compile(rf"(?<!\w)(?:{verbs})\s+(?:\w+\s+)?från\b", re.IGNORECASE)


def _moved_to(text: str, sent: tuple[int, int], e: TimeExpression) -> TimeExpression:
    """'flyttas från 4 juni till 1 oktober': the span of a move is its new day."""
    if e.kind == "range" and e.value_end and _moved().search(text[sent[0] : e.start + 5]):
        return TimeExpression(e.text, e.start, e.end, "date", e.value_end, e.value_end)
    return e


def _in_aside(text: str, noun_end: int, first: int, second: int) -> bool:
    """Is ``first`` inside a ', som …,' clause that closes before ``second``?"""
    lead = text[noun_end:first]
    return re.search(r",\s+som\b", lead) is not None and "," in text[first:second]


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
    owner = _owner_before(text, sent, start, blocked, place_starts, meeting=noun.head in lx.meeting_heads)
    if owner is None and start == noun.start and text[noun.start].isupper():
        owner = _name_before(text, sent, noun.start)
    return owner if owner is not None else start, _descriptors_end(
        text, sent, noun.end, blocked, place_starts
    )


def _name_before(text: str, sent: tuple[int, int], at: int) -> int | None:
    """'på Blekinge Jobbdag', 'Nordic Hydrogen Forum': capitalised words before a capitalised event noun are
    its name (not at the sentence start, where every word is capitalised)."""
    before = _words_before(text, sent[0], at)
    start = None
    # the noun is capitalised inside the sentence, so the capitals before it, the first word's too, are a name
    while before and before[-1].group(0)[:1].isupper() and not text[before[-1].end() : at].strip():
        if before[-1].group(0).lower() in _lex().determiners:
            break
        start = at = before[-1].start()
        before.pop()
    return start


def _owner_before(
    text: str,
    sent: tuple[int, int],
    at: int,
    blocked: list[tuple[int, int]],
    place_starts: set[int],
    *,
    meeting: bool,
) -> int | None:
    """'Sundsvalls näringslivsvecka', 'Trafikverkets branschdagar': a named owner in the genitive is part of
    the name. At a sentence start only a place or an organisation counts ('Nämndens studieresa' does not).
    A meeting is named by whose it is in lower case too ('vid kommunstyrelsens sammanträde 28 maj')."""
    lx = _lex()
    before = _words_before(text, sent[0], at)
    if not before or text[before[-1].end() : at].strip():
        return None
    w = before[-1]
    word = w.group(0)
    if len(word) < 4 or not word.endswith("s") or word.lower() in lx.determiners or word.lower() in lx.stop:
        return None
    if not word[:1].isupper():
        return w.start() if meeting and len(word) >= 8 else None
    named = w.start() in place_starts or any(s <= w.start() < e for s, e in blocked)
    return w.start() if named or len(before) > 1 else None


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
            if low in lx.weekdays:
                break  # 'i torsdag kl 9.00': a day, not part of the name
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
    text: str,
    sent: tuple[int, int],
    noun: _Noun,
    blocked: list[tuple[int, int]],
    places: list[tuple[int, int]] = (),
) -> tuple[int, int] | None:
    """'webbinarieserien Lönsamhetskollen': a capitalised name right after the noun; 'X – konferens'. A place
    alone after the noun is where it is ('konferensen Östersund'); a longer name may hold one
    ('fotbollsturneringen Piteå Summer Games', 'rekryteringsmässan Jobbtorg Gävleborg')."""
    m = re.compile(r"\s+[«\"”]?(?P<n>[A-ZÅÄÖ][\wåäöé-]+(?:\s+[A-ZÅÄÖ][\wåäöé-]+)*)[»\"”]?").match(
        text, noun.end
    )
    if (
        m
        and m.end("n") <= sent[1]
        and not any(s < m.end("n") and m.start("n") < e for s, e in blocked)
        and not any(s <= m.start("n") and m.end("n") <= e for s, e in places)
    ):
        end = m.end("n")
        # 'webbinarieserien Lönsamhetskollen' is the series called so; 'Transportforum Norr' is one name
        start = m.start("n") if noun.ending in _DEFINITE or not text[noun.start].isupper() else noun.start
        lx = _lex()
        # a name goes on in lower case ('Framtidens skog') until the clause does; a title one word long goes
        # on through a preposition too ('kursen Svenska för vården', 'mässan Jobba i länet')
        one_word = " " not in m.group("n").strip()
        taken = 0
        for _ in range(4):
            w = re.compile(r"\s+(?P<w>[a-zåäöé][\wåäöé-]*)").match(text, end)
            if not w or w.end() > sent[1] or any(s <= w.start("w") < e for s, e in blocked):
                break
            low = w.group("w")
            # 'seminariet Mälaren som transportled', 'utställningen Sten och hav'
            joins = lx.descriptor.fullmatch(f" {low} ") is not None or low in ("som", "och")
            if not joins and (
                low in lx.stop or low in lx.determiners or low in lx.weekdays or low in _happening_words()
            ):
                break  # 'enduron Gotland Grand National körs …': the verb ends the name
            if joins:
                # 'seminariet Mälaren som transportled', 'kampanjen Kör för Västmanland'
                after = re.compile(r"\s+(?P<w>[\wåäöéÅÄÖ][\wåäöé-]*)").match(text, w.end())
                if not (one_word and taken == 0 and after and after.end() <= sent[1]):
                    break
                if after.group("w") in lx.stop or any(s <= after.start("w") < e for s, e in blocked):
                    break
                end, taken = after.end(), taken + 2
                continue
            end, taken = w.end(), taken + 1
            # 'Musik vid Siljan', 'Sol över Malmö': the title goes on to the name after the preposition
            cap = (
                re.compile(r"\s+[A-ZÅÄÖ][\wåäöé-]+").match(text, end) if low in _TITLE_PREPOSITIONS else None
            )
            if (
                cap
                and cap.end() <= sent[1]
                and not any(s < cap.end() and cap.start() < e for s, e in blocked)
            ):
                end = cap.end()
                break
        return start, end
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
    # 'Regional näringslivsdialog i Regionens hus, Östersund': where it met, not what it is called
    # ('Samverkansgruppen för vattenförsörjning på Gotland' keeps its place)
    where = re.search(r"\s+(?:i|på|vid)\s+(?=[A-ZÅÄÖ])(?P<rest>.*)$", body)
    if where and (
        "," in where.group("rest") or re.search(r"\b(?:hus|huset|lokaler|stadshus)\b", where.group("rest"))
    ):
        body = body[: where.start()]
    head, _, tail = body.partition(",")
    # 'Nätverket för kompetensförsörjning, Umeå universitet': what follows the comma is whose body it is
    return (f"{head} {tail.strip()}" if tail and default_registry().resolve(tail) else head).strip() or None


def _own_meeting(
    text: str, sent: tuple[int, int], noun: _Noun, name_end: int, doc: Document | None, *, next_only: bool
) -> bool:
    """Is the noun the minutes' own (next) meeting: 'nästa styrelsemöte', 'forumets möte'?"""
    lx = _lex()
    if name_end != noun.end or noun.head not in lx.meeting_heads:
        return False
    before = _words_before(text, sent[0], noun.start)
    prev = before[-1].group(0).lower() if before else ""
    if prev in lx.next_words:
        return True
    written = text[noun.start : noun.end].lower()
    stem = written[: len(written) - len(noun.ending)]
    title = re.findall(r"[\wåäö-]+", (doc.meeting.title or "").lower()) if doc is not None else []
    if not next_only and noun.compound and stem in title:
        return True  # 'styrelsemötet 14 mars' in the minutes of a 'Styrelsemöte': one of this body's meetings
    if not before:
        return False
    body = _body(doc) if doc is not None else None
    if next_only or not body or not prev.endswith("s"):
        return False
    stem = re.sub(r"(?:ets|ens|s)$", "", prev)
    # 'Partnergruppens nästa möte' in the minutes of 'Partnergruppen för …'; a genitive in the body's name
    # names whom it belongs to ('kommunstyrelsens sammanträde' is no meeting of 'Kommunstyrelsens arbetsutskott')
    words = body.split()
    own = [
        w
        for w, after in zip(words, [*words[1:], ""], strict=True)
        if not (w.endswith("s") and after[:1].islower())
    ]
    # 'nämndens sammanträde' in the minutes of 'Kultur- och fritidsnämnden'
    own = [re.sub(r"(?:en|et)$", "", w.lower()) for w in own]
    return len(stem) >= 4 and any(w.endswith(stem) or w.startswith(stem) for w in own)


def _own_meeting_name(text: str, noun: _Noun, doc: Document) -> str:
    written = text[noun.start : noun.end]
    return _meeting_name(written[: len(written) - len(noun.ending)])


def _meeting_name(noun: str) -> str:
    """The minutes' own meeting is named as the minutes name it ('Nästa styrelsemöte hålls …' →
    'Styrelsemöte'); who convenes it is the event's organiser, so the name need not repeat the body."""
    return noun[:1].upper() + noun[1:].lower()


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
        for noun, when in _pair(text, nouns, dates):
            name_end = _name_span(text, sent, noun, [], set())[1]
            if when.kind == "date" and _own_meeting(text, sent, noun, name_end, doc, next_only=True):
                return when.value_start
    if doc is None:
        return None
    announced = _next_by_name(text, spans, exprs, doc)
    return announced[1].value_start if announced else _under_next_meeting_heading(doc, exprs)[0]


@cache
def _next_subject() -> re.Pattern[str]:
    verbs = alternation(load_json("lang", "sv", "events.json")["next_subject_verbs"])
    # 'Nästa styrelsemöte hålls 24 augusti', or as a label: 'Nästa kompetensråd: torsdag 15 februari'
    return re.compile(rf"\b[Nn]ästa\s+(?P<w>[\wåäö-]{{5,}})(?:\s+(?:{verbs})\b|:)")


def _next_by_name(
    text: str, spans: list[tuple[int, int]], exprs: list[TimeExpression], doc: Document
) -> tuple[tuple[int, int], TimeExpression, str] | None:
    """'Nästa företagarråd hålls torsdag 7 december': 'nästa' and a word of the body's name, then the day."""
    body = _body(doc)
    if not body:
        return None
    stems = {w.lower().rstrip("s")[:-1] for w in re.findall(r"[\wåäö-]{5,}", body)}
    pattern = _next_subject()
    starts = [e.start for e in exprs]
    for sent in spans:
        for m in pattern.finditer(text, *sent):
            word = m.group("w").lower()
            if not any(word.startswith(stem) for stem in stems if len(stem) >= 4):
                continue
            when = next((e for e in _within(exprs, starts, (m.end(), sent[1])) if e.kind == "date"), None)
            if when is not None:
                return (m.start(), m.end()), when, m.group("w")
    return None


def _under_next_meeting_heading(
    doc: Document, exprs: list[TimeExpression]
) -> tuple[dt.date | None, Any, TimeExpression | None]:
    """The first day named under a heading 'Nästa möte' / '§ 8 Nästa sammanträde', with its section."""
    lx = _lex()
    for sec in doc.sections:
        m = lx.next_headings.match(sec.title)
        if not m:
            continue
        body_start = sec.start + len(sec.title)
        for e in exprs:
            if body_start <= e.start < sec.end and _is_when(e) and e.kind in ("date", "range"):
                return e.value_start, (sec, m), e
    return None, None, None


def find_events(layer: TextLayer, doc: Document) -> Document:
    text = layer.text
    orgs = organisation_spans(layer, doc)
    org_spans = [(s, e) for s, e, _, _ in orgs]
    places = find_places(text, exclude=org_spans)
    # places the places stage found outside the gazetteer ('i Braås') end a name as well
    places += [(m.start, m.end, m.text, "place") for m in doc.mentions if m.label == "LOC"]
    places.sort()
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
        dates = [e for e in (_moved_to(text, sent, e) for e in in_sent) if _is_when(e)]
        blocked = [(e.start, e.end) for e in in_sent] + org_spans
        for noun, when in _pair(text, nouns, dates):
            ns, ne = _name_span(text, sent, noun, blocked, place_starts)
            proper = _proper_name(text, sent, noun, blocked, [(s, e) for s, e, _, _ in places])
            owner = _genitive_start(text, sent[0], noun.start) if noun.head in _lex().compound_only else None
            if owner is not None and not noun.compound:
                proper = (owner, noun.end)  # 'Forskningens dag', 'Vänerns dag': the owner names the day
            if proper:
                ns, ne = proper
            elif (
                (ns, ne) == (noun.start, noun.end)
                and not noun.compound
                and noun.ending in _DEFINITE
                and noun.head not in _definite_events()
            ):
                continue  # a bare 'dialogen', 'mötet': something named before, no new event
            name = " ".join(text[ns:ne].split())
            if not proper and ne == noun.end:
                tail = _late_topic(text, sent, ne, [(e.start, e.end) for e in in_sent], blocked, place_starts)
                if tail:
                    name += " " + " ".join(text[tail[0] : tail[1]].split())
            organiser = _section_org(doc, noun.start)
            if not proper and _own_meeting(text, sent, noun, ne, doc, next_only=False):
                if doc.meeting.date and when.value_start and when.value_start < doc.meeting.date:
                    continue  # 'vid styrelsemötet 20 april': a meeting held before, no entry for a calendar
                if nxt is not None and when.value_start != nxt:
                    continue  # 'återkomma vid nämndens sammanträde i juni': a date to report by, not the next meeting
                name = _own_meeting_name(text, noun, doc)
                organiser = doc.meeting.host or organiser
            if organiser is None:
                organiser = next((n for s, e, n, _ in orgs if sent[0] <= s < sent[1]), None)
            if noun.ending in _PLURAL and (when.value_end - when.value_start).days >= 6:
                continue  # 'investerarträffar under hösten': a series over a season, no one happening
            if when.kind == "relative" and when.value_start == doc.meeting.date:
                continue  # 'avgöras i dag': the meeting these minutes are of
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
    _meetings_by_verb(layer, doc, exprs, spans, places)
    _happenings_by_verb(layer, doc, exprs, spans, places, org_spans)
    _next_meeting_section(layer, doc, exprs, places)
    if announced := _next_by_name(text, spans, exprs, doc):
        span, when, word = announced
        sent = next(((s, e) for s, e in spans if s <= span[0] < e), span)
        _add_meeting(layer, doc, _meeting_name(word), when, sent, places, span)
    return doc


def _add_meeting(
    layer: TextLayer,
    doc: Document,
    name: str,
    when: TimeExpression,
    sent: tuple[int, int],
    places: list[tuple[int, int, str, str]],
    span: tuple[int, int],
) -> None:
    if any(e.start == when.value_start for e in doc.events) or when.value_start == doc.meeting.date:
        return  # already found by its noun, or the meeting of these minutes
    sec = section_at(doc, span[0])
    doc.events.append(
        Event(
            name=name,
            start=when.value_start,
            end=when.value_end,
            place=next((p for s, _, p, _ in places if sent[0] <= s < sent[1]), None),
            organisation=doc.meeting.host or _section_org(doc, span[0]),
            section_id=sec.id if sec else None,
            page=layer.page_at(span[0]),
        )
    )
    add_mention(layer, doc, "EVENT", span[0], span[1], name)


@cache
def _clause_adverbs() -> frozenset[str]:
    d = load_json("lang", "sv", "events.json")
    return frozenset(d["clause_adverbs"]) | frozenset(d["determiners"])


@cache
def _happening_words() -> frozenset[str]:
    d = load_json("lang", "sv", "events.json")
    return frozenset(v.split()[0] for v in d["happening_verbs"] + d["hosting_verbs"])


@cache
def _happening_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    d = load_json("lang", "sv", "events.json")
    # a name: capitalised words, or one capitalised word and a lower-case one ('Öppen gård', 'Smaka Uppland')
    name = r"(?P<name>[A-ZÅÄÖ][\wåäö-]+(?:\s+[A-ZÅÄÖ][\wåäö-]+){0,3}|[A-ZÅÄÖ][\wåäö-]+\s+[a-zåäö]{3,})"
    # the subject opens its clause: a line (or list item), a sentence, or 'att …' / 'och …'
    subject = re.compile(
        rf"(?:^-?[ \t]*|(?<=[.!?:][ ])|(?<![\w-])(?:att|och|då|när)[ ]+){name}"
        rf"(?:\s+(?:i|på)\s+[A-ZÅÄÖ][\wåäö-]+)?\s+(?:{alternation(d['happening_verbs'])})(?!\w)",
        re.MULTILINE,
    )
    obj = re.compile(rf"(?<!\w)(?:{alternation(d['hosting_verbs'])})\s+{name}")
    return subject, obj


def _happenings_by_verb(
    layer: TextLayer,
    doc: Document,
    exprs: list[TimeExpression],
    spans: list[tuple[int, int]],
    places: list[tuple[int, int, str, str]],
    orgs: list[tuple[int, int]],
) -> None:
    """'Stångaspelen går av stapeln 11–14 juli', 'SLU bjuder in till Öppen gård lördag 3 juni': a happening
    known by its name alone, dated in its sentence."""
    text = layer.text
    starts = [e.start for e in exprs]
    taken = [(m.start, m.end) for m in doc.mentions if m.label in ("EVENT", "PER", "ORG")] + orgs
    lx = _lex()
    for sent in spans:
        dates = [e for e in _within(exprs, starts, sent) if _is_when(e)]
        if not dates:
            continue
        for pattern in _happening_patterns():
            for m in pattern.finditer(text, *sent):
                s, e = m.span("name")
                name = " ".join(m.group("name").split())
                first = name.split()[0].lower()
                if (
                    first in _clause_adverbs()
                    or first in lx.stop
                    or first in lx.weekdays
                    or _nouns(name, 0, len(name))
                ):
                    continue  # a name with an event noun ('Informationsträffen hålls …') is the nouns' business
                if any(a < e and s < b for a, b in taken) or any(a <= s and e <= b for a, b, _, _ in places):
                    continue  # a body, a person, a place, or an event already found
                if any(a < e and s < b for a, b in ((x.start, x.end) for x in dates)):
                    continue
                if looks_like_person(name) and is_first_name(name.split()[0]):
                    continue
                when = min(dates, key=lambda x: abs(x.start - e))
                if when.kind == "relative" and when.value_start == doc.meeting.date:
                    continue
                if any(ev.name == name and ev.start == when.value_start for ev in doc.events):
                    continue
                sec = section_at(doc, s)
                doc.events.append(
                    Event(
                        name=name,
                        start=when.value_start,
                        end=when.value_end,
                        place=next((p for ps, _, p, _ in places if e <= ps < sent[1]), None),
                        organisation=_section_org(doc, s),
                        section_id=sec.id if sec else None,
                        page=layer.page_at(s),
                    )
                )
                add_mention(layer, doc, "EVENT", s, e, name)
                taken.append((s, e))


def _meetings_by_verb(
    layer: TextLayer,
    doc: Document,
    exprs: list[TimeExpression],
    spans: list[tuple[int, int]],
    places: list[tuple[int, int, str, str]],
) -> None:
    """'Kommunstyrelsen sammanträder tisdag 22 november' → 'Sammanträde med kommunstyrelsen'."""
    lx = _lex()
    text = layer.text
    starts = [e.start for e in exprs]
    for sent in spans:
        for m in lx.meeting_verbs.finditer(text, *sent):
            words = _words_before(text, sent[0], m.start("verb"))
            if not words or words[-1].group(0).lower() in lx.stop:
                continue
            subject = words[-1].group(0)
            when = next((e for e in _within(exprs, starts, (m.end(), sent[1])) if _is_when(e)), None)
            if when is None:
                continue
            noun = lx.verb_nouns[m.group("verb").lower()]
            prep = lx.meeting_preps.get(noun, "i")
            # a definite noun at the sentence start is no proper name ('Kommunstyrelsen' → 'kommunstyrelsen')
            group = subject if default_registry().resolve(subject) else subject[:1].lower() + subject[1:]
            name = f"{noun[:1].upper()}{noun[1:]} {prep} {group}"
            _add_meeting(layer, doc, name, when, sent, places, (words[-1].start(), m.end("verb")))


def _next_meeting_section(
    layer: TextLayer, doc: Document, exprs: list[TimeExpression], places: list[tuple[int, int, str, str]]
) -> None:
    """Under a heading 'Nästa möte' / '§ 8 Nästa sammanträde', the first date is when the next meeting is."""
    lx = _lex()
    _, found, when = _under_next_meeting_heading(doc, exprs)
    if when is None:
        return
    sec, m = found
    noun = next((w for w in m.group(0).lower().split() if w.endswith(tuple(lx.meeting_heads))), "möte")
    sent = next(((s, e) for s, e in sentences(layer) if s <= when.start < e), (when.start, when.end))
    # the text may name the meeting more closely than its heading ('Nästa möte' → 'Nästa kompetensråd: …')
    if said := _next_subject().search(layer.text, sent[0], when.start):
        noun = said.group("w")
    span = (sec.start, sec.start + len(sec.title))
    _add_meeting(layer, doc, _meeting_name(noun), when, sent, places, span)
