"""Captum attributions of masked-word predictions: which input tokens push the model to a word.

The explained function F is log P(target) or log P(target) - log P(contrast) at the single
``[MASK]``, with words scored as words (as ``MaskedWordRequest``): a word of k pieces fills the
slot with k mask tokens and is predicted left to right, each piece revealed before the next,

    log P(w) = sum_j log P(p_j | context, p_1..p_{j-1} revealed, rest of the slot masked).

The differentiable forward is therefore a *sum of rows*: one row (one sequence) per chained step
of each word, each returning ``sign * log_softmax(logits)[piece]`` at its scored position; rows
that are the same sequence scored at the same position (the first step of two words with the same
piece count, e.g. every single-piece contrast) are merged into one row whose value is the logit
difference. The context tokens are shared by all rows of an explanation and move along the same
straight path from baseline to input, while the slot (masks and revealed pieces) and the special
tokens are kept in the baseline. Because IG, gradient x input and ablation are linear in the
function, the attribution of a context token is the sum of its attributions in every row, and
completeness holds for F itself: sum of attributions = F(x) - F(baseline) (up to the IG delta).

Rows of many explanations are stacked (sorted by length, right-padded) into one Captum call per
batch; ``internal_batch_size`` bounds the rows per forward pass. The attention mask (and ``langs``
for multilingual XLM) goes through ``additional_forward_args``. Parameter gradients are switched
off during the call (only gradients w.r.t. the embedding output are needed) and the model is put
in ``eval()`` mode. Nothing here runs under ``no_grad``/``inference_mode``.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import numpy as np
import torch

from xlmaudit.errors import InputError
from xlmaudit.inference.attribution_methods import (
    CAPABILITIES,
    METHODS,
    Call,
    relative_delta,
    step_schedule,
    suggested_steps,
)
from xlmaudit.inference.attribution_rows import (
    baseline_id,
    embedding_layer,
    forward_fn,
    merge_rows,
    row_batches,
    row_tensors,
    setup_request,
    word_rows,
)
from xlmaudit.inference.cache import cache_key, entry_key, score_parts
from xlmaudit.inference.kernel import resolve_batch_tokens
from xlmaudit.inference.lean import lean_attention
from xlmaudit.inference.tokens import Codec
from xlmaudit.requests import AttributionRequest, AttributionResponse, Encoding

__all__ = [
    "METHODS",
    "AttributionScorer",
    "CompletenessWarning",
    "embedding_layer",
    "explain",
    "step_schedule",
    "suggested_steps",
]

DEFAULT_THRESHOLD = 0.01  # relative IG delta above which a CompletenessWarning is issued


class CompletenessWarning(UserWarning):
    """Integrated gradients did not converge: |delta| / |F(x) - F(baseline)| above the threshold."""


# ----------------------------------------------------------------------------- driver


@contextmanager
def _no_param_grads(model: torch.nn.Module) -> Iterator[None]:
    """Switch off parameter gradients for the call (inputs still get them); restore after."""
    flags = [(p, p.requires_grad) for p in model.parameters()]
    for p, _ in flags:
        p.requires_grad_(False)
    try:
        with torch.enable_grad():
            yield
    finally:
        for p, flag in flags:
            p.requires_grad_(flag)


def _run_batch(
    loaded, rows, *, method, n_steps, base_id, lang_id, batch_tokens, internal_batch_size
):
    """One Captum call for a batch of rows; returns per-row (attr, delta, F(x), F(b)) as numpy."""
    model = loaded.model
    device = next(model.parameters()).device
    ids, base, att, pos, term_ids, signs = row_tensors(
        rows,
        loaded.tokenizer.pad_token_id or 0,
        base_id,
        device,  # padding is masked out
    )
    args: tuple = (att, pos, term_ids, signs)
    if lang_id is not None:
        args = (*args, torch.full_like(ids, int(lang_id)))
    forward = forward_fn(model)
    ibs = internal_batch_size or max(len(rows), batch_tokens // ids.shape[1])
    call = Call(forward, embedding_layer(model), ids, base, args, n_steps, max(ibs, len(rows)))
    with lean_attention(model):
        with _no_param_grads(model):
            attr, delta = METHODS[method](call)
        with torch.no_grad():
            fx, fb = forward(ids, *args), forward(base, *args)
    delta_np = (
        np.full(len(rows), np.nan) if delta is None else delta.detach().double().cpu().numpy()
    )
    return (
        attr.detach().double().cpu().numpy(),
        delta_np,
        fx.double().cpu().numpy(),
        fb.double().cpu().numpy(),
    )


def explain(
    loaded: Any,
    requests: Sequence[AttributionRequest],
    *,
    batch_rows: int = 16,
    batch_tokens: int | None = None,
    internal_batch_size: int | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    adaptive: bool = False,
    counts: dict[str, int] | None = None,
) -> list[AttributionResponse]:
    """Attribute F (see module docstring) to every token of each request's text.

    Requests sharing (method, n_steps, baseline) are stacked: one Captum call per batch of rows.

    Args:
        loaded: a ``LoadedModel`` (``model``, ``tokenizer``, ``mask_id``, languages); each
            request is encoded for its ``lang`` (with the ``langs`` ids of that language).
        batch_rows: rows (sequences) stacked into one Captum call.
        batch_tokens: token budget of one forward pass; sets ``internal_batch_size`` if not given
            (None: the device's default, as ``ModelScorer``).
        internal_batch_size: rows per forward pass inside Captum (at least ``batch_rows``).
        threshold: relative IG delta above which a ``CompletenessWarning`` names the steps to use.
        adaptive: lig with Gauss-Legendre steps growing per item (8, 16, 32, ... up to the
            request's ``n_steps``) until the relative delta is under ``threshold``; the steps used
            are the response's ``n_steps``. False (the default here; ``AttributionScorer``, which
            suite runs use, turns it on): every item at its ``n_steps``.
        counts: if given, gets ``passes`` (forward+backward evaluations: rows x steps, summed
            over tries) and ``explanations`` added.

    Returns:
        One ``AttributionResponse`` per request, in order.
    """
    for req in requests:
        _check_request(req)
    device = next(loaded.model.parameters()).device.type  # where the rows run
    batch_tokens = resolve_batch_tokens(batch_tokens, device)
    loaded.model.eval()
    groups: dict[tuple[str, int, str, str | None], list[int]] = {}
    for i, req in enumerate(requests):
        groups.setdefault((req.method, req.n_steps, req.baseline, req.lang), []).append(i)
    out: list[AttributionResponse | None] = [None] * len(requests)
    for (method, n_steps, baseline, lang), index in groups.items():
        reqs = [requests[i] for i in index]
        answers = _explain_group(
            loaded,
            reqs,
            codec=Codec(loaded, lang=lang),
            method=method,
            n_steps=n_steps,
            base_id=baseline_id(loaded, baseline),
            batch_rows=batch_rows,
            batch_tokens=batch_tokens,
            internal_batch_size=internal_batch_size,
            adaptive=adaptive,
            threshold=threshold,
            counts=counts if counts is not None else {},
        )
        _warn_incomplete(answers, index, threshold)
        for i, answer in zip(index, answers, strict=True):
            out[i] = answer
    return out  # type: ignore[return-value]


def _check_request(req: AttributionRequest) -> None:
    if req.method not in METHODS:
        raise InputError(
            f"unknown attribution method {req.method!r}; choose from {', '.join(METHODS)}"
        )
    if req.n_steps < 1:
        raise InputError(f"n_steps must be >= 1, got {req.n_steps}")


def _explain_group(
    loaded,
    requests,
    *,
    codec,
    method,
    n_steps,
    base_id,
    batch_rows,
    adaptive,
    threshold,
    counts,
    **batching,
):
    """Explain requests that share method, steps and baseline.

    For ``lig`` with ``adaptive``, every explanation first gets the smallest step count of
    :func:`step_schedule`; those whose relative delta is above ``threshold`` are run again (rows of
    all such explanations batched together) at the next count, until complete or at ``n_steps``.
    ``counts`` accumulates ``passes`` (rows x steps over every try: forward+backward evaluations).
    """
    setups, rows = [], []
    for owner, req in enumerate(requests):
        setup = setup_request(codec, req)
        setups.append(setup)
        enc, mask_pos, target, contrast = setup
        words = [(target[0], 1.0)] + ([(contrast[0], -1.0)] if contrast else [])
        own = [r for ids, sign in words for r in word_rows(owner, enc, mask_pos, ids, sign)]
        rows.extend(merge_rows(own))
    sums = [np.zeros(len(s[0])) for s in setups]
    stats = np.zeros((len(setups), 3))  # delta, F(x), F(b): sums over an explanation's rows
    used = np.zeros(len(setups), dtype=int)
    todo = np.ones(len(setups), dtype=bool)
    caps = CAPABILITIES[method]
    schedule = step_schedule(n_steps, adaptive and caps.has_delta)
    for steps in schedule:
        for owner in np.flatnonzero(todo):
            sums[owner][:] = 0.0
            stats[owner] = 0.0
        pending = [r for r in rows if todo[r.owner]]
        for batch in row_batches(pending, batch_rows):
            attr, delta, fx, fb = _run_batch(
                loaded,
                batch,
                method=method,
                n_steps=steps,
                base_id=base_id,
                lang_id=codec.lang_id,
                **batching,  # fmt: skip
            )
            for i, row in enumerate(batch):
                np.add.at(sums[row.owner], list(row.to_base), attr[i, : len(row.ids)])
                stats[row.owner] += (delta[i], fx[i], fb[i])
        used[todo] = steps
        counts["passes"] = counts.get("passes", 0) + len(pending) * (steps if caps.has_delta else 1)
        todo &= ~(relative_delta(stats) <= threshold)
        if not todo.any():
            break
    counts["explanations"] = counts.get("explanations", 0) + len(setups)
    return [
        _response(s, a, st, method, int(n))
        for s, a, st, n in zip(setups, sums, stats, used, strict=True)
    ]


def _response(setup, attributions, stats, method: str, n_steps: int) -> AttributionResponse:
    enc, mask_pos, target, contrast = setup
    caps = CAPABILITIES[method]
    return AttributionResponse(
        encoding=enc,
        attributions=attributions,
        method=method,
        value=float(stats[1]),
        target_pieces=target[1],
        contrast_pieces=contrast[1] if contrast else (),
        baseline_value=float(stats[2]) if caps.needs_baseline else float("nan"),
        delta=float(stats[0]) if caps.has_delta else float("nan"),
        n_steps=n_steps if caps.has_delta else 0,
        mask_position=mask_pos,
    )


def _warn_incomplete(
    responses: Sequence[AttributionResponse], index: Sequence[int], threshold: float
) -> None:
    """One CompletenessWarning listing the explanations whose relative IG delta is too large."""
    bad = [(i, r) for i, r in zip(index, responses, strict=True) if r.relative_delta > threshold]
    if not bad:
        return
    worst = max(r.relative_delta for _, r in bad)
    n = bad[0][1].n_steps
    items = ", ".join(str(i) for i, _ in bad[:10]) + (" ..." if len(bad) > 10 else "")
    warnings.warn(
        CompletenessWarning(
            f"integrated gradients incomplete for {len(bad)} of {len(responses)} explanation(s) "
            f"(requests {items}): relative delta up to {worst:.2%} > {threshold:.2%} at "
            f"n_steps={n}; raise n_steps (--steps) to {suggested_steps(n, worst, threshold)}"
        ),
        stacklevel=3,
    )


class AttributionScorer:
    """A ``Scorer`` that answers ``AttributionRequest``s with Captum and the rest with ``scorer``.

    Lets the suite runner pool attribution probes with the others:
    ``run_suites(suites, AttributionScorer(loaded, ModelScorer(loaded)))``; the response cache in
    front (``cache.with_cache``) stores the attributions too, keyed by ``cache_key``.
    """

    def __init__(self, loaded: Any, scorer: Any, **options: Any) -> None:
        self.loaded, self.scorer = loaded, scorer
        # suite runs: steps grow per item; the token budget is the wrapped scorer's
        self.batch_tokens = options.pop("batch_tokens", getattr(scorer, "batch_tokens", None))
        self.options = {"adaptive": True, "batch_tokens": self.batch_tokens, **options}
        self.fingerprint = scorer.fingerprint

    def tokenize(self, text: str, lang: str | None = None) -> Encoding:
        return self.scorer.tokenize(text, lang)

    def cache_key(self, req: Any) -> str:
        """The cache entry: an attribution's names the model, dtype, language (the model default
        when the request has none) and the options that change the answer (adaptive steps and
        their threshold); other requests are the wrapped scorer's."""
        if not isinstance(req, AttributionRequest):
            return cache_key(self.scorer, req)
        if req.lang is None and getattr(self.loaded, "lang2id", None):
            req = replace(req, lang=Codec(self.loaded).lang)  # read in the model default
        adaptive = bool(self.options.get("adaptive", False))
        threshold = float(self.options.get("threshold", DEFAULT_THRESHOLD))
        variant = f"attribution adaptive={adaptive} threshold={threshold!r}"
        return entry_key(self.loaded.fingerprint, self.loaded.dtype, req.key(), variant=variant)

    def score(self, requests: list[Any]) -> list[Any]:
        """Answers in order: attributions through ``explain``, others through the wrapped scorer."""
        out: dict[int, Any] = {}
        for part in self.score_parts(requests):
            out.update(part)
        return [out[i] for i in range(len(requests))]

    def score_parts(self, requests: list[Any]) -> Iterator[dict[int, Any]]:
        """The attributions in one part, then the wrapped scorer's parts (indices into
        ``requests``)."""
        mine = [i for i, r in enumerate(requests) if isinstance(r, AttributionRequest)]
        rest = [i for i, r in enumerate(requests) if not isinstance(r, AttributionRequest)]
        if mine:
            answers = explain(self.loaded, [requests[i] for i in mine], **self.options)
            yield dict(zip(mine, answers, strict=True))
        for part in score_parts(self.scorer, [requests[i] for i in rest]):
            yield {rest[j]: answer for j, answer in part.items()}
