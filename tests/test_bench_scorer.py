"""`xlmaudit bench scorer` on a tiny config: JSON contract, equal fp32 paths, FLOP count."""

from __future__ import annotations

import json
from difflib import SequenceMatcher
from pathlib import Path

import numpy as np
import pytest

from xlmaudit.cli import main
from xlmaudit.errors import InputError

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
CROWS = DATA / "crows_pairs" / "crows_pairs_anonymized.csv"
TINY_CONFIG = {
    "architectures": ["XLMWithLMHeadModel"],
    "model_type": "xlm",
    "emb_dim": 32,
    "n_layers": 2,
    "n_heads": 4,
    "vocab_size": 120,
    "max_position_embeddings": 128,
    "n_langs": 1,
    "mask_index": 5,
    "pad_index": 2,
    "pad_token_id": 2,
}


@pytest.fixture()
def tiny_config(tmp_path: Path) -> Path:
    path = tmp_path / "config.json"
    path.write_text(json.dumps(TINY_CONFIG), encoding="utf-8")
    return path


def _run(config: Path, out: Path, *extra: str) -> dict:
    argv = ["bench", "scorer", "--config", str(config), "--data", str(CROWS), "--json", str(out)]
    assert main([*argv, "--sentences", "4", "--matmul-seconds", "0.01", *extra]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def test_bench_scorer_json_has_the_contract_keys_and_equal_fp32_paths(tiny_config, tmp_path):
    record = _run(tiny_config, tmp_path / "bench.json", "--layers", "1", "--batch-tokens", "256")
    assert set(record["fp32"]) >= {
        "naive_tokens_per_s",
        "batched_tokens_per_s",
        "speedup",
        "max_abs_diff",
        "ceiling_fraction",
    }
    assert set(record["bf16"]) >= {
        "batched_tokens_per_s",
        "speedup",
        "max_abs_diff",
        "decision_agreement",
    }
    assert record["fp32"]["max_abs_diff"] < 1e-5  # batched fp32 == one copy per forward
    assert 0.0 < record["bf16"]["max_abs_diff"] < 0.5  # bf16 differs, but not wildly
    assert 0.0 <= record["bf16"]["decision_agreement"] <= 1.0
    rates = record["setup"]["matmul_gflop_per_s"]  # bf16 judged against the bf16 matmul rate
    assert record["bf16"]["bf16_matmul_over_fp32_matmul"] == pytest.approx(
        rates["bf16"] / rates["fp32"]
    )
    assert isinstance(record["bf16"]["cpu_has_amx"], bool)
    assert record["setup"]["layers"] == 1 and record["setup"]["width"] == 32
    assert record["setup"]["sentences"] == 4 and record["setup"]["pairs"] == 2
    ratio = record["fp32"]["batched_tokens_per_s"] / record["fp32"]["naive_tokens_per_s"]
    assert ratio == pytest.approx(record["fp32"]["speedup"])


def test_model_flops_matches_hand_count():
    from xlmaudit.bench.scorer import model_flops

    # d=2, 1 layer, one sequence of 3 tokens: 2*3*12*4 + 4*9*2 = 288 + 72; head 2*2*10 per position
    assert model_flops([3], width=2, layers=1, vocab=10, head_positions=1) == 360 + 40
    assert model_flops([3, 3], width=2, layers=2, vocab=10, head_positions=6) == 2 * 720 + 240


def test_decision_agreement_counts_pairs_whose_ordering_is_kept():
    from xlmaudit.bench.scorer import decision_agreement

    ref = [np.array([-1.0, -2.0]), np.array([-4.0]), np.array([-1.0]), np.array([-2.0])]
    other = [np.array([-1.0, -2.0]), np.array([-2.0]), np.array([-1.0]), np.array([-0.5])]
    # pair (0,1): -3 > -4 in ref but -3 < -2 in other; pair (2,3): -1 > -2 but -1 < -0.5
    assert decision_agreement(ref, other, [(0, 1), (2, 3)]) == 0.0
    assert decision_agreement(ref, ref, [(0, 1), (2, 3)]) == 1.0
    assert decision_agreement(ref, other, [(0, 1), (0, 0)]) == 0.5  # (0,0): tie in both -> kept


def test_crows_workload_keeps_shared_words_shared_and_wraps_specials():
    from xlmaudit.bench.scorer import crows_workload

    work = crows_workload(CROWS, n_sentences=10, seed=3, vocab_size=1000)
    assert len(work.sentences) == 10 and len(work.pairs) == 5
    for i, j in work.pairs:
        more, less = work.sentences[i], work.sentences[j]
        assert more[0] == less[0] == 0 and more[-1] == less[-1] == 1
        assert all(14 <= t < 1000 for t in more[1:-1] + less[1:-1])
        assert SequenceMatcher(a=more, b=less).ratio() > 0.6  # pairs differ in a few words
    assert work.scored_tokens == sum(len(s) - 2 for s in work.sentences)


def test_bad_layers_and_missing_files_are_clear_errors(tiny_config, tmp_path):
    from xlmaudit.bench.scorer import build_random_xlm, crows_workload

    with pytest.raises(InputError, match="--layers 5"):
        build_random_xlm(tiny_config, layers=5, seed=0)
    with pytest.raises(InputError, match="nope.json"):
        build_random_xlm(tmp_path / "nope.json", layers=None, seed=0)
    with pytest.raises(InputError, match="missing.csv"):
        crows_workload(tmp_path / "missing.csv", n_sentences=4, seed=0, vocab_size=100)
