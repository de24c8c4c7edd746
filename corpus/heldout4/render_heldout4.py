"""Render the fourth held-out set (corpus/heldout4/src/*.md) to corpus/heldout4/pdf/.

    python corpus/heldout4/render_heldout4.py [ids...]

No render_heldout3.py exists (heldout3 was rendered with `python corpus/render.py --src corpus/heldout3/src`),
so this is the same call with heldout4's folders: the layout engine, producers and fonts are those of
corpus/render.py, and output is deterministic.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import render  # noqa: E402  (corpus/render.py)

SRC = HERE / "src"
OUT = HERE / "pdf"


def expected_text(src_path: str | Path) -> str:
    return render.expected_text(src_path)


def main(argv: list[str] | None = None) -> int:
    ids = list(sys.argv[1:] if argv is None else argv)
    return render.main([*ids, "--src", str(SRC), "--out", str(OUT)])


if __name__ == "__main__":
    sys.exit(main())
