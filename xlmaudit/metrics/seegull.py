"""Summary rows of the ``seegull_cloze`` kind (xlmaudit.probes.seegull): the prior-normalised
association of SeeGULL's stereotyped attributes with their identities, overall, per in-region
stereotype-vote stratum and weighted by the attributes' offensiveness.

Input: the kind's raw frame, one row per frame x tuple (``usable`` False rows are excluded data
rows, counted in ``n_excluded``). Frames play the templates' part and tuples the fillers': every
interval is the crossed bootstrap (frames and tuples resampled independently), so a finding must
hold across frames and across tuples.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from xlmaudit.metrics import stats
from xlmaudit.metrics import template_scores as ts

MAIN = "association"


def weighted_crossed_bootstrap(
    matrix: np.ndarray,
    weights: np.ndarray,
    *,
    n_resamples: int = stats.N_RESAMPLES,
    confidence: float = stats.CONFIDENCE,
    seed: int = 0,
) -> stats.Estimate:
    """Weighted mean of ``matrix`` (frames x tuples, NaN = missing) with column ``weights``
    (>= 0; NaN leaves the column out), and the crossed bootstrap interval of
    :func:`xlmaudit.metrics.stats.crossed_bootstrap`: rows and columns resampled independently,
    each draw's statistic sum(w * y) / sum(w) over the selected finite cells. p-value from the
    same draws (:func:`xlmaudit.metrics.stats.bootstrap_p_value`)."""
    y = np.asarray(matrix, dtype=float)
    w = np.asarray(weights, dtype=float)
    keep = np.isfinite(w)
    y, w = y[:, keep], w[keep]
    cells = np.isfinite(y)
    nan = float("nan")
    if not cells.any() or not (w[None, :] * cells).sum() > 0:
        return stats.Estimate(nan, nan, nan, int(cells.sum()))
    yz, wz = np.where(cells, y, 0.0), cells * w[None, :]
    value = float((yz * wz).sum() / wz.sum())
    rng = np.random.default_rng(seed)
    n_t, n_f = y.shape
    draws = np.empty(n_resamples)
    for b in range(n_resamples):
        rows, cols = rng.integers(0, n_t, n_t), rng.integers(0, n_f, n_f)
        sub_w = wz[np.ix_(rows, cols)]
        total = sub_w.sum()
        draws[b] = (yz[np.ix_(rows, cols)] * sub_w).sum() / total if total > 0 else nan
    lo, hi = stats._percentile(draws, confidence)
    return stats.Estimate(value, lo, hi, int(cells.sum()), stats.bootstrap_p_value(draws))


def offensiveness_weight(score: pd.Series) -> pd.Series:
    """The weight of a tuple: its attribute's mean offensiveness shifted to start at 0
    (score + 1: -1 "not offensive" by all three raters -> 0, 4 "extremely" by all -> 5)."""
    return score.astype(float) + 1.0


def seegull_summary(raw: pd.DataFrame, *, seed: int) -> pd.DataFrame:
    """Overall, per-vote-stratum and offensiveness-weighted association rows, the frame/tuple
    variance shares; ``n_excluded`` on every row."""
    used = raw[raw["usable"].astype(bool)] if "usable" in raw else raw
    items = used.assign(template_id=used["frame"], filler=used["tuple"])
    rows: list[dict] = []
    if len(items):
        rows += ts.overall_rows(items, MAIN, seed=seed)
        for votes, sub in sorted(items.groupby("stereotype_votes"), key=lambda kv: kv[0]):
            for r in ts.overall_rows(sub, MAIN, seed=seed):
                rows.append({**r, "group": f"votes_{int(votes)}", "level": "stratum"})
        mat = ts.score_matrix(items, MAIN)
        per_tuple = items.drop_duplicates("filler").set_index("filler")["offensive"]
        weights = offensiveness_weight(per_tuple.reindex(mat.columns)).to_numpy()
        est = weighted_crossed_bootstrap(mat.to_numpy(), weights, seed=seed)
        rows.append(
            ts._row(
                "all",
                "association_weighted",
                est,
                "overall",
                n_templates=mat.shape[0],
                n_fillers=int(np.isfinite(weights).sum()),
            )
        )
        rows += ts.sensitivity_rows(items, MAIN)
    frame = ts.summary_frame(rows)
    frame["n_excluded"] = int((~raw["usable"].astype(bool)).sum()) if "usable" in raw else 0
    return frame
