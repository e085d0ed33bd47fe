"""bf16 on CPUs without AMX: detection from the CPU flags and the warning at load time."""

from __future__ import annotations

from pathlib import Path

import pytest

from xlmaudit.inference import cpu


def test_cpu_flags_and_amx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    info = tmp_path / "cpuinfo"
    info.write_text("processor\t: 0\nflags\t\t: fpu avx512f amx_bf16 amx_tile\n", encoding="utf-8")
    assert cpu.cpu_flags(info) == {"fpu", "avx512f", "amx_bf16", "amx_tile"}
    assert cpu.cpu_flags(tmp_path / "missing") == set()
    monkeypatch.setattr(cpu.torch.backends.cpu, "get_cpu_capability", lambda: "AVX512")
    assert cpu.has_amx({"avx512f", "amx_bf16"})
    assert not cpu.has_amx({"avx512f", "avx512_bf16"})  # AVX-512-BF16 alone is not AMX


def test_bf16_warning_only_where_bf16_is_measured_slower() -> None:
    slow, fast = (315.0, 160.0), (114.0, 390.0)  # (fp32, bf16) GFLOP/s: an Intel and an AMD CPU
    assert cpu.bf16_warning("cpu", "float32", amx=False, rates=slow) is None
    assert cpu.bf16_warning("cuda", "bfloat16", amx=False, rates=slow) is None
    assert cpu.bf16_warning("cpu", "bfloat16", amx=True, rates=slow) is None
    assert cpu.bf16_warning("cpu", "bfloat16", amx=False, rates=fast) is None
    message = cpu.bf16_warning("cpu", "bfloat16", amx=False, rates=slow)
    assert message is not None and "float32 is faster" in message
    assert "160 GFLOP/s against 315" in message


def test_matmul_rates_are_measured_once() -> None:
    cpu.matmul_rates.cache_clear()
    first = cpu.matmul_rates(64, 0.01)
    assert all(r > 0 for r in first) and cpu.matmul_rates(64, 0.01) is first


def test_load_model_warns(monkeypatch: pytest.MonkeyPatch) -> None:
    from xlmaudit.inference import load_model
    from xlmaudit.testing import tiny_model_dir

    monkeypatch.setattr(cpu, "has_amx", lambda flags=None: False)
    monkeypatch.setattr(cpu, "matmul_rates", lambda: (315.0, 160.0))
    with pytest.warns(cpu.SlowDtypeWarning, match="float32 is faster"):
        load_model(str(tiny_model_dir("xlm")), device="cpu", dtype="bfloat16")
    monkeypatch.setattr(cpu, "has_amx", lambda flags=None: True)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error", cpu.SlowDtypeWarning)
        load_model(str(tiny_model_dir("xlm")), device="cpu", dtype="bfloat16")
