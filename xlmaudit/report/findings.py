"""The findings summary that opens a report: one headline per probe and per benchmark category.

Each headline is the probe's declared main metric (from the kind ``meta.json`` records) with its
95% interval, the direction in words (the kind's ``above``/``below`` sentences, groups named), the
p-value after Holm's correction across every headline test of the run, and one decision rule
(``finding``): a row is a finding only when its Holm p is below 0.05, its n is at least the
kind's declared minimum and its interval at the multiplicity-adjusted level 1 - 0.05/m
(Bonferroni over the m headline tests) excludes the no-bias value. The adjusted interval
(``ci_low_adjusted``, ``ci_high_adjusted`` at ``confidence_adjusted``) is exact
(Clopper-Pearson) for a share whose kind declares its count column (``MetricDoc.count``) and
whose 95% interval is that exact interval; any other interval (bootstrap, whose draws are not
kept) is widened from the 95% one by the ratio of normal quantiles
(:func:`xlmaudit.metrics.stats.widened_interval`, an approximation). One forest plot shows
them all, one panel per metric.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

import pandas as pd
from matplotlib.figure import Figure

from xlmaudit.competence import competence_warnings
from xlmaudit.metrics.crows import holm
from xlmaudit.metrics.stats import CONFIDENCE, bonferroni_level, exact_interval, widened_interval
from xlmaudit.probes import FormatFields, MetricDoc
from xlmaudit.report import frames, numbers, plots
from xlmaudit.report.run import RunData
from xlmaudit.runinfo import RunInfo

FINDING_COLUMNS = ("suite", "probe", "lang", "group", "level", "metric", "contrast", "value",
                   "ci_low", "ci_high", "n", "min_n", "n_ties", "p_value", "p_one_sided",
                   "p_holm", "reference", "excludes", "direction", "label", "unit",
                   "warning", "confidence_adjusted", "ci_low_adjusted", "ci_high_adjusted",
                   "direction_adjusted", "finding")  # fmt: skip
ADJUSTED = FINDING_COLUMNS[FINDING_COLUMNS.index("confidence_adjusted") :]
FINDING_ALPHA = 0.05


def _finite(x: Any) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(float(x))


def direction_words(
    doc: MetricDoc | None, value: float, low: float, high: float,
    fields: Mapping[str, Any] | None = None, *, reference: float | None = None,
) -> str:  # fmt: skip
    """``the model prefers female (she) over male (he) by 0.45 nats [0.08, 0.80]``: the kind's
    sentence for a value above or below the no-bias value (``reference``: the row's own, e.g.
    CrowS-Pairs' tie-adjusted value; else the kind's declared one); "" when the metric has none.
    Numbers follow :func:`xlmaudit.report.numbers.estimate` (one precision for a value and its
    interval; below the reference the interval of the distance is flipped exactly).
    ``fields``: the summary row's text columns a sentence may name (SEAT's set names)."""
    ref = doc.reference if reference is None and doc is not None else reference
    if doc is None or ref is None or not doc.above or not _finite(value):
        return ""
    measured, interval = numbers.estimate_parts(value, low, high, doc.unit)
    if value == ref:
        return f"the model shows no preference ({' '.join(filter(None, (measured, interval)))})"
    above = value > ref
    size, ci = numbers.distance(value, low, high, ref, doc.unit)
    fields = {} if fields is None else fields
    named = {str(k): v for k, v in fields.items() if isinstance(v, str) and v}
    text = (doc.above if above else doc.below).format_map(FormatFields(
        named, size=size, ci=ci, value=measured, interval=interval
    ))  # fmt: skip
    if re.search(r"\{\w+\}", text):
        return ""  # the row lacks a column the sentence names (a run older than the kind)
    crosses = _finite(low) and _finite(high) and low <= ref <= high
    note = "; the interval includes no preference" if crosses else ""
    return "the model " + " ".join(text.split()) + note


def _named(meta: RunInfo, suite: str, probe: str, contrast: tuple[str, ...]) -> tuple:
    """The contrast groups with their recorded terms: ``female (she, her)``."""
    entry = meta.suites.get(suite)
    recorded = entry.probes.get(probe) if entry is not None else None
    groups = recorded.groups if recorded is not None else {}
    return tuple(f"{g} ({', '.join(groups[g])})" if groups.get(g) else g for g in contrast)


def headline_doc(meta: RunInfo, suite: str, probe: str, metric: str) -> MetricDoc | None:
    """The doc the findings use for ``metric`` of ``suite``/``probe``: the recorded kind's,
    its contrast groups named with their terms; None when the kind is not recorded."""
    record = meta.probe(suite, probe)
    if record.kind is None:
        return None
    return record.kind.doc(metric, _named(meta, suite, probe, record.contrast))


def row_reference(r: pd.Series, doc: MetricDoc | None) -> float | None:
    """The no-bias value of one summary row: its own ``no_bias`` column where the kind gives one
    (CrowS-Pairs shares with ties in the denominator: (100 - % ties) / 2), else the kind's
    declared reference."""
    own = r.get("no_bias")
    if _finite(own):
        return float(own)
    return doc.reference if doc is not None else None


def _two_sided(r: pd.Series) -> tuple[Any, Any]:
    """(p for the findings, the one-sided p shown beside it): a kind whose p-value is one-sided
    (SEAT, as sent-bias) also gives ``p_two_sided``, which the findings test with."""
    two = r.get("p_two_sided")
    if _finite(two):
        return float(two), r.get("p_value")
    return r.get("p_value", float("nan")), float("nan")


Headline = tuple[dict[str, Any], MetricDoc | None, pd.Series]


def _probe_headlines(run: RunData, suite: str, probe: str) -> list[Headline]:
    """The probe's headline rows (``FINDING_COLUMNS`` up to ``warning``), each with its metric's
    doc and summary row (for the adjusted interval)."""
    part = frames.probe_rows(run.summary, suite, probe)
    record = run.meta.probe(suite, probe)
    if frames.is_attribution(part, run.meta):
        return []
    metric = frames.main_metric(part, run.meta)
    levels = frames.level_of(part)
    benchmark = frames.is_benchmark(part, run.meta)
    keep = (part["metric"] == metric) & (
        levels.isin(["overall", "category"] if benchmark else ["overall"])
        | (levels.eq("") & part["group"].isin(frames.OVERALL_GROUPS))
    )
    keep |= frames.is_group_difference(part, metric)
    named = _named(run.meta, suite, probe, record.contrast)
    lang = str(part["lang"].iloc[0]) if "lang" in part.columns and len(part) else "en"
    minimum = int(getattr(record.kind, "min_n", 0) or 0) if record.kind else 0
    out = []
    for _, r in part[keep].iterrows():
        name = str(r["metric"])
        doc = record.kind.doc(name, named) if record.kind else None
        label = record.doc(name) if record.kind else None
        ref = row_reference(r, doc)
        enough = _finite(r["n"]) and float(r["n"]) >= minimum
        excludes = (ref is not None and enough and _finite(r["ci_low"]) and _finite(r["ci_high"])
                    and not r["ci_low"] <= ref <= r["ci_high"])  # fmt: skip
        group = str(r["group"])
        level = "overall" if group in frames.OVERALL_GROUPS else "category"
        p_value, p_one = _two_sided(r)
        out.append(({
            "suite": suite, "probe": probe, "lang": lang, "group": group,
            "level": "contrast" if name != metric else level,
            "metric": name, "contrast": record.contrast_words(name),
            "value": r["value"], "ci_low": r["ci_low"], "ci_high": r["ci_high"], "n": r["n"],
            "min_n": minimum, "n_ties": r.get("n_ties", float("nan")),
            "p_value": p_value, "p_one_sided": p_one, "reference": ref, "excludes": excludes,
            "direction": direction_words(doc, r["value"], r["ci_low"], r["ci_high"], r,
                                         reference=ref),
            "label": label.label if label else name, "unit": doc.unit if doc else "",
            "warning": r["warning"] if isinstance(r.get("warning"), str) else "",
        }, doc, r))  # fmt: skip
    return out


def adjusted_interval(
    row: Mapping[str, Any], doc: MetricDoc | None, summary: Mapping[str, Any], confidence: float
) -> tuple[float, float]:
    """The headline ``row``'s interval at ``confidence``: the exact (Clopper-Pearson) interval of
    the kind's declared count (``doc.count`` in the ``summary`` row) of n where the row's 95%
    interval is that exact interval; else its 95% interval widened by the ratio of normal
    quantiles (:func:`xlmaudit.metrics.stats.widened_interval`: bootstrap draws are not kept)."""
    value, low, high, n = row["value"], row["ci_low"], row["ci_high"], row["n"]
    k = summary.get(doc.count) if doc is not None and doc.count else None
    if _finite(k) and _finite(n) and n > 0 and _finite(low) and _finite(high):
        scale = 1.0 if doc.unit == "fraction" else 100.0
        exact = exact_interval(int(k), int(n), scale=scale)
        if math.isclose(exact[0], low, abs_tol=1e-9 * scale) and math.isclose(
            exact[1], high, abs_tol=1e-9 * scale
        ):
            return exact_interval(int(k), int(n), scale=scale, confidence=confidence)
    if not (_finite(value) and _finite(low) and _finite(high)):
        return float("nan"), float("nan")
    return widened_interval(float(value), float(low), float(high), confidence, level=CONFIDENCE)


def _decide(row: Mapping[str, Any], low: float, high: float) -> bool:
    """The one decision rule: Holm p < 0.05, n at least the declared minimum, the adjusted
    interval wholly on one side of the no-bias value."""
    ref = row["reference"]
    return bool(
        _finite(row["p_holm"]) and row["p_holm"] < FINDING_ALPHA
        and _finite(row["n"]) and float(row["n"]) >= float(row["min_n"] or 0)
        and ref is not None and _finite(ref) and _finite(low) and _finite(high)
        and not low <= ref <= high
    )  # fmt: skip


def _adjusted(row: Mapping[str, Any], doc: MetricDoc | None, summary: pd.Series,
              confidence: float) -> dict[str, Any]:  # fmt: skip
    low, high = adjusted_interval(row, doc, summary, confidence)
    words = direction_words(doc, row["value"], low, high, summary, reference=row["reference"])
    return {"confidence_adjusted": confidence, "ci_low_adjusted": low, "ci_high_adjusted": high,
            "direction_adjusted": words, "finding": _decide(row, low, high)}  # fmt: skip


def findings(run: RunData) -> pd.DataFrame:
    """Headline rows (``FINDING_COLUMNS``) of every probe and benchmark category of ``run``, with
    ``p_holm``: Holm-adjusted across all headline p-values of the run (NaN where none); the
    interval at the Bonferroni level 1 - 0.05/m over those m tests (``*_adjusted``, direction
    words with it) and ``finding``, the one decision rule (module docstring). ``excludes`` (the
    95% interval excludes no bias, n at least the minimum) is unadjusted, not a finding."""
    heads = [h for suite in run.suites for probe in frames.probes_of(run.summary, suite)
             for h in _probe_headlines(run, suite, probe)]  # fmt: skip
    base = [c for c in FINDING_COLUMNS if c != "p_holm" and c not in ADJUSTED]
    frame = pd.DataFrame([h[0] for h in heads], columns=base)
    frame["warning"] = _with_competence(frame, run.competence)
    frame.insert(frame.columns.get_loc("reference"), "p_holm", holm(frame["p_value"].tolist()))
    level = bonferroni_level(int(frame["p_value"].notna().sum()), alpha=FINDING_ALPHA)
    extra = [
        _adjusted(row, doc, summary, level)
        for row, (_, doc, summary) in zip(frame.to_dict("records"), heads, strict=True)
    ]
    adjusted = pd.DataFrame(extra, columns=list(ADJUSTED), index=frame.index)
    return pd.concat([frame, adjusted.astype({"finding": bool})], axis=1)


def _with_competence(frame: pd.DataFrame, table: pd.DataFrame | None) -> pd.Series:
    """Each row's warning, with competence.csv's for a language below the competence floor
    (:func:`xlmaudit.competence.competence_warnings`) added."""
    below = competence_warnings(table)
    return pd.Series([
        "; ".join(filter(None, (str(w or ""), below.get((str(s), str(p)), ""))))
        for w, s, p in zip(frame["warning"], frame["suite"], frame["probe"], strict=True)
    ], index=frame.index, dtype=object)  # fmt: skip


def findings_forest(frame: pd.DataFrame) -> Figure | None:
    """One forest plot of every headline: a panel per metric (its own units), no-bias dashed."""
    parts = [(m, p) for m, p in frame.groupby("metric", sort=False) if p["value"].notna().any()]
    if not parts:
        return None
    heights = [max(len(p), 2) for _, p in parts]
    fig = Figure(figsize=(8.0, 0.26 * sum(heights) + 1.1 * len(parts)), layout="constrained")
    axes = fig.subplots(len(parts), 1, squeeze=False, height_ratios=heights)[:, 0]
    several = "lang" in frame.columns and frame["lang"].nunique() > 1
    for ax, (metric, part) in zip(axes, parts, strict=True):
        names = [
            f"{p} [{lang}]" if several else str(p)
            for p, lang in zip(part["probe"], part.get("lang", part["probe"]), strict=True)
        ]
        rows = part.assign(
            label=[
                f"{p}: {g}" if g not in frames.OVERALL_GROUPS else p
                for p, g in zip(names, part["group"], strict=True)
            ]
        )
        ref = part["reference"].iloc[0]
        plots.forest_plot(rows[["label", "value", "ci_low", "ci_high"]], ax=ax,
                          title=f"{metric} ({part['contrast'].iloc[0] or 'no direction'})",
                          xlabel=str(part["label"].iloc[0]),
                          reference=None if pd.isna(ref) else float(ref))  # fmt: skip
    return fig
