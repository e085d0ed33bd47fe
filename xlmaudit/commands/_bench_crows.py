"""``xlmaudit bench crows``: the full CrowS-Pairs benchmark (all five estimators) as a user runs
it (prepare, tokenize, cache, score, statistics, run files, report) on the real architecture with
random weights, in float32 and bfloat16, timed; the share of wall time outside the model's forward
is the host overhead. ``--device cuda`` is the GPU check; ``--short`` a CPU-sized run for CI.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import tempfile
import time
from pathlib import Path
from typing import Any

SHORT = {"layers": 2, "limit": 6, "matmul_seconds": 0.3}
DTYPE_NAMES = {"fp32": "float32", "bf16": "bfloat16"}


def register_crows(benches: argparse._SubParsersAction, *, config: Path, data: Path) -> None:
    p = benches.add_parser(
        "crows",
        help="full CrowS-Pairs run (all estimators), fp32 and bf16: time, host share, agreement",
        description=__doc__,
    )
    p.add_argument("--model", default="random", help="'random' (real architecture) or 'planted'")
    p.add_argument("--config", type=Path, default=config, help="model config.json (random)")
    p.add_argument("--data-dir", type=Path, default=data.parent.parent, help="benchmark data")
    p.add_argument("--device", default="auto", help="auto (cuda if available), cpu, cuda")
    p.add_argument("--layers", type=int, default=None, help="keep the width, use N layers")
    p.add_argument("--limit", type=int, default=None, help="first N pairs (default: all 1,508)")
    p.add_argument("--dtypes", default="fp32,bf16", help="comma list of fp32, bf16")
    p.add_argument("--batch-tokens", type=int, default=None, help="token budget per forward")
    p.add_argument("--matmul-seconds", type=float, default=2.0, help="time per matmul shape")
    p.add_argument("--short", action="store_true", help=f"CPU-sized run: {SHORT}")
    p.add_argument("--no-report", action="store_true", help="skip the report (html, figures)")
    p.add_argument("--profile", type=Path, default=None, help="write the host-side top functions")
    p.add_argument("--json", type=Path, default=None, help="also write the record here")
    p.set_defaults(func=run_crows)


def full_run(loaded: Any, ns: argparse.Namespace, work: Path) -> tuple[Any, float]:
    """``xlmaudit.audit`` of ``crows-pairs`` on the loaded model, as ``xlmaudit run`` does it
    after loading (cache, scoring, statistics, run files, report): (run, seconds)."""
    from xlmaudit.api import audit

    out, cache = work / f"run-{loaded.dtype}", work / f"cache-{loaded.dtype}"
    start = time.perf_counter()
    run = audit(loaded, ["crows-pairs"], out=out, data_dir=ns.data_dir, limit=ns.limit,
                cache_dir=cache, batch_tokens=ns.batch_tokens, report=not ns.no_report)  # fmt: skip
    seconds = time.perf_counter() - start
    run.raw["crows-pairs"]  # read now: the run directory is temporary
    return run, seconds


def agreement(a: Any, b: Any) -> dict[str, float]:
    """Per estimator: share of pairs whose outcome (more, less, tie, skipped) b keeps from a."""
    ra, rb = a.raw["crows-pairs"], b.raw["crows-pairs"]
    out = {}
    for probe in ra["probe"].unique():
        x = ra.loc[ra["probe"] == probe, "outcome"].astype(str).to_numpy()
        y = rb.loc[rb["probe"] == probe, "outcome"].astype(str).to_numpy()
        out[str(probe)] = float((x == y).mean())
    return out


def run_crows(ns: argparse.Namespace) -> int:
    from xlmaudit.bench import crows as bc

    if ns.short:
        ns.layers = ns.layers or SHORT["layers"]
        ns.limit = ns.limit or SHORT["limit"]
        ns.matmul_seconds = min(ns.matmul_seconds, SHORT["matmul_seconds"])
    device = bc.resolve_bench_device(ns.device)
    load = [os.getloadavg()[0]]
    if ns.model == "planted":
        from xlmaudit.inference import load_model

        loaded = load_model("planted", device=device)
    else:
        from xlmaudit.planted import MODEL_DIR

        loaded = bc.random_real_model(
            ns.config, layers=ns.layers or None, seed=0, device=device, tokenizer_dir=MODEL_DIR
        )
    cfg = loaded.model.config
    record: dict[str, Any] = {"runs": {}}
    results = {}
    with tempfile.TemporaryDirectory(prefix="xlmaudit-bench-") as tmp:
        for name in [d.strip() for d in ns.dtypes.split(",") if d.strip()]:
            loaded = bc.with_dtype(loaded, DTYPE_NAMES[name])
            rate = bc.device_matmul_rate(
                loaded.dtype, width=cfg.emb_dim, device=device, seconds=ns.matmul_seconds
            )
            profiler = cProfile.Profile() if ns.profile else None
            with bc.meter_forward(loaded.model, device) as meter:
                if profiler:
                    profiler.enable()
                results[name], wall = full_run(loaded, ns, Path(tmp) / name)
                if profiler:
                    profiler.disable()
            if profiler:
                _write_profile(profiler, ns.profile.with_suffix(f".{name}.txt"))
            record["runs"][name] = _run_record(meter, wall, rate)
            print(f"[bench] {name}: {json.dumps(record['runs'][name])}", flush=True)
    if {"fp32", "bf16"} <= set(results):
        record["decision_agreement_bf16_vs_fp32"] = agreement(results["fp32"], results["bf16"])
    load.append(os.getloadavg()[0])
    record["setup"] = {
        "model": ns.model,
        "device": device,
        "device_name": bc.device_name(device),
        "layers": int(cfg.n_layers),
        "width": int(cfg.emb_dim),
        "pairs": int(results[next(iter(results))].raw["crows-pairs"]["pair_id"].nunique()),
        "limit": ns.limit,
        "short": ns.short,
        "report": not ns.no_report,
        "torch_threads": bc.torch_threads(),
        "loadavg_1m_start_end": load,  # other processes on a shared machine contaminate timings
        "note": "random weights: speed only, never bias findings" if ns.model == "random" else "",
    }
    text = json.dumps(record, indent=2)
    print(text)
    if ns.json is not None:
        ns.json.parent.mkdir(parents=True, exist_ok=True)
        ns.json.write_text(text + "\n", encoding="utf-8")
    return 0


def _run_record(meter: Any, wall: float, rate: float) -> dict[str, float]:
    return {
        "full_benchmark_s": wall,
        "forward_s": meter.seconds,
        "host_share": 1.0 - meter.seconds / wall,
        "forward_calls": meter.calls,
        "tokens": meter.tokens,
        "tokens_per_s": meter.tokens / wall,
        "tokens_per_s_in_forward": meter.tokens / meter.seconds if meter.seconds else 0.0,
        "matmul_gflop_per_s": rate / 1e9,
        "ceiling_fraction_in_forward": meter.flops / meter.seconds / rate if meter.seconds else 0.0,
        "ceiling_fraction_overall": meter.flops / wall / rate,
    }


def _write_profile(profiler: cProfile.Profile, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        pstats.Stats(profiler, stream=handle).sort_stats("tottime").print_stats(40)
        pstats.Stats(profiler, stream=handle).sort_stats("cumtime").print_stats("xlmaudit", 40)
