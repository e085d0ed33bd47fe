"""What the report and the model card say about a suite: only what the suite's card declares
(``construct``, ``caveats``, ``references``) and facts computed from the run (a partial run, the
languages measured and skipped, the categories present with their sizes, categories under the
kind's declared minimum, modified data, excluded rows). No prose here is keyed by a suite's name.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from xlmaudit.report import frames
from xlmaudit.report import provenance as prov
from xlmaudit.report.languages import language_name, languages, skipped_languages
from xlmaudit.report.run import RunData
from xlmaudit.runinfo import RunInfo

NO_CAVEATS = "no caveats declared by this suite"
NO_CITATIONS = "no references declared by this suite"
CONSTRUCT_KEYS = (("harm", "harm"), ("norms", "whose norms"),
                  ("languages", "languages of the data"), ("regions", "regions"))  # fmt: skip


def card(run: RunData, suite: str) -> Mapping[str, Any]:
    """The suite's card as ``meta.json`` recorded it (empty when not recorded)."""
    info = run.meta.suites.get(suite)
    return info.card if info is not None else {}


def _texts(value: Any) -> list[str]:
    items = value if isinstance(value, list | tuple) else [value] if value else []
    return [" ".join(str(v).split()) for v in items if str(v).strip()]


def caveats(run: RunData, suite: str) -> list[str]:
    """The caveats the suite's card declares, verbatim; else the single line :data:`NO_CAVEATS`."""
    return _texts(card(run, suite).get("caveats")) or [NO_CAVEATS]


def citations(run: RunData, suite: str) -> list[str]:
    """The references the suite's card declares, verbatim (none: an empty list)."""
    return _texts(card(run, suite).get("references"))


def construct(run: RunData, suite: str) -> list[str]:
    """``harm: ...``, ``whose norms: ...``: the construct the card declares (empty if none)."""
    declared = card(run, suite).get("construct")
    if not isinstance(declared, Mapping):
        return []
    out = []
    for key, label in CONSTRUCT_KEYS:
        value = declared.get(key)
        text = ", ".join(map(str, value)) if isinstance(value, list | tuple) else str(value or "")
        if text.strip():
            out.append(f"{label}: {' '.join(text.split())}")
    return out


def limit_of(meta: RunInfo) -> int | None:
    """The run's ``--limit`` (items per probe), or None for a full run."""
    return meta.settings.limit


def partial_label(meta: RunInfo) -> str:
    """``partial run (--limit 20)``, or empty for a full run."""
    limit = limit_of(meta)
    return f"partial run (--limit {limit})" if limit is not None else ""


def partial_note(meta: RunInfo) -> str:
    """The sentence every partial run's report and card open with (empty for a full run)."""
    label = partial_label(meta)
    if not label:
        return ""
    return (f"This is a {label}: each probe scored at most its first {limit_of(meta)} items, "
            "so every number describes that subset, not the whole data set named beside "
            "it.")  # fmt: skip


def _langs(run: RunData, suite: str) -> list[str]:
    return languages(run.summary[run.summary["suite"] == suite])


def categories(run: RunData, suite: str) -> list[tuple[str, str, list[tuple[str, int]]]]:
    """Per language, the categories of the suite's first probe that has category rows of its
    main metric: (language, probe, [(category, n), ...]) as the summary holds them."""
    out = []
    part = run.summary[run.summary["suite"] == suite]
    for lang in _langs(run, suite):
        here = part[part["lang"] == lang] if "lang" in part.columns else part
        for probe in frames.probes_of(here, suite):
            rows = frames.probe_rows(here, suite, probe)
            metric = frames.main_metric(rows, run.meta)
            cats = rows[(rows["metric"] == metric) & frames.level_of(rows).eq("category")]
            if len(cats):
                sizes = [(str(r["group"]), _int(r["n"])) for _, r in cats.iterrows()]
                out.append((lang, probe, sizes))
                break
    return out


def _int(value: Any) -> int:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return 0


def below_minimum(run: RunData, suite: str) -> list[str]:
    """``crows-pairs-fr/nangia2020: autre (n = 13)``: headline rows under the minimum number of
    items the probe's kind declares (``min_n``), which are never called findings."""
    out = []
    part = run.summary[run.summary["suite"] == suite]
    for probe in frames.probes_of(part, suite):
        record = run.meta.probe(suite, probe)
        minimum = getattr(record.kind, "min_n", 0) if record.kind else 0
        rows = frames.probe_rows(part, suite, probe)
        main = rows[rows["metric"] == frames.main_metric(rows, run.meta)]
        small = main[pd.to_numeric(main["n"], errors="coerce") < minimum]
        if len(small):
            listed = ", ".join(f"{r['group']} (n = {_int(r['n'])})" for _, r in small.iterrows())
            out.append(f"{probe}: {listed} (minimum {minimum})")
    return out


def cluster_noun(key: str) -> str:
    """What one cluster is, in words, from the declared raw column: ``template_id`` ->
    ``templates``, ``occupation`` -> ``occupations``."""
    return key.removesuffix("_id").replace("_", " ") + "s"


def clustered_intervals(run: RunData, suite: str) -> list[str]:
    """``winobias-cloze: intervals resample whole occupations (...: 40 in this run) ...``: per
    probe whose kind declares a ``cluster_key``, how its intervals treat items that share a
    source of variation, with the number of clusters in this run's raw frame."""
    out = []
    part = run.summary[run.summary["suite"] == suite]
    raw = run.raw.get(suite)
    for probe in frames.probes_of(part, suite):
        record = run.meta.probe(suite, probe)
        key = getattr(record.kind, "cluster_key", "") if record.kind else ""
        if not key:
            continue
        rows = raw[raw["probe"] == probe] if raw is not None and "probe" in raw else None
        n = rows[key].dropna().nunique() if rows is not None and key in rows else 0
        if n == 1:
            out.append(f"{probe}: its items share one value of the raw column {key} (one of the "
                       f"{cluster_noun(key)} its intervals would resample), so every interval "
                       "is item-level.")  # fmt: skip
            continue
        count = f": {n} in this run" if n else ""
        out.append(f"{probe}: intervals resample whole {cluster_noun(key)} (cluster bootstrap "
                   f"over the raw column {key}{count}), since items that share one move "
                   "together; a row within a single one keeps its item-level "
                   "interval.")  # fmt: skip
    return out


def data_names(run: RunData, suite: str) -> list[str]:
    """The data files the suite's probes read, as ``meta.json`` records them per probe
    (``data``, or a benchmark probe's ``dataset`` in runs older than that record)."""
    info = run.meta.suites.get(suite)
    probes = info.probes.values() if info is not None else ()
    return list(dict.fromkeys(n for p in probes for n in p.data))


def excluded_rows(run: RunData, suite: str) -> list[str]:
    """``crows-pairs-fr-210: 4 rows excluded (listed with file:line in meta.json)``."""
    out = []
    for name in data_names(run, suite):
        entry = run.meta.data.get(name)
        n = _int(entry.get("n_excluded")) if isinstance(entry, Mapping) else 0
        if n:
            kept = entry.get("n_kept")
            of = f" of {n + _int(kept)}" if kept is not None else ""
            out.append(f"{name}: {n}{of} rows excluded as bad rows, never scored (listed with "
                       "file:line in meta.json)")  # fmt: skip
    return out


def run_facts(run: RunData, suite: str) -> list[str]:
    """Facts about ``suite`` computed from this run: partial run, languages measured and
    skipped, categories and their sizes, rows under the declared minimum, modified data,
    excluded rows."""
    facts = []
    partial = partial_label(run.meta)
    if partial:
        facts.append(f"This is a {partial}: at most {limit_of(run.meta)} items per probe.")
    langs = _langs(run, suite)
    if langs:
        names = ", ".join(language_name(g) for g in langs)
        facts.append(f"Languages measured in this run: {names}.")
    for lang in skipped_languages(run.meta, suite):
        facts.append(f"Not measured in this run: {lang}.")
    for lang, probe, sizes in categories(run, suite):
        listed = ", ".join(f"{g} {n}" for g, n in sizes)
        facts.append(f"{len(sizes)} categories in this run ({lang}, items per category in "
                     f"{probe}): {listed}.")  # fmt: skip
    small = below_minimum(run, suite)
    if small:
        facts.append("Under the minimum number of items the probe's kind declares, so never "
                      f"called a finding: {'; '.join(small)}.")  # fmt: skip
    notes = prov.data_notes(run.meta)
    facts += [f"Modified data: {n}: {notes[n]}." for n in data_names(run, suite) if n in notes]
    facts += [f"{e}." for e in excluded_rows(run, suite)]
    return facts
