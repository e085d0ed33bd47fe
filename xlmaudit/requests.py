"""Questions asked of a masked LM, and the answers.

Requests are frozen, hashable and know nothing about probes. Each has a stable `key()` used for
de-duplication and the disk cache. Responses hold numpy arrays and plain python values only.

The user-facing mask placeholder is always ``[MASK]``; the inference core substitutes the model's
own mask token (``<special1>`` for XLM).

Every request has a ``lang`` (ISO 639-1 code, or None for the model's default): the scorer encodes
the text for that language (XLM: Moses pre-tokenisation, and the ``langs`` tensor of checkpoints
with language embeddings); it is part of the key, so answers in different languages never mix.

Token positions (``PLLRequest.positions``) index the sequence returned by ``Scorer.tokenize(text)``,
which includes the special tokens (for XLM: ``<s> ... </s>``).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, replace
from typing import ClassVar, Literal, Protocol, runtime_checkable

from xlmaudit.responses import (
    POOLINGS,
    AttributionResponse,
    CandidateScore,
    Encoding,
    HiddenStates,
    MaskedTokenResponse,
    MaskedWordResponse,
    PieceGuess,
    Response,
    TokenScores,
    TopWordsResponse,
    WordGuess,
    pool_states,
)

__all__ = [
    "ATTRIBUTION_BASELINES", "ATTRIBUTION_METHODS", "MASK", "AttributionRequest",
    "AttributionResponse", "CandidateScore", "Encoding", "HiddenStates", "HiddenStatesRequest",
    "MaskedTokenRequest", "MaskedTokenResponse", "MaskedWordRequest", "MaskedWordResponse",
    "PLLRequest", "POOLINGS", "PieceGuess", "Request", "Response", "Scorer", "TokenScores",
    "TopWordsRequest", "TopWordsResponse", "UnmaskedRequest", "WithLanguage", "WordGuess",
    "pool_states",
]  # fmt: skip

MASK = "[MASK]"
Estimator = Literal["original", "word_l2r", "joint"]
ESTIMATORS: tuple[str, ...] = ("original", "word_l2r")  # sentence PLL estimators kinds offer


class _Keyed:
    kind: ClassVar[str]

    def key(self) -> str:
        """Stable content hash of the request (kind + fields), hex sha256."""
        fields = asdict(self)  # type: ignore[call-overload]
        if fields.get("lang") is None:
            fields.pop("lang", None)  # no language: the key requests had before languages
        payload = json.dumps({"kind": self.kind, **fields}, sort_keys=True)
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
    lang: str | None = None
    kind: ClassVar[str] = "masked_word"


@dataclass(frozen=True)
class MaskedTokenRequest(_Keyed):
    """log P(token id) at the single mask of ``text`` for each id in ``target_ids`` (no chaining).

    Low-level: used to replicate reference implementations that score one piece at a time
    (e.g. StereoSet's prefix re-tokenisation).
    """

    text: str
    target_ids: tuple[int, ...]
    lang: str | None = None
    kind: ClassVar[str] = "masked_token"


@dataclass(frozen=True)
class PLLRequest(_Keyed):
    """Pseudo-log-likelihood: each scored token masked in turn, log P(original token).

    ``positions`` None scores every non-special token; otherwise only the given positions
    (indices into ``Scorer.tokenize(text).ids``; specials among them are an error).
    ``estimator`` "original" (Salazar et al. 2020) masks only the token; "word_l2r"
    (Kauf & Ivanova 2023) also masks the later pieces of the same word; "joint" masks every
    given position at once in one forward pass and returns log P(original token) at each
    (GEST's ``masked_logprob_score``; not a sentence PLL, so not in ``ESTIMATORS``).
    """

    text: str
    estimator: Estimator = "original"
    positions: tuple[int, ...] | None = None
    lang: str | None = None
    kind: ClassVar[str] = "pll"


@dataclass(frozen=True)
class UnmaskedRequest(_Keyed):
    """log P(token | unmasked sentence) for every non-special token in one forward pass (AUL).

    ``attentions`` True also returns, per position of the full sequence, the mean attention
    the token receives (mean over layers, heads and query positions; AULA).
    """

    text: str
    attentions: bool = False
    lang: str | None = None
    kind: ClassVar[str] = "unmasked"


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
    lang: str | None = None
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
    lang: str | None = None
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
    in ``</w>``) and be the tokenizer's own spelling of it: the text with the decoded word in the
    slot tokenizes as exactly these pieces (so no chain the tokenizer never writes, such as
    ``i`` + ``refighter</w>`` for a word it spells ``ir efighter</w>``). For each L in
    1..``max_pieces`` a beam search keeps the ``beam`` best prefixes (``beam`` 0 = ``k``) per
    step; the words of every length are merged and the top ``k`` kept. With ``dictionary`` (the
    default) a word of several pieces counts only when the ``wordfreq`` lists of the request's
    language (``lang``, else the model's, else English) know it, so that glued non-words the
    tokenizer spells as one chain (``ir`` + ``efighter</w>`` = "irefighter", ``brazil`` +
    ``said</w>``) take no slot; single-piece words (vocabulary words) are always kept, and a
    language wordfreq does not cover gets no dictionary check. Specials are never
    predicted. The response also holds the top ``k`` single non-special pieces at one mask
    (``pipeline("fill-mask", top_k=k)``'s list with special tokens left out and the next pieces
    moved up), word fragments included.
    """

    text: str
    k: int = 20
    max_pieces: int = 3
    beam: int = 0
    lang: str | None = None
    dictionary: bool = True
    # v3: a word of several pieces must also be a dictionary word (wordfreq) of the language;
    # v2: words are the tokenizer's own spellings only (issue 21); older entries are not read
    kind: ClassVar[str] = "top_words/v3"


Request = (
    MaskedWordRequest
    | MaskedTokenRequest
    | PLLRequest
    | UnmaskedRequest
    | HiddenStatesRequest
    | TopWordsRequest
)


@runtime_checkable
class Scorer(Protocol):
    """Answers a whole list of requests at once, in order."""

    fingerprint: str

    def score(self, requests: list[Request]) -> list[Response]: ...

    def tokenize(self, text: str, lang: str | None = None) -> Encoding: ...


class WithLanguage:
    """``scorer`` seen in one language: ``tokenize(text)`` encodes for ``lang``, and requests
    without a language of their own are scored in ``lang`` (a request that sets one keeps it).

    The suite runner hands one to each probe's kind; the bilingual calibration scores through one
    per language.
    """

    def __init__(self, scorer: Scorer, lang: str) -> None:
        self.scorer, self.lang = scorer, lang
        self.fingerprint = scorer.fingerprint

    def tokenize(self, text: str, lang: str | None = None) -> Encoding:
        return self.scorer.tokenize(text, lang or self.lang)

    def score(self, requests: list[Request]) -> list[Response]:
        return self.scorer.score(
            [r if r.lang is not None else replace(r, lang=self.lang) for r in requests]
        )
