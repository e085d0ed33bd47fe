"""Figure of the cross-language CrowS-Pairs view (:mod:`xlmaudit.cross_language`): per bias type,
the paired difference of the stereotype-preference share between two languages, with intervals."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from xlmaudit.report.plots import forest_plot


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
        f"(percentage points; > 0 = more stereotype-preferring in {lang_a}; paired bootstrap "
        "95% interval)",
        reference=0.0,
        ax=ax,
    )
