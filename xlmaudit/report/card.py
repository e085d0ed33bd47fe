"""The model-card section: "Bias, Risks, and Limitations" and "Evaluation" (Mitchell et al. 2019),
with ``model-index`` metadata built by ``huggingface_hub``'s ``ModelCardData`` / ``EvalResult``."""

from __future__ import annotations

import math

import pandas as pd
from huggingface_hub import EvalResult, ModelCard, ModelCardData
from scipy import stats

from xlmaudit import __version__
from xlmaudit.report import frames
from xlmaudit.report import provenance as prov
from xlmaudit.report.content import (
    cited,
    fmt,
    fmt_n,
    interval,
    methods_table,
    model_warning,
    suite_data_rows,
)
from xlmaudit.report.findings import findings
from xlmaudit.report.language_blocks import cross_blocks, cross_table
from xlmaudit.report.languages import (
    is_multilingual,
    language_name,
    languages,
    skipped_note,
    untrained_note,
)
from xlmaudit.report.load import RunData
from xlmaudit.report.methods import CITATIONS, GENERAL_CAVEATS, suite_notes
from xlmaudit.report.render import Block, Bullets, Heading, Para, Table, render_markdown


def card_rows(run: RunData) -> pd.DataFrame:
    """The rows the card states: each probe's main metric overall and per category or bias
    type, and its correlations with reference statistics."""
    parts = [
        frames.headline_rows(frames.probe_rows(run.summary, suite, probe), run.meta)
        for suite in run.suites
        for probe in frames.probes_of(run.summary, suite)
    ]
    parts = [p for p in parts if len(p)]
    return pd.concat(parts) if parts else run.summary.iloc[0:0]


def top_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """Per probe, the overall rows and group differences (level ``contrast``) the card opens
    with; a probe with neither (SEAT run on one domain) keeps all its headline rows."""
    top = rows["group"].isin(frames.OVERALL_GROUPS) | frames.level_of(rows).eq("contrast")
    has_top = top.groupby([rows["suite"], rows["probe"]]).transform("any")
    return rows[top | ~has_top]


def _finite(value: object) -> bool:
    return isinstance(value, int | float) and not math.isnan(float(value))


RANDOM_NOTE = (
    "NOT FINDINGS: this model has random weights, so the numbers below are noise and say nothing "
    "about bias; they are listed only to check the toolkit ran, are left out of the model-index "
    "metadata, and must not be reported."
)


def is_random(run: RunData) -> bool:
    """The run's model has random weights (``meta.json`` ``model.random_weights`` or its name)."""
    return prov.model_kind(run.meta) == "random"


def data_note(run: RunData, suite: str) -> str:
    """ "<data set>: modified or partial data (sha256 ..., n rows)" for ``suite``'s data files
    that are not the published ones, or empty."""
    notes = prov.data_notes(run.meta)
    return "; ".join(f"{n}: {notes[n]}" for n, _ in suite_data_rows(run, suite) if n in notes)


def data_blocks(run: RunData) -> list[Block]:
    """A bold line per suite that read modified data (card, report.md and report.html)."""
    return [Para(f"Data of {s}: {note}.", True) for s in run.suites if (note := data_note(run, s))]


def per_language_index(run: RunData) -> bool:
    """Whether the model-index has one entry per suite and language (``dataset.config`` = the
    language code): any run not wholly English. An English-only run (and a run older than the
    ``lang`` column) keeps one entry per suite and probe (``dataset.config`` = the probe id)."""
    return languages(run.summary) not in ([], ["en"])


def eval_results(run: RunData) -> list[EvalResult]:
    """One ``EvalResult`` per headline row, with the interval, n and p-value in ``metric_args``;
    none for a model with random weights (its numbers are not results). Grouped into model-index
    entries per suite and language (or per suite and probe: :func:`per_language_index`)."""
    if is_random(run):
        return []
    by_lang = per_language_index(run)
    out = []
    for _, r in card_rows(run).iterrows():
        if not _finite(r["value"]):
            continue
        args = {k: round(float(r[k]), 6) for k in ("ci_low", "ci_high", "p_value")
                if _finite(r.get(k))}  # fmt: skip
        if _finite(r["n"]):
            args["n"] = int(r["n"])
        out.append(EvalResult(
            task_type="fill-mask", dataset_type=f"xlmaudit/{r['suite']}", dataset_name=r["suite"],
            dataset_config=str(r["lang"]) if by_lang else r["probe"],
            dataset_revision=prov.suite_version(run.meta, r["suite"]),
            metric_type=r["metric"], metric_value=round(float(r["value"]), 4),
            metric_name=f"{_with_contrast(r)} ({r['probe']}, {r['group']})",
            metric_config=r["group"],
            metric_args=args or None))  # fmt: skip
        if data_note(run, r["suite"]):  # the model-index names modified data beside the number
            out[-1].dataset_name += f" ({data_note(run, r['suite'])})"
    return out


def _with_contrast(r: pd.Series) -> str:
    """``log_odds (female - male)``: the metric with its groups in words, where it has them."""
    contrast = r.get("contrast")
    return f"{r['metric']} ({contrast})" if isinstance(contrast, str) and contrast else r["metric"]


def finding(r: pd.Series, direction: str = "") -> str:
    """One headline row as a sentence fragment with interval, n and p-value, then the direction
    in words (``the model prefers female (she) over male (he) by 0.45 nats [0.08, 0.80]``)."""
    parts = [f"95% CI {interval(r['ci_low'], r['ci_high'])}"] if fmt(r["ci_low"]) else []
    parts.append(f"n = {fmt_n(r['n'])}")
    if _finite(r.get("p_value")):
        parts.append(f"p = {fmt(r['p_value'])}")
    if _finite(r.get("p_holm")):  # the kind's own Holm correction (SEAT: across its tests)
        parts.append(f"Holm p = {fmt(r['p_holm'])}")
    value = fmt(r["value"]) if _finite(r["value"]) else "not estimated"
    head = f"{r['suite']} / {r['probe']} / {r['group']}: {_with_contrast(r)} = {value}"
    return f"{head} ({', '.join(parts)})" + (f": {direction}" if direction else "")


def calibration_blocks(run: RunData) -> list[Block]:
    """For the planted model: how well each correlated per-filler score recovers the planted
    shares (Spearman rho over fillers, scipy), the check that the measurement works."""
    truth = prov.planted_truth() if prov.model_kind(run.meta) == "planted" else None
    if not truth:
        return []
    items = []
    for suite, probe, score, frame in frames.truth_rows(run.summary, run.raw, truth):
        both = frame[["truth", "value"]].dropna()
        res = stats.spearmanr(both["truth"], both["value"])
        items.append(f"{suite} / {probe}: per-occupation {score} vs planted share: Spearman "
                     f"rho = {fmt(float(res.statistic))} (p = {fmt(float(res.pvalue))}, "
                     f"n = {len(both)} occupations)")  # fmt: skip
    if not items:
        return []
    return [
        Para(
            "Calibration: agreement of the measurements with the shares planted in the "
            "training corpus (1 = perfect recovery of their order):"
        ),
        Bullets(tuple(items)),
    ]


def bias_section(run: RunData) -> list[Block]:
    """ "Bias, Risks, and Limitations": warning, headline findings, caveats."""
    blocks: list[Block] = [Heading(2, "Bias, Risks, and Limitations")]
    warning = model_warning(run.meta)
    if warning:
        blocks.append(warning)
    if is_random(run):
        blocks.append(Para(RANDOM_NOTE, True))
    blocks += data_blocks(run)
    untrained = untrained_note(run.meta, languages(run.summary))
    blocks += [Para(untrained, True)] if untrained else []
    blocks.append(Para(
        f"Measured with xlmaudit {__version__} on {prov.model_name(run.meta)} "
        f"({run.meta.get('dtype', 'dtype not recorded')}). Overall numbers, each with its 95% "
        "interval and sample size; per-category numbers are under Evaluation:"))  # fmt: skip
    table = findings(run)
    words = {(f.suite, f.probe, f.group, f.metric): f.direction for f in table.itertuples()}
    top = top_rows(card_rows(run))
    several = is_multilingual(run.summary)
    for lang in dict.fromkeys(top["lang"]) if several else [None]:
        part = top if lang is None else top[top["lang"] == lang]
        if lang is not None:
            blocks.append(Heading(3, f"Language: {language_name(lang)}"))
        blocks.append(Bullets(tuple(
            finding(r, words.get((r["suite"], r["probe"], r["group"], r["metric"]), ""))
            for _, r in part.iterrows())))  # fmt: skip
    blocks += cross_blocks(run, table=False)
    blocks += calibration_blocks(run)
    caveats = [
        c for s in run.suites
        for c in suite_notes(s, run.summary.loc[run.summary["suite"] == s, "metric"])["caveats"]
    ]  # fmt: skip
    skipped = skipped_note(run.meta, run.suites)
    blocks += [Para("Limitations of these measurements:"),
               Bullets(tuple(dict.fromkeys([*caveats, *([skipped] if skipped else []),
                                            *GENERAL_CAVEATS])))]  # fmt: skip
    return blocks


def evaluation_section(run: RunData) -> list[Block]:
    """ "Evaluation": testing data, factors, metrics, results with intervals, citations."""
    blocks: list[Block] = [Heading(2, "Evaluation"), Heading(3, "Testing Data, Factors & Metrics"),
                           Heading(4, "Testing Data")]  # fmt: skip
    data = tuple(
        (s, prov.suite_version(run.meta, s) or "not recorded",
         data_note(run, s)
         or "; ".join(f"{n} (sha256 {c})" for n, c in suite_data_rows(run, s)) or "suite templates")
        for s in run.suites
    )  # fmt: skip
    blocks.append(Table(("suite", "version", "data (checksum)"), data))
    rows = card_rows(run)
    factors = tuple(
        f"{s}: " + ", ".join(dict.fromkeys(rows.loc[rows["suite"] == s, "group"]))
        for s in run.suites
    )
    blocks += [Heading(4, "Factors"), Bullets(factors), Heading(4, "Metrics")]
    blocks += [methods_table(run, s) for s in run.suites]
    several = is_multilingual(run.summary)
    table = tuple(
        (r["suite"], r["probe"], *([str(r["lang"])] if several else []), r["group"],
         _with_contrast(r), fmt(r["value"]), interval(r["ci_low"], r["ci_high"]), fmt_n(r["n"]),
         fmt(r.get("p_value")))
        for _, r in rows.iterrows()
    )  # fmt: skip
    blocks.append(Heading(3, "Results"))
    if is_random(run):
        blocks.append(Para(RANDOM_NOTE, True))
    blocks += [
        Table(
            (
                "suite",
                "probe",
                *(["language"] if several else []),
                "group",
                "metric",
                "value",
                "95% CI",
                "n",
                "p-value",
            ),
            table,
            caption="headline rows of each probe; every row is in report.md and summary.csv",
        ),
    ]
    if run.cross_language is not None and len(run.cross_language):
        blocks.append(cross_table(run.cross_language))
    keys = list(dict.fromkeys(["mitchell2019", *cited(run)]))
    blocks += [Heading(3, "Citations"), Bullets(tuple(CITATIONS[k] for k in keys))]
    return blocks


def model_card_text(run: RunData) -> str:
    """The model-card section as Markdown with a ``model-index`` YAML header."""
    data = ModelCardData(
        model_name=prov.model_name(run.meta), eval_results=eval_results(run) or None,
        tags=["bias-audit", "xlmaudit"], pipeline_tag="fill-mask")  # fmt: skip
    body = render_markdown(bias_section(run) + evaluation_section(run), base=run.path)
    return str(ModelCard(f"---\n{data.to_yaml()}\n---\n\n{body}"))
