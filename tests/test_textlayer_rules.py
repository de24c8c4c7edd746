"""Text-layer rules on PDFs drawn line by line, so the line breaks are exactly where a test wants them."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("reportlab", reason="reportlab (test extra) draws the PDFs")
from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from minutes_nlp import read_text  # noqa: E402

LEFT, RIGHT, SIZE = 72.0, 523.0, 11.0


def _draw(path: Path, lines: list[str], *, font: str = "Helvetica", justify: bool = True) -> Path:
    """Each string is one printed line; all but the last of a paragraph are stretched to the right edge."""
    c = canvas.Canvas(str(path))
    y = 760.0
    for i, text in enumerate(lines):
        if not text:
            y -= SIZE * 1.2
            continue
        last_of_paragraph = i + 1 == len(lines) or not lines[i + 1]
        words = text.split(" ")
        if justify and not last_of_paragraph and len(words) > 1:
            natural = sum(stringWidth(w, font, SIZE) for w in words)
            gap = (RIGHT - LEFT - natural) / (len(words) - 1)
            x = LEFT
            for w in words:
                c.setFont(font, SIZE)
                c.drawString(x, y, w)
                x += stringWidth(w, font, SIZE) + gap
        else:
            c.setFont(font, SIZE)
            c.drawString(LEFT, y, text)
        y -= SIZE * 1.2
    c.showPage()
    c.save()
    return path


PARAGRAPH = [
    "Regionen har haft många dialoger med aktörer inom hälso- och sjuk-",
    "vården om kompetensförsörjningen och om de nya ESF- och ERUF-",
    "medlen. Även Hälso-",
    "och sjukvårdsnämnden och ESF-",
    "rådet deltog. Arbetet med infra-",
    "strukturen fortsätter under våren enligt den plan som tidigare lagts fram.",
]


def test_split_words_are_mended_and_compounds_keep_their_hyphen(tmp_path):
    text = read_text(_draw(tmp_path / "h.pdf", PARAGRAPH)).text
    assert "sjukvården" in text and "sjuk-vården" not in text
    assert "ESF- och ERUF-medlen" in text
    assert "Hälso- och sjukvårdsnämnden" in text
    assert "ESF-rådet" in text
    assert "infrastrukturen" in text


def test_paragraph_lines_are_joined_and_paragraphs_kept_apart(tmp_path):
    lines = [
        "Länsstyrelsen redovisade arbetet med den regionala energiplanen och de nya",
        "uppdragen i regleringsbrevet.",
        "",
        "Trafikverket deltog inte denna gång.",
    ]
    layer = read_text(_draw(tmp_path / "p.pdf", lines))
    assert layer.text.splitlines() == [
        "Länsstyrelsen redovisade arbetet med den regionala energiplanen och de nya uppdragen i regleringsbrevet.",
        "Trafikverket deltog inte denna gång.",
    ]


def test_a_short_line_ends_its_paragraph(tmp_path):
    lines = ["Deltagare:", "Anna Berg, SCB", "Olle Ek, Lantmäteriet"]
    layer = read_text(_draw(tmp_path / "s.pdf", lines, justify=False))
    assert layer.text.splitlines() == lines


@pytest.mark.parametrize("glyph", ["\u2022", "\u25aa", "\u2013", "-", "o", "*"])
def test_bullet_glyphs_become_one_marker(tmp_path, glyph):
    c = canvas.Canvas(str(tmp_path / "b.pdf"))
    c.setFont("Helvetica", SIZE)
    c.drawString(LEFT, 760, "Aktiviteter:")
    for n, (indent, text) in enumerate(
        [(0, "Regionstämma 18 mars"), (18, "anmälan senast 1 mars"), (0, "Växthusdag")]
    ):
        y = 746 - n * 14
        c.drawString(LEFT + indent, y, glyph if glyph != "\u25aa" else "-")
        c.drawString(LEFT + indent + 12, y, text)
    c.showPage()
    c.save()
    layer = read_text(tmp_path / "b.pdf")
    assert layer.text.splitlines() == [
        "Aktiviteter:",
        "- Regionstämma 18 mars",
        "  - anmälan senast 1 mars",
        "- Växthusdag",
    ]
    assert [ln.list_level for ln in layer.lines] == [0, 1, 2, 1]


def test_words_with_narrow_gaps_are_separated(tmp_path):
    # Word gaps of 0.2 em, as some producers set them: pdfplumber's 3 pt tolerance would glue these.
    c = canvas.Canvas(str(tmp_path / "n.pdf"))
    x = LEFT
    for word in ["Ulrika", "Domellöf", "Mattsson,", "Digg"]:
        c.setFont("Helvetica", SIZE)
        c.drawString(x, 700, word)
        x += stringWidth(word, "Helvetica", SIZE) + 0.2 * SIZE
    c.showPage()
    c.save()
    assert read_text(tmp_path / "n.pdf").text == "Ulrika Domellöf Mattsson, Digg"
