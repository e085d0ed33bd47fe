"""The comparison report of N > 2 runs: ``comparison.csv`` (every pair, with ``pair``, ``run_a``,
``run_b`` and ``p_holm``), ``comparison_headlines.csv`` (each run's headline per probe),
``comparison.md`` / ``.html``, a headline figure per probe and a difference figure per metric."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from xlmaudit.compare_many import compare_many, headline_table, headlines, run_labels
from xlmaudit.report import plots
from xlmaudit.report import provenance as prov
from xlmaudit.report.comparison import METHOD, ComparisonFiles, difference_figures
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

MANY_METHOD = (
    "Every pair of runs is compared as two runs are (A = the run given first on the command "
    "line). " + METHOD + " p_holm: Holm-adjusted across all pairs, probes and groups together. "
    "Headlines: each run's overall value of the probe's main metric, with its interval, as in "
    "the run's summary.csv."
)


@dataclass(frozen=True)
class ManyComparisonFiles(ComparisonFiles):
    """``ComparisonFiles`` plus the headline table."""

    headlines: Path | None = None


def draw_headlines(frame: pd.DataFrame, runs: Mapping[str, RunData]) -> Iterator[Made]:
    """One forest plot per probe: its headline in every run, with intervals."""
    for (suite, probe, metric), part in frame.groupby(["suite", "probe", "metric"], sort=False):
        record = runs[str(part["run"].iloc[0])].meta.probe(str(suite), str(probe))
        info = metric_info(str(metric), record if record.kind else None)
        fig = plots.forest_plot(part.assign(label=part["run"]), title=f"{suite}/{probe}: {metric}",
                                xlabel=info.label, reference=info.reference)  # fmt: skip
        caption = f"{suite}/{probe}: {metric} per run with its interval (summary.csv)."
        yield slug("headlines", f"{suite}-{probe}"), fig, caption


def headline_figures(frame: pd.DataFrame, out: Path, runs: Mapping[str, RunData]) -> list:
    """:func:`draw_headlines`, saved under ``out``."""
    return [SavedFigure("", "", name, save_figure(fig, out, name), caption)
            for name, fig, caption in draw_headlines(frame, runs)]  # fmt: skip


def pairs_table(frame: pd.DataFrame) -> Table:
    rows = tuple(
        (r.pair, f"{r.suite}/{r.probe}", r.group, r.metric, fmt(r.value_a), fmt(r.value_b),
         fmt(r.difference), interval(r.ci_low, r.ci_high), fmt_n(r.n_shared), r.test,
         fmt(r.p_value), fmt(r.p_holm))
        for r in frame.itertuples(index=False)
    )  # fmt: skip
    cols = ("pair (B vs A)", "suite/probe", "group", "metric", "A", "B", "B - A", "95% CI",
            "shared items", "test", "p-value", "p_holm")  # fmt: skip
    return Table(cols, rows, caption="paired comparison of every pair on its shared items")


def many_blocks(runs: dict[str, RunData], heads: pd.DataFrame, frame: pd.DataFrame,
                figures: list) -> list[Block]:  # fmt: skip
    """The N-run comparison report, top to bottom."""
    blocks: list[Block] = [Heading(1, f"Comparison of {len(runs)} runs")]
    for label, run in runs.items():
        warning = model_warning(run.meta)
        if warning:
            blocks.append(Para(f"Run {label}: {warning.text}", True))
    warnings = tuple(frame.attrs.get("warnings") or ())
    if warnings:
        blocks += [Heading(2, "Warnings"), Bullets(warnings)]
    wide = headline_table(heads)
    blocks += [Heading(2, "Method"), Para(MANY_METHOD), Heading(2, "Headlines"),
               Table(tuple(wide.columns), tuple(tuple(map(str, r)) for r in wide.values),
                     caption="headline per probe and run: value [95% interval]")]  # fmt: skip
    blocks += [Heading(2, "Pairwise comparisons"), pairs_table(frame)]
    blocks += [Image(f.path, f.caption) for f in figures]
    skipped = frame.attrs.get("not_compared") or []
    if skipped:
        blocks.append(Para("Not compared (no item-level score to pair, or no shared item): "
                           + ", ".join(skipped)))  # fmt: skip
    blocks += [
        Heading(2, "Runs"),
        Bullets(tuple(f"{k}: {r.path or 'in memory'}" for k, r in runs.items())),
    ]
    for label, run in runs.items():
        blocks += [Heading(3, f"Run {label} provenance"), key_provenance(run.meta.raw)]
    return blocks


def build_many(dirs: Sequence[str | Path], *, out: str | Path, seed: int = 0,
               allow_different_data: bool = False) -> ManyComparisonFiles:  # fmt: skip
    """Compare N run directories (every pair, Holm across all) and write the report to ``out``."""
    runs = {label: load_run(d) for label, d in zip(run_labels(dirs), dirs, strict=True)}
    frame = compare_many(runs, seed=seed, allow_different_data=allow_different_data)
    return write_many(runs, frame, out=out)


def write_many(
    runs: Mapping[str, RunData], frame: pd.DataFrame, *, out: str | Path
) -> ManyComparisonFiles:
    """Write the N-run comparison (``frame``: :func:`compare_many`) into ``out``."""
    runs = dict(runs)
    heads = headlines(runs)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    csv, head_csv = out / "comparison.csv", out / "comparison_headlines.csv"
    frame.to_csv(csv, index=False)
    heads.to_csv(head_csv, index=False)
    first = next(iter(runs.values())).meta
    labelled = frame.assign(group=frame["group"] + " (" + frame["pair"] + ")")
    figures = headline_figures(heads, out / "figures", runs)
    figures += difference_figures(labelled, out / "figures", first)
    blocks = many_blocks(runs, heads, frame, figures)
    md, html = out / "comparison.md", out / "comparison.html"
    md.write_text(render_markdown(blocks, base=out), encoding="utf-8")
    names = ", ".join(prov.model_name(r.meta) for r in runs.values())
    html.write_text(render_html(blocks, title=f"xlmaudit comparison: {names}"), encoding="utf-8")
    return ManyComparisonFiles(
        csv, md, html, tuple(figures), tuple(frame.attrs.get("not_compared") or ()),
        tuple(frame.attrs.get("warnings") or ()), head_csv,
    )  # fmt: skip
