"""The people stage on PDFs we render: names, non-names, first-name mentions, e-mails and organisations."""

from __future__ import annotations

import json
from pathlib import Path

import pdfplumber
import pytest
from conftest import ROOT, render_source

from minutes_nlp.people import find_people
from minutes_nlp.pipeline import records_of
from minutes_nlp.records import Document
from minutes_nlp.text import build as read_text

CORPUS = ROOT / "corpus"
GOLD = CORPUS / "gold"
PDF = CORPUS / "pdf"

# Fictional people, real organisations; written for this test.
SOURCE = """---
id: people_check
producer: reportlab
bullet: symbol
header: "Region Jämtland Härjedalen – Regional näringslivsdialog"
footer: "{n}"
font: dejavu-sans
size: 11
---
# 2025-03-10 Minnesanteckningar
Regional näringslivsdialog
## Välkomnande
Petra Lindqvist, regional utvecklingsstrateg på Region Jämtland Härjedalen, öppnade mötet. Nya siffror om sysselsättningen presenterades av Gustav Ekman – analytiker RJH.
Den som har frågor om siffrorna kan kontakta Gustav direkt på gustav.ekman@regionjh.se.
## Laget runt
## Trafikverket, Oskar Bergman
- Vägbygget mellan Östersund och Brunflo fortsätter under sommaren.
- Certifieringen Fair Transport och satsningen Impact Innovation togs upp, och Visit Sweden deltar i kampanjen.
- Oskar lämnar över uppdraget till kollegan Åsa Söderström, som nås på asa.soderstrom@trafikverket.se.
## Länsstyrelsen genom Magnus Ekberg
Länsstyrelsen har öppnat en ny utlysning. Magnus ber organisationerna sprida informationen.
## Almi, Magnus Wallin
- Rådgivningen sker på Campus Östersund och i Regionens hus.
- Seminariet leds av Henrik Dahl från Almi.
## Övriga frågor
Frågor om utlysningen besvaras av Magnus på Länsstyrelsen. Magnus tar också emot frågor om seminariet.
"""

EXPECTED = {
    "Petra Lindqvist",
    "Gustav Ekman",
    "Oskar Bergman",
    "Åsa Söderström",
    "Magnus Ekberg",
    "Magnus Wallin",
    "Henrik Dahl",
}


def _people_of(pdf: Path):
    layer = read_text(pdf)
    return layer, find_people(layer, records_of(layer))


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    return _people_of(render_source(tmp_path_factory.mktemp("people"), "people_check", SOURCE))


def _person(doc: Document, name: str):
    return next(p for p in doc.people if p.name == name)


def _section_titled(doc: Document, title: str):
    return next(s for s in doc.sections if s.title == title)


def test_full_names_found_and_nothing_else(rendered):
    _, doc = rendered
    assert {p.name for p in doc.people} == EXPECTED


def test_non_names_rejected(rendered):
    _, doc = rendered
    words = {w for p in doc.people for w in p.name.split()}
    for not_a_name in (
        "Fair",
        "Transport",
        "Impact",
        "Visit",
        "Sweden",
        "Campus",
        "Regionens",
        "Nya",
        "Brunflo",
    ):
        assert not_a_name not in words


def test_roles_and_organisations(rendered):
    _, doc = rendered
    petra = _person(doc, "Petra Lindqvist")
    assert petra.roles == ["regional utvecklingsstrateg"]
    assert petra.organisations == ["Region Jämtland Härjedalen"]
    gustav = _person(doc, "Gustav Ekman")
    assert gustav.roles == ["analytiker"] and gustav.organisations == ["Region Jämtland Härjedalen"]
    assert _person(doc, "Oskar Bergman").organisations == ["Trafikverket"]
    assert _person(doc, "Magnus Ekberg").organisations == ["Länsstyrelsen Jämtlands län"]
    assert _person(doc, "Henrik Dahl").organisations == ["Almi Mitt"]  # "från Almi"
    assert _person(doc, "Åsa Söderström").organisations == ["Trafikverket"]  # "kollegan …" in that section


def test_emails_attached_by_name(rendered):
    _, doc = rendered
    assert _person(doc, "Gustav Ekman").emails == ["gustav.ekman@regionjh.se"]
    assert _person(doc, "Åsa Söderström").emails == ["asa.soderstrom@trafikverket.se"]  # å/ö folded
    assert not _person(doc, "Oskar Bergman").emails


def test_first_name_mentions_link_to_the_person(rendered):
    layer, doc = rendered
    per = [m for m in doc.mentions if m.label == "PER"]
    alone = [(m.text, m.value, m.section_id) for m in per if " " not in m.text]
    trafikverket = _section_titled(doc, "Trafikverket, Oskar Bergman").id
    lansstyrelsen = _section_titled(doc, "Länsstyrelsen genom Magnus Ekberg").id
    other = _section_titled(doc, "Övriga frågor").id
    assert ("Gustav", "Gustav Ekman", _section_titled(doc, "Välkomnande").id) in alone
    assert ("Oskar", "Oskar Bergman", trafikverket) in alone
    assert ("Magnus", "Magnus Ekberg", lansstyrelsen) in alone  # the Magnus of the section
    assert ("Magnus", "Magnus Ekberg", other) in alone  # "Magnus på Länsstyrelsen"
    # the last "Magnus" could be either of them: not linked
    last = layer.text.rindex("Magnus")
    assert all(m.start != last for m in per)
    for m in per:
        assert layer.text[m.start : m.end] == m.text
        assert m.page == 1


def test_running_twice_adds_nothing(rendered):
    layer, doc = rendered
    again = find_people(layer, doc.model_copy(deep=True))
    assert again.people == doc.people
    assert again.mentions == doc.mentions


# ------------------------------------------------------------------------------------------- the corpus gold
def _gold_docs() -> list[Path]:
    if not PDF.is_dir():
        return []
    return [g for g in sorted(GOLD.glob("*.json")) if (PDF / f"{g.stem}.pdf").is_file()]


GOLD_DOCS = _gold_docs()


def _norm(name: str) -> str:
    return " ".join(name.split())


@pytest.mark.skipif(not GOLD_DOCS, reason=f"no rendered corpus PDFs with gold under {PDF}")
@pytest.mark.parametrize("gold_path", GOLD_DOCS, ids=lambda p: p.stem)
def test_people_against_gold(gold_path: Path):
    gold = {_norm(p["name"]): p for p in json.loads(gold_path.read_text(encoding="utf-8"))["people"]}
    pdf = PDF / f"{gold_path.stem}.pdf"
    layer, doc = _people_of(pdf)
    predicted = {_norm(p.name): p for p in doc.people}
    hits = len(gold.keys() & predicted.keys())
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    assert f1 >= 0.9, (
        f"P={precision:.2f} R={recall:.2f}: missing {gold.keys() - predicted.keys()}, extra {predicted.keys() - gold.keys()}"
    )
    # every mention stands on the page it says, as pdfplumber reads that page (a table cell may wrap a
    # name and interleave it with its neighbours, so each word is looked for on its own)
    with pdfplumber.open(pdf) as document:
        pages = {i + 1: page.extract_text() or "" for i, page in enumerate(document.pages)}
    for m in doc.mentions:
        if m.label == "PER":
            assert all(word in pages[m.page] for word in m.text.split()), m
