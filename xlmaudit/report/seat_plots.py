"""SEAT figure: effect size d per test with its bootstrap interval, one series per probe (pooling).

Pure frame -> Figure functions (no inference imports); ``seat_figures`` yields them for
``xlmaudit.report.figures.build_figures``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from xlmaudit.report.kind_figures import figures_for
from xlmaudit.report.plots import benchmark_plot

METRIC = "effect_size"


def seat_frame(summary: pd.DataFrame, suite: str) -> pd.DataFrame:
    """Effect-size rows of ``suite`` as columns category (test), series (probe), value, ci_*."""
    rows = summary[(summary["suite"] == suite) & (summary["metric"] == METRIC)]
    frame = rows.rename(columns={"group": "category", "probe": "series"})
    return frame[["category", "series", "value", "ci_low", "ci_high"]].reset_index(drop=True)


def seat_plot(frame: pd.DataFrame, *, title: str, ax: Axes | None = None) -> Figure:
    """Effect sizes with 95% intervals per test; the dashed line is d = 0 (no association)."""
    fig = benchmark_plot(
        frame,
        title=title,
        xlabel="effect size d (95% bootstrap interval over X, Y, A, B)",
        reference=0.0,
        ax=ax,
    )
    legend = fig.axes[0].get_legend()
    if legend is not None:
        legend.set_title("pooling")
    return fig


@figures_for("seat")
def seat_figures(summary: pd.DataFrame, suite: str) -> Iterator[tuple[str, Figure, str]]:
    """The SEAT figure of ``suite`` when its summary has effect-size rows (else nothing)."""
    frame = seat_frame(summary, suite)
    if frame.empty:
        return
    caption = (
        f"{suite}: SEAT effect size d per test and pooling, with 95% bootstrap intervals "
        "(ours: X, Y, A and B resampled); d > 0: targ1 is closer to attr1 than targ2 is."
    )
    name = "".join(ch if ch.isalnum() else "_" for ch in f"{suite}_effect_sizes".lower())
    yield name, seat_plot(frame, title=f"{suite}: SEAT effect sizes"), caption
