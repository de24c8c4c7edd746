"""The meeting itself: title, date, body and place, read from the head of the document."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import cache
from pathlib import Path

from .places import find_places
from .records import Document, Meeting
from .registry import default_registry
from .resources import alternation, load_json
from .temporal import find_times
from .textlayer import TextLayer

HEAD_LINES = 15  # the meeting's facts stand at the top; further down, dates are about other things

_PLACE_END = re.compile(
    r",\s+(?=(?:med|där|som|via|men|samt|och)\b)|\s+(?:samt|och via|eller via)\s+|\s*[(.;]\s"
)
_FILE_DATE = re.compile(r"(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?!\d)")


@cache
def _cues() -> dict[str, re.Pattern[str]]:
    d = load_json("lang", "sv", "structure.json")

    def cue(words: list[str], colon: str = "[:.]?") -> re.Pattern[str]:
        # longest label first: "Plats och tid:" before "Plats"
        alternatives = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
        return re.compile(rf"^\s*(?:{alternatives})\s*{colon}\s*(.+)$", re.IGNORECASE)

    title = re.compile(rf"\b(?:{'|'.join(map(re.escape, d['title_words']))})\b", re.IGNORECASE)
    # a place is labelled: "Lokal samverkansgrupp för trygghet …" is a title that begins with a cue word
    place = cue(d["place_cues"], colon=r"(?:[:.]|\t|[ ]{2,})")
    return {"date": cue(d["date_cues"]), "place": place, "title": title}


def _full_date(text: str) -> dt.date | None:
    """The first expression in ``text`` that names a whole day with its year."""
    for t in find_times(text, None):
        if t.value_start and t.kind in ("date", "range", "deadline") and re.search(r"\d{4}", t.text):
            return t.value_start
    return None


@cache
def organisation_shape() -> re.Pattern[str]:
    data = load_json("lang", "sv", "structure.json")
    suffixes = "|".join(map(re.escape, data["org_suffixes"]))
    prefixes = "|".join(map(re.escape, sorted(data["org_prefixes"], key=len, reverse=True)))
    name = r"[A-ZÅÄÖ][\wåäöÅÄÖ-]*"
    # The prefix form first: "Ideella föreningen Norrlandsleden" is longer than its "Ideella föreningen".
    return re.compile(
        rf"(?<![\w-])(?:(?i:{prefixes})\s{name}(?:\s(?:och\s)?{name}){{0,3}}"
        rf"|{name}(?:\s{name}){{0,3}}\s(?:{suffixes}))(?![\w-])"
    )


def _place_of(value: str) -> str | None:
    """The place in a "Plats och tid:" value: days and clock times removed, then the remark after it."""
    for t in reversed(find_times(value, None)):
        value = value[: t.start] + value[t.end :]
    value = re.sub(r"\b(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?\b", " ", value, flags=re.IGNORECASE)
    value = re.sub(r"\s*\([^()]*\)\s*$", "", value.strip(" ,;.–-"))  # "Hornsgatan 20 (hybridmöte)"
    value = _PLACE_END.split(value, maxsplit=1)[0].strip(" ,;.–-")
    online = load_json("lang", "sv", "structure.json")["digital_meeting_words"]
    if re.fullmatch(rf"(?:{alternation(online)}|[\s,&/-])*", value, flags=re.IGNORECASE):
        return None  # "Digitalt via Zoom": held online, no place
    return value or None


def _date_from_name(path: str) -> dt.date | None:
    m = _FILE_DATE.search(Path(path).stem)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def find_meeting(layer: TextLayer, doc: Document) -> Document:
    head = [ln for ln in layer.text.split("\n")[:HEAD_LINES] if ln.strip()]
    cues = _cues()
    date = place = None
    for line in head:
        if date is None and (m := cues["date"].match(line)):
            date = _full_date(m.group(1))
        if place is None and (m := cues["place"].match(line)):
            # "Regionens hus i Härnösand, med möjlighet att delta via Teams": the place, not the remark
            place = _place_of(m.group(1))
    if date is None:
        date = next((d for line in head if (d := _full_date(line))), None)
    if date is None:
        date = _date_from_name(layer.path)
    if date is None:
        date = _full_date(layer.text)
    title = _title(layer, head)
    county = _county(layer)
    body = _body(head)
    host = _host(layer, head, county) or _body_as_host(body)
    doc.meeting = Meeting(title=title, date=date, body=body, place=place, county=county, host=host)
    return doc


_LEGAL_FORM = re.compile(r"\s+(?:ekonomisk förening|ek\. ?för\.|ideell förening)$", re.IGNORECASE)


def _body_as_host(body: str | None) -> str | None:
    """ "Protokoll fört vid styrelsemöte i Leader Sjuhärad": a body that is a name, not a group or a series
    (råd, grupp, nätverk, forum, nämnd …), is the organisation holding the meeting."""
    if not body or not body[:1].isupper() or len(body.split()) > 5 or any(c in body for c in ",:;()"):
        return None
    groups = load_json("lang", "sv", "structure.json")["group_words"]
    low = body.lower()
    return None if any(g in low for g in groups) else body


def _title(layer: TextLayer, head: list[str]) -> str | None:
    """The first head line, unless a larger line follows it closely: then that one is the title and the first is
    a running header the repetition test could not see (a one-page document)."""
    if not head:
        return None
    top = [ln for ln in layer.lines[:3] if ln.text.strip()]
    if len(top) >= 2:
        biggest = max(top, key=lambda ln: ln.font_size)
        if biggest.font_size >= top[0].font_size + 1.5:
            end = layer.text.find("\n", biggest.start)
            return layer.text[layer.text.rfind("\n", 0, biggest.start) + 1 : None if end < 0 else end].strip()
    return head[0].strip()


def _county(layer: TextLayer) -> str | None:
    """The county most of the named organisations belong to, when one clearly leads."""
    registry = default_registry()
    votes: Counter[str] = Counter()
    orgs = registry.find_in_text(layer.text)
    named = [m.name for _, _, m in orgs]
    # A municipality named as a place votes for its county too ("i Östersund").
    for _, _, name, kind in find_places(layer.text, exclude=[(s, e) for s, e, _ in orgs]):
        if kind == "municipality":
            match = registry.resolve(f"{name}s kommun") or registry.resolve(f"{name} kommun")
            if match:
                named.append(match.name)
    for name in named:
        entry = registry.get(name)
        if entry is not None and len(entry.counties) == 1:
            votes[entry.counties[0]] += 1
    # A national body's minutes name a town or two in passing; a county's name its own bodies again and again.
    total = sum(votes.values())
    if not votes or total < 3:
        return None
    best, n = votes.most_common(1)[0]
    return best if n >= 0.6 * total else None


def _host(layer: TextLayer, head: list[str], county: str | None) -> str | None:
    """The organisation named in the running header, else in the title lines."""
    registry = default_registry()
    furniture = list(dict.fromkeys(line for page in layer.pages for line in page.removed))
    for line in furniture + head[:3]:
        found = registry.find_in_text(line, county=county)
        if not found and (named := organisation_shape().search(line)):
            # "Destination Mora AB – Styrelsen": a company the registry does not know; a legal form written
            # after the name ("Bjäre Kraft ekonomisk förening") is not what anyone calls it
            return _LEGAL_FORM.sub("", named.group(0)) or named.group(0)
        if found:
            start, end, match = found[0]
            # "Företagarna Östersund", "LRF Jämtland": an organisation and a place is its local branch
            # "Naturskyddsföreningen i Härnösand": the same with "i"
            local = [
                e
                for s, e, _, _ in find_places(line)
                if s == end + 1 or (s == end + 3 and line[end:s] == " i ")
            ]
            return (
                line[start : local[0]]
                if local and match.kind not in ("municipality", "region")
                else match.name
            )
    return None


def _body(head: list[str]) -> str | None:
    """The body or series: the title without its date and genre word, or the line under a bare title."""
    cues = _cues()
    for n, line in enumerate(head[:3]):
        if not cues["title"].search(line):
            continue
        parts = re.split(r"\s+[–—-]\s+", line)
        named = [p for p in parts if not cues["title"].search(p)]
        if len(parts) > 1 and named and not _full_date(" ".join(named)):
            # "Skånes Fotbollförbund – protokoll från styrelsemöte", "Farsta stadsdelsnämnd – protokoll nr 7/2023":
            # the dash sets the name apart from what the document is
            return " – ".join(named).strip()
        rest = cues["title"].sub(" ", line)
        rest = re.sub(r"\d{4}-\d{2}-\d{2}|\d{1,2} \w+ \d{4}", " ", rest)
        rest = re.sub(r"^\W+|\W+$", "", re.sub(r"\s+", " ", rest))
        rest = re.sub(
            r"^(?:fört vid|förda vid|från|vid|för)\s+(?:sammanträde|möte)?\s*(?:med|i)?\s*", "", rest
        )
        if len(rest.split()) > 8 or ". " in rest:
            continue  # "Minnesanteckningar. Mötet hölls digitalt …": a sentence, not a name
        if re.search(r"\d|\bkl\b|\b(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?\b", rest, re.IGNORECASE):
            continue  # "Minnesanteckningar, torsdag 14 maj 2020 kl 9.00": when, not who
        owner = re.fullmatch(r"(?P<stem>\w{4,}?)s\s+(?:möte|sammanträde|träff)", rest, re.IGNORECASE)
        if owner and n + 1 < len(head) and head[n + 1].lower().startswith(owner.group("stem").lower()):
            # "Anteckningar från partnergruppens möte" / "Partnergruppen för industriell digitalisering, …"
            return head[n + 1].strip()
        if len(rest) >= 4:
            return rest
        if (
            n + 1 < len(head)
            and len(head[n + 1]) <= 80
            and not _full_date(head[n + 1])
            and ":" not in head[n + 1]
        ):
            return head[n + 1].strip()  # the line under a bare title, unless it is 'Plats: …'
        if n > 0:
            break  # 'Kompetensrådet Blekinge 16 november 2023' / 'Minnesanteckningar': the line above names it
    # "Referensgruppsmöte öppna data 2024-04-18": a title without a genre word names the meeting itself
    if head and (not cues["title"].search(head[0]) or len(head) == 1):
        rest = re.sub(r"\s+", " ", re.sub(r"\d{4}-\d{2}-\d{2}|\d{1,2} \w+ \d{4}", " ", head[0])).strip(" ,–-")
        if 1 <= len(rest.split()) <= 8:
            return rest
    return None
