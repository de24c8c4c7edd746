"""Score extracted Documents against gold files: counts per record type, per document and in total."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import MinutesError
from ..records import Document
from .match import as_date, greedy_pairs, names_match
from .rules import SCORERS, TYPES, as_gold_shape, orgs_linked, parent_agrees


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "f1": _round(self.f1),
        }


@dataclass
class Share:
    """How many of the matched items also get a secondary field right."""

    hits: int = 0
    of: int = 0

    def add(self, other: Share) -> None:
        self.hits += other.hits
        self.of += other.of

    def as_dict(self) -> dict[str, Any]:
        return {"hits": self.hits, "of": self.of, "share": _round(self.hits / self.of if self.of else None)}


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


@dataclass
class TypeResult:
    counts: Counts
    missed: list[Any] = field(default_factory=list)  # gold items without a partner (FN)
    spurious: list[Any] = field(default_factory=list)  # predicted items without a partner (FP)


@dataclass
class DocResult:
    id: str
    pdf: str
    error: str | None = None
    seconds: float | None = None
    meeting_date: str | None = None  # "right", "wrong", "missing", or None when gold has no date
    types: dict[str, TypeResult] = field(default_factory=dict)
    people_org_linked: Share = field(default_factory=Share)
    sections_parent: Share = field(default_factory=Share)
    events_name_strict: Share = field(default_factory=Share)

    @property
    def total(self) -> Counts:
        out = Counts()
        for r in self.types.values():
            out.add(r.counts)
        return out


def score_document(
    gold: dict[str, Any], predicted: Document | dict[str, Any] | None, doc_id: str = "", pdf: str = ""
) -> DocResult:
    """Compare one gold record set with one extraction (None: extraction failed, all gold is missed).

    A type whose key is absent from the gold file was not annotated and is not scored; a present
    but empty list says "there are none", so every prediction of that type is a false positive.
    """
    pred = as_gold_shape(predicted) if isinstance(predicted, Document) else (predicted or {})
    result = DocResult(id=doc_id, pdf=pdf)
    for name in TYPES:
        if name not in gold or gold[name] is None:
            continue
        g_items, p_items = list(gold[name]), list(pred.get(name) or [])
        pairs = greedy_pairs(g_items, p_items, SCORERS[name])
        g_hit, p_hit = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
        result.types[name] = TypeResult(
            counts=Counts(tp=len(pairs), fp=len(p_items) - len(pairs), fn=len(g_items) - len(pairs)),
            missed=[g for i, g in enumerate(g_items) if i not in g_hit],
            spurious=[p for i, p in enumerate(p_items) if i not in p_hit],
        )
        for gi, pi in pairs:
            if name == "people":
                linked = orgs_linked(g_items[gi], p_items[pi])
                if linked is not None:
                    result.people_org_linked.add(Share(int(linked), 1))
            elif name == "sections":
                result.sections_parent.add(Share(int(parent_agrees(g_items[gi], p_items[pi])), 1))
            elif name == "events":
                strict = names_match(g_items[gi].get("name"), p_items[pi].get("name"))
                result.events_name_strict.add(Share(int(strict), 1))
    gold_date = as_date((gold.get("meeting") or {}).get("date"))
    if gold_date is not None:
        pred_date = as_date((pred.get("meeting") or {}).get("date"))
        result.meeting_date = (
            "missing" if pred_date is None else ("right" if pred_date == gold_date else "wrong")
        )
    return result


def evaluate_document(
    gold_path: Path, pdf_path: Path, extract: Callable[[Path], Document] | None = None
) -> DocResult:
    """Extract ``pdf_path`` once and score it against ``gold_path``. Failures are reported, not raised."""
    doc_id = gold_path.stem
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if not isinstance(gold, dict):
            raise ValueError("the top level is not an object")
    except (OSError, ValueError) as e:
        return DocResult(id=doc_id, pdf=str(pdf_path), error=f"unreadable gold file {gold_path}: {e}")
    if extract is None:
        from ..pipeline import extract
    predicted: Document | None = None
    error = None
    t0 = time.perf_counter()
    if not pdf_path.is_file():
        error = f"no PDF for this gold file: {pdf_path}"
    else:
        try:
            predicted = extract(pdf_path)
        except MinutesError as e:
            error = str(e)
        except Exception as e:  # one bad document must not stop the evaluation
            error = f"{pdf_path}: extraction failed ({type(e).__name__}: {e})"
    result = score_document(gold, predicted, doc_id=doc_id, pdf=str(pdf_path))
    result.error = error
    result.seconds = None if error else round(time.perf_counter() - t0, 3)
    return result


@dataclass
class Report:
    documents: list[DocResult]

    def by_type(self) -> dict[str, Counts]:
        out: dict[str, Counts] = {}
        for d in self.documents:
            for name, r in d.types.items():
                out.setdefault(name, Counts()).add(r.counts)
        return {name: out[name] for name in TYPES if name in out}

    @property
    def total(self) -> Counts:
        out = Counts()
        for c in self.by_type().values():
            out.add(c)
        return out

    def meeting_dates(self) -> dict[str, int]:
        tally = {"right": 0, "wrong": 0, "missing": 0}
        for d in self.documents:
            if d.meeting_date:
                tally[d.meeting_date] += 1
        return tally

    def share(self, attr: str) -> Share:
        out = Share()
        for d in self.documents:
            out.add(getattr(d, attr))
        return out


def gold_files(gold_dir: Path) -> list[Path]:
    return sorted(p for p in gold_dir.glob("*.json") if p.is_file())


def evaluate_dir(
    gold_dir: str | Path,
    pdf_dir: str | Path | None = None,
    extract: Callable[[Path], Document] | None = None,
    on_document: Callable[[DocResult], None] | None = None,
) -> Report:
    """Score every ``gold_dir/<id>.json`` against ``pdf_dir/<id>.pdf`` (default ``gold_dir/../pdf``)."""
    gold_dir = Path(gold_dir)
    pdf_root = Path(pdf_dir) if pdf_dir else gold_dir.parent / "pdf"
    results = []
    for gold_path in gold_files(gold_dir):
        r = evaluate_document(gold_path, pdf_root / f"{gold_path.stem}.pdf", extract)
        if on_document:
            on_document(r)
        results.append(r)
    return Report(results)
