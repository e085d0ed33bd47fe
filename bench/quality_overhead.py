"""Overhead of the quality layer (``quality.csv``, issue 23) against scoring from a warm cache.

Usage: PYTHONPATH=. python bench/quality_overhead.py --data-dir ../shared/data [--limit N]
       [--repeats 3] [--suite occupations --suite crows-pairs]

In one process: load the planted model, score the suites once to fill a temporary response
cache, then ``--repeats`` times time (a) ``run_suites`` from the warm cache (requests answered
from the cache, raw frames and summaries with their bootstraps) and (b)
``xlmaudit.quality.run_quality`` on those results. Prints the median seconds of each, their
ratio (the issue asks for under 0.10) and the 1-minute load average; the run's wall time with
writing and the report is larger than (a), so the ratio is an upper bound.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from xlmaudit.api import RunSettings, make_scorer
from xlmaudit.inference import load_model
from xlmaudit.quality import run_quality
from xlmaudit.runner import run_suites
from xlmaudit.suites import load_suite, resolve_suite


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", required=True)
    ap.add_argument("--suite", action="append", default=None)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    names = tuple(args.suite or ("occupations", "crows-pairs"))
    suites = [load_suite(resolve_suite(s)) for s in names]
    loaded = load_model("planted", device="cpu")
    with tempfile.TemporaryDirectory() as cache:
        settings = RunSettings(model="planted", suites=names, data_dir=Path(args.data_dir),
                               limit=args.limit, cache_dir=Path(cache), progress=False)  # fmt: skip
        scorer = make_scorer(loaded, suites, settings)
        run_suites(suites, scorer, ctx=settings.context())  # fills the cache
        scoring, quality = [], []
        for _ in range(args.repeats):
            start = time.perf_counter()
            results = run_suites(suites, scorer, ctx=settings.context())
            scoring.append(time.perf_counter() - start)
            start = time.perf_counter()
            rows = len(run_quality(results, seed=0)["quality.csv"])
            quality.append(time.perf_counter() - start)
    s, q = statistics.median(scoring), statistics.median(quality)
    print(f"suites {', '.join(names)}; limit {args.limit}; {rows} quality rows; "
          f"load (1 min) {os.getloadavg()[0]:.1f}")  # fmt: skip
    print(f"scoring from a warm cache: {s:.2f} s; quality layer: {q:.2f} s; ratio {q / s:.3f}")


if __name__ == "__main__":
    main()
