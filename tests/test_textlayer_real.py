"""The text layer on real minutes PDFs (../shared/real), checked word by word against pdftotext."""

from __future__ import annotations

import re
from collections import defaultdict

import pdfplumber
import pytest
from conftest import REAL, real_pdfs

from minutes_nlp import read_text
from minutes_nlp.layout import clean_glyph_text, is_private_use
from minutes_nlp.textcheck import pdftotext, word_agreement

PDFS = real_pdfs()
pytestmark = pytest.mark.skipif(not PDFS, reason=f"no real PDFs under {REAL} (../shared is absent)")


@pytest.fixture(scope="module", params=PDFS, ids=lambda p: p.name)
def layer(request):
    return read_text(request.param)


def test_words_agree_with_pdftotext(layer):
    reference = pdftotext(layer.path)
    if reference is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    # pdftotext keeps page numbers, which we drop by design: compare without them.
    for page in layer.pages:
        for line in page.removed:
            reference = reference.replace(line, " ", 1)
    assert word_agreement(layer.text, reference) >= 0.98


def test_words_are_separated(layer):
    # pdfplumber's default tolerance glues the names of these pages together.
    glued = re.findall(r"\b[A-ZÅÄÖ][a-zåäö]+[A-ZÅÄÖ][a-zåäö]+[A-ZÅÄÖ][a-zåäö]+\b", layer.text)
    assert not glued


def test_no_private_use_or_replacement_characters(layer):
    assert not [ch for ch in layer.text if is_private_use(ch) or ch == "\ufffd"]


def test_page_numbers_are_removed(layer):
    n = len(layer.pages)
    if n > 1:
        assert all(p.removed for p in layer.pages[1:]), "every numbered page had its number dropped"
    for line in layer.lines:
        height = layer.pages[line.page - 1].height
        in_margin = line.bottom < 0.1 * height or line.top > 0.9 * height
        assert not (in_margin and re.fullmatch(r"\d+( \(\d+\))?", line.text)), line


def test_every_character_maps_to_its_glyph(layer):
    # Glyphs bucketed by page and whole point of x, so each look-up scans a handful.
    glyphs: dict[tuple[int, int], list[dict]] = defaultdict(list)
    with pdfplumber.open(layer.path) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            for c in page.chars:
                for x in range(int(c["x0"]), int(c["x1"]) + 1):
                    glyphs[(number, x)].append(c)
    checked = 0
    for offset, ch in enumerate(layer.text):
        box = layer.box(offset)
        assert box is not None and 1 <= box.page <= len(layer.pages)
        assert box.x0 <= box.x1 and box.top <= box.bottom
        if not ch.isalnum():
            continue
        x, y = (box.x0 + box.x1) / 2, (box.top + box.bottom) / 2
        under = [
            clean_glyph_text(c["text"])
            for c in glyphs[(box.page, int(x))]
            if c["x0"] - 0.01 <= x <= c["x1"] + 0.01
            and box.top - 1 <= (c["top"] + c["bottom"]) / 2 <= box.bottom + 1
        ]
        assert any(ch in t for t in under), (offset, ch, under)
        assert box.top - 1 <= y
        checked += 1
    assert checked > 500


def test_lines_carry_layout(layer):
    assert any(line.bold for line in layer.lines)
    assert any(line.kind == "list_item" and line.list_level >= 1 for line in layer.lines)
    for line in layer.lines:
        assert layer.text[line.start : line.end] == line.text
        assert line.font_size > 0
