"""A small BPE learner and writer of XLM's fastBPE tokenizer files (``vocab.json``, ``merges.txt``).

Format of ``xlm-mlm-en-2048``: special ids 0..13 (``<s>``, ``</s>``, ``<pad>``, ``<unk>``,
``<special0..9>``; the mask is ``<special1>``), word-final pieces end in ``</w>``, ``merges.txt``
holds one ``left right count`` line per merge in rank order. Every single character of
``ALPHABET`` is in the vocabulary both as a continuation piece and as a word-final piece, so any
lowercase ASCII word tokenizes without ``<unk>``.
"""

from __future__ import annotations

import json
import string
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path

SPECIALS: tuple[str, ...] = ("<s>", "</s>", "<pad>", "<unk>") + tuple(
    f"<special{i}>" for i in range(10)
)
ALPHABET: str = string.ascii_lowercase + string.digits + ".,!?;:'\"-()[]/&%$#@*+=<>_`~|\\{}^"
EOW = "</w>"


def normalize(text: str) -> str:
    """Lowercase and strip accents as ``XLMTokenizer`` does (``do_lowercase_and_remove_accent``):
    NFD, then drop combining marks, so ``Secrétaire`` becomes ``secretaire``."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").lower()


def word_symbols(word: str) -> tuple[str, ...]:
    """Initial BPE symbols of a word: its characters, the last one marked ``</w>``."""
    return tuple(word[:-1]) + (word[-1] + EOW,)


def _merge(symbols: tuple[str, ...], pair: tuple[str, str]) -> tuple[str, ...]:
    out: list[str] = []
    i = 0
    while i < len(symbols):
        if i < len(symbols) - 1 and (symbols[i], symbols[i + 1]) == pair:
            out.append(symbols[i] + symbols[i + 1])
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return tuple(out)


def learn_merges(
    word_counts: Counter[str], *, max_merges: int = 2000, min_count: int = 2
) -> list[tuple[str, str, int]]:
    """Learn merges greedily by pair frequency (ties broken alphabetically, so deterministic)."""
    words = {word_symbols(w): c for w, c in word_counts.items() if w}
    return learn_symbol_merges(words, max_merges=max_merges, min_count=min_count)


def learn_symbol_merges(
    units: Mapping[tuple[str, ...], int], *, max_merges: int = 2000, min_count: int = 2
) -> list[tuple[str, str, int]]:
    """:func:`learn_merges` on units already split into symbols (a unit: its count).

    Lets a caller fix piece boundaries, e.g. ``("e", "n", "g", "i", "n")`` and
    ``("e", "e", "r</w>")`` so that ``engineer`` ends up as ``engin`` + ``eer</w>``.
    """
    words = dict(units)
    merges: list[tuple[str, str, int]] = []
    while len(merges) < max_merges:
        pairs: Counter[tuple[str, str]] = Counter()
        for syms, c in words.items():
            for pair in zip(syms, syms[1:], strict=False):
                pairs[pair] += c
        if not pairs:
            break
        best, count = min(pairs.items(), key=lambda kv: (-kv[1], kv[0]))
        if count < min_count:
            break
        merges.append((best[0], best[1], count))
        words = {_merge(s, best): c for s, c in words.items()}
    return merges


def _derivation(word: str, ranks: dict[tuple[str, str], int]) -> list[tuple[str, str]]:
    """The merges ``apply_bpe`` uses on ``word``, in order."""
    symbols, used = word_symbols(word), []
    while len(symbols) > 1:
        best = min(
            zip(symbols, symbols[1:], strict=False), key=lambda p: ranks.get(p, float("inf"))
        )
        if best not in ranks:
            break
        used.append(best)
        symbols = _merge(symbols, best)
    return used


def split_words(
    merges: list[tuple[str, str, int]], words: Iterable[str], targets: dict[str, int]
) -> list[tuple[str, str, int]]:
    """Drop the last merges of each ``targets`` word until it has that many pieces.

    A merge that another word of ``words`` uses is never dropped, so only the target words change.
    """
    ranks = {(a, b): i for i, (a, b, _) in enumerate(merges)}
    others = {m for w in words if w not in targets for m in _derivation(w, ranks)}
    dropped: set[tuple[str, str]] = set()
    for word, n_pieces in targets.items():
        for _ in range(n_pieces - 1):
            kept = {p: r for p, r in ranks.items() if p not in dropped}
            chain = _derivation(word, kept)
            if not chain or chain[-1] in others:
                break
            dropped.add(chain[-1])
    return [m for m in merges if (m[0], m[1]) not in dropped]


def build_vocab(merges: Iterable[tuple[str, str, int]]) -> dict[str, int]:
    """Specials 0..13, then every alphabet character (bare and ``</w>``), then merge results."""
    tokens = list(SPECIALS) + list(ALPHABET) + [c + EOW for c in ALPHABET]
    tokens += [left + right for left, right, _ in merges]
    vocab: dict[str, int] = {}
    for tok in tokens:
        vocab.setdefault(tok, len(vocab))
    return vocab


def apply_bpe(word: str, ranks: dict[tuple[str, str], int]) -> tuple[str, ...]:
    """Segment one (lowercase) word exactly as ``XLMTokenizer.bpe`` does."""
    symbols = word_symbols(word)
    for pair in _derivation(word, ranks):
        symbols = _merge(symbols, pair)
    return symbols


def write_tokenizer(
    out: Path,
    merges: list[tuple[str, str, int]],
    *,
    max_length: int,
    vocab: Mapping[str, int] | None = None,
    config: Mapping[str, object] | None = None,
) -> dict[str, int]:
    """Write ``vocab.json``, ``merges.txt`` and ``tokenizer_config.json`` into ``out``.

    ``vocab`` defaults to :func:`build_vocab` of ``merges``; ``config`` adds keys to
    ``tokenizer_config.json`` (e.g. ``lang2id``). Returns the vocabulary written.
    """
    vocab = dict(vocab) if vocab is not None else build_vocab(merges)
    (out / "vocab.json").write_text(json.dumps(vocab, indent=2, ensure_ascii=False) + "\n")
    lines = "".join(f"{left} {right} {count}\n" for left, right, count in merges)
    (out / "merges.txt").write_text(lines, encoding="utf-8")
    settings = {
        "tokenizer_class": "XLMTokenizer",
        "do_lowercase_and_remove_accent": True,
        "model_max_length": max_length,
        **(config or {}),
    }
    (out / "tokenizer_config.json").write_text(json.dumps(settings, indent=2) + "\n")
    return vocab


def learn_tokenizer(sentences: Iterable[str], split: dict[str, int]) -> list[tuple[str, str, int]]:
    """Merges learned on the words of pre-tokenised lowercase ``sentences``, ``split`` applied."""
    counts: Counter[str] = Counter(w for s in sentences for w in normalize(s).split())
    return split_words(learn_merges(counts), counts, split)


class FastEncoder:
    """Encodes pre-tokenised lowercase sentences to ids (``<s> ... </s>``) like ``XLMTokenizer``.

    Only for the generated corpus, whose text is already Moses-tokenised (accents are stripped
    here, as the tokenizer does); a test checks that it agrees with ``XLMTokenizer`` on the corpus.
    """

    def __init__(self, merges: list[tuple[str, str, int]]) -> None:
        self.vocab = build_vocab(merges)
        self.ranks = {(a, b): i for i, (a, b, _) in enumerate(merges)}
        self._cache: dict[str, list[int]] = {}

    def word_ids(self, word: str) -> list[int]:
        if word not in self._cache:
            unk = self.vocab["<unk>"]
            self._cache[word] = [self.vocab.get(p, unk) for p in apply_bpe(word, self.ranks)]
        return self._cache[word]

    def encode(self, sentence: str) -> list[int]:
        ids = [self.vocab["<s>"]]
        for word in normalize(sentence).split():
            ids += self.word_ids(word)
        return ids + [self.vocab["</s>"]]
