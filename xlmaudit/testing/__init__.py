"""Helpers for tests (as Captum keeps ``captum/testing``): never imported by the program itself.

- :mod:`xlmaudit.testing.tiny`: tiny random XLM / BERT / RoBERTa models built offline
  (``make_tiny_xlm``, ``make_tiny_bert``, ``make_tiny_roberta``; ``tiny_model_dir``, in
  ``tiny_dir``, builds each once per process); it and ``tiny_multilingual`` are the only modules
  here importing torch/transformers (inside functions).
- :mod:`xlmaudit.testing.tiny_multilingual`: tiny copies of multilingual checkpoints' language
  fields (``make_tiny_xlm_like``), a tiny XLM-R (``make_tiny_xlmr``), mBERT (``make_tiny_mbert``);
  :mod:`xlmaudit.testing.checkpoints`: those fields (``XLM_CHECKPOINTS``), with their sources.
- :mod:`xlmaudit.testing.fake`: ``FakeScorer``, a deterministic scorer with the real interface.
- :mod:`xlmaudit.testing.fixtures`: run directories written through the real runner.
- :mod:`xlmaudit.testing.browser`: a headless Chromium helper for report tests.

The tiny-model names are re-exported here (``from xlmaudit.testing import make_tiny_xlm``);
importing this package imports no torch.
"""

from __future__ import annotations

from xlmaudit.testing.checkpoints import XLM_CHECKPOINTS
from xlmaudit.testing.fake import FakeScorer
from xlmaudit.testing.tiny import (
    BERT_MULTI_PIECE,
    BERT_SPECIALS,
    LANGS,
    MULTI_PIECE,
    PUNCT,
    WORDS,
    XLM_SPECIALS,
    make_tiny_bert,
    make_tiny_roberta,
    make_tiny_xlm,
)
from xlmaudit.testing.tiny_dir import tiny_model_dir
from xlmaudit.testing.tiny_multilingual import make_tiny_mbert, make_tiny_xlm_like, make_tiny_xlmr

__all__ = [
    "BERT_MULTI_PIECE",
    "BERT_SPECIALS",
    "LANGS",
    "MULTI_PIECE",
    "PUNCT",
    "WORDS",
    "XLM_CHECKPOINTS",
    "XLM_SPECIALS",
    "FakeScorer",
    "make_tiny_bert",
    "make_tiny_mbert",
    "make_tiny_roberta",
    "make_tiny_xlm",
    "make_tiny_xlm_like",
    "make_tiny_xlmr",
    "tiny_model_dir",
]
