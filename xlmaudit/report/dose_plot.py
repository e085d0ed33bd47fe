"""The dose-response figure of the planted family: measured bias vs planted strength S, one panel
per measure (frames in, Figure out; it computes nothing)."""

from __future__ import annotations

import math

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

SEED_OFFSET = 0.03  # seeds drawn side by side at each S


def plot_dose_response(
    models: pd.DataFrame, table: pd.DataFrame, *, columns: int = 4, title: str = ""
) -> Figure:
    """One panel per measure: each model's bias (95% interval) against S, seeds side by side;
    the panel title gives the measure and its Spearman with S (``table``).

    Args:
        models: per model and measure (columns measure, statistic, bias, ci_low, ci_high,
            strength, seed), as :func:`xlmaudit.planted.dose.run_measures` plus the member's keys.
        table: :func:`xlmaudit.planted.dose.dose_table` (columns measure, spearman).
    """
    measures = list(dict.fromkeys(models.measure))
    rows = math.ceil(len(measures) / columns)
    fig, axes = plt.subplots(rows, columns, figsize=(3.1 * columns, 2.5 * rows),
                             layout="constrained", squeeze=False)  # fmt: skip
    rho = table.set_index("measure").spearman
    seeds = sorted(models.seed.unique())
    for ax, measure in zip(axes.flat, measures, strict=False):
        part = models[models.measure == measure]
        for i, seed in enumerate(seeds):
            own = part[part.seed == seed].sort_values("strength")
            x = own.strength + (i - (len(seeds) - 1) / 2) * SEED_OFFSET
            # clipped at 0: a percentile interval may miss its point estimate (SEAT's d)
            err = [(own.bias - own.ci_low).clip(lower=0), (own.ci_high - own.bias).clip(lower=0)]
            ax.errorbar(x, own.bias, yerr=err, fmt="o-", ms=3, lw=1, capsize=2,
                        label=f"seed {seed}")  # fmt: skip
        ax.axhline(0, color="grey", lw=0.6)
        ax.set_title(f"{measure}  (Spearman {rho[measure]:.2f})", fontsize=8)
        ax.set_ylabel(part.statistic.iloc[0], fontsize=6)
        ax.tick_params(labelsize=7)
        ax.set_xticks(sorted(part.strength.unique()))
    for ax in axes.flat[len(measures) :]:
        ax.set_visible(False)
    axes.flat[0].legend(fontsize=6)
    if title:
        fig.suptitle(title, fontsize=9)
    fig.supxlabel("planted strength S (0: balanced corpus, 1: the shipped recipe)", fontsize=8)
    return fig
