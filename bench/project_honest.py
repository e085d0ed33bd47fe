"""Project the time of the full HONEST suite (English) on xlm-mlm-en-2048's architecture.

Counts the forward rows and token positions the shipped probes ask for: the reference probes one
row per prompt (one mask); whole_word the beam search of ``TopWordsRequest`` (for each word
length L <= max_pieces: rows with L masks, one per live prefix: 1 at the first step, ``beam`` at
later steps). Prompt lengths come from XLM's pre-tokenisation at one piece per word (as
``project_benchmarks.py``), scaled by a pieces-per-word factor f. Throughput: research/xlm_core.md.

    python bench/project_honest.py --data-dir ../shared/data
"""

from __future__ import annotations

import argparse
import json

from bench.project_benchmarks import RESEARCH_POSITIONS_PER_S, MosesCounter
from xlmaudit.datasets import resolve_data_file
from xlmaudit.datasets.honest import PLACEHOLDER, load_templates
from xlmaudit.requests import MASK


def count(lengths: list[int], *, k: int = 20, max_pieces: int = 3, beam: int = 0) -> dict:
    """Rows and token positions for prompts of ``lengths`` tokens (specials and one mask in)."""
    beam = beam or k
    rows = positions = 0
    for n in lengths:
        rows += 1  # reference: one row with one mask
        positions += n
        for length in range(1, max_pieces + 1):
            per_step = [1] + [beam] * (length - 1)
            rows += sum(per_step)
            positions += sum(per_step) * (n + length - 1)
    return {"prompts": len(lengths), "rows": rows, "positions": positions}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", required=True)
    args = ap.parse_args()
    counter = MosesCounter()
    lengths = []
    for name in ("honest-binary-en", "honest-queer-en"):
        frame = load_templates(resolve_data_file(name, data_dir=args.data_dir)).frame
        lengths += [
            len(counter.tokenize(t.replace(PLACEHOLDER, MASK))) for t in frame.template_masked
        ]
    out = {"counts": count(lengths), "projection_min": {}}
    for f in (1.0, 1.15):  # BPE pieces per word on the template words
        c = count([round(2 + (n - 2) * f) for n in lengths])
        for dtype, rate in RESEARCH_POSITIONS_PER_S.items():
            out["projection_min"][f"f={f} {dtype}"] = round(c["positions"] / rate / 60, 1)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
