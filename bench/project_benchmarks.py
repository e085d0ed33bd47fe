"""Project the time of the full CrowS-Pairs and StereoSet suites on xlm-mlm-en-2048's architecture.

Counts the forward rows and token positions the shipped estimators ask for on the real data
(requests built by the probe kinds themselves, de-duplicated like the runner), tokenizing with
XLM's own pre-tokenisation (sacremoses: normalise, tokenize, lowercase) at one piece per word, then
scales by a BPE pieces-per-word factor f (rows x f, positions x f^2). Throughput: a
``xlmaudit bench scorer`` JSON when given (``--bench-json``), else the measured figures of
research/xlm_core.md section 2.3 (batch 32, logits at the mask only).

    python bench/project_benchmarks.py --data-dir ../shared/data [--bench-json B.json]
"""

from __future__ import annotations

import argparse
import json
import unicodedata
import zlib
from pathlib import Path

from sacremoses import MosesPunctNormalizer, MosesTokenizer

from xlmaudit.datasets import load_crows_pairs, load_stereoset, resolve_data_file
from xlmaudit.metrics.crows import ESTIMATORS
from xlmaudit.probes.crows import pair_items, pair_requests
from xlmaudit.probes.stereoset import cluster_items, nadeem_requests, word_l2r_requests
from xlmaudit.requests import MASK, Encoding, MaskedTokenRequest, PLLRequest, UnmaskedRequest

# research/xlm_core.md 2.3: token positions per second, batch 32, logits at the mask only
RESEARCH_POSITIONS_PER_S = {"fp32": 255.0, "bf16": 1293.0}


class MosesCounter:
    """A tokenize-only stand-in for the XLM tokenizer: one piece per Moses word."""

    fingerprint = "moses-count"

    def __init__(self) -> None:
        self.norm, self.tok = MosesPunctNormalizer(lang="en"), MosesTokenizer(lang="en")

    def words(self, text: str) -> list[str]:
        text = unicodedata.normalize("NFD", self.norm.normalize(text).lower())
        text = "".join(c for c in text if unicodedata.category(c) != "Mn")
        parts = text.split(MASK.lower())
        out: list[str] = []
        for i, part in enumerate(parts):
            out += self.tok.tokenize(part, escape=False) if part.strip() else []
            if i < len(parts) - 1:
                out.append(MASK)
        return out

    def tokenize(self, text: str) -> Encoding:
        words = self.words(text)
        ids = [0] + [14 + zlib.crc32(w.encode()) % 30000 for w in words] + [1]
        n = len(words)
        return Encoding(
            tuple(ids),
            ("<s>", *(w + "</w>" for w in words), "</s>"),
            (-1, *range(n), -1),
            (True, *([False] * n), True),
        )


def count(requests, scorer: MosesCounter) -> dict[str, float]:
    """Forward rows and token positions for de-duplicated requests."""
    rows = positions = 0
    for req in {r.key(): r for r in requests}.values():
        length = len(scorer.tokenize(req.text))
        if isinstance(req, PLLRequest):
            rows += len(req.positions)
            positions += len(req.positions) * length
        elif isinstance(req, (UnmaskedRequest, MaskedTokenRequest)):
            rows += 1
            positions += length
    return {"rows": rows, "positions": positions}


def workloads(data_dir: Path) -> dict[str, dict[str, float]]:
    """Rows and positions per probe, and per suite over the union of its probes' requests
    (the runner scores a request shared by two probes once, e.g. aul and aula)."""
    scorer = MosesCounter()
    pairs = load_crows_pairs(resolve_data_file("crows-pairs", data_dir=data_dir))
    reqs: dict[str, list] = {}
    for est in ESTIMATORS:
        items = pair_items(pairs)
        reqs[f"crows-pairs/{est}"] = [r for it in items for r in pair_requests(it, est, scorer)[0]]
    flat = resolve_data_file(("stereoset", "stereoset-flat"), data_dir=data_dir)
    clusters = cluster_items(load_stereoset(flat))
    for est, build in (("nadeem2021", nadeem_requests), ("word_l2r", word_l2r_requests)):
        reqs[f"stereoset/{est}"] = [
            r for it in clusters for _, _, s in it.sentences for r in build(it, s, scorer)[0]
        ]
    out = {k: count(v, scorer) for k, v in reqs.items()}
    for suite in ("crows-pairs", "stereoset"):
        union = [r for k, v in reqs.items() if k.startswith(suite + "/") for r in v]
        out[f"{suite} (suite)"] = count(union, scorer)
    return out


def throughput(bench_json: Path | None) -> tuple[dict[str, float], str]:
    """Token positions per second for fp32 and bf16, and where the figures come from."""
    if bench_json is None or not bench_json.is_file():
        return RESEARCH_POSITIONS_PER_S, "research/xlm_core.md 2.3 (batch 32, logits at mask)"
    b = json.loads(bench_json.read_text())
    length = b["setup"]["mean_sentence_pieces"]
    rates = {k: b[k]["batched_tokens_per_s"] * length for k in ("fp32", "bf16") if k in b}
    return rates, f"{bench_json} (rows/s x mean row length {length:.1f})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, required=True)
    ap.add_argument("--bench-json", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    work = workloads(args.data_dir)
    rates, source = throughput(args.bench_json)
    report = {"throughput_positions_per_s": rates, "throughput_source": source, "f": {}}
    for f in (1.0, 1.14, 1.2):
        rows = {
            k: {"rows": v["rows"] * f, "positions": v["positions"] * f * f} for k, v in work.items()
        }
        hours = {
            d: {k: v["positions"] / r / 3600 for k, v in rows.items()} for d, r in rates.items()
        }
        report["f"][str(f)] = {"workload": rows, "hours": hours}
        print(f"f = {f} pieces/word   throughput from {source}")
        for k, v in rows.items():
            t = "  ".join(f"{d} {hours[d][k] * 60:7.1f} min" for d in rates)
            print(f"  {k:24s} rows {v['rows']:9.0f}  positions {v['positions'] / 1e6:6.3f} M  {t}")
    if args.out:
        args.out.write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
