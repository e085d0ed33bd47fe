"""`xlmaudit run --suite crows-pairs --suite stereoset` writes the contract columns (tiny XLM)."""

from pathlib import Path

import pandas as pd
import pytest

from xlmaudit.cli import main
from xlmaudit.testing import tiny_model_dir

pytestmark = pytest.mark.slow  # builds and runs a tiny model end to end

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
CROWS_COLUMNS = [
    "pair_id",
    "bias_type",
    "direction",
    "estimator",
    "sent_more_score",
    "sent_less_score",
    "n_pieces_more",
    "n_pieces_less",
    "n_scored_more",
    "n_scored_less",
    "asymmetric",
]


def test_run_both_benchmark_suites(tmp_path):
    out = tmp_path / "run"
    argv = ["run", "--model", str(tiny_model_dir("xlm")), "--suite", "crows-pairs"]
    argv += ["--suite", "stereoset", "--data-dir", str(DATA), "--out", str(out), "--limit", "2"]
    assert main(argv) == 0
    crows = pd.read_parquet(out / "raw" / "crows-pairs.parquet")
    assert set(CROWS_COLUMNS) <= set(crows.columns)
    assert sorted(crows.estimator.unique()) == [
        "aul",
        "aula",
        "meade2022",
        "nangia2020",
        "word_l2r",
    ]
    assert len(crows) == 5 * 2 and sorted(set(crows.pair_id)) == [0, 1]
    assert crows.sent_more_score.notna().all()
    stereo = pd.read_parquet(out / "raw" / "stereoset.parquet")
    assert len(stereo) == 2 * 2 * 3 and stereo.score.notna().all()
    summary = pd.read_csv(out / "summary.csv")
    crows_all = summary[(summary.suite == "crows-pairs") & (summary.group == "all")]
    assert sorted(crows_all.probe) == sorted(crows.estimator.unique())
    assert (crows_all.n == 2).all()
    ss = summary[(summary.suite == "stereoset") & (summary.group == "overall")]
    assert sorted(ss.metric.unique()) == ["icat", "lms", "ss"]
    assert (ss.value.between(0, 100)).all()
