"""``xlmaudit compare --family DIR DIR ...`` (see ``commands/compare.py``)."""

from __future__ import annotations

import argparse
import sys

PRINTED = ("suite", "probe", "lang", "group", "metric", "n_checkpoints", "mean", "sd", "min",
           "max", "sign_stable", "direction", "missing_in")  # fmt: skip


def run_family(dirs: list[str], args: argparse.Namespace) -> int:
    """Write the family report of checkpoints of one recipe and print its table."""
    import pandas as pd

    from xlmaudit.report.family_report import build_family

    files = build_family(dirs, out=args.out, allow_different_data=args.allow_different_data)
    for warning in files.warnings:
        print(f"xlmaudit compare: warning: {warning}", file=sys.stderr)
    frame = pd.read_csv(files.csv, keep_default_na=False, na_values=[""])
    print(frame[list(PRINTED)].to_string(index=False, na_rep="", float_format=lambda v: f"{v:.4g}"))
    print(f"wrote {files.csv}, {files.markdown}, {files.html}")
    return 0
