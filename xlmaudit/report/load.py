"""Read a run directory (``meta.json``, ``summary.csv``, ``raw/<suite>.parquet``) for reporting."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from xlmaudit.errors import InputError

SUMMARY_COLUMNS: tuple[str, ...] = (
    "suite",
    "probe",
    "group",
    "metric",
    "value",
    "ci_low",
    "ci_high",
    "n",
)


@dataclass(frozen=True)
class RunData:
    """One run directory, read: its meta, summary frame and raw frames by suite name."""

    path: Path
    meta: dict[str, Any]
    summary: pd.DataFrame
    raw: dict[str, pd.DataFrame] = field(default_factory=dict)

    @property
    def suites(self) -> list[str]:
        """Suite names in the order they appear in the summary (then raw-only suites)."""
        names = list(dict.fromkeys(self.summary["suite"].astype(str)))
        return names + [s for s in self.raw if s not in names]


def _read_meta(path: Path) -> dict[str, Any]:
    file = path / "meta.json"
    if not file.is_file():
        raise InputError(f"{file}: not found; is {path} a run directory written by `xlmaudit run`?")
    try:
        meta = json.loads(file.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{file}:{exc.lineno}: invalid JSON: {exc.msg}") from exc
    if not isinstance(meta, dict):
        raise InputError(f"{file}: expected a JSON object at the top level")
    return meta


def _read_summary(path: Path) -> pd.DataFrame:
    file = path / "summary.csv"
    if not file.is_file():
        raise InputError(f"{file}: not found; is {path} a run directory written by `xlmaudit run`?")
    frame = pd.read_csv(file, keep_default_na=False, na_values=[""])
    missing = [c for c in SUMMARY_COLUMNS if c not in frame.columns]
    if missing:
        raise InputError(f"{file}: missing column(s) {', '.join(missing)}")
    for col in ("suite", "probe", "group", "metric"):
        frame[col] = frame[col].astype(str)
    for col in ("value", "ci_low", "ci_high", "n", "p_value"):
        if col in frame.columns:
            frame[col] = pd.to_numeric(frame[col], errors="coerce")
    return frame


def load_run(run_dir: str | Path) -> RunData:
    """Read ``run_dir``; raise InputError naming the file when something is missing or malformed."""
    path = Path(run_dir)
    if not path.is_dir():
        raise InputError(f"{path}: not a directory")
    raw: dict[str, pd.DataFrame] = {}
    for file in sorted((path / "raw").glob("*.parquet")):
        try:
            raw[file.stem] = pd.read_parquet(file)
        except Exception as exc:  # pyarrow raises several types
            raise InputError(f"{file}: cannot read parquet: {exc}") from exc
    return RunData(path=path, meta=_read_meta(path), summary=_read_summary(path), raw=raw)
