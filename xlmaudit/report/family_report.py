"""The report of several checkpoints of one recipe (``xlmaudit compare --family``):
``family.csv`` (:func:`xlmaudit.report.family.family_table`), ``family.md`` and ``family.html``.

Sentences come from the kinds' declarations (a metric's label, unit, no-bias value and its
``above``/``below`` words, through :func:`xlmaudit.report.findings.direction_words`) and from the
numbers of the table; nothing is keyed by suite, probe or metric name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from xlmaudit.compare_many import run_labels
from xlmaudit.probes import MetricDoc
from xlmaudit.report.family import VALUE_PREFIX, family_table
from xlmaudit.report.findings import direction_words, headline_doc
from xlmaudit.report.numbers import estimate, fmt, fmt_n
from xlmaudit.report.render import (
    Block,
    Bullets,
    Heading,
    Para,
    Table,
    render_html,
    render_markdown,
)
from xlmaudit.report.run import RunData, load_run_data

FAMILY_METHOD = (
    "Each run is one checkpoint (seed) of one recipe. Rows: each run's headlines as its report's "
    "findings give them (the probe's declared main metric overall, per benchmark category and "
    "per group contrast). Per row: the mean across checkpoints, the between-checkpoint standard "
    "deviation (ddof = 1), min and max, and each checkpoint's side of the row's no-bias value "
    "(the kind's declared reference; CrowS-Pairs: the tie-adjusted one). The sign is stable when "
    "every checkpoint lies on the same side. Within-run intervals are in each run's report; the "
    "sd here is the spread between checkpoints."
)
TABLE_COLUMNS = ("suite/probe", "lang", "group", "metric", "checkpoints", "mean", "sd", "min",
                 "max", "sign stable", "direction", "missing in")  # fmt: skip


@dataclass(frozen=True)
class FamilyFiles:
    """What ``xlmaudit compare --family`` writes."""

    csv: Path
    markdown: Path
    html: Path
    warnings: tuple[str, ...] = ()


def _doc(runs: Mapping[str, RunData], row: pd.Series) -> MetricDoc | None:
    """The row's metric doc, read from the first run that has the row."""
    label = next(lab for lab in runs if pd.notna(row.get(f"{VALUE_PREFIX}{lab}")))
    return headline_doc(runs[label].meta, str(row["suite"]), str(row["probe"]), str(row["metric"]))


def sign_words(row: pd.Series, doc: MetricDoc | None) -> str:
    """``the sign is stable in 2 of 2 checkpoints: on their mean, the model prefers ...``."""
    n, unit = int(row["n_checkpoints"]), doc.unit if doc else ""
    if pd.isna(row["reference"]):
        return "its kind declares no no-bias value, so no sign is read"
    ref = estimate(row["reference"], unit=unit)
    if n < 2:
        return "one checkpoint only: no spread or sign stability"
    if row["direction"] == "at reference":
        return f"every checkpoint is at the no-bias value {ref}"
    if row["direction"] == "mixed":
        at = int(row["n_at_reference"])
        rest = f", {at} at it" if at else ""
        return (f"the sign is not stable: {int(row['n_above'])} of {n} checkpoints lie above "
                f"the no-bias value {ref}, {int(row['n_below'])} below{rest}")  # fmt: skip
    words = direction_words(doc, float(row["mean"]), float("nan"), float("nan"),
                            reference=float(row["reference"]))  # fmt: skip
    words = re.sub(r"\s+\)", ")", words) or f"{row['direction']} the no-bias value {ref}"
    return f"the sign is stable in {n} of {n} checkpoints: on their mean, {words}"


def family_sentence(row: pd.Series, doc: MetricDoc | None, n_runs: int) -> str:
    """One headline row of the family in words."""
    unit = doc.unit if doc else ""
    where = ", ".join(str(x) for x in (row["lang"], row["group"]) if x)
    label = doc.label if doc else str(row["metric"])
    spread = (f"between-checkpoint sd {estimate(row['sd'], unit=unit)}, "
              if pd.notna(row["sd"]) else "")  # fmt: skip
    text = (f"{row['suite']}/{row['probe']} ({where}), {label}: mean "
            f"{estimate(row['mean'], unit=unit)} over {int(row['n_checkpoints'])} of {n_runs} "
            f"checkpoints ({spread}range {estimate(row['min'], unit=unit)} to "
            f"{estimate(row['max'], unit=unit)}); {sign_words(row, doc)}")  # fmt: skip
    missing = f" Missing in {row['missing_in']}." if row["missing_in"] else ""
    return text + "." + missing


def category_sentences(table: pd.DataFrame) -> list[str]:
    """Per probe with category rows: how many keep their sign, which do not, which are missing."""
    out = []
    cats = table[table["level"] == "category"]
    for (suite, probe, lang, metric), part in cats.groupby(
        ["suite", "probe", "lang", "metric"], sort=False
    ):
        judged = part[part["sign_stable"].notna()]
        stable = int(judged["sign_stable"].astype(bool).sum())
        text = (f"{suite}/{probe} ({lang}), {metric} per category: the sign is stable in "
                f"{stable} of {len(judged)} categories")  # fmt: skip
        flips = judged[~judged["sign_stable"].astype(bool)]
        if len(flips):
            text += "; not stable: " + ", ".join(
                f"{r.group} ({r.n_above} above, {r.n_below} below"
                + (f", {r.n_at_reference} at the no-bias value)" if r.n_at_reference else ")")
                for r in flips.itertuples(index=False)
            )
        gone = part[part["missing_in"] != ""]
        if len(gone):
            text += "; in only some runs: " + ", ".join(
                f"{r.group} (missing in {r.missing_in})" for r in gone.itertuples(index=False)
            )
        out.append(text + ".")
    return out


def _table(table: pd.DataFrame) -> Table:
    rows = tuple(
        (f"{r['suite']}/{r['probe']}", str(r["lang"]), str(r["group"]), str(r["metric"]),
         fmt_n(r["n_checkpoints"]), fmt(r["mean"]), fmt(r["sd"]), fmt(r["min"]), fmt(r["max"]),
         "" if pd.isna(r["sign_stable"]) else ("yes" if r["sign_stable"] else "no"),
         str(r["direction"]), str(r["missing_in"]))
        for _, r in table.iterrows()
    )  # fmt: skip
    return Table(TABLE_COLUMNS, rows, caption="every headline row across the checkpoints")


def family_blocks(runs: Mapping[str, RunData], table: pd.DataFrame) -> list[Block]:
    """The family report, top to bottom."""
    heads = table[table["level"] != "category"]
    blocks: list[Block] = [Heading(1, f"Checkpoints of one recipe: {len(runs)} runs")]
    warnings = tuple(table.attrs.get("warnings") or ())
    if warnings:
        blocks += [Heading(2, "Warnings"), Bullets(warnings)]
    blocks += [Heading(2, "Method"), Para(FAMILY_METHOD), Heading(2, "Headlines"),
               Bullets(tuple(family_sentence(r, _doc(runs, r), len(runs))
                             for _, r in heads.iterrows()))]  # fmt: skip
    cats = category_sentences(table)
    if cats:
        blocks += [Heading(2, "Categories"), Bullets(tuple(cats))]
    paths = tuple(f"{k}: {r.path or 'in memory'}" for k, r in runs.items())
    blocks += [Heading(2, "Every row"), _table(table), Heading(2, "Runs"), Bullets(paths)]
    return blocks


def write_family(
    runs: Mapping[str, RunData], table: pd.DataFrame, *, out: str | Path
) -> FamilyFiles:
    """Write ``family.csv``, ``family.md`` and ``family.html`` into ``out``."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    csv, md, html = out / "family.csv", out / "family.md", out / "family.html"
    table.to_csv(csv, index=False)
    blocks = family_blocks(runs, table)
    md.write_text(render_markdown(blocks, base=out), encoding="utf-8")
    html.write_text(render_html(blocks, title="xlmaudit: checkpoints of one recipe"), "utf-8")
    return FamilyFiles(csv, md, html, tuple(table.attrs.get("warnings") or ()))


def build_family(dirs: Sequence[str | Path], *, out: str | Path,
                 allow_different_data: bool = False) -> FamilyFiles:  # fmt: skip
    """Read the run directories (checkpoints of one recipe) and write the family report."""
    runs = {}
    for label, d in zip(run_labels(dirs), dirs, strict=True):
        runs[label] = load_run_data(d)
    table = family_table(runs, allow_different_data=allow_different_data)
    return write_family(runs, table, out=out)
