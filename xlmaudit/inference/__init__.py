"""The shared inference core: the only package that imports torch, transformers or captum."""

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
    """Import on first use, so ``xlmaudit.inference.fake`` never pulls in torch."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'xlmaudit.inference' has no attribute {name!r}")
