"""The figure that follows each summary: per suite and language, estimators (rows) x categories
(columns), coloured by the signed distance from the no-bias value, findings dotted, categories too
small to detect a 5-point bias hatched. Groups and words come from the kind's declarations."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd
from matplotlib.figure import Figure

from xlmaudit.report import plots
from xlmaudit.report import summary_text as st
from xlmaudit.report.languages import language_name
from xlmaudit.report.numbers import PERCENT_UNITS
from xlmaudit.report.run import RunData

PREFIX = "summary"
OVERALL_COLUMN = "all items"


@dataclass(frozen=True)
class SummaryFigure:
    suite: str
    lang: str
    name: str
    figure: Figure
    caption: str
    alt: str


def figure_name(suite: str, lang: str) -> str:
    """``summary_crows_pairs_fr_fr``: the file name (without ``.png``) of a summary figure."""
    text = "_".join((PREFIX, suite, lang)).lower()
    return "".join(ch if ch.isalnum() else "_" for ch in text).strip("_")


def _directional(run: RunData, part: pd.DataFrame) -> tuple[pd.DataFrame, tuple[str, str]] | None:
    """The rows of the first contrast (and unit) whose metric has a direction, and its words."""
    for _, same in part.groupby(["contrast", "unit"], sort=False):
        r = same.iloc[0]
        record = run.meta.probe(str(r["suite"]), str(r["probe"]))
        sides = st.side_words(record.doc(str(r["metric"])) if record.kind else None)
        if sides is not None:
            return same, sides
    return None


def heat_frame(rows: pd.DataFrame, quality: pd.DataFrame | None) -> pd.DataFrame:
    """``row``, ``column``, ``effect``, ``finding``, ``small`` for :func:`plots.effect_heatmap`:
    overall first, then categories by mean absolute effect, largest first."""
    several = rows["metric"].nunique() > 1
    frame = pd.DataFrame({
        "row": [f"{p} ({m})" if several else str(p) for p, m in zip(rows["probe"], rows["metric"],
                                                                    strict=True)],
        "column": [OVERALL_COLUMN if lv == "overall" else str(g)
                   for lv, g in zip(rows["level"], rows["group"], strict=True)],
        "effect": rows.apply(st.distance, axis=1).astype(float).to_numpy(),
        "finding": rows.apply(st.is_finding, axis=1).astype(bool).to_numpy(),
        "small": st.too_small(rows, quality).fillna(False).astype(bool).to_numpy(),
    })  # fmt: skip
    size = frame.groupby("column")["effect"].apply(lambda e: e.abs().mean())
    size = size.drop(OVERALL_COLUMN, errors="ignore").sort_values(ascending=False, kind="stable")
    order = {c: k for k, c in enumerate([OVERALL_COLUMN, *size.index])}
    return frame.sort_values("column", key=lambda c: c.map(order), kind="stable")


def _unit_words(rows: pd.DataFrame) -> str:
    unit = str(rows["unit"].iloc[0] or "")
    return "percentage points" if unit in PERCENT_UNITS else f"units of {rows['label'].iloc[0]}"


def summary_figure(
    run: RunData, table: pd.DataFrame, suite: str, lang: str, quality: pd.DataFrame | None
) -> SummaryFigure | None:
    """The heatmap of ``suite`` in ``lang``, or None when no metric of it has a direction."""
    part = table[(table["suite"] == suite) & (table["lang"] == lang)]
    found = _directional(run, part)
    if found is None:
        return None
    rows, (above, below) = found
    noun = st.noun_of(run, rows)[1]
    language = language_name(lang)
    bar = (f"distance from no bias, {_unit_words(rows)}; red: the model {above}; blue: the "
           f"model {below}")  # fmt: skip
    metric = ", ".join(dict.fromkeys(rows["metric"].astype(str)))
    why = f"power < 0.8, {st.QUALITY_FILE}" if quality is not None else "n under the minimum"
    fig = plots.effect_heatmap(
        heat_frame(rows, quality), title=f"{suite}, {language}: {metric} by {noun} and category",
        colorbar_label=bar,
        finding_label="finding (Holm p < 0.05, n at least the minimum, interval excludes no bias)",
        small_label=f"too few items to detect a 5-point bias ({why})",
    )  # fmt: skip
    caption = (f"{suite}, {language}: {metric} per {noun} (rows) and category (columns), as the "
               f"distance from no bias ({_unit_words(rows)}); red: the model {above}, blue: the "
               f"model {below}; a dot marks a finding, hatching a category too small to detect "
               "a 5-point bias.")  # fmt: skip
    alt = (f"Heatmap of {suite} in {language}: {noun}s as rows, categories as columns. Red "
           f"cells: the model {above}; blue cells: the model {below}. Dots mark findings; "
           "hatched cells are too small to detect a 5-point bias.")  # fmt: skip
    return SummaryFigure(suite, lang, figure_name(suite, lang), fig, caption, alt)


def summary_figures(run: RunData, table: pd.DataFrame) -> Iterator[SummaryFigure]:
    """One :func:`summary_figure` per suite and language of ``table`` that has a direction."""
    quality = run.quality
    for suite in dict.fromkeys(table["suite"]):
        for lang in dict.fromkeys(table.loc[table["suite"] == suite, "lang"]):
            made = summary_figure(run, table, str(suite), str(lang), quality)
            if made is not None:
                yield made
