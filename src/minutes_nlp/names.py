"""Is this string a person's name? The shape of Swedish names, checked against what is known not to be one."""

from __future__ import annotations

import re
from functools import cache

from .resources import load_json


@cache
def _data() -> dict:
    return load_json("lang", "sv", "structure.json")


@cache
def person_pattern() -> str:
    """Regex source for 2–4 capitalised name tokens, with particles ("von", "af") allowed inside."""
    d = _data()
    token = d["name_token"]
    particles = "|".join(re.escape(p) for p in d["name_particles"])
    return rf"{token}(?:[ \t]+(?:(?:{particles})[ \t]+)?{token}){{1,3}}"


@cache
def _person_re() -> re.Pattern[str]:
    return re.compile(rf"^{person_pattern()}$")


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(w.lower() for w in _data()["person_stopwords"])


@cache
def _roles() -> tuple[str, ...]:
    return tuple(sorted(_data()["roles"], key=len, reverse=True))


@cache
def _role_word() -> re.Pattern[str]:
    d = _data()
    suffixes = "|".join(sorted(map(re.escape, d["role_suffixes"]), key=len, reverse=True))
    modifiers = "|".join(sorted(map(re.escape, d["role_modifiers"]), key=len, reverse=True))
    # 'HR-chef', 'IT-strateg': an abbreviation may lead the compound
    return re.compile(rf"(?<!\w)(?:(?:{modifiers})\s+)?(?:[a-zåäö]{{1,4}}-)?[a-zåäöé]*(?:{suffixes})(?!\w)")


def role_in(text: str) -> str | None:
    """The role a phrase names ("regional utvecklingsstrateg", "ordförande", "ekonomichef"), if any."""
    low = text.lower()
    found = [(m.start(), -len(role), role) for role in _roles() if (m := _role_re(role).search(low))]
    if (m := _role_word().search(low)) is not None:
        found.append((m.start(), -len(m.group(0)), m.group(0)))
    if not found and " " not in low.strip():
        # the definite form of an office: "kassören", "ledamoten", "sekreteraren"
        for stem in (low[:-2] if low.endswith(("en", "et")) else "", low[:-1] if low.endswith("n") else ""):
            if stem and (role := role_in(stem)) == stem:
                return role
    if not found:
        return None
    # the first role named, and of those starting there the longest ("vice ordförande", not "ordförande")
    at, _, role = min(found)
    # 'HR-chef': an abbreviation keeps its capitals
    if (abbr := re.match(r"[a-zåäö]{1,4}-", role)) and text[at : at + abbr.end() - 1].isupper():
        role = text[at : at + abbr.end()] + role[abbr.end() :]
    # "1:e vice ordförande", "andre vice ordförande": the rank is part of the office
    rank = re.search(r"(?:\d:[ae]|förste|första|andre|andra|tredje)\s+$", low[:at])
    return f"{rank.group(0)}{role}" if rank else role


@cache
def _not_name_endings() -> tuple[str, ...]:
    return tuple(_data()["not_name_endings"])


@cache
def _role_re(role: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(role)}(?!\w)")


def looks_like_person(text: str) -> bool:
    """Two to four capitalised tokens, none of them a word that names things other than people."""
    text = text.strip()
    if not _person_re().match(text):
        return False
    tokens = [t for t in re.split(r"[\s-]+", text) if t]
    if any(t.lower() in _stopwords() for t in tokens):
        return False
    if any(len(t) > _data()["max_name_token"] for t in tokens):
        return False
    if any(t.lower().endswith(_not_name_endings()) for t in tokens):
        return False  # 'Näringslivsrådet Härjedalen', 'Länsmuseet Gävleborg' name bodies
    if role_in(tokens[0]) or role_in(re.sub(r"(?:en|n|et)$", "", tokens[0])):
        return False  # "Kassören Jenny Hultgren", "Revisor Sven-Åke Lindh": an office, then the name
    from .registry import default_registry  # the registry is heavier; only needed here

    return default_registry().resolve(text) is None


def is_first_name(word: str) -> bool:
    """Is ``word`` a first name of the shipped name lists ('Tobias', not 'Destination')?"""
    from .people import first_names  # the name lists load with the people stage

    return word in first_names()
