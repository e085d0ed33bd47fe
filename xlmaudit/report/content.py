"""The report's content as blocks: provenance, suite cards, methods, tables, figures, examples."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd

from xlmaudit.report import frames, statements
from xlmaudit.report import provenance as prov
from xlmaudit.report.figures import FINDINGS_FIGURE, SavedFigure
from xlmaudit.report.findings import findings
from xlmaudit.report.findings_tables import adjusted_level, language_tables
from xlmaudit.report.language_blocks import across_blocks, cross_blocks, language_notes, suite_title
from xlmaudit.report.languages import is_multilingual, language_name
from xlmaudit.report.methods import metric_info
from xlmaudit.report.numbers import fmt, fmt_n, interval
from xlmaudit.report.quality_section import believe_blocks, with_power_flags
from xlmaudit.report.render import Block, Bullets, Details, Heading, Image, Para, Section, Table
from xlmaudit.report.run import RunData
from xlmaudit.report.summary_figure import figure_name
from xlmaudit.report.summary_text import run_summaries
from xlmaudit.report.summary_text import title as summary_title
from xlmaudit.runinfo import RunInfo

EXAMPLE_ROWS = 6
EXAMPLE_COLUMNS = 10
TEXT_LIMIT = 160
SUMMARY_BASE = ("suite", "probe", "lang", "group", "metric", "value", "ci_low", "ci_high", "n",
                "p_value")  # fmt: skip
KEY_FIELDS = ("name", "id", "path", "fingerprint", "revision", "dtype", "device", "seed", "command",
              "started", "finished", "start_time", "end_time", "xlmaudit")  # fmt: skip


def model_warning(meta: RunInfo) -> Para | None:
    """The banner a reader must see first when the numbers are not findings about a real model."""
    if meta.synthetic:
        return Para("Synthetic run directory made with a fake scorer for tests: every number "
                    "below is made up.", True)  # fmt: skip
    kind = prov.model_kind(meta)
    if kind == "planted":
        return Para(
            "This is the planted-bias calibration model shipped with xlmaudit, trained on a "
            "synthetic corpus whose biases are known. Its numbers check the toolkit; they are not "
            "findings about any released model.", True)  # fmt: skip
    if kind == "random":
        reason = prov.random_reason(meta)
        return Para("This model has random weights: its bias scores are meaningless and must not "
                    "be reported as findings." + (f" Reason: {reason}." if reason else ""),
                    True)  # fmt: skip
    return None


def _cell(column: str, value: Any) -> str:
    """An extra summary column's cell: counts (``n_*``) as integers."""
    return fmt_n(value) if column.startswith("n_") and isinstance(value, float) else fmt(value)


def summary_table(part: pd.DataFrame, caption: str) -> Table:
    """Summary rows with their 95% intervals; extra non-empty columns kept at the end."""
    extra = [c for c in part.columns if c not in SUMMARY_BASE and part[c].notna().any()]
    columns = ("group", "metric", "value", "95% CI", "n", "p-value", *extra)
    rows = tuple(
        (str(r["group"]), str(r["metric"]), fmt(r["value"]), interval(r["ci_low"], r["ci_high"]),
         fmt_n(r["n"]), fmt(r.get("p_value")), *(_cell(c, r[c]) for c in extra))
        for _, r in part.iterrows()
    )  # fmt: skip
    return Table(columns, rows, caption=caption)


def data_rows(meta: RunInfo, suite: str) -> list[tuple[str, str]]:
    """(data set, checksum) of the data ``suite`` read, from ``meta.json``."""
    entry = meta.suites.get(suite)
    data = (entry.data if entry is not None else {}) or meta.data
    rows = []
    for name, value in data.items():
        checksum = value.get("sha256", value) if isinstance(value, Mapping) else value
        rows.append((str(name), str(checksum)))
    return rows


def suite_data_rows(run: RunData, suite: str) -> list[tuple[str, str]]:
    """(data set, checksum) of the data files ``meta.json`` records that ``suite``'s probes read."""
    names = statements.data_names(run, suite)
    return [(n, c) for n, c in data_rows(run.meta, suite) if n in names]


def version_table(run: RunData, suite: str) -> Table:
    """Suite version and hash, and the data files read with their checksums."""
    rows = [("suite version", prov.suite_version(run.meta, suite) or "not recorded")]
    rows += [(f"data: {n}", f"sha256 {c}") for n, c in suite_data_rows(run, suite)]
    if len(rows) == 1:
        rows.append(("data", "templates and lexicons of the suite file only"))
    return Table(("what", "version / checksum"), tuple(rows), caption=f"{suite}: inputs")


def methods_table(run: RunData, suite: str) -> Table:
    """Meaning and units of each metric and how it was computed (metrics sharing both, one row)."""
    part = run.summary[run.summary["suite"] == suite]
    rows: dict[tuple[str, str], list[str]] = {}
    for (probe, metric), sub in part.groupby(["probe", "metric"], sort=False):
        est = sub["estimator"].dropna() if "estimator" in sub.columns else pd.Series([])
        name = f"{probe}: {metric}" + (f" (estimator {est.iloc[0]})" if len(est) else "")
        record = run.meta.probe(suite, str(probe))
        info = metric_info(metric, record if record.kind else None)
        rows.setdefault((info.label, info.method), []).append(name)
    table = tuple((", ".join(names), label, method) for (label, method), names in rows.items())
    return Table(("probe: metric", "meaning (units)", "method"), table,
                 caption=f"{suite}: how each number was computed")  # fmt: skip


CARD_SHOWN = ("summary", "measures", "limits", "calibration", "notes")  # the rest: own sections


def _card_items(card: Any) -> list[str]:
    """The suite card's texts (``key: text``) other than construct, caveats and references."""
    if not isinstance(card, Mapping):
        return []
    return [f"{k}: {' '.join(str(card[k]).split())}" for k in CARD_SHOWN if card.get(k)]


# benchmark raw frames (recognised by their score columns) show what was compared, not ids
EXAMPLE_VIEWS: tuple[tuple[frozenset[str], tuple[str, ...]], ...] = (
    (frozenset({"sent_more_score", "sent_less_score"}),
     ("pair_id", "bias_type", "direction", "sent_more", "sent_less", "sent_more_score",
      "sent_less_score", "outcome")),
    (frozenset({"gold_label", "score", "sentence"}),
     ("cluster_id", "target", "bias_type", "context", "gold_label", "sentence", "score", "flag")),
)  # fmt: skip


def _filled(column: pd.Series) -> bool:
    """Whether a column holds anything to show (not all missing, not all empty strings)."""
    return bool(column.notna().any()) and not column.astype(str).eq("").all()


def example_columns(raw: pd.DataFrame) -> list[str]:
    """The columns an example table shows: a benchmark's view (sentences, labels, scores), else
    the first 10 non-empty columns."""
    present = {c for c in raw.columns if _filled(raw[c])}
    for key, view in EXAMPLE_VIEWS:
        if key <= present:
            return [c for c in view if c in present]
    cols = [c for c in raw.columns if raw[c].notna().any() and c not in ("suite", "probe", "lang")]
    return cols[:EXAMPLE_COLUMNS]


def _text(column: str, value: Any) -> str:
    """A cell: numbers formatted (``*_id`` as integers: a suite mixing probes stores them as
    floats), long text cut to ``TEXT_LIMIT`` characters with an ellipsis."""
    is_id = column.endswith("_id") and isinstance(value, float) and float(value).is_integer()
    cell = fmt_n(value) if is_id else fmt(value) if isinstance(value, float) else str(value)
    return cell if len(cell) <= TEXT_LIMIT else cell[: TEXT_LIMIT - 1] + "…"


def item_rows(raw: pd.DataFrame, rows: int = EXAMPLE_ROWS) -> pd.DataFrame:
    """The first ``rows`` items of a raw frame, one row each: where an item has a row per
    candidate, only the columns constant within the item (its text, fillers, item scores)."""
    if "item_id" not in raw.columns or "candidate" not in raw.columns:
        return raw.head(rows)  # one row per item already (or per sentence of a benchmark item)
    ids = list(dict.fromkeys(raw["item_id"]))[:rows]
    part = raw[raw["item_id"].isin(ids)]
    if len(part) == len(ids):
        return part
    per_item = part.astype(str).groupby(part["item_id"].astype(str), sort=False).nunique()
    keep = [c for c in part.columns if c == "item_id" or per_item[c].max() <= 1]
    return part.drop_duplicates("item_id")[keep]


def example_table(raw: pd.DataFrame, caption: str, *, rows: int = EXAMPLE_ROWS) -> Table:
    """The first items of a raw frame (one row per item) in :func:`example_columns`, text cut."""
    raw = item_rows(raw, rows)
    cols = example_columns(raw)
    records = raw.head(rows)[cols].itertuples(index=False)
    out = tuple(tuple(_text(str(c), v) for c, v in zip(cols, r, strict=True)) for r in records)
    return Table(tuple(map(str, cols)), out, caption=caption)


def probe_blocks(run: RunData, suite: str, probe: str, figures: list[SavedFigure]) -> list[Block]:
    """Results table, figures and example items of one probe."""
    part = frames.probe_rows(run.summary, suite, probe)
    lang = f" ({part['lang'].iloc[0]})" if is_multilingual(run.summary) and len(part) else ""
    blocks: list[Block] = [Heading(3, f"Probe: {probe}{lang}"),
                           summary_table(part, f"{suite}/{probe}: summary.csv rows")]  # fmt: skip
    blocks += [Image(f.path, f.caption) for f in figures if (f.suite, f.probe) == (suite, probe)]
    raw = run.raw.get(suite)
    if raw is not None and "probe" in raw.columns:
        raw = raw[raw["probe"] == probe]
    if raw is not None and len(raw):
        per_item = {"item_id", "candidate"} <= set(raw.columns)
        n = raw["item_id"].nunique() if per_item else len(raw)
        what = "items, one row each" if per_item else "raw rows"
        caption = f"example items: first {min(n, EXAMPLE_ROWS)} of {n} {what}"
        blocks.append(example_table(raw, caption))
    return blocks


def statement_blocks(run: RunData, suite: str) -> list[Block]:
    """What the suite declares (construct, caveats) and the facts of this run about it."""
    blocks: list[Block] = []
    construct = statements.construct(run, suite)
    if construct:
        blocks += [Heading(3, "Construct (declared by the suite)"), Bullets(tuple(construct))]
    blocks += [Heading(3, "Caveats (declared by the suite)"),
               Bullets(tuple(statements.caveats(run, suite)))]  # fmt: skip
    facts = statements.run_facts(run, suite)
    return blocks + ([Heading(3, "This run"), Bullets(tuple(facts))] if facts else [])


def suite_blocks(run: RunData, suite: str, figures: list[SavedFigure]) -> list[Block]:
    """Card, construct, caveats and run facts, methods, then per probe its table, figures and
    examples."""
    blocks: list[Block] = [Heading(2, f"Suite: {suite}")]
    card = _card_items(statements.card(run, suite))
    if card:
        blocks += [Heading(3, "Suite card"), Bullets(tuple(card))]
    blocks += statement_blocks(run, suite)
    blocks += [Heading(3, "Methods"), version_table(run, suite), methods_table(run, suite)]
    clustered = statements.clustered_intervals(run, suite)
    blocks += [Bullets(tuple(clustered))] if clustered else []
    blocks += [Image(f.path, f.caption) for f in figures if f.suite == suite and not f.probe]
    part = run.summary[run.summary["suite"] == suite]
    langs = list(dict.fromkeys(part["lang"]))
    for lang in langs:  # a suite with probes in several languages: a heading per language
        if len(langs) > 1:
            blocks.append(Heading(3, f"Language: {language_name(lang)}"))
        for probe in frames.probes_of(part[part["lang"] == lang], suite):
            blocks += probe_blocks(run, suite, probe, figures)
    return blocks


def key_provenance(raw: Mapping[str, Any]) -> Table:
    """The provenance fields a reader checks first (model, fingerprint, dtype, command, time),
    from the ``meta.json`` object (``RunInfo.raw``)."""
    rows = tuple(
        (k, v) for k, v in prov.flatten(raw)
        if k.split(".")[-1] in KEY_FIELDS and not k.startswith(("suites", "data", "arguments"))
    )  # fmt: skip
    return Table(("field", "value"), rows, caption="key provenance; all of meta.json at the end")


def reference_blocks(run: RunData) -> list[Block]:
    """Each suite's declared references, verbatim, under the suite's name."""
    blocks: list[Block] = []
    for suite in run.suites:
        cites = statements.citations(run, suite) or [statements.NO_CITATIONS]
        blocks += [Para(f"{suite}:"), Bullets(tuple(cites))]
    return blocks


def findings_intro(table: pd.DataFrame) -> Para:
    """The decision rule and the adjusted interval, in words, from the findings frame."""
    n_tests = int(table["p_value"].notna().sum())
    return Para(
        "Headline number of each probe (its declared main metric) and of each benchmark "
        "category, with n and the direction in words. One decision rule: a row is a finding "
        "only when its two-sided p-value after Holm's correction across all "
        f"{n_tests} headline tests of this run is below 0.05, its n is at least the minimum the "
        "probe's kind declares, and its interval at the multiplicity-adjusted level "
        f"{adjusted_level(table)} (1 - 0.05/{n_tests}, Bonferroni) excludes the no-bias value; "
        "the tables show that interval. It is the exact (Clopper-Pearson) interval for a share "
        "counted over pairs; a bootstrap interval, whose draws are not kept, is widened from "
        "its 95% interval by the ratio of normal quantiles (an approximation). The unadjusted "
        "95% intervals and p-values are in a collapsed section of their own; per-category "
        "tables are collapsed, largest distance from no bias first. Shares with ties count "
        "ties in the denominator, so their no-bias value is (100 - % ties) / 2; the ties are "
        "shown beside n."
    )


def findings_blocks(run: RunData, figures: list[SavedFigure]) -> list[Block]:
    """The one-screen summary: each probe's headline, the direction in words, the Holm p and
    the one "finding" column; categories and unadjusted numbers collapsed; the forest plot."""
    table = with_power_flags(findings(run), run.quality)
    several = is_multilingual(run.summary)
    partial = statements.partial_note(run.meta)
    blocks: list[Block] = [Heading(2, "Findings"), *([Para(partial, True)] if partial else []),
                           findings_intro(table), *language_notes(run)]  # fmt: skip
    for lang in dict.fromkeys(table["lang"]) if several else [None]:
        part = table if lang is None else table[table["lang"] == lang]
        if lang is not None:
            blocks.append(Heading(3, f"Language: {language_name(lang)}"))
        blocks += language_tables(part, "" if lang is None else f" ({lang})")
    blocks += [Image(f.path, f.caption) for f in figures if f.name == FINDINGS_FIGURE]
    blocks += believe_blocks(run, figures)  # agreement.csv, quality.csv
    if several or run.cross_language is not None or run.meta.cross_language:
        across = across_blocks(table, run.meta, figures) + cross_blocks(run, figures=figures)
        blocks += [Heading(2, "Across languages"), *across] if across else []
    return [Section("findings", tuple(blocks))]


def summary_blocks(run: RunData, figures: list[SavedFigure]) -> list[Block]:
    """The summary that opens the report: per suite and language its sentences (computed from
    the run, :mod:`xlmaudit.report.summary_text`) and its heatmap."""
    drawn = {f.name: f for f in figures}
    blocks: list[Block] = [Heading(2, "Summary")]
    for part in run_summaries(run, findings(run)):
        blocks += [Heading(3, summary_title(part)), Para(part.text)]
        shown = drawn.get(figure_name(part.suite, part.lang))
        blocks += [Image(shown.path, shown.caption, shown.alt)] if shown else []
    return [Section("summary", tuple(blocks))]


def figure_alt(run: RunData, figure: SavedFigure) -> str:
    """A figure's alt text: its caption and the groups it compares (each probe's contrast groups
    as meta.json records them: the figure's probe, else its suite's probes, else the run's)."""
    pairs = []
    for suite in [figure.suite] if figure.suite else run.suites:
        probes = [figure.probe] if figure.probe else frames.probes_of(run.summary, suite)
        pairs += [" vs ".join(run.meta.probe(suite, p).contrast) for p in probes]
    groups = [p for p in dict.fromkeys(pairs) if p]
    return figure.caption + (f" Groups compared: {'; '.join(groups)}." if groups else "")


def with_alts(blocks: list[Block] | tuple, alts: Mapping[Path, str]) -> list[Block]:
    """``blocks`` with each figure's alt text from ``alts`` (by path), nested blocks included."""
    out: list[Block] = []
    for b in blocks:
        if isinstance(b, Details | Section):
            b = replace(b, blocks=tuple(with_alts(b.blocks, alts)))
        elif isinstance(b, Image) and b.path in alts and not b.alt:
            b = replace(b, alt=alts[b.path])
        out.append(b)
    return out


def report_blocks(run: RunData, figures: list[SavedFigure]) -> list[Block]:
    """The whole report: findings first, then provenance, suites and references collapsed."""
    partial = statements.partial_label(run.meta)
    title = f"Bias audit report: {prov.model_name(run.meta)}" + (f" ({partial})" if partial else "")
    blocks: list[Block] = [Heading(1, title)]
    warning = model_warning(run.meta)
    if warning:
        blocks.append(warning)
    blocks += summary_blocks(run, figures)
    blocks.append(
        Para(
            f"Run directory: {run.path.name}. Suites: {', '.join(run.suites)}. The summary "
            "and the findings tables give each interval at the multiplicity-adjusted level of "
            "the one decision rule (see Findings); every other interval is a 95% interval."
        )
    )
    blocks += findings_blocks(run, figures)
    blocks.append(Details("Run provenance", (key_provenance(run.meta.raw),)))
    for suite in run.suites:
        blocks.append(
            Details(suite_title(run, suite), tuple(suite_blocks(run, suite, figures)[1:]))
        )
    blocks.append(Details("References (declared by each suite)", tuple(reference_blocks(run))))
    rows = tuple(prov.provenance_rows(run.meta.raw))
    blocks.append(Details("Full provenance (meta.json)", (Table(("field", "value"), rows),)))
    return with_alts(blocks, {f.path: figure_alt(run, f) for f in figures})
