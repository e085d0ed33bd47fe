"""Figures of the cross-language view (:mod:`xlmaudit.cross_language`): per bias type (one
language pair) or per language pair (several) the paired difference of the stereotype-preference
share, with intervals; and each language's share on the ids common to every language."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from xlmaudit.report.plots import forest_plot

ALL = "all"


def cross_language_plot(
    frame: pd.DataFrame, *, estimator: str | None = None, ax: Axes | None = None
) -> Figure:
    """Forest plot of ``difference`` (share A - share B, in percentage points) with its interval,
    one row per bias type (``all`` first) of one estimator (default: the frame's first) and one
    language pair (the frame's first); labels carry ``n_pairs`` and McNemar's p."""
    if frame.empty:
        raise ValueError("empty cross-language frame: nothing to draw")
    est = estimator or str(frame["estimator"].iloc[0])
    rows = frame[frame["estimator"] == est]
    lang_a, lang_b = str(rows["lang_a"].iloc[0]), str(rows["lang_b"].iloc[0])
    rows = rows[(rows["lang_a"] == lang_a) & (rows["lang_b"] == lang_b)]
    cells = zip(rows["bias_type"], rows["n_pairs"], rows["p_value"], strict=True)
    labels = [f"{b} (n={n}, p={p:.2g})" for b, n, p in cells]
    drawn = pd.DataFrame({"label": labels, "value": 100 * rows["difference"].to_numpy(float),
                          "ci_low": 100 * rows["ci_low"].to_numpy(float),
                          "ci_high": 100 * rows["ci_high"].to_numpy(float)})  # fmt: skip
    return forest_plot(
        drawn,
        title=f"CrowS-Pairs, same pairs in {lang_a} and {lang_b} ({est})",
        xlabel=f"% of pairs preferring the more-stereotyping sentence, {lang_a} - {lang_b} "
        f"(percentage points; > 0 = more stereotype-preferring in {lang_a}; Newcombe "
        "95% interval)",
        reference=0.0,
        ax=ax,
    )


def language_pairs(frame: pd.DataFrame) -> list[tuple[str, str]]:
    """The frame's language pairs (a, b) in order."""
    return list(dict.fromkeys(zip(frame["lang_a"].astype(str), frame["lang_b"].astype(str),
                                  strict=True)))  # fmt: skip


def _p_label(row: pd.Series) -> str:
    p = float(row.get("p_holm_languages", math.nan))
    if math.isnan(p):
        return "no test" if str(row.get("note", "") or "") else ""
    return f", Holm p={p:.2g}"


def pairs_plot(frame: pd.DataFrame, estimator: str, *, ax: Axes | None = None) -> Figure:
    """Forest plot of the overall ``difference`` of every language pair of one estimator
    (percentage points); labels carry the shared ids and the Holm p across the pairs."""
    rows = frame[(frame["estimator"] == estimator) & (frame["bias_type"] == ALL)]
    if rows.empty:
        raise ValueError(f"no overall row of {estimator}: nothing to draw")
    labels = [f"{r.lang_a} - {r.lang_b} (n={r.n_pairs}{_p_label(r)})" for _, r in rows.iterrows()]
    drawn = pd.DataFrame({"label": labels, "value": 100 * rows["difference"].to_numpy(float),
                          "ci_low": 100 * rows["ci_low"].to_numpy(float),
                          "ci_high": 100 * rows["ci_high"].to_numpy(float)})  # fmt: skip
    return forest_plot(
        drawn,
        title=f"Same pairs, every language pair ({estimator})",
        xlabel="% of shared pairs preferring the more-stereotyping sentence, a - b (percentage "
        "points; Newcombe 95% interval; none: too few shared ids)",
        reference=0.0,
        ax=ax,
    )


def common_shares(frame: pd.DataFrame, estimator: str) -> pd.DataFrame:
    """Per language of one estimator, its share on the common ids (percent) with its interval,
    from the overall rows' ``*_common`` columns: ``label``, ``value``, ``ci_low``, ``ci_high``,
    ``n_common``."""
    rows = frame[(frame["estimator"] == estimator) & (frame["bias_type"] == ALL)]
    seen: dict[str, tuple] = {}
    for _, r in rows.iterrows():
        for side in ("a", "b"):
            cols = [f"share_{side}_common", f"ci_low_{side}_common", f"ci_high_{side}_common"]
            seen.setdefault(str(r[f"lang_{side}"]), (*r[cols].to_numpy(float), r["n_common"]))
    out = pd.DataFrame([(g, *v) for g, v in seen.items()],
                       columns=["label", "value", "ci_low", "ci_high", "n_common"])  # fmt: skip
    out[["value", "ci_low", "ci_high"]] *= 100
    return out


def shares_plot(frame: pd.DataFrame) -> Figure:
    """One panel per estimator: each language's % of the common ids preferring the
    more-stereotyping sentence, with its exact 95% interval; the dashed line is 50."""
    if frame.empty or "n_common" not in frame.columns:
        raise ValueError("no common-id shares in the cross-language frame: nothing to draw")
    ests = list(dict.fromkeys(frame["estimator"].astype(str)))
    n_langs = max(len(common_shares(frame, e)) for e in ests)
    fig = Figure(figsize=(7.0, len(ests) * max(1.6, 0.32 * n_langs + 1.0)), layout="constrained")
    axes = np.atleast_1d(fig.subplots(len(ests), 1, squeeze=False)[:, 0])
    for ax, est in zip(axes, ests, strict=True):
        drawn = common_shares(frame, est)
        n = drawn["n_common"].dropna()
        forest_plot(drawn, title=f"{est}: {int(n.iloc[0]) if len(n) else 0} common ids",
                    xlabel="% of common pairs preferring the more-stereotyping sentence",
                    reference=50.0, ax=ax)  # fmt: skip
    return fig


def shares_alt(frame: pd.DataFrame) -> str:
    """The shares figure in words: its estimators and languages, with the common ids."""
    ests = list(dict.fromkeys(frame["estimator"].astype(str)))
    parts = []
    for est in ests:
        drawn = common_shares(frame, est)
        langs = ", ".join(drawn["label"])
        n = drawn["n_common"].dropna()
        parts.append(f"{est} in {langs} on {int(n.iloc[0]) if len(n) else 0} common ids")
    return ("Share of pairs preferring the more-stereotyping sentence per language, with exact "
            f"95% intervals, one panel per estimator: {'; '.join(parts)}.")  # fmt: skip
