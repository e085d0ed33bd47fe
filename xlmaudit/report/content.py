"""The report's content as blocks: provenance, suite cards, methods, tables, figures, examples."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from xlmaudit.report import provenance as prov
from xlmaudit.report.figures import SavedFigure
from xlmaudit.report.load import RunData
from xlmaudit.report.methods import CITATIONS, GENERAL_CAVEATS, metric_info, suite_notes
from xlmaudit.report.render import Block, Bullets, Heading, Image, Para, Table

EXAMPLE_ROWS = 6
TEXT_LIMIT = 160
SUMMARY_BASE = ("suite", "probe", "group", "metric", "value", "ci_low", "ci_high", "n", "p_value")


def fmt(value: Any, digits: int = 3) -> str:
    """A number for a table: ``digits`` decimals, integers as such, missing as an empty cell."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:.2e}" if value != 0 and abs(value) < 10**-digits else f"{value:.{digits}f}"
    return str(value)


def fmt_n(value: Any) -> str:
    """A count: an integer, missing as an empty cell."""
    text = fmt(value)
    return str(int(float(value))) if text else ""


def interval(low: Any, high: Any) -> str:
    """``[low, high]``, or empty when the interval is missing."""
    return "" if fmt(low) == "" or fmt(high) == "" else f"[{fmt(low)}, {fmt(high)}]"


def model_warning(meta: dict[str, Any]) -> Para | None:
    """The banner a reader must see first when the numbers are not findings about a real model."""
    kind = prov.model_kind(meta)
    if meta.get("synthetic"):
        return Para("Synthetic run directory for tests: every number below is made up.", True)
    if kind == "planted":
        return Para(
            "This is the planted-bias calibration model shipped with xlmaudit, trained on a "
            "synthetic corpus whose biases are known. Its numbers check the toolkit; they are not "
            "findings about any released model.",
            True,
        )
    if kind == "random":
        return Para(
            "This model has random weights: its bias scores are meaningless and must not "
            "be reported as findings.",
            True,
        )
    return None


def summary_table(summary: pd.DataFrame, suite: str) -> Table:
    """All summary rows of ``suite`` with their 95% intervals, extra columns kept at the end."""
    part = summary[summary["suite"] == suite]
    extra = [c for c in part.columns if c not in SUMMARY_BASE]
    columns = ("probe", "group", "metric", "value", "95% CI", "n", "p-value", *extra)
    rows = tuple(
        (
            str(r.probe),
            str(r.group),
            str(r.metric),
            fmt(r.value),
            interval(r.ci_low, r.ci_high),
            fmt_n(r.n),
            fmt(getattr(r, "p_value", None)),
            *(fmt(getattr(r, c)) for c in extra),
        )
        for r in part.itertuples(index=False)
    )
    return Table(columns, rows, caption=f"{suite}: summary.csv rows")


def data_rows(meta: dict[str, Any], suite: str) -> list[tuple[str, str]]:
    """(file, checksum) of the data files ``suite`` read, from ``meta.json``."""
    entry = prov.suite_entry(meta, suite)
    data = entry.get("data") or meta.get("data") or meta.get("data_checksums") or {}
    if not isinstance(data, dict):
        return []
    keys = (suite, suite.replace("-", "_"), suite.replace("-", ""))
    rows = []
    for name, value in data.items():
        if entry.get("data") or any(k in str(name).lower() for k in keys):
            checksum = value.get("sha256", value) if isinstance(value, dict) else value
            rows.append((str(name), str(checksum)))
    return rows


def methods_table(run: RunData, suite: str) -> Table:
    """One row per metric: meaning and units, estimator, suite version, data and checksum."""
    version = prov.suite_version(run.meta, suite) or "not recorded"
    data = "; ".join(f"{n} (sha256 {c})" for n, c in data_rows(run.meta, suite))
    data = data or "templates and lexicons of the suite file only"
    metrics = dict.fromkeys(run.summary.loc[run.summary["suite"] == suite, "metric"])
    rows = tuple((m, metric_info(m).label, metric_info(m).method, version, data) for m in metrics)
    return Table(
        ("metric", "meaning (units)", "estimator", "suite version", "data (checksum)"),
        rows,
        caption=f"{suite}: how each number was computed",
    )


def _card_items(card: Any) -> list[str]:
    if isinstance(card, str):
        return [card]
    if isinstance(card, dict):
        items = []
        for key, value in card.items():
            text = "; ".join(map(str, value)) if isinstance(value, list) else str(value)
            items.append(f"{key}: {text}")
        return items
    if isinstance(card, list):
        return [str(v) for v in card]
    return []


def suite_blocks(run: RunData, suite: str, figures: list[SavedFigure]) -> list[Block]:
    """Card, caveats, methods, table, figures and example items of one suite."""
    blocks: list[Block] = [Heading(2, f"Suite: {suite}")]
    card = _card_items(prov.suite_entry(run.meta, suite).get("card"))
    if card:
        blocks += [Heading(3, "Suite card"), Bullets(tuple(card))]
    notes = suite_notes(suite)
    blocks += [Heading(3, "Caveats"), Bullets(tuple(notes["caveats"]))]
    blocks += [Heading(3, "Methods"), methods_table(run, suite)]
    blocks += [Heading(3, "Results"), summary_table(run.summary, suite)]
    blocks += [Image(f.path, f.caption) for f in figures if f.suite == suite]
    raw = run.raw.get(suite)
    if raw is not None and len(raw):
        blocks += [Heading(3, "Example items"), example_table(raw, suite)]
    return blocks


def example_table(raw: pd.DataFrame, suite: str, *, rows: int = EXAMPLE_ROWS) -> Table:
    """The first rows of ``raw/<suite>.parquet`` (at most 9 columns), long text cut."""
    cols = list(raw.columns[:9])
    out = []
    for record in raw.head(rows)[cols].itertuples(index=False):
        cells = [fmt(v) if isinstance(v, float) else str(v) for v in record]
        out.append(tuple(c if len(c) <= TEXT_LIMIT else c[: TEXT_LIMIT - 1] + "…" for c in cells))
    return Table(
        tuple(cols),
        tuple(out),
        caption=f"first {len(out)} of {len(raw)} rows of raw/{suite}.parquet",
    )


KEY_FIELDS = (
    "name",
    "id",
    "path",
    "fingerprint",
    "revision",
    "dtype",
    "device",
    "seed",
    "command",
    "started",
    "finished",
    "start_time",
    "end_time",
    "xlmaudit",
)


def key_provenance(meta: dict[str, Any]) -> Table:
    """The provenance fields a reader checks first (model, fingerprint, dtype, command, time)."""
    rows = tuple(
        (k, v)
        for k, v in prov.flatten(meta)
        if k.split(".")[-1] in KEY_FIELDS and not k.startswith(("suites", "data"))
    )
    return Table(
        ("field", "value"), rows, caption="key provenance; the full meta.json is at the end"
    )


def report_blocks(run: RunData, figures: list[SavedFigure]) -> list[Block]:
    """The whole report, top to bottom."""
    name = prov.model_name(run.meta)
    blocks: list[Block] = [Heading(1, f"Bias audit report: {name}")]
    warning = model_warning(run.meta)
    if warning:
        blocks.append(warning)
    blocks.append(
        Para(
            f"Run directory: {run.path.name}. Suites: {', '.join(run.suites)}. Every "
            "interval is a 95% interval; p-values are those stored in summary.csv."
        )
    )
    blocks += [Heading(2, "Run provenance"), key_provenance(run.meta)]
    for suite in run.suites:
        blocks += suite_blocks(run, suite, figures)
    blocks += [Heading(2, "General caveats"), Bullets(GENERAL_CAVEATS)]
    cited = dict.fromkeys(k for s in run.suites for k in suite_notes(s)["citations"])
    blocks += [Heading(2, "References"), Bullets(tuple(CITATIONS[k] for k in cited))]
    rows = tuple(prov.provenance_rows(run.meta))
    blocks += [Heading(2, "Full provenance (meta.json)"), Table(("field", "value"), rows)]
    return blocks
