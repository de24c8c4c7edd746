"""The spaCy side: a blank Swedish pipeline whose components are the project's stages.

``load_pipeline()`` builds ``spacy.blank("sv")`` from the config shipped in ``models/pipeline``,
once per process. Each component runs one stage on the document's text layer and record
(``doc._.layer``, ``doc._.record``); at the end the mentions become ``doc.spans["minutes"]``
and ``doc.ents``, each span carrying its normalised value in ``span._.value``. So a spaCy user
can stay in spaCy:

>>> nlp = load_pipeline()
>>> doc = nlp("Regionstämma 18 mars i Östersund. Kontakt: anna.berg@example.se")
>>> [(e.label_, e.text) for e in doc.ents]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, load_config

from .records import Document
from .resources import data_path
from .stages import STAGES, start_document
from .textlayer import TextLayer

SPAN_KEY = "minutes"

if not Doc.has_extension("layer"):
    Doc.set_extension("layer", default=None)
if not Doc.has_extension("record"):
    Doc.set_extension("record", default=None)
if not Span.has_extension("value"):
    Span.set_extension("value", default=None)


class StageComponent:
    """Runs one stage of the pipeline on ``doc._.record``."""

    def __init__(self, name: str, stage: str) -> None:
        if stage not in STAGES:
            raise ValueError(f"unknown minutes-nlp stage {stage!r}; known: {', '.join(STAGES)}")
        self.name = name
        self.stage: Callable[[TextLayer, Document], Document] = STAGES[stage]

    def __call__(self, doc: Doc) -> Doc:
        layer = _layer_of(doc)
        record = doc._.record if doc._.record is not None else start_document(layer)
        doc._.record = self.stage(layer, record)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory("minutes_stage", default_config={"stage": "meeting"})
def make_stage(nlp: Language, name: str, stage: str) -> StageComponent:
    return StageComponent(name, stage)


@Language.component("minutes_spans")
def mentions_to_spans(doc: Doc) -> Doc:
    """The record's mentions as spans; the longest non-overlapping ones also as ``doc.ents``."""
    record: Document | None = doc._.record
    spans = []
    for m in record.mentions if record else []:
        span = doc.char_span(m.start, m.end, label=m.label, alignment_mode="expand")
        if span is not None:
            span._.value = m.text if m.value is None else m.value
            spans.append(span)
    doc.spans[SPAN_KEY] = spans
    doc.ents = filter_spans(spans)
    return doc


def _layer_of(doc: Doc) -> TextLayer:
    if doc._.layer is None:
        doc._.layer = TextLayer.from_text(doc.text)
    return doc._.layer


@cache
def load_pipeline() -> Language:
    """The pipeline as configured in ``models/pipeline/config.cfg`` (built once per process)."""
    config = load_config(data_path("pipeline", "config.cfg"))
    nlp = spacy.blank("sv", config=config)
    # Minutes are long and no component here keeps per-token tensors, so the length guard of
    # spaCy's statistical models does not apply.
    nlp.max_length = 50_000_000
    return nlp


def doc_from_layer(nlp: Language, layer: TextLayer) -> Doc:
    doc = nlp.make_doc(layer.text)
    doc._.layer = layer
    return doc
