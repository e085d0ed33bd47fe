"""Languages of a run (issue 15): each summary row's language, the same probe across languages,
and the cross-language paired comparison ``cross_language.csv``.

A run's languages come from ``summary.csv``'s ``lang`` column. A run made before that column
has none: :func:`fill_lang` gives each row its probe's ``language`` from ``meta.json``, else its
suite's, else English (``en``), so old runs read as English runs.

**Matching rule** (which probes are "the same probe in several languages"): two headline rows
(overall or group-difference level, :func:`xlmaudit.report.findings.findings`) match when they have
the same probe kind, metric and group, the same suite ``family`` (``meta.json``; empty where not
recorded) and the same *base id*: the probe id with every token (split at ``-``, ``_``, ``.``)
equal to the probe's own language code removed. So ``binary-en`` and ``binary-fr`` are ``binary``,
and crows-pairs-fr's ``meade2022`` matches crows-pairs-en-revised's ``meade2022``. A match with
two or more languages is drawn as one forest plot, one row per language.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from xlmaudit.errors import InputError
from xlmaudit.runinfo import RunInfo

DEFAULT_LANGUAGE = "en"
NAMES: dict[str, str] = {
    "ar": "Arabic", "bg": "Bulgarian", "de": "German", "el": "Greek", "en": "English",
    "es": "Spanish", "fr": "French", "hi": "Hindi", "it": "Italian", "ja": "Japanese",
    "ko": "Korean", "nl": "Dutch", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian",
    "ru": "Russian", "sv": "Swedish", "sw": "Swahili", "th": "Thai", "tr": "Turkish",
    "ur": "Urdu", "vi": "Vietnamese", "zh": "Chinese",
}  # fmt: skip
CROSS_FILE = "cross_language.csv"
CROSS_REQUIRED = ("lang_a", "lang_b", "n_pairs", "difference")
ACROSS_LEVELS = ("overall", "contrast")


def language_name(code: str) -> str:
    """``French (fr)``; an unknown code as itself."""
    name = NAMES.get(str(code).lower())
    return f"{name} ({code})" if name else str(code)


def probe_language(meta: RunInfo | Mapping[str, Any], suite: str, probe: str) -> str | None:
    """The language ``meta.json`` records for ``suite``/``probe`` (else the suite's), or None."""
    entry = RunInfo.of(meta).suites.get(suite)
    if entry is None:
        return None
    recorded = entry.probes.get(probe)
    return recorded.language if recorded is not None else entry.language


def fill_lang(summary: pd.DataFrame, meta: Mapping[str, Any]) -> pd.DataFrame:
    """``summary`` with a ``lang`` on every row (a run without the column reads as English)."""
    out = summary.copy()
    pairs = zip(out["suite"].astype(str), out["probe"].astype(str), strict=True)
    recorded = [probe_language(meta, s, p) or DEFAULT_LANGUAGE for s, p in pairs]
    if "lang" not in out.columns:
        at = out.columns.get_loc("level") + 1 if "level" in out.columns else len(out.columns)
        out.insert(at, "lang", recorded)
        return out
    given = out["lang"].astype(object).where(out["lang"].notna(), None)
    out["lang"] = [
        str(g) if g not in (None, "") else r for g, r in zip(given, recorded, strict=True)
    ]
    return out


def languages(summary: pd.DataFrame) -> list[str]:
    """The run's languages in summary order (``[]`` for an empty summary)."""
    if "lang" not in summary.columns:
        return [DEFAULT_LANGUAGE] if len(summary) else []
    return list(dict.fromkeys(summary["lang"].astype(str)))


def is_multilingual(summary: pd.DataFrame) -> bool:
    """Whether the run holds more than one language (then reports group by language)."""
    return len(languages(summary)) > 1


def base_id(probe: str, lang: str) -> str:
    """The probe id without tokens equal to its language code (``binary-fr`` -> ``binary``,
    ``binary-whole_word-fr`` -> ``binary-whole_word``; separators otherwise kept)."""
    sep = r"[-_.]"
    pattern = rf"(^|{sep}){re.escape(str(lang))}(?=$|{sep})"
    out = re.sub(pattern, "", str(probe), flags=re.IGNORECASE).strip("-_.")
    return out or str(probe)


def across_frames(table: pd.DataFrame, meta: RunInfo | Mapping[str, Any]) -> list[pd.DataFrame]:
    """Per matched probe (module docstring) with two or more languages, its headline rows, one
    per language, in run order; column ``label`` names the language and where it was measured."""
    if table.empty or "lang" not in table.columns:
        return []
    rows = table[table["level"].isin(ACROSS_LEVELS) & table["value"].notna()].copy()
    if rows.empty:
        return []
    info = RunInfo.of(meta)

    def key(r: pd.Series) -> tuple[str, ...]:
        kind = info.probe(r["suite"], r["probe"]).kind
        entry = info.suites.get(r["suite"])
        family = entry.family if entry is not None else ""
        return (str(family), kind.name if kind else "", str(r["metric"]), str(r["group"]),
                base_id(r["probe"], r["lang"]))  # fmt: skip

    rows["_key"] = [key(r) for _, r in rows.iterrows()]
    order = {lang: i for i, lang in enumerate(dict.fromkeys(table["lang"]))}
    out = []
    for _, part in rows.groupby("_key", sort=False):
        if part["lang"].nunique() < 2:
            continue
        part = part.assign(_order=part["lang"].map(order)).sort_values("_order", kind="stable")
        part = part.assign(
            metric_label=part["label"],
            label=[f"{lang} ({s}/{p})" for lang, s, p in
                   zip(part["lang"], part["suite"], part["probe"], strict=True)],
        )  # fmt: skip
        out.append(part.drop(columns=["_key", "_order"]).reset_index(drop=True))
    return out


def toward(contrast: str) -> str:
    """The side a value above the reference leans to: ``female - male`` -> ``female``."""
    for sep in (" - ", " over ", " vs "):
        if sep in str(contrast):
            return str(contrast).split(sep)[0]
    return ""


def cross_listed(raw: Mapping[str, Any]) -> bool:
    """Whether the ``meta.json`` object (``RunInfo.raw``) names ``cross_language.csv`` anywhere."""
    return CROSS_FILE in json.dumps(dict(raw), default=str)


def read_cross(run_dir: Path | None, text: str | None = None) -> pd.DataFrame | None:
    """``cross_language.csv`` of a run directory (or its ``text``, for a run kept in memory), or
    None when there is none; a file without the columns the report needs is an InputError
    naming it."""
    path = Path(run_dir or ".") / CROSS_FILE
    if text is None and not path.is_file():
        return None
    try:
        frame = pd.read_csv(path if text is None else io.StringIO(text))
    except (ValueError, pd.errors.ParserError) as exc:
        raise InputError(f"{path}: not a readable CSV ({exc})") from exc
    missing = [c for c in CROSS_REQUIRED if c not in frame.columns]
    if missing:
        raise InputError(f"{path}: missing columns {missing}")
    for col in ("n_pairs", "share_a", "share_b", "difference", "ci_low", "ci_high",
                "discordant_ab", "discordant_ba", "p_value"):  # fmt: skip
        if col in frame.columns:
            frame[col] = pd.to_numeric(frame[col], errors="coerce")
    return frame


def skipped_languages(meta: RunInfo | Mapping[str, Any], suite: str) -> list[str]:
    """The languages ``xlmaudit run`` left out of ``suite`` (``meta.json``
    ``suites.<suite>.skipped_languages``: codes, or code -> reason), as text."""
    entry = RunInfo.of(meta).suites.get(suite)
    return list(entry.skipped) if entry is not None else []


def skipped_note(meta: RunInfo, suites: list[str]) -> str:
    """``Not measured: honest in it, pt (...)``, one clause per suite with skipped languages."""
    parts = [f"{s} in {', '.join(langs)}" for s in suites if (langs := skipped_languages(meta, s))]
    if not parts:
        return ""
    return ("Languages not measured (the model does not know them, or --languages left them "
            f"out; meta.json skipped_languages): {'; '.join(parts)}.")  # fmt: skip


def model_languages(meta: RunInfo) -> list[str]:
    """The languages ``meta.json`` says the checkpoint has (``model.languages`` or the keys of
    ``model.lang2id``); empty when not recorded."""
    return list(meta.model.languages)


def untrained_note(meta: RunInfo, langs: list[str]) -> str:
    """A warning for languages measured that the checkpoint was not trained on, or empty."""
    known = model_languages(meta)
    foreign = [g for g in langs if known and g not in known]
    if not foreign:
        return ""
    return (f"Probes in {', '.join(foreign)} measure text in a language the model was not trained "
            f"on (its languages: {', '.join(known)}): their numbers say little.")  # fmt: skip
