"""The findings tables of one language: the overall headlines, the categories folded, the
unadjusted intervals folded.

Every table applies the one decision rule of :func:`xlmaudit.report.findings.findings`: one
column "finding" (yes / no), the interval shown at the multiplicity-adjusted level, the p-value
after Holm's correction. The unadjusted 95% intervals and p-values are only in a collapsed
section of their own, with no finding column beside them. Category tables (one per suite and
metric) are collapsed, sorted by the distance from the no-bias value (largest first), and name
the metric once, in the header.
"""

from __future__ import annotations

import math

import pandas as pd

from xlmaudit.report import frames
from xlmaudit.report.numbers import distance, estimate, fmt, fmt_n
from xlmaudit.report.render import Block, Details, Table

DETAILS_LEVEL = 4  # Markdown heading level of a collapsed table (under "### Language: ...")


def level_text(confidence: float) -> str:
    """``99.96%``: a confidence level as a percentage, as many digits as it needs (4 at most)."""
    return f"{100 * confidence:.4g}%"


def adjusted_level(table: pd.DataFrame) -> str:
    """The adjusted level of a findings frame, as text (``95%`` for an empty frame)."""
    levels = table["confidence_adjusted"].dropna() if len(table) else pd.Series([0.95])
    return level_text(float(levels.iloc[0]) if len(levels) else 0.95)


def finding_cell(r: pd.Series) -> str:
    """yes / no for :func:`~xlmaudit.report.findings.findings`' ``finding``; "no (n < N)" for a
    row under the kind's declared minimum; "no (no test)" for a row without a p-value."""
    if bool(r["finding"]):
        return "yes"
    if fmt(r["n"]) and float(r["n"]) < float(r.get("min_n") or 0):
        return f"no (n < {int(r['min_n'])})"
    return "no" if fmt(r.get("p_holm")) else "no (no test)"


def p_cell(r: pd.Series) -> str:
    """Holm p; a kind's one-sided p (SEAT) shown beside it, labelled."""
    one = r.get("p_one_sided")
    extra = f" (one-sided {fmt(one)})" if isinstance(one, float) and fmt(one) else ""
    return fmt(r["p_holm"]) + extra


def _n_cell(r: pd.Series) -> str:
    ties = f" ({fmt_n(r['n_ties'])} ties)" if fmt(r.get("n_ties")) and r["n_ties"] else ""
    return fmt_n(r["n"]) + ties


def _adjusted(r: pd.Series) -> str:
    return estimate(r["value"], r["ci_low_adjusted"], r["ci_high_adjusted"], str(r["unit"] or ""))


def _metric(r: pd.Series) -> str:
    return f"{r['metric']} ({r['contrast']})" if r["contrast"] else str(r["metric"])


def overall_table(part: pd.DataFrame, where: str) -> Table:
    """One row per probe headline: value with its adjusted interval, n, direction, Holm p,
    finding."""
    level = adjusted_level(part)
    rows = tuple(
        (f"{r['suite']}/{r['probe']}" + ("" if r["level"] == "overall" else f": {r['group']}"),
         _metric(r), _adjusted(r), _n_cell(r),
         "; ".join(filter(None, (str(r["direction_adjusted"]), str(r.get("warning") or "")))),
         p_cell(r), finding_cell(r))
        for _, r in part.iterrows()
    )  # fmt: skip
    cols = ("probe", "metric (contrast)", f"value [{level} CI]", "n", "direction", "p (Holm)",
            "finding")  # fmt: skip
    return Table(cols, rows, caption=f"per probe, overall{where}")


def effect(r: pd.Series) -> float:
    """The row's distance from its no-bias value (NaN without one)."""
    ref, value = r["reference"], r["value"]
    ok = all(isinstance(x, int | float) and math.isfinite(float(x)) for x in (ref, value))
    return abs(float(value) - float(ref)) if ok else float("nan")


def _signed(r: pd.Series) -> str:
    """``+8.6%`` / ``-3.1``: the signed distance from no bias, at the value's precision."""
    if math.isnan(effect(r)):
        return ""
    low, high = r["ci_low_adjusted"], r["ci_high_adjusted"]
    size, _ = distance(r["value"], low, high, float(r["reference"]), str(r["unit"] or ""))
    return ("+" if r["value"] >= r["reference"] else "-") + size


def top_rows(part: pd.DataFrame) -> pd.Series:
    """The rows of the open table: each probe's overall headline and group differences; a probe
    without an overall row (SEAT: one effect size per test) keeps all its rows there."""
    overall = part["level"].eq("overall")
    has = overall.groupby([part["suite"], part["probe"]]).transform("any")
    return overall | part["level"].eq("contrast") | ~has


def category_details(part: pd.DataFrame, where: str) -> list[Block]:
    """Per suite and metric, its category rows in a collapsed table, largest effect first; the
    metric and its meaning in the header, once."""
    cats = part[~top_rows(part)]
    level = adjusted_level(part)
    out: list[Block] = []
    for (suite, _), rows in cats.groupby(["suite", "metric"], sort=False):
        rows = rows.assign(_effect=rows.apply(effect, axis=1))
        rows = rows.sort_values("_effect", ascending=False, na_position="last", kind="stable")
        first = rows.iloc[0]
        cols = ("probe", "category", f"{_metric(first)} [{level} CI]", "vs no bias", "n",
                "p (Holm)", "finding")  # fmt: skip
        body = tuple(
            (str(r["probe"]), str(r["group"]), _adjusted(r), _signed(r), _n_cell(r), p_cell(r),
             finding_cell(r))
            for _, r in rows.iterrows()
        )  # fmt: skip
        found = int(rows["finding"].sum())
        title = (f"{suite}{where}: {first['metric']} per category, {len(rows)} rows, {found} "
                 "finding" + ("" if found == 1 else "s") + ", largest effect first")  # fmt: skip
        caption = f"{first['metric']}: {first['label']}"
        out.append(Details(title, (Table(cols, body, caption=caption),), level=DETAILS_LEVEL))
    return out


def unadjusted_details(part: pd.DataFrame, where: str) -> Details:
    """Every row's unadjusted 95% interval and p-value (before Holm), collapsed: what a reader of
    summary.csv sees, not the decision rule."""
    rows = tuple(
        (f"{r['suite']}/{r['probe']}", "" if r["group"] in frames.OVERALL_GROUPS else
         str(r["group"]), str(r["metric"]),
         estimate(r["value"], r["ci_low"], r["ci_high"], str(r["unit"] or "")), fmt_n(r["n"]),
         fmt(r["p_value"]))
        for _, r in part.iterrows()
    )  # fmt: skip
    cols = ("probe", "category", "metric", "value [95% CI]", "n", "p (unadjusted)")
    title = f"Unadjusted 95% intervals and p-values{where} (not the decision rule)"
    return Details(title, (Table(cols, rows),), level=DETAILS_LEVEL)


def language_tables(part: pd.DataFrame, where: str) -> list[Block]:
    """The findings tables of one language (or of the whole run): overall, categories folded,
    the unadjusted numbers folded."""
    overall = part[top_rows(part)]
    blocks: list[Block] = [overall_table(overall, where)] if len(overall) else []
    return [*blocks, *category_details(part, where), unadjusted_details(part, where)]
