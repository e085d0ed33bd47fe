"""Does bfloat16 pay on this CPU? Only with AMX (Intel Xeon 4th generation "Sapphire Rapids" and
later): there oneDNN's bf16 matmuls run 5-8x the fp32 rate (research/xlm_core.md: 2,344 vs 337
GFLOP/s). Without AMX, bf16 is emulated or uses AVX-512-BF16 dot products and runs at or below
the fp32 rate (the idle development CPU, AVX-512-BF16 without AMX: 160 vs 315 GFLOP/s, issue 17).
"""

from __future__ import annotations

import warnings
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


def bf16_warning(device: str, dtype: str, *, amx: bool | None = None) -> str | None:
    """One line when bfloat16 is asked for on a CPU without AMX, else None."""
    if dtype != "bfloat16" or device != "cpu":
        return None
    if has_amx() if amx is None else amx:
        return None
    return (
        "--dtype bfloat16 on a CPU without AMX (no amx_bf16 flag): bf16 matmuls run at "
        "or below the float32 rate here, so float32 is faster and exact; bf16 pays on GPUs and "
        "on AMX CPUs (Intel Xeon Sapphire Rapids and later)"
    )


def warn_if_slow_dtype(device: str, dtype: str) -> None:
    """Issue :func:`bf16_warning` as a ``SlowDtypeWarning`` (shown on stderr by the CLI)."""
    message = bf16_warning(device, dtype)
    if message is not None:
        warnings.warn(SlowDtypeWarning(message), stacklevel=3)
