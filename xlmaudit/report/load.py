"""Read a run directory for reporting: :func:`xlmaudit.rundir.read_run`, typed for the report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from xlmaudit.errors import InputError
from xlmaudit.report.languages import fill_lang, read_cross
from xlmaudit.rundir import read_run


@dataclass(frozen=True)
class RunData:
    """One run directory, read: its meta, summary frame (with ``lang`` on every row), raw
    frames by suite name and the cross-language comparison, if any."""

    path: Path
    meta: dict[str, Any]
    summary: pd.DataFrame
    raw: dict[str, pd.DataFrame] = field(default_factory=dict)
    cross_language: pd.DataFrame | None = None  # cross_language.csv, where the run wrote one

    @property
    def suites(self) -> list[str]:
        """Suite names in the order they appear in the summary (then raw-only suites)."""
        names = list(dict.fromkeys(self.summary["suite"].astype(str)))
        return names + [s for s in self.raw if s not in names]


def load_run(run_dir: str | Path) -> RunData:
    """Read ``run_dir``; an InputError names the file when something is missing or malformed."""
    path = Path(run_dir)
    if not path.is_dir():
        raise InputError(f"{path}: not a directory")
    run = read_run(path)
    if not isinstance(run.meta, dict):
        raise InputError(f"{path / 'meta.json'}: expected a JSON object at the top level")
    summary = run.summary.copy()
    for col in ("suite", "probe", "group", "metric"):
        summary[col] = summary[col].astype(str)
    for col in ("value", "ci_low", "ci_high", "n", "p_value"):
        if col in summary.columns:
            summary[col] = pd.to_numeric(summary[col], errors="coerce")
    summary = fill_lang(summary, run.meta)  # a run older than the column reads as English
    return RunData(path=path, meta=run.meta, summary=summary, raw=dict(run.raw),
                   cross_language=read_cross(path))  # fmt: skip
