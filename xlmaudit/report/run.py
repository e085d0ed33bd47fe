"""A run, typed: :class:`Run` (meta, summary, raw frames loaded lazily, the cross-language
table) and its views (findings, figures, model card, model-index), from a run directory
(:func:`load_run`) or from a run just made in memory (:func:`run_in_memory`).

Both paths give the same frames: an in-memory run's summary is read back from the CSV text that
``summary.csv`` would hold, and its raw frames from the parquet bytes ``raw/<suite>.parquet``
would hold, so the report reads one run the same way whether it was written or not.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from xlmaudit.competence import FILE as COMPETENCE
from xlmaudit.errors import InputError
from xlmaudit.quality import FILE as QUALITY
from xlmaudit.report.languages import fill_lang, read_cross
from xlmaudit.runinfo import RunInfo

if TYPE_CHECKING:
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
class RunData:
    """One audit run's data: typed ``meta``, ``summary`` (``lang`` on every row), ``raw[suite]``
    (loaded on first access), ``cross_language``, ``quality`` (``quality.csv``) and ``agreement``
    (``agreement.csv``; None when the run has none). ``path`` is the run directory (None for a run
    kept in memory, see :meth:`write_report`)."""

    path: Path | None
    meta: RunInfo
    summary: pd.DataFrame
    raw: Mapping[str, pd.DataFrame] = field(default_factory=dict)
    cross_language: pd.DataFrame | None = None
    agreement: pd.DataFrame | None = None  # agreement.csv (xlmaudit.agreement); None: not written
    unwritten: Unwritten | None = field(default=None, repr=False)
    quality: pd.DataFrame | None = None
    competence: pd.DataFrame | None = None  # competence.csv (xlmaudit.competence)

    @property
    def suites(self) -> list[str]:
        """Suite names in the order they appear in the summary (then raw-only suites)."""
        names = list(dict.fromkeys(self.summary["suite"].astype(str)))
        return names + [s for s in self.raw if s not in names]


def _typed_summary(summary: pd.DataFrame, meta: RunInfo) -> pd.DataFrame:
    summary = summary.copy()
    for col in ("suite", "probe", "group", "metric"):
        summary[col] = summary[col].astype(str)
    for col in ("value", "ci_low", "ci_high", "n", "p_value"):
        if col in summary.columns:
            summary[col] = pd.to_numeric(summary[col], errors="coerce")
    return fill_lang(summary, meta)  # a run older than the column reads as English


def read_table(source: Path | pd.DataFrame) -> pd.DataFrame | None:
    """An extra table of a run (``agreement.csv``) as its CSV reads back (a frame in memory
    goes through the same CSV text); None where the file is absent."""
    if isinstance(source, pd.DataFrame):
        return pd.read_csv(io.StringIO(source.to_csv(index=False)))
    return pd.read_csv(source) if source.is_file() else None


def load_run_data(run_dir: str | Path) -> RunData:
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
    return RunData(path=path, meta=meta, summary=_typed_summary(read_summary(path), meta), raw=raw,
               cross_language=read_cross(path), quality=read_table(path / QUALITY),
               agreement=read_table(path / "agreement.csv"),
               competence=read_table(path / COMPETENCE))  # fmt: skip


def run_in_memory(
    results: list[SuiteResult], meta: RunMeta, tables: Mapping[str, pd.DataFrame] | None = None
) -> RunData:
    """The data of suite results not written anywhere (``audit(out=None)``)."""
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
    quality, agreement, competence = (
        (tables or {}).get(name) for name in (QUALITY, "agreement.csv", COMPETENCE)
    )
    return RunData(path=None, meta=info, summary=summary, raw=raw, cross_language=cross,
               unwritten=Unwritten(tuple(results), meta, dict(tables or {})),
               quality=None if quality is None else read_table(quality),
               agreement=None if agreement is None else read_table(agreement),
               competence=None if competence is None else read_table(competence))  # fmt: skip
