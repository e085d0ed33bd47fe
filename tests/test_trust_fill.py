"""Issue 12 item 13: `fill --truncate`, and flags on what the model actually reads (targets
changed by accent stripping or lowercasing, text words that become unknown pieces)."""

from __future__ import annotations

import pytest
import torch

from xlmaudit.cli import main
from xlmaudit.testing import tiny_model_dir

torch.set_num_threads(1)
TEXT = "The doctor said [MASK] was late."
LONG = TEXT + " and then" * 80  # > 128 positions of the tiny model; the mask stays early


def fill(*args: str) -> int:
    return main(["fill", "--model", str(tiny_model_dir("xlm")), "--top-k", "0", *args])


def test_too_long_text_names_the_cli_flag_and_truncate_scores_it(capsys):
    assert fill(LONG, "--targets", "he") == 2
    err = capsys.readouterr().err
    assert "longer than the model's 128 positions" in err and "--truncate" in err
    assert fill(LONG, "--targets", "he", "--truncate") == 0
    out = capsys.readouterr().out
    cells = next(line.split() for line in out.splitlines() if line.startswith("he "))
    assert float(cells[1]) < 0  # a log-probability was computed


def test_targets_changed_by_normalisation_are_flagged(capsys):
    assert fill(TEXT, "--targets", "shé", "She", "he") == 0
    out = capsys.readouterr().out
    assert "flag: 'shé' is read as 'she' by this tokenizer" in out
    assert "flag: 'She' is read as 'she' by this tokenizer" in out
    assert "'he' is read as" not in out  # unchanged targets carry no flag
    assert "unknown pieces" not in out


@pytest.mark.parametrize("word", ["😀", "مرحبا"])
def test_text_words_that_become_unknown_pieces_are_flagged(capsys, word):
    assert fill(f"The doctor {word} said [MASK] was late.", "--targets", "he") == 0
    out = capsys.readouterr().out
    assert f"flag: the text has words this tokenizer reads as unknown pieces ('{word}')" in out
