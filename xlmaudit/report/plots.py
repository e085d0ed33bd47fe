"""Figures: each a function from a prepared frame (and an optional ``ax``) to a Figure.

The functions compute nothing: the frames come from ``xlmaudit.report.frames``. Figures are built
with ``matplotlib.figure.Figure`` directly (no pyplot, no global backend switch), so they save as
PNG anywhere and display inline in notebooks.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle


def _wrap(title: str, width: int = 72) -> str:
    return textwrap.fill(title, width)


LABEL_WIDTH = 60  # characters per line of an x-axis label (centred under a 7-inch axes)
YLABEL_WIDTH = 48  # of a y-axis label beside a 5-inch-tall scatter
# where a point's label may go (offset in points, alignment), tried in order
LABEL_SPOTS = (
    (3, 3, "left", "bottom"), (3, -3, "left", "top"), (-3, 3, "right", "bottom"),
    (-3, -3, "right", "top"), (0, 6, "center", "bottom"), (0, -6, "center", "top"),
)  # fmt: skip


def place_labels(ax: Axes, xs, ys, labels, *, fontsize: float = 7) -> int:
    """Label points without overlaps: each label takes the first free spot around its point
    (points far from the median first); a label with no free spot inside the axes is left out.
    Returns the number left out."""
    fig = ax.figure
    if not hasattr(fig.canvas, "get_renderer"):
        FigureCanvasAgg(fig)
    fig.canvas.draw()  # settle the layout: positions below are final
    renderer = fig.canvas.get_renderer()
    inside, placed, dropped = ax.get_window_extent(renderer), [], 0
    ys = np.asarray(ys, dtype=float)
    order = np.argsort(-np.abs(ys - np.nanmedian(ys)), kind="stable") if len(ys) else []
    for i in order:
        for dx, dy, ha, va in LABEL_SPOTS:
            text = ax.annotate(str(labels[i]), (xs[i], ys[i]), xytext=(dx, dy), ha=ha, va=va,
                               textcoords="offset points", fontsize=fontsize)  # fmt: skip
            text.set_in_layout(False)
            box = text.get_window_extent(renderer)
            fits = (box.x0 >= inside.x0 and box.x1 <= inside.x1 and box.y0 >= inside.y0
                    and box.y1 <= inside.y1)  # fmt: skip
            if fits and not any(box.overlaps(p) for p in placed):
                placed.append(box)
                break
            text.remove()
        else:
            dropped += 1
    return dropped


PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b")


def _axes(ax: Axes | None, *, rows: int, width: float = 7.0) -> tuple[Figure, Axes]:
    if ax is not None:
        return ax.figure, ax
    fig = Figure(figsize=(width, max(2.2, 0.32 * rows + 1.3)), layout="constrained")
    return fig, fig.subplots()


X_MARGIN = 0.05  # share of the data's x span added on each side of a forest plot


def cover_x(ax: Axes, *values: object) -> None:
    """Set ``ax``'s x limits to cover every finite number in ``values`` (arrays, columns or
    scalars: points, interval ends, reference lines) with a :data:`X_MARGIN` margin."""
    xs = np.concatenate([np.atleast_1d(np.asarray(v, dtype=float)).ravel() for v in values])
    xs = xs[np.isfinite(xs)]
    if not len(xs):
        return
    lo, hi = float(xs.min()), float(xs.max())
    span = hi - lo or max(abs(hi), 1.0)
    ax.set_xlim(lo - X_MARGIN * span, hi + X_MARGIN * span)


def forest_plot(
    frame: pd.DataFrame,
    *,
    title: str,
    xlabel: str,
    reference: float | None = None,
    ax: Axes | None = None,
) -> Figure:
    """Point estimates with interval whiskers, one row per ``label``; "n/a" on a row without a
    value (a group that ``--limit`` left empty). The x-axis covers every point, interval end and
    the reference line.

    Args:
        frame: columns ``label``, ``value``, ``ci_low``, ``ci_high`` (rows plotted top to bottom).
        reference: x of a dashed "no bias" line (e.g. 0 for log-odds, 50 for a percentage).
    """
    fig, ax = _axes(ax, rows=len(frame))
    ypos = np.arange(len(frame))[::-1]
    has = frame["value"].notna().to_numpy()
    shown = frame[has]
    err = [
        (shown["value"] - shown["ci_low"]).clip(lower=0).fillna(0),
        (shown["ci_high"] - shown["value"]).clip(lower=0).fillna(0),
    ]
    ax.errorbar(shown["value"], ypos[has], xerr=err, fmt="o", color=PALETTE[0], ecolor="#555",
                capsize=3)  # fmt: skip
    for y in ypos[~has]:  # x in axes units: inside whatever the limits are
        ax.text(0.01, y, "n/a", transform=ax.get_yaxis_transform(), ha="left", va="center",
                color="#777", fontsize=8, fontstyle="italic")  # fmt: skip
    if reference is not None:
        ax.axvline(reference, color="#999", linestyle="--", linewidth=1)
    cover_x(ax, shown["value"], shown["ci_low"], shown["ci_high"],
            np.nan if reference is None else reference)  # fmt: skip
    ax.set_yticks(ypos, labels=[str(s) for s in frame["label"]])
    ax.set_ylim(-0.6, len(frame) - 0.4)  # every row, "n/a" rows too (text does not autoscale)
    ax.set_xlabel(_wrap(xlabel, LABEL_WIDTH))
    ax.set_title(_wrap(title), fontsize=10)
    ax.grid(axis="x", alpha=0.3)
    return fig


def template_sensitivity_plot(
    frame: pd.DataFrame, *, title: str, xlabel: str, ax: Axes | None = None
) -> Figure:
    """Per-template estimate with intervals against the pooled estimate (vertical line).

    Args:
        frame: columns ``label`` (template), ``value``, ``ci_low``, ``ci_high``, ``pooled``.
    """
    fig = forest_plot(frame, title=title, xlabel=xlabel, ax=ax)
    target = fig.axes[0] if ax is None else ax
    if len(frame):
        pooled = float(frame["pooled"].iloc[0])
        target.axvline(pooled, color=PALETTE[1], linewidth=1.2, label="all templates pooled")
        target.legend(loc="best", fontsize="small")
        shown = frame[frame["value"].notna()]
        cover_x(target, shown["value"], shown["ci_low"], shown["ci_high"], pooled)
    return fig


def reference_plot(
    frame: pd.DataFrame,
    *,
    x: str,
    title: str,
    xlabel: str,
    ylabel: str,
    ax: Axes | None = None,
) -> Figure:
    """Scatter of the model's per-filler score (``value`` with interval) against a reference ``x``
    (labour statistics, planted truth), one labelled point per filler.

    Args:
        frame: columns ``label`` (filler), ``value``, ``ci_low``, ``ci_high`` and ``x``.
    """
    fig, ax = _axes(ax, rows=14, width=7.5)
    err = [
        (frame["value"] - frame["ci_low"]).clip(lower=0).fillna(0),
        (frame["ci_high"] - frame["value"]).clip(lower=0).fillna(0),
    ]
    ax.errorbar(frame[x], frame["value"], yerr=err, fmt="o", color=PALETTE[0], ecolor="#bbb")
    ax.set_xlabel(_wrap(xlabel, LABEL_WIDTH))
    ax.set_ylabel(_wrap(ylabel, YLABEL_WIDTH))
    ax.set_title(_wrap(title), fontsize=10)
    ax.grid(alpha=0.3)
    shown = frame[frame[x].notna() & frame["value"].notna()]
    dropped = place_labels(ax, shown[x].to_numpy(float), shown["value"].to_numpy(float),
                           [str(v) for v in shown["label"]])  # fmt: skip
    if dropped:
        ax.set_title(_wrap(f"{title} ({dropped} point labels left out to avoid overlap)"),
                     fontsize=10)  # fmt: skip
    return fig


def benchmark_plot(
    frame: pd.DataFrame,
    *,
    title: str,
    xlabel: str,
    reference: float | None = 50.0,
    ax: Axes | None = None,
) -> Figure:
    """Per-category estimates with intervals, one marker colour per ``series`` (estimator).

    Args:
        frame: columns ``category``, ``series``, ``value``, ``ci_low``, ``ci_high``.
    """
    categories = list(dict.fromkeys(frame["category"]))
    series = list(dict.fromkeys(frame["series"]))
    fig, ax = _axes(ax, rows=len(categories) * max(1, len(series)) // 2 + len(categories))
    step = 0.8 / max(len(series), 1)
    base = {c: len(categories) - 1 - i for i, c in enumerate(categories)}
    for k, name in enumerate(series):
        part = frame[frame["series"] == name]
        ypos = [base[c] + 0.4 - step * (k + 0.5) for c in part["category"]]
        err = [
            (part["value"] - part["ci_low"]).clip(lower=0).fillna(0),
            (part["ci_high"] - part["value"]).clip(lower=0).fillna(0),
        ]
        ax.errorbar(
            part["value"],
            ypos,
            xerr=err,
            fmt="o",
            capsize=2,
            label=str(name),
            color=PALETTE[k % len(PALETTE)],
        )
    if reference is not None:
        ax.axvline(reference, color="#999", linestyle="--", linewidth=1)
    ax.set_yticks([base[c] for c in categories], labels=[str(c) for c in categories])
    ax.set_xlabel(_wrap(xlabel, LABEL_WIDTH))
    ax.set_title(_wrap(title), fontsize=10)
    ax.grid(axis="x", alpha=0.3)
    if series:
        ax.legend(title="estimator", fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1))
    return fig


def languages_plot(
    frame: pd.DataFrame,
    *,
    title: str,
    xlabel: str,
    reference: float | None = None,
    ax: Axes | None = None,
) -> Figure:
    """The same probe in several languages: one row per language, its value with the interval
    whiskers, each language its own colour, and a dashed "no bias" line at ``reference``.

    Args:
        frame: columns ``label`` (language and where measured), ``value``, ``ci_low``,
            ``ci_high``; rows plotted top to bottom.
    """
    fig, ax = _axes(ax, rows=max(len(frame), 2))
    ypos = list(range(len(frame)))[::-1]
    for k, (y, (_, r)) in enumerate(zip(ypos, frame.iterrows(), strict=True)):
        low = max(r["value"] - r["ci_low"], 0) if pd.notna(r["ci_low"]) else 0
        high = max(r["ci_high"] - r["value"], 0) if pd.notna(r["ci_high"]) else 0
        ax.errorbar([r["value"]], [y], xerr=[[low], [high]], fmt="o", capsize=4,
                    color=PALETTE[k % len(PALETTE)])  # fmt: skip
    if reference is not None:
        ax.axvline(reference, color="#999", linestyle="--", linewidth=1, label="no bias")
        ax.legend(loc="best", fontsize="small")
    ax.set_yticks(ypos, labels=[str(s) for s in frame["label"]])
    ax.set_ylim(-0.7, len(frame) - 0.3)
    ax.set_xlabel(_wrap(xlabel, LABEL_WIDTH))
    ax.set_title(_wrap(title, 56), fontsize=10)
    ax.grid(axis="x", alpha=0.3)
    return fig


HEAT_CMAP = "RdBu_r"  # red: above the no-bias value, blue: below


def effect_heatmap(
    frame: pd.DataFrame, *, title: str, colorbar_label: str, finding_label: str = "finding",
    small_label: str = "too few items to detect a 5-point bias", ax: Axes | None = None,
) -> Figure:  # fmt: skip
    """Rows (estimators, poolings) x columns (categories): colour = signed distance from the
    no-bias value (diverging, centred on 0), each cell's number printed, a dot on findings, hatching
    on cells too small to detect a 5-point bias; empty cells grey.

    Args:
        frame: columns ``row``, ``column``, ``effect`` (signed distance), ``finding`` (bool),
            ``small`` (bool); rows and columns drawn in order of first appearance.
    """
    rows = list(dict.fromkeys(frame["row"]))
    cols = list(dict.fromkeys(frame["column"]))
    grid = frame.pivot_table(index="row", columns="column", values="effect", aggfunc="first",
                             dropna=False).reindex(index=rows, columns=cols)  # fmt: skip
    width = min(14.0, max(6.0, 2.4 + 0.62 * len(cols)))
    if ax is None:
        fig = Figure(figsize=(width, 2.4 + 0.42 * len(rows)), layout="constrained")
        ax = fig.subplots()
    fig = ax.figure
    values = grid.to_numpy(dtype=float)
    top = float(np.nanmax(np.abs(values))) if np.isfinite(values).any() else 1.0
    ax.set_facecolor("#e6e6e6")
    image = ax.imshow(np.ma.masked_invalid(values), cmap=HEAT_CMAP, vmin=-(top or 1.0),
                      vmax=top or 1.0, aspect="auto")  # fmt: skip
    for _, r in frame.iterrows():
        y, x = rows.index(r["row"]), cols.index(r["column"])
        if r["small"]:
            ax.add_patch(Rectangle((x - 0.5, y - 0.5), 1, 1, fill=False, hatch="///",
                                   edgecolor="#555", linewidth=0))  # fmt: skip
        if np.isfinite(r["effect"]):
            dark = abs(r["effect"]) > 0.6 * (top or 1.0)
            mark = " ●" if r["finding"] else ""
            ax.text(x, y, f"{r['effect']:+.1f}{mark}", ha="center", va="center", fontsize=7,
                    color="white" if dark else "#222")  # fmt: skip
    ax.set_xticks(range(len(cols)), labels=[str(c) for c in cols], rotation=40, ha="right",
                  rotation_mode="anchor", fontsize=8)  # fmt: skip
    ax.set_yticks(range(len(rows)), labels=[str(r) for r in rows], fontsize=8)
    inches = fig.get_size_inches()
    ax.set_title(_wrap(title, int(11 * inches[0])), fontsize=10)
    bar = fig.colorbar(image, ax=ax, shrink=0.9, pad=0.01)
    bar.set_label(_wrap(colorbar_label, max(30, int(11 * inches[1]))), fontsize=7)
    bar.ax.tick_params(labelsize=7)
    handles = [
        Line2D([], [], marker="o", linestyle="", color="#222", label=finding_label),
        Patch(facecolor="white", edgecolor="#555", hatch="///", label=small_label),
    ]
    fig.legend(handles=handles, loc="outside lower center", ncols=2 if len(cols) >= 6 else 1,
               fontsize=7, frameon=False)  # fmt: skip
    return fig
