"""Project the time of the full winobias suite (cloze + pll) on xlm-mlm-en-2048's architecture.

Counts the forward rows and token positions the two probes ask for on the real WinoBias files
(requests built by the probe kind itself, de-duplicated as the runner does), with the Moses
one-piece-per-word counter of ``bench/project_benchmarks.py`` scaled by a BPE factor f
(rows x f for PLL, positions x f^2). A cloze item is one forward row: its five candidates are
single XLM pieces, so their masked rows are identical and run once. Throughput: research/
xlm_core.md 2.3 (token positions per second, batch 32, logits at the mask only).

    PYTHONPATH=. python bench/project_winobias.py --data-dir ../shared/data
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from project_benchmarks import RESEARCH_POSITIONS_PER_S, MosesCounter  # noqa: E402

from xlmaudit.datasets import winobias as wb  # noqa: E402
from xlmaudit.probes import RunContext  # noqa: E402
from xlmaudit.probes.winobias import cloze_requests, data_files, pair_items, pll_requests  # noqa: E402
from xlmaudit.requests import MaskedWordRequest, PLLRequest  # noqa: E402


def workload(data_dir: Path) -> dict[str, dict[str, int]]:
    """Rows and positions per probe for the whole data (both types, both splits)."""
    scorer = MosesCounter()
    files = data_files(None, RunContext(data_dir=data_dir), wb.TYPES, wb.SPLITS)
    items = pair_items(wb.load_winobias(files))
    out = {}
    for probe, build in (
        ("cloze", lambda it: cloze_requests(it)),
        ("pll", lambda it: pll_requests(it, "word_l2r", scorer)[0]),
    ):
        reqs = {r.key(): r for it in items for r in build(it)}
        rows = positions = 0
        for req in reqs.values():
            length = len(scorer.tokenize(req.text))
            if isinstance(req, PLLRequest):
                rows += len(req.positions)
                positions += len(req.positions) * length
            elif isinstance(req, MaskedWordRequest):
                rows += 1
                positions += length
        out[probe] = {
            "items": len(items),
            "requests": len(reqs),
            "rows": rows,
            "positions": positions,
        }
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, required=True)
    args = ap.parse_args()
    work = workload(args.data_dir)
    for f in (1.0, 1.14, 1.2):
        print(
            f"f = {f} pieces/word; throughput research/xlm_core.md 2.3 {RESEARCH_POSITIONS_PER_S}"
        )
        for probe, w in work.items():
            scale = f if probe == "pll" else 1.0
            rows, pos = w["rows"] * scale, w["positions"] * f * scale
            mins = "  ".join(
                f"{d} {pos / r / 60:6.1f} min" for d, r in RESEARCH_POSITIONS_PER_S.items()
            )
            print(f"  {probe:6s} requests {w['requests']:5d}  rows {rows:8.0f}  "
                  f"positions {pos / 1e6:6.3f} M  {mins}")  # fmt: skip


if __name__ == "__main__":
    main()
