"""Multilingual checkpoints through one interface: tiny copies of four XLM hub checkpoints' language
fields (xlmaudit.testing.checkpoints), a tiny XLM-R and a tiny mBERT."""

from __future__ import annotations

import json

import pytest
import torch

from xlmaudit.testing import XLM_CHECKPOINTS, tiny_model_dir
from xlmaudit.testing.checkpoints import id2lang, lang2id

torch.set_num_threads(1)  # tiny models: threads only contend on the shared CPU

CHECKPOINTS = tuple(XLM_CHECKPOINTS)
WITH_LANG_EMB = ("xlm-mlm-enfr-1024", "xlm-mlm-tlm-xnli15-1024")
NO_LANG_EMB = ("xlm-mlm-17-1280", "xlm-mlm-100-1280")


def _json(checkpoint: str, name: str) -> dict:
    return json.loads((tiny_model_dir(checkpoint) / name).read_text())


def test_recorded_fields_are_the_sources_values():
    # ids read off transformers@00e304b tokenization_xlm.py PRETRAINED_INIT_CONFIGURATION
    assert lang2id("xlm-mlm-enfr-1024") == {"en": 0, "fr": 1}
    assert id2lang("xlm-mlm-enfr-1024") == {"0": "en", "1": "fr"}
    xnli, x17, x100 = (lang2id(c) for c in CHECKPOINTS[1:])
    assert (xnli["ar"], xnli["de"], xnli["en"], xnli["fr"], xnli["zh"], len(xnli)) == (
        0, 2, 4, 6, 14, 15)  # fmt: skip
    assert (x17["de"], x17["en"], x17["fr"], x17["zh"], len(x17)) == (1, 2, 4, 16, 17)
    assert (x100["de"], x100["en"], x100["fr"], x100["simple"], x100["zh_yue"]) == (
        21, 23, 30, 76, 99)  # fmt: skip
    assert len(x100) == 100
    # the surprising ones: 17/100 languages but no language embeddings, and cased
    assert [XLM_CHECKPOINTS[c]["use_lang_emb"] for c in CHECKPOINTS] == [True, True, False, False]
    lower = [XLM_CHECKPOINTS[c]["do_lowercase_and_remove_accent"] for c in CHECKPOINTS]
    assert lower == [True, True, False, False]
    for name, spec in XLM_CHECKPOINTS.items():  # lang_id (generate's default) is English's id
        assert spec["n_langs"] == len(spec["languages"])
        assert spec["lang_id"] == lang2id(name)["en"], name


@pytest.mark.parametrize("checkpoint", CHECKPOINTS)
def test_tiny_copy_writes_the_checkpoint_fields(checkpoint):
    from transformers import XLMTokenizer

    spec = XLM_CHECKPOINTS[checkpoint]
    config, tok_config = (
        _json(checkpoint, "config.json"),
        _json(checkpoint, "tokenizer_config.json"),
    )
    assert (config["n_langs"], config["use_lang_emb"], config["lang_id"]) == (
        spec["n_langs"], spec["use_lang_emb"], spec["lang_id"])  # fmt: skip
    for fields in (config, tok_config):
        assert fields["lang2id"] == lang2id(checkpoint)
        assert fields["id2lang"] == id2lang(checkpoint)
    assert tok_config["do_lowercase_and_remove_accent"] is spec["do_lowercase_and_remove_accent"]
    tokenizer = XLMTokenizer.from_pretrained(tiny_model_dir(checkpoint))
    assert tokenizer.lang2id == lang2id(checkpoint)
    assert tokenizer.mask_token == "<special1>" and tokenizer.mask_token_id == 5


@pytest.mark.parametrize("checkpoint", CHECKPOINTS)
def test_language_embedding_table_exists_only_with_use_lang_emb(checkpoint):
    from transformers import XLMWithLMHeadModel

    model = XLMWithLMHeadModel.from_pretrained(tiny_model_dir(checkpoint)).eval()
    ids = torch.tensor([[0, 40, 41, 5, 42, 1]])
    plain = model(ids).logits
    french = model(ids, langs=torch.full_like(ids, lang2id(checkpoint)["fr"])).logits
    if checkpoint in WITH_LANG_EMB:
        assert (
            model.transformer.lang_embeddings.num_embeddings
            == XLM_CHECKPOINTS[checkpoint]["n_langs"]
        )
        assert not torch.allclose(plain, french)
    else:  # XLMModel ignores langs: a langs tensor is neither needed nor used
        assert not hasattr(model.transformer, "lang_embeddings")
        assert torch.equal(plain, french)


@pytest.mark.parametrize(
    ("checkpoint", "pieces"),
    [
        ("xlm-mlm-enfr-1024", ["l'</w>", "homme</w>", "etait</w>", "medecin</w>"]),
        ("xlm-mlm-tlm-xnli15-1024", ["l'</w>", "homme</w>", "etait</w>", "medecin</w>"]),
        ("xlm-mlm-17-1280", ["L'</w>", "homme</w>", "était</w>", "Médecin</w>"]),
        ("xlm-mlm-100-1280", ["L'</w>", "homme</w>", "était</w>", "Médecin</w>"]),
    ],
)
def test_french_moses_and_casing_per_checkpoint(checkpoint, pieces):
    """Under fr, Moses keeps the elided article whole (``l'`` + ``homme``); under en it splits
    ``l`` from ``'homme``. Lowercasing checkpoints strip accents, cased ones keep them."""
    from transformers import XLMTokenizer

    tokenizer = XLMTokenizer.from_pretrained(tiny_model_dir(checkpoint))
    text = "L'homme était Médecin"
    assert tokenizer._tokenize(text, lang="fr") == pieces
    english = tokenizer._tokenize(text, lang="en")
    assert english[:3] == [pieces[0][0] + "</w>", "'", "homme</w>"]


def test_tiny_xlmr_is_sentencepiece_without_languages():
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(tiny_model_dir("xlmr"))
    assert tokenizer.tokenize("la femme était Médecin") == [
        "\u2581la", "\u2581femme", "\u2581était", "\u2581Médecin"]  # fmt: skip
    assert (tokenizer.bos_token_id, tokenizer.pad_token_id, tokenizer.eos_token_id) == (0, 1, 2)
    assert tokenizer.mask_token_id == len(tokenizer) - 1  # <mask> is the last id, as in XLM-R
    assert "lang2id" not in _json("xlmr", "config.json")


def test_tiny_mbert_is_cased_multilingual_wordpiece():
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(tiny_model_dir("mbert"))
    # case and accents kept (mBERT-cased): whole words, then character fallback for MÜDE
    assert tokenizer.tokenize("Die Ärztin war MÜDE") == [
        "Die", "Ärztin", "war", "M", "##Ü", "##D", "##E"]  # fmt: skip
    assert "lang2id" not in _json("mbert", "config.json")
