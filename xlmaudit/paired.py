"""Paired comparison of two runs on the items both scored (pure pandas + scipy, no torch).

For every probe of every suite the two runs share, items are paired by ``item_id`` (content
derived, so the same item in two runs has the same id):

- pair probes (CrowS-Pairs-style raw rows with ``sent_more_score`` / ``sent_less_score``): the
  per-pair decision "sent_more scores higher" (ties count as not, as in Nangia et al. 2020);
  metric = % of pairs deciding so; McNemar's exact test on the discordant pairs
  (``scipy.stats.binomtest``); StereoSet clusters likewise, the decision being "the stereotype
  outscores the anti-stereotype" (``pct_stereotype_preferred``, the unweighted SS ingredient);
- score probes (template probes): the per-item main score (e.g. ``log_odds``); metric = its mean;
  exact sign test on the per-item differences (zeros dropped).

Which of these applies, and which metric is the main one, is what the probe's kind declares
(``pairing``, ``main_metric``, ``paired_values`` in :mod:`xlmaudit.probes`), read from the kind
``meta.json`` records for the probe (the kurita probe compares ``ilp_difference``, its main metric,
not the ``log_odds`` column its raw rows also carry).

The difference B - A of the metric gets a paired percentile bootstrap interval
(``scipy.stats.bootstrap(paired=True)``) over the shared items.

Before pairing, :func:`check_inputs` compares the sha256 checksums ``meta.json`` records for each
shared suite (suite file with its lexicons; data files the suite read): a difference is refused
unless ``allow_different_data``, a checksum not recorded is a warning.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

import numpy as np
import pandas as pd
from scipy import stats

from xlmaudit.compare_checks import check_inputs, check_versions, data_checksums
from xlmaudit.errors import InputError
from xlmaudit.metrics.stats import paired_bootstrap
from xlmaudit.probes import ProbeRecord
from xlmaudit.runinfo import RunInfo

__all__ = ["check_inputs", "check_versions", "compare_probe", "compare_runs", "data_checksums"]

CONFIDENCE = 0.95
N_RESAMPLES = 4000
COMPARISON_COLUMNS: tuple[str, ...] = (
    "suite", "probe", "group", "metric", "value_a", "value_b", "difference", "ci_low", "ci_high",
    "n_shared", "n_only_a", "n_only_b", "test", "n_a_only_yes", "n_b_only_yes", "p_value",
)  # fmt: skip


class RunLike(Protocol):
    """What a comparison reads from a run directory (``xlmaudit.rundir.RunDir`` has it)."""

    meta: dict[str, Any]
    summary: pd.DataFrame
    raw: Mapping[str, pd.DataFrame]


def difference_interval(
    a: np.ndarray, b: np.ndarray, *, seed: int = 0, n_resamples: int = N_RESAMPLES
) -> tuple[float, float]:
    """Percentile interval of mean(b) - mean(a), items resampled as pairs
    (:func:`xlmaudit.metrics.stats.paired_bootstrap`); NaN below 2 pairs, a point without spread."""
    if len(a) < 2:
        return float("nan"), float("nan")
    diff = b - a
    if np.allclose(diff, diff[0], rtol=0.0, atol=1e-12):
        return float(np.mean(diff)), float(np.mean(diff))  # no spread: the interval is a point
    return paired_bootstrap(
        (a, b), lambda x, y, axis: np.mean(y, axis=axis) - np.mean(x, axis=axis),
        confidence=CONFIDENCE, seed=seed, vectorized=True, n_resamples=n_resamples,
    )  # fmt: skip


def mcnemar_exact(a: np.ndarray, b: np.ndarray) -> tuple[int, int, float]:
    """McNemar's exact test of paired 0/1 decisions: (A-only yes, B-only yes, two-sided p)."""
    a_only = int(np.sum((a == 1) & (b == 0)))
    b_only = int(np.sum((a == 0) & (b == 1)))
    n = a_only + b_only
    return a_only, b_only, float(stats.binomtest(b_only, n, 0.5).pvalue) if n else 1.0


def sign_test(a: np.ndarray, b: np.ndarray) -> tuple[int, int, float]:
    """Exact sign test of paired scores: (#b < a, #b > a, two-sided p); ties dropped."""
    diff = b - a
    below, above = int(np.sum(diff < 0)), int(np.sum(diff > 0))
    n = below + above
    return below, above, float(stats.binomtest(above, n, 0.5).pvalue) if n else 1.0


def item_values(raw: pd.DataFrame, record: ProbeRecord) -> tuple[str, pd.DataFrame] | None:
    """(``decision:<metric>`` or ``score:<metric>``, frame[item_id, value, group]) of one probe's
    raw rows, from the kind ``meta.json`` records and its declared pairing and main metric; None
    when the kind is unknown or its items do not pair (e.g. attribution probes)."""
    kind = record.kind
    if kind is None or kind.pairing not in ("score", "decision") or not record.main_metric:
        return None
    found = kind.paired_values(raw.dropna(axis=1, how="all"), record.main_metric)
    return None if found is None else (f"{kind.pairing}:{found[0]}", found[1])


def _row(kind: str, merged: pd.DataFrame, only: tuple[int, int], *, seed: int) -> dict[str, Any]:
    a, b = merged["value_a"].to_numpy(float), merged["value_b"].to_numpy(float)
    decision, metric = kind.startswith("decision:"), kind.split(":", 1)[1]
    scale = 100.0 if decision else 1.0
    low, high = difference_interval(a * scale, b * scale, seed=seed)
    x, y, p = mcnemar_exact(a, b) if decision else sign_test(a, b)
    test = "mcnemar_exact" if decision else "sign_test"
    value_a, value_b = float(np.mean(a) * scale), float(np.mean(b) * scale)
    return {
        "metric": metric, "value_a": value_a, "value_b": value_b, "difference": value_b - value_a,
        "ci_low": low, "ci_high": high, "n_shared": len(merged), "n_only_a": only[0],
        "n_only_b": only[1], "test": test, "n_a_only_yes": x, "n_b_only_yes": y, "p_value": p,
    }  # fmt: skip


def compare_probe(
    raw_a: pd.DataFrame, raw_b: pd.DataFrame, records: tuple[ProbeRecord, ProbeRecord], *,
    seed: int = 0,
) -> list[dict]:  # fmt: skip
    """Comparison rows (overall, then per group) of one probe's raw rows in runs A and B."""
    va, vb = item_values(raw_a, records[0]), item_values(raw_b, records[1])
    if va is None or vb is None or va[0] != vb[0]:
        return []
    kind, fa, fb = va[0], va[1], vb[1]
    merged = fa.merge(fb, on="item_id", suffixes=("_a", "_b"))
    rows = []
    groups = [("all", merged, fa, fb)]
    if merged["group_a"].nunique() > 1:
        groups += [(g, merged[merged["group_a"] == g], fa[fa["group"] == g], fb[fb["group"] == g])
                   for g in pd.unique(merged["group_a"])]  # fmt: skip
    for group, part, ga, gb in groups:
        if part.empty:
            continue
        only = (int((~ga["item_id"].isin(part["item_id"])).sum()),
                int((~gb["item_id"].isin(part["item_id"])).sum()))  # fmt: skip
        rows.append({"group": group, **_row(kind, part, only, seed=seed)})
    return rows


def compare_runs(
    a: RunLike, b: RunLike, *, seed: int = 0, allow_different_data: bool = False
) -> pd.DataFrame:
    """Paired comparison rows (``COMPARISON_COLUMNS``) of every probe both runs scored.

    Probes with no item-level score to pair (e.g. attribution probes) or with no shared item are
    listed in ``frame.attrs["not_compared"]`` (the report and the command print them); warnings
    (inputs that differ or could not be checked, see :func:`check_inputs`) in
    ``frame.attrs["warnings"]``.

    Raises InputError when the runs share no suite, used different versions of a shared suite,
    read different suite, lexicon or data files for it (unless ``allow_different_data``), or
    share no item.
    """
    shared = [s for s in a.raw if s in b.raw]
    if not shared:
        raise InputError(f"the runs share no suite: run A has {sorted(a.raw)}, "
                         f"run B has {sorted(b.raw)}")  # fmt: skip
    check_versions(a, b, shared)
    warnings = check_inputs(a, b, shared, allow_different_data=allow_different_data)
    rows, skipped = [], []
    for suite in shared:
        ra, rb = a.raw[suite], b.raw[suite]
        for probe in pd.unique(ra["probe"]):
            pb = rb[rb["probe"] == probe]
            if pb.empty:
                continue
            records = (RunInfo.of(a.meta).probe(suite, str(probe)),
                       RunInfo.of(b.meta).probe(suite, str(probe)))  # fmt: skip
            found = compare_probe(ra[ra["probe"] == probe], pb, records, seed=seed)
            rows += [{"suite": suite, "probe": str(probe), **r} for r in found]
            if not found:
                skipped.append(f"{suite}/{probe}")
    frame = pd.DataFrame(rows, columns=list(COMPARISON_COLUMNS))
    frame.attrs["not_compared"] = skipped
    frame.attrs["warnings"] = warnings
    if frame.empty:
        raise InputError(f"the runs share no scored item in suites {shared}: item ids differ "
                         "(different data, templates or lexicons?)")  # fmt: skip
    return frame
