"""``agreement.csv`` (:mod:`xlmaudit.agreement`): Kendall's tau and sign agreement between measures
of one run, on hand-made summaries with hand-derived values, and the findings part that reads it
(:mod:`xlmaudit.report.quality_section`)."""

from __future__ import annotations

import math
from itertools import combinations
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from xlmaudit.agreement import (
    agreement,
    agreement_tables,
    category_name,
    compare_values,
    match_categories,
)
from xlmaudit.report.agreement_plots import agreement_figures, agreement_matrices, alt_text
from xlmaudit.report.quality_section import disagreements
from xlmaudit.report.run import RunData
from xlmaudit.runinfo import RunInfo

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
CROWS = {"kind": "crows-pairs", "main_metric": "pct_sent_more",
         "contrast": ["more-stereotyping", "less-stereotyping"]}  # fmt: skip
ESTIMATORS = ("nangia2020", "meade2022", "aul", "aula", "word_l2r")


def meta(probes: dict[str, dict], suite: str = "crows-pairs") -> RunInfo:
    return RunInfo.from_json({"suites": {suite: {"probes": probes}}})


def crows_rows(probe: str, cells: dict[str, tuple[float, float, float, int]]) -> pd.DataFrame:
    """Summary rows of one CrowS probe: per category (value, ci_low, ci_high, n), plus the
    overall and a direction row (neither is a category)."""
    rows = [{"group": g, "level": "category", "value": v, "ci_low": lo, "ci_high": hi, "n": n}
            for g, (v, lo, hi, n) in cells.items()]  # fmt: skip
    rows += [{"group": "all", "level": "overall", "value": 99.0, "ci_low": 98, "ci_high": 100,
              "n": 400},
             {"group": "stereo", "level": "direction", "value": 1.0, "ci_low": 0, "ci_high": 2,
              "n": 300}]  # fmt: skip
    frame = pd.DataFrame(rows)
    return frame.assign(suite="crows-pairs", probe=probe, metric="pct_sent_more", lang="en",
                        estimator=probe, no_bias=50.0, p_value=0.01)  # fmt: skip


def test_tau_and_sign_agreement_by_hand():
    # one discordant pair of 6 (3, 4 swapped): tau = (5 - 1) / 6 = 2/3; exact p: 2 * 4/24 = 1/3
    # (permutations of 4 with at most one inversion: 1 + 3)
    a, b = np.array([1.0, 2, 3, 4]), np.array([1.0, 2, 4, 3])
    got = compare_values(a, b, np.full(4, 2.5), np.full(4, 3.5))
    assert got["kendall_tau"] == pytest.approx(2 / 3)
    assert got["tau_p"] == pytest.approx(1 / 3)
    # sides of 2.5: - - + +; of 3.5: - - + -  -> 3 of 4 agree, 1 opposite
    assert got["sign_agreement"] == pytest.approx(0.75)
    assert got["n_opposite"] == 1 and got["n"] == 4


def test_fewer_than_three_values_have_no_tau():
    got = compare_values(np.array([1.0, 2]), np.array([2.0, 1]), np.zeros(2), np.zeros(2))
    assert math.isnan(got["kendall_tau"]) and got["n"] == 2


def test_category_names_and_matching():
    assert category_name("occupation:CEO") == "ceo"
    assert category_name("category:queer_gender") == "queer gender"
    got = match_categories(["race-color", "gender", "religion", "age"],
                           ["gender", "race", "religion", "profession"])  # fmt: skip
    assert got == {"gender": "gender", "religion": "religion", "race-color": "race"}


def test_two_estimators_on_four_categories_by_hand():
    a = crows_rows(
        "aul",
        {
            "gender": (60, 55, 65, 100),
            "race-color": (70, 65, 75, 100),
            "religion": (80, 75, 85, 100),
            "age": (90, 85, 95, 100),
        },
    )
    b = crows_rows(
        "meade2022",
        {
            "gender": (55, 45, 65, 100),
            "race-color": (65, 55, 75, 100),
            "religion": (95, 90, 99, 100),
            "age": (85, 80, 90, 100),
        },
    )
    frame = agreement(pd.concat([a, b]), meta({"aul": CROWS, "meade2022": CROWS}))
    assert len(frame) == 1  # no raw frames: categories only
    row = frame.iloc[0]
    assert (row.measure_a, row.measure_b, row.over) == ("crows-pairs/aul", "crows-pairs/meade2022",
                                                        "categories")  # fmt: skip
    assert row.n == 4  # the overall and direction rows are not categories
    assert row.kendall_tau == pytest.approx(2 / 3)  # religion/age swapped: (5 - 1) / 6
    assert row.sign_agreement == 1.0 and row.n_opposite == 0
    assert row.opposite_significant == "" and bool(row.comparable) and not row.flipped


def disagreeing(b_religion: tuple[float, float, float, int]) -> tuple[RunData, pd.DataFrame]:
    """aul and meade2022 on four categories, religion as given for meade2022."""
    a = crows_rows(
        "aul",
        {
            "gender": (60, 55, 65, 100),
            "race-color": (70, 65, 75, 100),
            "religion": (80, 70, 90, 100),
            "age": (90, 85, 95, 100),
        },
    )
    b = crows_rows(
        "meade2022",
        {
            "gender": (55, 45, 65, 100),
            "race-color": (65, 55, 75, 100),
            "religion": b_religion,
            "age": (85, 80, 90, 100),
        },
    )
    info = meta({"aul": CROWS, "meade2022": CROWS})
    summary = pd.concat([a, b], ignore_index=True)
    table = agreement(summary, info)
    return RunData(path=None, meta=info, summary=summary, agreement=table), table


def test_opposite_significant_directions_are_said_plainly():
    run, table = disagreeing((20, 10, 30, 100))
    row = table.iloc[0]
    assert row.opposite_significant == "religion" and row.n_opposite == 1
    assert row.sign_agreement == pytest.approx(0.75)
    said = disagreements(run, table)
    assert len(said) == 1
    text = said[0]
    assert text.startswith("crows-pairs/aul and crows-pairs/meade2022 disagree in direction on "
                           "religion: by crows-pairs/aul, the model prefers the "
                           "more-stereotyping sentence in 80")  # fmt: skip
    assert "by crows-pairs/meade2022, the model prefers the less-stereotyping sentence" in text


@pytest.mark.parametrize(
    "religion",
    [(40, 25, 55, 100),  # opposite side, but the interval includes no bias
     (20, 10, 30, 12)],  # both excluded, but 12 pairs < the kind's min_n (30)
)  # fmt: skip
def test_no_sentence_unless_both_directions_are_significant(religion):
    run, table = disagreeing(religion)
    assert table.iloc[0].n_opposite == 1 and table.iloc[0].opposite_significant == ""
    assert disagreements(run, table) == []


def test_reversed_contrast_is_flipped():
    def template_rows(probe: str, values: list[float]) -> pd.DataFrame:
        groups = ["nurse", "pilot", "baker", "cook"]
        return pd.DataFrame({"suite": "occ", "probe": probe, "lang": "en", "metric": "log_odds",
                             "group": groups, "level": "filler", "value": values,
                             "ci_low": np.nan, "ci_high": np.nan, "n": 4})  # fmt: skip

    kind = {"kind": "target_preference", "main_metric": "log_odds"}
    info = meta({"fm": {**kind, "contrast": ["female", "male"]},
                 "mf": {**kind, "contrast": ["male", "female"]}}, suite="occ")  # fmt: skip
    summary = pd.concat([template_rows("fm", [2.0, -1, 1, 0.5]),
                         template_rows("mf", [-2.0, 1, -1, -0.5])])  # fmt: skip
    row = agreement(summary, info).iloc[0]
    assert bool(row.flipped) and row.kendall_tau == pytest.approx(1.0)
    assert row.sign_agreement == 1.0


def crows_raw(probe: str, decisions: list[int]) -> pd.DataFrame:
    more = np.array(decisions, dtype=float)
    return pd.DataFrame({"suite": "crows-pairs", "probe": probe, "lang": "en",
                         "item_id": [f"p{i}" for i in range(len(decisions))],
                         "bias_type": "gender", "estimator": probe,
                         "sent_more_score": more, "sent_less_score": 0.5})  # fmt: skip


def test_items_shared_by_two_estimators_by_hand():
    # decisions a = 1 1 0 0, b = 1 0 0 0: C = 2, D = 0, ties in a 2 pairs, in b 3 of 6:
    # tau-b = 2 / sqrt((6 - 2) (6 - 3)) = 1 / sqrt(3); same decision on 3 of 4 pairs
    a = crows_rows(
        "aul",
        {
            "gender": (60, 55, 65, 100),
            "race-color": (70, 65, 75, 100),
            "religion": (80, 75, 85, 100),
        },
    )
    b = crows_rows(
        "aula",
        {
            "gender": (55, 45, 65, 100),
            "race-color": (65, 55, 75, 100),
            "religion": (95, 90, 99, 100),
        },
    )
    raw = {"crows-pairs": pd.concat([crows_raw("aul", [1, 1, 0, 0]),
                                     crows_raw("aula", [1, 0, 0, 0])])}  # fmt: skip
    frame = agreement(pd.concat([a, b]), meta({"aul": CROWS, "aula": CROWS}), raw)
    items = frame[frame.over == "items"].iloc[0]
    assert items.n == 4 and items.kendall_tau == pytest.approx(1 / math.sqrt(3))
    assert items.sign_agreement == pytest.approx(0.75) and items.n_opposite == 1
    assert frame[frame.over == "categories"].iloc[0].n == 3


def test_no_table_when_no_two_measures_share_three_categories():
    a = crows_rows("aul", {"gender": (60, 55, 65, 100), "age": (70, 65, 75, 100)})
    b = crows_rows("aula", {"gender": (55, 45, 65, 100), "age": (65, 55, 75, 100)})
    assert agreement_tables(pd.concat([a, b]), meta({"aul": CROWS, "aula": CROWS})) == {}


def test_heatmap_is_symmetric_and_annotated_with_n():
    run, table = disagreeing((20, 10, 30, 100))
    tau, n = agreement_matrices(table, "categories")
    assert list(tau.index) == ["crows-pairs/aul", "crows-pairs/meade2022"]
    assert tau.iloc[0, 1] == tau.iloc[1, 0] == pytest.approx(table.kendall_tau.iloc[0])
    assert np.isnan(tau.iloc[0, 0]) and n.iloc[0, 1] == 4
    [(name, fig, caption)] = agreement_figures(table)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert sorted(texts) == [f"{table.kendall_tau.iloc[0]:.2f}\nn=4"] * 2
    assert "crows-pairs/aul, crows-pairs/meade2022" in alt_text(table)


@pytest.mark.slow
def test_run_writes_agreement_of_the_five_estimators_and_the_report_shows_it(tmp_path):
    from xlmaudit.cli import main

    out = tmp_path / "run"
    argv = ["run", "--model", "planted", "--suite", "crows-pairs", "--data-dir", str(DATA),
            "--limit", "60", "--out", str(out)]  # fmt: skip
    assert main(argv) == 0
    table = pd.read_csv(out / "agreement.csv")
    pairs = {
        (a.split("/")[1], b.split("/")[1], o)
        for a, b, o in zip(table.measure_a, table.measure_b, table.over, strict=True)
    }
    want = {(a, b, o) for a, b in combinations(ESTIMATORS, 2) for o in ("categories", "items")}
    assert pairs == want and len(table) == 20
    assert (table[table.over == "items"].n == 60).all()
    assert table.kendall_tau.between(-1, 1).all() and table.sign_agreement.between(0, 1).all()
    report = (out / "report.md").read_text()
    findings = report.split("## Run provenance", 1)[0]
    assert "### How much to believe these numbers" in findings
    assert "crows-pairs/nangia2020 vs crows-pairs/word\\_l2r" in findings
    assert (out / "figures" / "agreement_heatmap.png").is_file()


def quality_frame() -> pd.DataFrame:
    """A hand-made quality.csv: aul's overall row and two categories, one under-powered."""
    base = {"suite": "crows-pairs", "probe": "aul", "lang": "en", "metric": "pct_sent_more",
            "estimator": "aul", "n_clusters": np.nan, "design_effect": np.nan,
            "template_share": np.nan}  # fmt: skip
    rows = [
        {**base, "group": "all", "n": 400, "mde": 7.2, "power_5pt": 0.52, "split_half": 0.81,
         "split_half_low": 0.6, "split_half_high": 0.93},
        {**base, "group": "gender", "n": 100, "mde": 14.0, "power_5pt": 0.17},
        {**base, "group": "age", "n": 2000, "mde": 3.1, "power_5pt": 0.99},
    ]  # fmt: skip
    return pd.DataFrame(rows)


def test_quality_table_and_low_power_flag():
    from xlmaudit.report.quality_section import LOW_POWER, quality_table, with_power_flags

    run, _ = disagreeing((20, 10, 30, 100))
    table = quality_table(run, quality_frame())
    assert table.rows == (("crows-pairs/aul", "pct_sent_more", "400", "7.200", "0.520", "", "",
                           "0.810 [0.600, 0.930]", "", "2 of 3"),)  # fmt: skip
    headlines = pd.DataFrame(
        {
            "suite": "crows-pairs",
            "probe": ["aul", "aul", "aul", "aula"],
            "lang": "en",
            "group": ["all", "age", "gender", "all"],
            "metric": "pct_sent_more",
            "warning": ["", "", "few pairs", ""],
        }
    )
    flagged = with_power_flags(headlines, quality_frame())
    assert list(flagged.warning) == [LOW_POWER, "", f"few pairs; {LOW_POWER}", ""]


def test_the_part_shows_both_tables_and_nothing_without_them():
    from xlmaudit.report.quality_section import TITLE, believe_blocks
    from xlmaudit.report.render import Heading, Table

    run, _ = disagreeing((20, 10, 30, 100))
    blocks = believe_blocks(run, [], quality=quality_frame())
    assert blocks[0] == Heading(3, TITLE)
    captions = [b.caption for b in blocks if isinstance(b, Table)]
    assert captions[0].startswith("agreement.csv") and captions[1].startswith("quality.csv")
    empty = RunData(path=None, meta=run.meta, summary=run.summary)
    assert believe_blocks(empty, []) == []
