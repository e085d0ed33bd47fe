"""The answers to :mod:`xlmaudit.requests`: numpy arrays and plain python values only.

``Encoding`` is a tokenized text (what ``Scorer.tokenize`` returns); the other classes are the
responses, one type per request type (``Response`` is their union).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

POOLINGS: tuple[str, ...] = ("none", "mean", "first")  # HiddenStatesRequest.pooling


@dataclass(frozen=True)
class Encoding:
    """A tokenized text: parallel tuples over the full sequence, specials included."""

    ids: tuple[int, ...]
    pieces: tuple[str, ...]
    word_index: tuple[int, ...]  # word number of each piece, -1 for special tokens
    special: tuple[bool, ...]

    def __len__(self) -> int:
        return len(self.ids)


@dataclass(frozen=True)
class CandidateScore:
    """Word-level score of one candidate at the mask."""

    word: str
    logprob: float  # sum of the chained piece log-probs; nan when flagged
    pieces: tuple[str, ...]
    piece_logprobs: tuple[float, ...]
    flag: str = ""  # "" ok | "empty": tokenizes to nothing | "unknown": contains <unk> pieces

    @property
    def n_pieces(self) -> int:
        return len(self.pieces)


@dataclass(frozen=True)
class MaskedWordResponse:
    candidates: tuple[CandidateScore, ...]
    top_k: tuple[tuple[str, float], ...] = ()  # (piece, logprob), specials excluded

    @property
    def mixed_piece_counts(self) -> bool:
        """True when the candidates differ in piece count (comparison confounded by mask count)."""
        return len({c.n_pieces for c in self.candidates if not c.flag}) > 1


@dataclass(frozen=True)
class MaskedTokenResponse:
    logprobs: np.ndarray  # one per target id


@dataclass(frozen=True)
class TokenScores:
    """Per-token scores of one sentence (PLL or unmasked)."""

    encoding: Encoding
    positions: np.ndarray  # scored positions, ascending
    logprobs: np.ndarray  # log P(original token) at each scored position
    attention: np.ndarray | None = field(default=None)  # full-sequence, UnmaskedRequest only

    @property
    def total(self) -> float:
        return float(np.sum(self.logprobs))

    @property
    def mean(self) -> float:
        return float(np.mean(self.logprobs)) if len(self.logprobs) else float("nan")


@dataclass(frozen=True)
class HiddenStates:
    encoding: Encoding  # the sequence fed to the model
    states: np.ndarray  # (sequence length, hidden size); pooled: (hidden size,)


def pool_states(states: np.ndarray, pooling: str) -> np.ndarray:
    """Pool (sequence length, hidden size) states as ``HiddenStatesRequest.pooling`` says."""
    if pooling == "mean":
        return states.mean(axis=0)
    if pooling == "first":
        return states[0].copy()
    if pooling == "none":
        return states
    raise ValueError(f"unknown pooling {pooling!r}; known: {', '.join(POOLINGS)}")


@dataclass(frozen=True)
class AttributionResponse:
    """Per-token attributions of one ``AttributionRequest`` (numpy only, no torch).

    ``encoding`` is the request text with one mask token; ``attributions`` has one value per
    token of it (exactly 0 at kept positions for baseline methods). ``value`` is F(x), the
    explained log-probability (difference); ``baseline_value`` F(baseline); ``delta`` the
    integrated-gradients convergence delta sum(attributions) - (F(x) - F(baseline)); nan where
    the method has none.
    """

    encoding: Encoding
    attributions: np.ndarray
    method: str
    value: float
    target_pieces: tuple[str, ...]
    contrast_pieces: tuple[str, ...] = ()
    baseline_value: float = float("nan")
    delta: float = float("nan")
    n_steps: int = 0
    mask_position: int = -1  # index of the mask token in ``encoding``

    @property
    def relative_delta(self) -> float:
        """|delta| / |F(x) - F(baseline)| (nan without a delta; inf when the difference is 0)."""
        diff = abs(self.value - self.baseline_value)
        if np.isnan(self.delta) or np.isnan(diff):
            return float("nan")
        return abs(self.delta) / diff if diff > 0 else float("inf")

    @property
    def mixed_piece_counts(self) -> bool:
        """True when target and contrast differ in piece count (confounded by mask count)."""
        return bool(self.contrast_pieces) and len(self.target_pieces) != len(self.contrast_pieces)


@dataclass(frozen=True)
class WordGuess:
    """One whole word found at the mask: its decoded text, summed and per-piece log-probs."""

    word: str
    logprob: float
    pieces: tuple[str, ...]
    piece_logprobs: tuple[float, ...]


@dataclass(frozen=True)
class PieceGuess:
    """One single piece at one mask: ``text`` = ``tokenizer.decode([id]).strip()``;
    ``complete`` False when the piece is a word fragment (XLM: no ``</w>``)."""

    piece: str
    text: str
    logprob: float
    complete: bool


@dataclass(frozen=True)
class TopWordsResponse:
    words: tuple[WordGuess, ...]  # best first
    pieces: tuple[PieceGuess, ...]  # best first, specials excluded


Response = MaskedWordResponse | MaskedTokenResponse | TokenScores | HiddenStates | TopWordsResponse
