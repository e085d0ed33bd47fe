"""SEAT / WEAT (Caliskan et al. 2017; May et al. 2019) as sent-bias `sentbias/weat.py` computes it.

Notation: X, Y target sets (equal size n in SEAT files), A, B attribute sets; ``cos`` is the
matrix of cosine similarities between the targets (rows, X then Y) and the attributes
(columns, A then B).

- ``s(w, A, B) = mean_a cos(w, a) - mean_b cos(w, b)``;
- effect size ``d = (mean_X s - mean_Y s) / std_{X u Y} s`` with the sample std (ddof=1);
- one-sided permutation p (``p_value``; small when d > 0): the share of splits (Xi, Yi) of
  X u Y into sets of the sizes of X and Y with ``sum_{Xi} s >= sum_X s`` (ties count as
  exceeding). Exact enumeration when C(|X| + |Y|, |X|) <= n_samples (the observed split
  included); otherwise n_samples - 1 random splits
  plus the observed one,
  counted once as exceeding (the reference's "hallucinated" positive), so p >= 1 / n_samples.
  Ties are detected up to floating-point rounding (relative 1e-12), so the verdict does not
  depend on the order in which a split's values are summed (the reference compares exactly).
- two-sided permutation p (``p_two_sided``, ours): from the same splits, the share with
  ``|sum_Xi s - sum_Yi s| >= |sum_X s - sum_Y s|``, so a reversed association (d < 0) reads
  significant too; ``p_two_sided_holm`` is Holm across the tests, as ``p_holm``.
- unequal target sets (ours; sent-bias refuses them, WEATHub has them): the same splits into
  sets of sizes |X| and |Y|; the one-sided statistic is still ``sum_Xi s`` (the difference of
  means is increasing in it), the two-sided one ``|mean_Xi s - mean_Yi s|``. With |X| = |Y|
  both are the equal-size test above, unchanged.
- parametric p (the reference's ``--parametric``): n_samples random splits, normal fit (ddof=1)
  to ``sum_Xi s - sum_Yi s``, ``p = norm.sf(observed)``.

Ours, not the reference's: the bootstrap interval for d (X, Y, A, B resampled independently).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from math import comb

import numpy as np
import pandas as pd
from scipy import stats

from xlmaudit.metrics.crows import holm
from xlmaudit.metrics.stats import CONFIDENCE, N_RESAMPLES

N_SAMPLES = 100_000
_CHUNK = 2_000_000  # max index cells (splits x n) per vectorised step
_TIE_RTOL = 1e-12


@dataclass(frozen=True)
class WeatResult:
    """Effect size and permutation p of one test (``p_value``: one-sided, d > 0)."""

    effect_size: float
    p_value: float
    exact: bool  # True: all C(2n, n) splits enumerated
    n_partitions: int  # C(2n, n)
    n_splits: int  # splits counted in p (observed one included)
    p_two_sided: float = float("nan")  # |sum_Xi s - sum_Yi s| >= observed, same splits


def cosines(targets: np.ndarray, attributes: np.ndarray) -> np.ndarray:
    """Cosine similarity of every target row with every attribute row, float64."""
    t = np.asarray(targets, dtype=np.float64)
    a = np.asarray(attributes, dtype=np.float64)
    t = t / np.linalg.norm(t, axis=1, keepdims=True)
    a = a / np.linalg.norm(a, axis=1, keepdims=True)
    return t @ a.T


def association(cos: np.ndarray, n_a: int) -> np.ndarray:
    """``s(w, A, B)`` per target row of ``cos`` (columns: the n_a attributes of A, then B)."""
    return cos[:, :n_a].mean(axis=1) - cos[:, n_a:].mean(axis=1)


def effect_size(s_x: np.ndarray, s_y: np.ndarray) -> float:
    """``(mean s_x - mean s_y) / std(s_x u s_y, ddof=1)``."""
    both = np.concatenate([s_x, s_y])
    return float((np.mean(s_x) - np.mean(s_y)) / np.std(both, ddof=1))


def _split_sums(s: np.ndarray, idx: np.ndarray) -> np.ndarray:
    return s[np.sort(idx, axis=1)].sum(axis=1)


def _random_subsets(rng: np.random.Generator, size: int, k: int, n: int) -> np.ndarray:
    """``k`` uniformly random n-subsets of range(size), as index rows."""
    return np.argpartition(rng.random((k, size)), n - 1, axis=1)[:, :n]


def permutation_p(
    s_x: np.ndarray, s_y: np.ndarray, *, n_samples: int = N_SAMPLES, seed: int = 0
) -> tuple[float, bool, int]:
    """One-sided permutation p of ``sum s_x`` over equal splits: (p, exact, splits counted)."""
    one, _, exact, counted = permutation_p_values(s_x, s_y, n_samples=n_samples, seed=seed)
    return one, exact, counted


def permutation_p_values(
    s_x: np.ndarray, s_y: np.ndarray, *, n_samples: int = N_SAMPLES, seed: int = 0
) -> tuple[float, float, bool, int]:
    """(one-sided p, two-sided p, exact, splits counted) from the same splits.

    One-sided (sent-bias): share of splits with ``sum_Xi s >= sum_X s``. Two-sided: share of
    splits whose statistic ``sum_Xi s - sum_Yi s`` is at least as far from 0 as the observed one
    (``|.| >= |observed|``), so a strong association in the reversed direction (d < 0) is small
    too. Same exact-or-sampled rule and tie tolerance for both; sampled: the observed split is
    counted once as exceeding in both.
    """
    s = np.concatenate([s_x, s_y]).astype(np.float64)
    n, n_y = len(s_x), len(s_y)
    if n == 0 or n_y == 0:
        raise ValueError(f"target sets must be non-empty, got sizes {n} and {n_y}")
    observed = _split_sums(s, np.arange(n)[None, :])[0]
    total_sum = float(s.sum())
    tol = _TIE_RTOL * max(1.0, float(np.abs(s).sum()))
    far = abs(_difference(observed, total_sum, n, n_y))
    far_tol = 2 * tol if n == n_y else 2 * tol / min(n, n_y)  # the statistic's own scale

    def count(sums: np.ndarray) -> tuple[int, int]:
        two = np.abs(_difference(sums, total_sum, n, n_y)) >= far - far_tol
        return int(np.sum(sums >= observed - tol)), int(np.sum(two))

    total = comb(n + n_y, n)
    step = max(1, _CHUNK // n)
    if total <= n_samples:
        flat = itertools.chain.from_iterable(itertools.combinations(range(n + n_y), n))
        idx = np.fromiter(flat, dtype=np.int64, count=total * n).reshape(total, n)
        hits = [count(_split_sums(s, idx[i : i + step])) for i in range(0, total, step)]
        one, two = (sum(h[k] for h in hits) for k in (0, 1))
        return one / total, two / total, True, total
    rng = np.random.default_rng(seed)
    one, two, left = 1, 1, n_samples - 1  # the observed split, counted as exceeding
    while left > 0:
        k = min(step, left)
        h1, h2 = count(_split_sums(s, _random_subsets(rng, n + n_y, k, n)))
        one, two, left = one + h1, two + h2, left - k
    return one / n_samples, two / n_samples, False, n_samples


def parametric_p(
    s_x: np.ndarray, s_y: np.ndarray, *, n_samples: int = N_SAMPLES, seed: int = 0
) -> float:
    """The reference's parametric p: normal fit to n_samples random split statistics."""
    s = np.concatenate([s_x, s_y]).astype(np.float64)
    n, n_y, total = len(s_x), len(s_y), float(np.sum(s))
    rng = np.random.default_rng(seed)
    draws = []
    for start in range(0, n_samples, max(1, _CHUNK // n)):
        k = min(max(1, _CHUNK // n), n_samples - start)
        sx = _split_sums(s, _random_subsets(rng, n + n_y, k, n))
        draws.append(_difference(sx, total, n, n_y))
    samples = np.concatenate(draws)
    observed = float(_difference(np.sum(s_x), total, n, n_y))
    return float(stats.norm.sf(observed, loc=samples.mean(), scale=samples.std(ddof=1)))


def _difference(sum_x, total: float, n_x: int, n_y: int):  # noqa: ANN001, ANN202
    """A split's statistic: ``sum_Xi - sum_Yi`` (equal sizes), ``mean_Xi - mean_Yi`` otherwise."""
    if n_x == n_y:
        return sum_x - (total - sum_x)
    return sum_x / n_x - (total - sum_x) / n_y


def weat(
    cos: np.ndarray, n_x: int, n_a: int, *, n_samples: int = N_SAMPLES, seed: int = 0
) -> WeatResult:
    """d and permutation p from the (X u Y) x (A u B) cosine matrix."""
    s = association(cos, n_a)
    d = effect_size(s[:n_x], s[n_x:])
    p, p_two, exact, counted = permutation_p_values(
        s[:n_x], s[n_x:], n_samples=n_samples, seed=seed
    )
    return WeatResult(d, p, exact, comb(len(s), n_x), counted, p_two)


def bootstrap_d(
    cos: np.ndarray,
    n_x: int,
    n_a: int,
    *,
    confidence: float = CONFIDENCE,
    n_resamples: int = N_RESAMPLES,
    seed: int = 0,
) -> tuple[float, float]:
    """Percentile interval of d, resampling X, Y, A and B independently (ours, not sent-bias)."""
    n_t, n_all = cos.shape
    data = (np.arange(n_x), np.arange(n_x, n_t), np.arange(n_a), np.arange(n_a, n_all))
    if min(len(v) for v in data) < 2:
        return float("nan"), float("nan")  # a set of one cannot be resampled

    def stat(xi, yi, ai, bi, axis=-1):
        one = np.ndim(xi) == 1
        xi, yi, ai, bi = (np.atleast_2d(v).astype(np.int64) for v in (xi, yi, ai, bi))
        r = np.arange(len(xi))[:, None]
        w = np.zeros((len(xi), n_all))  # attribute weights: +1/|A| on A draws, -1/|B| on B
        np.add.at(w, (r, ai), 1.0 / ai.shape[1])
        np.add.at(w, (r, bi), -1.0 / bi.shape[1])
        s = np.take_along_axis(w @ cos.T, np.concatenate([xi, yi], axis=1), 1)
        d = (s[:, :n_x].mean(1) - s[:, n_x:].mean(1)) / s.std(axis=1, ddof=1)
        return d[0] if one else d

    res = stats.bootstrap(
        data,
        stat,
        vectorized=True,
        paired=False,
        batch=500,
        confidence_level=confidence,
        n_resamples=n_resamples,
        method="percentile",
        rng=np.random.default_rng(seed),
    )
    ci = res.confidence_interval
    return float(ci.low), float(ci.high)


def summarize_tests(
    tests: Sequence[tuple[str, str, np.ndarray, int, int]],
    *,
    n_samples: int = N_SAMPLES,
    parametric: bool = False,
    seed: int = 0,
    domains: dict[str, Sequence[str]] | None = None,
) -> pd.DataFrame:
    """Summary rows: per test ``effect_size`` (d, one-sided p and p_holm, two-sided
    p_two_sided and p_two_sided_holm, bootstrap CI), per domain
    ``mean_abs_effect_size`` (bias-bench's aggregate), over tests given as
    ``(test, domain, cos, n_x, n_a)``. Holm runs across the tests given."""
    rows = []
    for i, (test, domain, cos, n_x, n_a) in enumerate(tests):
        res = weat(cos, n_x, n_a, n_samples=n_samples, seed=seed + i)
        lo, hi = bootstrap_d(cos, n_x, n_a, seed=seed + i)
        row = {"group": test, "metric": "effect_size", "value": res.effect_size}
        row.update(ci_low=lo, ci_high=hi, n=cos.shape[0], p_value=res.p_value)
        row["p_two_sided"] = res.p_two_sided
        parts = float(res.n_partitions) if res.exact else float("nan")  # huge when sampled
        row.update(domain=domain, exact=res.exact, n_partitions=parts)
        row.update(n_splits=res.n_splits, n_attributes=cos.shape[1])
        if parametric:
            s = association(cos, n_a)
            row["p_parametric"] = parametric_p(s[:n_x], s[n_x:], n_samples=n_samples, seed=seed)
        rows.append(row)
    for row, p in zip(rows, holm([r["p_value"] for r in rows]), strict=True):
        row["p_holm"] = float(p)
    for row, p in zip(rows, holm([r["p_two_sided"] for r in rows]), strict=True):
        row["p_two_sided_holm"] = float(p)
    by_domain: dict[str, list[float]] = {}
    for row in rows:
        if row["domain"]:
            by_domain.setdefault(row["domain"], []).append(abs(row["value"]))
    if len(by_domain) > 1:
        by_domain["overall"] = [abs(r["value"]) for r in rows if r["domain"]]
    for name, values in by_domain.items():
        est = _mean_abs(values)
        rows.append({"group": name, "metric": "mean_abs_effect_size", **est, "domain": name})
    return pd.DataFrame(rows)


def item_effect_sizes(raw: pd.DataFrame) -> pd.DataFrame:
    """|d| per test (item) from a seat raw frame's ``association`` column: item_id, value, group
    (the bias-bench domain, or "all"). Used by ``xlmaudit compare`` (mean |d| = the aggregate)."""
    rows = []
    for item_id, part in raw.groupby("item_id", sort=False):
        s_x = part.loc[part["set"] == "targ1", "association"].to_numpy(float)
        s_y = part.loc[part["set"] == "targ2", "association"].to_numpy(float)
        group = part["domain"].iloc[0] if "domain" in part and part["domain"].iloc[0] else "all"
        rows.append({"item_id": item_id, "value": abs(effect_size(s_x, s_y)), "group": group})
    return pd.DataFrame(rows, columns=["item_id", "value", "group"])


def _mean_abs(values: list[float]) -> dict:
    """Average |d| (bias-bench); no interval (the tests are not a sample of tests)."""
    return {"value": float(np.mean(values)), "ci_low": float("nan"), "ci_high": float("nan"),
            "n": len(values), "p_value": float("nan")}  # fmt: skip
