"""Probe kind ``winobias``: WinoBias pro/anti pairs as a cloze test or as a PLL contrast (ours).

The official WinoBias evaluation is coreference resolution (F1 pro vs anti); these MLM variants
are our adaptation (see xlmaudit.metrics.winobias and xlmaudit.datasets.winobias).

YAML keys: ``variant`` (required: ``cloze`` | ``pll``), ``estimator`` (pll only: ``word_l2r``
default | ``original``), ``types`` (default [1, 2]), ``splits`` (default [dev, test]), ``data``
(optional folder holding the WinoBias files; default: ``--data-dir``, ``$XLMAUDIT_DATA_DIR`` or
the cache), ``labour_lexicon`` (optional: a suite lexicon with a ``women_share`` attribute; adds
the per-occupation correlation rows, group ``bls``).

- ``cloze``: one ``MaskedWordRequest`` per pair, the first referring pronoun masked, candidates
  he, him, his, she, her scored as words.
- ``pll``: two ``PLLRequest``s per pair (pro and anti sentence), scored over the tokens outside the
  gendered pronoun words (the same pieces in both), so the pronouns' piece counts do not enter.

Raw rows: one per pair (all pairs, unusable ones with ``usable`` False and their ``problem``);
``women_share`` is the labour lexicon's value for the referent occupation (NaN if unmatched).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from xlmaudit.datasets import winobias as wb
from xlmaudit.metrics import winobias as m
from xlmaudit.metrics.stats import MIN_N_SHARE
from xlmaudit.probes import Asked, MetricDoc, ProbeKind, RunContext, register
from xlmaudit.probes.crows import tokenize
from xlmaudit.probes.shared import RowItem, check_labour_lexicon, labour_shares, option_path
from xlmaudit.requests import ESTIMATORS, MaskedWordRequest, PLLRequest, Request

if TYPE_CHECKING:
    from xlmaudit.requests import Response, Scorer
    from xlmaudit.spec import ProbeSpec

VARIANTS = ("cloze", "pll")
ITEM_FIELDS = ("type", "split", "line", "occupation", "stereo_gender", "pro_pronoun")
ITEM_FIELDS += ("anti_pronoun", "cloze_ok", "pll_ok", "problem")
NATS = ("prefers the {a} over the {b} pronoun by {size} nats {ci}",
        "prefers the {b} over the {a} pronoun by {size} nats {ci}")  # fmt: skip
CLUSTERED_MEAN = (
    "interval: for a group of several occupations a cluster bootstrap over occupations with p "
    "from the same draws against 0; for one occupation a percentile bootstrap over pairs with "
    "p: one-sample t-test against 0"
)
WINOBIAS_DOCS: tuple[MetricDoc, ...] = (
    MetricDoc("pct_stereotypical",
              "% of WinoBias pairs preferring the {a} reading (50 = no preference)",
              "cloze: log P(stereotypical pronoun) > log P(anti-stereotypical pronoun) at the "
              "masked pronoun; pll: PLL(pro sentence) > PLL(anti sentence) over the tokens "
              "outside the pronoun words (our masked-LM adaptation of Zhao et al. 2018, whose "
              "own test is coreference F1); stereotypical = the U.S. labour majority gender of "
              "the referent occupation (the data's occupation lists); interval: for a group of "
              "several occupations (all, a type, the male or female occupations) a cluster "
              "bootstrap over occupations (every pair of one occupation shares its lean), widened "
              "where needed to hold the exact interval, with p the larger of the binomial "
              "test's and the bootstrap's against 50%; for one occupation exact (Clopper-Pearson) "
              "with p: binomial test against 50%, Holm across occupations (p_holm); "
              "a pair scoring exactly 0 (n_ties) counts as not stereotypical, so the "
              "no-preference value is no_bias = (100 - % ties) / 2; a group of fewer than 30 "
              "pairs (min_n) is never called a finding: 30 is the smallest n at which the "
              "binomial test has 80% power against a 75/25 preference",
              reference=50.0, contrast="{a} over {b}",
              above="prefers the {a} pronoun in {value} {interval} of pairs",
              below="prefers the {b} pronoun: {a} in only {value} {interval} of pairs",
              unit="percent", count="n_stereotypical"),
    MetricDoc("mean_log_odds",
              "mean log-odds of the {a} vs the {b} pronoun (nats; 0 = no preference)",
              "per pair log P(stereotypical pronoun) - log P(anti-stereotypical pronoun) at the "
              "mask, the pair's own forms (e.g. his / her), averaged over pairs; " + CLUSTERED_MEAN,
              reference=0.0, contrast="{a} - {b}", above=NATS[0], below=NATS[1]),
    MetricDoc("mean_log_odds_group",
              "mean log-odds of the {a} vs the {b} pronoun group (nats; 0 = no preference)",
              "per pair logsumexp of log P over the stereotypical group's pronouns (he, him, his "
              "or she, her) minus over the other group's, averaged over pairs; " + CLUSTERED_MEAN,
              reference=0.0, contrast="{a} - {b}", above=NATS[0], below=NATS[1]),
    MetricDoc("mean_pll_difference",
              "mean PLL difference of the {a} vs the {b} sentence (nats; 0 = no preference)",
              "per pair PLL(pro sentence) - PLL(anti sentence) summed over the same tokens (the "
              "pronoun words are not scored), averaged over pairs; " + CLUSTERED_MEAN,
              reference=0.0, contrast="{a} - {b}",
              above="prefers the {a} sentence by {size} nats {ci}",
              below="prefers the {b} sentence by {size} nats {ci}"),
    MetricDoc(r"(?:spearman|pearson)_female_score_vs_women_share",
              "correlation of per-occupation feminine preference with the women's share of "
              "U.S. employment (-1 to 1)",
              "Spearman or Pearson correlation over occupations between the mean female_score "
              "(the item score oriented towards the feminine form) and the labour lexicon's "
              "women_share (BLS), occupations joined by name (coverage column); interval: "
              "bootstrap over occupations", reference=0.0, pattern=True),
    MetricDoc("log_odds", "log P({a} pronoun) - log P({b} pronoun) per pair (nats)",
              "the per-pair cloze score that `xlmaudit compare` pairs across runs (sign test)",
              reference=0.0, contrast="{a} - {b}"),
    MetricDoc("pll_difference", "PLL({a} sentence) - PLL({b} sentence) per pair (nats)",
              "the per-pair PLL score that `xlmaudit compare` pairs across runs (sign test)",
              reference=0.0, contrast="{a} - {b}"),
)  # fmt: skip


def data_files(probe: ProbeSpec | None, ctx: RunContext, types, splits) -> dict[str, Path]:
    """Resolve (and record the checksum of) every WinoBias file the probe needs."""
    from xlmaudit.datasets import resolve_data_file

    folder = option_path(probe)
    names = ["male_occupations.txt", "female_occupations.txt"]
    names += [wb.file_name(k, t, s) for t in types for s in splits for k in ("pro", "anti")]
    out = {}
    for name in names:
        source = "winobias-" + name.replace("_stereotyped_", "-").replace(".txt.", "-")
        source = source.replace("_occupations.txt", "-occupations")
        path = folder / name if folder is not None else None
        out[name] = resolve_data_file(source, path=path, data_dir=ctx.data_dir)
        ctx.record_data(f"winobias ({name})", out[name])  # compare pairs it with the kind
    return out


def pair_items(pairs: pd.DataFrame) -> list[RowItem]:
    """One item per pro/anti pair (a row of :func:`xlmaudit.datasets.winobias.load_winobias`),
    ids ``t<type>-<split>-<line>-<hash of both sentences>``."""
    items = []
    for row in pairs.to_dict("records"):
        text = f"{row['pro_text']}\n{row['anti_text']}"
        digest = hashlib.sha1(text.encode()).hexdigest()[:8]
        items.append(RowItem(f"t{row['type']}-{row['split']}-{row['line']}-{digest}", row))
    return items


def context_positions(scorer: Scorer, text: str) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """(positions, pieces) of the non-special tokens outside every gendered pronoun word."""
    enc = tokenize(scorer, text)
    skip = set()
    for hit in wb.PRONOUN_WORD.finditer(text):
        prefix = text[: hit.start()]
        skip.add(
            len({w for w in tokenize(scorer, prefix).word_index if w >= 0}) if prefix.strip() else 0
        )
    pos = tuple(
        i
        for i, (w, sp) in enumerate(zip(enc.word_index, enc.special, strict=True))
        if not sp and w not in skip
    )
    return pos, tuple(enc.pieces[i] for i in pos)


def pll_requests(
    item: RowItem, estimator: str, scorer: Scorer
) -> tuple[list[Request], dict[str, Any]]:
    """[pro, anti] PLL over the tokens outside the pronoun words ([] when not usable), and the
    note :func:`pll_row` needs (scored piece counts, ``context_mismatch``).

    The pronouns are not scored, so their piece counts cannot decide the comparison; a pair whose
    scored pieces differ between the sentences is flagged ``context_mismatch`` and not scored.
    """
    row = item.row
    if not row["pll_ok"]:
        return [], {}
    (pos_pro, pcs_pro), (pos_anti, pcs_anti) = (
        context_positions(scorer, row[k]) for k in ("pro_text", "anti_text")
    )
    mismatch = pcs_pro != pcs_anti
    note = {"n_scored_pro": len(pos_pro), "n_scored_anti": len(pos_anti)}
    note["context_mismatch"] = mismatch
    if not pos_pro or mismatch:
        return [], note
    return [
        PLLRequest(row["pro_text"], estimator, pos_pro),
        PLLRequest(row["anti_text"], estimator, pos_anti),
    ], note


def cloze_requests(item: RowItem) -> list[Request]:
    if not item.row["cloze_ok"]:
        return []
    return [MaskedWordRequest(item.row["masked_text"], wb.CLOZE_PRONOUNS)]


def cloze_row(item: RowItem, responses: list[Response]) -> dict[str, Any]:
    """Raw columns of one pair's cloze answer (NaN scores when unusable)."""
    row, out = item.row, {}
    nan = float("nan")
    out.update({f"lp_{w}": nan for w in wb.CLOZE_PRONOUNS})
    out.update(log_odds=nan, log_odds_group=nan, female_score=nan, mixed_pieces=False)
    usable = bool(responses)
    if responses:
        cands = {c.word: c for c in responses[0].candidates}
        lps = {w: float(c.logprob) for w, c in cands.items()}
        out.update({f"lp_{w}": v for w, v in lps.items()})
        usable = all(np.isfinite(v) for v in lps.values())
        out["mixed_pieces"] = responses[0].mixed_piece_counts
        stereo, anti = _oriented(row)
        out["n_pieces_stereo"] = cands[stereo].n_pieces
        out["n_pieces_anti"] = cands[anti].n_pieces
        if usable:
            out.update(m.cloze_scores(lps, row["stereo_gender"], stereo, anti))
    return {"usable": usable, **out}


def _oriented(row: dict) -> tuple[str, str]:
    """(stereotypical, anti-stereotypical) pronoun form of the pair."""
    pro, anti = row["pro_pronoun"], row["anti_pronoun"]
    return (pro, anti) if wb.GENDER[pro] == row["stereo_gender"] else (anti, pro)


def pll_row(
    item: RowItem, estimator: str, responses: list[Response], note: dict[str, Any]
) -> dict[str, Any]:
    """Raw columns of one pair's PLL answers (pro = stereotypical, checked by the loader)."""
    nan = float("nan")
    out = {"estimator": estimator, "pll_pro": nan, "pll_anti": nan, **note}
    out.update(pll_difference=nan, female_score=nan)
    if responses:
        pro, anti = (float(r.total) for r in responses)
        diff = pro - anti
        female = diff if item.row["stereo_gender"] == "female" else -diff
        out.update(pll_pro=pro, pll_anti=anti, pll_difference=diff, female_score=female)
    return {"usable": bool(responses), **out}


@register
class WinoBias(ProbeKind):
    """WinoBias pro/anti pairs (Zhao et al. 2018) as a masked-LM test (our adaptation)."""

    name = "winobias"
    uses_templates = False
    mask = "none"
    options = {
        "variant": str,
        "estimator": str,
        "types": list,
        "splits": list,
        "data": str,
        "labour_lexicon": str,
    }
    required = ("variant",)
    choices = {"variant": VARIANTS, "estimator": ESTIMATORS}
    main_metric = "pct_stereotypical"
    metric_docs = WINOBIAS_DOCS
    contrast = ("stereotypical", "anti-stereotypical")
    pairing = "score"
    summary_columns = ("p_holm", "n_stereotypical", "n_ties", "no_bias", "coverage", "unmatched",
                       "variant", "n_excluded")  # fmt: skip
    min_n = MIN_N_SHARE  # a group (occupation, type) of fewer pairs is never called a finding
    cluster_key = "occupation"  # the referent occupation: its pairs share its learned lean

    def describe(self, probe: ProbeSpec) -> dict[str, Any]:
        return {**super().describe(probe), "variant": probe.options["variant"]}

    def paired_values(self, raw: pd.DataFrame, main: str) -> tuple[str, pd.DataFrame] | None:
        """Per pair the variant's score (cloze ``log_odds``, pll ``pll_difference``; > 0 =
        stereotypical preferred), grouped by WinoBias type; unusable pairs left out."""
        score = m.SCORE[str(raw["variant"].iloc[0])] if len(raw) else "log_odds"
        rows = raw.drop_duplicates("item_id")
        if score not in rows:  # no usable pair (the column was all NaN)
            return score, pd.DataFrame(columns=["item_id", "value", "group"])
        rows = rows[pd.to_numeric(rows[score], errors="coerce").notna()]
        frame = pd.DataFrame({"item_id": rows["item_id"].to_numpy(),
                              "value": rows[score].to_numpy(float),
                              "group": [f"type{t}" for t in rows["type"]]})  # fmt: skip
        return score, frame

    def validate(self, probe: ProbeSpec) -> None:
        super().validate(probe)
        for key, allowed in (("types", wb.TYPES), ("splits", wb.SPLITS)):
            bad = [v for v in probe.options.get(key, []) if v not in allowed]
            if bad or (key in probe.options and not probe.options[key]):
                raise probe.at(key).error(f"{key} must be a non-empty subset of {list(allowed)}")
        check_labour_lexicon(probe)

    def build_items(self, probe: ProbeSpec, ctx: RunContext) -> list[RowItem]:
        types = tuple(probe.options.get("types", wb.TYPES))
        splits = tuple(probe.options.get("splits", wb.SPLITS))
        files = data_files(probe, ctx, types, splits)
        return pair_items(wb.load_winobias(files, types=types, splits=splits))

    def requests(self, probe: ProbeSpec, items: list[RowItem], scorer: Scorer):
        if probe.options["variant"] == "cloze":
            return [cloze_requests(it) for it in items]
        est = probe.options.get("estimator", "word_l2r")
        per_item = [pll_requests(it, est, scorer) for it in items]
        return Asked([rs for rs, _ in per_item], [note for _, note in per_item])

    def raw_frame(
        self, probe: ProbeSpec, items: list[RowItem], responses, notes: list[Any]
    ) -> pd.DataFrame:
        variant = probe.options["variant"]
        est = probe.options.get("estimator", "word_l2r")
        shares = labour_shares(probe) or {}
        rows = []
        for item, rs, note in zip(items, responses, notes, strict=True):
            scored = cloze_row(item, rs) if variant == "cloze" else pll_row(item, est, rs, note)
            score = scored.get(m.SCORE[variant], float("nan"))
            rows.append(
                {
                    "item_id": item.id,
                    "variant": variant,
                    **{k: item.row[k] for k in ITEM_FIELDS},
                    "women_share": shares.get(item.row["occupation"], float("nan")),
                    **scored,
                    "prefers_stereotypical": score > 0 if np.isfinite(score) else None,
                    "masked_text": item.row["masked_text"],
                    "pro_text": item.row["pro_text"],
                    "anti_text": item.row["anti_text"],
                }
            )
        return pd.DataFrame(rows)

    def summarize(self, probe: ProbeSpec, raw: pd.DataFrame, *, seed: int) -> pd.DataFrame:
        shares = labour_shares(probe)
        out = m.summarize(
            raw, probe.options["variant"], shares=shares, seed=seed, cluster=self.cluster_key
        )
        return out.assign(level=[_level(g) for g in out["group"]])


def _level(group: str) -> str:
    """overall (all pairs), category (a type or the male/female occupations), filler (one
    occupation), correlation (the BLS rows)."""
    if group == "all":
        return "overall"
    if group == "bls":
        return "correlation"
    return "filler" if group.startswith("occupation:") else "category"
