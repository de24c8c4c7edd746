"""Find place names (``models/places.json``) in running text.

Place names are proper nouns, so matching is case-sensitive on the capitalised form; a genitive
("Jämtlands", "Östersunds") maps back to the base name.  Some names are also ordinary words or
personal names ("Mark", "Berg", "Lund", "Vara"); entries flagged ``requires_capital`` are only taken
where the capital letter is evidence: not at the start of a sentence or paragraph, and not next to
another capitalised word (which makes "Anna Berg" or "Mark Johnson" a person).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from .resources import load_json

_BEFORE = r"(?<![\w@./])"
# A hyphen followed by a lower-case letter makes a compound ("Norge-resan"); followed by a capital it
# joins two places ("Åre-Östersund").
_AFTER = r"(?![\w]|-[^\W\d_A-ZÅÄÖØÆÜ]|[.@]\w)"
_SENTENCE_END = frozenset('.!?:;•*-–—"”“(')
_CAPITALISED_WORD = re.compile(r"[A-ZÅÄÖØÆÜ][\w-]+")  # one letter is "I", not a name


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    name: str
    kind: str
    aliases: tuple[str, ...]
    requires_capital: bool


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    pattern: re.Pattern[str]
    by_form: dict[str, PlaceEntry]


@cache
def places() -> tuple[PlaceEntry, ...]:
    """The shipped gazetteer."""
    return tuple(
        PlaceEntry(e["name"], e["kind"], tuple(e.get("aliases", ())), bool(e.get("requires_capital")))
        for e in load_json("places.json")
    )


@cache
def _gazetteer() -> _Gazetteer:
    by_form: dict[str, PlaceEntry] = {}
    for entry in places():
        for form in (entry.name, *entry.aliases):
            by_form.setdefault(form, entry)
    alternatives = sorted(by_form, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(w) for w in form.split()) for form in alternatives)
    pattern = re.compile(_BEFORE + "(?P<base>" + body + ")(?P<gen>s)?" + _AFTER)
    return _Gazetteer(pattern, by_form)


def find_places(text: str, *, exclude: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int, str, str]]:
    """Places named in ``text`` as (start, end, canonical name, kind), in text order.

    ``exclude`` lists spans already claimed by something else (e.g. organisation names such as
    "Region Jämtland Härjedalen"): places inside them are not reported.
    """
    exclude = tuple(exclude)
    if not exclude and len(text) <= 200:
        return list(_short_places(text))  # names and headings are asked about by several stages
    return _find_places(text, exclude)


@lru_cache(maxsize=4096)
def _short_places(text: str) -> tuple[tuple[int, int, str, str], ...]:
    return tuple(_find_places(text, ()))


def _find_places(text: str, exclude: tuple[tuple[int, int], ...]) -> list[tuple[int, int, str, str]]:
    gaz = _gazetteer()
    claimed = sorted(exclude)
    claimed_starts = [s for s, _ in claimed]
    longest = max((e - s for s, e in claimed), default=0)
    found: list[tuple[int, int, str, str]] = []
    for m in gaz.pattern.finditer(text):
        start, end = m.span()
        # only claimed spans starting shortly before ``end`` can overlap (no scan of them all)
        lo = bisect_left(claimed_starts, start - longest)
        hi = bisect_left(claimed_starts, end)
        if any(claimed[i][1] > start for i in range(lo, hi)):
            continue
        base = " ".join(m.group("base").split())
        entry = gaz.by_form.get(base)
        if entry is None:
            continue
        if m.group("gen") and base.endswith(("s", "x", "z")):
            continue  # "Borås" has no genitive "Boråss": the s belongs to another word
        if entry.requires_capital and not _capital_is_evidence(text, start, end):
            continue
        found.append((start, end, entry.name, entry.kind))
    return found


def _capital_is_evidence(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 200) : start]  # the words just before are enough
    stripped = before.rstrip()
    if not stripped or stripped[-1] in _SENTENCE_END or "\n\n" in before[len(stripped) :]:
        return False
    previous = stripped.split()[-1]
    if _CAPITALISED_WORD.fullmatch(previous):
        return False
    following = text[end:].lstrip(" \t").split(maxsplit=1)
    return not (following and _CAPITALISED_WORD.match(following[0]) and text[end : end + 1] == " ")
