"""Report blocks of a multilingual run: the same probe across languages (table and figures) and
the cross-language paired comparison read from ``cross_language.csv``."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from xlmaudit.report.figures import ACROSS_PREFIX, CROSS_PREFIX, SavedFigure
from xlmaudit.report.findings_tables import adjusted_level, finding_cell
from xlmaudit.report.frames import OVERALL_GROUPS
from xlmaudit.report.languages import (
    CROSS_FILE,
    across_frames,
    base_id,
    cross_listed,
    is_multilingual,
    languages,
    skipped_note,
    untrained_note,
)
from xlmaudit.report.numbers import decimals, distance, estimate, fmt, fmt_n, interval, number
from xlmaudit.report.render import Block, Bullets, Heading, Image, Para, Table
from xlmaudit.report.run import RunData
from xlmaudit.runinfo import RunInfo

MATCH_RULE = (
    "The same probe in several languages: probes of one kind, metric and group whose ids are "
    "equal once the language code is removed (binary-fr and binary-en are binary; a suite's "
    "declared family must agree). One row per language, with its 95% interval; the no-bias "
    "value is the dashed line."
)
CROSS_INTRO = (
    "Cross-language paired comparison (cross_language.csv): on the pairs whose id is present in "
    "both languages, the share of pairs where the model prefers the more-stereotyping sentence "
    "in language a minus that share in language b, with its 95% interval and McNemar's test on "
    "the discordant pairs (its p-value uncorrected; the file's Holm p, where given, adjusts "
    "across the bias types of one estimator)."
)
NWAY_INTRO = (
    "With more than two languages every language pair is compared on the ids both hold; the "
    "Holm p across the language pairs adjusts for the whole family of pairs of one estimator "
    "and bias type, and phi (decisions) and Kendall's tau (preference margins) say how far the "
    "pairs' item-level preferences agree between the two languages."
)


def language_notes(run: RunData) -> list[Block]:
    """What a reader of a multilingual run's findings must know first: that they are grouped by
    language, the languages the run skipped, those the checkpoint was not trained on."""
    blocks: list[Block] = []
    if is_multilingual(run.summary):
        blocks.append(Para("The run holds several languages: findings are grouped by language "
                           "(p-values Holm-corrected across all of them), then compared across "
                           "languages."))  # fmt: skip
    skipped = skipped_note(run.meta, run.suites)
    blocks += [Para(skipped)] if skipped else []
    untrained = untrained_note(run.meta, languages(run.summary))
    return blocks + ([Para(untrained, True)] if untrained else [])


def suite_title(run: RunData, suite: str) -> str:
    """``Suite: crows-pairs-fr`` (its languages named when the run has several)."""
    if not is_multilingual(run.summary):
        return f"Suite: {suite}"
    langs = dict.fromkeys(run.summary.loc[run.summary["suite"] == suite, "lang"])
    return f"Suite: {suite} ({', '.join(langs)})"


def _num(value: Any) -> float:
    try:
        out = float(value)
    except (TypeError, ValueError):
        return math.nan
    return out


def across_blocks(table: pd.DataFrame, meta: RunInfo, figures: list[SavedFigure]) -> list[Block]:
    """The "same probe across languages" table and figures, or nothing when no probe matches."""
    parts = across_frames(table, meta)
    images = [Image(f.path, f.caption) for f in figures if f.name.startswith(ACROSS_PREFIX)]
    if not parts and not images:
        return []
    level = adjusted_level(table)
    rows = tuple(
        (base_id(r["probe"], r["lang"]), f"{r['metric']} ({r['contrast']})" if r["contrast"]
         else str(r["metric"]), str(r["group"]), str(r["lang"]), f"{r['suite']}/{r['probe']}",
         estimate(r["value"], r["ci_low_adjusted"], r["ci_high_adjusted"], str(r["unit"] or "")),
         fmt_n(r["n"]), str(r["direction_adjusted"]), finding_cell(r))
        for part in parts for _, r in part.iterrows()
    )  # fmt: skip
    cols = ("probe", "metric (contrast)", "group", "language", "measured in",
            f"value [{level} CI]", "n", "direction", "finding")  # fmt: skip
    return [Heading(3, "Same probe across languages"), Para(MATCH_RULE),
            Table(cols, rows, caption="one row per language of each matched probe"),
            *images]  # fmt: skip


def _fractions(frame: pd.DataFrame) -> bool:
    """Whether the shares are fractions (0-1) rather than percentages."""
    shares = pd.concat([frame[c] for c in ("share_a", "share_b") if c in frame.columns])
    return bool(len(shares.dropna())) and bool((shares.dropna().abs() <= 1).all())


def cross_sentence(r: pd.Series, *, fractions: bool, family: int = 1) -> str:
    """``meade2022: on the 1677 pairs present in both, the model prefers the stereotyping sentence
    more often in fr than in en by 4.0 percentage points [1.0, 7.0], McNemar p = 0.012``; with
    ``family`` language pairs (> 1) the Holm p across them; phi / Kendall's tau where given; a
    row under the shared-id threshold (``note``) says so instead."""
    a, b = str(r["lang_a"]), str(r["lang_b"])
    scale = 100.0 if fractions else 1.0
    unit = " percentage points" if fractions or "share_a" in r.index else ""
    d, lo, hi = (_num(r.get(k)) * scale for k in ("difference", "ci_low", "ci_high"))
    what = str(r.get("estimator", "") or "")
    bias = str(r.get("bias_type", "") or "")
    if bias and bias not in OVERALL_GROUPS and bias != "nan":
        what = f"{what} ({bias})" if what else bias
    head = f"{what}: on the {fmt_n(r['n_pairs'])} pairs present in both" if what else (
        f"On the {fmt_n(r['n_pairs'])} pairs present in both")  # fmt: skip
    if str(r.get("note", "") or "") not in ("", "nan"):
        return _too_few_sentence(head, r)
    if math.isnan(d):
        return f"{head}, the difference between {a} and {b} was not estimated"
    if d == 0:
        text = f"{head}, the model prefers the stereotyping sentence equally often in {a} and {b}"
    else:
        more, less = (a, b) if d > 0 else (b, a)
        size, ci = distance(d, lo, hi, 0.0)  # below 0: the interval flipped exactly
        text = (f"{head}, the model prefers the stereotyping sentence more often in {more} than "
                f"in {less} by {size}{unit}{' ' + ci if ci else ''}")  # fmt: skip
    shares = [_num(r.get(k)) * scale for k in ("share_a", "share_b")]
    if not any(math.isnan(s) for s in shares):
        places = decimals(d, lo, hi)  # the shares at the difference's precision
        text += f" ({number(shares[0], places)}% in {a}, {number(shares[1], places)}% in {b})"
    if not math.isnan(_num(r.get("p_value"))):
        text += f", McNemar p = {fmt(_num(r['p_value']))}"
    if family > 1 and not math.isnan(_num(r.get("p_holm_languages"))):
        text += f" (Holm across the {family} language pairs: {fmt(_num(r['p_holm_languages']))})"
    if not (math.isnan(lo) or math.isnan(hi)) and lo <= 0 <= hi:
        text += "; the interval includes no difference"
    return text + _agreement(r)


def _agreement(r: pd.Series) -> str:
    """``; item-level agreement phi = 0.26, Kendall's tau = 0.20`` (the finite ones), or ""."""
    parts = [f"{name} = {fmt(_num(r.get(key)), 2)}"
             for key, name in (("phi", "phi"), ("kendall_tau", "Kendall's tau"))
             if not math.isnan(_num(r.get(key)))]  # fmt: skip
    return f"; item-level agreement {', '.join(parts)}" if parts else ""


def _too_few_sentence(head: str, r: pd.Series) -> str:
    """A language pair under the threshold of shared ids: its count, no test."""
    need = _num(r.get("min_shared"))
    under = f" of {int(need)}" if not math.isnan(need) else ""
    return (f"{head}, {r['lang_a']} and {r['lang_b']} were not tested: too few shared ids "
            f"(under the declared minimum{under})")  # fmt: skip


def overall_cross(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows over all bias types (every row where the file has no bias_type column)."""
    if "bias_type" not in frame.columns:
        return frame
    mask = frame["bias_type"].isna() | frame["bias_type"].astype(str).isin(OVERALL_GROUPS)
    return frame[mask] if mask.any() else frame


def cross_sentences(frame: pd.DataFrame) -> tuple[str, ...]:
    """One sentence per overall row of the comparison."""
    fractions = _fractions(frame)
    family = len(pair_list(frame))
    return tuple(cross_sentence(r, fractions=fractions, family=family)
                 for _, r in overall_cross(frame).iterrows())  # fmt: skip


def pair_list(frame: pd.DataFrame) -> list[tuple[str, str]]:
    """The language pairs (a, b) of the comparison, in file order."""
    return list(dict.fromkeys(zip(frame["lang_a"].astype(str), frame["lang_b"].astype(str),
                                  strict=True)))  # fmt: skip


def languages_sentence(frame: pd.DataFrame) -> str:
    """``Languages compared on shared ids: fr, en, de (3 language pairs); common to all: 10
    ids (nangia2020).`` from the file's rows; "" with one language pair."""
    pairs = pair_list(frame)
    if len(pairs) < 2:
        return ""
    langs = ", ".join(dict.fromkeys(g for p in pairs for g in p))
    text = f"Languages compared on shared ids: {langs} ({len(pairs)} language pairs)"
    if "n_common" in frame.columns:
        common = overall_cross(frame).dropna(subset=["n_common"])
        counts = dict(zip(common["estimator"], common["n_common"], strict=True))
        if counts:
            text += "; ids common to all: " + ", ".join(
                f"{fmt_n(n)} ({est})" for est, n in counts.items()
            )
    return text + "."


CROSS_COLUMNS = (("estimator", "estimator"), ("bias_type", "bias type"), ("n_pairs", "pairs"),
                 ("share_a", "share a"), ("share_b", "share b"),
                 ("discordant_ab", "discordant a/b"), ("discordant_ba", "discordant b/a"),
                 ("p_value", "McNemar p"), ("p_holm", "Holm p (per estimator)"),
                 ("n_only_a", "only in a"), ("n_only_b", "only in b"),
                 ("direction", "direction"),
                 ("p_holm_languages", "Holm p (across language pairs)"), ("phi", "phi"),
                 ("kendall_tau", "Kendall's tau"), ("note", "note"))  # fmt: skip


def cross_table(frame: pd.DataFrame) -> Table:
    """Every row of ``cross_language.csv``: languages, pairs, shares, difference with interval,
    discordant counts, McNemar p, direction (the columns the file has)."""
    present = [(c, h) for c, h in CROSS_COLUMNS if c in frame.columns]
    cols = ("languages (a vs b)", *(h for _, h in present[:5]), "difference a - b [95% CI]",
            *(h for _, h in present[5:]))  # fmt: skip
    cols = tuple(cols)

    def cell(column: str, value: Any) -> str:
        if column in ("n_pairs", "discordant_ab", "discordant_ba", "n_only_a", "n_only_b"):
            return fmt_n(value)
        return fmt(value) if isinstance(value, float) else str(value)

    rows = []
    for _, r in frame.iterrows():
        cells = [cell(c, r[c]) for c, _ in present]
        diff = f"{fmt(r['difference'])} {interval(r.get('ci_low'), r.get('ci_high'))}".strip()
        rows.append((f"{r['lang_a']} vs {r['lang_b']}", *cells[:5], diff, *cells[5:]))
    return Table(cols, tuple(rows), caption=f"{CROSS_FILE}: every row")


def cross_blocks(
    run: RunData, *, level: int = 3, table: bool = True, figures: list[SavedFigure] = ()
) -> list[Block]:
    """The paired comparison: intro, one sentence per overall row, the full table, figures."""
    frame = run.cross_language
    record = run.meta.cross_language
    if (frame is None or frame.empty) and record.get("error"):
        return [Heading(level, "Cross-language paired comparison"),
                Para(f"Not computed: {record['error']}", True)]  # fmt: skip
    if frame is None or frame.empty:
        return []
    blocks: list[Block] = [Heading(level, "Cross-language paired comparison"), Para(CROSS_INTRO)]
    langs = languages_sentence(frame)
    blocks += [Para(NWAY_INTRO), Para(langs)] if langs else []
    blocks.append(Bullets(cross_sentences(frame)))
    if not cross_listed(run.meta.raw):
        blocks.append(Para(f"{CROSS_FILE} is not named in meta.json: check that it belongs to "
                           "this run.", True))  # fmt: skip
    if table:
        blocks.append(cross_table(frame))
    return blocks + [Image(f.path, f.caption) for f in figures if f.name.startswith(CROSS_PREFIX)]
