"""Project the time of the full SEAT suite (probes/seat.yaml) on xlm-mlm-en-2048's architecture.

Counts the forward rows and token positions the two probes ask for on bias-bench's 17 tests
(requests built by the probe kind, de-duplicated like the runner: a sentence shared by two tests
is encoded once per pooling), with XLM's pre-tokenisation at one piece per word (the
``MosesCounter`` of bench/project_benchmarks.py) scaled by a BPE pieces-per-word factor f.
``mean`` feeds <s> ... </s>; ``first`` feeds the text without specials. One row per sentence,
no LM head (hidden states only), so the cost per position is the encoder's 1.21 GFLOP.
Throughput: research/xlm_core.md 2.3 (batch 32: 255 positions/s fp32, 1,293 bf16).

    python bench/project_seat.py --data-dir ../shared/data
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from project_benchmarks import RESEARCH_POSITIONS_PER_S, MosesCounter  # noqa: E402

from xlmaudit.datasets import resolve_data_file  # noqa: E402
from xlmaudit.datasets.seat import load_seat_test  # noqa: E402
from xlmaudit.probes.seat import BIAS_BENCH_TESTS  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    args = parser.parse_args()
    counter = MosesCounter()
    sentences: set[str] = set()
    total = 0
    for name in BIAS_BENCH_TESTS:
        test = load_seat_test(resolve_data_file(f"seat-{name}", data_dir=args.data_dir))
        for s in test.sets().values():
            sentences.update(s.examples)
            total += len(s.examples)
    words = sum(len(counter.words(s)) for s in sentences)
    print(f"{len(BIAS_BENCH_TESTS)} tests, {total} sentences, {len(sentences)} distinct")
    print(f"words per distinct sentence: {words / len(sentences):.2f}")
    for f in (1.0, 1.1, 1.2):
        rows = 2 * len(sentences)  # one row per sentence and pooling
        positions = round(2 * words * f) + 2 * len(sentences)  # mean adds <s>, </s>
        times = {k: positions / v for k, v in RESEARCH_POSITIONS_PER_S.items()}
        print(f"f={f}: rows {rows}, positions {positions}, "
              f"fp32 {times['fp32'] / 60:.1f} min, bf16 {times['bf16'] / 60:.1f} min")  # fmt: skip


if __name__ == "__main__":
    main()
