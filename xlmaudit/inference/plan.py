"""Turn each request into kernel rows plus a function that builds its response from their results
(a :class:`~xlmaudit.inference.job.Job`, re-exported here).

All input checks happen here, before any forward pass, so bad input fails fast and names the item.
"""

from __future__ import annotations

import numpy as np

from xlmaudit.errors import InputError
from xlmaudit.inference.beam import top_words
from xlmaudit.inference.job import Job
from xlmaudit.inference.kernel import Row, RowResult
from xlmaudit.inference.tokens import Codec, _short
from xlmaudit.requests import (
    MASK,
    POOLINGS,
    CandidateScore,
    HiddenStates,
    HiddenStatesRequest,
    MaskedTokenRequest,
    MaskedTokenResponse,
    MaskedWordRequest,
    MaskedWordResponse,
    PLLRequest,
    Request,
    TokenScores,
    TopWordsRequest,
    UnmaskedRequest,
    pool_states,
)


def _chain_rows(base: list[int], pos: int, pieces: list[int]) -> list[Row]:
    """k masks at ``pos``; row j reveals pieces[:j] and reads piece j (chain rule)."""
    rows = []
    for j, piece in enumerate(pieces):
        ids = base[:pos] + pieces[:j] + base[pos + j :]
        rows.append(Row(tuple(ids), (pos + j,), (piece,)))
    return rows


def _candidate(
    codec: Codec,
    req: MaskedWordRequest,
    ids: list[int],
    pos: int,
    cand: str,
    masked: list[int] | None = None,
):
    """(CandidateScore template, rows) for one candidate; flagged candidates get no rows.

    ``masked``: ``ids`` with the ``context_masks`` applied; the candidate's pieces are found on
    the unmasked ids, then its left and right context are taken from ``masked``.
    """
    left, piece_ids, right = codec.candidate_span(req.text, cand, ids, pos)
    if masked is not None:
        left, right = masked[: len(left)], masked[len(masked) - len(right) :]
    pieces = tuple(codec.tokenizer.convert_ids_to_tokens(piece_ids))
    flag = "empty" if not piece_ids else ("unknown" if codec.unk_id in piece_ids else "")
    if flag:
        nan = (float("nan"),) * len(pieces)
        return CandidateScore(cand, float("nan"), pieces, nan, flag), []
    k, start = len(piece_ids), len(left)
    what = f" with candidate {cand!r} ({k} pieces)"
    base = codec.fit(left + [codec.mask_id] * k + right, text=req.text, keep=start + k, what=what)
    return CandidateScore(cand, float("nan"), pieces, ()), _chain_rows(base, start, piece_ids)


def _top_k(codec: Codec, dist: np.ndarray, k: int) -> tuple[tuple[str, float], ...]:
    dist = dist.astype(np.float64).copy()
    dist[[i for i in codec.special_ids if i < len(dist)]] = -np.inf
    best = np.argsort(-dist, kind="stable")[:k]
    pieces = codec.tokenizer.convert_ids_to_tokens([int(i) for i in best])
    return tuple((p, float(dist[i])) for p, i in zip(pieces, best, strict=True))


def _mask_context(codec: Codec, req: MaskedWordRequest, ids: list[int], pos: int) -> list[int]:
    """``ids`` with the pieces of each ``context_masks`` span replaced by mask tokens.

    The span's pieces are found by encoding the text with the span written as ``[MASK]`` and
    aligning its left and right context with ``ids`` (Kurita et al. 2019's "attribute also masked").
    """
    mask_at = req.text.index(MASK)
    out = list(ids)
    for start, end in req.context_masks:
        if not (0 <= start < end <= len(req.text)) or start < mask_at + len(MASK) and end > mask_at:
            raise InputError(
                f"context_masks span ({start}, {end}) of {_short(req.text)} is out of range or "
                f"overlaps the {MASK}"
            )
        marked = codec.raw_ids(req.text[:start] + MASK + req.text[end:])
        found = [i for i, t in enumerate(marked) if t == codec.mask_id]
        if len(found) != 2:
            raise InputError(f"context_masks span ({start}, {end}) of {_short(req.text)} "
                             "does not encode as one masked slot")  # fmt: skip
        p = found[1] if start > mask_at else found[0]
        k = len(ids) - len(marked) + 1
        same = ids[:p] == marked[:p] and ids[p + k :] == marked[p + 1 :]
        if k < 1 or not same:
            raise InputError(
                f"context_masks span {req.text[start:end]!r} of {_short(req.text)} changes the "
                "tokenization of its context; it cannot be masked piece by piece"
            )
        out[p : p + k] = [codec.mask_id] * k
    return out


def masked_word(codec: Codec, req: MaskedWordRequest) -> Job:
    full = codec.raw_ids(req.text) if req.text.strip() else []
    pos = codec.mask_position(req.text, full)
    ids = codec.fit(full, text=req.text, keep=pos + 1)
    # candidates are located on the whole text (each candidate's row is fitted by _candidate)
    masked = _mask_context(codec, req, full, pos) if req.context_masks else None
    if req.top_k < 0:
        raise InputError(f"top_k must be >= 0, got {req.top_k} for {_short(req.text)}")
    templates, spans, rows = [], [], []
    for cand in req.candidates:
        template, cand_rows = _candidate(codec, req, full, pos, cand, masked)
        templates.append(template)
        spans.append((len(rows), len(rows) + len(cand_rows)))
        rows += cand_rows
    if req.top_k:
        top_ids = codec.fit(masked, text=req.text, keep=pos + 1) if masked else ids
        rows.append(Row(tuple(top_ids), (pos,), (), full=True))

    def finish(results: list[RowResult]) -> MaskedWordResponse:
        cands = []
        for t, (a, b) in zip(templates, spans, strict=True):
            if t.flag:
                cands.append(t)
                continue
            lps = tuple(float(r.logprobs[0]) for r in results[a:b])
            cands.append(CandidateScore(t.word, float(sum(lps)), t.pieces, lps))
        top = _top_k(codec, results[-1].full[0], req.top_k) if req.top_k else ()  # type: ignore[index]
        return MaskedWordResponse(tuple(cands), top)

    return Job(rows, finish)


def masked_token(codec: Codec, req: MaskedTokenRequest) -> Job:
    ids = codec.raw_ids(req.text) if req.text.strip() else []
    pos = codec.mask_position(req.text, ids)
    ids = codec.fit(ids, text=req.text, keep=pos + 1)
    size = len(codec.tokenizer)
    for t in req.target_ids:
        if not 0 <= t < size:
            raise InputError(
                f"target id {t} outside the vocabulary (0..{size - 1}) in {_short(req.text)}"
            )
    rows = [Row(tuple(ids), (pos,), (int(t),)) for t in req.target_ids]

    def finish(results: list[RowResult]) -> MaskedTokenResponse:
        return MaskedTokenResponse(np.array([r.logprobs[0] for r in results], dtype=np.float64))

    return Job(rows, finish)


def _pll_positions(codec: Codec, req: PLLRequest, enc) -> list[int]:
    if req.positions is None:
        return [i for i, s in enumerate(enc.special) if not s]
    for p in req.positions:
        if not 0 <= p < len(enc):
            raise InputError(f"position {p} outside {_short(req.text)} ({len(enc)} tokens)")
        if enc.special[p]:
            raise InputError(
                f"position {p} of {_short(req.text)} is special token {enc.pieces[p]!r}"
            )
    return sorted(set(req.positions))


def pll(codec: Codec, req: PLLRequest) -> Job:
    if req.estimator not in ("original", "word_l2r", "joint"):
        raise InputError(f"unknown PLL estimator {req.estimator!r} for {_short(req.text)}")
    enc = codec.encode(req.text)
    positions = _pll_positions(codec, req, enc)
    if req.estimator == "joint":
        return _joint(codec, enc, positions)
    rows = []
    for t in positions:
        ids = list(enc.ids)
        masked = [t]
        if req.estimator == "word_l2r":
            w = enc.word_index[t]
            masked += [q for q in range(t + 1, len(ids)) if enc.word_index[q] == w]
        for q in masked:
            ids[q] = codec.mask_id
        rows.append(Row(tuple(ids), (t,), (enc.ids[t],)))

    def finish(results: list[RowResult]) -> TokenScores:
        lps = np.array([r.logprobs[0] for r in results], dtype=np.float64)
        return TokenScores(enc, np.array(positions, dtype=np.int64), lps)

    return Job(rows, finish)


def _joint(codec: Codec, enc, positions: list[int]) -> Job:
    """Every position masked at once, one row: log P(original token) at each."""
    ids = list(enc.ids)
    for q in positions:
        ids[q] = codec.mask_id
    targets = tuple(enc.ids[q] for q in positions)

    def finish(results: list[RowResult]) -> TokenScores:
        lps = np.asarray(results[0].logprobs, dtype=np.float64)
        return TokenScores(enc, np.array(positions, dtype=np.int64), lps)

    return Job([Row(tuple(ids), tuple(positions), targets)], finish)


def unmasked(codec: Codec, req: UnmaskedRequest) -> Job:
    enc = codec.encode(req.text)
    positions = tuple(i for i, s in enumerate(enc.special) if not s)
    targets = tuple(enc.ids[i] for i in positions)
    rows = [Row(enc.ids, positions, targets, attention=req.attentions)]

    def finish(results: list[RowResult]) -> TokenScores:
        r = results[0]
        att = r.attention.astype(np.float64) if r.attention is not None else None
        return TokenScores(enc, np.array(positions, dtype=np.int64), r.logprobs, att)

    return Job(rows, finish)


def hidden(codec: Codec, req: HiddenStatesRequest, *, n_layers: int) -> Job:
    enc = codec.encode(req.text)
    if req.pooling not in POOLINGS:
        raise InputError(f"pooling {req.pooling!r} not one of {', '.join(POOLINGS)}")
    if not req.specials:  # drop the leading and trailing specials (inner ones, e.g. <unk>, stay)
        first = next((i for i, s in enumerate(enc.special) if not s), len(enc))
        last = max((i for i, s in enumerate(enc.special) if not s), default=first - 1)
        if first > last:
            raise InputError(f"{_short(req.text)} has no non-special token")
        enc = codec.encoding(list(enc.ids[first : last + 1]))
    if not -(n_layers + 1) <= req.layer <= n_layers:
        raise InputError(
            f"layer {req.layer} out of range for a {n_layers}-layer model "
            f"(0 = embeddings, {n_layers} or -1 = last) in {_short(req.text)}"
        )

    def finish(results: list[RowResult]) -> HiddenStates:
        return HiddenStates(enc, pool_states(results[0].hidden, req.pooling))  # type: ignore[arg-type]

    return Job([Row(enc.ids, hidden_layer=req.layer)], finish)


def build_job(codec: Codec, req: Request, *, n_layers: int) -> Job:
    """Rows + response builder for one request (raises InputError on bad input)."""
    if isinstance(req, MaskedWordRequest):
        return masked_word(codec, req)
    if isinstance(req, MaskedTokenRequest):
        return masked_token(codec, req)
    if isinstance(req, PLLRequest):
        return pll(codec, req)
    if isinstance(req, UnmaskedRequest):
        return unmasked(codec, req)
    if isinstance(req, HiddenStatesRequest):
        return hidden(codec, req, n_layers=n_layers)
    if isinstance(req, TopWordsRequest):
        return top_words(codec, req)
    raise TypeError(f"ModelScorer cannot answer {type(req).__name__}")
