"""Time the template battery (template suites in probes/): real architecture, random weights.

Usage: python bench/suite_battery.py [--layers 2] [--limit 20] [--json out.json] [--project-only]

Builds ``XLMWithLMHeadModel`` from the reference ``config.json`` (``--layers`` keeps the width and
cuts the depth, as the core benchmark does) with random weights, gives it an XLM-format tokenizer
(the planted model's when it exists, else the tiny test tokenizer: the real 95k-piece vocabulary
is not available offline, so words split into more pieces than with the real tokenizer; the record
reports tokens per item so the figure can be rescaled), and runs the battery through the pooled
runner with ``ModelScorer`` (no cache) in float32 and bfloat16. Scores are meaningless; only the
time is measured. Reports seconds per 1,000 items, forward rows and tokens. It also projects the
full battery on the full 12-layer ``xlm-mlm-en-2048`` from counted token positions and the
throughput measured in research/xlm_core.md (see ``project``).
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

from xlmaudit.bench.scorer import build_random_xlm
from xlmaudit.commands.bench import DEFAULT_CONFIG
from xlmaudit.inference import ModelScorer, load_model
from xlmaudit.probes import RunContext, get_kind
from xlmaudit.runner import run_suites
from xlmaudit.suites import load_suite, shipped_suites

TOKENIZER_FILES = ("vocab.json", "merges.txt", "tokenizer_config.json", "special_tokens_map.json")


def tokenizer_source() -> Path:
    from xlmaudit.planted import MODEL_DIR

    if (MODEL_DIR / "vocab.json").is_file():
        return MODEL_DIR
    from xlmaudit.testing import tiny_model_dir

    return tiny_model_dir("xlm")


def build_dir(layers: int | None, out: Path) -> Path:
    """Random-weight model of the reference architecture plus an XLM-format tokenizer in ``out``."""
    model = build_random_xlm(DEFAULT_CONFIG, layers=layers, seed=0)
    model.save_pretrained(out, safe_serialization=True)
    src = tokenizer_source()
    for name in TOKENIZER_FILES:
        if (src / name).is_file():
            shutil.copy(src / name, out / name)
    return out


def template_suites() -> list:
    suites = [load_suite(p) for p in shipped_suites()]
    return [s for s in suites if all(get_kind(p.kind).uses_templates for p in s.probes)]


def time_battery(model_dir: Path, dtype: str, *, limit: int | None, batch_tokens: int) -> dict:
    loaded = load_model(str(model_dir), device="cpu", dtype=dtype)
    scorer = ModelScorer(loaded, batch_tokens=batch_tokens, progress=False)
    suites = template_suites()
    start = time.perf_counter()
    results = run_suites(suites, scorer, ctx=RunContext(limit=limit))
    seconds = time.perf_counter() - start
    items = sum(p["items"] for r in results for p in r.meta["probes"].values())
    return {
        "dtype": dtype,
        "suites": [s.name for s in suites],
        "items": items,
        "distinct_requests": results[0].meta["distinct_requests_in_run"],
        "forward_rows": scorer.stats["rows"],
        "seconds": round(seconds, 2),
        "seconds_per_1000_items": round(1000 * seconds / items, 1),
    }


def project(*, f: float = 1.14) -> dict:
    """Full battery (no limit) on xlm-mlm-en-2048: forward rows and token positions counted with a
    one-piece-per-Moses-word tokenizer (scaled by ``f`` pieces per word, as
    bench/project_benchmarks.py does), divided by the measured 12-layer throughput."""
    from project_benchmarks import RESEARCH_POSITIONS_PER_S, MosesCounter

    from xlmaudit.requests import MaskedWordRequest, PLLRequest
    from xlmaudit.runner import prepare

    counter = MosesCounter()
    work = prepare(template_suites(), counter, RunContext())
    unique = {r.key(): r for p in work for reqs in p.requests for r in reqs}
    rows = positions = 0
    for req in unique.values():
        length = len(counter.tokenize(req.text.replace("[MASK]", "mask")))
        if isinstance(req, MaskedWordRequest):
            n = len(req.candidates)
        elif isinstance(req, PLLRequest):
            n = len(req.positions) if req.positions is not None else length - 2
        else:
            raise TypeError(type(req).__name__)
        rows, positions = rows + n, positions + n * length
    items = sum(len(p.items) for p in work)
    per_item = positions * f * f / items
    return {
        "items": items,
        "distinct_requests": len(unique),
        "rows": round(rows * f),
        "positions": round(positions * f * f),
        "pieces_per_word": f,
        "throughput_source": "research/xlm_core.md 2.3 (12 layers, batch 32, logits at mask)",
        "minutes_per_1000_items": {
            d: round(1000 * per_item / rate / 60, 1) for d, rate in RESEARCH_POSITIONS_PER_S.items()
        },
        "minutes_full_battery": {
            d: round(positions * f * f / rate / 60, 1)
            for d, rate in RESEARCH_POSITIONS_PER_S.items()
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layers", type=int, default=2, help="keep the width, use N layers")
    parser.add_argument("--limit", type=int, default=20, help="first N items per probe")
    parser.add_argument("--batch-tokens", type=int, default=4096)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--project-only", action="store_true", help="only count and project")
    args = parser.parse_args()
    projection = project()
    print(json.dumps({"projection_xlm_mlm_en_2048": projection}, indent=2))
    if args.project_only:
        return
    with tempfile.TemporaryDirectory(prefix="xlmaudit-battery-") as tmp:
        model_dir = build_dir(args.layers, Path(tmp))
        records = [
            time_battery(model_dir, dtype, limit=args.limit, batch_tokens=args.batch_tokens)
            for dtype in ("float32", "bfloat16")
        ]
    record = {
        "layers": args.layers,
        "limit": args.limit,
        "batch_tokens": args.batch_tokens,
        "tokenizer": str(tokenizer_source()),
        "runs": records,
        "projection_xlm_mlm_en_2048": projection,
    }
    text = json.dumps(record, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
