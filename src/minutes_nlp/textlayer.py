"""The clean text of a PDF and its map back to pages and boxes.

A ``TextLayer`` is what every later stage reads: ``text`` (the document as a person would
read it), ``lines`` (each physical line or table row with its layout facts and its span in
``text``) and ``pages``. ``box(offset)`` answers where a character of ``text`` stands.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

LineKind = Literal["text", "heading", "list_item", "table_row"]


@dataclass(frozen=True, slots=True)
class Box:
    page: int  # 1-based
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(slots=True)
class PageInfo:
    number: int  # 1-based
    width: float
    height: float
    image_only: bool = False  # no text layer but images: needs OCR
    chars: int = 0
    removed: list[str] = field(default_factory=list)  # running headers/footers/page numbers dropped


@dataclass(slots=True)
class Line:
    """One line of the clean text (a physical line, a list item's line or a table row)."""

    text: str
    page: int
    start: int  # offsets into TextLayer.text; text == layer.text[start:end]
    end: int
    x0: float
    top: float
    x1: float
    bottom: float
    font_size: float
    bold: bool
    indent: float  # x0 minus the page body's left edge, in points
    kind: LineKind = "text"
    list_level: int = 0  # 0: not a list item; 1 outermost
    list_marker: str | None = None  # the marker as printed ("\uf0b7", "•", "1)", "a)")
    block: int = 0  # index of the paragraph/block the line belongs to
    # x0/x1 of each character of ``text`` (inserted spaces get the gap between neighbours)
    char_x0: array = field(default_factory=lambda: array("f"), repr=False)
    char_x1: array = field(default_factory=lambda: array("f"), repr=False)


@dataclass(slots=True)
class Block:
    """A paragraph, heading, list item or table row: consecutive lines read as one unit."""

    kind: LineKind
    start: int
    end: int
    first_line: int
    last_line: int  # inclusive
    page_start: int
    page_end: int


@dataclass
class TextLayer:
    path: str
    text: str
    lines: list[Line]
    blocks: list[Block]
    pages: list[PageInfo]
    producer: str | None = None
    warnings: list[str] = field(default_factory=list)
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._line_starts = [ln.start for ln in self.lines]

    def line_at(self, offset: int) -> Line | None:
        """The line holding ``offset`` (a separator belongs to the line before it)."""
        i = bisect_right(self._line_starts, offset) - 1
        return self.lines[i] if i >= 0 else (self.lines[0] if self.lines else None)

    def page_at(self, offset: int) -> int:
        line = self.line_at(offset)
        return line.page if line else 1

    def box(self, offset: int) -> Box | None:
        """Page and bounding box of the character at ``offset`` of ``text``."""
        line = self.line_at(offset)
        if line is None:
            return None
        i = min(max(offset - line.start, 0), len(line.char_x0) - 1)
        if i < 0:
            return Box(line.page, line.x0, line.top, line.x1, line.bottom)
        return Box(line.page, line.char_x0[i], line.top, line.char_x1[i], line.bottom)

    def pages_of(self, start: int, end: int) -> tuple[int, int]:
        """First and last page of the span ``text[start:end]``."""
        return self.page_at(start), self.page_at(max(start, end - 1))

    @classmethod
    def from_text(cls, text: str, path: str = "<text>") -> TextLayer:
        """A layer for plain text (no PDF): one page, a line and a block per text line, no boxes."""
        lines: list[Line] = []
        blocks: list[Block] = []
        offset = 0
        for n, raw in enumerate(text.split("\n")):
            end = offset + len(raw)
            if raw.strip():
                lines.append(
                    Line(
                        text=raw,
                        page=1,
                        start=offset,
                        end=end,
                        x0=0.0,
                        top=float(n),
                        x1=float(len(raw)),
                        bottom=float(n + 1),
                        font_size=0.0,
                        bold=False,
                        indent=0.0,
                        block=len(blocks),
                    )
                )
                blocks.append(Block("text", offset, end, len(lines) - 1, len(lines) - 1, 1, 1))
            offset = end + 1
        return cls(
            path=path, text=text, lines=lines, blocks=blocks, pages=[PageInfo(1, 0.0, 0.0, chars=len(text))]
        )

    @property
    def image_only_pages(self) -> list[int]:
        return [p.number for p in self.pages if p.image_only]
