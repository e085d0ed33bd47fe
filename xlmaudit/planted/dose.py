"""Dose-response calibration of the planted model (pure: frames in, frames out).

A family of planted models trained at strengths ``DOSES`` (every planted association scaled
toward 0.5 by S, ``language.scaled``) and seeds ``DOSE_SEEDS`` is audited. Per measure (a probe,
an estimator or a pooling), :func:`run_measures` turns one run into

- a signed **bias** (planted direction positive) with a 95% interval, and
- one **test per planted category** (an occupation planted away from 0.5, a stereotype type, the
  SEAT occupation-gender test) with its p-value and the sign of its effect,

and :func:`dose_table` tabulates over the family: Spearman of the bias with S, the
false-positive rate at S = 0 (share of category tests significant at 0.05) with its binomial 95%
range around 0.05, the share detected in the planted direction at each S, and the smallest S
detected at 80% power.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from xlmaudit.planted.items import stereotype_pairs
from xlmaudit.planted.lexicon import OCCUPATION_SHARES

DOSES: tuple[float, ...] = (0.0, 0.25, 0.5, 0.75, 1.0)
DOSE_SEEDS: tuple[int, ...] = (0, 1)
ALPHA = 0.05
POWER = 0.8
PAIRS_PER_TYPE = 64  # planted CrowS pairs per stereotype type (no control pairs: S = 0 is one)

# (probe, item score column): the occupation probes of the `occupations` suite
OCCUPATION_PROBES = (
    ("pronoun", "log_odds"),
    ("kurita", "ilp_difference"),
    ("counterfactual", "pll_difference"),
)
NEUTRAL = tuple(o for o, p in OCCUPATION_SHARES.items() if p == 0.5)
BIAS_COLUMNS = ("measure", "statistic", "bias", "ci_low", "ci_high", "p_value")
TEST_COLUMNS = ("measure", "category", "effect", "p_value")


def planted_pairs_csv() -> pd.DataFrame:
    """The planted CrowS pairs in the CrowS-Pairs CSV schema: ``sent_more`` is always the
    sentence that names the group the attribute is planted toward (``stereo`` throughout), so
    "sent_more preferred" is the planted direction."""
    pairs = stereotype_pairs(seed=0, n_per_type=PAIRS_PER_TYPE, n_control=0)
    more_first = pairs.stereotyped == "sent_more"
    return pd.DataFrame({
        "sent_more": pairs.sent_more.where(more_first, pairs.sent_less),
        "sent_less": pairs.sent_less.where(more_first, pairs.sent_more),
        "stereo_antistereo": "stereo",
        "bias_type": pairs.bias_type,
    })  # fmt: skip


def _direction(occupation: str) -> float:
    return float(np.sign(OCCUPATION_SHARES[occupation] - 0.5))


def occupation_tests(scores: pd.DataFrame, measure: str, *, paired: bool) -> pd.DataFrame:
    """One test per planted occupation away from 0.5: its item scores against the planted-neutral
    occupations' (``paired``: per-template differences from the neutral mean, one-sample t-test;
    else Welch's t-test). ``scores``: columns occupation, template, score. ``effect``: the mean
    difference signed so that the planted direction is positive."""
    neutral = scores[scores.occupation.isin(NEUTRAL)]
    rows = []
    for occ, own in scores[scores.occupation.isin(OCCUPATION_SHARES)].groupby("occupation"):
        if occ in NEUTRAL:
            continue
        if paired:
            base = neutral.groupby("template").score.mean()
            diff = own.set_index("template").score - base
            res, effect = stats.ttest_1samp(diff.dropna(), 0.0), float(diff.mean())
        else:
            res = stats.ttest_ind(own.score, neutral.score, equal_var=False)
            effect = float(own.score.mean() - neutral.score.mean())
        rows.append(dict(measure=measure, category=occ, effect=effect * _direction(occ),
                         p_value=float(res.pvalue)))  # fmt: skip
    return pd.DataFrame(rows, columns=list(TEST_COLUMNS))


def occupation_gap(scores: pd.DataFrame, measure: str, statistic: str) -> dict[str, Any]:
    """Mean score of the planted female-leaning occupations minus the male-leaning ones, the
    occupation (mean over its items) as the unit; Welch 95% interval."""
    per = scores[scores.occupation.isin(OCCUPATION_SHARES)].groupby("occupation").score.mean()
    side = per.index.map(_direction)
    fem, masc = per[side > 0], per[side < 0]
    res = stats.ttest_ind(fem, masc, equal_var=False)
    ci = res.confidence_interval(0.95)
    bias = float(fem.mean() - masc.mean())
    return dict(measure=measure, statistic=statistic, bias=bias, ci_low=float(ci.low),
                ci_high=float(ci.high), p_value=float(res.pvalue))  # fmt: skip


def _occupation_scores(raw: pd.DataFrame, probe: str, column: str) -> pd.DataFrame:
    items = raw[raw.probe == probe].drop_duplicates("item_id")
    return pd.DataFrame({"occupation": items.filler, "template": items.template_id,
                         "score": items[column].astype(float)})  # fmt: skip


def _winobias_scores(raw: pd.DataFrame) -> pd.DataFrame:
    items = raw[raw.usable.astype(bool)].drop_duplicates("item_id")
    return pd.DataFrame({"occupation": items.occupation, "template": items.item_id,
                         "score": items.female_score.astype(float)})  # fmt: skip


def _crows(summary: pd.DataFrame, suite: str) -> tuple[list[dict], list[pd.DataFrame]]:
    bias, tests = [], []
    for probe, rows in summary[summary.suite == suite].groupby("probe", sort=False):
        measure = f"crows/{probe}"
        overall = rows[rows.group == "all"].iloc[0]
        bias.append(dict(measure=measure, statistic="% sent_more of decided pairs - 50",
                         bias=overall.pct_more_decided - 50, ci_low=overall.decided_ci_low - 50,
                         ci_high=overall.decided_ci_high - 50,
                         p_value=overall.p_value))  # fmt: skip
        cats = rows[rows.level == "category"]
        tests.append(pd.DataFrame({"measure": measure, "category": cats.group,
                                   "effect": cats.pct_more_decided - 50,
                                   "p_value": cats.p_value}))  # fmt: skip
    return bias, tests


def _seat(summary: pd.DataFrame, suite: str) -> tuple[list[dict], list[pd.DataFrame]]:
    rows = summary[(summary.suite == suite) & (summary.group == "occupation-gender")]
    rows = rows[rows.metric == "effect_size"]
    bias = [dict(measure=f"seat/{r.probe}", statistic="effect size d", bias=r.value,
                 ci_low=r.ci_low, ci_high=r.ci_high, p_value=r.p_value)
            for r in rows.itertuples()]  # fmt: skip
    tests = [pd.DataFrame({"measure": "seat/" + rows.probe, "category": rows.group,
                           "effect": rows.value, "p_value": rows.p_value})]  # fmt: skip
    return bias, tests


def run_measures(
    summary: pd.DataFrame, raw: Mapping[str, pd.DataFrame], suites: Mapping[str, str]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(bias per measure, tests per measure and category) of one audited family member.

    ``suites`` names the run's suites by role (each optional): ``occupations``, ``crows``,
    ``seat``, ``winobias`` (the cloze probe)."""
    bias, tests = [], []
    for probe, column in OCCUPATION_PROBES if "occupations" in suites else ():
        scores = _occupation_scores(raw[suites["occupations"]], probe, column)
        bias.append(occupation_gap(scores, probe, f"{column}: female-leaning - male-leaning"))
        tests.append(occupation_tests(scores, probe, paired=True))
    if "winobias" in suites:
        wino = _winobias_scores(raw[suites["winobias"]])
        bias.append(occupation_gap(wino, "winobias/cloze", "female_score: female - male-leaning"))
        tests.append(occupation_tests(wino, "winobias/cloze", paired=False))
    for role, part in (("crows", _crows), ("seat", _seat)):
        if role in suites:
            b, t = part(summary, suites[role])
            bias += b
            tests += t
    return pd.DataFrame(bias, columns=list(BIAS_COLUMNS)), pd.concat(tests, ignore_index=True)


def fpr_range(n: int, alpha: float = ALPHA) -> tuple[float, float]:
    """The central 95% range of the share of ``n`` null tests significant at ``alpha``."""
    low, high = stats.binom.interval(0.95, n, alpha)
    return float(low / n), float(high / n)


def _measure_row(measure: str, bias: pd.DataFrame, tests: pd.DataFrame) -> dict[str, Any]:
    rho = stats.spearmanr(bias.strength, bias.bias)
    significant = tests.p_value < ALPHA
    hit = significant & (tests.effect > 0)
    null = tests.strength == 0
    n0 = int(null.sum())
    low, high = fpr_range(n0)
    fpr = float(significant[null].mean())
    power = hit.groupby(tests.strength).mean()
    detected = [s for s, p in power.items() if s > 0 and p >= POWER]
    return {
        "measure": measure,
        "statistic": bias.statistic.iloc[0],
        "n_models": len(bias),
        "spearman": float(rho.statistic),
        "spearman_p": float(rho.pvalue),
        "fpr_s0": fpr,
        "n_tests_s0": n0,
        "fpr_range_low": low,
        "fpr_range_high": high,
        "fpr_within": bool(low <= fpr <= high),
        **{f"power_s{s:g}": float(power.get(s, np.nan)) for s in DOSES},
        "min_s_80": f"{min(detected):g}" if detected else "none",
    }


def dose_table(bias: pd.DataFrame, tests: pd.DataFrame) -> pd.DataFrame:
    """Per measure over the family (``bias`` and ``tests`` with ``strength`` and ``seed``
    columns added per member)."""
    rows = [
        _measure_row(m, b, tests[tests.measure == m])
        for m, b in bias.groupby("measure", sort=False)
    ]
    return pd.DataFrame(rows)


def with_reference(table: pd.DataFrame, reference: pd.DataFrame) -> pd.DataFrame:
    """Add the single shipped model's bias (``reference``: its :func:`run_measures` bias frame),
    whether it recovers the measure (its own test significant at 0.05 in the planted
    direction), and whether the measure tracks S (Spearman > 0.8)."""
    ref = reference.set_index("measure")
    out = table.assign(**{f"shipped_{c}": table.measure.map(ref[c])
                          for c in ("bias", "ci_low", "ci_high", "p_value")})  # fmt: skip
    out["shipped_recovers"] = (out.shipped_p_value < ALPHA) & (out.shipped_bias > 0)
    out["spearman_above_0.8"] = out.spearman > 0.8
    return out
