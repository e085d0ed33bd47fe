"""The run directory: ``meta.json``, ``summary.csv``, ``raw/<suite>.parquet``.

Written by ``xlmaudit run``; read by reports, ``xlmaudit card`` and ``xlmaudit compare``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from xlmaudit.errors import InputError
from xlmaudit.runner import SUMMARY_COLUMNS, SuiteResult

META = "meta.json"
SUMMARY = "summary.csv"
RAW = "raw"


@dataclass(frozen=True)
class RunDir:
    """A run directory read back: ``meta`` dict, ``summary`` frame, ``raw`` frames by suite."""

    path: Path
    meta: dict[str, Any]
    summary: pd.DataFrame
    raw: dict[str, pd.DataFrame]


def _atomic_write_text(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _parquet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Object columns holding mixed types become strings (parquet needs one type per column)."""
    frame = frame.copy()
    for col in frame.columns:
        if frame[col].dtype == object:
            types = {type(v) for v in frame[col].dropna()}
            if len(types) > 1 or (types and not types <= {str, bool}):
                frame[col] = frame[col].map(lambda v: v if v is None else str(v))
    return frame


def write_run(out: str | Path, results: list[SuiteResult], meta: dict[str, Any]) -> Path:
    """Write ``results`` and ``meta`` into ``out`` (created; existing files are replaced)."""
    out = Path(out)
    (out / RAW).mkdir(parents=True, exist_ok=True)
    for res in results:
        target = out / RAW / f"{res.suite.name}.parquet"
        tmp = target.with_name(target.name + ".tmp")
        _parquet_safe(res.raw).to_parquet(tmp, index=False)
        os.replace(tmp, target)
    frames = [r.summary for r in results if len(r.summary)]
    summary = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    if summary.empty:
        summary = pd.DataFrame(columns=list(SUMMARY_COLUMNS))
    _atomic_write_text(out / SUMMARY, summary.to_csv(index=False))
    _atomic_write_text(out / META, json.dumps(meta, indent=2, sort_keys=False, default=str) + "\n")
    return out


def read_run(path: str | Path) -> RunDir:
    """Read a run directory; a missing or malformed file is an :class:`InputError` naming it."""
    path = Path(path)
    for name in (META, SUMMARY):
        if not (path / name).is_file():
            raise InputError(f"{path}: not a run directory (no {name})")
    try:
        meta = json.loads((path / META).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path / META}:{exc.lineno}: invalid JSON ({exc.msg})") from exc
    summary = pd.read_csv(path / SUMMARY)
    missing = [c for c in SUMMARY_COLUMNS if c not in summary]
    if missing:
        raise InputError(f"{path / SUMMARY}: missing columns {missing}")
    raw = {p.stem: pd.read_parquet(p) for p in sorted((path / RAW).glob("*.parquet"))}
    return RunDir(path, meta, summary, raw)
