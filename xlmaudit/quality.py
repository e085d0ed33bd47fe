"""``quality.csv``: how much to believe each main-metric row of a run's summary.

One row per summary row of a probe's main metric (headline and category rows), with the
summary's keys and: ``n``; ``mde`` and ``power_5pt`` (:mod:`xlmaudit.metrics.quality`: exact
binomial for a share metric, the one-sample t-test from the per-item SD otherwise);
``n_clusters`` and ``design_effect`` where the kind declares a ``cluster_key``; and on the
headline row the split-half reliability of the probe's category profile and the template share
of the score's variance (the summary's sensitivity row, where the kind emits one).

Everything comes from declarations: the kind recorded in ``meta.json`` (its main metric,
``paired_values``, ``cluster_key``, ``profile_key``) and the main metric's
:class:`~xlmaudit.probes.MetricDoc` (``reference``, ``unit``). A share metric is one whose
reference is the half of its unit's scale (50 %, 0.5): its per-item values are 0/1 decisions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from xlmaudit.metrics import quality as q
from xlmaudit.metrics.template_scores import share_metric
from xlmaudit.probes import MetricDoc, ProbeKind, probe_record

FILE = "quality.csv"
KEYS = ("suite", "probe", "lang", "level", "group", "metric", "estimator")
MEASURES = ("n", "mde", "power_5pt", "n_clusters", "design_effect", "split_half",
            "split_half_low", "split_half_high", "template_share")  # fmt: skip
SCALES = {"percent": 100.0, "fraction": 1.0}  # a unit's full scale; "" = no scale
DEVIATION = 5.0  # power_5pt: a deviation of 5 points (percent) from the reference
NAN = float("nan")


@dataclass(frozen=True)
class Measure:
    """What a probe's main metric is: its scale (NaN: none), whether it is a share."""

    scale: float
    share: bool

    @classmethod
    def of(cls, doc: MetricDoc | None) -> Measure:
        scale = SCALES.get(doc.unit, NAN) if doc else NAN
        ref = doc.reference if doc else None
        return cls(scale, ref is not None and np.isfinite(scale) and ref == scale / 2)


def quality_frame(
    summary: pd.DataFrame, raw: Mapping[str, pd.DataFrame], meta: Mapping[str, Any], *,
    seed: int = 0,
) -> pd.DataFrame:  # fmt: skip
    """The ``quality.csv`` frame of a run (``summary``, ``raw[suite]``, meta.json's mapping)."""
    parts = []
    for (suite, probe), rows in summary.groupby(["suite", "probe"], sort=False):
        record = probe_record(meta, str(suite), str(probe))
        if record.kind is None or not record.main_metric:
            continue
        main = rows[rows["metric"] == record.main_metric]
        frame = raw.get(str(suite))
        if main.empty or frame is None:
            continue
        probe_raw = frame[frame["probe"] == probe]
        measure = Measure.of(record.doc(record.main_metric))
        items = item_values(record.kind, probe_raw, record.main_metric, measure)
        parts.append(probe_quality(main, items, measure, rows, seed=seed))
    if not parts:
        return pd.DataFrame(columns=[*KEYS, *MEASURES])
    out = pd.concat(parts, ignore_index=True)
    keys = [k for k in KEYS if k in summary.columns]
    return out[[*keys, *MEASURES]]


@dataclass(frozen=True)
class Items:
    """A probe's per-item values: ``value`` in the main metric's units (NaN when the paired
    values are in other units), ``decision`` (the paired value, finite), ``group``,
    ``category`` and ``cluster`` labels (``cluster`` None without a cluster key)."""

    value: np.ndarray
    decision: np.ndarray
    group: np.ndarray
    category: np.ndarray
    cluster: np.ndarray | None

    def take(self, at: np.ndarray) -> Items:
        cluster = None if self.cluster is None else self.cluster[at]
        return Items(self.value[at], self.decision[at], self.group[at], self.category[at],
                     cluster)  # fmt: skip

    def index(self) -> list[dict[str, np.ndarray]]:
        """Per label (group, category, cluster): the positions of each value."""
        labels = [self.group, self.category] + ([] if self.cluster is None else [self.cluster])
        return [pd.Series(x).groupby(x, sort=False).indices for x in labels]


def item_values(kind: ProbeKind, raw: pd.DataFrame, main: str, measure: Measure) -> Items | None:
    """The probe's :class:`Items` from the kind's ``paired_values`` (None where it has none)."""
    try:
        paired = kind.paired_values(raw, main) if len(raw) else None
    except (KeyError, ValueError, IndexError):  # a kind whose raw lacks what pairing needs
        paired = None
    if paired is None or paired[1].empty:
        return None
    metric, items = paired
    decision = pd.to_numeric(items["value"], errors="coerce").to_numpy(float)
    items = items[np.isfinite(decision)]
    decision = decision[np.isfinite(decision)]
    value = decision * measure.scale if measure.share else (
        decision if metric == main else np.full(len(decision), NAN))  # fmt: skip
    group = items["group"].astype(str).to_numpy() if "group" in items else np.full(len(items), "")
    per_item = raw.drop_duplicates("item_id").set_index("item_id")
    ids = items["item_id"]
    category = _labels(per_item, ids, kind.profile_key)
    cluster = _labels(per_item, ids, kind.cluster_key)
    return Items(value, decision, group, group if category is None else category, cluster)


def _labels(per_item: pd.DataFrame, ids: pd.Series, key: str) -> np.ndarray | None:
    if key and key in per_item.columns:
        return per_item[key].reindex(ids).astype(str).to_numpy()
    return None


def probe_quality(
    main: pd.DataFrame, items: Items | None, measure: Measure, rows: pd.DataFrame, *, seed: int
) -> pd.DataFrame:
    """The quality rows of one probe's main-metric summary rows."""
    index = items.index() if items is not None else []
    out = []
    for row in main.to_dict("records"):
        overall = row.get("level") == "overall"
        sub = items if overall else _row_items(str(row["group"]), items, index)
        n = int(row["n"]) if pd.notna(row["n"]) else 0
        rec = {**row, "n": n, **_power(measure, n, sub), **_clusters(sub, seed)}
        if overall:
            rec.update(_reliability(items, seed))
            rec["template_share"] = _template_share(rows, str(row["metric"]))
        out.append(rec)
    keys = [c for c in main.columns if c not in MEASURES]
    return pd.DataFrame(out).reindex(columns=[*keys, *MEASURES])


def _row_items(group: str, items: Items | None, index: list[dict]) -> Items | None:
    """The items of a summary row that is not the headline: those whose group, category or
    cluster is the row's group (None: no item matches)."""
    for positions in index:
        if group in positions:
            return items.take(positions[group])
    return None


def _power(measure: Measure, n: int, sub: Items | None) -> dict[str, float]:
    if measure.share:
        return {"mde": q.binomial_mde(n) * measure.scale,
                "power_5pt": q.binomial_power(n, 0.5 + DEVIATION / 100)}  # fmt: skip
    values = sub.value[np.isfinite(sub.value)] if sub is not None else np.array([])
    sd = float(np.std(values, ddof=1)) if len(values) > 1 else NAN
    delta = DEVIATION / 100 * measure.scale  # NaN where the unit has no scale
    return {"mde": q.mean_mde(sd, n), "power_5pt": q.mean_power(delta, sd, n)}


def _clusters(sub: Items | None, seed: int) -> dict[str, float]:
    if sub is None or sub.cluster is None:
        return {"n_clusters": NAN, "design_effect": NAN}
    n_clusters = len(np.unique(sub.cluster))
    if n_clusters == len(sub.cluster):  # one item per cluster: the two bootstraps are the same
        return {"n_clusters": n_clusters, "design_effect": 1.0 if n_clusters > 1 else NAN}
    return {"n_clusters": n_clusters,
            "design_effect": q.design_effect(sub.decision, sub.cluster, seed=seed)}  # fmt: skip


def _reliability(items: Items | None, seed: int) -> dict[str, float]:
    if items is None:
        return {}
    mid, low, high = q.split_half(items.decision, items.category, items.cluster, seed=seed)
    return {"split_half": mid, "split_half_low": low, "split_half_high": high}


def _template_share(rows: pd.DataFrame, metric: str) -> float:
    hit = rows[rows["metric"] == share_metric(metric, "template")]
    return float(hit["value"].iloc[0]) if len(hit) else NAN


def run_quality(results: Sequence[Any], *, seed: int = 0) -> dict[str, pd.DataFrame]:
    """``{"quality.csv": frame}`` for suite results (:class:`~xlmaudit.runner.SuiteResult`)."""
    from xlmaudit.rundir import summary_frame

    summary = summary_frame(list(results))
    raw = {r.suite.name: r.raw for r in results}
    meta = {"suites": {r.suite.name: {"probes": r.meta.get("probes", {})} for r in results}}
    return {FILE: quality_frame(summary, raw, meta, seed=seed)}
