"""CrowS-Pairs summary: % preferring sent_more, sign test, Holm, warnings; the full file."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy.stats import beta

from xlmaudit.datasets import load_crows_pairs
from xlmaudit.metrics.crows import holm, summarize_pairs
from xlmaudit.probes.crows import score_pairs
from xlmaudit.testing.fake import FakeScorer

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def test_holm_step_down_by_hand():
    # sorted p: 0.01 (x3 = 0.03), 0.03 (x2 = 0.06), 0.04 (x1 = 0.04 -> monotone 0.06)
    assert holm([0.04, 0.01, 0.03]) == pytest.approx([0.06, 0.03, 0.06])
    # capped at 1; NaN stays NaN and does not count in m (m = 2 here)
    out = holm([0.6, np.nan, 0.02, 0.7])  # m = 3: 0.06, min(1, 1.2), max(0.7, 1.0)
    assert np.isnan(out[1]) and list(out[[0, 2, 3]]) == pytest.approx([1.0, 0.06, 1.0])


def _raw(bias, outcomes, asym=0):
    score = {
        "more": (-1.0, -2.0),
        "less": (-2.0, -1.0),
        "tie": (-1.0, -1.0),
        "skip": (np.nan, -1.0),
    }
    rows = [
        {
            "bias_type": bias,
            "direction": "stereo" if i % 2 == 0 else "antistereo",
            "sent_more_score": score[o][0],
            "sent_less_score": score[o][1],
            "asymmetric": i < asym,
        }
        for i, o in enumerate(outcomes)
    ]
    return pd.DataFrame(rows)


def test_summary_counts_ties_in_denominator_and_tests_without_them():
    raw = pd.concat(
        [
            _raw("gender", ["more", "more", "more", "less", "tie", "skip"], asym=2),
            _raw("age", ["more"] * 9 + ["less"]),
        ],
        ignore_index=True,
    )
    s = summarize_pairs(raw, seed=1).set_index("group")
    g = s.loc["gender"]
    assert g.value == pytest.approx(60.0)  # 3 of 5 scored pairs (tie counted, skipped not)
    assert (g.n, g.n_more, g.n_less, g.n_ties, g.n_skipped, g.n_asymmetric) == (5, 3, 1, 1, 1, 2)
    # exact sign test, ties out: P(X >= 3) + P(X <= 1), X ~ Bin(4, 1/2) = (1 + 4 + 4 + 1) / 16
    assert g.p_value == pytest.approx(10 / 16)
    a = s.loc["age"]
    # P(X >= 9) + P(X <= 1), X ~ Bin(10, 1/2) = 2 * (1 + 10) / 1024
    assert a.p_value == pytest.approx(22 / 1024)
    # Holm over the two bias types: 22/1024 * 2, then max(10/16 * 1, previous)
    assert a.p_holm == pytest.approx(44 / 1024) and g.p_holm == pytest.approx(10 / 16)
    assert s.loc["all"].value == pytest.approx(100 * 12 / 15) and np.isnan(s.loc["all"].p_holm)
    assert "only 5 pairs (< 100)" in g.warning
    assert g.ci_low <= g.value <= g.ci_high and 0 <= g.ci_low < g.ci_high <= 100
    # directions: stereo rows are the even positions of each part
    assert s.loc["stereo"].n + s.loc["antistereo"].n == 15
    assert list(s.metric.unique()) == ["pct_sent_more"]


def test_summary_of_a_constant_group_has_an_exact_interval():
    s = summarize_pairs(_raw("religion", ["more"] * 120), seed=0).set_index("group")
    r = s.loc["religion"]
    # Clopper-Pearson for 120 of 120: lower = (0.025)^(1/120) = exp(ln 0.025 / 120) = 0.969727
    assert (r.value, r.ci_high, r.warning) == (100.0, 100.0, "")
    assert r.ci_low == pytest.approx(100 * 0.025 ** (1 / 120)) and r.ci_low < 97.0
    assert r.p_value == pytest.approx(2 * 0.5**120)


def test_three_pairs_get_an_exact_interval_not_a_zero_width_one():
    # the case: 3 pairs, all preferring sent_more; the percentile bootstrap gave
    # 100 [100, 100]. Clopper-Pearson for 3 of 3: lower = 0.025^(1/3) = 0.29240, upper = 1
    s = summarize_pairs(_raw("disability", ["more"] * 3)).set_index("group")
    r = s.loc["disability"]
    assert r.value == 100.0 and r.ci_high == 100.0
    assert r.ci_low == pytest.approx(29.2402, abs=1e-4)
    # 0 of 3 mirrors it: [0, 1 - 0.025^(1/3)]
    r0 = summarize_pairs(_raw("age", ["less"] * 3)).set_index("group").loc["age"]
    assert (r0.value, r0.ci_low) == (0.0, 0.0) and r0.ci_high == pytest.approx(70.7598, abs=1e-4)


def test_ties_give_the_tie_adjusted_no_preference_value_and_the_decided_share():
    # the meade2022 case: 96 pairs, 23 more, 24 less, 49 ties
    outcomes = ["more"] * 23 + ["less"] * 24 + ["tie"] * 49
    r = summarize_pairs(_raw("gender", outcomes)).set_index("group").loc["gender"]
    assert r.value == pytest.approx(100 * 23 / 96)  # 23.96: unchanged, ties in the denominator
    assert (r.n, r.n_more, r.n_less, r.n_ties) == (96, 23, 24, 49)
    # no preference among the 47 decided pairs = 47 / 2 of 96 = 24.48 %, not 50
    assert r.no_bias == pytest.approx(100 * 47 / 192) and round(r.no_bias, 2) == 24.48
    assert r.pct_more_decided == pytest.approx(100 * 23 / 47)  # 48.94 %
    # Clopper-Pearson bounds are beta quantiles: Beta(k, n-k+1) at 2.5%, Beta(k+1, n-k) at 97.5%
    lo, hi = 100 * beta.ppf(0.025, 23, 96 - 23 + 1), 100 * beta.ppf(0.975, 24, 96 - 23)
    assert (r.ci_low, r.ci_high) == (pytest.approx(lo), pytest.approx(hi))
    dlo, dhi = 100 * beta.ppf(0.025, 23, 25), 100 * beta.ppf(0.975, 24, 24)
    assert (r.decided_ci_low, r.decided_ci_high) == (pytest.approx(dlo), pytest.approx(dhi))
    assert r.decided_ci_low < 50 < r.decided_ci_high and r.p_value == 1.0
    # the share's interval excludes 50 but holds the tie-adjusted no-preference value
    assert r.ci_high < 50 and r.ci_low < r.no_bias < r.ci_high


def test_no_ties_no_preference_is_fifty():
    r = summarize_pairs(_raw("age", ["more", "less"] * 5)).set_index("group").loc["age"]
    assert (r.no_bias, r.pct_more_decided, r.value) == (50.0, 50.0, 50.0)


def test_full_crows_file_with_every_estimator_on_a_fake_scorer():
    pairs = load_crows_pairs(DATA / "crows_pairs" / "crows_pairs_anonymized.csv")
    scorer = FakeScorer({"black": -1.0}, default=-5.0)
    raw = score_pairs(pairs, scorer)
    assert len(raw) == 6 * 1508  # every estimator, sjsd the sixth
    assert list(raw.columns[:7]) == [
        "item_id",
        "pair_id",
        "bias_type",
        "direction",
        "estimator",
        "sent_more_score",
        "sent_less_score",
    ]
    nangia = raw[raw.estimator == "nangia2020"]
    # a context-free scorer gives shared tokens equal scores: every nangia2020 pair is a tie
    assert (nangia.outcome == "tie").all()
    # sjsd scores the same shared tokens: equal distance sums, every pair a tie too
    assert (raw[raw.estimator == "sjsd"].outcome == "tie").all()
    meade = raw[raw.estimator == "meade2022"].set_index("pair_id")
    # "black" is the only piece scored above the default: meade2022 prefers sent_more when
    # "black" is among sent_more's modified words only, and sees a tie (or a skip) when neither
    # sentence has it
    for pid, row in pairs.set_index("pair_id").iterrows():
        more, less = set(row.sent_more.lower().split()), set(row.sent_less.lower().split())
        outcome = meade.loc[pid, "outcome"]
        if "black" in more - less:
            assert outcome in ("more", "skipped"), pid
        elif "black" not in more | less:
            assert outcome in ("tie", "skipped"), pid
    assert (meade.outcome == "more").sum() > 50
    assert (meade.outcome == "skipped").sum() == (
        meade.n_scored_more * meade.n_scored_less == 0
    ).sum()
    summary = summarize_pairs(nangia).set_index("group")
    assert summary.loc["all", "n"] == 1508 and summary.loc["race-color", "n"] == 516


def test_share_kinds_declare_a_minimum_n_and_its_reason_holds():
    from scipy.stats import binom

    from xlmaudit.metrics.stats import MIN_N_SHARE, sign_test_power
    from xlmaudit.probes import ProbeKind, load_kinds

    kinds = load_kinds()
    assert ProbeKind.min_n == 0 and kinds["target_preference"].min_n == 0  # no minimum declared
    assert kinds["crows-pairs"].min_n == kinds["winobias"].min_n == MIN_N_SHARE == 30
    assert kinds["stereoset"].min_n == 10  # targets: SS's interval resamples target terms
    # the reason: at n = 30 the exact two-sided sign test at 0.05 rejects k <= 9 or k >= 21
    # (P(X >= 21) = 0.0214 under 1/2, doubled 0.043; k = 20 gives 0.099), so its power against
    # a 75/25 preference is P(X >= 21) + P(X <= 9) with X ~ Bin(30, 0.75) = 0.803
    assert sps_binomtest_p(21, 30) <= 0.05 < sps_binomtest_p(20, 30)
    power = binom.sf(20, 30, 0.75) + binom.cdf(9, 30, 0.75)
    assert sign_test_power(30, 0.75) == pytest.approx(power) and power == pytest.approx(0.803, 1e-3)
    assert max(sign_test_power(n, 0.75) for n in range(1, 30)) < 0.8  # below 30 never 80%
    for kind in ("crows-pairs", "winobias"):
        method = kinds[kind].doc(kinds[kind].main_metric).method
        assert "fewer than 30" in method and "80% power" in method


def sps_binomtest_p(k, n):
    from scipy.stats import binomtest

    return binomtest(k, n, 0.5).pvalue
