"""Build every figure a run directory supports and save them as PNG under ``DIR/figures/``."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure
from scipy import stats

from xlmaudit.report import frames, plots
from xlmaudit.report.agreement_plots import agreement_figures
from xlmaudit.report.cross_language_plots import (
    cross_language_plot,
    language_pairs,
    pairs_plot,
    shares_alt,
    shares_plot,
)
from xlmaudit.report.findings import findings, findings_forest
from xlmaudit.report.kind_figures import Made, kind_figures
from xlmaudit.report.languages import across_frames, base_id, toward
from xlmaudit.report.methods import metric_info
from xlmaudit.report.provenance import planted_truth
from xlmaudit.report.run import RunData
from xlmaudit.report.summary_figure import summary_figures
from xlmaudit.runinfo import RunInfo

FINDINGS_FIGURE = "findings_forest"
ACROSS_PREFIX = "across_languages"
CROSS_PREFIX = "cross_language"


@dataclass(frozen=True)
class SavedFigure:
    """A figure written to disk, with the suite and probe it belongs to and its caption."""

    suite: str
    probe: str
    name: str
    path: Path
    caption: str
    alt: str = ""  # the image's alt text where it says more than the caption


def slug(*parts: str) -> str:
    """A file-name-safe name from ``parts``."""
    text = "_".join(p for p in parts if p).lower()
    return "".join(ch if ch.isalnum() else "_" for ch in text).strip("_")


def save_figure(fig: Figure, out: Path, name: str) -> Path:
    """Write ``fig`` as ``out/name.png`` (110 dpi), close it, return the path."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{name}.png"
    fig.savefig(path, dpi=110)
    if fig.canvas.manager is not None:  # a pyplot figure (e.g. from attribution_plot): free it
        import matplotlib.pyplot as plt

        plt.close(fig)
    return path


def benchmark_figures(
    summary: pd.DataFrame, suite: str, meta: RunInfo | None = None
) -> Iterator[Made]:
    """One per-category figure per benchmark metric of ``suite`` (estimators as series)."""
    for metric in frames.BENCHMARK_METRICS:
        frame = frames.benchmark_frame(summary, suite=suite, metric=metric)
        if frame.empty or metric in ("icat",):
            continue
        probes = summary.loc[(summary["suite"] == suite) & (summary["metric"] == metric), "probe"]
        record = RunInfo.of(meta).probe(suite, str(probes.iloc[0])) if len(probes) else None
        info = metric_info(metric, record if record and record.kind else None)
        fig = plots.benchmark_plot(frame, title=f"{suite}: {metric} by category",
                                   xlabel=info.label, reference=info.reference)  # fmt: skip
        caption = f"{suite}: {info.label} per category and estimator, with 95% intervals."
        yield slug(suite, metric, "categories"), fig, caption


def shares_text(shares: dict[str, float]) -> str:
    """Variance shares in words (``template 0.12, filler 0.80, residual 0.08``), or ``n/a``."""
    return ", ".join(f"{k} {v:.2f}" for k, v in shares.items()) or "n/a"


def template_figures(
    part: pd.DataFrame, suite: str, probe: str, meta: RunInfo | None = None
) -> Iterator[Made]:
    """Forest plot of the main score and the template-sensitivity plot of a template probe."""
    record = frames.record_of(part, meta)
    metric = frames.main_metric(part, meta)
    info = metric_info(metric or "", record)
    forest = frames.forest_frame(part, meta)
    if len(forest):
        fig = plots.forest_plot(forest, title=f"{suite}/{probe}: {metric} by group",
                                xlabel=info.label, reference=info.reference)  # fmt: skip
        caption = (f"{suite}/{probe}: {info.label}; overall, then per category and per filler, "
                   "with 95% bootstrap intervals.")  # fmt: skip
        yield slug(suite, probe, "forest"), fig, caption
    templ = frames.template_frame(part, meta)
    if len(templ) >= 2:
        shares = frames.sensitivity_shares(part)
        share = f" (template share {shares['template']:.2f})" if shares else ""
        fig = plots.template_sensitivity_plot(
            templ, title=f"Template sensitivity: {suite}/{probe}{share}",
            xlabel=f"{info.label}, per template")  # fmt: skip
        caption = (
            f"{suite}/{probe}: the estimate from each template alone (95% interval over "
            "fillers) against all templates pooled (red line); a template far from the "
            f"line would drive a finding on its own. Variance shares: {shares_text(shares)}."
        )
        yield slug(suite, probe, "templates"), fig, caption


def spearman(frame: pd.DataFrame, x: str) -> tuple[float, int]:
    """Spearman rho between ``value`` and ``x`` over rows with both (NaN below 3 rows)."""
    both = frame[[x, "value"]].dropna()
    if len(both) < 3:
        return float("nan"), len(both)
    return float(stats.spearmanr(both[x], both["value"]).statistic), len(both)


def reference_figures(
    part, raw, suite: str, probe: str, truth: dict | None, meta: RunInfo | None = None
) -> Iterator[Made]:
    """Per-filler score against the correlated lexicon attribute, and against planted truth."""
    record = frames.record_of(part, meta)
    seen = set()
    for row, score, attr in frames.correlations(part):
        if score in seen or not row["metric"].startswith("spearman_"):
            continue
        seen.add(score)
        frame = frames.reference_frame(part, raw, score=score, attr=attr, truth=truth)
        ci = f"[{row['ci_low']:.2f}, {row['ci_high']:.2f}]"
        refs = [
            (
                "reference",
                f"{attr} (lexicon attribute)",
                f"rho = {row['value']:.2f}, 95% CI {ci}",
                "reference",
            )
        ]
        if frame["truth"].notna().sum() >= 3:
            rho, n = spearman(frame, "truth")
            refs.append(("truth", "planted share of feminine pronouns (0-1)",
                         f"rho = {rho:.2f}, n = {n}", "planted"))  # fmt: skip
        for col, xlabel, rho_text, tag in refs:
            name = attr if tag == "reference" else "planted share"
            fig = plots.reference_plot(
                frame,
                x=col,
                xlabel=xlabel,
                ylabel=f"model: {metric_info(score, record).label}",
                title=f"{suite}/{probe}: {score} vs {name} (Spearman {rho_text})",
            )
            caption = (f"{suite}/{probe}: per-filler {score} (95% interval over templates) "
                       f"against {xlabel}; Spearman {rho_text}.")  # fmt: skip
            yield slug(suite, probe, score, "vs", tag), fig, caption


def probe_figures(run: RunData, suite: str, probe: str, truth: dict | None) -> Iterator[Made]:
    """Figures of one non-benchmark probe."""
    part = frames.probe_rows(run.summary, suite, probe)
    if frames.is_benchmark(part, run.meta) or frames.is_attribution(part, run.meta):
        return  # drawn per suite: benchmark_figures, kind_figures
    yield from template_figures(part, suite, probe, run.meta)
    raw = run.raw.get(suite)
    if raw is not None:
        yield from reference_figures(part, raw, suite, probe, truth, run.meta)


def across_language_figures(table: pd.DataFrame, meta: RunInfo) -> Iterator[Made]:
    """One forest plot per probe measured in several languages (matching rule:
    :mod:`xlmaudit.report.languages`): a row per language, interval whiskers, no-bias line."""
    for part in across_frames(table, meta):
        first = part.iloc[0]
        base = base_id(first["probe"], first["lang"])
        group = "" if first["group"] in frames.OVERALL_GROUPS else f", {first['group']}"
        side = toward(first["contrast"])
        ref = first["reference"]
        where = (
            f"; right of the dashed no-bias line ({ref:g}): toward {side}"
            if side and pd.notna(ref)
            else ""
        )
        xlabel = f"{first['metric_label']}{where}"
        langs = ", ".join(dict.fromkeys(part["lang"]))
        fig = plots.languages_plot(
            part,
            title=f"{base}: {first['metric']}{group}, by language",
            xlabel=xlabel,
            reference=None if pd.isna(ref) else float(ref),
        )
        caption = (
            f"{base}: {first['metric_label']}{group} in {langs}, one row per language "
            "(suite/probe in brackets), with 95% intervals; the dashed line is no bias."
        )
        yield slug(ACROSS_PREFIX, base, first["metric"], str(first["group"])), fig, caption


def cross_language_figures(frame: pd.DataFrame | None) -> Iterator[Made]:
    """Per estimator of ``cross_language.csv``: its paired differences per bias type."""
    if frame is None or frame.empty or "estimator" not in frame.columns:
        return
    needed = {"bias_type", "ci_low", "ci_high", "p_value"}
    if not needed <= set(frame.columns):
        return
    several = len(language_pairs(frame)) > 1
    for est in dict.fromkeys(frame["estimator"].astype(str)):
        if several:
            caption = (f"{est}: on the pairs present in both languages of each language pair, "
                       "the share preferring the more-stereotyping sentence in a minus b "
                       "(percentage points, Newcombe 95% interval; Holm p across the language "
                       "pairs; dashed line: no difference).")  # fmt: skip
            yield slug(CROSS_PREFIX, "pairs", est), pairs_plot(frame, est), caption
            continue
        fig = cross_language_plot(frame, estimator=est)
        caption = (
            f"{est}: on the pairs present in both languages, the share preferring the "
            "more-stereotyping sentence in language a minus language b, per bias type "
            "(percentage points, Newcombe 95% interval; dashed line: no difference)."
        )
        yield slug(CROSS_PREFIX, est), fig, caption
    if "n_common" in frame.columns and frame["n_common"].notna().any():
        yield slug(CROSS_PREFIX, "shares"), shares_plot(frame), shares_alt(frame)


@dataclass(frozen=True)
class DrawnFigure:
    """A figure drawn (not saved), with the suite and probe it belongs to and its caption."""

    suite: str
    probe: str
    name: str
    figure: Figure
    caption: str
    alt: str = ""


def draw_figures(run: RunData) -> Iterator[DrawnFigure]:
    """Draw every figure ``run`` supports, in report order."""
    truth = planted_truth() if run.meta.planted_truth else None
    table = findings(run)
    for made in summary_figures(run, table):  # first: they follow the summary at the top
        yield DrawnFigure("", "", made.name, made.figure, made.caption, made.alt)
    forest = findings_forest(table)
    if forest is not None:
        caption = ("All headline numbers with 95% intervals, one panel per metric; the dashed line "
                   "is no bias.")  # fmt: skip
        yield DrawnFigure("", "", FINDINGS_FIGURE, forest, caption)
    made = [
        *across_language_figures(table, run.meta),
        *cross_language_figures(run.cross_language),
        *agreement_figures(run.agreement),
    ]
    for name, fig, caption in made:
        yield DrawnFigure("", "", name, fig, caption)
    for suite in run.suites:
        for probe in frames.probes_of(run.summary, suite):
            for name, fig, caption in probe_figures(run, suite, probe, truth):
                yield DrawnFigure(suite, probe, name, fig, caption)
        made = list(benchmark_figures(run.summary, suite, run.meta))
        made += list(kind_figures(run, suite))  # registered per kind (report/kind_figures.py)
        for name, fig, caption in made:
            yield DrawnFigure(suite, "", name, fig, caption)


def build_figures(run: RunData, *, out_dir: Path | None = None) -> list[SavedFigure]:
    """Draw and save every figure ``run`` supports; return them in report order."""
    out = out_dir or run.path / "figures"
    return [
        SavedFigure(d.suite, d.probe, d.name, save_figure(d.figure, out, d.name), d.caption, d.alt)
        for d in draw_figures(run)
    ]
