"""Forward+backward passes per IG explanation: adaptive Gauss-Legendre steps vs fixed 50.

Usage: python bench/attribution_steps.py [--limit N] [--real-layers 2] [--json out.json]

Runs the ``occupations-why`` suite through ``AttributionScorer`` (as ``xlmaudit run`` does) twice,
with every explanation at a fixed 50 steps and with adaptive steps (8, 16, 32, 50 per item until
the relative completeness delta is under 1%), on the planted model and on the real architecture
(width 2048, ``--real-layers`` layers, random weights, planted tokenizer). Counts passes
(rows x steps over every try), steps used per item, and the largest relative delta.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections import Counter
from pathlib import Path

from xlmaudit.bench.crows import random_real_model
from xlmaudit.commands.bench import DEFAULT_CONFIG
from xlmaudit.inference import ModelScorer, load_model
from xlmaudit.inference.attribution import DEFAULT_THRESHOLD, AttributionScorer
from xlmaudit.planted import MODEL_DIR
from xlmaudit.probes import RunContext
from xlmaudit.requests import AttributionResponse
from xlmaudit.runner import run_suites
from xlmaudit.suites import load_suite, resolve_suite


class _Recording(AttributionScorer):
    """Keeps the attribution responses it gives."""

    def score(self, requests):
        answers = super().score(requests)
        self.seen = [a for a in answers if isinstance(a, AttributionResponse)]
        return answers


def measure(loaded, *, adaptive: bool, limit: int | None) -> dict:
    counts: dict[str, int] = {}
    scorer = _Recording(loaded, ModelScorer(loaded), adaptive=adaptive, counts=counts)
    suite = load_suite(resolve_suite("occupations-why"))
    start = time.perf_counter()
    run_suites([suite], scorer, ctx=RunContext(limit=limit))
    seconds = time.perf_counter() - start
    rel = [r.relative_delta for r in scorer.seen]
    return {
        "explanations": counts["explanations"],
        "passes": counts["passes"],
        "passes_per_explanation": counts["passes"] / counts["explanations"],
        "steps_used": dict(sorted(Counter(r.n_steps for r in scorer.seen).items())),
        "max_relative_delta": max(rel),
        "items_over_threshold": sum(r > DEFAULT_THRESHOLD for r in rel),
        "seconds": seconds,
    }


def compare(loaded, limit: int | None) -> dict:
    fixed = measure(loaded, adaptive=False, limit=limit)
    adaptive = measure(loaded, adaptive=True, limit=limit)
    ratio = fixed["passes_per_explanation"] / adaptive["passes_per_explanation"]
    return {"fixed_50": fixed, "adaptive": adaptive, "fewer_passes_x": ratio}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None, help="first N items per probe")
    parser.add_argument("--real-limit", type=int, default=4, help="items at the real width")
    parser.add_argument("--real-layers", type=int, default=2)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    load = [os.getloadavg()[0]]
    record = {"planted": compare(load_model("planted", device="cpu"), args.limit)}
    print(json.dumps(record, indent=2), flush=True)
    real = random_real_model(
        DEFAULT_CONFIG, layers=args.real_layers, seed=0, device="cpu", tokenizer_dir=MODEL_DIR
    )
    record["real_width"] = compare(real, args.real_limit)
    load.append(os.getloadavg()[0])
    record["setup"] = {
        "threshold": DEFAULT_THRESHOLD,
        "limit": args.limit,
        "real_limit": args.real_limit,
        "real_layers": args.real_layers,
        "loadavg_1m_start_end": load,
        "note": "real width = random weights: completeness/steps only, no findings",
    }
    text = json.dumps(record, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
