"""The tiny offline models are in the exact XLM / BERT formats and load through load_model."""

from __future__ import annotations

import json

import pytest
import torch

from xlmaudit.inference import load_model
from xlmaudit.testing import MULTI_PIECE, WORDS, make_tiny_bert, make_tiny_xlm, tiny_model_dir

torch.set_num_threads(1)  # tiny models: threads only contend on the shared CPU


@pytest.fixture(scope="module")
def xlm():
    return load_model(str(tiny_model_dir("xlm")))


def test_xlm_special_ids_match_the_real_dictionary(xlm):
    tok = xlm.tokenizer
    names = ["<s>", "</s>", "<pad>", "<unk>"] + [f"<special{i}>" for i in range(10)]
    assert tok.convert_tokens_to_ids(names) == list(range(14))
    assert (tok.bos_token_id, tok.sep_token_id, tok.pad_token_id, tok.unk_token_id) == (0, 1, 2, 3)


def test_xlm_keeps_the_hub_config_trap_and_mask_comes_from_tokenizer(xlm):
    config = json.loads((tiny_model_dir("xlm") / "config.json").read_text())
    assert config["mask_token_id"] == 0 and config["mask_index"] == 5
    assert xlm.mask_id == 5 and xlm.tokenizer.mask_token == "<special1>"


def test_xlm_words_are_single_word_final_pieces(xlm):
    for word in WORDS:
        assert xlm.tokenizer.tokenize(word) == [word + "</w>"], word


def test_xlm_multi_piece_words_split_as_declared(xlm):
    assert xlm.tokenizer.tokenize("engineer") == ["engin", "eer</w>"]
    for word, pieces in MULTI_PIECE.items():
        assert xlm.tokenizer.tokenize(word) == [*pieces[:-1], pieces[-1] + "</w>"]


def test_xlm_lowercases_strips_accents_and_marks_unknown_characters(xlm):
    tok = xlm.tokenizer
    assert tok.tokenize("The Café") == ["the</w>", "cafe</w>"]
    assert tok.tokenize("zyx")[-1] == "x</w>" and len(tok.tokenize("zyx")) == 3
    assert tok("2026", add_special_tokens=False)["input_ids"] == [3, 3, 3, 3]
    merges = (tiny_model_dir("xlm") / "merges.txt").read_text().splitlines()
    assert all(len(line.split()) == 3 for line in merges)  # fastBPE: "left right count"


def test_bert_is_wordpiece_with_continuations():
    loaded = load_model(str(tiny_model_dir("bert")))
    assert not loaded.is_xlm and loaded.mask_id == loaded.tokenizer.convert_tokens_to_ids("[MASK]")
    assert loaded.tokenizer.tokenize("The engineer café") == ["the", "engine", "##er", "cafe"]
    assert loaded.tokenizer.tokenize("2026") == ["[UNK]"]


def test_multilingual_xlm_has_lang2id_and_language_embeddings(tmp_path):
    path = make_tiny_xlm(tmp_path / "m", n_langs=2)
    loaded = load_model(str(path), language="fr")
    assert loaded.langs_id == 1 and loaded.tokenizer.lang2id == {"en": 0, "fr": 1}
    assert loaded.model.transformer.lang_embeddings.num_embeddings == 2


def test_builds_are_seeded(tmp_path):
    a = load_model(str(make_tiny_bert(tmp_path / "a")))
    b = load_model(str(make_tiny_bert(tmp_path / "b")))
    assert a.fingerprint == b.fingerprint
    c = load_model(str(make_tiny_xlm(tmp_path / "c", seed=1)))
    assert c.fingerprint != load_model(str(tiny_model_dir("xlm"))).fingerprint
