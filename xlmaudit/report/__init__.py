"""Reports on a run directory: figures, self-contained HTML, Markdown and a model-card section.

No torch here: the report stage reads ``meta.json``, ``summary.csv`` and ``raw/*.parquet`` only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from xlmaudit.report.build import ReportFiles

__all__ = ["build_report"]


def build_report(run_dir: str) -> ReportFiles:
    """(Re)build figures/, report.html, report.md and model_card.md in ``run_dir``."""
    from xlmaudit.report.build import build_report as _build

    return _build(run_dir)
