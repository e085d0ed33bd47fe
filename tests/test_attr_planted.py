"""Attributions on the planted-bias model, whose decisive words are known (``cue_items``).

- the planted cue gets the largest word attribution (IG, default steps) in >= 90% of cue items;
- IG at the default 50 steps is complete: |delta| / |F(x) - F(baseline)| <= 1% on every item;
- model-parameter randomisation (Adebayo et al. 2018): with re-initialised weights the
  attributions change (rank correlation with the trained model's near 0; cue no longer on top);
- where the gradient-free check (ablation) shows the model uses the cue, IG ranks it first;
- occupations-why: per-occupation mean attribution ranks occupations by their planted share.

Run ``python -m pytest -s tests/test_attr_planted.py`` to see the figures.
"""

from __future__ import annotations

import copy
import os

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from xlmaudit.attributions import Explanations
from xlmaudit.inference.attribution import explain
from xlmaudit.requests import AttributionRequest

pytestmark = pytest.mark.slow
MODEL = os.environ.get("XLMAUDIT_PLANTED_MODEL", "planted")  # another planted build, if set


@pytest.fixture(scope="module")
def planted():
    from xlmaudit.inference import load_model

    return load_model(MODEL, device="cpu")


@pytest.fixture(scope="module")
def cues():
    from xlmaudit.planted import cue_items

    return cue_items()


def requests(cues, method="lig"):
    return [
        AttributionRequest(r.text, r.target, r.contrast, method=method)
        for r in cues.itertuples(index=False)
    ]


def top_words(cues, responses, reqs) -> tuple[np.ndarray, pd.DataFrame]:
    """(top word per item, word frame) from the explanations of ``cues``."""
    ids = [str(i) for i in range(len(reqs))]
    words = Explanations.from_responses(reqs, responses, item_ids=ids).words()
    words = words[~words["is_mask"]]
    best = words.loc[words.groupby("item_id", sort=False)["attribution"].idxmax()]
    top = dict(zip(best["item_id"], best["word"].str.lower(), strict=True))
    return np.array([top[i] for i in ids]), words


def cue_on_top(cues, responses, reqs) -> np.ndarray:
    """Per item: is the cue the context word with the largest attribution?"""
    return top_words(cues, responses, reqs)[0] == cues["cue"].str.lower().to_numpy()


@pytest.fixture(scope="module")
def lig(planted, cues):
    reqs = requests(cues)
    return reqs, explain(planted, reqs)


@pytest.fixture(scope="module")
def ablation(planted, cues):
    reqs = requests(cues, method="ablation")
    return reqs, explain(planted, reqs)


def _rates(cues, hits: np.ndarray, label: str) -> None:
    parts = [f"{label}: {hits.mean():.3f} of {len(hits)} items"]
    for kind in sorted(set(cues["kind"])):
        mask = (cues["kind"] == kind).to_numpy()
        parts.append(f"{kind} {hits[mask].mean():.3f} of {mask.sum()}")
    print("; ".join(parts))


def test_planted_cue_gets_the_largest_attribution_in_90_percent(cues, lig):
    hits = cue_on_top(cues, lig[1], lig[0])
    _rates(cues, hits, "IG cue on top")
    assert hits.mean() >= 0.9


def test_where_the_model_uses_the_cue_ig_ranks_it_first(cues, lig, ablation):
    """Gradient-free ground truth of the model's behaviour: where replacing the cue alone by the
    baseline token moves F by >= 1 nat, IG must put the cue first in >= 90% of those items,
    and IG must find the cue about as often as ablation does over all items."""
    ig_hits = cue_on_top(cues, lig[1], lig[0])
    abl_top, abl_words = top_words(cues, ablation[1], ablation[0])
    abl_hits = abl_top == cues["cue"].str.lower().to_numpy()
    is_cue = abl_words["word"].str.lower() == abl_words["item_id"].map(
        dict(zip([str(i) for i in range(len(cues))], cues["cue"].str.lower(), strict=True))
    )
    effect = abl_words[is_cue].groupby("item_id")["attribution"].sum()
    uses = np.array([effect.get(str(i), 0.0) >= 1.0 for i in range(len(cues))])
    _rates(cues, abl_hits, "ablation cue on top")
    agree = top_words(cues, lig[1], lig[0])[0] == abl_top
    print(
        f"IG and ablation agree on the top word in {agree.mean():.3f}; the cue alone moves F "
        f"by >= 1 nat in {uses.sum()} items, IG puts it first in {ig_hits[uses].mean():.3f}"
    )
    assert uses.sum() >= 0.3 * len(cues)
    assert ig_hits[uses].mean() >= 0.9
    assert ig_hits.mean() >= abl_hits.mean() - 0.05


def test_integrated_gradients_complete_at_default_steps(lig):
    _, responses = lig
    rel = np.array([r.relative_delta for r in responses])
    print(f"relative delta: median {np.median(rel):.2e}, max {rel.max():.2e}")
    assert all(r.n_steps == 50 for r in responses)
    assert rel.max() <= 0.01


def test_model_parameter_randomisation_changes_attributions(planted, cues, lig):
    import torch

    reqs, trained = lig
    shuffled = copy.copy(planted)
    torch.manual_seed(1234)
    shuffled.model = type(planted.model)(planted.model.config).eval()
    random = explain(shuffled, reqs)
    rhos = []
    for a, b in zip(trained, random, strict=True):
        ctx = ~np.array(a.encoding.special)
        rhos.append(stats.spearmanr(a.attributions[ctx], b.attributions[ctx]).statistic)
    hits = cue_on_top(cues, random, reqs)
    print(f"randomised: mean Spearman {np.nanmean(rhos):.3f}, cue on top {hits.mean():.3f}")
    assert abs(np.nanmean(rhos)) < 0.3
    assert hits.mean() < 0.5


def test_occupation_attributions_recover_planted_shares(planted):
    """occupations-why on the planted model: each occupation word's mean IG push toward "she"
    ranks the occupations as their planted share of feminine pronouns does."""
    from xlmaudit.attributions import word_frame
    from xlmaudit.attributions.frame import FRAME_COLUMNS
    from xlmaudit.inference import ModelScorer
    from xlmaudit.inference.attribution import AttributionScorer
    from xlmaudit.planted import truth
    from xlmaudit.runner import run_suites
    from xlmaudit.suites import load_suite, resolve_suite

    suite = load_suite(resolve_suite("occupations-why"))
    (result,) = run_suites([suite], AttributionScorer(planted, ModelScorer(planted)))
    raw = result.raw[result.raw["probe"] == "why"]
    words = word_frame(raw[list(FRAME_COLUMNS)].astype({"special": bool, "is_mask": bool}))
    shares = truth().query("association == 'gender_occupation'").set_index("term")["planted_value"]
    per_word = words[words["word"].isin(shares.index)].groupby("word")["attribution"].mean()
    rho = stats.spearmanr(per_word.to_numpy(), shares[per_word.index].to_numpy()).statistic
    print(
        f"occupations: Spearman(mean attribution toward she, planted share) = {rho:.3f} "
        f"over {len(per_word)} planted occupations"
    )
    assert len(per_word) >= 20 and rho >= 0.9
