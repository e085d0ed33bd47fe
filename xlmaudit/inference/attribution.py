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

import inspect
import math
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch
from captum.attr import (
    FeatureAblation,
    LayerGradientXActivation,
    LayerIntegratedGradients,
)

from xlmaudit.errors import InputError
from xlmaudit.inference.kernel import resolve_batch_tokens
from xlmaudit.inference.lean import lean_attention
from xlmaudit.inference.tokens import Codec
from xlmaudit.requests import AttributionRequest, AttributionResponse, Encoding

DEFAULT_THRESHOLD = 0.01  # relative IG delta above which a CompletenessWarning is issued
ADAPTIVE_STEPS = (8, 16, 32, 64)  # Gauss-Legendre step counts tried per item (step_schedule)
BASELINES = ("pad", "mask", "unk")


class CompletenessWarning(UserWarning):
    """Integrated gradients did not converge: |delta| / |F(x) - F(baseline)| above the threshold."""


# ----------------------------------------------------------------------------- tokenization


def word_pieces(codec: Codec, text: str, enc: Encoding, pos: int, word: str):
    """Piece ids and strings of ``word`` in the slot of ``text``, as the core scores it."""
    left, pieces_ids, right = codec.candidate_span(text, word, list(enc.ids), pos)
    if list(left) != list(enc.ids[:pos]) or list(right) != list(enc.ids[pos + 1 :]):
        raise InputError(f"{text!r}: the context tokenizes differently with {word!r} in the slot")
    ids = tuple(int(i) for i in pieces_ids)
    if not ids:
        raise InputError(f"{text!r}: word {word!r} tokenizes to nothing")
    pieces = tuple(codec.tokenizer.convert_ids_to_tokens(list(ids)))
    if codec.unk_id is not None and codec.unk_id in ids:
        raise InputError(f"{text!r}: word {word!r} contains unknown pieces {list(pieces)}")
    return ids, pieces


# ----------------------------------------------------------------------------- rows


@dataclass(frozen=True)
class _Row:
    """One sequence of one explanation, scored at one position for one or two terms."""

    owner: int  # explanation index
    ids: tuple[int, ...]
    keep: tuple[bool, ...]  # kept in the baseline (specials and the slot)
    position: int
    terms: tuple[tuple[int, float], ...]  # (piece id, sign)
    to_base: tuple[int, ...]  # index into the explanation's encoding, per row position


def _word_rows(owner: int, enc: Encoding, mask_pos: int, pieces: Sequence[int], sign: float):
    """The chained rows of one word: k masks, the first j pieces revealed in row j."""
    k, mask_id = len(pieces), enc.ids[mask_pos]
    head, tail = list(enc.ids[:mask_pos]), list(enc.ids[mask_pos + 1 :])
    keep_head, keep_tail = list(enc.special[:mask_pos]), list(enc.special[mask_pos + 1 :])
    to_base = (*range(mask_pos), *([mask_pos] * k), *range(mask_pos + 1, len(enc)))
    for j in range(k):
        slot = list(pieces[:j]) + [mask_id] * (k - j)
        yield _Row(
            owner,
            tuple(head + slot + tail),
            tuple(keep_head + [True] * k + keep_tail),
            mask_pos + j,
            ((pieces[j], sign),),
            to_base,
        )


def _merge(rows: list[_Row]) -> list[_Row]:
    """Merge rows that are the same sequence scored at the same position (their terms add)."""
    merged: dict[tuple, _Row] = {}
    for row in rows:
        key = (row.owner, row.ids, row.position)
        if key in merged:
            old = merged[key]
            row = _Row(
                row.owner, row.ids, row.keep, row.position, old.terms + row.terms, row.to_base
            )
        merged[key] = row
    return list(merged.values())


# ----------------------------------------------------------------------------- the forward


def embedding_layer(model: torch.nn.Module) -> torch.nn.Module:
    """Word embeddings: ``model.transformer.embeddings`` for XLM, else the input embeddings."""
    xlm = getattr(getattr(model, "transformer", None), "embeddings", None)
    return xlm if isinstance(xlm, torch.nn.Embedding) else model.get_input_embeddings()


def _forward_fn(model: torch.nn.Module) -> Callable[..., torch.Tensor]:
    """F per row: sum of sign * log_softmax(logits at the scored position)[piece]."""
    keep_logits = "logits_to_keep" in inspect.signature(model.forward).parameters

    def forward(ids, attention_mask, positions, term_ids, term_signs, langs=None):
        kwargs = {"input_ids": ids, "attention_mask": attention_mask}
        if langs is not None:
            kwargs["langs"] = langs
        if keep_logits:
            logits = model(**kwargs, logits_to_keep=positions[:, None]).logits[:, 0]
        else:
            logits = model(**kwargs).logits[torch.arange(len(ids)), positions]
        logp = torch.log_softmax(logits.float(), dim=-1)
        return (logp.gather(1, term_ids) * term_signs).sum(1)

    return forward


@dataclass
class _Call:
    """Everything an adapter needs for one batch of rows."""

    forward: Callable[..., torch.Tensor]
    layer: torch.nn.Module
    ids: torch.Tensor  # (N, L)
    base_ids: torch.Tensor  # (N, L), equal to ids at kept positions
    args: tuple  # additional_forward_args
    n_steps: int
    internal_batch_size: int


Method = Callable[[_Call], "tuple[torch.Tensor, torch.Tensor | None]"]
METHODS: dict[str, Method] = {}
NEEDS_BASELINE = {"lig", "ablation"}


def register_method(name: str) -> Callable[[Method], Method]:
    """Register an adapter: (call) -> (attributions (N, L), IG delta (N,) or None)."""

    def deco(fn: Method) -> Method:
        METHODS[name] = fn
        return fn

    return deco


@register_method("lig")
def _lig(c: _Call):
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


@register_method("grad_x_input")
def _grad_x_input(c: _Call):
    """Gradient x input on the word embeddings (= IG with a zero-embedding baseline if F linear)."""
    attr = LayerGradientXActivation(c.forward, c.layer).attribute(
        c.ids, additional_forward_args=c.args
    )
    return attr.sum(-1), None


@register_method("saliency")
def _saliency(c: _Call):
    """Saliency (Simonyan et al. 2014): L2 norm of dF/d(embedding) per token; unsigned."""
    grad = LayerGradientXActivation(c.forward, c.layer, multiply_by_inputs=False).attribute(
        c.ids, additional_forward_args=c.args
    )
    return grad.float().norm(dim=-1), None


@register_method("ablation")
def _ablation(c: _Call):
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


def _baseline_id(loaded: Any, baseline: str) -> int:
    if baseline not in BASELINES:
        raise InputError(f"unknown baseline {baseline!r}; choose from {', '.join(BASELINES)}")
    tok = loaded.tokenizer
    token_id = {"pad": tok.pad_token_id, "mask": loaded.mask_id, "unk": tok.unk_token_id}[baseline]
    if token_id is None:
        raise InputError(f"the tokenizer has no {baseline} token for the baseline")
    return int(token_id)


def _tensors(rows: Sequence[_Row], pad_id: int, base_id: int, device: Any):
    """Right-pad a batch of rows into (ids, base_ids, attention_mask, positions, terms, signs)."""
    length, n_terms = max(len(r.ids) for r in rows), max(len(r.terms) for r in rows)
    ids = torch.full((len(rows), length), pad_id, dtype=torch.long)
    base = ids.clone()
    att = torch.zeros((len(rows), length), dtype=torch.long)
    term_ids = torch.zeros((len(rows), n_terms), dtype=torch.long)
    signs = torch.zeros((len(rows), n_terms), dtype=torch.float32)
    for i, r in enumerate(rows):
        row = torch.tensor(r.ids)
        keep = torch.tensor(r.keep)
        ids[i, : len(r.ids)] = row
        base[i, : len(r.ids)] = torch.where(keep, row, torch.full_like(row, base_id))
        att[i, : len(r.ids)] = 1
        for t, (piece, sign) in enumerate(r.terms):
            term_ids[i, t], signs[i, t] = piece, sign
    positions = torch.tensor([r.position for r in rows])
    return [x.to(device) for x in (ids, base, att, positions, term_ids, signs)]


def _run_batch(loaded, rows, *, method, n_steps, base_id, batch_tokens, internal_batch_size):
    """One Captum call for a batch of rows; returns per-row (attr, delta, F(x), F(b)) as numpy."""
    model = loaded.model
    device = next(model.parameters()).device
    ids, base, att, pos, term_ids, signs = _tensors(
        rows,
        loaded.tokenizer.pad_token_id or 0,
        base_id,
        device,  # padding is masked out
    )
    args: tuple = (att, pos, term_ids, signs)
    if getattr(loaded, "langs_id", None) is not None:
        args = (*args, torch.full_like(ids, int(loaded.langs_id)))
    forward = _forward_fn(model)
    ibs = internal_batch_size or max(len(rows), batch_tokens // ids.shape[1])
    call = _Call(forward, embedding_layer(model), ids, base, args, n_steps, max(ibs, len(rows)))
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


def _batches(rows: list[_Row], batch_rows: int) -> Iterator[list[_Row]]:
    """Rows sorted by length, in chunks of ``batch_rows``."""
    order = sorted(rows, key=lambda r: len(r.ids))
    for start in range(0, len(order), batch_rows):
        yield order[start : start + batch_rows]


def suggested_steps(n_steps: int, relative_delta: float, threshold: float) -> int:
    """Step count to try next: the IG error falls at least as 1/n, so scale n by rel/threshold."""
    factor = max(2.0, relative_delta / threshold) if relative_delta > threshold else 1.0
    return int(math.ceil(n_steps * min(factor, 20.0) / 10.0) * 10)


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
        loaded: a ``LoadedModel`` (``model``, ``tokenizer``, ``mask_id``, ``langs_id``).
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
    batch_tokens = resolve_batch_tokens(batch_tokens, loaded.device)
    loaded.model.eval()
    groups: dict[tuple[str, int, str], list[int]] = {}
    for i, req in enumerate(requests):
        groups.setdefault((req.method, req.n_steps, req.baseline), []).append(i)
    out: list[AttributionResponse | None] = [None] * len(requests)
    for (method, n_steps, baseline), index in groups.items():
        reqs = [requests[i] for i in index]
        answers = _explain_group(
            loaded,
            reqs,
            method=method,
            n_steps=n_steps,
            base_id=_baseline_id(loaded, baseline),
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


def step_schedule(n_steps: int, adaptive: bool) -> list[int]:
    """Gauss-Legendre step counts to try, each run only on the items not yet complete.

    Adaptive: ``ADAPTIVE_STEPS`` below ``n_steps``, then ``n_steps`` (50 -> 8, 16, 32, 50);
    otherwise ``[n_steps]``.
    """
    if not adaptive:
        return [n_steps]
    return [s for s in ADAPTIVE_STEPS if s < n_steps] + [n_steps]


def _relative_delta(stats: np.ndarray) -> np.ndarray:
    """|delta| / |F(x) - F(b)| per explanation (inf where the difference is 0)."""
    diff = np.abs(stats[:, 1] - stats[:, 2])
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(diff > 0, np.abs(stats[:, 0]) / diff, np.inf)


def _explain_group(
    loaded,
    requests,
    *,
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
    setups, rows, codec = [], [], Codec(loaded)
    for owner, req in enumerate(requests):
        setup = _setup(codec, req)
        setups.append(setup)
        enc, mask_pos, target, contrast = setup
        words = [(target[0], 1.0)] + ([(contrast[0], -1.0)] if contrast else [])
        own = [r for ids, sign in words for r in _word_rows(owner, enc, mask_pos, ids, sign)]
        rows.extend(_merge(own))
    sums = [np.zeros(len(s[0])) for s in setups]
    stats = np.zeros((len(setups), 3))  # delta, F(x), F(b): sums over an explanation's rows
    used = np.zeros(len(setups), dtype=int)
    todo = np.ones(len(setups), dtype=bool)
    schedule = step_schedule(n_steps, adaptive and method == "lig")
    for steps in schedule:
        for owner in np.flatnonzero(todo):
            sums[owner][:] = 0.0
            stats[owner] = 0.0
        pending = [r for r in rows if todo[r.owner]]
        for batch in _batches(pending, batch_rows):
            attr, delta, fx, fb = _run_batch(
                loaded, batch, method=method, n_steps=steps, base_id=base_id, **batching
            )
            for i, row in enumerate(batch):
                np.add.at(sums[row.owner], list(row.to_base), attr[i, : len(row.ids)])
                stats[row.owner] += (delta[i], fx[i], fb[i])
        used[todo] = steps
        counts["passes"] = counts.get("passes", 0) + len(pending) * (
            steps if method == "lig" else 1
        )
        todo &= ~(_relative_delta(stats) <= threshold)
        if not todo.any():
            break
    counts["explanations"] = counts.get("explanations", 0) + len(setups)
    return [
        _response(s, a, st, method, int(n))
        for s, a, st, n in zip(setups, sums, stats, used, strict=True)
    ]


def _setup(codec: Codec, req: AttributionRequest):
    """(encoding, mask position, target (ids, pieces), contrast (ids, pieces) or None)."""
    enc = codec.encode(req.text)
    pos = codec.mask_position(req.text, enc.ids)
    target = word_pieces(codec, req.text, enc, pos, req.target)
    contrast = word_pieces(codec, req.text, enc, pos, req.contrast) if req.contrast else None
    return enc, pos, target, contrast


def _response(setup, attributions, stats, method: str, n_steps: int) -> AttributionResponse:
    enc, mask_pos, target, contrast = setup
    has_base = method in NEEDS_BASELINE
    return AttributionResponse(
        encoding=enc,
        attributions=attributions,
        method=method,
        value=float(stats[1]),
        target_pieces=target[1],
        contrast_pieces=contrast[1] if contrast else (),
        baseline_value=float(stats[2]) if has_base else float("nan"),
        delta=float(stats[0]) if method == "lig" else float("nan"),
        n_steps=n_steps if method == "lig" else 0,
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
    ``run_suites(suites, AttributionScorer(loaded, ModelScorer(loaded)))``.
    """

    def __init__(self, loaded: Any, scorer: Any, **options: Any) -> None:
        self.loaded, self.scorer = loaded, scorer
        # suite runs: steps grow per item; the token budget is the wrapped scorer's
        self.batch_tokens = options.pop("batch_tokens", getattr(scorer, "batch_tokens", None))
        self.options = {"adaptive": True, "batch_tokens": self.batch_tokens, **options}
        self.fingerprint = scorer.fingerprint

    def tokenize(self, text: str) -> Encoding:
        return self.scorer.tokenize(text)

    def score(self, requests: list[Any]) -> list[Any]:
        """Answers in order: attributions through ``explain``, others through the wrapped scorer."""
        mine = [i for i, r in enumerate(requests) if isinstance(r, AttributionRequest)]
        rest = [i for i, r in enumerate(requests) if not isinstance(r, AttributionRequest)]
        out: list[Any] = [None] * len(requests)
        if mine:
            answers = explain(self.loaded, [requests[i] for i in mine], **self.options)
            for i, a in zip(mine, answers, strict=True):
                out[i] = a
        if rest:
            for i, a in zip(rest, self.scorer.score([requests[i] for i in rest]), strict=True):
                out[i] = a
        return out
