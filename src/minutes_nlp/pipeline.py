"""The pipeline: PDF → text layer → the stages of ``models/pipeline/config.cfg`` → a Document."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .nlp import doc_from_layer, load_pipeline
from .records import Document
from .text import build as read_text
from .textlayer import TextLayer


def extract(path: str | Path, progress: Callable[[int, int], None] | None = None) -> Document:
    """Read one minutes PDF into a :class:`Document`. Raises :class:`MinutesError` for unreadable files."""
    layer = read_text(path, progress=progress)
    return records_of(layer)


def records_of(layer: TextLayer) -> Document:
    """Run the stages (meeting, sections, attendance, entities …) over a text layer."""
    nlp = load_pipeline()
    return nlp(doc_from_layer(nlp, layer))._.record


def extract_many(paths: Iterable[str | Path]) -> Iterator[Document]:
    """Several PDFs through one pipeline (``nlp.pipe``); unreadable files raise as in :func:`extract`."""
    nlp = load_pipeline()
    docs = (doc_from_layer(nlp, read_text(p)) for p in paths)
    for doc in nlp.pipe(docs):
        yield doc._.record
