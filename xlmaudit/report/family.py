"""Several checkpoints (seeds) of one recipe: how each headline varies between them.

``xlmaudit compare --family A B C ...`` treats each run directory as one checkpoint of one
training recipe (Aribandi et al. 2021: scores move across pre-training seeds). The rows are each
run's headlines, as its report's findings give them (:func:`xlmaudit.report.findings.findings`:
the probe's declared main metric overall, per benchmark category and per group contrast, per
language), keyed by ``FAMILY_KEYS``. Per row: the number of checkpoints that have it, the mean,
the between-checkpoint standard deviation (``numpy.std``, ddof = 1), min and max, and each
checkpoint's sign relative to the row's no-bias value in that checkpoint (the kind's declared
reference, or the row's own where the kind gives one, as in the findings: CrowS-Pairs'
tie-adjusted value). ``sign_stable`` is true when every checkpoint lies on the same side (all at
the no-bias value counts as one side); ``direction`` is ``above``, ``below``, ``at reference``
or ``mixed`` (empty where the kind declares no no-bias value).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from xlmaudit.compare_checks import check_inputs, check_versions
from xlmaudit.errors import InputError
from xlmaudit.report.findings import findings
from xlmaudit.report.run import RunData

FAMILY_KEYS: tuple[str, ...] = ("suite", "probe", "lang", "group", "metric", "estimator")
FAMILY_COLUMNS: tuple[str, ...] = (
    *FAMILY_KEYS, "n_checkpoints", "mean", "sd", "min", "max", "sign_stable", "direction",
    "reference", "n_above", "n_below", "n_at_reference", "missing_in", "level",
)  # fmt: skip
VALUE_PREFIX = "value_"  # one column per checkpoint: value_<run label>
SIDES = {1.0: "above", -1.0: "below", 0.0: "at reference"}


def _estimators(summary: pd.DataFrame) -> dict[tuple[str, str], str]:
    """(suite, probe) -> the estimator its summary rows name ("" where none)."""
    if "estimator" not in summary.columns:
        return {}
    named = summary.dropna(subset=["estimator"])
    return {(str(s), str(p)): str(e) for s, p, e in
            zip(named["suite"], named["probe"], named["estimator"], strict=True)}  # fmt: skip


def checkpoint_rows(label: str, run: RunData) -> pd.DataFrame:
    """One checkpoint's headline rows (its findings) with ``estimator`` and ``run``."""
    rows = findings(run)
    est = _estimators(run.summary)
    rows["estimator"] = [est.get((str(s), str(p)), "") for s, p in
                         zip(rows["suite"], rows["probe"], strict=True)]  # fmt: skip
    rows["lang"] = rows["lang"].fillna("").astype(str)
    return rows.assign(run=label)


def _check_probes(rows: Mapping[str, pd.DataFrame]) -> None:
    """Raise InputError when the runs do not hold the same suites and probes, naming each
    probe and the runs that lack it."""
    have = {label: list(zip(f["suite"], f["probe"], strict=True)) for label, f in rows.items()}
    every = dict.fromkeys(p for h in have.values() for p in h)
    gaps = [f"{s}/{p} is missing in {', '.join(lab for lab, h in have.items() if (s, p) not in h)}"
            for s, p in every if any((s, p) not in h for h in have.values())]  # fmt: skip
    if gaps:
        raise InputError("compare --family: the runs are not checkpoints of one audit (different "
                         "suites or probes): " + "; ".join(gaps))  # fmt: skip


def _check_data(runs: Mapping[str, RunData], allow_different_data: bool) -> list[str]:
    """Each run against the first: same suite versions and inputs (``compare_checks``)."""
    (first, a), *rest = runs.items()
    warnings = []
    for label, b in rest:
        suites = [s for s in a.suites if s in b.suites]
        try:
            check_versions(a, b, suites)
            found = check_inputs(a, b, suites, allow_different_data=allow_different_data)
        except InputError as err:
            msg = str(err).replace("run A", f"run {first}").replace("run B", f"run {label}")
            raise InputError(f"compare --family: runs {first} and {label}: {msg}") from None
        warnings += [f"{label} vs {first}: {w}" for w in found]
    return warnings


def _limit_warning(runs: Mapping[str, RunData]) -> list[str]:
    """A warning when the runs scored different item subsets (``--limit``)."""
    limits = {label: run.meta.settings.limit for label, run in runs.items()}
    if len(set(limits.values())) < 2:
        return []
    by = {}
    for label, limit in limits.items():
        by.setdefault("all items" if limit is None else f"--limit {limit}", []).append(label)
    where = "; ".join(f"{k} in {', '.join(v)}" for k, v in by.items())
    return [f"the runs scored different item subsets ({where}): the spread between them mixes "
            "checkpoints with item sets"]  # fmt: skip


def spread(values: np.ndarray, references: np.ndarray) -> dict[str, object]:
    """Mean, sd (ddof = 1), min, max and the sign counts of one row's checkpoint values."""
    sd = float(np.std(values, ddof=1)) if len(values) > 1 else float("nan")
    out: dict[str, object] = {
        "n_checkpoints": len(values), "mean": float(np.mean(values)), "sd": sd,
        "min": float(np.min(values)), "max": float(np.max(values)),
    }  # fmt: skip
    if np.isnan(references).any():
        return {**out, "sign_stable": pd.NA, "direction": "", "reference": float("nan")}
    signs = np.sign(values - references)
    sides = set(signs.tolist())
    return {
        **out,
        "sign_stable": len(sides) == 1 if len(values) > 1 else pd.NA,
        "direction": SIDES[sides.pop()] if len(sides) == 1 else "mixed",
        "reference": float(np.mean(references)),
        "n_above": int(np.sum(signs > 0)), "n_below": int(np.sum(signs < 0)),
        "n_at_reference": int(np.sum(signs == 0)),
    }  # fmt: skip


def family_table(
    runs: Mapping[str, RunData], *, allow_different_data: bool = False
) -> pd.DataFrame:
    """``FAMILY_COLUMNS`` plus ``value_<label>`` per checkpoint, one row per headline row.

    ``runs``: label -> run, in command-line order. A row some runs lack (a category absent from
    a limited run) is kept with the runs that have it; ``missing_in`` names the others.
    Raises InputError for fewer than two runs, for runs of different suites or probes (naming
    each probe and the runs that lack it), and, unless ``allow_different_data``, for runs that
    read different suite or data files (then ``attrs["warnings"]``).
    """
    if len(runs) < 2:
        raise InputError(f"compare --family needs at least two run directories (checkpoints), "
                         f"got {len(runs)}")  # fmt: skip
    rows = {label: checkpoint_rows(label, run) for label, run in runs.items()}
    _check_probes(rows)
    warnings = _limit_warning(runs) + _check_data(runs, allow_different_data)
    long = pd.concat(rows.values(), ignore_index=True)
    long = long[pd.to_numeric(long["value"], errors="coerce").notna()]
    out = []
    for key, part in long.groupby(list(FAMILY_KEYS), sort=False):
        values = part["value"].to_numpy(float)
        refs = pd.to_numeric(part["reference"], errors="coerce").to_numpy(float)
        record = dict(zip(FAMILY_KEYS, key, strict=True))
        record.update(spread(values, refs))
        record["missing_in"] = ", ".join(lab for lab in runs if lab not in set(part["run"]))
        record["level"] = part["level"].iloc[0]
        record.update({f"{VALUE_PREFIX}{r}": v for r, v in zip(part["run"], values, strict=True)})
        out.append(record)
    columns = [*FAMILY_COLUMNS, *(f"{VALUE_PREFIX}{lab}" for lab in runs)]
    table = pd.DataFrame(out, columns=columns)
    table.attrs["warnings"] = warnings
    return table
