"""HolisticBias kind's metric docs reach the report (methods, findings) and its runs pair."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from xlmaudit.cli import main
from xlmaudit.paired import compare_runs
from xlmaudit.probes import get_kind
from xlmaudit.report.load import load_run

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("hb") / "run"
    args = ["run", "--model", "planted", "--suite", "holistic-bias", "--limit", "40",
            "--data-dir", str(DATA), "--no-cache", "--out", str(out)]  # fmt: skip
    assert main(args) == 0
    return out


def test_kind_declares_both_metrics() -> None:
    kind = get_kind("holistic-bias")
    lb = kind.doc("likelihood_bias_mlm")
    assert lb is not None and lb.reference == 0.05  # the false-positive rate, not 0
    assert "Mann-Whitney" in lb.method and "false-positive rate" in lb.method
    assert kind.doc("mean_pll_per_token") is not None
    assert kind.pairing == "score"


def test_report_methods_and_findings_show_the_docs(run: Path) -> None:
    text = (run / "report.md").read_text("utf-8")
    assert "Likelihood Bias, masked-LM adaptation" in text  # methods: the declared label
    assert "false-positive rate, about 0.05" in text
    assert "mean pseudo-log-likelihood per scored token" in text
    assert "see the suite card" not in text  # no metric left undocumented
    assert "the \\~5% chance rate" in text  # findings: the direction sentence of the doc


def test_a_run_compared_with_itself_pairs_every_sentence_by_axis(run: Path) -> None:
    rd = load_run(run)
    frame = compare_runs(rd, rd)
    raw = pd.read_parquet(run / "raw" / "holistic-bias.parquet")
    scored = raw[raw["axis"] != "null"]
    overall = frame[frame["group"] == "all"]
    assert set(overall["metric"]) == {"mean_pll_per_token"}
    for probe, row in overall.set_index("probe").iterrows():
        part = scored[scored["probe"] == probe]
        assert row["n_shared"] == len(part)
        assert row["value_a"] == pytest.approx(part["score"].mean())
        assert row["difference"] == 0.0 and row["p_value"] == 1.0  # no change: sign test p = 1
    by_axis = frame[frame["group"] != "all"]
    assert set(by_axis["group"]) == set(scored["axis"]) and len(set(scored["axis"])) >= 2
    assert by_axis["n_shared"].sum() == len(scored)  # every sentence in exactly one axis group
