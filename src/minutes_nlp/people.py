"""People: who the minutes name, with their organisations, roles and e-mail addresses, and every mention.

Structure is the strongest evidence: the people of organisation headings ("JHT, Sara Envall") and of
attendance lists come with their organisation.  Prose adds people a capitalised pair of words names when
its first word is a known first name (``models/lang/sv/names/``), so that "Visit Sweden", "Fair Transport"
or a sentence's first two words are not taken for a person; organisation and place names are excluded
outright.  After a name, a role phrase ("– analytiker RJH"), a preposition ("från Almi") or "som
representerar …" tells whom the person works for.  A first name alone ("Karin lämnar över") is a mention
of the one person of that first name in the document, never a new person.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache

from .contacts import EMAIL, URL
from .names import person_pattern, role_in
from .places import find_places
from .records import Document, Mention, Person, Section
from .registry import OrgMatch, default_registry
from .resources import load_json
from .textlayer import TextLayer

_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "è": "e", "ü": "u", "ø": "o", "æ": "ae"})
_VOWELS = frozenset("aeiouyåäöéü")
_SENTENCE_END = frozenset('.!?:;•*–—-"”“(\uf0b7▪')
_WS = re.compile(r"\s+")


# data ---------------------------------------------------------------------------------------------------
@cache
def _names(kind: str) -> tuple[frozenset[str], frozenset[str]]:
    data = load_json("lang", "sv", "names", f"{kind}.json")
    return frozenset(data["names"]), frozenset(data["also_words"])


def first_names() -> frozenset[str]:
    return _names("first_names")[0]


def surnames() -> frozenset[str]:
    return _names("surnames")[0]


@cache
def _cues() -> dict:
    return load_json("lang", "sv", "names", "people_cues.json")


@cache
def _structure() -> dict:
    return load_json("lang", "sv", "structure.json")


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(w.casefold() for w in _structure()["person_stopwords"])


@cache
def _particles() -> frozenset[str]:
    return frozenset(_structure()["name_particles"])


@cache
def _run() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){person_pattern()}")


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _after_name() -> re.Pattern[str]:
    """What may stand between a name and the organisation named right after it."""
    cues = _cues()
    preps = _alternation(cues["name_prepositions"])
    reps = _alternation(cues["represents"])
    return re.compile(
        rf"[ \t]*(?:\([ \t]*|,?[ \t]+(?:{reps})[ \t]+|[ \t]+(?:{preps})[ \t]+|[ \t]*(?:,|[–—-])[ \t]*)"
    )


@cache
def _between_role_and_org() -> re.Pattern[str]:
    preps = _alternation(_cues()["role_prepositions"])
    return re.compile(rf"[ \t]*(?:(?:{preps})[ \t]+)?", re.IGNORECASE)


_PAREN = re.compile(r"[ \t]*\(([^()\n]{1,60})\)")
_NEXT_ENTRY = re.compile(r"[ \t]*,[ \t]*[A-ZÅÄÖÉÜØÆ][a-zåäöéèüøæ-]+[ \t]+[A-ZÅÄÖÉÜØÆ]")
_PHRASE = re.compile(r"[ \t]*(?:,|[–—-]|\()[ \t]*(?P<phrase>[^,.;:()\n]{2,80})")


# the people of one document ------------------------------------------------------------------------------
@dataclass
class _Person:
    name: str
    orgs: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    order: int = 0

    @property
    def tokens(self) -> list[str]:
        return self.name.split()

    @property
    def first(self) -> str:
        return self.tokens[0]

    def add_org(self, org: str | None) -> None:
        if org and org not in self.orgs:
            self.orgs.append(org)

    def add_role(self, role: str | None) -> None:
        if role and role not in self.roles:
            self.roles.append(role)


def _key(name: str) -> str:
    return _WS.sub(" ", name).strip().casefold()


@dataclass
class _Index:
    text: str
    county: str | None
    claimed: list[tuple[int, int]]  # organisations, places, e-mail addresses and URLs
    orgs_at: dict[int, tuple[int, OrgMatch]]
    sections: list[Section]
    people: dict[str, _Person] = field(default_factory=dict)
    branches: dict[str, str] = field(default_factory=dict)  # 'Företagarna' → 'Företagarna Västra Götaland'

    def person(self, name: str) -> _Person | None:
        return self.people.get(_key(name))

    def add(self, name: str) -> _Person:
        name = _WS.sub(" ", name).strip()
        found = self.person(name)
        if found is None:
            found = self.people[_key(name)] = _Person(name, order=len(self.people))
        return found

    def canonical(self, org: str | None) -> str | None:
        if not org:
            return None
        match = default_registry().resolve(org, county=self.county)
        name = match.name if match else org
        return self.branches.get(name, name)

    def is_claimed(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.claimed)

    def claimed_beyond(self, start: int, end: int) -> bool:
        """Is ``text[start:end]`` part of a longer organisation or place name ("Anna Lindh-priset")?

        A span that only covers a surname ("Berg", a place too) does not hide the person.
        """
        return any(s < end and start < e and (s < start or e > end) for s, e in self.claimed)

    def org_starting(self, pos: int) -> tuple[int, OrgMatch] | None:
        return self.orgs_at.get(pos)

    def section_at(self, pos: int) -> Section | None:
        for section in reversed(self.sections):
            if section.start <= pos < section.end:
                return section
        return None


def find_people(layer: TextLayer, doc: Document) -> Document:
    """Fill ``doc.people`` and add a PER mention for every place a person is named."""
    text = layer.text
    county = doc.meeting.county
    orgs = default_registry().find_in_text(text, county=county)
    org_spans = [(s, e) for s, e, _ in orgs]
    claimed = org_spans + [(s, e) for s, e, _, _ in find_places(text, exclude=org_spans)]
    claimed += [m.span() for m in EMAIL.finditer(text)] + [m.span() for m in URL.finditer(text)]
    index = _Index(text, county, sorted(claimed), {s: (e, m) for s, e, m in orgs}, list(doc.sections))
    index.branches = default_registry().local_branches(text, county=county)

    for section in doc.sections:
        for name in section.people:
            index.add(name).add_org(index.canonical(section.organisation or section.organisation_as_written))
    for entry in doc.attendance:
        person = index.add(entry.name)
        person.add_org(index.canonical(entry.organisation))
        person.add_org(entry.party)
        person.add_role(entry.role)
        if entry.substitute_for:
            index.add(entry.substitute_for).add_org(index.canonical(entry.organisation))
    for name in _prose_names(index):
        index.add(name)

    taken = _full_mentions(index)
    _first_name_mentions(index, taken)
    _emails(index)
    _host_staff(index, doc)

    people = sorted(
        index.people.values(), key=lambda p: (min(p.mentions)[0] if p.mentions else 10**12, p.order)
    )
    doc.people = [Person(name=p.name, organisations=p.orgs, roles=p.roles, emails=p.emails) for p in people]
    doc.mentions = [m for m in doc.mentions if m.label != "PER"]  # running the stage twice adds nothing
    doc.mentions += [
        Mention(
            label="PER",
            text=text[s:e],
            start=s,
            end=e,
            page=layer.page_at(s),
            section_id=(sec.id if (sec := index.section_at(s)) else None),
            value=p.name,
        )
        for p in people
        for s, e in p.mentions
    ]
    doc.mentions.sort(key=lambda m: m.start)
    return doc


# new names in prose --------------------------------------------------------------------------------------
def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t")
    return not before or before[-1] == "\n" or before[-1] in _SENTENCE_END


def _strip_genitive(name: str, index: _Index) -> str:
    """Drop a genitive s ("Jonas Wikströms") unless it ends the surname itself ("Nils")."""
    last = name.split()[-1]
    if not last.endswith("s") or last.endswith("ss") or len(last) < 4:
        return name
    base = name[:-1]
    if index.person(base) is not None:
        return base
    if last in surnames():
        return name
    if last[:-1] in surnames() or last[-2].lower() not in _VOWELS | {"s", "x", "z"}:
        return base
    return name


def _prose_names(index: _Index) -> list[str]:
    """Full names the prose introduces: the longest acceptable run of capitalised words in each match."""
    text = index.text
    found: list[str] = []
    for m in _run().finditer(text):
        tokens = [(m.start() + t.start(), m.start() + t.end()) for t in re.finditer(r"\S+", m.group())]
        i = 0
        while i < len(tokens):
            for j in range(len(tokens), i + 1, -1):
                name = _acceptable(index, tokens[i:j])
                if name:
                    found.append(name)
                    i = j
                    break
            else:
                i += 1
    return found


def _acceptable(index: _Index, tokens: list[tuple[int, int]]) -> str | None:
    text = index.text
    words = [text[s:e] for s, e in tokens]
    if words[0] in _particles() or words[-1] in _particles():
        return None
    if any(index.is_claimed(s, e) or text[s:e].casefold() in _stopwords() for s, e in tokens):
        return None
    name = _strip_genitive(" ".join(words), index)
    if index.person(name) is not None:
        return name
    first, last = words[0], name.split()[-1]
    names, also_words = _names("first_names")
    if first not in names:
        return None
    # "Hans", "Per", "Bo" are words too: at a sentence's start they need a known surname
    if first in also_words and _sentence_start(text, tokens[0][0]) and last not in surnames():
        return None
    return name


# mentions ------------------------------------------------------------------------------------------------
def _full_mentions(index: _Index) -> list[tuple[int, int]]:
    """Every place a person is named in full, with what the words around it say about them."""
    text = index.text
    by_pattern = {
        r"\s+".join(re.escape(t) for t in p.tokens): p for p in index.people.values() if len(p.tokens) > 1
    }
    if not by_pattern:
        return []
    alternatives = sorted(by_pattern, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(f"(?P<p{i}>{a})" for i, a in enumerate(alternatives))
        + r")(?::s|s)?(?![\w-])"
    )
    taken: list[tuple[int, int]] = []
    colleague = re.compile(rf"(?:^|\s)(?:{_alternation(_cues()['colleague_words'])})[ \t]+$", re.IGNORECASE)
    for m in pattern.finditer(text):
        if index.claimed_beyond(*m.span()):
            continue
        person = by_pattern[alternatives[int(m.lastgroup[1:])]]
        person.mentions.append(m.span())
        taken.append(m.span())
        roles, org = _described_after(index, m.end())
        for role in roles:
            person.add_role(role)
        person.add_org(org)
        section = index.section_at(m.start())
        if section is None or section.kind != "organisation":
            continue
        section_org = index.canonical(section.organisation or section.organisation_as_written)
        in_heading = "\n" not in text[section.start : m.start()]
        # "Karin Sjödin och Johan Nordlund, Almi"; "… till kollegan Johan Nordlund"
        if in_heading or (not person.orgs and colleague.search(text[max(0, m.start() - 40) : m.start()])):
            person.add_org(section_org)
    return taken


def _described_after(index: _Index, pos: int, *, loose: bool = True) -> tuple[list[str], str | None]:
    """The roles and organisation named right after a name: ", analytiker RJH", " från Almi", " (S)".

    ``loose`` also takes an organisation after a bare comma or dash ("Sara Envall, JHT"); after a first
    name alone that is too often a list ("tack till Jonas, Almi och LRF").
    """
    text = index.text
    paren = _PAREN.match(text, pos)
    if paren:
        # "(LRF)", "(C)", "(ordförande)": what a bracket names whole; party letters resolve here only
        parts = [p.strip() for p in paren.group(1).split(",")]
        roles = [r for p in parts if (r := role_in(p))]
        registry = default_registry()
        org = next((o.name for p in parts if (o := registry.resolve(p, county=index.county))), None)
        if roles or org:
            return roles, org
    m = _after_name().match(text, pos)
    bare = m is not None and m.group().strip(" \t") in {",", "-", "–", "—"}
    if m and bare and not loose:
        m = None
    if m:
        found = index.org_starting(m.end())
        # "Företagarna, Jenny Östlund - Svenskt Näringsliv, Fredrik Alm": that organisation is the next entry's
        if found is not None and bare and _NEXT_ENTRY.match(text, found[0]):
            found = None
        if found is not None:
            rest = _PHRASE.match(text, pos)
            role = role_in(rest.group("phrase")) if rest and rest.start("phrase") == m.end() else None
            return ([role] if role else []), found[1].name
    m = _PHRASE.match(text, pos)
    if not m:
        return [], None
    phrase = m.group("phrase")
    role = role_in(phrase)
    if not role or not phrase.lower().lstrip().startswith(role.split()[0]):
        return [], None
    role_end = m.start("phrase") + phrase.lower().index(role) + len(role)
    gap = _between_role_and_org().match(text, role_end)
    found = index.org_starting(gap.end()) if gap else None
    return [role], (found[1].name if found and found[0] <= m.end("phrase") + 40 else None)


def _first_name_mentions(index: _Index, taken: list[tuple[int, int]]) -> None:
    """A first name alone names the document's one person of that first name."""
    text = index.text
    by_first: dict[str, list[_Person]] = {}
    for person in index.people.values():
        if len(person.tokens) > 1:
            by_first.setdefault(person.first, []).append(person)
    if not by_first:
        return
    also_words = _names("first_names")[1]
    pattern = re.compile(rf"(?<![\w-])(?P<n>{_alternation(list(by_first))})(?::s|s)?(?![\w-])")
    follower = re.compile(r"[ \t]+[A-ZÅÄÖÉÜØÆ][a-zåäöéèüøæ]")
    spans = sorted(taken)
    for m in pattern.finditer(text):
        start, end = m.span()
        i = bisect_right(spans, (start, 10**12))
        if any(s < end and start < e for s, e in spans[max(i - 1, 0) : i + 1]):
            continue
        if index.is_claimed(start, end):
            continue
        first = m.group("n")
        if first in also_words and _sentence_start(text, start):
            continue
        nxt = follower.match(text, end)
        if nxt and not index.is_claimed(nxt.end() - 2, nxt.end()):
            continue  # "Karin Andersson": another person of the same first name
        _, org = _described_after(index, end, loose=False)
        person = _choose(index, by_first[first], org, start)
        if person is None:
            continue
        person.mentions.append((start, end))
        person.add_org(org)


def _choose(index: _Index, candidates: list[_Person], org: str | None, pos: int) -> _Person | None:
    if org is not None:
        with_org = [p for p in candidates if org in p.orgs]
        if with_org:
            return with_org[0] if len(with_org) == 1 else None
        # "Magnus på Länsstyrelsen" is not the Magnus who works elsewhere
        candidates = [p for p in candidates if not p.orgs]
    if len(candidates) == 1:
        return candidates[0]
    section = index.section_at(pos)
    if section is not None:
        here = [p for p in candidates if _key(p.name) in {_key(n) for n in section.people}]
        if len(here) == 1:
            return here[0]
    return None


# e-mail addresses and organisations ---------------------------------------------------------------------
def _fold(word: str) -> str:
    return word.casefold().translate(_FOLD)


def _local_parts(person: _Person) -> set[str]:
    """The local parts an address of this person may have: jonas.wikstrom, jwikstrom, perolof.hedman …"""
    tokens = [t for t in person.tokens if t not in _particles()]
    firsts = {_fold(tokens[0]).replace("-", sep) for sep in ("", ".", "-")}
    lasts = {_fold(t).replace("-", sep) for t in (tokens[-1], "".join(tokens[1:])) for sep in ("", ".", "-")}
    out: set[str] = set()
    for first in firsts:
        for last in lasts:
            for sep in (".", "_", "-", ""):
                out.add(f"{first}{sep}{last}")
                out.add(f"{first[0]}{sep}{last}")
    return out


def _emails(index: _Index) -> None:
    people = [p for p in index.people.values() if len(p.tokens) > 1]
    parts = {id(p): _local_parts(p) for p in people}
    for m in EMAIL.finditer(index.text):
        address = m.group().rstrip(".,;:!?").lower()
        local = _fold(address.partition("@")[0])
        owners = [p for p in people if local in parts[id(p)]]
        if len(owners) == 1 and address not in owners[0].emails:
            owners[0].emails.append(address)


def _host_staff(index: _Index, doc: Document) -> None:
    """People presented by role alone in the meeting's own items work for the organisation holding it.

    When the host is not known, it is the one organisation of those in the same items who are
    presented with both a role and an organisation (the convener names their organisation once).
    """

    def in_agenda(p: _Person) -> bool:
        if not p.mentions:
            return False
        section = index.section_at(min(p.mentions)[0])
        return section is not None and section.kind != "organisation"

    host = index.canonical(doc.meeting.host)
    if host is not None:
        # the members and officers a body's own protocol lists without an organisation are the body's
        for entry in doc.attendance:
            person = index.person(entry.name)
            if entry.organisation is None and person is not None and not person.orgs:
                person.add_org(host)
    staff = [p for p in index.people.values() if p.roles and in_agenda(p)]
    if host is not None:
        # in a body's own minutes, people its agenda items name without an organisation are its own
        staff = [p for p in index.people.values() if in_agenda(p)]
    if host is None:
        known = {p.orgs[0] for p in staff if len(p.orgs) == 1}
        host = known.pop() if len(known) == 1 else None
    if host is None:
        return
    for p in staff:
        if not p.orgs:
            p.add_org(host)
