"""Progress bar over scored sequences: on when asked, quiet when stderr is not a terminal."""

from __future__ import annotations

import torch

from xlmaudit.inference import ModelScorer, load_model
from xlmaudit.inference import scorer as scorer_mod
from xlmaudit.requests import PLLRequest
from xlmaudit.testing import tiny_model_dir

torch.set_num_threads(1)  # tiny models: threads only contend on the shared CPU
REQS = [PLLRequest("The doctor said that he was late."), PLLRequest("She was tired.")]


def test_forced_progress_counts_scored_sequences(capsys):
    ModelScorer(load_model(str(tiny_model_dir("xlm"))), progress=True).score(REQS)
    err = capsys.readouterr().err
    assert "scoring" in err and "12/12" in err  # one masked copy per token: 8 + 4


def test_auto_progress_is_quiet_when_stderr_is_not_a_terminal(capsys, monkeypatch):
    monkeypatch.setattr(scorer_mod, "PROGRESS_MIN_ROWS", 1)  # long enough to deserve a bar
    ModelScorer(load_model(str(tiny_model_dir("xlm")))).score(REQS)
    assert capsys.readouterr().err == ""  # pytest's captured stderr is not a tty


def test_auto_progress_shows_on_a_terminal_for_long_work(capsys, monkeypatch):
    monkeypatch.setattr(scorer_mod, "PROGRESS_MIN_ROWS", 1)
    monkeypatch.setattr(scorer_mod.sys.stderr, "isatty", lambda: True, raising=False)
    ModelScorer(load_model(str(tiny_model_dir("xlm")))).score(REQS)
    assert "12/12" in capsys.readouterr().err
