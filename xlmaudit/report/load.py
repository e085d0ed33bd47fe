"""Read a run directory for reporting: :func:`xlmaudit.report.run.load_run` (kept at this path
for callers written before issue 22; ``RunData`` is :class:`xlmaudit.report.run.Run`)."""

from __future__ import annotations

from xlmaudit.report.run import Run, RunData, load_run

__all__ = ["Run", "RunData", "load_run"]
