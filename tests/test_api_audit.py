"""``xlmaudit.audit``: arguments checked before any model is loaded, nothing written on failure
or with ``out=None``, a model given as a scorer or a (model, tokenizer) pair, lazy raw frames,
and the same summary.csv as ``xlmaudit run``."""

from __future__ import annotations

import pandas as pd
import pytest

import xlmaudit
from xlmaudit import InputError
from xlmaudit.cli import main as cli
from xlmaudit.testing import FakeScorer


@pytest.fixture()
def no_model_load(monkeypatch):
    """Fail the test if a model is loaded."""
    import xlmaudit.inference.loader as loader

    def refuse(*args, **kwargs):
        raise AssertionError("a model was loaded")

    monkeypatch.setattr(loader, "load_model", refuse)


@pytest.mark.parametrize(
    ("kwargs", "named"),
    [
        ({"limit": 0}, "limit must be an integer >= 1, got 0"),
        ({"limit": "3"}, "limit must be an integer >= 1, got '3'"),
        ({"batch_tokens": -1}, "batch_tokens must be an integer >= 1, got -1"),
        ({"dtype": "float8"}, "dtype 'float8'"),
        ({"languages": ["EN"]}, "languages: 'EN' is not a language code"),
        ({"data_dir": "/no/such/dir"}, "data_dir /no/such/dir: not a directory"),
    ],
)
def test_bad_argument_is_an_input_error_naming_it_before_loading(no_model_load, kwargs, named):
    with pytest.raises(InputError) as err:
        xlmaudit.audit("planted", ["occupations"], **kwargs)
    assert named in str(err.value)
    assert isinstance(err.value, ValueError)


def test_unknown_suite_and_empty_suites_are_input_errors(no_model_load):
    with pytest.raises(InputError, match="suites: name at least one suite"):
        xlmaudit.audit("planted", [])
    with pytest.raises(InputError, match="no-such-suite"):
        xlmaudit.audit("planted", ["no-such-suite"])


def test_a_file_as_out_is_refused_before_loading(no_model_load, tmp_path):
    (tmp_path / "f").write_text("x")
    with pytest.raises(InputError, match="exists and is a file"):
        xlmaudit.audit("planted", ["occupations"], out=tmp_path / "f")


def test_nothing_is_written_under_out_when_the_run_fails(tmp_path):
    class Broken(FakeScorer):
        def score(self, requests):
            raise RuntimeError("scorer broke")

    out = tmp_path / "run"
    with pytest.raises(RuntimeError, match="scorer broke"):
        xlmaudit.audit(Broken(), ["occupations"], out=out, limit=2, cache_dir=None)
    assert list(tmp_path.iterdir()) == []


def test_a_scorer_runs_in_memory_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    scorer = FakeScorer({"she": -1.0, "he": -2.0}, default=-50.0)  # her, his, him: ~0
    run = xlmaudit.audit(scorer, ["occupations"], limit=2)
    assert list(tmp_path.iterdir()) == []  # no run directory, no cache in the user's cache
    assert run.path is None
    assert run.meta.model.fingerprint == "fake" and run.meta.model.kind == "pretrained"
    assert run.meta.suites["occupations"].kinds == (
        "target_preference", "increased_log_prob", "counterfactual_pll",
    )  # fmt: skip
    pronoun = run.summary.query("probe == 'pronoun' and group == 'all' and metric == 'log_odds'")
    assert pronoun["value"].tolist() == [pytest.approx(1.0)]  # log P(she) - log P(he) = -1 - -2
    assert {"suite", "probe", "metric", "value"} <= set(run.findings().columns)
    assert "## Bias, Risks, and Limitations" in run.model_card()


def test_raw_frames_are_read_on_first_access(tmp_path):
    run = xlmaudit.audit(FakeScorer(), ["occupations"], limit=2, cache_dir=None)
    assert run.raw.loaded == ()
    frame = run.raw["occupations"]
    assert run.raw.loaded == ("occupations",) and isinstance(frame, pd.DataFrame)
    assert set(frame["probe"]) == {"pronoun", "kurita", "counterfactual"}
    written = run.write_report(tmp_path / "D")
    loaded = xlmaudit.load_run(written)
    assert loaded.raw.loaded == ()
    pd.testing.assert_frame_equal(loaded.raw["occupations"], frame)


def test_write_report_needs_a_path_for_a_run_in_memory():
    run = xlmaudit.audit(FakeScorer(), ["occupations"], limit=1, cache_dir=None)
    with pytest.raises(InputError, match="path=None"):
        run.write_report()


def test_a_loaded_model_tokenizer_pair_is_accepted(tmp_path, monkeypatch):
    from transformers import XLMTokenizer, XLMWithLMHeadModel

    import xlmaudit.inference.loader as loader
    from xlmaudit.testing import tiny_model_dir

    path = tiny_model_dir("xlm")
    monkeypatch.setattr(loader, "load_model", lambda *a, **k: pytest.fail("loaded twice"))
    pair = (XLMWithLMHeadModel.from_pretrained(path), XLMTokenizer.from_pretrained(path))
    run = xlmaudit.audit(pair, ["occupations"], limit=1, cache_dir=None)
    assert run.meta.model.fingerprint.startswith("sha256:")
    assert run.meta.dtype == "float32" and run.meta.device == "cpu"
    assert (run.summary["probe"] == "pronoun").any()


def test_figures_are_named_matplotlib_figures():
    from matplotlib.figure import Figure

    run = xlmaudit.audit(FakeScorer({"she": -1.0}), ["occupations"], limit=2, cache_dir=None)
    figures = run.figures()
    assert "findings_forest" in figures
    assert all(isinstance(f, Figure) for f in figures.values())


def test_summary_equals_the_command_line_run(tmp_path):
    """``audit(...).write_report(D)`` and ``xlmaudit run --out D2`` write the same summary.csv
    (no cache: answers scored in other batches may differ in the last float bits)."""
    args = ["--model", "planted", "--suite", "occupations", "--limit", "2", "--no-cache"]
    assert cli(["run", *args, "--out", str(tmp_path / "D2")]) == 0
    run = xlmaudit.audit("planted", ["occupations"], limit=2, cache_dir=None, device="cpu")
    run.write_report(tmp_path / "D")
    assert (tmp_path / "D" / "summary.csv").read_bytes() == (
        tmp_path / "D2" / "summary.csv"
    ).read_bytes()
    assert (tmp_path / "D" / "model_card.md").is_file()
    assert run.model_index()[0]["results"]
