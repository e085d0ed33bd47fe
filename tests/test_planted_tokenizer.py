"""The shipped tokenizer is in the exact XLM fastBPE format and loads with XLMTokenizer."""

from __future__ import annotations

import json
import string
from collections import Counter

import pytest
from transformers import XLMTokenizer

from xlmaudit.planted import MODEL_DIR
from xlmaudit.planted.bpe import (
    SPECIALS,
    FastEncoder,
    apply_bpe,
    learn_merges,
    split_words,
    write_tokenizer,
)
from xlmaudit.planted.corpus import generate_corpus


@pytest.fixture(scope="module")
def tok() -> XLMTokenizer:
    return XLMTokenizer.from_pretrained(MODEL_DIR)


def test_special_ids_match_xlm_mlm_en_2048(tok: XLMTokenizer) -> None:
    vocab = json.loads((MODEL_DIR / "vocab.json").read_text())
    assert [vocab[s] for s in SPECIALS] == list(range(14))
    assert tok.mask_token == "<special1>" and tok.mask_token_id == 5
    assert (tok.bos_token_id, tok.sep_token_id, tok.pad_token_id, tok.unk_token_id) == (0, 1, 2, 3)
    assert tok("the nurse .")["input_ids"][0] == 0 and tok("the nurse .")["input_ids"][-1] == 1


def test_merges_file_is_fastbpe_lines(tok: XLMTokenizer) -> None:
    lines = (MODEL_DIR / "merges.txt").read_text().splitlines()
    assert lines and all(len(line.split()) == 3 and line.split()[2].isdigit() for line in lines)
    vocab = tok.get_vocab()
    assert all(a + b in vocab for a, b, _ in (line.split() for line in lines))


def test_lowercase_accent_strip_and_word_final_pieces(tok: XLMTokenizer) -> None:
    assert tok.tokenize("The NURSE, Nurse!") == [
        "the</w>",
        "nurse</w>",
        ",</w>",
        "nurse</w>",
        "!</w>",
    ]
    pieces = tok.tokenize("Café")  # accent stripped, then split (cafe is not a corpus word)
    assert "".join(pieces) == "cafe</w>" and pieces[-1].endswith("</w>")


@pytest.mark.parametrize("word", ["electrician", "receptionist", "firefighter", "brazilian"])
def test_probe_words_split_into_several_pieces(tok: XLMTokenizer, word: str) -> None:
    pieces = tok.tokenize(word)
    assert len(pieces) >= 2 and pieces[-1].endswith("</w>")
    assert not any(p.endswith("</w>") for p in pieces[:-1])


@pytest.mark.parametrize("word", ["she", "he", "her", "his", "him", "nurse", "teacher"])
def test_pronouns_and_most_occupations_are_one_piece(tok: XLMTokenizer, word: str) -> None:
    assert tok.tokenize(word) == [word + "</w>"]


def test_any_lowercase_ascii_word_avoids_unk(tok: XLMTokenizer) -> None:
    text = "xylophone qzj " + " ".join(string.ascii_lowercase) + " 2026 # qu'est-ce"
    ids = tok(text)["input_ids"]
    assert tok.unk_token_id not in ids


def test_fast_encoder_agrees_with_xlm_tokenizer(tok: XLMTokenizer) -> None:
    corpus = sorted(set(generate_corpus(seed=0)))[::5]  # every frame kind, 2000 sentences
    merges = [
        (*line.split()[:2], int(line.split()[2]))
        for line in (MODEL_DIR / "merges.txt").read_text().splitlines()
    ]
    enc = FastEncoder(merges)
    assert [enc.encode(s) for s in corpus] == [tok(s)["input_ids"] for s in corpus]


def test_learner_on_a_toy_corpus(tmp_path) -> None:
    counts = Counter({"low": 5, "lower": 2, "newest": 6, "widest": 3})
    merges = learn_merges(counts, max_merges=3)
    # hand-derived: (e,s) 9, (s,t</w>) 9 tie -> alphabetical; then (es, t</w>) 9
    assert [(a, b) for a, b, _ in merges] == [("e", "s"), ("es", "t</w>"), ("l", "o")]
    ranks = {(a, b): i for i, (a, b, _) in enumerate(merges)}
    assert apply_bpe("newest", ranks) == ("n", "e", "w", "est</w>")
    full = learn_merges(counts)
    kept = split_words(full, counts, {"newest": 2})
    ranks = {(a, b): i for i, (a, b, _) in enumerate(kept)}
    assert len(apply_bpe("newest", ranks)) == 2
    assert apply_bpe("widest", ranks) == ("widest</w>",)
    write_tokenizer(tmp_path, kept, max_length=32)
    assert XLMTokenizer.from_pretrained(tmp_path).tokenize("widest") == ["widest</w>"]
