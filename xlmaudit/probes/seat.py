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

import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from xlmaudit.datasets.seat import (
    DOMAINS,
    SETS,
    SeatTest,
    WordSet,
    domain_of,
    load_seat_test,
    seat_test,
)
from xlmaudit.datasets.weathub import VARIANTS, Dropped, WeathubTest, folder, weathub_tests
from xlmaudit.metrics import seat as m
from xlmaudit.probes import Asked, MetricDoc, ProbeKind, RunContext, register
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


@dataclass
class SeatItem:
    """One SEAT test; ``id`` is ``<name>-<hash of its content>``."""

    id: str
    test: SeatTest
    domain: str
    lines: dict[str, tuple[str, ...]] | None = None  # per set, file:line of each example
    dropped: tuple[Dropped, ...] = ()  # examples left out (WEATHub), kept in raw as excluded

    def rows(self) -> list[tuple[str, str, str]]:
        """(set, category, sentence) in request order: targ1, targ2, attr1, attr2."""
        return [(k, s.category, ex) for k, s in self.test.sets().items() for ex in s.examples]


def _item(test: SeatTest, domain: str | None = None, **extra) -> SeatItem:  # noqa: ANN003
    item = SeatItem("", test, domain_of(test.name) if domain is None else domain, **extra)
    text = "\n".join(f"{k}\t{c}\t{e}" for k, c, e in item.rows())
    item.id = f"{test.name}-{hashlib.sha1(text.encode()).hexdigest()[:8]}"
    return item


def _limited(test: SeatTest, ctx: RunContext) -> SeatTest:
    """``test`` cut to ``ctx.limit`` examples per set (``--limit``), else unchanged."""
    return test if ctx.limit is None else test.head(ctx.limit)


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
            _validate_weathub(probe)

    def build_items(self, probe: ProbeSpec, ctx: RunContext) -> list[SeatItem]:
        if "weathub" in probe.options:
            return weathub_items(probe, ctx)
        inline = probe.options.get("inline", {})
        names = probe.options.get("tests", () if inline else BIAS_BENCH_TESTS)
        items = []
        for name in names:
            path = self._path(probe, ctx, name)
            ctx.record_data(f"seat/{name}", path)
            items.append(_item(_limited(load_seat_test(path), ctx)))
        for name, node in inline.items():
            test = seat_test(node, str(name), str(probe.at("inline")))
            items.append(_item(_limited(test, ctx)))
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
        readable = [it if it.lines is None else _readable(it, scorer) for it in items]
        return Asked([[request_for(probe, s) for _, _, s in it.rows()] for it in readable],
                     readable)  # fmt: skip

    def raw_frame(
        self, probe: ProbeSpec, items: list[SeatItem], responses, notes: list
    ) -> pd.DataFrame:
        items = [n if isinstance(n, SeatItem) else it for it, n in zip(items, notes, strict=True)]
        frames = [_test_rows(probe, it, rs) for it, rs in zip(items, responses, strict=True)]
        _unreadable_notice(probe, items)
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


def _validate_weathub(probe: ProbeSpec) -> None:
    at = probe.at("weathub")
    if {"tests", "inline", "data"} & set(probe.options):
        raise at.error("weathub replaces tests, inline and data; give only one of them")
    variants = probe.options["weathub"]
    if not variants:
        raise at.error("weathub: name at least one variant")
    for v in variants:
        if v not in VARIANTS:
            raise at.error(f"weathub variant {v!r} not one of {', '.join(VARIANTS)}")
        if not weathub_tests(probe.language, v):
            raise at.error(f"WEATHub has no folder {folder(probe.language, v)} "
                           f"(language {probe.language!r}, variant {v!r})")  # fmt: skip


def weathub_items(probe: ProbeSpec, ctx: RunContext) -> list[SeatItem]:
    """One item per WEATHub test of the probe's language in each variant; every file's dropped
    examples go into ``meta.json`` (``data.<source>``) and one notice line on stderr."""
    import sys

    from xlmaudit.datasets import resolve_data_file
    from xlmaudit.datasets.weathub import load_weathub_test

    items, n_dropped = [], 0
    for variant in probe.options["weathub"]:
        for name in weathub_tests(probe.language, variant):
            source = f"weathub-{folder(probe.language, variant)}-{name}"
            path = resolve_data_file(source, data_dir=ctx.data_dir)
            ctx.record_data(source, path)
            loaded = load_weathub_test(path, probe.language, variant)
            status = ctx.data_status.setdefault(source, {})
            n_dropped += 0 if "n_excluded" in status else len(loaded.dropped)  # once per file
            _record_weathub(status, loaded)
            items.append(_weathub_item(loaded, ctx))
    if n_dropped:
        print(f"weathub ({probe.language}): {n_dropped} example(s) dropped (known 'nan' rows, "
              "repeats within a set), counted in n_excluded, listed with file:line in "
              "meta.json", file=sys.stderr)  # fmt: skip
    return items


def _record_weathub(status: dict, loaded: WeathubTest) -> None:
    status["n_kept"] = sum(len(w.examples) for w in loaded.test.sets().values())
    status["n_excluded"] = len(loaded.dropped)
    status["excluded"] = [f"{d.where}: {d.set} {d.word!r}: {d.reason}" for d in loaded.dropped]
    status["kept_with_note"] = list(loaded.notes)


def _weathub_item(loaded: WeathubTest, ctx: RunContext) -> SeatItem:
    test = _limited(loaded.test, ctx)
    lines = {k: loaded.lines[k][: len(w.examples)] for k, w in test.sets().items()}
    return _item(test, loaded.variant, lines=lines, dropped=loaded.dropped)


UNREADABLE = "every piece of the word is unknown to the model (<unk> only): no encoding of it"


def _readable(item: SeatItem, scorer: Scorer) -> SeatItem:
    """``item`` without the words the model reads as <unk> only (no non-special piece), which
    become dropped rows; a test left with an empty set keeps no word at all (it has no d)."""
    keep = {k: [any(not s for s in scorer.tokenize(w).special) for w in ws.examples]
            for k, ws in item.test.sets().items()}  # fmt: skip
    if all(all(v) for v in keep.values()):
        return item
    emptied = not all(any(v) for v in keep.values())
    sets, lines, dropped = {}, {}, list(item.dropped)
    reason = UNREADABLE if not emptied else "a set of the test has no word the model reads"
    for k, ws in item.test.sets().items():
        rows = list(zip(ws.examples, item.lines[k], keep[k], strict=True))
        ok = [(w, x) for w, x, f in rows if f and not emptied]
        sets[k] = WordSet(ws.category, tuple(w for w, _ in ok))
        lines[k] = tuple(x for _, x in ok)
        dropped += [Dropped(k, ws.category, w, x, "unknown", reason)
                    for w, x, f in rows if not f or emptied]  # fmt: skip
    test = SeatTest(item.test.name, **sets)
    return replace(item, test=test, lines=lines, dropped=tuple(dropped))


def _unreadable_notice(probe: ProbeSpec, items: list[SeatItem]) -> None:
    """One stderr line when the model read some words as <unk> only (model-dependent drops)."""
    import sys

    n = sum(d.code == "unknown" for it in items for d in it.dropped)
    lost = sum(1 for it in items if it.lines is not None and not it.rows())
    if n:
        print(f"{probe.id}: {n} word(s) the model reads as <unk> only excluded (raw: excluded, "
              f"n_excluded); {lost} of {len(items)} test(s) left without a set, so without a d",
              file=sys.stderr)  # fmt: skip


def _test_rows(probe: ProbeSpec, item: SeatItem, responses) -> pd.DataFrame:
    rows = item.rows()
    if not rows:
        return _with_sources(pd.DataFrame(), item)
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
    return frame if item.lines is None else _with_sources(frame, item)


def _with_sources(frame: pd.DataFrame, item: SeatItem) -> pd.DataFrame:
    """``source_line`` of every scored row, then the dropped examples as ``excluded`` rows."""
    frame = frame.assign(source_line=[line for k in SETS for line in item.lines[k]], excluded="")
    if not item.dropped:
        return frame
    dropped = pd.DataFrame(
        {
            "item_id": item.id,
            "test": item.test.name,
            "domain": item.domain,
            "set": [d.set for d in item.dropped],
            "category": [d.category for d in item.dropped],
            "sentence": [d.word for d in item.dropped],
            "source_line": [d.where for d in item.dropped],
            "excluded": [d.reason for d in item.dropped],
        }
    )
    return pd.concat([frame, dropped], ignore_index=True)


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
