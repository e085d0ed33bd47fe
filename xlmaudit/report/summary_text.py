"""The summary that opens a report and the model card's findings: per suite and language, three to
six sentences computed from the run's findings rows (and ``quality.csv`` / ``agreement.csv`` when
the run has them). Every word comes from a kind's declarations (a metric's ``above``/``below``
sentences and contrast groups) or a fact of the run; nothing is keyed by a suite's name.

1. The headline: the suite's first probe's main metric with its interval and direction in words.
2. Whether the estimators (or poolings, or probes) agree in direction, counted from their rows.
3. The rows that are findings (one rule: :func:`is_finding`), largest distance from no bias first.
4. What the run could not detect: categories whose power for a 5-point bias is under 0.8
   (``quality.csv``), else categories under the kind's declared minimum n.
5. The languages the suite left out of the run.

After the headline, where a probe of the suite is below the competence floor in that language
(``competence.csv``, :mod:`xlmaudit.competence`), a sentence says the model does not handle it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from xlmaudit.competence import competence_sentence
from xlmaudit.metrics.quality import POWER
from xlmaudit.probes import MetricDoc
from xlmaudit.report import numbers
from xlmaudit.report.languages import language_name, skipped_languages
from xlmaudit.report.run import RunData

FINDING_ALPHA = 0.05  # Holm-adjusted p below this (with n and interval): a finding
MAX_LISTED = 5  # findings named in the sentence; the rest are counted
QUALITY_FILE = "quality.csv"
AGREEMENT_FILE = "agreement.csv"
NUMBER_FIELDS = ("{size}", "{ci}", "{value}", "{interval}")
TRAILING = frozenset({"in", "by", "of", "with", "than", "a", "an", "the", "to", "only", "and"})


@dataclass(frozen=True)
class Sentence:
    """One summary sentence and the findings rows (index labels) whose estimates it quotes, in
    the order it quotes them (a test checks each ``x [a, b]`` against its row)."""

    text: str
    rows: tuple[Any, ...] = ()


@dataclass(frozen=True)
class SuiteSummary:
    """The sentences about one suite in one language."""

    suite: str
    lang: str
    sentences: tuple[Sentence, ...]

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)


def _finite(x: Any) -> bool:
    number = isinstance(x, int | float | np.number) and not isinstance(x, bool | np.bool_)
    return number and math.isfinite(float(x))


def side_words(doc: MetricDoc | None) -> tuple[str, str] | None:
    """(what a value above the no-bias value means, what one below means), cut from the kind's
    ``above``/``below`` sentences before their numbers: ``prefers the more-stereotyping
    sentence``. None for a metric without a direction (same words on both sides)."""
    if doc is None or doc.reference is None or not doc.above or not doc.below:
        return None
    sides = (_lead(doc.above), _lead(doc.below))
    if not all(len(s.split()) >= 2 for s in sides) or sides[0] == sides[1]:
        return None
    return sides


def _lead(text: str) -> str:
    cut = min((text.find(f) for f in NUMBER_FIELDS if f in text), default=len(text))
    head = re.split(r"[(:;,]", text[:cut])[0]
    if "{" in head:  # names a column of the row (SEAT's sets): no short form
        return ""
    words = head.split()
    while words and words[-1] in TRAILING:
        words.pop()
    return " ".join(words)


def _docs(run: RunData, r: pd.Series) -> MetricDoc | None:
    record = run.meta.probe(str(r["suite"]), str(r["probe"]))
    return record.doc(str(r["metric"])) if record.kind else None


def excludes_reference(r: pd.Series) -> bool:
    """The row's interval lies wholly on one side of its no-bias value and n reaches the
    kind's declared minimum."""
    ref, low, high = r.get("reference"), r.get("ci_low"), r.get("ci_high")
    if not (_finite(ref) and _finite(low) and _finite(high)):
        return False
    enough = _finite(r.get("n")) and float(r["n"]) >= float(r.get("min_n") or 0)
    return enough and not float(low) <= float(ref) <= float(high)


def is_finding(r: pd.Series) -> bool:
    """The one decision rule: the frame's ``finding`` column where it has one; else Holm p below
    0.05, n at least the declared minimum and the interval excluding the no-bias value."""
    given = r.get("finding")
    if isinstance(given, bool) or (given is not None and _finite(given)):
        return bool(given)
    return _finite(r.get("p_holm")) and r["p_holm"] < FINDING_ALPHA and excludes_reference(r)


def distance(r: pd.Series) -> float:
    """How far the row lies from its no-bias value, in the unit a sentence prints (NaN: none)."""
    if not (_finite(r.get("value")) and _finite(r.get("reference"))):
        return float("nan")
    return (float(r["value"]) - float(r["reference"])) * numbers.scale(str(r.get("unit") or ""))


def _interval(r: pd.Series) -> tuple[float, float]:
    """The row's interval at the multiplicity-adjusted level where the findings frame has it
    (the decision rule's interval), else its 95% interval."""
    if "ci_low_adjusted" in r.index:
        return r["ci_low_adjusted"], r["ci_high_adjusted"]
    return r["ci_low"], r["ci_high"]


def _estimate(r: pd.Series) -> str:
    return numbers.estimate(r["value"], *_interval(r), str(r.get("unit") or ""))


def _what(r: pd.Series) -> str:
    if r["level"] == "overall":
        return str(r["probe"])
    return f"{r['group']} ({r['probe']})"


def _p_words(r: pd.Series) -> str:
    facts = [f"n = {numbers.fmt_n(r['n'])}"] if _finite(r.get("n")) else []
    if _finite(r.get("p_holm")):
        facts.append(f"Holm p = {numbers.fmt(r['p_holm'])}")
        facts.append("a finding" if is_finding(r) else "not a finding")
    return "; ".join(facts)


def headline(part: pd.DataFrame) -> Sentence | None:
    """The first probe's headline row, with its interval, direction and the decision."""
    order = part["level"].map({"overall": 0, "contrast": 1}).fillna(2)
    if not len(part):
        return None
    idx = order.sort_values(kind="stable").index[0]
    r = part.loc[idx]
    said = str(r.get("direction_adjusted", r["direction"])) or f"{r['label']} is {_estimate(r)}"
    group = "" if r["level"] == "overall" else f", {r['group']}"
    quoted = numbers.estimate_parts(r["value"], *_interval(r))[1]
    return Sentence(f"Headline ({r['probe']}, {r['metric']}{group}): {said} ({_p_words(r)}).",
                    (idx,) if quoted else ())  # fmt: skip


def noun_of(run: RunData, rows: pd.DataFrame) -> tuple[str, str]:
    """(plural noun, singular) for the probes of ``rows``: estimators where the summary names a
    different estimator for each probe, else probes."""
    summary = run.summary
    probes = list(dict.fromkeys(zip(rows["suite"], rows["probe"], strict=True)))
    if "estimator" in summary.columns:
        named = [summary.loc[(summary["suite"] == s) & (summary["probe"] == p), "estimator"]
                 for s, p in probes]  # fmt: skip
        values = {str(e.dropna().iloc[0]) for e in named if e.notna().any()}
        if len(values) == len(probes) > 1:
            return "estimators", "estimator"
    return "probes", "probe"


def agreement(run: RunData, part: pd.DataFrame) -> list[Sentence]:
    """Per contrast (and unit) measured by two or more probes (estimators, poolings) over all
    items: how many lean each way, and whether the direction depends on the estimator (both
    sides hold a row whose interval excludes the no-bias value)."""
    out = []
    rows = part[part["level"].isin(["overall", "contrast"])]
    for _, same in rows.groupby(["contrast", "group", "unit"], sort=False):
        if len(same) < 2:
            continue
        sides = side_words(_docs(run, same.iloc[0]))
        dist = same.apply(distance, axis=1)
        if sides is None or dist.isna().any():
            continue
        out.append(_agreement_sentence(run, same, dist, sides))
    return out


def _agreement_sentence(
    run: RunData, same: pd.DataFrame, dist: pd.Series, sides: tuple[str, str]
) -> Sentence:
    plural, singular = noun_of(run, same)
    up, down = same[dist > 0], same[dist < 0]
    supported = [bool(s.apply(excludes_reference, axis=1).any()) if len(s) else False
                 for s in (up, down)]  # fmt: skip
    names = [", ".join(map(str, s["probe"])) for s in (up, down)]
    n = len(same)
    if not len(down) or not len(up):
        k, word = (len(up), sides[0]) if len(up) else (len(down), sides[1])
        rest = n - k
        tail = f"; {rest} find{'s' if rest == 1 else ''} no preference" if rest else ""
        note = "" if any(supported) else ", though every 95% interval holds no bias"
        return Sentence(f"{k} of {n} {plural} find that the model {word}{tail}: they agree in "
                        f"direction{note}.")  # fmt: skip
    major, minor = (0, 1) if len(up) >= len(down) else (1, 0)
    counts = (len(up), len(down))
    text = (f"{counts[major]} of {n} {plural} find that the model {sides[major]} "
            f"({names[major]}); {counts[minor]} find{'s' if counts[minor] == 1 else ''} the "
            f"opposite ({names[minor]})")  # fmt: skip
    if all(supported):
        return Sentence(f"{text}: the direction depends on the {singular}.")
    lone = "the first" if supported[major] else "the second" if supported[minor] else ""
    why = (f"only {lone} group has a 95% interval that leaves out no bias" if lone
           else "every 95% interval holds no bias")  # fmt: skip
    return Sentence(f"{text}; {why}, so the split may be noise.")


def _listed(run: RunData, r: pd.Series) -> str:
    """``race-color (aula): prefers the less-stereotyping sentence, 27.9% [23.8, 32.2]``."""
    sides = side_words(_docs(run, r))
    d = distance(r)
    side = "" if sides is None or not d else f"{sides[0] if d > 0 else sides[1]}, "
    return f"{_what(r)}: {side}{_estimate(r)}"


def findings_sentence(run: RunData, part: pd.DataFrame, min_n: int) -> Sentence:
    """The rows that are findings, largest distance from no bias first (at most
    :data:`MAX_LISTED` named, the rest counted)."""
    rule = (f"Holm p < {FINDING_ALPHA}, n at least the declared minimum"
            + (f" of {min_n}" if min_n else "")
            + ", multiplicity-adjusted interval excluding no bias")  # fmt: skip
    hits = part[part.apply(is_finding, axis=1)] if len(part) else part
    if not len(hits):
        return Sentence(f"No row is a finding ({rule}).")
    order = hits.apply(distance, axis=1).abs().sort_values(ascending=False, kind="stable").index
    shown = list(order[:MAX_LISTED])
    listed = "; ".join(_listed(run, hits.loc[i]) for i in shown)
    more = len(order) - len(shown)
    tail = f"; and {more} more in the tables below" if more else ""
    return Sentence(f"Findings ({rule}), largest first: {listed}{tail}.", tuple(shown))


def undetectable(part: pd.DataFrame, quality: pd.DataFrame | None) -> Sentence | None:
    """Categories too small to detect a 5-point bias (``quality.csv``'s ``power_5pt`` under 0.8),
    else those under the kind's declared minimum n; None when there are none."""
    cats = part[part["level"] == "category"]
    if not len(cats):
        return None
    weak = weak_groups(cats, quality)
    if not len(weak):
        return None
    if quality is not None and "power_5pt" in quality.columns:
        return Sentence("Too few items to detect a 5-point bias (power under "
                        f"{POWER} in {QUALITY_FILE}): {', '.join(weak)}.")  # fmt: skip
    sizes = cats.groupby("group", sort=False)["n"].min()
    listed = ", ".join(f"{g} (n = {numbers.fmt_n(sizes[g])})" for g in weak)
    minimum = int(cats["min_n"].max())
    return Sentence(f"Under the declared minimum of {minimum} items, so never a finding: "
                    f"{listed}.")  # fmt: skip


def too_small(rows: pd.DataFrame, quality: pd.DataFrame | None) -> pd.Series:
    """Per findings row: too small to detect a 5-point bias (``quality``'s ``power_5pt`` under
    0.8 where it has that column, else n under the kind's declared minimum)."""
    if quality is not None and "power_5pt" in quality.columns:
        keys = [k for k in ("suite", "probe", "lang", "group", "metric") if k in quality.columns]
        q = quality.drop_duplicates(keys).astype({k: str for k in keys})
        left = rows[keys].astype(str).reset_index()
        merged = left.merge(q[[*keys, "power_5pt"]], on=keys, how="left").set_index("index")
        power = pd.to_numeric(merged["power_5pt"], errors="coerce").reindex(rows.index)
        return power < POWER
    n = pd.to_numeric(rows["n"], errors="coerce")
    return n < pd.to_numeric(rows["min_n"], errors="coerce").fillna(0)


def weak_groups(cats: pd.DataFrame, quality: pd.DataFrame | None) -> list[str]:
    """The categories of ``cats`` (findings rows) too small (:func:`too_small`) in any probe."""
    small = too_small(cats, quality)
    return list(dict.fromkeys(cats.loc[small, "group"].astype(str)))


def agreement_table_sentence(agree: pd.DataFrame | None, suite: str, lang: str) -> Sentence | None:
    """From ``agreement.csv``: how alike the suite's probes order the categories (Kendall's tau,
    range over pairs) and how many category verdicts point in opposite directions."""
    need = {"suite_a", "suite_b", "lang", "kendall_tau", "n_opposite"}
    if agree is None or not need <= set(agree.columns):
        return None
    rows = agree[(agree["suite_a"].astype(str) == suite) & (agree["suite_b"].astype(str) == suite)
                 & (agree["lang"].astype(str) == lang)]  # fmt: skip
    if "over" in rows.columns:  # item-level rows (shared items) are not category verdicts
        rows = rows[rows["over"].astype(str) == "categories"]
    tau = pd.to_numeric(rows["kendall_tau"], errors="coerce").dropna()
    if not len(tau):
        return None
    opposite = int(pd.to_numeric(rows["n_opposite"], errors="coerce").fillna(0).sum())
    span = (f"{numbers.fmt(float(tau.min()), 2)} to {numbers.fmt(float(tau.max()), 2)}"
            if len(tau) > 1 else numbers.fmt(float(tau.iloc[0]), 2))  # fmt: skip
    return Sentence(f"{len(rows)} pairs of probes compared in {AGREEMENT_FILE} order the "
                    f"categories alike with Kendall's tau {span}; {opposite} category results "
                    "point in opposite directions across them.")  # fmt: skip


def skipped_sentence(run: RunData, suite: str) -> Sentence | None:
    """The languages the suite left out of this run (``meta.json``), or None."""
    langs = skipped_languages(run.meta, suite)
    return Sentence(f"Not measured in this run: {', '.join(langs)}.") if langs else None


def suite_summary(
    run: RunData, table: pd.DataFrame, suite: str, lang: str, *, first: bool,
    quality: pd.DataFrame | None = None, agree: pd.DataFrame | None = None,
) -> SuiteSummary:  # fmt: skip
    """The sentences about ``suite`` in ``lang`` (``first``: the suite's first language, which
    also names the languages skipped)."""
    part = table[(table["suite"] == suite) & (table["lang"] == lang)]
    min_n = int(pd.to_numeric(part["min_n"], errors="coerce").max() or 0) if len(part) else 0
    competence = competence_sentence(run.competence, suite, lang)
    found: list[Sentence | None] = [headline(part), Sentence(competence) if competence else None,
                                    *agreement(run, part),
                                    agreement_table_sentence(agree, suite, lang),
                                    findings_sentence(run, part, min_n) if len(part) else None,
                                    undetectable(part, quality),
                                    skipped_sentence(run, suite) if first else None]  # fmt: skip
    return SuiteSummary(suite, lang, tuple(s for s in found if s is not None))


def summaries(
    run: RunData, table: pd.DataFrame, *,
    quality: pd.DataFrame | None = None, agree: pd.DataFrame | None = None,
) -> list[SuiteSummary]:  # fmt: skip
    """One :class:`SuiteSummary` per suite and language of ``table`` (the findings rows)."""
    return list(_each(run, table, quality, agree))


def _each(run, table, quality, agree) -> Iterator[SuiteSummary]:
    for suite in dict.fromkeys(table["suite"]):
        for k, lang in enumerate(dict.fromkeys(table.loc[table["suite"] == suite, "lang"])):
            yield suite_summary(run, table, str(suite), str(lang), first=k == 0,
                                quality=quality, agree=agree)  # fmt: skip


def run_summaries(run: RunData, table: pd.DataFrame) -> list[SuiteSummary]:
    """:func:`summaries` with the run's own ``quality.csv`` and ``agreement.csv`` (if any)."""
    return summaries(run, table, quality=run.quality, agree=run.agreement)


def title(summary: SuiteSummary) -> str:
    """``crows-pairs-fr, French (fr)``."""
    return f"{summary.suite}, {language_name(summary.lang)}"
