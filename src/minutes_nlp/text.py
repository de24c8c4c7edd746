"""Assemble the clean text of a PDF: reading order, paragraphs, lists, and the map back to the page.

Every character of ``TextLayer.text`` comes from a glyph on a page or from a separator that
stands between two glyphs, so every later record can cite its page and box.
"""

from __future__ import annotations

import logging
import re
from array import array
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from statistics import median

from .errors import PDFError
from .furniture import find_furniture
from .layout import RawLine, is_private_use, page_lines, page_objects
from .pdf import _BROKEN, open_pdf
from .resources import load_json
from .textlayer import Block, Line, PageInfo, TextLayer

log = logging.getLogger(__name__)

LIST_MARKER = "- "
LIST_INDENT = "  "
_ORDERED = re.compile(r"^(\(?(?:\d{1,2}|[a-zA-Z]|[ivx]{1,4})[\).])\s")
_WORD_END = re.compile(r"(\w+)-$")
_FIRST_WORD = re.compile(r"^(\w[\w.]*)")
_WORD = re.compile(r"\w+(?:-\w+)*")
_LABEL = re.compile(r"^[A-ZÅÄÖ][\w ]{1,24}:\s")


@cache
def _lang() -> tuple[frozenset[str], frozenset[str]]:
    data = load_json("lang", "sv", "text.json")
    return frozenset(data["ellipsis_followers"]), frozenset(data["bullet_glyphs"])


@dataclass(slots=True)
class _Item:
    """A physical line on its way into the text: marker split off, furniture removed."""

    raw: RawLine
    marker: str | None  # printed marker
    ordered: bool
    body_start: int  # index in raw.chars where the text after the marker starts
    level: int = 0

    @property
    def body_x0(self) -> float:
        return self.raw.x0s[self.body_start] if self.body_start < len(self.raw.x0s) else self.raw.x1


def _split_marker(raw: RawLine) -> _Item:
    chars = raw.chars
    _, glyphs = _lang()
    first = chars[0]
    if is_private_use(first) or (first in glyphs and len(chars) > 2 and chars[1] == " "):
        # "o" and dashes are markers only when a gap follows; "o" must then start a word of its own.
        body = 1
        while body < len(chars) and chars[body] == " ":
            body += 1
        if body < len(chars):
            return _Item(raw, first, False, body)
    if raw.kind == "text":
        m = _ORDERED.match(raw.text)
        if m:
            return _Item(raw, m.group(1), True, m.end())
    # Private-use glyphs anywhere else carry no text we can read.
    return _Item(raw, None, False, 0)


def _assign_levels(items: list[_Item]) -> None:
    """List level = rank of the marker's indentation among all list markers of the document."""
    xs = sorted({round(it.raw.x0) for it in items if it.marker})
    clusters: list[float] = []
    for x in xs:
        if not clusters or x - clusters[-1] > 4:
            clusters.append(x)
    for it in items:
        if it.marker:
            x = round(it.raw.x0)
            it.level = 1 + max(i for i, c in enumerate(clusters) if c <= x + 0.01)


def _drop_private_use(raw: RawLine, start: int) -> None:
    """Private-use glyphs after the marker carry no text we can read."""
    if not any(is_private_use(ch) for ch in raw.chars[start:]):
        return
    keep = [i for i, ch in enumerate(raw.chars) if i < start or not is_private_use(ch)]
    raw.chars = [raw.chars[i] for i in keep]
    raw.x0s = array("f", (raw.x0s[i] for i in keep))
    raw.x1s = array("f", (raw.x1s[i] for i in keep))


class _Builder:
    """Accumulates text with per-character boxes, line by line."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.lines: list[Line] = []
        self.blocks: list[Block] = []

    def start_line(self, raw: RawLine, left: float, kind: str, level: int, marker: str | None) -> Line:
        line = Line(
            text="",
            page=raw.page,
            start=self.length,
            end=self.length,
            x0=raw.x0,
            top=raw.top,
            x1=raw.x1,
            bottom=raw.bottom,
            font_size=raw.font_size,
            bold=raw.bold,
            indent=round(raw.x0 - left, 1),
            kind=kind,
            list_level=level,
            list_marker=marker,
            block=len(self.blocks),
            char_x0=array("f"),
            char_x1=array("f"),
        )
        self.lines.append(line)
        return line

    def add(self, line: Line, text: str, x0: float, x1: float) -> None:
        self.parts.append(text)
        self.length += len(text)
        line.char_x0.extend([x0] * len(text))
        line.char_x1.extend([x1] * len(text))

    def add_chars(self, line: Line, chars: list[str], x0s: list[float], x1s: list[float]) -> None:
        self.parts.append("".join(chars))
        self.length += len(chars)
        line.char_x0.extend(x0s)
        line.char_x1.extend(x1s)

    def drop_last(self, line: Line) -> None:
        """Remove the last character written (a line-end hyphen that split a word)."""
        self.parts[-1] = self.parts[-1][:-1]
        self.length -= 1
        line.char_x0.pop()
        line.char_x1.pop()

    def text(self) -> str:
        return "".join(self.parts)


class _Layout:
    """Document-wide layout facts: body edges and line pitch."""

    def __init__(self, items: list[_Item], widths: list[float]) -> None:
        texts = [it.raw for it in items if it.raw.kind == "text"] or [it.raw for it in items]
        lefts = Counter(round(it.raw.x0) for it in items if it.raw.kind == "text" and not it.marker)
        self.left = float(lefts.most_common(1)[0][0]) if lefts else 0.0
        rights = sorted(r.x1 for r in texts)
        right = rights[int(0.95 * (len(rights) - 1))] if rights else 0.0
        flush = sum(1 for r in rights if r >= right - 0.02 * (right - self.left))
        if flush < max(3, 0.15 * len(rights)) and widths:
            # Few lines reach a common right edge (lists, short notes): assume margins as wide as the left.
            right = max(right, median(widths) - self.left)
        self.right = right
        ratios = [
            (b.top - a.top) / a.font_size
            for a, b in zip(texts, texts[1:], strict=False)
            if a.page == b.page
            and abs(a.font_size - b.font_size) < 0.6
            and 0 < b.top - a.top < 3 * a.font_size
        ]
        # Line pitch in ems: a larger step down means a new paragraph.
        self.pitch_ratio = median(ratios) if ratios else 1.2

    def full(self, raw: RawLine, following: RawLine) -> bool:
        """Was ``raw`` broken because ``following``'s first word did not fit after it?

        A line that ends early although the next word would have fitted ends its paragraph.
        """
        k = following.chars.index(" ") if " " in following.chars else len(following.chars)
        word = following.x1s[k - 1] - following.x0s[0] if k else 0.0
        space = 0.35 * raw.font_size
        return raw.x1 + space + word > self.right - 0.5 * raw.font_size


def _continues(prev: _Item, cur: _Item, layout: _Layout, hang: tuple[float, float] | None) -> bool:
    """Does ``cur`` continue the paragraph (or list item) that ``prev`` ends?

    ``hang`` is (marker x0, text x0) of the list item ``prev`` belongs to, if any.
    """
    a, b = prev.raw, cur.raw
    if cur.marker or a.kind == "table_row" or b.kind == "table_row":
        return False
    if _LABEL.match("".join(b.chars[:40])):
        # "Frånvarande: …", "Beslut: …": a label opens a line of its own.
        return False
    if a.bold != b.bold or abs(a.font_size - b.font_size) > 0.6:
        return False
    if not layout.full(a, b) and a.chars[-1] != "-":
        return False
    if a.page == b.page and b.top - a.top > (layout.pitch_ratio + 0.35) * a.font_size:
        return False
    if a.page != b.page and a.chars[-1] in ".!?:":
        # Across a page break only an unfinished sentence is sure to go on.
        return False
    if hang is not None:
        # A list item's wrapped lines hang under its text, right of the marker.
        # Some producers wrap flush with the marker instead; fullness of the line above decides then.
        return b.x0 >= hang[0] - 1 and b.x0 <= hang[1] + 0.6 * b.font_size
    # A paragraph's next line starts where it did (or further left, after a first-line indent).
    return b.x0 <= a.x0 + 0.6 * b.font_size


def _join(b: _Builder, line: Line, prev_raw: RawLine, cur: RawLine, vocab: set[str]) -> None:
    """Write the separator between two lines of one paragraph, mending split words."""
    followers, _ = _lang()
    prev_text = "".join(prev_raw.chars)
    m = _WORD_END.search(prev_text)
    nxt = _FIRST_WORD.match("".join(cur.chars))
    if m and nxt:
        head, tail = m.group(1), nxt.group(1)
        if tail.lower() in followers or tail[0].isupper() or head.isupper() or head[-1].isdigit():
            # "Hälso- och", "ESF-\nrådet", "Jämtland-\nHärjedalen": the hyphen is real.
            if tail.lower() in followers:
                b.add(line, " ", prev_raw.x1, prev_raw.x1)
            return
        if f"{head}-{tail}".lower() in vocab and f"{head}{tail}".lower() not in vocab:
            return
        b.drop_last(line)
        return
    b.add(line, " ", prev_raw.x1, prev_raw.x1)


def build(path: str | Path, progress: Callable[[int, int], None] | None = None) -> TextLayer:
    """Read ``path`` into a :class:`TextLayer`."""
    pdf = open_pdf(path)
    warnings: list[str] = []
    pages: list[PageInfo] = []
    per_page: list[list[RawLine]] = []
    try:
        producer = pdf.metadata.get("Producer") if isinstance(pdf.metadata, dict) else None
        n = len(pdf.pages)
        for i, page in enumerate(pdf.pages):
            info = PageInfo(number=i + 1, width=float(page.width), height=float(page.height))
            try:
                objects = page_objects(page)
                lines = page_lines(page, i + 1, objects)
                info.chars = sum(len(ln.chars) for ln in lines)
                if not lines and objects.images:
                    info.image_only = True
                    warnings.append(f"page {i + 1}: no text layer (image only); OCR is not supported yet")
            except _BROKEN as e:
                lines = []
                warnings.append(f"page {i + 1}: unreadable ({type(e).__name__}: {str(e)[:80]})")
            finally:
                page.close()
            pages.append(info)
            per_page.append(lines)
            if progress:
                progress(i + 1, n)
    except _BROKEN as e:
        raise PDFError(path, f"corrupt PDF: {str(e)[:120] or type(e).__name__}") from None
    finally:
        pdf.close()
    if pages and all(not p for p in per_page) and any(p.image_only for p in pages):
        warnings.insert(0, "no text layer on any page: the document is scanned; OCR is not supported yet")
    if pages and not any(per_page) and not any(p.image_only for p in pages):
        warnings.insert(0, "no text found on any page")
    return assemble(str(path), per_page, pages, producer, warnings)


def assemble(
    path: str, per_page: list[list[RawLine]], pages: list[PageInfo], producer: str | None, warnings: list[str]
) -> TextLayer:
    furniture = find_furniture(per_page, [p.height for p in pages])
    items: list[_Item] = []
    for p, lines in enumerate(per_page):
        for i, raw in enumerate(lines):
            if (p, i) in furniture:
                pages[p].removed.append(raw.text)
                continue
            item = _split_marker(raw)
            _drop_private_use(raw, item.body_start)
            if raw.chars[item.body_start :]:
                items.append(item)
    _assign_levels(items)
    layout = _Layout(items, [p.width for p in pages])
    vocab = {w.lower() for it in items for w in _WORD.findall(it.raw.text)}

    b = _Builder()
    prev: _Item | None = None
    line: Line | None = None
    hang: tuple[float, float] | None = None
    for it in items:
        raw = it.raw
        if prev is not None and line is not None and _continues(prev, it, layout, hang):
            _join(b, line, prev.raw, raw, vocab)
            line.end = min(line.end, b.length)
            line = b.start_line(raw, layout.left, line.kind, line.list_level, None)
            b.add_chars(line, raw.chars, raw.x0s, raw.x1s)
            it.level = prev.level
        else:
            hang = (raw.x0, it.body_x0) if it.marker else None
            if line is not None:
                _close_block(b, line)
                b.add(line, "\n", line.x1, line.x1)
                line.end = b.length - 1
            kind = "table_row" if raw.kind == "table_row" else ("list_item" if it.marker else "text")
            line = b.start_line(raw, layout.left, kind, it.level, it.marker)
            if it.marker:
                mx0, mx1 = raw.x0s[0], raw.x1s[0]
                b.add(line, LIST_INDENT * (it.level - 1), mx0, mx0)
                if it.ordered:
                    # The label is content ("3)", "b."), kept as printed, glyph by glyph.
                    n = len(it.marker)
                    b.add_chars(line, raw.chars[:n], raw.x0s[:n], raw.x1s[:n])
                    b.add(line, " ", raw.x1s[n - 1], it.body_x0)
                else:
                    b.add(line, LIST_MARKER, mx0, mx1)
                body = slice(it.body_start, None)
                b.add_chars(line, raw.chars[body], raw.x0s[body], raw.x1s[body])
            else:
                b.add_chars(line, raw.chars, raw.x0s, raw.x1s)
            b.blocks.append(
                Block(
                    kind=kind,
                    start=line.start,
                    end=line.start,
                    first_line=len(b.lines) - 1,
                    last_line=len(b.lines) - 1,
                    page_start=raw.page,
                    page_end=raw.page,
                )
            )
        line.end = b.length
        prev = it
    if line is not None:
        _close_block(b, line)
    text = b.text()
    for ln in b.lines:
        ln.text = text[ln.start : ln.end]
    _mark_headings(b.lines, b.blocks, layout)
    return TextLayer(
        path=path,
        text=text,
        lines=b.lines,
        blocks=b.blocks,
        pages=pages,
        producer=producer,
        warnings=warnings,
    )


def _close_block(b: _Builder, line: Line) -> None:
    block = b.blocks[-1]
    block.end = b.length
    block.last_line = len(b.lines) - 1
    block.page_end = line.page


def _mark_headings(lines: list[Line], blocks: list[Block], layout: _Layout) -> None:
    """A short one-line block set apart by bold or a larger size is a heading."""
    sizes = Counter()
    for ln in lines:
        sizes[ln.font_size] += ln.end - ln.start
    body_size = sizes.most_common(1)[0][0] if sizes else 0.0
    for block in blocks:
        # a heading may wrap onto a second line ('3.5 Länsstyrelsen …, Elsa Hemmingsson som ersättare för' /
        # 'Bertil Sandahl'); a longer run of bold lines is emphasised text
        if block.kind != "text" or block.last_line - block.first_line > 1:
            continue
        own = lines[block.first_line : block.last_line + 1]
        set_apart = all(ln.bold or ln.font_size > body_size + 0.9 for ln in own)
        if set_apart and sum(len(ln.text) + 1 for ln in own) < 120 + 20 * (len(own) - 1):
            block.kind = "heading"
            for ln in own:
                ln.kind = "heading"
