"""The text-layer bar on PDFs rendered from our sources in layouts the extractor was not tuned on.

Every source in corpus/src is rendered again here, in every layout variant of corpus/render.py
(other producer, font, size, margins, bullet glyph, footer pattern), and the clean text must match
the source text: character similarity ≥ 0.98, no private-use or replacement characters, no running
header or page-number lines.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from conftest import ROOT

pytest.importorskip("reportlab", reason="the test extra (reportlab, fpdf2) renders the PDFs")
pytest.importorskip("fpdf", reason="the test extra (reportlab, fpdf2) renders the PDFs")

sys.path.insert(0, str(ROOT / "corpus"))
import render  # noqa: E402

from minutes_nlp import read_text  # noqa: E402
from minutes_nlp.layout import is_private_use  # noqa: E402
from minutes_nlp.textcheck import char_similarity  # noqa: E402

SOURCES = sorted((ROOT / "corpus" / "src").glob("*.md"))
VARIANTS = [None, "alt", "alt2", "alt3"]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[tuple[str, str | None], Path]:
    out = {}
    for variant in VARIANTS:
        folder = tmp_path_factory.mktemp(variant or "base")
        for src in SOURCES:
            out[(src.stem, variant)] = render.render(src, folder, variant=variant)
    return out


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v or "base")
@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.stem)
def test_clean_text_matches_the_source(rendered, src, variant):
    pdf = rendered[(src.stem, variant)]
    layer = read_text(pdf)
    expected = render.expected_text(src)
    assert char_similarity(layer.text, expected) >= 0.98
    assert not [ch for ch in layer.text if is_private_use(ch) or ch == "\ufffd"]
    header = render.parse(src).meta.get("header", "").strip()
    lines = [ln.strip() for ln in layer.text.splitlines()]
    if header:
        expected_lines = [ln.strip() for ln in expected.splitlines()]
        assert lines.count(header) == expected_lines.count(header), "the running header is gone"
        assert all(p.removed for p in layer.pages), "every page lost its header"
    page_number = re.compile(r"(Sida )?\d+( av \d+| \(\d+\))?")
    assert not [ln for ln in lines if page_number.fullmatch(ln)]


def test_bullets_become_one_marker_with_levels(rendered):
    levels = set()
    for src in SOURCES:
        layer = read_text(rendered[(src.stem, None)])
        for line in layer.lines:
            if line.kind == "list_item" and line.list_marker and not line.list_marker[0].isalnum():
                assert line.text.lstrip().startswith("- ")
                levels.add(line.list_level)
    assert {1, 2} <= levels


# A third producer: the same sources as HTML printed by headless Chromium (Skia/PDF, as Google Docs
# exports are), with justified text, CSS list markers and page-margin headers and footers.
import render_html  # noqa: E402


@pytest.fixture(scope="module")
def chromium_pdfs(tmp_path_factory) -> dict[str, Path]:
    if render_html.chromium() is None:
        pytest.skip("chromium is not installed (apt-get install chromium): .ci/run installs it")
    folder = tmp_path_factory.mktemp("chromium")
    return {src.stem: render_html.render_pdf(src, folder) for src in SOURCES}


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.stem)
def test_clean_text_matches_the_source_from_chromium(chromium_pdfs, src):
    layer = read_text(chromium_pdfs[src.stem])
    assert (layer.producer or "").startswith("Skia/PDF")
    assert char_similarity(layer.text, render.expected_text(src)) >= 0.98
    assert not [ch for ch in layer.text if is_private_use(ch) or ch == "\ufffd"]
    page_number = re.compile(r"(Sida )?\d+( av \d+| \(\d+\))?")
    assert not [ln for ln in layer.text.splitlines() if page_number.fullmatch(ln.strip())]
    assert all(p.removed for p in layer.pages)
