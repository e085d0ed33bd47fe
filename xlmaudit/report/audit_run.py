"""The run a user holds: :class:`Run`, the data of a run (:class:`xlmaudit.report.run.RunData`)
with the report's views of it: findings, figures, model card, model-index, and writing it out.

Kept apart from ``run.py`` so that the report's modules, which read ``RunData``, never import
the modules that draw from it (no import cycle: ``tests/test_architecture.py``)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pandas as pd
from matplotlib.figure import Figure

from xlmaudit.errors import InputError
from xlmaudit.report.build import ReportFiles, build_report
from xlmaudit.report.card import model_card_text, model_index
from xlmaudit.report.figures import draw_figures
from xlmaudit.report.findings import findings
from xlmaudit.report.run import RunData, load_run_data
from xlmaudit.rundir import check_out, write_run


class Run(RunData):
    """One audit run: typed ``meta``, ``summary``, ``raw[suite]`` (loaded on first access),
    ``cross_language``, ``quality``; ``path`` is None for a run kept in memory (see
    :meth:`write_report`)."""

    def findings(self) -> pd.DataFrame:
        """The headline table the report opens with (:func:`xlmaudit.report.findings.findings`)."""
        return findings(self)

    def figures(self) -> dict[str, Figure]:
        """Every figure of the report, by name, in report order (nothing is written)."""
        return {made.name: made.figure for made in draw_figures(self)}

    def model_card(self) -> str:
        """The model-card section (Markdown with a ``model-index`` YAML header)."""
        return model_card_text(self)

    def model_index(self) -> list[dict[str, Any]]:
        """The card's ``model-index`` metadata (Hugging Face format)."""
        return model_index(self)

    def write_report(self, path: str | Path | None = None, *, overwrite: bool = False) -> Path:
        """Write the run directory (meta.json, summary.csv, raw/) where it is not yet written,
        then figures/, report.html, report.md and model_card.md; return the directory.

        ``path``: required for a run kept in memory; for a run directory, None rebuilds the
        report in place and another path copies the run there first.
        """
        target = self._write_run(path, overwrite=overwrite)
        files: ReportFiles = build_report(target)
        return files.html.parent

    def _write_run(self, path: str | Path | None, *, overwrite: bool) -> Path:
        if path is None:
            if self.path is None:
                raise InputError("write_report: path=None, but this run was kept in memory "
                                 "(audit(out=None)); name a directory")  # fmt: skip
            return self.path
        path = Path(path)
        if self.unwritten is not None:
            u = self.unwritten
            return write_run(path, list(u.results), u.meta, overwrite=overwrite, tables=u.tables)
        if self.path is not None and path.resolve() == self.path.resolve():
            return path
        check_out(path, overwrite=overwrite)
        if path.exists():
            shutil.rmtree(path)
        shutil.copytree(self.path, path)  # type: ignore[arg-type]
        return path


def as_run(data: RunData) -> Run:
    """``data`` as a :class:`Run` (the same fields)."""
    return Run(path=data.path, meta=data.meta, summary=data.summary, raw=data.raw,
               cross_language=data.cross_language, unwritten=data.unwritten,
               quality=data.quality, agreement=data.agreement,
               competence=data.competence)  # fmt: skip


def load_run(run_dir: str | Path) -> Run:
    """Read a run directory written by this version or an earlier one (migrated by
    :func:`xlmaudit.runinfo.migrate_meta`); an InputError names a missing or malformed file."""
    return as_run(load_run_data(run_dir))
