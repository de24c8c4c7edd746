"""The evaluation corpus: the renderer's PDFs carry what real minutes carry, and every gold file fits its source."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pdfplumber
import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
sys.path.insert(0, str(CORPUS))

from minutes_nlp.records import RECORD_TYPES  # noqa: E402
from minutes_nlp.temporal import KINDS  # noqa: E402

render = pytest.importorskip("render", reason="corpus/render.py needs reportlab and fpdf2 (extra 'render')")

SYMBOL_DOC = "2024-09-16_naringslivsdialog"  # bullet: symbol, producer: reportlab
SOURCES = sorted((CORPUS / "src").glob("*.md"))
GOLDS = sorted((CORPUS / "gold").glob("*.json"))

TOP_KEYS = {"meeting", *RECORD_TYPES}  # the gold follows the JSON contract of the records
ITEM_KEYS = {
    "sections": {"kind", "title", "organisation", "organisation_as_written", "people", "parent"},
    "attendance": {"name", "organisation", "status", "substitute_for", "role"},
    "people": {"name", "organisations", "roles", "emails"},
    "dates": {"text", "kind", "start", "end"},
    "events": {"name", "start", "end", "place", "organisation"},
    "quantities": {"text", "value", "unit"},
    "action_items": {"text", "responsible", "due"},
}
DATE_KINDS = set(KINDS)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, Path]:
    """The same symbol-bullet source rendered by each producer."""
    src = CORPUS / "src" / f"{SYMBOL_DOC}.md"
    out = tmp_path_factory.mktemp("corpus")
    return {p: render.render(src, out / p, producer=p) for p in render.PRODUCERS}


@pytest.mark.parametrize("producer", ["reportlab", "fpdf2"])
def test_pages_header_and_symbol_bullet(rendered, producer):
    header = render.parse(CORPUS / "src" / f"{SYMBOL_DOC}.md").meta["header"]
    with pdfplumber.open(rendered[producer]) as pdf:
        assert len(pdf.pages) >= 2
        assert all(header in (page.extract_text() or "") for page in pdf.pages)
        chars = "".join(c["text"] for page in pdf.pages for c in page.chars)
    # Word's Symbol-font bullet reaches the text layer as the private-use code point, not as U+2022.
    assert "\uf0b7" in chars
    assert "\u2022" not in chars


def test_producer_metadata_differs(rendered):
    producers = {}
    for name, path in rendered.items():
        with pdfplumber.open(path) as pdf:
            producers[name] = pdf.metadata.get("Producer", "")
    assert "ReportLab" in producers["reportlab"]
    assert "fpdf2" in producers["fpdf2"]


def test_variant_changes_the_layout(tmp_path):
    src = CORPUS / "src" / f"{SYMBOL_DOC}.md"
    own = render.style_of(render.parse(src))
    alt = render.variant_style(own, "alt")
    assert (alt.producer, alt.font, alt.bullet, alt.footer) != (
        own.producer,
        own.font,
        own.bullet,
        own.footer,
    )
    path = render.render(src, tmp_path, variant="alt")
    with pdfplumber.open(path) as pdf:
        chars = "".join(c["text"] for page in pdf.pages for c in page.chars)
        assert alt.producer.lower() in pdf.metadata.get("Producer", "").lower().replace(" pdf library", "")
    assert render.BULLET_GLYPHS[alt.bullet] in chars


def test_expected_text_drops_markup():
    text = render.expected_text(CORPUS / "src" / f"{SYMBOL_DOC}.md")
    lines = text.splitlines()
    assert lines[0] == "2024-09-16 Minnesanteckningar"
    assert not any(line.startswith(("#", "---", "producer:")) for line in lines)
    assert any(line.startswith("  - ") for line in lines)  # a second-level bullet keeps its indent


def test_every_source_has_a_gold_and_back():
    assert {p.stem for p in SOURCES} == {p.stem for p in GOLDS}
    assert len(SOURCES) >= 8


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.stem)
def test_gold_schema_and_anchors(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    assert set(gold) == TOP_KEYS
    assert set(gold["meeting"]) == {"title", "date", "body", "place"}
    for key, fields in ITEM_KEYS.items():
        for item in gold[key]:
            assert set(item) == fields, (key, item)
    assert {d["kind"] for d in gold["dates"]} <= DATE_KINDS
    assert {s["kind"] for s in gold["sections"]} <= {"agenda", "organisation"}
    assert {a["status"] for a in gold["attendance"]} <= {"present", "absent", "substitute"}
    for q in gold["quantities"]:
        assert isinstance(q["value"], int | float)

    # Everything quoted "as written" must be found in the text a faithful extractor gives.
    text = render.expected_text(CORPUS / "src" / f"{gold_path.stem}.md")
    lines = set(text.splitlines())
    assert gold["meeting"]["title"] in lines
    for section in gold["sections"]:
        assert section["title"] in lines
    for item in gold["dates"] + gold["quantities"]:
        assert item["text"] in text, item
    for value in gold["emails"] + gold["urls"] + [p["name"] for p in gold["people"]]:
        assert value in text, value
    people = {p["name"] for p in gold["people"]}
    assert {a["name"] for a in gold["attendance"]} <= people
    organisations = set(gold["organisations"])
    for person in gold["people"]:
        assert set(person["organisations"]) <= organisations, person
    titles = {s["title"] for s in gold["sections"]}
    assert all(s["parent"] in titles for s in gold["sections"] if s["parent"])
