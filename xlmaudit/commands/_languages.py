"""``xlmaudit run``'s languages: ``--languages`` and which probes run on the loaded model."""

from __future__ import annotations

import sys
from typing import Any


def parse_languages(text: str | None) -> tuple[str, ...]:
    """``--languages en,fr`` as a tuple (checked: ISO 639-1 codes in lower case)."""
    from xlmaudit.errors import InputError
    from xlmaudit.spec import LANG_RE

    langs = tuple(g.strip() for g in (text or "").split(",") if g.strip())
    for g in langs:
        if not LANG_RE.match(g):
            raise InputError(f"--languages: {g!r} is not a language code (en, fr, de, ...)")
    return langs


def select_languages(suites: list, loaded: Any, wanted: tuple[str, ...]) -> tuple[list, dict]:
    """The probes to run by language (``xlmaudit.suites.only_languages``), a notice per skipped
    language and a warning per language a monolingual checkpoint was not trained for."""
    from xlmaudit.inference.languages import knows, language_warnings
    from xlmaudit.suites import only_languages

    kept, skipped = only_languages(
        suites, known=lambda g: knows(loaded, g), wanted=wanted, model=loaded.name,
        model_languages=tuple(sorted(getattr(loaded, "lang2id", {}) or {})),
    )  # fmt: skip
    for name, langs in skipped.items():
        if langs:
            why = "not asked for (--languages)" if wanted else "not languages of the model"
            print(f"note: suite {name}: skipping the probes in {', '.join(langs)} ({why})",
                  file=sys.stderr)  # fmt: skip
    for message in language_warnings(loaded, [p.language for s in kept for p in s.probes]):
        print(message, file=sys.stderr)
    return kept, skipped
