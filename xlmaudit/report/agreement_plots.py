"""Figure of ``agreement.csv`` (:mod:`xlmaudit.agreement`): Kendall's tau between measures as a
heatmap, one panel per basis (shared categories, shared items), each cell annotated with n."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

AGREEMENT_FIGURE = "agreement_heatmap"
OVER_WORDS = {"categories": "over shared categories", "items": "over shared items"}


def agreement_matrices(frame: pd.DataFrame, over: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(tau, n) as symmetric measures x measures frames for the rows ``over`` (NaN: no pair,
    and the diagonal), measures in the order the rows name them."""
    rows = frame[frame["over"] == over]
    pairs = zip(rows["measure_a"], rows["measure_b"], strict=True)
    names = list(dict.fromkeys(m for pair in pairs for m in pair))
    tau = pd.DataFrame(np.nan, index=names, columns=names)
    n = pd.DataFrame(np.nan, index=names, columns=names)
    for _, r in rows.iterrows():
        a, b = r["measure_a"], r["measure_b"]
        tau.loc[a, b] = tau.loc[b, a] = r["kendall_tau"]
        n.loc[a, b] = n.loc[b, a] = r["n"]
    return tau, n


def agreement_heatmap(panels: list[tuple[str, pd.DataFrame, pd.DataFrame]]) -> Figure:
    """One heatmap per ``(title, tau, n)``: tau from -1 (blue) to 1 (red), each cell annotated
    ``tau`` over ``n=..``; grey where two measures do not pair (and on the diagonal)."""
    size = max(len(t) for _, t, _ in panels)
    side = 1.6 + 0.62 * size
    fig = Figure(figsize=(side * len(panels) + 1.4, side + 0.6), layout="constrained")
    axes = fig.subplots(1, len(panels), squeeze=False)[0]
    image = None
    for ax, (title, tau, n) in zip(axes, panels, strict=True):
        values = np.ma.masked_invalid(tau.to_numpy(float))
        cmap = _cmap()
        image = ax.imshow(values, cmap=cmap, vmin=-1, vmax=1)
        ax.set_xticks(range(len(tau)), tau.columns, rotation=60, ha="right", fontsize=7)
        ax.set_yticks(range(len(tau)), tau.index, fontsize=7)
        for i in range(len(tau)):
            for j in range(len(tau)):
                value = tau.iat[i, j]
                if np.isfinite(value):
                    ax.text(j, i, f"{value:.2f}\nn={int(n.iat[i, j])}", ha="center", va="center",
                            fontsize=6, color="white" if abs(value) > 0.6 else "black")  # fmt: skip
        ax.set_title(title, fontsize=9)
    fig.colorbar(image, ax=list(axes), shrink=0.8, label="Kendall's tau")
    return fig


def _cmap():  # noqa: ANN202
    from matplotlib import colormaps

    return colormaps["RdBu_r"].with_extremes(bad="#e6e6e6")


def agreement_figures(frame: pd.DataFrame | None) -> Iterator[tuple[str, Figure, str]]:
    """The agreement heatmap of a run (nothing when it has no ``agreement.csv`` rows)."""
    if frame is None or frame.empty:
        return
    panels = []
    for over in dict.fromkeys(frame["over"].astype(str)):
        tau, n = agreement_matrices(frame, over)
        panels.append((f"Kendall's tau {OVER_WORDS.get(over, over)}", tau, n))
    caption = (
        "Agreement between measures that score the same categories (or items): Kendall's tau of "
        "their values, annotated with the number of shared categories or items (n); grey: the "
        "two measures share too few to compare (or a measure with itself)."
    )
    yield AGREEMENT_FIGURE, agreement_heatmap(panels), caption


def alt_text(frame: pd.DataFrame) -> str:
    """The heatmap's alt text: what it shows and the measures it names."""
    names = ", ".join(dict.fromkeys([*frame["measure_a"], *frame["measure_b"]]))
    return f"Heatmap of Kendall's tau between the measures {names}; each cell gives tau and n."
