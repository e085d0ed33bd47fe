"""Summary rows for template probes: one score per item, crossed over templates x fillers.

Input is an item frame with columns ``template_id``, ``filler`` and one column per score (plus
optional filler attributes). Output rows have the summary contract columns ``group, metric,
value, ci_low, ci_high, n, p_value`` (the runner adds ``suite`` and ``probe``) and ``level``:
``overall`` (group ``all``), ``filler``, ``template``, ``category``, ``contrast`` (category
minus the first category), ``sensitivity`` (variance shares) or ``correlation``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from xlmaudit.metrics import stats


def score_matrix(items: pd.DataFrame, score: str) -> pd.DataFrame:
    """Pivot to templates (rows) x fillers (columns); a missing cell is NaN."""
    return items.pivot_table(
        index="template_id", columns="filler", values=score, aggfunc="mean", dropna=False
    )


def _row(group: str, metric: str, est: stats.Estimate, level: str, **extra: object) -> dict:
    return {
        "group": group,
        "metric": metric,
        "value": est.value,
        "ci_low": est.ci_low,
        "ci_high": est.ci_high,
        "n": est.n,
        "p_value": est.p_value,
        "level": level,
        **extra,
    }


def overall_rows(items: pd.DataFrame, score: str, *, seed: int, test: bool = True) -> list[dict]:
    """Mean of ``score`` over all items with the crossed bootstrap interval.

    The p-value (``test``) comes from the same crossed bootstrap draws (mean = 0, two-sided),
    so it varies templates and fillers just as the interval does.
    """
    mat = score_matrix(items, score)
    est = stats.crossed_bootstrap(mat.to_numpy(), seed=seed)
    if not test:
        est = stats.Estimate(est.value, est.ci_low, est.ci_high, est.n)
    return [_row("all", score, est, "overall", n_templates=mat.shape[0], n_fillers=mat.shape[1])]


def per_filler_rows(items: pd.DataFrame, score: str, *, seed: int) -> list[dict]:
    """Per filler: mean over templates with a bootstrap interval over templates (scipy)."""
    rows = []
    for filler, sub in items.groupby("filler", sort=False):
        est = stats.bootstrap_mean(sub[score].to_numpy(), seed=seed)
        rows.append(_row(str(filler), score, est, "filler"))
    return rows


def per_template_rows(items: pd.DataFrame, score: str, *, seed: int) -> list[dict]:
    """Per template: mean over fillers with a bootstrap interval over fillers (scipy)."""
    rows = []
    for tid, sub in items.groupby("template_id", sort=False):
        est = stats.bootstrap_mean(sub[score].to_numpy(), seed=seed)
        rows.append(_row(str(tid), score, est, "template"))
    return rows


def sensitivity_rows(items: pd.DataFrame, score: str) -> list[dict]:
    """Variance shares (template / filler / residual) of ``score`` as three summary rows."""
    mat = score_matrix(items, score).to_numpy()
    shares = stats.variance_shares(mat)
    nan = float("nan")
    return [
        _row(
            "all",
            share_metric(score, part),
            stats.Estimate(value, nan, nan, int(mat.size)),
            "sensitivity",
        )
        for part, value in shares.items()
    ]


def share_metric(score: str, part: str) -> str:
    """The summary metric of ``part``'s (template, filler, residual) share of ``score``."""
    return f"{score}_{part}_share"


def category_rows(
    items: pd.DataFrame, score: str, by: str, *, seed: int, order: Sequence[str] | None = None
) -> list[dict]:
    """Per filler category (``by`` column): crossed mean, and each category minus the first.

    The difference has a crossed bootstrap interval (fillers resampled within category) and a
    p-value from the same draws (difference = 0, two-sided).
    """
    cats = list(order) if order else list(dict.fromkeys(items[by].dropna()))
    rows = []
    for cat in cats:
        sub = items[items[by] == cat]
        est = stats.crossed_bootstrap(score_matrix(sub, score).to_numpy(), seed=seed)
        rows.append(_row(str(cat), score, est, "category"))
    base = cats[0] if cats else None
    for cat in cats[1:]:
        sub = items[items[by].isin([base, cat])]
        mat = score_matrix(sub, score)
        labels = sub.drop_duplicates("filler").set_index("filler")[by].reindex(mat.columns)
        est = stats.crossed_bootstrap(
            mat.to_numpy(), columns=(labels == cat).to_numpy().astype(int), seed=seed
        )
        rows.append(_row(f"{cat} - {base}", f"{score}_difference", est, "contrast"))
    return rows


def correlation_rows(
    items: pd.DataFrame, score: str, attribute: str, *, seed: int, label: str = ""
) -> list[dict]:
    """Spearman and Pearson correlation of per-filler mean ``score`` with a filler attribute."""
    per = items.groupby("filler", sort=False).agg(score=(score, "mean"), ref=(attribute, "first"))
    ref = pd.to_numeric(per["ref"], errors="coerce").to_numpy()
    rows = []
    for method in ("spearman", "pearson"):
        est = stats.correlation(per["score"].to_numpy(), ref, method=method, seed=seed)
        metric = f"{method}_{score}_vs_{label or attribute}"
        rows.append(_row("all", metric, est, "correlation"))
    return rows


def summary_frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    if "n" in frame:
        frame["n"] = frame["n"].astype(int)
    return frame


def finite(values: Sequence[float]) -> np.ndarray:
    arr = np.asarray(values, dtype=float)
    return arr[np.isfinite(arr)]
