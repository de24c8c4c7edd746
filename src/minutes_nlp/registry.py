"""Resolve organisation names as minutes write them to the canonical names of ``models/organisations.json``.

Minutes name the same body many ways: "Arbetsförmedlingen", "Af", "Arbetsförmedlingens", a misspelt
"Mittuniversitet", or a bare "Länsstyrelsen" that only the document's county makes precise.  The registry
is data; this module only applies it.  Organisations that are not in the registry are not resolved
(callers keep them as written).

How a written form is compared depends on what it looks like:

- abbreviations ("LM", "HK", "Af", "MIUN", "LiU") match case-sensitively (or fully upper-cased), because
  their lower-case twins are ordinary words or letters ("af", "hk");
- other single words need their capital in running text ("Formas" the council, "formas" the verb);
- multi-word names match in any case ("region Jämtland Härjedalen").

"County aliases" such as "Länsstyrelsen", "Regionen", "Kommunförbundet" name a different body in every
county: they resolve to the county's body when a county is known (argument or the registry's default),
to their single owner when only one body answers to them, and otherwise not at all (or to the bare
entry of that name, e.g. "Länsstyrelsen").
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from pathlib import Path
from typing import Any, Literal

from rapidfuzz import fuzz, process

from .resources import load_json

Kind = Literal["region", "municipality", "agency", "university", "association", "company", "party", "other"]
KINDS: frozenset[str] = frozenset(
    ("region", "municipality", "agency", "university", "association", "company", "party", "other")
)

FUZZY_CUTOFF = 90.0
_FUZZY_MIN_LEN = 6
# Words every second name shares: a fuzzy match must also hold on what is left without them, so that
# "Åre kommun" never becomes "Ale kommun".
_GENERIC_WORDS = frozenset(
    (
        "kommun",
        "kommuns",
        "stad",
        "region",
        "regionen",
        "län",
        "läns",
        "länsstyrelsen",
        "i",
        "och",
        "för",
        # 'Jägarnas Riksförbund' is not 'Lärarnas Riksförbund': the word that says what kind of body it is
        # cannot carry a fuzzy match
        "riksförbund",
        "riksförbundet",
        "förbund",
        "förbundet",
        "förening",
        "föreningen",
        "stiftelsen",
        "stiftelse",
        "ab",
        "sverige",
        "sveriges",
        "svenska",
        "svenskt",
    )
    + ("universitet", "universitetet", "högskola", "högskolan", "myndigheten", "verket", "ab")
)
_FUZZY_MAX = 97.0  # a fuzzy match never scores like a form of the registry
_QUARTERS = frozenset(
    {
        "Väst",
        "Öst",
        "Nord",
        "Syd",
        "Mitt",
        "Norr",
        "Söder",
        "Mellan",
        "Sydost",
        "Nordost",
        "Nordväst",
        "Sydväst",
    }
)
# Associations and companies have regional branches that are bodies of their own ("Almi Jönköping", "LRF Skåne").
_BRANCHED_KINDS = frozenset({"association", "company", "other"})
_SPLIT = re.compile(r"\s*(?:/|,|;|\s[-–—]\s)\s*")
_PAREN = re.compile(r"\s*\([^()]*\)\s*")
_PUNCT = re.compile(r"[\s\-–—/_.,:;!?\"'”“’()]+")
_WS = re.compile(r"\s+")
# A name must not be glued to a neighbouring word, hyphen compound, e-mail address or domain.
_BEFORE = r"(?<![\w@./-])"
_AFTER = r"(?![\w-]|[.@]\w)"


def _norm(text: str) -> str:
    return _PUNCT.sub(" ", text).strip().casefold()


def _is_abbreviation(form: str) -> bool:
    if _WS.search(form):
        return False
    letters = [c for c in form if c.isalpha()]
    return len(form) <= 4 or any(c.isupper() for c in letters[1:])


@dataclass(frozen=True, slots=True)
class OrgEntry:
    """One organisation of the registry."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    counties: tuple[str, ...] = ()
    county_aliases: tuple[str, ...] = ()
    requires_capital: bool = False  # multi-word names that are also common phrases ("Svenskt näringsliv")
    any_case: bool = False  # definite nouns used as names in lower case ("länsstyrelsen", "regeringen")
    no_scan: tuple[str, ...] = ()  # forms too ambiguous for running text, accepted by resolve() only
    until: dt.date | None = None  # the last day the body bore this name ('Västerbottens läns landsting')
    succeeded_by: str | None = None  # the body that took the name over (a name of the registry)

    @classmethod
    def from_json(cls, raw: Any, where: str) -> OrgEntry:
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not raw["name"].strip():
            raise ValueError(f"{where}: an entry needs a non-empty string 'name'")
        kind = raw.get("kind", "other")
        if kind not in KINDS:
            raise ValueError(f"{where}: kind {kind!r} is not one of {sorted(KINDS)}")
        county = raw.get("county") or ()
        counties = (county,) if isinstance(county, str) else tuple(county)

        def strings(key: str) -> tuple[str, ...]:
            value = raw.get(key) or []
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise ValueError(f"{where}: {key!r} must be a list of non-empty strings")
            return tuple(v.strip() for v in value)

        until = raw.get("until")
        try:
            until = dt.date.fromisoformat(until) if until is not None else None
        except (TypeError, ValueError):
            raise ValueError(f"{where}: 'until' must be an ISO date (YYYY-MM-DD), not {until!r}") from None
        if (until is None) != (raw.get("succeeded_by") is None):
            raise ValueError(f"{where}: 'until' and 'succeeded_by' go together")
        return cls(
            name=raw["name"].strip(),
            kind=kind,
            aliases=strings("aliases"),
            parent=raw.get("parent"),
            counties=counties,
            county_aliases=strings("county_aliases"),
            requires_capital=bool(raw.get("requires_capital")),
            any_case=bool(raw.get("any_case")),
            no_scan=strings("no_scan"),
            until=until,
            succeeded_by=raw.get("succeeded_by"),
        )

    def merged(self, other: OrgEntry) -> OrgEntry:
        """This entry extended by a user entry of the same name (the user's kind and parent win)."""
        return replace(
            other,
            aliases=tuple(dict.fromkeys(self.aliases + other.aliases)),
            counties=other.counties or self.counties,
            county_aliases=tuple(dict.fromkeys(self.county_aliases + other.county_aliases)),
            no_scan=tuple(dict.fromkeys(self.no_scan + other.no_scan)),
            until=other.until or self.until,
            succeeded_by=other.succeeded_by or self.succeeded_by,
        )


@dataclass(frozen=True, slots=True)
class OrgMatch:
    """A written organisation name resolved to the registry.

    ``score`` is 100 for a form of the registry as written, 98 for the same form in another case or
    punctuation, 96 for its genitive ("Trafikverkets"), and the fuzzy similarity (≥ 90) for spelling
    variants; resolving only a part of the text ("Sametinget/ näringsliv") costs 5 points.
    """

    name: str
    as_written: str
    score: float
    kind: str
    parent: str | None = None


@dataclass(slots=True)
class _Form:
    text: str
    entry: OrgEntry
    exact: bool  # abbreviation: case-sensitive
    capital: bool  # first letter must be upper case in running text
    county_only: bool
    scan: bool


@dataclass
class OrganisationRegistry:
    """The organisations known to minutes-nlp, with lookup of written forms."""

    entries: dict[str, OrgEntry]
    county: str | None = None  # default county for county aliases ("Länsstyrelsen")
    _plain: dict[str, list[OrgEntry]] = field(default_factory=dict, repr=False)
    _by_county_alias: dict[str, list[OrgEntry]] = field(default_factory=dict, repr=False)
    _forms: list[_Form] = field(default_factory=list, repr=False)
    _counties: dict[str, str] = field(default_factory=dict, repr=False)
    _scans: dict[tuple[str, str | None], tuple] = field(default_factory=dict, repr=False)
    _resolved: dict[tuple[str, str | None], OrgMatch | None] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for entry in self.entries.values():
            for text in (entry.name, *entry.aliases):
                self._add_form(text, entry, county_only=False)
            for text in entry.county_aliases:
                self._add_form(text, entry, county_only=True)
            for county in entry.counties:
                self._add_county_names(county, entry)
        if self.county is not None:
            self.county = self.canonical_county(self.county)

    # construction ---------------------------------------------------------------------------------
    @classmethod
    def load(cls, extra: Path | str | None = None, *, county: str | None = None) -> OrganisationRegistry:
        """The shipped registry, optionally extended by a JSON file in the same format.

        A user entry whose name is already known adds its aliases (and sets its kind and parent);
        new names are added.  ``county`` sets the default county for county aliases.
        """
        raw = load_json("organisations.json")
        entries = cls._parse(raw, "models/organisations.json")
        if extra is not None:
            path = Path(extra)
            try:
                user = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError) as exc:
                raise ValueError(f"cannot read organisation file {path}: {exc}") from exc
            for name, entry in cls._parse(user, str(path)).items():
                entries[name] = entries[name].merged(entry) if name in entries else entry
        for entry in entries.values():
            if entry.succeeded_by is not None and entry.succeeded_by not in entries:
                raise ValueError(
                    f"{entry.name}: succeeded_by {entry.succeeded_by!r} is no organisation of the registry"
                )
        return cls(entries, county=county)

    def name_on(self, name: str, day: dt.date | None) -> str:
        """The name a body bore on ``day`` (today when None): 'Västerbottens läns landsting' is itself until
        2018 and 'Region Västerbotten' after."""
        seen = {name}
        entry = self.entries.get(name)
        while entry is not None and entry.succeeded_by and (day is None or day > entry.until):
            name = entry.succeeded_by
            if name in seen:
                break  # a cycle in the user's file: stop where it starts again
            seen.add(name)
            entry = self.entries.get(name)
        return name

    @staticmethod
    def _parse(raw: Any, source: str) -> dict[str, OrgEntry]:
        if not isinstance(raw, list):
            raise ValueError(f"{source}: expected a JSON list of organisations")
        entries: dict[str, OrgEntry] = {}
        for i, item in enumerate(raw):
            entry = OrgEntry.from_json(item, f"{source}[{i}]")
            entries[entry.name] = entries[entry.name].merged(entry) if entry.name in entries else entry
        return entries

    def with_county(self, county: str | None) -> OrganisationRegistry:
        """The same registry with another default county (cheap: the indexes are shared)."""
        clone = object.__new__(OrganisationRegistry)
        clone.__dict__.update(self.__dict__)
        clone.county = None if county is None else self.canonical_county(county)
        return clone

    def _add_form(self, text: str, entry: OrgEntry, *, county_only: bool) -> None:
        exact = _is_abbreviation(text)
        single = not _WS.search(text)
        capital = not exact and (county_only or entry.requires_capital or (single and not entry.any_case))
        self._forms.append(_Form(text, entry, exact, capital, county_only, scan=text not in entry.no_scan))
        index = self._by_county_alias if county_only else self._plain
        for key in self._keys_of_form(text, exact):
            bucket = index.setdefault(key, [])
            if entry not in bucket:
                bucket.append(entry)

    @staticmethod
    def _keys_of_form(text: str, exact: bool) -> list[str]:
        # An abbreviation is also accepted fully upper-cased ("Digg" as "DIGG"), but a form that is
        # itself written so wins: "SIS" (standards) is not "SiS" (youth care).
        if exact:
            return ["=" + text, "^" + text.upper()]
        return [_norm(text)]

    def _add_county_names(self, county: str, entry: OrgEntry) -> None:
        stem = county.removesuffix(" län")
        forms = {county, stem, stem[:-1] if stem.endswith("s") else stem}
        if entry.kind == "region" and len(entry.counties) == 1:
            forms.update((entry.name, *entry.aliases, entry.name.removeprefix("Region ")))
        for form in forms:
            self._counties.setdefault(_norm(form), county)

    # queries -----------------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, name: object) -> bool:
        return name in self.entries

    def get(self, name: str) -> OrgEntry | None:
        return self.entries.get(name)

    def canonical_county(self, county: str) -> str:
        """The county a name stands for ("Jämtland", "Region Jämtland Härjedalen" -> "Jämtlands län").

        Raises ValueError for a name that is not a Swedish county.
        """
        found = self._counties.get(_norm(county))
        if found is None:
            raise ValueError(f"unknown county {county!r}")
        return found

    def _county_for(self, county: str | None) -> str | None:
        return self.county if county is None else self.canonical_county(county)

    def _lookup(self, surface: str, county: str | None) -> OrgEntry | None:
        surface = _WS.sub(" ", surface.strip())
        for key in ("=" + surface, "^" + surface, _norm(surface)):
            owners = self._by_county_alias.get(key, [])
            if county is not None:
                for entry in owners:
                    if county in entry.counties:
                        return entry
            plain = self._plain.get(key)
            if plain:
                return plain[0]
            if county is None and len(owners) == 1:
                return owners[0]
        return None

    def _match(self, entry: OrgEntry, as_written: str, score: float) -> OrgMatch:
        return OrgMatch(entry.name, as_written, score, entry.kind, entry.parent)

    def resolve(self, text: str, *, county: str | None = None) -> OrgMatch | None:
        """The organisation a whole field names ("Af", "Länsstyrelsens", "Mittuniversitet"), or None."""
        county = self._county_for(county)
        key = (text, county)
        if key in self._resolved:
            return self._resolved[key]
        # headings, list items and names are asked about again and again by several stages
        if len(self._resolved) >= 4096:
            self._resolved.clear()
        found = self._resolved[key] = self._resolve(text, county)
        return found

    def _resolve(self, text: str, county: str | None) -> OrgMatch | None:
        cleaned = _clean(text)
        if not cleaned:
            return None
        found = self._resolve_whole(cleaned, county)
        if found is not None:
            return found
        parts = [p for p in _SPLIT.split(cleaned) if p]
        if len(parts) > 1:
            for part in parts:
                found = self._resolve_whole(part, county)
                if found is not None:
                    return replace(found, score=found.score - 5)
        return None

    def _resolve_whole(self, text: str, county: str | None) -> OrgMatch | None:
        entry = self._lookup(text, county)
        if entry is not None:
            exact = text in (entry.name, *entry.aliases, *entry.county_aliases)
            return self._match(entry, text, 100.0 if exact else 98.0)
        base = _strip_genitive(text)
        if base:
            entry = self._lookup(base, county)
            if entry is not None:
                return self._match(entry, text, 96.0)
        return self._branch(text, county) or self._fuzzy(text)

    def _branch(self, text: str, county: str | None) -> OrgMatch | None:
        """ "Almi Jönköping", "Företagarna Västra Götaland": a known association or company followed by a place
        is its local branch, a body of its own kept as written; an agency's local office is the agency."""
        words = text.split()
        for k in range(1, min(3, len(words) - 1) + 1):
            entry = self._lookup(" ".join(words[:-k]), county)
            if entry is None or entry.kind in ("municipality", "region", "party"):
                continue
            if k == 1 and words[-1] in _QUARTERS and entry.kind in _BRANCHED_KINDS:
                return OrgMatch(text, text, 97.0, entry.kind, entry.name)  # "Almi Väst", "LRF Mitt"
            if words[-k].lower() == "campus" and k >= 2:
                return self._match(
                    entry, text, 97.0
                )  # "Uppsala universitet Campus Gotland" is the university
            if _is_place(" ".join(words[-k:])):
                if entry.kind in _BRANCHED_KINDS:
                    return OrgMatch(text, text, 97.0, entry.kind, entry.name)
                return self._match(entry, text, 97.0)
        return None

    @cached_property
    def _fuzzy_choices(self) -> tuple[list[str], list[OrgEntry]]:
        keys: dict[str, OrgEntry] = {}
        for form in self._forms:
            if not form.exact and not form.county_only and len(form.text) >= _FUZZY_MIN_LEN:
                keys.setdefault(_norm(form.text), form.entry)
        return list(keys), list(keys.values())

    @cached_property
    def _compact(self) -> dict[str, OrgEntry]:
        keys, owners = self._fuzzy_choices
        return {k.replace(" ", ""): e for k, e in zip(keys, owners, strict=True)}

    def _fuzzy(self, text: str) -> OrgMatch | None:
        query = _norm(text)
        if len(query) < _FUZZY_MIN_LEN:
            return None
        # "Mitt universitetet", "Mittuniversitetet": the same name split or joined differently
        joined = self._compact.get(query.replace(" ", ""))
        if joined is not None:
            return self._match(joined, text, _FUZZY_MAX)
        keys, owners = self._fuzzy_choices
        scored: list[tuple[float, OrgEntry]] = []
        for key, score, i in process.extract(
            query, keys, scorer=fuzz.token_sort_ratio, score_cutoff=FUZZY_CUTOFF, limit=8
        ):
            if not 0.8 <= len(query) / len(key) <= 1.25:
                continue
            q_core, k_core = _core(query), _core(key)
            if q_core != query or k_core != key:
                if not q_core or not k_core:
                    continue
                score = min(score, fuzz.ratio(q_core, k_core))
                if score < FUZZY_CUTOFF:
                    continue
            scored.append((score, owners[i]))
        if not scored:
            return None
        scored.sort(key=lambda s: -s[0])
        best_score, best = scored[0]
        # Two different bodies almost equally close: refuse rather than guess.
        if any(e.name != best.name and best_score - s < 2 for s, e in scored[1:]):
            return None
        return self._match(best, text, min(_FUZZY_MAX, round(best_score, 1)))

    # running text ----------------------------------------------------------------------------------
    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        alternatives: dict[str, int] = {}
        for form in self._forms:
            if not form.scan:
                continue
            variants = [form.text, form.text.upper()] if form.exact else [form.text]
            for text in variants:
                alternatives.setdefault(_form_regex(text, exact=form.exact, capital=form.capital), len(text))
        ordered = sorted(alternatives, key=lambda a: -alternatives[a])
        return re.compile(_BEFORE + "(?P<base>" + "|".join(ordered) + ")(?P<gen>:s|s)?" + _AFTER)

    def find_in_text(self, text: str, *, county: str | None = None) -> list[tuple[int, int, OrgMatch]]:
        """Registry names and aliases in running text, longest first, as (start, end, match).

        The span includes a genitive ending ("Trafikverkets", "LRF:s").
        """
        county = self._county_for(county)
        key = (text, county)
        cached = self._scans.get(key)
        if cached is not None:
            return list(cached)
        found: list[tuple[int, int, OrgMatch]] = []
        for m in self._pattern.finditer(text):
            base = m.group("base")
            entry = self._lookup(base, county)
            if entry is None:
                continue
            exact = base in (entry.name, *entry.aliases, *entry.county_aliases)
            score = 100.0 if exact and not m.group("gen") else (96.0 if m.group("gen") else 98.0)
            found.append((m.start(), m.end(), self._match(entry, m.group(0), score)))
        # Several stages scan the same document; one big alternation over it is worth keeping.
        if len(self._scans) >= 32:
            self._scans.pop(next(iter(self._scans)))
        self._scans[key] = tuple(found)
        return found

    def local_branches(self, text: str, *, county: str | None = None) -> dict[str, str]:
        """ "Företagarna Västra Götaland" named in a document: the bare "Företagarna" of that document is
        that branch. Parent name → branch, for parents with exactly one branch named."""
        found: dict[str, set[str]] = {}
        for _s, e, match in self.find_in_text(text, county=county):
            if match.kind not in _BRANCHED_KINDS or text[e : e + 1] != " ":
                continue
            words = text[e + 1 : e + 40].split()
            for k in (3, 2, 1):
                place = " ".join(words[:k])
                if len(words) >= k and _is_place(place.rstrip(".,;:)")):
                    branch = self.resolve(f"{match.as_written} {place.rstrip('.,;:)')}", county=county)
                    if branch is not None and branch.parent == match.name:
                        found.setdefault(match.name, set()).add(branch.name)
                    break
        return {parent: next(iter(b)) for parent, b in found.items() if len(b) == 1}

    def names(self) -> Iterable[str]:
        return self.entries.keys()


def _is_place(text: str) -> bool:
    from .places import find_places  # places are a separate concern; only branches need them here

    found = find_places(text)
    return len(found) == 1 and found[0][:2] == (0, len(text))


def _form_regex(text: str, *, exact: bool, capital: bool) -> str:
    words = [re.escape(w) for w in text.split()]
    body = r"\s+".join(words)
    if exact:
        return body
    if capital and text[0].isalpha():
        rest = r"\s+".join([re.escape(text.split()[0][1:]), *words[1:]])
        return re.escape(text[0].upper()) + "(?i:" + rest + ")"
    return "(?i:" + body + ")"


def _clean(text: str) -> str:
    text = _PAREN.sub(" ", text)
    text = _WS.sub(" ", text).strip(" \t\n\"'”“’«».,:;–—-*•")
    return text


def _strip_genitive(text: str) -> str | None:
    if text.endswith(":s"):
        return text[:-2]
    if len(text) > 3 and text.endswith("s") and not text.endswith("ss"):
        return text[:-1]
    return None


def _core(key: str) -> str:
    """The distinctive words of a name: generic ones dropped, misspelt too ('riksförbud')."""
    return " ".join(w for w in key.split() if not _generic(w))


@cache
def _generic(word: str) -> bool:
    # a misspelling is about as long as the word; 'mittuniversitetet' is a name that ends in one
    return word in _GENERIC_WORDS or (
        len(word) >= 6
        and any(
            len(g) >= 6 and abs(len(g) - len(word)) <= 2 and fuzz.ratio(word, g) >= 85 for g in _GENERIC_WORDS
        )
    )


@cache
def default_registry() -> OrganisationRegistry:
    """The shipped registry, loaded once per process (no default county)."""
    return OrganisationRegistry.load()
