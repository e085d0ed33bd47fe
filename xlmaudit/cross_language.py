"""Cross-language view of paired items: the same pairs scored in several languages (pandas + scipy).

French CrowS-Pairs and the revised English CrowS-Pairs (Névéol et al. 2022) share their pair ids
(the 1,467 kept original ids and LA0-LA209), as do the other translations of CrowS-Pairs (one
suite may itself run several languages: its raw frame's ``lang`` column), so a model's decision
on a pair can be compared across the languages item by item: "is the model more
stereotype-preferring in French than in English on the same pairs?". Which suites take part
comes from their kinds' declarations (``ProbeKind.language_key``, the raw column holding the
shared id, and ``paired_values``, the per-item 0/1 decision), never from suite names.

Every language pair (a, b) of the run, in run order (a first), per estimator (the raw column
``estimator``, else the probe), overall (``bias_type`` ``all``) and per bias type, over the ids
scored in both languages (known bad rows and skipped pairs have NaN scores and are left out,
counted in ``n_only_a`` / ``n_only_b``):

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
  ``p_holm``: Holm-adjusted across the bias-type rows of one estimator and language pair
  (``all`` outside); ``p_holm_languages``: Holm-adjusted across the family of language pairs of
  one estimator and bias type (3 languages: 3 pairs; with two languages it is ``p_value``);
- item-level agreement of the two languages' decisions: ``phi`` (the phi coefficient of the 2x2
  table, ``scipy.stats.pearsonr`` of the 0/1 decisions; NaN when a language decides all pairs
  alike) and Kendall's tau-b of the per-pair preference margins (``kendall_tau``,
  ``kendall_p``: ``scipy.stats.kendalltau``; the kind's ``preference_margin``, for CrowS-Pairs
  score(sent_more) - score(sent_less));
- too few shared ids: a language pair whose estimator shares fewer than ``min_shared`` scored
  ids (default: the kind's ``min_n``, 30 pairs for CrowS-Pairs, the fewest for a finding) gets
  one row (``bias_type`` ``all``: its counts, shares and agreement) with no interval and no
  test, the reason in ``note``;
- on the ``all`` rows, each language's share on the ids common to every language of the run
  scored by that estimator (``n_common``; ``share_a_common`` with its exact 95% interval
  ``ci_low_a_common`` / ``ci_high_a_common``, the same for b): the per-language figure.

Bias types: 141 pairs are labelled differently in the French and English files by design
(annotations revised for the French perspective, e.g. EN race-color -> FR nationality). A
bias-type row holds the pairs both languages put in that type; the pairs labelled differently
form the row ``relabelled`` (they are in ``all``). French ``autre`` appears where English also
says ``autre``. A language measured by two suites of the run is labelled ``lang (suite)``.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from xlmaudit.errors import InputError
from xlmaudit.metrics.crows import holm
from xlmaudit.metrics.stats import exact_interval, paired_difference_interval
from xlmaudit.paired import mcnemar_exact
from xlmaudit.probes import ProbeKind, get_kind

FILE = "cross_language.csv"
DEFAULT_KIND = "crows-pairs"  # the kind of raw frames given without their kinds (two-frame API)
# raw frames written before the runner's lang column: the language of those two suites
SUITE_LANGUAGES = {"crows-pairs-fr": "fr", "crows-pairs-en-revised": "en"}
ALL, RELABELLED = "all", "relabelled"
COMMON: tuple[str, ...] = (
    "n_common", "share_a_common", "ci_low_a_common", "ci_high_a_common", "share_b_common",
    "ci_low_b_common", "ci_high_b_common",
)  # fmt: skip
COLUMNS: tuple[str, ...] = (
    "estimator", "bias_type", "lang_a", "lang_b", "n_pairs", "share_a", "share_b", "difference",
    "ci_low", "ci_high", "discordant_ab", "discordant_ba", "p_value", "p_holm", "direction",
    "n_only_a", "n_only_b", "suite_a", "suite_b", "p_holm_languages", "phi", "kendall_tau",
    "kendall_p", "min_shared", "note", *COMMON,
)  # fmt: skip


@dataclass(frozen=True)
class Source:
    """One language of one suite: its ``decisions`` frame and the fewest shared ids to compare."""

    label: str
    suite: str
    frame: pd.DataFrame
    min_n: int = 0
    lang: str = ""  # the language code ("" : the label)


def _kind_rows(raw: pd.DataFrame, kind: ProbeKind) -> pd.DataFrame:
    """``paired_values`` of ``kind`` on ``raw`` (index kept), an InputError when it has none."""
    need = [kind.language_key] if kind.language_key else []
    missing = [c for c in need if c not in raw]
    got = None if missing or not need else _paired(raw, kind)
    if got is None:
        missing = missing or [f"{kind.name}: no language_key / paired_values"]
        raise InputError(f"not a {kind.name} raw frame: no columns {missing}")
    return got


def _paired(raw: pd.DataFrame, kind: ProbeKind) -> pd.DataFrame | None:
    try:
        got = kind.paired_values(raw, kind.main_metric)
    except KeyError as exc:
        raise InputError(f"not a {kind.name} raw frame: no columns [{exc.args[0]!r}]") from exc
    return None if got is None else got[1]


def decisions(raw: pd.DataFrame, kind: ProbeKind | None = None) -> pd.DataFrame:
    """Per scored pair of a raw frame of ``kind`` (default: CrowS-Pairs): ``estimator`` (the raw
    column, else the probe), ``pair_id`` (the kind's ``language_key``, as str), ``bias_type``
    (the paired group), ``decision`` (0/1) and ``margin`` (the kind's ``preference_margin``,
    NaN without one); unscored rows left out. Two rows for one (estimator, pair id) are an
    InputError."""
    kind = kind or get_kind(DEFAULT_KIND)
    raw = raw.reset_index(drop=True)
    if "item_id" not in raw:
        raw = raw.assign(item_id=raw.index.astype(str))
    values = _kind_rows(raw, kind)
    idx = values.index
    unit = next((raw[c] for c in ("estimator", "probe") if c in raw), None)
    margin = kind.preference_margin(raw)
    out = pd.DataFrame({
        "estimator": unit.loc[idx].astype(str) if unit is not None else kind.name,
        "pair_id": raw.loc[idx, kind.language_key].astype(str),
        "bias_type": values["group"].astype(str),
        "decision": values["value"].astype(int),
        "margin": margin.loc[idx].astype(float) if margin is not None else np.nan,
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


def phi_coefficient(a: np.ndarray, b: np.ndarray) -> float:
    """The phi coefficient of paired 0/1 decisions (Pearson's r of the 0/1 values, scipy); NaN
    under 2 pairs or when one side decides every pair alike (a margin of the 2x2 table is 0)."""
    a, b = np.asarray(a, float), np.asarray(b, float)
    if len(a) < 2 or np.ptp(a) == 0 or np.ptp(b) == 0:
        return float("nan")
    return float(stats.pearsonr(a, b).statistic)


def kendall(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Kendall's tau-b and its p-value (``scipy.stats.kendalltau``) on the pairs where both are
    finite; NaN under 2 such pairs or when one side is constant."""
    x, y = np.asarray(x, float), np.asarray(y, float)
    ok = np.isfinite(x) & np.isfinite(y)
    x, y = x[ok], y[ok]
    if len(x) < 2 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return float("nan"), float("nan")
    res = stats.kendalltau(x, y)
    return float(res.statistic), float(res.pvalue)


def _row(merged: pd.DataFrame, only: tuple[int, int], langs: tuple[str, str]) -> dict:
    a, b = merged["decision_a"].to_numpy(float), merged["decision_b"].to_numpy(float)
    share_a = float(a.mean()) if len(a) else float("nan")
    share_b = float(b.mean()) if len(b) else float("nan")
    ab, ba, p = mcnemar_exact(a, b)
    both = int(np.sum((a == 1) & (b == 1)))
    low, high = paired_difference_interval(both, ab, ba, len(a) - both - ab - ba)
    diff = share_a - share_b
    tau, tau_p = kendall(merged["margin_a"], merged["margin_b"])
    return {"lang_a": langs[0], "lang_b": langs[1], "n_pairs": len(merged), "share_a": share_a,
            "share_b": share_b, "difference": diff, "ci_low": low, "ci_high": high,
            "discordant_ab": ab, "discordant_ba": ba, "p_value": p, "p_holm": float("nan"),
            "direction": direction_words(diff, *langs), "n_only_a": only[0],
            "n_only_b": only[1], "phi": phi_coefficient(a, b), "kendall_tau": tau,
            "kendall_p": tau_p, "note": ""}  # fmt: skip


def _too_few(est: str, merged: pd.DataFrame, only: tuple[int, int], langs: tuple[str, str],
             need: int) -> dict:  # fmt: skip
    """The one row of a pair under ``need`` shared ids: its counts and shares, no test."""
    row = {"estimator": est, "bias_type": ALL, **_row(merged, only, langs)}
    row |= {"ci_low": np.nan, "ci_high": np.nan, "p_value": np.nan,
            "direction": "too few shared ids",
            "note": f"{len(merged)} shared ids scored in both, fewer than {need} (min_shared): "
                    f"{langs[0]} and {langs[1]} not tested"}  # fmt: skip
    return row


def _groups(merged: pd.DataFrame, ea: pd.DataFrame, eb: pd.DataFrame) -> list[tuple]:
    """(bias type, shared rows, A rows, B rows): ``all``, each type both give, ``relabelled``."""
    same = merged["bias_type_a"] == merged["bias_type_b"]
    group = merged["bias_type_a"].where(same, RELABELLED)
    groups = [(ALL, merged, ea, eb)]
    for g in [*pd.unique(ea["bias_type"]), RELABELLED]:
        part = merged[group == g]
        if part.empty:
            continue
        if g == RELABELLED:  # no unshared pair is "relabelled"
            groups.append((g, part, ea.iloc[:0], eb.iloc[:0]))
        else:
            groups.append((g, part, ea[ea["bias_type"] == g], eb[eb["bias_type"] == g]))
    return groups


def _estimator_rows(ea: pd.DataFrame, eb: pd.DataFrame, est: str, langs: tuple[str, str],
                    need: int) -> list[dict]:  # fmt: skip
    merged = ea.merge(eb, on="pair_id", suffixes=("_a", "_b"))
    shared = set(merged["pair_id"])
    if need and len(merged) < need:
        only = tuple(int((~g_["pair_id"].isin(shared)).sum()) for g_ in (ea, eb))
        return [_too_few(est, merged, only, langs, need)]
    block = []
    for g, part, ga, gb in _groups(merged, ea, eb):
        only = tuple(int((~g_["pair_id"].isin(shared)).sum()) for g_ in (ga, gb))
        block.append({"estimator": est, "bias_type": g, **_row(part, only, langs)})
    for r, p in zip(block[1:], holm([r["p_value"] for r in block[1:]]), strict=True):
        r["p_holm"] = float(p)
    return block


def pair_rows(da: pd.DataFrame, db: pd.DataFrame, langs: tuple[str, str], *,
              min_shared: int = 0) -> list[dict]:  # fmt: skip
    """The rows of one language pair (two ``decisions`` frames), per estimator scored in both."""
    rows = []
    for est in pd.unique(da["estimator"]):
        ea, eb = da[da["estimator"] == est], db[db["estimator"] == est]
        if not eb.empty:
            rows += _estimator_rows(ea, eb, str(est), langs, min_shared)
    for r in rows:
        r["min_shared"] = min_shared
    return rows


def _frame(rows: list[dict], what: str) -> pd.DataFrame:
    if not rows or all(r["n_pairs"] == 0 for r in rows):
        raise InputError(f"no pair id scored in both {what} by one estimator")
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    frame["p_holm_languages"] = np.nan
    for idx in frame.groupby(["estimator", "bias_type"], sort=False).groups.values():
        frame.loc[idx, "p_holm_languages"] = holm(frame.loc[idx, "p_value"].to_numpy(float))
    return frame


def cross_language(
    raw_a: pd.DataFrame,
    raw_b: pd.DataFrame,
    *,
    lang_a: str | None = None,
    lang_b: str | None = None,
    seed: int = 0,
    min_shared: int = 0,
) -> pd.DataFrame:
    """The paired comparison (``COLUMNS``) of two CrowS raw frames on the pair ids both scored,
    per estimator: ``all``, each shared bias type (in A's order), then ``relabelled``.

    ``lang_a`` / ``lang_b`` default to each frame's ``lang`` column. Estimators scored in only one
    frame are left out; no shared scored pair at all is an InputError. ``seed`` is unused (the
    interval is analytic), kept for callers. ``min_shared`` (default 0: none) as in
    :func:`compare_sources`.
    """
    langs = (language_of(raw_a, lang_a, "A"), language_of(raw_b, lang_b, "B"))
    sources = [Source(lang, "", decisions(raw)) for lang, raw in zip(langs, (raw_a, raw_b),
                                                                     strict=True)]  # fmt: skip
    return compare_sources(sources, min_shared=min_shared, same_language=True)


def compare_sources(
    sources: Sequence[Source], *, min_shared: int | None = None, same_language: bool = False
) -> pd.DataFrame:
    """Every pair of ``sources`` (in order, a first): the rows of :func:`pair_rows` with the
    suites, Holm across the language pairs (``p_holm_languages``) and the common-id shares.
    ``min_shared``: the fewest shared ids to compare a pair (None: the larger ``min_n`` of the
    two sources); two sources in one language (two suites) are not a language pair unless
    ``same_language``. No shared scored id anywhere is an InputError."""
    rows = []
    for a, b in language_pairs(sources, same_language=same_language):
        need = max(a.min_n, b.min_n) if min_shared is None else min_shared
        block = pair_rows(a.frame, b.frame, (a.label, b.label), min_shared=need)
        rows += [{**r, "suite_a": a.suite, "suite_b": b.suite} for r in block]
    what = " and ".join(s.label for s in sources) if len(sources) == 2 else "two languages"
    frame = _frame(rows, what)
    return _with_common(frame, sources)


def language_pairs(
    sources: Sequence[Source], *, same_language: bool = False
) -> list[tuple[Source, Source]]:
    """The pairs of ``sources`` to compare, in order (two of one language only if asked)."""
    pairs = itertools.combinations(sources, 2)
    return [(a, b) for a, b in pairs if same_language or (a.lang or a.label) != (b.lang or b.label)]


def common_ids(sources: Sequence[Source], estimator: str) -> tuple[list[Source], set[str]]:
    """The sources scoring ``estimator`` and the pair ids every one of them scored."""
    having = [s for s in sources if (s.frame["estimator"] == estimator).any()]
    ids = [set(s.frame.loc[s.frame["estimator"] == estimator, "pair_id"]) for s in having]
    return having, set.intersection(*ids) if ids else set()


def common_shares(sources: Sequence[Source], estimator: str) -> dict[str, tuple]:
    """Per source label: (n common ids, share, exact 95% interval low, high) on the common ids."""
    having, ids = common_ids(sources, estimator)
    out = {}
    for s in having:
        rows = s.frame[(s.frame["estimator"] == estimator) & s.frame["pair_id"].isin(ids)]
        k, n = int(rows["decision"].sum()), len(rows)
        share = k / n if n else float("nan")
        out[s.label] = (n, share, *exact_interval(k, n, scale=1.0))
    return out


def _with_common(frame: pd.DataFrame, sources: Sequence[Source]) -> pd.DataFrame:
    for est in pd.unique(frame["estimator"]):
        shares = common_shares(sources, str(est))
        at = (frame["estimator"] == est) & (frame["bias_type"] == ALL)
        for i in frame.index[at]:
            (n, *a), (_, *b) = shares[frame.at[i, "lang_a"]], shares[frame.at[i, "lang_b"]]
            frame.loc[i, list(COMMON)] = [n, *a, *b]
    return frame


def _kinds_of(frame: pd.DataFrame, probes: Mapping[str, str] | None) -> list[tuple]:
    """(kind, rows) of a suite's raw frame whose kind pairs items across languages."""
    if probes is None:  # kinds not given: a frame with the CrowS id column is CrowS
        kind = get_kind(DEFAULT_KIND)
        return [(kind, frame)] if kind.language_key in frame else []
    kinds = {p: get_kind(k) for p, k in probes.items()}
    pairing = {p for p, k in kinds.items() if k.language_key}
    rows = frame[frame["probe"].isin(pairing)] if "probe" in frame else frame.iloc[:0]
    by_kind: dict[str, list[str]] = {}
    for p in pd.unique(rows["probe"]):
        by_kind.setdefault(kinds[p].name, []).append(p)
    return [(get_kind(k), rows[rows["probe"].isin(ps)]) for k, ps in by_kind.items()]


def _languages(rows: pd.DataFrame, suite: str) -> list[tuple[str, pd.DataFrame]]:
    """(language, rows) per language of a suite's rows (a multi-language suite has several)."""
    if "lang" in rows and rows["lang"].notna().any():
        langs = pd.unique(rows["lang"].dropna().astype(str))
        return [(g, rows[rows["lang"].astype(str) == g]) for g in langs]
    if suite not in SUITE_LANGUAGES:
        raise InputError(f"suite {suite}: its raw frame has no lang column")
    return [(SUITE_LANGUAGES[suite], rows)]


def sources_of_run(
    raw: Mapping[str, pd.DataFrame], kinds: Mapping[str, Mapping[str, str]] | None = None
) -> list[Source]:
    """One :class:`Source` per language of each suite whose kind declares a ``language_key``.
    ``kinds``: per suite, probe id -> kind name (``meta.json``); None: every frame is CrowS."""
    found = []
    for suite, frame in raw.items():
        if frame.empty:
            continue
        for kind, rows in _kinds_of(frame, None if kinds is None else kinds.get(suite, {})):
            for lang, part in _languages(rows, suite):
                found.append((lang, suite, decisions(part, kind), kind.min_n))
    langs = [f[0] for f in found]
    return [Source(lang if langs.count(lang) == 1 else f"{lang} ({suite})", suite, d, n, lang)
            for lang, suite, d, n in found]  # fmt: skip


def cross_language_of_run(
    raw: Mapping[str, pd.DataFrame],
    *,
    seed: int = 0,
    kinds: Mapping[str, Mapping[str, str]] | None = None,
    min_shared: int | None = None,
) -> pd.DataFrame | None:
    """The N-way frame of a run's raw frames by suite (``RunDir.raw``) over every language its
    pairing suites hold (:func:`sources_of_run`); None under two languages."""
    sources = sources_of_run(raw, kinds)
    if not language_pairs(sources):
        return None
    return compare_sources(sources, min_shared=min_shared)


def run_tables(
    raw: Mapping[str, pd.DataFrame],
    *,
    seed: int = 0,
    kinds: Mapping[str, Mapping[str, str]] | None = None,
    min_shared: int | None = None,
) -> tuple[dict[str, pd.DataFrame], dict[str, Any]]:
    """What ``xlmaudit run`` writes: ``({FILE: frame}, meta.json record)`` when the run holds two
    languages of pairing suites, ``({}, {})`` otherwise. A run that cannot be compared (no shared
    scored pair) is a stderr warning and a record with the reason, never a lost run."""
    try:
        sources = sources_of_run(raw, kinds)
    except InputError as exc:
        print(f"warning: {FILE} not written: {exc}", file=sys.stderr)
        return {}, {"file": None, "suites": [list(raw)], "error": str(exc)}
    if not language_pairs(sources):
        return {}, {}
    suites = [[a.suite, b.suite] for a, b in language_pairs(sources)]
    suites = [list(p) for p in dict.fromkeys(map(tuple, suites))]
    try:
        frame = compare_sources(sources, min_shared=min_shared)
    except InputError as exc:
        print(f"warning: {FILE} not written: {exc}", file=sys.stderr)
        return {}, {"file": None, "suites": suites, "error": str(exc)}
    langs = list(dict.fromkeys(zip(frame["lang_a"], frame["lang_b"], strict=True)))
    record = {"file": FILE, "suites": suites, "languages": [list(p) for p in langs],
              "rows": len(frame), "too_few": int((frame["note"] != "").sum())}  # fmt: skip
    return {FILE: frame}, record
