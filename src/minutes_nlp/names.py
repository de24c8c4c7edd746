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


def looks_like_person(text: str) -> bool:
    """Two to four capitalised tokens, none of them a word that names things other than people."""
    text = text.strip()
    if not _person_re().match(text):
        return False
    tokens = [t for t in re.split(r"[\s-]+", text) if t]
    if any(t.lower() in _stopwords() for t in tokens):
        return False
    from .registry import default_registry  # the registry is heavier; only needed here

    return default_registry().resolve(text) is None


def role_in(text: str) -> str | None:
    """The role word a phrase names ("regional utvecklingsstrateg", "ordförande"), if any."""
    low = text.lower()
    for role in _roles():
        if re.search(rf"(?<!\w){re.escape(role)}(?!\w)", low):
            return role
    return None
