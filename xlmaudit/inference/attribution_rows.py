"""Rows of an attribution: the sequences whose summed outputs are the explained function F.

See :mod:`xlmaudit.inference.attribution` for F; here are the word pieces of the explained words,
one row per chained step of each word (merged where two rows are the same sequence read at the same
position), the differentiable forward that returns each row's signed log-probabilities, and the
padding of a batch of rows into tensors.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import torch

from xlmaudit.errors import InputError
from xlmaudit.inference.tokens import Codec
from xlmaudit.requests import ATTRIBUTION_BASELINES, AttributionRequest, Encoding


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
class Row:
    """One sequence of one explanation, scored at one position for one or two terms."""

    owner: int  # explanation index
    ids: tuple[int, ...]
    keep: tuple[bool, ...]  # kept in the baseline (specials and the slot)
    position: int
    terms: tuple[tuple[int, float], ...]  # (piece id, sign)
    to_base: tuple[int, ...]  # index into the explanation's encoding, per row position


def word_rows(owner: int, enc: Encoding, mask_pos: int, pieces: Sequence[int], sign: float):
    """The chained rows of one word: k masks, the first j pieces revealed in row j."""
    k, mask_id = len(pieces), enc.ids[mask_pos]
    head, tail = list(enc.ids[:mask_pos]), list(enc.ids[mask_pos + 1 :])
    keep_head, keep_tail = list(enc.special[:mask_pos]), list(enc.special[mask_pos + 1 :])
    to_base = (*range(mask_pos), *([mask_pos] * k), *range(mask_pos + 1, len(enc)))
    for j in range(k):
        slot = list(pieces[:j]) + [mask_id] * (k - j)
        yield Row(
            owner,
            tuple(head + slot + tail),
            tuple(keep_head + [True] * k + keep_tail),
            mask_pos + j,
            ((pieces[j], sign),),
            to_base,
        )


def merge_rows(rows: list[Row]) -> list[Row]:
    """Merge rows that are the same sequence scored at the same position (their terms add)."""
    merged: dict[tuple, Row] = {}
    for row in rows:
        key = (row.owner, row.ids, row.position)
        if key in merged:
            old = merged[key]
            row = Row(
                row.owner, row.ids, row.keep, row.position, old.terms + row.terms, row.to_base
            )
        merged[key] = row
    return list(merged.values())


# ----------------------------------------------------------------------------- the forward


def embedding_layer(model: torch.nn.Module) -> torch.nn.Module:
    """Word embeddings: ``model.transformer.embeddings`` for XLM, else the input embeddings."""
    xlm = getattr(getattr(model, "transformer", None), "embeddings", None)
    return xlm if isinstance(xlm, torch.nn.Embedding) else model.get_input_embeddings()


def forward_fn(model: torch.nn.Module) -> Callable[..., torch.Tensor]:
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


def row_tensors(rows: Sequence[Row], pad_id: int, base_id: int, device: Any):
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


def baseline_id(loaded: Any, baseline: str) -> int:
    """The token id that replaces the context in the baseline (pad, mask or unk)."""
    if baseline not in ATTRIBUTION_BASELINES:
        raise InputError(
            f"unknown baseline {baseline!r}; choose from {', '.join(ATTRIBUTION_BASELINES)}"
        )
    tok = loaded.tokenizer
    token_id = {"pad": tok.pad_token_id, "mask": loaded.mask_id, "unk": tok.unk_token_id}[baseline]
    if token_id is None:
        raise InputError(f"the tokenizer has no {baseline} token for the baseline")
    return int(token_id)


def row_batches(rows: list[Row], batch_rows: int) -> Iterator[list[Row]]:
    """Rows sorted by length, in chunks of ``batch_rows``."""
    order = sorted(rows, key=lambda r: len(r.ids))
    for start in range(0, len(order), batch_rows):
        yield order[start : start + batch_rows]


def setup_request(codec: Codec, req: AttributionRequest):
    """(encoding, mask position, target (ids, pieces), contrast (ids, pieces) or None)."""
    enc = codec.encode(req.text)
    pos = codec.mask_position(req.text, enc.ids)
    target = word_pieces(codec, req.text, enc, pos, req.target)
    contrast = word_pieces(codec, req.text, enc, pos, req.contrast) if req.contrast else None
    return enc, pos, target, contrast
