"""``xlmaudit list``: the shipped probe suites, each with its languages and card line."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "list",
        help="list the shipped probe suites with their card lines",
        description="List the suites in probes/ (usable as `xlmaudit run --suite NAME`).",
    )
    p.add_argument("--verbose", "-v", action="store_true", help="also show probes and calibration")
    p.set_defaults(func=main)


def main(args: argparse.Namespace) -> int:
    from xlmaudit.suites import load_suite, shipped_suites

    paths = shipped_suites()
    if not paths:
        print("no suites found in probes/")
        return 1
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
