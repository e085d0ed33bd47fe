"""``attribution``: explain the items of another probe of the same suite with Captum.

YAML::

    - id: pronoun-why
      kind: attribution
      explains: pronoun          # a probe of this suite
      terms: [she, he]           # optional: target and contrast word (default: first term of the
                                 # explained probe's two contrast groups)
      method: lig                # lig | grad_x_input | saliency | ablation
      steps: 50
      baseline: pad              # pad | mask | unk
      top: 10                    # words per group in the summary

Which explanation each explained item gets:

- a text with one ``[MASK]`` (target_preference, increased_log_prob): log P(term A) - log P(term B)
  at the mask;
- a template with the reserved ``{target}`` slot (counterfactual_pll): the slot becomes the mask,
  then as above;
- a sentence pair (CrowS-Pairs ``sent_more``/``sent_less``; StereoSet stereotype/anti-stereotype)
  that differs in one slot: the slot is masked and filler A is contrasted with filler B
  (groups ``more``/``less`` or ``stereotype``/``anti-stereotype``); pairs differing in more than
  one slot cannot be explained this way and are counted (``n_skipped``), never dropped silently.

Raw frame: the tidy token frame of :mod:`xlmaudit.attributions` (one row per item x token,
``item_id`` = the explained item's id) plus ``target_group``/``contrast_group``; skipped items get
one row with ``skipped`` giving the reason. Summary: per group, the ``top`` context words pushing
toward it (``metric`` = ``word_attribution``, extra column ``word``; value = mean over the items
containing the word, 95% bootstrap interval), the mean explained value, and the completeness of IG.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from xlmaudit.attributions import top_words, word_frame
from xlmaudit.attributions.aggregate import bootstrap_interval
from xlmaudit.attributions.frame import FRAME_COLUMNS, token_frame
from xlmaudit.attributions.pairs import slot_contrast
from xlmaudit.errors import InputError
from xlmaudit.probes import MetricDoc, ProbeKind, RunContext, get_kind, register
from xlmaudit.requests import (
    ATTRIBUTION_BASELINES,
    ATTRIBUTION_METHODS,
    MASK,
    AttributionRequest,
    Request,
    Response,
    Scorer,
)
from xlmaudit.spec import ProbeSpec

METHODS, BASELINES = ATTRIBUTION_METHODS, ATTRIBUTION_BASELINES


@dataclass(frozen=True)
class ExplainItem:
    """One explanation: the explained item's id, masked text, the two words and their groups."""

    id: str
    text: str = ""
    target: str = ""
    contrast: str = ""
    target_group: str = ""
    contrast_group: str = ""
    skipped: str = ""  # reason the item cannot be explained ("" = explained)


def _explained(probe: ProbeSpec) -> ProbeSpec:
    from xlmaudit.probes.check import check_probe
    from xlmaudit.spec import parse_suite

    name = probe.options["explains"]
    for other in parse_suite(probe.where.file).probes:
        if other.id == name:
            if other.kind == AttributionKind.name:
                raise probe.at("explains").error(f"probe {name!r} is itself an attribution probe")
            return check_probe(other)
    raise probe.at("explains").error(f"probe {probe.id!r} explains {name!r}: no such probe")


def _terms(probe: ProbeSpec, other: ProbeSpec) -> tuple[str, str, str, str]:
    """(target, contrast, target group, contrast group) for template probes."""
    if not other.groups:
        return "", "", "", ""
    names = [g.name for g in other.groups]
    a, b = (str(x) for x in other.options.get("contrast", names[:2]))
    if "terms" in probe.options:
        t, c = (str(x) for x in probe.options["terms"])
        return t, c, a, b
    return other.group(a).terms[0], other.group(b).terms[0], a, b


def _pair(item_id: str, a: str, b: str, groups: tuple[str, str]) -> ExplainItem:
    try:
        text, fill_a, fill_b = slot_contrast(a, b, item=item_id)
    except InputError as exc:
        return ExplainItem(item_id, skipped=str(exc))
    return ExplainItem(item_id, text, fill_a, fill_b, *groups)


def to_explain_item(item: Any, words: tuple[str, str, str, str], slot: str) -> ExplainItem:
    """The explanation of one item of the explained probe (see the module docstring)."""
    if hasattr(item, "sent_more"):
        return _pair(item.id, item.sent_more, item.sent_less, ("more", "less"))
    if hasattr(item, "sentences"):
        by_label = {label: s for _, label, s in item.sentences}
        if {"stereotype", "anti-stereotype"} <= set(by_label):
            pair = by_label["stereotype"], by_label["anti-stereotype"]
            return _pair(item.id, *pair, ("stereotype", "anti-stereotype"))
        return ExplainItem(item.id, skipped="cluster lacks a stereotype/anti-stereotype pair")
    text = getattr(item, "text", "")
    if "{" + slot + "}" in text and MASK not in text:
        text = text.replace("{" + slot + "}", MASK)
    if text.count(MASK) != 1:
        return ExplainItem(item.id, skipped=f"text {text!r} has no single [MASK] or {{{slot}}}")
    return ExplainItem(item.id, text, *words)


@register
class AttributionKind(ProbeKind):
    """Gradient (or ablation) attributions of another probe's items; see the module docstring."""

    name = "attribution"
    uses_templates = False
    mask = "none"
    needs_gradients = True
    options = {
        "explains": str,
        "terms": list,
        "method": str,
        "steps": int,
        "baseline": str,
        "top": int,
    }
    required = ("explains",)
    summary_columns = ("word", "rank", "method")
    main_metric = ""  # explanations, not a bias measurement: no headline, not compared
    metric_docs = (
        MetricDoc("word_attribution",
                  "mean attribution of a context word toward the row's group (units of the "
                  "explained log-probability difference)",
                  "per group, the context words pushing most toward it: mean over the items "
                  "containing the word, 95% bootstrap interval"),
        MetricDoc("explained_value", "explained value: log P(target word) - log P(contrast "
                  "word) at the mask (nats)", "mean over explained items, bootstrap interval"),
        MetricDoc("relative_delta", "integrated-gradients completeness error, relative (0 = "
                  "exact)", "|sum of attributions - (F(x) - F(baseline))| / |F(x) - "
                  "F(baseline)|, mean over items"),
        MetricDoc("relative_delta_max", "largest relative completeness error (0 = exact)",
                  "maximum over items"),
        MetricDoc("n_skipped", "items that could not be explained (count)",
                  "pairs differing in more than one slot, counted, never dropped silently"),
    )  # fmt: skip

    def validate(self, probe: ProbeSpec) -> None:
        ProbeKind.validate(self, probe)
        checks = (("method", METHODS), ("baseline", BASELINES))
        for key, allowed in checks:
            if key in probe.options and probe.options[key] not in allowed:
                raise probe.at(key).error(f"{key} must be one of {', '.join(allowed)}")
        terms = probe.options.get("terms")
        if terms is not None and (len(terms) != 2 or not all(isinstance(t, str) for t in terms)):
            raise probe.at("terms").error("terms must be two words: [target, contrast]")
        for key in ("steps", "top"):
            if probe.options.get(key, 1) < 1:
                raise probe.at(key).error(f"{key} must be >= 1")

    def build_items(self, probe: ProbeSpec, ctx: RunContext) -> list[ExplainItem]:
        other = _explained(probe)
        words = _terms(probe, other)
        slot = str(other.options.get("target_slot", "target"))
        items = get_kind(other.kind, where=other.at("kind")).build_items(other, ctx)
        return [to_explain_item(item, words, slot) for item in items]

    def requests(
        self, probe: ProbeSpec, items: list[ExplainItem], scorer: Scorer
    ) -> list[list[Request]]:
        opts = probe.options
        return [
            []
            if it.skipped
            else [
                AttributionRequest(
                    it.text,
                    it.target,
                    it.contrast or None,
                    method=opts.get("method", "lig"),
                    n_steps=opts.get("steps", 50),
                    baseline=opts.get("baseline", "pad"),
                )
            ]
            for it in items
        ]

    def raw_frame(
        self,
        probe: ProbeSpec,
        items: list[ExplainItem],
        responses: list[list[Response]],
        notes: list,
    ) -> pd.DataFrame:
        done = [(it, r[0]) for it, r in zip(items, responses, strict=True) if not it.skipped]
        frame = token_frame(
            [r for _, r in done],
            item_ids=[it.id for it, _ in done],
            targets=[it.target for it, _ in done],
            contrasts=[it.contrast for it, _ in done],
        )
        groups = {it.id: (it.target_group, it.contrast_group) for it, _ in done}
        frame["target_group"] = [groups[i][0] for i in frame["item_id"]]
        frame["contrast_group"] = [groups[i][1] for i in frame["item_id"]]
        frame["skipped"] = ""
        skipped = pd.DataFrame(
            {
                "item_id": [it.id for it in items if it.skipped],
                "skipped": [it.skipped for it in items if it.skipped],
            }  # fmt: skip
        )
        return pd.concat([frame, skipped], ignore_index=True) if len(skipped) else frame

    def summarize(self, probe: ProbeSpec, raw: pd.DataFrame, *, seed: int) -> pd.DataFrame:
        skipped = raw["skipped"].fillna("").astype(bool)
        tokens = raw[~skipped][[*FRAME_COLUMNS, "target_group", "contrast_group"]]
        tokens = tokens.astype({"special": bool, "is_mask": bool, "mixed_piece_counts": bool})
        rows = _word_rows(tokens, top=int(probe.options.get("top", 10)), seed=seed)
        rows += _item_rows(tokens, seed=seed, n_skipped=int(skipped.sum()))
        return pd.DataFrame(rows)


def _word_rows(tokens: pd.DataFrame, *, top: int, seed: int) -> list[dict]:
    if tokens.empty:
        return []
    best = top_words(word_frame(tokens), top=top, seed=seed)
    return [
        {"group": r.group, "metric": "word_attribution", "value": r.value, "ci_low": r.ci_low,
         "ci_high": r.ci_high, "n": r.n, "word": r.word, "rank": r.rank, "method": r.method}
        for r in best.itertuples(index=False)
    ]  # fmt: skip


def _item_rows(tokens: pd.DataFrame, *, seed: int, n_skipped: int) -> list[dict]:
    """Mean explained value F(x) and IG completeness over explanations, and the skipped count."""
    per = tokens.drop_duplicates("item_id")
    rows = [{"group": "all", "metric": "n_skipped", "value": n_skipped, "n": n_skipped}]
    for metric, column in (("explained_value", "value"), ("relative_delta", "relative_delta")):
        x = per[column].to_numpy(dtype=float)
        x = x[np.isfinite(x)]
        if not len(x):
            continue
        lo, hi = bootstrap_interval(x, seed=seed)
        rows.append({"group": "all", "metric": metric, "value": float(x.mean()), "ci_low": lo,
                     "ci_high": hi, "n": len(x)})  # fmt: skip
    if per["relative_delta"].notna().any():
        rows.append({"group": "all", "metric": "relative_delta_max",
                     "value": float(per["relative_delta"].max()), "n": int(len(per))})  # fmt: skip
    return [{"ci_low": np.nan, "ci_high": np.nan, **r} for r in rows]
