"""From a page's characters to physical lines with their layout facts.

pdfplumber's word grouping uses an absolute ``x_tolerance`` (3 pt), which glues words
together in PDFs whose word gaps are narrow ("UlrikaDomellöfMattsson" in Google Docs
exports). Here a gap is a word break when it is wide relative to the font size, and a
space character in the content stream is always a break.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from operator import itemgetter
from typing import Any

from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage, LTLine, LTRect

from .resources import load_json

# A gap wider than this share of the font size separates words. Kerning inside a word stays
# well below 0.05 em; the narrowest word spaces seen in real PDFs are about 0.2 em.
WORD_GAP_EM = 0.12
# Two characters are on one line when their baselines differ by less than this share of the size.
BASELINE_EM = 0.4
# A cell's lines are joined with a space; cells of a row with " | ".
CELL_SEPARATOR = " | "

_CID = re.compile(r"^\(cid:\d+\)$")
UNMAPPED_MARK = "\ue000"
_BOLD = re.compile(r"bold|black|heavy|semibold|demi|,b$|-b$", re.IGNORECASE)


@cache
def _ligatures() -> dict[str, str]:
    return dict(load_json("lang", "sv", "text.json")["ligatures"])


def is_private_use(ch: str) -> bool:
    return len(ch) == 1 and (0xE000 <= ord(ch) <= 0xF8FF or ord(ch) >= 0xF0000)


@dataclass(slots=True)
class RawLine:
    """A physical line: its characters in reading order with their horizontal extents."""

    page: int
    chars: list[str]
    x0s: array  # of float: left edge of each character of ``chars``
    x1s: array
    top: float
    bottom: float
    font_size: float
    bold: bool
    kind: str = "text"  # "text" or "table_row"
    cell_starts: list[int] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.chars)

    @property
    def x0(self) -> float:
        return self.x0s[0] if self.x0s else 0.0

    @property
    def x1(self) -> float:
        return self.x1s[-1] if self.x1s else 0.0


@cache
def clean_glyph_text(text: str) -> str:
    """Normalise one PDF glyph's text: ligatures expanded, odd spaces made plain, junk dropped.

    Cached: a document has a few hundred distinct glyph texts and hundreds of thousands of glyphs.
    """
    if not text or _CID.match(text):
        return ""
    lig = _ligatures()
    out = []
    for ch in text:
        if ch in lig:
            out.append(lig[ch])
        elif ch in "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006\t":
            out.append(" ")
        elif ch in "\u00ad\u200b\u200c\u200d\ufeff\ufffd" or unicodedata.category(ch) == "Cc":
            continue
        else:
            out.append(ch)
    return "".join(out)


@cache
def _is_bold(fontname: str) -> bool:
    # Subset prefixes ("ABCDEF+") carry no style; the rest of the name does.
    return bool(_BOLD.search(fontname.split("+", 1)[-1]))


def _group_rows(chars: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Cluster characters into rows by baseline; each row sorted left to right."""
    rows: list[list[dict[str, Any]]] = []
    keys: list[float] = []
    for c in sorted(chars, key=itemgetter("bottom", "x0")):
        tol = BASELINE_EM * max(c["size"], 1.0)
        if rows and abs(c["bottom"] - keys[-1]) <= tol:
            rows[-1].append(c)
        else:
            rows.append([c])
            keys.append(c["bottom"])
    by_x0 = itemgetter("x0")
    for row in rows:
        row.sort(key=by_x0)
    return rows


def _row_to_line(row: list[dict[str, Any]], page: int) -> RawLine | None:
    chars: list[str] = []
    x0s: list[float] = []
    x1s: list[float] = []
    sizes: Counter[float] = Counter()
    bold_chars = 0
    visible = 0
    prev: dict[str, Any] | None = None
    pending_space = False
    for c in row:
        text = clean_glyph_text(c["text"])
        if not text and prev is None and _CID.match(c["text"] or ""):
            # An unmapped glyph opening a line is, in minutes, a bullet drawn from a symbol font:
            # it stands in as a private-use character, which the list logic reads as a marker.
            text = UNMAPPED_MARK
        if not text:
            # An unmapped glyph (often a ligature) still occupies its place in the word:
            # measuring the next gap from its right edge keeps the word in one piece.
            if prev is not None and not c["text"].isspace():
                prev = c
            continue
        if text.isspace():
            pending_space = bool(chars)
            continue
        if prev is not None:
            # Some producers print a glyph twice at the same spot to fake bold.
            if c["text"] == prev["text"] and abs(c["x0"] - prev["x0"]) < 0.1 * c["size"]:
                continue
            gap = c["x0"] - prev["x1"]
            if pending_space or gap > WORD_GAP_EM * min(c["size"], prev["size"]):
                chars.append(" ")
                x0s.append(prev["x1"])
                x1s.append(max(c["x0"], prev["x1"]))
        pending_space = False
        width = (c["x1"] - c["x0"]) / len(text)
        for k, ch in enumerate(text):
            chars.append(ch)
            x0s.append(c["x0"] + k * width)
            x1s.append(c["x0"] + (k + 1) * width)
        sizes[round(c["size"] * 2) / 2] += 1
        bold_chars += _is_bold(c.get("fontname", ""))
        visible += 1
        prev = c
    if not visible:
        return None
    return RawLine(
        page=page,
        chars=chars,
        x0s=array("f", x0s),
        x1s=array("f", x1s),
        top=min(c["top"] for c in row),
        bottom=max(c["bottom"] for c in row),
        font_size=sizes.most_common(1)[0][0],
        bold=bold_chars * 2 > visible,
    )


def _inside(c: dict[str, Any], bbox: tuple[float, float, float, float]) -> bool:
    x = (c["x0"] + c["x1"]) / 2
    y = (c["top"] + c["bottom"]) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def _table_rows(page: Any, chars: list[dict[str, Any]], page_no: int) -> tuple[list[RawLine], list[tuple]]:
    """Ruled tables become one line per row, cells joined by `` | ``."""
    out: list[RawLine] = []
    bboxes = []
    for table in page.find_tables():
        # One row is enough: a page break can leave a table's header row alone at the foot of a page.
        if not table.rows or max(len(r.cells) for r in table.rows) < 2:
            continue
        bboxes.append(table.bbox)
        for row in table.rows:
            cells = [cell for cell in row.cells if cell is not None]
            parts: list[RawLine | float] = []
            for cell in cells:
                cell_chars = [c for c in chars if _inside(c, cell)]
                lines = [ln for r in _group_rows(cell_chars) if (ln := _row_to_line(r, page_no))]
                # an empty cell between filled ones keeps its place: in "Per Lund | ledamot |  | x" the x
                # stands under the fourth column ("Frånvarande"), not the third
                parts.append(_join_cell(lines) if lines else float(cell[0]))
            while parts and isinstance(parts[-1], float):
                parts.pop()
            while parts and isinstance(parts[0], float):
                parts.pop(0)
            if not parts:
                continue
            row_line = _join_cells(parts, row.bbox, page_no)
            out.append(row_line)
    return out, bboxes


def _join_cell(lines: list[RawLine]) -> RawLine:
    first = lines[0]
    for ln in lines[1:]:
        first.chars.append(" ")
        first.x0s.append(first.x1)
        first.x1s.append(first.x1)
        first.chars += ln.chars
        first.x0s += ln.x0s
        first.x1s += ln.x1s
        first.bottom = max(first.bottom, ln.bottom)
    return first


def _join_cells(parts: list[RawLine | float], bbox: tuple, page_no: int) -> RawLine:
    """The cells of a row as one line; an empty cell (given by its left edge) is an empty string."""
    filled = [p for p in parts if isinstance(p, RawLine)]
    line = RawLine(
        page=page_no,
        chars=[],
        x0s=[],
        x1s=[],
        top=bbox[1],
        bottom=bbox[3],
        font_size=Counter(p.font_size for p in filled).most_common(1)[0][0],
        bold=all(p.bold for p in filled),
        kind="table_row",
    )
    for i, p in enumerate(parts):
        if isinstance(p, float):
            p = RawLine(page_no, [], array("d"), array("d"), bbox[1], bbox[3], line.font_size, line.bold)
        if i:
            gap_x0 = line.x1s[-1]
            gap_x1 = p.x0s[0] if p.x0s else gap_x0
            for ch in CELL_SEPARATOR:
                line.chars.append(ch)
                line.x0s.append(gap_x0)
                line.x1s.append(gap_x1)
        line.cell_starts.append(len(line.chars))
        line.chars += p.chars
        line.x0s += p.x0s
        line.x1s += p.x1s
    return line


@dataclass(slots=True)
class PageObjects:
    """What the text layer needs of a page's layout: upright characters and the counts of the rest."""

    chars: list[dict[str, Any]]
    rules: int  # ruling lines and rectangles: a page without them has no ruled table
    images: int


def page_objects(page: Any) -> PageObjects:
    """Characters straight from pdfminer's layout, in pdfplumber's coordinates.

    pdfplumber's ``page.chars`` turns every glyph into a dict of some twenty resolved attributes;
    reading the eight the text layer uses from the layout objects is several times cheaper, and
    the coordinates are computed as pdfplumber does (top-left origin, MediaBox offset).
    """
    height = float(page.height)
    mb_x0, mb_top = float(page.mediabox[0]), float(page.mediabox[1])
    chars: list[dict[str, Any]] = []
    rules = images = 0
    stack = list(page.layout)
    while stack:
        obj = stack.pop()
        if isinstance(obj, LTChar):
            if not obj.upright:
                continue
            fontname = obj.fontname
            if isinstance(fontname, bytes):
                fontname = fontname.decode("latin-1")
            chars.append(
                {
                    "text": obj.get_text(),
                    "x0": obj.x0 + mb_x0,
                    "x1": obj.x1 + mb_x0,
                    "top": height - obj.y1 + mb_top,
                    "bottom": height - obj.y0 + mb_top,
                    "size": obj.size,
                    "fontname": fontname,
                }
            )
        elif isinstance(obj, (LTLine, LTRect, LTCurve)):
            rules += 1
        elif isinstance(obj, LTImage):
            images += 1
        elif isinstance(obj, LTContainer):
            stack.extend(obj)
    return PageObjects(chars, rules, images)


def page_lines(page: Any, page_no: int, objects: PageObjects | None = None) -> list[RawLine]:
    """The page's physical lines (and table rows) from top to bottom."""
    objects = objects or page_objects(page)
    chars = objects.chars
    rows, table_boxes = _table_rows(page, chars, page_no) if objects.rules >= 4 else ([], [])
    if table_boxes:
        chars = [c for c in chars if not any(_inside(c, b) for b in table_boxes)]
    lines = [ln for r in _group_rows(chars) if (ln := _row_to_line(r, page_no))]
    lines += rows
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    return lines
