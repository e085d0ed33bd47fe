"""Does bfloat16 pay on this CPU? Measured, not assumed from the CPU model.

With AMX (Intel Xeon 4th generation "Sapphire Rapids" and later) oneDNN's bf16 matmuls run 5-8x
the fp32 rate (research/xlm_core.md: 2,344 vs 337 GFLOP/s). Without AMX it depends on the chip:
an Intel CPU with AVX-512-BF16 ran bf16 at half the fp32 rate (160 vs 315 GFLOP/s, issue 17),
while the AMD EPYC (AVX-512-BF16, no AMX) that later hosted the project ran it 3-4x faster
(bench scorer 2026-12-01: 390 vs 114 GFLOP/s under load). So on a CPU without AMX a short matmul
of each dtype is timed once per process and the warning is given only when bf16 is the slower.
"""

from __future__ import annotations

import time
import warnings
from functools import cache
from pathlib import Path

import torch


class SlowDtypeWarning(UserWarning):
    """The chosen dtype is slower than float32 on this device."""


def cpu_flags(cpuinfo: Path = Path("/proc/cpuinfo")) -> set[str]:
    """The CPU feature flags of the first processor in ``cpuinfo`` (empty where unreadable)."""
    try:
        text = cpuinfo.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return set()
    for line in text.splitlines():
        if line.startswith(("flags", "Features")):
            return set(line.split(":", 1)[1].split())
    return set()


def has_amx(flags: set[str] | None = None) -> bool:
    """True when the CPU has AMX bf16 tiles (``amx_bf16`` flag, or torch reports AMX)."""
    flags = cpu_flags() if flags is None else flags
    capability = str(torch.backends.cpu.get_cpu_capability())
    return "amx_bf16" in flags or "AMX" in capability.upper()


def _rate(dtype: torch.dtype, n: int, seconds: float) -> float:
    """GFLOP/s of an n x n matmul in ``dtype`` on the CPU (one warm-up, then ``seconds``)."""
    gen = torch.Generator().manual_seed(0)
    a = torch.randn(n, n, generator=gen).to(dtype)
    b = torch.randn(n, n, generator=gen).to(dtype)
    a @ b
    reps, start = 0, time.perf_counter()
    while reps < 2 or time.perf_counter() - start < seconds:
        a @ b
        reps += 1
    return 2 * n**3 * reps / (time.perf_counter() - start) / 1e9


@cache
def matmul_rates(n: int = 512, seconds: float = 0.1) -> tuple[float, float]:
    """(fp32, bf16) CPU matmul rates in GFLOP/s, measured once per process (about 0.3 s)."""
    return _rate(torch.float32, n, seconds), _rate(torch.bfloat16, n, seconds)


def bf16_warning(
    device: str, dtype: str, *, amx: bool | None = None, rates: tuple[float, float] | None = None
) -> str | None:
    """One line when bfloat16 is asked for on a CPU where it is measured slower than float32."""
    if dtype != "bfloat16" or device != "cpu":
        return None
    if has_amx() if amx is None else amx:
        return None
    fp32, bf16 = matmul_rates() if rates is None else rates
    if bf16 >= fp32:
        return None
    return (
        f"--dtype bfloat16 on this CPU (no AMX): bf16 matmuls measured {bf16:.0f} GFLOP/s "
        f"against {fp32:.0f} for float32, so float32 is faster and exact here; bf16 pays on "
        "GPUs, on AMX CPUs (Intel Xeon Sapphire Rapids and later) and on some AVX-512-BF16 CPUs"
    )


def warn_if_slow_dtype(device: str, dtype: str) -> None:
    """Issue :func:`bf16_warning` as a ``SlowDtypeWarning`` (shown on stderr by the CLI)."""
    message = bf16_warning(device, dtype)
    if message is not None:
        warnings.warn(SlowDtypeWarning(message), stacklevel=3)
