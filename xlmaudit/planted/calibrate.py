"""Calibration of a model against the planted truth, through any ``Scorer`` (pure: no torch).

Measured on held-out frames that never occur in the corpus:

- per occupation, P(she) / (P(she) + P(he)) at the mask (mean over frames) vs the planted share;
- per stereotype type, the share of CrowS-Pairs-style pairs whose stereotyped sentence gets the
  higher pseudo-log-likelihood (``nangia2020`` estimator: shared tokens only), and the same for
  control pairs (planted 0.5), each with an exact binomial 95% interval and a cluster bootstrap
  interval over (bias type, attribute, group term) clusters. Pairs of a cluster share the model's
  small learned lean for that term and attribute, so they decide together and the binomial
  interval (pairs as independent) is too narrow; the control check uses the clustered one;
- pseudo-perplexity on held-out filler sentences against a unigram model of the corpus.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from xlmaudit.errors import InputError
from xlmaudit.metrics.stats import cluster_proportion
from xlmaudit.planted.corpus import CorpusSize, generate_corpus, heldout_filler
from xlmaudit.planted.items import cue_items, occupation_items, stereotype_pairs
from xlmaudit.planted.language import ENGLISH, PlantedLanguage
from xlmaudit.planted.truth import language_truth
from xlmaudit.probes.crows import score_pairs
from xlmaudit.requests import MaskedWordRequest, PLLRequest, Scorer

THRESHOLDS = {"spearman_occupation": 0.9, "pair_preference": 0.9}


def _she_share(scorer: Scorer, items: pd.DataFrame, lang: PlantedLanguage = ENGLISH) -> pd.Series:
    """P(she) / (P(she) + P(he)) at the mask of each item's ``text`` (``lang.targets``)."""
    resps = scorer.score([MaskedWordRequest(t, lang.targets) for t in items.text])
    diff = np.array([r.candidates[0].logprob - r.candidates[1].logprob for r in resps])
    return pd.Series(1.0 / (1.0 + np.exp(-diff)), index=items.index)


def occupation_calibration(
    scorer: Scorer, lang: PlantedLanguage = ENGLISH
) -> tuple[pd.DataFrame, float]:
    """Measured feminine share per occupation and the Spearman correlation with the planted one."""
    items = occupation_items(lang)
    items["measured"] = _she_share(scorer, items, lang)
    per = items.groupby("occupation", sort=False).agg(
        planted_value=("planted_value", "first"), measured_value=("measured", "mean")
    )
    rho = stats.spearmanr(per.planted_value, per.measured_value).statistic
    return per.reset_index(), float(rho)


def preference_interval(hits: pd.Series, clusters: pd.Series) -> dict[str, float]:
    """Share of ``hits``: exact binomial 95% interval (pairs as independent) and a cluster
    bootstrap interval that resamples whole clusters (pairs sharing attribute and group terms)."""
    k, n = int(hits.sum()), len(hits)
    ci = stats.binomtest(k, n, 0.5).proportion_ci(confidence_level=0.95)
    clustered = cluster_proportion(hits.to_numpy(), clusters.to_numpy())
    return {
        "value": k / n,
        "n": n,
        "ci_low": float(ci.low),
        "ci_high": float(ci.high),
        "n_clusters": int(clusters.nunique()),
        "ci_low_clustered": clustered.ci_low,
        "ci_high_clustered": clustered.ci_high,
    }


def pair_clusters(pairs: pd.DataFrame) -> pd.Series:
    """A pair's cluster: bias type, attribute and the group term of ``sent_more``."""
    return pairs.bias_type + "/" + pairs.attribute + "/" + pairs.term_more


def pair_calibration(scorer: Scorer, pairs: pd.DataFrame) -> pd.DataFrame:
    """Scores of each pair; ``stereotyped_higher`` / ``more_higher`` as booleans (ties: False)."""
    frame = pairs.assign(pair_id=range(len(pairs)), direction=pairs.stereo_antistereo)
    raw = score_pairs(frame, scorer, estimators=("nangia2020",))
    out = pairs.assign(
        sent_more_score=raw.sent_more_score.to_numpy(),
        sent_less_score=raw.sent_less_score.to_numpy(),
    )
    out["more_higher"] = out.sent_more_score > out.sent_less_score
    less_higher = out.sent_less_score > out.sent_more_score
    out["stereotyped_higher"] = np.where(
        out.stereotyped == "sent_more", out.more_higher, less_higher
    )
    return out


def pair_summary(scored: pd.DataFrame) -> tuple[dict[str, Any], dict[str, Any]]:
    """(``pair_preference`` per bias type, ``control_preference`` per type and ``all``)."""
    planted, control = scored[~scored.is_control], scored[scored.is_control]
    pref = {
        b: preference_interval(g.stereotyped_higher, pair_clusters(g))
        for b, g in planted.groupby("bias_type", sort=False)
    }
    ctrl = {
        b: preference_interval(g.more_higher, pair_clusters(g))
        for b, g in control.groupby("bias_type", sort=False)
    }
    ctrl["all"] = preference_interval(control.more_higher, pair_clusters(control))
    return pref, ctrl


def pseudo_perplexity(
    scorer: Scorer,
    *,
    seed: int = 0,
    size: CorpusSize | None = None,
    n: int = 300,
    lang: PlantedLanguage = ENGLISH,
) -> dict[str, Any]:
    """PLL pseudo-perplexity on held-out filler vs an add-one unigram model of the corpus pieces."""
    corpus = generate_corpus(seed=seed, size=size, lang=lang)
    sentences = heldout_filler(seed=seed, n=n, exclude=set(corpus), lang=lang)
    words = Counter(w for s in corpus for w in s.split())
    counts: Counter[int] = Counter()
    for word, c in words.items():
        enc = scorer.tokenize(word)
        counts.update({i: c for i, s in zip(enc.ids, enc.special, strict=True) if not s})
    resps = scorer.score([PLLRequest(s) for s in sentences])
    ids = [r.encoding.ids[p] for r in resps for p in r.positions]
    pll = np.concatenate([r.logprobs for r in resps])
    types = len(set(counts) | set(ids))
    total = sum(counts.values()) + types
    uni = np.array([math.log((counts.get(i, 0) + 1) / total) for i in ids])
    return {
        "value": float(np.exp(-pll.mean())),
        "unigram_baseline": float(np.exp(-uni.mean())),
        "n_sentences": len(sentences),
        "n_tokens": len(ids),
    }


def _measured_truth(
    occ: pd.DataFrame, cues: pd.DataFrame, scored: pd.DataFrame, lang: PlantedLanguage = ENGLISH
) -> pd.DataFrame:
    """The truth table with ``measured_value`` beside ``planted_value``."""
    table = language_truth(lang)
    measured = dict(zip(occ.occupation, occ.measured_value, strict=True))
    measured |= cues.groupby("cue").measured.mean().to_dict()
    for (bias, attr), g in scored.groupby(["bias_type", "attribute"]):
        row = table[(table.association == bias) & (table.term == attr)].iloc[0]
        more = row.group == lang.stereotype(bias).more
        measured[attr] = float(
            (g.more_higher if more else g.sent_less_score > g.sent_more_score).mean()
        )
    table["measured_value"] = table.term.map(measured)
    table["n_items"] = table.term.map(_n_items(occ, cues, scored, lang))
    return table


def _n_items(
    occ: pd.DataFrame, cues: pd.DataFrame, scored: pd.DataFrame, lang: PlantedLanguage
) -> dict[str, int]:
    n = occupation_items(lang).groupby("occupation").size().to_dict()
    n |= cues.groupby("cue").size().to_dict()
    n |= scored.groupby("attribute").size().to_dict()
    return n


def training_size(model_dir: str | Path) -> tuple[int, CorpusSize]:
    """Corpus seed and size a model was trained on (its ``training.json``; defaults otherwise)."""
    path = Path(model_dir) / "training.json"
    if not path.is_file():
        return 0, CorpusSize()
    try:
        meta = json.loads(path.read_text())
        return int(meta.get("seed", 0)), CorpusSize(**meta.get("corpus", {}))
    except (json.JSONDecodeError, TypeError, ValueError, AttributeError) as exc:
        raise InputError(f"{path}: not a training record of `xlmaudit planted train` ({exc}); "
                         "expected an object with 'seed' and 'corpus' (per_occupation, per_cue, "
                         "per_attribute, filler)") from exc  # fmt: skip


def training_languages(model_dir: str | Path) -> tuple[str, ...]:
    """Corpus languages a model was trained on (``languages`` of its ``training.json``; English
    when the record has none, as for the English planted model or a model not trained here)."""
    path = Path(model_dir) / "training.json"
    try:
        meta = json.loads(path.read_text()) if path.is_file() else {}
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not JSON ({exc})") from exc
    langs = meta.get("languages", ["en"]) if isinstance(meta, dict) else ["en"]
    return tuple(str(code) for code in langs)


def calibrate(
    scorer: Scorer,
    *,
    seed: int = 0,
    size: CorpusSize | None = None,
    pair_seed: int = 0,
    n_per_type: int = 64,
    n_control: int = 32,
    lang: PlantedLanguage = ENGLISH,
) -> tuple[dict[str, Any], pd.DataFrame]:
    """All calibration figures (JSON-ready dict) and the truth table with measured values.

    ``seed`` and ``size`` describe the training corpus (for the unigram baseline and to keep
    held-out sentences out of it); ``pair_seed`` draws the stereotype pairs; ``lang`` is the
    planted language whose items are scored (``scorer`` encodes them in that language).
    """
    occ, rho = occupation_calibration(scorer, lang)
    items = cue_items(lang)
    cues = items[items.kind.isin(["gender_cue", "gender_agreement"])].copy()
    cues["measured"] = _she_share(scorer, cues, lang)
    pairs = stereotype_pairs(seed=pair_seed, n_per_type=n_per_type, n_control=n_control, lang=lang)
    scored = pair_calibration(scorer, pairs)
    pref, ctrl = pair_summary(scored)
    table = _measured_truth(occ, cues, scored, lang)
    agree = cues.kind == "gender_agreement"
    correct = (cues.measured > 0.5) == (cues.target == lang.targets[0])
    result = {
        "model": scorer.fingerprint,
        "spearman_occupation": rho,
        "pair_preference": pref,
        "control_preference": ctrl,
        "cue_accuracy": float(correct[~agree].mean()),
        **({"agreement_accuracy": float(correct[agree].mean())} if agree.any() else {}),
        "pseudo_perplexity": pseudo_perplexity(scorer, seed=seed, size=size, lang=lang),
        "thresholds": THRESHOLDS,
        "passed": _passed(rho, pref, ctrl),
        "truth": table.to_dict(orient="records"),
    }
    return result, table


def _passed(rho: float, pref: dict[str, Any], ctrl: dict[str, Any]) -> dict[str, bool]:
    return {
        "spearman_occupation": bool(rho >= THRESHOLDS["spearman_occupation"]),
        "pair_preference": all(v["value"] >= THRESHOLDS["pair_preference"] for v in pref.values()),
        "control_preference": bool(
            ctrl["all"]["ci_low_clustered"] <= 0.5 <= ctrl["all"]["ci_high_clustered"]
        ),
    }
