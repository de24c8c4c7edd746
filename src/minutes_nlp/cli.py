"""Command line: ``minutes-nlp text|extract|schema``.

Unreadable input gets one line on stderr naming the file and the reason; with several files,
the others are still processed and the exit code says that something failed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from . import __version__
from .errors import MinutesError
from .evaluation.command import add_subcommand as add_evaluate
from .pipeline import extract
from .records import RECORD_TYPES, json_schema
from .text import build as read_text

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _pdfs(inputs: list[str]) -> Iterator[Path]:
    """Files as given; folders expanded to the PDFs they hold (sorted, recursive)."""
    for name in inputs:
        p = Path(name)
        if p.is_dir():
            yield from sorted(q for q in p.rglob("*") if q.suffix.lower() == ".pdf" and q.is_file())
        else:
            yield p


def _err(msg: str) -> None:
    print(f"minutes-nlp: {msg}", file=sys.stderr)


def _progress(label: str, enabled: bool):
    if not enabled:
        return None

    def report(done: int, total: int) -> None:
        if total >= 20 and (done % 10 == 0 or done == total):
            print(f"\r{label}: page {done}/{total}", end="\n" if done == total else "", file=sys.stderr)

    return report


def cmd_text(args: argparse.Namespace) -> int:
    status = EXIT_OK
    files = list(_pdfs(args.files))
    for path in files:
        try:
            layer = read_text(path, progress=_progress(str(path), sys.stderr.isatty()))
        except MinutesError as e:
            _err(str(e))
            status = EXIT_FAILED
            continue
        except Exception as e:  # one bad file must not take the others down
            _err(f"{path}: internal error while reading ({type(e).__name__}: {e}); please report it")
            status = EXIT_FAILED
            continue
        for w in layer.warnings:
            _err(f"{path}: {w}")
        if len(files) > 1:
            print(f"==> {path} <==")
        sys.stdout.write(layer.text + "\n")
    return status


def cmd_extract(args: argparse.Namespace) -> int:
    files = list(_pdfs(args.files))
    if not files:
        _err("no PDF files found in " + ", ".join(args.files))
        return EXIT_FAILED
    out_dir = Path(args.out) if args.out else None
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    failed = 0
    for i, path in enumerate(files, 1):
        try:
            doc = extract(path, progress=_progress(str(path), sys.stderr.isatty()))
        except MinutesError as e:
            _err(str(e))
            failed += 1
            continue
        except Exception as e:  # one bad file must not take the others down
            _err(f"{path}: internal error while extracting ({type(e).__name__}: {e}); please report it")
            failed += 1
            continue
        for w in doc.warnings:
            _err(f"{path}: {w}")
        payload = doc.model_dump_json(indent=2) if args.format == "json" else _summary(doc)
        if out_dir:
            target = out_dir / (path.stem + (".json" if args.format == "json" else ".txt"))
            target.write_text(payload + "\n", encoding="utf-8")
            if len(files) > 1 or not args.quiet:
                print(f"[{i}/{len(files)}] {path} -> {target}", file=sys.stderr)
        else:
            sys.stdout.write(payload + "\n")
    if len(files) > 1:
        print(f"{len(files) - failed} of {len(files)} documents extracted, {failed} failed", file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK


def _summary(doc) -> str:
    lines = [f"{doc.source}: {len(doc.pages)} pages"]
    if doc.meeting.title or doc.meeting.date:
        lines.append(f"meeting: {doc.meeting.title or ''} {doc.meeting.date or ''}".rstrip())
    for name in RECORD_TYPES:
        lines.append(f"{name}: {len(getattr(doc, name))}")
    return "\n".join(lines)


def cmd_schema(args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="minutes-nlp", description="Swedish meeting minutes (PDF) to records."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("text", help="print the clean text of PDFs")
    p.add_argument("files", nargs="+", help="PDF files or folders")
    p.set_defaults(func=cmd_text)

    p = sub.add_parser("extract", help="extract records from PDFs")
    p.add_argument("files", nargs="+", help="PDF files or folders")
    p.add_argument("--format", choices=["json", "summary"], default="json")
    p.add_argument("--out", help="write one file per document into this folder instead of stdout")
    p.add_argument("-q", "--quiet", action="store_true", help="no per-file progress lines")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("schema", help="print the JSON Schema of the extract output")
    p.set_defaults(func=cmd_schema)

    add_evaluate(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
