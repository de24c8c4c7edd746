"""A third PDF producer for the corpus: the source as HTML, printed by headless Chromium (Skia/PDF).

Chromium's PDFs are laid out by a browser engine — justified text, CSS list markers, tables with
their own borders, running header and page numbers in the page margin boxes — so they test the text
layer on a producer and layout that the reportlab/fpdf2 renderer never makes.

    python corpus/render_html.py --out /tmp/chromium-pdf [ids…]
"""

from __future__ import annotations

import argparse
import html
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import render  # noqa: E402

BULLETS = {"symbol": "•", "bullet": "•", "square": "▪", "dash": "–", "hyphen": "-", "o": "o"}


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if path := shutil.which(name):
            return path
    return None


def to_html(doc: render.Doc) -> str:
    meta = doc.meta
    bullet = BULLETS.get(meta.get("bullet", "bullet"), "•")
    footer = meta.get("footer", "{n}")
    counter = footer.replace("{n}", '" counter(page) "').replace("{N}", '" counter(pages) "')
    css = f"""
    @page {{ size: A4; margin: 28mm 22mm 24mm 26mm;
      @top-left {{ content: "{html.escape(meta.get("header", ""))}"; font: 9pt sans-serif; color: #444; }}
      @bottom-right {{ content: "{counter}"; font: 9pt sans-serif; }} }}
    body {{ font: 10.5pt/1.35 "Liberation Serif", "DejaVu Serif", serif; text-align: justify; hyphens: none; }}
    h1 {{ font-size: 16pt; text-align: left; }} h2 {{ font-size: 11.5pt; margin: 1.1em 0 0.3em; }}
    ul {{ list-style-type: "{bullet}  "; padding-left: 1.6em; margin: 0.2em 0; }}
    li {{ margin: 0.1em 0; }}
    p.num {{ margin: 0.2em 0 0.2em 1.2em; }}
    table {{ border-collapse: collapse; margin: 0.6em 0; }}
    td, th {{ border: 0.6pt solid #000; padding: 2pt 5pt; text-align: left; vertical-align: top; }}
    """
    body: list[str] = []
    open_levels = 0
    for b in doc.blocks:
        if b.kind != "bullet":
            body.append("</ul>" * open_levels)
            open_levels = 0
        text = html.escape(b.text)
        if b.kind == "title":
            body.append(f"<h1>{text}</h1>")
        elif b.kind == "heading":
            body.append(f"<h2>{text}</h2>")
        elif b.kind == "bullet":
            while open_levels < b.level:
                body.append("<ul>")
                open_levels += 1
            while open_levels > b.level:
                body.append("</ul>")
                open_levels -= 1
            body.append(f"<li>{text}</li>")
        elif b.kind == "numbered":
            indent = 1.2 * b.level
            body.append(f'<p class="num" style="margin-left:{indent}em">{html.escape(b.label)} {text}</p>')
        elif b.kind == "table":
            head, *rows = b.rows
            body.append("<table><tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in head) + "</tr>")
            body += ["<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in rows]
            body.append("</table>")
        else:
            body.append(f"<p>{text}</p>")
    body.append("</ul>" * open_levels)
    return f'<!doctype html><html lang="sv"><meta charset="utf-8"><style>{css}</style><body>{"".join(body)}</body></html>'


def render_pdf(src: Path, out_dir: Path) -> Path:
    exe = chromium()
    if exe is None:
        raise RuntimeError("chromium is not installed (apt-get install chromium)")
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{src.stem}.pdf"
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "doc.html"
        page.write_text(to_html(render.parse(src)), encoding="utf-8")
        subprocess.run(
            [
                exe,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={tmp}/profile",
                "--no-pdf-header-footer",
                f"--print-to-pdf={target}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--src", type=Path, default=render.SRC, help="folder of sources (default corpus/src)")
    parser.add_argument("ids", nargs="*")
    args = parser.parse_args(argv)
    sources = sorted(args.src.glob("*.md"))
    if args.ids:
        sources = [s for s in sources if s.stem in args.ids]
    for src in sources:
        print(render_pdf(src, Path(args.out)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
