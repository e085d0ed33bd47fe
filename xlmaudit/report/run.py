"""A run, typed: :class:`Run` (meta, summary, raw frames loaded lazily, the cross-language
table) and its views (findings, figures, model card, model-index), from a run directory
(:func:`load_run`) or from a run just made in memory (:func:`run_in_memory`).

Both paths give the same frames: an in-memory run's summary is read back from the CSV text that
``summary.csv`` would hold, and its raw frames from the parquet bytes ``raw/<suite>.parquet``
would hold, so the report reads one run the same way whether it was written or not.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from xlmaudit.errors import InputError
from xlmaudit.report.languages import fill_lang, read_cross
from xlmaudit.runinfo import RunInfo

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from xlmaudit.report.build import ReportFiles
    from xlmaudit.rundir import RunMeta
    from xlmaudit.runner import SuiteResult


class LazyFrames(Mapping[str, pd.DataFrame]):
    """Frames by suite name, each read on first access (then kept)."""

    def __init__(self, loaders: Mapping[str, Callable[[], pd.DataFrame]]) -> None:
        self._loaders = dict(loaders)
        self._frames: dict[str, pd.DataFrame] = {}

    def __getitem__(self, suite: str) -> pd.DataFrame:
        if suite not in self._frames:
            self._frames[suite] = self._loaders[suite]()
        return self._frames[suite]

    def __iter__(self) -> Iterator[str]:
        return iter(self._loaders)

    def __len__(self) -> int:
        return len(self._loaders)

    @property
    def loaded(self) -> tuple[str, ...]:
        """The suites whose frame has been read so far."""
        return tuple(self._frames)


@dataclass(frozen=True)
class Unwritten:
    """What writing an in-memory run needs: the suite results, meta.json, extra tables."""

    results: tuple[SuiteResult, ...]
    meta: RunMeta
    tables: Mapping[str, pd.DataFrame] = field(default_factory=dict)


@dataclass(frozen=True)
class Run:
    """One audit run: typed ``meta``, ``summary`` (``lang`` on every row), ``raw[suite]``
    (loaded on first access), ``cross_language`` (None when the run has none). ``path`` is the
    run directory (None for a run kept in memory, see :meth:`write_report`)."""

    path: Path | None
    meta: RunInfo
    summary: pd.DataFrame
    raw: Mapping[str, pd.DataFrame] = field(default_factory=dict)
    cross_language: pd.DataFrame | None = None
    unwritten: Unwritten | None = field(default=None, repr=False)

    @property
    def suites(self) -> list[str]:
        """Suite names in the order they appear in the summary (then raw-only suites)."""
        names = list(dict.fromkeys(self.summary["suite"].astype(str)))
        return names + [s for s in self.raw if s not in names]

    def findings(self) -> pd.DataFrame:
        """The headline table the report opens with (:func:`xlmaudit.report.findings.findings`)."""
        from xlmaudit.report.findings import findings

        return findings(self)

    def figures(self) -> dict[str, Figure]:
        """Every figure of the report, by name, in report order (nothing is written)."""
        from xlmaudit.report.figures import draw_figures

        return {made.name: made.figure for made in draw_figures(self)}

    def model_card(self) -> str:
        """The model-card section (Markdown with a ``model-index`` YAML header)."""
        from xlmaudit.report.card import model_card_text

        return model_card_text(self)

    def model_index(self) -> list[dict[str, Any]]:
        """The card's ``model-index`` metadata (Hugging Face format)."""
        from xlmaudit.report.card import model_index

        return model_index(self)

    def write_report(self, path: str | Path | None = None, *, overwrite: bool = False) -> Path:
        """Write the run directory (meta.json, summary.csv, raw/) where it is not yet written,
        then figures/, report.html, report.md and model_card.md; return the directory.

        ``path``: required for a run kept in memory; for a run directory, None rebuilds the
        report in place and another path copies the run there first.
        """
        from xlmaudit.report.build import build_report

        target = self._write_run(path, overwrite=overwrite)
        files: ReportFiles = build_report(target)
        return files.html.parent

    def _write_run(self, path: str | Path | None, *, overwrite: bool) -> Path:
        from xlmaudit.rundir import check_out, write_run

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


RunData = Run  # the name the report used before issue 22


def _typed_summary(summary: pd.DataFrame, meta: RunInfo) -> pd.DataFrame:
    summary = summary.copy()
    for col in ("suite", "probe", "group", "metric"):
        summary[col] = summary[col].astype(str)
    for col in ("value", "ci_low", "ci_high", "n", "p_value"):
        if col in summary.columns:
            summary[col] = pd.to_numeric(summary[col], errors="coerce")
    return fill_lang(summary, meta)  # a run older than the column reads as English


def load_run(run_dir: str | Path) -> Run:
    """Read a run directory written by this version or an earlier one (migrated by
    :func:`xlmaudit.runinfo.migrate_meta`); an InputError names a missing or malformed file."""
    from xlmaudit.rundir import raw_files, read_meta, read_summary

    path = Path(run_dir)
    if not path.is_dir():
        raise InputError(f"{path}: not a directory")
    obj = read_meta(path)
    if not isinstance(obj, dict):
        raise InputError(f"{path / 'meta.json'}: expected a JSON object at the top level")
    meta = RunInfo.from_json(obj)
    files = raw_files(path, meta.raw)
    raw = LazyFrames({p.stem: (lambda p=p: pd.read_parquet(p)) for p in files})
    return Run(path=path, meta=meta, summary=_typed_summary(read_summary(path), meta), raw=raw,
               cross_language=read_cross(path))  # fmt: skip


def run_in_memory(
    results: list[SuiteResult], meta: RunMeta, tables: Mapping[str, pd.DataFrame] | None = None
) -> Run:
    """A :class:`Run` of suite results not written anywhere (``audit(out=None)``)."""
    from xlmaudit.rundir import parquet_safe, summary_frame

    info = RunInfo.from_json(meta.to_json())
    text = summary_frame(results).to_csv(index=False)
    summary = _typed_summary(pd.read_csv(io.StringIO(text)), info)

    def loader(frame: pd.DataFrame) -> Callable[[], pd.DataFrame]:
        def load() -> pd.DataFrame:
            buffer = io.BytesIO()
            parquet_safe(frame).to_parquet(buffer, index=False)
            return pd.read_parquet(io.BytesIO(buffer.getvalue()))

        return load

    raw = LazyFrames({r.suite.name: loader(r.raw) for r in results})
    table = (tables or {}).get("cross_language.csv")
    cross = None if table is None else read_cross(None, table.to_csv(index=False))
    return Run(path=None, meta=info, summary=summary, raw=raw, cross_language=cross,
               unwritten=Unwritten(tuple(results), meta, dict(tables or {})))  # fmt: skip
