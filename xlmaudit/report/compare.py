"""Runs compared item by item: :func:`compare` returns a :class:`Comparison` of two or more
:class:`~xlmaudit.report.run.Run` objects (loaded or in memory), over
:func:`xlmaudit.paired.compare_runs` (two runs) and :func:`xlmaudit.compare_many.compare_many`
(every pair, Holm across all); :func:`family` returns a :class:`Family`: runs taken as
checkpoints (seeds) of one recipe, per headline their mean, sd, range and sign stability
(:func:`xlmaudit.report.family.family_table`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from xlmaudit.compare_many import compare_many, headlines, run_labels
from xlmaudit.errors import InputError
from xlmaudit.paired import compare_runs
from xlmaudit.report.audit_run import Run, load_run

if TYPE_CHECKING:
    from matplotlib.figure import Figure


@dataclass(frozen=True)
class Comparison:
    """``runs`` by label; ``table``: each run's headline per probe (one row per run, suite,
    probe, metric); ``pairwise``: the paired rows (``comparison.csv``: two runs as ``xlmaudit
    compare A B`` writes them; more runs with ``pair``, ``run_a``, ``run_b`` and ``p_holm``)."""

    runs: Mapping[str, Run]
    table: pd.DataFrame
    pairwise: pd.DataFrame

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(self.pairwise.attrs.get("warnings") or ())

    @property
    def not_compared(self) -> tuple[str, ...]:
        return tuple(self.pairwise.attrs.get("not_compared") or ())

    def figures(self) -> dict[str, Figure]:
        """The comparison report's figures by name (nothing is written)."""
        from xlmaudit.report.comparison import draw_differences
        from xlmaudit.report.comparison_many import draw_headlines

        first = next(iter(self.runs.values())).meta
        if len(self.runs) == 2:
            return {n: f for n, f, _ in draw_differences(self.pairwise, first)}
        frame = self.pairwise
        labelled = frame.assign(group=frame["group"] + " (" + frame["pair"] + ")")
        made = [*draw_headlines(self.table, self.runs), *draw_differences(labelled, first)]
        return {n: f for n, f, _ in made}

    def write(self, path: str | Path) -> Path:
        """Write comparison.csv (and comparison_headlines.csv for more than two runs),
        comparison.md, comparison.html and figures/ into ``path``; return it."""
        from xlmaudit.report.comparison import write_comparison
        from xlmaudit.report.comparison_many import write_many

        if len(self.runs) == 2:
            a, b = self.runs.values()
            return write_comparison(a, b, self.pairwise, out=path).csv.parent
        return write_many(self.runs, self.pairwise, out=path).csv.parent


def _labels(runs: list[Run]) -> list[str]:
    if all(r.path is not None for r in runs):
        return run_labels([r.path for r in runs])  # type: ignore[misc]
    return [f"{i}:{r.meta.model.name}" for i, r in enumerate(runs, 1)]


def compare(
    *runs: Run | str | Path, seed: int = 0, allow_different_data: bool = False
) -> Comparison:
    """Compare runs (``Run`` objects or run directories) item by item; the first is A.

    Raises InputError when fewer than two runs are given, or when the runs cannot be paired
    (no shared suite or item, different suite versions, or different data files without
    ``allow_different_data``).
    """
    if len(runs) < 2:
        raise InputError(f"compare: needs at least two runs, got {len(runs)}")
    loaded = [r if isinstance(r, Run) else load_run(r) for r in runs]
    by_label = dict(zip(_labels(loaded), loaded, strict=True))
    if len(loaded) == 2:
        pairwise = compare_runs(*loaded, seed=seed, allow_different_data=allow_different_data)
    else:
        pairwise = compare_many(by_label, seed=seed, allow_different_data=allow_different_data)
    return Comparison(runs=by_label, table=headlines(by_label), pairwise=pairwise)


@dataclass(frozen=True)
class Family:
    """``runs`` (checkpoints of one recipe) by label; ``table``: ``family.csv``, one row per
    headline row (:data:`xlmaudit.report.family.FAMILY_COLUMNS` plus ``value_<label>``)."""

    runs: Mapping[str, Run]
    table: pd.DataFrame

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(self.table.attrs.get("warnings") or ())

    def write(self, path: str | Path) -> Path:
        """Write family.csv, family.md and family.html into ``path``; return it."""
        from xlmaudit.report.family_report import write_family

        return write_family(self.runs, self.table, out=path).csv.parent


def family(*runs: Run | str | Path, allow_different_data: bool = False) -> Family:
    """Runs (``Run`` objects or run directories) as checkpoints of one recipe: per headline row
    the mean across checkpoints, the between-checkpoint sd (ddof = 1), min, max and whether the
    sign relative to the no-bias value is the same in every checkpoint.

    Raises InputError for fewer than two runs, a directory that is not a run, runs of different
    suites or probes, or runs that read different suite or data files (unless
    ``allow_different_data``).
    """
    from xlmaudit.report.family import family_table

    if len(runs) < 2:
        raise InputError(f"family: needs at least two runs (checkpoints), got {len(runs)}")
    loaded = [r if isinstance(r, Run) else load_run(r) for r in runs]
    by_label = dict(zip(_labels(loaded), loaded, strict=True))
    table = family_table(by_label, allow_different_data=allow_different_data)
    return Family(runs=by_label, table=table)
