"""The shared inference core: the only package that imports torch, transformers or captum.

Usage::

    from xlmaudit.inference import load_model, ModelScorer
    from xlmaudit.inference.cache import with_cache
    from xlmaudit.requests import MaskedWordRequest, PLLRequest

    loaded = load_model("xlm-mlm-en-2048", device="auto", dtype="float32")  # or a dir, "planted"
    scorer = with_cache(ModelScorer(loaded, batch_tokens=None), "cache/")  # the response cache
    word, pll = scorer.score([MaskedWordRequest("The doctor said [MASK] was late.", ("he", "she"),
                                                top_k=5), PLLRequest("She was late.", "word_l2r")])
    word.candidates[0].logprob, word.mixed_piece_counts, pll.total, scorer.tokenize("She was late.")

``scorer.fingerprint`` is ``<model fingerprint>/<dtype>``; ``ModelScorer.stats`` counts requests
and rows scored, ``CachedScorer.stats`` cache hits. Tests:
``xlmaudit.testing.tiny_model_dir("xlm" | "bert")`` gives an offline model directory (built once
per process).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from xlmaudit.inference.loader import LoadedModel, load_model
    from xlmaudit.inference.scorer import ModelScorer

__all__ = ["LoadedModel", "ModelScorer", "load_model"]

_LAZY = {
    "LoadedModel": "xlmaudit.inference.loader",
    "load_model": "xlmaudit.inference.loader",
    "ModelScorer": "xlmaudit.inference.scorer",
}


def __getattr__(name: str) -> Any:
    """Import on first use, so ``import xlmaudit.inference`` pulls in no torch."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'xlmaudit.inference' has no attribute {name!r}")
