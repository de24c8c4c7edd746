"""The ``minutes-nlp evaluate`` subcommand. Scoring is imported only when the command runs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_subcommand(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("evaluate", help="score extraction against gold records (precision, recall, F1)")
    p.add_argument("--gold", required=True, help="folder of gold files <id>.json")
    p.add_argument("--pdf", help="folder of the PDFs <id>.pdf (default: the gold folder's sibling 'pdf')")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from .report import render_json, render_table
    from .score import evaluate_dir, gold_files

    gold_dir = Path(args.gold)
    if not gold_dir.is_dir() or not gold_files(gold_dir):
        print(f"minutes-nlp: no gold files (*.json) in {gold_dir}", file=sys.stderr)
        return 1

    def note(result) -> None:
        if result.error:
            print(f"minutes-nlp: {result.id}: {result.error}", file=sys.stderr)

    report = evaluate_dir(gold_dir, args.pdf, on_document=note)
    sys.stdout.write((render_json(report) if args.format == "json" else render_table(report)) + "\n")
    return 0
