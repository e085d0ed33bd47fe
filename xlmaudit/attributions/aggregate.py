"""Aggregate word attributions over items: the context words that push most toward each group."""

from __future__ import annotations

import numpy as np
import pandas as pd

from xlmaudit.metrics.stats import bootstrap_mean

TOP_COLUMNS = ("group", "word", "value", "ci_low", "ci_high", "n", "rank")


def bootstrap_interval(
    values: np.ndarray, *, confidence: float = 0.95, seed: int = 0
) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean (``stats.bootstrap_mean``); NaN for n < 2."""
    est = bootstrap_mean(values, confidence=confidence, seed=seed)
    return est.ci_low, est.ci_high


def per_item_words(words: pd.DataFrame) -> pd.DataFrame:
    """One value per (groups, method, item, lower-cased word): its summed attribution."""
    ctx = words[~words["is_mask"]].copy()
    ctx["word"] = ctx["word"].str.lower()
    tg = "target_group" if "target_group" in ctx else "target"
    cg = "contrast_group" if "contrast_group" in ctx else "contrast"
    ctx["_target"], ctx["_contrast"] = ctx[tg], ctx[cg].fillna("")
    ctx["_probe"] = ctx.get("probe", "")
    keys = ["_probe", "_target", "_contrast", "method", "item_id", "word"]
    return ctx.groupby(keys, sort=False)["attribution"].sum().reset_index()


def top_words(
    words: pd.DataFrame,
    *,
    top: int = 10,
    min_items: int = 1,
    confidence: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """The ``top`` words pushing toward each group, with the mean over items and its interval.

    ``words`` is a ``word_frame`` (optionally with ``target_group``/``contrast_group`` columns
    naming the groups; else the target and contrast words are the groups). F is
    log P(target) - log P(contrast), so a positive attribution pushes toward the target group;
    for the contrast group ``value`` and the interval are sign-flipped, so ``value`` > 0 always
    reads "pushes toward ``group``". A word absent from an item does not count as 0 there:
    ``n`` is the number of items that contain it. Interval: percentile bootstrap over those items.
    Groups are formed per (probe, target, contrast, method); ``probe`` is "" without that column.
    """
    per = per_item_words(words)
    rows = []
    keys = ["_probe", "_target", "_contrast", "method"]
    for (probe, target, contrast, method), part in per.groupby(keys, sort=False):
        by_word = part.groupby("word")["attribution"]
        means = by_word.mean()[by_word.size() >= min_items]
        sides = [(target, 1.0)] + ([(contrast, -1.0)] if contrast else [])
        for group, sign in sides:
            ranked = (sign * means).sort_values(ascending=False)
            ranked = ranked[ranked > 0].head(top)
            for rank, (word, value) in enumerate(ranked.items(), start=1):
                vals = sign * part.loc[part["word"] == word, "attribution"].to_numpy()
                lo, hi = bootstrap_interval(vals, confidence=confidence, seed=seed)
                row = (group, word, float(value), lo, hi, len(vals), rank)
                rows.append((*row, method, target, contrast, probe))
    cols = [*TOP_COLUMNS, "method", "target", "contrast", "probe"]
    return pd.DataFrame(rows, columns=cols)
