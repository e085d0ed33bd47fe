"""Language fields of the multilingual XLM hub checkpoints, for faithful tiny test models.

Torch-free data. ``make_tiny_xlm_like(dir, checkpoint)`` (:mod:`xlmaudit.testing.tiny_multilingual`)
writes a tiny random model carrying exactly these fields. No hub access was used; the values come
from sources that copied the hub files:

- ``languages`` (id order, so ``lang2id[lang]`` is the list index and ``id2lang[str(i)]`` the
  entry) and ``do_lowercase_and_remove_accent``: huggingface/transformers
  ``src/transformers/tokenization_xlm.py`` ``PRETRAINED_INIT_CONFIGURATION`` at commit
  00e304b56f3822c46c9bd2b3c36c8f3efab27aef (the tokenizer settings shipped for each hub name,
  removed from later releases).
- ``n_langs``, ``use_lang_emb``, ``lang_id``, ``vocab_size``, ``emb_dim``, ``n_layers``: the
  hub ``config.json`` values as ported in PaddlePaddle/PaddleNLP
  ``paddlenlp/transformers/xlm/configuration.py`` ``XLM_PRETRAINED_INIT_CONFIGURATION`` at commit
  1b607dc6ece37409c71883d4c05f69f603433138 (named ``use_lang_embeddings`` there); transformers'
  ``docs/source/en/multilingual.md`` (commit 712f25d76609c56a7dc07ffac7f0b1822e2cea5c) agrees:
  "XLM without language embeddings: xlm-mlm-17-1280, xlm-mlm-100-1280"; huggingface/transformers
  PR #1092 added ``use_lang_emb`` to ``XLMConfig`` because "XLM-17 & XLM-100 ... don't have
  language embedding", and issue #1243 observed identical outputs for xlm-mlm-100-1280 with and
  without ``langs``.

Surprising facts the tests pin:

- ``xlm-mlm-17-1280`` and ``xlm-mlm-100-1280`` have ``n_langs`` 17 / 100 and a ``lang2id``, but
  ``use_lang_emb`` false: ``XLMModel`` builds no language embedding table and ignores ``langs``;
  the language only changes the Moses pre-tokenisation. A ``langs`` tensor must not be required.
- They are *cased*: ``do_lowercase_and_remove_accent`` false (accents and capitals reach the BPE),
  while ``xlm-mlm-enfr-1024`` and ``xlm-mlm-tlm-xnli15-1024`` lowercase and strip accents.
- English is not id 0 everywhere: ``en`` is 0 (enfr), 4 (xnli15), 2 (17) and 23 (100), and each
  config's ``lang_id`` (the id ``generate`` uses by default) is English's id.
- ``xlm-mlm-100-1280`` has non-ISO codes (``als``, ``simple``, ``zh_classical``, ...).
"""

from __future__ import annotations

from typing import Any

SOURCES: dict[str, str] = {
    "tokenizer": "huggingface/transformers@00e304b56f3822c46c9bd2b3c36c8f3efab27aef:"
    "src/transformers/tokenization_xlm.py (PRETRAINED_INIT_CONFIGURATION)",
    "config": "PaddlePaddle/PaddleNLP@1b607dc6ece37409c71883d4c05f69f603433138:"
    "paddlenlp/transformers/xlm/configuration.py (XLM_PRETRAINED_INIT_CONFIGURATION, a port of "
    "the hub config.json)",
    "docs": "huggingface/transformers@712f25d76609c56a7dc07ffac7f0b1822e2cea5c:"
    "docs/source/en/multilingual.md (XLM with / without language embeddings)",
    "use_lang_emb": "huggingface/transformers PR #1092 (adds use_lang_emb for XLM-17/XLM-100)",
    "xlm-roberta-base": "facebookresearch/fairseq@6034aea96bc3ae8e805aa47ae289b53457aa7372:"
    "examples/xlmr/README.md (the 100 training languages)",
    "bert-base-multilingual-cased": "tensorflow/models@bfab9506a1c8c4a49e8c1232846354f89837144b:"
    "research/bert/multilingual.md (a copy of google-research/bert multilingual.md, List of "
    "Languages)",
}

_XNLI15 = ("ar", "bg", "de", "el", "en", "es", "fr", "hi", "ru", "sw", "th", "tr", "ur", "vi", "zh")
_XLM17 = ("ar", "de", "en", "es", "fr", "hi", "it", "ja", "ko", "nl", "pl", "pt", "ru", "sv", "tr",
          "vi", "zh")  # fmt: skip
_XLM100 = (
    "af", "als", "am", "an", "ang", "ar", "arz", "ast", "az", "bar", "be", "bg", "bn", "br", "bs",
    "ca", "ceb", "ckb", "cs", "cy", "da", "de", "el", "en", "eo", "es", "et", "eu", "fa", "fi",
    "fr", "fy", "ga", "gan", "gl", "gu", "he", "hi", "hr", "hu", "hy", "ia", "id", "is", "it",
    "ja", "jv", "ka", "kk", "kn", "ko", "ku", "la", "lb", "lt", "lv", "mk", "ml", "mn", "mr", "ms",
    "my", "nds", "ne", "nl", "nn", "no", "oc", "pl", "pt", "ro", "ru", "scn", "sco", "sh", "si",
    "simple", "sk", "sl", "sq", "sr", "sv", "sw", "ta", "te", "th", "tl", "tr", "tt", "uk", "ur",
    "uz", "vi", "war", "wuu", "yi", "zh", "zh_classical", "zh_min_nan", "zh_yue",
)  # fmt: skip

# Training languages of the multilingual checkpoints that list none in their config (no lang2id:
# one vocabulary and no language input for all), from their public documentation, as ISO 639-1
# codes where one exists (else the Wikipedia code); script variants (romanised Hindi, Zawgyi
# Burmese, Traditional Chinese) share their language's code.
DOCUMENTED_LANGUAGES: dict[str, tuple[str, ...]] = {
    # facebookresearch/fairseq examples/xlmr/README.md ("100 languages (list below)"), the list
    # of Conneau et al. 2020, "Unsupervised Cross-lingual Representation Learning at Scale"
    "xlm-roberta-base": (
        "af", "am", "ar", "as", "az", "be", "bg", "bn", "br", "bs", "ca", "cs", "cy", "da", "de",
        "el", "en", "eo", "es", "et", "eu", "fa", "fi", "fr", "fy", "ga", "gd", "gl", "gu", "ha",
        "he", "hi", "hr", "hu", "hy", "id", "is", "it", "ja", "jv", "ka", "kk", "km", "kn", "ko",
        "ku", "ky", "la", "lo", "lt", "lv", "mg", "mk", "ml", "mn", "mr", "ms", "my", "ne", "nl",
        "no", "om", "or", "pa", "pl", "ps", "pt", "ro", "ru", "sa", "sd", "si", "sk", "sl", "so",
        "sq", "sr", "su", "sv", "sw", "ta", "te", "th", "tl", "tr", "ug", "uk", "ur", "uz", "vi",
        "xh", "yi", "zh",
    ),
    # google-research/bert multilingual.md "List of Languages" (the 104 of the cased model: the
    # list plus Thai and Mongolian), as copied in tensorflow/models research/bert/multilingual.md
    "bert-base-multilingual-cased": (
        "af", "an", "ar", "ast", "az", "azb", "ba", "bar", "be", "bg", "bn", "bpy", "br", "bs",
        "ca", "ce", "ceb", "cs", "cv", "cy", "da", "de", "el", "en", "es", "et", "eu", "fa", "fi",
        "fr", "fy", "ga", "gl", "gu", "he", "hi", "hr", "ht", "hu", "hy", "id", "io", "is", "it",
        "ja", "jv", "ka", "kk", "kn", "ko", "ky", "la", "lb", "lmo", "lt", "lv", "mg", "min", "mk",
        "ml", "mn", "mr", "ms", "my", "nds", "ne", "new", "nl", "nn", "no", "oc", "pa", "pl",
        "pms", "pnb", "pt", "ro", "ru", "scn", "sco", "sh", "sk", "sl", "sq", "sr", "su", "sv",
        "sw", "ta", "te", "tg", "th", "tl", "tr", "tt", "uk", "ur", "uz", "vi", "vo", "war", "yo",
        "zh",
    ),
}  # fmt: skip

XLM_CHECKPOINTS: dict[str, dict[str, Any]] = {
    "xlm-mlm-enfr-1024": {
        "languages": ("en", "fr"), "n_langs": 2, "use_lang_emb": True, "lang_id": 0,
        "do_lowercase_and_remove_accent": True, "vocab_size": 64139, "emb_dim": 1024,
        "n_layers": 6,
    },
    "xlm-mlm-tlm-xnli15-1024": {
        "languages": _XNLI15, "n_langs": 15, "use_lang_emb": True, "lang_id": 4,
        "do_lowercase_and_remove_accent": True, "vocab_size": 95000, "emb_dim": 1024,
        "n_layers": 12,
    },
    "xlm-mlm-17-1280": {
        "languages": _XLM17, "n_langs": 17, "use_lang_emb": False, "lang_id": 2,
        "do_lowercase_and_remove_accent": False, "vocab_size": 200000, "emb_dim": 1280,
        "n_layers": 16,
    },
    "xlm-mlm-100-1280": {
        "languages": _XLM100, "n_langs": 100, "use_lang_emb": False, "lang_id": 23,
        "do_lowercase_and_remove_accent": False, "vocab_size": 200000, "emb_dim": 1280,
        "n_layers": 16,
    },
}  # fmt: skip


def lang2id(checkpoint: str) -> dict[str, int]:
    """The checkpoint's ``lang2id`` (language code -> id), as its tokenizer and config carry it."""
    return {lang: i for i, lang in enumerate(XLM_CHECKPOINTS[checkpoint]["languages"])}


def id2lang(checkpoint: str) -> dict[str, str]:
    """The checkpoint's ``id2lang`` with string keys, as in its JSON files."""
    return {str(i): lang for i, lang in enumerate(XLM_CHECKPOINTS[checkpoint]["languages"])}
