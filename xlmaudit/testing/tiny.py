"""Tiny offline models for tests: an XLM-format and a BERT-format masked LM with random weights.

``make_tiny_xlm(dir)`` writes a hand-made fastBPE tokenizer (``vocab.json`` + ``merges.txt``,
special ids 0..13 as in ``xlm-mlm-en-2048``, ``</w>`` word-final pieces, lowercasing and accent
stripping), a small ``XLMConfig`` (keeping the hub's wrong ``mask_token_id: 0`` on purpose; the real
mask is ``<special1>`` = 5) and seeded random ``XLMWithLMHeadModel`` weights (safetensors).
``make_tiny_bert(dir)`` does the same for a WordPiece (``##``) BERT model and
``make_tiny_roberta(dir)`` for a byte-level BPE (``Ġ``) RoBERTa model. All load through
``xlmaudit.inference.load_model(path)``; ``xlmaudit.testing.tiny_model_dir(kind)`` builds each
once per process.
Each ``config.json`` carries ``xlmaudit_random_weights: true``, so the loaded model reports
``random_weights`` and runs on it are marked as meaningless.

Vocabulary facts tests can rely on:

- every word in ``WORDS`` is a single piece (``he</w>``), except ``MULTI_PIECE`` words, whose
  pieces are listed there (``engineer`` -> ``engin`` + ``eer</w>``);
- ``café`` is accent-stripped to ``cafe</w>`` (XLM) / ``cafe`` (BERT);
- any other lowercase word falls back to single characters (several pieces, not unknown);
- digits are not in either vocabulary, so ``2026`` tokenizes to unknown pieces.
"""

from __future__ import annotations

import json
import string
from collections import Counter
from pathlib import Path

from xlmaudit.planted.bpe import learn_symbol_merges, write_tokenizer

XLM_SPECIALS: tuple[str, ...] = ("<s>", "</s>", "<pad>", "<unk>") + tuple(
    f"<special{i}>" for i in range(10)
)
WORDS: tuple[str, ...] = (
    "the", "a", "an", "doctor", "nurse", "said", "that", "he", "she", "him", "her", "his",
    "they", "them", "their", "was", "is", "were", "late", "tired", "man", "woman", "men",
    "women", "boy", "girl", "teacher", "lawyer", "cook", "because", "and", "to", "of", "in",
    "for", "with", "on", "at", "as", "be", "by", "it", "i", "you", "we", "not", "very", "good",
    "bad", "work", "home", "always", "never", "people", "are", "cafe", "smart", "kind",
)  # fmt: skip
MULTI_PIECE: dict[str, tuple[str, ...]] = {
    "engineer": ("engin", "eer"),
    "secretary": ("secre", "tary"),
    "firefighter": ("fire", "figh", "ter"),
}
PUNCT: tuple[str, ...] = (".", ",", "!", "?", "'", '"', "-", ":", ";", "(", ")")
LANGS: tuple[str, ...] = ("en", "fr")


def _xlm_pieces(word: str) -> list[str]:
    parts = list(MULTI_PIECE.get(word, (word,)))
    parts[-1] += "</w>"
    return parts


def _units(words: tuple[str, ...]) -> Counter[tuple[str, ...]]:
    """Training units for the BPE learner: each target piece as symbols (``</w>`` on word ends)."""
    units: Counter[tuple[str, ...]] = Counter()
    for word in words + tuple(MULTI_PIECE):
        for piece in _xlm_pieces(word):
            chars = list(piece[:-4]) if piece.endswith("</w>") else list(piece)
            if piece.endswith("</w>"):
                chars[-1] += "</w>"
            units[tuple(chars)] += 1
    return units


def xlm_vocab_and_merges(
    words: tuple[str, ...] = WORDS, letters: str = string.ascii_lowercase, bare_punct: bool = False
) -> tuple[dict[str, int], list[tuple[str, str, int]]]:
    """Merges learned until every unit of ``words`` is whole (planted/bpe.py's learner), then each
    of ``letters`` bare and word-final; the vocabulary has no digits, so ``2026`` is unknown."""
    merges = learn_symbol_merges(_units(words), max_merges=10**6, min_count=1)
    tokens = list(XLM_SPECIALS) + [a + b for a, b, _ in merges]
    tokens += list(letters) + [c + "</w>" for c in letters] + [p + "</w>" for p in PUNCT]
    tokens += list(PUNCT) if bare_punct else []
    vocab: dict[str, int] = {}
    for tok in tokens:
        vocab.setdefault(tok, len(vocab))
    return vocab, merges


def _write_xlm_tokenizer(out: Path, *, n_langs: int, max_length: int = 128) -> dict[str, int]:
    vocab, merges = xlm_vocab_and_merges()
    langs: dict[str, object] = {}
    if n_langs > 1:
        langs["lang2id"] = {lang: i for i, lang in enumerate(LANGS[:n_langs])}
        langs["id2lang"] = {str(i): lang for i, lang in enumerate(LANGS[:n_langs])}
    return write_tokenizer(out, merges, max_length=max_length, vocab=vocab, config=langs)


def _save(model: object, out: Path) -> None:
    """Save ``model`` as safetensors, its config marked as random weights."""
    from transformers.utils import logging as hf_logging

    from xlmaudit.inference.loader import RANDOM_MARKER

    setattr(model.config, RANDOM_MARKER, True)  # type: ignore[attr-defined]

    bar = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        model.save_pretrained(out, safe_serialization=True)  # type: ignore[attr-defined]
    finally:
        if bar:
            hf_logging.enable_progress_bar()


def make_tiny_xlm(
    dir: str | Path, *, n_langs: int = 1, seed: int = 0, max_positions: int = 128
) -> Path:
    """Write a tiny random XLM-format masked LM (tokenizer, config, safetensors) to ``dir``
    (``max_positions``: longer for real benchmark text, which the character-level tokenizer
    splits into many pieces)."""
    import torch
    from transformers import XLMConfig, XLMWithLMHeadModel

    if not 1 <= n_langs <= len(LANGS):
        raise ValueError(f"n_langs must be 1..{len(LANGS)}, got {n_langs}")
    out = Path(dir)
    out.mkdir(parents=True, exist_ok=True)
    vocab = _write_xlm_tokenizer(out, n_langs=n_langs, max_length=max_positions)
    langs = {"lang2id": {g: i for i, g in enumerate(LANGS[:n_langs])}} if n_langs > 1 else {}
    if langs:
        langs["id2lang"] = {i: g for g, i in langs["lang2id"].items()}
    config = XLMConfig(
        vocab_size=len(vocab), emb_dim=32, n_layers=2, n_heads=2,
        max_position_embeddings=max_positions, n_langs=n_langs, use_lang_emb=True, mask_index=5,
        mask_token_id=0, unk_index=3, pad_index=2, bos_index=0, eos_index=1, embed_init_std=0.5,
        init_std=0.2, **langs,
    )  # fmt: skip
    torch.manual_seed(seed)
    model = XLMWithLMHeadModel(config).eval()
    _save(model, out)
    return out


BERT_SPECIALS: tuple[str, ...] = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")
BERT_MULTI_PIECE: dict[str, tuple[str, ...]] = {
    "engineer": ("engine", "##er"),
    "secretary": ("secret", "##ary"),
}


def make_tiny_bert(
    dir: str | Path,
    *,
    seed: int = 0,
    words: tuple[str, ...] = WORDS,
    letters: str = string.ascii_lowercase,
    lowercase: bool = True,
) -> Path:
    """Write a tiny random BERT-style WordPiece masked LM to ``dir`` (``words`` whole, ``letters``
    bare and ``##``; ``lowercase`` False keeps case and accents, as mBERT-cased)."""
    import torch
    from transformers import BertConfig, BertForMaskedLM, BertTokenizer

    out = Path(dir)
    out.mkdir(parents=True, exist_ok=True)
    tokens = list(BERT_SPECIALS) + list(words) + list(PUNCT)
    for pieces in BERT_MULTI_PIECE.values():
        tokens += list(pieces)
    tokens += list(letters) + [f"##{c}" for c in letters]
    tokens = list(dict.fromkeys(tokens))
    vocab = {tok: i for i, tok in enumerate(tokens)}
    tokenizer = BertTokenizer(vocab=vocab, do_lower_case=lowercase, model_max_length=128)
    tokenizer.save_pretrained(out)
    config = BertConfig(
        vocab_size=len(tokens), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
        intermediate_size=64, max_position_embeddings=128, pad_token_id=0, initializer_range=0.3,
    )  # fmt: skip
    torch.manual_seed(seed)
    model = BertForMaskedLM(config).eval()
    _save(model, out)
    return out


def make_tiny_roberta(dir: str | Path, *, seed: int = 0) -> Path:
    """Write a tiny random RoBERTa-style (byte-level BPE, ``Ġ`` word starts) masked LM to ``dir``.

    The BPE is trained on the probe words, so common words are one ``Ġword`` piece and rarer
    ones split; the mask token does not absorb the space before it (the harder case).
    """
    import torch
    from tokenizers import ByteLevelBPETokenizer
    from transformers import RobertaConfig, RobertaForMaskedLM, RobertaTokenizer

    out = Path(dir)
    out.mkdir(parents=True, exist_ok=True)
    specials = ["<s>", "<pad>", "</s>", "<unk>", "<mask>"]
    corpus = [" ".join(WORDS)] * 50 + ["the doctor said that he was late.", "she was tired!"] * 20
    bpe = ByteLevelBPETokenizer()
    bpe.train_from_iterator(corpus, vocab_size=400, min_frequency=2, special_tokens=specials,
                            show_progress=False)  # fmt: skip
    model_json = json.loads(bpe._tokenizer.to_str())["model"]
    merges = [tuple(m.split()) if isinstance(m, str) else tuple(m) for m in model_json["merges"]]
    tokenizer = RobertaTokenizer(vocab=model_json["vocab"], merges=merges, model_max_length=126)
    tokenizer.save_pretrained(out)
    config = RobertaConfig(
        vocab_size=len(tokenizer), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
        intermediate_size=64, max_position_embeddings=128, pad_token_id=tokenizer.pad_token_id,
        bos_token_id=0, eos_token_id=2, initializer_range=0.3,
    )  # fmt: skip
    torch.manual_seed(seed)
    _save(RobertaForMaskedLM(config).eval(), out)
    return out
