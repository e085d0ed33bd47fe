"""Random-weight detection: loader flags, meta.json record, report/card wording, CLI warnings."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import torch
from huggingface_hub import ModelCard
from safetensors.torch import load_file, save_file

from xlmaudit.bench.scorer import build_random_xlm
from xlmaudit.cli import main
from xlmaudit.inference import load_model
from xlmaudit.inference.loader import (
    RANDOM_MARKER,
    LoadedModel,
    newly_initialized,
    random_weights_warning,
)
from xlmaudit.report import build_report
from xlmaudit.testing import make_tiny_xlm
from xlmaudit.testing.fixtures import write_fake_run

torch.set_num_threads(1)

DROPPED = "transformer.attentions.0.q_lin.weight"
TIED = "pred_layer.proj.weight"  # tied to transformer.embeddings.weight, not saved
PARAGRAPH = "This model has random weights: its bias scores are meaningless"
SUITE = """\
name: mine
version: "0.1"
card: {summary: my suite, measures: m, limits: l, references: [r], calibration: none}
lexicons:
  occ: [doctor, nurse]
probes:
  - id: p
    kind: target_preference
    templates: ["the {occ} said that [MASK] was tired."]
    groups: {female: [she], male: [he]}
"""


def _unmark(path: Path) -> Path:
    config = json.loads((path / "config.json").read_text())
    del config[RANDOM_MARKER]
    (path / "config.json").write_text(json.dumps(config))
    return path


@pytest.fixture(scope="module")
def unmarked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny XLM with every saved weight and no marker (stands for a trained model)."""
    return _unmark(make_tiny_xlm(tmp_path_factory.mktemp("m") / "unmarked"))


@pytest.fixture(scope="module")
def dropped(unmarked: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The unmarked model with one encoder weight removed from its safetensors."""
    path = shutil.copytree(unmarked, tmp_path_factory.mktemp("d") / "dropped")
    weights = load_file(path / "model.safetensors")
    assert DROPPED in weights and TIED not in weights
    del weights[DROPPED]
    save_file(weights, path / "model.safetensors", metadata={"format": "pt"})
    return path


def test_tiny_builder_writes_the_marker_and_loader_flags_it(tmp_path):
    path = make_tiny_xlm(tmp_path / "tiny")
    assert json.loads((path / "config.json").read_text())[RANDOM_MARKER] is True
    loaded = load_model(str(path))
    assert loaded.newly_initialized == () and loaded.random_marker and loaded.random_weights
    assert random_weights_warning(loaded) == (
        f"warning: model {str(path)!r} has random weights: config marks it as random "
        "(xlmaudit test/bench model); its scores are meaningless"
    )


def test_removed_weight_is_listed_as_newly_initialized(dropped):
    loaded = load_model(str(dropped))
    assert loaded.newly_initialized == (DROPPED,)
    assert loaded.random_weights and not loaded.random_marker
    assert f"newly initialised weights: 1 ({DROPPED})" in random_weights_warning(loaded)


def test_complete_model_without_marker_is_not_flagged(unmarked):
    loaded = load_model(str(unmarked))  # the tied LM head is not in the file, yet not flagged
    assert loaded.newly_initialized == () and not loaded.random_weights
    assert random_weights_warning(loaded) is None


def test_tied_key_reported_missing_is_excluded_unless_its_source_is_missing(unmarked):
    model = load_model(str(unmarked)).model
    emb = "transformer.embeddings.weight"
    assert newly_initialized(model, {"missing_keys": {TIED}}) == ()
    assert newly_initialized(model, {"missing_keys": {TIED, emb}}) == (TIED, emb)  # sorted
    mismatched = {(DROPPED, (4, 4), (32, 32))}
    assert newly_initialized(model, {"missing_keys": {TIED}, "mismatched_keys": mismatched}) == (
        DROPPED,
    )


def test_shipped_planted_model_is_not_flagged():
    loaded = load_model("planted")
    assert loaded.newly_initialized == () and not loaded.random_weights


def test_bench_builder_marks_its_config(tmp_path):
    config = {"model_type": "xlm", "emb_dim": 16, "n_layers": 1, "n_heads": 2, "vocab_size": 40}
    (tmp_path / "config.json").write_text(json.dumps(config))
    model = build_random_xlm(tmp_path / "config.json", layers=None, seed=0)
    loaded = LoadedModel(model, None, 5, "random-1", "bench", "cpu", "float32", True)
    assert loaded.random_weights and loaded.newly_initialized == ()


def _run(model: Path, out: Path, capsys: pytest.CaptureFixture) -> tuple[dict, str]:
    suite = out.parent / "mine.yaml"
    suite.write_text(SUITE, encoding="utf-8")
    argv = ["run", "--model", str(model), "--suite", str(suite), "--out", str(out), "--no-cache"]
    assert main(argv) == 0
    return json.loads((out / "meta.json").read_text()), capsys.readouterr().err


def test_run_on_dropped_weight_records_it_and_report_says_random(dropped, tmp_path, capsys):
    meta, err = _run(dropped, tmp_path / "run", capsys)
    assert meta["model"]["random_weights"] is True
    assert meta["model"]["newly_initialized"] == [DROPPED]
    assert meta["model"]["newly_initialized_count"] == 1
    assert err.count(f"has random weights: newly initialised weights: 1 ({DROPPED})") == 1
    report = (tmp_path / "run" / "report.md").read_text()
    assert PARAGRAPH in report
    escaped = DROPPED.replace("_", "\\_")  # Markdown escapes underscores
    assert f"newly initialised weights (not in the checkpoint): 1 ({escaped})" in report


def test_run_on_complete_model_records_no_random_weights(unmarked, tmp_path, capsys):
    meta, err = _run(unmarked, tmp_path / "run", capsys)
    assert meta["model"]["random_weights"] is False
    assert "newly_initialized" not in meta["model"] and "random weights" not in err
    assert PARAGRAPH not in (tmp_path / "run" / "report.md").read_text()


def test_fill_warns_on_stderr(dropped, capsys):
    assert main(["fill", "the [MASK] was late.", "--model", str(dropped), "--targets", "he"]) == 0
    captured = capsys.readouterr()  # stderr also holds transformers' own load report
    ours = [line for line in captured.err.splitlines() if line.startswith("warning: model")]
    assert len(ours) == 1 and f"{str(dropped)!r} has random weights" in ours[0]
    assert DROPPED in ours[0] and "random weights" not in captured.out


def _card(tmp_path: Path, model: dict) -> str:
    run_dir = write_fake_run(tmp_path / "run")
    meta = json.loads((run_dir / "meta.json").read_text())
    meta["synthetic"] = False
    meta["model"] = model
    (run_dir / "meta.json").write_text(json.dumps(meta))
    return build_report(run_dir).model_card.read_text()


def test_card_of_random_run_keeps_numbers_out_of_model_index(tmp_path):
    text = _card(tmp_path, {"name": "planted", "planted": True, "random_weights": True})
    assert PARAGRAPH in text and "planted-bias calibration model" not in text
    assert text.count("NOT FINDINGS: this model has random weights") == 1
    assert text.index("NOT FINDINGS") < text.index("### ")  # before any number
    assert not ModelCard(text).data.eval_results
    assert "config marks it as random" in text


def test_card_of_trained_run_has_model_index_and_no_note(tmp_path):
    text = _card(tmp_path, {"name": "xlm-mlm-en-2048", "random_weights": False})
    assert "NOT FINDINGS" not in text and ModelCard(text).data.eval_results
