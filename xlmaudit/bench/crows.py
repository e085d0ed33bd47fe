"""Torch side of ``xlmaudit bench crows``: the real architecture with random weights as a
``LoadedModel``, a meter of the time spent inside the model's forward, and the device's matmul
rate. The full-benchmark orchestration (suite run, cache, files, report) is in
``xlmaudit.commands._bench_crows``; the share of wall time outside the forward is the host overhead.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import torch

from xlmaudit.bench.scorer import build_random_xlm, model_flops
from xlmaudit.inference.loader import LoadedModel, load_model

DTYPES = {"float32": torch.float32, "bfloat16": torch.bfloat16}


def resolve_bench_device(device: str) -> str:
    """``auto`` -> cuda when available, else cpu."""
    if device == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    return device


def random_real_model(
    config: Path, *, layers: int | None, seed: int, device: str, tokenizer_dir: Path
) -> LoadedModel:
    """The architecture of ``config`` with random weights (float32) and the XLM-format tokenizer
    of ``tokenizer_dir`` (the real vocabulary is not available offline)."""
    model = build_random_xlm(config, layers=layers, seed=seed).to(device)
    tokenizer = load_model(str(tokenizer_dir), device="cpu").tokenizer
    return LoadedModel(
        model=model,
        tokenizer=tokenizer,
        mask_id=int(tokenizer.mask_token_id),
        fingerprint=f"random-{config.name}-{model.config.n_layers}-seed{seed}",
        name=f"random {model.config.n_layers}-layer {config.parent.name}",
        device=device,
        dtype="float32",
        is_xlm=True,
        max_positions=int(model.config.max_position_embeddings),
        source=str(config.parent),
    )


def with_dtype(loaded: LoadedModel, dtype: str) -> LoadedModel:
    """``loaded`` with its model converted in place to ``dtype`` (its cache key changes too)."""
    loaded.model.to(DTYPES[dtype])
    return replace(loaded, dtype=dtype)


def _sync(device: str) -> None:
    if device.startswith("cuda"):
        torch.cuda.synchronize()


@dataclass
class ForwardMeter:
    """Seconds inside the model's forward, calls, token positions (attention mask) and FLOPs
    (``bench.model_flops``: encoder plus the head at every position that gets logits).

    On CUDA the seconds come from events recorded at the forward's start and end (no host
    synchronisation, so the kernel's overlap of host work and device compute is kept): the device
    time between them. On the CPU from ``time.perf_counter``."""

    device: str
    seconds: float = 0.0
    calls: int = 0
    tokens: int = 0
    flops: float = 0.0
    _start: list[Any] = field(default_factory=list)
    _events: list[tuple[Any, Any]] = field(default_factory=list)

    def _now(self) -> Any:
        if self.device.startswith("cuda"):
            event = torch.cuda.Event(enable_timing=True)
            event.record()
            return event
        return time.perf_counter()

    def begin(self) -> None:
        self._start.append(self._now())

    def end(self) -> None:
        start, stop = self._start.pop(), self._now()
        if self.device.startswith("cuda"):
            self._events.append((start, stop))
        else:
            self.seconds += stop - start

    def settle(self) -> None:
        """Add up the CUDA event pairs (waits for the device once)."""
        if self._events:
            torch.cuda.synchronize()
            self.seconds += sum(a.elapsed_time(b) for a, b in self._events) / 1e3
            self._events.clear()


@contextmanager
def meter_forward(model: Any, device: str) -> Iterator[ForwardMeter]:
    """Count what every top-level forward of ``model`` costs inside the block."""
    meter = ForwardMeter(device)
    cfg = model.config
    pending: list[tuple[torch.Tensor, int]] = []

    def pre(_module: Any, args: tuple, kwargs: dict) -> None:
        meter.begin()

    def post(_module: Any, args: tuple, kwargs: dict, output: Any) -> None:
        meter.end()
        meter.calls += 1
        ids, mask = kwargs.get("input_ids", args[0] if args else None), kwargs.get("attention_mask")
        lengths = torch.full((len(ids),), ids.shape[1]) if mask is None else mask.sum(1)
        # kept on the device until the block ends: reading it now would wait for the GPU
        pending.append((lengths, output.logits.numel() // output.logits.shape[-1]))

    handles = [
        model.register_forward_pre_hook(pre, with_kwargs=True),
        model.register_forward_hook(post, with_kwargs=True),
    ]
    try:
        yield meter
    finally:
        for handle in handles:
            handle.remove()
        meter.settle()
        dims = {"width": cfg.emb_dim, "layers": cfg.n_layers, "vocab": cfg.vocab_size}
        for lengths, rows in pending:
            counts = lengths.tolist()
            meter.tokens += int(sum(counts))
            meter.flops += model_flops(counts, **dims, head_positions=rows)


def device_matmul_rate(dtype: str, *, width: int, device: str, seconds: float) -> float:
    """Best FLOP/s of ``torch.matmul`` on ``device`` over one layer's shapes (as ``bench``)."""
    shapes = [(width, width)] * 4 + [(width, 4 * width), (4 * width, width)]
    best = 0.0
    for m in (1024, 2048, 4096) if device != "cpu" else (1024, 2048):
        pairs = [
            (
                torch.randn(m, k, dtype=DTYPES[dtype], device=device),
                torch.randn(k, n, dtype=DTYPES[dtype], device=device),
            )
            for k, n in shapes
        ]
        flops = sum(2 * m * k * n for k, n in shapes)
        for a, b in pairs:
            torch.matmul(a, b)
        _sync(device)
        reps, start = 0, time.perf_counter()
        while time.perf_counter() - start < seconds:
            for a, b in pairs:
                torch.matmul(a, b)
            _sync(device)
            reps += 1
        best = max(best, reps * flops / (time.perf_counter() - start))
    return best


def device_name(device: str) -> str:
    """The GPU's name, or the CPU's (``bench._machine``)."""
    if device.startswith("cuda"):
        return torch.cuda.get_device_name(torch.device(device))
    from xlmaudit.bench.scorer import _machine

    return _machine()


def torch_threads() -> int:
    return torch.get_num_threads()
