"""Every attribution method against closed forms on a toy embedding-bag LM.

Toy: logits at position t = W (sum_i mask_i e_i) + b_t, with e_<pad> = 0. For a single-piece
contrast F = log P(A) - log P(B) = (W_A - W_B) . sum_i e_i + const is linear in the embeddings, so
IG (pad baseline) = gradient x input = ablation = e_i . (W_A - W_B) for context tokens, and
saliency = ||W_A - W_B|| everywhere. For log P(target) alone and for chained multi-piece words,
the reference is the closed-form gradient of log-softmax integrated numerically in numpy.
"""

from __future__ import annotations

import warnings
from types import SimpleNamespace

import numpy as np
import pytest
import torch

from xlmaudit.errors import InputError
from xlmaudit.inference.attribution import (
    METHODS,
    CompletenessWarning,
    explain,
    suggested_steps,
)
from xlmaudit.inference.tokens import Codec
from xlmaudit.requests import AttributionRequest

SPECIALS = ["<s>", "</s>", "<pad>", "<unk>", "<special0>", "<special1>"]
WORDS = ["the", "nurse", "said", "that", "was", "tired", ".", "she", "he", "they", "doctor"]
SPLIT = {"doctor": ["doc", "tor</w>"], "they": ["th", "ey</w>"]}
MASK_ID, PAD_ID = 5, 2


class WordTokenizer:
    """Whitespace tokenizer in XLM piece format (``</w>`` ends a word), with split words."""

    mask_token, pad_token_id, unk_token_id = "<special1>", PAD_ID, 3
    all_special_ids = list(range(6))

    def __init__(self) -> None:
        pieces = SPECIALS + [w + "</w>" for w in WORDS]
        pieces += [p for split in SPLIT.values() for p in split if p not in pieces]
        self.vocab = {p: i for i, p in enumerate(pieces)}
        self.inverse = dict(enumerate(pieces))

    def __call__(self, text: str, add_special_tokens: bool = True) -> dict:
        pieces = []
        for word in text.split():
            pieces += [word] if word in SPECIALS else SPLIT.get(word, [word + "</w>"])
        ids = [self.vocab.get(p, 3) for p in pieces]
        return {"input_ids": [0, *ids, 1] if add_special_tokens else ids}

    def convert_ids_to_tokens(self, ids: list[int]) -> list[str]:
        return [self.inverse[i] for i in ids]

    def get_special_tokens_mask(self, ids: list[int], already_has_special_tokens: bool) -> list:
        return [int(i in self.all_special_ids) for i in ids]


class BagLM(torch.nn.Module):
    """Embedding-bag LM: the same context sum at every position plus a per-position bias."""

    def __init__(self, vocab: int, dim: int = 6, max_len: int = 32, seed: int = 0) -> None:
        super().__init__()
        gen = torch.Generator().manual_seed(seed)
        self.emb = torch.nn.Embedding(vocab, dim, padding_idx=PAD_ID)
        with torch.no_grad():
            self.emb.weight.copy_(torch.randn(vocab, dim, generator=gen))
            self.emb.weight[PAD_ID] = 0
        self.out = torch.nn.Parameter(torch.randn(vocab, dim, generator=gen))
        self.pos_bias = torch.nn.Parameter(torch.randn(max_len, vocab, generator=gen))

    def get_input_embeddings(self) -> torch.nn.Module:
        return self.emb

    def forward(self, input_ids, attention_mask, **_):
        s = (self.emb(input_ids) * attention_mask[..., None]).sum(1, keepdim=True)
        return SimpleNamespace(logits=s @ self.out.T + self.pos_bias[: input_ids.shape[1]])


def toy() -> SimpleNamespace:
    tok = WordTokenizer()
    return SimpleNamespace(
        model=BagLM(len(tok.vocab)),
        tokenizer=tok,
        mask_id=MASK_ID,
        langs_id=None,
        is_xlm=True,
        language=None,
        max_positions=32,
    )


def encode_text(loaded, text):
    return Codec(loaded).encode(text)


def weights(loaded):
    m = loaded.model
    return (
        m.emb.weight.detach().double().numpy(),
        m.out.detach().double().numpy(),
        m.pos_bias.detach().double().numpy(),
    )


TEXT = "the nurse said that [MASK] was tired ."


def test_contrast_single_piece_matches_closed_form_for_every_method():
    loaded = toy()
    emb, out, _ = weights(loaded)
    ids = np.array(encode_text(loaded, TEXT).ids)
    w = out[loaded.tokenizer.vocab["she</w>"]] - out[loaded.tokenizer.vocab["he</w>"]]
    context = ~np.isin(ids, range(6))
    expected = np.where(context, emb[ids] @ w, 0.0)

    def req(method):
        return [AttributionRequest(TEXT, "she", "he", method=method)]

    for method in ("lig", "ablation"):
        (r,) = explain(loaded, req(method))
        np.testing.assert_allclose(r.attributions, expected, atol=1e-5)
    (r,) = explain(loaded, req("grad_x_input"))
    np.testing.assert_allclose(r.attributions, emb[ids] @ w, atol=1e-5)  # specials included
    (r,) = explain(loaded, req("saliency"))
    np.testing.assert_allclose(r.attributions, np.full(len(ids), np.linalg.norm(w)), rtol=1e-5)


def test_lig_is_complete_and_reports_delta():
    loaded = toy()
    (r,) = explain(loaded, [AttributionRequest(TEXT, "she", "he", method="lig", n_steps=5)])
    assert r.attributions.sum() == pytest.approx(r.value - r.baseline_value, abs=1e-5)
    assert abs(r.delta) < 1e-5 and r.relative_delta < 1e-5
    assert r.n_steps == 5 and r.mask_position == 5


def _chain_grad(emb, out, bias, rows, alpha):
    """dF/ds at context scale alpha; rows = (kept-embedding sum, scored position, piece, sign)."""
    grad = np.zeros(emb.shape[1])
    for kept, ctx, pos, piece, sign in rows:
        z = out @ (kept + alpha * ctx) + bias[pos]
        p = np.exp(z - z.max())
        p /= p.sum()
        grad += sign * (out[piece] - p @ out)
    return grad


def _reference_ig(loaded, text, rows_spec, steps=4000):
    """IG of the chained F by the midpoint rule on the closed-form gradient."""
    emb, out, bias = weights(loaded)
    ids = np.array(encode_text(loaded, text).ids)
    context = ~np.isin(ids, range(6))
    ctx = emb[ids[context]].sum(0)
    rows = [(emb[kept].sum(0), ctx, pos, piece, sign) for kept, pos, piece, sign in rows_spec]
    mean_grad = np.mean(
        [_chain_grad(emb, out, bias, rows, (k + 0.5) / steps) for k in range(steps)], 0
    )
    return np.where(context, emb[ids] @ mean_grad, 0.0)


def test_target_only_lig_matches_numerical_integral_of_closed_form_gradient():
    loaded = toy()
    v = loaded.tokenizer.vocab
    kept = [0, MASK_ID, 1]
    (r,) = explain(loaded, [AttributionRequest(TEXT, "she", method="lig", n_steps=50)])
    expected = _reference_ig(loaded, TEXT, [(kept, 5, v["she</w>"], 1.0)])
    np.testing.assert_allclose(r.attributions, expected, atol=1e-4)


def test_multi_piece_words_are_chained_rows_summed():
    """doctor = doc + tor</w> (2 masks, chained) against they = th + ey</w>."""
    loaded = toy()
    v = loaded.tokenizer.vocab
    text = "the [MASK] said that she was tired ."
    (r,) = explain(loaded, [AttributionRequest(text, "doctor", "they", method="lig", n_steps=50)])
    m = MASK_ID
    spec = [
        ([0, m, m, 1], 2, v["doc"], 1.0),
        ([0, v["doc"], m, 1], 3, v["tor</w>"], 1.0),
        ([0, m, m, 1], 2, v["th"], -1.0),
        ([0, v["th"], m, 1], 3, v["ey</w>"], -1.0),
    ]
    np.testing.assert_allclose(r.attributions, _reference_ig(loaded, text, spec), atol=1e-4)
    assert r.target_pieces == ("doc", "tor</w>") and not r.mixed_piece_counts
    assert r.attributions.sum() == pytest.approx(r.value - r.baseline_value, abs=1e-4)


def test_ablation_is_exact_leave_one_out_for_target_only():
    loaded = toy()
    (r,) = explain(loaded, [AttributionRequest(TEXT, "she", method="ablation")])
    ids = encode_text(loaded, TEXT).ids
    for pos in (1, 2, 7):
        dropped = " ".join(
            "<pad>" if i == pos else p.removesuffix("</w>").replace("<special1>", "[MASK]")
            for i, p in enumerate(loaded.tokenizer.convert_ids_to_tokens(list(ids)))
            if i not in (0, len(ids) - 1)
        )
        (full,) = explain(loaded, [AttributionRequest(TEXT, "she", method="grad_x_input")])
        (cut,) = explain(loaded, [AttributionRequest(dropped, "she", method="grad_x_input")])
        assert r.attributions[pos] == pytest.approx(full.value - cut.value, abs=1e-5)


def test_batched_explanations_equal_one_by_one():
    loaded = toy()
    reqs = [
        AttributionRequest(TEXT, "she", "he"),
        AttributionRequest("the [MASK] was tired .", "doctor", "nurse"),
        AttributionRequest("[MASK] said that the doctor was tired .", "they"),
    ]
    together = explain(loaded, reqs, batch_rows=8)
    for req, got in zip(reqs, together, strict=True):
        (alone,) = explain(loaded, [req])
        np.testing.assert_allclose(got.attributions, alone.attributions, atol=1e-5)
        assert got.value == pytest.approx(alone.value, abs=1e-5)
    assert together[1].mixed_piece_counts


def test_completeness_warning_names_step_count(monkeypatch):
    loaded = toy()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        explain(loaded, [AttributionRequest(TEXT, "she", n_steps=1)], threshold=1e-9)
    messages = [str(w.message) for w in caught if issubclass(w.category, CompletenessWarning)]
    assert len(messages) == 1 and "raise n_steps (--steps) to" in messages[0]
    assert suggested_steps(50, 0.05, 0.01) == 250 and suggested_steps(50, 0.011, 0.01) == 100


def test_registry_and_errors():
    assert set(METHODS) >= {"lig", "grad_x_input", "saliency", "ablation"}
    from xlmaudit.inference.attribution_methods import CAPABILITIES
    from xlmaudit.requests import ATTRIBUTION_METHODS

    # one tuple of names (torch-free) for the kind and the CLI; capabilities where registered
    assert tuple(METHODS) == tuple(CAPABILITIES) == ATTRIBUTION_METHODS
    assert [n for n, c in CAPABILITIES.items() if c.has_delta] == ["lig"]
    assert [n for n, c in CAPABILITIES.items() if c.needs_baseline] == ["lig", "ablation"]
    loaded = toy()
    with pytest.raises(InputError, match="unknown attribution method"):
        explain(loaded, [AttributionRequest(TEXT, "she", method="shap")])
    with pytest.raises(InputError, match="exactly one is needed"):
        explain(loaded, [AttributionRequest("no mask here", "she")])
    with pytest.raises(InputError, match="unknown pieces"):
        explain(loaded, [AttributionRequest(TEXT, "zebra")])


def test_parameter_grads_restored_and_no_grad_context_is_overridden():
    loaded = toy()
    with torch.no_grad():
        (r,) = explain(loaded, [AttributionRequest(TEXT, "she", "he", method="lig")])
    assert np.abs(r.attributions).sum() > 0
    assert all(p.requires_grad for p in loaded.model.parameters())


def test_mixed_methods_in_one_call_keep_order_and_scorer_wrapper_routes():
    from xlmaudit.inference.attribution import AttributionScorer
    from xlmaudit.requests import MaskedWordRequest
    from xlmaudit.testing.fake import FakeScorer

    loaded = toy()
    reqs = [
        AttributionRequest(TEXT, "she", "he", method="saliency"),
        AttributionRequest(TEXT, "she", "he", method="lig"),
    ]
    sal, lig = explain(loaded, reqs)
    assert sal.method == "saliency" and lig.method == "lig" and lig.n_steps == 50
    fake = FakeScorer({"she": -1.0})
    scorer = AttributionScorer(loaded, fake)
    answers = scorer.score([MaskedWordRequest(TEXT, ("she",)), reqs[1]])
    assert answers[0].candidates[0].logprob == -1.0
    # the scorer batches its (adaptive) integration differently: equal up to fp32 summation noise
    np.testing.assert_allclose(answers[1].attributions, lig.attributions, rtol=1e-5, atol=1e-6)
    assert len(fake.calls) == 1 and scorer.fingerprint == "fake"


def test_many_explanations_are_one_captum_call_per_batch(monkeypatch):
    from xlmaudit.inference import attribution

    calls = []
    original = attribution.METHODS["lig"]

    def spy(call):
        calls.append(tuple(call.ids.shape))
        return original(call)

    monkeypatch.setitem(attribution.METHODS, "lig", spy)
    loaded = toy()
    reqs = [AttributionRequest(TEXT, "she", "he")] * 5 + [
        AttributionRequest("the [MASK] was tired .", "doctor", "they")  # 2 + 2 rows, 1st merged
    ]
    explain(loaded, reqs, batch_rows=4)
    assert [n for n, _ in calls] == [4, 4]  # 5 + 3 rows in batches of 4 (sorted by length)
    explain(loaded, reqs, batch_rows=16)
    assert len(calls) == 3 and calls[-1][0] == 8
