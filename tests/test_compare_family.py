"""``xlmaudit compare --family``: runs as checkpoints of one recipe (issue 23, item 6).

Three synthetic checkpoints (one fake run copied, its headline values set by hand) give the
mean, sd (ddof = 1), range and sign stability derived below; an end-to-end run on two seeds of
the planted model checks the command and the Python API on real run directories.
"""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pandas as pd
import pytest

from xlmaudit import family
from xlmaudit.cli import main
from xlmaudit.errors import InputError
from xlmaudit.report.family import FAMILY_COLUMNS, family_table
from xlmaudit.report.family_report import family_sentence
from xlmaudit.report.findings import headline_doc
from xlmaudit.report.run import load_run_data
from xlmaudit.testing.fixtures import write_fake_run

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
KEY = ["suite", "probe", "lang", "group", "metric"]
# headline values per checkpoint: (probe, group, metric) -> values in r1, r2, r3
SET = {
    ("pronoun", "all", "log_odds"): (0.2, 0.4, 0.9),  # all above 0: stable
    ("meade2022", "all", "pct_sent_more"): (60.0, 70.0, 40.0),  # 40 < 50: the sign flips
}


def _set(summary: pd.DataFrame, probe: str, group: str, metric: str, value: float) -> None:
    rows = (summary["probe"] == probe) & (summary["group"] == group) & (summary["metric"] == metric)
    assert rows.sum() == 1
    summary.loc[rows, "value"] = value


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    base = tmp_path_factory.mktemp("family")
    first = write_fake_run(base / "r1")
    dirs = [first, *(Path(shutil.copytree(first, base / f"r{i}")) for i in (2, 3))]
    for i, d in enumerate(dirs):
        summary = pd.read_csv(d / "summary.csv")
        for (probe, group, metric), values in SET.items():
            _set(summary, probe, group, metric, values[i])
        if i == 2:  # r3 lacks one benchmark category of aul
            gone = (summary["probe"] == "aul") & (summary["group"] == "gender")
            summary = summary[~gone]
        summary.to_csv(d / "summary.csv", index=False)
    return dirs


@pytest.fixture(scope="module")
def table(runs: list[Path]) -> pd.DataFrame:
    return family_table({p.name: load_run_data(p) for p in runs}).set_index(KEY)


def test_mean_sd_range_of_three_checkpoints_by_hand(table: pd.DataFrame) -> None:
    row = table.loc[("toy", "pronoun", "en", "all", "log_odds")]
    # mean (0.2 + 0.4 + 0.9) / 3 = 0.5; squared deviations 0.09 + 0.01 + 0.16 = 0.26, / (3 - 1)
    assert row["n_checkpoints"] == 3 and row["mean"] == pytest.approx(0.5)
    assert row["sd"] == pytest.approx(math.sqrt(0.13))
    assert (row["min"], row["max"]) == (pytest.approx(0.2), pytest.approx(0.9))
    assert row["sign_stable"] == True  # noqa: E712 (numpy bool)
    assert row["direction"] == "above" and row["reference"] == 0.0
    assert [row[f"value_r{i}"] for i in (1, 2, 3)] == pytest.approx([0.2, 0.4, 0.9])
    assert row["estimator"] == "" and row["missing_in"] == ""


def test_a_checkpoint_on_the_other_side_makes_the_sign_unstable(table: pd.DataFrame) -> None:
    row = table.loc[("toy", "meade2022", "en", "all", "pct_sent_more")]
    # mean 170 / 3; deviations 10/3, 40/3, -50/3: squares (100 + 1600 + 2500) / 9, / 2
    assert row["mean"] == pytest.approx(170 / 3)
    assert row["sd"] == pytest.approx(math.sqrt(4200 / 9 / 2))
    assert not row["sign_stable"] and row["direction"] == "mixed"
    assert (row["n_above"], row["n_below"], row["n_at_reference"]) == (2, 1, 0)
    assert row["reference"] == 50.0 and row["estimator"] == "meade2022"


def test_all_checkpoints_at_the_no_bias_value_are_stable(table: pd.DataFrame) -> None:
    row = table.loc[("toy", "aul", "en", "all", "pct_sent_more")]  # 50% in the fake run
    assert row["sd"] == 0.0 and row["sign_stable"] and row["direction"] == "at reference"


def test_a_row_missing_in_one_run_says_where(table: pd.DataFrame) -> None:
    row = table.loc[("toy", "aul", "en", "gender", "pct_sent_more")]
    assert row["n_checkpoints"] == 2 and row["missing_in"] == "r3"
    assert pd.isna(row["value_r3"]) and row["sd"] == 0.0
    others = table.drop(index=("toy", "aul", "en", "gender", "pct_sent_more"))
    assert (others["missing_in"] == "").all() and (others["n_checkpoints"] == 3).all()
    assert list(table.reset_index().columns[: len(FAMILY_COLUMNS)]) == list(FAMILY_COLUMNS)


def test_sentences_come_from_the_kinds_declarations(runs: list[Path], table: pd.DataFrame) -> None:
    meta = load_run_data(runs[0]).meta
    key = ("toy", "pronoun", "en", "all", "log_odds")
    row = pd.concat([pd.Series(dict(zip(KEY, key, strict=True))), table.loc[key]])
    doc = headline_doc(meta, "toy", "pronoun", "log_odds")
    text = family_sentence(row, doc, 3)
    assert "mean 0.500 over 3 of 3 checkpoints" in text
    assert "the sign is stable in 3 of 3 checkpoints: on their mean, the model prefers " in text
    assert doc is not None and doc.label in text
    key = ("toy", "meade2022", "en", "all", "pct_sent_more")
    row = pd.concat([pd.Series(dict(zip(KEY, key, strict=True))), table.loc[key]])
    text = family_sentence(row, headline_doc(meta, "toy", "meade2022", "pct_sent_more"), 3)
    assert (
        "the sign is not stable: 2 of 3 checkpoints lie above the no-bias value 50.0%, 1 below"
        in (text)
    )


def test_errors_name_the_problem(runs: list[Path], tmp_path: Path) -> None:
    with pytest.raises(InputError, match="at least two run directories"):
        family_table({"r1": load_run_data(runs[0])})
    with pytest.raises(InputError, match="at least two runs"):
        family(runs[0])
    empty = tmp_path / "notarun"
    empty.mkdir()
    with pytest.raises(InputError, match=r"notarun: not a run directory \(no meta.json\)"):
        family(runs[0], empty)
    other = Path(shutil.copytree(runs[1], tmp_path / "r4"))
    summary = pd.read_csv(other / "summary.csv")
    summary[summary["probe"] != "aul"].to_csv(other / "summary.csv", index=False)
    with pytest.raises(InputError, match=r"different suites or probes\): toy/aul is missing in r4"):
        family(runs[0], other)


def test_runs_that_read_different_data_are_refused(runs: list[Path], tmp_path: Path) -> None:
    other = Path(shutil.copytree(runs[1], tmp_path / "r5"))
    meta = json.loads((other / "meta.json").read_text())
    meta["data"] = {name: {"sha256": "f" * 64} for name in meta["data"]}
    (other / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(InputError, match=r"runs r1 and r5: .*crows-pairs.*ffffffffffff in run r5"):
        family(runs[0], other)
    found = family(runs[0], other, allow_different_data=True)
    assert len(found.warnings) == 1 and found.warnings[0].startswith("r5 vs r1: ")


def test_runs_of_different_limits_are_compared_with_a_warning(runs: list[Path], tmp_path: Path):
    other = Path(shutil.copytree(runs[1], tmp_path / "r6"))
    meta = json.loads((other / "meta.json").read_text())
    (other / "meta.json").write_text(json.dumps({**meta, "limit": 4}))
    found = family(runs[0], other)
    assert found.warnings == (
        "the runs scored different item subsets (all items in r1; --limit "
        "4 in r6): the spread between them mixes checkpoints with item sets",
    )


def test_family_command_writes_csv_and_markdown(runs: list[Path], tmp_path: Path, capsys) -> None:
    out = tmp_path / "fam"
    assert main(["compare", "--family", *map(str, runs), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "sign_stable" in printed and "mixed" in printed
    csv = pd.read_csv(out / "family.csv", keep_default_na=False)
    assert set(FAMILY_COLUMNS) <= set(csv.columns)
    md = (out / "family.md").read_text()
    assert "the sign is not stable: 2 of 3 checkpoints" in md
    assert "aul (en), pct\\_sent\\_more per category: the sign is stable in 3 of 3" in md
    assert "gender (missing in r3)" in md
    assert not (out / "comparison.csv").exists()  # the paired comparison is not run
    bad = main(["compare", "--family", str(runs[0]), str(tmp_path), "--out", str(out)])
    assert bad == 2 and "not a run directory" in capsys.readouterr().err


def test_two_seeds_of_the_planted_model_end_to_end(tmp_path: Path, capsys) -> None:
    dirs = []
    for seed in (0, 1):
        out = tmp_path / f"seed{seed}"
        argv = ["run", "--model", "planted", "--suite", "occupations", "--suite", "crows-pairs",
                "--data-dir", str(DATA), "--limit", "6", "--seed", str(seed), "--no-cache",
                "--out", str(out)]  # fmt: skip
        assert main(argv) == 0
        dirs.append(out)
    capsys.readouterr()
    out = tmp_path / "fam"
    assert main(["compare", "--family", *map(str, dirs), "--out", str(out)]) == 0
    csv = pd.read_csv(out / "family.csv", keep_default_na=False, na_values=[""])
    # the seed changes bootstrap intervals, not values: two equal checkpoints per row
    assert (csv["n_checkpoints"] == 2).all() and (csv["sd"] == 0).all()
    assert (csv["mean"] == csv["value_seed0"]).all() and (csv["min"] == csv["max"]).all()
    assert {"occupations", "crows-pairs"} == set(csv["suite"])
    heads = csv[csv["group"] == "all"].set_index("probe")
    assert heads.loc["pronoun", "metric"] == "log_odds"  # the kind's main metric
    assert heads.loc["pronoun", "direction"] in ("above", "below")
    assert heads.loc["pronoun", "sign_stable"] == True  # noqa: E712
    api = family(*dirs)
    assert api.table["mean"].tolist() == pytest.approx(csv["mean"].tolist())
    written = api.write(tmp_path / "api")
    assert (written / "family.md").read_text().startswith("# Checkpoints of one recipe: 2 runs")
