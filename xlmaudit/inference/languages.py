"""Which languages a loaded model knows, and the ``langs`` id of a request's language.

XLM checkpoints list their languages in ``lang2id`` (tokenizer or config). Those trained with
language embeddings (``n_langs > 1`` and ``use_lang_emb``: ``xlm-mlm-enfr-1024``,
``xlm-mlm-tlm-xnli15-1024``) need a ``langs`` tensor; ``xlm-mlm-17-1280`` and
``xlm-mlm-100-1280`` list languages but embed none (``use_lang_emb`` false), so only the Moses
pre-tokenisation changes with the language. Other masked LMs (XLM-R, mBERT) take no language
input: the language is recorded and changes nothing in their scores.
"""

from __future__ import annotations

import re
from typing import Any

from xlmaudit.errors import InputError

# non-XLM models known to be multilingual, by name or model type (lower case substrings)
MULTILINGUAL_NAMES = ("multilingual", "xlm-roberta", "xlm_roberta", "mdeberta", "mbert", "labse")
_XLM_MONO = re.compile(r"xlm-(?:mlm|clm)-([a-z]{2})-\d+")  # xlm-mlm-en-2048 -> en


def lang_id(loaded: Any, lang: str | None) -> int | None:
    """The ``langs`` id for requests in ``lang`` (None: the model takes no ``langs``).

    ``lang`` None falls back to the model's default language. A language the checkpoint does not
    list is an InputError naming it and the checkpoint's languages.
    """
    check_language(loaded, lang)
    if not getattr(loaded, "uses_langs", False):
        return None
    lang = lang or loaded.language
    if lang is None:
        known = ", ".join(sorted(loaded.lang2id))
        raise InputError(
            f"model {loaded.name!r} is multilingual (languages: {known}): give the suite a "
            "`language:` or pass --language"
        )
    return int(loaded.lang2id[lang])


def check_language(loaded: Any, lang: str | None) -> None:
    """InputError when the checkpoint lists its languages and ``lang`` is not among them."""
    known = getattr(loaded, "lang2id", None) or {}
    if lang is not None and known and lang not in known:
        raise InputError(
            f"model {loaded.name!r} has no language {lang!r}; it has: {', '.join(sorted(known))}"
        )


def knows(loaded: Any, lang: str) -> bool | None:
    """True/False when the checkpoint lists its languages; None when it does not say."""
    known = getattr(loaded, "lang2id", None) or {}
    return (lang in known) if known else None


def monolingual_language(name: str, source: str = "") -> str | None:
    """The language of a monolingual XLM checkpoint named like ``xlm-mlm-en-2048``."""
    for text in (name, source):
        found = _XLM_MONO.search(text.lower())
        if found:
            return found.group(1)
    return None


def is_multilingual(*, is_xlm: bool, lang2id: dict, name: str, model_type: str) -> bool | None:
    """Whether the checkpoint covers several languages (None: cannot tell)."""
    if is_xlm:
        return len(lang2id) > 1
    text = f"{name} {model_type}".lower()
    return True if any(m in text for m in MULTILINGUAL_NAMES) else None


def language_warnings(loaded: Any, languages: list[str]) -> list[str]:
    """One warning per non-English language run on a checkpoint that is not multilingual."""
    if getattr(loaded, "multilingual", None):
        return []
    own = getattr(loaded, "language", None) or "en"
    others = sorted({g for g in languages if g and g != own})
    if not others:
        return []
    what = "monolingual" if loaded.multilingual is False else "not known to be multilingual"
    return [
        f"warning: model {loaded.name!r} is {what} ({own}); probes in {', '.join(others)} "
        "measure text in a language it was not trained for, so their numbers say little"
    ]
