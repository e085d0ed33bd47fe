"""Sweep the kernel's token budget on the real width (random weights): min-of-repeats seconds.

Usage: python bench/sweep_batch_tokens.py [--layers 2] [--sentences 16] [--repeats 3]
Configurations are interleaved and the minimum of the repeats is kept, which damps the noise of a
shared CPU. Prints one line per (dtype, batch_tokens) with PLL-scored tokens per second.
"""

from __future__ import annotations

import argparse
import time

import torch

from xlmaudit.bench.scorer import batched_pll, build_random_xlm, crows_workload
from xlmaudit.commands.bench import DEFAULT_CONFIG, DEFAULT_DATA


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layers", type=int, default=2)
    parser.add_argument("--sentences", type=int, default=16)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--budgets", type=int, nargs="+", default=[256, 512, 1024, 2048, 4096])
    args = parser.parse_args()
    model = build_random_xlm(DEFAULT_CONFIG, layers=args.layers, seed=0)
    work = crows_workload(DEFAULT_DATA, n_sentences=args.sentences, seed=0, vocab_size=30145)
    for dtype in (torch.float32, torch.bfloat16):
        model.to(dtype)
        best = dict.fromkeys(args.budgets, float("inf"))
        batched_pll(model, work.sentences[:2], mask_id=5, pad_id=2, batch_tokens=512)
        for _ in range(args.repeats):
            for budget in args.budgets:
                start = time.perf_counter()
                batched_pll(model, work.sentences, mask_id=5, pad_id=2, batch_tokens=budget)
                best[budget] = min(best[budget], time.perf_counter() - start)
        for budget, seconds in best.items():
            rate = work.scored_tokens / seconds
            print(f"{dtype} layers={args.layers} batch_tokens={budget}: {rate:.1f} tokens/s")


if __name__ == "__main__":
    main()
