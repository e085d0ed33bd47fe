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


def test_bf16_warning_only_for_bf16_on_cpus_without_amx() -> None:
    assert cpu.bf16_warning("cpu", "float32", amx=False) is None
    assert cpu.bf16_warning("cuda", "bfloat16", amx=False) is None
    assert cpu.bf16_warning("cpu", "bfloat16", amx=True) is None
    message = cpu.bf16_warning("cpu", "bfloat16", amx=False)
    assert message is not None and "float32 is faster" in message and "AMX" in message


def test_load_model_warns(monkeypatch: pytest.MonkeyPatch) -> None:
    from xlmaudit.inference import load_model
    from xlmaudit.testing import tiny_model_dir

    monkeypatch.setattr(cpu, "has_amx", lambda flags=None: False)
    with pytest.warns(cpu.SlowDtypeWarning, match="without AMX"):
        load_model(str(tiny_model_dir("xlm")), device="cpu", dtype="bfloat16")
    monkeypatch.setattr(cpu, "has_amx", lambda flags=None: True)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error", cpu.SlowDtypeWarning)
        load_model(str(tiny_model_dir("xlm")), device="cpu", dtype="bfloat16")
