"""Calibration of the bilingual planted model (English, French) through scorers (pure: no torch).

Per language, the English calibration (:func:`xlmaudit.planted.calibrate.calibrate`) on that
language's held-out items, scored with that language's id. Two cross-language figures:

- ``single_language_stereotype``: the ``city`` stereotype is planted in French only. Its French
  pairs must prefer the stereotyped sentence (>= 0.9); the same pairs translated to English (the
  English corpus has the same city names, every attribute at 0.5) must not (clustered 95% interval
  containing 0.5);
- ``cross_language_stereotype``: the same planted pairs in both languages (pair ``t-i`` of type
  ``t`` drawn with the same seed from the same index space: attribute, held-out frame, person
  noun, group term, so the English pair is the French pair's translation), compared by the
  N-way cross-language comparison (:mod:`xlmaudit.cross_language`, injected by the caller as
  ``compare``: planted/ sits below it). The French-only ``city`` stereotype must appear as a
  fr-vs-en difference (fr more stereotype-preferring, Holm p < 0.05) and nowhere else: every
  other type's fr-vs-en row has Holm p >= 0.05 (the ``all`` row pools the types, city included,
  so it is not a "where else");
- ``wrong_language_id``: the French items scored with the **English** language id (the ``langs``
  tensor of ``en``). The model only ever saw French words with the French id, so recovery of the
  French truth degrades; the figures beside the right-id ones show that the id is passed and read.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from xlmaudit.planted.calibrate import (
    THRESHOLDS,
    calibrate,
    pair_calibration,
    pair_clusters,
    preference_interval,
)
from xlmaudit.planted.corpus import CorpusSize
from xlmaudit.planted.items import stereotype_pairs
from xlmaudit.planted.language import BILINGUAL, FRENCH_ONLY, PlantedLanguage
from xlmaudit.planted.lexicon_fr import CITY_EN_PROBE
from xlmaudit.requests import Scorer, WithLanguage

# raw frames by language (CrowS columns, a ``lang`` column) -> the cross-language frame
Compare = Callable[[Mapping[str, pd.DataFrame]], pd.DataFrame]
CROSS_ALPHA = 0.05  # Holm-adjusted level of "a fr-vs-en difference"

# Wrong-id degradation that counts as "measurable": the mean French pair preference drops by at
# least 0.05 AND the pseudo-perplexity of held-out French filler grows by at least 1.5x. The
# occupation Spearman is reported but not required to drop: the she/he ratio at the mask survives
# a wrong id on the candidate models (drops of 0.05 and -0.003 measured), pairs and PLL do not.
WRONG_ID_MIN_DROP = {"pair_preference": 0.05, "perplexity_ratio": 1.5}
_DROPPED = ("model", "thresholds", "truth")


def language_scorers(scorer: Scorer, languages: tuple[str, ...]) -> dict[str, WithLanguage]:
    """One view of ``scorer`` per language id: its requests are encoded with that language."""
    return {code: WithLanguage(scorer, code) for code in languages}


def _mean_preference(result: dict[str, Any]) -> float:
    values = [v["value"] for v in result["pair_preference"].values()]
    return sum(values) / len(values)


def single_language_stereotype(
    scorers: Mapping[str, Scorer], french: dict[str, Any], *, pair_seed: int, n: int
) -> dict[str, Any]:
    """The French-only ``city`` stereotype measured in French (from ``french``) and in English."""
    name, planted_in = FRENCH_ONLY
    pairs = stereotype_pairs(
        seed=pair_seed, n_per_type=n, n_control=0, lang=BILINGUAL["en"], types=(CITY_EN_PROBE,)
    )
    scored = pair_calibration(scorers["en"], pairs)
    en = preference_interval(scored.stereotyped_higher, pair_clusters(scored))
    fr = french["pair_preference"][name]
    return {
        "type": name,
        "planted_in": planted_in,
        "fr": fr,
        "en": en,
        "difference": fr["value"] - en["value"],
        "passed": bool(
            fr["value"] >= THRESHOLDS["pair_preference"]
            and en["ci_low_clustered"] <= 0.5 <= en["ci_high_clustered"]
        ),
    }


def _type_in(code: str, lang: PlantedLanguage, name: str) -> Any:
    """The stereotype type ``name`` in language ``code``: the French-only type's attributes
    translated (planted at 0.5) where the language does not plant it."""
    return CITY_EN_PROBE if (name, code) == (FRENCH_ONLY[0], "en") else lang.stereotype(name)


def aligned_pair_frames(
    scorers: Mapping[str, Scorer], *, pair_seed: int, n: int
) -> dict[str, pd.DataFrame]:
    """Per language, a CrowS-style raw frame of the same planted pairs (module docstring): ids
    ``<type>-<i>``, ``sent_more_score`` the stereotyped sentence's score (so a decision of 1 is
    "prefers the planted stereotype"), ``estimator`` nangia2020, ``lang``; the language the
    stereotype is planted in first (the comparison's language a)."""
    frames = {}
    planted_first = sorted(BILINGUAL, key=lambda code: code != FRENCH_ONLY[1])  # fr - en
    for code in planted_first:
        lang, parts = BILINGUAL[code], []
        for st in BILINGUAL[FRENCH_ONLY[1]].stereotypes:
            pairs = stereotype_pairs(seed=pair_seed, n_per_type=n, n_control=0, lang=lang,
                                     types=(_type_in(code, lang, st.name),))  # fmt: skip
            scored = pair_calibration(scorers[code], pairs)
            first = (scored.stereotyped == "sent_more").to_numpy()
            more, less = scored.sent_more_score.to_numpy(), scored.sent_less_score.to_numpy()
            parts.append(pd.DataFrame({
                "pair_id": [f"{st.name}-{i}" for i in range(len(scored))], "bias_type": st.name,
                "sent_more_score": np.where(first, more, less),
                "sent_less_score": np.where(first, less, more),
            }))  # fmt: skip
        frames[code] = pd.concat(parts, ignore_index=True).assign(estimator="nangia2020", lang=code)
    return frames


def cross_language_stereotype(frame: pd.DataFrame) -> dict[str, Any]:
    """The planted-in-one-language check on a cross-language frame (module docstring): per bias
    type its fr-vs-en difference, interval and Holm p, and whether the planted type alone
    differs, in the planted language's favour."""
    name, planted_in = FRENCH_ONLY
    rows = frame[frame["bias_type"] != "all"]
    per_type = {
        str(r.bias_type): {"difference": float(r.difference), "ci_low": float(r.ci_low),
                           "ci_high": float(r.ci_high), "n": int(r.n_pairs),
                           "p_value": float(r.p_value), "p_holm": float(r.p_holm),
                           "lang_a": str(r.lang_a), "lang_b": str(r.lang_b)}
        for r in rows.itertuples()
    }  # fmt: skip
    planted = per_type.get(name)
    sign = 1 if planted and planted["lang_a"] == planted_in else -1
    found = bool(planted and sign * planted["difference"] > 0 and planted["p_holm"] < CROSS_ALPHA)
    elsewhere = sorted(t for t, r in per_type.items() if t != name and r["p_holm"] < CROSS_ALPHA)
    return {"type": name, "planted_in": planted_in, "per_type": per_type, "alpha": CROSS_ALPHA,
            "found": found, "elsewhere": elsewhere,
            "passed": found and not elsewhere}  # fmt: skip


def wrong_language_id(right: dict[str, Any], wrong: dict[str, Any]) -> dict[str, Any]:
    """French recovery with the French id (``right``) vs with the English id (``wrong``)."""
    ppl_ratio = wrong["pseudo_perplexity"]["value"] / right["pseudo_perplexity"]["value"]
    drop = {
        "spearman_occupation": right["spearman_occupation"] - wrong["spearman_occupation"],
        "pair_preference": _mean_preference(right) - _mean_preference(wrong),
    }
    return {
        "text": "fr",
        "lang_id": "en",
        "spearman_occupation": wrong["spearman_occupation"],
        "pair_preference": wrong["pair_preference"],
        "pair_preference_mean": _mean_preference(wrong),
        "control_preference": wrong["control_preference"],
        "cue_accuracy": wrong["cue_accuracy"],
        "pseudo_perplexity": wrong["pseudo_perplexity"],
        "right_id": {
            "spearman_occupation": right["spearman_occupation"],
            "pair_preference_mean": _mean_preference(right),
            "pseudo_perplexity": right["pseudo_perplexity"]["value"],
        },
        "drop": drop,
        "perplexity_ratio": ppl_ratio,
        "min_drop": WRONG_ID_MIN_DROP,
        "passed": bool(
            drop["pair_preference"] >= WRONG_ID_MIN_DROP["pair_preference"]
            and ppl_ratio >= WRONG_ID_MIN_DROP["perplexity_ratio"]
        ),
    }


def calibrate_bilingual(
    scorers: Mapping[str, Scorer],
    *,
    seed: int = 0,
    size: CorpusSize | None = None,
    pair_seed: int = 0,
    n_per_type: int = 64,
    n_control: int = 32,
    compare: Compare | None = None,
) -> tuple[dict[str, Any], pd.DataFrame]:
    """All figures of the bilingual model (JSON-ready) and the per-language measured truth table.

    ``scorers`` maps each language id (``en``, ``fr``) to a scorer that encodes with that id
    (:func:`language_scorers`); the wrong-id figures score French items with ``scorers["en"]``.
    ``compare`` (``xlmaudit.cross_language.cross_language_of_run``): with it, the
    ``cross_language_stereotype`` check runs too.
    """
    kw = dict(seed=seed, size=size, pair_seed=pair_seed, n_per_type=n_per_type, n_control=n_control)
    languages: dict[str, Any] = {}
    tables = []
    for code, lang in BILINGUAL.items():
        result, table = calibrate(scorers[code], lang=lang, **kw)
        languages[code] = {k: v for k, v in result.items() if k not in _DROPPED}
        tables.append(table.assign(lang=code))
    wrong, _ = calibrate(scorers["en"], lang=BILINGUAL["fr"], **kw)
    single = single_language_stereotype(scorers, languages["fr"], pair_seed=pair_seed, n=n_per_type)
    wrong_id = wrong_language_id(languages["fr"], wrong)
    passed = {f"{code}.{k}": v for code, r in languages.items() for k, v in r["passed"].items()}
    passed |= {
        "single_language_stereotype": single["passed"],
        "wrong_language_id": wrong_id["passed"],
    }
    cross = None
    if compare is not None:
        frames = aligned_pair_frames(scorers, pair_seed=pair_seed, n=n_per_type)
        cross = cross_language_stereotype(compare(frames))
        passed["cross_language_stereotype"] = cross["passed"]
    out = {
        "model": scorers["en"].fingerprint,
        "languages": languages,
        "single_language_stereotype": single,
        "wrong_language_id": wrong_id,
        **({"cross_language_stereotype": cross} if cross else {}),
        "thresholds": THRESHOLDS,
        "passed": passed,
    }
    table = pd.concat(tables, ignore_index=True)
    return out, table[["lang", *[c for c in table.columns if c != "lang"]]]


def summary_lines_bilingual(result: dict[str, Any]) -> str:
    """A few human-readable lines of the bilingual figures."""
    lines = []
    for code, r in result["languages"].items():
        prefs = ", ".join(f"{b} {v['value']:.3f}" for b, v in r["pair_preference"].items())
        ctrl = r["control_preference"]["all"]
        lines.append(
            f"[{code}] spearman_occupation {r['spearman_occupation']:.3f}; pair_preference "
            f"{prefs}; control {ctrl['value']:.3f} clustered [{ctrl['ci_low_clustered']:.3f}, "
            f"{ctrl['ci_high_clustered']:.3f}]; cue_accuracy {r['cue_accuracy']:.3f}"
        )
    s = result["single_language_stereotype"]
    lines.append(
        f"{s['type']} stereotype (planted in {s['planted_in']} only): fr {s['fr']['value']:.3f}, "
        f"en {s['en']['value']:.3f} clustered [{s['en']['ci_low_clustered']:.3f}, "
        f"{s['en']['ci_high_clustered']:.3f}]"
    )
    w = result["wrong_language_id"]
    lines.append(
        f"French text with the English id: spearman {w['spearman_occupation']:.3f} "
        f"(right id {w['right_id']['spearman_occupation']:.3f}), pair preference mean "
        f"{w['pair_preference_mean']:.3f} (right id {w['right_id']['pair_preference_mean']:.3f}), "
        f"pseudo-perplexity x{w['perplexity_ratio']:.2f}"
    )
    c = result.get("cross_language_stereotype")
    if c:
        diffs = ", ".join(f"{t} {r['difference']:+.3f} (Holm p {r['p_holm']:.2g})"
                          for t, r in c["per_type"].items())  # fmt: skip
        lines.append(f"same pairs, fr - en: {diffs}; planted difference found {c['found']}, "
                     f"elsewhere {c['elsewhere'] or 'none'}")  # fmt: skip
    lines.append("passed " + ", ".join(f"{k}={v}" for k, v in result["passed"].items()))
    return "\n".join(lines)
