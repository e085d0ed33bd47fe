"""Scorer benchmark: the reference PLL loop against the batched core, on the real architecture.

The model is built from a ``config.json`` (the real ``xlm-mlm-en-2048`` one by default) with random
weights, so timings are faithful and scores are meaningless. The workload is CrowS-Pairs-shaped:
real CrowS sentence pairs whose words are mapped to random token ids (one id per distinct word,
sometimes two or three pieces), so lengths and the sharing of tokens within a pair follow CrowS.
"""

from __future__ import annotations

import csv
import json
import os
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from xlmaudit.errors import InputError
from xlmaudit.inference.cpu import bf16_warning, has_amx

BOS_ID, EOS_ID = 0, 1  # ``<s>`` and ``</s>`` in the XLM dictionary
FIRST_WORD_ID = 14  # ids 0..13 are XLM specials
_WORD = re.compile(r"\w+|[^\w\s]")
_PIECE_COUNTS = (1, 2, 3)
_PIECE_PROBS = (0.88, 0.10, 0.02)  # BPE pieces per word, mean 1.14 (research: 1.0-1.2)


@dataclass(frozen=True)
class Workload:
    """Token-id sentences (with ``<s>`` ... ``</s>``) and the (more, less) pairs among them."""

    sentences: tuple[tuple[int, ...], ...]
    pairs: tuple[tuple[int, int], ...]

    @property
    def scored_tokens(self) -> int:
        """Number of PLL positions: every token but ``<s>`` and ``</s>``."""
        return sum(len(s) - 2 for s in self.sentences)


def read_crows_pairs(path: Path) -> list[tuple[str, str]]:
    """(sent_more, sent_less) rows of a CrowS-Pairs csv."""
    if not path.is_file():
        raise InputError(f"{path}: CrowS-Pairs csv not found (pass --data)")
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    if not rows or not {"sent_more", "sent_less"} <= set(rows[0]):
        raise InputError(f"{path}: expected columns sent_more and sent_less")
    return [(row["sent_more"], row["sent_less"]) for row in rows]


def crows_workload(
    path: Path, *, n_sentences: int, seed: int, vocab_size: int, max_len: int = 512
) -> Workload:
    """Sample ``n_sentences // 2`` CrowS pairs and map their words to random ids."""
    if n_sentences < 2:
        raise InputError(f"--sentences {n_sentences}: need at least 2 (one pair)")
    rows = read_crows_pairs(path)
    rng = np.random.default_rng(seed)
    chosen = rng.choice(len(rows), size=min(n_sentences // 2, len(rows)), replace=False)
    lexicon: dict[str, tuple[int, ...]] = {}

    def encode(text: str) -> tuple[int, ...]:
        ids: list[int] = [BOS_ID]
        for word in _WORD.findall(text.lower()):
            if word not in lexicon:
                n = int(rng.choice(_PIECE_COUNTS, p=_PIECE_PROBS))
                lexicon[word] = tuple(int(i) for i in rng.integers(FIRST_WORD_ID, vocab_size, n))
            ids.extend(lexicon[word])
        return tuple([*ids[: max_len - 1], EOS_ID])

    sentences: list[tuple[int, ...]] = []
    pairs: list[tuple[int, int]] = []
    for index in chosen:
        more, less = rows[int(index)]
        sentences += [encode(more), encode(less)]
        pairs.append((len(sentences) - 2, len(sentences) - 1))
    return Workload(tuple(sentences), tuple(pairs))


def build_random_xlm(config_path: Path, *, layers: int | None, seed: int) -> torch.nn.Module:
    """``XLMWithLMHeadModel`` from ``config_path`` with random weights, ``eval()`` mode; its config
    carries the random-weights marker (``LoadedModel.random_weights``)."""
    from transformers import XLMConfig, XLMWithLMHeadModel

    from xlmaudit.inference.loader import RANDOM_MARKER

    if not config_path.is_file():
        raise InputError(f"{config_path}: model config not found (pass --config)")
    config = XLMConfig.from_dict(json.loads(config_path.read_text(encoding="utf-8")))
    if layers is not None:
        if not 1 <= layers <= config.n_layers:
            raise InputError(f"--layers {layers}: must be between 1 and {config.n_layers}")
        config.n_layers = layers
    setattr(config, RANDOM_MARKER, True)
    torch.manual_seed(seed)
    return XLMWithLMHeadModel(config).eval()


def naive_pll(model: torch.nn.Module, sentences: Sequence[Sequence[int]], *, mask_id: int):
    """Reference approach: one masked copy per forward at batch 1, full logits (CrowS metric.py)."""
    results = []
    with torch.inference_mode():
        for ids in sentences:
            base = torch.tensor([list(ids)])
            scores = np.empty(len(ids) - 2)
            for pos in range(1, len(ids) - 1):
                masked = base.clone()
                masked[0, pos] = mask_id
                logits = model(masked).logits[0, pos]
                scores[pos - 1] = torch.log_softmax(logits.float(), dim=-1)[ids[pos]].item()
            results.append(scores)
    return results


def model_flops(
    lengths: Sequence[int], *, width: int, layers: int, vocab: int, head_positions: int
) -> float:
    """Multiply-add x2 FLOPs of the encoder over sequences of ``lengths`` plus the LM head.

    Per layer and sequence of L tokens: 2L(4d^2 + 2 d 4d) for the projections and feed-forward,
    4 L^2 d for attention scores and mixing; the head costs 2 d V per position that gets logits.
    """
    per_layer = sum(2 * n * 12 * width**2 + 4 * n * n * width for n in lengths)
    return float(layers * per_layer + 2 * width * vocab * head_positions)


def matmul_flops_per_s(
    dtype: torch.dtype, *, width: int, rows: Sequence[int] = (1024, 2048), seconds: float = 2.0
) -> float:
    """Best FLOP/s of torch.matmul over the model's shapes: one layer's d x d, d x 4d, 4d x d."""
    shapes = [(width, width)] * 4 + [(width, 4 * width), (4 * width, width)]
    best = 0.0
    for m in rows:
        pairs = [
            (torch.randn(m, k, dtype=dtype), torch.randn(k, n, dtype=dtype)) for k, n in shapes
        ]
        flops = sum(2 * m * k * n for k, n in shapes)
        for a, b in pairs:  # warm-up
            torch.matmul(a, b)
        reps, start = 0, time.perf_counter()
        while time.perf_counter() - start < seconds:
            for a, b in pairs:
                torch.matmul(a, b)
            reps += 1
        best = max(best, reps * flops / (time.perf_counter() - start))
    return best


def timed(fn: Callable[[], object]) -> tuple[object, float]:
    """(result, seconds) of one call."""
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def decision_agreement(
    reference: Sequence[np.ndarray], other: Sequence[np.ndarray], pairs: Sequence[tuple[int, int]]
) -> float:
    """Share of pairs whose PLL-sum ordering (more > less, equal, less > more) ``other`` keeps."""

    def sign(scores: Sequence[np.ndarray], i: int, j: int) -> float:
        return float(np.sign(scores[i].sum() - scores[j].sum()))

    same = [sign(reference, i, j) == sign(other, i, j) for i, j in pairs]
    return float(np.mean(same))


def max_abs_diff(a: Sequence[np.ndarray], b: Sequence[np.ndarray]) -> float:
    """Largest per-token |a - b| over all sentences."""
    return float(max(np.max(np.abs(x - y)) for x, y in zip(a, b, strict=True)))


def batched_pll(
    model: torch.nn.Module,
    sentences: Sequence[Sequence[int]],
    *,
    mask_id: int,
    pad_id: int,
    batch_tokens: int,
) -> list[np.ndarray]:
    """The batched core: every masked copy of every sentence through ``kernel.run_rows``."""
    from xlmaudit.inference.kernel import Row, run_rows

    rows = []
    for ids in sentences:
        for pos in range(1, len(ids) - 1):
            masked = (*ids[:pos], mask_id, *ids[pos + 1 :])
            rows.append(Row(masked, (pos,), (ids[pos],)))
    results = iter(run_rows(model, rows, pad_id=pad_id, batch_tokens=batch_tokens))
    return [np.array([next(results).logprobs[0] for _ in ids[1:-1]]) for ids in sentences]


@dataclass(frozen=True)
class BenchOptions:
    """Inputs of one scorer benchmark run."""

    config: Path
    data: Path
    layers: int | None = None
    sentences: int = 32
    seed: int = 0
    batch_tokens: int | None = None  # None: the core's default (ModelScorer)
    matmul_seconds: float = 2.0


def core_batch_tokens() -> int:
    """The token budget ``ModelScorer`` uses by default on the CPU (what users get)."""
    from xlmaudit.inference.kernel import default_batch_tokens

    return default_batch_tokens("cpu")


def _say(message: str) -> None:
    print(f"[bench] {message}", flush=True)


def run_scorer_bench(options: BenchOptions, *, log: Callable[[str], None] = _say) -> dict:
    """Time the reference loop, the batched core in fp32 and in bf16; return the JSON record."""
    model = build_random_xlm(options.config, layers=options.layers, seed=options.seed)
    cfg = model.config
    mask_id = int(cfg.mask_index)  # <special1> = 5; config.mask_token_id (0) is <s>
    work = crows_workload(
        options.data, n_sentences=options.sentences, seed=options.seed, vocab_size=cfg.vocab_size
    )
    log(f"{cfg.n_layers} layers, {len(work.sentences)} sentences, {work.scored_tokens} tokens")
    budget = options.batch_tokens or core_batch_tokens()
    batched = _batched_runner(budget, mask_id=mask_id, pad_id=int(cfg.pad_index))
    rates, seconds, load = {}, {}, [os.getloadavg()[0]]
    naive_pll(model, work.sentences[:1], mask_id=mask_id)  # warm-up
    naive, seconds["naive"] = timed(lambda: naive_pll(model, work.sentences, mask_id=mask_id))
    for name, dtype in (("fp32", torch.float32), ("bf16", torch.bfloat16)):
        model.to(dtype)  # measured right before its run: a shared CPU drifts
        rates[name] = matmul_flops_per_s(dtype, width=cfg.emb_dim, seconds=options.matmul_seconds)
        batched(model, work.sentences[:2])  # warm-up (oneDNN primitives for bf16)
        scores, seconds[name] = timed(lambda: batched(model, work.sentences))
        if name == "fp32":
            fp32 = scores
        log(f"{name}: matmul {rates[name] / 1e9:.0f} GFLOP/s, batched {seconds[name]:.1f} s")
    log(f"naive fp32: {seconds['naive']:.1f} s")
    slow = bf16_warning("cpu", "bfloat16")
    if slow:
        log(slow)
    load.append(os.getloadavg()[0])
    flops = workload_flops(work, cfg)
    return {
        "fp32": {
            "naive_tokens_per_s": work.scored_tokens / seconds["naive"],
            "batched_tokens_per_s": work.scored_tokens / seconds["fp32"],
            "speedup": seconds["naive"] / seconds["fp32"],
            "max_abs_diff": max_abs_diff(naive, fp32),
            "ceiling_fraction": flops["batched"] / seconds["fp32"] / rates["fp32"],
            "naive_ceiling_fraction": flops["naive"] / seconds["naive"] / rates["fp32"],
        },
        "bf16": {
            "batched_tokens_per_s": work.scored_tokens / seconds["bf16"],
            "speedup": seconds["naive"] / seconds["bf16"],
            "max_abs_diff": max_abs_diff(fp32, scores),
            "decision_agreement": decision_agreement(fp32, scores, work.pairs),
            "ceiling_fraction_vs_bf16_matmul": flops["batched"] / seconds["bf16"] / rates["bf16"],
            "bf16_matmul_over_fp32_matmul": rates["bf16"] / rates["fp32"],
            "cpu_has_amx": has_amx(),  # without AMX, bf16 may be slower or faster: see the rates
        },
        "setup": {
            **_setup_record(options, work, cfg, budget=budget, flops=flops, rates=rates),
            "loadavg_1m_start_end": load,  # other processes on the CPU contaminate timings
        },
    }


def workload_flops(work: Workload, cfg) -> dict[str, float]:
    """FLOPs of the reference loop (head at every position) and the core (head at the mask)."""
    rows = [len(s) for s in work.sentences for _ in range(len(s) - 2)]  # one copy per token
    dims = {"width": cfg.emb_dim, "layers": cfg.n_layers, "vocab": cfg.vocab_size}
    return {
        "naive": model_flops(rows, **dims, head_positions=sum(rows)),
        "batched": model_flops(rows, **dims, head_positions=len(rows)),
    }


def _setup_record(options: BenchOptions, work: Workload, cfg, *, budget: int, flops, rates) -> dict:
    """The extra keys: what was run, on what, and the FLOP accounting."""
    rows = work.scored_tokens
    return {
        "units": "tokens_per_s = PLL-scored tokens per second (one masked row per token)",
        "layers": cfg.n_layers,
        "width": cfg.emb_dim,
        "sentences": len(work.sentences),
        "pairs": len(work.pairs),
        "scored_tokens": work.scored_tokens,
        "mean_sentence_pieces": float(np.mean([len(s) for s in work.sentences])),
        "gflop_per_scored_token": {k: v / rows / 1e9 for k, v in flops.items()},
        "matmul_gflop_per_s": {k: v / 1e9 for k, v in rates.items()},
        "batch_tokens": budget,
        "seed": options.seed,
        "torch": torch.__version__,
        "torch_threads": torch.get_num_threads(),
        "machine": _machine(),
    }


def _machine() -> str:
    """CPU model name and logical CPU count (from /proc/cpuinfo where it exists)."""
    import platform

    name = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                name = line.split(":", 1)[1].strip()
                break
    return f"{name}, {os.cpu_count()} logical CPUs"


def _batched_runner(batch_tokens: int, *, mask_id: int, pad_id: int):
    """The batched core as a function of (model, sentences) -> per-sentence log-probs."""

    def run(model, sentences):
        return batched_pll(
            model, sentences, mask_id=mask_id, pad_id=pad_id, batch_tokens=batch_tokens
        )

    return run
