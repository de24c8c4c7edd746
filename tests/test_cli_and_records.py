"""The command line and the records it prints, on our corpus PDFs."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT

from minutes_nlp import Document, extract, json_schema, load_pipeline, read_text

CORPUS_PDF = ROOT / "corpus" / "pdf"


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "minutes_nlp.cli", *args], capture_output=True, text=True)


def test_schema_command_matches_the_documented_schema():
    done = _cli("schema")
    assert done.returncode == 0
    printed = json.loads(done.stdout)
    assert printed == json_schema()
    assert printed == json.loads((ROOT / "docs" / "schema.json").read_text(encoding="utf-8")), (
        "docs/schema.json is stale: regenerate it with `minutes-nlp schema > docs/schema.json`"
    )


def test_extract_json_is_a_valid_document_citing_pages():
    pdf = CORPUS_PDF / "2024-05-14_bergs_kommun_ksau.pdf"
    done = _cli("extract", str(pdf), "--format", "json")
    assert done.returncode == 0, done.stderr
    doc = Document.model_validate_json(done.stdout)
    assert doc.meeting.date.isoformat() == "2024-05-14"
    assert len(doc.pages) >= 2
    for section in doc.sections:
        assert 1 <= section.page_start <= section.page_end <= len(doc.pages)
    for mention in doc.mentions:
        assert 1 <= mention.page <= len(doc.pages)


def test_extract_folder_writes_one_file_per_document(tmp_path):
    done = _cli("extract", str(CORPUS_PDF), "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    written = sorted(p.stem for p in tmp_path.glob("*.json"))
    assert written == sorted(p.stem for p in CORPUS_PDF.glob("*.pdf"))


def test_spacy_pipeline_carries_the_records():
    nlp = load_pipeline()
    assert nlp.lang == "sv"
    assert load_pipeline() is nlp, "loaded once per process"
    docs = list(nlp.pipe(["Kontakta oss på info@example.se", "Mer på www.regionjh.se/dialog"]))
    assert [e.label_ for e in docs[0].ents] == ["EMAIL"]
    assert docs[1]._.record.urls == ["www.regionjh.se/dialog"]


def test_records_of_a_pdf_match_the_spacy_route():
    from minutes_nlp.nlp import doc_from_layer

    pdf = CORPUS_PDF / "2024-09-16_naringslivsdialog.pdf"
    direct = extract(pdf)
    assert [s.title for s in direct.sections][:3] == [
        "Välkomnande",
        "Regional och lokal statistik",
        "Laget runt",
    ]
    nlp = load_pipeline()
    spacy_doc = nlp(doc_from_layer(nlp, read_text(pdf)))
    assert spacy_doc._.record == direct
    labels = {span.label_ for span in spacy_doc.spans["minutes"]}
    assert {"PER", "ORG", "DATE", "EMAIL"} <= labels
    person = next(e for e in spacy_doc.ents if e.label_ == "PER")
    assert person._.value
