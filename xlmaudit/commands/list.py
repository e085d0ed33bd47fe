"""``xlmaudit list``: the shipped probe suites, each with its languages and card line; with
``--model M``, per suite and language whether M covers it (:mod:`xlmaudit.coverage`)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    from xlmaudit.api import ENV_DATA_DIR

    p = subparsers.add_parser(
        "list",
        help="list the shipped probe suites with their card lines",
        description="List the suites in probes/ (usable as `xlmaudit run --suite NAME`); with "
        "--model, say per suite and language whether the model's languages and vocabulary "
        "cover it (share of unknown pieces on the suite's items).",
    )
    p.add_argument("--verbose", "-v", action="store_true", help="also show probes and calibration")
    p.add_argument("--model", default=None, help="a model name or directory: show its coverage")
    p.add_argument("--suite", action="append", default=None, help="only this suite (repeatable)")
    p.add_argument(
        "--data-dir",
        type=Path,
        default=os.environ.get(ENV_DATA_DIR) or None,
        help=f"benchmark data folder for --model (default: ${ENV_DATA_DIR})",
    )
    p.add_argument("--limit", type=int, default=None, help="--model: read N items per probe")
    p.set_defaults(func=main)


def main(args: argparse.Namespace) -> int:
    from xlmaudit.suites import load_suite, shipped_suites

    paths = shipped_suites()
    if args.suite:
        paths = [p for p in paths if p.stem in args.suite]
    if not paths:
        print("no suites found in probes/")
        return 1
    if args.model:
        return _coverage(args, [load_suite(p) for p in paths])
    width = max(len(p.stem) for p in paths)
    for path in paths:
        suite = load_suite(path)
        probes = ", ".join(f"{p.id} ({p.kind})" for p in suite.probes)
        langs = ",".join(suite.languages)
        print(f"{path.stem:{width}}  v{suite.version}  [{langs}]  {suite.summary}")
        if args.verbose:
            print(f"{'':{width}}  probes: {probes}")
            print(f"{'':{width}}  calibration: {' '.join(str(suite.card['calibration']).split())}")
    return 0


def _coverage(args: argparse.Namespace, suites: list) -> int:
    """The coverage table of ``args.model`` (loaded on the CPU: only its tokenizer is used)."""
    from xlmaudit.coverage import MAX_UNKNOWN, coverage_line, suite_coverage
    from xlmaudit.inference import ModelScorer, load_model
    from xlmaudit.inference.languages import knows
    from xlmaudit.probes import RunContext

    loaded = load_model(args.model, device="cpu")
    scorer = ModelScorer(loaded, progress=False, truncate=True)  # a longer text: counted in part
    unk = str(loaded.tokenizer.unk_token or "")
    langs = sorted(getattr(loaded, "lang2id", None) or {})
    print(f"model {args.model}: languages {', '.join(langs) or 'not listed'}; covered = a "
          f"language of the model (or none listed) and at most {100 * MAX_UNKNOWN:g}% unknown "
          f"pieces ({unk or 'no unknown token'}) on the suite's items")  # fmt: skip
    rows = [("suite", "lang", "language", "unknown pieces", "covered")]
    for suite in suites:
        ctx = RunContext(data_dir=args.data_dir, limit=args.limit)
        for c in suite_coverage(suite, scorer, unk=unk, knows=lambda g: knows(loaded, g), ctx=ctx):
            rows.append((c.suite, c.lang, *coverage_line(c)))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(f"{cell:{w}}" for cell, w in zip(row, widths, strict=True)).rstrip())
    return 0
