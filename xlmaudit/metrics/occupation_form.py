"""Summary rows of the ``occupation_form`` kind (xlmaudit.probes.occupation_form): per noun set
(occupations, definitional controls) the crossed means of the item scores, the occupations minus
controls excess, per occupation and per context rows, and the women's-share correlations.

Input: the kind's raw frame (one row per context x noun; ``usable`` False rows are excluded data
rows, counted in ``n_excluded``). Contexts play the templates' part and nouns the fillers'.
"""

from __future__ import annotations

import pandas as pd

from xlmaudit.metrics import stats
from xlmaudit.metrics import template_scores as ts

SCORES = ("association", "form_lean", "prior_log_odds", "pct_agreement")


def form_summary(raw: pd.DataFrame, *, seed: int, shares: dict[str, float] | None) -> pd.DataFrame:
    """Overall rows per noun set, the occupations-minus-controls excess, per occupation and per
    context rows, the women's-share correlations; ``n_excluded`` on every row."""
    used = raw[raw["usable"].astype(bool)] if "usable" in raw else raw
    items = used.assign(template_id=used["context"], filler=used["line"].astype(str) + " "
                        + used["english"])  # fmt: skip
    occ, ctl = items[items.noun_type.eq("occupation")], items[items.noun_type.eq("control")]
    rows: list[dict] = []
    for prefix, sub in (("", occ), ("control_", ctl)):
        if not len(sub):
            continue
        for score in SCORES:
            for r in ts.overall_rows(sub, score, seed=seed, test=score != "pct_agreement"):
                rows.append({**r, "metric": prefix + score})
    if len(occ) and len(ctl):
        mat = ts.score_matrix(items, "association")
        kinds = items.drop_duplicates("filler").set_index("filler")["noun_type"]
        labels = (kinds.reindex(mat.columns) == "occupation").to_numpy().astype(int)
        est = stats.crossed_bootstrap(mat.to_numpy(), columns=labels, seed=seed)
        rows.append(ts._row("occupations - controls", "association_excess", est, "overall"))
    if len(occ):
        for score in ("association", "prior_log_odds"):
            rows += ts.per_filler_rows(occ, score, seed=seed)
        rows += ts.per_template_rows(occ, "association", seed=seed)
        if shares:
            occ = occ.assign(women_share=occ["english"].map(shares))
            for score in ("prior_log_odds", "form_lean"):
                rows += ts.correlation_rows(occ, score, "women_share", seed=seed)
    frame = ts.summary_frame(rows)
    frame["n_excluded"] = int((~raw["usable"].astype(bool)).sum()) if "usable" in raw else 0
    return frame
