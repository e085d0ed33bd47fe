"""Questions asked of a masked LM, and the answers.

Requests are frozen, hashable and know nothing about probes. Each has a stable `key()` used for
de-duplication and the disk cache. Responses hold numpy arrays and plain python values only.

The user-facing mask placeholder is always ``[MASK]``; the inference core substitutes the model's
own mask token (``<special1>`` for XLM).

Token positions (``PLLRequest.positions``) index the sequence returned by ``Scorer.tokenize(text)``,
which includes the special tokens (for XLM: ``<s> ... </s>``).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import ClassVar, Literal, Protocol, runtime_checkable

import numpy as np

MASK = "[MASK]"
Estimator = Literal["original", "word_l2r"]
ESTIMATORS: tuple[str, ...] = ("original", "word_l2r")


class _Keyed:
    kind: ClassVar[str]

    def key(self) -> str:
        """Stable content hash of the request (kind + fields), hex sha256."""
        payload = json.dumps({"kind": self.kind, **asdict(self)}, sort_keys=True)  # type: ignore[call-overload]
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class MaskedWordRequest(_Keyed):
    """log P(word) of each candidate word at the single ``[MASK]`` of ``text``.

    A candidate of k pieces is scored as a word: the slot is filled with k mask tokens and the
    pieces are predicted left to right, each revealed before the next (chain rule).
    ``top_k`` > 0 also returns the top single-piece predictions at a single mask, specials excluded.
    ``context_masks`` (optional, added for Kurita et al. 2019's prior): character spans
    ``(start, end)`` of ``text``, outside the ``[MASK]``, whose pieces are all replaced by the
    model's mask token and stay masked while the candidate is scored (the attribute "also masked").
    """

    text: str
    candidates: tuple[str, ...]
    top_k: int = 0
    context_masks: tuple[tuple[int, int], ...] = ()
    kind: ClassVar[str] = "masked_word"


@dataclass(frozen=True)
class MaskedTokenRequest(_Keyed):
    """log P(token id) at the single mask of ``text`` for each id in ``target_ids`` (no chaining).

    Low-level: used to replicate reference implementations that score one piece at a time
    (e.g. StereoSet's prefix re-tokenisation).
    """

    text: str
    target_ids: tuple[int, ...]
    kind: ClassVar[str] = "masked_token"


@dataclass(frozen=True)
class PLLRequest(_Keyed):
    """Pseudo-log-likelihood: each scored token masked in turn, log P(original token).

    ``positions`` None scores every non-special token; otherwise only the given positions
    (indices into ``Scorer.tokenize(text).ids``; specials among them are an error).
    ``estimator`` "original" (Salazar et al. 2020) masks only the token; "word_l2r"
    (Kauf & Ivanova 2023) also masks the later pieces of the same word.
    """

    text: str
    estimator: Estimator = "original"
    positions: tuple[int, ...] | None = None
    kind: ClassVar[str] = "pll"


@dataclass(frozen=True)
class UnmaskedRequest(_Keyed):
    """log P(token | unmasked sentence) for every non-special token in one forward pass (AUL).

    ``attentions`` True also returns, per position of the full sequence, the mean attention
    the token receives (mean over layers, heads and query positions; AULA).
    """

    text: str
    attentions: bool = False
    kind: ClassVar[str] = "unmasked"


POOLINGS: tuple[str, ...] = ("none", "mean", "first")


@dataclass(frozen=True)
class HiddenStatesRequest(_Keyed):
    """Hidden states of one layer (0 = embeddings, -1 = last) of the base transformer.

    ``pooling`` "none": every position, (sequence length, hidden size); "mean": the mean over all
    positions, specials included (bias-bench SEAT); "first": the first position (hidden size,).
    ``specials`` False feeds the text without the tokenizer's leading/trailing special tokens
    (sent-bias SEAT feeds BERT no [CLS]/[SEP], so "first" is then the first word piece).
    """

    text: str
    layer: int = -1
    pooling: str = "none"
    specials: bool = True
    kind: ClassVar[str] = "hidden"


@dataclass(frozen=True)
class AttributionRequest(_Keyed):
    """Explain log P(target) - or log P(target) - log P(contrast) - at the single ``[MASK]``.

    Words are scored as words (k pieces -> k masks, chained left to right, as
    ``MaskedWordRequest``). ``method`` names a registered Captum adapter (lig, grad_x_input,
    saliency, ablation); ``n_steps`` is the integration step count (lig); ``baseline`` the token
    that replaces the context in the baseline (pad, mask or unk; specials and the slot are kept).
    Answered by ``xlmaudit.inference.attribution.explain`` (or a scorer wrapped with
    ``xlmaudit.inference.attribution.AttributionScorer``).
    """

    text: str
    target: str
    contrast: str | None = None
    method: str = "lig"
    n_steps: int = 50
    baseline: str = "pad"
    kind: ClassVar[str] = "attribution"


# The attribution methods and baselines (torch-free: the probe kind and the CLI import these; the
# adapters and what each can do are registered in xlmaudit.inference.attribution_methods).
ATTRIBUTION_METHODS = ("lig", "grad_x_input", "saliency", "ablation")
ATTRIBUTION_BASELINES = ("pad", "mask", "unk")


@dataclass(frozen=True)
class TopWordsRequest(_Keyed):
    """The ``k`` most probable whole words at the single ``[MASK]`` of ``text`` (HONEST).

    A word of L pieces is scored as ``MaskedWordRequest`` scores it: the slot becomes L mask
    tokens, the pieces are predicted left to right, each revealed before the next, and
    log P(word) is the sum; its pieces must form exactly one word (XLM: only the last piece ends
    in ``</w>``). For each L in 1..``max_pieces`` a beam search keeps the ``beam`` best prefixes
    (``beam`` 0 = ``k``) per step; the words of every length are merged and the top ``k`` kept.
    Specials are never predicted. The response also holds the top ``k`` single pieces at one
    mask (what ``pipeline("fill-mask", top_k=k)`` returns), word fragments included.
    """

    text: str
    k: int = 20
    max_pieces: int = 3
    beam: int = 0
    kind: ClassVar[str] = "top_words"


Request = (
    MaskedWordRequest
    | MaskedTokenRequest
    | PLLRequest
    | UnmaskedRequest
    | HiddenStatesRequest
    | TopWordsRequest
)


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


@runtime_checkable
class Scorer(Protocol):
    """Answers a whole list of requests at once, in order."""

    fingerprint: str

    def score(self, requests: list[Request]) -> list[Response]: ...

    def tokenize(self, text: str) -> Encoding: ...
