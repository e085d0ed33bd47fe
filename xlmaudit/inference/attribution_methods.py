"""Attribution methods: Captum adapters registered by name with what each can do.

Every adapter takes a :class:`Call` (one batch of rows) and returns (attributions (N, L), IG
delta (N,) or None). Its registration says whether it needs a baseline (the result then has
F(baseline)) and whether it has a convergence delta (and so integration steps). The names are
:data:`xlmaudit.requests.ATTRIBUTION_METHODS` (torch-free, for the kind and the CLI); a name
registered here but not listed there, or the other way round, fails at import.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch
from captum.attr import (
    FeatureAblation,
    LayerGradientXActivation,
    LayerIntegratedGradients,
)

from xlmaudit.requests import ATTRIBUTION_METHODS


@dataclass
class Call:
    """Everything an adapter needs for one batch of rows."""

    forward: Callable[..., torch.Tensor]
    layer: torch.nn.Module
    ids: torch.Tensor  # (N, L)
    base_ids: torch.Tensor  # (N, L), equal to ids at kept positions
    args: tuple  # additional_forward_args
    n_steps: int
    internal_batch_size: int


Method = Callable[[Call], "tuple[torch.Tensor, torch.Tensor | None]"]
METHODS: dict[str, Method] = {}  # name -> adapter


@dataclass(frozen=True)
class Capabilities:
    """What a method can do: replace tokens by a baseline (F(baseline) is reported) and report
    a convergence delta (it integrates over ``n_steps`` steps, so steps can grow adaptively)."""

    needs_baseline: bool
    has_delta: bool


CAPABILITIES: dict[str, Capabilities] = {}


def register_method(
    name: str, *, needs_baseline: bool, has_delta: bool
) -> Callable[[Method], Method]:
    """Register an adapter and its capabilities: (call) -> (attributions (N, L), delta or None)."""

    def deco(fn: Method) -> Method:
        METHODS[name] = fn
        CAPABILITIES[name] = Capabilities(needs_baseline, has_delta)
        return fn

    return deco


@register_method("lig", needs_baseline=True, has_delta=True)
def _lig(c: Call):
    """Layer integrated gradients on the word embeddings, summed over the embedding dimension."""
    attr, delta = LayerIntegratedGradients(c.forward, c.layer).attribute(
        c.ids,
        baselines=c.base_ids,
        additional_forward_args=c.args,
        n_steps=c.n_steps,
        method="gausslegendre",
        internal_batch_size=c.internal_batch_size,
        return_convergence_delta=True,
    )
    return attr.sum(-1), delta


@register_method("grad_x_input", needs_baseline=False, has_delta=False)
def _grad_x_input(c: Call):
    """Gradient x input on the word embeddings (= IG with a zero-embedding baseline if F linear)."""
    attr = LayerGradientXActivation(c.forward, c.layer).attribute(
        c.ids, additional_forward_args=c.args
    )
    return attr.sum(-1), None


@register_method("saliency", needs_baseline=False, has_delta=False)
def _saliency(c: Call):
    """Saliency (Simonyan et al. 2014): L2 norm of dF/d(embedding) per token; unsigned."""
    grad = LayerGradientXActivation(c.forward, c.layer, multiply_by_inputs=False).attribute(
        c.ids, additional_forward_args=c.args
    )
    return grad.float().norm(dim=-1), None


@register_method("ablation", needs_baseline=True, has_delta=False)
def _ablation(c: Call):
    """Feature ablation per token position: F(x) - F(x with that token set to the baseline)."""
    n, length = c.ids.shape
    attr = FeatureAblation(c.forward).attribute(
        c.ids,
        baselines=c.base_ids,
        feature_mask=torch.arange(length, device=c.ids.device)[None].expand(n, length),
        additional_forward_args=c.args,
        perturbations_per_eval=max(1, c.internal_batch_size // n),
    )
    return attr, None


# ----------------------------------------------------------------------------- steps (delta)

ADAPTIVE_STEPS = (8, 16, 32, 64)  # Gauss-Legendre step counts tried per item (step_schedule)


def suggested_steps(n_steps: int, relative_delta: float, threshold: float) -> int:
    """Step count to try next: the IG error falls at least as 1/n, so scale n by rel/threshold."""
    factor = max(2.0, relative_delta / threshold) if relative_delta > threshold else 1.0
    return int(math.ceil(n_steps * min(factor, 20.0) / 10.0) * 10)


def step_schedule(n_steps: int, adaptive: bool) -> list[int]:
    """Gauss-Legendre step counts to try, each run only on the items not yet complete.

    Adaptive: ``ADAPTIVE_STEPS`` below ``n_steps``, then ``n_steps`` (50 -> 8, 16, 32, 50);
    otherwise ``[n_steps]``.
    """
    if not adaptive:
        return [n_steps]
    return [s for s in ADAPTIVE_STEPS if s < n_steps] + [n_steps]


def relative_delta(stats: np.ndarray) -> np.ndarray:
    """|delta| / |F(x) - F(b)| per explanation (inf where the difference is 0)."""
    diff = np.abs(stats[:, 1] - stats[:, 2])
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(diff > 0, np.abs(stats[:, 0]) / diff, np.inf)


if tuple(METHODS) != ATTRIBUTION_METHODS:
    raise RuntimeError(f"registered methods {tuple(METHODS)} != ATTRIBUTION_METHODS")
