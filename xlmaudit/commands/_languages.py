"""``xlmaudit run``'s ``--languages`` parsed; which probes run on the loaded model is
:func:`xlmaudit.api.select_languages` (re-exported here for callers of this path)."""

from __future__ import annotations

from xlmaudit.api import select_languages

__all__ = ["parse_languages", "select_languages"]


def parse_languages(text: str | None) -> tuple[str, ...]:
    """``--languages en,fr`` as a tuple (checked: ISO 639-1 codes in lower case)."""
    from xlmaudit.errors import InputError
    from xlmaudit.spec import LANG_RE

    langs = tuple(g.strip() for g in (text or "").split(",") if g.strip())
    for g in langs:
        if not LANG_RE.match(g):
            raise InputError(f"--languages: {g!r} is not a language code (en, fr, de, ...)")
    return langs
