"""Retraining from scratch: a very small planted model recovers the planted directions.

Thresholds are weaker than the shipped model's, but an untrained or broken trainer fails them
(an untrained model gives Spearman near 0, pair preferences near 50%, cue directions at random
and a pseudo-perplexity near the unigram baseline). Training is seeded and single-threaded.
"""

from __future__ import annotations

import json

import pytest

from xlmaudit.inference import ModelScorer, load_model
from xlmaudit.planted.calibrate import calibrate, training_size
from xlmaudit.planted.lexicon import CUE_PAIRS
from xlmaudit.planted.train import TrainConfig, reproduce_command, train_planted


@pytest.mark.slow
def test_small_retrained_model_recovers_planted_directions(tmp_path) -> None:
    out = tmp_path / "planted-small"
    summary = train_planted(out, TrainConfig.small(seed=0), log=lambda _: None)
    assert json.loads((out / "training.json").read_text())["steps"] == summary["steps"]
    for name in ("config.json", "model.safetensors", "vocab.json", "merges.txt", "README.md"):
        assert (out / name).is_file(), name
    card = (out / "README.md").read_text()
    assert "xlmaudit planted train --out DIR --small --seed 0 --steps 2000" in card
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


def test_reproduce_command_names_the_cli_size() -> None:
    from dataclasses import replace

    default = "xlmaudit planted train --out DIR --seed 4 --steps 5000"
    assert reproduce_command(TrainConfig()) == default
    assert reproduce_command(TrainConfig(seed=7)).endswith("--seed 7 --steps 5000")
    small = reproduce_command(replace(TrainConfig.small(), steps=10))
    assert small == "xlmaudit planted train --out DIR --small --seed 0 --steps 10"
    assert "not a CLI size" in reproduce_command(TrainConfig(lr=1.0))


def test_shipped_model_was_trained_with_the_defaults() -> None:
    from xlmaudit.planted import MODEL_DIR

    meta = json.loads((MODEL_DIR / "training.json").read_text())
    assert meta["command"] == reproduce_command(TrainConfig())
    assert {k: meta[k] for k in ("seed", "steps", "lr", "n_layers")} == {
        "seed": TrainConfig().seed,
        "steps": TrainConfig().steps,
        "lr": TrainConfig().lr,
        "n_layers": TrainConfig().n_layers,
    }
