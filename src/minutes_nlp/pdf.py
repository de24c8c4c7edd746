"""Open a PDF and refuse, with one clear line, what cannot be read."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from .errors import PDFError

# pdfminer signals a damaged file with many exception types; these are the ones that mean
# "the file", not "our code".
_BROKEN = (
    PdfminerException,
    PDFSyntaxError,
    PSException,
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
    IndexError,
    AssertionError,
    RecursionError,
    EOFError,
    OSError,
)


def open_pdf(path: str | Path) -> pdfplumber.PDF:
    """Open ``path`` with pdfplumber, or raise :class:`PDFError` saying why it cannot be read."""
    p = Path(path)
    if not p.exists():
        raise PDFError(p, "no such file")
    if not p.is_file():
        raise PDFError(p, "not a file")
    size = p.stat().st_size
    if size == 0:
        raise PDFError(p, "empty file (0 bytes)")
    with p.open("rb") as fh:
        head = fh.read(1024)
        fh.seek(max(0, size - 2048))
        tail = fh.read()
    if b"%PDF-" not in head:
        raise PDFError(p, "not a PDF (no %PDF header)")
    try:
        try:
            pdf = pdfplumber.open(p)
            n_pages = len(pdf.pages)
        except PdfminerException as wrapped:
            # pdfplumber wraps pdfminer's error; the original says what is wrong.
            inner = wrapped.args[0] if wrapped.args and isinstance(wrapped.args[0], Exception) else wrapped
            raise inner from None
    except PDFPasswordIncorrect:
        raise PDFError(p, "encrypted PDF: a password is needed to read it") from None
    except PDFEncryptionError as e:
        raise PDFError(p, f"encrypted PDF that cannot be decrypted ({e})") from None
    except _BROKEN as e:
        why = "truncated PDF (no end-of-file marker)" if b"%%EOF" not in tail else "corrupt PDF"
        detail = str(e).strip().splitlines()[0][:120] if str(e).strip() else type(e).__name__
        raise PDFError(p, f"{why}: {detail}") from None
    if n_pages == 0:
        pdf.close()
        why = "truncated PDF (no end-of-file marker)" if b"%%EOF" not in tail else "PDF has no pages"
        raise PDFError(p, why)
    return pdf
