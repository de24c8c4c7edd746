"""Render a :class:`Report` as an aligned table or as JSON."""

from __future__ import annotations

import json
from typing import Any

from .score import Counts, Report

TOTAL = "TOTAL"
ALL = "all"


def _num(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def _row(doc: str, kind: str, c: Counts) -> list[str]:
    return [doc, kind, str(c.tp), str(c.fp), str(c.fn), _num(c.precision), _num(c.recall), _num(c.f1)]


def _align(rows: list[list[str]], left: int) -> list[str]:
    """Columns padded to their widest cell; the first ``left`` columns left-aligned, the rest right."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            cell.ljust(w) if i < left else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(r, widths, strict=True))
        ).rstrip()
        for r in rows
    ]


def _share(hits: int, of: int) -> str:
    return f"{hits}/{of}" + (f" ({hits / of:.2f})" if of else "")


def render_table(report: Report) -> str:
    rows = [["document", "type", "TP", "FP", "FN", "P", "R", "F1"]]
    for d in report.documents:
        rows += [_row(d.id, name, r.counts) for name, r in d.types.items()]
        rows.append(_row(d.id, ALL, d.total))
    rows += [_row(TOTAL, name, c) for name, c in report.by_type().items()]
    rows.append(_row(TOTAL, ALL, report.total))
    out = _align(rows, 2)

    notes = [["document", "meeting.date", "seconds", "note"]]
    for d in report.documents:
        seconds = "-" if d.seconds is None else f"{d.seconds:.2f}"
        notes.append([d.id, d.meeting_date or "-", seconds, d.error or ""])
    dates = report.meeting_dates()
    notes.append(
        [TOTAL, f"{dates['right']} right, {dates['wrong']} wrong, {dates['missing']} missing", "", ""]
    )
    out += [""] + _align(notes, 2)

    linked, parent = report.share("people_org_linked"), report.share("sections_parent")
    strict = report.share("events_name_strict")
    out += [
        "",
        f"people_org_linked: {_share(linked.hits, linked.of)} matched people with gold organisations have them all",
        f"sections_parent:   {_share(parent.hits, parent.of)} matched sections have the gold parent",
        f"events_name_strict: {_share(strict.hits, strict.of)} matched events whose names also match as names do",
    ]
    failed = sum(1 for d in report.documents if d.error)
    out.append(f"{len(report.documents)} documents, {failed} not extracted (counted as all missed)")
    return "\n".join(out)


def report_dict(report: Report) -> dict[str, Any]:
    docs = []
    for d in report.documents:
        docs.append(
            {
                "id": d.id,
                "pdf": d.pdf,
                "error": d.error,
                "seconds": d.seconds,
                "meeting_date": d.meeting_date,
                "types": {
                    name: {**r.counts.as_dict(), "missed": r.missed, "spurious": r.spurious}
                    for name, r in d.types.items()
                },
                "all": d.total.as_dict(),
                "people_org_linked": d.people_org_linked.as_dict(),
                "sections_parent": d.sections_parent.as_dict(),
                "events_name_strict": d.events_name_strict.as_dict(),
            }
        )
    return {
        "documents": docs,
        "total": {
            "types": {name: c.as_dict() for name, c in report.by_type().items()},
            "all": report.total.as_dict(),
            "meeting_date": report.meeting_dates(),
            "people_org_linked": report.share("people_org_linked").as_dict(),
            "sections_parent": report.share("sections_parent").as_dict(),
            "events_name_strict": report.share("events_name_strict").as_dict(),
            "documents": len(report.documents),
            "failed": sum(1 for d in report.documents if d.error),
        },
    }


def render_json(report: Report) -> str:
    return json.dumps(report_dict(report), indent=2, ensure_ascii=False, default=str)
