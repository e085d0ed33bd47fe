"""A loaded masked LM (:class:`LoadedModel`) and whether its weights are random.

Weights the checkpoint did not provide (missing or shape-mismatched, tied weights excepted) are
recorded as ``newly_initialized``: such a model, or one whose config carries
``xlmaudit_random_weights: true`` (the tiny test and bench models), has ``random_weights`` and
its scores are meaningless. Built by :func:`xlmaudit.inference.loader.load_model`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import chain
from typing import Any

import torch

DTYPES: dict[str, torch.dtype] = {
    "float32": torch.float32,
    "bfloat16": torch.bfloat16,
    "float16": torch.float16,
}
RANDOM_MARKER = "xlmaudit_random_weights"  # config.json key set by xlmaudit's random builders


@dataclass
class LoadedModel:
    """A masked LM ready for scoring, with what is needed to reproduce and cache its scores."""

    model: Any
    tokenizer: Any
    mask_id: int
    fingerprint: str
    name: str
    device: str
    dtype: str
    is_xlm: bool
    langs_id: int | None = None  # the langs id of ``language`` (checkpoints with language emb.)
    language: str | None = None  # default language of requests that carry none
    lang2id: dict[str, int] = field(default_factory=dict)  # the checkpoint's languages (XLM)
    uses_langs: bool = False  # the model adds language embeddings: it needs a ``langs`` tensor
    multilingual: bool | None = None  # None: not known (a non-XLM model not known to be)
    max_positions: int = 512
    source: str = ""  # resolved local directory or hub id
    extra: dict[str, Any] = field(default_factory=dict)
    newly_initialized: tuple[str, ...] = ()  # weights the checkpoint did not provide
    is_planted: bool = False  # loaded from the shipped planted model's directory

    @property
    def torch_dtype(self) -> torch.dtype:
        return DTYPES[self.dtype]

    @property
    def random_marker(self) -> bool:
        """The model config says ``xlmaudit_random_weights: true`` (xlmaudit test/bench model)."""
        return bool(getattr(getattr(self.model, "config", None), RANDOM_MARKER, False))

    @property
    def random_weights(self) -> bool:
        """Some weight was randomly initialised, or the config marks the model as random."""
        return bool(self.newly_initialized) or self.random_marker


def random_weights_warning(loaded: LoadedModel) -> str | None:
    """One line saying why ``loaded`` has random weights, or None when it has trained weights."""
    if not loaded.random_weights:
        return None
    if loaded.newly_initialized:
        names = list(loaded.newly_initialized)
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        why = f"newly initialised weights: {len(names)} ({shown})"
    else:
        why = "config marks it as random (xlmaudit test/bench model)"
    return f"warning: model {loaded.name!r} has random weights: {why}; its scores are meaningless"


def _tied_names(model: Any, missing: set[str]) -> set[str]:
    """Missing names tied to a loaded weight: declared ties or a tensor shared with one."""
    tied_map = getattr(model, "all_tied_weights_keys", None) or {}
    tied = {k for k in missing if k in tied_map and tied_map[k] not in missing}
    by_pointer: dict[int, set[str]] = {}
    tensors = chain(
        model.named_parameters(remove_duplicate=False), model.named_buffers(remove_duplicate=False)
    )
    for name, tensor in tensors:
        if tensor.numel():
            by_pointer.setdefault(tensor.data_ptr(), set()).add(name)
    for names in by_pointer.values():
        if names - missing:
            tied |= names & missing
    return tied


def newly_initialized(model: Any, info: dict[str, Any]) -> tuple[str, ...]:
    """Sorted names of weights ``from_pretrained`` had to initialise (``output_loading_info``):
    missing and shape-mismatched keys, less those tied to a weight that was loaded."""
    missing = set(info.get("missing_keys") or ())
    missing |= {k[0] if isinstance(k, tuple) else k for k in info.get("mismatched_keys") or ()}
    return tuple(sorted(missing - _tied_names(model, missing))) if missing else ()
