"""Helpers for tests (as Captum keeps ``captum/testing``): never imported by the program itself.

- :mod:`xlmaudit.testing.tiny`: tiny random XLM / BERT / RoBERTa models built offline
  (``make_tiny_xlm``, ``make_tiny_bert``, ``make_tiny_roberta``, ``tiny_model_dir``); the only
  module of this package that imports torch/transformers (inside its functions).
- :mod:`xlmaudit.testing.fake`: ``FakeScorer``, a deterministic scorer with the real interface.
- :mod:`xlmaudit.testing.fixtures`: run directories written through the real runner.
- :mod:`xlmaudit.testing.browser`: a headless Chromium helper for report tests.

The tiny-model names are re-exported here (``from xlmaudit.testing import make_tiny_xlm``);
importing this package imports no torch.
"""

from __future__ import annotations

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
    tiny_model_dir,
)

__all__ = [
    "BERT_MULTI_PIECE",
    "BERT_SPECIALS",
    "LANGS",
    "MULTI_PIECE",
    "PUNCT",
    "WORDS",
    "XLM_SPECIALS",
    "FakeScorer",
    "make_tiny_bert",
    "make_tiny_roberta",
    "make_tiny_xlm",
    "tiny_model_dir",
]
