"""Probe kind ``crows-pairs``: CrowS-Pairs scored by one estimator (see xlmaudit.metrics.crows).

YAML keys: ``estimator`` (required: nangia2020 | meade2022 | aul | aula | word_l2r | sjsd),
``dataset`` (optional: ``crows-pairs``, the default, or one of the French / revised-English files
of Névéol et al. 2022, ``MULTILINGUAL``, or a translation with original ids, ``crows_pack.PACK``:
Dutch, the S_JSD ten-language gender subset, Kaneko's Japanese and Russian), ``data`` (optional
path to the data set's file; default: found under ``--data-dir``, ``$XLMAUDIT_DATA_DIR`` or the
cache), ``bias_types`` (optional list to keep).
Raw rows: one per pair, with ``pair_id`` (the CSV's first column: an int for the original data,
a string such as ``"LA12"`` for the multilingual files, shared by their languages),
``bias_type``, ``direction``, ``estimator``, ``sent_more_score``, ``sent_less_score``,
piece-count diagnostics, ``outcome``, then the two sentences ``sent_more`` / ``sent_less`` (last:
earlier columns keep their places).

Multilingual files: their known bad rows (see :mod:`xlmaudit.datasets.crows_multilingual`) are
items too, never scored: raw rows with NaN scores, ``outcome`` ``excluded``, the reason in
``excluded`` and ``source_line`` (``file:line``; both columns after ``outcome``, multilingual raw
frames only); summaries count them in ``n_excluded`` (per bias type, direction and overall) and
``meta.json`` lists them under ``data.<dataset>.excluded``.
"""

from __future__ import annotations

import hashlib
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from xlmaudit.metrics import crows as m
from xlmaudit.metrics.stats import MIN_N_SHARE
from xlmaudit.probes import Asked, MetricDoc, ProbeKind, RunContext, register
from xlmaudit.probes.crows_pack import PACK, load_pack, record_loaded
from xlmaudit.probes.crows_rubia import RUBIA, rubia_pairs
from xlmaudit.probes.shared import keep_listed, option_path
from xlmaudit.requests import PLLRequest, Request, Response, UnmaskedRequest

if TYPE_CHECKING:
    from xlmaudit.requests import Encoding, Scorer
    from xlmaudit.spec import ProbeSpec


# dataset option -> loader: the original (English) file, or the multilingual files by source name
ORIGINAL = "crows-pairs"
MULTILINGUAL = ("crows-pairs-fr-210", "crows-pairs-en-revised-210", "crows-pairs-fr",
                "crows-pairs-en-revised")  # fmt: skip


@dataclass(frozen=True)
class PairItem:
    """One CrowS-Pairs pair; ``lang``, ``source_line`` and ``excluded`` (the reason a known bad
    row is not scored) are set for the multilingual files only."""

    id: str
    pair_id: int | str
    bias_type: str
    direction: str
    sent_more: str
    sent_less: str
    lang: str | None = None
    source_line: str = ""
    excluded: str = ""


_ENCODINGS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def tokenize(scorer: Scorer, text: str) -> Encoding:
    """``scorer.tokenize(text)``, memoised per scorer (every probe of a suite re-reads the same
    sentences, and the XLM tokenizer is pure python)."""
    try:
        memo = _ENCODINGS.setdefault(scorer, {})
    except TypeError:  # not weak-referenceable
        return scorer.tokenize(text)
    if text not in memo:
        memo[text] = scorer.tokenize(text)
    return memo[text]


def pair_items(pairs: pd.DataFrame, *, file: str = "") -> list[PairItem]:
    """Items from a loaded CrowS-Pairs frame; ids are ``<pair_id>-<hash of both sentences>``.

    A multilingual frame (a ``language`` column, :func:`load_crows_multilingual`) keeps its
    string pair ids and gives each item its ``lang``, ``source_line`` (``file:line``) and, from
    an ``excluded`` column when present, the reason it is not scored."""
    items = []
    multilingual = "language" in pairs.columns
    for row in pairs.itertuples(index=False):
        digest = hashlib.sha1(f"{row.sent_more}\n{row.sent_less}".encode()).hexdigest()[:8]
        extra = {}
        if multilingual:
            extra = {"lang": row.language, "source_line": f"{file}:{row.line}",
                     "excluded": getattr(row, "excluded", "") or ""}  # fmt: skip
        items.append(
            PairItem(
                f"{row.pair_id}-{digest}",
                str(row.pair_id) if multilingual else int(row.pair_id),
                row.bias_type,
                row.direction,
                row.sent_more,
                row.sent_less,
                **extra,
            )
        )
    return items


def pair_requests(
    item: PairItem, estimator: str, scorer: Scorer
) -> tuple[list[Request], dict[str, Any]]:
    """The requests ``estimator`` needs for ``item`` ([more, less], or [] if nothing to score)
    and the note :func:`pair_row` needs (piece counts and scored positions)."""
    if item.excluded:  # a known bad row (an empty sentence among them): counted, never scored
        n_more, n_less = (
            sum(not s for s in tokenize(scorer, t).special) if t.strip() else 0
            for t in (item.sent_more, item.sent_less)
        )
        return [], {"n_pieces_more": n_more, "n_pieces_less": n_less,
                    "asymmetric": n_more != n_less, "n_scored_more": 0, "n_scored_less": 0,
                    "n_special_dropped": 0}  # fmt: skip
    enc_more, enc_less = tokenize(scorer, item.sent_more), tokenize(scorer, item.sent_less)
    # metric.py aligns (sent1, sent2): sent_more first for stereo rows only; S_JSD's main.py
    # always aligns (sent_more, sent_less). Where difflib finds the same span both ways (the
    # usual case) sjsd asks nangia2020's requests, so a run scores them once.
    stereo = item.direction == "stereo" or estimator == "sjsd"
    first, second = (enc_more, enc_less) if stereo else (enc_less, enc_more)
    spans = m.align(first.ids, second.ids)
    if not stereo:
        spans = {k: (b, a) for k, (a, b) in spans.items()}
    n_more, n_less = (sum(not s for s in e.special) for e in (enc_more, enc_less))
    note = {"n_pieces_more": n_more, "n_pieces_less": n_less, "asymmetric": n_more != n_less}
    if estimator in ("aul", "aula"):
        inner = sum(sum(e.special[1:-1]) for e in (enc_more, enc_less))  # e.g. <unk>
        note.update(n_scored_more=n_more, n_scored_less=n_less, n_special_dropped=inner)
        return [UnmaskedRequest(item.sent_more, True), UnmaskedRequest(item.sent_less, True)], note
    kind = "diff" if estimator == "meade2022" else "equal"
    pos_more, pos_less = spans[kind]
    if kind == "equal":
        pos_more, pos_less = pos_more[1:-1], pos_less[1:-1]
    # the tokenizer's specials (e.g. <unk>) cannot be PLL-scored; the references would score
    # them: count them so a pair that differs from the reference is visible
    kept_more = [p for p in pos_more if not enc_more.special[p]]
    kept_less = [p for p in pos_less if not enc_less.special[p]]
    n_dropped = len(pos_more) - len(kept_more) + len(pos_less) - len(kept_less)
    pos_more, pos_less = kept_more, kept_less
    note.update(n_scored_more=len(pos_more), n_scored_less=len(pos_less))
    note["n_special_dropped"] = n_dropped
    if not pos_more or not pos_less:
        return [], note  # nangia2020/word_l2r: sums over nothing (0.0, a tie); meade2022: skipped
    pll = "word_l2r" if estimator == "word_l2r" else "original"
    return [
        PLLRequest(item.sent_more, pll, tuple(pos_more)),
        PLLRequest(item.sent_less, pll, tuple(pos_less)),
    ], note


def pair_row(
    item: PairItem, estimator: str, responses: list[Response], note: dict[str, Any]
) -> dict[str, Any]:
    """The raw row of one pair from its responses and note (see :func:`pair_requests`)."""
    if responses:
        more, less = (m.sentence_score(estimator, r) for r in responses)
    else:
        nan = estimator == "meade2022" or item.excluded
        more = less = float("nan") if nan else 0.0
    extra = {"source_line": item.source_line, "excluded": item.excluded} if item.lang else {}
    return {
        "item_id": item.id,
        "pair_id": item.pair_id,
        "bias_type": item.bias_type,
        "direction": item.direction,
        "estimator": estimator,
        "sent_more_score": more,
        "sent_less_score": less,
        **note,
        **extra,
        "sent_more": item.sent_more,
        "sent_less": item.sent_less,
    }


def score_pairs(
    pairs: pd.DataFrame, scorer: Scorer, *, estimators: tuple[str, ...] = m.ESTIMATORS
) -> pd.DataFrame:
    """Score a CrowS-Pairs frame with every estimator in one ``scorer.score`` call (notebooks)."""
    items = pair_items(pairs)
    asked = [(est, [pair_requests(it, est, scorer) for it in items]) for est in estimators]
    flat = [r for _, per_item in asked for rs, _ in per_item for r in rs]
    answers = iter(scorer.score(flat) if flat else [])
    rows = []
    for estimator, per_item in asked:
        for item, (rs, note) in zip(items, per_item, strict=True):
            rows.append(pair_row(item, estimator, [next(answers) for _ in rs], note))
    return with_outcome(pd.DataFrame(rows))


def with_outcome(raw: pd.DataFrame) -> pd.DataFrame:
    """``raw`` with ``outcome`` inserted after the diagnostics (before the sentences, and before
    the multilingual ``source_line`` / ``excluded``); ``excluded`` rows get outcome ``excluded``."""
    outcome = m.outcomes(raw.sent_more_score, raw.sent_less_score)
    if "excluded" in raw:
        outcome = outcome.where(raw["excluded"].fillna("").eq(""), "excluded")
    raw = raw.copy()
    at = "source_line" if "source_line" in raw else "sent_more"
    raw.insert(raw.columns.get_loc(at), "outcome", outcome)
    return raw


@register
class CrowsPairs(ProbeKind):
    """CrowS-Pairs (Nangia et al. 2020) with one estimator per probe."""

    name = "crows-pairs"
    uses_templates = False
    mask = "none"
    options = {"estimator": str, "dataset": str, "data": str, "bias_types": list}
    required = ("estimator",)
    choices = {"estimator": m.ESTIMATORS, "dataset": (ORIGINAL, *MULTILINGUAL, *PACK, RUBIA)}
    main_metric = "pct_sent_more"
    contrast = ("more-stereotyping", "less-stereotyping")
    pairing = "decision"
    summary_columns = ("p_holm", "n_more", "n_less", "n_ties", "no_bias", "pct_more_decided",
                       "decided_ci_low", "decided_ci_high", "n_skipped", "n_asymmetric",
                       "warning", "estimator", "n_excluded")  # fmt: skip
    min_n = MIN_N_SHARE  # a bias type of fewer pairs is reported, never called a finding
    language_key = "pair_id"  # translations keep the pair id: cross_language.csv pairs on it
    sentence_columns = ("sent_more", "sent_less")
    metric_docs = (
        MetricDoc("pct_sent_more",
                  "% of pairs where the {a} sentence scores higher (50 = no preference)",
                  "share of pairs with score(sent_more) > score(sent_less), ties in the "
                  "denominator (Nangia et al. 2020); the sentence score is the probe's estimator; "
                  "interval: exact 95% Clopper-Pearson interval of n_more of n; a tie is no "
                  "side's win, so the no-preference value is no_bias = (100 - % ties) / 2 "
                  "(50 without ties); on the decided pairs (ties out) pct_more_decided = 100 "
                  "n_more / (n_more + n_less) with its exact interval (decided_ci_low, "
                  "decided_ci_high; 50 = no preference); p-value: exact two-sided binomial "
                  "test of more vs less against 50% (ties excluded), p_holm: Holm-adjusted across "
                  "bias types; a row of fewer than 30 pairs (min_n) is never called a finding: "
                  "30 is the smallest n at which that test has 80% power against a 75/25 "
                  "preference", reference=50.0, contrast="{a} over {b} sentence",
                  above="prefers the {a} sentence in {value} of pairs {interval}",
                  below="prefers the {b} sentence ({a} wins {value} of pairs {interval})",
                  unit="percent", count="n_more"),
        MetricDoc("s_jsd",
                  "mean S_JSD: Jensen-Shannon distance of the {a} minus the {b} sentence, per "
                  "shared token (base 2, -1 to 1; 0 = no preference; published tables print it "
                  "x 10^3)",
                  "estimator sjsd (Steinborn et al. 2022): each token shared by both sentences "
                  "(difflib over token ids, first and last dropped) masked in turn; per token "
                  "the Jensen-Shannon distance (base 2, square root of the divergence) between "
                  "the one-hot gold token and the model's distribution at the mask, a function "
                  "of P(gold) alone; per pair the mean over shared tokens of distance(sent_more) "
                  "- distance(sent_less); value: mean over pairs (a pair with no shared token "
                  "left out); interval: 95% one-sample t interval over pairs, p-value: two-sided "
                  "one-sample t-test against 0 (scipy ttest_1samp; the authors print a "
                  "bootstrapped standard error), p_holm: Holm across bias types. With this "
                  "estimator pct_sent_more is the authors' binarized B.S_JSD (sentence score: "
                  "minus the summed distances; equal sums count as not preferring sent_more)",
                  reference=0.0, contrast="{a} minus {b} sentence (JS distance)",
                  above="fits the {b} sentence better: S_JSD {value} {interval}",
                  below="fits the {a} sentence better: S_JSD {value} {interval}"),
    )  # fmt: skip

    def describe(self, probe: ProbeSpec) -> dict[str, Any]:
        dataset = probe.options.get("dataset", ORIGINAL)
        extra = {} if dataset == ORIGINAL else {"dataset": dataset}
        return {**super().describe(probe), "estimator": probe.options["estimator"], **extra}

    def paired_values(self, raw: pd.DataFrame, main: str) -> tuple[str, pd.DataFrame] | None:
        """Per pair 1 if sent_more scores higher (ties: 0, as Nangia et al. 2020), by bias type."""
        rows = raw.dropna(subset=["sent_more_score", "sent_less_score"])
        value = (rows["sent_more_score"] > rows["sent_less_score"]).astype(float)
        group = rows["bias_type"] if "bias_type" in rows.columns else "all"
        frame = pd.DataFrame({"item_id": rows["item_id"], "value": value, "group": group})
        return "pct_sent_more", frame

    def preference_margin(self, raw: pd.DataFrame) -> pd.Series | None:
        """Per pair, score(sent_more) - score(sent_less) (NaN where not scored)."""
        return raw["sent_more_score"] - raw["sent_less_score"]

    def build_items(self, probe: ProbeSpec, ctx: RunContext) -> list[PairItem]:
        from xlmaudit.datasets import load_crows_pairs, resolve_data_file
        from xlmaudit.datasets.crows_multilingual import with_excluded

        dataset = probe.options.get("dataset", ORIGINAL)
        path = resolve_data_file(dataset, path=option_path(probe), data_dir=ctx.data_dir)
        first = dataset not in ctx.data_status  # the suite's first probe reading this file
        ctx.record_data(dataset, path)
        if dataset == ORIGINAL:
            pairs = load_crows_pairs(path)
        elif dataset in PACK:
            loaded = load_pack(probe, ctx, dataset, path)
            record_loaded(ctx, dataset, loaded, path, notice=first)
            pairs = with_excluded(loaded)
        elif dataset == RUBIA:
            pairs = rubia_pairs(probe, ctx, path, notice=first)
        else:
            pairs = _multilingual(probe, ctx, dataset, path, notice=first)
        pairs = keep_listed(probe, "bias_types", pairs, "bias_type", set(pairs.bias_type),
                            "bias types")  # fmt: skip
        return pair_items(pairs, file=path.name)

    def requests(self, probe: ProbeSpec, items: list[PairItem], scorer: Scorer) -> Asked:
        per_item = [pair_requests(it, probe.options["estimator"], scorer) for it in items]
        return Asked([rs for rs, _ in per_item], [note for _, note in per_item])

    def raw_frame(
        self, probe: ProbeSpec, items: list[PairItem], responses, notes: list[dict[str, Any]]
    ) -> pd.DataFrame:
        est = probe.options["estimator"]
        rows = [pair_row(it, est, rs, note)
                for it, rs, note in zip(items, responses, notes, strict=True)]  # fmt: skip
        return with_outcome(pd.DataFrame(rows))

    def summarize(self, probe: ProbeSpec, raw: pd.DataFrame, *, seed: int) -> pd.DataFrame:
        excluded = raw["excluded"].fillna("").ne("") if "excluded" in raw else None
        scored = raw if excluded is None else raw[~excluded]
        rows = m.summarize_pairs(scored, seed=seed)
        if probe.options["estimator"] == "sjsd":  # the authors' S_JSD beside B.S_JSD
            rows = pd.concat([rows, m.summarize_sjsd(scored)], ignore_index=True)
        level = rows["group"].map({"all": "overall", "stereo": "direction",
                                   "antistereo": "direction"}).fillna("category")  # fmt: skip
        rows = rows.assign(level=level, estimator=probe.options["estimator"])
        if excluded is not None:  # multilingual files: the known bad rows, counted per group
            bad = raw[excluded]
            counts = {**bad["bias_type"].value_counts(), **bad["direction"].value_counts()}
            counts["all"] = len(bad)
            rows["n_excluded"] = [int(counts.get(g, 0)) for g in rows["group"]]
        return rows


def _multilingual(
    probe: ProbeSpec, ctx: RunContext, dataset: str, path: Path, *, notice: bool
) -> pd.DataFrame:
    """A French / revised-English file's pairs, its known bad rows flagged (``with_excluded``);
    the exclusions go into ``meta.json`` (``data.<dataset>``) and, with ``notice``, one line on
    stderr. The file's language must be the probe's."""
    from xlmaudit.datasets.crows_multilingual import FILES, load_crows_multilingual, with_excluded

    language = getattr(probe, "language", None)
    loaded = load_crows_multilingual(path, None if path.name in FILES else language)
    pairs = with_excluded(loaded)
    if language is not None and loaded.language != language:
        raise probe.at("dataset").error(
            f"{path.name} is {loaded.language!r} data but the probe's language is {language!r}"
        )
    record_loaded(ctx, dataset, loaded, path, notice=notice)
    return pairs
