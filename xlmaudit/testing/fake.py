"""A fake scorer with the real interface, for fast probe and metric tests with hand-derived values.

Tokenization: ``<s>`` + lowercased whitespace words + ``</s>``, one piece per word, except words
listed in ``split`` which become several pieces. Every score comes from ``table``:

- masked word: log P(candidate) = ``table[(context, candidate)]`` if present, else
  ``table.get(candidate, default)``, where ``context`` is the request text (with any
  ``context_masks`` span written as ``[MASK]``, e.g. ``"[MASK] is a [MASK]."``); a multi-piece word
  gets its word score on its first piece and 0.0 on the others;
- PLL / unmasked: log P(token) = ``table.get(piece, default)`` for each scored piece;
- masked token: log P(id) = ``-id / 100`` (ids are stable, see ``tokenize``);
- top words: the vocabulary is the table's word keys (``"w"`` and ``(text, "w")`` for this
  text), each scored as a masked word, best first (ties by word), top ``k``; the top pieces are
  those words' first pieces with the word's score (``complete`` = a one-piece word);
- attribution: F(x) = the masked-word score of ``target`` (minus ``contrast``'s), F(baseline) =
  0, and F(x) spread evenly over the non-special tokens outside the mask (so the attributions
  add up to F(x) - F(baseline): delta 0 for ``lig``, NaN for the other methods).
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence

import numpy as np

from xlmaudit.errors import InputError
from xlmaudit.requests import (
    MASK,
    AttributionRequest,
    AttributionResponse,
    CandidateScore,
    Encoding,
    HiddenStates,
    HiddenStatesRequest,
    MaskedTokenRequest,
    MaskedTokenResponse,
    MaskedWordRequest,
    MaskedWordResponse,
    PieceGuess,
    PLLRequest,
    Request,
    Response,
    TokenScores,
    TopWordsRequest,
    TopWordsResponse,
    UnmaskedRequest,
    WordGuess,
    pool_states,
)


class FakeScorer:
    """Deterministic scorer driven by a lookup table; counts the requests it scores."""

    def __init__(
        self,
        table: Mapping[object, float] | None = None,
        *,
        default: float = -5.0,
        split: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        self.table = dict(table or {})
        self.default = default
        self.split = {k: tuple(v) for k, v in (split or {}).items()}
        self.fingerprint = "fake"
        self.calls: list[Request] = []

    def _pieces(self, word: str) -> tuple[str, ...]:
        return self.split.get(word, (word,))

    def tokenize(self, text: str, lang: str | None = None) -> Encoding:
        """Whitespace pieces (``lang`` is accepted and ignored); empty text is an InputError,
        as in the real core."""
        if not text.strip():
            raise InputError(f"empty text {text!r}")
        ids, pieces, words, special = [0], ["<s>"], [-1], [True]
        for w, word in enumerate(text.lower().split()):
            for piece in self._pieces(word):
                ids.append(14 + zlib.crc32(piece.encode()) % 10_000)
                pieces.append(piece)
                words.append(w)
                special.append(False)
        ids.append(1)
        pieces.append("</s>")
        words.append(-1)
        special.append(True)
        return Encoding(tuple(ids), tuple(pieces), tuple(words), tuple(special))

    def score(self, requests: list[Request]) -> list[Response]:
        self.calls.extend(requests)
        return [self._one(r) for r in requests]

    def _one(self, req: Request) -> Response:
        if isinstance(req, MaskedWordRequest):
            if req.text.count(MASK) != 1:
                raise InputError(f"expected one {MASK} in {req.text!r}")
            cands = []
            for cand in req.candidates:
                pieces = self._pieces(cand.lower())
                lp = self.table.get((_context(req), cand), self.table.get(cand, self.default))
                per_piece = (lp,) + (0.0,) * (len(pieces) - 1)
                cands.append(CandidateScore(cand, float(lp), pieces, per_piece))
            return MaskedWordResponse(tuple(cands))
        if isinstance(req, MaskedTokenRequest):
            return MaskedTokenResponse(np.array([-i / 100 for i in req.target_ids]))
        if isinstance(req, (PLLRequest, UnmaskedRequest)):
            enc = self.tokenize(req.text)
            positions = getattr(req, "positions", None)
            if positions is None:
                positions = tuple(i for i, s in enumerate(enc.special) if not s)
            lps = [self.table.get(enc.pieces[p], self.default) for p in positions]
            att = None
            if isinstance(req, UnmaskedRequest) and req.attentions:
                att = np.full(len(enc), 1.0 / len(enc))
            return TokenScores(enc, np.array(positions, dtype=np.int64), np.array(lps), att)
        if isinstance(req, TopWordsRequest):
            return self._top_words(req)
        if isinstance(req, AttributionRequest):
            return self._attribution(req)
        if isinstance(req, HiddenStatesRequest):
            enc = self.tokenize(req.text)
            if not req.specials:
                enc = Encoding(
                    *(f[1:-1] for f in (enc.ids, enc.pieces, enc.word_index, enc.special))
                )
            states = np.array([[float(i % 7), float(i % 11)] for i in enc.ids])
            return HiddenStates(enc, pool_states(states, req.pooling))
        raise TypeError(f"unknown request type {type(req).__name__}")

    def _word_score(self, req: AttributionRequest, word: str) -> float:
        context = req.text  # attribution requests have no context masks
        return float(self.table.get((context, word), self.table.get(word, self.default)))

    def _attribution(self, req: AttributionRequest) -> AttributionResponse:
        if req.text.count(MASK) != 1:
            raise InputError(f"expected one {MASK} in {req.text!r}")
        enc = self.tokenize(req.text)
        mask = next(i for i, p in enumerate(enc.pieces) if MASK.lower() in p)
        value = self._word_score(req, req.target)
        if req.contrast:
            value -= self._word_score(req, req.contrast)
        spread = np.array([not s and i != mask for i, s in enumerate(enc.special)], dtype=float)
        attributions = spread * value / max(spread.sum(), 1.0)
        lig = req.method == "lig"
        return AttributionResponse(
            enc, attributions, req.method, value, self._pieces(req.target.lower()),
            self._pieces(req.contrast.lower()) if req.contrast else (), baseline_value=0.0,
            delta=0.0 if lig else float("nan"), n_steps=req.n_steps if lig else 0,
            mask_position=mask,
        )  # fmt: skip

    def _top_words(self, req: TopWordsRequest) -> TopWordsResponse:
        if req.text.count(MASK) != 1:
            raise InputError(f"expected one {MASK} in {req.text!r}")
        words = {k for k in self.table if isinstance(k, str)}
        words |= {k[1] for k in self.table if isinstance(k, tuple) and k[0] == req.text}
        scored = sorted(
            ((float(self.table.get((req.text, w), self.table.get(w, self.default))), w)
             for w in words),
            key=lambda sw: (-sw[0], sw[1]),
        )  # fmt: skip
        guesses, pieces = [], {}
        for lp, w in scored:
            split = self._pieces(w.lower())
            guesses.append(WordGuess(w, lp, split, (lp,) + (0.0,) * (len(split) - 1)))
            pieces.setdefault(split[0], PieceGuess(split[0], split[0], lp, len(split) == 1))
        return TopWordsResponse(tuple(guesses[: req.k]), tuple(list(pieces.values())[: req.k]))


def _context(req: MaskedWordRequest) -> str:
    """The request text with its ``context_masks`` spans written as ``[MASK]`` (table key)."""
    text = req.text
    for start, end in sorted(req.context_masks, reverse=True):
        text = text[:start] + MASK + text[end:]
    return text
