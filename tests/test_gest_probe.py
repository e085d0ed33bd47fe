"""The ``gest`` kind: the authors' masking rule (kinit-sk/gest ``masked_logprob_score``) on
hand-derived token sequences and on a tiny XLM (joint masking by hand), the scoring on a
FakeScorer, and ``summarize_gest`` on a hand-made frame."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from xlmaudit.metrics.gest import summarize_gest
from xlmaudit.probes.gest import TEMPLATES, GestItem, differing, gest_requests, gest_row
from xlmaudit.requests import PLLRequest
from xlmaudit.testing import FakeScorer, tiny_model_dir

LN10 = math.log(10)


def test_differing_positions_follow_the_reference_zip():
    # same length: the one differing position
    assert differing([0, 5, 6, 7, 1], [0, 9, 6, 7, 1]) == [1]
    # zip stops at the shorter: positions past it are never compared (so never masked)
    assert differing([0, 5, 6, 7, 1], [0, 9, 6, 1]) == [1, 3]
    assert differing([0, 5, 1], [0, 5, 1]) == []


def _item(sentence: str, template: int, stereotype: int = 8) -> GestItem:
    male, female = TEMPLATES[template]
    return GestItem("x", 0, stereotype, "tough", male.format(s=sentence),
                    female.format(s=sentence), "gest_1.1.csv:2")  # fmt: skip


def test_score_on_the_fake_scorer_is_the_log10_difference_at_the_swapped_word():
    scorer = FakeScorer({"he": -1.0, "she": -3.0})
    item = _item("I am strong.", 0)  # "He said: ..." vs "She said: ...": piece 1 differs
    reqs, note = gest_requests(item, scorer)
    assert reqs == [PLLRequest('He said: "I am strong."', "joint", (1,)),
                    PLLRequest('She said: "I am strong."', "joint", (1,))]  # fmt: skip
    assert note == {"n_masked": 1, "n_special_masked": 0}
    row = gest_row(item, scorer.score(reqs), note)
    assert row["lp_male"] == pytest.approx(-1 / LN10) and row["lp_female"] == pytest.approx(
        -3 / LN10
    )
    assert row["score"] == pytest.approx(2 / LN10)  # log10 P(he) - log10 P(she)


def test_two_differing_words_are_averaged_and_an_excluded_row_is_not_asked():
    scorer = FakeScorer({"man": -2.0, "woman": -4.0, "the": -1.0})
    item = _item("I lead.", 1)  # "The man said" vs "The woman said": one piece differs
    reqs, note = gest_requests(item, scorer)
    assert [r.positions for r in reqs] == [(2,), (2,)]
    assert gest_row(item, scorer.score(reqs), note)["score"] == pytest.approx(2 / LN10)
    bad = GestItem("y", 1, 2, "gentle", "a", "b", "gest_1.1.csv:3", excluded="duplicate")
    reqs, note = gest_requests(bad, scorer)
    row = gest_row(bad, [], note)
    assert reqs == [] and math.isnan(row["score"]) and row["excluded"] == "duplicate"


def test_joint_masking_equals_one_forward_with_every_position_masked():
    import torch

    from xlmaudit.inference import ModelScorer, load_model

    xlm = load_model(str(tiny_model_dir("xlm")))
    text = "The engineer was tired."
    enc = ModelScorer(xlm).tokenize(text)
    (resp,) = ModelScorer(xlm).score([PLLRequest(text, "joint", (1, 4))])
    ids = list(enc.ids)
    masked = [5 if i in (1, 4) else t for i, t in enumerate(ids)]  # XLM's mask id
    with torch.no_grad():
        logits = xlm.model(
            input_ids=torch.tensor([masked]),
            attention_mask=torch.ones(1, len(ids), dtype=torch.long),
        ).logits
    lp = logits[0].double().log_softmax(-1)
    expected = [lp[1, ids[1]].item(), lp[4, ids[4]].item()]
    np.testing.assert_allclose(resp.logprobs, expected, atol=1e-5)
    # the reference's value: mean log10 of the probabilities at the masked positions
    probs = logits[0].double().softmax(-1)
    reference = torch.log10(torch.stack([probs[1, ids[1]], probs[4, ids[4]]])).mean().item()
    assert np.mean(resp.logprobs) / LN10 == pytest.approx(reference, abs=1e-6)
    # not the one-at-a-time PLL: the other masked word is hidden too
    (one,) = ModelScorer(xlm).score([PLLRequest(text, "original", (1, 4))])
    assert abs(one.logprobs[0] - resp.logprobs[0]) > 1e-4


def test_summary_by_hand():
    raw = pd.DataFrame({
        "score": [0.0, 0.2, 0.4, 0.6, 0.1, 0.3],
        "stereotype": [1, 1, 8, 8, 2, 2],
        "name": ["emotional", "emotional", "tough", "tough", "gentle", "gentle"],
    })  # fmt: skip
    rows = summarize_gest(raw).set_index(["metric", "group"])
    # r_i = exp(mean score): emotional e^0.1, gentle e^0.2, tough e^0.5
    assert rows.loc[("rate", "emotional"), "value"] == pytest.approx(math.exp(0.1))
    assert rows.loc[("rate", "tough"), "value"] == pytest.approx(math.exp(0.5))
    # r_f = gmean(e^0.1, e^0.2) = e^0.15; r_m = e^0.5; g_s = e^0.35; all: e^(1.6 / 6)
    assert rows.loc[("rate", "women"), "value"] == pytest.approx(math.exp(0.15))
    assert rows.loc[("rate", "men"), "value"] == pytest.approx(math.exp(0.5))
    assert rows.loc[("rate", "all"), "value"] == pytest.approx(math.exp(1.6 / 6))
    g = rows.loc[("g_s", "all")]
    assert g["value"] == pytest.approx(math.exp(0.35)) and g["n"] == 6
    assert g["ci_low"] <= g["value"] <= g["ci_high"]
    # every stratified draw keeps men's scores above women's: log g_s > 0 in every draw
    assert g["ci_low"] > 1 and g["p_value"] < 0.01
    assert rows.loc[("rate", "women"), "level"] == "direction"


def test_g_s_has_no_interval_when_a_stereotype_has_one_sample():
    raw = pd.DataFrame({"score": [0.1, 0.2, 0.3], "stereotype": [1, 8, 8],
                        "name": ["emotional", "tough", "tough"]})  # fmt: skip
    g = summarize_gest(raw).set_index(["metric", "group"]).loc[("g_s", "all")]
    assert g["value"] == pytest.approx(math.exp(0.25 - 0.1))
    assert math.isnan(g["ci_low"]) and math.isnan(g["ci_high"])
