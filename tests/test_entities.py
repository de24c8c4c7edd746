"""Dates, organisations and places stages, and all entity stages against the corpus gold."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path

import pytest

from minutes_nlp.entities import find_dates, find_organisations, find_places, sentences
from minutes_nlp.evaluation.score import score_document
from minutes_nlp.events import find_events
from minutes_nlp.quantities import find_quantities
from minutes_nlp.records import Document, Meeting, Section
from minutes_nlp.textlayer import TextLayer

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
ENTITY_LABELS = {"DATE", "QUANTITY", "EVENT", "ORG", "LOC"}


def layer_doc(text: str, meeting: dt.date | None = dt.date(2025, 3, 10)) -> tuple[TextLayer, Document]:
    layer = TextLayer.from_text(text)
    return layer, Document(source="<text>", meeting=Meeting(date=meeting, county="Jämtlands län"))


def test_dates_split_clock_times_and_anchor_lone_ones() -> None:
    layer, doc = layer_doc(
        "Seminariet om laddinfrastruktur hålls 2 april kl 14.30 i Brunflo.\n"
        "Lokalen öppnar kl 14.00.\n"
        "Synpunkter lämnas senast 28 mars och kostnaderna redovisas från och med maj."
    )
    doc = find_dates(layer, doc)
    got = [(d.text, d.kind, d.start, d.end) for d in doc.dates]
    april2 = dt.date(2025, 4, 2)
    assert ("2 april", "date", april2, april2) in got
    assert ("kl 14.30", "time", april2, april2) in got
    assert ("kl 14.00", "time", april2, april2) in got  # the day of the event before it
    assert ("senast 28 mars", "deadline", None, dt.date(2025, 3, 28)) in got
    # 'från och med maj' names May: the period it names, not an open end
    assert any(k == "month" and s == dt.date(2025, 5, 1) and e == dt.date(2025, 5, 31) for _, k, s, e in got)
    dates = [m for m in doc.mentions if m.label == "DATE"]
    assert len(dates) == len(doc.dates) and all(layer.text[m.start : m.end] == m.text for m in dates)


def test_lone_clock_time_without_a_day_keeps_no_date() -> None:
    layer, doc = layer_doc("Vi ses kl 9.15 som vanligt.")
    doc = find_dates(layer, doc)
    assert [(d.kind, d.start) for d in doc.dates] == [("time", None)]


def test_next_time_is_the_announced_next_meeting() -> None:
    layer, doc = layer_doc(
        "Frågan om bredband tas upp nästa gång.\nNästa möte hålls 14 april kl 9.00 i Sveg.",
    )
    doc = find_dates(layer, doc)
    nxt = next(d for d in doc.dates if d.text == "nästa gång")
    assert nxt.start == nxt.end == dt.date(2025, 4, 14)


def test_organisations_from_text_headings_and_attendance() -> None:
    text = "Rapport\nTrafikverket och LRF:s länsförbund träffades. Regionen deltog."
    layer, doc = layer_doc(text)
    doc.sections = [
        Section(
            id="s1",
            kind="organisation",
            title="Af, Eva Lund",
            organisation="Arbetsförmedlingen",
            organisation_as_written="Af",
            page_start=1,
            page_end=1,
            start=0,
            end=len(text),
            text=text,
        )
    ]
    doc = find_organisations(layer, doc)
    orgs = {o.name: o.aliases for o in doc.organisations}
    assert "Trafikverket" in orgs and "Lantbrukarnas Riksförbund" in orgs
    assert "LRF:s" in orgs["Lantbrukarnas Riksförbund"]
    assert orgs["Region Jämtland Härjedalen"] == ["Regionen"]  # the county makes 'Regionen' precise
    assert orgs["Arbetsförmedlingen"] == ["Af"]
    orgs_m = [m for m in doc.mentions if m.label == "ORG"]
    assert {m.section_id for m in orgs_m} == {"s1"} and {m.page for m in orgs_m} == {1}


def test_places_skip_organisation_names_but_keep_longer_places() -> None:
    layer, doc = layer_doc(
        "Region Jämtland Härjedalen bjuder in till Regionens hus. Resan går via Bräcke till Ånge."
    )
    doc = find_places(layer, doc)
    assert [p.name for p in doc.places] == ["Regionens hus", "Bräcke", "Ånge"]


def test_places_outside_the_gazetteer_venues_and_routes() -> None:
    layer, doc = layer_doc(
        "Mässan hålls på Sara kulturhus och på Dalarna Science Park. Båten går till Blå Jungfrun hade många "
        "resenärer, men kampanjen till Grön gemenskap inte. Leden mellan Vålådalen och Blåhammaren och "
        "sträckan Gävle–Kringlan på Ostkustbanan. Industrin i södra Dalarna växer. Möte om Luleå central."
    )
    doc.meeting.place = "Konferensrum Zorn, Mora Parken, Mora"
    names = [p.name for p in find_places(layer, doc).places]
    for place in (
        "Sara kulturhus",
        "Dalarna Science Park",
        "Blå Jungfrun",
        "Blåhammaren",
        "Kringlan",
        "södra Dalarna",
        "Luleå central",
        "Mora Parken",
    ):
        assert place in names
    assert "Grön" not in names and "Konferensrum Zorn" not in names
    # a railway line locates what is said but is a route, not a place
    assert "Ostkustbanan" not in names
    assert "Konferensrum Zorn, Mora Parken, Mora" not in names  # the meeting place counts as its parts


def test_a_place_inside_a_name_is_no_place() -> None:
    text = (
        "Näringslivsrådet Halland – minnesanteckningar\n"
        "Maria Ek, Coompanion Halland, och Per Ås, Naturskyddsföreningen i Stockholms län, deltog.\n"
        "Piteå Science Park växer. Fyrbodals kommunalförbund har en ny strateg. Västerviks sjukhus byggs ut.\n"
        "Träffen hålls i Skellefteå. Festen hålls på Gävle Konserthus."
    )
    layer, doc = layer_doc(text)
    doc.meeting.title = "Näringslivsrådet Halland – minnesanteckningar"
    doc.meeting.body = "Näringslivsrådet Halland"
    names = [p.name for p in find_places(layer, doc).places]
    for name in ("Halland", "Stockholms län", "Stockholms", "Piteå", "Fyrbodal", "Fyrbodals", "Västervik"):
        assert name not in names
    assert names == ["Västerviks sjukhus", "Skellefteå", "Gävle Konserthus"]


def test_the_meeting_place_as_its_parts() -> None:
    layer, doc = layer_doc("Inget mer.")
    for place, parts in (
        ("Sessionssalen, Rådhuset i Ystad", ["Sessionssalen", "Rådhuset", "Ystad"]),
        ("Föreningens kontor i Förslöv", ["Förslöv"]),
        ("Sammanträdesrum Vindeln, Regionens hus, Umeå", ["Regionens hus", "Umeå"]),
        ("Karlstads universitet, Kronoparken", ["Kronoparken"]),
        ("Naturum Tyresta", ["Naturum Tyresta"]),
        ("Hornsgatan 20, Stockholm", ["Stockholm"]),
    ):
        doc.meeting.place, doc.places = place, []
        assert [p.name for p in find_places(layer, doc).places] == parts, place


def test_sentences_keep_abbreviations_and_clock_times() -> None:
    layer = TextLayer.from_text("Mötet börjar kl. 9.00 och ca. 40 kommer. Nästa punkt. 3 nya ärenden.")
    got = [layer.text[s:e] for s, e in sentences(layer)]
    assert got == ["Mötet börjar kl. 9.00 och ca. 40 kommer.", "Nästa punkt.", "3 nya ärenden."]


# --- the corpus gold --------------------------------------------------------------------------------------

GOLD_PDFS = sorted(
    p for p in (CORPUS / "pdf").glob("*.pdf") if (CORPUS / "gold" / f"{p.stem}.json").is_file()
)


@cache
def corpus_scores() -> dict[str, tuple[int, int, int]]:
    from minutes_nlp.pipeline import records_of
    from minutes_nlp.text import build

    totals: dict[str, list[int]] = {}
    for pdf in GOLD_PDFS:
        layer = build(pdf)
        doc = records_of(layer)
        # the stages run here whether or not the configured pipeline has them yet
        doc = doc.model_copy(
            update={
                "dates": [],
                "places": [],
                "organisations": [],
                "events": [],
                "quantities": [],
                "mentions": [m for m in doc.mentions if m.label not in ENTITY_LABELS],
            }
        )
        for stage in (find_dates, find_organisations, find_places, find_events, find_quantities):
            doc = stage(layer, doc)
        gold = json.loads((CORPUS / "gold" / f"{pdf.stem}.json").read_text(encoding="utf-8"))
        result = score_document(gold, doc, pdf.stem)
        for name, r in result.types.items():
            t = totals.setdefault(name, [0, 0, 0])
            t[0] += r.counts.tp
            t[1] += r.counts.fp
            t[2] += r.counts.fn
    return {k: (v[0], v[1], v[2]) for k, v in totals.items()}


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


@pytest.mark.skipif(not GOLD_PDFS, reason="no corpus PDFs with gold (render them: python corpus/render.py)")
@pytest.mark.parametrize(
    ("kind", "floor"), [("quantities", 0.85), ("events", 0.85), ("places", 0.85), ("organisations", 0.85)]
)
def test_corpus_f1(kind: str, floor: float) -> None:
    tp, fp, fn = corpus_scores()[kind]
    assert f1(tp, fp, fn) >= floor, (kind, tp, fp, fn)


@pytest.mark.skipif(not GOLD_PDFS, reason="no corpus PDFs with gold (render them: python corpus/render.py)")
def test_corpus_dates_values() -> None:
    tp, fp, fn = corpus_scores()["dates"]
    # a date counts only with the gold start and end: the share of gold dates found with the right values
    assert tp / (tp + fn) >= 0.8, (tp, fp, fn)


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("Plats: Digitalt via Zoom", None),
        ("Plats: Teams", None),
        ("Plats: Distansmöte", None),
        ("Plats: Regionens hus, Halmstad", "Regionens hus, Halmstad"),
        ("Plats: Föreningens kontor i Förslöv samt via Teams", "Föreningens kontor i Förslöv"),
    ],
)
def test_a_meeting_held_online_has_no_place(line: str, place: str | None) -> None:
    from minutes_nlp.meeting import find_meeting

    layer = TextLayer.from_text(f"Styrelsemöte\nDatum: 8 juni 2021\n{line}\nNärvarande: Eva Ek")
    doc = find_meeting(layer, Document(source="<text>"))
    assert doc.meeting.place == place


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("Skånes Fotbollförbund – protokoll från styrelsemöte", "Skånes Fotbollförbund"),
        ("Farsta stadsdelsnämnd – protokoll nr 7/2023", "Farsta stadsdelsnämnd"),
        ("Minnesanteckningar – Näringslivsforum Skaraborg", "Näringslivsforum Skaraborg"),
    ],
)
def test_the_body_is_the_name_a_dash_sets_apart(title: str, body: str) -> None:
    from minutes_nlp.meeting import find_meeting

    layer = TextLayer.from_text(f"{title}\nDatum: 8 juni 2021\nPlats: Malmö")
    assert find_meeting(layer, Document(source="<text>")).meeting.body == body


def test_a_title_that_begins_with_a_place_cue_is_no_place() -> None:
    from minutes_nlp.meeting import find_meeting

    text = "Lokal samverkansgrupp för trygghet i Västerås – minnesanteckningar\nTid: tisdag 8 april 2025\nLokal: Rådhuset"
    doc = find_meeting(TextLayer.from_text(text), Document(source="<text>"))
    assert doc.meeting.place == "Rådhuset"


def test_the_host_is_a_branch_named_with_its_town() -> None:
    from minutes_nlp.meeting import find_meeting

    text = "Protokoll från styrelsemöte i Naturskyddsföreningen i Härnösand\nDatum: tisdag 14 mars 2017"
    doc = find_meeting(TextLayer.from_text(text), Document(source="<text>"))
    assert doc.meeting.host == "Naturskyddsföreningen i Härnösand"


def test_a_place_and_its_kind_of_land_are_one_place() -> None:
    layer, doc = layer_doc("Vandringen går i Skuleskogens nationalpark och på Skrea strand vid Höga kusten.")
    names = [p.name for p in find_places(layer, doc).places]
    assert "Skuleskogens nationalpark" in names and "Skrea strand" in names
