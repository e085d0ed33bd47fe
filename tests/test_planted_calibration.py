"""Calibration: figure definitions on a fake scorer; the thresholds on the SHIPPED model."""

from __future__ import annotations

import math

import numpy as np
import pytest

from xlmaudit.metrics.stats import cluster_proportion
from xlmaudit.planted import MODEL_DIR, occupation_items, stereotype_pairs
from xlmaudit.planted.calibrate import (
    calibrate,
    occupation_calibration,
    pair_calibration,
    pair_clusters,
    pair_summary,
)
from xlmaudit.testing.fake import FakeScorer


def test_occupation_share_is_the_she_he_ratio_at_the_mask() -> None:
    items = occupation_items()
    # P(she) = share / 10, P(he) = (1 - share) / 10: the ratio recovers the share exactly
    table = {}
    for row in items.itertuples():
        table[(row.text, "she")] = math.log(row.planted_value / 10)
        table[(row.text, "he")] = math.log((1 - row.planted_value) / 10)
    per, rho = occupation_calibration(FakeScorer(table))
    assert per.measured_value.to_numpy() == pytest.approx(per.planted_value.to_numpy())
    assert rho == pytest.approx(1.0)
    swapped = {(text, {"she": "he", "he": "she"}[c]): v for (text, c), v in table.items()}
    assert occupation_calibration(FakeScorer(swapped))[1] == pytest.approx(-1.0)


def test_pair_preference_counts_stereotyped_sentence_and_ties() -> None:
    pairs = stereotype_pairs(seed=0, n_per_type=8, n_control=4)
    # the fake scores each shared word alike in both sentences: every pair is a tie
    scored = pair_calibration(FakeScorer(), pairs)
    assert (scored.sent_more_score == scored.sent_less_score).all()
    pref, ctrl = pair_summary(scored)
    assert {k: v["value"] for k, v in pref.items()} == {"age": 0, "nationality": 0, "religion": 0}
    assert ctrl["all"]["n"] == 12 and ctrl["all"]["value"] == 0.0


def test_pair_summary_hand_counts() -> None:
    pairs = stereotype_pairs(seed=0, n_per_type=4, n_control=4)
    scored = pairs.assign(
        more_higher=[True, False, True, True] * 6,
        stereotyped_higher=[True, True, False, True] * 6,
        sent_more_score=0.0,
        sent_less_score=0.0,
    )
    pref, ctrl = pair_summary(scored)
    assert pref["age"]["value"] == 0.75 and pref["age"]["n"] == 4
    assert ctrl["all"]["value"] == 0.75 and ctrl["all"]["n"] == 12
    assert ctrl["all"]["ci_low"] < 0.5 < ctrl["all"]["ci_high"]  # 9/12: exact CI covers 0.5
    assert ctrl["all"]["n_clusters"] == scored[scored.is_control].pipe(pair_clusters).nunique()


def test_clustered_interval_widens_for_decisions_shared_within_a_cluster() -> None:
    # 96 control pairs in 18 clusters; two clusters in three always prefer sent_more, the rest never
    pairs = stereotype_pairs(seed=0, n_per_type=4, n_control=32)
    control = pairs[pairs.is_control].reset_index(drop=True)
    clusters = pair_clusters(control)
    assert len(control) == 96
    codes = clusters.astype("category").cat.codes
    lean = codes.map(lambda c: c % 3 != 0)  # cluster-level coin: whole clusters decide together
    scored = control.assign(more_higher=lean, stereotyped_higher=False)
    _, ctrl = pair_summary(scored)
    share = ctrl["all"]["value"]
    assert share == pytest.approx(lean.mean())
    # the binomial interval treats the 96 pairs as independent and excludes 0.5 ...
    assert not ctrl["all"]["ci_low"] <= 0.5 <= ctrl["all"]["ci_high"]
    # ... the clustered one resamples the clusters, is much wider and covers it (12 of 18 clusters
    # leaning one way is compatible with no lean)
    assert ctrl["all"]["ci_low_clustered"] <= 0.5 <= ctrl["all"]["ci_high_clustered"]
    width = ctrl["all"]["ci_high_clustered"] - ctrl["all"]["ci_low_clustered"]
    assert width > 1.5 * (ctrl["all"]["ci_high"] - ctrl["all"]["ci_low"])


def test_cluster_proportion_hand_cases() -> None:
    hits = np.array([1, 1, 0, 0, 1, 0])
    # every observation its own cluster: the interval is a plain bootstrap of the mean
    one_each = cluster_proportion(hits, np.arange(6))
    assert one_each.value == 0.5 and 0 <= one_each.ci_low < 0.5 < one_each.ci_high <= 1
    # two clusters, all-1 and all-0 (plus a mixed one): draws range from 0 to 1
    est = cluster_proportion(hits, np.array(["a", "a", "b", "b", "c", "c"]))
    assert est.value == 0.5 and est.ci_low == 0.0 and est.ci_high == 1.0
    # identical cluster shares: a zero-width interval; one cluster: undefined
    same = cluster_proportion(np.array([1, 0, 1, 0]), np.array(["a", "a", "b", "b"]))
    assert (same.ci_low, same.ci_high) == (0.5, 0.5)
    assert np.isnan(cluster_proportion(hits, np.zeros(6)).ci_low)


@pytest.fixture(scope="module")
def shipped() -> tuple[dict, object]:
    from xlmaudit.inference import ModelScorer, load_model
    from xlmaudit.planted.calibrate import training_size

    loaded = load_model("planted", device="cpu")
    assert loaded.source == str(MODEL_DIR) or str(MODEL_DIR) in str(loaded.source)
    seed, size = training_size(MODEL_DIR)
    return calibrate(ModelScorer(loaded, progress=False), seed=seed, size=size)


def test_shipped_model_recovers_occupation_shares(shipped) -> None:
    result, table = shipped
    assert result["spearman_occupation"] >= 0.9
    occ = table[table.role == "occupation"]
    assert occ.measured_value.notna().all()


def test_shipped_model_prefers_stereotyped_sentences(shipped) -> None:
    result, _ = shipped
    assert set(result["pair_preference"]) == {"age", "nationality", "religion"}
    for bias, v in result["pair_preference"].items():
        assert v["value"] >= 0.9, bias


def test_shipped_model_controls_sit_near_half(shipped) -> None:
    ctrl = shipped[0]["control_preference"]["all"]
    assert ctrl["ci_low_clustered"] <= 0.5 <= ctrl["ci_high_clustered"]
    assert ctrl["n_clusters"] == 18


def test_shipped_model_cues_and_perplexity(shipped) -> None:
    result, table = shipped
    assert result["cue_accuracy"] >= 0.95
    cues = table[table.role == "cue"]
    assert ((cues.measured_value > 0.5) == (cues.planted_value == 1.0)).all()
    ppl = result["pseudo_perplexity"]
    assert ppl["value"] < 0.5 * ppl["unigram_baseline"]
    assert all(result["passed"].values())


@pytest.mark.parametrize(
    "text", ["{not json", '{"seed": 1, "corpus": {"corpus_scale": 0.5}}', '{"seed": "x"}']
)
def test_training_size_bad_record_names_the_file(tmp_path, text) -> None:
    from xlmaudit.errors import InputError
    from xlmaudit.planted.calibrate import training_size

    (tmp_path / "training.json").write_text(text)
    with pytest.raises(InputError, match=r"training\.json: not a training record"):
        training_size(tmp_path)


def test_training_size_reads_the_shipped_record() -> None:
    from xlmaudit.planted.calibrate import training_size
    from xlmaudit.planted.corpus import CorpusSize

    assert training_size(MODEL_DIR) == (4, CorpusSize())
