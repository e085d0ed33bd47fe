"""The model-card section: "Bias, Risks, and Limitations" and "Evaluation" (Mitchell et al. 2019),
with ``model-index`` metadata built by ``huggingface_hub``'s ``ModelCardData`` / ``EvalResult``."""

from __future__ import annotations

import math

import pandas as pd
from huggingface_hub import EvalResult, ModelCard, ModelCardData

from xlmaudit import __version__
from xlmaudit.report import provenance as prov
from xlmaudit.report.content import data_rows, fmt, fmt_n, interval, methods_table, model_warning
from xlmaudit.report.figures import BENCHMARK_SUITES
from xlmaudit.report.frames import headline_metric
from xlmaudit.report.load import RunData
from xlmaudit.report.methods import CITATIONS, GENERAL_CAVEATS, suite_notes
from xlmaudit.report.render import Block, Bullets, Heading, Para, Table, render_markdown


def headline_rows(run: RunData) -> pd.DataFrame:
    """Summary rows of each suite's headline metric (the numbers the card states)."""
    parts = []
    for suite in run.suites:
        metric = headline_metric(run.summary, suite)
        if metric is not None:
            summary = run.summary
            parts.append(summary[(summary["suite"] == suite) & (summary["metric"] == metric)])
    return pd.concat(parts) if parts else run.summary.iloc[0:0]


def _finite(value: object) -> bool:
    return isinstance(value, int | float) and not math.isnan(float(value))


def eval_results(run: RunData) -> list[EvalResult]:
    """One ``EvalResult`` per headline row (overall rows; every category of a benchmark suite),
    with the interval, n and p-value in ``metric_args``."""
    out = []
    rows = headline_rows(run)
    keep = (rows["group"] == "overall") | rows["suite"].isin(BENCHMARK_SUITES)
    keep |= ~rows["suite"].isin(rows.loc[rows["group"] == "overall", "suite"])
    for r in rows[keep].itertuples(index=False):
        if not _finite(r.value):
            continue
        args = {
            k: round(float(getattr(r, k)), 6)
            for k in ("ci_low", "ci_high", "p_value")
            if _finite(getattr(r, k, None))
        }
        if _finite(r.n):
            args["n"] = int(r.n)
        out.append(
            EvalResult(
                task_type="fill-mask",
                dataset_type=f"xlmaudit/{r.suite}",
                dataset_name=r.suite,
                dataset_config=r.probe,
                dataset_revision=prov.suite_version(run.meta, r.suite),
                metric_type=r.metric,
                metric_value=round(float(r.value), 4),
                metric_name=f"{r.metric} ({r.probe}, {r.group})",
                metric_config=r.group,
                metric_args=args or None,
            )
        )
    return out


def _finding(r: object) -> str:
    parts = [f"95% CI {interval(r.ci_low, r.ci_high)}"] if interval(r.ci_low, r.ci_high) else []
    parts.append(f"n = {fmt_n(r.n)}")
    if _finite(getattr(r, "p_value", None)):
        parts.append(f"p = {fmt(r.p_value)}")
    return f"{r.suite} / {r.probe} / {r.group}: {r.metric} = {fmt(r.value)} ({', '.join(parts)})"


def bias_section(run: RunData) -> list[Block]:
    """ "Bias, Risks, and Limitations": warning, headline findings, caveats."""
    blocks: list[Block] = [Heading(2, "Bias, Risks, and Limitations")]
    warning = model_warning(run.meta)
    if warning:
        blocks.append(warning)
    blocks.append(
        Para(
            f"Measured with xlmaudit {__version__} on {prov.model_name(run.meta)} "
            f"({run.meta.get('dtype', 'dtype not recorded')}). Headline numbers, each with a 95% "
            "interval and its sample size:"
        )
    )
    rows = headline_rows(run)
    overall = rows[rows["group"] == "overall"]
    blocks.append(
        Bullets(
            tuple(_finding(r) for r in (overall if len(overall) else rows).itertuples(index=False))
        )
    )
    caveats = [c for s in run.suites for c in suite_notes(s)["caveats"]]
    blocks += [
        Para("Limitations of these measurements:"),
        Bullets(tuple(dict.fromkeys([*caveats, *GENERAL_CAVEATS]))),
    ]
    return blocks


def evaluation_section(run: RunData) -> list[Block]:
    """ "Evaluation": testing data, factors, metrics, results with intervals."""
    blocks: list[Block] = [
        Heading(2, "Evaluation"),
        Heading(3, "Testing Data, Factors & Metrics"),
        Heading(4, "Testing Data"),
    ]
    data = tuple(
        (
            s,
            prov.suite_version(run.meta, s) or "not recorded",
            "; ".join(f"{n} (sha256 {c})" for n, c in data_rows(run.meta, s)) or "suite templates",
        )
        for s in run.suites
    )
    blocks.append(Table(("suite", "version", "data (checksum)"), data))
    factors = tuple(
        f"{s}: " + ", ".join(dict.fromkeys(run.summary.loc[run.summary["suite"] == s, "group"]))
        for s in run.suites
    )
    blocks += [Heading(4, "Factors"), Bullets(factors), Heading(4, "Metrics")]
    blocks += [methods_table(run, s) for s in run.suites]
    blocks.append(Heading(3, "Results"))
    rows = tuple(
        (
            r.suite,
            r.probe,
            r.group,
            r.metric,
            fmt(r.value),
            interval(r.ci_low, r.ci_high),
            fmt_n(r.n),
            fmt(getattr(r, "p_value", None)),
        )
        for r in headline_rows(run).itertuples(index=False)
    )
    blocks.append(
        Table(
            ("suite", "probe", "group", "metric", "value", "95% CI", "n", "p-value"),
            rows,
            caption="headline metric of each suite; all rows in report.md",
        )
    )
    cited = dict.fromkeys(
        ["mitchell2019", *(k for s in run.suites for k in suite_notes(s)["citations"])]
    )
    blocks += [Heading(3, "Citations"), Bullets(tuple(CITATIONS[k] for k in cited))]
    return blocks


def model_card_text(run: RunData) -> str:
    """The model-card section as Markdown with a ``model-index`` YAML header."""
    data = ModelCardData(
        model_name=prov.model_name(run.meta),
        eval_results=eval_results(run) or None,
        tags=["bias-audit", "xlmaudit"],
        pipeline_tag="fill-mask",
    )
    body = render_markdown(bias_section(run) + evaluation_section(run), base=run.path)
    return str(ModelCard(f"---\n{data.to_yaml()}\n---\n\n{body}"))
