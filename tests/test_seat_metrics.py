"""SEAT/WEAT effect size and permutation p (sent-bias weat.py) on hand-derived 2-D vectors."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from xlmaudit.metrics import seat as m

A = np.array([[1.0, 0.0]])  # attribute set A: one vector along the first axis
B = np.array([[0.0, 1.0]])  # attribute set B: one vector along the second axis


def _cos(x, y):
    return m.cosines(np.array(x + y, dtype=float), np.vstack([A, B]))


def test_effect_size_and_exact_p_by_hand():
    # s(w) = cos(w, a) - cos(w, b):
    #   x1 = (1, 0): 1 - 0 = 1;     x2 = (3, 4): 3/5 - 4/5 = -0.2
    #   y1 = (4, 3): 4/5 - 3/5 = 0.2; y2 = (0, 1): 0 - 1 = -1
    # mean_X = 0.4, mean_Y = -0.4; s has mean 0, sum of squares 1 + .04 + .04 + 1 = 2.08,
    # sample std = sqrt(2.08 / 3) = 0.832666; d = 0.8 / 0.832666 = 0.960769.
    # Exact test, C(4, 2) = 6 splits, sum over Xi: {1,-.2} .8 (observed), {1,.2} 1.2, {1,-1} 0,
    # {-.2,.2} 0, {-.2,-1} -1.2, {.2,-1} -.8 -> two splits >= .8 -> p = 2/6 = 1/3.
    cos = _cos([[1, 0], [3, 4]], [[4, 3], [0, 1]])
    np.testing.assert_allclose(m.association(cos, 1), [1.0, -0.2, 0.2, -1.0], atol=1e-12)
    res = m.weat(cos, 2, 1, n_samples=6)
    assert res.effect_size == pytest.approx(0.8 / math.sqrt(2.08 / 3), abs=1e-12)
    assert res.effect_size == pytest.approx(0.960769, abs=1e-6)
    assert res.exact and res.n_partitions == 6 and res.n_splits == 6
    assert res.p_value == pytest.approx(1 / 3)
    # swapping X and Y flips d; p becomes the other tail: sums >= -.8: 5 of 6
    swapped = m.weat(cos[[2, 3, 0, 1]], 2, 1, n_samples=6)
    assert swapped.effect_size == pytest.approx(-res.effect_size)
    assert swapped.p_value == pytest.approx(5 / 6)


def test_ties_count_as_exceeding():
    # x1 = (1, 0): s = 1; x2 = (1, 1): s = 1/sqrt2 - 1/sqrt2 = 0; y1 = (-1, -1): s = 0;
    # y2 = (0, 1): s = -1. Observed sum 1; splits {1,0} 1 (obs), {1,0'} 1 (tie), {1,-1} 0,
    # {0,0'} 0, {0,-1} -1, {0',-1} -1 -> p = 2/6 (a strict test would give 1/6).
    # d = (0.5 - (-0.5)) / sqrt((1 + 0 + 0 + 1) / 3) = sqrt(3/2) = 1.224745
    cos = _cos([[1, 0], [1, 1]], [[-1, -1], [0, 1]])
    res = m.weat(cos, 2, 1)
    assert res.p_value == pytest.approx(2 / 6)
    assert res.effect_size == pytest.approx(math.sqrt(1.5))


def test_sampled_p_counts_the_observed_split_once():
    # n_samples 4 < C(4,2) = 6: 3 random splits + the observed one counted as exceeding,
    # so p is a multiple of 1/4 and at least 1/4, even when nothing else exceeds
    cos = _cos([[1, 0], [3, 4]], [[4, 3], [0, 1]])
    res = m.weat(cos, 2, 1, n_samples=4, seed=3)
    assert not res.exact and res.n_splits == 4
    assert res.p_value in (0.25, 0.5, 0.75, 1.0)
    # perfectly separated: only the observed split reaches the observed sum
    s_x, s_y = np.array([5.0, 4.0, 3.0]), np.array([-3.0, -4.0, -5.0])
    p, exact, n = m.permutation_p(s_x, s_y, n_samples=10, seed=0)
    # C(6,3) = 20 > 10: 9 random splits, none can reach 12 (only {5,4,3} does; the chance of
    # drawing it is 1/20 per split, so p is 1/10 or slightly more)
    assert not exact and n == 10 and p >= 0.1
    p_exact, exact, n = m.permutation_p(s_x, s_y, n_samples=20)
    assert exact and n == 20 and p_exact == pytest.approx(1 / 20)


def test_exact_and_sampled_p_agree_within_monte_carlo_error():
    rng = np.random.default_rng(7)
    s_x = rng.normal(0.3, 1.0, 8)
    s_y = rng.normal(0.0, 1.0, 8)
    p_exact, exact, n = m.permutation_p(s_x, s_y)  # C(16, 8) = 12,870 <= 100,000
    assert exact and n == 12_870
    p_mc, exact, n = m.permutation_p(s_x, s_y, n_samples=10_000, seed=1)
    assert not exact and n == 10_000
    se = math.sqrt(p_exact * (1 - p_exact) / 10_000)
    assert 0.02 < p_exact < 0.98  # the check is informative only away from the bounds
    assert abs(p_mc - p_exact) < 4 * se + 1 / 10_000


def test_parametric_p_matches_the_normal_null():
    # splits of {1,-.2,.2,-1} (N = 4, n = 2): T = sum_Xi - sum_Yi has mean 0 and variance
    # 4 * Var(sum_Xi) = 4 * n * var_pop * (N - n) / (N - 1) = 4 * 2 * 0.52 * 2/3 = 2.77333;
    # observed T = 0.8 - (-0.8) = 1.6, p = norm.sf(1.6 / sqrt(2.77333)) = 0.1683
    s_x, s_y = np.array([1.0, -0.2]), np.array([0.2, -1.0])
    p = m.parametric_p(s_x, s_y, n_samples=100_000, seed=0)
    assert p == pytest.approx(stats.norm.sf(1.6 / math.sqrt(4 * 2 * 0.52 * 2 / 3)), abs=0.005)
    assert p == pytest.approx(0.1683, abs=0.005)


def test_bootstrap_interval_covers_d_and_excludes_zero_when_separated():
    rng = np.random.default_rng(0)
    a = np.array([1.0, 0.0]) + rng.normal(0, 0.1, (10, 2))
    b = np.array([0.0, 1.0]) + rng.normal(0, 0.1, (10, 2))
    x = np.array([1.0, 0.3]) + rng.normal(0, 0.2, (12, 2))
    y = np.array([0.3, 1.0]) + rng.normal(0, 0.2, (12, 2))
    cos = m.cosines(np.vstack([x, y]), np.vstack([a, b]))
    d = m.weat(cos, 12, 10).effect_size
    lo, hi = m.bootstrap_d(cos, 12, 10, seed=0)
    assert 0 < lo < d < hi
    assert m.bootstrap_d(cos, 12, 10, seed=0) == (lo, hi)  # seeded


def test_vectorised_bootstrap_matches_a_plain_loop():
    # the same resampling written as a loop (X, Y, A, B drawn independently with replacement)
    rng = np.random.default_rng(3)
    cos = m.cosines(rng.normal(size=(20, 3)) + [1, 0, 0], rng.normal(size=(14, 3)))
    cos[:10] += 0.05 * np.arange(14)  # some association for X
    draws = []
    for _ in range(4000):
        xi, yi = rng.integers(0, 10, 10), rng.integers(10, 20, 10)
        ai, bi = rng.integers(0, 6, 6), rng.integers(6, 14, 8)
        s = cos[np.r_[xi, yi]][:, ai].mean(1) - cos[np.r_[xi, yi]][:, bi].mean(1)
        draws.append((s[:10].mean() - s[10:].mean()) / s.std(ddof=1))
    lo, hi = m.bootstrap_d(cos, 10, 6, seed=0)
    want_lo, want_hi = np.percentile(draws, [2.5, 97.5])
    assert lo == pytest.approx(want_lo, abs=0.1) and hi == pytest.approx(want_hi, abs=0.1)


def test_summary_holm_and_domain_average():
    # test t1 is the hand example (d = .960769, p = 1/3), t2 its mirror (d = -.960769, p = 5/6)
    cos = _cos([[1, 0], [3, 4]], [[4, 3], [0, 1]])
    tests = [("t1", "gender", cos, 2, 1), ("t2", "race", cos[[2, 3, 0, 1]], 2, 1)]
    out = m.summarize_tests(tests, n_samples=6)
    per_test = out[out.metric == "effect_size"].set_index("group")
    assert per_test.loc["t1", "p_value"] == pytest.approx(1 / 3)
    # Holm over 2 tests: sorted 1/3, 5/6 -> 2 * 1/3 = 2/3, max(2/3, 1 * 5/6) = 5/6
    assert per_test.loc["t1", "p_holm"] == pytest.approx(2 / 3)
    assert per_test.loc["t2", "p_holm"] == pytest.approx(5 / 6)
    agg = out[out.metric == "mean_abs_effect_size"].set_index("group")
    assert set(agg.index) == {"gender", "race", "overall"}
    assert agg.loc["overall", "value"] == pytest.approx(0.960769, abs=1e-6)  # mean |d|
    assert agg.loc["overall", "n"] == 2


def test_two_sided_p_from_the_same_splits_by_hand():
    # the hand example: split sums .8 (observed), 1.2, 0, 0, -1.2, -.8 of a total 0, so the
    # statistic sum_Xi - sum_Yi = 2 sum_Xi: |.| >= 1.6 for .8, 1.2, -1.2, -.8 -> p = 4/6
    cos = _cos([[1, 0], [3, 4]], [[4, 3], [0, 1]])
    res = m.weat(cos, 2, 1, n_samples=6)
    assert res.p_value == pytest.approx(1 / 3) and res.p_two_sided == pytest.approx(2 / 3)
    swapped = m.weat(cos[[2, 3, 0, 1]], 2, 1, n_samples=6)  # the mirror: same two-sided p
    assert swapped.p_value == pytest.approx(5 / 6) and swapped.p_two_sided == pytest.approx(2 / 3)


def test_a_reversed_association_is_significant_two_sided_only():
    # s_x = -.4..-.1, s_y = .1...4 (d < 0): of the C(8, 4) = 70 splits only the observed one and
    # its mirror are that far from 0: two-sided p = 2/70; every split sum is >= the observed
    # (the lowest), so the reference's one-sided p is 70/70 = 1
    s = np.array([-0.4, -0.3, -0.2, -0.1, 0.1, 0.2, 0.3, 0.4])
    cos = np.column_stack([s, np.zeros(8)])  # s(w) = cos(w, a) - cos(w, b) with |A| = |B| = 1
    out = m.summarize_tests([("rev", "", cos, 4, 1), ("t", "", _cos([[1, 0], [3, 4]],
                             [[4, 3], [0, 1]]), 2, 1)], n_samples=100)  # fmt: skip
    row = out.set_index("group").loc["rev"]
    assert row.value < 0 and row.p_value == 1.0 and row.p_two_sided == pytest.approx(2 / 70)
    # Holm over the two tests: two-sided 2/70 and 2/3 -> 2 x 2/70 = 4/70, max(4/70, 2/3)
    assert row.p_holm == 1.0 and row.p_two_sided_holm == pytest.approx(4 / 70)
    assert out.set_index("group").loc["t", "p_two_sided_holm"] == pytest.approx(2 / 3)
    # sampled (n_samples 10 < 70): the observed split is counted once in both p's
    one, two, exact, n = m.permutation_p_values(s[:4], s[4:], n_samples=10, seed=0)
    assert not exact and n == 10 and one == 1.0 and two >= 0.1 and (two * 10) % 1 == 0


def test_summary_adds_the_parametric_p_when_asked():
    # the hand example: parametric p = norm.sf(1.6 / sqrt(2.77333)) = 0.1683 (see above)
    cos = _cos([[1, 0], [3, 4]], [[4, 3], [0, 1]])
    out = m.summarize_tests([("t1", "", cos, 2, 1)], parametric=True)
    assert out.loc[0, "p_value"] == pytest.approx(1 / 3)  # C(4,2) = 6 <= 100,000: exact
    assert out.loc[0, "p_parametric"] == pytest.approx(0.1683, abs=0.005)
    assert "p_parametric" not in m.summarize_tests([("t1", "", cos, 2, 1)])
    assert set(out.metric) == {"effect_size"}  # no domain: no aggregate row


def test_an_empty_target_set_is_refused():
    with pytest.raises(ValueError, match="non-empty"):
        m.permutation_p(np.ones(3), np.ones(0))


def test_unequal_target_sets_split_into_sets_of_their_sizes():
    # WEATHub has |X| != |Y|. s_x = [3, 2], s_y = [1]: the C(3, 2) = 3 splits of {3, 2, 1} into
    # 2 + 1 have sum_Xi 5 (observed), 4, 3 and mean_Xi - mean_Yi 1.5, 0, -1.5. One-sided: sum >= 5
    # in 1 of 3; two-sided: |diff| >= 1.5 in 2 of 3. d = (2.5 - 1) / std([3, 2, 1], ddof=1) = 1.5.
    one, two, exact, counted = m.permutation_p_values(np.array([3.0, 2.0]), np.array([1.0]))
    assert (one, two, exact, counted) == (pytest.approx(1 / 3), pytest.approx(2 / 3), True, 3)
    assert m.effect_size(np.array([3.0, 2.0]), np.array([1.0])) == pytest.approx(1.5)
    # sampled: the same p within sampling error (seeded)
    s_x, s_y = np.arange(9.0), np.arange(4.0, 10.0)
    exact_p = m.permutation_p_values(s_x, s_y, n_samples=10**6)
    sampled = m.permutation_p_values(s_x, s_y, n_samples=2000, seed=1)
    assert exact_p[2] and not sampled[2]
    assert sampled[0] == pytest.approx(exact_p[0], abs=0.03)
    assert sampled[1] == pytest.approx(exact_p[1], abs=0.03)
