"""Paired comparison of two runs: statistics with hand-derived values, errors, the command."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pandas as pd
import pytest

from xlmaudit.cli import main
from xlmaudit.errors import InputError
from xlmaudit.paired import compare_runs, difference_interval, mcnemar_exact, sign_test
from xlmaudit.report.load import load_run
from xlmaudit.testing.fixtures import fake_table, write_fake_run

SHIFT = 0.5


def test_mcnemar_exact_counts_discordant_pairs_only():
    a = np.array([1, 1, 0, 0, 0, 0, 0, 0, 1, 0])
    b = np.array([1, 1, 1, 1, 1, 1, 1, 1, 1, 0])
    # discordant: 0 pairs A-only, 6 pairs B-only -> two-sided exact p = 2 * 0.5**6
    assert mcnemar_exact(a, b) == (0, 6, pytest.approx(2 / 64))
    # one each way -> p = 1
    assert mcnemar_exact(np.array([1, 0, 1]), np.array([0, 1, 1])) == (1, 1, 1.0)


def test_sign_test_drops_ties():
    a = np.zeros(5)
    b = np.array([1.0, 2.0, -1.0, 3.0, 0.0])
    # 1 below, 3 above, 1 tie dropped: P(X<=1) + P(X>=3) for Bin(4, .5) = (1+4+4+1)/16
    assert sign_test(a, b) == (1, 3, pytest.approx(10 / 16))


def test_paired_bootstrap_uses_the_pairing():
    rng = np.random.default_rng(0)
    a = rng.normal(0, 100, size=200)
    b = a + 1 + rng.normal(0, 0.1, size=200)
    low, high = difference_interval(a, b, seed=0)
    assert low < float(np.mean(b - a)) < high
    assert high - low < 0.1  # unpaired, the spread of 100 would give an interval ~ 40 wide
    assert difference_interval(a, a + 2.0) == (pytest.approx(2.0), pytest.approx(2.0))
    assert np.isnan(difference_interval(a[:1], b[:1])[0])


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    base = tmp_path_factory.mktemp("cmp")
    table_a = fake_table(seed=0)
    # B: every template item's log-odds + SHIFT exactly; CrowS: "women" and "poor" rescored
    table_b = {k: v + SHIFT if isinstance(k, tuple) and k[1] == "she" else v
               for k, v in table_a.items()}  # fmt: skip
    table_b.update({"women": -3.0, "poor": -1.0})
    a = write_fake_run(base / "a", model="model-a", table=table_a)
    b = write_fake_run(base / "b", model="model-b", table=table_b)
    return a, b


def test_compare_runs_hand_derived(runs):
    frame = compare_runs(load_run(runs[0]), load_run(runs[1]))
    pron = frame[(frame.probe == "pronoun") & (frame.group == "all")].iloc[0]
    assert pron.metric == "log_odds" and pron.n_shared == 24
    assert pron.difference == pytest.approx(SHIFT)
    assert (pron.ci_low, pron.ci_high) == (pytest.approx(SHIFT), pytest.approx(SHIFT))
    assert (pron.n_a_only_yes, pron.n_b_only_yes) == (0, 24)
    assert pron.p_value == pytest.approx(2 * 0.5**24)
    # meade2022 decisions (sent_more scores higher), from the fake table's word log-probs:
    # A: women>men 1, she<he 0, he>she 1, <b>poor</b> (default -5)<rich 0, poor<rich 0, old>young 1
    # B: women -3 < men 0; poor -1 > rich 1; the rest as in A
    crows = frame[frame.probe == "meade2022"].set_index("group")
    assert crows.loc["all", "value_a"] == pytest.approx(50.0)
    assert crows.loc["all", "value_b"] == pytest.approx(50.0)
    assert (crows.loc["all", "n_a_only_yes"], crows.loc["all", "n_b_only_yes"]) == (1, 1)
    assert crows.loc["all", "p_value"] == pytest.approx(1.0)
    assert crows.loc["gender", "difference"] == pytest.approx(100 / 3 - 200 / 3)
    assert crows.loc["socioeconomic", "difference"] == pytest.approx(50.0)
    assert crows.loc["age", "n_shared"] == 1 and np.isnan(crows.loc["age", "ci_low"])
    assert set(frame.test) == {"sign_test", "mcnemar_exact"}


def test_compare_counts_items_only_in_one_run(runs, tmp_path):
    b = shutil.copytree(runs[1], tmp_path / "b")
    raw = pd.read_parquet(b / "raw" / "toy.parquet")
    drop = raw[raw.probe == "pronoun"].item_id.iloc[0]
    raw[raw.item_id != drop].to_parquet(b / "raw" / "toy.parquet")
    frame = compare_runs(load_run(runs[0]), load_run(b))
    pron = frame[(frame.probe == "pronoun") & (frame.group == "all")].iloc[0]
    assert (pron.n_shared, pron.n_only_a, pron.n_only_b) == (23, 1, 0)


def test_different_suite_version_is_an_error(runs, tmp_path):
    c = write_fake_run(tmp_path / "c", version="1.1")
    with pytest.raises(InputError, match=r"suite 'toy': run A used version 1\.0 .* version 1\.1"):
        compare_runs(load_run(runs[0]), load_run(c))


def test_no_shared_items_or_suites_is_an_error(runs, tmp_path):
    b = shutil.copytree(runs[1], tmp_path / "b")
    raw = pd.read_parquet(b / "raw" / "toy.parquet")
    raw.assign(item_id="other-" + raw.item_id).to_parquet(b / "raw" / "toy.parquet")
    with pytest.raises(InputError, match="share no scored item"):
        compare_runs(load_run(runs[0]), load_run(b))
    (b / "raw" / "toy.parquet").rename(b / "raw" / "other.parquet")
    meta = json.loads((b / "meta.json").read_text())  # a run dir holds one run: meta says so too
    meta["suites"] = {"other": meta["suites"].pop("toy")}
    (b / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(
        InputError, match=r"share no suite: run A has \['toy'\], run B has \['other'\]"
    ):
        compare_runs(load_run(runs[0]), load_run(b))


def test_compare_command_writes_report_and_figure(runs, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["compare", str(runs[0]), str(runs[1]), "--out", str(out)]) == 0
    assert "sign_test" in capsys.readouterr().out
    frame = pd.read_csv(out / "comparison.csv")
    assert len(frame) == 9
    html = (out / "comparison.html").read_text()
    assert html.count('src="data:image/png;base64,') == 2
    assert "a (A: model-a) vs b (B: model-b)" in (out / "comparison.md").read_text()
    assert (out / "figures" / "comparison_log_odds.png").read_bytes()[:4] == b"\x89PNG"


def test_two_runs_of_one_model_are_told_apart_by_directory(tmp_path):
    # the old report was titled "planted (A) vs planted (B)", its table headed "A" and "B"
    from xlmaudit.report.comparison import build_comparison

    table = fake_table(seed=0)
    run_1 = write_fake_run(tmp_path / "run-1", model="planted", table=table)
    run_2 = write_fake_run(tmp_path / "run-2", model="planted", table=table)
    files = build_comparison(run_1, run_2, out=tmp_path / "out")
    md = files.markdown.read_text()
    assert md.splitlines()[0] == "# Paired comparison: run-1 (A: planted) vs run-2 (B: planted)"
    header = next(line for line in md.splitlines() if line.startswith("| suite/probe"))
    cells = [c.strip() for c in header.strip("|").split("|")]
    assert cells[3:5] == ["A: run-1", "B: run-2"]
    assert "<title>xlmaudit comparison: run-1 (A: planted) vs run-2 (B: planted)</title>" in (
        files.html.read_text()
    )


def test_compare_command_error_is_one_line(runs, tmp_path, capsys):
    assert main(["compare", str(runs[0]), str(tmp_path / "missing"), "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "missing" in err and "Traceback" not in err


def test_stereoset_cluster_decisions_count_ties_as_anti():
    from xlmaudit.paired import item_values
    from xlmaudit.probes import ProbeRecord, get_kind

    rows = []
    for cid, (stereo, anti) in {"c1": (-1.0, -2.0), "c2": (-2.0, -1.0), "c3": (-1.0, -1.0)}.items():
        for gold, score in (("stereotype", stereo), ("anti-stereotype", anti), ("unrelated", -9)):
            rows.append({"item_id": cid, "gold_label": gold, "score": score, "bias_type": "race"})
    record = ProbeRecord(get_kind("stereoset"), "ss", ())
    kind, frame = item_values(pd.DataFrame(rows), record)
    assert kind == "decision:pct_stereotype_preferred"
    assert dict(zip(frame.item_id, frame.value, strict=True)) == {"c1": 1.0, "c2": 0.0, "c3": 0.0}


def test_probes_without_item_scores_are_listed_not_dropped(runs, tmp_path):
    b = shutil.copytree(runs[1], tmp_path / "b")
    raw = pd.read_parquet(b / "raw" / "toy.parquet")
    extra = pd.DataFrame({"suite": "toy", "probe": "why", "item_id": ["x"], "attribution": [0.1]})
    pd.concat([raw, extra]).to_parquet(b / "raw" / "toy.parquet")
    a = shutil.copytree(runs[0], tmp_path / "a")
    pd.concat([pd.read_parquet(a / "raw" / "toy.parquet"), extra]).to_parquet(
        a / "raw" / "toy.parquet"
    )
    frame = compare_runs(load_run(a), load_run(b))
    assert frame.attrs["not_compared"] == ["toy/why"]
    assert "why" not in set(frame.probe)
