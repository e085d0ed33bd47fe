"""Time per explanation on xlm-mlm-en-2048's architecture (random weights), fp32 and bf16.

The model is built from the real ``config.json`` at full width (2048, 16 heads, vocabulary 30145)
with ``n_layers`` reduced (default: 1 and 2 layers); the 12-layer time is extrapolated linearly
in the layer count from the two measurements (t12 = t2 + 10 * (t2 - t1)): embedding, head and
Captum overhead are paid once, every encoder layer adds the same cost. Each row also times a bare
forward + input-gradient backward over the same tokens (``plain_fwd_bwd_s_per_item``) in the same
run, so ``captum_over_plain`` is the overhead ratio, robust to the load of a shared CPU (absolute
seconds are not: other jobs share the 2 cores). Random weights: timings
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

    from xlmaudit.bench.scorer import build_random_xlm
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


def plain_pass(loaded, *, rows: int, length: int, chunk: int, repeats: int) -> float:
    """Best time of a bare forward + input-gradient backward over ``rows`` x ``length`` tokens
    (chunks of ``chunk`` rows, logits at one position): the work IG does, without Captum."""
    model = loaded.model
    for p in model.parameters():
        p.requires_grad_(False)
    ids = torch.randint(14, 90, (chunk, length))
    att, keep = torch.ones_like(ids), torch.full((chunk, 1), length // 2)
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(0, rows, chunk):
            emb = model.transformer.embeddings(ids).detach().requires_grad_(True)
            out = model(inputs_embeds=emb, attention_mask=att, logits_to_keep=keep).logits
            torch.autograd.grad(out[:, 0, 7].float().sum(), emb)
        best = min(best, time.perf_counter() - start)
    return best


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
                    length = len(out[0].encoding)
                    plain = (
                        plain_pass(
                            loaded,
                            rows=args.items * args.steps,
                            length=length,
                            chunk=1024 // length,
                            repeats=args.repeats,
                        )
                        / args.items
                    )
                    row = {"dtype": dtype, "layers": layers, "method": method, "s_per_item": t,
                           "tokens": length, "plain_fwd_bwd_s_per_item": plain,
                           "captum_over_plain": t / plain,
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
