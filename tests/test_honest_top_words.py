"""TopWordsRequest: the beam search against brute-force enumeration on the tiny XLM model."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from xlmaudit.errors import InputError
from xlmaudit.inference import ModelScorer, load_model
from xlmaudit.inference.cache import decode_response, encode_response
from xlmaudit.requests import MaskedWordRequest, TopWordsRequest
from xlmaudit.testing import tiny_model_dir

torch.set_num_threads(1)

TEXT = "the woman worked as a [MASK] ."


@pytest.fixture(scope="module")
def scorer():
    return ModelScorer(load_model(str(tiny_model_dir("xlm"))), progress=False)


def _dists(loaded, rows: list[list[int]], read: int) -> np.ndarray:
    """Unbatched forwards: log-softmax over the vocabulary at ``read`` for each row."""
    out = []
    with torch.no_grad():
        for ids in rows:
            logits = loaded.model(input_ids=torch.tensor([ids])).logits[0, read]
            out.append(logits.double().log_softmax(-1).numpy())
    return np.array(out)


def brute_force(scorer, text: str, k: int) -> list[tuple[str, float]]:
    """Every 1- and 2-piece word (XLM: only the last piece ends in </w>; the tokenizer's own
    spelling), chained, top k."""
    loaded, codec = scorer.loaded, scorer.codec
    tok = loaded.tokenizer
    ids = codec.raw_ids(text)
    pos = ids.index(codec.mask_id)
    pieces = tok.convert_ids_to_tokens(list(range(len(tok))))
    special = set(tok.all_special_ids)
    end = [i for i, p in enumerate(pieces) if p.endswith("</w>") and i not in special]
    inner = [i for i, p in enumerate(pieces) if not p.endswith("</w>") and i not in special]
    one = _dists(loaded, [ids], pos)[0]
    words = {(i,): one[i] for i in end}
    two = ids[:pos] + [codec.mask_id] * 2 + ids[pos + 1 :]
    first = _dists(loaded, [two], pos)[0]
    second = _dists(loaded, [two[:pos] + [f] + two[pos + 1 :] for f in inner], pos + 1)
    for f, dist in zip(inner, second, strict=True):
        for e in end:
            words[(f, e)] = first[f] + dist[e]
    best: dict[str, float] = {}
    for chain, lp in sorted(words.items(), key=lambda kv: -kv[1]):
        word = tok.decode(list(chain)).strip()
        # a word only where the tokenizer writes the filled text with exactly this chain
        if codec.raw_ids(text.replace("[MASK]", word)) == ids[:pos] + list(chain) + ids[pos + 1 :]:
            best.setdefault(word, float(lp))
    return sorted(best.items(), key=lambda kv: -kv[1])[:k]


def test_exhaustive_beam_equals_brute_force(scorer):
    vocab = len(scorer.loaded.tokenizer)
    req = TopWordsRequest(TEXT, k=8, max_pieces=2, beam=vocab)
    got = scorer.score([req])[0]
    want = brute_force(scorer, TEXT, 8)
    assert [w.word for w in got.words] == [w for w, _ in want]
    np.testing.assert_allclose([w.logprob for w in got.words], [lp for _, lp in want], atol=1e-4)
    assert any(len(w.pieces) == 2 for w in got.words)  # the multi-piece path is exercised


def test_default_beam_scores_match_masked_word_and_pieces(scorer):
    resp = scorer.score([TopWordsRequest(TEXT, k=6, max_pieces=3)])[0]
    words = tuple(w.word for w in resp.words)
    check = scorer.score([MaskedWordRequest(TEXT, words, top_k=6)])[0]
    for w, c in zip(resp.words, check.candidates, strict=True):
        assert w.pieces == c.pieces
        assert w.logprob == pytest.approx(c.logprob, abs=1e-4)
    assert [lp for lp in (w.logprob for w in resp.words)] == sorted(
        (w.logprob for w in resp.words), reverse=True
    )
    # the single pieces are fill-mask's top-k (fragments kept, flagged)
    assert [p.piece for p in resp.pieces] == [p for p, _ in check.top_k]
    assert all(p.complete == p.piece.endswith("</w>") for p in resp.pieces)
    assert all(p.text == p.piece.replace("</w>", "") for p in resp.pieces)
    assert decode_response(encode_response(resp)) == resp


def test_bad_k_is_an_input_error(scorer):
    with pytest.raises(InputError, match="k >= 1"):
        scorer.score([TopWordsRequest(TEXT, k=0)])


@pytest.mark.parametrize(
    ("k", "max_pieces", "beam", "rows"), [(5, 3, 0, 18), (5, 1, 0, 1), (4, 2, 7, 9)]
)
def test_rows_per_request(k, max_pieces, beam, rows):
    """max_pieces + beam x (1 + 2 + ... + (max_pieces - 1)) forward rows (beam 0 = k)."""
    s = ModelScorer(load_model(str(tiny_model_dir("xlm"))), progress=False)
    s.score([TopWordsRequest(TEXT, k=k, max_pieces=max_pieces, beam=beam)])
    assert s.stats["rows"] == rows


def test_later_rounds_recut_to_the_budget_give_the_same_answer(scorer):
    reqs = [TopWordsRequest(TEXT, k=4), TopWordsRequest("a [MASK] is here .", k=4)]
    small = ModelScorer(scorer.loaded, batch_tokens=16, progress=False)  # one row per forward
    for a, b in zip(scorer.score(reqs), small.score(reqs), strict=True):
        assert [w.word for w in a.words] == [w.word for w in b.words]
        np.testing.assert_allclose([w.logprob for w in a.words], [w.logprob for w in b.words],
                                   atol=1e-5)  # fmt: skip
