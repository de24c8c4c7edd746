"""Meeting structure against gold: our corpus, the held-out set, and the real DCAT-AP-SE minutes."""

from __future__ import annotations

import re

import pytest
from conftest import REAL, ROOT

from minutes_nlp import extract
from minutes_nlp.evaluation import evaluate_dir
from minutes_nlp.textcheck import pdftotext

CORPUS = ROOT / "corpus"
# (gold, PDFs): our corpus, two held-out sets written by other hands, one of them also printed by Chromium
SETS = [
    (CORPUS / "gold", CORPUS / "pdf"),
    (CORPUS / "heldout" / "gold", CORPUS / "heldout" / "pdf"),
    (CORPUS / "heldout2" / "gold", CORPUS / "heldout2" / "pdf"),
    (CORPUS / "heldout2" / "gold", CORPUS / "heldout2" / "pdf_chromium"),
]


@pytest.fixture(scope="module", params=SETS, ids=lambda p: p[1].relative_to(CORPUS).as_posix())
def report(request):
    gold, pdf = request.param
    if not any(gold.glob("*.json")):
        pytest.skip(f"no gold files in {gold}")
    return evaluate_dir(gold, pdf)


def test_every_document_is_read(report):
    assert not [d.id for d in report.documents if d.error]


def test_sections_f1(report):
    assert report.by_type()["sections"].f1 >= 0.95


def test_attendance_f1(report):
    assert report.by_type()["attendance"].f1 >= 0.90


def test_meeting_date_right_on_every_document(report):
    assert report.meeting_dates()["right"] == len(report.documents)


DCAT = sorted((REAL / "dcat-ap-se").glob("*.pdf")) if REAL.is_dir() else []


@pytest.mark.skipif(not DCAT, reason=f"no real PDFs under {REAL} (../shared is absent)")
@pytest.mark.parametrize("pdf", DCAT, ids=lambda p: p.name)
def test_real_participant_lists_are_read(pdf):
    reference = pdftotext(pdf)
    if reference is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    # poppler's reading of the list: the lines after "Deltagare:" up to the agenda
    block = reference.split("Deltagare:", 1)[1].split("Mötesanteckningar", 1)[0]
    listed = [re.split(r"[,.]", ln)[0].strip() for ln in block.splitlines() if "," in ln or ". " in ln]
    assert len(listed) >= 8
    doc = extract(pdf)
    names = {a.name for a in doc.attendance}
    assert [n for n in listed if n not in names] == []
    with_org = [a for a in doc.attendance if a.organisation]
    assert len(with_org) == len(doc.attendance)
