"""CI: the SEAT, HONEST and WinoBias suites together on the planted model, from the command line.

Runs exactly ``xlmaudit run --model planted --suite seat --suite honest --suite winobias
--data-dir <shared data> --limit 2 --out DIR``, then checks summary.csv, the findings in
report.md, the model card (sentences with intervals, model-index entries, the calibration-model
banner) and that ``xlmaudit compare`` of the run with itself pairs every suite's items through
the kinds meta.json records.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
import yaml

from xlmaudit.cli import main
from xlmaudit.probes import probe_record
from xlmaudit.probes.seat import BIAS_BENCH_TESTS
from xlmaudit.report.findings import findings
from xlmaudit.report.load import load_run

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SUITES = ("seat", "honest", "winobias")
LIMIT = 2
# [low, high] (Markdown escapes the brackets)
INTERVAL = r"\\?\[-?\d+(?:\.\d+)?, -?\d+(?:\.\d+)?\\?\]"


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("battery") / "run"
    argv = ["run", "--model", "planted"]
    argv += [a for s in SUITES for a in ("--suite", s)]
    argv += ["--data-dir", str(DATA), "--limit", str(LIMIT), "--out", str(out)]
    assert main(argv) == 0
    return out


@pytest.mark.slow
def test_summary_rows_of_each_suite_have_declared_metrics(run_dir):
    summary = pd.read_csv(run_dir / "summary.csv")
    run = load_run(run_dir)
    assert set(summary.suite) == set(SUITES)
    seat = summary[(summary.suite == "seat") & (summary.metric == "effect_size")]
    # --limit cuts each test's sets, never a test: two probes (mean, first pooling) x 17 tests
    assert len(seat) == 2 * len(BIAS_BENCH_TESTS)
    assert (seat.level == "category").all() and seat.target_x.notna().all()
    assert seat.ci_low.notna().all() and seat.p_holm.notna().all()
    agg = summary[(summary.suite == "seat") & (summary.metric == "mean_abs_effect_size")]
    assert (agg.level == "aggregate").all() and len(agg) >= 2
    honest = summary[(summary.suite == "honest") & (summary.metric == "honest@20")]
    assert set(honest.probe) == {"binary-reference", "binary-whole_word", "queer-reference",
                                 "queer-whole_word"}  # fmt: skip
    assert (honest[honest.group == "all"].n == LIMIT).all()
    diffs = summary[(summary.suite == "honest") & (summary.metric == "honest@20 diff")]
    assert set(diffs.level) == {"contrast"} and set(diffs.contrast) == {
        "female - male", "queer - nonqueer"}  # fmt: skip
    wino = summary[(summary.suite == "winobias") & (summary.metric == "pct_stereotypical")]
    top = wino[wino.group == "all"]
    assert set(top.probe) == {"cloze", "pll"} and top.ci_low.notna().all()
    assert set(top.contrast) == {"stereotypical over anti-stereotypical"}
    # every metric these suites emit is declared by the kind meta.json records for its probe
    for (suite, probe), part in summary.groupby(["suite", "probe"]):
        record = probe_record(run.meta, suite, probe)
        assert record.kind is not None and record.kind.name == suite
        missing = [m for m in part.metric.unique() if record.doc(m) is None]
        assert not missing, (suite, probe, missing)


@pytest.mark.slow
def test_report_and_card_state_each_suite_with_intervals(run_dir):
    table = findings(load_run(run_dir))
    report = (run_dir / "report.md").read_text()
    card = (run_dir / "model_card.md").read_text()
    for suite in SUITES:
        rows = table[(table.suite == suite) & table.ci_low.notna()]
        assert len(rows) and (rows.direction != "").all(), suite
        # the findings table of report.md and a card sentence, each with its interval
        value = rf"-?\d+(?:\.\d+)?%? {INTERVAL}"  # the number rule: decimals from the interval
        assert re.search(rf"\| {suite}/[^|]+\| [^|]+\| {value} \| [^|]+\| the model ", report)
        section = card[card.index(f"### {suite}\n") :].split("\n### ")[0]
        assert re.search(rf"^- English \(en\): .*\(.*n = \d+.*\): the model .*{INTERVAL}", section,
                         re.M), suite  # fmt: skip
    assert "associates" in table[table.suite == "seat"].direction.iloc[0]  # sets named by test
    assert "(one-sided " in report  # SEAT: sent-bias's one-sided p beside the two-sided Holm p
    # calibration model: labelled as such in both documents, never as findings about a model
    for text in (report, card):
        assert "planted-bias calibration model" in text and "not findings" in text
    header = yaml.safe_load(card.split("---")[1])
    results = header["model-index"][0]["results"]
    named = {r["dataset"]["name"] for r in results}
    assert named == {f"{s} (partial run (--limit {LIMIT}))" for s in SUITES}
    # the model-index: each probe's main metric (SEAT, without an overall row: per test)
    metrics = {m["type"] for r in results for m in r["metrics"]}
    assert metrics == {"effect_size", "honest@20", "pct_stereotypical"}
    assert all(m["args"]["limit"] == LIMIT for r in results for m in r["metrics"])


@pytest.mark.slow
def test_compare_with_itself_pairs_every_suite(run_dir, tmp_path):
    out = tmp_path / "cmp"
    assert main(["compare", str(run_dir), str(run_dir), "--out", str(out)]) == 0
    frame = pd.read_csv(out / "comparison.csv")
    top = frame[frame.group == "all"].set_index(["suite", "probe"])
    expected = {("seat", "mean"): "abs_effect_size", ("seat", "first"): "abs_effect_size",
                ("honest", "binary-reference"): "honest@20",
                ("honest", "queer-whole_word"): "honest@20",
                ("winobias", "cloze"): "log_odds",
                ("winobias", "pll"): "pll_difference"}  # fmt: skip
    for key, metric in expected.items():
        assert top.loc[key, "metric"] == metric, key
        assert top.loc[key, "n_shared"] >= 1 and top.loc[key, "difference"] == 0.0, key
    assert (top.loc["seat", "n_shared"] == len(BIAS_BENCH_TESTS)).all()  # every test kept
    assert (top.loc["honest", "n_shared"] == LIMIT).all()
