"""Attribution figures: frame -> Figure (optional ``ax``); they compute nothing.

Red bars push toward the target (group), blue toward the contrast, as in the HTML view.
"""

from __future__ import annotations

from collections.abc import Iterator

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from xlmaudit.report.kind_figures import Made, figures_for  # noqa: E402

TOWARD_TARGET, TOWARD_CONTRAST = "#d62728", "#1f77b4"


def _axes(ax: Axes | None, rows: int) -> tuple[Figure, Axes]:
    if ax is not None:
        return ax.figure, ax  # type: ignore[return-value]
    fig, new = plt.subplots(figsize=(6.5, max(2.0, 0.3 * rows + 1.2)), layout="constrained")
    return fig, new


def plot_word_attributions(words: pd.DataFrame, *, ax: Axes | None = None) -> Figure:
    """Horizontal bars of one explanation's word attributions, in sentence order (top down).

    Args:
        words: rows of one explanation from ``word_frame`` (columns ``word``, ``attribution``,
            ``target``, ``contrast``, ``method``, ``item_id``).
    """
    fig, ax = _axes(ax, len(words))
    values = words["attribution"].to_numpy()
    colours = [TOWARD_TARGET if v > 0 else TOWARD_CONTRAST for v in values]
    ax.barh(range(len(words)), values, color=colours)
    ax.set_yticks(range(len(words)), words["word"].astype(str).tolist())
    ax.invert_yaxis()
    ax.axvline(0, color="0.3", lw=0.8)
    first = words.iloc[0] if len(words) else None
    if first is not None:
        contrast = f" − log P({first['contrast']})" if first["contrast"] else ""
        ax.set_xlabel(f"attribution to log P({first['target']}){contrast}")
        ax.set_title(f"item {first['item_id']} · {first['method']}", fontsize=10)
    return fig


def plot_top_words(top: pd.DataFrame, *, ax: Axes | None = None) -> Figure:
    """Mean push toward each group with bootstrap whiskers (from ``top_words``), one row per word.

    Args:
        top: columns ``group``, ``word``, ``value``, ``ci_low``, ``ci_high``, ``n``.
    """
    fig, ax = _axes(ax, len(top))
    tags = [""] * len(top)
    if (
        "method" in top
        and "probe" in top
        and top[["probe", "method"]].drop_duplicates().shape[0] > 1
    ):
        tags = [
            f"  [{p} {m}]".replace("[ ", "[")
            for p, m in zip(top["probe"], top["method"], strict=True)
        ]
    labels = [
        f"{w}  → {g}  (n={n}){t}"
        for g, w, n, t in zip(top["group"], top["word"], top["n"], tags, strict=True)
    ]
    groups = list(dict.fromkeys(top["group"]))
    colours = [TOWARD_TARGET if g == groups[0] else TOWARD_CONTRAST for g in top["group"]]
    y = range(len(top))
    err_lo = (top["value"] - top["ci_low"]).fillna(0).clip(lower=0)
    err_hi = (top["ci_high"] - top["value"]).fillna(0).clip(lower=0)
    ax.barh(y, top["value"], color=colours, xerr=[err_lo, err_hi], ecolor="0.2", capsize=2)
    ax.set_yticks(list(y), labels)
    ax.invert_yaxis()
    ax.set_xlabel("mean attribution toward the group (95% bootstrap interval)")
    return fig


def attribution_bars(raw: pd.DataFrame, *, top: int = 8, ax: Axes | None = None) -> Figure:
    """Top context words toward each group for the attribution rows of a suite's raw frame.

    The aggregation is ``xlmaudit.attributions.top_words`` (mean over items, bootstrap interval);
    this function only selects the attribution rows and draws ``plot_top_words``.
    """
    from xlmaudit.attributions import top_words, word_frame
    from xlmaudit.attributions.frame import FRAME_COLUMNS

    extra = [c for c in ("suite", "probe", "target_group", "contrast_group") if c in raw]
    rows = raw[raw["token"].notna() & raw["attribution"].notna()]
    rows = rows[[*FRAME_COLUMNS, *extra]].astype(
        {"special": bool, "is_mask": bool, "mixed_piece_counts": bool}
    )
    return plot_top_words(top_words(word_frame(rows), top=top), ax=ax)


@figures_for("attribution", frame="raw")
def attribution_figures(raw: pd.DataFrame, suite: str) -> Iterator[Made]:
    """Attribution bars (:func:`attribution_bars`) for a suite's raw frame of attributions."""
    if "attribution" not in raw.columns or not raw["attribution"].notna().any():
        return
    caption = f"{suite}: context words with the largest mean attribution toward each group."
    name = "".join(ch if ch.isalnum() else "_" for ch in f"{suite}_attribution".lower())
    yield name.strip("_"), attribution_bars(raw), caption
