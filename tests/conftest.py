from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MINUTES_NLP_SHARED", ROOT.parent / "shared"))
REAL = SHARED / "real"


def real_pdfs() -> list[Path]:
    return sorted(REAL.rglob("*.pdf")) if REAL.is_dir() else []


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(
            f"../shared is not here ({SHARED}): the real documents are only on the project's machines"
        )
    return SHARED


def render_source(folder: Path, name: str, source: str) -> Path:
    """Render minutes written in the corpus markup with corpus/render.py; skip when it cannot run here."""
    path = ROOT / "corpus" / "render.py"
    if not path.is_file():
        pytest.skip(f"the corpus renderer {path} is not here")
    spec = importlib.util.spec_from_file_location("corpus_render", path)
    render = sys.modules.get(spec.name)
    if render is None:
        render = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = render  # its dataclasses look their module up there
        spec.loader.exec_module(render)
    src = folder / f"{name}.md"
    src.write_text(source, encoding="utf-8")
    try:
        return render.render(src, folder / "pdf")
    except (OSError, ValueError) as exc:  # fonts missing on this machine
        pytest.skip(f"cannot render the test PDF: {exc}")
