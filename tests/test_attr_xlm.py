"""Attributions on real transformers architectures (tiny random XLM / BERT through load_model).

Random weights: these check mechanics (completeness, agreement with the core's word scores,
padding, langs, batching), never bias.
"""

from __future__ import annotations

import numpy as np
import pytest

from xlmaudit.inference import ModelScorer, load_model
from xlmaudit.inference.attribution import (
    AttributionScorer,
    CompletenessWarning,
    embedding_layer,
    explain,
)
from xlmaudit.requests import AttributionRequest, MaskedWordRequest
from xlmaudit.testing import make_tiny_bert, make_tiny_xlm

TEXT = "the nurse said that [MASK] was very tired ."


@pytest.fixture(scope="module")
def xlm(tmp_path_factory):
    return load_model(str(make_tiny_xlm(tmp_path_factory.mktemp("xlm"))), device="cpu")


def test_layer_is_the_xlm_word_embedding_module(xlm):
    assert embedding_layer(xlm.model) is xlm.model.transformer.embeddings


def test_value_equals_core_word_logprob_difference_including_chained_pieces(xlm):
    scorer = ModelScorer(xlm)
    for target, contrast in (("she", "he"), ("engineer", "doctor"), ("firefighter", "secretary")):
        (r,) = explain(xlm, [AttributionRequest(TEXT, target, contrast, method="saliency")])
        (core,) = scorer.score([MaskedWordRequest(TEXT, (target, contrast))])
        expected = core.candidates[0].logprob - core.candidates[1].logprob
        assert r.value == pytest.approx(expected, abs=1e-4), target
        assert r.target_pieces == core.candidates[0].pieces


def test_lig_complete_on_xlm_and_zero_at_kept_positions(xlm):
    reqs = [
        AttributionRequest(TEXT, "she", "he"),
        AttributionRequest(TEXT, "engineer", "nurse"),  # 2 pieces vs 1: mixed counts, flagged
        AttributionRequest("[MASK] was late because the doctor was tired .", "firefighter"),
    ]
    for r in explain(xlm, reqs):
        assert r.attributions.sum() == pytest.approx(r.value - r.baseline_value, abs=1e-4)
        assert r.relative_delta < 0.01
        kept = np.array(r.encoding.special) | (np.arange(len(r.encoding)) == r.mask_position)
        assert np.all(r.attributions[kept] == 0)
    assert explain(xlm, reqs[1:2])[0].mixed_piece_counts


def test_batched_padded_rows_equal_single_rows(xlm):
    reqs = [
        AttributionRequest(TEXT, "she", "he", method=m)
        for m in ("lig", "grad_x_input", "saliency", "ablation")
    ] + [
        AttributionRequest("the [MASK] is good .", "teacher", "engineer", method=m)
        for m in ("lig", "ablation")
    ]
    together = explain(xlm, reqs, batch_rows=8)
    for req, got in zip(reqs, together, strict=True):
        (alone,) = explain(xlm, [req], batch_rows=1, internal_batch_size=7)
        np.testing.assert_allclose(got.attributions, alone.attributions, atol=2e-5)


def test_multilingual_xlm_gets_langs(tmp_path):
    loaded = load_model(str(make_tiny_xlm(tmp_path, n_langs=2)), device="cpu", language="en")
    assert loaded.langs_id is not None
    (r,) = explain(loaded, [AttributionRequest(TEXT, "she", "he")])
    (core,) = ModelScorer(loaded).score([MaskedWordRequest(TEXT, ("she", "he"))])
    assert r.value == pytest.approx(
        core.candidates[0].logprob - core.candidates[1].logprob, abs=1e-4
    )


def test_bert_uses_input_embeddings_and_is_complete(tmp_path):
    loaded = load_model(str(make_tiny_bert(tmp_path)), device="cpu")
    assert embedding_layer(loaded.model) is loaded.model.get_input_embeddings()
    (r,) = explain(loaded, [AttributionRequest(TEXT, "she", "he")])
    assert r.attributions.sum() == pytest.approx(r.value - r.baseline_value, abs=1e-4)


def test_scorer_wrapper_pools_with_core_requests(xlm):
    scorer = AttributionScorer(xlm, ModelScorer(xlm))
    word, attr = scorer.score(
        [MaskedWordRequest(TEXT, ("she",)), AttributionRequest(TEXT, "she", "he")]
    )
    assert word.candidates[0].word == "she" and attr.method == "lig"


def test_bfloat16_model_gives_close_attributions(tmp_path, xlm):
    loaded = load_model(str(make_tiny_xlm(tmp_path)), device="cpu", dtype="bfloat16")
    req = [AttributionRequest(TEXT, "she", "he")]
    with pytest.warns(CompletenessWarning):  # bf16 rounding: IG is visibly incomplete
        (low,) = explain(loaded, req)
    (full,) = explain(xlm, req)
    assert np.isfinite(low.attributions).all() and np.isfinite(low.delta)
    assert np.corrcoef(low.attributions, full.attributions)[0, 1] > 0.95


def test_pair_attribution_contrasts_the_two_fillers_at_the_slot(xlm):
    from xlmaudit.attributions.pairs import pair_request

    req = pair_request("the nurse said that he was tired .", "the doctor said that he was tired .")
    assert (req.text, req.target, req.contrast) == (
        "the [MASK] said that he was tired .",
        "nurse",
        "doctor",
    )
    (r,) = explain(xlm, [req])
    (core,) = ModelScorer(xlm).score([MaskedWordRequest(req.text, ("nurse", "doctor"))])
    assert r.value == pytest.approx(
        core.candidates[0].logprob - core.candidates[1].logprob, abs=1e-4
    )
    assert r.attributions.sum() == pytest.approx(r.value - r.baseline_value, abs=1e-4)
