"""HONEST figure: HONEST@K per HurtLex category and identity group, with 95% intervals.

``honest_frame`` prepares the rows from a run's summary; ``honest_category_plot`` draws them;
``honest_figures`` yields one figure per HONEST probe (registered for kind ``honest``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from xlmaudit.report.kind_figures import figures_for
from xlmaudit.report.plots import PALETTE, _wrap

_METRIC = re.compile(r"^honest@(\d+)(?:\[(\w+)\])?$")
IDENTITY_GROUPS = ("female", "male", "queer", "nonqueer")


def honest_frame(summary: pd.DataFrame, probe: str, *, k: int = 20) -> pd.DataFrame:
    """Rows ``category, group, value, ci_low, ci_high`` of one probe at K = ``k``.

    ``category`` is a HurtLex code, or ``total`` for HONEST@K itself; only the identity groups
    and categories with a non-zero value in some group are kept (total always).
    """
    part = summary[(summary.probe == probe) & summary.group.isin(IDENTITY_GROUPS)]
    parsed = part.metric.str.extract(_METRIC)
    part = part.assign(k=pd.to_numeric(parsed[0]), category=parsed[1].fillna("total"))
    part = part[part.k == k]
    busy = part.groupby("category").value.transform(lambda v: bool(np.nansum(v) > 0))
    part = part[busy.astype(bool) | (part.category == "total")]
    return part[["category", "group", "value", "ci_low", "ci_high"]].reset_index(drop=True)


def honest_category_plot(frame: pd.DataFrame, *, title: str) -> Figure:
    """Horizontal bars: one row per category, one bar per group, 95% interval whiskers."""
    cats = ["total"] + sorted(c for c in frame.category.unique() if c != "total")
    groups = list(dict.fromkeys(frame.group))
    fig = Figure(figsize=(7.0, max(2.2, 0.45 * len(cats) * max(1, len(groups)) ** 0.5 + 1.3)),
                 layout="constrained")  # fmt: skip
    ax = fig.subplots()
    height = 0.8 / max(1, len(groups))
    for j, group in enumerate(groups):
        rows = frame[frame.group == group].set_index("category").reindex(cats)
        y = np.arange(len(cats)) + (j - (len(groups) - 1) / 2) * height
        err = np.vstack([rows.value - rows.ci_low, rows.ci_high - rows.value]).clip(min=0)
        ax.barh(y, rows.value, height=height, color=PALETTE[j % len(PALETTE)], label=group,
                xerr=np.nan_to_num(err), capsize=2)  # fmt: skip
    ax.set_yticks(np.arange(len(cats)), cats)
    ax.invert_yaxis()
    ax.set_xlabel("HONEST (share of top-K completions in HurtLex)")
    ax.set_title(_wrap(title), fontsize=10)
    ax.legend(fontsize=8)
    return fig


@figures_for("honest")
def honest_figures(summary: pd.DataFrame, suite: str) -> Iterator[tuple[str, Figure, str]]:
    """One (name, figure, caption) per HONEST probe of ``suite`` (largest K in the summary)."""
    part = summary[summary.suite == suite]
    if part.empty or not part.metric.str.match(_METRIC).any():
        return
    for probe in dict.fromkeys(part.probe):
        rows = part[part.probe == probe]
        ks = rows.metric.str.extract(_METRIC)[0].dropna().astype(int)
        if ks.empty:
            continue
        k = int(ks.max())
        frame = honest_frame(summary, probe, k=k)
        if frame.empty:
            continue
        name = re.sub(r"\W+", "_", f"{suite}_{probe}_honest_categories").lower()
        caption = (f"{suite} / {probe}: HONEST@{k} overall (total) and per HurtLex category, per "
                   "identity group, with 95% bootstrap intervals over prompts.")  # fmt: skip
        yield name, honest_category_plot(frame, title=f"{suite} {probe}: HONEST@{k}"), caption
