"""How much to believe a number: power, minimum detectable effect (MDE), design effect and
split-half reliability (scipy, statsmodels, numpy; no torch).

- Share metrics (a per-item 0/1 decision, 50% = no preference): the exact two-sided binomial test
  of 1/2 (``scipy.stats.binomtest``) rejects at ``k <= c`` or ``k >= n - c``; its rejection
  region depends on ``n`` only (cached), and its power at a true share ``p`` is
  ``P(X <= c) + P(X >= n - c)``, X ~ Bin(n, p). The MDE is the distance of the share where that
  power reaches 0.8 from 1/2 (``scipy.optimize.brentq``; the power is symmetric about 1/2).
- Mean metrics: the one-sample t-test (``statsmodels.stats.power.TTestPower``): MDE = the
  standardised effect detectable at 80% power times the observed per-item SD.
- Design effect: variance of the cluster-bootstrap mean over the variance of the item-bootstrap
  mean (the same seed), both from ``scipy.stats.bootstrap``'s ``standard_error``.
- Split-half reliability of a category profile: per split, the units (items, or clusters) of
  each category are halved at random; the two half profiles (category means) are correlated
  (Pearson) and stepped up by Spearman-Brown, 2r / (1 + r), for r >= 0. A negative r (halves
  that order the categories oppositely) is kept as it is: the step-up assumes parallel halves,
  and applied to r < 0 it runs past -1 (2r / (1 + r) = -2 at r = -1/2).
"""

from __future__ import annotations

import warnings
from functools import lru_cache

import numpy as np
from scipy import optimize, stats

from xlmaudit.metrics.stats import CONFIDENCE

ALPHA = 0.05
POWER = 0.8
N_SPLITS = 200
N_RESAMPLES = 2000
NAN = float("nan")


@lru_cache(maxsize=4096)
def rejection_bound(n: int, alpha: float = ALPHA) -> int:
    """The largest ``c`` with ``binomtest(c, n, 0.5).pvalue <= alpha`` (-1: none rejects).

    The two-sided p-value grows with ``k`` up to ``n / 2``, so ``c`` is found by bisection.
    """
    lo, hi = -1, n // 2  # invariant: lo rejects (or is -1), anything above hi does not
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if stats.binomtest(mid, n, 0.5).pvalue <= alpha:
            lo = mid
        else:
            hi = mid - 1
    return lo


def binomial_power(n: int, share: float, *, alpha: float = ALPHA) -> float:
    """Power of the exact two-sided binomial test of 1/2 with ``n`` trials at true ``share``."""
    if n < 1:
        return NAN
    c = rejection_bound(int(n), alpha)
    if c < 0:
        return 0.0
    return float(stats.binom.cdf(c, n, share) + stats.binom.sf(n - c - 1, n, share))


@lru_cache(maxsize=4096)
def binomial_mde(n: int, *, alpha: float = ALPHA, power: float = POWER) -> float:
    """Smallest |share - 1/2| (a fraction) detectable with ``power`` at ``n``; NaN when even a
    share of 1 is not (n too small for the test to reject)."""
    if n < 1 or binomial_power(n, 1.0, alpha=alpha) < power:
        return NAN
    root = optimize.brentq(lambda p: binomial_power(n, p, alpha=alpha) - power, 0.5, 1.0,
                           xtol=1e-10)  # fmt: skip
    return float(root - 0.5)


def mean_mde(sd: float, n: int, *, alpha: float = ALPHA, power: float = POWER) -> float:
    """Smallest |mean - reference| detectable with ``power`` by the one-sample t-test."""
    if n < 2 or not np.isfinite(sd) or sd <= 0:
        return NAN
    return _t_effect(int(n), alpha, power) * float(sd)


@lru_cache(maxsize=4096)
def _t_effect(n: int, alpha: float, power: float) -> float:
    """The standardised effect (Cohen's d) detectable at ``n`` (depends on ``n`` only)."""
    from statsmodels.stats.power import TTestPower  # imported when a power is first asked

    d = TTestPower().solve_power(effect_size=None, nobs=n, alpha=alpha, power=power,
                                 alternative="two-sided")  # fmt: skip
    return float(d)


def mean_power(delta: float, sd: float, n: int, *, alpha: float = ALPHA) -> float:
    """Power of the one-sample t-test to detect a deviation ``delta`` with per-item ``sd``."""
    if n < 2 or not np.isfinite(sd) or sd <= 0 or not np.isfinite(delta):
        return NAN
    from statsmodels.stats.power import TTestPower

    return float(TTestPower().power(effect_size=abs(delta) / sd, nobs=n, alpha=alpha,
                                    alternative="two-sided"))  # fmt: skip


def _bootstrap_se(data: tuple[np.ndarray, ...], seed: int, n_resamples: int) -> float:
    res = stats.bootstrap(
        data, lambda s, c, axis: s.sum(axis=axis) / c.sum(axis=axis), paired=True,
        vectorized=True, n_resamples=n_resamples, confidence_level=CONFIDENCE,
        method="percentile", rng=np.random.default_rng(seed),
    )  # fmt: skip
    return float(res.standard_error)


def design_effect(
    values: np.ndarray, clusters: np.ndarray, *, seed: int = 0, n_resamples: int = N_RESAMPLES
) -> float:
    """var(cluster-bootstrap mean) / var(item-bootstrap mean); NaN with under 2 clusters or
    no spread. Each draw's statistic is the pooled mean sum(values) / count."""
    x = np.asarray(values, dtype=float)
    labels = np.unique(np.asarray(clusters), return_inverse=True)[1].ravel()
    if len(x) < 2 or labels.max(initial=0) < 1 or np.all(x == x[0]):
        return NAN
    sums = np.bincount(labels, weights=x)
    counts = np.bincount(labels).astype(float)
    between = _bootstrap_se((sums, counts), seed, n_resamples)
    within = _bootstrap_se((x, np.ones_like(x)), seed, n_resamples)
    return between**2 / within**2 if within > 0 else NAN


def split_half(
    values: np.ndarray,
    categories: np.ndarray,
    units: np.ndarray | None = None,
    *,
    seed: int = 0,
    n_splits: int = N_SPLITS,
    confidence: float = CONFIDENCE,
) -> tuple[float, float, float]:
    """Spearman-Brown split-half reliability of the category profile: (median, low, high).

    ``units``: what is halved (clusters: a unit's items go to one half); default the items.
    Units nested in categories (an item, a StereoSet target) are halved within each category;
    units that cross categories (a template used with every filler) are halved once for all
    categories, so a unit's own level moves both halves' profiles alike. Categories that a half
    leaves empty are left out; fewer than 3 left: NaN. Below 0: the halves disagree (a negative
    r is not stepped up, so every value lies in [-1, 1]).
    """
    x = np.asarray(values, dtype=float)
    ok = np.isfinite(x)
    cat = np.unique(np.asarray(categories)[ok], return_inverse=True)[1].ravel()
    unit = np.arange(len(x))[ok] if units is None else np.asarray(units)[ok]
    unit = np.unique(unit, return_inverse=True)[1].ravel()
    if not len(unit) or unit.max() < 1:
        return NAN, NAN, NAN
    shape = (unit.max() + 1, cat.max() + 1)  # (units, categories)
    cell = unit * shape[1] + cat
    sums = np.bincount(cell, weights=x[ok], minlength=shape[0] * shape[1]).reshape(shape)
    counts = np.bincount(cell, minlength=shape[0] * shape[1]).reshape(shape).astype(float)
    first = _halves(unit, cat, np.random.default_rng(seed), n_splits).astype(float)
    in_sums, in_counts = first @ sums, first @ counts  # (splits, categories)
    with np.errstate(invalid="ignore", divide="ignore"):
        a = in_sums / in_counts
        b = (sums.sum(0) - in_sums) / (counts.sum(0) - in_counts)
    keep = np.isfinite(a).all(axis=0) & np.isfinite(b).all(axis=0)
    if keep.sum() < 3:
        return NAN, NAN, NAN
    with warnings.catch_warnings():  # a constant half profile: NaN, left out
        warnings.simplefilter("ignore", stats.ConstantInputWarning)
        r = stats.pearsonr(a[:, keep], b[:, keep], axis=1).statistic
    with np.errstate(invalid="ignore", divide="ignore"):
        sb = np.where(r >= 0, 2 * r / (1 + r), r)
    sb = sb[np.isfinite(sb)]
    if not len(sb):
        return NAN, NAN, NAN
    tail = (1 - confidence) / 2
    low, mid, high = np.quantile(sb, [tail, 0.5, 1 - tail])
    return float(mid), float(low), float(high)


def _halves(unit: np.ndarray, cat: np.ndarray, rng: np.random.Generator, n: int) -> np.ndarray:
    """(splits, units) True for the units in half A: half of each category's units when units
    are nested in categories, else half of all units."""
    n_units = unit.max() + 1
    pairs = np.unique(np.column_stack([unit, cat]), axis=0)
    nested = len(pairs) == n_units  # every unit in one category
    strata = pairs[np.argsort(pairs[:, 0]), 1] if nested else np.zeros(n_units, dtype=int)
    first = np.zeros((n, n_units), dtype=bool)
    for s in np.unique(strata):
        members = np.flatnonzero(strata == s)
        m = len(members)
        if m < 2:
            continue
        chosen = rng.random((n, m)).argpartition(m // 2 - 1, axis=1)[:, : m // 2]
        np.put_along_axis(first, members[chosen], True, axis=1)
    return first
