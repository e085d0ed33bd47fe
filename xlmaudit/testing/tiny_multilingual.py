"""Tiny multilingual test models: XLM copies of hub checkpoints' language fields, XLM-R, mBERT.

``make_tiny_xlm_like(dir, checkpoint)`` writes a tiny random XLM whose ``config.json`` and
``tokenizer_config.json`` carry the checkpoint's exact ``n_langs``, ``use_lang_emb``, ``lang_id``,
``lang2id`` / ``id2lang`` and ``do_lowercase_and_remove_accent``
(:data:`xlmaudit.testing.checkpoints.XLM_CHECKPOINTS`): ``xlm-mlm-17-1280`` and
``xlm-mlm-100-1280`` get no language embedding table and a cased tokenizer.
``make_tiny_xlmr(dir)`` writes a sentencepiece-style (Unigram, ``▁``) XLM-RoBERTa and
``make_tiny_mbert(dir)`` a cased multilingual WordPiece BERT; neither has language ids.

Vocabulary facts tests can rely on: every word of ``WORDS`` and ``MULTILINGUAL_WORDS`` is one
piece (XLM: ``homme</w>``; XLM-R: ``▁homme``; mBERT: ``homme``), French elided articles too
(``l'</w>``, the piece Moses gives ``l'homme`` under ``fr``; under ``en`` it reads ``l</w>``,
``'``, ``homme</w>``); the cased models also know the accented and capitalised forms
(``médecin``, ``Le``); any other word falls back to single characters (``LETTERS``).
"""

from __future__ import annotations

import string
import unicodedata
from pathlib import Path

from xlmaudit.planted.bpe import write_tokenizer
from xlmaudit.testing.checkpoints import XLM_CHECKPOINTS, id2lang, lang2id
from xlmaudit.testing.tiny import PUNCT, WORDS, _save, make_tiny_bert, xlm_vocab_and_merges

FR_WORDS: tuple[str, ...] = (
    "le", "la", "les", "l'", "un", "une", "homme", "femme", "hommes", "femmes", "médecin",
    "infirmière", "infirmier", "ingénieur", "ingénieure", "est", "était", "il", "elle", "qu'",
    "c'", "que", "de", "et", "fatigué", "fatiguée", "retard", "dit", "travail", "très",
)  # fmt: skip
DE_WORDS: tuple[str, ...] = (
    "der", "die", "das", "mann", "frau", "arzt", "ärztin", "ist", "war", "er", "sie", "müde",
    "und", "krankenschwester", "ingenieurin",
)  # fmt: skip
ACCENTED = "àâçéèêëîïôùûüÿœæäöß"
LETTERS = string.ascii_letters + ACCENTED + ACCENTED.upper().replace("SS", "")


def _strip(word: str) -> str:
    """XLM's ``lowercase_and_remove_accent`` on one word."""
    nfd = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in nfd if unicodedata.category(c) != "Mn")


def _words(*, cased: bool) -> tuple[str, ...]:
    """The whole-piece words: English, French, German; cased models add accented and capitalised
    forms, lowercasing ones their accent-stripped forms."""
    base = WORDS + FR_WORDS + DE_WORDS
    extra = [w[:1].upper() + w[1:] for w in base] if cased else [_strip(w) for w in base]
    return tuple(dict.fromkeys((*base, *extra) if cased else extra))


MULTILINGUAL_WORDS: tuple[str, ...] = FR_WORDS + DE_WORDS


def make_tiny_xlm_like(
    dir: str | Path, checkpoint: str = "xlm-mlm-enfr-1024", *, seed: int = 0, positions: int = 128
) -> Path:
    """Write a tiny random XLM with ``checkpoint``'s language fields to ``dir`` (``positions``:
    its maximum length; a sentence of unknown script is one piece per character)."""
    import torch
    from transformers import XLMConfig, XLMWithLMHeadModel

    if checkpoint not in XLM_CHECKPOINTS:
        raise ValueError(f"unknown checkpoint {checkpoint!r}; known: {', '.join(XLM_CHECKPOINTS)}")
    spec = XLM_CHECKPOINTS[checkpoint]
    lower = bool(spec["do_lowercase_and_remove_accent"])
    out = Path(dir)
    out.mkdir(parents=True, exist_ok=True)
    letters = string.ascii_lowercase if lower else LETTERS
    vocab, merges = xlm_vocab_and_merges(_words(cased=not lower), letters, bare_punct=True)
    langs = {"lang2id": lang2id(checkpoint), "id2lang": id2lang(checkpoint)}
    write_tokenizer(out, merges, max_length=positions, vocab=vocab,
                    config={**langs, "do_lowercase_and_remove_accent": lower})  # fmt: skip
    config = XLMConfig(
        vocab_size=len(vocab), emb_dim=32, n_layers=2, n_heads=2,
        max_position_embeddings=positions,
        n_langs=spec["n_langs"], use_lang_emb=spec["use_lang_emb"], lang_id=spec["lang_id"],
        mask_index=5, mask_token_id=0, unk_index=3, pad_index=2, bos_index=0, eos_index=1,
        embed_init_std=0.5, init_std=0.2, xlmaudit_tiny_of=checkpoint, **langs,
    )  # fmt: skip
    torch.manual_seed(seed)
    _save(XLMWithLMHeadModel(config).eval(), out)
    return out


XLMR_SPECIALS: tuple[str, ...] = ("<s>", "<pad>", "</s>", "<unk>")


def make_tiny_xlmr(dir: str | Path, *, seed: int = 0) -> Path:
    """Write a tiny random XLM-RoBERTa (Unigram sentencepiece vocabulary, ``▁`` word starts, cased,
    ``<mask>`` the last id as in ``xlm-roberta-base``) to ``dir``."""
    import torch
    from transformers import XLMRobertaConfig, XLMRobertaForMaskedLM, XLMRobertaTokenizer

    out = Path(dir)
    out.mkdir(parents=True, exist_ok=True)
    pieces = [(s, 0.0) for s in XLMR_SPECIALS]
    pieces += [("\u2581" + w, -2.0) for w in _words(cased=True)]
    pieces += [(p, -6.0) for p in PUNCT] + [("\u2581", -8.0)]
    pieces += [(c, -10.0) for c in LETTERS] + [("\u2581" + c, -10.0) for c in LETTERS]
    vocab = list({p: (p, s) for p, s in pieces}.values()) + [("<mask>", 0.0)]
    tokenizer = XLMRobertaTokenizer(vocab=vocab, model_max_length=126)
    tokenizer.save_pretrained(out)
    config = XLMRobertaConfig(
        vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
        intermediate_size=64, max_position_embeddings=128, pad_token_id=1, bos_token_id=0,
        eos_token_id=2, initializer_range=0.3,
    )  # fmt: skip
    torch.manual_seed(seed)
    _save(XLMRobertaForMaskedLM(config).eval(), out)
    return out


def make_tiny_mbert(dir: str | Path, *, seed: int = 0) -> Path:
    """Write a tiny random mBERT-style (cased multilingual WordPiece) masked LM to ``dir``."""
    return make_tiny_bert(dir, seed=seed, words=_words(cased=True), letters=LETTERS,
                          lowercase=False)  # fmt: skip
