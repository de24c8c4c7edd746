"""Render the third held-out set (corpus/heldout3/src/*.md) with corpus/render.py, and with Chromium on request.

    python corpus/heldout3/render_heldout3.py [--chromium] [ids...]

render.py's command line reads only corpus/src, so this calls its render() on these sources (output:
corpus/heldout3/pdf). --chromium also prints each source through headless Chromium with render_html.render_pdf()
into corpus/heldout3/pdf_chromium, a producer and layout that neither reportlab nor fpdf2 gives.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import render  # noqa: E402


def main(argv: list[str]) -> int:
    chromium = "--chromium" in argv
    ids = [a for a in argv if a != "--chromium"]
    sources = [HERE / "src" / f"{i}.md" for i in ids] if ids else sorted((HERE / "src").glob("*.md"))
    for src in sources:
        print(render.render(src, HERE / "pdf"))
        if chromium:
            import render_html

            print(render_html.render_pdf(src, HERE / "pdf_chromium"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
