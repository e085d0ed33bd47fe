"""Run suites: expand every probe, pool all requests into one scoring pass, scatter answers back."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from xlmaudit.probes import Asked, ProbeKind, RunContext, get_kind, load_kinds
from xlmaudit.requests import Request, Response, Scorer, WithLanguage
from xlmaudit.spec import ProbeSpec, SuiteSpec

log = logging.getLogger(__name__)

SUMMARY_COLUMNS = (
    "suite",
    "probe",
    "group",
    "metric",
    "value",
    "ci_low",
    "ci_high",
    "n",
    "p_value",
)

LEVEL, CONTRAST = "level", "contrast"  # always present: the row's level, its groups in words
LANG = "lang"  # always present: the probe's language (raw: after ``probe``; summary: after level)


def summary_columns(present: list[str] | tuple[str, ...] = ()) -> list[str]:
    """summary.csv's columns: the contract, ``level``, every registered kind's extra columns,
    then any undeclared extra in ``present``, and ``contrast`` last (same whatever suites ran)."""
    cols = [*SUMMARY_COLUMNS, LEVEL, LANG]
    for _, kind in sorted(load_kinds().items()):  # by name: not by import order, which varies
        cols += [c for c in kind.summary_columns if c not in cols]
    cols += [c for c in present if c not in cols and c != CONTRAST]
    return [*cols, CONTRAST]


@dataclass
class SuiteResult:
    """The outcome of one suite: ``raw`` (item x candidate), ``summary`` rows and ``meta``."""

    suite: SuiteSpec
    raw: pd.DataFrame
    summary: pd.DataFrame
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ProbeWork:
    """One probe's items, its requests per item and the notes its kind gets back in raw_frame."""

    suite: SuiteSpec
    probe: ProbeSpec
    kind: ProbeKind
    items: list[Any]
    requests: list[list[Request]]
    notes: list[Any]
    data: list[str] = field(default_factory=list)  # names of the data files its items came from


def in_language(requests: list[list[Request]], lang: str) -> list[list[Request]]:
    """Every request with ``lang`` set (a request whose kind set a language keeps it)."""
    return [[r if r.lang is not None else replace(r, lang=lang) for r in rs] for rs in requests]


def prepare(suites: list[SuiteSpec], scorer: Scorer, ctx: RunContext) -> list[ProbeWork]:
    """Build every probe's items (first ``ctx.limit`` per probe) and their requests, in the
    probe's language (kinds need not know it: the runner binds the scorer and the requests)."""
    work = []
    views: dict[str, WithLanguage] = {}  # one view per language, so per-scorer memos are shared
    for suite in suites:
        for probe in suite.probes:
            kind = get_kind(probe.kind, where=probe.at("kind"))
            ctx.data_read.clear()
            items = list(kind.build_items(probe, ctx))
            data = list(dict.fromkeys(ctx.data_read))  # the data files this probe read
            if ctx.limit is not None and not kind.limits_within_items:
                items = items[: ctx.limit]
            view = views.setdefault(probe.language, WithLanguage(scorer, probe.language))
            asked = Asked.of(kind.requests(probe, items, view))
            if len(asked.requests) != len(items):
                n = len(asked.requests)
                raise RuntimeError(f"kind {kind.name}: {n} request lists for {len(items)}")
            reqs = in_language(asked.requests, probe.language)
            work.append(ProbeWork(suite, probe, kind, items, reqs, asked.notes, data))
    return work


def score_pooled(work: list[ProbeWork], scorer: Scorer) -> tuple[list[list[list[Response]]], int]:
    """One ``scorer.score`` call over the distinct requests of all probes; nested answers."""
    index: dict[str, int] = {}
    unique: list[Request] = []
    for p in work:
        for reqs in p.requests:
            for req in reqs:
                key = req.key()
                if key not in index:
                    index[key] = len(unique)
                    unique.append(req)
    answers = scorer.score(unique) if unique else []
    if len(answers) != len(unique):
        raise RuntimeError(f"scorer returned {len(answers)} answers for {len(unique)} requests")
    nested = [[[answers[index[r.key()]] for r in reqs] for reqs in p.requests] for p in work]
    return nested, len(unique)


def run_suites(
    suites: list[SuiteSpec], scorer: Scorer, *, ctx: RunContext | None = None
) -> list[SuiteResult]:
    """Run ``suites`` with ``scorer``; every distinct request of the whole run is scored once."""
    ctx = ctx or RunContext()
    work = prepare(suites, scorer, ctx)
    nested, n_unique = score_pooled(work, scorer)
    if not getattr(scorer, "is_main", True):  # a non-zero rank of a distributed run: rank 0 reports
        return []
    n_total = sum(len(r) for p in work for r in p.requests)
    log.info("scored %d distinct requests (%d asked)", n_unique, n_total)
    results = []
    for suite in suites:
        raws, sums, probes_meta = [], [], {}
        for p, answers in zip(work, nested, strict=True):
            if p.suite is not suite:
                continue
            raw = p.kind.raw_frame(p.probe, p.items, answers, p.notes)
            raw.insert(0, "probe", p.probe.id)
            raw.insert(0, "suite", suite.name)
            summary = p.kind.summarize(p.probe, raw, seed=ctx.seed)
            raw.insert(2, LANG, p.probe.language)
            described = p.kind.describe(p.probe)
            raws.append(raw)
            tidy = _tidy_summary(summary, suite.name, p.probe.id)
            contrast = tuple(described.get("contrast") or ())
            sums.append(
                _with_level_and_contrast(tidy, p.kind, contrast).assign(lang=p.probe.language)
            )
            probes_meta[p.probe.id] = {
                "kind": p.kind.name,
                "language": p.probe.language,
                "items": len(p.items),
                "requests": sum(len(r) for r in p.requests),
                **described,
                **({"data": p.data} if p.data else {}),
            }
        meta = {
            "name": suite.name,
            "version": suite.version,
            "path": suite.path,
            "sha256": suite.sha256,
            "languages": list(suite.languages),
            "probes": probes_meta,
            "distinct_requests_in_run": n_unique,
        }
        raw = pd.concat(raws, ignore_index=True) if raws else pd.DataFrame()
        summary = pd.concat(sums, ignore_index=True) if sums else _tidy_summary(None, "", "")
        results.append(SuiteResult(suite, raw, summary, meta))
    present = [c for r in results for c in r.summary.columns]
    columns = summary_columns(list(dict.fromkeys(present)))
    for r in results:
        r.summary = r.summary.reindex(columns=columns)
    return results


def _with_level_and_contrast(
    frame: pd.DataFrame, kind: ProbeKind, contrast: tuple[str, ...]
) -> pd.DataFrame:
    """``level`` filled where the kind left it out (overall / group) and ``contrast`` in words."""
    frame = frame.copy()
    fallback = frame["group"].isin(["all", "overall"]).map({True: "overall", False: "group"})
    frame[LEVEL] = frame[LEVEL].fillna(fallback) if LEVEL in frame else fallback
    frame[CONTRAST] = [kind.contrast_words(str(m), contrast) for m in frame["metric"]]
    return frame


def _tidy_summary(frame: pd.DataFrame | None, suite: str, probe: str) -> pd.DataFrame:
    """Put the contract columns first (adding ``p_value`` as NaN where no test applies)."""
    frame = pd.DataFrame(columns=list(SUMMARY_COLUMNS[2:])) if frame is None else frame.copy()
    frame["suite"] = suite
    frame["probe"] = probe
    if "p_value" not in frame:
        frame["p_value"] = float("nan")
    missing = [c for c in SUMMARY_COLUMNS if c not in frame]
    if missing:
        raise RuntimeError(f"summary of probe {probe!r} lacks columns {missing}")
    extra = [c for c in frame.columns if c not in SUMMARY_COLUMNS]
    return frame[list(SUMMARY_COLUMNS) + extra]
