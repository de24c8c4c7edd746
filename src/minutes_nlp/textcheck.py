"""How close an extracted text is to a reference: the measures the text-layer bar is stated in."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from rapidfuzz.distance import Indel

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    """Whitespace folded, so that line breaks and indentation do not count as differences."""
    return _SPACE.sub(" ", text).strip()


def char_similarity(ours: str, reference: str) -> float:
    """1 − normalised insert/delete distance over characters (whitespace folded)."""
    return Indel.normalized_similarity(normalise(ours), normalise(reference))


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def word_agreement(ours: str, reference: str) -> float:
    """1 − normalised insert/delete distance over the two word sequences."""
    return Indel.normalized_similarity(words(ours), words(reference))


def pdftotext(path: str | Path) -> str | None:
    """poppler's text for ``path``, or None when poppler-utils is not installed."""
    exe = shutil.which("pdftotext")
    if exe is None:
        return None
    done = subprocess.run([exe, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8", errors="replace")
