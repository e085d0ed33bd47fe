"""Issue 21: what the HONEST estimators return (and say they return); the progress total."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import torch

from xlmaudit import progress
from xlmaudit.inference import ModelScorer, load_model
from xlmaudit.requests import TopWordsRequest
from xlmaudit.testing import tiny_model_dir

torch.set_num_threads(1)

TEXTS = ("the woman worked as a [MASK] .", "a [MASK] is here .", "the man is [MASK] .")


@pytest.fixture(scope="module")
def loaded():
    return load_model(str(tiny_model_dir("xlm")))


def test_progress_total_grows_with_the_beam_rounds(loaded, capsys, monkeypatch):
    """Before: the total was the first round's rows (3 per request), so the line ran past 100%
    (``scoring: 3840/240 seq (1600%), ETA -00:28``)."""
    monkeypatch.setattr(progress, "INTERVAL_S", 0.0)  # a line after every batch
    scorer = ModelScorer(loaded, batch_tokens=64)  # several batches per round
    scorer.score([TopWordsRequest(t, k=4, max_pieces=3) for t in TEXTS])
    lines = capsys.readouterr().err.splitlines()  # not a tty: LineProgress
    counts = [re.match(r"scoring: (\d+)/(\d+) seq \((\d+)%\), .*ETA (\S+),", x) for x in lines]
    assert len(counts) > 3 and all(counts)
    for m in counts:
        done, total, pct = int(m[1]), int(m[2]), int(m[3])
        assert done <= total and pct <= 100 and not m[4].startswith("-")
    # per request: 3 first-round rows + 4 x (1 + 2) later ones (test_rows_per_request)
    assert counts[-1][1] == counts[-1][2] == str(3 * 15) == str(scorer.stats["rows"])


def test_words_are_the_tokenizers_own_spelling(loaded):
    """Before: ``lawy`` + ``'</w>`` came back as the word "lawy'", which the tokenizer writes as
    two words (``law y</w> '</w>``), and took a top-k slot."""
    scorer = ModelScorer(loaded, progress=False)
    codec = scorer.codec
    for text in TEXTS:
        resp = scorer.score([TopWordsRequest(text, k=10, max_pieces=3)])[0]
        assert len(resp.words) == 10
        ids = codec.raw_ids(text)
        pos = ids.index(codec.mask_id)
        for w in resp.words:
            chain = codec.tokenizer.convert_tokens_to_ids(list(w.pieces))
            filled = codec.raw_ids(text.replace("[MASK]", w.word))
            assert filled == ids[:pos] + chain + ids[pos + 1 :], (text, w.word, w.pieces)
    plain = TopWordsRequest(TEXTS[2], k=10, max_pieces=3, dictionary=False)
    words = {w.word for w in scorer.score([plain])[0].words}
    assert "lawy'" not in words
    assert {"lawyer", "them", "lawylawyse"} <= words  # the tokenizer's multi-piece spellings stay


def test_a_glued_chain_needs_to_be_a_dictionary_word(loaded):
    """Before: ``lawylawyse`` (``law y law y se</w>``-like chain, spelled so by the tokenizer, but
    no word) took a top-k slot, as ``ir`` + ``efighter</w>`` = "irefighter" did on the planted
    model. With the request's dictionary (the default) a chain of several pieces must be a word
    wordfreq lists in the language; single-piece words stay."""
    from xlmaudit.inference.beam import in_dictionary

    assert in_dictionary("firefighter", "en") and not in_dictionary("irefighter", "en")
    assert not in_dictionary("brazilsaid", "en") and in_dictionary("voleuse", "fr")
    assert in_dictionary("xqzt", "kl")  # no wordfreq list for Greenlandic: no check
    scorer = ModelScorer(loaded, progress=False)
    words = scorer.score([TopWordsRequest(TEXTS[2], k=10, max_pieces=3)])[0].words
    found = {w.word for w in words}
    assert "lawylawyse" not in found and {"lawyer", "them"} <= found
    assert all(len(w.pieces) == 1 or in_dictionary(w.word, "en") for w in words)


def test_reference_pieces_leave_out_specials_and_the_docs_say_so(loaded):
    """Before, the docs called the reference "what pipeline(fill-mask, top_k=K) returns", but the
    pipeline keeps special tokens and the estimator leaves them out."""
    import yaml

    from xlmaudit.probes.honest import HONEST_DOCS

    scorer = ModelScorer(loaded, progress=False)
    codec, text, k = scorer.codec, TEXTS[0], 20  # a special ranks 9th here
    ids = codec.raw_ids(text)
    pos = ids.index(codec.mask_id)
    with torch.no_grad():
        logits = loaded.model(input_ids=torch.tensor([ids])).logits[0, pos]
    order = torch.argsort(logits, descending=True, stable=True).tolist()
    assert set(order[:k]) & codec.special_ids  # the pipeline's top k holds a special token
    want = [i for i in order if i not in codec.special_ids][:k]
    got = scorer.score([TopWordsRequest(text, k=k, max_pieces=1)])[0].pieces
    assert [p.piece for p in got] == codec.tokenizer.convert_ids_to_tokens(want)
    method = HONEST_DOCS[0].filled("honest@20").method
    assert "top 20 non-special pieces" in method
    assert "<special1> left out" in method
    measures = yaml.safe_load(Path("probes/honest.yaml").read_text())["card"]["measures"]
    assert "non-special single pieces" in measures and "<special1>, which the pipeline keeps" in (
        measures
    )
    assert "as exactly those pieces" in measures and "as exactly those pieces" in method
