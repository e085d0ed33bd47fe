"""`xlmaudit bench crows --short` (the GPU check's CPU mode, run in CI): the JSON contract, the
forward meter's counts, and bf16-vs-fp32 agreement per estimator."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch

from xlmaudit.bench.crows import meter_forward
from xlmaudit.cli import main
from xlmaudit.testing import tiny_model_dir

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
TINY = {
    "architectures": ["XLMWithLMHeadModel"],
    "model_type": "xlm",
    "emb_dim": 32,
    "n_layers": 2,
    "n_heads": 4,
    "vocab_size": 900,
    "max_position_embeddings": 256,
    "n_langs": 1,
    "mask_index": 5,
    "pad_index": 2,
    "pad_token_id": 2,
}


@pytest.mark.slow
def test_short_mode_runs_full_pipeline_fp32_and_bf16(tmp_path: Path) -> None:
    config = tmp_path / "config.json"
    config.write_text(json.dumps(TINY), encoding="utf-8")
    out = tmp_path / "bench.json"
    argv = ["bench", "crows", "--short", "--device", "cpu", "--config", str(config)]
    argv += ["--data-dir", str(DATA), "--limit", "4", "--no-report", "--json", str(out)]
    assert main(argv) == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    assert set(record["runs"]) == {"fp32", "bf16"}
    for run in record["runs"].values():
        assert 0 < run["forward_s"] < run["full_benchmark_s"]
        assert run["host_share"] == pytest.approx(1 - run["forward_s"] / run["full_benchmark_s"])
        assert run["tokens"] > 0 and run["forward_calls"] > 0 and run["matmul_gflop_per_s"] > 0
    agree = record["decision_agreement_bf16_vs_fp32"]
    assert set(agree) == {"nangia2020", "meade2022", "aul", "aula", "word_l2r"}
    assert all(0.0 <= v <= 1.0 for v in agree.values())
    setup = record["setup"]
    assert setup["pairs"] == 4 and setup["layers"] == 2 and setup["device"] == "cpu"
    assert len(setup["loadavg_1m_start_end"]) == 2


def test_meter_counts_tokens_calls_and_flops() -> None:
    from xlmaudit.inference import load_model

    loaded = load_model(str(tiny_model_dir("xlm")), device="cpu")
    model, cfg = loaded.model, loaded.model.config
    ids = torch.tensor([[0, 20, 5, 30, 1], [0, 21, 5, 1, 2]])
    mask = torch.tensor([[1, 1, 1, 1, 1], [1, 1, 1, 1, 0]])
    keep = torch.zeros_like(mask, dtype=torch.bool)
    keep[:, 2] = True
    with torch.inference_mode(), meter_forward(model, "cpu") as meter:
        model(input_ids=ids, attention_mask=mask, logits_to_keep=keep)
    d, layers, vocab = cfg.emb_dim, cfg.n_layers, cfg.vocab_size
    # 5 + 4 real tokens; per layer 2L(12 d^2) + 4 L^2 d; head 2 d V at the 2 kept positions
    expected = layers * sum(24 * n * d * d + 4 * n * n * d for n in (5, 4)) + 2 * 2 * d * vocab
    assert (meter.calls, meter.tokens) == (1, 9)
    assert meter.flops == pytest.approx(expected)
    assert meter.seconds > 0
