"""``xlmaudit compare DIR_A DIR_B [DIR ...] --out DIR``: paired statistics of runs on shared items.

Two runs: the two-run report (``xlmaudit.report.comparison``). More: every pair, Holm across all,
and each run's headlines (``xlmaudit.report.comparison_many``). ``--family``: the runs are
checkpoints (seeds) of one recipe; per headline their mean, sd, range and sign stability
(``xlmaudit.report.family_report``) instead of paired tests."""

from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "compare",
        help="paired comparison of two (or more: every pair) run directories on shared items",
        description=__doc__.splitlines()[0],
    )
    parser.add_argument("run_a", metavar="DIR_A", help="run directory A (the baseline)")
    parser.add_argument("run_b", metavar="DIR_B", help="run directory B (compared with A)")
    parser.add_argument("more", nargs="*", metavar="DIR", help="more run directories: every pair "
                        "is compared (earlier = A), Holm across all pairs (p_holm), and "
                        "comparison_headlines.csv holds each run's headlines")  # fmt: skip
    parser.add_argument("--out", required=True, metavar="DIR", help="where to write the report")
    parser.add_argument("--seed", type=int, default=0, help="bootstrap seed (default 0)")
    parser.add_argument("--family", action="store_true", help="the runs are checkpoints (seeds) "
                        "of one recipe: write family.csv, family.md and family.html (per headline "
                        "row: mean, between-checkpoint sd, min, max, whether the sign is stable) "
                        "instead of the paired comparison")  # fmt: skip
    parser.add_argument(
        "--allow-different-data",
        action="store_true",
        help="compare even when the runs read different suite, lexicon or data files (sha256 in "
        "meta.json differs; refused by default): the difference becomes a warning on stderr and "
        "in comparison.md/.html, and only items with the same item_id are paired",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import pandas as pd

    if args.family:
        from xlmaudit.commands._compare_family import run_family

        return run_family([args.run_a, args.run_b, *args.more], args)
    if args.more:
        from xlmaudit.commands._compare_many import run_many

        return run_many([args.run_a, args.run_b, *args.more], args)

    from xlmaudit.report.comparison import build_comparison

    files = build_comparison(args.run_a, args.run_b, out=args.out, seed=args.seed,
                             allow_different_data=args.allow_different_data)  # fmt: skip
    for warning in files.warnings:
        print(f"xlmaudit compare: warning: {warning}", file=sys.stderr)

    frame = pd.read_csv(files.csv)
    cols = ["suite", "probe", "group", "metric", "value_a", "value_b", "difference", "ci_low",
            "ci_high", "n_shared", "test", "p_value"]  # fmt: skip
    print(frame[cols].to_string(index=False, float_format=lambda v: f"{v:.4g}"))
    if files.not_compared:
        print(f"not compared (nothing to pair item by item): {', '.join(files.not_compared)}")
    print(f"wrote {files.csv}, {files.markdown}, {files.html}")
    return 0
