"""Kinds declare their main metric and what each metric means; compare and the report read the
kind recorded in meta.json (issue 12 items 2, 3 and 10; issue 13 point 2)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import pytest

from xlmaudit.paired import compare_runs
from xlmaudit.probes import get_kind, load_kinds, probe_record
from xlmaudit.testing.fixtures import write_fake_run


@dataclass
class Run:
    meta: dict[str, Any]
    summary: pd.DataFrame = field(default_factory=pd.DataFrame)
    raw: dict[str, pd.DataFrame] = field(default_factory=dict)


def _kurita_run(ilp: list[float]) -> Run:
    """A run whose kurita probe's raw rows carry both log_odds (equal in both runs) and its main
    metric ilp_difference (the values given)."""
    raw = pd.DataFrame({"suite": "occ", "probe": "kurita",
                        "item_id": [f"i{k}" for k in range(len(ilp))],
                        "log_odds": [0.5] * len(ilp), "ilp_difference": ilp})  # fmt: skip
    probes = {"kurita": {"kind": "increased_log_prob", "main_metric": "ilp_difference",
                         "contrast": ["female", "male"]}}  # fmt: skip
    return Run({"suites": {"occ": {"version": "1", "probes": probes}}}, raw={"occ": raw})


def test_compare_uses_the_kurita_probes_declared_main_metric():
    a, b = _kurita_run([0.0, 0.1, 0.0, 0.2, 0.1]), _kurita_run([1.0, 1.1, 1.0, 1.2, 1.1])
    frame = compare_runs(a, b)
    row = frame[frame.group == "all"].iloc[0]
    assert row.metric == "ilp_difference"  # was log_odds: SCORE_COLUMNS tried in a fixed order
    assert row.difference == pytest.approx(1.0)  # mean(b) - mean(a), by hand: 1.08 - 0.08
    assert row.test == "sign_test" and row.n_b_only_yes == 5


def test_a_probe_without_a_recorded_kind_is_not_compared():
    a, b = _kurita_run([0.0, 0.1, 0.2]), _kurita_run([1.0, 1.1, 1.2])
    for run in (a, b):
        run.raw["occ"] = pd.concat([run.raw["occ"], run.raw["occ"].assign(probe="mystery")])
    frame = compare_runs(a, b)
    assert set(frame.probe) == {"kurita"} and frame.attrs["not_compared"] == ["occ/mystery"]


def test_every_registered_kind_declares_its_main_metric_docs_and_pairing():
    for name, kind in load_kinds().items():
        assert kind.pairing in ("score", "decision", "none"), name
        if kind.main_metric:
            doc = kind.doc(kind.main_metric)
            assert doc is not None and doc.label and doc.method, name
    assert get_kind("increased_log_prob").main_metric == "ilp_difference"
    assert get_kind("counterfactual_pll").main_metric == "pll_difference"
    doc = get_kind("target_preference").doc("log_odds", ("female", "male"))
    assert "female vs male" in doc.label and doc.reference == 0.0
    assert "prefers female over male" in doc.above


def test_contrast_words_name_the_groups():
    kind = get_kind("target_preference")
    assert kind.contrast_words("log_odds", ("female", "male")) == "female - male"
    assert kind.contrast_words("log_odds_difference", ("female", "male")) == "female - male"
    assert kind.contrast_words("log_odds_template_share", ("female", "male")) == ""
    crows = get_kind("crows-pairs")
    assert (
        crows.contrast_words("pct_sent_more") == "more-stereotyping over less-stereotyping sentence"
    )


@pytest.fixture(scope="module")
def fake_run(tmp_path_factory):
    return write_fake_run(tmp_path_factory.mktemp("kinds") / "run")


def test_summary_has_a_contrast_column_and_level_everywhere(fake_run):
    summary = pd.read_csv(fake_run / "summary.csv")
    assert list(summary.columns[:10]) == [
        "suite", "probe", "group", "metric", "value", "ci_low", "ci_high", "n", "p_value", "level"
    ]  # fmt: skip
    assert summary.columns[-1] == "contrast"
    assert summary["level"].notna().all()  # benchmark rows too (was NaN for CrowS-Pairs)
    crows = summary[summary.probe == "aul"].set_index("group")["level"]
    assert crows["all"] == "overall" and crows["gender"] == "category"
    assert crows["stereo"] == "direction"
    pronoun = summary[(summary.probe == "pronoun") & (summary.metric == "log_odds")]
    assert set(pronoun["contrast"]) == {"female - male"}


def test_summary_columns_do_not_depend_on_which_suites_ran(fake_run, tmp_path):
    from xlmaudit.rundir import write_run
    from xlmaudit.runner import run_suites
    from xlmaudit.suites import load_suite
    from xlmaudit.testing.fake import FakeScorer
    from xlmaudit.testing.fixtures import WORD_LOGPROBS, _write_crows

    _write_crows(tmp_path / "pairs.csv")
    (tmp_path / "only.yaml").write_text(
        'name: only\nversion: "1"\ncard: {summary: s, measures: m, limits: l, references: [r],'
        " calibration: none}\nprobes:\n  - id: aul\n    kind: crows-pairs\n"
        "    estimator: aul\n    data: pairs.csv\n"
    )
    results = run_suites([load_suite(tmp_path / "only.yaml")], FakeScorer(dict(WORD_LOGPROBS)))
    out = write_run(tmp_path / "run", results, {"model": {"name": "fake"}})
    crows_only = pd.read_csv(out / "summary.csv")
    assert list(crows_only.columns) == list(pd.read_csv(fake_run / "summary.csv").columns)
    assert set(crows_only["level"]) == {"overall", "category", "direction"}


def test_meta_records_main_metric_and_contrast(fake_run):
    import json

    meta = json.loads((fake_run / "meta.json").read_text())
    record = probe_record(meta, "toy", "pronoun")
    assert record.kind is get_kind("target_preference")
    assert record.main_metric == "log_odds" and record.contrast == ("female", "male")
    assert meta["suites"]["toy"]["probes"]["pronoun"]["groups"] == {
        "female": ["she"],
        "male": ["he"],
    }


def test_console_summary_of_run_includes_stereoset(capsys, tmp_path):
    from types import SimpleNamespace

    from xlmaudit.commands.run import print_summary

    overall = (("lms", 91.5), ("ss", 55.25), ("icat", 81.9))
    summary = pd.DataFrame(
        [{"suite": "stereoset", "probe": "nadeem2021", "group": "overall", "metric": m, "value": v,
          "ci_low": v - 1, "ci_high": v + 1, "n": 40, "p_value": float("nan"), "level": "overall",
          "contrast": "stereotype over anti-stereotype" if m == "ss" else ""}
         for m, v in overall]
        + [{"suite": "stereoset", "probe": "nadeem2021", "group": "gender", "metric": "ss",
            "value": 60.0, "ci_low": 50.0, "ci_high": 70.0, "n": 10, "p_value": float("nan"),
            "level": "category", "contrast": ""}]
    )  # fmt: skip
    print_summary([SimpleNamespace(summary=summary)], tmp_path)
    out = capsys.readouterr().out
    for metric in ("lms", "ss", "icat"):
        assert re.search(rf"stereoset\s+nadeem2021\s+{metric}\s", out), out
    assert "55.2500" in out and "(stereotype over anti-stereotype)" in out
    assert "60.0000" not in out  # a category row is not an overall one
