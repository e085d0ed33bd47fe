"""WinoBias figure: per-occupation preference for the feminine form against the BLS women's share.

``occupation_frame`` prepares the per-occupation means (with bootstrap intervals) from a winobias
raw frame; ``occupation_vs_bls_plot`` draws them; ``winobias_figures`` yields one figure per
winobias probe of a run (hook for ``xlmaudit.report.figures.build_figures``).
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from xlmaudit.metrics.stats import bootstrap_mean, correlation
from xlmaudit.report.kind_figures import figures_for

COLORS = {"female": "#d62728", "male": "#1f77b4"}
LABELS = {"cloze": "log P(feminine) - log P(masculine) at the mask", "pll": "PLL difference"}


def occupation_frame(raw: pd.DataFrame, *, seed: int = 0) -> pd.DataFrame:
    """One row per referent occupation of one probe's usable items: ``occupation``,
    ``stereo_gender``, ``women_share`` (NaN if unmatched), ``value`` (mean ``female_score``),
    ``ci_low``, ``ci_high`` (percentile bootstrap), ``n``."""
    used = raw[raw["usable"].astype(bool)]
    rows = []
    for occ, part in used.groupby("occupation", sort=True):
        est = bootstrap_mean(part["female_score"].to_numpy(dtype=float), seed=seed)
        rows.append(
            {
                "occupation": occ,
                "stereo_gender": part["stereo_gender"].iloc[0],
                "women_share": float(part["women_share"].iloc[0]),
                "value": est.value,
                "ci_low": est.ci_low,
                "ci_high": est.ci_high,
                "n": est.n,
            }
        )
    cols = ["occupation", "stereo_gender", "women_share", "value", "ci_low", "ci_high", "n"]
    return pd.DataFrame(rows, columns=cols)


def occupation_vs_bls_plot(
    frame: pd.DataFrame, *, title: str, ylabel: str, ax: Axes | None = None
) -> Figure:
    """Scatter of ``value`` (with interval whiskers) against ``women_share``, one labelled point
    per matched occupation, coloured by the data's stereotypical gender; unmatched occupations
    are left out and counted in the title."""
    if ax is None:
        fig = Figure(figsize=(7.5, 5.0), layout="constrained")
        ax = fig.subplots()
    else:
        fig = ax.figure
    matched = frame[frame["women_share"].notna()]
    for gender, part in matched.groupby("stereo_gender"):
        err = [
            (part["value"] - part["ci_low"]).clip(lower=0).fillna(0),
            (part["ci_high"] - part["value"]).clip(lower=0).fillna(0),
        ]
        label = f"{gender} occupations (WinoBias list)"
        color = COLORS.get(gender, "#555")
        ax.errorbar(part["women_share"], part["value"], yerr=err, fmt="o", capsize=2,
                    color=color, label=label)  # fmt: skip
        for r in part.itertuples():
            ax.annotate(r.occupation, (r.women_share, r.value), fontsize=7,
                        xytext=(3, 3), textcoords="offset points")  # fmt: skip
    ax.axhline(0, color="#999", linestyle="--", linewidth=1)
    ax.axvline(50, color="#ccc", linestyle=":", linewidth=1)
    rho = correlation(matched["women_share"], matched["value"], method="spearman")
    cover = f"{len(matched)}/{len(frame)} occupations in the labour lexicon"
    ax.set_title(f"{title}\nSpearman {rho.value:.2f} ({cover})", fontsize=10)
    ax.set_xlabel("women's share of U.S. employment, % (BLS CPS 2022)")
    ax.set_ylabel(ylabel)
    ax.grid(alpha=0.3)
    if len(matched):
        ax.legend(fontsize=8)
    return fig


@figures_for("winobias", frame="raw")
def winobias_figures(raw: pd.DataFrame, suite: str) -> Iterator[tuple[str, Figure, str]]:
    """(name, figure, caption) per winobias probe in a suite's raw frame with ``women_share``."""
    needed = {"variant", "female_score", "women_share", "usable", "occupation"}
    if not needed <= set(raw.columns):
        return
    for probe, part in raw.groupby("probe", sort=False):
        frame = occupation_frame(part)
        if frame.empty or not np.isfinite(frame["women_share"]).any():
            continue
        variant = str(part["variant"].iloc[0])
        name = "".join(c if c.isalnum() else "_" for c in f"{suite}_{probe}_bls").lower()
        fig = occupation_vs_bls_plot(
            frame,
            title=f"{suite}/{probe}: feminine-form preference per occupation vs BLS",
            ylabel=f"mean {LABELS.get(variant, 'score')}",
        )
        caption = (
            f"{suite}/{probe}: per referent occupation, mean preference for the feminine form "
            f"(95% bootstrap intervals) against the women's share of U.S. employment; "
            f"occupations missing from the labour lexicon are left out."
        )
        yield name, fig, caption
