"""The text-layer bar, measured: similarity to the source on rendered PDFs, word agreement with pdftotext on real ones.

    python benchmarks/textlayer_check.py [--shared ../shared]

1. Every source of corpus/src and of every held-out set (corpus/heldout*/src) is rendered in every layout
   of corpus/render.py (reportlab and fpdf2; variants alt, alt2, alt3) and, when Chromium is installed,
   by headless Chromium (corpus/render_html.py). The clean text is compared with the source text
   (character similarity, whitespace folded) and checked for private-use/replacement characters and
   for page-number or running-header lines.
2. Every PDF with a text layer under ../shared/real is compared word by word with `pdftotext`
   (page-number lines, which we drop by design, are dropped from poppler's text too).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "corpus"))

import render  # noqa: E402
import render_html  # noqa: E402

from minutes_nlp import read_text  # noqa: E402
from minutes_nlp.layout import is_private_use  # noqa: E402
from minutes_nlp.textcheck import char_similarity, pdftotext, word_agreement  # noqa: E402

PAGE_NUMBER = re.compile(r"(Sida )?\d+( av \d+| \(\d+\))?")


def rendered_rows(tmp: Path) -> list[tuple[str, str, float, int, int]]:
    folders = [ROOT / "corpus" / "src", *sorted((ROOT / "corpus").glob("heldout*/src"))]
    sources = [p for d in folders for p in sorted(d.glob("*.md"))]
    rows = []
    layouts: list[str | None] = [None, "alt", "alt2", "alt3"]
    for src in sources:
        for layout in layouts + (["chromium"] if render_html.chromium() else []):
            out = tmp / (layout or "base")
            pdf = (
                render_html.render_pdf(src, out)
                if layout == "chromium"
                else render.render(src, out, variant=layout)
            )
            layer = read_text(pdf)
            odd = sum(is_private_use(ch) or ch == "\ufffd" for ch in layer.text)
            numbers = sum(bool(PAGE_NUMBER.fullmatch(line.strip())) for line in layer.text.splitlines())
            rows.append(
                (
                    src.stem,
                    layout or "base",
                    char_similarity(layer.text, render.expected_text(src)),
                    odd,
                    numbers,
                )
            )
    return rows


def real_rows(shared: Path) -> list[tuple[str, float]]:
    rows = []
    for pdf in sorted((shared / "real").rglob("*.pdf")):
        layer = read_text(pdf)
        reference = pdftotext(pdf)
        if reference is None:
            raise SystemExit("pdftotext (poppler-utils) is not installed")
        for page in layer.pages:
            for line in page.removed:
                reference = reference.replace(line, " ", 1)
        rows.append((str(pdf.relative_to(shared)), word_agreement(layer.text, reference)))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows = rendered_rows(Path(tmp))
    print("| document | layout | char similarity | odd chars | page-number lines |\n|---|---|--:|--:|--:|")
    for doc, layout, sim, odd, numbers in rows:
        print(f"| {doc} | {layout} | {sim:.4f} | {odd} | {numbers} |")
    sims = [r[2] for r in rows]
    print(
        f"\n{len(rows)} rendered PDFs: similarity min {min(sims):.4f}, mean {sum(sims) / len(sims):.4f}; "
        f"{sum(r[3] for r in rows)} private-use/replacement characters; {sum(r[4] for r in rows)} page-number lines"
    )
    shared = Path(args.shared)
    if (shared / "real").is_dir():
        print("\n| real PDF | word agreement with pdftotext |\n|---|--:|")
        for name, agreement in real_rows(shared):
            print(f"| {name} | {agreement:.4f} |")
    else:
        print(f"\n{shared / 'real'} is not here: real PDFs not checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
