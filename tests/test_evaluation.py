"""Scoring extraction against gold files: real extraction of a PDF rendered here, real CLI output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from minutes_nlp.cli import main
from minutes_nlp.evaluation import evaluate_dir, render_table, score_document
from minutes_nlp.records import Attendance, Document, Person

EMAIL = "karin.holm@exempel.se"
URL = "https://www.exempel.se/protokoll"


def _render(path: Path) -> None:
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(72, 780, "Minnesanteckningar styrgruppsmöte 12 mars 2024")
    c.setFont("Helvetica", 11)
    y = 750
    for line in (
        "Närvarande: Karin Holm, Per Ericsson",
        f"Frågor om mötet besvaras av Karin Holm, {EMAIL}.",
        f"Underlagen finns på {URL} inför nästa möte.",
        "Nästa möte hålls i Östersund.",
    ):
        c.drawString(72, y, line)
        y -= 18
    c.showPage()
    c.save()


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "gold").mkdir()
    (tmp_path / "pdf").mkdir()
    _render(tmp_path / "pdf" / "mote.pdf")
    return tmp_path


def _gold(corpus: Path, doc_id: str, data: dict) -> None:
    (corpus / "gold" / f"{doc_id}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_perfect_contacts_score_one(corpus):
    _gold(corpus, "mote", {"emails": [EMAIL], "urls": [URL + "/"]})
    report = evaluate_dir(corpus / "gold")
    (doc,) = report.documents
    assert doc.error is None
    for kind in ("emails", "urls"):
        c = doc.types[kind].counts
        assert (c.tp, c.fp, c.fn) == (1, 0, 0)
        assert c.precision == c.recall == c.f1 == 1.0
    # Types the gold file does not annotate are not scored.
    assert set(doc.types) == {"emails", "urls"}


def test_extra_gold_item_lowers_recall_only(corpus):
    _gold(corpus, "mote", {"emails": [EMAIL, "registrator@exempel.se"], "urls": [URL]})
    report = evaluate_dir(corpus / "gold")
    c = report.by_type()["emails"]
    assert (c.tp, c.fp, c.fn) == (1, 0, 1)
    assert c.precision == 1.0 and c.recall == 0.5
    assert report.documents[0].types["emails"].missed == ["registrator@exempel.se"]


def test_empty_gold_list_makes_predictions_false_positives(corpus):
    _gold(corpus, "mote", {"emails": []})
    c = evaluate_dir(corpus / "gold").total
    assert (c.tp, c.fp, c.fn) == (0, 1, 0) and c.precision == 0.0


def test_fuzzy_name_variant_matches_and_duplicates_do_not():
    gold = {
        "people": [{"name": "Per Eriksson", "organisations": ["Region Jämtland Härjedalen"]}],
        "attendance": [{"name": "Holm, Karin", "status": "present", "organisation": None}],
    }
    pred = Document(
        source="x.pdf",
        people=[
            Person(name="Per Ericsson", organisations=["Region Jämtland Härjedalen"]),
            Person(name="Per  Ericsson"),
        ],
        attendance=[Attendance(name="Karin Holm", status="present")],
    )
    result = score_document(gold, pred)
    people = result.types["people"].counts
    assert (people.tp, people.fp, people.fn) == (1, 1, 0)
    assert (result.people_org_linked.hits, result.people_org_linked.of) == (1, 1)
    assert result.types["attendance"].counts.tp == 1


def test_name_that_differs_too_much_or_wrong_status_does_not_match():
    gold = {"attendance": [{"name": "Karin Holm", "status": "absent"}], "people": [{"name": "Per Eriksson"}]}
    pred = Document(
        source="x.pdf",
        attendance=[Attendance(name="Karin Holm", status="present")],
        people=[Person(name="Pär Svensson")],
    )
    result = score_document(gold, pred)
    assert result.types["attendance"].counts.tp == 0
    assert result.types["people"].counts.tp == 0


def test_an_organisation_matches_with_or_without_its_legal_form():
    gold = {
        "attendance": [
            {"name": "Zoran Ilić", "status": "present", "organisation": "Västtrafik AB"},
            {"name": "Eva Ek", "status": "present", "organisation": "Region Skåne"},
        ],
        "organisations": ["Renova AB", "Bjäre Kraft ekonomisk förening"],
    }
    pred = Document(
        source="x.pdf",
        attendance=[
            Attendance(name="Zoran Ilić", organisation="Västtrafik"),
            Attendance(name="Eva Ek", organisation="Region Skåne AB"),
        ],
        organisations=[{"name": "Renova"}, {"name": "Bjäre Kraft"}],
    )
    result = score_document(gold, pred)
    assert result.types["attendance"].counts.tp == 2
    assert result.types["organisations"].counts.tp == 2
    # a different body stays different
    pred = Document(
        source="x.pdf", attendance=[Attendance(name="Zoran Ilić", organisation="Västfastigheter")]
    )
    assert score_document(gold, pred).types["attendance"].counts.tp == 0


def test_missing_pdf_is_reported_and_counted_as_missed(corpus):
    _gold(corpus, "mote", {"emails": [EMAIL]})
    _gold(corpus, "saknas", {"emails": ["a@b.se", "c@d.se"], "meeting": {"date": "2024-03-12"}})
    report = evaluate_dir(corpus / "gold")
    missing = next(d for d in report.documents if d.id == "saknas")
    assert "no PDF" in missing.error
    assert missing.types["emails"].counts.fn == 2
    assert missing.meeting_date == "missing"
    assert (report.total.tp, report.total.fn) == (1, 2)
    assert "saknas" in render_table(report)


def test_cli_table_has_totals_row(corpus, capsys):
    _gold(corpus, "mote", {"emails": [EMAIL], "urls": [URL]})
    _gold(corpus, "saknas", {"urls": ["https://example.org"]})
    assert main(["evaluate", "--gold", str(corpus / "gold"), "--pdf", str(corpus / "pdf")]) == 0
    captured = capsys.readouterr()
    total = [ln.split() for ln in captured.out.splitlines() if ln.startswith("TOTAL") and " all " in ln]
    assert total == [["TOTAL", "all", "2", "0", "1", "1.00", "0.67", "0.80"]]
    assert "saknas" in captured.err


def test_cli_json(corpus, capsys):
    _gold(corpus, "mote", {"emails": [EMAIL], "urls": []})
    assert main(["evaluate", "--gold", str(corpus / "gold"), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"]["types"]["emails"]["f1"] == 1.0
    assert data["total"]["types"]["urls"]["fp"] == 1
    assert data["documents"][0]["types"]["urls"]["spurious"] == [URL]
