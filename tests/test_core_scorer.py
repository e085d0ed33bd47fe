"""ModelScorer against hand-built forwards on tiny XLM- and BERT-format models."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from xlmaudit.inference import ModelScorer, load_model
from xlmaudit.inference.tokens import word_index
from xlmaudit.requests import (
    Encoding,
    HiddenStatesRequest,
    MaskedTokenRequest,
    MaskedWordRequest,
    PLLRequest,
    Scorer,
    UnmaskedRequest,
)
from xlmaudit.testing import tiny_model_dir

torch.set_num_threads(1)  # tiny models: threads only contend on the shared CPU

SENTENCES = [
    "The doctor said that she was tired.",
    "He was late.",
    "The engineer and the nurse were always very kind to the people at home.",
    "A firefighter is smart.",
]


@pytest.fixture(scope="module", params=["xlm", "bert"])
def loaded(request):
    return load_model(str(tiny_model_dir(request.param)))


@pytest.fixture(scope="module")
def xlm():
    return load_model(str(tiny_model_dir("xlm")))


def ids_of(loaded, pieces):
    return [loaded.tokenizer.convert_tokens_to_ids(p) for p in pieces]


def manual(loaded, ids, **kwargs):
    """One unbatched forward with full logits: log-softmax over the vocabulary at every position."""
    with torch.no_grad():
        out = loaded.model(
            input_ids=torch.tensor([ids]), attention_mask=torch.ones(1, len(ids), dtype=torch.long),
            **kwargs,
        )  # fmt: skip
    return out, out.logits[0].double().log_softmax(-1)


def all_requests():
    reqs = []
    for s in SENTENCES:
        reqs += [PLLRequest(s), PLLRequest(s, "word_l2r"), UnmaskedRequest(s, attentions=True)]
        reqs += [HiddenStatesRequest(s), HiddenStatesRequest(s, layer=1)]
    reqs += [
        MaskedWordRequest("The doctor said [MASK] was late.", ("he", "she", "engineer"), top_k=5),
        MaskedWordRequest("[MASK] is a nurse.", ("firefighter", "she")),
        MaskedTokenRequest("The [MASK] was tired.", (20, 30, 40)),
    ]
    return reqs


def assert_same(a, b, tol=1e-5):
    assert type(a) is type(b)
    for name in vars(a):
        x, y = getattr(a, name), getattr(b, name)
        if isinstance(x, np.ndarray):
            np.testing.assert_allclose(x, y, atol=tol, rtol=0)
        elif isinstance(x, tuple) and x and hasattr(x[0], "logprob"):
            for c, d in zip(x, y, strict=True):
                assert c.pieces == d.pieces and abs(c.logprob - d.logprob) < tol
        elif isinstance(x, tuple) and x and isinstance(x[0], tuple):
            assert [p for p, _ in x] == [p for p, _ in y]
            np.testing.assert_allclose([v for _, v in x], [v for _, v in y], atol=tol)
        else:
            assert x == y


def test_implements_the_scorer_protocol(loaded):
    assert isinstance(ModelScorer(loaded), Scorer)


@pytest.mark.parametrize("kind", ["xlm", "bert", "roberta"])
def test_batched_scores_equal_scoring_each_sequence_alone(kind):
    loaded = load_model(str(tiny_model_dir(kind)))
    reqs = all_requests()
    batched = ModelScorer(loaded, batch_tokens=96).score(reqs)
    for req, got in zip(reqs, batched, strict=True):
        alone = ModelScorer(loaded, batch_tokens=1).score([req])[0]
        assert_same(got, alone)


def test_multi_piece_word_is_chained_left_to_right(xlm):
    req = MaskedWordRequest("The doctor said [MASK] was late.", ("engineer", "firefighter", "he"))
    got = ModelScorer(xlm).score([req])[0]
    left = ["<s>", "the</w>", "doctor</w>", "said</w>"]
    right = ["was</w>", "late</w>", ".</w>", "</s>"]
    m = "<special1>"
    eng = ids_of(xlm, ["engin", "eer</w>"])
    _, lp_a = manual(xlm, ids_of(xlm, left + [m, m] + right))
    _, lp_b = manual(xlm, ids_of(xlm, left + ["engin", m] + right))
    expected = [lp_a[4, eng[0]].item(), lp_b[5, eng[1]].item()]
    engineer = got.candidates[0]
    assert engineer.pieces == ("engin", "eer</w>") and engineer.n_pieces == 2
    np.testing.assert_allclose(engineer.piece_logprobs, expected, atol=1e-5)
    assert abs(engineer.logprob - sum(expected)) < 1e-5
    fire = ids_of(xlm, ["fire", "figh", "ter</w>"])
    steps = [[m, m, m], ["fire", m, m], ["fire", "figh", m]]
    exp3 = [manual(xlm, ids_of(xlm, left + s + right))[1][4 + j, fire[j]].item()
            for j, s in enumerate(steps)]  # fmt: skip
    np.testing.assert_allclose(got.candidates[1].piece_logprobs, exp3, atol=1e-5)
    assert got.candidates[2].n_pieces == 1 and got.mixed_piece_counts


def test_single_piece_candidates_use_one_mask_token_5(xlm):
    req = MaskedWordRequest("The doctor said [MASK] was late.", ("he", "she"))
    got = ModelScorer(xlm).score([req])[0]
    ids = ids_of(xlm, ["<s>", "the</w>", "doctor</w>", "said</w>", "<special1>", "was</w>",
                       "late</w>", ".</w>", "</s>"])  # fmt: skip
    assert ids[4] == 5
    _, lp = manual(xlm, ids)
    he, she = ids_of(xlm, ["he</w>", "she</w>"])
    assert abs(got.candidates[0].logprob - lp[4, he].item()) < 1e-5
    assert abs(got.candidates[1].logprob - lp[4, she].item()) < 1e-5
    assert not got.mixed_piece_counts


def test_top_k_excludes_special_tokens(tmp_path):
    loaded = load_model(str(tiny_model_dir("xlm")))
    with torch.no_grad():  # make <special1> and <s> the model's favourite predictions
        loaded.model.pred_layer.proj.bias[[0, 5]] += 100.0
    got = ModelScorer(loaded).score([MaskedWordRequest("He was [MASK].", (), top_k=4)])[0]
    ids = ids_of(loaded, ["<s>", "he</w>", "was</w>", "<special1>", ".</w>", "</s>"])
    _, lp = manual(loaded, ids)
    assert lp[3].argmax().item() in (0, 5)
    ordered = [i for i in lp[3].argsort(descending=True).tolist() if i > 13][:4]
    assert [p for p, _ in got.top_k] == loaded.tokenizer.convert_ids_to_tokens(ordered)
    np.testing.assert_allclose([v for _, v in got.top_k], lp[3, ordered].numpy(), atol=1e-5)


def test_pll_original_and_word_l2r_by_hand(xlm):
    text = "The engineer was tired."
    pieces = ["<s>", "the</w>", "engin", "eer</w>", "was</w>", "tired</w>", ".</w>", "</s>"]
    ids = ids_of(xlm, pieces)
    original, l2r = ModelScorer(xlm).score([PLLRequest(text), PLLRequest(text, "word_l2r")])
    assert original.encoding.pieces == tuple(pieces)
    assert original.positions.tolist() == [1, 2, 3, 4, 5, 6]

    def masked(positions, read):
        row = [5 if i in positions else t for i, t in enumerate(ids)]
        return manual(xlm, row)[1][read, ids[read]].item()

    expected_orig = [masked({t}, t) for t in range(1, 7)]
    expected_l2r = [masked({t, 3} if t == 2 else {t}, t) for t in range(1, 7)]
    np.testing.assert_allclose(original.logprobs, expected_orig, atol=1e-5)
    np.testing.assert_allclose(l2r.logprobs, expected_l2r, atol=1e-5)
    assert abs(original.logprobs[1] - l2r.logprobs[1]) > 1e-3  # "engin": its "eer" hidden too
    assert abs(original.total - sum(expected_orig)) < 1e-5


def test_pll_given_positions_are_scored_in_ascending_order(xlm):
    scorer = ModelScorer(xlm)
    full = scorer.score([PLLRequest("He was late.")])[0]
    part = scorer.score([PLLRequest("He was late.", positions=(3, 1))])[0]
    assert part.positions.tolist() == [1, 3]
    np.testing.assert_allclose(part.logprobs, full.logprobs[[0, 2]], atol=1e-6)


def test_unmasked_logprobs_and_attention_received(loaded):
    text = "The nurse said that he was tired."
    got = ModelScorer(loaded).score([UnmaskedRequest(text, attentions=True)])[0]
    ids = list(got.encoding.ids)
    if not loaded.is_xlm:
        loaded.model.set_attn_implementation("eager")
    out, lp = manual(loaded, ids, output_attentions=True)
    if not loaded.is_xlm:
        loaded.model.set_attn_implementation("sdpa")
    inner = list(range(1, len(ids) - 1))
    assert got.positions.tolist() == inner
    np.testing.assert_allclose(got.logprobs, [lp[i, ids[i]].item() for i in inner], atol=1e-5)
    # AULA: mean over layers, heads and query positions of the attention each token receives
    att = torch.stack(out.attentions)[:, 0]  # (layers, heads, q, k)
    np.testing.assert_allclose(got.attention, att.mean(dim=(0, 1, 2)).numpy(), atol=1e-6)
    assert got.attention.shape == (len(ids),) and abs(got.attention.sum() - 1) < 1e-5


def test_hidden_states_of_a_layer(loaded):
    got = ModelScorer(loaded).score([HiddenStatesRequest("He was late.", layer=1)])[0]
    out, _ = manual(loaded, list(got.encoding.ids), output_hidden_states=True)
    np.testing.assert_allclose(got.states, out.hidden_states[1][0].numpy(), atol=1e-6)
    last = ModelScorer(loaded).score([HiddenStatesRequest("He was late.")])[0]
    np.testing.assert_allclose(last.states, out.hidden_states[-1][0].numpy(), atol=1e-6)


def test_masked_token_logprobs(xlm):
    got = ModelScorer(xlm).score([MaskedTokenRequest("He was [MASK].", (20, 3))])[0]
    _, lp = manual(xlm, ids_of(xlm, ["<s>", "he</w>", "was</w>", "<special1>", ".</w>", "</s>"]))
    np.testing.assert_allclose(got.logprobs, [lp[3, 20].item(), lp[3, 3].item()], atol=1e-5)


def capture(model):
    seen = []

    def hook(_module, args, kwargs):
        seen.append(dict(kwargs, args=args))

    return seen, model.register_forward_pre_hook(hook, with_kwargs=True)


def test_no_token_type_ids_reach_xlm_and_attention_mask_is_explicit(xlm):
    seen, handle = capture(xlm.model)
    try:
        ModelScorer(xlm, batch_tokens=40).score(all_requests())
    finally:
        handle.remove()
    assert len(seen) > 3
    for call in seen:
        assert call.get("token_type_ids") is None and call["attention_mask"] is not None
        assert "langs" not in call
        ids = call["input_ids"]
        assert (ids[:, 0] == 0).all() and not (ids[:, 1:] == 0).any()  # <s> only at the start
    assert any((call["input_ids"] == 5).any() for call in seen)


def test_multilingual_xlm_gets_langs():
    path = str(tiny_model_dir("xlm", n_langs=2))
    en, fr = load_model(path, language="en"), load_model(path, language="fr")
    seen, handle = capture(fr.model)
    try:
        got_fr = ModelScorer(fr).score([PLLRequest("He was late.")])[0]
    finally:
        handle.remove()
    assert all((call["langs"] == 1).all() for call in seen)
    got_en = ModelScorer(en).score([PLLRequest("He was late.")])[0]
    assert np.abs(got_fr.logprobs - got_en.logprobs).max() > 1e-4


def test_identical_requests_and_rows_are_scored_once(xlm):
    seen, handle = capture(xlm.model)
    scorer = ModelScorer(xlm)
    try:
        reqs = [MaskedWordRequest("He was [MASK].", ("late", "tired"))] * 3
        reqs += [MaskedTokenRequest("He was [MASK].", (20,))]
        out = scorer.score(reqs)
    finally:
        handle.remove()
    assert out[0] is out[1] is out[2]
    assert sum(call["input_ids"].shape[0] for call in seen) == 1  # one masked input in all
    assert scorer.stats["requests"] == 2


def test_tokenize_gives_word_index_from_markers(loaded):
    enc = ModelScorer(loaded).tokenize("The engineer was tired.")
    assert isinstance(enc, Encoding)
    assert enc.word_index == (-1, 0, 1, 1, 2, 3, 4, -1)
    assert enc.special == (True,) + (False,) * 6 + (True,)


def test_word_index_for_sentencepiece_and_byte_bpe():
    special = [True, False, False, False, True]
    sp = ["<s>", "\u2581The", "\u2581engine", "er", "</s>"]
    bb = ["<s>", "The", "\u0120engine", "er", "</s>"]
    assert word_index(sp, special, scheme="sentencepiece") == (-1, 0, 1, 1, -1)
    assert word_index(bb, special, scheme="bytebpe") == (-1, 0, 1, 1, -1)
    xlm = ["<s>", "the</w>", "engin", "eer</w>", "</s>"]
    assert word_index(xlm, special, scheme="xlm") == (-1, 0, 1, 1, -1)


def test_bfloat16_keeps_the_fp32_ranking_on_a_clear_case(xlm):
    bf16 = load_model(str(tiny_model_dir("xlm")), dtype="bfloat16")
    req = MaskedWordRequest("The doctor said [MASK] was late.", ("he", "she"))
    a, b = ModelScorer(xlm).score([req])[0], ModelScorer(bf16).score([req])[0]
    assert np.isfinite(b.candidates[0].logprob)
    assert abs(a.candidates[0].logprob - b.candidates[0].logprob) < 0.1


def test_byte_bpe_candidates_carry_their_space_marker():
    loaded = load_model(str(tiny_model_dir("roberta")))
    scorer = ModelScorer(loaded)
    text = "The doctor said [MASK] was late."
    got = scorer.score([MaskedWordRequest(text, ("he", "she"))])[0]
    assert [c.pieces for c in got.candidates] == [("\u0120he",), ("\u0120she",)]
    filled = list(scorer.tokenize("The doctor said he was late.").ids)
    pos = loaded.tokenizer.convert_ids_to_tokens(filled).index("\u0120he")
    masked = filled[:pos] + [loaded.mask_id] + filled[pos + 1 :]  # context as in the sentence
    _, lp = manual(loaded, masked)
    she = loaded.tokenizer.convert_tokens_to_ids("\u0120she")
    assert abs(got.candidates[0].logprob - lp[pos, filled[pos]].item()) < 1e-5
    assert abs(got.candidates[1].logprob - lp[pos, she].item()) < 1e-5
    enc = scorer.tokenize("The doctor said she was tired.")
    assert enc.pieces[3:6] == ("\u0120doctor", "\u0120said", "\u0120she")
    assert enc.word_index[3:6] == (1, 2, 3)


def test_models_without_a_separable_output_projection_use_full_logits(monkeypatch):
    loaded = load_model(str(tiny_model_dir("bert")))
    reqs = [PLLRequest("The engineer was tired."), UnmaskedRequest("He was late.")]
    hooked = ModelScorer(loaded).score(reqs)
    monkeypatch.setattr(loaded.model, "get_output_embeddings", lambda: None)
    full = ModelScorer(loaded).score(reqs)
    for a, b in zip(hooked, full, strict=True):
        np.testing.assert_allclose(a.logprobs, b.logprobs, atol=1e-6)
