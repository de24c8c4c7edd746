"""minutes-nlp: Swedish meeting minutes (PDF) to typed, searchable records.

>>> import minutes_nlp
>>> layer = minutes_nlp.read_text("minutes.pdf")      # clean text + map to pages and boxes
>>> doc = minutes_nlp.extract("minutes.pdf")          # typed records (pydantic)
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import MinutesError, PDFError
from .pipeline import extract, extract_many, records_of
from .records import Document, json_schema
from .text import build as read_text
from .textlayer import Block, Box, Line, PageInfo, TextLayer


def load_pipeline():  # noqa: ANN201 - spaCy is imported only when asked for
    """The spaCy pipeline (``spacy.blank("sv")`` with the stages as components), built once per process."""
    from .nlp import load_pipeline as load

    return load()


__all__ = [
    "Block",
    "Box",
    "Document",
    "Line",
    "MinutesError",
    "PDFError",
    "PageInfo",
    "TextLayer",
    "__version__",
    "extract",
    "extract_many",
    "load_pipeline",
    "records_of",
    "json_schema",
    "read_text",
]
