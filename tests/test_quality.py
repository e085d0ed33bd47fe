"""quality.csv: power, MDE, design effect and split-half reliability, with hand-derived values."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from xlmaudit import audit, load_run
from xlmaudit.cli import main
from xlmaudit.metrics import quality as q
from xlmaudit.quality import FILE, KEYS, MEASURES
from xlmaudit.testing import FakeScorer

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"


def test_rejection_region_at_100_pairs():
    # Bin(100, 1/2): P(X <= 39) = 0.0176, doubled 0.0352 <= 0.05; P(X <= 40) = 0.0284, doubled
    # 0.0569 > 0.05. The exact two-sided test rejects at k <= 39 or k >= 61.
    assert q.rejection_bound(100) == 39
    assert stats.binomtest(39, 100).pvalue <= 0.05 < stats.binomtest(40, 100).pvalue


def test_mde_at_100_pairs_is_the_exact_binomial_value():
    # Power at a true share p with the region above: P(X >= 61 | p) + P(X <= 39 | p). It is
    # 0.624 at p = 0.62, 0.768 at p = 0.64, 0.7998 at p = 0.6451 and 0.828 at p = 0.65
    # (the lower tail adds < 1e-5 there); 80% power is first reached at p* = 0.64513:
    # MDE = 14.51 points from 50%. (The normal approximation, 2.80 * 5 / 100 = 14.0 points,
    # is too optimistic: the exact test's level is 0.035, not 0.05.)
    mde = q.binomial_mde(100)
    assert mde == pytest.approx(0.14513, abs=5e-5)
    p = 0.5 + mde
    assert stats.binom.sf(60, 100, p) + stats.binom.cdf(39, 100, p) == pytest.approx(0.8)


def test_power_against_55_percent_at_10_pairs_by_hand():
    # n = 10: 2 P(X <= 1) = 2 * 11 / 1024 = 0.0215 rejects, 2 P(X <= 2) = 2 * 56 / 1024 = 0.109
    # does not: region {0, 1, 9, 10}. At p = 0.55:
    # 0.55^10 + 10 * 0.55^9 * 0.45 + 0.45^10 + 10 * 0.45^9 * 0.55
    # = 0.002533 + 0.020724 + 0.000341 + 0.004162 = 0.027760.
    by_hand = 0.55**10 + 10 * 0.55**9 * 0.45 + 0.45**10 + 10 * 0.45**9 * 0.55
    assert by_hand == pytest.approx(0.02776, abs=1e-5)
    assert q.binomial_power(10, 0.55) == pytest.approx(by_hand)
    assert q.binomial_power(10, 0.45) == pytest.approx(by_hand)  # symmetric


def test_too_few_pairs_to_reject_anything():
    # n = 5: even 0 of 5 has p = 2 / 32 = 0.0625 > 0.05: no power, no detectable effect.
    assert q.rejection_bound(5) == -1
    assert q.binomial_power(5, 0.99) == 0.0
    assert math.isnan(q.binomial_mde(5))


def test_mean_mde_from_the_t_test():
    # Normal approximation: (z_0.975 + z_0.8) / sqrt(n) = (1.960 + 0.842) / 10 = 0.280 SD; the
    # t-test needs slightly more (0.2829 SD at n = 100). With SD 2 the MDE is 0.566 units.
    assert q.mean_mde(2.0, 100) == pytest.approx(2 * 0.2829, abs=2e-4)
    assert q.mean_power(q.mean_mde(2.0, 100), 2.0, 100) == pytest.approx(0.8, abs=1e-4)
    assert math.isnan(q.mean_mde(0.0, 100)) and math.isnan(q.mean_power(float("nan"), 1, 50))


def test_split_half_of_perfectly_reliable_halves_is_one():
    cats = np.repeat(np.arange(10), 20)
    mid, low, high = q.split_half(cats * 1.0, cats)  # every item of a category has its value
    assert (mid, low, high) == pytest.approx((1.0, 1.0, 1.0))


def test_split_half_of_crossed_templates_ignores_a_template_offset():
    # 6 templates x 12 fillers, score = filler effect + template offset: any half of the
    # templates gives the same filler profile shifted, so r = 1 (templates split once for all).
    filler = np.tile(np.arange(12), 6) * 0.5
    template = np.repeat(np.arange(6), 12)
    mid, _, _ = q.split_half(filler + 3.0 * template, filler, template)
    assert mid == pytest.approx(1.0)


def test_split_half_of_random_values_is_about_zero():
    rng = np.random.default_rng(3)
    cats = np.repeat(np.arange(300), 20)
    mid, low, high = q.split_half(rng.normal(size=len(cats)), cats, seed=3)
    assert abs(mid) < 0.2 and low < mid < high


def test_split_half_of_opposite_halves_is_minus_one_not_stepped_up():
    # 2 templates crossed with 3 fillers: template 0 scores the fillers 0, 1, 2 and template 1
    # scores them 2, 1, 0. Every split puts one template in each half, so r = -1 in every split;
    # Spearman-Brown 2r / (1 + r) would divide by 0 (and give -2 at r = -1/2): r < 0 is kept.
    filler = np.tile(np.arange(3), 2)
    template = np.repeat([0, 1], 3)
    values = np.array([0.0, 1.0, 2.0, 2.0, 1.0, 0.0])
    assert q.split_half(values, filler, template) == pytest.approx((-1.0, -1.0, -1.0))


def test_split_half_needs_three_categories():
    assert all(math.isnan(v) for v in q.split_half(np.arange(40.0), np.repeat([0, 1], 20)))


def test_design_effect_of_independent_items_is_one():
    rng = np.random.default_rng(0)
    clusters = np.repeat(np.arange(300), 4)
    deff = q.design_effect(rng.normal(size=len(clusters)), clusters, seed=1)
    assert deff == pytest.approx(1.0, abs=0.2)


def test_design_effect_of_identical_items_is_the_cluster_size():
    # 200 clusters of 5 identical items: the cluster bootstrap's variance is var / 200, the
    # item bootstrap's var / 1000: ratio 5.
    rng = np.random.default_rng(0)
    values = np.repeat(rng.normal(size=200), 5)
    deff = q.design_effect(values, np.repeat(np.arange(200), 5), seed=1)
    assert deff == pytest.approx(5.0, rel=0.15)


def test_run_writes_quality_csv(tmp_path):
    out = tmp_path / "run"
    suites = ["--suite", "occupations", "--suite", "crows-pairs"]
    rc = main(["run", "--model", "planted", *suites, "--data-dir", str(DATA), "--out", str(out),
               "--limit", "20", "--no-cache"])  # fmt: skip
    assert rc == 0
    quality = pd.read_csv(out / FILE)
    assert list(quality.columns) == [*KEYS, *MEASURES]
    summary = pd.read_csv(out / "summary.csv")
    probes = json.loads((out / "meta.json").read_text())["suites"]
    main_metric = {(s, p): rec["main_metric"] for s in probes
                   for p, rec in probes[s]["probes"].items()}  # fmt: skip
    assert set(main_metric.values()) == {"log_odds", "ilp_difference", "pll_difference",
                                         "pct_sent_more"}  # fmt: skip
    rows = zip(summary.suite, summary.probe, summary.metric, strict=True)
    mains = summary[[main_metric[s, p] == m for s, p, m in rows]]
    keys = ["suite", "probe", "level", "group", "metric"]
    assert sorted(map(tuple, quality[keys].astype(str).to_numpy())) == sorted(
        map(tuple, mains[keys].astype(str).to_numpy())
    )
    crows = quality[(quality.suite == "crows-pairs") & (quality.group == "all")]
    assert len(crows) == 5 and set(crows.estimator) == {"nangia2020", "meade2022", "aul",
                                                       "aula", "word_l2r"}  # fmt: skip
    assert crows.mde.to_numpy() == pytest.approx(100 * q.binomial_mde(20))
    templates = quality[(quality.suite == "occupations") & (quality.level == "overall")]
    assert templates.power_5pt.isna().all() and (templates.n_clusters >= 1).all()
    assert templates.mde.gt(0).all()
    assert load_run(out).quality.equals(quality)


def test_a_run_in_memory_carries_its_quality_table():
    run = audit(FakeScorer(), ["occupations"], limit=3, cache_dir=None)
    assert run.path is None and list(run.quality.columns) == [*KEYS, *MEASURES]
    headline = run.quality[run.quality.level == "overall"]
    assert len(headline) == 3 and (headline.n == 3).all()  # one row per probe's headline
