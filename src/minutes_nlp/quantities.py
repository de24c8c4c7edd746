"""Quantities: numbers with what they measure or count ('4,5 miljoner kronor', 'ca 40 personer', '170 TWh').

Swedish numbers group thousands with a space ('2 300 000') and use a decimal comma ('5,8'). A unit or a
multiplier after the number comes from ``models/lang/sv/quantities.json``; otherwise the quantity counts the
noun after it, past adjectives ('74 nya företag' → företag). A number with no noun of its own takes the unit
of the quantity before it in the same sentence ('23 sökande jmf m 17 förra året', 'ca 25 deltagare … och
ytterligare 15') or the noun after 'antalet'/'andelen' ('Antalet lediga jobb var 2 300'); a number that
counts nothing that can be named is left out.

Not quantities: anything inside a time expression (dates, years, weeks, clock times), e-mail addresses,
URLs, phone numbers, postal codes, ordinals ('3:e'), list labels ('2)', '3.' at the start of a line) and
numbers after a label word ('§ 5', 'bilaga 2', 'nr 14'). Number ranges ('16–24 år') are left out too: one
value cannot say them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from .entities import add_mention, section_id_at, sentences
from .records import Document, Quantity
from .resources import alternation, load_json
from .temporal import find_times
from .textlayer import TextLayer

__all__ = ["find_quantities", "parse_number"]

_NUMBER = re.compile(
    r"(?<![\w.,:/@§#+\-–])"
    r"(?P<num>\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)(?:,\d+)?|\d+(?:,\d+)?)"
    r"(?![\d]|[.:/]\d|,\d|\s*[-–]\s*\d|:[a-zåäö])"
)
_WORD = re.compile(r"\s*(?P<w>[^\W\d_][\w-]*|%|€)", re.UNICODE)
_BLOCKERS = (
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE),
    re.compile(r"(?<![\w+])(?:\+46\s?\(?0?\)?|0)\d{1,3}\s?[-–/]\s?\d[\d \-]{3,}\d(?!\d)"),  # phone numbers
    re.compile(r"(?<!\d)(?:\+46|00 ?46)[\d \-]{7,}\d"),
    re.compile(r"(?<![\d ])\d{3} \d{2}(?=\s+[A-ZÅÄÖ])"),  # postal codes
    re.compile(r"(?m)^[ \t]*\d{1,2}[.)](?=\s)"),  # list labels
    re.compile(
        r"(?m)^[ \t]*(?:§\s*)?\d{1,2}(?:\.\d{1,2})*[a-h]?[.)]?(?=[ \t]+[A-ZÅÄÖ])"
    ),  # heading numbers '3a', '3.2'
)


@dataclass(frozen=True)
class _Lex:
    units: dict[str, tuple[str, float]]  # written form -> (canonical unit, factor)
    units_ci: dict[str, tuple[str, float]]
    multipliers: dict[str, float]
    number_words: re.Pattern[str]
    counting_words: re.Pattern[str]
    word_values: dict[str, float]
    compound: re.Pattern[str]
    compound_units: dict[str, str]
    approximators: re.Pattern[str]
    skip: frozenset[str]
    adjective: re.Pattern[str]
    nouns: frozenset[str]
    stop: frozenset[str]
    comparatives: frozenset[str]
    subject: re.Pattern[str]
    labels: frozenset[str]
    verb: re.Pattern[str]


@cache
def _lex() -> _Lex:
    d: dict[str, Any] = load_json("lang", "sv", "quantities.json")
    units = {k: (v[0], float(v[1])) for k, v in d["units"].items()}
    words = {k: float(v) for k, v in d["number_words"].items()}
    scale = list(d["multipliers"]) + list(units)
    return _Lex(
        units=units,
        units_ci={k.lower(): v for k, v in units.items() if k == k.lower()},
        multipliers={k: float(v) for k, v in d["multipliers"].items()},
        number_words=re.compile(
            rf"(?<![\w-])(?P<num>{alternation(list(words))})(?=\s+(?:{alternation(scale)})(?![\w]))",
            re.IGNORECASE,
        ),
        # 'tre fokusområden', 'sex avdelningar': a number word (two or more) counting the noun after it
        counting_words=re.compile(
            rf"(?<![\w-])(?P<num>{alternation([w for w, v in words.items() if v >= 2])})(?=\s+[a-zåäö])",
            re.IGNORECASE,
        ),
        word_values={k.lower(): v for k, v in words.items()},
        compound=re.compile(
            rf"-(?P<u>{alternation(list(d['compound_units']))})[\wåäö]*|-tal(?!\w)", re.IGNORECASE
        ),
        compound_units={k.lower(): v for k, v in d["compound_units"].items()},
        approximators=re.compile(rf"(?:^|(?<=\s))(?:{alternation(d['approximators'])})\s+$", re.IGNORECASE),
        skip=frozenset(d["skip_words"]),
        adjective=re.compile(rf"\w+(?:{alternation(d['adjective_suffixes'])})"),
        nouns=frozenset(d["noun_not_adjective"]),
        stop=frozenset(d["stop_words"]),
        comparatives=frozenset(d["comparatives"]),
        subject=re.compile(rf"(?<!\w)(?:{alternation(d['subject_cues'])})\s+", re.IGNORECASE),
        labels=frozenset(w.lower() for w in d["label_words"]),
        verb=re.compile(rf"\w+(?<!an|en)(?:{alternation(d['verb_suffixes'])})"),
    )


def parse_number(text: str) -> float:
    """'2 300' → 2300.0, '4,5' → 4.5 (Swedish grouping and decimal comma)."""
    return float(re.sub(r"[ \u00a0\u202f]", "", text).replace(",", "."))


@dataclass
class _Found:
    start: int
    end: int
    value: float
    unit: str | None
    needs_unit: bool = False  # counts nothing of its own: borrow a unit from the sentence


def _unit_at(text: str, pos: int) -> tuple[int, float, str | None]:
    """A multiplier and/or unit at ``pos``: (end, factor, unit)."""
    lx = _lex()
    factor, unit, end = 1.0, None, pos
    m = _WORD.match(text, end)
    if m and m.group("w") in lx.multipliers:
        factor *= lx.multipliers[m.group("w")]
        end = m.end()
        m = _WORD.match(text, end)
    if m and "-" in m.group("w"):
        head = m.group("w").split("-", 1)[0]
        hit = lx.units.get(head) or lx.units_ci.get(head.lower())
        if hit and head != head.lower():
            return m.start("w") + len(head), factor * hit[1], hit[0]  # '400 kV-ledningen' measures in kV
    if m:
        w = m.group("w")
        two = _WORD.match(text, m.end())
        pair = f"{w} {two.group('w')}" if two else None
        for form in (pair, w, w + "." if text[m.end() : m.end() + 1] == "." else None):
            if form is None:
                continue
            hit = lx.units.get(form) or lx.units_ci.get(form.lower())
            if hit and not (form.islower() and len(form) == 1 and text[m.start("w") - 1] != " "):
                unit, factor = hit[0], factor * hit[1]
                end = (two.end() if form == pair and two else m.end()) + (1 if form.endswith(".") else 0)
                break
    return end, factor, unit


def _noun_at(text: str, pos: int, limit: int, blocked: list[tuple[int, int]]) -> tuple[int, str] | None:
    """The counted noun after a number, past up to two adjectives ('612 anslutna åkerier')."""
    lx = _lex()
    words: list[re.Match[str]] = []
    at = pos
    while len(words) < 3:
        m = _WORD.match(text, at)
        if not m or m.end() > limit or "\n" in text[at : m.start("w")]:
            break
        if any(s <= m.start("w") < e for s, e in blocked):
            break
        words.append(m)
        at = m.end()
    for i, m in enumerate(words):
        w = m.group("w")
        low = w.lower()
        if not w[0].islower() or low in lx.stop and low not in lx.skip:
            return None
        follows = i + 1 < len(words) and words[i + 1].group("w")[0].islower()
        nxt = words[i + 1].group("w").lower() if follows else ""
        # 'ca 40 unga kulturvärdar', '17 400 inskrivna arbetssökande': an adjective used as a noun, before a noun
        adjectival = low in lx.nouns and (low.endswith("a") or low == "äldre") and nxt not in lx.stop
        adjectival = adjectival and not (lx.verb.fullmatch(nxt) and nxt not in lx.nouns)
        modifier = (
            low in lx.skip or adjectival or (lx.adjective.fullmatch(low) is not None and low not in lx.nouns)
        )
        if modifier and follows and i < 2:
            continue
        if low in lx.comparatives or low in lx.skip:
            return None
        if lx.verb.fullmatch(low) and low not in lx.nouns:
            return None
        return m.end(), w
    return None


_SPAN_GAP = re.compile(r"\s+(?:till|och|à|eller)\s+(?:ca\s+)?")


def _year_like(written: str, value: float) -> bool:
    """A bare 1950–2100 written without a thousands space is a year in minutes ('2 000 kronor' is not)."""
    return written.isdigit() and len(written) == 4 and 1950 <= value <= 2100


def _subject_noun(text: str, lo: int, hi: int) -> str | None:
    """'Antalet lediga jobb i länet var …' → 'lediga jobb'."""
    lx = _lex()
    found = None
    for m in lx.subject.finditer(text, lo, hi):
        words = []
        for w in _WORD.finditer(text, m.end(), hi):
            low = w.group("w").lower()
            if low in lx.stop or not w.group("w")[0].islower() or len(words) == 3:
                break
            words.append(w.group("w"))
        if words:
            found = " ".join(words)
    return found


def _blocked_spans(layer: TextLayer, doc: Document) -> list[tuple[int, int]]:
    text = layer.text
    spans = [(e.start, e.end) for e in find_times(text, doc.meeting.date)]
    for rx in _BLOCKERS:
        spans.extend(m.span() for m in rx.finditer(text))
    return spans


def find_quantities(layer: TextLayer, doc: Document) -> Document:
    text = layer.text
    lx = _lex()
    blocked = _blocked_spans(layer, doc)
    for lo, hi in sentences(layer):
        found: list[_Found] = []
        cands = [
            (m.start("num"), m.end("num"), parse_number(m.group("num")))
            for m in _NUMBER.finditer(text, lo, hi)
        ]
        cands += [
            (m.start("num"), m.end("num"), lx.word_values[" ".join(m.group("num").lower().split())])
            for m in lx.number_words.finditer(text, lo, hi)
        ]
        taken = {c[0] for c in cands}
        counting = {
            m.start("num"): (m.start("num"), m.end("num"), lx.word_values[m.group("num").lower()])
            for m in lx.counting_words.finditer(text, lo, hi)
            if m.start("num") not in taken
        }
        cands += list(counting.values())
        for s, e, value in sorted(cands):
            if any(bs < e and s < be for bs, be in blocked):
                continue
            before = text[max(lo, s - 20) : s].split()
            if before and before[-1].lower().rstrip(":") in lx.labels:
                continue
            c = lx.compound.match(text, e)
            if c:
                if c.group("u"):
                    found.append(_Found(s, c.end(), value, lx.compound_units[c.group("u").lower()]))
                    continue
                e = c.end()  # 'ett 30-tal deltagare': about 30
            end, factor, unit = _unit_at(text, e)
            if unit is None and text[e:end].strip():
                # a bare multiplier ('2 miljoner'): what it counts may follow ('2 miljoner besökare')
                noun = _noun_at(text, end, hi, blocked)
                found.append(
                    _Found(
                        s,
                        noun[0] if noun else end,
                        value * factor,
                        noun[1] if noun else None,
                        needs_unit=noun is None,
                    )
                )
                continue
            if unit is not None:
                found.append(_Found(s, end, value * factor, unit))
                continue
            noun = _noun_at(text, e, hi, blocked)
            if noun and _year_like(text[s:e], value) and noun[1].lower() not in lx.nouns:
                continue  # 'Rapporten för 2021 visar': a year, whatever follows it
            if noun:
                found.append(_Found(s, noun[0], value, noun[1]))
            elif s not in counting and not _year_like(text[s:e], value):
                found.append(_Found(s, e, value, None, needs_unit=True))
        for i, f in enumerate(found):
            if not f.needs_unit:
                continue
            prev = next((p.unit for p in reversed(found[:i]) if p.unit and not p.needs_unit), None)
            # 'från 342 till 371 medlemmar': the first end of a span counts what the second does
            nxt = found[i + 1] if i + 1 < len(found) else None
            if nxt and nxt.unit and not nxt.needs_unit and _SPAN_GAP.fullmatch(text[f.end : nxt.start]):
                prev = nxt.unit
            f.unit = prev or _subject_noun(text, lo, f.start)
        for f in found:
            if f.unit is None:
                continue
            a = lx.approximators.search(text, max(lo, f.start - 15), f.start)
            start = a.start() if a else f.start
            doc.quantities.append(
                Quantity(
                    text=text[start : f.end], value=f.value, unit=f.unit, section_id=section_id_at(doc, start)
                )
            )
            add_mention(layer, doc, "QUANTITY", start, f.end, _fmt(f.value))
    return doc


def _fmt(value: float) -> str:
    return str(int(value)) if value.is_integer() else str(value)
