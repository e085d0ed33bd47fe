"""Read provenance out of ``meta.json``: model kind, suite versions, checksums, a flat table."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from xlmaudit.planted.truth import truth
from xlmaudit.runinfo import RunInfo


def _model(meta: dict[str, Any]) -> dict[str, Any]:
    model = meta.get("model", {})
    return model if isinstance(model, dict) else {"name": str(model)}


def model_name(meta: dict[str, Any]) -> str:
    """The model id the run was given (``--model``)."""
    model = _model(meta)
    return str(model.get("name") or model.get("id") or meta.get("model_name") or "unknown model")


def model_kind(meta: Mapping[str, Any]) -> str:
    """``planted`` (a planted-bias calibration model), ``random`` (random weights) or
    ``pretrained``, as ``meta.json`` records it (older runs: migrated in
    :func:`xlmaudit.runinfo.migrate_meta`)."""
    info = meta if isinstance(meta, RunInfo) else RunInfo.from_json(meta)
    if meta.get("random_weights"):  # a top-level flag of hand-written run directories
        return "random"
    kind = info.model.kind
    return "random" if kind == "pretrained" and "random" in info.model.name.lower() else kind


def random_reason(meta: dict[str, Any]) -> str:
    """Why the loader flagged random weights (``model.newly_initialized``), or empty."""
    model = _model(meta)
    newly = model.get("newly_initialized") or []
    if isinstance(newly, list) and newly:
        count = model.get("newly_initialized_count")
        count = count if isinstance(count, int) else len(newly)
        shown = ", ".join(str(n) for n in newly[:3]) + (", ..." if count > 3 else "")
        return f"newly initialised weights (not in the checkpoint): {count} ({shown})"
    if model.get("random_weights"):
        return "its config marks it as random (an xlmaudit test or bench model)"
    return ""


def planted_truth() -> dict[str, float] | None:
    """Planted share of feminine pronouns (0-1) per occupation, from ``xlmaudit.planted.truth``."""
    table = truth()
    occ = table[table["association"] == "gender_occupation"]
    return {
        str(t): float(v) for t, v in zip(occ["term"], occ["planted_value"], strict=True)
    } or None


def suite_entry(meta: dict[str, Any], suite: str) -> dict[str, Any]:
    """The ``meta.json`` record of ``suite`` (version, hash, card), or an empty dict."""
    suites = meta.get("suites", {})
    if isinstance(suites, dict):
        entry = suites.get(suite, {})
        return entry if isinstance(entry, dict) else {"version": str(entry)}
    if isinstance(suites, list):
        for entry in suites:
            if isinstance(entry, dict) and entry.get("name") == suite:
                return entry
    return {}


def suite_version(meta: dict[str, Any], suite: str) -> str | None:
    """Version and hash of ``suite`` as one string, or None when the meta does not say."""
    entry = suite_entry(meta, suite)
    parts = [str(entry[k]) for k in ("version", "hash", "sha256") if entry.get(k)]
    hashes = meta.get("suite_hashes", {})
    if isinstance(hashes, dict) and hashes.get(suite):
        parts.append(str(hashes[suite]))
    return " / ".join(parts) or None


def data_notes(meta: dict[str, Any]) -> dict[str, str]:
    """Data set name -> "modified or partial data (sha256 ..., n rows)" for each data file the
    run recorded as not the published one (``meta.json`` ``data.<name>.status``)."""
    from xlmaudit.datasets.check import data_note

    data = meta.get("data")
    records = data.items() if isinstance(data, dict) else ()
    notes = {str(n): data_note(r) for n, r in records if isinstance(r, dict)}
    return {n: note for n, note in notes.items() if note}


def flatten(value: Any, prefix: str = "") -> list[tuple[str, str]]:
    """Nested dicts/lists as ``(dotted.key, text)`` rows, in order."""
    if isinstance(value, Mapping):
        rows: list[tuple[str, str]] = []
        for key, sub in value.items():
            rows += flatten(sub, f"{prefix}.{key}" if prefix else str(key))
        return rows
    if isinstance(value, list) and any(isinstance(v, Mapping | list) for v in value):
        rows = []
        for i, sub in enumerate(value):
            rows += flatten(sub, f"{prefix}[{i}]")
        return rows
    if isinstance(value, list):
        return [(prefix, " ".join(str(v) for v in value))]
    return [(prefix, "" if value is None else str(value))]


def provenance_rows(
    meta: dict[str, Any], *, skip: tuple[str, ...] = ("card",)
) -> list[tuple[str, str]]:
    """Flat provenance table of ``meta.json`` without long texts (suite cards) shown elsewhere."""
    return [(k, v) for k, v in flatten(meta) if not any(f".{s}" in f".{k}" for s in skip)]
