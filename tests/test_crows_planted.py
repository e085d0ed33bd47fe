"""Validation on the planted-bias model: planted stereotypes are recovered, controls are not.

``xlmaudit.planted.stereotype_pairs()`` builds CrowS-style pairs on held-out frames from the
stereotypes planted in the model's training corpus (``stereotyped`` names the sentence that
carries the planted association) and control pairs whose attribute was planted at 0.5.
"""

from pathlib import Path

import pytest
from scipy.stats import binomtest

from xlmaudit.inference import ModelScorer, load_model
from xlmaudit.metrics.crows import ESTIMATORS
from xlmaudit.planted import stereotype_pairs
from xlmaudit.probes import RunContext
from xlmaudit.probes.crows import score_pairs
from xlmaudit.runner import run_suites
from xlmaudit.suites import load_suite

pytestmark = pytest.mark.slow

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="module")
def scorer():
    return ModelScorer(load_model("planted"))


@pytest.fixture(scope="module")
def planted_raw(scorer):
    pairs = stereotype_pairs(seed=0).reset_index(names="pair_id")
    pairs = pairs.rename(columns={"stereo_antistereo": "direction"})
    raw = score_pairs(pairs, scorer, estimators=ESTIMATORS)
    return raw.merge(pairs[["pair_id", "is_control", "stereotyped"]], on="pair_id")


@pytest.mark.parametrize("estimator", ESTIMATORS)
def test_planted_pairs_prefer_the_planted_direction(planted_raw, estimator):
    raw = planted_raw[(planted_raw.estimator == estimator) & ~planted_raw.is_control]
    planted = raw.stereotyped.map({"sent_more": "more", "sent_less": "less"})
    hits = int((raw.outcome == planted).sum())
    decided = int(raw.outcome.isin(["more", "less"]).sum())
    assert decided >= 0.9 * len(raw)
    assert hits / decided >= 0.7, f"{estimator}: {hits}/{decided} in the planted direction"
    assert binomtest(hits, decided, 0.5, alternative="greater").pvalue < 1e-6


@pytest.mark.parametrize("estimator", ESTIMATORS)
def test_control_pairs_show_no_preference(planted_raw, estimator):
    raw = planted_raw[(planted_raw.estimator == estimator) & planted_raw.is_control]
    more, less = int((raw.outcome == "more").sum()), int((raw.outcome == "less").sum())
    assert more + less >= 20
    # planted pairs reach >= 70%; a control pair set must not look like one
    assert 0.25 <= more / (more + less) <= 0.75, f"{estimator}: {more} more vs {less} less"


def test_full_crows_pairs_suite_runs_on_the_planted_model(scorer):
    (result,) = run_suites(
        [load_suite(Path(__file__).resolve().parents[1] / "probes" / "crows-pairs.yaml")],
        scorer,
        ctx=RunContext(data_dir=DATA),
    )
    assert len(result.raw) == 5 * 1508
    overall = result.summary[result.summary.group == "all"].set_index("probe")
    assert overall.n.drop("meade2022").eq(1508).all()
    assert overall.loc["meade2022", "n"] + overall.loc["meade2022", "n_skipped"] == 1508
    assert overall.value.between(0, 100).all() and overall.p_value.between(0, 1).all()
