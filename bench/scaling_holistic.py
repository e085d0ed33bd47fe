"""Data-parallel scaling of `xlmaudit run`: 1 vs 2 processes on the HolisticBias small set.

Runs the planted model on the HolisticBias small set (:data:`SMALL`: the first 4 descriptors of
each axis, nouns woman and man, all templates, probe word_l2r; no cache, one thread per process)
as one process (``python -m xlmaudit``) and as two (``torchrun --standalone --nproc_per_node 2``),
and the same with ``--limit 1`` to measure the fixed part (start-up, model load, generating the
sentences, writing the report). Speed-up and parallel efficiency (T1 / (2 T2)) are given for the
whole run and for the scoring part (T(N) - T(1)). The machine is shared: the load average
(os.getloadavg) before and after each run is recorded; read the figures with it.

``--project`` instead prints the projected time of the full HolisticBias expansion on
xlm-mlm-en-2048 per GPU count, from the per-token cost of ../shared/research/xlm_core.md 2.2.

    PYTHONPATH=. python bench/scaling_holistic.py --data-dir ../shared/data \
        --out bench/scaling_holistic.json
    PYTHONPATH=. python bench/scaling_holistic.py --data-dir ../shared/data --project
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GFLOP_PER_TOKEN = 1.21  # xlm_core.md 2.2: encoder, per token position
GFLOP_LM_HEAD = 0.1235  # per position that gets logits (one per PLL row)


SMALL = {"descriptors_per_axis": 4, "nouns": ["woman", "man"]}  # the small set


def small_suite(folder: Path) -> Path:
    """The shipped suite with one probe (word_l2r) cut to :data:`SMALL` (about 3,000 sentences)."""
    import yaml

    spec = yaml.safe_load((ROOT / "probes" / "holistic-bias.yaml").read_text())
    spec["name"] = "holistic-bias-small"
    spec["probes"] = [{**spec["probes"][0], **SMALL}]
    path = folder / "holistic-bias-small.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False))
    return path


def _run(n: int, limit: int, data_dir: Path, out: Path) -> dict:
    env = dict(os.environ, OMP_NUM_THREADS="1", PYTHONPATH=str(ROOT))
    suite = small_suite(out.parent)
    args = ["run", "--model", "planted", "--suite", str(suite), "--limit", str(limit),
            "--data-dir", str(data_dir), "--no-cache", "--out", str(out)]  # fmt: skip
    if n == 1:
        cmd = [sys.executable, "-m", "xlmaudit", *args]
    else:
        torchrun = Path(sys.executable).with_name("torchrun")
        cmd = [str(torchrun), "--standalone", "--nproc_per_node", str(n), "-m", "xlmaudit", *args]
    load0 = os.getloadavg()
    t0 = time.perf_counter()
    res = subprocess.run(cmd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if res.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{res.stderr[-3000:]}")
    return {"processes": n, "limit": limit, "wall_s": round(wall, 2),
            "loadavg_before": load0, "loadavg_after": os.getloadavg()}  # fmt: skip


def measure(data_dir: Path, limit: int) -> dict:
    runs = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in (1, 2):
            for lim in (1, limit):
                runs[f"{n}p_limit{lim}"] = _run(n, lim, data_dir, Path(tmp) / f"{n}-{lim}")
        same = all(
            (Path(tmp) / f"1-{limit}" / f).read_bytes()
            == (Path(tmp) / f"2-{limit}" / f).read_bytes()
            for f in ("summary.csv", "raw/holistic-bias-small.parquet")
        )
    t1, t2 = runs[f"1p_limit{limit}"]["wall_s"], runs[f"2p_limit{limit}"]["wall_s"]
    s1 = t1 - runs["1p_limit1"]["wall_s"]
    s2 = t2 - runs["2p_limit1"]["wall_s"]
    return {
        "runs": runs,
        "identical_outputs": same,
        "speedup_whole_run": round(t1 / t2, 3),
        "efficiency_whole_run": round(t1 / (2 * t2), 3),
        "speedup_scoring": round(s1 / s2, 3) if s2 > 0 else None,
        "efficiency_scoring": round(s1 / (2 * s2), 3) if s2 > 0 else None,
        "cpu_count": os.cpu_count(),
        "note": "shared machine: other jobs ran at the same time (see the load averages)",
    }


def project(data_dir: Path, gpu_tflops: dict[str, float], efficiency: float) -> None:
    """Projected hours of the full expansion (both estimators) per GPU count."""
    sys.path.insert(0, str(ROOT / "bench"))
    from project_benchmarks import RESEARCH_POSITIONS_PER_S, MosesCounter

    from xlmaudit.datasets import holistic_bias as hb

    phrases, templates = hb.load(
        {k: data_dir / "holistic_bias/v1.1" / v for k, v in hb.FILES.items()}
    )
    texts = {s.text for s in hb.sentences(phrases, templates)}
    counter = MosesCounter()
    lengths = [len(counter.words(t)) for t in texts]  # pieces without specials
    print(f"{len(texts):,} distinct sentences, {sum(lengths) / len(lengths):.1f} Moses words each")
    for f in (1.0, 1.2):  # BPE pieces per word (xlm_core.md 4: between 1.0 and 1.2)
        rows = 2 * sum(n * f for n in lengths)  # 2 estimators, one row per scored piece
        positions = 2 * sum(n * f * (n * f + 2) for n in lengths)  # row length: pieces + specials
        gflop = positions * GFLOP_PER_TOKEN + rows * GFLOP_LM_HEAD
        print(f"f = {f}: {rows / 1e6:.1f} M rows, {positions / 1e9:.2f} G token positions, "
              f"{gflop / 1e6:.1f} PFLOP")  # fmt: skip
        cpu_h = positions / RESEARCH_POSITIONS_PER_S["fp32"] / 3600
        print(f"  CPU fp32 at {RESEARCH_POSITIONS_PER_S['fp32']:g} positions/s "
              f"(xlm_core.md 2.3): {cpu_h:,.0f} h per process")  # fmt: skip
        for dtype, tflops in gpu_tflops.items():
            cells = []
            for gpus in (1, 2, 4, 8):
                eff = 1.0 if gpus == 1 else efficiency
                hours = gflop / (tflops * 1e3) / (gpus * eff) / 3600
                cells.append(f"{gpus} GPU {hours:6.2f} h")
            print(f"  {dtype} at {tflops:g} TFLOP/s sustained: " + "  ".join(cells))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, required=True)
    ap.add_argument("--limit", type=int, default=100_000, help="items (default: all)")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--project", action="store_true")
    ap.add_argument("--efficiency", type=float, default=0.95, help="data-parallel efficiency")
    args = ap.parse_args()
    if args.project:  # sustained rates: assumptions, stated in the README
        project(args.data_dir, {"bf16": 300.0, "fp32": 40.0}, args.efficiency)
        return
    result = measure(args.data_dir, args.limit)
    print(json.dumps(result, indent=1))
    if args.out:
        args.out.write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
