"""Build every figure a run directory supports and save them as PNG under ``DIR/figures/``."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from xlmaudit.report import frames, plots
from xlmaudit.report.load import RunData
from xlmaudit.report.methods import metric_info
from xlmaudit.report.provenance import model_kind, planted_truth

BENCHMARK_SUITES: tuple[str, ...] = ("crows-pairs", "stereoset")


@dataclass(frozen=True)
class SavedFigure:
    """A figure written to disk, with what the report says about it."""

    suite: str
    name: str
    path: Path
    caption: str


def _save(fig: Figure, out: Path, name: str) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{name}.png"
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def _slug(*parts: str) -> str:
    text = "_".join(parts).lower()
    return "".join(ch if ch.isalnum() else "_" for ch in text).strip("_")


def _summary_figures(run: RunData, suite: str) -> list[tuple[str, Figure, str]]:
    metric = frames.headline_metric(run.summary, suite)
    if metric is None:
        return []
    info = metric_info(metric)
    if suite in BENCHMARK_SUITES:
        frame = frames.benchmark_frame(run.summary, suite=suite, metric=metric)
        fig = plots.benchmark_plot(
            frame,
            title=f"{suite}: {metric} per bias category",
            xlabel=info.label,
            reference=info.reference,
        )
        caption = f"{suite}: {info.label} per category and estimator, with 95% intervals."
        return [(_slug(suite, "categories"), fig, caption)]
    frame = frames.forest_frame(run.summary, suite=suite, metric=metric)
    fig = plots.forest_plot(
        frame, title=f"{suite}: {metric} per group", xlabel=info.label, reference=info.reference
    )
    caption = f"{suite}: {info.label} per probe and group, with 95% intervals."
    return [(_slug(suite, "forest"), fig, caption)]


def _template_figures(raw: pd.DataFrame, suite: str) -> list[tuple[str, Figure, str]]:
    score = frames.item_score_column(raw)
    if score is None or "template_id" not in raw.columns:
        return []
    out = []
    probes = list(dict.fromkeys(raw["probe"])) if "probe" in raw.columns else [None]
    for probe in probes:
        frame = frames.template_frame(raw, score=score, probe=probe)
        if len(frame) < 2:
            continue
        label = f"{suite}/{probe}" if probe else suite
        fig = plots.template_sensitivity_plot(
            frame,
            title=f"Template sensitivity: {label}",
            xlabel=f"template shift of {score}: item minus its fillers' mean over templates",
        )
        caption = (
            f"{label}: how far each template moves the item score away from the mean of the "
            "same fillers over all templates (95% t interval over fillers; 0 = no template "
            "effect). A template far from 0 would drive a finding on its own."
        )
        out.append((_slug(suite, str(probe or ""), "templates"), fig, caption))
    return out


def _occupation_figures(raw: pd.DataFrame, suite: str, truth: dict | None) -> list:
    score = frames.item_score_column(raw)
    if score is None or frames.occupation_column(raw) is None:
        return []
    frame = frames.occupation_frame(raw, score=score, truth=truth)
    out = []
    refs = [("share", "women's share of employment, U.S. BLS (%)", "labour")]
    if truth:
        refs.append(("truth", "planted share (%), from xlmaudit.planted.truth()", "planted"))
    for col, xlabel, tag in refs:
        if frame[col].notna().sum() < 2:
            continue
        rho, p, n = frames.spearman(frame, x=col)
        fig = plots.occupation_plot(
            frame,
            x=col,
            xlabel=xlabel,
            ylabel=f"model preference: mean {score}",
            title=f"{suite}: preference vs {tag} share (Spearman rho = {rho:.2f}, n = {n})",
        )
        caption = (
            f"{suite}: per-occupation preference (95% t interval over templates) against the "
            f"{tag} share; Spearman rho = {rho:.3f} (p = {p:.2g}, n = {n})."
        )
        out.append((_slug(suite, "vs", tag), fig, caption))
    return out


def _attribution_figures(raw: pd.DataFrame, suite: str) -> list[tuple[str, Figure, str]]:
    if not {"word", "attribution"}.issubset(raw.columns):
        return []
    try:
        module = importlib.import_module("xlmaudit.report.attribution_plot")
    except ModuleNotFoundError:
        return []
    plot = getattr(module, "attribution_bars", None) or getattr(module, "plot_attribution", None)
    if plot is None:
        return []
    fig = plot(raw)
    caption = f"{suite}: context words with the largest mean attribution toward each group."
    return [(_slug(suite, "attribution"), fig, caption)]


def build_figures(run: RunData, *, out_dir: Path | None = None) -> list[SavedFigure]:
    """Draw and save every figure ``run`` supports; return them in report order."""
    out = out_dir or run.path / "figures"
    truth = planted_truth() if model_kind(run.meta) == "planted" else None
    saved = []
    for suite in run.suites:
        made = _summary_figures(run, suite)
        raw = run.raw.get(suite)
        if raw is not None:
            made += _occupation_figures(raw, suite, truth) + _template_figures(raw, suite)
            made += _attribution_figures(raw, suite)
        for name, fig, caption in made:
            saved.append(SavedFigure(suite, name, _save(fig, out, name), caption))
    return saved
