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

import numpy as np
import pandas as pd
from scipy.special import logsumexp

from xlmaudit.probes import MetricDoc, register
from xlmaudit.probes.templated import (
    BASE_OPTIONS,
    NATS_ABOVE,
    NATS_BELOW,
    P_NOTE,
    TEMPLATE_DOCS,
    TemplateKind,
    contrast,
    item_columns,
    item_frame,
    selected_scores,
    summary_rows,
)
from xlmaudit.requests import MaskedWordRequest, MaskedWordResponse, Request, Scorer
from xlmaudit.spec import ProbeSpec
from xlmaudit.templates import Item, slot_span


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


@register
class TargetPreference(TemplateKind):
    """Normalised probability of each candidate group at the mask, and the log-odds between two."""

    name = "target_preference"
    mask = "one"
    main_metric = "log_odds"
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
class IncreasedLogProb(TemplateKind):
    """Kurita et al. (2019): log P(target | attribute) - log P(target | attribute also masked)."""

    name = "increased_log_prob"
    mask = "one"
    options = {**BASE_OPTIONS, "attribute": str}
    main_metric = "ilp_difference"
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

    def validate(self, probe: ProbeSpec) -> None:
        super().validate(probe)
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
