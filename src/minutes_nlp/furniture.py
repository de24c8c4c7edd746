"""Running headers, footers and page numbers: found by position and repetition, not by wording.

A line is page furniture when it stands in the top or bottom margin band of its page and
either (a) the same line, digits ignored, stands in that band on many pages, or (b) it is a
short line carrying the page's own number ("5", "Sida 2 av 3", "2 (4)", "- 3 -").
"""

from __future__ import annotations

import re
from collections import defaultdict

from .layout import RawLine

MARGIN_BAND = 0.11  # share of the page height, top and bottom
MIN_SHARE = 0.5  # share of pages a running line must appear on (at least two)

_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")


def _signature(text: str) -> str:
    return _SPACE.sub(" ", _DIGITS.sub("#", text)).strip().lower()


def _band(line: RawLine, height: float) -> str | None:
    if line.bottom <= height * MARGIN_BAND:
        return "top"
    if line.top >= height * (1 - MARGIN_BAND):
        return "bottom"
    return None


def _is_page_number(text: str, page_no: int, n_pages: int) -> bool:
    numbers = [int(n) for n in _DIGITS.findall(text)]
    letters = sum(ch.isalpha() for ch in text)
    # Short: a number and perhaps a word or two around it ("Sida 2 av 3"), no sentence.
    if not numbers or letters > 12 or len(text.split()) > 5:
        return False
    return page_no in numbers and all(n in (page_no, n_pages) for n in numbers)


def find_furniture(pages: list[list[RawLine]], heights: list[float]) -> set[tuple[int, int]]:
    """(page index, line index) of every header, footer and page-number line."""
    n = len(pages)
    seen: dict[tuple[str, str], set[int]] = defaultdict(set)
    for p, lines in enumerate(pages):
        for line in lines:
            band = _band(line, heights[p])
            if band and line.kind == "text":
                seen[(band, _signature(line.text))].add(p)
    need = max(2, int(MIN_SHARE * n + 0.999))
    running = {key for key, where in seen.items() if len(where) >= need}
    out: set[tuple[int, int]] = set()
    for p, lines in enumerate(pages):
        for i, line in enumerate(lines):
            band = _band(line, heights[p])
            if not band or line.kind != "text":
                continue
            if (band, _signature(line.text)) in running or _is_page_number(line.text, p + 1, n):
                out.add((p, i))
    return out
