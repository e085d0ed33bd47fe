"""Agreement between measures of one run: ``agreement.csv`` (pure pandas + scipy).

A *measure* is one probe's declared main metric (the kind ``meta.json`` records) in one language
and, where a probe's rows carry several, one estimator / method / pooling. Its *categories* are
its summary rows below the overall one (levels ``category``, ``filler``, ``subgroup``: bias
types, occupations, SEAT tests), named by the group with any ``prefix:`` dropped, lower case
(``occupation:CEO`` -> ``ceo``, ``category:gender`` -> ``gender``). Two categories match when
their names are equal or one is a hyphen-part of the other (``race`` ~ ``race-color``).

Two measures of one language pair when they share at least :data:`MIN_SHARED` categories: a row
``over = "categories"`` gives Kendall's tau-b of their values over the shared categories
(:func:`scipy.stats.kendalltau`, its two-sided p in ``tau_p``), ``sign_agreement``: the share of
shared categories where both sit on the same side of their no-bias value (the row's own
``no_bias`` where the kind gives one, else the kind's ``MetricDoc.reference``; a value exactly
at it counts as its own side), ``n_opposite``: categories on opposite sides, and
``opposite_significant``: those where both rows' 95% intervals exclude their no-bias value
(and both have the ``min_n`` items their kind asks of a finding).
Where the two probes' kinds pair items (``ProbeKind.paired_values``) and the measures share at
least :data:`MIN_SHARED` item ids (the five CrowS-Pairs estimators score the same pairs), a row
``over = "items"`` does the same over the per-item values (no-bias value 0.5 for a 0/1
decision, else the paired metric's declared reference).

Before comparing, a measure whose contrast is the other's reversed (``male - female`` vs
``female - male``) is negated (``flipped``). ``comparable``: the two measures have the same kind
or the same contrast groups, so "the same side" means the same direction in words; the report
names direction disagreements of comparable measures only.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from xlmaudit.runinfo import RunInfo

FILE = "agreement.csv"
MIN_SHARED = 3  # fewest shared categories (or items) for a pair of measures
CATEGORY_LEVELS = ("category", "filler", "subgroup", "")
OVERALL_GROUPS = ("all", "overall")
VARIANT_COLUMNS = ("estimator", "method", "pooling")  # columns splitting one probe's rows
COLUMNS: tuple[str, ...] = (
    "measure_a", "measure_b", "suite_a", "probe_a", "metric_a", "suite_b", "probe_b", "metric_b",
    "lang", "over", "n", "kendall_tau", "tau_p", "sign_agreement", "n_opposite",
    "opposite_significant", "comparable", "flipped", "categories",
)  # fmt: skip


@dataclass(frozen=True)
class Measure:
    """One measure: ``rows`` are its category rows indexed by normalised category name (columns
    ``group, value, ci_low, ci_high, reference`` and the summary's others)."""

    id: str
    suite: str
    probe: str
    lang: str
    variant: str
    metric: str
    kind: str
    contrast: tuple[str, ...]
    rows: pd.DataFrame
    min_n: int = 0  # the kind's fewest items for a row to count as a finding


def category_name(group: str) -> str:
    """``occupation:CEO`` -> ``ceo``; ``police_officer`` -> ``police officer``."""
    return re.sub(r"[\s_]+", " ", str(group).split(":")[-1]).strip().lower()


def match_categories(a: list[str], b: list[str]) -> dict[str, str]:
    """A's categories -> B's: equal names first, then a name that is a hyphen-part of the other
    (one match per category)."""
    out = {c: c for c in a if c in set(b)}
    free_b = [c for c in b if c not in out.values()]
    for c in (c for c in a if c not in out):
        hits = [d for d in free_b if c in d.split("-") or d in c.split("-")]
        if len(hits) == 1:
            out[c] = hits[0]
            free_b.remove(hits[0])
    return out


def _reference(row: pd.Series, doc: Any) -> float:
    own = pd.to_numeric(pd.Series([row.get("no_bias")]), errors="coerce").iloc[0]
    if pd.notna(own):
        return float(own)
    return float(doc.reference) if doc is not None and doc.reference is not None else np.nan


def _variants(part: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    cols = [c for c in VARIANT_COLUMNS if c in part.columns and part[c].notna().any()]
    if not cols:
        return [("", part)]
    keys = part[cols].astype(str).agg("/".join, axis=1)
    return [(str(k), part[keys == k]) for k in dict.fromkeys(keys)]


def measures(summary: pd.DataFrame, meta: RunInfo | Mapping[str, Any]) -> list[Measure]:
    """Every measure of a run's summary with its category rows (probes whose kind has no main
    metric, e.g. attribution, have none)."""
    info = RunInfo.of(meta)
    several = summary["lang"].nunique() > 1 if "lang" in summary.columns else False
    out = []
    keys = ["suite", "probe", "lang"] if "lang" in summary.columns else ["suite", "probe"]
    for key, part in summary.groupby(keys, sort=False):
        suite, probe, lang = (*map(str, key), "")[:3]
        record = info.probe(suite, probe)
        if record.kind is None or not record.main_metric:
            continue
        part = part[part["metric"] == record.main_metric]
        variants = _variants(part)
        for variant, rows in variants:
            mid = f"{suite}/{probe}" + (f":{variant}" if len(variants) > 1 else "")
            mid += f" [{lang}]" if several else ""
            out.append(Measure(mid, suite, probe, lang, variant, record.main_metric,
                               record.kind.name, record.contrast, _category_rows(rows, record),
                               int(record.kind.min_n or 0)))  # fmt: skip
    return out


def _category_rows(rows: pd.DataFrame, record: Any) -> pd.DataFrame:
    level = rows["level"].fillna("") if "level" in rows.columns else pd.Series("", rows.index)
    keep = rows[level.isin(CATEGORY_LEVELS) & ~rows["group"].astype(str).isin(OVERALL_GROUPS)]
    doc = record.doc(record.main_metric)
    refs = [_reference(r, doc) for _, r in keep.iterrows()]
    keep = keep.assign(reference=refs, category=[category_name(g) for g in keep["group"]])
    return keep.drop_duplicates("category").set_index("category")


def _orientation(a: Measure, b: Measure) -> tuple[float, bool]:
    """(sign to apply to B, comparable)."""
    ca, cb = tuple(a.contrast[:2]), tuple(b.contrast[:2])
    flipped = len(ca) == 2 and cb == ca[::-1] and ca[0] != ca[1]
    comparable = a.kind == b.kind or (len(ca) == 2 and set(ca) == set(cb))
    return (-1.0 if flipped else 1.0), comparable


def _significant(rows: pd.DataFrame, min_n: int) -> np.ndarray:
    """Rows whose 95% interval excludes their no-bias value, with at least ``min_n`` items."""
    n = pd.to_numeric(rows["n"], errors="coerce").to_numpy(float) if "n" in rows else np.nan
    low = pd.to_numeric(rows["ci_low"], errors="coerce").to_numpy(float)
    high = pd.to_numeric(rows["ci_high"], errors="coerce").to_numpy(float)
    ref = rows["reference"].to_numpy(float)
    return ((low > ref) | (high < ref)) & ~(n < min_n)


def compare_values(
    va: np.ndarray, vb: np.ndarray, ra: np.ndarray, rb: np.ndarray
) -> dict[str, float]:
    """Kendall's tau-b of ``va`` vs ``vb`` with its p, the share on the same side of the
    references ``ra`` / ``rb`` (NaN where a reference is missing) and the count on opposite
    sides. Fewer than :data:`MIN_SHARED` values or a constant one: tau NaN."""
    tau = p = np.nan
    if len(va) >= MIN_SHARED:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res = stats.kendalltau(va, vb)
        tau, p = float(res.statistic), float(res.pvalue)
    sa, sb = np.sign(va - ra), np.sign(vb - rb)
    known = np.isfinite(sa) & np.isfinite(sb)
    same = float(np.mean(sa[known] == sb[known])) if known.any() else np.nan
    return {"n": len(va), "kendall_tau": tau, "tau_p": p, "sign_agreement": same,
            "n_opposite": int(np.sum(sa[known] * sb[known] < 0))}  # fmt: skip


def _base(a: Measure, b: Measure, over: str, flip: float, comparable: bool) -> dict[str, Any]:
    return {"measure_a": a.id, "measure_b": b.id, "suite_a": a.suite, "probe_a": a.probe,
            "metric_a": a.metric, "suite_b": b.suite, "probe_b": b.probe, "metric_b": b.metric,
            "lang": a.lang, "over": over, "comparable": comparable,
            "flipped": flip < 0}  # fmt: skip


def category_pair(a: Measure, b: Measure) -> dict[str, Any] | None:
    """The ``over = "categories"`` row of two measures, None under :data:`MIN_SHARED` shared."""
    matched = match_categories(list(a.rows.index), list(b.rows.index))
    if len(matched) < MIN_SHARED:
        return None
    flip, comparable = _orientation(a, b)
    ra, rb = a.rows.loc[list(matched)], b.rows.loc[list(matched.values())]
    va, vb = ra["value"].to_numpy(float), flip * rb["value"].to_numpy(float)
    refs_b = flip * rb["reference"].to_numpy(float)
    row = compare_values(va, vb, ra["reference"].to_numpy(float), refs_b)
    opposite = np.sign(va - ra["reference"].to_numpy(float)) * np.sign(vb - refs_b) < 0
    both = opposite & _significant(ra, a.min_n) & _significant(rb, b.min_n)
    names = [c if c == d else f"{c}={d}" for c, d in matched.items()]
    return {**_base(a, b, "categories", flip, comparable), **row,
            "opposite_significant": ";".join(np.array(list(matched))[both]),
            "categories": ";".join(names)}  # fmt: skip


def item_values(measure: Measure, raw: pd.DataFrame | None) -> tuple[pd.Series, float] | None:
    """(per-item values by item id, their no-bias value) from the kind's ``paired_values``, or
    None when the kind pairs no items or the raw frame is missing."""
    from xlmaudit.probes import load_kinds

    kind = load_kinds().get(measure.kind)
    if raw is None or kind is None or kind.pairing == "none" or "probe" not in raw.columns:
        return None
    part = raw[raw["probe"].astype(str) == measure.probe]
    if measure.lang and "lang" in part.columns:
        part = part[part["lang"].astype(str) == measure.lang]
    if measure.variant and "estimator" in part.columns and part["estimator"].nunique() > 1:
        part = part[part["estimator"].astype(str) == measure.variant]
    got = kind.paired_values(part, measure.metric) if len(part) else None
    if got is None:
        return None
    metric, frame = got
    doc = kind.doc(metric)
    ref = 0.5 if kind.pairing == "decision" else (doc.reference if doc else None)
    values = frame.drop_duplicates("item_id").set_index(frame["item_id"].astype(str))["value"]
    return values.astype(float), float("nan") if ref is None else float(ref)


def item_pair(a: Measure, b: Measure, raw: Mapping[str, pd.DataFrame]) -> dict[str, Any] | None:
    """The ``over = "items"`` row of two measures, None under :data:`MIN_SHARED` shared items."""
    got_a, got_b = item_values(a, raw.get(a.suite)), item_values(b, raw.get(b.suite))
    if got_a is None or got_b is None:
        return None
    (xa, ref_a), (xb, ref_b) = got_a, got_b
    shared = xa.index.intersection(xb.index)
    both = pd.DataFrame({"a": xa.loc[shared], "b": xb.loc[shared]}).dropna()
    if len(both) < MIN_SHARED:
        return None
    flip, comparable = _orientation(a, b)
    va, vb = both["a"].to_numpy(float), flip * both["b"].to_numpy(float)
    row = compare_values(va, vb, np.full(len(va), ref_a), np.full(len(vb), flip * ref_b))
    return {**_base(a, b, "items", flip, comparable), **row, "opposite_significant": "",
            "categories": ""}  # fmt: skip


def agreement(
    summary: pd.DataFrame,
    meta: RunInfo | Mapping[str, Any],
    raw: Mapping[str, pd.DataFrame] | None = None,
) -> pd.DataFrame:
    """``agreement.csv``'s frame (``COLUMNS``): per pair of measures of one language, a row over
    shared categories and, with ``raw`` (frames by suite), a row over shared items."""
    found = measures(summary, meta)
    rows = []
    for a, b in combinations(found, 2):
        if a.lang != b.lang:
            continue
        rows += [r for r in (category_pair(a, b), item_pair(a, b, raw or {})) if r is not None]
    return pd.DataFrame(rows, columns=list(COLUMNS))


def agreement_tables(
    summary: pd.DataFrame,
    meta: RunInfo | Mapping[str, Any],
    raw: Mapping[str, pd.DataFrame] | None = None,
) -> dict[str, pd.DataFrame]:
    """What ``xlmaudit run`` writes: ``{FILE: frame}``, or ``{}`` when no two measures pair."""
    frame = agreement(summary, meta, raw)
    return {FILE: frame} if len(frame) else {}
