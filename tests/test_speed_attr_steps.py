"""Adaptive Gauss-Legendre steps for integrated gradients (issue 17, item 4).

On the planted model's cue items: every explanation ends under the completeness threshold, the
cue validation gives the same hits as fixed 50 steps, with at least 2x fewer forward+backward
passes. An item stopped at s steps has exactly the attributions of a fixed s-step run.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import numpy as np
import pytest

from xlmaudit.inference.attribution import (
    DEFAULT_THRESHOLD,
    AttributionScorer,
    explain,
    step_schedule,
)
from xlmaudit.requests import AttributionRequest


def test_step_schedule() -> None:
    assert step_schedule(50, True) == [8, 16, 32, 50]
    assert step_schedule(64, True) == [8, 16, 32, 64]
    assert step_schedule(20, True) == [8, 16, 20]
    assert step_schedule(8, True) == [8]
    assert step_schedule(50, False) == [50]


def test_scorer_runs_adaptive_by_default() -> None:
    scorer = AttributionScorer(object(), type("S", (), {"fingerprint": "f"})())
    assert scorer.options["adaptive"] is True
    forced = AttributionScorer(object(), type("S", (), {"fingerprint": "f"})(), adaptive=False)
    assert forced.options["adaptive"] is False


def test_scorer_uses_the_wrapped_scorers_token_budget() -> None:
    core = type("S", (), {"fingerprint": "f", "batch_tokens": 777})()
    scorer = AttributionScorer(object(), core)
    assert scorer.batch_tokens == 777 and scorer.options["batch_tokens"] == 777


@pytest.fixture(scope="module")
def planted():
    from xlmaudit.inference import load_model

    return load_model("planted", device="cpu")


@pytest.fixture(scope="module")
def cue_requests():
    from xlmaudit.planted import cue_items

    cues = cue_items()
    reqs = [AttributionRequest(r.text, r.target, r.contrast) for r in cues.itertuples(index=False)]
    return cues, reqs


@pytest.mark.slow
def test_adaptive_is_complete_keeps_cues_and_halves_passes(planted, cue_requests) -> None:
    from tests.test_attr_planted import cue_on_top

    cues, reqs = cue_requests
    fixed_counts: dict[str, int] = {}
    adaptive_counts: dict[str, int] = {}
    fixed = explain(planted, reqs, counts=fixed_counts)
    adaptive = explain(planted, reqs, adaptive=True, counts=adaptive_counts)
    rel = np.array([r.relative_delta for r in adaptive])
    steps = np.array([r.n_steps for r in adaptive])
    per_fixed = fixed_counts["passes"] / fixed_counts["explanations"]
    per_adaptive = adaptive_counts["passes"] / adaptive_counts["explanations"]
    print(
        f"passes per explanation: fixed 50 {per_fixed:.1f}, adaptive {per_adaptive:.1f} "
        f"({per_fixed / per_adaptive:.2f}x); steps used {Counter(steps.tolist())}; "
        f"max relative delta {rel.max():.2e}"
    )
    assert rel.max() <= DEFAULT_THRESHOLD
    assert set(steps) <= {8, 16, 32, 50}
    hits_fixed = cue_on_top(cues, fixed, reqs)
    hits_adaptive = cue_on_top(cues, adaptive, reqs)
    assert hits_adaptive.mean() >= 0.9
    assert np.array_equal(hits_fixed, hits_adaptive)
    assert per_fixed / per_adaptive >= 2.0


@pytest.mark.slow
def test_item_stopped_at_s_steps_equals_a_fixed_s_step_run(planted, cue_requests) -> None:
    _, reqs = cue_requests
    reqs = reqs[:12]
    counts: dict[str, int] = {}
    adaptive = explain(planted, reqs, adaptive=True, threshold=2e-3, counts=counts)
    steps = [r.n_steps for r in adaptive]
    assert len(set(steps)) >= 2  # a tight threshold sends some items on to more steps
    for s in sorted(set(steps)):
        index = [i for i, n in enumerate(steps) if n == s]
        again = explain(planted, [replace(reqs[i], n_steps=s) for i in index])
        for i, r in zip(index, again, strict=True):
            assert r.n_steps == s
            np.testing.assert_allclose(adaptive[i].attributions, r.attributions, atol=1e-5)
            assert abs(adaptive[i].delta - r.delta) < 1e-5
            assert r.relative_delta <= 2e-3 or s == 50
    assert counts["explanations"] == 12
    tries = {s: sum(n >= s for n in steps) for s in step_schedule(50, True)}
    assert counts["passes"] >= sum(s * k for s, k in tries.items())  # rows >= explanations
