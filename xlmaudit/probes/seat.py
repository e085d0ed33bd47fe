"""Probe kind ``seat``: SEAT / WEAT effect sizes of sentence encodings (see xlmaudit.metrics.seat).

YAML keys (all optional):

- ``tests``: test names (file stems, e.g. ``sent-weat6``); default: bias-bench's 17 tests
  (gender, race, religion). Files are read from ``data`` (a directory, relative to the suite
  file), else ``--data-dir`` / ``$XLMAUDIT_DATA_DIR`` / the cache as ``seat/<test>.jsonl``.
- ``inline``: tests written in the suite, ``{name: {targ1: {category, examples}, ...}}``
  (run after ``tests``; with ``inline`` and no ``tests`` only the inline tests run).
- ``pooling``: ``mean`` (bias-bench: mean over all positions of the layer, specials included;
  default) or ``first`` (sent-bias: the first word piece, text fed without specials).
- ``layer``: hidden layer (default -1, the last; 0 = embeddings).
- ``n_samples`` (default 100,000) and ``parametric`` (also report the normal-fit p).
- ``weathub``: WEATHub variants (``human``, ``gt``, ``all``, ``new``, ``india``; Mukherjee et al.
  2023) instead of ``tests``: every test of the probe's language in each variant, read from
  ``weathub/data/<lang>_<variant>/`` under the data directory (GPL-3.0, never shipped; loader and
  bad-row policy: :mod:`xlmaudit.datasets.weathub`). Tests are named ``<variant>-<test>`` and
  grouped by variant (the ``domain``, so the mean |d| is per variant and overall). The dropped
  examples (known "nan" rows, repeats) stay in raw with ``excluded`` (the reason) and
  ``source_line`` (``file:line``; every WEATHub row has one), are counted in ``n_excluded`` and
  listed in ``meta.json`` under ``data.weathub-<folder>-<test>``.

``--limit N`` keeps every test (and so every domain) and cuts each test to the first N examples of
each of its four sets (X, Y, A, B; X and Y stay equal in size): a test is one item, and keeping
the first N tests would silently drop whole domains (religion comes last).

Items: one per test. Raw rows: one per (test, set, sentence) with ``association`` (s(w, A, B),
targets only) and ``cos`` (a JSON list, exact float64: the target's cosines with every attribute
sentence of the test in raw-row order, attr1 then attr2), so the summary (d, p, intervals) is
recomputed from raw alone (``weat_inputs``), also from ``raw/<suite>.parquet``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from xlmaudit.datasets.seat import DOMAINS, SETS, load_seat_test, seat_test
from xlmaudit.metrics import seat as m
from xlmaudit.probes import Asked, MetricDoc, ProbeKind, RunContext, register
from xlmaudit.probes.seat_items import SeatItem, limited, make_item
from xlmaudit.probes.seat_weathub import (
    readable,
    unreadable_notice,
    validate_weathub,
    weathub_items,
    with_sources,
)
from xlmaudit.probes.shared import option_path
from xlmaudit.requests import HiddenStatesRequest

if TYPE_CHECKING:
    from xlmaudit.requests import Scorer
    from xlmaudit.spec import ProbeSpec

BIAS_BENCH_TESTS: tuple[str, ...] = tuple(t for tests in DOMAINS.values() for t in tests)
# summary columns naming each test's sets (from the test file's categories), used in the report's
# direction words: d > 0 = target_x (X) is closer to attribute_a (A), target_y (Y) to attribute_b
SET_COLUMNS = {"targ1": "target_x", "targ2": "target_y", "attr1": "attribute_a",
               "attr2": "attribute_b"}  # fmt: skip
D_SETS = "{target_x} (X) with {attribute_a} (A) and {target_y} (Y) with {attribute_b} (B)"
D_SETS_BELOW = "{target_x} (X) with {attribute_b} (B) and {target_y} (Y) with {attribute_a} (A)"
SEAT_DOCS: tuple[MetricDoc, ...] = (
    MetricDoc("effect_size",
              "SEAT effect size d (standard deviations; 0 = no association)",
              "WEAT effect size of one test (Caliskan et al. 2017; May et al. 2019, as sent-bias "
              "weat.py): s(w) = mean cosine of sentence w with attribute set A minus with B; "
              "d = (mean s over target set X - mean s over Y) / sample std (ddof=1) of s over X "
              "and Y; p: one-sided (d > 0, X-A/Y-B association) permutation test over "
              "equal-size splits of X and Y (exact or sampled, sent-bias's rule), Holm across "
              "the tests of the probe (p_holm); beside it the two-sided p (p_two_sided: share of "
              "the same splits with |sum over Xi of s - sum over Yi of s| >= the observed one; "
              "ours) and its Holm adjustment (p_two_sided_holm), which a reversed association "
              "(d < 0) can make small too; interval: percentile bootstrap resampling X, Y, A "
              "and B (ours, not sent-bias's), two-sided",
              reference=0.0, contrast="{a} - {b}, towards attribute A over B",
              above="associates " + D_SETS + ", |d| = {size} {ci}",
              below="associates " + D_SETS_BELOW + ", |d| = {size} {ci}"),
    MetricDoc("mean_abs_effect_size",
              "average |d| over the tests of a domain (standard deviations; 0 = none)",
              "bias-bench's SEAT aggregate (Meade et al. 2022): mean absolute effect size over "
              "the tests of the domain (gender, race, religion) or of all domains (overall); no "
              "interval: the tests are a fixed battery, not a sample"),
    MetricDoc("abs_effect_size", "|d| of one test (standard deviations; 0 = none)",
              "absolute SEAT effect size per test, paired by test across two runs by "
              "`xlmaudit compare` (their mean over shared tests is the bias-bench aggregate)"),
)  # fmt: skip


def request_for(probe: ProbeSpec, sentence: str) -> HiddenStatesRequest:
    """The encoding request of one sentence: ``first`` pooling feeds the text without specials."""
    pooling = probe.options.get("pooling", "mean")
    layer = int(probe.options.get("layer", -1))
    return HiddenStatesRequest(sentence, layer, pooling, specials=pooling != "first")


@register
class Seat(ProbeKind):
    """SEAT (May et al. 2019) / WEAT (Caliskan et al. 2017) on pooled hidden states."""

    name = "seat"
    uses_templates = False
    mask = "none"
    options = {
        "tests": list,
        "inline": dict,
        "data": str,
        "pooling": str,
        "layer": int,
        "n_samples": int,
        "parametric": bool,
        "weathub": list,
    }
    choices = {"pooling": ("mean", "first")}
    main_metric = "effect_size"
    metric_docs = SEAT_DOCS
    contrast = ("target set X", "target set Y")
    pairing = "score"
    limits_within_items = True  # --limit N: the first N examples of each set of every test
    summary_columns = ("p_holm", "p_two_sided", "p_two_sided_holm", "domain",
                       *SET_COLUMNS.values(), "n_excluded")  # fmt: skip

    def paired_values(self, raw: pd.DataFrame, main: str) -> tuple[str, pd.DataFrame] | None:
        """|d| per test (the item), grouped by bias-bench domain: compare's mean is the
        aggregate."""
        return "abs_effect_size", m.item_effect_sizes(scored(raw))

    def validate(self, probe: ProbeSpec) -> None:
        super().validate(probe)
        if probe.options.get("n_samples", 1) < 1:
            raise probe.at("n_samples").error("n_samples must be >= 1")
        for i, name in enumerate(probe.options.get("tests", ())):
            if not isinstance(name, str) or not name:
                raise probe.at("tests").error(f"tests[{i}] must be a test name, got {name!r}")
        for name, node in probe.options.get("inline", {}).items():
            seat_test(node, str(name), str(probe.at("inline")))
        if "weathub" in probe.options:
            validate_weathub(probe)

    def build_items(self, probe: ProbeSpec, ctx: RunContext) -> list[SeatItem]:
        if "weathub" in probe.options:
            return weathub_items(probe, ctx)
        inline = probe.options.get("inline", {})
        names = probe.options.get("tests", () if inline else BIAS_BENCH_TESTS)
        items = []
        for name in names:
            path = self._path(probe, ctx, name)
            ctx.record_data(f"seat/{name}", path)
            items.append(make_item(limited(load_seat_test(path), ctx)))
        for name, node in inline.items():
            test = seat_test(node, str(name), str(probe.at("inline")))
            items.append(make_item(limited(test, ctx)))
        return items

    @staticmethod
    def _path(probe: ProbeSpec, ctx: RunContext, name: str) -> Path:
        from xlmaudit.datasets import resolve_data_file
        from xlmaudit.datasets.sources import SOURCES

        base = option_path(probe)
        if base is not None:
            path = base / f"{name}.jsonl"
            if not path.is_file():
                raise probe.at("data").error(f"SEAT test {name!r}: no file {path}")
            return path
        if f"seat-{name}" not in SOURCES:
            raise probe.at("tests").error(f"unknown SEAT test {name!r} (give `data:`)")
        return resolve_data_file(f"seat-{name}", data_dir=ctx.data_dir)

    def requests(self, probe: ProbeSpec, items: list[SeatItem], scorer: Scorer):
        if all(it.lines is None for it in items):
            return [[request_for(probe, s) for _, _, s in it.rows()] for it in items]
        kept = [it if it.lines is None else readable(it, scorer) for it in items]
        return Asked([[request_for(probe, s) for _, _, s in it.rows()] for it in kept], kept)

    def raw_frame(
        self, probe: ProbeSpec, items: list[SeatItem], responses, notes: list
    ) -> pd.DataFrame:
        items = [n if isinstance(n, SeatItem) else it for it, n in zip(items, notes, strict=True)]
        frames = [_test_rows(probe, it, rs) for it, rs in zip(items, responses, strict=True)]
        unreadable_notice(probe, items)
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()

    def summarize(self, probe: ProbeSpec, raw: pd.DataFrame, *, seed: int) -> pd.DataFrame:
        tests = weat_inputs(raw)
        out = m.summarize_tests(
            tests,
            n_samples=probe.options.get("n_samples", m.N_SAMPLES),
            parametric=probe.options.get("parametric", False),
            seed=seed,
        )
        if out.empty:  # every test lost a set to words the model cannot read (raw: excluded)
            return pd.DataFrame(columns=["group", "metric", "value", "ci_low", "ci_high", "n",
                                         "p_value"])  # fmt: skip
        out = out.assign(pooling=probe.options.get("pooling", "mean"),
                         layer=probe.options.get("layer", -1))  # fmt: skip
        out = with_set_names(out, raw)
        return out if "excluded" not in raw else with_n_excluded(out, raw)


def _test_rows(probe: ProbeSpec, item: SeatItem, responses) -> pd.DataFrame:
    rows = item.rows()
    if not rows:
        return with_sources(pd.DataFrame(), item)
    vectors = np.stack([np.asarray(r.states, dtype=np.float64) for r in responses])
    sets = np.array([k for k, _, _ in rows])
    is_target = np.isin(sets, SETS[:2])
    cos = m.cosines(vectors[is_target], vectors[~is_target])
    n_a = int(np.sum(sets == "attr1"))
    assoc = np.full(len(rows), np.nan)
    assoc[is_target] = m.association(cos, n_a)
    cos_lists: list[str | None] = [None] * len(rows)
    for j, i in enumerate(np.flatnonzero(is_target)):
        cos_lists[i] = json.dumps(cos[j].tolist())  # exact float64 round trip
    frame = pd.DataFrame(
        {
            "item_id": item.id,
            "test": item.test.name,
            "domain": item.domain,
            "set": sets,
            "category": [c for _, c, _ in rows],
            "sentence": [s for _, _, s in rows],
            "n_pieces": [sum(not s for s in r.encoding.special) for r in responses],
            "association": assoc,
            "cos": cos_lists,
        }
    )
    return frame if item.lines is None else with_sources(frame, item)


def with_set_names(summary: pd.DataFrame, raw: pd.DataFrame) -> pd.DataFrame:
    """Summary rows with ``level`` (per test: category; per-domain |d|: aggregate) and each
    test's set names (:data:`SET_COLUMNS`, from the test file's categories)."""
    names = raw.drop_duplicates(["test", "set"]).pivot(index="test", columns="set",
                                                       values="category")  # fmt: skip
    names = names.rename(columns=SET_COLUMNS).reindex(columns=list(SET_COLUMNS.values()))
    per_test = summary["metric"] == "effect_size"
    out = summary.assign(level=per_test.map({True: "category", False: "aggregate"}))
    for col in names.columns:
        out[col] = out["group"].map(names[col]).where(per_test)
    return out


def with_n_excluded(summary: pd.DataFrame, raw: pd.DataFrame) -> pd.DataFrame:
    """``n_excluded``: the dropped examples (raw ``excluded`` rows) per test, and summed over the
    tests of each aggregate row's domain (``overall``: all)."""
    bad = raw["excluded"].fillna("").ne("")
    per_test = raw[bad].groupby("test").size()
    per_domain = raw[bad].groupby("domain").size()
    counts = [per_test.get(g, 0) if metric == "effect_size" else
              (int(bad.sum()) if g == "overall" else per_domain.get(g, 0))
              for g, metric in zip(summary["group"], summary["metric"], strict=True)]  # fmt: skip
    return summary.assign(n_excluded=[int(c) for c in counts])


def scored(raw: pd.DataFrame) -> pd.DataFrame:
    """The raw rows that were encoded (a dropped WEATHub example has ``excluded`` set)."""
    return raw if "excluded" not in raw else raw[raw["excluded"].fillna("").eq("")]


def weat_inputs(raw: pd.DataFrame) -> list[tuple[str, str, np.ndarray, int, int]]:
    """(test, domain, cos, n_x, n_a) per test of a raw frame, in the frame's order."""
    out = []
    raw = scored(raw)
    for item_id in pd.unique(raw.item_id):
        part = raw[raw.item_id == item_id]
        targets = part[part.set.isin(SETS[:2])]
        cos = np.array([json.loads(c) for c in targets.cos], dtype=np.float64)
        n_x, n_a = int((part.set == "targ1").sum()), int((part.set == "attr1").sum())
        out.append((str(part.test.iloc[0]), str(part.domain.iloc[0]), cos, n_x, n_a))
    return out
