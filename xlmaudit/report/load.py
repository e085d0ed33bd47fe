"""Read a run directory for reporting (kept at this path for callers written before issue 22):
:func:`load_run` returns a :class:`~xlmaudit.report.audit_run.Run`; the report's own modules
read :class:`~xlmaudit.report.run.RunData` (``xlmaudit.report.run``)."""

from __future__ import annotations

from xlmaudit.report.audit_run import Run, load_run
from xlmaudit.report.run import RunData

__all__ = ["Run", "RunData", "load_run"]
