"""Select and shape run-directory frames into the frames the plots draw (pure pandas/scipy)."""

from __future__ import annotations

import pandas as pd
from scipy import stats

from xlmaudit.report.methods import metric_info

ITEM_SCORE_COLUMNS: tuple[str, ...] = ("log_odds", "score", "bias_score", "increased_log_prob")
OCCUPATION_COLUMNS: tuple[str, ...] = ("slot_occupation", "occupation")


def _has_intervals(part: pd.DataFrame) -> bool:
    return bool(part["ci_low"].notna().any() and part["ci_high"].notna().any())


def headline_metric(summary: pd.DataFrame, suite: str) -> str | None:
    """The metric a suite's forest plot shows: the first known headline with intervals, else the
    metric with intervals on the most rows."""
    part = summary[summary["suite"] == suite]
    with_ci = [m for m, g in part.groupby("metric", sort=False) if _has_intervals(g)]
    for metric in with_ci:
        if metric_info(metric).headline:
            return metric
    if not with_ci:
        return None
    counts = part[part["metric"].isin(with_ci)]["metric"].value_counts()
    return str(counts.index[0])


def forest_frame(summary: pd.DataFrame, *, suite: str, metric: str) -> pd.DataFrame:
    """Rows of one suite and metric labelled ``probe: group`` (``group`` for a single probe)."""
    part = summary[(summary["suite"] == suite) & (summary["metric"] == metric)].copy()
    single = part["probe"].nunique() <= 1
    part["label"] = part["group"] if single else part["probe"] + ": " + part["group"]
    return part[["label", "value", "ci_low", "ci_high", "n"]].reset_index(drop=True)


def benchmark_frame(summary: pd.DataFrame, *, suite: str, metric: str) -> pd.DataFrame:
    """Per-category rows of a benchmark suite; the probe (estimator) becomes the series."""
    part = summary[(summary["suite"] == suite) & (summary["metric"] == metric)]
    out = part.rename(columns={"group": "category", "probe": "series"})
    return out[["category", "series", "value", "ci_low", "ci_high", "n"]].reset_index(drop=True)


def item_score_column(raw: pd.DataFrame) -> str | None:
    """The per-item numeric score column of a template raw frame, if any."""
    for col in ITEM_SCORE_COLUMNS:
        if col in raw.columns and pd.api.types.is_numeric_dtype(raw[col]):
            return col
    return None


def _mean_interval(values: pd.Series, *, confidence: float = 0.95) -> tuple[float, float, float]:
    mean = float(values.mean())
    if len(values) < 2:
        return mean, float("nan"), float("nan")
    low, high = stats.t.interval(confidence, len(values) - 1, loc=mean, scale=stats.sem(values))
    return mean, float(low), float(high)


def slot_columns(raw: pd.DataFrame) -> list[str]:
    """The filler (slot value) columns of a template raw frame: ``slot_*`` or ``slots.*``."""
    return [c for c in raw.columns if str(c).startswith(("slot_", "slots."))]


def template_frame(raw: pd.DataFrame, *, score: str, probe: str | None = None) -> pd.DataFrame:
    """Per-template shift of the item score with a 95% t interval over fillers.

    The shift of an item is its score minus the mean score of the same fillers over all templates,
    so a template's row shows what that template alone adds (0 = no template effect). Without
    filler columns the raw per-template mean is used and ``pooled`` is the overall mean.
    """
    part = raw if probe is None or "probe" not in raw.columns else raw[raw["probe"] == probe]
    items = part.drop_duplicates("item_id") if "item_id" in part.columns else part
    items = items.dropna(subset=[score])
    slots = slot_columns(items)
    shift = items[score] - items.groupby(slots)[score].transform("mean") if slots else items[score]
    rows = []
    for template, values in shift.groupby(items["template_id"], sort=True):
        mean, low, high = _mean_interval(values)
        rows.append(
            {
                "label": str(template),
                "value": mean,
                "ci_low": low,
                "ci_high": high,
                "n": len(values),
            }
        )
    frame = pd.DataFrame(rows, columns=["label", "value", "ci_low", "ci_high", "n"])
    frame["pooled"] = 0.0 if slots else float(items[score].mean())
    return frame


def occupation_column(raw: pd.DataFrame) -> str | None:
    """The column naming the occupation of each item, if any."""
    return next((c for c in OCCUPATION_COLUMNS if c in raw.columns), None)


def share_column(raw: pd.DataFrame) -> str | None:
    """The column holding the labour-statistics women's share, if any."""
    cols = [c for c in raw.columns if "share" in c.lower() and "women" in c.lower()]
    cols += [c for c in raw.columns if "bls" in c.lower() and c not in cols]
    return cols[0] if cols else None


def occupation_frame(
    raw: pd.DataFrame, *, score: str, truth: dict[str, float] | None = None
) -> pd.DataFrame:
    """Per-occupation mean preference (95% t interval over templates), labour share, truth."""
    occ, share = occupation_column(raw), share_column(raw)
    if occ is None:
        return pd.DataFrame(columns=["label", "value", "ci_low", "ci_high", "share", "truth"])
    items = raw.drop_duplicates("item_id") if "item_id" in raw.columns else raw
    rows = []
    for name, group in items.groupby(occ, sort=True):
        mean, low, high = _mean_interval(group[score].dropna())
        rows.append(
            {
                "label": str(name),
                "value": mean,
                "ci_low": low,
                "ci_high": high,
                "share": float(group[share].iloc[0]) if share else float("nan"),
                "truth": (truth or {}).get(str(name), float("nan")),
            }
        )
    return pd.DataFrame(rows)


def spearman(frame: pd.DataFrame, *, x: str, y: str = "value") -> tuple[float, float, int]:
    """Spearman rho, p-value and n between two columns, rows with a missing value dropped."""
    both = frame[[x, y]].dropna()
    if len(both) < 3:
        return float("nan"), float("nan"), len(both)
    res = stats.spearmanr(both[x], both[y])
    return float(res.statistic), float(res.pvalue), len(both)
