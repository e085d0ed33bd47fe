"""A lean XLM/FlauBERT attention for scoring: no generation cache, fused attention.

transformers 5's ``XLMModel.forward`` (and FlauBERT's copy) builds an ``EncoderDecoderCache`` when
``cache`` is None, and every ``MultiHeadAttention`` copies its keys and values into it; there is no
argument to turn that off, and these models refuse ``attn_implementation="sdpa"`` (checked on
transformers 5.24: ``_supports_sdpa`` is False). :func:`lean_attention` swaps, for the duration of a
``with`` block, each such attention module's ``forward`` for one that ignores the cache and, when no
attention weights are requested, calls ``torch.nn.functional.scaled_dot_product_attention`` (flash
or memory-efficient kernels on GPUs). When weights are requested (AULA) or in training mode it runs
the original eager code with ``cache=None``. Scores equal the eager path within 1e-5 in fp32
(tests/test_speed_lean.py).
"""

from __future__ import annotations

import types
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import torch
from torch.nn import functional as F

_ATTRS = ("q_lin", "k_lin", "v_lin", "out_lin", "n_heads", "head_dim")


def _is_xlm_attention(module: torch.nn.Module) -> bool:
    return type(module).__name__ == "MultiHeadAttention" and all(hasattr(module, a) for a in _ATTRS)


def _lean_forward(self: Any, input, mask, kv=None, cache=None, output_attentions=False, **kwargs):
    """``MultiHeadAttention.forward`` without the cache; SDPA unless weights are wanted."""
    original = type(self).forward
    if output_attentions or kv is not None or self.training:
        return original(self, input, mask, kv=kv, cache=None, output_attentions=output_attentions)
    bs, qlen, _ = input.size()
    heads, head_dim = self.n_heads, self.head_dim

    def split(x: torch.Tensor) -> torch.Tensor:
        return x.view(bs, -1, heads, head_dim).transpose(1, 2)

    q, k, v = split(self.q_lin(input)), split(self.k_lin(input)), split(self.v_lin(input))
    keep = (mask != 0).view((bs, 1, qlen, -1) if mask.dim() == 3 else (bs, 1, 1, -1))
    context = F.scaled_dot_product_attention(q, k, v, attn_mask=keep)
    context = context.transpose(1, 2).reshape(bs, qlen, heads * head_dim)
    return (self.out_lin(context),)


@contextmanager
def lean_attention(model: torch.nn.Module, enabled: bool = True) -> Iterator[int]:
    """Within the block, XLM-style attention modules of ``model`` run lean; yields how many."""
    modules = [
        m
        for m in (model.modules() if enabled else ())
        if _is_xlm_attention(m) and "forward" not in vars(m)  # not already patched (nested)
    ]
    for module in modules:
        module.forward = types.MethodType(_lean_forward, module)
    try:
        yield len(modules)
    finally:
        for module in modules:
            del module.forward  # back to the class's method
