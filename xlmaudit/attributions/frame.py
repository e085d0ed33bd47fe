"""Tidy frames: one row per explained token, and its aggregation to words."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from xlmaudit.requests import AttributionResponse

MASK_WORD = "[MASK]"
FRAME_COLUMNS = (
    "item_id",
    "token",
    "word",
    "position",
    "method",
    "target",
    "attribution",
    "delta",
    "contrast",
    "relative_delta",
    "word_index",
    "special",
    "is_mask",
    "value",
    "baseline_value",
    "n_steps",
    "mixed_piece_counts",
)


def piece_text(piece: str) -> str:
    """A piece without its tokenizer markers (XLM ``</w>``, WordPiece ``##``, BPE ``Ġ``/``▁``)."""
    return piece.removesuffix("</w>").removeprefix("##").lstrip("\u0120\u2581")


def _words_of(pieces: Sequence[str], word_index: Sequence[int]) -> list[str]:
    """The surface word each piece belongs to (pieces joined); specials keep their piece."""
    joined: dict[int, str] = {}
    for piece, w in zip(pieces, word_index, strict=True):
        if w >= 0:
            joined[w] = joined.get(w, "") + piece_text(piece)
    return [joined[w] if w >= 0 else p for p, w in zip(pieces, word_index, strict=True)]


def _one(item_id: str, target: str, contrast: str, r: AttributionResponse) -> pd.DataFrame:
    enc, n = r.encoding, len(r.encoding)
    is_mask = np.arange(n) == r.mask_position
    words = _words_of(enc.pieces, enc.word_index)
    return pd.DataFrame(
        {
            "item_id": item_id,
            "token": list(enc.pieces),
            "word": [MASK_WORD if m else w for w, m in zip(words, is_mask, strict=True)],
            "position": np.arange(n),
            "method": r.method,
            "target": target,
            "attribution": np.asarray(r.attributions, dtype=float),
            "delta": r.delta,
            "contrast": contrast,
            "relative_delta": r.relative_delta,
            "word_index": list(enc.word_index),
            "special": [s and not m for s, m in zip(enc.special, is_mask, strict=True)],
            "is_mask": is_mask,
            "value": r.value,
            "baseline_value": r.baseline_value,
            "n_steps": r.n_steps,
            "mixed_piece_counts": r.mixed_piece_counts,
        }
    )


def token_frame(
    responses: Sequence[AttributionResponse],
    *,
    item_ids: Sequence[str] | None = None,
    targets: Sequence[str] | None = None,
    contrasts: Sequence[str | None] | None = None,
) -> pd.DataFrame:
    """The tidy frame: one row per item x token (columns ``FRAME_COLUMNS``).

    ``targets``/``contrasts`` are the words as asked (default: the pieces joined); ``delta`` is the
    explanation's IG convergence delta (NaN for other methods), repeated on each of its rows.
    """
    ids = list(item_ids) if item_ids is not None else [str(i) for i in range(len(responses))]
    if len(ids) != len(responses):
        raise ValueError(f"{len(ids)} item ids for {len(responses)} responses")
    tg = targets or ["".join(piece_text(p) for p in r.target_pieces) for r in responses]
    ct = contrasts or ["".join(piece_text(p) for p in r.contrast_pieces) for r in responses]
    parts = [_one(i, t, c or "", r) for i, t, c, r in zip(ids, tg, ct, responses, strict=True)]
    if not parts:
        return pd.DataFrame(columns=list(FRAME_COLUMNS))
    return pd.concat(parts, ignore_index=True)[list(FRAME_COLUMNS)]


def word_frame(tokens: pd.DataFrame) -> pd.DataFrame:
    """Token attributions summed per word (specials dropped; the mask kept as ``[MASK]``).

    Summing is the aggregation under which IG's completeness carries over to words.
    """
    keep = tokens[~tokens["special"]].copy()
    keep["word_index"] = keep["word_index"].where(~keep["is_mask"], -1)
    keys = [c for c in tokens.columns if c not in {"token", "position", "attribution", "special"}]
    grouped = keep.groupby(keys, sort=False, dropna=False)
    words = grouped.agg(
        attribution=("attribution", "sum"),
        position=("position", "min"),
        n_tokens=("token", "size"),
    ).reset_index()
    return words.sort_values(["item_id", "method", "target", "contrast", "position"], kind="stable")
