"""Render the evaluation corpus (corpus/src/*.md) to PDF, with the quirks of real minutes files.

    python corpus/render.py [--out corpus/pdf] [--variant NAME] [ids...]

The markup is described in corpus/README.md. One layout engine (wrapping, page breaks, running header, page-number
footer, tables with ruling lines) feeds two real PDF producers, reportlab and fpdf2, so that the text layers differ the
way files from different programs do. `--variant NAME` renders the same sources with another producer, font, size,
margins, bullet glyph and footer, which gives the tests PDFs whose layout they have never seen.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import tempfile
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

CORPUS = Path(__file__).resolve().parent
SRC = CORPUS / "src"
FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu")]

# Word puts list bullets in the Symbol font at the private-use code point U+F0B7; PDFs exported by Word carry that
# code point in their text layer, so the corpus must too.
SYMBOL_BULLET = "\uf0b7"
BULLET_GLYPHS = {
    "symbol": SYMBOL_BULLET,
    "bullet": "\u2022",
    "square": "\u25aa",
    "dash": "\u2013",
    "hyphen": "-",
    "o": "o",
}
FOOTERS = ("{n}", "Sida {n} av {N}", "{n} ({N})", "")
PRODUCERS = ("reportlab", "fpdf2")
# Fixed so that re-rendering gives byte-identical files.
CREATION_DATE = dt.datetime(2025, 3, 1, 12, 0, 0, tzinfo=dt.UTC)

FONT_FILES = {
    "dejavu-sans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    "dejavu-serif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
    "dejavu-sans-condensed": ("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"),
    "vera": ("Vera.ttf", "VeraBd.ttf"),
}

NUMBERED = re.compile(r"^((?:\d+|[a-z])\))\s+(.*)$")


# ----------------------------------------------------------------------------------------------- source documents


@dataclass
class Block:
    kind: str  # title | heading | para | bullet | numbered | table
    text: str = ""
    level: int = 1
    label: str = ""
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Doc:
    id: str
    meta: dict[str, str]
    blocks: list[Block]


def parse_front_matter(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    if not lines or lines[0].strip() != "---":
        raise ValueError("source must start with a '---' front matter block")
    end = lines.index("---", 1)
    meta: dict[str, str] = {}
    for line in lines[1:end]:
        line = re.sub(r"\s+#.*$", "", line)  # trailing comments, as in the README example
        if not line.strip():
            continue
        key, _, value = line.partition(":")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1]
        meta[key.strip()] = value
    return meta, lines[end + 1 :]


def parse(path: Path) -> Doc:
    meta, body = parse_front_matter(path.read_text(encoding="utf-8").splitlines())
    blocks: list[Block] = []
    for raw in body:
        if not raw.strip():
            continue
        stripped = raw.lstrip(" ")
        level = (len(raw) - len(stripped)) // 2 + 1
        if raw.startswith("# "):
            blocks.append(Block("title", raw[2:].strip()))
        elif raw.startswith("## "):
            blocks.append(Block("heading", raw[3:].strip()))
        elif stripped.startswith("|"):
            cells = [c.strip() for c in stripped.strip().strip("|").split("|")]
            if blocks and blocks[-1].kind == "table":
                blocks[-1].rows.append(cells)
            else:
                blocks.append(Block("table", rows=[cells]))
        elif stripped.startswith("- "):
            blocks.append(Block("bullet", stripped[2:].strip(), level))
        elif m := NUMBERED.match(stripped):
            blocks.append(Block("numbered", m.group(2).strip(), level, m.group(1)))
        else:
            blocks.append(Block("para", stripped.strip()))
    return Doc(meta.get("id", path.stem), meta, blocks)


def expected_text(src_path: str | Path) -> str:
    """The text a faithful extractor should produce: one line per block, no header, footer or page numbers."""
    out: list[str] = []
    for b in parse(Path(src_path)).blocks:
        indent = "  " * (b.level - 1)
        if b.kind == "bullet":
            out.append(f"{indent}- {b.text}")
        elif b.kind == "numbered":
            out.append(f"{indent}{b.label} {b.text}")
        elif b.kind == "table":
            out.extend(" | ".join(row) for row in b.rows)
        else:
            out.append(b.text)
    return "\n".join(out) + "\n"


# ----------------------------------------------------------------------------------------------- fonts


def font_path(name: str) -> Path:
    if name.startswith("Vera"):
        import reportlab

        return Path(reportlab.__file__).parent / "fonts" / name
    for d in FONT_DIRS:
        if (d / name).is_file():
            return d / name
    raise FileNotFoundError(f"{name} not found in {FONT_DIRS}; install fonts-dejavu-core")


@cache
def symbol_font() -> Path:
    """A one-glyph font that maps U+F0B7 to a bullet, standing in for Word's Symbol font."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    out = Path(tempfile.gettempdir()) / "minutes_nlp_corpus_symbol.ttf"
    font = TTFont(font_path("DejaVuSans.ttf"), recalcTimestamp=False)
    opts = subset.Options()
    opts.name_IDs = ["*"]
    opts.notdef_outline = True
    opts.drop_tables += ["FFTM"]
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=[0x2022])
    sub.subset(font)
    glyph = font.getBestCmap()[0x2022]
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap = {0xF0B7: glyph}
    for rec in font["name"].names:
        if rec.nameID in (1, 4, 6, 16):
            rec.string = "CorpusSymbol"
    font["head"].created = font["head"].modified = 3_700_000_000
    font.save(out)
    return out


@dataclass(frozen=True)
class Style:
    producer: str
    font: str
    size: float
    margin: float
    bullet: str
    header: str
    footer: str
    page_w: float = 595.28
    page_h: float = 841.89


def register_reportlab_fonts(style: Style) -> tuple[str, str]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    regular, bold = FONT_FILES[style.font]
    names = (f"{style.font}", f"{style.font}-bold")
    for name, file in zip(names, (regular, bold), strict=True):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(font_path(file))))
    for name, file in (
        ("CorpusSymbol", None),
        ("BulletSans", "DejaVuSans.ttf"),
        ("BulletMono", "DejaVuSansMono.ttf"),
    ):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(symbol_font() if file is None else font_path(file))))
    return names


def bullet_font(style: Style) -> str:
    # Word takes the bullet glyph from a font of its own: Symbol for U+F0B7, Courier New for "o".
    return {"symbol": "CorpusSymbol", "o": "BulletMono"}.get(style.bullet, "BulletSans")


# ----------------------------------------------------------------------------------------------- layout


@dataclass
class Op:
    kind: str  # text | line
    x: float
    y: float  # from the top of the page (baseline for text)
    text: str = ""
    font: str = ""
    size: float = 0
    x2: float = 0
    y2: float = 0


def width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, font, size)


def wrap(text: str, font: str, size: float, max_w: float) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if current and width(trial, font, size) > max_w:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines or [""]


def layout(doc: Doc, style: Style) -> list[list[Op]]:
    regular, bold = register_reportlab_fonts(style)
    s = style.size
    lead = s * 1.32
    left, right = style.margin, style.page_w - style.margin
    top, bottom = style.margin + 14, style.page_h - style.margin - 10
    pages: list[list[Op]] = [[]]
    y = top

    def need(height: float) -> None:
        nonlocal y
        if y + height > bottom and pages[-1]:
            pages.append([])
            y = top

    def put_lines(lines: list[str], x: float, font: str, size: float, leading: float) -> None:
        nonlocal y
        for line in lines:
            need(leading)
            y += leading
            pages[-1].append(Op("text", x, y - leading * 0.25, line, font, size))

    for b in doc.blocks:
        if b.kind == "title":
            size = s * 1.55
            put_lines(wrap(b.text, bold, size, right - left), left, bold, size, size * 1.3)
            y += s * 0.9
        elif b.kind == "heading":
            lines = wrap(b.text, bold, s * 1.05, right - left)
            need(lead * (len(lines) + 2))  # keep a heading with the first line after it
            y += s * 0.7
            put_lines(lines, left, bold, s * 1.05, lead)
            y += s * 0.2
        elif b.kind == "para":
            put_lines(wrap(b.text, regular, s, right - left), left, regular, s, lead)
            y += s * 0.55
        elif b.kind in ("bullet", "numbered"):
            indent = left + 18 * (b.level - 1)
            text_x = indent + (18 if b.kind == "bullet" else max(18.0, width(b.label, regular, s) + 6))
            lines = wrap(b.text, regular, s, right - text_x)
            need(lead)
            if b.kind == "bullet":
                glyph = BULLET_GLYPHS[style.bullet]
                pages[-1].append(Op("text", indent + 4, y + lead * 0.75, glyph, bullet_font(style), s))
            else:
                pages[-1].append(Op("text", indent, y + lead * 0.75, b.label, regular, s))
            put_lines(lines, text_x, regular, s, lead)
            y += s * 0.25
        elif b.kind == "table":
            y += s * 0.4
            y = table(b.rows, pages, y, left, right, top, bottom, regular, bold, s)
            y += s * 0.8
    return pages


def table(rows, pages, y, left, right, top, bottom, regular, bold, s) -> float:
    pad = 4.0
    ncols = max(len(r) for r in rows)
    rows = [r + [""] * (ncols - len(r)) for r in rows]
    natural = [
        max(width(r[c], bold if i == 0 else regular, s) for i, r in enumerate(rows)) + 2 * pad
        for c in range(ncols)
    ]
    total = right - left
    floor = [min(n, total / ncols * 0.6) for n in natural]
    extra = total - sum(floor)
    want = [n - f for n, f in zip(natural, floor, strict=True)]
    colw = [
        f + (extra * w / sum(want) if sum(want) else extra / ncols) for f, w in zip(floor, want, strict=True)
    ]
    lead = s * 1.25
    xs = [left]
    for w in colw:
        xs.append(xs[-1] + w)

    def hline(at: float) -> None:
        pages[-1].append(Op("line", left, at, x2=right, y2=at))

    hline(y)
    for i, row in enumerate(rows):
        font = bold if i == 0 else regular
        cells = [wrap(t, font, s, colw[c] - 2 * pad) for c, t in enumerate(row)]
        height = max(len(c) for c in cells) * lead + 2 * pad
        if y + height > bottom:
            pages.append([])
            y = top
            hline(y)
        for c, lines in enumerate(cells):
            for k, line in enumerate(lines):
                pages[-1].append(Op("text", xs[c] + pad, y + pad + (k + 0.8) * lead, line, font, s))
        for x in xs:
            pages[-1].append(Op("line", x, y, x2=x, y2=y + height))
        y += height
        hline(y)
    return y


def page_furniture(pages: list[list[Op]], style: Style) -> None:
    n_pages = len(pages)
    small = style.size * 0.8
    for n, ops in enumerate(pages, start=1):
        if style.header:
            ops.append(Op("text", style.margin, style.margin * 0.6, style.header, style.font, small))
        if style.footer:
            text = style.footer.replace("{n}", str(n)).replace("{N}", str(n_pages))
            w = width(text, style.font, small)
            ops.append(
                Op(
                    "text",
                    style.page_w - style.margin - w,
                    style.page_h - style.margin * 0.5,
                    text,
                    style.font,
                    small,
                )
            )


# ----------------------------------------------------------------------------------------------- producers


def emit_reportlab(pages: list[list[Op]], style: Style, out: Path, title: str) -> None:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(out), pagesize=(style.page_w, style.page_h), invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setCreator("minutes-nlp corpus/render.py")
    for ops in pages:
        c.setLineWidth(0.6)
        for op in ops:
            if op.kind == "line":
                c.line(op.x, style.page_h - op.y, op.x2, style.page_h - op.y2)
            else:
                c.setFont(op.font, op.size)
                c.drawString(op.x, style.page_h - op.y, op.text)
        c.showPage()
    c.save()


def emit_fpdf2(pages: list[list[Op]], style: Style, out: Path, title: str) -> None:
    import fpdf
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format=(style.page_w, style.page_h))
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(CREATION_DATE)
    pdf.set_title(title)
    pdf.set_creator("minutes-nlp corpus/render.py")
    pdf.set_producer(f"fpdf2 {fpdf.__version__}")
    regular, bold = FONT_FILES[style.font]
    pdf.add_font(style.font, "", str(font_path(regular)))
    pdf.add_font(f"{style.font}-bold", "", str(font_path(bold)))
    pdf.add_font("CorpusSymbol", "", str(symbol_font()))
    pdf.add_font("BulletSans", "", str(font_path("DejaVuSans.ttf")))
    pdf.add_font("BulletMono", "", str(font_path("DejaVuSansMono.ttf")))
    for ops in pages:
        pdf.add_page()
        pdf.set_line_width(0.6)
        for op in ops:
            if op.kind == "line":
                pdf.line(op.x, op.y, op.x2, op.y2)
            else:
                pdf.set_font(op.font, size=op.size)
                pdf.text(op.x, op.y, op.text)
    pdf.output(str(out))


# ----------------------------------------------------------------------------------------------- variants

FONTS = tuple(FONT_FILES)
BULLETS = tuple(BULLET_GLYPHS)


def rotate(options: tuple[str, ...], current: str, step: int) -> str:
    return options[(options.index(current) + step) % len(options)] if current in options else options[0]


def variant_style(style: Style, name: str) -> Style:
    """Another layout of the same source; each named variant moves every layout choice away from the original."""
    step = {"alt": 1, "alt2": 2, "alt3": 3}.get(name)
    if step is None:
        raise SystemExit(f"unknown variant {name!r}; choose from alt, alt2, alt3")
    return replace(
        style,
        producer=rotate(PRODUCERS, style.producer, step),
        font=rotate(FONTS, style.font, step),
        bullet=rotate(BULLETS, style.bullet, step),
        footer=rotate(FOOTERS[:3], style.footer, step) if style.footer else FOOTERS[step % 3],
        size=style.size + (-1.0, 1.5, -0.5)[step - 1],
        margin=(46.0, 80.0, 62.0)[step - 1],
        page_w=(595.28, 612.0, 595.28)[step - 1],
        page_h=(841.89, 792.0, 841.89)[step - 1],
    )


def style_of(doc: Doc) -> Style:
    m = doc.meta
    style = Style(
        producer=m.get("producer", "reportlab"),
        font=m.get("font", "dejavu-sans"),
        size=float(m.get("size", 11)),
        margin=float(m.get("margin", 64)),
        bullet=m.get("bullet", "symbol"),
        header=m.get("header", ""),
        footer=m.get("footer", "{n}"),
    )
    if style.producer not in PRODUCERS or style.font not in FONT_FILES or style.bullet not in BULLET_GLYPHS:
        raise ValueError(f"{doc.id}: unsupported producer/font/bullet in {m}")
    return style


def render(src: Path, out_dir: Path, variant: str | None = None, producer: str | None = None) -> Path:
    """Render one source; `producer` overrides the front matter's choice (the rest of the layout stays)."""
    doc = parse(src)
    style = style_of(doc)
    if variant:
        style = variant_style(style, variant)
    if producer:
        style = replace(style, producer=producer)
    pages = layout(doc, style)
    page_furniture(pages, style)
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"{doc.id}.pdf"
    title = next((b.text for b in doc.blocks if b.kind == "title"), doc.id)
    (emit_reportlab if style.producer == "reportlab" else emit_fpdf2)(pages, style, out, title)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("ids", nargs="*", help="document ids (default: all sources)")
    ap.add_argument(
        "--src", type=Path, default=SRC, help="folder of sources (default corpus/src; also a held-out set)"
    )
    ap.add_argument(
        "--out",
        type=Path,
        help="output folder (default: pdf beside the sources, or a temp folder for --variant)",
    )
    ap.add_argument("--variant", help="render another layout of the same sources: alt, alt2 or alt3")
    args = ap.parse_args(argv)
    sources = [args.src / f"{i}.md" for i in args.ids] if args.ids else sorted(args.src.glob("*.md"))
    out = args.out or (
        Path(tempfile.gettempdir()) / "minutes_nlp_corpus" / args.variant
        if args.variant
        else args.src.parent / "pdf"
    )
    for src in sources:
        print(render(src, out, args.variant))
    return 0


if __name__ == "__main__":
    sys.exit(main())
