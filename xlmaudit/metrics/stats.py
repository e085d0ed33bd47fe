"""Intervals, tests and variance shares for template probes (numpy + scipy, no torch).

Template scores form a matrix ``y[t, f]`` (templates x fillers). A finding must hold across both
dimensions, so the main interval resamples both: the crossed ("pigeonhole") bootstrap of
Owen (2007, Ann. Appl. Stat. 1(2)) draws templates and fillers independently with replacement
and recomputes the statistic on the selected sub-matrix. ``scipy.stats.bootstrap`` resamples one
axis only, so this resampler is written here with numpy's ``Generator``; everything scipy has
(one-axis bootstrap, correlation tests, permutation tests) comes from scipy.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy import stats

CONFIDENCE = 0.95
N_RESAMPLES = 2000
_CHUNK = 4_000_000  # max cells (resamples x templates x fillers) per vectorised step

MIN_N_SHARE = 30
"""Fewest items for a share tested against no preference (a CrowS-Pairs bias type, a WinoBias
occupation) to be called a finding (``ProbeKind.min_n``). 30 is the smallest n at which the
exact two-sided sign test at alpha 0.05 has 80% power against a 75/25 preference (rejection
region k <= 9 or k >= 21 of 30, power 0.803; at every n < 30 it is below 0.8, e.g. 0.713 at
29): below it a strong preference is more likely missed than found, and what is found is
inflated. At n = 30 a 50% share still has the 95% Clopper-Pearson interval [31.3, 68.7]. (An
extreme split first reaches p < 0.05 at n = 6; the summary's ``warning`` flags n < 100.)"""


@dataclass(frozen=True)
class Estimate:
    """A value with its interval, sample size and (where a test applies) p-value."""

    value: float
    ci_low: float
    ci_high: float
    n: int
    p_value: float = float("nan")


def _percentile(draws: np.ndarray, confidence: float) -> tuple[float, float]:
    draws = draws[np.isfinite(draws)]
    if not len(draws):
        return float("nan"), float("nan")
    alpha = (1 - confidence) / 2
    lo, hi = np.quantile(draws, [alpha, 1 - alpha])
    return float(lo), float(hi)


def crossed_bootstrap(
    matrix: np.ndarray,
    *,
    columns: np.ndarray | None = None,
    n_resamples: int = N_RESAMPLES,
    confidence: float = CONFIDENCE,
    seed: int = 0,
) -> Estimate:
    """Mean of ``matrix`` (templates x fillers, NaN = missing) with a crossed bootstrap interval.

    Rows (templates) and columns (fillers) are resampled independently with replacement; each
    draw's statistic is the mean of the selected cells (``nanmean``). ``columns`` optionally gives
    a stratum label per column: columns are then resampled within their stratum and the statistic
    is mean(stratum 1) - mean(stratum 0) (labels must be 0/1). Percentile interval.
    """
    y = np.asarray(matrix, dtype=float)
    if y.ndim != 2 or not np.isfinite(y).any():
        return Estimate(float("nan"), float("nan"), float("nan"), 0)
    n_t, n_f = y.shape
    rng = np.random.default_rng(seed)
    if columns is None:
        value = float(np.nanmean(y))
        col_groups = [np.arange(n_f)]
    else:
        labels = np.asarray(columns)
        col_groups = [np.flatnonzero(labels == g) for g in (0, 1)]
        value = _strata_stat(y, col_groups)
    draws = np.empty(n_resamples)
    step = max(1, _CHUNK // max(1, n_t * n_f))
    for start in range(0, n_resamples, step):
        b = min(step, n_resamples - start)
        rows = rng.integers(0, n_t, size=(b, n_t))
        cols = [g[rng.integers(0, len(g), size=(b, len(g)))] for g in col_groups]
        subs = [y[rows[:, :, None], c[:, None, :]] for c in cols]  # (b, n_t, n_g)
        means = [np.nanmean(s.reshape(b, -1), axis=1) for s in subs]
        draws[start : start + b] = means[0] if columns is None else means[1] - means[0]
    lo, hi = _percentile(draws, confidence)
    return Estimate(value, lo, hi, int(np.isfinite(y).sum()), bootstrap_p_value(draws))


def bootstrap_p_value(draws: np.ndarray) -> float:
    """Two-sided p-value for "statistic = 0" from bootstrap draws (percentile-interval inversion).

    p = min(1, 2 (k + 1) / (B + 1)) with k the number of the B finite draws on the far side of 0
    (the smaller of #{draw <= 0} and #{draw >= 0}). It agrees with the percentile interval:
    0 lies outside the (1 - a) interval about when p < a, so a p-value and its interval cannot
    tell different stories. The +1 terms keep p above zero (at least 2 / (B + 1)).
    """
    d = np.asarray(draws, dtype=float)
    d = d[np.isfinite(d)]
    if not len(d):
        return float("nan")
    k = min(int(np.sum(d <= 0)), int(np.sum(d >= 0)))
    return float(min(1.0, 2 * (k + 1) / (len(d) + 1)))


def exact_interval(
    k: int,
    n: int,
    *,
    scale: float = 100.0,
    confidence: float = CONFIDENCE,
    method: str = "exact",
) -> tuple[float, float]:
    """Clopper-Pearson (exact) interval of the share ``k / n``, times ``scale`` (100: percent).

    ``scipy.stats.binomtest(k, n).proportion_ci(method=method)`` (``"wilson"`` gives Wilson's
    score interval): never of zero width for 0 < n (3 of 3 pairs: [29.2, 100] %), so a handful
    of pairs cannot look certain, as a percentile bootstrap of 3 equal outcomes does
    ([100, 100]). NaN when ``n`` is 0.
    """
    if n <= 0:
        return float("nan"), float("nan")
    test = stats.binomtest(int(k), int(n))
    ci = test.proportion_ci(confidence_level=confidence, method=method)
    return scale * float(ci.low), scale * float(ci.high)


def bonferroni_level(m: int, *, alpha: float = 1 - CONFIDENCE) -> float:
    """The confidence level ``1 - alpha / m`` at which ``m`` intervals hold together (Bonferroni):
    each excludes its null with the same family-wise error as Holm's test over the ``m``
    p-values (``1 - alpha`` when ``m`` is 0 or 1)."""
    return 1.0 - alpha / max(int(m), 1)


def widened_interval(
    value: float, low: float, high: float, confidence: float, *, level: float = CONFIDENCE
) -> tuple[float, float]:
    """A ``level`` interval of ``value`` widened (or narrowed) to ``confidence``, from the
    interval alone: each side's distance from ``value`` times z(confidence) / z(level), z the
    two-sided normal quantile (``scipy.stats.norm``).

    Exact for an estimate with a normal sampling distribution (a Wald interval); for a
    percentile bootstrap interval whose draws are not kept it is an approximation that keeps
    the interval's asymmetry but assumes normal-shaped tails beyond it. The draws could not do
    better: 2000 of them cannot resolve a 1 - 0.05/116 interval (its tails are 0.02%, 0.4 of a
    draw). ``value`` outside the interval (possible for a percentile interval): the interval's
    midpoint is the centre. NaN in, NaN out.
    """
    if not all(np.isfinite([value, low, high])):
        return float("nan"), float("nan")
    ratio = stats.norm.ppf(0.5 + confidence / 2) / stats.norm.ppf(0.5 + level / 2)
    centre = value if low <= value <= high else (low + high) / 2
    return float(centre - (centre - low) * ratio), float(centre + (high - centre) * ratio)


def sign_test_power(n: int, share: float, *, alpha: float = 0.05) -> float:
    """Power of the exact two-sided binomial test of 1/2 (``scipy.stats.binomtest``) at level
    ``alpha`` with ``n`` trials when the true share is ``share``."""
    ks = np.arange(n + 1)
    reject = np.array([stats.binomtest(int(k), n, 0.5).pvalue <= alpha for k in ks])
    return float(stats.binom.pmf(ks[reject], n, share).sum())


def paired_difference_interval(
    both: int, a_only: int, b_only: int, neither: int, *, confidence: float = CONFIDENCE
) -> tuple[float, float]:
    """Newcombe's hybrid score interval for the difference of two paired shares p_a - p_b.

    Newcombe (1998, Stat. Med. 17:2635-2650), method 10 ("square-and-add" of Wilson intervals):
    with N pairs, p_a = (both + a_only) / N, p_b = (both + b_only) / N, Wilson intervals
    (l_a, u_a), (l_b, u_b) of each (``scipy.stats.binomtest(...).proportion_ci("wilson")``) and
    phi the correlation of the paired 2x2 table, corrected as Newcombe does (numerator
    AD - BC - N/2 when AD - BC > N/2, 0 when 0 <= AD - BC <= N/2, AD - BC when negative; 0
    when a margin is empty)::

        L = d - sqrt((p_a - l_a)^2 - 2 phi (p_a - l_a)(u_b - p_b) + (u_b - p_b)^2)
        U = d + sqrt((p_b - l_b)^2 - 2 phi (p_b - l_b)(u_a - p_a) + (u_a - p_a)^2)

    A score interval: 3 pairs all deciding B only give d = -1 with [-1, -0.206], not the
    percentile bootstrap's [-1, -1]. NaN for no pairs.
    """
    n = both + a_only + b_only + neither
    if n <= 0:
        return float("nan"), float("nan")
    k_a, k_b = both + a_only, both + b_only
    p_a, p_b = k_a / n, k_b / n
    l_a, u_a = exact_interval(k_a, n, scale=1.0, confidence=confidence, method="wilson")
    l_b, u_b = exact_interval(k_b, n, scale=1.0, confidence=confidence, method="wilson")
    phi = _newcombe_phi(both, a_only, b_only, neither)
    d = p_a - p_b
    low = d - np.sqrt(max(0.0, (p_a - l_a) ** 2 - 2 * phi * (p_a - l_a) * (u_b - p_b)
                          + (u_b - p_b) ** 2))  # fmt: skip
    high = d + np.sqrt(max(0.0, (p_b - l_b) ** 2 - 2 * phi * (p_b - l_b) * (u_a - p_a)
                           + (u_a - p_a) ** 2))  # fmt: skip
    return max(-1.0, float(low)), min(1.0, float(high))


def _newcombe_phi(a: int, b: int, c: int, d: int) -> float:
    """The continuity-corrected phi of a paired 2x2 table (Newcombe 1998, method 10)."""
    margins = float(a + b) * float(c + d) * float(a + c) * float(b + d)
    if margins == 0:
        return 0.0
    cross = float(a) * d - float(b) * c
    half = (a + b + c + d) / 2
    numerator = cross - half if cross > half else (0.0 if cross >= 0 else cross)
    return numerator / np.sqrt(margins)


def _strata_stat(y: np.ndarray, groups: list[np.ndarray]) -> float:
    return float(np.nanmean(y[:, groups[1]]) - np.nanmean(y[:, groups[0]]))


def bootstrap_mean(
    values: np.ndarray, *, confidence: float = CONFIDENCE, seed: int = 0
) -> Estimate:
    """Mean with a percentile bootstrap interval from ``scipy.stats.bootstrap`` (one axis)."""
    x = np.asarray(values, dtype=float)
    x = x[np.isfinite(x)]
    if len(x) == 0:
        return Estimate(float("nan"), float("nan"), float("nan"), 0)
    if len(x) == 1 or np.all(x == x[0]):
        return Estimate(float(x[0]) if len(x) == 1 else float(x.mean()), *_degenerate(x), len(x))
    with warnings.catch_warnings():  # a degenerate resample gives NaN, reported as such
        warnings.simplefilter("ignore", stats.DegenerateDataWarning)
        res = stats.bootstrap(
            (x,),
            np.mean,
            confidence_level=confidence,
            n_resamples=N_RESAMPLES,
            method="percentile",
            rng=np.random.default_rng(seed),
        )
    ci = res.confidence_interval
    return Estimate(float(x.mean()), float(ci.low), float(ci.high), len(x))


def cluster_mean(
    values: np.ndarray,
    clusters: np.ndarray,
    *,
    reference: float | None = None,
    confidence: float = CONFIDENCE,
    seed: int = 0,
    n_resamples: int = N_RESAMPLES,
) -> Estimate:
    """Mean of ``values`` with a cluster bootstrap interval (whole clusters resampled).

    Use it when items share a source of variation (a template, a StereoSet target, a WinoBias
    occupation; :attr:`xlmaudit.probes.ProbeKind.cluster_key`): what moves one item of a
    cluster moves the others, and an interval that treats them as independent is too narrow.
    Each draw resamples the clusters with replacement and recomputes the pooled mean
    sum(values) / sum(n) from the per-cluster sums and counts (``scipy.stats.bootstrap``,
    paired over clusters, vectorised, percentile), so the point value is the item mean. With
    ``reference``, ``p_value`` is :func:`bootstrap_p_value` of the same draws minus
    ``reference`` (the p-value and the interval agree). ``n`` is the number of items; NaN
    values are left out. Fewer than 2 clusters: NaN interval; every cluster mean equal: a
    zero-width interval (every draw is that mean).
    """
    v = np.asarray(values, dtype=float)
    ok = np.isfinite(v)
    v = v[ok]
    labels = np.unique(np.asarray(clusters)[ok], return_inverse=True)[1].ravel()
    sums, counts = np.bincount(labels, weights=v), np.bincount(labels).astype(float)
    value = float(v.mean()) if len(v) else float("nan")
    nan = float("nan")
    if len(sums) < 2:
        return Estimate(value, nan, nan, len(v))
    if np.allclose(sums / counts, sums[0] / counts[0], rtol=0, atol=1e-12):
        p = nan if reference is None else bootstrap_p_value(np.full(n_resamples, value - reference))
        return Estimate(value, value, value, len(v), p)
    res = stats.bootstrap(
        (sums, counts), _pooled_mean, paired=True, vectorized=True, confidence_level=confidence,
        n_resamples=n_resamples, method="percentile", rng=np.random.default_rng(seed),
    )  # fmt: skip
    ci = res.confidence_interval
    p = nan if reference is None else bootstrap_p_value(res.bootstrap_distribution - reference)
    return Estimate(value, float(ci.low), float(ci.high), len(v), p)


def _pooled_mean(sums: np.ndarray, counts: np.ndarray, axis: int = -1) -> np.ndarray:
    return sums.sum(axis=axis) / counts.sum(axis=axis)


def cluster_share(
    hits: np.ndarray,
    clusters: np.ndarray,
    *,
    reference: float | None = None,
    confidence: float = CONFIDENCE,
    seed: int = 0,
) -> Estimate:
    """Share of 0/1 ``hits`` (NaN left out) whose items share clusters: the cluster bootstrap
    interval of :func:`cluster_mean`, widened where needed to hold the exact (Clopper-Pearson)
    interval of the same k of n, so clustering never makes a share look more certain than
    independent items would (0 hits in every cluster: the percentile draws are all 0, the exact
    interval is not). With ``reference``, ``p_value`` is the larger of the exact binomial
    test's and the bootstrap's (:func:`bootstrap_p_value` of the same draws): ``reference`` lies
    outside the interval about when both intervals exclude it, i.e. when both p are small.
    Fractions (0-1); ``n`` = items.
    """
    h = np.asarray(hits, dtype=float)
    ok = np.isfinite(h)
    est = cluster_mean(h[ok], np.asarray(clusters)[ok], reference=reference, confidence=confidence,
                       seed=seed)  # fmt: skip
    k, n = int(h[ok].sum()), int(ok.sum())
    lo, hi = exact_interval(k, n, scale=1.0, confidence=confidence)
    p = est.p_value
    if reference is not None and n:
        p = max(p, float(stats.binomtest(k, n, reference).pvalue))
    return Estimate(est.value, float(np.fmin(lo, est.ci_low)), float(np.fmax(hi, est.ci_high)),
                    n, p)  # fmt: skip


def cluster_proportion(
    hits: np.ndarray, clusters: np.ndarray, *, confidence: float = CONFIDENCE, seed: int = 0
) -> Estimate:
    """Share of ``hits`` with a cluster bootstrap interval: :func:`cluster_mean` of 0/1 values.

    E.g. pairs that share their group term and attribute: the learned lean of that term moves
    all of them together, and an interval that treats them as independent (binomial) is too
    narrow.
    """
    return cluster_mean(hits, clusters, confidence=confidence, seed=seed)


def paired_bootstrap(
    data: tuple[np.ndarray, ...],
    statistic: Callable[..., float],
    *,
    confidence: float = CONFIDENCE,
    seed: int = 0,
    vectorized: bool = False,
    n_resamples: int = N_RESAMPLES,
) -> tuple[float, float]:
    """Percentile interval of ``statistic(*data)``, resampling the rows of all arrays together."""
    res = stats.bootstrap(
        data,
        statistic,
        paired=True,
        vectorized=vectorized,
        confidence_level=confidence,
        n_resamples=n_resamples,
        method="percentile",
        rng=np.random.default_rng(seed),
    )
    ci = res.confidence_interval
    return float(ci.low), float(ci.high)


def _degenerate(x: np.ndarray) -> tuple[float, float]:
    if len(x) == 1:
        return float("nan"), float("nan")
    return float(x[0]), float(x[0])


def variance_shares(matrix: np.ndarray) -> dict[str, float]:
    """Two-way (template x filler) sum-of-squares decomposition of a complete matrix.

    SS_template = F * sum_t (mean_t - mean)^2, SS_filler = T * sum_f (mean_f - mean)^2,
    SS_residual = SS_total - both (interaction + noise, one observation per cell). Returns each
    as a share of SS_total: how much of the spread of item scores is due to the template chosen.
    Columns (fillers) with a missing cell are dropped first.
    """
    y = np.asarray(matrix, dtype=float)
    y = y[:, np.isfinite(y).all(axis=0)]
    nan = {"template": float("nan"), "filler": float("nan"), "residual": float("nan")}
    if y.size == 0 or y.shape[0] < 2 or y.shape[1] < 2:
        return nan
    grand = y.mean()
    ss_total = float(((y - grand) ** 2).sum())
    if ss_total == 0:
        return nan
    ss_t = float(y.shape[1] * ((y.mean(axis=1) - grand) ** 2).sum())
    ss_f = float(y.shape[0] * ((y.mean(axis=0) - grand) ** 2).sum())
    return {
        "template": ss_t / ss_total,
        "filler": ss_f / ss_total,
        "residual": max(0.0, ss_total - ss_t - ss_f) / ss_total,
    }


def correlation(
    x: np.ndarray,
    y: np.ndarray,
    *,
    method: str = "spearman",
    confidence: float = CONFIDENCE,
    seed: int = 0,
) -> Estimate:
    """Spearman or Pearson correlation with interval and p-value (scipy).

    Pearson: ``scipy.stats.pearsonr`` with its Fisher-z interval. Spearman: ``spearmanr``'s
    p-value and a paired percentile bootstrap interval (``scipy.stats.bootstrap``, paired=True).
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    ok = np.isfinite(x) & np.isfinite(y)
    x, y = x[ok], y[ok]
    if len(x) < 3 or np.all(x == x[0]) or np.all(y == y[0]):
        return Estimate(float("nan"), float("nan"), float("nan"), len(x))
    if method == "pearson":
        res = stats.pearsonr(x, y)
        ci = res.confidence_interval(confidence_level=confidence)
        p = float(res.pvalue)
        return Estimate(float(res.statistic), float(ci.low), float(ci.high), len(x), p)
    if method != "spearman":
        raise ValueError(f"unknown correlation method {method!r}")
    res = stats.spearmanr(x, y)

    def rho(a: np.ndarray, b: np.ndarray) -> float:
        return stats.spearmanr(a, b).statistic

    with warnings.catch_warnings():  # constant resamples give NaN draws; the CI is then NaN
        warnings.simplefilter("ignore", stats.ConstantInputWarning)
        warnings.simplefilter("ignore", stats.DegenerateDataWarning)
        boot = _spearman_boot(x, y, rho, confidence, seed)
    ci = boot.confidence_interval
    return Estimate(float(res.statistic), float(ci.low), float(ci.high), len(x), float(res.pvalue))


def _spearman_boot(x, y, rho, confidence: float, seed: int):
    return stats.bootstrap(
        (x, y),
        rho,
        paired=True,
        vectorized=False,
        confidence_level=confidence,
        n_resamples=1000,
        method="percentile",
        rng=np.random.default_rng(seed),
    )


Statistic = Callable[[np.ndarray], float]
