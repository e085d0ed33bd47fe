"""``xlmaudit compare`` with three runs: headlines, every pair, Holm across all, refusals."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from xlmaudit.cli import main
from xlmaudit.compare_many import compare_many, headlines, run_labels
from xlmaudit.errors import InputError
from xlmaudit.paired import COMPARISON_COLUMNS, compare_runs

try:  # main moved the fixtures to the testing package (#13) after this branch began
    from xlmaudit.testing.fixtures import fake_table, write_fake_run
except ImportError:
    from xlmaudit.report.fixtures import fake_table, write_fake_run
from xlmaudit.report.load import load_run


def _shifted(table: dict, shift: float) -> dict:
    return {k: v + shift if isinstance(k, tuple) and k[1] == "she" else v
            for k, v in table.items()}  # fmt: skip


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    base = tmp_path_factory.mktemp("many")
    t0 = fake_table(seed=0)
    t2 = _shifted(t0, 0.5)
    t2.update({"women": -3.0, "poor": -1.0})  # CrowS: two sentences rescored
    return [write_fake_run(base / "r1", model="m1", table=t0),
            write_fake_run(base / "r2", model="m2", table=_shifted(t0, -0.2)),
            write_fake_run(base / "r3", model="m3", table=t2)]  # fmt: skip


@pytest.fixture(scope="module")
def loaded(runs: list[Path]) -> dict:
    return {label: load_run(p) for label, p in zip(run_labels(runs), runs, strict=True)}


def test_three_runs_give_three_pairs_equal_to_compare_runs(loaded: dict) -> None:
    frame = compare_many(loaded)
    assert list(frame.columns[:3]) == ["pair", "run_a", "run_b"]
    assert set(COMPARISON_COLUMNS) < set(frame.columns) and frame.columns[-1] == "p_holm"
    assert list(dict.fromkeys(frame["pair"])) == ["r2 vs r1", "r3 vs r1", "r3 vs r2"]
    one = compare_runs(loaded["r1"], loaded["r3"])  # the pair's rows are the two-run rows
    got = frame[frame["pair"] == "r3 vs r1"][list(COMPARISON_COLUMNS)].reset_index(drop=True)
    pd.testing.assert_frame_equal(got, one.reset_index(drop=True))
    pron = frame[(frame["probe"] == "pronoun") & (frame["group"] == "all")].set_index("pair")
    assert pron.loc["r3 vs r1", "difference"] == pytest.approx(0.5)  # she +0.5 on every item
    assert pron.loc["r2 vs r1", "difference"] == pytest.approx(-0.2)
    assert pron.loc["r3 vs r2", "difference"] == pytest.approx(0.7)


def test_holm_runs_across_all_pairs_and_probes(loaded: dict) -> None:
    frame = compare_many(loaded)
    p = frame["p_value"].to_numpy(float)
    m = int(np.isfinite(p).sum())
    assert m == len(frame) > 3  # every row of every pair is in one family
    order = np.argsort(p, kind="stable")
    # Holm by hand: the smallest p times m; the second max(that, (m - 1) x its p), capped at 1
    first = min(1.0, m * p[order[0]])
    second = min(1.0, max(first, (m - 1) * p[order[1]]))
    assert frame["p_holm"].iloc[order[0]] == pytest.approx(first)
    assert frame["p_holm"].iloc[order[1]] == pytest.approx(second)
    # pronoun, r3 vs r1: all 24 items above -> sign test p = 2 / 2**24, adjusted by m
    row = frame[(frame["pair"] == "r3 vs r1") & (frame["probe"] == "pronoun")
                & (frame["group"] == "all")].iloc[0]  # fmt: skip
    assert row["p_value"] == pytest.approx(2 / 2**24)
    assert row["p_holm"] == pytest.approx(min(1.0, m * 2 / 2**24))


def test_headlines_are_each_runs_main_metric_overall_row(runs: list[Path], loaded: dict) -> None:
    heads = headlines(loaded)
    assert set(heads["run"]) == {"r1", "r2", "r3"}
    for path, label in zip(runs, ("r1", "r2", "r3"), strict=True):
        summary = pd.read_csv(path / "summary.csv")
        for probe, metric in (("pronoun", "log_odds"), ("meade2022", "pct_sent_more")):
            want = summary[(summary["probe"] == probe) & (summary["metric"] == metric)
                           & (summary["group"] == "all")].iloc[0]  # fmt: skip
            got = heads[(heads["run"] == label) & (heads["probe"] == probe)]
            assert len(got) == 1 and got.iloc[0]["metric"] == metric
            for col in ("value", "ci_low", "ci_high", "n"):
                assert got.iloc[0][col] == pytest.approx(want[col])


def test_a_pair_with_different_data_is_refused_naming_both_runs(
    runs: list[Path], tmp_path: Path
) -> None:
    other = shutil.copytree(runs[2], tmp_path / "other")
    meta = json.loads((other / "meta.json").read_text())
    key = "data" if "data" in meta else "data_checksums"  # main's RunMeta names it "data"
    meta[key] = {"crows-pairs": {"sha256": "f" * 64}}
    (other / "meta.json").write_text(json.dumps(meta))
    dirs = [runs[0], runs[1], other]
    labelled = {lab: load_run(p) for lab, p in zip(run_labels(dirs), dirs, strict=True)}
    with pytest.raises(InputError, match=r"^runs r1 \(A\) and other \(B\): .*crows-pairs.*"
                       r"in run r1, sha256 ffffffffffff in run other"):  # fmt: skip
        compare_many(labelled)
    frame = compare_many(labelled, allow_different_data=True)
    assert len(frame.attrs["warnings"]) == 2  # r1 and r2 each against other
    assert all(w.startswith("other vs r") for w in frame.attrs["warnings"])


def test_same_directory_names_are_numbered() -> None:
    assert run_labels(["x/run", "y/run", "z/b"]) == ["1:run", "2:run", "3:b"]
    assert run_labels(["x/a", "y/b"]) == ["a", "b"]


def test_compare_command_with_three_runs(runs: list[Path], tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    assert main(["compare", *map(str, runs), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "r3 vs r2" in printed and "p_holm" in printed
    pairs = pd.read_csv(out / "comparison.csv")
    assert len(set(pairs["pair"])) == 3
    heads = pd.read_csv(out / "comparison_headlines.csv")
    assert len(heads) == 3 * 3  # three probes (pronoun, meade2022, aul) x three runs
    text = (out / "comparison.md").read_text("utf-8")
    assert "Comparison of 3 runs" in text and "Holm-adjusted across all pairs" in text
    figs = sorted(p.name for p in (out / "figures").iterdir())
    assert any(n.startswith("headlines") for n in figs), figs


def test_two_runs_keep_the_two_run_outputs(runs: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "two"
    assert main(["compare", str(runs[0]), str(runs[1]), "--out", str(out)]) == 0
    assert list(pd.read_csv(out / "comparison.csv").columns) == list(COMPARISON_COLUMNS)
    assert not (out / "comparison_headlines.csv").exists()
    md = (out / "comparison.md").read_text("utf-8")
    assert "Paired comparison: r1 (A: m1) vs r2 (B: m2)" in md
