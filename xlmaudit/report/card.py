"""The model-card section: "Bias, Risks, and Limitations" and "Evaluation" (Mitchell et al. 2019),
with ``model-index`` metadata built by ``huggingface_hub``'s ``ModelCardData`` / ``EvalResult``.

The card is a page: per suite and language the summary sentences of the report
(:mod:`xlmaudit.report.summary_text`) and the headline of each probe (value, interval, n, the
direction in words), the suite's declared caveats and one line
per language not measured; everything else is in the full report (``report.md``) and
``summary.csv``. The model-index holds each probe's main metric over all items, one entry per
probe x language (x estimator: a CrowS-Pairs estimator is its own probe), never per category.
"""

from __future__ import annotations

import math

import pandas as pd
import yaml
from huggingface_hub import EvalResult, ModelCardData
from scipy import stats

from xlmaudit import __version__
from xlmaudit.report import frames, statements
from xlmaudit.report import provenance as prov
from xlmaudit.report.content import fmt, model_warning, suite_data_rows
from xlmaudit.report.findings import findings
from xlmaudit.report.findings_tables import adjusted_level
from xlmaudit.report.language_blocks import cross_sentences
from xlmaudit.report.languages import language_name, languages, untrained_note
from xlmaudit.report.methods import metric_info
from xlmaudit.report.numbers import estimate, fmt_n
from xlmaudit.report.render import Block, Bullets, Heading, Para, Table, render_markdown
from xlmaudit.report.run import RunData
from xlmaudit.report.summary_text import run_summaries

REPORT_LINK = "report.md"
CAVEATS_INTRO = "Caveats declared by the suite, then facts of this run:"


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


def index_rows(table: pd.DataFrame) -> pd.DataFrame:
    """The findings rows the model-index lists: each probe's main metric over all items; a probe
    with no such row (SEAT: one effect size per test) keeps its findings rows."""
    overall = table["level"].eq("overall")
    has = overall.groupby([table["suite"], table["probe"]]).transform("any")
    return table[overall | (~has & table["level"].ne("contrast"))]


def eval_results(run: RunData, table: pd.DataFrame | None = None) -> list[EvalResult]:
    """One ``EvalResult`` per probe's main metric over all items (interval and n in
    ``metric_args``; a partial run names its ``limit`` there and in the data set's name); none
    for a model with random weights (its numbers are not results)."""
    if is_random(run):
        return []
    by_lang = per_language_index(run)
    limit = statements.limit_of(run.meta)
    partial = statements.partial_label(run.meta)
    out = []
    table = findings(run) if table is None else table
    for _, r in index_rows(table).iterrows():
        if not _finite(r["value"]):
            continue
        args = {k: round(float(r[k]), 6) for k in ("ci_low", "ci_high") if _finite(r.get(k))}
        if _finite(r["n"]):
            args["n"] = int(r["n"])
        if limit is not None:
            args["limit"] = limit
        name = r["suite"] + (f" ({partial})" if partial else "")
        if data_note(run, r["suite"]):  # the model-index names modified data beside the number
            name += f" ({data_note(run, r['suite'])})"
        out.append(EvalResult(
            task_type="fill-mask", dataset_type=f"xlmaudit/{r['suite']}", dataset_name=name,
            dataset_config=str(r["lang"]) if by_lang else r["probe"],
            dataset_revision=prov.suite_version(run.meta, r["suite"]),
            metric_type=r["metric"], metric_value=round(float(r["value"]), 4),
            metric_name=f"{r['metric']} ({r['probe']})", metric_args=args or None))  # fmt: skip
    return out


def headline(r: pd.Series) -> str:
    """``nangia2020 (pct_sent_more, n = 1673, Holm p = 0.0038, a finding): the model prefers
    ...``: a findings row with n, ties, Holm p and whether it is a finding (the one rule of
    :func:`~xlmaudit.report.findings.findings`), the direction in words with the interval at the
    multiplicity-adjusted level; a row without direction words shows the value and that
    interval instead."""
    what = {"overall": r["probe"], "contrast": f"{r['probe']}, {r['contrast']}"}.get(
        r["level"], f"{r['probe']}: {r['group']}"
    )
    facts = [str(r["metric"]), f"n = {fmt_n(r['n'])}"]
    if _finite(r.get("n_ties")) and r["n_ties"]:
        facts.append(f"{fmt_n(r['n_ties'])} ties")
    if _finite(r.get("p_holm")):
        facts.append(f"Holm p = {fmt(r['p_holm'])}")
    facts.append("a finding" if bool(r["finding"]) else "not a finding")
    low, high = r["ci_low_adjusted"], r["ci_high_adjusted"]
    said = r["direction_adjusted"] or estimate(r["value"], low, high, r["unit"])
    return f"{what} ({', '.join(facts)}): {said}"


def suite_section(run: RunData, suite: str, table: pd.DataFrame) -> list[Block]:
    """One suite: per language the report's summary sentences and each probe's headline; the
    declared caveats; the languages not measured; modified data and excluded rows."""
    blocks: list[Block] = [Heading(3, suite)]
    part = table[table["suite"] == suite]
    said = {(s.suite, s.lang): s.text for s in run_summaries(run, table)}
    for lang in dict.fromkeys(part["lang"]):
        here = part[part["lang"] == lang]
        shown = here.index.isin(index_rows(here).index) | here["level"].eq("contrast")
        top = here[shown]  # a probe without an overall row (SEAT) shows each of its rows
        blocks.append(Para(f"{language_name(lang)}: {said[(suite, lang)]}"))
        blocks.append(Bullets(tuple(f"{language_name(lang)}: {headline(r)}"
                                    for _, r in top.iterrows())))  # fmt: skip
    facts = [f for f in statements.run_facts(run, suite)
             if not f.startswith(("Languages measured", "This is a partial"))
             and " categories in this run " not in f]  # fmt: skip
    return [*blocks, Para(CAVEATS_INTRO), Bullets(tuple(statements.caveats(run, suite) + facts))]


def calibration_blocks(run: RunData) -> list[Block]:
    """For the planted model: how well each correlated per-filler score recovers the planted
    shares (Spearman rho over fillers, scipy), the check that the measurement works."""
    truth = prov.planted_truth() if run.meta.planted_truth else None
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


def bias_section(run: RunData, table: pd.DataFrame | None = None) -> list[Block]:
    """ "Bias, Risks, and Limitations": partial-run and model warnings, then per suite its
    headlines, category findings and declared caveats; a link to the full report."""
    blocks: list[Block] = [Heading(2, "Bias, Risks, and Limitations")]
    if statements.partial_note(run.meta):
        blocks.append(Para(statements.partial_note(run.meta), True))
    warning = model_warning(run.meta)
    if warning:
        blocks.append(warning)
    if is_random(run):
        blocks.append(Para(RANDOM_NOTE, True))
    blocks += data_blocks(run)
    untrained = untrained_note(run.meta, languages(run.summary))
    blocks += [Para(untrained, True)] if untrained else []
    table = findings(run) if table is None else table
    blocks.append(Para(
        f"Measured with xlmaudit {__version__} on {prov.model_name(run.meta)} "
        f"({run.meta.dtype or 'dtype not recorded'}). Each number with n, the p-value after "
        "Holm's correction across the run's headline tests and its interval at the "
        f"multiplicity-adjusted level {adjusted_level(table)} (Bonferroni); the direction in "
        "words. A finding: Holm p < 0.05, n at least the declared minimum and that interval "
        "excluding no bias. Every category, estimator, the unadjusted 95% intervals and the "
        f"methods are in the full report ({REPORT_LINK}) and summary.csv."))  # fmt: skip
    for suite in run.suites:
        blocks += suite_section(run, suite, table)
    if run.cross_language is not None and len(run.cross_language):
        blocks += [Heading(3, "Across languages (same pairs)"),
                   Bullets(cross_sentences(run.cross_language))]  # fmt: skip
    return blocks + calibration_blocks(run)


def metric_lines(run: RunData, suite: str) -> list[str]:
    """``suite: metric: meaning`` for each main metric the suite's probes report."""
    out = []
    for probe in frames.probes_of(run.summary, suite):
        record = run.meta.probe(suite, probe)
        if record.main_metric and record.kind:
            info = metric_info(record.main_metric, record)
            out.append(f"{suite}: {record.main_metric}: {info.label}")
    return list(dict.fromkeys(out))


def evaluation_section(run: RunData) -> list[Block]:
    """ "Evaluation": testing data with checksums, the headline metrics, the citations."""
    blocks: list[Block] = [Heading(2, "Evaluation"), Heading(3, "Testing Data")]
    data = tuple(
        (s, prov.suite_version(run.meta, s) or "not recorded",
         data_note(run, s)
         or "; ".join(f"{n} (sha256 {c[:12]})" for n, c in suite_data_rows(run, s))
         or "suite templates")
        for s in run.suites
    )  # fmt: skip
    blocks.append(Table(("suite", "version", "data (sha256, first 12)"), data))
    blocks += [Heading(3, "Metrics"),
               Bullets(tuple(m for s in run.suites for m in metric_lines(run, s)))]  # fmt: skip
    cites = [c for s in run.suites for c in statements.citations(run, s)]
    listed = tuple(dict.fromkeys(cites)) or (statements.NO_CITATIONS,)
    return blocks + [Heading(3, "Citations (declared by the suites)"), Bullets(listed)]


class _FlowMap(dict):
    """A mapping written on one line (``{ci_low: 49.4, ci_high: 54.0, n: 1673}``)."""


class _CardDumper(yaml.SafeDumper):
    pass


_CardDumper.add_representer(
    _FlowMap, lambda d, m: d.represent_mapping("tag:yaml.org,2002:map", m, flow_style=True)
)


def card_yaml(data: ModelCardData) -> str:
    """The card's YAML header as ``huggingface_hub`` builds it, with each metric's ``args`` on one
    line so that the model-index stays short."""
    header = data.to_dict()
    for model in header.get("model-index") or []:
        for result in model.get("results") or []:
            for metric in result.get("metrics") or []:
                if isinstance(metric.get("args"), dict):
                    metric["args"] = _FlowMap(metric["args"])
    return yaml.dump(header, Dumper=_CardDumper, sort_keys=False, allow_unicode=True, width=100)


def model_card_text(run: RunData) -> str:
    """The model-card section as Markdown with a ``model-index`` YAML header."""
    table = findings(run)  # once: the model-index and the prose read the same rows
    data = ModelCardData(
        model_name=prov.model_name(run.meta), eval_results=eval_results(run, table) or None,
        tags=["bias-audit", "xlmaudit"], pipeline_tag="fill-mask")  # fmt: skip
    body = render_markdown(bias_section(run, table) + evaluation_section(run), base=run.path)
    return f"---\n{card_yaml(data).strip()}\n---\n\n{body.strip()}\n"


def model_index(run: RunData) -> list[dict]:
    """The ``model-index`` metadata of the card (one entry per result; [] without results)."""
    data = ModelCardData(
        model_name=prov.model_name(run.meta), eval_results=eval_results(run) or None
    )
    return list(data.to_dict().get("model-index") or [])
