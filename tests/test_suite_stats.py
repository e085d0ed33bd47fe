"""Statistics of template probes, against values derived by hand."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from xlmaudit.metrics import stats
from xlmaudit.metrics import template_scores as ts


def test_variance_shares_two_by_two() -> None:
    # y = [[1, 2], [3, 4]]: grand mean 2.5; template means 1.5, 3.5 -> SS_t = 2 * (1 + 1) = 4;
    # filler means 2, 3 -> SS_f = 2 * (0.25 + 0.25) = 1; SS_total = 2.25 + 0.25 + 0.25 + 2.25 = 5.
    shares = stats.variance_shares(np.array([[1.0, 2.0], [3.0, 4.0]]))
    assert shares == pytest.approx({"template": 0.8, "filler": 0.2, "residual": 0.0})


def test_variance_shares_with_interaction() -> None:
    # y = [[1, 0], [0, 1]]: all means 0.5 -> SS_t = SS_f = 0, SS_total = 1: all residual.
    shares = stats.variance_shares(np.array([[1.0, 0.0], [0.0, 1.0]]))
    assert shares == pytest.approx({"template": 0.0, "filler": 0.0, "residual": 1.0})


def test_variance_shares_drop_incomplete_fillers_and_degenerate_input() -> None:
    y = np.array([[1.0, 2.0, np.nan], [3.0, 4.0, 9.0]])
    assert stats.variance_shares(y)["template"] == pytest.approx(0.8)
    assert math.isnan(stats.variance_shares(np.ones((3, 3)))["template"])


def test_crossed_bootstrap_resamples_templates() -> None:
    # Fillers agree, templates differ (0 vs 1). Resampling fillers alone would give a zero-width
    # interval at 0.5; resampling templates gives draws 0 (1/4), 0.5 (1/2), 1 (1/4): CI (0, 1).
    est = stats.crossed_bootstrap(np.array([[0.0, 0.0, 0.0], [1.0, 1.0, 1.0]]), seed=1)
    assert (est.value, est.ci_low, est.ci_high, est.n) == (0.5, 0.0, 1.0, 6)


def test_crossed_bootstrap_resamples_fillers() -> None:
    est = stats.crossed_bootstrap(np.array([[0.0, 1.0], [0.0, 1.0]]), seed=1)
    assert (est.value, est.ci_low, est.ci_high) == (0.5, 0.0, 1.0)


def test_crossed_bootstrap_constant_and_strata() -> None:
    est = stats.crossed_bootstrap(np.full((3, 4), 2.0))
    assert (est.value, est.ci_low, est.ci_high) == (2.0, 2.0, 2.0)
    # strata 0: fillers {0, 1}, strata 1: fillers {5, 6}: difference of means = 5; within-stratum
    # resampling gives stratum means in {0, 0.5, 1} and {5, 5.5, 6}: differences 4 .. 6.
    y = np.array([[0.0, 1.0, 5.0, 6.0], [0.0, 1.0, 5.0, 6.0]])
    est = stats.crossed_bootstrap(y, columns=np.array([0, 0, 1, 1]), seed=3)
    assert est.value == 5.0 and 4.0 <= est.ci_low < 5.0 < est.ci_high <= 6.0


def test_crossed_bootstrap_is_seeded() -> None:
    y = np.random.default_rng(0).normal(size=(5, 20))
    a, b = stats.crossed_bootstrap(y, seed=7), stats.crossed_bootstrap(y, seed=7)
    assert a == b and a.ci_low < a.value < a.ci_high


def test_bootstrap_mean_uses_scipy_percentile() -> None:
    # Two values 0 and 1: resampled means are 0, 0.5, 1 -> the 95% percentile interval is (0, 1).
    est = stats.bootstrap_mean(np.array([0.0, 1.0]))
    assert (est.value, est.ci_low, est.ci_high, est.n) == (0.5, 0.0, 1.0, 2)
    single = stats.bootstrap_mean(np.array([3.0]))
    assert single.value == 3.0 and math.isnan(single.ci_low) and single.n == 1


def test_spearman_and_pearson() -> None:
    x = np.arange(10.0)
    rho = stats.correlation(x, x**3, method="spearman")
    assert rho.value == pytest.approx(1.0) and rho.n == 10 and rho.p_value < 1e-6
    # Pearson of (1, 2, 3) with (1, 2, 4): Sxy = 3, Sxx = 2, Syy = 14 / 3 -> r = 0.98198
    r = stats.correlation(np.array([1.0, 2.0, 3.0]), np.array([1.0, 2.0, 4.0]), method="pearson")
    assert r.value == pytest.approx(3 / math.sqrt(2 * 14 / 3))
    assert r.ci_low < r.value < r.ci_high
    assert math.isnan(stats.correlation(x, np.ones(10)).value)


def test_bootstrap_p_value_hand_derived() -> None:
    # 9 draws, 2 of them <= 0 and 7 >= 0: k = 2 -> p = 2 * 3 / 10
    draws = np.array([-1.0, -0.5, 0.5, 1, 2, 3, 4, 5, 6])
    assert stats.bootstrap_p_value(draws) == pytest.approx(0.6)
    # all draws positive: k = 0 -> the floor 2 / (B + 1); NaN draws are ignored
    assert stats.bootstrap_p_value(np.array([1.0, 2, 3, np.nan])) == pytest.approx(0.5)
    assert stats.bootstrap_p_value(np.array([-1.0, 1.0])) == 1.0


def test_crossed_p_value_agrees_with_interval() -> None:
    rng = np.random.default_rng(3)
    for shift in (0.0, 0.3, 2.0):
        est = stats.crossed_bootstrap(rng.normal(shift, 1.0, size=(5, 12)), seed=1)
        excludes_zero = est.ci_low > 0 or est.ci_high < 0
        assert (est.p_value < 0.05) == excludes_zero


def items_frame() -> pd.DataFrame:
    # 2 templates x 4 fillers; fillers a, b in category x, c, d in category y.
    rows = []
    values = {"t1": [1.0, 3.0, 0.0, 2.0], "t2": [3.0, 5.0, 2.0, 4.0]}
    for tid, vals in values.items():
        for filler, cat, share, v in zip("abcd", "xxyy", [10, 20, 30, 40], vals, strict=True):
            rows.append(dict(template_id=tid, filler=filler, cat=cat, share=share, score=v))
    return pd.DataFrame(rows)


def test_summary_rows_hand_derived() -> None:
    items = items_frame()
    overall = ts.overall_rows(items, "score", seed=0)[0]
    assert overall["value"] == pytest.approx(2.5) and overall["level"] == "overall"
    # every cell is >= 0; a draw reaches 0 only by picking t1 twice and filler c four times
    # ((1/2)^2 (1/4)^4 = 1/1024), so p is small but positive
    assert 0 < overall["p_value"] < 0.05
    assert (
        overall["p_value"]
        == stats.crossed_bootstrap(ts.score_matrix(items, "score").to_numpy(), seed=0).p_value
    )
    per_filler = {r["group"]: r["value"] for r in ts.per_filler_rows(items, "score", seed=0)}
    assert per_filler == {"a": 2.0, "b": 4.0, "c": 1.0, "d": 3.0}
    per_template = {r["group"]: r["value"] for r in ts.per_template_rows(items, "score", seed=0)}
    assert per_template == {"t1": 1.5, "t2": 3.5}
    # SS: template 4 * (1 + 1) = 8; filler 2 * (0.25 + 2.25 + 2.25 + 0.25) = 10; total 18
    shares = {r["metric"]: r["value"] for r in ts.sensitivity_rows(items, "score")}
    assert shares["score_template_share"] == pytest.approx(4 / 9)
    assert shares["score_filler_share"] == pytest.approx(5 / 9)


def test_category_and_correlation_rows() -> None:
    items = items_frame()
    rows = ts.category_rows(items, "score", "cat", seed=0)
    by = {(r["level"], r["group"]): r for r in rows}
    assert by[("category", "x")]["value"] == pytest.approx(3.0)
    assert by[("category", "y")]["value"] == pytest.approx(2.0)
    diff = by[("contrast", "y - x")]
    assert diff["value"] == pytest.approx(-1.0) and diff["metric"] == "score_difference"
    # the difference's p-value comes from the same draws as its interval
    assert (diff["p_value"] < 0.05) == (diff["ci_low"] > 0 or diff["ci_high"] < 0)
    corr = {r["metric"]: r for r in ts.correlation_rows(items, "score", "share", seed=0)}
    # filler means (2, 4, 1, 3) vs shares (10, 20, 30, 40): ranks (2, 4, 1, 3) vs (1, 2, 3, 4)
    # rho = 1 - 6 * (1 + 4 + 4 + 1) / (4 * 15) = 0
    assert corr["spearman_score_vs_share"]["value"] == pytest.approx(0.0)
    assert corr["spearman_score_vs_share"]["n"] == 4
