"""``xlmaudit card DIR``: (re)build figures/, report.html, report.md, model_card.md; print it.

A run in several languages gets its findings per language, the same probe across languages (one
forest plot each) and ``cross_language.csv`` when the run wrote one; its model-index has one entry
per suite and language (``dataset.config`` = the language code).
"""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "card",
        help="build the report and model-card section of a run directory and print the card",
        description=__doc__.splitlines()[0],
    )
    parser.add_argument("run_dir", metavar="DIR", help="run directory written by `xlmaudit run`")
    parser.add_argument(
        "--quiet", action="store_true", help="write the files but do not print the card"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from xlmaudit.report.build import build_report

    files = build_report(args.run_dir)
    if not args.quiet:
        print(files.model_card.read_text(encoding="utf-8"), end="")
    return 0
