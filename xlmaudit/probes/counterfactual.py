"""Counterfactual pairs: fill a template with each group's term and compare sentence PLLs.

``counterfactual_pll``: templates have no ``[MASK]``; the reserved slot ``{target}`` (option
``target_slot``) is filled with each candidate of each group (``female: [she, woman]``). Each
sentence is scored by pseudo-log-likelihood (``estimator``: ``word_l2r``, Kauf & Ivanova 2023,
default; or ``original``, Salazar et al. 2020) over

- ``score: context`` (default): the tokens outside the target word, i.e. how likely the shared
  context is given the group term (as CrowS-Pairs does; piece counts of the terms do not enter);
- ``score: sentence``: every token (terms of different lengths are then not comparable).

Per item ``pll_difference`` = mean score of group A's sentences - mean of group B's, and
``prefer_<A>`` = 1 if that difference is > 0 (0.5 on a tie). Sentences whose context tokenises
differently across terms get ``context_mismatch`` True (counted in the summary).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from xlmaudit.probes import Asked, MetricDoc, register
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
    mixed_counts,
    selected_scores,
    summary_rows,
)
from xlmaudit.requests import ESTIMATORS, PLLRequest, Request, Scorer, TokenScores
from xlmaudit.spec import SLOT_RE, ProbeSpec
from xlmaudit.templates import Item, article, fill

SCORES = ("context", "sentence")


def _target_text(text: str, slot: str, term: str) -> tuple[str, str, str]:
    """(sentence, text before the target, target as written incl. article) for one term."""
    match = next(m for m in SLOT_RE.finditer(text) if m.group(2) == slot)
    written = f"{article(term)} {term}" if match.group(1) else term
    prefix = fill(text[: match.start()], {slot: term})
    return fill(text, {slot: term}), prefix, written


def _words(scorer: Scorer, text: str) -> int:
    enc = scorer.tokenize(text) if text.strip() else None
    return len({w for w in enc.word_index if w >= 0}) if enc else 0


def context_positions(scorer: Scorer, sentence: str, prefix: str, target: str) -> tuple:
    """(positions outside the target word(s), pieces at those positions, target piece count)."""
    enc = scorer.tokenize(sentence)
    first = _words(scorer, prefix)
    last = first + _words(scorer, target)
    inside = [first <= w < last for w in enc.word_index]
    ctx = tuple(i for i, s in enumerate(enc.special) if not s and not inside[i])
    return ctx, tuple(enc.pieces[i] for i in ctx), sum(inside)


@register
class CounterfactualPLL(TemplateKind):
    """Group terms substituted into a sentence; compare pseudo-log-likelihoods."""

    name = "counterfactual_pll"
    mask = "none"
    options = {**BASE_OPTIONS, "target_slot": str, "estimator": str, "score": str}
    reserved_slots = ("target",)
    main_metric = "pll_difference"
    summary_columns = ("n_templates", "n_fillers", "n_mixed_pieces", "n_context_mismatch")
    metric_docs = (
        MetricDoc("pll_difference",
                  "pseudo-log-likelihood difference, {a} minus {b} sentences (nats; 0 = none)",
                  "mean PLL of the sentences filled with {a}'s terms minus {b}'s (Salazar et al. "
                  "2020; word-level estimator of Kauf & Ivanova 2023 by default); crossed "
                  "bootstrap interval" + P_NOTE, reference=0.0, contrast="{a} - {b}",
                  above=NATS_ABOVE, below=NATS_BELOW),
        MetricDoc(r"prefer_(.+)", "share of items preferring {x} (0-1; 0.5 = none)",
                  "1 if the item's PLL difference is > 0, 0.5 on a tie, averaged over items",
                  reference=0.5, contrast="{a} over {b}", pattern=True),
        MetricDoc(r"pll_(.+)", "mean pseudo-log-likelihood of the {x} sentences (nats)",
                  "mean over the group's terms of the sentence PLL", pattern=True),
        *TEMPLATE_DOCS,
    )  # fmt: skip

    def validate(self, probe: ProbeSpec) -> None:
        super().validate(probe)
        slot = probe.options.get("target_slot", "target")
        if slot != "target":
            raise probe.at("target_slot").error(
                f"probe {probe.id!r}: target_slot must be 'target' (the reserved slot)"
            )
        for tpl in probe.templates:
            count = sum(m.group(2) == slot for m in SLOT_RE.finditer(tpl.text))
            if count != 1:
                raise tpl.where.error(
                    f"probe {probe.id!r}: template {tpl.id!r} must have exactly one {{{slot}}} "
                    f"slot for the group terms (found {count})"
                )
        for key, allowed in (("estimator", ESTIMATORS), ("score", SCORES)):
            if key in probe.options and probe.options[key] not in allowed:
                raise probe.at(key).error(
                    f"probe {probe.id!r}: {key} must be one of {list(allowed)}, "
                    f"got {probe.options[key]!r}"
                )

    def _sentences(self, probe: ProbeSpec, item: Item, scorer: Scorer) -> list[dict]:
        """One record per group term: the filled sentence, its context positions and pieces."""
        out = []
        for group in probe.groups:
            for term in group.terms:
                sentence, prefix, written = _target_text(item.text, "target", term)
                pos, pieces, n_target = context_positions(scorer, sentence, prefix, written)
                out.append(
                    {
                        "group": group.name,
                        "candidate": term,
                        "sentence": sentence,
                        "positions": pos,
                        "context_pieces": pieces,
                        "n_pieces": n_target,
                    }
                )
        return out

    def requests(self, probe: ProbeSpec, items: list[Item], scorer: Scorer) -> Asked:
        estimator = probe.options.get("estimator", "word_l2r")
        whole = probe.options.get("score", "context") == "sentence"
        # the sentence records (context positions need the tokenizer) are the notes for raw_frame
        notes = [self._sentences(probe, item, scorer) for item in items]
        reqs: list[list[Request]] = [
            [PLLRequest(s["sentence"], estimator, None if whole else s["positions"]) for s in sents]
            for sents in notes
        ]
        return Asked(reqs, notes)

    def raw_frame(
        self, probe: ProbeSpec, items: list[Item], responses: list, notes: list[list[dict]]
    ) -> pd.DataFrame:
        a, b = contrast(probe)
        rows = []
        for item, answers, sents in zip(items, responses, notes, strict=True):
            scores = [float(ans.total) for ans in answers]
            by_group = {
                g.name: np.mean(
                    [s for s, d in zip(scores, sents, strict=True) if d["group"] == g.name]
                )
                for g in probe.groups
            }
            diff = by_group[a] - by_group[b]
            base = item_columns(item)
            base.update(
                {
                    "pll_difference": diff,
                    f"prefer_{a}": 1.0 if diff > 0 else 0.5 if diff == 0 else 0.0,
                    "context_mismatch": len({d["context_pieces"] for d in sents}) > 1,
                    "mixed_pieces": len({d["n_pieces"] for d in sents}) > 1,
                    **{f"pll_{g}": v for g, v in by_group.items()},
                }
            )
            for d, ans, score in zip(sents, answers, scores, strict=True):
                assert isinstance(ans, TokenScores)
                rows.append(
                    {
                        **base,
                        "group": d["group"],
                        "candidate": d["candidate"],
                        "sentence": d["sentence"],
                        "n_pieces": d["n_pieces"],
                        "n_scored": len(ans.positions),
                        "pll": score,
                    }
                )
        return pd.DataFrame(rows)

    def item_scores(self, probe: ProbeSpec) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(allowed, default) item scores for ``metrics``."""
        a, _ = contrast(probe)
        groups = tuple(f"pll_{g.name}" for g in probe.groups)
        return ("pll_difference", f"prefer_{a}", *groups), ("pll_difference", f"prefer_{a}")

    def summarize(self, probe: ProbeSpec, raw: pd.DataFrame, *, seed: int) -> pd.DataFrame:
        items = item_frame(raw)
        frame = summary_rows(probe, items, selected_scores(self, probe), seed=seed)
        frame["n_context_mismatch"] = mixed_counts(
            items.assign(mixed_pieces=items["context_mismatch"]), frame
        )
        return frame
