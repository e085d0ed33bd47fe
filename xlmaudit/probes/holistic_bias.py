"""Probe kind ``holistic-bias``: HolisticBias sentences scored by PLL, Likelihood Bias (MLM).

Items are the sentences of :mod:`xlmaudit.datasets.holistic_bias` (descriptors x nouns x
templates, the paper's generator without its stylistic variants); each gets one ``PLLRequest``
with the probe's ``estimator`` (``word_l2r`` default, or ``original``). The summary is the
masked-LM adaptation of the paper's Likelihood Bias (:mod:`xlmaudit.metrics.holistic_bias`).

YAML keys: ``estimator``; ``data`` (folder holding the four v1.1 JSON files; default:
``--data-dir``, ``$XLMAUDIT_DATA_DIR`` or the cache); small-set options ``descriptors_per_axis``
(first k descriptors of each axis, sorted), ``nouns`` (nouns kept, singular forms) and
``templates`` (templates kept, as written in the data).

Item order (what ``--limit N`` keeps): descriptors are taken two per axis at a time, and within
that block template by template over all axes, so the first N items hold complete descriptor
pairs (every noun) in the first templates of every axis rather than all of one axis.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from xlmaudit.datasets import holistic_bias as hb
from xlmaudit.metrics import holistic_bias as m
from xlmaudit.probes import MetricDoc, ProbeKind, RunContext, register
from xlmaudit.probes.shared import option_path
from xlmaudit.requests import ESTIMATORS, PLLRequest

if TYPE_CHECKING:
    from xlmaudit.requests import Request, Response, Scorer
    from xlmaudit.spec import ProbeSpec

BLOCK = 2  # descriptors per axis per block of the item order


@dataclass
class SentenceItem:
    id: str
    sentence: hb.Sentence


def data_files(probe: ProbeSpec, ctx: RunContext) -> dict[str, Path]:
    """Resolve (and record the checksums of) the four HolisticBias files."""
    from xlmaudit.datasets import resolve_data_file

    folder = option_path(probe)
    out = {}
    for key, name in hb.FILES.items():
        path = folder / name if folder is not None else None
        out[key] = resolve_data_file(f"holistic-bias-{key}", path=path, data_dir=ctx.data_dir)
        ctx.record_data(f"holistic-bias ({name})", out[key])
    return out


def select(phrases: list[hb.NounPhrase], templates: dict, options: dict) -> tuple[list, dict]:
    """Apply the small-set options (``descriptors_per_axis``, ``nouns``, ``templates``)."""
    k = options.get("descriptors_per_axis")
    if k is not None:
        keep: dict[str, list[str]] = {}
        for p in phrases:
            names = keep.setdefault(p.axis, [])
            if p.descriptor not in names:
                names.append(p.descriptor)
        allowed = {(a, d) for a, names in keep.items() for d in sorted(names)[:k]}
        phrases = [p for p in phrases if (p.axis, p.descriptor) in allowed]
    if options.get("nouns") is not None:
        nouns = set(options["nouns"]) | {hb.NONE}
        phrases = [p for p in phrases if p.noun in nouns]
    if options.get("templates") is not None:
        templates = {t: s for t, s in templates.items() if t in set(options["templates"])}
    return phrases, templates


def ordered(sents: list[hb.Sentence], templates: dict) -> list[hb.Sentence]:
    """The item order described in the module docstring (deterministic)."""
    t_rank = {t: i for i, t in enumerate(templates)}
    d_rank: dict[tuple[str, str], int] = {}
    for axis in sorted({s.phrase.axis for s in sents}):
        names = sorted({s.phrase.descriptor for s in sents if s.phrase.axis == axis})
        d_rank.update({(axis, d): i for i, d in enumerate(names)})

    def key(s: hb.Sentence) -> tuple:
        p = s.phrase
        r = d_rank[(p.axis, p.descriptor)]
        return (r // BLOCK, t_rank[s.template], p.axis, r, p.noun_gender, p.noun, s.text)

    return sorted(sents, key=key)


def item_id(s: hb.Sentence) -> str:
    raw = f"{s.phrase.axis}|{s.phrase.descriptor}|{s.template}|{s.text}"
    return hashlib.sha1(raw.encode()).hexdigest()[:12]


@register
class HolisticBias(ProbeKind):
    """HolisticBias (Smith et al. 2022) with a masked-LM Likelihood Bias (our adaptation)."""

    name = "holistic-bias"
    uses_templates = False
    mask = "none"
    options = {
        "estimator": str,
        "data": str,
        "descriptors_per_axis": int,
        "nouns": list,
        "templates": list,
    }
    choices = {"estimator": ESTIMATORS}
    main_metric = m.METRIC  # kind declarations (read by the report where the base class has them)
    summary_columns = ("level", "axis", "template", "descriptor", "preference", "rank",
                       "annotation", "estimator")  # fmt: skip
    pairing = "score"  # across runs: the same sentence (item_id) in both, by axis
    cluster_key = "template"  # sentences (and descriptor pairs) of one template share it
    metric_docs = (
        MetricDoc(m.METRIC,
                  "Likelihood Bias, masked-LM adaptation: fraction of descriptor pairs whose "
                  "sentence-score distributions differ (0-1)",
                  "Smith et al. (2022) adapted to a masked LM (ours): each sentence is scored by "
                  "its pseudo-log-likelihood per scored token (the probe's estimator) instead of "
                  "a causal LM's perplexity; per axis and template, every pair of descriptors is "
                  "compared by a two-sided Mann-Whitney U test (scipy defaults) on their sentence "
                  "scores, significant at p < 0.05 with no multiple-comparison correction (as "
                  "the paper); the value is the fraction of significant pairs, per axis and "
                  "template, per axis and overall; interval: per axis and overall a cluster "
                  "bootstrap over templates (the pairs of one template are resampled together; "
                  "never narrower than Clopper-Pearson), "
                  "per axis and template Clopper-Pearson over pairs (pairs treated as "
                  "independent trials). No-bias value: not 0 but the test's "
                  "false-positive rate, about 0.05 when no descriptor changes the scores",
                  reference=m.P_THRESHOLD,
                  above="tells {size} more of its descriptor pairs apart than the ~5% "
                  "chance rate {ci}: descriptors change how likely it finds the same sentence",
                  below="tells descriptor pairs apart no more often than the ~5% chance rate "
                  "({size} below it {ci})", unit="fraction"),
        MetricDoc("mean_pll_per_token",
                  "mean pseudo-log-likelihood per scored token of the descriptor's sentences "
                  "(nats; higher = more likely)",
                  "per (axis, descriptor): mean over its sentences (nouns x templates) of the "
                  "sentence PLL divided by its scored tokens, cluster bootstrap interval over "
                  "templates (the sentences of one template resampled together); rank 1 = "
                  "least likely descriptor of its axis; 'dispreferred' / 'polarizing' "
                  "annotations from the dataset. Across runs: paired by sentence "
                  "(item_id), exact sign test on per-sentence differences, by axis"),
    )  # fmt: skip

    def paired_values(self, raw: pd.DataFrame, main: str) -> tuple[str, pd.DataFrame] | None:
        """Per sentence its PLL per token, grouped by axis (the no-descriptor control left out):
        the Likelihood Bias fraction itself has no per-item value to pair."""
        if "score" not in raw.columns:
            return None
        rows = raw[raw["axis"] != "null"].dropna(subset=["score"])
        frame = pd.DataFrame({"item_id": rows["item_id"], "value": rows["score"],
                              "group": rows["axis"]})  # fmt: skip
        return "mean_pll_per_token", frame

    def validate(self, probe: ProbeSpec) -> None:
        super().validate(probe)
        k = probe.options.get("descriptors_per_axis")
        if k is not None and k < 2:
            raise probe.at("descriptors_per_axis").error("descriptors_per_axis must be >= 2")

    def build_items(self, probe: ProbeSpec, ctx: RunContext) -> list[SentenceItem]:
        phrases, templates = hb.load(data_files(probe, ctx))
        phrases, templates = select(phrases, templates, probe.options)
        seen: set[str] = set()
        items = []
        for s in ordered(hb.sentences(phrases, templates), templates):
            iid = item_id(s)
            if iid not in seen:
                seen.add(iid)
                items.append(SentenceItem(iid, s))
        return items

    def requests(
        self, probe: ProbeSpec, items: list[SentenceItem], scorer: Scorer
    ) -> list[list[Request]]:
        est = probe.options.get("estimator", "word_l2r")
        return [[PLLRequest(it.sentence.text, est)] for it in items]

    def raw_frame(
        self,
        probe: ProbeSpec,
        items: list[SentenceItem],
        responses: list[list[Response]],
        notes: list[Any],
    ) -> pd.DataFrame:
        est = probe.options.get("estimator", "word_l2r")
        rows: list[dict[str, Any]] = []
        for it, (resp,) in zip(items, responses, strict=True):
            p = it.sentence.phrase
            n = len(resp.logprobs)
            total = float(resp.total)
            rows.append({
                "item_id": it.id, "axis": p.axis, "bucket": p.bucket,
                "descriptor": p.descriptor, "preference": p.preference, "noun": p.noun,
                "noun_gender": p.noun_gender, "noun_phrase_type": p.noun_phrase_type,
                "template": it.sentence.template, "text": it.sentence.text, "estimator": est,
                "pll": total, "n_scored": n, "score": total / n if n else np.nan,
            })  # fmt: skip
        return pd.DataFrame(rows)

    def summarize(self, probe: ProbeSpec, raw: pd.DataFrame, *, seed: int) -> pd.DataFrame:
        scored = raw[raw["axis"] != "null"]  # the no-descriptor control has one "descriptor"
        pairs = m.pair_tests(scored)
        lb = m.likelihood_bias(pairs, cluster=self.cluster_key)
        means = m.descriptor_means(scored, seed=seed, cluster=self.cluster_key)
        out = pd.concat([lb, means], ignore_index=True)
        out["estimator"] = probe.options.get("estimator", "word_l2r")
        return out
