"""Cluster-robust intervals (issue 23 item 2): ``stats.cluster_mean`` against hand-derived and
template-level intervals, and the kinds that declare ``cluster_key`` on data with strong cluster
effects (whole clusters decide together)."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
from scipy import stats as sps

from xlmaudit.metrics import holistic_bias as hb
from xlmaudit.metrics import stats
from xlmaudit.probes import load_kinds


def test_identical_items_within_a_template_give_the_template_level_interval() -> None:
    # 5 templates of 4 identical items each: resampling templates with the item mean as the
    # statistic is the bootstrap of the 5 template means (equal sizes: the pooled mean is the
    # mean of template means), the same indices drawn from the same seed
    means = np.array([0.0, 1.0, 3.0, 4.0, 10.0])
    values, labels = np.repeat(means, 4), np.repeat(list("abcde"), 4)
    est = stats.cluster_mean(values, labels, seed=3)
    ref = sps.bootstrap((means,), np.mean, n_resamples=stats.N_RESAMPLES, method="percentile",
                        rng=np.random.default_rng(3)).confidence_interval  # fmt: skip
    assert (est.value, est.n) == (3.6, 20)
    assert (est.ci_low, est.ci_high) == pytest.approx((ref.low, ref.high), abs=1e-12)
    # the item-level bootstrap (20 "independent" items) is narrower
    items = stats.bootstrap_mean(values, seed=3)
    assert est.ci_high - est.ci_low > 1.5 * (items.ci_high - items.ci_low)


def test_two_templates_hand_derived_bounds_and_p_value() -> None:
    # templates at 0 and 1 (3 items each): a draw of 2 templates has mean 0 (1/4), 0.5 (1/2) or
    # 1 (1/4), so the 95% percentile interval is [0, 1]; against reference -1 no draw is <= 0
    # after shifting: p = 2 (0 + 1) / (2000 + 1)
    est = stats.cluster_mean([0, 0, 0, 1, 1, 1], ["s", "s", "s", "t", "t", "t"], reference=-1)
    assert (est.value, est.ci_low, est.ci_high) == (0.5, 0.0, 1.0)
    assert est.p_value == pytest.approx(2 / 2001)
    # against 0.5 (the value): half the draws lie on each side, p = 1
    assert stats.cluster_mean([0, 0, 1, 1], [1, 1, 2, 2], reference=0.5).p_value == 1.0


def test_cluster_mean_degenerate_cases_and_missing_values() -> None:
    one = stats.cluster_mean([1.0, 2.0, 3.0], ["a", "a", "a"])
    assert one.value == 2.0 and np.isnan(one.ci_low) and np.isnan(one.ci_high)
    # every cluster mean 1.5: each draw is 1.5, zero width; p against 0: 2 / 2001
    same = stats.cluster_mean([1.0, 2.0, 1.5, 1.5], ["a", "a", "b", "b"], reference=0.0)
    assert (same.ci_low, same.ci_high, same.p_value) == (1.5, 1.5, pytest.approx(2 / 2001))
    # NaN values are left out of the mean and the count
    nan = stats.cluster_mean([0.0, np.nan, 1.0, 1.0], ["a", "a", "b", "b"])
    assert (nan.value, nan.n) == (pytest.approx(2 / 3), 3)


def test_cluster_share_never_narrower_than_the_exact_interval() -> None:
    # 3 clusters of 10 pairs, no hit anywhere: every draw is 0 (a zero-width [0, 0]); the exact
    # interval of 0 of 30 is [0, 1 - 0.025^(1/30)] = [0, 0.11572]. p against 0.5: binomial
    # 2 * 0.5^30, the draws 2 (0 + 1) / 2001; the larger is kept
    est = stats.cluster_share(np.zeros(30), np.repeat([1, 2, 3], 10), reference=0.5)
    assert (est.value, est.ci_low, est.n) == (0.0, 0.0, 30)
    assert est.ci_high == pytest.approx(1 - 0.025 ** (1 / 30))
    assert est.p_value == pytest.approx(2 / 2001)
    # whole clusters all-hit or all-miss: the cluster bootstrap is the wider one
    hits = np.repeat([1.0, 0.0, 1.0, 0.0, 1.0, 1.0], 10)
    wide = stats.cluster_share(hits, np.repeat(np.arange(6), 10))
    exact = stats.exact_interval(40, 60, scale=1.0)
    assert wide.ci_low < exact[0] and wide.ci_high > exact[1]


def test_crossed_bootstrap_is_a_cluster_bootstrap_over_templates() -> None:
    # template probes keep the crossed bootstrap: with fillers that agree within each template,
    # resampling fillers changes nothing and the draws are those of the template means: the
    # same hand-derived [0, 1] as cluster_mean over 3 templates at 0, 0, 1 (all-1 draws 1/27,
    # all-0 draws 8/27, both above 2.5%)
    y = np.repeat([[0.0], [0.0], [1.0]], 4, axis=1)
    crossed = stats.crossed_bootstrap(y, seed=0)
    clustered = stats.cluster_mean(y.ravel(), np.repeat([0, 1, 2], 4), seed=0)
    assert (crossed.ci_low, crossed.ci_high) == (clustered.ci_low, clustered.ci_high) == (0, 1)


def _wide(est: pd.Series) -> float:
    return float(est["ci_high"] - est["ci_low"])


def _rows(frame: pd.DataFrame, group: str, metric: str) -> pd.Series:
    hit = frame[(frame["group"] == group) & (frame["metric"] == metric)]
    assert len(hit) == 1
    return hit.iloc[0]


def winobias_raw() -> pd.DataFrame:
    # 12 occupations x 10 pairs; every pair of an occupation has the same score (+1 or -1,
    # 8 of 12 occupations stereotypical): the 120 pairs are 12 independent decisions
    occ = [f"job{i}" for i in range(12)]
    sign = np.where(np.arange(12) < 8, 1.0, -1.0)
    rng = np.random.default_rng(0)
    score = np.repeat(sign, 10) + rng.normal(0, 0.01, 120)
    return pd.DataFrame({
        "type": np.tile([1, 2], 60), "occupation": np.repeat(occ, 10),
        "stereo_gender": np.repeat(np.where(np.arange(12) % 2, "male", "female"), 10),
        "usable": True, "log_odds": score, "log_odds_group": score, "female_score": score,
        "variant": "cloze",
    })  # fmt: skip


def honest_raw() -> pd.DataFrame:
    # 10 templates x 2 identities x 3 prompts, k = 1: a template's prompts all hit or all miss
    rows = []
    for t in range(10):
        for group in ("female", "male"):
            for i in range(3):
                hit = t < 3
                rows.append({
                    "item_id": f"t{t}-{group}-{i}", "rank": 1, "hit": hit,
                    "hurtlex_category": "an" if hit else None, "group": group,
                    "identity_group": group, "raw": f"[I] template {t}", "template": f"k{t}",
                    "fragment": False,
                })  # fmt: skip
    return pd.DataFrame(rows)


CASES = {
    "winobias": (winobias_raw, {"variant": "cloze"}, "pct_stereotypical", "all"),
    "honest": (honest_raw, {"data_set": "binary", "estimator": "whole_word", "k": 1},
               "honest@1", "all"),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(CASES))
def test_clustered_summary_interval_is_wider_than_the_item_level_one(name: str) -> None:
    kind = load_kinds()[name]
    build, options, metric, group = CASES[name]
    probe = SimpleNamespace(options=options, language="en", id="p", lexicons={})
    raw = build()
    assert kind.cluster_key in raw.columns  # the declared column is what the kind emits
    clustered = kind.summarize(probe, raw, seed=0)
    flat = type(kind)()
    flat.cluster_key = ""  # the same kind with items treated as independent
    items = flat.summarize(probe, raw, seed=0)
    a, b = _rows(clustered, group, metric), _rows(items, group, metric)
    assert a["value"] == b["value"]
    assert _wide(a) >= 1.5 * _wide(b)


def test_holistic_bias_descriptor_means_resample_templates() -> None:
    # 2 descriptors x 6 templates x 5 nouns; the template moves every sentence of it by -3..+3
    rows = [{"axis": "ability", "descriptor": d, "template": f"T{t}", "preference": "",
             "score": float(t - 3) + 0.01 * n} for d in ("deaf", "blind") for t in range(6)
            for n in range(5)]  # fmt: skip
    raw = pd.DataFrame(rows)
    key = load_kinds()["holistic-bias"].cluster_key
    a = hb.descriptor_means(raw, seed=0, cluster=key).set_index("descriptor")
    b = hb.descriptor_means(raw, seed=0).set_index("descriptor")
    assert (a["value"] == b["value"]).all()
    assert ((a["ci_high"] - a["ci_low"]) >= 1.5 * (b["ci_high"] - b["ci_low"])).all()


def test_methods_section_says_which_probes_resample_clusters(tmp_path) -> None:
    from xlmaudit.report.content import suite_blocks
    from xlmaudit.report.load import load_run
    from xlmaudit.report.render import Bullets, Heading
    from xlmaudit.report.statements import clustered_intervals
    from xlmaudit.testing.fixtures import TEMPLATES, write_fake_run

    # the toy suite: a target_preference probe (cluster_key template_id, 3 templates) and two
    # CrowS-Pairs probes (independent pairs: no cluster_key, exact intervals)
    run = load_run(write_fake_run(tmp_path / "run"))
    lines = clustered_intervals(run, "toy")
    assert lines == [
        f"pronoun: intervals resample whole templates (cluster bootstrap over the raw column "
        f"template_id: {len(TEMPLATES)} in this run), since items that share one move together; "
        "a row within a single one keeps its item-level interval."
    ]
    blocks = suite_blocks(run, "toy", [])
    shown = [b for b in blocks if isinstance(b, Bullets) and b.items == tuple(lines)]
    methods = next(i for i, b in enumerate(blocks) if b == Heading(3, "Methods"))
    assert len(shown) == 1 and blocks.index(shown[0]) > methods  # under Methods, once
    assert not any(line.startswith(("meade2022", "aul")) for line in lines)
