"""Bad input: one line naming the file and the problem, a non-zero exit, no traceback, others unharmed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

reportlab = pytest.importorskip(
    "reportlab", reason="reportlab (test extra) renders the PDFs these tests break"
)
from reportlab.lib import pdfencrypt  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from minutes_nlp import MinutesError, read_text  # noqa: E402


def _good_pdf(path: Path, pages: int = 2, encrypt: bool = False) -> Path:
    enc = pdfencrypt.StandardEncryption("hemligt", canPrint=0) if encrypt else None
    c = canvas.Canvas(str(path), encrypt=enc)
    for n in range(1, pages + 1):
        c.setFont("Helvetica", 9)
        c.drawString(72, 800, "Kommunstyrelsen – protokoll 2024-05-14")
        c.setFont("Helvetica", 11)
        c.drawString(72, 650, f"§ {n} Beslut om budget och bostäder.")
        c.drawString(300, 40, str(n))
        c.showPage()
    c.save()
    return path


def _scanned_pdf(path: Path) -> Path:
    from PIL import Image

    img = path.with_suffix(".png")
    Image.new("RGB", (400, 200), "white").save(img)
    c = canvas.Canvas(str(path))
    c.drawImage(str(img), 72, 500, 400, 200)
    c.showPage()
    c.save()
    return path


@pytest.fixture
def broken(tmp_path: Path) -> dict[str, Path]:
    good = _good_pdf(tmp_path / "good.pdf")
    data = good.read_bytes()
    files = {
        "empty": tmp_path / "empty.pdf",
        "truncated": tmp_path / "truncated.pdf",
        "not a pdf": tmp_path / "notes.pdf",
        "encrypted": _good_pdf(tmp_path / "locked.pdf", encrypt=True),
        "corrupt": tmp_path / "corrupt.pdf",
        "missing": tmp_path / "missing.pdf",
    }
    files["empty"].write_bytes(b"")
    files["truncated"].write_bytes(data[: len(data) // 3])
    files["not a pdf"].write_text("Minnesanteckningar 2024-02-26\n", encoding="utf-8")
    files["corrupt"].write_bytes(data[:40] + b"\x00\xff junk " * 200)
    return files


@pytest.mark.parametrize(
    "kind, words",
    [
        ("empty", "empty"),
        ("truncated", "truncated"),
        ("not a pdf", "not a PDF"),
        ("encrypted", "encrypted"),
        ("corrupt", ""),
        ("missing", "no such file"),
    ],
)
def test_api_raises_one_clear_error(broken, kind, words):
    with pytest.raises(MinutesError) as info:
        read_text(broken[kind])
    message = str(info.value)
    assert str(broken[kind]) in message and words in message
    assert "\n" not in message


def test_cli_reports_each_bad_file_in_one_line_and_goes_on(broken, tmp_path):
    good = _good_pdf(tmp_path / "zz_good.pdf")
    files = [str(p) for p in broken.values()] + [str(good)]
    done = subprocess.run(
        [sys.executable, "-m", "minutes_nlp.cli", "extract", *files, "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    errors = [ln for ln in done.stderr.splitlines() if ln.startswith("minutes-nlp: ")]
    assert len(errors) == len(broken)
    for path in broken.values():
        assert sum(str(path) in ln for ln in errors) == 1
    assert (tmp_path / "out" / "zz_good.json").is_file()
    assert "1 of 7 documents extracted, 6 failed" in done.stderr


def test_scanned_pages_are_reported(tmp_path):
    layer = read_text(_scanned_pdf(tmp_path / "scan.pdf"))
    assert layer.image_only_pages == [1]
    assert layer.text == ""
    assert any("OCR" in w for w in layer.warnings)


def test_text_command_prints_the_clean_text(tmp_path):
    good = _good_pdf(tmp_path / "good.pdf", pages=3)
    done = subprocess.run(
        [sys.executable, "-m", "minutes_nlp.cli", "text", str(good)], capture_output=True, text=True
    )
    assert done.returncode == 0
    # the running header and the page numbers are furniture
    assert [ln for ln in done.stdout.splitlines() if ln.strip()] == [
        f"§ {n} Beslut om budget och bostäder." for n in (1, 2, 3)
    ]
