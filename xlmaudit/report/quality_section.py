"""The findings' "How much to believe these numbers" part: agreement between measures
(``agreement.csv``: where two measures of one bias type disagree in direction, Kendall's tau,
the heatmap) and the quality of each probe's measurement (``quality.csv``: minimum detectable
effect, power to detect a 5-point bias, design effect, split-half reliability).

Every sentence is built from the run's tables and the kinds' declarations (``MetricDoc``
``above`` / ``below`` through :func:`xlmaudit.report.findings.direction_words`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from xlmaudit.agreement import Measure, match_categories, measures
from xlmaudit.metrics.quality import POWER  # less power than this for 5 points: flagged
from xlmaudit.report import frames
from xlmaudit.report.agreement_plots import AGREEMENT_FIGURE, alt_text
from xlmaudit.report.figures import SavedFigure
from xlmaudit.report.findings import direction_words
from xlmaudit.report.numbers import fmt, fmt_n, interval
from xlmaudit.report.render import Block, Bullets, Heading, Image, Para, Table
from xlmaudit.report.run import RunData

TITLE = "How much to believe these numbers"

LOW_POWER = "too small to detect a 5-point bias"
MAX_SENTENCES = 12  # direction disagreements named in the report (all are in agreement.csv)
KEYS = ("suite", "probe", "lang", "group", "metric")


def _words(run: RunData, m: Measure, category: str) -> str:
    r = m.rows.loc[category]
    doc = run.meta.probe(m.suite, m.probe).doc(m.metric)
    return direction_words(doc, float(r["value"]), float(r["ci_low"]), float(r["ci_high"]), r,
                           reference=float(r["reference"]))  # fmt: skip


def disagreements(run: RunData, agreement: pd.DataFrame) -> list[str]:
    """One sentence per category where two comparable measures (same kind or contrast) sit on
    opposite sides of no bias with both intervals excluding it (``opposite_significant``)."""
    rows = agreement[(agreement["over"] == "categories") & agreement["comparable"].astype(bool)]
    named = rows["opposite_significant"]  # read back from CSV: NaN where empty
    rows = rows[named.notna() & (named.astype(str) != "")]
    if rows.empty:
        return []
    found = {m.id: m for m in measures(run.summary, run.meta)}
    out = []
    for _, r in rows.iterrows():
        a, b = found.get(r["measure_a"]), found.get(r["measure_b"])
        if a is None or b is None:
            continue
        matched = match_categories(list(a.rows.index), list(b.rows.index))
        for cat in str(r["opposite_significant"]).split(";"):
            if cat in matched:
                out.append(f"{a.id} and {b.id} disagree in direction on {cat}: by {a.id}, "
                           f"{_words(run, a, cat)}; by {b.id}, "
                           f"{_words(run, b, matched[cat])}.")  # fmt: skip
    return out


def agreement_table(agreement: pd.DataFrame) -> Table:
    """A row per pair of measures: basis, n, Kendall's tau (p), share on the same side."""
    rows = tuple(
        (f"{r['measure_a']} vs {r['measure_b']}", str(r["over"]), fmt_n(r["n"]),
         f"{fmt(r['kendall_tau'])} (p {fmt(r['tau_p'])})" if fmt(r["kendall_tau"]) else "n/a",
         fmt(r["sign_agreement"]), fmt_n(r["n_opposite"]))
        for _, r in agreement.iterrows()
    )  # fmt: skip
    cols = ("measures", "over", "n", "Kendall's tau (p)", "same side of no bias", "opposite")
    return Table(cols, rows, caption="agreement.csv: pairs of measures scoring the same "
                                     "categories or items")  # fmt: skip


def agreement_blocks(run: RunData, figures: Sequence[SavedFigure]) -> list[Block]:
    """The agreement part: what was compared, direction disagreements in words, table, heatmap."""
    table = run.agreement
    if table is None or table.empty:
        return []
    intro = Para(
        f"{len(table)} comparisons of measures that score the same categories (or the same "
        "items) in this run. Kendall's tau compares their rankings (1: same order, -1: "
        'reversed, 0: unrelated); "same side of no bias" is the share of shared categories '
        "that both measures put on the same side of their no-bias value. Where two measures "
        "disagree, neither number alone is a finding about the model."
    )
    said = disagreements(run, table)
    if said:
        more = len(said) - MAX_SENTENCES
        rest = [f"... and {more} more (agreement.csv)"] if more > 0 else []
        items = said[:MAX_SENTENCES] + rest
        words: list[Block] = [Bullets(tuple(items))]
    else:
        words = [Para("No two measures of the same kind or contrast disagree in direction on a "
                      "category where both intervals exclude no bias.")]  # fmt: skip
    images = [Image(f.path, f.caption, alt=alt_text(table))
              for f in figures if f.name == AGREEMENT_FIGURE]  # fmt: skip
    return [intro, *words, agreement_table(table), *images]


def _headline(part: pd.DataFrame, main: str) -> pd.Series:
    """A probe's quality row of its main metric's overall row (else its first row)."""
    best = part[(part["metric"] == main) & part["group"].astype(str).isin(frames.OVERALL_GROUPS)]
    return (best if len(best) else part).iloc[0]


def quality_table(run: RunData, quality: pd.DataFrame) -> Table:
    """A row per probe: MDE, power against a 5-point bias, clusters, design effect, split-half
    reliability [95% range] of its headline row, and how many of its rows are under-powered."""
    rows = []
    keys = [k for k in ("suite", "probe", "lang") if k in quality.columns]
    for key, part in quality.groupby(keys, sort=False):
        suite, probe = str(key[0]), str(key[1])
        r = _headline(part, run.meta.probe(suite, probe).main_metric)
        power = pd.to_numeric(part.get("power_5pt"), errors="coerce")
        low = f"{int((power < POWER).sum())} of {int(power.notna().sum())}"
        spread = interval(r.get("split_half_low"), r.get("split_half_high"))
        split = " ".join(filter(None, (fmt(r.get("split_half")), spread)))
        rows.append((f"{suite}/{probe}", str(r["metric"]), fmt_n(r.get("n")), fmt(r.get("mde")),
                     fmt(r.get("power_5pt")), fmt_n(r.get("n_clusters")),
                     fmt(r.get("design_effect")), split, fmt(r.get("template_share")),
                     low))  # fmt: skip
    cols = ("probe", "metric", "n", "MDE", "power (5 points)", "clusters", "design effect",
            "split-half [95% range]", "template share",
            f"rows under {POWER:.0%} power")  # fmt: skip
    return Table(cols, tuple(rows), caption="quality.csv: each probe's headline row")


def quality_blocks(quality: pd.DataFrame | None, run: RunData) -> list[Block]:
    """The measurement-quality part (nothing when the run has no ``quality.csv``)."""
    if quality is None or quality.empty:
        return []
    intro = Para(
        "MDE: the smallest deviation from no bias this run could detect (80% power, alpha "
        "0.05); power (5 points): the chance to detect a 5-point deviation; design effect: how "
        "much shared templates or sources inflate the variance; split-half: the Spearman-Brown "
        f"corrected reliability of the category profile. Findings rows with power under "
        f'{POWER:.0%} are marked "{LOW_POWER}".'
    )
    return [intro, quality_table(run, quality)]


def low_power(table: pd.DataFrame, quality: pd.DataFrame | None) -> pd.Series:
    """Per findings row: True where its quality row's ``power_5pt`` is under :data:`POWER`."""
    if quality is None or quality.empty or "power_5pt" not in quality.columns:
        return pd.Series(False, index=table.index)
    keys = [k for k in KEYS if k in quality.columns and k in table.columns]
    q = quality.astype({k: str for k in keys}).drop_duplicates(keys)
    merged = table[keys].astype(str).merge(q[[*keys, "power_5pt"]], on=keys, how="left")
    power = pd.to_numeric(merged["power_5pt"], errors="coerce").to_numpy()
    return pd.Series(power < POWER, index=table.index)


def with_power_flags(table: pd.DataFrame, quality: pd.DataFrame | None) -> pd.DataFrame:
    """The findings frame with :data:`LOW_POWER` added to the ``warning`` of under-powered rows."""
    flag = low_power(table, quality)
    if not flag.any():
        return table
    warning = table["warning"].fillna("").astype(str)
    joined = [("; ".join(filter(None, (w, LOW_POWER))) if f else w)
              for w, f in zip(warning, flag, strict=True)]  # fmt: skip
    return table.assign(warning=joined)


def believe_blocks(
    run: RunData, figures: Sequence[SavedFigure], quality: Any = None
) -> list[Block]:
    """The whole part under its heading (nothing when the run has neither table)."""
    quality = run.quality if quality is None else quality
    blocks = agreement_blocks(run, figures) + quality_blocks(quality, run)
    return [Heading(3, TITLE), *blocks] if blocks else []
