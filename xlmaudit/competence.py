"""``competence.csv``: does the model handle the language a bias figure was measured in?

A bias score of "no preference" means nothing in a language the model cannot read: a model that
guesses every piece at random prefers neither sentence of a pair. So for every probe a run
measures, on the same items, this table gives the model's language-modelling competence:

- ``mean_pll_per_token``: per item, the pseudo-log-likelihood (Salazar et al. 2020: each
  non-special piece masked in turn, log P of the original piece, natural log) of the item's whole
  sentences divided by their number of pieces; then the mean over items, with a 95% percentile
  bootstrap interval over items (whole clusters where the kind declares a ``cluster_key``:
  :func:`xlmaudit.metrics.stats.cluster_mean`). The sentences are the raw columns the kind
  declares (:attr:`xlmaudit.probes.ProbeKind.sentence_columns`); a kind that declares none
  (templates with a ``[MASK]``) gets no row. Pieces the tokenizer cannot read (``<unk>``) are
  specials and not scored; ``xlmaudit list --model`` reports their share.
- ``lms``: the headline value of the kind's declared competence metric
  (:attr:`~xlmaudit.probes.ProbeKind.competence_metric`: StereoSet's language-modelling score,
  where the data has unrelated options); NaN for other kinds.
- ``below_floor``: ``mean_pll_per_token`` below ``floor`` (:data:`FLOOR`).

Reuse: a piece's PLL term (the piece masked alone, the rest of the sentence intact) does not
depend on which other pieces are scored, so the pieces the probes already scored with the
``original`` estimator (CrowS-Pairs: nangia2020 the shared pieces, meade2022 the differing ones;
recorded by :class:`PLLRecorder` during the run's one pass) are reused, and one ``PLLRequest`` per
sentence asks only for the pieces no probe scored (none when a run has both nangia2020 and
meade2022 on the sentence), through the run's scorer and its response cache.

The floor (:data:`FLOOR`): -ln(1000) = -6.91 nats per piece, a pseudo-perplexity of 1000: the model
predicts a masked piece of the item no better than a uniform guess among 1000 pieces. It is
absolute, not relative to the model's English figure, because a run need not contain English on the
same ids (``crows-pairs-fr`` alone), and because a model that is poor in English too must not pass
by comparison. It is declared here, never per model. A model that predicts no better than a uniform
guess over a vocabulary of V pieces scores -ln V (-10.3 for 30k pieces, -11.7 for mBERT's 119,547,
-12.4 for XLM-R's 250,002), and random weights score lower still. Measured in this repository
(``--limit 10``, nangia2020 pairs): the planted bilingual model scores held-out pairs of its own
French and English at -1.1 and -1.3 nats per piece, while a tiny random 17-language XLM scores the
same pairs at -10.5; the planted model scores real CrowS-Pairs, whose words it never saw, at -11.9
(fr) and -11.7 (en-revised), and is rightly flagged there. A probe whose figure is under the floor
gets a warning on its rows in the findings (the ``warning`` column), so that "no bias measured" is
never read as a finding about a language the model does not handle.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from xlmaudit.metrics.stats import bootstrap_mean, cluster_mean
from xlmaudit.probes import ProbeKind, get_kind
from xlmaudit.requests import PLLRequest, Scorer, TokenScores

FILE = "competence.csv"
COLUMNS = ("suite", "probe", "lang", "n", "n_sentences", "n_tokens", "mean_pll_per_token",
           "ci_low", "ci_high", "lms", "floor", "below_floor")  # fmt: skip
FLOOR = -math.log(1000.0)  # nats per piece: pseudo-perplexity 1000 (module docstring)
NAN = float("nan")


def _kind(result: Any, probe: str) -> ProbeKind | None:
    name = result.meta.get("probes", {}).get(probe, {}).get("kind")
    return get_kind(name) if name else None


def probe_sentences(kind: ProbeKind, raw: pd.DataFrame) -> pd.DataFrame:
    """``item_id``, ``text`` (and the kind's ``cluster_key`` column): the whole sentences of a
    probe's raw rows, blank ones and known bad rows (a non-empty ``excluded``) left out."""
    cols = [c for c in kind.sentence_columns if c in raw.columns]
    if not cols or raw.empty:
        return pd.DataFrame(columns=["item_id", "text"])
    if "excluded" in raw.columns:
        raw = raw[raw["excluded"].fillna("").astype(str).eq("")]
    keep = ["item_id"] + ([kind.cluster_key] if kind.cluster_key in raw.columns else [])
    long = raw.melt(id_vars=keep, value_vars=cols, value_name="text").drop(columns="variable")
    long = long[long["text"].map(lambda t: isinstance(t, str) and bool(t.strip()))]
    return long.drop_duplicates(["item_id", "text"]).reset_index(drop=True)


def _probes(results: Sequence[Any]):  # noqa: ANN202 - yields (suite, probe, lang, kind, frame)
    for r in results:
        if r.raw is None or r.raw.empty or "probe" not in r.raw.columns:
            continue
        for probe, raw in r.raw.groupby("probe", sort=False):
            kind = _kind(r, str(probe))
            if kind is None or not kind.sentence_columns:
                continue
            lang = str(raw["lang"].iloc[0]) if "lang" in raw.columns else "en"
            yield r.suite.name, str(probe), lang, kind, probe_sentences(kind, raw)


Sentence = tuple[str, str]  # (text, language)
Scored = tuple[float, int]  # (summed log P, pieces scored)


class PLLRecorder:
    """``scorer`` that keeps, per (text, language), the log P of every piece the run's
    ``original``-estimator PLL requests scored (the pair estimators' shared and differing pieces),
    so that :func:`score_sentences` asks only for the pieces no probe scored. Everything else is
    ``scorer``'s (attributes are passed through)."""

    def __init__(self, scorer: Scorer) -> None:
        self.scorer = scorer
        self.known: dict[Sentence, dict[int, float]] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self.scorer, name)

    def tokenize(self, text: str, lang: str | None = None) -> Any:
        return self.scorer.tokenize(text, lang)

    def score(self, requests: list) -> list:
        answers = self.scorer.score(requests)
        for req, answer in zip(requests, answers, strict=True):
            ours = isinstance(req, PLLRequest) and req.estimator == "original" and req.lang
            if ours and isinstance(answer, TokenScores):
                record(self.known, (req.text, str(req.lang)), answer)
        return answers


def record(known: dict[Sentence, dict[int, float]], key: Sentence, answer: TokenScores) -> None:
    """Add ``answer``'s per-position log P to ``known[key]``."""
    seen = known.setdefault(key, {})
    for pos, lp in zip(answer.positions.tolist(), answer.logprobs.tolist(), strict=True):
        seen[int(pos)] = float(lp)


def competence_sentences(results: Sequence[Any]) -> list[Sentence]:
    """The distinct (sentence, language) pairs of the run's probes with whole sentences."""
    seen: dict[Sentence, None] = {}
    for _, _, lang, _, sentences in _probes(results):
        seen.update(dict.fromkeys((str(t), lang) for t in sentences["text"]))
    return list(seen)


def score_sentences(
    sentences: Sequence[Sentence], scorer: Scorer,
    known: Mapping[Sentence, Mapping[int, float]] | None = None,
) -> dict[Sentence, Scored]:  # fmt: skip
    """(summed PLL, pieces) of each whole sentence: every non-special piece masked in turn (the
    ``original`` estimator). Pieces already scored (``known``: a piece's PLL term does not depend
    on which other pieces are scored) are reused; the others are asked in one ``score`` call,
    one ``PLLRequest`` per sentence with the missing positions."""
    known = known or {}
    need, asked = {}, []
    for text, lang in sentences:
        enc = scorer.tokenize(text, lang)
        need[(text, lang)] = [i for i, special in enumerate(enc.special) if not special]
        missing = tuple(p for p in need[(text, lang)] if p not in known.get((text, lang), {}))
        if missing:
            asked.append(PLLRequest(text, "original", missing, lang))
    fresh: dict[Sentence, dict[int, float]] = {k: dict(v) for k, v in known.items()}
    for req, answer in zip(asked, scorer.score(asked) if asked else [], strict=True):
        record(fresh, (req.text, str(req.lang)), answer)
    return {key: (float(sum(fresh[key][p] for p in pos)), len(pos)) if pos else (0.0, 0)
            for key, pos in need.items()}  # fmt: skip


def item_pll(sentences: pd.DataFrame, scores: Mapping[Sentence, Scored], lang: str) -> pd.Series:
    """Per item: summed PLL of its sentences / their scored pieces (NaN: no piece scored)."""
    got = [scores[(str(t), lang)] for t in sentences["text"]]
    frame = sentences.assign(pll=[g[0] for g in got], pieces=[g[1] for g in got])
    per = frame.groupby("item_id", sort=False)[["pll", "pieces"]].sum()
    return (per["pll"] / per["pieces"].where(per["pieces"] > 0)).rename("pll_per_token")


def _headline(summary: pd.DataFrame, suite: str, probe: str, metric: str) -> float:
    if not metric or summary is None or summary.empty:
        return NAN
    rows = summary[(summary["probe"] == probe) & (summary["metric"] == metric)]
    if "level" in rows.columns:
        rows = rows[rows["level"] == "overall"]
    return float(rows["value"].iloc[0]) if len(rows) else NAN


def competence_frame(
    results: Sequence[Any], scores: Mapping[Sentence, Scored], *, floor: float = FLOOR,
    seed: int = 0,
) -> pd.DataFrame:  # fmt: skip
    """The ``competence.csv`` frame from suite results and :func:`score_sentences`."""
    summaries = {r.suite.name: r.summary for r in results}
    rows = []
    for suite, probe, lang, kind, sentences in _probes(results):
        per_item = item_pll(sentences, scores, lang) if len(sentences) else pd.Series(dtype=float)
        values = per_item.to_numpy(float)
        if kind.cluster_key and kind.cluster_key in sentences.columns:
            clusters = sentences.drop_duplicates("item_id").set_index("item_id")[kind.cluster_key]
            est = cluster_mean(values, clusters.reindex(per_item.index).to_numpy(), seed=seed)
        else:
            est = bootstrap_mean(values, seed=seed)
        n_tokens = sum(scores[(str(t), lang)][1] for t in sentences["text"])
        rows.append({
            "suite": suite, "probe": probe, "lang": lang, "n": int(np.isfinite(values).sum()),
            "n_sentences": len(sentences), "n_tokens": n_tokens, "mean_pll_per_token": est.value,
            "ci_low": est.ci_low, "ci_high": est.ci_high,
            "lms": _headline(summaries[suite], suite, probe, kind.competence_metric),
            "floor": floor, "below_floor": bool(np.isfinite(est.value) and est.value < floor),
        })  # fmt: skip
    return pd.DataFrame(rows, columns=list(COLUMNS))


def run_competence(
    results: Sequence[Any], scorer: Scorer, *, seed: int = 0,
    known: Mapping[Sentence, Mapping[int, float]] | None = None,
) -> dict:  # fmt: skip
    """``{"competence.csv": frame}`` for suite results (``{}`` when no probe declares
    sentences); ``known``: the pieces the run already scored (:class:`PLLRecorder`)."""
    sentences = competence_sentences(results)
    if not sentences:
        return {}
    return {FILE: competence_frame(results, score_sentences(sentences, scorer, known), seed=seed)}


def competence_warning(row: Mapping[str, Any]) -> str:
    """The findings' warning for a probe whose language is below the floor ("" otherwise)."""
    if not bool(row.get("below_floor")):
        return ""
    return (f"the model does not handle {row['lang']}: mean pseudo-log-likelihood "
            f"{float(row['mean_pll_per_token']):.2f} nats per piece on these items, below the "
            f"competence floor {float(row['floor']):.2f} (competence.csv); no preference here "
            "is not evidence of no bias")  # fmt: skip


def competence_sentence(table: pd.DataFrame | None, suite: str, lang: str) -> str:
    """The report summary's sentence for ``suite`` in ``lang`` when a probe of it is below the
    floor (the lowest figure quoted); "" otherwise."""
    if table is None or table.empty:
        return ""
    rows = table[(table["suite"].astype(str) == suite) & (table["lang"].astype(str) == lang)]
    rows = rows[rows["below_floor"].astype(bool)]
    if rows.empty:
        return ""
    low = rows.loc[rows["mean_pll_per_token"].idxmin()]
    text = competence_warning(low)
    return text[0].upper() + text[1:] + "."


def competence_warnings(table: pd.DataFrame | None) -> dict[tuple[str, str], str]:
    """(suite, probe) -> warning, for the rows of ``competence.csv`` below the floor."""
    if table is None or table.empty:
        return {}
    out = {}
    for row in table.to_dict("records"):
        text = competence_warning(row)
        if text:
            out[(str(row["suite"]), str(row["probe"]))] = text
    return out
