"""Select and shape run-directory frames into the frames the plots draw (pure pandas).

Summary rows carry a ``level`` (overall, category, contrast, filler, template, sensitivity,
correlation, direction, aggregate). What a probe's main metric is, and whether it is a benchmark
or an attribution probe, comes from the kind ``meta.json`` records for it (``meta`` arguments; see
:func:`xlmaudit.probes.probe_record`); only a run that records no kind falls back to its metrics.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pandas as pd

from xlmaudit.probes import ProbeRecord
from xlmaudit.runinfo import RunInfo

OVERALL_GROUPS: tuple[str, ...] = ("all", "overall")
BENCHMARK_METRICS: tuple[str, ...] = ("pct_sent_more", "ss", "lms", "icat")
FOREST_LEVELS: tuple[str, ...] = ("overall", "category", "contrast", "filler")
CORRELATION_RE = re.compile(r"^(spearman|pearson)_(?P<score>.+)_vs_(?P<attr>.+)$")


def probe_rows(summary: pd.DataFrame, suite: str, probe: str) -> pd.DataFrame:
    """Summary rows of one probe, columns that are empty for it dropped (the estimate's own
    columns stay: every pair skipped leaves a NaN value, not a missing one)."""
    part = summary[(summary["suite"] == suite) & (summary["probe"] == probe)]
    keep = [c for c in part.columns if c in _ESTIMATE or part[c].notna().any()]
    return part[keep]


_ESTIMATE = ("value", "ci_low", "ci_high", "n")


def probes_of(summary: pd.DataFrame, suite: str) -> list[str]:
    """Probe ids of ``suite`` in summary order."""
    return list(dict.fromkeys(summary.loc[summary["suite"] == suite, "probe"]))


def record_of(part: pd.DataFrame, meta: Mapping[str, Any] | None) -> ProbeRecord | None:
    """The recorded kind of the probe whose rows ``part`` holds (None: not recorded)."""
    if meta is None or part.empty:
        return None
    record = RunInfo.of(meta).probe(str(part["suite"].iloc[0]), str(part["probe"].iloc[0]))
    return record if record.kind is not None else None


def is_benchmark(part: pd.DataFrame, meta: Mapping[str, Any] | None = None) -> bool:
    """Whether a probe's rows are a benchmark's (a kind that reads no templates)."""
    record = record_of(part, meta)
    if record is not None:
        return not record.kind.uses_templates and bool(record.main_metric)
    return bool(part["metric"].isin(BENCHMARK_METRICS).any())


def is_attribution(part: pd.DataFrame, meta: Mapping[str, Any] | None = None) -> bool:
    """Whether a probe's rows are an attribution probe's (a kind with no main metric)."""
    record = record_of(part, meta)
    if record is not None:
        return not record.main_metric
    return bool((part["metric"] == "word_attribution").any())


def level_of(part: pd.DataFrame) -> pd.Series:
    """The ``level`` column, or an empty level where the probe has none."""
    return part["level"].fillna("") if "level" in part.columns else pd.Series("", part.index)


def main_metric(part: pd.DataFrame, meta: Mapping[str, Any] | None = None) -> str | None:
    """A probe's headline metric: the one its recorded kind declares (``meta``); for a run that
    records no kind, its per-template score, a benchmark's headline, else the metric with
    intervals on most rows."""
    record = record_of(part, meta)
    if record is not None:
        return record.main_metric or None
    levels = level_of(part)
    templ = part.loc[levels == "template", "metric"]
    if len(templ):
        return str(templ.iloc[0])
    for metric in ("pct_sent_more", "ss"):
        if (part["metric"] == metric).any():
            return metric
    with_ci = part[part["ci_low"].notna()]
    counts = (with_ci if len(with_ci) else part)["metric"].value_counts()
    return str(counts.index[0]) if len(counts) else None


def is_group_difference(part: pd.DataFrame, metric: str | None) -> pd.Series:
    """Rows of ``<main metric> diff`` at level ``contrast``: the paired difference of the main
    metric between the probe's two contrast groups (HONEST's female - male), a headline too."""
    return (level_of(part) == "contrast") & (part["metric"] == f"{metric} diff")


def headline_rows(part: pd.DataFrame, meta: Mapping[str, Any] | None = None) -> pd.DataFrame:
    """The rows a model card states for one probe: the main metric overall and by category or
    bias type, its group difference, a benchmark's aggregate of it (SEAT's mean |d| per domain,
    level ``aggregate``), plus correlations with reference statistics."""
    if is_attribution(part, meta):
        return part.iloc[0:0]  # word lists, not a bias measurement: in the report, not the card
    metric = main_metric(part, meta)
    levels = level_of(part)
    keep = (part["metric"] == metric) & levels.isin(["", "overall", "category", "contrast"])
    keep &= ~part["group"].isin(["stereo", "antistereo"])
    keep |= levels.isin(["correlation", "aggregate"]) | is_group_difference(part, metric)
    return part[keep]


def forest_frame(part: pd.DataFrame, meta: Mapping[str, Any] | None = None) -> pd.DataFrame:
    """Main-metric rows of a template probe: overall first, then categories, then fillers."""
    metric = main_metric(part, meta)
    levels = level_of(part)
    rows = part[(part["metric"] == metric) & levels.isin([*FOREST_LEVELS, ""])].copy()
    order = {lvl: i for i, lvl in enumerate(FOREST_LEVELS)}
    rows["_order"] = level_of(rows).map(order).fillna(len(order))
    rows = rows.sort_values("_order", kind="stable")
    return rows.rename(columns={"group": "label"})[["label", "value", "ci_low", "ci_high", "n"]]


def template_frame(part: pd.DataFrame, meta: Mapping[str, Any] | None = None) -> pd.DataFrame:
    """Per-template rows of the main metric with the pooled (overall) value as ``pooled``."""
    metric = main_metric(part, meta)
    levels = level_of(part)
    rows = part[(levels == "template") & (part["metric"] == metric)]
    overall = part[(levels == "overall") & (part["metric"] == metric)]["value"]
    out = rows.rename(columns={"group": "label"})[["label", "value", "ci_low", "ci_high", "n"]]
    return out.assign(pooled=float(overall.iloc[0]) if len(overall) else float("nan"))


def sensitivity_shares(part: pd.DataFrame) -> dict[str, float]:
    """``{"template": x, "filler": y, "residual": z}`` from the sensitivity rows, if present."""
    rows = part[level_of(part) == "sensitivity"]
    out = {}
    for metric, value in zip(rows["metric"], rows["value"], strict=True):
        match = re.search(r"_(template|filler|residual)_share$", str(metric))
        if match:
            out[match.group(1)] = float(value)
    return out


def benchmark_frame(summary: pd.DataFrame, *, suite: str, metric: str) -> pd.DataFrame:
    """Per-category rows of one benchmark metric in a suite; the probe (estimator) is the series."""
    part = summary[(summary["suite"] == suite) & (summary["metric"] == metric)]
    part = part[~part["group"].isin(["stereo", "antistereo"])]
    part = part.assign(_first=~part["group"].isin(OVERALL_GROUPS)).sort_values(
        "_first", kind="stable"
    )
    out = part.rename(columns={"group": "category", "probe": "series"})
    n = out.groupby("category", sort=False)["n"].max()
    out["category"] = out["category"].map(lambda c: f"{c} (n={int(n[c])})" if n[c] == n[c] else c)
    return out[["category", "series", "value", "ci_low", "ci_high", "n"]].reset_index(drop=True)


def correlations(part: pd.DataFrame) -> list[tuple[pd.Series, str, str]]:
    """Correlation rows of a probe with the score and the attribute each correlates."""
    out = []
    for _, row in part[level_of(part) == "correlation"].iterrows():
        match = CORRELATION_RE.match(str(row["metric"]))
        if match:
            out.append((row, match.group("score"), match.group("attr")))
    return out


def attribute_column(raw: pd.DataFrame, attr: str) -> str | None:
    """The raw column holding lexicon attribute ``attr`` (``attr.<lexicon>.<attr>``)."""
    cols = [c for c in raw.columns if c == attr or str(c).endswith(f".{attr}")]
    return cols[0] if cols else None


def reference_frame(
    part: pd.DataFrame,
    raw: pd.DataFrame,
    *,
    score: str,
    attr: str,
    truth: dict[str, float] | None = None,
) -> pd.DataFrame:
    """Per-filler score (value, interval) beside the filler's attribute and its planted truth."""
    rows = part[(level_of(part) == "filler") & (part["metric"] == score)]
    rows = rows.rename(columns={"group": "label"})[["label", "value", "ci_low", "ci_high"]]
    col = attribute_column(raw, attr)
    probe_raw = raw[raw["probe"] == part["probe"].iloc[0]] if "probe" in raw.columns else raw
    ref = {}
    if col is not None and "filler" in probe_raw.columns:
        ref = probe_raw.drop_duplicates("filler").set_index("filler")[col].to_dict()
    rows = rows.assign(reference=pd.to_numeric(rows["label"].map(ref), errors="coerce"))
    truth = truth or {}
    return rows.assign(truth=rows["label"].map(lambda f: truth.get(str(f), float("nan"))))


def truth_rows(summary: pd.DataFrame, raw: dict[str, pd.DataFrame], truth: dict[str, float]):
    """Per probe with a correlated filler score: that score's per-filler values beside the
    planted truth, as ``(suite, probe, score, frame)`` (frames from :func:`reference_frame`)."""
    out = []
    for suite in dict.fromkeys(summary["suite"]):
        if suite not in raw:
            continue
        for probe in probes_of(summary, suite):
            part = probe_rows(summary, suite, probe)
            done = set()
            for _, score, attr in correlations(part):
                if score in done:
                    continue
                done.add(score)
                frame = reference_frame(part, raw[suite], score=score, attr=attr, truth=truth)
                if frame["truth"].notna().sum() >= 3:
                    out.append((suite, probe, score, frame))
    return out
