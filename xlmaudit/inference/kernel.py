"""The batching kernel: rows of (input ids with masks applied, positions to read, target ids).

``run_rows`` de-duplicates identical inputs, sorts them by length, batches them under a token
budget with dynamic padding and an explicit attention mask (never ``token_type_ids``; ``langs``
for multilingual XLM), computes vocabulary logits only at the read positions (``logits_to_keep``
where the model takes it, else a pre-hook that gathers the rows entering the output projection,
after any head transform) under ``torch.inference_mode``, and returns numpy results in the
original order.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from itertools import groupby
from typing import Any

import numpy as np
import torch

from xlmaudit.inference.lean import lean_attention


@dataclass(frozen=True)
class Row:
    """One forward input and what to read from it.

    ``targets`` holds one target id per read position (log P(target) is returned), or is empty
    (nothing gathered; use with ``full``). ``full`` also returns the whole log-prob vector at the
    read positions; ``attention`` the mean attention each position receives; ``hidden_layer`` the
    hidden states of that layer (index into ``output_hidden_states``; -1 = last).
    """

    ids: tuple[int, ...]
    read: tuple[int, ...] = ()
    targets: tuple[int, ...] = ()
    full: bool = False
    attention: bool = False
    hidden_layer: int | None = None
    lang_id: int | None = None  # the ``langs`` id of every position (language embeddings)

    def unit(self) -> tuple:
        """The forward-pass identity: rows equal here share one computation."""
        return (self.ids, self.read, self.attention, self.hidden_layer, self.lang_id)


def with_lang(row: Row, lang_id: int | None) -> Row:
    """``row`` carrying the ``langs`` id ``lang_id`` (unchanged when None)."""
    return row if lang_id is None or row.lang_id == lang_id else replace(row, lang_id=lang_id)


@dataclass
class RowResult:
    logprobs: np.ndarray  # (len(targets),) float64
    full: np.ndarray | None = None  # (len(read), vocab) log-probs
    attention: np.ndarray | None = None  # (len(ids),)
    hidden: np.ndarray | None = None  # (len(ids), hidden size)


@dataclass
class _Out:
    logits: torch.Tensor  # (len(read), vocab) logits at the read positions (ascending)
    lse: torch.Tensor  # (len(read),) log-normaliser of each of those rows
    attention: np.ndarray | None
    hidden: np.ndarray | None
    offset: int = 0  # first row of this unit in ``all_logits``
    all_logits: torch.Tensor | None = None  # the batch's (sum of reads, vocab) logits
    all_lse: torch.Tensor | None = None


def _batches(units: list[tuple], *, batch_tokens: int) -> list[list[int]]:
    """Indices of units, sorted (flags, length desc), cut so that rows x max length <= budget."""

    def sort_key(i: int) -> tuple:
        ids, _, attention, layer = units[i][:4]
        return (attention, layer is not None, layer or 0, -len(ids))

    order = sorted(range(len(units)), key=sort_key)
    batches: list[list[int]] = []
    for _, group in groupby(order, key=lambda i: (units[i][2], units[i][3])):
        current: list[int] = []
        for i in group:
            width = len(units[current[0]][0]) if current else len(units[i][0])
            if current and (len(current) + 1) * width > batch_tokens:
                batches.append(current)
                current = []
            current.append(i)
        if current:
            batches.append(current)
    return batches


@contextmanager
def _gather_before_head(model: Any, keep: torch.Tensor):
    """Make the output projection see only the kept rows (after the head's transform)."""
    head = model.get_output_embeddings()

    def pre_hook(_module: Any, args: tuple) -> tuple:
        return (args[0][keep],) + tuple(args[1:])

    handle = head.register_forward_pre_hook(pre_hook)
    try:
        yield
    finally:
        handle.remove()


@contextmanager
def _eager_attention(model: Any, needed: bool):
    config = getattr(model, "config", None)
    current = getattr(config, "_attn_implementation", "eager")
    if not needed or current == "eager" or not hasattr(model, "set_attn_implementation"):
        yield
        return
    model.set_attn_implementation("eager")
    try:
        yield
    finally:
        model.set_attn_implementation(current)


def _to_device(x: torch.Tensor, device: str) -> torch.Tensor:
    """Copy to ``device``; on CUDA from pinned memory without blocking, so the host goes on
    preparing while the copy and the previous batch's kernels run."""
    if device.startswith("cuda"):
        return x.pin_memory().to(device, non_blocking=True)
    return x


def _takes_logits_to_keep(model: Any) -> bool:
    return "logits_to_keep" in inspect.signature(model.forward).parameters


@dataclass
class _Inputs:
    """A batch's padded tensors (on the device) and host-side counts (no device sync needed)."""

    ids: torch.Tensor
    attn: torch.Tensor
    keep: torch.Tensor
    counts: list[int]  # read positions per unit
    lengths: list[int]  # real tokens per unit
    langs: torch.Tensor | None = None  # (rows, width) langs ids; None: no language embeddings


def _inputs(
    units: list[tuple], *, pad_id: int, device: str, langs_id: int | None = None
) -> _Inputs:
    """Pad ``units`` into (ids, attention mask, read mask) with numpy, then copy to ``device``."""
    n, width = len(units), max(len(u[0]) for u in units)
    lengths = np.fromiter((len(u[0]) for u in units), dtype=np.int64, count=n)
    attn = np.arange(width)[None, :] < lengths[:, None]
    ids = np.full((n, width), pad_id, dtype=np.int64)
    ids[attn] = np.fromiter((t for u in units for t in u[0]), np.int64, int(lengths.sum()))
    keep = np.zeros((n, width), dtype=bool)
    reads = [(b, p) for b, u in enumerate(units) for p in u[1]]
    if reads:
        keep[tuple(np.array(reads).T)] = True
    tensors = (_to_device(torch.from_numpy(x), device) for x in (ids, attn.astype(np.int64), keep))
    row_langs = [u[4] if u[4] is not None else langs_id for u in units]
    langs = None
    if any(g is not None for g in row_langs):
        if any(g is None for g in row_langs):
            raise ValueError("rows with and without a langs id in one batch")
        per_row = np.asarray(row_langs, dtype=np.int64)[:, None]
        langs = _to_device(torch.from_numpy(np.repeat(per_row, width, axis=1)), device)
    return _Inputs(*tensors, keep.sum(axis=1).tolist(), lengths.tolist(), langs)


def _forward(model: Any, units: list[tuple], inputs: _Inputs) -> list[_Out]:
    """One padded forward over ``units`` (same flags); per-unit outputs in input order.

    Nothing here waits for the device unless attentions or hidden states are read, so on CUDA
    the caller can prepare the next batch while this one computes."""
    n, ids, attn, keep = len(units), inputs.ids, inputs.attn, inputs.keep
    want_att, layer = units[0][2], units[0][3]
    kwargs: dict[str, Any] = {"input_ids": ids, "attention_mask": attn}
    if inputs.langs is not None:
        kwargs["langs"] = inputs.langs
    if want_att:
        kwargs["output_attentions"] = True
    if layer is not None:
        kwargs["output_hidden_states"] = True
    with _eager_attention(model, want_att):
        if _takes_logits_to_keep(model):
            out = model(**kwargs, logits_to_keep=keep)
            logits = out.logits
        elif model.get_output_embeddings() is not None:
            with _gather_before_head(model, keep):
                out = model(**kwargs)
            logits = out.logits
        else:  # no separable output projection: full logits, then gather
            out = model(**kwargs)
            logits = out.logits[keep]
    logits = logits.float()
    counts, lengths = inputs.counts, inputs.lengths
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(int).tolist()
    lse = torch.logsumexp(logits, dim=-1)
    per_unit, lses = torch.split(logits, counts), torch.split(lse, counts)
    att = _attention_received(out.attentions, attn) if want_att else None
    hid = out.hidden_states[layer].float().cpu().numpy() if layer is not None else None
    return [
        _Out(
            per_unit[b],
            lses[b],
            att[b, : lengths[b]] if att is not None else None,
            hid[b, : lengths[b]] if hid is not None else None,
            starts[b],
            logits,
            lse,
        )
        for b in range(n)
    ]


def _attention_received(attentions: Sequence[torch.Tensor], attn: torch.Tensor) -> np.ndarray:
    """Mean attention each key position receives: mean over layers, heads and real queries."""
    stacked = torch.stack([a.float() for a in attentions])  # (layers, batch, heads, q, k)
    per_query = stacked.mean(dim=(0, 2))  # (batch, q, k)
    qmask = attn.float().unsqueeze(-1)  # (batch, q, 1)
    received = (per_query * qmask).sum(dim=1) / qmask.sum(dim=1)  # (batch, k)
    return received.cpu().numpy()


def _results(rows: Sequence[Row], outs: Sequence[_Out]) -> list[RowResult]:
    """Each row's result from its unit's output: one gather and one copy to the host per batch
    (all outputs are views of one batch tensor), not one per row."""
    base = outs[0]
    where: list[int] = []  # logit row (in the batch tensor) of each target, all rows flattened
    tgts: list[int] = []
    full: list[int] = []
    for row, out in zip(rows, outs, strict=True):
        order = {p: j for j, p in enumerate(sorted(row.read))}
        idx = [out.offset + order[p] for p in row.read]
        if row.targets:
            where += idx
            tgts += row.targets
        if row.full:
            full += idx
    dev = base.all_logits.device
    lps = np.empty(0)
    if where:
        r = torch.tensor(where, dtype=torch.long, device=dev)
        t = torch.tensor(tgts, dtype=torch.long, device=dev)
        lps = (base.all_logits[r, t] - base.all_lse[r]).double().cpu().numpy()
    fulls = None
    if full:
        f = torch.tensor(full, dtype=torch.long, device=dev)
        fulls = (base.all_logits[f] - base.all_lse[f][:, None]).cpu().numpy()
    results, at, at_full = [], 0, 0
    for row, out in zip(rows, outs, strict=True):
        k = len(row.read)
        lp = lps[at : at + k] if row.targets else np.empty(0)
        at += k if row.targets else 0
        fl = fulls[at_full : at_full + k] if row.full else None
        at_full += k if row.full else 0
        results.append(RowResult(lp, fl, out.attention, out.hidden))
    return results


CPU_BATCH_TOKENS = 1024  # fastest budget measured on the 2-core CPU (bench/RESULTS.md)
ACCELERATOR_BATCH_TOKENS = 4096  # not measured: no GPU was available when this was set


def default_batch_tokens(device: str) -> int:
    """Token budget per forward pass when the caller gives none."""
    return CPU_BATCH_TOKENS if device == "cpu" else ACCELERATOR_BATCH_TOKENS


def resolve_batch_tokens(batch_tokens: int | None, device: Any) -> int:
    """The token budget to use: ``batch_tokens``, or the device's default when None (the one
    place the default is applied: ``ModelScorer`` and ``explain`` call it)."""
    if batch_tokens is None:
        return default_batch_tokens(str(device))
    if batch_tokens < 1:
        raise ValueError("batch_tokens must be >= 1")
    return int(batch_tokens)


def run_rows(
    model: Any,
    rows: Sequence[Row],
    *,
    pad_id: int,
    langs_id: int | None = None,
    device: str = "cpu",
    batch_tokens: int,
    progress: Callable[[int], None] | None = None,
    lean: bool = True,
) -> list[RowResult]:
    """Score ``rows`` in batches; results in the order of ``rows``.

    ``langs_id``: the ``langs`` id of rows that carry none (``Row.lang_id`` wins).
    ``lean``: XLM-style attention without the generation cache and with fused attention where no
    weights are read (``xlmaudit.inference.lean``); False runs the model's own code.

    ``progress(n)`` is called after each batch with the number of rows it answered.
    """
    for row in rows:
        if row.targets and len(row.targets) != len(row.read):
            raise ValueError("Row.targets must have one id per read position (or be empty)")
    unit_index: dict[tuple, int] = {}
    rows_of: list[list[int]] = []
    for r, row in enumerate(rows):
        i = unit_index.setdefault(row.unit(), len(unit_index))
        if i == len(rows_of):
            rows_of.append([])
        rows_of[i].append(r)
    units = list(unit_index)
    results: list[RowResult | None] = [None] * len(rows)
    with torch.inference_mode(), lean_attention(model, enabled=lean):
        batches = _batches(units, batch_tokens=batch_tokens)
        ahead = (
            _inputs([units[i] for i in batches[0]], pad_id=pad_id, device=device, langs_id=langs_id)
            if batches
            else None
        )
        for k, batch in enumerate(batches):
            batch_units, inputs = [units[i] for i in batch], ahead
            outs = _forward(model, batch_units, inputs)
            if k + 1 < len(batches):  # host work while the device computes (CUDA is async)
                nxt = [units[i] for i in batches[k + 1]]
                ahead = _inputs(nxt, pad_id=pad_id, device=device, langs_id=langs_id)
            todo = [(r, out) for i, out in zip(batch, outs, strict=True) for r in rows_of[i]]
            answers = _results([rows[r] for r, _ in todo], [out for _, out in todo])
            for (r, _), answer in zip(todo, answers, strict=True):
                results[r] = answer
            if progress is not None:
                progress(sum(len(rows_of[i]) for i in batch))
    return results  # type: ignore[return-value]
