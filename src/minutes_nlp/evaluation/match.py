"""Normalisation and one-to-one matching: the primitives every record type is scored with."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

from rapidfuzz import fuzz

NAME_THRESHOLD = 90.0  # fuzz.ratio or token_sort_ratio, 0-100, after normalisation
TEXT_THRESHOLD = 85.0  # fuzz.partial_ratio for free text (action items)
CONTAINED_SHARE = 0.5  # an event name inside another must be at least this share of it

_PUNCT = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s+")


def normalise(text: str | None) -> str:
    """Case folded, NFKC, punctuation made space, whitespace collapsed."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    return _SPACE.sub(" ", _PUNCT.sub(" ", text)).strip()


def name_score(a: str | None, b: str | None) -> float:
    """0-100: the better of character ratio and word-order-free ratio of the normalised names."""
    na, nb = normalise(a), normalise(b)
    if not na or not nb:
        return 0.0
    return max(fuzz.ratio(na, nb), fuzz.token_sort_ratio(na, nb))


def names_match(a: str | None, b: str | None) -> bool:
    return name_score(a, b) >= NAME_THRESHOLD


# "Västtrafik" and "Västtrafik AB", "Bjäre Kraft" and "Bjäre Kraft ekonomisk förening" are one body: the legal
# form says how it is registered, not which it is
_LEGAL_FORM = re.compile(r"^ab\s+|\s+(?:ab|publ|ekonomisk förening|ek för|ideell förening|hb|kb)$")


def org_names_match(a: str | None, b: str | None) -> bool:
    """Organisation names match as names do, or once their legal forms are set aside."""
    if names_match(a, b):
        return True
    na, nb = (_LEGAL_FORM.sub("", normalise(x)) for x in (a, b))
    return bool(na and nb) and names_match(na, nb)


def optional_org_names_match(a: str | None, b: str | None) -> bool:
    return (not normalise(a) and not normalise(b)) or org_names_match(a, b)


def _same_word(a: str, b: str) -> bool:
    """Equal, or the same word inflected ("näringslivsråd" / "näringslivsrådet", "frukost" / "frukostarna")."""
    short, long = sorted((a, b), key=len)
    return a == b or (len(short) >= 5 and long.startswith(short) and len(long) - len(short) <= 4)


def name_contained(a: str | None, b: str | None) -> bool:
    """Every word of the shorter name is in the longer, and the shorter is at least half of it:
    "Näringslivsvecka" / "Sundsvalls näringslivsvecka" agree; "Norr" / "Transportforum Norr" do not."""
    na, nb = normalise(a), normalise(b)
    if not na or not nb:
        return False
    short, long = sorted((na, nb), key=len)
    if len(short) < CONTAINED_SHARE * len(long):
        return False
    words = long.split()
    return all(any(_same_word(w, x) for x in words) for w in short.split())


def optional_names_match(a: str | None, b: str | None) -> bool:
    """Both absent, or both present and matching."""
    if not normalise(a) and not normalise(b):
        return True
    return names_match(a, b)


def text_score(a: str | None, b: str | None) -> float:
    na, nb = normalise(a), normalise(b)
    if not na or not nb:
        return 0.0
    return fuzz.partial_ratio(na, nb)


def contact_key(value: str | None) -> str:
    """Emails and URLs: exact after lowercasing, trimming and dropping a trailing slash."""
    return (value or "").strip().lower().rstrip("/")


def as_date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def as_number(value: Any) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value).replace("\u00a0", "").replace(" ", "").replace(",", "."))
    except ValueError:
        return None


def same_number(a: Any, b: Any) -> bool:
    x, y = as_number(a), as_number(b)
    if x is None or y is None:
        return x is None and y is None
    return math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9)


def name_sets_match(gold: Sequence[str], pred: Sequence[str]) -> bool:
    """Every name on either side has a fuzzy partner on the other, one to one."""
    if len(gold) != len(pred):
        return False
    pairs = greedy_pairs(
        list(gold), list(pred), lambda g, p: s if (s := name_score(g, p)) >= NAME_THRESHOLD else None
    )
    return len(pairs) == len(gold)


Scorer = Callable[[Any, Any], float | None]


def greedy_pairs(gold: Sequence[Any], pred: Sequence[Any], scorer: Scorer) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index), best score first.

    ``scorer`` returns None when the two items may not be paired at all (the fields that must
    agree do not), else a score that only decides who pairs with whom. A second predicted copy
    of an item finds its partner taken and stays unpaired: duplicates are false positives.
    """
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            s = scorer(g, p)
            if s is not None:
                candidates.append((-s, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs
