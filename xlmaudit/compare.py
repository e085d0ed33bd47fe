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
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import pandas as pd
from scipy import stats

from xlmaudit.errors import InputError
from xlmaudit.probes import ProbeRecord, probe_record

CONFIDENCE = 0.95
N_RESAMPLES = 4000
COMPARISON_COLUMNS: tuple[str, ...] = (
    "suite", "probe", "group", "metric", "value_a", "value_b", "difference", "ci_low", "ci_high",
    "n_shared", "n_only_a", "n_only_b", "test", "n_a_only_yes", "n_b_only_yes", "p_value",
)  # fmt: skip
SHORT = 12  # hex digits of a checksum shown in messages
NOT_READ = "not read"  # a data file one run read and the other did not
SAME_ITEMS = (
    "a paired comparison needs the same items in both runs: with a different suite file, lexicon "
    "or data file the runs score different item sets, and B - A mixes the model change with the "
    "data change"
)
Checked = tuple[list[str], list[str]]  # (differences, checks that could not be made)


class RunLike(Protocol):
    """What a comparison reads from a run directory (``xlmaudit.rundir.RunDir`` has it)."""

    meta: dict[str, Any]
    summary: pd.DataFrame
    raw: Mapping[str, pd.DataFrame]


def paired_bootstrap(
    a: np.ndarray, b: np.ndarray, *, seed: int = 0, n_resamples: int = N_RESAMPLES
) -> tuple[float, float]:
    """Percentile interval of mean(b) - mean(a), items resampled as pairs (NaN below 2 pairs)."""
    if len(a) < 2:
        return float("nan"), float("nan")
    diff = b - a
    if np.allclose(diff, diff[0], rtol=0.0, atol=1e-12):
        return float(np.mean(diff)), float(np.mean(diff))  # no spread: the interval is a point
    res = stats.bootstrap(
        (a, b), lambda x, y, axis: np.mean(y, axis=axis) - np.mean(x, axis=axis), paired=True,
        vectorized=True, n_resamples=n_resamples, confidence_level=CONFIDENCE,
        method="percentile", random_state=np.random.default_rng(seed),
    )  # fmt: skip
    return float(res.confidence_interval.low), float(res.confidence_interval.high)


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


def _suite_entry(meta: Mapping[str, Any], suite: str) -> dict[str, Any]:
    suites = meta.get("suites")
    entry = suites.get(suite, {}) if isinstance(suites, dict) else {}
    return entry if isinstance(entry, dict) else {}


def suite_versions(meta: Mapping[str, Any], suite: str) -> tuple[str | None, str | None]:
    """(version, sha256) of ``suite`` recorded in ``meta.json`` (None where not recorded)."""
    entry = _suite_entry(meta, suite)
    return entry.get("version"), entry.get("sha256") or entry.get("hash")


def check_versions(a: RunLike, b: RunLike, suites: list[str]) -> None:
    """Raise InputError naming the suite when the two runs used different suite versions."""
    for suite in suites:
        va, vb = suite_versions(a.meta, suite), suite_versions(b.meta, suite)
        if va[0] != vb[0]:
            raise InputError(
                f"suite {suite!r}: run A used version {va[0]} (sha256 {va[1]}), run B version "
                f"{vb[0]} (sha256 {vb[1]}); compare runs of the same suite version"
            )


def _checksum(value: object) -> str | None:
    """A data record's sha256: ``{"sha256": ...}`` (``xlmaudit run``) or the bare string."""
    value = value.get("sha256") if isinstance(value, dict) else value
    return str(value) if value else None


def _uses(name: str, kinds: set[str]) -> bool:
    return any(name == k or name.startswith(f"{k} (") for k in kinds)


def data_checksums(meta: Mapping[str, Any], suite: str) -> dict[str, str | None] | None:
    """sha256 per data file that ``suite`` read, from ``meta.json``; None if it records no data.

    A per-suite ``data`` record wins; otherwise the run's ``data`` entries
    named after a probe kind of the suite (``crows-pairs``, ``stereoset (test.json)``), all of them
    when the meta records no probe kind.
    """
    entry = _suite_entry(meta, suite)
    record = entry.get("data")
    if not isinstance(record, dict):
        record = meta.get("data")
        if not isinstance(record, dict):
            return None
        probes = entry.get("probes")
        probes = probes.values() if isinstance(probes, dict) else []
        kinds = {str(p["kind"]) for p in probes if isinstance(p, dict) and p.get("kind")}
        if kinds:
            record = {n: v for n, v in record.items() if _uses(str(n), kinds)}
    return {str(n): _checksum(v) for n, v in record.items()}


def _without(a: object, b: object) -> str:
    """Which runs lack a record (None): ``run A's meta.json records`` (B; both runs')."""
    if a is None and b is None:
        return "both runs' meta.json files record"
    return f"run {'A' if a is None else 'B'}'s meta.json records"


def _pair(a: str, b: str) -> str:
    """Both short checksums: ``sha256 0123456789ab in run A, not read in run B``."""
    a, b = (c if c == NOT_READ else f"sha256 {c[:SHORT]}" for c in (a, b))
    return f"{a} in run A, {b} in run B"


def _suite_file_check(a: Mapping[str, Any], b: Mapping[str, Any], suite: str) -> Checked:
    """(differences, unchecked) of the suite file + lexicons checksum of ``suite``."""
    ha, hb = suite_versions(a, suite)[1], suite_versions(b, suite)[1]
    if ha is None or hb is None:
        lack = f"suite {suite!r}: {_without(ha, hb)} no sha256 of the suite file"
        return [], [f"{lack}; could not check that both runs used the same suite definition"]
    if ha == hb:
        return [], []
    paths = (_suite_entry(m, suite).get("path") for m in (a, b))
    name = " / ".join(dict.fromkeys(Path(str(p)).name for p in paths if p)) or "suite file"
    return [f"suite {suite!r}: suite file {name} (with its lexicons): {_pair(ha, hb)}"], []


def _data_file_check(a: Mapping[str, Any], b: Mapping[str, Any], suite: str) -> Checked:
    """(differences, unchecked) of the data files ``suite`` read in runs A and B."""
    da, db = data_checksums(a, suite), data_checksums(b, suite)
    if da is None or db is None:
        return [], [f"suite {suite!r}: {_without(da, db)} no data checksums; "
                    "could not check that both runs read the same data files"]  # fmt: skip
    differences, unchecked = [], []
    for name in dict.fromkeys([*da, *db]):
        ca, cb = da.get(name, NOT_READ), db.get(name, NOT_READ)
        where = f"suite {suite!r}: data file {name!r}"
        if ca is None or cb is None:
            unchecked.append(f"{where}: {_without(ca, cb)} no sha256; could "
                             "not check that both runs read the same file")  # fmt: skip
        elif ca != cb:
            differences.append(f"{where}: {_pair(ca, cb)}")
    return differences, unchecked


def check_inputs(
    a: RunLike, b: RunLike, suites: list[str], *, allow_different_data: bool = False
) -> list[str]:
    """Check that both runs read the same suite files and data for ``suites``; return warnings.

    A checksum that differs (sha256 of the suite file with its lexicons, or of a data file the
    suite read) raises InputError naming the suite, the file and both checksums (first 12 hex
    digits), or is a warning with ``allow_different_data``. A checksum that ``meta.json`` does not
    record (older runs) is a warning: the check could not be made.
    """
    differences, warnings = [], []
    for suite in suites:
        for check in (_suite_file_check, _data_file_check):
            found, unchecked = check(a.meta, b.meta, suite)
            differences += found
            warnings += unchecked
    if differences and not allow_different_data:
        raise InputError(f"{'; '.join(differences)}; {SAME_ITEMS} (--allow-different-data "
                         "compares the items whose ids match anyway)")  # fmt: skip
    anyway = ("compared anyway (--allow-different-data): only items with the same item_id are "
              "paired, and the two runs' item sets may differ")  # fmt: skip
    return [f"{d}; {anyway}" for d in differences] + warnings


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
    low, high = paired_bootstrap(a * scale, b * scale, seed=seed)
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
            records = (probe_record(a.meta, suite, str(probe)),
                       probe_record(b.meta, suite, str(probe)))  # fmt: skip
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
