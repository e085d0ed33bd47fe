"""Template kinds scored at the mask: target preference, Kurita et al.'s increased log-prob.

``target_preference``: each template has one ``[MASK]``; the candidate groups (``female: [she]``,
``male: [he]``) are scored there as words (multi-piece candidates chained, see the core). Per item:

- ``p_<group>`` = sum of the group's candidate probabilities / sum over all candidates;
- ``log_odds`` = log P(group A) - log P(group B), A and B the ``contrast`` groups (default: the
  first two), P(group) the sum of its candidates' probabilities.

``increased_log_prob`` (Kurita et al. 2019, "Measuring Bias in Contextualized Word
Representations"): per candidate, ``ilp = log P(c | template) - log P(c | template with the
attribute slot also masked)``; per group the same with the group's summed probability; per item
``ilp_difference`` = ilp(group A) - ilp(group B).

Candidates of different piece counts at one mask are confounded by the mask count: such items get
``mixed_pieces`` True in raw and are counted (``n_mixed_pieces``) in the summary.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pandas as pd
from scipy.special import logsumexp

from xlmaudit.metrics import template_scores as ts
from xlmaudit.probes import MetricDoc, ProbeKind, RunContext, register
from xlmaudit.requests import MaskedWordRequest, MaskedWordResponse, Request, Scorer
from xlmaudit.spec import ProbeSpec
from xlmaudit.templates import Item, expand, slot_span

BASE_OPTIONS: dict[str, type | tuple[type, ...]] = {
    "contrast": list,  # [group A, group B]
    "by": str,  # a lexicon attribute: summarise per filler category too
    "correlate": str,  # a numeric lexicon attribute: correlate per-filler scores with it
    "metrics": list,  # item scores to summarise (first = main); default: the kind's defaults
}


P_NOTE = (
    "; p-value: two-sided, from the same crossed bootstrap draws as the interval (templates and "
    "fillers both resampled), so the p-value and the interval agree"
)
NATS_ABOVE = "prefers {a} over {b} by {size} nats {ci}"
NATS_BELOW = "prefers {b} over {a} by {size} nats {ci}"

# rows every template kind's summary has (metrics.template_scores): correlations, variance
# shares, category differences; ``=``: the contrast of the score they are about
TEMPLATE_DOCS: tuple[MetricDoc, ...] = (
    MetricDoc(r"(?:spearman|pearson)_(.+)_vs_.+",
              "correlation of per-filler {x} with a reference statistic (-1 to 1)",
              "rank (Spearman) or linear (Pearson) correlation between each filler's mean score "
              "over templates and the filler's lexicon attribute (e.g. the U.S. BLS women's "
              "share of employment); interval: bootstrap over fillers",
              reference=0.0, pattern=True),
    MetricDoc(r"(.+)_(?:template|filler|residual)_share", "share of score variance (0-1)",
              "variance decomposition of the templates x fillers score matrix into template, "
              "filler and residual parts: a large template share means the choice of template, "
              "not of filler, drives the score (Seshadri et al. 2022)", pattern=True),
    MetricDoc(r"(.+)_difference", "difference of {x} between categories (units of the score)",
              "category mean minus the first category's, crossed bootstrap interval (fillers "
              "resampled within category) and a p-value from the same draws",
              reference=0.0, contrast="=", pattern=True),
)  # fmt: skip


def score_pairs(raw: pd.DataFrame, main: str) -> tuple[str, pd.DataFrame] | None:
    """Template kinds' pairing across runs: the per-item ``main`` score (one row per item)."""
    if main not in raw.columns:
        return None
    rows = raw.drop_duplicates("item_id").dropna(subset=[main])
    return main, pd.DataFrame({"item_id": rows["item_id"], "value": rows[main], "group": "all"})


def selected_scores(kind: ProbeKind, probe: ProbeSpec) -> list[str]:
    """The item scores a probe summarises: its ``metrics`` option or the kind's defaults."""
    allowed, default = kind.item_scores(probe)
    chosen = [str(m) for m in probe.options.get("metrics", default)]
    bad = [m for m in chosen if m not in allowed]
    if bad or not chosen:
        raise probe.at("metrics").error(
            f"probe {probe.id!r}: metrics {bad or chosen} not available for kind {kind.name} "
            f"(choose from {list(allowed)})"
        )
    return chosen


def contrast(probe: ProbeSpec) -> tuple[str, str]:
    names = [g.name for g in probe.groups]
    pair = probe.options.get("contrast", names[:2])
    return str(pair[0]), str(pair[1])


def template_description(kind: ProbeKind, probe: ProbeSpec) -> dict[str, Any]:
    """meta.json's record of a template probe: main metric, contrast groups and their terms."""
    return {
        "main_metric": selected_scores(kind, probe)[0],
        "contrast": list(contrast(probe)),
        "groups": {g.name: list(g.terms) for g in probe.groups},
    }


def attr_column(probe: ProbeSpec, attribute: str) -> str | None:
    """The raw column (``attr.<slot>.<attribute>``) of a lexicon attribute, if a slot has it."""
    for slot, lex in probe.slots.items():
        if attribute in probe.lexicons[lex].attributes:
            return f"attr.{slot}.{attribute}"
    return None


def validate_common(kind: ProbeKind, probe: ProbeSpec) -> None:
    """Checks shared by template kinds with candidate groups."""
    ProbeKind.validate(kind, probe)
    if not probe.groups:
        raise probe.at().error(f"probe {probe.id!r} (kind {kind.name}) needs 'groups'")
    names = [g.name for g in probe.groups]
    if len(names) < 2:
        raise probe.at("groups").error(f"probe {probe.id!r}: needs at least two candidate groups")
    pair = probe.options.get("contrast", names[:2])
    if len(pair) != 2 or any(p not in names for p in pair) or pair[0] == pair[1]:
        raise probe.at("contrast").error(
            f"probe {probe.id!r}: contrast must name two different groups of {names}, got {pair}"
        )
    selected_scores(kind, probe)
    for key in ("by", "correlate"):
        if key in probe.options and attr_column(probe, probe.options[key]) is None:
            raise probe.at(key).error(
                f"probe {probe.id!r}: {key}: no lexicon of this probe declares attribute "
                f"{probe.options[key]!r}"
            )
    seen: dict[str, str] = {}
    for g in probe.groups:
        for term in g.terms:
            if term in seen:
                raise probe.at("groups").error(
                    f"probe {probe.id!r}: candidate {term!r} is in groups {seen[term]!r} "
                    f"and {g.name!r}"
                )
            seen[term] = g.name


def item_columns(item: Item) -> dict[str, Any]:
    """The item-level columns of a raw row (ids, template, fillers, lexicon attributes)."""
    cols: dict[str, Any] = {
        "item_id": item.id,
        "template_id": item.template_id,
        "text": item.text,
        "filler": " / ".join(term for _, term in item.fillers),
    }
    cols.update({f"slot.{slot}": term for slot, term in item.fillers})
    cols.update({f"attr.{key}": value for key, value in item.attrs})
    return cols


def candidates(probe: ProbeSpec) -> tuple[str, ...]:
    return tuple(t for g in probe.groups for t in g.terms)


def group_logprobs(probe: ProbeSpec, resp: MaskedWordResponse) -> dict[str, float]:
    """log of the summed probability of each group's unflagged candidates (-inf if none)."""
    by_word = {c.word: c for c in resp.candidates}
    out = {}
    for g in probe.groups:
        lps = [by_word[t].logprob for t in g.terms if not by_word[t].flag]
        lps = [lp for lp in lps if np.isfinite(lp)]
        out[g.name] = float(logsumexp(lps)) if lps else float("-inf")
    return out


def candidate_rows(probe: ProbeSpec, item: Item, resp: MaskedWordResponse) -> list[dict]:
    """One row per candidate with its word-level score and item-level derived scores.

    A flagged candidate (empty or unknown pieces) stays in raw with its ``flag``; it is left out
    of its group's probability, with a warning naming it.
    """
    flagged = [f"{c.word!r} ({c.flag})" for c in resp.candidates if c.flag]
    if flagged:
        warnings.warn(
            f"probe {probe.id!r}, item {item.text!r}: candidates {', '.join(flagged)} cannot be "
            "scored by this model and are left out of their group's probability",
            stacklevel=2,
        )
    glp = group_logprobs(probe, resp)
    total = logsumexp([v for v in glp.values() if np.isfinite(v)] or [0.0])
    a, b = contrast(probe)
    log_odds = glp[a] - glp[b] if np.isfinite(glp[a]) and np.isfinite(glp[b]) else np.nan
    group_of = {t: g.name for g in probe.groups for t in g.terms}
    base = item_columns(item)
    base["mixed_pieces"] = resp.mixed_piece_counts
    base["log_odds"] = log_odds
    base.update({f"p_{g}": float(np.exp(v - total)) for g, v in glp.items()})
    rows = []
    for c in resp.candidates:
        rows.append(
            {
                **base,
                "group": group_of[c.word],
                "candidate": c.word,
                "n_pieces": c.n_pieces,
                "pieces": " ".join(c.pieces),
                "logprob": c.logprob,
                "flag": c.flag,
                "p_candidate": float(np.exp(c.logprob - total)) if not c.flag else np.nan,
            }
        )
    return rows


def item_frame(raw: pd.DataFrame) -> pd.DataFrame:
    """One row per item (the item-level columns of the raw frame)."""
    return raw.drop_duplicates("item_id").reset_index(drop=True)


def summary_rows(
    probe: ProbeSpec, items: pd.DataFrame, scores: list[str], *, seed: int, correlate: str = ""
) -> pd.DataFrame:
    """Overall, per-filler, per-template, sensitivity, category and correlation rows.

    ``scores[0]`` is the main score (tested, per template, sensitivity, categories);
    ``correlate`` the score correlated with the ``correlate`` attribute (default: the main one).
    """
    main = scores[0]
    rows: list[dict] = []
    for score in scores:
        rows += ts.overall_rows(items, score, seed=seed, test=score == main)
        rows += ts.per_filler_rows(items, score, seed=seed)
    rows += ts.per_template_rows(items, main, seed=seed)
    rows += ts.sensitivity_rows(items, main)
    if "by" in probe.options:
        col = attr_column(probe, probe.options["by"])
        rows += ts.category_rows(items.rename(columns={col: "_by"}), main, "_by", seed=seed)
    if "correlate" in probe.options:
        col = attr_column(probe, probe.options["correlate"])
        label = probe.options["correlate"]
        rows += ts.correlation_rows(items, correlate or main, col, seed=seed, label=label)
    frame = ts.summary_frame(rows)
    if "mixed_pieces" in items:
        frame["n_mixed_pieces"] = mixed_counts(items, frame)
    return frame


def mixed_counts(items: pd.DataFrame, frame: pd.DataFrame) -> list[float]:
    """Items with mixed candidate piece counts within each summary row's scope (NaN: n/a)."""
    flags = items["mixed_pieces"].astype(bool)
    counts = {("overall", "all"): int(flags.sum())}
    for col, level in (("template_id", "template"), ("filler", "filler")):
        sums = flags.groupby(items[col]).sum()
        counts.update({(level, str(k)): int(v) for k, v in sums.items()})
    keys = zip(frame["level"], frame["group"].astype(str), strict=True)
    return [counts.get(key, float("nan")) for key in keys]


@register
class TargetPreference(ProbeKind):
    """Normalised probability of each candidate group at the mask, and the log-odds between two."""

    name = "target_preference"
    mask = "one"
    options = BASE_OPTIONS
    main_metric = "log_odds"
    pairing = "score"
    summary_columns = ("n_templates", "n_fillers", "n_mixed_pieces")
    metric_docs = (
        MetricDoc("log_odds", "log-odds of {a} vs {b} at the mask (nats; 0 = no preference)",
                  "log P({a} words) - log P({b} words) at the [MASK], each candidate scored as a "
                  "whole word (all pieces, chained left to right); mean over templates x "
                  "fillers with a crossed bootstrap interval (templates and fillers resampled)"
                  + P_NOTE, reference=0.0, contrast="{a} - {b}", above=NATS_ABOVE,
                  below=NATS_BELOW),
        MetricDoc(r"p_(.+)", "normalised probability of {x} among all candidates (0-1)",
                  "sum of the group's candidate probabilities over the sum over all candidates "
                  "at the mask; crossed bootstrap interval", reference=0.5, pattern=True),
        *TEMPLATE_DOCS,
    )  # fmt: skip

    def describe(self, probe: ProbeSpec) -> dict[str, Any]:
        return template_description(self, probe)

    def paired_values(self, raw: pd.DataFrame, main: str) -> tuple[str, pd.DataFrame] | None:
        return score_pairs(raw, main)

    def validate(self, probe: ProbeSpec) -> None:
        validate_common(self, probe)

    def build_items(self, probe: ProbeSpec, ctx: RunContext) -> list[Item]:
        return expand(probe)

    def requests(self, probe: ProbeSpec, items: list[Item], scorer: Scorer) -> list[list[Request]]:
        cands = candidates(probe)
        return [[MaskedWordRequest(item.text, cands)] for item in items]

    def raw_frame(
        self, probe: ProbeSpec, items: list[Item], responses: list, notes: list
    ) -> pd.DataFrame:
        rows = [
            r
            for item, (resp,) in zip(items, responses, strict=True)
            for r in candidate_rows(probe, item, resp)
        ]
        return pd.DataFrame(rows)

    def item_scores(self, probe: ProbeSpec) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(allowed, default) item scores for ``metrics``."""
        a, _ = contrast(probe)
        return ("log_odds", *(f"p_{g.name}" for g in probe.groups)), ("log_odds", f"p_{a}")

    def summarize(self, probe: ProbeSpec, raw: pd.DataFrame, *, seed: int) -> pd.DataFrame:
        a, _ = contrast(probe)
        scores = selected_scores(self, probe)
        corr = f"p_{a}" if f"p_{a}" in scores else scores[0]
        return summary_rows(probe, item_frame(raw), scores, seed=seed, correlate=corr)


@register
class IncreasedLogProb(ProbeKind):
    """Kurita et al. (2019): log P(target | attribute) - log P(target | attribute also masked)."""

    name = "increased_log_prob"
    mask = "one"
    options = {**BASE_OPTIONS, "attribute": str}
    main_metric = "ilp_difference"
    pairing = "score"
    summary_columns = ("n_templates", "n_fillers", "n_mixed_pieces")
    metric_docs = (
        MetricDoc("ilp_difference",
                  "increased log-probability, {a} minus {b} (nats; 0 = no preference)",
                  "Kurita et al. (2019): log P(group | template) - log P(group | attribute also "
                  "masked), {a} minus {b}; crossed bootstrap interval over templates and fillers"
                  + P_NOTE, reference=0.0, contrast="{a} - {b}", above=NATS_ABOVE,
                  below=NATS_BELOW),
        MetricDoc(r"ilp_(.+)", "increased log-probability of {x} (nats)",
                  "Kurita et al. (2019): log P(group | template) - log P(group | attribute also "
                  "masked)", reference=0.0, pattern=True),
        MetricDoc("log_odds", "log-odds of {a} vs {b} at the mask (nats; 0 = no preference)",
                  "log P({a} words) - log P({b} words) at the [MASK], without the prior "
                  "correction", reference=0.0, contrast="{a} - {b}", above=NATS_ABOVE,
                  below=NATS_BELOW),
        *TEMPLATE_DOCS,
    )  # fmt: skip

    def describe(self, probe: ProbeSpec) -> dict[str, Any]:
        return template_description(self, probe)

    def paired_values(self, raw: pd.DataFrame, main: str) -> tuple[str, pd.DataFrame] | None:
        return score_pairs(raw, main)

    def validate(self, probe: ProbeSpec) -> None:
        validate_common(self, probe)
        attr = probe.options.get("attribute")
        if attr is None and len(probe.slots) != 1:
            raise probe.at().error(
                f"probe {probe.id!r}: name the slot to mask for the prior with 'attribute' "
                f"(slots: {sorted(probe.slots)})"
            )
        if attr is not None and attr not in probe.slots:
            raise probe.at("attribute").error(
                f"probe {probe.id!r}: attribute {attr!r} is not a slot of its templates "
                f"({sorted(probe.slots)})"
            )
        for tpl in probe.templates:
            if self._slot(probe) not in tpl.slots:
                raise tpl.where.error(
                    f"probe {probe.id!r}: template {tpl.id!r} lacks the attribute slot "
                    f"{{{self._slot(probe)}}}"
                )

    @staticmethod
    def _slot(probe: ProbeSpec) -> str:
        return probe.options.get("attribute") or next(iter(probe.slots))

    def build_items(self, probe: ProbeSpec, ctx: RunContext) -> list[Item]:
        return expand(probe)

    def requests(self, probe: ProbeSpec, items: list[Item], scorer: Scorer) -> list[list[Request]]:
        cands, slot = candidates(probe), self._slot(probe)
        templates = {t.id: t.text for t in probe.templates}
        out = []
        for item in items:
            span = slot_span(templates[item.template_id], item.slots, slot)
            out.append(
                [
                    MaskedWordRequest(item.text, cands),
                    MaskedWordRequest(item.text, cands, context_masks=(span,)),
                ]
            )
        return out

    def raw_frame(
        self, probe: ProbeSpec, items: list[Item], responses: list, notes: list
    ) -> pd.DataFrame:
        a, b = contrast(probe)
        rows = []
        for item, (resp, prior) in zip(items, responses, strict=True):
            glp, gprior = group_logprobs(probe, resp), group_logprobs(probe, prior)
            ilp = {g: glp[g] - gprior[g] for g in glp}
            prior_by_word = {c.word: c.logprob for c in prior.candidates}
            for row in candidate_rows(probe, item, resp):
                row["prior_logprob"] = prior_by_word[row["candidate"]]
                row["ilp"] = row["logprob"] - row["prior_logprob"]
                row.update({f"ilp_{g}": v for g, v in ilp.items()})
                row["ilp_difference"] = ilp[a] - ilp[b]
                row["mixed_pieces"] = row["mixed_pieces"] or prior.mixed_piece_counts
                rows.append(row)
        return pd.DataFrame(rows)

    def item_scores(self, probe: ProbeSpec) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(allowed, default) item scores for ``metrics``."""
        a, b = contrast(probe)
        groups = tuple(f"ilp_{g.name}" for g in probe.groups)
        return ("ilp_difference", *groups), ("ilp_difference", f"ilp_{a}", f"ilp_{b}")

    def summarize(self, probe: ProbeSpec, raw: pd.DataFrame, *, seed: int) -> pd.DataFrame:
        scores = selected_scores(self, probe)
        return summary_rows(probe, item_frame(raw), scores, seed=seed)
