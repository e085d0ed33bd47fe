"""``xlmaudit fill`` on the tiny XLM model, through the CLI entry point."""

from __future__ import annotations

import math

import pytest
import torch

from xlmaudit.cli import main
from xlmaudit.inference import ModelScorer, load_model
from xlmaudit.requests import MaskedWordRequest
from xlmaudit.testing import tiny_model_dir

torch.set_num_threads(1)  # tiny models: threads only contend on the shared CPU
TEXT = "The doctor said [MASK] was late."


def row(out: str, word: str) -> list[str]:
    return next(line.split() for line in out.splitlines() if line.split()[:1] == [word])


def test_fill_prints_word_level_scores_piece_counts_and_top_predictions(capsys):
    model = str(tiny_model_dir("xlm"))
    code = main(["fill", "--model", model, TEXT, "--targets", "he", "she", "engineer",
                 "--top-k", "3", "--device", "cpu"])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    expected = ModelScorer(load_model(model)).score(
        [MaskedWordRequest(TEXT, ("he", "she", "engineer"), top_k=3)]
    )[0]
    for cand in expected.candidates:
        cells = row(out, cand.word)
        assert float(cells[1]) == pytest.approx(cand.logprob, abs=1e-4)
        assert float(cells[2]) == pytest.approx(math.exp(cand.logprob), rel=1e-3)
        assert int(cells[3]) == cand.n_pieces
    assert row(out, "engineer")[3:] == ["2", "engin", "eer</w>"]
    assert "targets differ in piece count (1, 2)" in out
    tops = [line.split() for line in out.split("special tokens excluded):")[1].splitlines()[2:]]
    assert [t[1] for t in tops] == [p for p, _ in expected.top_k]
    assert all(not t[1].startswith("<") for t in tops)


def test_fill_flags_unknown_targets_and_does_not_warn_on_equal_piece_counts(capsys):
    code = main(["fill", "--model", str(tiny_model_dir("xlm")), TEXT, "--targets", "he",
                 "she", "2026", "--top-k", "0"])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    assert row(out, "2026")[1:] == ["-", "-", "4", "not", "scored:", "unknown"]
    assert "flag: '2026' contains unknown pieces" in out
    assert "piece count" not in out and "top" not in out


def test_fill_on_bert(capsys):
    assert (
        main(["fill", "--model", str(tiny_model_dir("bert")), TEXT, "--targets", "engineer"]) == 0
    )
    assert row(capsys.readouterr().out, "engineer")[3:] == ["2", "engine", "##er"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["The doctor said he was late."], "has 0 [MASK] slots; exactly one is needed"),
        (["[MASK] said [MASK] was late."], "has 2 [MASK] slots; exactly one is needed"),
        (["", "--targets", "he"], "empty text ''"),
        ([TEXT, "--device", "tpu"], "unknown device 'tpu'"),
        ([TEXT, "--dtype", "fp8"], "unknown dtype 'fp8'"),
        ([TEXT, "--top-k", "-1"], "--top-k must be >= 0"),
    ],
)
def test_fill_errors_are_one_line_naming_the_item(capsys, argv, message):
    code = main(["fill", "--model", str(tiny_model_dir("xlm")), *argv])
    err = capsys.readouterr().err
    assert code == 2 and message in err
    assert err.startswith("xlmaudit fill: error:") and "Traceback" not in err
