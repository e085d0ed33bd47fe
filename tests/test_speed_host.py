"""Host-side work of the scoring core: each distinct text is tokenized once per scorer, and the
batched gather gives the per-row log-probs of a plain forward."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from xlmaudit.inference import ModelScorer, load_model
from xlmaudit.inference.kernel import Row, run_rows
from xlmaudit.requests import PLLRequest, UnmaskedRequest
from xlmaudit.testing import tiny_model_dir


@pytest.fixture(scope="module")
def loaded():
    return load_model(str(tiny_model_dir("xlm")), device="cpu")


def test_each_distinct_text_tokenized_once(loaded, monkeypatch: pytest.MonkeyPatch) -> None:
    scorer = ModelScorer(loaded)
    calls: list[str] = []
    tokenizer_call = type(loaded.tokenizer).__call__

    def counting(self, text, *args, **kwargs):
        calls.append(text)
        return tokenizer_call(self, text, *args, **kwargs)

    monkeypatch.setattr(type(loaded.tokenizer), "__call__", counting)
    texts = ["the doctor said hello .", "the nurse said hello ."]
    for _ in range(3):
        for text in texts:
            scorer.tokenize(text)
    scorer.score([PLLRequest(t, "original", None) for t in texts])
    scorer.score([UnmaskedRequest(t, False) for t in texts])
    assert sorted(calls) == sorted(texts)


def test_batched_gather_equals_plain_forward(loaded) -> None:
    model = loaded.model
    rows = [
        Row((0, 20, 5, 30, 1), (2,), (40,)),
        Row((0, 21, 22, 5, 23, 1), (3, 1), (50, 21), full=True),
        Row((0, 5, 1), (1,), (60,)),
    ]
    got = run_rows(model, rows, pad_id=2, batch_tokens=10_000)
    with torch.inference_mode():
        for row, res in zip(rows, got, strict=True):
            logp = torch.log_softmax(model(torch.tensor([row.ids])).logits[0].float(), -1)
            want = [float(logp[p, t]) for p, t in zip(row.read, row.targets, strict=True)]
            np.testing.assert_allclose(res.logprobs, want, atol=1e-5)
            if row.full:
                np.testing.assert_allclose(res.full, logp[list(row.read)].numpy(), atol=1e-5)
            else:
                assert res.full is None
