"""SEAT on the planted-bias model: the sign of d follows the planted occupation direction.

probes/seat-planted.yaml: X = sentences with occupations planted female-leaning (feminine-pronoun
share >= 0.7), Y = male-leaning (<= 0.3), A = she-sentences, B = he-sentences, so the planted
direction is d > 0; a neutral test (occupations planted at 0.5 on both sides) must not be
significant in either tail. Shipped model (run seed 0): mean pooling d = 0.83, first d = 1.06,
p = 1e-5 (the floor, 1 / 100,000); neutral d = -0.52 (p 0.93) and -0.13 (p 0.64).
"""

import pytest

from xlmaudit.inference import ModelScorer, load_model
from xlmaudit.probes import RunContext
from xlmaudit.runner import run_suites
from xlmaudit.suites import load_suite, resolve_suite

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def summary():
    suite = load_suite(resolve_suite("seat-planted"))
    scorer = ModelScorer(load_model("planted"))
    (result,) = run_suites([suite], scorer, ctx=RunContext(seed=0))
    return result.summary.set_index(["probe", "group"])


@pytest.mark.parametrize("probe", ["mean", "first"])
def test_planted_direction_is_recovered(summary, probe):
    row = summary.loc[(probe, "occupation-gender")]
    assert row.metric == "effect_size"
    assert row.value > 0.5, f"{probe}: d = {row.value:.3f}, planted direction is d > 0"
    assert row.p_value < 0.01


@pytest.mark.parametrize("probe", ["mean", "first"])
def test_neutral_occupations_give_no_significant_d(summary, probe):
    row = summary.loc[(probe, "occupation-neutral")]
    # one-sided p in (0.025, 0.975): not significant in either direction at 5% two-sided
    assert 0.025 < row.p_value < 0.975, f"{probe}: d = {row.value:.3f}, p = {row.p_value}"
    assert row.ci_low < 0 < row.ci_high
