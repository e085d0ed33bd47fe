"""Bad input to the scorer: clear errors naming the item; flagged candidates never scored."""

from __future__ import annotations

import math

import pytest
import torch

from xlmaudit.errors import InputError
from xlmaudit.inference import ModelScorer, load_model
from xlmaudit.requests import (
    HiddenStatesRequest,
    MaskedTokenRequest,
    MaskedWordRequest,
    PLLRequest,
    UnmaskedRequest,
)
from xlmaudit.testing import tiny_model_dir

torch.set_num_threads(1)  # tiny models: threads only contend on the shared CPU
LONG = "the doctor said that he was late " * 20  # 140 words > 128 positions


@pytest.fixture(scope="module", params=["xlm", "bert"])
def loaded(request):
    return load_model(str(tiny_model_dir(request.param)))


@pytest.mark.parametrize(
    ("request_", "message"),
    [
        (PLLRequest(""), "empty text ''"),
        (UnmaskedRequest("   "), "empty text '   '"),
        (MaskedWordRequest("", ("he",)), "empty text ''"),
        (MaskedWordRequest("He was late.", ("he",)), "'He was late.' has 0 [MASK] slots"),
        (MaskedWordRequest("[MASK] [MASK]", ("he",)), "'[MASK] [MASK]' has 2 [MASK] slots"),
        (MaskedTokenRequest("no mask", (20,)), "'no mask' has 0 [MASK] slots"),
        (MaskedTokenRequest("He [MASK].", (10**6,)), "target id 1000000 outside the vocabulary"),
        (PLLRequest("He was late.", positions=(0,)), "position 0 of 'He was late.' is special"),
        (PLLRequest("He was late.", positions=(99,)), "position 99 outside 'He was late.'"),
        (PLLRequest("He was late.", estimator="nope"), "unknown PLL estimator 'nope'"),
        (HiddenStatesRequest("He was late.", layer=7), "layer 7 out of range for a 2-layer"),
        (PLLRequest(LONG), "longer than the model's 128 positions (xlmaudit fill --truncate"),
        (MaskedWordRequest(LONG + "[MASK]", ("he",)), "longer than the model's 128 positions"),
    ],
)
def test_bad_requests_raise_input_error_naming_the_item(loaded, request_, message):
    with pytest.raises(InputError) as err:
        ModelScorer(loaded).score([PLLRequest("He was late."), request_])
    assert message in str(err.value)


def test_errors_come_before_any_forward_pass(loaded):
    scorer = ModelScorer(loaded)
    with pytest.raises(InputError):
        scorer.score([PLLRequest("He was late."), PLLRequest("")])
    assert scorer.stats["rows"] == 0


def test_truncation_only_when_asked(loaded):
    got = ModelScorer(loaded, truncate=True).score([PLLRequest(LONG)])[0]
    assert len(got.encoding) == 128 and got.encoding.special[-1]
    assert len(got.positions) == 126
    assert ModelScorer(loaded, truncate=True).tokenize(LONG) == got.encoding
    with pytest.raises(InputError, match="longer than the model's 128 positions"):
        ModelScorer(loaded).tokenize(LONG)


def test_a_candidate_longer_than_the_positions_names_the_candidate(loaded):
    text = "the doctor said " * 41 + "[MASK]"  # fits with one mask, not with many pieces
    with pytest.raises(InputError, match="candidate 'firefighterzzzz'"):
        ModelScorer(loaded).score([MaskedWordRequest(text, ("firefighterzzzz",))])


def test_unknown_and_empty_candidates_are_flagged_not_scored(loaded):
    req = MaskedWordRequest("The doctor said [MASK] was late.", ("he", "2026", "", " "))
    scorer = ModelScorer(loaded)
    got = scorer.score([req])[0]
    he, unknown, empty, blank = got.candidates
    assert he.flag == "" and math.isfinite(he.logprob)
    assert unknown.flag == "unknown" and math.isnan(unknown.logprob)
    assert set(unknown.pieces) == {loaded.tokenizer.unk_token}
    assert empty.flag == blank.flag == "empty" and empty.pieces == ()
    assert scorer.stats["rows"] == 1  # only "he" reached the model
    assert not got.mixed_piece_counts  # flagged candidates do not count
