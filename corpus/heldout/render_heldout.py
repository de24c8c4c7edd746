"""Render the held-out sources (corpus/heldout/src/*.md) to corpus/heldout/pdf with corpus/render.py.

    python corpus/heldout/render_heldout.py [ids...]

render.py's command line reads only corpus/src, so this calls its render() on the held-out sources.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import render  # noqa: E402


def main(argv: list[str]) -> int:
    sources = [HERE / "src" / f"{i}.md" for i in argv] if argv else sorted((HERE / "src").glob("*.md"))
    for src in sources:
        print(render.render(src, HERE / "pdf"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
