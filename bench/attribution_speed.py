"""Time per explanation on xlm-mlm-en-2048's architecture (random weights), fp32 and bf16.

The model is built from the real ``config.json`` at full width (2048, 16 heads, vocabulary 30145)
with ``n_layers`` reduced (default: 1 and 2 layers); the 12-layer time is extrapolated linearly
in the layer count from the two measurements (t12 = t2 + 10 * (t2 - t1)): embedding, head and
Captum overhead are paid once, every encoder layer adds the same cost. Random weights: timings
are faithful, attributions and deltas are not findings (the bf16 delta only shows the precision
cost). The tokenizer is the tiny XLM-format one of ``xlmaudit.testing`` (ids < 30145), so
sentences have the lengths real ones have (16 tokens here).

    python bench/attribution_speed.py [--layers 1 2] [--steps 50] [--items 8] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import numpy as np
import torch

CONFIG = Path(__file__).resolve().parents[2] / "shared/reference/xlm-mlm-en-2048/config.json"
TEXTS = (
    "the nurse said that [MASK] was very tired because the doctor was late .",
    "when the teacher came home , [MASK] said that the work was good .",
    "the lawyer always said that [MASK] was not at home on work .",
    "the cook was late because [MASK] was with the people at the cafe .",
)


def loaded_model(layers: int, dtype: str, tokenizer_dir: Path):
    """A ``LoadedModel`` around a random full-width XLM with ``layers`` layers."""
    from transformers import XLMTokenizer

    from xlmaudit.inference.bench import build_random_xlm
    from xlmaudit.inference.loader import LoadedModel

    model = build_random_xlm(CONFIG, layers=layers, seed=0)
    model = model.to(torch.bfloat16 if dtype == "bf16" else torch.float32)
    tok = XLMTokenizer.from_pretrained(str(tokenizer_dir))
    return LoadedModel(model, tok, tok.mask_token_id, f"random-{layers}", "bench", "cpu",
                       dtype, True)  # fmt: skip


def requests(items: int, method: str, steps: int):
    from xlmaudit.requests import AttributionRequest

    return [
        AttributionRequest(TEXTS[i % len(TEXTS)], "she", "he", method=method, n_steps=steps)
        for i in range(items)
    ]


def measure(loaded, reqs, *, batch_rows: int, repeats: int) -> tuple[float, list]:
    """Best wall time per explanation over ``repeats`` runs (one warm-up run first)."""
    from xlmaudit.inference.attribution import explain

    explain(loaded, reqs[:1], batch_rows=batch_rows)
    best, out = float("inf"), []
    for _ in range(repeats):
        start = time.perf_counter()
        out = explain(loaded, reqs, batch_rows=batch_rows)
        best = min(best, (time.perf_counter() - start) / len(reqs))
    return best, out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--layers", type=int, nargs=2, default=(1, 2))
    p.add_argument("--steps", type=int, default=50)
    p.add_argument("--items", type=int, default=8, help="explanations per timed run")
    p.add_argument("--batch-rows", type=int, default=8, help="explanations per Captum call")
    p.add_argument("--repeats", type=int, default=2)
    p.add_argument("--methods", nargs="+", default=["lig"])
    p.add_argument("--json", type=Path, default=None)
    args = p.parse_args()
    from xlmaudit.testing import make_tiny_xlm

    results = {"torch_threads": torch.get_num_threads(), "steps": args.steps, "runs": []}
    with tempfile.TemporaryDirectory() as tmp:
        tok_dir = make_tiny_xlm(Path(tmp))
        for dtype in ("fp32", "bf16"):
            times: dict[str, dict[int, float]] = {}
            for layers in args.layers:
                loaded = loaded_model(layers, dtype, tok_dir)
                for method in args.methods:
                    reqs = requests(args.items, method, args.steps)
                    t, out = measure(loaded, reqs, batch_rows=args.batch_rows, repeats=args.repeats)
                    rel = [r.relative_delta for r in out if np.isfinite(r.relative_delta)]
                    row = {"dtype": dtype, "layers": layers, "method": method, "s_per_item": t,
                           "tokens": len(out[0].encoding),
                           "max_relative_delta": max(rel) if rel else None}  # fmt: skip
                    results["runs"].append(row)
                    times.setdefault(method, {})[layers] = t
                    print(json.dumps(row), flush=True)
                del loaded
            lo, hi = args.layers
            for method, t in times.items():
                per_layer = (t[hi] - t[lo]) / (hi - lo)
                est = {"dtype": dtype, "method": method, "layers": 12, "per_layer_s": per_layer,
                       "s_per_item_extrapolated": t[hi] + (12 - hi) * per_layer}  # fmt: skip
                results["runs"].append(est)
                print(json.dumps(est), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
