"""WinoBias metrics on tiny frames whose values are derived by hand in the comments."""

import math

import numpy as np
import pandas as pd
import pytest

from xlmaudit.metrics import winobias as m


def test_cloze_scores_by_hand():
    lps = {"he": -1.0, "him": -2.0, "his": -3.0, "she": -2.0, "her": -1.0}
    got = m.cloze_scores(lps, "male", "he", "she")
    # matched forms: log P(he) - log P(she) = -1 - (-2) = 1
    assert got["log_odds"] == 1.0
    # groups: ln(e^-1 + e^-2 + e^-3) = ln(0.553001) = -0.592394;
    #         ln(e^-2 + e^-1) = ln(0.503215) = -0.686738;  difference 0.094344
    assert got["log_odds_group"] == pytest.approx(0.094344, abs=1e-6)
    assert got["female_score"] == -1.0  # oriented to the feminine form: log P(she) - log P(he)
    fem = m.cloze_scores(lps, "female", "her", "his")  # -1 - (-3) = 2; group -0.686738 + 0.592394
    assert fem["log_odds"] == 2.0 and fem["female_score"] == 2.0
    assert fem["log_odds_group"] == pytest.approx(-0.094344, abs=1e-6)


def test_proportion_row_exact_interval_and_test():
    r = m.proportion_row("g", np.array([1.0, 2.0, -1.0, 0.0, np.nan]))
    # finite n = 4, k = #(> 0) = 2 (the tie 0.0 is not stereotypical): 50 %
    assert (r["n"], r["n_stereotypical"], r["n_ties"], r["value"]) == (4, 2, 1, 50.0)
    r = m.proportion_row("g", np.array([1.0, 2.0, -1.0, 0.5]))
    # k = 3 of 4 = 75 %; Clopper-Pearson: lower p solves 4p^3(1-p) + p^4 = 0.025 -> 0.194120,
    # upper solves 1 - p^4 = 0.025 -> 0.975^(1/4) = 0.993691; two-sided binomial
    # p = 2 * P(X >= 3) = 2 * (4 + 1) / 16 = 0.625
    assert r["value"] == 75.0
    assert r["ci_low"] == pytest.approx(19.4120, abs=1e-3)
    assert r["ci_high"] == pytest.approx(100 * 0.975**0.25, abs=1e-6)
    assert r["p_value"] == pytest.approx(0.625)


def test_mean_row_t_test():
    r = m.mean_row("g", np.array([1.0, 2.0, 3.0]), seed=0)
    # mean 2, sd 1, t = 2 / (1 / sqrt 3) = 3.464102, df 2: the t(2) cdf is
    # 1/2 + t / (2 sqrt(2 + t^2)) = 0.5 + 3.464102 / (2 * 3.741657) = 0.962910 -> p = 0.074180
    assert r["value"] == 2.0 and r["n"] == 3
    assert r["p_value"] == pytest.approx(0.074180, abs=1e-6)
    assert 1.0 <= r["ci_low"] <= 2.0 <= r["ci_high"] <= 3.0


def items(score_col: str) -> pd.DataFrame:
    # nurse (female): 1, -0.5; secretary (female): 2; mechanic (male): 1; janitor: not usable
    return pd.DataFrame(
        {
            "type": [1, 1, 2, 2, 2],
            "occupation": ["nurse", "nurse", "secretary", "mechanic", "janitor"],
            "stereo_gender": ["female", "female", "female", "male", "male"],
            "usable": [True, True, True, True, False],
            score_col: [1.0, -0.5, 2.0, 1.0, np.nan],
            "female_score": [1.0, -0.5, 2.0, -1.0, np.nan],
        }
    )


def value(frame, group, metric):
    hit = frame[(frame.group == group) & (frame.metric == metric)]
    assert len(hit) == 1
    return hit.iloc[0]


def test_summarize_groups_by_hand():
    shares = {"nurse": 87.9, "secretary": 92.5, "mechanic": 2.9, "pilot": 9.2}
    frame = items("log_odds").assign(log_odds_group=[0.5, -1.0, 1.5, 1.0, np.nan])
    s = m.summarize(frame, "cloze", shares=shares, seed=0)
    # group log-odds: (0.5 - 1 + 1.5 + 1) / 4 = 0.5 over the usable items
    assert value(s, "all", "mean_log_odds_group").value == pytest.approx(0.5)
    assert (s.n_excluded == 1).all() and (s.variant == "cloze").all()
    # all: 3 of 4 usable scores > 0 -> 75 %; mean (1 - 0.5 + 2 + 1) / 4 = 0.875
    assert value(s, "all", "pct_stereotypical").value == 75.0
    assert value(s, "all", "mean_log_odds").value == pytest.approx(0.875)
    # type1: nurse 1, -0.5 -> 50 %; type2: 2, 1 -> 100 % (the janitor row is not usable)
    assert value(s, "type1", "pct_stereotypical").value == 50.0
    assert value(s, "type2", "pct_stereotypical").n == 2
    assert value(s, "female_occupations", "pct_stereotypical").value == pytest.approx(200 / 3)
    assert value(s, "male_occupations", "mean_log_odds").value == 1.0
    assert value(s, "occupation:nurse", "mean_log_odds").value == pytest.approx(0.25)
    assert "occupation:janitor" not in set(s.group)
    # Holm over the three occupation share tests: raw p are 1.0 (nurse 1/2), 1.0 (secretary
    # 1/1) and 1.0 (mechanic 1/1): each times its step factor, capped at 1
    occ = s[s.group.str.startswith("occupation:") & (s.metric == "pct_stereotypical")]
    assert len(occ) == 3 and (occ.p_holm == 1.0).all()
    # bls: per-occupation mean female_score: mechanic -1, nurse 0.25, secretary 2 against
    # 2.9, 87.9, 92.5 (pilot has no items): ranks agree -> Spearman 1. Pearson: dx = -58.2,
    # 26.8, 31.4; dy = -1.41667, -0.16667, 1.58333; sxy = 127.7, sxx = 5091.44, syy = 4.54167
    # -> r = 127.7 / sqrt(5091.44 * 4.54167) = 0.839775
    rho = value(s, "bls", "spearman_female_score_vs_women_share")
    assert rho.value == pytest.approx(1.0) and rho.n == 3 and rho.coverage == "3/3"
    r = value(s, "bls", "pearson_female_score_vs_women_share")
    assert r.value == pytest.approx(0.839775, abs=1e-6)


def test_clustered_summary_resamples_occupations():
    # cluster="occupation" (the kind's cluster_key): rows of several occupations resample them
    # whole. all: nurse 1 of 2 > 0, secretary 1 of 1, mechanic 1 of 1. With j of the 3 drawn
    # clusters the nurse (j ~ Bin(3, 1/3)) the pooled share is 100 (2 - j + j) / (3 - j + 2j):
    # j = 0: 100 (8/27), 1: 75 (12/27), 2: 60 (6/27), 3: 50 (1/27 = 3.7%), so the 95%
    # percentile interval is [50, 100]; widened to hold Clopper-Pearson's [19.4120, 99.3691]
    # for 3 of 4 (test_proportion_row_exact_interval_and_test) it is [19.4120, 100]; p is the
    # larger of the binomial 0.625 and the draws' 2 (#draws <= 50 + 1) / 2001 (about 2/27)
    s = m.summarize(items("log_odds"), "cloze", seed=0, cluster="occupation")
    share = value(s, "all", "pct_stereotypical")
    assert (share.value, share.ci_high) == (75.0, 100.0)
    assert share.ci_low == pytest.approx(19.4120, abs=1e-3)
    assert share.p_value == pytest.approx(0.625)
    # mean log-odds: cluster means 0.25 (nurse), 2, 1 are all > 0, so no draw is <= 0:
    # p = 2 (0 + 1) / 2001, the smallest the 2000 draws give
    mean = value(s, "all", "mean_log_odds")
    assert mean.p_value == pytest.approx(2 / 2001) and 0.25 <= mean.ci_low < mean.ci_high <= 2
    # one occupation is one cluster: its rows keep the exact interval and binomial test
    nurse = value(s, "occupation:nurse", "pct_stereotypical")
    exact = m.proportion_row("occupation:nurse", np.array([1.0, -0.5]))
    assert (nurse.ci_low, nurse.ci_high, nurse.p_value) == pytest.approx(
        (exact["ci_low"], exact["ci_high"], exact["p_value"])
    )
    assert "ci_low_cluster" not in s  # the interval itself is the clustered one now


def test_coverage_names_unmatched_occupations():
    s = m.bls_rows(items("log_odds").iloc[:4], {"nurse": 87.9, "mechanic": 2.9})
    assert set(s.coverage) == {"2/3"} and set(s.unmatched) == {"secretary"}
    assert s.n.tolist() == [2, 2] and all(math.isnan(v) for v in s.value)  # < 3 points


def test_pll_variant_metric_names():
    s = m.summarize(items("pll_difference"), "pll", seed=0)
    assert set(s.metric) == {"pct_stereotypical", "mean_pll_difference"}
    assert value(s, "all", "mean_pll_difference").value == pytest.approx(0.875)
    assert "bls" not in set(s.group)


def test_share_row_gives_the_tie_adjusted_no_preference_value():
    from xlmaudit.metrics.winobias import proportion_row

    # 2 stereotypical, 2 ties (score 0, not stereotypical), 1 anti: 40% of 5, ties in n, so no
    # preference is (5 - 2) / 2 of 5 = 30%, not 50%
    row = proportion_row("all", np.array([1.0, 0.5, 0.0, 0.0, -1.0]))
    assert (row["value"], row["n"], row["n_ties"]) == (40.0, 5, 2)
    assert row["no_bias"] == pytest.approx(30.0)
