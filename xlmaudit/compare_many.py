"""Comparison of N run directories: headlines per run, all pairwise paired comparisons, Holm.

- Headlines: per run, suite and probe, the overall row (group ``all``/``overall``) of the probe's
  main metric (the one its kind declares, read from ``meta.json`` by
  :func:`xlmaudit.probes.probe_record`), copied from the run's ``summary.csv`` with its interval.
- Pairs: every pair of runs (i < j, A = the earlier run on the command line) through
  :func:`xlmaudit.compare.compare_runs`, so each pair gets the same checks (suite versions, suite
  and data checksums, ``allow_different_data``) and the same paired statistics as a two-run
  comparison; a refusal names the two runs.
- ``p_holm``: Holm (1979) adjusted across every p-value of every pair, probe and group
  (:func:`xlmaudit.metrics.crows.holm`), the family being the whole table.

Pure pandas + scipy, no torch (like :mod:`xlmaudit.compare`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import combinations
from pathlib import Path

import pandas as pd

from xlmaudit.errors import InputError
from xlmaudit.metrics.crows import holm
from xlmaudit.paired import COMPARISON_COLUMNS, RunLike, compare_runs
from xlmaudit.runinfo import RunInfo

OVERALL_GROUPS = ("all", "overall")  # the groups of a probe's overall row (report.frames too)
HEADLINE_COLUMNS: tuple[str, ...] = (
    "run", "suite", "probe", "group", "metric", "value", "ci_low", "ci_high", "n",
)  # fmt: skip
PAIR_COLUMNS: tuple[str, ...] = ("pair", "run_a", "run_b", *COMPARISON_COLUMNS, "p_holm")


def run_labels(paths: Sequence[str | Path]) -> list[str]:
    """Short run labels: the directory names, numbered (``1:run``) when two names repeat."""
    names = [Path(p).resolve().name or str(p) for p in paths]
    if len(set(names)) == len(names):
        return names
    return [f"{i}:{n}" for i, n in enumerate(names, 1)]


def headlines(runs: Mapping[str, RunLike]) -> pd.DataFrame:
    """``HEADLINE_COLUMNS``: each run's overall main-metric row of every probe it summarised."""
    rows = []
    for label, run in runs.items():
        summary = run.summary
        for (suite, probe), part in summary.groupby(["suite", "probe"], sort=False):
            main = RunInfo.of(run.meta).probe(str(suite), str(probe)).main_metric
            keep = part[(part["metric"] == main) & part["group"].isin(OVERALL_GROUPS)]
            for r in keep.itertuples(index=False):
                rows.append({"run": label, "suite": suite, "probe": probe, "group": r.group,
                             "metric": r.metric, "value": r.value, "ci_low": r.ci_low,
                             "ci_high": r.ci_high, "n": r.n})  # fmt: skip
    return pd.DataFrame(rows, columns=list(HEADLINE_COLUMNS))


def headline_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Wide view of :func:`headlines`: one row per probe and metric, ``value``/``ci`` per run."""
    out = frame.assign(cell=[
        f"{v:.4g} [{lo:.4g}, {hi:.4g}]" for v, lo, hi in
        zip(frame["value"], frame["ci_low"], frame["ci_high"], strict=True)
    ])  # fmt: skip
    wide = out.pivot_table(index=["suite", "probe", "metric"], columns="run", values="cell",
                           aggfunc="first", sort=False)  # fmt: skip
    return wide[list(dict.fromkeys(frame["run"]))].reset_index()


def compare_many(
    runs: Mapping[str, RunLike], *, seed: int = 0, allow_different_data: bool = False
) -> pd.DataFrame:
    """``PAIR_COLUMNS`` rows of every pair of ``runs`` (label -> run, command-line order).

    Raises InputError naming both runs when a pair is refused (different suite versions, suite or
    data files without ``allow_different_data``, nothing shared). ``attrs["warnings"]`` and
    ``attrs["not_compared"]`` carry each pair's, prefixed with the pair.
    """
    if len(runs) < 2:
        raise InputError(f"compare needs at least two run directories, got {len(runs)}")
    frames, warnings, skipped = [], [], []
    for (la, a), (lb, b) in combinations(runs.items(), 2):
        pair = f"{lb} vs {la}"
        try:
            frame = compare_runs(a, b, seed=seed, allow_different_data=allow_different_data)
        except InputError as err:
            msg = str(err).replace("run A", f"run {la}").replace("run B", f"run {lb}")
            raise InputError(f"runs {la} (A) and {lb} (B): {msg}") from None
        warnings += [f"{pair}: {w}" for w in frame.attrs.get("warnings") or ()]
        skipped += [f"{pair}: {s}" for s in frame.attrs.get("not_compared") or ()]
        frames.append(frame.assign(pair=pair, run_a=la, run_b=lb))
    out = pd.concat(frames, ignore_index=True)
    out["p_holm"] = holm(out["p_value"].tolist())
    out = out[list(PAIR_COLUMNS)]
    out.attrs["warnings"] = warnings
    out.attrs["not_compared"] = skipped
    return out
