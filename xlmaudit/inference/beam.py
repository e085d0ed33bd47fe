"""Whole-word top-k at a mask (``TopWordsRequest``): a beam search over chained pieces.

A job of several rounds: round j holds one row per live prefix of j pieces (for every word
length L > j), with L - j masks left; its ``finish`` returns the next round's ``Job`` until the
last round returns the response. Which pieces may stand where in a word of L pieces comes from
the tokenizer's boundary markers (see ``xlmaudit.inference.tokens``).

A finished chain is a word only when the tokenizer itself writes it so (:func:`is_word`): its
decoded text, put in the slot, is tokenized into exactly the chain's pieces with the context
unchanged. This drops chains the markers allow but the tokenizer never produces, e.g. XLM's
``i`` + ``refighter</w>`` when "irefighter" tokenizes as ``ir efighter</w>``, or a chain whose
text is two words. A glued string the tokenizer does spell as that chain (``brazil`` +
``said</w>``, ``ir`` + ``efighter</w>``) is a word to the tokenizer; with the request's
``dictionary`` (the default) a chain of several pieces must also be a word that ``wordfreq``
lists in the request's language (:func:`in_dictionary`), which drops those.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass

import numpy as np

from xlmaudit.errors import InputError
from xlmaudit.inference.job import Job
from xlmaudit.inference.kernel import Row, RowResult
from xlmaudit.inference.tokens import Codec, _short
from xlmaudit.requests import PieceGuess, TopWordsRequest, TopWordsResponse, WordGuess


@dataclass
class _Beam:
    length: int  # word length L in pieces
    prefix: tuple[int, ...]
    piece_lps: tuple[float, ...]

    @property
    def logprob(self) -> float:
        return float(sum(self.piece_lps))


def piece_roles(codec: Codec) -> dict[str, np.ndarray]:
    """Boolean vocabulary masks: which ids may be a word's ``only``, ``first``, ``middle`` or
    ``last`` piece under the tokenizer's scheme (specials never)."""
    cached = getattr(codec, "_piece_roles", None)
    if cached is not None:
        return cached
    tok = codec.tokenizer
    size = len(tok)
    pieces = tok.convert_ids_to_tokens(list(range(size)))
    pieces = [p if isinstance(p, str) else "" for p in pieces]
    ok = np.ones(size, dtype=bool)
    ok[[i for i in codec.special_ids if i < size]] = False
    if codec.scheme == "xlm":
        end = np.array([p.endswith("</w>") for p in pieces])
        roles = {"only": end, "first": ~end, "middle": ~end, "last": end}
    elif codec.scheme == "wordpiece":
        cont = np.array([p.startswith("##") for p in pieces])
        roles = {"only": ~cont, "first": ~cont, "middle": cont, "last": cont}
    elif codec.scheme in ("sentencepiece", "bytebpe"):
        opens = np.array([p[:1] in ("\u2581", "\u0120") for p in pieces])
        roles = {"only": opens, "first": opens, "middle": ~opens, "last": ~opens}
    else:  # no markers: every piece is a word
        none = np.zeros(size, dtype=bool)
        roles = {"only": np.ones(size, dtype=bool), "first": none, "middle": none, "last": none}
    roles = {k: v & ok for k, v in roles.items()}
    codec._piece_roles = roles  # type: ignore[attr-defined]
    return roles


def _role(j: int, length: int) -> str:
    if length == 1:
        return "only"
    return "first" if j == 0 else ("last" if j == length - 1 else "middle")


def _top(values: np.ndarray, n: int) -> np.ndarray:
    """Indices of the ``n`` largest finite values, largest first (ties: lower index first)."""
    finite = np.flatnonzero(np.isfinite(values))
    if len(finite) > n:
        part = np.argpartition(-values[finite], n - 1)[:n]
        finite = finite[part]
    return finite[np.lexsort((finite, -values[finite]))]


def top_words(codec: Codec, req: TopWordsRequest) -> Job:
    """The first round's job of a ``TopWordsRequest`` (see the module docstring)."""
    if req.k < 1 or req.max_pieces < 1 or req.beam < 0:
        raise InputError(
            f"top_words needs k >= 1, max_pieces >= 1, beam >= 0 (got {req.k}, "
            f"{req.max_pieces}, {req.beam}) for {_short(req.text)}"
        )
    lang = req.lang or codec.lang or "en"
    full = codec.raw_ids(req.text) if req.text.strip() else []
    pos = codec.mask_position(req.text, full)
    ids = codec.fit(full, text=req.text, keep=pos + 1)
    left, right = ids[:pos], ids[pos + 1 :]
    width = req.beam or req.k
    roles = piece_roles(codec)
    bases = {}
    for length in range(1, req.max_pieces + 1):
        what = f" with {length} masks"
        masks = [codec.mask_id] * length
        bases[length] = codec.fit(left + masks + right, text=req.text, keep=pos + length, what=what)
    words: list[_Beam] = []
    top_pieces: list[PieceGuess] = []

    def rows_for(beams: list[_Beam]) -> list[Row]:
        rows = []
        for b in beams:
            j = len(b.prefix)
            base = bases[b.length]
            rows.append(
                Row(tuple(base[:pos] + list(b.prefix) + base[pos + j :]), (pos + j,), (), full=True)
            )
        return rows

    def step(beams: list[_Beam], results: list[RowResult]):
        nonlocal top_pieces
        grown: dict[int, list[_Beam]] = {}
        for b, r in zip(beams, results, strict=True):
            dist = r.full[0].astype(np.float64)  # type: ignore[index]
            j = len(b.prefix)
            if b.length == 1:
                top_pieces = _pieces(codec, dist, roles, req.k)
            allowed = np.where(roles[_role(j, b.length)], dist, -np.inf)
            # a last piece: 2k candidates, as some chains may turn out not to be words
            for i in _top(allowed, width if j < b.length - 1 else 2 * req.k):
                new = _Beam(b.length, b.prefix + (int(i),), b.piece_lps + (float(dist[i]),))
                grown.setdefault(b.length, []).append(new)
        nxt = []
        for length, cands in grown.items():
            cands.sort(key=lambda c: -c.logprob)
            if len(cands[0].prefix) == length:
                # the cheap dictionary lookup first, then the tokenizer's spelling of the prompt
                real = (c for c in cands
                        if (not req.dictionary or len(c.prefix) == 1
                            or in_dictionary(_decoded(codec, c.prefix), lang))
                        and is_word(codec, req.text, full, pos, c.prefix))  # fmt: skip
                words.extend(itertools.islice(real, req.k))  # checked best first, k at most
            else:
                nxt.extend(cands[:width])
        if nxt:
            return Job(rows_for(nxt), lambda res: step(nxt, res))
        return _response(codec, words, top_pieces, req.k)

    first = [_Beam(length, (), ()) for length in bases]
    return Job(rows_for(first), lambda res: step(first, res))


def is_word(codec: Codec, text: str, ids: list[int], pos: int, chain: tuple[int, ...]) -> bool:
    """Whether ``chain`` is one word as the tokenizer writes it at the mask of ``text``
    (``ids``: its ids, the mask at ``pos``): the decoded word is one whitespace-free string
    and the text with it in the slot tokenizes as the context around exactly ``chain``."""
    word = codec.tokenizer.decode(list(chain)).strip()
    if not word or len(word.split()) != 1:
        return False
    left, pieces, right = codec.candidate_span(text, word, ids, pos)
    return len(left) == pos and len(right) == len(ids) - pos - 1 and tuple(pieces) == chain


def _decoded(codec: Codec, chain: tuple[int, ...]) -> str:
    return codec.tokenizer.decode(list(chain)).strip()


@functools.cache
def _dictionary_languages() -> frozenset[str]:
    from wordfreq import available_languages

    return frozenset(available_languages())


@functools.lru_cache(maxsize=1 << 16)
def in_dictionary(word: str, lang: str) -> bool:
    """Whether ``wordfreq`` lists ``word`` (any case) in language ``lang`` (an ISO 639-1 code);
    True for a language wordfreq does not cover (no dictionary there: no check)."""
    if lang not in _dictionary_languages():
        return True
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang) > 0


def _pieces(codec: Codec, dist: np.ndarray, roles: dict, k: int) -> list[PieceGuess]:
    keep = np.ones(len(dist), dtype=bool)
    keep[[i for i in codec.special_ids if i < len(dist)]] = False
    best = _top(np.where(keep, dist, -np.inf), k)
    tok = codec.tokenizer
    return [
        PieceGuess(
            tok.convert_ids_to_tokens(int(i)),
            tok.decode([int(i)]).strip(),
            float(dist[i]),
            bool(roles["only"][i]),
        )
        for i in best
    ]


def _response(codec: Codec, words: list[_Beam], pieces: list[PieceGuess], k: int):
    """Words of every length merged, best first; one entry per decoded word (its best chain)."""
    out: dict[str, WordGuess] = {}
    for b in sorted(words, key=lambda b: (-b.logprob, b.length, b.prefix)):
        text = codec.tokenizer.decode(list(b.prefix)).strip()
        if text and text not in out:
            pcs = tuple(codec.tokenizer.convert_ids_to_tokens(list(b.prefix)))
            out[text] = WordGuess(text, b.logprob, pcs, b.piece_lps)
    return TopWordsResponse(tuple(list(out.values())[:k]), tuple(pieces))
