"""``xlmaudit compare`` with more than two run directories (see ``commands/compare.py``)."""

from __future__ import annotations

import argparse
import sys


def run_many(dirs: list[str], args: argparse.Namespace) -> int:
    """Write the N-run comparison and print its headline and pairwise tables."""
    import pandas as pd

    from xlmaudit.compare_many import headline_table
    from xlmaudit.report.comparison_many import build_many

    files = build_many(dirs, out=args.out, seed=args.seed,
                       allow_different_data=args.allow_different_data)  # fmt: skip
    for warning in files.warnings:
        print(f"xlmaudit compare: warning: {warning}", file=sys.stderr)
    heads = pd.read_csv(files.headlines)
    print(headline_table(heads).to_string(index=False))
    frame = pd.read_csv(files.csv)
    cols = ["pair", "suite", "probe", "group", "metric", "value_a", "value_b", "difference",
            "ci_low", "ci_high", "n_shared", "p_value", "p_holm"]  # fmt: skip
    print(frame[cols].to_string(index=False, float_format=lambda v: f"{v:.4g}"))
    if files.not_compared:
        print(f"not compared (nothing to pair item by item): {', '.join(files.not_compared)}")
    print(f"wrote {files.csv}, {files.headlines}, {files.markdown}, {files.html}")
    return 0
