"""The comparison report of two runs: ``comparison.csv``, ``comparison.md``, ``comparison.html``
and one figure of paired differences per metric under ``figures/``."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from xlmaudit.compare_many import run_labels
from xlmaudit.paired import compare_runs
from xlmaudit.report import plots
from xlmaudit.report import provenance as prov
from xlmaudit.report.content import fmt, fmt_n, interval, key_provenance, model_warning
from xlmaudit.report.figures import SavedFigure, save_figure, slug
from xlmaudit.report.kind_figures import Made
from xlmaudit.report.methods import metric_info
from xlmaudit.report.render import (
    Block,
    Bullets,
    Heading,
    Image,
    Para,
    Table,
    render_html,
    render_markdown,
)
from xlmaudit.report.run import RunData
from xlmaudit.report.run import load_run_data as load_run
from xlmaudit.runinfo import RunInfo

METHOD = (
    "Items are paired by item_id across the two runs; only items both runs scored enter. "
    "Difference = B - A of the metric, with a 95% paired percentile bootstrap interval "
    "(scipy.stats.bootstrap, paired=True) over the shared items. Pair probes (CrowS-Pairs): "
    "McNemar's exact test on the discordant pairs (pairs where only A, or only B, prefers "
    "sent_more; scipy.stats.binomtest). Template probes: exact sign test on the per-item "
    "differences, ties dropped."
)


@dataclass(frozen=True)
class ComparisonFiles:
    """Paths written by ``build_comparison``."""

    csv: Path
    markdown: Path
    html: Path
    figures: tuple[SavedFigure, ...]
    not_compared: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


def draw_differences(frame: pd.DataFrame, meta: Mapping[str, Any] | None = None) -> Iterator[Made]:
    """One forest plot of B - A differences (with intervals) per metric: (name, fig, caption)."""
    for metric, part in frame.groupby("metric", sort=False):
        rows = part.assign(label=part["suite"] + "/" + part["probe"] + ": " + part["group"])
        record = RunInfo.of(meta).probe(str(part["suite"].iloc[0]), str(part["probe"].iloc[0]))
        info = metric_info(str(metric), record if record.kind else None)
        fig = plots.forest_plot(
            rows[["label", "difference", "ci_low", "ci_high"]].rename(
                columns={"difference": "value"}),
            title=f"Run B - run A: {metric}", xlabel=f"difference B - A in {info.label}",
            reference=0.0)  # fmt: skip
        caption = f"Paired difference B - A of {metric} with 95% paired bootstrap intervals."
        yield slug("comparison", str(metric)), fig, caption


def difference_figures(
    frame: pd.DataFrame, out: Path, meta: Mapping[str, Any] | None = None
) -> list[SavedFigure]:
    """:func:`draw_differences`, saved under ``out``."""
    return [SavedFigure("", "", name, save_figure(fig, out, name), caption)
            for name, fig, caption in draw_differences(frame, meta)]  # fmt: skip


def comparison_table(frame: pd.DataFrame, labels: tuple[str, str] = ("", "")) -> Table:
    """The comparison rows as a table; ``labels``: the runs' directory labels, named in the
    value columns (``A: <dir>``)."""
    rows = tuple(
        (f"{r.suite}/{r.probe}", r.group, r.metric, fmt(r.value_a), fmt(r.value_b),
         fmt(r.difference), interval(r.ci_low, r.ci_high), fmt_n(r.n_shared),
         f"{fmt_n(r.n_only_a)} / {fmt_n(r.n_only_b)}", r.test,
         f"{fmt_n(r.n_a_only_yes)} / {fmt_n(r.n_b_only_yes)}", fmt(r.p_value))
        for r in frame.itertuples(index=False)
    )  # fmt: skip
    value_a, value_b = (f"{ab}: {n}" if n else ab for ab, n in zip("AB", labels, strict=True))
    cols = ("suite/probe", "group", "metric", value_a, value_b, "B - A", "95% CI", "shared items",
            "only in A / B", "test", "discordant A / B", "p-value")  # fmt: skip
    return Table(cols, rows, caption="paired comparison on the shared items")


def run_titles(a: RunData, b: RunData) -> tuple[str, str, str]:
    """The runs' directory labels (as the N-run comparison labels them) and the report title:
    ``<dir A> (A: <model>) vs <dir B> (B: <model>)``, distinct even for one model run twice."""
    if a.path is None or b.path is None:  # a run kept in memory: numbered model names
        label_a, label_b = (f"{i}:{prov.model_name(r.meta)}" for i, r in enumerate((a, b), 1))
    else:
        label_a, label_b = run_labels([a.path, b.path])
    name_a, name_b = prov.model_name(a.meta), prov.model_name(b.meta)
    return label_a, label_b, f"{label_a} (A: {name_a}) vs {label_b} (B: {name_b})"


def comparison_blocks(a: RunData, b: RunData, frame: pd.DataFrame, figures) -> list[Block]:
    """The comparison report, top to bottom."""
    label_a, label_b, title = run_titles(a, b)
    blocks: list[Block] = [Heading(1, f"Paired comparison: {title}")]
    for label, run in (("A", a), ("B", b)):
        warning = model_warning(run.meta)
        if warning:
            blocks.append(Para(f"Run {label}: {warning.text}", True))
    warnings = tuple(frame.attrs.get("warnings") or ())
    if warnings:
        blocks += [Heading(2, "Warnings"), Bullets(warnings)]
    blocks += [Heading(2, "Method"), Para(METHOD), Heading(2, "Results"),
               comparison_table(frame, (label_a, label_b))]  # fmt: skip
    blocks += [Image(f.path, f.caption) for f in figures]
    skipped = frame.attrs.get("not_compared") or []
    if skipped:
        blocks.append(Para("Not compared (no item-level score to pair, or no shared item): "
                           + ", ".join(skipped)))  # fmt: skip
    blocks += [
        Heading(2, "Runs"),
        Bullets((f"A: {a.path or 'in memory'}", f"B: {b.path or 'in memory'}")),
    ]
    blocks += [Heading(3, "Run A provenance"), key_provenance(a.meta.raw)]
    blocks += [Heading(3, "Run B provenance"), key_provenance(b.meta.raw)]
    return blocks


def build_comparison(dir_a: str | Path, dir_b: str | Path, *, out: str | Path, seed: int = 0,
                     allow_different_data: bool = False) -> ComparisonFiles:  # fmt: skip
    """Compare run directories A and B and write the comparison report into ``out``."""
    a, b = load_run(dir_a), load_run(dir_b)
    frame = compare_runs(a, b, seed=seed, allow_different_data=allow_different_data)
    return write_comparison(a, b, frame, out=out)


def write_comparison(
    a: RunData, b: RunData, frame: pd.DataFrame, *, out: str | Path
) -> ComparisonFiles:
    """Write the comparison of runs A and B (``frame``: :func:`compare_runs`) into ``out``."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    csv = out / "comparison.csv"
    frame.to_csv(csv, index=False)
    figures = difference_figures(frame, out / "figures", a.meta)
    blocks = comparison_blocks(a, b, frame, figures)
    md = out / "comparison.md"
    md.write_text(render_markdown(blocks, base=out), encoding="utf-8")
    html = out / "comparison.html"
    title = f"xlmaudit comparison: {run_titles(a, b)[2]}"
    html.write_text(render_html(blocks, title=title), encoding="utf-8")
    skipped = tuple(frame.attrs.get("not_compared") or ())
    warnings = tuple(frame.attrs.get("warnings") or ())
    return ComparisonFiles(csv, md, html, tuple(figures), skipped, warnings)
