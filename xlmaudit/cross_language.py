"""Cross-language view of CrowS-Pairs: the same pairs scored in two languages (pure pandas + scipy).

French CrowS-Pairs and the revised English CrowS-Pairs (Névéol et al. 2022) share their pair ids
(the 1,467 kept original ids and LA0-LA209), so a model's decision on a pair can be compared
across the languages item by item: "is the model more stereotype-preferring in French than in
English on the same pairs?".

Per estimator, overall (``bias_type`` ``all``) and per bias type, over the pair ids scored in both
languages (known bad rows and skipped pairs have NaN scores and are left out, counted in
``n_only_a`` / ``n_only_b``):

- decision: 1 when ``sent_more`` scores higher than ``sent_less`` (ties count as 0, as in
  Nangia et al. 2020 and :mod:`xlmaudit.compare`);
- ``share_a`` / ``share_b``: the share (0-1) of the pairs deciding so in language A / B;
  ``difference`` = ``share_a - share_b`` with Newcombe's hybrid score interval for a difference
  of paired proportions (Newcombe 1998, method 10: Wilson intervals of both shares combined with
  the pairs' corrected phi; :func:`xlmaudit.metrics.stats.paired_difference_interval`), in
  ``ci_low`` / ``ci_high``: never of zero width (3 pairs all deciding in B only: -1 [-1, -0.21],
  where a percentile bootstrap gave [-1, -1]);
- McNemar's exact test on the discordant pairs (:func:`xlmaudit.compare.mcnemar_exact`, an exact
  binomial test of ``discordant_ab`` = A-only yes vs ``discordant_ba`` = B-only yes at 1/2);
  ``p_holm``: Holm-adjusted across the bias-type rows of one estimator (``all`` outside).

Bias types: 141 pairs are labelled differently in the two files by design (annotations revised for
the French perspective, e.g. EN race-color -> FR nationality). A bias-type row holds the pairs
both languages put in that type; the pairs labelled differently form the row ``relabelled``
(they are in ``all``). French ``autre`` appears where English also says ``autre``.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from xlmaudit.errors import InputError
from xlmaudit.metrics.crows import holm
from xlmaudit.metrics.stats import paired_difference_interval
from xlmaudit.paired import mcnemar_exact

FILE = "cross_language.csv"
# suite -> its language, and the suite pairs a run compares (language A first)
SUITE_LANGUAGES = {"crows-pairs-fr": "fr", "crows-pairs-en-revised": "en"}
SUITE_PAIRS: tuple[tuple[str, str], ...] = (("crows-pairs-fr", "crows-pairs-en-revised"),)
ALL, RELABELLED = "all", "relabelled"
COLUMNS: tuple[str, ...] = (
    "estimator", "bias_type", "lang_a", "lang_b", "n_pairs", "share_a", "share_b", "difference",
    "ci_low", "ci_high", "discordant_ab", "discordant_ba", "p_value", "p_holm", "direction",
    "n_only_a", "n_only_b",
)  # fmt: skip


def decisions(raw: pd.DataFrame) -> pd.DataFrame:
    """Per scored pair of a CrowS raw frame: ``estimator``, ``pair_id`` (str), ``bias_type``,
    ``decision`` (1: sent_more scores higher); rows with a NaN score (excluded, skipped) left out.
    Two rows for one (estimator, pair id) are an InputError."""
    need = ["estimator", "pair_id", "bias_type", "sent_more_score", "sent_less_score"]
    missing = [c for c in need if c not in raw]
    if missing:
        raise InputError(f"not a CrowS-Pairs raw frame: no columns {missing}")
    rows = raw.dropna(subset=["sent_more_score", "sent_less_score"])
    out = pd.DataFrame({
        "estimator": rows["estimator"].astype(str), "pair_id": rows["pair_id"].astype(str),
        "bias_type": rows["bias_type"].astype(str),
        "decision": (rows["sent_more_score"] > rows["sent_less_score"]).astype(int),
    })  # fmt: skip
    twice = out.duplicated(["estimator", "pair_id"])
    if twice.any():
        first = out[twice].iloc[0]
        raise InputError(f"pair {first.pair_id} is scored twice by estimator {first.estimator} "
                         "in one raw frame (one probe per estimator expected)")  # fmt: skip
    return out.reset_index(drop=True)


def language_of(raw: pd.DataFrame, given: str | None, side: str) -> str:
    """``given``, else the single value of the raw frame's ``lang`` column; InputError if none."""
    if given:
        return given
    langs = sorted(set(raw["lang"].dropna().astype(str))) if "lang" in raw else []
    if len(langs) != 1:
        raise InputError(f"language {side}: pass it (the raw frame's lang column holds {langs})")
    return langs[0]


def direction_words(difference: float, lang_a: str, lang_b: str) -> str:
    """The sign of ``difference`` (A - B) in words."""
    if not np.isfinite(difference):
        return "no pairs to compare"
    if difference > 0:
        return f"more stereotype-preferring in {lang_a} than {lang_b}"
    if difference < 0:
        return f"less stereotype-preferring in {lang_a} than {lang_b}"
    return f"as stereotype-preferring in {lang_a} as in {lang_b}"


def _row(merged: pd.DataFrame, only: tuple[int, int], langs: tuple[str, str]) -> dict:
    a, b = merged["decision_a"].to_numpy(float), merged["decision_b"].to_numpy(float)
    share_a = float(a.mean()) if len(a) else float("nan")
    share_b = float(b.mean()) if len(b) else float("nan")
    ab, ba, p = mcnemar_exact(a, b)
    both = int(np.sum((a == 1) & (b == 1)))
    low, high = paired_difference_interval(both, ab, ba, len(a) - both - ab - ba)
    diff = share_a - share_b
    return {"lang_a": langs[0], "lang_b": langs[1], "n_pairs": len(merged), "share_a": share_a,
            "share_b": share_b, "difference": diff, "ci_low": low, "ci_high": high,
            "discordant_ab": ab, "discordant_ba": ba, "p_value": p, "p_holm": float("nan"),
            "direction": direction_words(diff, *langs), "n_only_a": only[0],
            "n_only_b": only[1]}  # fmt: skip


def cross_language(
    raw_a: pd.DataFrame,
    raw_b: pd.DataFrame,
    *,
    lang_a: str | None = None,
    lang_b: str | None = None,
    seed: int = 0,
) -> pd.DataFrame:
    """The paired comparison (``COLUMNS``) of two CrowS raw frames on the pair ids both scored,
    per estimator: ``all``, each shared bias type (in A's order), then ``relabelled``.

    ``lang_a`` / ``lang_b`` default to each frame's ``lang`` column. Estimators scored in only one
    frame are left out; no shared scored pair at all is an InputError. ``seed`` is unused (the
    interval is analytic), kept for callers.
    """
    langs = (language_of(raw_a, lang_a, "A"), language_of(raw_b, lang_b, "B"))
    da, db = decisions(raw_a), decisions(raw_b)
    rows = []
    for est in pd.unique(da["estimator"]):
        ea, eb = da[da["estimator"] == est], db[db["estimator"] == est]
        if eb.empty:
            continue
        merged = ea.merge(eb, on="pair_id", suffixes=("_a", "_b"))
        same = merged["bias_type_a"] == merged["bias_type_b"]
        group = merged["bias_type_a"].where(same, RELABELLED)
        shared = set(merged["pair_id"])
        groups = [(ALL, merged, ea, eb)]
        for g in [*pd.unique(ea["bias_type"]), RELABELLED]:
            part = merged[group == g]
            if part.empty:
                continue
            if g == RELABELLED:  # no unshared pair is "relabelled"
                groups.append((g, part, ea.iloc[:0], eb.iloc[:0]))
            else:
                groups.append((g, part, ea[ea["bias_type"] == g], eb[eb["bias_type"] == g]))
        block = []
        for g, part, ga, gb in groups:
            only = tuple(int((~g_["pair_id"].isin(shared)).sum()) for g_ in (ga, gb))
            block.append({"estimator": est, "bias_type": g, **_row(part, only, langs)})
        for r, p in zip(block[1:], holm([r["p_value"] for r in block[1:]]), strict=True):
            r["p_holm"] = float(p)
        rows += block
    if not rows or all(r["n_pairs"] == 0 for r in rows):
        raise InputError(f"no pair id scored in both {langs[0]} and {langs[1]} by one estimator")
    return pd.DataFrame(rows, columns=list(COLUMNS))


def cross_language_of_run(raw: Mapping[str, pd.DataFrame], *, seed: int = 0) -> pd.DataFrame | None:
    """The cross-language frame of a run's raw frames by suite (``RunDir.raw``) when it holds a
    pair of ``SUITE_PAIRS`` (rows of every such pair, A first); None when it holds none."""
    frames = []
    for a, b in SUITE_PAIRS:
        if a in raw and b in raw:
            frames.append(cross_language(raw[a], raw[b], lang_a=_lang(raw[a], a),
                                         lang_b=_lang(raw[b], b), seed=seed))  # fmt: skip
    return pd.concat(frames, ignore_index=True) if frames else None


def _lang(raw: pd.DataFrame, suite: str) -> str:
    """The raw frame's single ``lang`` (the runner's column), else the suite's known language."""
    langs = set(raw["lang"].dropna().astype(str)) if "lang" in raw else set()
    return langs.pop() if len(langs) == 1 else SUITE_LANGUAGES[suite]


def run_tables(
    raw: Mapping[str, pd.DataFrame], *, seed: int = 0
) -> tuple[dict[str, pd.DataFrame], dict[str, Any]]:
    """What ``xlmaudit run`` writes: ``({FILE: frame}, meta.json record)`` when the run holds a
    pair of ``SUITE_PAIRS``, ``({}, {})`` when it holds none. A pair that cannot be compared (no
    shared scored pair) is a stderr warning and a record with the reason, never a lost run."""
    suites = [list(p) for p in SUITE_PAIRS if p[0] in raw and p[1] in raw]
    if not suites:
        return {}, {}
    try:
        frame = cross_language_of_run(raw, seed=seed)
    except InputError as exc:
        print(f"warning: {FILE} not written: {exc}", file=sys.stderr)
        return {}, {"file": None, "suites": suites, "error": str(exc)}
    if frame is None:
        return {}, {}
    langs = sorted(set(zip(frame["lang_a"], frame["lang_b"], strict=True)))
    record = {"file": FILE, "suites": suites, "languages": [list(p) for p in langs],
              "rows": len(frame)}  # fmt: skip
    return {FILE: frame}, record
