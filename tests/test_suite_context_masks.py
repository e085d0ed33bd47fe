"""Kurita et al.'s prior through the core: ``context_masks`` against a hand-built forward pass."""

from __future__ import annotations

import functools

import pytest
import torch

from xlmaudit.requests import MaskedWordRequest
from xlmaudit.testing import tiny_model_dir


@functools.cache
def tiny():
    from xlmaudit.inference import ModelScorer, load_model

    loaded = load_model(str(tiny_model_dir("xlm")), device="cpu")
    return loaded, ModelScorer(loaded, progress=False)


def log_probs_at(loaded, ids: list[int], pos: int) -> torch.Tensor:
    with torch.no_grad():
        out = loaded.model(
            input_ids=torch.tensor([ids]), attention_mask=torch.ones(1, len(ids), dtype=torch.long)
        )
    return torch.log_softmax(out.logits[0, pos].double(), -1)


@pytest.mark.parametrize(
    "text", ["[MASK] is the engineer .", "the engineer said that [MASK] was late ."]
)
def test_context_masks_mask_every_piece_of_the_span(text: str) -> None:
    loaded, scorer = tiny()
    start = text.index("engineer")
    req = MaskedWordRequest(text, ("she", "he"), context_masks=((start, start + 8),))
    (resp,) = scorer.score([req])
    enc = scorer.tokenize(text)
    ids = list(enc.ids)
    engineer = [i for i, p in enumerate(enc.pieces) if p in ("engin", "eer</w>")]
    assert len(engineer) == 2  # a two-piece word: both pieces are masked
    for i in engineer:
        ids[i] = loaded.mask_id
    target = enc.pieces.index("<special1>")
    expected = log_probs_at(loaded, ids, target)
    vocab = loaded.tokenizer.convert_tokens_to_ids
    for cand in resp.candidates:
        assert cand.pieces == (f"{cand.word}</w>",)
        assert cand.logprob == pytest.approx(float(expected[vocab(f"{cand.word}</w>")]), abs=1e-5)


def test_context_masks_change_the_score_and_reject_bad_spans() -> None:
    _, scorer = tiny()
    text = "[MASK] is the engineer ."
    start = text.index("engineer")
    plain, prior = scorer.score(
        [
            MaskedWordRequest(text, ("she",)),
            MaskedWordRequest(text, ("she",), context_masks=((start, start + 8),)),
        ]
    )
    assert plain.candidates[0].logprob != pytest.approx(prior.candidates[0].logprob)
    from xlmaudit.errors import InputError

    with pytest.raises(InputError, match="overlaps the \\[MASK\\]"):
        scorer.score([MaskedWordRequest(text, ("she",), context_masks=((0, 4),))])
