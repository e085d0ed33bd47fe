"""``xlmaudit bench scorer``: the reference PLL loop against the batched core (random weights)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

_REPO = Path(__file__).resolve().parents[2]
DEFAULT_CONFIG = _REPO.parent / "shared" / "reference" / "xlm-mlm-en-2048" / "config.json"
DEFAULT_DATA = _REPO.parent / "shared" / "data" / "crows_pairs" / "crows_pairs_anonymized.csv"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("bench", help="speed benchmarks (random weights: no findings)")
    benches = parser.add_subparsers(dest="bench", metavar="BENCH", required=True)
    scorer = benches.add_parser(
        "scorer",
        help="PLL workload: reference batch-1 loop vs batched core, fp32 and bf16",
        description=(
            "Builds the real architecture from --config with random weights, scores a "
            "CrowS-Pairs-length PLL workload with the reference loop (one masked copy per forward, "
            "batch 1, full logits) and with the batched core in fp32 and bf16, and measures this "
            "machine's fp32 matmul throughput. Scores are meaningless; only speed is measured."
        ),
    )
    scorer.add_argument("--config", type=Path, default=DEFAULT_CONFIG, help="model config.json")
    scorer.add_argument("--data", type=Path, default=DEFAULT_DATA, help="CrowS-Pairs csv")
    scorer.add_argument("--layers", type=int, default=None, help="keep the width, use N layers")
    scorer.add_argument("--sentences", type=int, default=32, help="sentences (pairs x 2)")
    scorer.add_argument("--seed", type=int, default=0, help="weights and sentence sampling")
    scorer.add_argument(
        "--batch-tokens",
        type=int,
        default=None,
        help="token budget per batch (default: the core's)",
    )
    scorer.add_argument("--matmul-seconds", type=float, default=2.0, help="time per matmul shape")
    scorer.add_argument("--json", type=Path, default=None, help="also write the record here")
    scorer.set_defaults(func=run_scorer)
    from xlmaudit.commands._bench_crows import register_crows

    register_crows(benches, config=DEFAULT_CONFIG, data=DEFAULT_DATA)


def run_scorer(args: argparse.Namespace) -> int:
    from xlmaudit.bench.scorer import BenchOptions, run_scorer_bench

    options = BenchOptions(
        config=args.config,
        data=args.data,
        layers=args.layers,
        sentences=args.sentences,
        seed=args.seed,
        batch_tokens=args.batch_tokens,
        matmul_seconds=args.matmul_seconds,
    )
    record = run_scorer_bench(options)
    text = json.dumps(record, indent=2)
    print(text)
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0
