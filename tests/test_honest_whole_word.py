"""Issue 21: whole-word HONEST's progress total and the words its beam search may return."""

from __future__ import annotations

import re

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
    words = scorer.score([TopWordsRequest(TEXTS[2], k=10, max_pieces=3)])[0].words
    assert "lawy'" not in {w.word for w in words}
    assert {"lawyer", "them", "lawylawyse"} <= {w.word for w in words}  # multi-piece words stay
