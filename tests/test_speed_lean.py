"""Lean XLM attention (no generation cache, SDPA): same scores as the eager path, cache unused."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch
from transformers import XLMConfig, XLMWithLMHeadModel
from transformers.cache_utils import DynamicLayer

from xlmaudit.inference.kernel import Row, run_rows
from xlmaudit.inference.lean import lean_attention

REAL_CONFIG = Path(__file__).resolve().parents[1].parent / "shared" / "reference"
REAL_CONFIG = REAL_CONFIG / "xlm-mlm-en-2048" / "config.json"


def _model(width: int, heads: int, layers: int, vocab: int) -> XLMWithLMHeadModel:
    torch.manual_seed(0)
    config = XLMConfig(
        vocab_size=vocab, emb_dim=width, n_layers=layers, n_heads=heads, n_langs=1, pad_index=2
    )
    return XLMWithLMHeadModel(config).eval()


def _real_width(layers: int = 2) -> XLMWithLMHeadModel:
    cfg = json.loads(REAL_CONFIG.read_text(encoding="utf-8"))
    cfg["n_layers"] = layers
    torch.manual_seed(0)
    return XLMWithLMHeadModel(XLMConfig.from_dict(cfg)).eval()


def _rows(vocab: int) -> list[Row]:
    """Rows of lengths 4..12 (so batches are padded), mask 5 at one position, one target each."""
    rng = np.random.default_rng(1)
    rows = []
    for length in (12, 4, 9, 7, 12, 5):
        ids = [0, *rng.integers(14, vocab, length - 2).tolist(), 1]
        pos = int(rng.integers(1, length - 1))
        target = ids[pos]
        ids[pos] = 5
        rows.append(Row(tuple(ids), (pos,), (target,), full=True))
    return rows


@pytest.mark.parametrize("kind", ["tiny", "real_width"])
def test_lean_scores_equal_eager_with_padding(kind: str) -> None:
    model = _model(32, 4, 2, 120) if kind == "tiny" else _real_width()
    rows = _rows(model.config.vocab_size)
    eager = run_rows(model, rows, pad_id=2, batch_tokens=10_000, lean=False)
    lean = run_rows(model, rows, pad_id=2, batch_tokens=10_000, lean=True)
    for a, b in zip(eager, lean, strict=True):
        np.testing.assert_allclose(b.logprobs, a.logprobs, rtol=0, atol=1e-5)
        np.testing.assert_allclose(b.full, a.full, rtol=0, atol=1e-5)
    # padding present: one batch of width 12 holds rows of length 4
    assert min(len(r.ids) for r in rows) < max(len(r.ids) for r in rows)


def test_lean_skips_cache_and_uses_sdpa(monkeypatch: pytest.MonkeyPatch) -> None:
    model = _model(32, 4, 2, 120)
    calls = {"update": 0, "sdpa": 0}
    update, sdpa = DynamicLayer.update, torch.nn.functional.scaled_dot_product_attention

    def counting_update(self, *args, **kwargs):
        calls["update"] += 1
        return update(self, *args, **kwargs)

    def counting_sdpa(*args, **kwargs):
        calls["sdpa"] += 1
        return sdpa(*args, **kwargs)

    monkeypatch.setattr(DynamicLayer, "update", counting_update)
    monkeypatch.setattr(torch.nn.functional, "scaled_dot_product_attention", counting_sdpa)
    ids = torch.tensor([[0, 20, 5, 30, 1]])
    with torch.inference_mode():
        model(ids)
        assert calls == {"update": 2, "sdpa": 0}  # transformers' own path: one copy per layer
        with lean_attention(model) as patched:
            model(ids)
        assert patched == 2 and calls == {"update": 2, "sdpa": 2}
        model(ids)  # restored after the block
        assert calls == {"update": 4, "sdpa": 2}


def test_attention_weights_keep_eager_path() -> None:
    """AULA reads attention weights: with them requested, lean = eager exactly (no SDPA)."""
    model = _model(32, 4, 2, 120)
    ids = torch.tensor([[0, 20, 5, 30, 1, 2, 2]])
    mask = torch.tensor([[1, 1, 1, 1, 1, 0, 0]])
    with torch.inference_mode():
        ref = model(ids, attention_mask=mask, output_attentions=True)
        with lean_attention(model):
            out = model(ids, attention_mask=mask, output_attentions=True)
    for a, b in zip(ref.attentions, out.attentions, strict=True):
        assert torch.equal(a, b)
    assert torch.equal(ref.logits, out.logits)
    assert float(out.attentions[0][0, :, :, 5:].abs().max()) == 0.0  # padding gets no weight


def test_nested_blocks_restore_once() -> None:
    model = _model(32, 4, 1, 120)
    attention = model.transformer.attentions[0]
    with lean_attention(model) as outer:
        with lean_attention(model) as inner:
            assert (outer, inner) == (1, 0)
        assert "forward" in vars(attention)
    assert "forward" not in vars(attention)
