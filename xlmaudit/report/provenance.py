"""Read provenance out of ``meta.json``: model kind, suite versions, checksums, a flat table."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from xlmaudit.planted.truth import truth
from xlmaudit.runinfo import RunInfo


def model_name(meta: RunInfo | Mapping[str, Any]) -> str:
    """The model id the run was given (``--model``)."""
    return RunInfo.of(meta).model.name


def model_kind(meta: RunInfo | Mapping[str, Any]) -> str:
    """``planted`` (a planted-bias calibration model), ``random`` (random weights) or
    ``pretrained``, as ``meta.json`` records it (older runs: migrated in
    :func:`xlmaudit.runinfo.migrate_meta`)."""
    info = RunInfo.of(meta)
    if info.random_weights:  # a top-level flag of hand-written run directories
        return "random"
    kind = info.model.kind
    return "random" if kind == "pretrained" and "random" in info.model.name.lower() else kind


def random_reason(meta: RunInfo | Mapping[str, Any]) -> str:
    """Why the loader flagged random weights (``model.newly_initialized``), or empty."""
    model = RunInfo.of(meta).model
    newly = model.newly_initialized
    if newly:
        count = model.newly_initialized_count
        count = count if count is not None else len(newly)
        shown = ", ".join(newly[:3]) + (", ..." if count > 3 else "")
        return f"newly initialised weights (not in the checkpoint): {count} ({shown})"
    if model.random_weights:
        return "its config marks it as random (an xlmaudit test or bench model)"
    return ""


def planted_truth() -> dict[str, float] | None:
    """Planted share of feminine pronouns (0-1) per occupation, from ``xlmaudit.planted.truth``."""
    table = truth()
    occ = table[table["association"] == "gender_occupation"]
    return {
        str(t): float(v) for t, v in zip(occ["term"], occ["planted_value"], strict=True)
    } or None


def suite_version(meta: RunInfo | Mapping[str, Any], suite: str) -> str | None:
    """Version and hash of ``suite`` as one string, or None when the meta does not say."""
    info = RunInfo.of(meta).suites.get(suite)
    return info.version_text if info is not None and info.version_text else None


def data_notes(meta: RunInfo | Mapping[str, Any]) -> dict[str, str]:
    """Data set name -> "modified or partial data (sha256 ..., n rows)" for each data file the
    run recorded as not the published one (``meta.json`` ``data.<name>.status``)."""
    from xlmaudit.datasets.check import data_note

    notes = {n: data_note(dict(r)) for n, r in RunInfo.of(meta).data.items()}
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
    raw: Mapping[str, Any], *, skip: tuple[str, ...] = ("card",)
) -> list[tuple[str, str]]:
    """Flat provenance table of the ``meta.json`` object (``RunInfo.raw``) without long texts
    (suite cards) shown elsewhere."""
    return [(k, v) for k, v in flatten(raw) if not any(f".{s}" in f".{k}" for s in skip)]
