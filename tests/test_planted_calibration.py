"""Calibration: figure definitions on a fake scorer; the thresholds on the SHIPPED model."""

from __future__ import annotations

import math

import pytest

from xlmaudit.inference.fake import FakeScorer
from xlmaudit.planted import MODEL_DIR, occupation_items, stereotype_pairs
from xlmaudit.planted.calibrate import (
    calibrate,
    occupation_calibration,
    pair_calibration,
    pair_summary,
)


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
    assert ctrl["ci_low"] <= 0.5 <= ctrl["ci_high"]


def test_shipped_model_cues_and_perplexity(shipped) -> None:
    result, table = shipped
    assert result["cue_accuracy"] >= 0.95
    cues = table[table.role == "cue"]
    assert ((cues.measured_value > 0.5) == (cues.planted_value == 1.0)).all()
    ppl = result["pseudo_perplexity"]
    assert ppl["value"] < 0.5 * ppl["unigram_baseline"]
    assert all(result["passed"].values())
