"""Retraining from scratch: a very small planted model recovers the planted directions.

Thresholds are weaker than the shipped model's, but an untrained or broken trainer fails them
(an untrained model gives Spearman near 0, pair preferences near 50%, cue directions at random
and a pseudo-perplexity near the unigram baseline). Training is seeded and single-threaded.
"""

from __future__ import annotations

import json

import pytest

from xlmaudit.inference import ModelScorer, load_model
from xlmaudit.inference.planted_train import TrainConfig, train_planted
from xlmaudit.planted.calibrate import calibrate, training_size
from xlmaudit.planted.lexicon import CUE_PAIRS


@pytest.mark.slow
def test_small_retrained_model_recovers_planted_directions(tmp_path) -> None:
    out = tmp_path / "planted-small"
    summary = train_planted(out, TrainConfig.small(seed=0), log=lambda _: None)
    assert json.loads((out / "training.json").read_text())["steps"] == summary["steps"]
    for name in ("config.json", "model.safetensors", "vocab.json", "merges.txt", "README.md"):
        assert (out / name).is_file(), name
    seed, size = training_size(out)
    scorer = ModelScorer(load_model(str(out), device="cpu"), progress=False)
    result, table = calibrate(scorer, seed=seed, size=size, n_per_type=32, n_control=16)
    assert result["spearman_occupation"] >= 0.5
    cues = table[table.role == "cue"].set_index("term").measured_value
    for fem, masc in CUE_PAIRS:  # direction per pair (a global she/he offset is allowed here)
        assert cues[fem] > cues[masc], (fem, masc)
    for bias, v in result["pair_preference"].items():
        assert v["value"] >= 0.6, bias
    ppl = result["pseudo_perplexity"]
    assert ppl["value"] < 0.05 * ppl["unigram_baseline"]
